/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The report's program: a journal where a program starts, moves up twice
 * and steps back once in the period shows the program, its levels and the
 * reasons (read back by pdftotext); one started before the period and
 * unchanged in it shows its level over the whole period; a journal
 * without one, or with one left before the period, shows no "Program"
 * section. */
#include <glib/gstdio.h>

#include "limber-export.h"
#include "limber-journal-private.h"
#include "limber-journal-programs.h"
#include "limber-report-private.h"
#include "test-require.h"

#define LONG_REASON "You rated the last sessions as easy and your pain went down from 5 to 3 over the " \
                    "level’s three sessions, so the holds grow a little: 3 × 30 s — أوتار الركبة 腿筋 — " \
                    "stop if it hurts more than a gentle pull."

static GDateTime *
local (int year,
       int month,
       int day)
{
  return g_date_time_new_local (year, month, day, 9, 30, 0);
}

static char *
tmp_path (const char *name)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "export", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  return g_build_filename (dir, name, NULL);
}

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);
  return g_steal_pointer (&out);
}

/* The PDF's text with every run of white space made one space. */
static char *
pdf_text (const char *path)
{
  const char *pdftotext = limber_test_require_program ("PDFTOTEXT", "pdftotext", "poppler-utils");
  const char *argv[] = { pdftotext, "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *out = run (argv);
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (space, out, -1, 0, " ", 0, NULL);
}

static guint
pdf_pages (const char *path)
{
  const char *pdfinfo = limber_test_require_program ("PDFINFO", "pdfinfo", "poppler-utils");
  const char *argv[] = { pdfinfo, path, NULL };
  g_autofree char *out = run (argv);
  g_autoptr(GRegex) pages = g_regex_new ("^Pages:\\s+([0-9]+)$", G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *n = NULL;

  g_assert_true (g_regex_match (pages, out, 0, &match));
  n = g_match_info_fetch (match, 1);
  return atoi (n);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, haystack);
}

static LimberJournal *
journal_new (const char *name)
{
  g_autofree char *path = tmp_path (name);
  g_autoptr(GError) error = NULL;
  LimberJournal *journal = limber_journal_open (path, &error);

  g_assert_no_error (error);
  return journal;
}

/* A check-in a day and a session most days, from @year-@month-@day. */
static void
add_days (LimberJournal *journal,
          int            year,
          int            month,
          int            day,
          guint          n_days)
{
  g_autoptr(GDateTime) start = local (year, month, day);

  for (guint i = 0; i < n_days; i++)
    {
      g_autoptr(GDateTime) time = g_date_time_add_days (start, i);
      g_autoptr(LimberCheckin) checkin = limber_checkin_new ();
      g_autoptr(GError) error = NULL;

      g_date_time_unref (checkin->time);
      checkin->time = g_date_time_ref (time);
      checkin->pain = 6 - (int) (i / 20);
      checkin->stiffness = 5 - (int) (i / 30);
      if (i == 20)
        checkin->note = g_strdup ("Hamstrings sore after the longer holds.");
      g_assert_cmpint (limber_journal_add_checkin (journal, checkin, &error), >, 0);
      g_assert_no_error (error);

      if (i % 3 != 2)
        {
          g_autoptr(GDateTime) later = g_date_time_add_hours (time, 8);
          g_autoptr(GDateTime) end = g_date_time_add_minutes (later, 10);
          gint64 id = limber_journal_start_session (journal, "desk-break", "Two-minute desk break",
                                                    later, 600000, &error);

          g_assert_no_error (error);
          g_assert_true (limber_journal_finish_session (journal, id, LIMBER_OUTCOME_COMPLETED, end,
                                                        590000, &error));
        }
    }
}

static void
write_report (LimberJournal *journal,
              const char    *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GDateTime) from = local (2024, 3, 1);
  g_autoptr(GDateTime) to = local (2024, 5, 30);
  g_autoptr(GError) error = NULL;

  g_assert_true (limber_export_report (journal, file, from, to, &error));
  g_assert_no_error (error);
}

