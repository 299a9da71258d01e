/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Migrations: one fixture per schema version, read back through the API
 * after the migrations have run. */
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
#include "limber-journal-programs.h"

/* Migrations: one fixture per schema version, from 0 (an empty file) up to
 * the current one. A new version adds tests/core/fixtures/journal-vN.sql. */

typedef struct
{
  gint64  id;
  char   *routine_id;
  gint64  started_at;
  gint64  ended_at;     /* -1 for NULL */
  gint64  active_ms;
  char   *outcome;
  gint64  rating;       /* -1 for NULL */
  gint64  n_parts;
} FixtureSession;

static void
fixture_session_clear (gpointer data)
{
  FixtureSession *s = data;

  g_free (s->routine_id);
  g_free (s->outcome);
}

static GArray *
read_fixture_sessions (sqlite3 *db)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (FixtureSession));
  sqlite3_stmt *stmt = NULL;

  g_array_set_clear_func (rows, fixture_session_clear);

  if (raw_int (db, "SELECT count(*) FROM sqlite_master WHERE name = 'sessions'") == 0)
    return rows;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT id, routine_id, started_at, ifnull(ended_at, -1),"
                                       " active_ms, outcome, ifnull(rating, -1),"
                                       " (SELECT count(*) FROM session_parts WHERE session_id = id)"
                                       " FROM sessions ORDER BY id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      FixtureSession s;

      s.id = sqlite3_column_int64 (stmt, 0);
      s.routine_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      s.started_at = sqlite3_column_int64 (stmt, 2);
      s.ended_at = sqlite3_column_int64 (stmt, 3);
      s.active_ms = sqlite3_column_int64 (stmt, 4);
      s.outcome = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      s.rating = sqlite3_column_int64 (stmt, 6);
      s.n_parts = sqlite3_column_int64 (stmt, 7);
      g_array_append_val (rows, s);
    }
  sqlite3_finalize (stmt);
  return rows;
}

typedef struct
{
  gint64  id;
  gint64  time;
  gint64  pain;
  gint64  stiffness;
  char   *side;
  gint64  morning;      /* -1 for NULL */
  gint64  symptoms;     /* numbness | radiating << 1 | weakness << 2 */
  char   *note;         /* NULL for NULL */
} FixtureCheckin;

static void
fixture_checkin_clear (gpointer data)
{
  FixtureCheckin *c = data;

  g_free (c->side);
  g_free (c->note);
}

static GArray *
read_fixture_checkins (sqlite3 *db)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (FixtureCheckin));
  sqlite3_stmt *stmt = NULL;

  g_array_set_clear_func (rows, fixture_checkin_clear);

  if (raw_int (db, "SELECT count(*) FROM sqlite_master WHERE name = 'checkins'") == 0)
    return rows;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT id, time, pain, stiffness, side, ifnull(morning_stiffness, -1),"
                                       " numbness | (radiating << 1) | (weakness << 2), note"
                                       " FROM checkins ORDER BY time, id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      FixtureCheckin c;

      c.id = sqlite3_column_int64 (stmt, 0);
      c.time = sqlite3_column_int64 (stmt, 1);
      c.pain = sqlite3_column_int64 (stmt, 2);
      c.stiffness = sqlite3_column_int64 (stmt, 3);
      c.side = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      c.morning = sqlite3_column_int64 (stmt, 5);
      c.symptoms = sqlite3_column_int64 (stmt, 6);
      c.note = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      g_array_append_val (rows, c);
    }
  sqlite3_finalize (stmt);
  return rows;
}

