/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Streaks, minutes per week, daily series and insights, on fixed data with
 * answers worked out by hand, in Europe/Berlin (DST changes on 31 March
 * 2024 at 02:00 and 27 October 2024 at 03:00) unless said otherwise. */
#include <math.h>

#include "limber-journal-stats.h"

static GTimeZone *berlin;
static GTimeZone *utc_tz;

/* Helpers */

static GDateTime *
at (GTimeZone *tz,
    int        year,
    int        month,
    int        day,
    int        hour,
    int        minute)
{
  GDateTime *dt = g_date_time_new (tz, year, month, day, hour, minute, 0);

  g_assert_nonnull (dt);
  return dt;
}

/* @offset days after year-month-day, at hour:minute local */
static GDateTime *
at_offset (GTimeZone *tz,
           int        year,
           int        month,
           int        day,
           int        offset,
           int        hour,
           int        minute)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  g_date_add_days (&date, offset);
  return at (tz, g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
             hour, minute);
}

static GPtrArray *
new_sessions (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) limber_session_info_free);
}

static GPtrArray *
new_checkins (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) limber_checkin_free);
}

static LimberSessionInfo *
add_session (GPtrArray     *sessions,
             GDateTime     *started_at,     /* taken */
             const char    *routine_id,
             LimberOutcome  outcome,
             guint          active_ms,
             int            rating)
{
  LimberSessionInfo *s = g_new0 (LimberSessionInfo, 1);

  s->id = sessions->len + 1;
  s->routine_id = g_strdup (routine_id);
  s->routine_name = g_strdup_printf ("Routine %s", routine_id);
  s->started_at = started_at;
  s->ended_at = g_date_time_add (started_at, (GTimeSpan) active_ms * 1000);
  s->planned_ms = active_ms;
  s->active_ms = active_ms;
  s->outcome = outcome;
  s->rating = rating;
  g_ptr_array_add (sessions, s);
  return s;
}

static void
done (GPtrArray *sessions,
      GDateTime *started_at)
{
  add_session (sessions, started_at, "morning-hamstrings", LIMBER_OUTCOME_COMPLETED, 300000, -1);
}

static LimberCheckin *
add_checkin (GPtrArray *checkins,
             GDateTime *time,       /* taken */
             int        pain,
             int        stiffness)
{
  LimberCheckin *c = limber_checkin_new ();

  g_date_time_unref (c->time);
  c->time = time;
  c->pain = pain;
  c->stiffness = stiffness;
  c->id = checkins->len + 1;
  g_ptr_array_add (checkins, c);
  return c;
}

static void
assert_date (const GDate *date,
             int          year,
             int          month,
             int          day)
{
  g_assert_cmpint (g_date_get_year (date), ==, year);
  g_assert_cmpint (g_date_get_month (date), ==, month);
  g_assert_cmpint (g_date_get_day (date), ==, day);
}

static void
assert_streaks (GPtrArray *sessions,
                GDateTime *today,
                guint      current,
                guint      best)
{
  guint got_current = 99, got_best = 99;

  limber_stats_streaks (sessions, today, &got_current, &got_best);
  g_assert_cmpuint (got_current, ==, current);
  g_assert_cmpuint (got_best, ==, best);
}

/* What counts */

static void
test_session_counts (void)
{
  g_autoptr(GPtrArray) sessions = new_sessions ();
  GDateTime *t = at (berlin, 2024, 3, 1, 8, 0);
  LimberSessionInfo *s = add_session (sessions, t, "desk-break", LIMBER_OUTCOME_COMPLETED, 10000, -1);

  g_assert_true (limber_stats_session_counts (s));
  s->outcome = LIMBER_OUTCOME_STOPPED;
  g_assert_false (limber_stats_session_counts (s));
  s->active_ms = 59999;
  g_assert_false (limber_stats_session_counts (s));
  s->active_ms = 60000;
  g_assert_true (limber_stats_session_counts (s));
  s->outcome = LIMBER_OUTCOME_STOPPED_FOR_PAIN;
  g_assert_true (limber_stats_session_counts (s));
  s->outcome = LIMBER_OUTCOME_INTERRUPTED;
  s->active_ms = 0;
  g_assert_false (limber_stats_session_counts (s));
  s->outcome = LIMBER_OUTCOME_IN_PROGRESS;
  s->active_ms = 120000;
  g_assert_true (limber_stats_session_counts (s));
}

