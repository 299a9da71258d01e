/* SPDX-License-Identifier: GPL-3.0-or-later */
/* User routine files: a bad file is skipped with a message that names the
 * file, the line and the fault, and the other files still load. */
#include <glib/gstdio.h>

#include "limber-catalog.h"

typedef struct
{
  LimberCatalog *catalog;
  char          *dir;
  GFile         *dir_file;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_build_filename (g_get_user_data_dir (), "limber", "routines", NULL);
  g_assert_cmpint (g_mkdir_with_parents (f->dir, 0700), ==, 0);
  f->dir_file = g_file_new_for_path (f->dir);
  f->catalog = limber_catalog_new ();
  g_assert_true (limber_catalog_load_bundled (f->catalog, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_clear_object (&f->catalog);
  g_clear_object (&f->dir_file);
  g_free (f->dir);
}

static void
write_file (Fixture    *f,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static const char good_routine[] =
  "# a routine of my own\n"
  "[Routine]\n"
  "Id=my-hamstrings\n"
  "Name=My hamstrings\n"
  "Summary=Just the two I like.\n"
  "\n"
  "[Step 1]\n"
  "Exercise=seated-hamstring\n"
  "Hold=25\n"
  "\n"
  "[Step 2]\n"
  "Exercise=leg-swings\n"
  "Repetitions=6\n";

/* Loads the folder and returns the one problem message it must report. */
static const char *
load_expecting_one_problem (Fixture *f,
                            int      code)
{
  GPtrArray *problems;
  const GError *error;

  limber_catalog_load_user_routines (f->catalog, f->dir_file);
  problems = limber_catalog_get_problems (f->catalog);
  g_assert_cmpuint (problems->len, ==, 1);
  error = g_ptr_array_index (problems, 0);
  g_assert_error ((GError *) error, LIMBER_CATALOG_ERROR, code);
  g_test_message ("message: %s", error->message);
  return error->message;
}

static void
assert_names_file (Fixture    *f,
                   const char *message,
                   const char *name,
                   int         line)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autofree char *prefix = line > 0 ? g_strdup_printf ("%s:%d: ", path, line)
                                     : g_strdup_printf ("%s: ", path);

  g_assert_true (g_str_has_prefix (message, prefix));
}

static void
test_good_file_loads (Fixture       *f,
                      gconstpointer  data)
{
  LimberRoutine *routine;
  const LimberRoutineStep *step;

  write_file (f, "mine.routine", good_routine, -1);
  g_assert_cmpuint (limber_catalog_load_user_routines (f->catalog, f->dir_file), ==, 1);
  g_assert_cmpuint (limber_catalog_get_problems (f->catalog)->len, ==, 0);

  routine = limber_catalog_lookup_routine (f->catalog, "my-hamstrings");
  g_assert_nonnull (routine);
  g_assert_false (limber_routine_is_bundled (routine));
  g_assert_cmpstr (limber_routine_get_name (routine), ==, "My hamstrings");
  g_assert_cmpuint (limber_routine_get_n_steps (routine), ==, 2);

  step = limber_routine_get_step (routine, 0);
  g_assert_cmpstr (limber_exercise_get_id (step->exercise), ==, "seated-hamstring");
  g_assert_cmpuint (step->hold, ==, 25);
  step = limber_routine_get_step (routine, 1);
  g_assert_cmpuint (step->repetitions, ==, 6);
  /* the tempo is the exercise's own when a step does not override it */
  g_assert_cmpuint (step->tempo, ==, limber_exercise_get_tempo (step->exercise));

  /* and it appears in the list the window shows */
  {
    GListModel *routines = limber_catalog_get_routines (f->catalog);
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (routines); i++)
      {
        g_autoptr(LimberRoutine) r = g_list_model_get_item (routines, i);
        found |= r == routine;
      }
    g_assert_true (found);
  }
}

static void
test_missing_folder (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GFile) nowhere = g_file_get_child (f->dir_file, "no-such-folder");

  g_assert_cmpuint (limber_catalog_load_user_routines (f->catalog, nowhere), ==, 0);
  g_assert_cmpuint (limber_catalog_get_problems (f->catalog)->len, ==, 0);
}

