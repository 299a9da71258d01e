/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <gio/gio.h>

#include "limber-journal-protocol.h"

/* Both ends check everything they read: the helper refuses a request with
 * anything out of place before it touches the journal, and the service
 * takes nothing from a reply it does not understand. */

/* The latest moment a GDateTime holds: 9999-12-31 23:59:59.999999 UTC */
#define MAX_USEC G_GINT64_CONSTANT (253402300799999999)
#define MAX_ROUTINE_ID 200

static gboolean
invalid (GError    **error,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError    **error,
         const char *format,
         ...)
{
  va_list args;
  char *message;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, message);
  g_free (message);
  return FALSE;
}

/**
 * limber_journal_protocol_valid_line:
 * @line: a line without its "\n"
 * @length: its length in bytes
 *
 * Returns: whether @line is short enough, UTF-8, and has no control
 *   character but tabs
 */
gboolean
limber_journal_protocol_valid_line (const char  *line,
                                    gsize        length,
                                    GError     **error)
{
  if (length + 1 > LIMBER_JOURNAL_PROTOCOL_MAX_LINE)
    return invalid (error, "a line of %" G_GSIZE_FORMAT " bytes, over %d", length + 1,
                    LIMBER_JOURNAL_PROTOCOL_MAX_LINE);
  if (!g_utf8_validate_len (line, length, NULL))
    return invalid (error, "a line that is not UTF-8");
  for (gsize i = 0; i < length; i++)
    if (((guchar) line[i] < 0x20 && line[i] != '\t') || line[i] == 0x7f)
      return invalid (error, "a control character (0x%02x) in a line", (guchar) line[i]);
  return TRUE;
}

/* Decimal digits only, no sign, no leading zero, within [0, max]. */
static gboolean
parse_usec (const char  *text,
            gint64       max,
            gint64      *value,
            GError     **error)
{
  guint64 v = 0;
  gsize len = strlen (text);

  if (len == 0 || len > 18 || (len > 1 && text[0] == '0'))
    return invalid (error, "“%s” is not a time in microseconds", text);
  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return invalid (error, "“%s” is not a time in microseconds", text);
      v = v * 10 + (guint64) (text[i] - '0');
    }
  if (v > (guint64) max)
    return invalid (error, "%s is past the latest time a journal holds", text);
  *value = (gint64) v;
  return TRUE;
}

static gboolean
parse_key (const char  *text,
           char         key[37],
           GError     **error)
{
  if (strlen (text) != 36 || !g_uuid_string_is_valid (text))
    return invalid (error, "“%s” is not a reminder’s key", text);
  memcpy (key, text, 37);
  return TRUE;
}

static gboolean
valid_text (const char *text,
            gsize       max)
{
  gsize len = strlen (text);

  return len > 0 && len <= max && strchr (text, '\t') == NULL;
}

/* Checks @line and splits it into its fields, which tabs separate; %NULL
 * with @error set for a line that is not valid, or empty. Requests and
 * replies are read alike up to here. */
static GStrv
split_line (const char  *line,
            guint       *n_fields,
            GError     **error)
{
  GStrv fields;

  if (!limber_journal_protocol_valid_line (line, strlen (line), error))
    return NULL;
  fields = g_strsplit (line, "\t", -1);
  *n_fields = g_strv_length (fields);
  if (*n_fields == 0)
    {
      g_strfreev (fields);
      invalid (error, "an empty line");
      return NULL;
    }
  return fields;
}

void
limber_journal_protocol_append_request (GString                    *out,
                                        const LimberJournalRequest *request)
{
  switch (request->type)
    {
    case LIMBER_JOURNAL_REQUEST_LOG:
      if (request->test)
        {
          g_string_append_printf (out, "test\t%s\t%s\t%" G_GINT64_FORMAT "\t%s\n", request->key,
                                  limber_reminder_kind_to_string (request->kind), request->usec,
                                  request->routine_id != NULL ? request->routine_id : "");
          break;
        }
      g_string_append_printf (out, "log\t%s\t%s\t%" G_GINT64_FORMAT "\t%d\t%s\n", request->key,
                              limber_reminder_kind_to_string (request->kind), request->usec,
                              request->catch_up ? 1 : 0,
                              request->routine_id != NULL ? request->routine_id : "");
      break;
    case LIMBER_JOURNAL_REQUEST_OUTCOME:
      g_string_append_printf (out, "outcome\t%s\t%s\n", request->key,
                              limber_reminder_outcome_to_string (request->outcome));
      break;
    case LIMBER_JOURNAL_REQUEST_CHECKIN:
      g_string_append_printf (out, "checkin\t%" G_GINT64_FORMAT "\n", request->usec);
      break;
    default:
      g_assert_not_reached ();
    }
}

/**
 * limber_journal_protocol_parse_request:
 * @line: one line of a request, without its "\n"
 * @request: (out caller-allocates): filled in; free its routine_id
 *
 * Returns: whether @line is a valid operation
 */
