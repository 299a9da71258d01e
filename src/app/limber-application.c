/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-app"

#include <glib/gi18n.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "limber-application.h"
#include "limber-cli.h"
#include "limber-history-list.h"
#include "limber-history-page.h"
#include "limber-import-dialog.h"
#include "limber-preferences-window.h"
#include "limber-search-provider.h"
#include "limber-window.h"


struct _LimberApplication
{
  AdwApplication  parent_instance;

  LimberCatalog  *catalog;
  GSettings      *settings;
  LimberJournal  *journal;
  GError         *journal_error;
  LimberCues     *cues;
  LimberVoice    *voice;
  LimberRemindersClient *reminders;
  LimberSearchProvider *search_provider;
  gboolean        parsed_options;
};

G_DEFINE_FINAL_TYPE (LimberApplication, limber_application, ADW_TYPE_APPLICATION)

/* From the generated limber-ui-resources.c */
void limber_ui_register_resource (void);

LimberApplication *
limber_application_new (void)
{
  return g_object_new (LIMBER_TYPE_APPLICATION,
                       "application-id", LIMBER_APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", LIMBER_RESOURCE_PREFIX,
                       NULL);
}

/* `limber FILE…`, as a file manager runs it: the files go to the running
 * Limber if there is one. */
static int
open_files (GApplication       *app,
            const char * const *paths)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (paths[i]));

  if (!g_application_register (app, NULL, &error))
    {
      g_autofree char *message = limber_cli_escape (error->message);

      g_printerr ("limber: %s\n", message);
      return EXIT_FAILURE;
    }
  g_application_open (app, (GFile **) files->pdata, files->len, "");
  /* a running Limber has been told; this one has nothing more to do */
  return g_application_get_is_remote (app) ? EXIT_SUCCESS : -1;
}

static int
limber_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  LimberApplication *self = LIMBER_APPLICATION (app);
  g_autofree const char **extra = NULL;
  const char *start_id = NULL;
  int status;

  self->parsed_options = TRUE;

  /* `limber FILE…` opens shared routines; with an option, a file name is
   * a mistake */
  if (g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &extra) &&
      !limber_cli_has_options (options))
    return open_files (app, extra);

  if (extra != NULL)
    {
      g_autofree char *argument = limber_cli_escape (extra[0]);

      g_printerr (_("limber: unexpected argument “%s”\n"), argument);
      g_printerr (_("Run “%s --help” to see the options.\n"), g_get_prgname ());
      return EXIT_USAGE;
    }

  status = limber_cli_run (options);
  if (status >= 0)
    return status;

  if (g_variant_dict_lookup (options, "start", "&s", &start_id))
    {
      g_autoptr(LimberCatalog) catalog = limber_catalog_new_default (NULL);
      g_autoptr(GError) error = NULL;

      /* checked here, so that a mistyped id is an error on the terminal
       * rather than a dialog in a window */
      if (catalog == NULL || limber_catalog_lookup_routine (catalog, start_id) == NULL)
        {
          g_autofree char *id = limber_cli_escape (start_id);

          g_printerr (_("limber: there is no routine called “%s”; "
                        "“limber --list-routines” shows them\n"), id);
          return EXIT_USAGE;
        }

      if (!g_application_register (app, NULL, &error))
        {
          g_autofree char *message = limber_cli_escape (error->message);

          g_printerr ("limber: %s\n", message);
          return EXIT_FAILURE;
        }
      g_action_group_activate_action (G_ACTION_GROUP (app), "start-routine",
                                      g_variant_new_string (start_id));
      /* a running Limber has been told; this one has nothing more to do */
      return g_application_get_is_remote (app) ? EXIT_SUCCESS : -1;
    }

  return -1;
}

