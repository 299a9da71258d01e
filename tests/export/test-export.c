/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Export: the CSV read back by Python's csv module, the PDF report read
 * back by pdftotext and pdfinfo, and what happens when the destination
 * cannot be written. */
#include <grp.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <sqlite3.h>

#include "limber-export-private.h"
#include "limber-journal-private.h"
#include "test-require.h"

#define NOBODY_ID 65534

/* Helpers */

static GDateTime *
local (int year,
       int month,
       int day,
       int hour,
       int minute)
{
  return g_date_time_new_local (year, month, day, hour, minute, 0);
}

static LimberCheckin *
checkin_new (GDateTime      *time,
             int             pain,
             int             stiffness,
             LimberSymptoms  symptoms,
             const char     *note)
{
  LimberCheckin *checkin = limber_checkin_new ();

  g_date_time_unref (checkin->time);
  checkin->time = g_date_time_ref (time);
  checkin->pain = pain;
  checkin->stiffness = stiffness;
  checkin->symptoms = symptoms;
  checkin->note = g_strdup (note);
  return checkin;
}

static LimberSessionInfo *
session_new (GDateTime     *time,
             const char    *routine_id,
             const char    *routine_name,
             LimberOutcome  outcome,
             guint          planned_ms,
             guint          active_ms,
             int            rating)
{
  LimberSessionInfo *info = g_new0 (LimberSessionInfo, 1);

  info->id = 1;
  info->routine_id = g_strdup (routine_id);
  info->routine_name = g_strdup (routine_name);
  info->started_at = g_date_time_ref (time);
  info->ended_at = g_date_time_add_seconds (time, active_ms / 1000.0);
  info->outcome = outcome;
  info->planned_ms = planned_ms;
  info->active_ms = active_ms;
  info->rating = rating;
  return info;
}

static GPtrArray *
checkins_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) limber_checkin_free);
}

static GPtrArray *
sessions_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) limber_session_info_free);
}

static void
reverse (GPtrArray *array)
{
  for (guint i = 0, j = array->len; i + 1 < j; i++, j--)
    {
      gpointer tmp = array->pdata[i];

      array->pdata[i] = array->pdata[j - 1];
      array->pdata[j - 1] = tmp;
    }
}

static char *
tmp_path (const char *name)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "export", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  return g_build_filename (dir, name, NULL);
}

