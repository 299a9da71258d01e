/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-journal"

#include "limber-journal-private.h"

/* Salvage: every row that can still be read from a damaged journal that
 * was moved aside is copied into the fresh one, table by table, row by
 * row in rowid order; past a page that cannot be read, reading starts
 * again further on. The damaged file is only read. Rows that break a
 * CHECK rule are kept as they are (they are read clamped), and parts whose
 * session is lost are kept too. All of it is one transaction. */

#define SALVAGE_MAX_RESTARTS 256

/* sqlite3_mprintf() (%w quotes identifiers), in GLib's memory. */
static char *
sql_printf (const char *format,
            ...)
{
  va_list args;
  char *sql;
  char *copy;

  va_start (args, format);
  sql = sqlite3_vmprintf (format, args);
  va_end (args);
  copy = g_strdup (sql);
  sqlite3_free (sql);
  return copy;
}

static sqlite3 *
open_aside (const char *aside)
{
  g_autofree char *uri = g_filename_to_uri (aside, NULL, NULL);
  const char * const modes[] = { "?mode=ro", "?mode=ro&immutable=1" };

  if (uri == NULL)
    return NULL;

  /* with its -wal if it can, else the file alone */
  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autofree char *full = g_strconcat (uri, modes[i], NULL);
      sqlite3 *db = NULL;

      if (sqlite3_open_v2 (full, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) == SQLITE_OK &&
          sqlite3_exec (db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL) == SQLITE_OK)
        return db;
      sqlite3_close (db);
    }
  return NULL;
}

/* The columns of @table that both files have, quoted and joined. */
static char *
common_columns (sqlite3    *dest,
                sqlite3    *src,
                const char *table)
{
  g_autoptr(GString) columns = g_string_new (NULL);
  g_autofree char *sql = sql_printf ("PRAGMA table_info(\"%w\")", table);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (dest, sql, -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      g_autofree char *probe = sql_printf ("SELECT \"%w\" FROM \"%w\" LIMIT 0", name, table);
      sqlite3_stmt *check = NULL;

      if (sqlite3_prepare_v2 (src, probe, -1, &check, NULL) == SQLITE_OK)
        {
          g_autofree char *quoted = sql_printf ("\"%w\"", name);

          if (columns->len > 0)
            g_string_append (columns, ", ");
          g_string_append (columns, quoted);
        }
      sqlite3_finalize (check);
    }
  sqlite3_finalize (stmt);
  if (columns->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&columns), FALSE);
}

static guint
salvage_table (sqlite3    *dest,
               sqlite3    *src,
               const char *table)
{
  g_autofree char *columns = common_columns (dest, src, table);
  g_autofree char *select = NULL;
  g_autofree char *insert = NULL;
  g_autoptr(GString) marks = g_string_new ("?1");
  sqlite3_stmt *read = NULL;
  sqlite3_stmt *write = NULL;
  gint64 last = G_MININT64;
  gint64 skip = 1;
  guint n = 0;
  int n_columns;

  if (columns == NULL)
    return 0;

  select = sql_printf ("SELECT rowid, %s FROM \"%w\" WHERE rowid > ?1 ORDER BY rowid", columns, table);
  if (sqlite3_prepare_v2 (src, select, -1, &read, NULL) != SQLITE_OK)
    {
      g_debug ("Salvage: table %s cannot be read: %s", table, sqlite3_errmsg (src));
      return 0;
    }
  n_columns = sqlite3_column_count (read);
  for (int i = 2; i <= n_columns; i++)
    g_string_append_printf (marks, ", ?%d", i);
  insert = sql_printf ("INSERT OR IGNORE INTO \"%w\" (rowid, %s) VALUES (%s)", table, columns, marks->str);
  if (sqlite3_prepare_v2 (dest, insert, -1, &write, NULL) != SQLITE_OK)
    {
      sqlite3_finalize (read);
      return 0;
    }

  for (guint restarts = 0; restarts < SALVAGE_MAX_RESTARTS; restarts++)
    {
      int rc;

      sqlite3_reset (read);
      sqlite3_bind_int64 (read, 1, last);
      while ((rc = sqlite3_step (read)) == SQLITE_ROW)
        {
          last = sqlite3_column_int64 (read, 0);
          skip = 1;
          for (int i = 0; i < n_columns; i++)
            sqlite3_bind_value (write, i + 1, sqlite3_column_value (read, i));
          if (sqlite3_step (write) == SQLITE_DONE)
            n += sqlite3_changes (dest);
          sqlite3_reset (write);
          sqlite3_clear_bindings (write);
        }
      if (rc == SQLITE_DONE)
        break;
      /* an unreadable page: go on past it, further each time */
      g_debug ("Salvage: %s unreadable after rowid %" G_GINT64_FORMAT ": %s", table, last, sqlite3_errstr (rc));
      if (last > G_MAXINT64 - skip)
        break;
      last = last == G_MININT64 ? 0 : last + skip;
      if (skip <= G_MAXINT64 / 2)
        skip *= 2;
    }

  sqlite3_finalize (read);
  sqlite3_finalize (write);
  return n;
}

/*
 * _limber_journal_salvage_copy:
 * @dest: the fresh journal, migrated
 * @aside: the damaged file, moved aside; only read
 *
 * Returns: how many rows were copied into @dest
 */
guint
_limber_journal_salvage_copy (sqlite3    *dest,
                              const char *aside)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *src;
  guint n = 0;

  src = open_aside (aside);
  if (src == NULL)
    return 0;

  /* the fresh journal's tables, in the order they were made */
  if (sqlite3_prepare_v2 (dest, "SELECT name FROM sqlite_master WHERE type = 'table'"
                                " AND name NOT LIKE 'sqlite_%' ORDER BY rowid", -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  if (sqlite3_exec (dest, "PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON;"
                          " BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK)
    {
      for (guint i = 0; i < tables->len; i++)
        n += salvage_table (dest, src, g_ptr_array_index (tables, i));
      if (sqlite3_exec (dest, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        {
          g_debug ("Salvage could not be saved: %s", sqlite3_errmsg (dest));
          sqlite3_exec (dest, "ROLLBACK", NULL, NULL, NULL);
          n = 0;
        }
    }
  sqlite3_exec (dest, "PRAGMA ignore_check_constraints = OFF; PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  sqlite3_close (src);
  return n;
}

