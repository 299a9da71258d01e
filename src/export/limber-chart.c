/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-chart"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "limber-chart.h"
#include "limber-stats.h"
#include "limber-time.h"

/* The pain and stiffness chart, painted with cairo and Pango so that the
 * window (a GtkDrawingArea) and the PDF report draw the same picture. Pain
 * is a solid line with round dots, stiffness a dashed line with square dots,
 * so the two stay apart in grey print and for people who do not tell the
 * colours apart. Days with a routine are bars under the plot. */

#define PAD          4.0
#define LINE_WIDTH   2.0
#define DEFAULT_FONT "Sans 9"

static void
color_init (LimberChartColor *color,
            guint32           rgb,
            float             alpha)
{
  color->red = ((rgb >> 16) & 0xff) / 255.f;
  color->green = ((rgb >> 8) & 0xff) / 255.f;
  color->blue = (rgb & 0xff) / 255.f;
  color->alpha = alpha;
}

/**
 * limber_chart_style_init:
 * @style: (out caller-allocates): the style to fill in
 * @kind: light or dark window colours, or colours for print
 *
 * Fills in @style with Adwaita's palette: darker hues on light
 * backgrounds and on paper, lighter ones on dark backgrounds. The
 * background is left transparent and the font is the default.
 */
void
limber_chart_style_init (LimberChartStyle     *style,
                         LimberChartStyleKind  kind)
{
  g_return_if_fail (style != NULL);

  memset (style, 0, sizeof *style);
  color_init (&style->background, 0xffffff, 0);

  switch (kind)
    {
    case LIMBER_CHART_STYLE_DARK:
      color_init (&style->foreground, 0xffffff, 0.9f);
      color_init (&style->grid, 0xffffff, 0.2f);
      color_init (&style->pain, 0xf66151, 1);       /* red 2 */
      color_init (&style->stiffness, 0x99c1f1, 1);  /* blue 1 */
      color_init (&style->routine, 0x8ff0a4, 1);    /* green 1 */
      break;

    case LIMBER_CHART_STYLE_PRINT:
      color_init (&style->foreground, 0x000000, 1);
      color_init (&style->grid, 0xb0b0b0, 1);
      color_init (&style->pain, 0xa51d2d, 1);       /* red 5 */
      color_init (&style->stiffness, 0x1a5fb4, 1);  /* blue 5 */
      color_init (&style->routine, 0x26a269, 1);    /* green 5 */
      break;

    case LIMBER_CHART_STYLE_LIGHT:
    default:
      color_init (&style->foreground, 0x000000, 0.8f);
      color_init (&style->grid, 0x000000, 0.15f);
      color_init (&style->pain, 0xc01c28, 1);       /* red 4 */
      color_init (&style->stiffness, 0x1c71d8, 1);  /* blue 4 */
      color_init (&style->routine, 0x2ec27e, 1);    /* green 4 */
      break;
    }
}

