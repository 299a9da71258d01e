/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The kinds of reminder and what became of one, as enums whose value nicks
 * are the strings the journal stores and the reminder service's D-Bus
 * interface speaks: the one place those strings are written. */

typedef enum
{
  LIMBER_REMINDER_BREAK,     /* "break": after a stretch of computer use */
  LIMBER_REMINDER_ROUTINE,   /* "routine": at a set time on chosen weekdays */
  LIMBER_REMINDER_CHECKIN,   /* "checkin": at a set time when no check-in was logged that day */
  LIMBER_N_REMINDER_KINDS
} LimberReminderKind;

typedef enum
{
  LIMBER_REMINDER_OUTCOME_SHOWN,      /* "shown": on screen, nothing done with it yet */
  LIMBER_REMINDER_OUTCOME_STARTED,    /* "started": the user started Limber from it */
  LIMBER_REMINDER_OUTCOME_SNOOZED,    /* "snoozed" */
  LIMBER_REMINDER_OUTCOME_SKIPPED,    /* "skipped" */
  LIMBER_REMINDER_OUTCOME_DISMISSED,  /* "dismissed": closed without a choice */
  LIMBER_REMINDER_OUTCOME_FAILED,     /* "failed": it never reached the screen */
} LimberReminderOutcome;

#define LIMBER_TYPE_REMINDER_KIND    (limber_reminder_kind_get_type ())
#define LIMBER_TYPE_REMINDER_OUTCOME (limber_reminder_outcome_get_type ())

GType       limber_reminder_kind_get_type       (void) G_GNUC_CONST;
GType       limber_reminder_outcome_get_type    (void) G_GNUC_CONST;

const char *limber_reminder_kind_to_string      (LimberReminderKind     kind);
gboolean    limber_reminder_kind_from_string    (const char            *text,
                                                 LimberReminderKind    *kind);
const char *limber_reminder_outcome_to_string   (LimberReminderOutcome  outcome);
gboolean    limber_reminder_outcome_from_string (const char            *text,
                                                 LimberReminderOutcome *outcome);

G_END_DECLS