static void
test_bad_syntax (Fixture       *f,
                 gconstpointer  data)
{
  const char *message;

  write_file (f, "broken.routine",
              "[Routine]\nId=broken\nName=Broken\nthis line is not a key\n[Step 1]\nExercise=seated-hamstring\n", -1);
  write_file (f, "mine.routine", good_routine, -1);

  message = load_expecting_one_problem (f, LIMBER_CATALOG_ERROR_SYNTAX);
  assert_names_file (f, message, "broken.routine", 4);
  /* the good file beside it still loads */
  g_assert_nonnull (limber_catalog_lookup_routine (f->catalog, "my-hamstrings"));
  g_assert_null (limber_catalog_lookup_routine (f->catalog, "broken"));
}

static void
test_bad_group_header (Fixture       *f,
                       gconstpointer  data)
{
  const char *message;

  write_file (f, "header.routine",
              "[Routine]\nId=header\nName=Header\n[Step 1\nExercise=seated-hamstring\n", -1);
  message = load_expecting_one_problem (f, LIMBER_CATALOG_ERROR_SYNTAX);
  assert_names_file (f, message, "header.routine", 4);
}

/* A key given twice in a group is refused, not read as its last value. */
static void
test_duplicate_key (Fixture       *f,
                    gconstpointer  data)
{
  const char *message;

  write_file (f, "twice.routine",
              "[Routine]\nId=twice\nName=Twice\n\n[Step 1]\nExercise=seated-hamstring\nHold=30\n# a comment\nHold=600\n",
              -1);
  message = load_expecting_one_problem (f, LIMBER_CATALOG_ERROR_SYNTAX);
  assert_names_file (f, message, "twice.routine", 9);
  g_assert_nonnull (strstr (message, "the key Hold is already in the group [Step 1], at line 7"));
  g_assert_null (limber_catalog_lookup_routine (f->catalog, "twice"));
}

/* A group given twice is refused, not merged. */
static void
test_duplicate_group (Fixture       *f,
                      gconstpointer  data)
{
  const char *message;

  write_file (f, "groups.routine",
              "[Routine]\nId=groups\nName=Groups\n\n[Step 1]\nExercise=seated-hamstring\n\n"
              "[Step 1]\nHold=45\n", -1);
  message = load_expecting_one_problem (f, LIMBER_CATALOG_ERROR_SYNTAX);
  assert_names_file (f, message, "groups.routine", 8);
  g_assert_nonnull (strstr (message, "the group [Step 1] is already at line 5"));
}

static void
test_unknown_exercise (Fixture       *f,
                       gconstpointer  data)
{
  const char *message;

  write_file (f, "unknown.routine",
              "[Routine]\nId=unknown\nName=Unknown\n\n[Step 1]\nExercise=seated-hamstring\n\n"
              "[Step 2]\nExercise=handstand-pushup\n", -1);
  message = load_expecting_one_problem (f, LIMBER_CATALOG_ERROR_UNKNOWN_EXERCISE);
  assert_names_file (f, message, "unknown.routine", 9);
  g_assert_nonnull (strstr (message, "handstand-pushup"));
}

static void
test_negative_duration (Fixture       *f,
                        gconstpointer  data)
{
  const char *message;

  write_file (f, "negative.routine",
              "[Routine]\nId=negative\nName=Negative\n[Step 1]\nExercise=seated-hamstring\nHold=-20\n", -1);
  message = load_expecting_one_problem (f, LIMBER_CATALOG_ERROR_INVALID_VALUE);
  assert_names_file (f, message, "negative.routine", 6);
  g_assert_nonnull (strstr (message, "Hold"));
  g_assert_nonnull (strstr (message, "-20"));
}

