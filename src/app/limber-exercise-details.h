/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "limber-exercise.h"
#include "limber-journal.h"

G_BEGIN_DECLS

GtkWidget *limber_exercise_details_new         (LimberExercise *exercise,
                                                LimberJournal  *journal);
GtkWidget *limber_exercise_details_new_picture (LimberExercise *exercise,
                                                int             width,
                                                int             height);

G_END_DECLS
