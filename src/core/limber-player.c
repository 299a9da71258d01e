/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-player"

#include "limber-player-private.h"

/* The timer state machine that plays a routine.
 *
 * Timing. The player keeps the deadline of the current phase on the clock
 * and exactly one clock timeout while running: at the next countdown mark
 * or at the deadline, whichever comes first. It never counts ticks. When a
 * phase ends on time, the next one starts at the old deadline, not at the
 * moment the timeout ran, so the latency of the main loop never adds up:
 * a routine played through ends at start + planned length + paused time.
 * Remaining time is always deadline − now.
 *
 * Countdown. PREPARE, HOLD and REPETITIONS phases emit "countdown" with 3,
 * 2 and 1 seconds left, except for marks at or before the phase's start (a
 * 3 s phase counts 2 and 1, a 1 s phase nothing).
 *
 * Parts. A part is one step on one side (or a one-sided step): its
 * prepare, holds or counted moves, set rests and, for the right side, the
 * switch. Rests between steps belong to no part. "part-finished" is
 * emitted whenever the player leaves a part, however it leaves, with the
 * planned work time, the work time actually spent running (paused time is
 * not work, and time before a restart of the phase counts) and whether it
 * fell short. Jumping forward over parts emits them too, as skipped with
 * nothing done. Jumping back and playing a part again emits it again when
 * it is left; the last record of a part is the one that counts.
 *
 * Controls. Pause freezes what remains of the phase; resume starts a new
 * deadline from it. Skip, next, previous and restart also work while
 * paused: the player stays paused at the phase it moved to, with its full
 * length ahead. Controls before start() or after the end do nothing.
 * Previous works like a music player's: after more than 3 s of the current
 * step's work it restarts the step, otherwise it goes to the step before.
 *
 * Signal handlers may call any control; if a handler moves the player, the
 * signals still due for the move it interrupted are not emitted. */

#define PREVIOUS_RESTARTS_AFTER (3 * G_USEC_PER_SEC)
#define COUNTDOWN_FROM 3