/* The programs that read exports back, asked for in main() */
static const char *
tool (const char *name)
{
  static const struct { const char *env, *program, *package; } tools[] = {
    { "PYTHON3", "python3", "python3" },
    { "PDFTOTEXT", "pdftotext", "poppler-utils" },
    { "PDFINFO", "pdfinfo", "poppler-utils" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    if (g_str_equal (tools[i].env, name))
      return limber_test_require_program (tools[i].env, tools[i].program, tools[i].package);
  g_assert_not_reached ();
}

/* How many characters of @text no installed font can draw */
static int
unknown_glyphs (const char *text)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  PangoLayout *layout = pango_layout_new (context);
  int n;

  pango_layout_set_text (layout, text, -1);
  n = pango_layout_get_unknown_glyphs_count (layout);
  g_object_unref (layout);
  g_object_unref (context);
  return n;
}

/* The report test writes notes in Arabic and Chinese and reads them back:
 * a machine with no font for them would draw something else. */
static void
require_fonts (void)
{
  static const struct { const char *sample, *script, *package; } scripts[] = {
    { "Limber × —", "Latin", "fonts-dejavu-core" },
    { "أوتار الركبة", "Arabic", "fonts-dejavu-core" },
    { "腿筋很紧", "Chinese", "fonts-wqy-microhei" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (scripts); i++)
    {
      g_autofree char *what = g_strdup_printf ("A font for %s", scripts[i].script);

      if (unknown_glyphs (scripts[i].sample) > 0)
        limber_test_require_missing (what, scripts[i].package);
    }
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

/* Rows of cells, as Python's csv module reads @path. */
static GPtrArray *
parse_csv (const char *path)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "export", "csv-roundtrip.py", NULL);
  const char *python = tool ("PYTHON3");
  const char *argv[] = { python, script, path, NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *rows;

  out = run (argv);
  lines = g_strsplit (out, "\n", -1);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; lines[i] && lines[i][0]; i++)
    {
      g_auto(GStrv) hex = g_strsplit (lines[i], " ", -1);
      GPtrArray *cells = g_ptr_array_new ();

      for (guint j = 0; hex[j]; j++)
        {
          gsize n = strlen (hex[j]) / 2;
          char *cell = g_malloc0 (n + 1);

          if (g_str_equal (hex[j], "-"))
            n = 0;
          for (gsize k = 0; k < n; k++)
            cell[k] = g_ascii_xdigit_value (hex[j][2 * k]) * 16 + g_ascii_xdigit_value (hex[j][2 * k + 1]);
          g_ptr_array_add (cells, cell);
        }
      g_ptr_array_add (cells, NULL);
      g_ptr_array_add (rows, g_ptr_array_free (cells, FALSE));
    }
  return rows;
}

/* The PDF's text with every run of white space made one space. */
static char *
pdf_text (const char *path)
{
  const char *pdftotext = tool ("PDFTOTEXT");
  const char *argv[] = { pdftotext, "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GRegex) space = NULL;

  out = run (argv);
  space = g_regex_new ("\\s+", 0, 0, NULL);
  return g_regex_replace_literal (space, out, -1, 0, " ", 0, NULL);
}

static guint
pdf_pages (const char *path)
{
  const char *pdfinfo = tool ("PDFINFO");
  const char *argv[] = { pdfinfo, path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GRegex) pages = g_regex_new ("^Pages:\\s+([0-9]+)$", G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *n = NULL;

  out = run (argv);
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

/* No temporary files left in the folder of @path. */
static void
assert_no_leftovers (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)))
    g_assert_false (g_str_has_suffix (name, ".part") || g_str_has_prefix (name, ".goutputstream-"));
}

/* CSV */

static void
test_guard (void)
{
  static const char *cases[][2] = {
    { "=SUM(1)", "'=SUM(1)" },
    { "+1", "'+1" },
    { "-1", "'-1" },
    { "@cmd", "'@cmd" },
    { "\tx", "'\tx" },
    { "\rx", "'\rx" },
    { " =x", " =x" },
    { "a=b", "a=b" },
    { "'quoted", "'quoted" },
    { "", "" },
    { "Ünïcode", "Ünïcode" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *guarded = limber_export_csv_guard_cell (cases[i][0]);

      g_assert_cmpstr (guarded, ==, cases[i][1]);
    }

  {
    g_autofree char *fixed = limber_export_csv_guard_cell ("bad \xff byte");

    g_assert_true (g_utf8_validate (fixed, -1, NULL));
  }
}

static char *
expected_text_cell (const char *text)
{
  if (text == NULL)
    return g_strdup ("");
  if (text[0] && strchr ("=+-@\t\r", text[0]))
    return g_strconcat ("'", text, NULL);
  return g_strdup (text);
}

/* Every \n in the file outside quotes is preceded by \r. */
static void
assert_crlf_rows (const char *data,
                  gsize       len)
{
  gboolean quoted = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (data[i] == '"')
        quoted = !quoted;
      else if (!quoted && data[i] == '\n')
        g_assert_true (i > 0 && data[i - 1] == '\r');
      else if (!quoted && data[i] == '\r')
        g_assert_true (i + 1 < len && data[i + 1] == '\n');
    }
  g_assert_false (quoted);
}

static void
test_csv_round_trip (void)
{
  g_autoptr(GPtrArray) checkins = checkins_new ();
  g_autoptr(GPtrArray) sessions = sessions_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GString) long_note = g_string_new (NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) start = local (2024, 3, 1, 7, 5);
  g_autofree char *path = tmp_path ("hostile.csv");
  g_autofree char *contents = NULL;
  gsize length;
  const char *notes[] = {
    "plain note",
    "commas, and more, commas",
    "she said \"stop\" and \"\"twice\"\"",
    "line one\nline two",
    "windows\r\nline",
    "bare\rcarriage return",
    "tab\tinside",
    "=SUM(1)",
    "+1",
    "-1",
    "@cmd",
    "\tleading tab",
    "\rleading CR",
    "=HYPERLINK(\"http://example.com\",\"click\")",
    "أوتار الركبة مشدودة بعد الجلوس",
    "腿筋很紧，早上更严重",
    "🦵 stretch 💪🏽 done ✅",
    "'already an apostrophe",
    " =space first",
    "",
    NULL,
    NULL,   /* the long note */
  };
  const guint n_notes = G_N_ELEMENTS (notes);
  static const char *header[] = {
    "kind", "date", "time", "routine_id", "routine", "outcome",
    "planned_minutes", "active_minutes", "rating",
    "pain", "stiffness", "side", "morning_stiffness_minutes",
    "numbness", "radiating", "weakness", "note",
  };

  for (guint i = 0; i < 5000; i++)
    g_string_append (long_note, "Très long, \"note\"\r\n; ");
  notes[n_notes - 1] = long_note->str;

  /* one check-in per note, a day apart, each with a session an hour later */
  for (guint i = 0; i < n_notes; i++)
    {
      g_autoptr(GDateTime) time = g_date_time_add_days (start, i);
      g_autoptr(GDateTime) later = g_date_time_add_hours (time, 1);
      LimberCheckin *checkin = checkin_new (time, i % 11, (i * 3) % 11, i % 8, notes[i]);

      checkin->side = i % 3;
      checkin->morning_stiffness = i % 2 ? (int) i * 10 : -1;
      g_ptr_array_add (checkins, checkin);
      g_ptr_array_add (sessions, session_new (later, i % 2 ? "desk-break" : "-odd-id",
                                              i == 7 ? "=cmd|' /C calc'!A0" : "Morning, \"hamstrings\"",
                                              i % 4, 600000, 125000 + i * 1000, i % 3 ? (int) i % 11 : -1));
    }
  /* given in reverse: the export sorts */
  reverse (checkins);

  file = g_file_new_for_path (path);
  g_assert_true (limber_export_csv_to_file (file, sessions, checkins, &error));
  g_assert_no_error (error);

  /* raw form: no BOM, CRLF rows */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "kind,date,time,"));
  g_assert_true (g_str_has_suffix (contents, "\r\n"));
  g_assert_true (g_utf8_validate (contents, length, NULL));
  assert_crlf_rows (contents, length);

  rows = parse_csv (path);

  g_assert_cmpuint (rows->len, ==, 1 + 2 * n_notes);
  g_assert_cmpuint (g_strv_length (g_ptr_array_index (rows, 0)), ==, G_N_ELEMENTS (header));
  for (guint c = 0; c < G_N_ELEMENTS (header); c++)
    g_assert_cmpstr (((char **) g_ptr_array_index (rows, 0))[c], ==, header[c]);

  reverse (checkins);
  for (guint i = 0; i < n_notes; i++)
    {
      char **crow = g_ptr_array_index (rows, 1 + 2 * i);
      char **srow = g_ptr_array_index (rows, 2 + 2 * i);
      LimberCheckin *checkin = g_ptr_array_index (checkins, i);
      LimberSessionInfo *session = g_ptr_array_index (sessions, i);
      g_autofree char *date = g_date_time_format (checkin->time, "%Y-%m-%d");
      g_autofree char *note = expected_text_cell (notes[i]);
      g_autofree char *pain = g_strdup_printf ("%d", checkin->pain);
      g_autofree char *stiffness = g_strdup_printf ("%d", checkin->stiffness);
      g_autofree char *morning = checkin->morning_stiffness >= 0 ? g_strdup_printf ("%d", checkin->morning_stiffness) : g_strdup ("");
      g_autofree char *routine_id = expected_text_cell (session->routine_id);
      g_autofree char *routine = expected_text_cell (session->routine_name);
      g_autofree char *active = g_strdup_printf ("%.1f", session->active_ms / 60000.0);
      g_autofree char *rating = session->rating >= 0 ? g_strdup_printf ("%d", session->rating) : g_strdup ("");
      const char *expected_check[] = {
        "check-in", date, "07:05", "", "", "", "", "", "",
        pain, stiffness, limber_body_side_to_string (checkin->side), morning,
        checkin->symptoms & LIMBER_SYMPTOM_NUMBNESS ? "yes" : "no",
        checkin->symptoms & LIMBER_SYMPTOM_RADIATING ? "yes" : "no",
        checkin->symptoms & LIMBER_SYMPTOM_WEAKNESS ? "yes" : "no",
        note,
      };
      const char *expected_session[] = {
        "session", date, "08:05", routine_id, routine, limber_outcome_to_string (session->outcome),
        "10.0", active, rating,
        "", "", "", "", "", "", "", "",
      };

      g_assert_cmpuint (g_strv_length (crow), ==, G_N_ELEMENTS (header));
      g_assert_cmpuint (g_strv_length (srow), ==, G_N_ELEMENTS (header));
      for (guint c = 0; c < G_N_ELEMENTS (header); c++)
        {
          g_assert_cmpstr (crow[c], ==, expected_check[c]);
          g_assert_cmpstr (srow[c], ==, expected_session[c]);
        }
    }
}

