/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The own-exercise form as a person fills it: each field says what is
 * wrong where it is typed and Save waits until all is well; a saved
 * exercise is in the catalog with every value; a picture is copied (0600)
 * and shown, a file that only claims to be one is refused and nothing is
 * stored; an own exercise is edited, and deleted while a routine uses it,
 * the routine playing on. */
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "limber-application.h"
#include "limber-exercise-editor.h"
#include "limber-illustration.h"
#include "test-utils.h"

static LimberApplication *app;
static GtkWindow *main_window;
static LimberCatalog *catalog;
static char *tmp_dir;
static char *saved_id;

#define LARGE_TEXT_DPI (96 * 1024 * 3 / 2)

static LimberExerciseEditor *
open_editor (LimberExercise *exercise)
{
  GtkWidget *editor = limber_exercise_editor_new (main_window, catalog, exercise);

  gtk_window_present (GTK_WINDOW (editor));
  gtk_test_widget_wait_for_draw (editor);
  return LIMBER_EXERCISE_EDITOR (editor);
}

static void
close_editor (LimberExerciseEditor *editor)
{
  gtk_window_destroy (GTK_WINDOW (editor));
  WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_EXERCISE_EDITOR) == NULL);
}

static gboolean
can_save (LimberExerciseEditor *editor)
{
  return gtk_widget_get_sensitive (limber_test_child (editor, "save_button"));
}

static void
set_text (LimberExerciseEditor *editor,
          const char           *child,
          const char           *text)
{
  gtk_editable_set_text (GTK_EDITABLE (limber_test_child (editor, child)), text);
}

static void
set_caution (LimberExerciseEditor *editor,
             const char           *text)
{
  GtkTextView *view = limber_test_child (editor, "caution_view");

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

/* The entry rows of the steps, in order. */
static GPtrArray *
step_rows (LimberExerciseEditor *editor)
{
  GPtrArray *rows = g_ptr_array_new ();
  GtkWidget *list = limber_test_child (editor, "steps_list");

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ENTRY_ROW (row))
      g_ptr_array_add (rows, row);
  return rows;
}

/* The visible message under @row in its boxed list. */
static const char *
message_under (GtkWidget *row)
{
  GtkWidget *next = gtk_widget_get_next_sibling (row);

  g_assert_nonnull (next);
  if (!gtk_widget_get_visible (next))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (next))));
}

/* The step's remove button, among the row's own children. */
static GtkWidget *
find_remove_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) &&
          g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (child)), "user-trash-symbolic") == 0)
        return child;
      if ((found = find_remove_button (child)) != NULL)
        return found;
    }
  return NULL;
}

static void
fill_minimum (LimberExerciseEditor *editor,
              const char           *name)
{
  g_autoptr(GPtrArray) rows = step_rows (editor);

  set_text (editor, "name_row", name);
  g_assert_cmpuint (rows->len, ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (rows->pdata[0]), "Sit tall and breathe out slowly.");
}

static guint
count_pictures (void)
{
  g_autoptr(GFile) dir = limber_catalog_get_pictures_dir (catalog);
  g_autofree char *path = g_file_get_path (dir);
  g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
  guint n = 0;

  if (d == NULL)
    return 0;
  while (g_dir_read_name (d))
    n++;
  return n;
}

