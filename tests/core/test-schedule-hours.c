/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Working hours, in virtual time: breaks only inside them and outside
 * quiet hours, activity counted from the start of each stretch, routines
 * and the check-in at their own times. Each step checks the next-due time
 * the service would sleep until, not only what comes. */
#include "test-require.h"
#include "schedule-sim.h"

static void
hours_on (Sim        *sim,
          guint8      days,
          const char *spans)
{
  g_auto(GStrv) parts = g_strsplit (spans, " ", -1);

  sim->config->hours = TRUE;
  sim->config->work_days = days;
  g_array_set_size (sim->config->spans, 0);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_auto(GStrv) ends = g_strsplit (parts[i], "-", 2);
      LimberWorkSpan span;

      g_assert_true (limber_schedule_parse_time (ends[0], &span.start));
      g_assert_true (limber_schedule_parse_time (ends[1], &span.end));
      g_array_append_val (sim->config->spans, span);
    }
}

static void
breaks_every (Sim  *sim,
              guint minutes,
              gint64 active_since)
{
  sim->config->breaks = TRUE;
  sim->config->break_interval = minutes * 60;
  limber_schedule_state_init (&sim->state, active_since);
}

/* The next wake-up from @now and what is due then, as "Mon 01-08 09:50
 * break", or "never" */
static char *
next_due (Sim    *sim,
          gint64  now)
{
  LimberDue next;
  gint64 wake = sim_next (sim, now, &next);
  g_autofree char *when = NULL;

  if (wake == G_MAXINT64)
    return g_strdup ("never");
  g_assert_cmpint (next.due, <=, wake);
  when = sim_format (sim, wake);
  return g_strdup_printf ("%s %s", when, limber_reminder_kind_to_string (next.kind));
}

static void
assert_next (Sim        *sim,
             gint64      now,
             const char *expected)
{
  g_autofree char *got = next_due (sim, now);

  g_assert_cmpstr (got, ==, expected);
}

static void
test_config (void)
{
  g_autoptr(LimberScheduleConfig) fresh = limber_schedule_config_new ();
  g_autoptr(GSettings) settings = g_settings_new ("io.github.limber.Limber");
  g_autoptr(LimberScheduleConfig) config = limber_schedule_config_from_settings (settings);
  const LimberWorkSpan *span;

  /* off by default, Monday to Friday, 09:00–17:00 */
  for (guint i = 0; i < 2; i++)
    {
      LimberScheduleConfig *c = i == 0 ? fresh : config;

      g_assert_false (c->hours);
      g_assert_cmpuint (c->work_days, ==, 0x1f);
      g_assert_cmpuint (c->spans->len, ==, 1);
      span = &g_array_index (c->spans, LimberWorkSpan, 0);
      g_assert_cmpuint (span->start, ==, 9 * 3600);
      g_assert_cmpuint (span->end, ==, 17 * 3600);
    }

  /* malformed spans are left out with a message */
  g_settings_set_boolean (settings, "working-hours", TRUE);
  g_settings_set_value (settings, "working-days", g_variant_new_byte (0xff));
  g_settings_set_value (settings, "working-hours-spans",
                        g_variant_new_parsed ("[('25:00', '17:00'), ('09:00', '09:00'), ('8:30', '12:00'),"
                                              " ('13:00', 'five'), ('', ''), ('22:00', '06:00'), ('12:00', '12:60')]"));
  g_clear_pointer (&config, limber_schedule_config_free);
  g_test_expect_message ("limber-schedule", G_LOG_LEVEL_MESSAGE, "*(“25:00”, “17:00”)*");
  g_test_expect_message ("limber-schedule", G_LOG_LEVEL_MESSAGE, "*(“09:00”, “09:00”)*");
  g_test_expect_message ("limber-schedule", G_LOG_LEVEL_MESSAGE, "*(“13:00”, “five”)*");
  g_test_expect_message ("limber-schedule", G_LOG_LEVEL_MESSAGE, "*(“”, “”)*");
  g_test_expect_message ("limber-schedule", G_LOG_LEVEL_MESSAGE, "*(“12:00”, “12:60”)*");
  config = limber_schedule_config_from_settings (settings);
  g_test_assert_expected_messages ();
  g_assert_true (config->hours);
  g_assert_cmpuint (config->work_days, ==, 0x7f);
  g_assert_cmpuint (config->spans->len, ==, 2);
  span = &g_array_index (config->spans, LimberWorkSpan, 0);
  g_assert_cmpuint (span->start, ==, 8 * 3600 + 30 * 60);
  g_assert_cmpuint (span->end, ==, 12 * 3600);
  span = &g_array_index (config->spans, LimberWorkSpan, 1);
  g_assert_cmpuint (span->start, ==, 22 * 3600);
  g_assert_cmpuint (span->end, ==, 6 * 3600);

  /* none left, or none at all: the default span, never silence */
  g_settings_set_value (settings, "working-hours-spans", g_variant_new_parsed ("[('x', 'y')]"));
  g_clear_pointer (&config, limber_schedule_config_free);
  g_test_expect_message ("limber-schedule", G_LOG_LEVEL_MESSAGE, "*(“x”, “y”)*");
  g_test_expect_message ("limber-schedule", G_LOG_LEVEL_MESSAGE, "*working-hours-spans*default*");
  config = limber_schedule_config_from_settings (settings);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (config->spans->len, ==, 1);
  g_assert_cmpuint (g_array_index (config->spans, LimberWorkSpan, 0).start, ==, 9 * 3600);

  g_settings_set_value (settings, "working-hours-spans", g_variant_new_parsed ("@a(ss) []"));
  g_clear_pointer (&config, limber_schedule_config_free);
  g_test_expect_message ("limber-schedule", G_LOG_LEVEL_MESSAGE, "*working-hours-spans*default*");
  config = limber_schedule_config_from_settings (settings);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (config->spans->len, ==, 1);

  g_settings_reset (settings, "working-hours");
  g_settings_reset (settings, "working-days");
  g_settings_reset (settings, "working-hours-spans");
}

