/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-exercise-editor"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "limber-exercise-editor-private.h"

/* The exercise form's picture: a copy of the person's own file, made and
 * test-decoded on a worker thread, one of the bundled drawings, or none. */

void
_limber_exercise_editor_show_picture (LimberExerciseEditor *self)
{
  const char *picture = limber_exercise_draft_get_picture (self->draft);
  g_autofree char *subtitle = NULL;
  gboolean has_picture = FALSE;

  if (picture != NULL && g_str_has_prefix (picture, "bundled:"))
    {
      LimberExercise *other = limber_catalog_lookup_exercise (self->catalog, picture + strlen ("bundled:"));

      if (other != NULL && limber_exercise_get_illustration_path (other) != NULL)
        {
          limber_illustration_set_resource (self->preview, limber_exercise_get_illustration_path (other));
          /* Translators: the picture of an exercise is the drawing of a bundled one */
          subtitle = g_strdup_printf (_("The drawing of “%s”"), limber_exercise_get_name (other));
          has_picture = TRUE;
        }
    }
  else if (picture != NULL)
    {
      g_autoptr(GFile) dir = limber_catalog_get_pictures_dir (self->catalog);
      g_autoptr(GFile) file = g_file_get_child (dir, picture);

      limber_illustration_set_file (self->preview, file);
      subtitle = g_strdup (_("Your own picture"));
      has_picture = TRUE;
    }

  if (!has_picture)
    subtitle = g_strdup (_("None: a plain placeholder is shown"));

  gtk_stack_set_visible_child_name (self->preview_stack, has_picture ? "picture" : "none");
  adw_action_row_set_subtitle (self->picture_row, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview), GTK_ACCESSIBLE_PROPERTY_LABEL, subtitle, -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.no-picture", has_picture && !self->busy);
  gtk_widget_set_sensitive (self->mirror_row, has_picture);
}

static void
set_picture (LimberExerciseEditor *self,
             const char           *picture,
             gboolean              mirror)
{
  g_clear_pointer (&self->picture_error, g_free);
  limber_exercise_draft_set_picture (self->draft, picture);
  self->loading = TRUE;
  gtk_switch_set_active (self->mirror_switch, mirror);
  self->loading = FALSE;
  _limber_exercise_editor_show_picture (self);
  _limber_exercise_editor_changed (self);
}

void
_limber_exercise_editor_set_busy (LimberExerciseEditor *self,
          gboolean              busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->picture_spinner), busy);
  gtk_spinner_set_spinning (self->picture_spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.choose-picture", !busy);
  gtk_widget_set_sensitive (self->drawing_row, !busy);
  _limber_exercise_editor_show_picture (self);
  _limber_exercise_editor_changed (self);
}

/* A copy of a picture only this form knows about. */
void
_limber_exercise_editor_forget_picture (LimberExerciseEditor *self,
                const char           *name)
{
  g_autoptr(GFile) dir = limber_catalog_get_pictures_dir (self->catalog);
  g_autoptr(GFile) file = g_file_get_child (dir, name);
  g_autoptr(GError) error = NULL;

  if (!g_file_delete (file, NULL, &error))
    g_debug ("Could not remove the unused picture %s: %s", name, error->message);
}

typedef struct
{
  GFile *source;
  GFile *pictures_dir;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->source);
  g_clear_object (&data->pictures_dir);
  g_free (data);
}

/* A photo straight from a phone is 12 to 50 million pixels; shown at most
 * a few hundred pixels wide, it is kept at most PICTURE_KEPT_SIDE pixels on
 * its longer side, so that it is quick to draw and small to share (the
 * catalog refuses more than LIMBER_PICTURE_MAX_SIDE). Pictures beyond
 * PICTURE_MAX_PIXELS are refused before they are decoded: a small file can
 * hold a picture that would take gigabytes. SVGs are drawings and are kept
 * as they are. Returns @source itself when it needs no scaling, else a
 * temporary file the caller deletes. */
#define PICTURE_KEPT_SIDE  1600
#define PICTURE_MAX_PIXELS (60 * 1000 * 1000)