static void
test_errors_shown (void)
{
  LimberExerciseEditor *editor = open_editor (NULL);
  GtkWidget *name_row = limber_test_child (editor, "name_row");
  GtkWidget *caution_view = limber_test_child (editor, "caution_view");
  GtkWidget *steps_error = limber_test_child (editor, "steps_error");
  g_autoptr(GPtrArray) rows = step_rows (editor);
  g_autoptr(GString) long_text = g_string_new (NULL);

  /* an untouched form is not covered in red, but cannot be saved */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "New Exercise");
  g_assert_false (gtk_widget_has_css_class (name_row, "error"));
  g_assert_false (can_save (editor));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (limber_test_child (editor, "save_button")), ==, "Give it a name");

  fill_minimum (editor, "Chin tuck");
  g_assert_true (can_save (editor));

  set_text (editor, "name_row", "   ");
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  g_assert_cmpstr (message_under (name_row), ==, "Give it a name");
  gtk_test_accessible_assert_property (name_row, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Give it a name");
  g_assert_false (can_save (editor));

  set_text (editor, "name_row", "Chin tuck");
  g_assert_false (gtk_widget_has_css_class (name_row, "error"));
  g_assert_true (can_save (editor));

  for (guint i = 0; i < LIMBER_CAUTION_MAX_CHARS + 1; i++)
    g_string_append_c (long_text, 'a');
  set_caution (editor, long_text->str);
  g_assert_true (gtk_widget_has_css_class (caution_view, "error"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (limber_test_child (editor, "caution_error"))), ==,
                   "Keep the caution to 500 characters");
  g_assert_false (can_save (editor));
  set_caution (editor, "Stop if it\nhurts.");
  g_assert_false (gtk_widget_has_css_class (caution_view, "error"));
  g_assert_cmpstr (limber_exercise_draft_get_caution (limber_exercise_editor_get_draft (editor)), ==,
                   "Stop if it hurts.");

  /* the only step removed */
  g_assert_cmpuint (rows->len, ==, 1);
  g_signal_emit_by_name (find_remove_button (rows->pdata[0]), "clicked");
  WAIT_FOR (gtk_widget_get_visible (steps_error));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = step_rows (editor);
  g_assert_cmpuint (rows->len, ==, 0);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (steps_error)), ==, "Write at least one step");
  g_assert_false (can_save (editor));

  /* an empty step says so */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-step", NULL);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = step_rows (editor);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_false (gtk_widget_get_visible (steps_error));
  gtk_editable_set_text (GTK_EDITABLE (rows->pdata[0]), "x");
  gtk_editable_set_text (GTK_EDITABLE (rows->pdata[0]), "");
  g_assert_cmpstr (message_under (rows->pdata[0]), ==, "Write the step, or remove it");
  g_assert_false (can_save (editor));

  /* saving now is refused and stores nothing */
  g_assert_false (limber_exercise_editor_save (editor));
  g_assert_null (limber_catalog_lookup_exercise (catalog, "my-chin-tuck"));

  set_text (editor, "name_row", "");
  set_caution (editor, long_text->str);
  gtk_window_set_default_size (GTK_WINDOW (editor), 360, 640);
  limber_test_screenshot (GTK_WIDGET (editor), "exercise-editor-errors.png");
  close_editor (editor);
}

static void
on_saved (LimberExerciseEditor *editor,
          LimberExercise       *exercise,
          LimberExercise      **out)
{
  *out = exercise;
}

