/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-stats"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "limber-stats.h"

/* Days are Julian day numbers of local calendar dates, so that a day is a
 * day whatever its length (23 or 25 hours on a DST change). */

G_DEFINE_BOXED_TYPE (LimberInsight, limber_insight,
                     limber_insight_copy, limber_insight_free)

LimberInsight *
limber_insight_copy (const LimberInsight *insight)
{
  LimberInsight *copy;

  g_return_val_if_fail (insight != NULL, NULL);

  copy = g_new (LimberInsight, 1);
  *copy = *insight;
  copy->routine_id = g_strdup (insight->routine_id);
  copy->routine_name = g_strdup (insight->routine_name);
  copy->summary = g_strdup (insight->summary);
  copy->caveat = g_strdup (insight->caveat);
  return copy;
}

void
limber_insight_free (LimberInsight *insight)
{
  if (insight == NULL)
    return;

  g_free (insight->routine_id);
  g_free (insight->routine_name);
  g_free (insight->summary);
  g_free (insight->caveat);
  g_free (insight);
}

/* Days */

static guint32
day_of (GDateTime *dt,
        GTimeZone *tz)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (dt, tz);
  GDate date;
  int y, m, d;

  g_date_time_get_ymd (local, &y, &m, &d);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return g_date_get_julian (&date);
}

static void
date_of_day (guint32  day,
             GDate   *date)
{
  g_date_clear (date, 1);
  g_date_set_julian (date, day);
}

/* Local midnight at the start of @day. */
static GDateTime *
start_of_day (guint32    day,
              GTimeZone *tz)
{
  GDate date;

  date_of_day (day, &date);
  return g_date_time_new (tz, g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date), 0, 0, 0);
}

static guint
ms_to_minutes (guint64 ms)
{
  return (guint) ((ms + 30000) / 60000);
}

/**
 * limber_stats_session_counts:
 *
 * A session makes its day a day with a routine (for streaks, the
 * calendar and the insights) when it was completed, or when it ran for at
 * least %LIMBER_STATS_MIN_ACTIVE_MS (one minute) of active time, however
 * it ended: a routine stopped halfway still counts, a start abandoned after
 * a few seconds does not.
 *
 * Returns: whether @session counts
 */
gboolean
limber_stats_session_counts (const LimberSessionInfo *session)
{
  g_return_val_if_fail (session != NULL, FALSE);

  return session->outcome == LIMBER_OUTCOME_COMPLETED ||
         session->active_ms >= LIMBER_STATS_MIN_ACTIVE_MS;
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  guint32 x = *(const guint32 *) a;
  guint32 y = *(const guint32 *) b;

  return x < y ? -1 : x > y;
}

/* The days with a routine, up to @last_day, sorted, each once. */
static GArray *
routine_days (GPtrArray *sessions,
              GTimeZone *tz,
              guint32    last_day)
{
  GArray *days = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint n = 0;

  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    {
      const LimberSessionInfo *s = g_ptr_array_index (sessions, i);
      guint32 day;

      if (s->started_at == NULL || !limber_stats_session_counts (s))
        continue;
      day = day_of (s->started_at, tz);
      if (day <= last_day)
        g_array_append_val (days, day);
    }

  g_array_sort (days, compare_days);
  for (guint i = 0; i < days->len; i++)
    if (n == 0 || g_array_index (days, guint32, n - 1) != g_array_index (days, guint32, i))
      g_array_index (days, guint32, n++) = g_array_index (days, guint32, i);
  g_array_set_size (days, n);
  return days;
}

static gboolean
has_day (GArray  *days,
         guint32  day)
{
  guint index;

  return g_array_binary_search (days, &day, compare_days, &index);
}

/* Streaks */

/**
 * limber_stats_streaks:
 * @sessions: (element-type LimberSessionInfo): sessions, in any order
 * @today: now; its time zone decides where days begin
 * @current: (out) (optional): the current streak, in days
 * @best: (out) (optional): the longest streak, in days
 *
 * A streak is a run of calendar days in a row, each with a session that
 * counts (see limber_stats_session_counts()). The current streak ends
 * today, or yesterday when there is nothing yet today, so that a morning
 * without a routine yet does not break it; otherwise it is 0. Sessions
 * after today are left out.
 */
