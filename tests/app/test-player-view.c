/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The player as a person follows it, in virtual time: get ready, each side,
 * switching sides, the end summary and its rating, the controls, the
 * keyboard, sound cues, and stopping (with and without pain). */
#include <glib/gstdio.h>

#include "limber-application.h"
#include "limber-checkin-dialog.h"
#include "limber-digits.h"
#include "limber-illustration.h"
#include "limber-player-view.h"
#include "limber-rating.h"
#include "limber-window.h"
#include "fake-ssip.h"
#include "faulty-vfs.h"
#include <sqlite3.h>
#include "test-utils.h"

static LimberApplication *app;
static GtkWindow *window;
static LimberPlayerView *view;
static LimberVirtualClock *clock_;
static FakeSsip *speechd;

static void
screenshot (const char *name)
{
  limber_player_view_refresh (view);
  limber_test_screenshot (GTK_WIDGET (window), name);
}

static const char *
label_text (const char *name)
{
  GtkWidget *widget = limber_test_child (view, name);

  if (LIMBER_IS_DIGITS (widget))
    return limber_digits_get_text (LIMBER_DIGITS (widget));
  if (GTK_IS_INSCRIPTION (widget))
    return gtk_inscription_get_text (GTK_INSCRIPTION (widget));
  return gtk_label_get_label (GTK_LABEL (widget));
}

static LimberIllustration *
illustration (void)
{
  GtkWidget *countdown = limber_test_child (view, "countdown");

  return LIMBER_ILLUSTRATION (gtk_widget_get_first_child (countdown));
}

