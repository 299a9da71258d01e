/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The pain and stiffness chart: what it draws where, read back from the
 * pixels of an image surface, and the text that describes it. */
#include <math.h>

#include "limber-chart.h"

#define WIDTH  700
#define HEIGHT 300

static GArray *
make_days (int   year,
           int   month,
           int   day,
           guint n)
{
  GArray *days = g_array_new (FALSE, TRUE, sizeof (LimberChartDay));
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  for (guint i = 0; i < n; i++)
    {
      LimberChartDay d = { .date = date, .pain = NAN, .stiffness = NAN, .routine = FALSE };

      g_array_append_val (days, d);
      g_date_add_days (&date, 1);
    }
  return days;
}

#define DAY(days, i) (&g_array_index ((days), LimberChartDay, (i)))

typedef struct
{
  guint  count;
  int    min_x, max_x, min_y, max_y;
} Found;

/* Finds the pixels of @color (within a small tolerance) below the legend. */
static Found
find_color (cairo_surface_t        *surface,
            const LimberChartColor *color,
            int                     x0,
            int                     x1)
{
  const guint8 *data;
  int stride;
  Found found = { 0, G_MAXINT, -1, G_MAXINT, -1 };
  int r = lround (color->red * 255), g = lround (color->green * 255), b = lround (color->blue * 255);

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);

  for (int y = 30; y < HEIGHT; y++)
    for (int x = MAX (x0, 0); x < MIN (x1, WIDTH); x++)
      {
        guint32 p = *(const guint32 *) (data + y * stride + 4 * x);
        int pr = (p >> 16) & 0xff, pg = (p >> 8) & 0xff, pb = p & 0xff;

        if (ABS (pr - r) <= 3 && ABS (pg - g) <= 3 && ABS (pb - b) <= 3)
          {
            found.count++;
            found.min_x = MIN (found.min_x, x);
            found.max_x = MAX (found.max_x, x);
            found.min_y = MIN (found.min_y, y);
            found.max_y = MAX (found.max_y, y);
          }
      }
  return found;
}

static cairo_surface_t *
render (GArray                 *days,
        const LimberChartStyle *style,
        double                  background)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, background, background, background);
  cairo_paint (cr);
  limber_chart_draw (cr, WIDTH, HEIGHT, (const LimberChartDay *) days->data, days->len, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  if (g_getenv ("LIMBER_SCREENSHOT_DIR"))
    {
      static guint n = 0;
      g_autofree char *name = g_strdup_printf ("chart-%u.png", n++);
      g_autofree char *path = g_build_filename (g_getenv ("LIMBER_SCREENSHOT_DIR"), name, NULL);

      cairo_surface_write_to_png (surface, path);
    }
  return surface;
}

static void
test_draw_series (void)
{
  g_autoptr(GArray) days = make_days (2024, 6, 3, 7);
  LimberChartStyle style;
  cairo_surface_t *surface;
  Found pain, stiffness, routine;

  /* Pain 8 on the first three days, stiffness 2 on the last three, a
   * routine on the sixth day only. */
  for (guint i = 0; i < 3; i++)
    DAY (days, i)->pain = 8;
  for (guint i = 4; i < 7; i++)
    DAY (days, i)->stiffness = 2;
  DAY (days, 5)->routine = TRUE;

  limber_chart_style_init (&style, LIMBER_CHART_STYLE_PRINT);
  surface = render (days, &style, 1.0);

  pain = find_color (surface, &style.pain, 0, WIDTH);
  stiffness = find_color (surface, &style.stiffness, 0, WIDTH);
  routine = find_color (surface, &style.routine, 0, WIDTH);

  /* pain: left half, upper half; stiffness: right half, lower half */
  g_assert_cmpuint (pain.count, >, 50);
  g_assert_cmpint (pain.max_x, <, WIDTH / 2);
  g_assert_cmpint (pain.max_y, <, HEIGHT / 2);
  g_assert_cmpuint (stiffness.count, >, 20);
  g_assert_cmpint (stiffness.min_x, >, WIDTH / 2);
  g_assert_cmpint (stiffness.min_y, >, HEIGHT / 2);

  /* the routine mark: under the plot, in the sixth seventh of the width */
  g_assert_cmpuint (routine.count, >, 10);
  g_assert_cmpint (routine.min_x, >, WIDTH * 4 / 7);
  g_assert_cmpint (routine.max_x, <, WIDTH * 6 / 7 + 10);
  g_assert_cmpint (routine.min_y, >, stiffness.max_y);

  cairo_surface_destroy (surface);
}

