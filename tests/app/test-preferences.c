/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Preferences as a person sets them: reminders on and off (with the login
 * service started, or a message when it cannot be), times checked before they are kept, routine reminders
 * added, changed and removed. */
#include <glib/gstdio.h>

#include "limber-application.h"
#include "limber-preferences-window.h"
#include "limber-reminders-client.h"
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

static char *
autostart_path (const char *name)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", name, NULL);
}

/* Turning reminders on starts the service (LIMBER_REMINDERS_BIN here) and
 * writes nothing into the home: the session's autostart entry is the
 * system's. The entry an older Limber wrote was removed at start; another
 * program's entry was not. */
static void
test_enable_reminders (void)
{
  LimberPreferencesWindow *prefs = open_preferences ();
  g_autofree char *old = autostart_path ("io.github.limber.Limber.Reminders.desktop");
  g_autofree char *other = autostart_path ("other.desktop");
  LimberRemindersClient *client = NULL;

  g_object_get (window, "reminders", &client, NULL);
  g_assert_false (g_file_test (old, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));

  gtk_switch_set_active (limber_test_child (prefs, "enabled_switch"), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "reminders-enabled"));
  limber_test_settle ();
  g_assert_false (g_file_test (old, G_FILE_TEST_EXISTS));
  g_assert_null (limber_reminders_client_get_start_error (client));
  g_assert_true (g_settings_get_boolean (settings, "reminders-enabled"));
  limber_test_screenshot (GTK_WIDGET (prefs), "preferences.png");

  gtk_switch_set_active (limber_test_child (prefs, "enabled_switch"), FALSE);
  close_preferences (prefs);
  g_object_unref (client);
}

static void
screenshot_cannot_start (int         width,
                         int         height,
                         const char *suffix)
{
  for (guint dark = 0; dark < 2; dark++)
    {
      g_autofree char *name = g_strdup_printf ("reminders-cannot-start-%s%s.png", suffix, dark ? "-dark" : "");

      /* no window manager under Xvfb: a hidden window takes its new size when shown */
      gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
      gtk_window_set_default_size (window, width, height);
      gtk_window_present (window);
      WAIT_FOR (ABS (gtk_widget_get_width (GTK_WIDGET (window)) - width) <= 64);
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_DEFAULT);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      limber_test_screenshot (GTK_WIDGET (window), name);
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

/* A partial install: the service's program is missing. The switch goes
 * back off and the window says why, in plain text, until dismissed. */
static void
test_cannot_start (void)
{
  LimberPreferencesWindow *prefs = open_preferences ();
  GtkSwitch *enabled = limber_test_child (prefs, "enabled_switch");
  GtkRevealer *revealer = limber_test_child (window, "reminders_error_revealer");
  GtkLabel *label = limber_test_child (window, "reminders_error_label");
  g_autofree char *missing = g_build_filename (g_get_user_data_dir (), "no-limber-reminders", NULL);
  g_autofree char *saved = g_strdup (g_getenv ("LIMBER_REMINDERS_BIN"));
  int width, height;

  g_setenv ("LIMBER_REMINDERS_BIN", missing, TRUE);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  gtk_switch_set_active (enabled, TRUE);
  WAIT_FOR (!g_settings_get_boolean (settings, "reminders-enabled"));
  WAIT_FOR (!gtk_switch_get_active (enabled));
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_cmpstr (gtk_label_get_label (label), ==,
                   "Reminders could not start: limber-reminders is not installed. "
                   "Install the Limber package’s reminder service, or reinstall Limber.");
  g_assert_false (gtk_label_get_use_markup (label));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (gtk_revealer_get_child (revealer))),
                   ==, GTK_ACCESSIBLE_ROLE_ALERT);
  close_preferences (prefs);

  gtk_window_get_default_size (window, &width, &height);
  screenshot_cannot_start (360, 640, "360");
  screenshot_cannot_start (1280, 800, "1280");
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  gtk_window_set_default_size (window, width, height);
  gtk_window_present (window);

  /* the dismiss button, last in the message */
  g_signal_emit_by_name (gtk_widget_get_last_child (gtk_revealer_get_child (revealer)), "clicked");
  WAIT_FOR (!gtk_revealer_get_reveal_child (revealer));
  g_setenv ("LIMBER_REMINDERS_BIN", saved, TRUE);
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

  /* the entry an older Limber wrote into the home, and another program's */
  {
    g_autofree char *dir = g_build_filename (home, "autostart", NULL);
    g_autofree char *old = g_build_filename (dir, "io.github.limber.Limber.Reminders.desktop", NULL);
    g_autofree char *other = g_build_filename (dir, "other.desktop", NULL);

    g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
    g_assert_true (g_file_set_contents (old, "[Desktop Entry]\nType=Application\nName=Limber Reminders\n"
                                        "Exec=/usr/bin/limber-reminders\nIcon=io.github.limber.Limber\n"
                                        "NoDisplay=true\nX-GNOME-Autostart-enabled=true\n", -1, NULL));
    g_assert_true (g_file_set_contents (other, "[Desktop Entry]\nType=Application\nName=Other\n"
                                        "Exec=limber-reminders\n", -1, NULL));
  }

  app = limber_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  settings = limber_application_get_settings (app);
  g_assert_nonnull (settings);

  g_test_add_func ("/preferences/enable-reminders", test_enable_reminders);
  g_test_add_func ("/preferences/cannot-start", test_cannot_start);
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
