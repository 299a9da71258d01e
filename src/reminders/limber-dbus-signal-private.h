/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Called with a signal's parameters, which have the signature asked for. */
typedef void (*LimberSignalFunc) (GVariant *params,
                                  gpointer  user_data);

guint _limber_dbus_signal_subscribe (GDBusConnection  *bus,
                                     const char       *sender,
                                     const char       *iface,
                                     const char       *member,
                                     const char       *path,
                                     const char       *signature,
                                     LimberSignalFunc  func,
                                     gpointer          user_data);

G_END_DECLS
