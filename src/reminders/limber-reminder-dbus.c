/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-reminders"

#include "limber-time.h"
#include "limber-reminder-service-private.h"
#include "limber-reminders-bus.h"

/* The service on the session bus: it exports the skeleton generated from
 * io.github.limber.Limber.Reminders.xml, answers its methods (handle-*
 * signals) and says Changed when the next reminder or the pause does. */

/* What Preview's @text asks for: a kind's name ("break", "checkin",
 * "routine"), for a routine also "routine:ID". */
static gboolean
parse_preview_kind (LimberReminderService *self,
                    const char            *text,
                    LimberDue             *due,
                    char                 **routine_id)
{
  g_auto(GStrv) words = g_strsplit (text, ":", 2);
  const char *id = words[0] != NULL ? words[1] : NULL;

  due->due = g_get_real_time ();
  due->slot = -1;
  due->catch_up = FALSE;
  *routine_id = NULL;

  if (!limber_reminder_kind_from_string (words[0], &due->kind) ||
      (id != NULL && due->kind != LIMBER_REMINDER_ROUTINE))
    return FALSE;

  if (due->kind == LIMBER_REMINDER_BREAK)
    *routine_id = g_strdup (LIMBER_BREAK_ROUTINE);
  else if (due->kind == LIMBER_REMINDER_ROUTINE)
    {
      for (guint i = 0; i < self->config->routines->len; i++)
        {
          const LimberRoutineSlot *slot = &g_array_index (self->config->routines, LimberRoutineSlot, i);

          if (id == NULL || g_str_equal (id, slot->routine_id))
            {
              due->slot = i;
              id = slot->routine_id;
              break;
            }
        }
      if (id == NULL || *id == '\0')
        id = "evening-wind-down";
      *routine_id = g_strdup (id);
    }

  return TRUE;
}

static gboolean
on_handle_preview (LimberDBusReminders   *skeleton,
                   GDBusMethodInvocation *invocation,
                   const char            *kind,
                   gpointer               user_data)
{
  LimberReminderService *self = user_data;
  g_autofree char *routine_id = NULL;
  g_autoptr(LimberReminder) r = NULL;
  g_autoptr(GError) error = NULL;
  LimberDue due;

  if (!parse_preview_kind (self, kind, &due, &routine_id))
    {
      g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS,
                                             "No kind of reminder is called “%s”; "
                                             "try break, routine, routine:ID or checkin", kind);
      return G_DBUS_METHOD_INVOCATION_HANDLED;
    }

  /* A preview is for now: it is not kept for a server that comes later. */
  r = _limber_reminder_new (&due, routine_id, TRUE);
  if (!_limber_reminder_service_show (self, r, &error))
    {
      g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_FAILED,
                                             "Could not show the reminder: %s", error->message);
      return G_DBUS_METHOD_INVOCATION_HANDLED;
    }

  limber_dbus_reminders_complete_preview (skeleton, invocation);
  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

/* Snoozes the reminder on screen, or else moves the next one. */
static gboolean
on_handle_snooze (LimberDBusReminders   *skeleton,
                  GDBusMethodInvocation *invocation,
                  guint                  minutes,
                  gpointer               user_data)
{
  LimberReminderService *self = user_data;
  LimberReminder *latest = NULL;

  if (minutes == 0 || minutes > 24 * 60)
    {
      g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS,
                                             "Snooze takes 1 to 1440 minutes");
      return G_DBUS_METHOD_INVOCATION_HANDLED;
    }

  for (guint kind = 0; kind < LIMBER_N_REMINDER_KINDS; kind++)
    {
      LimberReminder *r = self->current[kind];

      if (r != NULL && !r->resolved && limber_reminder_notification_is_showing (self->notifications[kind]) &&
          (latest == NULL || r->due.due > latest->due.due))
        latest = r;
    }

  if (latest != NULL)
    {
      latest->resolved = TRUE;
      _limber_reminder_service_snooze (self, latest, minutes);
    }
  else if (self->have_next)
    {
      gint64 from = MAX (self->next.due, g_get_real_time ());

      limber_schedule_snooze (&self->state, &self->next, from + (gint64) minutes * 60 * G_USEC_PER_SEC);
      _limber_reminder_service_process (self);
    }

  limber_dbus_reminders_complete_snooze (skeleton, invocation);
  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

