/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The value of a rating nobody has chosen yet. */
#define LIMBER_RATING_UNSET (-1)
#define LIMBER_RATING_MAX   10

#define LIMBER_TYPE_RATING (limber_rating_get_type ())
G_DECLARE_FINAL_TYPE (LimberRating, limber_rating, LIMBER, RATING, GtkWidget)

GtkWidget  *limber_rating_new            (void);
int         limber_rating_get_value      (LimberRating *self);
void        limber_rating_set_value      (LimberRating *self,
                                          int           value);
const char *limber_rating_get_low_label  (LimberRating *self);
void        limber_rating_set_low_label  (LimberRating *self,
                                          const char   *label);
const char *limber_rating_get_high_label (LimberRating *self);
void        limber_rating_set_high_label (LimberRating *self,
                                          const char   *label);

G_END_DECLS
