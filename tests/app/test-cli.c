/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command line, as a person types it: output, messages and exit codes. */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <grp.h>
#include <sqlite3.h>
#include <unistd.h>

#include "limber-catalog.h"
#include "limber-journal.h"
#include "cli-utils.h"

static void
test_version (void)
{
  g_auto(Run) run = { 0 };

  run_limber (&run, "--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "limber "));
  g_assert_true (g_regex_match_simple ("^limber [0-9]+\\.[0-9]+\\.[0-9]+\n$", run.out, 0, 0));
}

static void
test_list_routines (void)
{
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;
  static const char *expected[][2] = {
    { "desk-break", "Two-minute desk break" },
    { "morning-hamstrings", "Morning hamstrings" },
    { "pre-run-warm-up", "Pre-run warm-up" },
    { "evening-wind-down", "Evening wind-down" },
    { "post-run-cool-down", "Post-run cool-down" },
  };
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();

  g_assert_true (limber_catalog_load_bundled (catalog, NULL));

  run_limber (&run, "--list-routines", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  lines = g_strsplit (g_strchomp (run.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; lines[j]; j++)
        if (g_str_has_prefix (lines[j], expected[i][0]))
          {
            LimberRoutine *routine = limber_catalog_lookup_routine (catalog, expected[i][0]);
            g_autofree char *duration = limber_format_duration (limber_routine_get_duration (routine));

            found = TRUE;
            g_assert_nonnull (strstr (lines[j], expected[i][1]));
            g_assert_true (g_str_has_suffix (lines[j], duration));
          }
      g_assert_true (found);
    }

  /* shortest first */
  g_assert_true (g_str_has_prefix (lines[0], "desk-break"));
}

static void
test_list_with_bad_user_file (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "limber", "routines", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.routine", NULL);
  g_autofree char *good = g_build_filename (dir, "good.routine", NULL);
  g_autofree char *expected = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (bad, "[Routine]\nId=bad\nName=Bad\n[Step 1]\nExercise=nope\n", -1, NULL));
  g_assert_true (g_file_set_contents (good, "[Routine]\nId=good\nName=Good one\n[Step 1]\nExercise=standing-calf\n", -1, NULL));

  run_limber (&run, "--list-routines", NULL);
  g_assert_cmpint (run.status, ==, 0);
  /* the good file is listed, the bad one is named on stderr with its line */
  g_assert_nonnull (strstr (run.out, "good"));
  g_assert_nonnull (strstr (run.out, "Good one"));
  g_assert_null (strstr (run.out, "Bad"));
  expected = g_strdup_printf ("%s:5:", bad);
  g_assert_nonnull (strstr (run.err, expected));
  g_assert_nonnull (strstr (run.err, "nope"));
}

static void
test_unknown_option (void)
{
  g_auto(Run) run = { 0 };

  run_limber (&run, "--frobnicate", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "--frobnicate"));
  g_assert_nonnull (strstr (run.err, "--help"));
}

static void
test_unexpected_argument (void)
{
  g_auto(Run) run = { 0 };

  run_limber (&run, "--list-routines", "desk-break", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "desk-break"));
}

static void
test_start_unknown_routine (void)
{
  g_auto(Run) run = { 0 };

  /* checked before any window opens */
  run_limber (&run, "--start=handstands", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "handstands"));
  g_assert_nonnull (strstr (run.err, "--list-routines"));
}

