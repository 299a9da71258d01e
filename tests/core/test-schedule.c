/* SPDX-License-Identifier: GPL-3.0-or-later */
/* When reminders are due, in virtual time: the tests build "now" in fixed
 * time zones and step from one wake-up to the next, as the service does. */
#include "test-require.h"
#include "schedule-sim.h"

/* Parsing and settings */

static void
test_parse_time (void)
{
  static const struct
  {
    const char *text;
    guint       seconds;
  } good[] = {
    { "0:00", 0 },
    { "00:00", 0 },
    { "7:05", 7 * 3600 + 5 * 60 },
    { "07:05", 7 * 3600 + 5 * 60 },
    { "12:30", 12 * 3600 + 30 * 60 },
    { "23:59", 23 * 3600 + 59 * 60 },
  };
  static const char *bad[] = {
    "", ":", "7", "7:", ":30", "7:5", "07:5", "7:005", "007:00", "24:00",
    "25:00", "99:99", "7:60", "-1:00", "+7:00", " 7:00", "7:00 ", "7 :00",
    "7: 00", "07-00", "07.00", "7:0a", "a7:00", "0x7:00", "7:00:00",
    "７:00", "07:00\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      guint seconds = 1;

      g_assert_true (limber_schedule_parse_time (good[i].text, &seconds));
      g_assert_cmpuint (seconds, ==, good[i].seconds);
      g_assert_true (limber_schedule_parse_time (good[i].text, NULL));
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      guint seconds = 12345;

      if (limber_schedule_parse_time (bad[i], &seconds))
        g_error ("“%s” parsed", bad[i]);
      g_assert_cmpuint (seconds, ==, 12345);
    }

  g_assert_false (limber_schedule_parse_time (NULL, NULL));
}

static void
test_config_new (void)
{
  g_autoptr(LimberScheduleConfig) config = limber_schedule_config_new ();

  g_assert_false (config->enabled);
  g_assert_false (config->breaks);
  g_assert_false (config->checkin);
  g_assert_false (config->quiet);
  g_assert_cmpuint (config->routines->len, ==, 0);
  g_assert_cmpuint (config->break_interval, ==, 50 * 60);
  g_assert_cmpuint (config->idle_break, ==, 5 * 60);
  g_assert_cmpuint (config->checkin_at, ==, 20 * 3600);
  g_assert_cmpuint (config->quiet_start, ==, 22 * 3600);
  g_assert_cmpuint (config->quiet_end, ==, 7 * 3600);

  limber_schedule_config_free (NULL);
}

static void
test_config_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.limber.Limber");
  g_autoptr(LimberScheduleConfig) defaults = limber_schedule_config_from_settings (settings);
  g_autoptr(LimberScheduleConfig) config = NULL;
  const LimberRoutineSlot *slot;

  /* the schema's defaults */
  g_assert_false (defaults->enabled);
  g_assert_true (defaults->breaks);
  g_assert_cmpuint (defaults->break_interval, ==, 50 * 60);
  g_assert_cmpuint (defaults->idle_break, ==, 5 * 60);
  g_assert_cmpuint (defaults->routines->len, ==, 1);
  slot = &g_array_index (defaults->routines, LimberRoutineSlot, 0);
  g_assert_cmpuint (slot->hour, ==, 18);
  g_assert_cmpuint (slot->minute, ==, 30);
  g_assert_cmpuint (slot->weekdays, ==, 127);
  g_assert_cmpstr (slot->routine_id, ==, "evening-wind-down");
  g_assert_true (defaults->checkin);
  g_assert_cmpuint (defaults->checkin_at, ==, 20 * 3600);
  g_assert_true (defaults->quiet);
  g_assert_cmpuint (defaults->quiet_start, ==, 22 * 3600);
  g_assert_cmpuint (defaults->quiet_end, ==, 7 * 3600);

  g_settings_set_boolean (settings, "reminders-enabled", TRUE);
  g_settings_set_boolean (settings, "break-reminders", FALSE);
  g_settings_set_uint (settings, "break-interval-minutes", 25);
  g_settings_set_uint (settings, "idle-break-minutes", 3);
  g_settings_set_value (settings, "routine-reminders",
                        g_variant_new_parsed ("[(byte 7, byte 5, byte 31, 'morning-hamstrings'),"
                                              " (25, 0, 127, 'too-late'),"
                                              " (9, 60, 127, 'no-such-minute'),"
                                              " (21, 0, 255, 'desk-break'),"
                                              " (8, 0, 1, ''),"
                                              " (8, 0, 1, 'bad\tid')]"));
  g_settings_set_boolean (settings, "checkin-reminder", FALSE);
  g_settings_set_string (settings, "checkin-time", "8pm");
  g_settings_set_boolean (settings, "quiet-hours", FALSE);
  g_settings_set_string (settings, "quiet-hours-start", "23:30");
  g_settings_set_string (settings, "quiet-hours-end", "6:15");

  g_test_expect_message ("limber-schedule", G_LOG_LEVEL_MESSAGE, "*checkin-time*8pm*20:00*");
  g_test_expect_message ("limber-schedule", G_LOG_LEVEL_MESSAGE, "*too-late*");
  g_test_expect_message ("limber-schedule", G_LOG_LEVEL_MESSAGE, "*no-such-minute*");
  g_test_expect_message ("limber-schedule", G_LOG_LEVEL_MESSAGE, "*(8, 0, 1, “”)*");
  /* not an id: it would make every journal request of the service fail */
  g_test_expect_message ("limber-schedule", G_LOG_LEVEL_MESSAGE, "*(8, 0, 1, “bad\\tid”)*");
  config = limber_schedule_config_from_settings (settings);
  g_test_assert_expected_messages ();

  g_assert_true (config->enabled);
  g_assert_false (config->breaks);
  g_assert_cmpuint (config->break_interval, ==, 25 * 60);
  g_assert_cmpuint (config->idle_break, ==, 3 * 60);
  g_assert_cmpuint (config->routines->len, ==, 2);
  slot = &g_array_index (config->routines, LimberRoutineSlot, 0);
  g_assert_cmpuint (slot->hour, ==, 7);
  g_assert_cmpuint (slot->minute, ==, 5);
  g_assert_cmpuint (slot->weekdays, ==, 31);
  g_assert_cmpstr (slot->routine_id, ==, "morning-hamstrings");
  slot = &g_array_index (config->routines, LimberRoutineSlot, 1);
  g_assert_cmpuint (slot->hour, ==, 21);
  g_assert_cmpuint (slot->weekdays, ==, 127);
  g_assert_cmpstr (slot->routine_id, ==, "desk-break");
  g_assert_false (config->checkin);
  g_assert_cmpuint (config->checkin_at, ==, 20 * 3600);
  g_assert_false (config->quiet);
  g_assert_cmpuint (config->quiet_start, ==, 23 * 3600 + 30 * 60);
  g_assert_cmpuint (config->quiet_end, ==, 6 * 3600 + 15 * 60);

  /* malformed quiet hours fall back too */
  g_settings_reset (settings, "checkin-time");
  g_settings_set_string (settings, "quiet-hours-start", "22:0");
  g_settings_set_string (settings, "quiet-hours-end", "");
  g_settings_set_value (settings, "routine-reminders", g_variant_new_parsed ("@a(yyys) []"));
  g_clear_pointer (&config, limber_schedule_config_free);
  g_test_expect_message ("limber-schedule", G_LOG_LEVEL_MESSAGE, "*quiet-hours-start*22:0*22:00*");
  g_test_expect_message ("limber-schedule", G_LOG_LEVEL_MESSAGE, "*quiet-hours-end*07:00*");
  config = limber_schedule_config_from_settings (settings);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (config->quiet_start, ==, 22 * 3600);
  g_assert_cmpuint (config->quiet_end, ==, 7 * 3600);
  g_assert_cmpuint (config->routines->len, ==, 0);
}

static void
test_kind_names (void)
{
  g_assert_cmpstr (limber_reminder_kind_to_string (LIMBER_REMINDER_BREAK), ==, "break");
  g_assert_cmpstr (limber_reminder_kind_to_string (LIMBER_REMINDER_ROUTINE), ==, "routine");
  g_assert_cmpstr (limber_reminder_kind_to_string (LIMBER_REMINDER_CHECKIN), ==, "checkin");
}

/* Nothing on */

