/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-progression"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "limber-progression.h"

/* The rules of limber-progression.h. Pure: no journal, no clock, so that
 * tests can play weeks through them. Every reason is one kind sentence that
 * says what was seen and what happens next, never what is wrong with
 * someone: the app informs, it does not diagnose. */

G_DEFINE_ENUM_TYPE (LimberProgressionAction, limber_progression_action,
  G_DEFINE_ENUM_VALUE (LIMBER_PROGRESSION_STAY, "stay"),
  G_DEFINE_ENUM_VALUE (LIMBER_PROGRESSION_ADVANCE, "advance"),
  G_DEFINE_ENUM_VALUE (LIMBER_PROGRESSION_STEP_BACK, "step-back"))

G_DEFINE_ENUM_TYPE (LimberProgressionReason, limber_progression_reason,
  G_DEFINE_ENUM_VALUE (LIMBER_PROGRESSION_REASON_STOPPED_FOR_PAIN, "stopped-for-pain"),
  G_DEFINE_ENUM_VALUE (LIMBER_PROGRESSION_REASON_PAIN_FLARE, "pain-flare"),
  G_DEFINE_ENUM_VALUE (LIMBER_PROGRESSION_REASON_NEEDS_SESSIONS, "needs-sessions"),
  G_DEFINE_ENUM_VALUE (LIMBER_PROGRESSION_REASON_NEEDS_CHECKINS, "needs-checkins"),
  G_DEFINE_ENUM_VALUE (LIMBER_PROGRESSION_REASON_RISING, "rising"),
  G_DEFINE_ENUM_VALUE (LIMBER_PROGRESSION_REASON_TOP_LEVEL, "top-level"),
  G_DEFINE_ENUM_VALUE (LIMBER_PROGRESSION_REASON_STEADY, "steady"))

G_DEFINE_BOXED_TYPE (LimberProgressionDecision, limber_progression_decision,
                     limber_progression_decision_copy, limber_progression_decision_free)

LimberProgressionDecision *
limber_progression_decision_copy (const LimberProgressionDecision *decision)
{
  LimberProgressionDecision *copy;

  g_return_val_if_fail (decision != NULL, NULL);

  copy = g_new (LimberProgressionDecision, 1);
  *copy = *decision;
  copy->text = g_strdup (decision->text);
  return copy;
}

void
limber_progression_decision_free (LimberProgressionDecision *decision)
{
  if (decision == NULL)
    return;
  g_free (decision->text);
  g_free (decision);
}

gboolean
limber_progression_compute_baseline (GPtrArray *checkins,
                                     GDateTime *started_at,
                                     double    *pain,
                                     double    *stiffness)
{
  g_autoptr(GDateTime) week_before = NULL;
  const LimberCheckin *first_after = NULL;
  double pain_sum = 0, stiffness_sum = 0;
  guint n = 0;

  g_return_val_if_fail (checkins != NULL, FALSE);
  g_return_val_if_fail (started_at != NULL, FALSE);

  week_before = g_date_time_add_days (started_at, -LIMBER_PROGRESSION_BASELINE_DAYS);
  for (guint i = 0; i < checkins->len; i++)
    {
      const LimberCheckin *c = g_ptr_array_index (checkins, i);

      if (g_date_time_compare (c->time, started_at) < 0)
        {
          if (g_date_time_compare (c->time, week_before) >= 0)
            {
              pain_sum += c->pain;
              stiffness_sum += c->stiffness;
              n++;
            }
        }
      else if (first_after == NULL || g_date_time_compare (c->time, first_after->time) < 0)
        first_after = c;
    }

  if (n > 0)
    {
      *pain = pain_sum / n;
      *stiffness = stiffness_sum / n;
      return TRUE;
    }
  if (first_after != NULL)
    {
      *pain = first_after->pain;
      *stiffness = first_after->stiffness;
      return TRUE;
    }
  return FALSE;
}

static gboolean
in_level (GDateTime                *time,
          const LimberProgramState *state,
          GDateTime                *now)
{
  return g_date_time_compare (time, state->level_since) >= 0 &&
         g_date_time_compare (time, now) <= 0;
}

