/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Building a routine as a person does: New Routine, a name, exercises from
 * the library found by searching, and one of the person's own, made in the
 * exercise form with their own photo, a value out of range and its reason, reordering with the
 * keyboard, Save; then playing it and finding the session in the history.
 * Then Edit, Duplicate and Delete with Undo. */
#include <cairo.h>
#include <glib/gstdio.h>

#include "limber-application.h"
#include "limber-bundle.h"
#include "limber-import-dialog.h"
#include "limber-exercise-chooser.h"
#include "limber-exercise-editor.h"
#include "limber-history-item.h"
#include "limber-illustration.h"
#include "limber-routine-editor.h"
#include "limber-routine-page.h"
#include "limber-routine-row.h"
#include "limber-step-row.h"
#include "limber-window.h"
#include "test-utils.h"

static LimberApplication *app;
static GtkWindow *window;
static LimberCatalog *catalog;
static char *home;

/* A photo-like PNG, 400x300, for the person's own exercise. */
static char *
write_png (void)
{
  g_autofree char *path = g_build_filename (home, "my-photo.png", NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 300);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.2, 0.5, 0.3);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.9, 0.8, 0.2);
  cairo_rectangle (cr, 40, 40, 120, 200);
  cairo_fill (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_steal_pointer (&path);
}

static gpointer
wait_for_toplevel (GType type)
{
  WAIT_FOR (limber_test_find_toplevel (type) != NULL);
  return limber_test_find_toplevel (type);
}

/* The physiotherapist's exercise, made as a person makes it: New Exercise
 * in the library, the form filled in, their own photo chosen, Save; it
 * becomes the routine's next step. */
static LimberExercise *
make_own_exercise (LimberRoutineEditor *editor)
{
  g_autofree char *png = write_png ();
  g_autoptr(GFile) file = g_file_new_for_path (png);
  LimberRoutineDraft *draft = limber_routine_editor_get_draft (editor);
  guint steps_before = limber_routine_draft_get_n_steps (draft);
  LimberExerciseChooser *chooser;
  LimberExerciseEditor *form;
  GtkWidget *list;
  GtkWidget *first_step = NULL;
  const char *id;

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-step", NULL);
  chooser = wait_for_toplevel (LIMBER_TYPE_EXERCISE_CHOOSER);
  gtk_widget_activate_action (GTK_WIDGET (chooser), "chooser.new-exercise", NULL);
  WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_EXERCISE_CHOOSER) == NULL);
  form = wait_for_toplevel (LIMBER_TYPE_EXERCISE_EDITOR);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (form)) == GTK_WINDOW (editor));

  gtk_editable_set_text (GTK_EDITABLE (limber_test_child (form, "name_row")), "Strap hamstring stretch");
  gtk_editable_set_text (GTK_EDITABLE (limber_test_child (form, "summary_row")), "As my physiotherapist showed me.");
  list = limber_test_child (form, "steps_list");
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ENTRY_ROW (row))
      {
        first_step = row;
        break;
      }
  g_assert_nonnull (first_step);
  gtk_editable_set_text (GTK_EDITABLE (first_step), "Lie on your back with a strap around one foot.");
  gtk_spin_button_set_value (limber_test_child (form, "hold_spin"), 20);
  gtk_switch_set_active (limber_test_child (form, "each_side_switch"), TRUE);
  limber_exercise_editor_import_picture (form, file);   /* as the file chooser does */
  WAIT_FOR (!limber_exercise_editor_is_busy (form));
  g_assert_nonnull (limber_exercise_draft_get_picture (limber_exercise_editor_get_draft (form)));
  limber_test_screenshot (GTK_WIDGET (form), NULL);
  gtk_widget_activate_action (GTK_WIDGET (form), "editor.save", NULL);
  WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_EXERCISE_EDITOR) == NULL);

  g_assert_cmpuint (limber_routine_draft_get_n_steps (draft), ==, steps_before + 1);
  id = limber_step_draft_get_exercise_id (limber_routine_draft_get_step (draft, steps_before));
  return g_object_ref (limber_catalog_lookup_exercise (catalog, id));
}

