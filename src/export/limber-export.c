/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-export"

#include <sys/stat.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "limber-export-private.h"
#include "limber-time.h"

/* Export of the journal: a CSV file of every session and check-in, and the
 * PDF report (drawn in limber-report.c). Both are made in memory and
 * written with _limber_export_write_file(): atomically over an existing
 * file (keeping its mode and its symbolic links), private when new, and
 * never over something that is not a regular file.
 *
 * The CSV follows RFC 4180: UTF-8 without a byte order mark (a BOM would
 * become part of the first column's name for most readers), a header row,
 * CRLF after every row, and a field in double quotes when it holds a comma,
 * a double quote (doubled), CR or LF. A text cell (routine id and name, the
 * note) that starts with =, +, -, @, a tab or CR gets a leading apostrophe
 * so that a spreadsheet shows it as text instead of running it as a
 * formula. Number cells are never changed: none of them can be negative. */

/* Called with the cause's code; the message names the path given and the
 * folder of the file written, which differ when the path is a symbolic link. */
static void
set_target_error (GError       **error,
                  GFile         *file,
                  GFile         *target,
                  const GError  *cause)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr(GFile) parent = g_file_get_parent (target);
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

static void
set_write_error (GError       **error,
                 GFile         *file,
                 const GError  *cause)
{
  set_target_error (error, file, file, cause);
}

/* What @mode is, for a message about a target that is not a regular file. */
static const char *
describe_special (guint32 mode)
{
  if (S_ISFIFO (mode))
    return _("it is a named pipe (FIFO), not a file");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return _("it is a device, not a file");
  if (S_ISSOCK (mode))
    return _("it is a socket, not a file");
  return _("it is not a regular file");
}

static gboolean
in_group (gid_t gid)
{
  int n = getgroups (0, NULL);
  g_autofree gid_t *groups = NULL;

  if (gid == getegid ())
    return TRUE;
  if (n <= 0)
    return FALSE;
  groups = g_new (gid_t, n);
  n = getgroups (n, groups);
  for (int i = 0; i < n; i++)
    if (groups[i] == gid)
      return TRUE;
  return FALSE;
}

#define MAX_LINKS 40

/* Follows @file's symbolic links to the file they end at, which need not
 * exist yet (*info is then %NULL). */
static GFile *
resolve_links (GFile      *file,
               GFileInfo **info,
               GError    **error)
{
  g_autoptr(GFile) current = g_object_ref (file);

  for (guint i = 0; i <= MAX_LINKS; i++)
    {
      g_autoptr(GFileInfo) current_info = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GFile) parent = NULL;
      const char *target;

      current_info = g_file_query_info (current,
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                        G_FILE_ATTRIBUTE_STANDARD_SYMLINK_TARGET ","
                                        G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE ","
                                        "unix::mode,unix::uid,unix::gid,unix::nlink",
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, &local_error);
      if (current_info == NULL)
        {
          if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
            {
              set_write_error (error, file, local_error);
              return NULL;
            }
          *info = NULL;
          return g_steal_pointer (&current);
        }

      if (g_file_info_get_file_type (current_info) != G_FILE_TYPE_SYMBOLIC_LINK ||
          (target = g_file_info_get_symlink_target (current_info)) == NULL)
        {
          *info = g_steal_pointer (&current_info);
          return g_steal_pointer (&current);
        }

      parent = g_file_get_parent (current);
      g_object_unref (current);
      current = parent ? g_file_resolve_relative_path (parent, target) : g_file_new_for_path (target);
    }

  {
    g_autofree char *name = g_file_get_parse_name (file);

    g_set_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS,
                 ngettext ("Could not write “%s”: it is a symbolic link in a loop or a chain of more than %d link",
                           "Could not write “%s”: it is a symbolic link in a loop or a chain of more than %d links",
                           MAX_LINKS),
                 name, MAX_LINKS);
  }
  return NULL;
}

/* Whether @target, an existing regular file, can be replaced through a
 * temporary file that keeps its owner, group and mode. Otherwise GIO would
 * fall back to rewriting it in place, and a failure half-way would leave
 * half a file: refuse instead. */
