/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-records"

#include "limber-program-events.h"

/* The journal stores an event's kind by its nick. */
G_DEFINE_ENUM_TYPE (LimberProgramEventKind, limber_program_event_kind,
  G_DEFINE_ENUM_VALUE (LIMBER_PROGRAM_EVENT_STARTED, "started"),
  G_DEFINE_ENUM_VALUE (LIMBER_PROGRAM_EVENT_LEVEL_CHANGED, "level-changed"),
  G_DEFINE_ENUM_VALUE (LIMBER_PROGRAM_EVENT_STAYED, "stayed"),
  G_DEFINE_ENUM_VALUE (LIMBER_PROGRAM_EVENT_LEFT, "left"))

G_DEFINE_BOXED_TYPE (LimberProgramEvent, limber_program_event,
                     limber_program_event_copy, limber_program_event_free)
G_DEFINE_BOXED_TYPE (LimberProgramState, limber_program_state,
                     limber_program_state_copy, limber_program_state_free)

LimberProgramEvent *
limber_program_event_copy (const LimberProgramEvent *event)
{
  LimberProgramEvent *copy;

  g_return_val_if_fail (event != NULL, NULL);

  copy = g_new (LimberProgramEvent, 1);
  *copy = *event;
  copy->time = event->time ? g_date_time_ref (event->time) : NULL;
  copy->program_id = g_strdup (event->program_id);
  copy->reason = g_strdup (event->reason);
  return copy;
}

void
limber_program_event_free (LimberProgramEvent *event)
{
  if (event == NULL)
    return;

  g_clear_pointer (&event->time, g_date_time_unref);
  g_free (event->program_id);
  g_free (event->reason);
  g_free (event);
}

LimberProgramState *
limber_program_state_copy (const LimberProgramState *state)
{
  LimberProgramState *copy;

  g_return_val_if_fail (state != NULL, NULL);

  copy = g_new (LimberProgramState, 1);
  *copy = *state;
  copy->program_id = g_strdup (state->program_id);
  copy->started_at = state->started_at ? g_date_time_ref (state->started_at) : NULL;
  copy->level_since = state->level_since ? g_date_time_ref (state->level_since) : NULL;
  return copy;
}

void
limber_program_state_free (LimberProgramState *state)
{
  if (state == NULL)
    return;

  g_free (state->program_id);
  g_clear_pointer (&state->started_at, g_date_time_unref);
  g_clear_pointer (&state->level_since, g_date_time_unref);
  g_free (state);
}
