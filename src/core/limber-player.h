/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "limber-clock.h"
#include "limber-outcome.h"
#include "limber-routine.h"

G_BEGIN_DECLS

typedef enum
{
  LIMBER_PLAYER_STATE_READY,     /* created, not started */
  LIMBER_PLAYER_STATE_RUNNING,
  LIMBER_PLAYER_STATE_PAUSED,
  LIMBER_PLAYER_STATE_FINISHED,
} LimberPlayerState;

#define LIMBER_TYPE_PLAYER_STATE (limber_player_state_get_type ())
GType limber_player_state_get_type (void);

/* One exercise on one side (or a one-sided exercise): the unit the journal
 * records. planned_ms and done_ms count only the work phases (holds and
 * counted moves), not getting ready, switching sides or resting. */
typedef struct
{
  guint      step;
  LimberSide side;
  guint      planned_ms;
  guint      done_ms;
  gboolean   skipped;       /* the work was cut short or jumped over */
} LimberPartRecord;

#define LIMBER_TYPE_PLAYER (limber_player_get_type ())
G_DECLARE_FINAL_TYPE (LimberPlayer, limber_player, LIMBER, PLAYER, GObject)

LimberPlayer       *limber_player_new                  (LimberRoutine *routine,
                                                        LimberClock   *clock);

void                limber_player_start                (LimberPlayer  *self);
void                limber_player_pause                (LimberPlayer  *self);
void                limber_player_resume               (LimberPlayer  *self);
void                limber_player_toggle_pause         (LimberPlayer  *self);
void                limber_player_skip_phase           (LimberPlayer  *self);
void                limber_player_next_exercise        (LimberPlayer  *self);
void                limber_player_previous_exercise    (LimberPlayer  *self);
void                limber_player_restart_phase        (LimberPlayer  *self);
void                limber_player_stop                 (LimberPlayer  *self,
                                                        gboolean       for_pain);

LimberRoutine      *limber_player_get_routine          (LimberPlayer  *self);
LimberClock        *limber_player_get_clock            (LimberPlayer  *self);
LimberPlayerState   limber_player_get_state            (LimberPlayer  *self);
LimberOutcome       limber_player_get_outcome          (LimberPlayer  *self);
const GArray       *limber_player_get_phases           (LimberPlayer  *self);
guint               limber_player_get_phase_index      (LimberPlayer  *self);
const LimberPhase  *limber_player_get_phase            (LimberPlayer  *self);
gint64              limber_player_get_remaining        (LimberPlayer  *self);
gint64              limber_player_get_phase_elapsed    (LimberPlayer  *self);
gint64              limber_player_get_routine_remaining (LimberPlayer *self);
gint64              limber_player_get_active_time      (LimberPlayer  *self);
gint64              limber_player_get_paused_time      (LimberPlayer  *self);
guint               limber_player_get_repetition       (LimberPlayer  *self);
const LimberPhase  *limber_player_peek_next_work       (LimberPlayer  *self);

G_END_DECLS