void
limber_stats_streaks (GPtrArray *sessions,
                      GDateTime *today,
                      guint     *current,
                      guint     *best)
{
  GTimeZone *tz;
  g_autoptr(GArray) days = NULL;
  guint32 today_day;
  guint longest = 0, run = 0, now = 0;

  g_return_if_fail (today != NULL);

  tz = g_date_time_get_timezone (today);
  today_day = day_of (today, tz);
  days = routine_days (sessions, tz, today_day);

  for (guint i = 0; i < days->len; i++)
    {
      guint32 day = g_array_index (days, guint32, i);

      if (i > 0 && g_array_index (days, guint32, i - 1) == day - 1)
        run++;
      else
        run = 1;
      longest = MAX (longest, run);
    }

  if (days->len > 0)
    {
      guint32 last = g_array_index (days, guint32, days->len - 1);

      if (last == today_day || last + 1 == today_day)
        {
          now = 1;
          for (guint i = days->len - 1; i > 0; i--)
            {
              if (g_array_index (days, guint32, i - 1) != g_array_index (days, guint32, i) - 1)
                break;
              now++;
            }
        }
    }

  if (current != NULL)
    *current = now;
  if (best != NULL)
    *best = longest;
}

/* Minutes per week */

static guint32
monday_of (guint32 day)
{
  GDate date;

  date_of_day (day, &date);
  return day - (g_date_get_weekday (&date) - G_DATE_MONDAY);
}

/**
 * limber_stats_weekly_minutes:
 * @sessions: (element-type LimberSessionInfo): sessions, in any order
 * @today: now; its time zone decides where days begin
 * @n_weeks: how many weeks, the current one included
 *
 * The time spent stretching in each of the last @n_weeks ISO weeks (Monday
 * to Sunday), the week of @today last. Every session counts with its
 * active time, in the week of the day it started.
 *
 * Returns: (transfer full) (element-type LimberWeekMinutes): the weeks,
 *   oldest first
 */
GArray *
limber_stats_weekly_minutes (GPtrArray *sessions,
                             GDateTime *today,
                             guint      n_weeks)
{
  GTimeZone *tz;
  GArray *weeks;
  guint32 first;

  g_return_val_if_fail (today != NULL, NULL);

  tz = g_date_time_get_timezone (today);
  first = monday_of (day_of (today, tz)) - 7 * (n_weeks > 0 ? n_weeks - 1 : 0);

  weeks = g_array_sized_new (FALSE, TRUE, sizeof (LimberWeekMinutes), n_weeks);
  g_array_set_size (weeks, n_weeks);
  for (guint i = 0; i < n_weeks; i++)
    date_of_day (first + 7 * i, &g_array_index (weeks, LimberWeekMinutes, i).monday);

  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    {
      const LimberSessionInfo *s = g_ptr_array_index (sessions, i);
      guint32 day;

      if (s->started_at == NULL)
        continue;
      day = day_of (s->started_at, tz);
      if (day < first || day >= first + 7 * n_weeks)
        continue;
      g_array_index (weeks, LimberWeekMinutes, (day - first) / 7).active_ms += s->active_ms;
    }

  for (guint i = 0; i < n_weeks; i++)
    {
      LimberWeekMinutes *week = &g_array_index (weeks, LimberWeekMinutes, i);

      week->minutes = ms_to_minutes (week->active_ms);
    }

  return weeks;
}

/* Daily series and calendar */

/**
 * limber_stats_daily:
 * @sessions: (element-type LimberSessionInfo): sessions, in any order
 * @checkins: (element-type LimberCheckin): check-ins, in any order
 * @first_day: the first day; its time zone decides where days begin
 * @last_day: the last day, included
 *
 * One entry per calendar day from @first_day to @last_day, for the charts
 * and the calendar: the check-ins' mean pain and stiffness (NAN without a
 * check-in), whether a session that counts was done (see
 * limber_stats_session_counts()), and the minutes of every session
 * started that day.
 *
 * Returns: (transfer full) (element-type LimberDayStats): the days, in
 *   order; empty when @last_day is before @first_day
 */