static gboolean
check_replaceable (GFile      *file,
                   GFile      *target,
                   GFileInfo  *info,
                   GError    **error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr(GFile) parent = g_file_get_parent (target);
  g_autoptr(GFileInfo) parent_info = NULL;

  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE) &&
      !g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("Could not write “%s”: the file is read-only"), name);
      return FALSE;
    }

  if (parent != NULL)
    parent_info = g_file_query_info (parent, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE,
                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (parent_info != NULL &&
      g_file_info_has_attribute (parent_info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE) &&
      !g_file_info_get_attribute_boolean (parent_info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE))
    {
      g_autoptr(GError) cause = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, "");

      set_target_error (error, file, target, cause);
      return FALSE;
    }

  if (g_file_info_has_attribute (info, "unix::nlink") &&
      g_file_info_get_attribute_uint32 (info, "unix::nlink") > 1)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Could not write “%s”: the file has other hard links, which a safe "
                     "replacement would break; export to a new name"), name);
      return FALSE;
    }

  if (geteuid () != 0 &&
      g_file_info_has_attribute (info, "unix::uid") &&
      (g_file_info_get_attribute_uint32 (info, "unix::uid") != geteuid () ||
       !in_group (g_file_info_get_attribute_uint32 (info, "unix::gid"))))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("Could not write “%s”: the file belongs to another user or group; "
                     "export to a new name"), name);
      return FALSE;
    }

  return TRUE;
}

/* Closes @out without committing it: GIO removes its temporary file. */
static void
abandon (GOutputStream *out)
{
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();

  g_cancellable_cancel (cancelled);
  g_output_stream_close (out, cancelled, NULL);
}

/**
 * _limber_export_write_file: (skip)
 * @file: the destination
 * @func: writes the whole content to the stream it is given
 * @data: for @func
 *
 * Writes what @func produces to @file. The content is made in memory
 * first, so a failure of @func leaves @file untouched. A symbolic link is
 * followed and the file it names is replaced, the link stays. An existing
 * file is replaced atomically with g_file_replace(), keeping its mode,
 * owner and group; a new one is created private (0600), and removed again
 * if writing it fails. A target that exists and is not a regular file
 * (folder, FIFO, device, socket) is refused with %G_IO_ERROR_IS_DIRECTORY
 * or %G_IO_ERROR_NOT_REGULAR_FILE, and so is a file that could only be
 * rewritten in place (other hard links, another owner, a read-only folder).
 *
 * Returns: %TRUE on success; on failure @file is as it was
 */
gboolean
_limber_export_write_file (GFile                  *file,
                          LimberExportWriteFunc   func,
                          gpointer                data,
                          GError                **error)
{
  g_autoptr(GOutputStream) memory = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean existed;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(target = resolve_links (file, &info, error)))
    return FALSE;

  existed = info != NULL;
  if (existed && g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, "");
      set_target_error (error, file, target, local_error);
      return FALSE;
    }
  if (existed && g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      /* Translators: the second %s is, for example, "it is a named pipe (FIFO), not a file". */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("Could not write “%s”: %s; give the name of a new or ordinary file"),
                   name, describe_special (g_file_info_get_attribute_uint32 (info, "unix::mode")));
      return FALSE;
    }
  if (existed && !check_replaceable (file, target, info, error))
    return FALSE;

  memory = g_memory_output_stream_new_resizable ();
  if (!func (memory, data, &local_error) ||
      !g_output_stream_close (memory, NULL, &local_error))
    {
      set_target_error (error, file, target, local_error);
      return FALSE;
    }
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));

  /* A new file is made with O_EXCL, so that removing it after a failure
   * can never remove someone else's. */
  if (existed)
    out = g_file_replace (target, NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, &local_error);
  else
    out = g_file_create (target, G_FILE_CREATE_PRIVATE, NULL, &local_error);
  if (out == NULL)
    {
      set_target_error (error, file, target, local_error);
      return FALSE;
    }

  if (!g_output_stream_write_all (G_OUTPUT_STREAM (out), g_bytes_get_data (bytes, NULL),
                                  g_bytes_get_size (bytes), NULL, NULL, &local_error))
    {
      abandon (G_OUTPUT_STREAM (out));
      if (!existed)
        g_file_delete (target, NULL, NULL);
      set_target_error (error, file, target, local_error);
      return FALSE;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &local_error))
    {
      if (!existed)
        g_file_delete (target, NULL, NULL);
      set_target_error (error, file, target, local_error);
      return FALSE;
    }

  return TRUE;
}

/* CSV */

/* The header row is for the person who opens the file in a spreadsheet, so
 * it is in their language; the values stay as a program reads them (ISO
 * dates, a decimal point, the stored names of kinds, outcomes and sides). */