static void
set_color (cairo_t                *cr,
           const LimberChartColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

typedef struct
{
  cairo_t                *cr;
  PangoLayout            *layout;
  const LimberChartStyle *style;
  const LimberChartDay   *days;
  guint                   n_days;
  guint32                 first_julian;
  guint                   span;        /* calendar days from the first to the last */
  double                  left, top, right, bottom;
  double                  day_width;
} Chart;

static double
day_x (Chart *chart,
       guint  julian)
{
  return chart->left + (julian - chart->first_julian + 0.5) * chart->day_width;
}

static double
value_y (Chart  *chart,
         double  value)
{
  value = CLAMP (value, 0, 10);
  return chart->bottom - value / 10.0 * (chart->bottom - chart->top);
}

static void
text_size (Chart      *chart,
           const char *text,
           double     *width,
           double     *height)
{
  int w, h;

  pango_layout_set_text (chart->layout, text, -1);
  pango_layout_get_pixel_size (chart->layout, &w, &h);
  if (width)
    *width = w;
  if (height)
    *height = h;
}

/* Draws @text with its top at @y; @align is 0 for left, 0.5 for centre and
 * 1 for right of @x. */
static void
draw_text (Chart      *chart,
           const char *text,
           double      x,
           double      y,
           double      align)
{
  double w;

  text_size (chart, text, &w, NULL);
  set_color (chart->cr, &chart->style->foreground);
  cairo_move_to (chart->cr, x - w * align, y);
  pango_cairo_show_layout (chart->cr, chart->layout);
}

static void
draw_grid (Chart  *chart,
           double  text_height)
{
  cairo_t *cr = chart->cr;

  set_color (cr, &chart->style->grid);
  cairo_set_line_width (cr, 1);
  for (int v = 0; v <= 10; v += 5)
    {
      double y = round (value_y (chart, v)) + 0.5;

      cairo_move_to (cr, chart->left, y);
      cairo_line_to (cr, chart->right, y);
    }
  cairo_stroke (cr);

  for (int v = 0; v <= 10; v += 5)
    {
      double y = round (value_y (chart, v)) + 0.5;
      char label[4];

      g_snprintf (label, sizeof label, "%d", v);
      draw_text (chart, label, chart->left - PAD - 2, y - text_height / 2, 1);
    }
}

typedef enum
{
  TICKS_DAYS,
  TICKS_WEEKS,
  TICKS_MONTHS,
  TICKS_YEARS,
} TickKind;

static gboolean
is_tick (const GDate *date,
         TickKind     kind)
{
  switch (kind)
    {
    case TICKS_DAYS:
      return TRUE;
    case TICKS_WEEKS:
      return g_date_get_weekday (date) == G_DATE_MONDAY;
    case TICKS_MONTHS:
      return g_date_get_day (date) == 1;
    case TICKS_YEARS:
    default:
      return g_date_get_day (date) == 1 && g_date_get_month (date) == G_DATE_JANUARY;
    }
}

static void
format_tick (const GDate *date,
             TickKind     kind,
             gboolean     first,
             char        *buf,
             gsize        size)
{
  const char *format;

  switch (kind)
    {
    case TICKS_DAYS:
      /* Translators: a day on the chart's time axis, as strftime(). xgettext:no-c-format */
      format = C_("chart axis", "%a %-d");
      break;
    case TICKS_WEEKS:
      /* Translators: the Monday of a week on the chart’s time axis, as strftime(). xgettext:no-c-format */
      format = C_("chart axis", "%-d %b");
      break;
    case TICKS_MONTHS:
      if (first || g_date_get_month (date) == G_DATE_JANUARY)
        /* Translators: the first month of a year on the chart’s time axis, as strftime(). xgettext:no-c-format */
        format = C_("chart axis", "%b %Y");
      else
        /* Translators: a month on the chart's time axis, as strftime(). xgettext:no-c-format */
        format = C_("chart axis", "%b");
      break;
    case TICKS_YEARS:
    default:
      format = "%Y";
      break;
    }

  if (g_date_strftime (buf, size, format, date) == 0)
    buf[0] = '\0';
}

static void
draw_time_axis (Chart  *chart,
                double  label_y)
{
  cairo_t *cr = chart->cr;
  TickKind kind;
  double last_label_end = -G_MAXDOUBLE;
  gboolean first = TRUE;
  GDate date;

  if (chart->span <= 14)
    kind = TICKS_DAYS;
  else if (chart->span <= 120)
    kind = TICKS_WEEKS;
  else if (chart->span <= 3 * 366)
    kind = TICKS_MONTHS;
  else
    kind = TICKS_YEARS;

  set_color (cr, &chart->style->grid);
  cairo_set_line_width (cr, 1);

  g_date_clear (&date, 1);
  for (guint i = 0; i < chart->span; i++)
    {
      guint32 julian = chart->first_julian + i;
      double x, w;
      char label[64];

      g_date_set_julian (&date, julian);
      if (!is_tick (&date, kind))
        continue;

      x = round (day_x (chart, julian)) + 0.5;
      set_color (cr, &chart->style->grid);
      cairo_move_to (cr, x, chart->bottom);
      cairo_line_to (cr, x, chart->bottom + 3);
      cairo_stroke (cr);

      format_tick (&date, kind, first, label, sizeof label);
      text_size (chart, label, &w, NULL);
      /* Labels are centred on their day, never cut at an edge and never
       * on top of one another: one that does not fit is left out. */
      x = CLAMP (x - w / 2, 0, chart->right - w);
      if (x < last_label_end + 2 * PAD)
        continue;
      draw_text (chart, label, x, label_y, 0);
      last_label_end = x + w;
      first = FALSE;
    }
}

static void
draw_marker (cairo_t  *cr,
             double    x,
             double    y,
             double    r,
             gboolean  square)
{
  cairo_new_sub_path (cr);
  if (square)
    cairo_rectangle (cr, x - r, y - r, 2 * r, 2 * r);
  else
    cairo_arc (cr, x, y, r, 0, 2 * G_PI);
}

static double
series_value (const LimberChartDay *day,
              gboolean              pain)
{
  return pain ? day->pain : day->stiffness;
}

static void
draw_series (Chart    *chart,
             gboolean  pain)
{
  cairo_t *cr = chart->cr;
  const LimberChartColor *color = pain ? &chart->style->pain : &chart->style->stiffness;
  /* With fewer than about five pixels a day the dots would only blur the
   * line; a point with no neighbour keeps its dot so that it shows. */
  gboolean dots = chart->day_width >= 5;
  double r = CLAMP (chart->day_width * 0.3, 2.0, 3.5);
  static const double dash[] = { 6, 3 };
  gint64 prev = -1;

  cairo_save (cr);
  set_color (cr, color);
  cairo_set_line_width (cr, LINE_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  if (!pain)
    cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);

  for (guint i = 0; i < chart->n_days; i++)
    {
      const LimberChartDay *day = &chart->days[i];
      double v = series_value (day, pain);
      guint32 julian;

      if (isnan (v) || !g_date_valid (&day->date))
        continue;

      julian = g_date_get_julian (&day->date);
      if (prev >= 0 && julian > prev && julian - prev - 1 <= LIMBER_CHART_MAX_GAP_DAYS)
        cairo_line_to (cr, day_x (chart, julian), value_y (chart, v));
      else
        cairo_move_to (cr, day_x (chart, julian), value_y (chart, v));
      prev = julian;
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  prev = -1;
  for (guint i = 0; i < chart->n_days; i++)
    {
      const LimberChartDay *day = &chart->days[i];
      double v = series_value (day, pain);
      gboolean joined_before, joined_after = FALSE;
      guint32 julian;

      if (isnan (v) || !g_date_valid (&day->date))
        continue;

      julian = g_date_get_julian (&day->date);
      joined_before = prev >= 0 && julian > prev && julian - prev - 1 <= LIMBER_CHART_MAX_GAP_DAYS;
      for (guint j = i + 1; j < chart->n_days; j++)
        {
          const LimberChartDay *next = &chart->days[j];

          if (isnan (series_value (next, pain)) || !g_date_valid (&next->date))
            continue;
          joined_after = g_date_get_julian (&next->date) > julian &&
                         g_date_get_julian (&next->date) - julian - 1 <= LIMBER_CHART_MAX_GAP_DAYS;
          break;
        }
      prev = julian;

      if (dots || (!joined_before && !joined_after))
        draw_marker (cr, day_x (chart, julian), value_y (chart, v), r, !pain);
    }
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
draw_routines (Chart  *chart,
               double  y,
               double  height)
{
  cairo_t *cr = chart->cr;
  double w = MAX (1.0, chart->day_width * 0.6);

  set_color (cr, &chart->style->routine);
  for (guint i = 0; i < chart->n_days; i++)
    {
      const LimberChartDay *day = &chart->days[i];

      if (day->routine && g_date_valid (&day->date))
        cairo_rectangle (cr, day_x (chart, g_date_get_julian (&day->date)) - w / 2, y, w, height);
    }
  cairo_fill (cr);
}

/* The legend, right-aligned on the top line: a sample of each mark and
 * its name. */
static void
draw_legend (Chart  *chart,
             double  width,
             double  y,
             double  text_height)
{
  cairo_t *cr = chart->cr;
  const char *names[] = { _("Pain"), _("Stiffness"), _("Routine done") };
  const double sample = 18;
  double widths[G_N_ELEMENTS (names)];
  double total = 0, x;
  double mid = y + text_height / 2;
  static const double dash[] = { 6, 3 };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      text_size (chart, names[i], &widths[i], NULL);
      total += sample + PAD + widths[i] + (i > 0 ? 3 * PAD : 0);
    }

  x = MAX (chart->left, chart->right - total);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      cairo_save (cr);
      cairo_set_line_width (cr, LINE_WIDTH);
      switch (i)
        {
        case 0:
          set_color (cr, &chart->style->pain);
          cairo_move_to (cr, x, mid);
          cairo_rel_line_to (cr, sample, 0);
          cairo_stroke (cr);
          draw_marker (cr, x + sample / 2, mid, 3, FALSE);
          cairo_fill (cr);
          break;
        case 1:
          set_color (cr, &chart->style->stiffness);
          cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
          cairo_move_to (cr, x, mid);
          cairo_rel_line_to (cr, sample, 0);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          draw_marker (cr, x + sample / 2, mid, 3, TRUE);
          cairo_fill (cr);
          break;
        default:
          set_color (cr, &chart->style->routine);
          cairo_rectangle (cr, x + sample / 2 - 2, mid - text_height / 3, 4, 2 * text_height / 3);
          cairo_fill (cr);
          break;
        }
      cairo_restore (cr);
      draw_text (chart, names[i], x + sample + PAD, y, 0);
      x += sample + PAD + widths[i] + 3 * PAD;
    }
}

static gboolean
has_values (const LimberChartDay *days,
            guint                 n_days)
{
  for (guint i = 0; i < n_days; i++)
    if (!isnan (days[i].pain) || !isnan (days[i].stiffness))
      return TRUE;
  return FALSE;
}

/* Lays the chart out on @width × @height; FALSE when it does not fit. */
static gboolean
chart_init (Chart                  *chart,
            cairo_t                *cr,
            PangoLayout            *layout,
            double                  width,
            double                  height,
            const LimberChartDay   *days,
            guint                   n_days,
            const LimberChartStyle *style,
            double                 *text_height,
            double                 *strip_height)
{
  double label_width;
  guint first = 0, last = 0;

  chart->cr = cr;
  chart->layout = layout;
  chart->style = style;
  chart->days = days;
  chart->n_days = n_days;

  text_size (chart, "10", &label_width, text_height);
  *strip_height = MAX (4, round (*text_height * 0.4));

  chart->left = round (PAD + label_width + PAD + 2);
  chart->right = width - PAD;
  chart->top = round (PAD + *text_height + 2 * PAD);
  chart->bottom = round (height - PAD - *text_height - PAD - *strip_height - PAD);

  if (chart->right - chart->left < 20 || chart->bottom - chart->top < 20)
    return FALSE;

  /* The first and last days with a valid date set the period. */
  while (first < n_days && !g_date_valid (&days[first].date))
    first++;
  last = n_days;
  while (last > first && !g_date_valid (&days[last - 1].date))
    last--;

  if (first < last)
    {
      guint32 j0 = g_date_get_julian (&days[first].date);
      guint32 j1 = g_date_get_julian (&days[last - 1].date);

      chart->first_julian = MIN (j0, j1);
      chart->span = MAX (j0, j1) - chart->first_julian + 1;
      chart->day_width = (chart->right - chart->left) / chart->span;
    }
  return TRUE;
}

/**
 * limber_chart_draw:
 * @cr: where to draw, with (0, 0) at the chart's top left
 * @width: the chart's width in @cr's units
 * @height: its height
 * @days: (array length=n_days): the days in date order, usually one for
 *   each calendar day of the period shown
 * @n_days: how many
 * @style: colours and font
 *
 * Draws the pain and stiffness chart: a 0–10 scale with lines at 0, 5
 * and 10, the two series as lines with dots (broken where more than
 * %LIMBER_CHART_MAX_GAP_DAYS days have no value), days with a routine as
 * bars under the plot, dates along the bottom (days, Mondays, months or
 * years, by the length of the period) and a legend at the top. The time
 * axis runs from the first day's date to the last's.
 */
void
limber_chart_draw (cairo_t                *cr,
                   double                  width,
                   double                  height,
                   const LimberChartDay   *days,
                   guint                   n_days,
                   const LimberChartStyle *style)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoFontDescription) font = NULL;
  Chart chart = { 0 };
  double text_height, strip_height;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (days != NULL || n_days == 0);
  g_return_if_fail (style != NULL);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);

  if (style->background.alpha > 0)
    {
      set_color (cr, &style->background);
      cairo_paint (cr);
    }

  layout = pango_cairo_create_layout (cr);
  font = pango_font_description_from_string (style->font ? style->font : DEFAULT_FONT);
  pango_layout_set_font_description (layout, font);

  if (!chart_init (&chart, cr, layout, width, height, days, n_days, style, &text_height, &strip_height))
    {
      cairo_restore (cr);
      return;
    }

  draw_grid (&chart, text_height);
  draw_legend (&chart, width, PAD, text_height);

  if (chart.span > 0)
    {
      draw_routines (&chart, chart.bottom + PAD, strip_height);
      draw_time_axis (&chart, chart.bottom + PAD + strip_height + PAD);
    }

  if (!has_values (days, n_days))
    {
      draw_text (&chart, _("No check-ins in this period"),
                 (chart.left + chart.right) / 2, (chart.top + chart.bottom) / 2 - text_height, 0.5);
    }
  else
    {
      draw_series (&chart, FALSE);
      draw_series (&chart, TRUE);
    }

  cairo_restore (cr);
}

