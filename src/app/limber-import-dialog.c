/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-import"

#include <glib/gi18n.h>

#include "limber-ui-utils.h"
#include "limber-import-dialog.h"

/* Importing a shared routine (*.limber-routine): the file is read, checked
 * and its pictures made into thumbnails in a worker thread, against a
 * catalog of the bundled set made there (the window's catalog is only
 * touched on the main thread); the dialog then shows what the file holds,
 * and which of the person's own items have the same ids, before anything is
 * written. Installing happens on the main thread, on the person's answer. */

#define THUMBNAIL_SIZE 48

struct _LimberImportDialog
{
  AdwMessageDialog  parent_instance;

  LimberCatalog    *catalog;
  LimberBundle     *bundle;
  GHashTable       *thumbnails;  /* exercise id → GdkTexture */
  GPtrArray        *clashes;
  LimberImportDone  done;
  gpointer          user_data;

  GtkWidget        *clash_box;
  GtkListBox       *clash_list;
  AdwActionRow     *routine_row;
  GtkLabel         *steps_label;
  GtkLabel         *time_label;
  GtkWidget        *exercises_box;
  GtkListBox       *exercise_list;
};

G_DEFINE_FINAL_TYPE (LimberImportDialog, limber_import_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
show_error (GtkWindow  *parent,
            const char *heading,
            const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, NULL);

  g_debug ("%s", message);

  /* the body is plain text: the message quotes the file */
  gtk_widget_set_name (dialog, "limber-import-error");
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_response (LimberImportDialog *self,
             const char         *response)
{
  g_autoptr(GError) error = NULL;
  LimberImportMode mode;
  LimberRoutine *routine;

  if (g_str_equal (response, "import") || g_str_equal (response, "keep-both"))
    mode = LIMBER_IMPORT_KEEP_BOTH;
  else if (g_str_equal (response, "replace"))
    mode = LIMBER_IMPORT_REPLACE;
  else
    return;

  routine = limber_bundle_install (self->bundle, self->catalog, mode, &error);
  if (routine == NULL)
    {
      show_error (gtk_window_get_transient_for (GTK_WINDOW (self)), _("Nothing Was Imported"), error->message);
      return;
    }
  g_debug ("Imported %s", limber_routine_get_id (routine));
  if (self->done != NULL)
    self->done (routine, self->user_data);
}

static void
limber_import_dialog_dispose (GObject *object)
{
  LimberImportDialog *self = LIMBER_IMPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->catalog);
  g_clear_object (&self->bundle);
  g_clear_pointer (&self->thumbnails, g_hash_table_unref);
  g_clear_pointer (&self->clashes, g_ptr_array_unref);

  G_OBJECT_CLASS (limber_import_dialog_parent_class)->dispose (object);
}

static void
limber_import_dialog_class_init (LimberImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_import_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, LIMBER_RESOURCE_PREFIX "/ui/limber-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberImportDialog, clash_box);
  gtk_widget_class_bind_template_child (widget_class, LimberImportDialog, clash_list);
  gtk_widget_class_bind_template_child (widget_class, LimberImportDialog, routine_row);
  gtk_widget_class_bind_template_child (widget_class, LimberImportDialog, steps_label);
  gtk_widget_class_bind_template_child (widget_class, LimberImportDialog, time_label);
  gtk_widget_class_bind_template_child (widget_class, LimberImportDialog, exercises_box);
  gtk_widget_class_bind_template_child (widget_class, LimberImportDialog, exercise_list);
}

static void
limber_import_dialog_init (LimberImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  limber_ui_name_mnemonic_buttons (GTK_WIDGET (self));
  g_signal_connect (self, "response", G_CALLBACK (on_response), NULL);
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* names come from the file: never markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
add_exercise_row (LimberImportDialog *self,
                  LimberExercise     *exercise)
{
  GdkTexture *thumbnail = g_hash_table_lookup (self->thumbnails, limber_exercise_get_id (exercise));
  const char *picture;
  GtkWidget *row;
  GtkWidget *image;

  switch (limber_exercise_get_picture_source (exercise))
    {
    case LIMBER_PICTURE_FILE:
      picture = _("With its own picture");
      break;
    case LIMBER_PICTURE_RESOURCE:
      picture = _("With a drawing from Limber");
      break;
    case LIMBER_PICTURE_NONE:
    default:
      picture = _("No picture");
      break;
    }

  row = new_row (limber_exercise_get_name (exercise), picture);
  if (thumbnail != NULL)
    {
      image = gtk_image_new_from_paintable (GDK_PAINTABLE (thumbnail));
      gtk_widget_add_css_class (image, "limber-import-thumbnail");
    }
  else
    {
      image = gtk_image_new_from_icon_name ("image-x-generic-symbolic");
      gtk_widget_add_css_class (image, "dim-label");
    }
  gtk_image_set_pixel_size (GTK_IMAGE (image), THUMBNAIL_SIZE);
  gtk_widget_set_valign (image, GTK_ALIGN_CENTER);
  /* the row's title and subtitle say it all */
  gtk_accessible_update_state (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);
  gtk_list_box_append (self->exercise_list, row);
}

static void
show_clashes (LimberImportDialog *self)
{
  guint n = self->clashes->len;

  /* said before the scrolled part, so that it is always seen */
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                               g_dngettext (GETTEXT_PACKAGE,
                                            "Something in this file is already yours. Replace overwrites "
                                            "yours; Keep Both adds the file’s beside it.",
                                            "Some of this file is already yours. Replace overwrites yours; "
                                            "Keep Both adds the file’s beside them.", n));
  for (guint i = 0; i < n; i++)
    {
      LimberBundleClash *clash = g_ptr_array_index (self->clashes, i);

      gtk_list_box_append (self->clash_list,
                           new_row (clash->existing_name,
                                    clash->item == LIMBER_BUNDLE_ITEM_ROUTINE ? _("Your routine") : _("Your exercise")));
    }
  gtk_widget_set_visible (self->clash_box, TRUE);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    "keep-both", _("_Keep Both"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "replace", ADW_RESPONSE_DESTRUCTIVE);
  /* Enter never overwrites anything */
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "keep-both");
}