/* Streaks */

static void
test_streaks (void)
{
  g_autoptr(GPtrArray) sessions = new_sessions ();
  g_autoptr(GDateTime) today = at (berlin, 2024, 3, 31, 10, 0);
  g_autoptr(GDateTime) tomorrow = at (berlin, 2024, 4, 1, 9, 0);
  g_autoptr(GDateTime) later = at (berlin, 2024, 4, 2, 9, 0);
  g_autoptr(GDateTime) today_utc = at (utc_tz, 2024, 3, 31, 10, 0);

  assert_streaks (sessions, today, 0, 0);

  /* six days across the end of February in a leap year */
  for (int i = 0; i < 6; i++)
    done (sessions, at_offset (berlin, 2024, 2, 27, i, 18, 0));
  /* 19 and 20 March */
  done (sessions, at (berlin, 2024, 3, 19, 7, 0));
  done (sessions, at (berlin, 2024, 3, 20, 7, 0));
  /* 21 March: a start abandoned after 30 s does not count */
  add_session (sessions, at (berlin, 2024, 3, 21, 7, 0), "desk-break", LIMBER_OUTCOME_STOPPED, 30000, -1);
  /* 22 to 25 March, twice on the 23rd */
  for (int i = 22; i <= 25; i++)
    done (sessions, at (berlin, 2024, 3, i, 7, 0));
  done (sessions, at (berlin, 2024, 3, 23, 21, 0));
  /* 28 to 31 March; the last at 00:30 on the DST day, still 30 March in UTC */
  done (sessions, at (berlin, 2024, 3, 28, 7, 0));
  done (sessions, at (berlin, 2024, 3, 29, 7, 0));
  done (sessions, at (berlin, 2024, 3, 30, 18, 0));
  done (sessions, at (berlin, 2024, 3, 31, 0, 30));
  /* in the future: left out */
  done (sessions, at (berlin, 2024, 4, 5, 7, 0));
  done (sessions, at (berlin, 2024, 4, 6, 7, 0));
  done (sessions, at (berlin, 2024, 4, 7, 7, 0));

  assert_streaks (sessions, today, 4, 6);
  /* nothing yet on 1 April: the streak still stands */
  assert_streaks (sessions, tomorrow, 4, 6);
  /* nothing on 1 April either: it is over */
  assert_streaks (sessions, later, 0, 6);
  /* in UTC the last two fall on the 30th, and nothing yet on the 31st */
  assert_streaks (sessions, today_utc, 3, 6);

  /* one argument may be left out */
  limber_stats_streaks (sessions, today, NULL, NULL);
}

static void
test_streaks_year_boundary (void)
{
  g_autoptr(GPtrArray) sessions = new_sessions ();
  g_autoptr(GDateTime) today = at (berlin, 2024, 1, 2, 20, 0);
  g_autoptr(GDateTime) new_year = at (berlin, 2024, 1, 1, 0, 0);

  done (sessions, at (berlin, 2023, 12, 30, 23, 59));
  done (sessions, at (berlin, 2023, 12, 31, 12, 0));
  done (sessions, at (berlin, 2024, 1, 1, 0, 0));
  done (sessions, at (berlin, 2024, 1, 2, 8, 0));

  assert_streaks (sessions, today, 4, 4);
  assert_streaks (sessions, new_year, 3, 3);
}

/* Minutes per week */

