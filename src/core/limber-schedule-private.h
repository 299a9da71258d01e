/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "limber-schedule.h"

G_BEGIN_DECLS

/* Shared between limber-schedule.c and limber-schedule-hours.c */

#define _LIMBER_SCHEDULE_DAY_SECONDS (24 * 60 * 60)
/* Beyond this the arithmetic in microseconds could overflow; a pause or
 * a time this far ahead means "never". */
#define _LIMBER_SCHEDULE_FAR_FUTURE (G_MAXINT64 / 4)

gint64   _limber_schedule_local_day      (GTimeZone                  *tz,
                                          gint64                      t);
guint    _limber_schedule_weekday        (gint64                      day);
guint    _limber_schedule_local_instants (GTimeZone                  *tz,
                                          gint64                      day,
                                          guint                       seconds,
                                          gint64                      out[2]);
gboolean _limber_schedule_hours_next     (const LimberScheduleConfig *config,
                                          GTimeZone                  *tz,
                                          gint64                      t,
                                          gint64                     *start,
                                          gint64                     *end);

G_END_DECLS
