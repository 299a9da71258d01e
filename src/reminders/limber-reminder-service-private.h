/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib/gstdio.h>

#include "limber-dbus-reminders.h"
#include "limber-idle-monitor.h"
#include "limber-reminder-notification.h"
#include "limber-reminder-service.h"
#include "limber-schedule.h"

G_BEGIN_DECLS

/* What the parts of the reminder service share: its instance, the
 * reminders it handles, and each part's functions for the others (see
 * limber-reminder-service.c for the parts). */

/* The routine a break reminder suggests */
#define LIMBER_BREAK_ROUTINE "desk-break"
/* The longest wait between tries, for the journal and for showing */
#define LIMBER_RETRY_MAX_S   (30 * 60)

/* One reminder, reference-counted: held by the notification that shows it,
 * the journal queue and the wait for a notification server. */
typedef struct
{
  LimberDue  due;
  char      *routine_id;
  char       key[37];        /* its key in the journal, a UUID */
  gboolean   log_refused;    /* the journal will not take it: no outcome either */
  gboolean   resolved;       /* the user acted on it */
  gboolean   preview;
} LimberReminder;

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
  gint64                      going_to_sleep_at; /* CLOCK_MONOTONIC µs of PrepareForSleep(true), or 0 */
  gint64                      sleep_hold;      /* how long to show nothing after it, µs */
  guint                       immediate_wakeups;

  gboolean                    have_next;
  LimberDue                   next;
  gint64                      next_paused_until;

  GDBusConnection            *system_bus;
  guint                       sleep_signal_id;
  GCancellable               *cancellable;

  LimberReminderNotification *notifications[LIMBER_N_REMINDER_KINDS];
  LimberReminder             *current[LIMBER_N_REMINDER_KINDS];  /* what each shows */
  LimberReminder             *unshown[LIMBER_N_REMINDER_KINDS];  /* waiting for a server */
  guint                       show_retry_id;
  guint                       show_backoff;

  char                       *journal_path;
  GQueue                      journal_ops;
  struct _LimberJournalRun   *journal_run;     /* the helper at work, or NULL */
  guint                       journal_retry_id;
  guint                       journal_backoff;
  gboolean                    journal_gone;
  GStatBuf                    gone_stat;       /* the journal the helper said was gone */
  gboolean                    gone_existed;
  gboolean                    checkins_wanted; /* ask for today's last check-in */
  gboolean                    checkins_fresh;  /* just asked: process() goes on */

  /* the pause and snoozes as last stored in the settings */
  gint64                      saved_paused_until;
  gint64                      saved_break_until;
  gint64                      saved_snoozed_until;
  LimberReminderKind          saved_snoozed_kind;
  int                         saved_snoozed_slot;
};

/* limber-reminder-service.c */
void            _limber_reminder_service_process               (LimberReminderService  *self);
const char     *_limber_reminder_service_routine_for           (LimberReminderService  *self,
                                                                const LimberDue        *due);

/* limber-reminder-journal.c */
LimberReminder *_limber_reminder_new                           (const LimberDue        *due,
                                                                const char             *routine_id,
                                                                gboolean                preview);
LimberReminder *_limber_reminder_ref                           (LimberReminder         *r);
void            _limber_reminder_unref                         (LimberReminder         *r);
void            _limber_reminder_service_queue_journal         (LimberReminderService  *self,
                                                                LimberReminder         *r,
                                                                LimberReminderOutcome   outcome);
void            _limber_reminder_service_flush_journal         (LimberReminderService  *self);
gboolean        _limber_reminder_service_refresh_last_checkin  (LimberReminderService  *self,
                                                                GDateTime              *now);
void            _limber_reminder_service_clear_journal         (LimberReminderService  *self);

/* limber-reminder-timer.c */
gboolean        _limber_reminder_service_init_timer            (LimberReminderService  *self,
                                                                GError                **error);
void            _limber_reminder_service_arm_timer             (LimberReminderService  *self,
                                                                gint64                  at);
void            _limber_reminder_service_check_sleep           (LimberReminderService  *self,
                                                                gint64                  now);
void            _limber_reminder_service_watch_sleep           (LimberReminderService  *self);
gint64          _limber_reminder_service_hold_for_sleep        (LimberReminderService  *self,
                                                                gint64                  now);
void            _limber_reminder_service_clear_timer           (LimberReminderService  *self);

/* limber-reminder-outcomes.c */
void            _limber_reminder_service_init_notifications    (LimberReminderService  *self);
gboolean        _limber_reminder_service_show                  (LimberReminderService  *self,
                                                                LimberReminder         *r,
                                                                GError                **error);
void            _limber_reminder_service_deliver               (LimberReminderService  *self,
                                                                LimberReminder         *r);
void            _limber_reminder_service_snooze                (LimberReminderService  *self,
                                                                LimberReminder         *r,
                                                                guint                   minutes);
void            _limber_reminder_service_clear_notifications   (LimberReminderService  *self);

/* limber-reminder-state.c */
gboolean        _limber_reminder_service_is_state_key          (const char             *key);
void            _limber_reminder_service_restore_state         (LimberReminderService  *self,
                                                                gint64                  now);
void            _limber_reminder_service_save_state            (LimberReminderService  *self,
                                                                gint64                  now);
void            _limber_reminder_service_forget_state          (LimberReminderService  *self);

/* limber-reminder-dbus.c */
gboolean        _limber_reminder_service_export                (LimberReminderService  *self,
                                                                GError                **error);
void            _limber_reminder_service_emit_changed          (LimberReminderService  *self);
void            _limber_reminder_service_unexport              (LimberReminderService  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberReminder, _limber_reminder_unref)

G_END_DECLS
