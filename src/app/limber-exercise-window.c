/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-app"

#include "limber-ui-utils.h"
#include "limber-exercise-details.h"
#include "limber-exercise-window.h"

/* One exercise on its own, over the main window: what a routine's page
 * shows when a step is opened (picture, how to do it, the caution, the
 * journal's record). The overview's search opens it for an exercise. */
struct _LimberExerciseWindow
{
  AdwWindow       parent_instance;

  LimberExercise *exercise;
  LimberCatalog  *catalog;    /* nullable: follows edits when set */
  LimberJournal  *journal;

  AdwWindowTitle *window_title;
  GtkLabel       *name_label;
  AdwBin         *details_bin;
};

G_DEFINE_FINAL_TYPE (LimberExerciseWindow, limber_exercise_window, ADW_TYPE_WINDOW)

/* The details' Edit button (own exercises): the form opens over the main
 * window, which reloads what uses the exercise once it is saved. */
static void
edit_exercise_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));

  if (parent != NULL)
    gtk_widget_activate_action_variant (GTK_WIDGET (parent), "win.edit-exercise", param);
  gtk_window_close (GTK_WINDOW (widget));
}

static void
limber_exercise_window_dispose (GObject *object)
{
  LimberExerciseWindow *self = LIMBER_EXERCISE_WINDOW (object);

  if (self->catalog != NULL)
    g_signal_handlers_disconnect_by_data (limber_catalog_get_exercises (self->catalog), self);
  g_clear_object (&self->exercise);
  g_clear_object (&self->catalog);
  g_clear_object (&self->journal);

  G_OBJECT_CLASS (limber_exercise_window_parent_class)->dispose (object);
}

static void
limber_exercise_window_class_init (LimberExerciseWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = limber_exercise_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, LIMBER_RESOURCE_PREFIX "/ui/limber-exercise-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberExerciseWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LimberExerciseWindow, name_label);
  gtk_widget_class_bind_template_child (widget_class, LimberExerciseWindow, details_bin);

  gtk_widget_class_install_action (widget_class, "win.edit-exercise", "s", edit_exercise_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
limber_exercise_window_init (LimberExerciseWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  limber_ui_name_mnemonic_buttons (GTK_WIDGET (self));
}

static void
show_exercise (LimberExerciseWindow *self,
               LimberExercise       *exercise)
{
  g_set_object (&self->exercise, exercise);
  gtk_window_set_title (GTK_WINDOW (self), limber_exercise_get_name (exercise));
  adw_window_title_set_title (self->window_title, limber_exercise_get_name (exercise));
  gtk_label_set_label (self->name_label, limber_exercise_get_name (exercise));
  adw_bin_set_child (self->details_bin, limber_exercise_details_new (exercise, self->journal));
}

/* The exercise was edited or deleted in the main window while this one
 * was open: show it as saved, or close when it is gone (a deleted own
 * exercise that a routine still plays is hidden from the library). */
static void
on_exercises_changed (LimberExerciseWindow *self)
{
  LimberExercise *now = limber_catalog_lookup_exercise (self->catalog, limber_exercise_get_id (self->exercise));

  if (now == NULL || limber_exercise_is_hidden (now))
    gtk_window_close (GTK_WINDOW (self));
  else if (now != self->exercise)
    show_exercise (self, now);
}

/**
 * limber_exercise_window_new:
 * @parent: (nullable): the main window
 * @catalog: (nullable): when given, the window follows the exercise's
 *   edits and closes when it is deleted
 * @journal: (nullable): where the exercise's record is read from
 */
GtkWidget *
limber_exercise_window_new (GtkWindow      *parent,
                            LimberCatalog  *catalog,
                            LimberExercise *exercise,
                            LimberJournal  *journal)
{
  LimberExerciseWindow *self;

  g_return_val_if_fail (catalog == NULL || LIMBER_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (LIMBER_IS_EXERCISE (exercise), NULL);

  self = g_object_new (LIMBER_TYPE_EXERCISE_WINDOW, "transient-for", parent, NULL);
  self->journal = journal ? g_object_ref (journal) : NULL;
  show_exercise (self, exercise);
  if (catalog != NULL)
    {
      self->catalog = g_object_ref (catalog);
      g_signal_connect_object (limber_catalog_get_exercises (catalog), "items-changed",
                               G_CALLBACK (on_exercises_changed), self, G_CONNECT_SWAPPED);
    }
  return GTK_WIDGET (self);
}

LimberExercise *
limber_exercise_window_get_exercise (LimberExerciseWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE_WINDOW (self), NULL);
  return self->exercise;
}
