/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-outcome"

#include "limber-enums.h"
#include "limber-outcome.h"

/* The journal stores the nicks, so they must never change. */
G_DEFINE_ENUM_TYPE (LimberOutcome, limber_outcome,
  G_DEFINE_ENUM_VALUE (LIMBER_OUTCOME_IN_PROGRESS, "in-progress"),
  G_DEFINE_ENUM_VALUE (LIMBER_OUTCOME_COMPLETED, "completed"),
  G_DEFINE_ENUM_VALUE (LIMBER_OUTCOME_STOPPED, "stopped"),
  G_DEFINE_ENUM_VALUE (LIMBER_OUTCOME_STOPPED_FOR_PAIN, "stopped-for-pain"),
  G_DEFINE_ENUM_VALUE (LIMBER_OUTCOME_INTERRUPTED, "interrupted"))

/**
 * limber_outcome_to_string:
 * @outcome: how a session ended
 *
 * Returns: the stable name of @outcome, as stored in the journal.
 */
const char *
limber_outcome_to_string (LimberOutcome outcome)
{
  const char *nick = limber_enum_to_nick (LIMBER_TYPE_OUTCOME, outcome);

  g_return_val_if_fail (nick != NULL, NULL);
  return nick;
}

/**
 * limber_outcome_from_string:
 * @str: a name written by limber_outcome_to_string()
 * @outcome: (out): where to store the outcome
 *
 * Returns: %TRUE if @str names an outcome; @outcome is left alone otherwise.
 */
gboolean
limber_outcome_from_string (const char    *str,
                            LimberOutcome *outcome)
{
  int value;

  g_return_val_if_fail (outcome != NULL, FALSE);

  if (!limber_enum_from_nick (LIMBER_TYPE_OUTCOME, str, &value))
    return FALSE;
  *outcome = (LimberOutcome) value;
  return TRUE;
}
