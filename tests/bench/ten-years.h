/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "limber-journal.h"

G_BEGIN_DECLS

void bench_add_day (LimberJournal *journal,
                    GDateTime     *day,
                    guint          i);

G_END_DECLS
