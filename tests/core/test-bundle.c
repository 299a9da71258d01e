/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Routines shared as one .limber-routine file: export, import, clashes,
 * the round trip, and every kind of bad file, which must write nothing. */
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "limber-bundle.h"
#include "limber-catalog.h"

typedef struct
{
  LimberCatalog *catalog;
  GFile         *data_dir;
  char          *data_path;
  char          *out;
} Fixture;

static const guint8 tiny_png[] = {
  0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
  0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
};

static LimberCatalog *
load_catalog (Fixture *f)
{
  LimberCatalog *catalog = limber_catalog_new ();

  g_assert_true (limber_catalog_load_bundled (catalog, NULL));
  limber_catalog_load_user_data (catalog, f->data_dir);
  return catalog;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->data_path = g_build_filename (g_get_user_data_dir (), "limber", NULL);
  f->data_dir = g_file_new_for_path (f->data_path);
  f->out = g_build_filename (g_get_user_cache_dir (), "shared.limber-routine", NULL);
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  f->catalog = load_catalog (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->catalog);
  g_clear_object (&f->data_dir);
  g_free (f->data_path);
  g_free (f->out);
}

/* An own exercise with a picture and a routine using it and a bundled one. */
static void
make_own_routine (Fixture *f)
{
  g_autoptr(LimberExerciseDraft) exercise_draft = limber_exercise_draft_new ();
  g_autoptr(LimberRoutineDraft) draft = limber_routine_draft_new ();
  g_autoptr(LimberStepDraft) a = NULL;
  g_autoptr(LimberStepDraft) b = NULL;
  g_autofree char *png_path = g_build_filename (g_get_user_cache_dir (), "p.png", NULL);
  g_autoptr(GFile) png = g_file_new_for_path (png_path);
  g_autofree char *picture = NULL;
  const char *steps[] = { "Lie on your back.", "Lift the leg.", NULL };
  LimberExercise *exercise;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (png_path, (const char *) tiny_png, sizeof tiny_png, NULL));
  picture = limber_catalog_import_picture (f->catalog, png, &error);
  g_assert_no_error (error);

  limber_exercise_draft_set_name (exercise_draft, "Leg lift");
  limber_exercise_draft_set_instructions (exercise_draft, steps);
  limber_exercise_draft_set_counted (exercise_draft, TRUE);
  limber_exercise_draft_set_repetitions (exercise_draft, 12);
  limber_exercise_draft_set_tempo (exercise_draft, 3);
  limber_exercise_draft_set_picture (exercise_draft, picture);
  exercise = limber_catalog_save_exercise (f->catalog, exercise_draft, &error);
  g_assert_no_error (error);

  limber_routine_draft_set_name (draft, "Physio plan");
  limber_routine_draft_set_summary (draft, "Twice a day.");
  limber_routine_draft_set_prepare (draft, 8);
  a = limber_step_draft_new_for_exercise (exercise);
  b = limber_step_draft_new_for_exercise (limber_catalog_lookup_exercise (f->catalog, "seated-hamstring"));
  limber_step_draft_set_rest (a, 15);
  limber_routine_draft_append_step (draft, a);
  limber_routine_draft_append_step (draft, b);
  g_assert_nonnull (limber_catalog_save_routine (f->catalog, draft, &error));
  g_assert_no_error (error);
}