static void
test_help (void)
{
  g_auto(Run) run = { 0 };

  run_limber (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--list-routines"));
  g_assert_nonnull (strstr (run.out, "--version"));
  g_assert_nonnull (strstr (run.out, "--start=ROUTINE_ID"));
  g_assert_nonnull (strstr (run.out, "--check-in"));
  g_assert_nonnull (strstr (run.out, "--pain=N"));
  g_assert_nonnull (strstr (run.out, "--history"));
  /* shared routines to open, as a file manager gives them */
  g_assert_nonnull (strstr (run.out, "[FILE…]"));
}

/* Check-ins and history */

static GPtrArray *
journal_checkins (void)
{
  g_autofree char *path = limber_journal_get_default_path ();
  g_autoptr(LimberJournal) journal = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *checkins;

  journal = limber_journal_open (path, &error);
  g_assert_no_error (error);
  checkins = limber_journal_list_checkins (journal, NULL, NULL, &error);
  g_assert_no_error (error);
  return checkins;
}

static gboolean
journal_exists (void)
{
  g_autofree char *path = limber_journal_get_default_path ();

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
test_check_in_saved (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  LimberCheckin *c;

  run_limber (&run, "--check-in", "--pain=3", "--stiffness=4", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "Check-in saved: pain 3, stiffness 4, both sides.\n");
  g_assert_cmpstr (run.err, ==, "");

  checkins = journal_checkins ();
  g_assert_cmpuint (checkins->len, ==, 1);
  c = g_ptr_array_index (checkins, 0);
  g_assert_cmpint (c->pain, ==, 3);
  g_assert_cmpint (c->stiffness, ==, 4);
  g_assert_cmpint (c->side, ==, LIMBER_BODY_SIDE_BOTH);
  g_assert_cmpint (c->morning_stiffness, ==, -1);
  g_assert_cmpint (c->symptoms, ==, LIMBER_SYMPTOM_NONE);
  g_assert_null (c->note);
  g_assert_cmpint (ABS (g_date_time_difference (now, c->time)), <, 120 * G_USEC_PER_SEC);

  /* several a day; edges of the ranges; an empty note is no note */
  g_clear_pointer (&run.out, g_free);
  g_clear_pointer (&run.err, g_free);
  run_limber (&run, "--check-in", "--pain=0", "--stiffness=10", "--side=left",
              "--morning-stiffness=0", "--note=", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "Check-in saved: pain 0, stiffness 10, left side.\n");
  g_clear_pointer (&run.out, g_free);
  g_clear_pointer (&run.err, g_free);
  run_limber (&run, "--check-in", "--pain", "07", "--stiffness", "0", "--side", "right",
              "--morning-stiffness=1440", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "Check-in saved: pain 7, stiffness 0, right side.\n");

  g_clear_pointer (&checkins, g_ptr_array_unref);
  checkins = journal_checkins ();
  g_assert_cmpuint (checkins->len, ==, 3);
  c = g_ptr_array_index (checkins, 1);
  g_assert_cmpint (c->side, ==, LIMBER_BODY_SIDE_LEFT);
  g_assert_cmpint (c->morning_stiffness, ==, 0);
  g_assert_null (c->note);
  c = g_ptr_array_index (checkins, 2);
  g_assert_cmpint (c->pain, ==, 7);
  g_assert_cmpint (c->side, ==, LIMBER_BODY_SIDE_RIGHT);
  g_assert_cmpint (c->morning_stiffness, ==, 1440);
}

static void
test_check_in_all_fields (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(GPtrArray) checkins = NULL;
  LimberCheckin *c;
  g_auto(GStrv) lines = NULL;

  run_limber (&run, "--check-in", "--pain=2", "--stiffness=5", "--side=right",
              "--morning-stiffness=45", "--numbness", "--radiating", "--weakness",
              "--note=Long drive back.\nSore behind the right knee — “tight”.", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "Check-in saved: pain 2, stiffness 5, right side.");
  /* then the advisory, once, calm */
  g_assert_nonnull (strstr (run.out, "numbness or tingling"));
  g_assert_nonnull (strstr (run.out, "pain running down your leg"));
  g_assert_nonnull (strstr (run.out, "weakness"));
  g_assert_nonnull (strstr (run.out, "healthcare professional"));

  checkins = journal_checkins ();
  g_assert_cmpuint (checkins->len, ==, 1);
  c = g_ptr_array_index (checkins, 0);
  g_assert_cmpint (c->morning_stiffness, ==, 45);
  g_assert_cmpint (c->symptoms, ==, LIMBER_SYMPTOM_NUMBNESS | LIMBER_SYMPTOM_RADIATING | LIMBER_SYMPTOM_WEAKNESS);
  g_assert_cmpstr (c->note, ==, "Long drive back.\nSore behind the right knee — “tight”.");
}

static void
test_check_in_invalid (void)
{
  static const struct {
    const char *args[5];
    const char *expected;
  } cases[] = {
    /* pain */
    { { "--check-in", "--pain=11", "--stiffness=4" }, "--pain must be a whole number from 0 (none) to 10" },
    { { "--check-in", "--pain=-1", "--stiffness=4" }, "not “-1”" },
    { { "--check-in", "--pain=7.5", "--stiffness=4" }, "not “7.5”" },
    { { "--check-in", "--pain=ten", "--stiffness=4" }, "not “ten”" },
    { { "--check-in", "--pain=", "--stiffness=4" }, "--pain must be" },
    { { "--check-in", "--pain= 3", "--stiffness=4" }, "--pain must be" },
    { { "--check-in", "--pain=+3", "--stiffness=4" }, "--pain must be" },
    { { "--check-in", "--pain=99999999999999999999", "--stiffness=4" }, "--pain must be" },
    { { "--check-in", "--stiffness=4" }, "--check-in needs --pain=N" },
    { { "--check-in", "--stiffness=4", "--pain" }, "--pain" },
    /* stiffness */
    { { "--check-in", "--pain=3", "--stiffness=11" }, "--stiffness must be a whole number from 0 (none) to 10" },
    { { "--check-in", "--pain=3", "--stiffness=-1" }, "not “-1”" },
    { { "--check-in", "--pain=3", "--stiffness=2.5" }, "not “2.5”" },
    { { "--check-in", "--pain=3", "--stiffness=four" }, "not “four”" },
    { { "--check-in", "--pain=3", "--stiffness=" }, "--stiffness must be" },
    { { "--check-in", "--pain=3" }, "--check-in needs --stiffness=N" },
    /* side */
    { { "--check-in", "--pain=3", "--stiffness=4", "--side=up" }, "--side must be left, right or both, not “up”" },
    { { "--check-in", "--pain=3", "--stiffness=4", "--side=Left" }, "not “Left”" },
    { { "--check-in", "--pain=3", "--stiffness=4", "--side=" }, "--side must be" },
    /* morning stiffness */
    { { "--check-in", "--pain=3", "--stiffness=4", "--morning-stiffness=1441" }, "--morning-stiffness must be a whole number of minutes from 0 to 1440" },
    { { "--check-in", "--pain=3", "--stiffness=4", "--morning-stiffness=-1" }, "not “-1”" },
    { { "--check-in", "--pain=3", "--stiffness=4", "--morning-stiffness=1.5" }, "not “1.5”" },
    { { "--check-in", "--pain=3", "--stiffness=4", "--morning-stiffness=half" }, "not “half”" },
    { { "--check-in", "--pain=3", "--stiffness=4", "--morning-stiffness=" }, "--morning-stiffness must be" },
    /* check-in options without --check-in */
    { { "--pain=3", "--stiffness=4" }, "goes with --check-in" },
    { { "--stiffness=4" }, "--stiffness goes with --check-in" },
    { { "--side=left" }, "--side goes with --check-in" },
    { { "--morning-stiffness=20" }, "--morning-stiffness goes with --check-in" },
    { { "--numbness" }, "--numbness goes with --check-in" },
    { { "--radiating" }, "--radiating goes with --check-in" },
    { { "--weakness" }, "--weakness goes with --check-in" },
    { { "--note=hello" }, "--note goes with --check-in" },
    { { "--history", "--note=hello" }, "--note goes with --check-in" },
    /* both at once */
    { { "--check-in", "--pain=3", "--stiffness=4", "--history" }, "cannot be used together" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_limber (&run, cases[i].args[0], cases[i].args[1], cases[i].args[2], cases[i].args[3],
                  cases[i].args[4], NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      if (strstr (run.err, cases[i].expected) == NULL)
        g_error ("case %u: “%s” not in “%s”", i, cases[i].expected, run.err);
      g_assert_nonnull (strstr (run.err, "--help"));
      /* nothing written: not even a journal */
      g_assert_false (journal_exists ());
    }

  {
    g_autoptr(GPtrArray) checkins = journal_checkins ();

    g_assert_cmpuint (checkins->len, ==, 0);
  }
}

static void
test_check_in_advisory_once (void)
{
  const char *confirmation = "Check-in saved: pain 8, stiffness 3, both sides.\n";
  g_auto(Run) first = { 0 };
  g_auto(Run) second = { 0 };
  g_auto(Run) third = { 0 };
  g_auto(Run) fourth = { 0 };
  g_autoptr(GPtrArray) checkins = NULL;

  run_limber (&first, "--check-in", "--pain=8", "--stiffness=3", NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_true (g_str_has_prefix (first.out, confirmation));
  g_assert_nonnull (strstr (first.out, "8 or more"));
  g_assert_nonnull (strstr (first.out, "healthcare professional"));
  g_assert_cmpstr (first.err, ==, "");

  /* not on every check-in */
  run_limber (&second, "--check-in", "--pain=9", "--stiffness=3", NULL);
  g_assert_cmpint (second.status, ==, 0);
  g_assert_cmpstr (second.out, ==, "Check-in saved: pain 9, stiffness 3, both sides.\n");

  /* a new sign is told, alone */
  run_limber (&third, "--check-in", "--pain=2", "--stiffness=3", "--radiating", NULL);
  g_assert_nonnull (strstr (third.out, "pain running down your leg"));
  g_assert_null (strstr (third.out, "8 or more"));

  run_limber (&fourth, "--check-in", "--pain=8", "--stiffness=3", "--radiating", NULL);
  g_assert_cmpstr (fourth.out, ==, confirmation);

  checkins = journal_checkins ();
  g_assert_cmpuint (checkins->len, ==, 4);
}

static void
test_check_in_damaged_journal (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = limber_journal_get_default_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree guint32 *noise = g_new (guint32, 16 * 1024 / 4);
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  gboolean found = FALSE;

  for (guint i = 0; i < 16 * 1024 / 4; i++)
    noise[i] = g_random_int ();
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, (const char *) noise, 16 * 1024, NULL));

  run_limber (&run, "--check-in", "--pain=3", "--stiffness=4", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "Check-in saved: pain 3, stiffness 4, both sides.\n");
  g_assert_nonnull (strstr (run.err, "damaged"));

  /* stderr names where the old file went, and it is there */
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)))
    if (g_str_has_prefix (name, "journal.db.corrupt-"))
      {
        g_autofree char *moved = g_build_filename (dir, name, NULL);

        found = TRUE;
        g_assert_nonnull (strstr (run.err, moved));
      }
  g_assert_true (found);

  checkins = journal_checkins ();
  g_assert_cmpuint (checkins->len, ==, 1);
}

