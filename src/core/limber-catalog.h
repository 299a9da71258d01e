/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "limber-catalog-error.h"
#include "limber-exercise.h"
#include "limber-routine.h"

G_BEGIN_DECLS

#define LIMBER_ROUTINE_FILE_MAX_SIZE (1024 * 1024)

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
GListModel     *limber_catalog_get_exercises      (LimberCatalog *self);
LimberRoutine  *limber_catalog_lookup_routine     (LimberCatalog *self,
                                                   const char    *id);
LimberExercise *limber_catalog_lookup_exercise    (LimberCatalog *self,
                                                   const char    *id);
GPtrArray      *limber_catalog_get_problems       (LimberCatalog *self);

G_END_DECLS