static char *
export_text (Fixture *f)
{
  g_autoptr(GFile) out = g_file_new_for_path (f->out);
  g_autoptr(GError) error = NULL;
  char *text = NULL;
  GStatBuf st;

  g_assert_true (limber_bundle_write (f->catalog, "my-physio-plan", out, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (f->out, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (f->out, &text, NULL, NULL));
  return text;
}

static LimberBundle *
parse (Fixture    *f,
       const char *text,
       gssize      length,
       GError    **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize) length);

  return limber_bundle_new_from_bytes (f->catalog, bytes, "shared.limber-routine", error);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autoptr(LimberBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberCatalog) again = NULL;
  g_autofree char *routine_before = NULL;
  g_autofree char *exercise_before = NULL;
  g_autofree char *routine_after = NULL;
  g_autofree char *exercise_after = NULL;
  LimberRoutine *routine;
  const char *mime = NULL;
  g_autoptr(GBytes) picture = NULL;

  make_own_routine (f);
  text = export_text (f);
  g_assert_nonnull (strstr (text, "[Limber Routine Bundle]"));
  g_assert_nonnull (strstr (text, "[Exercise my-leg-lift]"));
  g_assert_nonnull (strstr (text, "Type=image/png"));
  g_assert_null (strstr (text, "[Exercise seated-hamstring]"));

  {
    g_autoptr(LimberRoutineDraft) d = limber_routine_draft_new_from_routine (limber_catalog_lookup_routine (f->catalog, "my-physio-plan"));
    g_autoptr(LimberExerciseDraft) e = limber_exercise_draft_new_from_exercise (limber_catalog_lookup_exercise (f->catalog, "my-leg-lift"));

    routine_before = limber_routine_draft_to_text (d, f->catalog);
    limber_exercise_draft_set_picture (e, NULL);
    exercise_before = limber_exercise_draft_to_text (e);
  }

  g_assert_true (limber_catalog_delete_routine (f->catalog, "my-physio-plan", &error));
  g_assert_true (limber_catalog_delete_exercise (f->catalog, "my-leg-lift", NULL, &error));
  g_assert_no_error (error);

  bundle = parse (f, text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (limber_bundle_get_name (bundle), ==, "Physio plan");
  g_assert_cmpstr (limber_bundle_get_summary (bundle), ==, "Twice a day.");
  g_assert_cmpuint (limber_bundle_get_n_steps (bundle), ==, 2);
  g_assert_cmpuint (limber_bundle_get_duration (bundle), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (limber_bundle_get_exercises (bundle)), ==, 1);
  picture = limber_bundle_get_picture_data (bundle, "my-leg-lift", &mime);
  g_assert_cmpstr (mime, ==, "image/png");
  g_assert_cmpuint (g_bytes_get_size (picture), ==, sizeof tiny_png);
  {
    g_autoptr(GPtrArray) clashes = limber_bundle_get_clashes (bundle, f->catalog);

    g_assert_cmpuint (clashes->len, ==, 0);
  }

  routine = limber_bundle_install (bundle, f->catalog, LIMBER_IMPORT_KEEP_BOTH, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (limber_routine_get_id (routine), ==, "my-physio-plan");

  again = load_catalog (f);
  g_assert_cmpuint (limber_catalog_get_problems (again)->len, ==, 0);
  {
    LimberExercise *e = limber_catalog_lookup_exercise (again, "my-leg-lift");
    g_autoptr(LimberRoutineDraft) d = limber_routine_draft_new_from_routine (limber_catalog_lookup_routine (again, "my-physio-plan"));
    g_autoptr(LimberExerciseDraft) ed = limber_exercise_draft_new_from_exercise (e);
    g_autofree char *stored = NULL;
    gsize length;

    routine_after = limber_routine_draft_to_text (d, again);
    limber_exercise_draft_set_picture (ed, NULL);
    exercise_after = limber_exercise_draft_to_text (ed);
    g_assert_true (g_file_get_contents (limber_exercise_get_picture_path (e), &stored, &length, NULL));
    g_assert_cmpmem (stored, length, tiny_png, sizeof tiny_png);
  }
  g_assert_cmpstr (routine_after, ==, routine_before);
  g_assert_cmpstr (exercise_after, ==, exercise_before);
}

static void
test_clashes (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autoptr(LimberBundle) bundle = NULL;
  g_autoptr(GPtrArray) clashes = NULL;
  g_autoptr(GError) error = NULL;
  LimberRoutine *routine;
  guint n_routines;

  make_own_routine (f);
  text = export_text (f);
  bundle = parse (f, text, -1, &error);
  g_assert_no_error (error);

  clashes = limber_bundle_get_clashes (bundle, f->catalog);
  g_assert_cmpuint (clashes->len, ==, 2);
  g_assert_cmpstr (((LimberBundleClash *) g_ptr_array_index (clashes, 0))->id, ==, "my-physio-plan");
  g_assert_cmpstr (((LimberBundleClash *) g_ptr_array_index (clashes, 1))->id, ==, "my-leg-lift");

  /* keep both: fresh ids, the routine follows its exercise */
  n_routines = g_list_model_get_n_items (limber_catalog_get_routines (f->catalog));
  routine = limber_bundle_install (bundle, f->catalog, LIMBER_IMPORT_KEEP_BOTH, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (limber_routine_get_id (routine), ==, "my-physio-plan-2");
  g_assert_cmpstr (limber_exercise_get_id (limber_routine_get_step (routine, 0)->exercise), ==, "my-leg-lift-2");
  g_assert_cmpuint (g_list_model_get_n_items (limber_catalog_get_routines (f->catalog)), ==, n_routines + 1);

  /* replace: same ids, no new routine */
  routine = limber_bundle_install (bundle, f->catalog, LIMBER_IMPORT_REPLACE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (limber_routine_get_id (routine), ==, "my-physio-plan");
  g_assert_cmpuint (g_list_model_get_n_items (limber_catalog_get_routines (f->catalog)), ==, n_routines + 1);

  {
    g_autoptr(LimberCatalog) again = load_catalog (f);

    g_assert_cmpuint (limber_catalog_get_problems (again)->len, ==, 0);
    g_assert_nonnull (limber_catalog_lookup_routine (again, "my-physio-plan-2"));
  }
}

static void
test_export_bundled (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(LimberRoutine) bundled = g_list_model_get_item (limber_catalog_get_routines (f->catalog), 0);
  g_autoptr(GFile) out = g_file_new_for_path (f->out);
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberBundle) bundle = NULL;
  LimberRoutine *routine;

  g_assert_true (limber_bundle_write (f->catalog, limber_routine_get_id (bundled), out, &error));
  g_assert_no_error (error);
  bundle = limber_bundle_new_from_file (f->catalog, out, &error);
  g_assert_no_error (error);
  routine = limber_bundle_install (bundle, f->catalog, LIMBER_IMPORT_KEEP_BOTH, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (limber_routine_get_id (routine), "my-"));
  g_assert_cmpuint (limber_routine_get_duration (routine), ==, limber_routine_get_duration (bundled));

  g_assert_false (limber_bundle_write (f->catalog, "no-such-routine", out, &error));
  g_assert_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_NOT_FOUND);
}

typedef struct
{
  const char *name;
  const char *text;
  int         code;
} BadCase;

#define HEAD "[Limber Routine Bundle]\nVersion=1\n\n[Routine]\nId=my-r\nName=R\n\n[Step 1]\n"
#define OWN_EX "[Exercise my-e]\nId=my-e\nName=E\nKind=stretch\nHold=20\nInstruction1=Do.\n"

static const BadCase bad_cases[] = {
  { "truncated", "[Limber Routine Bundle]\nVersion=1\n\n[Routine]\nId=my-r\nNa", LIMBER_CATALOG_ERROR_SYNTAX },
  { "not-utf8", HEAD "Exercise=seated-hamstring\n# \xff\xfe\n", LIMBER_CATALOG_ERROR_NOT_UTF8 },
  { "wrong-version", "[Limber Routine Bundle]\nVersion=2\n", LIMBER_CATALOG_ERROR_VERSION },
  { "missing-group", "[Routine]\nId=my-r\nName=R\n\n[Step 1]\nExercise=seated-hamstring\n", LIMBER_CATALOG_ERROR_MISSING_KEY },
  { "missing-routine", "[Limber Routine Bundle]\nVersion=1\n", LIMBER_CATALOG_ERROR_MISSING_KEY },
  { "unknown-exercise", HEAD "Exercise=my-nowhere\n", LIMBER_CATALOG_ERROR_UNKNOWN_EXERCISE },
  { "out-of-range", HEAD "Exercise=seated-hamstring\nHold=601\n", LIMBER_CATALOG_ERROR_OUT_OF_RANGE },
  { "bad-sides", HEAD "Exercise=seated-hamstring\nSides=up\n", LIMBER_CATALOG_ERROR_INVALID_VALUE },
  { "bundled-routine-id", "[Limber Routine Bundle]\nVersion=1\n[Routine]\nId=desk-break\nName=R\n[Step 1]\nExercise=seated-hamstring\n", LIMBER_CATALOG_ERROR_DUPLICATE_ID },
  { "bundled-exercise-id", HEAD "Exercise=seated-hamstring\n[Exercise seated-hamstring]\nId=seated-hamstring\nName=E\nKind=stretch\nHold=20\nInstruction1=Do.\n", LIMBER_CATALOG_ERROR_DUPLICATE_ID },
  { "bad-base64", HEAD "Exercise=my-e\n" OWN_EX "Picture=a.png\n[Picture a.png]\nType=image/png\nData=!!!notbase64\n", LIMBER_CATALOG_ERROR_INVALID_VALUE },
  { "not-a-picture", HEAD "Exercise=my-e\n" OWN_EX "Picture=a.png\n[Picture a.png]\nType=image/png\nData=aGVsbG8gd29ybGQh\n", LIMBER_CATALOG_ERROR_NOT_A_PICTURE },
  { "path-traversal", HEAD "Exercise=my-e\n" OWN_EX "Picture=../../a.png\n[Picture ../../a.png]\nType=image/png\nData=aGVsbG8gd29ybGQh\n", LIMBER_CATALOG_ERROR_INVALID_VALUE },
  { "picture-missing", HEAD "Exercise=my-e\n" OWN_EX "Picture=b.png\n", LIMBER_CATALOG_ERROR_MISSING_KEY },
  { "name-too-long", HEAD "Exercise=my-e\n[Exercise my-e]\nId=my-e\nName=" "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" "\nKind=stretch\nHold=20\nInstruction1=Do.\n", LIMBER_CATALOG_ERROR_OUT_OF_RANGE },
  { "unknown-group", HEAD "Exercise=seated-hamstring\n[Something]\nA=b\n", LIMBER_CATALOG_ERROR_SYNTAX },
  { "stepping-stone", HEAD "Exercise=seated-hamstring\n[Stepping stone]\nExercise=seated-hamstring\n", LIMBER_CATALOG_ERROR_SYNTAX },
  { "step-zero", HEAD "Exercise=seated-hamstring\n[Step 0]\nExercise=seated-hamstring\n", LIMBER_CATALOG_ERROR_SYNTAX },
  { "step-leading-zero", HEAD "Exercise=seated-hamstring\n[Step 02]\nExercise=seated-hamstring\n", LIMBER_CATALOG_ERROR_SYNTAX },
  { "duplicate-step", HEAD "Exercise=seated-hamstring\n[Step 1]\nHold=600\n", LIMBER_CATALOG_ERROR_SYNTAX },
  { "duplicate-routine", HEAD "Exercise=seated-hamstring\n[Routine]\nName=Other\n", LIMBER_CATALOG_ERROR_SYNTAX },
  { "duplicate-key", HEAD "Exercise=seated-hamstring\nHold=30\nHold=600\n", LIMBER_CATALOG_ERROR_SYNTAX },
  { "duplicate-key-spaced", HEAD "Exercise=seated-hamstring\nHold = 30\nHold=45\n", LIMBER_CATALOG_ERROR_SYNTAX },
  { "duplicate-exercise-key", HEAD "Exercise=my-e\n" OWN_EX "Name=Other\n", LIMBER_CATALOG_ERROR_SYNTAX },
  { "duplicate-version", "[Limber Routine Bundle]\nVersion=1\nVersion=1\n[Routine]\nId=my-r\nName=R\n[Step 1]\nExercise=seated-hamstring\n", LIMBER_CATALOG_ERROR_SYNTAX },
  { "duplicate-localized-key", "[Limber Routine Bundle]\nVersion=1\n[Routine]\nId=my-r\nName=R\nName[de]=R\nName[de]=S\n[Step 1]\nExercise=seated-hamstring\n", LIMBER_CATALOG_ERROR_SYNTAX },
};

static void
count_files (const char *path,
             guint      *n)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        count_files (child, n);
      else
        (*n)++;
    }
}

