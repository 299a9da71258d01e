/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-journal"

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "limber-journal-private.h"

/* The journal of sessions, in SQLite. Opening, checking and moving aside
 * a damaged file are in limber-journal-file.c, the schema's steps in
 * limber-journal-migrations.c. Every write here is one short BEGIN
 * IMMEDIATE transaction of prepared statements, cached on the journal.
 * A journal is used from one thread.
 *
 * Who owns a session in progress is decided by the kernel, not by D-Bus:
 * while a session runs, its journal holds an open-file-description lock
 * (F_OFD_SETLK) on byte <session id> of "<journal>.lock". The lock goes
 * with the process, however it ends, so a session in progress whose byte
 * nobody holds was cut short, and one whose byte is held is live in some
 * Limber, on whatever bus or seat. */

typedef enum
{
  STMT_BEGIN,
  STMT_COMMIT,
  STMT_ROLLBACK,
  STMT_INSERT_SESSION,
  STMT_UPDATE_ACTIVE,
  STMT_REPLACE_PART,
  STMT_FINISH_SESSION,
  STMT_RATE_SESSION,
  STMT_RECOVER,
  STMT_LIST_IN_PROGRESS,
  STMT_LIST_SESSIONS,
  STMT_LIST_PARTS,
  STMT_SESSION_EXISTS,
  STMT_LIST_SESSIONS_BETWEEN,
  N_STMTS
} StmtId;

static const char * const stmt_sql[N_STMTS] = {
  [STMT_BEGIN] = "BEGIN IMMEDIATE",
  [STMT_COMMIT] = "COMMIT",
  [STMT_ROLLBACK] = "ROLLBACK",
  [STMT_INSERT_SESSION] =
    "INSERT INTO sessions (routine_id, routine_name, started_at, planned_ms, outcome)"
    " VALUES (?1, ?2, ?3, ?4, ?5)",
  [STMT_UPDATE_ACTIVE] =
    "UPDATE sessions SET active_ms = ?2 WHERE id = ?1",
  [STMT_REPLACE_PART] =
    "INSERT OR REPLACE INTO session_parts"
    " (session_id, step, side, exercise_id, planned_ms, done_ms, skipped)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
  [STMT_FINISH_SESSION] =
    "UPDATE sessions SET outcome = ?2, ended_at = ?3, active_ms = ?4 WHERE id = ?1",
  [STMT_RATE_SESSION] =
    "UPDATE sessions SET rating = ?2 WHERE id = ?1",
  /* The session ends where its last recorded progress ends. SET sees the
   * old row, so both columns use the same expression. */
  [STMT_RECOVER] =
    "UPDATE sessions SET outcome = ?1,"
    " active_ms = MAX(active_ms, (SELECT COALESCE(SUM(done_ms), 0) FROM session_parts"
    "                             WHERE session_id = sessions.id)),"
    " ended_at = started_at + 1000 * MAX(active_ms, (SELECT COALESCE(SUM(done_ms), 0)"
    "                                                FROM session_parts"
    "                                                WHERE session_id = sessions.id))"
    " WHERE outcome = ?2 AND id = ?3",
  [STMT_LIST_IN_PROGRESS] =
    "SELECT id FROM sessions WHERE outcome = ?1",
  [STMT_LIST_SESSIONS] =
    "SELECT s.id, s.routine_id, s.routine_name, s.started_at, s.ended_at,"
    " s.planned_ms, s.active_ms, s.outcome, s.rating,"
    " COUNT(p.session_id), COALESCE(SUM(p.skipped != 0), 0)"
    " FROM sessions AS s LEFT JOIN session_parts AS p ON p.session_id = s.id"
    " WHERE s.started_at >= ?1"
    " GROUP BY s.id"
    " ORDER BY s.started_at DESC, s.id DESC",
  [STMT_LIST_PARTS] =
    "SELECT step, side, exercise_id, planned_ms, done_ms, skipped"
    " FROM session_parts WHERE session_id = ?1"
    " ORDER BY step, CASE side WHEN 'none' THEN 0 WHEN 'left' THEN 1 ELSE 2 END",
  [STMT_SESSION_EXISTS] =
    "SELECT 1 FROM sessions WHERE id = ?1",
  [STMT_LIST_SESSIONS_BETWEEN] =
    "SELECT s.id, s.routine_id, s.routine_name, s.started_at, s.ended_at,"
    " s.planned_ms, s.active_ms, s.outcome, s.rating,"
    " COUNT(p.session_id), COALESCE(SUM(p.skipped != 0), 0)"
    " FROM sessions AS s LEFT JOIN session_parts AS p ON p.session_id = s.id"
    " WHERE s.started_at >= ?1 AND s.started_at < ?2"
    " GROUP BY s.id"
    " ORDER BY s.started_at, s.id",
};

