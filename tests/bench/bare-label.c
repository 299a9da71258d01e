/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The floor that a playing Limber is measured against (bench-player-cpu.py):
 * a plain GtkWindow of Limber's default size whose only content is a
 * GtkLabel showing a seconds counter, updated once a second. With
 * --adwaita, the same label in a libadwaita window with a header bar, as
 * Limber's window is: what any libadwaita app pays to redraw once a
 * second. It prints the GSK renderer its window got, so the benchmark can
 * tell whether GL was really available. */
#include <adwaita.h>

/* Limber's default window size (ui/limber-window.ui, the gschema) */
#define WIDTH  900
#define HEIGHT 700

static gboolean
tick_cb (gpointer user_data)
{
  static guint seconds;
  char text[16];

  g_snprintf (text, sizeof text, "%u", ++seconds);
  gtk_label_set_text (GTK_LABEL (user_data), text);
  return G_SOURCE_CONTINUE;
}

static void
on_realize (GtkWidget *window)
{
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));

  g_print ("renderer: %s\n", renderer ? G_OBJECT_TYPE_NAME (renderer) : "none");
  fflush (stdout);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GMainLoop) loop = NULL;
  GtkWidget *window;
  GtkWidget *label;

  gtk_init ();
  loop = g_main_loop_new (NULL, FALSE);
  label = gtk_label_new ("0");

  if (argc > 1 && g_str_equal (argv[1], "--adwaita"))
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      adw_init ();
      window = adw_window_new ();
      gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
      gtk_widget_set_vexpand (label, TRUE);
      gtk_box_append (GTK_BOX (box), label);
      adw_window_set_content (ADW_WINDOW (window), box);
    }
  else
    {
      window = gtk_window_new ();
      gtk_window_set_child (GTK_WINDOW (window), label);
    }
  gtk_window_set_title (GTK_WINDOW (window), "Bare label");
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  g_signal_connect_after (window, "realize", G_CALLBACK (on_realize), NULL);
  g_signal_connect_swapped (window, "destroy", G_CALLBACK (g_main_loop_quit), loop);
  gtk_window_present (GTK_WINDOW (window));

  g_timeout_add_seconds (1, tick_cb, label);
  g_main_loop_run (loop);
  return 0;
}