static void
test_weekly_minutes (void)
{
  g_autoptr(GPtrArray) sessions = new_sessions ();
  g_autoptr(GDateTime) today = at (berlin, 2024, 3, 31, 22, 0);    /* a Sunday, the DST day */
  g_autoptr(GArray) weeks = NULL;
  LimberWeekMinutes *w;

  /* Sunday 10 March: the week before the first one asked for */
  add_session (sessions, at (berlin, 2024, 3, 10, 23, 59), "a", LIMBER_OUTCOME_COMPLETED, 600000, -1);
  /* Monday 11 March, at midnight: 2.5 minutes, rounded up */
  add_session (sessions, at (berlin, 2024, 3, 11, 0, 0), "a", LIMBER_OUTCOME_STOPPED, 150000, -1);
  /* Sunday 24 March, late */
  add_session (sessions, at (berlin, 2024, 3, 24, 23, 59), "a", LIMBER_OUTCOME_COMPLETED, 180000, -1);
  /* Monday 25 March just after midnight, and Sunday 31 March late */
  add_session (sessions, at (berlin, 2024, 3, 25, 0, 10), "a", LIMBER_OUTCOME_COMPLETED, 300000, -1);
  add_session (sessions, at (berlin, 2024, 3, 31, 21, 50), "a", LIMBER_OUTCOME_INTERRUPTED, 600000, -1);
  /* next week: left out */
  add_session (sessions, at (berlin, 2024, 4, 1, 0, 0), "a", LIMBER_OUTCOME_COMPLETED, 600000, -1);

  weeks = limber_stats_weekly_minutes (sessions, today, 3);
  g_assert_cmpuint (weeks->len, ==, 3);

  w = &g_array_index (weeks, LimberWeekMinutes, 0);
  assert_date (&w->monday, 2024, 3, 11);
  g_assert_cmpuint (w->active_ms, ==, 150000);
  g_assert_cmpuint (w->minutes, ==, 3);

  w = &g_array_index (weeks, LimberWeekMinutes, 1);
  assert_date (&w->monday, 2024, 3, 18);
  g_assert_cmpuint (w->minutes, ==, 3);

  w = &g_array_index (weeks, LimberWeekMinutes, 2);
  assert_date (&w->monday, 2024, 3, 25);
  g_assert_cmpuint (w->active_ms, ==, 900000);
  g_assert_cmpuint (w->minutes, ==, 15);

  g_clear_pointer (&weeks, g_array_unref);
  weeks = limber_stats_weekly_minutes (sessions, today, 0);
  g_assert_cmpuint (weeks->len, ==, 0);
}

static void
test_weekly_minutes_year_boundary (void)
{
  g_autoptr(GPtrArray) sessions = new_sessions ();
  g_autoptr(GDateTime) today = at (berlin, 2025, 1, 1, 9, 0);      /* a Wednesday */
  g_autoptr(GArray) weeks = NULL;

  add_session (sessions, at (berlin, 2024, 12, 29, 10, 0), "a", LIMBER_OUTCOME_COMPLETED, 60000, -1);
  add_session (sessions, at (berlin, 2024, 12, 30, 10, 0), "a", LIMBER_OUTCOME_COMPLETED, 120000, -1);
  add_session (sessions, at (berlin, 2025, 1, 1, 8, 0), "a", LIMBER_OUTCOME_COMPLETED, 240000, -1);

  weeks = limber_stats_weekly_minutes (sessions, today, 2);
  g_assert_cmpuint (weeks->len, ==, 2);
  assert_date (&g_array_index (weeks, LimberWeekMinutes, 0).monday, 2024, 12, 23);
  g_assert_cmpuint (g_array_index (weeks, LimberWeekMinutes, 0).minutes, ==, 1);
  assert_date (&g_array_index (weeks, LimberWeekMinutes, 1).monday, 2024, 12, 30);
  g_assert_cmpuint (g_array_index (weeks, LimberWeekMinutes, 1).minutes, ==, 6);
}

/* Daily series */

