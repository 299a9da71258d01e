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

#define YEARS 10
#define DAYS  (YEARS * 365)

static void
add_day (LimberJournal *journal,
         GDateTime     *day,
         guint          i)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) morning = g_date_time_add_hours (day, 7);
  g_autoptr(GDateTime) evening = g_date_time_add_hours (day, 19);
  g_autoptr(GDateTime) end = g_date_time_add_minutes (evening, 10);
  g_autoptr(LimberCheckin) checkin = limber_checkin_new ();
  gint64 id;

  g_date_time_unref (checkin->time);
  checkin->time = g_date_time_ref (morning);
  checkin->pain = (int) (5 + 3 * sin (i / 11.0)) % 11;
  checkin->stiffness = (int) (5 + 3 * cos (i / 17.0)) % 11;
  checkin->side = i % 3;
  checkin->morning_stiffness = i % 2 ? (int) (i % 90) : -1;
  checkin->symptoms = i % 37 == 0 ? LIMBER_SYMPTOM_NUMBNESS : LIMBER_SYMPTOM_NONE;
  if (i % 4 == 0)
    checkin->note = g_strdup_printf ("Day %u: tight after sitting, \"better\" after the chair stretch, "
                                     "left side worse; 腿筋 — أوتار", i);
  if (limber_journal_add_checkin (journal, checkin, &error) <= 0)
    g_error ("%s", error->message);

  id = limber_journal_start_session (journal, "morning-hamstrings", "Morning hamstrings",
                                     evening, 600000, &error);
  if (id <= 0 ||
      !limber_journal_finish_session (journal, id,
                                      i % 29 == 0 ? LIMBER_OUTCOME_STOPPED_FOR_PAIN : LIMBER_OUTCOME_COMPLETED,
                                      end, 590000, &error))
    g_error ("%s", error->message);
}

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

  setlocale (LC_ALL, "");
  if (argc != 2)
    {
      g_printerr ("usage: %s JOURNAL\n", argv[0]);
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
  first_day = g_date_time_add_days (today, -DAYS);

  if (!(journal = limber_journal_open (argv[1], &error)))
    g_error ("%s", error->message);
  if (sqlite3_exec (_limber_journal_get_handle_for_testing (journal), "PRAGMA synchronous = OFF",
                    NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
  for (guint i = 0; i < DAYS; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (first_day, i);

      add_day (journal, day, i);
    }
  g_print ("%u days written to %s\n", DAYS, argv[1]);
  return 0;
}
