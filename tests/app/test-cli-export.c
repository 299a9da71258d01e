/* SPDX-License-Identifier: GPL-3.0-or-later */
/* limber --export-csv and --export-report, as a person types them: output,
 * messages, exit codes, and the files they leave (or do not). */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "limber-journal.h"
#include "cli-utils.h"
#include "test-require.h"

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, haystack);
}

static char *
out_path (const char *name)
{
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

static GDateTime *
local (int year,
       int month,
       int day,
       int hour)
{
  return g_date_time_new_local (year, month, day, hour, 0, 0);
}

/* Two sessions and three check-ins in March and April 2024, written with
 * the core API into the journal the program will open. */
static void
fill_journal (void)
{
  g_autofree char *path = limber_journal_get_default_path ();
  g_autoptr(LimberJournal) journal = NULL;
  g_autoptr(GError) error = NULL;
  struct { int month, day, pain; LimberSymptoms symptoms; const char *note; } checkins[] = {
    { 3, 5, 6, LIMBER_SYMPTOM_NUMBNESS, "tingling in the left foot, \"pins\"" },
    { 3, 20, 4, 0, NULL },
    { 4, 2, 3, 0, "=better" },
  };
  int session_days[][2] = { { 3, 5 }, { 4, 2 } };

  journal = limber_journal_open (path, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (checkins); i++)
    {
      g_autoptr(LimberCheckin) checkin = limber_checkin_new ();

      g_date_time_unref (checkin->time);
      checkin->time = local (2024, checkins[i].month, checkins[i].day, 8);
      checkin->pain = checkins[i].pain;
      checkin->stiffness = 5;
      checkin->symptoms = checkins[i].symptoms;
      checkin->note = g_strdup (checkins[i].note);
      g_assert_cmpint (limber_journal_add_checkin (journal, checkin, &error), >, 0);
      g_assert_no_error (error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (session_days); i++)
    {
      g_autoptr(GDateTime) start = local (2024, session_days[i][0], session_days[i][1], 18);
      g_autoptr(GDateTime) end = g_date_time_add_minutes (start, 2);
      gint64 id = limber_journal_start_session (journal, "desk-break", "Two-minute desk break",
                                                start, 120000, &error);

      g_assert_no_error (error);
      g_assert_true (limber_journal_finish_session (journal, id, LIMBER_OUTCOME_COMPLETED, end, 120000, &error));
      g_assert_no_error (error);
    }
}

static char *
pdf_text (const char *path)
{
  const char *pdftotext = limber_test_require_program ("PDFTOTEXT", "pdftotext", "poppler-utils");
  const char *argv[] = { pdftotext, "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_regex_replace_literal (space, out, -1, 0, " ", 0, NULL);
}

static void
test_export_csv (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = out_path ("journal.csv");
  g_autofree char *arg = g_strconcat ("--export-csv=", path, NULL);
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;

  fill_journal ();
  run_limber (&run, arg, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  expected = g_strdup_printf ("Exported 2 sessions and 3 check-ins to %s.\n", path);
  g_assert_cmpstr (run.out, ==, expected);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "kind,date,time,routine_id,"));
  assert_contains (contents, "\"tingling in the left foot, \"\"pins\"\"\"\r\n");
  assert_contains (contents, ",'=better\r\n");
  assert_contains (contents, "session,2024-03-05,18:00,desk-break,Two-minute desk break,completed,2.0,2.0,");
}

static void
test_export_csv_relative (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = out_path ("relative.csv");

  /* relative to the working folder, which run_limber sets to the data folder */
  run_limber (&run, "--export-csv=relative.csv", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "Exported 0 sessions and 0 check-ins to ");
  assert_contains (run.out, path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
test_export_report (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = out_path ("march.pdf");
  g_autofree char *arg = g_strconcat ("--export-report=", path, NULL);
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;

  fill_journal ();
  run_limber (&run, arg, "--from=2024-03-01", "--to=2024-03-31", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  expected = g_strdup_printf ("Exported 1 session and 2 check-ins to %s.\n", path);
  g_assert_cmpstr (run.out, ==, expected);

  text = pdf_text (path);
  assert_contains (text, "Limber — stretching and symptom report");
  assert_contains (text, "1 March 2024 to 31 March 2024 (31 days)");
  assert_contains (text, "Numbness or tingling: 1 check-in (5 Mar)");
  assert_contains (text, "tingling in the left foot, \"pins\"");
  g_assert_null (strstr (text, "=better"));
}

static void
test_export_report_default_period (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = out_path ("recent.pdf");
  g_autofree char *arg = g_strconcat ("--export-report=", path, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) first = g_date_time_add_days (now, -89);
  g_autofree char *from = g_date_time_format (first, "%-d %B %Y");
  g_autofree char *to = g_date_time_format (now, "%-d %B %Y");
  g_autofree char *period = g_strdup_printf ("%s to %s (90 days)", from, to);
  g_autofree char *text = NULL;

  run_limber (&run, arg, NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "Exported 0 sessions and 0 check-ins to ");

  text = pdf_text (path);
  assert_contains (text, period);

  /* --to alone: the 90 days up to it */
  run_limber (&run, arg, "--to=2024-03-31", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_free (text);
  text = pdf_text (path);
  assert_contains (text, "2 January 2024 to 31 March 2024 (90 days)");
}

/* The first and last days a report can cover. */
static void
test_report_date_edges (void)
{
  g_autofree char *path = out_path ("edges.pdf");
  g_autofree char *arg = g_strconcat ("--export-report=", path, NULL);
  const char *periods[][2] = {
    { "--from=1900-01-01", "--to=1900-01-31" },
    { "--from=9998-12-01", "--to=9998-12-31" },
    { "--to=1900-01-01", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    {
      g_auto(Run) run = { 0 };

      run_limber (&run, arg, periods[i][0], periods[i][1], NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.err, ==, "");
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }
}

static void
test_usage_errors (void)
{
  g_autofree char *path = out_path ("never.pdf");
  g_autofree char *report = g_strconcat ("--export-report=", path, NULL);
  g_autofree char *csv = g_strconcat ("--export-csv=", path, NULL);
  struct { const char *args[3]; const char *message; } cases[] = {
    { { report, "--from=2024-1-5", NULL }, "--from must be a date written YYYY-MM-DD" },
    { { report, "--from=2024-02-30", NULL }, "“2024-02-30”" },
    { { report, "--to=yesterday", NULL }, "--to must be a date written YYYY-MM-DD" },
    { { report, "--to=2024-03-01x", NULL }, "--to must be a date" },
    { { report, "--from=2024-05-01", "--to=2024-04-30" }, "--from=2024-05-01 is after the report’s last day, 2024-04-30" },
    { { report, "--from=2099-01-01", NULL }, "is after the report’s last day" },
    /* outside what the calendar code can handle: refused, not a different report */
    { { report, "--from=9999-01-01", NULL }, "--from must be a day from 1900-01-01 to 9998-12-31, not “9999-01-01”" },
    { { report, "--to=9999-12-31", NULL }, "--to must be a day from 1900-01-01 to 9998-12-31" },
    { { report, "--from=0001-01-01", NULL }, "--from must be a day from 1900-01-01" },
    { { report, "--from=1899-12-31", "--to=1900-01-31" }, "--from must be a day from 1900-01-01" },
    { { "--from=2024-05-01", NULL, NULL }, "--from chooses the report’s period" },
    { { "--to=2024-05-01", NULL, NULL }, "--to chooses the report’s period" },
    { { csv, "--from=2024-05-01", NULL }, "the CSV export always holds the whole journal" },
    { { "--export-csv=", NULL, NULL }, "--export-csv needs a file name" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_limber (&run, cases[i].args[0], cases[i].args[1], cases[i].args[2], NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      assert_contains (run.err, cases[i].message);
      assert_contains (run.err, "--help");
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
}

static void
test_io_errors (void)
{
  g_autofree char *missing = out_path ("no-such-folder/out.csv");
  g_autofree char *folder = out_path ("a-folder");
  g_autofree char *a_file = out_path ("a-file");
  g_autofree char *under_file = g_build_filename (a_file, "out.pdf", NULL);
  g_autofree char *fifo = out_path ("pipe.csv");
  struct { const char *option; const char *path; const char *message; } cases[] = {
    { "--export-csv=", missing, "does not exist" },
    { "--export-report=", missing, "does not exist" },
    { "--export-csv=", folder, "it is a folder" },
    { "--export-report=", under_file, "not a folder" },
    { "--export-csv=", "/proc/self/limber-test/out.csv", "/proc/self/limber-test/out.csv" },
    /* never opened: with nothing reading it, an open would hang */
    { "--export-csv=", fifo, "named pipe" },
    { "--export-report=", fifo, "named pipe" },
  };

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (a_file, "x", 1, NULL));
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };
      g_autofree char *arg = g_strconcat (cases[i].option, cases[i].path, NULL);

      run_limber (&run, arg, NULL);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, "limber: Could not write “"));
      assert_contains (run.err, cases[i].path);
      assert_contains (run.err, cases[i].message);
    }

  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_test (fifo, G_FILE_TEST_EXISTS) && !g_file_test (fifo, G_FILE_TEST_IS_REGULAR));
}

static void
test_help (void)
{
  g_auto(Run) run = { 0 };

  run_limber (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "--export-csv=FILE");
  assert_contains (run.out, "--export-report=FILE");
  assert_contains (run.out, "--from=YYYY-MM-DD");
  assert_contains (run.out, "--to=YYYY-MM-DD");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  limber_test_require_program ("PDFTOTEXT", "pdftotext", "poppler-utils");

  if (g_getenv ("LIMBER_BIN") == NULL)
    {
      g_printerr ("LIMBER_BIN must name the limber program\n");
      return 1;
    }

  g_test_add_func ("/cli/export/csv", test_export_csv);
  g_test_add_func ("/cli/export/csv-relative", test_export_csv_relative);
  g_test_add_func ("/cli/export/report", test_export_report);
  g_test_add_func ("/cli/export/report-default-period", test_export_report_default_period);
  g_test_add_func ("/cli/export/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/export/date-edges", test_report_date_edges);
  g_test_add_func ("/cli/export/io-errors", test_io_errors);
  g_test_add_func ("/cli/export/help", test_help);

  return g_test_run ();
}
