/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-reminder-types"

#include "limber-reminder-types.h"

/* The reminder kind and outcome enum types, and their conversion from and
 * to the strings stored in the journal (the value nicks). */

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

/* The classes of static enum types live as long as the program, so the
 * nicks handed out stay valid after the reference is dropped. */
static const char *
nick_of (GType type,
         int   value)
{
  GEnumClass *klass = g_type_class_ref (type);
  GEnumValue *found = g_enum_get_value (klass, value);

  g_type_class_unref (klass);
  return found != NULL ? found->value_nick : NULL;
}

static gboolean
value_of (GType       type,
          const char *nick,
          int        *value)
{
  GEnumClass *klass;
  GEnumValue *found;

  if (nick == NULL)
    return FALSE;

  klass = g_type_class_ref (type);
  found = g_enum_get_value_by_nick (klass, nick);
  if (found != NULL)
    *value = found->value;
  g_type_class_unref (klass);
  return found != NULL;
}

/**
 * limber_reminder_kind_to_string:
 * @kind: a kind of reminder
 *
 * Returns: "break", "routine" or "checkin", as the journal stores it
 */
const char *
limber_reminder_kind_to_string (LimberReminderKind kind)
{
  const char *nick = nick_of (LIMBER_TYPE_REMINDER_KIND, kind);

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

  if (!value_of (LIMBER_TYPE_REMINDER_KIND, text, &value))
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
  return nick_of (LIMBER_TYPE_REMINDER_OUTCOME, outcome);
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

  if (!value_of (LIMBER_TYPE_REMINDER_OUTCOME, text, &value))
    return FALSE;
  *outcome = value;
  return TRUE;
}
