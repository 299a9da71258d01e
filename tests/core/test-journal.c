/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The journal file: creating and reopening it, and what happens to
 * damaged, foreign, newer, read-only and crashed journals and full disks. */
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
#include "journal-test-utils.h"
#include "limber-advisory.h"
#include "limber-enums.h"
#include "limber-journal-private.h"

#define NOBODY_ID 65534

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
  sqlite3 *db = _limber_journal_get_handle_for_testing (journal);
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
  sqlite3 *db = _limber_journal_get_handle_for_testing (journal);
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
  db = _limber_journal_get_handle_for_testing (journal);
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
  db = _limber_journal_get_handle_for_testing (journal);
  g_assert_cmpint (raw_int (db, "SELECT (SELECT count(*) FROM sessions) + (SELECT count(*) FROM session_parts)"
                                " + (SELECT count(*) FROM checkins)"), ==, limber_journal_get_n_salvaged (journal));

  /* the new journal is sound, and works */
  g_clear_object (&journal);
  journal = open_ok (path);
  g_assert_null (limber_journal_get_moved_aside_path (journal));
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
  g_test_add_func ("/journal/damage/check-rule-broken", test_check_rule_broken);
  g_test_add_func ("/journal/damage/salvage", test_salvage);
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
