/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-journal"

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>

#include <glib/gi18n-lib.h>

#include "limber-enums.h"
#include "limber-journal-private.h"

/* Sessions in the journal: a row made when a routine starts, a part
 * recorded as each step ends, the end and the rating.
 *
 * Who owns a session in progress is decided by the kernel, not by D-Bus:
 * while a session runs, its journal holds an open-file-description lock
 * (F_OFD_SETLK) on byte <session id> of "<journal>.lock". The lock goes
 * with the process, however it ends, so a session in progress whose byte
 * nobody holds was cut short, and one whose byte is held is live in some
 * Limber, on whatever bus or seat. */


static const char sql_insert_session[] =
  "INSERT INTO sessions (routine_id, routine_name, started_at, planned_ms, outcome)"
  " VALUES (?1, ?2, ?3, ?4, ?5)";

static const char sql_update_active[] =
  "UPDATE sessions SET active_ms = ?2 WHERE id = ?1";

static const char sql_replace_part[] =
  "INSERT OR REPLACE INTO session_parts"
  " (session_id, step, side, exercise_id, planned_ms, done_ms, skipped)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

static const char sql_finish_session[] =
  "UPDATE sessions SET outcome = ?2, ended_at = ?3, active_ms = ?4 WHERE id = ?1";

static const char sql_rate_session[] =
  "UPDATE sessions SET rating = ?2 WHERE id = ?1";

/* The session ends where its last recorded progress ends. SET sees the
 * old row, so both columns use the same expression. */
static const char sql_recover[] =
  "UPDATE sessions SET outcome = ?1,"
  " active_ms = MAX(active_ms, (SELECT COALESCE(SUM(done_ms), 0) FROM session_parts"
  "                             WHERE session_id = sessions.id)),"
  " ended_at = started_at + 1000 * MAX(active_ms, (SELECT COALESCE(SUM(done_ms), 0)"
  "                                                FROM session_parts"
  "                                                WHERE session_id = sessions.id))"
  " WHERE outcome = ?2 AND id = ?3";

static const char sql_list_in_progress[] =
  "SELECT id FROM sessions WHERE outcome = ?1";

static const char sql_list_sessions[] =
  "SELECT s.id, s.routine_id, s.routine_name, s.started_at, s.ended_at,"
  " s.planned_ms, s.active_ms, s.outcome, s.rating,"
  " COUNT(p.session_id), COALESCE(SUM(p.skipped != 0), 0)"
  " FROM sessions AS s LEFT JOIN session_parts AS p ON p.session_id = s.id"
  " WHERE s.started_at >= ?1"
  " GROUP BY s.id"
  " ORDER BY s.started_at DESC, s.id DESC";

static const char sql_list_parts[] =
  "SELECT step, side, exercise_id, planned_ms, done_ms, skipped"
  " FROM session_parts WHERE session_id = ?1"
  " ORDER BY step, CASE side WHEN 'none' THEN 0 WHEN 'left' THEN 1 ELSE 2 END";

static const char sql_session_exists[] =
  "SELECT 1 FROM sessions WHERE id = ?1";

static const char sql_get_session[] =
  "SELECT " _LIMBER_JOURNAL_SESSION_COLUMNS " FROM sessions AS s WHERE s.id = ?1";

static const char sql_delete_session[] =
  "DELETE FROM sessions WHERE id = ?1";

static const char sql_restore_session[] =
  "INSERT INTO sessions (id, routine_id, routine_name, started_at, ended_at, planned_ms,"
  " active_ms, outcome, rating) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

static const char sql_restore_part[] =
  "INSERT INTO session_parts"
  " (session_id, step, side, exercise_id, planned_ms, done_ms, skipped)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

static const char sql_list_sessions_between[] =
  "SELECT s.id, s.routine_id, s.routine_name, s.started_at, s.ended_at,"
  " s.planned_ms, s.active_ms, s.outcome, s.rating,"
  " COUNT(p.session_id), COALESCE(SUM(p.skipped != 0), 0)"
  " FROM sessions AS s LEFT JOIN session_parts AS p ON p.session_id = s.id"
  " WHERE s.started_at >= ?1 AND s.started_at < ?2"
  " GROUP BY s.id"
  " ORDER BY s.started_at, s.id";

static void
set_not_found (LimberJournal  *self,
               gint64          session_id,
               GError        **error)
{
  g_autofree char *name = g_filename_display_name (self->path);

  g_set_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_NOT_FOUND,
               _("There is no session %lld in the journal “%s”."),
               (long long) session_id, name);
}

