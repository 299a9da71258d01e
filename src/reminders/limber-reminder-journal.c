/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-reminders"

#include "limber-reminder-service-private.h"
#include "limber-time.h"

/* The reminders themselves (LimberReminder, shared by the notifications,
 * the journal queue and the retries) and the service's journal: every
 * reminder and what became of it is written there. The service never opens
 * the journal: limber-journal-helper does, run when there is work and
 * gone when it is done (see limber-journal-protocol.h), so that SQLite is
 * not in this always-on process. Each note waits in a queue until the
 * helper answers that it is written; when the helper fails (the window
 * holds the journal, the disk is full, the helper is missing, killed or
 * answers nonsense) the notes are sent again after a back-off. Each
 * reminder has a key, so a note sent twice is written once. The queue
 * forgets its oldest notes past a bound. The helper also tells the
 * check-in reminder of today's last check-in. */

#include <gio/gio.h>

#include "limber-journal-protocol.h"

#define JOURNAL_RETRY_FIRST_S 5
#define MAX_JOURNAL_OPS       256
#define HELPER_TIMEOUT_S      60
#define MAX_REPLY             (LIMBER_JOURNAL_PROTOCOL_MAX_LINE * (MAX_JOURNAL_OPS + 2))

#ifndef LIMBER_LIBEXECDIR
#error "LIMBER_LIBEXECDIR must be set"
#endif

typedef struct
{
  LimberReminder        *reminder;
  LimberReminderOutcome  outcome;  /* SHOWN: log the reminder itself */
} JournalOp;

/* Reminders */

LimberReminder *
_limber_reminder_new (const LimberDue *due,
                      const char      *routine_id,
                      gboolean         preview)
{
  LimberReminder *r = g_rc_box_new0 (LimberReminder);

  r->due = *due;
  r->routine_id = g_strdup (routine_id);
  r->preview = preview;
  {
    g_autofree char *key = g_uuid_string_random ();

    g_strlcpy (r->key, key, sizeof r->key);
  }
  return r;
}

static void
reminder_clear (gpointer data)
{
  LimberReminder *r = data;

  g_free (r->routine_id);
}

LimberReminder *
_limber_reminder_ref (LimberReminder *r)
{
  return g_rc_box_acquire (r);
}

void
_limber_reminder_unref (LimberReminder *r)
{
  g_rc_box_release_full (r, reminder_clear);
}

/* The helper */

typedef struct _LimberJournalRun
{
  LimberReminderService *self;        /* NULL once the service is gone */
  GSubprocess           *process;
  GCancellable          *cancellable;
  GPtrArray             *ops;         /* JournalOp, in the order sent */
  gboolean               checkins;    /* asked for the last check-in, after the ops */
  GByteArray            *reply;
  gboolean               reply_too_long;
  gboolean               timed_out;
  guint                  timeout_id;
} JournalRun;

static void
journal_op_free (JournalOp *op)
{
  _limber_reminder_unref (op->reminder);
  g_free (op);
}

static void
journal_run_clear (gpointer data)
{
  JournalRun *run = data;

  g_assert (run->timeout_id == 0);
  g_clear_object (&run->process);
  g_clear_object (&run->cancellable);
  g_clear_pointer (&run->ops, g_ptr_array_unref);
  g_clear_pointer (&run->reply, g_byte_array_unref);
}

static JournalRun *
journal_run_ref (JournalRun *run)
{
  return g_rc_box_acquire (run);
}

