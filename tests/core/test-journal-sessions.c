/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The journal's sessions: their life from start to end, ratings, lists,
 * and sessions cut short by a crash. */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "faulty-vfs.h"
#include "journal-test-utils.h"
#include "limber-advisory.h"
#include "limber-enums.h"
#include "limber-journal-private.h"

/* Sessions */

static void
test_lifecycle (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(LimberJournal) journal = open_ok (path);
  g_autoptr(GDateTime) started = utc (2024, 5, 1, 9, 0, 0);
  g_autoptr(GDateTime) ended = utc (2024, 5, 1, 9, 6, 30.5);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GError) error = NULL;
  LimberSessionInfo *info;
  LimberPartInfo *part;
  gint64 id;

  id = limber_journal_start_session (journal, "morning-hamstrings", "Morning hamstrings",
                                     started, 390000, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  sessions = list_sessions (journal, NULL);
  g_assert_cmpuint (sessions->len, ==, 1);
  info = g_ptr_array_index (sessions, 0);
  g_assert_cmpstr (info->routine_name, ==, "Morning hamstrings");
  g_assert_cmpint (info->outcome, ==, LIMBER_OUTCOME_IN_PROGRESS);
  g_assert_null (info->ended_at);
  g_assert_cmpuint (info->planned_ms, ==, 390000);
  g_assert_cmpuint (info->active_ms, ==, 0);
  g_assert_cmpint (info->rating, ==, -1);
  g_assert_cmpuint (info->n_parts, ==, 0);
  g_clear_pointer (&sessions, g_ptr_array_unref);

  /* Out of order on purpose: the list sorts by step, then none/left/right. */
  record (journal, id, 1, LIMBER_SIDE_RIGHT, 0, TRUE, 95000);
  record (journal, id, 0, LIMBER_SIDE_NONE, 60000, FALSE, 60000);
  record (journal, id, 1, LIMBER_SIDE_LEFT, 10000, FALSE, 75000);
  /* The same (step, side) again replaces the first record. */
  g_assert_true (limber_journal_record_part (journal, id, 1, LIMBER_SIDE_LEFT, "standing-calf",
                                             30000, 30000, FALSE, 98000, &error));
  g_assert_no_error (error);

  parts = list_parts (journal, id);
  g_assert_cmpuint (parts->len, ==, 3);
  part = g_ptr_array_index (parts, 0);
  g_assert_cmpuint (part->step, ==, 0);
  g_assert_cmpint (part->side, ==, LIMBER_SIDE_NONE);
  g_assert_cmpuint (part->done_ms, ==, 60000);
  g_assert_false (part->skipped);
  part = g_ptr_array_index (parts, 1);
  g_assert_cmpuint (part->step, ==, 1);
  g_assert_cmpint (part->side, ==, LIMBER_SIDE_LEFT);
  g_assert_cmpstr (part->exercise_id, ==, "standing-calf");
  g_assert_cmpuint (part->planned_ms, ==, 30000);
  g_assert_cmpuint (part->done_ms, ==, 30000);
  part = g_ptr_array_index (parts, 2);
  g_assert_cmpuint (part->step, ==, 1);
  g_assert_cmpint (part->side, ==, LIMBER_SIDE_RIGHT);
  g_assert_cmpuint (part->done_ms, ==, 0);
  g_assert_true (part->skipped);

  sessions = list_sessions (journal, NULL);
  info = g_ptr_array_index (sessions, 0);
  g_assert_cmpuint (info->active_ms, ==, 98000);
  g_assert_cmpuint (info->n_parts, ==, 3);
  g_assert_cmpuint (info->n_skipped, ==, 1);
  g_clear_pointer (&sessions, g_ptr_array_unref);

  g_assert_true (limber_journal_finish_session (journal, id, LIMBER_OUTCOME_COMPLETED, ended,
                                                385000, &error));
  g_assert_no_error (error);

  sessions = list_sessions (journal, NULL);
  info = g_ptr_array_index (sessions, 0);
  g_assert_cmpint (info->outcome, ==, LIMBER_OUTCOME_COMPLETED);
  assert_same_time (info->ended_at, ended);
  g_assert_cmpuint (info->active_ms, ==, 385000);

  /* The copy is deep. */
  {
    g_autoptr(LimberSessionInfo) copy = limber_session_info_copy (info);

    g_assert_cmpstr (copy->routine_id, ==, info->routine_id);
    g_assert_true (copy->routine_id != info->routine_id);
    assert_same_time (copy->ended_at, info->ended_at);
  }
}

