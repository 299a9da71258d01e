/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-clock"

#include "limber-clock.h"

/* Timeouts are one-shot deadlines on the clock's own time line, in
 * microseconds: a timeout fires once, at or after its deadline, and is then
 * removed. The callback's return value is ignored (G_SOURCE_CONTINUE would
 * mean nothing for a fixed deadline); the notify runs after the callback, or
 * when the timeout is removed before firing. */

G_DEFINE_INTERFACE (LimberClock, limber_clock, G_TYPE_OBJECT)

static void
limber_clock_default_init (LimberClockInterface *iface)
{
}

/**
 * limber_clock_now:
 * @self: a clock
 *
 * Returns: the current time of @self, in microseconds.
 */
gint64
limber_clock_now (LimberClock *self)
{
  g_return_val_if_fail (LIMBER_IS_CLOCK (self), 0);
  return LIMBER_CLOCK_GET_IFACE (self)->now (self);
}

/**
 * limber_clock_add_timeout:
 * @self: a clock
 * @deadline: when to call @callback, in the microseconds of limber_clock_now()
 * @callback: what to call; its return value is ignored
 * @user_data: data for @callback
 * @notify: (nullable): frees @user_data once the timeout is gone
 *
 * Schedules a one-shot call of @callback at @deadline. A deadline already
 * past fires as soon as possible.
 *
 * Returns: an id for limber_clock_remove_timeout(), never 0
 */
guint
limber_clock_add_timeout (LimberClock    *self,
                          gint64          deadline,
                          GSourceFunc     callback,
                          gpointer        user_data,
                          GDestroyNotify  notify)
{
  g_return_val_if_fail (LIMBER_IS_CLOCK (self), 0);
  g_return_val_if_fail (callback != NULL, 0);
  return LIMBER_CLOCK_GET_IFACE (self)->add_timeout (self, deadline, callback, user_data, notify);
}

/**
 * limber_clock_remove_timeout:
 * @self: a clock
 * @id: an id from limber_clock_add_timeout() that has not fired yet
 *
 * Cancels a timeout. Like g_source_remove(), removing a timeout from inside
 * its own callback is allowed, and an unknown id is a programming error.
 */
void
limber_clock_remove_timeout (LimberClock *self,
                             guint        id)
{
  g_return_if_fail (LIMBER_IS_CLOCK (self));
  g_return_if_fail (id != 0);
  LIMBER_CLOCK_GET_IFACE (self)->remove_timeout (self, id);
}

/* The system clock */

struct _LimberSystemClock
{
  GObject parent_instance;
};

static void limber_system_clock_iface_init (LimberClockInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LimberSystemClock, limber_system_clock, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (LIMBER_TYPE_CLOCK, limber_system_clock_iface_init))

typedef struct
{
  GSource source;
  gint64  deadline;
} DeadlineSource;

/* Linux lets a poll() timeout run late by about 0.1 % of its length, 30 ms
 * on a 30 s rest, so a far deadline is approached in two waits: a long one
 * that ends a little early, then one short enough to end on time. */
static gint64
wake_time (gint64 deadline,
           gint64 now)
{
  gint64 left = deadline - now;

  if (left <= 200 * G_TIME_SPAN_MILLISECOND)
    return deadline;
  return deadline - left / 250;
}

static gboolean
deadline_source_dispatch (GSource     *source,
                          GSourceFunc  callback,
                          gpointer     user_data)
{
  DeadlineSource *self = (DeadlineSource *) source;
  gint64 now = g_get_monotonic_time ();

  if (now < self->deadline)
    {
      g_source_set_ready_time (source, wake_time (self->deadline, now));
      return G_SOURCE_CONTINUE;
    }

  if (callback != NULL)
    callback (user_data);
  return G_SOURCE_REMOVE;
}

/* No prepare or check: the ready time alone wakes the main loop. */
static GSourceFuncs deadline_source_funcs = {
  NULL, NULL, deadline_source_dispatch, NULL, NULL, NULL,
};

static gint64
limber_system_clock_now (LimberClock *clock)
{
  return g_get_monotonic_time ();
}

