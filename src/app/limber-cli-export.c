/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-cli"

#include <glib/gi18n.h>

#include "limber-cli.h"
#include "limber-cli-export.h"
#include "limber-cli-private.h"
#include "limber-export.h"
#include "limber-journal.h"
#include "limber-time.h"

/* limber --export-csv=FILE and --export-report=FILE [--from=…] [--to=…]:
 * usage errors exit with EXIT_USAGE, a journal or file that cannot be
 * read or written with EXIT_FAILURE, each with one line on stderr. */

/* The days a report may start or end on. GDateTime stops at 9999-12-31,
 * and a report needs the day after --to and the days before it in any time
 * zone; nobody's journal reaches back before 1900. */
#define DATE_MIN_YEAR 1900
#define DATE_MAX_YEAR 9998

/* Exactly YYYY-MM-DD, a real day. */
static gboolean
parse_date (const char *text,
            GDate      *date)
{
  guint64 y, m, d;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  y = g_ascii_strtoull (text, NULL, 10);
  m = g_ascii_strtoull (text + 5, NULL, 10);
  d = g_ascii_strtoull (text + 8, NULL, 10);
  if (y < 1 || !g_date_valid_dmy (d, m, y))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

static gboolean
date_in_range (const GDate *date)
{
  return g_date_get_year (date) >= DATE_MIN_YEAR && g_date_get_year (date) <= DATE_MAX_YEAR;
}

static int
date_range_error (const char *option,
                  const char *text)
{
  g_autofree char *min = g_strdup_printf ("%04d-01-01", DATE_MIN_YEAR);
  g_autofree char *max = g_strdup_printf ("%04d-12-31", DATE_MAX_YEAR);

  /* Translators: "--from must be a day from 1900-01-01 to 9998-12-31, not “0024-03-01”." */
  return _limber_cli_usage_error (_("--%s must be a day from %s to %s, not “%s”."), option, min, max, text);
}

static void
print_exported (guint  n_sessions,
                guint  n_checkins,
                GFile *file)
{
  g_autofree char *parse_name = g_file_get_parse_name (file);
  g_autofree char *name = limber_cli_escape (parse_name);
  g_autofree char *sessions = g_strdup_printf (ngettext ("%u session", "%u sessions", n_sessions), n_sessions);
  g_autofree char *checkins = g_strdup_printf (ngettext ("%u check-in", "%u check-ins", n_checkins), n_checkins);

  /* Translators: "Exported 3 sessions and 5 check-ins to report.pdf." */
  g_print (_("Exported %s and %s to %s.\n"), sessions, checkins, name);
}

static int
export_csv (LimberJournal *journal,
            GFile         *file)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GError) error = NULL;

  if (!(sessions = limber_journal_list_sessions_between (journal, NULL, NULL, &error)) ||
      !(checkins = limber_journal_list_checkins (journal, NULL, NULL, &error)) ||
      !limber_export_csv_to_file (file, sessions, checkins, &error))
    {
      g_autofree char *message = limber_cli_escape (error->message);

      g_printerr ("limber: %s\n", message);
      return EXIT_FAILURE;
    }

  print_exported (sessions->len, checkins->len, file);
  return EXIT_SUCCESS;
}

static int
export_report (LimberJournal *journal,
               GFile         *file,
               const GDate   *first,
               const GDate   *last)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(LimberReportPrograms) programs = NULL;
  g_autoptr(GDateTime) start = limber_time_start_of_day (NULL, first);
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GError) error = NULL;
  GDate after = *last;

  g_date_add_days (&after, 1);
  end = limber_time_start_of_day (NULL, &after);

  if (!(sessions = limber_journal_list_sessions_between (journal, start, end, &error)) ||
      !(checkins = limber_journal_list_checkins (journal, start, end, &error)) ||
      !(programs = limber_report_programs_read (journal, first, last, &error)) ||
      !limber_report_write_file_full (file, first, last, sessions, checkins, programs, &error))
    {
      g_autofree char *message = limber_cli_escape (error->message);

      g_printerr ("limber: %s\n", message);
      return EXIT_FAILURE;
    }

  print_exported (sessions->len, checkins->len, file);
  return EXIT_SUCCESS;
}

/**
 * limber_cli_export_run:
 * @options: the parsed options
 *
 * Returns: the exit status, or -1 when no export option was given
 */
int
limber_cli_export_run (GVariantDict *options)
{
  g_autoptr(LimberJournal) journal = NULL;
  g_autoptr(GFile) csv_file = NULL;
  g_autoptr(GFile) report_file = NULL;
  const char *csv = NULL, *report = NULL, *from = NULL, *to = NULL;
  GDate first, last;
  int status;

  g_variant_dict_lookup (options, "export-csv", "^&ay", &csv);
  g_variant_dict_lookup (options, "export-report", "^&ay", &report);
  g_variant_dict_lookup (options, "from", "&s", &from);
  g_variant_dict_lookup (options, "to", "&s", &to);

  if (csv == NULL && report == NULL)
    {
      if (from != NULL || to != NULL)
        return _limber_cli_usage_error (_("--%s chooses the report’s period; use it with --export-report=FILE."),
                            from != NULL ? "from" : "to");
      return -1;
    }

  if ((csv != NULL && csv[0] == '\0') || (report != NULL && report[0] == '\0'))
    return _limber_cli_usage_error (_("--%s needs a file name."), csv != NULL && csv[0] == '\0' ? "export-csv" : "export-report");

  if (report == NULL && (from != NULL || to != NULL))
    return _limber_cli_usage_error (_("--%s chooses the report’s period; the CSV export always holds the whole journal. "
                          "Use it with --export-report=FILE."),
                        from != NULL ? "from" : "to");

  if (report != NULL)
    {
      if (to != NULL && !parse_date (to, &last))
        return _limber_cli_usage_error (_("--to must be a date written YYYY-MM-DD, such as 2024-03-31, not “%s”."), to);
      if (from != NULL && !parse_date (from, &first))
        return _limber_cli_usage_error (_("--from must be a date written YYYY-MM-DD, such as 2024-03-01, not “%s”."), from);
      if (to != NULL && !date_in_range (&last))
        return date_range_error ("to", to);
      if (from != NULL && !date_in_range (&first))
        return date_range_error ("from", from);

      if (to == NULL)
        {
          g_autoptr(GDateTime) now = limber_time_now_local ();

          g_date_clear (&last, 1);
          g_date_set_dmy (&last, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                          g_date_time_get_year (now));
        }
      if (from == NULL)
        {
          first = last;
          g_date_subtract_days (&first, LIMBER_REPORT_DEFAULT_DAYS - 1);
        }

      if (g_date_compare (&first, &last) > 0)
        {
          char buf[16];

          g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &last);
          return _limber_cli_usage_error (_("--from=%s is after the report’s last day, %s."), from, buf);
        }
    }

  if (!(journal = limber_cli_open_journal ()))
    return EXIT_FAILURE;

  if (csv != NULL)
    {
      csv_file = g_file_new_for_commandline_arg (csv);
      if ((status = export_csv (journal, csv_file)) != EXIT_SUCCESS)
        return status;
    }

  if (report != NULL)
    {
      report_file = g_file_new_for_commandline_arg (report);
      if ((status = export_report (journal, report_file, &first, &last)) != EXIT_SUCCESS)
        return status;
    }

  return EXIT_SUCCESS;
}

gboolean
_limber_cli_export_parse_date (const char *text,
                               GDate      *date)
{
  return parse_date (text, date);
}
