/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Preferences as a person sets them: reminders on and off (with the login
 * service started, or a message when it cannot be), times checked before
 * they are kept, routine reminders added, changed and removed, working
 * hours; and every control following its key while the window is open,
 * whoever changes it. */
#include <glib/gstdio.h>

#include "limber-application.h"
#include "limber-preferences-window-private.h"
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

static const char *
entry_text (gpointer entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

static GtkToggleButton *
day_toggle (LimberPreferencesWindow *prefs,
            guint                    day)
{
  g_autofree char *name = g_strdup_printf ("day%u", day);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (prefs->days_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gtk_widget_get_name (child), name) == 0)
      return GTK_TOGGLE_BUTTON (child);
  g_assert_not_reached ();
}

/* The start or end entry of span @i, and its message */
static GtkWidget *
span_part (LimberPreferencesWindow *prefs,
           guint                    i,
           const char              *part)
{
  GtkWidget *row = g_ptr_array_index (prefs->span_rows, i);
  /* Span's first members, as limber-preferences-window-hours.c lays them out */
  GtkWidget **span = g_object_get_data (G_OBJECT (row), "span");

  if (g_str_equal (part, "start"))
    return span[1];
  if (g_str_equal (part, "end"))
    return span[2];
  if (g_str_equal (part, "message-row"))
    return span[3];
  if (g_str_equal (part, "message"))
    return span[4];
  return span[5];  /* remove */
}

static char *
spans_setting (void)
{
  g_autoptr(GVariant) value = g_settings_get_value (settings, "working-hours-spans");

  return g_variant_print (value, FALSE);
}

