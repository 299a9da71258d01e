/* SPDX-License-Identifier: GPL-3.0-or-later */
/* GNOME Shell's search, asked as the shell asks it: over the test's
 * private session bus, from a connection of its own, at the object path
 * the .ini names. Limber is registered on that bus but has no window until
 * a result is activated, as when the shell starts it to search. */
#include <glib/gstdio.h>

#include "limber-application.h"
#include "limber-exercise-window.h"
#include "limber-player-view.h"
#include "limber-window.h"
#include "test-utils.h"

#define PROVIDER_PATH  "/io/github/limber/Limber/SearchProvider"
#define PROVIDER_IFACE "org.gnome.Shell.SearchProvider2"

static LimberApplication *app;
static GDBusConnection *shell;

typedef struct
{
  GVariant *reply;
  GError   *error;
  gboolean  done;
} Call;

static void
on_reply (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Call *call = user_data;

  call->reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &call->error);
  call->done = TRUE;
}

/* The app answers from this thread's main loop, so the call is made
 * asynchronously and the loop turned until the reply is in. */
static GVariant *
call_provider (const char         *method,
               GVariant           *args,
               const GVariantType *reply_type)
{
  Call call = { 0 };

  g_dbus_connection_call (shell, LIMBER_APP_ID, PROVIDER_PATH, PROVIDER_IFACE, method, args,
                          reply_type, G_DBUS_CALL_FLAGS_NO_AUTO_START, 5000, NULL, on_reply, &call);
  WAIT_FOR (call.done);
  g_assert_no_error (call.error);
  return call.reply;
}

static GStrv
initial (const char * const *terms)
{
  g_autoptr(GVariant) reply = call_provider ("GetInitialResultSet",
                                             g_variant_new ("(^as)", terms),
                                             G_VARIANT_TYPE ("(as)"));
  GStrv results = NULL;

  g_variant_get (reply, "(^as)", &results);
  return results;
}

static GStrv
subsearch (const char * const *previous,
           const char * const *terms)
{
  g_autoptr(GVariant) reply = call_provider ("GetSubsearchResultSet",
                                             g_variant_new ("(^as^as)", previous, terms),
                                             G_VARIANT_TYPE ("(as)"));
  GStrv results = NULL;

  g_variant_get (reply, "(^as)", &results);
  return results;
}

static void
activate (const char *id)
{
  const char *terms[] = { "calf", NULL };
  g_autoptr(GVariant) reply = call_provider ("ActivateResult",
                                             g_variant_new ("(s^asu)", id, terms, (guint32) 0),
                                             G_VARIANT_TYPE_UNIT);
}

static int
index_of (const char * const *results,
          const char         *id)
{
  for (int i = 0; results[i] != NULL; i++)
    if (g_str_equal (results[i], id))
      return i;
  return -1;
}

/* Routines first, then exercises. */
static void
assert_routines_first (const char * const *results)
{
  gboolean exercises = FALSE;

  for (guint i = 0; results[i] != NULL; i++)
    {
      if (g_str_has_prefix (results[i], "exercise:"))
        exercises = TRUE;
      else
        {
          g_assert_true (g_str_has_prefix (results[i], "routine:"));
          g_assert_false (exercises);
        }
    }
}

