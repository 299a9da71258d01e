/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The floor that limber-reminders is measured against: a bare GLib
 * program that shows one notification with libnotify and then waits in
 * its main loop, doing nothing. */
#include <libnotify/notify.h>

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  NotifyNotification *notification;
  g_autoptr(GError) error = NULL;

  notify_init ("bare-notify");
  notification = notify_notification_new ("Bare", "A bare GLib and libnotify program", NULL);
  if (!notify_notification_show (notification, &error))
    g_printerr ("bare-notify: %s\n", error->message);

  g_main_loop_run (loop);
  g_object_unref (notification);
  notify_uninit ();
  return 0;
}
