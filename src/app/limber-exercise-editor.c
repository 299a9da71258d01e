/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-exercise-editor"

#include <glib/gi18n.h>

#include "limber-exercise-editor.h"
#include "limber-exercise-editor-private.h"
#include "limber-illustration.h"
#include "limber-ui-utils.h"

/* The form for an own exercise. Every field is checked as it is typed,
 * with the core's own checks, and the reason is written under the field
 * (and given to screen readers as the field's description). A field shows
 * its problem only once it has been touched, so that a new, empty form is
 * not covered in red; Save stays disabled, with the first problem as its
 * tooltip, until the whole draft passes limber_exercise_draft_check().
 *
 * Pictures chosen here are copied into the pictures folder at once (on a
 * worker thread: photos can be large), and the copies the exercise does
 * not end up using are removed when the form closes. */

G_DEFINE_FINAL_TYPE (LimberExerciseEditor, limber_exercise_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];


/* --- field messages ----------------------------------------------------- */

static GtkWidget *
new_message_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "limber-field-message");
  return label;
}

/* A row under @row, in the same boxed list, for its message. */
static void
field_init_row (Field      *field,
                GtkWidget  *row,
                const char *hint)
{
  GtkWidget *list = gtk_widget_get_parent (row);
  GtkWidget *message_row = adw_preferences_row_new ();

  g_assert (GTK_IS_LIST_BOX (list));
  field->widget = row;
  field->hint = hint;
  field->message = GTK_LABEL (new_message_label ());
  gtk_widget_set_margin_start (GTK_WIDGET (field->message), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (field->message), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (field->message), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (field->message), 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (message_row), GTK_WIDGET (field->message));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (message_row), FALSE);
  gtk_widget_set_focusable (message_row, FALSE);
  gtk_widget_add_css_class (message_row, "limber-message-row");
  /* the field itself carries the message as its description */
  gtk_accessible_update_state (GTK_ACCESSIBLE (message_row), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_widget_set_visible (message_row, FALSE);
  gtk_list_box_insert (GTK_LIST_BOX (list), message_row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);
  field->message_box = message_row;
}

static void
field_init_label (Field     *field,
                  GtkWidget *widget,
                  GtkWidget *label)
{
  field->widget = widget;
  field->message = GTK_LABEL (label);
  field->message_box = label;
}

/* Shows @error under the field if it has been touched, else its hint. */
static void
field_show (Field      *field,
            const char *error)
{
  gboolean shown = error != NULL && field->touched;
  const char *text = shown ? error : field->hint;

  if (shown)
    {
      gtk_widget_add_css_class (field->widget, "error");
      gtk_widget_add_css_class (GTK_WIDGET (field->message), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (field->message), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (field->widget, "error");
      gtk_widget_remove_css_class (GTK_WIDGET (field->message), "error");
      gtk_widget_add_css_class (GTK_WIDGET (field->message), "dim-label");
    }

  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *described = i == 0 ? field->widget : field->input;

      if (described == NULL)
        continue;
      if (text != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (described),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (described), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  if (text != NULL)
    gtk_label_set_text (field->message, text);
  gtk_widget_set_visible (field->message_box, text != NULL && gtk_widget_get_visible (field->widget));
}

/* Runs @ok_or_error's check and shows the result. */
static gboolean
field_check (Field    *field,
             gboolean  ok,
             GError   *error)
{
  field_show (field, ok ? NULL : error->message);
  return ok;
}

/* --- reading the form --------------------------------------------------- */

static gboolean
is_muscle_separator (gunichar c)
{
  /* the comma and semicolon, and the Arabic and ideographic commas */
  return c == ',' || c == ';' || c == 0x060C || c == 0x3001 || c == 0xFF0C;
}

static GStrv
split_muscles (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GString) part = g_string_new (NULL);

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0 || is_muscle_separator (c))
        {
          g_autofree char *stripped = g_strstrip (g_strdup (part->str));

          if (*stripped != '\0')
            g_strv_builder_add (builder, stripped);
          g_string_truncate (part, 0);
          if (c == 0)
            break;
        }
      else
        g_string_append_unichar (part, c);
    }
  return g_strv_builder_end (builder);
}

/* The caution is one paragraph in the file: the lines typed in the box
 * join with spaces. */
