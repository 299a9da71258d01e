/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-reminders"

#include "limber-dbus-signal-private.h"

/* How the reminder service's parts hear other programs' D-Bus signals
 * (Mutter's idle watches, the screen saver, login1's suspend): a
 * subscription whose callback gets only the parameters, and only when they
 * have the signature it expects; other emissions are ignored. */

typedef struct
{
  GVariantType     *type;
  LimberSignalFunc  func;
  gpointer          user_data;
} Subscription;

static void
subscription_free (gpointer data)
{
  Subscription *s = data;

  g_variant_type_free (s->type);
  g_free (s);
}

static void
on_signal (GDBusConnection *bus,
           const char      *sender,
           const char      *path,
           const char      *iface,
           const char      *member,
           GVariant        *params,
           gpointer         user_data)
{
  Subscription *s = user_data;

  if (g_variant_is_of_type (params, s->type))
    s->func (params, s->user_data);
}

/**
 * _limber_dbus_signal_subscribe:
 * @signature: the type of tuple @func takes, e.g. "(u)"
 *
 * Subscribes to a signal, like g_dbus_connection_signal_subscribe().
 *
 * Returns: the subscription's id, for g_dbus_connection_signal_unsubscribe()
 */
guint
_limber_dbus_signal_subscribe (GDBusConnection  *bus,
                               const char       *sender,
                               const char       *iface,
                               const char       *member,
                               const char       *path,
                               const char       *signature,
                               LimberSignalFunc  func,
                               gpointer          user_data)
{
  Subscription *s;

  g_return_val_if_fail (G_IS_DBUS_CONNECTION (bus), 0);
  g_return_val_if_fail (g_variant_type_string_is_valid (signature), 0);

  s = g_new0 (Subscription, 1);
  s->type = g_variant_type_new (signature);
  s->func = func;
  s->user_data = user_data;
  return g_dbus_connection_signal_subscribe (bus, sender, iface, member, path, NULL,
                                             G_DBUS_SIGNAL_FLAGS_NONE, on_signal, s,
                                             subscription_free);
}