/* Off, working hours change nothing, whatever they hold */
static void
test_off (void)
{
  g_autoptr(Sim) sim = sim_new ("Europe/Berlin");
  gint64 start = sim_at (sim, 2024, 1, 12, 15, 0);  /* a Friday */
  g_autofree char *plain = NULL;
  g_autofree char *log = NULL;

  breaks_every (sim, 50, start);
  plain = sim_run (sim, start, start + 5 * HOUR);
  assert_log (plain,
              "Fri 01-12 15:50 break\n"
              "Fri 01-12 16:40 break\n"
              "Fri 01-12 17:30 break\n"
              "Fri 01-12 18:20 break\n"
              "Fri 01-12 19:10 break\n");

  hours_on (sim, 0, "10:00-11:00");
  sim->config->hours = FALSE;
  breaks_every (sim, 50, start);
  log = sim_run (sim, start, start + 5 * HOUR);
  assert_log (log, plain);
}

/* Monday to Friday, 09:00–17:00: Friday's last break is 16:30, the next
 * Monday 09:50; the routine and the check-in keep their own times */
static void
test_weekdays (void)
{
  g_autoptr(Sim) sim = sim_new ("Europe/Berlin");
  gint64 start = sim_at (sim, 2024, 1, 12, 8, 0);  /* a Friday */
  g_autofree char *log = NULL;

  hours_on (sim, 0x1f, "09:00-17:00");
  breaks_every (sim, 50, start);
  add_slot (sim, 18, 30, 0x7f, "evening-wind-down");
  sim->config->checkin = TRUE;
  sim->config->checkin_at = 20 * 3600;
  assert_next (sim, start, "Fri 01-12 09:50 break");

  log = sim_run (sim, start, sim_at (sim, 2024, 1, 15, 11, 0));
  assert_log (log,
              "Fri 01-12 09:50 break\n"
              "Fri 01-12 10:40 break\n"
              "Fri 01-12 11:30 break\n"
              "Fri 01-12 12:20 break\n"
              "Fri 01-12 13:10 break\n"
              "Fri 01-12 14:00 break\n"
              "Fri 01-12 14:50 break\n"
              "Fri 01-12 15:40 break\n"
              "Fri 01-12 16:30 break\n"
              "Fri 01-12 18:30 routine 0\n"
              "Fri 01-12 20:00 checkin\n"
              "Sat 01-13 18:30 routine 0\n"
              "Sat 01-13 20:00 checkin\n"
              "Sun 01-14 18:30 routine 0\n"
              "Sun 01-14 20:00 checkin\n"
              "Mon 01-15 09:50 break\n"
              "Mon 01-15 10:40 break\n");

  /* after Friday's last break, the weekend holds only the clock reminders */
  sim->config->checkin = FALSE;
  g_array_set_size (sim->config->routines, 0);
  limber_schedule_state_init (&sim->state, sim_at (sim, 2024, 1, 12, 16, 30));
  assert_next (sim, sim_at (sim, 2024, 1, 12, 16, 30), "Mon 01-15 09:50 break");
  assert_next (sim, sim_at (sim, 2024, 1, 13, 12, 0), "Mon 01-15 09:50 break");

  /* a weekend day only */
  hours_on (sim, 0x40, "09:00-17:00");
  assert_next (sim, sim_at (sim, 2024, 1, 12, 16, 30), "Sun 01-14 09:50 break");
}

