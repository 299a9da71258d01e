/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* How a session ended; stored in the journal by name. */
typedef enum
{
  LIMBER_OUTCOME_IN_PROGRESS,
  LIMBER_OUTCOME_COMPLETED,
  LIMBER_OUTCOME_STOPPED,
  LIMBER_OUTCOME_STOPPED_FOR_PAIN,
  LIMBER_OUTCOME_INTERRUPTED,
} LimberOutcome;

#define LIMBER_TYPE_OUTCOME (limber_outcome_get_type ())
GType       limber_outcome_get_type    (void);

const char *limber_outcome_to_string   (LimberOutcome  outcome);
gboolean    limber_outcome_from_string (const char    *str,
                                        LimberOutcome *outcome);

G_END_DECLS
