/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-app"

#include <glib/gi18n.h>

#include "limber-ui-utils.h"
#include "limber-illustration.h"
#include "limber-routine-row.h"

struct _LimberRoutineRow
{
  AdwActionRow   parent_instance;

  LimberRoutine *routine;
  LimberIllustration *thumbnail;
  GtkWidget     *own_label;
};

G_DEFINE_FINAL_TYPE (LimberRoutineRow, limber_routine_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_ROUTINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
limber_routine_row_constructed (GObject *object)
{
  LimberRoutineRow *self = LIMBER_ROUTINE_ROW (object);
  g_autofree char *duration = NULL;
  g_autofree char *kinds = NULL;
  g_autofree char *subtitle = NULL;
  LimberExercise *cover;

  G_OBJECT_CLASS (limber_routine_row_parent_class)->constructed (object);

  duration = limber_format_duration_rounded (limber_routine_get_duration (self->routine));
  kinds = limber_exercise_kinds_describe (limber_routine_get_kinds (self->routine));
  /* Translators: a routine's length, then the kinds of exercise in it */
  subtitle = g_strdup_printf (_("%s · %s"), duration, kinds);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), limber_routine_get_name (self->routine));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);

  cover = limber_routine_get_cover (self->routine);
  limber_illustration_set_exercise (self->thumbnail, cover);
  gtk_widget_set_visible (self->own_label, !limber_routine_is_bundled (self->routine));
}

static void
limber_routine_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LimberRoutineRow *self = LIMBER_ROUTINE_ROW (object);

  switch (prop_id)
    {
    case PROP_ROUTINE:
      g_value_set_object (value, self->routine);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_routine_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LimberRoutineRow *self = LIMBER_ROUTINE_ROW (object);

  switch (prop_id)
    {
    case PROP_ROUTINE:
      self->routine = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_routine_row_dispose (GObject *object)
{
  LimberRoutineRow *self = LIMBER_ROUTINE_ROW (object);

  g_clear_object (&self->routine);

  G_OBJECT_CLASS (limber_routine_row_parent_class)->dispose (object);
}

/* GTK 4.8 gives a list row no accessible action of its own: this one is
 * what a screen reader or a test lists and invokes to open the routine. */
static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  gtk_widget_activate (widget);
}

static void
limber_routine_row_class_init (LimberRoutineRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = limber_routine_row_constructed;
  object_class->get_property = limber_routine_row_get_property;
  object_class->set_property = limber_routine_row_set_property;
  object_class->dispose = limber_routine_row_dispose;
  g_type_ensure (LIMBER_TYPE_ILLUSTRATION);

  properties[PROP_ROUTINE] =
    g_param_spec_object ("routine", NULL, NULL,
                         LIMBER_TYPE_ROUTINE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, LIMBER_RESOURCE_PREFIX "/ui/limber-routine-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineRow, thumbnail);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineRow, own_label);
  gtk_widget_class_install_action (widget_class, "row.activate", NULL, activate_action);
}

static void
limber_routine_row_init (LimberRoutineRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  limber_ui_name_mnemonic_buttons (GTK_WIDGET (self));
}

GtkWidget *
limber_routine_row_new (LimberRoutine *routine)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (routine), NULL);
  return g_object_new (LIMBER_TYPE_ROUTINE_ROW, "routine", routine, NULL);
}

LimberRoutine *
limber_routine_row_get_routine (LimberRoutineRow *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE_ROW (self), NULL);
  return self->routine;
}
