/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Preferences as a person sets them: reminders on and off (with the login
 * autostart entry), times checked before they are kept, routine reminders
 * added, changed and removed. */
#include <glib/gstdio.h>

#include "limber-application.h"
#include "limber-preferences-window.h"
#include "limber-window.h"
#include "fake-ssip.h"
#include "test-utils.h"

static LimberApplication *app;
static GtkWindow *window;
static GSettings *settings;
static FakeSsip *speechd;

static LimberPreferencesWindow *
open_preferences (void)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_PREFERENCES_WINDOW) != NULL);
  return LIMBER_PREFERENCES_WINDOW (limber_test_find_toplevel (LIMBER_TYPE_PREFERENCES_WINDOW));
}

static void
close_preferences (LimberPreferencesWindow *prefs)
{
  gtk_window_close (GTK_WINDOW (prefs));
  WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_PREFERENCES_WINDOW) == NULL);
}

static void
test_enable_autostart (void)
{
  LimberPreferencesWindow *prefs = open_preferences ();
  g_autofree char *path = limber_reminders_get_autostart_path ();
  g_autoptr(GKeyFile) entry = g_key_file_new ();
  g_autofree char *exec = NULL;

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  gtk_switch_set_active (limber_test_child (prefs, "enabled_switch"), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "reminders-enabled"));
  WAIT_FOR (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_true (g_key_file_load_from_file (entry, path, 0, NULL));
  exec = g_key_file_get_string (entry, "Desktop Entry", "Exec", NULL);
  g_assert_cmpstr (exec, ==, g_getenv ("LIMBER_REMINDERS_BIN"));
  g_assert_true (g_key_file_get_boolean (entry, "Desktop Entry", "X-GNOME-Autostart-enabled", NULL));
  g_assert_true (g_key_file_get_boolean (entry, "Desktop Entry", "NoDisplay", NULL));
  limber_test_screenshot (GTK_WIDGET (prefs), "preferences.png");

  gtk_switch_set_active (limber_test_child (prefs, "enabled_switch"), FALSE);
  WAIT_FOR (!g_file_test (path, G_FILE_TEST_EXISTS));
  close_preferences (prefs);
}

static void
test_times_checked (void)
{
  LimberPreferencesWindow *prefs = open_preferences ();
  AdwEntryRow *row = limber_test_child (prefs, "checkin_time_row");
  g_autofree char *before = g_settings_get_string (settings, "checkin-time");
  g_autofree char *after = NULL;
  const char *bad[] = { "25:00", "7.30", "ten", "", "12:60", NULL };

  for (guint i = 0; bad[i]; i++)
    {
      g_autofree char *now = NULL;

      gtk_editable_set_text (GTK_EDITABLE (row), bad[i]);
      g_signal_emit_by_name (row, "apply");
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
      now = g_settings_get_string (settings, "checkin-time");
      g_assert_cmpstr (now, ==, before);
    }

  gtk_editable_set_text (GTK_EDITABLE (row), "7:05");
  g_signal_emit_by_name (row, "apply");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  after = g_settings_get_string (settings, "checkin-time");
  g_assert_cmpstr (after, ==, "07:05");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "07:05");

  /* quiet hours may run past midnight */
  gtk_editable_set_text (GTK_EDITABLE (limber_test_child (prefs, "quiet_start_row")), "23:15");
  g_signal_emit_by_name (limber_test_child (prefs, "quiet_start_row"), "apply");
  {
    g_autofree char *start = g_settings_get_string (settings, "quiet-hours-start");
    g_assert_cmpstr (start, ==, "23:15");
  }
  close_preferences (prefs);
}

/* The get-ready and switch-sides rows set the times every routine without
 * its own uses, at once. */
static void
test_player_timings (void)
{
  LimberPreferencesWindow *prefs = open_preferences ();
  LimberRoutine *routine = limber_catalog_lookup_routine (limber_application_get_catalog (app), "post-run-cool-down");

  g_assert_nonnull (routine);
  g_assert_cmpuint (gtk_spin_button_get_value_as_int (limber_test_child (prefs, "switch_spin")), ==, 10);
  g_assert_cmpuint (limber_routine_get_switch_sides (routine), ==, 10);

  gtk_spin_button_set_value (limber_test_child (prefs, "switch_spin"), 20);
  gtk_spin_button_set_value (limber_test_child (prefs, "prepare_spin"), 8);
  g_assert_cmpuint (g_settings_get_uint (settings, "switch-sides-seconds"), ==, 20);
  g_assert_cmpuint (g_settings_get_uint (settings, "get-ready-seconds"), ==, 8);
  g_assert_cmpuint (limber_routine_get_switch_sides (routine), ==, 20);
  g_assert_cmpuint (limber_routine_get_prepare (routine), ==, 8);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "general");
  limber_test_screenshot (GTK_WIDGET (prefs), "preferences-player.png");

  g_settings_reset (settings, "switch-sides-seconds");
  g_settings_reset (settings, "get-ready-seconds");
  g_assert_cmpuint (limber_routine_get_switch_sides (routine), ==, 10);
  close_preferences (prefs);
}

