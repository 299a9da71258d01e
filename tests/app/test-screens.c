/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every screen added for own routines, programs, Today, Learn and the
 * whole journal, with its worst real content (ten years of data, a program
 * under way, German's long words in a person's own routine and exercise)
 * at 360x640, the default 900x700 and fullscreen 1280x800, at 1x and 1.5x
 * text, light and dark. Each must fit the window it is in: a screen whose
 * content needs more width than the window keeps the window wider, which
 * fails here, and so does content kept in it only by scrolling sideways.
 * LIMBER_SCREENSHOT_DIR keeps a PNG of each. */
#include <sqlite3.h>

#include "limber-i18n.h"
#include "limber-application.h"
#include "limber-checkin-dialog.h"
#include "limber-exercise-chooser.h"
#include "limber-exercise-editor.h"
#include "limber-journal-private.h"
#include "limber-journal-programs.h"
#include "limber-report-range-dialog.h"
#include "limber-routine-editor.h"
#include "limber-window.h"
#include "ten-years.h"
#include "test-utils.h"

static LimberApplication *app;
static GtkWindow *window;
/* a widget scrolled to the top of its page for the pictures, or NULL */
static GtkWidget *in_view;

typedef struct
{
  const char *name;
  int         width;
  int         height;
  gboolean    fullscreen;
} Size;

static const Size sizes[] = {
  { "360x640", 360, 640, FALSE },
  { "900x700", 900, 700, FALSE },
  { "fullscreen", 1280, 800, TRUE },
};

/* On a failure: the chain of widgets that asks for more than 360 px. */
static void
print_wide (GtkWidget *widget,
            int        depth)
{
  int min = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  if (min <= 360 || !gtk_widget_get_visible (widget))
    return;
  g_printerr ("%*s%s%s%s min %d\n", depth, "", G_OBJECT_TYPE_NAME (widget),
              GTK_IS_LABEL (widget) ? " " : "", GTK_IS_LABEL (widget) ? gtk_label_get_label (GTK_LABEL (widget)) : "", min);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    print_wide (child, depth + 1);
}

/* The first shown scrolled window in @widget that scrolls sideways: content
 * wider than its window, kept inside it only by a horizontal scrollbar. */
static GtkWidget *
find_sideways (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (GTK_IS_SCROLLED_WINDOW (widget))
    {
      GtkAdjustment *adj = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (widget));

      if (gtk_adjustment_get_upper (adj) - gtk_adjustment_get_lower (adj) > gtk_adjustment_get_page_size (adj) + 0.5)
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_sideways (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
settle_size (GtkWindow  *w,
             const Size *size)
{
  GdkSurface *surface;

  if (size->fullscreen != gtk_window_is_fullscreen (w))
    {
      /* Xvfb has no window manager: GTK makes a window fullscreen itself
       * only as it is shown */
      gtk_widget_set_visible (GTK_WIDGET (w), FALSE);
      if (size->fullscreen)
        gtk_window_fullscreen (w);
      else
        gtk_window_unfullscreen (w);
      gtk_window_set_default_size (w, size->width, size->height);
      gtk_window_present (w);
    }
  gtk_window_set_default_size (w, size->width, size->height);
  for (int i = 0; i < 300; i++)
    {
      surface = gtk_native_get_surface (GTK_NATIVE (w));
      if (surface != NULL && gdk_surface_get_width (surface) == size->width &&
          gdk_surface_get_height (surface) == size->height)
        break;
      g_usleep (10000);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  surface = gtk_native_get_surface (GTK_NATIVE (w));
  if (gdk_surface_get_width (surface) != size->width || gdk_surface_get_height (surface) != size->height)
    print_wide (GTK_WIDGET (w), 0);
  if (gdk_surface_get_width (surface) != size->width || gdk_surface_get_height (surface) != size->height)
    g_error ("%s is %d×%d, not %s: its content does not fit", G_OBJECT_TYPE_NAME (w),
             gdk_surface_get_width (surface), gdk_surface_get_height (surface), size->name);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (w));
  if (in_view != NULL)
    {
      GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (in_view, GTK_TYPE_SCROLLED_WINDOW));
      GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (scrolled);
      graphene_point_t point;

      /* a new style or text size lays the page out again first */
      limber_test_settle ();
      g_assert_true (gtk_widget_compute_point (in_view, gtk_scrolled_window_get_child (scrolled),
                                               &GRAPHENE_POINT_INIT (0, 0), &point));
      /* the point is in the scrolled view: from where it is scrolled now */
      gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + point.y - 12);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (w));
    }
  {
    GtkWidget *sideways = find_sideways (GTK_WIDGET (w));

    if (sideways != NULL)
      {
        GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (sideways));

        if (GTK_IS_VIEWPORT (content))
          content = gtk_viewport_get_child (GTK_VIEWPORT (content));
        g_error ("%s at %s scrolls a %s sideways: it is wider than the window", G_OBJECT_TYPE_NAME (w),
                 size->name, content ? G_OBJECT_TYPE_NAME (content) : "nothing");
      }
  }
}

