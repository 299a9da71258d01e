/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "limber-catalog.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_STEP_ROW (limber_step_row_get_type ())
G_DECLARE_FINAL_TYPE (LimberStepRow, limber_step_row, LIMBER, STEP_ROW, AdwExpanderRow)

GtkWidget       *limber_step_row_new          (LimberStepDraft  *step,
                                               LimberCatalog    *catalog);
GtkWidget       *limber_step_row_get_field_row (LimberStepRow    *self,
                                                LimberDraftField  field);
LimberStepDraft *limber_step_row_get_step     (LimberStepRow    *self);
void             limber_step_row_set_position (LimberStepRow    *self,
                                               guint             position,
                                               guint             n_steps);
void             limber_step_row_show_problem (LimberStepRow    *self,
                                               LimberDraftField  field,
                                               const char       *message);

G_END_DECLS
