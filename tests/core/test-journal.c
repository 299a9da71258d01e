/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The journal: schema and migrations, the session lifecycle, and what
 * happens to damaged, foreign, newer, read-only and crashed journals. */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "faulty-vfs.h"
#include "limber-journal-private.h"

#define NOBODY_ID 65534

/* Helpers */

static char *
journal_path (void)
{
  return limber_journal_get_default_path ();
}

static LimberJournal *
open_ok (const char *path)
{
  g_autoptr(GError) error = NULL;
  LimberJournal *journal = limber_journal_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (journal);
  return journal;
}

static GDateTime *
utc (int    year,
     int    month,
     int    day,
     int    hour,
     int    minute,
     double seconds)
{
  return g_date_time_new_utc (year, month, day, hour, minute, seconds);
}

static gint64
usec_of (GDateTime *dt)
{
  return g_date_time_to_unix (dt) * G_USEC_PER_SEC + g_date_time_get_microsecond (dt);
}

static void
assert_same_time (GDateTime *a,
                  GDateTime *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpint (usec_of (a), ==, usec_of (b));
}

static gint64
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

static void
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

static GPtrArray *
list_sessions (LimberJournal *journal,
               GDateTime     *since)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *sessions = limber_journal_list_sessions (journal, since, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sessions);
  return sessions;
}

static LimberSessionInfo *
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

static GPtrArray *
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
static void
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

static void
make_journal (const char *path,
              guint       n_sessions)
{
  g_autoptr(LimberJournal) journal = open_ok (path);

  fill (journal, n_sessions);
  /* Closing the last connection checkpoints too; be explicit anyway. */
  g_assert_cmpint (sqlite3_exec (limber_journal_get_handle_for_testing (journal),
                                 "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==, SQLITE_OK);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
write_bytes (const char *path,
             const void *data,
             gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

static void
assert_file_is (const char *path,
                GBytes     *expected)
{
  g_autoptr(GBytes) bytes = read_bytes (path);

  g_assert_true (g_bytes_equal (bytes, expected));
}

static gboolean
exists (const char *path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
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

static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  return db;
}

static void
raw_exec (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static gint64
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

static char *
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

/* Creation and settings */

static void
test_default_path (void)
{
  g_autofree char *path = limber_journal_get_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "limber", "journal.db", NULL);

  g_assert_cmpstr (path, ==, expected);
}

static void
test_create_and_reopen (void)
{
  g_autofree char *path = journal_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GDateTime) started = utc (2024, 5, 1, 9, 15, 30.123456);
  g_autoptr(LimberJournal) journal = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  LimberSessionInfo *info;
  GStatBuf st;
  gint64 id;

  g_assert_false (exists (dir));

  journal = open_ok (path);
  g_assert_cmpstr (limber_journal_get_path (journal), ==, path);
  g_assert_null (limber_journal_get_moved_aside_path (journal));
  g_assert_true (exists (path));
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  /* health data: the journal and its write-ahead log are the owner's alone,
   * whatever the umask */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  id = start (journal, "desk-break", started);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);

    g_assert_cmpint (g_stat (wal, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
  g_clear_object (&journal);

  journal = open_ok (path);
  g_assert_null (limber_journal_get_moved_aside_path (journal));
  sessions = list_sessions (journal, NULL);
  g_assert_cmpuint (sessions->len, ==, 1);
  info = g_ptr_array_index (sessions, 0);
  g_assert_cmpint (info->id, ==, id);
  g_assert_cmpstr (info->routine_id, ==, "desk-break");
  assert_same_time (info->started_at, started);
  g_assert_cmpint (g_date_time_get_microsecond (info->started_at), ==, 123456);
}

static void
test_pragmas (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(LimberJournal) journal = open_ok (path);
  sqlite3 *db = limber_journal_get_handle_for_testing (journal);
  g_autofree char *mode = raw_text (db, "PRAGMA journal_mode");

  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (raw_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (raw_int (db, "PRAGMA synchronous"), ==, 2); /* FULL */
  g_assert_cmpint (raw_int (db, "PRAGMA busy_timeout"), ==, 5000);
  g_assert_cmpint (raw_int (db, "PRAGMA application_id"), ==, LIMBER_JOURNAL_APPLICATION_ID);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, LIMBER_JOURNAL_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM sqlite_master WHERE name = 'sessions_started_at'"), ==, 1);
}

static void
test_empty_file (void)
{
  g_autofree char *path = journal_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(LimberJournal) journal = NULL;
  g_autoptr(GDateTime) started = utc (2024, 5, 1, 9, 0, 0);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) d = NULL;
  const char *name;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  write_bytes (path, "", 0);

  journal = open_ok (path);
  g_assert_null (limber_journal_get_moved_aside_path (journal));
  start (journal, "desk-break", started);

  d = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (d)))
    g_assert_false (g_str_has_prefix (name, "journal.db.corrupt"));
}

/* Sessions */

static void
test_lifecycle (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(LimberJournal) journal = open_ok (path);
  g_autoptr(GDateTime) started = utc (2024, 5, 1, 9, 0, 0);
  g_autoptr(GDateTime) ended = utc (2024, 5, 1, 9, 6, 30.5);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GError) error = NULL;
  LimberSessionInfo *info;
  LimberPartInfo *part;
  gint64 id;

  id = limber_journal_start_session (journal, "morning-hamstrings", "Morning hamstrings",
                                     started, 390000, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  sessions = list_sessions (journal, NULL);
  g_assert_cmpuint (sessions->len, ==, 1);
  info = g_ptr_array_index (sessions, 0);
  g_assert_cmpstr (info->routine_name, ==, "Morning hamstrings");
  g_assert_cmpint (info->outcome, ==, LIMBER_OUTCOME_IN_PROGRESS);
  g_assert_null (info->ended_at);
  g_assert_cmpuint (info->planned_ms, ==, 390000);
  g_assert_cmpuint (info->active_ms, ==, 0);
  g_assert_cmpint (info->rating, ==, -1);
  g_assert_cmpuint (info->n_parts, ==, 0);
  g_clear_pointer (&sessions, g_ptr_array_unref);

  /* Out of order on purpose: the list sorts by step, then none/left/right. */
  record (journal, id, 1, LIMBER_SIDE_RIGHT, 0, TRUE, 95000);
  record (journal, id, 0, LIMBER_SIDE_NONE, 60000, FALSE, 60000);
  record (journal, id, 1, LIMBER_SIDE_LEFT, 10000, FALSE, 75000);
  /* The same (step, side) again replaces the first record. */
  g_assert_true (limber_journal_record_part (journal, id, 1, LIMBER_SIDE_LEFT, "standing-calf",
                                             30000, 30000, FALSE, 98000, &error));
  g_assert_no_error (error);

  parts = list_parts (journal, id);
  g_assert_cmpuint (parts->len, ==, 3);
  part = g_ptr_array_index (parts, 0);
  g_assert_cmpuint (part->step, ==, 0);
  g_assert_cmpint (part->side, ==, LIMBER_SIDE_NONE);
  g_assert_cmpuint (part->done_ms, ==, 60000);
  g_assert_false (part->skipped);
  part = g_ptr_array_index (parts, 1);
  g_assert_cmpuint (part->step, ==, 1);
  g_assert_cmpint (part->side, ==, LIMBER_SIDE_LEFT);
  g_assert_cmpstr (part->exercise_id, ==, "standing-calf");
  g_assert_cmpuint (part->planned_ms, ==, 30000);
  g_assert_cmpuint (part->done_ms, ==, 30000);
  part = g_ptr_array_index (parts, 2);
  g_assert_cmpuint (part->step, ==, 1);
  g_assert_cmpint (part->side, ==, LIMBER_SIDE_RIGHT);
  g_assert_cmpuint (part->done_ms, ==, 0);
  g_assert_true (part->skipped);

  sessions = list_sessions (journal, NULL);
  info = g_ptr_array_index (sessions, 0);
  g_assert_cmpuint (info->active_ms, ==, 98000);
  g_assert_cmpuint (info->n_parts, ==, 3);
  g_assert_cmpuint (info->n_skipped, ==, 1);
  g_clear_pointer (&sessions, g_ptr_array_unref);

  g_assert_true (limber_journal_finish_session (journal, id, LIMBER_OUTCOME_COMPLETED, ended,
                                                385000, &error));
  g_assert_no_error (error);

  sessions = list_sessions (journal, NULL);
  info = g_ptr_array_index (sessions, 0);
  g_assert_cmpint (info->outcome, ==, LIMBER_OUTCOME_COMPLETED);
  assert_same_time (info->ended_at, ended);
  g_assert_cmpuint (info->active_ms, ==, 385000);

  /* The copy is deep. */
  {
    g_autoptr(LimberSessionInfo) copy = limber_session_info_copy (info);

    g_assert_cmpstr (copy->routine_id, ==, info->routine_id);
    g_assert_true (copy->routine_id != info->routine_id);
    assert_same_time (copy->ended_at, info->ended_at);
  }
}

static void
test_outcomes (void)
{
  static const LimberOutcome outcomes[] = {
    LIMBER_OUTCOME_COMPLETED,
    LIMBER_OUTCOME_STOPPED,
    LIMBER_OUTCOME_STOPPED_FOR_PAIN,
    LIMBER_OUTCOME_INTERRUPTED,
  };
  g_autofree char *path = journal_path ();
  g_autoptr(LimberJournal) journal = open_ok (path);
  g_autoptr(GDateTime) base = utc (2024, 6, 1, 7, 0, 0);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[G_N_ELEMENTS (outcomes)];
  gint64 id;

  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    {
      g_autoptr(GDateTime) started = g_date_time_add_hours (base, i);
      g_autoptr(GDateTime) ended = g_date_time_add_minutes (started, 3);

      ids[i] = start (journal, "desk-break", started);
      g_assert_true (limber_journal_finish_session (journal, ids[i], outcomes[i], ended,
                                                    1000 * i, &error));
      g_assert_no_error (error);
    }

  /* Stored by name: read the raw column as well. */
  g_assert_cmpint (raw_int (limber_journal_get_handle_for_testing (journal),
                            "SELECT count(*) FROM sessions WHERE outcome = 'stopped-for-pain'"), ==, 1);

  sessions = list_sessions (journal, NULL);
  g_assert_cmpuint (sessions->len, ==, G_N_ELEMENTS (outcomes));
  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    {
      LimberSessionInfo *info = find_session (sessions, ids[i]);

      g_assert_cmpint (info->outcome, ==, outcomes[i]);
      g_assert_cmpuint (info->active_ms, ==, 1000 * i);
    }

  /* A session cannot be finished as still in progress. */
  id = start (journal, "desk-break", base);
  g_assert_false (limber_journal_finish_session (journal, id, LIMBER_OUTCOME_IN_PROGRESS, base,
                                                 0, &error));
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);

  /* Unknown sessions. */
  g_assert_false (limber_journal_finish_session (journal, 9999, LIMBER_OUTCOME_COMPLETED, base,
                                                 0, &error));
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (limber_journal_record_part (journal, 9999, 0, LIMBER_SIDE_NONE, "leg-swings",
                                              1000, 1000, FALSE, 1000, &error));
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (limber_journal_list_parts (journal, 9999, &error));
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A known session without parts is an empty list, not an error. */
  {
    g_autoptr(GPtrArray) parts = list_parts (journal, id);

    g_assert_cmpuint (parts->len, ==, 0);
  }
}

static int
rating_of (LimberJournal *journal,
           gint64         id)
{
  g_autoptr(GPtrArray) sessions = list_sessions (journal, NULL);

  return find_session (sessions, id)->rating;
}

static void
test_rating (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(LimberJournal) journal = open_ok (path);
  g_autoptr(GDateTime) started = utc (2024, 6, 1, 7, 0, 0);
  g_autoptr(GError) error = NULL;
  gint64 id = start (journal, "desk-break", started);
  gint64 other = start (journal, "desk-break", started);

  g_assert_cmpint (rating_of (journal, id), ==, -1);

  for (int rating = 0; rating <= 10; rating += 5)
    {
      g_assert_true (limber_journal_set_session_rating (journal, id, rating, &error));
      g_assert_no_error (error);
      g_assert_cmpint (rating_of (journal, id), ==, rating);
    }

  g_assert_true (limber_journal_set_session_rating (journal, id, 7, &error));
  g_assert_no_error (error);

  g_assert_false (limber_journal_set_session_rating (journal, id, 11, &error));
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (limber_journal_set_session_rating (journal, id, -1, &error));
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (rating_of (journal, id), ==, 7);

  g_assert_false (limber_journal_set_session_rating (journal, 4242, 5, &error));
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_NOT_FOUND);
  g_assert_cmpint (rating_of (journal, other), ==, -1);
}

