/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-reminders"

#include <string.h>

#include "limber-catalog.h"
#include "limber-reminder-service-private.h"
#include "limber-time.h"

/* Reminders on screen and what the user does with them: showing one (or
 * keeping the newest of each kind, tried again with back-off, while there
 * is no notification server), and the notification's answers: Start and
 * Log Now activate Limber over D-Bus, Snooze moves the reminder, Skip and
 * closing it are noted in the journal. */

#define APP_BUS_NAME    LIMBER_APP_ID
#define APP_OBJECT_PATH "/io/github/limber/Limber"
#define RETRY_FIRST_S   30

/* Starting Limber */

typedef struct
{
  LimberReminderService *self;
  LimberReminder        *reminder;
  char                  *what;
} Activation;

static void
activation_free (Activation *a)
{
  g_object_unref (a->self);
  if (a->reminder != NULL)
    _limber_reminder_unref (a->reminder);
  g_free (a->what);
  g_free (a);
}

static void
on_activated (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Activation *a = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    g_message ("Could not %s in Limber: %s", a->what, error->message);
  else if (a->reminder != NULL)
    _limber_reminder_service_queue_journal (a->self, a->reminder, LIMBER_REMINDER_OUTCOME_STARTED);

  activation_free (a);
}

/* Activates Limber over D-Bus, which starts it when it is not running.
 * @action NULL just opens the window. */
static void
activate_limber (LimberReminderService *self,
                 const char            *action,
                 GVariant              *param,
                 const char            *token,
                 LimberReminder        *r)
{
  GVariantBuilder platform;
  GVariantBuilder params;
  Activation *a = g_new0 (Activation, 1);

  g_variant_builder_init (&platform, G_VARIANT_TYPE_VARDICT);
  if (token != NULL)
    {
      g_variant_builder_add (&platform, "{sv}", "activation-token", g_variant_new_string (token));
      g_variant_builder_add (&platform, "{sv}", "desktop-startup-id", g_variant_new_string (token));
    }

  a->self = g_object_ref (self);
  a->reminder = r ? _limber_reminder_ref (r) : NULL;
  a->what = action ? g_strdup_printf ("run the action %s", action) : g_strdup ("open the window");

  if (action != NULL)
    {
      g_variant_builder_init (&params, G_VARIANT_TYPE ("av"));
      if (param != NULL)
        g_variant_builder_add (&params, "v", param);
      g_dbus_connection_call (self->bus, APP_BUS_NAME, APP_OBJECT_PATH,
                              "org.freedesktop.Application", "ActivateAction",
                              g_variant_new ("(sava{sv})", action, &params, &platform),
                              NULL, G_DBUS_CALL_FLAGS_NONE, 60 * 1000, NULL, on_activated, a);
    }
  else
    {
      g_dbus_connection_call (self->bus, APP_BUS_NAME, APP_OBJECT_PATH,
                              "org.freedesktop.Application", "Activate",
                              g_variant_new ("(a{sv})", &platform),
                              NULL, G_DBUS_CALL_FLAGS_NONE, 60 * 1000, NULL, on_activated, a);
    }
}

/* Showing reminders */

static gboolean on_show_retry (gpointer user_data);

static void
describe (LimberReminderService *self,
          LimberReminder        *r,
          LimberReminderText    *text,
          LimberCatalog        **catalog,
          GDateTime            **due)
{
  memset (text, 0, sizeof *text);
  text->kind = r->due.kind;
  text->break_minutes = self->config->break_interval / 60;
  text->catch_up = r->due.catch_up;
  *due = limber_time_from_usec (r->due.due);
  text->due = *due;

  if (r->due.kind == LIMBER_REMINDER_ROUTINE && r->routine_id != NULL)
    {
      g_autoptr(GError) error = NULL;
      LimberRoutine *routine = NULL;

      *catalog = limber_catalog_new_default (&error);
      if (*catalog == NULL)
        g_message ("Could not read the routines: %s", error->message);
      else
        routine = limber_catalog_lookup_routine (*catalog, r->routine_id);

      if (routine != NULL)
        {
          text->routine_name = limber_routine_get_name (routine);
          text->routine_seconds = limber_routine_get_duration (routine);
        }
      else
        text->routine_name = r->routine_id;
    }
}

gboolean
_limber_reminder_service_show (LimberReminderService  *self,
                               LimberReminder         *r,
                               GError                **error)
{
  LimberReminderKind kind = r->due.kind;
  g_autoptr(LimberCatalog) catalog = NULL;
  g_autoptr(GDateTime) due = NULL;
  LimberReminderText text;

  describe (self, r, &text, &catalog, &due);
  if (!limber_reminder_notification_show (self->notifications[kind], &text, error))
    return FALSE;

  g_debug ("Showing the %s reminder due at %" G_GINT64_FORMAT "%s",
           limber_reminder_kind_to_string (kind), r->due.due, r->due.catch_up ? " (catch-up)" : "");

  /* The one it replaces on screen stays in the journal as shown. */
  g_clear_pointer (&self->current[kind], _limber_reminder_unref);
  self->current[kind] = _limber_reminder_ref (r);
  _limber_reminder_service_queue_journal (self, r, LIMBER_REMINDER_OUTCOME_SHOWN);
  return TRUE;
}

static void
schedule_show_retry (LimberReminderService *self)
{
  if (self->show_retry_id != 0)
    return;

  self->show_backoff = self->show_backoff == 0 ? RETRY_FIRST_S
                                               : MIN (self->show_backoff * 2, LIMBER_RETRY_MAX_S);
  self->show_retry_id = g_timeout_add_seconds (self->show_backoff, on_show_retry, self);
}

