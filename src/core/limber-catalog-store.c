/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-catalog"

/* Saving and deleting own routines, exercises and pictures.
 *
 * Everything goes through the same loader as a file read at start: a draft
 * is turned into key-file text, that text is parsed, and only a parsed item
 * is written, so the editor can never write a file the catalog would refuse
 * at the next start. Files are replaced atomically
 * (g_file_set_contents_full: a temporary file renamed over the name, so a
 * failed write leaves nothing behind and a symlink at the name is replaced,
 * never written through), private (0600, folders 0700: what someone's
 * physiotherapist prescribed is health information) and stay plain text,
 * editable by hand. */

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "limber-catalog-private.h"

static gboolean
io_error (GFile       *file,
          GError      *local_error,
          GError     **error)
{
  g_autofree char *path = g_file_get_path (file);

  g_set_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_IO,
               _("Could not write %s: %s"), path, local_error->message);
  g_error_free (local_error);
  return FALSE;
}

gboolean
_limber_catalog_write_file (GFile       *file,
                            const void  *data,
                            gsize        length,
                            GError     **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *parent_path = g_file_get_path (parent);
  g_autofree char *path = g_file_get_path (file);
  GError *local_error = NULL;

  if (g_mkdir_with_parents (parent_path, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_IO,
                   _("Could not make the folder %s: %s"), parent_path, g_strerror (saved));
      return FALSE;
    }

  if (!g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                 &local_error))
    return io_error (file, local_error, error);
  return TRUE;
}

/* Whether something (a file, a folder, a symlink, even a dangling one) has
 * the name of @file. */
gboolean
_limber_catalog_file_exists (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  GStatBuf st;

  return g_lstat (path, &st) == 0;
}

/* The text of a routine or exercise file, held to the loader's size limit
 * before anything is written. */
gboolean
_limber_catalog_check_text_size (GFile       *file,
                                 const char  *text,
                                 GError     **error)
{
  if (strlen (text) > LIMBER_ROUTINE_FILE_MAX_SIZE)
    {
      g_autofree char *path = g_file_get_path (file);

      g_set_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_TOO_LARGE,
                   _("%s: the file would be larger than 1 MiB, which Limber does not load"), path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
delete_file (GFile   *file,
             GError **error)
{
  GError *local_error = NULL;

  if (!g_file_delete (file, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_autofree char *path = g_file_get_path (file);

      g_set_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_IO,
                   _("Could not delete %s: %s"), path, local_error->message);
      g_error_free (local_error);
      return FALSE;
    }
  g_clear_error (&local_error);
  return TRUE;
}

/* Ids made by the app start with “my-”, which no bundled id does (a test
 * checks the data set), so they can never clash with the data set, today's
 * or a later version's. */
char *
_limber_catalog_make_id (LimberCatalog *self,
                         gboolean       exercise,
                         const char    *name,
                         GHashTable    *taken)
{
  g_autofree char *slug = limber_make_slug (name);
  g_autofree char *base = NULL;
  g_autoptr(GFile) data_dir = limber_catalog_get_data_dir (self);
  g_autoptr(GFile) dir = g_file_get_child (data_dir, exercise ? "exercises" : "routines");
  const char *suffix = exercise ? ".exercise" : ".routine";

  base = *slug ? g_strconcat ("my-", slug, NULL) : g_strdup (exercise ? "my-exercise" : "my-routine");

  for (guint n = 1;; n++)
    {
      g_autofree char *id = n == 1 ? g_strdup (base) : g_strdup_printf ("%s-%u", base, n);
      g_autofree char *file_name = g_strconcat (id, suffix, NULL);
      g_autoptr(GFile) file = g_file_get_child (dir, file_name);
      gboolean used = exercise ? limber_catalog_lookup_exercise (self, id) != NULL
                               : limber_catalog_lookup_routine (self, id) != NULL;

      if (!used && !(taken && g_hash_table_contains (taken, id)) &&
          !_limber_catalog_file_exists (file))
        return g_steal_pointer (&id);
    }
}

/**
 * limber_catalog_make_routine_id:
 *
 * Returns: (transfer full): a fresh id for a routine named @name:
 * “my-<name in ASCII>”, with “-2”, “-3”… when taken.
 */
char *
limber_catalog_make_routine_id (LimberCatalog *self,
                                const char    *name)
{
  g_return_val_if_fail (LIMBER_IS_CATALOG (self), NULL);
  return _limber_catalog_make_id (self, FALSE, name, NULL);
}

char *
limber_catalog_make_exercise_id (LimberCatalog *self,
                                 const char    *name)
{
  g_return_val_if_fail (LIMBER_IS_CATALOG (self), NULL);
  return _limber_catalog_make_id (self, TRUE, name, NULL);
}

static GFile *
own_file (LimberCatalog *self,
          const char    *folder,
          const char    *id,
          const char    *suffix,
          const char    *source)
{
  g_autoptr(GFile) data_dir = limber_catalog_get_data_dir (self);
  g_autoptr(GFile) dir = g_file_get_child (data_dir, folder);
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  /* a hand-written file keeps its own name */
  if (source != NULL && g_path_is_absolute (source))
    return g_file_new_for_path (source);
  return g_file_get_child (dir, name);
}

/* A new item never takes the name of a file that is already there: one
 * Limber could not load, or one holding an item of another id. */
static gboolean
check_new_file (GFile   *file,
                GError **error)
{
  g_autofree char *path = NULL;

  if (!_limber_catalog_file_exists (file))
    return TRUE;
  path = g_file_get_path (file);
  g_set_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_DUPLICATE_ID,
               _("%s is already there; Limber does not overwrite a file it did not make for this item"),
               path);
  return FALSE;
}

static gboolean
read_only_error (GError     **error,
                 const char  *name)
{
  g_set_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_READ_ONLY,
               _("“%s” comes with Limber and cannot be changed; duplicate it to make your own"),
               name);
  return FALSE;
}

