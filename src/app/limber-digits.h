/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LIMBER_TYPE_DIGITS (limber_digits_get_type ())
G_DECLARE_FINAL_TYPE (LimberDigits, limber_digits, LIMBER, DIGITS, GtkWidget)

GtkWidget  *limber_digits_new             (void);
void        limber_digits_set_text        (LimberDigits *self,
                                           const char   *text);
const char *limber_digits_get_text        (LimberDigits *self);
int         limber_digits_get_digit_height (LimberDigits *self);

G_END_DECLS
