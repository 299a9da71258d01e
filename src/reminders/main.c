/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-reminders"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <libnotify/notify.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>

#include "limber-i18n.h"
#include "limber-journal-path.h"
#include "limber-reminder-service.h"
#include "limber-reminders-bus.h"

/* limber-reminders: the reminder service. Started at login by the
 * system-wide autostart entry (whose AutostartCondition follows
 * reminders-enabled), or by D-Bus activation of its name when Limber turns
 * reminders on; it exits by itself when reminders are turned off, and when
 * another copy owns the name. Started with reminders off (a desktop that
 * ignores AutostartCondition), it exits at once with status 0. */

typedef struct
{
  GMainLoop             *loop;
  LimberReminderService *service;
  GDBusConnection       *bus;
  GSettings             *settings;
  gboolean               acquired;
  int                    status;
} Context;

static void
quit (Context *ctx,
      int      status)
{
  ctx->status = status;
  g_main_loop_quit (ctx->loop);
}

static void
on_name_acquired (GDBusConnection *bus,
                  const char      *name,
                  gpointer         user_data)
{
  Context *ctx = user_data;

  g_debug ("Owning %s", name);
  ctx->acquired = TRUE;
  limber_reminder_service_start (ctx->service);
}

static void
on_name_lost (GDBusConnection *bus,
              const char      *name,
              gpointer         user_data)
{
  Context *ctx = user_data;

  if (bus == NULL)
    g_message ("Lost the connection to the session bus; stopping");
  else if (ctx->acquired)
    g_message ("Another limber-reminders took over %s; stopping", name);
  else
    g_message ("limber-reminders is already running (%s is taken); "
               "use --replace to take over", name);
  quit (ctx, EXIT_SUCCESS);
}

static void
on_quit_requested (LimberReminderService *service,
                   gpointer               user_data)
{
  quit (user_data, EXIT_SUCCESS);
}

static gboolean
on_signal (gpointer user_data)
{
  quit (user_data, EXIT_SUCCESS);
  return G_SOURCE_CONTINUE;
}

static void
on_bus_closed (GDBusConnection *bus,
               gboolean         remote_peer_vanished,
               GError          *error,
               gpointer         user_data)
{
  g_message ("The session bus closed; stopping");
  quit (user_data, EXIT_SUCCESS);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(LimberReminderService) service = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *journal_path = NULL;
  gboolean replace = FALSE;
  gboolean version = FALSE;
  Context ctx = { NULL, };
  guint owner_id;
  const GOptionEntry entries[] = {
    { "replace", 'r', 0, G_OPTION_ARG_NONE, &replace,
      N_("Replace the reminder service that is running"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version,
      N_("Show the version and exit"), NULL },
    { NULL }
  };

  limber_i18n_init ();
  g_set_prgname ("limber-reminders");
  /* A journal helper that ends before reading its request must not end
   * the service with it: the write fails with EPIPE instead. */
  signal (SIGPIPE, SIG_IGN);

  options = g_option_context_new (NULL);
  g_option_context_set_summary (options, _("Sends Limber’s reminders to stretch and check in."));
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    {
      g_printerr ("limber-reminders: %s\n", error->message);
      return 2;
    }

  if (version)
    {
      g_print ("limber-reminders %s\n", LIMBER_VERSION);
      return EXIT_SUCCESS;
    }

  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (),
                                            LIMBER_APP_ID, TRUE);
  if (schema == NULL)
    {
      g_message ("The settings schema %s is not installed; no reminders", LIMBER_APP_ID);
      return EXIT_FAILURE;
    }
  settings = g_settings_new_full (schema, NULL, NULL);
  if (!g_settings_get_boolean (settings, "reminders-enabled"))
    {
      g_message ("Reminders are turned off (reminders-enabled is false); nothing to do");
      return EXIT_SUCCESS;
    }

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  if (bus == NULL)
    {
      g_message ("No session bus, so no reminders: %s", error->message);
      return EXIT_FAILURE;
    }
  g_dbus_connection_set_exit_on_close (bus, FALSE);

  if (!notify_init ("Limber"))
    {
      g_message ("Could not set up notifications");
      return EXIT_FAILURE;
    }

  journal_path = limber_journal_get_default_path ();
  service = limber_reminder_service_new (bus, settings, journal_path, &error);
  if (service == NULL)
    {
      g_message ("Could not start the reminder service: %s", error->message);
      notify_uninit ();
      return EXIT_FAILURE;
    }

  loop = g_main_loop_new (NULL, FALSE);
  ctx.loop = loop;
  ctx.service = service;
  ctx.status = EXIT_SUCCESS;
  g_signal_connect (service, "quit", G_CALLBACK (on_quit_requested), &ctx);
  g_signal_connect (bus, "closed", G_CALLBACK (on_bus_closed), &ctx);
  g_unix_signal_add (SIGTERM, on_signal, &ctx);
  g_unix_signal_add (SIGINT, on_signal, &ctx);

  owner_id = g_bus_own_name_on_connection (bus, LIMBER_REMINDERS_BUS_NAME,
                                           G_BUS_NAME_OWNER_FLAGS_ALLOW_REPLACEMENT |
                                           (replace ? G_BUS_NAME_OWNER_FLAGS_REPLACE : 0),
                                           on_name_acquired, on_name_lost, &ctx, NULL);

  g_main_loop_run (loop);

  g_bus_unown_name (owner_id);
  g_signal_handlers_disconnect_by_data (bus, &ctx);
  g_clear_object (&service);
  notify_uninit ();
  return ctx.status;
}
