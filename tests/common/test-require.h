/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A test that needs something from outside the project asks for it before
 * its first case. When it is missing, the test fails at once with one line
 * that names the Debian package to install: skipping is not passing, and a
 * confusing assertion later helps nobody. build-aux/install-deps.sh --tests
 * installs every package named here. */

const char *limber_test_require_program (const char *env_var,
                                         const char *program,
                                         const char *package);
void        limber_test_require_missing (const char *what,
                                         const char *package) G_GNUC_NORETURN;

G_END_DECLS