static void
test_program_events (void)
{
  g_autoptr(LimberJournal) journal = journal_new ("programs.db");
  g_autofree char *path = tmp_path ("program.pdf");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) started = local (2024, 3, 8);
  g_autoptr(GDateTime) second = local (2024, 3, 18);
  g_autoptr(GDateTime) third = local (2024, 4, 2);
  g_autoptr(GDateTime) back = local (2024, 4, 12);
  g_autoptr(GDateTime) after = local (2024, 6, 20);
  g_auto(GStrv) headings = NULL;

  add_days (journal, 2024, 3, 1, 90);
  g_assert_true (limber_journal_start_program (journal, "looser-hamstrings", started, &error));
  g_assert_true (limber_journal_change_program_level (journal, 2, "Three easy sessions at level 1.",
                                                      second, &error));
  g_assert_true (limber_journal_change_program_level (journal, 3, LONG_REASON, third, &error));
  g_assert_true (limber_journal_change_program_level (journal, 2, "A session stopped because it hurt.",
                                                      back, &error));
  /* after the period: not in the report */
  g_assert_true (limber_journal_change_program_level (journal, 4, "Not in this report.", after, &error));
  g_assert_no_error (error);

  write_report (journal, path);
  text = pdf_text (path);

  /* the band under the chart */
  assert_contains (text, "Program: Looser hamstrings in four weeks");
  assert_contains (text, "Program level");
  assert_contains (text, "Levels: 1 20-second holds · 2");
  /* the list */
  assert_contains (text, "What happened");
  assert_contains (text, "8 Mar 2024 Started Looser hamstrings in four weeks at level 1 (20-second holds)");
  assert_contains (text, "Moved up to level 2 (");
  assert_contains (text, "Three easy sessions at level 1.");
  assert_contains (text, "Moved up to level 3 (");
  assert_contains (text, "You rated the last sessions as easy");
  assert_contains (text, "腿筋");
  assert_contains (text, "stop if it hurts more than a gentle pull.");
  assert_contains (text, "Stepped back to level 2 (");
  assert_contains (text, "A session stopped because it hurt.");
  g_assert_null (strstr (text, "Not in this report."));
  g_assert_null (strstr (text, "level 4 ("));
  /* the rest of the report is still there */
  assert_contains (text, "Hamstrings sore after the longer holds.");
  /* the notes go on to page 2 when the list leaves no room, never further,
   * and their heading is not left alone at the bottom of page 1 */
  g_assert_cmpuint (pdf_pages (path), <=, 2);
  if (pdf_pages (path) == 2)
    assert_contains (text, "Page 2 of 2");
  headings = g_strsplit (text, "Notes, newest first", -1);
  g_assert_cmpuint (g_strv_length (headings), ==, 2);
  assert_contains (headings[0], "A session stopped because it hurt.");
}

/* Started before the period and changed in it: the list shows only the
 * change, named as a step up from the level the period began at. */
static void
test_program_before (void)
{
  g_autoptr(LimberJournal) journal = journal_new ("before.db");
  g_autofree char *path = tmp_path ("before.pdf");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) started = local (2024, 2, 1);
  g_autoptr(GDateTime) stayed = local (2024, 3, 20);
  g_autoptr(GDateTime) left = local (2024, 4, 20);

  add_days (journal, 2024, 3, 1, 30);
  g_assert_true (limber_journal_start_program (journal, "runners-warm-up-cool-down", started, &error));
  g_assert_true (limber_journal_stay_at_program_level (journal, "Chosen on the Today page.", stayed, &error));
  g_assert_true (limber_journal_leave_program (journal, left, &error));
  g_assert_no_error (error);

  write_report (journal, path);
  text = pdf_text (path);
  assert_contains (text, "Program: Runner's warm-up and cool-down");
  assert_contains (text, "20 Mar 2024 Stayed at level 1 (");
  assert_contains (text, "Chosen on the Today page.");
  assert_contains (text, "20 Apr 2024 Left Runner's warm-up and cool-down");
  g_assert_null (strstr (text, "Started"));
  g_assert_cmpuint (pdf_pages (path), ==, 1);
}

/* No program event in the period: the report as before, no empty section. */
static void
test_no_program (void)
{
  g_autoptr(LimberJournal) journal = journal_new ("none.db");
  g_autofree char *path = tmp_path ("none.pdf");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) long_ago = local (2023, 1, 10);
  g_autoptr(GDateTime) left = local (2023, 2, 10);
  GDate first, last;
  g_autoptr(LimberReportPrograms) programs = NULL;
  g_autoptr(GArray) spans = NULL;

  add_days (journal, 2024, 3, 1, 90);
  write_report (journal, path);
  text = pdf_text (path);
  assert_contains (text, "Pain and stiffness");
  g_assert_null (strstr (text, "Program"));
  g_assert_null (strstr (text, "What happened"));

  /* one started and left long before the period is not in it either */
  g_assert_true (limber_journal_start_program (journal, "looser-hamstrings", long_ago, &error));
  g_assert_true (limber_journal_leave_program (journal, left, &error));
  g_assert_no_error (error);
  write_report (journal, path);
  g_free (text);
  text = pdf_text (path);
  g_assert_null (strstr (text, "Program"));
  g_assert_cmpuint (pdf_pages (path), ==, 1);

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, G_DATE_MARCH, 2024);
  g_date_clear (&last, 1);
  g_date_set_dmy (&last, 30, G_DATE_MAY, 2024);
  programs = limber_report_programs_read (journal, &first, &last, &error);
  g_assert_no_error (error);
  spans = _limber_report_program_spans (programs, &first, 91);
  g_assert_cmpuint (spans->len, ==, 0);
}

static void
assert_span (GArray     *spans,
             guint       i,
             const char *program_id,
             guint       level,
             guint       first_day,
             guint       end_day)
{
  const LimberReportSpan *span;

  g_assert_cmpuint (i, <, spans->len);
  span = &g_array_index (spans, LimberReportSpan, i);
  g_assert_cmpstr (span->program_id, ==, program_id);
  g_assert_cmpuint (span->level, ==, level);
  g_assert_cmpuint (span->first_day, ==, first_day);
  g_assert_cmpuint (span->end_day, ==, end_day);
}

