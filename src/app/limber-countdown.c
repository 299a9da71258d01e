/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-app"

#include <math.h>

#include "limber-countdown.h"

/* A ring that fills as a phase passes, around a child (the exercise's
 * picture). Its colours come from CSS: the ring takes the widget's color,
 * so style classes such as .prepare, .switch and .urgent recolour it. */
struct _LimberCountdown
{
  GtkWidget  parent_instance;

  GtkWidget *child;
  double     fraction;
};

G_DEFINE_FINAL_TYPE (LimberCountdown, limber_countdown, GTK_TYPE_WIDGET)

#define RING_WIDTH 12.0

static void
limber_countdown_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  LimberCountdown *self = LIMBER_COUNTDOWN (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double size = MIN (width, height);
  double radius = size / 2 - RING_WIDTH / 2 - 1;
  GdkRGBA color;
  cairo_t *cr;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_line_width (cr, RING_WIDTH);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  cairo_arc (cr, width / 2, height / 2, radius, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, color.alpha * 0.15);
  cairo_stroke (cr);

  /* clockwise from twelve o'clock in every text direction: a clock face
   * does not mirror for right-to-left languages */
  if (self->fraction > 0)
    {
      cairo_arc (cr, width / 2, height / 2, radius,
                 -G_PI / 2, -G_PI / 2 + 2 * G_PI * CLAMP (self->fraction, 0, 1));
      gdk_cairo_set_source_rgba (cr, &color);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);

  if (self->child != NULL)
    gtk_widget_snapshot_child (widget, self->child, snapshot);
}

static void
limber_countdown_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  *minimum = 48;
  *natural = 280;
}

static void
limber_countdown_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  LimberCountdown *self = LIMBER_COUNTDOWN (widget);
  int size = MIN (width, height);
  /* the largest 4:3 box inside the ring, with a little air */
  int inner_w = (int) (size * 0.62);
  int inner_h = inner_w * 3 / 4;

  if (self->child != NULL)
    gtk_widget_size_allocate (self->child,
                              &(GtkAllocation) { (width - inner_w) / 2, (height - inner_h) / 2,
                                                 inner_w, inner_h },
                              -1);
}

static void
limber_countdown_dispose (GObject *object)
{
  LimberCountdown *self = LIMBER_COUNTDOWN (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (limber_countdown_parent_class)->dispose (object);
}

static void
limber_countdown_class_init (LimberCountdownClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = limber_countdown_dispose;
  widget_class->snapshot = limber_countdown_snapshot;
  widget_class->measure = limber_countdown_measure;
  widget_class->size_allocate = limber_countdown_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "limber-countdown");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PROGRESS_BAR);
}

static void
limber_countdown_init (LimberCountdown *self)
{
}

GtkWidget *
limber_countdown_new (void)
{
  return g_object_new (LIMBER_TYPE_COUNTDOWN, NULL);
}

void
limber_countdown_set_child (LimberCountdown *self,
                            GtkWidget       *child)
{
  g_return_if_fail (LIMBER_IS_COUNTDOWN (self));

  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }
}

void
limber_countdown_set_fraction (LimberCountdown *self,
                               double           fraction)
{
  g_return_if_fail (LIMBER_IS_COUNTDOWN (self));

  fraction = CLAMP (fraction, 0.0, 1.0);
  if (fabs (self->fraction - fraction) > 1e-4)
    {
      self->fraction = fraction;
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, fraction * 100,
                                      -1);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

double
limber_countdown_get_fraction (LimberCountdown *self)
{
  g_return_val_if_fail (LIMBER_IS_COUNTDOWN (self), 0);
  return self->fraction;
}