/* Moves virtual time forward and lets the window catch up. */
static void
advance_ms (gint64 ms)
{
  limber_virtual_clock_advance (clock_, ms * 1000);
  limber_player_view_refresh (view);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
start (const char *id)
{
  AdwLeaflet *leaflet = limber_test_child (window, "leaflet");

  clock_ = limber_virtual_clock_new (1000 * G_USEC_PER_SEC);
  limber_player_view_set_clock (view, LIMBER_CLOCK (clock_));
  g_object_unref (clock_);   /* the view keeps it */

  /* as the Start button on a routine's page does */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-routine", "s", id);
  WAIT_FOR (adw_leaflet_get_visible_child (leaflet) == GTK_WIDGET (view));
  g_assert_nonnull (limber_player_view_get_player (view));
}

static void
finish_and_leave (void)
{
  AdwLeaflet *leaflet = limber_test_child (window, "leaflet");

  gtk_widget_activate_action (GTK_WIDGET (view), "player.done", NULL);
  WAIT_FOR (adw_leaflet_get_visible_child (leaflet) != GTK_WIDGET (view));
}

static LimberSessionInfo *
latest_session (void)
{
  LimberJournal *journal = limber_application_get_journal (app);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;

  sessions = limber_journal_list_sessions (journal, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, >, 0);
  return g_boxed_copy (LIMBER_TYPE_SESSION_INFO, g_ptr_array_index (sessions, 0));
}

/* “Calves” is a user routine: standing calf, 30 s on each side. */
static void
test_each_side (void)
{
  LimberCues *cues = limber_application_get_cues (app);
  g_autoptr(LimberSessionInfo) session = NULL;
  g_autoptr(GPtrArray) parts = NULL;

  start ("calves");

  /* get ready: 5 s, the left side shown as drawn */
  g_assert_cmpstr (label_text ("phase_label"), ==, "Get Ready");
  g_assert_true (gtk_widget_has_css_class (limber_test_child (view, "phase_label"), "prepare"));
  g_assert_cmpstr (label_text ("name_label"), ==, "Standing calf stretch");
  g_assert_cmpstr (label_text ("detail_label"), ==, "Left side first");
  g_assert_cmpstr (label_text ("next_label"), ==, "Last exercise");
  advance_ms (2000);
  g_assert_cmpstr (label_text ("seconds_label"), ==, "3");
  /* 5 s to get ready, 30 s a side, and the default 10 s to switch */
  g_assert_cmpstr (label_text ("remaining_label"), ==, "1:13 left");
  g_assert_false (limber_illustration_get_mirrored (illustration ()));
  screenshot ("player-get-ready.png");

  /* hold, left side */
  advance_ms (3000);
  g_assert_cmpstr (label_text ("phase_label"), ==, "Hold");
  g_assert_cmpstr (limber_cues_get_last_event_id (cues), ==, "bell");
  advance_ms (10000);
  g_assert_cmpstr (label_text ("seconds_label"), ==, "20");
  g_assert_cmpstr (label_text ("detail_label"), ==, "Left side");
  g_assert_false (limber_illustration_get_mirrored (illustration ()));
  screenshot ("player-hold-left.png");

  /* the last three seconds are marked and counted down */
  advance_ms (17500);
  g_assert_true (gtk_widget_has_css_class (limber_test_child (view, "seconds_label"), "urgent"));
  g_assert_cmpstr (limber_cues_get_last_event_id (cues), ==, "audio-volume-change");

  /* switch sides: the picture turns round */
  advance_ms (3000);
  g_assert_cmpstr (label_text ("phase_label"), ==, "Switch Sides");
  g_assert_true (gtk_widget_has_css_class (limber_test_child (view, "phase_label"), "switch"));
  g_assert_cmpstr (label_text ("detail_label"), ==, "Now the right side");
  g_assert_true (limber_illustration_get_mirrored (illustration ()));
  g_assert_cmpstr (limber_cues_get_last_event_id (cues), ==, "message-new-instant");
  screenshot ("player-switch-sides.png");

  /* hold, right side */
  advance_ms (10000);
  g_assert_cmpstr (label_text ("phase_label"), ==, "Hold");
  g_assert_cmpstr (label_text ("detail_label"), ==, "Right side");
  g_assert_true (limber_illustration_get_mirrored (illustration ()));
  advance_ms (5000);
  screenshot ("player-hold-right.png");

  /* the end: a summary and the rating */
  advance_ms (25000);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (limber_test_child (view, "stack")), ==, "summary");
  g_assert_cmpstr (adw_status_page_get_title (limber_test_child (view, "summary_page")), ==, "Well Done");
  g_assert_nonnull (strstr (adw_status_page_get_description (limber_test_child (view, "summary_page")),
                            "1 of 1 exercise done, 0 skipped"));
  g_assert_cmpstr (limber_cues_get_last_event_id (cues), ==, "complete");

  /* one control, focused, moved with the arrow keys: from unset, Right
   * chooses 0, then 1, then 2, and each choice is saved with the session */
  {
    GtkWidget *rating = limber_test_child (view, "rating");

    g_assert_true (gtk_widget_has_focus (rating));
    g_assert_cmpint (limber_rating_get_value (LIMBER_RATING (rating)), ==, LIMBER_RATING_UNSET);
    for (int i = 0; i < 3; i++)
      g_assert_true (gtk_widget_activate_action (rating, "rating.move", "i", 1));
    g_assert_cmpint (limber_rating_get_value (LIMBER_RATING (rating)), ==, 2);
    g_assert_cmpint (limber_player_view_get_rating (view), ==, 2);
  }
  g_assert_cmpstr (label_text ("rating_saved_label"), ==, "Saved to your journal.");
  screenshot ("player-summary.png");

  /* Check In Now starts from that rating: pain 2, stiffness not chosen */
  {
    GtkWindow *dialog;

    gtk_widget_activate_action (GTK_WIDGET (view), "win.check-in", NULL);
    WAIT_FOR ((dialog = limber_test_find_toplevel (LIMBER_TYPE_CHECKIN_DIALOG)) != NULL);
    g_assert_cmpint (limber_rating_get_value (limber_test_child (dialog, "pain_rating")), ==, 2);
    g_assert_cmpint (limber_rating_get_value (limber_test_child (dialog, "stiffness_rating")), ==,
                     LIMBER_RATING_UNSET);
    gtk_window_close (dialog);
    WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_CHECKIN_DIALOG) == NULL);
  }

  session = latest_session ();
  g_assert_cmpstr (session->routine_id, ==, "calves");
  g_assert_cmpint (session->outcome, ==, LIMBER_OUTCOME_COMPLETED);
  g_assert_cmpint (session->rating, ==, 2);
  g_assert_cmpuint (session->active_ms, ==, 75000);
  parts = limber_journal_list_parts (limber_application_get_journal (app), session->id, NULL);
  g_assert_cmpuint (parts->len, ==, 2);
  g_assert_cmpint (((LimberPartInfo *) g_ptr_array_index (parts, 0))->side, ==, LIMBER_SIDE_LEFT);
  g_assert_cmpuint (((LimberPartInfo *) g_ptr_array_index (parts, 0))->done_ms, ==, 30000);
  g_assert_cmpint (((LimberPartInfo *) g_ptr_array_index (parts, 1))->side, ==, LIMBER_SIDE_RIGHT);

  finish_and_leave ();
}

