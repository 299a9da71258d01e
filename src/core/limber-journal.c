/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-journal"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "limber-journal-private.h"

/* The journal, in SQLite: the object, opening it, and what every
 * limber-journal-*.c file uses to read and write it. Opening, checking and
 * moving aside a damaged file are in limber-journal-file.c, the schema's
 * steps in limber-journal-migrations.c, sessions in
 * limber-journal-sessions.c, check-ins, reminders, advisories and backups
 * in their own files. Every write is one short BEGIN IMMEDIATE transaction
 * of prepared statements, all cached on the journal by their SQL text. A
 * journal is used from one thread. */

G_DEFINE_FINAL_TYPE (LimberJournal, limber_journal, G_TYPE_OBJECT)

G_DEFINE_QUARK (limber-journal-error-quark, limber_journal_error)

/* Time: unix microseconds, UTC, in the file; local GDateTimes outside. */

GDateTime *
_limber_journal_time_from_usec (gint64 usec)
{
  GDateTime *dt = limber_time_from_usec (usec);

  if (dt == NULL)
    {
      g_message ("A time in the journal is out of range: %" G_GINT64_FORMAT, usec);
      dt = limber_time_from_usec (0);
    }
  return dt;
}

/* Statements */

sqlite3_stmt *
_limber_journal_get_stmt (LimberJournal  *self,
                          const char     *sql,
                          GError        **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->stmts, sql);
  int rc;

  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _limber_journal_set_sqlite_error (error, self->db, rc, self->path);
      sqlite3_finalize (stmt);
      return NULL;
    }

  g_hash_table_insert (self->stmts, (gpointer) sql, stmt);
  return stmt;
}

void
_limber_journal_stmt_done (sqlite3_stmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

/* Runs a statement that returns no rows. */
gboolean
_limber_journal_run_stmt (LimberJournal  *self,
                          sqlite3_stmt   *stmt,
                          GError        **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _limber_journal_set_sqlite_error (error, self->db, rc, self->path);
      _limber_journal_stmt_done (stmt);
      return FALSE;
    }

  _limber_journal_stmt_done (stmt);
  return TRUE;
}

void
_limber_journal_set_step_error (LimberJournal  *self,
                                int             rc,
                                GError        **error)
{
  _limber_journal_set_sqlite_error (error, self->db, rc, self->path);
}

static const char sql_begin[] = "BEGIN IMMEDIATE";
static const char sql_commit[] = "COMMIT";
static const char sql_rollback[] = "ROLLBACK";

static gboolean
run_simple (LimberJournal  *self,
            const char     *sql,
            GError        **error)
{
  sqlite3_stmt *stmt = _limber_journal_get_stmt (self, sql, error);

  return stmt != NULL && _limber_journal_run_stmt (self, stmt, error);
}

gboolean
_limber_journal_begin_write (LimberJournal  *self,
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
  return run_simple (self, sql_begin, error);
}

void
_limber_journal_rollback_write (LimberJournal *self)
{
  g_autoptr(GError) error = NULL;

  /* SQLite rolls back by itself after some errors, such as a full disk. */
  if (sqlite3_get_autocommit (self->db))
    return;
  if (!run_simple (self, sql_rollback, &error))
    g_message ("Could not roll back a write to the journal: %s", error->message);
}

gboolean
_limber_journal_commit_write (LimberJournal  *self,
                              GError        **error)
{
  if (!run_simple (self, sql_commit, error))
    {
      _limber_journal_rollback_write (self);
      return FALSE;
    }
  return TRUE;
}

/* Reading rows */

guint
_limber_journal_column_uint (sqlite3_stmt *stmt,
                            int           column)
{
  gint64 value = sqlite3_column_int64 (stmt, column);

  return (guint) CLAMP (value, 0, (gint64) G_MAXUINT);
}

/**
 * _limber_journal_column_text:
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
_limber_journal_column_text (sqlite3_stmt *stmt,
                             int           column)
{
  const char *text;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL ||
      (text = (const char *) sqlite3_column_text (stmt, column)) == NULL)
    return NULL;
  return g_utf8_make_valid (text, sqlite3_column_bytes (stmt, column));
}

char *
_limber_journal_column_strdup (sqlite3_stmt *stmt,
                              int           column)
{
  char *text = _limber_journal_column_text (stmt, column);

  return text != NULL ? text : g_strdup ("");
}

/**
 * _limber_journal_collect_rows:
 * @stmt: a bound statement from the journal's cache
 * @from_row: makes one item of the current row
 *
 * Steps @stmt to the end and collects an item a row, leaving out the rows
 * @from_row returns %NULL for; the statement is reset either way.
 *
 * Returns: (transfer container): the items, or %NULL with @error set
 */
GPtrArray *
_limber_journal_collect_rows (LimberJournal         *self,
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
      _limber_journal_set_step_error (self, rc, error);
      _limber_journal_stmt_done (stmt);
      return NULL;
    }

  _limber_journal_stmt_done (stmt);
  return g_steal_pointer (&items);
}

/**
 * _limber_journal_list_rows:
 * @sql: a statement whose ?1 is the first moment and ?2, if it has one, the
 *   moment after the last, in microseconds
 * @from: (nullable): the first moment; %NULL for the beginning of time
 * @to: (nullable): the moment after the last; %NULL for no end
 * @from_row: makes one item of the current row
 *
 * Returns: (transfer container): the items, or %NULL with @error set
 */
GPtrArray *
_limber_journal_list_rows (LimberJournal         *self,
                           const char            *sql,
                           GDateTime             *from,
                           GDateTime             *to,
                           LimberJournalRowFunc   from_row,
                           GDestroyNotify         free_func,
                           GError               **error)
{
  sqlite3_stmt *stmt = _limber_journal_get_stmt (self, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from != NULL ? limber_time_to_usec (from) : G_MININT64);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, to != NULL ? limber_time_to_usec (to) : G_MAXINT64);
  return _limber_journal_collect_rows (self, stmt, from_row, free_func, error);
}

/* Opening */

static void
open_lock_file (LimberJournal *self)
{
  g_autofree char *lock_path = g_strconcat (self->path, ".lock", NULL);

  self->lock_fd = g_open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (self->lock_fd < 0)
    g_debug ("No lock file %s (%s): sessions in progress are left as they are",
             lock_path, g_strerror (errno));
}

static void
limber_journal_finalize (GObject *object)
{
  LimberJournal *self = (LimberJournal *) object;

  g_clear_pointer (&self->stmts, g_hash_table_unref);
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
  self->stmts = g_hash_table_new_full (NULL, NULL, NULL, finalize_stmt);
  self->owned = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->lock_fd = -1;
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

  db = _limber_journal_open_file (path, &moved_aside_path, &read_only_reason, &n_salvaged, error);
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
_limber_journal_get_handle_for_testing (LimberJournal *self)
{
  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), NULL);

  return self->db;
}
