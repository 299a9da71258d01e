/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "limber-journal.h"

G_BEGIN_DECLS

char *journal_path (void);
LimberJournal *open_ok (const char *path);
GDateTime *utc (int    year,
                int    month,
                int    day,
                int    hour,
                int    minute,
                double seconds);
gint64 usec_of (GDateTime *dt);
void assert_same_time (GDateTime *a,
                       GDateTime *b);
gint64 start (LimberJournal *journal,
              const char    *routine_id,
              GDateTime     *started_at);
void record (LimberJournal *journal,
             gint64         id,
             guint          step,
             LimberSide     side,
             guint          done_ms,
             gboolean       skipped,
             guint          active_ms);
GPtrArray *list_sessions (LimberJournal *journal,
                          GDateTime     *since);
LimberSessionInfo *find_session (GPtrArray *sessions,
                                 gint64     id);
GPtrArray *list_parts (LimberJournal *journal,
                       gint64         id);
void fill (LimberJournal *journal,
           guint          n_sessions);
void make_journal (const char *path,
                   guint       n_sessions);
GBytes *read_bytes (const char *path);
void write_bytes (const char *path,
                  const void *data,
                  gsize       length);
void assert_file_is (const char *path,
                     GBytes     *expected);
gboolean exists (const char *path);
void assert_no_side_files (const char *path);
sqlite3 *raw_open (const char *path);
void raw_exec (sqlite3    *db,
               const char *sql);
gint64 raw_int (sqlite3    *db,
                const char *sql);
char *raw_text (sqlite3    *db,
                const char *sql);
LimberCheckin *checkin_at (GDateTime *time,
                           int        pain,
                           int        stiffness);
gint64 add_checkin (LimberJournal       *journal,
                    const LimberCheckin *checkin);
void assert_same_checkin (const LimberCheckin *a,
                          const LimberCheckin *b);
gint64 count_checkins (LimberJournal *journal);

G_END_DECLS
