/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "limber-catalog.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_ROUTINE_EDITOR (limber_routine_editor_get_type ())
G_DECLARE_FINAL_TYPE (LimberRoutineEditor, limber_routine_editor, LIMBER, ROUTINE_EDITOR, AdwWindow)

GtkWidget          *limber_routine_editor_new          (GtkWindow           *parent,
                                                        LimberCatalog       *catalog,
                                                        LimberRoutineDraft  *draft);
LimberRoutineDraft *limber_routine_editor_get_draft    (LimberRoutineEditor *self);
void                limber_routine_editor_add_exercise (LimberRoutineEditor *self,
                                                        LimberExercise      *exercise);
gboolean            limber_routine_editor_save         (LimberRoutineEditor *self);

G_END_DECLS
