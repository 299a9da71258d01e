/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Preferences as a person sets them: reminders on and off (with the login
 * autostart entry), times checked before they are kept, routine reminders
 * added, changed and removed. */
#include <glib/gstdio.h>

#include "limber-application.h"
#include "limber-preferences-window.h"
#include "limber-window.h"

static LimberApplication *app;
static GtkWindow *window;
static GSettings *settings;

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

#define WAIT_FOR(cond) G_STMT_START {                                    \
    gboolean timed_out_ = FALSE;                                         \
    guint id_ = g_timeout_add (5000, timeout_cb, &timed_out_);           \
    while (!(cond) && !timed_out_)                                       \
      g_main_context_iteration (NULL, TRUE);                             \
    g_assert_false (timed_out_);                                         \
    g_source_remove (id_);                                               \
  } G_STMT_END

static void
settle (void)
{
  gboolean done = FALSE;

  g_timeout_add (250, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  const char *dir = g_getenv ("LIMBER_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  gtk_test_widget_wait_for_draw (widget);
  settle ();
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (dir == NULL)
    return;
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static gpointer
child (gpointer    widget,
       const char *name)
{
  gpointer found = gtk_widget_get_template_child (GTK_WIDGET (widget), G_OBJECT_TYPE (widget), name);

  g_assert_nonnull (found);
  return found;
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      GtkWindow *w = g_list_model_get_item (toplevels, i);

      g_object_unref (w);
      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return w;
    }
  return NULL;
}

static LimberPreferencesWindow *
open_preferences (void)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  WAIT_FOR (find_toplevel (LIMBER_TYPE_PREFERENCES_WINDOW) != NULL);
  return LIMBER_PREFERENCES_WINDOW (find_toplevel (LIMBER_TYPE_PREFERENCES_WINDOW));
}

static void
close_preferences (LimberPreferencesWindow *prefs)
{
  gtk_window_close (GTK_WINDOW (prefs));
  WAIT_FOR (find_toplevel (LIMBER_TYPE_PREFERENCES_WINDOW) == NULL);
}

static void
test_enable_autostart (void)
{
  LimberPreferencesWindow *prefs = open_preferences ();
  g_autofree char *path = limber_reminders_get_autostart_path ();
  g_autoptr(GKeyFile) entry = g_key_file_new ();
  g_autofree char *exec = NULL;

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  gtk_switch_set_active (child (prefs, "enabled_switch"), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "reminders-enabled"));
  WAIT_FOR (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_true (g_key_file_load_from_file (entry, path, 0, NULL));
  exec = g_key_file_get_string (entry, "Desktop Entry", "Exec", NULL);
  g_assert_cmpstr (exec, ==, g_getenv ("LIMBER_REMINDERS_BIN"));
  g_assert_true (g_key_file_get_boolean (entry, "Desktop Entry", "X-GNOME-Autostart-enabled", NULL));
  g_assert_true (g_key_file_get_boolean (entry, "Desktop Entry", "NoDisplay", NULL));
  screenshot (GTK_WIDGET (prefs), "preferences.png");

  gtk_switch_set_active (child (prefs, "enabled_switch"), FALSE);
  WAIT_FOR (!g_file_test (path, G_FILE_TEST_EXISTS));
  close_preferences (prefs);
}

static void
test_times_checked (void)
{
  LimberPreferencesWindow *prefs = open_preferences ();
  AdwEntryRow *row = child (prefs, "checkin_time_row");
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
  gtk_editable_set_text (GTK_EDITABLE (child (prefs, "quiet_start_row")), "23:15");
  g_signal_emit_by_name (child (prefs, "quiet_start_row"), "apply");
  {
    g_autofree char *start = g_settings_get_string (settings, "quiet-hours-start");
    g_assert_cmpstr (start, ==, "23:15");
  }
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
  gtk_widget_activate (GTK_WIDGET (child (prefs, "add_routine_button")));
  WAIT_FOR (n_routine_reminders () == 2);
  value = g_settings_get_value (settings, "routine-reminders");
  g_variant_get_child (value, 1, "(yyy&s)", &hour, &minute, &days, &id);
  g_assert_cmpuint (hour, ==, 18);
  g_assert_cmpuint (minute, ==, 30);
  g_assert_cmpuint (days, ==, 0x1f);
  g_assert_cmpstr (id, ==, "desk-break");
  screenshot (GTK_WIDGET (prefs), "preferences-routine.png");
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

  status = g_test_run ();

  gtk_window_destroy (window);
  g_object_unref (app);
  return status;
}
