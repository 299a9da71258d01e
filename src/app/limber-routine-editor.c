/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-app"

#include <glib/gi18n.h>

#include "limber-exercise-chooser.h"
#include "limber-exercise-editor.h"
#include "limber-routine-editor.h"
#include "limber-step-row.h"
#include "limber-ui-utils.h"

/* The routine editor: name, summary, transition times and steps of a
 * LimberRoutineDraft, saved with limber_catalog_save_routine().
 *
 * Everything typed goes into the draft at once; the draft's own check
 * (the catalog's limits, the same the loader applies) runs on every change,
 * and its first problem is shown beside the field it is about, with Save
 * disabled until there is none. The total time is the draft's length as the
 * player would play it. Nothing is written until Save, and a save that
 * fails (a full disk, a read-only folder) leaves the editor open with
 * everything typed and says why. */
struct _LimberRoutineEditor
{
  AdwWindow           parent_instance;

  LimberCatalog      *catalog;
  LimberRoutineDraft *draft;
  gboolean            loading;

  AdwToastOverlay    *toast_overlay;
  GtkLabel           *window_title;
  GtkWidget          *save_button;
  AdwEntryRow        *name_row;
  AdwEntryRow        *summary_row;
  AdwExpanderRow     *timings_row;
  GtkWidget          *prepare_row;
  GtkWidget          *switch_row;
  GtkSpinButton      *prepare_spin;
  GtkSpinButton      *switch_spin;
  GtkLabel           *routine_problem;
  GtkLabel           *total_label;
  GtkListBox         *step_list;
  GtkLabel           *steps_problem;
};