/* A break due at 08:59 or 09:00 waits for 09:50, as activity counts from
 * the start; one due at 16:59 comes, one due at 17:00 does not */
static void
test_edges (void)
{
  static const struct
  {
    int         hour;
    int         minute;  /* activity since, with 50-minute breaks */
    const char *next;
  } cases[] = {
    { 8, 9, "Mon 01-08 09:50 break" },    /* due 08:59 */
    { 8, 10, "Mon 01-08 09:50 break" },   /* due 09:00 */
    { 8, 11, "Mon 01-08 09:50 break" },   /* due 09:01 */
    { 9, 0, "Mon 01-08 09:50 break" },
    { 16, 9, "Mon 01-08 16:59 break" },   /* due 16:59 */
    { 16, 10, "Tue 01-09 09:50 break" },  /* due 17:00 */
    { 17, 0, "Tue 01-09 09:50 break" },
    { 23, 59, "Tue 01-09 09:50 break" },
  };
  g_autoptr(Sim) sim = sim_new ("Europe/Berlin");

  hours_on (sim, 0x1f, "09:00-17:00");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 active = sim_at (sim, 2024, 1, 8, cases[i].hour, cases[i].minute);

      breaks_every (sim, 50, active);
      assert_next (sim, active, cases[i].next);
    }

  /* the predicate: [09:00, 17:00) on working days, always when off */
  {
    struct { int day, hour, minute; gboolean in; } moments[] = {
      { 8, 8, 59, FALSE }, { 8, 9, 0, TRUE }, { 8, 16, 59, TRUE }, { 8, 17, 0, FALSE },
      { 13, 12, 0, FALSE }, { 12, 12, 0, TRUE },
    };

    for (guint i = 0; i < G_N_ELEMENTS (moments); i++)
      {
        g_autoptr(GDateTime) when = sim_moment (sim, sim_at (sim, 2024, 1, moments[i].day,
                                                             moments[i].hour, moments[i].minute));

        sim->config->hours = TRUE;
        g_assert_cmpint (limber_schedule_in_working_hours (sim->config, when), ==, moments[i].in);
        sim->config->hours = FALSE;
        g_assert_true (limber_schedule_in_working_hours (sim->config, when));
      }
  }
}

/* Two spans with a lunch gap: the gap is a break; and spans that touch
 * make one stretch */
static void
test_lunch_gap (void)
{
  g_autoptr(Sim) sim = sim_new ("Europe/Berlin");
  gint64 start = sim_at (sim, 2024, 1, 8, 9, 0);
  g_autofree char *log = NULL;

  hours_on (sim, 0x1f, "13:00-17:00 09:00-12:00");
  breaks_every (sim, 50, start);
  log = sim_run (sim, start, sim_at (sim, 2024, 1, 8, 23, 0));
  assert_log (log,
              "Mon 01-08 09:50 break\n"
              "Mon 01-08 10:40 break\n"
              "Mon 01-08 11:30 break\n"
              "Mon 01-08 13:50 break\n"
              "Mon 01-08 14:40 break\n"
              "Mon 01-08 15:30 break\n"
              "Mon 01-08 16:20 break\n");
  limber_schedule_state_init (&sim->state, sim_at (sim, 2024, 1, 8, 11, 30));
  assert_next (sim, sim_at (sim, 2024, 1, 8, 11, 30), "Mon 01-08 13:50 break");
  /* a real break in the morning moves the rhythm, not the afternoon's start */
  limber_schedule_state_init (&sim->state, sim_at (sim, 2024, 1, 8, 10, 40));
  assert_next (sim, sim_at (sim, 2024, 1, 8, 11, 0), "Mon 01-08 11:30 break");
  limber_schedule_note_break (&sim->state, sim_at (sim, 2024, 1, 8, 11, 5));
  assert_next (sim, sim_at (sim, 2024, 1, 8, 11, 5), "Mon 01-08 11:55 break");
  limber_schedule_note_break (&sim->state, sim_at (sim, 2024, 1, 8, 11, 15));
  assert_next (sim, sim_at (sim, 2024, 1, 8, 11, 15), "Mon 01-08 13:50 break");

  g_clear_pointer (&log, g_free);
  hours_on (sim, 0x1f, "09:00-12:00 12:00-17:00");
  breaks_every (sim, 50, sim_at (sim, 2024, 1, 8, 10, 40));
  log = sim_run (sim, sim_at (sim, 2024, 1, 8, 10, 40), sim_at (sim, 2024, 1, 8, 13, 0));
  assert_log (log,
              "Mon 01-08 11:30 break\n"
              "Mon 01-08 12:20 break\n");
}

