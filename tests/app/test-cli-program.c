/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `limber --check-in` moves the program as a check-in in the window does:
 * a check-in with pain well above where the person started steps the
 * program back a level, recorded in the journal with its reason and said
 * on the terminal; the same check-in again changes nothing more. The
 * times are computed from the real now, so the test passes at any hour. */
#include <gio/gio.h>

#include "limber-journal-programs.h"
#include "cli-utils.h"

static LimberJournal *
open_journal (void)
{
  g_autofree char *path = limber_journal_get_default_path ();
  g_autoptr(GError) error = NULL;
  LimberJournal *journal;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  journal = limber_journal_open (path, &error);
  g_assert_no_error (error);
  return journal;
}

static GPtrArray *
list_events (void)
{
  g_autoptr(LimberJournal) journal = open_journal ();
  g_autoptr(GError) error = NULL;
  GPtrArray *events = limber_journal_list_program_events (journal, NULL, NULL, &error);

  g_assert_no_error (error);
  return events;
}

static void
test_flare_steps_back (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) before_start = g_date_time_add_days (now, -11);
  g_autoptr(GDateTime) started = g_date_time_add_days (now, -10);
  g_autoptr(GDateTime) moved_up = g_date_time_add_days (now, -3);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) again = { 0 };
  LimberProgramEvent *last;

  /* pain 2 before the start; now at level 2 of looser-hamstrings */
  {
    g_autoptr(LimberJournal) journal = open_journal ();
    g_autoptr(LimberCheckin) checkin = limber_checkin_new ();

    g_date_time_unref (checkin->time);
    checkin->time = g_date_time_ref (before_start);
    checkin->pain = 2;
    checkin->stiffness = 3;
    g_assert_cmpint (limber_journal_add_checkin (journal, checkin, &error), >, 0);
    g_assert_true (limber_journal_start_program (journal, "looser-hamstrings", started, &error));
    g_assert_true (limber_journal_change_program_level (journal, 2, "Next: 25-second holds", moved_up, &error));
    g_assert_no_error (error);
  }

  run_limber (&run, "--check-in", "--pain=6", "--stiffness=4", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==,
                   "Check-in saved: pain 6, stiffness 4, both sides.\n"
                   "Your program changed level. Back to level 1 for now: your pain went up to 6, "
                   "from about 2 when you started.\n");

  events = list_events ();
  g_assert_cmpuint (events->len, ==, 3);
  last = g_ptr_array_index (events, 2);
  g_assert_cmpint (last->kind, ==, LIMBER_PROGRAM_EVENT_LEVEL_CHANGED);
  g_assert_cmpuint (last->level, ==, 1);
  g_assert_cmpstr (last->program_id, ==, "looser-hamstrings");
  g_assert_cmpstr (last->reason, ==, "Back to level 1 for now: your pain went up to 6, from about 2 when you started");
  g_assert_cmpint (g_date_time_compare (last->time, now), >=, 0);
  g_clear_pointer (&events, g_ptr_array_unref);

  /* at level 1 there is no lower level: the same again records nothing */
  run_limber (&again, "--check-in", "--pain=6", "--stiffness=4", NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_cmpstr (again.err, ==, "");
  g_assert_cmpstr (again.out, ==, "Check-in saved: pain 6, stiffness 4, both sides.\n");
  events = list_events ();
  g_assert_cmpuint (events->len, ==, 3);
}

/* Without a program a check-in is only a check-in. */
static void
test_no_program (void)
{
  g_autoptr(GPtrArray) events = NULL;
  g_auto(Run) run = { 0 };

  run_limber (&run, "--check-in", "--pain=6", "--stiffness=4", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, "Check-in saved: pain 6, stiffness 4, both sides.\n");
  events = list_events ();
  g_assert_cmpuint (events->len, ==, 0);
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

  g_test_add_func ("/cli/check-in/program/flare-steps-back", test_flare_steps_back);
  g_test_add_func ("/cli/check-in/program/none", test_no_program);
  return g_test_run ();
}