static char *
get_caution (LimberExerciseEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->caution_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_strdelimit (text, "\r\n\t", ' ');
  return g_strstrip (g_steal_pointer (&text));
}

static guint
spin_value (GtkSpinButton *spin)
{
  return (guint) MAX (0, gtk_spin_button_get_value_as_int (spin));
}

static void
read_form (LimberExerciseEditor *self)
{
  LimberExerciseDraft *draft = self->draft;
  g_auto(GStrv) muscles = split_muscles (gtk_editable_get_text (GTK_EDITABLE (self->muscles_row)));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) instructions = NULL;
  g_autofree char *caution = get_caution (self);
  guint kind = adw_combo_row_get_selected (self->kind_row);

  for (guint i = 0; i < self->steps->len; i++)
    {
      Step *step = g_ptr_array_index (self->steps, i);

      g_strv_builder_add (builder, gtk_editable_get_text (GTK_EDITABLE (step->field.widget)));
    }
  instructions = g_strv_builder_end (builder);

  limber_exercise_draft_set_name (draft, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  limber_exercise_draft_set_summary (draft, gtk_editable_get_text (GTK_EDITABLE (self->summary_row)));
  limber_exercise_draft_set_kind (draft, 1u << MIN (kind, 3u));
  limber_exercise_draft_set_muscles (draft, (const char * const *) muscles);
  limber_exercise_draft_set_instructions (draft, (const char * const *) instructions);
  limber_exercise_draft_set_caution (draft, caution);
  limber_exercise_draft_set_counted (draft, adw_combo_row_get_selected (self->timing_row) == 1);
  limber_exercise_draft_set_hold (draft, spin_value (self->hold_spin));
  if (adw_expander_row_get_enable_expansion (self->hold_range_row))
    limber_exercise_draft_set_hold_range (draft, spin_value (self->hold_min_spin), spin_value (self->hold_max_spin));
  else
    limber_exercise_draft_set_hold_range (draft, 0, 0);
  limber_exercise_draft_set_repetitions (draft, spin_value (self->repetitions_spin));
  limber_exercise_draft_set_tempo (draft, spin_value (self->tempo_spin));
  limber_exercise_draft_set_sets (draft, spin_value (self->sets_spin));
  limber_exercise_draft_set_set_rest (draft, spin_value (self->set_rest_spin));
  limber_exercise_draft_set_each_side (draft, gtk_switch_get_active (self->each_side_switch));
  limber_exercise_draft_set_mirror_picture (draft, gtk_switch_get_active (self->mirror_switch));
}

/* --- checking ----------------------------------------------------------- */

/* One end of the advised range: @value within @low to @high, or why not. */
static gboolean
check_range_end (guint        value,
                 guint        low,
                 guint        high,
                 const char  *format,
                 GError     **error)
{
  if (value >= low && value <= high)
    return TRUE;
  g_set_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_OUT_OF_RANGE, format, low, high);
  return FALSE;
}