static void
journal_run_unref (JournalRun *run)
{
  g_rc_box_release_full (run, journal_run_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JournalRun, journal_run_unref)

static const char *
helper_path (void)
{
  const char *path = g_getenv ("LIMBER_JOURNAL_HELPER");

  return path != NULL && *path != '\0' ? path : LIMBER_LIBEXECDIR "/limber-journal-helper";
}

static GBytes *
build_request (JournalRun *run,
               GDateTime  *midnight)
{
  GString *text = g_string_new (LIMBER_JOURNAL_PROTOCOL_HEADER "\n");

  for (guint i = 0; i < run->ops->len; i++)
    {
      JournalOp *op = g_ptr_array_index (run->ops, i);
      LimberJournalRequest request = { 0, };

      memcpy (request.key, op->reminder->key, sizeof request.key);
      if (op->outcome == LIMBER_REMINDER_OUTCOME_SHOWN)
        {
          request.type = LIMBER_JOURNAL_REQUEST_LOG;
          request.kind = op->reminder->due.kind;
          request.usec = op->reminder->due.due;
          request.catch_up = op->reminder->due.catch_up;
          request.routine_id = op->reminder->routine_id;
          /* a test notification (Preview) counts nowhere */
          request.test = op->reminder->preview;
        }
      else
        {
          request.type = LIMBER_JOURNAL_REQUEST_OUTCOME;
          request.outcome = op->outcome;
        }
      limber_journal_protocol_append_request (text, &request);
    }
  if (run->checkins)
    {
      LimberJournalRequest request = { .type = LIMBER_JOURNAL_REQUEST_CHECKIN };

      request.usec = limber_time_to_usec (midnight);
      limber_journal_protocol_append_request (text, &request);
    }
  return g_string_free_to_bytes (text);
}

static gboolean
on_journal_retry (gpointer user_data)
{
  LimberReminderService *self = user_data;

  self->journal_retry_id = 0;
  _limber_reminder_service_flush_journal (self);
  return G_SOURCE_REMOVE;
}

static void
retry_journal_later (LimberReminderService *self,
                     const char            *reason)
{
  self->journal_backoff = self->journal_backoff == 0 ? JOURNAL_RETRY_FIRST_S
                                                     : MIN (self->journal_backoff * 2, LIMBER_RETRY_MAX_S);
  g_message ("Could not write a reminder to the journal (%s); trying again in %u s",
             reason, self->journal_backoff);
  if (self->journal_retry_id == 0)
    self->journal_retry_id = g_timeout_add_seconds (self->journal_backoff, on_journal_retry, self);
}

/* Why the helper said less than it was asked. */
static char *
describe_short_reply (JournalRun *run)
{
  if (run->reply_too_long)
    return g_strdup_printf ("the journal helper said more than %d bytes", MAX_REPLY);
  if (run->timed_out)
    return g_strdup_printf ("the journal helper took longer than %d s", HELPER_TIMEOUT_S);
  if (g_subprocess_get_if_signaled (run->process))
    return g_strdup_printf ("the journal helper was stopped by signal %d", g_subprocess_get_term_sig (run->process));
  if (g_subprocess_get_if_exited (run->process) && g_subprocess_get_exit_status (run->process) != 0)
    return g_strdup_printf ("the journal helper exited with status %d", g_subprocess_get_exit_status (run->process));
  return g_strdup ("the journal helper stopped short");
}

static void
reply_clear (gpointer data)
{
  g_free (((LimberJournalReply *) data)->message);
}

/* The answers, one per complete line, as many as there were questions, or
 * NULL with @error set if any line is not a valid answer: then nothing of
 * the reply is believed. A last line without its "\n" was cut short. */
static GArray *
parse_reply (JournalRun  *run,
             guint        n_asked,
             GError     **error)
{
  g_autoptr(GArray) replies = g_array_new (FALSE, TRUE, sizeof (LimberJournalReply));
  const char *data = (const char *) run->reply->data;
  gsize len = run->reply->len, pos = 0;

  g_array_set_clear_func (replies, reply_clear);
  while (pos < len)
    {
      const char *end = memchr (data + pos, '\n', len - pos);
      g_autofree char *line = NULL;
      LimberJournalReply reply;
      g_autoptr(GError) local = NULL;

      if (end == NULL)
        break;
      if (replies->len == n_asked)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "more answers than questions");
          return NULL;
        }
      if (memchr (data + pos, '\0', end - (data + pos)) != NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "answer %u: a NUL byte", replies->len + 1);
          return NULL;
        }
      line = g_strndup (data + pos, end - (data + pos));
      if (!limber_journal_protocol_parse_reply (line, &reply, &local))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "answer %u: %s", replies->len + 1, local->message);
          return NULL;
        }
      g_array_append_val (replies, reply);
      pos = end - data + 1;
    }
  return g_steal_pointer (&replies);
}

/* Takes the helper's answers: notes it wrote leave the queue, the others go
 * back to its head, in order, for the next try. */
