/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-core"

#include "limber-suggestion.h"

/* The one routine the Today page offers when the person follows no
 * program. Pure: the reminder schedule and "now" in, a routine id out.
 *
 * The rule, in order:
 *  1. A routine the person planned (a routine reminder in Preferences)
 *     that is due within the next two hours, or was due in the last half
 *     hour: they said when they want it, so that comes first. This is how a
 *     warm-up before a planned run is offered before the run.
 *  2. Otherwise the time of day (local time):
 *     - 05:00–10:59, the morning: the morning hamstring routine, since
 *       muscles are stiffest after a night's rest;
 *     - 11:00–16:59 on a working day (Monday to Friday): the two-minute
 *       desk break, for the hours spent sitting;
 *     - the same hours at a weekend: the morning routine again, a gentle
 *       session for a day off;
 *     - 17:00–21:59, the evening, and later at night: the evening
 *       wind-down, slow stretches that do not wake the body up.
 * The caller shows the reason in words and falls back to any routine when
 * the suggested one is missing. */

static gboolean
slot_due_near (const LimberRoutineSlot *slot,
               GDateTime               *now,
               gint64                  *due_at)
{
  /* today's time of the slot, and tomorrow's (for 23:30 → 00:30) */
  for (int day = 0; day <= 1; day++)
    {
      g_autoptr(GDateTime) date = g_date_time_add_days (now, day);
      g_autoptr(GDateTime) due = NULL;
      int weekday = g_date_time_get_day_of_week (date);   /* 1 Monday … 7 Sunday */
      gint64 delta;

      if ((slot->weekdays & (1 << (weekday - 1))) == 0)
        continue;
      due = g_date_time_new (g_date_time_get_timezone (now),
                             g_date_time_get_year (date), g_date_time_get_month (date),
                             g_date_time_get_day_of_month (date), slot->hour, slot->minute, 0);
      if (due == NULL)
        continue;
      delta = g_date_time_difference (due, now) / G_USEC_PER_SEC;
      if (delta <= LIMBER_SUGGESTION_AHEAD_SECONDS && delta >= -LIMBER_SUGGESTION_AFTER_SECONDS)
        {
          *due_at = g_date_time_to_unix (due) * G_USEC_PER_SEC;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * limber_suggest_routine:
 * @config: (nullable): the reminder schedule; %NULL for none
 * @now: the local time now
 * @out: (out caller-allocates): the suggestion
 */
void
limber_suggest_routine (const LimberScheduleConfig *config,
                        GDateTime                  *now,
                        LimberSuggestion           *out)
{
  int hour;
  gboolean weekend;
  gint64 best_due = 0;

  g_return_if_fail (now != NULL);
  g_return_if_fail (out != NULL);

  *out = (LimberSuggestion) { 0 };

  /* the soonest planned routine wins; reminders switched off plan nothing */
  if (config != NULL && config->enabled && config->routines != NULL)
    for (guint i = 0; i < config->routines->len; i++)
      {
        const LimberRoutineSlot *slot = &g_array_index (config->routines, LimberRoutineSlot, i);
        gint64 due;

        if (slot->routine_id == NULL || !slot_due_near (slot, now, &due))
          continue;
        if (out->routine_id == NULL || due < best_due)
          {
            out->routine_id = slot->routine_id;
            out->reason = LIMBER_SUGGESTION_PLANNED;
            out->planned_at = due;
            best_due = due;
          }
      }
  if (out->routine_id != NULL)
    return;

  hour = g_date_time_get_hour (now);
  weekend = g_date_time_get_day_of_week (now) >= 6;
  if (hour >= 5 && hour < 11)
    {
      out->routine_id = LIMBER_SUGGESTION_MORNING_ROUTINE;
      out->reason = LIMBER_SUGGESTION_MORNING;
    }
  else if (hour >= 11 && hour < 17)
    {
      out->routine_id = weekend ? LIMBER_SUGGESTION_MORNING_ROUTINE : LIMBER_SUGGESTION_WORKDAY_ROUTINE;
      out->reason = weekend ? LIMBER_SUGGESTION_DAYTIME : LIMBER_SUGGESTION_WORKDAY;
    }
  else
    {
      out->routine_id = LIMBER_SUGGESTION_EVENING_ROUTINE;
      out->reason = hour >= 17 && hour < 22 ? LIMBER_SUGGESTION_EVENING : LIMBER_SUGGESTION_NIGHT;
    }
}
