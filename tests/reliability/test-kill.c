/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Killing Limber in the middle of a routine loses at most the exercise in
 * progress: the real program plays a short routine, is killed with SIGKILL,
 * and when it next starts the session is marked interrupted with every part
 * done before the kill still there. */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

static char *journal_path;

/* Reads the journal the way an outside tool would, without touching it. */
static gboolean
query (int   *n_parts,
       char **outcome)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (!g_file_test (journal_path, G_FILE_TEST_EXISTS))
    return FALSE;
  if (sqlite3_open_v2 (journal_path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    goto out;
  sqlite3_busy_timeout (db, 2000);
  if (sqlite3_prepare_v2 (db,
                          "SELECT (SELECT count(*) FROM session_parts), "
                          "(SELECT outcome FROM sessions ORDER BY id DESC LIMIT 1)",
                          -1, &stmt, NULL) != SQLITE_OK)
    goto out;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *n_parts = sqlite3_column_int (stmt, 0);
      g_free (*outcome);
      *outcome = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      ok = *outcome != NULL;
    }
out:
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ok;
}

/* A child dies with the test, so a failed assertion leaves nothing running. */
static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static GSubprocessLauncher *
new_launcher (GSubprocessFlags flags)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (flags);

  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  return launcher;
}

static GSubprocess *
spawn_limber (const char *arg)
{
  g_autoptr(GSubprocessLauncher) launcher = new_launcher (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GError) error = NULL;
  GSubprocess *proc;

  proc = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("LIMBER_BIN"), arg, NULL);
  g_assert_no_error (error);
  return proc;
}

static void
wait_until (gboolean (*cond) (gpointer), gpointer data, const char *what)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!cond (data))
    {
      if (g_get_monotonic_time () > end)
        g_error ("timed out waiting for %s", what);
      g_usleep (20 * 1000);
    }
}

static gboolean
routine_in_progress (gpointer data)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (!g_file_test (journal_path, G_FILE_TEST_EXISTS) ||
      sqlite3_open_v2 (journal_path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      sqlite3_close (db);
      return FALSE;
    }
  sqlite3_busy_timeout (db, 2000);
  if (sqlite3_prepare_v2 (db, "SELECT count(*) FROM sessions WHERE routine_id = ? AND outcome = 'in-progress'",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, data, -1, SQLITE_TRANSIENT);
      found = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) > 0;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return found;
}

static gboolean
app_on_bus (gpointer data)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  gboolean has_owner = FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", "io.github.limber.Limber"),
                                       G_VARIANT_TYPE ("(b)"), 0, -1, NULL, NULL);
  if (reply)
    g_variant_get (reply, "(b)", &has_owner);
  return has_owner;
}

static int
run_and_wait (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_NONE, &error);

  g_assert_no_error (error);
  g_subprocess_wait (proc, NULL, &error);
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (proc);
}

/* The D-Bus action starts a routine in a running Limber, and so does a
 * second `limber --start`, which hands over and exits. */
static void
test_start_routine_over_dbus (void)
{
  g_autoptr(GSubprocess) app = spawn_limber (NULL);
  const char *action[] = { "gapplication", "action", "io.github.limber.Limber",
                           "start-routine", "'desk-break'", NULL };
  const char *second[] = { g_getenv ("LIMBER_BIN"), "--start=evening-wind-down", NULL };

  wait_until (app_on_bus, NULL, "Limber on the session bus");

  g_assert_cmpint (run_and_wait (action), ==, 0);
  wait_until (routine_in_progress, (gpointer) "desk-break", "the desk break to start");

  g_assert_cmpint (run_and_wait (second), ==, 0);
  wait_until (routine_in_progress, (gpointer) "evening-wind-down", "the wind-down to start");

  g_subprocess_send_signal (app, SIGTERM);
  g_subprocess_wait (app, NULL, NULL);
}

static gboolean
five_parts_in_progress (gpointer data)
{
  int n = 0;
  g_autofree char *outcome = NULL;

  return query (&n, &outcome) && n >= 5 && g_str_equal (outcome, "in-progress");
}

static gboolean
marked_interrupted (gpointer data)
{
  int n = 0;
  g_autofree char *outcome = NULL;

  return query (&n, &outcome) && g_str_equal (outcome, "interrupted");
}