static void
complete_run (JournalRun *run,
              const char *spawn_error)
{
  LimberReminderService *self = run->self;
  g_autoptr(GArray) replies = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *failure = NULL;
  guint n_asked = run->ops->len + (run->checkins ? 1 : 0);
  gboolean gone = FALSE;
  guint i;

  g_assert (self != NULL);
  if (self->journal_run == run)
    self->journal_run = NULL;

  if (spawn_error != NULL)
    failure = g_strdup_printf ("could not run the journal helper %s: %s", helper_path (), spawn_error);
  else if ((replies = parse_reply (run, n_asked, &error)) == NULL)
    failure = g_strdup_printf ("the journal helper’s reply is not understood (%s)", error->message);

  for (i = 0; failure == NULL && !gone && replies != NULL && i < replies->len; i++)
    {
      LimberJournalReply *reply = &g_array_index (replies, LimberJournalReply, i);
      gboolean is_checkin = i == run->ops->len;

      if (reply->type == LIMBER_JOURNAL_REPLY_RETRY)
        failure = g_strdup (reply->message);
      else if (reply->type == LIMBER_JOURNAL_REPLY_GONE)
        {
          g_message ("Reminders will not be written to the journal: %s", reply->message);
          gone = TRUE;
        }
      else if (is_checkin != (reply->type == LIMBER_JOURNAL_REPLY_CHECKIN))
        failure = g_strdup_printf ("the journal helper’s reply is not understood (answer %u is not to its question)",
                                   i + 1);
      else if (is_checkin)
        {
          if (reply->usec > 0)
            self->state.last_checkin = reply->usec;
        }
      else
        {
          JournalOp *op = g_ptr_array_index (run->ops, i);

          if (reply->type == LIMBER_JOURNAL_REPLY_REFUSED)
            {
              g_message ("The journal refused a reminder: %s", reply->message);
              if (op->outcome == LIMBER_REMINDER_OUTCOME_SHOWN)
                op->reminder->log_refused = TRUE;
            }
          /* written: it leaves the queue below */
          g_clear_pointer (&g_ptr_array_index (run->ops, i), journal_op_free);
        }
    }
  if (failure == NULL && !gone && (replies == NULL || replies->len < n_asked))
    failure = describe_short_reply (run);

  /* What was not answered goes back to the head of the queue, in order. */
  for (guint j = run->ops->len; j > 0; j--)
    {
      JournalOp *op = g_ptr_array_steal_index (run->ops, j - 1);

      if (op != NULL)
        g_queue_push_head (&self->journal_ops, op);
    }

  if (gone)
    {
      self->journal_gone = TRUE;
      /* which file that was: another one in its place is asked again */
      self->gone_existed = g_stat (self->journal_path, &self->gone_stat) == 0;
      g_queue_clear_full (&self->journal_ops, (GDestroyNotify) journal_op_free);
    }
  else if (failure != NULL)
    retry_journal_later (self, failure);
  else
    self->journal_backoff = 0;

  /* Whatever the answer, the check-in reminder waits no longer. */
  if (run->checkins || (self->checkins_wanted && self->journal_retry_id != 0))
    {
      self->checkins_wanted = FALSE;
      self->checkins_fresh = TRUE;
      _limber_reminder_service_process (self);
    }
  _limber_reminder_service_flush_journal (self);
}

static gboolean
on_run_timeout (gpointer user_data)
{
  JournalRun *run = user_data;

  run->timeout_id = 0;
  run->timed_out = TRUE;
  g_subprocess_force_exit (run->process);
  return G_SOURCE_REMOVE;
}

static void
on_run_waited (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  JournalRun *run = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, &error);
  g_clear_handle_id (&run->timeout_id, g_source_remove);
  if (run->self != NULL)
    complete_run (run, NULL);
  journal_run_unref (run);
}