GArray *
limber_stats_daily (GPtrArray *sessions,
                    GPtrArray *checkins,
                    GDateTime *first_day,
                    GDateTime *last_day)
{
  GTimeZone *tz;
  GArray *days;
  guint32 first, last;
  guint n;
  g_autofree double *pain = NULL;
  g_autofree double *stiffness = NULL;

  g_return_val_if_fail (first_day != NULL, NULL);
  g_return_val_if_fail (last_day != NULL, NULL);

  tz = g_date_time_get_timezone (first_day);
  first = day_of (first_day, tz);
  last = day_of (last_day, tz);
  n = last >= first ? last - first + 1 : 0;

  days = g_array_sized_new (FALSE, TRUE, sizeof (LimberDayStats), n);
  g_array_set_size (days, n);
  pain = g_new0 (double, MAX (n, 1));
  stiffness = g_new0 (double, MAX (n, 1));

  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    {
      const LimberSessionInfo *s = g_ptr_array_index (sessions, i);
      LimberDayStats *day;
      guint32 d;

      if (s->started_at == NULL)
        continue;
      d = day_of (s->started_at, tz);
      if (d < first || d > last)
        continue;
      day = &g_array_index (days, LimberDayStats, d - first);
      day->n_sessions++;
      day->active_ms += s->active_ms;
      if (limber_stats_session_counts (s))
        day->had_routine = TRUE;
    }

  for (guint i = 0; checkins != NULL && i < checkins->len; i++)
    {
      const LimberCheckin *c = g_ptr_array_index (checkins, i);
      guint32 d;

      if (c->time == NULL)
        continue;
      d = day_of (c->time, tz);
      if (d < first || d > last)
        continue;
      g_array_index (days, LimberDayStats, d - first).n_checkins++;
      pain[d - first] += c->pain;
      stiffness[d - first] += c->stiffness;
    }

  for (guint i = 0; i < n; i++)
    {
      LimberDayStats *day = &g_array_index (days, LimberDayStats, i);

      date_of_day (first + i, &day->date);
      day->minutes = ms_to_minutes (day->active_ms);
      day->mean_pain = day->n_checkins > 0 ? pain[i] / day->n_checkins : NAN;
      day->mean_stiffness = day->n_checkins > 0 ? stiffness[i] / day->n_checkins : NAN;
    }

  return days;
}

/* Insights */

static LimberInsight *
insight_new (LimberInsightKind kind,
             guint             n_with,
             guint             n_without,
             gboolean          needs_without)
{
  LimberInsight *insight = g_new0 (LimberInsight, 1);

  insight->kind = kind;
  insight->n_with = n_with;
  insight->n_without = n_without;
  insight->more_with = n_with < LIMBER_STATS_MIN_SAMPLES ? LIMBER_STATS_MIN_SAMPLES - n_with : 0;
  if (needs_without)
    insight->more_without = n_without < LIMBER_STATS_MIN_SAMPLES ? LIMBER_STATS_MIN_SAMPLES - n_without : 0;
  insight->more_needed = insight->more_with + insight->more_without;
  insight->ready = insight->more_needed == 0;
  insight->value_a = NAN;
  insight->value_b = NAN;
  return insight;
}

static gint
compare_checkin_times (gconstpointer a,
                       gconstpointer b)
{
  const LimberCheckin *x = *(const LimberCheckin * const *) a;
  const LimberCheckin *y = *(const LimberCheckin * const *) b;

  return g_date_time_compare (x->time, y->time);
}

/* The check-ins with a time, oldest first, not after @end. */
static GPtrArray *
sorted_checkins (GPtrArray *checkins,
                 GDateTime *end)
{
  GPtrArray *sorted = g_ptr_array_new ();

  for (guint i = 0; checkins != NULL && i < checkins->len; i++)
    {
      LimberCheckin *c = g_ptr_array_index (checkins, i);

      if (c->time != NULL && g_date_time_compare (c->time, end) < 0)
        g_ptr_array_add (sorted, c);
    }
  g_ptr_array_sort (sorted, compare_checkin_times);
  return sorted;
}

