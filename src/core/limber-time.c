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
  g_autoptr(GDateTime) seconds = NULL;
  gint64 secs = usec / G_USEC_PER_SEC;
  gint64 rest = usec % G_USEC_PER_SEC;

  /* division rounds towards zero; a moment before 1970 needs the second
   * before it and a positive rest */
  if (rest < 0)
    {
      secs -= 1;
      rest += G_USEC_PER_SEC;
    }

  seconds = g_date_time_new_from_unix_local (secs);
  if (seconds == NULL)
    return NULL;
  return g_date_time_add (seconds, rest);
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
    tz = local = g_time_zone_new_local ();
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