static gboolean
check_fields (LimberExerciseEditor *self)
{
  LimberExerciseDraft *draft = self->draft;
  gboolean counted = limber_exercise_draft_get_counted (draft);
  const char * const *instructions = limber_exercise_draft_get_instructions (draft);
  gboolean ok = TRUE;
  gboolean ranged;
  guint bad = 0;
  guint hold_min, hold_max;
  GError *error = NULL;

#define CHECK(id, call) G_STMT_START {                                \
    gboolean passed_ = (call);                                        \
    ok &= field_check (&self->fields[id], passed_, error);            \
    g_clear_error (&error);                                           \
  } G_STMT_END

  CHECK (FIELD_NAME, limber_check_name (limber_exercise_draft_get_name (draft), &error));
  CHECK (FIELD_SUMMARY, limber_check_summary (limber_exercise_draft_get_summary (draft), &error));
  CHECK (FIELD_MUSCLES, limber_check_muscles (limber_exercise_draft_get_muscles (draft), &bad, &error));
  CHECK (FIELD_CAUTION, limber_check_caution (limber_exercise_draft_get_caution (draft), &error));
  for (guint i = 0; i < self->steps->len; i++)
    {
      Step *step = g_ptr_array_index (self->steps, i);

      gboolean passed = limber_check_instruction (instructions[i], &error);

      ok &= field_check (&step->field, passed, error);
      g_clear_error (&error);
    }
  /* the steps' count; each step's own text is checked above */
  if (self->steps->len == 0)
    CHECK (FIELD_STEPS, limber_check_instructions (instructions, &bad, &error));
  else
    field_show (&self->fields[FIELD_STEPS], NULL);

  gtk_widget_set_visible (self->hold_row, !counted);
  gtk_widget_set_visible (GTK_WIDGET (self->hold_range_row), !counted);
  gtk_widget_set_visible (self->repetitions_row, counted);
  gtk_widget_set_visible (self->tempo_row, counted);
  CHECK (FIELD_HOLD, counted || limber_check_number (limber_exercise_draft_get_hold (draft), 1, LIMBER_HOLD_MAX, &error));
  /* each end of the range beside its own row, with what it must be */
  limber_exercise_draft_get_hold_range (draft, &hold_min, &hold_max);
  ranged = !counted && adw_expander_row_get_enable_expansion (self->hold_range_row);
  CHECK (FIELD_HOLD_MIN, !ranged || check_range_end (hold_min, 1, MIN (hold_max, LIMBER_HOLD_MAX),
                                                     _("The shortest hold can be %u to %u seconds, no longer than the longest"),
                                                     &error));
  CHECK (FIELD_HOLD_MAX, !ranged || check_range_end (hold_max, MAX (hold_min, 1), LIMBER_HOLD_MAX,
                                                     _("The longest hold can be %u to %u seconds, no shorter than the shortest"),
                                                     &error));
  CHECK (FIELD_REPETITIONS, !counted || limber_check_number (limber_exercise_draft_get_repetitions (draft), 1, LIMBER_REPETITIONS_MAX, &error));
  CHECK (FIELD_TEMPO, !counted || limber_check_number (limber_exercise_draft_get_tempo (draft), 1, LIMBER_TEMPO_MAX, &error));
  CHECK (FIELD_SETS, limber_check_number (limber_exercise_draft_get_sets (draft), 1, LIMBER_SETS_MAX, &error));
  CHECK (FIELD_SET_REST, limber_check_number (limber_exercise_draft_get_set_rest (draft), 0, LIMBER_REST_MAX, &error));
  field_show (&self->fields[FIELD_PICTURE], self->picture_error);

#undef CHECK
  return ok;
}

/* Shows every field's state and whether the form can be saved. */
void
_limber_exercise_editor_changed (LimberExerciseEditor *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->loading)
    return;

  read_form (self);
  check_fields (self);
  ok = limber_exercise_draft_check (self->draft, self->catalog, NULL, &error);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", ok && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-step", self->steps->len < LIMBER_INSTRUCTIONS_MAX);
  if (ok && self->busy)
    gtk_widget_set_tooltip_text (self->save_button, _("Copying the picture…"));
  else if (ok)
    gtk_widget_set_tooltip_text (self->save_button, _("Save (Ctrl+S)"));
  else
    gtk_widget_set_tooltip_text (self->save_button, error->message);
}

static void
touch (LimberExerciseEditor *self,
       Field                *field)
{
  if (!self->loading)
    field->touched = TRUE;
  _limber_exercise_editor_changed (self);
}

static void
on_field_changed (GtkWidget            *widget,
                  LimberExerciseEditor *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (self->fields[i].widget == widget)
      {
        touch (self, &self->fields[i]);
        return;
      }
  for (guint i = 0; i < self->steps->len; i++)
    {
      Step *step = g_ptr_array_index (self->steps, i);

      if (step->field.widget == widget)
        {
          touch (self, &step->field);
          return;
        }
    }
  _limber_exercise_editor_changed (self);
}

/* An end of the range typed: its own row says if it does not fit the
 * other, and only it, since that is the value just chosen. */
static void
on_range_changed (GtkSpinButton        *spin,
                  LimberExerciseEditor *self)
{
  gboolean min = spin == self->hold_min_spin;

  self->fields[min ? FIELD_HOLD_MAX : FIELD_HOLD_MIN].touched = FALSE;
  touch (self, &self->fields[min ? FIELD_HOLD_MIN : FIELD_HOLD_MAX]);
}