static void
test_save_new (void)
{
  LimberExerciseEditor *editor = open_editor (NULL);
  LimberExercise *saved = NULL;
  LimberExercise *found;
  g_autoptr(GPtrArray) rows = NULL;
  const char * const *muscles;
  const char * const *instructions;
  g_autofree char *path = NULL;
  struct stat st;

  set_text (editor, "name_row", "Wall slide & <reach>");
  set_text (editor, "summary_row", "Opens the chest after a day at the desk.");
  adw_combo_row_set_selected (limber_test_child (editor, "kind_row"), 1);
  set_text (editor, "muscles_row", "Chest, Upper back ; Shoulders,");
  rows = step_rows (editor);
  gtk_editable_set_text (GTK_EDITABLE (rows->pdata[0]), "Stand with your back to a wall.");
  g_signal_emit_by_name (rows->pdata[0], "entry-activated");
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = step_rows (editor);
  g_assert_cmpuint (rows->len, ==, 2);
  gtk_editable_set_text (GTK_EDITABLE (rows->pdata[1]), "Slide your arms up and down slowly.");
  set_caution (editor, "Stop if your shoulder pinches.");
  adw_combo_row_set_selected (limber_test_child (editor, "timing_row"), 1);
  g_assert_false (gtk_widget_get_visible (limber_test_child (editor, "hold_row")));
  g_assert_true (gtk_widget_get_visible (limber_test_child (editor, "repetitions_row")));
  gtk_spin_button_set_value (limber_test_child (editor, "repetitions_spin"), 12);
  gtk_spin_button_set_value (limber_test_child (editor, "tempo_spin"), 3);
  gtk_spin_button_set_value (limber_test_child (editor, "sets_spin"), 2);
  gtk_spin_button_set_value (limber_test_child (editor, "set_rest_spin"), 15);
  gtk_switch_set_active (limber_test_child (editor, "each_side_switch"), TRUE);
  limber_exercise_editor_use_drawing (editor, "seated-hamstring");
  g_assert_true (can_save (editor));

  g_signal_connect (editor, "saved", G_CALLBACK (on_saved), &saved);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  WAIT_FOR (saved != NULL);
  WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_EXERCISE_EDITOR) == NULL);

  g_assert_cmpstr (limber_exercise_get_id (saved), ==, "my-wall-slide-reach");
  found = limber_catalog_lookup_exercise (catalog, limber_exercise_get_id (saved));
  g_assert_true (found == saved);
  g_assert_false (limber_exercise_is_bundled (found));
  g_assert_cmpstr (limber_exercise_get_name (found), ==, "Wall slide & <reach>");
  g_assert_cmpstr (limber_exercise_get_summary (found), ==, "Opens the chest after a day at the desk.");
  g_assert_cmpint (limber_exercise_get_kind (found), ==, LIMBER_EXERCISE_KIND_WARM_UP);
  muscles = limber_exercise_get_muscles (found);
  g_assert_cmpuint (g_strv_length ((char **) muscles), ==, 3);
  g_assert_cmpstr (muscles[0], ==, "Chest");
  g_assert_cmpstr (muscles[1], ==, "Upper back");
  g_assert_cmpstr (muscles[2], ==, "Shoulders");
  instructions = limber_exercise_get_instructions (found);
  g_assert_cmpuint (g_strv_length ((char **) instructions), ==, 2);
  g_assert_cmpstr (instructions[1], ==, "Slide your arms up and down slowly.");
  g_assert_cmpstr (limber_exercise_get_caution (found), ==, "Stop if your shoulder pinches.");
  g_assert_cmpuint (limber_exercise_get_repetitions (found), ==, 12);
  g_assert_cmpuint (limber_exercise_get_tempo (found), ==, 3);
  g_assert_cmpuint (limber_exercise_get_sets (found), ==, 2);
  g_assert_cmpuint (limber_exercise_get_set_rest (found), ==, 15);
  g_assert_true (limber_exercise_get_each_side (found));
  g_assert_cmpstr (limber_exercise_get_picture (found), ==, "bundled:seated-hamstring");
  g_assert_cmpint (limber_exercise_get_picture_source (found), ==, LIMBER_PICTURE_RESOURCE);

  path = g_build_filename (g_get_user_data_dir (), "limber", "exercises", "my-wall-slide-reach.exercise", NULL);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  saved_id = g_strdup (limber_exercise_get_id (found));
}

static char *
write_png (const char *name)
{
  char *path = g_build_filename (tmp_dir, name, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 160, 120);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.85, 0.9, 0.95);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.2, 0.45, 0.75);
  cairo_arc (cr, 80, 40, 18, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_rectangle (cr, 70, 58, 20, 50);
  cairo_fill (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return path;
}

/* Scrolls the form so that @child is at the top, or back to the top. */
static void
scroll_to (LimberExerciseEditor *editor,
           const char           *child)
{
  GtkScrolledWindow *scrolled = limber_test_child (editor, "scrolled_window");
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, 0, 0);

  gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
  if (child != NULL)
    g_assert_true (gtk_widget_compute_bounds (limber_test_child (editor, child),
                                              gtk_scrolled_window_get_child (scrolled), &bounds));
  gtk_adjustment_set_value (adjustment, bounds.origin.y - 12);
}