static const char * const csv_columns[] = {
  /* Translators: the CSV export's column names, in its header row; keep
   * them free of commas and quotes */
  NC_("CSV column", "kind"), NC_("CSV column", "date"), NC_("CSV column", "time"),
  NC_("CSV column", "routine_id"), NC_("CSV column", "routine"), NC_("CSV column", "outcome"),
  NC_("CSV column", "planned_minutes"), NC_("CSV column", "active_minutes"), NC_("CSV column", "rating"),
  NC_("CSV column", "pain"), NC_("CSV column", "stiffness"), NC_("CSV column", "side"),
  NC_("CSV column", "morning_stiffness_minutes"),
  NC_("CSV column", "numbness"), NC_("CSV column", "radiating"), NC_("CSV column", "weakness"),
  NC_("CSV column", "note"),
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
  g_autoptr(GDateTime) local = limber_time_to_local (time);

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
  g_autoptr(GPtrArray) s = limber_records_sorted_copy (sessions, limber_session_info_compare);
  g_autoptr(GPtrArray) c = limber_records_sorted_copy (checkins, limber_checkin_compare);
  GString *out = g_string_sized_new (256 + 128 * (s->len + c->len));
  guint i = 0, j = 0;

  for (guint k = 0; k < N_COLS; k++)
    {
      if (k > 0)
        g_string_append_c (out, ',');
      /* quoted and guarded like any cell: a translation is text from elsewhere */
      append_text_field (out, g_dpgettext2 (GETTEXT_PACKAGE, "CSV column", csv_columns[k]));
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
 * Writes limber_export_csv_to_bytes() to @file with
 * _limber_export_write_file().
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
  return _limber_export_write_file (file, write_bytes, bytes, error);
}

static GDateTime *
local_midnight (const GDate *date)
{
  return limber_time_start_of_day (NULL, date);
}

/**
 * _limber_export_read:
 * @journal: the journal
 * @kind: what the rows are for
 * @from: (nullable): the first moment of the period
 * @to: (nullable): the moment after its end
 * @job: (out caller-allocates): what to write; clear it with
 *   _limber_export_job_clear()
 *
 * Reads what an export writes, on the journal's thread. The CSV takes every
 * row from @from to @to; the report takes the whole days
 * limber_report_period() gives for them.
 *
 * Returns: %TRUE on success
 */
gboolean
_limber_export_read (LimberJournal     *journal,
                     LimberExportKind   kind,
                     GDateTime         *from,
                     GDateTime         *to,
                     LimberExportJob   *job,
                     GError           **error)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;

  memset (job, 0, sizeof *job);
  job->kind = kind;

  if (kind == LIMBER_EXPORT_REPORT)
    {
      GDate after;

      limber_report_period (from, to, &job->first, &job->last);
      after = job->last;
      g_date_add_days (&after, 1);
      start = local_midnight (&job->first);
      end = local_midnight (&after);
    }
  else
    {
      start = from != NULL ? g_date_time_ref (from) : NULL;
      end = to != NULL ? g_date_time_ref (to) : NULL;
    }

  if (!(job->sessions = limber_journal_list_sessions_between (journal, start, end, error)) ||
      !(job->checkins = limber_journal_list_checkins (journal, start, end, error)) ||
      (kind == LIMBER_EXPORT_REPORT &&
       !(job->programs = limber_report_programs_read (journal, &job->first, &job->last, error))))
    {
      _limber_export_job_clear (job);
      return FALSE;
    }
  return TRUE;
}

/**
 * _limber_export_write:
 * @job: what _limber_export_read() read
 * @file: where to write
 *
 * Writes @job; touches no journal, so it may run on any thread.
 *
 * Returns: %TRUE on success; on failure @file is as it was
 */
gboolean
_limber_export_write (const LimberExportJob  *job,
                      GFile                  *file,
                      GError                **error)
{
  if (job->kind == LIMBER_EXPORT_REPORT)
    return limber_report_write_file_full (file, &job->first, &job->last, job->sessions, job->checkins,
                                          job->programs, error);
  return limber_export_csv_to_file (file, job->sessions, job->checkins, error);
}

void
_limber_export_job_clear (LimberExportJob *job)
{
  g_clear_pointer (&job->sessions, g_ptr_array_unref);
  g_clear_pointer (&job->checkins, g_ptr_array_unref);
  g_clear_pointer (&job->programs, limber_report_programs_free);
}

static gboolean
read_and_write (LimberJournal     *journal,
                LimberExportKind   kind,
                GFile             *file,
                GDateTime         *from,
                GDateTime         *to,
                GError           **error)
{
  LimberExportJob job;
  gboolean ok;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (journal), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_limber_export_read (journal, kind, from, to, &job, error))
    return FALSE;
  ok = _limber_export_write (&job, file, error);
  _limber_export_job_clear (&job);
  return ok;
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
  return read_and_write (journal, LIMBER_EXPORT_CSV, file, from, to, error);
}

/**
 * limber_export_report:
 * @journal: the journal
 * @file: where to write the PDF
 * @from: (nullable): the first moment of the period
 * @to: (nullable): the moment after its end
 *
 * Writes the report for physiotherapists and doctors over the days
 * limber_report_period() gives for @from and @to.
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
  return read_and_write (journal, LIMBER_EXPORT_REPORT, file, from, to, error);
}