/* Counted moves show a live count; pausing freezes the clock. */
static void
test_counted_and_pause (void)
{
  start ("desk-break");
  advance_ms (5000 + 6000 * 2 + 500);
  g_assert_cmpstr (label_text ("phase_label"), ==, "Move");
  g_assert_cmpstr (label_text ("detail_label"), ==, "Repetition 3 of 5");
  g_assert_cmpstr (label_text ("next_label"), ==, "Next: Chair hamstring stretch");
  screenshot ("player-counted.png");

  gtk_widget_activate_action (GTK_WIDGET (view), "player.toggle-pause", NULL);
  g_assert_cmpint (limber_player_get_state (limber_player_view_get_player (view)), ==, LIMBER_PLAYER_STATE_PAUSED);
  gtk_test_accessible_assert_property (limber_test_child (view, "pause_button"), GTK_ACCESSIBLE_PROPERTY_LABEL, "Resume");
  advance_ms (60000);
  g_assert_cmpstr (label_text ("detail_label"), ==, "Repetition 3 of 5");
  gtk_widget_activate_action (GTK_WIDGET (view), "player.toggle-pause", NULL);
  gtk_test_accessible_assert_property (limber_test_child (view, "pause_button"), GTK_ACCESSIBLE_PROPERTY_LABEL, "Pause");

  /* Next goes to the chair stretch */
  gtk_widget_activate_action (GTK_WIDGET (view), "player.next", NULL);
  g_assert_cmpstr (label_text ("name_label"), ==, "Chair hamstring stretch");
  g_assert_cmpstr (label_text ("phase_label"), ==, "Get Ready");

  /* Stop — this hurts: no question, logged as a stop for pain */
  gtk_widget_activate_action (GTK_WIDGET (view), "player.stop-pain", NULL);
  g_assert_cmpstr (adw_status_page_get_title (limber_test_child (view, "summary_page")), ==, "Stopped Because It Hurt");
  g_assert_nonnull (strstr (adw_status_page_get_description (limber_test_child (view, "summary_page")),
                            "health professional"));
  {
    g_autoptr(LimberSessionInfo) session = latest_session ();

    g_assert_cmpstr (session->routine_id, ==, "desk-break");
    g_assert_cmpint (session->outcome, ==, LIMBER_OUTCOME_STOPPED_FOR_PAIN);
    g_assert_cmpint (session->rating, ==, -1);
  }
  screenshot ("player-stopped-pain.png");
  finish_and_leave ();
}