static void
test_bad_files (Fixture       *f,
                gconstpointer  data)
{
  guint before = 0, after = 0;

  count_files (f->data_path, &before);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LimberBundle) bundle = parse (f, bad_cases[i].text, -1, &error);

      g_test_message ("%s: %s", bad_cases[i].name, error ? error->message : "(loaded)");
      g_assert_null (bundle);
      g_assert_error (error, LIMBER_CATALOG_ERROR, bad_cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, "shared.limber-routine"));
    }

  /* the line of the fault, in the shared file */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LimberBundle) bundle = parse (f, HEAD "Exercise=seated-hamstring\nHold=601\n", -1, &error);

    g_assert_cmpstr (error->message, ==, "shared.limber-routine:10: Hold must be between 1 and 600, not 601");
  }

  /* a group or a key given twice: refused, naming both lines */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LimberBundle) bundle = parse (f, HEAD "Exercise=seated-hamstring\n[Step 1]\nHold=600\n", -1, &error);

    g_assert_cmpstr (error->message, ==,
                     "shared.limber-routine:10: the group [Step 1] is already at line 8; each group appears once");
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LimberBundle) bundle = parse (f, HEAD "Exercise=seated-hamstring\nHold=30\nHold=600\n", -1, &error);

    g_assert_cmpstr (error->message, ==,
                     "shared.limber-routine:11: the key Hold is already in the group [Step 1], at line 10; "
                     "each key appears once in a group");
  }

  /* the same key in another group, and a key with its translations, are not twice */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LimberBundle) bundle = parse (f, "[Limber Routine Bundle]\nVersion=1\n[Routine]\nId=my-r\n"
                                            "Name=R\nName[de]=R\n[Step 1]\nExercise=seated-hamstring\nHold=30\n"
                                            "[Step 2]\nExercise=seated-hamstring\nHold=30\n", -1, &error);

    g_assert_no_error (error);
    g_assert_nonnull (bundle);
  }

  /* too large */
  {
    gsize size = LIMBER_BUNDLE_MAX_SIZE + 1;
    g_autofree char *big = g_malloc (size);
    g_autoptr(GError) error = NULL;
    g_autoptr(LimberBundle) bundle = NULL;

    memset (big, '#', size);
    bundle = parse (f, big, size, &error);
    g_assert_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_TOO_LARGE);
  }

  count_files (f->data_path, &after);
  g_assert_cmpuint (after, ==, before);
}

