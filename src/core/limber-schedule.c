/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-schedule"

#include <string.h>

#include "limber-schedule-private.h"
#include "limber-time.h"

/* When reminders are due, computed from the configuration, the state and
 * "now" alone, so that the service sleeps until the next due moment and
 * the tests run weeks in virtual time.
 *
 * Breaks. A break is due break_interval after active_since. When it is
 * shown the next one counts from that moment (take_due sets active_since to
 * "now"), unless a real break comes first: the service calls
 * limber_schedule_note_break() when an idle spell of idle_break ends or the
 * computer wakes from suspend. A break is never a catch-up.
 *
 * Clock reminders. A routine slot is due at its local time on each of its
 * weekdays; the check-in at checkin_at each day on which no check-in has been
 * logged (one logged earlier that day, or while the reminder waited, means
 * none). Local times use the time zone of "now". A time that does not exist
 * on the day the clocks go forward comes at the first instant after the gap
 * (02:30 → 03:00 in Berlin); a time that happens twice when they go back
 * comes once, the first time.
 *
 * Catch-up. Clock reminders that became due in (handled_until, now] were
 * missed or are due now. take_due() returns the most recent one and sets
 * handled_until to now, which drops the others; when it stands for more
 * than one, catch_up is TRUE (a single late one is just late). So after
 * three days asleep there is one reminder, never a flood. Two reminders
 * set for the same minute also come as one. While reminders are off,
 * take_due() keeps handled_until at now, so nothing from that time comes
 * later.
 *
 * Working hours (limber-schedule-hours.c), when on, hold the breaks: a
 * break is due only inside a stretch of working time and outside quiet
 * hours. Activity counts from the start of a stretch (the time outside
 * working hours is a break), and a break that would fall after the end of
 * its stretch, or that quiet hours push past it, does not come: the next
 * one is due break_interval into the next stretch. A snoozed break that
 * would come back outside working hours is dropped the same way. Clock
 * reminders keep their own times.
 *
 * Quiet hours, [quiet_start, quiet_end) local, running past midnight when
 * the start is later than the end, none when they are equal. Nothing is
 * delivered inside them: a reminder that falls there comes at their end,
 * where the clock reminders that gathered collapse into one.
 *
 * Pause. Nothing comes before paused_until, and what would have come
 * during the pause is dropped, not delivered at its end: a pause means
 * "leave me alone". A clock reminder is dropped when its own time is in the
 * pause (even if quiet hours would have moved it past the end); breaks keep
 * their rhythm and the ones in the pause are skipped, as if shown. An
 * expired pause may stay in paused_until: it is only ever compared with.
 * Resume cannot know the time, so it sets "resumed" and next_wakeup()
 * returns "now" until take_due() ends the pause there.
 *
 * Snooze. A snoozed reminder comes back at the snooze's end (moved out of
 * quiet hours, dropped if that falls in a pause), as itself, not as a
 * catch-up; snoozed ahead of its time, it does not also come at that time
 * (handled_until moves there). Snoozing a break moves the break itself
 * (break_snoozed_until), so there is no second one; a real break cancels
 * it. Routines and the check-in share one snooze (snoozed_until, _kind,
 * _slot): a newer one replaces the older.
 *
 * When several things are due at once, take_due() returns them one a
 * call, the earliest first, clock reminders before the rest at a tie. A
 * routine reminder stands for a break due by then (the break counter
 * restarts), since both say "stretch now".
 */

#define DAY_SECONDS _LIMBER_SCHEDULE_DAY_SECONDS
#define FAR_FUTURE _LIMBER_SCHEDULE_FAR_FUTURE
/* How far back to look for missed clock reminders. */
#define MAX_CATCH_UP_DAYS 400

typedef enum
{
  SOURCE_CLOCK,
  SOURCE_SNOOZE,
  SOURCE_BREAK,
} Source;

typedef struct
{
  int    source;  /* index into config->routines, or n_routines for the check-in */
  gint64 at;      /* the instant the local clock shows its time */
  gint64 due;     /* the same, moved out of quiet hours */
} Occurrence;

