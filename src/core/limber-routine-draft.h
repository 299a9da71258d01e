/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "limber-check.h"
#include "limber-routine.h"
#include "limber-step-draft.h"

G_BEGIN_DECLS

/* A routine being edited: what the editor binds to and
 * limber_catalog_save_routine() writes. Properties (notify on change):
 * "id" (NULL for a routine not saved yet), "name", "summary", "prepare" and
 * "switch-sides" (int, -1 for the person's default from Preferences, else
 * 0–60 s), and "steps", a GListModel of LimberStepDraft. */
#define LIMBER_TYPE_ROUTINE_DRAFT (limber_routine_draft_get_type ())
G_DECLARE_FINAL_TYPE (LimberRoutineDraft, limber_routine_draft, LIMBER, ROUTINE_DRAFT, GObject)

LimberRoutineDraft *limber_routine_draft_new                (void);
LimberRoutineDraft *limber_routine_draft_new_from_routine   (LimberRoutine      *routine);
LimberRoutineDraft *limber_routine_draft_new_duplicate      (LimberRoutine      *routine);

const char         *limber_routine_draft_get_id             (LimberRoutineDraft *self);
void                limber_routine_draft_set_id             (LimberRoutineDraft *self,
                                                             const char         *id);
const char         *limber_routine_draft_get_name           (LimberRoutineDraft *self);
void                limber_routine_draft_set_name           (LimberRoutineDraft *self,
                                                             const char         *name);
const char         *limber_routine_draft_get_summary        (LimberRoutineDraft *self);
void                limber_routine_draft_set_summary        (LimberRoutineDraft *self,
                                                             const char         *summary);
int                 limber_routine_draft_get_prepare        (LimberRoutineDraft *self);
void                limber_routine_draft_set_prepare        (LimberRoutineDraft *self,
                                                             int                 prepare);
int                 limber_routine_draft_get_switch_sides   (LimberRoutineDraft *self);
void                limber_routine_draft_set_switch_sides   (LimberRoutineDraft *self,
                                                             int                 switch_sides);

GListModel         *limber_routine_draft_get_steps          (LimberRoutineDraft *self);
guint               limber_routine_draft_get_n_steps        (LimberRoutineDraft *self);
LimberStepDraft    *limber_routine_draft_get_step           (LimberRoutineDraft *self,
                                                             guint               position);
void                limber_routine_draft_append_step        (LimberRoutineDraft *self,
                                                             LimberStepDraft    *step);
void                limber_routine_draft_insert_step        (LimberRoutineDraft *self,
                                                             guint               position,
                                                             LimberStepDraft    *step);
void                limber_routine_draft_remove_step        (LimberRoutineDraft *self,
                                                             guint               position);
void                limber_routine_draft_move_step          (LimberRoutineDraft *self,
                                                             guint               from,
                                                             guint               to);

guint               limber_routine_draft_get_duration       (LimberRoutineDraft *self,
                                                             LimberCatalog      *catalog);
gboolean            limber_routine_draft_check              (LimberRoutineDraft *self,
                                                             LimberCatalog      *catalog,
                                                             guint              *bad_step,
                                                             LimberDraftField   *bad_field,
                                                             GError            **error);
char               *limber_routine_draft_to_text            (LimberRoutineDraft *self,
                                                             LimberCatalog      *catalog);

G_END_DECLS
