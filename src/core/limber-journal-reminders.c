/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-journal"

#include <glib/gi18n-lib.h>

#include "limber-journal-private.h"

/* Reminders in the journal, written by limber-reminders: one row per
 * reminder, made when it is shown and updated with what the user did, so
 * that the history can tell reminders acted on from reminders ignored.
 * Kinds and outcomes are enums everywhere else; here, at the journal's
 * edge, they become the strings the file stores (their value nicks), and
 * those strings become enums again. A row whose kind or outcome this
 * version does not know is left out of the list, and so is a test
 * notification (test = 1): it is kept, with what the user did with it,
 * but no list, count or export shows it. */

static const char sql_insert[] =
  "INSERT INTO reminders (kind, routine_id, due_at, shown_at, outcome, catch_up, updated_at, key, test)"
  " VALUES (?1, ?2, ?3, ?4, 'shown', ?5, ?4, ?6, ?7)";
/* A key already there means this reminder was written before: not again. */
static const char sql_find_key[] =
  "SELECT id FROM reminders WHERE key = ?1";
/* "failed" means it never reached the screen; any other outcome means it did. */
static const char sql_set_outcome[] =
  "UPDATE reminders SET outcome = ?2, updated_at = ?3,"
  " shown_at = CASE WHEN ?2 = 'failed' THEN NULL ELSE COALESCE(shown_at, ?3) END"
  " WHERE id = ?1";
static const char sql_set_outcome_keyed[] =
  "UPDATE reminders SET outcome = ?2, updated_at = ?3,"
  " shown_at = CASE WHEN ?2 = 'failed' THEN NULL ELSE COALESCE(shown_at, ?3) END"
  " WHERE key = ?1";
static const char sql_list[] =
  "SELECT id, kind, routine_id, due_at, shown_at, outcome, catch_up, updated_at"
  " FROM reminders WHERE due_at >= ?1 AND test = 0 ORDER BY due_at DESC, id DESC";

/* With a @key, a reminder already written under it is not written again:
 * its id is returned. */
static gint64
log_reminder (LimberJournal       *self,
              const char          *key,
              LimberReminderKind   kind,
              const char          *routine_id,
              GDateTime           *due_at,
              gboolean             catch_up,
              gboolean             test,
              GError             **error)
{
  const char *kind_text = limber_reminder_kind_to_string (kind);
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), 0);
  g_return_val_if_fail (kind_text != NULL, 0);
  g_return_val_if_fail (due_at != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!_limber_journal_begin_write (self, error))
    return 0;

  if (key != NULL)
    {
      int rc;

      if (!(stmt = _limber_journal_get_stmt (self, sql_find_key, error)))
        goto failed;
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          _limber_journal_set_sqlite_error (error, self->db, rc, self->path);
          goto failed;
        }
    }

  if (id == 0)
    {
      if (!(stmt = _limber_journal_get_stmt (self, sql_insert, error)))
        goto failed;
      sqlite3_bind_text (stmt, 1, kind_text, -1, SQLITE_STATIC);
      if (routine_id != NULL)
        sqlite3_bind_text (stmt, 2, routine_id, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, 2);
      sqlite3_bind_int64 (stmt, 3, limber_time_to_usec (due_at));
      sqlite3_bind_int64 (stmt, 4, g_get_real_time ());
      sqlite3_bind_int (stmt, 5, catch_up ? 1 : 0);
      if (key != NULL)
        sqlite3_bind_text (stmt, 6, key, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, 6);
      sqlite3_bind_int (stmt, 7, test ? 1 : 0);
      if (!_limber_journal_run_stmt (self, stmt, error))
        goto failed;
      id = sqlite3_last_insert_rowid (self->db);
      g_debug ("Logged %s reminder %" G_GINT64_FORMAT, kind_text, id);
    }
  else
    g_debug ("Reminder %s is already in the journal as %" G_GINT64_FORMAT, key, id);

  if (!_limber_journal_commit_write (self, error))
    return 0;
  return id;

failed:
  _limber_journal_rollback_write (self);
  return 0;
}

/**
 * limber_journal_log_reminder:
 * @kind: the kind of reminder
 * @routine_id: (nullable): the routine the reminder suggests
 * @due_at: when the reminder was due
 * @catch_up: whether it stands for reminders missed while away or asleep
 *
 * Notes a reminder that was just shown, with the outcome "shown".
 *
 * Returns: the reminder's id (> 0), or 0 with @error set
 *   (%LIMBER_JOURNAL_ERROR_BUSY while another program holds the journal)
 */
gint64
limber_journal_log_reminder (LimberJournal       *self,
                             LimberReminderKind   kind,
                             const char          *routine_id,
                             GDateTime           *due_at,
                             gboolean             catch_up,
                             GError             **error)
{
  return log_reminder (self, NULL, kind, routine_id, due_at, catch_up, FALSE, error);
}

/**
 * limber_journal_log_reminder_keyed:
 * @key: a key that names this reminder alone, chosen by the caller
 *
 * Like limber_journal_log_reminder(), but written at most once: when a
 * reminder with @key is already in the journal, nothing is written and its
 * id is returned. So a write whose success the caller could not learn
 * (its process killed after the commit) can simply be made again.
 *
 * Returns: the reminder's id (> 0), or 0 with @error set
 */
gint64
limber_journal_log_reminder_keyed (LimberJournal       *self,
                                   const char          *key,
                                   LimberReminderKind   kind,
                                   const char          *routine_id,
                                   GDateTime           *due_at,
                                   gboolean             catch_up,
                                   GError             **error)
{
  g_return_val_if_fail (key != NULL && *key != '\0', 0);

  return log_reminder (self, key, kind, routine_id, due_at, catch_up, FALSE, error);
}

