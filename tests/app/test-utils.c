/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every window test needs: waiting on the main loop, finding template
 * children and windows, and saving what a person would see. */
#include <glib/gstdio.h>

#include "test-utils.h"

gboolean
limber_test_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets animations and idle work finish. */
void
limber_test_settle (void)
{
  gboolean done = FALSE;

  g_timeout_add (250, limber_test_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Renders @widget as it is on screen, and saves it as @name when
 * LIMBER_SCREENSHOT_DIR is set. Rendering happens either way, so a widget
 * that cannot draw fails the test. */
void
limber_test_screenshot (GtkWidget  *widget,
                        const char *name)
{
  const char *dir = g_getenv ("LIMBER_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  gtk_test_widget_wait_for_draw (widget);
  limber_test_settle ();
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  paintable = gtk_widget_paintable_new (widget);
  /* on a loaded machine a window just shown again may not have drawn yet:
   * wait for its frames a little longer before calling it empty */
  for (int i = 0; i < 20 && node == NULL; i++)
    {
      if (i > 0)
        {
          gtk_test_widget_wait_for_draw (widget);
          limber_test_settle ();
        }
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (dir == NULL || name == NULL)
    return;
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

/* A child bound in @widget's template, by name. */
gpointer
limber_test_child (gpointer    widget,
                   const char *name)
{
  gpointer found = gtk_widget_get_template_child (GTK_WIDGET (widget), G_OBJECT_TYPE (widget), name);

  g_assert_nonnull (found);
  return found;
}

/* The visible toplevel of @type, or %NULL. */
GtkWindow *
limber_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      GtkWindow *w = g_list_model_get_item (toplevels, i);

      /* GTK keeps its toplevels alive */
      g_object_unref (w);
      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return w;
    }
  return NULL;
}
