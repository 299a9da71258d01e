/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-journal"

#include "limber-journal-private.h"

/* The whole journal as one list, newest first: sessions and check-ins
 * merged by time, read a page at a time. Pages are keyset pages: each
 * starts after the last entry of the one before, by (time, kind, id), so
 * a page costs the same on the first day as on the last, and a row added
 * or deleted meanwhile neither repeats nor skips one. Sessions sort before
 * check-ins of the same microsecond. */

/* ?1 the last entry's time, ?2 its kind, ?3 its id; ?4 the page size.
 * The "<= ?1" lets SQLite walk the time index backwards. */
static const char sql_sessions_before[] =
  "SELECT " _LIMBER_JOURNAL_SESSION_COLUMNS " FROM sessions AS s"
  " WHERE s.started_at <= ?1"
  "   AND (s.started_at < ?1 OR ?2 > 0 OR (?2 = 0 AND s.id < ?3))"
  " ORDER BY s.started_at DESC, s.id DESC LIMIT ?4";

static const char sql_checkins_before[] =
  "SELECT " _LIMBER_JOURNAL_CHECKIN_COLUMNS " FROM checkins"
  " WHERE time <= ?1"
  "   AND (time < ?1 OR ?2 > 1 OR (?2 = 1 AND id < ?3))"
  " ORDER BY time DESC, id DESC LIMIT ?4";

static const char sql_count[] =
  "SELECT (SELECT COUNT(*) FROM sessions) + (SELECT COUNT(*) FROM checkins)";

/* NULL when the journal is empty; the indexes on the times make it cheap */
static const char sql_first_time[] =
  "SELECT MIN((SELECT MIN(started_at) FROM sessions), (SELECT MIN(time) FROM checkins)),"
  " (SELECT MIN(started_at) FROM sessions), (SELECT MIN(time) FROM checkins)";

G_DEFINE_BOXED_TYPE (LimberJournalEntry, limber_journal_entry,
                     limber_journal_entry_copy, limber_journal_entry_free)

LimberJournalEntry *
limber_journal_entry_copy (const LimberJournalEntry *entry)
{
  LimberJournalEntry *copy;

  g_return_val_if_fail (entry != NULL, NULL);

  copy = g_memdup2 (entry, sizeof *entry);
  if (entry->session != NULL)
    copy->session = limber_session_info_copy (entry->session);
  if (entry->checkin != NULL)
    copy->checkin = limber_checkin_copy (entry->checkin);
  return copy;
}

void
limber_journal_entry_free (LimberJournalEntry *entry)
{
  if (entry == NULL)
    return;
  g_clear_pointer (&entry->session, limber_session_info_free);
  g_clear_pointer (&entry->checkin, limber_checkin_free);
  g_free (entry);
}

/**
 * limber_journal_entry_compare:
 *
 * Returns: < 0 when @a comes before @b in time (then by kind and id), the
 *   journal's order; the list reads it backwards
 */
int
limber_journal_entry_compare (const LimberJournalEntry *a,
                              const LimberJournalEntry *b)
{
  if (a->time_usec != b->time_usec)
    return a->time_usec < b->time_usec ? -1 : 1;
  if (a->kind != b->kind)
    return a->kind < b->kind ? -1 : 1;
  if (a->id != b->id)
    return a->id < b->id ? -1 : 1;
  return 0;
}

static gpointer
session_entry_from_row (sqlite3_stmt *stmt)
{
  LimberJournalEntry *entry = g_new0 (LimberJournalEntry, 1);

  entry->kind = LIMBER_JOURNAL_ENTRY_SESSION;
  entry->session = _limber_journal_session_from_row (stmt);
  entry->id = entry->session->id;
  entry->time_usec = limber_time_to_usec (entry->session->started_at);
  return entry;
}

static gpointer
checkin_entry_from_row (sqlite3_stmt *stmt)
{
  LimberJournalEntry *entry = g_new0 (LimberJournalEntry, 1);

  entry->kind = LIMBER_JOURNAL_ENTRY_CHECKIN;
  entry->checkin = _limber_journal_checkin_from_row (stmt);
  entry->id = entry->checkin->id;
  entry->time_usec = limber_time_to_usec (entry->checkin->time);
  return entry;
}

