/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-reminders"

#include "limber-reminder-service-private.h"
#include "limber-time.h"

/* The reminder service: it keeps the schedule's state and its
 * configuration from the settings, follows idle time, and in
 * _limber_reminder_service_process() takes what is due, has it shown and
 * sleeps until the schedule's next wake-up. Nothing here polls. Its other
 * parts, which share limber-reminder-service-private.h:
 *
 *   limber-reminder-timer.c     the timer, and sleep detection
 *   limber-reminder-outcomes.c  showing reminders, and what the user did
 *   limber-reminder-journal.c   the journal's write queue, with back-off,
 *                               written by limber-journal-helper
 *   limber-reminder-dbus.c      the D-Bus interface the window calls
 *   limber-reminder-state.c     the pause and snoozes, kept across restarts */

G_DEFINE_FINAL_TYPE (LimberReminderService, limber_reminder_service, G_TYPE_OBJECT)

enum {
  QUIT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The schedule */

const char *
_limber_reminder_service_routine_for (LimberReminderService *self,
                                      const LimberDue       *due)
{
  if (due->kind == LIMBER_REMINDER_BREAK)
    return LIMBER_BREAK_ROUTINE;
  if (due->kind == LIMBER_REMINDER_ROUTINE && due->slot >= 0 &&
      (guint) due->slot < self->config->routines->len)
    return g_array_index (self->config->routines, LimberRoutineSlot, due->slot).routine_id;
  return NULL;
}

/* For tests only: LIMBER_REMINDERS_MINUTE=SECONDS makes a minute of the
 * break interval, of the idle break and of the hold before a suspend that
 * many seconds, so that tests of idle time and suspend run in seconds.
 * Clock reminders are unchanged. */
static guint64
minute_seconds (void)
{
  const char *minute = g_getenv ("LIMBER_REMINDERS_MINUTE");
  guint64 seconds;

  if (minute != NULL && g_ascii_string_to_unsigned (minute, 10, 1, 60, &seconds, NULL))
    return seconds;
  return 60;
}

static LimberScheduleConfig *
read_config (GSettings *settings)
{
  LimberScheduleConfig *config = limber_schedule_config_from_settings (settings);
  guint64 seconds = minute_seconds ();

  config->break_interval = config->break_interval / 60 * seconds;
  config->idle_break = config->idle_break / 60 * seconds;
  return config;
}

/* The configuration the schedule sees: no break reminders while away. */
static LimberScheduleConfig
effective_config (LimberReminderService *self)
{
  LimberScheduleConfig config = *self->config;

  if (self->away)
    config.breaks = FALSE;
  return config;
}

static gboolean
same_due (const LimberDue *a,
          const LimberDue *b)
{
  return a->kind == b->kind && a->due == b->due && a->slot == b->slot && a->catch_up == b->catch_up;
}

/* Takes what is due, shows it, and sleeps until the next due moment. */
void
_limber_reminder_service_process (LimberReminderService *self)
{
  g_autoptr(GDateTime) now = limber_time_now_local ();
  gint64 now_us = limber_time_to_usec (now);
  LimberScheduleConfig config = effective_config (self);
  LimberDue due, next = { 0, };
  gboolean have_next;
  gint64 wakeup, paused_until, hold_until;

  _limber_reminder_service_check_sleep (self, now_us);
  /* Going to sleep: nothing is shown until the computer wakes, but a pause
   * or snooze asked meanwhile is still kept and told */
  hold_until = _limber_reminder_service_hold_for_sleep (self, now_us);
  /* A check-in reminder due: today's check-ins are asked of the journal
   * helper first, and this runs again with its answer. */
  if (hold_until == 0 && _limber_reminder_service_refresh_last_checkin (self, now))
    return;

  for (guint i = 0; hold_until == 0 && i < 8 && limber_schedule_take_due (&config, &self->state, now, &due); i++)
    {
      const char *routine = _limber_reminder_service_routine_for (self, &due);
      g_autoptr(LimberReminder) r = _limber_reminder_new (&due, routine, FALSE);

      _limber_reminder_service_deliver (self, r);
    }

  wakeup = limber_schedule_next_wakeup (&config, &self->state, now, &next);
  have_next = wakeup != G_MAXINT64;

  /* The schedule never asks for "now" twice in a row; if it does, that is
   * a bug there, and this keeps it from becoming a busy loop. */
  if (hold_until != 0)
    wakeup = hold_until;
  else if (have_next && wakeup <= now_us)
    {
      if (++self->immediate_wakeups > 3)
        {
          if (self->immediate_wakeups == 4)
            g_message ("The schedule keeps asking to wake up now; waiting a minute");
          wakeup = now_us + 60 * G_USEC_PER_SEC;
        }
    }
  else
    self->immediate_wakeups = 0;

  _limber_reminder_service_arm_timer (self, wakeup);
  if (have_next)
    {
      g_autoptr(GDateTime) at = limber_time_from_usec (wakeup);
      g_autofree char *text = g_date_time_format_iso8601 (at);

      g_debug ("Next wake-up at %s for the %s reminder", text, limber_reminder_kind_to_string (next.kind));
    }
  else
    g_debug ("Nothing is due, ever; sleeping");

  _limber_reminder_service_save_state (self, now_us);
  paused_until = self->state.paused_until > now_us ? self->state.paused_until : 0;
  if (have_next != self->have_next || (have_next && !same_due (&next, &self->next)) ||
      paused_until != self->next_paused_until)
    {
      self->have_next = have_next;
      self->next = next;
      self->next_paused_until = paused_until;
      _limber_reminder_service_emit_changed (self);
    }
}

/* Idle time and settings */

static void
on_idle_changed (LimberIdleMonitor *idle,
                 gboolean           away,
                 gint64             since,
                 gpointer           user_data)
{
  LimberReminderService *self = user_data;

  self->away = away;
  if (!away)
    limber_schedule_note_break (&self->state, since);
  _limber_reminder_service_process (self);
}

static void
on_settings_changed (GSettings  *settings,
                     const char *key,
                     gpointer    user_data)
{
  LimberReminderService *self = user_data;

  /* its own writes, of the pause and snoozes */
  if (_limber_reminder_service_is_state_key (key))
    return;

  g_clear_pointer (&self->config, limber_schedule_config_free);
  self->config = read_config (settings);

  if (!self->config->enabled)
    {
      g_message ("Reminders were turned off; the reminder service stops");
      _limber_reminder_service_arm_timer (self, G_MAXINT64);
      _limber_reminder_service_forget_state (self);
      g_signal_emit (self, signals[QUIT], 0);
      return;
    }

  if (self->idle != NULL)
    limber_idle_monitor_set_threshold (self->idle, self->config->idle_break * 1000);
  _limber_reminder_service_process (self);
}

/* The object */

static void
limber_reminder_service_dispose (GObject *object)
{
  LimberReminderService *self = LIMBER_REMINDER_SERVICE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  _limber_reminder_service_unexport (self);
  _limber_reminder_service_clear_timer (self);
  _limber_reminder_service_clear_journal (self);
  _limber_reminder_service_clear_notifications (self);

  if (self->idle != NULL)
    g_signal_handlers_disconnect_by_data (self->idle, self);
  g_clear_object (&self->idle);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->config, limber_schedule_config_free);
  g_clear_object (&self->bus);