/* Escape asks before throwing away more than a few seconds of work. */
static void
test_stop_asks (void)
{
  AdwMessageDialog *dialog;

  start ("calves");
  advance_ms (2000);
  /* early on, stopping needs no question */
  gtk_widget_activate_action (GTK_WIDGET (view), "player.stop", NULL);
  g_assert_null (limber_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_status_page_get_title (limber_test_child (view, "summary_page")), ==, "Routine Stopped");
  finish_and_leave ();

  start ("calves");
  advance_ms (20000);
  gtk_widget_activate_action (GTK_WIDGET (view), "player.stop", NULL);
  WAIT_FOR (limber_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  dialog = ADW_MESSAGE_DIALOG (limber_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  /* the question pauses the routine: nothing runs on underneath */
  g_assert_cmpint (limber_player_get_state (limber_player_view_get_player (view)), ==, LIMBER_PLAYER_STATE_PAUSED);
  advance_ms (30000);
  g_assert_cmpstr (label_text ("phase_label"), ==, "Hold");
  g_assert_cmpstr (label_text ("seconds_label"), ==, "15");
  /* “Keep Going” is the default */
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "continue");
  adw_message_dialog_response (dialog, "continue");
  gtk_window_close (GTK_WINDOW (dialog));
  WAIT_FOR (limber_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
  g_assert_cmpint (limber_player_get_state (limber_player_view_get_player (view)), ==, LIMBER_PLAYER_STATE_RUNNING);

  gtk_widget_activate_action (GTK_WIDGET (view), "player.stop", NULL);
  WAIT_FOR (limber_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  dialog = ADW_MESSAGE_DIALOG (limber_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (dialog, "stop");
  gtk_window_close (GTK_WINDOW (dialog));
  WAIT_FOR (limber_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
  g_assert_cmpstr (adw_status_page_get_title (limber_test_child (view, "summary_page")), ==, "Routine Stopped");
  {
    g_autoptr(LimberSessionInfo) session = latest_session ();
    g_assert_cmpint (session->outcome, ==, LIMBER_OUTCOME_STOPPED);
  }
  finish_and_leave ();
}

/* Playing costs one wake-up a second: the view's next refresh is at the
 * next whole second of the phase, never the next frame, and a paused
 * routine schedules nothing. */
static void
test_wakes_once_a_second (void)
{
  LimberPlayer *player;
  gint64 now;

  start ("calves");
  player = limber_player_view_get_player (view);
  now = limber_clock_now (LIMBER_CLOCK (clock_));
  g_assert_cmpint (limber_virtual_clock_get_next_deadline (clock_), ==, now + G_USEC_PER_SEC);

  /* 0.3 s later, pause for a while and resume: 0.7 s are left of the second */
  advance_ms (300);
  gtk_widget_activate_action (GTK_WIDGET (view), "player.toggle-pause", NULL);
  g_assert_cmpuint (limber_virtual_clock_get_n_pending (clock_), ==, 0);
  advance_ms (10000);
  gtk_widget_activate_action (GTK_WIDGET (view), "player.toggle-pause", NULL);
  now = limber_clock_now (LIMBER_CLOCK (clock_));
  g_assert_cmpint (limber_player_get_remaining (player) % G_USEC_PER_SEC, ==, 700000);
  g_assert_cmpint (limber_virtual_clock_get_next_deadline (clock_), ==, now + 700000);

  /* through a whole hold, the digits follow every second */
  for (int i = 0; i < 30; i++)
    {
      g_autofree char *expected = NULL;

      limber_virtual_clock_advance_to (clock_, limber_virtual_clock_get_next_deadline (clock_));
      while (g_main_context_iteration (NULL, FALSE))
        ;
      expected = g_strdup_printf ("%" G_GINT64_FORMAT,
                                  (limber_player_get_remaining (player) + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
      g_assert_cmpstr (label_text ("seconds_label"), ==, expected);
    }
  gtk_widget_activate_action (GTK_WIDGET (view), "player.stop-pain", NULL);
  finish_and_leave ();
}

/* With the voice coach on, the window's routine is spoken: the exercise and
 * side at get ready, the switch, and the end. Against the fake SSIP server
 * that main() points Speech Dispatcher's address at. */
static void
test_voice_follows (void)
{
  GSettings *settings = limber_application_get_settings (app);

  g_settings_set_boolean (settings, "voice-coach", TRUE);
  start ("calves");
  g_assert_true (fake_ssip_wait_for (speechd, "TEXT Standing calf stretch. Left side.", 1));
  advance_ms (5000 + 30000 + 500);
  g_assert_true (fake_ssip_wait_for (speechd, "TEXT Switch sides. Now the right side.", 1));
  /* pausing silences it at once */
  {
    guint cancels = fake_ssip_count (speechd, "CANCEL");

    gtk_widget_activate_action (GTK_WIDGET (view), "player.toggle-pause", NULL);
    g_assert_true (fake_ssip_wait_for (speechd, "CANCEL", cancels + 1));
    gtk_widget_activate_action (GTK_WIDGET (view), "player.toggle-pause", NULL);
  }
  advance_ms (40000);
  g_assert_true (fake_ssip_wait_for (speechd, "TEXT Well done. Routine complete.", 1));
  finish_and_leave ();
  g_settings_set_boolean (settings, "voice-coach", FALSE);
}

/* Any dialog over the window pauses the routine, unmistakably, and
 * closing it resumes; a routine the person paused stays paused. */
static void
test_dialog_pauses (void)
{
  GtkWindow *dialog;

  start ("calves");
  advance_ms (10000);
  g_assert_false (gtk_widget_get_visible (limber_test_child (view, "paused_box")));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.check-in", NULL);
  WAIT_FOR ((dialog = limber_test_find_toplevel (LIMBER_TYPE_CHECKIN_DIALOG)) != NULL);
  g_assert_cmpint (limber_player_get_state (limber_player_view_get_player (view)), ==, LIMBER_PLAYER_STATE_PAUSED);
  g_assert_true (gtk_widget_get_visible (limber_test_child (view, "paused_box")));
  g_assert_true (gtk_widget_has_css_class (limber_test_child (view, "coach"), "paused"));
  g_assert_cmpstr (adw_window_title_get_title (limber_test_child (view, "window_title")), ==, "Paused — Calves");
  advance_ms (60000);
  g_assert_cmpstr (label_text ("seconds_label"), ==, "25");

  gtk_window_close (dialog);
  WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_CHECKIN_DIALOG) == NULL);
  g_assert_cmpint (limber_player_get_state (limber_player_view_get_player (view)), ==, LIMBER_PLAYER_STATE_RUNNING);
  g_assert_false (gtk_widget_get_visible (limber_test_child (view, "paused_box")));
  g_assert_cmpstr (adw_window_title_get_title (limber_test_child (view, "window_title")), ==, "Calves");

  /* paused by the person: a dialog does not resume it when it closes */
  gtk_widget_activate_action (GTK_WIDGET (view), "player.toggle-pause", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.check-in", NULL);
  WAIT_FOR ((dialog = limber_test_find_toplevel (LIMBER_TYPE_CHECKIN_DIALOG)) != NULL);
  gtk_window_close (dialog);
  WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_CHECKIN_DIALOG) == NULL);
  g_assert_cmpint (limber_player_get_state (limber_player_view_get_player (view)), ==, LIMBER_PLAYER_STATE_PAUSED);

  gtk_widget_activate_action (GTK_WIDGET (view), "player.stop-pain", NULL);
  /* Escape leaves the summary */
  gtk_widget_activate_action (GTK_WIDGET (view), "player.stop-key", NULL);
  WAIT_FOR (adw_leaflet_get_visible_child (limber_test_child (window, "leaflet")) != GTK_WIDGET (view));
}

/* Closing the window mid-routine asks; Keep Going resumes, and Stop and
 * Close ends the session as stopped, not interrupted. Runs last: it
 * closes the window. */
static void
test_close_asks (void)
{
  AdwMessageDialog *dialog;
  GtkWindow *closing = window;
  g_autoptr(LimberSessionInfo) session = NULL;

  start ("calves");
  advance_ms (20000);
  gtk_window_close (window);
  WAIT_FOR (limber_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  dialog = ADW_MESSAGE_DIALOG (limber_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpint (limber_player_get_state (limber_player_view_get_player (view)), ==, LIMBER_PLAYER_STATE_PAUSED);
  adw_message_dialog_response (dialog, "continue");
  gtk_window_close (GTK_WINDOW (dialog));
  WAIT_FOR (limber_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
  g_assert_cmpint (limber_player_get_state (limber_player_view_get_player (view)), ==, LIMBER_PLAYER_STATE_RUNNING);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  g_object_add_weak_pointer (G_OBJECT (closing), (gpointer *) &closing);
  gtk_window_close (window);
  WAIT_FOR (limber_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  dialog = ADW_MESSAGE_DIALOG (limber_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (dialog, "stop");
  gtk_window_close (GTK_WINDOW (dialog));
  WAIT_FOR (closing == NULL);
  window = NULL;

  session = latest_session ();
  g_assert_cmpstr (session->routine_id, ==, "calves");
  g_assert_cmpint (session->outcome, ==, LIMBER_OUTCOME_STOPPED);
}

/* Space, the arrows and Escape are caught before the focused button. */
static void
test_keyboard (void)
{
  GtkShortcutController *shortcuts = NULL;
  GListModel *controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));
  static const struct { guint key; const char *action; } expected[] = {
    { GDK_KEY_space, "player.toggle-pause" },
    { GDK_KEY_Right, "player.next" },
    { GDK_KEY_Left, "player.previous" },
    { GDK_KEY_Escape, "player.stop-key" },
    { GDK_KEY_h, "player.stop-pain" },
  };

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_SHORTCUT_CONTROLLER (c) &&
          gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (c)) == GTK_PHASE_CAPTURE)
        shortcuts = GTK_SHORTCUT_CONTROLLER (c);
    }
  g_assert_nonnull (shortcuts);

  for (guint k = 0; k < G_N_ELEMENTS (expected); k++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (shortcuts)); i++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (shortcuts), i);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == expected[k].key &&
              GTK_IS_NAMED_ACTION (action) &&
              g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), expected[k].action))
            found = TRUE;
        }
      g_assert_true (found);
    }
  g_object_unref (controllers);
}