/* Parses @text as the catalog would at start, then writes it. */
static LimberRoutine *
write_routine (LimberCatalog  *self,
               GFile          *file,
               const char     *text,
               GError        **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(LimberRoutine) routine = NULL;

  if (!_limber_catalog_check_text_size (file, text, error))
    return NULL;
  routine = _limber_catalog_parse_routine (self, NULL, path, text, strlen (text), error);
  if (routine == NULL)
    return NULL;
  if (!_limber_catalog_write_file (file, text, strlen (text), error))
    return NULL;
  _limber_catalog_put_routine (self, routine);
  return routine;
}

/**
 * limber_catalog_save_routine:
 * @draft: the routine; one without an id is saved as a new routine and
 *   given an id
 *
 * Checks @draft, writes it to `routines/<id>.routine` (or the hand-written
 * file it came from) and puts it in the routine model.
 *
 * Returns: (transfer none): the saved routine, or %NULL with an error:
 * the draft's first problem, %LIMBER_CATALOG_ERROR_READ_ONLY for a bundled
 * routine, %LIMBER_CATALOG_ERROR_IO when the file cannot be written (then
 * nothing changed).
 */
LimberRoutine *
limber_catalog_save_routine (LimberCatalog       *self,
                             LimberRoutineDraft  *draft,
                             GError             **error)
{
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  g_autofree char *old_id = NULL;
  g_autoptr(GFile) file = NULL;
  LimberRoutine *existing = NULL;
  LimberRoutine *routine;

  g_return_val_if_fail (LIMBER_IS_CATALOG (self), NULL);
  g_return_val_if_fail (LIMBER_IS_ROUTINE_DRAFT (draft), NULL);

  if (!limber_routine_draft_check (draft, self, NULL, NULL, error))
    return NULL;

  old_id = g_strdup (limber_routine_draft_get_id (draft));
  if (old_id != NULL)
    existing = limber_catalog_lookup_routine (self, old_id);
  if (existing != NULL && limber_routine_is_bundled (existing))
    {
      read_only_error (error, limber_routine_get_name (existing));
      return NULL;
    }

  id = old_id ? g_strdup (old_id) : limber_catalog_make_routine_id (self, limber_routine_draft_get_name (draft));
  limber_routine_draft_set_id (draft, id);
  text = limber_routine_draft_to_text (draft, self);
  file = own_file (self, "routines", id, ".routine",
                   existing ? limber_routine_get_source (existing) : NULL);

  routine = existing == NULL && !check_new_file (file, error) ? NULL : write_routine (self, file, text, error);
  if (routine == NULL)
    limber_routine_draft_set_id (draft, old_id);
  return routine;
}