static char *
format_date (const GDate *date)
{
  char buf[128];

  /* Translators: a date in the chart's description, as strftime(). xgettext:no-c-format */
  if (g_date_strftime (buf, sizeof buf, C_("chart description", "%-d %B %Y"), date) == 0)
    return g_strdup ("?");
  return g_strdup (buf);
}

static void
describe_series (GString               *text,
                 const char            *name,
                 const LimberStatsMean *all,
                 const LimberStatsMean *first,
                 const LimberStatsMean *last,
                 const char            *period)
{
  if (all->n == 0)
    return;

  /* Translators: "pain averaged 3.2", "stiffness averaged 4.0" */
  g_string_append_printf (text, _("%s averaged %.1f"), name, limber_stats_mean_get (all));
  if (first->n > 0 && last->n > 0 && period)
    {
      g_string_append (text, " ");
      /* Translators: the last %s is "week" or "month" */
      g_string_append_printf (text, _("(from %.1f in the first %s to %.1f in the last)"),
                              limber_stats_mean_get (first), period, limber_stats_mean_get (last));
    }
}

/**
 * limber_chart_describe:
 * @days: (array length=n_days): the days in date order, as for
 *   limber_chart_draw()
 * @n_days: how many
 *
 * Puts what the chart shows into words, for the chart's accessible
 * description and for anyone who prefers text: the period, the average
 * pain and stiffness with the first and the last week (or month, for
 * periods of 60 days and more), and the number of days with a check-in
 * and with a routine. Averages are of the days' values.
 *
 * Returns: (transfer full): the description
 */
