/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "limber-check.h"
#include "limber-exercise.h"
#include "limber-routine.h"

G_BEGIN_DECLS

typedef struct _LimberCatalog LimberCatalog;

/* One step of a routine being edited. Properties (all notify on change, so
 * the editor can bind to them): "exercise-id" (string), "hold",
 * "repetitions", "tempo", "sets", "set-rest", "rest" (uint) and "sides"
 * (LimberSides). A held exercise has repetitions and tempo 0; a counted one
 * has hold 0. Values are not clamped: limber_step_draft_check() says what is
 * wrong. */
#define LIMBER_TYPE_STEP_DRAFT (limber_step_draft_get_type ())
G_DECLARE_FINAL_TYPE (LimberStepDraft, limber_step_draft, LIMBER, STEP_DRAFT, GObject)

LimberStepDraft *limber_step_draft_new                 (void);
LimberStepDraft *limber_step_draft_new_for_exercise    (LimberExercise          *exercise);
LimberStepDraft *limber_step_draft_new_from_step       (const LimberRoutineStep *step);
LimberStepDraft *limber_step_draft_copy                (LimberStepDraft         *self);

void             limber_step_draft_set_exercise        (LimberStepDraft         *self,
                                                        LimberExercise          *exercise);

const char      *limber_step_draft_get_exercise_id     (LimberStepDraft *self);
void             limber_step_draft_set_exercise_id     (LimberStepDraft *self,
                                                        const char      *exercise_id);
guint            limber_step_draft_get_hold            (LimberStepDraft *self);
void             limber_step_draft_set_hold            (LimberStepDraft *self,
                                                        guint            hold);
guint            limber_step_draft_get_repetitions     (LimberStepDraft *self);
void             limber_step_draft_set_repetitions     (LimberStepDraft *self,
                                                        guint            repetitions);
guint            limber_step_draft_get_tempo           (LimberStepDraft *self);
void             limber_step_draft_set_tempo           (LimberStepDraft *self,
                                                        guint            tempo);
guint            limber_step_draft_get_sets            (LimberStepDraft *self);
void             limber_step_draft_set_sets            (LimberStepDraft *self,
                                                        guint            sets);
guint            limber_step_draft_get_set_rest        (LimberStepDraft *self);
void             limber_step_draft_set_set_rest        (LimberStepDraft *self,
                                                        guint            set_rest);
guint            limber_step_draft_get_rest            (LimberStepDraft *self);
void             limber_step_draft_set_rest            (LimberStepDraft *self,
                                                        guint            rest);
LimberSides      limber_step_draft_get_sides           (LimberStepDraft *self);
void             limber_step_draft_set_sides           (LimberStepDraft *self,
                                                        LimberSides      sides);

gboolean         limber_step_draft_check               (LimberStepDraft  *self,
                                                        LimberCatalog    *catalog,
                                                        LimberDraftField *bad_field,
                                                        GError          **error);

G_END_DECLS