static void
test_list_since (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(LimberJournal) journal = open_ok (path);
  g_autoptr(GDateTime) t1 = utc (2024, 6, 1, 7, 0, 0);
  g_autoptr(GDateTime) t2 = utc (2024, 6, 2, 7, 0, 0);
  g_autoptr(GDateTime) t3 = utc (2024, 6, 3, 7, 0, 0);
  g_autoptr(GDateTime) after_t2 = g_date_time_add (t2, 1);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) recent = NULL;
  g_autoptr(GPtrArray) later = NULL;
  gint64 a, b, c, d;

  /* Written out of time order. */
  b = start (journal, "b", t2);
  a = start (journal, "a", t1);
  d = start (journal, "d", t3);
  c = start (journal, "c", t2);

  all = list_sessions (journal, NULL);
  g_assert_cmpuint (all->len, ==, 4);
  g_assert_cmpint (((LimberSessionInfo *) all->pdata[0])->id, ==, d);
  g_assert_cmpint (((LimberSessionInfo *) all->pdata[1])->id, ==, c); /* same time: newer id first */
  g_assert_cmpint (((LimberSessionInfo *) all->pdata[2])->id, ==, b);
  g_assert_cmpint (((LimberSessionInfo *) all->pdata[3])->id, ==, a);

  recent = list_sessions (journal, t2); /* inclusive */
  g_assert_cmpuint (recent->len, ==, 3);
  g_assert_cmpint (((LimberSessionInfo *) recent->pdata[2])->id, ==, b);

  later = list_sessions (journal, after_t2);
  g_assert_cmpuint (later->len, ==, 1);
  g_assert_cmpint (((LimberSessionInfo *) later->pdata[0])->id, ==, d);
}

static void
test_recover (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(LimberJournal) journal = open_ok (path);
  g_autoptr(GDateTime) t1 = utc (2024, 6, 1, 7, 0, 0);
  g_autoptr(GDateTime) t2 = utc (2024, 6, 2, 7, 0, 0);
  g_autoptr(GDateTime) t3 = utc (2024, 6, 3, 7, 0, 0);
  g_autoptr(GDateTime) t2_end = g_date_time_add_minutes (t2, 5);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GError) error = NULL;
  LimberSessionInfo *info, *old;
  gint64 crashed, finished, no_active;
  guint n;

  crashed = start (journal, "a", t1);
  record (journal, crashed, 0, LIMBER_SIDE_NONE, 30000, FALSE, 35000);
  record (journal, crashed, 1, LIMBER_SIDE_LEFT, 20000, FALSE, 60000);

  finished = start (journal, "b", t2);
  record (journal, finished, 0, LIMBER_SIDE_NONE, 30000, FALSE, 30000);
  g_assert_true (limber_journal_finish_session (journal, finished, LIMBER_OUTCOME_STOPPED, t2_end,
                                                30000, &error));
  g_assert_no_error (error);
  g_assert_true (limber_journal_set_session_rating (journal, finished, 4, &error));
  g_assert_no_error (error);

  /* Parts recorded, active time never updated past 0. */
  no_active = start (journal, "c", t3);
  record (journal, no_active, 0, LIMBER_SIDE_NONE, 12000, FALSE, 0);

  /* This journal still runs them: they are live, not interrupted. */
  g_assert_cmpuint (limber_journal_recover_interrupted (journal, &error), ==, 0);
  g_assert_no_error (error);

  /* Closed as a crash would close it: the next one marks them. */
  g_clear_object (&journal);
  journal = open_ok (path);
  before = list_sessions (journal, NULL);

  n = limber_journal_recover_interrupted (journal, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);

  after = list_sessions (journal, NULL);

  info = find_session (after, crashed);
  g_assert_cmpint (info->outcome, ==, LIMBER_OUTCOME_INTERRUPTED);
  g_assert_cmpuint (info->active_ms, ==, 60000);
  g_assert_nonnull (info->ended_at);
  g_assert_cmpint (usec_of (info->ended_at) - usec_of (t1), ==, 60000 * 1000);
  g_assert_cmpuint (info->n_parts, ==, 2);
  parts = list_parts (journal, crashed);
  g_assert_cmpuint (parts->len, ==, 2);

  info = find_session (after, no_active);
  g_assert_cmpint (info->outcome, ==, LIMBER_OUTCOME_INTERRUPTED);
  g_assert_cmpuint (info->active_ms, ==, 12000);
  g_assert_cmpint (usec_of (info->ended_at) - usec_of (t3), ==, 12000 * 1000);

  /* A finished session is left exactly as it was. */
  info = find_session (after, finished);
  old = find_session (before, finished);
  g_assert_cmpint (info->outcome, ==, LIMBER_OUTCOME_STOPPED);
  g_assert_cmpint (info->outcome, ==, old->outcome);
  assert_same_time (info->ended_at, old->ended_at);
  g_assert_cmpuint (info->active_ms, ==, old->active_ms);
  g_assert_cmpint (info->rating, ==, 4);

  g_assert_cmpuint (limber_journal_recover_interrupted (journal, &error), ==, 0);
  g_assert_no_error (error);
}

/* A second Limber, here a second journal on the same file (its own open
 * file description) and then a second process, does not take a live
 * session for an interrupted one; once its owner is gone, it does. */