static void
take_screenshots (LimberExerciseEditor *editor,
                  const char           *name)
{
  GtkSettings *settings = gtk_settings_get_default ();
  AdwStyleManager *style = adw_style_manager_get_default ();
  int dpi;

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  for (guint scale = 0; scale < 2; scale++)
    for (guint dark = 0; dark < 2; dark++)
      for (guint size = 0; size < 2; size++)
        {
          int width = size ? 1280 : 360, height = size ? 800 : 640;
          g_autofree char *file = g_strdup_printf ("%s-%d%s%s.png", name, width,
                                                   scale ? "-large" : "", dark ? "-dark" : "");
          g_autofree char *picture_file = g_strdup_printf ("%s-picture-%d%s%s.png", name, width,
                                                           scale ? "-large" : "", dark ? "-dark" : "");
          GtkWidget *save = limber_test_child (editor, "save_button");
          GtkWidget *choose = limber_test_child (editor, "choose_row");
          graphene_rect_t bounds;

          g_object_set (settings, "gtk-xft-dpi", scale ? LARGE_TEXT_DPI : 96 * 1024, NULL);
          adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                          : ADW_COLOR_SCHEME_FORCE_LIGHT);
          gtk_window_set_default_size (GTK_WINDOW (editor), width, height);
          limber_test_screenshot (GTK_WIDGET (editor), file);
          scroll_to (editor, "picture_group");
          limber_test_screenshot (GTK_WIDGET (editor), picture_file);
          scroll_to (editor, NULL);

          /* nothing pushed off the side */
          g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (editor)), <=, width);
          g_assert_true (gtk_widget_compute_bounds (save, GTK_WIDGET (editor), &bounds));
          g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (GTK_WIDGET (editor)));
          g_assert_true (gtk_widget_compute_bounds (choose, GTK_WIDGET (editor), &bounds));
          g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (GTK_WIDGET (editor)));
        }
  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_picture (void)
{
  LimberExerciseEditor *editor = open_editor (NULL);
  g_autofree char *png = write_png ("photo.png");
  g_autoptr(GFile) file = g_file_new_for_path (png);
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autofree char *copy_path = NULL;
  LimberExerciseDraft *draft = limber_exercise_editor_get_draft (editor);
  LimberExercise *saved = NULL;
  GtkWidget *preview = limber_test_child (editor, "preview");
  struct stat st;
  guint before = count_pictures ();

  fill_minimum (editor, "Neck side bend, gentle");
  set_text (editor, "summary_row", "Eases a stiff neck after hours at a screen.");
  set_text (editor, "muscles_row", "Upper trapezius, Levator scapulae");
  set_caution (editor, "Move slowly; stop if you feel dizzy, numb or tingling.");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (limber_test_child (editor, "preview_stack")), ==, "none");

  limber_exercise_editor_import_picture (editor, file);
  g_assert_true (limber_exercise_editor_is_busy (editor));
  g_assert_false (can_save (editor));
  WAIT_FOR (!limber_exercise_editor_is_busy (editor));

  g_assert_nonnull (limber_exercise_draft_get_picture (draft));
  g_assert_true (g_str_has_suffix (limber_exercise_draft_get_picture (draft), ".png"));
  g_assert_false (limber_exercise_draft_get_mirror_picture (draft));
  g_assert_false (gtk_switch_get_active (limber_test_child (editor, "mirror_switch")));
  dir = limber_catalog_get_pictures_dir (catalog);
  copy = g_file_get_child (dir, limber_exercise_draft_get_picture (draft));
  copy_path = g_file_get_path (copy);
  g_assert_cmpint (g_stat (copy_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpuint (count_pictures (), ==, before + 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (limber_test_child (editor, "preview_stack")), ==, "picture");
  gtk_test_widget_wait_for_draw (preview);
  limber_test_settle ();
  g_assert_nonnull (limber_illustration_get_texture (LIMBER_ILLUSTRATION (preview)));
  g_assert_true (can_save (editor));

  take_screenshots (editor, "exercise-editor");

  /* a second picture replaces the first, whose copy goes with the form */
  limber_exercise_editor_import_picture (editor, file);
  WAIT_FOR (!limber_exercise_editor_is_busy (editor));
  g_assert_cmpuint (count_pictures (), ==, before + 2);

  g_signal_connect (editor, "saved", G_CALLBACK (on_saved), &saved);
  g_assert_true (limber_exercise_editor_save (editor));
  g_assert_nonnull (saved);
  WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_EXERCISE_EDITOR) == NULL);
  g_assert_cmpint (limber_exercise_get_picture_source (saved), ==, LIMBER_PICTURE_FILE);
  g_assert_false (g_file_test (copy_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (limber_exercise_get_picture_path (saved), G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_pictures (), ==, before + 1);
}

static void
refuse (const char *name,
        const char *contents,
        gsize       length,
        const char *expected)
{
  LimberExerciseEditor *editor = open_editor (NULL);
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *picture_row = limber_test_child (editor, "picture_row");
  const char *message;
  guint before = count_pictures ();

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  fill_minimum (editor, "Refused picture");
  limber_exercise_editor_import_picture (editor, file);
  WAIT_FOR (!limber_exercise_editor_is_busy (editor));

  g_assert_null (limber_exercise_draft_get_picture (limber_exercise_editor_get_draft (editor)));
  message = message_under (picture_row);
  g_assert_nonnull (message);
  g_test_message ("%s: %s", name, message);
  g_assert_nonnull (strstr (message, expected));
  g_assert_true (gtk_widget_has_css_class (picture_row, "error"));
  g_assert_cmpuint (count_pictures (), ==, before);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (limber_test_child (editor, "preview_stack")), ==, "none");
  /* the rest of the form is fine, and can still be saved without one */
  g_assert_true (can_save (editor));
  close_editor (editor);
}

