/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LIMBER_TYPE_COACH_LAYOUT (limber_coach_layout_get_type ())
G_DECLARE_FINAL_TYPE (LimberCoachLayout, limber_coach_layout, LIMBER, COACH_LAYOUT, GtkLayoutManager)

G_END_DECLS