static LimberImportDialog *
limber_import_dialog_new (GtkWindow     *parent,
                          LimberCatalog *catalog,
                          LimberBundle  *bundle,
                          GHashTable    *thumbnails)
{
  LimberImportDialog *self = g_object_new (LIMBER_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  GListModel *exercises = limber_bundle_get_exercises (bundle);
  g_autofree char *steps = NULL;
  g_autofree char *duration = NULL;
  const char *summary = limber_bundle_get_summary (bundle);

  self->catalog = g_object_ref (catalog);
  self->bundle = g_object_ref (bundle);
  self->thumbnails = g_hash_table_ref (thumbnails);
  self->clashes = limber_bundle_get_clashes (bundle, catalog);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->routine_row), limber_bundle_get_name (bundle));
  if (summary != NULL && *summary != '\0')
    adw_action_row_set_subtitle (self->routine_row, summary);

  steps = g_strdup_printf ("%u", limber_bundle_get_n_steps (bundle));
  gtk_label_set_text (self->steps_label, steps);
  duration = limber_format_duration (limber_bundle_get_duration (bundle));
  gtk_label_set_text (self->time_label, duration);

  for (guint i = 0; i < g_list_model_get_n_items (exercises); i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (exercises, i);

      add_exercise_row (self, exercise);
    }
  gtk_widget_set_visible (self->exercises_box, g_list_model_get_n_items (exercises) > 0);

  if (self->clashes->len > 0)
    show_clashes (self);
  else
    {
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                        "cancel", _("_Cancel"),
                                        "import", _("_Import"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "import", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "import");
    }

  return self;
}

/**
 * limber_import_dialog_get_bundle:
 *
 * Returns: (transfer none): what the file holds
 */
LimberBundle *
limber_import_dialog_get_bundle (LimberImportDialog *self)
{
  g_return_val_if_fail (LIMBER_IS_IMPORT_DIALOG (self), NULL);
  return self->bundle;
}

gboolean
limber_import_dialog_has_clashes (LimberImportDialog *self)
{
  g_return_val_if_fail (LIMBER_IS_IMPORT_DIALOG (self), FALSE);
  return self->clashes->len > 0;
}

/* Reading */

typedef struct
{
  GtkWindow        *parent;
  LimberCatalog    *catalog;
  GFile            *file;
  guint             prepare;
  guint             switch_sides;
  LimberImportDone  done;
  gpointer          user_data;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->parent);
  g_clear_object (&data->catalog);
  g_clear_object (&data->file);
  g_free (data);
}

typedef struct
{
  LimberBundle *bundle;
  GHashTable   *thumbnails;
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_object (&loaded->bundle);
  g_clear_pointer (&loaded->thumbnails, g_hash_table_unref);
  g_free (loaded);
}

/* Small, at twice the size shown (for a scaled display), in the thread:
 * a photo of 10 MiB takes a while to decode. */
static GdkTexture *
make_thumbnail (GInputStream *stream)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkPixbuf) oriented = NULL;
  g_autoptr(GError) error = NULL;

  pixbuf = gdk_pixbuf_new_from_stream_at_scale (stream, 2 * THUMBNAIL_SIZE, 2 * THUMBNAIL_SIZE,
                                                TRUE, NULL, &error);
  if (pixbuf == NULL)
    {
      g_debug ("No thumbnail: %s", error->message);
      return NULL;
    }
  oriented = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  return gdk_texture_new_for_pixbuf (oriented != NULL ? oriented : pixbuf);
}

