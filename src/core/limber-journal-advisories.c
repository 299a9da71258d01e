/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-journal"

#include "limber-journal-advisories.h"
#include "limber-journal-private.h"

/* When each reason's advisory was last shown: the advisories table, read and
 * written only here. Which reasons a check-in has is limber-advisory.c's. */

static const char sql_shown[] =
  "SELECT 1 FROM advisories WHERE reason = ?1 AND shown_at >= ?2 LIMIT 1";
static const char sql_record[] =
  "INSERT INTO advisories (reason, shown_at) VALUES (?1, ?2)";

/**
 * limber_journal_take_advisory:
 * @saved: the check-in just saved
 *
 * The "once" rule. Works out the reasons for @saved with
 * limber_advisory_check() against the journal's check-ins of the
 * %LIMBER_ADVISORY_WINDOW_DAYS days before it, leaves out the reasons
 * already shown in the last %LIMBER_ADVISORY_QUIET_DAYS days (by the real
 * clock), and records the others as shown now. Show the user
 * limber_advisory_describe() of the result, if any.
 *
 * Returns: the reasons to show, or %LIMBER_ADVICE_NONE (also with @error set)
 */
LimberAdvice
limber_journal_take_advisory (LimberJournal        *self,
                              const LimberCheckin  *saved,
                              GError              **error)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GPtrArray) recent = NULL;
  LimberAdvice reasons;
  LimberAdvice fresh = LIMBER_ADVICE_NONE;
  gint64 now = g_get_real_time ();
  gint64 quiet_since = now - (gint64) LIMBER_ADVISORY_QUIET_DAYS * G_TIME_SPAN_DAY;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (self), LIMBER_ADVICE_NONE);
  g_return_val_if_fail (saved != NULL && saved->time != NULL, LIMBER_ADVICE_NONE);
  g_return_val_if_fail (error == NULL || *error == NULL, LIMBER_ADVICE_NONE);

  from = g_date_time_add_days (saved->time, -LIMBER_ADVISORY_WINDOW_DAYS);
  to = g_date_time_add (saved->time, 1);
  recent = limber_journal_list_checkins (self, from, to, error);
  if (recent == NULL)
    return LIMBER_ADVICE_NONE;

  reasons = limber_advisory_check (saved, recent);
  if (reasons == LIMBER_ADVICE_NONE)
    return LIMBER_ADVICE_NONE;

  if (!_limber_journal_begin_write (self, error))
    return LIMBER_ADVICE_NONE;

  for (LimberAdvice reason = 1; reason <= LIMBER_ADVICE_ALL; reason <<= 1)
    {
      const char *name = limber_advice_to_string (reason);
      sqlite3_stmt *stmt;
      int rc;

      if (!(reasons & reason))
        continue;
      g_assert (name != NULL);

      if (!(stmt = _limber_journal_get_stmt (self, sql_shown, error)))
        goto failed;
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, quiet_since);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        _limber_journal_set_step_error (self, rc, error);
      _limber_journal_stmt_done (stmt);
      if (rc == SQLITE_ROW)
        continue;
      if (rc != SQLITE_DONE)
        goto failed;

      if (!(stmt = _limber_journal_get_stmt (self, sql_record, error)))
        goto failed;
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, now);
      if (!_limber_journal_run_stmt (self, stmt, error))
        goto failed;
      fresh |= reason;
    }

  if (!_limber_journal_commit_write (self, error))
    return LIMBER_ADVICE_NONE;

  return fresh;

failed:
  _limber_journal_rollback_write (self);
  return LIMBER_ADVICE_NONE;
}
