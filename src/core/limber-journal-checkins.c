/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-journal"

#include <glib/gi18n-lib.h>

#include "limber-journal-private.h"

/* Check-ins in the journal: add, edit, delete and undo the delete, read.
 * Like sessions, every write is one BEGIN IMMEDIATE transaction, and a
 * check-in is validated before anything is written. */

#define CHECKIN_COLUMNS _LIMBER_JOURNAL_CHECKIN_COLUMNS

static const char sql_insert[] =
  "INSERT INTO checkins (time, pain, stiffness, side, morning_stiffness,"
  " numbness, radiating, weakness, note)"
  " VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
static const char sql_restore[] =
  "INSERT INTO checkins (" CHECKIN_COLUMNS ")"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
static const char sql_update[] =
  "UPDATE checkins SET time = ?2, pain = ?3, stiffness = ?4, side = ?5,"
  " morning_stiffness = ?6, numbness = ?7, radiating = ?8, weakness = ?9, note = ?10"
  " WHERE id = ?1";
static const char sql_delete[] =
  "DELETE FROM checkins WHERE id = ?1";
static const char sql_get[] =
  "SELECT " CHECKIN_COLUMNS " FROM checkins WHERE id = ?1";
static const char sql_list[] =
  "SELECT " CHECKIN_COLUMNS " FROM checkins"
  " WHERE time >= ?1 AND time < ?2 ORDER BY time, id";
/* one row each, by the time index */
static const char sql_latest[] =
  "SELECT " CHECKIN_COLUMNS " FROM checkins"
  " WHERE time >= ?1 ORDER BY time DESC, id DESC LIMIT 1";
static const char sql_first[] =
  "SELECT " CHECKIN_COLUMNS " FROM checkins"
  " WHERE time >= ?1 ORDER BY time, id LIMIT 1";

static void
set_checkin_not_found (LimberJournal  *self,
                       gint64          id,
                       GError        **error)
{
  g_autofree char *name = g_filename_display_name (limber_journal_get_path (self));

  g_set_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_NOT_FOUND,
               _("There is no check-in %lld in the journal “%s”."),
               (long long) id, name);
}

/* Binds ?1 (the id, when @with_id) and ?2…?10 (the fields). */
static void
bind_checkin (sqlite3_stmt        *stmt,
              const LimberCheckin *checkin,
              gboolean             with_id)
{
  if (with_id)
    sqlite3_bind_int64 (stmt, 1, checkin->id);
  sqlite3_bind_int64 (stmt, 2, limber_time_to_usec (checkin->time));
  sqlite3_bind_int (stmt, 3, checkin->pain);
  sqlite3_bind_int (stmt, 4, checkin->stiffness);
  sqlite3_bind_text (stmt, 5, limber_body_side_to_string (checkin->side), -1, SQLITE_STATIC);
  if (checkin->morning_stiffness >= 0)
    sqlite3_bind_int (stmt, 6, checkin->morning_stiffness);
  else
    sqlite3_bind_null (stmt, 6);
  sqlite3_bind_int (stmt, 7, (checkin->symptoms & LIMBER_SYMPTOM_NUMBNESS) != 0);
  sqlite3_bind_int (stmt, 8, (checkin->symptoms & LIMBER_SYMPTOM_RADIATING) != 0);
  sqlite3_bind_int (stmt, 9, (checkin->symptoms & LIMBER_SYMPTOM_WEAKNESS) != 0);
  if (checkin->note != NULL)
    sqlite3_bind_text (stmt, 10, checkin->note, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 10);
}

/* Runs @sql, an insert or update of a whole check-in, inside a write the
 * caller began: adding, changing and restoring bind the same fields. */
static gboolean
write_checkin (LimberJournal        *self,
               const char           *sql,
               const LimberCheckin  *checkin,
               gboolean              with_id,
               GError              **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = _limber_journal_get_stmt (self, sql, error)))
    return FALSE;
  bind_checkin (stmt, checkin, with_id);
  return _limber_journal_run_stmt (self, stmt, error);
}

