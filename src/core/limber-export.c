/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-export"

#include <glib/gi18n-lib.h>

#include "limber-export-private.h"

/* Export of the journal: a CSV file of every session and check-in, and the
 * PDF report (drawn in limber-report.c). Both are written to a temporary
 * file beside the destination and renamed over it only when complete, so
 * a failure leaves no partial file and an existing file as it was.
 *
 * The CSV follows RFC 4180: UTF-8 without a byte order mark (a BOM would
 * become part of the first column's name for most readers), a header row,
 * CRLF after every row, and a field in double quotes when it holds a comma,
 * a double quote (doubled), CR or LF. A text cell (routine id and name, the
 * note) that starts with =, +, -, @, a tab or CR gets a leading apostrophe
 * so that a spreadsheet shows it as text instead of running it as a
 * formula. Number cells are never changed: none of them can be negative. */

/* Called with the cause's code; the message names the path. */
static void
set_write_error (GError       **error,
                 GFile         *file,
                 const GError  *cause)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *parent_name = parent ? g_file_get_parse_name (parent) : g_strdup ("/");
  int code = cause->domain == G_IO_ERROR ? cause->code : G_IO_ERROR_FAILED;

  switch (code)
    {
    case G_IO_ERROR_NOT_FOUND:
      g_set_error (error, G_IO_ERROR, code,
                   _("Could not write “%s”: the folder “%s” does not exist"), name, parent_name);
      break;
    case G_IO_ERROR_NOT_DIRECTORY:
      g_set_error (error, G_IO_ERROR, code,
                   _("Could not write “%s”: a part of the path “%s” is a file, not a folder"),
                   name, parent_name);
      break;
    case G_IO_ERROR_PERMISSION_DENIED:
      g_set_error (error, G_IO_ERROR, code,
                   _("Could not write “%s”: no permission to write in the folder “%s”"),
                   name, parent_name);
      break;
    case G_IO_ERROR_READ_ONLY:
      g_set_error (error, G_IO_ERROR, code,
                   _("Could not write “%s”: the folder “%s” is read-only"), name, parent_name);
      break;
    case G_IO_ERROR_IS_DIRECTORY:
      g_set_error (error, G_IO_ERROR, code,
                   _("Could not write “%s”: it is a folder; give a file name"), name);
      break;
    case G_IO_ERROR_NO_SPACE:
      g_set_error (error, G_IO_ERROR, code,
                   _("Could not write “%s”: the disk is full"), name);
      break;
    default:
      g_set_error (error, G_IO_ERROR, code,
                   _("Could not write “%s”: %s"), name, cause->message);
      break;
    }
}

/**
 * limber_export_write_file: (skip)
 * @file: the destination
 * @func: writes the whole content to the stream it is given
 * @data: for @func
 *
 * Writes @file through a temporary file in the same folder, renamed over
 * @file once @func has succeeded and the stream is closed. On any failure
 * the temporary file is removed and @file is left as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
limber_export_write_file (GFile                  *file,
                          LimberExportWriteFunc   func,
                          gpointer                data,
                          GError                **error)
{
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFile) tmp = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *basename = NULL;
  gboolean moved;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  parent = g_file_get_parent (file);
  if (parent == NULL ||
      g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, "");
      set_write_error (error, file, local_error);
      return FALSE;
    }

  /* Hidden, so that a file manager showing the folder does not offer it. */
  basename = g_file_get_basename (file);
  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%s.%06x.part", basename,
                                               g_random_int () & 0xffffff);

      g_clear_error (&local_error);
      g_clear_object (&tmp);
      tmp = g_file_get_child (parent, name);
      out = g_file_create (tmp, G_FILE_CREATE_NONE, NULL, &local_error);
      if (out != NULL || !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        break;
    }

  if (out == NULL)
    {
      set_write_error (error, file, local_error);
      return FALSE;
    }

  if (!func (G_OUTPUT_STREAM (out), data, &local_error))
    {
      g_output_stream_close (G_OUTPUT_STREAM (out), NULL, NULL);
      g_file_delete (tmp, NULL, NULL);
      set_write_error (error, file, local_error);
      return FALSE;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &local_error))
    {
      g_file_delete (tmp, NULL, NULL);
      set_write_error (error, file, local_error);
      return FALSE;
    }

  /* A rename; only a backend that cannot rename gets a copy. */
  moved = g_file_move (tmp, file, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                       NULL, NULL, NULL, &local_error);
  if (!moved && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
    {
      g_clear_error (&local_error);
      moved = g_file_move (tmp, file, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &local_error);
    }
  if (!moved)
    {
      g_file_delete (tmp, NULL, NULL);
      set_write_error (error, file, local_error);
      return FALSE;
    }

  return TRUE;
}