G_DEFINE_FINAL_TYPE (LimberPlayer, limber_player, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (LimberPlayerState, limber_player_state,
  G_DEFINE_ENUM_VALUE (LIMBER_PLAYER_STATE_READY, "ready"),
  G_DEFINE_ENUM_VALUE (LIMBER_PLAYER_STATE_RUNNING, "running"),
  G_DEFINE_ENUM_VALUE (LIMBER_PLAYER_STATE_PAUSED, "paused"),
  G_DEFINE_ENUM_VALUE (LIMBER_PLAYER_STATE_FINISHED, "finished"))

enum {
  PROP_0,
  PROP_ROUTINE,
  PROP_CLOCK,
  PROP_STATE,
  PROP_OUTCOME,
  PROP_PHASE_INDEX,
  N_PROPS
};

enum {
  PHASE_CHANGED,
  COUNTDOWN,
  PART_FINISHED,
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean on_timeout (gpointer user_data);

static gboolean
part_of (const LimberPhase *phase,
         guint             *step,
         LimberSide        *side)
{
  if (phase->kind == LIMBER_PHASE_REST)
    return FALSE;
  *step = phase->step;
  *side = phase->side;
  return TRUE;
}

static guint
planned_ms (LimberPlayer *self,
            guint         step,
            LimberSide    side)
{
  guint total = 0;

  for (guint i = 0; i < self->phases->len; i++)
    {
      const LimberPhase *phase = phase_at (self, i);

      if (phase->step == step && phase->side == side && is_work (phase->kind))
        total += phase->duration_ms;
    }
  return total;
}

/* The largest mark strictly after the phase's start. */
static guint
first_mark (const LimberPhase *phase)
{
  if (phase->kind != LIMBER_PHASE_PREPARE && !is_work (phase->kind))
    return 0;
  if (phase->duration_ms == 0)
    return 0;
  return MIN (COUNTDOWN_FROM, (phase->duration_ms - 1) / 1000);
}

static void
cancel_timeout (LimberPlayer *self)
{
  if (self->timeout_id != 0)
    {
      limber_clock_remove_timeout (self->clock, self->timeout_id);
      self->timeout_id = 0;
    }
}

static void
schedule (LimberPlayer *self)
{
  gint64 when = self->deadline;

  cancel_timeout (self);

  if (self->state != LIMBER_PLAYER_STATE_RUNNING)
    return;

  if (self->next_mark > 0)
    when -= self->next_mark * G_USEC_PER_SEC;
  self->timeout_id = limber_clock_add_timeout (self->clock, when, on_timeout, self, NULL);
}

/* Credits the running time since the last stretch began, up to @t, to the
 * current part and step if the current phase is work. */
static void
account_work (LimberPlayer *self,
              gint64        t)
{
  gint64 spent;

  if (self->state != LIMBER_PLAYER_STATE_RUNNING)
    return;

  spent = MAX (0, t - self->segment_start);
  self->segment_start = t;

  if (!is_work (phase_at (self, self->index)->kind))
    return;

  if (self->in_part)
    self->part_done += spent;
  self->step_work += spent;
}

static void
add_record (GArray     *records,
            guint       step,
            LimberSide  side,
            guint       planned,
            gint64      done)
{
  LimberPartRecord record = {
    step, side, planned, (guint) MIN (done / 1000, G_MAXUINT), done / 1000 < planned,
  };

  g_array_append_val (records, record);
}

/* Ends the current phase at @t for a move to @target (phases->len for the
 * end) and returns the records of the parts the move leaves: the current
 * one if the move leaves it (a @jump always does) and, with @skip_over,
 * those between the two that were never entered. */
static GArray *
leave (LimberPlayer *self,
       guint         target,
       gint64        t,
       gboolean      jump,
       gboolean      skip_over)
{
  GArray *records = g_array_new (FALSE, FALSE, sizeof (LimberPartRecord));
  guint new_step = 0;
  LimberSide new_side = LIMBER_SIDE_NONE;
  gboolean has_new;

  account_work (self, t);

  has_new = target < self->phases->len && part_of (phase_at (self, target), &new_step, &new_side);

  if (self->in_part &&
      (jump || !has_new || new_step != self->part_step || new_side != self->part_side))
    {
      add_record (records, self->part_step, self->part_side,
                  planned_ms (self, self->part_step, self->part_side), self->part_done);
      self->in_part = FALSE;
    }

  for (guint i = self->index + 1; skip_over && i < target; i++)
    {
      const LimberPartRecord *last;
      guint step;
      LimberSide side;

      if (!part_of (phase_at (self, i), &step, &side))
        continue;
      if (self->in_part && step == self->part_step && side == self->part_side)
        continue;
      if (has_new && step == new_step && side == new_side)
        continue;
      last = records->len > 0 ? &g_array_index (records, LimberPartRecord, records->len - 1) : NULL;
      if (last != NULL && last->step == step && last->side == side)
        continue;
      add_record (records, step, side, planned_ms (self, step, side), 0);
    }

  return records;
}

/* Makes @index the current phase, starting at @t, or with its whole length
 * frozen while paused. */
static void
enter (LimberPlayer *self,
       guint         index,
       gint64        t,
       gboolean      jump)
{
  const LimberPhase *phase = phase_at (self, index);
  guint step;
  LimberSide side;

  self->index = index;
  self->generation++;

  if (!self->in_part && part_of (phase, &step, &side))
    {
      self->in_part = TRUE;
      self->part_step = step;
      self->part_side = side;
      self->part_done = 0;
    }

  if (jump || phase->step != self->step)
    {
      self->step = phase->step;
      self->step_work = 0;
    }

  self->next_mark = first_mark (phase);
  self->segment_start = t;
  if (self->state == LIMBER_PLAYER_STATE_PAUSED)
    self->frozen = ms_to_us (phase->duration_ms);
  else
    self->deadline = t + ms_to_us (phase->duration_ms);

  schedule (self);
}

/* Emits the records of parts left behind; FALSE if a handler moved the
 * player meanwhile. */
static gboolean
emit_records (LimberPlayer *self,
              GArray       *records,
              guint         generation)
{
  for (guint i = 0; i < records->len; i++)
    {
      g_signal_emit (self, signals[PART_FINISHED], 0, &g_array_index (records, LimberPartRecord, i));
      if (self->generation != generation)
        return FALSE;
    }
  return TRUE;
}

static void
finish (LimberPlayer  *self,
        GArray        *records,
        LimberOutcome  outcome,
        gint64         t)
{
  g_autoptr(LimberPlayer) hold = g_object_ref (self);
  guint generation;

  g_debug ("Finished %s %" G_GINT64_FORMAT " ms after the start",
           limber_outcome_to_string (outcome), (t - self->started_at) / 1000);

  cancel_timeout (self);
  if (self->state == LIMBER_PLAYER_STATE_PAUSED)
    self->paused_total += t - self->paused_at;

  self->state = LIMBER_PLAYER_STATE_FINISHED;
  self->outcome = outcome;
  self->finished_at = t;
  self->index = self->phases->len;
  self->in_part = FALSE;
  generation = ++self->generation;

  if (!emit_records (self, records, generation))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE_INDEX]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTCOME]);
  g_signal_emit (self, signals[FINISHED], 0, outcome);
}