/* Every key the window shows, changed from outside while it is open */
static void
test_follows_settings (void)
{
  LimberPreferencesWindow *prefs = open_preferences ();
  const char *keys[] = {
    "reminders-enabled", "break-reminders", "break-interval-minutes", "idle-break-minutes",
    "routine-reminders", "checkin-reminder", "checkin-time", "quiet-hours", "quiet-hours-start",
    "quiet-hours-end", "working-hours", "working-days", "working-hours-spans", "sound-cues",
    "weekly-goal-minutes", "get-ready-seconds", "switch-sides-seconds", "voice-coach",
    "voice-count-down",
  };
  AdwExpanderRow *routine;

  /* (starting and stopping the service itself: /preferences/enable-reminders) */
  g_settings_set_boolean (settings, "reminders-enabled", TRUE);
  g_assert_true (gtk_switch_get_active (prefs->enabled_switch));
  g_settings_set_boolean (settings, "reminders-enabled", FALSE);
  g_assert_false (gtk_switch_get_active (prefs->enabled_switch));

  g_settings_set_boolean (settings, "break-reminders", FALSE);
  g_assert_false (gtk_switch_get_active (prefs->breaks_switch));
  g_assert_false (gtk_widget_get_sensitive (prefs->interval_row));
  g_settings_set_uint (settings, "break-interval-minutes", 25);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (prefs->interval_spin), ==, 25);
  g_settings_set_uint (settings, "idle-break-minutes", 7);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (prefs->idle_spin), ==, 7);

  g_settings_set_value (settings, "routine-reminders",
                        g_variant_new_parsed ("[(byte 7, byte 5, byte 1, 'desk-break'), (21, 0, 96, 'evening-wind-down')]"));
  g_assert_cmpuint (prefs->routine_rows->len, ==, 2);
  routine = g_ptr_array_index (prefs->routine_rows, 0);
  g_assert_cmpstr (adw_expander_row_get_subtitle (routine), ==, "07:05, Mon");
  g_assert_cmpstr (entry_text (g_object_get_data (G_OBJECT (routine), "time-row")), ==, "07:05");
  routine = g_ptr_array_index (prefs->routine_rows, 1);
  g_assert_cmpstr (adw_expander_row_get_subtitle (routine), ==, "21:00, weekends");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (routine)), ==, "Evening wind-down");
  g_settings_set_value (settings, "routine-reminders", g_variant_new_parsed ("@a(yyys) []"));
  g_assert_cmpuint (prefs->routine_rows->len, ==, 0);

  g_settings_set_boolean (settings, "checkin-reminder", FALSE);
  g_assert_false (gtk_switch_get_active (prefs->checkin_switch));
  g_settings_set_string (settings, "checkin-time", "21:15");
  g_assert_cmpstr (entry_text (prefs->checkin_time_row), ==, "21:15");
  g_settings_set_boolean (settings, "quiet-hours", FALSE);
  g_assert_false (gtk_switch_get_active (prefs->quiet_switch));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (prefs->quiet_start_row)));
  g_settings_set_string (settings, "quiet-hours-start", "23:30");
  g_assert_cmpstr (entry_text (prefs->quiet_start_row), ==, "23:30");
  g_settings_set_string (settings, "quiet-hours-end", "06:45");
  g_assert_cmpstr (entry_text (prefs->quiet_end_row), ==, "06:45");

  g_settings_set_boolean (settings, "working-hours", TRUE);
  g_assert_true (gtk_switch_get_active (prefs->hours_switch));
  g_assert_true (gtk_widget_get_sensitive (prefs->days_row));
  g_settings_set_value (settings, "working-days", g_variant_new_byte (0x41));
  for (guint d = 0; d < 7; d++)
    g_assert_cmpint (gtk_toggle_button_get_active (day_toggle (prefs, d)), ==, d == 0 || d == 6);
  g_settings_set_value (settings, "working-hours-spans",
                        g_variant_new_parsed ("[('08:00', '12:00'), ('13:00', '17:30'), ('22:00', '06:00')]"));
  g_assert_cmpuint (prefs->span_rows->len, ==, 3);
  g_assert_cmpstr (entry_text (span_part (prefs, 1, "start")), ==, "13:00");
  g_assert_cmpstr (entry_text (span_part (prefs, 1, "end")), ==, "17:30");
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (prefs->span_rows, 2)), ==, "22:00 – 06:00");
  g_assert_cmpstr (adw_expander_row_get_subtitle (g_ptr_array_index (prefs->span_rows, 2)), ==, "Ends the next day");
  /* a hand-edited span the schedule leaves out says so */
  g_settings_set_value (settings, "working-hours-spans", g_variant_new_parsed ("[('9', '17:00')]"));
  g_assert_cmpuint (prefs->span_rows->len, ==, 1);
  g_assert_cmpstr (entry_text (span_part (prefs, 0, "start")), ==, "9");
  g_assert_true (gtk_widget_get_visible (span_part (prefs, 0, "message-row")));
  g_assert_false (gtk_widget_get_sensitive (span_part (prefs, 0, "remove")));
  g_settings_set_boolean (settings, "working-hours", FALSE);
  g_assert_false (gtk_switch_get_active (prefs->hours_switch));
  g_assert_false (gtk_widget_get_sensitive (prefs->days_row));

  g_settings_set_boolean (settings, "sound-cues", FALSE);
  g_assert_false (gtk_switch_get_active (prefs->sound_switch));
  g_settings_set_uint (settings, "weekly-goal-minutes", 90);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (prefs->goal_spin), ==, 90);
  g_settings_set_uint (settings, "get-ready-seconds", 9);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (prefs->prepare_spin), ==, 9);
  g_settings_set_uint (settings, "switch-sides-seconds", 15);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (prefs->switch_spin), ==, 15);
  g_settings_set_boolean (settings, "voice-count-down", FALSE);
  g_assert_false (gtk_switch_get_active (prefs->count_down_switch));
  g_settings_set_boolean (settings, "voice-coach", TRUE);
  g_assert_true (gtk_switch_get_active (prefs->voice_switch));
  g_assert_true (gtk_widget_get_sensitive (prefs->count_down_row));
  g_assert_true (fake_ssip_wait_for (speechd, "TEXT Voice coach on.", 1));
  g_settings_set_boolean (settings, "voice-coach", FALSE);
  g_assert_false (gtk_switch_get_active (prefs->voice_switch));

  /* and back to the defaults, shown as such */
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (settings, keys[i]);
  g_assert_true (gtk_switch_get_active (prefs->breaks_switch));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (prefs->interval_spin), ==, 50);
  g_assert_cmpstr (entry_text (prefs->checkin_time_row), ==, "20:00");
  g_assert_cmpstr (entry_text (prefs->quiet_end_row), ==, "07:00");
  g_assert_cmpuint (prefs->routine_rows->len, ==, 1);
  g_assert_cmpuint (prefs->span_rows->len, ==, 1);
  g_assert_cmpstr (entry_text (span_part (prefs, 0, "start")), ==, "09:00");
  g_assert_false (gtk_widget_get_visible (span_part (prefs, 0, "message-row")));
  for (guint d = 0; d < 7; d++)
    g_assert_cmpint (gtk_toggle_button_get_active (day_toggle (prefs, d)), ==, d < 5);
  close_preferences (prefs);
}

/* What the person is typing in a focused field stays when its key
 * changes elsewhere; applying it then wins */
