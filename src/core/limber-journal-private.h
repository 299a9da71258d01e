/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "limber-journal.h"
#include "limber-time.h"

G_BEGIN_DECLS

/* PRAGMA application_id of every Limber journal: "LMBR". */
#define LIMBER_JOURNAL_APPLICATION_ID 0x4C4D4252

/* PRAGMA user_version that this code writes; one migration step per version. */
#define LIMBER_JOURNAL_SCHEMA_VERSION 6

struct _LimberJournal
{
  GObject       parent_instance;

  char         *path;
  char         *moved_aside_path;
  char         *read_only_reason;  /* NULL when the journal can be written */
  guint         n_salvaged;
  sqlite3      *db;
  int           lock_fd;           /* "<path>.lock", or -1 */
  GHashTable   *owned;             /* ids of the sessions this journal runs */
  GHashTable   *stmts;             /* SQL text → prepared sqlite3_stmt */
};

/* limber-journal-file.c, -migrations.c, -salvage.c: opening a file */
void          _limber_journal_set_sqlite_error (GError              **error,
                                                sqlite3              *db,
                                                int                   rc,
                                                const char           *path);
gboolean      _limber_journal_migrate          (sqlite3              *db,
                                                const char           *path,
                                                GError              **error);
guint         _limber_journal_salvage_copy     (sqlite3              *dest,
                                                const char           *aside);
sqlite3      *_limber_journal_open_file        (const char           *path,
                                                char                **moved_aside_path,
                                                char                **read_only_reason,
                                                guint                *n_salvaged,
                                                GError              **error);

/* limber-journal.c: what every limber-journal-*.c file reads and writes
 * with. Statements are cached on the journal by their SQL text, which must
 * be a string that lives as long as the program. */
sqlite3_stmt *_limber_journal_get_stmt         (LimberJournal        *self,
                                                const char           *sql,
                                                GError              **error);
void          _limber_journal_stmt_done        (sqlite3_stmt         *stmt);
gboolean      _limber_journal_run_stmt         (LimberJournal        *self,
                                                sqlite3_stmt         *stmt,
                                                GError              **error);
void          _limber_journal_set_step_error   (LimberJournal        *self,
                                                int                   rc,
                                                GError              **error);
gboolean      _limber_journal_begin_write      (LimberJournal        *self,
                                                GError              **error);
gboolean      _limber_journal_commit_write     (LimberJournal        *self,
                                                GError              **error);
void          _limber_journal_rollback_write   (LimberJournal        *self);
typedef gpointer (*LimberJournalRowFunc)       (sqlite3_stmt         *stmt);
GPtrArray    *_limber_journal_collect_rows     (LimberJournal        *self,
                                                sqlite3_stmt         *stmt,
                                                LimberJournalRowFunc  from_row,
                                                GDestroyNotify        free_func,
                                                GError              **error);
GPtrArray    *_limber_journal_list_rows        (LimberJournal        *self,
                                                const char           *sql,
                                                GDateTime            *from,
                                                GDateTime            *to,
                                                LimberJournalRowFunc  from_row,
                                                GDestroyNotify        free_func,
                                                GError              **error);
guint         _limber_journal_column_uint      (sqlite3_stmt         *stmt,
                                                int                   column);
char         *_limber_journal_column_text      (sqlite3_stmt         *stmt,
                                                int                   column);
char         *_limber_journal_column_strdup    (sqlite3_stmt         *stmt,
                                                int                   column);
GDateTime    *_limber_journal_time_from_usec   (gint64                usec);

/* limber-journal-sessions.c and -checkins.c: one row of their SELECTs,
 * for limber-journal-entries.c */
LimberSessionInfo *_limber_journal_session_from_row (sqlite3_stmt   *stmt);
LimberCheckin     *_limber_journal_checkin_from_row (sqlite3_stmt   *stmt);
#define _LIMBER_JOURNAL_SESSION_COLUMNS \
  "s.id, s.routine_id, s.routine_name, s.started_at, s.ended_at," \
  " s.planned_ms, s.active_ms, s.outcome, s.rating," \
  " (SELECT COUNT(*) FROM session_parts AS p WHERE p.session_id = s.id)," \
  " (SELECT COALESCE(SUM(p.skipped != 0), 0) FROM session_parts AS p WHERE p.session_id = s.id)"
#define _LIMBER_JOURNAL_CHECKIN_COLUMNS \
  "id, time, pain, stiffness, side, morning_stiffness, numbness, radiating, weakness, note"

/* For tests only: the journal's own connection, to read per-connection
 * pragmas or to make the disk look full (PRAGMA max_page_count). */
sqlite3      *_limber_journal_get_handle_for_testing (LimberJournal *self);

G_END_DECLS
