/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-schedule"

#include "limber-schedule-private.h"
#include "limber-time.h"

/* Working hours: the moments at which the local clock shows a time inside
 * a span, on the day the span starts (so Friday's 22:00–06:00 runs into
 * Saturday morning whether or not Saturday is a working day). A span
 * starts at the first instant its start time is shown and ends at the
 * last instant its end time is shown: on the night the clocks go back,
 * the repeated hour is inside if its times are. A start in the hour the
 * clocks skip starts at the first instant after the gap.
 *
 * Spans that touch or overlap make one stretch of working time: the
 * schedule counts activity from the start of a stretch, and the time
 * between stretches counts as a break. */

#define DAY_SECONDS _LIMBER_SCHEDULE_DAY_SECONDS
#define FAR_FUTURE _LIMBER_SCHEDULE_FAR_FUTURE
/* Days looked at from the day before the one in question: the next
 * working day's stretch is always among them, and a stretch that reaches
 * the last two runs on for all we know. */
#define WINDOW_DAYS 14

typedef struct
{
  gint64 start;
  gint64 end;
} Stretch;

static gboolean
span_is_valid (const LimberWorkSpan *span)
{
  return span->start < DAY_SECONDS && span->end < DAY_SECONDS && span->start != span->end;
}

static int
compare_stretches (gconstpointer a,
                   gconstpointer b)
{
  const Stretch *x = a;
  const Stretch *y = b;

  return x->start < y->start ? -1 : x->start > y->start;
}

/**
 * _limber_schedule_hours_next:
 * @config: the configuration, with working hours on
 * @tz: the local time zone
 * @t: a moment
 * @start: (out): the start of the stretch
 * @end: (out): its end, or a far future when working time runs on past
 *   the days looked at
 *
 * Finds the stretch of working time that holds @t, or else the first one
 * after it. Its start is exact from the day before @t's on.
 *
 * Returns: whether there is one (no working day or no valid span: never)
 */
gboolean
_limber_schedule_hours_next (const LimberScheduleConfig *config,
                             GTimeZone                  *tz,
                             gint64                      t,
                             gint64                     *start,
                             gint64                     *end)
{
  g_autoptr(GArray) stretches = NULL;
  gint64 first_day;
  gint64 window_end;

  if (config->spans == NULL || (config->work_days & 0x7f) == 0)
    return FALSE;

  stretches = g_array_new (FALSE, FALSE, sizeof (Stretch));
  first_day = _limber_schedule_local_day (tz, t) - 1;
  for (gint64 day = first_day; day < first_day + WINDOW_DAYS; day++)
    {
      if (!(config->work_days & (1 << _limber_schedule_weekday (day))))
        continue;

      for (guint i = 0; i < config->spans->len; i++)
        {
          const LimberWorkSpan *span = &g_array_index (config->spans, LimberWorkSpan, i);
          Stretch stretch;
          gint64 out[2];
          guint n;

          if (!span_is_valid (span))
            continue;

          _limber_schedule_local_instants (tz, day, span->start, out);
          stretch.start = out[0];
          n = _limber_schedule_local_instants (tz, span->end > span->start ? day : day + 1, span->end, out);
          stretch.end = out[n - 1];
          if (stretch.end > stretch.start)
            g_array_append_val (stretches, stretch);
        }
    }

  if (stretches->len == 0)
    return FALSE;

  g_array_sort (stretches, compare_stretches);
  /* in any time zone, before the second last day begins */
  window_end = ((first_day + WINDOW_DAYS - 2) * DAY_SECONDS - 15 * 60 * 60) * G_USEC_PER_SEC;

  for (guint i = 0; i < stretches->len; i++)
    {
      Stretch merged = g_array_index (stretches, Stretch, i);

      while (i + 1 < stretches->len && g_array_index (stretches, Stretch, i + 1).start <= merged.end)
        {
          i++;
          merged.end = MAX (merged.end, g_array_index (stretches, Stretch, i).end);
        }

      if (merged.end <= t)
        continue;

      *start = merged.start;
      *end = merged.end > window_end ? FAR_FUTURE : merged.end;
      return TRUE;
    }

  return FALSE;
}

/**
 * limber_schedule_in_working_hours:
 * @config: the configuration
 * @when: a moment, in the local time zone
 *
 * Returns: whether break reminders may come at @when as far as working
 *   hours go: always when working hours are off
 */
gboolean
limber_schedule_in_working_hours (const LimberScheduleConfig *config,
                                  GDateTime                  *when)
{
  gint64 t;
  gint64 start;
  gint64 end;

  g_return_val_if_fail (config != NULL, FALSE);
  g_return_val_if_fail (when != NULL, FALSE);

  if (!config->hours)
    return TRUE;

  t = limber_time_to_usec (when);
  return _limber_schedule_hours_next (config, g_date_time_get_timezone (when), t, &start, &end)
         && start <= t;
}
