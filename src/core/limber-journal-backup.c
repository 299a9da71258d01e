/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-journal"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "limber-journal-private.h"
#include "limber-time.h"

/* Backups: once a day, a copy of the journal made with SQLite's online
 * backup API into "backups/" beside it, named "<journal>-YYYY-MM-DD.db".
 * A copy is written under a temporary name, checked with PRAGMA
 * quick_check, and only then given its name and allowed to push out the
 * oldest of LIMBER_JOURNAL_N_BACKUPS: a bad copy never replaces a good one.
 *
 * Restoring merges a backup into the journal: rows the journal does not
 * have are added, and nothing in the journal is changed or removed. */

static char *
backup_dir (const char *journal_path)
{
  g_autofree char *dir = g_path_get_dirname (journal_path);

  return g_build_filename (dir, "backups", NULL);
}

static char *
backup_prefix (const char *journal_path)
{
  g_autofree char *base = g_path_get_basename (journal_path);

  if (g_str_has_suffix (base, ".db"))
    base[strlen (base) - 3] = '\0';
  return g_strconcat (base, "-", NULL);
}

/* "<prefix>YYYY-MM-DD.db" and nothing else */
static gboolean
is_backup_name (const char *name,
                const char *prefix)
{
  const char *date;

  if (!g_str_has_prefix (name, prefix))
    return FALSE;
  date = name + strlen (prefix);
  if (strlen (date) != strlen ("YYYY-MM-DD.db") || !g_str_has_suffix (date, ".db"))
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i == 4 || i == 7 ? date[i] != '-' : !g_ascii_isdigit (date[i]))
      return FALSE;
  return TRUE;
}

static int
compare_names_newest_first (gconstpointer a,
                            gconstpointer b)
{
  return -g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * limber_journal_list_backups:
 * @journal_path: the journal's file
 *
 * Returns: (transfer full): the paths of the journal's daily backups,
 *   newest first; empty when there are none
 */
GPtrArray *
limber_journal_list_backups (const char *journal_path)
{
  g_autofree char *dir = backup_dir (journal_path);
  g_autofree char *prefix = backup_prefix (journal_path);
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (handle == NULL)
    return names;
  while ((name = g_dir_read_name (handle)) != NULL)
    if (is_backup_name (name, prefix))
      g_ptr_array_add (names, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (names, compare_names_newest_first);
  return names;
}

/* A Limber journal that passes quick_check, or FALSE with @error set. */
static gboolean
check_copy (sqlite3     *db,
            const char  *path,
            GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT (SELECT quick_check FROM pragma_quick_check LIMIT 1),"
                               " (SELECT application_id FROM pragma_application_id)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autofree char *name = g_filename_display_name (path);

      if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
        g_set_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_CORRUPT,
                     _("The backup “%s” is damaged."), name);
      else if (sqlite3_column_int64 (stmt, 1) != LIMBER_JOURNAL_APPLICATION_ID)
        g_set_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_FOREIGN,
                     _("“%s” is not a Limber journal."), name);
      else
        ok = TRUE;
    }
  else
    _limber_journal_set_sqlite_error (error, db, rc, path);
  sqlite3_finalize (stmt);
  return ok;
}

static sqlite3 *
open_read_only (const char  *path,
                GError     **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);

  if (rc != SQLITE_OK)
    {
      _limber_journal_set_sqlite_error (error, db, rc, path);
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, 5000);
  return db;
}

/* Copies the database at @from into a new file @to (0600), whole, with the
 * online backup API, and checks the copy. On failure @to is removed. */