/* "for a week", "for 10 days": how long the level has gone well. */
static char *
format_span (GDateTime *since,
             GDateTime *now)
{
  guint days = g_date_time_difference (now, since) / G_TIME_SPAN_DAY;

  if (days == 0)
    return g_strdup (_("since this level started"));
  if (days % 7 == 0)
    {
      guint weeks = days / 7;

      if (weeks == 1)
        return g_strdup (_("for a week"));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "for %u week", "for %u weeks", weeks), weeks);
    }
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "for %u day", "for %u days", days), days);
}

static int
round_score (double value)
{
  return (int) floor (value + 0.5);
}

/**
 * limber_progression_decide:
 * @program: the program
 * @state: where the person is: level, level_since and baseline
 * @sessions: (element-type LimberSessionInfo): sessions; those of other
 *   routines, or from before the level started, are not counted
 * @checkins: (element-type LimberCheckin): check-ins; only those since the
 *   level started count
 * @now: the moment of the decision; anything later is not counted
 *
 * Returns: (transfer full): what to do next, and why.
 */
LimberProgressionDecision *
limber_progression_decide (LimberProgram            *program,
                           const LimberProgramState *state,
                           GPtrArray                *sessions,
                           GPtrArray                *checkins,
                           GDateTime                *now)
{
  g_autoptr(LimberProgressionDecision) d = g_new0 (LimberProgressionDecision, 1);
  guint n_levels, completed = 0, stopped_for_pain = 0, n_checkins = 0;
  int max_pain = -1, max_stiffness = -1;
  int pain_limit, stiffness_limit;

  g_return_val_if_fail (LIMBER_IS_PROGRAM (program), NULL);
  g_return_val_if_fail (state != NULL && state->level_since != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  n_levels = limber_program_get_n_levels (program);
  d->level = CLAMP (state->level, 1, n_levels);
  d->new_level = d->level;
  d->action = LIMBER_PROGRESSION_STAY;

  /* A level of several parts (a warm-up before a run, a cool-down after):
   * each completed part is a session, so SessionsToAdvance counts parts
   * (the runner's program asks for 6, three runs with both), and a part
   * stopped because it hurt is a flare, whichever part it was. A session
   * of the level's own Id, played before the level had parts, counts as
   * one session too. */
  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    {
      const LimberSessionInfo *s = g_ptr_array_index (sessions, i);

      if (limber_program_find_level (program, s->routine_id) != d->level ||
          !in_level (s->started_at, state, now))
        continue;
      if (s->outcome == LIMBER_OUTCOME_COMPLETED)
        completed++;
      else if (s->outcome == LIMBER_OUTCOME_STOPPED_FOR_PAIN)
        stopped_for_pain++;
    }
  d->sessions_done = completed;

  for (guint i = 0; checkins != NULL && i < checkins->len; i++)
    {
      const LimberCheckin *c = g_ptr_array_index (checkins, i);

      if (!in_level (c->time, state, now))
        continue;
      n_checkins++;
      max_pain = MAX (max_pain, c->pain);
      max_stiffness = MAX (max_stiffness, c->stiffness);
    }

  d->sessions_needed = completed < limber_program_get_sessions_to_advance (program)
                       ? limber_program_get_sessions_to_advance (program) - completed : 0;
  d->checkins_needed = n_checkins < LIMBER_PROGRESSION_MIN_CHECKINS
                       ? LIMBER_PROGRESSION_MIN_CHECKINS - n_checkins : 0;
  pain_limit = round_score (state->start_pain);
  stiffness_limit = round_score (state->start_stiffness);

  /* 1 and 2: a flare. The level below, gently; at level 1 there is no
   * lower level, so the reason says to go gently instead. */
  if (stopped_for_pain > 0 ||
      (state->has_baseline && n_checkins > 0 &&
       max_pain >= state->start_pain + LIMBER_PROGRESSION_FLARE_POINTS))
    {
      d->reason = stopped_for_pain > 0 ? LIMBER_PROGRESSION_REASON_STOPPED_FOR_PAIN
                                       : LIMBER_PROGRESSION_REASON_PAIN_FLARE;
      if (d->level > 1)
        {
          d->action = LIMBER_PROGRESSION_STEP_BACK;
          d->new_level = d->level - 1;
          if (stopped_for_pain > 0)
            d->text = g_strdup_printf (_("Back to level %u for now: you stopped a session because it hurt"),
                                       d->new_level);
          else
            d->text = g_strdup_printf (_("Back to level %u for now: your pain went up to %d, from about %d when you started"),
                                       d->new_level, max_pain, pain_limit);
        }
      else if (stopped_for_pain > 0)
        d->text = g_strdup (_("Staying at level 1 for now: you stopped a session because it hurt, so go gently"));
      else
        d->text = g_strdup_printf (_("Staying at level 1 for now: your pain went up to %d, from about %d when you started, so go gently"),
                                   max_pain, pain_limit);
      return g_steal_pointer (&d);
    }

  if (d->sessions_needed > 0)
    {
      d->reason = LIMBER_PROGRESSION_REASON_NEEDS_SESSIONS;
      d->text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Staying at level %u: %u more session to go",
                                              "Staying at level %u: %u more sessions to go",
                                              d->sessions_needed),
                                 d->level, d->sessions_needed);
      return g_steal_pointer (&d);
    }

  if (d->checkins_needed > 0 || !state->has_baseline)
    {
      d->reason = LIMBER_PROGRESSION_REASON_NEEDS_CHECKINS;
      d->checkins_needed = MAX (d->checkins_needed, 1);
      d->text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Staying at level %u: %u more check-in will tell how it’s going",
                                              "Staying at level %u: %u more check-ins will tell how it’s going",
                                              d->checkins_needed),
                                 d->level, d->checkins_needed);
      return g_steal_pointer (&d);
    }

  if (max_pain > pain_limit || max_stiffness > stiffness_limit)
    {
      d->reason = LIMBER_PROGRESSION_REASON_RISING;
      if (max_pain > pain_limit)
        d->text = g_strdup_printf (_("Staying at level %u: your pain has been a little higher than when you started, so the next step can wait until it settles"),
                                   d->level);
      else
        d->text = g_strdup_printf (_("Staying at level %u: your stiffness has been a little higher than when you started, so the next step can wait until it settles"),
                                   d->level);
      return g_steal_pointer (&d);
    }

  if (d->level == n_levels)
    {
      d->reason = LIMBER_PROGRESSION_REASON_TOP_LEVEL;
      d->text = g_strdup_printf (_("Staying at level %u, the last one: keep it up as long as it feels good"),
                                 d->level);
      return g_steal_pointer (&d);
    }

  {
    g_autofree char *span = format_span (state->level_since, now);

    d->reason = LIMBER_PROGRESSION_REASON_STEADY;
    d->action = LIMBER_PROGRESSION_ADVANCE;
    d->new_level = d->level + 1;
    /* TRANSLATORS: "Next: 35-second holds — your stiffness has stayed at 3 or below and your pain at 2 or below for a week" */
    d->text = g_strdup_printf (_("Next: %s — your stiffness has stayed at %d or below and your pain at %d or below %s"),
                               limber_program_get_level_name (program, d->new_level),
                               max_stiffness, max_pain, span);
  }
  return g_steal_pointer (&d);
}

