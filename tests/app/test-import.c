/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing a shared routine as a person does: the preview before anything
 * is written, Import, Keep Both and Replace when ids clash, Cancel, a bad
 * file, and a file opened from a file manager (GApplication's open). */
#include <glib/gstdio.h>

#include "limber-application.h"
#include "limber-import-dialog.h"
#include "limber-window.h"
#include "test-utils.h"

#define LONG_NAME "Knee plan <b>&amp;</b> after the operation, with a name long enough to wrap"

static LimberApplication *app;
static GtkWindow *window;
static char *home;
static char *data_path;
static char *good_path;
static char *revised_path;
static LimberRoutine *imported;

static void
on_done (LimberRoutine *routine,
         gpointer       user_data)
{
  g_assert_true (user_data == &imported);
  imported = routine;
}

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
}

/* A shared routine written by Limber itself, from a data folder of its
 * own: two own exercises (a photo, a bundled drawing) and one without a
 * picture, as someone else's Limber would have them. */
static char *
make_bundle (const char *name,
             const char *routine_name)
{
  g_autofree char *source = g_build_filename (home, name, NULL);
  g_autofree char *exercises = g_build_filename (source, "exercises", NULL);
  g_autofree char *routines = g_build_filename (source, "routines", NULL);
  g_autofree char *pictures = g_build_filename (source, "pictures", NULL);
  g_autofree char *photo = g_build_filename (pictures, "photo.png", NULL);
  g_autofree char *routine = NULL;
  g_autofree char *out = g_strconcat (source, ".limber-routine", NULL);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 120, 90);
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  g_autoptr(GFile) dir = g_file_new_for_path (source);
  g_autoptr(GFile) dest = g_file_new_for_path (out);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (pictures, 0700), ==, 0);
  gdk_pixbuf_fill (pixbuf, 0x3584e4ff);
  g_assert_true (gdk_pixbuf_save (pixbuf, photo, "png", &error, NULL));
  write_file (exercises, "my-knee-extension.exercise",
              "[Exercise]\nId=my-knee-extension\n"
              "Name=Seated knee extension, the leg held straight for as long as is comfortable\n"
              "Kind=stretch\nHold=20\nInstruction1=Sit tall and straighten one knee.\nPicture=photo.png\n");
  write_file (exercises, "my-wall-slide.exercise",
              "[Exercise]\nId=my-wall-slide\nName=Wall slide\nKind=warm-up\nRepetitions=8\nTempo=3\n"
              "Instruction1=Lean on a wall and bend the knees a little.\nPicture=bundled:standing-calf\n");
  write_file (exercises, "my-ankle-pumps.exercise",
              "[Exercise]\nId=my-ankle-pumps\nName=Ankle pumps\nKind=warm-up\nRepetitions=15\nTempo=2\n"
              "Instruction1=Point and flex the foot.\n");
  routine = g_strdup_printf ("[Routine]\nId=my-knee-plan\nName=%s\n"
                             "Summary=Three gentle moves twice a day, as the physiotherapist showed; stop if it hurts.\n"
                             "[Step 1]\nExercise=my-knee-extension\nSides=left\nRest=10\n"
                             "[Step 2]\nExercise=seated-hamstring\n"
                             "[Step 3]\nExercise=my-wall-slide\n"
                             "[Step 4]\nExercise=my-ankle-pumps\n", routine_name);
  write_file (routines, "my-knee-plan.routine", routine);

  g_assert_true (limber_catalog_load_bundled (catalog, NULL));
  limber_catalog_load_user_data (catalog, dir);
  for (guint i = 0; i < limber_catalog_get_problems (catalog)->len; i++)
    g_test_message ("%s", ((GError *) g_ptr_array_index (limber_catalog_get_problems (catalog), i))->message);
  g_assert_cmpuint (limber_catalog_get_problems (catalog)->len, ==, 0);
  g_assert_true (limber_bundle_write (catalog, "my-knee-plan", dest, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&out);
}

/* Every file under the data folder with its size and time, to see that
 * nothing was written. */
