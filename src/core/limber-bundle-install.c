/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-catalog"

/* Installing a shared routine into the catalog, and writing one. */

#include <string.h>

#include <glib/gi18n-lib.h>

#include "limber-bundle-private.h"
#include "limber-catalog-private.h"

/* What one install wrote, to undo it on failure. */
typedef struct
{
  GFile  *file;
  GBytes *old;     /* what it replaced, or NULL for a new file */
} Written;

static void
written_free (Written *written)
{
  g_object_unref (written->file);
  g_clear_pointer (&written->old, g_bytes_unref);
  g_free (written);
}

static gboolean
write_tracked (GPtrArray   *written,
               GFile       *file,
               const char  *data,
               gsize        length,
               GError     **error)
{
  Written *entry = g_new0 (Written, 1);
  g_autofree char *old = NULL;
  gsize old_length;

  entry->file = g_object_ref (file);
  if (g_file_load_contents (file, NULL, &old, &old_length, NULL, NULL))
    entry->old = g_bytes_new_take (g_steal_pointer (&old), old_length);
  if (!_limber_catalog_write_file (file, data, length, error))
    {
      written_free (entry);
      return FALSE;
    }
  g_ptr_array_add (written, entry);
  return TRUE;
}

static void
roll_back (GPtrArray *written)
{
  for (guint i = written->len; i > 0; i--)
    {
      Written *entry = g_ptr_array_index (written, i - 1);
      g_autoptr(GError) error = NULL;

      if (entry->old != NULL)
        _limber_catalog_write_file (entry->file, g_bytes_get_data (entry->old, NULL),
                                    g_bytes_get_size (entry->old), &error);
      else
        g_file_delete (entry->file, NULL, &error);
      if (error != NULL)
        g_debug ("Could not undo an import: %s", error->message);
    }
}

/* With REPLACE, a file in the way is refused rather than overwritten. */
static gboolean
in_the_way_error (GFile       *file,
                  const char  *id,
                  GError     **error)
{
  g_autofree char *path = g_file_get_path (file);

  g_set_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_DUPLICATE_ID,
               _("%s is already there and is not your “%s”, so it is not replaced; move that file aside and import again"),
               path, id);
  return FALSE;
}

/* The id and file an item of the bundle gets, or NULL with an error. */
static GFile *
choose_target (LimberCatalog     *catalog,
               gboolean           exercise,
               const char        *id,
               const char        *name,
               LimberImportMode   mode,
               GHashTable        *taken,
               char             **new_id,
               GError           **error)
{
  gboolean in_the_way;
  gboolean loaded = exercise ? limber_catalog_lookup_exercise (catalog, id) != NULL
                             : limber_catalog_lookup_routine (catalog, id) != NULL;
  g_autoptr(GFile) file = _limber_bundle_get_target (catalog, exercise, id, &in_the_way);

  if (mode == LIMBER_IMPORT_KEEP_BOTH && (loaded || in_the_way))
    {
      g_autoptr(GFile) data_dir = limber_catalog_get_data_dir (catalog);
      g_autoptr(GFile) dir = g_file_get_child (data_dir, exercise ? "exercises" : "routines");
      g_autofree char *file_name = NULL;

      *new_id = _limber_catalog_make_id (catalog, exercise, name, taken);
      file_name = g_strconcat (*new_id, exercise ? ".exercise" : ".routine", NULL);
      return g_file_get_child (dir, file_name);
    }
  if (in_the_way)
    {
      in_the_way_error (file, id, error);
      return NULL;
    }
  *new_id = g_strdup (id);
  return g_steal_pointer (&file);
}

/**
 * limber_bundle_install:
 * @mode: what to do with own items whose ids the bundle's have
 *
 * Installs the bundle's pictures (under fresh names), own exercises and
 * routine, in that order. With %LIMBER_IMPORT_KEEP_BOTH clashing items get
 * fresh ids (whose files do not exist) and the routine's steps follow them;
 * with %LIMBER_IMPORT_REPLACE they overwrite the own items, but never a file
 * that is not the replaced item's own source (that is refused). The files
 * are written from the parsed items, so keys Limber does not know are not
 * carried over, and each text is checked by the loader, size included,
 * before anything is written. If a file cannot be written, what this call
 * wrote is removed (or put back) and the catalog is left as it was.
 *
 * Returns: (transfer none): the installed routine, or %NULL with an error.
 */