static void
test_disabled (void)
{
  g_autoptr(Sim) sim = sim_new ("Europe/Berlin");
  gint64 now = sim_at (sim, 2024, 1, 8, 12, 0);
  LimberDue next = { LIMBER_REMINDER_ROUTINE, 0, 3, TRUE };
  LimberDue due;

  limber_schedule_state_init (&sim->state, now - DAY);

  /* everything off */
  g_assert_cmpint (sim_next (sim, now, &next), ==, G_MAXINT64);
  g_assert_cmpint (next.due, ==, G_MAXINT64);
  g_assert_false (sim_take (sim, now, &due));

  /* everything on, but reminders off */
  sim->config->breaks = TRUE;
  sim->config->checkin = TRUE;
  sim->config->quiet = TRUE;
  add_slot (sim, 18, 30, 127, "evening-wind-down");
  sim->config->enabled = FALSE;
  g_assert_cmpint (sim_next (sim, now, NULL), ==, G_MAXINT64);
  g_assert_false (sim_take (sim, now, &due));
  g_assert_cmpint (sim->state.handled_until, ==, now);

  /* on, but no kind on and a slot on no weekday */
  sim->config->enabled = TRUE;
  sim->config->breaks = FALSE;
  sim->config->checkin = FALSE;
  g_array_index (sim->config->routines, LimberRoutineSlot, 0).weekdays = 0;
  g_assert_cmpint (sim_next (sim, now, NULL), ==, G_MAXINT64);
  g_assert_false (sim_take (sim, now, &due));

  /* a break interval of zero means no breaks */
  sim->config->breaks = TRUE;
  sim->config->break_interval = 0;
  g_assert_cmpint (sim_next (sim, now, NULL), ==, G_MAXINT64);

  /* paused for ever */
  sim->config->break_interval = 50 * 60;
  sim->config->checkin = TRUE;
  limber_schedule_pause (&sim->state, G_MAXINT64);
  g_assert_cmpint (sim_next (sim, now, NULL), ==, G_MAXINT64);
  g_assert_false (sim_take (sim, now + 30 * DAY, &due));

  /* a configuration built by hand, without a routines array */
  limber_schedule_state_init (&sim->state, now);
  sim->config->breaks = FALSE;
  g_clear_pointer (&sim->config->routines, g_array_unref);
  g_assert_cmpint (sim_next (sim, now, &next), ==, sim_at (sim, 2024, 1, 8, 20, 0));
  g_assert_cmpint (next.kind, ==, LIMBER_REMINDER_CHECKIN);
}

/* Breaks */

static void
test_break_interval (void)
{
  g_autoptr(Sim) sim = sim_new ("Europe/Berlin");
  gint64 start = sim_at (sim, 2024, 1, 8, 9, 0);
  g_autofree char *log = NULL;
  LimberDue next;
  LimberDue due;

  sim->config->breaks = TRUE;
  limber_schedule_state_init (&sim->state, start);

  /* due exactly at 50 minutes of activity */
  g_assert_cmpint (sim_next (sim, start, &next), ==, start + 50 * MINUTE);
  g_assert_cmpint (next.kind, ==, LIMBER_REMINDER_BREAK);
  g_assert_cmpint (next.due, ==, start + 50 * MINUTE);
  g_assert_cmpint (next.slot, ==, -1);
  g_assert_false (next.catch_up);
  g_assert_cmpint (sim_next (sim, start + 50 * MINUTE - 1, NULL), ==, start + 50 * MINUTE);
  g_assert_false (sim_take (sim, start + 50 * MINUTE - 1, &due));
  g_assert_true (sim_take (sim, start + 50 * MINUTE, &due));
  g_assert_cmpint (due.kind, ==, LIMBER_REMINDER_BREAK);
  g_assert_cmpint (due.due, ==, start + 50 * MINUTE);
  g_assert_false (due.catch_up);
  g_assert_false (sim_take (sim, start + 50 * MINUTE, &due));
  g_assert_cmpint (sim_next (sim, start + 50 * MINUTE, NULL), ==, start + 100 * MINUTE);

  /* repeated breaks, each 50 minutes after the one before */
  limber_schedule_state_init (&sim->state, start);
  log = sim_run (sim, start, sim_at (sim, 2024, 1, 8, 13, 0));
  assert_log (log,
              "Mon 01-08 09:50 break\n"
              "Mon 01-08 10:40 break\n"
              "Mon 01-08 11:30 break\n"
              "Mon 01-08 12:20 break\n");

  /* another interval */
  g_clear_pointer (&log, g_free);
  sim->config->break_interval = 20 * 60;
  limber_schedule_state_init (&sim->state, start);
  log = sim_run (sim, start, sim_at (sim, 2024, 1, 8, 10, 0));
  assert_log (log,
              "Mon 01-08 09:20 break\n"
              "Mon 01-08 09:40 break\n");
}

static void
test_break_idle (void)
{
  g_autoptr(Sim) sim = sim_new ("Europe/Berlin");
  gint64 start = sim_at (sim, 2024, 1, 8, 9, 0);
  g_autofree char *log = NULL;
  LimberDue due;

  sim->config->breaks = TRUE;
  limber_schedule_state_init (&sim->state, start);

  /* an idle spell that ended at 9:30 restarts the count */
  limber_schedule_note_break (&sim->state, start + 30 * MINUTE);
  g_assert_cmpint (sim->state.active_since, ==, start + 30 * MINUTE);
  g_assert_false (sim_take (sim, start + 50 * MINUTE, &due));
  g_assert_cmpint (sim_next (sim, start + 50 * MINUTE, NULL), ==, start + 80 * MINUTE);

  /* an older break changes nothing */
  limber_schedule_note_break (&sim->state, start + 10 * MINUTE);
  g_assert_cmpint (sim->state.active_since, ==, start + 30 * MINUTE);

  /* a break shown late counts from when it was shown */
  g_assert_true (sim_take (sim, start + 90 * MINUTE, &due));
  g_assert_cmpint (due.kind, ==, LIMBER_REMINDER_BREAK);
  g_assert_cmpint (due.due, ==, start + 80 * MINUTE);
  g_assert_cmpint (sim_next (sim, start + 90 * MINUTE, NULL), ==, start + 140 * MINUTE);

  /* idle spells through the morning: only the stretches of 50 minutes */
  limber_schedule_state_init (&sim->state, start);
  log = sim_run (sim, start, start + 45 * MINUTE);
  limber_schedule_note_break (&sim->state, start + 55 * MINUTE);
  log = (g_free (log), sim_run (sim, start + 55 * MINUTE, start + 3 * HOUR));
  assert_log (log,
              "Mon 01-08 10:45 break\n"
              "Mon 01-08 11:35 break\n");
}

/* Routine slots */

static void
test_routine_weekdays (void)
{
  static const char *names[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };

  for (guint bit = 0; bit < 7; bit++)
    {
      g_autoptr(Sim) sim = sim_new ("Europe/Berlin");
      gint64 start = sim_at (sim, 2024, 1, 1, 0, 0);  /* a Monday */
      g_autofree char *log = NULL;
      g_autofree char *expected = NULL;

      add_slot (sim, 18, 30, 1 << bit, "evening-wind-down");
      limber_schedule_state_init (&sim->state, start);
      log = sim_run (sim, start, start + 14 * DAY);
      expected = g_strdup_printf ("%s 01-%02u 18:30 routine 0\n%s 01-%02u 18:30 routine 0\n",
                                  names[bit], 1 + bit, names[bit], 8 + bit);
      assert_log (log, expected);
    }
}