/* CSV */

static const char * const csv_columns[] = {
  "kind", "date", "time", "routine_id", "routine", "outcome",
  "planned_minutes", "active_minutes", "rating",
  "pain", "stiffness", "side", "morning_stiffness_minutes",
  "numbness", "radiating", "weakness", "note",
};

enum
{
  COL_KIND, COL_DATE, COL_TIME, COL_ROUTINE_ID, COL_ROUTINE, COL_OUTCOME,
  COL_PLANNED, COL_ACTIVE, COL_RATING,
  COL_PAIN, COL_STIFFNESS, COL_SIDE, COL_MORNING,
  COL_NUMBNESS, COL_RADIATING, COL_WEAKNESS, COL_NOTE,
  N_COLS
};

G_STATIC_ASSERT (G_N_ELEMENTS (csv_columns) == N_COLS);

static gboolean
needs_guard (const char *text)
{
  return text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL;
}

/**
 * limber_export_csv_guard_cell:
 * @text: the text of a cell
 *
 * Returns: (transfer full): @text, with an apostrophe in front when it
 *   starts with =, +, -, @, a tab or CR, so that a spreadsheet does not
 *   take it for a formula; invalid UTF-8 replaced
 */
char *
limber_export_csv_guard_cell (const char *text)
{
  g_autofree char *valid = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  valid = g_utf8_make_valid (text, -1);
  if (needs_guard (valid))
    return g_strconcat ("'", valid, NULL);
  return g_steal_pointer (&valid);
}

static void
append_field (GString    *out,
              const char *text)
{
  if (text == NULL || text[0] == '\0')
    return;

  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_text_field (GString    *out,
                   const char *text)
{
  g_autofree char *guarded = NULL;

  if (text == NULL || text[0] == '\0')
    return;
  guarded = limber_export_csv_guard_cell (text);
  append_field (out, guarded);
}

static void
append_row (GString  *out,
            char    **cells,
            gboolean  text_cells[])
{
  for (guint i = 0; i < N_COLS; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      if (text_cells[i])
        append_text_field (out, cells[i]);
      else
        append_field (out, cells[i]);
    }
  g_string_append (out, "\r\n");
}

static void
format_local (GDateTime *time,
              char     **date,
              char     **clock)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  *date = g_date_time_format (local, "%Y-%m-%d");
  *clock = g_date_time_format (local, "%H:%M");
}

static char *
format_minutes (guint ms)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.1f", ms / 60000.0));
}

static void
append_session (GString                 *out,
                const LimberSessionInfo *info)
{
  char *cells[N_COLS] = { NULL };
  gboolean text_cells[N_COLS] = { [COL_ROUTINE_ID] = TRUE, [COL_ROUTINE] = TRUE };

  cells[COL_KIND] = g_strdup ("session");
  format_local (info->started_at, &cells[COL_DATE], &cells[COL_TIME]);
  cells[COL_ROUTINE_ID] = g_strdup (info->routine_id);
  cells[COL_ROUTINE] = g_strdup (info->routine_name);
  cells[COL_OUTCOME] = g_strdup (limber_outcome_to_string (info->outcome));
  cells[COL_PLANNED] = format_minutes (info->planned_ms);
  cells[COL_ACTIVE] = format_minutes (info->active_ms);
  if (info->rating >= 0)
    cells[COL_RATING] = g_strdup_printf ("%d", info->rating);

  append_row (out, cells, text_cells);
  for (guint i = 0; i < N_COLS; i++)
    g_free (cells[i]);
}

static const char *
yes_no (gboolean yes)
{
  return yes ? "yes" : "no";
}

