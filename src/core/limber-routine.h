/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "limber-exercise.h"

G_BEGIN_DECLS

/* Transition times for routines whose file does not set them (and the
 * GSettings defaults, get-ready-seconds and switch-sides-seconds). Ten
 * seconds to switch sides: from the floor, changing legs, moving a towel or
 * strap and settling in before the hold starts takes a stiff person most of
 * that, and the spoken cue takes two or three seconds of it. */
#define LIMBER_ROUTINE_DEFAULT_PREPARE       5
#define LIMBER_ROUTINE_DEFAULT_SWITCH_SIDES 10

#define LIMBER_ROUTINE_MAX_STEPS 50

/* Which sides a step of an EachSide exercise plays (Sides= in a step). */
typedef enum
{
  LIMBER_SIDES_BOTH,
  LIMBER_SIDES_LEFT,
  LIMBER_SIDES_RIGHT,
} LimberSides;

#define LIMBER_TYPE_SIDES (limber_sides_get_type ())
GType limber_sides_get_type (void);

typedef struct
{
  LimberExercise *exercise;
  guint           hold;         /* seconds, 0 for counted moves */
  guint           repetitions;  /* per side, 0 for holds */
  guint           tempo;        /* seconds per repetition */
  guint           sets;
  guint           set_rest;     /* seconds between sets */
  guint           rest;         /* seconds after the step */
  LimberSides     sides;        /* only meaningful for EachSide exercises */
} LimberRoutineStep;

typedef enum
{
  LIMBER_PHASE_PREPARE,
  LIMBER_PHASE_HOLD,
  LIMBER_PHASE_REPETITIONS,
  LIMBER_PHASE_SET_REST,
  LIMBER_PHASE_SWITCH_SIDES,
  LIMBER_PHASE_REST,
} LimberPhaseKind;

typedef enum
{
  LIMBER_SIDE_NONE,
  LIMBER_SIDE_LEFT,
  LIMBER_SIDE_RIGHT,
} LimberSide;

#define LIMBER_TYPE_SIDE (limber_side_get_type ())
GType limber_side_get_type (void);

typedef struct
{
  LimberPhaseKind kind;
  guint           step;         /* index into the routine's steps */
  LimberSide      side;
  guint           set;          /* 1-based */
  guint           n_sets;
  guint           repetitions;  /* for LIMBER_PHASE_REPETITIONS */
  guint           tempo_ms;
  guint           duration_ms;
} LimberPhase;

#define LIMBER_TYPE_ROUTINE (limber_routine_get_type ())
G_DECLARE_FINAL_TYPE (LimberRoutine, limber_routine, LIMBER, ROUTINE, GObject)

const char              *limber_routine_get_id           (LimberRoutine *self);
const char              *limber_routine_get_name         (LimberRoutine *self);
const char              *limber_routine_get_summary      (LimberRoutine *self);
const char              *limber_routine_get_source       (LimberRoutine *self);
gboolean                 limber_routine_is_bundled       (LimberRoutine *self);
guint                    limber_routine_get_n_steps      (LimberRoutine *self);
const LimberRoutineStep *limber_routine_get_step         (LimberRoutine *self,
                                                          guint          index);
LimberExercise          *limber_routine_get_cover        (LimberRoutine *self);
guint                    limber_routine_get_prepare      (LimberRoutine *self);
guint                    limber_routine_get_switch_sides (LimberRoutine *self);
void                     limber_routine_set_default_timings (LimberRoutine *self,
                                                             guint          prepare,
                                                             guint          switch_sides);
LimberExerciseKind       limber_routine_get_kinds        (LimberRoutine *self);
GArray                  *limber_routine_build_phases     (LimberRoutine *self);
guint                    limber_routine_get_duration     (LimberRoutine *self);

char                    *limber_routine_step_describe    (const LimberRoutineStep *step);

char                    *limber_format_duration          (guint seconds);
char                    *limber_format_duration_rounded  (guint seconds);

/* Used by the catalog loader only. */
LimberRoutine           *limber_routine_new_from_key_file (GKeyFile   *key_file,
                                                           const char *text,
                                                           const char *display_name,
                                                           GHashTable *exercises,
                                                           gboolean    bundled,
                                                           GError    **error);

G_END_DECLS