static void
test_kill_mid_routine (void)
{
  g_autoptr(GSubprocess) first = NULL;
  g_autoptr(GSubprocess) second = NULL;
  g_autofree char *outcome = NULL;
  int before = 0, after = 0;

  /* short holds, then a long one to be killed in */
  first = spawn_limber ("--start=quick");
  wait_until (five_parts_in_progress, NULL, "five parts recorded");
  g_assert_true (query (&before, &outcome));
  g_subprocess_send_signal (first, SIGKILL);
  g_subprocess_wait (first, NULL, NULL);
  g_assert_true (g_subprocess_get_if_signaled (first));

  /* what was written before the kill is all there */
  g_assert_true (query (&after, &outcome));
  g_assert_cmpint (after, ==, before);
  g_assert_cmpstr (outcome, ==, "in-progress");

  /* the next start marks it interrupted, keeping its parts */
  second = spawn_limber (NULL);
  wait_until (marked_interrupted, NULL, "the session marked interrupted");
  g_subprocess_send_signal (second, SIGTERM);
  g_subprocess_wait (second, NULL, NULL);

  g_assert_true (query (&after, &outcome));
  g_assert_cmpint (after, ==, before);
  g_assert_cmpstr (outcome, ==, "interrupted");
}

/* The newest session is the quick routine, in progress, with five parts. */
static gboolean
live_quick_has_five_parts (gpointer data)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (!g_file_test (journal_path, G_FILE_TEST_EXISTS) ||
      sqlite3_open_v2 (journal_path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      sqlite3_close (db);
      return FALSE;
    }
  sqlite3_busy_timeout (db, 2000);
  if (sqlite3_prepare_v2 (db,
                          "SELECT s.routine_id = 'quick' AND s.outcome = 'in-progress',"
                          " (SELECT count(*) FROM session_parts WHERE session_id = s.id)"
                          " FROM sessions AS s ORDER BY s.id DESC LIMIT 1",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    found = sqlite3_column_int (stmt, 0) && sqlite3_column_int (stmt, 1) >= 5;
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return found;
}

/* A private session bus of its own, as for a second login or a second
 * seat: a Limber started there does not see the first on the bus. */
static GSubprocess *
spawn_bus (char **address)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) in = NULL;
  GSubprocess *bus;

  g_autoptr(GSubprocessLauncher) launcher = new_launcher (G_SUBPROCESS_FLAGS_STDOUT_PIPE);

  bus = g_subprocess_launcher_spawn (launcher, &error,
                                     "dbus-daemon", "--session", "--nofork", "--print-address=1", NULL);
  g_assert_no_error (error);
  in = g_data_input_stream_new (g_subprocess_get_stdout_pipe (bus));
  *address = g_data_input_stream_read_line (in, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*address);
  return bus;
}

static gboolean
file_has (gpointer data)
{
  const char * const *what = data;
  g_autofree char *text = NULL;

  return g_file_get_contents (what[0], &text, NULL, NULL) && strstr (text, what[1]) != NULL;
}

static void
test_second_copy_on_another_bus (void)
{
  g_autoptr(GSubprocess) first = NULL;
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(GSubprocess) third = NULL;
  g_autoptr(GSubprocess) bus = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;
  g_autofree char *log = g_build_filename (g_get_tmp_dir (), "limber-second-XXXXXX", NULL);
  g_autofree char *outcome = NULL;
  const char *wait_for[] = { log, "interrupted sessions" };
  int before = 0, after = 0;
  int fd;

  fd = g_mkstemp (log);
  g_assert_cmpint (fd, >=, 0);
  close (fd);

  first = spawn_limber ("--start=quick");
  wait_until (live_quick_has_five_parts, NULL, "five parts recorded");

  /* the second copy, on its own bus, opens the same journal */
  bus = spawn_bus (&address);
  launcher = new_launcher (G_SUBPROCESS_FLAGS_NONE);
  g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS", address, TRUE);
  g_subprocess_launcher_setenv (launcher, "G_MESSAGES_DEBUG", "limber-app", TRUE);
  g_subprocess_launcher_set_stdout_file_path (launcher, log);
  second = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("LIMBER_BIN"), NULL);
  g_assert_no_error (error);
  wait_until (file_has, wait_for, "the second Limber to look for interrupted sessions");

  /* the first's routine is still live */
  g_assert_true (live_quick_has_five_parts (NULL));
  g_assert_nonnull (g_subprocess_get_identifier (first));
  g_assert_true (query (&before, &outcome));

  g_subprocess_send_signal (second, SIGTERM);
  g_subprocess_wait (second, NULL, NULL);
  g_subprocess_send_signal (bus, SIGTERM);
  g_subprocess_wait (bus, NULL, NULL);

  /* once it is killed, the next start marks it */
  g_subprocess_send_signal (first, SIGKILL);
  g_subprocess_wait (first, NULL, NULL);
  third = spawn_limber (NULL);
  wait_until (marked_interrupted, NULL, "the session marked interrupted");
  g_subprocess_send_signal (third, SIGTERM);
  g_subprocess_wait (third, NULL, NULL);
  g_assert_true (query (&after, &outcome));
  g_assert_cmpint (after, >=, before);
  g_assert_cmpstr (outcome, ==, "interrupted");
  g_unlink (log);
}