static void
append_checkin (GString             *out,
                const LimberCheckin *checkin)
{
  char *cells[N_COLS] = { NULL };
  gboolean text_cells[N_COLS] = { [COL_NOTE] = TRUE };

  cells[COL_KIND] = g_strdup ("check-in");
  format_local (checkin->time, &cells[COL_DATE], &cells[COL_TIME]);
  cells[COL_PAIN] = g_strdup_printf ("%d", checkin->pain);
  cells[COL_STIFFNESS] = g_strdup_printf ("%d", checkin->stiffness);
  cells[COL_SIDE] = g_strdup (limber_body_side_to_string (checkin->side));
  if (checkin->morning_stiffness >= 0)
    cells[COL_MORNING] = g_strdup_printf ("%d", checkin->morning_stiffness);
  cells[COL_NUMBNESS] = g_strdup (yes_no (checkin->symptoms & LIMBER_SYMPTOM_NUMBNESS));
  cells[COL_RADIATING] = g_strdup (yes_no (checkin->symptoms & LIMBER_SYMPTOM_RADIATING));
  cells[COL_WEAKNESS] = g_strdup (yes_no (checkin->symptoms & LIMBER_SYMPTOM_WEAKNESS));
  cells[COL_NOTE] = g_strdup (checkin->note);

  append_row (out, cells, text_cells);
  for (guint i = 0; i < N_COLS; i++)
    g_free (cells[i]);
}

int
limber_export_compare_sessions (gconstpointer a,
                                gconstpointer b)
{
  const LimberSessionInfo *x = *(LimberSessionInfo * const *) a;
  const LimberSessionInfo *y = *(LimberSessionInfo * const *) b;
  int cmp = g_date_time_compare (x->started_at, y->started_at);

  return cmp != 0 ? cmp : (x->id > y->id) - (x->id < y->id);
}

int
limber_export_compare_checkins (gconstpointer a,
                                gconstpointer b)
{
  const LimberCheckin *x = *(LimberCheckin * const *) a;
  const LimberCheckin *y = *(LimberCheckin * const *) b;
  int cmp = g_date_time_compare (x->time, y->time);

  return cmp != 0 ? cmp : (x->id > y->id) - (x->id < y->id);
}

static GPtrArray *
sorted_copy (GPtrArray    *array,
             GCompareFunc  compare)
{
  GPtrArray *copy = g_ptr_array_new ();

  for (guint i = 0; array && i < array->len; i++)
    g_ptr_array_add (copy, g_ptr_array_index (array, i));
  g_ptr_array_sort (copy, compare);
  return copy;
}

/**
 * limber_export_csv_to_bytes:
 * @sessions: (nullable) (element-type LimberSessionInfo): sessions, any order
 * @checkins: (nullable) (element-type LimberCheckin): check-ins, any order
 *
 * Returns: (transfer full): the CSV text: the header row, then one row per
 *   session and check-in, oldest first (a session before a check-in at the
 *   same time)
 */
GBytes *
limber_export_csv_to_bytes (GPtrArray *sessions,
                            GPtrArray *checkins)
{
  g_autoptr(GPtrArray) s = sorted_copy (sessions, limber_export_compare_sessions);
  g_autoptr(GPtrArray) c = sorted_copy (checkins, limber_export_compare_checkins);
  GString *out = g_string_sized_new (256 + 128 * (s->len + c->len));
  guint i = 0, j = 0;

  for (guint k = 0; k < N_COLS; k++)
    {
      if (k > 0)
        g_string_append_c (out, ',');
      g_string_append (out, csv_columns[k]);
    }
  g_string_append (out, "\r\n");

  while (i < s->len || j < c->len)
    {
      const LimberSessionInfo *session = i < s->len ? g_ptr_array_index (s, i) : NULL;
      const LimberCheckin *checkin = j < c->len ? g_ptr_array_index (c, j) : NULL;

      if (session && (!checkin || g_date_time_compare (session->started_at, checkin->time) <= 0))
        {
          append_session (out, session);
          i++;
        }
      else
        {
          append_checkin (out, checkin);
          j++;
        }
    }

  return g_string_free_to_bytes (out);
}

