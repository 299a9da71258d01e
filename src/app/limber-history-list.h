/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "limber-history-item.h"
#include "limber-catalog.h"
#include "limber-journal.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_HISTORY_LIST (limber_history_list_get_type ())
G_DECLARE_FINAL_TYPE (LimberHistoryList, limber_history_list, LIMBER, HISTORY_LIST, GObject)

typedef void (*LimberHistoryListFunc) (gpointer           user_data,
                                       LimberHistoryItem *item);

LimberHistoryList  *limber_history_list_new           (void);
void                limber_history_list_set_journal   (LimberHistoryList    *self,
                                                       LimberJournal        *journal);
void                limber_history_list_reload        (LimberHistoryList    *self,
                                                       guint                 n);
guint               limber_history_list_load_more     (LimberHistoryList    *self,
                                                       guint                 n);
gboolean            limber_history_list_is_complete   (LimberHistoryList    *self);
void                limber_history_list_follow_view   (LimberHistoryList    *self,
                                                       GtkListView          *view,
                                                       GtkScrolledWindow    *scroller);
void                limber_history_list_set_today     (LimberHistoryList    *self,
                                                       GDateTime            *today);
guint               limber_history_list_get_n_loaded  (LimberHistoryList    *self);
GtkListItemFactory *limber_history_list_new_factory   (LimberHistoryList    *self,
                                                       LimberHistoryListFunc on_delete,
                                                       gpointer              user_data);
char               *limber_history_list_describe_day  (LimberHistoryList    *self,
                                                       GDateTime            *time);
char               *limber_history_list_describe_entry (LimberCatalog            *catalog,
                                                        const LimberJournalEntry *entry,
                                                        char                    **subtitle);
void                limber_history_list_set_catalog   (LimberHistoryList    *self,
                                                       LimberCatalog        *catalog);
LimberCatalog      *limber_history_list_get_catalog   (LimberHistoryList    *self);

G_END_DECLS