/* The spans borrow the programs' ids: @programs holds them. */
static GArray *
read_spans (LimberJournal         *journal,
            LimberReportPrograms **programs)
{
  g_autoptr(GError) error = NULL;
  GDate first, last;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, G_DATE_MARCH, 2024);
  g_date_clear (&last, 1);
  g_date_set_dmy (&last, 30, G_DATE_MAY, 2024);
  g_clear_pointer (programs, limber_report_programs_free);
  *programs = limber_report_programs_read (journal, &first, &last, &error);
  g_assert_no_error (error);
  /* 1 March to 30 May: 91 days */
  return _limber_report_program_spans (*programs, &first, 91);
}

/* Started before the period and run through it without an event in it:
 * the band shows the level it had on the first day, over the whole
 * period; the list has nothing to show. Then a start inside the period
 * (a reset) shows from its day. */
static void
test_program_through (void)
{
  g_autoptr(LimberJournal) journal = journal_new ("through.db");
  g_autofree char *path = tmp_path ("through.pdf");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) started = local (2023, 12, 1);
  g_autoptr(GDateTime) second = local (2024, 1, 15);
  g_autoptr(GDateTime) restarted = local (2024, 4, 10);
  g_autoptr(LimberReportPrograms) programs = NULL;
  g_autoptr(GArray) spans = NULL;

  add_days (journal, 2024, 3, 1, 90);
  g_assert_true (limber_journal_start_program (journal, "looser-hamstrings", started, &error));
  g_assert_true (limber_journal_change_program_level (journal, 2, "Before the period.", second, &error));
  g_assert_no_error (error);

  write_report (journal, path);
  text = pdf_text (path);
  assert_contains (text, "Program: Looser hamstrings in four weeks");
  assert_contains (text, "Program level");
  assert_contains (text, "Levels: 1 20-second holds · 2");
  g_assert_null (strstr (text, "What happened"));
  g_assert_null (strstr (text, "Before the period."));
  g_assert_cmpuint (pdf_pages (path), ==, 1);

  spans = read_spans (journal, &programs);
  g_assert_cmpuint (spans->len, ==, 1);
  assert_span (spans, 0, "looser-hamstrings", 2, 0, 91);
  g_clear_pointer (&spans, g_array_unref);

  /* started again on 10 April (day 40): level 2 until then, 1 from it */
  g_assert_true (limber_journal_start_program (journal, "looser-hamstrings", restarted, &error));
  g_assert_no_error (error);
  spans = read_spans (journal, &programs);
  g_assert_cmpuint (spans->len, ==, 2);
  assert_span (spans, 0, "looser-hamstrings", 2, 0, 40);
  assert_span (spans, 1, "looser-hamstrings", 1, 40, 91);
}

/* Started inside the period, with nothing before: shown from its day. */
static void
test_program_inside (void)
{
  g_autoptr(LimberJournal) journal = journal_new ("inside.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) started = local (2024, 5, 1);
  g_autoptr(LimberReportPrograms) programs = NULL;
  g_autoptr(GArray) spans = NULL;

  g_assert_true (limber_journal_start_program (journal, "looser-hamstrings", started, &error));
  g_assert_no_error (error);
  spans = read_spans (journal, &programs);
  g_assert_cmpuint (spans->len, ==, 1);
  assert_span (spans, 0, "looser-hamstrings", 1, 61, 91);
}

/* Not the program's, but the same report read back: a count of one in the
 * summary is said in the singular. */
static void
test_summary_plurals (void)
{
  g_autoptr(LimberJournal) journal = journal_new ("one.db");
  g_autoptr(LimberCheckin) checkin = limber_checkin_new ();
  g_autofree char *path = tmp_path ("one.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GDateTime) day = local (2024, 3, 1);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_date_time_unref (checkin->time);
  checkin->time = g_date_time_ref (day);
  checkin->pain = 3;
  checkin->stiffness = 4;
  checkin->morning_stiffness = 1;
  g_assert_cmpint (limber_journal_add_checkin (journal, checkin, &error), >, 0);
  g_assert_no_error (error);

  g_assert_true (limber_export_report (journal, file, day, day, &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  assert_contains (text, "Check-ins: 1, on 1 of 1 day");
  g_assert_null (strstr (text, "of 1 days"));
  assert_contains (text, "Morning stiffness: 1 minute on average (1 check-in)");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  limber_test_require_program ("PDFTOTEXT", "pdftotext", "poppler-utils");
  limber_test_require_program ("PDFINFO", "pdfinfo", "poppler-utils");

  g_test_add_func ("/export/report/program/events", test_program_events);
  g_test_add_func ("/export/report/program/before", test_program_before);
  g_test_add_func ("/export/report/program/none", test_no_program);
  g_test_add_func ("/export/report/program/through", test_program_through);
  g_test_add_func ("/export/report/program/inside", test_program_inside);
  g_test_add_func ("/export/report/summary-plurals", test_summary_plurals);

  return g_test_run ();
}
