/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-reminders"

#include <errno.h>
#include <string.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#include <glib-unix.h>
#include <glib/gi18n.h>

#include "limber-catalog.h"
#include "limber-dbus-reminders.h"
#include "limber-dbus-signal-private.h"
#include "limber-idle-monitor.h"
#include "limber-journal.h"
#include "limber-reminder-notification.h"
#include "limber-reminders-bus.h"
#include "limber-reminder-service.h"
#include "limber-schedule.h"
#include "limber-time.h"

/* The reminder service: it keeps the schedule's state, sleeps until the
 * schedule's next wake-up on one timer, shows what is due, and answers the
 * window over D-Bus.
 *
 * The timer is a timerfd on CLOCK_REALTIME, armed at the absolute wall-clock
 * moment the schedule asks for: it fires at that moment even across a
 * suspend, it is cancelled when the clock is set (so a changed clock or
 * time zone is followed at once), and while it is not due the process does
 * not wake up at all. Time asleep is a break: login1's PrepareForSleep says
 * so where it exists, and every wake-up also compares CLOCK_BOOTTIME with
 * CLOCK_MONOTONIC, whose difference grows by exactly the time suspended.
 *
 * Every reminder and what became of it goes to the journal. Writes that
 * fail because the window holds the journal wait in a queue and are tried
 * again with back-off; so are reminders while there is no notification
 * server. Nothing here polls. */

#define APP_BUS_NAME       LIMBER_APP_ID
#define APP_OBJECT_PATH    "/io/github/limber/Limber"
#define BREAK_ROUTINE      "desk-break"
/* A jump of the boot clock past the monotonic one longer than this was a suspend. */
#define MIN_SLEEP_USEC     (10 * G_USEC_PER_SEC)
#define RETRY_FIRST_S      30
#define RETRY_MAX_S        (30 * 60)
#define JOURNAL_RETRY_FIRST_S 5
#define MAX_JOURNAL_OPS    256

typedef struct
{
  LimberDue  due;
  char      *routine_id;
  gint64     journal_id;     /* 0 until logged */
  gboolean   resolved;       /* the user acted on it */
  gboolean   preview;
} Reminder;

typedef struct
{
  Reminder              *reminder;
  LimberReminderOutcome  outcome;  /* SHOWN: log the reminder itself */
} JournalOp;

struct _LimberReminderService
{
  GObject                     parent_instance;

  GDBusConnection            *bus;
  GSettings                  *settings;
  LimberScheduleConfig       *config;
  LimberScheduleState         state;
  LimberIdleMonitor          *idle;
  gboolean                    away;
  LimberDBusReminders        *skeleton;

  int                         timer_fd;
  guint                       timer_source_id;
  gint64                      sleep_offset;    /* CLOCK_BOOTTIME - CLOCK_MONOTONIC, µs */
  guint                       immediate_wakeups;

  gboolean                    have_next;
  LimberDue                   next;
  gint64                      next_paused_until;

  GDBusConnection            *system_bus;
  guint                       sleep_signal_id;
  GCancellable               *cancellable;

  LimberReminderNotification *notifications[LIMBER_N_REMINDER_KINDS];
  Reminder                   *current[LIMBER_N_REMINDER_KINDS];  /* what each shows */
  Reminder                   *unshown[LIMBER_N_REMINDER_KINDS];  /* waiting for a server */
  guint                       show_retry_id;
  guint                       show_backoff;

  char                       *journal_path;
  LimberJournal              *journal;
  GQueue                      journal_ops;
  guint                       journal_retry_id;
  guint                       journal_backoff;
  gboolean                    journal_gone;
};

G_DEFINE_FINAL_TYPE (LimberReminderService, limber_reminder_service, G_TYPE_OBJECT)

