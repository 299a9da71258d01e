/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-app"

#include <glib/gi18n.h>

#include "limber-ui-utils.h"
#include "limber-exercise-chooser.h"
#include "limber-illustration.h"

/* The exercise library, to add a step to a routine: every bundled and own
 * exercise (not those hidden because they were deleted while in use),
 * searchable by name, muscle and kind. Choosing one emits "chosen" and
 * closes; "New Exercise" closes it and emits "new-exercise" for the caller
 * to open the exercise form; the Edit button of an own exercise emits
 * "edit-exercise". The search (g_str_match_string()) matches each word typed,
 * in any order, as the start of a word of the name, muscles or kind,
 * without regard to case or accents: "ham sit" finds "Seated hamstring". */
struct _LimberExerciseChooser
{
  AdwWindow       parent_instance;

  LimberCatalog  *catalog;
  GtkSearchEntry *search_entry;
  GtkListBox     *list;
  GtkWidget      *stack;
  char           *search;
};

G_DEFINE_FINAL_TYPE (LimberExerciseChooser, limber_exercise_chooser, ADW_TYPE_WINDOW)

enum {
  CHOSEN,
  NEW_EXERCISE,
  EDIT_EXERCISE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What a search can match: name, muscles and kind. */
static char *
search_text (LimberExercise *exercise)
{
  g_autofree char *rest = limber_exercise_dup_search_text (exercise);

  return g_strjoin (" ", limber_exercise_get_name (exercise), rest, NULL);
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  LimberExerciseChooser *self = user_data;
  const char *text = g_object_get_data (G_OBJECT (row), "limber-search-text");

  return self->search == NULL || g_str_match_string (self->search, text, TRUE);
}

static void
update_empty (LimberExerciseChooser *self)
{
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack),
                                    limber_exercise_chooser_count_shown (self) > 0 ? "list" : "empty");
}

static void
on_search_changed (LimberExerciseChooser *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  g_clear_pointer (&self->search, g_free);
  if (*text != '\0')
    self->search = g_steal_pointer (&text);
  gtk_list_box_invalidate_filter (self->list);
  update_empty (self);
}

static void
on_edit_clicked (GtkButton *button,
                 gpointer   user_data)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  GtkWidget *self = gtk_widget_get_ancestor (GTK_WIDGET (button), LIMBER_TYPE_EXERCISE_CHOOSER);

  g_signal_emit (self, signals[EDIT_EXERCISE], 0, g_object_get_data (G_OBJECT (row), "limber-exercise"));
}

static GtkWidget *
make_row (LimberExercise *exercise)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *thumbnail;
  g_autofree char *muscles = g_strjoinv (", ", (char **) limber_exercise_get_muscles (exercise));
  const char *kind = limber_exercise_kind_describe (limber_exercise_get_kind (exercise));
  g_autofree char *subtitle = NULL;

  if (*muscles != '\0')
    /* Translators: an exercise's kind, then the muscles it works */
    subtitle = g_strdup_printf (_("%s · %s"), kind, muscles);
  else
    subtitle = g_strdup (kind);
  if (!limber_exercise_is_bundled (exercise))
    {
      /* Translators: marks an exercise the person made, in the library */
      g_autofree char *own = g_strdup_printf (_("Yours · %s"), subtitle);

      g_free (subtitle);
      subtitle = g_steal_pointer (&own);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), limber_exercise_get_name (exercise));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  thumbnail = limber_illustration_new_thumbnail (exercise, 64, 48);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), thumbnail);

  if (!limber_exercise_is_bundled (exercise))
    {
      GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
      g_autofree char *label = g_strdup_printf (_("Edit %s"), limber_exercise_get_name (exercise));

      gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (edit, _("Edit Exercise"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_widget_add_css_class (edit, "flat");
      g_signal_connect (edit, "clicked", G_CALLBACK (on_edit_clicked), NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
    }
  g_object_set_data_full (G_OBJECT (row), "limber-exercise", g_object_ref (exercise), g_object_unref);
  g_object_set_data_full (G_OBJECT (row), "limber-search-text", search_text (exercise), g_free);
  return row;
}

static void
fill (LimberExerciseChooser *self)
{
  GListModel *exercises = limber_catalog_get_exercises (self->catalog);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < g_list_model_get_n_items (exercises); i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (exercises, i);

      if (!limber_exercise_is_hidden (exercise))
        gtk_list_box_append (self->list, make_row (exercise));
    }
  update_empty (self);
}

static void
on_row_activated (LimberExerciseChooser *self,
                  GtkListBoxRow         *row)
{
  LimberExercise *exercise = g_object_get_data (G_OBJECT (row), "limber-exercise");

  g_signal_emit (self, signals[CHOSEN], 0, exercise);
  gtk_window_close (GTK_WINDOW (self));
}

/* The form opens over the editor, so the library closes first. */
static void
new_exercise_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  g_object_ref (widget);
  gtk_window_close (GTK_WINDOW (widget));
  g_signal_emit (widget, signals[NEW_EXERCISE], 0);
  g_object_unref (widget);
}