static void
test_routine_week (void)
{
  g_autoptr(Sim) sim = sim_new ("Europe/Berlin");
  gint64 start = sim_at (sim, 2024, 1, 8, 0, 0);  /* a Monday */
  g_autofree char *log = NULL;

  add_slot (sim, 7, 30, 0x1f, "morning-hamstrings");   /* working days */
  add_slot (sim, 18, 30, 0x60, "evening-wind-down");   /* weekends */
  add_slot (sim, 12, 0, 0x04, "desk-break");           /* Wednesdays */
  add_slot (sim, 6, 30, 0x40, "pre-run-warm-up");      /* Sundays, in quiet hours */
  sim->config->checkin = TRUE;
  sim->config->quiet = TRUE;
  limber_schedule_state_init (&sim->state, start);
  /* a check-in on Wednesday morning: no reminder that evening */
  sim->state.last_checkin = sim_at (sim, 2024, 1, 10, 9, 15);

  log = sim_run (sim, start, start + 7 * DAY);
  assert_log (log,
              "Mon 01-08 07:30 routine 0\n"
              "Mon 01-08 20:00 checkin\n"
              "Tue 01-09 07:30 routine 0\n"
              "Tue 01-09 20:00 checkin\n"
              "Wed 01-10 07:30 routine 0\n"
              "Wed 01-10 12:00 routine 2\n"
              "Thu 01-11 07:30 routine 0\n"
              "Thu 01-11 20:00 checkin\n"
              "Fri 01-12 07:30 routine 0\n"
              "Fri 01-12 20:00 checkin\n"
              "Sat 01-13 18:30 routine 1\n"
              "Sat 01-13 20:00 checkin\n"
              "Sun 01-14 07:00 routine 3\n"
              "Sun 01-14 18:30 routine 1\n"
              "Sun 01-14 20:00 checkin\n");
}

static void
test_routine_same_minute (void)
{
  g_autoptr(Sim) sim = sim_new ("UTC");
  gint64 start = sim_at (sim, 2024, 1, 8, 0, 0);
  g_autofree char *log = NULL;

  /* Two slots at the same minute come as one, standing for both */
  add_slot (sim, 18, 30, 0x7f, "evening-wind-down");
  add_slot (sim, 18, 30, 0x01, "desk-break");
  limber_schedule_state_init (&sim->state, start);
  log = sim_run (sim, start, start + 2 * DAY);
  assert_log (log,
              "Mon 01-08 18:30 routine 0 catch-up\n"
              "Tue 01-09 18:30 routine 0\n");
}

/* Check-in */

static void
test_checkin (void)
{
  g_autoptr(Sim) sim = sim_new ("America/New_York");
  gint64 morning = sim_at (sim, 2024, 1, 8, 9, 0);
  gint64 evening = sim_at (sim, 2024, 1, 8, 20, 0);
  g_autofree char *log = NULL;
  LimberDue next;
  LimberDue due;

  sim->config->checkin = TRUE;
  limber_schedule_state_init (&sim->state, morning);

  /* none logged: due tonight */
  g_assert_cmpint (sim_next (sim, morning, &next), ==, evening);
  g_assert_cmpint (next.kind, ==, LIMBER_REMINDER_CHECKIN);
  g_assert_cmpint (next.slot, ==, -1);

  /* logged yesterday: still due tonight */
  sim->state.last_checkin = sim_at (sim, 2024, 1, 7, 21, 0);
  g_assert_cmpint (sim_next (sim, morning, NULL), ==, evening);

  /* logged this morning: not tonight, tomorrow night */
  sim->state.last_checkin = sim_at (sim, 2024, 1, 8, 8, 0);
  g_assert_cmpint (sim_next (sim, morning, NULL), ==, evening + DAY);
  g_assert_false (sim_take (sim, evening, &due));

  /* logged just after midnight, local time, counts for that day */
  sim->state.last_checkin = sim_at (sim, 2024, 1, 9, 0, 1);
  g_assert_cmpint (sim_next (sim, evening, NULL), ==, evening + 2 * DAY);

  /* logged while the reminder waited out a suspend: none on waking */
  limber_schedule_state_init (&sim->state, morning);
  sim->state.last_checkin = sim_at (sim, 2024, 1, 8, 20, 30);
  g_assert_false (sim_take (sim, sim_at (sim, 2024, 1, 8, 21, 0), &due));

  /* a week, logging on Tuesday and Thursday before the reminder */
  limber_schedule_state_init (&sim->state, morning);
  log = sim_run (sim, morning, sim_at (sim, 2024, 1, 9, 12, 0));
  sim->state.last_checkin = sim_at (sim, 2024, 1, 9, 12, 0);
  log = (g_free (log), sim_run (sim, sim_at (sim, 2024, 1, 9, 12, 0), sim_at (sim, 2024, 1, 11, 12, 0)));
  sim->state.last_checkin = sim_at (sim, 2024, 1, 11, 12, 0);
  log = (g_free (log), sim_run (sim, sim_at (sim, 2024, 1, 11, 12, 0), sim_at (sim, 2024, 1, 13, 0, 0)));
  assert_log (log, "Fri 01-12 20:00 checkin\n");
}

/* Quiet hours */

static void
test_quiet_hours_predicate (void)
{
  g_autoptr(Sim) sim = sim_new ("Europe/Berlin");
  static const struct
  {
    int      hour;
    int      minute;
    int      second;
    gboolean wrapping;
    gboolean normal;
  } cases[] = {
    { 0, 0, 0, TRUE, FALSE },
    { 3, 0, 0, TRUE, FALSE },
    { 6, 59, 59, TRUE, FALSE },
    { 7, 0, 0, FALSE, FALSE },
    { 11, 59, 59, FALSE, FALSE },
    { 12, 0, 0, FALSE, TRUE },
    { 13, 59, 59, FALSE, TRUE },
    { 14, 0, 0, FALSE, FALSE },
    { 21, 59, 59, FALSE, FALSE },
    { 22, 0, 0, TRUE, FALSE },
    { 23, 59, 59, TRUE, FALSE },
  };

  sim->config->quiet = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) when = g_date_time_new (sim->tz, 2024, 1, 8, cases[i].hour, cases[i].minute, cases[i].second);

      sim->config->quiet_start = 22 * 3600;
      sim->config->quiet_end = 7 * 3600;
      g_assert_cmpint (limber_schedule_in_quiet_hours (sim->config, when), ==, cases[i].wrapping);

      sim->config->quiet_start = 12 * 3600;
      sim->config->quiet_end = 14 * 3600;
      g_assert_cmpint (limber_schedule_in_quiet_hours (sim->config, when), ==, cases[i].normal);

      /* start == end: no quiet hours */
      sim->config->quiet_start = sim->config->quiet_end = 12 * 3600;
      g_assert_false (limber_schedule_in_quiet_hours (sim->config, when));

      /* turned off */
      sim->config->quiet = FALSE;
      sim->config->quiet_start = 0;
      sim->config->quiet_end = 23 * 3600;
      g_assert_false (limber_schedule_in_quiet_hours (sim->config, when));
      sim->config->quiet = TRUE;
    }
}

static void
test_quiet_hours_normal (void)
{
  g_autoptr(Sim) sim = sim_new ("Europe/Berlin");
  gint64 start = sim_at (sim, 2024, 1, 8, 9, 0);
  g_autofree char *log = NULL;

  /* a lunch-time quiet spell */
  sim->config->quiet = TRUE;
  sim->config->quiet_start = 12 * 3600;
  sim->config->quiet_end = 14 * 3600;
  add_slot (sim, 13, 0, 0x01, "desk-break");                /* Monday, inside: moved to its end */
  add_slot (sim, 12, 30, 0x02, "morning-hamstrings");       /* Tuesday, with the check-in */
  add_slot (sim, 14, 0, 0x04, "evening-wind-down");         /* Wednesday, at the end: the later one wins */
  add_slot (sim, 11, 59, 0x08, "post-run-cool-down");       /* Thursday, just before */
  sim->config->checkin = TRUE;
  sim->config->checkin_at = 13 * 3600 + 30 * 60;
  limber_schedule_state_init (&sim->state, start);
  sim->state.last_checkin = sim_at (sim, 2024, 1, 8, 9, 0);  /* Monday's is done */
  log = sim_run (sim, start, start + 4 * DAY);
  assert_log (log,
              "Mon 01-08 14:00 routine 0\n"
              "Tue 01-09 14:00 checkin catch-up\n"
              "Wed 01-10 14:00 routine 2 catch-up\n"
              "Thu 01-11 11:59 routine 3\n"
              "Thu 01-11 14:00 checkin\n");
  g_clear_pointer (&log, g_free);

  /* a break that falls inside waits for the end too */
  g_array_set_size (sim->config->routines, 0);
  sim->config->checkin = FALSE;
  sim->config->breaks = TRUE;
  limber_schedule_state_init (&sim->state, sim_at (sim, 2024, 1, 8, 11, 20));
  log = sim_run (sim, sim_at (sim, 2024, 1, 8, 11, 20), sim_at (sim, 2024, 1, 8, 15, 0));
  assert_log (log,
              "Mon 01-08 14:00 break\n"
              "Mon 01-08 14:50 break\n");
}