enum {
  QUIT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void process        (LimberReminderService *self);
static void flush_journal  (LimberReminderService *self);

/* Reminders, shared by the notification, the journal queue and the retry */

static Reminder *
reminder_new (const LimberDue *due,
              const char      *routine_id,
              gboolean         preview)
{
  Reminder *r = g_rc_box_new0 (Reminder);

  r->due = *due;
  r->routine_id = g_strdup (routine_id);
  r->preview = preview;
  return r;
}

static void
reminder_clear (gpointer data)
{
  Reminder *r = data;

  g_free (r->routine_id);
}

static Reminder *
reminder_ref (Reminder *r)
{
  return g_rc_box_acquire (r);
}

static void
reminder_unref (Reminder *r)
{
  g_rc_box_release_full (r, reminder_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reminder, reminder_unref)

static gint64
now_usec (void)
{
  return g_get_real_time ();
}

/* The journal */

static gboolean
journal_error_is_permanent (const GError *error)
{
  return g_error_matches (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID) ||
         g_error_matches (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_NOT_FOUND);
}

static gboolean
journal_error_is_fatal (const GError *error)
{
  return g_error_matches (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_TOO_NEW) ||
         g_error_matches (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_FOREIGN);
}

static LimberJournal *
ensure_journal (LimberReminderService  *self,
                GError                **error)
{
  if (self->journal == NULL)
    self->journal = limber_journal_open (self->journal_path, error);
  return self->journal;
}

static void
journal_op_free (JournalOp *op)
{
  reminder_unref (op->reminder);
  g_free (op);
}

static gboolean
on_journal_retry (gpointer user_data)
{
  LimberReminderService *self = user_data;

  self->journal_retry_id = 0;
  flush_journal (self);
  return G_SOURCE_REMOVE;
}

static void
retry_journal_later (LimberReminderService *self,
                     const GError          *error)
{
  self->journal_backoff = self->journal_backoff == 0 ? JOURNAL_RETRY_FIRST_S
                                                     : MIN (self->journal_backoff * 2, RETRY_MAX_S);
  g_message ("Could not write a reminder to the journal (%s); trying again in %u s",
             error->message, self->journal_backoff);
  if (self->journal_retry_id == 0)
    self->journal_retry_id = g_timeout_add_seconds (self->journal_backoff, on_journal_retry, self);
}

static gboolean
run_journal_op (LimberReminderService  *self,
                JournalOp              *op,
                GError                **error)
{
  Reminder *r = op->reminder;

  if (op->outcome == LIMBER_REMINDER_OUTCOME_SHOWN)
    {
      g_autoptr(GDateTime) due = limber_time_from_usec (r->due.due);

      r->journal_id = limber_journal_log_reminder (self->journal, r->due.kind,
                                                   r->routine_id, due, r->due.catch_up, error);
      return r->journal_id > 0;
    }

  /* Its log entry was refused for good; there is nothing to update. */
  if (r->journal_id <= 0)
    return TRUE;

  return limber_journal_set_reminder_outcome (self->journal, r->journal_id, op->outcome, error);
}

static void
flush_journal (LimberReminderService *self)
{
  JournalOp *op;

  if (self->journal_retry_id != 0)
    return;

  while ((op = g_queue_peek_head (&self->journal_ops)) != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (self->journal_gone)
        {
          journal_op_free (g_queue_pop_head (&self->journal_ops));
          continue;
        }

      if (ensure_journal (self, &error) == NULL)
        {
          if (journal_error_is_fatal (error))
            {
              g_message ("Reminders will not be written to the journal: %s", error->message);
              self->journal_gone = TRUE;
              continue;
            }
          retry_journal_later (self, error);
          return;
        }

      if (!run_journal_op (self, op, &error))
        {
          if (!journal_error_is_permanent (error))
            {
              /* Busy, or the file went away: open it afresh next time. */
              if (!g_error_matches (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_BUSY))
                g_clear_object (&self->journal);
              retry_journal_later (self, error);
              return;
            }
          g_message ("The journal refused a reminder: %s", error->message);
        }

      journal_op_free (g_queue_pop_head (&self->journal_ops));
    }

  self->journal_backoff = 0;
}

static void
queue_journal (LimberReminderService *self,
               Reminder              *r,
               LimberReminderOutcome  outcome)
{
  JournalOp *op = g_new0 (JournalOp, 1);

  op->reminder = reminder_ref (r);
  op->outcome = outcome;
  g_queue_push_tail (&self->journal_ops, op);

  if (self->journal_ops.length > MAX_JOURNAL_OPS)
    {
      g_message ("The journal has been out of reach for long; forgetting the oldest reminder note");
      journal_op_free (g_queue_pop_head (&self->journal_ops));
    }

  flush_journal (self);
}

/* The latest check-in today, for the check-in reminder. Left as it was
 * when the journal cannot be read just now. */
static void
refresh_last_checkin (LimberReminderService *self,
                      GDateTime             *now)
{
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GError) error = NULL;

  if (!self->config->checkin || self->journal_gone || self->journal_retry_id != 0)
    return;
  if (ensure_journal (self, &error) == NULL)
    {
      g_message ("Could not read today’s check-ins: %s", error->message);
      return;
    }

  midnight = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                    g_date_time_get_day_of_month (now), 0, 0, 0);
  checkins = limber_journal_list_checkins (self->journal, midnight, NULL, &error);
  if (checkins == NULL)
    {
      g_message ("Could not read today’s check-ins: %s", error->message);
      return;
    }