static void
test_daily (void)
{
  g_autoptr(GPtrArray) sessions = new_sessions ();
  g_autoptr(GPtrArray) checkins = new_checkins ();
  g_autoptr(GDateTime) first = at (berlin, 2024, 3, 30, 12, 0);
  g_autoptr(GDateTime) last = at (berlin, 2024, 4, 1, 0, 0);
  g_autoptr(GArray) days = NULL;
  LimberDayStats *d;

  add_checkin (checkins, at (berlin, 2024, 3, 29, 23, 59), 9, 9);         /* before */
  add_checkin (checkins, at (berlin, 2024, 3, 30, 0, 0), 2, 4);
  add_checkin (checkins, at (berlin, 2024, 3, 30, 23, 59), 5, 7);
  add_checkin (checkins, at (berlin, 2024, 4, 1, 0, 30), 1, 2);
  add_checkin (checkins, at (berlin, 2024, 4, 2, 0, 0), 9, 9);            /* after */
  add_session (sessions, at (berlin, 2024, 3, 31, 0, 30), "a", LIMBER_OUTCOME_COMPLETED, 120000, -1);
  add_session (sessions, at (berlin, 2024, 3, 31, 3, 0), "b", LIMBER_OUTCOME_STOPPED, 20000, -1);
  add_session (sessions, at (berlin, 2024, 4, 1, 12, 0), "b", LIMBER_OUTCOME_STOPPED, 20000, -1);

  days = limber_stats_daily (sessions, checkins, first, last);
  g_assert_cmpuint (days->len, ==, 3);

  d = &g_array_index (days, LimberDayStats, 0);
  assert_date (&d->date, 2024, 3, 30);
  g_assert_cmpuint (d->n_checkins, ==, 2);
  g_assert_cmpfloat (d->mean_pain, ==, 3.5);
  g_assert_cmpfloat (d->mean_stiffness, ==, 5.5);
  g_assert_false (d->had_routine);
  g_assert_cmpuint (d->n_sessions, ==, 0);
  g_assert_cmpuint (d->minutes, ==, 0);

  d = &g_array_index (days, LimberDayStats, 1);
  assert_date (&d->date, 2024, 3, 31);
  g_assert_cmpuint (d->n_checkins, ==, 0);
  g_assert_true (isnan (d->mean_pain));
  g_assert_true (isnan (d->mean_stiffness));
  g_assert_true (d->had_routine);
  g_assert_cmpuint (d->n_sessions, ==, 2);
  g_assert_cmpuint (d->active_ms, ==, 140000);
  g_assert_cmpuint (d->minutes, ==, 2);

  d = &g_array_index (days, LimberDayStats, 2);
  assert_date (&d->date, 2024, 4, 1);
  g_assert_cmpuint (d->n_checkins, ==, 1);
  g_assert_cmpfloat (d->mean_pain, ==, 1);
  g_assert_false (d->had_routine);     /* 20 s only */
  g_assert_cmpuint (d->n_sessions, ==, 1);
  g_assert_cmpuint (d->minutes, ==, 0);

  g_clear_pointer (&days, g_array_unref);
  days = limber_stats_daily (sessions, checkins, last, first);
  g_assert_cmpuint (days->len, ==, 0);

  /* one day, the autumn DST change (25 hours) */
  {
    g_autoptr(GDateTime) day = at (berlin, 2024, 10, 27, 12, 0);

    g_clear_pointer (&days, g_array_unref);
    add_checkin (checkins, at (berlin, 2024, 10, 27, 0, 0), 4, 4);
    add_checkin (checkins, at (berlin, 2024, 10, 27, 23, 59), 6, 8);
    add_checkin (checkins, at (berlin, 2024, 10, 28, 0, 0), 10, 10);
    days = limber_stats_daily (NULL, checkins, day, day);
    g_assert_cmpuint (days->len, ==, 1);
    d = &g_array_index (days, LimberDayStats, 0);
    g_assert_cmpuint (d->n_checkins, ==, 2);
    g_assert_cmpfloat (d->mean_pain, ==, 5);
    g_assert_cmpfloat (d->mean_stiffness, ==, 6);
  }
}

/* Insights */

/* From Sunday 24 March 2024 (across the DST change): a routine on days
 * 0, 2, 4, … 12, a check-in at 08:00 on days 1 to 14, and at 15:00 one
 * that must not count as the morning. */
static void
fill_mornings (GPtrArray *sessions,
               GPtrArray *checkins,
               guint      n_days)
{
  static const int after_routine[] = { 2, 3, 3, 4, 3, 2, 4 };        /* mean 3 */
  static const int after_none[] = { 6, 5, 7, 6, 6, 5, 7 };           /* mean 6 */

  for (guint i = 0; i + 1 < n_days; i += 2)
    done (sessions, at_offset (berlin, 2024, 3, 24, i, 19, 0));
  for (guint i = 1; i < n_days; i++)
    {
      int stiffness = i % 2 == 1 ? after_routine[(i / 2) % 7] : after_none[(i / 2 - 1) % 7];

      add_checkin (checkins, at_offset (berlin, 2024, 3, 24, i, 8, 0), 5, stiffness);
      add_checkin (checkins, at_offset (berlin, 2024, 3, 24, i, 15, 0), 5, 10);
    }
}

