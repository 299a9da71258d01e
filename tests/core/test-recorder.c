/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The session recorder while the disk is full: the parts finished in that
 * time wait in memory and are written as soon as a write succeeds again,
 * and a session is never written as finished while a part is missing. The
 * disk is made full by a test VFS that fails every write with SQLITE_FULL. */
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "faulty-vfs.h"
#include "limber-catalog.h"
#include "limber-journal-private.h"
#include "limber-session-recorder.h"

#define MS(ms) ((gint64) (ms) * 1000)
#define START MS (1000000)

/* Four steps, five parts: the second is done on each side. */
static const char routine_text[] =
  "[Routine]\nId=test\nName=Test\nPrepare=1\nSwitchSides=1\n"
  "[Step 1]\nExercise=seated-hamstring\nHold=2\nRest=1\n"
  "[Step 2]\nExercise=standing-calf\nHold=2\nRest=1\n"
  "[Step 3]\nExercise=seated-hamstring\nHold=2\nRest=1\n"
  "[Step 4]\nExercise=seated-hamstring\nHold=2\n";

typedef struct
{
  LimberCatalog         *catalog;
  LimberRoutine         *routine;
  LimberVirtualClock    *clock;
  LimberPlayer          *player;
  LimberJournal         *journal;
  LimberSessionRecorder *recorder;
  guint                  n_parts;
  guint                  n_errors;
  guint                  full_from;   /* the disk fills before this part (1-based) */
  guint                  full_until;  /* and has room again before this one; 0: never */
} Fixture;

static void
on_part_finished (Fixture *f)
{
  f->n_parts++;
  /* This handler runs after the recorder's: arrange the disk for the next part. */
  if (f->n_parts + 1 == f->full_from)
    faulty_vfs_arm (FAULTY_WRITE, 1, SQLITE_FULL, TRUE);
  if (f->full_until != 0 && f->n_parts + 1 == f->full_until)
    faulty_vfs_disarm ();
}

static void
on_error (Fixture *f,
          GError  *error)
{
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_FULL);
  f->n_errors++;
}

static Fixture *
fixture_new (guint full_from,
             guint full_until)
{
  Fixture *f = g_new0 (Fixture, 1);
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "routines", NULL);
  g_autofree char *file = g_build_filename (dir, "test.routine", NULL);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "journal.db", NULL);
  g_autoptr(GFile) dir_file = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0700);
  g_file_set_contents (file, routine_text, -1, &error);
  g_assert_no_error (error);
  f->catalog = limber_catalog_new ();
  g_assert_true (limber_catalog_load_bundled (f->catalog, NULL));
  g_assert_cmpuint (limber_catalog_load_user_routines (f->catalog, dir_file), ==, 1);
  f->routine = limber_catalog_lookup_routine (f->catalog, "test");
  g_assert_nonnull (f->routine);

  f->journal = limber_journal_open (path, &error);
  g_assert_no_error (error);
  f->clock = limber_virtual_clock_new (START);
  f->player = limber_player_new (f->routine, LIMBER_CLOCK (f->clock));
  f->recorder = limber_session_recorder_new (f->journal, f->player);
  f->full_from = full_from;
  f->full_until = full_until;
  g_signal_connect_swapped (f->recorder, "error", G_CALLBACK (on_error), f);
  g_signal_connect_swapped (f->player, "part-finished", G_CALLBACK (on_part_finished), f);
  if (full_from == 1)
    faulty_vfs_arm (FAULTY_WRITE, 1, SQLITE_FULL, TRUE);
  return f;
}

static void
fixture_free (Fixture *f)
{
  faulty_vfs_disarm ();
  g_clear_object (&f->recorder);
  g_clear_object (&f->player);
  g_clear_object (&f->clock);
  g_clear_object (&f->journal);
  g_clear_object (&f->catalog);
  g_free (f);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Fixture, fixture_free)

static void
play_to_end (Fixture *f)
{
  limber_player_start (f->player);
  for (guint i = 0; i < 1000 && limber_player_get_state (f->player) != LIMBER_PLAYER_STATE_FINISHED; i++)
    limber_virtual_clock_advance (f->clock, MS (250));
  g_assert_cmpint (limber_player_get_state (f->player), ==, LIMBER_PLAYER_STATE_FINISHED);
  g_assert_cmpuint (f->n_parts, ==, 5);
}

static LimberSessionInfo *
only_session (LimberJournal *journal)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;

  sessions = limber_journal_list_sessions (journal, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 1);
  return limber_session_info_copy (g_ptr_array_index (sessions, 0));
}

