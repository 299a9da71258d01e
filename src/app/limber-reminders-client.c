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
 * session bus (next reminder, pause, resume, a test notification), and turns
 * the service on and off with the reminders-enabled setting — the autostart
 * entry for the next login, and the service itself now. It talks to the
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
  GCancellable        *cancellable;
};

G_DEFINE_FINAL_TYPE (LimberRemindersClient, limber_reminders_client, G_TYPE_OBJECT)

enum {
  CHANGED,
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
  if (!self->running)
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

static void call (LimberRemindersClient *self,
                  const char            *method,
                  GVariant              *params);

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
          g_message ("Could not follow the reminder service, so %u requests to it are dropped: %s",
                     self->pending->len, error->message);
          g_ptr_array_set_size (self->pending, 0);
        }
      return;
    }

  self = user_data;
  self->proxy = proxy;
  self->making_proxy = FALSE;
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

static char *
reminders_binary (void)
{
  const char *env = g_getenv ("LIMBER_REMINDERS_BIN");

  return g_strdup (env ? env : LIMBER_BINDIR "/limber-reminders");
}

/**
 * limber_reminders_get_autostart_path:
 *
 * Returns: (transfer full): where the login autostart entry goes.
 */
char *
limber_reminders_get_autostart_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart",
                           "io.github.limber.Limber.Reminders.desktop", NULL);
}

/**
 * limber_reminders_set_autostart:
 *
 * Adds or removes the XDG autostart entry that starts the reminder service
 * at login.
 */
gboolean
limber_reminders_set_autostart (gboolean   enabled,
                                GError   **error)
{
  g_autofree char *path = limber_reminders_get_autostart_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GKeyFile) entry = NULL;
  g_autofree char *exec = NULL;

  if (!enabled)
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Could not remove %s: %s"), path, g_strerror (saved));
          return FALSE;
        }
      return TRUE;
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  exec = reminders_binary ();
  entry = g_key_file_new ();
  g_key_file_set_string (entry, "Desktop Entry", "Type", "Application");
  g_key_file_set_string (entry, "Desktop Entry", "Name", _("Limber Reminders"));
  g_key_file_set_string (entry, "Desktop Entry", "Comment", _("Reminders to stand up, stretch and check in"));
  g_key_file_set_string (entry, "Desktop Entry", "Exec", exec);
  g_key_file_set_string (entry, "Desktop Entry", "Icon", LIMBER_APP_ID);
  g_key_file_set_boolean (entry, "Desktop Entry", "NoDisplay", TRUE);
  g_key_file_set_boolean (entry, "Desktop Entry", "X-GNOME-Autostart-enabled", TRUE);
  return g_key_file_save_to_file (entry, path, error);
}

static void
start_service (LimberRemindersClient *self)
{
  g_autofree char *exec = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = NULL;

  if (self->running)
    return;

  /* the service exits by itself when reminders are turned off */
  exec = reminders_binary ();
  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, exec, NULL);
  if (proc == NULL)
    g_message ("Could not start the reminder service %s: %s", exec, error->message);
}

static void
on_enabled_changed (LimberRemindersClient *self)
{
  gboolean enabled = g_settings_get_boolean (self->settings, "reminders-enabled");
  g_autoptr(GError) error = NULL;

  if (!limber_reminders_set_autostart (enabled, &error))
    g_message ("%s", error->message);
  if (enabled)
    start_service (self);
}

static void
limber_reminders_client_dispose (GObject *object)
{
  LimberRemindersClient *self = LIMBER_REMINDERS_CLIENT (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->proxy);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->next_kind, g_free);
  g_clear_pointer (&self->next_routine, g_free);

  G_OBJECT_CLASS (limber_reminders_client_parent_class)->dispose (object);
}

static void
limber_reminders_client_class_init (LimberRemindersClientClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = limber_reminders_client_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
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
  if (settings != NULL)
    g_signal_connect_object (settings, "changed::reminders-enabled",
                             G_CALLBACK (on_enabled_changed), self, G_CONNECT_SWAPPED);
  return self;
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