LimberCheckin *
_limber_journal_checkin_from_row (sqlite3_stmt *stmt)
{
  LimberCheckin *checkin = g_new0 (LimberCheckin, 1);
  g_autofree char *side = _limber_journal_column_text (stmt, 4);

  checkin->id = sqlite3_column_int64 (stmt, 0);
  checkin->time = _limber_journal_time_from_usec (sqlite3_column_int64 (stmt, 1));
  checkin->pain = CLAMP (sqlite3_column_int (stmt, 2), 0, 10);
  checkin->stiffness = CLAMP (sqlite3_column_int (stmt, 3), 0, 10);
  if (!limber_body_side_from_string (side, &checkin->side))
    {
      /* The schema's CHECK rules this out; keep the row visible anyway. */
      g_message ("Check-in %" G_GINT64_FORMAT " has an unknown side “%s”",
                 checkin->id, side ? side : "");
      checkin->side = LIMBER_BODY_SIDE_BOTH;
    }
  if (sqlite3_column_type (stmt, 5) == SQLITE_NULL)
    checkin->morning_stiffness = -1;
  else
    checkin->morning_stiffness = CLAMP (sqlite3_column_int (stmt, 5), 0, LIMBER_MORNING_STIFFNESS_MAX);
  if (sqlite3_column_int (stmt, 6) != 0)
    checkin->symptoms |= LIMBER_SYMPTOM_NUMBNESS;
  if (sqlite3_column_int (stmt, 7) != 0)
    checkin->symptoms |= LIMBER_SYMPTOM_RADIATING;
  if (sqlite3_column_int (stmt, 8) != 0)
    checkin->symptoms |= LIMBER_SYMPTOM_WEAKNESS;
  checkin->note = _limber_journal_column_text (stmt, 9);
  return checkin;
}

/* Reads the one check-in of @sql, whose ?1 is @value; *checkin stays
 * NULL when there is none. */
static gboolean
read_one (LimberJournal   *self,
          const char      *sql,
          gint64           value,
          LimberCheckin  **checkin,
          GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *checkin = NULL;
  if (!(stmt = _limber_journal_get_stmt (self, sql, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, value);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *checkin = _limber_journal_checkin_from_row (stmt);
  else if (rc != SQLITE_DONE)
    {
      _limber_journal_set_step_error (self, rc, error);
      _limber_journal_stmt_done (stmt);
      return FALSE;
    }

  _limber_journal_stmt_done (stmt);
  return TRUE;
}

static gboolean
read_checkin (LimberJournal   *self,
              gint64           id,
              LimberCheckin  **checkin,
              GError         **error)
{
  return read_one (self, sql_get, id, checkin, error);
}

/**
 * limber_journal_add_checkin:
 * @checkin: the check-in; its id is ignored
 *
 * Validates @checkin with limber_checkin_validate(), then saves it. Nothing
 * is written when it is not valid.
 *
 * Returns: the new check-in's id (> 0), or 0 with @error set
 */
gint64
limber_journal_add_checkin (LimberJournal        *self,
                            const LimberCheckin  *checkin,
                            GError              **error)
{
  gint64 id;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), 0);
  g_return_val_if_fail (checkin != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!limber_checkin_validate (checkin, error))
    return 0;

  if (!_limber_journal_begin_write (self, error))
    return 0;

  if (!write_checkin (self, sql_insert, checkin, FALSE, error))
    goto failed;
  id = sqlite3_last_insert_rowid (self->db);

  if (!_limber_journal_commit_write (self, error))
    return 0;

  g_debug ("Saved check-in %" G_GINT64_FORMAT, id);
  return id;

failed:
  _limber_journal_rollback_write (self);
  return 0;
}

/**
 * limber_journal_update_checkin:
 * @checkin: the check-in, with the id of a stored one
 *
 * Replaces every field of the stored check-in with @checkin's.
 *
 * Returns: %TRUE on success; %LIMBER_JOURNAL_ERROR_INVALID for a check-in
 *   that is not valid, %LIMBER_JOURNAL_ERROR_NOT_FOUND for an unknown id
 */
gboolean
limber_journal_update_checkin (LimberJournal        *self,
                               const LimberCheckin  *checkin,
                               GError              **error)
{
  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (checkin != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!limber_checkin_validate (checkin, error))
    return FALSE;

  if (!_limber_journal_begin_write (self, error))
    return FALSE;

  if (!write_checkin (self, sql_update, checkin, TRUE, error))
    goto failed;
  if (sqlite3_changes (self->db) == 0)
    {
      set_checkin_not_found (self, checkin->id, error);
      goto failed;
    }

  return _limber_journal_commit_write (self, error);

failed:
  _limber_journal_rollback_write (self);
  return FALSE;
}

/**
 * limber_journal_delete_checkin:
 * @id: the check-in's id
 * @deleted: (out) (optional) (transfer full): the deleted check-in, to
 *   hand to limber_journal_restore_checkin() for an undo
 *
 * Returns: %TRUE on success; %LIMBER_JOURNAL_ERROR_NOT_FOUND for an
 *   unknown id
 */
