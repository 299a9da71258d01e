/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-journal"

#include <glib/gi18n-lib.h>

#include "limber-session-recorder.h"

/* Writes a playing routine to the journal as it goes: the session row when
 * the routine starts, each part (an exercise on one side) as it ends, and
 * the outcome at the end. A crash therefore loses at most the part in
 * progress. A failed write (a full disk, say) is reported through the
 * "error" signal and playing goes on: the parts that could not be written
 * wait in memory, in order, and are written first on the next write, at
 * the end of the routine, and when the rating is saved. A session is only
 * written as finished once every part before its end is in the journal. */

/* A part as the journal will hold it, and the session's active time then */
typedef struct
{
  LimberPartInfo part;
  guint          active_ms;
} PendingPart;

struct _LimberSessionRecorder
{
  GObject        parent_instance;

  LimberJournal *journal;
  LimberPlayer  *player;
  gint64         session_id;
  GQueue         pending;       /* PendingPart, oldest first */
  GError        *last_error;    /* why the pending parts are not written */
  /* the start on the wall clock and on the player's monotonic clock: the
   * end is the one plus the time passed on the other, so that a wall clock
   * set back mid-routine cannot put the end before the start */
  GDateTime     *started_at;    /* kept for a session row written late */
  gint64         started_mono;
  GDateTime     *ended_at;
  guint          ended_active_ms;
  LimberOutcome  outcome;
  gboolean       ended;         /* the player finished */
  gboolean       finish_saved;
};

G_DEFINE_FINAL_TYPE (LimberSessionRecorder, limber_session_recorder, G_TYPE_OBJECT)

enum {
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
pending_part_free (PendingPart *part)
{
  g_free (part->part.exercise_id);
  g_free (part);
}

static void
report (LimberSessionRecorder *self,
        GError                *error)
{
  g_message ("Could not write to the journal: %s", error->message);
  g_clear_error (&self->last_error);
  self->last_error = g_error_copy (error);
  g_signal_emit (self, signals[ERROR], 0, error);
}

static guint
active_ms (LimberSessionRecorder *self)
{
  return (guint) (limber_player_get_active_time (self->player) / 1000);
}

static gboolean
ensure_session (LimberSessionRecorder *self)
{
  g_autoptr(GError) error = NULL;
  LimberRoutine *routine;

  if (self->session_id > 0)
    return TRUE;

  routine = limber_player_get_routine (self->player);
  if (self->started_at == NULL)
    {
      self->started_at = g_date_time_new_now_utc ();
      self->started_mono = limber_clock_now (limber_player_get_clock (self->player));
    }
  self->session_id = limber_journal_start_session (self->journal,
                                                   limber_routine_get_id (routine),
                                                   limber_routine_get_name (routine),
                                                   self->started_at,
                                                   limber_routine_get_duration (routine) * 1000,
                                                   &error);
  if (self->session_id <= 0)
    {
      self->session_id = 0;
      report (self, error);
      return FALSE;
    }
  return TRUE;
}

/* Writes the waiting parts, oldest first, and then the end of the session
 * once the player has finished. Stops at the first write that fails. */
static gboolean
flush (LimberSessionRecorder *self)
{
  if (!ensure_session (self))
    return FALSE;

  while (!g_queue_is_empty (&self->pending))
    {
      g_autoptr(GError) error = NULL;
      PendingPart *part = g_queue_peek_head (&self->pending);

      if (!limber_journal_record_part (self->journal, self->session_id, part->part.step, part->part.side,
                                       part->part.exercise_id, part->part.planned_ms, part->part.done_ms,
                                       part->part.skipped, part->active_ms, &error))
        {
          report (self, error);
          return FALSE;
        }
      pending_part_free (g_queue_pop_head (&self->pending));
    }

  if (self->ended && !self->finish_saved)
    {
      g_autoptr(GError) error = NULL;

      if (!limber_journal_finish_session (self->journal, self->session_id, self->outcome,
                                          self->ended_at, self->ended_active_ms, &error))
        {
          report (self, error);
          return FALSE;
        }
      self->finish_saved = TRUE;
    }

  g_clear_error (&self->last_error);
  return TRUE;
}

static void
on_state (LimberSessionRecorder *self)
{
  if (limber_player_get_state (self->player) == LIMBER_PLAYER_STATE_RUNNING)
    flush (self);
}

static void
on_part_finished (LimberSessionRecorder  *self,
                  const LimberPartRecord *record)
{
  const LimberRoutineStep *step;
  PendingPart *part;

  step = limber_routine_get_step (limber_player_get_routine (self->player), record->step);
  part = g_new0 (PendingPart, 1);
  part->part.step = record->step;
  part->part.side = record->side;
  part->part.exercise_id = g_strdup (limber_exercise_get_id (step->exercise));
  part->part.planned_ms = record->planned_ms;
  part->part.done_ms = record->done_ms;
  part->part.skipped = record->skipped;
  part->active_ms = active_ms (self);
  g_queue_push_tail (&self->pending, part);

  flush (self);
}

static void
on_finished (LimberSessionRecorder *self,
             LimberOutcome          outcome)
{
  gint64 elapsed;

  self->ended = TRUE;
  self->outcome = outcome;
  elapsed = limber_clock_now (limber_player_get_clock (self->player)) - self->started_mono;
  self->ended_at = self->started_at != NULL ? g_date_time_add (self->started_at, MAX (elapsed, 0))
                                            : g_date_time_new_now_utc ();
  self->ended_active_ms = active_ms (self);
  flush (self);
}

static void
limber_session_recorder_dispose (GObject *object)
{
  LimberSessionRecorder *self = LIMBER_SESSION_RECORDER (object);

  /* A last try; what still cannot be written leaves the session in
   * progress, to be marked interrupted at the next start. */
  if (self->player != NULL && self->ended &&
      (!self->finish_saved || !g_queue_is_empty (&self->pending)))
    flush (self);

  if (self->player != NULL)
    g_signal_handlers_disconnect_by_data (self->player, self);
  g_clear_object (&self->player);
  g_clear_object (&self->journal);
  g_queue_clear_full (&self->pending, (GDestroyNotify) pending_part_free);

  G_OBJECT_CLASS (limber_session_recorder_parent_class)->dispose (object);
}

static void
limber_session_recorder_finalize (GObject *object)
{
  LimberSessionRecorder *self = LIMBER_SESSION_RECORDER (object);

  g_clear_error (&self->last_error);
  g_clear_pointer (&self->started_at, g_date_time_unref);
  g_clear_pointer (&self->ended_at, g_date_time_unref);

  G_OBJECT_CLASS (limber_session_recorder_parent_class)->finalize (object);
}

static void
limber_session_recorder_class_init (LimberSessionRecorderClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = limber_session_recorder_dispose;
  G_OBJECT_CLASS (klass)->finalize = limber_session_recorder_finalize;

  /**
   * LimberSessionRecorder::error:
   * @error: what went wrong, with a message for people
   *
   * A write to the journal failed. Playing goes on, and what was not
   * written is tried again on the next write.
   */
  signals[ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
limber_session_recorder_init (LimberSessionRecorder *self)
{
  g_queue_init (&self->pending);
}

/**
 * limber_session_recorder_new:
 *
 * Starts recording @player into @journal. Create it before the player
 * starts, and before connecting to the player's signals anything that
 * wants to know what was saved (limber_session_recorder_get_n_unsaved()).
 */
LimberSessionRecorder *
limber_session_recorder_new (LimberJournal *journal,
                             LimberPlayer  *player)
{
  LimberSessionRecorder *self;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (LIMBER_IS_PLAYER (player), NULL);

  self = g_object_new (LIMBER_TYPE_SESSION_RECORDER, NULL);
  self->journal = g_object_ref (journal);
  self->player = g_object_ref (player);

  g_signal_connect_swapped (player, "notify::state", G_CALLBACK (on_state), self);
  g_signal_connect_swapped (player, "part-finished", G_CALLBACK (on_part_finished), self);
  g_signal_connect_swapped (player, "finished", G_CALLBACK (on_finished), self);

  if (limber_player_get_state (player) == LIMBER_PLAYER_STATE_RUNNING)
    ensure_session (self);

  return self;
}

/**
 * limber_session_recorder_get_session_id:
 *
 * Returns: the journal's id for the session, or 0 before it is written.
 */
gint64
limber_session_recorder_get_session_id (LimberSessionRecorder *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_RECORDER (self), 0);
  return self->session_id;
}

/**
 * limber_session_recorder_retry:
 *
 * Tries again to write what is waiting: parts that could not be written,
 * and the end of the session.
 *
 * Returns: %TRUE when everything so far is in the journal
 */
gboolean
limber_session_recorder_retry (LimberSessionRecorder  *self,
                               GError                **error)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_RECORDER (self), FALSE);

