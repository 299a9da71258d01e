/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-reminders-client"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "limber-dbus-reminders.h"
#include "limber-reminders-bus.h"
#include "limber-reminders-client.h"
#include "limber-reminder-types.h"
#include "limber-time.h"

/* The window's side of the reminder service: it follows the service on the
 * session bus (next reminder, pause, resume, a test notification), and
 * starts the service when reminders-enabled is turned on (the service
 * exits by itself when it is turned off; at login the session starts it
 * from the system-wide autostart entry, under AutostartCondition). It talks to the
 * service through the proxy generated from the interface's XML, made
 * without blocking; the proxy also says when the service comes and goes. */
struct _LimberRemindersClient
{
  GObject          parent_instance;

  GSettings           *settings;
  LimberDBusReminders *proxy;        /* NULL until made, or with no bus */
  gboolean             making_proxy;
  GPtrArray           *pending;      /* PendingCall, asked before the proxy was made */
  gboolean             running;
  char                *next_kind;
  gint64               next_due;
  char                *next_routine;
  gint64               paused_until;
  gboolean             starting;     /* asked to start, not yet on the bus */
  gboolean             start_when_made;
  guint                start_id;
  char                *start_error;  /* why it could not start, or NULL */
  GCancellable        *cancellable;
};

G_DEFINE_FINAL_TYPE (LimberRemindersClient, limber_reminders_client, G_TYPE_OBJECT)