static void
test_recover_leaves_live_sessions (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(LimberJournal) first = open_ok (path);
  g_autoptr(LimberJournal) second = open_ok (path);
  g_autoptr(GDateTime) t1 = utc (2024, 6, 1, 7, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  gint64 live, done, in_child = 0;
  int fds[2];
  int status;
  pid_t pid;

  live = start (first, "live", t1);
  record (first, live, 0, LIMBER_SIDE_NONE, 30000, FALSE, 30000);
  done = start (first, "done", t1);
  g_assert_true (limber_journal_finish_session (first, done, LIMBER_OUTCOME_COMPLETED, t1, 1000, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (limber_journal_recover_interrupted (second, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (find_session (sessions = list_sessions (second, NULL), live)->outcome, ==,
                   LIMBER_OUTCOME_IN_PROGRESS);
  g_clear_pointer (&sessions, g_ptr_array_unref);

  /* a session that another process runs */
  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      LimberJournal *child = limber_journal_open (path, NULL);
      gint64 id = child != NULL ? limber_journal_start_session (child, "child", "Child", t1, 1000, NULL) : 0;

      if (write (fds[1], &id, sizeof id) != sizeof id)
        _exit (1);
      for (;;)
        pause ();
    }
  close (fds[1]);
  g_assert_cmpint (read (fds[0], &in_child, sizeof in_child), ==, sizeof in_child);
  close (fds[0]);
  g_assert_cmpint (in_child, >, 0);

  g_assert_cmpuint (limber_journal_recover_interrupted (second, &error), ==, 0);
  g_assert_no_error (error);

  /* the owners go: the child is killed, the first journal closed */
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_cmpuint (limber_journal_recover_interrupted (second, &error), ==, 1);
  g_assert_no_error (error);
  g_clear_object (&first);
  g_assert_cmpuint (limber_journal_recover_interrupted (second, &error), ==, 1);
  g_assert_no_error (error);

  sessions = list_sessions (second, NULL);
  g_assert_cmpint (find_session (sessions, live)->outcome, ==, LIMBER_OUTCOME_INTERRUPTED);
  g_assert_cmpint (find_session (sessions, in_child)->outcome, ==, LIMBER_OUTCOME_INTERRUPTED);
  g_assert_cmpint (find_session (sessions, done)->outcome, ==, LIMBER_OUTCOME_COMPLETED);
}

/* Reminders: logged when shown, then updated with what the user did. */
static void
test_reminders (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(LimberJournal) journal = open_ok (path);
  g_autoptr(GDateTime) due = utc (2024, 3, 5, 17, 50, 0);
  g_autoptr(GDateTime) later = utc (2024, 3, 5, 20, 0, 0);
  g_autoptr(GDateTime) since = utc (2024, 3, 5, 18, 0, 0);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) recent = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberReminderInfo) copy = NULL;
  LimberReminderInfo *info;
  gint64 before = g_get_real_time ();
  gint64 a, b;

  a = limber_journal_log_reminder (journal, LIMBER_REMINDER_BREAK, "desk-break", due, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (a, >, 0);
  b = limber_journal_log_reminder (journal, LIMBER_REMINDER_CHECKIN, NULL, later, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (b, >, a);

  g_assert_true (limber_journal_set_reminder_outcome (journal, a, LIMBER_REMINDER_OUTCOME_SNOOZED, &error));
  g_assert_no_error (error);
  g_assert_true (limber_journal_set_reminder_outcome (journal, a, LIMBER_REMINDER_OUTCOME_STARTED, &error));
  g_assert_no_error (error);
  g_assert_true (limber_journal_set_reminder_outcome (journal, b, LIMBER_REMINDER_OUTCOME_FAILED, &error));
  g_assert_no_error (error);

  g_assert_false (limber_journal_set_reminder_outcome (journal, a, (LimberReminderOutcome) 42, &error));
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (limber_journal_set_reminder_outcome (journal, 9999, LIMBER_REMINDER_OUTCOME_SKIPPED, &error));
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  all = limber_journal_list_reminders (journal, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);

  /* newest first */
  info = g_ptr_array_index (all, 0);
  g_assert_cmpint (info->id, ==, b);
  g_assert_cmpint (info->kind, ==, LIMBER_REMINDER_CHECKIN);
  g_assert_null (info->routine_id);
  assert_same_time (info->due_at, later);
  g_assert_null (info->shown_at);
  g_assert_cmpint (info->outcome, ==, LIMBER_REMINDER_OUTCOME_FAILED);
  g_assert_true (info->catch_up);

  info = g_ptr_array_index (all, 1);
  g_assert_cmpint (info->id, ==, a);
  g_assert_cmpint (info->kind, ==, LIMBER_REMINDER_BREAK);
  g_assert_cmpstr (info->routine_id, ==, "desk-break");
  assert_same_time (info->due_at, due);
  g_assert_nonnull (info->shown_at);
  g_assert_cmpint (usec_of (info->shown_at), >=, before);
  g_assert_cmpint (usec_of (info->updated_at), >=, usec_of (info->shown_at));
  g_assert_cmpint (info->outcome, ==, LIMBER_REMINDER_OUTCOME_STARTED);
  g_assert_false (info->catch_up);

  copy = limber_reminder_info_copy (info);
  g_assert_cmpstr (copy->routine_id, ==, "desk-break");
  assert_same_time (copy->shown_at, info->shown_at);

  recent = limber_journal_list_reminders (journal, since, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (recent->len, ==, 1);
  g_assert_cmpint (((LimberReminderInfo *) g_ptr_array_index (recent, 0))->id, ==, b);
}

/* Migrations: one fixture per schema version, from 0 (an empty file) up to
 * the current one. A new version adds tests/core/fixtures/journal-vN.sql. */

typedef struct
{
  gint64  id;
  char   *routine_id;
  gint64  started_at;
  gint64  ended_at;     /* -1 for NULL */
  gint64  active_ms;
  char   *outcome;
  gint64  rating;       /* -1 for NULL */
  gint64  n_parts;
} FixtureSession;

static void
fixture_session_clear (gpointer data)
{
  FixtureSession *s = data;

  g_free (s->routine_id);
  g_free (s->outcome);
}

static GArray *
read_fixture_sessions (sqlite3 *db)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (FixtureSession));
  sqlite3_stmt *stmt = NULL;

  g_array_set_clear_func (rows, fixture_session_clear);

  if (raw_int (db, "SELECT count(*) FROM sqlite_master WHERE name = 'sessions'") == 0)
    return rows;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT id, routine_id, started_at, ifnull(ended_at, -1),"
                                       " active_ms, outcome, ifnull(rating, -1),"
                                       " (SELECT count(*) FROM session_parts WHERE session_id = id)"
                                       " FROM sessions ORDER BY id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      FixtureSession s;

      s.id = sqlite3_column_int64 (stmt, 0);
      s.routine_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      s.started_at = sqlite3_column_int64 (stmt, 2);
      s.ended_at = sqlite3_column_int64 (stmt, 3);
      s.active_ms = sqlite3_column_int64 (stmt, 4);
      s.outcome = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      s.rating = sqlite3_column_int64 (stmt, 6);
      s.n_parts = sqlite3_column_int64 (stmt, 7);
      g_array_append_val (rows, s);
    }
  sqlite3_finalize (stmt);
  return rows;
}

typedef struct
{
  gint64  id;
  gint64  time;
  gint64  pain;
  gint64  stiffness;
  char   *side;
  gint64  morning;      /* -1 for NULL */
  gint64  symptoms;     /* numbness | radiating << 1 | weakness << 2 */
  char   *note;         /* NULL for NULL */
} FixtureCheckin;

static void
fixture_checkin_clear (gpointer data)
{
  FixtureCheckin *c = data;

  g_free (c->side);
  g_free (c->note);
}

static GArray *
read_fixture_checkins (sqlite3 *db)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (FixtureCheckin));
  sqlite3_stmt *stmt = NULL;

  g_array_set_clear_func (rows, fixture_checkin_clear);

  if (raw_int (db, "SELECT count(*) FROM sqlite_master WHERE name = 'checkins'") == 0)
    return rows;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT id, time, pain, stiffness, side, ifnull(morning_stiffness, -1),"
                                       " numbness | (radiating << 1) | (weakness << 2), note"
                                       " FROM checkins ORDER BY time, id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      FixtureCheckin c;

      c.id = sqlite3_column_int64 (stmt, 0);
      c.time = sqlite3_column_int64 (stmt, 1);
      c.pain = sqlite3_column_int64 (stmt, 2);
      c.stiffness = sqlite3_column_int64 (stmt, 3);
      c.side = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      c.morning = sqlite3_column_int64 (stmt, 5);
      c.symptoms = sqlite3_column_int64 (stmt, 6);
      c.note = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      g_array_append_val (rows, c);
    }
  sqlite3_finalize (stmt);
  return rows;
}

/* Reminders of a fixture, as text rows to compare with what the API reads. */
static GPtrArray *
read_fixture_reminders (sqlite3 *db)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  if (raw_int (db, "SELECT count(*) FROM sqlite_master WHERE name = 'reminders'") == 0)
    return rows;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT id, kind, ifnull(routine_id, '-'), due_at,"
                                       " ifnull(shown_at, -1), outcome, catch_up, updated_at"
                                       " FROM reminders ORDER BY due_at DESC, id DESC",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (rows, g_strdup_printf ("%s|%s|%s|%s|%s|%s|%s|%s",
                                            sqlite3_column_text (stmt, 0),
                                            sqlite3_column_text (stmt, 1),
                                            sqlite3_column_text (stmt, 2),
                                            sqlite3_column_text (stmt, 3),
                                            sqlite3_column_text (stmt, 4),
                                            sqlite3_column_text (stmt, 5),
                                            sqlite3_column_text (stmt, 6),
                                            sqlite3_column_text (stmt, 7)));
  sqlite3_finalize (stmt);
  return rows;
}

static char *
describe_reminder (const LimberReminderInfo *info)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "|%s|%s|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT
                          "|%s|%d|%" G_GINT64_FORMAT,
                          info->id, limber_reminder_kind_to_string (info->kind),
                          info->routine_id ? info->routine_id : "-",
                          usec_of (info->due_at),
                          info->shown_at ? usec_of (info->shown_at) : -1,
                          limber_reminder_outcome_to_string (info->outcome),
                          info->catch_up ? 1 : 0, usec_of (info->updated_at));
}

/* The kinds and outcomes a journal stores as text come back as the enums
 * whose nicks they are: a version-3 journal written with today's strings
 * (the fixture, with every kind and outcome) reads back as it was. A row of
 * a kind or an outcome this version does not know (from a later version, or
 * written by hand) is left out of the list, which still succeeds. */
static void
test_reminders_stored_strings (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "core", "fixtures",
                                                    "journal-v3.sql", NULL);
  g_autofree char *path = journal_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *sql = NULL;
  g_autoptr(LimberJournal) journal = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GError) error = NULL;
  static const struct {
    gint64                 id;
    LimberReminderKind     kind;
    LimberReminderOutcome  outcome;
  } expected[] = {
    /* newest first */
    { 7, LIMBER_REMINDER_ROUTINE, LIMBER_REMINDER_OUTCOME_SHOWN },
    { 6, LIMBER_REMINDER_BREAK, LIMBER_REMINDER_OUTCOME_FAILED },
    { 5, LIMBER_REMINDER_ROUTINE, LIMBER_REMINDER_OUTCOME_DISMISSED },
    { 4, LIMBER_REMINDER_CHECKIN, LIMBER_REMINDER_OUTCOME_SKIPPED },
    { 3, LIMBER_REMINDER_BREAK, LIMBER_REMINDER_OUTCOME_STARTED },
    { 2, LIMBER_REMINDER_BREAK, LIMBER_REMINDER_OUTCOME_SNOOZED },
    { 1, LIMBER_REMINDER_BREAK, LIMBER_REMINDER_OUTCOME_SKIPPED },
  };
  sqlite3 *db;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  db = raw_open (path);
  raw_exec (db, sql);
  /* A kind this version does not know, due last of all, and an outcome
   * it does not know, which the table's CHECK would refuse. */
  raw_exec (db, "INSERT INTO reminders VALUES (8, 'nap', NULL, 1709999999000000,"
                " 1709999999000000, 'shown', 0, 1709999999000000);"
                "PRAGMA ignore_check_constraints = ON;"
                "INSERT INTO reminders VALUES (9, 'break', 'desk-break', 1709999998000000,"
                " 1709999998000000, 'ignored', 0, 1709999998000000);"
                "PRAGMA ignore_check_constraints = OFF;");
  sqlite3_close (db);

  journal = open_ok (path);
  reminders = limber_journal_list_reminders (journal, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reminders);
  g_assert_cmpuint (reminders->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const LimberReminderInfo *info = g_ptr_array_index (reminders, i);

      g_assert_cmpint (info->id, ==, expected[i].id);
      g_assert_cmpint (info->kind, ==, expected[i].kind);
      g_assert_cmpint (info->outcome, ==, expected[i].outcome);
    }

  /* The enums go back to the same strings. */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      LimberReminderKind kind;
      LimberReminderOutcome outcome;

      g_assert_true (limber_reminder_kind_from_string (limber_reminder_kind_to_string (expected[i].kind), &kind));
      g_assert_cmpint (kind, ==, expected[i].kind);
      g_assert_true (limber_reminder_outcome_from_string (limber_reminder_outcome_to_string (expected[i].outcome),
                                                          &outcome));
      g_assert_cmpint (outcome, ==, expected[i].outcome);
    }
  g_assert_false (limber_reminder_kind_from_string ("nap", &(LimberReminderKind) { 0 }));
  g_assert_false (limber_reminder_outcome_from_string ("ignored", &(LimberReminderOutcome) { 0 }));
  g_assert_false (limber_reminder_outcome_from_string (NULL, &(LimberReminderOutcome) { 0 }));
}

