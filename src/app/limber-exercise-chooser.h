/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "limber-catalog.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_EXERCISE_CHOOSER (limber_exercise_chooser_get_type ())
G_DECLARE_FINAL_TYPE (LimberExerciseChooser, limber_exercise_chooser, LIMBER, EXERCISE_CHOOSER, AdwWindow)

GtkWidget *limber_exercise_chooser_new        (GtkWindow             *parent,
                                               LimberCatalog         *catalog);
void       limber_exercise_chooser_set_search (LimberExerciseChooser *self,
                                               const char            *text);
guint      limber_exercise_chooser_count_shown (LimberExerciseChooser *self);

G_END_DECLS
