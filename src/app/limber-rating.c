/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-rating"

#include <glib/gi18n.h>

#include "limber-rating.h"

/* One control for a rating from 0 to 10: a row of numbered tiles, the chosen
 * one highlighted, that wraps onto balanced rows when it is narrow.
 *
 * It starts unset (-1): a rating nobody chose must never read as 0.
 *
 * It is one Tab stop and, to assistive technologies, a slider: one focused
 * object whose name comes from its owner (labelled-by) and whose value is
 * read out as "3 of 10", rather than eleven radio buttons that each need a
 * focus of their own. The tiles are hidden from the accessibility tree.
 *
 * Keys: Left/Right follow the text direction, Up/Down and Left/Right step by
 * one and stop at 0 and 10, Home/End choose 0 and 10, 0–9 choose directly.
 * From unset, any step chooses 0, the start of the scale, so one press
 * never jumps past an end the person has not seen. */
struct _LimberRating
{
  GtkWidget  parent_instance;

  GtkWidget *tiles[LIMBER_RATING_MAX + 1];
  GtkWidget *ring;    /* the focus ring, hugging the tiles */
  int        value;
  char      *low_label;
  char      *high_label;
};

G_DEFINE_FINAL_TYPE (LimberRating, limber_rating, GTK_TYPE_WIDGET)

#define N_TILES     (LIMBER_RATING_MAX + 1)
#define SPACING     3
/* the narrowest layout: three rows of four */
#define MIN_COLUMNS 4

enum {
  PROP_0,
  PROP_VALUE,
  PROP_LOW_LABEL,
  PROP_HIGH_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* g_set_str() is GLib 2.76 */
static gboolean
set_str (char       **str,
         const char  *value)
{
  if (g_strcmp0 (*str, value) == 0)
    return FALSE;
  g_free (*str);
  *str = g_strdup (value);
  return TRUE;
}

static const char *
end_label (LimberRating *self,
           int           value)
{
  const char *label = NULL;

  if (value == 0)
    label = self->low_label;
  else if (value == LIMBER_RATING_MAX)
    label = self->high_label;
  return label != NULL && *label != '\0' ? label : NULL;
}

static char *
describe (LimberRating *self,
          int           value)
{
  const char *end = end_label (self, value);

  if (value < 0)
    return g_strdup (_("Not chosen"));
  if (end != NULL)
    /* Translators: a rating and what that end of the scale means,
     * e.g. "0 of 10, no discomfort" */
    return g_strdup_printf (_("%d of %d, %s"), value, LIMBER_RATING_MAX, end);
  /* Translators: a rating, e.g. "3 of 10" */
  return g_strdup_printf (_("%d of %d"), value, LIMBER_RATING_MAX);
}

static void
update_accessible_value (LimberRating *self)
{
  g_autofree char *text = describe (self, self->value);

  if (self->value < 0)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_VALUE_NOW);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                      -1);
    }
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double) self->value,
                                    GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                    -1);
  /* GTK 4.8 gives AT-SPI's Value interface only to its own ranges, so the
   * value above never reaches a screen reader: the description carries it
   * too, and a screen reader speaks its change while the rating has focus. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

/* The ends say what they mean when pointed at. */
static void
update_end_tooltips (LimberRating *self)
{
  int ends[] = { 0, LIMBER_RATING_MAX };

  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    {
      const char *end = end_label (self, ends[i]);
      g_autofree char *tip = NULL;

      if (end != NULL)
        /* Translators: the tooltip of an end of a rating, e.g. "0, no discomfort" */
        tip = g_strdup_printf (_("%d, %s"), ends[i], end);
      gtk_widget_set_tooltip_text (self->tiles[ends[i]], tip);
    }
}

int
limber_rating_get_value (LimberRating *self)
{
  g_return_val_if_fail (LIMBER_IS_RATING (self), LIMBER_RATING_UNSET);
  return self->value;
}

/**
 * limber_rating_set_value:
 * @value: 0 to 10, or %LIMBER_RATING_UNSET
 */
void
limber_rating_set_value (LimberRating *self,
                         int           value)
{
  g_return_if_fail (LIMBER_IS_RATING (self));
  g_return_if_fail (value >= LIMBER_RATING_UNSET && value <= LIMBER_RATING_MAX);

  if (self->value == value)
    return;

  if (self->value >= 0)
    gtk_widget_unset_state_flags (self->tiles[self->value], GTK_STATE_FLAG_CHECKED);
  self->value = value;
  if (self->value >= 0)
    gtk_widget_set_state_flags (self->tiles[self->value], GTK_STATE_FLAG_CHECKED, FALSE);

  update_accessible_value (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

const char *
limber_rating_get_low_label (LimberRating *self)
{
  g_return_val_if_fail (LIMBER_IS_RATING (self), NULL);
  return self->low_label;
}

/**
 * limber_rating_set_low_label:
 * @label: (nullable): what 0 means, e.g. "no discomfort"
 */
void
limber_rating_set_low_label (LimberRating *self,
                             const char   *label)
{
  g_return_if_fail (LIMBER_IS_RATING (self));

  if (set_str (&self->low_label, label))
    {
      update_accessible_value (self);
      update_end_tooltips (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOW_LABEL]);
    }
}

const char *
limber_rating_get_high_label (LimberRating *self)
{
  g_return_val_if_fail (LIMBER_IS_RATING (self), NULL);
  return self->high_label;
}

/**
 * limber_rating_set_high_label:
 * @label: (nullable): what 10 means, e.g. "worst imaginable"
 */
void
limber_rating_set_high_label (LimberRating *self,
                              const char   *label)
{
  g_return_if_fail (LIMBER_IS_RATING (self));

  if (set_str (&self->high_label, label))
    {
      update_accessible_value (self);
      update_end_tooltips (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGH_LABEL]);
    }
}