/**
 * limber_journal_log_test_reminder_keyed:
 * @key: a key that names this reminder alone, chosen by the caller
 *
 * Like limber_journal_log_reminder_keyed(), for a test notification (one
 * the user asked for to try the notifications): it is written, and its
 * outcome can be set, but limber_journal_list_reminders() never returns
 * it, so it counts in nothing.
 *
 * Returns: the reminder's id (> 0), or 0 with @error set
 */
gint64
limber_journal_log_test_reminder_keyed (LimberJournal       *self,
                                        const char          *key,
                                        LimberReminderKind   kind,
                                        const char          *routine_id,
                                        GDateTime           *due_at,
                                        GError             **error)
{
  g_return_val_if_fail (key != NULL && *key != '\0', 0);

  return log_reminder (self, key, kind, routine_id, due_at, FALSE, TRUE, error);
}

static gboolean
set_outcome (LimberJournal          *self,
             gint64                  id,
             const char             *key,
             LimberReminderOutcome   outcome,
             GError                **error)
{
  const char *outcome_text = limber_reminder_outcome_to_string (outcome);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (outcome_text == NULL)
    {
      g_set_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID,
                   _("%d is not an outcome of a reminder."), (int) outcome);
      return FALSE;
    }

  if (!_limber_journal_begin_write (self, error))
    return FALSE;

  if (!(stmt = _limber_journal_get_stmt (self, key != NULL ? sql_set_outcome_keyed : sql_set_outcome, error)))
    goto failed;
  if (key != NULL)
    sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, outcome_text, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
  if (!_limber_journal_run_stmt (self, stmt, error))
    goto failed;
  if (sqlite3_changes (self->db) == 0)
    {
      g_autofree char *name = g_filename_display_name (limber_journal_get_path (self));

      if (key != NULL)
        g_set_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_NOT_FOUND,
                     _("There is no reminder %s in the journal “%s”."), key, name);
      else
        g_set_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_NOT_FOUND,
                     _("There is no reminder %lld in the journal “%s”."),
                     (long long) id, name);
      goto failed;
    }

  return _limber_journal_commit_write (self, error);

failed:
  _limber_journal_rollback_write (self);
  return FALSE;
}

/**
 * limber_journal_set_reminder_outcome:
 * @id: a reminder's id from limber_journal_log_reminder()
 * @outcome: what became of it
 *
 * Returns: %TRUE on success; %LIMBER_JOURNAL_ERROR_INVALID for a value that
 *   is no #LimberReminderOutcome, %LIMBER_JOURNAL_ERROR_NOT_FOUND for an
 *   unknown id
 */
gboolean
limber_journal_set_reminder_outcome (LimberJournal          *self,
                                     gint64                  id,
                                     LimberReminderOutcome   outcome,
                                     GError                **error)
{
  return set_outcome (self, id, NULL, outcome, error);
}

/**
 * limber_journal_set_reminder_outcome_keyed:
 * @key: the key given to limber_journal_log_reminder_keyed()
 * @outcome: what became of it
 *
 * Like limber_journal_set_reminder_outcome(). Setting the same outcome
 * again changes nothing but the row's updated_at.
 *
 * Returns: %TRUE on success; %LIMBER_JOURNAL_ERROR_NOT_FOUND for an
 *   unknown key
 */
gboolean
limber_journal_set_reminder_outcome_keyed (LimberJournal          *self,
                                           const char             *key,
                                           LimberReminderOutcome   outcome,
                                           GError                **error)
{
  g_return_val_if_fail (key != NULL && *key != '\0', FALSE);

  return set_outcome (self, 0, key, outcome, error);
}

/* NULL for a row of a kind or outcome this version does not know. */
static LimberReminderInfo *
reminder_from_row (sqlite3_stmt *stmt)
{
  const char *kind = (const char *) sqlite3_column_text (stmt, 1);
  const char *outcome = (const char *) sqlite3_column_text (stmt, 5);
  LimberReminderInfo *info = g_new0 (LimberReminderInfo, 1);

  if (!limber_reminder_kind_from_string (kind, &info->kind) ||
      !limber_reminder_outcome_from_string (outcome, &info->outcome))
    {
      g_message ("Leaving out reminder %" G_GINT64_FORMAT " of kind “%s” and outcome “%s”",
               (gint64) sqlite3_column_int64 (stmt, 0), kind ? kind : "", outcome ? outcome : "");
      g_free (info);
      return NULL;
    }

  info->id = sqlite3_column_int64 (stmt, 0);
  info->routine_id = _limber_journal_column_text (stmt, 2);
  info->due_at = _limber_journal_time_from_usec (sqlite3_column_int64 (stmt, 3));
  if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
    info->shown_at = _limber_journal_time_from_usec (sqlite3_column_int64 (stmt, 4));
  info->catch_up = sqlite3_column_int (stmt, 6) != 0;
  info->updated_at = _limber_journal_time_from_usec (sqlite3_column_int64 (stmt, 7));
  return info;
}

/**
 * limber_journal_list_reminders:
 * @since: (nullable): only reminders due at or after this time
 *
 * Returns: (transfer container) (element-type LimberReminderInfo): the
 *   reminders, newest first, or %NULL with @error set. Rows of a kind or
 *   an outcome this version does not know are left out.
 */
GPtrArray *
limber_journal_list_reminders (LimberJournal  *self,
                               GDateTime      *since,
                               GError        **error)
{
  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _limber_journal_list_rows (self, sql_list, since, NULL,
                                    (LimberJournalRowFunc) reminder_from_row,
                                    (GDestroyNotify) limber_reminder_info_free, error);
}
