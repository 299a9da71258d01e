/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-history"

#include <glib/gi18n.h>
#include <math.h>

#include "limber-calendar-grid.h"

/* The last weeks at a glance: one column a week (Monday at the top), a
 * filled square for a day with a routine, a dot for a day with a check-in.
 * Colours come from CSS (the widget's color is the accent). */
struct _LimberCalendarGrid
{
  GtkWidget  parent_instance;

  GArray    *days;
};

G_DEFINE_FINAL_TYPE (LimberCalendarGrid, limber_calendar_grid, GTK_TYPE_WIDGET)

#define CELL 13.0  /* 17 weeks and the day names fit a 360 px window */
#define GAP 3.0

static const char *day_labels[] = { N_("Mon"), NULL, N_("Wed"), NULL, N_("Fri"), NULL, N_("Sun") };

/* The day names' column: as wide as the widest name at the text size in
 * use (large text, a longer translation), and a gap. */
static double
label_width (GtkWidget *widget)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, NULL);
  int widest = 0;

  for (guint row = 0; row < G_N_ELEMENTS (day_labels); row++)
    {
      int tw;

      if (day_labels[row] == NULL)
        continue;
      pango_layout_set_text (layout, _(day_labels[row]), -1);
      pango_layout_get_pixel_size (layout, &tw, NULL);
      widest = MAX (widest, tw);
    }
  g_object_unref (layout);
  return widest + 2 * GAP;
}

static guint
n_weeks (LimberCalendarGrid *self)
{
  LimberChartDay *first;
  guint offset;

  if (self->days->len == 0)
    return 0;
  first = &g_array_index (self->days, LimberChartDay, 0);
  offset = g_date_get_weekday (&first->date) - G_DATE_MONDAY;
  return (offset + self->days->len + 6) / 7;
}

static void
limber_calendar_grid_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  LimberCalendarGrid *self = LIMBER_CALENDAR_GRID (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  double width = gtk_widget_get_width (widget);
  guint weeks = n_weeks (self);
  double grid_width = weeks * (CELL + GAP);
  double labels = label_width (widget);
  double x0 = MAX (labels, (width - grid_width + labels) / 2);
  GdkRGBA accent, fg;
  guint offset;
  cairo_t *cr;
  PangoLayout *layout;

  if (weeks == 0)
    return;

  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "accent_color", &accent))
    accent = fg;

  offset = g_date_get_weekday (&g_array_index (self->days, LimberChartDay, 0).date) - G_DATE_MONDAY;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, gtk_widget_get_height (widget)));
  layout = gtk_widget_create_pango_layout (widget, NULL);

  for (guint row = 0; row < 7; row++)
    {
      int tw, th;

      if (day_labels[row] == NULL)
        continue;
      pango_layout_set_text (layout, _(day_labels[row]), -1);
      pango_layout_get_pixel_size (layout, &tw, &th);
      cairo_move_to (cr, x0 - GAP - tw, row * (CELL + GAP) + (CELL - th) / 2);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.55);
      pango_cairo_show_layout (cr, layout);
    }

  for (guint i = 0; i < weeks * 7; i++)
    {
      double x = x0 + (i / 7) * (CELL + GAP);
      double y = (i % 7) * (CELL + GAP);
      gint index = (gint) i - (gint) offset;
      const LimberChartDay *day;

      if (index < 0 || (guint) index >= self->days->len)
        continue;
      day = &g_array_index (self->days, LimberChartDay, index);

      cairo_new_path (cr);
      cairo_rectangle (cr, x, y, CELL, CELL);
      if (day->routine)
        cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, accent.alpha);
      else
        cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.08);
      cairo_fill (cr);

      if (!isnan (day->pain))
        {
          cairo_arc (cr, x + CELL / 2, y + CELL / 2, CELL / 5, 0, 2 * G_PI);
          if (day->routine)
            cairo_set_source_rgba (cr, 1, 1, 1, 0.95);
          else
            cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.7);
          cairo_fill (cr);
        }
    }

  g_object_unref (layout);
  cairo_destroy (cr);
}

static void
limber_calendar_grid_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  LimberCalendarGrid *self = LIMBER_CALENDAR_GRID (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = (int) (label_width (widget) + n_weeks (self) * (CELL + GAP));
  else
    *minimum = *natural = (int) (7 * (CELL + GAP));
}

static void
limber_calendar_grid_finalize (GObject *object)
{
  LimberCalendarGrid *self = LIMBER_CALENDAR_GRID (object);

  g_array_unref (self->days);

  G_OBJECT_CLASS (limber_calendar_grid_parent_class)->finalize (object);
}

static void
limber_calendar_grid_class_init (LimberCalendarGridClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = limber_calendar_grid_finalize;
  widget_class->snapshot = limber_calendar_grid_snapshot;
  widget_class->measure = limber_calendar_grid_measure;
  gtk_widget_class_set_css_name (widget_class, "limber-calendar-grid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
limber_calendar_grid_init (LimberCalendarGrid *self)
{
  self->days = g_array_new (FALSE, FALSE, sizeof (LimberChartDay));
}

GtkWidget *
limber_calendar_grid_new (void)
{
  return g_object_new (LIMBER_TYPE_CALENDAR_GRID, NULL);
}

/**
 * limber_calendar_grid_set_days:
 *
 * Shows @days, oldest first, and describes them for screen readers.
 */
void
limber_calendar_grid_set_days (LimberCalendarGrid   *self,
                               const LimberChartDay *days,
                               guint                 n_days)
{
  guint with_routine = 0, with_checkin = 0;
  g_autofree char *description = NULL;
  g_autofree char *last = NULL;
  g_autofree char *routines = NULL;
  g_autofree char *checkins = NULL;

  g_return_if_fail (LIMBER_IS_CALENDAR_GRID (self));

  g_array_set_size (self->days, 0);
  g_array_append_vals (self->days, days, n_days);

  for (guint i = 0; i < n_days; i++)
    {
      with_routine += days[i].routine ? 1 : 0;
      with_checkin += isnan (days[i].pain) ? 0 : 1;
    }

  /* Translators: the calendar for screen readers, as in
   * "Last 28 days: a routine on 12 days, a check-in on 1 day" */
  last = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Last %u day", "Last %u days", n_days), n_days);
  routines = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "a routine on %u day", "a routine on %u days",
                                           with_routine), with_routine);
  checkins = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "a check-in on %u day", "a check-in on %u days",
                                           with_checkin), with_checkin);
  /* Translators: "Last 28 days: a routine on 12 days, a check-in on 1 day" */
  description = g_strdup_printf (_("%s: %s, %s"), last, routines, checkins);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Calendar"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