/* @w at every size, scale and style. */
static void
sweep (GtkWindow  *w,
       const char *screen)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkSettings *settings = gtk_settings_get_default ();

  /* a dialog is never fullscreen, and a message dialog sizes itself */
  gboolean dialog = gtk_window_get_transient_for (w) != NULL;
  guint n_sizes = ADW_IS_MESSAGE_DIALOG (w) ? 0 : dialog ? 2 : G_N_ELEMENTS (sizes);

  if (ADW_IS_MESSAGE_DIALOG (w))
    for (int scale = 0; scale < 2; scale++)
      for (int dark = 0; dark < 2; dark++)
        {
          g_autofree char *name = g_strdup_printf ("%s-%s-%s.png", screen, scale ? "1.5x" : "1x", dark ? "dark" : "light");

          g_object_set (settings, "gtk-xft-dpi", scale ? 96 * 1024 * 3 / 2 : 96 * 1024, NULL);
          adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                          : ADW_COLOR_SCHEME_FORCE_LIGHT);
          gtk_test_widget_wait_for_draw (GTK_WIDGET (w));
          limber_test_screenshot (GTK_WIDGET (w), name);
        }
  for (guint i = 0; i < n_sizes; i++)
    for (int scale = 0; scale < 2; scale++)
      for (int dark = 0; dark < 2; dark++)
        {
          g_autofree char *name = g_strdup_printf ("%s-%s-%s-%s.png", screen, sizes[i].name,
                                                   scale ? "1.5x" : "1x", dark ? "dark" : "light");

          g_object_set (settings, "gtk-xft-dpi", scale ? 96 * 1024 * 3 / 2 : 96 * 1024, NULL);
          adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                          : ADW_COLOR_SCHEME_FORCE_LIGHT);
          settle_size (w, &sizes[i]);
          limber_test_screenshot (GTK_WIDGET (w), name);
        }
  g_object_set (settings, "gtk-xft-dpi", 96 * 1024, NULL);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  if (n_sizes > 0)
    settle_size (w, &sizes[1]);
}

static gpointer
wait_for_toplevel (GType type)
{
  WAIT_FOR (limber_test_find_toplevel (type) != NULL);
  return limber_test_find_toplevel (type);
}

static void
close_toplevel (GtkWindow *w,
                GType      type)
{
  gtk_window_close (w);
  WAIT_FOR (limber_test_find_toplevel (type) == NULL);
}

static void
fill_ten_years (void)
{
  LimberJournal *journal = limber_application_get_journal (app);
  sqlite3 *db = _limber_journal_get_handle_for_testing (journal);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr(GDateTime) first = g_date_time_add_days (today, -3650);
  g_autoptr(GDateTime) started = g_date_time_add_days (today, -20);
  g_autoptr(GError) error = NULL;

  /* a test-only shortcut: ten years of fsyncs would take minutes */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA synchronous = OFF", NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < 3650; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (first, i);

      bench_add_day (journal, day, i);
    }
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA synchronous = FULL", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (limber_journal_start_program (journal, "looser-hamstrings", started, &error));
  g_assert_no_error (error);
}