static LimberWindow *
main_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (LIMBER_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static void
test_hamstring (void)
{
  const char *terms[] = { "hamstring", NULL };
  g_auto(GStrv) results = initial (terms);
  int knee = index_of ((const char * const *) results, "exercise:knee-to-chest");

  /* the routine named for them comes first, then one whose summary names them */
  g_assert_cmpstr (results[0], ==, "routine:morning-hamstrings");
  g_assert_cmpstr (results[1], ==, "routine:desk-break");
  /* not every routine with a hamstring stretch in it: the overview shows a
   * few rows, and the exercises must be among them */
  g_assert_cmpstr (results[2], ==, "exercise:chair-hamstring");
  g_assert_cmpstr (results[3], ==, "exercise:seated-hamstring");
  assert_routines_first ((const char * const *) results);
  /* the exercises named for them before those that only work them */
  g_assert_cmpint (knee, >, 3);
  /* the same search, the same order */
  {
    g_auto(GStrv) again = initial (terms);

    g_assert_true (g_strv_equal ((const char * const *) results, (const char * const *) again));
  }
  /* a search opens no window */
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
}

static void
test_calf (void)
{
  const char *terms[] = { "CALF", NULL };
  g_auto(GStrv) results = initial (terms);

  assert_routines_first ((const char * const *) results);
  g_assert_cmpint (index_of ((const char * const *) results, "exercise:standing-calf"), >=, 0);
  /* "calf" finds what works the calves, though neither name nor muscle
   * ("Calves") starts with it */
  g_assert_cmpint (index_of ((const char * const *) results, "exercise:butt-kicks"), >=, 0);
  g_assert_cmpint (index_of ((const char * const *) results, "exercise:heel-digs"), >=, 0);
  /* own routines and exercises count; a deleted (hidden) one does not */
  g_assert_cmpint (index_of ((const char * const *) results, "routine:mine"), >=, 0);
  g_assert_cmpint (index_of ((const char * const *) results, "exercise:my-calf-lean"), >=, 0);
  g_assert_cmpint (index_of ((const char * const *) results, "exercise:my-calf-photo"), >=, 0);
  g_assert_cmpint (index_of ((const char * const *) results, "exercise:my-old-calf"), ==, -1);
}

static void
test_routine_name (void)
{
  const char *desk[] = { "break", "Desk", NULL };
  const char *accent[] = { "etirement", NULL };
  const char *both[] = { "mollet", "desk", NULL };
  g_auto(GStrv) results = initial (desk);
  g_auto(GStrv) accented = initial (accent);
  g_auto(GStrv) none = initial (both);

  /* the words in any order, any case */
  g_assert_cmpstr (results[0], ==, "routine:desk-break");
  /* accents fold: "etirement" finds "Étirement du mollet" */
  g_assert_cmpuint (g_strv_length (accented), ==, 1);
  g_assert_cmpstr (accented[0], ==, "routine:mine");
  /* every word must match */
  g_assert_cmpuint (g_strv_length (none), ==, 0);
}

static void
test_nothing (void)
{
  const char *nonsense[] = { "zqxjvw", NULL };
  const char *empty[] = { NULL };
  const char *blank[] = { "", " ", "-", NULL };
  g_auto(GStrv) a = initial (nonsense);
  g_auto(GStrv) b = initial (empty);
  g_auto(GStrv) c = initial (blank);

  g_assert_cmpuint (g_strv_length (a), ==, 0);
  g_assert_cmpuint (g_strv_length (b), ==, 0);
  g_assert_cmpuint (g_strv_length (c), ==, 0);
}

static void
test_subsearch (void)
{
  const char *ham[] = { "ham", NULL };
  const char *ham_seated[] = { "ham", "seated", NULL };
  const char *calf[] = { "calf", NULL };
  const char *previous[] = { "exercise:seated-hamstring", "routine:../../etc", "exercise:no-such-thing",
                             "Exercise:Seated-Hamstring", NULL };
  g_auto(GStrv) first = initial (ham);
  g_auto(GStrv) narrowed = subsearch ((const char * const *) first, ham_seated);
  g_auto(GStrv) only = subsearch (previous, ham);
  g_auto(GStrv) elsewhere = subsearch ((const char * const *) first, calf);

  g_assert_cmpuint (g_strv_length (first), >, 1);
  /* narrowing keeps what still matches, in the search's order */
  g_assert_cmpuint (g_strv_length (narrowed), <, g_strv_length (first));
  g_assert_cmpint (index_of ((const char * const *) narrowed, "exercise:seated-hamstring"), >=, 0);
  g_assert_cmpint (index_of ((const char * const *) narrowed, "exercise:chair-hamstring"), ==, -1);
  assert_routines_first ((const char * const *) narrowed);
  for (guint i = 0; narrowed[i] != NULL; i++)
    g_assert_true (g_strv_contains ((const char * const *) first, narrowed[i]));
  /* and adds nothing that was not there before; bad ids drop out */
  g_assert_cmpuint (g_strv_length (only), ==, 1);
  g_assert_cmpstr (only[0], ==, "exercise:seated-hamstring");
  for (guint i = 0; elsewhere[i] != NULL; i++)
    g_assert_true (g_strv_contains ((const char * const *) first, elsewhere[i]));
}

/* The icon's serialized GIcon, as the shell reads it back. */
static GIcon *
meta_icon (GVariant *meta)
{
  g_autoptr(GVariant) serialized = g_variant_lookup_value (meta, "icon", NULL);

  g_assert_nonnull (serialized);
  return g_icon_deserialize (serialized);
}

static void
assert_svg_icon (GIcon *icon)
{
  GBytes *bytes;
  g_autofree char *text = NULL;

  g_assert_true (G_IS_BYTES_ICON (icon));
  bytes = g_bytes_icon_get_bytes (G_BYTES_ICON (icon));
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (text, "<svg"));
  /* and GdkPixbuf, with which the shell loads it, can draw it */
  {
    g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
    g_autoptr(GError) error = NULL;
    g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_stream_at_scale (stream, 64, 64, TRUE, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 64);
  }
}

