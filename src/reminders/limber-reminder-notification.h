/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "limber-schedule.h"

G_BEGIN_DECLS

/* Action ids, as sent to the notification server and given back by
 * LimberReminderNotification::response, which also says "dismissed"
 * when the user closed the notification. */
#define LIMBER_REMINDER_ACTION_START     "start"
#define LIMBER_REMINDER_ACTION_LOG_NOW   "log-now"
#define LIMBER_REMINDER_ACTION_SNOOZE    "snooze"
#define LIMBER_REMINDER_ACTION_SKIP      "skip"
#define LIMBER_REMINDER_ACTION_DEFAULT   "default"
#define LIMBER_REMINDER_RESPONSE_DISMISSED "dismissed"

#define LIMBER_REMINDER_SNOOZE_MINUTES 10

typedef struct
{
  LimberReminderKind  kind;
  const char         *routine_name;     /* the routine to suggest, or NULL */
  guint               routine_seconds;  /* its length, 0 when unknown */
  guint               break_minutes;    /* for a break: the interval */
  gboolean            catch_up;
  GDateTime          *due;              /* for a catch-up: when it was due */
} LimberReminderText;

#define LIMBER_TYPE_REMINDER_NOTIFICATION (limber_reminder_notification_get_type ())
G_DECLARE_FINAL_TYPE (LimberReminderNotification, limber_reminder_notification,
                      LIMBER, REMINDER_NOTIFICATION, GObject)

LimberReminderNotification *limber_reminder_notification_new       (void);
gboolean                    limber_reminder_notification_show      (LimberReminderNotification  *self,
                                                                    const LimberReminderText    *text,
                                                                    GError                     **error);
const char                 *limber_reminder_notification_get_activation_token
                                                                   (LimberReminderNotification  *self);
gboolean                    limber_reminder_notification_is_showing (LimberReminderNotification *self);

G_END_DECLS
