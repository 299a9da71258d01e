/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-journal"
#define _GNU_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "limber-journal-private.h"
#include "limber-time.h"

/* Opening the journal's file. Opening never destroys anything. A file that
 * belongs to another program, or to a newer Limber, is refused and left
 * byte for byte as it was: it is judged from its header with plain reads
 * before SQLite touches it, since even a read-only SQLite connection creates
 * -wal and -shm files. A damaged file is moved aside with its -wal and -shm,
 * and a new journal is started in its place. */

#define BUSY_TIMEOUT_MS 5000
#define SQLITE_HEADER_SIZE 100

typedef enum
{
  OPEN_OK,
  OPEN_DAMAGED,
  OPEN_FAILED,
} OpenResult;

/* Errors */

void
_limber_journal_set_sqlite_error (GError     **error,
                                  sqlite3     *db,
                                  int          rc,
                                  const char  *path)
{
  int errsv = errno;  /* first, before anything can change it */
  g_autofree char *name = g_filename_display_name (path);
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  int primary = rc & 0xff;

  /* SQLite says "disk I/O error" when fsync, ftruncate or growing the -shm
   * fail; the system's error says what really happened. SQLite records it
   * only on some paths, so errno, right after the failed call, stands in. */
  if (primary == SQLITE_IOERR)
    {
      if (db != NULL && sqlite3_system_errno (db) != 0)
        errsv = sqlite3_system_errno (db);
      if (errsv == ENOSPC || errsv == EDQUOT)
        primary = SQLITE_FULL;
      else if (errsv == EROFS)
        primary = SQLITE_READONLY;
    }

  switch (primary)
    {
    case SQLITE_FULL:
      g_set_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_FULL,
                   _("The disk is full, so the journal “%s” could not be saved. Free some space and try again."),
                   name);
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_READ_ONLY,
                   _("Your journal is read-only: “%s” cannot be written, so nothing can be saved to it."),
                   name);
      break;

    case SQLITE_CANTOPEN:
      g_set_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_CANT_OPEN,
                   _("The journal “%s” could not be opened: %s"), name, detail);
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_CORRUPT,
                   _("The journal “%s” is damaged: %s"), name, detail);
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_BUSY,
                   _("The journal “%s” is busy in another program. Try again in a moment."),
                   name);
      break;

    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
      g_set_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID,
                   _("The journal “%s” refused a value: %s"), name, detail);
      break;

    default:
      g_set_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_FAILED,
                   _("The journal “%s” could not be used: %s"), name, detail);
      break;
    }
}

static gboolean
errno_means_read_only (int errsv)
{
  return errsv == EACCES || errsv == EPERM || errsv == EROFS;
}

static gboolean
errno_means_full (int errsv)
{
  return errsv == ENOSPC || errsv == EDQUOT;
}

static LimberJournalError
error_from_errno (int errsv)
{
  if (errno_means_read_only (errsv))
    return LIMBER_JOURNAL_ERROR_READ_ONLY;
  if (errno_means_full (errsv))
    return LIMBER_JOURNAL_ERROR_FULL;
  return LIMBER_JOURNAL_ERROR_CANT_OPEN;
}

/* Why an existing journal can be read but not written, for people; NULL
 * when it can be written. */
static char *
read_only_reason (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_access (path, W_OK) != 0 && errno_means_read_only (errno))
    {
      g_autofree char *name = g_filename_display_name (path);

      if (errno == EROFS)
        return g_strdup_printf (_("“%s” is on a read-only disk"), name);
      return g_strdup_printf (_("you may not write to the file “%s”"), name);
    }
  /* SQLite keeps its write-ahead log beside the journal. */
  if (g_access (dir, W_OK) != 0 && errno_means_read_only (errno))
    {
      g_autofree char *name = g_filename_display_name (dir);

      return g_strdup_printf (_("you may not write to the folder “%s”"), name);
    }
  return NULL;
}

/* While opening, "cannot open" usually means a folder or file we may not
 * write to; say so plainly rather than pass on SQLite's words. */