  if (checkins->len > 0)
    {
      LimberCheckin *last = g_ptr_array_index (checkins, checkins->len - 1);

      self->state.last_checkin = limber_time_to_usec (last->time);
    }
}

/* Starting Limber */

typedef struct
{
  LimberReminderService *self;
  Reminder              *reminder;
  char                  *what;
} Activation;

static void
activation_free (Activation *a)
{
  g_object_unref (a->self);
  if (a->reminder != NULL)
    reminder_unref (a->reminder);
  g_free (a->what);
  g_free (a);
}

static void
on_activated (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Activation *a = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    g_message ("Could not %s in Limber: %s", a->what, error->message);
  else if (a->reminder != NULL)
    queue_journal (a->self, a->reminder, LIMBER_REMINDER_OUTCOME_STARTED);

  activation_free (a);
}

/* Activates Limber over D-Bus, which starts it when it is not running.
 * @action NULL just opens the window. */
static void
activate_limber (LimberReminderService *self,
                 const char            *action,
                 GVariant              *param,
                 const char            *token,
                 Reminder              *r)
{
  GVariantBuilder platform;
  GVariantBuilder params;
  Activation *a = g_new0 (Activation, 1);

  g_variant_builder_init (&platform, G_VARIANT_TYPE_VARDICT);
  if (token != NULL)
    {
      g_variant_builder_add (&platform, "{sv}", "activation-token", g_variant_new_string (token));
      g_variant_builder_add (&platform, "{sv}", "desktop-startup-id", g_variant_new_string (token));
    }

  a->self = g_object_ref (self);
  a->reminder = r ? reminder_ref (r) : NULL;
  a->what = action ? g_strdup_printf ("run the action %s", action) : g_strdup ("open the window");

  if (action != NULL)
    {
      g_variant_builder_init (&params, G_VARIANT_TYPE ("av"));
      if (param != NULL)
        g_variant_builder_add (&params, "v", param);
      g_dbus_connection_call (self->bus, APP_BUS_NAME, APP_OBJECT_PATH,
                              "org.freedesktop.Application", "ActivateAction",
                              g_variant_new ("(sava{sv})", action, &params, &platform),
                              NULL, G_DBUS_CALL_FLAGS_NONE, 60 * 1000, NULL, on_activated, a);
    }
  else
    {
      g_dbus_connection_call (self->bus, APP_BUS_NAME, APP_OBJECT_PATH,
                              "org.freedesktop.Application", "Activate",
                              g_variant_new ("(a{sv})", &platform),
                              NULL, G_DBUS_CALL_FLAGS_NONE, 60 * 1000, NULL, on_activated, a);
    }
}

/* The window's view of the schedule */

static void
emit_changed (LimberReminderService *self)
{
  limber_dbus_reminders_emit_changed (self->skeleton);
}