static void
test_outcomes (void)
{
  static const LimberOutcome outcomes[] = {
    LIMBER_OUTCOME_COMPLETED,
    LIMBER_OUTCOME_STOPPED,
    LIMBER_OUTCOME_STOPPED_FOR_PAIN,
    LIMBER_OUTCOME_INTERRUPTED,
  };
  g_autofree char *path = journal_path ();
  g_autoptr(LimberJournal) journal = open_ok (path);
  g_autoptr(GDateTime) base = utc (2024, 6, 1, 7, 0, 0);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[G_N_ELEMENTS (outcomes)];
  gint64 id;

  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    {
      g_autoptr(GDateTime) started = g_date_time_add_hours (base, i);
      g_autoptr(GDateTime) ended = g_date_time_add_minutes (started, 3);

      ids[i] = start (journal, "desk-break", started);
      g_assert_true (limber_journal_finish_session (journal, ids[i], outcomes[i], ended,
                                                    1000 * i, &error));
      g_assert_no_error (error);
    }

  /* Stored by name: read the raw column as well. */
  g_assert_cmpint (raw_int (_limber_journal_get_handle_for_testing (journal),
                            "SELECT count(*) FROM sessions WHERE outcome = 'stopped-for-pain'"), ==, 1);

  sessions = list_sessions (journal, NULL);
  g_assert_cmpuint (sessions->len, ==, G_N_ELEMENTS (outcomes));
  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    {
      LimberSessionInfo *info = find_session (sessions, ids[i]);

      g_assert_cmpint (info->outcome, ==, outcomes[i]);
      g_assert_cmpuint (info->active_ms, ==, 1000 * i);
    }

  /* A session cannot be finished as still in progress. */
  id = start (journal, "desk-break", base);
  g_assert_false (limber_journal_finish_session (journal, id, LIMBER_OUTCOME_IN_PROGRESS, base,
                                                 0, &error));
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);

  /* Unknown sessions. */
  g_assert_false (limber_journal_finish_session (journal, 9999, LIMBER_OUTCOME_COMPLETED, base,
                                                 0, &error));
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (limber_journal_record_part (journal, 9999, 0, LIMBER_SIDE_NONE, "leg-swings",
                                              1000, 1000, FALSE, 1000, &error));
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (limber_journal_list_parts (journal, 9999, &error));
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A known session without parts is an empty list, not an error. */
  {
    g_autoptr(GPtrArray) parts = list_parts (journal, id);

    g_assert_cmpuint (parts->len, ==, 0);
  }
}

static int
rating_of (LimberJournal *journal,
           gint64         id)
{
  g_autoptr(GPtrArray) sessions = list_sessions (journal, NULL);

  return find_session (sessions, id)->rating;
}

static void
test_rating (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(LimberJournal) journal = open_ok (path);
  g_autoptr(GDateTime) started = utc (2024, 6, 1, 7, 0, 0);
  g_autoptr(GError) error = NULL;
  gint64 id = start (journal, "desk-break", started);
  gint64 other = start (journal, "desk-break", started);

  g_assert_cmpint (rating_of (journal, id), ==, -1);

  for (int rating = 0; rating <= 10; rating += 5)
    {
      g_assert_true (limber_journal_set_session_rating (journal, id, rating, &error));
      g_assert_no_error (error);
      g_assert_cmpint (rating_of (journal, id), ==, rating);
    }

  g_assert_true (limber_journal_set_session_rating (journal, id, 7, &error));
  g_assert_no_error (error);

  g_assert_false (limber_journal_set_session_rating (journal, id, 11, &error));
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (limber_journal_set_session_rating (journal, id, -1, &error));
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (rating_of (journal, id), ==, 7);

  g_assert_false (limber_journal_set_session_rating (journal, 4242, 5, &error));
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_NOT_FOUND);
  g_assert_cmpint (rating_of (journal, other), ==, -1);
}