static void
test_follows_keeps_typing (void)
{
  LimberPreferencesWindow *prefs = open_preferences ();
  GtkWidget *start;

  gtk_widget_grab_focus (GTK_WIDGET (prefs->quiet_start_row));
  gtk_editable_set_text (GTK_EDITABLE (prefs->quiet_start_row), "23:4");
  g_settings_set_string (settings, "quiet-hours-start", "21:00");
  g_assert_cmpstr (entry_text (prefs->quiet_start_row), ==, "23:4");
  gtk_editable_set_text (GTK_EDITABLE (prefs->quiet_start_row), "23:45");
  g_signal_emit_by_name (prefs->quiet_start_row, "apply");
  {
    g_autofree char *now = g_settings_get_string (settings, "quiet-hours-start");
    g_assert_cmpstr (now, ==, "23:45");
  }

  /* a focused field not typed in follows */
  g_settings_set_string (settings, "quiet-hours-start", "22:30");
  g_assert_cmpstr (entry_text (prefs->quiet_start_row), ==, "22:30");

  /* the same for a span */
  g_settings_set_boolean (settings, "working-hours", TRUE);
  start = span_part (prefs, 0, "start");
  adw_expander_row_set_expanded (g_ptr_array_index (prefs->span_rows, 0), TRUE);
  gtk_widget_grab_focus (start);
  gtk_editable_set_text (GTK_EDITABLE (start), "08:1");
  g_settings_set_value (settings, "working-hours-spans", g_variant_new_parsed ("[('07:00', '15:00')]"));
  g_assert_cmpstr (entry_text (start), ==, "08:1");
  g_assert_cmpstr (entry_text (span_part (prefs, 0, "end")), ==, "15:00");
  gtk_widget_grab_focus (GTK_WIDGET (prefs->hours_switch));
  g_settings_set_value (settings, "working-hours-spans", g_variant_new_parsed ("[('07:30', '15:00')]"));
  g_assert_cmpstr (entry_text (start), ==, "07:30");

  g_settings_reset (settings, "quiet-hours-start");
  g_settings_reset (settings, "working-hours");
  g_settings_reset (settings, "working-hours-spans");
  close_preferences (prefs);
}

static void
apply_span_time (LimberPreferencesWindow *prefs,
                 guint                    i,
                 const char              *part,
                 const char              *text)
{
  GtkWidget *entry = span_part (prefs, i, part);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "apply");
}

/* On a failure: the chain of widgets that asks for more than @width */
static void
print_wide (GtkWidget *widget,
            int        width,
            int        depth)
{
  int min = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  if (min <= width || !gtk_widget_get_visible (widget))
    return;
  g_printerr ("%*s%s %s min %d\n", depth, "", G_OBJECT_TYPE_NAME (widget),
              GTK_IS_LABEL (widget) ? gtk_label_get_label (GTK_LABEL (widget)) : "", min);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    print_wide (child, width, depth + 1);
}

/* Waits for the preferences to take @width × @height, and checks that
 * their content fits it, as test-screens.c does for the other screens.
 * libadwaita 1.2's AdwPreferencesWindow itself never gets narrower than
 * 360 px plus its 10 px frame, so at 360 the window is 370 wide: the
 * check is that none of Limber's rows asks for more than 360. */
static void
assert_fits (LimberPreferencesWindow *prefs,
             int                      width,
             int                      height)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (prefs->hours_group), ADW_TYPE_PREFERENCES_PAGE);
  int expected = MAX (width, 370);
  GdkSurface *surface = NULL;
  int min = 0;

  gtk_window_set_default_size (GTK_WINDOW (prefs), width, height);
  for (int i = 0; i < 300; i++)
    {
      surface = gtk_native_get_surface (GTK_NATIVE (prefs));
      if (gdk_surface_get_width (surface) == expected && gdk_surface_get_height (surface) == height)
        break;
      g_usleep (10000);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  if (min > width || gdk_surface_get_width (surface) != expected)
    print_wide (GTK_WIDGET (prefs), width - 10, 0);
  g_assert_cmpint (min, <=, width);
  g_assert_cmpint (gdk_surface_get_width (surface), ==, expected);
  g_assert_cmpint (gdk_surface_get_height (surface), ==, height);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (prefs));
}

/* The working hours group at the top of the view */
static void
scroll_to_hours (LimberPreferencesWindow *prefs)
{
  GtkWidget *group = GTK_WIDGET (prefs->hours_group);
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (group, GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (group, gtk_scrolled_window_get_child (scrolled),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + point.y - 12);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (prefs));
  limber_test_settle ();
}

