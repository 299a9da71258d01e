/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-reminders"

#include "limber-reminder-service-private.h"
#include "limber-time.h"

/* The reminders themselves (LimberReminder, shared by the notifications,
 * the journal queue and the retries) and the service's journal: every
 * reminder and what became of it is written there. Writes that fail
 * because the window holds the journal wait in a queue and are tried again
 * with back-off; the queue forgets its oldest notes past a bound. The
 * journal also tells the check-in reminder of today's last check-in. */

#define JOURNAL_RETRY_FIRST_S 5
#define MAX_JOURNAL_OPS       256

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

/* The journal */

static gboolean
journal_error_is_permanent (const GError *error)
{
  return g_error_matches (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID) ||
         g_error_matches (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_NOT_FOUND);
}

static gboolean
journal_error_is_fatal (const GError *error)
{
  return g_error_matches (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_TOO_NEW) ||
         g_error_matches (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_FOREIGN);
}

static LimberJournal *
ensure_journal (LimberReminderService  *self,
                GError                **error)
{
  if (self->journal == NULL)
    self->journal = limber_journal_open (self->journal_path, error);
  return self->journal;
}

static void
journal_op_free (JournalOp *op)
{
  _limber_reminder_unref (op->reminder);
  g_free (op);
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
                     const GError          *error)
{
  self->journal_backoff = self->journal_backoff == 0 ? JOURNAL_RETRY_FIRST_S
                                                     : MIN (self->journal_backoff * 2, LIMBER_RETRY_MAX_S);
  g_message ("Could not write a reminder to the journal (%s); trying again in %u s",
             error->message, self->journal_backoff);
  if (self->journal_retry_id == 0)
    self->journal_retry_id = g_timeout_add_seconds (self->journal_backoff, on_journal_retry, self);
}

static gboolean
run_journal_op (LimberReminderService  *self,
                JournalOp              *op,
                GError                **error)
{
  LimberReminder *r = op->reminder;

  if (op->outcome == LIMBER_REMINDER_OUTCOME_SHOWN)
    {
      g_autoptr(GDateTime) due = limber_time_from_usec (r->due.due);

      r->journal_id = limber_journal_log_reminder (self->journal, r->due.kind,
                                                   r->routine_id, due, r->due.catch_up, error);
      return r->journal_id > 0;
    }

  /* Its log entry was refused for good; there is nothing to update. */
  if (r->journal_id <= 0)
    return TRUE;

  return limber_journal_set_reminder_outcome (self->journal, r->journal_id, op->outcome, error);
}

void
_limber_reminder_service_flush_journal (LimberReminderService *self)
{
  JournalOp *op;

  if (self->journal_retry_id != 0)
    return;

  while ((op = g_queue_peek_head (&self->journal_ops)) != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (self->journal_gone)
        {
          journal_op_free (g_queue_pop_head (&self->journal_ops));
          continue;
        }

      if (ensure_journal (self, &error) == NULL)
        {
          if (journal_error_is_fatal (error))
            {
              g_message ("Reminders will not be written to the journal: %s", error->message);
              self->journal_gone = TRUE;
              continue;
            }
          retry_journal_later (self, error);
          return;
        }

      if (!run_journal_op (self, op, &error))
        {
          if (!journal_error_is_permanent (error))
            {
              /* Busy, or the file went away: open it afresh next time. */
              if (!g_error_matches (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_BUSY))
                g_clear_object (&self->journal);
              retry_journal_later (self, error);
              return;
            }
          g_message ("The journal refused a reminder: %s", error->message);
        }

      journal_op_free (g_queue_pop_head (&self->journal_ops));
    }

  self->journal_backoff = 0;
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

/* The latest check-in today, for the check-in reminder. Left as it was
 * when the journal cannot be read just now. */
void
_limber_reminder_service_refresh_last_checkin (LimberReminderService *self,
                                               GDateTime             *now)
{
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GError) error = NULL;

  if (!self->config->checkin || self->journal_gone || self->journal_retry_id != 0)
    return;
  if (ensure_journal (self, &error) == NULL)
    {
      g_message ("Could not read today’s check-ins: %s", error->message);
      return;
    }

  midnight = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                    g_date_time_get_day_of_month (now), 0, 0, 0);
  checkins = limber_journal_list_checkins (self->journal, midnight, NULL, &error);
  if (checkins == NULL)
    {
      g_message ("Could not read today’s check-ins: %s", error->message);
      return;
    }

  if (checkins->len > 0)
    {
      LimberCheckin *last = g_ptr_array_index (checkins, checkins->len - 1);

      self->state.last_checkin = limber_time_to_usec (last->time);
    }
}

/* Last chance for the notes still waiting, then the journal is closed. */
void
_limber_reminder_service_clear_journal (LimberReminderService *self)
{
  g_clear_handle_id (&self->journal_retry_id, g_source_remove);
  if (!g_queue_is_empty (&self->journal_ops))
    _limber_reminder_service_flush_journal (self);
  g_queue_clear_full (&self->journal_ops, (GDestroyNotify) journal_op_free);
  g_clear_handle_id (&self->journal_retry_id, g_source_remove);
  g_clear_object (&self->journal);
  g_clear_pointer (&self->journal_path, g_free);
}