/* Stored by name, like outcomes; the order is LimberSide's. */
static const char * const side_names[] = { "none", "left", "right" };

struct _LimberJournal
{
  GObject       parent_instance;

  char         *path;
  char         *moved_aside_path;
  char         *read_only_reason;  /* NULL when the journal can be written */
  guint         n_salvaged;
  sqlite3      *db;
  int           lock_fd;        /* "<path>.lock", or -1 */
  GHashTable   *owned;          /* ids of the sessions this journal runs */
  sqlite3_stmt *stmts[N_STMTS];
  GHashTable   *cached_stmts;  /* SQL text → sqlite3_stmt, for the other files */
};

G_DEFINE_FINAL_TYPE (LimberJournal, limber_journal, G_TYPE_OBJECT)

G_DEFINE_QUARK (limber-journal-error-quark, limber_journal_error)

/* Time: unix microseconds, UTC, in the file; local GDateTimes outside. */

static GDateTime *
usec_to_datetime (gint64 usec)
{
  GDateTime *dt = limber_time_from_usec (usec);

  if (dt == NULL)
    {
      g_message ("A time in the journal is out of range: %" G_GINT64_FORMAT, usec);
      dt = g_date_time_new_from_unix_local (0);
    }
  return dt;
}

/* Statements */

static sqlite3_stmt *
get_stmt (LimberJournal  *self,
          StmtId          id,
          GError        **error)
{
  if (self->stmts[id] == NULL)
    {
      int rc = sqlite3_prepare_v2 (self->db, stmt_sql[id], -1, &self->stmts[id], NULL);

      if (rc != SQLITE_OK)
        {
          limber_journal_set_sqlite_error (error, self->db, rc, self->path);
          sqlite3_finalize (self->stmts[id]);
          self->stmts[id] = NULL;
          return NULL;
        }
    }

  return self->stmts[id];
}

static void
stmt_done (sqlite3_stmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

/* Runs a statement that returns no rows. */
static gboolean
run_stmt (LimberJournal  *self,
          sqlite3_stmt   *stmt,
          GError        **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      limber_journal_set_sqlite_error (error, self->db, rc, self->path);
      stmt_done (stmt);
      return FALSE;
    }

  stmt_done (stmt);
  return TRUE;
}

static gboolean
run_simple (LimberJournal  *self,
            StmtId          id,
            GError        **error)
{
  sqlite3_stmt *stmt = get_stmt (self, id, error);

  return stmt != NULL && run_stmt (self, stmt, error);
}

static gboolean
begin_write (LimberJournal  *self,
             GError        **error)
{
  if (self->read_only_reason != NULL)
    {
      g_set_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_READ_ONLY,
                   /* Translators: %s says why, such as “you may not write to the file …” */
                   _("Your journal is read-only: %s. It can be read, but nothing new can be saved to it."),
                   self->read_only_reason);
      return FALSE;
    }
  return run_simple (self, STMT_BEGIN, error);
}

static void
rollback_write (LimberJournal *self)
{
  g_autoptr(GError) error = NULL;

  /* SQLite rolls back by itself after some errors, such as a full disk. */
  if (sqlite3_get_autocommit (self->db))
    return;
  if (!run_simple (self, STMT_ROLLBACK, &error))
    g_message ("Could not roll back a write to the journal: %s", error->message);
}