static GFile *
scale_down (GFile   *source,
            GError **error)
{
  g_autofree char *path = g_file_get_path (source);
  g_autofree char *display = g_file_get_basename (source);
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *tmp_path = NULL;
  GdkPixbufFormat *format;
  const char *type;
  int width = 0, height = 0;
  int fd;

  if (path == NULL)
    return g_object_ref (source);   /* the catalog checks it as it is */
  format = gdk_pixbuf_get_file_info (path, &width, &height);
  if (format == NULL)
    return g_object_ref (source);   /* not a picture: the catalog says so */
  format_name = gdk_pixbuf_format_get_name (format);
  if (g_strcmp0 (format_name, "png") != 0 && g_strcmp0 (format_name, "jpeg") != 0)
    return g_object_ref (source);
  if (width <= 0 || height <= 0 || (gint64) width * height > PICTURE_MAX_PIXELS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* Translators: %s is a file name, then its size in pixels */
                   _("“%s” is too large a picture (%d × %d pixels). Try a smaller copy of it."),
                   display, width, height);
      return NULL;
    }
  if (MAX (width, height) <= PICTURE_KEPT_SIDE)
    return g_object_ref (source);

  pixbuf = gdk_pixbuf_new_from_file_at_scale (path, PICTURE_KEPT_SIDE, PICTURE_KEPT_SIDE, TRUE, error);
  if (pixbuf == NULL)
    return NULL;
  type = g_str_equal (format_name, "jpeg") ? "jpeg" : "png";
  fd = g_file_open_tmp (g_str_equal (type, "jpeg") ? "limber-picture-XXXXXX.jpg" : "limber-picture-XXXXXX.png",
                        &tmp_path, error);
  if (fd < 0)
    return NULL;
  close (fd);
  if (g_str_equal (type, "jpeg")
      ? !gdk_pixbuf_save (pixbuf, tmp_path, type, error, "quality", "90", NULL)
      : !gdk_pixbuf_save (pixbuf, tmp_path, type, error, NULL))
    {
      g_unlink (tmp_path);
      return NULL;
    }
  return g_file_new_for_path (tmp_path);
}

/* The copy is checked by content in the catalog; GTK must also be able to
 * draw it, or the person would save an exercise with a blank picture. */
static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  LimberExerciseEditor *self = source_object;
  ImportData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GFile) scaled = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  scaled = scale_down (data->source, &error);
  if (scaled == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  name = limber_catalog_import_picture (self->catalog, scaled, &error);
  /* the scaled copy was only a step on the way */
  if (scaled != data->source)
    g_file_delete (scaled, NULL, NULL);
  if (name == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  copy = g_file_get_child (data->pictures_dir, name);
  texture = gdk_texture_new_from_file (copy, &error);
  if (texture == NULL)
    {
      g_autofree char *display = g_file_get_basename (data->source);

      g_debug ("Could not decode %s: %s", display, error->message);
      g_file_delete (copy, NULL, NULL);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("“%s” could not be opened as a picture; it may be damaged. "
                                 "Try another file, or save it again as PNG or JPEG."),
                               display);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&name), g_free);
}

static void
import_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  LimberExerciseEditor *self = LIMBER_EXERCISE_EDITOR (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_task_propagate_pointer (G_TASK (result), &error);

  if (name != NULL && self->closed)
    {
      _limber_exercise_editor_forget_picture (self, name);
      return;
    }
  if (self->closed)
    return;

  if (name == NULL)
    {
      self->fields[FIELD_PICTURE].touched = TRUE;
      g_free (self->picture_error);
      self->picture_error = g_strdup (error->message);
      _limber_exercise_editor_set_busy (self, FALSE);
      return;
    }

  g_ptr_array_add (self->imported, g_strdup (name));
  /* a photo is not flipped unless asked */
  set_picture (self, name, FALSE);
  _limber_exercise_editor_set_busy (self, FALSE);
}

