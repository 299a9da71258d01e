/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void limber_ui_show_error_toast     (AdwToastOverlay  *overlay,
                                     const char       *message);
void limber_ui_add_delete_responses (AdwMessageDialog *dialog);
void limber_ui_name_mnemonic_buttons (GtkWidget       *root);
void limber_ui_name_drop_down       (GtkDropDown     *drop_down,
                                     const char      *name);

G_END_DECLS