static gboolean
copy_checked (sqlite3     *src,
              const char  *to,
              GError     **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int fd, rc;

  fd = g_open (to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int errsv = errno;
      g_autofree char *name = g_filename_display_name (to);

      g_set_error (error, LIMBER_JOURNAL_ERROR,
                   errsv == ENOSPC ? LIMBER_JOURNAL_ERROR_FULL :
                   errsv == EACCES || errsv == EROFS || errsv == EPERM ? LIMBER_JOURNAL_ERROR_READ_ONLY :
                   LIMBER_JOURNAL_ERROR_CANT_OPEN,
                   _("The backup “%s” could not be made: %s"), name, g_strerror (errsv));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (to, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", src, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (dest);
      else
        {
          do
            {
              rc = sqlite3_backup_step (backup, -1);
              if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
                sqlite3_sleep (50);
            }
          while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
    }
  if (rc != SQLITE_OK)
    _limber_journal_set_sqlite_error (error, dest, rc, to);
  else if (!check_copy (dest, to, error))
    rc = SQLITE_CORRUPT;
  /* one file, no -wal, for a copy that may be carried elsewhere */
  if (rc == SQLITE_OK && sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
    {
      rc = sqlite3_errcode (dest);
      _limber_journal_set_sqlite_error (error, dest, rc, to);
    }
  sqlite3_close (dest);
  if (rc != SQLITE_OK)
    {
      /* the copy takes the journal's WAL mode from its first page */
      static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *file = g_strconcat (to, suffixes[i], NULL);

          g_unlink (file);
        }
      return FALSE;
    }
  return TRUE;
}

static gboolean
has_damaged_file (const char *journal_path)
{
  g_autofree char *dir = g_path_get_dirname (journal_path);
  g_autofree char *base = g_path_get_basename (journal_path);
  g_autofree char *prefix = g_strconcat (base, ".corrupt-", NULL);
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_prefix (name, prefix))
      return TRUE;
  return FALSE;
}

/**
 * limber_journal_backup_daily:
 * @journal_path: the journal's file
 * @today: (nullable): the day to name the backup after; now if %NULL
 * @made: (out) (optional): whether a backup was made; %FALSE when today's
 *   backup already exists
 *
 * Makes today's backup of the journal, if there is not one yet, and keeps
 * the newest LIMBER_JOURNAL_N_BACKUPS. Safe while other processes write:
 * the copy is a consistent snapshot. Blocking: run it in a thread.
 *
 * Returns: %FALSE with @error set when a backup was due and could not be
 *   made; the older backups are then untouched
 */
gboolean
limber_journal_backup_daily (const char  *journal_path,
                             GDateTime   *today,
                             gboolean    *made,
                             GError     **error)
{
  g_autoptr(GDateTime) now = today != NULL ? g_date_time_ref (today) : limber_time_now_local ();
  g_autofree char *dir = backup_dir (journal_path);
  g_autofree char *prefix = backup_prefix (journal_path);
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = g_strconcat (prefix, date, ".db", NULL);
  g_autofree char *target = g_build_filename (dir, name, NULL);
  g_autofree char *partial = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  sqlite3 *src;
  gboolean ok;

  if (made != NULL)
    *made = FALSE;

  if (g_file_test (target, G_FILE_TEST_EXISTS) || !g_file_test (journal_path, G_FILE_TEST_IS_REGULAR))
    return TRUE;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int errsv = errno;
      g_autofree char *display = g_filename_display_name (dir);

      g_set_error (error, LIMBER_JOURNAL_ERROR,
                   errsv == ENOSPC ? LIMBER_JOURNAL_ERROR_FULL : LIMBER_JOURNAL_ERROR_CANT_OPEN,
                   _("The folder “%s” for backups could not be created: %s"), display, g_strerror (errsv));
      return FALSE;
    }

  src = open_read_only (journal_path, error);
  if (src == NULL)
    return FALSE;
  partial = g_strdup_printf ("%s/.%s.partial-%d", dir, name, (int) getpid ());
  g_unlink (partial);
  ok = copy_checked (src, partial, error);
  sqlite3_close (src);
  if (!ok)
    return FALSE;

  /* another Limber may have made today's meanwhile: keep that one */
  if (g_file_test (target, G_FILE_TEST_EXISTS) || g_rename (partial, target) != 0)
    {
      g_unlink (partial);
      return TRUE;
    }
  if (made != NULL)
    *made = TRUE;
  g_debug ("Made the backup %s", target);

  /* While a damaged journal is kept beside this one, the backups from
   * before the damage may be all that holds some of it: none is removed
   * until the damaged file is. */
  if (has_damaged_file (journal_path))
    {
      g_debug ("A damaged journal is kept beside %s; keeping every backup", journal_path);
      return TRUE;
    }

  backups = limber_journal_list_backups (journal_path);
  for (guint i = LIMBER_JOURNAL_N_BACKUPS; i < backups->len; i++)
    {
      g_debug ("Removing the old backup %s", (const char *) g_ptr_array_index (backups, i));
      g_unlink (g_ptr_array_index (backups, i));
    }
  return TRUE;
}

