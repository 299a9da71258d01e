/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "limber-time.h"

/**
 * limber_time_to_usec:
 * @dt: a moment
 *
 * Returns: @dt as microseconds since the unix epoch
 */
gint64
limber_time_to_usec (GDateTime *dt)
{
  g_return_val_if_fail (dt != NULL, 0);

  return g_date_time_to_unix (dt) * G_USEC_PER_SEC + g_date_time_get_microsecond (dt);
}

/* The local time zone, kept for a second.
 *
 * GLib 2.74's g_time_zone_new_local(), which every g_date_time_*_local()
 * call makes, reads where /etc/localtime points (a readlink and two stats)
 * each time when TZ is not set. Ten years of journal are some 11,000
 * moments; on History and at start-up that was thousands of system calls
 * a frame. Kept for a second, a change of time zone (or of TZ, which is
 * compared every time, as GLib does) is still followed at once to the
 * person's eye. */
static GMutex local_zone_lock;
static GTimeZone *local_zone;
static char *local_zone_tz;       /* TZ when it was made */
static gint64 local_zone_made;    /* monotonic µs */

#define LOCAL_ZONE_KEPT_USEC G_USEC_PER_SEC

/**
 * limber_time_zone_local:
 *
 * Returns: (transfer full): the local time zone, as g_time_zone_new_local()
 *   gives it, without looking at /etc/localtime more than once a second
 */
GTimeZone *
limber_time_zone_local (void)
{
  const char *tz = g_getenv ("TZ");
  gint64 now = g_get_monotonic_time ();
  GTimeZone *zone;

  g_mutex_lock (&local_zone_lock);
  if (local_zone == NULL || g_strcmp0 (tz, local_zone_tz) != 0 ||
      now - local_zone_made >= LOCAL_ZONE_KEPT_USEC || now < local_zone_made)
    {
      g_clear_pointer (&local_zone, g_time_zone_unref);
      g_free (local_zone_tz);
      local_zone = g_time_zone_new_local ();
      local_zone_tz = g_strdup (tz);
      local_zone_made = now;
    }
  zone = g_time_zone_ref (local_zone);
  g_mutex_unlock (&local_zone_lock);
  return zone;
}

/**
 * limber_time_now_local:
 *
 * Returns: (transfer full): now, as g_date_time_new_now_local() gives it,
 *   in limber_time_zone_local()
 */
GDateTime *
limber_time_now_local (void)
{
  g_autoptr(GTimeZone) zone = limber_time_zone_local ();

  return g_date_time_new_now (zone);
}

/**
 * limber_time_to_local:
 * @dt: a moment
 *
 * Returns: (transfer full) (nullable): @dt in the local time zone, as
 *   g_date_time_to_local() gives it, in limber_time_zone_local()
 */
GDateTime *
limber_time_to_local (GDateTime *dt)
{
  g_autoptr(GTimeZone) zone = limber_time_zone_local ();

  g_return_val_if_fail (dt != NULL, NULL);
  return g_date_time_to_timezone (dt, zone);
}

/**
 * limber_time_from_usec:
 * @usec: microseconds since the unix epoch, before it when negative
 *
 * Returns: (transfer full) (nullable): the moment as a local time, or %NULL
 *   when it is outside the years GDateTime can hold (1 to 9999)
 */
GDateTime *
limber_time_from_usec (gint64 usec)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) utc_epoch = NULL;
  g_autoptr(GDateTime) epoch = NULL;

  /* Far outside the years 1 to 9999 in any zone (a day to spare either
   * side): out, before the sum below could overflow. Within them, adding
   * to the epoch in the local zone checks the range on the local date, as
   * g_date_time_new_from_unix_local() does: 0001-01-01 in Tokyo is still
   * 0000-12-31 in UTC. */
  if (usec < G_GINT64_CONSTANT (-62135683200) * G_USEC_PER_SEC ||
      usec > G_GINT64_CONSTANT (253402387200) * G_USEC_PER_SEC)
    return NULL;
  zone = limber_time_zone_local ();
  utc_epoch = g_date_time_new_from_unix_utc (0);
  epoch = g_date_time_to_timezone (utc_epoch, zone);
  return g_date_time_add (epoch, usec);
}

/**
 * limber_time_start_of_day:
 * @tz: (nullable): the time zone, %NULL for the local one
 * @date: a valid day
 *
 * The first moment of @date in @tz: its midnight, or, on a day whose
 * clocks skip midnight (a change to summer time at 00:00, as in Chile or
 * Cuba), the first moment after the gap. A day is not always 24 hours
 * long: the next day's start is what ends it.
 *
 * Returns: (transfer full) (nullable): the moment, %NULL outside the years
 *   GDateTime can hold
 */
GDateTime *
limber_time_start_of_day (GTimeZone   *tz,
                          const GDate *date)
{
  g_autoptr(GTimeZone) local = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  if (tz == NULL)
    tz = local = limber_time_zone_local ();
  /* g_date_time_new() moves a time in a gap forward by the gap */
  return g_date_time_new (tz, g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 0, 0, 0);
}

/**
 * limber_time_start_of_today:
 * @now: a moment
 *
 * Returns: (transfer full): the first moment of @now's day, in @now's
 *   time zone, as limber_time_start_of_day() gives it
 */
GDateTime *
limber_time_start_of_today (GDateTime *now)
{
  GDate date;
  int y, m, d;

  g_return_val_if_fail (now != NULL, NULL);

  g_date_time_get_ymd (now, &y, &m, &d);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return limber_time_start_of_day (g_date_time_get_timezone (now), &date);
}