/* The first local instant after @today's day. */
static GDateTime *
end_of_today (GDateTime *today)
{
  GTimeZone *tz = g_date_time_get_timezone (today);

  return start_of_day (day_of (today, tz) + 1, tz);
}

/**
 * limber_stats_morning_stiffness:
 * @sessions: (element-type LimberSessionInfo): sessions, in any order
 * @checkins: (element-type LimberCheckin): check-ins, in any order
 * @today: now; its time zone decides where days and mornings begin
 *
 * Stiffness on the mornings after a day with a routine against the
 * mornings after a day without one.
 *
 * A day's morning check-in is its first check-in before noon or, when
 * there is none, its first check-in that gives morning stiffness in
 * minutes (written later, but about the morning). Its stiffness (0–10) is
 * the morning's value; minutes are another unit and are not mixed in. A
 * morning counts after a day with a routine when the day before had a
 * session that counts (see limber_stats_session_counts()), otherwise after
 * a day without. Mornings whose day before comes before the first day with
 * anything in @sessions or @checkins are left out: nothing is known of it.
 * Ready with %LIMBER_STATS_MIN_SAMPLES mornings of each kind.
 *
 * value_a: mean stiffness after a routine; value_b: after none.
 *
 * Returns: (transfer full): the insight
 */
LimberInsight *
limber_stats_morning_stiffness (GPtrArray *sessions,
                                GPtrArray *checkins,
                                GDateTime *today)
{
  GTimeZone *tz;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GArray) with_routine = NULL;
  LimberInsight *insight;
  guint32 today_day, first_known = G_MAXUINT32, last_morning = 0;
  guint n_with = 0, n_without = 0;
  double sum_with = 0, sum_without = 0;

  g_return_val_if_fail (today != NULL, NULL);

  tz = g_date_time_get_timezone (today);
  today_day = day_of (today, tz);
  end = end_of_today (today);
  sorted = sorted_checkins (checkins, end);
  with_routine = routine_days (sessions, tz, today_day);

  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    {
      const LimberSessionInfo *s = g_ptr_array_index (sessions, i);

      if (s->started_at != NULL)
        first_known = MIN (first_known, day_of (s->started_at, tz));
    }
  if (sorted->len > 0)
    first_known = MIN (first_known, day_of (((LimberCheckin *) sorted->pdata[0])->time, tz));

  for (guint i = 0; i < sorted->len; i++)
    {
      const LimberCheckin *c = g_ptr_array_index (sorted, i);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (c->time, tz);
      guint32 day = day_of (c->time, tz);
      gboolean before_noon = g_date_time_get_hour (local) < 12;

      /* oldest first: a day's check-ins before noon come before the
       * afternoon ones that could stand in for its morning */
      if (day == last_morning)
        continue;
      if (!before_noon && c->morning_stiffness < 0)
        continue;
      last_morning = day;
      if (day == 0 || day - 1 < first_known)
        continue;

      if (has_day (with_routine, day - 1))
        {
          n_with++;
          sum_with += c->stiffness;
        }
      else
        {
          n_without++;
          sum_without += c->stiffness;
        }
    }

  insight = insight_new (LIMBER_INSIGHT_MORNING_STIFFNESS, n_with, n_without, TRUE);
  if (n_with > 0)
    insight->value_a = sum_with / n_with;
  if (n_without > 0)
    insight->value_b = sum_without / n_without;

  if (insight->ready)
    {
      insight->summary = g_strdup_printf (_("On mornings after a routine your stiffness averaged %.1f, "
                                            "after days without %.1f (%u and %u days)."),
                                          insight->value_a, insight->value_b, n_with, n_without);
      insight->caveat = g_strdup (_("This shows a pattern in your own notes, not proof that stretching caused it. "
                                    "Sleep, work and activity change stiffness too."));
    }
  else if (insight->more_with > 0 && insight->more_without > 0)
    insight->summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "Keep logging: %u more morning after a routine and %u more after a day without are needed.",
                                                     "Keep logging: %u more mornings after a routine and %u more after a day without are needed.",
                                                     insight->more_with),
                                        insight->more_with, insight->more_without);
  else if (insight->more_with > 0)
    insight->summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "Keep logging: %u more morning after a routine is needed.",
                                                     "Keep logging: %u more mornings after a routine are needed.",
                                                     insight->more_with),
                                        insight->more_with);
  else
    insight->summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "Keep logging: %u more morning after a day without a routine is needed.",
                                                     "Keep logging: %u more mornings after a day without a routine are needed.",
                                                     insight->more_without),
                                        insight->more_without);

  return insight;
}