/* Every table's columns, as text, to compare a fixture with a new journal. */
static char *
describe_schema (sqlite3 *db)
{
  GString *text = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT m.type, m.name, p.name, p.type, p.\"notnull\","
                                       " ifnull(p.dflt_value, ''), p.pk"
                                       " FROM sqlite_master AS m"
                                       " LEFT JOIN pragma_table_info(m.name) AS p"
                                       " ORDER BY m.name, p.cid",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < 7; i++)
        {
          const char *t = (const char *) sqlite3_column_text (stmt, i);

          g_string_append_printf (text, "%s|", t ? t : "");
        }
      g_string_append_c (text, '\n');
    }
  sqlite3_finalize (stmt);
  return g_string_free (text, FALSE);
}

static void
check_fixture (guint version)
{
  g_autofree char *name = g_strdup_printf ("journal-v%u.sql", version);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "core", "fixtures", name, NULL);
  g_autofree char *path = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GArray) expected = NULL;
  g_autoptr(GArray) expected_checkins = NULL;
  g_autoptr(GPtrArray) expected_reminders = NULL;
  g_autofree char *fixture_schema = NULL;
  g_autoptr(LimberJournal) journal = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_test_message ("fixture %s", fixture);
  if (!g_file_get_contents (fixture, &sql, NULL, &error))
    g_error ("Every schema version needs a fixture: %s", error->message);

  path = g_strdup_printf ("%s/limber/journal-v%u.db", g_get_user_data_dir (), version);
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  {
    g_autofree char *dir = g_path_get_dirname (path);

    g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  }

  db = raw_open (path);
  raw_exec (db, sql);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, version);
  expected = read_fixture_sessions (db);
  expected_checkins = read_fixture_checkins (db);
  expected_reminders = read_fixture_reminders (db);
  fixture_schema = describe_schema (db);
  sqlite3_close (db);
  if (version > 0)
    g_assert_cmpuint (expected->len, >, 0);

  for (guint pass = 0; pass < 2; pass++)
    {
      g_clear_object (&journal);
      journal = open_ok (path);
      g_assert_null (limber_journal_get_moved_aside_path (journal));

      db = limber_journal_get_handle_for_testing (journal);
      g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, LIMBER_JOURNAL_SCHEMA_VERSION);
      g_assert_cmpint (raw_int (db, "PRAGMA application_id"), ==, LIMBER_JOURNAL_APPLICATION_ID);
      {
        g_autofree char *check = raw_text (db, "PRAGMA integrity_check");

        g_assert_cmpstr (check, ==, "ok");
      }

      g_clear_pointer (&sessions, g_ptr_array_unref);
      sessions = list_sessions (journal, NULL);
      g_assert_cmpuint (sessions->len, ==, expected->len);
      for (guint i = 0; i < expected->len; i++)
        {
          FixtureSession *s = &g_array_index (expected, FixtureSession, i);
          LimberSessionInfo *info = find_session (sessions, s->id);
          g_autoptr(GPtrArray) parts = list_parts (journal, s->id);

          g_assert_cmpstr (info->routine_id, ==, s->routine_id);
          g_assert_cmpint (usec_of (info->started_at), ==, s->started_at);
          if (s->ended_at < 0)
            g_assert_null (info->ended_at);
          else
            g_assert_cmpint (usec_of (info->ended_at), ==, s->ended_at);
          g_assert_cmpint (info->active_ms, ==, s->active_ms);
          g_assert_cmpstr (limber_outcome_to_string (info->outcome), ==, s->outcome);
          g_assert_cmpint (info->rating, ==, s->rating);
          g_assert_cmpint (info->n_parts, ==, s->n_parts);
          g_assert_cmpint (parts->len, ==, s->n_parts);
        }

      {
        g_autoptr(GPtrArray) checkins = limber_journal_list_checkins (journal, NULL, NULL, &error);

        g_assert_no_error (error);
        g_assert_cmpuint (checkins->len, ==, expected_checkins->len);
        for (guint i = 0; i < expected_checkins->len; i++)
          {
            FixtureCheckin *e = &g_array_index (expected_checkins, FixtureCheckin, i);
            LimberCheckin *c = g_ptr_array_index (checkins, i);

            g_assert_cmpint (c->id, ==, e->id);
            g_assert_cmpint (usec_of (c->time), ==, e->time);
            g_assert_cmpint (c->pain, ==, e->pain);
            g_assert_cmpint (c->stiffness, ==, e->stiffness);
            g_assert_cmpstr (limber_body_side_to_string (c->side), ==, e->side);
            g_assert_cmpint (c->morning_stiffness, ==, e->morning);
            g_assert_cmpint (c->symptoms, ==, e->symptoms);
            g_assert_cmpstr (c->note, ==, e->note);
          }
      }

      {
        g_autoptr(GPtrArray) reminders = limber_journal_list_reminders (journal, NULL, &error);

        g_assert_no_error (error);
        g_assert_cmpuint (reminders->len, ==, expected_reminders->len);
        for (guint i = 0; i < expected_reminders->len; i++)
          {
            g_autofree char *row = describe_reminder (g_ptr_array_index (reminders, i));

            g_assert_cmpstr (row, ==, g_ptr_array_index (expected_reminders, i));
          }
      }
    }

  /* The newest fixture must be what the migrations make today. */
  if (version == LIMBER_JOURNAL_SCHEMA_VERSION)
    {
      g_autofree char *fresh_path = g_strdup_printf ("%s/limber/fresh-v%u.db", g_get_user_data_dir (), version);
      g_autoptr(LimberJournal) fresh = open_ok (fresh_path);
      g_autofree char *fresh_schema = describe_schema (limber_journal_get_handle_for_testing (fresh));

      g_assert_cmpstr (fixture_schema, ==, fresh_schema);
    }

  /* And it takes new sessions. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

    g_autoptr(LimberCheckin) checkin = limber_checkin_new ();
    gint64 id;

    start (journal, "desk-break", now);

    /* and new check-ins, never under an id that was used before */
    checkin->pain = 3;
    id = limber_journal_add_checkin (journal, checkin, &error);
    g_assert_no_error (error);
    g_assert_cmpint (id, >, 0);
    for (guint i = 0; i < expected_checkins->len; i++)
      g_assert_cmpint (id, >, g_array_index (expected_checkins, FixtureCheckin, i).id);
  }
}

static void
test_migrations (void)
{
  for (guint version = 0; version <= LIMBER_JOURNAL_SCHEMA_VERSION; version++)
    check_fixture (version);
}

/* Files that are not ours, or are newer, are refused and left alone. */

static void
assert_refused (const char *path,
                int         code)
{
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(LimberJournal) journal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GDir) d = NULL;
  const char *name;

  assert_no_side_files (path);

  journal = limber_journal_open (path, &error);
  g_assert_error (error, LIMBER_JOURNAL_ERROR, code);
  g_assert_null (journal);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));

  assert_file_is (path, before);
  assert_no_side_files (path);
  d = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (d)))
    g_assert_false (g_str_has_prefix (name, "journal.db.corrupt"));
}

static void
test_too_new (void)
{
  g_autofree char *path = journal_path ();
  sqlite3 *db;

  /* A real journal, then a future Limber's version number, in WAL mode:
   * even a read-only SQLite open would leave -wal and -shm behind. */
  make_journal (path, 3);
  db = raw_open (path);
  raw_exec (db, "PRAGMA user_version = 99");
  g_assert_cmpint (raw_int (db, "PRAGMA application_id"), ==, LIMBER_JOURNAL_APPLICATION_ID);
  sqlite3_close (db);
  assert_refused (path, LIMBER_JOURNAL_ERROR_TOO_NEW);
}

static void
test_foreign (void)
{
  g_autofree char *path = journal_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  sqlite3 *db;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  db = raw_open (path);
  raw_exec (db, "PRAGMA application_id = 1234; CREATE TABLE notes (body TEXT);"
                "INSERT INTO notes VALUES ('not mine');");
  sqlite3_close (db);
  assert_refused (path, LIMBER_JOURNAL_ERROR_FOREIGN);
}

static void
test_foreign_unclaimed (void)
{
  g_autofree char *path = journal_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  sqlite3 *db;

  /* No application id at all, but somebody's tables. */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  db = raw_open (path);
  raw_exec (db, "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('not mine');");
  sqlite3_close (db);
  assert_refused (path, LIMBER_JOURNAL_ERROR_FOREIGN);
}

/* Damage: the file is moved aside with its side files, never deleted, and a
 * new journal is started. */

typedef struct
{
  char   *name;
  GBytes *bytes;
} Snapshot;

static void
snapshot_clear (gpointer data)
{
  Snapshot *s = data;

  g_free (s->name);
  g_bytes_unref (s->bytes);
}

static GArray *
snapshot_dir (const char *dir)
{
  GArray *files = g_array_new (FALSE, TRUE, sizeof (Snapshot));
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_array_set_clear_func (files, snapshot_clear);
  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      Snapshot s = { g_strdup (name), read_bytes (path) };

      g_array_append_val (files, s);
    }
  return files;
}

static void
assert_moved_aside (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GArray) before = snapshot_dir (dir);
  g_autoptr(LimberJournal) journal = NULL;
  g_autoptr(GDateTime) started = utc (2024, 7, 1, 7, 0, 0);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autofree char *prefix = g_strconcat (path, ".corrupt-", NULL);
  const char *aside;
  gboolean found_main = FALSE;
  guint n_salvaged;
  gint64 id;

  journal = open_ok (path);
  aside = limber_journal_get_moved_aside_path (journal);
  g_assert_nonnull (aside);
  g_test_message ("moved aside to %s", aside);
  g_assert_true (g_str_has_prefix (aside, prefix));

  /* Every file that was there is still there, the journal's own files under
   * the new name, byte for byte. */
  for (guint i = 0; i < before->len; i++)
    {
      Snapshot *s = &g_array_index (before, Snapshot, i);
      g_autofree char *now_at = NULL;

      /* The lock file belongs to the name, not to the content: it stays. */
      if (g_str_has_prefix (s->name, base) && !g_str_has_prefix (s->name + strlen (base), ".corrupt") &&
          !g_str_equal (s->name + strlen (base), ".lock"))
        {
          now_at = g_strconcat (aside, s->name + strlen (base), NULL);
          found_main |= g_str_equal (s->name, base);
        }
      else
        now_at = g_build_filename (dir, s->name, NULL);

      /* The -shm is SQLite's index of the -wal, rebuilt from it whenever
       * it is stale; opening the file may rewrite it. It goes along. */
      if (g_str_has_suffix (s->name, "-shm"))
        g_assert_true (exists (now_at));
      else
        assert_file_is (now_at, s->bytes);
    }
  g_assert_true (found_main);

  /* The new journal holds only what could be salvaged, and works. */
  g_assert_true (exists (path));
  sessions = list_sessions (journal, NULL);
  n_salvaged = sessions->len;
  g_assert_cmpuint (n_salvaged, <=, limber_journal_get_n_salvaged (journal));
  id = start (journal, "desk-break", started);
  record (journal, id, 0, LIMBER_SIDE_NONE, 1000, FALSE, 1000);
  g_clear_object (&journal);

  journal = open_ok (path);
  g_assert_null (limber_journal_get_moved_aside_path (journal));
  g_clear_pointer (&sessions, g_ptr_array_unref);
  sessions = list_sessions (journal, NULL);
  g_assert_cmpuint (sessions->len, ==, n_salvaged + 1);
}

