/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "limber-bundle.h"

G_BEGIN_DECLS

/* What limber-bundle.c (reading) and limber-bundle-install.c (installing
 * and writing) share. */

#define BUNDLE_GROUP    "Limber Routine Bundle"
#define EXERCISE_PREFIX "Exercise "
#define PICTURE_PREFIX  "Picture "

typedef struct
{
  char   *name;
  char   *mime_type;
  GBytes *data;
} Picture;

struct _LimberBundle
{
  GObject        parent_instance;

  char          *display_name;
  LimberRoutine *routine;
  char          *routine_text;     /* [Routine] and [Step N] only */
  GListStore    *exercises;        /* own exercises, in file order */
  GHashTable    *exercise_texts;   /* id → text of an .exercise file */
  GHashTable    *pictures;         /* name → Picture */
};

GFile *_limber_bundle_get_target (LimberCatalog *catalog,
                                  gboolean       exercise,
                                  const char    *id,
                                  gboolean      *in_the_way);

void _limber_bundle_copy_group (GKeyFile   *from,
                                const char *from_group,
                                GKeyFile   *to,
                                const char *to_group);

G_END_DECLS