static gboolean
limber_application_local_command_line (GApplication   *app,
                                       char         ***arguments,
                                       int            *exit_status)
{
  LimberApplication *self = LIMBER_APPLICATION (app);
  gboolean handled;

  self->parsed_options = FALSE;
  handled = G_APPLICATION_CLASS (limber_application_parent_class)->local_command_line (app, arguments, exit_status);

  /* GApplication has already printed why it could not parse the options. */
  if (handled && *exit_status == EXIT_FAILURE && !self->parsed_options)
    {
      g_printerr (_("Run “%s --help” to see the options.\n"), g_get_prgname ());
      *exit_status = EXIT_USAGE;
    }

  return handled;
}

static void
show_about (GSimpleAction *action,
            GVariant      *param,
            gpointer       user_data)
{
  GtkApplication *app = user_data;
  GtkWindow *window = gtk_application_get_active_window (app);
  const char *developers[] = { _("The Limber developers"), NULL };
  const char *artists[] = { _("The Limber developers"), NULL };

  adw_show_about_window (window,
                         "application-name", _("Limber"),
                         "application-icon", LIMBER_APP_ID,
                         "developer-name", _("The Limber developers"),
                         "version", LIMBER_VERSION,
                         "website", "https://github.com/limber/limber",
                         "issue-url", "https://github.com/limber/limber/issues",
                         "comments", _("A gentle coach for stretching and warming up, with a journal to see whether it helps.\n\n"
                                       "Limber gives general information, not medical advice. If something hurts, stop, and see a health professional about pain that lasts or spreads."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", "© 2026 The Limber developers",
                         "developers", developers,
                         "artists", artists,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
quit_app (GSimpleAction *action,
          GVariant      *param,
          gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = gtk_application_get_windows (app);

  /* Closing each window lets it save its state first. */
  while (windows != NULL)
    {
      GList *next = windows->next;

      gtk_window_close (windows->data);
      windows = next;
    }
}

static void
start_routine (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  LimberApplication *self = user_data;
  GtkWindow *window;

  g_application_activate (G_APPLICATION (self));
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.start-routine", param);
}

static void
check_in (GSimpleAction *action,
          GVariant      *param,
          gpointer       user_data)
{
  LimberApplication *self = user_data;

  g_application_activate (G_APPLICATION (self));
  limber_window_check_in (LIMBER_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (self))));
}

static void
show_preferences (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  LimberApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *window;

  if (self->settings == NULL)
    {
      limber_window_show_error (LIMBER_WINDOW (parent), _("No Preferences"),
                                "%s", _("The settings schema is not installed, so preferences cannot be kept."));
      return;
    }

  window = limber_preferences_window_new (parent, self->settings, self->catalog, self->reminders, self->voice);
  gtk_window_present (GTK_WINDOW (window));
}

static const GActionEntry app_actions[] = {
  { "about", show_about },
  { "quit", quit_app },
  { "start-routine", start_routine, "s" },
  { "check-in", check_in },
  { "preferences", show_preferences },
};

static void
backup_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  gboolean made = FALSE;

  if (!limber_journal_backup_daily (task_data, NULL, &made, &error))
    g_message ("Today’s backup of the journal could not be made: %s", error->message);
  else if (made)
    g_debug ("Made today’s backup of the journal");
  g_task_return_boolean (task, TRUE);
}

/* Once a day, on first use: a copy of the journal in backups/, made in a
 * thread from a connection of its own (WAL lets it read while we write). */
static void
backup_journal (LimberApplication *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->journal == NULL || limber_journal_get_read_only_reason (self->journal) != NULL)
    return;
  task = g_task_new (self, NULL, NULL, NULL);
  g_task_set_task_data (task, g_strdup (limber_journal_get_path (self->journal)), g_free);
  g_task_run_in_thread (task, backup_in_thread);
}

