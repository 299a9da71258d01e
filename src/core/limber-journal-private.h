/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "limber-journal.h"

G_BEGIN_DECLS

/* PRAGMA application_id of every Limber journal: "LMBR". */
#define LIMBER_JOURNAL_APPLICATION_ID 0x4C4D4252

/* PRAGMA user_version that this code writes; one migration step per version. */
#define LIMBER_JOURNAL_SCHEMA_VERSION 1

void      limber_journal_set_sqlite_error (GError     **error,
                                           sqlite3     *db,
                                           int          rc,
                                           const char  *path);
gboolean  limber_journal_migrate          (sqlite3     *db,
                                           const char  *path,
                                           GError     **error);
sqlite3  *limber_journal_open_file        (const char  *path,
                                           char       **moved_aside_path,
                                           GError     **error);

/* For tests only: the journal's own connection, to read per-connection
 * pragmas or to make the disk look full (PRAGMA max_page_count). */
sqlite3  *limber_journal_get_handle_for_testing (LimberJournal *self);

G_END_DECLS