static void
assert_parts_in_order (LimberJournal *journal,
                       gint64         id)
{
  static const guint steps[] = { 0, 1, 1, 2, 3 };
  static const LimberSide sides[] = { LIMBER_SIDE_NONE, LIMBER_SIDE_LEFT, LIMBER_SIDE_RIGHT,
                                      LIMBER_SIDE_NONE, LIMBER_SIDE_NONE };
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GError) error = NULL;

  parts = limber_journal_list_parts (journal, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parts->len, ==, 5);
  for (guint i = 0; i < parts->len; i++)
    {
      LimberPartInfo *part = g_ptr_array_index (parts, i);

      g_assert_cmpuint (part->step, ==, steps[i]);
      g_assert_cmpint (part->side, ==, sides[i]);
      g_assert_cmpuint (part->done_ms, ==, 2000);
    }
}

/* Full for the second and third parts (both sides of step 2); room again
 * for the fourth, which writes them first. */
static void
test_space_comes_back (void)
{
  g_autoptr(Fixture) f = fixture_new (2, 4);
  g_autoptr(LimberSessionInfo) info = NULL;

  play_to_end (f);
  g_assert_cmpuint (f->n_errors, ==, 2);
  g_assert_cmpuint (limber_session_recorder_get_n_unsaved (f->recorder), ==, 0);
  g_assert_null (limber_session_recorder_get_unsaved_error (f->recorder));

  info = only_session (f->journal);
  g_assert_cmpint (info->outcome, ==, LIMBER_OUTCOME_COMPLETED);
  g_assert_cmpuint (info->n_parts, ==, 5);
  assert_parts_in_order (f->journal, info->id);
}

/* Full from the third part to the end: the session is not written as
 * completed with parts missing; the recorder says what is missing and why,
 * and writes it all once there is room. */
static void
test_full_until_the_end (void)
{
  g_autoptr(Fixture) f = fixture_new (3, 0);
  g_autoptr(LimberSessionInfo) info = NULL;
  g_autoptr(LimberSessionInfo) after = NULL;
  g_autoptr(GError) error = NULL;
  const GError *why;

  play_to_end (f);
  g_assert_cmpuint (f->n_errors, >=, 3);
  /* step 2's right side, steps 3 and 4 */
  g_assert_cmpuint (limber_session_recorder_get_n_unsaved (f->recorder), ==, 3);
  why = limber_session_recorder_get_unsaved_error (f->recorder);
  g_assert_error ((GError *) why, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_FULL);

  info = only_session (f->journal);
  g_assert_cmpint (info->outcome, ==, LIMBER_OUTCOME_IN_PROGRESS);
  g_assert_cmpuint (info->n_parts, ==, 2);

  /* still full: nothing changes, and the rating is not saved either */
  g_assert_false (limber_session_recorder_retry (f->recorder, &error));
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_FULL);
  g_clear_error (&error);

  faulty_vfs_disarm ();
  g_assert_true (limber_session_recorder_set_rating (f->recorder, 7, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (limber_session_recorder_get_n_unsaved (f->recorder), ==, 0);
  g_assert_null (limber_session_recorder_get_unsaved_error (f->recorder));

  after = only_session (f->journal);
  g_assert_cmpint (after->outcome, ==, LIMBER_OUTCOME_COMPLETED);
  g_assert_cmpuint (after->n_parts, ==, 5);
  g_assert_cmpint (after->rating, ==, 7);
  assert_parts_in_order (f->journal, after->id);
}

/* Full from the very start: the session row itself is written late, with
 * the time the routine really started. */
static void
test_full_from_the_start (void)
{
  g_autoptr(Fixture) f = NULL;
  g_autoptr(LimberSessionInfo) info = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();

  f = fixture_new (1, 5);
  play_to_end (f);
  g_assert_cmpuint (limber_session_recorder_get_n_unsaved (f->recorder), ==, 0);

  info = only_session (f->journal);
  g_assert_cmpint (info->outcome, ==, LIMBER_OUTCOME_COMPLETED);
  g_assert_cmpuint (info->n_parts, ==, 5);
  g_assert_cmpint (g_date_time_compare (info->started_at, before), >=, 0);
  assert_parts_in_order (f->journal, info->id);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  faulty_vfs_install ();

  g_test_add_func ("/recorder/disk-full/space-comes-back", test_space_comes_back);
  g_test_add_func ("/recorder/disk-full/until-the-end", test_full_until_the_end);
  g_test_add_func ("/recorder/disk-full/from-the-start", test_full_from_the_start);
  return g_test_run ();
}