/* A failed install writes nothing: here the routines folder cannot be made,
 * after the picture and the exercise were written. */
static void
test_install_rolls_back (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autoptr(LimberBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *routines = g_build_filename (f->data_path, "routines", NULL);
  g_autofree char *moved = g_build_filename (f->data_path, "routines-aside", NULL);
  guint before = 0, after = 0;

  make_own_routine (f);
  text = export_text (f);
  g_assert_true (limber_catalog_delete_routine (f->catalog, "my-physio-plan", &error));
  g_assert_true (limber_catalog_delete_exercise (f->catalog, "my-leg-lift", NULL, &error));
  bundle = parse (f, text, -1, &error);
  g_assert_no_error (error);

  g_assert_cmpint (g_rename (routines, moved), ==, 0);
  g_assert_true (g_file_set_contents (routines, "", 0, NULL));
  count_files (f->data_path, &before);
  g_assert_null (limber_bundle_install (bundle, f->catalog, LIMBER_IMPORT_KEEP_BOTH, &error));
  g_assert_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_IO);
  count_files (f->data_path, &after);
  g_assert_cmpuint (after, ==, before);
  g_assert_null (limber_catalog_lookup_exercise (f->catalog, "my-leg-lift"));
  g_assert_null (limber_catalog_lookup_routine (f->catalog, "my-physio-plan"));
}