static void
choose (LimberRoutineEditor *editor,
        const char          *search,
        guint                expect_at_least)
{
  LimberExerciseChooser *chooser;

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-step", NULL);
  chooser = wait_for_toplevel (LIMBER_TYPE_EXERCISE_CHOOSER);
  limber_exercise_chooser_set_search (chooser, search);
  g_assert_cmpuint (limber_exercise_chooser_count_shown (chooser), >=, expect_at_least);
  /* Enter in the search takes the first match */
  g_signal_emit_by_name (limber_test_child (chooser, "search_entry"), "activate");
  WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_EXERCISE_CHOOSER) == NULL);
}

static LimberStepRow *
step_row (LimberRoutineEditor *editor,
          guint                index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (limber_test_child (editor, "step_list"), index);

  g_assert_true (LIMBER_IS_STEP_ROW (row));
  return LIMBER_STEP_ROW (row);
}

static gboolean
save_enabled (LimberRoutineEditor *editor)
{
  return gtk_widget_get_sensitive (limber_test_child (editor, "save_button"));
}

/* The widget in @row's subtree whose type is @type, depth first. */
static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return child;
      if ((found = find_named (child, name)) != NULL)
        return found;
    }
  return NULL;
}

/* Whether the History page's whole-journal list holds a session under
 * @routine_name, as the person would find it scrolling back. */