static void
list_tree (const char *path,
           GString    *out)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      GStatBuf st;

      g_assert_cmpint (g_stat (child, &st), ==, 0);
      g_string_append_printf (out, "%s %ld %ld\n", child, (long) st.st_size, (long) st.st_mtime);
      if (S_ISDIR (st.st_mode))
        list_tree (child, out);
    }
}

static char *
data_folder_state (void)
{
  GString *out = g_string_new (NULL);
  g_autofree char *routines = g_build_filename (data_path, "routines", NULL);
  g_autofree char *exercises = g_build_filename (data_path, "exercises", NULL);
  g_autofree char *pictures = g_build_filename (data_path, "pictures", NULL);

  /* the journal is not the import's business */
  list_tree (routines, out);
  list_tree (exercises, out);
  list_tree (pictures, out);
  return g_string_free (out, FALSE);
}

static LimberImportDialog *
open_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LimberImportDialog *dialog;

  imported = NULL;
  limber_import_file (window, limber_application_get_catalog (app), file, on_done, &imported);
  WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_IMPORT_DIALOG) != NULL);
  dialog = LIMBER_IMPORT_DIALOG (limber_test_find_toplevel (LIMBER_TYPE_IMPORT_DIALOG));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == window);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  return dialog;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* as a click does */
static void
click (LimberImportDialog *dialog,
       const char         *label)
{
  GtkWidget *button = find_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  gtk_widget_activate (button);
  WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_IMPORT_DIALOG) == NULL);
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n))
    n++;
  return n;
}

static void
resize (int width,
        int height)
{
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  gtk_window_set_default_size (window, width, height);
  gtk_window_present (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  limber_test_settle ();
}

/* The dialog at a desktop's and a phone's size, light and dark, and with
 * text at 1.5× on the phone: long names wrap, nothing is wider than the
 * window. */
static void
screenshots (const char *path,
             const char *name)
{
  static const struct { int width, height; gboolean dark, large; const char *suffix; } looks[] = {
    { 1280, 800, FALSE, FALSE, "" },
    { 1280, 800, TRUE, FALSE, "-dark" },
    { 360, 640, FALSE, FALSE, "-narrow" },
    { 360, 640, TRUE, FALSE, "-narrow-dark" },
    { 360, 640, FALSE, TRUE, "-narrow-large-text" },
  };
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkSettings *settings = gtk_settings_get_default ();

  for (guint i = 0; i < G_N_ELEMENTS (looks); i++)
    {
      g_autofree char *png = g_strdup_printf ("%s%s.png", name, looks[i].suffix);
      LimberImportDialog *dialog;

      resize (looks[i].width, looks[i].height);
      adw_style_manager_set_color_scheme (style, looks[i].dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_DEFAULT);
      g_object_set (settings, "gtk-xft-dpi", looks[i].large ? 96 * 1024 * 3 / 2 : 96 * 1024, NULL);
      dialog = open_file (path);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
      limber_test_screenshot (GTK_WIDGET (dialog), png);
      /* long names wrap rather than widen the dialog past the window */
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (dialog)), <=, looks[i].width);
      gtk_window_close (GTK_WINDOW (dialog));
      WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_IMPORT_DIALOG) == NULL);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  g_object_set (settings, "gtk-xft-dpi", 96 * 1024, NULL);
  resize (900, 700);
}