static void
test_list_since (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(LimberJournal) journal = open_ok (path);
  g_autoptr(GDateTime) t1 = utc (2024, 6, 1, 7, 0, 0);
  g_autoptr(GDateTime) t2 = utc (2024, 6, 2, 7, 0, 0);
  g_autoptr(GDateTime) t3 = utc (2024, 6, 3, 7, 0, 0);
  g_autoptr(GDateTime) after_t2 = g_date_time_add (t2, 1);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) recent = NULL;
  g_autoptr(GPtrArray) later = NULL;
  gint64 a, b, c, d;

  /* Written out of time order. */
  b = start (journal, "b", t2);
  a = start (journal, "a", t1);
  d = start (journal, "d", t3);
  c = start (journal, "c", t2);

  all = list_sessions (journal, NULL);
  g_assert_cmpuint (all->len, ==, 4);
  g_assert_cmpint (((LimberSessionInfo *) all->pdata[0])->id, ==, d);
  g_assert_cmpint (((LimberSessionInfo *) all->pdata[1])->id, ==, c); /* same time: newer id first */
  g_assert_cmpint (((LimberSessionInfo *) all->pdata[2])->id, ==, b);
  g_assert_cmpint (((LimberSessionInfo *) all->pdata[3])->id, ==, a);

  recent = list_sessions (journal, t2); /* inclusive */
  g_assert_cmpuint (recent->len, ==, 3);
  g_assert_cmpint (((LimberSessionInfo *) recent->pdata[2])->id, ==, b);

  later = list_sessions (journal, after_t2);
  g_assert_cmpuint (later->len, ==, 1);
  g_assert_cmpint (((LimberSessionInfo *) later->pdata[0])->id, ==, d);
}

static void
test_recover (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(LimberJournal) journal = open_ok (path);
  g_autoptr(GDateTime) t1 = utc (2024, 6, 1, 7, 0, 0);
  g_autoptr(GDateTime) t2 = utc (2024, 6, 2, 7, 0, 0);
  g_autoptr(GDateTime) t3 = utc (2024, 6, 3, 7, 0, 0);
  g_autoptr(GDateTime) t2_end = g_date_time_add_minutes (t2, 5);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GError) error = NULL;
  LimberSessionInfo *info, *old;
  gint64 crashed, finished, no_active;
  guint n;

  crashed = start (journal, "a", t1);
  record (journal, crashed, 0, LIMBER_SIDE_NONE, 30000, FALSE, 35000);
  record (journal, crashed, 1, LIMBER_SIDE_LEFT, 20000, FALSE, 60000);

  finished = start (journal, "b", t2);
  record (journal, finished, 0, LIMBER_SIDE_NONE, 30000, FALSE, 30000);
  g_assert_true (limber_journal_finish_session (journal, finished, LIMBER_OUTCOME_STOPPED, t2_end,
                                                30000, &error));
  g_assert_no_error (error);
  g_assert_true (limber_journal_set_session_rating (journal, finished, 4, &error));
  g_assert_no_error (error);

  /* Parts recorded, active time never updated past 0. */
  no_active = start (journal, "c", t3);
  record (journal, no_active, 0, LIMBER_SIDE_NONE, 12000, FALSE, 0);

  /* This journal still runs them: they are live, not interrupted. */
  g_assert_cmpuint (limber_journal_recover_interrupted (journal, &error), ==, 0);
  g_assert_no_error (error);

  /* Closed as a crash would close it: the next one marks them. */
  g_clear_object (&journal);
  journal = open_ok (path);
  before = list_sessions (journal, NULL);

  n = limber_journal_recover_interrupted (journal, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);

  after = list_sessions (journal, NULL);

  info = find_session (after, crashed);
  g_assert_cmpint (info->outcome, ==, LIMBER_OUTCOME_INTERRUPTED);
  g_assert_cmpuint (info->active_ms, ==, 60000);
  g_assert_nonnull (info->ended_at);
  g_assert_cmpint (usec_of (info->ended_at) - usec_of (t1), ==, 60000 * 1000);
  g_assert_cmpuint (info->n_parts, ==, 2);
  parts = list_parts (journal, crashed);
  g_assert_cmpuint (parts->len, ==, 2);

  info = find_session (after, no_active);
  g_assert_cmpint (info->outcome, ==, LIMBER_OUTCOME_INTERRUPTED);
  g_assert_cmpuint (info->active_ms, ==, 12000);
  g_assert_cmpint (usec_of (info->ended_at) - usec_of (t3), ==, 12000 * 1000);

  /* A finished session is left exactly as it was. */
  info = find_session (after, finished);
  old = find_session (before, finished);
  g_assert_cmpint (info->outcome, ==, LIMBER_OUTCOME_STOPPED);
  g_assert_cmpint (info->outcome, ==, old->outcome);
  assert_same_time (info->ended_at, old->ended_at);
  g_assert_cmpuint (info->active_ms, ==, old->active_ms);
  g_assert_cmpint (info->rating, ==, 4);

  g_assert_cmpuint (limber_journal_recover_interrupted (journal, &error), ==, 0);
  g_assert_no_error (error);
}