/**
 * limber_progression_next_part:
 * @program: the program
 * @level: from 1
 * @sessions: (element-type LimberSessionInfo): sessions, of any routine
 * @since: the first moment that counts, such as today's midnight
 *
 * A level of parts is played in order: a warm-up before the run, then the
 * cool-down after it. The first part not completed since @since is next;
 * once all are, the first again.
 *
 * Returns: the part to play next, from 1
 */
guint
limber_progression_next_part (LimberProgram *program,
                              guint          level,
                              GPtrArray     *sessions,
                              GDateTime     *since)
{
  guint n_parts;

  g_return_val_if_fail (LIMBER_IS_PROGRAM (program), 1);
  g_return_val_if_fail (level >= 1 && level <= limber_program_get_n_levels (program), 1);
  g_return_val_if_fail (since != NULL, 1);

  n_parts = limber_program_get_n_parts (program, level);
  for (guint part = 1; part <= n_parts; part++)
    {
      const char *routine_id = limber_routine_get_id (limber_program_get_part_routine (program, level, part));
      gboolean done = FALSE;

      for (guint i = 0; !done && sessions != NULL && i < sessions->len; i++)
        {
          const LimberSessionInfo *s = g_ptr_array_index (sessions, i);

          done = s->outcome == LIMBER_OUTCOME_COMPLETED &&
                 g_strcmp0 (s->routine_id, routine_id) == 0 &&
                 g_date_time_compare (s->started_at, since) >= 0;
        }
      if (!done)
        return part;
    }
  return 1;
}