static void
set_open_error (GError     **error,
                sqlite3     *db,
                int          rc,
                const char  *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int primary = rc & 0xff;

  if (primary == SQLITE_CANTOPEN || primary == SQLITE_READONLY ||
      primary == SQLITE_PERM || primary == SQLITE_IOERR)
    {
      if (g_access (dir, W_OK) != 0 && errno_means_read_only (errno))
        {
          g_autofree char *name = g_filename_display_name (dir);

          g_set_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_READ_ONLY,
                       _("Your journal is read-only: the folder “%s” cannot be written, so the journal cannot be saved there."),
                       name);
          return;
        }
      if (g_access (path, F_OK) == 0 && g_access (path, W_OK) != 0 &&
          errno_means_read_only (errno))
        {
          _limber_journal_set_sqlite_error (error, NULL, SQLITE_READONLY, path);
          return;
        }
    }

  _limber_journal_set_sqlite_error (error, db, rc, path);
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static gboolean
has_side_file (const char *path,
               const char *suffix)
{
  g_autofree char *side = g_strconcat (path, suffix, NULL);

  return g_file_test (side, G_FILE_TEST_EXISTS);
}

/* SQLite deletes the -wal of an empty database. One found without its
 * journal may be all that is left of it: keep it aside. */
static OpenResult
check_orphan_wal (const char  *path,
                  const char **damage)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  if (g_stat (wal, &st) == 0 && st.st_size > 0)
    {
      *damage = "a write-ahead log without its journal";
      return OPEN_DAMAGED;
    }
  return OPEN_OK;
}

static void
set_foreign_error (GError     **error,
                   const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_FOREIGN,
               _("“%s” is not a Limber journal; it belongs to another program and was left as it is."),
               name);
}

static void
set_too_new_error (GError     **error,
                   const char  *path,
                   gint64       version)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_TOO_NEW,
               _("The journal “%s” was written by a newer version of Limber (format %lld, this version reads up to %d). It was left unchanged; update Limber to use it."),
               name, (long long) version, LIMBER_JOURNAL_SCHEMA_VERSION);
}

/* Judges an existing file by its 100-byte header, with plain reads, so that
 * a file that is not ours is refused without SQLite creating anything beside
 * it. Sets *has_content when the file holds more than nothing. */
static OpenResult
check_header (const char  *path,
              gboolean    *has_content,
              const char **damage,
              GError     **error)
{
  guint8 header[SQLITE_HEADER_SIZE];
  struct stat st;
  gsize got = 0;
  guint page_size;
  guint32 user_version;
  guint32 application_id;
  int fd;

  *has_content = FALSE;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int errsv = errno;
      g_autofree char *name = NULL;

      if (errsv == ENOENT)
        return check_orphan_wal (path, damage);

      name = g_filename_display_name (path);
      g_set_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_CANT_OPEN,
                   _("The journal “%s” could not be read: %s"), name, g_strerror (errsv));
      return OPEN_FAILED;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      const char *reason = g_strerror (errno);
      g_autofree char *name = g_filename_display_name (path);

      if (fstat (fd, &st) == 0)
        reason = _("it is not a file");
      close (fd);
      g_set_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_CANT_OPEN,
                   _("The journal “%s” could not be read: %s"), name, reason);
      return OPEN_FAILED;
    }

  /* An empty file is a valid, empty SQLite database. */
  if (st.st_size == 0)
    {
      close (fd);
      return check_orphan_wal (path, damage);
    }

  *has_content = TRUE;

  while (got < sizeof header)
    {
      gssize n = read (fd, header + got, sizeof header - got);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      got += n;
    }
  close (fd);

  if (got < sizeof header)
    {
      *damage = "shorter than a database header";
      return OPEN_DAMAGED;
    }
  if (memcmp (header, "SQLite format 3", 16) != 0)
    {
      *damage = "not an SQLite database";
      return OPEN_DAMAGED;
    }

  page_size = (header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  if (page_size < 512 || (page_size & (page_size - 1)) != 0)
    {
      *damage = "invalid page size";
      return OPEN_DAMAGED;
    }

  /* Catch a cut-off file here, before SQLite writes its -shm beside it.
   * Only without a -wal or -journal: an interrupted checkpoint may leave
   * the file shorter than page 1 says, and the -wal still mends that. */
  if (read_be32 (header + 24) == read_be32 (header + 92) &&
      (goffset) read_be32 (header + 28) * page_size > st.st_size &&
      !has_side_file (path, "-wal") && !has_side_file (path, "-journal"))
    {
      *damage = "shorter than its header says";
      return OPEN_DAMAGED;
    }

  user_version = read_be32 (header + 60);
  application_id = read_be32 (header + 68);

  if (application_id == LIMBER_JOURNAL_APPLICATION_ID)
    {
      if (user_version > LIMBER_JOURNAL_SCHEMA_VERSION)
        {
          set_too_new_error (error, path, user_version);
          return OPEN_FAILED;
        }
      return OPEN_OK;
    }

  /* Unclaimed: only a journal that never finished its first migration
   * looks like this, and it holds no more than its first page. */
  if (application_id != 0 || user_version != 0 || st.st_size > page_size)
    {
      set_foreign_error (error, path);
      return OPEN_FAILED;
    }

  return OPEN_OK;
}