#define KNEE "[Limber Routine Bundle]\nVersion=1\n[Routine]\nId=my-knee\nName=Knee\n[Step 1]\nExercise=my-e\n" \
             "[Exercise my-e]\nId=my-e\nName=E\nKind=stretch\nHold=20\nInstruction1=Do.\n"

static char *
read_file (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* A file already there is never overwritten unless it is the very item
 * replaced: one skipped at start for a bad value, and one holding an item
 * of another id under the name the bundle's id would have. */
static void
test_file_in_the_way (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *routines = g_build_filename (f->data_path, "routines", NULL);
  g_autofree char *exercises = g_build_filename (f->data_path, "exercises", NULL);
  g_autofree char *broken = g_build_filename (routines, "my-knee.routine", NULL);
  g_autofree char *other = g_build_filename (exercises, "my-e.exercise", NULL);
  const char *broken_text = "[Routine]\nId=my-knee\nName=Mine\n[Step 1]\nExercise=seated-hamstring\nHold=9999\n";
  const char *other_text = "[Exercise]\nId=my-other\nName=Other\nKind=stretch\nHold=20\nInstruction1=Mine.\n";
  g_autoptr(LimberBundle) bundle = NULL;
  g_autoptr(GPtrArray) clashes = NULL;
  g_autoptr(GError) error = NULL;
  LimberBundleClash *clash;
  LimberRoutine *routine;

  g_assert_cmpint (g_mkdir_with_parents (routines, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (exercises, 0700), ==, 0);
  g_assert_true (g_file_set_contents (broken, broken_text, -1, NULL));
  g_assert_true (g_file_set_contents (other, other_text, -1, NULL));
  g_clear_object (&f->catalog);
  f->catalog = load_catalog (f);
  g_assert_cmpuint (limber_catalog_get_problems (f->catalog)->len, ==, 1);
  g_assert_nonnull (limber_catalog_lookup_exercise (f->catalog, "my-other"));

  bundle = parse (f, KNEE, -1, &error);
  g_assert_no_error (error);
  clashes = limber_bundle_get_clashes (bundle, f->catalog);
  g_assert_cmpuint (clashes->len, ==, 2);
  clash = g_ptr_array_index (clashes, 0);
  g_assert_cmpstr (clash->id, ==, "my-knee");
  g_assert_cmpstr (clash->file, ==, broken);
  g_assert_cmpstr (clash->existing_name, ==, "my-knee.routine");
  clash = g_ptr_array_index (clashes, 1);
  g_assert_cmpstr (clash->id, ==, "my-e");
  g_assert_cmpstr (clash->file, ==, other);
  g_assert_cmpstr (clash->existing_name, ==, "Other");

  /* replace refuses: neither file is the replaced item's */
  g_assert_null (limber_bundle_install (bundle, f->catalog, LIMBER_IMPORT_REPLACE, &error));
  g_assert_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_DUPLICATE_ID);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  /* keep both: fresh ids whose files do not exist */
  routine = limber_bundle_install (bundle, f->catalog, LIMBER_IMPORT_KEEP_BOTH, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (limber_routine_get_id (routine), ==, "my-knee-2");
  g_assert_cmpstr (limber_exercise_get_id (limber_routine_get_step (routine, 0)->exercise), ==, "my-e-2");

  {
    g_autofree char *broken_now = read_file (broken);
    g_autofree char *other_now = read_file (other);
    g_autoptr(LimberCatalog) again = load_catalog (f);

    g_assert_cmpstr (broken_now, ==, broken_text);
    g_assert_cmpstr (other_now, ==, other_text);
    g_assert_cmpuint (limber_catalog_get_problems (again)->len, ==, 1);
    g_assert_nonnull (limber_catalog_lookup_exercise (again, "my-other"));
    g_assert_nonnull (limber_catalog_lookup_routine (again, "my-knee-2"));
  }
}

/* What is installed is written from the parsed items: a key Limber does
 * not know is dropped, so a 1.1 MB one cannot make a file the next start
 * refuses. */
static void
test_unknown_keys_dropped (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *filler = g_strnfill (1100 * 1000, 'x');
  g_autofree char *text = g_strdup_printf ("[Limber Routine Bundle]\nVersion=1\n[Routine]\nId=my-knee\nName=Knee\nNotes=%s\n"
                                           "[Step 1]\nExercise=my-e\nColour=%s\n"
                                           "[Exercise my-e]\nId=my-e\nName=E\nKind=stretch\nHold=20\nInstruction1=Do.\nRemark=%s\n",
                                           filler, filler, filler);
  g_autofree char *routine_path = g_build_filename (f->data_path, "routines", "my-knee.routine", NULL);
  g_autofree char *exercise_path = g_build_filename (f->data_path, "exercises", "my-e.exercise", NULL);
  g_autofree char *routine_text = NULL;
  g_autofree char *exercise_text = NULL;
  g_autoptr(LimberBundle) bundle = NULL;
  g_autoptr(LimberCatalog) again = NULL;
  g_autoptr(GError) error = NULL;

  bundle = parse (f, text, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (limber_bundle_install (bundle, f->catalog, LIMBER_IMPORT_KEEP_BOTH, &error));
  g_assert_no_error (error);

  routine_text = read_file (routine_path);
  exercise_text = read_file (exercise_path);
  g_assert_null (strstr (routine_text, "Notes"));
  g_assert_null (strstr (routine_text, "Colour"));
  g_assert_null (strstr (exercise_text, "Remark"));
  again = load_catalog (f);
  g_assert_cmpuint (limber_catalog_get_problems (again)->len, ==, 0);
  g_assert_nonnull (limber_catalog_lookup_routine (again, "my-knee"));
}

/* A replaced exercise changes the other routines that use it: the clash
 * names them. */
static void
test_clash_names_users (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(LimberRoutineDraft) draft = limber_routine_draft_new ();
  g_autoptr(LimberStepDraft) step = NULL;
  g_autoptr(LimberBundle) bundle = NULL;
  g_autoptr(GPtrArray) clashes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  LimberBundleClash *clash;

  make_own_routine (f);
  limber_routine_draft_set_name (draft, "Evening");
  step = limber_step_draft_new_for_exercise (limber_catalog_lookup_exercise (f->catalog, "my-leg-lift"));
  limber_routine_draft_append_step (draft, step);
  g_assert_nonnull (limber_catalog_save_routine (f->catalog, draft, &error));
  g_assert_no_error (error);

  text = export_text (f);
  bundle = parse (f, text, -1, &error);
  g_assert_no_error (error);
  clashes = limber_bundle_get_clashes (bundle, f->catalog);
  g_assert_cmpuint (clashes->len, ==, 2);
  clash = g_ptr_array_index (clashes, 0);
  g_assert_null (clash->used_by);
  clash = g_ptr_array_index (clashes, 1);
  g_assert_cmpstr (clash->id, ==, "my-leg-lift");
  g_assert_null (clash->file);
  g_assert_nonnull (clash->used_by);
  g_assert_cmpuint (g_strv_length (clash->used_by), ==, 1);
  g_assert_cmpstr (clash->used_by[0], ==, "Evening");
}

/* A shared picture is held to the same size on a side as an imported one. */
static void
test_huge_picture (Fixture       *f,
                   gconstpointer  data)
{
  guint8 png[sizeof tiny_png];
  g_autofree char *encoded = NULL;
  g_autofree char *text = NULL;
  g_autoptr(LimberBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;

  memcpy (png, tiny_png, sizeof png);
  png[18] = 0x75, png[19] = 0x30, png[22] = 0x75, png[23] = 0x30;  /* 30000×30000 */
  encoded = g_base64_encode (png, sizeof png);
  text = g_strconcat (HEAD "Exercise=my-e\n" OWN_EX "Picture=a.png\n[Picture a.png]\nType=image/png\nData=",
                      encoded, "\n", NULL);
  bundle = parse (f, text, -1, &error);
  g_assert_null (bundle);
  g_assert_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_TOO_LARGE);
  g_test_message ("%s", error->message);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/bundle/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("round-trip", test_round_trip);
  ADD ("clashes", test_clashes);
  ADD ("export-bundled", test_export_bundled);
  ADD ("bad-files", test_bad_files);
  ADD ("install-rolls-back", test_install_rolls_back);
  ADD ("file-in-the-way", test_file_in_the_way);
  ADD ("unknown-keys-dropped", test_unknown_keys_dropped);
  ADD ("clash-names-users", test_clash_names_users);
  ADD ("huge-picture", test_huge_picture);

  return g_test_run ();
}
