/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "limber-journal.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_HISTORY_ITEM (limber_history_item_get_type ())
G_DECLARE_FINAL_TYPE (LimberHistoryItem, limber_history_item, LIMBER, HISTORY_ITEM, GObject)

LimberHistoryItem        *limber_history_item_new       (LimberJournalEntry *entry);
const LimberJournalEntry *limber_history_item_get_entry (LimberHistoryItem  *self);

G_END_DECLS