static int
query_int (sqlite3    *db,
           const char *sql,
           gint64     *value)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        {
          rc = SQLITE_ERROR;
        }
    }
  sqlite3_finalize (stmt);
  return rc;
}

static gboolean
rc_is_damage (int rc)
{
  return (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB;
}

/* A row that breaks a CHECK or NOT NULL rule (pain 99, written by another
 * program) is the row's fault, not the file's: it is read clamped. */
static gboolean
is_rule_broken (const char *line)
{
  return g_str_has_prefix (line, "CHECK constraint failed in ") ||
         g_str_has_prefix (line, "NULL value in ");
}

/* Runs PRAGMA quick_check; sets *damaged when it finds a fault in the file. */
static int
quick_check (sqlite3     *db,
             gboolean    *damaged)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  *damaged = FALSE;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *result = (const char *) sqlite3_column_text (stmt, 0);

          if (g_strcmp0 (result, "ok") == 0)
            continue;
          g_debug ("quick_check: %s", result);
          if (result == NULL || !is_rule_broken (result))
            *damaged = TRUE;
        }
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  return rc;
}

static int
set_connection_pragmas (sqlite3    *db,
                        const char *path)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          const char *mode = (const char *) sqlite3_column_text (stmt, 0);

          /* Some file systems cannot share memory; SQLite keeps its rollback
           * journal there, which is still safe, only slower. */
          if (g_ascii_strcasecmp (mode ? mode : "", "wal") != 0)
            g_message ("The journal %s cannot use write-ahead logging here; it uses journal mode “%s”",
                       path, mode ? mode : "");
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    return rc;

  rc = sqlite3_exec (db, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return rc;
  return sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
}

static void
close_db (sqlite3 **db)
{
  if (*db != NULL)
    {
      sqlite3_close (*db);
      *db = NULL;
    }
}

/* Opens @filename (the journal's path, or a URI for SQLITE_OPEN_URI) with
 * what every connection to the journal's file needs: extended result codes,
 * which rc_is_damage() reads, and a wait for another program's lock. */
static sqlite3 *
open_connection (const char  *filename,
                 int          flags,
                 const char  *path,
                 GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (filename, &db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      set_open_error (error, db, rc, path);
      close_db (&db);
      return NULL;
    }
  sqlite3_extended_result_codes (db, TRUE);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  return db;
}

/* Checks what a read-only connection found, as open_database() does. */
static OpenResult
check_read_only (sqlite3     *db,
                 const char  *path,
                 gint64      *user_version,
                 const char **damage,
                 GError     **error)
{
  gint64 application_id = 0;
  gboolean damaged;
  int rc;

  rc = query_int (db, "PRAGMA application_id", &application_id);
  if (rc == SQLITE_OK)
    rc = query_int (db, "PRAGMA user_version", user_version);
  if (rc == SQLITE_OK)
    rc = quick_check (db, &damaged);
  if (rc != SQLITE_OK)
    {
      if (rc_is_damage (rc))
        {
          *damage = sqlite3_errstr (rc);
          return OPEN_DAMAGED;
        }
      set_open_error (error, db, rc, path);
      return OPEN_FAILED;
    }
  if (damaged)
    {
      *damage = "failed the quick check";
      return OPEN_DAMAGED;
    }
  /* Only a journal that was never written is unclaimed; it has nothing to
   * read and cannot be set up here. */
  if (application_id != LIMBER_JOURNAL_APPLICATION_ID)
    {
      if (application_id != 0 || *user_version != 0)
        set_foreign_error (error, path);
      else
        set_open_error (error, NULL, SQLITE_READONLY, path);
      return OPEN_FAILED;
    }
  if (*user_version > LIMBER_JOURNAL_SCHEMA_VERSION)
    {
      set_too_new_error (error, path, *user_version);
      return OPEN_FAILED;
    }
  return OPEN_OK;
}

