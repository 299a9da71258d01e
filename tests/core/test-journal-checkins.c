/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The journal's check-ins and reminders: saving, validating, editing,
 * deleting and listing them; the latest and the first one read alone; a
 * program's baseline. */
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

static void
test_checkin_add_get (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(LimberJournal) journal = open_ok (path);
  g_autoptr(GDateTime) time = utc (2024, 5, 6, 7, 8, 9.123456);
  g_autoptr(LimberCheckin) full = checkin_at (time, 10, 0);
  g_autoptr(LimberCheckin) bare = checkin_at (time, 0, 10);
  g_autoptr(LimberCheckin) empty_note = checkin_at (time, 5, 5);
  g_autoptr(LimberCheckin) got = NULL;
  g_autoptr(GError) error = NULL;
  GString *long_note = g_string_new (NULL);
  gint64 a, b, c;

  for (guint i = 0; i < 5000; i++)
    g_string_append (long_note, "Line with ünïcode ✓ and a tab\t;\n");
  full->side = LIMBER_BODY_SIDE_RIGHT;
  full->morning_stiffness = LIMBER_MORNING_STIFFNESS_MAX;
  full->symptoms = LIMBER_SYMPTOM_NUMBNESS | LIMBER_SYMPTOM_RADIATING | LIMBER_SYMPTOM_WEAKNESS;
  full->note = g_string_free (long_note, FALSE);
  bare->morning_stiffness = 0;
  empty_note->note = g_strdup ("");
  empty_note->side = LIMBER_BODY_SIDE_LEFT;

  a = add_checkin (journal, full);
  b = add_checkin (journal, bare);
  c = add_checkin (journal, empty_note);
  g_assert_cmpint (a, <, b);
  g_assert_cmpint (b, <, c);

  got = limber_journal_get_checkin (journal, a, &error);
  g_assert_no_error (error);
  g_assert_cmpint (got->id, ==, a);
  assert_same_checkin (got, full);
  g_clear_pointer (&got, limber_checkin_free);

  got = limber_journal_get_checkin (journal, b, &error);
  g_assert_no_error (error);
  assert_same_checkin (got, bare);
  g_assert_null (got->note);
  g_clear_pointer (&got, limber_checkin_free);

  /* an empty note stays empty, not missing */
  got = limber_journal_get_checkin (journal, c, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->note, ==, "");
  g_clear_pointer (&got, limber_checkin_free);

  /* a new check-in has no morning stiffness until told */
  g_clear_pointer (&bare, limber_checkin_free);
  bare = limber_checkin_new ();
  g_assert_cmpint (bare->morning_stiffness, ==, -1);
  got = limber_journal_get_checkin (journal, add_checkin (journal, bare), &error);
  g_assert_no_error (error);
  g_assert_cmpint (got->morning_stiffness, ==, -1);
  g_assert_cmpint (got->side, ==, LIMBER_BODY_SIDE_BOTH);
  g_clear_pointer (&got, limber_checkin_free);

  got = limber_journal_get_checkin (journal, 999, &error);
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_NOT_FOUND);
  g_assert_null (got);

  /* and it all survives a reopen */
  g_clear_object (&journal);
  g_clear_error (&error);
  journal = open_ok (path);
  got = limber_journal_get_checkin (journal, a, &error);
  g_assert_no_error (error);
  assert_same_checkin (got, full);
}

