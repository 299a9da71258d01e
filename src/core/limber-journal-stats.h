/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "limber-journal.h"
#include "limber-stats.h"

G_BEGIN_DECLS

gboolean limber_journal_compute_streaks (LimberJournal  *self,
                                         GDateTime      *today,
                                         guint          *current,
                                         guint          *best,
                                         GError        **error);

gboolean limber_journal_is_empty        (LimberJournal  *self,
                                         gboolean       *empty,
                                         GError        **error);

G_END_DECLS