enum {
  CHANGED,
  START_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
got_next (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  LimberRemindersClient *self;
  g_autoptr(GError) error = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *routine = NULL;
  gint64 due;

  if (!limber_dbus_reminders_call_get_next_finish (LIMBER_DBUS_REMINDERS (source), &kind, &due,
                                                   &routine, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("GetNext failed: %s", error->message);
      return;
    }

  self = user_data;
  g_free (self->next_kind);
  self->next_kind = g_steal_pointer (&kind);
  g_free (self->next_routine);
  self->next_routine = g_steal_pointer (&routine);
  self->next_due = due;
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
got_paused (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  LimberRemindersClient *self;
  gint64 until;

  if (!limber_dbus_reminders_call_get_paused_until_finish (LIMBER_DBUS_REMINDERS (source), &until,
                                                           result, NULL))
    return;

  self = user_data;
  self->paused_until = until;
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
refresh (LimberRemindersClient *self)
{
  if (self->proxy == NULL || !self->running)
    return;

  limber_dbus_reminders_call_get_paused_until (self->proxy, self->cancellable, got_paused, self);
  limber_dbus_reminders_call_get_next (self->proxy, self->cancellable, got_next, self);
}

/* The service came or went: the proxy's name owner changed. */
static void
on_name_owner (LimberRemindersClient *self)
{
  g_autofree char *owner = g_dbus_proxy_get_name_owner (G_DBUS_PROXY (self->proxy));

  self->running = owner != NULL;
  if (self->running)
    self->starting = FALSE;
  else
    {
      g_clear_pointer (&self->next_kind, g_free);
      g_clear_pointer (&self->next_routine, g_free);
      self->next_due = 0;
    }
  refresh (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* A call asked for before the proxy is made waits for it: the window makes
 * the proxy without blocking, and a person's Pause must not be lost. */
typedef struct
{
  char     *method;
  GVariant *params;
} PendingCall;

static void
pending_call_free (gpointer data)
{
  PendingCall *call = data;

  g_free (call->method);
  g_clear_pointer (&call->params, g_variant_unref);
  g_free (call);
}

static void call          (LimberRemindersClient *self,
                           const char            *method,
                           GVariant              *params);
static void start_failed  (LimberRemindersClient *self,
                           gboolean               missing,
                           const char            *detail);
static void start_service (LimberRemindersClient *self);

static void
got_proxy (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  LimberRemindersClient *self;
  g_autoptr(GError) error = NULL;
  LimberDBusReminders *proxy = limber_dbus_reminders_proxy_new_finish (result, &error);

  if (proxy == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          self = user_data;
          self->making_proxy = FALSE;
          if (self->start_when_made)
            start_failed (self, FALSE, error->message);
          g_message ("Could not follow the reminder service, so %u requests to it are dropped: %s",
                     self->pending->len, error->message);
          g_ptr_array_set_size (self->pending, 0);
        }
      return;
    }

  self = user_data;
  self->proxy = proxy;
  self->making_proxy = FALSE;
  if (self->start_when_made)
    {
      self->start_when_made = FALSE;
      start_service (self);
    }
  for (guint i = 0; i < self->pending->len; i++)
    {
      PendingCall *pending = g_ptr_array_index (self->pending, i);

      call (self, pending->method, g_steal_pointer (&pending->params));
    }
  g_ptr_array_set_size (self->pending, 0);
  g_signal_connect_object (proxy, "notify::g-name-owner", G_CALLBACK (on_name_owner),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (proxy, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  on_name_owner (self);
}

/* Older Limbers wrote an autostart entry into the user's home; the
 * session now starts the service from the system-wide one, under its
 * AutostartCondition. Only that file, under its exact name, and only when
 * it is the one Limber wrote (it ran limber-reminders and carried Limber's
 * icon) is removed; one the person hid on purpose (Hidden=true) stays. */
static void
remove_old_autostart (void)
{
  g_autofree char *path = g_build_filename (g_get_user_config_dir (), "autostart",
                                            LIMBER_REMINDERS_BUS_NAME ".desktop", NULL);
  g_autoptr(GKeyFile) entry = g_key_file_new ();
  g_autofree char *exec = NULL;
  g_autofree char *icon = NULL;
  g_autofree char *program = NULL;
  g_auto(GStrv) words = NULL;

  if (!g_key_file_load_from_file (entry, path, G_KEY_FILE_NONE, NULL))
    return;
  exec = g_key_file_get_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC, NULL);
  icon = g_key_file_get_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_ICON, NULL);
  if (exec == NULL || !g_shell_parse_argv (exec, NULL, &words, NULL) || words[0] == NULL)
    return;
  program = g_path_get_basename (words[0]);
  if (g_strcmp0 (icon, LIMBER_APP_ID) != 0 ||
      (!g_str_equal (program, "limber-reminders") && g_strcmp0 (exec, g_getenv ("LIMBER_REMINDERS_BIN")) != 0) ||
      g_key_file_get_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_HIDDEN, NULL))
    return;

  if (g_unlink (path) == 0)
    g_message ("Removed %s, which an older Limber wrote: reminders now start from the system’s autostart entry", path);
  else if (errno != ENOENT)
    g_message ("Could not remove the old autostart entry %s: %s", path, g_strerror (errno));
}

static void
start_failed (LimberRemindersClient *self,
              gboolean               missing,
              const char            *detail)
{
  g_free (self->start_error);
  if (missing)
    self->start_error = g_strdup (_("Reminders could not start: limber-reminders is not installed. "
                                    "Install the Limber package’s reminder service, or reinstall Limber."));
  else
    self->start_error = g_strdup_printf (_("Reminders could not start: %s"), detail);
  g_message ("Could not start the reminder service: %s", detail);

  self->starting = FALSE;
  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "reminders-enabled", FALSE);
  g_signal_emit (self, signals[START_FAILED], 0, self->start_error);
}

static void
spawned_exited (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  LimberRemindersClient *self = user_data;
  GSubprocess *proc = G_SUBPROCESS (source);

  /* cancelled: the client is gone */
  if (!g_subprocess_wait_finish (proc, result, NULL))
    return;
  /* It ended with a failure before it ever owned its name. */
  if (self->starting && !self->running && !g_subprocess_get_successful (proc))
    {
      g_autofree char *detail = g_strdup_printf (_("limber-reminders stopped at once (exit status %d)"),
                                                 g_subprocess_get_if_exited (proc)
                                                   ? g_subprocess_get_exit_status (proc) : -1);

      start_failed (self, FALSE, detail);
    }
  self->starting = FALSE;
}

static void
activated (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  LimberRemindersClient *self;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *remote = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = user_data;
  self->starting = FALSE;
  if (reply != NULL)
    return;

  remote = g_dbus_error_get_remote_error (error);
  g_dbus_error_strip_remote_error (error);
  /* No service file, or one whose program is not there */
  start_failed (self,
                g_strcmp0 (remote, "org.freedesktop.DBus.Error.ServiceUnknown") == 0 ||
                g_strcmp0 (remote, "org.freedesktop.DBus.Error.Spawn.ExecFailed") == 0 ||
                g_strcmp0 (remote, "org.freedesktop.systemd1.NoSuchUnit") == 0,
                error->message);
}

/* Starts the service now (the session's autostart does at the next
 * login). An installed Limber asks the bus to activate the service's name
 * through its D-Bus service file, so the service is the bus's child, not
 * the window's, and is never started twice. LIMBER_REMINDERS_BIN (a build
 * tree, the tests) names a program to run instead. */
static void
start_service (LimberRemindersClient *self)
{
  const char *bin = g_getenv ("LIMBER_REMINDERS_BIN");
  g_autoptr(GDBusConnection) bus = NULL;

  if (self->running || self->starting)
    return;

  if (bin != NULL && *bin != '\0')
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSubprocess) proc = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, bin, NULL);

      if (proc == NULL)
        {
          start_failed (self, g_error_matches (error, G_SPAWN_ERROR, G_SPAWN_ERROR_NOENT), error->message);
          return;
        }
      self->starting = TRUE;
      g_subprocess_wait_async (proc, self->cancellable, spawned_exited, self);
      return;
    }