static void
open_journal (LimberApplication *self)
{
  g_autofree char *path = limber_journal_get_default_path ();
  g_autoptr(GError) error = NULL;
  guint n;

  self->journal = limber_journal_open (path, &self->journal_error);
  if (self->journal == NULL)
    {
      g_printerr (_("limber: your sessions cannot be saved: %s\n"), self->journal_error->message);
      return;
    }

  if (limber_journal_get_moved_aside_path (self->journal) != NULL)
    g_printerr (_("limber: the journal could not be read, so a fresh one was started; "
                  "the old file is kept at %s\n"),
                limber_journal_get_moved_aside_path (self->journal));

  /* A session in progress that no running Limber holds (the journal's
   * lock, not the bus: another copy may run on another bus or seat) was
   * cut short by a crash or a kill. */
  n = limber_journal_recover_interrupted (self->journal, &error);
  if (error != NULL)
    g_message ("Could not mark interrupted sessions: %s", error->message);
  else
    g_debug ("Marked %u interrupted sessions", n);

  /* not from a journal just started over a damaged one: its copy would
   * push out one of the good backups that can still bring the rest back */
  if (limber_journal_get_moved_aside_path (self->journal) == NULL)
    backup_journal (self);
}

/* The person's get-ready and switch-sides times, for every routine whose
 * file does not set its own. */
static void
apply_timings (LimberApplication *self)
{
  limber_catalog_set_default_timings (self->catalog,
                                      g_settings_get_uint (self->settings, "get-ready-seconds"),
                                      g_settings_get_uint (self->settings, "switch-sides-seconds"));
}

static void
limber_application_startup (GApplication *app)
{
  LimberApplication *self = LIMBER_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  GSettingsSchemaSource *source;
  g_autoptr(GSettingsSchema) schema = NULL;
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (limber_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);

  /* Run from an unusual prefix without the schema installed, Limber still
   * works; it only forgets its window size. */
  source = g_settings_schema_source_get_default ();
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, LIMBER_APP_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new (LIMBER_APP_ID);
  else
    g_message ("The GSettings schema %s is not installed; settings will not be kept", LIMBER_APP_ID);

  self->catalog = limber_catalog_new_default (&error);
  if (self->catalog == NULL)
    g_error ("The bundled data set is damaged: %s", error->message);
  limber_cli_print_problems (self->catalog);
  if (self->settings != NULL)
    {
      apply_timings (self);
      g_signal_connect_object (self->settings, "changed::get-ready-seconds",
                               G_CALLBACK (apply_timings), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->settings, "changed::switch-sides-seconds",
                               G_CALLBACK (apply_timings), self, G_CONNECT_SWAPPED);
    }

  open_journal (self);
  self->cues = limber_cues_new (self->settings);
  self->voice = limber_voice_new (self->settings);
  self->reminders = limber_reminders_client_new (self->settings);
}

static void
on_restore_response (AdwMessageDialog  *dialog,
                     const char        *response,
                     LimberApplication *self)
{
  LimberWindow *window = LIMBER_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;
  guint n = 0;

  if (!limber_journal_restore_backup (self->journal, NULL, NULL, &n, &error))
    {
      limber_window_show_error (window, _("Nothing Was Restored"), "%s", error->message);
      return;
    }
  /* Translators: records are sessions, their exercises, check-ins and reminders */
  toast = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record restored from the backup",
                                        "%u records restored from the backup", n), n);
  limber_window_journal_changed (window, toast);
}

/* Said once, in the first window: the person must know where an unreadable
 * journal went, or that sessions are not being saved. */