static gboolean
commit_write (LimberJournal  *self,
              GError        **error)
{
  if (!run_simple (self, STMT_COMMIT, error))
    {
      rollback_write (self);
      return FALSE;
    }
  return TRUE;
}

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
  if (!run_stmt (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      set_not_found (self, session_id, error);
      return FALSE;
    }
  return TRUE;
}

/* Ownership of sessions in progress */

static void
open_lock_file (LimberJournal *self)
{
  g_autofree char *lock_path = g_strconcat (self->path, ".lock", NULL);

  self->lock_fd = g_open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (self->lock_fd < 0)
    g_debug ("No lock file %s (%s): sessions in progress are left as they are",
             lock_path, g_strerror (errno));
}

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

/* Opening */

static void
limber_journal_finalize (GObject *object)
{
  LimberJournal *self = (LimberJournal *) object;

  for (guint i = 0; i < N_STMTS; i++)
    g_clear_pointer (&self->stmts[i], sqlite3_finalize);
  g_clear_pointer (&self->cached_stmts, g_hash_table_unref);
  g_clear_pointer (&self->owned, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close (self->db);
  /* Closing releases every lock this journal held. */
  if (self->lock_fd >= 0)
    close (self->lock_fd);
  g_free (self->path);
  g_free (self->moved_aside_path);
  g_free (self->read_only_reason);

  G_OBJECT_CLASS (limber_journal_parent_class)->finalize (object);
}

static void
limber_journal_class_init (LimberJournalClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = limber_journal_finalize;
}

static void
finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
limber_journal_init (LimberJournal *self)
{
  self->cached_stmts = g_hash_table_new_full (NULL, NULL, NULL, finalize_stmt);
  self->owned = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->lock_fd = -1;
}
/**
 * limber_journal_get_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/limber/journal.db`
 */
char *
limber_journal_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "limber", "journal.db", NULL);
}

/**
 * limber_journal_open:
 * @path: the journal file, usually limber_journal_get_default_path()
 * @error: return location for a #LimberJournalError
 *
 * Opens the journal at @path, creating it and its folder if needed, and
 * brings its schema up to date.
 *
 * A file that belongs to another program (%LIMBER_JOURNAL_ERROR_FOREIGN) or
 * to a newer Limber (%LIMBER_JOURNAL_ERROR_TOO_NEW) is refused and left
 * unchanged. A damaged file is moved aside and a new journal is started;
 * limber_journal_get_moved_aside_path() then says where the old one went.
 * An existing journal that cannot be written (a read-only file or folder)
 * is opened for reading: limber_journal_get_read_only_reason() says why,
 * and every write fails with %LIMBER_JOURNAL_ERROR_READ_ONLY. A journal
 * that does not exist and cannot be created gives
 * %LIMBER_JOURNAL_ERROR_READ_ONLY or %LIMBER_JOURNAL_ERROR_CANT_OPEN.
 *
 * Returns: (transfer full): the journal, or %NULL with @error set
 */
LimberJournal *
limber_journal_open (const char  *path,
                     GError     **error)
{
  g_autoptr(LimberJournal) self = NULL;
  g_autofree char *moved_aside_path = NULL;
  g_autofree char *read_only_reason = NULL;
  guint n_salvaged = 0;
  sqlite3 *db;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  db = limber_journal_open_file (path, &moved_aside_path, &read_only_reason, &n_salvaged, error);
  if (db == NULL)
    return NULL;

  self = g_object_new (LIMBER_TYPE_JOURNAL, NULL);
  self->path = g_strdup (path);
  self->moved_aside_path = g_steal_pointer (&moved_aside_path);
  self->read_only_reason = g_steal_pointer (&read_only_reason);
  self->n_salvaged = n_salvaged;
  self->db = db;
  if (self->read_only_reason == NULL)
    open_lock_file (self);
  return g_steal_pointer (&self);
}

/**
 * limber_journal_get_path:
 *
 * Returns: the journal's file name
 */
const char *
limber_journal_get_path (LimberJournal *self)
{
  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), NULL);

  return self->path;
}

