/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  LIMBER_IDLE_BACKEND_NONE,         /* plain elapsed time */
  LIMBER_IDLE_BACKEND_MUTTER,       /* org.gnome.Mutter.IdleMonitor */
  LIMBER_IDLE_BACKEND_SCREENSAVER,  /* org.freedesktop.ScreenSaver */
} LimberIdleBackend;

#define LIMBER_TYPE_IDLE_MONITOR (limber_idle_monitor_get_type ())
G_DECLARE_FINAL_TYPE (LimberIdleMonitor, limber_idle_monitor, LIMBER, IDLE_MONITOR, GObject)

LimberIdleMonitor *limber_idle_monitor_new           (GDBusConnection   *bus,
                                                      guint              threshold_ms);
void               limber_idle_monitor_set_threshold (LimberIdleMonitor *self,
                                                      guint              threshold_ms);
gboolean           limber_idle_monitor_get_idle      (LimberIdleMonitor *self);
LimberIdleBackend  limber_idle_monitor_get_backend   (LimberIdleMonitor *self);

G_END_DECLS
