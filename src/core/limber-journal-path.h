/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where the journal lives, apart from the journal itself, so that a
 * program that only passes the name on (limber-reminders, which leaves
 * the journal to its helper) does not link SQLite. */

char *limber_journal_get_default_path (void);

G_END_DECLS