static guint
limber_system_clock_add_timeout (LimberClock    *clock,
                                 gint64          deadline,
                                 GSourceFunc     callback,
                                 gpointer        user_data,
                                 GDestroyNotify  notify)
{
  g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();
  g_autoptr(GSource) source = g_source_new (&deadline_source_funcs, sizeof (DeadlineSource));

  ((DeadlineSource *) source)->deadline = deadline;
  g_source_set_static_name (source, "[limber] clock timeout");
  g_source_set_callback (source, callback, user_data, notify);
  g_source_set_ready_time (source, MAX (0, wake_time (deadline, g_get_monotonic_time ())));
  return g_source_attach (source, context);
}

static void
limber_system_clock_remove_timeout (LimberClock *clock,
                                    guint        id)
{
  g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();
  GSource *source = g_main_context_find_source_by_id (context, id);

  if (source == NULL)
    {
      g_critical ("%s: timeout %u was not found", G_STRFUNC, id);
      return;
    }
  g_source_destroy (source);
}

static void
limber_system_clock_iface_init (LimberClockInterface *iface)
{
  iface->now = limber_system_clock_now;
  iface->add_timeout = limber_system_clock_add_timeout;
  iface->remove_timeout = limber_system_clock_remove_timeout;
}

static void
limber_system_clock_class_init (LimberSystemClockClass *klass)
{
}

static void
limber_system_clock_init (LimberSystemClock *self)
{
}

/**
 * limber_system_clock_get_default:
 *
 * The monotonic clock, with timeouts attached to the thread-default main
 * context of the caller. Remove a timeout from the thread that added it.
 *
 * Returns: (transfer none): the shared system clock
 */
LimberClock *
limber_system_clock_get_default (void)
{
  static LimberClock *clock;

  if (g_once_init_enter (&clock))
    g_once_init_leave (&clock, g_object_new (LIMBER_TYPE_SYSTEM_CLOCK, NULL));
  return clock;
}

/* The virtual clock */

typedef struct
{
  guint          id;
  gint64         deadline;
  GSourceFunc    callback;
  gpointer       user_data;
  GDestroyNotify notify;
} Timeout;

struct _LimberVirtualClock
{
  GObject  parent_instance;

  gint64   now;
  guint    last_id;
  guint    firing_id;
  GQueue   pending;     /* of Timeout, sorted by deadline, then by id */
};

static void limber_virtual_clock_iface_init (LimberClockInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LimberVirtualClock, limber_virtual_clock, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (LIMBER_TYPE_CLOCK, limber_virtual_clock_iface_init))

static void
timeout_free (Timeout *timeout)
{
  if (timeout->notify != NULL)
    timeout->notify (timeout->user_data);
  g_free (timeout);
}

static gint
compare_timeouts (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const Timeout *ta = a;
  const Timeout *tb = b;

  if (ta->deadline != tb->deadline)
    return ta->deadline < tb->deadline ? -1 : 1;
  return ta->id < tb->id ? -1 : ta->id > tb->id;
}

static gint64
limber_virtual_clock_now (LimberClock *clock)
{
  return LIMBER_VIRTUAL_CLOCK (clock)->now;
}

static guint
limber_virtual_clock_add_timeout (LimberClock    *clock,
                                  gint64          deadline,
                                  GSourceFunc     callback,
                                  gpointer        user_data,
                                  GDestroyNotify  notify)
{
  LimberVirtualClock *self = LIMBER_VIRTUAL_CLOCK (clock);
  Timeout *timeout = g_new0 (Timeout, 1);

  /* Ids only grow, so that equal deadlines fire in the order they were added. */
  g_assert (self->last_id < G_MAXUINT);
  timeout->id = ++self->last_id;
  timeout->deadline = deadline;
  timeout->callback = callback;
  timeout->user_data = user_data;
  timeout->notify = notify;
  g_queue_insert_sorted (&self->pending, timeout, compare_timeouts, NULL);
  return timeout->id;
}

static void
limber_virtual_clock_remove_timeout (LimberClock *clock,
                                     guint        id)
{
  LimberVirtualClock *self = LIMBER_VIRTUAL_CLOCK (clock);

  if (id == self->firing_id)
    return;

  for (GList *l = self->pending.head; l != NULL; l = l->next)
    {
      Timeout *timeout = l->data;

      if (timeout->id == id)
        {
          g_queue_delete_link (&self->pending, l);
          timeout_free (timeout);
          return;
        }
    }

  g_critical ("%s: timeout %u was not found", G_STRFUNC, id);
}