static void
collect_shortcuts (GtkWidget *widget,
                   GPtrArray *found)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_shortcuts (child, found);
}

/* The Keyboard Shortcuts window lists every key, and none without its key:
 * an entry names its keys itself or an action that has some. */
static void
test_shortcuts_window (void)
{
  GtkShortcutsWindow *help = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_autoptr(GPtrArray) shortcuts = g_ptr_array_new ();
  static const char *expected[] = { "h", "space", "Escape", "F11", "<Control>n", "<Control>q", "<Control>w", NULL };
  g_autoptr(GString) all = g_string_new (" ");

  g_assert_nonnull (help);
  collect_shortcuts (GTK_WIDGET (help), shortcuts);
  g_assert_cmpuint (shortcuts->len, >, 8);
  for (guint i = 0; i < shortcuts->len; i++)
    {
      g_autofree char *title = NULL, *accelerator = NULL, *action = NULL;

      g_object_get (g_ptr_array_index (shortcuts, i), "title", &title, "accelerator", &accelerator,
                    "action-name", &action, NULL);
      if (action != NULL)
        {
          g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), action);

          if (accels == NULL || accels[0] == NULL)
            g_error ("“%s” lists %s, which has no key", title, action);
          for (guint j = 0; accels[j]; j++)
            g_string_append_printf (all, "%s ", accels[j]);
        }
      else if (accelerator == NULL || *accelerator == '\0')
        g_error ("“%s” is listed without a key", title);
      else
        g_string_append_printf (all, "%s ", accelerator);
    }
  for (guint i = 0; expected[i]; i++)
    {
      g_autofree char *needle = g_strdup_printf (" %s ", expected[i]);

      if (strstr (all->str, needle) == NULL)
        g_error ("%s is not in the shortcuts window:%s", expected[i], all->str);
    }
}