/* Reminders of a fixture, as text rows to compare with what the API reads. */
static GPtrArray *
read_fixture_reminders (sqlite3 *db)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  if (raw_int (db, "SELECT count(*) FROM sqlite_master WHERE name = 'reminders'") == 0)
    return rows;

  /* test notifications (schema 6) are in no list */
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       raw_int (db, "SELECT count(*) FROM pragma_table_info('reminders')"
                                                    " WHERE name = 'test'") > 0
                                       ? "SELECT id, kind, ifnull(routine_id, '-'), due_at,"
                                         " ifnull(shown_at, -1), outcome, catch_up, updated_at"
                                         " FROM reminders WHERE test = 0 ORDER BY due_at DESC, id DESC"
                                       : "SELECT id, kind, ifnull(routine_id, '-'), due_at,"
                                         " ifnull(shown_at, -1), outcome, catch_up, updated_at"
                                         " FROM reminders ORDER BY due_at DESC, id DESC",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (rows, g_strdup_printf ("%s|%s|%s|%s|%s|%s|%s|%s",
                                            sqlite3_column_text (stmt, 0),
                                            sqlite3_column_text (stmt, 1),
                                            sqlite3_column_text (stmt, 2),
                                            sqlite3_column_text (stmt, 3),
                                            sqlite3_column_text (stmt, 4),
                                            sqlite3_column_text (stmt, 5),
                                            sqlite3_column_text (stmt, 6),
                                            sqlite3_column_text (stmt, 7)));
  sqlite3_finalize (stmt);
  return rows;
}

static char *
describe_reminder (const LimberReminderInfo *info)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "|%s|%s|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT
                          "|%s|%d|%" G_GINT64_FORMAT,
                          info->id, limber_reminder_kind_to_string (info->kind),
                          info->routine_id ? info->routine_id : "-",
                          usec_of (info->due_at),
                          info->shown_at ? usec_of (info->shown_at) : -1,
                          limber_reminder_outcome_to_string (info->outcome),
                          info->catch_up ? 1 : 0, usec_of (info->updated_at));
}

/* Every table's columns, as text, to compare a fixture with a new journal. */
static char *
describe_schema (sqlite3 *db)
{
  GString *text = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT m.type, m.name, p.name, p.type, p.\"notnull\","
                                       " ifnull(p.dflt_value, ''), p.pk"
                                       " FROM sqlite_master AS m"
                                       " LEFT JOIN pragma_table_info(m.name) AS p"
                                       " ORDER BY m.name, p.cid",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < 7; i++)
        {
          const char *t = (const char *) sqlite3_column_text (stmt, i);

          g_string_append_printf (text, "%s|", t ? t : "");
        }
      g_string_append_c (text, '\n');
    }
  sqlite3_finalize (stmt);
  return g_string_free (text, FALSE);
}