static void
test_morning_stiffness (void)
{
  g_autoptr(GPtrArray) sessions = new_sessions ();
  g_autoptr(GPtrArray) checkins = new_checkins ();
  g_autoptr(GDateTime) today = at (berlin, 2024, 4, 20, 12, 0);
  g_autoptr(LimberInsight) insight = NULL;

  fill_mornings (sessions, checkins, 15);
  /* a morning check-in on day 0: the day before it is unknown */
  add_checkin (checkins, at (berlin, 2024, 3, 24, 7, 0), 5, 10);

  insight = limber_stats_morning_stiffness (sessions, checkins, today);
  g_assert_cmpint (insight->kind, ==, LIMBER_INSIGHT_MORNING_STIFFNESS);
  g_assert_true (insight->ready);
  g_assert_cmpuint (insight->n_with, ==, 7);
  g_assert_cmpuint (insight->n_without, ==, 7);
  g_assert_cmpuint (insight->more_needed, ==, 0);
  g_assert_cmpfloat_with_epsilon (insight->value_a, 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (insight->value_b, 6.0, 1e-9);
  g_assert_cmpstr (insight->summary, ==,
                   "On mornings after a routine your stiffness averaged 3.0, after days without 6.0 (7 and 7 days).");
  g_assert_nonnull (strstr (insight->caveat, "not proof"));
  g_clear_pointer (&insight, limber_insight_free);

  /* day 15 has only an afternoon check-in without minutes: no morning;
   * day 16 an afternoon one that gives minutes: it stands for the morning
   * (stiffness 1, after day 15 without a routine) */
  add_checkin (checkins, at (berlin, 2024, 4, 8, 16, 0), 5, 10);
  add_checkin (checkins, at (berlin, 2024, 4, 9, 16, 0), 5, 1)->morning_stiffness = 20;
  add_checkin (checkins, at (berlin, 2024, 4, 9, 17, 0), 5, 9)->morning_stiffness = 20;
  insight = limber_stats_morning_stiffness (sessions, checkins, today);
  g_assert_cmpuint (insight->n_with, ==, 7);
  g_assert_cmpuint (insight->n_without, ==, 8);
  g_assert_cmpfloat_with_epsilon (insight->value_b, 43.0 / 8, 1e-9);
  g_clear_pointer (&insight, limber_insight_free);

  /* the time zone decides what "morning" is: in UTC 08:00 Berlin is still
   * before noon, but the day with the routine at 19:00 is the same */
  {
    g_autoptr(GDateTime) today_utc = at (utc_tz, 2024, 4, 20, 12, 0);

    insight = limber_stats_morning_stiffness (sessions, checkins, today_utc);
    g_assert_cmpuint (insight->n_with, ==, 7);
  }
}

static void
test_morning_stiffness_not_ready (void)
{
  g_autoptr(GPtrArray) sessions = new_sessions ();
  g_autoptr(GPtrArray) checkins = new_checkins ();
  g_autoptr(GDateTime) today = at (berlin, 2024, 4, 20, 12, 0);
  g_autoptr(LimberInsight) insight = NULL;

  /* days 1 to 6: mornings after a routine on days 1, 3, 5 would need… */
  fill_mornings (sessions, checkins, 7);    /* 3 after a routine, 3 after none */
  insight = limber_stats_morning_stiffness (sessions, checkins, today);
  g_assert_false (insight->ready);
  g_assert_cmpuint (insight->n_with, ==, 3);
  g_assert_cmpuint (insight->n_without, ==, 3);
  g_assert_cmpuint (insight->more_with, ==, 2);
  g_assert_cmpuint (insight->more_without, ==, 2);
  g_assert_cmpuint (insight->more_needed, ==, 4);
  g_assert_null (insight->caveat);
  g_assert_cmpstr (insight->summary, ==,
                   "Keep logging: 2 more mornings after a routine and 2 more after a day without are needed.");
  g_clear_pointer (&insight, limber_insight_free);

  /* the example of the issue: 2 and 4 */
  g_ptr_array_set_size (sessions, 0);
  g_ptr_array_set_size (checkins, 0);
  for (int i = 0; i < 6; i++)
    {
      if (i < 2)
        done (sessions, at_offset (berlin, 2024, 4, 1, i, 19, 0));
      add_checkin (checkins, at_offset (berlin, 2024, 4, 1, i + 1, 7, 30), 2, 3);
    }
  insight = limber_stats_morning_stiffness (sessions, checkins, today);
  g_assert_cmpuint (insight->more_with, ==, 3);
  g_assert_cmpuint (insight->more_without, ==, 1);
  g_assert_cmpstr (insight->summary, ==,
                   "Keep logging: 3 more mornings after a routine and 1 more after a day without are needed.");
  g_clear_pointer (&insight, limber_insight_free);

  /* only one kind missing; then nothing at all */
  for (int i = 6; i < 9; i++)
    done (sessions, at_offset (berlin, 2024, 4, 1, i, 19, 0));
  for (int i = 7; i < 10; i++)
    add_checkin (checkins, at_offset (berlin, 2024, 4, 1, i, 7, 30), 2, 3);
  insight = limber_stats_morning_stiffness (sessions, checkins, today);
  g_assert_cmpuint (insight->n_with, ==, 5);
  g_assert_cmpuint (insight->n_without, ==, 4);
  g_assert_cmpstr (insight->summary, ==,
                   "Keep logging: 1 more morning after a day without a routine is needed.");
  g_clear_pointer (&insight, limber_insight_free);

  insight = limber_stats_morning_stiffness (NULL, NULL, today);
  g_assert_false (insight->ready);
  g_assert_true (isnan (insight->value_a));
  g_assert_cmpuint (insight->more_needed, ==, 10);
}

static void
test_pain_around_sessions (void)
{
  g_autoptr(GPtrArray) sessions = new_sessions ();
  g_autoptr(GPtrArray) checkins = new_checkins ();
  g_autoptr(GDateTime) today = at (berlin, 2024, 4, 20, 12, 0);
  g_autoptr(LimberInsight) insight = NULL;

  /* used: befores 6, 6, 5, 4, 8 (mean 5.8); ratings 4, 3, 5, 2, 4 (mean 3.6) */
  add_checkin (checkins, at (berlin, 2024, 4, 1, 7, 0), 6, 5);
  add_session (sessions, at (berlin, 2024, 4, 1, 7, 30), "a", LIMBER_OUTCOME_COMPLETED, 300000, 4);
  add_checkin (checkins, at (berlin, 2024, 4, 2, 9, 0), 6, 5);
  add_session (sessions, at (berlin, 2024, 4, 2, 9, 0), "a", LIMBER_OUTCOME_COMPLETED, 300000, 3);  /* same instant */
  add_checkin (checkins, at (berlin, 2024, 4, 3, 9, 0), 7, 5);
  add_checkin (checkins, at (berlin, 2024, 4, 3, 10, 0), 5, 5);     /* the latest before */
  add_session (sessions, at (berlin, 2024, 4, 3, 10, 30), "a", LIMBER_OUTCOME_STOPPED, 30000, 5);
  add_checkin (checkins, at (berlin, 2024, 4, 3, 11, 0), 1, 1);     /* after: no */
  add_checkin (checkins, at (berlin, 2024, 4, 4, 6, 0), 4, 5);
  add_session (sessions, at (berlin, 2024, 4, 4, 21, 0), "a", LIMBER_OUTCOME_COMPLETED, 300000, 2);
  add_checkin (checkins, at (berlin, 2024, 4, 5, 0, 5), 8, 5);
  add_session (sessions, at (berlin, 2024, 4, 5, 0, 10), "a", LIMBER_OUTCOME_COMPLETED, 300000, 4);
  /* not used: no rating; check-in only after; check-in only the evening before */
  add_checkin (checkins, at (berlin, 2024, 4, 6, 7, 0), 9, 5);
  add_session (sessions, at (berlin, 2024, 4, 6, 8, 0), "a", LIMBER_OUTCOME_COMPLETED, 300000, -1);
  add_session (sessions, at (berlin, 2024, 4, 7, 8, 0), "a", LIMBER_OUTCOME_COMPLETED, 300000, 1);
  add_checkin (checkins, at (berlin, 2024, 4, 7, 9, 0), 9, 5);
  add_checkin (checkins, at (berlin, 2024, 4, 8, 23, 0), 9, 5);
  add_session (sessions, at (berlin, 2024, 4, 9, 0, 30), "a", LIMBER_OUTCOME_COMPLETED, 300000, 1);
  /* after today: not used */
  add_checkin (checkins, at (berlin, 2024, 4, 21, 7, 0), 9, 5);
  add_session (sessions, at (berlin, 2024, 4, 21, 8, 0), "a", LIMBER_OUTCOME_COMPLETED, 300000, 1);

  insight = limber_stats_pain_around_sessions (sessions, checkins, today);
  g_assert_cmpint (insight->kind, ==, LIMBER_INSIGHT_PAIN_AROUND_SESSIONS);
  g_assert_true (insight->ready);
  g_assert_cmpuint (insight->n_with, ==, 5);
  g_assert_cmpfloat_with_epsilon (insight->value_a, 5.8, 1e-9);
  g_assert_cmpfloat_with_epsilon (insight->value_b, 3.6, 1e-9);
  g_assert_cmpstr (insight->summary, ==,
                   "Before a session your pain averaged 5.8, and 3.6 at its end (5 sessions).");
  g_assert_nonnull (insight->caveat);
  g_clear_pointer (&insight, limber_insight_free);

  /* one fewer */
  g_ptr_array_remove_index (sessions, 0);
  insight = limber_stats_pain_around_sessions (sessions, checkins, today);
  g_assert_false (insight->ready);
  g_assert_cmpuint (insight->n_with, ==, 4);
  g_assert_cmpuint (insight->more_needed, ==, 1);
  g_assert_cmpstr (insight->summary, ==,
                   "Keep logging: 1 more rated session with a check-in earlier the same day is needed.");
  g_assert_null (insight->caveat);
}

static void
test_favourite_routine (void)
{
  g_autoptr(GPtrArray) sessions = new_sessions ();
  g_autoptr(GDateTime) today = at (berlin, 2024, 4, 20, 12, 0);
  g_autoptr(LimberInsight) insight = NULL;
  LimberSessionInfo *s;

  insight = limber_stats_favourite_routine (sessions, today);
  g_assert_false (insight->ready);
  g_assert_null (insight->routine_id);
  g_assert_cmpstr (insight->summary, ==,
                   "Keep going: 5 more sessions are needed to see which routine you follow most.");
  g_clear_pointer (&insight, limber_insight_free);

  done (sessions, at (berlin, 2024, 4, 1, 8, 0));
  done (sessions, at (berlin, 2024, 4, 2, 8, 0));
  add_session (sessions, at (berlin, 2024, 4, 3, 8, 0), "desk-break", LIMBER_OUTCOME_COMPLETED, 120000, -1);
  add_session (sessions, at (berlin, 2024, 4, 4, 8, 0), "desk-break", LIMBER_OUTCOME_STOPPED, 90000, -1);
  insight = limber_stats_favourite_routine (sessions, today);
  g_assert_false (insight->ready);
  g_assert_cmpstr (insight->summary, ==,
                   "Keep going: 1 more session is needed to see which routine you follow most.");
  g_clear_pointer (&insight, limber_insight_free);

  done (sessions, at (berlin, 2024, 4, 10, 8, 0));
  s = add_session (sessions, at (berlin, 2024, 4, 12, 8, 0), "desk-break", LIMBER_OUTCOME_COMPLETED, 120000, -1);
  g_free (s->routine_name);
  s->routine_name = g_strdup ("Two-minute desk break");
  add_session (sessions, at (berlin, 2024, 4, 5, 8, 0), "pre-run-warm-up", LIMBER_OUTCOME_COMPLETED, 120000, -1);
  /* neither counts: too short, or after today */
  add_session (sessions, at (berlin, 2024, 4, 6, 8, 0), "morning-hamstrings", LIMBER_OUTCOME_STOPPED, 20000, -1);
  done (sessions, at (berlin, 2024, 4, 21, 8, 0));

  /* 3 against 3: the one followed last wins, under its latest name */
  insight = limber_stats_favourite_routine (sessions, today);
  g_assert_true (insight->ready);
  g_assert_cmpstr (insight->routine_id, ==, "desk-break");
  g_assert_cmpstr (insight->routine_name, ==, "Two-minute desk break");
  g_assert_cmpuint (insight->n_with, ==, 7);
  g_assert_cmpfloat (insight->value_a, ==, 3);
  g_assert_cmpfloat (insight->value_b, ==, 7);
  g_assert_cmpstr (insight->summary, ==, "You follow “Two-minute desk break” most: 3 of your 7 sessions.");
  g_assert_nonnull (insight->caveat);
  g_clear_pointer (&insight, limber_insight_free);

  /* one more morning: it leads */
  done (sessions, at (berlin, 2024, 4, 11, 8, 0));
  insight = limber_stats_favourite_routine (sessions, today);
  g_assert_cmpstr (insight->routine_id, ==, "morning-hamstrings");
  g_assert_cmpfloat (insight->value_a, ==, 4);
}

static void
test_insights_all (void)
{
  g_autoptr(GDateTime) today = at (berlin, 2024, 4, 20, 12, 0);
  g_autoptr(GPtrArray) insights = limber_stats_insights (NULL, NULL, today);
  g_autoptr(LimberInsight) copy = NULL;

  g_assert_cmpuint (insights->len, ==, 3);
  for (guint i = 0; i < insights->len; i++)
    {
      LimberInsight *insight = g_ptr_array_index (insights, i);

      g_assert_cmpint (insight->kind, ==, i);
      g_assert_false (insight->ready);
      g_assert_nonnull (insight->summary);
    }

  copy = limber_insight_copy (g_ptr_array_index (insights, 0));
  g_assert_cmpstr (copy->summary, ==, ((LimberInsight *) insights->pdata[0])->summary);
  g_assert_cmpuint (limber_insight_get_type (), !=, G_TYPE_INVALID);
}

/* From the journal */

static void
test_journal_wrappers (void)
{
  g_autofree char *path = limber_journal_get_default_path ();
  g_autoptr(LimberJournal) journal = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now), 12, 0, 0);
  g_autoptr(GError) error = NULL;
  guint current = 0, best = 0;

  gboolean empty = FALSE;

  journal = limber_journal_open (path, &error);
  g_assert_no_error (error);
  /* a first run: the Today page welcomes */
  g_assert_true (limber_journal_is_empty (journal, &empty, &error));
  g_assert_no_error (error);
  g_assert_true (empty);

  /* a routine and a check-in on each of the last 3 days, today included */
  for (int i = -2; i <= 0; i++)
    {
      g_autoptr(GDateTime) start = g_date_time_add_days (today, i);
      g_autoptr(GDateTime) end = g_date_time_add_minutes (start, 5);
      g_autoptr(LimberCheckin) checkin = limber_checkin_new ();
      gint64 id;

      id = limber_journal_start_session (journal, "desk-break", "Desk break", start, 300000, &error);
      g_assert_no_error (error);
      g_assert_true (limber_journal_finish_session (journal, id, LIMBER_OUTCOME_COMPLETED, end, 300000, &error));
      g_date_time_unref (checkin->time);
      /* on the routine's day, never later than now: a check-in may not be
       * dated in the future, and the suite runs at any hour */
      checkin->time = g_date_time_add_days (now, i);
      checkin->pain = 2 + i;
      g_assert_cmpint (limber_journal_add_checkin (journal, checkin, &error), >, 0);
    }

  g_assert_true (limber_journal_is_empty (journal, &empty, &error));
  g_assert_false (empty);
  g_assert_true (limber_journal_compute_streaks (journal, today, &current, &best, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (current, ==, 3);
  g_assert_cmpuint (best, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  berlin = g_time_zone_new_identifier ("Europe/Berlin");
  utc_tz = g_time_zone_new_utc ();
  if (berlin == NULL)
    {
      g_test_skip ("Europe/Berlin is not installed (tzdata)");
      return g_test_run ();
    }

  g_test_add_func ("/stats/session-counts", test_session_counts);
  g_test_add_func ("/stats/streaks", test_streaks);
  g_test_add_func ("/stats/streaks/year-boundary", test_streaks_year_boundary);
  g_test_add_func ("/stats/weekly-minutes", test_weekly_minutes);
  g_test_add_func ("/stats/weekly-minutes/year-boundary", test_weekly_minutes_year_boundary);
  g_test_add_func ("/stats/daily", test_daily);
  g_test_add_func ("/stats/insights/morning-stiffness", test_morning_stiffness);
  g_test_add_func ("/stats/insights/morning-stiffness-not-ready", test_morning_stiffness_not_ready);
  g_test_add_func ("/stats/insights/pain-around-sessions", test_pain_around_sessions);
  g_test_add_func ("/stats/insights/favourite-routine", test_favourite_routine);
  g_test_add_func ("/stats/insights/all", test_insights_all);
  g_test_add_func ("/stats/journal", test_journal_wrappers);

  return g_test_run ();
}