  if (self->proxy == NULL)
    {
      start_failed (self, FALSE, _("there is no session bus"));
      return;
    }
  bus = g_object_ref (g_dbus_proxy_get_connection (G_DBUS_PROXY (self->proxy)));
  self->starting = TRUE;
  g_dbus_connection_call (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                          "StartServiceByName", g_variant_new ("(su)", LIMBER_REMINDERS_BUS_NAME, 0),
                          G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, self->cancellable,
                          activated, self);
}

static gboolean
start_idle (gpointer user_data)
{
  LimberRemindersClient *self = user_data;

  self->start_id = 0;
  if (!g_settings_get_boolean (self->settings, "reminders-enabled"))
    return G_SOURCE_REMOVE;
  /* The service reads the setting first thing, and exits if it is off:
   * it must find it written. */
  g_settings_sync ();
  if (self->proxy != NULL)
    start_service (self);
  else
    self->start_when_made = TRUE;
  return G_SOURCE_REMOVE;
}

/* Turned off, the service sees the setting and exits by itself. Turned
 * on, it is started from an idle: a failure turns the setting off again,
 * which a GSettings binding (the switch) would ignore from inside its own
 * change. */
static void
on_enabled_changed (LimberRemindersClient *self)
{
  if (g_settings_get_boolean (self->settings, "reminders-enabled") && self->start_id == 0)
    {
      g_clear_pointer (&self->start_error, g_free);
      self->start_id = g_idle_add (start_idle, self);
    }
}

static void
limber_reminders_client_dispose (GObject *object)
{
  LimberRemindersClient *self = LIMBER_REMINDERS_CLIENT (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->start_id, g_source_remove);
  g_clear_object (&self->proxy);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->next_kind, g_free);
  g_clear_pointer (&self->next_routine, g_free);
  g_clear_pointer (&self->start_error, g_free);

  G_OBJECT_CLASS (limber_reminders_client_parent_class)->dispose (object);
}