/* A routine of the person's own, with German's long words and the longest
 * instructions the catalog allows in its exercise. */
static void
write_german_routine (const char *home)
{
  g_autofree char *exercises = g_build_filename (home, "limber", "exercises", NULL);
  g_autofree char *routines = g_build_filename (home, "limber", "routines", NULL);
  g_autofree char *exercise = g_build_filename (exercises, "my-oberschenkel.exercise", NULL);
  g_autofree char *routine = g_build_filename (routines, "my-physio.routine", NULL);
  g_autoptr(GString) text = g_string_new ("[Exercise]\nId=my-oberschenkel\n"
                                          "Name=Oberschenkelrückseitendehnung mit Gymnastikband im Liegen\n"
                                          "Summary=Nach Anweisung meiner Physiotherapeutin, zweimal täglich, "
                                          "ohne Schmerzen und ohne Wippen\nKind=stretch\n"
                                          "Muscles=Oberschenkelrückseitenmuskulatur;Wadenmuskulatur;\n"
                                          "EachSide=true\nHold=30\n");

  for (int i = 1; i <= 9; i++)
    g_string_append_printf (text, "Instruction%d=Rückenlage, das Gymnastikband um die Fußsohle legen und das "
                            "gestreckte Bein langsam anheben, bis ein deutliches, aber angenehmes "
                            "Dehnungsgefühl auf der Oberschenkelrückseite entsteht (Schritt %d).\n", i, i);
  g_string_append (text, "Caution=Bei stechenden Schmerzen, Taubheitsgefühl oder Kribbeln im Bein sofort "
                         "aufhören und ärztlichen Rat einholen.\n");
  g_mkdir_with_parents (exercises, 0700);
  g_mkdir_with_parents (routines, 0700);
  g_assert_true (g_file_set_contents (exercise, text->str, -1, NULL));
  g_assert_true (g_file_set_contents (routine,
                                      "[Routine]\nId=my-physio\n"
                                      "Name=Oberschenkelrückseitendehnungsprogramm für Langstreckenläuferinnen\n"
                                      "Summary=Nach der Kreuzbandoperation, Woche drei\n"
                                      "[Step 1]\nExercise=my-oberschenkel\nSets=2\nSides=left\n"
                                      "[Step 2]\nExercise=seated-hamstring\n", -1, NULL));
}

static void
test_window_screens (void)
{
  AdwViewStack *stack = limber_test_child (window, "view_stack");
  LimberHistoryPage *history;

  adw_view_stack_set_visible_child_name (stack, "today");
  sweep (window, "today-program");
  adw_view_stack_set_visible_child_name (stack, "routines");
  sweep (window, "routines");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-routine", "s", "my-physio");
  {
    GtkListBoxRow *step = gtk_list_box_get_row_at_index (limber_test_child (limber_test_child (window, "routine_page"),
                                                                            "step_list"), 0);

    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (step), TRUE);
  }
  sweep (window, "routine-page-own");
  gtk_widget_activate_action (GTK_WIDGET (window), "routine.back", NULL);
  adw_leaflet_navigate (limber_test_child (window, "leaflet"), ADW_NAVIGATION_DIRECTION_BACK);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.learn", NULL);
  sweep (window, "learn");
  adw_leaflet_navigate (limber_test_child (window, "leaflet"), ADW_NAVIGATION_DIRECTION_BACK);

  history = limber_window_get_history_page (LIMBER_WINDOW (window));
  adw_view_stack_set_visible_child_name (stack, "history");
  sweep (window, "history");
  gtk_widget_activate_action (GTK_WIDGET (history), "history.show-journal", NULL);
  {
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (limber_test_child (history, "journal_scroller"));

    /* a year back */
    gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
    gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj) / 10);
  }
  sweep (window, "history-journal");
  gtk_widget_activate_action (GTK_WIDGET (history), "history.back", NULL);
  adw_view_stack_set_visible_child_name (stack, "today");
}

