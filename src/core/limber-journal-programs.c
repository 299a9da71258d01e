/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-journal"

#include <glib/gi18n-lib.h>

#include "limber-enums.h"
#include "limber-journal-private.h"
#include "limber-journal-programs.h"
#include "limber-program.h"
#include "limber-progression.h"

/* Programs in the journal: one row per event (program_events). The state
 * is never stored apart from the events, so it cannot disagree with them:
 * the current program is the latest event's, unless that event is 'left'. */

#define EVENT_COLUMNS "id, time, program_id, event, level, reason"

static const char sql_insert[] =
  "INSERT INTO program_events (time, program_id, event, level, reason)"
  " VALUES (?1, ?2, ?3, ?4, ?5)";
/* The latest event; rows written in the same microsecond keep their order. */
static const char sql_latest[] =
  "SELECT " EVENT_COLUMNS " FROM program_events ORDER BY time DESC, id DESC LIMIT 1";
static const char sql_latest_start[] =
  "SELECT " EVENT_COLUMNS " FROM program_events"
  " WHERE event = 'started' ORDER BY time DESC, id DESC LIMIT 1";
static const char sql_list[] =
  "SELECT " EVENT_COLUMNS " FROM program_events"
  " WHERE time >= ?1 AND time < ?2 ORDER BY time, id";

static LimberProgramEvent *
event_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(LimberProgramEvent) event = g_new0 (LimberProgramEvent, 1);
  g_autofree char *kind = _limber_journal_column_text (stmt, 3);
  int value;

  /* A kind from a later version is left out rather than guessed. */
  if (kind == NULL || !limber_enum_from_nick (LIMBER_TYPE_PROGRAM_EVENT_KIND, kind, &value))
    return NULL;
  event->id = sqlite3_column_int64 (stmt, 0);
  event->time = _limber_journal_time_from_usec (sqlite3_column_int64 (stmt, 1));
  event->program_id = _limber_journal_column_strdup (stmt, 2);
  event->kind = value;
  event->level = CLAMP (sqlite3_column_int (stmt, 4), 0, LIMBER_PROGRAM_MAX_LEVELS);
  event->reason = _limber_journal_column_text (stmt, 5);
  return g_steal_pointer (&event);
}

/* The latest event (of any kind, or 'started' only); *event stays NULL
 * when there is none. */
static gboolean
read_latest (LimberJournal        *self,
             const char           *sql,
             LimberProgramEvent  **event,
             GError              **error)
{
  sqlite3_stmt *stmt;
  GPtrArray *rows;

  *event = NULL;
  if (!(stmt = _limber_journal_get_stmt (self, sql, error)))
    return FALSE;
  rows = _limber_journal_collect_rows (self, stmt, (LimberJournalRowFunc) event_from_row,
                                       (GDestroyNotify) limber_program_event_free, error);
  if (rows == NULL)
    return FALSE;
  if (rows->len > 0)
    *event = g_ptr_array_steal_index (rows, 0);
  g_ptr_array_unref (rows);
  return TRUE;
}

static gboolean
add_event (LimberJournal           *self,
           const char              *program_id,
           LimberProgramEventKind   kind,
           guint                    level,
           const char              *reason,
           GDateTime               *time,
           GError                 **error)
{
  sqlite3_stmt *stmt;

  if (!_limber_journal_begin_write (self, error))
    return FALSE;
  if (!(stmt = _limber_journal_get_stmt (self, sql_insert, error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, limber_time_to_usec (time));
  sqlite3_bind_text (stmt, 2, program_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, limber_enum_to_nick (LIMBER_TYPE_PROGRAM_EVENT_KIND, kind), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, level);
  if (reason != NULL)
    sqlite3_bind_text (stmt, 5, reason, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 5);
  if (!_limber_journal_run_stmt (self, stmt, error))
    goto failed;
  return _limber_journal_commit_write (self, error);

failed:
  _limber_journal_rollback_write (self);
  return FALSE;
}

/* The current program's latest event, or a NOT_FOUND error. */
static LimberProgramEvent *
require_current (LimberJournal  *self,
                 GError        **error)
{
  LimberProgramEvent *latest = NULL;

  if (!read_latest (self, sql_latest, &latest, error))
    return NULL;
  if (latest == NULL || latest->kind == LIMBER_PROGRAM_EVENT_LEFT)
    {
      g_clear_pointer (&latest, limber_program_event_free);
      g_set_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_NOT_FOUND,
                   _("No program is under way."));
    }
  return latest;
}

/**
 * limber_journal_start_program:
 * @program_id: the program's Id
 * @time: when
 *
 * Starts @program_id at level 1; whatever program was current is left.
 * Starting again is how a program is reset: the baseline is taken again
 * from the check-ins around the new start.
 */
gboolean
limber_journal_start_program (LimberJournal  *self,
                              const char     *program_id,
                              GDateTime      *time,
                              GError        **error)
{
  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (program_id != NULL && *program_id != '\0', FALSE);
  g_return_val_if_fail (time != NULL, FALSE);

  return add_event (self, program_id, LIMBER_PROGRAM_EVENT_STARTED, 1, NULL, time, error);
}

/**
 * limber_journal_change_program_level:
 * @level: the new level, 1…%LIMBER_PROGRAM_MAX_LEVELS
 * @reason: (nullable): why, in the words shown to the person
 *
 * Moves the current program to @level (up, down, or the same: then its
 * count starts again, as limber_journal_stay_at_program_level() does).
 *
 * Returns: %FALSE with %LIMBER_JOURNAL_ERROR_NOT_FOUND when no program is
 *   under way, %LIMBER_JOURNAL_ERROR_INVALID for a level out of range
 */
gboolean
limber_journal_change_program_level (LimberJournal  *self,
                                     guint           level,
                                     const char     *reason,
                                     GDateTime      *time,
                                     GError        **error)
{
  g_autoptr(LimberProgramEvent) current = NULL;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (time != NULL, FALSE);

  if (level < 1 || level > LIMBER_PROGRAM_MAX_LEVELS)
    {
      g_set_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID,
                   _("A program’s level is from 1 to %d, not %u."), LIMBER_PROGRAM_MAX_LEVELS, level);
      return FALSE;
    }
  if (!(current = require_current (self, error)))
    return FALSE;
  return add_event (self, current->program_id,
                    level == current->level ? LIMBER_PROGRAM_EVENT_STAYED : LIMBER_PROGRAM_EVENT_LEVEL_CHANGED,
                    level, reason, time, error);
}

