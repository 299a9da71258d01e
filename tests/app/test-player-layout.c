/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The player at every size a person uses it: a phone-sized 360×640, the
 * default 900×700 and fullscreen 1280×800, at 1× and 1.5× text, light and
 * dark, with the bundled exercise whose instructions are the longest. In
 * each phase the countdown, the pause button and Stop — This Hurts must lie
 * inside the window, and in fullscreen the digits must be at least a
 * quarter of the window's height, to be read from two metres. A toast
 * shown while playing never covers Stop — This Hurts. */
#include <glib/gstdio.h>

#include "limber-application.h"
#include "limber-digits.h"
#include "limber-history-page.h"
#include "limber-journal-private.h"
#include "limber-player-view.h"
#include "limber-window.h"
#include "test-utils.h"
#include "ten-years.h"

static LimberApplication *app;
static GtkWindow *window;
static LimberPlayerView *view;
static LimberVirtualClock *clock_;
static char *longest_id;
/* the bundled routine with the most steps: the longest routine page */
static const char *longest_routine = "evening-wind-down";

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
  { "fullscreen-1280x800", 1280, 800, TRUE },
};

/* The bundled exercise with the most to read. */
static char *
find_longest_exercise (void)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new_default (NULL);
  GListModel *exercises = limber_catalog_get_exercises (catalog);
  g_autofree char *best = NULL;
  gsize best_length = 0;

  for (guint i = 0; i < g_list_model_get_n_items (exercises); i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (exercises, i);
      const char * const *steps = limber_exercise_get_instructions (exercise);
      gsize length = 0;

      for (guint j = 0; steps[j] != NULL; j++)
        length += strlen (steps[j]);
      if (length > best_length && limber_exercise_get_each_side (exercise))
        {
          g_free (best);
          best = g_strdup (limber_exercise_get_id (exercise));
          best_length = length;
        }
    }
  g_assert_nonnull (best);
  return g_steal_pointer (&best);
}

static void
advance_ms (gint64 ms)
{
  limber_virtual_clock_advance (clock_, ms * 1000);
  limber_player_view_refresh (view);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The window's size on screen (its surface); without a compositor GTK
 * draws a thin frame of its own inside that, which is not content. */
static int
surface_width (void)
{
  return gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (window)));
}

static int
surface_height (void)
{
  return gdk_surface_get_height (gtk_native_get_surface (GTK_NATIVE (window)));
}