static void
test_dialogs (void)
{
  LimberCatalog *catalog = limber_application_get_catalog (app);
  GtkWidget *dialog;

  /* the routine editor with the own routine, its first step open */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-routine", "s", "my-physio");
  dialog = wait_for_toplevel (LIMBER_TYPE_ROUTINE_EDITOR);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (gtk_list_box_get_row_at_index (limber_test_child (dialog, "step_list"), 0)),
                                 TRUE);
  sweep (GTK_WINDOW (dialog), "routine-editor");

  gtk_widget_activate_action (dialog, "editor.add-step", NULL);
  {
    GtkWidget *chooser = wait_for_toplevel (LIMBER_TYPE_EXERCISE_CHOOSER);

    limber_exercise_chooser_set_search (LIMBER_EXERCISE_CHOOSER (chooser), "ober");
    sweep (GTK_WINDOW (chooser), "exercise-library");
    close_toplevel (GTK_WINDOW (chooser), LIMBER_TYPE_EXERCISE_CHOOSER);
  }
  close_toplevel (GTK_WINDOW (dialog), LIMBER_TYPE_ROUTINE_EDITOR);

  dialog = limber_exercise_editor_new (window, catalog, limber_catalog_lookup_exercise (catalog, "my-oberschenkel"));
  gtk_window_present (GTK_WINDOW (dialog));
  sweep (GTK_WINDOW (dialog), "exercise-form");
  close_toplevel (GTK_WINDOW (dialog), LIMBER_TYPE_EXERCISE_EDITOR);

  dialog = limber_checkin_dialog_new (window, limber_application_get_journal (app), NULL);
  adw_expander_row_set_expanded (limber_test_child (dialog, "when_row"), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
  in_view = limber_test_child (dialog, "when_row");
  sweep (GTK_WINDOW (dialog), "check-in-when");
  in_view = NULL;
  close_toplevel (GTK_WINDOW (dialog), LIMBER_TYPE_CHECKIN_DIALOG);

  dialog = limber_report_range_dialog_new (window, limber_application_get_journal (app));
  gtk_window_present (GTK_WINDOW (dialog));
  sweep (GTK_WINDOW (dialog), "report-range");
  close_toplevel (GTK_WINDOW (dialog), LIMBER_TYPE_REPORT_RANGE_DIALOG);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  home = g_dir_make_tmp ("limber-screens-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  write_german_routine (home);

  /* screens-de runs this in German (LC_ALL, LANGUAGE, LIMBER_LOCALEDIR),
   * screens-rtl right to left (GTK_DEBUG=invert-text-dir), screens-hc in
   * the high-contrast style libadwaita 1.2 follows, set here as the
   * desktop sets it, before libadwaita reads it */
  limber_i18n_init ();
  if (g_strcmp0 (g_getenv ("LIMBER_TEST_HIGH_CONTRAST"), "1") == 0)
    {
      g_autoptr(GSettings) a11y = g_settings_new ("org.gnome.desktop.a11y.interface");

      g_settings_set_boolean (a11y, "high-contrast", TRUE);
    }
  gtk_test_init (&argc, &argv, NULL);

  app = limber_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (LIMBER_IS_WINDOW (window));
  if (g_strcmp0 (g_getenv ("LIMBER_TEST_HIGH_CONTRAST"), "1") == 0)
    g_assert_true (adw_style_manager_get_high_contrast (adw_style_manager_get_default ()));
  /* in German, the window is German (its first tab) */
  if (g_str_has_prefix (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "", "de"))
    {
      AdwViewStack *stack = limber_test_child (window, "view_stack");

      g_assert_cmpstr (adw_view_stack_page_get_title (adw_view_stack_get_page (stack, adw_view_stack_get_child_by_name (stack, "today"))),
                       ==, "Heute");
    }
  g_assert_nonnull (limber_catalog_lookup_routine (limber_application_get_catalog (app), "my-physio"));
  fill_ten_years ();
  limber_window_journal_changed (LIMBER_WINDOW (window), NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_test_add_func ("/screens/window", test_window_screens);
  g_test_add_func ("/screens/dialogs", test_dialogs);

  status = g_test_run ();

  gtk_window_destroy (window);
  g_object_unref (app);
  return status;
}