LimberRoutine *
limber_bundle_install (LimberBundle      *self,
                       LimberCatalog     *catalog,
                       LimberImportMode   mode,
                       GError           **error)
{
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func ((GDestroyNotify) written_free);
  g_autoptr(GHashTable) picture_names = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) exercise_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  g_autoptr(GPtrArray) exercises = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) exercise_files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) exercise_texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GFile) pictures_dir = NULL;
  g_autoptr(GFile) routine_file = NULL;
  g_autoptr(LimberRoutine) routine = NULL;
  g_autoptr(LimberRoutineDraft) routine_draft = NULL;
  g_autofree char *routine_id = NULL;
  g_autofree char *routine_text = NULL;
  g_autofree char *routine_path = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint n_exercises;

  g_return_val_if_fail (LIMBER_IS_BUNDLE (self), NULL);
  g_return_val_if_fail (LIMBER_IS_CATALOG (catalog), NULL);

  /* the ids and files, before anything is written */
  n_exercises = g_list_model_get_n_items (G_LIST_MODEL (self->exercises));
  for (guint i = 0; i < n_exercises; i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (G_LIST_MODEL (self->exercises), i);
      const char *id = limber_exercise_get_id (exercise);
      char *new_id = NULL;
      GFile *file;

      file = choose_target (catalog, TRUE, id, limber_exercise_get_name (exercise), mode, taken, &new_id, error);
      if (file == NULL)
        return NULL;
      g_ptr_array_add (exercise_files, file);
      g_hash_table_insert (exercise_ids, (char *) id, new_id);
      g_hash_table_add (taken, new_id);
    }
  routine_file = choose_target (catalog, FALSE, limber_routine_get_id (self->routine),
                                limber_routine_get_name (self->routine), mode, NULL, &routine_id, error);
  if (routine_file == NULL)
    return NULL;

  /* pictures: always fresh names, they are only ever named by exercises */
  g_hash_table_iter_init (&iter, self->pictures);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Picture *picture = value;
      g_autofree char *uuid = g_uuid_string_random ();

      g_hash_table_insert (picture_names, key,
                           g_strconcat (uuid, _limber_catalog_picture_extension (picture->mime_type), NULL));
    }

  /* the texts, from the parsed items, each parsed again as at start */
  g_hash_table_iter_init (&iter, _limber_catalog_get_exercise_table (catalog));
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (table, key, g_object_ref (value));
  for (guint i = 0; i < n_exercises; i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (G_LIST_MODEL (self->exercises), i);
      g_autoptr(LimberExerciseDraft) draft = limber_exercise_draft_new_from_exercise (exercise);
      GFile *file = g_ptr_array_index (exercise_files, i);
      g_autofree char *path = g_file_get_path (file);
      char *text;
      LimberExercise *parsed;

      limber_exercise_draft_set_id (draft, g_hash_table_lookup (exercise_ids, limber_exercise_get_id (exercise)));
      if (limber_exercise_get_picture_source (exercise) == LIMBER_PICTURE_FILE)
        {
          gboolean mirror = limber_exercise_draft_get_mirror_picture (draft);

          limber_exercise_draft_set_picture (draft, g_hash_table_lookup (picture_names,
                                                                         limber_exercise_get_picture (exercise)));
          limber_exercise_draft_set_mirror_picture (draft, mirror);
        }
      text = limber_exercise_draft_to_text (draft);
      g_ptr_array_add (exercise_texts, text);
      if (!_limber_catalog_check_text_size (file, text, error))
        return NULL;
      parsed = _limber_catalog_parse_exercise (catalog, path, text, strlen (text), error);
      if (parsed == NULL)
        return NULL;
      g_ptr_array_add (exercises, parsed);
      g_hash_table_replace (table, (char *) limber_exercise_get_id (parsed), g_object_ref (parsed));
    }

  routine_draft = limber_routine_draft_new_from_routine (self->routine);
  limber_routine_draft_set_id (routine_draft, routine_id);
  for (guint i = 0; i < limber_routine_draft_get_n_steps (routine_draft); i++)
    {
      LimberStepDraft *step = limber_routine_draft_get_step (routine_draft, i);
      const char *new_id = g_hash_table_lookup (exercise_ids, limber_step_draft_get_exercise_id (step));

      if (new_id != NULL)
        limber_step_draft_set_exercise_id (step, new_id);
    }
  routine_text = _limber_routine_draft_to_text_with (routine_draft, table);
  routine_path = g_file_get_path (routine_file);
  if (!_limber_catalog_check_text_size (routine_file, routine_text, error))
    return NULL;
  routine = _limber_catalog_parse_routine (catalog, table, routine_path, routine_text,
                                           strlen (routine_text), error);
  if (routine == NULL)
    return NULL;

  /* now the files: pictures, exercises, routine */
  pictures_dir = limber_catalog_get_pictures_dir (catalog);
  g_hash_table_iter_init (&iter, self->pictures);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Picture *picture = value;
      g_autoptr(GFile) file = g_file_get_child (pictures_dir, g_hash_table_lookup (picture_names, key));

      if (!write_tracked (written, file, g_bytes_get_data (picture->data, NULL),
                          g_bytes_get_size (picture->data), error))
        goto failed;
    }
  for (guint i = 0; i < n_exercises; i++)
    {
      const char *text = g_ptr_array_index (exercise_texts, i);

      if (!write_tracked (written, g_ptr_array_index (exercise_files, i), text, strlen (text), error))
        goto failed;
    }
  if (!write_tracked (written, routine_file, routine_text, strlen (routine_text), error))
    goto failed;

  /* everything is on disk: now the catalog */
  for (guint i = 0; i < exercises->len; i++)
    _limber_catalog_put_exercise (catalog, g_ptr_array_index (exercises, i));
  _limber_catalog_put_routine (catalog, routine);
  for (guint i = 0; i < exercises->len; i++)
    _limber_catalog_refresh_routines_using (catalog, g_ptr_array_index (exercises, i));
  return limber_catalog_lookup_routine (catalog, routine_id);

