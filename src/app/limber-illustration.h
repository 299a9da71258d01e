/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "limber-exercise.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_ILLUSTRATION (limber_illustration_get_type ())
G_DECLARE_FINAL_TYPE (LimberIllustration, limber_illustration, LIMBER, ILLUSTRATION, GtkWidget)

GtkWidget *limber_illustration_new          (void);
GtkWidget *limber_illustration_new_thumbnail (LimberExercise     *exercise,
                                             int                 width,
                                             int                 height);
void       limber_illustration_set_resource (LimberIllustration *self,
                                             const char         *resource_path);
void       limber_illustration_set_exercise (LimberIllustration *self,
                                             LimberExercise     *exercise);
void       limber_illustration_set_file     (LimberIllustration *self,
                                             GFile              *file);
void       limber_illustration_set_mirrored (LimberIllustration *self,
                                             gboolean            mirrored);
gboolean   limber_illustration_get_mirrored (LimberIllustration *self);
GdkTexture *limber_illustration_get_texture (LimberIllustration *self);

G_END_DECLS