static const char *
routine_for (LimberReminderService *self,
             const LimberDue       *due)
{
  if (due->kind == LIMBER_REMINDER_BREAK)
    return BREAK_ROUTINE;
  if (due->kind == LIMBER_REMINDER_ROUTINE && due->slot >= 0 &&
      (guint) due->slot < self->config->routines->len)
    return g_array_index (self->config->routines, LimberRoutineSlot, due->slot).routine_id;
  return NULL;
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

/* Showing reminders */

static gboolean on_show_retry (gpointer user_data);

static void
describe (LimberReminderService *self,
          Reminder              *r,
          LimberReminderText    *text,
          LimberCatalog        **catalog,
          GDateTime            **due)
{
  memset (text, 0, sizeof *text);
  text->kind = r->due.kind;
  text->break_minutes = self->config->break_interval / 60;
  text->catch_up = r->due.catch_up;
  *due = limber_time_from_usec (r->due.due);
  text->due = *due;

  if (r->due.kind == LIMBER_REMINDER_ROUTINE && r->routine_id != NULL)
    {
      g_autoptr(GError) error = NULL;
      LimberRoutine *routine = NULL;

      *catalog = limber_catalog_new_default (&error);
      if (*catalog == NULL)
        g_message ("Could not read the routines: %s", error->message);
      else
        routine = limber_catalog_lookup_routine (*catalog, r->routine_id);

      if (routine != NULL)
        {
          text->routine_name = limber_routine_get_name (routine);
          text->routine_seconds = limber_routine_get_duration (routine);
        }
      else
        text->routine_name = r->routine_id;
    }
}

static gboolean
show (LimberReminderService  *self,
      Reminder               *r,
      GError                **error)
{
  LimberReminderKind kind = r->due.kind;
  g_autoptr(LimberCatalog) catalog = NULL;
  g_autoptr(GDateTime) due = NULL;
  LimberReminderText text;

  describe (self, r, &text, &catalog, &due);
  if (!limber_reminder_notification_show (self->notifications[kind], &text, error))
    return FALSE;

  g_debug ("Showing the %s reminder due at %" G_GINT64_FORMAT "%s",
           limber_reminder_kind_to_string (kind), r->due.due, r->due.catch_up ? " (catch-up)" : "");

  /* The one it replaces on screen stays in the journal as shown. */
  g_clear_pointer (&self->current[kind], reminder_unref);
  self->current[kind] = reminder_ref (r);
  queue_journal (self, r, LIMBER_REMINDER_OUTCOME_SHOWN);
  return TRUE;
}

static void
schedule_show_retry (LimberReminderService *self)
{
  if (self->show_retry_id != 0)
    return;

  self->show_backoff = self->show_backoff == 0 ? RETRY_FIRST_S
                                               : MIN (self->show_backoff * 2, RETRY_MAX_S);
  self->show_retry_id = g_timeout_add_seconds (self->show_backoff, on_show_retry, self);
}

/* Shows @r, or keeps it (replacing an older one of its kind) until a
 * notification server takes it. */
static void
deliver (LimberReminderService *self,
         Reminder              *r)
{
  LimberReminderKind kind = r->due.kind;
  g_autoptr(GError) error = NULL;

  if (self->unshown[kind] != NULL || self->show_retry_id != 0)
    {
      /* The server is away: keep the newest of each kind only. */
      g_clear_pointer (&self->unshown[kind], reminder_unref);
      self->unshown[kind] = reminder_ref (r);
      return;
    }

  if (show (self, r, &error))
    {
      self->show_backoff = 0;
      return;
    }

  g_clear_pointer (&self->unshown[kind], reminder_unref);
  self->unshown[kind] = reminder_ref (r);
  schedule_show_retry (self);
  g_message ("Could not show a reminder: %s. Trying again in %u s",
             error->message, self->show_backoff);
}

static gboolean
on_show_retry (gpointer user_data)
{
  LimberReminderService *self = user_data;

  self->show_retry_id = 0;
  for (guint kind = 0; kind < LIMBER_N_REMINDER_KINDS; kind++)
    {
      g_autoptr(Reminder) r = g_steal_pointer (&self->unshown[kind]);
      g_autoptr(GError) error = NULL;

      if (r == NULL)
        continue;

      if (!show (self, r, &error))
        {
          self->unshown[kind] = g_steal_pointer (&r);
          schedule_show_retry (self);
          g_message ("Still no notification server (%s). Trying again in %u s",
                     error->message, self->show_backoff);
          return G_SOURCE_REMOVE;
        }
    }

  g_message ("Reminders are shown again");
  self->show_backoff = 0;
  return G_SOURCE_REMOVE;
}

/* What the user did with a reminder */

static void
snooze (LimberReminderService *self,
        Reminder              *r,
        guint                  minutes)
{
  gint64 until = now_usec () + (gint64) minutes * 60 * G_USEC_PER_SEC;

  limber_schedule_snooze (&self->state, &r->due, until);
  queue_journal (self, r, LIMBER_REMINDER_OUTCOME_SNOOZED);
  process (self);
}

static void
on_response (LimberReminderNotification *notification,
             const char                 *response,
             gpointer                    user_data)
{
  LimberReminderService *self = user_data;
  Reminder *r = NULL;

  for (guint kind = 0; kind < LIMBER_N_REMINDER_KINDS; kind++)
    if (self->notifications[kind] == notification)
      r = self->current[kind];

  if (r == NULL || r->resolved)
    return;

  g_debug ("The user chose “%s” on the %s reminder", response,
           limber_reminder_kind_to_string (r->due.kind));
  r->resolved = TRUE;

  if (g_str_equal (response, LIMBER_REMINDER_ACTION_START))
    activate_limber (self, "start-routine",
                     g_variant_new_string (r->routine_id ? r->routine_id : BREAK_ROUTINE),
                     limber_reminder_notification_get_activation_token (notification), r);
  else if (g_str_equal (response, LIMBER_REMINDER_ACTION_LOG_NOW))
    activate_limber (self, "check-in", NULL,
                     limber_reminder_notification_get_activation_token (notification), r);
  else if (g_str_equal (response, LIMBER_REMINDER_ACTION_DEFAULT))
    activate_limber (self, NULL, NULL,
                     limber_reminder_notification_get_activation_token (notification), NULL);
  else if (g_str_equal (response, LIMBER_REMINDER_ACTION_SNOOZE))
    snooze (self, r, LIMBER_REMINDER_SNOOZE_MINUTES);
  else if (g_str_equal (response, LIMBER_REMINDER_ACTION_SKIP))
    queue_journal (self, r, LIMBER_REMINDER_OUTCOME_SKIPPED);
  else if (g_str_equal (response, LIMBER_REMINDER_RESPONSE_DISMISSED))
    queue_journal (self, r, LIMBER_REMINDER_OUTCOME_DISMISSED);
  else
    r->resolved = FALSE;
}

/* The timer */

static gint64
boot_minus_monotonic (void)
{
  struct timespec boot, mono;

  if (clock_gettime (CLOCK_BOOTTIME, &boot) != 0 || clock_gettime (CLOCK_MONOTONIC, &mono) != 0)
    return 0;
  return (gint64) (boot.tv_sec - mono.tv_sec) * G_USEC_PER_SEC + (boot.tv_nsec - mono.tv_nsec) / 1000;
}

/* Time asleep since the last look counts as a break. */
static void
check_sleep (LimberReminderService *self,
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

static void
arm_timer (LimberReminderService *self,
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
same_due (const LimberDue *a,
          const LimberDue *b)
{
  return a->kind == b->kind && a->due == b->due && a->slot == b->slot && a->catch_up == b->catch_up;
}

/* Takes what is due, shows it, and sleeps until the next due moment. */
static void
process (LimberReminderService *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  gint64 now_us = limber_time_to_usec (now);
  LimberScheduleConfig config = effective_config (self);
  LimberDue due, next = { 0, };
  gboolean have_next;
  gint64 wakeup, paused_until;

  check_sleep (self, now_us);
  refresh_last_checkin (self, now);

  for (guint i = 0; i < 8 && limber_schedule_take_due (&config, &self->state, now, &due); i++)
    {
      g_autoptr(Reminder) r = reminder_new (&due, routine_for (self, &due), FALSE);

      deliver (self, r);
    }

  wakeup = limber_schedule_next_wakeup (&config, &self->state, now, &next);
  have_next = wakeup != G_MAXINT64;

  /* The schedule never asks for "now" twice in a row; if it does, that is
   * a bug there, and this keeps it from becoming a busy loop. */
  if (have_next && wakeup <= now_us)
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

  arm_timer (self, wakeup);
  if (have_next)
    {
      g_autoptr(GDateTime) at = limber_time_from_usec (wakeup);
      g_autofree char *text = g_date_time_format_iso8601 (at);

      g_debug ("Next wake-up at %s for the %s reminder", text, limber_reminder_kind_to_string (next.kind));
    }
  else
    g_debug ("Nothing is due, ever; sleeping");

  paused_until = self->state.paused_until > now_us ? self->state.paused_until : 0;
  if (have_next != self->have_next || (have_next && !same_due (&next, &self->next)) ||
      paused_until != self->next_paused_until)
    {
      self->have_next = have_next;
      self->next = next;
      self->next_paused_until = paused_until;
      emit_changed (self);
    }
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

  process (self);
  return G_SOURCE_CONTINUE;
}

/* Suspend, idle and settings */

static void
on_prepare_for_sleep (GVariant *params,
                      gpointer  user_data)
{
  LimberReminderService *self = user_data;
  gboolean going;

  g_variant_get (params, "(b)", &going);
  if (going)
    {
      g_debug ("The computer is going to sleep");
      return;
    }

  g_debug ("The computer woke up; time asleep counts as a break");
  limber_schedule_note_break (&self->state, now_usec ());
  process (self);
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
  process (self);
}

static void
on_settings_changed (GSettings  *settings,
                     const char *key,
                     gpointer    user_data)
{
  LimberReminderService *self = user_data;

  g_clear_pointer (&self->config, limber_schedule_config_free);
  self->config = limber_schedule_config_from_settings (settings);

  if (!self->config->enabled)
    {
      g_message ("Reminders were turned off; the reminder service stops");
      arm_timer (self, G_MAXINT64);
      g_signal_emit (self, signals[QUIT], 0);
      return;
    }

  if (self->idle != NULL)
    limber_idle_monitor_set_threshold (self->idle, self->config->idle_break * 1000);
  process (self);
}

/* D-Bus */

static gboolean
parse_preview_kind (LimberReminderService *self,
                    const char            *text,
                    LimberDue             *due,
                    char                 **routine_id)
{
  due->due = now_usec ();
  due->slot = -1;
  due->catch_up = FALSE;
  *routine_id = NULL;

  if (g_str_equal (text, "break"))
    {
      due->kind = LIMBER_REMINDER_BREAK;
      *routine_id = g_strdup (BREAK_ROUTINE);
    }
  else if (g_str_equal (text, "checkin"))
    due->kind = LIMBER_REMINDER_CHECKIN;
  else if (g_str_equal (text, "routine") || g_str_has_prefix (text, "routine:"))
    {
      const char *id = strchr (text, ':') ? strchr (text, ':') + 1 : NULL;

      due->kind = LIMBER_REMINDER_ROUTINE;
      for (guint i = 0; i < self->config->routines->len; i++)
        {
          const LimberRoutineSlot *slot = &g_array_index (self->config->routines, LimberRoutineSlot, i);

          if (id == NULL || g_str_equal (id, slot->routine_id))
            {
              due->slot = i;
              id = slot->routine_id;
              break;
            }
        }
      if (id == NULL || *id == '\0')
        id = "evening-wind-down";
      *routine_id = g_strdup (id);
    }
  else
    return FALSE;

  return TRUE;
}

static gboolean
on_handle_preview (LimberDBusReminders   *skeleton,
                   GDBusMethodInvocation *invocation,
                   const char            *kind,
                   gpointer               user_data)
{
  LimberReminderService *self = user_data;
  g_autofree char *routine_id = NULL;
  g_autoptr(Reminder) r = NULL;
  g_autoptr(GError) error = NULL;
  LimberDue due;

  if (!parse_preview_kind (self, kind, &due, &routine_id))
    {
      g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS,
                                             "No kind of reminder is called “%s”; "
                                             "try break, routine, routine:ID or checkin", kind);
      return G_DBUS_METHOD_INVOCATION_HANDLED;
    }

  /* A preview is for now: it is not kept for a server that comes later. */
  r = reminder_new (&due, routine_id, TRUE);
  if (!show (self, r, &error))
    {
      g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_FAILED,
                                             "Could not show the reminder: %s", error->message);
      return G_DBUS_METHOD_INVOCATION_HANDLED;
    }

  limber_dbus_reminders_complete_preview (skeleton, invocation);
  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

/* Snoozes the reminder on screen, or else moves the next one. */
static gboolean
on_handle_snooze (LimberDBusReminders   *skeleton,
                  GDBusMethodInvocation *invocation,
                  guint                  minutes,
                  gpointer               user_data)
{
  LimberReminderService *self = user_data;
  Reminder *latest = NULL;

  if (minutes == 0 || minutes > 24 * 60)
    {
      g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS,
                                             "Snooze takes 1 to 1440 minutes");
      return G_DBUS_METHOD_INVOCATION_HANDLED;
    }

  for (guint kind = 0; kind < LIMBER_N_REMINDER_KINDS; kind++)
    {
      Reminder *r = self->current[kind];

      if (r != NULL && !r->resolved && limber_reminder_notification_is_showing (self->notifications[kind]) &&
          (latest == NULL || r->due.due > latest->due.due))
        latest = r;
    }

  if (latest != NULL)
    {
      latest->resolved = TRUE;
      snooze (self, latest, minutes);
    }
  else if (self->have_next)
    {
      gint64 from = MAX (self->next.due, now_usec ());

      limber_schedule_snooze (&self->state, &self->next, from + (gint64) minutes * 60 * G_USEC_PER_SEC);
      process (self);
    }

  limber_dbus_reminders_complete_snooze (skeleton, invocation);
  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

static gboolean
on_handle_get_next (LimberDBusReminders   *skeleton,
                    GDBusMethodInvocation *invocation,
                    gpointer               user_data)
{
  LimberReminderService *self = user_data;
  const char *routine = self->have_next ? routine_for (self, &self->next) : NULL;

  limber_dbus_reminders_complete_get_next (skeleton, invocation,
                                           self->have_next ? limber_reminder_kind_to_string (self->next.kind) : "",
                                           self->have_next ? self->next.due : (gint64) 0,
                                           routine ? routine : "");
  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

static gboolean
on_handle_get_paused_until (LimberDBusReminders   *skeleton,
                            GDBusMethodInvocation *invocation,
                            gpointer               user_data)
{
  LimberReminderService *self = user_data;

  limber_dbus_reminders_complete_get_paused_until (skeleton, invocation, self->next_paused_until);
  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

static gboolean
on_handle_pause (LimberDBusReminders   *skeleton,
                 GDBusMethodInvocation *invocation,
                 guint                  minutes,
                 gpointer               user_data)
{
  LimberReminderService *self = user_data;
  gint64 until;

  if (minutes == 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (now),
                                                          g_date_time_get_month (now),
                                                          g_date_time_get_day_of_month (now),
                                                          0, 0, 0);
      g_autoptr(GDateTime) tomorrow = g_date_time_add_days (today, 1);

      until = g_date_time_to_unix (tomorrow) * G_USEC_PER_SEC;
    }
  else
    until = now_usec () + (gint64) minutes * 60 * G_USEC_PER_SEC;

  g_debug ("Paused until %" G_GINT64_FORMAT, until);
  limber_schedule_pause (&self->state, until);
  process (self);
  limber_dbus_reminders_complete_pause (skeleton, invocation);
  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

static gboolean
on_handle_resume (LimberDBusReminders   *skeleton,
                  GDBusMethodInvocation *invocation,
                  gpointer               user_data)
{
  LimberReminderService *self = user_data;

  limber_schedule_resume (&self->state);
  process (self);
  limber_dbus_reminders_complete_resume (skeleton, invocation);
  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

/* The object */

static void
limber_reminder_service_dispose (GObject *object)
{
  LimberReminderService *self = LIMBER_REMINDER_SERVICE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->skeleton != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->skeleton, self);
      g_dbus_interface_skeleton_unexport (G_DBUS_INTERFACE_SKELETON (self->skeleton));
    }
  g_clear_object (&self->skeleton);
  if (self->sleep_signal_id != 0)
    g_dbus_connection_signal_unsubscribe (self->system_bus, self->sleep_signal_id);
  self->sleep_signal_id = 0;
  g_clear_object (&self->system_bus);

  g_clear_handle_id (&self->timer_source_id, g_source_remove);
  g_clear_handle_id (&self->show_retry_id, g_source_remove);
  g_clear_handle_id (&self->journal_retry_id, g_source_remove);
  if (self->timer_fd >= 0)
    close (self->timer_fd);
  self->timer_fd = -1;

  /* Last chance for notes still waiting for the journal. */
  if (!g_queue_is_empty (&self->journal_ops))
    flush_journal (self);
  g_queue_clear_full (&self->journal_ops, (GDestroyNotify) journal_op_free);
  g_clear_handle_id (&self->journal_retry_id, g_source_remove);

  for (guint kind = 0; kind < LIMBER_N_REMINDER_KINDS; kind++)
    {
      if (self->notifications[kind] != NULL)
        g_signal_handlers_disconnect_by_data (self->notifications[kind], self);
      g_clear_object (&self->notifications[kind]);
      g_clear_pointer (&self->current[kind], reminder_unref);
      g_clear_pointer (&self->unshown[kind], reminder_unref);
    }

  if (self->idle != NULL)
    g_signal_handlers_disconnect_by_data (self->idle, self);
  g_clear_object (&self->idle);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->config, limber_schedule_config_free);
  g_clear_object (&self->journal);
  g_clear_pointer (&self->journal_path, g_free);
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
  self->config = limber_schedule_config_from_settings (settings);
  limber_schedule_state_init (&self->state, now_usec ());
  self->sleep_offset = boot_minus_monotonic ();

  self->timer_fd = timerfd_create (CLOCK_REALTIME, TFD_NONBLOCK | TFD_CLOEXEC);
  if (self->timer_fd < 0)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   "Could not make a timer: %s", g_strerror (errsv));
      return NULL;
    }
  self->timer_source_id = g_unix_fd_add (self->timer_fd, G_IO_IN, on_timer, self);

  self->skeleton = limber_dbus_reminders_skeleton_new ();
  g_signal_connect (self->skeleton, "handle-get-next", G_CALLBACK (on_handle_get_next), self);
  g_signal_connect (self->skeleton, "handle-get-paused-until", G_CALLBACK (on_handle_get_paused_until), self);
  g_signal_connect (self->skeleton, "handle-snooze", G_CALLBACK (on_handle_snooze), self);
  g_signal_connect (self->skeleton, "handle-pause", G_CALLBACK (on_handle_pause), self);
  g_signal_connect (self->skeleton, "handle-resume", G_CALLBACK (on_handle_resume), self);
  g_signal_connect (self->skeleton, "handle-preview", G_CALLBACK (on_handle_preview), self);
  if (!g_dbus_interface_skeleton_export (G_DBUS_INTERFACE_SKELETON (self->skeleton), bus,
                                         LIMBER_REMINDERS_OBJECT_PATH, error))
    return NULL;

  for (guint kind = 0; kind < LIMBER_N_REMINDER_KINDS; kind++)
    {
      self->notifications[kind] = limber_reminder_notification_new ();
      g_signal_connect (self->notifications[kind], "response", G_CALLBACK (on_response), self);
    }

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
  self->config = limber_schedule_config_from_settings (self->settings);

  self->idle = limber_idle_monitor_new (self->bus, self->config->idle_break * 1000);
  g_signal_connect (self->idle, "idle-changed", G_CALLBACK (on_idle_changed), self);
  g_bus_get (G_BUS_TYPE_SYSTEM, self->cancellable, on_system_bus, self);

  process (self);
}
