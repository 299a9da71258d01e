/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Own routines and exercises: drafts, saving, editing, deleting, pictures,
 * and routines shared as one .limber-routine file. */
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "limber-bundle.h"
#include "limber-catalog.h"

typedef struct
{
  LimberCatalog *catalog;
  GFile         *data_dir;
  char          *data_path;
  char          *out_dir;
} Fixture;

static const guint8 tiny_png[] = {
  0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
  0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
};

static LimberCatalog *
load_catalog (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  LimberCatalog *catalog = limber_catalog_new ();

  g_assert_true (limber_catalog_load_bundled (catalog, &error));
  g_assert_no_error (error);
  limber_catalog_load_user_data (catalog, f->data_dir);
  return catalog;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->data_path = g_build_filename (g_get_user_data_dir (), "limber", NULL);
  f->data_dir = g_file_new_for_path (f->data_path);
  f->out_dir = g_build_filename (g_get_user_cache_dir (), "out", NULL);
  g_assert_cmpint (g_mkdir_with_parents (f->out_dir, 0700), ==, 0);
  f->catalog = load_catalog (f);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_chmod (path, 0700);
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->catalog);
  remove_tree (f->data_path);
  remove_tree (f->out_dir);
  g_clear_object (&f->data_dir);
  g_free (f->data_path);
  g_free (f->out_dir);
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static LimberRoutineDraft *
two_step_draft (const char *name)
{
  LimberRoutineDraft *draft = limber_routine_draft_new ();
  g_autoptr(LimberStepDraft) a = limber_step_draft_new ();
  g_autoptr(LimberStepDraft) b = limber_step_draft_new ();

  limber_routine_draft_set_name (draft, name);
  limber_step_draft_set_exercise_id (a, "seated-hamstring");
  limber_step_draft_set_hold (a, 25);
  limber_step_draft_set_sets (a, 1);
  limber_step_draft_set_exercise_id (b, "leg-swings");
  limber_step_draft_set_repetitions (b, 8);
  limber_step_draft_set_tempo (b, 2);
  limber_step_draft_set_sets (b, 1);
  limber_routine_draft_append_step (draft, a);
  limber_routine_draft_append_step (draft, b);
  return draft;
}

static LimberExerciseDraft *
knee_draft (void)
{
  LimberExerciseDraft *draft = limber_exercise_draft_new ();
  const char *steps[] = { "Sit on a chair.", "Straighten the knee slowly.", NULL };
  const char *muscles[] = { "Quadriceps", NULL };

  limber_exercise_draft_set_name (draft, "Knée extension");
  limber_exercise_draft_set_summary (draft, "What my physio gave me.");
  limber_exercise_draft_set_instructions (draft, steps);
  limber_exercise_draft_set_muscles (draft, muscles);
  limber_exercise_draft_set_caution (draft, "Stop if the knee hurts.");
  limber_exercise_draft_set_each_side (draft, TRUE);
  limber_exercise_draft_set_hold (draft, 20);
  return draft;
}

static void
test_no_bundled_id_is_own (Fixture       *f,
                           gconstpointer  data)
{
  GListModel *exercises = limber_catalog_get_exercises (f->catalog);
  GListModel *routines = limber_catalog_get_routines (f->catalog);

  for (guint i = 0; i < g_list_model_get_n_items (exercises); i++)
    {
      g_autoptr(LimberExercise) e = g_list_model_get_item (exercises, i);

      g_assert_true (limber_exercise_is_bundled (e));
      g_assert_false (g_str_has_prefix (limber_exercise_get_id (e), "my-"));
    }
  for (guint i = 0; i < g_list_model_get_n_items (routines); i++)
    {
      g_autoptr(LimberRoutine) r = g_list_model_get_item (routines, i);

      g_assert_false (g_str_has_prefix (limber_routine_get_id (r), "my-"));
    }
}

