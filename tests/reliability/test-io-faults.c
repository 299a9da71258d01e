/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every I/O fault point of the journal's writes and of a CSV export's
 * read, swept: a test VFS over SQLite's default one fails the Nth write,
 * sync, truncate or lock (once, or from then on as a full disk does), for
 * every N the operation reaches. Each time the operation is all or
 * nothing, the caller gets a LimberJournalError (or, for the export's own
 * file, a GIOError) with a message, the file passes PRAGMA
 * integrity_check, and the same operation succeeds once the fault is gone. */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "faulty-vfs.h"
#include "limber-export.h"
#include "limber-journal-private.h"

typedef struct
{
  FaultyKind  kind;
  const char *name;
  int         rc;
} Fault;

static const Fault faults[] = {
  { FAULTY_WRITE, "write", SQLITE_IOERR_WRITE },
  { FAULTY_WRITE, "write (disk full)", SQLITE_FULL },
  { FAULTY_SYNC, "sync", SQLITE_IOERR_FSYNC },
  { FAULTY_TRUNCATE, "truncate", SQLITE_IOERR_TRUNCATE },
  { FAULTY_LOCK, "lock", SQLITE_IOERR_LOCK },
};

static guint n_points_total;

/* One operation under test: it sets up a fresh state, runs once, and says
 * what the journal holds. */
typedef struct
{
  const char *name;
  gpointer  (*setup)   (const char *path);
  gboolean  (*run)     (gpointer state, GError **error);
  char     *(*observe) (gpointer state);   /* the committed state, as text */
  void      (*teardown) (gpointer state);
  gboolean    changes;                     /* success changes what observe() sees */
} Operation;

static char *
raw_state (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GString *text = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (text, "%s|", (const char *) sqlite3_column_text (stmt, i));
      g_string_append_c (text, '\n');
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (text, FALSE);
}

static char *
tmp_journal (const char *name)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "limber", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return g_build_filename (dir, name, NULL);
}

