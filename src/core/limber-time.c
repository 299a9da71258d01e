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