char *
limber_chart_describe (const LimberChartDay *days,
                       guint                 n_days)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  LimberStatsMean pain = { 0 }, pain_first = { 0 }, pain_last = { 0 };
  LimberStatsMean stiff = { 0 }, stiff_first = { 0 }, stiff_last = { 0 };
  guint32 j0 = G_MAXUINT32, j1 = 0;
  guint span, window, n_checkin_days = 0, n_routine_days = 0;
  const char *period = NULL;
  GDate first_date, last_date;

  g_return_val_if_fail (days != NULL || n_days == 0, NULL);

  for (guint i = 0; i < n_days; i++)
    if (g_date_valid (&days[i].date))
      {
        j0 = MIN (j0, g_date_get_julian (&days[i].date));
        j1 = MAX (j1, g_date_get_julian (&days[i].date));
      }

  if (j0 > j1)
    return g_strdup (_("No days to show."));

  span = j1 - j0 + 1;
  if (span >= 60)
    {
      window = 30;
      period = C_("as in: in the first month", "month");
    }
  else if (span >= 14)
    {
      window = 7;
      period = C_("as in: in the first week", "week");
    }
  else
    window = 0;

  for (guint i = 0; i < n_days; i++)
    {
      const LimberChartDay *day = &days[i];
      guint32 j;

      if (!g_date_valid (&day->date))
        continue;
      j = g_date_get_julian (&day->date);

      limber_stats_mean_add (&pain, day->pain);
      limber_stats_mean_add (&stiff, day->stiffness);
      if (j < j0 + window)
        {
          limber_stats_mean_add (&pain_first, day->pain);
          limber_stats_mean_add (&stiff_first, day->stiffness);
        }
      if (j + window > j1)
        {
          limber_stats_mean_add (&pain_last, day->pain);
          limber_stats_mean_add (&stiff_last, day->stiffness);
        }
      if (!isnan (day->pain) || !isnan (day->stiffness))
        n_checkin_days++;
      if (day->routine)
        n_routine_days++;
    }

  g_date_clear (&first_date, 1);
  g_date_clear (&last_date, 1);
  g_date_set_julian (&first_date, j0);
  g_date_set_julian (&last_date, j1);
  from = format_date (&first_date);
  to = format_date (&last_date);

  /* Translators: "Over 30 days, from 1 June 2024 to 30 June 2024, " */
  g_string_append_printf (text, ngettext ("Over %u day, from %s to %s, ",
                                          "Over %u days, from %s to %s, ", span),
                          span, from, to);

  if (n_checkin_days == 0)
    {
      g_string_append (text, _("there were no check-ins. "));
      if (n_routine_days == 0)
        g_string_append (text, _("No routine was done."));
      else
        g_string_append_printf (text, ngettext ("A routine on %u day.", "A routine on %u days.",
                                                n_routine_days),
                                n_routine_days);
    }
  else
    {
      describe_series (text, _("pain"), &pain, &pain_first, &pain_last, period);
      if (pain.n > 0 && stiff.n > 0)
        g_string_append (text, ", ");
      describe_series (text, _("stiffness"), &stiff, &stiff_first, &stiff_last, period);
      g_string_append (text, ". ");
      g_string_append_printf (text, ngettext ("Check-ins on %u day", "Check-ins on %u days",
                                              n_checkin_days),
                              n_checkin_days);
      if (n_routine_days == 0)
        g_string_append (text, _(", no routine done."));
      else
        g_string_append_printf (text, ngettext (", a routine on %u day.", ", a routine on %u days.",
                                                n_routine_days),
                                n_routine_days);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * limber_chart_days_new:
 * @first: the first day of the period
 * @last: its last day (inclusive)
 * @sessions: (nullable) (element-type LimberSessionInfo): sessions, in any order
 * @checkins: (nullable) (element-type LimberCheckin): check-ins, in any order
 *
 * Makes one #LimberChartDay for each calendar day from @first to @last:
 * the mean pain and stiffness of the day's check-ins (by local date) and
 * whether a session that day counts as a routine
 * (limber_stats_session_counts()). Records outside the period are
 * ignored.
 *
 * Returns: (transfer full) (element-type LimberChartDay): the days
 */
GArray *
limber_chart_days_new (const GDate *first,
                       const GDate *last,
                       GPtrArray   *sessions,
                       GPtrArray   *checkins)
{
  g_autoptr(GPtrArray) no_sessions = NULL;
  g_autoptr(GPtrArray) no_checkins = NULL;
  g_autoptr(GDateTime) first_day = NULL;
  g_autoptr(GDateTime) last_day = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GArray) stats = NULL;
  GArray *days;

  g_return_val_if_fail (first != NULL && g_date_valid (first), NULL);
  g_return_val_if_fail (last != NULL && g_date_valid (last), NULL);

  if (sessions == NULL)
    sessions = no_sessions = g_ptr_array_new ();
  if (checkins == NULL)
    checkins = no_checkins = g_ptr_array_new ();

  /* the per-day means are limber_stats_daily()'s; a chart day is a view of them */
  zone = limber_time_zone_local ();
  first_day = g_date_time_new (zone, g_date_get_year (first), g_date_get_month (first),
                               g_date_get_day (first), 12, 0, 0);
  last_day = g_date_time_new (zone, g_date_get_year (last), g_date_get_month (last),
                              g_date_get_day (last), 12, 0, 0);
  stats = limber_stats_daily (sessions, checkins, first_day, last_day);

  days = g_array_sized_new (FALSE, TRUE, sizeof (LimberChartDay), stats->len);
  for (guint i = 0; i < stats->len; i++)
    {
      const LimberDayStats *d = &g_array_index (stats, LimberDayStats, i);
      LimberChartDay day = { d->date, d->mean_pain, d->mean_stiffness, d->had_routine };

      g_array_append_val (days, day);
    }
  return days;
}

