/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-reminders"

#include <glib/gi18n.h>
#include <libnotify/notify.h>

#include "limber-reminder-notification.h"

/* One reminder on screen through libnotify. The service keeps one of these
 * per kind of reminder, so that a new break reminder replaces the last one
 * on screen (the same notification id) instead of piling up. Buttons are
 * offered only where the server has the "actions" capability; elsewhere
 * the body says what to do. */

struct _LimberReminderNotification
{
  GObject             parent_instance;

  NotifyNotification *notification;
  gboolean            showing;
  char               *activation_token;
};

G_DEFINE_FINAL_TYPE (LimberReminderNotification, limber_reminder_notification, G_TYPE_OBJECT)

enum {
  RESPONSE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* NotificationClosed reasons from the specification */
#define CLOSED_EXPIRED   1
#define CLOSED_DISMISSED 2

/* A server that takes longer than this to answer is as good as absent. */
#define SERVER_TIMEOUT_MS 10000

static void
on_action (NotifyNotification *notification,
           char               *action,
           gpointer            user_data)
{
  LimberReminderNotification *self = user_data;
  g_autoptr(LimberReminderNotification) hold = g_object_ref (self);

  g_free (self->activation_token);
  self->activation_token = g_strdup (notify_notification_get_activation_token (notification));

  g_debug ("Action “%s” on the %s reminder", action,
           notify_notification_get_closed_reason (notification) == -1 ? "open" : "closed");
  g_signal_emit (self, signals[RESPONSE], 0, action);
  g_clear_pointer (&self->activation_token, g_free);
}

static void
on_closed (NotifyNotification *notification,
           gpointer            user_data)
{
  LimberReminderNotification *self = user_data;
  g_autoptr(LimberReminderNotification) hold = g_object_ref (self);
  int reason = notify_notification_get_closed_reason (notification);

  g_debug ("Reminder closed, reason %d", reason);
  self->showing = FALSE;

  /* A closed notification's id is not reused: the next reminder is new. */
  g_signal_handlers_disconnect_by_data (notification, self);
  g_clear_object (&self->notification);

  if (reason == CLOSED_DISMISSED)
    g_signal_emit (self, signals[RESPONSE], 0, LIMBER_REMINDER_RESPONSE_DISMISSED);
}

/* The server's capabilities, asked directly rather than through
 * notify_get_server_caps(), which only warns when there is no server:
 * here that is an error to report and retry. */
static char **
get_server_caps (GError **error)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, error);
  g_autoptr(GVariant) reply = NULL;
  char **caps = NULL;

  if (bus == NULL)
    return NULL;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.Notifications",
                                       "/org/freedesktop/Notifications",
                                       "org.freedesktop.Notifications", "GetCapabilities",
                                       NULL, G_VARIANT_TYPE ("(as)"), G_DBUS_CALL_FLAGS_NONE,
                                       SERVER_TIMEOUT_MS, NULL, error);
  if (reply == NULL)
    return NULL;

  g_variant_get (reply, "(^as)", &caps);
  return caps;
}

/* "Evening wind-down" → "evening wind-down", to sit inside a sentence;
 * a name that starts with an acronym ("PNF stretches") is left alone. */
static char *
lower_initial (const char *name)
{
  const char *second;
  gunichar first;

  if (name == NULL || *name == '\0')
    return g_strdup (_("routine"));
  /* Translators: "lowercase" when a routine's name takes a small first
   * letter inside the sentence "Your %s is ready" ("Your evening wind-down
   * is ready"); translate it as anything else to keep names as they are
   * written (German nouns keep their capital) */
  if (g_strcmp0 (C_("routine name in a sentence", "lowercase"), "lowercase") != 0)
    return g_strdup (name);

  first = g_utf8_get_char (name);
  second = g_utf8_next_char (name);
  if (!g_unichar_isupper (first) || (*second != '\0' && !g_unichar_islower (g_utf8_get_char (second))))
    return g_strdup (name);

  {
    char buf[8] = { 0 };

    g_unichar_to_utf8 (g_unichar_tolower (first), buf);
    return g_strconcat (buf, second, NULL);
  }
}

static char *
make_summary (const LimberReminderText *text)
{
  switch (text->kind)
    {
    case LIMBER_REMINDER_BREAK:
      return g_strdup (_("Time to stand up and stretch"));

    case LIMBER_REMINDER_ROUTINE:
      {
        g_autofree char *name = lower_initial (text->routine_name);

        /* Translators: %s is the name of a routine in the middle of a
         * sentence, such as “evening wind-down” */
        return g_strdup_printf (_("Your %s is ready"), name);
      }

    case LIMBER_REMINDER_CHECKIN:
      return g_strdup (_("How do your hamstrings feel today?"));

    case LIMBER_N_REMINDER_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static char *
make_body (const LimberReminderText *text,
           gboolean                  with_actions)
{
  GString *body = g_string_new (NULL);

  switch (text->kind)
    {
    case LIMBER_REMINDER_BREAK:
      g_string_append_printf (body,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "You have been at the computer for %u minute. A short desk break loosens tight hamstrings and a stiff back.",
                                           "You have been at the computer for %u minutes. A short desk break loosens tight hamstrings and a stiff back.",
                                           text->break_minutes),
                              text->break_minutes);
      if (!with_actions)
        g_string_append_printf (body, "\n%s", _("Open Limber to start the desk break."));
      break;

    case LIMBER_REMINDER_ROUTINE:
      {
        const char *name = text->routine_name ? text->routine_name : "";
        guint minutes = MAX (1, (text->routine_seconds + 30) / 60);

        if (text->routine_seconds > 0)
          g_string_append_printf (body,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "“%s” takes about %u minute.",
                                               "“%s” takes about %u minutes.", minutes),
                                  name, minutes);
        else
          g_string_append_printf (body, _("“%s” is waiting for you."), name);
        if (!with_actions)
          g_string_append_printf (body, "\n%s", _("Open Limber to start it."));
      }
      break;

    case LIMBER_REMINDER_CHECKIN:
      g_string_append (body, _("Note today’s pain and stiffness; it takes half a minute."));
      if (!with_actions)
        g_string_append_printf (body, "\n%s", _("Open Limber and choose Check In."));
      break;

    case LIMBER_N_REMINDER_KINDS:
    default:
      g_assert_not_reached ();
    }

  if (text->catch_up && text->due != NULL)
    {
      g_autofree char *time = g_date_time_format (text->due, "%H:%M");

      if (body->len > 0)
        g_string_append_c (body, '\n');
      /* Translators: %s is a time of day, 18:30 */
      g_string_append_printf (body, _("It was due at %s, while you were away."), time);
    }

  return g_string_free (body, FALSE);
}

