/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "limber-checkin.h"
#include "limber-records.h"

G_BEGIN_DECLS

/* Streaks, minutes per week, daily series and insights. The limber_stats_*
 * functions are pure: they read arrays of LimberSessionInfo and
 * LimberCheckin, in any order, and count days as calendar days in the time
 * zone of the "today" (or first day) they are given.
 * limber_journal_compute_streaks() (limber-journal-stats.h) reads the whole
 * journal for the best streak. */

/* A session counts towards a day with a routine when it was completed or
 * ran for at least this much active time. */
#define LIMBER_STATS_MIN_ACTIVE_MS 60000
/* Each side of an insight needs this many days (or sessions). */
#define LIMBER_STATS_MIN_SAMPLES 5

/* A running mean; NaN values (a day with no value) are left out. */
typedef struct
{
  double sum;
  guint  n;
} LimberStatsMean;

typedef struct
{
  GDate    monday;      /* the week's first day */
  guint64  active_ms;   /* every session started that week, pauses left out */
  guint    minutes;     /* active_ms to the nearest minute */
} LimberWeekMinutes;

typedef struct
{
  GDate     date;
  guint     n_checkins;
  double    mean_pain;        /* NAN when there is no check-in */
  double    mean_stiffness;   /* NAN when there is no check-in */
  gboolean  had_routine;      /* a session that counts, see limber_stats_session_counts() */
  guint     n_sessions;       /* every session started that day */
  guint64   active_ms;        /* of every session started that day */
  guint     minutes;          /* active_ms to the nearest minute */
} LimberDayStats;

typedef enum
{
  LIMBER_INSIGHT_MORNING_STIFFNESS,
  LIMBER_INSIGHT_PAIN_AROUND_SESSIONS,
  LIMBER_INSIGHT_FAVOURITE_ROUTINE,
} LimberInsightKind;

typedef struct
{
  LimberInsightKind  kind;
  gboolean           ready;          /* enough days (or sessions) to say something */
  guint              n_with;         /* mornings after a routine; sessions with both; sessions counted */
  guint              n_without;      /* mornings after a day without; 0; 0 */
  guint              more_with;      /* how many more of n_with are needed */
  guint              more_without;   /* how many more of n_without are needed */
  guint              more_needed;    /* more_with + more_without */
  double             value_a;        /* stiffness after a routine; pain before; favourite's sessions */
  double             value_b;        /* stiffness after none; rating after; all sessions */
  char              *routine_id;     /* the favourite routine, or NULL */
  char              *routine_name;
  char              *summary;        /* one plain sentence, ready or not */
  char              *caveat;         /* what the numbers do not show; NULL when not ready */
} LimberInsight;

#define LIMBER_TYPE_INSIGHT (limber_insight_get_type ())

GType          limber_insight_get_type            (void) G_GNUC_CONST;
LimberInsight *limber_insight_copy                (const LimberInsight     *insight);
void           limber_insight_free                (LimberInsight           *insight);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberInsight, limber_insight_free)

gboolean       limber_stats_session_counts        (const LimberSessionInfo *session);
void           limber_stats_streaks               (GPtrArray               *sessions,
                                                   GDateTime               *today,
                                                   guint                   *current,
                                                   guint                   *best);
GArray        *limber_stats_weekly_minutes        (GPtrArray               *sessions,
                                                   GDateTime               *today,
                                                   guint                    n_weeks);
GArray        *limber_stats_daily                 (GPtrArray               *sessions,
                                                   GPtrArray               *checkins,
                                                   GDateTime               *first_day,
                                                   GDateTime               *last_day);
LimberInsight *limber_stats_morning_stiffness     (GPtrArray               *sessions,
                                                   GPtrArray               *checkins,
                                                   GDateTime               *today);
LimberInsight *limber_stats_pain_around_sessions  (GPtrArray               *sessions,
                                                   GPtrArray               *checkins,
                                                   GDateTime               *today);
LimberInsight *limber_stats_favourite_routine     (GPtrArray               *sessions,
                                                   GDateTime               *today);
GPtrArray     *limber_stats_insights              (GPtrArray               *sessions,
                                                   GPtrArray               *checkins,
                                                   GDateTime               *today);

void           limber_stats_mean_add              (LimberStatsMean         *mean,
                                                   double                   value);
double         limber_stats_mean_get              (const LimberStatsMean   *mean);

G_END_DECLS
