/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  LIMBER_EXERCISE_KIND_STRETCH = 1 << 0,
  LIMBER_EXERCISE_KIND_WARM_UP = 1 << 1,
  LIMBER_EXERCISE_KIND_SELF_MASSAGE = 1 << 2,
  LIMBER_EXERCISE_KIND_POSTURE = 1 << 3,
} LimberExerciseKind;

#define LIMBER_TYPE_EXERCISE_KIND (limber_exercise_kind_get_type ())
GType limber_exercise_kind_get_type (void);

#define LIMBER_TYPE_EXERCISE (limber_exercise_get_type ())
G_DECLARE_FINAL_TYPE (LimberExercise, limber_exercise, LIMBER, EXERCISE, GObject)

/* Bounds that every exercise and routine step is checked against. */
#define LIMBER_HOLD_MAX 600
#define LIMBER_REPETITIONS_MAX 100
#define LIMBER_TEMPO_MAX 30
#define LIMBER_SETS_MAX 10
#define LIMBER_REST_MAX 600

/* Where an exercise's picture comes from (Picture= in an own exercise). */
typedef enum
{
  LIMBER_PICTURE_NONE,      /* no picture: the UI shows a neutral placeholder */
  LIMBER_PICTURE_RESOURCE,  /* a bundled SVG, a GResource path */
  LIMBER_PICTURE_FILE,      /* a file in $XDG_DATA_HOME/limber/pictures */
} LimberPictureSource;

#define LIMBER_TYPE_PICTURE_SOURCE (limber_picture_source_get_type ())
GType limber_picture_source_get_type (void);

const char         *limber_exercise_get_id                (LimberExercise *self);
const char         *limber_exercise_get_name              (LimberExercise *self);
const char         *limber_exercise_get_summary           (LimberExercise *self);
LimberExerciseKind  limber_exercise_get_kind              (LimberExercise *self);
const char * const *limber_exercise_get_muscles           (LimberExercise *self);
gboolean            limber_exercise_get_each_side         (LimberExercise *self);
guint               limber_exercise_get_hold              (LimberExercise *self);
void                limber_exercise_get_hold_range        (LimberExercise *self,
                                                           guint          *min,
                                                           guint          *max);
guint               limber_exercise_get_repetitions       (LimberExercise *self);
guint               limber_exercise_get_tempo             (LimberExercise *self);
guint               limber_exercise_get_sets              (LimberExercise *self);
guint               limber_exercise_get_set_rest          (LimberExercise *self);
const char * const *limber_exercise_get_instructions      (LimberExercise *self);
const char         *limber_exercise_get_caution           (LimberExercise *self);
const char         *limber_exercise_get_illustration_path (LimberExercise *self);
gboolean            limber_exercise_is_bundled            (LimberExercise *self);
gboolean            limber_exercise_is_hidden             (LimberExercise *self);
const char         *limber_exercise_get_source            (LimberExercise *self);
LimberPictureSource limber_exercise_get_picture_source    (LimberExercise *self);
const char         *limber_exercise_get_picture           (LimberExercise *self);
const char         *limber_exercise_get_picture_path      (LimberExercise *self);
gboolean            limber_exercise_get_mirror_picture    (LimberExercise *self);

const char         *limber_exercise_kind_to_string        (LimberExerciseKind kind);
gboolean            limber_exercise_kind_from_string      (const char         *str,
                                                           LimberExerciseKind *kind);
const char         *limber_exercise_kind_describe         (LimberExerciseKind kind);
char               *limber_exercise_dup_search_text       (LimberExercise    *self);
char               *limber_exercise_kinds_describe        (LimberExerciseKind kinds);

/* Used by the catalog loader only. */
LimberExercise     *limber_exercise_new_from_key_file     (GKeyFile   *key_file,
                                                           const char *text,
                                                           const char *display_name,
                                                           GError    **error);

G_END_DECLS