static gboolean
history_shows (const char *routine_name)
{
  LimberHistoryPage *history = limber_window_get_history_page (LIMBER_WINDOW (window));
  GListModel *list;

  limber_history_page_reload (history);
  adw_view_stack_set_visible_child_name (limber_test_child (window, "view_stack"), "history");
  limber_test_settle ();
  list = limber_history_page_get_list (history);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(LimberHistoryItem) item = g_list_model_get_item (list, i);
      const LimberJournalEntry *entry = limber_history_item_get_entry (item);

      if (entry->kind == LIMBER_JOURNAL_ENTRY_SESSION && g_strcmp0 (entry->session->routine_name, routine_name) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_build_and_play (void)
{
  g_autoptr(LimberExercise) own = NULL;
  LimberRoutineEditor *editor;
  LimberRoutineDraft *draft;
  LimberStepDraft *step;
  LimberRoutine *routine;
  GtkWidget *hold_spin;
  g_autofree char *total = NULL;
  g_autofree char *expected = NULL;
  AdwLeaflet *leaflet = limber_test_child (window, "leaflet");
  LimberPlayerView *view;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-routine", NULL);
  editor = wait_for_toplevel (LIMBER_TYPE_ROUTINE_EDITOR);
  draft = limber_routine_editor_get_draft (editor);

  /* nothing typed yet: Save waits, and the name says why */
  g_assert_false (save_enabled (editor));
  g_assert_true (gtk_widget_has_css_class (limber_test_child (editor, "name_row"), "error"));
  limber_test_screenshot (GTK_WIDGET (editor), "editor-empty.png");

  gtk_editable_set_text (GTK_EDITABLE (limber_test_child (editor, "name_row")), "Physio: week 3");
  g_assert_false (gtk_widget_has_css_class (limber_test_child (editor, "name_row"), "error"));
  /* still no step: said under the list */
  g_assert_true (gtk_widget_get_visible (limber_test_child (editor, "steps_problem")));
  g_assert_false (save_enabled (editor));

  /* the library searches names, muscles and kinds, in any order */
  choose (editor, "hamstring seated", 1);
  own = make_own_exercise (editor);
  g_assert_false (limber_exercise_is_bundled (own));
  g_assert_cmpint (limber_exercise_get_picture_source (own), ==, LIMBER_PICTURE_FILE);
  g_assert_false (limber_exercise_get_mirror_picture (own));
  /* and the library finds it */
  {
    LimberExerciseChooser *chooser;

    gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-step", NULL);
    chooser = wait_for_toplevel (LIMBER_TYPE_EXERCISE_CHOOSER);
    limber_exercise_chooser_set_search (chooser, "strap");
    g_assert_cmpuint (limber_exercise_chooser_count_shown (chooser), ==, 1);
    gtk_window_close (GTK_WINDOW (chooser));
    WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_EXERCISE_CHOOSER) == NULL);
  }
  g_assert_cmpuint (limber_routine_draft_get_n_steps (draft), ==, 2);
  g_assert_cmpstr (limber_step_draft_get_exercise_id (limber_routine_draft_get_step (draft, 0)), ==, "seated-hamstring");
  g_assert_cmpstr (limber_step_draft_get_exercise_id (limber_routine_draft_get_step (draft, 1)), ==,
                   limber_exercise_get_id (own));
  g_assert_false (gtk_widget_get_visible (limber_test_child (editor, "steps_problem")));
  g_assert_true (save_enabled (editor));

  /* the total is the draft's length as the player plays it, as typed */
  step = limber_routine_draft_get_step (draft, 1);
  hold_spin = find_descendant (GTK_WIDGET (step_row (editor, 1)), GTK_TYPE_SPIN_BUTTON);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (hold_spin), 45);
  g_assert_cmpuint (limber_step_draft_get_hold (step), ==, 45);
  expected = limber_format_duration (limber_routine_draft_get_duration (draft, catalog));
  total = g_strdup (gtk_label_get_label (limber_test_child (editor, "total_label")));
  g_assert_nonnull (strstr (total, expected));

  /* a hold too long is not clamped quietly: the reason stands beside it */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (hold_spin), 700);
  g_assert_cmpuint (limber_step_draft_get_hold (step), ==, 700);
  g_assert_false (save_enabled (editor));
  {
    GtkWidget *hold_row = limber_step_row_get_field_row (step_row (editor, 1), LIMBER_DRAFT_FIELD_HOLD);
    GtkWidget *sets_row = limber_step_row_get_field_row (step_row (editor, 1), LIMBER_DRAFT_FIELD_SETS);

    g_assert_true (gtk_widget_has_css_class (hold_row, "error"));
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (hold_row)), "600"));
    g_assert_false (gtk_widget_has_css_class (sets_row, "error"));
  }
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (step_row (editor, 1))));
  limber_test_screenshot (GTK_WIDGET (editor), "editor-problem.png");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (hold_spin), 45);
  g_assert_true (save_enabled (editor));
  g_assert_false (gtk_widget_has_css_class (limber_step_row_get_field_row (step_row (editor, 1), LIMBER_DRAFT_FIELD_HOLD),
                                            "error"));

  /* Alt+Up moves the own exercise first, and the keyboard stays on it */
  gtk_widget_activate_action (GTK_WIDGET (step_row (editor, 1)), "step.move-up", NULL);
  g_assert_cmpstr (limber_step_draft_get_exercise_id (limber_routine_draft_get_step (draft, 0)), ==,
                   limber_exercise_get_id (own));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (step_row (editor, 0))), ==,
                   "1. Strap hamstring stretch");
  {
    GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (editor));
    GtkWidget *moved = GTK_WIDGET (step_row (editor, 0));

    g_assert_nonnull (focus);
    g_assert_true (focus == moved || gtk_widget_is_ancestor (focus, moved));
  }
  limber_test_screenshot (GTK_WIDGET (editor), "editor.png");

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_ROUTINE_EDITOR) == NULL);

  /* saved as written, shown on its page and marked as the person's own */
  routine = limber_catalog_lookup_routine (catalog, "my-physio-week-3");
  g_assert_nonnull (routine);
  g_assert_false (limber_routine_is_bundled (routine));
  g_assert_cmpuint (limber_routine_get_n_steps (routine), ==, 2);
  g_assert_true (limber_routine_get_step (routine, 0)->exercise == own);
  g_assert_cmpuint (limber_routine_get_step (routine, 0)->hold, ==, 45);
  WAIT_FOR (adw_leaflet_get_visible_child (leaflet) == limber_test_child (window, "routine_page"));
  g_assert_true (limber_routine_page_get_routine (limber_test_child (window, "routine_page")) == routine);
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (limber_test_child (window, "routine_list"), i);

      g_assert_nonnull (row);
      if (limber_routine_row_get_routine (LIMBER_ROUTINE_ROW (row)) == routine)
        {
          g_assert_true (gtk_widget_get_visible (limber_test_child (row, "own_label")));
          break;
        }
      g_assert_false (gtk_widget_get_visible (limber_test_child (row, "own_label")));
    }

  /* it plays, with the person's photo, not mirrored for the right side */
  {
    LimberVirtualClock *clock_ = limber_virtual_clock_new (1000 * G_USEC_PER_SEC);
    LimberIllustration *picture;
    GdkTexture *texture;

    view = limber_window_get_player_view (LIMBER_WINDOW (window));
    limber_player_view_set_clock (view, LIMBER_CLOCK (clock_));
    g_object_unref (clock_);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.start-routine", "s", "my-physio-week-3");
    WAIT_FOR (adw_leaflet_get_visible_child (leaflet) == GTK_WIDGET (view));
    /* the picture sits inside the countdown ring */
    picture = LIMBER_ILLUSTRATION (gtk_widget_get_first_child (limber_test_child (view, "countdown")));
    WAIT_FOR (limber_illustration_get_texture (picture) != NULL);
    texture = limber_illustration_get_texture (picture);
    /* drawn from the 4:3 photo at the size shown */
    g_assert_cmpint (ABS (gdk_texture_get_width (texture) * 3 - gdk_texture_get_height (texture) * 4), <=, 4);
    limber_test_screenshot (GTK_WIDGET (window), "own-exercise-playing.png");
    /* get ready, left, switch sides, right */
    limber_virtual_clock_advance (clock_, (gint64) (5 + 45 + 10) * G_USEC_PER_SEC + 500000);
    limber_player_view_refresh (view);
    g_assert_false (limber_illustration_get_mirrored (picture));
    limber_virtual_clock_advance (clock_, (gint64) 3600 * G_USEC_PER_SEC);
    limber_player_view_refresh (view);
    gtk_widget_activate_action (GTK_WIDGET (view), "player.done", NULL);
    WAIT_FOR (adw_leaflet_get_visible_child (leaflet) != GTK_WIDGET (view));
  }

  /* the exercise's page counts it */
  {
    GtkWidget *page = limber_test_child (window, "routine_page");
    GtkWidget *record = find_named (page, "record");

    g_assert_nonnull (record);
    g_test_message ("record: %s", gtk_label_get_label (GTK_LABEL (record)));
    g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (record)), "Done 1 time, "));
  }

  /* and the session is in the history, under the routine's name */
  adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  g_assert_true (history_shows ("Physio: week 3"));
  adw_view_stack_set_visible_child_name (limber_test_child (window, "view_stack"), "routines");
}