/* A night shift belongs to the day it starts: Friday's runs into Saturday
 * morning though Saturday is off */
static void
test_night_shift (void)
{
  g_autoptr(Sim) sim = sim_new ("Europe/Berlin");
  gint64 start = sim_at (sim, 2024, 1, 12, 20, 0);  /* a Friday */
  g_autofree char *log = NULL;

  hours_on (sim, 0x10, "22:00-06:00");
  breaks_every (sim, 50, start);
  assert_next (sim, start, "Fri 01-12 22:50 break");
  log = sim_run (sim, start, sim_at (sim, 2024, 1, 13, 12, 0));
  assert_log (log,
              "Fri 01-12 22:50 break\n"
              "Fri 01-12 23:40 break\n"
              "Sat 01-13 00:30 break\n"
              "Sat 01-13 01:20 break\n"
              "Sat 01-13 02:10 break\n"
              "Sat 01-13 03:00 break\n"
              "Sat 01-13 03:50 break\n"
              "Sat 01-13 04:40 break\n"
              "Sat 01-13 05:30 break\n");
  assert_next (sim, sim_at (sim, 2024, 1, 13, 12, 0), "Fri 01-19 22:50 break");

  /* Saturday's hours do not start Friday night's early */
  hours_on (sim, 0x20, "22:00-06:00");
  limber_schedule_state_init (&sim->state, sim_at (sim, 2024, 1, 12, 23, 0));
  assert_next (sim, sim_at (sim, 2024, 1, 12, 23, 0), "Sat 01-13 22:50 break");

  /* quiet hours over the whole shift leave no break at all */
  hours_on (sim, 0x10, "22:00-06:00");
  sim->config->quiet = TRUE;
  sim->config->quiet_start = 22 * 3600;
  sim->config->quiet_end = 7 * 3600;
  assert_next (sim, start, "never");
}

/* Across the night the clocks go forward, 02:00 → 03:00 (Berlin, 31 March
 * 2024): the shift is an hour shorter, and a span that starts in the gap
 * starts after it */
static void
test_dst_forward (void)
{
  g_autoptr(Sim) sim = sim_new ("Europe/Berlin");
  gint64 start = sim_at (sim, 2024, 3, 30, 20, 0);  /* a Saturday */
  g_autofree char *log = NULL;

  sim->offsets = TRUE;
  hours_on (sim, 0x20, "22:00-06:00");
  breaks_every (sim, 60, start);
  log = sim_run (sim, start, sim_at (sim, 2024, 3, 31, 12, 0));
  assert_log (log,
              "Sat 03-30 23:00+0100 break\n"
              "Sun 03-31 00:00+0100 break\n"
              "Sun 03-31 01:00+0100 break\n"
              "Sun 03-31 03:00+0200 break\n"
              "Sun 03-31 04:00+0200 break\n"
              "Sun 03-31 05:00+0200 break\n");
  assert_next (sim, sim_at (sim, 2024, 3, 31, 12, 0), "Sat 04-06 23:00+0200 break");

  g_clear_pointer (&log, g_free);
  hours_on (sim, 0x40, "02:30-05:00");
  breaks_every (sim, 30, start);
  assert_next (sim, start, "Sun 03-31 03:30+0200 break");
  log = sim_run (sim, start, sim_at (sim, 2024, 3, 31, 12, 0));
  assert_log (log,
              "Sun 03-31 03:30+0200 break\n"
              "Sun 03-31 04:00+0200 break\n"
              "Sun 03-31 04:30+0200 break\n");
}

/* Across the night the clocks go back, 03:00 → 02:00 (Berlin, 27 October
 * 2024): the shift is an hour longer, and a span that ends in the repeated
 * hour ends the second time its end is shown */
