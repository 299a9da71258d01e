/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writes a small journal with the journal API, the way Limber writes one:
 * two sessions (one finished, one stopped for pain), their parts, three
 * check-ins and a reminder. Its output is corpus/journal/real.db. */
#include <stdlib.h>

#include "limber-journal.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LimberJournal) journal = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) start = NULL;
  gint64 session, reminder;

  if (argc != 2)
    {
      g_printerr ("usage: %s FILE\n", argv[0]);
      return EXIT_FAILURE;
    }

  if (!(journal = limber_journal_open (argv[1], &error)))
    goto fail;

  start = g_date_time_new_local (2026, 11, 2, 7, 30, 0);
  for (guint day = 0; day < 3; day++)
    {
      g_autoptr(GDateTime) at = g_date_time_add_days (start, day);
      g_autoptr(GDateTime) end = g_date_time_add_minutes (at, 6);
      g_autoptr(LimberCheckin) checkin = limber_checkin_new ();

      checkin->time = g_date_time_ref (at);
      checkin->pain = 4 - day;
      checkin->stiffness = 5;
      checkin->side = day == 1 ? LIMBER_BODY_SIDE_LEFT : LIMBER_BODY_SIDE_BOTH;
      checkin->morning_stiffness = 20;
      checkin->note = day == 0 ? g_strdup ("stairs were hard — Treppen, 階段") : NULL;
      if (!limber_journal_add_checkin (journal, checkin, &error))
        goto fail;

      if (day == 2)
        break;
      session = limber_journal_start_session (journal, "desk-break", "Desk Break", at, 360000, &error);
      if (session == 0 ||
          !limber_journal_record_part (journal, session, 0, LIMBER_SIDE_LEFT, "seated-hamstring",
                                       30000, 30000, FALSE, 40000, &error) ||
          !limber_journal_record_part (journal, session, 0, LIMBER_SIDE_RIGHT, "seated-hamstring",
                                       30000, day == 1 ? 12000 : 30000, day == 1, 80000, &error) ||
          !limber_journal_finish_session (journal, session,
                                          day == 1 ? LIMBER_OUTCOME_STOPPED_FOR_PAIN : LIMBER_OUTCOME_COMPLETED,
                                          end, 90000, &error) ||
          !limber_journal_set_session_rating (journal, session, 3, &error))
        goto fail;
    }

  reminder = limber_journal_log_reminder (journal, LIMBER_REMINDER_ROUTINE, "desk-break", start, FALSE, &error);
  if (reminder == 0 || !limber_journal_set_reminder_outcome (journal, reminder, LIMBER_REMINDER_OUTCOME_SNOOZED, &error))
    goto fail;

  return EXIT_SUCCESS;

fail:
  g_printerr ("%s\n", error->message);
  return EXIT_FAILURE;
}
