/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Virtual time for the schedule's tests: "now" is built in a fixed time
 * zone, and a run steps from one wake-up to the next, as the service does. */
#include "schedule-sim.h"

Sim *
sim_new (const char *zone)
{
  Sim *sim = g_new0 (Sim, 1);

  sim->tz = g_time_zone_new_identifier (zone);
  g_assert_nonnull (sim->tz);
  sim->config = limber_schedule_config_new ();
  sim->config->enabled = TRUE;

  return sim;
}

void
sim_free (Sim *sim)
{
  g_time_zone_unref (sim->tz);
  limber_schedule_config_free (sim->config);
  g_free (sim);
}


/* A local time that exists exactly once */
gint64
sim_at (Sim *sim,
        int  year,
        int  month,
        int  day,
        int  hour,
        int  minute)
{
  g_autoptr(GDateTime) dt = g_date_time_new (sim->tz, year, month, day, hour, minute, 0);

  return g_date_time_to_unix (dt) * G_USEC_PER_SEC;
}

gint64
utc_at (int year,
        int month,
        int day,
        int hour,
        int minute)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (dt) * G_USEC_PER_SEC;
}

GDateTime *
sim_moment (Sim    *sim,
            gint64  t)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t / G_USEC_PER_SEC);
  g_autoptr(GDateTime) exact = g_date_time_add (utc, t % G_USEC_PER_SEC);

  return g_date_time_to_timezone (exact, sim->tz);
}

char *
sim_format (Sim    *sim,
            gint64  t)
{
  g_autoptr(GDateTime) dt = sim_moment (sim, t);

  return g_date_time_format (dt, sim->offsets ? "%a %m-%d %H:%M%z" : "%a %m-%d %H:%M");
}

gint64
sim_next (Sim       *sim,
          gint64     now,
          LimberDue *next)
{
  g_autoptr(GDateTime) dt = sim_moment (sim, now);

  return limber_schedule_next_wakeup (sim->config, &sim->state, dt, next);
}

gboolean
sim_take (Sim       *sim,
          gint64     now,
          LimberDue *due)
{
  g_autoptr(GDateTime) dt = sim_moment (sim, now);

  return limber_schedule_take_due (sim->config, &sim->state, dt, due);
}

void
add_slot (Sim        *sim,
          guint8      hour,
          guint8      minute,
          guint8      weekdays,
          const char *routine_id)
{
  LimberRoutineSlot slot = { hour, minute, weekdays, g_strdup (routine_id) };

  g_array_append_val (sim->config->routines, slot);
}

void
log_due (Sim             *sim,
         GString         *log,
         gint64           now,
         const LimberDue *due)
{
  g_autofree char *when = sim_format (sim, now);

  g_string_append_printf (log, "%s %s", when, limber_reminder_kind_to_string (due->kind));
  if (due->kind == LIMBER_REMINDER_ROUTINE)
    g_string_append_printf (log, " %d", due->slot);
  else
    g_assert_cmpint (due->slot, ==, -1);
  if (due->catch_up)
    g_string_append (log, " catch-up");
  if (due->due != now)
    {
      g_autofree char *at = sim_format (sim, due->due);

      g_string_append_printf (log, " (due %s)", at);
    }
  g_string_append_c (log, '\n');
}

/* Takes what is due at @now, as the service does on waking up */
guint
sim_take_all (Sim     *sim,
              gint64   now,
              GString *log)
{
  LimberDue due;
  guint n = 0;

  while (sim_take (sim, now, &due))
    {
      g_assert_cmpint (due.due, <=, now);
      g_assert_true (due.kind != LIMBER_REMINDER_BREAK || !due.catch_up);
      log_due (sim, log, now, &due);
      g_assert_cmpuint (++n, <=, LIMBER_N_REMINDER_KINDS);
    }

  /* the next wake-up is later: no busy loop */
  g_assert_cmpint (sim_next (sim, now, NULL), >, now);

  return n;
}

/* Steps from one wake-up to the next in [@from, @until), and logs every
 * reminder taken. Each wake-up is exact: something is due then. */
char *
sim_run (Sim    *sim,
         gint64  from,
         gint64  until)
{
  GString *log = g_string_new (NULL);
  gint64 now = from;

  for (;;)
    {
      LimberDue next;
      LimberDue due;
      gboolean resumed = sim->state.resumed;
      gint64 wake = sim_next (sim, now, &next);

      g_assert_cmpint (wake, >=, now);
      if (wake >= until)
        break;
      now = wake;

      if (resumed)
        {
          sim_take_all (sim, now, log);
          continue;
        }

      /* what next_wakeup announced is what comes */
      g_assert_true (sim_take (sim, now, &due));
      g_assert_cmpint (due.kind, ==, next.kind);
      g_assert_cmpint (due.slot, ==, next.slot);
      g_assert_cmpint (due.due, ==, next.due);
      log_due (sim, log, now, &due);
      sim_take_all (sim, now, log);
    }

  return g_string_free (log, FALSE);
}

void
assert_log (const char *log,
            const char *expected)
{
  if (g_strcmp0 (log, expected) != 0)
    g_printerr ("got:\n%s\nexpected:\n%s\n", log, expected);
  g_assert_cmpstr (log, ==, expected);
}