static void
test_absurd_duration (Fixture       *f,
                      gconstpointer  data)
{
  const char *message;

  write_file (f, "absurd.routine",
              "[Routine]\nId=absurd\nName=Absurd\n[Step 1]\nExercise=seated-hamstring\nSets=2\nHold=86400\n", -1);
  message = load_expecting_one_problem (f, LIMBER_CATALOG_ERROR_OUT_OF_RANGE);
  assert_names_file (f, message, "absurd.routine", 7);
  g_assert_nonnull (strstr (message, "between 1 and 600"));
}

static void
test_absurd_rest (Fixture       *f,
                  gconstpointer  data)
{
  const char *message;

  write_file (f, "rest.routine",
              "[Routine]\nId=rest\nName=Rest\n[Step 1]\nExercise=leg-swings\nRest=99999999999999\n", -1);
  message = load_expecting_one_problem (f, LIMBER_CATALOG_ERROR_INVALID_VALUE);
  assert_names_file (f, message, "rest.routine", 6);
}

static void
test_wrong_kind_of_override (Fixture       *f,
                             gconstpointer  data)
{
  const char *message;

  write_file (f, "reps.routine",
              "[Routine]\nId=reps\nName=Reps\n[Step 1]\nExercise=seated-hamstring\nRepetitions=10\n", -1);
  message = load_expecting_one_problem (f, LIMBER_CATALOG_ERROR_INVALID_VALUE);
  assert_names_file (f, message, "reps.routine", 6);
}

static void
test_not_utf8 (Fixture       *f,
               gconstpointer  data)
{
  const char *message;
  static const char latin1[] = "[Routine]\nId=latin\nName=Stretch f\xfcr Beine\n[Step 1]\nExercise=seated-hamstring\n";

  write_file (f, "latin.routine", latin1, sizeof latin1 - 1);
  message = load_expecting_one_problem (f, LIMBER_CATALOG_ERROR_NOT_UTF8);
  assert_names_file (f, message, "latin.routine", 3);
  g_assert_nonnull (strstr (message, "UTF-8"));
}

