/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "limber-outcome.h"
#include "limber-reminder-types.h"
#include "limber-routine.h"

G_BEGIN_DECLS

/* The journal's rows as plain records: what the journal hands out and what
 * the stats, the chart and the exports read. Nothing here knows the journal
 * (check-ins are LimberCheckin, in limber-checkin.h). */

typedef struct
{
  gint64         id;
  char          *routine_id;
  char          *routine_name;
  GDateTime     *started_at;
  GDateTime     *ended_at;      /* NULL while in progress */
  guint          planned_ms;
  guint          active_ms;
  LimberOutcome  outcome;
  int            rating;        /* 0–10, or -1 for none */
  guint          n_parts;
  guint          n_skipped;
} LimberSessionInfo;

typedef struct
{
  guint       step;
  LimberSide  side;
  char       *exercise_id;
  guint       planned_ms;
  guint       done_ms;
  gboolean    skipped;
} LimberPartInfo;

/* A reminder sent by limber-reminders and what became of it. */
typedef struct
{
  gint64                 id;
  LimberReminderKind     kind;
  char                  *routine_id;    /* NULL unless the reminder names a routine */
  GDateTime             *due_at;
  GDateTime             *shown_at;      /* NULL when it could not be shown */
  LimberReminderOutcome  outcome;
  gboolean               catch_up;      /* stood for reminders missed while away or asleep */
  GDateTime             *updated_at;
} LimberReminderInfo;

/* What the journal knows of one exercise, for its page. */
typedef struct
{
  guint  times_done;       /* sessions in which a part of it was done */
  guint  total_done_ms;    /* time spent in it, over all sessions */
  gint64 last_done;        /* unix µs of the latest such session's start, 0 for never */
  guint  times_stopped_for_pain; /* sessions stopped for pain during it */
} LimberExerciseRecord;

#define LIMBER_TYPE_SESSION_INFO (limber_session_info_get_type ())
#define LIMBER_TYPE_PART_INFO    (limber_part_info_get_type ())

GType              limber_session_info_get_type (void) G_GNUC_CONST;
LimberSessionInfo *limber_session_info_copy     (const LimberSessionInfo *info);
void               limber_session_info_free     (LimberSessionInfo       *info);

GType              limber_part_info_get_type    (void) G_GNUC_CONST;
LimberPartInfo    *limber_part_info_copy        (const LimberPartInfo    *info);
void               limber_part_info_free        (LimberPartInfo          *info);

#define LIMBER_TYPE_REMINDER_INFO (limber_reminder_info_get_type ())

GType               limber_reminder_info_get_type (void) G_GNUC_CONST;
LimberReminderInfo *limber_reminder_info_copy     (const LimberReminderInfo *info);
void                limber_reminder_info_free     (LimberReminderInfo       *info);

int                limber_session_info_compare  (gconstpointer a,
                                                 gconstpointer b);
GPtrArray         *limber_records_sorted_copy   (GPtrArray    *array,
                                                 GCompareFunc  compare);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberSessionInfo, limber_session_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberReminderInfo, limber_reminder_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberPartInfo, limber_part_info_free)

G_END_DECLS
