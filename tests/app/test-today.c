/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Today page as a person meets it: the welcome on a first run, then
 * one thing to do now (a planned routine first, else one for the time of
 * day), today's check-in, the streak, this week's minutes and the next
 * reminder, at a phone's width and a laptop's, light and dark. */
#include "limber-application.h"
#include "limber-journal-programs.h"
#include "limber-journal-stats.h"
#include "limber-progression.h"
#include "limber-today-page.h"
#include "limber-window.h"
#include "test-utils.h"

static LimberApplication *app;
static GtkWindow *window;
static LimberTodayPage *page;
static GDateTime *fake_now;

static GDateTime *
now_func (gpointer user_data)
{
  return fake_now ? g_date_time_ref (fake_now) : g_date_time_new_now_local ();
}

/* Today at @hour:@minute, local time. */
static void
set_now (int hour,
         int minute)
{
  g_autoptr(GDateTime) real = g_date_time_new_now_local ();

  g_clear_pointer (&fake_now, g_date_time_unref);
  fake_now = g_date_time_new_local (g_date_time_get_year (real), g_date_time_get_month (real),
                                    g_date_time_get_day_of_month (real), hour, minute, 0);
  limber_today_page_set_now_func (page, now_func, NULL);
}

static const char *
subtitle (const char *row)
{
  return adw_action_row_get_subtitle (limber_test_child (page, row));
}

static void
resize (int width,
        int height)
{
  GdkSurface *surface;

  gtk_window_set_default_size (window, width, height);
  for (int i = 0; i < 200; i++)
    {
      surface = gtk_native_get_surface (GTK_NATIVE (window));
      if (gdk_surface_get_width (surface) == width && gdk_surface_get_height (surface) == height)
        break;
      g_usleep (10000);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  surface = gtk_native_get_surface (GTK_NATIVE (window));
  /* a page that needs more than the width would keep the window wider */
  g_assert_cmpint (gdk_surface_get_width (surface), ==, width);
  g_assert_cmpint (gdk_surface_get_height (surface), ==, height);
}

/* 360 and 1280 wide, 1x and 1.5x text, light and dark. */
static void
screenshots (const char *what)
{
  static const struct { const char *name; int width, height; } sizes[] = {
    { "narrow", 360, 640 },
    { "wide", 1280, 800 },
  };
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkSettings *settings = gtk_settings_get_default ();

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    for (int scale = 0; scale < 2; scale++)
      for (int dark = 0; dark < 2; dark++)
        {
          g_autofree char *name = g_strdup_printf ("today-%s-%s%s%s.png", what, sizes[i].name,
                                                   scale ? "-large-text" : "", dark ? "-dark" : "");

          g_object_set (settings, "gtk-xft-dpi", scale ? 96 * 1024 * 3 / 2 : 96 * 1024, NULL);
          adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                          : ADW_COLOR_SCHEME_FORCE_LIGHT);
          resize (sizes[i].width, sizes[i].height);
          gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
          limber_test_screenshot (GTK_WIDGET (window), name);
        }
  g_object_set (settings, "gtk-xft-dpi", 96 * 1024, NULL);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  resize (900, 700);
}

/* Stops the routine and leaves its summary, back to Today. */
static void
leave_player (void)
{
  LimberPlayerView *view = limber_window_get_player_view (LIMBER_WINDOW (window));
  AdwLeaflet *leaflet = limber_test_child (window, "leaflet");

  gtk_widget_activate_action (GTK_WIDGET (view), "player.stop", NULL);
  gtk_widget_activate_action (GTK_WIDGET (view), "player.done", NULL);
  WAIT_FOR (adw_leaflet_get_visible_child (leaflet) != GTK_WIDGET (view));
  adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  adw_view_stack_set_visible_child_name (limber_test_child (window, "view_stack"), "today");
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (page)));
}