gboolean
limber_journal_protocol_parse_request (const char            *line,
                                       LimberJournalRequest  *request,
                                       GError               **error)
{
  g_auto(GStrv) f = NULL;
  guint n;

  memset (request, 0, sizeof *request);
  if (!(f = split_line (line, &n, error)))
    return FALSE;

  /* test KEY KIND USEC ROUTINE, log KEY KIND USEC CATCH_UP ROUTINE: a test
   * notification is a log without catch-up, marked as a test */
  if (g_str_equal (f[0], "test") || g_str_equal (f[0], "log"))
    {
      gboolean test = g_str_equal (f[0], "test");
      const char *routine;

      request->type = LIMBER_JOURNAL_REQUEST_LOG;
      request->test = test;
      if (n != (test ? 5u : 6u))
        return invalid (error, "“%s” takes %u fields, not %u", f[0], test ? 4u : 5u, n - 1);
      routine = f[n - 1];
      if (!parse_key (f[1], request->key, error))
        return FALSE;
      if (!limber_reminder_kind_from_string (f[2], &request->kind))
        return invalid (error, "“%s” is not a kind of reminder", f[2]);
      if (!parse_usec (f[3], MAX_USEC, &request->usec, error))
        return FALSE;
      if (!test)
        {
          if (!g_str_equal (f[4], "0") && !g_str_equal (f[4], "1"))
            return invalid (error, "“%s” is neither 0 nor 1", f[4]);
          request->catch_up = f[4][0] == '1';
        }
      if (routine[0] != '\0')
        {
          if (!valid_text (routine, MAX_ROUTINE_ID))
            return invalid (error, "a routine id over %d bytes", MAX_ROUTINE_ID);
          request->routine_id = g_strdup (routine);
        }
      return TRUE;
    }
  if (g_str_equal (f[0], "outcome"))
    {
      request->type = LIMBER_JOURNAL_REQUEST_OUTCOME;
      if (n != 3)
        return invalid (error, "“outcome” takes 2 fields, not %u", n - 1);
      if (!parse_key (f[1], request->key, error))
        return FALSE;
      /* "shown" is what "log" writes */
      if (!limber_reminder_outcome_from_string (f[2], &request->outcome) ||
          request->outcome == LIMBER_REMINDER_OUTCOME_SHOWN)
        return invalid (error, "“%s” is not an outcome to set", f[2]);
      return TRUE;
    }
  if (g_str_equal (f[0], "checkin"))
    {
      request->type = LIMBER_JOURNAL_REQUEST_CHECKIN;
      if (n != 2)
        return invalid (error, "“checkin” takes 1 field, not %u", n - 1);
      return parse_usec (f[1], MAX_USEC, &request->usec, error);
    }
  return invalid (error, "“%s” is not an operation", f[0]);
}

/* A message fit for one line: control characters become spaces, and it is
 * cut, at a character's boundary, to LIMBER_JOURNAL_PROTOCOL_MAX_MESSAGE. */
static void
append_message (GString    *out,
                const char *message)
{
  g_autofree char *valid = g_utf8_make_valid (message != NULL && *message != '\0' ? message : "?", -1);
  const char *end = valid;

  while (*end != '\0')
    {
      const char *next = g_utf8_next_char (end);

      if (next - valid > LIMBER_JOURNAL_PROTOCOL_MAX_MESSAGE)
        break;
      end = next;
    }
  for (const char *p = valid; p < end; p++)
    g_string_append_c (out, (guchar) *p < 0x20 || *p == 0x7f ? ' ' : *p);
}

void
limber_journal_protocol_append_reply (GString                *out,
                                      LimberJournalReplyType  type,
                                      gint64                  usec,
                                      const char             *message)
{
  static const char *const names[] = { "done", "refused", "checkin", "retry", "gone" };

  g_assert ((guint) type < G_N_ELEMENTS (names));
  g_string_append (out, names[type]);
  if (type == LIMBER_JOURNAL_REPLY_CHECKIN)
    g_string_append_printf (out, "\t%" G_GINT64_FORMAT, MAX (usec, 0));
  else if (type != LIMBER_JOURNAL_REPLY_DONE)
    {
      g_string_append_c (out, '\t');
      append_message (out, message);
    }
  g_string_append_c (out, '\n');
}

/**
 * limber_journal_protocol_parse_reply:
 * @line: one line of a reply, without its "\n"
 * @reply: (out caller-allocates): filled in; free its message
 *
 * Returns: whether @line is a valid answer
 */
gboolean
limber_journal_protocol_parse_reply (const char          *line,
                                     LimberJournalReply  *reply,
                                     GError             **error)
{
  g_auto(GStrv) f = NULL;
  guint n;

  memset (reply, 0, sizeof *reply);
  if (!(f = split_line (line, &n, error)))
    return FALSE;

  if (g_str_equal (f[0], "done") && n == 1)
    {
      reply->type = LIMBER_JOURNAL_REPLY_DONE;
      return TRUE;
    }
  if (g_str_equal (f[0], "checkin") && n == 2)
    {
      reply->type = LIMBER_JOURNAL_REPLY_CHECKIN;
      return parse_usec (f[1], MAX_USEC, &reply->usec, error);
    }
  if (n == 2 && valid_text (f[1], LIMBER_JOURNAL_PROTOCOL_MAX_MESSAGE))
    {
      if (g_str_equal (f[0], "refused"))
        reply->type = LIMBER_JOURNAL_REPLY_REFUSED;
      else if (g_str_equal (f[0], "retry"))
        reply->type = LIMBER_JOURNAL_REPLY_RETRY;
      else if (g_str_equal (f[0], "gone"))
        reply->type = LIMBER_JOURNAL_REPLY_GONE;
      else
        return invalid (error, "a line that is no answer");
      reply->message = g_strdup (f[1]);
      return TRUE;
    }
  return invalid (error, "a line that is no answer");
}