static void
resize (const Size *size)
{
  /* Xvfb has no window manager to make a shown window fullscreen; GTK
   * does it itself for a window about to be shown, so the window is hidden
   * and shown again, at the screen's size */
  if (size->fullscreen != gtk_window_is_fullscreen (window))
    {
      gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
      if (size->fullscreen)
        gtk_window_fullscreen (window);
      else
        gtk_window_unfullscreen (window);
      gtk_window_set_default_size (window, size->width, size->height);
      gtk_window_present (window);
    }
  gtk_window_set_default_size (window, size->width, size->height);
  for (int i = 0; i < 200; i++)
    {
      if (surface_width () == size->width && surface_height () == size->height &&
          gtk_window_is_fullscreen (window) == size->fullscreen)
        break;
      g_usleep (10000);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  if (surface_width () != size->width || surface_height () != size->height ||
      gtk_window_is_fullscreen (window) != size->fullscreen)
    g_error ("the window is %d×%d%s, not %s", surface_width (), surface_height (),
             gtk_window_is_fullscreen (window) ? " fullscreen" : "", size->name);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
}

static void
assert_inside_window (const char *child_name,
                      const char *where)
{
  GtkWidget *child = limber_test_child (view, child_name);
  graphene_rect_t bounds;
  int w = gtk_widget_get_width (GTK_WIDGET (window));
  int h = gtk_widget_get_height (GTK_WIDGET (window));

  g_assert_true (gtk_widget_get_mapped (child));
  g_assert_true (gtk_widget_compute_bounds (child, GTK_WIDGET (window), &bounds));
  if (bounds.origin.x < -0.5 || bounds.origin.y < -0.5 ||
      bounds.origin.x + bounds.size.width > w + 0.5 || bounds.origin.y + bounds.size.height > h + 0.5 ||
      bounds.size.width < 1 || bounds.size.height < 1)
    g_error ("%s: %s is at %.0f,%.0f %.0f×%.0f, outside the %d×%d window", where, child_name,
             bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height, w, h);
}

static void
check_phase (const Size *size,
             const char *scale,
             const char *theme,
             const char *phase)
{
  g_autofree char *where = g_strdup_printf ("%s, text %s, %s, %s", size->name, scale, theme, phase);
  g_autofree char *png = g_strdup_printf ("player-%s-%s-%s-%s.png", size->name, scale, phase, theme);

  limber_player_view_refresh (view);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  assert_inside_window ("countdown", where);
  assert_inside_window ("seconds_label", where);
  assert_inside_window ("phase_label", where);
  assert_inside_window ("pause_button", where);
  assert_inside_window ("hurts_button", where);
  if (size->fullscreen)
    {
      int digit = limber_digits_get_digit_height (limber_test_child (view, "seconds_label"));

      if (digit * 4 < size->height)
        g_error ("%s: the digits are %d px tall, less than a quarter of %d", where, digit, size->height);
      g_assert_false (gtk_widget_get_visible (limber_test_child (view, "header_bar")));
    }
  else
    g_assert_true (gtk_widget_get_visible (limber_test_child (view, "header_bar")));
  limber_test_screenshot (GTK_WIDGET (window), png);
}

static void
play_through (const Size *size,
              const char *scale,
              const char *theme)
{
  clock_ = limber_virtual_clock_new (1000 * G_USEC_PER_SEC);
  limber_player_view_set_clock (view, LIMBER_CLOCK (clock_));
  g_object_unref (clock_);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-routine", "s", "layout");
  WAIT_FOR (limber_player_view_get_player (view) != NULL);
  WAIT_FOR (!adw_leaflet_get_child_transition_running (limber_test_child (window, "leaflet")));

  /* get ready 5 s, hold left 30 s, switch 10 s, hold right 30 s, rest 15 s */
  advance_ms (2000);
  check_phase (size, scale, theme, "get-ready");
  advance_ms (10000);
  check_phase (size, scale, theme, "hold");
  advance_ms (26000);
  check_phase (size, scale, theme, "switch-sides");
  advance_ms (20000);
  gtk_widget_activate_action (GTK_WIDGET (view), "player.toggle-pause", NULL);
  check_phase (size, scale, theme, "paused");
  gtk_widget_activate_action (GTK_WIDGET (view), "player.toggle-pause", NULL);
  advance_ms (25000);
  check_phase (size, scale, theme, "rest");
  /* the rest shows the coming exercise, the last: nothing is "next" */
  g_assert_cmpstr (gtk_label_get_label (limber_test_child (view, "name_label")), ==, "Standing calf stretch");
  g_assert_cmpstr (gtk_label_get_label (limber_test_child (view, "next_label")), ==, "Last exercise");

  gtk_widget_activate_action (GTK_WIDGET (view), "player.stop-pain", NULL);
  gtk_widget_activate_action (GTK_WIDGET (view), "player.done", NULL);
  WAIT_FOR (limber_player_view_get_player (view) == NULL);
  WAIT_FOR (!adw_leaflet_get_child_transition_running (limber_test_child (window, "leaflet")));
}

static void
test_sizes (gconstpointer data)
{
  const char *scale = data;
  GtkSettings *settings = gtk_settings_get_default ();
  AdwStyleManager *style = adw_style_manager_get_default ();

  g_object_set (settings, "gtk-xft-dpi", g_str_equal (scale, "1.5x") ? 96 * 1024 * 3 / 2 : 96 * 1024, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      resize (&sizes[i]);
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
      play_through (&sizes[i], scale, "light");
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
      play_through (&sizes[i], scale, "dark");
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  resize (&sizes[1]);
}

/* The toast on show in the window's overlay, or NULL. */
static GtkWidget *
find_toast (void)
{
  GtkWidget *overlay = limber_test_child (window, "toast_overlay");

  for (GtkWidget *c = gtk_widget_get_first_child (overlay); c; c = gtk_widget_get_next_sibling (c))
    if (g_str_equal (G_OBJECT_TYPE_NAME (c), "AdwToastWidget") && gtk_widget_get_mapped (c))
      return c;
  return NULL;
}

/* A toast while a routine plays, at every size: the longest kind the
 * window shows (a title that wraps and a button, as "… deleted, Undo"),
 * and one that stays until dismissed (an error). Stop — This Hurts is
 * never under it. */
static void
test_toast (gconstpointer data)
{
  const char *scale = data;
  AdwToastOverlay *overlay = limber_test_child (window, "toast_overlay");

  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi",
                g_str_equal (scale, "1.5x") ? 96 * 1024 * 3 / 2 : 96 * 1024, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    for (guint kind = 0; kind < 2; kind++)
      {
        g_autofree char *where = g_strdup_printf ("%s, text %s, toast %u", sizes[i].name, scale, kind);
        g_autofree char *png = g_strdup_printf ("player-toast-%s-%s-%u.png", sizes[i].name, scale, kind);
        g_autoptr(AdwToast) toast = NULL;
        GtkWidget *shown;
        graphene_rect_t button, over;

        resize (&sizes[i]);
        clock_ = limber_virtual_clock_new (1000 * G_USEC_PER_SEC);
        limber_player_view_set_clock (view, LIMBER_CLOCK (clock_));
        g_object_unref (clock_);
        gtk_widget_activate_action (GTK_WIDGET (window), "win.start-routine", "s", "layout");
        WAIT_FOR (limber_player_view_get_player (view) != NULL);
        WAIT_FOR (!adw_leaflet_get_child_transition_running (limber_test_child (window, "leaflet")));
        advance_ms (8000);

        if (kind == 0)
          {
            toast = adw_toast_new ("“Oberschenkelrückseitendehnungsprogramm für Langstreckenläuferinnen” deleted");
            adw_toast_set_button_label (toast, "_Undo");
          }
        else
          {
            /* as limber_ui_show_error_toast() makes them */
            toast = adw_toast_new ("Not exported: the journal could not be read (disk I/O error)");
            adw_toast_set_timeout (toast, 0);
          }
        adw_toast_overlay_add_toast (overlay, g_object_ref (toast));
        WAIT_FOR (find_toast () != NULL);
        /* its animation in over */
        limber_test_settle ();
        gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
        shown = find_toast ();
        g_assert_nonnull (shown);
        assert_inside_window ("hurts_button", where);
        g_assert_true (gtk_widget_compute_bounds (limber_test_child (view, "hurts_button"), GTK_WIDGET (window), &button));
        g_assert_true (gtk_widget_compute_bounds (shown, GTK_WIDGET (window), &over));
        g_test_message ("%s: the button at %.0f,%.0f %.0f×%.0f, the toast at %.0f,%.0f %.0f×%.0f", where,
                        button.origin.x, button.origin.y, button.size.width, button.size.height,
                        over.origin.x, over.origin.y, over.size.width, over.size.height);
        if (graphene_rect_intersection (&button, &over, NULL))
          g_error ("%s: the toast at %.0f,%.0f %.0f×%.0f covers Stop — This Hurts at %.0f,%.0f %.0f×%.0f", where,
                   over.origin.x, over.origin.y, over.size.width, over.size.height,
                   button.origin.x, button.origin.y, button.size.width, button.size.height);
        /* and the button still takes a click there */
        {
          GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (window), button.origin.x + button.size.width / 2,
                                               button.origin.y + button.size.height / 2, GTK_PICK_DEFAULT);

          g_assert_nonnull (picked);
          g_assert_true (picked == limber_test_child (view, "hurts_button") ||
                         gtk_widget_is_ancestor (picked, limber_test_child (view, "hurts_button")));
        }
        limber_test_screenshot (GTK_WIDGET (window), png);

        /* dismissed, so that the next one is shown at once */
        adw_toast_dismiss (toast);
        WAIT_FOR (find_toast () == NULL);
        gtk_widget_activate_action (GTK_WIDGET (view), "player.stop-pain", NULL);
        gtk_widget_activate_action (GTK_WIDGET (view), "player.done", NULL);
        WAIT_FOR (limber_player_view_get_player (view) == NULL);
        WAIT_FOR (!adw_leaflet_get_child_transition_running (limber_test_child (window, "leaflet")));
      }
  resize (&sizes[1]);
}

/* The rest of the window at a phone's width: the list with the view
 * switcher at the bottom, a routine's page and the history. */
static void
test_narrow_window (gconstpointer data)
{
  const char *scale = data;
  AdwLeaflet *leaflet = limber_test_child (window, "leaflet");
  AdwViewStack *stack = limber_test_child (window, "view_stack");
  g_autofree char *list_png = g_strdup_printf ("window-360x640-%s-routines.png", scale);
  g_autofree char *routine_png = g_strdup_printf ("window-360x640-%s-routine.png", scale);
  g_autofree char *history_png = g_strdup_printf ("window-360x640-%s-history.png", scale);

  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi",
                g_str_equal (scale, "1.5x") ? 96 * 1024 * 3 / 2 : 96 * 1024, NULL);
  resize (&sizes[0]);
  adw_view_stack_set_visible_child_name (stack, "routines");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  /* the title has no room for the switcher: it moves to the bottom */
  g_assert_true (adw_view_switcher_bar_get_reveal (limber_test_child (window, "switcher_bar")));
  limber_test_screenshot (GTK_WIDGET (window), list_png);

  limber_window_show_routine (LIMBER_WINDOW (window),
                              limber_catalog_lookup_routine (limber_application_get_catalog (app), longest_routine));
  WAIT_FOR (!adw_leaflet_get_child_transition_running (leaflet));
  limber_test_screenshot (GTK_WIDGET (window), routine_png);
  adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  WAIT_FOR (!adw_leaflet_get_child_transition_running (leaflet));

  adw_view_stack_set_visible_child_name (stack, "history");
  limber_test_screenshot (GTK_WIDGET (window), history_png);
  adw_view_stack_set_visible_child_name (stack, "routines");
  resize (&sizes[1]);
}

