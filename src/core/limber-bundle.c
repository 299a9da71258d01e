/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-catalog"

/* A routine shared as one file. The file is a key file, readable by hand:
 * [Limber Routine Bundle] Version=1, the routine's [Routine] and [Step N]
 * groups, one [Exercise <id>] group per own exercise (the keys of an
 * .exercise file) and one [Picture <file>] group per picture (Type= and
 * base64 Data=). Each part is checked by the catalog's own loaders on a copy
 * of the text where the other groups are blanked out, so that a message
 * names the line of the shared file. */

#include <string.h>

#include <glib/gi18n-lib.h>

#include "limber-bundle-private.h"
#include "limber-catalog-private.h"
#include "limber-keyfile-private.h"

G_DEFINE_FINAL_TYPE (LimberBundle, limber_bundle, G_TYPE_OBJECT)

/* Copies a group without its comments. */
void
_limber_bundle_copy_group (GKeyFile   *from,
            const char *from_group,
            GKeyFile   *to,
            const char *to_group)
{
  g_auto(GStrv) keys = g_key_file_get_keys (from, from_group, NULL, NULL);

  for (guint i = 0; keys && keys[i]; i++)
    {
      g_autofree char *value = g_key_file_get_value (from, from_group, keys[i], NULL);

      g_key_file_set_value (to, to_group, keys[i], value);
    }
}


G_DEFINE_ENUM_TYPE (LimberImportMode, limber_import_mode,
  G_DEFINE_ENUM_VALUE (LIMBER_IMPORT_KEEP_BOTH, "keep-both"),
  G_DEFINE_ENUM_VALUE (LIMBER_IMPORT_REPLACE, "replace"))

static void
picture_free (Picture *picture)
{
  g_free (picture->name);
  g_free (picture->mime_type);
  g_bytes_unref (picture->data);
  g_free (picture);
}

void
limber_bundle_clash_free (LimberBundleClash *clash)
{
  if (clash == NULL)
    return;
  g_free (clash->id);
  g_free (clash->existing_name);
  g_free (clash->file);
  g_strfreev (clash->used_by);
  g_free (clash);
}

static void
limber_bundle_finalize (GObject *object)
{
  LimberBundle *self = (LimberBundle *) object;

  g_free (self->display_name);
  g_clear_object (&self->routine);
  g_free (self->routine_text);
  g_clear_object (&self->exercises);
  g_clear_pointer (&self->exercise_texts, g_hash_table_unref);
  g_clear_pointer (&self->pictures, g_hash_table_unref);

  G_OBJECT_CLASS (limber_bundle_parent_class)->finalize (object);
}

static void
limber_bundle_class_init (LimberBundleClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = limber_bundle_finalize;
}

static void
limber_bundle_init (LimberBundle *self)
{
  self->exercises = g_list_store_new (LIMBER_TYPE_EXERCISE);
  self->exercise_texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->pictures = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) picture_free);
}

typedef enum
{
  KEEP_ROUTINE,
  KEEP_EXERCISE,
} KeepWhat;

/* Returns @text with only the wanted groups; every other line becomes a
 * comment, so line numbers stay those of the shared file. For an exercise,
 * its [Exercise <id>] header becomes [Exercise], as in an .exercise file. */
static char *
filter_text (const char *text,
             KeepWhat    what,
             const char *exercise_group)
{
  GString *out = g_string_sized_new (strlen (text) / 4);
  const char *p = text;
  gboolean keep = FALSE;

  while (*p != '\0')
    {
      const char *end = strchr (p, '\n');
      gsize len = end ? (gsize) (end - p) : strlen (p);
      const char *s = p;
      gsize n = len;

      while (n > 0 && g_ascii_isspace (*s))
        s++, n--;
      while (n > 0 && g_ascii_isspace (s[n - 1]))
        n--;

      if (n >= 2 && *s == '[' && s[n - 1] == ']')
        {
          g_autofree char *group = g_strndup (s + 1, n - 2);

          if (what == KEEP_ROUTINE)
            keep = g_str_equal (group, "Routine") || _limber_routine_is_step_group (group);
          else
            keep = g_str_equal (group, exercise_group);

          if (keep && what == KEEP_EXERCISE)
            g_string_append (out, "[Exercise]");
          else if (keep)
            g_string_append_len (out, p, len);
          else
            g_string_append_c (out, '#');
        }
      else if (keep || n == 0 || *s == '#')
        g_string_append_len (out, keep ? p : "", keep ? len : 0);
      else
        g_string_append_c (out, '#');

      g_string_append_c (out, '\n');
      if (end == NULL)
        break;
      p = end + 1;
    }

  return g_string_free (out, FALSE);
}

