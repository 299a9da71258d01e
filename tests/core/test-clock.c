/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The virtual clock that the player tests run on, and the system clock. */
#include "limber-clock.h"

#define START 1000000

typedef struct
{
  LimberVirtualClock *clock;
  GString            *log;
  guint               to_remove;  /* removed by the callback of "remove" */
  guint               self_id;    /* removed by the callback of "self" */
  guint               n_notified;
} Fixture;

typedef struct
{
  Fixture    *f;
  const char *name;
} Call;

static void
call_notify (gpointer data)
{
  Call *call = data;

  call->f->n_notified++;
  g_free (call);
}

static gboolean on_timeout (gpointer data);

static guint
add (Fixture    *f,
     gint64      deadline,
     const char *name)
{
  Call *call = g_new0 (Call, 1);

  call->f = f;
  call->name = name;
  return limber_clock_add_timeout (LIMBER_CLOCK (f->clock), deadline, on_timeout, call, call_notify);
}

static gboolean
on_timeout (gpointer data)
{
  Call *call = data;
  Fixture *f = call->f;
  gint64 now = limber_clock_now (LIMBER_CLOCK (f->clock));

  g_string_append_printf (f->log, "%s@%" G_GINT64_FORMAT " ", call->name, now - START);

  if (g_str_equal (call->name, "chain"))
    add (f, now + 5, "chained");
  else if (g_str_equal (call->name, "far"))
    add (f, now + 1000, "too-far");
  else if (g_str_equal (call->name, "same"))
    add (f, now, "same-time");
  else if (g_str_equal (call->name, "remove"))
    limber_clock_remove_timeout (LIMBER_CLOCK (f->clock), f->to_remove);
  else if (g_str_equal (call->name, "self"))
    limber_clock_remove_timeout (LIMBER_CLOCK (f->clock), f->self_id);

  /* Timeouts are one-shot whatever the callback says. */
  return G_SOURCE_CONTINUE;
}

static void
fixture_init (Fixture *f)
{
  f->clock = limber_virtual_clock_new (START);
  f->log = g_string_new (NULL);
}

static void
fixture_clear (Fixture *f)
{
  g_clear_object (&f->clock);
  g_string_free (f->log, TRUE);
}

static void
test_virtual_order (void)
{
  Fixture f = { 0 };

  fixture_init (&f);
  g_assert_cmpint (limber_clock_now (LIMBER_CLOCK (f.clock)), ==, START);
  g_assert_cmpint (limber_virtual_clock_get_next_deadline (f.clock), ==, G_MAXINT64);

  add (&f, START + 30, "c");
  add (&f, START + 10, "a1");
  add (&f, START + 20, "b");
  add (&f, START + 10, "a2");
  g_assert_cmpuint (limber_virtual_clock_get_n_pending (f.clock), ==, 4);
  g_assert_cmpint (limber_virtual_clock_get_next_deadline (f.clock), ==, START + 10);

  /* nothing is due before its deadline; a deadline equal to the target is */
  limber_virtual_clock_advance (f.clock, 9);
  g_assert_cmpstr (f.log->str, ==, "");
  limber_virtual_clock_advance (f.clock, 1);
  g_assert_cmpstr (f.log->str, ==, "a1@10 a2@10 ");
  g_assert_cmpint (limber_clock_now (LIMBER_CLOCK (f.clock)), ==, START + 10);

  limber_virtual_clock_advance_to (f.clock, START + 100);
  g_assert_cmpstr (f.log->str, ==, "a1@10 a2@10 b@20 c@30 ");
  g_assert_cmpint (limber_clock_now (LIMBER_CLOCK (f.clock)), ==, START + 100);
  g_assert_cmpuint (limber_virtual_clock_get_n_pending (f.clock), ==, 0);
  g_assert_cmpint (limber_virtual_clock_get_next_deadline (f.clock), ==, G_MAXINT64);
  g_assert_cmpuint (f.n_notified, ==, 4);

  /* time never goes back; a deadline in the past fires on the next advance */
  limber_virtual_clock_advance_to (f.clock, START + 50);
  g_assert_cmpint (limber_clock_now (LIMBER_CLOCK (f.clock)), ==, START + 100);
  add (&f, START + 40, "late");
  limber_virtual_clock_advance (f.clock, 0);
  g_assert_cmpstr (f.log->str, ==, "a1@10 a2@10 b@20 c@30 late@100 ");

  fixture_clear (&f);
}

