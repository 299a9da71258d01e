/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "limber-journal.h"
#include "limber-time.h"

G_BEGIN_DECLS

/* PRAGMA application_id of every Limber journal: "LMBR". */
#define LIMBER_JOURNAL_APPLICATION_ID 0x4C4D4252

/* PRAGMA user_version that this code writes; one migration step per version. */
#define LIMBER_JOURNAL_SCHEMA_VERSION 3

void      limber_journal_set_sqlite_error (GError     **error,
                                           sqlite3     *db,
                                           int          rc,
                                           const char  *path);
gboolean  limber_journal_migrate          (sqlite3     *db,
                                           const char  *path,
                                           GError     **error);
guint     limber_journal_salvage_copy     (sqlite3     *dest,
                                           const char  *aside);
sqlite3  *limber_journal_open_file        (const char  *path,
                                           char       **moved_aside_path,
                                           char       **read_only_reason,
                                           guint       *n_salvaged,
                                           GError     **error);

/* For the journal's other files (limber-journal-checkins.c,
 * limber-advisory.c): statements cached on the journal by their SQL text,
 * which must be a string that lives as long as the program. */
sqlite3_stmt *limber_journal_get_cached_stmt  (LimberJournal  *self,
                                               const char     *sql,
                                               GError        **error);
void          limber_journal_stmt_done        (sqlite3_stmt   *stmt);
typedef gpointer (*LimberJournalRowFunc)      (sqlite3_stmt   *stmt);
GPtrArray    *limber_journal_collect_rows     (LimberJournal        *self,
                                               sqlite3_stmt         *stmt,
                                               LimberJournalRowFunc  from_row,
                                               GDestroyNotify        free_func,
                                               GError              **error);
gboolean      limber_journal_run_stmt         (LimberJournal  *self,
                                               sqlite3_stmt   *stmt,
                                               GError        **error);
void          limber_journal_set_step_error   (LimberJournal  *self,
                                               int             rc,
                                               GError        **error);
gboolean      limber_journal_begin_write      (LimberJournal  *self,
                                               GError        **error);
gboolean      limber_journal_commit_write     (LimberJournal  *self,
                                               GError        **error);
void          limber_journal_rollback_write   (LimberJournal  *self);
sqlite3      *limber_journal_get_db           (LimberJournal  *self);
char         *limber_journal_column_text      (sqlite3_stmt   *stmt,
                                               int             column);
GDateTime    *limber_journal_time_from_usec   (gint64          usec);

/* For tests only: the journal's own connection, to read per-connection
 * pragmas or to make the disk look full (PRAGMA max_page_count). */
sqlite3  *limber_journal_get_handle_for_testing (LimberJournal *self);

G_END_DECLS
