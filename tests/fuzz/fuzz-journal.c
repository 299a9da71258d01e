/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A journal.db of arbitrary bytes: limber_journal_open() must never crash
 * and never lose the file. Either it opens it (and then it can be read), or
 * it refuses it and leaves it, or it moves it aside byte for byte and
 * starts a new journal. */
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "limber-journal.h"

#include "fuzz-common.h"

static char *work_dir;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          {
            remove_tree (child);
            g_rmdir (child);
          }
        else
          g_unlink (child);
      }
}

static void
remove_work_dir (void)
{
  remove_tree (work_dir);
  g_rmdir (work_dir);
}

static gboolean
file_has_bytes (const char   *path,
                const guint8 *data,
                size_t        size)
{
  g_autofree char *contents = NULL;
  gsize length;

  return g_file_get_contents (path, &contents, &length, NULL) &&
         length == size && memcmp (contents, data, size) == 0;
}

/* Some file in the folder still holds exactly the bytes given. */
static gboolean
bytes_kept (const guint8 *data,
            size_t        size)
{
  g_autoptr(GDir) dir = g_dir_open (work_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (work_dir, name, NULL);

      if (file_has_bytes (path, data, size))
        return TRUE;
    }
  return FALSE;
}

static void
read_everything (LimberJournal *journal)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GError) error = NULL;

  /* a query may fail on a damaged row; it must fail with an error */
  sessions = limber_journal_list_sessions (journal, NULL, &error);
  if (sessions == NULL && error == NULL)
    g_error ("listing sessions failed without an error");
  g_clear_error (&error);
  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    {
      const LimberSessionInfo *session = g_ptr_array_index (sessions, i);
      g_autoptr(GPtrArray) parts = limber_journal_list_parts (journal, session->id, &error);

      if (parts == NULL && error == NULL)
        g_error ("listing parts failed without an error");
      g_clear_error (&error);
    }

  checkins = limber_journal_list_checkins (journal, NULL, NULL, &error);
  if (checkins == NULL && error == NULL)
    g_error ("listing check-ins failed without an error");
  g_clear_error (&error);

  reminders = limber_journal_list_reminders (journal, NULL, &error);
  if (reminders == NULL && error == NULL)
    g_error ("listing reminders failed without an error");
  g_clear_error (&error);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(LimberJournal) journal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fuzz_init ();
  if (work_dir == NULL)
    {
      /* In memory where there is a tmpfs: SQLite's fsync()s on a disk would
       * take most of the time. */
      g_autofree char *shm = g_strdup ("/dev/shm/limber-fuzz-journal-XXXXXX");

      if (g_access ("/dev/shm", W_OK) == 0 && g_mkdtemp (shm) != NULL)
        work_dir = g_steal_pointer (&shm);
      else if (!(work_dir = g_dir_make_tmp ("limber-fuzz-journal-XXXXXX", &error)))
        g_error ("%s", error->message);
      atexit (remove_work_dir);
    }
  remove_tree (work_dir);

  path = g_build_filename (work_dir, "journal.db", NULL);
  /* not g_file_set_contents(): its fsync() would cost most of the time */
  {
    FILE *file = fopen (path, "wb");

    if (file == NULL || fwrite (data, 1, size, file) != size || fclose (file) != 0)
      g_error ("could not write %s", path);
  }

  journal = limber_journal_open (path, &error);
  if (journal == NULL)
    {
      if (error == NULL || error->domain != LIMBER_JOURNAL_ERROR)
        g_error ("the journal was refused without a journal error");
      /* refused: the bytes are still there, in place or moved aside */
      if (!bytes_kept (data, size))
        g_error ("the journal was refused and its bytes are gone: %s", error->message);
      if ((error->code == LIMBER_JOURNAL_ERROR_FOREIGN || error->code == LIMBER_JOURNAL_ERROR_TOO_NEW) &&
          !file_has_bytes (path, data, size))
        g_error ("a foreign or newer journal was changed: %s", error->message);
      return 0;
    }

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    g_error ("the journal opened but journal.db is not there");
  if (limber_journal_get_moved_aside_path (journal) != NULL &&
      !file_has_bytes (limber_journal_get_moved_aside_path (journal), data, size))
    g_error ("the damaged journal was not moved aside byte for byte");

  read_everything (journal);
  g_clear_object (&journal);

  /* once closed, it opens again as it is */
  journal = limber_journal_open (path, &error);
  if (journal == NULL)
    g_error ("a journal Limber opened and closed does not open again: %s", error->message);
  if (limber_journal_get_moved_aside_path (journal) != NULL)
    g_error ("a journal Limber opened and closed was found damaged the second time");
  return 0;
}
