/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window as a person uses it: the routine list, a routine's detail
 * page and back, dark mode, and the message about a skipped routine file. */
#include <glib/gstdio.h>
#include <math.h>

#include "limber-application.h"
#include "limber-calendar-grid.h"
#include "limber-illustration.h"
#include "limber-routine-page.h"
#include "limber-routine-row.h"
#include "limber-window.h"
#include "test-utils.h"

static LimberApplication *app;
static GtkWindow *window;
static char *bad_file;

/* Saves what a person would see when LIMBER_SCREENSHOT_DIR is set. */
/* Saves what a person would see when LIMBER_SCREENSHOT_DIR is set. */
static void
screenshot (GtkWidget  *widget,
            const char *name)
{
#ifdef WITH_BROKEN_FILE
  /* the toast would cover the other screens; keep only the dialogs */
  if (!g_str_equal (name, "skipped-file.png") && !g_str_equal (name, "journal-moved-aside.png"))
    name = NULL;
#endif
  limber_test_screenshot (widget, name);
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n))
    n++;
  return n;
}

static void
test_routine_list (void)
{
  GtkListBox *list = limber_test_child (window, "routine_list");
  GListModel *routines = limber_catalog_get_routines (limber_application_get_catalog (app));
  guint n = g_list_model_get_n_items (routines);

  /* the routine list is a tab of its own, after Today */
  adw_view_stack_set_visible_child_name (limber_test_child (window, "view_stack"), "routines");

  /* five bundled routines and the user's good one; a broken one is skipped */
  g_assert_cmpuint (n, ==, 6);
  g_assert_cmpuint (count_rows (list), ==, n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LimberRoutine) routine = g_list_model_get_item (routines, i);
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);
      const char *subtitle;

      g_assert_true (LIMBER_IS_ROUTINE_ROW (row));
      g_assert_true (limber_routine_row_get_routine (LIMBER_ROUTINE_ROW (row)) == routine);
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                       limber_routine_get_name (routine));
      subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
      {
        g_autofree char *duration = limber_format_duration_rounded (limber_routine_get_duration (routine));
        g_autofree char *kinds = limber_exercise_kinds_describe (limber_routine_get_kinds (routine));

        g_assert_true (g_str_has_prefix (subtitle, duration));
        g_assert_true (g_str_has_suffix (subtitle, kinds));
      }
      g_assert_true (gtk_list_box_row_get_activatable (row));
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_ROLE_LIST_ITEM);

      /* the cover is drawn sharp: made at the size, in device pixels, it
       * is shown at (80x60 at most, filled in one direction), not a large
       * drawing scaled down on every frame */
      {
        GtkWidget *thumbnail = limber_test_child (row, "thumbnail");
        GdkTexture *texture;
        int scale = gtk_widget_get_scale_factor (thumbnail);

        WAIT_FOR (limber_illustration_get_texture (LIMBER_ILLUSTRATION (thumbnail)) != NULL);
        texture = limber_illustration_get_texture (LIMBER_ILLUSTRATION (thumbnail));
        g_assert_cmpint (gtk_widget_get_width (thumbnail), ==, 80);
        g_assert_cmpint (gtk_widget_get_height (thumbnail), ==, 60);
        g_assert_cmpint (gdk_texture_get_width (texture), <=, 80 * scale);
        g_assert_cmpint (gdk_texture_get_height (texture), <=, 60 * scale);
        g_assert_true (gdk_texture_get_width (texture) == 80 * scale ||
                       gdk_texture_get_height (texture) == 60 * scale);
      }
    }

  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                       limber_test_child (window, "routines_heading"), NULL);
  screenshot (GTK_WIDGET (window), "routines.png");
}

static void
open_routine (const char *id)
{
  GtkListBox *list = limber_test_child (window, "routine_list");
  AdwLeaflet *leaflet = limber_test_child (window, "leaflet");
  LimberRoutinePage *page = limber_test_child (window, "routine_page");

  for (guint i = 0; gtk_list_box_get_row_at_index (list, i); i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);
      LimberRoutine *routine = limber_routine_row_get_routine (LIMBER_ROUTINE_ROW (row));

      if (g_str_equal (limber_routine_get_id (routine), id))
        {
          /* as a click or Enter on the row does */
          gtk_widget_activate (GTK_WIDGET (row));
          WAIT_FOR (adw_leaflet_get_visible_child (leaflet) == GTK_WIDGET (page));
          g_assert_true (limber_routine_page_get_routine (page) == routine);
          return;
        }
    }
  g_assert_not_reached ();
}