static void
test_dst_back (void)
{
  g_autoptr(Sim) sim = sim_new ("Europe/Berlin");
  gint64 start = sim_at (sim, 2024, 10, 26, 20, 0);  /* a Saturday */
  g_autofree char *log = NULL;

  sim->offsets = TRUE;
  hours_on (sim, 0x20, "22:00-06:00");
  breaks_every (sim, 60, start);
  log = sim_run (sim, start, sim_at (sim, 2024, 10, 27, 12, 0));
  assert_log (log,
              "Sat 10-26 23:00+0200 break\n"
              "Sun 10-27 00:00+0200 break\n"
              "Sun 10-27 01:00+0200 break\n"
              "Sun 10-27 02:00+0200 break\n"
              "Sun 10-27 02:00+0100 break\n"
              "Sun 10-27 03:00+0100 break\n"
              "Sun 10-27 04:00+0100 break\n"
              "Sun 10-27 05:00+0100 break\n");

  g_clear_pointer (&log, g_free);
  hours_on (sim, 0x20, "22:00-02:30");
  breaks_every (sim, 60, start);
  log = sim_run (sim, start, sim_at (sim, 2024, 10, 27, 12, 0));
  assert_log (log,
              "Sat 10-26 23:00+0200 break\n"
              "Sun 10-27 00:00+0200 break\n"
              "Sun 10-27 01:00+0200 break\n"
              "Sun 10-27 02:00+0200 break\n"
              "Sun 10-27 02:00+0100 break\n");
  assert_next (sim, utc_at (2024, 10, 27, 1, 0), "Sat 11-02 23:00+0100 break");
}

/* Quiet hours inside working hours hold a break to their end; quiet hours
 * that reach past the end of the day drop it */
static void
test_quiet_inside (void)
{
  g_autoptr(Sim) sim = sim_new ("Europe/Berlin");
  gint64 start = sim_at (sim, 2024, 1, 8, 9, 0);
  g_autofree char *log = NULL;

  hours_on (sim, 0x1f, "09:00-17:00");
  sim->config->quiet = TRUE;
  sim->config->quiet_start = 12 * 3600;
  sim->config->quiet_end = 13 * 3600;
  breaks_every (sim, 50, start);
  log = sim_run (sim, start, sim_at (sim, 2024, 1, 8, 23, 0));
  assert_log (log,
              "Mon 01-08 09:50 break\n"
              "Mon 01-08 10:40 break\n"
              "Mon 01-08 11:30 break\n"
              "Mon 01-08 13:00 break\n"
              "Mon 01-08 13:50 break\n"
              "Mon 01-08 14:40 break\n"
              "Mon 01-08 15:30 break\n"
              "Mon 01-08 16:20 break\n");

  g_clear_pointer (&log, g_free);
  sim->config->quiet_start = 16 * 3600 + 30 * 60;
  sim->config->quiet_end = 7 * 3600;
  breaks_every (sim, 50, sim_at (sim, 2024, 1, 8, 14, 50));
  log = sim_run (sim, sim_at (sim, 2024, 1, 8, 14, 50), sim_at (sim, 2024, 1, 9, 10, 0));
  assert_log (log,
              "Mon 01-08 15:40 break\n"
              "Tue 01-09 09:50 break\n");
  limber_schedule_state_init (&sim->state, sim_at (sim, 2024, 1, 8, 15, 40));
  assert_next (sim, sim_at (sim, 2024, 1, 8, 15, 40), "Tue 01-09 09:50 break");
}

/* No working day, or a span that cannot hold a break: no breaks, while
 * the check-in comes as ever */
static void
test_empty (void)
{
  g_autoptr(Sim) sim = sim_new ("Europe/Berlin");
  gint64 start = sim_at (sim, 2024, 1, 8, 9, 0);

  hours_on (sim, 0, "09:00-17:00");
  breaks_every (sim, 50, start);
  assert_next (sim, start, "never");
  sim->config->checkin = TRUE;
  sim->config->checkin_at = 20 * 3600;
  assert_next (sim, start, "Mon 01-08 20:00 checkin");

  sim->config->checkin = FALSE;
  hours_on (sim, 0x7f, "09:00-09:30");
  assert_next (sim, start, "never");

  /* spans no reader would let through are ignored */
  hours_on (sim, 0x1f, "09:00-17:00");
  g_array_append_val (sim->config->spans, ((LimberWorkSpan) { 25 * 3600, 3600 }));
  g_array_append_val (sim->config->spans, ((LimberWorkSpan) { 3600, 3600 }));
  assert_next (sim, start, "Mon 01-08 09:50 break");
  g_array_remove_index (sim->config->spans, 0);
  assert_next (sim, start, "never");
}

