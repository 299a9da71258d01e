/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-reminders"

#include <errno.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#include <glib-unix.h>

#include "limber-dbus-signal-private.h"
#include "limber-reminder-service-private.h"

/* The service's one timer, and sleep detection.
 *
 * The timer is a timerfd on CLOCK_REALTIME, armed at the absolute wall-clock
 * moment the schedule asks for: it fires at that moment even across a
 * suspend, it is cancelled when the clock is set (so a changed clock or
 * time zone is followed at once), and while it is not due the process does
 * not wake up at all. Time asleep is a break: login1's PrepareForSleep says
 * so where it exists, and every wake-up also compares CLOCK_BOOTTIME with
 * CLOCK_MONOTONIC, whose difference grows by exactly the time suspended. */

/* A jump of the boot clock past the monotonic one longer than this was a suspend. */
#define MIN_SLEEP_USEC (10 * G_USEC_PER_SEC)

/* After login1 says the computer is going to sleep, nothing is shown for
 * up to five minutes: a break falling due in the seconds before the
 * suspend would otherwise greet the person on waking, although the sleep
 * was a break. login1 says "woke" after a resume and after a suspend that
 * failed, which ends the hold; the monotonic clock stops while suspended,
 * so the five minutes count only time awake, for the case where login1
 * went away in between. */
#define SLEEP_HOLD_USEC (5 * 60 * G_USEC_PER_SEC)

static gint64
boot_minus_monotonic (void)
{
  struct timespec boot, mono;

  if (clock_gettime (CLOCK_BOOTTIME, &boot) != 0 || clock_gettime (CLOCK_MONOTONIC, &mono) != 0)
    return 0;
  return (gint64) (boot.tv_sec - mono.tv_sec) * G_USEC_PER_SEC + (boot.tv_nsec - mono.tv_nsec) / 1000;
}

/* Time asleep since the last look counts as a break. */
void
_limber_reminder_service_check_sleep (LimberReminderService *self,
                                      gint64                 now)
{
  gint64 offset = boot_minus_monotonic ();
  gint64 slept = offset - self->sleep_offset;

  self->sleep_offset = offset;
  if (slept >= MIN_SLEEP_USEC)
    {
      g_message ("The computer slept for %" G_GINT64_FORMAT " min; that counts as a break",
                 slept / (60 * G_USEC_PER_SEC));
      limber_schedule_note_break (&self->state, now);
    }
}

void
_limber_reminder_service_arm_timer (LimberReminderService *self,
                                    gint64                 at)
{
  struct itimerspec spec = { { 0, 0 }, { 0, 0 } };

  if (at != G_MAXINT64)
    {
      at = MAX (at, 1);
      spec.it_value.tv_sec = at / G_USEC_PER_SEC;
      spec.it_value.tv_nsec = (at % G_USEC_PER_SEC) * 1000;
      if (spec.it_value.tv_sec == 0 && spec.it_value.tv_nsec == 0)
        spec.it_value.tv_nsec = 1;
    }

  if (timerfd_settime (self->timer_fd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &spec, NULL) != 0)
    g_message ("Could not set the reminder timer: %s", g_strerror (errno));
}

static gboolean
on_timer (int           fd,
          GIOCondition  condition,
          gpointer      user_data)
{
  LimberReminderService *self = user_data;
  guint64 expirations;

  if (read (fd, &expirations, sizeof expirations) < 0)
    {
      if (errno == EAGAIN || errno == EINTR)
        return G_SOURCE_CONTINUE;
      if (errno == ECANCELED)
        g_debug ("The clock was set; looking at the schedule again");
      else
        g_message ("Could not read the reminder timer: %s", g_strerror (errno));
    }

  _limber_reminder_service_process (self);
  return G_SOURCE_CONTINUE;
}

/* Suspend */

/* While the computer is going to sleep: the wall-clock moment (µs) the
 * hold ends, when nothing may be shown until then; 0 otherwise. */
gint64
_limber_reminder_service_hold_for_sleep (LimberReminderService *self,
                                         gint64                 now)
{
  gint64 held;

  if (self->going_to_sleep_at == 0)
    return 0;

  held = g_get_monotonic_time () - self->going_to_sleep_at;
  if (held >= 0 && held < self->sleep_hold)
    return now + (self->sleep_hold - held);

  g_message ("The computer was going to sleep but never woke, as far as login1 said; "
             "reminders go on");
  self->going_to_sleep_at = 0;
  return 0;
}

static void
on_prepare_for_sleep (GVariant *params,
                      gpointer  user_data)
{
  LimberReminderService *self = user_data;
  gboolean going;

  g_variant_get (params, "(b)", &going);
  if (going)
    {
      g_debug ("The computer is going to sleep; showing nothing until it wakes");
      self->going_to_sleep_at = MAX (g_get_monotonic_time (), 1);
      return;
    }

  self->going_to_sleep_at = 0;
  g_debug ("The computer woke up; time asleep counts as a break");
  limber_schedule_note_break (&self->state, g_get_real_time ());
  _limber_reminder_service_process (self);
}

static void
on_system_bus (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GDBusConnection *bus = g_bus_get_finish (result, &error);
  LimberReminderService *self;

  if (bus == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No system bus, so no word of suspend from login1 (%s); "
                 "the clocks will tell instead", error->message);
      return;
    }

  self = user_data;
  self->system_bus = bus;
  self->sleep_signal_id =
    _limber_dbus_signal_subscribe (bus, "org.freedesktop.login1", "org.freedesktop.login1.Manager",
                                   "PrepareForSleep", "/org/freedesktop/login1", "(b)",
                                   on_prepare_for_sleep, self);
}

gboolean
_limber_reminder_service_init_timer (LimberReminderService  *self,
                                     GError                **error)
{
  self->sleep_offset = boot_minus_monotonic ();
  self->sleep_hold = SLEEP_HOLD_USEC;
  self->timer_fd = timerfd_create (CLOCK_REALTIME, TFD_NONBLOCK | TFD_CLOEXEC);
  if (self->timer_fd < 0)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   "Could not make a timer: %s", g_strerror (errsv));
      return FALSE;
    }
  self->timer_source_id = g_unix_fd_add (self->timer_fd, G_IO_IN, on_timer, self);
  return TRUE;
}

/* Listens for login1's PrepareForSleep, where there is a system bus. */
void
_limber_reminder_service_watch_sleep (LimberReminderService *self)
{
  g_bus_get (G_BUS_TYPE_SYSTEM, self->cancellable, on_system_bus, self);
}

void
_limber_reminder_service_clear_timer (LimberReminderService *self)
{
  if (self->sleep_signal_id != 0)
    g_dbus_connection_signal_unsubscribe (self->system_bus, self->sleep_signal_id);
  self->sleep_signal_id = 0;
  g_clear_object (&self->system_bus);

  g_clear_handle_id (&self->timer_source_id, g_source_remove);
  if (self->timer_fd >= 0)
    close (self->timer_fd);
  self->timer_fd = -1;
}