/**
 * limber_journal_stay_at_program_level:
 * @reason: (nullable): why, in the words shown to the person
 *
 * Keeps the current level and starts its count again: the person chose
 * not to move on yet, and the next decision looks only at what follows.
 */
gboolean
limber_journal_stay_at_program_level (LimberJournal  *self,
                                      const char     *reason,
                                      GDateTime      *time,
                                      GError        **error)
{
  g_autoptr(LimberProgramEvent) current = NULL;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (time != NULL, FALSE);

  if (!(current = require_current (self, error)))
    return FALSE;
  return add_event (self, current->program_id, LIMBER_PROGRAM_EVENT_STAYED,
                    current->level, reason, time, error);
}

/**
 * limber_journal_leave_program:
 *
 * Leaves the current program. Leaving when none is under way does nothing.
 */
gboolean
limber_journal_leave_program (LimberJournal  *self,
                              GDateTime      *time,
                              GError        **error)
{
  g_autoptr(LimberProgramEvent) latest = NULL;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (time != NULL, FALSE);

  if (!read_latest (self, sql_latest, &latest, error))
    return FALSE;
  if (latest == NULL || latest->kind == LIMBER_PROGRAM_EVENT_LEFT)
    return TRUE;
  return add_event (self, latest->program_id, LIMBER_PROGRAM_EVENT_LEFT, 0, NULL, time, error);
}

/**
 * limber_journal_get_current_program:
 *
 * Returns: (transfer full) (nullable): the program under way, its level,
 *   since when, and the baseline of pain and stiffness (the mean of the
 *   check-ins in the week before it started, else the first check-in after);
 *   %NULL with no error when there is none.
 */
LimberProgramState *
limber_journal_get_current_program (LimberJournal  *self,
                                    GError        **error)
{
  g_autoptr(LimberProgramEvent) latest = NULL;
  g_autoptr(LimberProgramEvent) start = NULL;
  g_autoptr(LimberProgramState) state = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GDateTime) from = NULL;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!read_latest (self, sql_latest, &latest, error))
    return NULL;
  if (latest == NULL || latest->kind == LIMBER_PROGRAM_EVENT_LEFT)
    return NULL;
  if (!read_latest (self, sql_latest_start, &start, error))
    return NULL;

  state = g_new0 (LimberProgramState, 1);
  state->program_id = g_strdup (latest->program_id);
  state->level = MAX (latest->level, 1);
  state->level_since = g_date_time_ref (latest->time);
  /* A journal always starts a program before changing it; should the
   * start be missing, the level's own start stands in for it. */
  state->started_at = g_date_time_ref (start != NULL && g_str_equal (start->program_id, latest->program_id)
                                       ? start->time : latest->time);

  /* the rule needs the week before the start, or failing that the first
   * check-in after it: not every check-in since */
  from = g_date_time_add_days (state->started_at, -LIMBER_PROGRESSION_BASELINE_DAYS);
  if (!(checkins = limber_journal_list_checkins (self, from, state->started_at, error)))
    return NULL;
  if (checkins->len == 0)
    {
      LimberCheckin *first_after = NULL;

      if (!limber_journal_get_first_checkin (self, state->started_at, &first_after, error))
        return NULL;
      if (first_after != NULL)
        g_ptr_array_add (checkins, first_after);
    }
  state->has_baseline = limber_progression_compute_baseline (checkins, state->started_at,
                                                             &state->start_pain,
                                                             &state->start_stiffness);
  return g_steal_pointer (&state);
}

/**
 * limber_journal_list_program_events:
 * @from: (nullable): the first moment, or %NULL for the beginning
 * @to: (nullable): the moment after the last, or %NULL for no end
 *
 * Returns: (transfer full) (element-type LimberProgramEvent): the program
 *   events between @from and @to, oldest first, for the report and the
 *   Today page.
 */
GPtrArray *
limber_journal_list_program_events (LimberJournal  *self,
                                    GDateTime      *from,
                                    GDateTime      *to,
                                    GError        **error)
{
  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _limber_journal_list_rows (self, sql_list, from, to,
                                    (LimberJournalRowFunc) event_from_row,
                                    (GDestroyNotify) limber_program_event_free, error);
}
