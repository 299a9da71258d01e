/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-player"

#include "limber-player-private.h"

/* What the player reports: its routine, state, phase and the times the
 * view draws from. Remaining time is always computed from the deadline. */

LimberRoutine *
limber_player_get_routine (LimberPlayer *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAYER (self), NULL);
  return self->routine;
}

LimberClock *
limber_player_get_clock (LimberPlayer *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAYER (self), NULL);
  return self->clock;
}

LimberPlayerState
limber_player_get_state (LimberPlayer *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAYER (self), LIMBER_PLAYER_STATE_READY);
  return self->state;
}

/**
 * limber_player_get_outcome:
 * @self: a player
 *
 * Returns: how the session ended, %LIMBER_OUTCOME_IN_PROGRESS until then
 */
LimberOutcome
limber_player_get_outcome (LimberPlayer *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAYER (self), LIMBER_OUTCOME_IN_PROGRESS);
  return self->outcome;
}

/**
 * limber_player_get_phases:
 * @self: a player
 *
 * Returns: (transfer none) (element-type LimberPhase): the routine's phases
 */
const GArray *
limber_player_get_phases (LimberPlayer *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAYER (self), NULL);
  return self->phases;
}

/**
 * limber_player_get_phase_index:
 * @self: a player
 *
 * Returns: the index of the current phase: 0 before the start, the number
 *   of phases once finished
 */
guint
limber_player_get_phase_index (LimberPlayer *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAYER (self), 0);
  return self->index;
}

/**
 * limber_player_get_phase:
 * @self: a player
 *
 * Returns: (nullable) (transfer none): the current phase, the first one
 *   before the start, %NULL once finished
 */
const LimberPhase *
limber_player_get_phase (LimberPlayer *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAYER (self), NULL);

  if (self->index >= self->phases->len)
    return NULL;
  return phase_at (self, self->index);
}

/**
 * limber_player_get_remaining:
 * @self: a player
 *
 * Returns: what is left of the current phase, in microseconds: its whole
 *   length before the start, frozen while paused, 0 once finished
 */
gint64
limber_player_get_remaining (LimberPlayer *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAYER (self), 0);

  switch (self->state)
    {
    case LIMBER_PLAYER_STATE_READY:
      return self->phases->len > 0 ? ms_to_us (phase_at (self, 0)->duration_ms) : 0;

    case LIMBER_PLAYER_STATE_RUNNING:
      return MAX (0, self->deadline - limber_clock_now (self->clock));

    case LIMBER_PLAYER_STATE_PAUSED:
      return self->frozen;

    case LIMBER_PLAYER_STATE_FINISHED:
    default:
      return 0;
    }
}

/**
 * limber_player_get_phase_elapsed:
 * @self: a player
 *
 * Returns: how far into the current phase the player is, in microseconds
 */
gint64
limber_player_get_phase_elapsed (LimberPlayer *self)
{
  const LimberPhase *phase;

  g_return_val_if_fail (LIMBER_IS_PLAYER (self), 0);

  if ((phase = limber_player_get_phase (self)) == NULL)
    return 0;
  return MAX (0, ms_to_us (phase->duration_ms) - limber_player_get_remaining (self));
}

/**
 * limber_player_get_routine_remaining:
 * @self: a player
 *
 * Returns: what is left of the current phase and all the phases after it,
 *   in microseconds
 */
gint64
limber_player_get_routine_remaining (LimberPlayer *self)
{
  gint64 total;

  g_return_val_if_fail (LIMBER_IS_PLAYER (self), 0);

  if (self->index >= self->phases->len)
    return 0;

  total = limber_player_get_remaining (self);
  for (guint i = self->index + 1; i < self->phases->len; i++)
    total += ms_to_us (phase_at (self, i)->duration_ms);
  return total;
}

/**
 * limber_player_get_active_time:
 * @self: a player
 *
 * Returns: the time spent running since the start, paused time left out,
 *   in microseconds
 */
gint64
limber_player_get_active_time (LimberPlayer *self)
{
  gint64 end;

  g_return_val_if_fail (LIMBER_IS_PLAYER (self), 0);

  switch (self->state)
    {
    case LIMBER_PLAYER_STATE_RUNNING:
      end = limber_clock_now (self->clock);
      break;

    case LIMBER_PLAYER_STATE_PAUSED:
      end = self->paused_at;
      break;

    case LIMBER_PLAYER_STATE_FINISHED:
      end = self->finished_at;
      break;

    case LIMBER_PLAYER_STATE_READY:
    default:
      return 0;
    }

  return MAX (0, end - self->started_at - self->paused_total);
}

/**
 * limber_player_get_paused_time:
 * @self: a player
 *
 * Returns: the time spent paused since the start, in microseconds
 */
gint64
limber_player_get_paused_time (LimberPlayer *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAYER (self), 0);

  if (self->state == LIMBER_PLAYER_STATE_PAUSED)
    return self->paused_total + (limber_clock_now (self->clock) - self->paused_at);
  return self->paused_total;
}

/**
 * limber_player_get_repetition:
 * @self: a player
 *
 * Returns: in a counted phase, the repetition under way, from 1 to the
 *   phase's count; 0 in other phases
 */
guint
limber_player_get_repetition (LimberPlayer *self)
{
  const LimberPhase *phase;
  gint64 repetition;

  g_return_val_if_fail (LIMBER_IS_PLAYER (self), 0);

  phase = limber_player_get_phase (self);
  if (phase == NULL || phase->kind != LIMBER_PHASE_REPETITIONS || phase->repetitions == 0)
    return 0;
  if (phase->tempo_ms == 0)
    return 1;

  repetition = limber_player_get_phase_elapsed (self) / ms_to_us (phase->tempo_ms) + 1;
  return (guint) MIN (repetition, (gint64) phase->repetitions);
}

/**
 * limber_player_peek_next_work:
 * @self: a player
 *
 * Returns: (nullable) (transfer none): the first hold or counted phase of a
 *   later step, for “Next: …”; %NULL in the last step or once finished
 */
const LimberPhase *
limber_player_peek_next_work (LimberPlayer *self)
{
  guint step;

  g_return_val_if_fail (LIMBER_IS_PLAYER (self), NULL);

  if (self->index >= self->phases->len)
    return NULL;

  step = phase_at (self, self->index)->step;
  for (guint i = self->index + 1; i < self->phases->len; i++)
    {
      const LimberPhase *phase = phase_at (self, i);

      if (is_work (phase->kind) && phase->step != step)
        return phase;
    }
  return NULL;
}