/* The first check-in of the day makes a private backup; after the journal
 * is lost, --restore-backup brings back what the backup holds and keeps
 * what the new journal got since. */
static void
test_restore_backup (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = limber_journal_get_default_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = g_strdup_printf ("journal-%s.db", date);
  g_autofree char *backup = g_build_filename (dir, "backups", name, NULL);
  g_autofree char *expected = NULL;
  g_autofree char *noise = g_strnfill (16 * 1024, 'x');
  g_autoptr(GPtrArray) checkins = NULL;
  GStatBuf st;

  run_limber (&run, "--check-in", "--pain=6", "--stiffness=5", "--note=before", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  limber_test_run_clear (&run);

  /* lost, then a check-in into the new journal */
  g_assert_true (g_file_set_contents (path, noise, -1, NULL));
  run_limber (&run, "--check-in", "--pain=2", "--stiffness=1", "--note=after", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.err, "damaged"));
  checkins = journal_checkins ();
  g_assert_cmpuint (checkins->len, ==, 1);
  g_clear_pointer (&checkins, g_ptr_array_unref);
  limber_test_run_clear (&run);

  run_limber (&run, "--restore-backup", NULL);
  g_assert_cmpint (run.status, ==, 0);
  expected = g_strdup_printf ("Restored 1 record from “%s”; everything else in the journal was kept.\n", backup);
  g_assert_cmpstr (run.out, ==, expected);
  checkins = journal_checkins ();
  g_assert_cmpuint (checkins->len, ==, 2);
  g_assert_cmpstr (((LimberCheckin *) g_ptr_array_index (checkins, 0))->note, ==, "before");
  g_assert_cmpstr (((LimberCheckin *) g_ptr_array_index (checkins, 1))->note, ==, "after");
  g_clear_pointer (&checkins, g_ptr_array_unref);
  limber_test_run_clear (&run);

  /* a named file that is not there, or not a journal: nothing changes */
  run_limber (&run, "--restore-backup=/nonexistent/journal.db", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, "limber: nothing was restored: There is no backup file “/nonexistent/journal.db”.\n");
  limber_test_run_clear (&run);
  run_limber (&run, "--restore-backup", "--history", NULL);
  g_assert_cmpint (run.status, ==, 2);
  limber_test_run_clear (&run);
  checkins = journal_checkins ();
  g_assert_cmpuint (checkins->len, ==, 2);
}

