/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The time source of the player. The system clock is the monotonic clock
 * and GLib main-loop timeouts; the virtual clock lets tests play a whole
 * routine in virtual time, in microseconds, without sleeping. */

#define LIMBER_TYPE_CLOCK (limber_clock_get_type ())
G_DECLARE_INTERFACE (LimberClock, limber_clock, LIMBER, CLOCK, GObject)

struct _LimberClockInterface
{
  GTypeInterface parent_iface;

  gint64 (*now)            (LimberClock    *self);
  guint  (*add_timeout)    (LimberClock    *self,
                            gint64          deadline,
                            GSourceFunc     callback,
                            gpointer        user_data,
                            GDestroyNotify  notify);
  void   (*remove_timeout) (LimberClock    *self,
                            guint           id);
};

gint64       limber_clock_now                (LimberClock    *self);
guint        limber_clock_add_timeout        (LimberClock    *self,
                                              gint64          deadline,
                                              GSourceFunc     callback,
                                              gpointer        user_data,
                                              GDestroyNotify  notify);
void         limber_clock_remove_timeout     (LimberClock    *self,
                                              guint           id);

/* The monotonic clock (g_get_monotonic_time) with GSource ready times. */
#define LIMBER_TYPE_SYSTEM_CLOCK (limber_system_clock_get_type ())
G_DECLARE_FINAL_TYPE (LimberSystemClock, limber_system_clock, LIMBER, SYSTEM_CLOCK, GObject)

LimberClock *limber_system_clock_get_default (void);

/* A clock that moves only when told to. */
#define LIMBER_TYPE_VIRTUAL_CLOCK (limber_virtual_clock_get_type ())
G_DECLARE_FINAL_TYPE (LimberVirtualClock, limber_virtual_clock, LIMBER, VIRTUAL_CLOCK, GObject)

LimberVirtualClock *limber_virtual_clock_new           (gint64              start);
void                limber_virtual_clock_advance       (LimberVirtualClock *self,
                                                        gint64              delta);
void                limber_virtual_clock_advance_to    (LimberVirtualClock *self,
                                                        gint64              time);
guint               limber_virtual_clock_get_n_pending (LimberVirtualClock *self);
gint64              limber_virtual_clock_get_next_deadline (LimberVirtualClock *self);

G_END_DECLS