static gboolean
is_base64 (const char *text)
{
  gsize len = 0;

  for (const char *p = text; *p; p++, len++)
    if (!(g_ascii_isalnum (*p) || *p == '+' || *p == '/' || *p == '='))
      return FALSE;
  return len > 0 && len % 4 == 0;
}

static gboolean
parse_picture (LimberBundle         *self,
               LimberKeyfileContext *ctx,
               const char           *group,
               GError              **error)
{
  const char *name = group + strlen (PICTURE_PREFIX);
  g_autofree char *type = NULL;
  g_autofree char *data = NULL;
  g_autofree guint8 *decoded = NULL;
  GError *check_error = NULL;
  const char *sniffed;
  Picture *picture;
  gsize length;

  if (!_limber_keyfile_check (ctx, group, NULL, limber_check_picture_name (name, &check_error),
                              &check_error, error))
    return FALSE;
  if (!(type = _limber_keyfile_get_text (ctx, group, "Type", TRUE, error)) ||
      !(data = _limber_keyfile_get_text (ctx, group, "Data", TRUE, error)))
    return FALSE;
  if (!g_str_equal (type, "image/png") && !g_str_equal (type, "image/jpeg") &&
      !g_str_equal (type, "image/svg+xml"))
    {
      _limber_keyfile_set_error (ctx, error, LIMBER_CATALOG_ERROR_INVALID_VALUE, group, "Type",
                                 _("Type must be image/png, image/jpeg or image/svg+xml, not “%s”"), type);
      return FALSE;
    }
  if (!is_base64 (data))
    {
      _limber_keyfile_set_error (ctx, error, LIMBER_CATALOG_ERROR_INVALID_VALUE, group, "Data",
                                 _("Data is not base64 text"));
      return FALSE;
    }
  decoded = g_base64_decode (data, &length);
  if (length > LIMBER_PICTURE_MAX_SIZE)
    {
      _limber_keyfile_set_error (ctx, error, LIMBER_CATALOG_ERROR_TOO_LARGE, group, "Data",
                                 _("the picture is larger than 10 MiB"));
      return FALSE;
    }
  sniffed = _limber_picture_sniff (decoded, length, &check_error);
  if (sniffed == NULL)
    {
      _limber_keyfile_set_error (ctx, error, check_error->code, group, "Data", _("the picture %s"),
                                 check_error->message);
      g_clear_error (&check_error);
      return FALSE;
    }
  if (g_strcmp0 (sniffed, type) != 0)
    {
      _limber_keyfile_set_error (ctx, error, LIMBER_CATALOG_ERROR_NOT_A_PICTURE, group, "Data",
                                 _("Data is not a picture of the Type given (%s)"), type);
      return FALSE;
    }

  picture = g_new0 (Picture, 1);
  picture->name = g_strdup (name);
  picture->mime_type = g_steal_pointer (&type);
  picture->data = g_bytes_new_take (g_steal_pointer (&decoded), length);
  g_hash_table_replace (self->pictures, picture->name, picture);
  return TRUE;
}