static void
on_reply_read (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  JournalRun *run = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  if (bytes != NULL && g_bytes_get_size (bytes) > 0)
    {
      g_byte_array_append (run->reply, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      if (run->reply->len <= MAX_REPLY)
        {
          g_input_stream_read_bytes_async (G_INPUT_STREAM (source), 4096, G_PRIORITY_DEFAULT,
                                           run->cancellable, on_reply_read, run);
          return;
        }
      run->reply_too_long = TRUE;
      g_byte_array_set_size (run->reply, MAX_REPLY);
      g_subprocess_force_exit (run->process);
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      journal_run_unref (run);
      return;
    }
  /* The end of its output (or of reading it): wait for it to end too. */
  g_subprocess_wait_async (run->process, run->cancellable, on_run_waited, run);
}

static void
on_request_written (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  JournalRun *run = user_data;
  g_autoptr(GError) error = NULL;

  /* A helper that stopped reading says why in its answer or its exit. */
  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (source), result, NULL, &error))
    g_debug ("Could not give the journal helper its request: %s", error->message);
  g_output_stream_close (G_OUTPUT_STREAM (source), NULL, NULL);
  journal_run_unref (run);
}

static void
start_run (LimberReminderService *self)
{
  JournalRun *run = g_rc_box_new0 (JournalRun);
  g_autoptr(GDateTime) now = limber_time_now_local ();
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GBytes) request = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { helper_path (), self->journal_path, NULL };
  JournalOp *op;

  run->self = self;
  run->ops = g_ptr_array_new_with_free_func ((GDestroyNotify) journal_op_free);
  run->reply = g_byte_array_new ();
  run->cancellable = g_cancellable_new ();
  while ((op = g_queue_pop_head (&self->journal_ops)) != NULL)
    {
      /* Its log entry was refused for good; there is nothing to update. */
      if (op->outcome != LIMBER_REMINDER_OUTCOME_SHOWN && op->reminder->log_refused)
        journal_op_free (op);
      else
        g_ptr_array_add (run->ops, op);
    }
  run->checkins = self->checkins_wanted;
  self->checkins_wanted = FALSE;
  if (run->ops->len == 0 && !run->checkins)
    {
      journal_run_unref (run);
      return;
    }

  midnight = limber_time_start_of_today (now);
  request = build_request (run, midnight);
  g_debug ("Running the journal helper for %u notes%s", run->ops->len,
           run->checkins ? " and today’s check-ins" : "");
  run->process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  self->journal_run = run;
  if (run->process == NULL)
    {
      complete_run (run, error->message);
      journal_run_unref (run);
      return;
    }

  g_output_stream_write_all_async (g_subprocess_get_stdin_pipe (run->process),
                                   g_bytes_get_data (request, NULL), g_bytes_get_size (request),
                                   G_PRIORITY_DEFAULT, run->cancellable, on_request_written,
                                   journal_run_ref (run));
  /* the request's bytes must live until it is written */
  g_object_set_data_full (G_OBJECT (run->process), "limber-request", g_bytes_ref (request),
                          (GDestroyNotify) g_bytes_unref);
  /* the first reference goes to the reading, then to the wait */
  g_input_stream_read_bytes_async (g_subprocess_get_stdout_pipe (run->process), 4096, G_PRIORITY_DEFAULT,
                                   run->cancellable, on_reply_read, run);
  run->timeout_id = g_timeout_add_seconds (HELPER_TIMEOUT_S, on_run_timeout, run);
}

/* The journal the helper gave up on may have been replaced since: moved
 * aside by the window after damage, restored from a backup, or made anew.
 * A file other than the one it was (another inode, or the same one
 * changed) is tried again; the service watches nothing meanwhile, it looks
 * when it has something to write or ask. */
static void
recheck_gone_journal (LimberReminderService *self)
{
  GStatBuf now;
  gboolean exists;

  if (!self->journal_gone || self->journal_path == NULL)
    return;

  exists = g_stat (self->journal_path, &now) == 0;
  if (exists == self->gone_existed &&
      (!exists || (now.st_dev == self->gone_stat.st_dev && now.st_ino == self->gone_stat.st_ino &&
                   now.st_mtime == self->gone_stat.st_mtime && now.st_size == self->gone_stat.st_size)))
    return;

  g_message ("The journal %s was replaced; reminders are written to it again", self->journal_path);
  self->journal_gone = FALSE;
  self->journal_backoff = 0;
}