static void
truncate_file (const char *path,
               goffset     size)
{
  g_assert_cmpint (truncate (path, size), ==, 0);
}

static void
test_damage_truncated_half (void)
{
  g_autofree char *path = journal_path ();
  GStatBuf st;

  make_journal (path, 60);
  assert_no_side_files (path);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 8 * 4096);
  truncate_file (path, st.st_size / 2);
  assert_moved_aside (path);
}

static void
test_damage_truncated_header (void)
{
  g_autofree char *path = journal_path ();

  make_journal (path, 10);
  truncate_file (path, 100);
  assert_moved_aside (path);
}

static void
test_damage_random (void)
{
  g_autofree char *path = journal_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree guint32 *noise = g_new (guint32, 64 * 1024 / 4);

  for (guint i = 0; i < 64 * 1024 / 4; i++)
    noise[i] = g_random_int ();
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  write_bytes (path, noise, 64 * 1024);
  assert_moved_aside (path);
}

static void
test_damage_middle_page (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree guint8 *data = NULL;
  gsize length;
  guint page_size;
  guint n_pages;
  guint page;

  make_journal (path, 120);
  assert_no_side_files (path);

  bytes = read_bytes (path);
  data = g_bytes_unref_to_data (g_steal_pointer (&bytes), &length);
  page_size = (data[16] << 8) | data[17];
  n_pages = length / page_size;
  g_assert_cmpuint (n_pages, >=, 10);

  /* Garbage over a whole page in the middle of the file: the header and
   * the size stay right, only the b-tree is broken. */
  page = n_pages / 2;
  for (guint i = 0; i < page_size; i++)
    data[page * page_size + i] = g_random_int_range (0, 256);
  write_bytes (path, data, length);

  assert_moved_aside (path);
}

static void
test_damage_with_wal (void)
{
  g_autofree char *path = journal_path ();
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  /* A damaged file with side files, as a crash would leave them: they go
   * with it, or a new journal could replay the old -wal. */
  make_journal (path, 10);
  truncate_file (path, 100);
  write_bytes (wal, "stale write-ahead log", 21);
  write_bytes (shm, "stale shared memory", 19);
  assert_moved_aside (path);
}

static void
test_damage_orphan_wal (void)
{
  g_autofree char *path = journal_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GBytes) wal_bytes = NULL;
  g_autoptr(LimberJournal) journal = NULL;
  g_autoptr(GDateTime) started = utc (2024, 7, 1, 7, 0, 0);
  const char *aside;

  /* A journal whose main file is gone: SQLite would delete the -wal that
   * may hold the last of it. */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  write_bytes (wal, "what is left of a journal", 25);
  wal_bytes = read_bytes (wal);

  journal = open_ok (path);
  aside = limber_journal_get_moved_aside_path (journal);
  g_assert_nonnull (aside);
  g_assert_true (g_str_has_suffix (aside, "-wal"));
  assert_file_is (aside, wal_bytes);
  start (journal, "desk-break", started);
}

static void
test_damage_name_taken (void)
{
  g_autofree char *path = journal_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *taken = g_strdup_printf ("%s.corrupt-%s", path, stamp);
  g_autoptr(LimberJournal) journal = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  write_bytes (taken, "an older damaged journal", 24);
  write_bytes (path, "definitely not a database, but long enough to have a header ......"
                     "..................................................................",
               132);

  journal = open_ok (path);
  g_assert_nonnull (limber_journal_get_moved_aside_path (journal));
  g_assert_cmpstr (limber_journal_get_moved_aside_path (journal), !=, taken);
  {
    g_autoptr(GBytes) expected = g_bytes_new_static ("an older damaged journal", 24);

    assert_file_is (taken, expected);
  }
  /* Unless the clock ticked over to the next second, a counter is added. */
  {
    g_autofree char *second = g_strconcat (taken, "-2", NULL);
    g_autoptr(GDateTime) later = g_date_time_new_now_local ();
    g_autofree char *later_stamp = g_date_time_format (later, "%Y%m%d-%H%M%S");

    if (g_str_equal (stamp, later_stamp))
      g_assert_cmpstr (limber_journal_get_moved_aside_path (journal), ==, second);
  }
}

/* Folders and files that cannot be written. Root may write anywhere, so a
 * read-only folder cannot be shown to root: when the tests run as root, the
 * checks run in a child process that has become "nobody". */

static void
assert_open_fails (const char *path,
                   int         code,
                   const char *names)
{
  g_autoptr(LimberJournal) journal = NULL;
  g_autoptr(GError) error = NULL;

  journal = limber_journal_open (path, &error);
  g_assert_error (error, LIMBER_JOURNAL_ERROR, code);
  g_assert_null (journal);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, names));
}

/* A journal that can be read but not written opens for reading: its
 * history is all there, and every write says why it is refused. */
static void
assert_opens_read_only (const char *path,
                        guint       n_sessions,
                        const char *why)
{
  g_autoptr(LimberJournal) journal = NULL;
  g_autoptr(LimberCheckin) checkin = limber_checkin_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GError) error = NULL;

  journal = limber_journal_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (journal);
  g_assert_nonnull (limber_journal_get_read_only_reason (journal));
  g_test_message ("read-only because %s", limber_journal_get_read_only_reason (journal));
  g_assert_nonnull (strstr (limber_journal_get_read_only_reason (journal), why));
  g_assert_null (limber_journal_get_moved_aside_path (journal));

  sessions = limber_journal_list_sessions (journal, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, n_sessions);
  checkins = limber_journal_list_checkins (journal, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (checkins);

  /* nothing to mark, and no complaint */
  g_assert_cmpuint (limber_journal_recover_interrupted (journal, &error), ==, 0);
  g_assert_no_error (error);

  g_assert_cmpint (limber_journal_start_session (journal, "desk-break", "Desk break", now, 1000, &error), ==, 0);
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_READ_ONLY);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "Your journal is read-only: "));
  g_assert_nonnull (strstr (error->message, why));
  g_clear_error (&error);

  g_assert_cmpint (limber_journal_add_checkin (journal, checkin, &error), ==, 0);
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_READ_ONLY);
  g_clear_error (&error);
}

static void
read_only_checks (const char *ro_dir,
                  const char *ro_file,
                  const char *old_file,
                  guint       n_old)
{
  g_autofree char *existing = g_build_filename (ro_dir, "journal.db", NULL);
  g_autofree char *missing = g_build_filename (ro_dir, "other.db", NULL);
  g_autofree char *new_dir = g_build_filename (ro_dir, "limber", "journal.db", NULL);
  g_autofree char *new_dir_parent = g_path_get_dirname (new_dir);

  g_assert_cmpint (g_access (ro_dir, W_OK), !=, 0);

  /* Nothing to read: a journal that cannot be created is refused. */
  assert_open_fails (missing, LIMBER_JOURNAL_ERROR_READ_ONLY, ro_dir);
  assert_open_fails (new_dir, LIMBER_JOURNAL_ERROR_READ_ONLY, new_dir_parent);

  assert_opens_read_only (existing, 3, existing);
  assert_opens_read_only (ro_file, 3, ro_file);
  /* an older format is brought up to date in memory only */
  assert_opens_read_only (old_file, n_old, old_file);
}

static void
test_read_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *top = g_dir_make_tmp ("limber-read-only-XXXXXX", &error);
  g_autofree char *ro_dir = g_build_filename (top, "read-only", NULL);
  g_autofree char *rw_dir = g_build_filename (top, "writable", NULL);
  g_autofree char *existing = g_build_filename (ro_dir, "journal.db", NULL);
  g_autofree char *ro_file = g_build_filename (rw_dir, "journal.db", NULL);
  g_autofree char *old_file = g_build_filename (rw_dir, "old.db", NULL);
  g_autoptr(GBytes) existing_bytes = NULL;
  g_autoptr(GBytes) ro_file_bytes = NULL;
  g_autoptr(GBytes) old_file_bytes = NULL;
  g_autoptr(GArray) ro_before = NULL;
  g_autoptr(GArray) ro_after = NULL;
  g_autoptr(GArray) rw_before = NULL;
  g_autoptr(GArray) rw_after = NULL;
  gint64 n_old;
  int status;
  pid_t pid;

  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (top, 0755), ==, 0);
  make_journal (existing, 3);
  make_journal (ro_file, 3);
  {
    g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "core", "fixtures", "journal-v1.sql", NULL);
    g_autofree char *sql = NULL;
    sqlite3 *db;

    g_file_get_contents (fixture, &sql, NULL, &error);
    g_assert_no_error (error);
    db = raw_open (old_file);
    raw_exec (db, sql);
    n_old = raw_int (db, "SELECT count(*) FROM sessions");
    sqlite3_close (db);
  }
  g_assert_cmpint (g_chmod (existing, 0644), ==, 0);
  g_assert_cmpint (g_chmod (ro_file, 0400), ==, 0);
  g_assert_cmpint (g_chmod (old_file, 0400), ==, 0);
  /* the person's own file, which they made read-only */
  if (geteuid () == 0)
    {
      g_assert_cmpint (chown (ro_file, NOBODY_ID, NOBODY_ID), ==, 0);
      g_assert_cmpint (chown (old_file, NOBODY_ID, NOBODY_ID), ==, 0);
    }
  g_assert_cmpint (g_chmod (ro_dir, 0555), ==, 0);
  g_assert_cmpint (g_chmod (rw_dir, 0777), ==, 0);
  existing_bytes = read_bytes (existing);
  ro_file_bytes = read_bytes (ro_file);
  old_file_bytes = read_bytes (old_file);
  ro_before = snapshot_dir (ro_dir);
  rw_before = snapshot_dir (rw_dir);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      if (geteuid () == 0 &&
          (setgroups (0, NULL) != 0 || setgid (NOBODY_ID) != 0 || setuid (NOBODY_ID) != 0))
        _exit (77);
      read_only_checks (ro_dir, ro_file, old_file, n_old);
      _exit (0);
    }

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    g_test_skip ("Cannot drop root privileges to test a read-only folder");
  else
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);

  /* Nothing was moved, added or changed. */
  assert_file_is (existing, existing_bytes);
  assert_file_is (ro_file, ro_file_bytes);
  assert_file_is (old_file, old_file_bytes);
  ro_after = snapshot_dir (ro_dir);
  rw_after = snapshot_dir (rw_dir);
  g_assert_cmpuint (ro_after->len, ==, ro_before->len);
  g_assert_cmpuint (rw_after->len, ==, rw_before->len);

  g_assert_cmpint (g_chmod (ro_dir, 0700), ==, 0);
  g_assert_cmpint (g_unlink (existing), ==, 0);
  g_assert_cmpint (g_unlink (ro_file), ==, 0);
  g_assert_cmpint (g_unlink (old_file), ==, 0);
  {
    g_autofree char *lock1 = g_strconcat (existing, ".lock", NULL);
    g_autofree char *lock2 = g_strconcat (ro_file, ".lock", NULL);

    g_unlink (lock1);
    g_unlink (lock2);
  }
  g_assert_cmpint (g_rmdir (ro_dir), ==, 0);
  g_assert_cmpint (g_rmdir (rw_dir), ==, 0);
  g_assert_cmpint (g_rmdir (top), ==, 0);
}