/* Today is the first page; a first run is welcomed with two ways in. */
static void
test_welcome (void)
{
  GtkWidget *try_button = limber_test_child (page, "welcome_try_button");
  GVariant *target;

  g_assert_cmpstr (adw_view_stack_get_visible_child_name (limber_test_child (window, "view_stack")), ==, "today");
  set_now (9, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (limber_test_child (page, "stack")), ==, "welcome");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (try_button)), ==, "win.start-routine");
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (try_button));
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, "desk-break");
  /* the safety note is part of the welcome */
  g_assert_nonnull (strstr (adw_status_page_get_description (limber_test_child (page, "welcome_page")),
                            "does not diagnose"));
  screenshots ("welcome");
}

/* A six-minute session and a check-in today, never dated after the real
 * time (the journal refuses check-ins from the future, and the suite runs
 * at any hour): the page's own clock is set later the same day. */
static void
add_history (void)
{
  LimberJournal *journal = limber_application_get_journal (app);
  g_autoptr(GDateTime) real = g_date_time_new_now_local ();
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (real), g_date_time_get_month (real),
                                                         g_date_time_get_day_of_month (real), 0, 0, 0);
  g_autoptr(GDateTime) six_before = g_date_time_add_minutes (real, -6);
  GDateTime *start = g_date_time_compare (six_before, midnight) < 0 ? midnight : six_before;
  g_autoptr(GDateTime) end = g_date_time_add_minutes (start, 6);
  g_autoptr(LimberCheckin) checkin = limber_checkin_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = limber_journal_start_session (journal, "morning-hamstrings", "Morning hamstrings", start, 360000, &error);
  g_assert_no_error (error);
  g_assert_true (limber_journal_finish_session (journal, id, LIMBER_OUTCOME_COMPLETED, end, 360000, &error));
  g_date_time_unref (checkin->time);
  checkin->time = g_date_time_ref (real);
  checkin->pain = 3;
  checkin->stiffness = 4;
  g_assert_cmpint (limber_journal_add_checkin (journal, checkin, &error), >, 0);
  limber_window_journal_changed (LIMBER_WINDOW (window), NULL);
}

/* With a journal: one routine for now, with its reason, and the day. */
static void
test_today (void)
{
  GSettings *settings = limber_application_get_settings (app);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *planned = NULL;
  int weekday;

  /* with the History page built, a change to the journal reloads both */
  limber_window_get_history_page (LIMBER_WINDOW (window));
  add_history ();
  /* told by the window, not by its own clock: the welcome gives way */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (limber_test_child (page, "stack")), ==, "today");
  set_now (23, 59);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (limber_test_child (page, "stack")), ==, "today");

  /* the morning routine in the morning, with why */
  set_now (9, 0);
  g_assert_cmpstr (limber_today_page_get_suggested_routine (page), ==, "morning-hamstrings");
  g_assert_cmpstr (gtk_label_get_label (limber_test_child (page, "suggestion_title")), ==, "Morning hamstrings");
  g_assert_nonnull (strstr (gtk_label_get_label (limber_test_child (page, "suggestion_reason")), "night"));

  /* today's check-in, the streak and the week, seen at the day's end */
  set_now (23, 59);
  g_assert_true (g_str_has_prefix (subtitle ("checkin_row"), "Pain 3, stiffness 4, at "));
  g_assert_cmpstr (subtitle ("streak_row"), ==, "1 day in a row (best 1)");
  g_assert_cmpstr (subtitle ("week_row"), ==, "6 of 60 min");
  screenshots ("day");

  /* the evening routine late in the day */
  set_now (20, 30);
  g_assert_cmpstr (limber_today_page_get_suggested_routine (page), ==, "evening-wind-down");

  /* a warm-up planned for a run at 21:00 today comes first */
  now = g_date_time_ref (fake_now);
  weekday = g_date_time_get_day_of_week (now);
  g_settings_set_boolean (settings, "reminders-enabled", TRUE);
  g_settings_set_value (settings, "routine-reminders",
                        g_variant_new_parsed ("[(byte 21, byte 0, byte %y, 'pre-run-warm-up')]",
                                              (guint8) (1 << (weekday - 1))));
  set_now (20, 30);
  g_assert_cmpstr (limber_today_page_get_suggested_routine (page), ==, "pre-run-warm-up");
  planned = g_strdup (gtk_label_get_label (limber_test_child (page, "suggestion_reason")));
  g_assert_nonnull (strstr (planned, "21:00"));
  g_settings_reset (settings, "routine-reminders");
  g_settings_reset (settings, "reminders-enabled");

  /* the button starts the routine it names */
  set_now (13, 0);
  gtk_widget_activate (limber_test_child (page, "suggestion_button"));
  WAIT_FOR (limber_player_view_get_player (limber_window_get_player_view (LIMBER_WINDOW (window))) != NULL);
  leave_player ();
}