void
_limber_reminder_service_flush_journal (LimberReminderService *self)
{
  if (self->journal_retry_id != 0 || self->journal_run != NULL)
    return;

  recheck_gone_journal (self);

  if (self->journal_gone)
    {
      g_queue_clear_full (&self->journal_ops, (GDestroyNotify) journal_op_free);
      return;
    }

  start_run (self);
}

void
_limber_reminder_service_queue_journal (LimberReminderService *self,
                                        LimberReminder        *r,
                                        LimberReminderOutcome  outcome)
{
  JournalOp *op = g_new0 (JournalOp, 1);

  op->reminder = _limber_reminder_ref (r);
  op->outcome = outcome;
  g_queue_push_tail (&self->journal_ops, op);

  if (self->journal_ops.length > MAX_JOURNAL_OPS)
    {
      g_message ("The journal has been out of reach for long; forgetting the oldest reminder note");
      journal_op_free (g_queue_pop_head (&self->journal_ops));
    }

  _limber_reminder_service_flush_journal (self);
}

/* Whether the schedule would show a check-in reminder now, had it not
 * heard of a check-in today. */
static gboolean
checkin_due (LimberReminderService *self,
             GDateTime             *now)
{
  LimberScheduleState state = self->state;
  LimberDue due;

  for (guint i = 0; i < 8 && limber_schedule_take_due (self->config, &state, now, &due); i++)
    if (due.kind == LIMBER_REMINDER_CHECKIN)
      return TRUE;
  return FALSE;
}

/* The latest check-in today, for the check-in reminder, asked of the
 * helper when a check-in reminder is due. Returns TRUE when it asked:
 * _limber_reminder_service_process() runs again with the answer. Left as
 * it was when the journal cannot be read just now. */
gboolean
_limber_reminder_service_refresh_last_checkin (LimberReminderService *self,
                                               GDateTime             *now)
{
  if (self->checkins_fresh)
    {
      self->checkins_fresh = FALSE;
      return FALSE;
    }
  if (!self->config->checkin)
    return FALSE;
  recheck_gone_journal (self);
  if (self->journal_gone || self->journal_retry_id != 0)
    return FALSE;
  if (!self->checkins_wanted && !checkin_due (self, now))
    return FALSE;

  self->checkins_wanted = TRUE;
  _limber_reminder_service_flush_journal (self);
  return TRUE;
}

/* Last chance for the notes still waiting: the helper is run once more and
 * waited for, its answer unread (a note it could not write is lost, as it
 * would be in any case when the service ends). */
void
_limber_reminder_service_clear_journal (LimberReminderService *self)
{
  g_clear_handle_id (&self->journal_retry_id, g_source_remove);
  if (self->journal_run != NULL)
    {
      JournalRun *run = g_steal_pointer (&self->journal_run);

      /* It may have written some: those are written again, once. */
      for (guint j = run->ops->len; j > 0; j--)
        g_queue_push_head (&self->journal_ops, g_ptr_array_steal_index (run->ops, j - 1));
      run->self = NULL;
      g_clear_handle_id (&run->timeout_id, g_source_remove);
      g_cancellable_cancel (run->cancellable);
    }

  if (!g_queue_is_empty (&self->journal_ops) && !self->journal_gone)
    {
      g_autoptr(JournalRun) run = g_rc_box_new0 (JournalRun);
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GBytes) request = NULL;
      g_autoptr(GError) error = NULL;
      const char *argv[] = { helper_path (), self->journal_path, NULL };
      JournalOp *op;

      run->ops = g_ptr_array_new_with_free_func ((GDestroyNotify) journal_op_free);
      while ((op = g_queue_pop_head (&self->journal_ops)) != NULL)
        g_ptr_array_add (run->ops, op);
      request = build_request (run, NULL);
      process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);
      if (process == NULL || !g_subprocess_communicate (process, request, NULL, NULL, NULL, &error) ||
          !g_subprocess_get_successful (process))
        g_message ("%u reminder notes may not have been written to the journal: %s", run->ops->len,
                   error != NULL ? error->message : "the journal helper failed");
    }
  g_queue_clear_full (&self->journal_ops, (GDestroyNotify) journal_op_free);
  g_clear_pointer (&self->journal_path, g_free);
}