static void
test_metas (void)
{
  LimberCatalog *catalog = limber_application_get_catalog (app);
  const char *ids[] = { "routine:morning-hamstrings", "routine:../../etc", "exercise:standing-calf",
                        "exercise:no-such-thing", "exercise:my-old-calf", "routine:mine",
                        "exercise:my-calf-lean", "", "routine:", "exercise:my-calf-photo", NULL };
  g_autoptr(GVariant) reply = call_provider ("GetResultMetas", g_variant_new ("(^as)", ids),
                                             G_VARIANT_TYPE ("(aa{sv})"));
  g_autoptr(GVariant) metas = g_variant_get_child_value (reply, 0);
  const char *expected[] = { "routine:morning-hamstrings", "exercise:standing-calf", "routine:mine",
                             "exercise:my-calf-lean", "exercise:my-calf-photo" };

  g_assert_cmpuint (g_variant_n_children (metas), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GVariant) meta = g_variant_get_child_value (metas, i);
      const char *id = NULL, *name = NULL, *description = NULL;
      g_autoptr(GIcon) icon = meta_icon (meta);

      g_assert_true (g_variant_lookup (meta, "id", "&s", &id));
      g_assert_true (g_variant_lookup (meta, "name", "&s", &name));
      g_assert_true (g_variant_lookup (meta, "description", "&s", &description));
      g_assert_cmpstr (id, ==, expected[i]);
      g_assert_cmpstr (description, !=, "");
      g_assert_nonnull (icon);

      if (g_str_has_prefix (id, "routine:"))
        {
          LimberRoutine *routine = limber_catalog_lookup_routine (catalog, id + strlen ("routine:"));

          g_assert_cmpstr (name, ==, limber_routine_get_name (routine));
          /* its length and steps, as on its page */
          {
            g_autofree char *duration = limber_format_duration_rounded (limber_routine_get_duration (routine));

            g_assert_true (g_str_has_prefix (description, duration));
            g_assert_nonnull (strstr (description, "exercise"));
          }
          /* the cover exercise's drawing */
          assert_svg_icon (icon);
        }
      else
        {
          LimberExercise *exercise = limber_catalog_lookup_exercise (catalog, id + strlen ("exercise:"));

          g_assert_cmpstr (name, ==, limber_exercise_get_name (exercise));
          g_assert_nonnull (strstr (description, limber_exercise_get_muscles (exercise)[0]));
          /* one exercise's kind, in the singular: "Stretch · calves" */
          g_assert_true (g_str_has_prefix (description, limber_exercise_kind_describe (limber_exercise_get_kind (exercise))));
          g_assert_null (strstr (description, "Stretches"));
          if (limber_exercise_is_bundled (exercise))
            assert_svg_icon (icon);
          else if (limber_exercise_get_picture_source (exercise) == LIMBER_PICTURE_FILE)
            {
              /* an own photo: its file, which the shell can read */
              g_autofree char *path = NULL;

              g_assert_true (G_IS_FILE_ICON (icon));
              path = g_file_get_path (g_file_icon_get_file (G_FILE_ICON (icon)));
              g_assert_cmpstr (path, ==, limber_exercise_get_picture_path (exercise));
              g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
            }
          else
            {
              /* no picture of its own: the application's icon */
              g_assert_true (G_IS_THEMED_ICON (icon));
              g_assert_cmpstr (g_themed_icon_get_names (G_THEMED_ICON (icon))[0], ==, LIMBER_APP_ID);
            }
        }
    }

  /* the name is sent as it is, markup and all, never escaped */
  {
    g_autoptr(GVariant) meta = g_variant_get_child_value (metas, 2);
    const char *name = NULL;

    g_assert_true (g_variant_lookup (meta, "name", "&s", &name));
    g_assert_cmpstr (name, ==, "Étirement du mollet (calf) <b>&</b>");
  }
}

