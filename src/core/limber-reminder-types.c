/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-reminder-types"

#include "limber-enums.h"
#include "limber-reminder-types.h"

/* The reminder kind and outcome enum types; the journal stores their value
 * nicks (limber-enums.c). */

G_DEFINE_ENUM_TYPE (LimberReminderKind, limber_reminder_kind,
  G_DEFINE_ENUM_VALUE (LIMBER_REMINDER_BREAK, "break"),
  G_DEFINE_ENUM_VALUE (LIMBER_REMINDER_ROUTINE, "routine"),
  G_DEFINE_ENUM_VALUE (LIMBER_REMINDER_CHECKIN, "checkin"))

G_DEFINE_ENUM_TYPE (LimberReminderOutcome, limber_reminder_outcome,
  G_DEFINE_ENUM_VALUE (LIMBER_REMINDER_OUTCOME_SHOWN, "shown"),
  G_DEFINE_ENUM_VALUE (LIMBER_REMINDER_OUTCOME_STARTED, "started"),
  G_DEFINE_ENUM_VALUE (LIMBER_REMINDER_OUTCOME_SNOOZED, "snoozed"),
  G_DEFINE_ENUM_VALUE (LIMBER_REMINDER_OUTCOME_SKIPPED, "skipped"),
  G_DEFINE_ENUM_VALUE (LIMBER_REMINDER_OUTCOME_DISMISSED, "dismissed"),
  G_DEFINE_ENUM_VALUE (LIMBER_REMINDER_OUTCOME_FAILED, "failed"))

/**
 * limber_reminder_kind_to_string:
 * @kind: a kind of reminder
 *
 * Returns: "break", "routine" or "checkin", as the journal stores it
 */
const char *
limber_reminder_kind_to_string (LimberReminderKind kind)
{
  const char *nick = limber_enum_to_nick (LIMBER_TYPE_REMINDER_KIND, kind);

  g_return_val_if_fail (nick != NULL, NULL);
  return nick;
}

/**
 * limber_reminder_kind_from_string:
 * @text: (nullable): a stored kind
 * @kind: (out): where the kind goes
 *
 * Returns: %FALSE, leaving @kind alone, when @text names no kind
 */
gboolean
limber_reminder_kind_from_string (const char         *text,
                                  LimberReminderKind *kind)
{
  int value;

  if (!limber_enum_from_nick (LIMBER_TYPE_REMINDER_KIND, text, &value))
    return FALSE;
  *kind = value;
  return TRUE;
}

/**
 * limber_reminder_outcome_to_string:
 * @outcome: what became of a reminder
 *
 * Returns: (nullable): "shown", "started", "snoozed", "skipped",
 *   "dismissed" or "failed", or %NULL for a value that is no outcome
 */
const char *
limber_reminder_outcome_to_string (LimberReminderOutcome outcome)
{
  return limber_enum_to_nick (LIMBER_TYPE_REMINDER_OUTCOME, outcome);
}

/**
 * limber_reminder_outcome_from_string:
 * @text: (nullable): a stored outcome
 * @outcome: (out): where the outcome goes
 *
 * Returns: %FALSE, leaving @outcome alone, when @text names no outcome
 */
gboolean
limber_reminder_outcome_from_string (const char            *text,
                                     LimberReminderOutcome *outcome)
{
  int value;

  if (!limber_enum_from_nick (LIMBER_TYPE_REMINDER_OUTCOME, text, &value))
    return FALSE;
  *outcome = value;
  return TRUE;
}
