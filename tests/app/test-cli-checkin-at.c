/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `limber --check-in … --at=`: a check-in dated in the past is stored with
 * that time; one in the future, malformed or on a day or at an hour that
 * does not exist exits 2 with one line and writes nothing. The past times
 * are computed from the real now, so the test passes at any hour. */
#include <gio/gio.h>

#include "limber-journal.h"
#include "cli-utils.h"

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
test_past (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autoptr(GDateTime) last_year = g_date_time_add_years (now, -1);
  g_autofree char *at = g_date_time_format (yesterday, "--at=%Y-%m-%dT09:00");
  g_autofree char *day = g_date_time_format (last_year, "--at=%Y-%m-%d");
  g_autoptr(GPtrArray) checkins = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) second = { 0 };
  LimberCheckin *c;

  run_limber (&run, "--check-in", "--pain=3", "--stiffness=4", at, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, "Check-in saved: pain 3, stiffness 4, both sides.\n");

  /* a day alone is that day's midnight */
  run_limber (&second, "--check-in", "--pain=5", "--stiffness=1", day, NULL);
  g_assert_cmpint (second.status, ==, 0);
  g_assert_cmpstr (second.err, ==, "");

  checkins = journal_checkins ();
  g_assert_cmpuint (checkins->len, ==, 2);

  c = g_ptr_array_index (checkins, 0);
  {
    g_autoptr(GDateTime) local = g_date_time_to_local (c->time);

    g_assert_cmpint (c->pain, ==, 5);
    g_assert_cmpint (g_date_time_get_year (local), ==, g_date_time_get_year (last_year));
    g_assert_cmpint (g_date_time_get_day_of_year (local), ==, g_date_time_get_day_of_year (last_year));
    g_assert_cmpint (g_date_time_get_hour (local), ==, 0);
    g_assert_cmpint (g_date_time_get_minute (local), ==, 0);
  }

  c = g_ptr_array_index (checkins, 1);
  {
    g_autoptr(GDateTime) local = g_date_time_to_local (c->time);

    g_assert_cmpint (c->pain, ==, 3);
    g_assert_cmpint (g_date_time_get_year (local), ==, g_date_time_get_year (yesterday));
    g_assert_cmpint (g_date_time_get_day_of_year (local), ==, g_date_time_get_day_of_year (yesterday));
    g_assert_cmpint (g_date_time_get_hour (local), ==, 9);
    g_assert_cmpint (g_date_time_get_minute (local), ==, 0);
  }
}

static void
test_refused (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) soon = g_date_time_add_minutes (now, 2);
  g_autofree char *future_day = g_date_time_format (tomorrow, "--at=%Y-%m-%d");
  g_autofree char *future_minute = g_date_time_format (soon, "--at=%Y-%m-%dT%H:%M");
  const struct {
    const char *arg;
    const char *expected;
  } cases[] = {
    { future_day, "is in the future" },
    { future_minute, "is in the future" },
    { "--at=2099-01-01T00:00", "is in the future" },
    { "--at=2026-02-30", "not “2026-02-30”" },
    { "--at=2025-02-29T08:00", "must be a day and time that exist" },
    { "--at=2024-03-01T25:00", "not “2024-03-01T25:00”" },
    { "--at=2024-03-01T08:60", "must be a day and time" },
    { "--at=2024-3-1", "must be a day and time" },
    { "--at=2024-03-01T8:30", "must be a day and time" },
    { "--at=2024-03-01T08:30:00", "must be a day and time" },
    { "--at=yesterday", "not “yesterday”" },
    { "--at=", "must be a day and time" },
    { "--at=0000-01-01", "must be a day and time" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };
      g_auto(GStrv) lines = NULL;

      run_limber (&run, "--check-in", "--pain=3", "--stiffness=4", cases[i].arg, NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      if (strstr (run.err, cases[i].expected) == NULL)
        g_error ("case %u: “%s” not in “%s”", i, cases[i].expected, run.err);
      /* one line saying what is wrong, then where the options are */
      lines = g_strsplit (g_strchomp (run.err), "\n", -1);
      g_assert_cmpuint (g_strv_length (lines), ==, 2);
      g_assert_nonnull (strstr (lines[1], "--help"));
      g_assert_false (journal_exists ());
    }

  {
    g_auto(Run) run = { 0 };

    run_limber (&run, "--at=2024-03-01", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--at goes with --check-in"));
    g_assert_false (journal_exists ());
  }
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

  g_test_add_func ("/cli/check-in/at/past", test_past);
  g_test_add_func ("/cli/check-in/at/refused", test_refused);
  return g_test_run ();
}