static void
tell_about_journal (LimberApplication *self,
                    LimberWindow      *window)
{
  if (self->journal_error != NULL)
    limber_window_show_error (window, _("Sessions Cannot Be Saved"),
                              _("Limber could not open its journal, so what you do now will not be kept.\n\n%s"),
                              self->journal_error->message);
  else if (self->journal != NULL && limber_journal_get_read_only_reason (self->journal) != NULL)
    limber_window_show_error (window, _("Your Journal Is Read-Only"),
                              /* Translators: %s says why, such as “you may not write to the file …” */
                              _("Your journal is read-only: %s.\n\nYour history, charts and exports work, "
                                "but routines and check-ins will not be saved until it can be written again."),
                              limber_journal_get_read_only_reason (self->journal));
  else if (self->journal != NULL && limber_journal_get_moved_aside_path (self->journal) != NULL)
    {
      guint n = limber_journal_get_n_salvaged (self->journal);
      g_autofree char *saved = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u record that could still be read was copied into it.",
                                                             "%u records that could still be read were copied into it.",
                                                             n), n);

      g_autoptr(GPtrArray) backups = limber_journal_list_backups (limber_journal_get_path (self->journal));
      g_autofree char *body = g_strdup_printf (_("Limber could not read its journal, so it started a new one. %s "
                                                 "Nothing was deleted: the old file is kept at\n\n%s"),
                                               saved, limber_journal_get_moved_aside_path (self->journal));
      GtkWidget *dialog;

      if (backups->len == 0)
        {
          limber_window_show_error (window, _("A Fresh Journal Was Started"), "%s", body);
          return;
        }

      /* a backup may hold what could not be copied */
      dialog = adw_message_dialog_new (GTK_WINDOW (window), _("A Fresh Journal Was Started"), NULL);
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s", body,
                                      _("A backup may hold more of what was lost. Restoring adds what it holds "
                                        "to the new journal and changes nothing else."));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "close", _("_Not Now"),
                                        "restore", _("_Restore Backup"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
      g_signal_connect_object (dialog, "response::restore", G_CALLBACK (on_restore_response), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

/* For the start-up benchmark (tests/bench/bench-startup.py): with
 * LIMBER_BENCH_FIRST_FRAME_FD=N set, the main window writes one line
 * "first-frame\n" to file descriptor N once it has painted its first frame,
 * so that the benchmark can read the time, CPU and memory at that moment.
 * Without the variable, or with a value that is not an open descriptor,
 * nothing is connected. */
static int
bench_first_frame_fd (void)
{
  const char *value = g_getenv ("LIMBER_BENCH_FIRST_FRAME_FD");
  guint64 fd;

  if (value == NULL ||
      !g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT, &fd, NULL) ||
      fcntl ((int) fd, F_GETFD) < 0)
    return -1;
  return (int) fd;
}

static void
bench_write (int         fd,
             const char *line)
{
  gsize len = strlen (line);

  while (write (fd, line, len) < 0 && errno == EINTR)
    ;
}

/* For the History benchmark (tests/bench/bench-history.py): with
 * LIMBER_BENCH_HISTORY=1 as well, after the first frame the window opens
 * History, then, once that has painted, Your Whole Journal, and writes
 *
 *   history-frame PID USEC      (from showing History to its first frame)
 *   journal-frame USEC N        (from opening the list to the first frame
 *                                that drew its rows; N entries read so far)
 *
 * on the same descriptor, times from the monotonic clock. */
typedef struct
{
  int           fd;
  LimberWindow *window;
  gint64        start;
} BenchHistory;

static gboolean bench_open_journal (gpointer data);

static void
bench_journal_after_paint (GdkFrameClock *clock,
                           BenchHistory  *bench)
{
  LimberHistoryPage *page = limber_window_get_history_page (bench->window);
  GtkWidget *view = limber_history_page_get_journal_view (page);
  GListModel *list = limber_history_page_get_list (page);
  g_autofree char *line = NULL;

  /* the first frame with the list shown and rows in it */
  if (!gtk_widget_get_mapped (view) || gtk_widget_get_first_child (view) == NULL ||
      !gtk_widget_get_mapped (gtk_widget_get_first_child (view)))
    return;
  g_signal_handlers_disconnect_by_func (clock, bench_journal_after_paint, bench);
  line = g_strdup_printf ("journal-frame %" G_GINT64_FORMAT " %u\n", g_get_monotonic_time () - bench->start,
                          limber_history_list_get_n_loaded (LIMBER_HISTORY_LIST (list)));
  bench_write (bench->fd, line);
}

static void
bench_history_after_paint (GdkFrameClock *clock,
                           BenchHistory  *bench)
{
  g_autofree char *line = NULL;

  if (!gtk_widget_get_mapped (GTK_WIDGET (limber_window_get_history_page (bench->window))))
    return;
  g_signal_handlers_disconnect_by_func (clock, bench_history_after_paint, bench);
  line = g_strdup_printf ("history-frame %d %" G_GINT64_FORMAT "\n", (int) getpid (),
                          g_get_monotonic_time () - bench->start);
  bench_write (bench->fd, line);
  /* what the overview started (idle work, a second frame) settles first */
  g_timeout_add (500, bench_open_journal, bench);
}

static gboolean
bench_open_journal (gpointer data)
{
  BenchHistory *bench = data;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (bench->window));

  g_signal_connect (clock, "after-paint", G_CALLBACK (bench_journal_after_paint), bench);
  bench->start = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (limber_window_get_history_page (bench->window)),
                              "history.show-journal", NULL);
  return G_SOURCE_REMOVE;
}

