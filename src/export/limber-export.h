/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "limber-journal.h"

G_BEGIN_DECLS

/* Days in the report's period when no start is given: the end day and the
 * 89 before it. */
#define LIMBER_REPORT_DEFAULT_DAYS 90

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
gboolean limber_export_report_to_file   (GFile          *file,
                                         const GDate    *first,
                                         const GDate    *last,
                                         GPtrArray      *sessions,
                                         GPtrArray      *checkins,
                                         GError        **error);
GBytes  *limber_export_csv_to_bytes     (GPtrArray      *sessions,
                                         GPtrArray      *checkins);
gboolean limber_export_report_to_stream (GOutputStream  *stream,
                                         const GDate    *first,
                                         const GDate    *last,
                                         GPtrArray      *sessions,
                                         GPtrArray      *checkins,
                                         GError        **error);

void     limber_export_report_period    (GDateTime      *from,
                                         GDateTime      *to,
                                         GDate          *first,
                                         GDate          *last);
char    *limber_export_csv_guard_cell   (const char     *text);

G_END_DECLS