static void
test_preview_and_import (void)
{
  LimberCatalog *catalog = limber_application_get_catalog (app);
  g_autofree char *before = data_folder_state ();
  g_autofree char *during = NULL;
  g_autofree char *duration = NULL;
  g_autofree char *routine_file = g_build_filename (data_path, "routines", "my-knee-plan.routine", NULL);
  LimberImportDialog *dialog = open_file (good_path);
  LimberBundle *bundle = limber_import_dialog_get_bundle (dialog);
  GtkListBox *exercises = limber_test_child (dialog, "exercise_list");
  AdwMessageDialog *message = ADW_MESSAGE_DIALOG (dialog);
  AdwActionRow *routine_row;

  /* the preview: name (as plain text), summary, steps, time, exercises */
  g_assert_false (adw_message_dialog_get_heading_use_markup (message));
  g_assert_false (adw_message_dialog_get_body_use_markup (message));
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "Import Routine?");
  routine_row = limber_test_child (dialog, "routine_row");
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (routine_row)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (routine_row)), ==, LONG_NAME);
  g_assert_cmpstr (adw_action_row_get_subtitle (routine_row), ==, limber_bundle_get_summary (bundle));
  g_assert_cmpstr (gtk_label_get_text (limber_test_child (dialog, "steps_label")), ==, "4");
  duration = limber_format_duration (limber_bundle_get_duration (bundle));
  g_assert_cmpstr (gtk_label_get_text (limber_test_child (dialog, "time_label")), ==, duration);
  g_assert_cmpuint (count_rows (exercises), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      AdwPreferencesRow *row = ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (exercises, i));

      g_assert_false (adw_preferences_row_get_use_markup (row));
    }
  g_assert_false (gtk_widget_get_visible (limber_test_child (dialog, "clash_box")));
  g_assert_false (limber_import_dialog_has_clashes (dialog));

  /* Enter imports, Escape cancels */
  g_assert_cmpstr (adw_message_dialog_get_default_response (message), ==, "import");
  g_assert_cmpstr (adw_message_dialog_get_close_response (message), ==, "cancel");
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (dialog)) == find_button (GTK_WIDGET (dialog), "_Import"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (message, "import"), ==, ADW_RESPONSE_SUGGESTED);

  /* nothing is written before the answer */
  during = data_folder_state ();
  g_assert_cmpstr (during, ==, before);
  g_assert_null (limber_catalog_lookup_routine (catalog, "my-knee-plan"));

  click (dialog, "_Import");
  WAIT_FOR (imported != NULL);
  g_assert_cmpstr (limber_routine_get_id (imported), ==, "my-knee-plan");
  g_assert_true (limber_catalog_lookup_routine (catalog, "my-knee-plan") == imported);
  g_assert_cmpstr (limber_routine_get_name (imported), ==, LONG_NAME);
  g_assert_cmpuint (limber_routine_get_n_steps (imported), ==, 4);
  g_assert_nonnull (limber_catalog_lookup_exercise (catalog, "my-knee-extension"));
  g_assert_nonnull (limber_catalog_lookup_exercise (catalog, "my-wall-slide"));
  g_assert_true (g_file_test (routine_file, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (limber_exercise_get_picture_source (limber_catalog_lookup_exercise (catalog, "my-knee-extension")),
                   ==, LIMBER_PICTURE_FILE);
  g_assert_true (g_file_test (limber_exercise_get_picture_path (limber_catalog_lookup_exercise (catalog, "my-knee-extension")),
                              G_FILE_TEST_IS_REGULAR));
}

static void
test_preview_screenshots (void)
{
  LimberCatalog *catalog = limber_application_get_catalog (app);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* with nothing of the same id (this runs first) */
  g_assert_null (limber_catalog_lookup_routine (catalog, "my-knee-plan"));
  before = data_folder_state ();
  screenshots (good_path, "import-preview");
  after = data_folder_state ();
  g_assert_cmpstr (after, ==, before);
}

static void
test_clash_keep_both (void)
{
  LimberCatalog *catalog = limber_application_get_catalog (app);
  guint n_routines = g_list_model_get_n_items (limber_catalog_get_routines (catalog));
  LimberImportDialog *dialog;
  AdwMessageDialog *message;
  GtkListBox *clashes;
  AdwActionRow *row;

  g_assert_nonnull (limber_catalog_lookup_routine (catalog, "my-knee-plan"));
  screenshots (good_path, "import-clash");

  dialog = open_file (good_path);
  message = ADW_MESSAGE_DIALOG (dialog);
  g_assert_true (limber_import_dialog_has_clashes (dialog));
  g_assert_true (gtk_widget_get_visible (limber_test_child (dialog, "clash_box")));
  clashes = limber_test_child (dialog, "clash_list");
  /* the routine and the three own exercises it brings */
  g_assert_cmpuint (count_rows (clashes), ==, 4);
  row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (clashes, 0));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, LONG_NAME);
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "Your routine");

  /* Enter keeps both: it never overwrites */
  g_assert_cmpstr (adw_message_dialog_get_default_response (message), ==, "keep-both");
  g_assert_cmpstr (adw_message_dialog_get_close_response (message), ==, "cancel");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (message, "replace"), ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_null (find_button (GTK_WIDGET (dialog), "_Import"));

  click (dialog, "_Keep Both");
  WAIT_FOR (imported != NULL);
  g_assert_cmpstr (limber_routine_get_id (imported), !=, "my-knee-plan");
  g_assert_nonnull (limber_catalog_lookup_routine (catalog, "my-knee-plan"));
  g_assert_cmpuint (g_list_model_get_n_items (limber_catalog_get_routines (catalog)), ==, n_routines + 1);
}