/* The chart's geometry for @cr's font at @width × @height, as drawn. */
static gboolean
chart_measure (Chart                  *chart,
               PangoLayout           **layout,
               cairo_t                *cr,
               double                  width,
               double                  height,
               const LimberChartDay   *days,
               guint                   n_days,
               const LimberChartStyle *style)
{
  g_autoptr(PangoFontDescription) font = NULL;
  double text_height, strip_height;

  *layout = pango_cairo_create_layout (cr);
  font = pango_font_description_from_string (style->font ? style->font : DEFAULT_FONT);
  pango_layout_set_font_description (*layout, font);
  return chart_init (chart, cr, *layout, width, height, days, n_days, style, &text_height, &strip_height)
         && chart->span > 0;
}

/**
 * limber_chart_day_at:
 * @x: a distance from the chart's left edge
 *
 * Returns: the index in @days of the day drawn at @x, or -1 for none
 */
int
limber_chart_day_at (cairo_t                *cr,
                     double                  width,
                     double                  height,
                     const LimberChartDay   *days,
                     guint                   n_days,
                     const LimberChartStyle *style,
                     double                  x)
{
  g_autoptr(PangoLayout) layout = NULL;
  Chart chart = { 0 };
  guint32 julian;

  g_return_val_if_fail (cr != NULL && style != NULL, -1);

  if (!chart_measure (&chart, &layout, cr, width, height, days, n_days, style))
    return -1;
  if (x < chart.left || x >= chart.right)
    return -1;
  julian = chart.first_julian + (guint32) floor ((x - chart.left) / chart.day_width);
  for (guint i = 0; i < n_days; i++)
    if (g_date_valid (&days[i].date) && g_date_get_julian (&days[i].date) == julian)
      return (int) i;
  return -1;
}