static void
test_check_in_cant_open (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "limber", NULL);

  /* a file where the journal's folder should be */
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  g_assert_true (g_file_set_contents (dir, "not a folder", -1, NULL));

  run_limber (&run, "--check-in", "--pain=3", "--stiffness=4", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, "limber: "));
  g_assert_nonnull (strstr (run.err, "journal"));

  g_clear_pointer (&run.out, g_free);
  g_clear_pointer (&run.err, g_free);
  run_limber (&run, "--history", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
}

/* Fills the journal: a session and check-ins today, 3 days ago, 10 days
 * ago and 40 days ago, all at fixed times of day. The times are just after
 * midnight, so that today's check-in is in the past at whatever hour the
 * suite runs (one dated in the future is refused). */
static void
fill_history (void)
{
  g_autofree char *path = limber_journal_get_default_path ();
  g_autoptr(LimberJournal) journal = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (now),
                                                         g_date_time_get_month (now),
                                                         g_date_time_get_day_of_month (now), 0, 0, 0);
  static const int days_ago[] = { 40, 10, 3, 0 };

  journal = limber_journal_open (path, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (days_ago); i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (midnight, -days_ago[i]);
      g_autoptr(GDateTime) started = g_date_time_add_minutes (day, 2);
      g_autoptr(GDateTime) ended = g_date_time_add_minutes (started, 6);
      g_autoptr(LimberCheckin) checkin = limber_checkin_new ();
      gint64 id;

      /* recorded in German (shown as the catalog names it now), and
       * ten days ago a routine of the person's since deleted (shown as
       * stored) */
      if (days_ago[i] == 10)
        id = limber_journal_start_session (journal, "my-deleted-routine", "My old routine",
                                           started, 390000, &error);
      else
        id = limber_journal_start_session (journal, "morning-hamstrings", "Oberschenkelrückseite am Morgen",
                                           started, 390000, &error);
      g_assert_no_error (error);
      g_assert_true (limber_journal_finish_session (journal, id,
                                                    days_ago[i] == 3 ? LIMBER_OUTCOME_STOPPED_FOR_PAIN
                                                                     : LIMBER_OUTCOME_COMPLETED,
                                                    ended, days_ago[i] == 3 ? 95000 : 388000, &error));
      if (days_ago[i] == 0)
        g_assert_true (limber_journal_set_session_rating (journal, id, 4, &error));

      g_date_time_unref (checkin->time);
      checkin->time = g_date_time_add_minutes (day, 1);
      checkin->pain = days_ago[i] % 10;
      checkin->stiffness = 5;
      if (days_ago[i] == 0)
        {
          checkin->side = LIMBER_BODY_SIDE_LEFT;
          checkin->morning_stiffness = 20;
          checkin->symptoms = LIMBER_SYMPTOM_NUMBNESS | LIMBER_SYMPTOM_WEAKNESS;
          checkin->note = g_strdup ("Stiff after sleeping badly.\nBetter once warm. This note goes on and on about the day.");
        }
      if (days_ago[i] == 3)
        checkin->note = g_strdup ("Short\tnote");
      g_assert_cmpint (limber_journal_add_checkin (journal, checkin, &error), >, 0);
      g_assert_no_error (error);
    }
}

