/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "limber-checkin.h"
#include "limber-records.h"

G_BEGIN_DECLS

/* One calendar day of the pain and stiffness chart. */
typedef struct
{
  GDate    date;
  double   pain;        /* mean of the day's check-ins, 0–10, NAN if none */
  double   stiffness;   /* likewise */
  gboolean routine;     /* a routine was done that day */
} LimberChartDay;

/* The same fields, in the same order and type, as GdkRGBA, so that a
 * window can copy one into the other field by field or with memcpy(). */
typedef struct
{
  float red;
  float green;
  float blue;
  float alpha;
} LimberChartColor;

typedef struct
{
  LimberChartColor  background;   /* alpha 0 leaves the surface as it is */
  LimberChartColor  foreground;   /* text and axis labels */
  LimberChartColor  grid;
  LimberChartColor  pain;
  LimberChartColor  stiffness;
  LimberChartColor  routine;
  const char       *font;         /* a Pango font description; NULL for "Sans 9" */
} LimberChartStyle;

typedef enum
{
  LIMBER_CHART_STYLE_LIGHT,
  LIMBER_CHART_STYLE_DARK,
  LIMBER_CHART_STYLE_PRINT,
} LimberChartStyleKind;

/* Two days with data and at most this many empty days between them are
 * joined by a line; a longer gap breaks it. */
#define LIMBER_CHART_MAX_GAP_DAYS 3

void      limber_chart_style_init          (LimberChartStyle        *style,
                                            LimberChartStyleKind     kind);
void      limber_chart_draw                (cairo_t                 *cr,
                                            double                   width,
                                            double                   height,
                                            const LimberChartDay    *days,
                                            guint                    n_days,
                                            const LimberChartStyle  *style);
int       limber_chart_day_at              (cairo_t                 *cr,
                                            double                   width,
                                            double                   height,
                                            const LimberChartDay    *days,
                                            guint                    n_days,
                                            const LimberChartStyle  *style,
                                            double                   x);
void      limber_chart_draw_marker         (cairo_t                 *cr,
                                            double                   width,
                                            double                   height,
                                            const LimberChartDay    *days,
                                            guint                    n_days,
                                            const LimberChartStyle  *style,
                                            guint                    index);
gboolean  limber_chart_get_time_axis       (cairo_t                 *cr,
                                            double                   width,
                                            double                   height,
                                            const LimberChartDay    *days,
                                            guint                    n_days,
                                            const LimberChartStyle  *style,
                                            double                  *left,
                                            double                  *right);
char     *limber_chart_describe            (const LimberChartDay    *days,
                                            guint                    n_days);
GArray   *limber_chart_days_new            (const GDate             *first,
                                            const GDate             *last,
                                            GPtrArray               *sessions,
                                            GPtrArray               *checkins);

G_END_DECLS