/**
 * limber_exercise_editor_import_picture:
 * @file: a picture the person chose
 *
 * Copies @file into the pictures folder in the background and shows it,
 * or says under the picture why it cannot be used. While it runs the form
 * is busy (limber_exercise_editor_is_busy()) and cannot be saved.
 */
void
limber_exercise_editor_import_picture (LimberExerciseEditor *self,
                                       GFile                *file)
{
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  g_return_if_fail (LIMBER_IS_EXERCISE_EDITOR (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!self->busy);

  data = g_new0 (ImportData, 1);
  data->source = g_object_ref (file);
  data->pictures_dir = limber_catalog_get_pictures_dir (self->catalog);

  g_clear_pointer (&self->picture_error, g_free);
  _limber_exercise_editor_set_busy (self, TRUE);
  task = g_task_new (self, NULL, import_done, NULL);
  g_task_set_source_tag (task, limber_exercise_editor_import_picture);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  g_task_run_in_thread (task, import_thread);
}

gboolean
limber_exercise_editor_is_busy (LimberExerciseEditor *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE_EDITOR (self), FALSE);
  return self->busy;
}

static void
chooser_response (GtkNativeDialog      *chooser,
                  int                   response,
                  LimberExerciseEditor *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        limber_exercise_editor_import_picture (self, file);
    }
  g_clear_object (&self->chooser);
}

void
_limber_exercise_editor_choose_picture (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  LimberExerciseEditor *self = LIMBER_EXERCISE_EDITOR (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL || self->busy)
    return;

  gtk_file_filter_set_name (filter, _("Pictures (PNG, JPEG, SVG)"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/svg+xml");

  self->chooser = gtk_file_chooser_native_new (_("Choose Image"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/**
 * limber_exercise_editor_use_drawing:
 * @exercise_id: a bundled exercise, whose drawing the exercise shows
 */
void
limber_exercise_editor_use_drawing (LimberExerciseEditor *self,
                                    const char           *exercise_id)
{
  g_autofree char *picture = NULL;

  g_return_if_fail (LIMBER_IS_EXERCISE_EDITOR (self));
  g_return_if_fail (exercise_id != NULL);

  picture = g_strconcat ("bundled:", exercise_id, NULL);
  /* the drawings are made to be mirrored */
  set_picture (self, picture, TRUE);
}

void
_limber_exercise_editor_drawing_activated (GtkListBox           *list,
                   GtkListBoxRow        *row,
                   LimberExerciseEditor *self)
{
  gtk_menu_button_popdown (self->drawing_button);
  limber_exercise_editor_use_drawing (self, g_object_get_data (G_OBJECT (row), "exercise-id"));
}

void
_limber_exercise_editor_fill_drawings (LimberExerciseEditor *self)
{
  GListModel *exercises = limber_catalog_get_exercises (self->catalog);

  for (guint i = 0; i < g_list_model_get_n_items (exercises); i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (exercises, i);
      GtkWidget *row, *box, *thumbnail, *label;

      if (!limber_exercise_is_bundled (exercise) || limber_exercise_get_illustration_path (exercise) == NULL)
        continue;

      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      thumbnail = limber_illustration_new ();
      gtk_widget_set_size_request (thumbnail, 48, 36);
      gtk_widget_add_css_class (thumbnail, "limber-thumbnail");
      limber_illustration_set_resource (LIMBER_ILLUSTRATION (thumbnail),
                                        limber_exercise_get_illustration_path (exercise));
      gtk_accessible_update_state (GTK_ACCESSIBLE (thumbnail), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      label = gtk_label_new (limber_exercise_get_name (exercise));
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (box), thumbnail);
      gtk_box_append (GTK_BOX (box), label);

      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      limber_exercise_get_name (exercise), -1);
      g_object_set_data_full (G_OBJECT (row), "exercise-id",
                              g_strdup (limber_exercise_get_id (exercise)), g_free);
      gtk_list_box_append (self->drawings_list, row);
    }
}

void
_limber_exercise_editor_no_picture (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  set_picture (LIMBER_EXERCISE_EDITOR (widget), NULL, FALSE);
}