failed:
  roll_back (written);
  return NULL;
}

static gboolean
add_picture (LimberCatalog  *catalog,
             GKeyFile       *bundle,
             const char     *name,
             GError        **error)
{
  g_autoptr(GFile) dir = limber_catalog_get_pictures_dir (catalog);
  g_autoptr(GFile) file = g_file_get_child (dir, name);
  g_autofree char *group = g_strconcat (PICTURE_PREFIX, name, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *encoded = NULL;
  GError *local_error = NULL;
  const char *mime_type;
  gsize length;

  if (g_key_file_has_group (bundle, group))
    return TRUE;
  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &local_error))
    {
      g_autofree char *path = g_file_get_path (file);

      g_set_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_IO,
                   _("Could not read the picture %s: %s"), path, local_error->message);
      g_error_free (local_error);
      return FALSE;
    }
  mime_type = length > LIMBER_PICTURE_MAX_SIZE ? NULL
            : _limber_picture_sniff ((const guint8 *) contents, length, &local_error);
  if (mime_type == NULL)
    {
      g_autofree char *path = g_file_get_path (file);

      g_set_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_NOT_A_PICTURE,
                   _("%s is not a PNG, JPEG or SVG picture of at most 10 MiB and %d pixels on a side: %s"),
                   path, LIMBER_PICTURE_MAX_SIDE, local_error ? local_error->message : _("too large"));
      g_clear_error (&local_error);
      return FALSE;
    }
  encoded = g_base64_encode ((const guchar *) contents, length);
  g_key_file_set_string (bundle, group, "Type", mime_type);
  g_key_file_set_string (bundle, group, "Data", encoded);
  return TRUE;
}

