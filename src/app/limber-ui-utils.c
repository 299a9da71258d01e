/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "limber-ui-utils.h"

/* Small pieces that the windows, forms and dialogs of the app share, so
 * that an error or a question about deleting reads the same everywhere. */

/**
 * limber_ui_show_error_toast:
 * @message: plain text; it may quote file names and notes
 *
 * Shows @message in a toast that stays until it is dismissed, for an error
 * the person has to read.
 */
void
limber_ui_show_error_toast (AdwToastOverlay *overlay,
                            const char      *message)
{
  /* toast titles are markup in libadwaita 1.2 */
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (overlay, toast);
}

/**
 * limber_ui_add_delete_responses:
 *
 * Gives a dialog that asks before deleting its answers: Cancel, the default
 * and what Escape chooses, so that nothing is deleted by a stray Enter, and
 * Delete, shown as destructive. The "delete" response deletes.
 */
void
limber_ui_add_delete_responses (AdwMessageDialog *dialog)
{
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
}
