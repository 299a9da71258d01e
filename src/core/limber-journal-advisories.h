/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "limber-advisory.h"
#include "limber-journal.h"

G_BEGIN_DECLS

LimberAdvice limber_journal_take_advisory (LimberJournal        *self,
                                           const LimberCheckin  *saved,
                                           GError              **error);

G_END_DECLS