/* The CRC of a PNG chunk (type and data), as the PNG format defines it. */
static guint32
png_crc (const guchar *bytes,
         gsize         length)
{
  guint32 crc = 0xffffffff;

  for (gsize i = 0; i < length; i++)
    {
      crc ^= bytes[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xedb88320 & -(crc & 1));
    }
  return crc ^ 0xffffffff;
}

/* A PNG of a few hundred bytes whose header says 30000 x 30000 pixels:
 * 3.6 GB once decoded. It is refused from its header alone. */
static void
test_pixel_bomb (void)
{
  g_autofree char *small = write_png ("bomb-source.png");
  g_autofree char *contents = NULL;
  gsize length;
  guchar *ihdr;
  guint32 crc;

  g_assert_true (g_file_get_contents (small, &contents, &length, NULL));
  /* signature (8), length (4), "IHDR" (4), width, height, ..., CRC */
  ihdr = (guchar *) contents + 12;
  g_assert_cmpmem (ihdr, 4, "IHDR", 4);
  for (int i = 0; i < 2; i++)
    {
      ihdr[4 + 4 * i] = 0;
      ihdr[5 + 4 * i] = 0;
      ihdr[6 + 4 * i] = 30000 >> 8;
      ihdr[7 + 4 * i] = 30000 & 0xff;
    }
  crc = png_crc (ihdr, 4 + 13);
  ihdr[17] = crc >> 24;
  ihdr[18] = (crc >> 16) & 0xff;
  ihdr[19] = (crc >> 8) & 0xff;
  ihdr[20] = crc & 0xff;
  refuse ("huge.png", contents, length, "30000 × 30000 pixels");
}

/* A photo as a phone takes it is kept at 1600 pixels on its longer side. */
static void
test_large_photo_scaled (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "phone-photo.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 4000, 3000);
  LimberExerciseEditor *editor = open_editor (NULL);
  g_autoptr(GFile) dir = limber_catalog_get_pictures_dir (catalog);
  g_autoptr(GFile) copy = NULL;
  g_autofree char *copy_path = NULL;
  const char *name;
  int width = 0, height = 0;

  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  fill_minimum (editor, "Photo from a phone");
  limber_exercise_editor_import_picture (editor, file);
  WAIT_FOR (!limber_exercise_editor_is_busy (editor));

  name = limber_exercise_draft_get_picture (limber_exercise_editor_get_draft (editor));
  g_assert_nonnull (name);
  copy = g_file_get_child (dir, name);
  copy_path = g_file_get_path (copy);
  g_assert_nonnull (gdk_pixbuf_get_file_info (copy_path, &width, &height));
  g_assert_cmpint (width, ==, 1600);
  g_assert_cmpint (height, ==, 1200);
  close_editor (editor);
}

static void
test_not_a_picture (void)
{
  static const char fake_png[] = "\x89PNG\r\n\x1a\nthis is not really a picture";

  refuse ("notes.png", "Just some text, not a picture.\n", strlen ("Just some text, not a picture.\n"),
          "is not a PNG, JPEG or SVG picture");
  refuse ("broken.png", fake_png, sizeof fake_png - 1, "could not be opened as a picture");
}