/**
 * limber_stats_pain_around_sessions:
 * @sessions: (element-type LimberSessionInfo): sessions, in any order
 * @checkins: (element-type LimberCheckin): check-ins, in any order
 * @today: now; its time zone decides where days begin
 *
 * Pain before sessions against the rating given at their end. A session
 * is used when it has a rating and a check-in earlier the same calendar
 * day (at or before its start); "before" is the pain of the latest such
 * check-in, "after" the session's rating. Ready with
 * %LIMBER_STATS_MIN_SAMPLES such sessions.
 *
 * value_a: mean pain before; value_b: mean rating after; n_with: sessions.
 *
 * Returns: (transfer full): the insight
 */
LimberInsight *
limber_stats_pain_around_sessions (GPtrArray *sessions,
                                   GPtrArray *checkins,
                                   GDateTime *today)
{
  GTimeZone *tz;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GPtrArray) sorted = NULL;
  LimberInsight *insight;
  guint n = 0;
  double before = 0, after = 0;

  g_return_val_if_fail (today != NULL, NULL);

  tz = g_date_time_get_timezone (today);
  end = end_of_today (today);
  sorted = sorted_checkins (checkins, end);

  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    {
      const LimberSessionInfo *s = g_ptr_array_index (sessions, i);
      const LimberCheckin *latest = NULL;
      guint32 day;

      if (s->started_at == NULL || s->rating < 0 ||
          g_date_time_compare (s->started_at, end) >= 0)
        continue;

      day = day_of (s->started_at, tz);
      for (guint j = 0; j < sorted->len; j++)
        {
          const LimberCheckin *c = g_ptr_array_index (sorted, j);

          if (g_date_time_compare (c->time, s->started_at) > 0)
            break;
          if (day_of (c->time, tz) == day)
            latest = c;
        }

      if (latest != NULL)
        {
          n++;
          before += latest->pain;
          after += s->rating;
        }
    }

  insight = insight_new (LIMBER_INSIGHT_PAIN_AROUND_SESSIONS, n, 0, FALSE);
  if (n > 0)
    {
      insight->value_a = before / n;
      insight->value_b = after / n;
    }

  if (insight->ready)
    {
      insight->summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "Before a session your pain averaged %.1f, and %.1f at its end (%u session).",
                                                       "Before a session your pain averaged %.1f, and %.1f at its end (%u sessions).",
                                                       n),
                                          insight->value_a, insight->value_b, n);
      insight->caveat = g_strdup (_("Pain changes over a day on its own, and how it feels right after stretching "
                                    "may not last. This is a pattern in your notes, not proof of an effect."));
    }
  else
    insight->summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "Keep logging: %u more rated session with a check-in earlier the same day is needed.",
                                                     "Keep logging: %u more rated sessions with a check-in earlier the same day are needed.",
                                                     insight->more_with),
                                        insight->more_with);

  return insight;
}

/**
 * limber_stats_favourite_routine:
 * @sessions: (element-type LimberSessionInfo): sessions, in any order
 * @today: now; sessions after today are left out
 *
 * The routine followed most, counting the sessions that count (see
 * limber_stats_session_counts()); between routines with as many sessions,
 * the one followed most recently. Ready with %LIMBER_STATS_MIN_SAMPLES
 * sessions in all.
 *
 * value_a: the routine's sessions; value_b: all sessions; n_with: all
 * sessions.
 *
 * Returns: (transfer full): the insight
 */