/* Opens an existing journal that may be read but not written: the history,
 * charts and exports still work, and every write is refused. */
static OpenResult
open_read_only (const char   *path,
                sqlite3     **out_db,
                const char  **damage,
                GError      **error)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *uri = NULL;
  g_autofree char *full_uri = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3 *db = NULL;
  gint64 user_version = 0;
  OpenResult result;
  GStatBuf st;
  int rc;

  uri = g_filename_to_uri (path, NULL, &local_error);
  if (uri == NULL)
    {
      set_open_error (error, NULL, SQLITE_CANTOPEN, path);
      return OPEN_FAILED;
    }
  /* With no -wal to replay, the file is all there is: "immutable" reads it
   * without the -shm file that a read-only folder would refuse. */
  if (g_stat (wal, &st) == 0 && st.st_size > 0)
    full_uri = g_strconcat (uri, "?mode=ro", NULL);
  else
    full_uri = g_strconcat (uri, "?mode=ro&immutable=1", NULL);

  db = open_connection (full_uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, path, error);
  if (db == NULL)
    return OPEN_FAILED;

  result = check_read_only (db, path, &user_version, damage, error);
  if (result != OPEN_OK)
    {
      close_db (&db);
      return result;
    }

  /* An older journal is brought up to date in memory, for reading. */
  if (user_version < LIMBER_JOURNAL_SCHEMA_VERSION)
    {
      sqlite3 *mem = NULL;
      sqlite3_backup *backup;

      rc = sqlite3_open_v2 (":memory:", &mem, SQLITE_OPEN_READWRITE, NULL);
      if (rc == SQLITE_OK)
        {
          sqlite3_extended_result_codes (mem, TRUE);
          backup = sqlite3_backup_init (mem, "main", db, "main");
          rc = backup != NULL ? SQLITE_OK : sqlite3_errcode (mem);
          if (backup != NULL)
            {
              sqlite3_backup_step (backup, -1);
              rc = sqlite3_backup_finish (backup);
            }
        }
      if (rc != SQLITE_OK)
        {
          set_open_error (error, db, rc, path);
          close_db (&mem);
          close_db (&db);
          return OPEN_FAILED;
        }
      close_db (&db);
      db = mem;
      if (!_limber_journal_migrate (db, path, error))
        {
          close_db (&db);
          return OPEN_FAILED;
        }
    }

  /* Refuse writes even where SQLite could make them (the copy in memory). */
  rc = sqlite3_exec (db, "PRAGMA query_only = ON", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      set_open_error (error, db, rc, path);
      close_db (&db);
      return OPEN_FAILED;
    }

  *out_db = db;
  return OPEN_OK;
}

/* Opens the file at @path, checks it and brings it up to date.
 * OPEN_DAMAGED means the file must be moved aside; nothing is open then.
 * An existing journal that cannot be written is opened for reading, and
 * *ro_reason says why it cannot be written. */