  G_OBJECT_CLASS (limber_reminder_service_parent_class)->dispose (object);
}

static void
limber_reminder_service_class_init (LimberReminderServiceClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = limber_reminder_service_dispose;

  /**
   * LimberReminderService::quit:
   *
   * Reminders were turned off in the settings: the program should end.
   */
  signals[QUIT] = g_signal_new ("quit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
limber_reminder_service_init (LimberReminderService *self)
{
  self->timer_fd = -1;
  self->cancellable = g_cancellable_new ();
  g_queue_init (&self->journal_ops);
}

/**
 * limber_reminder_service_new:
 * @bus: the session bus, where the service's object is exported
 * @settings: the io.github.limber.Limber settings
 * @journal_path: the journal file
 *
 * Returns: (transfer full): the service, or %NULL with @error set when its
 *   object could not be exported or its timer made
 */
LimberReminderService *
limber_reminder_service_new (GDBusConnection  *bus,
                             GSettings        *settings,
                             const char       *journal_path,
                             GError          **error)
{
  g_autoptr(LimberReminderService) self = NULL;

  g_return_val_if_fail (G_IS_DBUS_CONNECTION (bus), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (journal_path != NULL, NULL);

  self = g_object_new (LIMBER_TYPE_REMINDER_SERVICE, NULL);
  self->bus = g_object_ref (bus);
  self->settings = g_object_ref (settings);
  self->journal_path = g_strdup (journal_path);
  self->config = read_config (settings);
  limber_schedule_state_init (&self->state, g_get_real_time ());

  if (!_limber_reminder_service_init_timer (self, error))
    return NULL;
  self->sleep_hold = self->sleep_hold / 60 * minute_seconds ();
  if (!_limber_reminder_service_export (self, error))
    return NULL;
  _limber_reminder_service_init_notifications (self);

  return g_steal_pointer (&self);
}

/**
 * limber_reminder_service_start:
 *
 * Starts following the settings, idle time and suspend, and schedules the
 * first reminder.
 */
void
limber_reminder_service_start (LimberReminderService *self)
{
  g_return_if_fail (LIMBER_IS_REMINDER_SERVICE (self));

  /* GSettings only tells of changes to keys read after connecting. */
  g_signal_connect (self->settings, "changed", G_CALLBACK (on_settings_changed), self);
  g_clear_pointer (&self->config, limber_schedule_config_free);
  self->config = read_config (self->settings);

  _limber_reminder_service_restore_state (self, g_get_real_time ());

  self->idle = limber_idle_monitor_new (self->bus, self->config->idle_break * 1000);
  g_signal_connect (self->idle, "idle-changed", G_CALLBACK (on_idle_changed), self);
  _limber_reminder_service_watch_sleep (self);

  _limber_reminder_service_process (self);
}