static LimberJournal *
journal_new (void)
{
  g_autofree char *path = limber_journal_get_default_path ();
  g_autoptr(GError) error = NULL;
  LimberJournal *journal = limber_journal_open (path, &error);

  g_assert_no_error (error);
  return journal;
}

static void
add_session (LimberJournal *journal,
             GDateTime     *time,
             LimberOutcome  outcome,
             guint          active_ms)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) end = g_date_time_add_seconds (time, active_ms / 1000.0);
  gint64 id = limber_journal_start_session (journal, "desk-break", "Two-minute desk break", time, 120000, &error);

  g_assert_no_error (error);
  g_assert_true (limber_journal_finish_session (journal, id, outcome, end, active_ms, &error));
  g_assert_no_error (error);
}

static void
add_checkin (LimberJournal  *journal,
             GDateTime      *time,
             int             pain,
             LimberSymptoms  symptoms,
             const char     *note)
{
  g_autoptr(LimberCheckin) checkin = checkin_new (time, pain, pain, symptoms, note);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (limber_journal_add_checkin (journal, checkin, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_csv_journal (void)
{
  g_autoptr(LimberJournal) journal = journal_new ();
  g_autoptr(GDateTime) d1 = local (2024, 5, 1, 8, 0);
  g_autoptr(GDateTime) d2 = local (2024, 5, 2, 8, 0);
  g_autoptr(GDateTime) d3 = local (2024, 5, 3, 8, 0);
  g_autoptr(GDateTime) from = local (2024, 5, 2, 0, 0);
  g_autoptr(GDateTime) to = local (2024, 5, 3, 0, 0);
  g_autofree char *path = tmp_path ("journal.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  add_session (journal, d1, LIMBER_OUTCOME_COMPLETED, 120000);
  add_session (journal, d2, LIMBER_OUTCOME_STOPPED_FOR_PAIN, 30000);
  add_checkin (journal, d1, 4, 0, "first, day");
  add_checkin (journal, d2, 6, LIMBER_SYMPTOM_RADIATING, "=2+2");
  add_checkin (journal, d3, 2, 0, NULL);

  /* all of it */
  g_assert_true (limber_export_csv (journal, file, NULL, NULL, &error));
  g_assert_no_error (error);
  rows = parse_csv (path);
  g_assert_cmpuint (rows->len, ==, 1 + 5);
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 1))[0], ==, "session");
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 2))[0], ==, "check-in");
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 2))[16], ==, "first, day");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* one day: replaces the file */
  g_assert_true (limber_export_csv (journal, file, from, to, &error));
  g_assert_no_error (error);
  rows = parse_csv (path);
  g_assert_cmpuint (rows->len, ==, 1 + 2);
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 1))[5], ==, "stopped-for-pain");
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 1))[7], ==, "0.5");
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 2))[14], ==, "yes");
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 2))[16], ==, "'=2+2");

  assert_no_leftovers (g_get_user_data_dir ());
}

/* The report */

static void
period (GDate *first,
        GDate *last,
        int    year,
        int    month,
        int    day,
        guint  n_days)
{
  g_date_clear (first, 1);
  g_date_set_dmy (first, day, month, year);
  *last = *first;
  g_date_add_days (last, n_days - 1);
}

static void
make_report_data (GPtrArray *sessions,
                  GPtrArray *checkins,
                  guint      n_days,
                  guint      note_every)
{
  g_autoptr(GDateTime) start = local (2024, 3, 1, 8, 15);

  for (guint i = 0; i < n_days; i++)
    {
      g_autoptr(GDateTime) time = g_date_time_add_days (start, i);
      g_autoptr(GDateTime) later = g_date_time_add_hours (time, 10);
      g_autofree char *note = NULL;
      LimberSymptoms symptoms = LIMBER_SYMPTOM_NONE;

      if (i == 4 || i == 40)
        symptoms |= LIMBER_SYMPTOM_NUMBNESS;
      if (i == 40)
        symptoms |= LIMBER_SYMPTOM_RADIATING;
      if (note_every && i % note_every == 0)
        note = g_strdup_printf ("Day %u: tight after the long drive, eased with the chair stretch. "
                                "Ordered a standing desk; the left side felt worse than the right.", i);
      g_ptr_array_add (checkins, checkin_new (time, 6 - (int) (i / 20), 5, symptoms, note));
      if (i % 3 != 2)
        g_ptr_array_add (sessions, session_new (later, "morning-hamstrings", "Morning hamstrings",
                                                i == 10 ? LIMBER_OUTCOME_STOPPED_FOR_PAIN : LIMBER_OUTCOME_COMPLETED,
                                                600000, 590000, -1));
    }
}