/* Edit changes the routine in place; a bundled one is edited as a copy. */
static void
test_edit_and_duplicate (void)
{
  LimberRoutineEditor *editor;
  LimberRoutine *routine;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-routine", "s", "my-physio-week-3");
  editor = wait_for_toplevel (LIMBER_TYPE_ROUTINE_EDITOR);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Edit Routine");
  gtk_editable_set_text (GTK_EDITABLE (limber_test_child (editor, "summary_row")), "Twice a day <b>gently</b>");
  gtk_widget_activate_action (GTK_WIDGET (step_row (editor, 1)), "step.remove", NULL);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_ROUTINE_EDITOR) == NULL);
  routine = limber_catalog_lookup_routine (catalog, "my-physio-week-3");
  g_assert_cmpstr (limber_routine_get_summary (routine), ==, "Twice a day <b>gently</b>");
  g_assert_cmpuint (limber_routine_get_n_steps (routine), ==, 1);

  /* its own exercise is edited from its page, and the page follows */
  {
    const char *exercise_id = limber_exercise_get_id (limber_routine_get_step (routine, 0)->exercise);
    LimberExerciseEditor *form;
    GtkListBoxRow *step;

    limber_window_show_routine (LIMBER_WINDOW (window), routine);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-exercise", "s", exercise_id);
    form = wait_for_toplevel (LIMBER_TYPE_EXERCISE_EDITOR);
    g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (form)), ==, "Edit Exercise");
    gtk_editable_set_text (GTK_EDITABLE (limber_test_child (form, "name_row")), "Strap stretch, lying");
    gtk_widget_activate_action (GTK_WIDGET (form), "editor.save", NULL);
    WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_EXERCISE_EDITOR) == NULL);
    step = gtk_list_box_get_row_at_index (limber_test_child (limber_test_child (window, "routine_page"), "step_list"), 0);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (step)), ==, "1. Strap stretch, lying");
  }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-routine", "s", "morning-hamstrings");
  editor = wait_for_toplevel (LIMBER_TYPE_ROUTINE_EDITOR);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "New Routine");
  g_assert_null (limber_routine_draft_get_id (limber_routine_editor_get_draft (editor)));
  g_assert_true (g_str_has_prefix (gtk_editable_get_text (GTK_EDITABLE (limber_test_child (editor, "name_row"))),
                                   "Copy of "));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_ROUTINE_EDITOR) == NULL);
  g_assert_true (limber_routine_is_bundled (limber_catalog_lookup_routine (catalog, "morning-hamstrings")));
  g_assert_nonnull (limber_catalog_lookup_routine (catalog, "my-copy-of-morning-hamstrings"));
}