/* Hidden exercises that no routine uses any more go with their last one. */
static void
drop_unused_hidden (LimberCatalog *self,
                    GPtrArray     *exercise_ids)
{
  for (guint i = 0; i < exercise_ids->len; i++)
    {
      const char *id = g_ptr_array_index (exercise_ids, i);
      LimberExercise *exercise = limber_catalog_lookup_exercise (self, id);

      if (exercise != NULL && limber_exercise_is_hidden (exercise))
        {
          g_autoptr(GPtrArray) users = limber_catalog_list_routines_using (self, id);
          g_autoptr(GError) error = NULL;

          if (users->len == 0 && !limber_catalog_delete_exercise (self, id, NULL, &error))
            g_debug ("Could not remove a hidden exercise: %s", error->message);
        }
    }
}

/**
 * limber_catalog_delete_routine:
 *
 * Deletes an own routine's file and takes it out of the model. The journal
 * keeps the routine's name with each session, so its history still reads.
 */
gboolean
limber_catalog_delete_routine (LimberCatalog  *self,
                               const char     *id,
                               GError        **error)
{
  LimberRoutine *routine;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) exercise_ids = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (LIMBER_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  routine = limber_catalog_lookup_routine (self, id);
  if (routine == NULL)
    {
      g_set_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_NOT_FOUND,
                   _("There is no routine “%s”"), id);
      return FALSE;
    }
  if (limber_routine_is_bundled (routine))
    return read_only_error (error, limber_routine_get_name (routine));

  file = g_file_new_for_path (limber_routine_get_source (routine));
  if (!delete_file (file, error))
    return FALSE;

  for (guint i = 0; i < limber_routine_get_n_steps (routine); i++)
    g_ptr_array_add (exercise_ids, g_strdup (limber_exercise_get_id (limber_routine_get_step (routine, i)->exercise)));
  _limber_catalog_remove_routine (self, id);
  drop_unused_hidden (self, exercise_ids);
  return TRUE;
}

/**
 * limber_catalog_list_routines_using:
 *
 * Returns: (transfer container) (element-type LimberRoutine): the routines
 * with a step of @exercise_id.
 */
GPtrArray *
limber_catalog_list_routines_using (LimberCatalog *self,
                                    const char    *exercise_id)
{
  GListModel *routines;
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (LIMBER_IS_CATALOG (self), result);
  g_return_val_if_fail (exercise_id != NULL, result);

  routines = limber_catalog_get_routines (self);
  for (guint i = 0; i < g_list_model_get_n_items (routines); i++)
    {
      g_autoptr(LimberRoutine) routine = g_list_model_get_item (routines, i);

      for (guint j = 0; j < limber_routine_get_n_steps (routine); j++)
        if (g_str_equal (limber_exercise_get_id (limber_routine_get_step (routine, j)->exercise), exercise_id))
          {
            g_ptr_array_add (result, g_object_ref (routine));
            break;
          }
    }
  return result;
}

/* The routines that use an exercise hold the old object: parse them again.
 * If a routine no longer fits (say the exercise went from a hold to
 * repetitions), its steps of the exercise take the exercise's new timings. */
void
_limber_catalog_refresh_routines_using (LimberCatalog  *self,
                        LimberExercise *exercise)
{
  g_autoptr(GPtrArray) users = limber_catalog_list_routines_using (self, limber_exercise_get_id (exercise));

  for (guint i = 0; i < users->len; i++)
    {
      LimberRoutine *old = g_ptr_array_index (users, i);
      g_autoptr(LimberRoutineDraft) draft = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      g_autoptr(LimberRoutine) routine = NULL;
      gsize length;

      if (limber_routine_is_bundled (old))
        continue;
      if (g_file_get_contents (limber_routine_get_source (old), &contents, &length, NULL))
        routine = _limber_catalog_parse_routine (self, NULL, limber_routine_get_source (old),
                                                 contents, length, NULL);
      if (routine != NULL)
        {
          _limber_catalog_put_routine (self, routine);
          continue;
        }

      draft = limber_routine_draft_new_from_routine (old);
      for (guint j = 0; j < limber_routine_draft_get_n_steps (draft); j++)
        {
          LimberStepDraft *step = limber_routine_draft_get_step (draft, j);

          if (g_strcmp0 (limber_step_draft_get_exercise_id (step), limber_exercise_get_id (exercise)) == 0)
            limber_step_draft_set_exercise (step, exercise);
        }
      if (limber_catalog_save_routine (self, draft, &error) == NULL)
        g_ptr_array_add (limber_catalog_get_problems (self), g_steal_pointer (&error));
    }
}