static void
on_caution_changed (LimberExerciseEditor *self)
{
  touch (self, &self->fields[FIELD_CAUTION]);
}

/* --- steps -------------------------------------------------------------- */

static void
number_steps (LimberExerciseEditor *self)
{
  for (guint i = 0; i < self->steps->len; i++)
    {
      Step *step = g_ptr_array_index (self->steps, i);
      /* Translators: the title of an instruction's entry, "Step 1" */
      g_autofree char *title = g_strdup_printf (_("Step %u"), i + 1);
      /* Translators: a button's name, "Remove Step 1" */
      g_autofree char *remove = g_strdup_printf (_("Remove Step %u"), i + 1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (step->field.widget), title);
      gtk_widget_set_tooltip_text (step->remove_button, remove);
      gtk_accessible_update_property (GTK_ACCESSIBLE (step->remove_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);
    }
}

static void
step_free (gpointer data)
{
  g_free (data);
}

static void remove_step_clicked (GtkButton *button, LimberExerciseEditor *self);
static void step_activated (AdwEntryRow *row, LimberExerciseEditor *self);

static Step *
add_step (LimberExerciseEditor *self,
          const char           *text)
{
  Step *step = g_new0 (Step, 1);
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
  /* before the count's own message, which stays last */
  gtk_list_box_append (self->steps_list, row);

  step->remove_button = button;
  field_init_row (&step->field, row, NULL);
  g_ptr_array_add (self->steps, step);
  number_steps (self);

  g_signal_connect_object (button, "clicked", G_CALLBACK (remove_step_clicked), self, 0);
  g_signal_connect_object (row, "changed", G_CALLBACK (on_field_changed), self, 0);
  g_signal_connect_object (row, "entry-activated", G_CALLBACK (step_activated), self, 0);
  return step;
}

static void
remove_step (LimberExerciseEditor *self,
             guint                 index)
{
  Step *step = g_ptr_array_index (self->steps, index);

  gtk_list_box_remove (self->steps_list, step->field.message_box);
  gtk_list_box_remove (self->steps_list, step->field.widget);
  g_ptr_array_remove_index (self->steps, index);
  number_steps (self);
  self->fields[FIELD_STEPS].touched = TRUE;

  /* keep the keyboard in the list */
  if (self->steps->len > 0)
    {
      Step *next = g_ptr_array_index (self->steps, MIN (index, self->steps->len - 1));

      gtk_widget_grab_focus (next->field.widget);
    }
  else
    gtk_widget_grab_focus (self->add_step_button);
  _limber_exercise_editor_changed (self);
}

static void
remove_step_clicked (GtkButton            *button,
                     LimberExerciseEditor *self)
{
  for (guint i = 0; i < self->steps->len; i++)
    {
      Step *step = g_ptr_array_index (self->steps, i);

      if (step->remove_button == GTK_WIDGET (button))
        {
          remove_step (self, i);
          return;
        }
    }
}

static void
add_step_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  LimberExerciseEditor *self = LIMBER_EXERCISE_EDITOR (widget);
  Step *step;

  if (self->steps->len >= LIMBER_INSTRUCTIONS_MAX)
    return;
  step = add_step (self, "");
  self->fields[FIELD_STEPS].touched = TRUE;
  gtk_widget_grab_focus (step->field.widget);
  _limber_exercise_editor_changed (self);
}

/* Enter in the last, written step starts the next one. */
static void
step_activated (AdwEntryRow          *row,
                LimberExerciseEditor *self)
{
  Step *last = self->steps->len ? g_ptr_array_index (self->steps, self->steps->len - 1) : NULL;

  if (last != NULL && last->field.widget == GTK_WIDGET (row) &&
      *gtk_editable_get_text (GTK_EDITABLE (row)) != '\0')
    gtk_widget_activate_action (GTK_WIDGET (self), "editor.add-step", NULL);
}

/* --- saving and deleting ------------------------------------------------ */

static void
show_error (LimberExerciseEditor *self,
            const char           *format,
            const char           *message)
{
  g_autofree char *text = g_strdup_printf (format, message);

  limber_ui_show_error_toast (self->toast_overlay, text);
}

/**
 * limber_exercise_editor_save:
 *
 * Saves the exercise and closes the form, or keeps it open with everything
 * typed and says why not. An invalid draft is never handed to the catalog.
 *
 * Returns: whether it was saved
 */