static void
test_quiet_hours_wrapping (void)
{
  g_autoptr(Sim) sim = sim_new ("Europe/Berlin");
  gint64 start = sim_at (sim, 2024, 1, 8, 0, 0);
  g_autofree char *log = NULL;
  LimberDue next;

  sim->config->quiet = TRUE;      /* 22:00 to 07:00 */
  add_slot (sim, 23, 0, 0x01, "evening-wind-down");  /* Monday night: Tuesday 07:00 */
  add_slot (sim, 6, 0, 0x04, "morning-hamstrings");  /* Wednesday early: 07:00 */
  add_slot (sim, 21, 59, 0x08, "desk-break");        /* Thursday: as set */
  add_slot (sim, 7, 0, 0x10, "pre-run-warm-up");     /* Friday: the end is not quiet */
  add_slot (sim, 0, 0, 0x20, "post-run-cool-down");  /* Saturday at midnight */
  limber_schedule_state_init (&sim->state, start);

  g_assert_cmpint (sim_next (sim, start, &next), ==, sim_at (sim, 2024, 1, 9, 7, 0));
  g_assert_cmpint (next.slot, ==, 0);

  log = sim_run (sim, start, start + 7 * DAY);
  assert_log (log,
              "Tue 01-09 07:00 routine 0\n"
              "Wed 01-10 07:00 routine 1\n"
              "Thu 01-11 21:59 routine 2\n"
              "Fri 01-12 07:00 routine 3\n"
              "Sat 01-13 07:00 routine 4\n");
  g_clear_pointer (&log, g_free);

  /* the quiet hours at either end collapse into one reminder (Sunday's
   * 23:00 too, which became due at 07:00, after the start) */
  g_array_set_size (sim->config->routines, 0);
  add_slot (sim, 23, 0, 0x7f, "evening-wind-down");
  add_slot (sim, 6, 0, 0x7f, "morning-hamstrings");
  limber_schedule_state_init (&sim->state, start);
  log = sim_run (sim, start, start + 2 * DAY);
  assert_log (log,
              "Mon 01-08 07:00 routine 1 catch-up\n"
              "Tue 01-09 07:00 routine 1 catch-up\n");
  g_clear_pointer (&log, g_free);

  /* start == end: no quiet hours at all */
  sim->config->quiet_start = sim->config->quiet_end = 22 * 3600;
  limber_schedule_state_init (&sim->state, start);
  log = sim_run (sim, start, start + DAY);
  assert_log (log,
              "Mon 01-08 06:00 routine 1\n"
              "Mon 01-08 23:00 routine 0\n");
  g_clear_pointer (&log, g_free);

  /* a break in the evening waits for the morning; the night's breaks are one */
  g_array_set_size (sim->config->routines, 0);
  sim->config->quiet_end = 7 * 3600;
  sim->config->breaks = TRUE;
  limber_schedule_state_init (&sim->state, sim_at (sim, 2024, 1, 8, 21, 30));
  log = sim_run (sim, sim_at (sim, 2024, 1, 8, 21, 30), sim_at (sim, 2024, 1, 9, 8, 0));
  assert_log (log,
              "Tue 01-09 07:00 break\n"
              "Tue 01-09 07:50 break\n");
}

/* Daylight saving */

static void
test_dst_berlin (void)
{
  g_autoptr(Sim) sim = sim_new ("Europe/Berlin");
  g_autofree char *log = NULL;
  gint64 start;

  sim->offsets = TRUE;
  add_slot (sim, 2, 30, 0x7f, "morning-hamstrings");
  add_slot (sim, 9, 0, 0x7f, "desk-break");

  /* spring forward, Sunday 31 March 2024: 02:00 CET becomes 03:00 CEST */
  start = sim_at (sim, 2024, 3, 30, 0, 0);
  limber_schedule_state_init (&sim->state, start);
  log = sim_run (sim, start, sim_at (sim, 2024, 4, 2, 0, 0));
  assert_log (log,
              "Sat 03-30 02:30+0100 routine 0\n"
              "Sat 03-30 09:00+0100 routine 1\n"
              "Sun 03-31 03:00+0200 routine 0\n"
              "Sun 03-31 09:00+0200 routine 1\n"
              "Mon 04-01 02:30+0200 routine 0\n"
              "Mon 04-01 09:00+0200 routine 1\n");
  g_clear_pointer (&log, g_free);

  /* the 23-hour day */
  limber_schedule_state_init (&sim->state, sim_at (sim, 2024, 3, 30, 9, 0));
  g_assert_cmpint (sim_next (sim, sim_at (sim, 2024, 3, 30, 9, 0), NULL), ==, utc_at (2024, 3, 31, 1, 0));
  g_assert_cmpint (sim_at (sim, 2024, 3, 31, 9, 0) - sim_at (sim, 2024, 3, 30, 9, 0), ==, 23 * HOUR);
  limber_schedule_state_init (&sim->state, sim_at (sim, 2024, 3, 31, 3, 0));
  g_assert_cmpint (sim_next (sim, sim_at (sim, 2024, 3, 31, 3, 0), NULL), ==, utc_at (2024, 3, 31, 7, 0));

  /* fall back, Sunday 27 October 2024: 03:00 CEST becomes 02:00 CET;
   * 02:30 happens twice and the reminder comes once, the first time */
  start = sim_at (sim, 2024, 10, 26, 0, 0);
  limber_schedule_state_init (&sim->state, start);
  log = sim_run (sim, start, sim_at (sim, 2024, 10, 29, 0, 0));
  assert_log (log,
              "Sat 10-26 02:30+0200 routine 0\n"
              "Sat 10-26 09:00+0200 routine 1\n"
              "Sun 10-27 02:30+0200 routine 0\n"
              "Sun 10-27 09:00+0100 routine 1\n"
              "Mon 10-28 02:30+0100 routine 0\n"
              "Mon 10-28 09:00+0100 routine 1\n");
  g_clear_pointer (&log, g_free);
  g_assert_cmpint (sim_at (sim, 2024, 10, 27, 9, 0) - sim_at (sim, 2024, 10, 26, 9, 0), ==, 25 * HOUR);

  /* quiet hours that end inside the gap end at 03:00 */
  g_array_set_size (sim->config->routines, 0);
  add_slot (sim, 23, 0, 0x7f, "evening-wind-down");
  sim->config->quiet = TRUE;
  sim->config->quiet_end = 2 * 3600 + 30 * 60;
  start = sim_at (sim, 2024, 3, 29, 12, 0);
  limber_schedule_state_init (&sim->state, start);
  log = sim_run (sim, start, sim_at (sim, 2024, 4, 1, 12, 0));
  assert_log (log,
              "Sat 03-30 02:30+0100 routine 0\n"
              "Sun 03-31 03:00+0200 routine 0\n"
              "Mon 04-01 02:30+0200 routine 0\n");
  g_clear_pointer (&log, g_free);

  /* and in the overlap, at the first 02:30 */
  start = sim_at (sim, 2024, 10, 26, 12, 0);
  limber_schedule_state_init (&sim->state, start);
  log = sim_run (sim, start, sim_at (sim, 2024, 10, 28, 12, 0));
  assert_log (log,
              "Sun 10-27 02:30+0200 routine 0\n"
              "Mon 10-28 02:30+0100 routine 0\n");
  g_clear_pointer (&log, g_free);

  /* a break in the repeated hour, inside quiet hours that end at 02:30:
   * they end at the second 02:30, not the first, which is already past */
  g_array_set_size (sim->config->routines, 0);
  sim->config->breaks = TRUE;
  start = utc_at (2024, 10, 27, 0, 15);   /* 02:15 CEST */
  limber_schedule_state_init (&sim->state, start);
  log = sim_run (sim, start, utc_at (2024, 10, 27, 2, 30));
  assert_log (log,
              "Sun 10-27 02:30+0100 break\n"
              "Sun 10-27 03:20+0100 break\n");
  g_clear_pointer (&log, g_free);

  /* breaks count real time across the change */
  g_array_set_size (sim->config->routines, 0);
  sim->config->quiet = FALSE;
  sim->config->breaks = TRUE;
  start = sim_at (sim, 2024, 3, 31, 1, 30);
  limber_schedule_state_init (&sim->state, start);
  log = sim_run (sim, start, start + 2 * HOUR);
  assert_log (log,
              "Sun 03-31 03:20+0200 break\n"
              "Sun 03-31 04:10+0200 break\n");
  g_clear_pointer (&log, g_free);
  start = utc_at (2024, 10, 27, 0, 0);   /* 02:00 CEST */
  limber_schedule_state_init (&sim->state, start);
  log = sim_run (sim, start, start + 2 * HOUR);
  assert_log (log,
              "Sun 10-27 02:50+0200 break\n"
              "Sun 10-27 02:40+0100 break\n");
}