static void
check_fixture (guint version)
{
  g_autofree char *name = g_strdup_printf ("journal-v%u.sql", version);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "core", "fixtures", name, NULL);
  g_autofree char *path = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GArray) expected = NULL;
  g_autoptr(GArray) expected_checkins = NULL;
  g_autoptr(GPtrArray) expected_reminders = NULL;
  g_autofree char *fixture_schema = NULL;
  g_autoptr(LimberJournal) journal = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_test_message ("fixture %s", fixture);
  if (!g_file_get_contents (fixture, &sql, NULL, &error))
    g_error ("Every schema version needs a fixture: %s", error->message);

  path = g_strdup_printf ("%s/limber/journal-v%u.db", g_get_user_data_dir (), version);
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  {
    g_autofree char *dir = g_path_get_dirname (path);

    g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  }

  db = raw_open (path);
  raw_exec (db, sql);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, version);
  expected = read_fixture_sessions (db);
  expected_checkins = read_fixture_checkins (db);
  expected_reminders = read_fixture_reminders (db);
  fixture_schema = describe_schema (db);
  sqlite3_close (db);
  if (version > 0)
    g_assert_cmpuint (expected->len, >, 0);

  for (guint pass = 0; pass < 2; pass++)
    {
      g_clear_object (&journal);
      journal = open_ok (path);
      g_assert_null (limber_journal_get_moved_aside_path (journal));

      db = _limber_journal_get_handle_for_testing (journal);
      g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, LIMBER_JOURNAL_SCHEMA_VERSION);
      g_assert_cmpint (raw_int (db, "PRAGMA application_id"), ==, LIMBER_JOURNAL_APPLICATION_ID);
      {
        g_autofree char *check = raw_text (db, "PRAGMA integrity_check");

        g_assert_cmpstr (check, ==, "ok");
      }

      g_clear_pointer (&sessions, g_ptr_array_unref);
      sessions = list_sessions (journal, NULL);
      g_assert_cmpuint (sessions->len, ==, expected->len);
      for (guint i = 0; i < expected->len; i++)
        {
          FixtureSession *s = &g_array_index (expected, FixtureSession, i);
          LimberSessionInfo *info = find_session (sessions, s->id);
          g_autoptr(GPtrArray) parts = list_parts (journal, s->id);

          g_assert_cmpstr (info->routine_id, ==, s->routine_id);
          g_assert_cmpint (usec_of (info->started_at), ==, s->started_at);
          if (s->ended_at < 0)
            g_assert_null (info->ended_at);
          else
            g_assert_cmpint (usec_of (info->ended_at), ==, s->ended_at);
          g_assert_cmpint (info->active_ms, ==, s->active_ms);
          g_assert_cmpstr (limber_outcome_to_string (info->outcome), ==, s->outcome);
          g_assert_cmpint (info->rating, ==, s->rating);
          g_assert_cmpint (info->n_parts, ==, s->n_parts);
          g_assert_cmpint (parts->len, ==, s->n_parts);
          /* each part's side reads back as the enum whose nick is the
           * stored text */
          for (guint j = 0; j < parts->len; j++)
            {
              LimberPartInfo *part = g_ptr_array_index (parts, j);
              g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM session_parts"
                                                      " WHERE session_id = %" G_GINT64_FORMAT
                                                      " AND step = %u AND side = '%s'",
                                                      s->id, part->step,
                                                      limber_enum_to_nick (LIMBER_TYPE_SIDE, part->side));

              g_assert_cmpint (raw_int (db, sql), ==, 1);
            }
        }

      /* the advisories' stored reasons are the reason flags' nicks */
      if (version >= 2)
        {
          sqlite3_stmt *stmt = NULL;
          guint n = 0;

          g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT reason FROM advisories", -1, &stmt, NULL), ==, SQLITE_OK);
          while (sqlite3_step (stmt) == SQLITE_ROW)
            {
              const char *reason = (const char *) sqlite3_column_text (stmt, 0);
              guint flag = 0;

              g_assert_true (limber_flag_from_nick (LIMBER_TYPE_ADVICE, reason, &flag));
              g_assert_cmpstr (limber_advice_to_string (flag), ==, reason);
              n++;
            }
          sqlite3_finalize (stmt);
          if (version == LIMBER_JOURNAL_SCHEMA_VERSION)
            g_assert_cmpuint (n, >, 0);
        }

      {
        g_autoptr(GPtrArray) checkins = limber_journal_list_checkins (journal, NULL, NULL, &error);

        g_assert_no_error (error);
        g_assert_cmpuint (checkins->len, ==, expected_checkins->len);
        for (guint i = 0; i < expected_checkins->len; i++)
          {
            FixtureCheckin *e = &g_array_index (expected_checkins, FixtureCheckin, i);
            LimberCheckin *c = g_ptr_array_index (checkins, i);

            g_assert_cmpint (c->id, ==, e->id);
            g_assert_cmpint (usec_of (c->time), ==, e->time);
            g_assert_cmpint (c->pain, ==, e->pain);
            g_assert_cmpint (c->stiffness, ==, e->stiffness);
            g_assert_cmpstr (limber_body_side_to_string (c->side), ==, e->side);
            g_assert_cmpint (c->morning_stiffness, ==, e->morning);
            g_assert_cmpint (c->symptoms, ==, e->symptoms);
            g_assert_cmpstr (c->note, ==, e->note);
          }
      }

      {
        g_autoptr(GPtrArray) reminders = limber_journal_list_reminders (journal, NULL, &error);

        g_assert_no_error (error);
        g_assert_cmpuint (reminders->len, ==, expected_reminders->len);
        for (guint i = 0; i < expected_reminders->len; i++)
          {
            g_autofree char *row = describe_reminder (g_ptr_array_index (reminders, i));

            g_assert_cmpstr (row, ==, g_ptr_array_index (expected_reminders, i));
          }
      }
    }

  /* The newest fixture must be what the migrations make today. */
  if (version == LIMBER_JOURNAL_SCHEMA_VERSION)
    {
      g_autofree char *fresh_path = g_strdup_printf ("%s/limber/fresh-v%u.db", g_get_user_data_dir (), version);
      g_autoptr(LimberJournal) fresh = open_ok (fresh_path);
      g_autofree char *fresh_schema = describe_schema (_limber_journal_get_handle_for_testing (fresh));

      g_assert_cmpstr (fixture_schema, ==, fresh_schema);
    }

  /* And it takes new sessions. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

    g_autoptr(LimberCheckin) checkin = limber_checkin_new ();
    gint64 id;

    start (journal, "desk-break", now);

    /* and new check-ins, never under an id that was used before */
    checkin->pain = 3;
    id = limber_journal_add_checkin (journal, checkin, &error);
    g_assert_no_error (error);
    g_assert_cmpint (id, >, 0);
    for (guint i = 0; i < expected_checkins->len; i++)
      g_assert_cmpint (id, >, g_array_index (expected_checkins, FixtureCheckin, i).id);
  }
}

