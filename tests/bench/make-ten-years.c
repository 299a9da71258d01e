/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writes a journal with ten years of data at the path it is given, for the
 * start-up benchmark (bench-startup.py): every day up to yesterday, a
 * morning check-in and an evening ten-minute session, as bench-journal.c
 * fills its journal. The rows go through the core API; only the fsyncs are
 * skipped (synchronous = OFF, a test-only shortcut), so that ten years take
 * seconds. */
#include <locale.h>
#include <math.h>

#include <glib/gstdio.h>

#include "limber-journal-private.h"
#include "ten-years.h"

#define YEARS 10
#define DAYS  (YEARS * 365)

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LimberJournal) journal = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GDateTime) first_day = NULL;
  g_autofree char *folder = NULL;
  char *message = NULL;
  guint64 days = DAYS;

  setlocale (LC_ALL, "");
  if (argc < 2 || argc > 3 ||
      (argc == 3 && !g_ascii_string_to_unsigned (argv[2], 10, 0, 100 * 366, &days, NULL)))
    {
      g_printerr ("usage: %s JOURNAL [DAYS]\n", argv[0]);
      return 2;
    }
  if (g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      g_printerr ("%s: %s exists already\n", argv[0], argv[1]);
      return 1;
    }
  folder = g_path_get_dirname (argv[1]);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      g_printerr ("%s: cannot make %s\n", argv[0], folder);
      return 1;
    }

  today = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                 g_date_time_get_day_of_month (now), 0, 0, 0);
  first_day = g_date_time_add_days (today, -(int) days);

  if (!(journal = limber_journal_open (argv[1], &error)))
    g_error ("%s", error->message);
  if (sqlite3_exec (_limber_journal_get_handle_for_testing (journal), "PRAGMA synchronous = OFF",
                    NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
  for (guint i = 0; i < days; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (first_day, i);

      bench_add_day (journal, day, i);
    }
  g_print ("%" G_GUINT64_FORMAT " days written to %s\n", days, argv[1]);
  return 0;
}
