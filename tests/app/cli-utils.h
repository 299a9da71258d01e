/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One run of the real limber program: its exit status and what it said. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

void limber_test_run_clear (Run                  *run);
void limber_test_run_argv  (Run                  *run,
                            const char           *home,
                            GSpawnChildSetupFunc  child_setup,
                            const char * const   *args);
void limber_test_run       (Run *run,
                            ...) G_GNUC_NULL_TERMINATED;

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, limber_test_run_clear)

#define run_limber limber_test_run

G_END_DECLS