LimberInsight *
limber_stats_favourite_routine (GPtrArray *sessions,
                                GDateTime *today)
{
  typedef struct { guint count; GDateTime *latest; const char *name; } Tally;
  g_autoptr(GHashTable) tallies = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GDateTime) end = NULL;
  LimberInsight *insight;
  const char *best_id = NULL;
  Tally *best = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint total = 0;

  g_return_val_if_fail (today != NULL, NULL);

  end = end_of_today (today);

  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    {
      const LimberSessionInfo *s = g_ptr_array_index (sessions, i);
      Tally *tally;

      if (s->started_at == NULL || s->routine_id == NULL ||
          !limber_stats_session_counts (s) ||
          g_date_time_compare (s->started_at, end) >= 0)
        continue;

      tally = g_hash_table_lookup (tallies, s->routine_id);
      if (tally == NULL)
        {
          tally = g_new0 (Tally, 1);
          g_hash_table_insert (tallies, s->routine_id, tally);
        }
      tally->count++;
      if (tally->latest == NULL || g_date_time_compare (s->started_at, tally->latest) > 0)
        {
          tally->latest = s->started_at;
          tally->name = s->routine_name;
        }
      total++;
    }

  g_hash_table_iter_init (&iter, tallies);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Tally *tally = value;

      if (best == NULL || tally->count > best->count ||
          (tally->count == best->count && g_date_time_compare (tally->latest, best->latest) > 0))
        {
          best = tally;
          best_id = key;
        }
    }

  insight = insight_new (LIMBER_INSIGHT_FAVOURITE_ROUTINE, total, 0, FALSE);
  insight->value_b = total;
  if (best != NULL)
    {
      insight->value_a = best->count;
      insight->routine_id = g_strdup (best_id);
      insight->routine_name = g_strdup (best->name != NULL ? best->name : best_id);
    }

  if (insight->ready)
    {
      insight->summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "You follow “%s” most: %u of your %u session.",
                                                       "You follow “%s” most: %u of your %u sessions.",
                                                       total),
                                          insight->routine_name, best->count, total);
      insight->caveat = g_strdup (_("Counted from sessions that were completed or lasted at least a minute."));
    }
  else
    insight->summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "Keep going: %u more session is needed to see which routine you follow most.",
                                                     "Keep going: %u more sessions are needed to see which routine you follow most.",
                                                     insight->more_with),
                                        insight->more_with);

  return insight;
}

/**
 * limber_stats_insights:
 *
 * Returns: (transfer container) (element-type LimberInsight): the three
 *   insights, in #LimberInsightKind order
 */
GPtrArray *
limber_stats_insights (GPtrArray *sessions,
                       GPtrArray *checkins,
                       GDateTime *today)
{
  GPtrArray *insights;

  g_return_val_if_fail (today != NULL, NULL);

  insights = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_insight_free);
  g_ptr_array_add (insights, limber_stats_morning_stiffness (sessions, checkins, today));
  g_ptr_array_add (insights, limber_stats_pain_around_sessions (sessions, checkins, today));
  g_ptr_array_add (insights, limber_stats_favourite_routine (sessions, today));
  return insights;
}

/**
 * limber_stats_mean_add:
 * @mean: a mean, zeroed to start
 * @value: a value, or NaN for none
 */
void
limber_stats_mean_add (LimberStatsMean *mean,
                       double           value)
{
  g_return_if_fail (mean != NULL);

  if (!isnan (value))
    {
      mean->sum += value;
      mean->n++;
    }
}

/**
 * limber_stats_mean_get:
 * @mean: a mean
 *
 * Returns: the mean of the values added, or NaN when there were none
 */
double
limber_stats_mean_get (const LimberStatsMean *mean)
{
  g_return_val_if_fail (mean != NULL, NAN);

  return mean->n > 0 ? mean->sum / mean->n : NAN;
}
