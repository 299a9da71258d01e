/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-journal"

#include <glib/gi18n-lib.h>

#include "limber-journal-private.h"

/* The journal's schema is this ordered list of steps. Step N takes a
 * journal from version N - 1 to N and sets PRAGMA user_version to N itself,
 * inside the same BEGIN IMMEDIATE transaction, so a crash leaves either the
 * old version or the new one. Never edit a released step: add a new one,
 * bump LIMBER_JOURNAL_SCHEMA_VERSION, and add tests/core/fixtures/journal-vN.sql
 * holding a realistic journal of version N. */
typedef struct
{
  guint       version;
  const char *sql;
} Migration;

static const Migration migrations[] = {
  { 1,
    "CREATE TABLE sessions ("
    "  id           INTEGER PRIMARY KEY,"
    "  routine_id   TEXT NOT NULL,"
    "  routine_name TEXT NOT NULL,"
    "  started_at   INTEGER NOT NULL," /* unix µs, UTC */
    "  ended_at     INTEGER,"
    "  planned_ms   INTEGER NOT NULL,"
    "  active_ms    INTEGER NOT NULL DEFAULT 0,"
    "  outcome      TEXT NOT NULL CHECK (outcome IN ('in-progress', 'completed', 'stopped',"
    "                                                'stopped-for-pain', 'interrupted')),"
    "  rating       INTEGER CHECK (rating BETWEEN 0 AND 10)"
    ");"
    "CREATE INDEX sessions_started_at ON sessions (started_at);"
    "CREATE TABLE session_parts ("
    "  session_id  INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,"
    "  step        INTEGER NOT NULL,"
    "  side        TEXT NOT NULL CHECK (side IN ('none', 'left', 'right')),"
    "  exercise_id TEXT NOT NULL,"
    "  planned_ms  INTEGER NOT NULL,"
    "  done_ms     INTEGER NOT NULL,"
    "  skipped     INTEGER NOT NULL,"
    "  PRIMARY KEY (session_id, step, side)"
    ");"
    "PRAGMA application_id = 1280131666;" /* LIMBER_JOURNAL_APPLICATION_ID */
    "PRAGMA user_version = 1;" },
  { 2,
    /* AUTOINCREMENT so that the id of a deleted check-in is never given to
     * a new one: undoing the delete puts it back under the same id. */
    "CREATE TABLE checkins ("
    "  id                INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  time              INTEGER NOT NULL," /* unix µs, UTC */
    "  pain              INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),"
    "  stiffness         INTEGER NOT NULL CHECK (stiffness BETWEEN 0 AND 10),"
    "  side              TEXT NOT NULL CHECK (side IN ('both', 'left', 'right')),"
    "  morning_stiffness INTEGER CHECK (morning_stiffness IS NULL"
    "                                   OR morning_stiffness BETWEEN 0 AND 1440),"
    "  numbness          INTEGER NOT NULL DEFAULT 0 CHECK (numbness IN (0, 1)),"
    "  radiating         INTEGER NOT NULL DEFAULT 0 CHECK (radiating IN (0, 1)),"
    "  weakness          INTEGER NOT NULL DEFAULT 0 CHECK (weakness IN (0, 1)),"
    "  note              TEXT"
    ");"
    "CREATE INDEX checkins_time ON checkins (time);"
    /* When each advisory was last shown, for the "once" rule. */
    "CREATE TABLE advisories ("
    "  reason   TEXT NOT NULL,"
    "  shown_at INTEGER NOT NULL" /* unix µs, UTC */
    ");"
    "CREATE INDEX advisories_reason ON advisories (reason, shown_at);"
    "PRAGMA user_version = 2;" },
  { 3,
    /* Reminders sent by limber-reminders and what the user did with them. */
    "CREATE TABLE reminders ("
    "  id         INTEGER PRIMARY KEY,"
    "  kind       TEXT NOT NULL,"
    "  routine_id TEXT,"
    "  due_at     INTEGER NOT NULL," /* unix µs, UTC */
    "  shown_at   INTEGER,"
    "  outcome    TEXT NOT NULL CHECK (outcome IN ('shown', 'started', 'snoozed',"
    "                                              'skipped', 'dismissed', 'failed')),"
    "  catch_up   INTEGER NOT NULL DEFAULT 0 CHECK (catch_up IN (0, 1)),"
    "  updated_at INTEGER NOT NULL"
    ");"
    "CREATE INDEX reminders_due_at ON reminders (due_at);"
    "PRAGMA user_version = 3;" },
  { 4,
    /* The key limber-reminders gives each reminder, so that writing it
     * again (its journal helper killed after the commit, before the reply)
     * finds the row already there instead of adding a second one. NULL for
     * rows written before, and by anything else. */
    "ALTER TABLE reminders ADD COLUMN key TEXT;"
    "CREATE UNIQUE INDEX reminders_key ON reminders (key);"
    "PRAGMA user_version = 4;" },
  { 5,
    /* A program's life: each start, change of level (with its reason, in
     * the words shown then), choice to stay and leaving. The current
     * program and level are those of the latest row, unless it is 'left'. */
    "CREATE TABLE program_events ("
    "  id         INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  time       INTEGER NOT NULL," /* unix µs, UTC */
    "  program_id TEXT NOT NULL,"
    "  event      TEXT NOT NULL CHECK (event IN ('started', 'level-changed', 'stayed', 'left')),"
    "  level      INTEGER NOT NULL CHECK (level BETWEEN 0 AND 20),"
    "  reason     TEXT"
    ");"
    "CREATE INDEX program_events_time ON program_events (time);"
    "PRAGMA user_version = 5;" },
  { 6,
    /* A test notification (Preferences' "Send a test notification", the
     * service's Preview) is a reminder of its own kind, kept so that what
     * the user did with it is known, but counted and listed nowhere. */
    "ALTER TABLE reminders ADD COLUMN test INTEGER NOT NULL DEFAULT 0;"
    "PRAGMA user_version = 6;" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == LIMBER_JOURNAL_SCHEMA_VERSION);
G_STATIC_ASSERT (LIMBER_JOURNAL_APPLICATION_ID == 1280131666);

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          const char  *path,
          GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _limber_journal_set_sqlite_error (error, db, rc, path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_user_version (sqlite3     *db,
                   const char  *path,
                   gint64      *version,
                   GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *version = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
      return TRUE;
    }

  _limber_journal_set_sqlite_error (error, db, rc, path);
  sqlite3_finalize (stmt);
  return FALSE;
}

static void
rollback (sqlite3 *db)
{
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
}

/* One step in its own transaction; rolls back on any failure. */
static gboolean
run_step (sqlite3          *db,
          const Migration  *m,
          const char       *path,
          GError          **error)
{
  gint64 version;

  if (!exec_sql (db, "BEGIN IMMEDIATE", path, error))
    return FALSE;

  if (!read_user_version (db, path, &version, error))
    goto failed;
  if (version >= m->version)
    {
      rollback (db);
      return TRUE;
    }

  g_debug ("Migrating the journal %s from version %" G_GINT64_FORMAT " to %u",
           path, version, m->version);

  if (!exec_sql (db, m->sql, path, error))
    goto failed;

  /* A step that forgets to set its version is a bug in this file. */
  if (!read_user_version (db, path, &version, error))
    goto failed;
  g_assert (version == m->version);

  if (!exec_sql (db, "COMMIT", path, error))
    goto failed;
  return TRUE;

failed:
  rollback (db);
  return FALSE;
}

/*
 * _limber_journal_migrate:
 *
 * Brings the journal on @db up to LIMBER_JOURNAL_SCHEMA_VERSION, one step
 * per transaction. The caller has refused journals that are newer than this
 * code; another process may be migrating the same file at the same time,
 * which is why each step reads the version again inside its transaction.
 */
gboolean
_limber_journal_migrate (sqlite3     *db,
                         const char  *path,
                         GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (migrations); i++)
    {
      gint64 version;

      g_assert (migrations[i].version == i + 1);

      if (!read_user_version (db, path, &version, error))
        return FALSE;
      if (version < migrations[i].version &&
          !run_step (db, &migrations[i], path, error))
        return FALSE;
    }

  return TRUE;
}