static void
limber_reminders_client_class_init (LimberRemindersClientClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = limber_reminders_client_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * LimberRemindersClient::start-failed:
   * @message: what to tell the person, plain text
   *
   * Reminders were turned on but the service could not start; the
   * setting has been turned off again.
   */
  signals[START_FAILED] = g_signal_new ("start-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
limber_reminders_client_init (LimberRemindersClient *self)
{
  self->cancellable = g_cancellable_new ();
  self->pending = g_ptr_array_new_with_free_func (pending_call_free);
}

/**
 * limber_reminders_client_new:
 * @settings: (nullable): the app settings
 */
LimberRemindersClient *
limber_reminders_client_new (GSettings *settings)
{
  LimberRemindersClient *self = g_object_new (LIMBER_TYPE_REMINDERS_CLIENT, NULL);
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;

  g_set_object (&self->settings, settings);
  remove_old_autostart ();
  if (settings != NULL)
    {
      g_signal_connect_object (settings, "changed::reminders-enabled",
                               G_CALLBACK (on_enabled_changed), self, G_CONNECT_SWAPPED);
      /* GSettings tells only of changes to keys read since connecting */
      g_settings_get_boolean (settings, "reminders-enabled");
    }
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  if (bus == NULL)
    {
      g_message ("No session bus, so no reminders: %s", error->message);
      return self;
    }

  /* Made in the background: the window does not wait for the bus. The
   * name's owner is followed from the start, and calls never start the
   * service by D-Bus activation once it is known to run. */
  limber_dbus_reminders_proxy_new (bus,
                                   G_DBUS_PROXY_FLAGS_DO_NOT_LOAD_PROPERTIES |
                                   G_DBUS_PROXY_FLAGS_DO_NOT_AUTO_START_AT_CONSTRUCTION,
                                   LIMBER_REMINDERS_BUS_NAME, LIMBER_REMINDERS_OBJECT_PATH,
                                   self->cancellable, got_proxy, self);
  self->making_proxy = TRUE;
  return self;
}

/**
 * limber_reminders_client_get_start_error:
 *
 * Returns: (nullable): why the service could not start when reminders
 *   were last turned on, plain text, or %NULL
 */
const char *
limber_reminders_client_get_start_error (LimberRemindersClient *self)
{
  g_return_val_if_fail (LIMBER_IS_REMINDERS_CLIENT (self), NULL);
  return self->start_error;
}

gboolean
limber_reminders_client_get_running (LimberRemindersClient *self)
{
  g_return_val_if_fail (LIMBER_IS_REMINDERS_CLIENT (self), FALSE);
  return self->running;
}

const char *
limber_reminders_client_get_next_kind (LimberRemindersClient *self)
{
  g_return_val_if_fail (LIMBER_IS_REMINDERS_CLIENT (self), NULL);
  return self->next_kind;
}

gint64
limber_reminders_client_get_next_due (LimberRemindersClient *self)
{
  g_return_val_if_fail (LIMBER_IS_REMINDERS_CLIENT (self), 0);
  return self->next_due;
}

const char *
limber_reminders_client_get_next_routine (LimberRemindersClient *self)
{
  g_return_val_if_fail (LIMBER_IS_REMINDERS_CLIENT (self), NULL);
  return self->next_routine;
}

static void
call_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_proxy_call_finish (G_DBUS_PROXY (source), result, &error);
  if (reply == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("The reminder service did not answer: %s", error->message);
}

static void
call (LimberRemindersClient *self,
      const char            *method,
      GVariant              *params)
{
  /* floating from g_variant_new(), or a full reference from the queue */
  g_autoptr(GVariant) owned = params != NULL ? g_variant_take_ref (params) : NULL;

  if (self->proxy != NULL)
    g_dbus_proxy_call (G_DBUS_PROXY (self->proxy), method, owned, G_DBUS_CALL_FLAGS_NONE, -1,
                       self->cancellable, call_done, NULL);
  else if (self->making_proxy)
    {
      PendingCall *pending = g_new0 (PendingCall, 1);

      pending->method = g_strdup (method);
      pending->params = g_steal_pointer (&owned);
      g_ptr_array_add (self->pending, pending);
    }
  else
    g_message ("No reminder service to ask to %s", method);
}

/**
 * limber_reminders_client_pause:
 * @minutes: how long; 0 means until tomorrow
 */
void
limber_reminders_client_pause (LimberRemindersClient *self,
                               guint                  minutes)
{
  g_return_if_fail (LIMBER_IS_REMINDERS_CLIENT (self));
  call (self, "Pause", g_variant_new ("(u)", minutes));
}

void
limber_reminders_client_resume (LimberRemindersClient *self)
{
  g_return_if_fail (LIMBER_IS_REMINDERS_CLIENT (self));
  call (self, "Resume", NULL);
}

/**
 * limber_reminders_client_preview:
 * @kind: "break", "routine" or "checkin"
 *
 * Asks the service to send one reminder of @kind now.
 */
void
limber_reminders_client_preview (LimberRemindersClient *self,
                                 const char            *kind)
{
  g_return_if_fail (LIMBER_IS_REMINDERS_CLIENT (self));
  call (self, "Preview", g_variant_new ("(s)", kind));
}

/**
 * limber_reminders_client_describe_next:
 * @now: the present
 *
 * Returns: (transfer full) (nullable): “Next break in 23 min”, or %NULL
 * when the service is not running or nothing is due.
 */
char *
limber_reminders_client_describe_next (LimberRemindersClient *self,
                                       GDateTime             *now)
{
  LimberReminderKind kind;
  gint64 minutes;

  g_return_val_if_fail (LIMBER_IS_REMINDERS_CLIENT (self), NULL);

  if (!self->running)
    return NULL;

  if (self->paused_until > limber_time_to_usec (now))
    {
      g_autoptr(GDateTime) until = limber_time_from_usec (self->paused_until);
      g_autofree char *at = until ? g_date_time_format (until, "%H:%M") : NULL;

      if (at == NULL)
        return g_strdup (_("Reminders are paused"));
      return g_strdup_printf (_("Reminders are paused until %s"), at);
    }

  if (!limber_reminder_kind_from_string (self->next_kind, &kind))
    return NULL;

  minutes = (self->next_due - limber_time_to_usec (now) + 59 * G_USEC_PER_SEC) / (60 * G_USEC_PER_SEC);
  minutes = MAX (minutes, 0);

  if (minutes >= 120)
    {
      g_autoptr(GDateTime) due = limber_time_from_usec (self->next_due);
      g_autofree char *at = due != NULL ? g_date_time_format (due, "%H:%M") : NULL;

      if (at == NULL)
        return NULL;

      if (kind == LIMBER_REMINDER_BREAK)
        return g_strdup_printf (_("Next break at %s"), at);
      if (kind == LIMBER_REMINDER_CHECKIN)
        return g_strdup_printf (_("Check-in reminder at %s"), at);
      return g_strdup_printf (_("Next routine reminder at %s"), at);
    }

  if (kind == LIMBER_REMINDER_BREAK)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Next break in %d min", "Next break in %d min", (gulong) minutes), (int) minutes);
  if (kind == LIMBER_REMINDER_CHECKIN)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Check-in reminder in %d min", "Check-in reminder in %d min", (gulong) minutes), (int) minutes);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Next routine reminder in %d min", "Next routine reminder in %d min", (gulong) minutes), (int) minutes);
}