/**
 * limber_journal_get_moved_aside_path:
 *
 * When the file found at open was damaged, it was moved aside, with its
 * -wal and -shm files, to "<path>.corrupt-<YYYYMMDD-HHMMSS>", and a new
 * journal was started. Tell the user where the old file is.
 *
 * Returns: (nullable): the moved file's new name (its -wal's, when only a
 *   -wal was left), or %NULL if the file was sound
 */
const char *
limber_journal_get_moved_aside_path (LimberJournal *self)
{
  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), NULL);

  return self->moved_aside_path;
}

/**
 * limber_journal_get_n_salvaged:
 *
 * When a damaged file was moved aside, every row that could still be read
 * from it was copied into the new journal.
 *
 * Returns: how many rows were copied; 0 if the file was sound
 */
guint
limber_journal_get_n_salvaged (LimberJournal *self)
{
  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), 0);

  return self->n_salvaged;
}

/**
 * limber_journal_get_read_only_reason:
 *
 * Returns: (nullable): why the journal can be read but not written, as a
 *   phrase for people (“you may not write to the file …”), or %NULL when it
 *   can be written
 */
const char *
limber_journal_get_read_only_reason (LimberJournal *self)
{
  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), NULL);

  return self->read_only_reason;
}

sqlite3 *
limber_journal_get_handle_for_testing (LimberJournal *self)
{
  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), NULL);

  return self->db;
}

/* Sessions */

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

  if (!begin_write (self, error))
    return 0;

  /* Inside the transaction: a session being started now is locked
   * before it is committed, so it is either not seen or seen locked. */
  if (!(stmt = get_stmt (self, STMT_LIST_IN_PROGRESS, error)))
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
      limber_journal_set_sqlite_error (error, self->db, rc, self->path);
      stmt_done (stmt);
      goto failed;
    }
  stmt_done (stmt);

  n = 0;
  for (guint i = 0; i < ids->len; i++)
    {
      if (!(stmt = get_stmt (self, STMT_RECOVER, error)))
        goto failed;
      sqlite3_bind_text (stmt, 1, limber_outcome_to_string (LIMBER_OUTCOME_INTERRUPTED), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, limber_outcome_to_string (LIMBER_OUTCOME_IN_PROGRESS), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, g_array_index (ids, gint64, i));
      if (!run_stmt (self, stmt, error))
        goto failed;
      n += sqlite3_changes (self->db);
    }

  if (!commit_write (self, error))
    return 0;

  if (n > 0)
    g_message ("Marked %u unfinished sessions in the journal as interrupted", n);
  return n;

failed:
  rollback_write (self);
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

  if (!begin_write (self, error))
    return 0;

  if (!(stmt = get_stmt (self, STMT_INSERT_SESSION, error)))
    goto failed;
  sqlite3_bind_text (stmt, 1, routine_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, routine_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, limber_time_to_usec (started_at));
  sqlite3_bind_int64 (stmt, 4, planned_ms);
  sqlite3_bind_text (stmt, 5, limber_outcome_to_string (LIMBER_OUTCOME_IN_PROGRESS), -1, SQLITE_STATIC);
  if (!run_stmt (self, stmt, error))
    goto failed;
  id = sqlite3_last_insert_rowid (self->db);
  own_session (self, id);

  if (!commit_write (self, error))
    {
      disown_session (self, id);
      return 0;
    }

  g_debug ("Started session %" G_GINT64_FORMAT " of %s", id, routine_id);
  return id;