static void
test_dst_new_york (void)
{
  g_autoptr(Sim) sim = sim_new ("America/New_York");
  g_autofree char *log = NULL;
  gint64 start;

  sim->offsets = TRUE;
  add_slot (sim, 2, 30, 0x7f, "morning-hamstrings");
  add_slot (sim, 1, 30, 0x7f, "desk-break");
  add_slot (sim, 9, 0, 0x7f, "evening-wind-down");
  sim->config->checkin = TRUE;
  sim->config->checkin_at = 2 * 3600 + 15 * 60;

  /* spring forward, Sunday 10 March 2024: 02:00 EST becomes 03:00 EDT;
   * the check-in at 02:15 and the routine at 02:30 meet at 03:00 */
  start = sim_at (sim, 2024, 3, 9, 0, 0);
  limber_schedule_state_init (&sim->state, start);
  log = sim_run (sim, start, sim_at (sim, 2024, 3, 11, 0, 0));
  assert_log (log,
              "Sat 03-09 01:30-0500 routine 1\n"
              "Sat 03-09 02:15-0500 checkin\n"
              "Sat 03-09 02:30-0500 routine 0\n"
              "Sat 03-09 09:00-0500 routine 2\n"
              "Sun 03-10 01:30-0500 routine 1\n"
              "Sun 03-10 03:00-0400 routine 0 catch-up\n"
              "Sun 03-10 09:00-0400 routine 2\n");
  g_clear_pointer (&log, g_free);
  g_assert_cmpint (sim_at (sim, 2024, 3, 10, 9, 0) - sim_at (sim, 2024, 3, 9, 9, 0), ==, 23 * HOUR);

  /* fall back, Sunday 3 November 2024: 02:00 EDT becomes 01:00 EST;
   * 01:30 comes once, at 01:30 EDT */
  start = sim_at (sim, 2024, 11, 2, 12, 0);
  limber_schedule_state_init (&sim->state, start);
  log = sim_run (sim, start, sim_at (sim, 2024, 11, 4, 0, 0));
  assert_log (log,
              "Sun 11-03 01:30-0400 routine 1\n"
              "Sun 11-03 02:15-0500 checkin\n"
              "Sun 11-03 02:30-0500 routine 0\n"
              "Sun 11-03 09:00-0500 routine 2\n");
  g_clear_pointer (&log, g_free);
  g_assert_cmpint (sim_at (sim, 2024, 11, 3, 9, 0) - sim_at (sim, 2024, 11, 2, 9, 0), ==, 25 * HOUR);
  limber_schedule_state_init (&sim->state, sim_at (sim, 2024, 11, 2, 12, 0));
  g_assert_cmpint (sim_next (sim, sim_at (sim, 2024, 11, 2, 12, 0), NULL), ==, utc_at (2024, 11, 3, 5, 30));
}

/* Catch-up */

static void
test_catch_up_suspend (void)
{
  g_autoptr(Sim) sim = sim_new ("Europe/Berlin");
  gint64 monday = sim_at (sim, 2024, 1, 8, 12, 0);
  gint64 thursday = sim_at (sim, 2024, 1, 11, 10, 0);
  g_autofree char *log = NULL;
  LimberDue next;
  LimberDue due;

  add_slot (sim, 18, 30, 0x7f, "evening-wind-down");
  sim->config->checkin = TRUE;
  sim->config->breaks = TRUE;
  sim->config->quiet = TRUE;
  limber_schedule_state_init (&sim->state, monday);
  log = sim_run (sim, monday, monday + 3 * HOUR);
  assert_log (log,
              "Mon 01-08 12:50 break\n"
              "Mon 01-08 13:40 break\n"
              "Mon 01-08 14:30 break\n");
  g_clear_pointer (&log, g_free);

  /* asleep from Monday 15:00 to Thursday 10:00: the service notes the
   * break, and exactly one reminder, the latest missed, comes */
  limber_schedule_note_break (&sim->state, thursday);
  g_assert_cmpint (sim_next (sim, thursday, &next), ==, thursday);
  g_assert_cmpint (next.kind, ==, LIMBER_REMINDER_CHECKIN);
  g_assert_true (sim_take (sim, thursday, &due));
  g_assert_cmpint (due.kind, ==, LIMBER_REMINDER_CHECKIN);
  g_assert_cmpint (due.due, ==, sim_at (sim, 2024, 1, 10, 20, 0));
  g_assert_true (due.catch_up);
  g_assert_false (sim_take (sim, thursday, &due));

  /* then the day goes on as usual; the check-in and a break meet at 20:00 */
  log = sim_run (sim, thursday, sim_at (sim, 2024, 1, 12, 0, 0));
  assert_log (log,
              "Thu 01-11 10:50 break\n"
              "Thu 01-11 11:40 break\n"
              "Thu 01-11 12:30 break\n"
              "Thu 01-11 13:20 break\n"
              "Thu 01-11 14:10 break\n"
              "Thu 01-11 15:00 break\n"
              "Thu 01-11 15:50 break\n"
              "Thu 01-11 16:40 break\n"
              "Thu 01-11 17:30 break\n"
              "Thu 01-11 18:20 break\n"
              "Thu 01-11 18:30 routine 0\n"
              "Thu 01-11 19:10 break\n"
              "Thu 01-11 20:00 checkin\n"
              "Thu 01-11 20:00 break\n"
              "Thu 01-11 20:50 break\n"
              "Thu 01-11 21:40 break\n");
  g_clear_pointer (&log, g_free);

  /* waking inside quiet hours: the catch-up waits for the morning */
  limber_schedule_state_init (&sim->state, monday);
  limber_schedule_note_break (&sim->state, sim_at (sim, 2024, 1, 10, 23, 0));
  log = sim_run (sim, sim_at (sim, 2024, 1, 10, 23, 0), sim_at (sim, 2024, 1, 11, 7, 30));
  assert_log (log,
              "Thu 01-11 07:00 checkin catch-up (due Wed 01-10 20:00)\n"
              "Thu 01-11 07:00 break\n");
  g_clear_pointer (&log, g_free);

  /* one missed reminder is late, not a catch-up */
  sim->config->breaks = FALSE;
  limber_schedule_state_init (&sim->state, monday);
  log = sim_run (sim, monday, monday + 6 * HOUR);
  g_assert_cmpstr (log, ==, "");
  g_assert_true (sim_take (sim, monday + 7 * HOUR, &due));
  g_assert_cmpint (due.kind, ==, LIMBER_REMINDER_ROUTINE);
  g_assert_cmpint (due.due, ==, sim_at (sim, 2024, 1, 8, 18, 30));
  g_assert_false (due.catch_up);
  g_assert_false (sim_take (sim, monday + 7 * HOUR, &due));

  /* a state that is very old still yields one */
  limber_schedule_state_init (&sim->state, 0);
  g_assert_true (sim_take (sim, thursday, &due));
  g_assert_cmpint (due.kind, ==, LIMBER_REMINDER_CHECKIN);
  g_assert_true (due.catch_up);
  g_assert_false (sim_take (sim, thursday, &due));
}

/* Pause and resume */