/**
 * limber_bundle_write:
 * @routine_id: an own or a bundled routine
 * @dest: the file to write, normally named `*.limber-routine`
 *
 * Writes the routine with its own exercises and their pictures to @dest,
 * atomically (a new file is private, 0600). A bundled routine is written
 * under a fresh own id, so that it can be imported. The text is read back
 * with limber_bundle_new_from_bytes() before anything is written.
 */
gboolean
limber_bundle_write (LimberCatalog  *catalog,
                     const char     *routine_id,
                     GFile          *dest,
                     GError        **error)
{
  g_autoptr(GKeyFile) bundle = g_key_file_new ();
  g_autoptr(LimberRoutineDraft) draft = NULL;
  g_autoptr(GKeyFile) routine_key_file = g_key_file_new ();
  g_autoptr(GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(LimberBundle) check = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *routine_text = NULL;
  g_autofree char *text = NULL;
  g_autofree char *display = NULL;
  g_auto(GStrv) groups = NULL;
  LimberRoutine *routine;
  GError *local_error = NULL;
  gsize length;

  g_return_val_if_fail (LIMBER_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (routine_id != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (dest), FALSE);

  routine = limber_catalog_lookup_routine (catalog, routine_id);
  if (routine == NULL)
    {
      g_set_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_NOT_FOUND,
                   _("There is no routine “%s”"), routine_id);
      return FALSE;
    }

  g_key_file_set_integer (bundle, BUNDLE_GROUP, "Version", LIMBER_BUNDLE_VERSION);

  draft = limber_routine_draft_new_from_routine (routine);
  if (limber_routine_is_bundled (routine))
    {
      g_autofree char *id = limber_catalog_make_routine_id (catalog, limber_routine_get_name (routine));

      limber_routine_draft_set_id (draft, id);
    }
  routine_text = limber_routine_draft_to_text (draft, catalog);
  g_key_file_load_from_data (routine_key_file, routine_text, -1, G_KEY_FILE_NONE, NULL);
  groups = g_key_file_get_groups (routine_key_file, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    _limber_bundle_copy_group (routine_key_file, groups[i], bundle, groups[i]);

  for (guint i = 0; i < limber_routine_get_n_steps (routine); i++)
    {
      LimberExercise *exercise = limber_routine_get_step (routine, i)->exercise;
      g_autoptr(LimberExerciseDraft) exercise_draft = NULL;
      g_autoptr(GKeyFile) exercise_key_file = g_key_file_new ();
      g_autofree char *exercise_text = NULL;
      g_autofree char *group = NULL;

      if (limber_exercise_is_bundled (exercise) ||
          g_hash_table_contains (done, limber_exercise_get_id (exercise)))
        continue;
      g_hash_table_add (done, (char *) limber_exercise_get_id (exercise));

      exercise_draft = limber_exercise_draft_new_from_exercise (exercise);
      exercise_text = limber_exercise_draft_to_text (exercise_draft);
      g_key_file_load_from_data (exercise_key_file, exercise_text, -1, G_KEY_FILE_NONE, NULL);
      group = g_strconcat (EXERCISE_PREFIX, limber_exercise_get_id (exercise), NULL);
      _limber_bundle_copy_group (exercise_key_file, "Exercise", bundle, group);

      if (limber_exercise_get_picture_source (exercise) == LIMBER_PICTURE_FILE &&
          !add_picture (catalog, bundle, limber_exercise_get_picture (exercise), error))
        return FALSE;
    }

  text = g_key_file_to_data (bundle, &length, NULL);
  display = g_file_get_parse_name (dest);
  bytes = g_bytes_new_static (text, length);
  check = limber_bundle_new_from_bytes (catalog, bytes, display, error);
  if (check == NULL)
    return FALSE;

  /* not _limber_catalog_write_file: the folder is the person's choice and
   * must exist already */
  if (!g_file_replace_contents (dest, text, length, NULL, FALSE, G_FILE_CREATE_PRIVATE,
                                NULL, NULL, &local_error))
    {
      g_set_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_IO,
                   _("Could not write %s: %s"), display, local_error->message);
      g_error_free (local_error);
      return FALSE;
    }
  return TRUE;
}
