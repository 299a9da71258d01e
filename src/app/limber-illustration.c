/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-app"

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "limber-catalog.h"
#include "limber-illustration.h"

/* An exercise picture (a bundled SVG, or a person's own PNG, JPEG or SVG)
 * that can be drawn mirrored, so that one drawing serves both sides of the
 * body.
 *
 * The picture is rasterised at the size, in device pixels, at which it is
 * drawn, each time that size changes, and the texture is then drawn as it
 * is. Drawing a larger texture scaled down cost the cairo renderer more
 * than the rest of the routine list together (the five thumbnails were
 * 15 % of the instructions to the first frame), and the player redraws its
 * picture every second. A picture that cannot be read draws nothing and
 * says why once in the log; the caller decides what to show instead.
 *
 * Mirroring follows the side being named, never the text direction: in a
 * right-to-left locale the picture of the left leg still shows the left leg.
 */
struct _LimberIllustration
{
  GtkWidget   parent_instance;

  char       *resource_path;
  GFile      *file;
  gboolean    mirrored;

  GdkTexture *texture;
  int         box_width;    /* the device-pixel box it was made for */
  int         box_height;
  gboolean    failed;       /* for this source: do not try every frame */
};

G_DEFINE_FINAL_TYPE (LimberIllustration, limber_illustration, GTK_TYPE_WIDGET)

static GdkPixbuf *
load_at_size (LimberIllustration *self,
              int                 width,
              int                 height,
              GError            **error)
{
  g_autoptr(GInputStream) stream = NULL;

  if (self->resource_path != NULL)
    stream = g_resources_open_stream (self->resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  else
    {
      g_autofree char *path = g_file_get_path (self->file);
      int w = 0, h = 0;

      /* a file put there by hand may be a small file holding a huge
       * picture: its header is read before it is decoded */
      if (path != NULL && gdk_pixbuf_get_file_info (path, &w, &h) != NULL &&
          (w > LIMBER_PICTURE_MAX_SIDE || h > LIMBER_PICTURE_MAX_SIDE))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%d × %d pixels is more than Limber draws", w, h);
          return NULL;
        }
      stream = G_INPUT_STREAM (g_file_read (self->file, NULL, error));
    }
  if (stream == NULL)
    return NULL;
  return gdk_pixbuf_new_from_stream_at_scale (stream, width, height, TRUE, NULL, error);
}

/* A texture that fits the widget's box at its scale, made only when the
 * box has changed since the last one. */
static void
update_texture (LimberIllustration *self)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int width = gtk_widget_get_width (GTK_WIDGET (self)) * scale;
  int height = gtk_widget_get_height (GTK_WIDGET (self)) * scale;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;

  if ((self->resource_path == NULL && self->file == NULL) || self->failed || width <= 0 || height <= 0)
    return;
  if (self->texture != NULL && width == self->box_width && height == self->box_height)
    return;

  pixbuf = load_at_size (self, width, height, &error);
  if (pixbuf == NULL)
    {
      g_autofree char *name = self->file ? g_file_get_parse_name (self->file) : g_strdup (self->resource_path);

      g_message ("Could not draw the picture %s: %s", name, error->message);
      self->failed = TRUE;
      g_clear_object (&self->texture);
      return;
    }
  g_set_object (&self->texture, gdk_texture_new_for_pixbuf (pixbuf));
  g_object_unref (self->texture);  /* g_set_object took its own */
  self->box_width = width;
  self->box_height = height;
}

/* No picture, or one that cannot be read (a picture file deleted by hand):
 * a dim, neutral symbol in the middle, so the layout stays the same. */
static void
draw_placeholder (LimberIllustration *self,
                  GtkSnapshot        *snapshot,
                  double              width,
                  double              height)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (widget));
  double size = MIN (64, MIN (width, height) / 2);
  g_autoptr(GtkIconPaintable) icon = NULL;
  GdkRGBA color;

  if (size < 8)
    return;
  icon = gtk_icon_theme_lookup_icon (theme, "image-x-generic-symbolic", NULL, (int) size,
                                     gtk_widget_get_scale_factor (widget),
                                     gtk_widget_get_direction (widget), 0);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);  /* GTK 4.8 */
  color.alpha *= 0.3;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (floor ((width - size) / 2), floor ((height - size) / 2)));
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), GDK_SNAPSHOT (snapshot),
                                            size, size, &color, 1);
  gtk_snapshot_restore (snapshot);
}