static void
test_checks (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *long_name = g_strnfill (81, 'a');
  g_autofree char *slug = limber_make_slug ("Épaule — Ma routine!");
  const char *too_many[22] = { NULL };

  g_assert_cmpstr (slug, ==, "epaule-ma-routine");
  g_assert_true (limber_check_name ("Knee", NULL));
  g_assert_false (limber_check_name ("   ", &error));
  g_assert_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_MISSING_KEY);
  g_clear_error (&error);
  g_assert_false (limber_check_name (long_name, &error));
  g_assert_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (limber_check_name ("a\033[2Jb", &error));
  g_clear_error (&error);
  g_assert_false (limber_check_picture_name ("../x.png", NULL));
  g_assert_false (limber_check_picture_name ("a/b.png", NULL));
  g_assert_true (limber_check_picture_name ("photo.jpg", NULL));
  for (guint i = 0; i < 21; i++)
    too_many[i] = "Step";
  g_assert_false (limber_check_instructions (too_many, NULL, NULL));
}

static void
test_create_edit_reorder_delete (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(LimberRoutineDraft) draft = two_step_draft ("Ma routine");
  g_autoptr(LimberRoutineDraft) edit = NULL;
  g_autoptr(LimberCatalog) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  LimberRoutine *routine;
  guint before = g_list_model_get_n_items (limber_catalog_get_routines (f->catalog));
  guint duration;
  int changes = 0;

  g_signal_connect_swapped (draft, "changed", G_CALLBACK (g_atomic_int_inc), &changes);
  duration = limber_routine_draft_get_duration (draft, f->catalog);
  limber_step_draft_set_hold (limber_routine_draft_get_step (draft, 0), 35);
  g_assert_cmpint (changes, >, 0);
  g_assert_cmpuint (limber_routine_draft_get_duration (draft, f->catalog), ==, duration + 10);

  routine = limber_catalog_save_routine (f->catalog, draft, &error);
  g_assert_no_error (error);
  g_assert_nonnull (routine);
  g_assert_cmpstr (limber_routine_get_id (routine), ==, "my-ma-routine");
  g_assert_cmpstr (limber_routine_draft_get_id (draft), ==, "my-ma-routine");
  g_assert_cmpuint (limber_routine_get_duration (routine), ==, limber_routine_draft_get_duration (draft, f->catalog));
  g_assert_cmpuint (g_list_model_get_n_items (limber_catalog_get_routines (f->catalog)), ==, before + 1);

  path = g_build_filename (f->data_path, "routines", "my-ma-routine.routine", NULL);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  g_assert_cmpuint (file_mode (f->data_path), ==, 0700);

  /* edit: reorder, one side only, rename */
  edit = limber_routine_draft_new_from_routine (routine);
  limber_routine_draft_move_step (edit, 1, 0);
  limber_step_draft_set_sides (limber_routine_draft_get_step (edit, 1), LIMBER_SIDES_LEFT);
  limber_routine_draft_set_name (edit, "Mine, renamed");
  routine = limber_catalog_save_routine (f->catalog, edit, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (limber_routine_get_id (routine), ==, "my-ma-routine");
  g_assert_cmpstr (limber_exercise_get_id (limber_routine_get_step (routine, 0)->exercise), ==, "leg-swings");
  g_assert_cmpint (limber_routine_get_step (routine, 1)->sides, ==, LIMBER_SIDES_LEFT);

  /* what was written loads the same at the next start */
  again = load_catalog (f);
  g_assert_cmpuint (limber_catalog_get_problems (again)->len, ==, 0);
  routine = limber_catalog_lookup_routine (again, "my-ma-routine");
  g_assert_cmpstr (limber_routine_get_name (routine), ==, "Mine, renamed");
  g_assert_cmpint (limber_routine_get_step (routine, 1)->sides, ==, LIMBER_SIDES_LEFT);

  /* a second routine of the same name gets -2 */
  {
    g_autoptr(LimberRoutineDraft) other = two_step_draft ("Ma routine");

    routine = limber_catalog_save_routine (f->catalog, other, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (limber_routine_get_id (routine), ==, "my-ma-routine-2");
  }

  g_assert_true (limber_catalog_delete_routine (f->catalog, "my-ma-routine", &error));
  g_assert_no_error (error);
  g_assert_null (limber_catalog_lookup_routine (f->catalog, "my-ma-routine"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_bad_drafts (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(LimberRoutineDraft) draft = two_step_draft ("");
  g_autoptr(GError) error = NULL;
  LimberDraftField field;
  guint step;

  g_assert_false (limber_routine_draft_check (draft, f->catalog, &step, &field, &error));
  g_assert_cmpint (field, ==, LIMBER_DRAFT_FIELD_NAME);
  g_clear_error (&error);
  g_assert_null (limber_catalog_save_routine (f->catalog, draft, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  limber_routine_draft_set_name (draft, "Fine");
  limber_step_draft_set_hold (limber_routine_draft_get_step (draft, 0), 601);
  g_assert_false (limber_routine_draft_check (draft, f->catalog, &step, &field, &error));
  g_assert_cmpuint (step, ==, 0);
  g_assert_cmpint (field, ==, LIMBER_DRAFT_FIELD_HOLD);
  g_clear_error (&error);

  limber_step_draft_set_hold (limber_routine_draft_get_step (draft, 0), 30);
  limber_step_draft_set_exercise_id (limber_routine_draft_get_step (draft, 1), "no-such");
  g_assert_false (limber_routine_draft_check (draft, f->catalog, &step, &field, &error));
  g_assert_cmpuint (step, ==, 1);
  g_assert_cmpint (field, ==, LIMBER_DRAFT_FIELD_EXERCISE);
  g_clear_error (&error);

  /* bundled routines are read only; Duplicate makes an own copy */
  {
    LimberRoutine *bundled = g_list_model_get_item (limber_catalog_get_routines (f->catalog), 0);
    g_autoptr(LimberRoutineDraft) same = limber_routine_draft_new_from_routine (bundled);
    g_autoptr(LimberRoutineDraft) copy = limber_routine_draft_new_duplicate (bundled);
    LimberRoutine *saved;

    g_assert_null (limber_catalog_save_routine (f->catalog, same, &error));
    g_assert_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_READ_ONLY);
    g_clear_error (&error);
    g_assert_false (limber_catalog_delete_routine (f->catalog, limber_routine_get_id (bundled), &error));
    g_assert_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_READ_ONLY);
    g_clear_error (&error);

    g_assert_null (limber_routine_draft_get_id (copy));
    g_assert_true (g_str_has_prefix (limber_routine_draft_get_name (copy), "Copy of "));
    saved = limber_catalog_save_routine (f->catalog, copy, &error);
    g_assert_no_error (error);
    g_assert_true (g_str_has_prefix (limber_routine_get_id (saved), "my-copy-of-"));
    g_assert_cmpuint (limber_routine_get_duration (saved), ==, limber_routine_get_duration (bundled));
    g_object_unref (bundled);
  }
}

static void
test_exercises (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(LimberExerciseDraft) draft = knee_draft ();
  g_autoptr(LimberRoutineDraft) routine_draft = two_step_draft ("Knee");
  g_autoptr(LimberStepDraft) step = NULL;
  g_autoptr(LimberCatalog) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) png = NULL;
  g_autofree char *png_path = g_build_filename (f->out_dir, "photo.txt", NULL);
  g_autofree char *picture = NULL;
  g_autofree char *picture_path = NULL;
  g_autofree char *exercise_path = NULL;
  GListModel *library = limber_catalog_get_exercises (f->catalog);
  guint n_library = g_list_model_get_n_items (library);
  LimberExercise *exercise;
  LimberRoutine *routine;
  gboolean hidden;

  /* a picture, recognised by its content, not its name */
  g_assert_true (g_file_set_contents (png_path, (const char *) tiny_png, sizeof tiny_png, NULL));
  png = g_file_new_for_path (png_path);
  picture = limber_catalog_import_picture (f->catalog, png, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (picture, ".png"));
  picture_path = g_build_filename (f->data_path, "pictures", picture, NULL);
  g_assert_cmpuint (file_mode (picture_path), ==, 0600);
  limber_exercise_draft_set_picture (draft, picture);

  exercise = limber_catalog_save_exercise (f->catalog, draft, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (limber_exercise_get_id (exercise), ==, "my-knee-extension");
  g_assert_false (limber_exercise_is_bundled (exercise));
  g_assert_cmpint (limber_exercise_get_picture_source (exercise), ==, LIMBER_PICTURE_FILE);
  g_assert_cmpstr (limber_exercise_get_picture_path (exercise), ==, picture_path);
  g_assert_false (limber_exercise_get_mirror_picture (exercise));
  g_assert_cmpuint (g_list_model_get_n_items (library), ==, n_library + 1);
  exercise_path = g_build_filename (f->data_path, "exercises", "my-knee-extension.exercise", NULL);
  g_assert_cmpuint (file_mode (exercise_path), ==, 0600);

  /* a routine uses it, on the left side only */
  step = limber_step_draft_new_for_exercise (exercise);
  limber_step_draft_set_sides (step, LIMBER_SIDES_LEFT);
  limber_routine_draft_append_step (routine_draft, step);
  routine = limber_catalog_save_routine (f->catalog, routine_draft, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GArray) phases = limber_routine_build_phases (routine);
    guint holds = 0;

    for (guint i = 0; i < phases->len; i++)
      {
        LimberPhase *phase = &g_array_index (phases, LimberPhase, i);

        if (phase->step == 2 && phase->kind == LIMBER_PHASE_HOLD)
          {
            g_assert_cmpint (phase->side, ==, LIMBER_SIDE_LEFT);
            holds++;
          }
        g_assert_false (phase->step == 2 && phase->kind == LIMBER_PHASE_SWITCH_SIDES);
      }
    g_assert_cmpuint (holds, ==, 1);
  }

  /* it loads before routines at start */
  again = load_catalog (f);
  g_assert_cmpuint (limber_catalog_get_problems (again)->len, ==, 0);
  g_assert_nonnull (limber_catalog_lookup_routine (again, "my-knee"));
  g_clear_object (&again);

  /* used: delete hides it, the routine keeps playing */
  {
    g_autoptr(GPtrArray) users = limber_catalog_list_routines_using (f->catalog, "my-knee-extension");

    g_assert_cmpuint (users->len, ==, 1);
  }
  g_assert_true (limber_catalog_delete_exercise (f->catalog, "my-knee-extension", &hidden, &error));
  g_assert_no_error (error);
  g_assert_true (hidden);
  g_assert_cmpuint (g_list_model_get_n_items (library), ==, n_library);
  g_assert_true (limber_exercise_is_hidden (limber_catalog_lookup_exercise (f->catalog, "my-knee-extension")));
  again = load_catalog (f);
  g_assert_cmpuint (limber_catalog_get_problems (again)->len, ==, 0);
  g_assert_nonnull (limber_catalog_lookup_routine (again, "my-knee"));
  g_assert_cmpuint (g_list_model_get_n_items (limber_catalog_get_exercises (again)), ==, n_library);
  g_clear_object (&again);

  /* deleting the routine takes the hidden exercise and its picture along */
  g_assert_true (limber_catalog_delete_routine (f->catalog, "my-knee", &error));
  g_assert_no_error (error);
  g_assert_null (limber_catalog_lookup_exercise (f->catalog, "my-knee-extension"));
  g_assert_false (g_file_test (exercise_path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (picture_path, G_FILE_TEST_EXISTS));

  /* bundled exercises are read only */
  g_assert_false (limber_catalog_delete_exercise (f->catalog, "seated-hamstring", NULL, &error));
  g_assert_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_READ_ONLY);
}

static void
test_bad_pictures (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->out_dir, "fake.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *big = NULL;

  g_assert_true (g_file_set_contents (path, "not a picture at all", -1, NULL));
  g_assert_null (limber_catalog_import_picture (f->catalog, file, &error));
  g_assert_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_NOT_A_PICTURE);
  g_clear_error (&error);

  big = g_malloc0 (LIMBER_PICTURE_MAX_SIZE + 1);
  memcpy (big, tiny_png, sizeof tiny_png);
  g_assert_true (g_file_set_contents (path, big, LIMBER_PICTURE_MAX_SIZE + 1, NULL));
  g_assert_null (limber_catalog_import_picture (f->catalog, file, &error));
  g_assert_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_TOO_LARGE);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (path, "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>", -1, NULL));
  g_free (limber_catalog_import_picture (f->catalog, file, &error));
  g_assert_no_error (error);
}

static void
test_read_only_folder (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(LimberRoutineDraft) draft = two_step_draft ("Nowhere");
  g_autoptr(GError) error = NULL;
  guint before = g_list_model_get_n_items (limber_catalog_get_routines (f->catalog));

  g_autofree char *routines = g_build_filename (f->data_path, "routines", NULL);

  g_assert_cmpint (g_mkdir_with_parents (f->data_path, 0700), ==, 0);
  /* root writes into a read-only folder anyway; a file where the folder
   * should be stops everyone */
  if (geteuid () == 0)
    g_assert_true (g_file_set_contents (routines, "", 0, NULL));
  else
    g_assert_cmpint (g_chmod (f->data_path, 0500), ==, 0);
  g_assert_null (limber_catalog_save_routine (f->catalog, draft, &error));
  g_assert_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_IO);
  g_test_message ("%s", error->message);
  g_assert_null (limber_routine_draft_get_id (draft));
  g_assert_cmpuint (g_list_model_get_n_items (limber_catalog_get_routines (f->catalog)), ==, before);
  g_chmod (f->data_path, 0700);
}