static gboolean
bench_open_history (gpointer data)
{
  BenchHistory *bench = data;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (bench->window));

  g_signal_connect (clock, "after-paint", G_CALLBACK (bench_history_after_paint), bench);
  bench->start = g_get_monotonic_time ();
  limber_window_set_visible_page (bench->window, "history");
  return G_SOURCE_REMOVE;
}

static void
bench_after_paint (GdkFrameClock *clock,
                   gpointer       user_data)
{
  int fd = GPOINTER_TO_INT (user_data);
  GtkWidget *window = g_object_get_data (G_OBJECT (clock), "limber-bench-window");

  g_signal_handlers_disconnect_by_func (clock, bench_after_paint, user_data);
  bench_write (fd, "first-frame\n");
  if (g_strcmp0 (g_getenv ("LIMBER_BENCH_HISTORY"), "1") == 0 && LIMBER_IS_WINDOW (window))
    {
      BenchHistory *bench = g_new0 (BenchHistory, 1);

      bench->fd = fd;
      bench->window = LIMBER_WINDOW (window);
      g_object_set_data_full (G_OBJECT (window), "limber-bench-history", bench, g_free);
      /* after what the start-up left for later */
      g_timeout_add (500, bench_open_history, bench);
    }
}

static void
bench_realize (GtkWidget *window,
               gpointer   user_data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_handlers_disconnect_by_func (window, bench_realize, user_data);
  if (clock != NULL)
    {
      g_object_set_data (G_OBJECT (clock), "limber-bench-window", window);
      g_signal_connect (clock, "after-paint", G_CALLBACK (bench_after_paint), user_data);
    }
}

static void
bench_watch_first_frame (GtkWindow *window)
{
  int fd = bench_first_frame_fd ();

  if (fd >= 0)
    g_signal_connect_after (window, "realize", G_CALLBACK (bench_realize), GINT_TO_POINTER (fd));
}

static void
limber_application_activate (GApplication *app)
{
  LimberApplication *self = LIMBER_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    {
      window = GTK_WINDOW (limber_window_new (self));
      bench_watch_first_frame (window);
      gtk_window_present (window);
      tell_about_journal (self, LIMBER_WINDOW (window));
    }

  gtk_window_present (window);
}