/* Nothing happens for an id that is malformed, unknown, or deleted: no
 * window, no dialog, and no warning (G_DEBUG=fatal-warnings). */
static void
test_hostile_ids (void)
{
  const char *ids[] = { "routine:../../etc", "exercise:../../../etc/passwd", "routine:Desk-Break",
                        "routine:no-such-routine", "exercise:my-old-calf", "desk-break", "routine:",
                        "exercise:seated-hamstring/../x", "", NULL };

  for (guint i = 0; ids[i] != NULL; i++)
    activate (ids[i]);
  limber_test_settle ();
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
}

static void
test_activate_exercise (void)
{
  GtkWindow *found;

  activate ("exercise:standing-calf");
  WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_EXERCISE_WINDOW) != NULL);
  found = limber_test_find_toplevel (LIMBER_TYPE_EXERCISE_WINDOW);
  g_assert_cmpstr (limber_exercise_get_id (limber_exercise_window_get_exercise (LIMBER_EXERCISE_WINDOW (found))),
                   ==, "standing-calf");
  /* over the main window, which was made for it */
  g_assert_nonnull (main_window ());
  g_assert_true (gtk_window_get_transient_for (found) == GTK_WINDOW (main_window ()));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (found));
  limber_test_screenshot (GTK_WIDGET (found), "search-exercise.png");
  gtk_window_close (found);
  WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_EXERCISE_WINDOW) == NULL);
}

/* An exercise opened from the overview stays true while the person edits
 * it in the main window: the window shows it as saved, and closes when
 * it is deleted. */
static void
test_exercise_follows_edits (void)
{
  LimberCatalog *catalog = limber_application_get_catalog (app);
  g_autoptr(LimberExerciseDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *found;
  gboolean hidden = TRUE;

  activate ("exercise:my-calf-lean");
  WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_EXERCISE_WINDOW) != NULL);
  found = limber_test_find_toplevel (LIMBER_TYPE_EXERCISE_WINDOW);
  g_assert_cmpstr (gtk_window_get_title (found), ==, "Wall calf lean");

  draft = limber_exercise_draft_new_from_exercise (limber_catalog_lookup_exercise (catalog, "my-calf-lean"));
  limber_exercise_draft_set_name (draft, "Wall calf lean, knee bent");
  g_assert_nonnull (limber_catalog_save_exercise (catalog, draft, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_window_get_title (found), ==, "Wall calf lean, knee bent");
  g_assert_true (limber_exercise_window_get_exercise (LIMBER_EXERCISE_WINDOW (found)) ==
                 limber_catalog_lookup_exercise (catalog, "my-calf-lean"));

  /* another exercise's edit leaves it as it is */
  g_assert_true (limber_catalog_delete_exercise (catalog, "my-calf-photo", &hidden, &error));
  g_assert_no_error (error);
  g_assert_true (limber_test_find_toplevel (LIMBER_TYPE_EXERCISE_WINDOW) == found);

  g_assert_true (limber_catalog_delete_exercise (catalog, "my-calf-lean", &hidden, &error));
  g_assert_no_error (error);
  g_assert_false (hidden);
  WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_EXERCISE_WINDOW) == NULL);
}

static void
test_activate_routine (void)
{
  LimberWindow *window;
  LimberPlayerView *view;
  LimberPlayer *player;

  activate ("routine:desk-break");
  WAIT_FOR (main_window () != NULL);
  window = main_window ();
  view = limber_window_get_player_view (window);
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (view)));
  player = limber_player_view_get_player (view);
  g_assert_nonnull (player);
  g_assert_cmpstr (limber_routine_get_id (limber_player_get_routine (player)), ==, "desk-break");
  g_assert_cmpint (limber_player_get_state (player), ==, LIMBER_PLAYER_STATE_RUNNING);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  /* a bad id leaves it playing */
  activate ("routine:../../etc");
  limber_test_settle ();
  g_assert_true (limber_player_view_get_player (view) == player);
  g_assert_cmpint (limber_player_get_state (player), ==, LIMBER_PLAYER_STATE_RUNNING);
  g_assert_null (limber_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  limber_player_stop (player, FALSE);
}