/* The voice row: turning it on says so, which also tries the connection;
 * a Speech Dispatcher that goes away is told in the row, with no dialog,
 * and the count-down row follows the voice switch. */
static void
test_voice_row (void)
{
  LimberPreferencesWindow *prefs = open_preferences ();
  AdwActionRow *row = limber_test_child (prefs, "voice_row");

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "general");
  g_assert_false (gtk_switch_get_active (limber_test_child (prefs, "voice_switch")));
  g_assert_false (gtk_widget_get_sensitive (limber_test_child (prefs, "count_down_row")));
  g_assert_false (gtk_widget_get_visible (limber_test_child (prefs, "voice_warning")));

  gtk_switch_set_active (limber_test_child (prefs, "voice_switch"), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "voice-coach"));
  g_assert_true (gtk_widget_get_sensitive (limber_test_child (prefs, "count_down_row")));
  g_assert_true (fake_ssip_wait_for (speechd, "TEXT Voice coach on.", 1));
  limber_test_screenshot (GTK_WIDGET (prefs), "preferences-voice.png");

  /* the daemon hangs up after the next message; the one after fails */
  fake_ssip_hang_up_after (speechd, fake_ssip_count (speechd, "TEXT ") + 1);
  limber_voice_speak (limber_application_get_voice (app), "Are you there?");
  g_assert_true (fake_ssip_wait_for (speechd, "EOF", 1));
  limber_voice_speak (limber_application_get_voice (app), "Still there?");
  WAIT_FOR (gtk_widget_get_visible (limber_test_child (prefs, "voice_warning")));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (row), "Unavailable: Speech Dispatcher does not answer"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "Sound cues still play."));
  g_assert_null (limber_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  limber_test_screenshot (GTK_WIDGET (prefs), "preferences-voice-unavailable.png");

  g_settings_set_boolean (settings, "voice-coach", FALSE);
  close_preferences (prefs);
}

static gsize
n_routine_reminders (void)
{
  g_autoptr(GVariant) value = g_settings_get_value (settings, "routine-reminders");

  return g_variant_n_children (value);
}

static void
test_routine_reminders (void)
{
  LimberPreferencesWindow *prefs = open_preferences ();
  g_autoptr(GVariant) value = NULL;
  guchar hour, minute, days;
  const char *id;

  value = g_settings_get_value (settings, "routine-reminders");
  g_assert_cmpuint (g_variant_n_children (value), ==, 1);
  g_clear_pointer (&value, g_variant_unref);

  /* Add: 18:30 on weekdays, the desk break */
  gtk_widget_activate (GTK_WIDGET (limber_test_child (prefs, "add_routine_button")));
  WAIT_FOR (n_routine_reminders () == 2);
  value = g_settings_get_value (settings, "routine-reminders");
  g_variant_get_child (value, 1, "(yyy&s)", &hour, &minute, &days, &id);
  g_assert_cmpuint (hour, ==, 18);
  g_assert_cmpuint (minute, ==, 30);
  g_assert_cmpuint (days, ==, 0x1f);
  g_assert_cmpstr (id, ==, "desk-break");
  limber_test_screenshot (GTK_WIDGET (prefs), "preferences-routine.png");
  close_preferences (prefs);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  home = g_dir_make_tmp ("limber-prefs-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  {
    g_autofree char *socket = g_build_filename (home, "speechd.sock", NULL);
    g_autofree char *nowhere = g_build_filename (home, "no-speech-dispatcher", NULL);

    /* the voice talks to the fake, and can start no real daemon */
    speechd = fake_ssip_new (socket);
    g_setenv ("SPEECHD_ADDRESS", fake_ssip_get_address (speechd), TRUE);
    g_setenv ("SPEECHD_CMD", nowhere, TRUE);
  }
  /* turning reminders on starts this instead of the real service */
  g_setenv ("LIMBER_REMINDERS_BIN", "/bin/true", TRUE);

  gtk_test_init (&argc, &argv, NULL);

  app = limber_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  settings = limber_application_get_settings (app);
  g_assert_nonnull (settings);

  g_test_add_func ("/preferences/enable-autostart", test_enable_autostart);
  g_test_add_func ("/preferences/times-checked", test_times_checked);
  g_test_add_func ("/preferences/routine-reminders", test_routine_reminders);
  g_test_add_func ("/preferences/player-timings", test_player_timings);
  g_test_add_func ("/preferences/voice-row", test_voice_row);

  status = g_test_run ();

  gtk_window_destroy (window);
  g_object_unref (app);
  fake_ssip_free (speechd);
  return status;
}