static void
test_migrations (void)
{
  for (guint version = 0; version <= LIMBER_JOURNAL_SCHEMA_VERSION; version++)
    check_fixture (version);
}

/* The kinds and outcomes a journal stores as text come back as the enums
 * whose nicks they are: a version-3 journal written with today's strings
 * (the fixture, with every kind and outcome) reads back as it was. A row of
 * a kind or an outcome this version does not know (from a later version, or
 * written by hand) is left out of the list, which still succeeds. */
static void
test_reminders_stored_strings (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "core", "fixtures",
                                                    "journal-v3.sql", NULL);
  g_autofree char *path = journal_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *sql = NULL;
  g_autoptr(LimberJournal) journal = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GError) error = NULL;
  static const struct {
    gint64                 id;
    LimberReminderKind     kind;
    LimberReminderOutcome  outcome;
  } expected[] = {
    /* newest first */
    { 7, LIMBER_REMINDER_ROUTINE, LIMBER_REMINDER_OUTCOME_SHOWN },
    { 6, LIMBER_REMINDER_BREAK, LIMBER_REMINDER_OUTCOME_FAILED },
    { 5, LIMBER_REMINDER_ROUTINE, LIMBER_REMINDER_OUTCOME_DISMISSED },
    { 4, LIMBER_REMINDER_CHECKIN, LIMBER_REMINDER_OUTCOME_SKIPPED },
    { 3, LIMBER_REMINDER_BREAK, LIMBER_REMINDER_OUTCOME_STARTED },
    { 2, LIMBER_REMINDER_BREAK, LIMBER_REMINDER_OUTCOME_SNOOZED },
    { 1, LIMBER_REMINDER_BREAK, LIMBER_REMINDER_OUTCOME_SKIPPED },
  };
  sqlite3 *db;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  db = raw_open (path);
  raw_exec (db, sql);
  /* A kind this version does not know, due last of all, and an outcome
   * it does not know, which the table's CHECK would refuse. */
  raw_exec (db, "INSERT INTO reminders VALUES (8, 'nap', NULL, 1709999999000000,"
                " 1709999999000000, 'shown', 0, 1709999999000000);"
                "PRAGMA ignore_check_constraints = ON;"
                "INSERT INTO reminders VALUES (9, 'break', 'desk-break', 1709999998000000,"
                " 1709999998000000, 'ignored', 0, 1709999998000000);"
                "PRAGMA ignore_check_constraints = OFF;");
  sqlite3_close (db);

  journal = open_ok (path);
  reminders = limber_journal_list_reminders (journal, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reminders);
  g_assert_cmpuint (reminders->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const LimberReminderInfo *info = g_ptr_array_index (reminders, i);

      g_assert_cmpint (info->id, ==, expected[i].id);
      g_assert_cmpint (info->kind, ==, expected[i].kind);
      g_assert_cmpint (info->outcome, ==, expected[i].outcome);
    }

  /* The enums go back to the same strings. */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      LimberReminderKind kind;
      LimberReminderOutcome outcome;

      g_assert_true (limber_reminder_kind_from_string (limber_reminder_kind_to_string (expected[i].kind), &kind));
      g_assert_cmpint (kind, ==, expected[i].kind);
      g_assert_true (limber_reminder_outcome_from_string (limber_reminder_outcome_to_string (expected[i].outcome),
                                                          &outcome));
      g_assert_cmpint (outcome, ==, expected[i].outcome);
    }
  g_assert_false (limber_reminder_kind_from_string ("nap", &(LimberReminderKind) { 0 }));
  g_assert_false (limber_reminder_outcome_from_string ("ignored", &(LimberReminderOutcome) { 0 }));
  g_assert_false (limber_reminder_outcome_from_string (NULL, &(LimberReminderOutcome) { 0 }));
}