/* Enter in the search takes the first match, as in GNOME's own pickers. */
static void
on_search_activate (LimberExerciseChooser *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_child_visible (child) && filter_row (GTK_LIST_BOX_ROW (child), self))
      {
        on_row_activated (self, GTK_LIST_BOX_ROW (child));
        return;
      }
}

static void
limber_exercise_chooser_dispose (GObject *object)
{
  LimberExerciseChooser *self = LIMBER_EXERCISE_CHOOSER (object);

  if (self->catalog != NULL)
    g_signal_handlers_disconnect_by_data (limber_catalog_get_exercises (self->catalog), self);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (limber_exercise_chooser_parent_class)->dispose (object);
}

static void
limber_exercise_chooser_class_init (LimberExerciseChooserClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = limber_exercise_chooser_dispose;

  /**
   * LimberExerciseChooser::chosen:
   * @exercise: the exercise to add
   */
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, LIMBER_TYPE_EXERCISE);
  signals[NEW_EXERCISE] = g_signal_new ("new-exercise", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * LimberExerciseChooser::edit-exercise:
   * @exercise: one of the person's own exercises, to open in the form
   */
  signals[EDIT_EXERCISE] = g_signal_new ("edit-exercise", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, LIMBER_TYPE_EXERCISE);

  gtk_widget_class_set_template_from_resource (widget_class, LIMBER_RESOURCE_PREFIX "/ui/limber-exercise-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberExerciseChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LimberExerciseChooser, list);
  gtk_widget_class_bind_template_child (widget_class, LimberExerciseChooser, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_install_action (widget_class, "chooser.new-exercise", NULL, new_exercise_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
limber_exercise_chooser_init (LimberExerciseChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  limber_ui_name_mnemonic_buttons (GTK_WIDGET (self));
  gtk_list_box_set_filter_func (self->list, filter_row, self, NULL);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

GtkWidget *
limber_exercise_chooser_new (GtkWindow     *parent,
                             LimberCatalog *catalog)
{
  LimberExerciseChooser *self;

  g_return_val_if_fail (LIMBER_IS_CATALOG (catalog), NULL);

  self = g_object_new (LIMBER_TYPE_EXERCISE_CHOOSER,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->catalog = g_object_ref (catalog);
  /* a new exercise made from here shows up at once */
  g_signal_connect_object (limber_catalog_get_exercises (catalog), "items-changed",
                           G_CALLBACK (fill), self, G_CONNECT_SWAPPED);
  fill (self);
  return GTK_WIDGET (self);
}

void
limber_exercise_chooser_set_search (LimberExerciseChooser *self,
                                    const char            *text)
{
  g_return_if_fail (LIMBER_IS_EXERCISE_CHOOSER (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  on_search_changed (self);
}

/* How many exercises the search shows now. */
guint
limber_exercise_chooser_count_shown (LimberExerciseChooser *self)
{
  guint n = 0;

  g_return_val_if_fail (LIMBER_IS_EXERCISE_CHOOSER (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (filter_row (GTK_LIST_BOX_ROW (child), self))
      n++;
  return n;
}