/* Every row's columns start where the header's do. */
static void
assert_aligned (char **lines)
{
  const char *header = lines[0];
  const char *kind = strstr (header, "Kind");
  const char *what = strstr (header, "What");
  const char *note = strstr (header, "Note");
  glong kind_at = g_utf8_pointer_to_offset (header, kind);
  glong what_at = g_utf8_pointer_to_offset (header, what);
  glong note_at = g_utf8_pointer_to_offset (header, note);

  g_assert_true (g_str_has_prefix (header, "Date and time"));
  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      const char *line = lines[i];
      glong length = g_utf8_strlen (line, -1);
      const char *at_kind = g_utf8_offset_to_pointer (line, kind_at);
      const char *at_what = g_utf8_offset_to_pointer (line, what_at);

      g_assert_cmpint (length, >, what_at);
      g_assert_true (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}  ", line, 0, 0));
      g_assert_true (g_str_has_prefix (at_kind, "session ") || g_str_has_prefix (at_kind, "check-in "));
      g_assert_true (at_what[-1] == ' ' && at_what[0] != ' ');
      if (length > note_at)
        {
          const char *at_note = g_utf8_offset_to_pointer (line, note_at);

          g_assert_true (g_str_has_prefix (at_note - 2, "  ") && at_note[0] != ' ');
        }
    }
}

