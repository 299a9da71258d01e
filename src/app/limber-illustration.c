/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-app"

#include "limber-illustration.h"

/* An exercise picture that can be drawn mirrored, so that one drawing serves
 * both sides of the body. */
struct _LimberIllustration
{
  GtkWidget     parent_instance;

  GdkPaintable *paintable;
  char         *resource_path;
  gboolean      mirrored;
};

G_DEFINE_FINAL_TYPE (LimberIllustration, limber_illustration, GTK_TYPE_WIDGET)

static void
limber_illustration_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  LimberIllustration *self = LIMBER_ILLUSTRATION (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double ratio, w, h;

  if (self->paintable == NULL || width <= 0 || height <= 0)
    return;

  ratio = gdk_paintable_get_intrinsic_aspect_ratio (self->paintable);
  if (ratio <= 0)
    ratio = 4.0 / 3.0;
  w = MIN (width, height * ratio);
  h = w / ratio;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((width - w) / 2, (height - h) / 2));
  if (self->mirrored)
    {
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (w, 0));
      gtk_snapshot_scale (snapshot, -1, 1);
    }
  gdk_paintable_snapshot (self->paintable, GDK_SNAPSHOT (snapshot), w, h);
  gtk_snapshot_restore (snapshot);
}

static void
limber_illustration_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  *minimum = 48;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 320 : 240;
}

static void
limber_illustration_dispose (GObject *object)
{
  LimberIllustration *self = LIMBER_ILLUSTRATION (object);

  g_clear_object (&self->paintable);
  g_clear_pointer (&self->resource_path, g_free);

  G_OBJECT_CLASS (limber_illustration_parent_class)->dispose (object);
}

static void
limber_illustration_class_init (LimberIllustrationClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = limber_illustration_dispose;
  widget_class->snapshot = limber_illustration_snapshot;
  widget_class->measure = limber_illustration_measure;
  gtk_widget_class_set_css_name (widget_class, "limber-illustration");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
limber_illustration_init (LimberIllustration *self)
{
}

GtkWidget *
limber_illustration_new (void)
{
  return g_object_new (LIMBER_TYPE_ILLUSTRATION, NULL);
}

void
limber_illustration_set_resource (LimberIllustration *self,
                                  const char         *resource_path)
{
  g_return_if_fail (LIMBER_IS_ILLUSTRATION (self));

  if (g_strcmp0 (self->resource_path, resource_path) == 0)
    return;

  g_free (self->resource_path);
  self->resource_path = g_strdup (resource_path);
  g_clear_object (&self->paintable);
  if (resource_path != NULL)
    self->paintable = GDK_PAINTABLE (gdk_texture_new_from_resource (resource_path));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
limber_illustration_set_mirrored (LimberIllustration *self,
                                  gboolean            mirrored)
{
  g_return_if_fail (LIMBER_IS_ILLUSTRATION (self));

  mirrored = !!mirrored;
  if (self->mirrored != mirrored)
    {
      self->mirrored = mirrored;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

gboolean
limber_illustration_get_mirrored (LimberIllustration *self)
{
  g_return_val_if_fail (LIMBER_IS_ILLUSTRATION (self), FALSE);
  return self->mirrored;
}