gboolean
limber_exercise_editor_save (LimberExerciseEditor *self)
{
  g_autoptr(GError) error = NULL;
  LimberExercise *exercise;

  g_return_val_if_fail (LIMBER_IS_EXERCISE_EDITOR (self), FALSE);

  if (self->busy)
    return FALSE;

  for (guint i = 0; i < N_FIELDS; i++)
    self->fields[i].touched = TRUE;
  for (guint i = 0; i < self->steps->len; i++)
    ((Step *) g_ptr_array_index (self->steps, i))->field.touched = TRUE;
  _limber_exercise_editor_changed (self);
  /* Save is disabled then: each field already says what is wrong */
  if (!limber_exercise_draft_check (self->draft, self->catalog, NULL, &error))
    return FALSE;

  exercise = limber_catalog_save_exercise (self->catalog, self->draft, &error);
  if (exercise == NULL)
    {
      show_error (self, _("Not saved: %s"), error->message);
      return FALSE;
    }

  /* the picture it uses is no longer this form's to remove */
  for (guint i = 0; i < self->imported->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->imported, i), limber_exercise_get_picture (exercise)) == 0)
      g_ptr_array_remove_index (self->imported, i--);

  g_object_ref (exercise);
  g_signal_emit (self, signals[SAVED], 0, exercise);
  g_object_unref (exercise);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  limber_exercise_editor_save (LIMBER_EXERCISE_EDITOR (widget));
}

static void
delete_response (AdwMessageDialog     *dialog,
                 const char           *response,
                 LimberExerciseEditor *self)
{
  g_autofree char *id = g_strdup (limber_exercise_draft_get_id (self->draft));
  g_autoptr(GError) error = NULL;
  gboolean hidden = FALSE;

  if (g_strcmp0 (response, "delete") != 0 || id == NULL)
    return;

  if (!limber_catalog_delete_exercise (self->catalog, id, &hidden, &error))
    {
      show_error (self, _("Not deleted: %s"), error->message);
      return;
    }
  g_debug ("Deleted %s%s", id, hidden ? " (hidden: routines use it)" : "");
  g_signal_emit (self, signals[DELETED], 0, id);
  gtk_window_close (GTK_WINDOW (self));
}

static char *
describe_users (GPtrArray *routines)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < routines->len; i++)
    {
      if (i > 0)
        /* Translators: between the names of routines in a list */
        g_string_append (names, _(", "));
      /* Translators: a routine's name, quoted */
      g_string_append_printf (names, _("“%s”"), limber_routine_get_name (g_ptr_array_index (routines, i)));
    }

  return g_strdup_printf (g_dngettext (NULL,
                                       "It is part of the routine %s. That routine keeps working: "
                                       "the exercise is only taken out of your list of exercises.",
                                       "It is part of the routines %s. Those routines keep working: "
                                       "the exercise is only taken out of your list of exercises.",
                                       routines->len),
                          names->str);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LimberExerciseEditor *self = LIMBER_EXERCISE_EDITOR (widget);
  const char *id = limber_exercise_draft_get_id (self->draft);
  LimberExercise *exercise = id ? limber_catalog_lookup_exercise (self->catalog, id) : NULL;
  g_autoptr(GPtrArray) users = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (exercise == NULL || limber_exercise_is_bundled (exercise))
    return;

  users = limber_catalog_list_routines_using (self->catalog, id);
  heading = g_strdup_printf (_("Delete “%s”?"), limber_exercise_get_name (exercise));
  if (users->len > 0)
    body = describe_users (users);
  else
    body = g_strdup (_("The exercise and its picture are removed. This cannot be undone."));

  /* heading and body are plain text in AdwMessageDialog */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  limber_ui_add_delete_responses (ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response), self, 0);
  /* the form closes from the dialog's response: it must outlive the dialog */
  g_object_set_data_full (G_OBJECT (dialog), "limber-editor", g_object_ref (self), g_object_unref);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- loading ------------------------------------------------------------ */

