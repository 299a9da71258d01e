/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the Today page suggests when no program is followed: a planned
 * routine first, then the time of day, in a fixed time zone so that the
 * weekdays and hours are the ones written here. */
#include "limber-suggestion.h"
#include "test-require.h"

static GTimeZone *zone;

/* 7 December 2026 is a Monday. */
static GDateTime *
at (int day,
    int hour,
    int minute)
{
  return g_date_time_new (zone, 2026, 12, day, hour, minute, 0);
}

static LimberScheduleConfig *
config_with_run (guint8 hour,
                 guint8 minute,
                 guint8 weekdays)
{
  LimberScheduleConfig *config = limber_schedule_config_new ();
  LimberRoutineSlot slot = { hour, minute, weekdays, g_strdup ("pre-run-warm-up") };

  config->enabled = TRUE;
  g_array_append_val (config->routines, slot);
  return config;
}

static void
expect (const LimberScheduleConfig *config,
        GDateTime                  *now,
        const char                 *routine_id,
        LimberSuggestionReason      reason)
{
  LimberSuggestion suggestion;
  g_autofree char *when = g_date_time_format (now, "%a %H:%M");

  limber_suggest_routine (config, now, &suggestion);
  g_test_message ("%s → %s", when, suggestion.routine_id);
  g_assert_cmpstr (suggestion.routine_id, ==, routine_id);
  g_assert_cmpint (suggestion.reason, ==, reason);
  g_date_time_unref (now);
}

static void
test_time_of_day (void)
{
  expect (NULL, at (7, 4, 59), "evening-wind-down", LIMBER_SUGGESTION_NIGHT);
  expect (NULL, at (7, 5, 0), "morning-hamstrings", LIMBER_SUGGESTION_MORNING);
  expect (NULL, at (7, 10, 59), "morning-hamstrings", LIMBER_SUGGESTION_MORNING);
  expect (NULL, at (7, 11, 0), "desk-break", LIMBER_SUGGESTION_WORKDAY);
  expect (NULL, at (11, 16, 59), "desk-break", LIMBER_SUGGESTION_WORKDAY);         /* Friday */
  expect (NULL, at (12, 14, 0), "morning-hamstrings", LIMBER_SUGGESTION_DAYTIME);  /* Saturday */
  expect (NULL, at (13, 11, 0), "morning-hamstrings", LIMBER_SUGGESTION_DAYTIME);  /* Sunday */
  expect (NULL, at (7, 17, 0), "evening-wind-down", LIMBER_SUGGESTION_EVENING);
  expect (NULL, at (7, 21, 59), "evening-wind-down", LIMBER_SUGGESTION_EVENING);
  expect (NULL, at (7, 22, 0), "evening-wind-down", LIMBER_SUGGESTION_NIGHT);
}

/* A run planned at 07:00 on Mondays, Wednesdays and Fridays. */
static void
test_planned_run (void)
{
  LimberScheduleConfig *config = config_with_run (7, 0, 1 | 4 | 16);
  LimberSuggestion suggestion;
  g_autoptr(GDateTime) now = at (7, 5, 30);
  g_autoptr(GDateTime) due = at (7, 7, 0);

  /* two hours before, up to half an hour after */
  expect (config, at (7, 4, 59), "evening-wind-down", LIMBER_SUGGESTION_NIGHT);
  expect (config, at (7, 5, 0), "pre-run-warm-up", LIMBER_SUGGESTION_PLANNED);
  expect (config, at (7, 7, 30), "pre-run-warm-up", LIMBER_SUGGESTION_PLANNED);
  expect (config, at (7, 7, 31), "morning-hamstrings", LIMBER_SUGGESTION_MORNING);
  /* not on a Tuesday */
  expect (config, at (8, 6, 0), "morning-hamstrings", LIMBER_SUGGESTION_MORNING);
  expect (config, at (9, 6, 0), "pre-run-warm-up", LIMBER_SUGGESTION_PLANNED);

  limber_suggest_routine (config, now, &suggestion);
  g_assert_cmpint (suggestion.planned_at, ==, g_date_time_to_unix (due) * G_USEC_PER_SEC);

  /* reminders switched off plan nothing */
  config->enabled = FALSE;
  expect (config, at (7, 6, 0), "morning-hamstrings", LIMBER_SUGGESTION_MORNING);
  limber_schedule_config_free (config);
}

/* A plan just after midnight is seen from the evening before; of two
 * plans, the sooner wins. */
static void
test_soonest_and_midnight (void)
{
  LimberScheduleConfig *config = config_with_run (0, 30, 2);   /* Tuesdays 00:30 */
  LimberRoutineSlot cool = { 23, 50, 1, g_strdup ("post-run-cool-down") };  /* Mondays 23:50 */
  LimberSuggestion suggestion;
  g_autoptr(GDateTime) now = at (7, 23, 0);
  g_autoptr(GDateTime) tuesday = at (8, 0, 30);

  expect (config, at (7, 22, 45), "pre-run-warm-up", LIMBER_SUGGESTION_PLANNED);
  limber_suggest_routine (config, now, &suggestion);
  g_assert_cmpint (suggestion.planned_at, ==, g_date_time_to_unix (tuesday) * G_USEC_PER_SEC);

  g_array_append_val (config->routines, cool);
  expect (config, at (7, 23, 0), "post-run-cool-down", LIMBER_SUGGESTION_PLANNED);
  limber_schedule_config_free (config);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  zone = g_time_zone_new_identifier ("Europe/Berlin");
  if (zone == NULL)
    limber_test_require_missing ("The time zone Europe/Berlin", "tzdata");

  g_test_add_func ("/suggestion/time-of-day", test_time_of_day);
  g_test_add_func ("/suggestion/planned-run", test_planned_run);
  g_test_add_func ("/suggestion/soonest-and-midnight", test_soonest_and_midnight);
  return g_test_run ();
}
