/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LIMBER_TYPE_COACH (limber_coach_get_type ())
G_DECLARE_FINAL_TYPE (LimberCoach, limber_coach, LIMBER, COACH, GtkWidget)

G_END_DECLS