/* Shows @r, or keeps it (replacing an older one of its kind) until a
 * notification server takes it. */
void
_limber_reminder_service_deliver (LimberReminderService *self,
                                  LimberReminder        *r)
{
  LimberReminderKind kind = r->due.kind;
  g_autoptr(GError) error = NULL;

  if (self->unshown[kind] != NULL || self->show_retry_id != 0)
    {
      /* The server is away: keep the newest of each kind only. */
      g_clear_pointer (&self->unshown[kind], _limber_reminder_unref);
      self->unshown[kind] = _limber_reminder_ref (r);
      return;
    }

  if (_limber_reminder_service_show (self, r, &error))
    {
      self->show_backoff = 0;
      return;
    }

  g_clear_pointer (&self->unshown[kind], _limber_reminder_unref);
  self->unshown[kind] = _limber_reminder_ref (r);
  schedule_show_retry (self);
  g_message ("Could not show a reminder: %s. Trying again in %u s",
             error->message, self->show_backoff);
}

static gboolean
on_show_retry (gpointer user_data)
{
  LimberReminderService *self = user_data;

  self->show_retry_id = 0;
  for (guint kind = 0; kind < LIMBER_N_REMINDER_KINDS; kind++)
    {
      g_autoptr(LimberReminder) r = g_steal_pointer (&self->unshown[kind]);
      g_autoptr(GError) error = NULL;

      if (r == NULL)
        continue;

      if (!_limber_reminder_service_show (self, r, &error))
        {
          self->unshown[kind] = g_steal_pointer (&r);
          schedule_show_retry (self);
          g_message ("Still no notification server (%s). Trying again in %u s",
                     error->message, self->show_backoff);
          return G_SOURCE_REMOVE;
        }
    }

  g_message ("Reminders are shown again");
  self->show_backoff = 0;
  return G_SOURCE_REMOVE;
}

/* What the user did with a reminder */

void
_limber_reminder_service_snooze (LimberReminderService *self,
                                 LimberReminder        *r,
                                 guint                  minutes)
{
  gint64 until = g_get_real_time () + (gint64) minutes * 60 * G_USEC_PER_SEC;

  limber_schedule_snooze (&self->state, &r->due, until);
  _limber_reminder_service_queue_journal (self, r, LIMBER_REMINDER_OUTCOME_SNOOZED);
  _limber_reminder_service_process (self);
}

static void
on_response (LimberReminderNotification *notification,
             const char                 *response,
             gpointer                    user_data)
{
  LimberReminderService *self = user_data;
  LimberReminder *r = NULL;

  for (guint kind = 0; kind < LIMBER_N_REMINDER_KINDS; kind++)
    if (self->notifications[kind] == notification)
      r = self->current[kind];

  if (r == NULL || r->resolved)
    return;

  g_debug ("The user chose “%s” on the %s reminder", response,
           limber_reminder_kind_to_string (r->due.kind));
  r->resolved = TRUE;

  if (g_str_equal (response, LIMBER_REMINDER_ACTION_START))
    activate_limber (self, "start-routine",
                     g_variant_new_string (r->routine_id ? r->routine_id : LIMBER_BREAK_ROUTINE),
                     limber_reminder_notification_get_activation_token (notification), r);
  else if (g_str_equal (response, LIMBER_REMINDER_ACTION_LOG_NOW))
    activate_limber (self, "check-in", NULL,
                     limber_reminder_notification_get_activation_token (notification), r);
  else if (g_str_equal (response, LIMBER_REMINDER_ACTION_DEFAULT))
    activate_limber (self, NULL, NULL,
                     limber_reminder_notification_get_activation_token (notification), NULL);
  else if (g_str_equal (response, LIMBER_REMINDER_ACTION_SNOOZE))
    _limber_reminder_service_snooze (self, r, LIMBER_REMINDER_SNOOZE_MINUTES);
  else if (g_str_equal (response, LIMBER_REMINDER_ACTION_SKIP))
    _limber_reminder_service_queue_journal (self, r, LIMBER_REMINDER_OUTCOME_SKIPPED);
  else if (g_str_equal (response, LIMBER_REMINDER_RESPONSE_DISMISSED))
    _limber_reminder_service_queue_journal (self, r, LIMBER_REMINDER_OUTCOME_DISMISSED);
  else
    r->resolved = FALSE;
}

void
_limber_reminder_service_init_notifications (LimberReminderService *self)
{
  for (guint kind = 0; kind < LIMBER_N_REMINDER_KINDS; kind++)
    {
      self->notifications[kind] = limber_reminder_notification_new ();
      g_signal_connect (self->notifications[kind], "response", G_CALLBACK (on_response), self);
    }
}

void
_limber_reminder_service_clear_notifications (LimberReminderService *self)
{
  g_clear_handle_id (&self->show_retry_id, g_source_remove);
  for (guint kind = 0; kind < LIMBER_N_REMINDER_KINDS; kind++)
    {
      if (self->notifications[kind] != NULL)
        g_signal_handlers_disconnect_by_data (self->notifications[kind], self);
      g_clear_object (&self->notifications[kind]);
      g_clear_pointer (&self->current[kind], _limber_reminder_unref);
      g_clear_pointer (&self->unshown[kind], _limber_reminder_unref);
    }
}