/* Runs an UPDATE of one session inside a transaction the caller began;
 * no row changed means there is no such session. */
static gboolean
run_session_update (LimberJournal  *self,
                    sqlite3_stmt   *stmt,
                    gint64          session_id,
                    GError        **error)
{
  if (!_limber_journal_run_stmt (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      set_not_found (self, session_id, error);
      return FALSE;
    }
  return TRUE;
}

/* Ownership of sessions in progress */

static gboolean
session_lock (LimberJournal *self,
              gint64         session_id,
              short          type)
{
  struct flock fl = { 0 };

  if (self->lock_fd < 0)
    return FALSE;
  fl.l_type = type;
  fl.l_whence = SEEK_SET;
  fl.l_start = session_id;
  fl.l_len = 1;
  return fcntl (self->lock_fd, F_OFD_SETLK, &fl) == 0;
}

static void
own_session (LimberJournal *self,
             gint64         session_id)
{
  if (session_lock (self, session_id, F_WRLCK))
    g_hash_table_add (self->owned, g_memdup2 (&session_id, sizeof session_id));
  else
    g_debug ("Could not lock session %" G_GINT64_FORMAT ": %s", session_id, g_strerror (errno));
}

static void
disown_session (LimberJournal *self,
                gint64         session_id)
{
  if (g_hash_table_remove (self->owned, &session_id))
    session_lock (self, session_id, F_UNLCK);
}

/* Whether some running Limber, this one or another, holds the session. */
static gboolean
session_is_live (LimberJournal *self,
                 gint64         session_id)
{
  struct flock fl = { 0 };

  if (g_hash_table_contains (self->owned, &session_id))
    return TRUE;

  fl.l_type = F_WRLCK;
  fl.l_whence = SEEK_SET;
  fl.l_start = session_id;
  fl.l_len = 1;
  if (fcntl (self->lock_fd, F_OFD_GETLK, &fl) != 0)
    return TRUE;  /* cannot tell: leave it alone */
  return fl.l_type != F_UNLCK;
}

/* Writing */

/**
 * limber_journal_recover_interrupted:
 *
 * Marks the sessions left "in progress" by a crash or a power cut as
 * interrupted, ending each where its last recorded progress ends. Their
 * parts are kept. A session that a running Limber still holds (its lock,
 * see above) is left alone, whichever process, bus or seat it runs on.
 *
 * Returns: how many sessions were recovered; 0 with @error set on failure
 */
guint
limber_journal_recover_interrupted (LimberJournal  *self,
                                    GError        **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  guint n;
  int rc;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  /* Nothing can be marked; whoever can write it will. */
  if (self->read_only_reason != NULL)
    return 0;

  /* Without the lock file nobody can be told apart from a crash. */
  if (self->lock_fd < 0)
    return 0;

  if (!_limber_journal_begin_write (self, error))
    return 0;

  /* Inside the transaction: a session being started now is locked
   * before it is committed, so it is either not seen or seen locked. */
  if (!(stmt = _limber_journal_get_stmt (self, sql_list_in_progress, error)))
    goto failed;
  sqlite3_bind_text (stmt, 1, limber_outcome_to_string (LIMBER_OUTCOME_IN_PROGRESS), -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (!session_is_live (self, id))
        g_array_append_val (ids, id);
      else
        g_debug ("Session %" G_GINT64_FORMAT " is live in a running Limber", id);
    }
  if (rc != SQLITE_DONE)
    {
      _limber_journal_set_sqlite_error (error, self->db, rc, self->path);
      _limber_journal_stmt_done (stmt);
      goto failed;
    }
  _limber_journal_stmt_done (stmt);

  n = 0;
  for (guint i = 0; i < ids->len; i++)
    {
      if (!(stmt = _limber_journal_get_stmt (self, sql_recover, error)))
        goto failed;
      sqlite3_bind_text (stmt, 1, limber_outcome_to_string (LIMBER_OUTCOME_INTERRUPTED), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, limber_outcome_to_string (LIMBER_OUTCOME_IN_PROGRESS), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, g_array_index (ids, gint64, i));
      if (!_limber_journal_run_stmt (self, stmt, error))
        goto failed;
      n += sqlite3_changes (self->db);
    }

  if (!_limber_journal_commit_write (self, error))
    return 0;

  if (n > 0)
    g_message ("Marked %u unfinished sessions in the journal as interrupted", n);
  return n;

failed:
  _limber_journal_rollback_write (self);
  return 0;
}

/**
 * limber_journal_start_session:
 * @started_at: when the routine started
 * @planned_ms: the routine's planned length
 *
 * Writes a new session, in progress.
 *
 * Returns: the session's id (> 0), or 0 with @error set
 */
gint64
limber_journal_start_session (LimberJournal  *self,
                              const char     *routine_id,
                              const char     *routine_name,
                              GDateTime      *started_at,
                              guint           planned_ms,
                              GError        **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), 0);
  g_return_val_if_fail (routine_id != NULL, 0);
  g_return_val_if_fail (routine_name != NULL, 0);
  g_return_val_if_fail (started_at != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!_limber_journal_begin_write (self, error))
    return 0;

  if (!(stmt = _limber_journal_get_stmt (self, sql_insert_session, error)))
    goto failed;
  sqlite3_bind_text (stmt, 1, routine_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, routine_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, limber_time_to_usec (started_at));
  sqlite3_bind_int64 (stmt, 4, planned_ms);
  sqlite3_bind_text (stmt, 5, limber_outcome_to_string (LIMBER_OUTCOME_IN_PROGRESS), -1, SQLITE_STATIC);
  if (!_limber_journal_run_stmt (self, stmt, error))
    goto failed;
  id = sqlite3_last_insert_rowid (self->db);
  own_session (self, id);

  if (!_limber_journal_commit_write (self, error))
    {
      disown_session (self, id);
      return 0;
    }

  g_debug ("Started session %" G_GINT64_FORMAT " of %s", id, routine_id);
  return id;