static LimberExercise *
write_exercise (LimberCatalog  *self,
                GFile          *file,
                const char     *text,
                GError        **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(LimberExercise) exercise = NULL;

  if (!_limber_catalog_check_text_size (file, text, error))
    return NULL;
  exercise = _limber_catalog_parse_exercise (self, path, text, strlen (text), error);
  if (exercise == NULL)
    return NULL;
  if (!_limber_catalog_write_file (file, text, strlen (text), error))
    return NULL;
  _limber_catalog_put_exercise (self, exercise);
  _limber_catalog_refresh_routines_using (self, exercise);
  return exercise;
}

/**
 * limber_catalog_save_exercise:
 * @draft: the exercise; one without an id is saved as a new exercise
 *
 * Returns: (transfer none): the saved exercise, or %NULL with an error as
 * for limber_catalog_save_routine().
 */
LimberExercise *
limber_catalog_save_exercise (LimberCatalog        *self,
                              LimberExerciseDraft  *draft,
                              GError              **error)
{
  g_autofree char *id = NULL;
  g_autofree char *old_id = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GFile) file = NULL;
  LimberExercise *existing = NULL;
  LimberExercise *exercise;

  g_return_val_if_fail (LIMBER_IS_CATALOG (self), NULL);
  g_return_val_if_fail (LIMBER_IS_EXERCISE_DRAFT (draft), NULL);

  if (!limber_exercise_draft_check (draft, self, NULL, error))
    return NULL;

  old_id = g_strdup (limber_exercise_draft_get_id (draft));
  if (old_id != NULL)
    existing = limber_catalog_lookup_exercise (self, old_id);
  if (existing != NULL && limber_exercise_is_bundled (existing))
    {
      read_only_error (error, limber_exercise_get_name (existing));
      return NULL;
    }

  id = old_id ? g_strdup (old_id) : limber_catalog_make_exercise_id (self, limber_exercise_draft_get_name (draft));
  limber_exercise_draft_set_id (draft, id);
  text = limber_exercise_draft_to_text (draft);
  file = own_file (self, "exercises", id, ".exercise",
                   existing ? limber_exercise_get_source (existing) : NULL);

  exercise = existing == NULL && !check_new_file (file, error) ? NULL : write_exercise (self, file, text, error);
  if (exercise == NULL)
    limber_exercise_draft_set_id (draft, old_id);
  return exercise;
}

static gboolean
picture_used_elsewhere (LimberCatalog  *self,
                        LimberExercise *exercise)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, _limber_catalog_get_exercise_table (self));
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (value != exercise &&
        g_strcmp0 (limber_exercise_get_picture (value), limber_exercise_get_picture (exercise)) == 0)
      return TRUE;
  return FALSE;
}

/**
 * limber_catalog_delete_exercise:
 * @hidden: (out) (optional): set to %TRUE when the exercise was only hidden
 *
 * Deletes an own exercise. One that a routine still uses is marked Hidden
 * instead: it leaves the exercise model but those routines keep playing it.
 * An unused one loses its file and its picture.
 */