static gboolean
parse_exercise (LimberBundle         *self,
                LimberCatalog        *catalog,
                LimberKeyfileContext *ctx,
                const char           *group,
                GHashTable           *table,
                GError              **error)
{
  const char *group_id = group + strlen (EXERCISE_PREFIX);
  g_autofree char *text = filter_text (ctx->text, KEEP_EXERCISE, group);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  LimberKeyfileContext sub = { ctx->display_name, text, key_file };
  g_autoptr(LimberExercise) exercise = NULL;
  LimberExercise *existing;
  const char *picture;
  const char *id;

  if (!_limber_keyfile_load (&sub, strlen (text), error))
    return FALSE;
  g_key_file_remove_key (key_file, "Exercise", "Hidden", NULL);
  exercise = _limber_exercise_new_from_key_file (key_file, sub.text, ctx->display_name, FALSE,
                                                 _limber_catalog_get_exercise_table (catalog),
                                                 NULL, error);
  if (exercise == NULL)
    return FALSE;

  id = limber_exercise_get_id (exercise);
  if (!g_str_equal (id, group_id))
    {
      _limber_keyfile_set_error (ctx, error, LIMBER_CATALOG_ERROR_INVALID_VALUE, group, "Id",
                                 _("the Id “%s” does not match the group [%s]"), id, group);
      return FALSE;
    }
  existing = g_hash_table_lookup (table, id);
  if (existing != NULL)
    {
      _limber_keyfile_set_error (ctx, error, LIMBER_CATALOG_ERROR_DUPLICATE_ID, group, "Id",
                                 _("the Id “%s” is that of an exercise that comes with Limber; give this exercise an Id of its own"),
                                 id);
      return FALSE;
    }

  picture = limber_exercise_get_picture (exercise);
  if (limber_exercise_get_picture_source (exercise) == LIMBER_PICTURE_FILE &&
      !g_hash_table_contains (self->pictures, picture))
    {
      _limber_keyfile_set_error (ctx, error, LIMBER_CATALOG_ERROR_MISSING_KEY, group, "Picture",
                                 _("the picture “%s” is not in the file; add a [Picture %s] group"),
                                 picture, picture);
      return FALSE;
    }

  g_hash_table_insert (table, (char *) id, g_object_ref (exercise));
  {
    g_autoptr(GKeyFile) clean = g_key_file_new ();

    _limber_bundle_copy_group (key_file, "Exercise", clean, "Exercise");
    g_hash_table_insert (self->exercise_texts, g_strdup (id), g_key_file_to_data (clean, NULL, NULL));
  }
  g_list_store_append (self->exercises, exercise);
  return TRUE;
}

/**
 * limber_bundle_new_from_bytes:
 * @display_name: the file's name, for messages
 *
 * Parses and checks a shared routine: the version, every picture (by its
 * content), every own exercise and the routine, each with the catalog's
 * loaders and limits.
 *
 * Returns: (transfer full): the bundle, or %NULL with an error naming the
 * line and what is wrong.
 */