/* SIGKILL at random moments: every record the program said it had written
 * (its debug log, read after the kill: "Recorded part", "Finished session",
 * "Started session"; "Check-in saved" on the command line) must be in the
 * journal after the kill and after the next start's recovery. */

typedef struct
{
  guint n_kills;
  guint n_acked;      /* records the program reported written */
  guint n_lost;       /* of those, missing from the journal */
  guint n_unacked;    /* check-ins killed before saying anything, found anyway */
  GPtrArray *acks;    /* SQL that must find a row, for the final check */
} KillStats;

static gboolean
journal_has (const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  g_assert_cmpint (sqlite3_open_v2 (journal_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return found;
}

static void
assert_journal_sound (void)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *dir = g_path_get_dirname (journal_path);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_cmpint (sqlite3_open_v2 (journal_path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  while ((name = g_dir_read_name (d)))
    g_assert_null (strstr (name, ".corrupt-"));
}

/* Checks each acknowledgement in @log against the journal. */
static void
check_acks (const char *log,
            KillStats  *stats)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (log, &text, NULL, NULL))
    return;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *at;
      char *sql = NULL;
      guint step;
      char side[8];
      char outcome[32];
      gint64 id;

      if ((at = strstr (lines[i], "Recorded part ")) &&
          sscanf (at, "Recorded part %u %7s of session %" G_GINT64_FORMAT, &step, side, &id) == 3)
        sql = g_strdup_printf ("SELECT 1 FROM session_parts WHERE session_id = %" G_GINT64_FORMAT
                               " AND step = %u AND side = '%s'", id, step, side);
      else if ((at = strstr (lines[i], "Finished session ")) &&
               sscanf (at, "Finished session %" G_GINT64_FORMAT " as %31s", &id, outcome) == 2)
        sql = g_strdup_printf ("SELECT 1 FROM sessions WHERE id = %" G_GINT64_FORMAT " AND outcome = '%s'",
                               id, outcome);
      else if ((at = strstr (lines[i], "Started session ")) &&
               sscanf (at, "Started session %" G_GINT64_FORMAT, &id) == 1)
        sql = g_strdup_printf ("SELECT 1 FROM sessions WHERE id = %" G_GINT64_FORMAT, id);
      if (sql == NULL)
        continue;

      stats->n_acked++;
      if (!journal_has (sql))
        {
          g_test_message ("lost: %s", lines[i]);
          stats->n_lost++;
        }
      g_ptr_array_add (stats->acks, sql);
    }
}

static GSubprocess *
spawn_logged (const char *log,
              ...)
{
  g_autoptr(GSubprocessLauncher) launcher = new_launcher (G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *proc;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("LIMBER_BIN"));
  va_start (args, log);
  while ((arg = va_arg (args, const char *)))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_setenv (launcher, "G_MESSAGES_DEBUG", "limber-journal,limber-app", TRUE);
  /* GLib appends to the file: start each run with an empty one */
  g_unlink (log);
  g_subprocess_launcher_set_stdout_file_path (launcher, log);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  return proc;
}

static void
kill_and_reap (GSubprocess *proc)
{
  g_subprocess_send_signal (proc, SIGKILL);
  g_subprocess_wait (proc, NULL, NULL);
}