static void
load_draft (LimberExerciseEditor *self)
{
  LimberExerciseDraft *draft = self->draft;
  const char * const *muscles = limber_exercise_draft_get_muscles (draft);
  const char * const *instructions = limber_exercise_draft_get_instructions (draft);
  /* Translators: between muscle names in the Muscles field; the field
   * also accepts commas and semicolons */
  g_autofree char *muscle_text = g_strjoinv (_(", "), (char **) muscles);
  LimberExerciseKind kind = limber_exercise_draft_get_kind (draft);
  guint kind_index = 0;

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), limber_exercise_draft_get_name (draft));
  gtk_editable_set_text (GTK_EDITABLE (self->summary_row), limber_exercise_draft_get_summary (draft));
  gtk_editable_set_text (GTK_EDITABLE (self->muscles_row), muscle_text);
  while (kind_index < 3 && (1u << kind_index) != (guint) kind)
    kind_index++;
  adw_combo_row_set_selected (self->kind_row, kind_index);
  for (guint i = 0; instructions[i] != NULL; i++)
    add_step (self, instructions[i]);
  if (self->steps->len == 0)
    add_step (self, "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->caution_view),
                            limber_exercise_draft_get_caution (draft), -1);
  adw_combo_row_set_selected (self->timing_row, limber_exercise_draft_get_counted (draft) ? 1 : 0);
  gtk_spin_button_set_value (self->hold_spin, CLAMP (limber_exercise_draft_get_hold (draft), 1, LIMBER_HOLD_MAX));
  {
    guint min, max, hold = CLAMP (limber_exercise_draft_get_hold (draft), 1, LIMBER_HOLD_MAX);

    /* none: the fields start at the hold, for a range to widen from */
    limber_exercise_draft_get_hold_range (draft, &min, &max);
    adw_expander_row_set_enable_expansion (self->hold_range_row, min != 0 || max != 0);
    gtk_spin_button_set_value (self->hold_min_spin, min != 0 ? CLAMP (min, 1, LIMBER_HOLD_MAX) : hold);
    gtk_spin_button_set_value (self->hold_max_spin, max != 0 ? CLAMP (max, 1, LIMBER_HOLD_MAX) : hold);
  }
  gtk_spin_button_set_value (self->repetitions_spin,
                             CLAMP (limber_exercise_draft_get_repetitions (draft), 1, LIMBER_REPETITIONS_MAX));
  gtk_spin_button_set_value (self->tempo_spin, CLAMP (limber_exercise_draft_get_tempo (draft), 1, LIMBER_TEMPO_MAX));
  gtk_spin_button_set_value (self->sets_spin, CLAMP (limber_exercise_draft_get_sets (draft), 1, LIMBER_SETS_MAX));
  gtk_spin_button_set_value (self->set_rest_spin, MIN (limber_exercise_draft_get_set_rest (draft), LIMBER_REST_MAX));
  gtk_switch_set_active (self->each_side_switch, limber_exercise_draft_get_each_side (draft));
  gtk_switch_set_active (self->mirror_switch, limber_exercise_draft_get_mirror_picture (draft));
  self->loading = FALSE;

  _limber_exercise_editor_show_picture (self);
  _limber_exercise_editor_changed (self);
}

/* --- the object --------------------------------------------------------- */

static gboolean
on_close_request (LimberExerciseEditor *self)
{
  self->closed = TRUE;
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  /* copies made for this form that were not saved */
  for (guint i = 0; i < self->imported->len; i++)
    _limber_exercise_editor_forget_picture (self, g_ptr_array_index (self->imported, i));
  g_ptr_array_set_size (self->imported, 0);

  return FALSE;
}

static void
limber_exercise_editor_dispose (GObject *object)
{
  LimberExerciseEditor *self = LIMBER_EXERCISE_EDITOR (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_EXERCISE_EDITOR);

  G_OBJECT_CLASS (limber_exercise_editor_parent_class)->dispose (object);
}

static void
limber_exercise_editor_finalize (GObject *object)
{
  LimberExerciseEditor *self = LIMBER_EXERCISE_EDITOR (object);

  g_clear_object (&self->catalog);
  g_clear_object (&self->draft);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_pointer (&self->imported, g_ptr_array_unref);
  g_clear_pointer (&self->picture_error, g_free);

  G_OBJECT_CLASS (limber_exercise_editor_parent_class)->finalize (object);
}

