/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Moments as unix microseconds (as the journal stores them and the
 * schedule counts them) and as local GDateTimes. */

gint64     limber_time_to_usec       (GDateTime   *dt);
GDateTime *limber_time_from_usec     (gint64       usec);
GTimeZone *limber_time_zone_local    (void);
GDateTime *limber_time_now_local     (void);
GDateTime *limber_time_to_local      (GDateTime   *dt);

GDateTime *limber_time_start_of_day  (GTimeZone   *tz,
                                      const GDate *date);
GDateTime *limber_time_start_of_today (GDateTime  *now);

G_END_DECLS
