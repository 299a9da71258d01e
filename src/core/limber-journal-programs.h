/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "limber-journal.h"
#include "limber-program-events.h"

G_BEGIN_DECLS

/* Programs in the journal (limber-journal-programs.c). At most one program
 * is current: the one of the latest event, unless that event is "left".
 * Each call is one short write; levels are 1…LIMBER_PROGRAM_MAX_LEVELS (the
 * caller keeps them within its program's levels). The person may stay, step
 * back or leave at any time: these are the same calls the rules' decisions
 * are applied with. */

gboolean            limber_journal_start_program        (LimberJournal  *self,
                                                         const char     *program_id,
                                                         GDateTime      *time,
                                                         GError        **error);
gboolean            limber_journal_change_program_level (LimberJournal  *self,
                                                         guint           level,
                                                         const char     *reason,
                                                         GDateTime      *time,
                                                         GError        **error);
gboolean            limber_journal_stay_at_program_level (LimberJournal *self,
                                                         const char     *reason,
                                                         GDateTime      *time,
                                                         GError        **error);
gboolean            limber_journal_leave_program        (LimberJournal  *self,
                                                         GDateTime      *time,
                                                         GError        **error);
LimberProgramState *limber_journal_get_current_program  (LimberJournal  *self,
                                                         GError        **error);
GPtrArray          *limber_journal_list_program_events  (LimberJournal  *self,
                                                         GDateTime      *from,
                                                         GDateTime      *to,
                                                         GError        **error);

G_END_DECLS
