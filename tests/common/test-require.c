/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <stdio.h>
#include <stdlib.h>

#include "test-require.h"

/**
 * limber_test_require_missing:
 * @what: what is missing, for people ("pdftotext", "a font for Chinese")
 * @package: the Debian package that brings it
 *
 * Ends the test program as a failure, with one TAP line.
 */
void
limber_test_require_missing (const char *what,
                             const char *package)
{
  /* "Bail out!" is how TAP, and meson reading it, reports a fatal failure */
  printf ("Bail out! %s is missing: install the Debian package %s "
          "(build-aux/install-deps.sh --tests installs it)\n", what, package);
  fflush (stdout);
  exit (1);
}

/**
 * limber_test_require_program:
 * @env_var: the environment variable that tests/meson.build sets to the
 *   program's path when meson found it
 * @program: the program's name
 * @package: the Debian package that brings it
 *
 * Returns: the program's path; does not return when it is missing.
 */
const char *
limber_test_require_program (const char *env_var,
                             const char *program,
                             const char *package)
{
  const char *path = g_getenv (env_var);

  if (path == NULL || *path == '\0' || !g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
    limber_test_require_missing (program, package);
  return path;
}
