/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "limber-catalog.h"

G_BEGIN_DECLS

/* One routine shared as one file, `*.limber-routine`
 * (application/x-limber-routine): the routine, the own exercises it uses and
 * their pictures. See data/README.md for the format. */
#define LIMBER_BUNDLE_MIME_TYPE  "application/x-limber-routine"
#define LIMBER_BUNDLE_EXTENSION  ".limber-routine"
#define LIMBER_BUNDLE_VERSION    1
#define LIMBER_BUNDLE_MAX_SIZE   (16 * 1024 * 1024)

typedef enum
{
  LIMBER_IMPORT_KEEP_BOTH,  /* clashing items get fresh ids */
  LIMBER_IMPORT_REPLACE,    /* clashing own items are overwritten (never a
                             * file that is not theirs: that is refused) */
} LimberImportMode;

#define LIMBER_TYPE_IMPORT_MODE (limber_import_mode_get_type ())
GType limber_import_mode_get_type (void);

typedef enum
{
  LIMBER_BUNDLE_ITEM_ROUTINE,
  LIMBER_BUNDLE_ITEM_EXERCISE,
} LimberBundleItem;

/* An item of the bundle whose id an own item of the catalog already has,
 * or whose file (`routines/<id>.routine`, `exercises/<id>.exercise`) is
 * there without being that item's: a file Limber could not load, or one
 * holding an item of another id. Such a file is never overwritten. */
typedef struct
{
  LimberBundleItem  item;
  char             *id;
  char             *existing_name;  /* the name of what is there now; the
                                     * file's name when no loaded item
                                     * comes from it */
  char             *file;           /* the path of a file in the way, which
                                     * a replace refuses to overwrite; NULL
                                     * for a plain clash with a loaded item */
  GStrv             used_by;        /* an exercise: the names of the other
                                     * own routines using it, which a
                                     * replace changes too; else NULL */
} LimberBundleClash;

void limber_bundle_clash_free (LimberBundleClash *clash);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberBundleClash, limber_bundle_clash_free)

#define LIMBER_TYPE_BUNDLE (limber_bundle_get_type ())
G_DECLARE_FINAL_TYPE (LimberBundle, limber_bundle, LIMBER, BUNDLE, GObject)

/* Both parse and check the whole file against @catalog's bundled exercises,
 * with the catalog's messages; nothing is written. */
LimberBundle   *limber_bundle_new_from_file      (LimberCatalog    *catalog,
                                                  GFile            *file,
                                                  GError          **error);
LimberBundle   *limber_bundle_new_from_bytes     (LimberCatalog    *catalog,
                                                  GBytes           *bytes,
                                                  const char       *display_name,
                                                  GError          **error);

/* The preview */
LimberRoutine  *limber_bundle_get_routine        (LimberBundle     *self);
const char     *limber_bundle_get_name           (LimberBundle     *self);
const char     *limber_bundle_get_summary        (LimberBundle     *self);
guint           limber_bundle_get_n_steps        (LimberBundle     *self);
guint           limber_bundle_get_duration       (LimberBundle     *self);
GListModel     *limber_bundle_get_exercises      (LimberBundle     *self);
GBytes         *limber_bundle_get_picture_data   (LimberBundle     *self,
                                                  const char       *exercise_id,
                                                  const char      **mime_type);
GPtrArray      *limber_bundle_get_clashes        (LimberBundle     *self,
                                                  LimberCatalog    *catalog);

LimberRoutine  *limber_bundle_install            (LimberBundle     *self,
                                                  LimberCatalog    *catalog,
                                                  LimberImportMode  mode,
                                                  GError          **error);

gboolean        limber_bundle_write              (LimberCatalog    *catalog,
                                                  const char       *routine_id,
                                                  GFile            *dest,
                                                  GError          **error);

G_END_DECLS