static void
test_cant_open (void)
{
  g_autofree char *file = g_build_filename (g_get_user_data_dir (), "a-file", NULL);
  g_autofree char *under_file = g_build_filename (file, "limber", "journal.db", NULL);

  /* A folder that cannot exist: its parent is a file. */
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  write_bytes (file, "just a file", 11);
  assert_open_fails (under_file, LIMBER_JOURNAL_ERROR_CANT_OPEN, file);

  /* Not even root can create anything in /proc. */
  assert_open_fails ("/proc/self/limber-test/journal.db", LIMBER_JOURNAL_ERROR_CANT_OPEN,
                     "/proc/self/limber-test");

  /* The path is a folder. */
  {
    g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "folder.db", NULL);

    g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
    assert_open_fails (dir, LIMBER_JOURNAL_ERROR_CANT_OPEN, dir);
    g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));
  }
}

/* A crash: a child process writes a session and two parts and is killed
 * with SIGKILL while its connection is open. */

static void
test_crash (void)
{
  g_autofree char *path = journal_path ();
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GDateTime) started = utc (2024, 8, 1, 6, 30, 0);
  g_autoptr(LimberJournal) journal = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GError) error = NULL;
  LimberSessionInfo *info;
  int fds[2];
  char c = 0;
  int status;
  pid_t pid;

  g_clear_object (&journal);
  g_assert_cmpint (pipe (fds), ==, 0);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      LimberJournal *child = open_ok (path);
      gint64 id = start (child, "pre-run-warm-up", started);

      record (child, id, 0, LIMBER_SIDE_NONE, 60000, FALSE, 62000);
      record (child, id, 1, LIMBER_SIDE_LEFT, 30000, FALSE, 95000);
      if (write (fds[1], "x", 1) != 1)
        _exit (1);
      for (;;)
        pause ();
    }

  close (fds[1]);
  g_assert_cmpint (read (fds[0], &c, 1), ==, 1);
  close (fds[0]);
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

  /* The child never closed: its writes are still in the -wal. */
  g_assert_true (exists (wal));

  journal = open_ok (path);
  g_assert_null (limber_journal_get_moved_aside_path (journal));
  g_assert_cmpuint (limber_journal_recover_interrupted (journal, &error), ==, 1);
  g_assert_no_error (error);

  sessions = list_sessions (journal, NULL);
  g_assert_cmpuint (sessions->len, ==, 1);
  info = g_ptr_array_index (sessions, 0);
  g_assert_cmpint (info->outcome, ==, LIMBER_OUTCOME_INTERRUPTED);
  g_assert_cmpuint (info->active_ms, ==, 95000);
  g_assert_cmpint (usec_of (info->ended_at) - usec_of (started), ==, 95000 * 1000);
  g_assert_cmpuint (info->n_parts, ==, 2);
  parts = list_parts (journal, info->id);
  g_assert_cmpuint (parts->len, ==, 2);
  g_assert_cmpuint (((LimberPartInfo *) parts->pdata[0])->done_ms, ==, 60000);
  g_assert_cmpint (((LimberPartInfo *) parts->pdata[1])->side, ==, LIMBER_SIDE_LEFT);
}

/* A full disk, by capping the database's size on the journal's connection. */

static void
test_disk_full (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(LimberJournal) journal = open_ok (path);
  g_autoptr(GDateTime) started = utc (2024, 9, 1, 7, 0, 0);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *long_name = g_strnfill (20000, 'n');
  sqlite3 *db = limber_journal_get_handle_for_testing (journal);
  LimberSessionInfo *info;
  guint n_written = 0;
  gint64 kept;
  gint64 id;

  kept = start (journal, "desk-break", started);
  record (journal, kept, 0, LIMBER_SIDE_NONE, 30000, FALSE, 30000);
  g_assert_true (limber_journal_set_session_rating (journal, kept, 6, &error));
  g_assert_no_error (error);

  /* It cannot go below the current size, so this means "no more pages". */
  raw_exec (db, "PRAGMA max_page_count = 1");

  for (guint i = 0; i < 100; i++)
    {
      id = limber_journal_start_session (journal, "long", long_name, started, 1000, &error);
      if (id == 0)
        break;
      n_written++;
    }
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_FULL);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);

  /* A part that does not fit changes nothing, not even the active time
   * written in the same transaction. */
  g_assert_false (limber_journal_record_part (journal, kept, 1, LIMBER_SIDE_LEFT, long_name,
                                              30000, 30000, FALSE, 99999, &error));
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_FULL);
  g_clear_error (&error);

  sessions = list_sessions (journal, NULL);
  g_assert_cmpuint (sessions->len, ==, 1 + n_written);
  info = find_session (sessions, kept);
  g_assert_cmpuint (info->active_ms, ==, 30000);
  g_assert_cmpint (info->rating, ==, 6);
  g_assert_cmpuint (info->n_parts, ==, 1);

  /* Space again: writing goes on, and everything is there after reopening. */
  raw_exec (db, "PRAGMA max_page_count = 1073741823");
  record (journal, kept, 1, LIMBER_SIDE_LEFT, 30000, FALSE, 60000);
  g_clear_object (&journal);

  journal = open_ok (path);
  parts = list_parts (journal, kept);
  g_assert_cmpuint (parts->len, ==, 2);
  g_clear_pointer (&sessions, g_ptr_array_unref);
  sessions = list_sessions (journal, NULL);
  g_assert_cmpuint (sessions->len, ==, 1 + n_written);
}

/* A disk that fills while SQLite syncs or grows a file shows as "disk I/O
 * error" with ENOSPC behind it: that is a full disk too. */
static void
test_disk_full_io_error (void)
{
  static const FaultyKind kinds[] = { FAULTY_SYNC, FAULTY_WRITE, FAULTY_TRUNCATE };
  static const int codes[] = { SQLITE_IOERR_FSYNC, SQLITE_IOERR_WRITE, SQLITE_IOERR_TRUNCATE };
  g_autofree char *path = journal_path ();
  g_autoptr(LimberJournal) journal = open_ok (path);
  g_autoptr(GDateTime) started = utc (2024, 9, 2, 7, 0, 0);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) sessions = NULL;

      gint64 id;

      faulty_vfs_arm (kinds[i], 1, codes[i], TRUE);
      faulty_vfs_set_errno (ENOSPC);
      id = limber_journal_start_session (journal, "desk-break", "Desk break", started, 1000, &error);
      faulty_vfs_disarm ();
      if (faulty_vfs_get_n_failed () == 0)
        {
          /* this kind of operation is not on the path of a write */
          g_assert_no_error (error);
          continue;
        }
      g_assert_cmpint (id, ==, 0);
      g_test_message ("%s", error->message);
      g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_FULL);
      g_assert_true (g_str_has_prefix (error->message, "The disk is full"));
      g_assert_null (strstr (error->message, "I/O"));
    }
}

/* Check-ins */

static LimberCheckin *
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

static gint64
add_checkin (LimberJournal       *journal,
             const LimberCheckin *checkin)
{
  g_autoptr(GError) error = NULL;
  gint64 id = limber_journal_add_checkin (journal, checkin, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
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

static gint64
count_checkins (LimberJournal *journal)
{
  return raw_int (limber_journal_get_handle_for_testing (journal), "SELECT count(*) FROM checkins");
}

/* A row that breaks a CHECK rule, written by another program, is no reason
 * to move the journal aside: it is kept, and read clamped. */
static void
test_check_rule_broken (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(LimberJournal) journal = open_ok (path);
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_clear_object (&journal);
  db = raw_open (path);
  raw_exec (db, "PRAGMA ignore_check_constraints = ON;"
                "INSERT INTO checkins (time, pain, stiffness, side) VALUES (1000000, 99, 3, 'both');"
                "INSERT INTO sessions (routine_id, routine_name, started_at, planned_ms, outcome)"
                " VALUES ('desk-break', 'Desk break', 1000000, 1000, 'exploded');");
  sqlite3_close (db);

  journal = open_ok (path);
  g_assert_null (limber_journal_get_moved_aside_path (journal));
  checkins = limber_journal_list_checkins (journal, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checkins->len, ==, 1);
  g_assert_cmpint (((LimberCheckin *) g_ptr_array_index (checkins, 0))->pain, ==, 10);
  g_assert_cmpuint (count_checkins (journal), ==, 1);
}

/* Salvage: a journal with one page ruined is still moved aside untouched,
 * and every row that can be read is copied into the fresh one first. */
static void
test_salvage (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(LimberJournal) journal = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GBytes) damaged = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n_rows, page_size, n_pages;
  guint8 *garbage;
  sqlite3 *db;
  int fd;

  make_journal (path, 200);
  journal = open_ok (path);
  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(GDateTime) time = utc (2024, 3, 1 + i % 28, 8, i, 0);
      g_autoptr(LimberCheckin) checkin = checkin_at (time, i % 11, 5);

      add_checkin (journal, checkin);
    }
  db = limber_journal_get_handle_for_testing (journal);
  n_rows = raw_int (db, "SELECT (SELECT count(*) FROM sessions) + (SELECT count(*) FROM session_parts)"
                        " + (SELECT count(*) FROM checkins)");
  raw_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)");
  page_size = raw_int (db, "PRAGMA page_size");
  n_pages = raw_int (db, "PRAGMA page_count");
  g_clear_object (&journal);
  g_assert_cmpint (n_pages, >, 8);

  /* ruin one page in the middle */
  garbage = g_malloc (page_size);
  memset (garbage, 0xa5, page_size);
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, garbage, page_size, (n_pages / 2) * page_size), ==, page_size);
  close (fd);
  g_free (garbage);
  damaged = read_bytes (path);

  journal = open_ok (path);
  g_assert_nonnull (limber_journal_get_moved_aside_path (journal));
  assert_file_is (limber_journal_get_moved_aside_path (journal), damaged);
  g_test_message ("%u of %" G_GINT64_FORMAT " rows salvaged", limber_journal_get_n_salvaged (journal), n_rows);
  g_assert_cmpuint (limber_journal_get_n_salvaged (journal), >, n_rows / 2);
  g_assert_cmpuint (limber_journal_get_n_salvaged (journal), <, n_rows);

  sessions = list_sessions (journal, NULL);
  checkins = limber_journal_list_checkins (journal, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len + checkins->len, >, 0);
  db = limber_journal_get_handle_for_testing (journal);
  g_assert_cmpint (raw_int (db, "SELECT (SELECT count(*) FROM sessions) + (SELECT count(*) FROM session_parts)"
                                " + (SELECT count(*) FROM checkins)"), ==, limber_journal_get_n_salvaged (journal));

  /* the new journal is sound, and works */
  g_clear_object (&journal);
  journal = open_ok (path);
  g_assert_null (limber_journal_get_moved_aside_path (journal));
}

