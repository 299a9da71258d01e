/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LIMBER_TYPE_REMINDER_SERVICE (limber_reminder_service_get_type ())
G_DECLARE_FINAL_TYPE (LimberReminderService, limber_reminder_service, LIMBER, REMINDER_SERVICE, GObject)

LimberReminderService *limber_reminder_service_new      (GDBusConnection        *bus,
                                                         GSettings              *settings,
                                                         const char             *journal_path,
                                                         GError                **error);
void                   limber_reminder_service_start    (LimberReminderService  *self);

G_END_DECLS
