/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "limber-catalog.h"
#include "limber-exercise.h"
#include "limber-journal.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_EXERCISE_WINDOW (limber_exercise_window_get_type ())
G_DECLARE_FINAL_TYPE (LimberExerciseWindow, limber_exercise_window, LIMBER, EXERCISE_WINDOW, AdwWindow)

GtkWidget      *limber_exercise_window_new          (GtkWindow            *parent,
                                                     LimberCatalog        *catalog,
                                                     LimberExercise       *exercise,
                                                     LimberJournal        *journal);
LimberExercise *limber_exercise_window_get_exercise (LimberExerciseWindow *self);

G_END_DECLS