static void
test_checkin_add_get (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(LimberJournal) journal = open_ok (path);
  g_autoptr(GDateTime) time = utc (2024, 5, 6, 7, 8, 9.123456);
  g_autoptr(LimberCheckin) full = checkin_at (time, 10, 0);
  g_autoptr(LimberCheckin) bare = checkin_at (time, 0, 10);
  g_autoptr(LimberCheckin) empty_note = checkin_at (time, 5, 5);
  g_autoptr(LimberCheckin) got = NULL;
  g_autoptr(GError) error = NULL;
  GString *long_note = g_string_new (NULL);
  gint64 a, b, c;

  for (guint i = 0; i < 5000; i++)
    g_string_append (long_note, "Line with ünïcode ✓ and a tab\t;\n");
  full->side = LIMBER_BODY_SIDE_RIGHT;
  full->morning_stiffness = LIMBER_MORNING_STIFFNESS_MAX;
  full->symptoms = LIMBER_SYMPTOM_NUMBNESS | LIMBER_SYMPTOM_RADIATING | LIMBER_SYMPTOM_WEAKNESS;
  full->note = g_string_free (long_note, FALSE);
  bare->morning_stiffness = 0;
  empty_note->note = g_strdup ("");
  empty_note->side = LIMBER_BODY_SIDE_LEFT;

  a = add_checkin (journal, full);
  b = add_checkin (journal, bare);
  c = add_checkin (journal, empty_note);
  g_assert_cmpint (a, <, b);
  g_assert_cmpint (b, <, c);

  got = limber_journal_get_checkin (journal, a, &error);
  g_assert_no_error (error);
  g_assert_cmpint (got->id, ==, a);
  assert_same_checkin (got, full);
  g_clear_pointer (&got, limber_checkin_free);

  got = limber_journal_get_checkin (journal, b, &error);
  g_assert_no_error (error);
  assert_same_checkin (got, bare);
  g_assert_null (got->note);
  g_clear_pointer (&got, limber_checkin_free);

  /* an empty note stays empty, not missing */
  got = limber_journal_get_checkin (journal, c, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->note, ==, "");
  g_clear_pointer (&got, limber_checkin_free);

  /* a new check-in has no morning stiffness until told */
  g_clear_pointer (&bare, limber_checkin_free);
  bare = limber_checkin_new ();
  g_assert_cmpint (bare->morning_stiffness, ==, -1);
  got = limber_journal_get_checkin (journal, add_checkin (journal, bare), &error);
  g_assert_no_error (error);
  g_assert_cmpint (got->morning_stiffness, ==, -1);
  g_assert_cmpint (got->side, ==, LIMBER_BODY_SIDE_BOTH);
  g_clear_pointer (&got, limber_checkin_free);

  got = limber_journal_get_checkin (journal, 999, &error);
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_NOT_FOUND);
  g_assert_null (got);

  /* and it all survives a reopen */
  g_clear_object (&journal);
  g_clear_error (&error);
  journal = open_ok (path);
  got = limber_journal_get_checkin (journal, a, &error);
  g_assert_no_error (error);
  assert_same_checkin (got, full);
}

static void
test_checkin_invalid (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(LimberJournal) journal = open_ok (path);
  g_autoptr(GDateTime) time = utc (2024, 5, 6, 7, 8, 9);
  g_autoptr(LimberCheckin) good = checkin_at (time, 3, 4);
  struct {
    const char *what;
    int pain, stiffness, side, morning, symptoms;
    const char *note;
    const char *expected;   /* in the message */
  } cases[] = {
    { "pain -1", -1, 4, 0, -1, 0, NULL, "Pain" },
    { "pain 11", 11, 4, 0, -1, 0, NULL, "0 (none) to 10 (worst imaginable)" },
    { "stiffness -1", 3, -1, 0, -1, 0, NULL, "Stiffness" },
    { "stiffness 11", 3, 11, 0, -1, 0, NULL, "from 0" },
    { "side 3", 3, 4, 3, -1, 0, NULL, "left, right or both" },
    { "side -1", 3, 4, -1, -1, 0, NULL, "left, right or both" },
    { "morning -2", 3, 4, 0, -2, 0, NULL, "Morning stiffness" },
    { "morning 1441", 3, 4, 0, 1441, 0, NULL, "0 to 1440" },
    { "symptom 8", 3, 4, 0, -1, 8, NULL, "symptoms" },
    { "note", 3, 4, 0, -1, 0, "bad \xff utf-8", "note" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LimberCheckin) bad = limber_checkin_copy (good);
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].what);
      bad->pain = cases[i].pain;
      bad->stiffness = cases[i].stiffness;
      bad->side = (LimberBodySide) cases[i].side;
      bad->morning_stiffness = cases[i].morning;
      bad->symptoms = (LimberSymptoms) cases[i].symptoms;
      bad->note = g_strdup (cases[i].note);

      g_assert_false (limber_checkin_validate (bad, &error));
      g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].expected));
      g_clear_error (&error);

      g_assert_cmpint (limber_journal_add_checkin (journal, bad, &error), ==, 0);
      g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID);
      g_assert_cmpint (count_checkins (journal), ==, 0);
    }

  /* no time */
  {
    g_autoptr(LimberCheckin) bad = limber_checkin_copy (good);
    g_autoptr(GError) error = NULL;

    g_clear_pointer (&bad->time, g_date_time_unref);
    g_assert_false (limber_checkin_validate (bad, &error));
    g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "time"));
  }

  /* the edges are fine */
  good->pain = 0;
  good->stiffness = 10;
  good->morning_stiffness = 0;
  g_assert_true (limber_checkin_validate (good, NULL));
  good->morning_stiffness = 1440;
  good->pain = 10;
  good->stiffness = 0;
  g_assert_true (limber_checkin_validate (good, NULL));
  add_checkin (journal, good);
  g_assert_cmpint (count_checkins (journal), ==, 1);
}

static void
test_checkin_sides (void)
{
  static const char * const names[] = { "both", "left", "right" };
  LimberBodySide side = LIMBER_BODY_SIDE_LEFT;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      LimberBodySide parsed;

      g_assert_cmpstr (limber_body_side_to_string ((LimberBodySide) i), ==, names[i]);
      g_assert_true (limber_body_side_from_string (names[i], &parsed));
      g_assert_cmpint (parsed, ==, i);
    }

  g_assert_false (limber_body_side_from_string ("Left", &side));
  g_assert_false (limber_body_side_from_string ("", &side));
  g_assert_false (limber_body_side_from_string ("none", &side));
  g_assert_false (limber_body_side_from_string (NULL, &side));
  g_assert_cmpint (side, ==, LIMBER_BODY_SIDE_LEFT);
  g_assert_cmpuint (limber_checkin_get_type (), !=, G_TYPE_INVALID);
}

static void
test_checkin_copy (void)
{
  g_autoptr(LimberCheckin) a = limber_checkin_new ();
  g_autoptr(LimberCheckin) b = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_assert_nonnull (a->time);
  g_assert_cmpint (g_date_time_difference (now, a->time), <, 60 * G_USEC_PER_SEC);
  a->id = 7;
  a->note = g_strdup ("note");
  b = limber_checkin_copy (a);
  g_assert_cmpint (b->id, ==, 7);
  g_assert_true (b->note != a->note);
  assert_same_checkin (a, b);
  limber_checkin_free (NULL);
}

static void
test_checkin_update (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(LimberJournal) journal = open_ok (path);
  g_autoptr(GDateTime) time = utc (2024, 5, 6, 7, 8, 9);
  g_autoptr(GDateTime) later = utc (2024, 5, 7, 20, 0, 0);
  g_autoptr(LimberCheckin) checkin = checkin_at (time, 3, 4);
  g_autoptr(LimberCheckin) got = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = add_checkin (journal, checkin);
  gint64 other = add_checkin (journal, checkin);

  checkin->id = id;
  g_date_time_unref (checkin->time);
  checkin->time = g_date_time_ref (later);
  checkin->pain = 9;
  checkin->stiffness = 1;
  checkin->side = LIMBER_BODY_SIDE_LEFT;
  checkin->morning_stiffness = 30;
  checkin->symptoms = LIMBER_SYMPTOM_WEAKNESS;
  checkin->note = g_strdup ("edited");
  g_assert_true (limber_journal_update_checkin (journal, checkin, &error));
  g_assert_no_error (error);
  got = limber_journal_get_checkin (journal, id, &error);
  assert_same_checkin (got, checkin);
  g_clear_pointer (&got, limber_checkin_free);

  /* the other one is untouched */
  got = limber_journal_get_checkin (journal, other, &error);
  g_assert_cmpint (got->pain, ==, 3);
  g_assert_null (got->note);
  g_clear_pointer (&got, limber_checkin_free);

  /* clearing optional fields */
  checkin->morning_stiffness = -1;
  g_clear_pointer (&checkin->note, g_free);
  checkin->symptoms = LIMBER_SYMPTOM_NONE;
  g_assert_true (limber_journal_update_checkin (journal, checkin, &error));
  got = limber_journal_get_checkin (journal, id, &error);
  assert_same_checkin (got, checkin);
  g_clear_pointer (&got, limber_checkin_free);

  /* invalid: refused, unchanged */
  checkin->pain = 12;
  g_assert_false (limber_journal_update_checkin (journal, checkin, &error));
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);
  got = limber_journal_get_checkin (journal, id, &error);
  g_assert_cmpint (got->pain, ==, 9);

  /* unknown id */
  checkin->pain = 2;
  checkin->id = 4242;
  g_assert_false (limber_journal_update_checkin (journal, checkin, &error));
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_NOT_FOUND);
  g_assert_cmpint (count_checkins (journal), ==, 2);
}