static void
test_routine_detail (void)
{
  AdwLeaflet *leaflet = limber_test_child (window, "leaflet");
  LimberRoutinePage *page = limber_test_child (window, "routine_page");
  LimberRoutine *routine;
  GtkListBox *steps;
  GtkWidget *first;

  open_routine ("morning-hamstrings");
  routine = limber_routine_page_get_routine (page);

  g_assert_cmpstr (gtk_label_get_label (limber_test_child (page, "name_label")), ==, "Morning hamstrings");
  g_assert_cmpstr (adw_window_title_get_title (limber_test_child (page, "window_title")), ==, "Morning hamstrings");
  g_assert_nonnull (strstr (gtk_label_get_label (limber_test_child (page, "meta_label")), "exercises"));

  steps = limber_test_child (page, "step_list");
  g_assert_cmpuint (count_rows (steps), ==, limber_routine_get_n_steps (routine));

  /* each step says what to do and for how long */
  for (guint i = 0; i < limber_routine_get_n_steps (routine); i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (steps, i);
      const LimberRoutineStep *step = limber_routine_get_step (routine, i);
      g_autofree char *timing = limber_routine_step_describe (step);

      g_assert_true (ADW_IS_EXPANDER_ROW (row));
      g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                limber_exercise_get_name (step->exercise)));
      g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, timing);
    }

  /* open the first step to show its picture, instructions and caution */
  first = GTK_WIDGET (gtk_list_box_get_row_at_index (steps, 2));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (first), TRUE);
  screenshot (GTK_WIDGET (window), "routine-detail.png");

  /* Escape and the back button both run routine.back */
  gtk_widget_activate_action (GTK_WIDGET (page), "routine.back", NULL);
  WAIT_FOR (adw_leaflet_get_visible_child (leaflet) != GTK_WIDGET (page));
}

static void
test_step_descriptions (void)
{
  LimberCatalog *catalog = limber_application_get_catalog (app);
  LimberRoutine *routine = limber_catalog_lookup_routine (catalog, "morning-hamstrings");

  for (guint i = 0; i < limber_routine_get_n_steps (routine); i++)
    {
      const LimberRoutineStep *step = limber_routine_get_step (routine, i);
      g_autofree char *text = limber_routine_step_describe (step);
      g_autofree char *number = NULL;

      if (step->repetitions > 0)
        number = g_strdup_printf ("%u times", step->repetitions);
      else
        number = g_strdup_printf ("Hold %u s", step->hold);
      g_assert_nonnull (strstr (text, number));
      g_assert_true ((strstr (text, "each side") != NULL) == limber_exercise_get_each_side (step->exercise));
      g_assert_true ((strstr (text, "sets") != NULL) == (step->sets > 1));
    }
}

/* The calendar's description for screen readers says "1 day", not "1 days". */
static void
test_calendar_plurals (void)
{
  GtkWidget *grid = g_object_ref_sink (limber_calendar_grid_new ());
  LimberChartDay days[2] = { 0, };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_date_clear (&days[i].date, 1);
      g_date_set_dmy (&days[i].date, 10 + i, G_DATE_MARCH, 2024);
      days[i].pain = days[i].stiffness = NAN;
    }
  days[1].routine = TRUE;
  days[1].pain = 3;
  days[1].stiffness = 2;

  limber_calendar_grid_set_days (LIMBER_CALENDAR_GRID (grid), days, 1);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Last 1 day: a routine on 0 days, a check-in on 0 days");
  limber_calendar_grid_set_days (LIMBER_CALENDAR_GRID (grid), days, 2);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Last 2 days: a routine on 1 day, a check-in on 1 day");
  g_object_unref (grid);
}

static void
test_dark_mode (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  WAIT_FOR (adw_style_manager_get_dark (style));
  screenshot (GTK_WIDGET (window), "routines-dark.png");
  open_routine ("desk-break");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (gtk_list_box_get_row_at_index (limber_test_child (limber_test_child (window, "routine_page"), "step_list"), 1)), TRUE);
  screenshot (GTK_WIDGET (window), "routine-detail-dark.png");
  gtk_widget_activate_action (GTK_WIDGET (limber_test_child (window, "routine_page")), "routine.back", NULL);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

#ifdef WITH_BROKEN_FILE
/* A journal that is not a database is moved aside, never deleted, and the
 * window says where it went. */
static void
test_damaged_journal (void)
{
  AdwMessageDialog *dialog;
  LimberJournal *journal = limber_application_get_journal (app);
  const char *moved = limber_journal_get_moved_aside_path (journal);
  g_autofree char *contents = NULL;

  g_assert_nonnull (moved);
  g_assert_true (g_file_get_contents (moved, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "this is not a database, it is a shopping list\n");

  WAIT_FOR (limber_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  dialog = ADW_MESSAGE_DIALOG (limber_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "A Fresh Journal Was Started");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), moved));
  screenshot (GTK_WIDGET (dialog), "journal-moved-aside.png");

  /* a backup is there: the dialog offers it, and restoring brings its
   * check-in into the fresh journal */
  g_assert_true (adw_message_dialog_has_response (dialog, "restore"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "restore");
  adw_message_dialog_response (dialog, "restore");
  gtk_window_close (GTK_WINDOW (dialog));
  WAIT_FOR (limber_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) checkins = limber_journal_list_checkins (journal, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (checkins->len, ==, 1);
    g_assert_cmpstr (((LimberCheckin *) g_ptr_array_index (checkins, 0))->note, ==, "from the backup");
  }
}

