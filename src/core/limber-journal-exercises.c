/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-journal"

/* What the journal knows of one exercise, for the exercise's page. */

#include <sqlite3.h>

#include "limber-journal-private.h"

static const char sql_exercise_done[] =
  "SELECT COUNT(DISTINCT p.session_id), COALESCE(SUM(p.done_ms), 0), MAX(s.started_at)"
  " FROM session_parts AS p JOIN sessions AS s ON s.id = p.session_id"
  " WHERE p.exercise_id = ?1 AND p.done_ms > 0";

/* A session stopped for pain counts against the exercise of its last part
 * (the highest step, the right side after the left). */
static const char sql_exercise_pain[] =
  "SELECT COUNT(*) FROM sessions AS s"
  " WHERE s.outcome = 'stopped-for-pain' AND ?1 = ("
  "   SELECT p.exercise_id FROM session_parts AS p WHERE p.session_id = s.id"
  "   ORDER BY p.step DESC, CASE p.side WHEN 'right' THEN 2 WHEN 'left' THEN 1 ELSE 0 END DESC"
  "   LIMIT 1)";

/**
 * limber_journal_get_exercise_record:
 * @out: (out caller-allocates): the record
 *
 * Counts the sessions in which a part of @exercise_id was done, the time
 * spent in it, when it was last done and how often a session was stopped
 * for pain during it.
 */
gboolean
limber_journal_get_exercise_record (LimberJournal         *self,
                                    const char            *exercise_id,
                                    LimberExerciseRecord  *out,
                                    GError               **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (exercise_id != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  *out = (LimberExerciseRecord) { 0 };

  if (!(stmt = _limber_journal_get_stmt (self, sql_exercise_done, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, exercise_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      out->times_done = sqlite3_column_int (stmt, 0);
      out->total_done_ms = (guint) MIN (sqlite3_column_int64 (stmt, 1), G_MAXUINT);
      out->last_done = sqlite3_column_int64 (stmt, 2);
    }
  _limber_journal_stmt_done (stmt);
  if (rc != SQLITE_ROW)
    {
      _limber_journal_set_step_error (self, rc, error);
      return FALSE;
    }

  if (!(stmt = _limber_journal_get_stmt (self, sql_exercise_pain, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, exercise_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    out->times_stopped_for_pain = sqlite3_column_int (stmt, 0);
  _limber_journal_stmt_done (stmt);
  if (rc != SQLITE_ROW)
    {
      _limber_journal_set_step_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}