static void
test_clash_replace (void)
{
  LimberCatalog *catalog = limber_application_get_catalog (app);
  guint n_routines = g_list_model_get_n_items (limber_catalog_get_routines (catalog));
  LimberImportDialog *dialog = open_file (revised_path);

  g_assert_true (limber_import_dialog_has_clashes (dialog));
  click (dialog, "_Replace");
  WAIT_FOR (imported != NULL);
  g_assert_cmpstr (limber_routine_get_id (imported), ==, "my-knee-plan");
  g_assert_cmpstr (limber_routine_get_name (limber_catalog_lookup_routine (catalog, "my-knee-plan")), ==, "Knee plan, revised");
  g_assert_cmpuint (g_list_model_get_n_items (limber_catalog_get_routines (catalog)), ==, n_routines);
}

static void
test_cancel (void)
{
  g_autofree char *before = data_folder_state ();
  g_autofree char *after = NULL;
  LimberImportDialog *dialog = open_file (revised_path);

  click (dialog, "_Cancel");
  g_assert_null (imported);

  /* Escape */
  dialog = open_file (good_path);
  gtk_window_close (GTK_WINDOW (dialog));
  WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_IMPORT_DIALOG) == NULL);
  limber_test_settle ();
  g_assert_null (imported);

  after = data_folder_state ();
  g_assert_cmpstr (after, ==, before);
}

static void
expect_error (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *before = data_folder_state ();
  g_autofree char *after = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  AdwMessageDialog *error_dialog;
  GtkWindow *found;

  imported = NULL;
  limber_import_file (window, limber_application_get_catalog (app), file, on_done, &imported);
  WAIT_FOR ((found = limber_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  g_assert_false (LIMBER_IS_IMPORT_DIALOG (found));
  error_dialog = ADW_MESSAGE_DIALOG (found);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (error_dialog)), ==, "limber-import-error");
  g_assert_false (adw_message_dialog_get_body_use_markup (error_dialog));
  /* the catalog's message, naming the file */
  g_test_message ("%s", adw_message_dialog_get_body (error_dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (error_dialog), basename));
  g_assert_cmpstr (adw_message_dialog_get_close_response (error_dialog), ==, "close");
  limber_test_screenshot (GTK_WIDGET (error_dialog), NULL);
  gtk_window_close (GTK_WINDOW (error_dialog));
  WAIT_FOR (limber_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);

  g_assert_null (imported);
  after = data_folder_state ();
  g_assert_cmpstr (after, ==, before);
}

