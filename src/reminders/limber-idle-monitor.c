/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-idle"

#include "limber-dbus-signal-private.h"
#include "limber-idle-monitor.h"

/* Tells the service when the user steps away from the keyboard and mouse
 * and when they come back, from signals only: Mutter's idle monitor where
 * it exists (a watch that fires after the threshold, then a one-shot watch
 * for the next input), else the screen saver's ActiveChanged, else nothing
 * at all, in which case the service counts plain elapsed time.
 *
 * Either way "away" is only said once the user has been away for the
 * threshold, since the service counts every spell it hears of as a break:
 * the screen saver can come on and go off again in seconds (a lock and an
 * unlock), which is no break. */

#define MUTTER_NAME      "org.gnome.Mutter.IdleMonitor"
#define MUTTER_PATH      "/org/gnome/Mutter/IdleMonitor/Core"
#define MUTTER_IFACE     "org.gnome.Mutter.IdleMonitor"
#define SCREENSAVER_NAME "org.freedesktop.ScreenSaver"
#define SCREENSAVER_PATH "/org/freedesktop/ScreenSaver"

struct _LimberIdleMonitor
{
  GObject            parent_instance;

  GDBusConnection   *bus;
  GCancellable      *cancellable;
  LimberIdleBackend  backend;
  guint              threshold_ms;
  gboolean           idle;
  gboolean           told_none;

  guint              mutter_watch_id;
  guint              mutter_signal_id;
  guint              idle_watch;     /* Mutter's ids; 0 for none */
  guint              active_watch;
  guint              idle_watches_asked;  /* AddIdleWatch calls not answered yet */

  guint              screensaver_signal_id;
  guint              screensaver_watch_id;
  guint              screensaver_timeout_id;  /* active, not yet for the threshold */
  gint64             screensaver_since;       /* when it came on */
};

G_DEFINE_FINAL_TYPE (LimberIdleMonitor, limber_idle_monitor, G_TYPE_OBJECT)

enum {
  IDLE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_idle (LimberIdleMonitor *self,
          gboolean           idle,
          gint64             since)
{
  if (self->idle == idle)
    return;

  self->idle = idle;
  g_debug ("%s", idle ? "The user stepped away" : "The user is back");
  g_signal_emit (self, signals[IDLE_CHANGED], 0, idle, since);
}

static void
set_backend (LimberIdleMonitor *self,
             LimberIdleBackend  backend)
{
  static const char * const names[] = { "none", MUTTER_NAME, SCREENSAVER_NAME };

  if (self->backend == backend && (backend != LIMBER_IDLE_BACKEND_NONE || self->told_none))
    return;

  self->backend = backend;
  if (backend == LIMBER_IDLE_BACKEND_NONE)
    {
      if (!self->told_none)
        g_message ("No idle monitor on this desktop; counting plain elapsed time");
      self->told_none = TRUE;
      g_clear_handle_id (&self->screensaver_timeout_id, g_source_remove);
      set_idle (self, FALSE, g_get_real_time ());
    }
  else
    {
      g_debug ("Watching idle time through %s", names[backend]);
    }
}

/* Mutter */

static void
mutter_call (LimberIdleMonitor   *self,
             const char          *method,
             GVariant            *params,
             GAsyncReadyCallback  callback)
{
  g_dbus_connection_call (self->bus, MUTTER_NAME, MUTTER_PATH, MUTTER_IFACE, method, params,
                          callback ? G_VARIANT_TYPE ("(u)") : NULL,
                          G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, self->cancellable,
                          callback, callback ? self : NULL);
}

static void
watch_added (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data,
             gboolean      active)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  LimberIdleMonitor *self;
  guint id;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = user_data;
  if (!active)
    self->idle_watches_asked--;
  if (reply == NULL)
    {
      g_message ("Mutter's idle monitor refused a watch: %s", error->message);
      return;
    }

  g_variant_get (reply, "(u)", &id);
  if (active)
    self->active_watch = id;
  else if (self->idle_watches_asked > 0)
    {
      /* Answers come in the order asked: one that a newer threshold
       * replaced while it was on its way would stay in Mutter for good. */
      mutter_call (self, "RemoveWatch", g_variant_new ("(u)", id), NULL);
    }
  else
    self->idle_watch = id;
}

static void
idle_watch_added (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  watch_added (source, result, user_data, FALSE);
}

static void
active_watch_added (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  watch_added (source, result, user_data, TRUE);
}

static void
mutter_add_idle_watch (LimberIdleMonitor *self)
{
  if (self->idle_watch != 0)
    mutter_call (self, "RemoveWatch", g_variant_new ("(u)", self->idle_watch), NULL);
  self->idle_watch = 0;
  self->idle_watches_asked++;
  mutter_call (self, "AddIdleWatch", g_variant_new ("(t)", (guint64) self->threshold_ms),
               idle_watch_added);
}