static void
test_report_text (void)
{
  g_autoptr(GPtrArray) checkins = checkins_new ();
  g_autoptr(GPtrArray) sessions = sessions_new ();
  g_autofree char *path = tmp_path ("report.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GDateTime) physio = local (2024, 4, 20, 17, 30);
  GDate first, last;

  make_report_data (sessions, checkins, 90, 30);
  g_ptr_array_add (checkins, checkin_new (physio, 3, 3, 0,
                                          "Physio said: keep going, 3 × 30 s holds — أوتار الركبة 腿筋"));
  period (&first, &last, 2024, 3, 1, 90);

  g_assert_true (limber_report_write_file (file, &first, &last, sessions, checkins, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  assert_no_leftovers (dir);

  text = pdf_text (path);

  assert_contains (text, "Limber — stretching and symptom report");
  assert_contains (text, "1 March 2024 to 29 May 2024 (90 days)");
  assert_contains (text, "How to read this");
  assert_contains (text, "Pain and stiffness");
  assert_contains (text, "Numbness or tingling: 2 check-ins (5 Mar, 10 Apr)");
  assert_contains (text, "Pain running down the leg: 1 check-in (10 Apr)");
  assert_contains (text, "Weakness: none");
  assert_contains (text, "Routines stopped for pain: 1 session (11 Mar)");
  assert_contains (text, "Sessions: 60 (59 completed, 1 stopped for pain)");
  assert_contains (text, "Days with a routine: 60 of 90");
  assert_contains (text, "Pain, average:");
  assert_contains (text, "first two weeks 6.0, last two weeks 2.3");
  assert_contains (text, "Day 30: tight after the long drive");
  assert_contains (text, "Physio said: keep going, 3 × 30 s holds");
  assert_contains (text, "腿筋");
  assert_contains (text, "Made with Limber. Limber records what you enter; it does not diagnose.");
  assert_contains (text, "Page 1 of 1");
  g_assert_cmpuint (pdf_pages (path), ==, 1);
}

/* A character no installed font draws is written as its Unicode number,
 * searchable and named, never as a hex box; the rest of the note stays. */
static void
test_report_undrawable (void)
{
  /* private-use characters: no font Limber installs has them */
  static const gunichar candidates[] = { 0x10FFFD, 0xFFFFD, 0xF8FF };
  g_autoptr(GPtrArray) checkins = checkins_new ();
  g_autoptr(GPtrArray) sessions = sessions_new ();
  g_autofree char *path = tmp_path ("undrawable.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = local (2024, 3, 5, 8, 0);
  g_autofree char *note = NULL;
  g_autofree char *spelled = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) explained = NULL;
  g_autoptr(GDateTime) later = local (2024, 3, 6, 8, 0);
  gunichar odd = 0;
  char utf8[8] = { 0 };
  GDate first, last;

  for (guint i = 0; i < G_N_ELEMENTS (candidates) && odd == 0; i++)
    {
      utf8[g_unichar_to_utf8 (candidates[i], utf8)] = '\0';
      if (unknown_glyphs (utf8) > 0)
        odd = candidates[i];
    }
  g_assert_cmpuint (odd, !=, 0);

  note = g_strdup_printf ("Left calf 腿筋 %s then fine", utf8);
  spelled = g_strdup_printf ("Left calf 腿筋 [U+%04X] then fine", odd);
  g_ptr_array_add (checkins, checkin_new (when, 2, 4, 0, note));
  g_ptr_array_add (checkins, checkin_new (later, 1, 2, 0, "All good today"));
  period (&first, &last, 2024, 3, 1, 30);

  g_assert_true (limber_report_write_file (file, &first, &last, sessions, checkins, &error));
  g_assert_no_error (error);

  text = pdf_text (path);
  assert_contains (text, spelled);
  assert_contains (text, "No font on this computer can draw some characters of this note");
  assert_contains (text, "All good today");
  /* only the note that needed it is explained */
  explained = g_strsplit (text, "No font on this computer", -1);
  g_assert_cmpuint (g_strv_length (explained), ==, 2);
}

static void
test_report_many_notes (void)
{
  g_autoptr(GPtrArray) checkins = checkins_new ();
  g_autoptr(GPtrArray) sessions = sessions_new ();
  g_autofree char *path = tmp_path ("many.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) huge = g_string_new (NULL);
  GDate first, last;

  make_report_data (sessions, checkins, 365, 1);
  /* a note longer than a page is cut, not spread over pages */
  for (guint i = 0; i < 2000; i++)
    g_string_append (huge, "very long note ");
  g_free (((LimberCheckin *) g_ptr_array_index (checkins, 364))->note);
  ((LimberCheckin *) g_ptr_array_index (checkins, 364))->note = g_strdup (huge->str);
  period (&first, &last, 2024, 3, 1, 365);

  g_assert_true (limber_report_write_file (file, &first, &last, sessions, checkins, &error));
  g_assert_no_error (error);

  text = pdf_text (path);
  g_assert_cmpuint (pdf_pages (path), ==, 2);
  assert_contains (text, "Page 1 of 2");
  assert_contains (text, "Page 2 of 2");
  assert_contains (text, "more notes not shown.");
  /* newest first: the last day's notes are in, the first day's are not */
  assert_contains (text, "Day 363:");
  g_assert_null (strstr (text, "Day 0:"));
  assert_contains (text, "The calendar shows the last 10 months of the period.");
}

static void
test_report_empty (void)
{
  g_autofree char *path = tmp_path ("empty.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GDate first, last;

  period (&first, &last, 2024, 2, 1, 7);
  g_assert_true (limber_report_write_file (file, &first, &last, NULL, NULL, &error));
  g_assert_no_error (error);

  text = pdf_text (path);
  g_assert_cmpuint (pdf_pages (path), ==, 1);
  assert_contains (text, "1 February 2024 to 7 February 2024 (7 days)");
  assert_contains (text, "No check-ins in this period");
  assert_contains (text, "No notes in this period.");
  assert_contains (text, "Sessions: 0");
  assert_contains (text, "Numbness or tingling: none");
}

static void
test_report_period (void)
{
  g_autoptr(GDateTime) from = local (2024, 1, 10, 15, 0);
  g_autoptr(GDateTime) to = local (2024, 2, 1, 0, 0);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate first, last, today;

  limber_report_period (from, to, &first, &last);
  g_assert_cmpint (g_date_get_day (&first), ==, 10);
  g_assert_cmpint (g_date_get_month (&first), ==, 1);
  /* @to is exclusive: midnight of 1 February ends on 31 January */
  g_assert_cmpint (g_date_get_day (&last), ==, 31);
  g_assert_cmpint (g_date_get_month (&last), ==, 1);

  limber_report_period (NULL, to, &first, &last);
  g_assert_cmpint (g_date_get_julian (&last) - g_date_get_julian (&first), ==, LIMBER_REPORT_DEFAULT_DAYS - 1);

  limber_report_period (NULL, NULL, &first, &last);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  g_assert_cmpint (g_date_compare (&last, &today), ==, 0);
  g_assert_cmpint (g_date_get_julian (&last) - g_date_get_julian (&first), ==, LIMBER_REPORT_DEFAULT_DAYS - 1);
}

static void
test_report_journal (void)
{
  g_autoptr(LimberJournal) journal = journal_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autoptr(GDateTime) long_ago = g_date_time_add_days (now, -200);
  g_autofree char *path = tmp_path ("journal.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *period_text = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autoptr(GDateTime) first = g_date_time_add_days (now, -(LIMBER_REPORT_DEFAULT_DAYS - 1));

  add_checkin (journal, yesterday, 7, LIMBER_SYMPTOM_WEAKNESS, "recent note");
  add_checkin (journal, long_ago, 2, 0, "old note");
  add_session (journal, yesterday, LIMBER_OUTCOME_COMPLETED, 120000);

  g_assert_true (limber_export_report (journal, file, NULL, NULL, &error));
  g_assert_no_error (error);

  text = pdf_text (path);
  from_text = g_date_time_format (first, "%-d %B %Y");
  to_text = g_date_time_format (now, "%-d %B %Y");
  period_text = g_strdup_printf ("%s to %s (90 days)", from_text, to_text);
  assert_contains (text, period_text);
  assert_contains (text, "recent note");
  g_assert_null (strstr (text, "old note"));
  assert_contains (text, "Weakness: 1 check-in");
  assert_contains (text, "Sessions: 1 (1 completed");
}

/* Errors */

static void
assert_write_fails (const char *path,
                    int         code,
                    const char *named)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GDate first, last;

  g_assert_false (limber_export_csv_to_file (file, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, code);
  g_test_message ("%s", error->message);
  assert_contains (error->message, path);
  assert_contains (error->message, named);
  g_clear_error (&error);

  period (&first, &last, 2024, 1, 1, 30);
  g_assert_false (limber_report_write_file (file, &first, &last, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, code);
  assert_contains (error->message, path);
}

/* limber_export_async(): what the window uses. It writes what the
 * synchronous exports write, and reports their errors. */
typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} AsyncResult;

static void
on_async_done (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  AsyncResult *r = data;

  r->ok = limber_export_finish (result, &r->error);
  r->done = TRUE;
}

static gboolean
export_and_wait (LimberJournal     *journal,
                 LimberExportKind   kind,
                 GFile             *file,
                 GError           **error)
{
  AsyncResult r = { 0 };

  limber_export_async (journal, kind, file, NULL, NULL, NULL, on_async_done, &r);
  while (!r.done)
    g_main_context_iteration (NULL, TRUE);
  if (r.error != NULL)
    g_propagate_error (error, r.error);
  return r.ok;
}

static void
test_async (void)
{
  g_autoptr(LimberJournal) journal = journal_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autofree char *sync_path = tmp_path ("sync.csv");
  g_autofree char *async_path = tmp_path ("async.csv");
  g_autofree char *pdf_path = tmp_path ("async.pdf");
  g_autofree char *folder = tmp_path ("a-folder");
  g_autoptr(GFile) sync_file = g_file_new_for_path (sync_path);
  g_autoptr(GFile) async_file = g_file_new_for_path (async_path);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf_path);
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
  g_autoptr(GError) error = NULL;
  g_autofree char *sync_text = NULL;
  g_autofree char *async_text = NULL;
  g_autofree char *pdf = NULL;
  GStatBuf st;

  add_checkin (journal, yesterday, 5, LIMBER_SYMPTOM_NUMBNESS, "written in a thread");
  add_session (journal, yesterday, LIMBER_OUTCOME_COMPLETED, 120000);

  g_assert_true (limber_export_csv (journal, sync_file, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (export_and_wait (journal, LIMBER_EXPORT_CSV, async_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (sync_path, &sync_text, NULL, NULL));
  g_assert_true (g_file_get_contents (async_path, &async_text, NULL, NULL));
  g_assert_cmpstr (async_text, ==, sync_text);
  g_assert_nonnull (strstr (async_text, "written in a thread"));
  /* a new export is private */
  g_assert_cmpint (g_stat (async_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_true (export_and_wait (journal, LIMBER_EXPORT_REPORT, pdf_file, &error));
  g_assert_no_error (error);
  pdf = pdf_text (pdf_path);
  assert_contains (pdf, "written in a thread");

  /* a folder is no target: the error comes back, the folder stays */
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_false (export_and_wait (journal, LIMBER_EXPORT_REPORT, folder_file, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
}

static void
test_errors (void)
{
  g_autofree char *missing = tmp_path ("no-such-folder/out.csv");
  g_autofree char *a_file = tmp_path ("a-file");
  g_autofree char *under_file = g_build_filename (a_file, "out.csv", NULL);
  g_autofree char *folder = tmp_path ("a-folder.csv");
  g_autofree char *dir = g_path_get_dirname (a_file);

  g_assert_true (g_file_set_contents (a_file, "x", 1, NULL));
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);

  assert_write_fails (missing, G_IO_ERROR_NOT_FOUND, "does not exist");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  assert_write_fails (under_file, G_IO_ERROR_NOT_DIRECTORY, "not a folder");

  /* Not even root can create files in /proc. */
  {
    g_autoptr(GFile) file = g_file_new_for_path ("/proc/self/limber-test/out.csv");
    g_autoptr(GError) error = NULL;

    g_assert_false (limber_export_csv_to_file (file, NULL, NULL, &error));
    g_assert_nonnull (error);
    assert_contains (error->message, "/proc/self/limber-test/out.csv");
  }

  assert_write_fails (folder, G_IO_ERROR_IS_DIRECTORY, "it is a folder");
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));

  assert_no_leftovers (dir);
  assert_no_leftovers (folder);
}

static gboolean
write_half_then_fail (GOutputStream  *stream,
                      gpointer        data,
                      GError        **error)
{
  if (!g_output_stream_write_all (stream, "half a file", 11, NULL, NULL, error))
    return FALSE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "No space left on device");
  return FALSE;
}

static void
test_failure_keeps_existing (void)
{
  g_autofree char *path = tmp_path ("existing.csv");
  g_autofree char *fresh = tmp_path ("fresh.csv");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) fresh_file = g_file_new_for_path (fresh);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (path, "the old export\r\n", -1, NULL));

  /* a failure half-way: the old file stays, no new one appears */
  g_assert_false (_limber_export_write_file (file, write_half_then_fail, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  assert_contains (error->message, path);
  assert_contains (error->message, "disk is full");
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the old export\r\n");

  g_assert_false (_limber_export_write_file (fresh_file, write_half_then_fail, NULL, &error));
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
  assert_no_leftovers (dir);

  /* success replaces it whole */
  g_clear_error (&error);
  g_assert_true (limber_export_csv_to_file (file, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "kind,date"));
  assert_no_leftovers (dir);
}

/* Run as nobody, since root may write anywhere. */
static int
read_only_checks (const char *dir,
                  const char *existing)
{
  g_autofree char *fresh = g_build_filename (dir, "new.csv", NULL);
  g_autoptr(GFile) fresh_file = g_file_new_for_path (fresh);
  g_autoptr(GFile) existing_file = g_file_new_for_path (existing);
  g_autoptr(GError) error = NULL;

  if (limber_export_csv_to_file (fresh_file, NULL, NULL, &error) ||
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ||
      strstr (error->message, fresh) == NULL || strstr (error->message, "permission") == NULL)
    return 1;
  g_clear_error (&error);

  if (limber_export_csv_to_file (existing_file, NULL, NULL, &error) ||
      strstr (error->message, existing) == NULL)
    return 2;
  return 0;
}

static void
test_read_only_folder (void)
{
  g_autofree char *dir = tmp_path ("read-only");
  g_autofree char *existing = g_build_filename (dir, "existing.csv", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *top = g_path_get_dirname (dir);
  int status;
  pid_t pid;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (existing, "old", -1, NULL));
  g_assert_cmpint (g_chmod (existing, 0666), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  /* nobody must reach the folder */
  for (char *p = g_strdup (top); strlen (p) > 1; )
    {
      char *parent = g_path_get_dirname (p);

      g_chmod (p, 0755);
      g_free (p);
      p = parent;
      if (g_str_equal (p, "/") || g_str_equal (p, "/tmp"))
        {
          g_free (p);
          break;
        }
    }

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      if (geteuid () == 0 &&
          (setgroups (0, NULL) != 0 || setgid (NOBODY_ID) != 0 || setuid (NOBODY_ID) != 0))
        _exit (77);
      _exit (read_only_checks (dir, existing));
    }

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    {
      g_test_skip ("Cannot drop root privileges to test a read-only folder");
      return;
    }
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  assert_no_leftovers (dir);
}

/* The target: what is at the path before an export is what is there after,
 * in kind, mode and links. Checked as nobody, since root's umask and
 * rights hide what a person sees. */

static mode_t
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  return st.st_mode;
}

static void
assert_is_csv (const char *path)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "kind,date"));
}

static void
export_csv_ok (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (limber_export_csv_to_file (file, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* Both exports refuse @path with G_IO_ERROR_NOT_REGULAR_FILE. */
static void
assert_refused (const char *path,
                const char *named)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GDate first, last;

  g_assert_false (limber_export_csv_to_file (file, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_test_message ("%s", error->message);
  assert_contains (error->message, path);
  assert_contains (error->message, named);
  g_clear_error (&error);

  period (&first, &last, 2024, 1, 1, 30);
  g_assert_false (limber_report_write_file (file, &first, &last, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
}

/* Runs @checks(@dir) in a child that is nobody, in @dir owned by nobody;
 * a failed assertion in the child fails the test. */
static void
run_as_nobody (const char *dir,
               void      (*checks) (const char *dir))
{
  int status;
  pid_t pid;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  if (geteuid () == 0)
    g_assert_cmpint (chown (dir, NOBODY_ID, NOBODY_ID), ==, 0);
  for (char *p = g_path_get_dirname (dir); ; )
    {
      char *parent;

      if (g_str_equal (p, "/") || g_str_equal (p, "/tmp"))
        {
          g_free (p);
          break;
        }
      g_chmod (p, 0755);
      parent = g_path_get_dirname (p);
      g_free (p);
      p = parent;
    }

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      if (geteuid () == 0 &&
          (setgroups (0, NULL) != 0 || setgid (NOBODY_ID) != 0 || setuid (NOBODY_ID) != 0))
        _exit (77);
      umask (022);
      checks (dir);
      _exit (0);
    }

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), !=, 77);
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

static void
mode_checks (const char *dir)
{
  g_autofree char *fresh = g_build_filename (dir, "new.csv", NULL);
  g_autofree char *fresh_pdf = g_build_filename (dir, "new.pdf", NULL);
  g_autofree char *kept = g_build_filename (dir, "kept.csv", NULL);
  g_autofree char *shared = g_build_filename (dir, "shared.csv", NULL);
  g_autoptr(GFile) pdf = g_file_new_for_path (fresh_pdf);
  g_autoptr(GError) error = NULL;
  GDate first, last;

  /* new files are private: health data */
  export_csv_ok (fresh);
  g_assert_cmpint (mode_of (fresh) & 07777, ==, 0600);
  assert_is_csv (fresh);

  period (&first, &last, 2024, 1, 1, 30);
  g_assert_true (limber_report_write_file (pdf, &first, &last, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mode_of (fresh_pdf) & 07777, ==, 0600);

  /* an existing file keeps its mode, whatever it is */
  g_assert_true (g_file_set_contents (kept, "old", -1, NULL));
  g_assert_cmpint (g_chmod (kept, 0600), ==, 0);
  export_csv_ok (kept);
  g_assert_cmpint (mode_of (kept) & 07777, ==, 0600);
  assert_is_csv (kept);

  g_assert_true (g_file_set_contents (shared, "old", -1, NULL));
  g_assert_cmpint (g_chmod (shared, 0640), ==, 0);
  export_csv_ok (shared);
  g_assert_true (S_ISREG (mode_of (shared)));
  g_assert_cmpint (mode_of (shared) & 07777, ==, 0640);
  assert_is_csv (shared);

  assert_no_leftovers (dir);
}

static void
test_target_mode (void)
{
  g_autofree char *dir = tmp_path ("modes");

  run_as_nobody (dir, mode_checks);
}

static void
symlink_checks (const char *dir)
{
  g_autofree char *real = g_build_filename (dir, "real.csv", NULL);
  g_autofree char *link = g_build_filename (dir, "link.csv", NULL);
  g_autofree char *chain = g_build_filename (dir, "chain.csv", NULL);
  g_autofree char *dangling = g_build_filename (dir, "dangling.csv", NULL);
  g_autofree char *made = g_build_filename (dir, "made-by-link.csv", NULL);
  g_autofree char *target = NULL;

  g_assert_true (g_file_set_contents (real, "old", -1, NULL));
  g_assert_cmpint (g_chmod (real, 0640), ==, 0);
  /* relative, as ln -s writes them */
  g_assert_cmpint (symlink ("real.csv", link), ==, 0);
  g_assert_cmpint (symlink (link, chain), ==, 0);

  export_csv_ok (link);
  g_assert_true (S_ISLNK (mode_of (link)));
  target = g_file_read_link (link, NULL);
  g_assert_cmpstr (target, ==, "real.csv");
  g_assert_true (S_ISREG (mode_of (real)));
  g_assert_cmpint (mode_of (real) & 07777, ==, 0640);
  assert_is_csv (real);

  g_assert_true (g_file_set_contents (real, "old", -1, NULL));
  export_csv_ok (chain);
  g_assert_true (S_ISLNK (mode_of (chain)));
  g_assert_true (S_ISLNK (mode_of (link)));
  assert_is_csv (real);

  /* a link to nothing yet: the file it names is made, privately */
  g_assert_cmpint (symlink ("made-by-link.csv", dangling), ==, 0);
  export_csv_ok (dangling);
  g_assert_true (S_ISLNK (mode_of (dangling)));
  g_assert_cmpint (mode_of (made) & 07777, ==, 0600);
  assert_is_csv (made);

  /* a link into a folder that is not there: the message names both */
  {
    g_autofree char *broken = g_build_filename (dir, "broken.csv", NULL);

    g_assert_cmpint (symlink ("no-such-folder/x.csv", broken), ==, 0);
    assert_write_fails (broken, G_IO_ERROR_NOT_FOUND, "no-such-folder” does not exist");
    g_assert_true (S_ISLNK (mode_of (broken)));
  }

  assert_no_leftovers (dir);
}

static void
test_target_symlink (void)
{
  g_autofree char *dir = tmp_path ("links");

  run_as_nobody (dir, symlink_checks);
}

static void
special_checks (const char *dir)
{
  g_autofree char *fifo = g_build_filename (dir, "pipe.csv", NULL);
  g_autofree char *sock = g_build_filename (dir, "socket.csv", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder.csv", NULL);
  g_autofree char *link = g_build_filename (dir, "to-pipe.csv", NULL);
  struct sockaddr_un addr = { .sun_family = AF_UNIX };
  int fd;

  /* a FIFO is never opened: nothing reads it, and an open would block */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  assert_refused (fifo, "named pipe");
  g_assert_true (S_ISFIFO (mode_of (fifo)));
  g_assert_cmpint (symlink ("pipe.csv", link), ==, 0);
  assert_refused (link, "named pipe");
  g_assert_true (S_ISLNK (mode_of (link)));
  g_assert_true (S_ISFIFO (mode_of (fifo)));

  g_assert_cmpuint (strlen (sock), <, sizeof addr.sun_path);
  strcpy (addr.sun_path, sock);
  fd = socket (AF_UNIX, SOCK_STREAM, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (bind (fd, (struct sockaddr *) &addr, sizeof addr), ==, 0);
  assert_refused (sock, "socket");
  g_assert_true (S_ISSOCK (mode_of (sock)));
  close (fd);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  assert_write_fails (folder, G_IO_ERROR_IS_DIRECTORY, "it is a folder");
  g_assert_true (S_ISDIR (mode_of (folder)));

  assert_no_leftovers (dir);
}

static void
test_target_special (void)
{
  g_autofree char *dir = tmp_path ("special");
  g_autofree char *device = tmp_path ("null.csv");

  run_as_nobody (dir, special_checks);

  /* root could replace a device node: it must be refused too */
  if (geteuid () == 0 && mknod (device, S_IFCHR | 0666, makedev (1, 3)) == 0)
    {
      assert_refused (device, "device");
      g_assert_true (S_ISCHR (mode_of (device)));
    }
  else
    g_test_message ("No device node here (mknod needs root and CAP_MKNOD); "
                    "the FIFO and the socket stand for it");
}

/* The disk filling up while the file itself is written (a file size limit
 * stands for it): the old file stays whole, a new one is removed. */
static void
midway_checks (const char *dir)
{
  g_autofree char *existing = g_build_filename (dir, "existing.pdf", NULL);
  g_autofree char *fresh = g_build_filename (dir, "fresh.pdf", NULL);
  g_autoptr(GFile) existing_file = g_file_new_for_path (existing);
  g_autoptr(GFile) fresh_file = g_file_new_for_path (fresh);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  struct rlimit limit = { 512, 512 };
  GDate first, last;

  g_assert_true (g_file_set_contents (existing, "the old report", -1, NULL));
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  period (&first, &last, 2024, 1, 1, 30);
  g_assert_false (limber_report_write_file (existing_file, &first, &last, NULL, NULL, &error));
  g_assert_nonnull (error);
  assert_contains (error->message, existing);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the old report");

  g_assert_false (limber_report_write_file (fresh_file, &first, &last, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));

  assert_no_leftovers (dir);
}

static void
test_failure_midway (void)
{
  g_autofree char *dir = tmp_path ("midway");

  run_as_nobody (dir, midway_checks);
}

/* Text another program wrote into the journal as invalid UTF-8 (and an
 * embedded NUL, and a sequence cut short at the end) comes back valid,
 * each bad byte a U+FFFD, through every list call and into both exports. */
#define BAD_TEXT_SQL "CAST(X'6F6B20FFFE2000206C617374C3' AS TEXT)"

static void
assert_replaced (const char *text)
{
  g_assert_nonnull (text);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  assert_contains (text, "ok \xef\xbf\xbd\xef\xbf\xbd ");
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(LimberJournal) journal = journal_new ();
  g_autoptr(GDateTime) day = local (2024, 5, 1, 8, 0);
  g_autoptr(GDateTime) from = local (2024, 5, 1, 0, 0);
  g_autoptr(GDateTime) to = local (2024, 5, 2, 0, 0);
  g_autofree char *csv_path = tmp_path ("bad.csv");
  g_autofree char *pdf_path = tmp_path ("bad.pdf");
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv_path);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf_path);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(LimberCheckin) one = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  LimberSessionInfo *session;
  LimberReminderInfo *reminder;
  gint64 id;

  id = limber_journal_start_session (journal, "desk-break", "Desk break", day, 120000, &error);
  g_assert_no_error (error);
  g_assert_true (limber_journal_record_part (journal, id, 0, LIMBER_SIDE_NONE, "leg-swings",
                                             60000, 60000, FALSE, 60000, &error));
  g_assert_no_error (error);
  add_checkin (journal, day, 3, 0, "a note");
  limber_journal_log_reminder (journal, LIMBER_REMINDER_ROUTINE, "desk-break", day, FALSE, &error);
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_exec (_limber_journal_get_handle_for_testing (journal),
                                 "UPDATE checkins SET note = " BAD_TEXT_SQL ";"
                                 "UPDATE sessions SET routine_name = " BAD_TEXT_SQL ", routine_id = " BAD_TEXT_SQL ";"
                                 "UPDATE session_parts SET exercise_id = " BAD_TEXT_SQL ";"
                                 "UPDATE reminders SET routine_id = " BAD_TEXT_SQL ";",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  checkins = limber_journal_list_checkins (journal, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checkins->len, ==, 1);
  assert_replaced (((LimberCheckin *) g_ptr_array_index (checkins, 0))->note);
  one = limber_journal_get_checkin (journal, ((LimberCheckin *) g_ptr_array_index (checkins, 0))->id, &error);
  g_assert_no_error (error);
  assert_replaced (one->note);

  sessions = limber_journal_list_sessions_between (journal, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 1);
  session = g_ptr_array_index (sessions, 0);
  assert_replaced (session->routine_name);
  assert_replaced (session->routine_id);
  g_clear_pointer (&sessions, g_ptr_array_unref);
  sessions = limber_journal_list_sessions (journal, NULL, &error);
  g_assert_no_error (error);
  assert_replaced (((LimberSessionInfo *) g_ptr_array_index (sessions, 0))->routine_name);

  parts = limber_journal_list_parts (journal, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parts->len, ==, 1);
  assert_replaced (((LimberPartInfo *) g_ptr_array_index (parts, 0))->exercise_id);

  reminders = limber_journal_list_reminders (journal, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reminders->len, ==, 1);
  reminder = g_ptr_array_index (reminders, 0);
  assert_replaced (reminder->routine_id);
  g_assert_cmpint (reminder->kind, ==, LIMBER_REMINDER_ROUTINE);

  g_assert_true (limber_export_csv (journal, csv_file, NULL, NULL, &error));
  g_assert_no_error (error);
  rows = parse_csv (csv_path);
  g_assert_cmpuint (rows->len, ==, 1 + 2);
  assert_replaced (((char **) g_ptr_array_index (rows, 1))[4]);
  assert_replaced (((char **) g_ptr_array_index (rows, 2))[16]);

  g_assert_true (limber_export_report (journal, pdf_file, from, to, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf_path);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_true (strstr (text, "ok \xef\xbf\xbd\xef\xbf\xbd") != NULL || strstr (text, "ok [U+FFFD][U+FFFD]") != NULL);
}

/* Files GIO could only rewrite in place, where a failure half-way would
 * leave half a file: refused, each left as it was. */
static void
in_place_checks (const char *dir)
{
  g_autofree char *linked = g_build_filename (dir, "linked.csv", NULL);
  g_autofree char *other_name = g_build_filename (dir, "other-name.csv", NULL);
  g_autofree char *foreign = g_build_filename (dir, "foreign.csv", NULL);
  g_autofree char *read_only = g_build_filename (dir, "read-only.csv", NULL);
  struct { const char *path; int code; const char *named; } cases[] = {
    { linked, G_IO_ERROR_NOT_SUPPORTED, "hard links" },
    { foreign, G_IO_ERROR_PERMISSION_DENIED, "another user" },
    { read_only, G_IO_ERROR_PERMISSION_DENIED, "read-only" },
  };

  g_assert_true (g_file_set_contents (linked, "old", -1, NULL));
  g_assert_cmpint (link (linked, other_name), ==, 0);
  g_assert_true (g_file_set_contents (read_only, "old", -1, NULL));
  g_assert_cmpint (g_chmod (read_only, 0444), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *contents = NULL;

      if (cases[i].path == foreign && !g_file_test (foreign, G_FILE_TEST_EXISTS))
        continue;
      assert_write_fails (cases[i].path, cases[i].code, cases[i].named);
      g_assert_true (g_file_get_contents (cases[i].path, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "old");
    }

  assert_no_leftovers (dir);
}

static void
test_target_in_place (void)
{
  g_autofree char *dir = tmp_path ("in-place");
  g_autofree char *foreign = g_build_filename (dir, "foreign.csv", NULL);

  /* root's file, which nobody may write, in nobody's folder */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  if (geteuid () == 0)
    {
      g_assert_true (g_file_set_contents (foreign, "old", -1, NULL));
      g_assert_cmpint (g_chmod (foreign, 0666), ==, 0);
    }
  run_as_nobody (dir, in_place_checks);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  tool ("PYTHON3");
  tool ("PDFTOTEXT");
  tool ("PDFINFO");
  require_fonts ();

  g_test_add_func ("/export/csv/guard", test_guard);
  g_test_add_func ("/export/csv/round-trip", test_csv_round_trip);
  g_test_add_func ("/export/csv/journal", test_csv_journal);
  g_test_add_func ("/export/report/text", test_report_text);
  g_test_add_func ("/export/report/undrawable", test_report_undrawable);
  g_test_add_func ("/export/report/many-notes", test_report_many_notes);
  g_test_add_func ("/export/report/empty", test_report_empty);
  g_test_add_func ("/export/report/period", test_report_period);
  g_test_add_func ("/export/report/journal", test_report_journal);
  g_test_add_func ("/export/async", test_async);
  g_test_add_func ("/export/journal/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/export/errors/paths", test_errors);
  g_test_add_func ("/export/errors/failure-keeps-existing", test_failure_keeps_existing);
  g_test_add_func ("/export/errors/read-only-folder", test_read_only_folder);
  g_test_add_func ("/export/errors/failure-midway", test_failure_midway);
  g_test_add_func ("/export/target/mode", test_target_mode);
  g_test_add_func ("/export/target/symlink", test_target_symlink);
  g_test_add_func ("/export/target/special", test_target_special);
  g_test_add_func ("/export/target/in-place", test_target_in_place);

  return g_test_run ();
}