static void
screenshots (LimberPreferencesWindow *prefs)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkSettings *gtk_settings = gtk_settings_get_default ();
  static const struct { const char *name; int width, height, scale; } sizes[] = {
    { "360x640-1.5x", 360, 640, 1 }, { "900x700-1x", 900, 700, 0 }, { "900x700-1.5x", 900, 700, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    for (int dark = 0; dark < 2; dark++)
      {
        g_autofree char *name = g_strdup_printf ("preferences-working-hours-%s-%s.png", sizes[i].name,
                                                 dark ? "dark" : "light");

        g_object_set (gtk_settings, "gtk-xft-dpi", sizes[i].scale ? 96 * 1024 * 3 / 2 : 96 * 1024, NULL);
        adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
        assert_fits (prefs, sizes[i].width, sizes[i].height);
        scroll_to_hours (prefs);
        limber_test_screenshot (GTK_WIDGET (prefs), name);
      }
  g_object_set (gtk_settings, "gtk-xft-dpi", 96 * 1024, NULL);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* Working hours as a person sets them, with the keyboard's widgets */
static void
test_working_hours (void)
{
  LimberPreferencesWindow *prefs = open_preferences ();
  g_autofree char *spans = NULL;
  guint8 days;

  g_assert_false (gtk_switch_get_active (prefs->hours_switch));
  g_assert_false (gtk_widget_get_sensitive (prefs->days_row));
  g_assert_false (gtk_widget_get_sensitive (g_ptr_array_index (prefs->span_rows, 0)));
  gtk_switch_set_active (prefs->hours_switch, TRUE);
  g_assert_true (g_settings_get_boolean (settings, "working-hours"));
  g_assert_true (gtk_widget_get_sensitive (prefs->add_span_button));

  /* days: full names for screen readers and tooltips */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (day_toggle (prefs, 5))), ==, "Saturday");
  g_signal_emit_by_name (day_toggle (prefs, 5), "clicked");
  g_signal_emit_by_name (day_toggle (prefs, 0), "clicked");
  g_settings_get (settings, "working-days", "y", &days);
  g_assert_cmpuint (days, ==, 0x3e);

  /* a wrong time is kept out, with a message beside it */
  apply_span_time (prefs, 0, "start", "25:00");
  g_assert_true (gtk_widget_has_css_class (span_part (prefs, 0, "start"), "error"));
  g_assert_true (gtk_widget_get_visible (span_part (prefs, 0, "message-row")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (span_part (prefs, 0, "message"))), ==,
                   "Write the start as hours and minutes, like 09:00");
  spans = spans_setting ();
  g_assert_cmpstr (spans, ==, "[('09:00', '17:00')]");
  g_clear_pointer (&spans, g_free);
  apply_span_time (prefs, 0, "end", "09:00");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (span_part (prefs, 0, "message"))), ==,
                   "A span must end at another time than it starts");
  apply_span_time (prefs, 0, "start", "8:30");
  g_assert_false (gtk_widget_has_css_class (span_part (prefs, 0, "start"), "error"));
  g_assert_false (gtk_widget_get_visible (span_part (prefs, 0, "message-row")));
  apply_span_time (prefs, 0, "end", "12:00");
  spans = spans_setting ();
  g_assert_cmpstr (spans, ==, "[('08:30', '12:00')]");
  g_clear_pointer (&spans, g_free);

  /* a second span after lunch, and a night one, then removed */
  g_signal_emit_by_name (prefs->add_span_button, "clicked");
  g_assert_cmpuint (prefs->span_rows->len, ==, 2);
  g_assert_true (gtk_widget_get_sensitive (span_part (prefs, 0, "remove")));
  spans = spans_setting ();
  g_assert_cmpstr (spans, ==, "[('08:30', '12:00'), ('13:00', '17:00')]");
  g_clear_pointer (&spans, g_free);
  g_signal_emit_by_name (prefs->add_span_button, "clicked");
  apply_span_time (prefs, 2, "end", "6:00");
  apply_span_time (prefs, 2, "start", "22:00");
  g_assert_cmpstr (adw_expander_row_get_subtitle (g_ptr_array_index (prefs->span_rows, 2)), ==, "Ends the next day");
  spans = spans_setting ();
  g_assert_cmpstr (spans, ==, "[('08:30', '12:00'), ('13:00', '17:00'), ('22:00', '06:00')]");
  g_clear_pointer (&spans, g_free);
  g_signal_emit_by_name (span_part (prefs, 2, "remove"), "clicked");
  g_assert_cmpuint (prefs->span_rows->len, ==, 2);

  /* an error shown for the screenshots */
  adw_expander_row_set_expanded (g_ptr_array_index (prefs->span_rows, 1), TRUE);
  apply_span_time (prefs, 1, "end", "5pm");
  screenshots (prefs);

  g_settings_reset (settings, "working-hours");
  g_settings_reset (settings, "working-days");
  g_settings_reset (settings, "working-hours-spans");
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
  g_test_add_func ("/preferences/working-hours", test_working_hours);
  g_test_add_func ("/preferences/follows-settings", test_follows_settings);
  g_test_add_func ("/preferences/follows-keeps-typing", test_follows_keeps_typing);

  status = g_test_run ();

  gtk_window_destroy (window);
  g_object_unref (app);
  fake_ssip_free (speechd);
  return status;
}