gboolean
limber_journal_delete_checkin (LimberJournal   *self,
                               gint64           id,
                               LimberCheckin  **deleted,
                               GError         **error)
{
  g_autoptr(LimberCheckin) old = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (deleted != NULL)
    *deleted = NULL;

  if (!_limber_journal_begin_write (self, error))
    return FALSE;

  if (!read_checkin (self, id, &old, error))
    goto failed;
  if (old == NULL)
    {
      set_checkin_not_found (self, id, error);
      goto failed;
    }

  if (!(stmt = _limber_journal_get_stmt (self, sql_delete, error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_limber_journal_run_stmt (self, stmt, error))
    goto failed;

  if (!_limber_journal_commit_write (self, error))
    return FALSE;

  if (deleted != NULL)
    *deleted = g_steal_pointer (&old);
  return TRUE;

failed:
  _limber_journal_rollback_write (self);
  return FALSE;
}

/**
 * limber_journal_restore_checkin:
 * @checkin: a check-in given by limber_journal_delete_checkin()
 *
 * Puts a deleted check-in back under its old id: the undo of a delete.
 * Ids are never reused, so the old id is free unless it was restored
 * already.
 *
 * Returns: %TRUE on success; %LIMBER_JOURNAL_ERROR_INVALID for a check-in
 *   that is not valid, has no id, or whose id is taken
 */
gboolean
limber_journal_restore_checkin (LimberJournal        *self,
                                const LimberCheckin  *checkin,
                                GError              **error)
{
  g_autoptr(LimberCheckin) existing = NULL;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (checkin != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!limber_checkin_validate (checkin, error))
    return FALSE;
  if (checkin->id <= 0)
    {
      g_set_error_literal (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID,
                           _("Only a check-in that was saved before can be put back."));
      return FALSE;
    }

  if (!_limber_journal_begin_write (self, error))
    return FALSE;

  if (!read_checkin (self, checkin->id, &existing, error))
    goto failed;
  if (existing != NULL)
    {
      g_set_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID,
                   _("Check-in %lld is already in the journal."),
                   (long long) checkin->id);
      goto failed;
    }

  if (!write_checkin (self, sql_restore, checkin, TRUE, error))
    goto failed;

  return _limber_journal_commit_write (self, error);

failed:
  _limber_journal_rollback_write (self);
  return FALSE;
}

/**
 * limber_journal_get_checkin:
 *
 * Returns: (transfer full): the check-in, or %NULL with @error set
 *   (%LIMBER_JOURNAL_ERROR_NOT_FOUND for an unknown id)
 */
LimberCheckin *
limber_journal_get_checkin (LimberJournal  *self,
                            gint64          id,
                            GError        **error)
{
  LimberCheckin *checkin = NULL;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!read_checkin (self, id, &checkin, error))
    return NULL;
  if (checkin == NULL)
    set_checkin_not_found (self, id, error);
  return checkin;
}

/**
 * limber_journal_list_checkins:
 * @from: (nullable): only check-ins at or after this time
 * @to: (nullable): only check-ins before this time
 *
 * Returns: (transfer container) (element-type LimberCheckin): the
 *   check-ins, oldest first, or %NULL with @error set
 */
GPtrArray *
limber_journal_list_checkins (LimberJournal  *self,
                              GDateTime      *from,
                              GDateTime      *to,
                              GError        **error)
{
  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _limber_journal_list_rows (self, sql_list, from, to,
                                    (LimberJournalRowFunc) _limber_journal_checkin_from_row,
                                    (GDestroyNotify) limber_checkin_free, error);
}

/**
 * limber_journal_get_latest_checkin:
 * @since: (nullable): only a check-in at or after this moment; %NULL for any
 * @checkin: (out) (transfer full) (nullable): the latest check-in (of two
 *   at the same moment, the one saved last), or %NULL when there is none
 *
 * Reads that one row only.
 *
 * Returns: %FALSE with @error set when the journal could not be read
 */
gboolean
limber_journal_get_latest_checkin (LimberJournal   *self,
                                   GDateTime       *since,
                                   LimberCheckin  **checkin,
                                   GError         **error)
{
  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (checkin != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return read_one (self, sql_latest, since != NULL ? limber_time_to_usec (since) : G_MININT64, checkin, error);
}

/**
 * limber_journal_get_first_checkin:
 * @since: (nullable): only a check-in at or after this moment; %NULL for any
 * @checkin: (out) (transfer full) (nullable): the first check-in at or
 *   after @since, or %NULL when there is none
 *
 * Returns: %FALSE with @error set when the journal could not be read
 */
gboolean
limber_journal_get_first_checkin (LimberJournal   *self,
                                  GDateTime       *since,
                                  LimberCheckin  **checkin,
                                  GError         **error)
{
  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (checkin != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return read_one (self, sql_first, since != NULL ? limber_time_to_usec (since) : G_MININT64, checkin, error);
}
