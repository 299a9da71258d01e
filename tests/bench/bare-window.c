/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The floor that Limber's start-up is measured against (bench-startup.py):
 * an AdwApplication whose AdwApplicationWindow, of Limber's default size,
 * holds an AdwHeaderBar and a GtkLabel, nothing else. Like Limber, when
 * LIMBER_BENCH_FIRST_FRAME_FD=N is set it writes "first-frame\n" to file
 * descriptor N after its window has painted its first frame. It prints the
 * GSK renderer its window got, so the benchmark can tell whether GL was
 * really available. */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <adwaita.h>

/* Limber's default window size (ui/limber-window.ui, the gschema) */
#define WIDTH  900
#define HEIGHT 700

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  static const char line[] = "first-frame\n";
  int fd = GPOINTER_TO_INT (user_data);

  g_signal_handlers_disconnect_by_func (clock, on_after_paint, user_data);
  while (write (fd, line, sizeof line - 1) < 0 && errno == EINTR)
    ;
}

static void
on_realize (GtkWidget *window,
            gpointer   user_data)
{
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  const char *value = g_getenv ("LIMBER_BENCH_FIRST_FRAME_FD");
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  guint64 fd;

  g_print ("renderer: %s\n", renderer ? G_OBJECT_TYPE_NAME (renderer) : "none");
  fflush (stdout);

  if (value != NULL && clock != NULL &&
      g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT, &fd, NULL) &&
      fcntl ((int) fd, F_GETFD) >= 0)
    g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), GINT_TO_POINTER ((int) fd));
}

static void
on_activate (GtkApplication *app)
{
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *label;

  window = adw_application_window_new (app);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  label = gtk_label_new ("Bare window");
  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), label);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "Bare window");
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  g_signal_connect_after (window, "realize", G_CALLBACK (on_realize), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  app = adw_application_new ("io.github.limber.BareWindow", G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