static void
test_hand_written_own_files (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (f->data_path, "exercises", NULL);
  g_autofree char *clash = g_build_filename (dir, "mine.exercise", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.exercise", NULL);
  g_autoptr(LimberCatalog) catalog = NULL;
  GPtrArray *problems;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (clash,
    "[Exercise]\nId=seated-hamstring\nName=Mine\nKind=stretch\nHold=10\nInstruction1=Do it.\n", -1, NULL));
  g_assert_true (g_file_set_contents (bad,
    "[Exercise]\nId=my-bad\nName=Bad\nKind=stretch\nHold=10\nInstruction1=Do it.\nPicture=../../etc/passwd\n", -1, NULL));
  catalog = load_catalog (f);
  problems = limber_catalog_get_problems (catalog);
  g_assert_cmpuint (problems->len, ==, 2);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", ((GError *) g_ptr_array_index (problems, i))->message);
  g_assert_error ((GError *) g_ptr_array_index (problems, 0), LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_INVALID_VALUE);
  g_assert_true (g_str_has_prefix (((GError *) g_ptr_array_index (problems, 0))->message, bad));
  g_assert_true (strstr (((GError *) g_ptr_array_index (problems, 0))->message, ":7:") != NULL);
  g_assert_error ((GError *) g_ptr_array_index (problems, 1), LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_DUPLICATE_ID);
}

