/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "limber-catalog.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_EXERCISE_EDITOR (limber_exercise_editor_get_type ())
G_DECLARE_FINAL_TYPE (LimberExerciseEditor, limber_exercise_editor, LIMBER, EXERCISE_EDITOR, AdwWindow)

GtkWidget           *limber_exercise_editor_new            (GtkWindow            *parent,
                                                            LimberCatalog        *catalog,
                                                            LimberExercise       *exercise);
LimberExerciseDraft *limber_exercise_editor_get_draft      (LimberExerciseEditor *self);
gboolean             limber_exercise_editor_is_busy        (LimberExerciseEditor *self);
void                 limber_exercise_editor_import_picture (LimberExerciseEditor *self,
                                                            GFile                *file);
void                 limber_exercise_editor_use_drawing    (LimberExerciseEditor *self,
                                                            const char           *exercise_id);
gboolean             limber_exercise_editor_save           (LimberExerciseEditor *self);

G_END_DECLS