static void
test_draw_gaps (void)
{
  g_autoptr(GArray) days = make_days (2024, 6, 1, 20);
  LimberChartStyle style;
  cairo_surface_t *surface;
  Found left, between, right;
  int day_width = WIDTH / 20;

  /* A gap of nine days is not bridged; one of two days is. */
  DAY (days, 0)->pain = 5;
  DAY (days, 10)->pain = 5;
  DAY (days, 13)->pain = 5;

  limber_chart_style_init (&style, LIMBER_CHART_STYLE_LIGHT);
  surface = render (days, &style, 1.0);

  left = find_color (surface, &style.pain, 0, 3 * day_width);
  between = find_color (surface, &style.pain, 3 * day_width, 8 * day_width);
  right = find_color (surface, &style.pain, 11 * day_width, 13 * day_width);

  g_assert_cmpuint (left.count, >, 0);        /* a lone day keeps its dot */
  g_assert_cmpuint (between.count, ==, 0);
  g_assert_cmpuint (right.count, >, 2 * day_width);

  cairo_surface_destroy (surface);
}

static void
test_draw_dark (void)
{
  g_autoptr(GArray) days = make_days (2024, 1, 1, 365);
  LimberChartStyle light, dark;
  cairo_surface_t *surface;

  for (guint i = 0; i < days->len; i++)
    {
      DAY (days, i)->pain = 5 + 4 * sin (i / 9.0);
      DAY (days, i)->stiffness = 5 + 4 * cos (i / 9.0);
      DAY (days, i)->routine = i % 2;
    }

  limber_chart_style_init (&light, LIMBER_CHART_STYLE_LIGHT);
  limber_chart_style_init (&dark, LIMBER_CHART_STYLE_DARK);
  surface = render (days, &dark, 0x24 / 255.0);

  g_assert_cmpuint (find_color (surface, &dark.pain, 0, WIDTH).count, >, 200);
  g_assert_cmpuint (find_color (surface, &dark.stiffness, 0, WIDTH).count, >, 100);
  /* the light colours are not the ones used */
  g_assert_cmpuint (find_color (surface, &light.pain, 0, WIDTH).count, ==, 0);

  cairo_surface_destroy (surface);
}

static void
test_draw_degenerate (void)
{
  g_autoptr(GArray) days = make_days (2024, 6, 1, 1);
  LimberChartStyle style;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (surface);

  limber_chart_style_init (&style, LIMBER_CHART_STYLE_LIGHT);
  style.background.alpha = 1;

  /* too small to draw, nothing at all, one day, no values */
  limber_chart_draw (cr, 10, 10, (const LimberChartDay *) days->data, days->len, &style);
  limber_chart_draw (cr, 10, 10, NULL, 0, &style);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  surface = render (days, &style, 1.0);
  g_assert_cmpuint (find_color (surface, &style.pain, 0, WIDTH).count, ==, 0);
  cairo_surface_destroy (surface);

  DAY (days, 0)->pain = 3;
  surface = render (days, &style, 1.0);
  g_assert_cmpuint (find_color (surface, &style.pain, 0, WIDTH).count, >, 0);
  cairo_surface_destroy (surface);

  {
    g_autoptr(GArray) none = make_days (2024, 6, 1, 0);

    surface = render (none, &style, 1.0);
    cairo_surface_destroy (surface);
  }
}

static void
test_describe (void)
{
  g_autoptr(GArray) days = make_days (2024, 6, 1, 30);
  g_autofree char *text = NULL;

  for (guint i = 0; i < 30; i++)
    {
      DAY (days, i)->pain = i < 7 ? 5 : i >= 23 ? 2 : 3;
      DAY (days, i)->stiffness = 4;
      DAY (days, i)->routine = i < 18;
    }

  text = limber_chart_describe ((const LimberChartDay *) days->data, days->len);
  g_assert_cmpstr (text, ==,
                   "Over 30 days, from 1 June 2024 to 30 June 2024, "
                   "pain averaged 3.2 (from 5.0 in the first week to 2.0 in the last), "
                   "stiffness averaged 4.0 (from 4.0 in the first week to 4.0 in the last). "
                   "Check-ins on 30 days, a routine on 18 days.");
}

static void
test_describe_short_and_empty (void)
{
  g_autoptr(GArray) days = make_days (2024, 6, 1, 7);
  g_autoptr(GArray) year = make_days (2023, 1, 1, 365);
  g_autofree char *text = NULL;

  /* no check-ins */
  DAY (days, 2)->routine = TRUE;
  text = limber_chart_describe ((const LimberChartDay *) days->data, days->len);
  g_assert_cmpstr (text, ==, "Over 7 days, from 1 June 2024 to 7 June 2024, there were no check-ins. "
                             "A routine on 1 day.");
  g_clear_pointer (&text, g_free);

  /* a week: no trend; only stiffness given */
  DAY (days, 0)->stiffness = 6;
  DAY (days, 6)->stiffness = 3;
  text = limber_chart_describe ((const LimberChartDay *) days->data, days->len);
  g_assert_cmpstr (text, ==, "Over 7 days, from 1 June 2024 to 7 June 2024, stiffness averaged 4.5. "
                             "Check-ins on 2 days, a routine on 1 day.");
  g_clear_pointer (&text, g_free);

  /* a year compares months */
  DAY (year, 0)->pain = 6;
  DAY (year, 364)->pain = 1;
  text = limber_chart_describe ((const LimberChartDay *) year->data, year->len);
  g_assert_cmpstr (text, ==, "Over 365 days, from 1 January 2023 to 31 December 2023, "
                             "pain averaged 3.5 (from 6.0 in the first month to 1.0 in the last). "
                             "Check-ins on 2 days, no routine done.");
  g_clear_pointer (&text, g_free);

  text = limber_chart_describe (NULL, 0);
  g_assert_cmpstr (text, ==, "No days to show.");
}