/* The backup's rows that the journal lacks, table by table. A session is
 * the same when it has the same routine and start; a check-in, the same
 * time; an advisory, the same reason and time; a reminder, the same kind
 * and due time; a program event, the same program, event and time. A session that was in progress in the backup is ended as
 * interrupted: if it still ran, the journal has it. */
static const char merge_sql[] =
  "CREATE TEMP TABLE restore_map (old INTEGER PRIMARY KEY, new INTEGER NOT NULL);"
  "INSERT INTO main.sessions (routine_id, routine_name, started_at, ended_at, planned_ms,"
  "                           active_ms, outcome, rating)"
  "  SELECT routine_id, routine_name, started_at,"
  "         CASE WHEN outcome = 'in-progress' THEN COALESCE (ended_at, started_at + active_ms * 1000)"
  "              ELSE ended_at END,"
  "         planned_ms, active_ms,"
  "         CASE WHEN outcome = 'in-progress' THEN 'interrupted' ELSE outcome END, rating"
  "  FROM restore.sessions AS b"
  "  WHERE NOT EXISTS (SELECT 1 FROM main.sessions AS m"
  "                    WHERE m.routine_id = b.routine_id AND m.started_at = b.started_at)"
  "  ORDER BY b.id;"
  "INSERT INTO temp.restore_map (old, new)"
  "  SELECT b.id, (SELECT min (m.id) FROM main.sessions AS m"
  "                WHERE m.routine_id = b.routine_id AND m.started_at = b.started_at)"
  "  FROM restore.sessions AS b;"
  "INSERT OR IGNORE INTO main.session_parts (session_id, step, side, exercise_id, planned_ms, done_ms, skipped)"
  "  SELECT map.new, p.step, p.side, p.exercise_id, p.planned_ms, p.done_ms, p.skipped"
  "  FROM restore.session_parts AS p JOIN temp.restore_map AS map ON map.old = p.session_id;"
  "INSERT INTO main.checkins (time, pain, stiffness, side, morning_stiffness, numbness,"
  "                           radiating, weakness, note)"
  "  SELECT time, pain, stiffness, side, morning_stiffness, numbness, radiating, weakness, note"
  "  FROM restore.checkins AS b"
  "  WHERE NOT EXISTS (SELECT 1 FROM main.checkins AS m WHERE m.time = b.time)"
  "  ORDER BY b.id;"
  "INSERT INTO main.advisories (reason, shown_at)"
  "  SELECT reason, shown_at FROM restore.advisories AS b"
  "  WHERE NOT EXISTS (SELECT 1 FROM main.advisories AS m"
  "                    WHERE m.reason = b.reason AND m.shown_at = b.shown_at);"
  "INSERT INTO main.reminders (kind, routine_id, due_at, shown_at, outcome, catch_up, updated_at)"
  "  SELECT kind, routine_id, due_at, shown_at, outcome, catch_up, updated_at"
  "  FROM restore.reminders AS b"
  "  WHERE NOT EXISTS (SELECT 1 FROM main.reminders AS m"
  "                    WHERE m.kind = b.kind AND m.due_at = b.due_at)"
  "  ORDER BY b.id;"
  "INSERT INTO main.program_events (time, program_id, event, level, reason)"
  "  SELECT time, program_id, event, level, reason FROM restore.program_events AS b"
  "  WHERE NOT EXISTS (SELECT 1 FROM main.program_events AS m"
  "                    WHERE m.program_id = b.program_id AND m.event = b.event AND m.time = b.time)"
  "  ORDER BY b.time, b.id;"
  "DROP TABLE temp.restore_map;";

/* A checked, migrated copy of @backup in the journal's folder, to attach. */
static char *
prepare_copy (const char  *journal_path,
              const char  *backup,
              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (journal_path);
  g_autofree char *copy = g_strdup_printf ("%s/.restore-%d.db", dir, (int) getpid ());
  sqlite3 *src, *db = NULL;
  gboolean ok;
  int rc;

  src = open_read_only (backup, error);
  if (src == NULL)
    return NULL;
  ok = check_copy (src, backup, error);
  if (ok)
    {
      g_unlink (copy);
      ok = copy_checked (src, copy, error);
    }
  sqlite3_close (src);
  if (!ok)
    return NULL;

  /* an older backup gets the tables and columns of today's journal */
  rc = sqlite3_open_v2 (copy, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      _limber_journal_set_sqlite_error (error, db, rc, copy);
      ok = FALSE;
    }
  else
    ok = _limber_journal_migrate (db, backup, error);
  sqlite3_close (db);
  if (!ok)
    {
      g_unlink (copy);
      return NULL;
    }
  return g_steal_pointer (&copy);
}

