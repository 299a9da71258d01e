/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "limber-export.h"

G_BEGIN_DECLS

typedef gboolean (*LimberExportWriteFunc) (GOutputStream  *stream,
                                           gpointer        data,
                                           GError        **error);

gboolean limber_export_write_file  (GFile                  *file,
                                    LimberExportWriteFunc   func,
                                    gpointer                data,
                                    GError                **error);

G_END_DECLS
