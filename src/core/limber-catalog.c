/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-catalog"

#include <glib/gi18n-lib.h>

#include "limber-catalog-private.h"
#include "limber-keyfile-private.h"

#define DATA_PATH LIMBER_RESOURCE_PREFIX "/data"

/* From the generated limber-data-resources.c, registered by hand so that a
 * static link cannot drop it. */
void limber_data_register_resource (void);

struct _LimberCatalog
{
  GObject     parent_instance;

  GListStore *exercises;        /* the library: not the hidden ones */
  GListStore *routines;
  GFile      *data_dir;
  GHashTable *exercises_by_id;
  GHashTable *routines_by_id;
  GListStore *programs;
  GHashTable *programs_by_id;
  GPtrArray  *problems;
  guint       default_prepare;
  guint       default_switch_sides;
};

G_DEFINE_FINAL_TYPE (LimberCatalog, limber_catalog, G_TYPE_OBJECT)

static void
limber_catalog_finalize (GObject *object)
{
  LimberCatalog *self = (LimberCatalog *) object;

  g_clear_object (&self->exercises);
  g_clear_object (&self->routines);
  g_clear_object (&self->data_dir);
  g_clear_pointer (&self->exercises_by_id, g_hash_table_unref);
  g_clear_pointer (&self->routines_by_id, g_hash_table_unref);
  g_clear_object (&self->programs);
  g_clear_pointer (&self->programs_by_id, g_hash_table_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (limber_catalog_parent_class)->finalize (object);
}

static void
limber_catalog_class_init (LimberCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = limber_catalog_finalize;

  limber_data_register_resource ();
}

static void
limber_catalog_init (LimberCatalog *self)
{
  self->exercises = g_list_store_new (LIMBER_TYPE_EXERCISE);
  self->routines = g_list_store_new (LIMBER_TYPE_ROUTINE);
  self->exercises_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->routines_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->programs = g_list_store_new (LIMBER_TYPE_PROGRAM);
  self->programs_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  self->default_prepare = LIMBER_ROUTINE_DEFAULT_PREPARE;
  self->default_switch_sides = LIMBER_ROUTINE_DEFAULT_SWITCH_SIDES;
}

LimberCatalog *
limber_catalog_new (void)
{
  return g_object_new (LIMBER_TYPE_CATALOG, NULL);
}

/* Shorter routines first: the list then reads from a quick desk break to a
 * long wind-down. */
static int
compare_routines (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  LimberRoutine *ra = (LimberRoutine *) a;
  LimberRoutine *rb = (LimberRoutine *) b;
  guint da = limber_routine_get_duration (ra);
  guint db = limber_routine_get_duration (rb);

  if (da != db)
    return da < db ? -1 : 1;
  return g_utf8_collate (limber_routine_get_name (ra), limber_routine_get_name (rb));
}

static gboolean
check_file_id (const char  *display_name,
               const char  *text,
               const char  *id,
               const char  *basename,
               const char  *suffix,
               GError     **error)
{
  g_autofree char *expected = g_strconcat (id, suffix, NULL);

  if (g_strcmp0 (expected, basename) != 0)
    {
      LimberKeyfileContext ctx = { display_name, text, NULL };

      _limber_keyfile_set_error (&ctx, error, LIMBER_CATALOG_ERROR_INVALID_VALUE, NULL, NULL,
                                 _("the Id “%s” does not match the file name; name the file “%s”"),
                                 id, expected);
      return FALSE;
    }
  return TRUE;
}

/* Parses a routine against @exercises, as every routine file and the
 * editor's text are parsed. */
LimberRoutine *
_limber_catalog_parse_routine (LimberCatalog  *self,
                               GHashTable     *exercises,
                               const char     *display_name,
                               const char     *text,
                               gsize           length,
                               GError        **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  LimberKeyfileContext ctx = { display_name, text, key_file };
  LimberRoutine *routine;

  if (!_limber_keyfile_load (&ctx, length, error))
    return NULL;
  routine = limber_routine_new_from_key_file (key_file, ctx.text, display_name,
                                              exercises ? exercises : self->exercises_by_id,
                                              FALSE, error);
  if (routine != NULL)
    limber_routine_set_default_timings (routine, self->default_prepare, self->default_switch_sides);
  return routine;
}

/* Parses an own exercise. */
LimberExercise *
_limber_catalog_parse_exercise (LimberCatalog  *self,
                                const char     *display_name,
                                const char     *text,
                                gsize           length,
                                GError        **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  LimberKeyfileContext ctx = { display_name, text, key_file };
  g_autoptr(GFile) pictures = limber_catalog_get_pictures_dir (self);
  g_autofree char *pictures_path = g_file_get_path (pictures);

  if (!_limber_keyfile_load (&ctx, length, error))
    return NULL;
  return _limber_exercise_new_from_key_file (key_file, ctx.text, display_name, FALSE,
                                             self->exercises_by_id, pictures_path, error);
}

static gboolean
add_routine (LimberCatalog *self,
             const char    *display_name,
             const char    *basename,
             const char    *text,
             gsize          length,
             gboolean       bundled,
             GError       **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  LimberKeyfileContext ctx = { display_name, text, key_file };
  g_autoptr(LimberRoutine) routine = NULL;
  const char *id;

  if (!_limber_keyfile_load (&ctx, length, error))
    return FALSE;

  routine = limber_routine_new_from_key_file (key_file, ctx.text, display_name,
                                              self->exercises_by_id, bundled, error);
  if (routine == NULL)
    return FALSE;

  id = limber_routine_get_id (routine);
  if (bundled && !check_file_id (display_name, text, id, basename, ".routine", error))
    return FALSE;

  if (g_hash_table_contains (self->routines_by_id, id))
    {
      LimberRoutine *other = g_hash_table_lookup (self->routines_by_id, id);

      _limber_keyfile_set_error (&ctx, error, LIMBER_CATALOG_ERROR_DUPLICATE_ID, "Routine", "Id",
                                 _("the Id “%s” is already used by %s; give this routine an Id of its own"),
                                 id, limber_routine_get_source (other));
      return FALSE;
    }

  _limber_catalog_put_routine (self, routine);
  return TRUE;
}

/* The level routines follow the person's transition times as the others do. */
static void
set_program_timings (LimberProgram *program,
                     guint          prepare,
                     guint          switch_sides)
{
  for (guint level = 1; level <= limber_program_get_n_levels (program); level++)
    for (guint part = 1; part <= limber_program_get_n_parts (program, level); part++)
      limber_routine_set_default_timings (limber_program_get_part_routine (program, level, part),
                                          prepare, switch_sides);
}

static gboolean
add_program (LimberCatalog *self,
             const char    *display_name,
             const char    *basename,
             const char    *text,
             gsize          length,
             GError       **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  LimberKeyfileContext ctx = { display_name, text, key_file };
  g_autoptr(LimberProgram) program = NULL;
  const char *id;

  if (!_limber_keyfile_load (&ctx, length, error))
    return FALSE;
  program = limber_program_new_from_key_file (key_file, ctx.text, display_name,
                                              self->exercises_by_id, TRUE, error);
  if (program == NULL)
    return FALSE;

  id = limber_program_get_id (program);
  if (!check_file_id (display_name, text, id, basename, ".program", error))
    return FALSE;
  /* The level routines' ids may not hide a routine (or the other way). */
  for (guint level = 1; level <= limber_program_get_n_levels (program); level++)
    for (guint part = 1; part <= limber_program_get_n_parts (program, level); part++)
      {
        const char *routine_id = limber_routine_get_id (limber_program_get_part_routine (program, level, part));

        if (g_hash_table_contains (self->routines_by_id, routine_id))
          {
            _limber_keyfile_set_error (&ctx, error, LIMBER_CATALOG_ERROR_DUPLICATE_ID, "Program", "Id",
                                       _("level %u would be played as “%s”, which is already a routine's Id"),
                                       level, routine_id);
            return FALSE;
          }
      }

  set_program_timings (program, self->default_prepare, self->default_switch_sides);
  g_hash_table_insert (self->programs_by_id, (char *) id, g_object_ref (program));
  g_list_store_append (self->programs, program);
  return TRUE;
}

static gboolean
add_exercise (LimberCatalog *self,
              const char    *display_name,
              const char    *text,
              gsize          length,
              GError       **error)
{
  g_autoptr(LimberExercise) exercise = NULL;
  const char *id;

  exercise = _limber_catalog_parse_exercise (self, display_name, text, length, error);
  if (exercise == NULL)
    return FALSE;

  id = limber_exercise_get_id (exercise);
  if (g_hash_table_contains (self->exercises_by_id, id))
    {
      LimberExercise *other = g_hash_table_lookup (self->exercises_by_id, id);
      LimberKeyfileContext ctx = { display_name, text, NULL };

      _limber_keyfile_set_error (&ctx, error, LIMBER_CATALOG_ERROR_DUPLICATE_ID, "Exercise", "Id",
                                 _("the Id “%s” is already used by %s; give this exercise an Id of its own"),
                                 id, limber_exercise_get_source (other));
      return FALSE;
    }

  _limber_catalog_put_exercise (self, exercise);
  return TRUE;
}

/* Adds or replaces a routine in the table and the model. */
void
_limber_catalog_put_routine (LimberCatalog *self,
                             LimberRoutine *routine)
{
  _limber_catalog_remove_routine (self, limber_routine_get_id (routine));
  limber_routine_set_default_timings (routine, self->default_prepare, self->default_switch_sides);
  g_hash_table_insert (self->routines_by_id, (char *) limber_routine_get_id (routine),
                       g_object_ref (routine));
  g_list_store_insert_sorted (self->routines, routine, compare_routines, NULL);
}

void
_limber_catalog_remove_routine (LimberCatalog *self,
                                const char    *id)
{
  g_autoptr(LimberRoutine) old = NULL;
  guint position = 0;

  if (!g_hash_table_steal_extended (self->routines_by_id, id, NULL, (gpointer *) &old))
    return;
  if (g_list_store_find (self->routines, old, &position))
    g_list_store_remove (self->routines, position);
}

/* Adds or replaces an exercise; the routines that used the old object are
 * parsed again by the caller (limber-catalog-store.c). */
void
_limber_catalog_put_exercise (LimberCatalog  *self,
                              LimberExercise *exercise)
{
  const char *id = limber_exercise_get_id (exercise);
  g_autoptr(LimberExercise) old = NULL;
  guint position;

  /* the table first: whoever the list's items-changed reaches finds the
   * exercise as it is now */
  g_hash_table_steal_extended (self->exercises_by_id, id, NULL, (gpointer *) &old);
  g_hash_table_insert (self->exercises_by_id, (char *) id, g_object_ref (exercise));

  if (old != NULL && g_list_store_find (self->exercises, old, &position))
    {
      if (limber_exercise_is_hidden (exercise))
        g_list_store_remove (self->exercises, position);
      else
        g_list_store_splice (self->exercises, position, 1, (gpointer *) &exercise, 1);
    }
  else if (!limber_exercise_is_hidden (exercise))
    g_list_store_append (self->exercises, exercise);
}

void
_limber_catalog_remove_exercise (LimberCatalog *self,
                                 const char    *id)
{
  g_autoptr(LimberExercise) old = NULL;
  guint position = 0;

  if (!g_hash_table_steal_extended (self->exercises_by_id, id, NULL, (gpointer *) &old))
    return;
  if (g_list_store_find (self->exercises, old, &position))
    g_list_store_remove (self->exercises, position);
}

GHashTable *
_limber_catalog_get_exercise_table (LimberCatalog *self)
{
  return self->exercises_by_id;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GBytes *
lookup_resource (const char  *path,
                 GError     **error)
{
  return g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

/**
 * limber_catalog_load_bundled:
 *
 * Loads the data set compiled into the program. The bundled set is checked
 * by the test suite, so an error here means a broken build.
 */
gboolean
limber_catalog_load_bundled (LimberCatalog  *self,
                             GError        **error)
{
  g_auto(GStrv) exercise_files = NULL;
  g_auto(GStrv) routine_files = NULL;
  g_auto(GStrv) program_files = NULL;

  g_return_val_if_fail (LIMBER_IS_CATALOG (self), FALSE);

  exercise_files = g_resources_enumerate_children (DATA_PATH "/exercises/", 0, error);
  if (exercise_files == NULL)
    return FALSE;
  /* resources enumerate in hash order; keep the catalog's order stable */
  qsort (exercise_files, g_strv_length (exercise_files), sizeof (char *), compare_names);

  for (guint i = 0; exercise_files[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (DATA_PATH "/exercises/", exercise_files[i], NULL);
      g_autofree char *display_name = g_strconcat ("exercises/", exercise_files[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GKeyFile) key_file = g_key_file_new ();
      g_autoptr(LimberExercise) exercise = NULL;
      LimberKeyfileContext ctx;
      gsize length;

      if (!(bytes = lookup_resource (path, error)))
        return FALSE;

      ctx.display_name = display_name;
      ctx.text = g_bytes_get_data (bytes, &length);
      ctx.key_file = key_file;
      if (!_limber_keyfile_load (&ctx, length, error))
        return FALSE;

      exercise = _limber_exercise_new_from_key_file (key_file, ctx.text, display_name, TRUE,
                                                     NULL, NULL, error);
      if (exercise == NULL ||
          !check_file_id (display_name, ctx.text, limber_exercise_get_id (exercise),
                          exercise_files[i], ".exercise", error))
        return FALSE;

      g_hash_table_insert (self->exercises_by_id,
                           (char *) limber_exercise_get_id (exercise),
                           g_object_ref (exercise));
      g_list_store_append (self->exercises, exercise);
    }

  routine_files = g_resources_enumerate_children (DATA_PATH "/routines/", 0, error);
  if (routine_files == NULL)
    return FALSE;
  qsort (routine_files, g_strv_length (routine_files), sizeof (char *), compare_names);

  for (guint i = 0; routine_files[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (DATA_PATH "/routines/", routine_files[i], NULL);
      g_autofree char *display_name = g_strconcat ("routines/", routine_files[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      gsize length;
      const char *text;

      if (!(bytes = lookup_resource (path, error)))
        return FALSE;
      text = g_bytes_get_data (bytes, &length);
      if (!add_routine (self, display_name, routine_files[i], text, length, TRUE, error))
        return FALSE;
    }

  program_files = g_resources_enumerate_children (DATA_PATH "/programs/", 0, error);
  if (program_files == NULL)
    return FALSE;
  qsort (program_files, g_strv_length (program_files), sizeof (char *), compare_names);

  for (guint i = 0; program_files[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (DATA_PATH "/programs/", program_files[i], NULL);
      g_autofree char *display_name = g_strconcat ("programs/", program_files[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      gsize length;
      const char *text;

      if (!(bytes = lookup_resource (path, error)))
        return FALSE;
      text = g_bytes_get_data (bytes, &length);
      if (!add_program (self, display_name, program_files[i], text, length, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
load_user_file (LimberCatalog  *self,
                GFile          *file,
                gboolean        exercise,
                GError        **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *contents = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_IO,
                   "%s: %s", path, local_error->message);
      return FALSE;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_IO,
                   _("%s: not a regular file"), path);
      return FALSE;
    }

  if (g_file_info_get_size (info) > LIMBER_ROUTINE_FILE_MAX_SIZE)
    {
      g_set_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_TOO_LARGE,
                   _("%s: the file is larger than 1 MiB; a routine or exercise file is a few hundred bytes of text"),
                   path);
      return FALSE;
    }

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_IO,
                   "%s: %s", path, local_error->message);
      return FALSE;
    }

  /* The size may have changed between the query and the read. */
  if (length > LIMBER_ROUTINE_FILE_MAX_SIZE)
    {
      g_set_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_TOO_LARGE,
                   _("%s: the file is larger than 1 MiB; a routine or exercise file is a few hundred bytes of text"),
                   path);
      return FALSE;
    }

  if (exercise)
    return add_exercise (self, path, contents, length, error);
  return add_routine (self, path, basename, contents, length, FALSE, error);
}

static guint
load_user_folder (LimberCatalog *self,
                  GFile         *directory,
                  gboolean       exercises)
{
  const char *suffix = exercises ? ".exercise" : ".routine";
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint loaded = 0;

  enumerator = g_file_enumerate_children (directory, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (enumerator == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_autofree char *path = g_file_get_path (directory);

          g_ptr_array_add (self->problems,
                           g_error_new (LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_IO,
                                        exercises ? _("Could not read the exercises folder %s: %s")
                                                  : _("Could not read the routines folder %s: %s"),
                                        path, error->message));
        }
      return 0;
    }

  for (;;)
    {
      GFileInfo *info = NULL;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, NULL, &error))
        {
          g_ptr_array_add (self->problems, g_steal_pointer (&error));
          break;
        }
      if (info == NULL)
        break;
      if (g_str_has_suffix (g_file_info_get_name (info), suffix))
        g_ptr_array_add (names, g_strdup (g_file_info_get_name (info)));
    }

  /* A stable order, so that which of two clashing files wins does not
   * depend on the file system. */
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(GFile) file = g_file_get_child (directory, g_ptr_array_index (names, i));

      if (load_user_file (self, file, exercises, &error))
        loaded++;
      else
        {
          g_debug ("Skipped a file: %s", error->message);
          g_ptr_array_add (self->problems, g_steal_pointer (&error));
        }
    }

  return loaded;
}

/**
 * limber_catalog_load_user_routines:
 * @directory: the folder holding the user's `*.routine` files
 *
 * Loads every `*.routine` file in @directory. A file that cannot be used is
 * skipped and its error, naming the file and where known the line, is added
 * to the problems list; the other files still load. A missing folder is not
 * a problem.
 *
 * Returns: the number of routines loaded.
 */
guint
limber_catalog_load_user_routines (LimberCatalog *self,
                                   GFile         *directory)
{
  g_return_val_if_fail (LIMBER_IS_CATALOG (self), 0);
  g_return_val_if_fail (G_IS_FILE (directory), 0);

  return load_user_folder (self, directory, FALSE);
}

/**
 * limber_catalog_load_user_exercises:
 * @directory: the folder holding the user's `*.exercise` files
 *
 * Loads own exercises as limber_catalog_load_user_routines() loads
 * routines. Load them first, so that routines can use them.
 *
 * Returns: the number of exercises loaded.
 */
guint
limber_catalog_load_user_exercises (LimberCatalog *self,
                                    GFile         *directory)
{
  g_return_val_if_fail (LIMBER_IS_CATALOG (self), 0);
  g_return_val_if_fail (G_IS_FILE (directory), 0);

  return load_user_folder (self, directory, TRUE);
}

/**
 * limber_catalog_load_user_data:
 * @data_dir: the folder of own data, normally `$XDG_DATA_HOME/limber`
 *
 * Loads own exercises (`exercises/`), then own routines (`routines/`), so
 * that routines can use own exercises, and remembers @data_dir as where
 * limber_catalog_save_routine() and the others write.
 *
 * Returns: the number of files loaded.
 */
guint
limber_catalog_load_user_data (LimberCatalog *self,
                               GFile         *data_dir)
{
  g_autoptr(GFile) exercises = NULL;
  g_autoptr(GFile) routines = NULL;
  guint loaded;

  g_return_val_if_fail (LIMBER_IS_CATALOG (self), 0);
  g_return_val_if_fail (G_IS_FILE (data_dir), 0);

  g_set_object (&self->data_dir, data_dir);
  exercises = g_file_get_child (data_dir, "exercises");
  routines = g_file_get_child (data_dir, "routines");
  loaded = load_user_folder (self, exercises, TRUE);
  return loaded + load_user_folder (self, routines, FALSE);
}

/**
 * limber_catalog_get_data_dir:
 *
 * Returns: (transfer full): the folder given to
 * limber_catalog_load_user_data(), else `$XDG_DATA_HOME/limber`.
 */
GFile *
limber_catalog_get_data_dir (LimberCatalog *self)
{
  g_return_val_if_fail (LIMBER_IS_CATALOG (self), NULL);

  if (self->data_dir != NULL)
    return g_object_ref (self->data_dir);
  return g_file_new_build_filename (g_get_user_data_dir (), "limber", NULL);
}

/**
 * limber_catalog_get_pictures_dir:
 *
 * Returns: (transfer full): the folder of own pictures.
 */
GFile *
limber_catalog_get_pictures_dir (LimberCatalog *self)
{
  g_autoptr(GFile) dir = limber_catalog_get_data_dir (self);

  return g_file_get_child (dir, "pictures");
}

/**
 * limber_catalog_get_user_dir:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/limber/routines`.
 */
GFile *
limber_catalog_get_user_dir (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), "limber", "routines", NULL);
}

/**
 * limber_catalog_new_default:
 *
 * Loads the bundled data set and the user's own exercises and routines.
 *
 * Returns: (transfer full): the catalog, or %NULL if the bundled set is broken.
 */
LimberCatalog *
limber_catalog_new_default (GError **error)
{
  g_autoptr(LimberCatalog) self = limber_catalog_new ();
  g_autoptr(GFile) dir = g_file_new_build_filename (g_get_user_data_dir (), "limber", NULL);

  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* the person's transition times, wherever the catalog is used: the
   * window, the command line and the reminder texts agree on lengths */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, LIMBER_APP_ID, TRUE);
  if (schema != NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new_full (schema, NULL, NULL);

      self->default_prepare = g_settings_get_uint (settings, "get-ready-seconds");
      self->default_switch_sides = g_settings_get_uint (settings, "switch-sides-seconds");
    }

  if (!limber_catalog_load_bundled (self, error))
    return NULL;
  limber_catalog_load_user_data (self, dir);
  return g_steal_pointer (&self);
}

/**
 * limber_catalog_set_default_timings:
 * @prepare: seconds to get ready before each exercise
 * @switch_sides: seconds to switch sides
 *
 * Applies the person's transition times to every routine whose file does
 * not set its own, now and as more are loaded, and keeps the list in order
 * of length.
 */
void
limber_catalog_set_default_timings (LimberCatalog *self,
                                    guint          prepare,
                                    guint          switch_sides)
{
  guint n;

  g_return_if_fail (LIMBER_IS_CATALOG (self));

  if (prepare == self->default_prepare && switch_sides == self->default_switch_sides)
    return;
  self->default_prepare = prepare;
  self->default_switch_sides = switch_sides;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->routines));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LimberRoutine) routine = g_list_model_get_item (G_LIST_MODEL (self->routines), i);

      limber_routine_set_default_timings (routine, prepare, switch_sides);
    }
  g_list_store_sort (self->routines, compare_routines, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->programs));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LimberProgram) program = g_list_model_get_item (G_LIST_MODEL (self->programs), i);

      set_program_timings (program, prepare, switch_sides);
    }
}

