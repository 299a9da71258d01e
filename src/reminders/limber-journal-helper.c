/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-journal-helper"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "limber-i18n.h"
#include "limber-journal.h"
#include "limber-journal-protocol.h"
#include "limber-time.h"

/* limber-journal-helper JOURNAL: does the journal work of limber-reminders,
 * which runs it when it has some, so that the always-on service never
 * loads SQLite. It reads the whole request from its standard input (see
 * limber-journal-protocol.h), checks every line before it opens the
 * journal, and answers each operation as soon as it is done. A request it
 * does not understand exits with status 2 and writes nothing. */

#define MAX_REQUEST (LIMBER_JOURNAL_PROTOCOL_MAX_LINE * (LIMBER_JOURNAL_PROTOCOL_MAX_REQUESTS + 1))

static GString *
read_request (GError **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  char buf[4096];

  for (;;)
    {
      ssize_t n = read (STDIN_FILENO, buf, sizeof buf);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       "cannot read the request: %s", g_strerror (saved));
          return NULL;
        }
      if (n == 0)
        break;
      if (text->len + (gsize) n > MAX_REQUEST)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "a request over %d bytes", MAX_REQUEST);
          return NULL;
        }
      g_string_append_len (text, buf, n);
    }
  return g_steal_pointer (&text);
}

static void
request_clear (LimberJournalRequest *request)
{
  g_free (request->routine_id);
}

static GArray *
parse_request (GString  *text,
               GError  **error)
{
  g_autoptr(GArray) requests = g_array_new (FALSE, TRUE, sizeof (LimberJournalRequest));
  char *line = text->str;
  guint number = 0;

  g_array_set_clear_func (requests, (GDestroyNotify) request_clear);
  if (memchr (text->str, '\0', text->len) != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "a NUL byte in the request");
      return NULL;
    }
  if (text->len == 0 || text->str[text->len - 1] != '\n')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "the request does not end with a whole line");
      return NULL;
    }

  while (*line != '\0')
    {
      char *end = strchr (line, '\n');
      LimberJournalRequest request;
      g_autoptr(GError) local = NULL;

      *end = '\0';
      number++;
      if (number == 1)
        {
          if (!g_str_equal (line, LIMBER_JOURNAL_PROTOCOL_HEADER))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "line 1: not “%s”", LIMBER_JOURNAL_PROTOCOL_HEADER);
              return NULL;
            }
        }
      else if (number > LIMBER_JOURNAL_PROTOCOL_MAX_REQUESTS + 1)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "over %d operations", LIMBER_JOURNAL_PROTOCOL_MAX_REQUESTS);
          return NULL;
        }
      else if (!limber_journal_protocol_parse_request (line, &request, &local))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "line %u: %s", number, local->message);
          return NULL;
        }
      else
        g_array_append_val (requests, request);
      line = end + 1;
    }
  return g_steal_pointer (&requests);
}

static gboolean
error_is_permanent (const GError *error)
{
  return g_error_matches (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID) ||
         g_error_matches (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_NOT_FOUND);
}

static gboolean
error_is_fatal (const GError *error)
{
  return g_error_matches (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_TOO_NEW) ||
         g_error_matches (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_FOREIGN);
}

/* One answer, out at once: if this process is killed after the next
 * commit, the service still knows of this one. */
static gboolean
reply (LimberJournalReplyType  type,
       gint64                  usec,
       const char             *message)
{
  g_autoptr(GString) line = g_string_new (NULL);

  limber_journal_protocol_append_reply (line, type, usec, message);
  return fwrite (line->str, 1, line->len, stdout) == line->len && fflush (stdout) == 0;
}

static gboolean
run (LimberJournal              *journal,
     const LimberJournalRequest *request,
     gint64                     *last,
     GError                    **error)
{
  switch (request->type)
    {
    case LIMBER_JOURNAL_REQUEST_LOG:
      {
        g_autoptr(GDateTime) due = limber_time_from_usec (request->usec);

        if (request->test)
          return limber_journal_log_test_reminder_keyed (journal, request->key, request->kind,
                                                         request->routine_id, due, error) > 0;
        return limber_journal_log_reminder_keyed (journal, request->key, request->kind, request->routine_id,
                                                  due, request->catch_up, error) > 0;
      }
    case LIMBER_JOURNAL_REQUEST_OUTCOME:
      return limber_journal_set_reminder_outcome_keyed (journal, request->key, request->outcome, error);
    case LIMBER_JOURNAL_REQUEST_CHECKIN:
      {
        g_autoptr(GDateTime) since = limber_time_from_usec (request->usec);
        g_autoptr(LimberCheckin) latest = NULL;

        if (!limber_journal_get_latest_checkin (journal, since, &latest, error))
          return FALSE;
        if (latest != NULL)
          *last = limber_time_to_usec (latest->time);
        return TRUE;
      }
    default:
      g_assert_not_reached ();
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GString) text = NULL;
  g_autoptr(GArray) requests = NULL;
  g_autoptr(LimberJournal) journal = NULL;
  g_autoptr(GError) error = NULL;

  limber_i18n_init ();
  g_set_prgname ("limber-journal-helper");
  /* Its standard output is the answer: every message goes to stderr,
   * which is the service's. */
  g_log_writer_default_set_use_stderr (TRUE);

  if (argc != 2 || argv[1][0] == '\0')
    {
      g_printerr ("Usage: limber-journal-helper JOURNAL < REQUEST\n"
                  "Does the journal work of limber-reminders; not meant to be run by hand.\n");
      return 2;
    }

  text = read_request (&error);
  if (text != NULL)
    requests = parse_request (text, &error);
  if (requests == NULL)
    {
      g_printerr ("limber-journal-helper: %s; nothing was written\n", error->message);
      return 2;
    }
  if (requests->len == 0)
    return EXIT_SUCCESS;

  journal = limber_journal_open (argv[1], &error);
  if (journal == NULL)
    {
      reply (error_is_fatal (error) ? LIMBER_JOURNAL_REPLY_GONE : LIMBER_JOURNAL_REPLY_RETRY, 0, error->message);
      return EXIT_SUCCESS;
    }

  for (guint i = 0; i < requests->len; i++)
    {
      const LimberJournalRequest *request = &g_array_index (requests, LimberJournalRequest, i);
      gboolean answered;
      gint64 last = 0;

      if (!run (journal, request, &last, &error))
        {
          if (!error_is_permanent (error))
            {
              reply (LIMBER_JOURNAL_REPLY_RETRY, 0, error->message);
              return EXIT_SUCCESS;
            }
          answered = reply (LIMBER_JOURNAL_REPLY_REFUSED, 0, error->message);
          g_clear_error (&error);
        }
      else
        answered = reply (request->type == LIMBER_JOURNAL_REQUEST_CHECKIN ? LIMBER_JOURNAL_REPLY_CHECKIN
                                                                          : LIMBER_JOURNAL_REPLY_DONE,
                          last, NULL);

      /* Nobody listens any more: what is written stays written. */
      if (!answered)
        return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}
