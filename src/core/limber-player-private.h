/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "limber-player.h"

G_BEGIN_DECLS

/* Shared by limber-player.c (the state machine and its controls) and
 * limber-player-state.c (what it reports). */

struct _LimberPlayer
{
  GObject            parent_instance;

  LimberRoutine     *routine;
  LimberClock       *clock;
  GArray            *phases;

  LimberPlayerState  state;
  LimberOutcome      outcome;
  guint              index;
  guint              timeout_id;
  guint              generation;     /* bumped by every move */

  gint64             deadline;       /* while running */
  gint64             frozen;         /* while paused: what remained */
  guint              next_mark;      /* seconds left at the next countdown, 0 for none */

  gint64             started_at;
  gint64             finished_at;
  gint64             paused_at;
  gint64             paused_total;

  /* Work time is counted in stretches: since entering the phase, resuming
   * or restarting it, up to the next pause or move. */
  gint64             segment_start;
  gboolean           in_part;
  guint              part_step;
  LimberSide         part_side;
  gint64             part_done;
  guint              step;
  gint64             step_work;
};

static inline gint64
ms_to_us (guint ms)
{
  return (gint64) ms * 1000;
}

static inline const LimberPhase *
phase_at (LimberPlayer *self,
          guint         index)
{
  g_assert (index < self->phases->len);
  return &g_array_index (self->phases, LimberPhase, index);
}

static inline gboolean
is_work (LimberPhaseKind kind)
{
  return kind == LIMBER_PHASE_HOLD || kind == LIMBER_PHASE_REPETITIONS;
}

G_END_DECLS
