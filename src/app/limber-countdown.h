/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LIMBER_TYPE_COUNTDOWN (limber_countdown_get_type ())
G_DECLARE_FINAL_TYPE (LimberCountdown, limber_countdown, LIMBER, COUNTDOWN, GtkWidget)

GtkWidget *limber_countdown_new          (void);
void       limber_countdown_set_child    (LimberCountdown *self,
                                          GtkWidget       *child);
void       limber_countdown_set_fraction (LimberCountdown *self,
                                          double           fraction);
double     limber_countdown_get_fraction (LimberCountdown *self);

G_END_DECLS