static LimberWindow *
find_main_window (LimberApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (LIMBER_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static void
on_imported (LimberRoutine *routine,
             gpointer       user_data)
{
  LimberWindow *window = find_main_window (user_data);

  if (window != NULL)
    limber_window_routine_imported (window, routine);
}

/* Shared routines opened from a file manager (or `limber FILE…`): each is
 * shown in the window before it is imported. */
static void
limber_application_open (GApplication  *app,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  LimberApplication *self = LIMBER_APPLICATION (app);
  LimberWindow *window;

  g_application_activate (app);
  window = find_main_window (self);
  for (int i = 0; i < n_files; i++)
    limber_import_file (GTK_WINDOW (window), self->catalog, files[i], on_imported, self);
}

#define SEARCH_INACTIVITY_MS 20000

/* GNOME Shell's search, at …/SearchProvider under the application's own
 * path (data/io.github.limber.Limber.search-provider.ini names it). */
static gboolean
limber_application_dbus_register (GApplication     *app,
                                  GDBusConnection  *connection,
                                  const char       *object_path,
                                  GError          **error)
{
  LimberApplication *self = LIMBER_APPLICATION (app);
  g_autofree char *path = g_strconcat (object_path, "/SearchProvider", NULL);

  if (!G_APPLICATION_CLASS (limber_application_parent_class)->dbus_register (app, connection, object_path, error))
    return FALSE;
  /* Started by D-Bus (the shell, to search), Limber has no window to keep
   * it: it stays a while for the next keystroke's search, then leaves. */
  if (g_application_get_flags (app) & G_APPLICATION_IS_SERVICE)
    g_application_set_inactivity_timeout (app, SEARCH_INACTIVITY_MS);
  if (self->search_provider == NULL)
    self->search_provider = limber_search_provider_new (self);
  return limber_search_provider_register (self->search_provider, connection, path, error);
}

static void
limber_application_dbus_unregister (GApplication    *app,
                                    GDBusConnection *connection,
                                    const char      *object_path)
{
  LimberApplication *self = LIMBER_APPLICATION (app);

  if (self->search_provider != NULL)
    limber_search_provider_unregister (self->search_provider);
  G_APPLICATION_CLASS (limber_application_parent_class)->dbus_unregister (app, connection, object_path);
}

static void
limber_application_dispose (GObject *object)
{
  LimberApplication *self = LIMBER_APPLICATION (object);

  g_clear_object (&self->catalog);
  g_clear_object (&self->settings);
  g_clear_object (&self->journal);
  g_clear_error (&self->journal_error);
  g_clear_object (&self->cues);
  g_clear_object (&self->voice);
  g_clear_object (&self->reminders);
  g_clear_object (&self->search_provider);

  G_OBJECT_CLASS (limber_application_parent_class)->dispose (object);
}

static void
limber_application_class_init (LimberApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = limber_application_dispose;
  app_class->local_command_line = limber_application_local_command_line;
  app_class->handle_local_options = limber_application_handle_local_options;
  app_class->startup = limber_application_startup;
  app_class->activate = limber_application_activate;
  app_class->open = limber_application_open;
  app_class->dbus_register = limber_application_dbus_register;
  app_class->dbus_unregister = limber_application_dbus_unregister;

  limber_ui_register_resource ();
}

static void
limber_application_init (LimberApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), limber_cli_get_option_entries ());
  /* Translators: in `limber --help`, what can follow the options */
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("A stretching and warm-up coach."));
}

LimberCatalog *
limber_application_get_catalog (LimberApplication *self)
{
  g_return_val_if_fail (LIMBER_IS_APPLICATION (self), NULL);
  return self->catalog;
}

/**
 * limber_application_get_journal:
 *
 * Returns: (transfer none) (nullable): the journal, or %NULL when it could
 * not be opened.
 */
LimberJournal *
limber_application_get_journal (LimberApplication *self)
{
  g_return_val_if_fail (LIMBER_IS_APPLICATION (self), NULL);
  return self->journal;
}

/**
 * limber_application_get_voice:
 *
 * Returns: (transfer none): the voice coach
 */
LimberVoice *
limber_application_get_voice (LimberApplication *self)
{
  g_return_val_if_fail (LIMBER_IS_APPLICATION (self), NULL);
  return self->voice;
}

LimberCues *
limber_application_get_cues (LimberApplication *self)
{
  g_return_val_if_fail (LIMBER_IS_APPLICATION (self), NULL);
  return self->cues;
}

/**
 * limber_application_get_reminders:
 *
 * Returns: (transfer none): the reminder service's client
 */
LimberRemindersClient *
limber_application_get_reminders (LimberApplication *self)
{
  g_return_val_if_fail (LIMBER_IS_APPLICATION (self), NULL);
  return self->reminders;
}

/**
 * limber_application_get_settings:
 *
 * Returns: (transfer none) (nullable): the settings, or %NULL when the schema
 * is not installed.
 */
GSettings *
limber_application_get_settings (LimberApplication *self)
{
  g_return_val_if_fail (LIMBER_IS_APPLICATION (self), NULL);
  return self->settings;
}
