/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "limber-journal.h"
#include "limber-routine.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_ROUTINE_PAGE (limber_routine_page_get_type ())
G_DECLARE_FINAL_TYPE (LimberRoutinePage, limber_routine_page, LIMBER, ROUTINE_PAGE, GtkWidget)

LimberRoutine *limber_routine_page_get_routine (LimberRoutinePage *self);
void           limber_routine_page_set_routine (LimberRoutinePage *self,
                                                LimberRoutine     *routine);

void           limber_routine_page_set_journal (LimberRoutinePage *self,
                                                LimberJournal     *journal);
void           limber_routine_page_refresh     (LimberRoutinePage *self);

G_END_DECLS