static gboolean
write_bytes (GOutputStream  *stream,
             gpointer        data,
             GError        **error)
{
  GBytes *bytes = data;

  return g_output_stream_write_all (stream, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    NULL, NULL, error);
}

/**
 * limber_export_csv_to_file:
 * @file: where to write
 * @sessions: (nullable) (element-type LimberSessionInfo): sessions, any order
 * @checkins: (nullable) (element-type LimberCheckin): check-ins, any order
 *
 * Writes limber_export_csv_to_bytes() to @file, through a temporary file.
 *
 * Returns: %TRUE on success; on failure @file is as it was
 */
gboolean
limber_export_csv_to_file (GFile      *file,
                           GPtrArray  *sessions,
                           GPtrArray  *checkins,
                           GError    **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = limber_export_csv_to_bytes (sessions, checkins);
  return limber_export_write_file (file, write_bytes, bytes, error);
}

/**
 * limber_export_csv:
 * @journal: the journal
 * @file: where to write
 * @from: (nullable): the first moment to include
 * @to: (nullable): the moment after the last to include
 *
 * Exports the sessions and check-ins from @from to @to (all of them when
 * both are %NULL) as CSV; see limber_export_csv_to_bytes().
 *
 * Returns: %TRUE on success
 */
gboolean
limber_export_csv (LimberJournal  *journal,
                   GFile          *file,
                   GDateTime      *from,
                   GDateTime      *to,
                   GError        **error)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) checkins = NULL;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (journal), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(sessions = limber_journal_list_sessions_between (journal, from, to, error)) ||
      !(checkins = limber_journal_list_checkins (journal, from, to, error)))
    return FALSE;

  return limber_export_csv_to_file (file, sessions, checkins, error);
}

static void
date_from_time (GDate     *date,
                GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);
  int y, m, d;

  g_date_time_get_ymd (local, &y, &m, &d);
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
}

/**
 * limber_export_report_period:
 * @from: (nullable): the first moment of the period
 * @to: (nullable): the moment after its end
 * @first: (out caller-allocates): the first day of the report
 * @last: (out caller-allocates): the last day of the report
 *
 * The days a report covers, by local date: @last is the day before @to
 * ends, or today; @first is @from's day, or %LIMBER_REPORT_DEFAULT_DAYS
 * days up to and including @last. A @first after @last becomes @last.
 */
void
limber_export_report_period (GDateTime *from,
                             GDateTime *to,
                             GDate     *first,
                             GDate     *last)
{
  g_return_if_fail (first != NULL && last != NULL);

  if (to != NULL)
    {
      g_autoptr(GDateTime) end = g_date_time_add (to, -1);

      date_from_time (last, end);
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      date_from_time (last, now);
    }

  if (from != NULL)
    date_from_time (first, from);
  else
    {
      *first = *last;
      g_date_subtract_days (first, LIMBER_REPORT_DEFAULT_DAYS - 1);
    }

  if (g_date_compare (first, last) > 0)
    *first = *last;
}

static GDateTime *
local_midnight (const GDate *date)
{
  return g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date), 0, 0, 0);
}

/**
 * limber_export_report:
 * @journal: the journal
 * @file: where to write the PDF
 * @from: (nullable): the first moment of the period
 * @to: (nullable): the moment after its end
 *
 * Writes the report for physiotherapists and doctors over the days
 * limber_export_report_period() gives for @from and @to.
 *
 * Returns: %TRUE on success; on failure @file is as it was
 */
gboolean
limber_export_report (LimberJournal  *journal,
                      GFile          *file,
                      GDateTime      *from,
                      GDateTime      *to,
                      GError        **error)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  GDate first, last, after;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (journal), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  limber_export_report_period (from, to, &first, &last);
  after = last;
  g_date_add_days (&after, 1);
  start = local_midnight (&first);
  end = local_midnight (&after);

  if (!(sessions = limber_journal_list_sessions_between (journal, start, end, error)) ||
      !(checkins = limber_journal_list_checkins (journal, start, end, error)))
    return FALSE;

  return limber_export_report_to_file (file, &first, &last, sessions, checkins, error);
}