/* A second Limber, here a second journal on the same file (its own open
 * file description) and then a second process, does not take a live
 * session for an interrupted one; once its owner is gone, it does. */
static void
test_recover_leaves_live_sessions (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(LimberJournal) first = open_ok (path);
  g_autoptr(LimberJournal) second = open_ok (path);
  g_autoptr(GDateTime) t1 = utc (2024, 6, 1, 7, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  gint64 live, done, in_child = 0;
  int fds[2];
  int status;
  pid_t pid;

  live = start (first, "live", t1);
  record (first, live, 0, LIMBER_SIDE_NONE, 30000, FALSE, 30000);
  done = start (first, "done", t1);
  g_assert_true (limber_journal_finish_session (first, done, LIMBER_OUTCOME_COMPLETED, t1, 1000, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (limber_journal_recover_interrupted (second, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (find_session (sessions = list_sessions (second, NULL), live)->outcome, ==,
                   LIMBER_OUTCOME_IN_PROGRESS);
  g_clear_pointer (&sessions, g_ptr_array_unref);

  /* a session that another process runs */
  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      LimberJournal *child = limber_journal_open (path, NULL);
      gint64 id = child != NULL ? limber_journal_start_session (child, "child", "Child", t1, 1000, NULL) : 0;

      if (write (fds[1], &id, sizeof id) != sizeof id)
        _exit (1);
      for (;;)
        pause ();
    }
  close (fds[1]);
  g_assert_cmpint (read (fds[0], &in_child, sizeof in_child), ==, sizeof in_child);
  close (fds[0]);
  g_assert_cmpint (in_child, >, 0);

  g_assert_cmpuint (limber_journal_recover_interrupted (second, &error), ==, 0);
  g_assert_no_error (error);

  /* the owners go: the child is killed, the first journal closed */
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_cmpuint (limber_journal_recover_interrupted (second, &error), ==, 1);
  g_assert_no_error (error);
  g_clear_object (&first);
  g_assert_cmpuint (limber_journal_recover_interrupted (second, &error), ==, 1);
  g_assert_no_error (error);

  sessions = list_sessions (second, NULL);
  g_assert_cmpint (find_session (sessions, live)->outcome, ==, LIMBER_OUTCOME_INTERRUPTED);
  g_assert_cmpint (find_session (sessions, in_child)->outcome, ==, LIMBER_OUTCOME_INTERRUPTED);
  g_assert_cmpint (find_session (sessions, done)->outcome, ==, LIMBER_OUTCOME_COMPLETED);
}

static void
test_list_sessions_between (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(LimberJournal) journal = open_ok (path);
  g_autoptr(GDateTime) from = utc (2024, 1, 2, 8, 0, 0);
  g_autoptr(GDateTime) to = utc (2024, 1, 4, 8, 0, 0);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;

  fill (journal, 5);    /* one a day at 08:00 UTC from 1 January */
  sessions = limber_journal_list_sessions_between (journal, from, to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 2);
  assert_same_time (((LimberSessionInfo *) sessions->pdata[0])->started_at, from);
  g_assert_cmpuint (((LimberSessionInfo *) sessions->pdata[0])->n_parts, ==, 4);
  g_clear_pointer (&sessions, g_ptr_array_unref);

  sessions = limber_journal_list_sessions_between (journal, NULL, NULL, &error);
  g_assert_cmpuint (sessions->len, ==, 5);
  for (guint i = 1; i < sessions->len; i++)
    g_assert_cmpint (g_date_time_compare (((LimberSessionInfo *) sessions->pdata[i - 1])->started_at,
                                          ((LimberSessionInfo *) sessions->pdata[i])->started_at), <, 0);
}

/* Deleting a session deletes its parts; the undo puts both back, under
 * the same id. A session still being recorded is refused. */
static void
test_delete_restore (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(LimberJournal) journal = open_ok (path);
  g_autoptr(GDateTime) started = utc (2024, 5, 1, 9, 0, 0);
  g_autoptr(GDateTime) ended = utc (2024, 5, 1, 9, 5, 0);
  g_autoptr(LimberSessionInfo) deleted = NULL;
  g_autoptr(GPtrArray) deleted_parts = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, live;

  id = start (journal, "morning-hamstrings", started);
  record (journal, id, 0, LIMBER_SIDE_LEFT, 30000, FALSE, 30000);
  record (journal, id, 0, LIMBER_SIDE_RIGHT, 12000, TRUE, 42000);
  g_assert_true (limber_journal_finish_session (journal, id, LIMBER_OUTCOME_STOPPED_FOR_PAIN, ended, 42000, NULL));
  g_assert_true (limber_journal_set_session_rating (journal, id, 6, NULL));

  /* one being recorded right now */
  live = start (journal, "desk-break", ended);
  g_assert_false (limber_journal_delete_session (journal, live, NULL, NULL, &error));
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (limber_journal_delete_session (journal, id, &deleted, &deleted_parts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (deleted->id, ==, id);
  g_assert_cmpuint (deleted_parts->len, ==, 2);
  sessions = list_sessions (journal, NULL);
  g_assert_cmpuint (sessions->len, ==, 1);
  g_clear_pointer (&sessions, g_ptr_array_unref);
  g_assert_null (limber_journal_list_parts (journal, id, &error));
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  {
    sqlite3 *db = raw_open (path);

    g_assert_cmpint (raw_int (db, "SELECT COUNT(*) FROM session_parts"), ==, 0);
    sqlite3_close (db);
  }

  /* deleting it again: there is nothing to delete */
  g_assert_false (limber_journal_delete_session (journal, id, NULL, NULL, &error));
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (limber_journal_restore_session (journal, deleted, deleted_parts, &error));
  g_assert_no_error (error);
  sessions = list_sessions (journal, NULL);
  g_assert_cmpuint (sessions->len, ==, 2);
  {
    LimberSessionInfo *back = find_session (sessions, id);

    g_assert_nonnull (back);
    g_assert_cmpstr (back->routine_id, ==, "morning-hamstrings");
    g_assert_cmpint (back->outcome, ==, LIMBER_OUTCOME_STOPPED_FOR_PAIN);
    g_assert_cmpint (back->rating, ==, 6);
    g_assert_cmpuint (back->active_ms, ==, 42000);
    assert_same_time (back->started_at, started);
    assert_same_time (back->ended_at, ended);
    g_assert_cmpuint (back->n_parts, ==, 2);
    g_assert_cmpuint (back->n_skipped, ==, 1);
  }
  parts = list_parts (journal, id);
  g_assert_cmpuint (parts->len, ==, 2);
  g_assert_cmpuint (((LimberPartInfo *) parts->pdata[1])->done_ms, ==, 12000);

  /* a second undo finds it there already */
  g_assert_false (limber_journal_restore_session (journal, deleted, deleted_parts, &error));
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID);
}

/* The whole journal a page at a time, newest first: every entry once, in
 * order, however the pages fall, with sessions and check-ins at the same
 * moment. */
/* The oldest entry's time, for a report over the whole journal. */
static void
test_first_time (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(LimberJournal) journal = open_ok (path);
  g_autoptr(GDateTime) t1 = utc (2021, 5, 3, 8, 0, 0);
  g_autoptr(GDateTime) t2 = utc (2022, 1, 9, 19, 30, 0);
  g_autoptr(LimberCheckin) c = checkin_at (t2, 2, 3);
  g_autoptr(GError) error = NULL;
  GDateTime *first = NULL;

  g_assert_false (limber_journal_get_first_time (journal, &first, &error));
  g_assert_no_error (error);
  g_assert_null (first);

  add_checkin (journal, c);
  g_assert_true (limber_journal_get_first_time (journal, &first, &error));
  g_assert_true (g_date_time_equal (first, t2));
  g_clear_pointer (&first, g_date_time_unref);

  start (journal, "desk-break", t1);
  g_assert_true (limber_journal_get_first_time (journal, &first, &error));
  g_assert_true (g_date_time_equal (first, t1));
  g_clear_pointer (&first, g_date_time_unref);
}

static void
test_entries_pages (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(LimberJournal) journal = open_ok (path);
  g_autoptr(GDateTime) day0 = utc (2020, 2, 27, 7, 0, 0);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_journal_entry_free);
  g_autoptr(GError) error = NULL;
  guint n_sessions = 0, n_checkins = 0;

  g_assert_cmpint (limber_journal_count_entries (journal, NULL), ==, 0);
  for (guint d = 0; d < 40; d++)
    {
      g_autoptr(GDateTime) t = g_date_time_add_days (day0, d / 2);
      g_autoptr(LimberCheckin) c = checkin_at (t, d % 11, 3);

      /* two check-ins at the very same moment every other day */
      add_checkin (journal, c);
      n_checkins++;
      if (d % 3 == 0)
        {
          /* and a session at that moment too */
          gint64 id = start (journal, "morning-hamstrings", t);

          g_assert_true (limber_journal_finish_session (journal, id, LIMBER_OUTCOME_COMPLETED, t, 1000, NULL));
          n_sessions++;
        }
    }
  g_assert_cmpint (limber_journal_count_entries (journal, NULL), ==, n_sessions + n_checkins);

  for (guint limit = 1; limit <= 9; limit += 4)
    {
      const LimberJournalEntry *last = NULL;

      g_ptr_array_set_size (all, 0);
      for (;;)
        {
          g_autoptr(GPtrArray) page = limber_journal_list_entries_before (journal, last, limit, &error);

          g_assert_no_error (error);
          g_assert_cmpuint (page->len, <=, limit);
          for (guint i = 0; i < page->len; i++)
            g_ptr_array_add (all, limber_journal_entry_copy (page->pdata[i]));
          if (page->len < limit)
            break;
          last = all->pdata[all->len - 1];
        }
      g_assert_cmpuint (all->len, ==, n_sessions + n_checkins);
      for (guint i = 1; i < all->len; i++)
        g_assert_cmpint (limber_journal_entry_compare (all->pdata[i - 1], all->pdata[i]), >, 0);
      {
        const LimberJournalEntry *first = all->pdata[all->len - 1];

        g_assert_cmpint (first->kind, ==, LIMBER_JOURNAL_ENTRY_SESSION);
        assert_same_time (first->session->started_at, day0);
      }
    }
}

/* An exercise's record: times done, time spent, last done and stops for
 * pain during it. A deleted routine's sessions keep their name, which the
 * journal stored with them. */
static void
test_exercise_record (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(LimberJournal) journal = open_ok (path);
  g_autoptr(GDateTime) first = utc (2024, 5, 1, 9, 0, 0);
  g_autoptr(GDateTime) second = utc (2024, 5, 2, 9, 0, 0);
  g_autoptr(GDateTime) third = utc (2024, 5, 3, 9, 0, 0);
  g_autoptr(GDateTime) ended = utc (2024, 5, 3, 9, 5, 0);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;
  LimberExerciseRecord rec;
  gint64 a, b, c;

  g_assert_true (limber_journal_get_exercise_record (journal, "my-knee", &rec, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rec.times_done, ==, 0);
  g_assert_cmpint (rec.last_done, ==, 0);

  a = limber_journal_start_session (journal, "my-routine", "My physio routine", first, 60000, &error);
  g_assert_no_error (error);
  g_assert_true (limber_journal_record_part (journal, a, 0, LIMBER_SIDE_LEFT, "my-knee",
                                             30000, 30000, FALSE, 30000, &error));
  g_assert_true (limber_journal_record_part (journal, a, 0, LIMBER_SIDE_RIGHT, "my-knee",
                                             30000, 20000, FALSE, 50000, &error));
  b = limber_journal_start_session (journal, "my-routine", "My physio routine", second, 60000, &error);
  /* skipped without doing any of it: not a time done */
  g_assert_true (limber_journal_record_part (journal, b, 0, LIMBER_SIDE_NONE, "my-knee",
                                             30000, 0, TRUE, 0, &error));
  g_assert_true (limber_journal_record_part (journal, b, 1, LIMBER_SIDE_NONE, "seated-hamstring",
                                             30000, 30000, FALSE, 30000, &error));
  g_assert_true (limber_journal_finish_session (journal, b, LIMBER_OUTCOME_STOPPED_FOR_PAIN,
                                                second, 30000, &error));
  c = limber_journal_start_session (journal, "my-routine", "My physio routine", third, 60000, &error);
  g_assert_true (limber_journal_record_part (journal, c, 0, LIMBER_SIDE_LEFT, "my-knee",
                                             30000, 10000, FALSE, 10000, &error));
  g_assert_true (limber_journal_finish_session (journal, c, LIMBER_OUTCOME_STOPPED_FOR_PAIN,
                                                ended, 10000, &error));
  g_assert_no_error (error);

  g_assert_true (limber_journal_get_exercise_record (journal, "my-knee", &rec, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rec.times_done, ==, 2);
  g_assert_cmpuint (rec.total_done_ms, ==, 60000);
  g_assert_cmpint (rec.last_done, ==, usec_of (third));
  g_assert_cmpuint (rec.times_stopped_for_pain, ==, 1);

  g_assert_true (limber_journal_get_exercise_record (journal, "seated-hamstring", &rec, &error));
  g_assert_cmpuint (rec.times_done, ==, 1);
  g_assert_cmpuint (rec.times_stopped_for_pain, ==, 1);

  /* the routine is gone from the catalog; its sessions still read */
  sessions = list_sessions (journal, NULL);
  g_assert_cmpuint (sessions->len, ==, 3);
  for (guint i = 0; i < sessions->len; i++)
    g_assert_cmpstr (((LimberSessionInfo *) g_ptr_array_index (sessions, i))->routine_name, ==, "My physio routine");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/journal/sessions/lifecycle", test_lifecycle);
  g_test_add_func ("/journal/sessions/outcomes", test_outcomes);
  g_test_add_func ("/journal/sessions/rating", test_rating);
  g_test_add_func ("/journal/sessions/list-since", test_list_since);
  g_test_add_func ("/journal/sessions/recover", test_recover);
  g_test_add_func ("/journal/sessions/recover-leaves-live-sessions", test_recover_leaves_live_sessions);
  g_test_add_func ("/journal/sessions/list-between", test_list_sessions_between);
  g_test_add_func ("/journal/sessions/exercise-record", test_exercise_record);
  g_test_add_func ("/journal/sessions/delete-restore", test_delete_restore);
  g_test_add_func ("/journal/sessions/entries-pages", test_entries_pages);
  g_test_add_func ("/journal/first-time", test_first_time);

  return g_test_run ();
}