/* Steps towards 10 (@delta > 0) or 0, stopping at the ends. */
static void
step (LimberRating *self,
      int           delta)
{
  int value = self->value < 0 ? 0 : self->value + delta;

  limber_rating_set_value (self, CLAMP (value, 0, LIMBER_RATING_MAX));
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  step (LIMBER_RATING (widget), g_variant_get_int32 (param));
}

/* Left and Right as seen on screen: in a right-to-left locale 0 is on the
 * right, so Left goes up. */
static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  int delta = g_variant_get_int32 (param);

  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    delta = -delta;
  step (LIMBER_RATING (widget), delta);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  int value = g_variant_get_int32 (param);

  if (value >= 0 && value <= LIMBER_RATING_MAX)
    limber_rating_set_value (LIMBER_RATING (widget), value);
}

static int
tile_at (LimberRating *self,
         double        x,
         double        y)
{
  for (int i = 0; i < N_TILES; i++)
    {
      graphene_rect_t bounds;

      if (gtk_widget_compute_bounds (self->tiles[i], GTK_WIDGET (self), &bounds)
          && graphene_rect_contains_point (&bounds, &GRAPHENE_POINT_INIT (x, y)))
        return i;
    }
  return -1;
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            LimberRating    *self)
{
  int value = tile_at (self, x, y);

  if (value < 0)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  if (gtk_widget_get_focus_on_click (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  limber_rating_set_value (self, value);
}

/* Layout: every tile gets the size of the widest, square when there is
 * room, shrinking to its minimum before the row wraps. */
static void
measure_tiles (LimberRating *self,
               int          *tile_min,
               int          *tile_nat,
               int          *tile_height)
{
  *tile_min = *tile_nat = *tile_height = 0;

  for (int i = 0; i < N_TILES; i++)
    {
      int min, nat;

      gtk_widget_measure (self->tiles[i], GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      *tile_min = MAX (*tile_min, min);
      *tile_nat = MAX (*tile_nat, nat);
      gtk_widget_measure (self->tiles[i], GTK_ORIENTATION_VERTICAL, -1, &min, &nat, NULL, NULL);
      *tile_height = MAX (*tile_height, nat);
    }
  *tile_nat = MAX (*tile_nat, *tile_height);
}

/* All eleven in a row if they fit; otherwise as few rows as fit, each as
 * full as the others (6 + 5, then 4 + 4 + 3). */
static int
columns_for_width (int width,
                   int tile_min)
{
  int fit, rows;

  if (width < 0)
    return N_TILES;
  fit = CLAMP ((width + SPACING) / (tile_min + SPACING), MIN_COLUMNS, N_TILES);
  rows = (N_TILES + fit - 1) / fit;
  return (N_TILES + rows - 1) / rows;
}

static int
rows_for_columns (int columns)
{
  return (N_TILES + columns - 1) / columns;
}

static GtkSizeRequestMode
limber_rating_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
limber_rating_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  LimberRating *self = LIMBER_RATING (widget);
  int tile_min, tile_nat, tile_height;

  measure_tiles (self, &tile_min, &tile_nat, &tile_height);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_COLUMNS * tile_min + (MIN_COLUMNS - 1) * SPACING;
      *natural = N_TILES * tile_nat + (N_TILES - 1) * SPACING;
    }
  else
    {
      int rows = rows_for_columns (columns_for_width (for_size, tile_min));

      *minimum = *natural = rows * tile_height + (rows - 1) * SPACING;
    }
}

static void
limber_rating_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  LimberRating *self = LIMBER_RATING (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int tile_min, tile_nat, tile_height;
  int columns, rows, tile_width, x0, y0;

  measure_tiles (self, &tile_min, &tile_nat, &tile_height);
  columns = columns_for_width (width, tile_min);
  rows = rows_for_columns (columns);
  tile_width = CLAMP ((width - (columns - 1) * SPACING) / columns, tile_min, tile_nat);

  /* centred as a block; a short last row starts where the others do */
  x0 = (width - (columns * tile_width + (columns - 1) * SPACING)) / 2;
  y0 = MAX (0, (height - (rows * tile_height + (rows - 1) * SPACING)) / 2);

  gtk_widget_size_allocate (self->ring,
                            &(GtkAllocation) {
                              x0, y0,
                              columns * tile_width + (columns - 1) * SPACING,
                              rows * tile_height + (rows - 1) * SPACING,
                            }, -1);

  for (int i = 0; i < N_TILES; i++)
    {
      int column = i % columns;
      int x = x0 + column * (tile_width + SPACING);
      int y = y0 + (i / columns) * (tile_height + SPACING);

      if (rtl)
        x = width - x - tile_width;
      gtk_widget_size_allocate (self->tiles[i],
                                &(GtkAllocation) { x, y, tile_width, tile_height },
                                -1);
    }
}

static void
limber_rating_direction_changed (GtkWidget        *widget,
                                 GtkTextDirection  previous)
{
  gtk_widget_queue_allocate (widget);
  GTK_WIDGET_CLASS (limber_rating_parent_class)->direction_changed (widget, previous);
}

static void
limber_rating_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LimberRating *self = LIMBER_RATING (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_int (value, self->value);
      break;
    case PROP_LOW_LABEL:
      g_value_set_string (value, self->low_label);
      break;
    case PROP_HIGH_LABEL:
      g_value_set_string (value, self->high_label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_rating_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LimberRating *self = LIMBER_RATING (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      limber_rating_set_value (self, g_value_get_int (value));
      break;
    case PROP_LOW_LABEL:
      limber_rating_set_low_label (self, g_value_get_string (value));
      break;
    case PROP_HIGH_LABEL:
      limber_rating_set_high_label (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_rating_dispose (GObject *object)
{
  LimberRating *self = LIMBER_RATING (object);

  for (int i = 0; i < N_TILES; i++)
    g_clear_pointer (&self->tiles[i], gtk_widget_unparent);
  g_clear_pointer (&self->ring, gtk_widget_unparent);

  G_OBJECT_CLASS (limber_rating_parent_class)->dispose (object);
}

static void
limber_rating_finalize (GObject *object)
{
  LimberRating *self = LIMBER_RATING (object);

  g_free (self->low_label);
  g_free (self->high_label);

  G_OBJECT_CLASS (limber_rating_parent_class)->finalize (object);
}

static void
limber_rating_class_init (LimberRatingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = limber_rating_get_property;
  object_class->set_property = limber_rating_set_property;
  object_class->dispose = limber_rating_dispose;
  object_class->finalize = limber_rating_finalize;

  widget_class->get_request_mode = limber_rating_get_request_mode;
  widget_class->measure = limber_rating_measure;
  widget_class->size_allocate = limber_rating_size_allocate;
  widget_class->direction_changed = limber_rating_direction_changed;

  /**
   * LimberRating:value:
   *
   * The rating, 0 to 10, or -1 while nobody has chosen one.
   */
  properties[PROP_VALUE] =
    g_param_spec_int ("value", NULL, NULL,
                      LIMBER_RATING_UNSET, LIMBER_RATING_MAX, LIMBER_RATING_UNSET,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LimberRating:low-label:
   *
   * What 0 means, read out with it and shown as its tooltip.
   */
  properties[PROP_LOW_LABEL] =
    g_param_spec_string ("low-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LimberRating:high-label:
   *
   * What 10 means, read out with it and shown as its tooltip.
   */
  properties[PROP_HIGH_LABEL] =
    g_param_spec_string ("high-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "rating.step", "i", step_action);
  gtk_widget_class_install_action (widget_class, "rating.move", "i", move_action);
  gtk_widget_class_install_action (widget_class, "rating.choose", "i", choose_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "rating.step", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, 0, "rating.step", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "rating.step", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, 0, "rating.step", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "rating.move", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0, "rating.move", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "rating.move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0, "rating.move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "rating.choose", "i", 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Home, 0, "rating.choose", "i", 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "rating.choose", "i", LIMBER_RATING_MAX);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_End, 0, "rating.choose", "i", LIMBER_RATING_MAX);
  for (int d = 0; d <= 9; d++)
    {
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + d, 0, "rating.choose", "i", d);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0 + d, 0, "rating.choose", "i", d);
    }

  gtk_widget_class_set_css_name (widget_class, "limber-rating");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SLIDER);
}

static void
limber_rating_init (LimberRating *self)
{
  GtkGesture *click;

  self->value = LIMBER_RATING_UNSET;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  /* the whole allocation may be much wider than the tiles: the ring is
   * drawn round the tiles alone */
  self->ring = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (self->ring, "focus-ring");
  gtk_widget_set_can_target (self->ring, FALSE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->ring), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_widget_set_parent (self->ring, GTK_WIDGET (self));

  for (int i = 0; i < N_TILES; i++)
    {
      g_autofree char *text = g_strdup_printf ("%d", i);
      GtkWidget *tile = gtk_label_new (text);

      gtk_widget_add_css_class (tile, "numeric");
      gtk_accessible_update_state (GTK_ACCESSIBLE (tile), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_widget_set_parent (tile, GTK_WIDGET (self));
      self->tiles[i] = tile;
    }

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, (double) LIMBER_RATING_MAX,
                                  -1);
  update_accessible_value (self);
}

GtkWidget *
limber_rating_new (void)
{
  return g_object_new (LIMBER_TYPE_RATING, NULL);
}