/* Version 4 gives each reminder of limber-reminders a key: a version-3
 * journal keeps its rows, without keys, and a reminder written twice under
 * one key (its helper killed after the commit, before it could say so) is
 * one row, whose outcome is then set by the key. */
static void
test_reminders_keyed (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "core", "fixtures",
                                                    "journal-v3.sql", NULL);
  g_autofree char *path = journal_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *sql = NULL;
  g_autofree char *outcome = NULL;
  g_autoptr(LimberJournal) journal = NULL;
  g_autoptr(GDateTime) due = g_date_time_new_utc (2024, 3, 10, 9, 0, 0);
  g_autoptr(GError) error = NULL;
  const char *key = "7d1f0c2a-5b3e-4a69-8f10-2c4d6e8a0b1c";
  gint64 id, again, other;
  sqlite3 *db;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  db = raw_open (path);
  raw_exec (db, sql);
  sqlite3_close (db);

  journal = open_ok (path);
  db = _limber_journal_get_handle_for_testing (journal);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, LIMBER_JOURNAL_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM reminders WHERE key IS NULL"), ==, 7);

  id = limber_journal_log_reminder_keyed (journal, key, LIMBER_REMINDER_BREAK, "desk-break",
                                          due, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, 8);
  again = limber_journal_log_reminder_keyed (journal, key, LIMBER_REMINDER_BREAK, "desk-break",
                                             due, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again, ==, id);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM reminders"), ==, 8);

  /* Twice the same outcome is one outcome; a later one replaces it. */
  for (guint i = 0; i < 2; i++)
    {
      g_assert_true (limber_journal_set_reminder_outcome_keyed (journal, key, LIMBER_REMINDER_OUTCOME_SNOOZED,
                                                                &error));
      g_assert_no_error (error);
    }
  outcome = raw_text (db, "SELECT outcome FROM reminders WHERE id = 8");
  g_assert_cmpstr (outcome, ==, "snoozed");

  g_assert_false (limber_journal_set_reminder_outcome_keyed (journal, "9b8f6d42-0000-4000-8000-000000000000",
                                                             LIMBER_REMINDER_OUTCOME_SKIPPED, &error));
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Another key is another reminder; unkeyed ones are as many as written. */
  other = limber_journal_log_reminder_keyed (journal, "0f4e2d8c-6a1b-4c3d-9e5f-7a8b9c0d1e2f",
                                             LIMBER_REMINDER_BREAK, "desk-break", due, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (other, ==, 9);
  g_assert_cmpint (limber_journal_log_reminder (journal, LIMBER_REMINDER_CHECKIN, NULL, due, FALSE, &error), ==, 10);
  g_assert_cmpint (limber_journal_log_reminder (journal, LIMBER_REMINDER_CHECKIN, NULL, due, FALSE, &error), ==, 11);
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM reminders WHERE key IS NULL"), ==, 9);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM reminders WHERE outcome = 'snoozed' AND key IS NULL"), ==, 1);
}

