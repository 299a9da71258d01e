/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-app"

#include <glib/gi18n.h>

#include "limber-illustration.h"
#include "limber-step-row.h"

/* One step in the routine editor: the exercise, and, when expanded, its
 * timing (hold or repetitions and tempo, sets, rests, sides) and buttons to
 * move or remove it. It can be moved by dragging its handle onto another
 * step, and with Alt+Up and Alt+Down.
 *
 * The spin buttons accept any whole number and pass it to the draft as it
 * is typed, unclamped: a value out of range is not quietly changed but
 * shown with the reason beside it (limber_step_row_show_problem(), from the
 * draft's own check), so that what is saved is what the person sees. */
struct _LimberStepRow
{
  AdwExpanderRow   parent_instance;

  LimberStepDraft *step;
  LimberExercise  *exercise;
  guint            position;

  GtkWidget       *rows[LIMBER_DRAFT_FIELD_PICTURE + 1];
  const char      *hints[LIMBER_DRAFT_FIELD_PICTURE + 1];
  GtkWidget       *up_button;
  GtkWidget       *down_button;
};

G_DEFINE_FINAL_TYPE (LimberStepRow, limber_step_row, ADW_TYPE_EXPANDER_ROW)

enum {
  MOVE,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* "Hold 30 s · 2 sets · left side only", as the routine page says it */
static char *
describe (LimberStepRow *self)
{
  LimberRoutineStep step = {
    .exercise = self->exercise,
    .hold = limber_step_draft_get_hold (self->step),
    .repetitions = limber_step_draft_get_repetitions (self->step),
    .tempo = limber_step_draft_get_tempo (self->step),
    .sets = limber_step_draft_get_sets (self->step),
    .sides = limber_step_draft_get_sides (self->step),
  };

  return limber_routine_step_describe (&step);
}

static void
update_subtitle (LimberStepRow *self)
{
  g_autofree char *text = describe (self);

  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), text);
}

/* A row with a spin button for one of the step's numbers. */
static GtkWidget *
add_number_row (LimberStepRow    *self,
                LimberDraftField  field,
                const char       *title,
                const char       *hint,
                const char       *property)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 9999, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), hint);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  g_object_bind_property (self->step, property, spin, "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);

  self->rows[field] = row;
  self->hints[field] = hint;
  return row;
}

static void
on_sides_selected (LimberStepRow *self,
                   GParamSpec    *pspec,
                   AdwComboRow   *combo)
{
  limber_step_draft_set_sides (self->step, (LimberSides) adw_combo_row_get_selected (combo));
}

static void
add_sides_row (LimberStepRow *self)
{
  const char *choices[] = { _("Both Sides"), _("Left Side Only"), _("Right Side Only"), NULL };
  g_autoptr(GtkStringList) model = gtk_string_list_new (choices);
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Sides"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), limber_step_draft_get_sides (self->step));
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_sides_selected), self, G_CONNECT_SWAPPED);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
  self->rows[LIMBER_DRAFT_FIELD_SIDES] = row;
}

static GtkWidget *
make_button (const char *label,
             const char *action)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static void
add_buttons_row (LimberStepRow *self)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_flow_box_new ();
  GtkWidget *remove;

  /* a flow box, so that the buttons wrap at 360 px and large text */
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (box), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (box), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (box), 6);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (box), 3);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  self->up_button = make_button (_("Move _Up"), "step.move-up");
  gtk_widget_set_tooltip_text (self->up_button, _("Move Up (Alt+Up)"));
  self->down_button = make_button (_("Move _Down"), "step.move-down");
  gtk_widget_set_tooltip_text (self->down_button, _("Move Down (Alt+Down)"));
  remove = make_button (_("_Remove"), "step.remove");
  gtk_widget_add_css_class (remove, "destructive-action");
  gtk_flow_box_append (GTK_FLOW_BOX (box), self->up_button);
  gtk_flow_box_append (GTK_FLOW_BOX (box), self->down_button);
  gtk_flow_box_append (GTK_FLOW_BOX (box), remove);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  int delta = g_str_equal (action_name, "step.move-up") ? -1 : 1;

  g_signal_emit (widget, signals[MOVE], 0, delta);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  g_signal_emit (widget, signals[REMOVE], 0);
}

/* Drag and drop: the handle carries the row; dropping it on another row
 * moves it to that row's place. */
static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 LimberStepRow *self)
{
  return gdk_content_provider_new_typed (LIMBER_TYPE_STEP_ROW, self);
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               LimberStepRow *self)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, icon, 0, 0);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         LimberStepRow *self)
{
  LimberStepRow *dragged = g_value_get_object (value);

  if (dragged == NULL || dragged == self)
    return FALSE;
  g_signal_emit (dragged, signals[MOVE], 0, (int) self->position - (int) dragged->position);
  return TRUE;
}

static void
limber_step_row_dispose (GObject *object)
{
  LimberStepRow *self = LIMBER_STEP_ROW (object);

  g_clear_object (&self->step);
  g_clear_object (&self->exercise);

  G_OBJECT_CLASS (limber_step_row_parent_class)->dispose (object);
}

static void
limber_step_row_class_init (LimberStepRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = limber_step_row_dispose;

  /**
   * LimberStepRow::move:
   * @delta: places to move, negative for up
   */
  signals[MOVE] = g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "step.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "step.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "step.remove", NULL, remove_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "step.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK, "step.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "step.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK, "step.move-down", NULL);
}

static void
limber_step_row_init (LimberStepRow *self)
{
}