static void
test_checkin_invalid (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(LimberJournal) journal = open_ok (path);
  g_autoptr(GDateTime) time = utc (2024, 5, 6, 7, 8, 9);
  g_autoptr(LimberCheckin) good = checkin_at (time, 3, 4);
  struct {
    const char *what;
    int pain, stiffness, side, morning, symptoms;
    const char *note;
    const char *expected;   /* in the message */
  } cases[] = {
    { "pain -1", -1, 4, 0, -1, 0, NULL, "Pain" },
    { "pain 11", 11, 4, 0, -1, 0, NULL, "0 (none) to 10 (worst imaginable)" },
    { "stiffness -1", 3, -1, 0, -1, 0, NULL, "Stiffness" },
    { "stiffness 11", 3, 11, 0, -1, 0, NULL, "from 0" },
    { "side 3", 3, 4, 3, -1, 0, NULL, "left, right or both" },
    { "side -1", 3, 4, -1, -1, 0, NULL, "left, right or both" },
    { "morning -2", 3, 4, 0, -2, 0, NULL, "Morning stiffness" },
    { "morning 1441", 3, 4, 0, 1441, 0, NULL, "0 to 1440" },
    { "symptom 8", 3, 4, 0, -1, 8, NULL, "symptoms" },
    { "note", 3, 4, 0, -1, 0, "bad \xff utf-8", "note" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LimberCheckin) bad = limber_checkin_copy (good);
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].what);
      bad->pain = cases[i].pain;
      bad->stiffness = cases[i].stiffness;
      bad->side = (LimberBodySide) cases[i].side;
      bad->morning_stiffness = cases[i].morning;
      bad->symptoms = (LimberSymptoms) cases[i].symptoms;
      bad->note = g_strdup (cases[i].note);

      g_assert_false (limber_checkin_validate (bad, &error));
      g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].expected));
      g_clear_error (&error);

      g_assert_cmpint (limber_journal_add_checkin (journal, bad, &error), ==, 0);
      g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID);
      g_assert_cmpint (count_checkins (journal), ==, 0);
    }

  /* no time */
  {
    g_autoptr(LimberCheckin) bad = limber_checkin_copy (good);
    g_autoptr(GError) error = NULL;

    g_clear_pointer (&bad->time, g_date_time_unref);
    g_assert_false (limber_checkin_validate (bad, &error));
    g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "time"));
  }

  /* the edges are fine */
  good->pain = 0;
  good->stiffness = 10;
  good->morning_stiffness = 0;
  g_assert_true (limber_checkin_validate (good, NULL));
  good->morning_stiffness = 1440;
  good->pain = 10;
  good->stiffness = 0;
  g_assert_true (limber_checkin_validate (good, NULL));
  add_checkin (journal, good);
  g_assert_cmpint (count_checkins (journal), ==, 1);
}

static void
test_checkin_sides (void)
{
  static const char * const names[] = { "both", "left", "right" };
  LimberBodySide side = LIMBER_BODY_SIDE_LEFT;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      LimberBodySide parsed;

      g_assert_cmpstr (limber_body_side_to_string ((LimberBodySide) i), ==, names[i]);
      g_assert_true (limber_body_side_from_string (names[i], &parsed));
      g_assert_cmpint (parsed, ==, i);
    }

  g_assert_false (limber_body_side_from_string ("Left", &side));
  g_assert_false (limber_body_side_from_string ("", &side));
  g_assert_false (limber_body_side_from_string ("none", &side));
  g_assert_false (limber_body_side_from_string (NULL, &side));
  g_assert_cmpint (side, ==, LIMBER_BODY_SIDE_LEFT);
  g_assert_cmpuint (limber_checkin_get_type (), !=, G_TYPE_INVALID);
}

static void
test_checkin_copy (void)
{
  g_autoptr(LimberCheckin) a = limber_checkin_new ();
  g_autoptr(LimberCheckin) b = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_assert_nonnull (a->time);
  g_assert_cmpint (g_date_time_difference (now, a->time), <, 60 * G_USEC_PER_SEC);
  a->id = 7;
  a->note = g_strdup ("note");
  b = limber_checkin_copy (a);
  g_assert_cmpint (b->id, ==, 7);
  g_assert_true (b->note != a->note);
  assert_same_checkin (a, b);
  limber_checkin_free (NULL);
}

static void
test_checkin_update (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(LimberJournal) journal = open_ok (path);
  g_autoptr(GDateTime) time = utc (2024, 5, 6, 7, 8, 9);
  g_autoptr(GDateTime) later = utc (2024, 5, 7, 20, 0, 0);
  g_autoptr(LimberCheckin) checkin = checkin_at (time, 3, 4);
  g_autoptr(LimberCheckin) got = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = add_checkin (journal, checkin);
  gint64 other = add_checkin (journal, checkin);

  checkin->id = id;
  g_date_time_unref (checkin->time);
  checkin->time = g_date_time_ref (later);
  checkin->pain = 9;
  checkin->stiffness = 1;
  checkin->side = LIMBER_BODY_SIDE_LEFT;
  checkin->morning_stiffness = 30;
  checkin->symptoms = LIMBER_SYMPTOM_WEAKNESS;
  checkin->note = g_strdup ("edited");
  g_assert_true (limber_journal_update_checkin (journal, checkin, &error));
  g_assert_no_error (error);
  got = limber_journal_get_checkin (journal, id, &error);
  assert_same_checkin (got, checkin);
  g_clear_pointer (&got, limber_checkin_free);

  /* the other one is untouched */
  got = limber_journal_get_checkin (journal, other, &error);
  g_assert_cmpint (got->pain, ==, 3);
  g_assert_null (got->note);
  g_clear_pointer (&got, limber_checkin_free);

  /* clearing optional fields */
  checkin->morning_stiffness = -1;
  g_clear_pointer (&checkin->note, g_free);
  checkin->symptoms = LIMBER_SYMPTOM_NONE;
  g_assert_true (limber_journal_update_checkin (journal, checkin, &error));
  got = limber_journal_get_checkin (journal, id, &error);
  assert_same_checkin (got, checkin);
  g_clear_pointer (&got, limber_checkin_free);

  /* invalid: refused, unchanged */
  checkin->pain = 12;
  g_assert_false (limber_journal_update_checkin (journal, checkin, &error));
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);
  got = limber_journal_get_checkin (journal, id, &error);
  g_assert_cmpint (got->pain, ==, 9);

  /* unknown id */
  checkin->pain = 2;
  checkin->id = 4242;
  g_assert_false (limber_journal_update_checkin (journal, checkin, &error));
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_NOT_FOUND);
  g_assert_cmpint (count_checkins (journal), ==, 2);
}

