/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-app"

#include "limber-digits.h"

/* The countdown's seconds, drawn as large as the space they are given: the
 * player's layout decides how much room the digits get (a third of a
 * fullscreen window, a corner of a phone), and this widget fills it, so the
 * count reads from across the room. The size is worked out from a run of
 * zeros as long as the text (the digits are tabular), so it stays put as
 * the count goes from 10 to 9; a new second only redraws, never re-lays out.
 * Colour and weight come from CSS. */
struct _LimberDigits
{
  GtkWidget    parent_instance;

  char        *text;
  PangoLayout *layout;      /* at the fitted size, for the current text */
  int          fitted_for;  /* the allocation and length it was fitted to */
  int          fitted_w;
  int          fitted_len;
};

G_DEFINE_FINAL_TYPE (LimberDigits, limber_digits, GTK_TYPE_WIDGET)

/* the natural size asks for digits this tall, the minimum for none */
#define NATURAL_PX 64

static PangoLayout *
layout_at (LimberDigits *self,
           const char   *text,
           double        px)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoFontDescription *desc = pango_font_description_copy (
    pango_context_get_font_description (pango_layout_get_context (layout)));
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_font_description_set_absolute_size (desc, px * PANGO_SCALE);
  pango_layout_set_font_description (layout, desc);
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_font_description_free (desc);
  return layout;
}

static int
text_length (LimberDigits *self)
{
  return MAX (1, (int) g_utf8_strlen (self->text, -1));
}

/* The font size at which a run of zeros as long as the text fills w × h. */
static double
fit (LimberDigits *self,
     int           w,
     int           h)
{
  g_autofree char *zeros = g_strnfill (text_length (self), '0');
  g_autoptr(PangoLayout) probe = layout_at (self, zeros, 100);
  PangoRectangle ink, logical;
  double scale;

  /* digits have no descenders: the ink is what must fit the height */
  pango_layout_get_pixel_extents (probe, &ink, &logical);
  if (logical.width <= 0 || ink.height <= 0)
    return 1;
  scale = MIN ((double) w / logical.width, (double) h / ink.height);
  return MAX (1.0, 100 * scale);
}

static void
ensure_layout (LimberDigits *self)
{
  int w = gtk_widget_get_width (GTK_WIDGET (self));
  int h = gtk_widget_get_height (GTK_WIDGET (self));
  int len = text_length (self);

  if (self->layout != NULL && self->fitted_for == h && self->fitted_w == w && self->fitted_len == len)
    {
      pango_layout_set_text (self->layout, self->text, -1);
      return;
    }
  g_clear_object (&self->layout);
  self->layout = layout_at (self, self->text, fit (self, w, h));
  self->fitted_for = h;
  self->fitted_w = w;
  self->fitted_len = len;
}

static void
limber_digits_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  LimberDigits *self = LIMBER_DIGITS (widget);
  PangoRectangle ink, logical;
  GdkRGBA color;
  float x, y;

  if (gtk_widget_get_width (widget) <= 0 || gtk_widget_get_height (widget) <= 0)
    return;
  ensure_layout (self);
  pango_layout_get_pixel_extents (self->layout, &ink, &logical);
  /* centred: across by the advance, so the count does not wobble; down by
   * the ink, so the digits sit in the middle of their box */
  x = (gtk_widget_get_width (widget) - logical.width) / 2.0f - logical.x;
  y = (gtk_widget_get_height (widget) - ink.height) / 2.0f - ink.y;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, self->layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
limber_digits_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  LimberDigits *self = LIMBER_DIGITS (widget);
  g_autofree char *zeros = g_strnfill (text_length (self), '0');
  g_autoptr(PangoLayout) probe = layout_at (self, zeros, NATURAL_PX);
  PangoRectangle ink, logical;

  pango_layout_get_pixel_extents (probe, &ink, &logical);
  *minimum = 0;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? logical.width : ink.height;
}

static void
drop_layout (LimberDigits *self)
{
  g_clear_object (&self->layout);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
limber_digits_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (limber_digits_parent_class)->css_changed (widget, change);
  /* a new weight or font family (a new colour needs only the redraw) */
  drop_layout (LIMBER_DIGITS (widget));
}

static void
limber_digits_finalize (GObject *object)
{
  LimberDigits *self = LIMBER_DIGITS (object);

  g_clear_object (&self->layout);
  g_free (self->text);

  G_OBJECT_CLASS (limber_digits_parent_class)->finalize (object);
}

static void
limber_digits_class_init (LimberDigitsClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = limber_digits_finalize;
  widget_class->snapshot = limber_digits_snapshot;
  widget_class->measure = limber_digits_measure;
  widget_class->css_changed = limber_digits_css_changed;
  gtk_widget_class_set_css_name (widget_class, "limber-digits");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TIMER);
}

static void
limber_digits_init (LimberDigits *self)
{
  self->text = g_strdup ("");
}

GtkWidget *
limber_digits_new (void)
{
  return g_object_new (LIMBER_TYPE_DIGITS, NULL);
}

void
limber_digits_set_text (LimberDigits *self,
                        const char   *text)
{
  g_return_if_fail (LIMBER_IS_DIGITS (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text ? text : "");
  /* the same length keeps the fitted size: only a redraw */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
limber_digits_get_text (LimberDigits *self)
{
  g_return_val_if_fail (LIMBER_IS_DIGITS (self), NULL);
  return self->text;
}

/**
 * limber_digits_get_digit_height:
 *
 * Returns: the height in pixels of a drawn digit (its ink, from the top of a
 * 0 to its bottom), as laid out for the current allocation; 0 before the
 * widget has a size.
 */
int
limber_digits_get_digit_height (LimberDigits *self)
{
  PangoRectangle ink;

  g_return_val_if_fail (LIMBER_IS_DIGITS (self), 0);
  if (gtk_widget_get_width (GTK_WIDGET (self)) <= 0 || gtk_widget_get_height (GTK_WIDGET (self)) <= 0)
    return 0;
  ensure_layout (self);
  {
    g_autoptr(PangoLayout) zero = pango_layout_copy (self->layout);

    pango_layout_set_text (zero, "0", -1);
    pango_layout_get_pixel_extents (zero, &ink, NULL);
  }
  return ink.height;
}
