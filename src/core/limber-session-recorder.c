/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-journal"

#include <glib/gi18n-lib.h>

#include "limber-session-recorder.h"

/* Writes a playing routine to the journal as it goes: the session row when
 * the routine starts, each part (an exercise on one side) as it ends, and
 * the outcome at the end. A crash therefore loses at most the part in
 * progress. A failed write (a full disk, say) is reported through the
 * "error" signal and playing goes on; the next write tries again. */
struct _LimberSessionRecorder
{
  GObject        parent_instance;

  LimberJournal *journal;
  LimberPlayer  *player;
  gint64         session_id;
  /* the start on the wall clock and on the player's monotonic clock: the
   * end is the one plus the time passed on the other, so that a wall clock
   * set back mid-routine cannot put the end before the start */
  GDateTime     *started_at;
  gint64         started_mono;
};

G_DEFINE_FINAL_TYPE (LimberSessionRecorder, limber_session_recorder, G_TYPE_OBJECT)

enum {
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
report (LimberSessionRecorder *self,
        GError                *error)
{
  g_message ("Could not write to the journal: %s", error->message);
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
  g_autoptr(GDateTime) now = NULL;
  LimberRoutine *routine;

  if (self->session_id > 0)
    return TRUE;

  routine = limber_player_get_routine (self->player);
  now = g_date_time_new_now_utc ();
  self->started_mono = limber_clock_now (limber_player_get_clock (self->player));
  self->session_id = limber_journal_start_session (self->journal,
                                                   limber_routine_get_id (routine),
                                                   limber_routine_get_name (routine),
                                                   now,
                                                   limber_routine_get_duration (routine) * 1000,
                                                   &error);
  if (self->session_id <= 0)
    {
      self->session_id = 0;
      report (self, error);
      return FALSE;
    }
  g_clear_pointer (&self->started_at, g_date_time_unref);
  self->started_at = g_steal_pointer (&now);
  return TRUE;
}

static void
on_state (LimberSessionRecorder *self)
{
  if (limber_player_get_state (self->player) == LIMBER_PLAYER_STATE_RUNNING)
    ensure_session (self);
}

static void
on_part_finished (LimberSessionRecorder  *self,
                  const LimberPartRecord *part)
{
  g_autoptr(GError) error = NULL;
  const LimberRoutineStep *step;

  if (!ensure_session (self))
    return;

  step = limber_routine_get_step (limber_player_get_routine (self->player), part->step);
  if (!limber_journal_record_part (self->journal, self->session_id, part->step, part->side,
                                   limber_exercise_get_id (step->exercise),
                                   part->planned_ms, part->done_ms, part->skipped,
                                   active_ms (self), &error))
    report (self, error);
}

static void
on_finished (LimberSessionRecorder *self,
             LimberOutcome          outcome)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  gint64 elapsed;

  if (!ensure_session (self))
    return;

  elapsed = limber_clock_now (limber_player_get_clock (self->player)) - self->started_mono;
  now = g_date_time_add (self->started_at, MAX (elapsed, 0));
  if (!limber_journal_finish_session (self->journal, self->session_id, outcome, now,
                                      active_ms (self), &error))
    report (self, error);
}

static void
limber_session_recorder_dispose (GObject *object)
{
  LimberSessionRecorder *self = LIMBER_SESSION_RECORDER (object);

  if (self->player != NULL)
    g_signal_handlers_disconnect_by_data (self->player, self);
  g_clear_object (&self->player);
  g_clear_object (&self->journal);
  g_clear_pointer (&self->started_at, g_date_time_unref);

  G_OBJECT_CLASS (limber_session_recorder_parent_class)->dispose (object);
}

static void
limber_session_recorder_class_init (LimberSessionRecorderClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = limber_session_recorder_dispose;

  /**
   * LimberSessionRecorder::error:
   * @error: what went wrong, with a message for people
   *
   * A write to the journal failed. Playing goes on.
   */
  signals[ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
limber_session_recorder_init (LimberSessionRecorder *self)
{
}

/**
 * limber_session_recorder_new:
 *
 * Starts recording @player into @journal. Create it before the player
 * starts.
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
 * limber_session_recorder_set_rating:
 * @rating: how the person feels after the routine, 0 to 10
 *
 * Saves the end-of-routine rating with the session.
 */
gboolean
limber_session_recorder_set_rating (LimberSessionRecorder  *self,
                                    int                     rating,
                                    GError                **error)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_RECORDER (self), FALSE);

  if (!ensure_session (self))
    {
      g_set_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_FAILED,
                   _("The session could not be saved, so neither can its rating"));
      return FALSE;
    }
  return limber_journal_set_session_rating (self->journal, self->session_id, rating, error);
}