static void
test_checkin_delete_restore (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(LimberJournal) journal = open_ok (path);
  g_autoptr(GDateTime) time = utc (2024, 5, 6, 7, 8, 9);
  g_autoptr(LimberCheckin) checkin = checkin_at (time, 6, 2);
  g_autoptr(LimberCheckin) deleted = NULL;
  g_autoptr(LimberCheckin) got = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first, last, newer;

  checkin->note = g_strdup ("undo me");
  checkin->symptoms = LIMBER_SYMPTOM_RADIATING;
  first = add_checkin (journal, checkin);
  last = add_checkin (journal, checkin);

  /* delete the newest one: its id must not come back for a new check-in */
  g_assert_true (limber_journal_delete_checkin (journal, last, &deleted, &error));
  g_assert_no_error (error);
  g_assert_nonnull (deleted);
  g_assert_cmpint (deleted->id, ==, last);
  assert_same_checkin (deleted, checkin);
  got = limber_journal_get_checkin (journal, last, &error);
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  newer = add_checkin (journal, checkin);
  g_assert_cmpint (newer, >, last);

  /* undo */
  g_assert_true (limber_journal_restore_checkin (journal, deleted, &error));
  g_assert_no_error (error);
  got = limber_journal_get_checkin (journal, last, &error);
  g_assert_no_error (error);
  assert_same_checkin (got, checkin);

  /* twice is refused, with nothing changed */
  g_assert_false (limber_journal_restore_checkin (journal, deleted, &error));
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_checkins (journal), ==, 3);

  /* a check-in never saved cannot be "restored" */
  checkin->id = 0;
  g_assert_false (limber_journal_restore_checkin (journal, checkin, &error));
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);

  /* deleting without asking for the old one, and an unknown id */
  g_assert_true (limber_journal_delete_checkin (journal, first, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&deleted, limber_checkin_free);
  g_assert_false (limber_journal_delete_checkin (journal, first, &deleted, &error));
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_NOT_FOUND);
  g_assert_null (deleted);
  g_assert_cmpint (count_checkins (journal), ==, 2);
}