static void
test_launch_search (void)
{
  const char *terms[] = { "calf", NULL };
  g_autoptr(GVariant) reply = NULL;
  LimberWindow *window = main_window ();
  AdwViewStack *stack = limber_test_child (window, "view_stack");
  AdwLeaflet *leaflet = limber_test_child (window, "leaflet");

  /* from a routine's page, with another tab chosen */
  limber_window_show_routine (window, limber_catalog_lookup_routine (limber_application_get_catalog (app),
                                                                     "evening-wind-down"));
  limber_window_set_visible_page (window, "today");
  reply = call_provider ("LaunchSearch", g_variant_new ("(^asu)", terms, (guint32) 0), G_VARIANT_TYPE_UNIT);
  WAIT_FOR (g_strcmp0 (adw_view_stack_get_visible_child_name (stack), "routines") == 0);
  WAIT_FOR (g_strcmp0 (adw_leaflet_get_visible_child_name (leaflet), "routines") == 0);
}

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0700);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  g_autofree char *routines = NULL;
  g_autofree char *exercises = NULL;
  g_autofree char *address = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  home = g_dir_make_tmp ("limber-search-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  routines = g_build_filename (home, "limber", "routines", NULL);
  exercises = g_build_filename (home, "limber", "exercises", NULL);
  write_file (routines, "mine.routine",
              "[Routine]\nId=mine\nName=Étirement du mollet (calf) <b>&</b>\n[Step 1]\nExercise=standing-calf\n");
  write_file (exercises, "my-calf-lean.exercise",
              "[Exercise]\nId=my-calf-lean\nName=Wall calf lean\nKind=stretch\nMuscles=Calves;\n"
              "Hold=20\nInstruction1=Lean on the wall.\n");
  write_file (exercises, "my-old-calf.exercise",
              "[Exercise]\nId=my-old-calf\nName=Old calf stretch\nKind=stretch\nMuscles=Calves;\n"
              "Hold=20\nInstruction1=Lean.\nHidden=true\n");

  {
    g_autofree char *pictures = g_build_filename (home, "limber", "pictures", NULL);
    g_autofree char *photo = g_build_filename (pictures, "calf.png", NULL);
    g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 120, 90);

    g_mkdir_with_parents (pictures, 0700);
    gdk_pixbuf_fill (pixbuf, 0x3584e4ff);
    g_assert_true (gdk_pixbuf_save (pixbuf, photo, "png", &error, NULL));
  }
  write_file (exercises, "my-calf-photo.exercise",
              "[Exercise]\nId=my-calf-photo\nName=Step calf drop\nKind=stretch\nMuscles=Calves;\n"
              "Hold=20\nInstruction1=Let the heel drop.\nPicture=calf.png\n");

  gtk_test_init (&argc, &argv, NULL);

  app = limber_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_application_get_is_remote (G_APPLICATION (app)));

  /* the shell's own connection */
  address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  shell = g_dbus_connection_new_for_address_sync (address,
                                                  G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                  G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                  NULL, NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/search/hamstring", test_hamstring);
  g_test_add_func ("/search/calf", test_calf);
  g_test_add_func ("/search/routine-name", test_routine_name);
  g_test_add_func ("/search/nothing", test_nothing);
  g_test_add_func ("/search/subsearch", test_subsearch);
  g_test_add_func ("/search/metas", test_metas);
  g_test_add_func ("/search/hostile-ids", test_hostile_ids);
  g_test_add_func ("/search/activate-exercise", test_activate_exercise);
  g_test_add_func ("/search/launch-search", test_launch_search);
  g_test_add_func ("/search/activate-routine", test_activate_routine);
  g_test_add_func ("/search/exercise-follows-edits", test_exercise_follows_edits);

  status = g_test_run ();

  g_object_unref (shell);
  if (main_window () != NULL)
    gtk_window_destroy (GTK_WINDOW (main_window ()));
  g_object_unref (app);
  return status;
}
