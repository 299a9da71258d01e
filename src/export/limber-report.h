/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

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

G_END_DECLS
