/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>

#include "cli-utils.h"

void
limber_test_run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/**
 * limber_test_run_argv:
 * @home: (nullable): the folder to use as HOME and every XDG folder, and to
 *   run from; %NULL for the test's isolated folders, from its data folder
 * @child_setup: (nullable): run in the child before it starts limber
 * @args: the arguments after the program, %NULL-terminated
 *
 * Runs $LIMBER_BIN and collects what it printed.
 */
void
limber_test_run_argv (Run                  *run,
                      const char           *home,
                      GSpawnChildSetupFunc  child_setup,
                      const char * const   *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (char *) g_getenv ("LIMBER_BIN"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  /* the isolated test folders, which GLib does not export by itself */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "HOME", home ? home : g_get_home_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", home ? home : g_get_user_data_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", home ? home : g_get_user_config_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", home ? home : g_get_user_cache_dir (), TRUE);
  if (home == NULL)
    g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  g_subprocess_launcher_set_cwd (launcher, home ? home : g_get_user_data_dir ());
  if (child_setup != NULL)
    g_subprocess_launcher_set_child_setup (launcher, child_setup, NULL, NULL);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (proc);
  g_test_message ("stdout: %s\nstderr: %s", run->out, run->err);
}

/* Runs $LIMBER_BIN with the arguments (NULL-terminated) in the test's
 * isolated folders, from its data folder, and collects what it printed. */
void
limber_test_run (Run *run,
                 ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  va_start (ap, run);
  while ((arg = va_arg (ap, const char *)))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  limber_test_run_argv (run, NULL, NULL, (const char * const *) args->pdata);
}