static gboolean
on_handle_get_next (LimberDBusReminders   *skeleton,
                    GDBusMethodInvocation *invocation,
                    gpointer               user_data)
{
  LimberReminderService *self = user_data;
  const char *kind = "";
  const char *routine = NULL;
  gint64 due = 0;

  if (self->have_next)
    {
      kind = limber_reminder_kind_to_string (self->next.kind);
      due = self->next.due;
      routine = _limber_reminder_service_routine_for (self, &self->next);
    }

  limber_dbus_reminders_complete_get_next (skeleton, invocation, kind, due, routine ? routine : "");
  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

static gboolean
on_handle_get_paused_until (LimberDBusReminders   *skeleton,
                            GDBusMethodInvocation *invocation,
                            gpointer               user_data)
{
  LimberReminderService *self = user_data;

  limber_dbus_reminders_complete_get_paused_until (skeleton, invocation, self->next_paused_until);
  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

static gboolean
on_handle_pause (LimberDBusReminders   *skeleton,
                 GDBusMethodInvocation *invocation,
                 guint                  minutes,
                 gpointer               user_data)
{
  LimberReminderService *self = user_data;
  gint64 until;

  if (minutes == 0)
    {
      g_autoptr(GDateTime) now = limber_time_now_local ();
      g_autoptr(GDateTime) today = limber_time_start_of_today (now);
      g_autoptr(GDateTime) tomorrow = g_date_time_add_days (today, 1);

      until = g_date_time_to_unix (tomorrow) * G_USEC_PER_SEC;
    }
  else
    until = g_get_real_time () + (gint64) minutes * 60 * G_USEC_PER_SEC;

  g_debug ("Paused until %" G_GINT64_FORMAT, until);
  limber_schedule_pause (&self->state, until);
  _limber_reminder_service_process (self);
  limber_dbus_reminders_complete_pause (skeleton, invocation);
  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

static gboolean
on_handle_resume (LimberDBusReminders   *skeleton,
                  GDBusMethodInvocation *invocation,
                  gpointer               user_data)
{
  LimberReminderService *self = user_data;

  limber_schedule_resume (&self->state);
  _limber_reminder_service_process (self);
  limber_dbus_reminders_complete_resume (skeleton, invocation);
  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

void
_limber_reminder_service_emit_changed (LimberReminderService *self)
{
  limber_dbus_reminders_emit_changed (self->skeleton);
}

gboolean
_limber_reminder_service_export (LimberReminderService  *self,
                                 GError                **error)
{
  self->skeleton = limber_dbus_reminders_skeleton_new ();
  g_signal_connect (self->skeleton, "handle-get-next", G_CALLBACK (on_handle_get_next), self);
  g_signal_connect (self->skeleton, "handle-get-paused-until", G_CALLBACK (on_handle_get_paused_until), self);
  g_signal_connect (self->skeleton, "handle-snooze", G_CALLBACK (on_handle_snooze), self);
  g_signal_connect (self->skeleton, "handle-pause", G_CALLBACK (on_handle_pause), self);
  g_signal_connect (self->skeleton, "handle-resume", G_CALLBACK (on_handle_resume), self);
  g_signal_connect (self->skeleton, "handle-preview", G_CALLBACK (on_handle_preview), self);
  return g_dbus_interface_skeleton_export (G_DBUS_INTERFACE_SKELETON (self->skeleton), self->bus,
                                           LIMBER_REMINDERS_OBJECT_PATH, error);
}

void
_limber_reminder_service_unexport (LimberReminderService *self)
{
  if (self->skeleton == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->skeleton, self);
  if (g_dbus_interface_skeleton_get_connection (G_DBUS_INTERFACE_SKELETON (self->skeleton)) != NULL)
    g_dbus_interface_skeleton_unexport (G_DBUS_INTERFACE_SKELETON (self->skeleton));
  g_clear_object (&self->skeleton);
}