/* Every control has a name for screen readers and a tooltip. */
static void
test_accessible_controls (void)
{
  static const struct { const char *child; const char *label; } controls[] = {
    { "previous_button", "Previous exercise" },
    { "pause_button", "Pause" },
    { "skip_button", "Skip this phase" },
    { "next_button", "Next exercise" },
  };

  start ("calves");
  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    {
      GtkWidget *button = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (view), LIMBER_TYPE_PLAYER_VIEW, controls[i].child);

      g_assert_nonnull (button);
      gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL, controls[i].label);
      g_assert_nonnull (gtk_widget_get_tooltip_text (button));
    }
  g_assert_nonnull (gtk_widget_get_tooltip_text (limber_test_child (view, "hurts_button")));
  g_assert_nonnull (gtk_widget_get_tooltip_text (limber_test_child (view, "stop_button")));
  gtk_test_accessible_assert_role (limber_test_child (view, "countdown"), GTK_ACCESSIBLE_ROLE_PROGRESS_BAR);
  gtk_widget_activate_action (GTK_WIDGET (view), "player.stop-pain", NULL);
  finish_and_leave ();
}

/* With sound cues turned off, none are asked for. */
static void
test_sound_off (void)
{
  LimberCues *cues = limber_application_get_cues (app);
  GSettings *settings = limber_application_get_settings (app);
  guint before;

  g_settings_set_boolean (settings, "sound-cues", FALSE);
  before = limber_cues_get_n_played (cues);
  start ("calves");
  advance_ms (40000);
  g_assert_cmpuint (limber_cues_get_n_played (cues), ==, before);
  gtk_widget_activate_action (GTK_WIDGET (view), "player.stop-pain", NULL);
  finish_and_leave ();
  g_settings_set_boolean (settings, "sound-cues", TRUE);
}