static void
test_delete_and_undo (void)
{
  AdwMessageDialog *dialog;
  g_autofree char *file = g_build_filename (home, "limber", "routines", "my-physio-week-3.routine", NULL);

  g_assert_true (g_file_test (file, G_FILE_TEST_EXISTS));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-routine", "s", "my-physio-week-3");
  dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  /* the name is the person's own text: shown, not read as markup */
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "Physio: week 3"));
  /* as its Delete button does */
  adw_message_dialog_response (dialog, "delete");
  gtk_window_close (GTK_WINDOW (dialog));
  WAIT_FOR (limber_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
  g_assert_null (limber_catalog_lookup_routine (catalog, "my-physio-week-3"));
  g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
  /* what was done with it stays in the history, under its name */
  g_assert_true (history_shows ("Physio: week 3"));
  adw_view_stack_set_visible_child_name (limber_test_child (window, "view_stack"), "routines");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete-routine", NULL);
  g_assert_nonnull (limber_catalog_lookup_routine (catalog, "my-physio-week-3"));
  g_assert_true (g_file_test (file, G_FILE_TEST_EXISTS));

  /* a bundled routine cannot be deleted */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-routine", "s", "morning-hamstrings");
  dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (dialog, "close");
  gtk_window_close (GTK_WINDOW (dialog));
  WAIT_FOR (limber_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
  g_assert_nonnull (limber_catalog_lookup_routine (catalog, "morning-hamstrings"));
}

/* The first controller of @type on @widget. */
static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }
  return NULL;
}

/* Dragging a step's handle onto another step moves it there, as the drop
 * target receives it from GTK. */
static void
test_drag_and_drop (void)
{
  LimberRoutineEditor *editor;
  LimberRoutineDraft *draft;
  GtkEventController *target;
  GValue value = G_VALUE_INIT;
  gboolean dropped = FALSE;
  const char *first;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-routine", NULL);
  editor = wait_for_toplevel (LIMBER_TYPE_ROUTINE_EDITOR);
  draft = limber_routine_editor_get_draft (editor);
  limber_routine_editor_add_exercise (editor, limber_catalog_lookup_exercise (catalog, "leg-swings"));
  limber_routine_editor_add_exercise (editor, limber_catalog_lookup_exercise (catalog, "heel-digs"));
  limber_routine_editor_add_exercise (editor, limber_catalog_lookup_exercise (catalog, "standing-calf"));
  first = limber_step_draft_get_exercise_id (limber_routine_draft_get_step (draft, 0));
  g_assert_cmpstr (first, ==, "leg-swings");

  /* the third step dropped on the first */
  target = find_controller (GTK_WIDGET (step_row (editor, 0)), GTK_TYPE_DROP_TARGET);
  g_assert_nonnull (target);
  g_value_init (&value, LIMBER_TYPE_STEP_ROW);
  g_value_set_object (&value, step_row (editor, 2));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &dropped);
  g_value_unset (&value);
  g_assert_true (dropped);
  g_assert_cmpstr (limber_step_draft_get_exercise_id (limber_routine_draft_get_step (draft, 0)), ==, "standing-calf");
  g_assert_cmpstr (limber_step_draft_get_exercise_id (limber_routine_draft_get_step (draft, 1)), ==, "leg-swings");
  g_assert_cmpstr (limber_step_draft_get_exercise_id (limber_routine_draft_get_step (draft, 2)), ==, "heel-digs");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (step_row (editor, 0))), ==,
                   "1. Standing calf stretch");

  /* a row dropped on itself stays */
  target = find_controller (GTK_WIDGET (step_row (editor, 1)), GTK_TYPE_DROP_TARGET);
  g_value_init (&value, LIMBER_TYPE_STEP_ROW);
  g_value_set_object (&value, step_row (editor, 1));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &dropped);
  g_value_unset (&value);
  g_assert_false (dropped);
  g_assert_cmpstr (limber_step_draft_get_exercise_id (limber_routine_draft_get_step (draft, 1)), ==, "leg-swings");

  gtk_window_close (GTK_WINDOW (editor));
  WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_ROUTINE_EDITOR) == NULL);
}

