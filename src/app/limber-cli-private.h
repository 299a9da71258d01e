/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What limber-cli.c and limber-cli-export.c share, and the command line's
 * value parsers, shared with the fuzz targets (tests/fuzz/). */

/* limber-cli.c: a usage error, with the hint to --help; returns EXIT_USAGE */
int      _limber_cli_usage_error        (const char *format,
                                         ...) G_GNUC_PRINTF (1, 2);

/* limber-cli.c: --pain, --stiffness, --morning-stiffness */
gboolean _limber_cli_parse_whole_number (const char *text,
                                         int         min,
                                         int         max,
                                         int        *number);

/* limber-cli.c: --at */
GDateTime *_limber_cli_parse_at         (const char *text);

/* limber-cli-export.c: --from, --to */
gboolean _limber_cli_export_parse_date  (const char *text,
                                         GDate      *date);

G_END_DECLS