static void
test_pause (void)
{
  g_autoptr(Sim) sim = sim_new ("Europe/Berlin");
  gint64 nine = sim_at (sim, 2024, 1, 8, 9, 0);
  gint64 six = sim_at (sim, 2024, 1, 8, 18, 0);
  gint64 five = sim_at (sim, 2024, 1, 8, 17, 0);
  gint64 midnight = sim_at (sim, 2024, 1, 9, 0, 0);
  g_autofree char *log = NULL;
  LimberDue due;

  /* 30 minutes over the 9:50 break: skipped, the rhythm goes on */
  sim->config->breaks = TRUE;
  limber_schedule_state_init (&sim->state, nine);
  limber_schedule_pause (&sim->state, nine + 70 * MINUTE);
  g_assert_false (sim_take (sim, nine + 50 * MINUTE, &due));
  g_assert_cmpint (sim_next (sim, nine + 40 * MINUTE, NULL), ==, nine + 100 * MINUTE);
  log = sim_run (sim, nine + 40 * MINUTE, nine + 3 * HOUR);
  assert_log (log,
              "Mon 01-08 10:40 break\n"
              "Mon 01-08 11:30 break\n");
  g_clear_pointer (&log, g_free);

  /* an hour over the routine at 18:30: dropped */
  sim->config->breaks = FALSE;
  add_slot (sim, 18, 30, 0x7f, "evening-wind-down");
  sim->config->checkin = TRUE;
  limber_schedule_state_init (&sim->state, six);
  limber_schedule_pause (&sim->state, six + HOUR);
  g_assert_cmpint (sim_next (sim, six, NULL), ==, sim_at (sim, 2024, 1, 8, 20, 0));
  log = sim_run (sim, six, midnight);
  assert_log (log, "Mon 01-08 20:00 checkin\n");
  g_clear_pointer (&log, g_free);

  /* a reminder due right at the end of the pause comes */
  limber_schedule_state_init (&sim->state, six);
  limber_schedule_pause (&sim->state, sim_at (sim, 2024, 1, 8, 18, 30));
  log = sim_run (sim, six, midnight);
  assert_log (log,
              "Mon 01-08 18:30 routine 0\n"
              "Mon 01-08 20:00 checkin\n");
  g_clear_pointer (&log, g_free);

  /* until tomorrow, 00:00 local: the evening is quiet, and so is the
   * night's quiet hours; the routine moved by quiet hours is dropped too */
  sim->config->breaks = TRUE;
  sim->config->quiet = TRUE;
  add_slot (sim, 23, 0, 0x7f, "desk-break");
  limber_schedule_state_init (&sim->state, five);
  limber_schedule_pause (&sim->state, midnight);
  g_assert_cmpint (sim_next (sim, five, NULL), ==, sim_at (sim, 2024, 1, 9, 7, 0));
  log = sim_run (sim, five, sim_at (sim, 2024, 1, 9, 10, 0));
  assert_log (log,
              "Tue 01-09 07:00 break\n"
              "Tue 01-09 07:50 break\n"
              "Tue 01-09 08:40 break\n"
              "Tue 01-09 09:30 break\n");
  g_clear_pointer (&log, g_free);

  /* a snooze that ends inside a pause is dropped */
  sim->config->breaks = FALSE;
  limber_schedule_state_init (&sim->state, six);
  g_assert_true (sim_take (sim, sim_at (sim, 2024, 1, 8, 18, 30), &due));
  limber_schedule_snooze (&sim->state, &due, sim_at (sim, 2024, 1, 8, 18, 40));
  limber_schedule_pause (&sim->state, sim_at (sim, 2024, 1, 8, 19, 0));
  log = sim_run (sim, sim_at (sim, 2024, 1, 8, 18, 30), midnight);
  assert_log (log, "Mon 01-08 20:00 checkin\n");
}

static void
test_resume (void)
{
  g_autoptr(Sim) sim = sim_new ("Europe/Berlin");
  gint64 nine = sim_at (sim, 2024, 1, 8, 9, 0);
  gint64 six = sim_at (sim, 2024, 1, 8, 18, 0);
  gint64 midnight = sim_at (sim, 2024, 1, 9, 0, 0);
  g_autofree char *log = NULL;
  LimberDue due;

  add_slot (sim, 18, 30, 0x7f, "evening-wind-down");
  sim->config->checkin = TRUE;

  /* resumed at 18:40: the routine at 18:30 stays dropped */
  limber_schedule_state_init (&sim->state, six);
  limber_schedule_pause (&sim->state, six + HOUR);
  limber_schedule_resume (&sim->state);
  g_assert_cmpint (sim->state.paused_until, ==, 0);
  g_assert_true (sim->state.resumed);
  g_assert_cmpint (sim_next (sim, six + 40 * MINUTE, NULL), ==, six + 40 * MINUTE);
  g_assert_false (sim_take (sim, six + 40 * MINUTE, &due));
  g_assert_false (sim->state.resumed);
  g_assert_cmpint (sim_next (sim, six + 40 * MINUTE, NULL), ==, sim_at (sim, 2024, 1, 8, 20, 0));

  /* resumed at 18:10: the routine at 18:30 comes */
  limber_schedule_state_init (&sim->state, six);
  limber_schedule_pause (&sim->state, six + HOUR);
  log = sim_run (sim, six, six + 10 * MINUTE);
  limber_schedule_resume (&sim->state);
  log = (g_free (log), sim_run (sim, six + 10 * MINUTE, midnight));
  assert_log (log,
              "Mon 01-08 18:30 routine 0\n"
              "Mon 01-08 20:00 checkin\n");
  g_clear_pointer (&log, g_free);

  /* resuming when not paused changes nothing */
  limber_schedule_state_init (&sim->state, six);
  limber_schedule_resume (&sim->state);
  g_assert_false (sim->state.resumed);
  g_assert_cmpint (sim_next (sim, six, NULL), ==, six + 30 * MINUTE);

  /* breaks: the one in the pause stays skipped, the rhythm goes on */
  g_array_set_size (sim->config->routines, 0);
  sim->config->checkin = FALSE;
  sim->config->breaks = TRUE;
  limber_schedule_state_init (&sim->state, nine);
  limber_schedule_pause (&sim->state, nine + 2 * HOUR);
  log = sim_run (sim, nine + 40 * MINUTE, nine + 60 * MINUTE);
  g_assert_cmpstr (log, ==, "");
  limber_schedule_resume (&sim->state);
  log = (g_free (log), sim_run (sim, nine + 60 * MINUTE, nine + 3 * HOUR));
  assert_log (log,
              "Mon 01-08 10:40 break\n"
              "Mon 01-08 11:30 break\n");
}

/* Snooze */

static void
test_snooze_break (void)
{
  g_autoptr(Sim) sim = sim_new ("Europe/Berlin");
  gint64 nine = sim_at (sim, 2024, 1, 8, 9, 0);
  g_autofree char *log = NULL;
  LimberDue next;
  LimberDue due;

  sim->config->breaks = TRUE;
  limber_schedule_state_init (&sim->state, nine);
  g_assert_true (sim_take (sim, nine + 50 * MINUTE, &due));
  limber_schedule_snooze (&sim->state, &due, nine + 60 * MINUTE);
  g_assert_cmpint (sim_next (sim, nine + 50 * MINUTE, &next), ==, nine + 60 * MINUTE);
  g_assert_cmpint (next.kind, ==, LIMBER_REMINDER_BREAK);
  g_assert_false (next.catch_up);

  /* the snoozed break is the next break: none at 10:40 */
  log = sim_run (sim, nine + 50 * MINUTE, nine + 3 * HOUR);
  assert_log (log,
              "Mon 01-08 10:00 break\n"
              "Mon 01-08 10:50 break\n"
              "Mon 01-08 11:40 break\n");
  g_clear_pointer (&log, g_free);

  /* a real break during the snooze cancels it */
  limber_schedule_state_init (&sim->state, nine);
  g_assert_true (sim_take (sim, nine + 50 * MINUTE, &due));
  limber_schedule_snooze (&sim->state, &due, nine + 60 * MINUTE);
  limber_schedule_note_break (&sim->state, nine + 55 * MINUTE);
  log = sim_run (sim, nine + 55 * MINUTE, nine + 2 * HOUR);
  assert_log (log, "Mon 01-08 10:45 break\n");
  g_clear_pointer (&log, g_free);

  /* a routine snoozed meanwhile keeps the snoozed break where it was */
  add_slot (sim, 10, 5, 0x7f, "desk-break");
  limber_schedule_state_init (&sim->state, nine);
  g_assert_true (sim_take (sim, nine + 50 * MINUTE, &due));
  limber_schedule_snooze (&sim->state, &due, nine + 70 * MINUTE);
  g_assert_true (sim_take (sim, nine + 65 * MINUTE, &due));
  g_assert_cmpint (due.kind, ==, LIMBER_REMINDER_ROUTINE);
  limber_schedule_snooze (&sim->state, &due, nine + 75 * MINUTE);
  log = sim_run (sim, nine + 65 * MINUTE, nine + 2 * HOUR + MINUTE);
  assert_log (log,
              "Mon 01-08 10:10 break\n"
              "Mon 01-08 10:15 routine 0\n"
              "Mon 01-08 11:00 break\n");
}

