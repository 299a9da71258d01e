/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "limber-chart.h"
#include "limber-report.h"

G_BEGIN_DECLS

/* What limber-report.c and limber-report-calendar.c share: the page, its
 * fonts, the report being drawn and the text helpers. Units are PDF
 * points. */

#define PAGE_WIDTH      595.276
#define PAGE_HEIGHT     841.89
#define MARGIN          48.0
#define CONTENT_WIDTH   (PAGE_WIDTH - 2 * MARGIN)
#define CONTENT_BOTTOM  (PAGE_HEIGHT - 58.0)
#define FOOTER_TOP      (PAGE_HEIGHT - 40.0)
#define CHART_HEIGHT    170.0
#define CELL            13.0
#define MAX_MONTHS      10
#define MONTHS_PER_ROW  5
#define MAX_FLAG_DATES  8
#define NOTE_MAX_LINES  12
#define TREND_DAYS      14

#define FONT_TITLE      "Sans Bold 16"
#define FONT_HEADING    "Sans Bold 11"
#define FONT_BODY       "Sans 9"
#define FONT_LIST       "Sans 8.5"
#define FONT_SMALL      "Sans 7.5"
#define FONT_TINY       "Sans 6"

typedef struct
{
  cairo_t          *cr;
  PangoContext     *context;
  PangoLayout      *layout;
  LimberChartStyle  style;

  GDate             first;
  GDate             last;
  guint             n_days;
  GArray           *days;          /* LimberChartDay, one per day of the period */
  GPtrArray        *sessions;      /* sorted, borrowed */
  GPtrArray        *checkins;      /* sorted, borrowed */
  const LimberReportPrograms *programs;  /* nullable, borrowed */

  double            axis_left;     /* the chart's time axis, from the page's left */
  double            axis_right;
  gboolean          has_axis;
} Report;

void    _limber_report_set_gray       (cairo_t     *cr,
                                       double       level);
double  _limber_report_text_full      (Report      *report,
                                       double       x,
                                       double       y,
                                       double       width,
                                       const char  *font,
                                       const char  *text,
                                       gboolean     markup,
                                       gboolean     draw,
                                       int          max_lines);
double  _limber_report_text           (Report      *report,
                                       double       x,
                                       double       y,
                                       double       width,
                                       const char  *font,
                                       const char  *str);
double  _limber_report_text_width     (Report      *report,
                                       const char  *font,
                                       const char  *str);
char   *_limber_report_format_date    (const GDate *date,
                                       const char  *format);
double  _limber_report_draw_calendar  (Report      *report,
                                       double       y);
char   *_limber_report_spell_undrawable (Report     *report,
                                       const char  *font,
                                       const char  *str,
                                       gboolean    *spelled);

/* limber-report-program.c: the band is drawn when a program is under way
 * on any of the report's days; the list when a program event falls in
 * them. Otherwise nothing is drawn and @y returned. */
typedef struct
{
  const char *program_id;   /* borrowed from the programs */
  guint       level;
  guint       first_day;    /* days from the report's first day */
  guint       end_day;      /* the day after the span's last */
} LimberReportSpan;

GArray  *_limber_report_program_spans      (const LimberReportPrograms *programs,
                                            const GDate                *first,
                                            guint                       n_days);
gboolean _limber_report_has_program_events (Report *report);
gboolean _limber_report_has_program_band   (Report *report);
double  _limber_report_draw_program_band  (Report      *report,
                                           double       y);
double  _limber_report_draw_program_list  (Report      *report,
                                           double       y,
                                           double       bottom,
                                           gboolean     draw);

G_END_DECLS