static GPtrArray *
list_before (LimberJournal             *self,
             const char                *sql,
             const LimberJournalEntry  *last,
             guint                      limit,
             LimberJournalRowFunc       from_row,
             GError                   **error)
{
  sqlite3_stmt *stmt = _limber_journal_get_stmt (self, sql, error);

  if (stmt == NULL)
    return NULL;
  if (last != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, last->time_usec);
      sqlite3_bind_int (stmt, 2, last->kind);
      sqlite3_bind_int64 (stmt, 3, last->id);
    }
  else
    {
      /* after everything */
      sqlite3_bind_int64 (stmt, 1, G_MAXINT64);
      sqlite3_bind_int (stmt, 2, 2);
      sqlite3_bind_int64 (stmt, 3, G_MAXINT64);
    }
  sqlite3_bind_int64 (stmt, 4, limit);
  return _limber_journal_collect_rows (self, stmt, from_row,
                                       (GDestroyNotify) limber_journal_entry_free, error);
}

/**
 * limber_journal_list_entries_before:
 * @last: (nullable): the last entry of the page before, or %NULL for the
 *   newest page
 * @limit: the most entries to return
 *
 * Reads a page of the journal, newest first: the sessions and check-ins
 * that come before @last, merged by time.
 *
 * Returns: (transfer container) (element-type LimberJournalEntry): up to
 *   @limit entries, fewer only at the first day; %NULL with @error set
 */
GPtrArray *
limber_journal_list_entries_before (LimberJournal             *self,
                                    const LimberJournalEntry  *last,
                                    guint                      limit,
                                    GError                   **error)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  GPtrArray *page;
  guint si = 0, ci = 0;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  sessions = list_before (self, sql_sessions_before, last, limit, session_entry_from_row, error);
  if (sessions == NULL)
    return NULL;
  checkins = list_before (self, sql_checkins_before, last, limit, checkin_entry_from_row, error);
  if (checkins == NULL)
    return NULL;

  page = g_ptr_array_new_full (limit, (GDestroyNotify) limber_journal_entry_free);
  while (page->len < limit && (si < sessions->len || ci < checkins->len))
    {
      GPtrArray *from;
      guint *i;

      if (ci >= checkins->len
          || (si < sessions->len
              && limber_journal_entry_compare (g_ptr_array_index (sessions, si),
                                               g_ptr_array_index (checkins, ci)) > 0))
        from = sessions, i = &si;
      else
        from = checkins, i = &ci;
      g_ptr_array_add (page, g_steal_pointer (&from->pdata[*i]));
      (*i)++;
    }
  return page;
}

/**
 * limber_journal_count_entries:
 *
 * Returns: how many sessions and check-ins the journal holds, or -1 with
 *   @error set
 */
gint64
limber_journal_count_entries (LimberJournal  *self,
                              GError        **error)
{
  sqlite3_stmt *stmt;
  gint64 n = -1;
  int rc;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), -1);

  if (!(stmt = _limber_journal_get_stmt (self, sql_count, error)))
    return -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    _limber_journal_set_step_error (self, rc, error);
  _limber_journal_stmt_done (stmt);
  return n;
}

/**
 * limber_journal_get_first_time:
 * @first: (out): the oldest session's start or check-in's time, if any
 *
 * Returns: %TRUE with @first set, or %FALSE for an empty journal (error
 *   unset) or an error
 */
gboolean
limber_journal_get_first_time (LimberJournal  *self,
                               GDateTime     **first,
                               GError        **error)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;
  int rc;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (first != NULL, FALSE);

  *first = NULL;
  if (!(stmt = _limber_journal_get_stmt (self, sql_first_time, error)))
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      /* MIN() of a NULL and a value is NULL in SQLite: take whichever there is */
      for (int col = 0; col < 3 && !found; col++)
        if (sqlite3_column_type (stmt, col) != SQLITE_NULL)
          {
            *first = _limber_journal_time_from_usec (sqlite3_column_int64 (stmt, col));
            found = TRUE;
          }
    }
  else
    _limber_journal_set_step_error (self, rc, error);
  _limber_journal_stmt_done (stmt);
  return found;
}
