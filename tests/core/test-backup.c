/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Daily backups and restoring them: a backup is a checked, private copy;
 * seven are kept; a damaged copy never pushes out a good one; restoring
 * adds what the backup holds to whatever the journal holds since. */
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "limber-journal-private.h"
#include "limber-journal-programs.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("limber-backup-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "journal.db", NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static GDateTime *
day (int d)
{
  return g_date_time_new_local (2026, 11, d, 9, 0, 0);
}

static void
add_checkin (LimberJournal *journal,
             int            d,
             int            pain,
             const char    *note)
{
  g_autoptr(LimberCheckin) checkin = limber_checkin_new ();
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&checkin->time, g_date_time_unref);
  checkin->time = day (d);
  checkin->pain = pain;
  checkin->stiffness = 3;
  checkin->note = g_strdup (note);
  g_assert_cmpint (limber_journal_add_checkin (journal, checkin, &error), >, 0);
  g_assert_no_error (error);
}

static void
add_session (LimberJournal *journal,
             int            d,
             gboolean       finish)
{
  g_autoptr(GDateTime) start = day (d);
  g_autoptr(GDateTime) end = g_date_time_add_minutes (start, 5);
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = limber_journal_start_session (journal, "morning-hamstrings", "Morning hamstrings",
                                     start, 60000, &error);
  g_assert_no_error (error);
  g_assert_true (limber_journal_record_part (journal, id, 0, LIMBER_SIDE_LEFT, "seated-hamstring",
                                             30000, 30000, FALSE, 30000, &error));
  g_assert_true (limber_journal_record_part (journal, id, 0, LIMBER_SIDE_RIGHT, "seated-hamstring",
                                             30000, 30000, FALSE, 60000, &error));
  g_assert_no_error (error);
  if (finish)
    g_assert_true (limber_journal_finish_session (journal, id, LIMBER_OUTCOME_COMPLETED, end, 60000, &error));
  g_assert_no_error (error);
}

/* what the journal holds, as text: sessions with their parts, check-ins */
static char *
contents (LimberJournal *journal)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = limber_journal_list_sessions (journal, NULL, &error);
  g_autoptr(GDateTime) from = g_date_time_new_local (2000, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new_local (2030, 1, 1, 0, 0, 0);
  g_autoptr(GPtrArray) checkins = limber_journal_list_checkins (journal, from, to, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < sessions->len; i++)
    {
      LimberSessionInfo *info = g_ptr_array_index (sessions, i);
      g_autofree char *start = g_date_time_format (info->started_at, "%F");

      g_string_append_printf (text, "session %s %s %u parts; ", start,
                              limber_outcome_to_string (info->outcome), info->n_parts);
    }
  for (guint i = 0; i < checkins->len; i++)
    {
      LimberCheckin *c = g_ptr_array_index (checkins, i);
      g_autofree char *when = g_date_time_format (c->time, "%F");

      g_string_append_printf (text, "check-in %s pain %d %s; ", when, c->pain, c->note);
    }
  return g_string_free (text, FALSE);
}

static void
scribble (const char *path,
          goffset     offset,
          gsize       length)
{
  int fd = g_open (path, O_WRONLY, 0);
  g_autofree guint8 *junk = g_malloc (length);

  memset (junk, 0xa5, length);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, junk, length, offset), ==, (gssize) length);
  close (fd);
}

static char *
backup_path (Fixture *f,
             int      d)
{
  g_autofree char *name = g_strdup_printf ("journal-2026-11-%02d.db", d);

  return g_build_filename (f->dir, "backups", name, NULL);
}