static void
test_skipped_file_message (void)
{
  AdwMessageDialog *dialog;

  g_assert_cmpuint (limber_catalog_get_problems (limber_application_get_catalog (app))->len, ==, 1);

  /* the toast's Details button runs this action */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-problems", NULL);
  WAIT_FOR (limber_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  dialog = ADW_MESSAGE_DIALOG (limber_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), bad_file));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "unknown exercise"));
  g_assert_true (adw_message_dialog_has_response (dialog, "open-folder"));
  screenshot (GTK_WIDGET (dialog), "skipped-file.png");

  adw_message_dialog_response (dialog, "close");
  gtk_window_close (GTK_WINDOW (dialog));
  WAIT_FOR (limber_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
}
#endif

static void
test_about (void)
{
  GtkWindow *about;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  WAIT_FOR (limber_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW) != NULL);
  about = limber_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Limber");
  g_assert_cmpstr (adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about)), ==, LIMBER_APP_ID);
  /* the icon is found even when Limber runs from the build tree */
  g_assert_true (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                          LIMBER_APP_ID));
  screenshot (GTK_WIDGET (about), "about.png");
  gtk_window_close (about);
  WAIT_FOR (limber_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW) == NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  g_autofree char *routines = NULL;
  g_autofree char *good_file = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  /* One private data folder for the whole run: the catalog is read once, at
   * start-up, so the user's files must be there before it. */
  home = g_dir_make_tmp ("limber-test-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  routines = g_build_filename (home, "limber", "routines", NULL);
  g_mkdir_with_parents (routines, 0700);
  bad_file = g_build_filename (routines, "broken.routine", NULL);
  good_file = g_build_filename (routines, "mine.routine", NULL);
#ifdef WITH_BROKEN_FILE
  {
    g_autofree char *journal = g_build_filename (home, "limber", "journal.db", NULL);
    g_autofree char *backups = g_build_filename (home, "limber", "backups", NULL);
    g_autofree char *backup = g_build_filename (backups, "journal-2026-11-30.db", NULL);
    g_autoptr(LimberJournal) old = NULL;
    g_autoptr(LimberCheckin) checkin = limber_checkin_new ();

    g_file_set_contents (journal, "this is not a database, it is a shopping list\n", -1, NULL);
    /* a daily backup from before the damage, holding one check-in */
    g_mkdir_with_parents (backups, 0700);
    old = limber_journal_open (backup, &error);
    g_assert_no_error (error);
    checkin->pain = 4;
    checkin->stiffness = 6;
    checkin->note = g_strdup ("from the backup");
    g_clear_pointer (&checkin->time, g_date_time_unref);
    checkin->time = g_date_time_new_local (2026, 11, 30, 8, 0, 0);
    g_assert_cmpint (limber_journal_add_checkin (old, checkin, &error), >, 0);
  }
  g_file_set_contents (bad_file, "[Routine]\nId=broken\nName=Broken\n[Step 1]\nExercise=cartwheel\n", -1, NULL);
#endif
  g_file_set_contents (good_file, "[Routine]\nId=mine\nName=Calves & <b>only</b>\n[Step 1]\nExercise=standing-calf\n", -1, NULL);

  gtk_test_init (&argc, &argv, NULL);

  app = limber_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (LIMBER_IS_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

#ifdef WITH_BROKEN_FILE
  g_test_add_func ("/window/damaged-journal", test_damaged_journal);
#endif
  g_test_add_func ("/window/routine-list", test_routine_list);
  g_test_add_func ("/window/routine-detail", test_routine_detail);
  g_test_add_func ("/window/step-descriptions", test_step_descriptions);
  g_test_add_func ("/window/calendar-plurals", test_calendar_plurals);
  g_test_add_func ("/window/dark-mode", test_dark_mode);
#ifdef WITH_BROKEN_FILE
  g_test_add_func ("/window/skipped-file-message", test_skipped_file_message);
#else
  g_assert_cmpuint (limber_catalog_get_problems (limber_application_get_catalog (app))->len, ==, 0);
#endif
  g_test_add_func ("/window/about", test_about);

  status = g_test_run ();

  gtk_window_destroy (window);
  g_object_unref (app);
  g_unlink (bad_file);
  g_unlink (good_file);
  g_rmdir (routines);
  {
    g_autofree char *limber_dir = g_build_filename (home, "limber", NULL);
    g_rmdir (limber_dir);
  }
  g_rmdir (home);
  g_free (bad_file);
  return status;
}