/* A write that fails half way (here the file size limit, as a full disk
 * would) leaves neither a partial nor an empty file behind. */
static void
test_failed_write_leaves_nothing (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->out_dir, "big.png", NULL);
  g_autofree char *pictures = g_build_filename (f->data_path, "pictures", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *big = g_malloc0 (64 * 1024);
  g_autoptr(GDir) dir = NULL;
  struct rlimit saved, limit;
  void (*old_handler) (int);

  memcpy (big, tiny_png, sizeof tiny_png);
  g_assert_true (g_file_set_contents (path, big, 64 * 1024, NULL));
  g_assert_cmpint (g_mkdir_with_parents (pictures, 0700), ==, 0);

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limit = saved;
  limit.rlim_cur = 4096;
  old_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  g_assert_null (limber_catalog_import_picture (f->catalog, file, &error));
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, old_handler);

  g_assert_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_IO);
  dir = g_dir_open (pictures, 0, NULL);
  g_assert_nonnull (dir);
  g_assert_null (g_dir_read_name (dir));
}

/* A symlink in the data folder is replaced by the saved file, never
 * written through to what it points at. */
static void
test_symlink_replaced (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (f->data_path, "routines", NULL);
  g_autofree char *link = g_build_filename (dir, "my-linked.routine", NULL);
  g_autofree char *outside = g_build_filename (f->out_dir, "precious.routine", NULL);
  const char *precious = "[Routine]\nId=my-linked\nName=Outside\n[Step 1]\nExercise=seated-hamstring\n";
  g_autoptr(LimberCatalog) catalog = NULL;
  g_autoptr(LimberRoutineDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GStatBuf st;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (outside, precious, -1, NULL));
  g_assert_cmpint (symlink (outside, link), ==, 0);
  catalog = load_catalog (f);
  g_assert_nonnull (limber_catalog_lookup_routine (catalog, "my-linked"));

  draft = limber_routine_draft_new_from_routine (limber_catalog_lookup_routine (catalog, "my-linked"));
  limber_routine_draft_set_name (draft, "Inside");
  g_assert_nonnull (limber_catalog_save_routine (catalog, draft, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (outside, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, precious);
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);
}

/* An id is never handed out, nor a new item saved, where a file (even a
 * dangling symlink) already has the name. */
static void
test_new_never_overwrites (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (f->data_path, "routines", NULL);
  g_autofree char *link = g_build_filename (dir, "my-knee.routine", NULL);
  g_autofree char *broken = g_build_filename (dir, "my-hams.routine", NULL);
  g_autoptr(LimberRoutineDraft) draft = two_step_draft ("Hams");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (symlink ("/nonexistent/knee.routine", link), ==, 0);
  id = limber_catalog_make_routine_id (f->catalog, "Knee");
  g_assert_cmpstr (id, ==, "my-knee-2");

  /* a draft carrying the id of a file skipped at start */
  g_assert_true (g_file_set_contents (broken, "[Routine]\nId=my-hams\nName=Hams\nHold=oops\n", -1, NULL));
  limber_routine_draft_set_id (draft, "my-hams");
  g_assert_null (limber_catalog_save_routine (f->catalog, draft, &error));
  g_assert_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_DUPLICATE_ID);
  g_assert_true (g_file_get_contents (broken, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "[Routine]\nId=my-hams\nName=Hams\nHold=oops\n");
}

typedef struct
{
  const char   *name;
  const guint8 *data;
  gsize         length;
  int           code;  /* 0: accepted */
} PictureCase;

static const guint8 png_huge[] = {
  0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
  0, 0, 0x75, 0x30, 0, 0, 0x75, 0x30, 8, 6, 0, 0, 0, 0, 0, 0, 0,
};
static const guint8 png_4096[] = {
  0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
  0, 0, 0x10, 0, 0, 0, 0x10, 0, 8, 6, 0, 0, 0, 0, 0, 0, 0,
};
static const guint8 png_cut[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };
#define JFIF 0xff, 0xd8, 0xff, 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0
static const guint8 jpeg_wide[] = { JFIF, 0xff, 0xc2, 0, 11, 8, 0, 100, 0x13, 0x88, 1, 1, 0x11, 0 };
static const guint8 jpeg_ok[] = { JFIF, 0xff, 0xc0, 0, 11, 8, 0, 100, 0, 200, 1, 1, 0x11, 0 };
static const guint8 jpeg_no_frame[] = { JFIF, 0xff, 0xd9 };
#define TEXT(s) (const guint8 *) s, sizeof s - 1

static const PictureCase picture_cases[] = {
  { "png-30000", png_huge, sizeof png_huge, LIMBER_CATALOG_ERROR_TOO_LARGE },
  { "png-4096", png_4096, sizeof png_4096, 0 },
  { "png-cut", png_cut, sizeof png_cut, LIMBER_CATALOG_ERROR_NOT_A_PICTURE },
  { "jpeg-5000-wide", jpeg_wide, sizeof jpeg_wide, LIMBER_CATALOG_ERROR_TOO_LARGE },
  { "jpeg-ok", jpeg_ok, sizeof jpeg_ok, 0 },
  { "jpeg-no-frame", jpeg_no_frame, sizeof jpeg_no_frame, LIMBER_CATALOG_ERROR_NOT_A_PICTURE },
  { "svg-bom-comment", TEXT ("\xef\xbb\xbf<?xml version=\"1.0\"?>\n<!-- a -->\n<svg width=\"1\"/>"), 0 },
  { "svg-doctype", TEXT ("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY a \"b\">]><svg>&a;</svg>"), LIMBER_CATALOG_ERROR_NOT_A_PICTURE },
  { "svg-in-html", TEXT ("<html><svg/></html>"), LIMBER_CATALOG_ERROR_NOT_A_PICTURE },
  { "svg-prefix", TEXT ("<svgfoo/>"), LIMBER_CATALOG_ERROR_NOT_A_PICTURE },
  { "svg-text-first", TEXT ("hello <svg/>"), LIMBER_CATALOG_ERROR_NOT_A_PICTURE },
};

/* PNG and JPEG sizes read from their headers, at most 4096 pixels on a
 * side; an unreadable header, or an "SVG" whose root is not <svg>, is not
 * a picture. */
static void
test_picture_dimensions (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->out_dir, "picture", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  for (guint i = 0; i < G_N_ELEMENTS (picture_cases); i++)
    {
      const PictureCase *c = &picture_cases[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *name = NULL;

      g_assert_true (g_file_set_contents (path, (const char *) c->data, c->length, NULL));
      name = limber_catalog_import_picture (f->catalog, file, &error);
      g_test_message ("%s: %s", c->name, error ? error->message : name);
      if (c->code == 0)
        {
          g_assert_no_error (error);
          g_assert_nonnull (name);
        }
      else
        {
          g_assert_null (name);
          g_assert_error (error, LIMBER_CATALOG_ERROR, c->code);
        }
    }
}

/* An advised range of one value other than the hold (hold 20, range 45–45)
 * is a range, and survives being edited again; a range equal to the hold
 * reads as none, which is the same thing. */
static void
test_hold_range_round_trip (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(LimberExerciseDraft) draft = knee_draft ();
  g_autoptr(LimberExerciseDraft) again = NULL;
  g_autoptr(GError) error = NULL;
  LimberExercise *exercise;
  guint min = 0, max = 0;

  limber_exercise_draft_set_hold (draft, 45);
  limber_exercise_draft_set_hold_range (draft, 40, 40);
  exercise = limber_catalog_save_exercise (f->catalog, draft, &error);
  g_assert_no_error (error);
  g_assert_nonnull (exercise);
  limber_exercise_get_hold_range (exercise, &min, &max);
  g_assert_cmpuint (min, ==, 40);
  g_assert_cmpuint (max, ==, 40);

  again = limber_exercise_draft_new_from_exercise (exercise);
  limber_exercise_draft_get_hold_range (again, &min, &max);
  g_assert_cmpuint (min, ==, 40);
  g_assert_cmpuint (max, ==, 40);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/own/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("no-bundled-id-is-own", test_no_bundled_id_is_own);
  ADD ("checks", test_checks);
  ADD ("create-edit-reorder-delete", test_create_edit_reorder_delete);
  ADD ("bad-drafts", test_bad_drafts);
  ADD ("exercises", test_exercises);
  ADD ("bad-pictures", test_bad_pictures);
  ADD ("read-only-folder", test_read_only_folder);
  ADD ("hand-written-own-files", test_hand_written_own_files);
  ADD ("failed-write-leaves-nothing", test_failed_write_leaves_nothing);
  ADD ("symlink-replaced", test_symlink_replaced);
  ADD ("new-never-overwrites", test_new_never_overwrites);
  ADD ("picture-dimensions", test_picture_dimensions);
  ADD ("hold-range-round-trip", test_hold_range_round_trip);

  return g_test_run ();
}