/* Opens the fixture journal-v@version.sql, migrated to today's schema. */
static LimberJournal *
open_fixture (guint version)
{
  g_autofree char *name = g_strdup_printf ("journal-v%u.sql", version);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "core", "fixtures", name, NULL);
  g_autofree char *path = g_strdup_printf ("%s/limber/programs-v%u.db", g_get_user_data_dir (), version);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  db = raw_open (path);
  raw_exec (db, sql);
  sqlite3_close (db);
  return open_ok (path);
}

/* A journal from before programs (version 4) still reads, has no program
 * under way, and takes one. */
static void
test_programs_from_v4 (void)
{
  g_autoptr(LimberJournal) journal = open_fixture (4);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(LimberProgramState) state = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2024, 3, 10, 8, 0, 0);
  g_autoptr(GError) error = NULL;

  events = limber_journal_list_program_events (journal, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 0);
  g_assert_null (limber_journal_get_current_program (journal, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) sessions = list_sessions (journal, NULL);

    g_assert_cmpuint (sessions->len, >, 0);
  }

  g_assert_true (limber_journal_start_program (journal, "looser-hamstrings", now, &error));
  g_assert_no_error (error);
  state = limber_journal_get_current_program (journal, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (state->program_id, ==, "looser-hamstrings");
  g_assert_cmpuint (state->level, ==, 1);
  /* the fixture's check-ins of the week before are the baseline */
  g_assert_true (state->has_baseline);
}

/* A version-5 journal's program events read back as they were written. */
static void
test_programs_v5_events (void)
{
  g_autoptr(LimberJournal) journal = open_fixture (5);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(LimberProgramState) state = NULL;
  g_autoptr(GError) error = NULL;
  static const struct {
    const char *program_id;
    LimberProgramEventKind kind;
    guint level;
    gboolean has_reason;
  } expected[] = {
    { "looser-hamstrings", LIMBER_PROGRAM_EVENT_STARTED, 1, FALSE },
    { "looser-hamstrings", LIMBER_PROGRAM_EVENT_LEVEL_CHANGED, 2, TRUE },
    { "looser-hamstrings", LIMBER_PROGRAM_EVENT_LEVEL_CHANGED, 1, TRUE },
    { "looser-hamstrings", LIMBER_PROGRAM_EVENT_STAYED, 1, FALSE },
    { "looser-hamstrings", LIMBER_PROGRAM_EVENT_LEFT, 0, FALSE },
    { "runners-warm-up-cool-down", LIMBER_PROGRAM_EVENT_STARTED, 1, FALSE },
  };

  events = limber_journal_list_program_events (journal, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < events->len; i++)
    {
      LimberProgramEvent *e = g_ptr_array_index (events, i);

      g_assert_cmpint (e->id, ==, i + 1);
      g_assert_cmpstr (e->program_id, ==, expected[i].program_id);
      g_assert_cmpint (e->kind, ==, expected[i].kind);
      g_assert_cmpuint (e->level, ==, expected[i].level);
      g_assert_cmpint (e->reason != NULL, ==, expected[i].has_reason);
    }
  g_assert_cmpstr (((LimberProgramEvent *) g_ptr_array_index (events, 2))->reason, ==,
                   "Back to level 1 for now: you stopped a session because it hurt");

  state = limber_journal_get_current_program (journal, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (state->program_id, ==, "runners-warm-up-cool-down");
  g_assert_cmpuint (state->level, ==, 1);
  g_assert_cmpint (usec_of (state->started_at), ==, G_GINT64_CONSTANT (1709884800000000));
  g_assert_cmpint (usec_of (state->level_since), ==, G_GINT64_CONSTANT (1709884800000000));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/journal/migrations/fixtures", test_migrations);
  g_test_add_func ("/journal/migrations/programs-from-v4", test_programs_from_v4);
  g_test_add_func ("/journal/migrations/programs-v5", test_programs_v5_events);
  g_test_add_func ("/journal/reminders/stored-strings", test_reminders_stored_strings);
  g_test_add_func ("/journal/reminders/keyed", test_reminders_keyed);

  return g_test_run ();
}