/**
 * limber_catalog_get_default_timings:
 * @prepare: (out) (optional): seconds to get ready before each exercise
 * @switch_sides: (out) (optional): seconds to switch sides
 *
 * The times given to limber_catalog_set_default_timings(), so that a
 * catalog made elsewhere (such as one a worker thread checks a shared
 * routine against) can time routines the same way.
 */
void
limber_catalog_get_default_timings (LimberCatalog *self,
                                    guint         *prepare,
                                    guint         *switch_sides)
{
  g_return_if_fail (LIMBER_IS_CATALOG (self));

  if (prepare != NULL)
    *prepare = self->default_prepare;
  if (switch_sides != NULL)
    *switch_sides = self->default_switch_sides;
}

GListModel *
limber_catalog_get_routines (LimberCatalog *self)
{
  g_return_val_if_fail (LIMBER_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->routines);
}

GListModel *
limber_catalog_get_exercises (LimberCatalog *self)
{
  g_return_val_if_fail (LIMBER_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->exercises);
}

LimberRoutine *
limber_catalog_lookup_routine (LimberCatalog *self,
                               const char    *id)
{
  g_return_val_if_fail (LIMBER_IS_CATALOG (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->routines_by_id, id);
}

/**
 * limber_catalog_name_session_routine:
 * @self: (nullable): the catalog, or %NULL when it could not be read
 * @routine_id: (nullable): the id stored with a session
 * @stored_name: (nullable): the routine's name stored with the session
 *
 * A session keeps the name its routine had when it was recorded, in the
 * language of that day. One of Limber's own routines is named as the
 * catalog names it now, in today's language; a deleted or own routine,
 * or one this catalog does not know, keeps the stored name.
 *
 * Returns: the name to show, not yet checked for valid UTF-8 (a stored
 *   name comes from the journal)
 */
const char *
limber_catalog_name_session_routine (LimberCatalog *self,
                                     const char    *routine_id,
                                     const char    *stored_name)
{
  g_return_val_if_fail (self == NULL || LIMBER_IS_CATALOG (self), NULL);

  if (self != NULL && routine_id != NULL)
    {
      LimberRoutine *routine = limber_catalog_lookup_routine (self, routine_id);

      if (routine != NULL && limber_routine_is_bundled (routine))
        return limber_routine_get_name (routine);
    }
  return stored_name != NULL ? stored_name : "";
}

LimberExercise *
limber_catalog_lookup_exercise (LimberCatalog *self,
                                const char    *id)
{
  g_return_val_if_fail (LIMBER_IS_CATALOG (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->exercises_by_id, id);
}

/**
 * limber_catalog_get_programs:
 *
 * Returns: (transfer none): the bundled programs (#LimberProgram), in order
 *   of their ids.
 */
GListModel *
limber_catalog_get_programs (LimberCatalog *self)
{
  g_return_val_if_fail (LIMBER_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->programs);
}

/**
 * limber_catalog_lookup_program:
 *
 * Returns: (transfer none) (nullable): the program @id.
 */
LimberProgram *
limber_catalog_lookup_program (LimberCatalog *self,
                               const char    *id)
{
  g_return_val_if_fail (LIMBER_IS_CATALOG (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->programs_by_id, id);
}

/**
 * limber_catalog_get_problems:
 *
 * Returns: (transfer none) (element-type GError): the user files that were
 * skipped, each with a message naming the file and what is wrong.
 */
GPtrArray *
limber_catalog_get_problems (LimberCatalog *self)
{
  g_return_val_if_fail (LIMBER_IS_CATALOG (self), NULL);
  return self->problems;
}

void
_limber_catalog_get_default_timings (LimberCatalog *self,
                                     guint         *prepare,
                                     guint         *switch_sides)
{
  *prepare = self->default_prepare;
  *switch_sides = self->default_switch_sides;
}