/* Moves to phase @target (or finishes, completed, at phases->len) as of
 * time @t. */
static void
move_to (LimberPlayer *self,
         guint         target,
         gint64        t,
         gboolean      jump,
         gboolean      skip_over)
{
  g_autoptr(LimberPlayer) hold = g_object_ref (self);
  g_autoptr(GArray) records = leave (self, target, t, jump, skip_over);
  guint old_index = self->index;
  guint generation;

  if (target >= self->phases->len)
    {
      finish (self, records, LIMBER_OUTCOME_COMPLETED, t);
      return;
    }

  enter (self, target, t, jump);
  generation = self->generation;

  g_debug ("Phase %u of %u from %" G_GINT64_FORMAT " ms after the start",
           target, self->phases->len, (t - self->started_at) / 1000);

  if (!emit_records (self, records, generation))
    return;

  g_signal_emit (self, signals[PHASE_CHANGED], 0, target);
  if (self->generation != generation)
    return;

  if (old_index != target)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE_INDEX]);
}

static gboolean
on_timeout (gpointer user_data)
{
  LimberPlayer *self = user_data;

  g_assert (LIMBER_IS_PLAYER (self));
  g_assert (self->state == LIMBER_PLAYER_STATE_RUNNING);

  self->timeout_id = 0;

  if (self->next_mark > 0)
    {
      g_autoptr(LimberPlayer) hold = g_object_ref (self);
      guint seconds_left = self->next_mark;

      self->next_mark--;
      schedule (self);
      g_signal_emit (self, signals[COUNTDOWN], 0, seconds_left);
    }
  else
    {
      /* The next phase starts at this deadline, however late we are. */
      move_to (self, self->index + 1, self->deadline, FALSE, FALSE);
    }

  return G_SOURCE_REMOVE;
}

static gboolean
is_playing (LimberPlayer *self)
{
  return self->state == LIMBER_PLAYER_STATE_RUNNING ||
         self->state == LIMBER_PLAYER_STATE_PAUSED;
}

static void
limber_player_constructed (GObject *object)
{
  LimberPlayer *self = (LimberPlayer *) object;

  G_OBJECT_CLASS (limber_player_parent_class)->constructed (object);

  g_assert (self->routine != NULL);
  g_assert (self->clock != NULL);

  self->phases = limber_routine_build_phases (self->routine);
}

static void
limber_player_dispose (GObject *object)
{
  LimberPlayer *self = (LimberPlayer *) object;

  if (self->clock != NULL)
    cancel_timeout (self);
  g_clear_object (&self->clock);
  g_clear_object (&self->routine);

  G_OBJECT_CLASS (limber_player_parent_class)->dispose (object);
}

static void
limber_player_finalize (GObject *object)
{
  LimberPlayer *self = (LimberPlayer *) object;

  g_clear_pointer (&self->phases, g_array_unref);

  G_OBJECT_CLASS (limber_player_parent_class)->finalize (object);
}

