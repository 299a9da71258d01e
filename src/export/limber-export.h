/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "limber-journal.h"
#include "limber-report.h"

G_BEGIN_DECLS

typedef enum
{
  LIMBER_EXPORT_CSV,
  LIMBER_EXPORT_REPORT,
} LimberExportKind;

/* From the journal. @from is inclusive, @to exclusive, both nullable.
 * Errors writing @file are G_IO_ERROR with a message that names the path. */
gboolean limber_export_csv              (LimberJournal  *journal,
                                         GFile          *file,
                                         GDateTime      *from,
                                         GDateTime      *to,
                                         GError        **error);
gboolean limber_export_report           (LimberJournal  *journal,
                                         GFile          *file,
                                         GDateTime      *from,
                                         GDateTime      *to,
                                         GError        **error);

/* The same from arrays (of LimberSessionInfo and LimberCheckin, any order). */
gboolean limber_export_csv_to_file      (GFile          *file,
                                         GPtrArray      *sessions,
                                         GPtrArray      *checkins,
                                         GError        **error);
GBytes  *limber_export_csv_to_bytes     (GPtrArray      *sessions,
                                         GPtrArray      *checkins);

char    *limber_export_csv_guard_cell   (const char     *text);

/* The same, reading the journal at once and writing the file in a thread. */
void     limber_export_async            (LimberJournal       *journal,
                                         LimberExportKind     kind,
                                         GFile               *file,
                                         GDateTime           *from,
                                         GDateTime           *to,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gboolean limber_export_finish           (GAsyncResult        *result,
                                         GError             **error);

G_END_DECLS