/* A shared routine dropped on the window opens the import preview, and
 * nothing is written until the person says Import. */
static void
test_drop_file_on_window (void)
{
  g_autofree char *path = g_build_filename (home, "shared.limber-routine", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GtkEventController *target;
  GSList *files;
  GValue value = G_VALUE_INIT;
  gboolean dropped = FALSE;
  GtkWindow *preview;

  g_assert_true (limber_bundle_write (catalog, "my-physio-week-3", file, &error));
  g_assert_no_error (error);

  target = find_controller (GTK_WIDGET (window), GTK_TYPE_DROP_TARGET);
  g_assert_nonnull (target);
  files = g_slist_prepend (NULL, g_object_ref (file));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, files);
  g_signal_emit_by_name (target, "drop", &value, 100.0, 100.0, &dropped);
  g_value_unset (&value);
  g_assert_true (dropped);

  preview = wait_for_toplevel (LIMBER_TYPE_IMPORT_DIALOG);
  /* the same ids are already here: the preview asks */
  g_assert_true (limber_import_dialog_has_clashes (LIMBER_IMPORT_DIALOG (preview)));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (preview), "cancel");
  gtk_window_close (preview);
  WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_IMPORT_DIALOG) == NULL);
  g_assert_cmpstr (limber_routine_get_name (limber_catalog_lookup_routine (catalog, "my-physio-week-3")), ==,
                   "Physio: week 3");
}

/* Resizes @w to exactly @width×@height (Xvfb has no window manager). */
static void
resize (GtkWindow *w,
        int        width,
        int        height)
{
  GdkSurface *surface;

  gtk_window_set_default_size (w, width, height);
  for (int i = 0; i < 200; i++)
    {
      surface = gtk_native_get_surface (GTK_NATIVE (w));
      if (gdk_surface_get_width (surface) == width && gdk_surface_get_height (surface) == height)
        break;
      g_usleep (10000);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  surface = gtk_native_get_surface (GTK_NATIVE (w));
  /* a window whose content needs more than 360 px would stay wider */
  g_assert_cmpint (gdk_surface_get_width (surface), ==, width);
  g_assert_cmpint (gdk_surface_get_height (surface), ==, height);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (w));
}

static void
assert_within_width (GtkWindow  *w,
                     GtkWidget  *widget,
                     const char *where)
{
  graphene_rect_t bounds;
  int width = gtk_widget_get_width (GTK_WIDGET (w));

  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (w), &bounds));
  if (bounds.origin.x < -0.5 || bounds.origin.x + bounds.size.width > width + 0.5 || bounds.size.width < 1)
    g_error ("%s: %s is at x %.0f, %.0f wide, outside the %d-wide window", where,
             G_OBJECT_TYPE_NAME (widget), bounds.origin.x, bounds.size.width, width);
}

/* The editor at a phone's width and a laptop's, at 1x and 1.5x text, light
 * and dark, with German's long words: nothing leaves the window, and the
 * library fits too. */
