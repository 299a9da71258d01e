/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command line, as a person types it: output, messages and exit codes. */
#include <gio/gio.h>

#include "limber-catalog.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_limber (Run *run,
            ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("LIMBER_BIN"));
  va_start (args, run);
  while ((arg = va_arg (args, const char *)))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  /* the isolated test folders, which GLib does not export by itself */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "HOME", g_get_home_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (proc);
  g_test_message ("stdout: %s\nstderr: %s", run->out, run->err);
}

static void
test_version (void)
{
  g_auto(Run) run = { 0 };

  run_limber (&run, "--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "limber "));
  g_assert_true (g_regex_match_simple ("^limber [0-9]+\\.[0-9]+\\.[0-9]+\n$", run.out, 0, 0));
}

static void
test_list_routines (void)
{
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;
  static const char *expected[][2] = {
    { "desk-break", "Two-minute desk break" },
    { "morning-hamstrings", "Morning hamstrings" },
    { "pre-run-warm-up", "Pre-run warm-up" },
    { "evening-wind-down", "Evening wind-down" },
    { "post-run-cool-down", "Post-run cool-down" },
  };
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();

  g_assert_true (limber_catalog_load_bundled (catalog, NULL));

  run_limber (&run, "--list-routines", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  lines = g_strsplit (g_strchomp (run.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; lines[j]; j++)
        if (g_str_has_prefix (lines[j], expected[i][0]))
          {
            LimberRoutine *routine = limber_catalog_lookup_routine (catalog, expected[i][0]);
            g_autofree char *duration = limber_format_duration (limber_routine_get_duration (routine));

            found = TRUE;
            g_assert_nonnull (strstr (lines[j], expected[i][1]));
            g_assert_true (g_str_has_suffix (lines[j], duration));
          }
      g_assert_true (found);
    }

  /* shortest first */
  g_assert_true (g_str_has_prefix (lines[0], "desk-break"));
}

static void
test_list_with_bad_user_file (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "limber", "routines", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.routine", NULL);
  g_autofree char *good = g_build_filename (dir, "good.routine", NULL);
  g_autofree char *expected = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (bad, "[Routine]\nId=bad\nName=Bad\n[Step 1]\nExercise=nope\n", -1, NULL));
  g_assert_true (g_file_set_contents (good, "[Routine]\nId=good\nName=Good one\n[Step 1]\nExercise=standing-calf\n", -1, NULL));

  run_limber (&run, "--list-routines", NULL);
  g_assert_cmpint (run.status, ==, 0);
  /* the good file is listed, the bad one is named on stderr with its line */
  g_assert_nonnull (strstr (run.out, "good"));
  g_assert_nonnull (strstr (run.out, "Good one"));
  g_assert_null (strstr (run.out, "Bad"));
  expected = g_strdup_printf ("%s:5:", bad);
  g_assert_nonnull (strstr (run.err, expected));
  g_assert_nonnull (strstr (run.err, "nope"));
}

static void
test_unknown_option (void)
{
  g_auto(Run) run = { 0 };

  run_limber (&run, "--frobnicate", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "--frobnicate"));
  g_assert_nonnull (strstr (run.err, "--help"));
}

static void
test_unexpected_argument (void)
{
  g_auto(Run) run = { 0 };

  run_limber (&run, "--list-routines", "desk-break", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "desk-break"));
}

static void
test_start_unknown_routine (void)
{
  g_auto(Run) run = { 0 };

  /* checked before any window opens */
  run_limber (&run, "--start=handstands", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "handstands"));
  g_assert_nonnull (strstr (run.err, "--list-routines"));
}

static void
test_help (void)
{
  g_auto(Run) run = { 0 };

  run_limber (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--list-routines"));
  g_assert_nonnull (strstr (run.out, "--version"));
  g_assert_nonnull (strstr (run.out, "--start=ROUTINE_ID"));
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

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/list-routines", test_list_routines);
  g_test_add_func ("/cli/list-with-bad-user-file", test_list_with_bad_user_file);
  g_test_add_func ("/cli/unknown-option", test_unknown_option);
  g_test_add_func ("/cli/unexpected-argument", test_unexpected_argument);
  g_test_add_func ("/cli/start-unknown-routine", test_start_unknown_routine);
  g_test_add_func ("/cli/help", test_help);

  return g_test_run ();
}