static LimberCheckin *
checkin_at (GDateTime *time,
            int        pain,
            int        stiffness)
{
  LimberCheckin *checkin = limber_checkin_new ();

  g_date_time_unref (checkin->time);
  checkin->time = g_date_time_ref (time);
  checkin->pain = pain;
  checkin->stiffness = stiffness;
  return checkin;
}

static LimberSessionInfo *
session_at (GDateTime     *time,
            LimberOutcome  outcome,
            guint          active_ms)
{
  LimberSessionInfo *info = g_new0 (LimberSessionInfo, 1);

  info->routine_id = g_strdup ("desk-break");
  info->routine_name = g_strdup ("Desk break");
  info->started_at = g_date_time_ref (time);
  info->outcome = outcome;
  info->active_ms = active_ms;
  info->rating = -1;
  return info;
}

static void
test_days_new (void)
{
  g_autoptr(GPtrArray) checkins = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_checkin_free);
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_session_info_free);
  g_autoptr(GDateTime) d1_morning = g_date_time_new_local (2024, 6, 1, 7, 0, 0);
  g_autoptr(GDateTime) d1_evening = g_date_time_new_local (2024, 6, 1, 23, 59, 0);
  g_autoptr(GDateTime) d3 = g_date_time_new_local (2024, 6, 3, 0, 0, 0);
  g_autoptr(GDateTime) before = g_date_time_new_local (2024, 5, 31, 23, 59, 59);
  g_autoptr(GDateTime) after = g_date_time_new_local (2024, 6, 4, 0, 0, 0);
  g_autoptr(GArray) days = NULL;
  GDate first, last;

  g_ptr_array_add (checkins, checkin_at (d1_evening, 6, 1));
  g_ptr_array_add (checkins, checkin_at (d1_morning, 3, 4));
  g_ptr_array_add (checkins, checkin_at (d3, 2, 2));
  g_ptr_array_add (checkins, checkin_at (before, 9, 9));
  g_ptr_array_add (checkins, checkin_at (after, 9, 9));

  g_ptr_array_add (sessions, session_at (d1_morning, LIMBER_OUTCOME_STOPPED, 30 * 1000));  /* too short */
  g_ptr_array_add (sessions, session_at (d3, LIMBER_OUTCOME_STOPPED_FOR_PAIN, 90 * 1000));
  g_ptr_array_add (sessions, session_at (after, LIMBER_OUTCOME_COMPLETED, 600 * 1000));

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, 1, 6, 2024);
  g_date_set_dmy (&last, 3, 6, 2024);
  days = limber_chart_days_new (&first, &last, sessions, checkins);

  g_assert_cmpuint (days->len, ==, 3);
  g_assert_cmpint (g_date_compare (&DAY (days, 0)->date, &first), ==, 0);
  g_assert_cmpint (g_date_compare (&DAY (days, 2)->date, &last), ==, 0);
  g_assert_cmpfloat_with_epsilon (DAY (days, 0)->pain, 4.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (DAY (days, 0)->stiffness, 2.5, 1e-9);
  g_assert_false (DAY (days, 0)->routine);
  g_assert_true (isnan (DAY (days, 1)->pain));
  g_assert_true (isnan (DAY (days, 1)->stiffness));
  g_assert_false (DAY (days, 1)->routine);
  g_assert_cmpfloat_with_epsilon (DAY (days, 2)->pain, 2, 1e-9);
  g_assert_true (DAY (days, 2)->routine);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/chart/draw/series", test_draw_series);
  g_test_add_func ("/chart/draw/gaps", test_draw_gaps);
  g_test_add_func ("/chart/draw/dark", test_draw_dark);
  g_test_add_func ("/chart/draw/degenerate", test_draw_degenerate);
  g_test_add_func ("/chart/describe", test_describe);
  g_test_add_func ("/chart/describe/short-and-empty", test_describe_short_and_empty);
  g_test_add_func ("/chart/days-new", test_days_new);

  return g_test_run ();
}