static void
limber_reminder_notification_dispose (GObject *object)
{
  LimberReminderNotification *self = LIMBER_REMINDER_NOTIFICATION (object);

  if (self->notification != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->notification, self);
      notify_notification_clear_actions (self->notification);
    }
  g_clear_object (&self->notification);
  g_clear_pointer (&self->activation_token, g_free);

  G_OBJECT_CLASS (limber_reminder_notification_parent_class)->dispose (object);
}

static void
limber_reminder_notification_class_init (LimberReminderNotificationClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = limber_reminder_notification_dispose;

  /**
   * LimberReminderNotification::response:
   * @response: an action id, or "dismissed"
   */
  signals[RESPONSE] =
    g_signal_new ("response", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
limber_reminder_notification_init (LimberReminderNotification *self)
{
}

LimberReminderNotification *
limber_reminder_notification_new (void)
{
  return g_object_new (LIMBER_TYPE_REMINDER_NOTIFICATION, NULL);
}

/**
 * limber_reminder_notification_show:
 *
 * Shows the reminder described by @text, replacing what this notification
 * showed before.
 *
 * Returns: %TRUE once the server took it; %FALSE with @error set when
 *   there is no notification server or it refused
 */
gboolean
limber_reminder_notification_show (LimberReminderNotification  *self,
                                   const LimberReminderText    *text,
                                   GError                     **error)
{
  g_auto(GStrv) caps = NULL;
  gboolean with_actions, markup;
  g_autofree char *summary = NULL;
  g_autofree char *body = NULL;
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (LIMBER_IS_REMINDER_NOTIFICATION (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (!(caps = get_server_caps (error)))
    return FALSE;
  with_actions = g_strv_contains ((const char * const *) caps, "actions");
  markup = g_strv_contains ((const char * const *) caps, "body-markup");

  summary = make_summary (text);
  body = make_body (text, with_actions);
  if (markup)
    escaped = g_markup_escape_text (body, -1);

  if (self->notification == NULL)
    {
      self->notification = notify_notification_new (summary, markup ? escaped : body, LIMBER_APP_ID);
      g_signal_connect (self->notification, "closed", G_CALLBACK (on_closed), self);
    }
  else
    {
      notify_notification_update (self->notification, summary, markup ? escaped : body, LIMBER_APP_ID);
      notify_notification_clear_actions (self->notification);
    }

  notify_notification_set_hint_string (self->notification, "desktop-entry", LIMBER_APP_ID);
  notify_notification_set_category (self->notification, "x-limber.reminder");
  notify_notification_set_urgency (self->notification, NOTIFY_URGENCY_NORMAL);
  notify_notification_set_timeout (self->notification, NOTIFY_EXPIRES_DEFAULT);

  /* Clicking the notification itself opens Limber. */
  notify_notification_add_action (self->notification, LIMBER_REMINDER_ACTION_DEFAULT,
                                  _("Open Limber"), on_action, self, NULL);
  if (with_actions)
    {
      if (text->kind == LIMBER_REMINDER_CHECKIN)
        notify_notification_add_action (self->notification, LIMBER_REMINDER_ACTION_LOG_NOW,
                                        _("Log Now"), on_action, self, NULL);
      else
        notify_notification_add_action (self->notification, LIMBER_REMINDER_ACTION_START,
                                        _("Start"), on_action, self, NULL);
      notify_notification_add_action (self->notification, LIMBER_REMINDER_ACTION_SNOOZE,
                                      _("Snooze 10 min"), on_action, self, NULL);
      notify_notification_add_action (self->notification, LIMBER_REMINDER_ACTION_SKIP,
                                      _("Skip"), on_action, self, NULL);
    }

  if (!notify_notification_show (self->notification, error))
    {
      /* Start afresh next time: the server never saw this one. */
      g_signal_handlers_disconnect_by_data (self->notification, self);
      notify_notification_clear_actions (self->notification);
      g_clear_object (&self->notification);
      self->showing = FALSE;
      return FALSE;
    }

  self->showing = TRUE;
  return TRUE;
}

/**
 * limber_reminder_notification_get_activation_token:
 *
 * Returns: (nullable): while a response is being emitted, the token the
 *   server gave for activating another program, if any
 */
const char *
limber_reminder_notification_get_activation_token (LimberReminderNotification *self)
{
  g_return_val_if_fail (LIMBER_IS_REMINDER_NOTIFICATION (self), NULL);
  return self->activation_token;
}

gboolean
limber_reminder_notification_is_showing (LimberReminderNotification *self)
{
  g_return_val_if_fail (LIMBER_IS_REMINDER_NOTIFICATION (self), FALSE);
  return self->showing;
}