static void
test_history (void)
{
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;

  fill_history ();

  /* 30 days by default: newest first, 40 days ago left out */
  run_limber (&run, "--history", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 6 + 1);
  assert_aligned (lines);

  g_assert_nonnull (strstr (lines[1], "session"));
  g_assert_nonnull (strstr (lines[1], "Morning hamstrings, completed, 6 min, rated 4"));
  g_assert_nonnull (strstr (lines[2], "check-in"));
  g_assert_nonnull (strstr (lines[2], "pain 0, stiffness 5, left side, morning stiffness 20 min; numbness or tingling, weakness"));
  /* the note on one line, cut with … */
  g_assert_nonnull (strstr (lines[2], "Stiff after sleeping badly.⏎Better once…"));
  g_assert_null (strstr (lines[2], "on and on"));
  g_assert_nonnull (strstr (lines[3], "stopped for pain, 2 min"));
  g_assert_null (strstr (lines[3], "rated"));
  g_assert_nonnull (strstr (lines[4], "Short note"));
  g_assert_nonnull (strstr (lines[5], "My old routine, completed, 6 min"));
  g_assert_null (strstr (run.out, "Oberschenkel"));
  g_assert_nonnull (strstr (lines[6], "pain 0, stiffness 5, both sides"));
  g_assert_true (g_str_has_suffix (lines[6], "both sides"));

  /* the dates are newest first */
  for (guint i = 2; i < 7; i++)
    g_assert_cmpint (strncmp (lines[i - 1], lines[i], 16), >=, 0);
  g_clear_pointer (&lines, g_strfreev);

  /* 5 days */
  g_clear_pointer (&run.out, g_free);
  g_clear_pointer (&run.err, g_free);
  run_limber (&run, "--history=5", NULL);
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 4 + 1);
  assert_aligned (lines);
  g_clear_pointer (&lines, g_strfreev);

  /* today only, and the value as a separate argument */
  g_clear_pointer (&run.out, g_free);
  g_clear_pointer (&run.err, g_free);
  run_limber (&run, "--history", "1", NULL);
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 2 + 1);
  g_clear_pointer (&lines, g_strfreev);

  /* and all of it */
  g_clear_pointer (&run.out, g_free);
  g_clear_pointer (&run.err, g_free);
  run_limber (&run, "--history=365", NULL);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 8 + 1);
  assert_aligned (lines);
}

static void
test_history_empty (void)
{
  g_auto(Run) run = { 0 };

  run_limber (&run, "--history", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "No sessions or check-ins in the last 30 days.\n");
  g_assert_cmpstr (run.err, ==, "");

  g_clear_pointer (&run.out, g_free);
  g_clear_pointer (&run.err, g_free);
  run_limber (&run, "--history=7", NULL);
  g_assert_cmpstr (run.out, ==, "No sessions or check-ins in the last 7 days.\n");
}

static void
test_history_invalid (void)
{
  static const char * const values[] = { "--history=0", "--history=-3", "--history=ten",
                                         "--history=2.5", "--history=", "--history=36501" };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_auto(Run) run = { 0 };

      run_limber (&run, values[i], NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_nonnull (strstr (run.err, "--history takes a whole number of days from 1 to 36500"));
      g_assert_false (journal_exists ());
    }
}

/* No byte that a terminal acts on: C0 but the line ends, DEL, C1. */
static void
assert_printable (const char *text)
{
  g_assert_true (g_utf8_validate (text, -1, NULL));
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\n') || (c >= 0x7f && c < 0xa0))
        g_error ("U+%04X printed in:\n%s", c, text);
    }
}

/* A routine file is text from outside: its escape sequences are shown, not
 * run, and a newline in it cannot start a line of its own. A name with
 * control characters is refused (names are plain text, as the editor
 * writes them), and the message about it names the file and line. */
static void
test_list_control_characters (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "limber", "routines", NULL);
  g_autofree char *evil = g_build_filename (dir, "evil.routine", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad\x1b[2J.routine", NULL);
  g_auto(GStrv) lines = NULL;
  guint n_lines;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (evil,
                                      "[Routine]\nId=evil\n"
                                      "Name=Evil\x1b]0;owned\x07 \xc2\x9b" "31m red\\nfake-routine  99 min\x7f\n"
                                      "[Step 1]\nExercise=standing-calf\n", -1, NULL));
  g_assert_true (g_file_set_contents (bad, "[Routine]\nId=bad\nName=Bad\n[Step 1]\nExercise=nope\x1b[31m\n", -1, NULL));

  run_limber (&run, "--list-routines", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_printable (run.out);
  assert_printable (run.err);
  g_assert_null (strstr (run.out, "Evil"));
  g_assert_nonnull (strstr (run.err, "evil.routine:3: Name: "));
  g_assert_nonnull (strstr (run.err, "bad\\x1b[2J.routine"));
  g_assert_nonnull (strstr (run.err, "nope\\x1b[31m"));

  /* one line per routine, none made up */
  lines = g_strsplit (run.out, "\n", -1);
  n_lines = g_strv_length (lines);
  for (guint i = 0; lines[i] && lines[i][0]; i++)
    g_assert_false (g_str_has_prefix (lines[i], "fake-routine"));
  g_clear_pointer (&run.out, g_free);
  g_clear_pointer (&run.err, g_free);
  g_assert_cmpint (g_unlink (evil), ==, 0);
  run_limber (&run, "--list-routines", NULL);
  g_clear_pointer (&lines, g_strfreev);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, n_lines);
}