static void
test_daily (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberJournal) journal = limber_journal_open (f->path, &error);
  g_autoptr(GDateTime) today = day (20);
  g_autofree char *expected = backup_path (f, 20);
  g_autofree char *before = NULL;
  g_autoptr(LimberJournal) copy = NULL;
  g_autofree char *copied = NULL;
  gboolean made = FALSE;
  GStatBuf st;

  add_checkin (journal, 3, 4, "before the backup");
  add_session (journal, 4, TRUE);
  before = contents (journal);

  /* made while the journal is open, and private */
  g_assert_true (limber_journal_backup_daily (f->path, today, &made, &error));
  g_assert_no_error (error);
  g_assert_true (made);
  g_assert_cmpint (g_stat (expected, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* once a day */
  g_assert_true (limber_journal_backup_daily (f->path, today, &made, &error));
  g_assert_false (made);
  {
    g_autoptr(GPtrArray) backups = limber_journal_list_backups (f->path);

    g_assert_cmpuint (backups->len, ==, 1);
  }

  /* the copy is the journal, on its own, with no -wal beside it */
  copy = limber_journal_open (expected, &error);
  g_assert_no_error (error);
  copied = contents (copy);
  g_assert_cmpstr (copied, ==, before);
}

static void
test_keeps_seven (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberJournal) journal = limber_journal_open (f->path, &error);
  g_autoptr(GPtrArray) backups = NULL;

  for (int d = 1; d <= 10; d++)
    {
      g_autoptr(GDateTime) today = day (d);
      gboolean made;

      add_checkin (journal, d, d % 11, "daily");
      g_assert_true (limber_journal_backup_daily (f->path, today, &made, &error));
      g_assert_no_error (error);
      g_assert_true (made);
    }

  backups = limber_journal_list_backups (f->path);
  g_assert_cmpuint (backups->len, ==, LIMBER_JOURNAL_N_BACKUPS);
  for (guint i = 0; i < backups->len; i++)
    {
      g_autofree char *expected = backup_path (f, 10 - i);

      g_assert_cmpstr (g_ptr_array_index (backups, i), ==, expected);
    }
  g_clear_pointer (&backups, g_ptr_array_unref);

  /* a damaged journal kept beside it: the backups from before the damage
   * are not pushed out by the new journal's */
  {
    g_autofree char *damaged = g_strconcat (f->path, ".corrupt-20261111-090000", NULL);

    g_assert_true (g_file_set_contents (damaged, "damaged", -1, NULL));
    for (int d = 11; d <= 13; d++)
      {
        g_autoptr(GDateTime) today = day (d);

        g_assert_true (limber_journal_backup_daily (f->path, today, NULL, &error));
      }
    backups = limber_journal_list_backups (f->path);
    g_assert_cmpuint (backups->len, ==, LIMBER_JOURNAL_N_BACKUPS + 3);
    g_unlink (damaged);
  }
}

/* A journal whose pages are damaged gives a copy that fails quick_check:
 * it is thrown away, and the seven good ones stay. */
static void
test_bad_copy_kept_out (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GDateTime) today = day (20);
  g_autoptr(GDir) dir = NULL;
  g_autofree char *backups_dir = NULL;
  const char *name;
  gboolean made = TRUE;

  {
    g_autoptr(LimberJournal) journal = limber_journal_open (f->path, &error);
    g_autofree char *note = g_strnfill (600, 'n');

    for (int d = 1; d <= 7; d++)
      {
        g_autoptr(GDateTime) then = day (d);

        g_assert_true (limber_journal_backup_daily (f->path, then, NULL, &error));
      }
    /* enough check-ins for many pages */
    for (int i = 0; i < 200; i++)
      add_checkin (journal, 8 + i % 10, i % 11, note);
  }
  before = limber_journal_list_backups (f->path);
  g_assert_cmpuint (before->len, ==, 7);

  /* the middle of the file: check-in pages, not the header */
  scribble (f->path, 4096 * 20 + 100, 3000);

  g_assert_false (limber_journal_backup_daily (f->path, today, &made, &error));
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_CORRUPT);
  g_assert_false (made);
  after = limber_journal_list_backups (f->path);
  g_assert_cmpuint (after->len, ==, 7);
  for (guint i = 0; i < 7; i++)
    g_assert_cmpstr (g_ptr_array_index (after, i), ==, g_ptr_array_index (before, i));

  /* no half-made copy left behind */
  backups_dir = g_build_filename (f->dir, "backups", NULL);
  dir = g_dir_open (backups_dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (name[0] == '.');
}

/* The journal is lost and a fresh one started; what the backup holds comes
 * back, and what was saved since stays. Restoring twice adds nothing. */