static void
remove_journal (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal", ".lock" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

/* Sessions, parts and check-ins: an open journal with one session. */

typedef struct
{
  char          *path;
  LimberJournal *journal;
  gint64         session_id;
  guint          step;
} JournalState;

static gpointer
journal_setup (const char *name)
{
  JournalState *st = g_new0 (JournalState, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;

  st->path = tmp_journal (name);
  remove_journal (st->path);
  st->journal = limber_journal_open (st->path, &error);
  g_assert_no_error (error);
  st->session_id = limber_journal_start_session (st->journal, "desk-break", "Desk break", now, 60000, &error);
  g_assert_no_error (error);
  g_assert_true (limber_journal_record_part (st->journal, st->session_id, 0, LIMBER_SIDE_NONE,
                                             "neck-tilt", 1000, 1000, FALSE, 1000, &error));
  g_assert_no_error (error);
  st->step = 1;
  return st;
}

static void
journal_teardown (gpointer data)
{
  JournalState *st = data;

  g_clear_object (&st->journal);
  remove_journal (st->path);
  g_free (st->path);
  g_free (st);
}

static gpointer
start_setup (const char *unused)
{
  return journal_setup ("start.db");
}

static gboolean
start_run (gpointer data,
           GError **error)
{
  JournalState *st = data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return limber_journal_start_session (st->journal, "calves", "Calves", now, 1000, error) > 0;
}

static char *
sessions_observe (gpointer data)
{
  JournalState *st = data;

  return raw_state (st->path, "SELECT id, routine_id, outcome, active_ms FROM sessions ORDER BY id");
}

static gpointer
part_setup (const char *unused)
{
  return journal_setup ("part.db");
}

/* The part and the session's active time are written together. */
static gboolean
part_run (gpointer data,
          GError **error)
{
  JournalState *st = data;
  gboolean ok;

  ok = limber_journal_record_part (st->journal, st->session_id, st->step, LIMBER_SIDE_LEFT,
                                   "standing-calf", 30000, 30000, FALSE, 1000 + 30000 * st->step, error);
  if (ok)
    st->step++;
  return ok;
}

static char *
parts_observe (gpointer data)
{
  JournalState *st = data;

  return raw_state (st->path,
                    "SELECT s.active_ms, p.step, p.side, p.done_ms FROM sessions AS s"
                    " LEFT JOIN session_parts AS p ON p.session_id = s.id ORDER BY p.step");
}

static gpointer
checkin_setup (const char *unused)
{
  return journal_setup ("checkin.db");
}

static gboolean
checkin_run (gpointer data,
             GError **error)
{
  JournalState *st = data;
  g_autoptr(LimberCheckin) checkin = limber_checkin_new ();

  checkin->pain = 4;
  checkin->stiffness = 6;
  checkin->note = g_strdup ("Stiff after the drive");
  return limber_journal_add_checkin (st->journal, checkin, error) > 0;
}

static char *
checkins_observe (gpointer data)
{
  JournalState *st = data;

  return raw_state (st->path, "SELECT id, pain, stiffness, note FROM checkins ORDER BY id");
}

/* A migration: opening an old journal from each fixture. */

typedef struct
{
  char          *path;
  char          *fixture_sql;
  LimberJournal *journal;
} MigrationState;

static gpointer
migration_setup (const char *version)
{
  MigrationState *st = g_new0 (MigrationState, 1);
  g_autofree char *name = g_strdup_printf ("journal-v%s.sql", version);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "core", "fixtures", name, NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_file_get_contents (fixture, &st->fixture_sql, NULL, &error);
  g_assert_no_error (error);
  st->path = tmp_journal ("migration.db");
  remove_journal (st->path);
  g_assert_cmpint (sqlite3_open (st->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, st->fixture_sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  return st;
}

static gboolean
migration_run (gpointer data,
               GError **error)
{
  MigrationState *st = data;

  g_clear_object (&st->journal);
  st->journal = limber_journal_open (st->path, error);
  if (st->journal != NULL)
    g_assert_null (limber_journal_get_moved_aside_path (st->journal));
  return st->journal != NULL;
}

/* Each step is its own transaction: the journal is at one version or the
 * next (migration_teardown() checks the last), with all its sessions, never
 * in between and never moved aside. */
static char *
migration_observe (gpointer data)
{
  MigrationState *st = data;
  g_autofree char *folder = g_path_get_dirname (st->path);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    g_assert_null (strstr (name, ".corrupt-"));

  /* no table yet (version 0) reads as an empty one */
  {
    g_autofree char *has_table = raw_state (st->path,
                                            "SELECT count(*) FROM sqlite_master WHERE name = 'sessions'");

    if (g_str_equal (has_table, "0|\n"))
      return g_strdup ("");
  }
  return raw_state (st->path, "SELECT id, routine_id, started_at FROM sessions ORDER BY id");
}

static void
migration_teardown (gpointer data)
{
  MigrationState *st = data;
  g_autofree char *version = NULL;

  g_clear_object (&st->journal);
  version = raw_state (st->path, "PRAGMA user_version");
  g_assert_cmpint (atoi (version), ==, LIMBER_JOURNAL_SCHEMA_VERSION);
  remove_journal (st->path);
  g_free (st->path);
  g_free (st->fixture_sql);
  g_free (st);
}

/* A CSV export: reads the journal, writes its own file atomically. */

typedef struct
{
  JournalState *journal;
  char         *csv;
} ExportState;

static gpointer
export_setup (const char *unused)
{
  ExportState *st = g_new0 (ExportState, 1);

  st->journal = journal_setup ("export.db");
  g_assert_true (checkin_run (st->journal, NULL));
  st->csv = g_build_filename (g_get_user_data_dir (), "export.csv", NULL);
  g_unlink (st->csv);
  return st;
}

static gboolean
export_run (gpointer data,
            GError **error)
{
  ExportState *st = data;
  g_autoptr(GFile) file = g_file_new_for_path (st->csv);

  return limber_export_csv (st->journal->journal, file, NULL, NULL, error);
}

/* The file is there, whole, or not at all. */
static char *
export_observe (gpointer data)
{
  ExportState *st = data;
  g_autofree char *text = NULL;
  g_autofree char *journal = sessions_observe (st->journal);  /* and its integrity */

  g_assert_nonnull (journal);
  if (!g_file_get_contents (st->csv, &text, NULL, NULL))
    return g_strdup ("no file");
  g_assert_nonnull (strstr (text, "desk-break"));
  g_assert_nonnull (strstr (text, "Stiff after the drive"));
  g_unlink (st->csv);
  return g_strdup ("whole file");
}

static void
export_teardown (gpointer data)
{
  ExportState *st = data;

  journal_teardown (st->journal);
  g_unlink (st->csv);
  g_free (st->csv);
  g_free (st);
}

/* Today's backup, with a week of older ones beside it: made whole and
 * checked, or not at all, and a failed one pushes out none of the others. */

static GDateTime *
backup_day (int d)
{
  return g_date_time_new_local (2026, 11, d, 9, 0, 0);
}

static gpointer
backup_setup (const char *unused)
{
  JournalState *st = journal_setup ("backup.db");
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "limber", "backups", NULL);
  g_autoptr(GPtrArray) old = limber_journal_list_backups (st->path);
  g_autoptr(GDateTime) first = backup_day (1);
  g_autoptr(GError) error = NULL;
  g_autofree char *bytes = NULL;
  gsize length;

  for (guint i = 0; i < old->len; i++)
    g_unlink (g_ptr_array_index (old, i));
  g_clear_pointer (&old, g_ptr_array_unref);
  g_assert_true (checkin_run (st, NULL));
  /* one real backup, and its bytes under six more days' names: cheaper
   * than six more backups for each of the sweep's points */
  g_assert_true (limber_journal_backup_daily (st->path, first, NULL, &error));
  g_assert_no_error (error);
  old = limber_journal_list_backups (st->path);
  g_assert_cmpuint (old->len, ==, 1);
  g_assert_true (g_file_get_contents (g_ptr_array_index (old, 0), &bytes, &length, NULL));
  for (int d = 2; d <= LIMBER_JOURNAL_N_BACKUPS; d++)
    {
      g_autofree char *name = g_strdup_printf ("backup-2026-11-%02d.db", d);
      g_autofree char *file = g_build_filename (dir, name, NULL);

      g_assert_true (g_file_set_contents_full (file, bytes, length, G_FILE_SET_CONTENTS_NONE, 0600, NULL));
    }
  return st;
}

static gboolean
backup_run (gpointer data,
            GError **error)
{
  JournalState *st = data;
  g_autoptr(GDateTime) today = backup_day (20);

  return limber_journal_backup_daily (st->path, today, NULL, error);
}

/* The backups' names, each checked; nothing half-made beside them. */
static char *
backup_observe (gpointer data)
{
  JournalState *st = data;
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "limber", "backups", NULL);
  g_autoptr(GPtrArray) backups = limber_journal_list_backups (st->path);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autofree char *journal = sessions_observe (st);
  GString *text = g_string_new (NULL);
  const char *name;

  g_assert_nonnull (journal);
  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (name[0] == '.')
      g_error ("a half-made backup was left: %s", name);
  for (guint i = 0; i < backups->len; i++)
    {
      g_autofree char *rows = raw_state (g_ptr_array_index (backups, i), "SELECT count(*) FROM checkins");
      g_autofree char *base = g_path_get_basename (g_ptr_array_index (backups, i));

      g_assert_cmpstr (rows, ==, "1|\n");
      g_string_append_printf (text, "%s\n", base);
    }
  return g_string_free (text, FALSE);
}

/* The sweep */

static void
sweep (const Operation *op,
       const char      *setup_arg)
{
  guint n_points = 0;
  guint n_absorbed = 0;

  for (guint f = 0; f < G_N_ELEMENTS (faults); f++)
    for (int persistent = 0; persistent <= 1; persistent++)
      {
        guint count;

        /* how many operations of this kind the operation makes */
        {
          gpointer state = op->setup (setup_arg);
          g_autoptr(GError) error = NULL;

          /* exactly as below, where the state is read first */
          g_free (op->observe (state));
          faulty_vfs_arm (faults[f].kind, 0, faults[f].rc, FALSE);
          g_assert_true (op->run (state, &error));
          g_assert_no_error (error);
          count = faulty_vfs_get_count ();
          faulty_vfs_disarm ();
          g_free (op->observe (state));
          op->teardown (state);
        }

        for (guint nth = 1; nth <= count; nth++)
          {
            gpointer state = op->setup (setup_arg);
            g_autoptr(GError) error = NULL;
            g_autofree char *before = op->observe (state);
            g_autofree char *after = NULL;
            g_autofree char *retried = NULL;
            gboolean ok;

            faulty_vfs_arm (faults[f].kind, nth, faults[f].rc, persistent);
            ok = op->run (state, &error);
            if (faulty_vfs_get_n_failed () == 0)
              g_error ("%s: %s fault %u of %u never came: %u operations", op->name, faults[f].name, nth, count, faulty_vfs_get_count ());
            faulty_vfs_disarm ();
            n_points++;
            if (ok)
              n_absorbed++;

            after = op->observe (state);
            if (ok)
              {
                /* the fault fell where SQLite could do without it */
                g_assert_no_error (error);
                if (op->changes)
                  g_assert_cmpstr (after, !=, before);
                else
                  g_assert_cmpstr (after, ==, before);
              }
            else
              {
                g_assert_nonnull (error);
                g_assert_true (error->domain == LIMBER_JOURNAL_ERROR || error->domain == G_IO_ERROR);
                g_assert_cmpstr (error->message, !=, "");
                if (faults[f].rc == SQLITE_FULL)
                  g_assert_true (g_error_matches (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_FULL));
                /* nothing of it was kept */
                if (g_strcmp0 (after, before) != 0)
                  g_error ("%s: %s fault %u of %u%s left a partial state:\nbefore:\n%s\nafter:\n%s",
                           op->name, faults[f].name, nth, count, persistent ? " onwards" : "", before, after);

                /* the same call succeeds once the fault is gone */
                g_clear_error (&error);
                if (!op->run (state, &error))
                  g_error ("%s: retry after %s fault %u of %u failed: %s", op->name, faults[f].name,
                           nth, count, error->message);
                retried = op->observe (state);
                if (op->changes)
                  g_assert_cmpstr (retried, !=, before);
                else
                  g_assert_cmpstr (retried, ==, before);
              }
            op->teardown (state);
          }
        g_test_message ("%s: %u %s points%s", op->name, count, faults[f].name,
                        persistent ? ", failing from then on" : ", failing once");
      }

  g_test_message ("%s: %u fault points swept, %u of them absorbed by SQLite, the others refused whole",
                  op->name, n_points, n_absorbed);
  g_assert_cmpuint (n_points, >, 0);
  n_points_total += n_points;
}

static const Operation start_op = { "start a session", start_setup, start_run, sessions_observe, journal_teardown, TRUE };
static const Operation part_op = { "record a step", part_setup, part_run, parts_observe, journal_teardown, TRUE };
static const Operation checkin_op = { "check in", checkin_setup, checkin_run, checkins_observe, journal_teardown, TRUE };
static const Operation migration_op = { "migrate", migration_setup, migration_run, migration_observe, migration_teardown, FALSE };
static const Operation backup_op = { "back up", backup_setup, backup_run, backup_observe, journal_teardown, TRUE };
static const Operation export_op = { "export CSV", export_setup, export_run, export_observe, export_teardown, TRUE };

static void
test_start_session (void)
{
  sweep (&start_op, NULL);
}

static void
test_record_part (void)
{
  sweep (&part_op, NULL);
}

static void
test_checkin (void)
{
  sweep (&checkin_op, NULL);
}

static void
test_migration (gconstpointer version)
{
  sweep (&migration_op, version);
}

static void
test_export (void)
{
  sweep (&export_op, NULL);
}

static void
test_backup (void)
{
  sweep (&backup_op, NULL);
}

static void
test_total (void)
{
  g_test_message ("%u fault points swept in all", n_points_total);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  faulty_vfs_install ();

  g_test_add_func ("/io-faults/start-session", test_start_session);
  g_test_add_func ("/io-faults/record-part", test_record_part);
  g_test_add_func ("/io-faults/check-in", test_checkin);
  g_test_add_data_func ("/io-faults/migration/v0", "0", test_migration);
  g_test_add_data_func ("/io-faults/migration/v1", "1", test_migration);
  g_test_add_data_func ("/io-faults/migration/v2", "2", test_migration);
  g_test_add_func ("/io-faults/export-csv", test_export);
  g_test_add_func ("/io-faults/backup", test_backup);
  g_test_add_func ("/io-faults/~all/total", test_total);
  return g_test_run ();
}