/**
 * limber_step_row_new:
 * @step: the step to show and edit
 * @catalog: where to look up its exercise
 */
GtkWidget *
limber_step_row_new (LimberStepDraft *step,
                     LimberCatalog   *catalog)
{
  LimberStepRow *self = g_object_new (LIMBER_TYPE_STEP_ROW, NULL);
  GtkWidget *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  GtkWidget *thumbnail;
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (LIMBER_TYPE_STEP_ROW, GDK_ACTION_MOVE);

  self->step = g_object_ref (step);
  self->exercise = limber_catalog_lookup_exercise (catalog, limber_step_draft_get_exercise_id (step));
  if (self->exercise != NULL)
    g_object_ref (self->exercise);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);

  gtk_widget_set_tooltip_text (handle, _("Drag to Move"));
  gtk_widget_set_cursor_from_name (handle, "grab");
  gtk_accessible_update_property (GTK_ACCESSIBLE (handle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Drag to move, or press Alt+Up or Alt+Down"), -1);
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_object (source, "prepare", G_CALLBACK (on_drag_prepare), self, 0);
  g_signal_connect_object (source, "drag-begin", G_CALLBACK (on_drag_begin), self, 0);
  gtk_widget_add_controller (handle, GTK_EVENT_CONTROLLER (source));
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (self), handle);

  thumbnail = limber_illustration_new_thumbnail (self->exercise, 64, 48);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (self), thumbnail);

  if (limber_step_draft_get_repetitions (step) > 0)
    {
      add_number_row (self, LIMBER_DRAFT_FIELD_REPETITIONS, _("_Repetitions"),
                      _("1–100 on each side"), "repetitions");
      add_number_row (self, LIMBER_DRAFT_FIELD_TEMPO, _("_Seconds Each"),
                      _("1–30 seconds per repetition"), "tempo");
    }
  else
    add_number_row (self, LIMBER_DRAFT_FIELD_HOLD, _("_Hold"), _("1–600 seconds"), "hold");
  add_number_row (self, LIMBER_DRAFT_FIELD_SETS, _("S_ets"), _("1–10"), "sets");
  add_number_row (self, LIMBER_DRAFT_FIELD_SET_REST, _("Rest _Between Sets"), _("0–600 seconds"), "set-rest");
  add_number_row (self, LIMBER_DRAFT_FIELD_REST, _("Rest _After"), _("0–600 seconds, before the next step"), "rest");
  if (self->exercise != NULL && limber_exercise_get_each_side (self->exercise))
    add_sides_row (self);
  add_buttons_row (self);

  g_signal_connect_object (step, "notify", G_CALLBACK (update_subtitle), self, G_CONNECT_SWAPPED);
  update_subtitle (self);
  return GTK_WIDGET (self);
}

/* The row of @field, for tests and for focus. */
GtkWidget *
limber_step_row_get_field_row (LimberStepRow    *self,
                               LimberDraftField  field)
{
  g_return_val_if_fail (LIMBER_IS_STEP_ROW (self), NULL);
  g_return_val_if_fail (field < G_N_ELEMENTS (self->rows), NULL);
  return self->rows[field];
}

LimberStepDraft *
limber_step_row_get_step (LimberStepRow *self)
{
  g_return_val_if_fail (LIMBER_IS_STEP_ROW (self), NULL);
  return self->step;
}

/* Its number in the title, and which moves make sense. */
void
limber_step_row_set_position (LimberStepRow *self,
                              guint          position,
                              guint          n_steps)
{
  g_autofree char *title = NULL;
  const char *name;

  g_return_if_fail (LIMBER_IS_STEP_ROW (self));

  self->position = position;
  name = self->exercise ? limber_exercise_get_name (self->exercise) : limber_step_draft_get_exercise_id (self->step);
  /* Translators: a step's number in the routine, then the exercise name */
  title = g_strdup_printf (_("%u. %s"), position + 1, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "step.move-up", position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "step.move-down", position + 1 < n_steps);
}

/**
 * limber_step_row_show_problem:
 * @field: the field that is wrong, or %LIMBER_DRAFT_FIELD_NONE to clear
 * @message: (nullable): why, shown beside it
 *
 * Shows why one of the step's values cannot be saved, beside that value
 * (its row in the error colour, the reason as its subtitle and its
 * accessible description), and opens the step so that it is seen; clears
 * any earlier problem. Only that row is coloured: the colour would run
 * into every row of the step.
 */
void
limber_step_row_show_problem (LimberStepRow    *self,
                              LimberDraftField  field,
                              const char       *message)
{
  g_return_if_fail (LIMBER_IS_STEP_ROW (self));

  for (guint i = 0; i < G_N_ELEMENTS (self->rows); i++)
    {
      if (self->rows[i] == NULL)
        continue;
      if (i == field && message != NULL)
        {
          gtk_widget_add_css_class (self->rows[i], "error");
          if (ADW_IS_ACTION_ROW (self->rows[i]))
            adw_action_row_set_subtitle (ADW_ACTION_ROW (self->rows[i]), message);
          gtk_accessible_update_property (GTK_ACCESSIBLE (self->rows[i]),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
        }
      else
        {
          gtk_widget_remove_css_class (self->rows[i], "error");
          if (ADW_IS_ACTION_ROW (self->rows[i]))
            adw_action_row_set_subtitle (ADW_ACTION_ROW (self->rows[i]), self->hints[i] ? self->hints[i] : "");
          gtk_accessible_reset_property (GTK_ACCESSIBLE (self->rows[i]), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
        }
    }

}