static void
test_bad_file (void)
{
  g_autofree char *invalid = g_build_filename (home, "invalid.limber-routine", NULL);
  g_autofree char *truncated = g_build_filename (home, "truncated.limber-routine", NULL);
  g_autofree char *markup = g_build_filename (home, "markup <b>.limber-routine", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_set_contents (invalid, "[Limber Routine Bundle]\nVersion=1\n[Routine]\nId=my-x\nName=Bad \xff\xfe name\n"
                                      "[Step 1]\nExercise=standing-calf\n", -1, NULL));
  expect_error (invalid);

  /* cut in the middle of the picture's data */
  g_assert_true (g_file_get_contents (good_path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (truncated, contents, length / 2, NULL));
  expect_error (truncated);

  /* a routine using an exercise nobody has, in a file named like markup */
  g_assert_true (g_file_set_contents (markup, "[Limber Routine Bundle]\nVersion=1\n[Routine]\nId=my-x\nName=<i>X</i>\n"
                                      "[Step 1]\nExercise=cartwheel\n", -1, NULL));
  expect_error (markup);
}

static void
test_open_from_file_manager (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (good_path);
  LimberImportDialog *dialog;

  g_application_open (G_APPLICATION (app), &file, 1, "");
  WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_IMPORT_DIALOG) != NULL);
  dialog = LIMBER_IMPORT_DIALOG (limber_test_find_toplevel (LIMBER_TYPE_IMPORT_DIALOG));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == window);
  g_assert_cmpstr (adw_preferences_row_get_title (limber_test_child (dialog, "routine_row")), ==, LONG_NAME);
  click (dialog, "_Cancel");
}

/* `limber FILE`, as a file manager runs it while Limber is open: this
 * test's application owns the bus name, so the new process hands the file
 * over and exits. */
static void
test_open_from_command_line (void)
{
  const char *argv[] = { g_getenv ("LIMBER_BIN"), good_path, NULL };
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  LimberImportDialog *dialog;

  g_assert_nonnull (argv[0]);
  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_IMPORT_DIALOG) != NULL);
  dialog = LIMBER_IMPORT_DIALOG (limber_test_find_toplevel (LIMBER_TYPE_IMPORT_DIALOG));
  g_assert_cmpstr (adw_preferences_row_get_title (limber_test_child (dialog, "routine_row")), ==, LONG_NAME);
  WAIT_FOR (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  click (dialog, "_Cancel");
}

static gboolean
chosen_is (GtkWindow *chooser,
           GFile     *file)
{
  g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  return chosen != NULL && g_file_equal (chosen, file);
}

/* What the window's "Import Routine…" does: a chooser showing shared
 * routines, then the same preview. */
static void
test_choose (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (good_path);
  GtkWindow *chooser;
  GtkFileFilter *filter;
  LimberImportDialog *dialog;

  imported = NULL;
  limber_import_choose (window, limber_application_get_catalog (app), on_done, &imported);
  WAIT_FOR ((chooser = limber_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG)) != NULL);
  g_assert_true (gtk_window_get_transient_for (chooser) == window);
  filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
  g_assert_nonnull (filter);
  g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, "Shared routines");
  g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL));
  /* selected once the folder is read */
  WAIT_FOR (chosen_is (chooser, file));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_IMPORT_DIALOG) != NULL);
  dialog = LIMBER_IMPORT_DIALOG (limber_test_find_toplevel (LIMBER_TYPE_IMPORT_DIALOG));
  g_assert_cmpstr (adw_preferences_row_get_title (limber_test_child (dialog, "routine_row")), ==, LONG_NAME);
  click (dialog, "_Cancel");
  g_assert_null (limber_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  g_assert_null (imported);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  home = g_dir_make_tmp ("limber-import-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  data_path = g_build_filename (home, "limber", NULL);

  gtk_test_init (&argc, &argv, NULL);

  good_path = make_bundle ("shared", LONG_NAME);
  revised_path = make_bundle ("revised", "Knee plan, revised");

  app = limber_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (LIMBER_IS_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_test_add_func ("/import/preview-screenshots", test_preview_screenshots);
  g_test_add_func ("/import/preview-and-import", test_preview_and_import);
  g_test_add_func ("/import/clash-keep-both", test_clash_keep_both);
  g_test_add_func ("/import/clash-replace", test_clash_replace);
  g_test_add_func ("/import/cancel", test_cancel);
  g_test_add_func ("/import/bad-file", test_bad_file);
  g_test_add_func ("/import/open-from-file-manager", test_open_from_file_manager);
  g_test_add_func ("/import/open-from-command-line", test_open_from_command_line);
  g_test_add_func ("/import/choose", test_choose);

  status = g_test_run ();

  gtk_window_destroy (window);
  g_object_unref (app);
  return status;
}