static void
test_edit (void)
{
  LimberExercise *exercise = limber_catalog_lookup_exercise (catalog, saved_id);
  LimberExerciseEditor *editor;
  LimberExercise *saved = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_nonnull (exercise);
  editor = open_editor (exercise);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Edit Exercise");
  g_assert_true (gtk_widget_get_visible (limber_test_child (editor, "delete_button")));
  g_assert_cmpstr (gtk_editable_get_text (limber_test_child (editor, "name_row")), ==, "Wall slide & <reach>");
  g_assert_cmpstr (gtk_editable_get_text (limber_test_child (editor, "muscles_row")), ==,
                   "Chest, Upper back, Shoulders");
  g_assert_cmpuint (adw_combo_row_get_selected (limber_test_child (editor, "timing_row")), ==, 1);
  rows = step_rows (editor);
  g_assert_cmpuint (rows->len, ==, 2);
  /* nothing touched: no errors, and it can be saved as it is */
  g_assert_true (can_save (editor));

  set_text (editor, "name_row", "Wall slide");
  adw_combo_row_set_selected (limber_test_child (editor, "timing_row"), 0);
  gtk_spin_button_set_value (limber_test_child (editor, "hold_spin"), 45);
  g_signal_connect (editor, "saved", G_CALLBACK (on_saved), &saved);
  g_assert_true (limber_exercise_editor_save (editor));
  WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_EXERCISE_EDITOR) == NULL);

  g_assert_cmpstr (limber_exercise_get_id (saved), ==, saved_id);
  exercise = limber_catalog_lookup_exercise (catalog, saved_id);
  g_assert_cmpstr (limber_exercise_get_name (exercise), ==, "Wall slide");
  g_assert_cmpuint (limber_exercise_get_hold (exercise), ==, 45);
  g_assert_cmpuint (limber_exercise_get_repetitions (exercise), ==, 0);
}

/* The advised hold range: off by default, each end checked beside its own
 * row (and in its description) against the other, Save waiting while they
 * do not fit; saved, shown again when the exercise is edited, and gone when
 * switched off. */
static void
test_hold_range (void)
{
  GtkSettings *settings = gtk_settings_get_default ();
  LimberExerciseEditor *editor = open_editor (NULL);
  AdwExpanderRow *range_row = limber_test_child (editor, "hold_range_row");
  GtkWidget *min_row = limber_test_child (editor, "hold_min_row");
  GtkWidget *max_row = limber_test_child (editor, "hold_max_row");
  GtkSpinButton *min_spin = limber_test_child (editor, "hold_min_spin");
  GtkSpinButton *max_spin = limber_test_child (editor, "hold_max_spin");
  LimberExercise *saved = NULL;
  LimberExercise *exercise;
  g_autofree char *id = NULL;
  guint min, max;
  int dpi;

  fill_minimum (editor, "Doorway hold");
  gtk_spin_button_set_value (limber_test_child (editor, "hold_spin"), 30);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (range_row)));
  g_assert_false (adw_expander_row_get_enable_expansion (range_row));
  limber_exercise_draft_get_hold_range (limber_exercise_editor_get_draft (editor), &min, &max);
  g_assert_cmpuint (min, ==, 0);
  g_assert_cmpuint (max, ==, 0);
  gtk_test_accessible_assert_property (min_spin, GTK_ACCESSIBLE_PROPERTY_LABEL, "Shortest advised hold, in seconds");
  gtk_test_accessible_assert_property (max_spin, GTK_ACCESSIBLE_PROPERTY_LABEL, "Longest advised hold, in seconds");
  g_assert_true (can_save (editor));

  adw_expander_row_set_enable_expansion (range_row, TRUE);
  adw_expander_row_set_expanded (range_row, TRUE);
  gtk_spin_button_set_value (min_spin, 20);
  gtk_spin_button_set_value (max_spin, 40);
  g_assert_null (message_under (min_row));
  g_assert_null (message_under (max_row));
  g_assert_true (can_save (editor));

  /* the shortest above the longest: said beside the shortest */
  gtk_spin_button_set_value (min_spin, 50);
  g_assert_cmpstr (message_under (min_row), ==, "The shortest hold can be 1 to 40 seconds, no longer than the longest");
  g_assert_true (gtk_widget_has_css_class (min_row, "error"));
  gtk_test_accessible_assert_property (min_row, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "The shortest hold can be 1 to 40 seconds, no longer than the longest");
  gtk_test_accessible_assert_property (min_spin, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "The shortest hold can be 1 to 40 seconds, no longer than the longest");
  g_assert_null (message_under (max_row));
  g_assert_false (can_save (editor));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (limber_test_child (editor, "save_button")), ==,
                   "Give the shortest hold first, between 1 and 600 seconds");
  g_assert_false (limber_exercise_editor_save (editor));

  /* the longest moved up: both fit, nothing is red */
  gtk_spin_button_set_value (max_spin, 60);
  g_assert_null (message_under (min_row));
  g_assert_false (gtk_widget_has_css_class (min_row, "error"));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (min_spin), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  g_assert_true (can_save (editor));

  /* the longest below the shortest: said beside the longest */
  gtk_spin_button_set_value (max_spin, 10);
  g_assert_cmpstr (message_under (max_row), ==, "The longest hold can be 50 to 600 seconds, no shorter than the shortest");
  g_assert_false (can_save (editor));
  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  for (int dark = 0; dark < 2; dark++)
    {
      g_autofree char *name = g_strdup_printf ("exercise-editor-hold-range-360-large-%s.png", dark ? "dark" : "light");
      GtkScrolledWindow *scrolled = limber_test_child (editor, "scrolled_window");
      GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (scrolled);
      graphene_point_t point;

      g_object_set (settings, "gtk-xft-dpi", LARGE_TEXT_DPI, NULL);
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      gtk_window_set_default_size (GTK_WINDOW (editor), 360, 640);
      limber_test_settle ();
      g_assert_true (gtk_widget_compute_point (GTK_WIDGET (range_row), gtk_scrolled_window_get_child (scrolled),
                                               &GRAPHENE_POINT_INIT (0, 0), &point));
      gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + point.y - 12);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
      /* the rows and their messages fit the phone's width */
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (editor)), <=, 360);
      limber_test_screenshot (GTK_WIDGET (editor), name);
    }
  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  gtk_spin_button_set_value (max_spin, 60);
  g_assert_null (message_under (max_row));
  g_signal_connect (editor, "saved", G_CALLBACK (on_saved), &saved);
  g_assert_true (limber_exercise_editor_save (editor));
  WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_EXERCISE_EDITOR) == NULL);
  id = g_strdup (limber_exercise_get_id (saved));
  exercise = limber_catalog_lookup_exercise (catalog, id);
  limber_exercise_get_hold_range (exercise, &min, &max);
  g_assert_cmpuint (min, ==, 50);
  g_assert_cmpuint (max, ==, 60);
  g_assert_cmpuint (limber_exercise_get_hold (exercise), ==, 30);

  /* edited again: the range is there, on; switched off, it is gone */
  editor = open_editor (exercise);
  range_row = limber_test_child (editor, "hold_range_row");
  g_assert_true (adw_expander_row_get_enable_expansion (range_row));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (limber_test_child (editor, "hold_min_spin")), ==, 50);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (limber_test_child (editor, "hold_max_spin")), ==, 60);
  g_assert_true (can_save (editor));
  adw_expander_row_set_enable_expansion (range_row, FALSE);
  g_assert_true (limber_exercise_editor_save (editor));
  WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_EXERCISE_EDITOR) == NULL);
  exercise = limber_catalog_lookup_exercise (catalog, id);
  limber_exercise_get_hold_range (exercise, &min, &max);
  g_assert_cmpuint (min, ==, 30);
  g_assert_cmpuint (max, ==, 30);

  /* counted repetitions have no hold, and no range */
  editor = open_editor (exercise);
  g_assert_false (adw_expander_row_get_enable_expansion (limber_test_child (editor, "hold_range_row")));
  adw_combo_row_set_selected (limber_test_child (editor, "timing_row"), 1);
  g_assert_false (gtk_widget_get_visible (limber_test_child (editor, "hold_range_row")));
  close_editor (editor);
}

