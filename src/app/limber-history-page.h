/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "limber-catalog.h"
#include "limber-journal.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_HISTORY_PAGE (limber_history_page_get_type ())
G_DECLARE_FINAL_TYPE (LimberHistoryPage, limber_history_page, LIMBER, HISTORY_PAGE, GtkWidget)

void limber_history_page_set_journal  (LimberHistoryPage *self,
                                       LimberJournal     *journal);
void limber_history_page_set_settings (LimberHistoryPage *self,
                                       GSettings         *settings);
void                limber_history_page_set_catalog  (LimberHistoryPage *self,
                                                      LimberCatalog     *catalog);
void limber_history_page_set_today    (LimberHistoryPage *self,
                                       GDateTime         *today);
void limber_history_page_reload       (LimberHistoryPage *self);
void limber_history_page_focus_chart_day (LimberHistoryPage *self,
                                          int                index);
GtkWidget  *limber_history_page_get_journal_view (LimberHistoryPage *self);
GListModel *limber_history_page_get_list (LimberHistoryPage *self);

G_END_DECLS
