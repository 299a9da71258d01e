/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-report"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "limber-report-private.h"

/* The report's calendar: a grid a month, marking the days with a routine
 * and the days with a check-in. */

static const LimberChartDay *
day_at (Report  *report,
        guint32  julian)
{
  guint32 j0 = g_date_get_julian (&report->first);

  if (julian < j0 || julian - j0 >= report->days->len)
    return NULL;
  return &g_array_index (report->days, LimberChartDay, julian - j0);
}

static void
draw_month (Report  *report,
            double   x,
            double   y,
            int      year,
            int      month)
{
  cairo_t *cr = report->cr;
  /* Translators: the initials of Monday to Sunday, for the calendar */
  const char *initials = C_("calendar", "MTWTFSS");
  GDate date;
  g_autofree char *title = NULL;
  guint n_in_month, offset;
  double top;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, month, year);
  /* Translators: a month in the calendar, as strftime(). xgettext:no-c-format */
  title = _limber_report_format_date (&date, C_("calendar", "%B %Y"));

  _limber_report_set_gray (cr, 0);
  y += _limber_report_text (report, x, y, 7 * CELL, "Sans Bold 8", title) + 1;

  _limber_report_set_gray (cr, 0.4);
  /* one character a day, in any script */
  for (guint i = 0; i < 7 && *initials; i++)
    {
      const char *next = g_utf8_next_char (initials);
      g_autofree char *letter = g_strndup (initials, next - initials);
      double w = _limber_report_text_width (report, FONT_TINY, letter);

      _limber_report_text (report, x + i * CELL + (CELL - w) / 2, y, -1, FONT_TINY, letter);
      initials = next;
    }
  y += 9;
  top = y;

  n_in_month = g_date_get_days_in_month (month, year);
  offset = g_date_get_weekday (&date) - G_DATE_MONDAY;

  for (guint d = 1; d <= n_in_month; d++)
    {
      guint cell = offset + d - 1;
      double cx = x + (cell % 7) * CELL;
      double cy = top + (cell / 7) * CELL;
      const LimberChartDay *day;
      char number[4];
      double w;

      g_date_set_day (&date, d);
      day = day_at (report, g_date_get_julian (&date));
      g_snprintf (number, sizeof number, "%u", d);

      if (day != NULL)
        {
          if (day->routine)
            {
              cairo_set_source_rgb (cr, 0x8f / 255.0, 0xf0 / 255.0, 0xa4 / 255.0);
              cairo_rectangle (cr, cx + 0.5, cy + 0.5, CELL - 1, CELL - 1);
              cairo_fill (cr);
            }
          _limber_report_set_gray (cr, 0.75);
          cairo_set_line_width (cr, 0.4);
          cairo_rectangle (cr, cx + 0.5, cy + 0.5, CELL - 1, CELL - 1);
          cairo_stroke (cr);
          if (!isnan (day->pain) || !isnan (day->stiffness))
            {
              _limber_report_set_gray (cr, 0);
              cairo_new_path (cr);
              cairo_arc (cr, cx + CELL - 2.2, cy + 2.2, 1.1, 0, 2 * G_PI);
              cairo_fill (cr);
            }
          _limber_report_set_gray (cr, 0);
        }
      else
        _limber_report_set_gray (cr, 0.7);

      w = _limber_report_text_width (report, FONT_TINY, number);
      _limber_report_text (report, cx + (CELL - w) / 2, cy + 3, -1, FONT_TINY, number);
    }
}

/* Month grids, up to MONTHS_PER_ROW to a row, of the last MAX_MONTHS
 * months of the period, and their key; returns the y below them. */
double
_limber_report_draw_calendar (Report *report,
                              double  y)
{
  cairo_t *cr = report->cr;
  int fy = g_date_get_year (&report->first), fm = g_date_get_month (&report->first);
  int ly = g_date_get_year (&report->last), lm = g_date_get_month (&report->last);
  int n_months = (ly * 12 + lm) - (fy * 12 + fm) + 1;
  int shown = MIN (n_months, MAX_MONTHS);
  int start = (ly * 12 + lm - 1) - (shown - 1);
  double gap = (CONTENT_WIDTH - MONTHS_PER_ROW * 7 * CELL) / (MONTHS_PER_ROW - 1);
  double block = 11 + 1 + 9 + 6 * CELL + 6;
  double lx;

  _limber_report_set_gray (cr, 0);
  y += _limber_report_text (report, MARGIN, y, CONTENT_WIDTH, FONT_HEADING, _("Routines and check-ins by day")) + 4;

  for (int i = 0; i < shown; i++)
    {
      int m = start + i;

      draw_month (report,
                  MARGIN + (i % MONTHS_PER_ROW) * (7 * CELL + gap),
                  y + (i / MONTHS_PER_ROW) * block,
                  m / 12, m % 12 + 1);
    }
  y += ((shown + MONTHS_PER_ROW - 1) / MONTHS_PER_ROW) * block;

  /* The key. */
  lx = MARGIN;
  cairo_set_source_rgb (cr, 0x8f / 255.0, 0xf0 / 255.0, 0xa4 / 255.0);
  cairo_rectangle (cr, lx, y + 1, 8, 8);
  cairo_fill (cr);
  _limber_report_set_gray (cr, 0);
  lx += 11;
  lx += _limber_report_text_width (report, FONT_SMALL, _("a routine was done")) + 14;
  _limber_report_text (report, MARGIN + 11, y, -1, FONT_SMALL, _("a routine was done"));
  cairo_new_path (cr);
  cairo_arc (cr, lx + 3, y + 5, 1.6, 0, 2 * G_PI);
  cairo_fill (cr);
  _limber_report_text (report, lx + 9, y, -1, FONT_SMALL, _("a check-in was made"));
  if (n_months > shown)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("The calendar shows the last %d month of the period.",
                                                         "The calendar shows the last %d months of the period.",
                                                         shown),
                                               shown);

      lx += 9 + _limber_report_text_width (report, FONT_SMALL, _("a check-in was made")) + 14;
      _limber_report_set_gray (cr, 0.3);
      _limber_report_text (report, lx, y, -1, FONT_SMALL, more);
    }

  return y + 12 + 10;
}