G_DEFINE_FINAL_TYPE (LimberRoutineEditor, limber_routine_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_label (GtkLabel   *label,
            const char *message)
{
  gtk_label_set_label (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static void
mark (GtkWidget  *widget,
      gboolean    bad,
      const char *message)
{
  if (bad)
    {
      gtk_widget_add_css_class (widget, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (widget, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/* Runs the draft's check and shows its verdict beside the field. */
static void
validate (LimberRoutineEditor *self)
{
  g_autoptr(GError) error = NULL;
  LimberDraftField field = LIMBER_DRAFT_FIELD_NONE;
  guint bad_step = 0;
  gboolean ok = limber_routine_draft_check (self->draft, self->catalog, &bad_step, &field, &error);
  const char *message = ok ? NULL : error->message;
  gboolean step_field = field >= LIMBER_DRAFT_FIELD_EXERCISE;
  gboolean routine_field = !ok && !step_field && field != LIMBER_DRAFT_FIELD_STEPS;
  guint index = 0;

  mark (GTK_WIDGET (self->name_row), field == LIMBER_DRAFT_FIELD_NAME, message);
  mark (GTK_WIDGET (self->summary_row), field == LIMBER_DRAFT_FIELD_SUMMARY, message);
  mark (self->prepare_row, field == LIMBER_DRAFT_FIELD_PREPARE, message);
  mark (self->switch_row, field == LIMBER_DRAFT_FIELD_SWITCH_SIDES, message);
  show_label (self->routine_problem, routine_field ? message : NULL);
  show_label (self->steps_problem, field == LIMBER_DRAFT_FIELD_STEPS ? message : NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->step_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (LIMBER_IS_STEP_ROW (child))
      {
        gboolean bad = !ok && step_field && index == bad_step;

        limber_step_row_show_problem (LIMBER_STEP_ROW (child), bad ? field : LIMBER_DRAFT_FIELD_NONE,
                                      bad ? message : NULL);
        index++;
      }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", ok);
  gtk_widget_set_tooltip_text (self->save_button, ok ? _("Save (Ctrl+S)") : message);
}

static void
update_total (LimberRoutineEditor *self)
{
  guint seconds = limber_routine_draft_get_duration (self->draft, self->catalog);
  g_autofree char *duration = limber_format_duration (seconds);
  /* Translators: the length of the routine being edited */
  g_autofree char *text = g_strdup_printf (_("Total %s"), duration);

  gtk_label_set_label (self->total_label, text);
}

static void
on_draft_changed (LimberRoutineEditor *self)
{
  update_total (self);
  validate (self);
}

static void
on_name_changed (LimberRoutineEditor *self)
{
  if (!self->loading)
    limber_routine_draft_set_name (self->draft, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
}

static void
on_summary_changed (LimberRoutineEditor *self)
{
  if (!self->loading)
    limber_routine_draft_set_summary (self->draft, gtk_editable_get_text (GTK_EDITABLE (self->summary_row)));
}

static void
on_timings_changed (LimberRoutineEditor *self)
{
  gboolean own = adw_expander_row_get_enable_expansion (self->timings_row);

  if (self->loading)
    return;
  limber_routine_draft_set_prepare (self->draft, own ? gtk_spin_button_get_value_as_int (self->prepare_spin) : -1);
  limber_routine_draft_set_switch_sides (self->draft,
                                         own ? gtk_spin_button_get_value_as_int (self->switch_spin) : -1);
}

/* An expander row is not focusable itself: its header is. */
static void
focus_row (GtkListBoxRow *row)
{
  if (row != NULL && !gtk_widget_grab_focus (GTK_WIDGET (row)))
    gtk_widget_child_focus (GTK_WIDGET (row), GTK_DIR_TAB_FORWARD);
}

static void
on_step_move (LimberRoutineEditor *self,
              int                  delta,
              LimberStepRow       *row)
{
  guint n = limber_routine_draft_get_n_steps (self->draft);
  int from = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  int to = CLAMP (from + delta, 0, (int) n - 1);
  GtkListBoxRow *moved;

  if (from < 0 || to == from)
    return;
  limber_routine_draft_move_step (self->draft, from, to);

  /* the row was made again at its new place: keep the keyboard there */
  moved = gtk_list_box_get_row_at_index (self->step_list, to);
  focus_row (moved);
}

static void
on_step_remove (LimberRoutineEditor *self,
                LimberStepRow       *row)
{
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  guint n;
  GtkListBoxRow *next;

  if (index < 0)
    return;
  limber_routine_draft_remove_step (self->draft, index);
  n = limber_routine_draft_get_n_steps (self->draft);
  next = n > 0 ? gtk_list_box_get_row_at_index (self->step_list, MIN ((guint) index, n - 1)) : NULL;
  if (next != NULL)
    focus_row (next);
  else
    gtk_widget_grab_focus (GTK_WIDGET (gtk_widget_get_last_child (gtk_widget_get_parent (GTK_WIDGET (self->step_list)))));
}

static GtkWidget *
create_step_row (gpointer item,
                 gpointer user_data)
{
  LimberRoutineEditor *self = user_data;
  GtkWidget *row = limber_step_row_new (LIMBER_STEP_DRAFT (item), self->catalog);

  g_signal_connect_object (row, "move", G_CALLBACK (on_step_move), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove", G_CALLBACK (on_step_remove), self, G_CONNECT_SWAPPED);
  return row;
}

/* After the list box has made its rows: number them again. */
static void
on_steps_changed (LimberRoutineEditor *self)
{
  guint n = limber_routine_draft_get_n_steps (self->draft);
  guint index = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->step_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (LIMBER_IS_STEP_ROW (child))
      limber_step_row_set_position (LIMBER_STEP_ROW (child), index++, n);
  validate (self);
}

/* An exercise was edited or deleted: the steps show it as it is now. */
static void
rebind_steps (LimberRoutineEditor *self)
{
  gtk_list_box_bind_model (self->step_list, limber_routine_draft_get_steps (self->draft),
                           create_step_row, self, NULL);
  on_steps_changed (self);
}

/* The exercise form, over the editor: a new exercise is added as a step
 * once saved; an edited one shows its new name and picture in its steps. */
static void
open_exercise_editor (LimberRoutineEditor *self,
                      GtkWindow           *parent,
                      LimberExercise      *exercise)
{
  GtkWidget *form = limber_exercise_editor_new (parent, self->catalog, exercise);

  if (exercise == NULL)
    g_signal_connect_object (form, "saved", G_CALLBACK (limber_routine_editor_add_exercise), self, G_CONNECT_SWAPPED);
  else
    g_signal_connect_object (form, "saved", G_CALLBACK (rebind_steps), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (form, "deleted", G_CALLBACK (rebind_steps), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (form));
}

/* New Exercise in the library: the form opens over the editor, and what
 * it saves becomes the next step. */
static void
on_new_exercise (LimberRoutineEditor *self)
{
  open_exercise_editor (self, GTK_WINDOW (self), NULL);
}

static void
on_edit_exercise (LimberRoutineEditor   *self,
                  LimberExercise        *exercise,
                  LimberExerciseChooser *chooser)
{
  open_exercise_editor (self, GTK_WINDOW (chooser), exercise);
}

static void
add_step_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  LimberRoutineEditor *self = LIMBER_ROUTINE_EDITOR (widget);
  GtkWidget *chooser = limber_exercise_chooser_new (GTK_WINDOW (self), self->catalog);

  g_signal_connect_object (chooser, "chosen", G_CALLBACK (limber_routine_editor_add_exercise), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (chooser, "new-exercise", G_CALLBACK (on_new_exercise), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (chooser, "edit-exercise", G_CALLBACK (on_edit_exercise), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (chooser));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  limber_routine_editor_save (LIMBER_ROUTINE_EDITOR (widget));
}

static void
limber_routine_editor_dispose (GObject *object)
{
  LimberRoutineEditor *self = LIMBER_ROUTINE_EDITOR (object);

  g_clear_object (&self->catalog);
  g_clear_object (&self->draft);

  G_OBJECT_CLASS (limber_routine_editor_parent_class)->dispose (object);
}

static void
limber_routine_editor_class_init (LimberRoutineEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = limber_routine_editor_dispose;

  /**
   * LimberRoutineEditor::saved:
   * @routine: the routine as saved and loaded again
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, LIMBER_TYPE_ROUTINE);

  gtk_widget_class_set_template_from_resource (widget_class, LIMBER_RESOURCE_PREFIX "/ui/limber-routine-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineEditor, summary_row);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineEditor, timings_row);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineEditor, prepare_row);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineEditor, switch_row);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineEditor, prepare_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineEditor, switch_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineEditor, routine_problem);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineEditor, total_label);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineEditor, step_list);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineEditor, steps_problem);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_summary_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_timings_changed);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.add-step", NULL, add_step_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
limber_routine_editor_init (LimberRoutineEditor *self)
{
  g_type_ensure (LIMBER_TYPE_STEP_ROW);
  gtk_widget_init_template (GTK_WIDGET (self));
  limber_ui_name_mnemonic_buttons (GTK_WIDGET (self));
}

static GtkWidget *
make_placeholder (void)
{
  GtkWidget *label = gtk_label_new (_("No steps yet. Add an exercise to begin."));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/**
 * limber_routine_editor_new:
 * @draft: what to edit: limber_routine_draft_new() for a new routine,
 *   _new_from_routine() to edit an own one, _new_duplicate() for a copy
 */
GtkWidget *
limber_routine_editor_new (GtkWindow          *parent,
                           LimberCatalog      *catalog,
                           LimberRoutineDraft *draft)
{
  LimberRoutineEditor *self;
  int prepare, switch_sides;
  const char *title;

  g_return_val_if_fail (LIMBER_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (LIMBER_IS_ROUTINE_DRAFT (draft), NULL);

  self = g_object_new (LIMBER_TYPE_ROUTINE_EDITOR, "transient-for", parent, NULL);
  self->catalog = g_object_ref (catalog);
  self->draft = g_object_ref (draft);

  title = limber_routine_draft_get_id (draft) != NULL ? _("Edit Routine") : _("New Routine");
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_label_set_label (self->window_title, title);

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), limber_routine_draft_get_name (draft));
  gtk_editable_set_text (GTK_EDITABLE (self->summary_row), limber_routine_draft_get_summary (draft));
  prepare = limber_routine_draft_get_prepare (draft);
  switch_sides = limber_routine_draft_get_switch_sides (draft);
  adw_expander_row_set_enable_expansion (self->timings_row, prepare >= 0 || switch_sides >= 0);
  gtk_spin_button_set_value (self->prepare_spin, prepare >= 0 ? prepare : LIMBER_ROUTINE_DEFAULT_PREPARE);
  gtk_spin_button_set_value (self->switch_spin,
                             switch_sides >= 0 ? switch_sides : LIMBER_ROUTINE_DEFAULT_SWITCH_SIDES);
  self->loading = FALSE;

  gtk_list_box_set_placeholder (self->step_list, make_placeholder ());
  gtk_list_box_bind_model (self->step_list, limber_routine_draft_get_steps (draft),
                           create_step_row, self, NULL);
  g_signal_connect_object (limber_routine_draft_get_steps (draft), "items-changed",
                           G_CALLBACK (on_steps_changed), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (draft, "changed", G_CALLBACK (on_draft_changed), self, G_CONNECT_SWAPPED);
  on_steps_changed (self);
  update_total (self);
  return GTK_WIDGET (self);
}

LimberRoutineDraft *
limber_routine_editor_get_draft (LimberRoutineEditor *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE_EDITOR (self), NULL);
  return self->draft;
}

/* A new step for @exercise, with its own timing, at the end. */
void
limber_routine_editor_add_exercise (LimberRoutineEditor *self,
                                    LimberExercise      *exercise)
{
  g_autoptr(LimberStepDraft) step = NULL;
  GtkListBoxRow *row;

  g_return_if_fail (LIMBER_IS_ROUTINE_EDITOR (self));
  g_return_if_fail (LIMBER_IS_EXERCISE (exercise));

  step = limber_step_draft_new_for_exercise (exercise);
  limber_routine_draft_append_step (self->draft, step);
  row = gtk_list_box_get_row_at_index (self->step_list, limber_routine_draft_get_n_steps (self->draft) - 1);
  focus_row (row);
}

/**
 * limber_routine_editor_save:
 *
 * Saves the routine if the draft passes its check, emits "saved" and
 * closes; otherwise says why and stays open.
 *
 * Returns: whether it was saved
 */
gboolean
limber_routine_editor_save (LimberRoutineEditor *self)
{
  g_autoptr(GError) error = NULL;
  LimberRoutine *routine;

  g_return_val_if_fail (LIMBER_IS_ROUTINE_EDITOR (self), FALSE);

  if (!limber_routine_draft_check (self->draft, self->catalog, NULL, NULL, NULL))
    {
      validate (self);
      return FALSE;
    }

  routine = limber_catalog_save_routine (self->catalog, self->draft, &error);
  if (routine == NULL)
    {
      /* Translators: %s says why, e.g. that the disk is full */
      g_autofree char *message = g_strdup_printf (_("Could not save the routine: %s"), error->message);

      limber_ui_show_error_toast (self->toast_overlay, message);
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0, routine);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}