static void
test_snooze_clock (void)
{
  g_autoptr(Sim) sim = sim_new ("America/New_York");
  gint64 six = sim_at (sim, 2024, 1, 8, 18, 30);
  gint64 eight = sim_at (sim, 2024, 1, 8, 20, 0);
  gint64 tuesday = sim_at (sim, 2024, 1, 9, 12, 0);
  g_autofree char *log = NULL;
  LimberDue next;
  LimberDue due;

  add_slot (sim, 7, 0, 0x7f, "morning-hamstrings");
  add_slot (sim, 18, 30, 0x7f, "evening-wind-down");
  sim->config->checkin = TRUE;
  sim->config->quiet = TRUE;

  /* a routine, ten minutes later, as itself */
  limber_schedule_state_init (&sim->state, six - HOUR);
  g_assert_true (sim_take (sim, six, &due));
  g_assert_cmpint (due.slot, ==, 1);
  limber_schedule_snooze (&sim->state, &due, six + 10 * MINUTE);
  g_assert_cmpint (sim_next (sim, six, &next), ==, six + 10 * MINUTE);
  g_assert_cmpint (next.kind, ==, LIMBER_REMINDER_ROUTINE);
  g_assert_cmpint (next.slot, ==, 1);
  g_assert_false (next.catch_up);
  log = sim_run (sim, six, tuesday);
  assert_log (log,
              "Mon 01-08 18:40 routine 1\n"
              "Mon 01-08 20:00 checkin\n"
              "Tue 01-09 07:00 routine 0\n");
  g_clear_pointer (&log, g_free);

  /* the check-in, ten minutes later */
  limber_schedule_state_init (&sim->state, eight - HOUR);
  g_assert_true (sim_take (sim, eight, &due));
  g_assert_cmpint (due.kind, ==, LIMBER_REMINDER_CHECKIN);
  limber_schedule_snooze (&sim->state, &due, eight + 10 * MINUTE);
  log = sim_run (sim, eight, tuesday);
  assert_log (log,
              "Mon 01-08 20:10 checkin\n"
              "Tue 01-09 07:00 routine 0\n");
  g_clear_pointer (&log, g_free);

  /* ... unless the check-in was logged meanwhile */
  limber_schedule_state_init (&sim->state, eight - HOUR);
  g_assert_true (sim_take (sim, eight, &due));
  limber_schedule_snooze (&sim->state, &due, eight + 10 * MINUTE);
  sim->state.last_checkin = eight + 5 * MINUTE;
  log = sim_run (sim, eight + 5 * MINUTE, tuesday);
  assert_log (log, "Tue 01-09 07:00 routine 0\n");
  g_clear_pointer (&log, g_free);

  /* a snooze into quiet hours comes at their end */
  sim->config->checkin_at = 21 * 3600 + 55 * 60;
  limber_schedule_state_init (&sim->state, eight);
  g_assert_true (sim_take (sim, eight + 115 * MINUTE, &due));
  g_assert_cmpint (due.kind, ==, LIMBER_REMINDER_CHECKIN);
  limber_schedule_snooze (&sim->state, &due, eight + 125 * MINUTE);
  log = sim_run (sim, eight + 115 * MINUTE, tuesday);
  assert_log (log,
              "Tue 01-09 07:00 routine 0\n"
              "Tue 01-09 07:00 checkin\n");
  g_clear_pointer (&log, g_free);

  /* snoozed ahead, before it came: only at the snooze's end */
  sim->config->checkin_at = 20 * 3600;
  limber_schedule_state_init (&sim->state, six - HOUR);
  g_assert_cmpint (sim_next (sim, six - HOUR, &next), ==, six);
  limber_schedule_snooze (&sim->state, &next, six + 10 * MINUTE);
  log = sim_run (sim, six - HOUR, tuesday);
  assert_log (log,
              "Mon 01-08 18:40 routine 1\n"
              "Mon 01-08 20:00 checkin\n"
              "Tue 01-09 07:00 routine 0\n");
  g_clear_pointer (&log, g_free);

  /* a snoozed routine whose slot went away is forgotten */
  limber_schedule_state_init (&sim->state, six - HOUR);
  g_assert_true (sim_take (sim, six, &due));
  limber_schedule_snooze (&sim->state, &due, six + 10 * MINUTE);
  g_array_set_size (sim->config->routines, 1);
  sim->config->checkin = FALSE;
  log = sim_run (sim, six, tuesday);
  assert_log (log, "Tue 01-09 07:00 routine 0\n");
}

static void
test_routine_stands_for_break (void)
{
  g_autoptr(Sim) sim = sim_new ("UTC");
  gint64 start = sim_at (sim, 2024, 1, 8, 9, 10);
  g_autofree char *log = NULL;

  add_slot (sim, 10, 0, 0x7f, "desk-break");
  sim->config->breaks = TRUE;
  limber_schedule_state_init (&sim->state, start);
  log = sim_run (sim, start, sim_at (sim, 2024, 1, 8, 11, 0));
  assert_log (log,
              "Mon 01-08 10:00 routine 0\n"
              "Mon 01-08 10:50 break\n");
}

/* The clock and the time zone change under the service */

static void
test_clock_set_back (void)
{
  g_autoptr(Sim) sim = sim_new ("Europe/Berlin");
  gint64 six = sim_at (sim, 2024, 1, 8, 18, 30);
  LimberDue next;
  LimberDue due;

  add_slot (sim, 18, 30, 0x7f, "evening-wind-down");
  sim->config->checkin = TRUE;
  limber_schedule_state_init (&sim->state, six - HOUR);
  g_assert_true (sim_take (sim, six, &due));

  /* set back half an hour: 18:30 is not due a second time */
  g_assert_false (sim_take (sim, six - 30 * MINUTE, &due));
  g_assert_cmpint (sim_next (sim, six - 30 * MINUTE, &next), ==, sim_at (sim, 2024, 1, 8, 20, 0));
  g_assert_cmpint (next.kind, ==, LIMBER_REMINDER_CHECKIN);
}

static void
test_time_zone_change (void)
{
  g_autoptr(Sim) sim = sim_new ("Europe/Berlin");
  g_autoptr(GTimeZone) new_york = g_time_zone_new_identifier ("America/New_York");
  gint64 noon = sim_at (sim, 2024, 1, 8, 12, 0);
  g_autofree char *log = NULL;

  add_slot (sim, 18, 30, 0x7f, "evening-wind-down");
  limber_schedule_state_init (&sim->state, noon);

  /* flown to New York by 08:00 there (14:00 in Berlin): 18:30 is local */
  g_time_zone_unref (sim->tz);
  sim->tz = g_time_zone_ref (new_york);
  log = sim_run (sim, noon + 2 * HOUR, noon + 2 * DAY);
  assert_log (log,
              "Mon 01-08 18:30 routine 0\n"
              "Tue 01-09 18:30 routine 0\n");
}

/* Properties, over random configurations and a simulated month */

typedef struct
{
  gint64 from;
  gint64 until;
} Span;

static gint64
next_local_midnight (Sim    *sim,
                     gint64  now)
{
  g_autoptr(GDateTime) dt = sim_moment (sim, now);
  g_autoptr(GDateTime) midnight = g_date_time_new (sim->tz,
                                                   g_date_time_get_year (dt),
                                                   g_date_time_get_month (dt),
                                                   g_date_time_get_day_of_month (dt), 0, 0, 0);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (midnight, 1);

  return g_date_time_to_unix (tomorrow) * G_USEC_PER_SEC;
}

static void
random_config (Sim   *sim,
               GRand *rand)
{
  LimberScheduleConfig *config = sim->config;
  guint n_slots = g_rand_int_range (rand, 0, 4);

  config->breaks = g_rand_boolean (rand);
  config->break_interval = g_rand_int_range (rand, 5, 241) * 60;
  config->idle_break = g_rand_int_range (rand, 1, 61) * 60;
  for (guint i = 0; i < n_slots; i++)
    {
      /* early hours often, to meet daylight-saving changes */
      guint8 hour = g_rand_boolean (rand) ? g_rand_int_range (rand, 0, 4) : g_rand_int_range (rand, 0, 24);

      add_slot (sim, hour, g_rand_int_range (rand, 0, 4) * 15, g_rand_int_range (rand, 0, 128), "desk-break");
    }
  config->checkin = g_rand_boolean (rand);
  config->checkin_at = g_rand_int_range (rand, 0, 24 * 4) * 15 * 60;
  config->quiet = g_rand_boolean (rand);
  config->quiet_start = g_rand_int_range (rand, 0, 24 * 4) * 15 * 60;
  config->quiet_end = g_rand_boolean (rand)
                      ? config->quiet_start
                      : (guint) g_rand_int_range (rand, 0, 24 * 4) * 15 * 60;
}