static void
on_deleted (LimberExerciseEditor *editor,
            const char           *id,
            char                **out)
{
  *out = g_strdup (id);
}

static gboolean
in_model (GListModel *model,
          gpointer    item)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        return TRUE;
    }
  return FALSE;
}

static void
test_delete_used (void)
{
  LimberExercise *exercise = limber_catalog_lookup_exercise (catalog, saved_id);
  g_autoptr(LimberRoutineDraft) routine_draft = limber_routine_draft_new ();
  g_autoptr(LimberStepDraft) step = limber_step_draft_new_for_exercise (exercise);
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberCatalog) reloaded = NULL;
  g_autofree char *deleted = NULL;
  LimberRoutine *routine;
  LimberExerciseEditor *editor;
  AdwMessageDialog *dialog;
  g_autofree char *routine_id = NULL;

  limber_routine_draft_set_name (routine_draft, "Desk <reset>");
  limber_routine_draft_append_step (routine_draft, step);
  routine = limber_catalog_save_routine (catalog, routine_draft, &error);
  g_assert_no_error (error);
  routine_id = g_strdup (limber_routine_get_id (routine));

  editor = open_editor (exercise);
  g_signal_connect (editor, "deleted", G_CALLBACK (on_deleted), &deleted);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL);
  WAIT_FOR (limber_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  dialog = ADW_MESSAGE_DIALOG (limber_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete “Wall slide”?");
  g_test_message ("%s", adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“Desk <reset>”"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "keeps working"));
  g_assert_false (adw_message_dialog_get_heading_use_markup (dialog));
  g_assert_false (adw_message_dialog_get_body_use_markup (dialog));
  limber_test_screenshot (GTK_WIDGET (dialog), "exercise-editor-delete.png");

  /* as its button does: the response, then the dialog closes */
  adw_message_dialog_response (dialog, "delete");
  gtk_window_close (GTK_WINDOW (dialog));
  WAIT_FOR (deleted != NULL);
  WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_EXERCISE_EDITOR) == NULL);
  g_assert_cmpstr (deleted, ==, saved_id);

  /* out of the list, still in the routine */
  exercise = limber_catalog_lookup_exercise (catalog, saved_id);
  g_assert_nonnull (exercise);
  g_assert_true (limber_exercise_is_hidden (exercise));
  g_assert_false (in_model (limber_catalog_get_exercises (catalog), exercise));
  routine = limber_catalog_lookup_routine (catalog, routine_id);
  g_assert_nonnull (routine);
  g_assert_cmpstr (limber_exercise_get_id (limber_routine_get_step (routine, 0)->exercise), ==, saved_id);

  /* and it loads again from the files */
  reloaded = limber_catalog_new_default (&error);
  g_assert_no_error (error);
  g_assert_cmpuint (limber_catalog_get_problems (reloaded)->len, ==, 0);
  g_assert_nonnull (limber_catalog_lookup_routine (reloaded, routine_id));
}

