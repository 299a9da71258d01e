/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "limber-catalog.h"
#include "limber-journal.h"

G_BEGIN_DECLS

/* The PDF report for a physiotherapist or doctor, from arrays of
 * LimberSessionInfo and LimberCheckin in any order; limber_export_report()
 * makes it from the journal. */

/* Days in the report's period when no start is given: the end day and the
 * 89 before it. */
#define LIMBER_REPORT_DEFAULT_DAYS 90

void     limber_report_period     (GDateTime      *from,
                                   GDateTime      *to,
                                   GDate          *first,
                                   GDate          *last);
gboolean limber_report_write      (GOutputStream  *stream,
                                   const GDate    *first,
                                   const GDate    *last,
                                   GPtrArray      *sessions,
                                   GPtrArray      *checkins,
                                   GError        **error);
gboolean limber_report_write_file (GFile          *file,
                                   const GDate    *first,
                                   const GDate    *last,
                                   GPtrArray      *sessions,
                                   GPtrArray      *checkins,
                                   GError        **error);

/* A program's life for the report: the program events up to the report's
 * last day (the level on its first day comes from the earlier ones), with
 * the names of their programs and levels copied from a catalog, so that it
 * can be written on any thread. */
typedef struct _LimberReportPrograms LimberReportPrograms;

LimberReportPrograms *limber_report_programs_new   (GPtrArray             *events,
                                                    LimberCatalog         *catalog);
LimberReportPrograms *limber_report_programs_read  (LimberJournal         *journal,
                                                    const GDate           *first,
                                                    const GDate           *last,
                                                    GError               **error);
void                  limber_report_programs_free  (LimberReportPrograms  *programs);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberReportPrograms, limber_report_programs_free)

/* The same as limber_report_write() and limber_report_write_file(), with
 * the program's levels beside the chart and its events in a list. */
gboolean limber_report_write_full      (GOutputStream               *stream,
                                        const GDate                 *first,
                                        const GDate                 *last,
                                        GPtrArray                   *sessions,
                                        GPtrArray                   *checkins,
                                        const LimberReportPrograms  *programs,
                                        GError                     **error);
gboolean limber_report_write_file_full (GFile                       *file,
                                        const GDate                 *first,
                                        const GDate                 *last,
                                        GPtrArray                   *sessions,
                                        GPtrArray                   *checkins,
                                        const LimberReportPrograms  *programs,
                                        GError                     **error);

G_END_DECLS
