/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "limber-history-item.h"

/* One entry of the journal (a session or a check-in) as an item of the
 * History list's model. */
struct _LimberHistoryItem
{
  GObject             parent_instance;
  LimberJournalEntry *entry;
};

G_DEFINE_FINAL_TYPE (LimberHistoryItem, limber_history_item, G_TYPE_OBJECT)

static void
limber_history_item_finalize (GObject *object)
{
  LimberHistoryItem *self = LIMBER_HISTORY_ITEM (object);

  g_clear_pointer (&self->entry, limber_journal_entry_free);
  G_OBJECT_CLASS (limber_history_item_parent_class)->finalize (object);
}

static void
limber_history_item_class_init (LimberHistoryItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = limber_history_item_finalize;
}

static void
limber_history_item_init (LimberHistoryItem *self)
{
}

/**
 * limber_history_item_new:
 * @entry: (transfer full): the entry
 */
LimberHistoryItem *
limber_history_item_new (LimberJournalEntry *entry)
{
  LimberHistoryItem *self = g_object_new (LIMBER_TYPE_HISTORY_ITEM, NULL);

  self->entry = entry;
  return self;
}

const LimberJournalEntry *
limber_history_item_get_entry (LimberHistoryItem *self)
{
  g_return_val_if_fail (LIMBER_IS_HISTORY_ITEM (self), NULL);
  return self->entry;
}