static void
limber_virtual_clock_iface_init (LimberClockInterface *iface)
{
  iface->now = limber_virtual_clock_now;
  iface->add_timeout = limber_virtual_clock_add_timeout;
  iface->remove_timeout = limber_virtual_clock_remove_timeout;
}

static void
limber_virtual_clock_dispose (GObject *object)
{
  LimberVirtualClock *self = (LimberVirtualClock *) object;
  Timeout *timeout;

  while ((timeout = g_queue_pop_head (&self->pending)))
    timeout_free (timeout);

  G_OBJECT_CLASS (limber_virtual_clock_parent_class)->dispose (object);
}

static void
limber_virtual_clock_class_init (LimberVirtualClockClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = limber_virtual_clock_dispose;
}

static void
limber_virtual_clock_init (LimberVirtualClock *self)
{
  g_queue_init (&self->pending);
}

/**
 * limber_virtual_clock_new:
 * @start: the time to start at, in microseconds
 *
 * Returns: (transfer full): a clock that moves only when advanced
 */
LimberVirtualClock *
limber_virtual_clock_new (gint64 start)
{
  LimberVirtualClock *self = g_object_new (LIMBER_TYPE_VIRTUAL_CLOCK, NULL);

  self->now = start;
  return self;
}

/**
 * limber_virtual_clock_advance:
 * @self: a virtual clock
 * @delta: how far to move, in microseconds, at least 0
 *
 * Same as limber_virtual_clock_advance_to() at now + @delta.
 */
void
limber_virtual_clock_advance (LimberVirtualClock *self,
                              gint64              delta)
{
  g_return_if_fail (LIMBER_IS_VIRTUAL_CLOCK (self));
  g_return_if_fail (delta >= 0);

  limber_virtual_clock_advance_to (self, self->now + delta);
}

/**
 * limber_virtual_clock_advance_to:
 * @self: a virtual clock
 * @time: the time to move to, in microseconds
 *
 * Moves the clock to @time, firing on the way every timeout whose deadline
 * is at or before @time, in deadline order (equal deadlines in the order
 * they were added). Before each callback the clock reads that timeout's
 * deadline, so a timeout that a callback adds within the window fires in
 * the same advance. The clock never goes back: a @time in the past only
 * fires the timeouts that are due.
 */
void
limber_virtual_clock_advance_to (LimberVirtualClock *self,
                                 gint64              time)
{
  g_autoptr(LimberVirtualClock) hold = NULL;
  Timeout *timeout;

  g_return_if_fail (LIMBER_IS_VIRTUAL_CLOCK (self));

  hold = g_object_ref (self);

  while ((timeout = g_queue_peek_head (&self->pending)) != NULL &&
         timeout->deadline <= time)
    {
      guint outer_firing_id = self->firing_id;

      g_queue_pop_head (&self->pending);
      self->now = MAX (self->now, timeout->deadline);
      self->firing_id = timeout->id;
      timeout->callback (timeout->user_data);
      self->firing_id = outer_firing_id;
      timeout_free (timeout);
    }

  self->now = MAX (self->now, time);
}

/**
 * limber_virtual_clock_get_n_pending:
 * @self: a virtual clock
 *
 * Returns: how many timeouts are waiting to fire
 */
guint
limber_virtual_clock_get_n_pending (LimberVirtualClock *self)
{
  g_return_val_if_fail (LIMBER_IS_VIRTUAL_CLOCK (self), 0);
  return self->pending.length;
}

/**
 * limber_virtual_clock_get_next_deadline:
 * @self: a virtual clock
 *
 * Returns: the earliest pending deadline, or %G_MAXINT64 if none
 */
gint64
limber_virtual_clock_get_next_deadline (LimberVirtualClock *self)
{
  Timeout *timeout;

  g_return_val_if_fail (LIMBER_IS_VIRTUAL_CLOCK (self), G_MAXINT64);

  timeout = g_queue_peek_head (&self->pending);
  return timeout != NULL ? timeout->deadline : G_MAXINT64;
}
