/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "limber-catalog.h"
#include "limber-journal.h"

G_BEGIN_DECLS

/* Exit status for a command line that could not be understood, as for most
 * command-line tools (GLib's own default is 1). */
#define EXIT_USAGE 2

const GOptionEntry *limber_cli_get_option_entries (void);
int                 limber_cli_run                (GVariantDict  *options);
gboolean            limber_cli_has_options        (GVariantDict  *options);
void                limber_cli_print_problems     (LimberCatalog *catalog);
LimberJournal      *limber_cli_open_journal       (void);
char               *limber_cli_escape             (const char    *text);
void                limber_cli_backup_daily       (LimberJournal *journal);

G_END_DECLS