/**
 * limber_schedule_state_init:
 * @state: the state to set up
 * @now: wall-clock microseconds since the epoch
 *
 * Starts afresh at @now: activity begins, nothing missed so far, no
 * check-in known, no pause, no snooze. The service also does this when
 * reminders are turned on, so that nothing from the time they were off
 * comes as a catch-up.
 */
void
limber_schedule_state_init (LimberScheduleState *state,
                            gint64               now)
{
  g_return_if_fail (state != NULL);

  memset (state, 0, sizeof *state);
  state->active_since = now;
  state->handled_until = now;
  state->snoozed_kind = LIMBER_REMINDER_BREAK;
  state->snoozed_slot = -1;
}

/* Time zone arithmetic, in seconds and in "local days": days since
 * 1970-01-01 on the local calendar. */

static gint64
floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  if (a % b != 0 && (a < 0) != (b < 0))
    q--;

  return q;
}

static gint32
offset_at (GTimeZone *tz,
           gint64     utc)
{
  return g_time_zone_get_offset (tz, g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, utc));
}

static gint64
local_seconds (GTimeZone *tz,
               gint64     t)
{
  gint64 utc = floor_div (t, G_USEC_PER_SEC);

  return utc + offset_at (tz, utc);
}

static gint64
local_day (GTimeZone *tz,
           gint64     t)
{
  return floor_div (local_seconds (tz, t), DAY_SECONDS);
}

static guint
time_of_day (GTimeZone *tz,
             gint64     t)
{
  gint64 local = local_seconds (tz, t);

  return local - floor_div (local, DAY_SECONDS) * DAY_SECONDS;
}

/* 0 Monday … 6 Sunday; 1970-01-01 was a Thursday */
static guint
weekday (gint64 day)
{
  return (guint) ((day % 7 + 7 + 3) % 7);
}

/* The instants, in microseconds and in order, at which the local clock
 * shows @seconds on @day: two in the hour the clocks go back, otherwise
 * one. In the hour they skip, the first instant after the gap. Assumes at
 * most one change of offset within a day of it, as in every real zone. */
static guint
local_instants (GTimeZone *tz,
                gint64     day,
                guint      seconds,
                gint64     out[2])
{
  gint64 wall = day * DAY_SECONDS + seconds;
  gint32 before = offset_at (tz, wall - DAY_SECONDS);
  gint32 after = offset_at (tz, wall + DAY_SECONDS);
  guint n = 0;

  if (offset_at (tz, wall - before) == before)
    out[n++] = wall - before;
  if (after != before && offset_at (tz, wall - after) == after)
    out[n++] = wall - after;

  if (n == 2 && out[0] > out[1])
    {
      gint64 tmp = out[0];

      out[0] = out[1];
      out[1] = tmp;
    }
  else if (n == 0)
    {
      /* A gap: find when the offset changes, to the second. */
      gint64 lo = MIN (wall - before, wall - after);
      gint64 hi = MAX (wall - before, wall - after);
      gint32 lo_offset = offset_at (tz, lo);

      while (hi - lo > 1)
        {
          gint64 mid = lo + (hi - lo) / 2;

          if (offset_at (tz, mid) == lo_offset)
            lo = mid;
          else
            hi = mid;
        }
      out[n++] = hi;
    }

  for (guint i = 0; i < n; i++)
    out[i] *= G_USEC_PER_SEC;

  return n;
}

gint64
_limber_schedule_local_day (GTimeZone *tz,
                            gint64     t)
{
  return local_day (tz, t);
}

guint
_limber_schedule_weekday (gint64 day)
{
  return weekday (day);
}

guint
_limber_schedule_local_instants (GTimeZone *tz,
                                 gint64     day,
                                 guint      seconds,
                                 gint64     out[2])
{
  return local_instants (tz, day, seconds, out);
}

static gint64
first_local_instant (GTimeZone *tz,
                     gint64     day,
                     guint      seconds)
{
  gint64 out[2];

  local_instants (tz, day, seconds, out);
  return out[0];
}