static OpenResult
open_database (const char   *path,
               sqlite3     **out_db,
               const char  **damage,
               char        **ro_reason,
               GError      **error)
{
  sqlite3 *db = NULL;
  gboolean has_content;
  gboolean damaged;
  gint64 application_id = 0;
  gint64 user_version = 0;
  gint64 n_objects = 0;
  OpenResult result;
  int rc;

  result = check_header (path, &has_content, damage, error);
  if (result != OPEN_OK)
    return result;

  if (has_content && (*ro_reason = read_only_reason (path)) != NULL)
    {
      result = open_read_only (path, out_db, damage, error);
      if (result != OPEN_OK)
        g_clear_pointer (ro_reason, g_free);
      return result;
    }

  /* A new journal is health data: only its owner may read it. SQLite would
   * create it with the umask's mode, and gives its -wal and -shm files the
   * mode of the database, so the file is made first, 0600. */
  {
    int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

    if (fd >= 0)
      close (fd);
  }

  db = open_connection (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, path, error);
  if (db == NULL)
    return OPEN_FAILED;
  /* Until the file is known to be ours and sound, closing must not write
   * the -wal back into it. */
  sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);

  /* SQLite falls back to reading when it may not write, for reasons
   * read_only_reason() did not see (a read-only mount, say). */
  if (sqlite3_db_readonly (db, "main") == 1)
    {
      close_db (&db);
      if (!has_content)
        {
          set_open_error (error, NULL, SQLITE_READONLY, path);
          return OPEN_FAILED;
        }
      result = open_read_only (path, out_db, damage, error);
      if (result == OPEN_OK)
        *ro_reason = g_strdup (_("it cannot be written to"));
      return result;
    }

  /* Read again through SQLite: a -wal may hold a newer page 1. */
  rc = query_int (db, "PRAGMA application_id", &application_id);
  if (rc == SQLITE_OK)
    rc = query_int (db, "PRAGMA user_version", &user_version);
  if (rc == SQLITE_OK && application_id == 0)
    rc = query_int (db, "SELECT count(*) FROM sqlite_master", &n_objects);
  if (rc != SQLITE_OK)
    goto failed;

  if (application_id != LIMBER_JOURNAL_APPLICATION_ID &&
      (application_id != 0 || user_version != 0 || n_objects != 0))
    {
      set_foreign_error (error, path);
      close_db (&db);
      return OPEN_FAILED;
    }
  if (user_version > LIMBER_JOURNAL_SCHEMA_VERSION)
    {
      set_too_new_error (error, path, user_version);
      close_db (&db);
      return OPEN_FAILED;
    }

  if (has_content)
    {
      rc = quick_check (db, &damaged);
      if (rc != SQLITE_OK)
        goto failed;
      if (damaged)
        {
          *damage = "failed the quick check";
          close_db (&db);
          return OPEN_DAMAGED;
        }
    }

  rc = set_connection_pragmas (db, path);
  if (rc != SQLITE_OK)
    goto failed;

  {
    g_autoptr(GError) local_error = NULL;

    if (!_limber_journal_migrate (db, path, &local_error))
      {
        if (g_error_matches (local_error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_CORRUPT))
          {
            *damage = "damage found while updating it";
            close_db (&db);
            return OPEN_DAMAGED;
          }
        g_propagate_error (error, g_steal_pointer (&local_error));
        close_db (&db);
        return OPEN_FAILED;
      }
  }

  sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);
  *out_db = db;
  return OPEN_OK;

failed:
  if (rc_is_damage (rc))
    {
      *damage = sqlite3_errstr (rc);
      close_db (&db);
      return OPEN_DAMAGED;
    }
  set_open_error (error, db, rc, path);
  close_db (&db);
  return OPEN_FAILED;
}

static const char * const side_file_suffixes[] = { "-wal", "-shm", "-journal" };

static gboolean
any_exists (const char *base)
{
  if (g_file_test (base, G_FILE_TEST_EXISTS))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (side_file_suffixes); i++)
    {
      g_autofree char *side = g_strconcat (base, side_file_suffixes[i], NULL);

      if (g_file_test (side, G_FILE_TEST_EXISTS))
        return TRUE;
    }
  return FALSE;
}

static gboolean
rename_or_error (const char  *from,
                 const char  *to,
                 const char  *path,
                 GError     **error)
{
  if (g_rename (from, to) != 0)
    {
      int errsv = errno;
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, LIMBER_JOURNAL_ERROR, error_from_errno (errsv),
                   _("The journal “%s” is damaged and could not be moved aside: %s"),
                   name, errno_means_full (errsv) ? _("the disk is full") : g_strerror (errsv));
      return FALSE;
    }
  return TRUE;
}

/* Moves a damaged journal and its -wal, -shm and -journal files to
 * "<path>.corrupt-<YYYYMMDD-HHMMSS>[-N]". Nothing is ever deleted.
 * Returns the new name of the journal, or of its -wal if that was all. */
static char *
move_aside (const char  *path,
            GError     **error)
{
  g_autoptr(GDateTime) now = limber_time_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *target = NULL;
  gboolean has_main = g_file_test (path, G_FILE_TEST_EXISTS);

  for (guint n = 1; target == NULL || any_exists (target); n++)
    {
      g_free (target);
      if (n == 1)
        target = g_strdup_printf ("%s.corrupt-%s", path, stamp);
      else
        target = g_strdup_printf ("%s.corrupt-%s-%u", path, stamp, n);
    }

  if (has_main && !rename_or_error (path, target, path, error))
    return NULL;

  /* A -wal left beside a new journal could be replayed into it. */
  for (guint i = 0; i < G_N_ELEMENTS (side_file_suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, side_file_suffixes[i], NULL);
      g_autofree char *to = g_strconcat (target, side_file_suffixes[i], NULL);
      GStatBuf st;

      if (g_lstat (from, &st) == 0 && !rename_or_error (from, to, path, error))
        return NULL;
    }

  /* Name a file that exists: without a main file, only a -wal was kept. */
  if (!has_main)
    return g_strconcat (target, "-wal", NULL);
  return g_steal_pointer (&target);
}