static void
load_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ImportData *data = task_data;
  g_autoptr(LimberCatalog) bundled = limber_catalog_new ();
  g_autoptr(GError) error = NULL;
  Loaded *loaded;
  GListModel *exercises;

  /* the bundled set is all a shared file is checked against, and this
   * copy is the thread's own */
  if (!limber_catalog_load_bundled (bundled, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  limber_catalog_set_default_timings (bundled, data->prepare, data->switch_sides);

  loaded = g_new0 (Loaded, 1);
  loaded->thumbnails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  loaded->bundle = limber_bundle_new_from_file (bundled, data->file, &error);
  if (loaded->bundle == NULL)
    {
      loaded_free (loaded);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  exercises = limber_bundle_get_exercises (loaded->bundle);
  for (guint i = 0; i < g_list_model_get_n_items (exercises); i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (exercises, i);
      const char *id = limber_exercise_get_id (exercise);
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(GBytes) bytes = NULL;
      GdkTexture *texture;

      if (g_task_return_error_if_cancelled (task))
        {
          loaded_free (loaded);
          return;
        }
      switch (limber_exercise_get_picture_source (exercise))
        {
        case LIMBER_PICTURE_FILE:
          bytes = limber_bundle_get_picture_data (loaded->bundle, id, NULL);
          if (bytes != NULL)
            stream = g_memory_input_stream_new_from_bytes (bytes);
          break;
        case LIMBER_PICTURE_RESOURCE:
          stream = g_resources_open_stream (limber_exercise_get_picture_path (exercise),
                                            G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
          break;
        case LIMBER_PICTURE_NONE:
        default:
          break;
        }
      if (stream == NULL)
        continue;
      texture = make_thumbnail (stream);
      if (texture != NULL)
        g_hash_table_insert (loaded->thumbnails, g_strdup (id), texture);
    }

  g_task_return_pointer (task, loaded, (GDestroyNotify) loaded_free);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GTask *task = G_TASK (result);
  ImportData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  Loaded *loaded;
  LimberImportDialog *dialog;

  loaded = g_task_propagate_pointer (task, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;  /* the window went */
  if (loaded == NULL)
    {
      show_error (data->parent, _("This File Cannot Be Imported"), error->message);
      return;
    }

  g_debug ("Showing what %s holds", g_file_peek_path (data->file) ? g_file_peek_path (data->file) : "the file");
  dialog = limber_import_dialog_new (data->parent, data->catalog, loaded->bundle, loaded->thumbnails);
  dialog->done = data->done;
  dialog->user_data = data->user_data;
  loaded_free (loaded);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * limber_import_file:
 * @parent: (nullable): the window the dialogs belong to
 * @catalog: where the routine goes
 * @file: a `*.limber-routine` file
 * @done: (nullable) (scope notified): called after the routine is imported
 *
 * Reads @file in a worker thread and shows what it holds in a
 * #LimberImportDialog; the routine is installed only when the person says
 * so. A file that cannot be used shows the catalog's message (the file and
 * the line) and nothing is written. If @parent is destroyed before the file
 * is read, nothing is shown.
 */
void
limber_import_file (GtkWindow        *parent,
                    LimberCatalog    *catalog,
                    GFile            *file,
                    LimberImportDone  done,
                    gpointer          user_data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (LIMBER_IS_CATALOG (catalog));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (ImportData, 1);
  data->parent = parent ? g_object_ref (parent) : NULL;
  data->catalog = g_object_ref (catalog);
  data->file = g_object_ref (file);
  data->done = done;
  data->user_data = user_data;
  limber_catalog_get_default_timings (catalog, &data->prepare, &data->switch_sides);

  if (parent != NULL)
    g_signal_connect_object (parent, "destroy", G_CALLBACK (g_cancellable_cancel), cancellable, G_CONNECT_SWAPPED);

  task = g_task_new (NULL, cancellable, on_loaded, NULL);
  g_task_set_source_tag (task, limber_import_file);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  g_task_run_in_thread (task, load_in_thread);
}

/* Choosing a file */

typedef struct
{
  GtkWindow        *parent;
  LimberCatalog    *catalog;
  LimberImportDone  done;
  gpointer          user_data;
} ChooseData;

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     ChooseData      *data)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        limber_import_file (data->parent, data->catalog, file, data->done, data->user_data);
    }

  g_clear_object (&data->parent);
  g_clear_object (&data->catalog);
  g_free (data);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/**
 * limber_import_choose:
 * @parent: (nullable): the window the chooser and dialogs belong to
 * @done: (nullable): called after a routine is imported
 *
 * Lets the person choose a shared routine (`*.limber-routine`), then
 * imports it with limber_import_file().
 */
void
limber_import_choose (GtkWindow        *parent,
                      LimberCatalog    *catalog,
                      LimberImportDone  done,
                      gpointer          user_data)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  ChooseData *data;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (LIMBER_IS_CATALOG (catalog));

  chooser = gtk_file_chooser_native_new (_("Import Routine"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (filter, _("Shared routines"));
  gtk_file_filter_add_mime_type (filter, LIMBER_BUNDLE_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, LIMBER_BUNDLE_EXTENSION + 1);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), filter);

  data = g_new0 (ChooseData, 1);
  data->parent = parent ? g_object_ref (parent) : NULL;
  data->catalog = g_object_ref (catalog);
  data->done = done;
  data->user_data = user_data;
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
