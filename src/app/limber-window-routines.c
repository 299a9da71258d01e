/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-app"

#include <glib/gi18n.h>

#include "limber-bundle.h"
#include "limber-exercise-editor.h"
#include "limber-import-dialog.h"
#include "limber-routine-editor.h"
#include "limber-ui-utils.h"
#include "limber-window-private.h"

/* The window's routine actions: New Routine, Edit, Duplicate, Export and
 * Delete with Undo. A bundled routine is never changed: Edit on it edits a
 * copy. Deleting asks first, then offers Undo, which saves the routine
 * again as it was, under the same id; sessions done with it keep its name
 * in the journal either way. */

static LimberRoutine *
lookup (LimberWindow *self,
        GVariant     *param)
{
  const char *id = g_variant_get_string (param, NULL);
  LimberRoutine *routine = limber_catalog_lookup_routine (self->catalog, id);

  if (routine == NULL)
    limber_window_show_error (self, _("No Such Routine"),
                              /* Translators: %s is a routine id */
                              _("There is no routine called “%s”."), id);
  return routine;
}

static void
toast (LimberWindow *self,
       const char   *format,
       const char   *name)
{
  /* toast titles are markup; routine names are the person's own text */
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  g_autofree char *title = g_strdup_printf (format, escaped);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
on_routine_saved (LimberWindow  *self,
                  LimberRoutine *routine)
{
  limber_window_show_routine (self, routine);
  limber_routine_page_refresh (self->routine_page);
  /* Translators: %s is a routine's name */
  toast (self, _("“%s” saved"), limber_routine_get_name (routine));
}

static void
open_editor (LimberWindow       *self,
             LimberRoutineDraft *draft)
{
  GtkWidget *editor = limber_routine_editor_new (GTK_WINDOW (self), self->catalog, draft);

  g_signal_connect_object (editor, "saved", G_CALLBACK (on_routine_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_routine_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  g_autoptr(LimberRoutineDraft) draft = limber_routine_draft_new ();

  open_editor (LIMBER_WINDOW (widget), draft);
}

/* Edit opens an own routine as it is; Duplicate, or Edit on a bundled
 * routine (which is read-only), opens a copy to save under a new id. */
static void
edit_or_duplicate (LimberWindow *self,
                   GVariant     *param,
                   gboolean      duplicate)
{
  LimberRoutine *routine = lookup (self, param);
  g_autoptr(LimberRoutineDraft) draft = NULL;

  if (routine == NULL)
    return;
  draft = duplicate || limber_routine_is_bundled (routine) ? limber_routine_draft_new_duplicate (routine)
                                                           : limber_routine_draft_new_from_routine (routine);
  open_editor (self, draft);
}

static void
edit_routine_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  edit_or_duplicate (LIMBER_WINDOW (widget), param, g_str_equal (action_name, "win.duplicate-routine"));
}

static void
undo_delete_routine_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  g_autoptr(LimberRoutineDraft) draft = g_steal_pointer (&self->deleted_routine);
  g_autoptr(GError) error = NULL;
  LimberRoutine *routine;

  if (draft == NULL)
    return;
  routine = limber_catalog_save_routine (self->catalog, draft, &error);
  if (routine == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not bring the routine back: %s"), error->message);

      _limber_window_show_error_toast (self, message);
      return;
    }
  limber_window_show_routine (self, routine);
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    LimberWindow     *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "limber-routine-id");
  LimberRoutine *routine = limber_catalog_lookup_routine (self->catalog, id);
  g_autoptr(LimberRoutineDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  AdwToast *undo;

  if (g_strcmp0 (response, "delete") != 0 || routine == NULL)
    return;

  draft = limber_routine_draft_new_from_routine (routine);
  name = g_strdup (limber_routine_get_name (routine));
  if (adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->routine_page) &&
      limber_routine_page_get_routine (self->routine_page) == routine)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);

  if (!limber_catalog_delete_routine (self->catalog, id, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not delete the routine: %s"), error->message);

      _limber_window_show_error_toast (self, message);
      return;
    }

  g_set_object (&self->deleted_routine, draft);
  escaped = g_markup_escape_text (name, -1);
  /* Translators: %s is a routine's name */
  title = g_strdup_printf (_("“%s” deleted"), escaped);
  undo = adw_toast_new (title);
  adw_toast_set_button_label (undo, _("_Undo"));
  adw_toast_set_action_name (undo, "win.undo-delete-routine");
  adw_toast_set_priority (undo, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, undo);
}