static void
test_delete_unused (void)
{
  LimberExerciseEditor *editor = open_editor (NULL);
  LimberExercise *saved = NULL;
  g_autofree char *deleted = NULL;
  AdwMessageDialog *dialog;
  g_autofree char *id = NULL;

  g_assert_false (gtk_widget_get_visible (limber_test_child (editor, "delete_button")));
  fill_minimum (editor, "Short lived");
  g_signal_connect (editor, "saved", G_CALLBACK (on_saved), &saved);
  g_assert_true (limber_exercise_editor_save (editor));
  WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_EXERCISE_EDITOR) == NULL);
  id = g_strdup (limber_exercise_get_id (saved));

  editor = open_editor (saved);
  g_signal_connect (editor, "deleted", G_CALLBACK (on_deleted), &deleted);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL);
  WAIT_FOR (limber_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  dialog = ADW_MESSAGE_DIALOG (limber_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_null (strstr (adw_message_dialog_get_body (dialog), "routine"));
  /* as its button does: the response, then the dialog closes */
  adw_message_dialog_response (dialog, "delete");
  gtk_window_close (GTK_WINDOW (dialog));
  WAIT_FOR (deleted != NULL);
  WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_EXERCISE_EDITOR) == NULL);
  g_assert_null (limber_catalog_lookup_exercise (catalog, id));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  home = g_dir_make_tmp ("limber-exercise-editor-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  tmp_dir = g_dir_make_tmp ("limber-pictures-XXXXXX", &error);
  g_assert_no_error (error);

  gtk_test_init (&argc, &argv, NULL);

  app = limber_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  main_window = gtk_application_get_active_window (GTK_APPLICATION (app));
  catalog = limber_application_get_catalog (app);
  g_assert_nonnull (catalog);

  g_test_add_func ("/exercise-editor/errors-shown", test_errors_shown);
  g_test_add_func ("/exercise-editor/save-new", test_save_new);
  g_test_add_func ("/exercise-editor/picture", test_picture);
  g_test_add_func ("/exercise-editor/not-a-picture", test_not_a_picture);
  g_test_add_func ("/exercise-editor/pixel-bomb", test_pixel_bomb);
  g_test_add_func ("/exercise-editor/large-photo-scaled", test_large_photo_scaled);
  g_test_add_func ("/exercise-editor/edit", test_edit);
  g_test_add_func ("/exercise-editor/hold-range", test_hold_range);
  g_test_add_func ("/exercise-editor/delete-used", test_delete_used);
  g_test_add_func ("/exercise-editor/delete-unused", test_delete_unused);

  status = g_test_run ();

  gtk_window_destroy (main_window);
  g_object_unref (app);
  g_free (saved_id);
  return status;
}