/* Editors on other systems save UTF-8 with a byte order mark: accepted. */
static void
test_list_bom (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "limber", "routines", NULL);
  g_autofree char *path = g_build_filename (dir, "bom.routine", NULL);
  g_autofree char *late = g_build_filename (dir, "late-bom.routine", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "\xef\xbb\xbf[Routine]\nId=with-bom\nName=With a BOM\n"
                                      "[Step 1]\nExercise=standing-calf\n", -1, NULL));
  /* only at the very start: elsewhere it is an error, with its line */
  g_assert_true (g_file_set_contents (late, "[Routine]\nId=late-bom\nName=Late\n\xef\xbb\xbf[Step 1]\n"
                                      "Exercise=standing-calf\n", -1, NULL));

  run_limber (&run, "--list-routines", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "with-bom"));
  g_assert_nonnull (strstr (run.out, "With a BOM"));
  g_assert_null (strstr (run.err, "/bom.routine"));
  g_assert_null (strstr (run.out, "late-bom"));
  g_assert_nonnull (strstr (run.err, "late-bom.routine:4:"));
}

/* A note another program wrote as invalid UTF-8, cut short in the middle
 * of a character at its very end: shown with U+FFFD, never read past. */
static void
test_history_invalid_utf8 (void)
{
  g_autofree char *path = limber_journal_get_default_path ();
  g_auto(Run) run = { 0 };
  sqlite3 *db = NULL;

  fill_history ();
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "UPDATE checkins SET note = CAST(X'6F6B20FFFE206C617374C3' AS TEXT);"
                                 "UPDATE sessions SET routine_name = CAST(X'4D6F726E696E6720FF' AS TEXT);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  run_limber (&run, "--history", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_utf8_validate (run.out, -1, NULL));
  g_assert_nonnull (strstr (run.out, "ok \xef\xbf\xbd\xef\xbf\xbd last\xef\xbf\xbd"));
  g_assert_nonnull (strstr (run.out, "Morning \xef\xbf\xbd, completed"));
}

/* A read-only journal: the person's own file made 0400, then a folder they
 * may not write to. History and both exports work; a check-in is refused
 * and says why. Root may write anything, so as root the program runs as
 * "nobody", which owns the files. */
#define NOBODY_ID 65534

static void
become_nobody (gpointer data)
{
  if (geteuid () == 0 &&
      (setgroups (0, NULL) != 0 || setgid (NOBODY_ID) != 0 || setuid (NOBODY_ID) != 0))
    _exit (77);
}

static void
run_as_nobody (Run        *run,
               const char *home,
               ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  va_start (ap, home);
  while ((arg = va_arg (ap, const char *)))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  limber_test_run_argv (run, home, become_nobody, (const char * const *) args->pdata);
  g_assert_cmpint (run->status, !=, 77);
}

static void
give_to_nobody (const char *path)
{
  if (geteuid () == 0)
    g_assert_cmpint (chown (path, NOBODY_ID, NOBODY_ID), ==, 0);
}