static void
run_property (Sim    *sim,
              GRand  *rand,
              gint64  start)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 end = start + 31 * DAY;
  gint64 now = start;
  gint64 next_event = start + g_rand_int_range (rand, 1, 600) * MINUTE;
  gint64 last_wake = G_MININT64;
  Span pause = { 0, 0 };
  gboolean event_since_wake = FALSE;
  guint n_wakeups = 0;
  guint n_events = 0;
  guint n_reminders = 0;

  limber_schedule_state_init (&sim->state, start);

  while (now < end)
    {
      gboolean resumed = sim->state.resumed;
      gint64 wake = sim_next (sim, now, NULL);
      guint n = 0;
      guint n_clock = 0;
      LimberDue due;
      LimberDue shown = { 0, };

      g_assert_cmpint (wake, >=, now);

      if (wake > next_event)
        {
          /* something the person or the computer does */
          now = next_event;
          n_events++;
          event_since_wake = TRUE;
          switch (g_rand_int_range (rand, 0, 6))
            {
            case 0:
              limber_schedule_note_break (&sim->state, now);
              break;

            case 1:  /* asleep */
              now += g_rand_int_range (rand, 1, 80 * 60) * MINUTE;
              limber_schedule_note_break (&sim->state, now);
              break;

            case 2:
              sim->state.last_checkin = now;
              break;

            case 3:
              pause.from = now;
              switch (g_rand_int_range (rand, 0, 3))
                {
                case 0: pause.until = now + 30 * MINUTE; break;
                case 1: pause.until = now + HOUR; break;
                default: pause.until = next_local_midnight (sim, now); break;
                }
              limber_schedule_pause (&sim->state, pause.until);
              break;

            case 4:
              limber_schedule_resume (&sim->state);
              pause.until = MIN (pause.until, now);
              break;

            default:
              break;
            }
          next_event = now + g_rand_int_range (rand, 1, 600) * MINUTE;
          continue;
        }

      /* wake-ups strictly increase, unless an event came in between */
      g_assert_cmpint (wake, >=, last_wake);
      if (!event_since_wake)
        g_assert_cmpint (wake, >, last_wake);
      event_since_wake = FALSE;
      now = last_wake = wake;
      n_wakeups++;

      for (;;)
        {
          g_autoptr(GDateTime) dt = sim_moment (sim, now);
          gint64 snoozed_until = sim->state.snoozed_until;
          LimberReminderKind snoozed_kind = sim->state.snoozed_kind;
          int snoozed_slot = sim->state.snoozed_slot;

          if (!limber_schedule_take_due (sim->config, &sim->state, dt, &due))
            break;

          n++;
          n_reminders++;
          shown = due;
          g_assert_cmpuint (n, <=, LIMBER_N_REMINDER_KINDS);
          g_assert_cmpint (due.due, <=, now);
          g_assert_false (limber_schedule_in_quiet_hours (sim->config, dt));
          g_assert_false (now >= pause.from && now < pause.until);

          if (due.kind == LIMBER_REMINDER_BREAK)
            {
              g_assert_false (due.catch_up);
              g_assert_true (sim->config->breaks);
            }
          else if (snoozed_until != 0 && sim->state.snoozed_until == 0
                   && due.kind == snoozed_kind && due.slot == snoozed_slot)
            {
              /* a snooze coming back */
              g_assert_false (due.catch_up);
            }
          else
            {
              g_autoptr(GDateTime) due_dt = sim_moment (sim, due.due);
              char *key = g_strdup_printf ("%d %d-%d", due.slot,
                                           g_date_time_get_year (due_dt),
                                           g_date_time_get_day_of_year (due_dt));

              /* no slot twice on a day, one clock reminder a wake-up */
              g_assert_false (g_hash_table_contains (seen, key));
              g_hash_table_add (seen, key);
              g_assert_cmpuint (++n_clock, <=, 1);
              if (due.kind == LIMBER_REMINDER_ROUTINE)
                g_assert_cmpint (due.slot, <, (int) sim->config->routines->len);
              else
                g_assert_true (sim->config->checkin);
            }
        }

      /* every wake-up is exact, except the one that settles a resume */
      if (!resumed)
        g_assert_cmpuint (n, >, 0);

      /* sometimes a reminder is snoozed */
      if (n > 0 && g_rand_int_range (rand, 0, 4) == 0)
        limber_schedule_snooze (&sim->state, &shown, now + 10 * MINUTE);

      /* no busy loop */
      g_assert_cmpint (sim_next (sim, now, NULL), >, now);
    }

  /* bounded: every wake-up delivers, or follows an event */
  g_assert_cmpuint (n_wakeups, <=, n_reminders + n_events);
  g_test_message ("%u wake-ups, %u reminders, %u events", n_wakeups, n_reminders, n_events);
}

static void
test_property (void)
{
  static const char *zones[] = { "Europe/Berlin", "America/New_York", "UTC" };
  static const int months[][3] = {
    { 2024, 3, 1 }, { 2024, 10, 15 }, { 2024, 1, 1 }, { 2024, 6, 1 }, { 2023, 10, 20 },
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240331);

  for (guint round = 0; round < 150; round++)
    {
      g_autoptr(Sim) sim = sim_new (zones[round % G_N_ELEMENTS (zones)]);
      const int *month = months[g_rand_int_range (rand, 0, G_N_ELEMENTS (months))];

      random_config (sim, rand);
      run_property (sim, rand, sim_at (sim, month[0], month[1], month[2], 0, 0)
                               + g_rand_int_range (rand, 0, 24 * 60) * MINUTE);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  for (guint i = 0; i < 2; i++)
    {
      const char *zone = (const char *[]) { "Europe/Berlin", "America/New_York" }[i];
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);
      g_autofree char *what = g_strdup_printf ("The time zone %s", zone);

      if (tz == NULL)
        limber_test_require_missing (what, "tzdata");
    }

  g_test_add_func ("/schedule/parse-time", test_parse_time);
  g_test_add_func ("/schedule/config/new", test_config_new);
  g_test_add_func ("/schedule/config/settings", test_config_settings);
  g_test_add_func ("/schedule/kind-names", test_kind_names);
  g_test_add_func ("/schedule/disabled", test_disabled);
  g_test_add_func ("/schedule/break/interval", test_break_interval);
  g_test_add_func ("/schedule/break/idle", test_break_idle);
  g_test_add_func ("/schedule/routine/weekdays", test_routine_weekdays);
  g_test_add_func ("/schedule/routine/week", test_routine_week);
  g_test_add_func ("/schedule/routine/same-minute", test_routine_same_minute);
  g_test_add_func ("/schedule/routine/stands-for-break", test_routine_stands_for_break);
  g_test_add_func ("/schedule/checkin", test_checkin);
  g_test_add_func ("/schedule/quiet-hours/predicate", test_quiet_hours_predicate);
  g_test_add_func ("/schedule/quiet-hours/normal", test_quiet_hours_normal);
  g_test_add_func ("/schedule/quiet-hours/wrapping", test_quiet_hours_wrapping);
  g_test_add_func ("/schedule/dst/berlin", test_dst_berlin);
  g_test_add_func ("/schedule/dst/new-york", test_dst_new_york);
  g_test_add_func ("/schedule/catch-up/suspend", test_catch_up_suspend);
  g_test_add_func ("/schedule/pause", test_pause);
  g_test_add_func ("/schedule/resume", test_resume);
  g_test_add_func ("/schedule/snooze/break", test_snooze_break);
  g_test_add_func ("/schedule/snooze/clock", test_snooze_clock);
  g_test_add_func ("/schedule/clock-set-back", test_clock_set_back);
  g_test_add_func ("/schedule/time-zone-change", test_time_zone_change);
  g_test_add_func ("/schedule/property", test_property);

  return g_test_run ();
}
