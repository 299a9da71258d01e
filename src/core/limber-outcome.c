/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-outcome"

#include "limber-outcome.h"

G_DEFINE_ENUM_TYPE (LimberOutcome, limber_outcome,
  G_DEFINE_ENUM_VALUE (LIMBER_OUTCOME_IN_PROGRESS, "in-progress"),
  G_DEFINE_ENUM_VALUE (LIMBER_OUTCOME_COMPLETED, "completed"),
  G_DEFINE_ENUM_VALUE (LIMBER_OUTCOME_STOPPED, "stopped"),
  G_DEFINE_ENUM_VALUE (LIMBER_OUTCOME_STOPPED_FOR_PAIN, "stopped-for-pain"),
  G_DEFINE_ENUM_VALUE (LIMBER_OUTCOME_INTERRUPTED, "interrupted"))

/* The journal stores these names, so they must never change. */
static const char * const names[] = {
  [LIMBER_OUTCOME_IN_PROGRESS] = "in-progress",
  [LIMBER_OUTCOME_COMPLETED] = "completed",
  [LIMBER_OUTCOME_STOPPED] = "stopped",
  [LIMBER_OUTCOME_STOPPED_FOR_PAIN] = "stopped-for-pain",
  [LIMBER_OUTCOME_INTERRUPTED] = "interrupted",
};

/**
 * limber_outcome_to_string:
 * @outcome: how a session ended
 *
 * Returns: the stable name of @outcome, as stored in the journal.
 */
const char *
limber_outcome_to_string (LimberOutcome outcome)
{
  g_return_val_if_fail ((guint) outcome < G_N_ELEMENTS (names), NULL);
  return names[outcome];
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
  g_return_val_if_fail (outcome != NULL, FALSE);

  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_str_equal (str, names[i]))
        {
          *outcome = (LimberOutcome) i;
          return TRUE;
        }
    }
  return FALSE;
}