static void
test_kill_at_random_moments (void)
{
  KillStats stats = { 0 };
  g_autofree char *log = g_build_filename (g_get_tmp_dir (), "limber-kill-log-XXXXXX", NULL);
  g_autoptr(GPtrArray) acks = g_ptr_array_new_with_free_func (g_free);
  guint n_checkins_acked = 0, n_parts_acked;
  int fd;

  stats.acks = acks;
  fd = g_mkstemp (log);
  g_assert_cmpint (fd, >=, 0);
  close (fd);

  /* a routine: four steps of a second, killed from its start to its end */
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(GSubprocess) proc = spawn_logged (log, "--start=tiny", NULL);
      guint delay = g_test_rand_int_range (100, 3000);

      g_usleep (delay * 1000);
      kill_and_reap (proc);
      stats.n_kills++;
      check_acks (log, &stats);
      assert_journal_sound ();
    }
  n_parts_acked = stats.n_acked;

  /* a check-in from the command line, which takes some tens of ms */
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *note = g_strdup_printf ("--note=killed check-in %u", i);
      g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM checkins WHERE note = 'killed check-in %u'", i);
      g_autoptr(GSubprocess) proc = spawn_logged (log, "--check-in", "--pain=3", "--stiffness=5",
                                                  note, NULL);
      g_autofree char *said = NULL;

      g_usleep (g_test_rand_int_range (0, 120) * 1000);
      kill_and_reap (proc);
      stats.n_kills++;
      g_file_get_contents (log, &said, NULL, NULL);
      if (said != NULL && strstr (said, "Check-in saved"))
        {
          n_checkins_acked++;
          stats.n_acked++;
          if (!journal_has (sql))
            stats.n_lost++;
          g_ptr_array_add (acks, g_steal_pointer (&sql));
        }
      else if (journal_has (sql))
        stats.n_unacked++;
      assert_journal_sound ();
    }

  /* the next start marks what was cut short, and keeps everything else */
  {
    g_autoptr(GSubprocess) proc = spawn_logged (log, NULL);
    const char *wait_for[] = { log, "interrupted sessions" };

    wait_until (file_has, wait_for, "Limber to look for interrupted sessions");
    g_subprocess_send_signal (proc, SIGTERM);
    g_subprocess_wait (proc, NULL, NULL);
  }
  assert_journal_sound ();
  for (guint i = 0; i < acks->len; i++)
    if (!journal_has (g_ptr_array_index (acks, i)))
      g_error ("lost after recovery: %s", (char *) g_ptr_array_index (acks, i));
  if (journal_has ("SELECT 1 FROM sessions WHERE outcome = 'in-progress'"))
    {
      g_autofree char *said = NULL;

      g_file_get_contents (log, &said, NULL, NULL);
      g_error ("a session is still in progress after the next start:\n%s", said);
    }

  g_test_message ("%u kills: %u records reported written (%u of a routine, %u check-ins), "
                  "%u lost; %u check-ins killed before saying so were kept whole",
                  stats.n_kills, stats.n_acked, n_parts_acked, n_checkins_acked,
                  stats.n_lost, stats.n_unacked);
  g_assert_cmpuint (stats.n_lost, ==, 0);
  g_assert_cmpuint (n_parts_acked, >, 0);
  g_unlink (log);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  g_autofree char *routines = NULL;
  g_autofree char *routine = NULL;
  g_autoptr(GError) error = NULL;

  g_test_init (&argc, &argv, NULL);

  home = g_dir_make_tmp ("limber-kill-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  routines = g_build_filename (home, "limber", "routines", NULL);
  g_mkdir_with_parents (routines, 0700);
  routine = g_build_filename (routines, "quick.routine", NULL);
  g_file_set_contents (routine,
                       "[Routine]\nId=quick\nName=Quick\nPrepare=1\nSwitchSides=1\n"
                       "[Step 1]\nExercise=standing-calf\nHold=1\n"
                       "[Step 2]\nExercise=seated-hamstring\nHold=1\n"
                       "[Step 3]\nExercise=knee-to-chest\nHold=1\n"
                       "[Step 4]\nExercise=chair-hamstring\nHold=60\n",
                       -1, NULL);
  g_free (routine);
  routine = g_build_filename (routines, "tiny.routine", NULL);
  g_file_set_contents (routine,
                       "[Routine]\nId=tiny\nName=Tiny\nPrepare=0\nSwitchSides=1\n"
                       "[Step 1]\nExercise=standing-calf\nHold=1\nRest=0\n"
                       "[Step 2]\nExercise=seated-hamstring\nHold=1\nRest=0\n"
                       "[Step 3]\nExercise=knee-to-chest\nHold=1\nRest=0\n"
                       "[Step 4]\nExercise=seated-hamstring\nHold=1\n",
                       -1, NULL);
  journal_path = g_build_filename (home, "limber", "journal.db", NULL);

  g_test_add_func ("/reliability/kill-mid-routine", test_kill_mid_routine);
  g_test_add_func ("/reliability/start-routine-over-dbus", test_start_routine_over_dbus);
  g_test_add_func ("/reliability/second-copy-on-another-bus", test_second_copy_on_another_bus);
  g_test_add_func ("/reliability/kill-at-random-moments", test_kill_at_random_moments);
  return g_test_run ();
}