static void
test_binary_file (Fixture       *f,
                  gconstpointer  data)
{
  static const char binary[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  const char *message;

  write_file (f, "picture.routine", binary, sizeof binary - 1);
  message = load_expecting_one_problem (f, LIMBER_CATALOG_ERROR_NOT_UTF8);
  assert_names_file (f, message, "picture.routine", 1);
}

static void
test_too_large (Fixture       *f,
                gconstpointer  data)
{
  gsize size = LIMBER_ROUTINE_FILE_MAX_SIZE + 1;
  g_autofree char *big = g_malloc (size);
  const char *message;

  memset (big, '#', size);
  big[size - 1] = '\n';
  write_file (f, "huge.routine", big, size);
  message = load_expecting_one_problem (f, LIMBER_CATALOG_ERROR_TOO_LARGE);
  assert_names_file (f, message, "huge.routine", 0);
  g_assert_nonnull (strstr (message, "1 MiB"));
}

static void
test_missing_name (Fixture       *f,
                   gconstpointer  data)
{
  const char *message;

  write_file (f, "noname.routine", "[Routine]\nId=noname\n[Step 1]\nExercise=seated-hamstring\n", -1);
  message = load_expecting_one_problem (f, LIMBER_CATALOG_ERROR_MISSING_KEY);
  assert_names_file (f, message, "noname.routine", 1);
  g_assert_nonnull (strstr (message, "Name"));
}

static void
test_no_steps (Fixture       *f,
               gconstpointer  data)
{
  const char *message;

  write_file (f, "empty.routine", "[Routine]\nId=empty\nName=Empty\n", -1);
  message = load_expecting_one_problem (f, LIMBER_CATALOG_ERROR_MISSING_KEY);
  assert_names_file (f, message, "empty.routine", 0);
}

static void
test_empty_file (Fixture       *f,
                 gconstpointer  data)
{
  const char *message;

  write_file (f, "blank.routine", "", 0);
  message = load_expecting_one_problem (f, LIMBER_CATALOG_ERROR_MISSING_KEY);
  assert_names_file (f, message, "blank.routine", 0);
}

static void
test_duplicate_id (Fixture       *f,
                   gconstpointer  data)
{
  const char *message;

  write_file (f, "desk.routine",
              "[Routine]\nId=desk-break\nName=My desk break\n[Step 1]\nExercise=seated-hamstring\n", -1);
  message = load_expecting_one_problem (f, LIMBER_CATALOG_ERROR_DUPLICATE_ID);
  assert_names_file (f, message, "desk.routine", 2);
  /* the bundled routine is untouched */
  g_assert_true (limber_routine_is_bundled (limber_catalog_lookup_routine (f->catalog, "desk-break")));
}

static void
test_bad_id (Fixture       *f,
             gconstpointer  data)
{
  const char *message;

  write_file (f, "id.routine", "[Routine]\nId=My Routine!\nName=Mine\n[Step 1]\nExercise=seated-hamstring\n", -1);
  message = load_expecting_one_problem (f, LIMBER_CATALOG_ERROR_INVALID_VALUE);
  assert_names_file (f, message, "id.routine", 2);
}

static void
test_too_many_steps (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("[Routine]\nId=long\nName=Long\n");
  const char *message;

  for (guint i = 1; i <= LIMBER_ROUTINE_MAX_STEPS + 1; i++)
    g_string_append_printf (text, "[Step %u]\nExercise=seated-hamstring\n", i);
  write_file (f, "long.routine", text->str, -1);
  message = load_expecting_one_problem (f, LIMBER_CATALOG_ERROR_OUT_OF_RANGE);
  assert_names_file (f, message, "long.routine", 4 + 2 * LIMBER_ROUTINE_MAX_STEPS);
}

static void
test_other_files_ignored (Fixture       *f,
                          gconstpointer  data)
{
  write_file (f, "notes.txt", "not a routine", -1);
  write_file (f, "mine.routine~", "backup", -1);
  g_assert_cmpuint (limber_catalog_load_user_routines (f->catalog, f->dir_file), ==, 0);
  g_assert_cmpuint (limber_catalog_get_problems (f->catalog)->len, ==, 0);
}

static void
test_directory_named_routine (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "folder.routine", NULL);
  const char *message;

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  message = load_expecting_one_problem (f, LIMBER_CATALOG_ERROR_IO);
  assert_names_file (f, message, "folder.routine", 0);
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/catalog/user/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("good-file-loads", test_good_file_loads);
  ADD ("missing-folder", test_missing_folder);
  ADD ("bad-syntax", test_bad_syntax);
  ADD ("bad-group-header", test_bad_group_header);
  ADD ("duplicate-key", test_duplicate_key);
  ADD ("duplicate-group", test_duplicate_group);
  ADD ("unknown-exercise", test_unknown_exercise);
  ADD ("negative-duration", test_negative_duration);
  ADD ("absurd-duration", test_absurd_duration);
  ADD ("absurd-rest", test_absurd_rest);
  ADD ("wrong-kind-of-override", test_wrong_kind_of_override);
  ADD ("not-utf8", test_not_utf8);
  ADD ("binary-file", test_binary_file);
  ADD ("too-large", test_too_large);
  ADD ("missing-name", test_missing_name);
  ADD ("no-steps", test_no_steps);
  ADD ("empty-file", test_empty_file);
  ADD ("duplicate-id", test_duplicate_id);
  ADD ("bad-id", test_bad_id);
  ADD ("too-many-steps", test_too_many_steps);
  ADD ("other-files-ignored", test_other_files_ignored);
  ADD ("directory-named-routine", test_directory_named_routine);

  return g_test_run ();
}