gboolean
limber_catalog_delete_exercise (LimberCatalog  *self,
                                const char     *id,
                                gboolean       *hidden,
                                GError        **error)
{
  LimberExercise *exercise;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (LIMBER_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (hidden)
    *hidden = FALSE;
  exercise = limber_catalog_lookup_exercise (self, id);
  if (exercise == NULL)
    {
      g_set_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_NOT_FOUND,
                   _("There is no exercise “%s”"), id);
      return FALSE;
    }
  if (limber_exercise_is_bundled (exercise))
    return read_only_error (error, limber_exercise_get_name (exercise));

  file = g_file_new_for_path (limber_exercise_get_source (exercise));
  users = limber_catalog_list_routines_using (self, id);
  if (users->len > 0)
    {
      g_autoptr(LimberExerciseDraft) draft = limber_exercise_draft_new_from_exercise (exercise);
      g_autoptr(GKeyFile) key_file = g_key_file_new ();
      g_autofree char *draft_text = limber_exercise_draft_to_text (draft);
      g_autofree char *text = NULL;

      /* from the parsed exercise, as every file Limber writes */
      g_key_file_load_from_data (key_file, draft_text, -1, G_KEY_FILE_NONE, NULL);
      g_key_file_set_boolean (key_file, "Exercise", "Hidden", TRUE);
      text = g_key_file_to_data (key_file, NULL, NULL);
      if (write_exercise (self, file, text, error) == NULL)
        return FALSE;
      if (hidden)
        *hidden = TRUE;
      return TRUE;
    }

  if (!delete_file (file, error))
    return FALSE;
  if (limber_exercise_get_picture_source (exercise) == LIMBER_PICTURE_FILE &&
      !picture_used_elsewhere (self, exercise))
    {
      g_autoptr(GFile) picture = g_file_new_for_path (limber_exercise_get_picture_path (exercise));
      g_autoptr(GError) local_error = NULL;

      /* the exercise is gone either way; a picture left behind is harmless */
      if (!delete_file (picture, &local_error))
        g_debug ("%s", local_error->message);
    }
  _limber_catalog_remove_exercise (self, id);
  return TRUE;
}

const char *
_limber_catalog_picture_extension (const char *mime_type)
{
  if (g_strcmp0 (mime_type, "image/png") == 0)
    return ".png";
  if (g_strcmp0 (mime_type, "image/jpeg") == 0)
    return ".jpg";
  return ".svg";
}

/**
 * limber_catalog_import_picture:
 * @source: a PNG, JPEG or SVG file of at most 10 MiB, a PNG or JPEG of
 *   at most LIMBER_PICTURE_MAX_SIDE pixels on a side
 *
 * Copies @source into the pictures folder under a fresh name. The type is
 * read from the data, not the file name. Decoding and scaling are left to
 * the interface, which has GTK.
 *
 * Returns: (transfer full): the picture's file name, for Picture=, or %NULL
 * with %LIMBER_CATALOG_ERROR_NOT_A_PICTURE, _TOO_LARGE or _IO.
 */
char *
limber_catalog_import_picture (LimberCatalog  *self,
                               GFile          *source,
                               GError        **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *display = NULL;
  g_autofree char *name = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr(GFile) pictures = NULL;
  g_autoptr(GFile) dest = NULL;
  GError *local_error = NULL;
  const char *mime_type;
  gsize length;

  g_return_val_if_fail (LIMBER_IS_CATALOG (self), NULL);
  g_return_val_if_fail (G_IS_FILE (source), NULL);

  display = g_file_get_parse_name (source);
  info = g_file_query_info (source, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            NULL, &local_error);
  if (info == NULL ||
      (g_file_info_get_size (info) <= LIMBER_PICTURE_MAX_SIZE &&
       !g_file_load_contents (source, NULL, &contents, &length, NULL, &local_error)))
    {
      g_set_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_IO,
                   _("Could not read %s: %s"), display, local_error->message);
      g_error_free (local_error);
      return NULL;
    }
  if (contents == NULL || length > LIMBER_PICTURE_MAX_SIZE)
    {
      g_set_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_TOO_LARGE,
                   _("%s is larger than 10 MiB; choose a smaller picture"), display);
      return NULL;
    }

  mime_type = _limber_picture_sniff ((const guint8 *) contents, length, &local_error);
  if (mime_type == NULL)
    {
      g_set_error (error, LIMBER_CATALOG_ERROR, local_error->code, "%s %s", display, local_error->message);
      g_error_free (local_error);
      return NULL;
    }

  uuid = g_uuid_string_random ();
  name = g_strconcat (uuid, _limber_catalog_picture_extension (mime_type), NULL);
  pictures = limber_catalog_get_pictures_dir (self);
  dest = g_file_get_child (pictures, name);
  if (!_limber_catalog_write_file (dest, contents, length, error))
    return NULL;
  return g_steal_pointer (&name);
}