static void
delete_routine_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  LimberRoutine *routine = lookup (self, param);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (routine == NULL)
    return;
  if (limber_routine_is_bundled (routine))
    {
      limber_window_show_error (self, _("Cannot Delete a Bundled Routine"), "%s",
                                _("Routines that come with Limber stay; you can duplicate one and change the copy."));
      return;
    }

  /* Translators: %s is a routine's name; the heading is plain text */
  heading = g_strdup_printf (_("Delete “%s”?"), limber_routine_get_name (routine));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("Sessions you have done with it stay in your history."));
  limber_ui_add_delete_responses (ADW_MESSAGE_DIALOG (dialog));
  g_object_set_data_full (G_OBJECT (dialog), "limber-routine-id",
                          g_strdup (limber_routine_get_id (routine)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    LimberWindow    *self)
{
  const char *id = g_object_get_data (G_OBJECT (chooser), "limber-routine-id");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file == NULL)
    return;

  /* On the main thread, because the catalog is only ever read there; a
   * bundle is one routine with at most a few pictures of at most 10 MiB. */
  if (!limber_bundle_write (self->catalog, id, file, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not export the routine: %s"), error->message);

      _limber_window_show_error_toast (self, message);
      return;
    }
  name = g_file_get_basename (file);
  /* Translators: %s is a file name */
  toast (self, _("Exported to “%s”"), name);
}

static void
export_routine_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  LimberRoutine *routine = lookup (self, param);
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *suggested = NULL;
  GtkFileChooserNative *chooser;

  if (routine == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Routine"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Limber routines"));
  gtk_file_filter_add_mime_type (filter, LIMBER_BUNDLE_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, LIMBER_BUNDLE_EXTENSION + 1);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  suggested = g_strconcat (limber_routine_get_id (routine), LIMBER_BUNDLE_EXTENSION, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  g_object_set_data_full (G_OBJECT (chooser), "limber-routine-id",
                          g_strdup (limber_routine_get_id (routine)), g_free);
  /* the chooser holds the window until it answers */
  g_object_set_data_full (G_OBJECT (chooser), "limber-window", g_object_ref (self), g_object_unref);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response), self, 0);
  g_signal_connect (chooser, "response", G_CALLBACK (g_object_unref), NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * limber_window_routine_imported:
 *
 * Shows a routine just imported, on its page, and says so.
 */
void
limber_window_routine_imported (LimberWindow  *self,
                                LimberRoutine *routine)
{
  g_return_if_fail (LIMBER_IS_WINDOW (self));
  g_return_if_fail (LIMBER_IS_ROUTINE (routine));

  adw_view_stack_set_visible_child_name (self->view_stack, "routines");
  limber_window_show_routine (self, routine);
  /* Translators: %s is a routine's name */
  toast (self, _("Imported “%s”"), limber_routine_get_name (routine));
}

/* The import dialog may outlive this window; the application does not. */
static void
on_imported (LimberRoutine *routine,
             gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (LIMBER_IS_WINDOW (window))
    limber_window_routine_imported (LIMBER_WINDOW (window), routine);
}

static void
import_routine_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  LimberWindow *self = LIMBER_WINDOW (widget);

  limber_import_choose (GTK_WINDOW (self), self->catalog, on_imported,
                        gtk_window_get_application (GTK_WINDOW (self)));
}

/* Files dropped on the window are imported one by one, each previewed
 * first; a file that is not a shared routine gets the catalog's message. */
static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         LimberWindow  *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = g_value_get_boxed (value);
  for (GSList *l = files; l != NULL; l = l->next)
    limber_import_file (GTK_WINDOW (self), self->catalog, l->data, on_imported,
                        gtk_window_get_application (GTK_WINDOW (self)));
  return files != NULL;
}

void
_limber_window_routines_init (LimberWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/* The routine page again, with the routine as the catalog has it now (an
 * edited exercise reloads the routines that use it). */
static void
reload_routine_page (LimberWindow *self)
{
  LimberRoutine *shown = limber_routine_page_get_routine (self->routine_page);
  LimberRoutine *now = shown ? limber_catalog_lookup_routine (self->catalog, limber_routine_get_id (shown)) : NULL;

  if (now != NULL)
    {
      limber_routine_page_set_routine (self->routine_page, now);
      limber_routine_page_refresh (self->routine_page);
    }
}

static void
edit_exercise_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  const char *id = g_variant_get_string (param, NULL);
  LimberExercise *exercise = limber_catalog_lookup_exercise (self->catalog, id);
  GtkWidget *form;

  if (exercise == NULL || limber_exercise_is_bundled (exercise))
    return;
  form = limber_exercise_editor_new (GTK_WINDOW (self), self->catalog, exercise);
  g_signal_connect_object (form, "saved", G_CALLBACK (reload_routine_page), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (form, "deleted", G_CALLBACK (reload_routine_page), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (form));
}

void
_limber_window_routines_dispose (LimberWindow *self)
{
  g_clear_object (&self->deleted_routine);
}

void
_limber_window_routines_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-routine", NULL, new_routine_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.new-routine", NULL);
  gtk_widget_class_install_action (widget_class, "win.edit-routine", "s", edit_routine_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate-routine", "s", edit_routine_action);
  gtk_widget_class_install_action (widget_class, "win.export-routine", "s", export_routine_action);
  gtk_widget_class_install_action (widget_class, "win.delete-routine", "s", delete_routine_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete-routine", NULL, undo_delete_routine_action);
  gtk_widget_class_install_action (widget_class, "win.import-routine", NULL, import_routine_action);
  gtk_widget_class_install_action (widget_class, "win.edit-exercise", "s", edit_exercise_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import-routine", NULL);
}