failed:
  rollback_write (self);
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
  g_return_val_if_fail ((guint) side < G_N_ELEMENTS (side_names), FALSE);
  g_return_val_if_fail (exercise_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!begin_write (self, error))
    return FALSE;

  if (!(stmt = get_stmt (self, STMT_UPDATE_ACTIVE, error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, session_active_ms);
  if (!run_session_update (self, stmt, session_id, error))
    goto failed;

  if (!(stmt = get_stmt (self, STMT_REPLACE_PART, error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, step);
  sqlite3_bind_text (stmt, 3, side_names[side], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, exercise_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, planned_ms);
  sqlite3_bind_int64 (stmt, 6, done_ms);
  sqlite3_bind_int (stmt, 7, skipped ? 1 : 0);
  if (!run_stmt (self, stmt, error))
    goto failed;

  if (!commit_write (self, error))
    return FALSE;

  /* The kill test counts these: each is a part that must survive. */
  g_debug ("Recorded part %u %s of session %" G_GINT64_FORMAT, step, side_names[side], session_id);
  return TRUE;

failed:
  rollback_write (self);
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

  if (!begin_write (self, error))
    return FALSE;

  if (!(stmt = get_stmt (self, STMT_FINISH_SESSION, error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_text (stmt, 2, limber_outcome_to_string (outcome), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, limber_time_to_usec (ended_at));
  sqlite3_bind_int64 (stmt, 4, active_ms);
  if (!run_session_update (self, stmt, session_id, error))
    goto failed;

  if (!commit_write (self, error))
    return FALSE;

  g_debug ("Finished session %" G_GINT64_FORMAT " as %s", session_id, limber_outcome_to_string (outcome));
  disown_session (self, session_id);
  return TRUE;

failed:
  rollback_write (self);
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

  if (!begin_write (self, error))
    return FALSE;

  if (!(stmt = get_stmt (self, STMT_RATE_SESSION, error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int (stmt, 2, rating);
  if (!run_session_update (self, stmt, session_id, error))
    goto failed;

  return commit_write (self, error);

failed:
  rollback_write (self);
  return FALSE;
}

static guint
column_uint (sqlite3_stmt *stmt,
             int           column)
{
  gint64 value = sqlite3_column_int64 (stmt, column);

  return (guint) CLAMP (value, 0, (gint64) G_MAXUINT);
}

/**
 * limber_journal_column_text: (skip)
 * @stmt: a statement on a row
 * @column: the column
 *
 * Every text read from the journal goes through here: another program may
 * have written the file, so the text is made valid UTF-8, each invalid byte
 * (an embedded NUL too) becoming U+FFFD, and nothing downstream needs to
 * check again.
 *
 * Returns: (transfer full) (nullable): the column's text, or %NULL for SQL NULL
 */
char *
limber_journal_column_text (sqlite3_stmt *stmt,
                            int           column)
{
  const char *text;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL ||
      (text = (const char *) sqlite3_column_text (stmt, column)) == NULL)
    return NULL;
  return g_utf8_make_valid (text, sqlite3_column_bytes (stmt, column));
}

static char *
column_strdup (sqlite3_stmt *stmt,
               int           column)
{
  char *text = limber_journal_column_text (stmt, column);

  return text != NULL ? text : g_strdup ("");
}

static LimberSessionInfo *
session_info_from_row (sqlite3_stmt *stmt)
{
  LimberSessionInfo *info = g_new0 (LimberSessionInfo, 1);
  g_autofree char *outcome = limber_journal_column_text (stmt, 7);

  info->id = sqlite3_column_int64 (stmt, 0);
  info->routine_id = column_strdup (stmt, 1);
  info->routine_name = column_strdup (stmt, 2);
  info->started_at = usec_to_datetime (sqlite3_column_int64 (stmt, 3));
  if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
    info->ended_at = usec_to_datetime (sqlite3_column_int64 (stmt, 4));
  info->planned_ms = column_uint (stmt, 5);
  info->active_ms = column_uint (stmt, 6);
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
  info->n_parts = column_uint (stmt, 9);
  info->n_skipped = column_uint (stmt, 10);
  return info;
}

/**
 * limber_journal_collect_rows:
 * @stmt: a bound statement from the journal's cache
 * @from_row: makes one item of the current row
 *
 * Steps @stmt to the end and collects an item a row, leaving out the rows
 * @from_row returns %NULL for; the statement is reset either way.
 *
 * Returns: (transfer container): the items, or %NULL with @error set
 */
GPtrArray *
limber_journal_collect_rows (LimberJournal         *self,
                             sqlite3_stmt          *stmt,
                             LimberJournalRowFunc   from_row,
                             GDestroyNotify         free_func,
                             GError               **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (free_func);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gpointer item = from_row (stmt);

      if (item != NULL)
        g_ptr_array_add (items, item);
    }

  if (rc != SQLITE_DONE)
    {
      limber_journal_set_step_error (self, rc, error);
      limber_journal_stmt_done (stmt);
      return NULL;
    }

  limber_journal_stmt_done (stmt);
  return g_steal_pointer (&items);
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
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(stmt = get_stmt (self, STMT_LIST_SESSIONS, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, since != NULL ? limber_time_to_usec (since) : G_MININT64);

  return limber_journal_collect_rows (self, stmt, (LimberJournalRowFunc) session_info_from_row,
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

  if (!(stmt = get_stmt (self, STMT_SESSION_EXISTS, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, session_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      limber_journal_set_sqlite_error (error, self->db, rc, self->path);
      stmt_done (stmt);
      return FALSE;
    }

  *exists = rc == SQLITE_ROW;
  stmt_done (stmt);
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

  if (!(stmt = get_stmt (self, STMT_LIST_PARTS, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, session_id);

  parts = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_part_info_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LimberPartInfo *part = g_new0 (LimberPartInfo, 1);
      g_autofree char *side = limber_journal_column_text (stmt, 1);

      part->step = column_uint (stmt, 0);
      part->side = LIMBER_SIDE_NONE;
      for (guint i = 0; i < G_N_ELEMENTS (side_names); i++)
        if (g_strcmp0 (side, side_names[i]) == 0)
          part->side = (LimberSide) i;
      part->exercise_id = column_strdup (stmt, 2);
      part->planned_ms = column_uint (stmt, 3);
      part->done_ms = column_uint (stmt, 4);
      part->skipped = sqlite3_column_int (stmt, 5) != 0;
      g_ptr_array_add (parts, part);
    }

  if (rc != SQLITE_DONE)
    {
      limber_journal_set_sqlite_error (error, self->db, rc, self->path);
      stmt_done (stmt);
      return NULL;
    }
  stmt_done (stmt);

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
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(stmt = get_stmt (self, STMT_LIST_SESSIONS_BETWEEN, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, from != NULL ? limber_time_to_usec (from) : G_MININT64);
  sqlite3_bind_int64 (stmt, 2, to != NULL ? limber_time_to_usec (to) : G_MAXINT64);

  return limber_journal_collect_rows (self, stmt, (LimberJournalRowFunc) session_info_from_row,
                                      (GDestroyNotify) limber_session_info_free, error);
}

/* For the journal's other files; see limber-journal-private.h. */

sqlite3_stmt *
limber_journal_get_cached_stmt (LimberJournal  *self,
                                const char     *sql,
                                GError        **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->cached_stmts, sql);
  int rc;

  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      limber_journal_set_sqlite_error (error, self->db, rc, self->path);
      sqlite3_finalize (stmt);
      return NULL;
    }

  g_hash_table_insert (self->cached_stmts, (gpointer) sql, stmt);
  return stmt;
}

void
limber_journal_stmt_done (sqlite3_stmt *stmt)
{
  stmt_done (stmt);
}

gboolean
limber_journal_run_stmt (LimberJournal  *self,
                         sqlite3_stmt   *stmt,
                         GError        **error)
{
  return run_stmt (self, stmt, error);
}

void
limber_journal_set_step_error (LimberJournal  *self,
                               int             rc,
                               GError        **error)
{
  limber_journal_set_sqlite_error (error, self->db, rc, self->path);
}

gboolean
limber_journal_begin_write (LimberJournal  *self,
                            GError        **error)
{
  return begin_write (self, error);
}

gboolean
limber_journal_commit_write (LimberJournal  *self,
                             GError        **error)
{
  return commit_write (self, error);
}

void
limber_journal_rollback_write (LimberJournal *self)
{
  rollback_write (self);
}

sqlite3 *
limber_journal_get_db (LimberJournal *self)
{
  return self->db;
}

GDateTime *
limber_journal_time_from_usec (gint64 usec)
{
  return usec_to_datetime (usec);
}
