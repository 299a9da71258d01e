/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "limber-schedule.h"

#define MINUTE (G_GINT64_CONSTANT (60) * G_USEC_PER_SEC)
#define HOUR   (60 * MINUTE)
#define DAY    (24 * HOUR)

typedef struct
{
  GTimeZone            *tz;
  LimberScheduleConfig *config;
  LimberScheduleState   state;
  gboolean              offsets;  /* show UTC offsets in logs */
} Sim;

Sim       *sim_new      (const char      *zone);
void       sim_free     (Sim             *sim);
gint64     sim_at       (Sim             *sim,
                         int              year,
                         int              month,
                         int              day,
                         int              hour,
                         int              minute);
gint64     utc_at       (int              year,
                         int              month,
                         int              day,
                         int              hour,
                         int              minute);
GDateTime *sim_moment   (Sim             *sim,
                         gint64           t);
char      *sim_format   (Sim             *sim,
                         gint64           t);
gint64     sim_next     (Sim             *sim,
                         gint64           now,
                         LimberDue       *next);
gboolean   sim_take     (Sim             *sim,
                         gint64           now,
                         LimberDue       *due);
void       add_slot     (Sim             *sim,
                         guint8           hour,
                         guint8           minute,
                         guint8           weekdays,
                         const char      *routine_id);
void       log_due      (Sim             *sim,
                         GString         *log,
                         gint64           now,
                         const LimberDue *due);
guint      sim_take_all (Sim             *sim,
                         gint64           now,
                         GString         *log);
char      *sim_run      (Sim             *sim,
                         gint64           from,
                         gint64           until);
void       assert_log   (const char      *log,
                         const char      *expected);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Sim, sim_free)