static void
limber_player_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LimberPlayer *self = LIMBER_PLAYER (object);

  switch (prop_id)
    {
    case PROP_ROUTINE:
      g_value_set_object (value, self->routine);
      break;

    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_OUTCOME:
      g_value_set_enum (value, self->outcome);
      break;

    case PROP_PHASE_INDEX:
      g_value_set_uint (value, self->index);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_player_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LimberPlayer *self = LIMBER_PLAYER (object);

  switch (prop_id)
    {
    case PROP_ROUTINE:
      self->routine = g_value_dup_object (value);
      break;

    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_player_class_init (LimberPlayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = limber_player_constructed;
  object_class->dispose = limber_player_dispose;
  object_class->finalize = limber_player_finalize;
  object_class->get_property = limber_player_get_property;
  object_class->set_property = limber_player_set_property;

  properties[PROP_ROUTINE] =
    g_param_spec_object ("routine", NULL, NULL,
                         LIMBER_TYPE_ROUTINE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL,
                         LIMBER_TYPE_CLOCK,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       LIMBER_TYPE_PLAYER_STATE,
                       LIMBER_PLAYER_STATE_READY,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_OUTCOME] =
    g_param_spec_enum ("outcome", NULL, NULL,
                       LIMBER_TYPE_OUTCOME,
                       LIMBER_OUTCOME_IN_PROGRESS,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PHASE_INDEX] =
    g_param_spec_uint ("phase-index", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LimberPlayer::phase-changed:
   * @index: the phase entered
   *
   * A phase was entered: the first on start, the next one when a phase
   * ends or is skipped, the target of a jump, and the same phase again
   * when it is restarted.
   */
  signals[PHASE_CHANGED] =
    g_signal_new ("phase-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL,
                  g_cclosure_marshal_VOID__UINT,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
  g_signal_set_va_marshaller (signals[PHASE_CHANGED],
                              G_TYPE_FROM_CLASS (klass),
                              g_cclosure_marshal_VOID__UINTv);

  /**
   * LimberPlayer::countdown:
   * @seconds_left: 3, 2 or 1
   *
   * The end of a getting-ready, hold or counted phase is near.
   */
  signals[COUNTDOWN] =
    g_signal_new ("countdown",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL,
                  g_cclosure_marshal_VOID__UINT,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
  g_signal_set_va_marshaller (signals[COUNTDOWN],
                              G_TYPE_FROM_CLASS (klass),
                              g_cclosure_marshal_VOID__UINTv);

  /**
   * LimberPlayer::part-finished:
   * @record: (type gpointer): a `const LimberPartRecord *`, valid only
   *   during the emission
   *
   * The player left a part (one step on one side), or jumped over it.
   */
  signals[PART_FINISHED] =
    g_signal_new ("part-finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL,
                  g_cclosure_marshal_VOID__POINTER,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);
  g_signal_set_va_marshaller (signals[PART_FINISHED],
                              G_TYPE_FROM_CLASS (klass),
                              g_cclosure_marshal_VOID__POINTERv);

  /**
   * LimberPlayer::finished:
   * @outcome: a #LimberOutcome
   *
   * The session is over, after the last part's "part-finished".
   */
  signals[FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL,
                  g_cclosure_marshal_VOID__ENUM,
                  G_TYPE_NONE, 1, LIMBER_TYPE_OUTCOME);
  g_signal_set_va_marshaller (signals[FINISHED],
                              G_TYPE_FROM_CLASS (klass),
                              g_cclosure_marshal_VOID__ENUMv);
}

static void
limber_player_init (LimberPlayer *self)
{
  self->state = LIMBER_PLAYER_STATE_READY;
  self->outcome = LIMBER_OUTCOME_IN_PROGRESS;
}

/**
 * limber_player_new:
 * @routine: the routine to play
 * @clock: the time source, usually limber_system_clock_get_default()
 *
 * Returns: (transfer full): a player, ready at the routine's first phase
 */
LimberPlayer *
limber_player_new (LimberRoutine *routine,
                   LimberClock   *clock)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (routine), NULL);
  g_return_val_if_fail (LIMBER_IS_CLOCK (clock), NULL);

  return g_object_new (LIMBER_TYPE_PLAYER,
                       "routine", routine,
                       "clock", clock,
                       NULL);
}

/**
 * limber_player_start:
 * @self: a player
 *
 * Starts playing from the first phase. Does nothing unless ready.
 */
void
limber_player_start (LimberPlayer *self)
{
  g_autoptr(LimberPlayer) hold = NULL;
  guint generation;
  gint64 now;

  g_return_if_fail (LIMBER_IS_PLAYER (self));

  if (self->state != LIMBER_PLAYER_STATE_READY)
    return;

  hold = g_object_ref (self);
  now = limber_clock_now (self->clock);
  self->started_at = now;
  self->state = LIMBER_PLAYER_STATE_RUNNING;

  if (self->phases->len == 0)
    {
      g_autoptr(GArray) records = g_array_new (FALSE, FALSE, sizeof (LimberPartRecord));

      finish (self, records, LIMBER_OUTCOME_COMPLETED, now);
      return;
    }

  enter (self, 0, now, TRUE);
  generation = self->generation;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  if (self->generation == generation)
    g_signal_emit (self, signals[PHASE_CHANGED], 0, 0);
}

/**
 * limber_player_pause:
 * @self: a player
 *
 * Freezes the current phase. Does nothing unless running.
 */
void
limber_player_pause (LimberPlayer *self)
{
  gint64 now;

  g_return_if_fail (LIMBER_IS_PLAYER (self));

  if (self->state != LIMBER_PLAYER_STATE_RUNNING)
    return;

  now = limber_clock_now (self->clock);
  account_work (self, now);
  cancel_timeout (self);
  self->frozen = MAX (0, self->deadline - now);
  self->paused_at = now;
  self->state = LIMBER_PLAYER_STATE_PAUSED;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

/**
 * limber_player_resume:
 * @self: a player
 *
 * Goes on with what remained of the phase when it was paused. Does nothing
 * unless paused.
 */
void
limber_player_resume (LimberPlayer *self)
{
  gint64 now;

  g_return_if_fail (LIMBER_IS_PLAYER (self));

  if (self->state != LIMBER_PLAYER_STATE_PAUSED)
    return;

  now = limber_clock_now (self->clock);
  self->paused_total += now - self->paused_at;
  self->deadline = now + self->frozen;
  self->segment_start = now;
  self->state = LIMBER_PLAYER_STATE_RUNNING;
  schedule (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

/**
 * limber_player_toggle_pause:
 * @self: a player
 *
 * Pauses a running player or resumes a paused one.
 */
void
limber_player_toggle_pause (LimberPlayer *self)
{
  g_return_if_fail (LIMBER_IS_PLAYER (self));

  if (self->state == LIMBER_PLAYER_STATE_RUNNING)
    limber_player_pause (self);
  else if (self->state == LIMBER_PLAYER_STATE_PAUSED)
    limber_player_resume (self);
}

/**
 * limber_player_skip_phase:
 * @self: a player
 *
 * Ends the current phase now and enters the next one; after the last phase
 * the routine is completed. Cutting a hold or counted phase short marks its
 * part as skipped.
 */
void
limber_player_skip_phase (LimberPlayer *self)
{
  g_return_if_fail (LIMBER_IS_PLAYER (self));

  if (!is_playing (self))
    return;

  move_to (self, self->index + 1, limber_clock_now (self->clock), FALSE, FALSE);
}

/**
 * limber_player_next_exercise:
 * @self: a player
 *
 * Goes to the first phase of the next step. From the last step the routine
 * is completed, with what is left of the step marked as skipped.
 */
void
limber_player_next_exercise (LimberPlayer *self)
{
  guint step;
  guint target;

  g_return_if_fail (LIMBER_IS_PLAYER (self));

  if (!is_playing (self))
    return;

  step = phase_at (self, self->index)->step;
  for (target = self->index + 1; target < self->phases->len; target++)
    {
      if (phase_at (self, target)->step > step)
        break;
    }

  move_to (self, target, limber_clock_now (self->clock), FALSE, TRUE);
}

/**
 * limber_player_previous_exercise:
 * @self: a player
 *
 * Like a music player's Previous: after more than 3 s of the current
 * step's work, starts the step again from its first phase; earlier than
 * that (getting ready included), goes to the first phase of the step
 * before. The first step starts again.
 */
void
limber_player_previous_exercise (LimberPlayer *self)
{
  gint64 now;
  guint step;
  guint target;

  g_return_if_fail (LIMBER_IS_PLAYER (self));

  if (!is_playing (self))
    return;

  now = limber_clock_now (self->clock);
  account_work (self, now);

  step = phase_at (self, self->index)->step;
  if (self->step_work <= PREVIOUS_RESTARTS_AFTER && step > 0)
    step--;

  for (target = 0; phase_at (self, target)->step < step; target++)
    ;

  move_to (self, target, now, TRUE, FALSE);
}

/**
 * limber_player_restart_phase:
 * @self: a player
 *
 * Starts the current phase again with its full length. Work already done
 * in it still counts for its part.
 */
void
limber_player_restart_phase (LimberPlayer *self)
{
  g_autoptr(LimberPlayer) hold = NULL;
  const LimberPhase *phase;
  gint64 now;

  g_return_if_fail (LIMBER_IS_PLAYER (self));

  if (!is_playing (self))
    return;

  hold = g_object_ref (self);
  now = limber_clock_now (self->clock);
  phase = phase_at (self, self->index);

  account_work (self, now);
  self->next_mark = first_mark (phase);
  self->segment_start = now;
  if (self->state == LIMBER_PLAYER_STATE_PAUSED)
    self->frozen = ms_to_us (phase->duration_ms);
  else
    self->deadline = now + ms_to_us (phase->duration_ms);
  schedule (self);
  self->generation++;

  g_signal_emit (self, signals[PHASE_CHANGED], 0, self->index);
}

/**
 * limber_player_stop:
 * @self: a player
 * @for_pain: whether the user stopped because something hurt
 *
 * Ends the session early, recording the current part as far as it went.
 */
void
limber_player_stop (LimberPlayer *self,
                    gboolean      for_pain)
{
  g_autoptr(GArray) records = NULL;
  gint64 now;

  g_return_if_fail (LIMBER_IS_PLAYER (self));

  if (!is_playing (self))
    return;

  now = limber_clock_now (self->clock);
  records = leave (self, self->phases->len, now, FALSE, FALSE);
  finish (self, records,
          for_pain ? LIMBER_OUTCOME_STOPPED_FOR_PAIN : LIMBER_OUTCOME_STOPPED,
          now);
}