static gint64
total_rows (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  if (sqlite3_prepare_v2 (db, "SELECT (SELECT count(*) FROM main.sessions) + (SELECT count(*) FROM main.session_parts)"
                              " + (SELECT count(*) FROM main.checkins) + (SELECT count(*) FROM main.advisories)"
                              " + (SELECT count(*) FROM main.reminders)"
                              " + (SELECT count(*) FROM main.program_events)", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/**
 * limber_journal_restore_backup:
 * @backup: (nullable): the backup file; %NULL for the newest good one
 * @used: (out) (optional) (transfer full): the backup that was restored
 * @n_restored: (out) (optional): how many records were added
 *
 * Brings back what a backup holds: every record in it that the journal
 * does not have is added, in one transaction; nothing in the journal is
 * changed or removed, so what was saved since the backup stays.
 *
 * Returns: %FALSE with @error set when nothing was restored
 */
gboolean
limber_journal_restore_backup (LimberJournal  *self,
                               const char     *backup,
                               char          **used,
                               guint          *n_restored,
                               GError        **error)
{
  const char *path = limber_journal_get_path (self);
  sqlite3 *db = self->db;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *chosen = NULL;
  g_autofree char *attach = NULL;
  gint64 before, after;
  int rc;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), FALSE);

  if (limber_journal_get_read_only_reason (self) != NULL)
    {
      g_set_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_READ_ONLY,
                   _("The journal is read-only, so nothing can be restored into it: %s."),
                   limber_journal_get_read_only_reason (self));
      return FALSE;
    }

  if (backup != NULL)
    {
      if (!g_file_test (backup, G_FILE_TEST_IS_REGULAR))
        {
          g_autofree char *name = g_filename_display_name (backup);

          g_set_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_NOT_FOUND,
                       _("There is no backup file “%s”."), name);
          return FALSE;
        }
      copy = prepare_copy (path, backup, error);
      if (copy == NULL)
        return FALSE;
      chosen = g_strdup (backup);
    }
  else
    {
      candidates = limber_journal_list_backups (path);
      for (guint i = 0; i < candidates->len && copy == NULL; i++)
        {
          g_autoptr(GError) local = NULL;

          copy = prepare_copy (path, g_ptr_array_index (candidates, i), &local);
          if (copy == NULL)
            g_message ("Not restoring %s: %s", (const char *) g_ptr_array_index (candidates, i), local->message);
          else
            chosen = g_strdup (g_ptr_array_index (candidates, i));
        }
      if (copy == NULL)
        {
          g_set_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_NOT_FOUND,
                       candidates->len == 0 ? _("There is no backup of the journal yet.")
                                            : _("None of the journal’s backups can be read."));
          return FALSE;
        }
    }

  attach = sqlite3_mprintf ("ATTACH %Q AS restore", copy);
  rc = sqlite3_exec (db, attach, NULL, NULL, NULL);
  sqlite3_free (g_steal_pointer (&attach));
  if (rc != SQLITE_OK)
    {
      _limber_journal_set_sqlite_error (error, db, rc, copy);
      g_unlink (copy);
      return FALSE;
    }

  before = total_rows (db);
  if (!_limber_journal_begin_write (self, error))
    goto failed;
  sqlite3_exec (db, "PRAGMA ignore_check_constraints = ON", NULL, NULL, NULL);
  rc = sqlite3_exec (db, merge_sql, NULL, NULL, NULL);
  sqlite3_exec (db, "PRAGMA ignore_check_constraints = OFF", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _limber_journal_set_sqlite_error (error, db, rc, path);
      _limber_journal_rollback_write (self);
      goto failed;
    }
  if (!_limber_journal_commit_write (self, error))
    goto failed;
  after = total_rows (db);

  sqlite3_exec (db, "DETACH restore", NULL, NULL, NULL);
  g_unlink (copy);
  if (n_restored != NULL)
    *n_restored = (guint) MAX (after - before, 0);
  if (used != NULL)
    *used = g_steal_pointer (&chosen);
  return TRUE;

failed:
  sqlite3_exec (db, "DROP TABLE IF EXISTS temp.restore_map", NULL, NULL, NULL);
  sqlite3_exec (db, "DETACH restore", NULL, NULL, NULL);
  g_unlink (copy);
  return FALSE;
}