LimberBundle *
limber_bundle_new_from_bytes (LimberCatalog  *catalog,
                              GBytes         *bytes,
                              const char     *display_name,
                              GError        **error)
{
  g_autoptr(LimberBundle) self = NULL;
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GHashTable) table = NULL;
  g_autoptr(GKeyFile) routine_key_file = g_key_file_new ();
  g_autofree char *routine_text = NULL;
  g_autofree char *copy = NULL;
  LimberKeyfileContext ctx = { display_name, NULL, key_file };
  LimberKeyfileContext routine_ctx = { display_name, NULL, routine_key_file };
  g_auto(GStrv) groups = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint version = 0;
  gsize length;
  const char *data;

  g_return_val_if_fail (LIMBER_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (length > LIMBER_BUNDLE_MAX_SIZE)
    {
      g_set_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_TOO_LARGE,
                   _("%s: the file is larger than 16 MiB, too large for a shared routine"), display_name);
      return NULL;
    }
  /* the loaders want a NUL at the end */
  copy = g_malloc (length + 1);
  memcpy (copy, data ? data : "", length);
  copy[length] = '\0';
  ctx.text = copy;

  self = g_object_new (LIMBER_TYPE_BUNDLE, NULL);
  self->display_name = g_strdup (display_name);

  if (!_limber_keyfile_load (&ctx, length, error))
    return NULL;

  if (!g_key_file_has_group (key_file, BUNDLE_GROUP))
    {
      _limber_keyfile_set_error (&ctx, error, LIMBER_CATALOG_ERROR_MISSING_KEY, NULL, NULL,
                                 _("there is no [%s] group; is this a routine shared from Limber?"),
                                 BUNDLE_GROUP);
      return NULL;
    }
  if (!g_key_file_has_key (key_file, BUNDLE_GROUP, "Version", NULL))
    {
      _limber_keyfile_set_error (&ctx, error, LIMBER_CATALOG_ERROR_MISSING_KEY, BUNDLE_GROUP, NULL,
                                 _("[%s] needs a “%s” value"), BUNDLE_GROUP, "Version");
      return NULL;
    }
  if (!_limber_keyfile_get_uint (&ctx, BUNDLE_GROUP, "Version", 0, G_MAXUINT, &version, error))
    return NULL;
  if (version != LIMBER_BUNDLE_VERSION)
    {
      _limber_keyfile_set_error (&ctx, error, LIMBER_CATALOG_ERROR_VERSION, BUNDLE_GROUP, "Version",
                                 _("the file is of version %u; this Limber reads version %d, update Limber to open it"),
                                 version, LIMBER_BUNDLE_VERSION);
      return NULL;
    }

  groups = g_key_file_get_groups (key_file, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char *group = groups[i];

      if (g_str_equal (group, BUNDLE_GROUP) || g_str_equal (group, "Routine") ||
          _limber_routine_is_step_group (group) || g_str_has_prefix (group, EXERCISE_PREFIX))
        continue;
      if (g_str_has_prefix (group, PICTURE_PREFIX))
        {
          if (g_hash_table_size (self->pictures) >= LIMBER_ROUTINE_MAX_STEPS)
            {
              _limber_keyfile_set_error (&ctx, error, LIMBER_CATALOG_ERROR_OUT_OF_RANGE, group, NULL,
                                         _("a shared routine can have at most %d pictures"),
                                         LIMBER_ROUTINE_MAX_STEPS);
              return NULL;
            }
          if (!parse_picture (self, &ctx, group, error))
            return NULL;
          continue;
        }
      _limber_keyfile_set_error (&ctx, error, LIMBER_CATALOG_ERROR_SYNTAX, group, NULL,
                                 _("unknown group [%s]"), group);
      return NULL;
    }

  /* the bundled exercises, and then this file's own ones: a shared
   * routine carries every exercise it needs */
  table = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  g_hash_table_iter_init (&iter, _limber_catalog_get_exercise_table (catalog));
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (limber_exercise_is_bundled (value))
      g_hash_table_insert (table, key, g_object_ref (value));

  for (guint i = 0; groups[i] != NULL; i++)
    if (g_str_has_prefix (groups[i], EXERCISE_PREFIX))
      {
        if (g_list_model_get_n_items (G_LIST_MODEL (self->exercises)) >= LIMBER_ROUTINE_MAX_STEPS)
          {
            _limber_keyfile_set_error (&ctx, error, LIMBER_CATALOG_ERROR_OUT_OF_RANGE, groups[i], NULL,
                                       _("a shared routine can have at most %d exercises"),
                                       LIMBER_ROUTINE_MAX_STEPS);
            return NULL;
          }
        if (!parse_exercise (self, catalog, &ctx, groups[i], table, error))
          return NULL;
      }

  routine_text = filter_text (ctx.text, KEEP_ROUTINE, NULL);
  routine_ctx.text = routine_text;
  if (!_limber_keyfile_load (&routine_ctx, strlen (routine_text), error))
    return NULL;
  self->routine = limber_routine_new_from_key_file (routine_key_file, routine_text, display_name,
                                                    table, FALSE, error);
  if (self->routine == NULL)
    return NULL;
  if (limber_catalog_lookup_routine (catalog, limber_routine_get_id (self->routine)) != NULL &&
      limber_routine_is_bundled (limber_catalog_lookup_routine (catalog, limber_routine_get_id (self->routine))))
    {
      _limber_keyfile_set_error (&ctx, error, LIMBER_CATALOG_ERROR_DUPLICATE_ID, "Routine", "Id",
                                 _("the Id “%s” is that of a routine that comes with Limber; give this routine an Id of its own"),
                                 limber_routine_get_id (self->routine));
      return NULL;
    }
  {
    guint prepare, switch_sides;

    _limber_catalog_get_default_timings (catalog, &prepare, &switch_sides);
    limber_routine_set_default_timings (self->routine, prepare, switch_sides);
  }
  {
    g_autoptr(GKeyFile) clean = g_key_file_new ();
    g_auto(GStrv) routine_groups = g_key_file_get_groups (routine_key_file, NULL);

    for (guint i = 0; routine_groups[i] != NULL; i++)
      _limber_bundle_copy_group (routine_key_file, routine_groups[i], clean, routine_groups[i]);
    self->routine_text = g_key_file_to_data (clean, NULL, NULL);
  }

  return g_steal_pointer (&self);
}

/**
 * limber_bundle_new_from_file:
 *
 * As limber_bundle_new_from_bytes(), reading @file (at most 16 MiB).
 */