static void
test_checkin_list (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(LimberJournal) journal = open_ok (path);
  g_autoptr(GDateTime) t1 = utc (2024, 5, 6, 7, 0, 0);
  g_autoptr(GDateTime) t2 = utc (2024, 5, 6, 19, 0, 0);
  g_autoptr(GDateTime) t3 = utc (2024, 5, 7, 7, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) some = NULL;
  gint64 ids[3];

  /* written out of order, listed oldest first */
  {
    g_autoptr(LimberCheckin) c3 = checkin_at (t3, 3, 3);
    g_autoptr(LimberCheckin) c1 = checkin_at (t1, 1, 1);
    g_autoptr(LimberCheckin) c2 = checkin_at (t2, 2, 2);

    ids[2] = add_checkin (journal, c3);
    ids[0] = add_checkin (journal, c1);
    ids[1] = add_checkin (journal, c2);
  }

  all = limber_journal_list_checkins (journal, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      LimberCheckin *c = g_ptr_array_index (all, i);

      g_assert_cmpint (c->id, ==, ids[i]);
      g_assert_cmpint (c->pain, ==, i + 1);
    }

  /* from is included, to is not */
  some = limber_journal_list_checkins (journal, t2, t3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (some->len, ==, 1);
  g_assert_cmpint (((LimberCheckin *) some->pdata[0])->id, ==, ids[1]);
  g_clear_pointer (&some, g_ptr_array_unref);

  some = limber_journal_list_checkins (journal, NULL, t2, &error);
  g_assert_cmpuint (some->len, ==, 1);
  g_clear_pointer (&some, g_ptr_array_unref);
  some = limber_journal_list_checkins (journal, t2, NULL, &error);
  g_assert_cmpuint (some->len, ==, 2);
  g_clear_pointer (&some, g_ptr_array_unref);
  some = limber_journal_list_checkins (journal, t3, t1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (some->len, ==, 0);
}

static void
test_checkin_read_only (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(LimberJournal) journal = open_ok (path);
  g_autoptr(GDateTime) time = utc (2024, 5, 6, 7, 8, 9);
  g_autoptr(LimberCheckin) checkin = checkin_at (time, 6, 2);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = _limber_journal_get_handle_for_testing (journal);

  add_checkin (journal, checkin);
  raw_exec (db, "PRAGMA query_only = ON");
  g_assert_cmpint (limber_journal_add_checkin (journal, checkin, &error), ==, 0);
  g_assert_nonnull (error);
  g_assert_true (error->domain == LIMBER_JOURNAL_ERROR);
  g_clear_error (&error);
  g_assert_false (limber_journal_delete_checkin (journal, 1, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  raw_exec (db, "PRAGMA query_only = OFF");
  /* no transaction was left open */
  g_assert_true (sqlite3_get_autocommit (db));
  g_assert_cmpint (count_checkins (journal), ==, 1);
}

/* A check-in dated in the future would stay "today" for ever: refused,
 * from the form's API and from the journal. A minute's slack is allowed. */
static void
test_checkin_future (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(LimberJournal) journal = open_ok (path);
  g_autoptr(LimberCheckin) checkin = limber_checkin_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  static const gint64 ahead_s[] = { 2 * 60, 3600, 24 * 3600, 400LL * 24 * 3600 };

  checkin->pain = 2;
  checkin->stiffness = 3;
  for (guint i = 0; i < G_N_ELEMENTS (ahead_s); i++)
    {
      g_date_time_unref (checkin->time);
      checkin->time = g_date_time_add_seconds (now, ahead_s[i]);

      g_assert_false (limber_checkin_validate (checkin, &error));
      g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "future"));
      g_clear_error (&error);
      g_assert_cmpint (limber_journal_add_checkin (journal, checkin, &error), ==, 0);
      g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_cmpint (count_checkins (journal), ==, 0);

  /* now, a few seconds ahead (another clock), and the past are fine */
  g_date_time_unref (checkin->time);
  checkin->time = g_date_time_add_seconds (now, 20);
  g_assert_true (limber_checkin_validate (checkin, NULL));
  g_date_time_unref (checkin->time);
  checkin->time = g_date_time_add_days (now, -400);
  g_assert_cmpint (limber_journal_add_checkin (journal, checkin, &error), >, 0);
  g_assert_no_error (error);

  /* an edit cannot move one into the future either */
  checkin->id = limber_journal_add_checkin (journal, checkin, &error);
  g_assert_no_error (error);
  g_date_time_unref (checkin->time);
  checkin->time = g_date_time_add_days (now, 2);
  g_assert_false (limber_journal_update_checkin (journal, checkin, &error));
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID);
}

/* Reminders: logged when shown, then updated with what the user did. */
static void
test_reminders (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(LimberJournal) journal = open_ok (path);
  g_autoptr(GDateTime) due = utc (2024, 3, 5, 17, 50, 0);
  g_autoptr(GDateTime) later = utc (2024, 3, 5, 20, 0, 0);
  g_autoptr(GDateTime) since = utc (2024, 3, 5, 18, 0, 0);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) recent = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberReminderInfo) copy = NULL;
  LimberReminderInfo *info;
  gint64 before = g_get_real_time ();
  gint64 a, b;

  a = limber_journal_log_reminder (journal, LIMBER_REMINDER_BREAK, "desk-break", due, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (a, >, 0);
  b = limber_journal_log_reminder (journal, LIMBER_REMINDER_CHECKIN, NULL, later, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (b, >, a);

  g_assert_true (limber_journal_set_reminder_outcome (journal, a, LIMBER_REMINDER_OUTCOME_SNOOZED, &error));
  g_assert_no_error (error);
  g_assert_true (limber_journal_set_reminder_outcome (journal, a, LIMBER_REMINDER_OUTCOME_STARTED, &error));
  g_assert_no_error (error);
  g_assert_true (limber_journal_set_reminder_outcome (journal, b, LIMBER_REMINDER_OUTCOME_FAILED, &error));
  g_assert_no_error (error);

  g_assert_false (limber_journal_set_reminder_outcome (journal, a, (LimberReminderOutcome) 42, &error));
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (limber_journal_set_reminder_outcome (journal, 9999, LIMBER_REMINDER_OUTCOME_SKIPPED, &error));
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* a test notification is written, takes an outcome, and is in no list */
  g_assert_cmpint (limber_journal_log_test_reminder_keyed (journal, "5d1c8e2a-3b4f-4a6e-9d7c-1e2f3a4b5c6d",
                                                           LIMBER_REMINDER_BREAK, "desk-break", later,
                                                           &error), >, b);
  g_assert_no_error (error);
  g_assert_true (limber_journal_set_reminder_outcome_keyed (journal, "5d1c8e2a-3b4f-4a6e-9d7c-1e2f3a4b5c6d",
                                                            LIMBER_REMINDER_OUTCOME_SKIPPED, &error));
  g_assert_no_error (error);

  all = limber_journal_list_reminders (journal, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);

  /* newest first */
  info = g_ptr_array_index (all, 0);
  g_assert_cmpint (info->id, ==, b);
  g_assert_cmpint (info->kind, ==, LIMBER_REMINDER_CHECKIN);
  g_assert_null (info->routine_id);
  assert_same_time (info->due_at, later);
  g_assert_null (info->shown_at);
  g_assert_cmpint (info->outcome, ==, LIMBER_REMINDER_OUTCOME_FAILED);
  g_assert_true (info->catch_up);

  info = g_ptr_array_index (all, 1);
  g_assert_cmpint (info->id, ==, a);
  g_assert_cmpint (info->kind, ==, LIMBER_REMINDER_BREAK);
  g_assert_cmpstr (info->routine_id, ==, "desk-break");
  assert_same_time (info->due_at, due);
  g_assert_nonnull (info->shown_at);
  g_assert_cmpint (usec_of (info->shown_at), >=, before);
  g_assert_cmpint (usec_of (info->updated_at), >=, usec_of (info->shown_at));
  g_assert_cmpint (info->outcome, ==, LIMBER_REMINDER_OUTCOME_STARTED);
  g_assert_false (info->catch_up);

  copy = limber_reminder_info_copy (info);
  g_assert_cmpstr (copy->routine_id, ==, "desk-break");
  assert_same_time (copy->shown_at, info->shown_at);

  recent = limber_journal_list_reminders (journal, since, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (recent->len, ==, 1);
  g_assert_cmpint (((LimberReminderInfo *) g_ptr_array_index (recent, 0))->id, ==, b);
}

/* The latest check-in since a moment, and the first, each read alone. */
static void
test_checkin_latest_first (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(LimberJournal) journal = open_ok (path);
  g_autoptr(GDateTime) t1 = utc (2024, 5, 6, 7, 0, 0);
  g_autoptr(GDateTime) t2 = utc (2024, 5, 6, 19, 0, 0);
  g_autoptr(GDateTime) t3 = utc (2024, 5, 7, 7, 0, 0);
  g_autoptr(GDateTime) after = utc (2024, 5, 8, 0, 0, 0);
  g_autoptr(GError) error = NULL;
  LimberCheckin *found = (LimberCheckin *) GINT_TO_POINTER (1);
  gint64 ids[4];

  /* none yet: TRUE, and NULL */
  g_assert_true (limber_journal_get_latest_checkin (journal, NULL, &found, &error));
  g_assert_no_error (error);
  g_assert_null (found);
  found = (LimberCheckin *) GINT_TO_POINTER (1);
  g_assert_true (limber_journal_get_first_checkin (journal, NULL, &found, &error));
  g_assert_no_error (error);
  g_assert_null (found);

  {
    g_autoptr(LimberCheckin) c3 = checkin_at (t3, 3, 3);
    g_autoptr(LimberCheckin) c1 = checkin_at (t1, 1, 1);
    g_autoptr(LimberCheckin) c2 = checkin_at (t2, 2, 2);
    g_autoptr(LimberCheckin) c4 = checkin_at (t3, 4, 4);

    ids[2] = add_checkin (journal, c3);
    ids[0] = add_checkin (journal, c1);
    ids[1] = add_checkin (journal, c2);
    /* the same moment as c3, saved after it */
    ids[3] = add_checkin (journal, c4);
  }

  g_assert_true (limber_journal_get_latest_checkin (journal, NULL, &found, &error));
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpint (found->id, ==, ids[3]);
  g_assert_cmpint (found->pain, ==, 4);
  assert_same_time (found->time, t3);
  g_clear_pointer (&found, limber_checkin_free);

  /* since is included */
  g_assert_true (limber_journal_get_first_checkin (journal, t2, &found, &error));
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, ids[1]);
  g_clear_pointer (&found, limber_checkin_free);
  g_assert_true (limber_journal_get_first_checkin (journal, NULL, &found, &error));
  g_assert_cmpint (found->id, ==, ids[0]);
  g_clear_pointer (&found, limber_checkin_free);
  g_assert_true (limber_journal_get_latest_checkin (journal, t1, &found, &error));
  g_assert_cmpint (found->id, ==, ids[3]);
  g_clear_pointer (&found, limber_checkin_free);

  /* nothing since @after */
  g_assert_true (limber_journal_get_latest_checkin (journal, after, &found, &error));
  g_assert_null (found);
  g_assert_true (limber_journal_get_first_checkin (journal, after, &found, &error));
  g_assert_null (found);
  g_assert_no_error (error);
}

/* A program's baseline: the mean of the week before its start; without
 * one, the first check-in at or after the start, however many follow. */
static void
test_program_baseline (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(LimberJournal) journal = open_ok (path);
  g_autoptr(GDateTime) started = utc (2024, 5, 10, 9, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberProgramState) state = NULL;

  g_assert_true (limber_journal_start_program (journal, "looser-hamstrings", started, &error));
  g_assert_no_error (error);

  /* no check-in at all */
  state = limber_journal_get_current_program (journal, &error);
  g_assert_no_error (error);
  g_assert_false (state->has_baseline);
  g_clear_pointer (&state, limber_program_state_free);

  /* at the start and after it: the one at the start is the first after */
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(GDateTime) time = g_date_time_add_hours (started, 12 * i);
      g_autoptr(LimberCheckin) checkin = checkin_at (time, i == 0 ? 6 : 2, i == 0 ? 5 : 1);

      add_checkin (journal, checkin);
    }
  /* one too early to count */
  {
    g_autoptr(GDateTime) early = g_date_time_add_days (started, -8);
    g_autoptr(LimberCheckin) checkin = checkin_at (early, 9, 9);

    add_checkin (journal, checkin);
  }
  state = limber_journal_get_current_program (journal, &error);
  g_assert_no_error (error);
  g_assert_true (state->has_baseline);
  g_assert_cmpfloat (state->start_pain, ==, 6);
  g_assert_cmpfloat (state->start_stiffness, ==, 5);
  g_clear_pointer (&state, limber_program_state_free);

  /* the week before, when there is one, and only it */
  {
    g_autoptr(GDateTime) before1 = g_date_time_add_days (started, -6);
    g_autoptr(GDateTime) before2 = g_date_time_add_hours (started, -1);
    g_autoptr(LimberCheckin) c1 = checkin_at (before1, 3, 4);
    g_autoptr(LimberCheckin) c2 = checkin_at (before2, 4, 2);

    add_checkin (journal, c1);
    add_checkin (journal, c2);
  }
  state = limber_journal_get_current_program (journal, &error);
  g_assert_no_error (error);
  g_assert_true (state->has_baseline);
  g_assert_cmpfloat (state->start_pain, ==, 3.5);
  g_assert_cmpfloat (state->start_stiffness, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/journal/checkins/add-get", test_checkin_add_get);
  g_test_add_func ("/journal/checkins/invalid", test_checkin_invalid);
  g_test_add_func ("/journal/checkins/future", test_checkin_future);
  g_test_add_func ("/journal/checkins/sides", test_checkin_sides);
  g_test_add_func ("/journal/checkins/copy", test_checkin_copy);
  g_test_add_func ("/journal/checkins/update", test_checkin_update);
  g_test_add_func ("/journal/checkins/delete-restore", test_checkin_delete_restore);
  g_test_add_func ("/journal/checkins/list", test_checkin_list);
  g_test_add_func ("/journal/checkins/latest-first", test_checkin_latest_first);
  g_test_add_func ("/journal/checkins/program-baseline", test_program_baseline);
  g_test_add_func ("/journal/checkins/read-only", test_checkin_read_only);
  g_test_add_func ("/journal/reminders", test_reminders);

  return g_test_run ();
}