static void
limber_exercise_editor_class_init (LimberExerciseEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_exercise_editor_dispose;
  object_class->finalize = limber_exercise_editor_finalize;

  /**
   * LimberExerciseEditor::saved:
   * @exercise: the exercise as the catalog now holds it
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, LIMBER_TYPE_EXERCISE);
  /**
   * LimberExerciseEditor::deleted:
   * @id: the exercise's id; it is gone from the catalog's list (kept,
   *   hidden, while routines use it)
   */
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                   G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  g_type_ensure (LIMBER_TYPE_ILLUSTRATION);
  gtk_widget_class_set_template_from_resource (widget_class, LIMBER_RESOURCE_PREFIX "/ui/limber-exercise-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, LimberExerciseEditor, name)
  BIND (toast_overlay);
  BIND (window_title);
  BIND (save_button);
  BIND (name_row);
  BIND (summary_row);
  BIND (kind_row);
  BIND (muscles_row);
  BIND (steps_list);
  BIND (steps_error);
  BIND (add_step_button);
  BIND (caution_view);
  BIND (caution_error);
  BIND (timing_row);
  BIND (hold_row);
  BIND (hold_range_row);
  BIND (hold_min_row);
  BIND (hold_max_row);
  BIND (hold_min_spin);
  BIND (hold_max_spin);
  BIND (repetitions_row);
  BIND (tempo_row);
  BIND (sets_row);
  BIND (set_rest_row);
  BIND (hold_spin);
  BIND (repetitions_spin);
  BIND (tempo_spin);
  BIND (sets_spin);
  BIND (set_rest_spin);
  BIND (each_side_switch);
  BIND (picture_row);
  BIND (preview_stack);
  BIND (preview);
  BIND (picture_spinner);
  BIND (choose_row);
  BIND (drawing_row);
  BIND (drawing_button);
  BIND (drawings_list);
  BIND (mirror_row);
  BIND (mirror_switch);
  BIND (delete_button);
  gtk_widget_class_bind_template_child_full (widget_class, "picture_group", FALSE, 0);
#undef BIND
  /* looked up by tests */
  gtk_widget_class_bind_template_child_full (widget_class, "scrolled_window", FALSE, 0);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.add-step", NULL, add_step_action);
  gtk_widget_class_install_action (widget_class, "editor.choose-picture", NULL, _limber_exercise_editor_choose_picture);
  gtk_widget_class_install_action (widget_class, "editor.no-picture", NULL, _limber_exercise_editor_no_picture);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
limber_exercise_editor_init (LimberExerciseEditor *self)
{
  g_autoptr(GtkStringList) kinds = NULL;
  g_autoptr(GtkStringList) timings = NULL;
  const char *kind_names[] = {
    limber_exercise_kind_describe (LIMBER_EXERCISE_KIND_STRETCH),
    limber_exercise_kind_describe (LIMBER_EXERCISE_KIND_WARM_UP),
    limber_exercise_kind_describe (LIMBER_EXERCISE_KIND_SELF_MASSAGE),
    limber_exercise_kind_describe (LIMBER_EXERCISE_KIND_POSTURE),
    NULL
  };
  const char *timing_names[] = { _("Hold for a time"), _("Count repetitions"), NULL };

  self->steps = g_ptr_array_new_with_free_func (step_free);
  self->imported = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  limber_ui_name_mnemonic_buttons (GTK_WIDGET (self));

  kinds = gtk_string_list_new (kind_names);
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  timings = gtk_string_list_new (timing_names);
  adw_combo_row_set_model (self->timing_row, G_LIST_MODEL (timings));

  field_init_row (&self->fields[FIELD_NAME], GTK_WIDGET (self->name_row), NULL);
  field_init_row (&self->fields[FIELD_SUMMARY], GTK_WIDGET (self->summary_row),
                  _("Optional: one line on what it does"));
  field_init_row (&self->fields[FIELD_MUSCLES], GTK_WIDGET (self->muscles_row),
                  _("Optional: separate them with commas, such as “Hamstrings, Calves”"));
  field_init_label (&self->fields[FIELD_CAUTION], GTK_WIDGET (self->caution_view), self->caution_error);
  field_init_label (&self->fields[FIELD_STEPS], GTK_WIDGET (self->steps_list), self->steps_error);
  field_init_row (&self->fields[FIELD_HOLD], self->hold_row, NULL);
  field_init_row (&self->fields[FIELD_HOLD_MIN], self->hold_min_row, NULL);
  field_init_row (&self->fields[FIELD_HOLD_MAX], self->hold_max_row, NULL);
  /* a screen reader on the spin button, not the row, hears the reason too */
  self->fields[FIELD_HOLD_MIN].input = GTK_WIDGET (self->hold_min_spin);
  self->fields[FIELD_HOLD_MAX].input = GTK_WIDGET (self->hold_max_spin);
  field_init_row (&self->fields[FIELD_REPETITIONS], self->repetitions_row, NULL);
  field_init_row (&self->fields[FIELD_TEMPO], self->tempo_row, NULL);
  field_init_row (&self->fields[FIELD_SETS], self->sets_row, NULL);
  field_init_row (&self->fields[FIELD_SET_REST], self->set_rest_row, NULL);
  field_init_row (&self->fields[FIELD_PICTURE], GTK_WIDGET (self->picture_row), NULL);

  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (on_field_changed), self, 0);
  g_signal_connect_object (self->summary_row, "changed", G_CALLBACK (on_field_changed), self, 0);
  g_signal_connect_object (self->muscles_row, "changed", G_CALLBACK (on_field_changed), self, 0);
  g_signal_connect_object (gtk_text_view_get_buffer (self->caution_view), "changed",
                           G_CALLBACK (on_caution_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (_limber_exercise_editor_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timing_row, "notify::selected", G_CALLBACK (_limber_exercise_editor_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->hold_spin, "value-changed", G_CALLBACK (_limber_exercise_editor_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->hold_range_row, "notify::enable-expansion", G_CALLBACK (_limber_exercise_editor_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->hold_min_spin, "value-changed", G_CALLBACK (on_range_changed), self, 0);
  g_signal_connect_object (self->hold_max_spin, "value-changed", G_CALLBACK (on_range_changed), self, 0);
  g_signal_connect_object (self->repetitions_spin, "value-changed", G_CALLBACK (_limber_exercise_editor_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tempo_spin, "value-changed", G_CALLBACK (_limber_exercise_editor_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sets_spin, "value-changed", G_CALLBACK (_limber_exercise_editor_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->set_rest_spin, "value-changed", G_CALLBACK (_limber_exercise_editor_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->each_side_switch, "notify::active", G_CALLBACK (_limber_exercise_editor_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->mirror_switch, "notify::active", G_CALLBACK (_limber_exercise_editor_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request), NULL);
  g_signal_connect_object (self->drawings_list, "row-activated", G_CALLBACK (_limber_exercise_editor_drawing_activated), self, 0);
}

/**
 * limber_exercise_editor_new:
 * @parent: the window the form is modal for
 * @exercise: (nullable): an own exercise to edit; a bundled one to start an
 *   own copy from; %NULL for a new exercise
 *
 * Returns: (transfer none): the form, not yet shown
 */
GtkWidget *
limber_exercise_editor_new (GtkWindow      *parent,
                            LimberCatalog  *catalog,
                            LimberExercise *exercise)
{
  LimberExerciseEditor *self;
  gboolean editing = exercise != NULL && !limber_exercise_is_bundled (exercise);

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LIMBER_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (exercise == NULL || LIMBER_IS_EXERCISE (exercise), NULL);

  self = g_object_new (LIMBER_TYPE_EXERCISE_EDITOR,
                       "transient-for", parent,
                       NULL);
  self->catalog = g_object_ref (catalog);
  self->draft = exercise ? limber_exercise_draft_new_from_exercise (exercise) : limber_exercise_draft_new ();
  _limber_exercise_editor_fill_drawings (self);

  if (editing)
    {
      gtk_label_set_label (self->window_title, _("Edit Exercise"));
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Exercise"));
      gtk_widget_set_visible (self->delete_button, TRUE);
    }
  load_draft (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return GTK_WIDGET (self);
}

/**
 * limber_exercise_editor_get_draft:
 *
 * Returns: (transfer none): the draft the form edits, as last typed
 */
LimberExerciseDraft *
limber_exercise_editor_get_draft (LimberExerciseEditor *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE_EDITOR (self), NULL);
  return self->draft;
}