/* Quiet hours */

static gboolean
quiet_at_time_of_day (const LimberScheduleConfig *config,
                      guint                       seconds)
{
  if (!config->quiet || config->quiet_start == config->quiet_end)
    return FALSE;
  if (config->quiet_start >= DAY_SECONDS || config->quiet_end >= DAY_SECONDS)
    return FALSE;

  if (config->quiet_start < config->quiet_end)
    return seconds >= config->quiet_start && seconds < config->quiet_end;
  else
    return seconds >= config->quiet_start || seconds < config->quiet_end;
}

static gboolean
is_quiet (const LimberScheduleConfig *config,
          GTimeZone                  *tz,
          gint64                      t)
{
  return quiet_at_time_of_day (config, time_of_day (tz, t));
}

/* The first moment at or after @t outside quiet hours */
static gint64
out_of_quiet (const LimberScheduleConfig *config,
              GTimeZone                  *tz,
              gint64                      t)
{
  /* More than one round only when quiet hours end inside a gap or an
   * overlap of a daylight-saving change and begin again right after. */
  for (guint round = 0; round < 3 && is_quiet (config, tz, t); round++)
    {
      gint64 day = local_day (tz, t);
      gint64 out[2];
      guint n;

      if (config->quiet_start > config->quiet_end && time_of_day (tz, t) >= config->quiet_start)
        day++;

      n = local_instants (tz, day, config->quiet_end, out);
      t = n == 2 && out[0] <= t ? out[1] : out[0];
    }

  return t;
}

/* Clock reminders */

static guint
n_routines (const LimberScheduleConfig *config)
{
  return config->routines != NULL ? config->routines->len : 0;
}

static guint
n_clock_sources (const LimberScheduleConfig *config)
{
  return n_routines (config) + 1;
}

static gboolean
checked_in_on (const LimberScheduleState *state,
               GTimeZone                 *tz,
               gint64                     day)
{
  return state->last_checkin != 0 && local_day (tz, state->last_checkin) == day;
}

/* Source n < n_routines is that routine slot, n_routines the check-in. */
static gboolean
occurrence_on_day (const LimberScheduleConfig *config,
                   const LimberScheduleState  *state,
                   GTimeZone                  *tz,
                   guint                       source,
                   gint64                      day,
                   Occurrence                 *occ)
{
  guint seconds;

  if (source < n_routines (config))
    {
      const LimberRoutineSlot *slot = &g_array_index (config->routines, LimberRoutineSlot, source);

      if (slot->hour > 23 || slot->minute > 59 || !(slot->weekdays & (1 << weekday (day))))
        return FALSE;
      seconds = slot->hour * 60 * 60 + slot->minute * 60;
    }
  else
    {
      if (!config->checkin || config->checkin_at >= DAY_SECONDS || checked_in_on (state, tz, day))
        return FALSE;
      seconds = config->checkin_at;
    }

  occ->source = source;
  occ->at = first_local_instant (tz, day, seconds);
  if (occ->at < state->paused_until)
    return FALSE;
  occ->due = out_of_quiet (config, tz, occ->at);

  return TRUE;
}

static gboolean
later_occurrence (const Occurrence *a,
                  const Occurrence *b)
{
  return a->due > b->due || (a->due == b->due && a->at > b->at);
}

/* The clock reminders due in (@after, @until]: how many, and the most recent */
static guint
collect_missed (const LimberScheduleConfig *config,
                const LimberScheduleState  *state,
                GTimeZone                  *tz,
                gint64                      after,
                gint64                      until,
                Occurrence                 *latest)
{
  gint64 last_day;
  gint64 first_day;
  gint64 latest_day = 0;
  guint count = 0;

  if (after >= until)
    return 0;

  last_day = local_day (tz, until);
  /* Quiet hours move a reminder by less than a day */
  first_day = MAX (local_day (tz, after) - 2, last_day - MAX_CATCH_UP_DAYS);

  for (gint64 day = last_day; day >= first_day; day--)
    {
      /* Earlier days cannot hold a later one, only add to the count */
      if (count > 1 && day + 2 <= latest_day)
        break;

      for (guint source = 0; source < n_clock_sources (config); source++)
        {
          Occurrence occ;

          if (!occurrence_on_day (config, state, tz, source, day, &occ) || occ.due <= after || occ.due > until)
            continue;

          if (count++ == 0 || later_occurrence (&occ, latest))
            {
              *latest = occ;
              latest_day = day;
            }
        }
    }

  return count;
}