static void
on_watch_fired (GVariant *params,
                gpointer  user_data)
{
  LimberIdleMonitor *self = user_data;
  guint id;

  g_variant_get (params, "(u)", &id);

  if (id != 0 && id == self->idle_watch)
    {
      set_idle (self, TRUE, g_get_real_time () - (gint64) self->threshold_ms * 1000);
      /* user-active watches fire once, so one is added per idle spell */
      mutter_call (self, "AddUserActiveWatch", NULL, active_watch_added);
    }
  else if (id != 0 && id == self->active_watch)
    {
      self->active_watch = 0;
      set_idle (self, FALSE, g_get_real_time ());
    }
}

/* The screen saver */

static gboolean
screensaver_threshold_reached (gpointer user_data)
{
  LimberIdleMonitor *self = user_data;

  self->screensaver_timeout_id = 0;
  set_idle (self, TRUE, self->screensaver_since);
  return G_SOURCE_REMOVE;
}

static void
screensaver_arm (LimberIdleMonitor *self)
{
  gint64 left = self->screensaver_since + (gint64) self->threshold_ms * 1000 - g_get_real_time ();

  g_clear_handle_id (&self->screensaver_timeout_id, g_source_remove);
  self->screensaver_timeout_id =
    g_timeout_add ((guint) CLAMP (left / 1000, 0, (gint64) self->threshold_ms),
                   screensaver_threshold_reached, self);
}

static void
screensaver_set_active (LimberIdleMonitor *self,
                        gboolean           active)
{
  set_backend (self, LIMBER_IDLE_BACKEND_SCREENSAVER);
  if (!active)
    {
      g_clear_handle_id (&self->screensaver_timeout_id, g_source_remove);
      set_idle (self, FALSE, g_get_real_time ());
    }
  else if (!self->idle && self->screensaver_timeout_id == 0)
    {
      self->screensaver_since = g_get_real_time ();
      screensaver_arm (self);
    }
}

static void
on_screensaver_active_changed (GVariant *params,
                               gpointer  user_data)
{
  LimberIdleMonitor *self = user_data;
  gboolean active;

  if (self->backend == LIMBER_IDLE_BACKEND_MUTTER)
    return;

  g_variant_get (params, "(b)", &active);
  screensaver_set_active (self, active);
}

static void
screensaver_got_active (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  LimberIdleMonitor *self;
  gboolean active;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = user_data;
  if (self->backend == LIMBER_IDLE_BACKEND_MUTTER)
    return;

  if (reply == NULL)
    {
      g_debug ("No screen saver on the bus: %s", error->message);
      set_backend (self, LIMBER_IDLE_BACKEND_NONE);
      return;
    }

  g_variant_get (reply, "(b)", &active);
  screensaver_set_active (self, active);
}

/* Without this, a screen saver that quit while on would leave the user
 * away, with no break reminder, until another one came. */
static void
on_screensaver_vanished (GDBusConnection *bus,
                         const char      *name,
                         gpointer         user_data)
{
  LimberIdleMonitor *self = user_data;

  if (self->backend != LIMBER_IDLE_BACKEND_SCREENSAVER)
    return;

  g_message ("The screen saver went away; counting plain elapsed time");
  g_clear_handle_id (&self->screensaver_timeout_id, g_source_remove);
  self->backend = LIMBER_IDLE_BACKEND_NONE;
  set_idle (self, FALSE, g_get_real_time ());
}

static void
try_screensaver (LimberIdleMonitor *self)
{
  g_dbus_connection_call (self->bus, SCREENSAVER_NAME, SCREENSAVER_PATH, SCREENSAVER_NAME,
                          "GetActive", NULL, G_VARIANT_TYPE ("(b)"),
                          G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, self->cancellable,
                          screensaver_got_active, self);
}

static void
on_mutter_appeared (GDBusConnection *bus,
                    const char      *name,
                    const char      *owner,
                    gpointer         user_data)
{
  LimberIdleMonitor *self = user_data;

  g_clear_handle_id (&self->screensaver_timeout_id, g_source_remove);
  set_backend (self, LIMBER_IDLE_BACKEND_MUTTER);
  self->idle_watch = 0;
  self->active_watch = 0;
  set_idle (self, FALSE, g_get_real_time ());
  mutter_add_idle_watch (self);
}

