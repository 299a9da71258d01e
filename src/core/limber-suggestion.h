/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "limber-schedule.h"

G_BEGIN_DECLS

/* Why the Today page suggests the routine it does. */
typedef enum
{
  LIMBER_SUGGESTION_PLANNED,   /* a routine reminder is due soon, or just was */
  LIMBER_SUGGESTION_MORNING,
  LIMBER_SUGGESTION_WORKDAY,
  LIMBER_SUGGESTION_DAYTIME,   /* daytime at a weekend */
  LIMBER_SUGGESTION_EVENING,
  LIMBER_SUGGESTION_NIGHT,
} LimberSuggestionReason;

typedef struct
{
  const char             *routine_id;  /* owned by the config, or static */
  LimberSuggestionReason  reason;
  gint64                  planned_at;  /* for PLANNED: when the reminder is due, else 0 */
} LimberSuggestion;

/* How long before a planned routine it is suggested, and for how long
 * after its time it still is. */
#define LIMBER_SUGGESTION_AHEAD_SECONDS (2 * 3600)
#define LIMBER_SUGGESTION_AFTER_SECONDS (30 * 60)

#define LIMBER_SUGGESTION_MORNING_ROUTINE "morning-hamstrings"
#define LIMBER_SUGGESTION_WORKDAY_ROUTINE "desk-break"
#define LIMBER_SUGGESTION_EVENING_ROUTINE "evening-wind-down"

void limber_suggest_routine (const LimberScheduleConfig *config,
                             GDateTime                  *now,
                             LimberSuggestion           *out);

G_END_DECLS
