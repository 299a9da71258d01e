/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* --import, --replace, --export-routine and --output, for limber-cli.c's
 * option table. */
#define LIMBER_CLI_SHARE_OPTION_ENTRIES \
  { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Add the routine shared in FILE (a .limber-routine file) and exit"), N_("FILE") }, \
  { "replace", 0, 0, G_OPTION_ARG_NONE, NULL, N_("With --import, replace your own routine and exercises of the same ids"), NULL }, \
  { "export-routine", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Write the routine ROUTINE_ID with its own exercises and pictures to --output and exit"), N_("ROUTINE_ID") }, \
  { "output", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("The file to write, with --export-routine"), N_("FILE") }

int limber_cli_share_run (GVariantDict *options);

G_END_DECLS
