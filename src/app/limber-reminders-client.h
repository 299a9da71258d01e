/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LIMBER_TYPE_REMINDERS_CLIENT (limber_reminders_client_get_type ())
G_DECLARE_FINAL_TYPE (LimberRemindersClient, limber_reminders_client, LIMBER, REMINDERS_CLIENT, GObject)

LimberRemindersClient *limber_reminders_client_new           (GSettings             *settings);
gboolean               limber_reminders_client_get_running   (LimberRemindersClient *self);
const char            *limber_reminders_client_get_next_kind (LimberRemindersClient *self);
gint64                 limber_reminders_client_get_next_due  (LimberRemindersClient *self);
const char            *limber_reminders_client_get_next_routine (LimberRemindersClient *self);
void                   limber_reminders_client_pause         (LimberRemindersClient *self,
                                                              guint                  minutes);
void                   limber_reminders_client_resume        (LimberRemindersClient *self);
void                   limber_reminders_client_preview       (LimberRemindersClient *self,
                                                              const char            *kind);
char                  *limber_reminders_client_describe_next (LimberRemindersClient *self,
                                                              GDateTime             *now);
const char            *limber_reminders_client_get_start_error (LimberRemindersClient *self);

G_END_DECLS