/* Activity counted since long ago: stretches already over count for
 * nothing, so the overdue break comes now only inside working hours */
static void
test_long_ago (void)
{
  g_autoptr(Sim) sim = sim_new ("Europe/Berlin");

  hours_on (sim, 0x1f, "09:00-17:00");
  breaks_every (sim, 50, sim_at (sim, 2024, 1, 5, 10, 0));
  assert_next (sim, sim_at (sim, 2024, 1, 8, 23, 0), "Tue 01-09 09:50 break");
  assert_next (sim, sim_at (sim, 2024, 1, 8, 8, 0), "Mon 01-08 09:50 break");
  assert_next (sim, sim_at (sim, 2024, 1, 8, 14, 0), "Mon 01-08 14:00 break");
  assert_next (sim, sim_at (sim, 2024, 1, 8, 16, 59), "Mon 01-08 16:59 break");
  assert_next (sim, sim_at (sim, 2024, 1, 8, 17, 0), "Tue 01-09 09:50 break");

  /* months ago, and a snooze from then, change nothing */
  breaks_every (sim, 50, sim_at (sim, 2023, 10, 2, 10, 0));
  sim->state.break_snoozed_until = sim_at (sim, 2023, 10, 2, 10, 0);
  assert_next (sim, sim_at (sim, 2024, 1, 8, 23, 0), "Tue 01-09 09:50 break");
  assert_next (sim, sim_at (sim, 2024, 1, 9, 10, 0), "Tue 01-09 10:00 break");
}

/* A snoozed break that would come back after work is dropped; a pause
 * keeps the rhythm */
static void
test_snooze_pause (void)
{
  g_autoptr(Sim) sim = sim_new ("Europe/Berlin");
  gint64 now = sim_at (sim, 2024, 1, 8, 16, 50);
  LimberDue due = { LIMBER_REMINDER_BREAK, now, -1, FALSE };

  hours_on (sim, 0x1f, "09:00-17:00");
  breaks_every (sim, 50, sim_at (sim, 2024, 1, 8, 16, 0));
  limber_schedule_snooze (&sim->state, &due, now + 5 * MINUTE);
  assert_next (sim, now, "Mon 01-08 16:55 break");
  limber_schedule_snooze (&sim->state, &due, now + 15 * MINUTE);
  assert_next (sim, now, "Tue 01-09 09:50 break");

  breaks_every (sim, 50, sim_at (sim, 2024, 1, 8, 9, 0));
  limber_schedule_pause (&sim->state, sim_at (sim, 2024, 1, 8, 11, 0));
  assert_next (sim, sim_at (sim, 2024, 1, 8, 9, 0), "Mon 01-08 11:30 break");
  limber_schedule_pause (&sim->state, sim_at (sim, 2024, 1, 9, 11, 0));
  assert_next (sim, sim_at (sim, 2024, 1, 8, 9, 0), "Tue 01-09 11:30 break");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GTimeZone) tz = NULL;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  tz = g_time_zone_new_identifier ("Europe/Berlin");
  if (tz == NULL)
    limber_test_require_missing ("The time zone Europe/Berlin", "tzdata");

  g_test_add_func ("/schedule-hours/config", test_config);
  g_test_add_func ("/schedule-hours/off", test_off);
  g_test_add_func ("/schedule-hours/weekdays", test_weekdays);
  g_test_add_func ("/schedule-hours/edges", test_edges);
  g_test_add_func ("/schedule-hours/lunch-gap", test_lunch_gap);
  g_test_add_func ("/schedule-hours/night-shift", test_night_shift);
  g_test_add_func ("/schedule-hours/dst-forward", test_dst_forward);
  g_test_add_func ("/schedule-hours/dst-back", test_dst_back);
  g_test_add_func ("/schedule-hours/quiet-inside", test_quiet_inside);
  g_test_add_func ("/schedule-hours/empty", test_empty);
  g_test_add_func ("/schedule-hours/snooze-pause", test_snooze_pause);
  g_test_add_func ("/schedule-hours/long-ago", test_long_ago);

  return g_test_run ();
}
