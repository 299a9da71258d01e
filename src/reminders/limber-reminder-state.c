/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-reminders"

#include "limber-reminder-service-private.h"

/* What the service keeps across a restart or a new login: the pause and
 * the pending snoozes, in three GSettings keys (reminders-paused-until,
 * reminders-snooze, reminders-break-snoozed-until).
 *
 * GSettings, not the journal: this is a few numbers of per-user state,
 * read before anything is scheduled at start, without a run of
 * limber-journal-helper, and whether or not the journal can be written
 * (it may be damaged, locked or replaced); the journal is history, and
 * already has each snooze as a reminder's outcome. It is written only
 * when it changes, which is when someone pauses, resumes or snoozes, or a
 * snoozed reminder comes back.
 *
 * At start: a pause that has not ended holds; a snoozed routine or
 * check-in comes back at its time, or at once if that time passed less
 * than SNOOZE_GRACE ago while the service was down, and is dropped when
 * older (an evening routine snoozed last night is no use in the morning).
 * A snoozed break whose time passed is dropped: the break counter starts
 * again at start, and the time the service was down (a logout, most
 * often) was likely a break. Turning reminders off forgets all three. */

#define SNOOZE_GRACE (G_GINT64_CONSTANT (60 * 60) * G_USEC_PER_SEC)

gboolean
_limber_reminder_service_is_state_key (const char *key)
{
  return g_strcmp0 (key, "reminders-paused-until") == 0 ||
         g_strcmp0 (key, "reminders-snooze") == 0 ||
         g_strcmp0 (key, "reminders-break-snoozed-until") == 0;
}

void
_limber_reminder_service_restore_state (LimberReminderService *self,
                                        gint64                 now)
{
  gint64 paused_until = g_settings_get_int64 (self->settings, "reminders-paused-until");
  gint64 break_until = g_settings_get_int64 (self->settings, "reminders-break-snoozed-until");
  g_autofree char *kind_name = NULL;
  g_autofree char *routine_id = NULL;
  LimberReminderKind kind;
  gint64 until;
  int slot;

  if (paused_until > now)
    {
      g_message ("Reminders stay paused, as they were before the service restarted");
      limber_schedule_pause (&self->state, paused_until);
    }

  if (break_until > now)
    self->state.break_snoozed_until = break_until;
  else if (break_until != 0)
    g_debug ("A snoozed break was due while the service was down; dropped");

  g_settings_get (self->settings, "reminders-snooze", "(sxis)", &kind_name, &until, &slot, &routine_id);
  if (until == 0 || !limber_reminder_kind_from_string (kind_name, &kind) || kind == LIMBER_REMINDER_BREAK)
    ;
  else if (kind == LIMBER_REMINDER_ROUTINE &&
           (slot < 0 || (guint) slot >= self->config->routines->len ||
            g_strcmp0 (g_array_index (self->config->routines, LimberRoutineSlot, slot).routine_id,
                       routine_id) != 0))
    g_message ("The snoozed %s reminder is no longer set; dropped", routine_id);
  else if (until < now - SNOOZE_GRACE)
    g_message ("A snoozed %s reminder was due over an hour ago, while the service was down; dropped",
               kind_name);
  else
    {
      self->state.snoozed_until = until;
      self->state.snoozed_kind = kind;
      self->state.snoozed_slot = kind == LIMBER_REMINDER_ROUTINE ? slot : -1;
    }

  /* what is stored now: only a change is written */
  self->saved_paused_until = paused_until;
  self->saved_break_until = break_until;
  self->saved_snoozed_until = until;
  self->saved_snoozed_kind = limber_reminder_kind_from_string (kind_name, &kind) ? kind : LIMBER_REMINDER_BREAK;
  self->saved_snoozed_slot = slot;
  _limber_reminder_service_save_state (self, now);
}

/* Writes the pause and the snoozes when they changed since the last time. */
void
_limber_reminder_service_save_state (LimberReminderService *self,
                                     gint64                 now)
{
  const LimberScheduleState *state = &self->state;
  gint64 paused_until = state->paused_until > now ? state->paused_until : 0;
  gint64 snoozed_until = state->snoozed_until;
  int slot = state->snoozed_kind == LIMBER_REMINDER_ROUTINE ? state->snoozed_slot : -1;
  gboolean changed = FALSE;

  if (paused_until != self->saved_paused_until)
    {
      g_settings_set_int64 (self->settings, "reminders-paused-until", paused_until);
      self->saved_paused_until = paused_until;
      changed = TRUE;
    }
  if (state->break_snoozed_until != self->saved_break_until)
    {
      g_settings_set_int64 (self->settings, "reminders-break-snoozed-until", state->break_snoozed_until);
      self->saved_break_until = state->break_snoozed_until;
      changed = TRUE;
    }
  if (snoozed_until != self->saved_snoozed_until ||
      (snoozed_until != 0 && (state->snoozed_kind != self->saved_snoozed_kind || slot != self->saved_snoozed_slot)))
    {
      const char *routine = NULL;

      if (slot >= 0 && (guint) slot < self->config->routines->len)
        routine = g_array_index (self->config->routines, LimberRoutineSlot, slot).routine_id;
      g_settings_set (self->settings, "reminders-snooze", "(sxis)",
                      snoozed_until != 0 ? limber_reminder_kind_to_string (state->snoozed_kind) : "",
                      snoozed_until, snoozed_until != 0 ? slot : -1, routine ? routine : "");
      self->saved_snoozed_until = snoozed_until;
      self->saved_snoozed_kind = state->snoozed_kind;
      self->saved_snoozed_slot = slot;
      changed = TRUE;
    }
  /* on disk before anything else happens: a kill right after must not
   * lose a pause */
  if (changed)
    g_settings_sync ();
}

/* Reminders turned off: nothing of the pause or the snoozes stays. */
void
_limber_reminder_service_forget_state (LimberReminderService *self)
{
  g_settings_reset (self->settings, "reminders-paused-until");
  g_settings_reset (self->settings, "reminders-snooze");
  g_settings_reset (self->settings, "reminders-break-snoozed-until");
  /* the service exits next */
  g_settings_sync ();
}
