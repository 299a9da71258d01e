/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One day of the benchmarks' ten years (bench-journal.c, make-ten-years.c):
 * a morning check-in, a note every fourth day in three scripts, and an
 * evening ten-minute session, some stopped for pain. */
#include <math.h>

#include "ten-years.h"

void
bench_add_day (LimberJournal *journal,
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