static void
on_mutter_vanished (GDBusConnection *bus,
                    const char      *name,
                    gpointer         user_data)
{
  LimberIdleMonitor *self = user_data;

  /* Also called at start when Mutter is not there. */
  self->idle_watch = 0;
  self->active_watch = 0;
  if (self->backend == LIMBER_IDLE_BACKEND_MUTTER)
    {
      g_message ("Mutter's idle monitor went away; trying the screen saver");
      self->backend = LIMBER_IDLE_BACKEND_NONE;
      set_idle (self, FALSE, g_get_real_time ());
    }
  try_screensaver (self);
}

static void
limber_idle_monitor_dispose (GObject *object)
{
  LimberIdleMonitor *self = LIMBER_IDLE_MONITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->screensaver_timeout_id, g_source_remove);
  if (self->mutter_watch_id != 0)
    g_bus_unwatch_name (self->mutter_watch_id);
  self->mutter_watch_id = 0;
  if (self->screensaver_watch_id != 0)
    g_bus_unwatch_name (self->screensaver_watch_id);
  self->screensaver_watch_id = 0;
  if (self->bus != NULL)
    {
      if (self->mutter_signal_id != 0)
        g_dbus_connection_signal_unsubscribe (self->bus, self->mutter_signal_id);
      if (self->screensaver_signal_id != 0)
        g_dbus_connection_signal_unsubscribe (self->bus, self->screensaver_signal_id);
    }
  self->mutter_signal_id = 0;
  self->screensaver_signal_id = 0;
  g_clear_object (&self->bus);

  G_OBJECT_CLASS (limber_idle_monitor_parent_class)->dispose (object);
}

static void
limber_idle_monitor_class_init (LimberIdleMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = limber_idle_monitor_dispose;

  /**
   * LimberIdleMonitor::idle-changed:
   * @idle: whether the user is now away
   * @since: when that began, wall-clock microseconds
   */
  signals[IDLE_CHANGED] =
    g_signal_new ("idle-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_BOOLEAN, G_TYPE_INT64);
}

static void
limber_idle_monitor_init (LimberIdleMonitor *self)
{
  self->cancellable = g_cancellable_new ();
  self->backend = LIMBER_IDLE_BACKEND_NONE;
}

/**
 * limber_idle_monitor_new:
 * @threshold_ms: how long without input counts as being away
 */
LimberIdleMonitor *
limber_idle_monitor_new (GDBusConnection *bus,
                         guint            threshold_ms)
{
  LimberIdleMonitor *self;

  g_return_val_if_fail (G_IS_DBUS_CONNECTION (bus), NULL);

  self = g_object_new (LIMBER_TYPE_IDLE_MONITOR, NULL);
  self->bus = g_object_ref (bus);
  self->threshold_ms = MAX (threshold_ms, 1000);

  self->mutter_signal_id =
    _limber_dbus_signal_subscribe (bus, MUTTER_NAME, MUTTER_IFACE, "WatchFired", MUTTER_PATH,
                                   "(u)", on_watch_fired, self);
  self->screensaver_signal_id =
    _limber_dbus_signal_subscribe (bus, SCREENSAVER_NAME, SCREENSAVER_NAME, "ActiveChanged",
                                   SCREENSAVER_PATH, "(b)", on_screensaver_active_changed, self);
  self->mutter_watch_id =
    g_bus_watch_name_on_connection (bus, MUTTER_NAME, G_BUS_NAME_WATCHER_FLAGS_NONE,
                                    on_mutter_appeared, on_mutter_vanished, self, NULL);
  self->screensaver_watch_id =
    g_bus_watch_name_on_connection (bus, SCREENSAVER_NAME, G_BUS_NAME_WATCHER_FLAGS_NONE,
                                    NULL, on_screensaver_vanished, self, NULL);
  return self;
}

void
limber_idle_monitor_set_threshold (LimberIdleMonitor *self,
                                   guint              threshold_ms)
{
  g_return_if_fail (LIMBER_IS_IDLE_MONITOR (self));

  threshold_ms = MAX (threshold_ms, 1000);
  if (self->threshold_ms == threshold_ms)
    return;

  self->threshold_ms = threshold_ms;
  if (self->backend == LIMBER_IDLE_BACKEND_MUTTER)
    mutter_add_idle_watch (self);
  else if (self->screensaver_timeout_id != 0)
    screensaver_arm (self);
}

gboolean
limber_idle_monitor_get_idle (LimberIdleMonitor *self)
{
  g_return_val_if_fail (LIMBER_IS_IDLE_MONITOR (self), FALSE);
  return self->idle;
}

LimberIdleBackend
limber_idle_monitor_get_backend (LimberIdleMonitor *self)
{
  g_return_val_if_fail (LIMBER_IS_IDLE_MONITOR (self), LIMBER_IDLE_BACKEND_NONE);
  return self->backend;
}