static void
test_checkin_delete_restore (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(LimberJournal) journal = open_ok (path);
  g_autoptr(GDateTime) time = utc (2024, 5, 6, 7, 8, 9);
  g_autoptr(LimberCheckin) checkin = checkin_at (time, 6, 2);
  g_autoptr(LimberCheckin) deleted = NULL;
  g_autoptr(LimberCheckin) got = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first, last, newer;

  checkin->note = g_strdup ("undo me");
  checkin->symptoms = LIMBER_SYMPTOM_RADIATING;
  first = add_checkin (journal, checkin);
  last = add_checkin (journal, checkin);

  /* delete the newest one: its id must not come back for a new check-in */
  g_assert_true (limber_journal_delete_checkin (journal, last, &deleted, &error));
  g_assert_no_error (error);
  g_assert_nonnull (deleted);
  g_assert_cmpint (deleted->id, ==, last);
  assert_same_checkin (deleted, checkin);
  got = limber_journal_get_checkin (journal, last, &error);
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  newer = add_checkin (journal, checkin);
  g_assert_cmpint (newer, >, last);

  /* undo */
  g_assert_true (limber_journal_restore_checkin (journal, deleted, &error));
  g_assert_no_error (error);
  got = limber_journal_get_checkin (journal, last, &error);
  g_assert_no_error (error);
  assert_same_checkin (got, checkin);

  /* twice is refused, with nothing changed */
  g_assert_false (limber_journal_restore_checkin (journal, deleted, &error));
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_checkins (journal), ==, 3);

  /* a check-in never saved cannot be "restored" */
  checkin->id = 0;
  g_assert_false (limber_journal_restore_checkin (journal, checkin, &error));
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);

  /* deleting without asking for the old one, and an unknown id */
  g_assert_true (limber_journal_delete_checkin (journal, first, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&deleted, limber_checkin_free);
  g_assert_false (limber_journal_delete_checkin (journal, first, &deleted, &error));
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_NOT_FOUND);
  g_assert_null (deleted);
  g_assert_cmpint (count_checkins (journal), ==, 2);
}

static void
test_checkin_list (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(LimberJournal) journal = open_ok (path);
  g_autoptr(GDateTime) t1 = utc (2024, 5, 6, 7, 0, 0);
  g_autoptr(GDateTime) t2 = utc (2024, 5, 6, 19, 0, 0);
  g_autoptr(GDateTime) t3 = utc (2024, 5, 7, 7, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) some = NULL;
  gint64 ids[3];

  /* written out of order, listed oldest first */
  {
    g_autoptr(LimberCheckin) c3 = checkin_at (t3, 3, 3);
    g_autoptr(LimberCheckin) c1 = checkin_at (t1, 1, 1);
    g_autoptr(LimberCheckin) c2 = checkin_at (t2, 2, 2);

    ids[2] = add_checkin (journal, c3);
    ids[0] = add_checkin (journal, c1);
    ids[1] = add_checkin (journal, c2);
  }

  all = limber_journal_list_checkins (journal, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      LimberCheckin *c = g_ptr_array_index (all, i);

      g_assert_cmpint (c->id, ==, ids[i]);
      g_assert_cmpint (c->pain, ==, i + 1);
    }

  /* from is included, to is not */
  some = limber_journal_list_checkins (journal, t2, t3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (some->len, ==, 1);
  g_assert_cmpint (((LimberCheckin *) some->pdata[0])->id, ==, ids[1]);
  g_clear_pointer (&some, g_ptr_array_unref);

  some = limber_journal_list_checkins (journal, NULL, t2, &error);
  g_assert_cmpuint (some->len, ==, 1);
  g_clear_pointer (&some, g_ptr_array_unref);
  some = limber_journal_list_checkins (journal, t2, NULL, &error);
  g_assert_cmpuint (some->len, ==, 2);
  g_clear_pointer (&some, g_ptr_array_unref);
  some = limber_journal_list_checkins (journal, t3, t1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (some->len, ==, 0);
}

static void
test_list_sessions_between (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(LimberJournal) journal = open_ok (path);
  g_autoptr(GDateTime) from = utc (2024, 1, 2, 8, 0, 0);
  g_autoptr(GDateTime) to = utc (2024, 1, 4, 8, 0, 0);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;

  fill (journal, 5);    /* one a day at 08:00 UTC from 1 January */
  sessions = limber_journal_list_sessions_between (journal, from, to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 2);
  assert_same_time (((LimberSessionInfo *) sessions->pdata[0])->started_at, from);
  g_assert_cmpuint (((LimberSessionInfo *) sessions->pdata[0])->n_parts, ==, 4);
  g_clear_pointer (&sessions, g_ptr_array_unref);

  sessions = limber_journal_list_sessions_between (journal, NULL, NULL, &error);
  g_assert_cmpuint (sessions->len, ==, 5);
  for (guint i = 1; i < sessions->len; i++)
    g_assert_cmpint (g_date_time_compare (((LimberSessionInfo *) sessions->pdata[i - 1])->started_at,
                                          ((LimberSessionInfo *) sessions->pdata[i])->started_at), <, 0);
}

static void
test_checkin_read_only (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(LimberJournal) journal = open_ok (path);
  g_autoptr(GDateTime) time = utc (2024, 5, 6, 7, 8, 9);
  g_autoptr(LimberCheckin) checkin = checkin_at (time, 6, 2);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = limber_journal_get_handle_for_testing (journal);

  add_checkin (journal, checkin);
  raw_exec (db, "PRAGMA query_only = ON");
  g_assert_cmpint (limber_journal_add_checkin (journal, checkin, &error), ==, 0);
  g_assert_nonnull (error);
  g_assert_true (error->domain == LIMBER_JOURNAL_ERROR);
  g_clear_error (&error);
  g_assert_false (limber_journal_delete_checkin (journal, 1, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  raw_exec (db, "PRAGMA query_only = OFF");
  /* no transaction was left open */
  g_assert_true (sqlite3_get_autocommit (db));
  g_assert_cmpint (count_checkins (journal), ==, 1);
}

/* A check-in dated in the future would stay "today" for ever: refused,
 * from the form's API and from the journal. A minute's slack is allowed. */
static void
test_checkin_future (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(LimberJournal) journal = open_ok (path);
  g_autoptr(LimberCheckin) checkin = limber_checkin_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  static const gint64 ahead_s[] = { 2 * 60, 3600, 24 * 3600, 400LL * 24 * 3600 };

  checkin->pain = 2;
  checkin->stiffness = 3;
  for (guint i = 0; i < G_N_ELEMENTS (ahead_s); i++)
    {
      g_date_time_unref (checkin->time);
      checkin->time = g_date_time_add_seconds (now, ahead_s[i]);

      g_assert_false (limber_checkin_validate (checkin, &error));
      g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "future"));
      g_clear_error (&error);
      g_assert_cmpint (limber_journal_add_checkin (journal, checkin, &error), ==, 0);
      g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_cmpint (count_checkins (journal), ==, 0);

  /* now, a few seconds ahead (another clock), and the past are fine */
  g_date_time_unref (checkin->time);
  checkin->time = g_date_time_add_seconds (now, 20);
  g_assert_true (limber_checkin_validate (checkin, NULL));
  g_date_time_unref (checkin->time);
  checkin->time = g_date_time_add_days (now, -400);
  g_assert_cmpint (limber_journal_add_checkin (journal, checkin, &error), >, 0);
  g_assert_no_error (error);

  /* an edit cannot move one into the future either */
  checkin->id = limber_journal_add_checkin (journal, checkin, &error);
  g_assert_no_error (error);
  g_date_time_unref (checkin->time);
  checkin->time = g_date_time_add_days (now, 2);
  g_assert_false (limber_journal_update_checkin (journal, checkin, &error));
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  faulty_vfs_install ();

  g_test_add_func ("/journal/default-path", test_default_path);
  g_test_add_func ("/journal/create-and-reopen", test_create_and_reopen);
  g_test_add_func ("/journal/pragmas", test_pragmas);
  g_test_add_func ("/journal/empty-file", test_empty_file);
  g_test_add_func ("/journal/sessions/lifecycle", test_lifecycle);
  g_test_add_func ("/journal/sessions/outcomes", test_outcomes);
  g_test_add_func ("/journal/sessions/rating", test_rating);
  g_test_add_func ("/journal/sessions/list-since", test_list_since);
  g_test_add_func ("/journal/sessions/recover", test_recover);
  g_test_add_func ("/journal/damage/check-rule-broken", test_check_rule_broken);
  g_test_add_func ("/journal/damage/salvage", test_salvage);
  g_test_add_func ("/journal/sessions/recover-leaves-live-sessions", test_recover_leaves_live_sessions);
  g_test_add_func ("/journal/sessions/list-between", test_list_sessions_between);
  g_test_add_func ("/journal/checkins/add-get", test_checkin_add_get);
  g_test_add_func ("/journal/checkins/invalid", test_checkin_invalid);
  g_test_add_func ("/journal/checkins/future", test_checkin_future);
  g_test_add_func ("/journal/checkins/sides", test_checkin_sides);
  g_test_add_func ("/journal/checkins/copy", test_checkin_copy);
  g_test_add_func ("/journal/checkins/update", test_checkin_update);
  g_test_add_func ("/journal/checkins/delete-restore", test_checkin_delete_restore);
  g_test_add_func ("/journal/checkins/list", test_checkin_list);
  g_test_add_func ("/journal/checkins/read-only", test_checkin_read_only);
  g_test_add_func ("/journal/reminders", test_reminders);
  g_test_add_func ("/journal/reminders/stored-strings", test_reminders_stored_strings);
  g_test_add_func ("/journal/migrations/fixtures", test_migrations);
  g_test_add_func ("/journal/refuse/too-new", test_too_new);
  g_test_add_func ("/journal/refuse/foreign", test_foreign);
  g_test_add_func ("/journal/refuse/foreign-unclaimed", test_foreign_unclaimed);
  g_test_add_func ("/journal/damage/truncated-half", test_damage_truncated_half);
  g_test_add_func ("/journal/damage/truncated-header", test_damage_truncated_header);
  g_test_add_func ("/journal/damage/random-bytes", test_damage_random);
  g_test_add_func ("/journal/damage/middle-page", test_damage_middle_page);
  g_test_add_func ("/journal/damage/with-side-files", test_damage_with_wal);
  g_test_add_func ("/journal/damage/orphan-wal", test_damage_orphan_wal);
  g_test_add_func ("/journal/damage/name-taken", test_damage_name_taken);
  g_test_add_func ("/journal/access/read-only", test_read_only);
  g_test_add_func ("/journal/access/cant-open", test_cant_open);
  g_test_add_func ("/journal/crash", test_crash);
  g_test_add_func ("/journal/disk-full", test_disk_full);
  g_test_add_func ("/journal/disk-full-io-error", test_disk_full_io_error);

  return g_test_run ();
}
