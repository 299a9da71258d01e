/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "limber-catalog.h"
#include "limber-keyfile-private.h"

G_BEGIN_DECLS

/* What the catalog's files (limber-catalog.c, -store.c, limber-bundle.c)
 * and the loaders share. */

LimberExercise *_limber_exercise_new_from_key_file (GKeyFile   *key_file,
                                                    const char *text,
                                                    const char *display_name,
                                                    gboolean    bundled,
                                                    GHashTable *exercises,
                                                    const char *pictures_dir,
                                                    GError    **error);

gboolean        _limber_routine_is_step_group      (const char     *group);

/* limber-routine.c: a routine made from a draft's values, clamped to what
 * the loader accepts, for its duration while it is edited */
LimberRoutine  *_limber_routine_new_unchecked      (const char     *name,
                                                    int             prepare,
                                                    int             switch_sides,
                                                    GArray         *steps);
LimberRoutine  *_limber_routine_new_level          (const LimberKeyfileContext *ctx,
                                                    const char     *id,
                                                    const char     *name,
                                                    int             prepare,
                                                    int             switch_sides,
                                                    GPtrArray      *step_groups,
                                                    GHashTable     *exercises,
                                                    gboolean        bundled,
                                                    GError        **error);
void            _limber_routine_get_own_timings    (LimberRoutine  *routine,
                                                    int            *prepare,
                                                    int            *switch_sides);

/* limber-routine-draft.c */
char           *_limber_routine_draft_to_text_with (LimberRoutineDraft *self,
                                                    GHashTable         *exercises);

/* limber-catalog.c */
void            _limber_catalog_get_default_timings (LimberCatalog *self,
                                                     guint         *prepare,
                                                     guint         *switch_sides);
GHashTable     *_limber_catalog_get_exercise_table (LimberCatalog  *self);
LimberRoutine  *_limber_catalog_parse_routine      (LimberCatalog  *self,
                                                    GHashTable     *exercises,
                                                    const char     *display_name,
                                                    const char     *text,
                                                    gsize           length,
                                                    GError        **error);
LimberExercise *_limber_catalog_parse_exercise     (LimberCatalog  *self,
                                                    const char     *display_name,
                                                    const char     *text,
                                                    gsize           length,
                                                    GError        **error);
void            _limber_catalog_put_routine        (LimberCatalog  *self,
                                                    LimberRoutine  *routine);
void            _limber_catalog_put_exercise       (LimberCatalog  *self,
                                                    LimberExercise *exercise);
void            _limber_catalog_remove_routine     (LimberCatalog  *self,
                                                    const char     *id);
void            _limber_catalog_remove_exercise    (LimberCatalog  *self,
                                                    const char     *id);

/* limber-catalog-store.c: an atomic write of a private file (0600 when new,
 * its folder 0700) */
gboolean        _limber_catalog_write_file         (GFile          *file,
                                                    const void     *data,
                                                    gsize           length,
                                                    GError        **error);
gboolean        _limber_catalog_file_exists        (GFile          *file);
gboolean        _limber_catalog_check_text_size    (GFile          *file,
                                                    const char     *text,
                                                    GError        **error);
void            _limber_catalog_refresh_routines_using (LimberCatalog  *self,
                                                        LimberExercise *exercise);
const char     *_limber_picture_sniff              (const guint8   *data,
                                                    gsize           length,
                                                    GError        **error);
const char     *_limber_catalog_picture_extension  (const char     *mime_type);
char           *_limber_catalog_make_id            (LimberCatalog  *self,
                                                    gboolean        exercise,
                                                    const char     *name,
                                                    GHashTable     *taken);

G_END_DECLS