static void
test_dark (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  start ("calves");
  advance_ms (5000 + 30000 + 1000);
  screenshot ("player-switch-sides-dark.png");
  gtk_widget_activate_action (GTK_WIDGET (view), "player.stop-pain", NULL);
  finish_and_leave ();
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* The disk fills after the left side: the summary says what was saved and
 * why the rest was not, and the journal holds no "completed" session with a
 * side missing. Room again, the rating writes everything. */
static void
test_disk_full_summary (void)
{
  g_autoptr(LimberSessionInfo) session = NULL;
  g_autoptr(LimberSessionInfo) later = NULL;
  const char *description;

  start ("calves");
  advance_ms (5000 + 30000);
  faulty_vfs_arm (FAULTY_WRITE, 1, SQLITE_FULL, TRUE);
  advance_ms (10000 + 30000);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (limber_test_child (view, "stack")), ==, "summary");
  description = adw_status_page_get_description (limber_test_child (view, "summary_page"));
  g_test_message ("%s", description);
  g_assert_nonnull (strstr (description, "1 of 1 exercise done, 0 skipped"));
  g_assert_nonnull (strstr (description, "0 of 1 saved; 1 could not be written: the disk is full."));

  session = latest_session ();
  g_assert_cmpstr (session->routine_id, ==, "calves");
  g_assert_cmpint (session->outcome, ==, LIMBER_OUTCOME_IN_PROGRESS);
  g_assert_cmpuint (session->n_parts, ==, 1);

  faulty_vfs_disarm ();
  g_assert_true (gtk_widget_activate_action (limber_test_child (view, "rating"), "rating.move", "i", 1));
  g_assert_cmpstr (label_text ("rating_saved_label"), ==, "Saved to your journal.");
  later = latest_session ();
  g_assert_cmpint (later->id, ==, session->id);
  g_assert_cmpint (later->outcome, ==, LIMBER_OUTCOME_COMPLETED);
  g_assert_cmpuint (later->n_parts, ==, 2);
  g_assert_cmpint (later->rating, ==, 0);

  finish_and_leave ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  g_autofree char *routines = NULL;
  g_autofree char *routine_file = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  home = g_dir_make_tmp ("limber-player-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  routines = g_build_filename (home, "limber", "routines", NULL);
  g_mkdir_with_parents (routines, 0700);
  routine_file = g_build_filename (routines, "calves.routine", NULL);
  {
    g_autofree char *socket = g_build_filename (home, "speechd.sock", NULL);
    g_autofree char *nowhere = g_build_filename (home, "no-speech-dispatcher", NULL);

    /* the voice talks to the fake, and can start no real daemon */
    speechd = fake_ssip_new (socket);
    g_setenv ("SPEECHD_ADDRESS", fake_ssip_get_address (speechd), TRUE);
    g_setenv ("SPEECHD_CMD", nowhere, TRUE);
  }
  g_file_set_contents (routine_file, "[Routine]\nId=calves\nName=Calves\n[Step 1]\nExercise=standing-calf\nHold=30\n", -1, NULL);

  gtk_test_init (&argc, &argv, NULL);
  faulty_vfs_install ();

  app = limber_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (LIMBER_IS_WINDOW (window));
  g_assert_nonnull (limber_application_get_journal (app));
  view = limber_window_get_player_view (LIMBER_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_test_add_func ("/player/each-side", test_each_side);
  g_test_add_func ("/player/counted-and-pause", test_counted_and_pause);
  g_test_add_func ("/player/stop-asks", test_stop_asks);
  g_test_add_func ("/player/keyboard", test_keyboard);
  g_test_add_func ("/player/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/player/accessible-controls", test_accessible_controls);
  g_test_add_func ("/player/sound-off", test_sound_off);
  g_test_add_func ("/player/dark", test_dark);
  g_test_add_func ("/player/wakes-once-a-second", test_wakes_once_a_second);
  g_test_add_func ("/player/voice-follows", test_voice_follows);
  g_test_add_func ("/player/dialog-pauses", test_dialog_pauses);
  g_test_add_func ("/player/disk-full-summary", test_disk_full_summary);
  g_test_add_func ("/player/close-asks", test_close_asks);

  status = g_test_run ();

  if (window != NULL)
    gtk_window_destroy (window);
  g_object_unref (app);
  fake_ssip_free (speechd);
  return status;
}
