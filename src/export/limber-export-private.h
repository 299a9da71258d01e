/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "limber-export.h"

G_BEGIN_DECLS

typedef gboolean (*LimberExportWriteFunc) (GOutputStream  *stream,
                                           gpointer        data,
                                           GError        **error);

gboolean _limber_export_write_file (GFile                  *file,
                                    LimberExportWriteFunc   func,
                                    gpointer                data,
                                    GError                **error);

/* What an export writes, read from the journal on its own thread, so that
 * the writing can go to another (limber-export-async.c). */
typedef struct
{
  LimberExportKind  kind;
  GPtrArray        *sessions;   /* LimberSessionInfo */
  GPtrArray        *checkins;   /* LimberCheckin */
  LimberReportPrograms *programs;  /* the report's program events */
  GDate             first;      /* the report's days */
  GDate             last;
} LimberExportJob;

gboolean _limber_export_read      (LimberJournal          *journal,
                                   LimberExportKind        kind,
                                   GDateTime              *from,
                                   GDateTime              *to,
                                   LimberExportJob        *job,
                                   GError                **error);
gboolean _limber_export_write     (const LimberExportJob  *job,
                                   GFile                  *file,
                                   GError                **error);
void     _limber_export_job_clear (LimberExportJob        *job);

G_END_DECLS
