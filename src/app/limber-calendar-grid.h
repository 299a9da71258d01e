/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "limber-chart.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_CALENDAR_GRID (limber_calendar_grid_get_type ())
G_DECLARE_FINAL_TYPE (LimberCalendarGrid, limber_calendar_grid, LIMBER, CALENDAR_GRID, GtkWidget)

GtkWidget *limber_calendar_grid_new      (void);
void       limber_calendar_grid_set_days (LimberCalendarGrid   *self,
                                          const LimberChartDay *days,
                                          guint                 n_days);

G_END_DECLS
