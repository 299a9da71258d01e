/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "limber-bundle.h"
#include "limber-catalog.h"

G_BEGIN_DECLS

/* Called once a shared routine has been imported; @imported is the routine
 * as it is now in the catalog (transfer none). Not called when the person
 * cancels or the file cannot be used. */
typedef void (*LimberImportDone) (LimberRoutine *imported,
                                  gpointer       user_data);

#define LIMBER_TYPE_IMPORT_DIALOG (limber_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LimberImportDialog, limber_import_dialog, LIMBER, IMPORT_DIALOG, AdwMessageDialog)

void          limber_import_file               (GtkWindow          *parent,
                                                LimberCatalog      *catalog,
                                                GFile              *file,
                                                LimberImportDone    done,
                                                gpointer            user_data);
void          limber_import_choose             (GtkWindow          *parent,
                                                LimberCatalog      *catalog,
                                                LimberImportDone    done,
                                                gpointer            user_data);

LimberBundle *limber_import_dialog_get_bundle  (LimberImportDialog *self);
gboolean      limber_import_dialog_has_clashes (LimberImportDialog *self);

G_END_DECLS