static void
test_virtual_chain (void)
{
  Fixture f = { 0 };

  fixture_init (&f);

  add (&f, START + 10, "chain");
  add (&f, START + 12, "between");
  add (&f, START + 18, "far");
  add (&f, START + 19, "same");
  limber_virtual_clock_advance (f.clock, 20);
  /* added inside the window: fires within the same advance, in order */
  g_assert_cmpstr (f.log->str, ==, "chain@10 between@12 chained@15 far@18 same@19 same-time@19 ");
  g_assert_cmpuint (limber_virtual_clock_get_n_pending (f.clock), ==, 1);
  g_assert_cmpint (limber_virtual_clock_get_next_deadline (f.clock), ==, START + 1018);

  limber_virtual_clock_advance (f.clock, 998);
  g_assert_cmpstr (f.log->str, ==, "chain@10 between@12 chained@15 far@18 same@19 same-time@19 too-far@1018 ");

  fixture_clear (&f);
}

static void
test_virtual_remove (void)
{
  Fixture f = { 0 };
  guint id;

  fixture_init (&f);

  id = add (&f, START + 10, "removed");
  add (&f, START + 20, "remove");
  f.to_remove = add (&f, START + 30, "removed-in-callback");
  f.self_id = add (&f, START + 40, "self");
  add (&f, START + 50, "last");

  limber_clock_remove_timeout (LIMBER_CLOCK (f.clock), id);
  g_assert_cmpuint (f.n_notified, ==, 1);
  g_assert_cmpuint (limber_virtual_clock_get_n_pending (f.clock), ==, 4);
  g_assert_cmpint (limber_virtual_clock_get_next_deadline (f.clock), ==, START + 20);

  limber_virtual_clock_advance (f.clock, 100);
  g_assert_cmpstr (f.log->str, ==, "remove@20 self@40 last@50 ");
  g_assert_cmpuint (f.n_notified, ==, 5);

  /* an id that is gone is a programming error, as with g_source_remove() */
  g_test_expect_message ("limber-clock", G_LOG_LEVEL_CRITICAL, "*timeout * was not found*");
  limber_clock_remove_timeout (LIMBER_CLOCK (f.clock), id);
  g_test_assert_expected_messages ();

  /* pending timeouts are freed with the clock */
  add (&f, START + 1000, "never");
  fixture_clear (&f);
  g_assert_cmpuint (f.n_notified, ==, 6);
}

typedef struct
{
  GMainLoop *loop;
  gint64     fired_at;
  guint      n_fired;
} SystemData;

static gboolean
on_system_timeout (gpointer data)
{
  SystemData *d = data;

  d->fired_at = g_get_monotonic_time ();
  d->n_fired++;
  g_main_loop_quit (d->loop);
  return G_SOURCE_CONTINUE;
}

static gboolean
on_never (gpointer data)
{
  g_assert_not_reached ();
  return G_SOURCE_REMOVE;
}

static void
test_system (void)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  LimberClock *clock = limber_system_clock_get_default ();
  SystemData d = { loop, 0, 0 };
  gint64 start;
  gint64 now;
  guint id;

  g_assert_true (clock == limber_system_clock_get_default ());
  g_assert_true (LIMBER_IS_SYSTEM_CLOCK (clock));

  start = limber_clock_now (clock);
  now = g_get_monotonic_time ();
  g_assert_cmpint (start, <=, now);

  id = limber_clock_add_timeout (clock, start + 10000, on_never, NULL, NULL);
  /* far enough to be approached in two waits */
  limber_clock_add_timeout (clock, start + 300000, on_system_timeout, &d, NULL);
  limber_clock_remove_timeout (clock, id);
  g_main_loop_run (loop);

  /* never early, and one-shot despite G_SOURCE_CONTINUE */
  g_assert_cmpint (d.fired_at, >=, start + 300000);
  g_assert_cmpuint (d.n_fired, ==, 1);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (d.n_fired, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/clock/virtual/order", test_virtual_order);
  g_test_add_func ("/clock/virtual/chain", test_virtual_chain);
  g_test_add_func ("/clock/virtual/remove", test_virtual_remove);
  g_test_add_func ("/clock/system", test_system);

  return g_test_run ();
}