LimberBundle *
limber_bundle_new_from_file (LimberCatalog  *catalog,
                             GFile          *file,
                             GError        **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display = NULL;
  g_autofree char *contents = NULL;
  GError *local_error = NULL;
  gsize length;

  g_return_val_if_fail (LIMBER_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  display = g_file_get_parse_name (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info != NULL && g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_IO,
                   _("%s: not a regular file"), display);
      return NULL;
    }
  if (info != NULL && g_file_info_get_size (info) > LIMBER_BUNDLE_MAX_SIZE)
    {
      g_set_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_TOO_LARGE,
                   _("%s: the file is larger than 16 MiB, too large for a shared routine"), display);
      return NULL;
    }
  if (info == NULL || !g_file_load_contents (file, NULL, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_IO,
                   "%s: %s", display, local_error->message);
      g_error_free (local_error);
      return NULL;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  return limber_bundle_new_from_bytes (catalog, bytes, display, error);
}

/**
 * limber_bundle_get_routine:
 *
 * Returns: (transfer none): the routine as it will be installed (its
 * exercises are the bundle's), for the preview.
 */
LimberRoutine *
limber_bundle_get_routine (LimberBundle *self)
{
  g_return_val_if_fail (LIMBER_IS_BUNDLE (self), NULL);
  return self->routine;
}

const char *
limber_bundle_get_name (LimberBundle *self)
{
  g_return_val_if_fail (LIMBER_IS_BUNDLE (self), NULL);
  return limber_routine_get_name (self->routine);
}

const char *
limber_bundle_get_summary (LimberBundle *self)
{
  g_return_val_if_fail (LIMBER_IS_BUNDLE (self), NULL);
  return limber_routine_get_summary (self->routine);
}

guint
limber_bundle_get_n_steps (LimberBundle *self)
{
  g_return_val_if_fail (LIMBER_IS_BUNDLE (self), 0);
  return limber_routine_get_n_steps (self->routine);
}

guint
limber_bundle_get_duration (LimberBundle *self)
{
  g_return_val_if_fail (LIMBER_IS_BUNDLE (self), 0);
  return limber_routine_get_duration (self->routine);
}

/**
 * limber_bundle_get_exercises:
 *
 * Returns: (transfer none): the own exercises in the file, LimberExercise
 * objects; a picture file's path is not usable before installing, use
 * limber_bundle_get_picture_data() for a thumbnail.
 */
GListModel *
limber_bundle_get_exercises (LimberBundle *self)
{
  g_return_val_if_fail (LIMBER_IS_BUNDLE (self), NULL);
  return G_LIST_MODEL (self->exercises);
}

/**
 * limber_bundle_get_picture_data:
 * @mime_type: (out) (optional): image/png, image/jpeg or image/svg+xml
 *
 * Returns: (transfer full) (nullable): the picture of the bundle's own
 * exercise @exercise_id, if it has a picture file.
 */
GBytes *
limber_bundle_get_picture_data (LimberBundle  *self,
                                const char    *exercise_id,
                                const char   **mime_type)
{
  g_return_val_if_fail (LIMBER_IS_BUNDLE (self), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->exercises)); i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (G_LIST_MODEL (self->exercises), i);
      Picture *picture;

      if (!g_str_equal (limber_exercise_get_id (exercise), exercise_id) ||
          limber_exercise_get_picture_source (exercise) != LIMBER_PICTURE_FILE)
        continue;
      picture = g_hash_table_lookup (self->pictures, limber_exercise_get_picture (exercise));
      if (mime_type)
        *mime_type = picture->mime_type;
      return g_bytes_ref (picture->data);
    }
  return NULL;
}

/* The file an own item with @id would be written to: the loaded own
 * item's source, else `<folder>/<id><suffix>`, which is in the way when
 * something is already there. */
GFile *
_limber_bundle_get_target (LimberCatalog *catalog,
                           gboolean       exercise,
                           const char    *id,
                           gboolean      *in_the_way)
{
  g_autoptr(GFile) data_dir = limber_catalog_get_data_dir (catalog);
  g_autoptr(GFile) dir = g_file_get_child (data_dir, exercise ? "exercises" : "routines");
  g_autofree char *name = g_strconcat (id, exercise ? ".exercise" : ".routine", NULL);
  const char *source = NULL;
  GFile *file;

  if (exercise)
    {
      LimberExercise *loaded = limber_catalog_lookup_exercise (catalog, id);

      if (loaded != NULL && !limber_exercise_is_bundled (loaded))
        source = limber_exercise_get_source (loaded);
    }
  else
    {
      LimberRoutine *loaded = limber_catalog_lookup_routine (catalog, id);

      if (loaded != NULL && !limber_routine_is_bundled (loaded))
        source = limber_routine_get_source (loaded);
    }

  *in_the_way = FALSE;
  if (source != NULL && g_path_is_absolute (source))
    return g_file_new_for_path (source);
  file = g_file_get_child (dir, name);
  *in_the_way = _limber_catalog_file_exists (file);
  return file;
}