/* The first clock reminder due after @after */
static gboolean
find_next_clock (const LimberScheduleConfig *config,
                 const LimberScheduleState  *state,
                 GTimeZone                  *tz,
                 gint64                      after,
                 Occurrence                 *next)
{
  gint64 from = MAX (after, state->paused_until);
  gint64 first_day;
  gboolean found = FALSE;

  if (from > FAR_FUTURE)
    return FALSE;

  /* A week, with a day either side for quiet hours and time zones */
  first_day = local_day (tz, from) - 1;
  for (gint64 day = first_day; day <= first_day + 9; day++)
    {
      for (guint source = 0; source < n_clock_sources (config); source++)
        {
          Occurrence occ;

          if (!occurrence_on_day (config, state, tz, source, day, &occ) || occ.due <= after)
            continue;

          if (!found || occ.due < next->due || (occ.due == next->due && occ.at > next->at))
            {
              *next = occ;
              found = TRUE;
            }
        }

      /* The next day begins after it, in any time zone */
      if (found && ((day + 1) * DAY_SECONDS - 15 * 60 * 60) * G_USEC_PER_SEC > next->due)
        break;
    }

  return found;
}

static void
occurrence_to_due (const LimberScheduleConfig *config,
                   const Occurrence           *occ,
                   LimberDue                  *due)
{
  if (occ->source < (int) n_routines (config))
    {
      due->kind = LIMBER_REMINDER_ROUTINE;
      due->slot = occ->source;
    }
  else
    {
      due->kind = LIMBER_REMINDER_CHECKIN;
      due->slot = -1;
    }
  due->due = occ->due;
  due->catch_up = FALSE;
}

/* Breaks and snoozes */


/* Breaks keep their rhythm through a pause: the ones in it are skipped */
static gboolean
skip_pause (const LimberScheduleState *state,
            gint64                     interval,
            gint64                    *t)
{
  if (*t < state->paused_until)
    {
      if (state->paused_until > FAR_FUTURE)
        return FALSE;
      *t += (state->paused_until - *t + interval - 1) / interval * interval;
    }

  return TRUE;
}

/* @t is when the break is due without working hours. One due before
 * @now is delivered at @now (out of quiet hours), so that too must be
 * inside its stretch. */
static gboolean
find_break_in_hours (const LimberScheduleConfig *config,
                     const LimberScheduleState  *state,
                     GTimeZone                  *tz,
                     gint64                      t,
                     gint64                      now,
                     gint64                     *due)
{
  gint64 interval = (gint64) config->break_interval * G_USEC_PER_SEC;
  gint64 earliest = out_of_quiet (config, tz, now);
  gint64 active = state->active_since;
  gint64 start;
  gint64 end;

  if (state->paused_until > FAR_FUTURE)
    return FALSE;

  /* a snooze that ends inside working time comes then */
  if (state->break_snoozed_until != 0)
    {
      if (!_limber_schedule_hours_next (config, tz, t, &start, &end))
        return FALSE;
      if (t >= start && skip_pause (state, interval, &t) && t < end
          && (t = out_of_quiet (config, tz, t)) < end && MAX (t, earliest) < end)
        {
          *due = t;
          return TRUE;
        }
      active = MAX (active, state->break_snoozed_until);
    }

  /* Stretches over by now are done with: the time since counts as a break */
  if (!_limber_schedule_hours_next (config, tz, now, &start, &end))
    return FALSE;
  active = MAX (active, start);

  /* Each round is a later stretch; a week without a stretch long enough
   * for a break, out of quiet hours, has none. */
  for (guint round = 0; round < 7 * 8 && active < FAR_FUTURE; round++)
    {
      if (!_limber_schedule_hours_next (config, tz, active, &start, &end))
        return FALSE;

      t = MAX (active, start) + interval;
      if (skip_pause (state, interval, &t) && t < end
          && (t = out_of_quiet (config, tz, t)) < end && MAX (t, earliest) < end)
        {
          *due = t;
          return TRUE;
        }
      active = end;
    }

  return FALSE;
}