/* A session of @routine_id at @time, completed or stopped because it hurt. */
static void
add_session (GDateTime     *time,
             const char    *routine_id,
             LimberOutcome  outcome)
{
  LimberJournal *journal = limber_application_get_journal (app);
  g_autoptr(GDateTime) end = g_date_time_add_minutes (time, 5);
  g_autoptr(GError) error = NULL;
  gint64 id = limber_journal_start_session (journal, routine_id, routine_id, time, 300000, &error);

  g_assert_no_error (error);
  g_assert_true (limber_journal_finish_session (journal, id, outcome, end, 300000, &error));
}

static void
add_checkin (GDateTime *time,
             int        pain,
             int        stiffness)
{
  g_autoptr(LimberCheckin) checkin = limber_checkin_new ();
  g_autoptr(GError) error = NULL;

  g_date_time_unref (checkin->time);
  checkin->time = g_date_time_ref (time);
  checkin->pain = pain;
  checkin->stiffness = stiffness;
  g_assert_cmpint (limber_journal_add_checkin (limber_application_get_journal (app), checkin, &error), >, 0);
}

static guint
count_program_events (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = limber_journal_list_program_events (limber_application_get_journal (app),
                                                                    NULL, NULL, &error);

  g_assert_no_error (error);
  return events->len;
}

/* Whether the rules would move the level now, were they applied. */
static gboolean
change_due (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberProgressionDecision) d = limber_progression_evaluate (limber_application_get_journal (app),
                                                                        limber_application_get_catalog (app),
                                                                        fake_now, NULL, &error);

  g_assert_no_error (error);
  return d != NULL && d->action != LIMBER_PROGRESSION_STAY;
}

static guint
current_level (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberProgramState) state = limber_journal_get_current_program (limber_application_get_journal (app), &error);

  g_assert_no_error (error);
  return state ? state->level : 0;
}

/* Four weeks of a program, in the past so that nothing is dated after the
 * real time, recorded day by day and each time followed by the window's
 * journal-changed hook, which applies the rules: it moves up a level after
 * enough good days, the Today page says why, and it steps back after a
 * session stopped because it hurt. Drawing the page alone, with a change
 * due, writes nothing. */
