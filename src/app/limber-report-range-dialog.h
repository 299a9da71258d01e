/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "limber-journal.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_REPORT_RANGE_DIALOG (limber_report_range_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LimberReportRangeDialog, limber_report_range_dialog, LIMBER, REPORT_RANGE_DIALOG, AdwMessageDialog)

typedef enum
{
  LIMBER_REPORT_RANGE_30_DAYS,
  LIMBER_REPORT_RANGE_90_DAYS,
  LIMBER_REPORT_RANGE_WHOLE_JOURNAL,
} LimberReportRangePreset;

GtkWidget  *limber_report_range_dialog_new         (GtkWindow               *parent,
                                                    LimberJournal           *journal);
void        limber_report_range_dialog_set_dates   (LimberReportRangeDialog *self,
                                                    const GDate             *first,
                                                    const GDate             *last);
void        limber_report_range_dialog_get_dates   (LimberReportRangeDialog *self,
                                                    GDate                   *first,
                                                    GDate                   *last);
void        limber_report_range_dialog_use_preset  (LimberReportRangeDialog *self,
                                                    LimberReportRangePreset  preset);
const char *limber_report_range_dialog_get_problem (LimberReportRangeDialog *self);
void        limber_report_range_dialog_get_range   (LimberReportRangeDialog *self,
                                                    GDateTime              **from,
                                                    GDateTime              **to);

G_END_DECLS