static gboolean
ensure_directory (const char  *path,
                  GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int errsv = errno;
      g_autofree char *name = g_filename_display_name (dir);

      if (errno_means_full (errsv))
        g_set_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_FULL,
                     _("The disk is full, so the folder “%s” for the journal could not be created. Free some space and try again."),
                     name);
      else
        g_set_error (error, LIMBER_JOURNAL_ERROR, error_from_errno (errsv),
                     _("The folder “%s” for the journal could not be created: %s"),
                     name, g_strerror (errsv));
      return FALSE;
    }
  return TRUE;
}

/* Two programs opening a journal at once (the window and the reminder
 * service at login, say) must not see each other half-way through creating
 * or migrating it: the opening is serialized by an OFD write lock on byte
 * 0 of "<path>.lock", a byte no session's lock uses (those are at the
 * session's id, from 1). The lock goes with the descriptor. Nothing is
 * created beside a journal that exists, so a read-only one stays
 * untouched; there, as without a lock file, nobody is creating it. */
static int
lock_opening (const char *path)
{
  g_autofree char *lock_path = g_strconcat (path, ".lock", NULL);
  struct flock lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 1 };
  int flags = O_RDWR | O_CLOEXEC | (g_file_test (path, G_FILE_TEST_EXISTS) ? 0 : O_CREAT);
  int fd = g_open (lock_path, flags, 0600);

  if (fd < 0)
    return -1;
  while (fcntl (fd, F_OFD_SETLKW, &lock) != 0)
    if (errno != EINTR)
      {
        close (fd);
        return -1;
      }
  return fd;
}

static void
unlock_opening (int fd)
{
  if (fd >= 0)
    close (fd);
}

/*
 * _limber_journal_open_file:
 * @moved_aside_path: (out): where a damaged file was moved, or %NULL
 * @read_only_reason: (out): why the journal was opened for reading only,
 *   or %NULL when it can be written
 * @n_salvaged: (out): rows copied from a damaged file into the new one
 *
 * Opens the journal at @path for limber_journal_open(): creates its
 * folder, refuses files that are not ours or are newer, moves a damaged
 * file aside and starts a new one, sets the connection's pragmas and runs
 * the migrations.
 *
 * Returns: the connection, or %NULL with @error set
 */
sqlite3 *
_limber_journal_open_file (const char  *path,
                           char       **moved_aside_path,
                           char       **read_only_reason,
                           guint       *n_salvaged,
                           GError     **error)
{
  g_autofree char *aside = NULL;
  g_autofree char *reason = NULL;
  const char *damage = NULL;
  sqlite3 *db = NULL;
  OpenResult result;
  int opening;

  *moved_aside_path = NULL;
  *read_only_reason = NULL;
  *n_salvaged = 0;

  /* A journal that exists needs no folder made for it: it may be read
   * where nothing can be created. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS) && !ensure_directory (path, error))
    return NULL;

  opening = lock_opening (path);
  result = open_database (path, &db, &damage, &reason, error);
  if (result == OPEN_DAMAGED)
    {
      aside = move_aside (path, error);
      if (aside == NULL)
        {
          unlock_opening (opening);
          return NULL;
        }

      g_message ("The journal %s was damaged (%s); it was moved to %s and a new journal was started",
                 path, damage, aside);

      result = open_database (path, &db, &damage, &reason, error);
      if (result == OPEN_DAMAGED)
        {
          g_autofree char *name = g_filename_display_name (path);

          g_set_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_CORRUPT,
                       _("A new journal could not be started at “%s”: %s"), name, damage);
          unlock_opening (opening);
          return NULL;
        }
    }

  if (result != OPEN_OK)
    {
      unlock_opening (opening);
      return NULL;
    }

  if (aside != NULL && reason == NULL)
    {
      *n_salvaged = _limber_journal_salvage_copy (db, aside);
      if (*n_salvaged > 0)
        g_message ("Copied %u rows from the damaged journal %s into the new one", *n_salvaged, aside);
    }

  unlock_opening (opening);
  *moved_aside_path = g_steal_pointer (&aside);
  *read_only_reason = g_steal_pointer (&reason);
  return db;
}
