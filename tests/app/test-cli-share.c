/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber --export-routine and --import, as a person types them: output,
 * messages, exit codes and the files they leave (or do not), and the
 * escaping of what a shared or hand-written file names. */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "cli-utils.h"

/* --export-routine and --import: a round trip through a shared file,
 * clashes without and with --replace, and bad input that exits 2 with one
 * line and writes nothing. */
static void
test_share (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "limber", "routines", NULL);
  g_autofree char *mine = g_build_filename (dir, "my-mine.routine", NULL);
  g_autofree char *out_dir = g_build_filename (g_get_user_cache_dir (), "share", NULL);
  g_autofree char *out = g_build_filename (out_dir, "mine.limber-routine", NULL);
  g_autofree char *ro_dir = g_build_filename (g_get_user_cache_dir (), "read-only", NULL);
  g_autofree char *ro_out = g_build_filename (ro_dir, "mine.limber-routine", NULL);
  g_autofree char *bad = g_build_filename (out_dir, "bad.limber-routine", NULL);
  g_autofree char *import_arg = g_strconcat ("--import=", out, NULL);
  g_autofree char *output_arg = g_strconcat ("--output=", out, NULL);
  g_autofree char *ro_arg = g_strconcat ("--output=", ro_out, NULL);
  g_autofree char *bad_arg = g_strconcat ("--import=", bad, NULL);
  GStatBuf st;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (out_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (mine, "[Routine]\nId=my-mine\nName=Mine\n[Step 1]\nExercise=standing-calf\n", -1, NULL));

  run_limber (&run, "--export-routine=my-mine", output_arg, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (g_stat (out, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);
  limber_test_run_clear (&run);

  /* the same id is there: exit 2, naming it and --replace */
  run_limber (&run, import_arg, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "my-mine"));
  g_assert_nonnull (strstr (run.err, "--replace"));
  limber_test_run_clear (&run);

  run_limber (&run, import_arg, "--replace", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "my-mine"));
  limber_test_run_clear (&run);

  g_unlink (mine);
  run_limber (&run, import_arg, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (mine, G_FILE_TEST_EXISTS));
  limber_test_run_clear (&run);

  /* bad input: one line on stderr, exit 2 */
  g_assert_true (g_file_set_contents (bad, "[Limber Routine Bundle]\nVersion=1\n[Routine]\nId=my-x\nName=\033[2JX\n[Step 1]\nExercise=nope\n", -1, NULL));
  run_limber (&run, bad_arg, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_null (strchr (run.err, '\033'));
  g_assert_cmpuint (strlen (run.err), >, 0);
  g_assert_null (strchr (run.err, '\n') == run.err + strlen (run.err) - 1 ? NULL : "more than one line");
  limber_test_run_clear (&run);

  run_limber (&run, "--import=/no/such/file.limber-routine", NULL);
  g_assert_cmpint (run.status, ==, 2);
  limber_test_run_clear (&run);

  run_limber (&run, "--export-routine=no-such", output_arg, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "no-such"));
  limber_test_run_clear (&run);

  run_limber (&run, "--export-routine=my-mine", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--output"));
  limber_test_run_clear (&run);

  /* an output folder that cannot be written (a file stands where it should be) */
  g_assert_true (g_file_set_contents (ro_dir, "", 0, NULL));
  run_limber (&run, "--export-routine=my-mine", ro_arg, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_false (g_file_test (ro_out, G_FILE_TEST_EXISTS));
}

/* --import: a replaced exercise's other routines are named, before and
 * after; a file in the way is named and not overwritten by --replace. */
static void
test_share_clash_details (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *data = g_build_filename (g_get_user_data_dir (), "limber", NULL);
  g_autofree char *exercises = g_build_filename (data, "exercises", NULL);
  g_autofree char *routines = g_build_filename (data, "routines", NULL);
  g_autofree char *lift = g_build_filename (exercises, "my-lift.exercise", NULL);
  g_autofree char *plan = g_build_filename (routines, "my-plan.routine", NULL);
  g_autofree char *other = g_build_filename (routines, "my-other.routine", NULL);
  g_autofree char *out = g_build_filename (g_get_user_cache_dir (), "plan.limber-routine", NULL);
  g_autofree char *output_arg = g_strconcat ("--output=", out, NULL);
  g_autofree char *import_arg = g_strconcat ("--import=", out, NULL);
  g_autofree char *text = NULL;

  g_assert_cmpint (g_mkdir_with_parents (exercises, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (routines, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  g_assert_true (g_file_set_contents (lift, "[Exercise]\nId=my-lift\nName=Lift\nKind=stretch\nHold=20\nInstruction1=Lift.\n", -1, NULL));
  g_assert_true (g_file_set_contents (plan, "[Routine]\nId=my-plan\nName=Plan\n[Step 1]\nExercise=my-lift\n", -1, NULL));
  g_assert_true (g_file_set_contents (other, "[Routine]\nId=my-other\nName=Evening\n[Step 1]\nExercise=my-lift\n", -1, NULL));

  run_limber (&run, "--export-routine=my-plan", output_arg, NULL);
  g_assert_cmpint (run.status, ==, 0);
  limber_test_run_clear (&run);

  run_limber (&run, import_arg, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "my-lift"));
  g_assert_nonnull (strstr (run.err, "“Evening”"));
  limber_test_run_clear (&run);

  run_limber (&run, import_arg, "--replace", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "“Evening”"));
  limber_test_run_clear (&run);

  /* a file skipped at start where the routine would go */
  g_unlink (plan);
  g_assert_true (g_file_set_contents (plan, "[Routine]\nId=my-plan\nName=Mine\nPrepare=999\n", -1, NULL));
  run_limber (&run, import_arg, "--replace", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "my-plan.routine"));
  g_assert_true (g_file_get_contents (plan, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "[Routine]\nId=my-plan\nName=Mine\nPrepare=999\n");
  limber_test_run_clear (&run);

  run_limber (&run, import_arg, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, plan));
}

/* Bidirectional controls in a name would reorder the terminal's line:
 * they are written as escapes. */
static void
test_list_bidi (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "limber", "routines", NULL);
  g_autofree char *path = g_build_filename (dir, "my-bidi.routine", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "[Routine]\nId=my-bidi\nName=Abc\u202Egpj.exe\u2066x\u2069\n[Step 1]\nExercise=standing-calf\n", -1, NULL));
  run_limber (&run, "--list-routines", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_null (strstr (run.out, "\u202E"));
  g_assert_null (strstr (run.out, "\u2066"));
  g_assert_nonnull (strstr (run.out, "Abc\\u202egpj.exe\\u2066x\\u2069"));
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (g_getenv ("LIMBER_BIN") == NULL)
    {
      g_printerr ("LIMBER_BIN must name the limber program\n");
      return 1;
    }

  g_test_add_func ("/cli/share", test_share);
  g_test_add_func ("/cli/share/clash-details", test_share_clash_details);
  g_test_add_func ("/cli/list-routines/bidi", test_list_bidi);

  return g_test_run ();
}