static void
test_program_weeks (void)
{
  LimberCatalog *catalog = limber_application_get_catalog (app);
  LimberProgram *program = limber_catalog_lookup_program (catalog, "looser-hamstrings");
  LimberJournal *journal = limber_application_get_journal (app);
  g_autoptr(GDateTime) real = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day0 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *advanced_reason = NULL;
  guint highest = 1;
  guint drawn_with_change_due = 0;

  g_assert_nonnull (program);
  limber_window_set_now_func (LIMBER_WINDOW (window), now_func, NULL);
  {
    g_autoptr(GDateTime) ago = g_date_time_add_days (real, -30);

    day0 = g_date_time_new_local (g_date_time_get_year (ago), g_date_time_get_month (ago),
                                  g_date_time_get_day_of_month (ago), 8, 0, 0);
  }
  /* where the person starts from: pain 3, stiffness 4 the day before */
  {
    g_autoptr(GDateTime) before = g_date_time_add_days (day0, -1);

    add_checkin (before, 3, 4);
  }
  g_assert_true (limber_journal_start_program (journal, "looser-hamstrings", day0, &error));
  g_assert_no_error (error);

  for (int day = 0; day < 21; day++)
    {
      g_autoptr(GDateTime) morning = g_date_time_add_days (day0, day);
      g_autoptr(GDateTime) after = g_date_time_add_minutes (morning, 10);
      LimberRoutine *routine = limber_program_get_level_routine (program, current_level ());

      add_session (morning, limber_routine_get_id (routine), LIMBER_OUTCOME_COMPLETED);
      add_checkin (after, 2, 3);

      /* the page read that evening, before the window is told: it only
       * reads, even when the rules have a change due */
      g_clear_pointer (&fake_now, g_date_time_unref);
      fake_now = g_date_time_add_hours (morning, 12);
      {
        guint n_events = count_program_events ();
        guint level = current_level ();
        gboolean due = change_due ();

        limber_today_page_set_now_func (page, now_func, NULL);
        limber_today_page_reload (page);
        g_assert_cmpuint (count_program_events (), ==, n_events);
        g_assert_cmpuint (current_level (), ==, level);
        drawn_with_change_due += due;
        /* as after a session or check-in recorded in the window */
        limber_window_journal_changed (LIMBER_WINDOW (window), NULL);
        g_assert_cmpuint (count_program_events (), ==, n_events + due);
        /* told again, it writes nothing more */
        limber_window_journal_changed (LIMBER_WINDOW (window), NULL);
        g_assert_cmpuint (count_program_events (), ==, n_events + due);
      }
      if (current_level () > highest)
        {
          highest = current_level ();
          g_free (advanced_reason);
          advanced_reason = g_strdup (gtk_label_get_label (limber_test_child (page, "suggestion_reason")));
          g_test_message ("day %d: level %u: %s", day, highest, advanced_reason);
        }
    }
  /* it moved up, and said why in plain words */
  g_assert_cmpuint (drawn_with_change_due, >=, 2);
  g_assert_cmpuint (highest, >=, 3);
  g_assert_true (g_str_has_prefix (advanced_reason, "Next: "));
  {
    g_autofree char *heading = g_strdup_printf ("Your program · level %u of 4", current_level ());

    g_assert_cmpstr (gtk_label_get_label (limber_test_child (page, "suggestion_heading")), ==, heading);
  }
  g_assert_true (gtk_widget_get_visible (limber_test_child (page, "program_menu_button")));
  screenshots ("program");

  /* a session stopped because it hurt: one level back, and why */
  {
    g_autoptr(GDateTime) morning = g_date_time_add_days (day0, 21);
    guint before = current_level ();
    LimberRoutine *routine = limber_program_get_level_routine (program, before);

    add_session (morning, limber_routine_get_id (routine), LIMBER_OUTCOME_STOPPED_FOR_PAIN);
    g_clear_pointer (&fake_now, g_date_time_unref);
    fake_now = g_date_time_add_hours (morning, 12);
    limber_today_page_set_now_func (page, now_func, NULL);
    g_assert_cmpuint (current_level (), ==, before);
    limber_window_journal_changed (LIMBER_WINDOW (window), NULL);
    g_test_message ("after the flare: level %u: %s", current_level (), gtk_label_get_label (limber_test_child (page, "suggestion_reason")));
    g_assert_cmpuint (current_level (), ==, before - 1);
    g_assert_nonnull (strstr (gtk_label_get_label (limber_test_child (page, "suggestion_reason")),
                              "you stopped a session because it hurt"));
    screenshots ("program-flare");
  }

  /* the button plays today's level */
  gtk_widget_activate (limber_test_child (page, "suggestion_button"));
  WAIT_FOR (limber_player_view_get_player (limber_window_get_player_view (LIMBER_WINDOW (window))) != NULL);
  leave_player ();

  /* leaving is the person's choice at any time */
  g_assert_true (limber_journal_leave_program (journal, fake_now, &error));
  limber_today_page_reload (page);
  g_assert_false (gtk_widget_get_visible (limber_test_child (page, "program_menu_button")));
}