static void
test_sizes (void)
{
  static const struct { const char *name; int width, height; } sizes[] = {
    { "narrow", 360, 640 },
    { "wide", 1280, 800 },
  };
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkSettings *settings = gtk_settings_get_default ();
  LimberRoutineEditor *editor;
  LimberExerciseChooser *chooser;
  LimberStepRow *row;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-routine", "s", "my-physio-week-3");
  editor = wait_for_toplevel (LIMBER_TYPE_ROUTINE_EDITOR);
  gtk_editable_set_text (GTK_EDITABLE (limber_test_child (editor, "name_row")),
                         "Oberschenkelrückseitendehnungsprogramm für Langstreckenläuferinnen");
  gtk_editable_set_text (GTK_EDITABLE (limber_test_child (editor, "summary_row")),
                         "Nach Anweisung meiner Physiotherapeutin, zweimal täglich");
  limber_routine_editor_add_exercise (editor, limber_catalog_lookup_exercise (catalog, "leg-swings"));
  row = step_row (editor, 1);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    for (int scale = 0; scale < 2; scale++)
      for (int dark = 0; dark < 2; dark++)
        {
          g_autofree char *where = g_strdup_printf ("%s%s%s", sizes[i].name, scale ? "-large-text" : "",
                                                    dark ? "-dark" : "");
          g_autofree char *name = g_strdup_printf ("editor-%s.png", where);

          g_object_set (settings, "gtk-xft-dpi", scale ? 96 * 1024 * 3 / 2 : 96 * 1024, NULL);
          adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                          : ADW_COLOR_SCHEME_FORCE_LIGHT);
          resize (GTK_WINDOW (editor), sizes[i].width, sizes[i].height);
          assert_within_width (GTK_WINDOW (editor), limber_test_child (editor, "save_button"), where);
          assert_within_width (GTK_WINDOW (editor), limber_test_child (editor, "name_row"), where);
          assert_within_width (GTK_WINDOW (editor), GTK_WIDGET (row), where);
          assert_within_width (GTK_WINDOW (editor),
                               limber_step_row_get_field_row (row, LIMBER_DRAFT_FIELD_REPETITIONS), where);
          gtk_widget_grab_focus (GTK_WIDGET (row));
          limber_test_screenshot (GTK_WIDGET (editor), name);
        }

  /* the library, searched, at a phone's width */
  g_object_set (settings, "gtk-xft-dpi", 96 * 1024, NULL);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-step", NULL);
  chooser = wait_for_toplevel (LIMBER_TYPE_EXERCISE_CHOOSER);
  resize (GTK_WINDOW (chooser), 360, 640);
  limber_exercise_chooser_set_search (chooser, "ham");
  limber_test_screenshot (GTK_WIDGET (chooser), "exercise-library-narrow.png");
  limber_exercise_chooser_set_search (chooser, "quadrizeps");
  g_assert_cmpuint (limber_exercise_chooser_count_shown (chooser), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (limber_test_child (chooser, "stack")), ==, "empty");
  gtk_window_close (GTK_WINDOW (chooser));
  WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_EXERCISE_CHOOSER) == NULL);

  /* Cancel keeps the routine as it was */
  gtk_window_close (GTK_WINDOW (editor));
  WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_ROUTINE_EDITOR) == NULL);
  g_assert_cmpstr (limber_routine_get_name (limber_catalog_lookup_routine (catalog, "my-physio-week-3")), ==,
                   "Physio: week 3");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* A count of one is said in the singular: "1 time", not "1 times". */
static void
test_step_row_plurals (void)
{
  LimberExercise *exercise = limber_catalog_lookup_exercise (catalog, "leg-swings");
  g_autoptr(LimberStepDraft) step = limber_step_draft_new_for_exercise (exercise);
  GtkWidget *row;

  limber_step_draft_set_hold (step, 0);
  limber_step_draft_set_repetitions (step, 1);
  limber_step_draft_set_tempo (step, 2);
  limber_step_draft_set_sets (step, 1);
  row = g_object_ref_sink (limber_step_row_new (step, catalog));
  g_assert_true (g_str_has_prefix (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "1 time"));
  g_assert_null (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "1 times"));

  limber_step_draft_set_repetitions (step, 3);
  limber_step_draft_set_sets (step, 2);
  g_assert_true (g_str_has_prefix (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "3 times"));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), " · 2 sets"));
  g_object_unref (row);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  home = g_dir_make_tmp ("limber-editor-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", home, TRUE);

  gtk_test_init (&argc, &argv, NULL);

  app = limber_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (LIMBER_IS_WINDOW (window));
  catalog = limber_application_get_catalog (app);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_test_add_func ("/editor/build-and-play", test_build_and_play);
  g_test_add_func ("/editor/edit-and-duplicate", test_edit_and_duplicate);
  g_test_add_func ("/editor/drag-and-drop", test_drag_and_drop);
  g_test_add_func ("/editor/drop-file-on-window", test_drop_file_on_window);
  g_test_add_func ("/editor/sizes", test_sizes);
  g_test_add_func ("/editor/delete-and-undo", test_delete_and_undo);
  g_test_add_func ("/editor/step-row-plurals", test_step_row_plurals);

  status = g_test_run ();

  gtk_window_destroy (window);
  g_object_unref (app);
  return status;
}
