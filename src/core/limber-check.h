/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Limits on the text of own routines and exercises, checked by the loader
 * (so a hand-edited file is held to them too) and by the editors field by
 * field. Lengths are in characters, not bytes. */
#define LIMBER_NAME_MAX_CHARS         80
#define LIMBER_SUMMARY_MAX_CHARS     300
#define LIMBER_INSTRUCTIONS_MAX       20
#define LIMBER_INSTRUCTION_MAX_CHARS 500
#define LIMBER_CAUTION_MAX_CHARS     500
#define LIMBER_MUSCLES_MAX            10
#define LIMBER_MUSCLE_MAX_CHARS       40
#define LIMBER_PREPARE_MAX            60
#define LIMBER_SWITCH_SIDES_MAX       60

/* The field of a draft a check found wrong, so the editor can show the
 * reason beside it. */
typedef enum
{
  LIMBER_DRAFT_FIELD_NONE,
  /* routines */
  LIMBER_DRAFT_FIELD_NAME,
  LIMBER_DRAFT_FIELD_SUMMARY,
  LIMBER_DRAFT_FIELD_PREPARE,
  LIMBER_DRAFT_FIELD_SWITCH_SIDES,
  LIMBER_DRAFT_FIELD_STEPS,
  /* steps */
  LIMBER_DRAFT_FIELD_EXERCISE,
  LIMBER_DRAFT_FIELD_HOLD,
  LIMBER_DRAFT_FIELD_REPETITIONS,
  LIMBER_DRAFT_FIELD_TEMPO,
  LIMBER_DRAFT_FIELD_SETS,
  LIMBER_DRAFT_FIELD_SET_REST,
  LIMBER_DRAFT_FIELD_REST,
  LIMBER_DRAFT_FIELD_SIDES,
  /* exercises (and NAME, SUMMARY, HOLD, REPETITIONS, TEMPO, SETS, SET_REST) */
  LIMBER_DRAFT_FIELD_KIND,
  LIMBER_DRAFT_FIELD_MUSCLES,
  LIMBER_DRAFT_FIELD_INSTRUCTIONS,
  LIMBER_DRAFT_FIELD_CAUTION,
  LIMBER_DRAFT_FIELD_HOLD_RANGE,
  LIMBER_DRAFT_FIELD_PICTURE,
} LimberDraftField;

#define LIMBER_TYPE_DRAFT_FIELD (limber_draft_field_get_type ())
GType limber_draft_field_get_type (void);

/* Each returns TRUE when @text is fine, or FALSE with a short translated
 * reason (LIMBER_CATALOG_ERROR_INVALID_VALUE or _OUT_OF_RANGE) that reads
 * well beside the field, such as “Give it a name”. */
gboolean limber_check_name         (const char          *text,
                                    GError             **error);
gboolean limber_check_summary      (const char          *text,
                                    GError             **error);
gboolean limber_check_instruction  (const char          *text,
                                    GError             **error);
gboolean limber_check_instructions (const char * const  *instructions,
                                    guint               *bad_index,
                                    GError             **error);
gboolean limber_check_caution      (const char          *text,
                                    GError             **error);
gboolean limber_check_muscles      (const char * const  *muscles,
                                    guint               *bad_index,
                                    GError             **error);
gboolean limber_check_picture_name (const char          *name,
                                    GError             **error);
gboolean limber_check_number       (guint                value,
                                    guint                min,
                                    guint                max,
                                    GError             **error);

gboolean limber_check_is_id        (const char          *id);
char    *limber_make_slug          (const char          *name);

G_END_DECLS