static void
test_restore_merges (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberJournal) journal = NULL;
  g_autoptr(GDateTime) today = day (10);
  g_autofree char *used = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = backup_path (f, 10);
  guint n = 0;

  journal = limber_journal_open (f->path, &error);
  add_checkin (journal, 1, 6, "old one");
  add_checkin (journal, 2, 5, "old two");
  add_session (journal, 3, TRUE);
  add_session (journal, 4, FALSE);   /* in progress when the backup was made */
  {
    g_autoptr(GDateTime) started = day (3);
    g_autoptr(GDateTime) moved = day (6);

    g_assert_true (limber_journal_start_program (journal, "looser-hamstrings", started, &error));
    g_assert_true (limber_journal_change_program_level (journal, 2, "Three easy sessions at level 1.", moved, &error));
  }
  g_assert_true (limber_journal_backup_daily (f->path, today, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&journal);

  /* lost: a fresh journal, with a day's use in it */
  for (const char *suffix = ""; suffix != NULL; suffix = g_str_equal (suffix, "") ? "-wal" :
                                                          g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *file = g_strconcat (f->path, suffix, NULL);

      g_unlink (file);
    }
  journal = limber_journal_open (f->path, &error);
  g_assert_no_error (error);
  add_checkin (journal, 11, 2, "new");
  add_session (journal, 11, TRUE);

  g_assert_true (limber_journal_restore_backup (journal, NULL, &used, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (used, ==, expected);
  /* 2 sessions, 4 parts, 2 check-ins, 2 program events */
  g_assert_cmpuint (n, ==, 10);
  /* the program comes back where it was, with its reason */
  {
    g_autoptr(LimberProgramState) state = limber_journal_get_current_program (journal, &error);
    g_autoptr(GPtrArray) events = limber_journal_list_program_events (journal, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (state);
    g_assert_cmpstr (state->program_id, ==, "looser-hamstrings");
    g_assert_cmpuint (state->level, ==, 2);
    g_assert_cmpuint (events->len, ==, 2);
    g_assert_cmpstr (((LimberProgramEvent *) g_ptr_array_index (events, 1))->reason, ==,
                     "Three easy sessions at level 1.");
  }
  text = contents (journal);
  g_assert_cmpstr (text, ==,
                   "session 2026-11-11 completed 2 parts; "
                   "session 2026-11-04 interrupted 2 parts; "
                   "session 2026-11-03 completed 2 parts; "
                   "check-in 2026-11-01 pain 6 old one; "
                   "check-in 2026-11-02 pain 5 old two; "
                   "check-in 2026-11-11 pain 2 new; ");

  g_clear_pointer (&used, g_free);
  g_assert_true (limber_journal_restore_backup (journal, NULL, &used, &n, &error));
  g_assert_cmpuint (n, ==, 0);
  g_clear_pointer (&text, g_free);
  text = contents (journal);
  g_assert_true (strstr (text, "session 2026-11-03 completed 2 parts; session") == NULL);
}

/* The newest backup is damaged: the one before it is restored. */
static void
test_restore_newest_good (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberJournal) journal = limber_journal_open (f->path, &error);
  g_autoptr(GDateTime) d1 = day (1);
  g_autoptr(GDateTime) d2 = day (2);
  g_autofree char *older = backup_path (f, 1);
  g_autofree char *newer = backup_path (f, 2);
  g_autofree char *used = NULL;
  g_autoptr(LimberJournal) fresh = NULL;
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  guint n = 0;

  add_checkin (journal, 1, 7, "kept");
  g_assert_true (limber_journal_backup_daily (f->path, d1, NULL, &error));
  add_checkin (journal, 2, 1, "in the damaged one");
  g_assert_true (limber_journal_backup_daily (f->path, d2, NULL, &error));
  g_assert_no_error (error);
  scribble (newer, 0, 100);

  fresh = limber_journal_open (other, &error);
  g_assert_no_error (error);
  limber_journal_restore_backup (fresh, older, &used, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_clear_object (&fresh);
  g_unlink (other);

  /* the same, but chosen by Limber: journal.db's own backups */
  g_clear_pointer (&used, g_free);
  g_assert_true (limber_journal_restore_backup (journal, NULL, &used, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (used, ==, older);
  g_assert_cmpuint (n, ==, 0);   /* it has them all already */
}

/* A file that is not a Limber journal restores nothing, and says so. */
static void
test_restore_refuses (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberJournal) journal = limber_journal_open (f->path, &error);
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint n = 99;

  add_checkin (journal, 1, 3, "mine");
  before = contents (journal);

  g_assert_true (g_file_set_contents (text, "pain 3\n", -1, NULL));
  g_assert_false (limber_journal_restore_backup (journal, text, NULL, &n, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, !=, "");
  g_clear_error (&error);

  g_assert_false (limber_journal_restore_backup (journal, missing, NULL, &n, &error));
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* no backups at all */
  g_assert_false (limber_journal_restore_backup (journal, NULL, NULL, &n, &error));
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_NOT_FOUND);
  g_assert_cmpuint (n, ==, 99);

  after = contents (journal);
  g_assert_cmpstr (after, ==, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/backup/daily", Fixture, NULL, fixture_setup, test_daily, fixture_teardown);
  g_test_add ("/backup/keeps-seven", Fixture, NULL, fixture_setup, test_keeps_seven, fixture_teardown);
  g_test_add ("/backup/bad-copy-kept-out", Fixture, NULL, fixture_setup, test_bad_copy_kept_out, fixture_teardown);
  g_test_add ("/backup/restore/merges", Fixture, NULL, fixture_setup, test_restore_merges, fixture_teardown);
  g_test_add ("/backup/restore/newest-good", Fixture, NULL, fixture_setup, test_restore_newest_good, fixture_teardown);
  g_test_add ("/backup/restore/refuses", Fixture, NULL, fixture_setup, test_restore_refuses, fixture_teardown);
  return g_test_run ();
}