/**
 * limber_chart_draw_marker:
 * @index: the day in @days to mark
 *
 * Draws a line across the plot at one day, over limber_chart_draw()'s
 * drawing with the same arguments: the day a pointer or the keyboard is on.
 */
void
limber_chart_draw_marker (cairo_t                *cr,
                          double                  width,
                          double                  height,
                          const LimberChartDay   *days,
                          guint                   n_days,
                          const LimberChartStyle *style,
                          guint                   index)
{
  g_autoptr(PangoLayout) layout = NULL;
  Chart chart = { 0 };
  double x;

  g_return_if_fail (cr != NULL && style != NULL);

  if (index >= n_days || !g_date_valid (&days[index].date)
      || !chart_measure (&chart, &layout, cr, width, height, days, n_days, style))
    return;
  x = round (day_x (&chart, g_date_get_julian (&days[index].date))) + 0.5;
  cairo_save (cr);
  set_color (cr, &style->foreground);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, x, chart.top);
  cairo_line_to (cr, x, chart.bottom);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/**
 * limber_chart_get_time_axis:
 * @left: (out): where the first day of the period begins, from the chart's
 *   left edge
 * @right: (out): where the day after the last one begins
 *
 * The plot's extent along the time axis as limber_chart_draw() lays it out
 * with the same arguments, so that something drawn beside the chart (the
 * report's program levels) can share the axis: day @i of the period (0 for
 * the first day's date) spans [@left + @i × w, @left + (@i + 1) × w) with
 * w = (@right − @left) / the number of calendar days.
 *
 * Returns: %FALSE when the chart draws no time axis
 */
gboolean
limber_chart_get_time_axis (cairo_t                *cr,
                            double                  width,
                            double                  height,
                            const LimberChartDay   *days,
                            guint                   n_days,
                            const LimberChartStyle *style,
                            double                 *left,
                            double                 *right)
{
  g_autoptr(PangoLayout) layout = NULL;
  Chart chart = { 0 };

  g_return_val_if_fail (cr != NULL && style != NULL, FALSE);

  if (!chart_measure (&chart, &layout, cr, width, height, days, n_days, style))
    return FALSE;
  *left = chart.left;
  *right = chart.left + chart.span * chart.day_width;
  return TRUE;
}
