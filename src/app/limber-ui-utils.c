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

/* A button's label with its mnemonic marks taken out: "_Save" → "Save",
 * "Rock __n Roll" → "Rock _n Roll". */
static char *
strip_mnemonic (const char *label)
{
  GString *out = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] == '_')
            g_string_append_c (out, '_'), p++;
          continue;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
name_button (GtkButton *button)
{
  const char *label = gtk_button_get_label (button);
  g_autofree char *name = NULL;

  if (label == NULL || !gtk_button_get_use_underline (button))
    return;
  name = strip_mnemonic (label);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/**
 * limber_ui_name_mnemonic_buttons:
 * @root: a window or any widget
 *
 * GTK 4.8 names a button whose label has a mnemonic "_Save Save" on the
 * accessibility bus (its label property, then its child's text), so a
 * screen reader reads out the underscore and the word twice. Each such
 * button under @root is named by its label without the mark instead, and
 * follows later changes of its label.
 */
void
limber_ui_name_mnemonic_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && !g_object_get_data (G_OBJECT (root), "limber-named"))
    {
      g_object_set_data (G_OBJECT (root), "limber-named", GINT_TO_POINTER (1));
      name_button (GTK_BUTTON (root));
      g_signal_connect (root, "notify::label", G_CALLBACK (name_button), NULL);
      g_signal_connect (root, "notify::use-underline", G_CALLBACK (name_button), NULL);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    limber_ui_name_mnemonic_buttons (child);
}

static void
name_drop_down_button (GtkDropDown *drop_down)
{
  const char *name = g_object_get_data (G_OBJECT (drop_down), "limber-drop-down-name");
  GObject *item = gtk_drop_down_get_selected_item (drop_down);
  const char *value = GTK_IS_STRING_OBJECT (item) ? gtk_string_object_get_string (GTK_STRING_OBJECT (item)) : NULL;
  g_autofree char *label = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      {
        if (value != NULL)
          /* Translators: a drop-down's name and what it shows, as a screen
           * reader reads its button: "Chart range: Last 30 days" */
          label = g_strdup_printf (C_("drop-down name and choice", "%s: %s"), name, value);
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        label != NULL ? label : name, -1);
      }
}

/**
 * limber_ui_name_drop_down:
 * @drop_down: a drop-down over a #GtkStringList
 * @name: what it chooses, such as "Chart range"
 *
 * The Tab key stops on a GTK 4.8 drop-down's inner button, which reaches
 * the accessibility bus with no name ("(None)" to Orca), whatever the
 * drop-down itself is called. The drop-down and its button are named
 * @name, the button with the choice shown after it, following changes.
 */
void
limber_ui_name_drop_down (GtkDropDown *drop_down,
                          const char  *name)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  g_return_if_fail (name != NULL);

  g_object_set_data_full (G_OBJECT (drop_down), "limber-drop-down-name", g_strdup (name), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  if (!g_object_get_data (G_OBJECT (drop_down), "limber-drop-down-named"))
    {
      g_object_set_data (G_OBJECT (drop_down), "limber-drop-down-named", GINT_TO_POINTER (1));
      g_signal_connect (drop_down, "notify::selected-item", G_CALLBACK (name_drop_down_button), NULL);
    }
  name_drop_down_button (drop_down);
}