static void
limber_illustration_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  LimberIllustration *self = LIMBER_ILLUSTRATION (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double w, h;

  update_texture (self);
  if (self->texture == NULL)
    {
      draw_placeholder (self, snapshot, width, height);
      return;
    }

  w = (double) gdk_texture_get_width (self->texture) / scale;
  h = (double) gdk_texture_get_height (self->texture) / scale;

  gtk_snapshot_save (snapshot);
  /* whole pixels, so that the texture is copied, not resampled */
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (floor ((width - w) / 2), floor ((height - h) / 2)));
  if (self->mirrored)
    {
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (w, 0));
      gtk_snapshot_scale (snapshot, -1, 1);
    }
  gtk_snapshot_append_texture (snapshot, self->texture, &GRAPHENE_RECT_INIT (0, 0, w, h));
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
  int request_width, request_height, request;

  /* a thumbnail given a size asks for no more than that (GTK adds the
   * request to the minimum itself); the player's picture grows up to its
   * drawing's own size */
  gtk_widget_get_size_request (widget, &request_width, &request_height);
  request = orientation == GTK_ORIENTATION_HORIZONTAL ? request_width : request_height;
  *minimum = request > 0 ? request : 48;
  *natural = request > 0 ? request : orientation == GTK_ORIENTATION_HORIZONTAL ? 320 : 240;
}

static void
limber_illustration_dispose (GObject *object)
{
  LimberIllustration *self = LIMBER_ILLUSTRATION (object);

  g_clear_object (&self->texture);
  g_clear_object (&self->file);
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

/**
 * limber_illustration_new_thumbnail:
 * @exercise: (nullable): whose picture to show
 *
 * A small picture for a row, beside text that names the exercise, so it
 * is left out of what screen readers say.
 */
GtkWidget *
limber_illustration_new_thumbnail (LimberExercise *exercise,
                                   int             width,
                                   int             height)
{
  GtkWidget *self = g_object_new (LIMBER_TYPE_ILLUSTRATION,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  "width-request", width,
                                  "height-request", height,
                                  "margin-top", 6,
                                  "margin-bottom", 6,
                                  "valign", GTK_ALIGN_CENTER,
                                  NULL);

  gtk_widget_add_css_class (self, "limber-thumbnail");
  limber_illustration_set_exercise (LIMBER_ILLUSTRATION (self), exercise);
  return self;
}

static void
drop_texture (LimberIllustration *self)
{
  g_clear_object (&self->texture);
  self->failed = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * limber_illustration_set_resource:
 * @resource_path: (nullable): a picture in the program's resources
 */
void
limber_illustration_set_resource (LimberIllustration *self,
                                  const char         *resource_path)
{
  g_return_if_fail (LIMBER_IS_ILLUSTRATION (self));

  if (self->file == NULL && g_strcmp0 (self->resource_path, resource_path) == 0)
    return;

  g_clear_object (&self->file);
  g_free (self->resource_path);
  self->resource_path = g_strdup (resource_path);
  drop_texture (self);
}

/**
 * limber_illustration_set_file:
 * @file: (nullable): a picture file (PNG, JPEG or SVG)
 */
void
limber_illustration_set_file (LimberIllustration *self,
                              GFile              *file)
{
  g_return_if_fail (LIMBER_IS_ILLUSTRATION (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (self->file != NULL && file != NULL && g_file_equal (self->file, file))
    return;

  g_clear_pointer (&self->resource_path, g_free);
  g_set_object (&self->file, file);
  drop_texture (self);
}

/**
 * limber_illustration_set_exercise:
 * @exercise: (nullable): whose picture to show
 *
 * Shows @exercise's picture: a bundled drawing, a person's own picture
 * file, or the placeholder when it has none. Mirroring stays the caller's.
 */
void
limber_illustration_set_exercise (LimberIllustration *self,
                                  LimberExercise     *exercise)
{
  g_return_if_fail (LIMBER_IS_ILLUSTRATION (self));

  switch (exercise ? limber_exercise_get_picture_source (exercise) : LIMBER_PICTURE_NONE)
    {
    case LIMBER_PICTURE_RESOURCE:
      limber_illustration_set_resource (self, limber_exercise_get_picture_path (exercise));
      break;
    case LIMBER_PICTURE_FILE:
      {
        g_autoptr(GFile) file = g_file_new_for_path (limber_exercise_get_picture_path (exercise));

        limber_illustration_set_file (self, file);
      }
      break;
    case LIMBER_PICTURE_NONE:
    default:
      limber_illustration_set_resource (self, NULL);
      break;
    }
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

/**
 * limber_illustration_get_texture:
 *
 * The picture as last drawn, at its device-pixel size, or %NULL before it
 * is drawn or when it cannot be read.
 *
 * Returns: (transfer none) (nullable): the texture
 */
GdkTexture *
limber_illustration_get_texture (LimberIllustration *self)
{
  g_return_val_if_fail (LIMBER_IS_ILLUSTRATION (self), NULL);
  return self->texture;
}
