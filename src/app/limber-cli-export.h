/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* --export-csv, --export-report, --from and --to, for limber-cli.c's
 * option table. */
#define LIMBER_CLI_EXPORT_OPTION_ENTRIES \
  { "export-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Write every session and check-in to FILE as CSV and exit"), N_("FILE") }, \
  { "export-report", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Write a PDF report for a physiotherapist or doctor to FILE and exit"), N_("FILE") }, \
  { "from", 0, 0, G_OPTION_ARG_STRING, NULL, N_("The report’s first day (default: 89 days before --to), with --export-report"), N_("YYYY-MM-DD") }, \
  { "to", 0, 0, G_OPTION_ARG_STRING, NULL, N_("The report’s last day (default: today), with --export-report"), N_("YYYY-MM-DD") }

int limber_cli_export_run (GVariantDict *options);

G_END_DECLS