static gboolean
find_break (const LimberScheduleConfig *config,
            const LimberScheduleState  *state,
            GTimeZone                  *tz,
            gint64                      now,
            gint64                     *due)
{
  gint64 interval = (gint64) config->break_interval * G_USEC_PER_SEC;
  gint64 t;

  if (!config->breaks || interval == 0)
    return FALSE;

  if (state->break_snoozed_until != 0)
    t = state->break_snoozed_until;
  else
    t = state->active_since + interval;

  if (config->hours)
    return find_break_in_hours (config, state, tz, t, now, due);

  if (!skip_pause (state, interval, &t))
    return FALSE;

  *due = out_of_quiet (config, tz, t);

  return TRUE;
}

static gboolean
find_snoozed (const LimberScheduleConfig *config,
              const LimberScheduleState  *state,
              GTimeZone                  *tz,
              LimberDue                  *due)
{
  if (state->snoozed_until == 0 || state->snoozed_until < state->paused_until)
    return FALSE;

  if (state->snoozed_kind == LIMBER_REMINDER_ROUTINE)
    {
      if (state->snoozed_slot < 0 || state->snoozed_slot >= (int) n_routines (config))
        return FALSE;
      due->slot = state->snoozed_slot;
    }
  else if (state->snoozed_kind == LIMBER_REMINDER_CHECKIN)
    {
      if (!config->checkin || checked_in_on (state, tz, local_day (tz, state->snoozed_until)))
        return FALSE;
      due->slot = -1;
    }
  else
    return FALSE;

  due->kind = state->snoozed_kind;
  due->due = out_of_quiet (config, tz, state->snoozed_until);
  due->catch_up = FALSE;

  return TRUE;
}

/* Evaluation */

typedef struct
{
  gboolean  found;
  gint64    deliver;  /* when it can be shown: its due time, or now, or the end of quiet hours */
  Source    source;
  LimberDue due;
  guint     n_missed;  /* clock reminders in (handled_until, now] */
} Pick;

static void
consider (Pick            *pick,
          Source           source,
          const LimberDue *due,
          gint64           deliver)
{
  if (pick->found)
    {
      if (deliver > pick->deliver)
        return;
      if (deliver == pick->deliver)
        {
          if (due->due > pick->due.due)
            return;
          if (due->due == pick->due.due && source >= pick->source)
            return;
        }
    }

  pick->found = TRUE;
  pick->deliver = deliver;
  pick->source = source;
  pick->due = *due;
}

/* What comes next: due now when pick->deliver <= now. */
static Pick
evaluate (const LimberScheduleConfig *config,
          const LimberScheduleState  *state,
          GTimeZone                  *tz,
          gint64                      now)
{
  Pick pick = { FALSE, };
  gint64 earliest = out_of_quiet (config, tz, now);
  Occurrence occ = { 0, };
  LimberDue due;
  gint64 at;

  if ((pick.n_missed = collect_missed (config, state, tz, state->handled_until, now, &occ)) > 0)
    {
      occurrence_to_due (config, &occ, &due);
      due.catch_up = pick.n_missed > 1;
      consider (&pick, SOURCE_CLOCK, &due, MAX (due.due, earliest));
    }

  if (find_next_clock (config, state, tz, MAX (now, state->handled_until), &occ))
    {
      occurrence_to_due (config, &occ, &due);
      consider (&pick, SOURCE_CLOCK, &due, MAX (due.due, earliest));
    }

  if (find_snoozed (config, state, tz, &due))
    consider (&pick, SOURCE_SNOOZE, &due, MAX (due.due, earliest));

  if (find_break (config, state, tz, now, &at))
    {
      due = (LimberDue) { LIMBER_REMINDER_BREAK, at, -1, FALSE };
      consider (&pick, SOURCE_BREAK, &due, MAX (at, earliest));
    }

  return pick;
}

