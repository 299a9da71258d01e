/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "limber-catalog-error.h"
#include "limber-exercise.h"
#include "limber-exercise-draft.h"
#include "limber-program.h"
#include "limber-routine.h"
#include "limber-routine-draft.h"

G_BEGIN_DECLS

#define LIMBER_ROUTINE_FILE_MAX_SIZE (1024 * 1024)
#define LIMBER_PICTURE_MAX_SIZE      (10 * 1024 * 1024)
/* pixels on a side: a bigger picture costs the window gigabytes to decode */
#define LIMBER_PICTURE_MAX_SIDE      4096

#define LIMBER_TYPE_CATALOG (limber_catalog_get_type ())
G_DECLARE_FINAL_TYPE (LimberCatalog, limber_catalog, LIMBER, CATALOG, GObject)

LimberCatalog  *limber_catalog_new                (void);
gboolean        limber_catalog_load_bundled       (LimberCatalog *self,
                                                   GError       **error);
guint           limber_catalog_load_user_routines (LimberCatalog *self,
                                                   GFile         *directory);
LimberCatalog  *limber_catalog_new_default        (GError       **error);
GFile          *limber_catalog_get_user_dir       (void);
GListModel     *limber_catalog_get_routines       (LimberCatalog *self);
void            limber_catalog_set_default_timings (LimberCatalog *self,
                                                    guint          prepare,
                                                    guint          switch_sides);
void            limber_catalog_get_default_timings (LimberCatalog *self,
                                                    guint         *prepare,
                                                    guint         *switch_sides);
GListModel     *limber_catalog_get_exercises      (LimberCatalog *self);
LimberRoutine  *limber_catalog_lookup_routine     (LimberCatalog *self,
                                                   const char    *id);
LimberExercise *limber_catalog_lookup_exercise    (LimberCatalog *self,
                                                   const char    *id);
GPtrArray      *limber_catalog_get_problems       (LimberCatalog *self);
const char     *limber_catalog_name_session_routine (LimberCatalog *self,
                                                     const char    *routine_id,
                                                     const char    *stored_name);

/* Programs (data/programs/<id>.program): bundled only, in order of id. */
GListModel     *limber_catalog_get_programs       (LimberCatalog *self);
LimberProgram  *limber_catalog_lookup_program     (LimberCatalog *self,
                                                   const char    *id);

/* Own exercises and routines, in the folder given to
 * limber_catalog_load_user_data() (by default $XDG_DATA_HOME/limber):
 * exercises/<id>.exercise, routines/<id>.routine and pictures/<file>. */
guint           limber_catalog_load_user_data     (LimberCatalog *self,
                                                   GFile         *data_dir);
guint           limber_catalog_load_user_exercises (LimberCatalog *self,
                                                    GFile         *directory);
GFile          *limber_catalog_get_data_dir       (LimberCatalog *self);
GFile          *limber_catalog_get_pictures_dir   (LimberCatalog *self);

/* limber-catalog-store.c: saving and deleting own items. Bundled items are
 * read only: saving or deleting one fails with LIMBER_CATALOG_ERROR_READ_ONLY. */
LimberRoutine  *limber_catalog_save_routine       (LimberCatalog       *self,
                                                   LimberRoutineDraft  *draft,
                                                   GError             **error);
gboolean        limber_catalog_delete_routine     (LimberCatalog       *self,
                                                   const char          *id,
                                                   GError             **error);
LimberExercise *limber_catalog_save_exercise      (LimberCatalog       *self,
                                                   LimberExerciseDraft *draft,
                                                   GError             **error);
gboolean        limber_catalog_delete_exercise    (LimberCatalog       *self,
                                                   const char          *id,
                                                   gboolean            *hidden,
                                                   GError             **error);
GPtrArray      *limber_catalog_list_routines_using (LimberCatalog      *self,
                                                    const char         *exercise_id);
char           *limber_catalog_import_picture     (LimberCatalog       *self,
                                                   GFile               *source,
                                                   GError             **error);
char           *limber_catalog_make_routine_id    (LimberCatalog       *self,
                                                   const char          *name);
char           *limber_catalog_make_exercise_id   (LimberCatalog       *self,
                                                   const char          *name);

G_END_DECLS