static void
check_read_only_journal (const char *home,
                         const char *why)
{
  g_autofree char *csv = g_build_filename (home, "out", "journal.csv", NULL);
  g_autofree char *pdf = g_build_filename (home, "out", "report.pdf", NULL);
  g_autofree char *text = NULL;

  {
    g_auto(Run) run = { 0 };

    run_as_nobody (&run, home, "--history=365", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_nonnull (strstr (run.out, "Morning hamstrings, completed"));
    g_assert_nonnull (strstr (run.out, "check-in"));
  }
  {
    g_auto(Run) run = { 0 };
    g_autofree char *arg = g_strconcat ("--export-csv=", csv, NULL);

    run_as_nobody (&run, home, arg, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
    g_assert_nonnull (strstr (text, "morning-hamstrings"));
  }
  {
    g_auto(Run) run = { 0 };
    g_autofree char *arg = g_strconcat ("--export-report=", pdf, NULL);

    run_as_nobody (&run, home, arg, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  }
  {
    g_auto(Run) run = { 0 };

    run_as_nobody (&run, home, "--check-in", "--pain=3", "--stiffness=4", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_nonnull (strstr (run.err, "the check-in was not saved: Your journal is read-only: "));
    g_assert_nonnull (strstr (run.err, why));
  }
  g_unlink (csv);
  g_unlink (pdf);
}

static void
test_read_only_journal (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("limber-cli-ro-XXXXXX", &error);
  g_autofree char *dir = g_build_filename (home, "limber", NULL);
  g_autofree char *out = g_build_filename (home, "out", NULL);
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len = 0, after_len = 0;
  guint n_files = 0;

  g_assert_no_error (error);
  {
    g_autoptr(LimberJournal) journal = limber_journal_open (path, &error);
    g_autoptr(LimberCheckin) checkin = limber_checkin_new ();
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autoptr(GDateTime) end = g_date_time_add_minutes (now, 6);
    gint64 id;

    g_assert_no_error (error);
    id = limber_journal_start_session (journal, "morning-hamstrings", "Morning hamstrings", now, 360000, &error);
    g_assert_no_error (error);
    g_assert_true (limber_journal_finish_session (journal, id, LIMBER_OUTCOME_COMPLETED, end, 360000, &error));
    checkin->pain = 2;
    checkin->stiffness = 3;
    g_assert_cmpint (limber_journal_add_checkin (journal, checkin, &error), >, 0);
    g_assert_no_error (error);
  }
  g_assert_cmpint (g_mkdir (out, 0755), ==, 0);
  g_assert_cmpint (g_chmod (home, 0755), ==, 0);
  give_to_nobody (home);
  give_to_nobody (out);
  give_to_nobody (dir);
  give_to_nobody (path);
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);

    while (g_dir_read_name (d))
      n_files++;
  }

  /* the file made read-only by its owner */
  g_assert_cmpint (g_chmod (path, 0400), ==, 0);
  check_read_only_journal (home, path);

  /* a folder its owner may not write to */
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  check_read_only_journal (home, dir);

  /* untouched, and nothing added beside it */
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (d))
      n++;
    g_assert_cmpuint (n, ==, n_files);
  }
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_assert_cmpint (g_unlink (path), ==, 0);
  {
    g_autofree char *lock = g_strconcat (path, ".lock", NULL);

    g_unlink (lock);
  }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  g_assert_cmpint (g_rmdir (out), ==, 0);
  g_assert_cmpint (g_rmdir (home), ==, 0);
}


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (g_getenv ("LIMBER_BIN") == NULL)
    {
      g_printerr ("LIMBER_BIN must name the limber program\n");
      return 1;
    }

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/list-routines", test_list_routines);
  g_test_add_func ("/cli/list-with-bad-user-file", test_list_with_bad_user_file);
  g_test_add_func ("/cli/unknown-option", test_unknown_option);
  g_test_add_func ("/cli/unexpected-argument", test_unexpected_argument);
  g_test_add_func ("/cli/start-unknown-routine", test_start_unknown_routine);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/check-in/saved", test_check_in_saved);
  g_test_add_func ("/cli/check-in/all-fields", test_check_in_all_fields);
  g_test_add_func ("/cli/check-in/invalid", test_check_in_invalid);
  g_test_add_func ("/cli/check-in/advisory-once", test_check_in_advisory_once);
  g_test_add_func ("/cli/check-in/damaged-journal", test_check_in_damaged_journal);
  g_test_add_func ("/cli/check-in/cant-open", test_check_in_cant_open);
  g_test_add_func ("/cli/restore-backup", test_restore_backup);
  g_test_add_func ("/cli/history", test_history);
  g_test_add_func ("/cli/read-only-journal", test_read_only_journal);
  g_test_add_func ("/cli/history/empty", test_history_empty);
  g_test_add_func ("/cli/history/invalid", test_history_invalid);
  g_test_add_func ("/cli/list-routines/control-characters", test_list_control_characters);
  g_test_add_func ("/cli/list-routines/bom", test_list_bom);
  g_test_add_func ("/cli/history/invalid-utf8", test_history_invalid_utf8);

  return g_test_run ();
}