/* A resumed pause ends at the first evaluation after it. */
static void
settle_resume (LimberScheduleState *state,
               gint64               now)
{
  if (!state->resumed)
    return;

  state->resumed = FALSE;
  state->paused_until = now;
  state->handled_until = MAX (state->handled_until, now);
}

/**
 * limber_schedule_next_wakeup:
 * @config: the configuration
 * @state: the state
 * @now: now, in the local time zone
 * @next: (out caller-allocates) (optional): what is due then
 *
 * The earliest moment at which something can be due: @now if something is
 * due already (take it with limber_schedule_take_due()), otherwise a moment
 * strictly after @now, exact to the microsecond, so that the service sleeps
 * until then and never polls. Anything that changes the state or the
 * configuration (a break noted, a check-in logged, a pause, new settings)
 * calls for asking again. Right after limber_schedule_resume() it is @now,
 * so that limber_schedule_take_due() ends the pause at once.
 *
 * Returns: wall-clock microseconds since the epoch, or %G_MAXINT64 when
 *   nothing can ever be due
 */
gint64
limber_schedule_next_wakeup (const LimberScheduleConfig *config,
                             const LimberScheduleState  *state,
                             GDateTime                  *now,
                             LimberDue                  *next)
{
  LimberScheduleState settled;
  gint64 now_usec;
  Pick pick;

  g_return_val_if_fail (config != NULL, G_MAXINT64);
  g_return_val_if_fail (state != NULL, G_MAXINT64);
  g_return_val_if_fail (now != NULL, G_MAXINT64);

  if (next != NULL)
    *next = (LimberDue) { LIMBER_REMINDER_BREAK, G_MAXINT64, -1, FALSE };

  if (!config->enabled)
    return G_MAXINT64;

  now_usec = limber_time_to_usec (now);
  settled = *state;
  settle_resume (&settled, now_usec);
  pick = evaluate (config, &settled, g_date_time_get_timezone (now), now_usec);

  if (!pick.found)
    return G_MAXINT64;

  if (next != NULL)
    *next = pick.due;

  return state->resumed ? now_usec : MAX (pick.deliver, now_usec);
}

/**
 * limber_schedule_take_due:
 * @config: the configuration
 * @state: the state, advanced past what is returned
 * @now: now, in the local time zone
 * @due: (out caller-allocates) (optional): what is due
 *
 * Takes one reminder due at @now, if any. Clock reminders that were missed
 * come as one, the most recent, with catch_up set when it stands for more
 * than one; the rest are dropped. Call it again until it returns %FALSE
 * when several kinds are due at once.
 *
 * Returns: whether a reminder is due
 */