/* The runner's program: each level is a warm-up before the run and a
 * cool-down after it. Today offers the warm-up first, with its name, and
 * once it is done today, the cool-down; its button plays that part. */
static void
test_program_parts (void)
{
  LimberJournal *journal = limber_application_get_journal (app);
  g_autoptr(GDateTime) real = g_date_time_new_now_local ();
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (real), g_date_time_get_month (real),
                                                         g_date_time_get_day_of_month (real), 0, 0, 0);
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (real, -1);
  g_autoptr(GDateTime) six_before = g_date_time_add_minutes (real, -6);
  GDateTime *warm_up_at = g_date_time_compare (six_before, midnight) < 0 ? midnight : six_before;
  g_autoptr(GError) error = NULL;
  const char *title;
  LimberPlayer *player;

  g_assert_true (limber_journal_start_program (journal, "runners-warm-up-cool-down", yesterday, &error));
  g_assert_no_error (error);
  g_clear_pointer (&fake_now, g_date_time_unref);
  fake_now = g_date_time_ref (real);
  limber_window_journal_changed (LIMBER_WINDOW (window), NULL);
  limber_today_page_set_now_func (page, now_func, NULL);

  title = gtk_label_get_label (limber_test_child (page, "suggestion_title"));
  g_test_message ("%s", title);
  g_assert_cmpstr (title, ==, "Runner's warm-up and cool-down: Short and easy — Warm-up, before you run");
  g_assert_cmpstr (limber_today_page_get_suggested_routine (page), ==, "runners-warm-up-cool-down-level-1-part-1");
  g_assert_cmpstr (gtk_label_get_label (limber_test_child (page, "suggestion_heading")), ==,
                   "Your program · level 1 of 3");

  /* the warm-up done: the cool-down, after the run */
  add_session (warm_up_at, "runners-warm-up-cool-down-level-1-part-1", LIMBER_OUTCOME_COMPLETED);
  limber_window_journal_changed (LIMBER_WINDOW (window), NULL);
  title = gtk_label_get_label (limber_test_child (page, "suggestion_title"));
  g_test_message ("%s", title);
  g_assert_cmpstr (title, ==, "Runner's warm-up and cool-down: Short and easy — Cool-down, after your run");
  g_assert_cmpstr (limber_today_page_get_suggested_routine (page), ==, "runners-warm-up-cool-down-level-1-part-2");
  /* one part of the six sessions the level asks for */
  g_assert_cmpstr (gtk_label_get_label (limber_test_child (page, "suggestion_reason")), ==,
                   "Staying at level 1: 5 more sessions to go");
  screenshots ("program-parts");

  gtk_widget_activate (limber_test_child (page, "suggestion_button"));
  WAIT_FOR (limber_player_view_get_player (limber_window_get_player_view (LIMBER_WINDOW (window))) != NULL);
  player = limber_player_view_get_player (limber_window_get_player_view (LIMBER_WINDOW (window)));
  g_assert_cmpstr (limber_routine_get_id (limber_player_get_routine (player)), ==,
                   "runners-warm-up-cool-down-level-1-part-2");
  leave_player ();

  g_assert_true (limber_journal_leave_program (journal, fake_now, &error));
  limber_window_journal_changed (LIMBER_WINDOW (window), NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  home = g_dir_make_tmp ("limber-today-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", home, TRUE);

  gtk_test_init (&argc, &argv, NULL);

  app = limber_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (LIMBER_IS_WINDOW (window));
  page = limber_window_get_today_page (LIMBER_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_test_add_func ("/today/welcome", test_welcome);
  g_test_add_func ("/today/today", test_today);
  g_test_add_func ("/today/program-weeks", test_program_weeks);
  g_test_add_func ("/today/program-parts", test_program_parts);

  status = g_test_run ();

  gtk_window_destroy (window);
  g_object_unref (app);
  return status;
}