failed:
  _limber_journal_rollback_write (self);
  return 0;
}

/**
 * limber_journal_record_part:
 * @step: the step's index in the routine
 * @side: the side, for stretches done on each side
 * @skipped: whether the user skipped this part
 * @session_active_ms: the session's active time so far
 *
 * Records one part of a session (one step, one side), replacing an earlier
 * record of the same part, and the session's active time, together.
 *
 * Returns: %TRUE on success
 */
gboolean
limber_journal_record_part (LimberJournal  *self,
                            gint64          session_id,
                            guint           step,
                            LimberSide      side,
                            const char     *exercise_id,
                            guint           planned_ms,
                            guint           done_ms,
                            gboolean        skipped,
                            guint           session_active_ms,
                            GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (limber_enum_to_nick (LIMBER_TYPE_SIDE, side) != NULL, FALSE);
  g_return_val_if_fail (exercise_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_limber_journal_begin_write (self, error))
    return FALSE;

  if (!(stmt = _limber_journal_get_stmt (self, sql_update_active, error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, session_active_ms);
  if (!run_session_update (self, stmt, session_id, error))
    goto failed;

  if (!(stmt = _limber_journal_get_stmt (self, sql_replace_part, error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, step);
  sqlite3_bind_text (stmt, 3, limber_enum_to_nick (LIMBER_TYPE_SIDE, side), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, exercise_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, planned_ms);
  sqlite3_bind_int64 (stmt, 6, done_ms);
  sqlite3_bind_int (stmt, 7, skipped ? 1 : 0);
  if (!_limber_journal_run_stmt (self, stmt, error))
    goto failed;

  if (!_limber_journal_commit_write (self, error))
    return FALSE;

  /* The kill test counts these: each is a part that must survive. */
  g_debug ("Recorded part %u %s of session %" G_GINT64_FORMAT, step,
           limber_enum_to_nick (LIMBER_TYPE_SIDE, side), session_id);
  return TRUE;

failed:
  _limber_journal_rollback_write (self);
  return FALSE;
}

/**
 * limber_journal_finish_session:
 * @outcome: how the session ended; not %LIMBER_OUTCOME_IN_PROGRESS
 * @ended_at: when it ended
 * @active_ms: the time spent in the routine, pauses left out
 *
 * Returns: %TRUE on success
 */
gboolean
limber_journal_finish_session (LimberJournal  *self,
                               gint64          session_id,
                               LimberOutcome   outcome,
                               GDateTime      *ended_at,
                               guint           active_ms,
                               GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (limber_outcome_to_string (outcome) != NULL, FALSE);
  g_return_val_if_fail (ended_at != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (outcome == LIMBER_OUTCOME_IN_PROGRESS)
    {
      g_set_error_literal (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID,
                           _("A session cannot be finished as still in progress."));
      return FALSE;
    }

  if (!_limber_journal_begin_write (self, error))
    return FALSE;

  if (!(stmt = _limber_journal_get_stmt (self, sql_finish_session, error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_text (stmt, 2, limber_outcome_to_string (outcome), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, limber_time_to_usec (ended_at));
  sqlite3_bind_int64 (stmt, 4, active_ms);
  if (!run_session_update (self, stmt, session_id, error))
    goto failed;

  if (!_limber_journal_commit_write (self, error))
    return FALSE;

  g_debug ("Finished session %" G_GINT64_FORMAT " as %s", session_id, limber_outcome_to_string (outcome));
  disown_session (self, session_id);
  return TRUE;

failed:
  _limber_journal_rollback_write (self);
  return FALSE;
}

/**
 * limber_journal_set_session_rating:
 * @rating: how the session felt, 0 to 10
 *
 * Returns: %TRUE on success; %LIMBER_JOURNAL_ERROR_INVALID for a rating out
 *   of range, %LIMBER_JOURNAL_ERROR_NOT_FOUND for an unknown session
 */
gboolean
limber_journal_set_session_rating (LimberJournal  *self,
                                   gint64          session_id,
                                   int             rating,
                                   GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (rating < 0 || rating > 10)
    {
      g_set_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID,
                   _("A rating goes from 0 to 10; %d is out of range."), rating);
      return FALSE;
    }

  if (!_limber_journal_begin_write (self, error))
    return FALSE;

  if (!(stmt = _limber_journal_get_stmt (self, sql_rate_session, error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int (stmt, 2, rating);
  if (!run_session_update (self, stmt, session_id, error))
    goto failed;

  return _limber_journal_commit_write (self, error);

failed:
  _limber_journal_rollback_write (self);
  return FALSE;
}

/* Reading */

LimberSessionInfo *
_limber_journal_session_from_row (sqlite3_stmt *stmt)
{
  LimberSessionInfo *info = g_new0 (LimberSessionInfo, 1);
  g_autofree char *outcome = _limber_journal_column_text (stmt, 7);

  info->id = sqlite3_column_int64 (stmt, 0);
  info->routine_id = _limber_journal_column_strdup (stmt, 1);
  info->routine_name = _limber_journal_column_strdup (stmt, 2);
  info->started_at = _limber_journal_time_from_usec (sqlite3_column_int64 (stmt, 3));
  if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
    info->ended_at = _limber_journal_time_from_usec (sqlite3_column_int64 (stmt, 4));
  info->planned_ms = _limber_journal_column_uint (stmt, 5);
  info->active_ms = _limber_journal_column_uint (stmt, 6);
  if (!limber_outcome_from_string (outcome, &info->outcome))
    {
      /* The schema's CHECK rules this out; keep the row visible anyway. */
      g_message ("Session %" G_GINT64_FORMAT " has an unknown outcome “%s”",
                 info->id, outcome ? outcome : "");
      info->outcome = LIMBER_OUTCOME_INTERRUPTED;
    }
  if (sqlite3_column_type (stmt, 8) == SQLITE_NULL)
    info->rating = -1;
  else
    info->rating = CLAMP (sqlite3_column_int (stmt, 8), 0, 10);
  info->n_parts = _limber_journal_column_uint (stmt, 9);
  info->n_skipped = _limber_journal_column_uint (stmt, 10);
  return info;
}

/**
 * limber_journal_list_sessions:
 * @since: (nullable): only sessions started at or after this time
 *
 * Returns: (transfer container) (element-type LimberSessionInfo): the
 *   sessions, newest first, or %NULL with @error set
 */
GPtrArray *
limber_journal_list_sessions (LimberJournal  *self,
                              GDateTime      *since,
                              GError        **error)
{
  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _limber_journal_list_rows (self, sql_list_sessions, since, NULL,
                                    (LimberJournalRowFunc) _limber_journal_session_from_row,
                                    (GDestroyNotify) limber_session_info_free, error);
}

static gboolean
session_exists (LimberJournal  *self,
                gint64          session_id,
                gboolean       *exists,
                GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = _limber_journal_get_stmt (self, sql_session_exists, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, session_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _limber_journal_set_sqlite_error (error, self->db, rc, self->path);
      _limber_journal_stmt_done (stmt);
      return FALSE;
    }

  *exists = rc == SQLITE_ROW;
  _limber_journal_stmt_done (stmt);
  return TRUE;
}

/**
 * limber_journal_list_parts:
 *
 * Returns: (transfer container) (element-type LimberPartInfo): the
 *   session's parts by step and side (none, left, right), or %NULL with
 *   @error set (%LIMBER_JOURNAL_ERROR_NOT_FOUND for an unknown session)
 */
GPtrArray *
limber_journal_list_parts (LimberJournal  *self,
                           gint64          session_id,
                           GError        **error)
{
  g_autoptr(GPtrArray) parts = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(stmt = _limber_journal_get_stmt (self, sql_list_parts, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, session_id);

  parts = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_part_info_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LimberPartInfo *part = g_new0 (LimberPartInfo, 1);
      g_autofree char *side = _limber_journal_column_text (stmt, 1);
      int side_value = LIMBER_SIDE_NONE;

      part->step = _limber_journal_column_uint (stmt, 0);
      /* an unknown name reads as no side */
      limber_enum_from_nick (LIMBER_TYPE_SIDE, side, &side_value);
      part->side = (LimberSide) side_value;
      part->exercise_id = _limber_journal_column_strdup (stmt, 2);
      part->planned_ms = _limber_journal_column_uint (stmt, 3);
      part->done_ms = _limber_journal_column_uint (stmt, 4);
      part->skipped = sqlite3_column_int (stmt, 5) != 0;
      g_ptr_array_add (parts, part);
    }

  if (rc != SQLITE_DONE)
    {
      _limber_journal_set_sqlite_error (error, self->db, rc, self->path);
      _limber_journal_stmt_done (stmt);
      return NULL;
    }
  _limber_journal_stmt_done (stmt);

  if (parts->len == 0)
    {
      gboolean exists;

      if (!session_exists (self, session_id, &exists, error))
        return NULL;
      if (!exists)
        {
          set_not_found (self, session_id, error);
          return NULL;
        }
    }

  return g_steal_pointer (&parts);
}

/**
 * limber_journal_list_sessions_between:
 * @from: (nullable): only sessions started at or after this time
 * @to: (nullable): only sessions started before this time
 *
 * Returns: (transfer container) (element-type LimberSessionInfo): the
 *   sessions, oldest first, or %NULL with @error set
 */
GPtrArray *
limber_journal_list_sessions_between (LimberJournal  *self,
                                      GDateTime      *from,
                                      GDateTime      *to,
                                      GError        **error)
{
  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _limber_journal_list_rows (self, sql_list_sessions_between, from, to,
                                    (LimberJournalRowFunc) _limber_journal_session_from_row,
                                    (GDestroyNotify) limber_session_info_free, error);
}

/* Deleting, and the undo of a delete */

static gboolean
read_session (LimberJournal      *self,
              gint64              session_id,
              LimberSessionInfo **info,
              GError            **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *info = NULL;
  if (!(stmt = _limber_journal_get_stmt (self, sql_get_session, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *info = _limber_journal_session_from_row (stmt);
  else if (rc != SQLITE_DONE)
    {
      _limber_journal_set_step_error (self, rc, error);
      _limber_journal_stmt_done (stmt);
      return FALSE;
    }
  _limber_journal_stmt_done (stmt);
  return TRUE;
}

/**
 * limber_journal_delete_session:
 * @deleted: (out) (optional) (transfer full): the deleted session, for
 *   limber_journal_restore_session()
 * @deleted_parts: (out) (optional) (transfer container) (element-type LimberPartInfo):
 *   its parts, which are deleted with it
 *
 * Deletes a session and its parts together. A session that a running
 * Limber is still recording is refused.
 *
 * Returns: %TRUE on success; %LIMBER_JOURNAL_ERROR_NOT_FOUND for an unknown
 *   session, %LIMBER_JOURNAL_ERROR_INVALID for one in progress
 */
gboolean
limber_journal_delete_session (LimberJournal      *self,
                               gint64              session_id,
                               LimberSessionInfo **deleted,
                               GPtrArray         **deleted_parts,
                               GError            **error)
{
  g_autoptr(LimberSessionInfo) old = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (deleted != NULL)
    *deleted = NULL;
  if (deleted_parts != NULL)
    *deleted_parts = NULL;

  if (!_limber_journal_begin_write (self, error))
    return FALSE;

  if (!read_session (self, session_id, &old, error))
    goto failed;
  if (old == NULL)
    {
      set_not_found (self, session_id, error);
      goto failed;
    }
  if (old->outcome == LIMBER_OUTCOME_IN_PROGRESS && session_is_live (self, session_id))
    {
      g_set_error_literal (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID,
                           _("This session is still going on; stop it before deleting it."));
      goto failed;
    }
  if (!(parts = limber_journal_list_parts (self, session_id, error)))
    goto failed;

  /* the parts go with it (ON DELETE CASCADE) */
  if (!(stmt = _limber_journal_get_stmt (self, sql_delete_session, error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, session_id);
  if (!_limber_journal_run_stmt (self, stmt, error))
    goto failed;

  if (!_limber_journal_commit_write (self, error))
    return FALSE;

  g_debug ("Deleted session %" G_GINT64_FORMAT " and its %u parts", session_id, parts->len);
  if (deleted != NULL)
    *deleted = g_steal_pointer (&old);
  if (deleted_parts != NULL)
    *deleted_parts = g_steal_pointer (&parts);
  return TRUE;

failed:
  _limber_journal_rollback_write (self);
  return FALSE;
}

/**
 * limber_journal_restore_session:
 * @session: a session given by limber_journal_delete_session()
 * @parts: (nullable) (element-type LimberPartInfo): its parts
 *
 * Puts a deleted session and its parts back under its old id, in one
 * transaction: the undo of a delete.
 *
 * Returns: %TRUE on success; %LIMBER_JOURNAL_ERROR_INVALID for a session
 *   without an id or whose id is taken
 */
gboolean
limber_journal_restore_session (LimberJournal           *self,
                                const LimberSessionInfo *session,
                                GPtrArray               *parts,
                                GError                 **error)
{
  g_autoptr(LimberSessionInfo) existing = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (session != NULL, FALSE);
  g_return_val_if_fail (session->started_at != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (session->id <= 0)
    {
      g_set_error_literal (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID,
                           _("Only a session that was saved before can be put back."));
      return FALSE;
    }

  if (!_limber_journal_begin_write (self, error))
    return FALSE;

  if (!read_session (self, session->id, &existing, error))
    goto failed;
  if (existing != NULL)
    {
      g_set_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID,
                   _("Session %lld is already in the journal."), (long long) session->id);
      goto failed;
    }

  if (!(stmt = _limber_journal_get_stmt (self, sql_restore_session, error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, session->id);
  sqlite3_bind_text (stmt, 2, session->routine_id ? session->routine_id : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, session->routine_name ? session->routine_name : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, limber_time_to_usec (session->started_at));
  if (session->ended_at != NULL)
    sqlite3_bind_int64 (stmt, 5, limber_time_to_usec (session->ended_at));
  else
    sqlite3_bind_null (stmt, 5);
  sqlite3_bind_int64 (stmt, 6, session->planned_ms);
  sqlite3_bind_int64 (stmt, 7, session->active_ms);
  /* one cut short stays so: nobody records it any more */
  sqlite3_bind_text (stmt, 8, limber_outcome_to_string (session->outcome == LIMBER_OUTCOME_IN_PROGRESS
                                                        ? LIMBER_OUTCOME_INTERRUPTED : session->outcome),
                     -1, SQLITE_STATIC);
  if (session->rating >= 0)
    sqlite3_bind_int (stmt, 9, session->rating);
  else
    sqlite3_bind_null (stmt, 9);
  if (!_limber_journal_run_stmt (self, stmt, error))
    goto failed;

  for (guint i = 0; parts != NULL && i < parts->len; i++)
    {
      const LimberPartInfo *part = g_ptr_array_index (parts, i);

      if (!(stmt = _limber_journal_get_stmt (self, sql_restore_part, error)))
        goto failed;
      sqlite3_bind_int64 (stmt, 1, session->id);
      sqlite3_bind_int64 (stmt, 2, part->step);
      sqlite3_bind_text (stmt, 3, limber_enum_to_nick (LIMBER_TYPE_SIDE, part->side), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, part->exercise_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 5, part->planned_ms);
      sqlite3_bind_int64 (stmt, 6, part->done_ms);
      sqlite3_bind_int (stmt, 7, part->skipped ? 1 : 0);
      if (!_limber_journal_run_stmt (self, stmt, error))
        goto failed;
    }

  return _limber_journal_commit_write (self, error);

failed:
  _limber_journal_rollback_write (self);
  return FALSE;
}