gboolean
limber_schedule_take_due (const LimberScheduleConfig *config,
                          LimberScheduleState        *state,
                          GDateTime                  *now,
                          LimberDue                  *due)
{
  GTimeZone *tz;
  gint64 now_usec;
  gint64 break_at;
  Pick pick;

  g_return_val_if_fail (config != NULL, FALSE);
  g_return_val_if_fail (state != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  now_usec = limber_time_to_usec (now);
  tz = g_date_time_get_timezone (now);
  settle_resume (state, now_usec);

  if (!config->enabled)
    {
      /* Nothing from the time reminders were off comes later */
      state->handled_until = MAX (state->handled_until, now_usec);
      return FALSE;
    }

  pick = evaluate (config, state, tz, now_usec);

  /* Missed clock reminders wait until they are taken, all at once */
  if (pick.n_missed == 0 || (pick.source == SOURCE_CLOCK && pick.deliver <= now_usec))
    state->handled_until = MAX (state->handled_until, now_usec);

  if (!pick.found || pick.deliver > now_usec)
    return FALSE;

  switch (pick.source)
    {
    case SOURCE_SNOOZE:
      state->snoozed_until = 0;
      state->snoozed_slot = -1;
      break;

    case SOURCE_BREAK:
      state->active_since = now_usec;
      state->break_snoozed_until = 0;
      break;

    case SOURCE_CLOCK:
    default:
      break;
    }

  if (pick.due.kind == LIMBER_REMINDER_ROUTINE
      && find_break (config, state, tz, now_usec, &break_at) && break_at <= now_usec)
    {
      state->active_since = now_usec;
      state->break_snoozed_until = 0;
    }

  if (due != NULL)
    *due = pick.due;

  return TRUE;
}

/**
 * limber_schedule_note_break:
 * @state: the state
 * @ended_at: when the break ended, wall-clock microseconds since the epoch
 *
 * Notes a real break: an idle spell of at least idle_break, or time
 * asleep. The next break counts from @ended_at, and a snoozed break is
 * forgotten.
 */
void
limber_schedule_note_break (LimberScheduleState *state,
                            gint64               ended_at)
{
  g_return_if_fail (state != NULL);

  state->active_since = MAX (state->active_since, ended_at);
  state->break_snoozed_until = 0;
}

/**
 * limber_schedule_snooze:
 * @state: the state
 * @due: the reminder to bring back, as limber_schedule_take_due() gave it
 * @until: when, wall-clock microseconds since the epoch
 *
 * Brings @due back at @until. A snoozed break is the next break, kept
 * apart from a snoozed routine or check-in; a newer snooze of either
 * replaces the older one. @due may also be the next reminder, from
 * limber_schedule_next_wakeup(), snoozed before it comes: then it does not
 * come at its own time.
 */
void
limber_schedule_snooze (LimberScheduleState *state,
                        const LimberDue     *due,
                        gint64               until)
{
  g_return_if_fail (state != NULL);
  g_return_if_fail (due != NULL);
  g_return_if_fail (due->kind < LIMBER_N_REMINDER_KINDS);

  if (due->kind == LIMBER_REMINDER_BREAK)
    {
      state->break_snoozed_until = until;
      return;
    }

  state->snoozed_until = until;
  state->snoozed_kind = due->kind;
  state->snoozed_slot = due->kind == LIMBER_REMINDER_ROUTINE ? due->slot : -1;

  /* Snoozed ahead of time: it does not come at its own time too */
  state->handled_until = MAX (state->handled_until, due->due);
}

/**
 * limber_schedule_pause:
 * @state: the state
 * @until: the end of the pause, wall-clock microseconds since the epoch
 *
 * Nothing is due before @until, and what would have come in the meantime
 * is dropped, not delivered at the end.
 */
void
limber_schedule_pause (LimberScheduleState *state,
                       gint64               until)
{
  g_return_if_fail (state != NULL);

  state->paused_until = until;
  state->resumed = FALSE;
}

/**
 * limber_schedule_resume:
 * @state: the state
 *
 * Ends a pause early. What fell in the pause up to now stays dropped: the
 * pause ends at the @now of the next limber_schedule_take_due(), which
 * limber_schedule_next_wakeup() asks for at once.
 */
void
limber_schedule_resume (LimberScheduleState *state)
{
  g_return_if_fail (state != NULL);

  if (state->paused_until == 0)
    return;

  state->paused_until = 0;
  state->resumed = TRUE;
}

/**
 * limber_schedule_in_quiet_hours:
 * @config: the configuration
 * @when: a moment, in the local time zone
 *
 * Returns: whether @when is inside quiet hours
 */
gboolean
limber_schedule_in_quiet_hours (const LimberScheduleConfig *config,
                                GDateTime                  *when)
{
  g_return_val_if_fail (config != NULL, FALSE);
  g_return_val_if_fail (when != NULL, FALSE);

  return quiet_at_time_of_day (config,
                               g_date_time_get_hour (when) * 60 * 60
                               + g_date_time_get_minute (when) * 60
                               + g_date_time_get_second (when));
}
