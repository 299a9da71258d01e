/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "limber-check.h"
#include "limber-exercise.h"

G_BEGIN_DECLS

typedef struct _LimberCatalog LimberCatalog;

/* An own exercise being edited. Properties (notify on change): "id" (NULL
 * when new), "name", "summary", "kind" (LimberExerciseKind, one value),
 * "muscles" and "instructions" (GStrv), "caution", "counted" (boolean:
 * repetitions and tempo instead of a hold), "hold", "hold-min", "hold-max"
 * (0 and 0 for no advised range), "repetitions", "tempo", "sets",
 * "set-rest", "each-side", "picture" (NULL for none, “bundled:<exercise-id>”
 * or a file name in the pictures folder, as returned by
 * limber_catalog_import_picture()) and "mirror-picture". */
#define LIMBER_TYPE_EXERCISE_DRAFT (limber_exercise_draft_get_type ())
G_DECLARE_FINAL_TYPE (LimberExerciseDraft, limber_exercise_draft, LIMBER, EXERCISE_DRAFT, GObject)

LimberExerciseDraft *limber_exercise_draft_new                  (void);
LimberExerciseDraft *limber_exercise_draft_new_from_exercise    (LimberExercise      *exercise);

const char          *limber_exercise_draft_get_id               (LimberExerciseDraft *self);
void                 limber_exercise_draft_set_id               (LimberExerciseDraft *self,
                                                                 const char          *id);
const char          *limber_exercise_draft_get_name             (LimberExerciseDraft *self);
void                 limber_exercise_draft_set_name             (LimberExerciseDraft *self,
                                                                 const char          *name);
const char          *limber_exercise_draft_get_summary          (LimberExerciseDraft *self);
void                 limber_exercise_draft_set_summary          (LimberExerciseDraft *self,
                                                                 const char          *summary);
LimberExerciseKind   limber_exercise_draft_get_kind             (LimberExerciseDraft *self);
void                 limber_exercise_draft_set_kind             (LimberExerciseDraft *self,
                                                                 LimberExerciseKind   kind);
const char * const  *limber_exercise_draft_get_muscles          (LimberExerciseDraft *self);
void                 limber_exercise_draft_set_muscles          (LimberExerciseDraft *self,
                                                                 const char * const  *muscles);
const char * const  *limber_exercise_draft_get_instructions     (LimberExerciseDraft *self);
void                 limber_exercise_draft_set_instructions     (LimberExerciseDraft *self,
                                                                 const char * const  *instructions);
const char          *limber_exercise_draft_get_caution          (LimberExerciseDraft *self);
void                 limber_exercise_draft_set_caution          (LimberExerciseDraft *self,
                                                                 const char          *caution);
gboolean             limber_exercise_draft_get_counted          (LimberExerciseDraft *self);
void                 limber_exercise_draft_set_counted          (LimberExerciseDraft *self,
                                                                 gboolean             counted);
guint                limber_exercise_draft_get_hold             (LimberExerciseDraft *self);
void                 limber_exercise_draft_set_hold             (LimberExerciseDraft *self,
                                                                 guint                hold);
void                 limber_exercise_draft_get_hold_range       (LimberExerciseDraft *self,
                                                                 guint               *min,
                                                                 guint               *max);
void                 limber_exercise_draft_set_hold_range       (LimberExerciseDraft *self,
                                                                 guint                min,
                                                                 guint                max);
guint                limber_exercise_draft_get_repetitions      (LimberExerciseDraft *self);
void                 limber_exercise_draft_set_repetitions      (LimberExerciseDraft *self,
                                                                 guint                repetitions);
guint                limber_exercise_draft_get_tempo            (LimberExerciseDraft *self);
void                 limber_exercise_draft_set_tempo            (LimberExerciseDraft *self,
                                                                 guint                tempo);
guint                limber_exercise_draft_get_sets             (LimberExerciseDraft *self);
void                 limber_exercise_draft_set_sets             (LimberExerciseDraft *self,
                                                                 guint                sets);
guint                limber_exercise_draft_get_set_rest         (LimberExerciseDraft *self);
void                 limber_exercise_draft_set_set_rest         (LimberExerciseDraft *self,
                                                                 guint                set_rest);
gboolean             limber_exercise_draft_get_each_side        (LimberExerciseDraft *self);
void                 limber_exercise_draft_set_each_side        (LimberExerciseDraft *self,
                                                                 gboolean             each_side);
const char          *limber_exercise_draft_get_picture          (LimberExerciseDraft *self);
void                 limber_exercise_draft_set_picture          (LimberExerciseDraft *self,
                                                                 const char          *picture);
gboolean             limber_exercise_draft_get_mirror_picture   (LimberExerciseDraft *self);
void                 limber_exercise_draft_set_mirror_picture   (LimberExerciseDraft *self,
                                                                 gboolean             mirror);

gboolean             limber_exercise_draft_check                (LimberExerciseDraft *self,
                                                                 LimberCatalog       *catalog,
                                                                 LimberDraftField    *bad_field,
                                                                 GError             **error);
char                *limber_exercise_draft_to_text              (LimberExerciseDraft *self);

G_END_DECLS
