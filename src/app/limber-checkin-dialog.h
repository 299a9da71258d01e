/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "limber-checkin.h"
#include "limber-journal.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_CHECKIN_DIALOG (limber_checkin_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LimberCheckinDialog, limber_checkin_dialog, LIMBER, CHECKIN_DIALOG, AdwWindow)

GtkWidget     *limber_checkin_dialog_new              (GtkWindow           *parent,
                                                       LimberJournal       *journal,
                                                       const LimberCheckin *editing);
LimberCheckin *limber_checkin_dialog_get_checkin      (LimberCheckinDialog *self);
void           limber_checkin_dialog_set_checkin      (LimberCheckinDialog *self,
                                                       const LimberCheckin *checkin);
void           limber_checkin_dialog_set_initial_pain (LimberCheckinDialog *self,
                                                       int                  value);
void           limber_checkin_dialog_set_time         (LimberCheckinDialog *self,
                                                       GDateTime           *time);
gboolean       limber_checkin_dialog_save             (LimberCheckinDialog *self);

G_END_DECLS
