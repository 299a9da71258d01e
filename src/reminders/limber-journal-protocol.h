/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "limber-reminder-types.h"

G_BEGIN_DECLS

/* What limber-reminders and limber-journal-helper say to each other. The
 * service writes a request to the helper's standard input: the header line,
 * then one line per operation. The helper answers each operation, in order,
 * with one line on its standard output. Lines end in "\n", fields are
 * separated by one tab, and every line is UTF-8 with no other control
 * character, at most LIMBER_JOURNAL_PROTOCOL_MAX_LINE bytes with its "\n":
 *
 *   limber-journal 1
 *   log      KEY KIND DUE_USEC CATCH_UP(0|1) ROUTINE_ID(empty for none)
 *   test     KEY KIND DUE_USEC ROUTINE_ID(empty for none)
 *                                (a test notification: like "log", but
 *                                 written as a test, which no count shows)
 *   outcome  KEY OUTCOME
 *   checkin  SINCE_USEC          (the latest check-in at or after SINCE)
 *
 * and the answers:
 *
 *   done                         written (or found written before)
 *   refused  MESSAGE             the journal will never take it
 *   checkin  USEC                the latest check-in, 0 for none
 *   retry    MESSAGE             not now (busy, disk full…); nothing after it
 *   gone     MESSAGE             this journal is not for this Limber, ever
 *
 * KEY is a UUID the service gives each reminder: writing a reminder or its
 * outcome again does not add a row, so an operation whose answer was lost
 * can be sent again. */

#define LIMBER_JOURNAL_PROTOCOL_HEADER       "limber-journal 1"
#define LIMBER_JOURNAL_PROTOCOL_MAX_LINE     1024
#define LIMBER_JOURNAL_PROTOCOL_MAX_MESSAGE  512
#define LIMBER_JOURNAL_PROTOCOL_MAX_REQUESTS 1024

typedef enum
{
  LIMBER_JOURNAL_REQUEST_LOG,
  LIMBER_JOURNAL_REQUEST_OUTCOME,
  LIMBER_JOURNAL_REQUEST_CHECKIN,
} LimberJournalRequestType;

typedef struct
{
  LimberJournalRequestType type;
  char                     key[37];
  LimberReminderKind       kind;
  LimberReminderOutcome    outcome;
  gint64                   usec;        /* due (log) or since (checkin) */
  gboolean                 catch_up;
  gboolean                 test;        /* a test notification (log) */
  char                    *routine_id;  /* NULL for none */
} LimberJournalRequest;

typedef enum
{
  LIMBER_JOURNAL_REPLY_DONE,
  LIMBER_JOURNAL_REPLY_REFUSED,
  LIMBER_JOURNAL_REPLY_CHECKIN,
  LIMBER_JOURNAL_REPLY_RETRY,
  LIMBER_JOURNAL_REPLY_GONE,
} LimberJournalReplyType;

typedef struct
{
  LimberJournalReplyType  type;
  gint64                  usec;       /* checkin */
  char                   *message;    /* refused, retry, gone */
} LimberJournalReply;

void      limber_journal_protocol_append_request (GString                    *out,
                                                  const LimberJournalRequest *request);
gboolean  limber_journal_protocol_parse_request  (const char                 *line,
                                                  LimberJournalRequest       *request,
                                                  GError                    **error);
void      limber_journal_protocol_append_reply   (GString                    *out,
                                                  LimberJournalReplyType      type,
                                                  gint64                      usec,
                                                  const char                 *message);
gboolean  limber_journal_protocol_parse_reply    (const char                 *line,
                                                  LimberJournalReply         *reply,
                                                  GError                    **error);
gboolean  limber_journal_protocol_valid_line     (const char                 *line,
                                                  gsize                       length,
                                                  GError                    **error);

G_END_DECLS
