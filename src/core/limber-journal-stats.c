/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-journal"

#include "limber-journal-private.h"
#include "limber-journal-stats.h"

/* The journal's rows handed to the pure limber_stats_* functions, for what
 * needs more than the rows a page already holds. */

/* Only what limber_stats_streaks() looks at, when a session started and
 * whether it counts, without the parts, names and ratings
 * limber_journal_list_sessions_between() joins and copies: ten years of
 * sessions are still read, but as three columns of one table. */
static const char sql_streak_sessions[] =
  "SELECT started_at, outcome, active_ms FROM sessions WHERE started_at < ?1";

static GPtrArray *
list_streak_sessions (LimberJournal  *self,
                      GDateTime      *end,
                      GError        **error)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_session_info_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = _limber_journal_get_stmt (self, sql_streak_sessions, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limber_time_to_usec (end));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LimberSessionInfo *info = g_new0 (LimberSessionInfo, 1);
      g_autofree char *outcome = _limber_journal_column_text (stmt, 1);

      info->started_at = _limber_journal_time_from_usec (sqlite3_column_int64 (stmt, 0));
      if (!limber_outcome_from_string (outcome, &info->outcome))
        info->outcome = LIMBER_OUTCOME_INTERRUPTED;
      info->active_ms = _limber_journal_column_uint (stmt, 2);
      info->rating = -1;
      g_ptr_array_add (sessions, info);
    }
  if (rc != SQLITE_DONE)
    {
      _limber_journal_set_step_error (self, rc, error);
      _limber_journal_stmt_done (stmt);
      return NULL;
    }
  _limber_journal_stmt_done (stmt);
  return g_steal_pointer (&sessions);
}

/**
 * limber_journal_compute_streaks:
 * @today: now, usually limber_time_now_local()
 *
 * limber_stats_streaks() over every session up to the end of @today, in
 * @today's time zone.
 *
 * Returns: %TRUE on success
 */
gboolean
limber_journal_compute_streaks (LimberJournal  *self,
                                GDateTime      *today,
                                guint          *current,
                                guint          *best,
                                GError        **error)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) end = NULL;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  midnight = limber_time_start_of_today (today);
  end = g_date_time_add_days (midnight, 1);
  sessions = list_streak_sessions (self, end, error);
  if (sessions == NULL)
    return FALSE;

  limber_stats_streaks (sessions, today, current, best);
  return TRUE;
}

/**
 * limber_journal_is_empty:
 * @empty: (out): whether the journal holds no session and no check-in
 *
 * For a first run's welcome: one short query, whatever the journal's size.
 *
 * Returns: %TRUE on success
 */
gboolean
limber_journal_is_empty (LimberJournal  *self,
                         gboolean       *empty,
                         GError        **error)
{
  static const char sql[] =
    "SELECT EXISTS (SELECT 1 FROM sessions) OR EXISTS (SELECT 1 FROM checkins)";
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (empty != NULL, FALSE);

  if (!(stmt = _limber_journal_get_stmt (self, sql, error)))
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *empty = sqlite3_column_int (stmt, 0) == 0;
  else
    _limber_journal_set_step_error (self, rc, error);
  _limber_journal_stmt_done (stmt);
  return rc == SQLITE_ROW;
}
