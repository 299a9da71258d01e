/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "limber-reminder-types.h"

G_BEGIN_DECLS

/* When reminders are due. Pure computation: no clocks, no timers, no I/O.
 * The reminder service feeds it the configuration, its state and "now",
 * and sleeps until the wake-up time it returns. Times are wall-clock
 * microseconds since the Unix epoch; "now" carries the local time zone,
 * which decides weekdays, quiet hours and daylight-saving changes. */

typedef struct
{
  guint8  hour;              /* 0–23, local */
  guint8  minute;            /* 0–59 */
  guint8  weekdays;          /* bit 0 Monday … bit 6 Sunday */
  char   *routine_id;
} LimberRoutineSlot;

/* A span of working hours: [start, end) local, in seconds after midnight.
 * An end earlier than the start runs past midnight; the span belongs to
 * the day it starts. */
typedef struct
{
  guint start;
  guint end;
} LimberWorkSpan;

typedef struct
{
  gboolean  enabled;
  gboolean  breaks;
  guint     break_interval;  /* seconds of activity before a break reminder */
  guint     idle_break;      /* seconds of idleness that count as a break */
  GArray   *routines;        /* LimberRoutineSlot */
  gboolean  checkin;
  guint     checkin_at;      /* seconds after local midnight */
  gboolean  quiet;
  guint     quiet_start;     /* seconds after local midnight; may be later than quiet_end */
  guint     quiet_end;
  gboolean  hours;           /* breaks only inside working hours */
  guint8    work_days;       /* bit 0 Monday … bit 6 Sunday: the days spans start on */
  GArray   *spans;           /* LimberWorkSpan */
} LimberScheduleConfig;

typedef struct
{
  gint64             active_since;    /* when the current stretch of activity began */
  gint64             handled_until;   /* clock reminders up to here are dealt with */
  gint64             last_checkin;    /* the latest check-in, 0 for none */
  gint64             paused_until;    /* no reminders before this, 0 for none */
  gint64             snoozed_until;   /* the snoozed reminder comes back then, 0 for none */
  LimberReminderKind snoozed_kind;
  int                snoozed_slot;
  gint64             break_snoozed_until; /* a snoozed break comes back then, 0 for none */
  gboolean           resumed;         /* set by resume: the next take_due ends the pause at its "now" */
} LimberScheduleState;

typedef struct
{
  LimberReminderKind kind;
  gint64             due;            /* when it was (or will be) due */
  int                slot;           /* index into config->routines, or -1 */
  gboolean           catch_up;       /* stands for reminders missed while away or asleep */
} LimberDue;

LimberScheduleConfig *limber_schedule_config_new           (void);
void                  limber_schedule_config_free          (LimberScheduleConfig       *config);
LimberScheduleConfig *limber_schedule_config_from_settings (GSettings                  *settings);
gboolean              limber_schedule_parse_time           (const char                 *text,
                                                            guint                      *seconds);

void                  limber_schedule_state_init           (LimberScheduleState        *state,
                                                            gint64                      now);

gint64                limber_schedule_next_wakeup          (const LimberScheduleConfig *config,
                                                            const LimberScheduleState  *state,
                                                            GDateTime                  *now,
                                                            LimberDue                  *next);
gboolean              limber_schedule_take_due             (const LimberScheduleConfig *config,
                                                            LimberScheduleState        *state,
                                                            GDateTime                  *now,
                                                            LimberDue                  *due);
void                  limber_schedule_note_break           (LimberScheduleState        *state,
                                                            gint64                      ended_at);
void                  limber_schedule_snooze               (LimberScheduleState        *state,
                                                            const LimberDue            *due,
                                                            gint64                      until);
void                  limber_schedule_pause                (LimberScheduleState        *state,
                                                            gint64                      until);
void                  limber_schedule_resume               (LimberScheduleState        *state);
gboolean              limber_schedule_in_quiet_hours       (const LimberScheduleConfig *config,
                                                            GDateTime                  *when);
gboolean              limber_schedule_in_working_hours     (const LimberScheduleConfig *config,
                                                            GDateTime                  *when);

const char           *limber_reminder_kind_to_string       (LimberReminderKind          kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberScheduleConfig, limber_schedule_config_free)

G_END_DECLS
