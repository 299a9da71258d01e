/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the journal's tests share: paths, raw SQLite access, and sessions
 * and check-ins made in one call. */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "journal-test-utils.h"
#include "limber-advisory.h"
#include "limber-enums.h"
#include "limber-journal-private.h"

/* Helpers */

char *
journal_path (void)
{
  return limber_journal_get_default_path ();
}

LimberJournal *
open_ok (const char *path)
{
  g_autoptr(GError) error = NULL;
  LimberJournal *journal = limber_journal_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (journal);
  return journal;
}

GDateTime *
utc (int    year,
     int    month,
     int    day,
     int    hour,
     int    minute,
     double seconds)
{
  return g_date_time_new_utc (year, month, day, hour, minute, seconds);
}

gint64
usec_of (GDateTime *dt)
{
  return g_date_time_to_unix (dt) * G_USEC_PER_SEC + g_date_time_get_microsecond (dt);
}

void
assert_same_time (GDateTime *a,
                  GDateTime *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpint (usec_of (a), ==, usec_of (b));
}

gint64
start (LimberJournal *journal,
       const char    *routine_id,
       GDateTime     *started_at)
{
  g_autoptr(GError) error = NULL;
  gint64 id = limber_journal_start_session (journal, routine_id, "A routine", started_at,
                                            300000, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

void
record (LimberJournal *journal,
        gint64         id,
        guint          step,
        LimberSide     side,
        guint          done_ms,
        gboolean       skipped,
        guint          active_ms)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (limber_journal_record_part (journal, id, step, side, "seated-hamstring",
                                             30000, done_ms, skipped, active_ms, &error));
  g_assert_no_error (error);
}

GPtrArray *
list_sessions (LimberJournal *journal,
               GDateTime     *since)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *sessions = limber_journal_list_sessions (journal, since, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sessions);
  return sessions;
}

LimberSessionInfo *
find_session (GPtrArray *sessions,
              gint64     id)
{
  for (guint i = 0; i < sessions->len; i++)
    {
      LimberSessionInfo *info = g_ptr_array_index (sessions, i);

      if (info->id == id)
        return info;
    }
  g_assert_not_reached ();
}

GPtrArray *
list_parts (LimberJournal *journal,
            gint64         id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *parts = limber_journal_list_parts (journal, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (parts);
  return parts;
}

/* Fills a journal with finished sessions of four parts each. */
void
fill (LimberJournal *journal,
      guint          n_sessions)
{
  g_autoptr(GDateTime) base = utc (2024, 1, 1, 8, 0, 0);

  for (guint i = 0; i < n_sessions; i++)
    {
      g_autoptr(GDateTime) started = g_date_time_add_hours (base, 24 * i);
      g_autoptr(GDateTime) ended = g_date_time_add_minutes (started, 5);
      g_autoptr(GError) error = NULL;
      gint64 id = start (journal, "morning-hamstrings", started);

      record (journal, id, 0, LIMBER_SIDE_NONE, 30000, FALSE, 30000);
      record (journal, id, 1, LIMBER_SIDE_LEFT, 30000, FALSE, 60000);
      record (journal, id, 1, LIMBER_SIDE_RIGHT, 30000, FALSE, 90000);
      record (journal, id, 2, LIMBER_SIDE_NONE, 0, TRUE, 90000);
      g_assert_true (limber_journal_finish_session (journal, id, LIMBER_OUTCOME_COMPLETED,
                                                    ended, 90000, &error));
      g_assert_no_error (error);
    }
}

void
make_journal (const char *path,
              guint       n_sessions)
{
  g_autoptr(LimberJournal) journal = open_ok (path);

  fill (journal, n_sessions);
  /* Closing the last connection checkpoints too; be explicit anyway. */
  g_assert_cmpint (sqlite3_exec (_limber_journal_get_handle_for_testing (journal),
                                 "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==, SQLITE_OK);
}

GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

void
write_bytes (const char *path,
             const void *data,
             gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

void
assert_file_is (const char *path,
                GBytes     *expected)
{
  g_autoptr(GBytes) bytes = read_bytes (path);

  g_assert_true (g_bytes_equal (bytes, expected));
}

gboolean
exists (const char *path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

void
assert_no_side_files (const char *path)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);

      if (exists (side))
        g_error ("%s was left behind", side);
    }
}

sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  return db;
}

void
raw_exec (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

gint64
raw_int (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

char *
raw_text (sqlite3    *db,
          const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* Check-ins */

LimberCheckin *
checkin_at (GDateTime *time,
            int        pain,
            int        stiffness)
{
  LimberCheckin *checkin = limber_checkin_new ();

  g_date_time_unref (checkin->time);
  checkin->time = g_date_time_ref (time);
  checkin->pain = pain;
  checkin->stiffness = stiffness;
  return checkin;
}

gint64
add_checkin (LimberJournal       *journal,
             const LimberCheckin *checkin)
{
  g_autoptr(GError) error = NULL;
  gint64 id = limber_journal_add_checkin (journal, checkin, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

void
assert_same_checkin (const LimberCheckin *a,
                     const LimberCheckin *b)
{
  assert_same_time (a->time, b->time);
  g_assert_cmpint (a->pain, ==, b->pain);
  g_assert_cmpint (a->stiffness, ==, b->stiffness);
  g_assert_cmpint (a->side, ==, b->side);
  g_assert_cmpint (a->morning_stiffness, ==, b->morning_stiffness);
  g_assert_cmpint (a->symptoms, ==, b->symptoms);
  g_assert_cmpstr (a->note, ==, b->note);
}

gint64
count_checkins (LimberJournal *journal)
{
  return raw_int (_limber_journal_get_handle_for_testing (journal), "SELECT count(*) FROM checkins");
}
