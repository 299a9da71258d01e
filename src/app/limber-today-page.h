/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "limber-catalog.h"
#include "limber-journal.h"
#include "limber-reminders-client.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_TODAY_PAGE (limber_today_page_get_type ())
G_DECLARE_FINAL_TYPE (LimberTodayPage, limber_today_page, LIMBER, TODAY_PAGE, GtkWidget)

GtkWidget *limber_today_page_new          (LimberCatalog         *catalog,
                                           LimberJournal         *journal,
                                           GSettings             *settings,
                                           LimberRemindersClient *reminders);
void       limber_today_page_reload       (LimberTodayPage       *self);
void       limber_today_page_update_reminder (LimberTodayPage    *self);
void       limber_today_page_set_now_func (LimberTodayPage       *self,
                                           GDateTime           *(*now_func) (gpointer user_data),
                                           gpointer               user_data);
const char *limber_today_page_get_suggested_routine (LimberTodayPage *self);

G_END_DECLS