/* The History page with ten years in the journal (the worst real case: a
 * year of rows, the calendar, the longest chart and notes in three
 * scripts), at every size, text scale and theme: the range chooser, the
 * chart, the calendar and the list lie within the window's width, and the
 * page scrolls rather than grows. */
static void
fill_ten_years (void)
{
  LimberJournal *journal = limber_application_get_journal (app);
  sqlite3 *db = _limber_journal_get_handle_for_testing (journal);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr(GDateTime) first = g_date_time_add_days (today, -3650);

  /* a test-only shortcut: ten years of fsyncs would take minutes */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA synchronous = OFF", NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < 3650; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (first, i);

      bench_add_day (journal, day, i);
    }
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA synchronous = FULL", NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
assert_within_width (GtkWidget  *widget,
                     const char *where)
{
  graphene_rect_t bounds;
  int w = gtk_widget_get_width (GTK_WIDGET (window));

  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (window), &bounds));
  if (bounds.origin.x < -0.5 || bounds.origin.x + bounds.size.width > w + 0.5 || bounds.size.width < 1)
    g_error ("%s: %s is at x %.0f, %.0f wide, outside the %d-wide window", where,
             G_OBJECT_TYPE_NAME (widget), bounds.origin.x, bounds.size.width, w);
}

static void
test_history_sizes (gconstpointer data)
{
  const char *scale = data;
  AdwViewStack *stack = limber_test_child (window, "view_stack");
  LimberHistoryPage *page = limber_window_get_history_page (LIMBER_WINDOW (window));
  AdwStyleManager *style = adw_style_manager_get_default ();
  static const char *themes[] = { "light", "dark" };

  if (g_str_equal (scale, "1x"))
    fill_ten_years ();
  limber_history_page_reload (page);
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi",
                g_str_equal (scale, "1.5x") ? 96 * 1024 * 3 / 2 : 96 * 1024, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
      {
        g_autofree char *where = g_strdup_printf ("history, %s, text %s, %s", sizes[i].name, scale, themes[t]);
        g_autofree char *png = g_strdup_printf ("history-%s-%s-%s.png", sizes[i].name, scale, themes[t]);

        resize (&sizes[i]);
        adw_style_manager_set_color_scheme (style, t == 0 ? ADW_COLOR_SCHEME_FORCE_LIGHT
                                                          : ADW_COLOR_SCHEME_FORCE_DARK);
        adw_view_stack_set_visible_child_name (stack, "history");
        gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
        g_assert_cmpstr (gtk_stack_get_visible_child_name (limber_test_child (page, "stack")), ==, "history");
        /* the range the chart shows is the one the chooser names */
        g_assert_cmpuint (gtk_drop_down_get_selected (limber_test_child (page, "range_dropdown")), ==, 1);
        assert_within_width (limber_test_child (page, "range_dropdown"), where);
        assert_within_width (limber_test_child (page, "chart"), where);
        assert_within_width (limber_test_child (page, "calendar"), where);
        assert_within_width (limber_test_child (page, "journal_row"), where);
        limber_test_screenshot (GTK_WIDGET (window), png);
      }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  adw_view_stack_set_visible_child_name (stack, "routines");
  resize (&sizes[1]);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  g_autofree char *routines = NULL;
  g_autofree char *routine_file = NULL;
  g_autofree char *routine = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  home = g_dir_make_tmp ("limber-layout-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  gtk_test_init (&argc, &argv, NULL);

  /* the longest exercise on each side, then a rest before a second one */
  longest_id = find_longest_exercise ();
  routines = g_build_filename (home, "limber", "routines", NULL);
  g_mkdir_with_parents (routines, 0700);
  routine_file = g_build_filename (routines, "layout.routine", NULL);
  routine = g_strdup_printf ("[Routine]\nId=layout\nName=Layout check\n"
                             "[Step 1]\nExercise=%s\nHold=30\nRest=15\n"
                             "[Step 2]\nExercise=standing-calf\nHold=30\n", longest_id);
  g_assert_true (g_file_set_contents (routine_file, routine, -1, NULL));

  app = limber_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  view = limber_window_get_player_view (LIMBER_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_test_message ("the longest instructions: %s", longest_id);

  g_test_add_data_func ("/player-layout/text-1x", "1x", test_sizes);
  g_test_add_data_func ("/player-layout/text-1.5x", "1.5x", test_sizes);
  g_test_add_data_func ("/player-layout/toast/text-1x", "1x", test_toast);
  g_test_add_data_func ("/player-layout/toast/text-1.5x", "1.5x", test_toast);
  g_test_add_data_func ("/window-narrow/text-1x", "1x", test_narrow_window);
  g_test_add_data_func ("/window-narrow/text-1.5x", "1.5x", test_narrow_window);
  g_test_add_data_func ("/history-layout/text-1x", "1x", test_history_sizes);
  g_test_add_data_func ("/history-layout/text-1.5x", "1.5x", test_history_sizes);

  status = g_test_run ();

  gtk_window_destroy (window);
  g_object_unref (app);
  g_free (longest_id);
  return status;
}