  if (!flush (self))
    {
      if (error != NULL && self->last_error != NULL)
        *error = g_error_copy (self->last_error);
      return FALSE;
    }
  return TRUE;
}

/**
 * limber_session_recorder_get_n_unsaved:
 *
 * Returns: how many finished steps (exercises) have a part that is not in
 *   the journal yet; every step, when the session itself could not be
 *   written
 */
guint
limber_session_recorder_get_n_unsaved (LimberSessionRecorder *self)
{
  g_autoptr(GHashTable) steps = NULL;

  g_return_val_if_fail (LIMBER_IS_SESSION_RECORDER (self), 0);

  steps = g_hash_table_new (NULL, NULL);
  for (GList *l = self->pending.head; l != NULL; l = l->next)
    g_hash_table_add (steps, GUINT_TO_POINTER (((PendingPart *) l->data)->part.step));
  return g_hash_table_size (steps);
}

/**
 * limber_session_recorder_get_unsaved_error:
 *
 * Returns: (nullable): why the last write failed, while something is still
 *   waiting to be written; %NULL when everything is saved
 */
const GError *
limber_session_recorder_get_unsaved_error (LimberSessionRecorder *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_RECORDER (self), NULL);
  return self->last_error;
}

/**
 * limber_session_recorder_set_rating:
 * @rating: how the person feels after the routine, 0 to 10
 *
 * Saves the end-of-routine rating with the session, after writing what
 * was still waiting.
 */
gboolean
limber_session_recorder_set_rating (LimberSessionRecorder  *self,
                                    int                     rating,
                                    GError                **error)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_RECORDER (self), FALSE);

  flush (self);
  if (self->session_id <= 0)
    {
      g_set_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_FAILED,
                   _("The session could not be saved, so neither can its rating"));
      return FALSE;
    }
  return limber_journal_set_session_rating (self->journal, self->session_id, rating, error);
}