/* The name of the loaded own item read from @path, if any. */
static const char *
find_owner (LimberCatalog *catalog,
            gboolean       exercise,
            const char    *path)
{
  if (exercise)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, _limber_catalog_get_exercise_table (catalog));
      while (g_hash_table_iter_next (&iter, NULL, &value))
        if (g_strcmp0 (limber_exercise_get_source (value), path) == 0)
          return limber_exercise_get_name (value);
    }
  else
    {
      GListModel *routines = limber_catalog_get_routines (catalog);

      for (guint i = 0; i < g_list_model_get_n_items (routines); i++)
        {
          g_autoptr(LimberRoutine) routine = g_list_model_get_item (routines, i);

          if (g_strcmp0 (limber_routine_get_source (routine), path) == 0)
            return limber_routine_get_name (routine);
        }
    }
  return NULL;
}

static LimberBundleClash *
find_clash (LimberCatalog *catalog,
            gboolean       exercise,
            const char    *id)
{
  g_autoptr(GFile) file = NULL;
  LimberBundleClash *clash;
  const char *loaded_name = NULL;
  gboolean in_the_way;

  if (exercise && limber_catalog_lookup_exercise (catalog, id) != NULL)
    loaded_name = limber_exercise_get_name (limber_catalog_lookup_exercise (catalog, id));
  else if (!exercise && limber_catalog_lookup_routine (catalog, id) != NULL)
    loaded_name = limber_routine_get_name (limber_catalog_lookup_routine (catalog, id));

  file = _limber_bundle_get_target (catalog, exercise, id, &in_the_way);
  if (loaded_name == NULL && !in_the_way)
    return NULL;

  clash = g_new0 (LimberBundleClash, 1);
  clash->item = exercise ? LIMBER_BUNDLE_ITEM_EXERCISE : LIMBER_BUNDLE_ITEM_ROUTINE;
  clash->id = g_strdup (id);
  if (in_the_way)
    {
      const char *owner;

      clash->file = g_file_get_path (file);
      owner = find_owner (catalog, exercise, clash->file);
      clash->existing_name = owner ? g_strdup (owner) : g_file_get_basename (file);
    }
  else
    clash->existing_name = g_strdup (loaded_name);
  return clash;
}

/**
 * limber_bundle_get_clashes:
 *
 * Returns: (transfer full) (element-type LimberBundleClash): the routine
 * and own exercises of the bundle whose ids @catalog's own items have, or
 * whose files are already there without being those items' own. A clash of
 * an exercise names the other own routines that use it (a replace changes
 * them too).
 */
GPtrArray *
limber_bundle_get_clashes (LimberBundle  *self,
                           LimberCatalog *catalog)
{
  GPtrArray *clashes = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_bundle_clash_free);
  const char *routine_id;
  LimberBundleClash *clash;

  g_return_val_if_fail (LIMBER_IS_BUNDLE (self), clashes);
  g_return_val_if_fail (LIMBER_IS_CATALOG (catalog), clashes);

  routine_id = limber_routine_get_id (self->routine);
  if ((clash = find_clash (catalog, FALSE, routine_id)) != NULL)
    g_ptr_array_add (clashes, clash);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->exercises)); i++)
    {
      g_autoptr(LimberExercise) mine = g_list_model_get_item (G_LIST_MODEL (self->exercises), i);
      g_autoptr(GPtrArray) users = NULL;
      g_autoptr(GStrvBuilder) names = NULL;

      clash = find_clash (catalog, TRUE, limber_exercise_get_id (mine));
      if (clash == NULL)
        continue;
      g_ptr_array_add (clashes, clash);
      if (limber_catalog_lookup_exercise (catalog, clash->id) == NULL)
        continue;

      /* the routine being replaced is not “other” */
      names = g_strv_builder_new ();
      users = limber_catalog_list_routines_using (catalog, clash->id);
      for (guint j = 0; j < users->len; j++)
        {
          LimberRoutine *user = g_ptr_array_index (users, j);

          if (!limber_routine_is_bundled (user) && !g_str_equal (limber_routine_get_id (user), routine_id))
            g_strv_builder_add (names, limber_routine_get_name (user));
        }
      clash->used_by = g_strv_builder_end (names);
    }
  return clashes;
}
