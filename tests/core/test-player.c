/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The player, driven through whole routines in virtual time. Every signal
 * goes into a log of lines such as "phase 3 HOLD step0 NONE set2 @10000"
 * (times in ms since the start), and tests compare whole logs. */
#include "limber-catalog.h"
#include "limber-player.h"
#include "limber-session-recorder.h"

#define MS(ms) ((gint64) (ms) * 1000)
#define START MS (1000000)

/* The small routine most tests play: 13 phases, 49 s.
 *
 *  0 PREPARE      step0 NONE    0– 3 s
 *  1 HOLD         step0 NONE    3– 8 s  set 1
 *  2 SET_REST     step0 NONE    8–10 s  set 2
 *  3 HOLD         step0 NONE   10–15 s  set 2
 *  4 REST         step0 NONE   15–19 s
 *  5 PREPARE      step1 LEFT   19–22 s
 *  6 HOLD         step1 LEFT   22–26 s
 *  7 SWITCH_SIDES step1 RIGHT  26–28 s
 *  8 HOLD         step1 RIGHT  28–32 s
 *  9 PREPARE      step2 LEFT   32–35 s
 * 10 REPETITIONS  step2 LEFT   35–41 s  3 × 2 s
 * 11 SWITCH_SIDES step2 RIGHT  41–43 s
 * 12 REPETITIONS  step2 RIGHT  43–49 s
 */
static const char small_routine[] =
  "[Routine]\nId=test\nName=Test\nPrepare=3\nSwitchSides=2\n"
  "[Step 1]\nExercise=seated-hamstring\nHold=5\nSets=2\nSetRest=2\nRest=4\n"
  "[Step 2]\nExercise=standing-calf\nHold=4\n"
  "[Step 3]\nExercise=leg-swings\nRepetitions=3\nTempo=2\n";

static const guint small_starts[] = { 0, 3000, 8000, 10000, 15000, 19000, 22000, 26000, 28000, 32000, 35000, 41000, 43000, 49000 };
#define SMALL_N_PHASES 13
#define SMALL_LENGTH 49000

typedef struct
{
  guint       at;
  const char *text;
  guint       planned;  /* parts only */
  guint       done;
} Event;

#define PART(at, what, planned, done) { at, "part " what, planned, done }

/* Everything the small routine emits when played through. */
static const Event small_events[] = {
  { 0, "state running" },
  { 0, "phase 0 PREPARE step0 NONE set1" },
  { 1000, "countdown 2" },
  { 2000, "countdown 1" },
  { 3000, "phase 1 HOLD step0 NONE set1" },
  { 5000, "countdown 3" },
  { 6000, "countdown 2" },
  { 7000, "countdown 1" },
  { 8000, "phase 2 SET_REST step0 NONE set2" },
  { 10000, "phase 3 HOLD step0 NONE set2" },
  { 12000, "countdown 3" },
  { 13000, "countdown 2" },
  { 14000, "countdown 1" },
  PART (15000, "step0 NONE", 10000, 10000),
  { 15000, "phase 4 REST step0 NONE" },
  { 19000, "phase 5 PREPARE step1 LEFT" },
  { 20000, "countdown 2" },
  { 21000, "countdown 1" },
  { 22000, "phase 6 HOLD step1 LEFT" },
  { 23000, "countdown 3" },
  { 24000, "countdown 2" },
  { 25000, "countdown 1" },
  PART (26000, "step1 LEFT", 4000, 4000),
  { 26000, "phase 7 SWITCH_SIDES step1 RIGHT" },
  { 28000, "phase 8 HOLD step1 RIGHT" },
  { 29000, "countdown 3" },
  { 30000, "countdown 2" },
  { 31000, "countdown 1" },
  PART (32000, "step1 RIGHT", 4000, 4000),
  { 32000, "phase 9 PREPARE step2 LEFT" },
  { 33000, "countdown 2" },
  { 34000, "countdown 1" },
  { 35000, "phase 10 REPETITIONS step2 LEFT" },
  { 38000, "countdown 3" },
  { 39000, "countdown 2" },
  { 40000, "countdown 1" },
  PART (41000, "step2 LEFT", 6000, 6000),
  { 41000, "phase 11 SWITCH_SIDES step2 RIGHT" },
  { 43000, "phase 12 REPETITIONS step2 RIGHT" },
  { 46000, "countdown 3" },
  { 47000, "countdown 2" },
  { 48000, "countdown 1" },
  PART (49000, "step2 RIGHT", 6000, 6000),
  { 49000, "state finished" },
  { 49000, "finished completed" },
};

/* A clock whose timeouts all fire late, as on a busy main loop. */
#define TEST_TYPE_LATE_CLOCK (test_late_clock_get_type ())
G_DECLARE_FINAL_TYPE (TestLateClock, test_late_clock, TEST, LATE_CLOCK, GObject)

struct _TestLateClock
{
  GObject             parent_instance;
  LimberVirtualClock *inner;
  gint64              latency;
};

static void test_late_clock_iface_init (LimberClockInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestLateClock, test_late_clock, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (LIMBER_TYPE_CLOCK, test_late_clock_iface_init))

static gint64
test_late_clock_now (LimberClock *clock)
{
  return limber_clock_now (LIMBER_CLOCK (TEST_LATE_CLOCK (clock)->inner));
}

static guint
test_late_clock_add_timeout (LimberClock    *clock,
                             gint64          deadline,
                             GSourceFunc     callback,
                             gpointer        user_data,
                             GDestroyNotify  notify)
{
  TestLateClock *self = TEST_LATE_CLOCK (clock);

  return limber_clock_add_timeout (LIMBER_CLOCK (self->inner), deadline + self->latency,
                                   callback, user_data, notify);
}

static void
test_late_clock_remove_timeout (LimberClock *clock,
                                guint        id)
{
  limber_clock_remove_timeout (LIMBER_CLOCK (TEST_LATE_CLOCK (clock)->inner), id);
}

static void
test_late_clock_iface_init (LimberClockInterface *iface)
{
  iface->now = test_late_clock_now;
  iface->add_timeout = test_late_clock_add_timeout;
  iface->remove_timeout = test_late_clock_remove_timeout;
}

static void
test_late_clock_finalize (GObject *object)
{
  g_clear_object (&TEST_LATE_CLOCK (object)->inner);
  G_OBJECT_CLASS (test_late_clock_parent_class)->finalize (object);
}

static void
test_late_clock_class_init (TestLateClockClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_late_clock_finalize;
}

static void
test_late_clock_init (TestLateClock *self)
{
}

typedef struct
{
  LimberCatalog      *catalog;
  LimberRoutine      *routine;
  LimberVirtualClock *clock;
  LimberPlayer       *player;
  GPtrArray          *log;
  GHashTable         *last_parts;   /* "stepN SIDE" → last record, as text */
  gboolean            log_countdowns;
  gboolean            log_phase_states;  /* paused/running on phase lines */
  guint               n_finished;
  gint64              finished_at;
  gint64              latency;
} Fixture;

static const char *
kind_name (LimberPhaseKind kind)
{
  static const char * const names[] = {
    "PREPARE", "HOLD", "REPETITIONS", "SET_REST", "SWITCH_SIDES", "REST",
  };
  return names[kind];
}

static const char *
side_name (LimberSide side)
{
  static const char * const names[] = { "NONE", "LEFT", "RIGHT" };
  return names[side];
}

static gint64
now_ms (Fixture *f)
{
  return (limber_clock_now (LIMBER_CLOCK (f->clock)) - START) / 1000;
}

static void
check_pending (Fixture *f)
{
  guint expected = limber_player_get_state (f->player) == LIMBER_PLAYER_STATE_RUNNING ? 1 : 0;

  g_assert_cmpuint (limber_virtual_clock_get_n_pending (f->clock), ==, expected);
}

static void
log_line (Fixture    *f,
          const char *format,
          ...) G_GNUC_PRINTF (2, 3);

static void
log_line (Fixture    *f,
          const char *format,
          ...)
{
  va_list args;
  char *text;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (f->log, g_strdup_printf ("%s @%" G_GINT64_FORMAT, text, now_ms (f)));
  g_free (text);
}

static void
on_phase_changed (LimberPlayer *player,
                  guint         index,
                  Fixture      *f)
{
  const LimberPhase *phase = limber_player_get_phase (player);
  g_autofree char *set = NULL;

  g_assert_cmpuint (limber_player_get_phase_index (player), ==, index);
  g_assert_true (phase == &g_array_index (limber_player_get_phases (player), LimberPhase, index));
  g_assert_cmpint (limber_player_get_phase_elapsed (player), <=, f->latency);
  g_assert_cmpint (limber_player_get_remaining (player), >=, MS (phase->duration_ms) - f->latency);
  check_pending (f);

  if (phase->n_sets > 1)
    set = g_strdup_printf (" set%u", phase->set);
  log_line (f, "phase %u %s step%u %s%s%s", index, kind_name (phase->kind), phase->step,
            side_name (phase->side), set ? set : "",
            f->log_phase_states && limber_player_get_state (player) == LIMBER_PLAYER_STATE_PAUSED ? " (paused)" : "");
}

static void
on_countdown (LimberPlayer *player,
              guint         seconds_left,
              Fixture      *f)
{
  g_assert_cmpint (limber_player_get_remaining (player), ==, MS (seconds_left * 1000) - f->latency);
  check_pending (f);

  if (f->log_countdowns)
    log_line (f, "countdown %u", seconds_left);
}

static void
on_part_finished (LimberPlayer           *player,
                  const LimberPartRecord *record,
                  Fixture                *f)
{
  g_autofree char *text = g_strdup_printf ("part step%u %s planned %u done %u%s", record->step,
                                           side_name (record->side), record->planned_ms,
                                           record->done_ms, record->skipped ? " skipped" : "");

  g_assert_cmpint (record->skipped, ==, record->done_ms < record->planned_ms);
  log_line (f, "%s", text);
  g_hash_table_insert (f->last_parts,
                       g_strdup_printf ("step%u %s", record->step, side_name (record->side)),
                       g_steal_pointer (&text));
}

static void
on_finished (LimberPlayer  *player,
             LimberOutcome  outcome,
             Fixture       *f)
{
  g_assert_cmpint (limber_player_get_outcome (player), ==, outcome);
  g_assert_cmpint (limber_player_get_state (player), ==, LIMBER_PLAYER_STATE_FINISHED);
  g_assert_null (limber_player_get_phase (player));
  check_pending (f);

  f->n_finished++;
  f->finished_at = limber_clock_now (LIMBER_CLOCK (f->clock));
  log_line (f, "finished %s", limber_outcome_to_string (outcome));
}

static void
on_notify_state (LimberPlayer *player,
                 GParamSpec   *pspec,
                 Fixture      *f)
{
  static const char * const names[] = { "ready", "running", "paused", "finished" };

  check_pending (f);
  log_line (f, "state %s", names[limber_player_get_state (player)]);
}

static LimberRoutine *
routine_from_text (LimberCatalog *catalog,
                   const char    *text)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "player", NULL);
  g_autofree char *path = g_build_filename (dir, "test.routine", NULL);
  g_autoptr(GFile) dir_file = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0700);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (limber_catalog_load_user_routines (catalog, dir_file), ==, 1);
  return limber_catalog_lookup_routine (catalog, "test");
}

static Fixture *
fixture_new_late (const char *routine_text,
                  gint64      latency)
{
  Fixture *f = g_new0 (Fixture, 1);

  f->catalog = limber_catalog_new ();
  g_assert_true (limber_catalog_load_bundled (f->catalog, NULL));
  f->routine = routine_from_text (f->catalog, routine_text);
  g_assert_nonnull (f->routine);
  f->clock = limber_virtual_clock_new (START);
  f->latency = latency;
  if (latency == 0)
    f->player = limber_player_new (f->routine, LIMBER_CLOCK (f->clock));
  else
    {
      g_autoptr(TestLateClock) late = g_object_new (TEST_TYPE_LATE_CLOCK, NULL);

      late->inner = g_object_ref (f->clock);
      late->latency = latency;
      f->player = limber_player_new (f->routine, LIMBER_CLOCK (late));
    }
  f->log = g_ptr_array_new_with_free_func (g_free);
  f->last_parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  f->log_countdowns = TRUE;

  g_signal_connect (f->player, "phase-changed", G_CALLBACK (on_phase_changed), f);
  g_signal_connect (f->player, "countdown", G_CALLBACK (on_countdown), f);
  g_signal_connect (f->player, "part-finished", G_CALLBACK (on_part_finished), f);
  g_signal_connect (f->player, "finished", G_CALLBACK (on_finished), f);
  g_signal_connect (f->player, "notify::state", G_CALLBACK (on_notify_state), f);

  return f;
}

static void
fixture_free (Fixture *f)
{
  g_object_add_weak_pointer (G_OBJECT (f->player), (gpointer *) &f->player);
  g_object_unref (f->player);
  g_assert_null (f->player);
  /* the player took its timeout with it */
  g_assert_cmpuint (limber_virtual_clock_get_n_pending (f->clock), ==, 0);
  g_clear_object (&f->clock);
  g_clear_object (&f->catalog);
  g_ptr_array_unref (f->log);
  g_hash_table_unref (f->last_parts);
  g_free (f);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Fixture, fixture_free)

static Fixture *
fixture_new (const char *routine_text)
{
  return fixture_new_late (routine_text, 0);
}

/* Moves virtual time in quarter seconds up to @ms since the start, checking
 * on the way that a running player always has exactly one timeout. */
static void
run_until (Fixture *f,
           gint64   ms)
{
  while (now_ms (f) < ms)
    {
      limber_virtual_clock_advance_to (f->clock, START + MS (MIN (now_ms (f) + 250, ms)));
      check_pending (f);
    }
}

static void
run_to_end (Fixture *f)
{
  for (guint i = 0; i < 100000 && limber_player_get_state (f->player) != LIMBER_PLAYER_STATE_FINISHED; i++)
    {
      limber_virtual_clock_advance (f->clock, MS (250));
      check_pending (f);
    }
  g_assert_cmpint (limber_player_get_state (f->player), ==, LIMBER_PLAYER_STATE_FINISHED);
  g_assert_cmpuint (f->n_finished, ==, 1);
}

static void
assert_log (Fixture           *f,
            const char * const *expected)
{
  g_autofree char *expected_text = g_strjoinv ("\n", (char **) expected);
  g_autofree char *actual_text = NULL;

  g_ptr_array_add (f->log, NULL);
  actual_text = g_strjoinv ("\n", (char **) f->log->pdata);
  g_ptr_array_remove_index (f->log, f->log->len - 1);

  g_assert_cmpstr (actual_text, ==, expected_text);
}

static void
clear_log (Fixture *f)
{
  g_ptr_array_set_size (f->log, 0);
}

static char *
format_event (const Event *event)
{
  if (g_str_has_prefix (event->text, "part "))
    return g_strdup_printf ("%s planned %u done %u%s @%u", event->text, event->planned, event->done,
                            event->done < event->planned ? " skipped" : "", event->at);
  return g_strdup_printf ("%s @%u", event->text, event->at);
}

/* Compares the log with @events, leaving out countdowns if the fixture
 * does not log them. */
static void
assert_events (Fixture     *f,
               const Event *events,
               guint        n_events)
{
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_events; i++)
    {
      if (!f->log_countdowns && g_str_has_prefix (events[i].text, "countdown"))
        continue;
      g_ptr_array_add (expected, format_event (&events[i]));
    }
  g_ptr_array_add (expected, NULL);
  assert_log (f, (const char * const *) expected->pdata);
}

static gint64
sum_durations (LimberPlayer *player,
               guint         from)
{
  const GArray *phases = limber_player_get_phases (player);
  gint64 total = 0;

  for (guint i = from; i < phases->len; i++)
    total += g_array_index (phases, LimberPhase, i).duration_ms;
  return total;
}

static void
assert_all_parts_complete (Fixture *f,
                           guint    n_parts)
{
  GHashTableIter iter;
  gpointer value;

  g_assert_cmpuint (g_hash_table_size (f->last_parts), ==, n_parts);
  g_hash_table_iter_init (&iter, f->last_parts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_assert_null (strstr (value, "skipped"));
}

static void
test_small_routine (void)
{
  g_autoptr(Fixture) f = fixture_new (small_routine);
  const GArray *phases = limber_player_get_phases (f->player);

  g_assert_cmpuint (phases->len, ==, SMALL_N_PHASES);
  g_assert_cmpuint (limber_routine_get_duration (f->routine) * 1000, ==, SMALL_LENGTH);
  g_assert_true (limber_player_get_routine (f->player) == f->routine);
  g_assert_true (limber_player_get_clock (f->player) == LIMBER_CLOCK (f->clock));

  limber_player_start (f->player);
  check_pending (f);
  g_assert_cmpint (limber_player_get_routine_remaining (f->player), ==, MS (SMALL_LENGTH));

  /* the next exercise to show, and what is left, as the routine goes */
  run_until (f, 4000);
  g_assert_true (limber_player_peek_next_work (f->player) == &g_array_index (phases, LimberPhase, 6));
  g_assert_cmpint (limber_player_get_routine_remaining (f->player), ==, MS (SMALL_LENGTH - 4000));
  g_assert_cmpint (limber_player_get_phase_elapsed (f->player), ==, MS (1000));
  g_assert_cmpint (limber_player_get_remaining (f->player), ==, MS (4000));
  g_assert_cmpuint (limber_player_get_repetition (f->player), ==, 0);
  run_until (f, 17000);
  g_assert_true (limber_player_peek_next_work (f->player) == &g_array_index (phases, LimberPhase, 6));
  run_until (f, 20000);
  g_assert_true (limber_player_peek_next_work (f->player) == &g_array_index (phases, LimberPhase, 10));
  run_until (f, 33000);
  g_assert_null (limber_player_peek_next_work (f->player));
  g_assert_cmpint (limber_player_get_active_time (f->player), ==, MS (33000));

  run_to_end (f);
  assert_events (f, small_events, G_N_ELEMENTS (small_events));
  assert_all_parts_complete (f, 5);

  g_assert_cmpint (limber_player_get_outcome (f->player), ==, LIMBER_OUTCOME_COMPLETED);
  g_assert_cmpuint (limber_player_get_phase_index (f->player), ==, SMALL_N_PHASES);
  g_assert_null (limber_player_get_phase (f->player));
  g_assert_null (limber_player_peek_next_work (f->player));
  g_assert_cmpint (limber_player_get_remaining (f->player), ==, 0);
  g_assert_cmpint (limber_player_get_routine_remaining (f->player), ==, 0);
  g_assert_cmpint (limber_player_get_active_time (f->player), ==, MS (SMALL_LENGTH));
  g_assert_cmpint (limber_player_get_paused_time (f->player), ==, 0);
  g_assert_cmpuint (limber_player_get_repetition (f->player), ==, 0);
}

static void
test_one_sided_hold (void)
{
  g_autoptr(Fixture) f = fixture_new ("[Routine]\nId=test\nName=Test\nPrepare=4\n"
                                      "[Step 1]\nExercise=seated-hamstring\nHold=2\n");
  static const char * const expected[] = {
    "state running @0",
    "phase 0 PREPARE step0 NONE @0",
    "countdown 3 @1000",
    "countdown 2 @2000",
    "countdown 1 @3000",
    /* a 2 s hold counts only the mark after its start */
    "phase 1 HOLD step0 NONE @4000",
    "countdown 1 @5000",
    "part step0 NONE planned 2000 done 2000 @6000",
    "state finished @6000",
    "finished completed @6000",
    NULL,
  };

  limber_player_start (f->player);
  run_to_end (f);
  assert_log (f, expected);
}

static void
test_each_side_no_prepare (void)
{
  g_autoptr(Fixture) f = fixture_new ("[Routine]\nId=test\nName=Test\nPrepare=0\nSwitchSides=3\n"
                                      "[Step 1]\nExercise=standing-calf\nHold=5\nRest=1\n"
                                      "[Step 2]\nExercise=knee-to-chest\nHold=1\n");
  static const char * const expected[] = {
    "state running @0",
    "phase 0 HOLD step0 LEFT @0",
    "countdown 3 @2000",
    "countdown 2 @3000",
    "countdown 1 @4000",
    "part step0 LEFT planned 5000 done 5000 @5000",
    /* no countdown to the end of a switch, only to the hold after it */
    "phase 1 SWITCH_SIDES step0 RIGHT @5000",
    "phase 2 HOLD step0 RIGHT @8000",
    "countdown 3 @10000",
    "countdown 2 @11000",
    "countdown 1 @12000",
    "part step0 RIGHT planned 5000 done 5000 @13000",
    "phase 3 REST step0 NONE @13000",
    "phase 4 HOLD step1 LEFT @14000",
    "part step1 LEFT planned 1000 done 1000 @15000",
    "phase 5 SWITCH_SIDES step1 RIGHT @15000",
    "phase 6 HOLD step1 RIGHT @18000",
    "part step1 RIGHT planned 1000 done 1000 @19000",
    "state finished @19000",
    "finished completed @19000",
    NULL,
  };

  limber_player_start (f->player);
  run_to_end (f);
  assert_log (f, expected);
}

static void
test_repetitions (void)
{
  g_autoptr(Fixture) f = fixture_new ("[Routine]\nId=test\nName=Test\nPrepare=0\n"
                                      "[Step 1]\nExercise=march-in-place\nRepetitions=4\nTempo=3\n");
  static const struct { guint at; guint repetition; } expected_reps[] = {
    { 0, 1 }, { 2999, 1 }, { 3000, 2 }, { 5999, 2 }, { 6000, 3 }, { 9000, 4 }, { 11999, 4 }, { 12000, 0 },
  };
  static const char * const expected[] = {
    "state running @0",
    "phase 0 REPETITIONS step0 NONE @0",
    "countdown 3 @9000",
    "countdown 2 @10000",
    "countdown 1 @11000",
    "part step0 NONE planned 12000 done 12000 @12000",
    "state finished @12000",
    "finished completed @12000",
    NULL,
  };
  const LimberPhase *phase;

  /* before the start the first repetition is shown */
  g_assert_cmpuint (limber_player_get_repetition (f->player), ==, 1);
  limber_player_start (f->player);
  phase = limber_player_get_phase (f->player);
  g_assert_cmpuint (phase->repetitions, ==, 4);
  g_assert_cmpuint (phase->tempo_ms, ==, 3000);

  for (guint i = 0; i < G_N_ELEMENTS (expected_reps); i++)
    {
      limber_virtual_clock_advance_to (f->clock, START + MS (expected_reps[i].at));
      g_assert_cmpuint (limber_player_get_repetition (f->player), ==, expected_reps[i].repetition);
    }

  g_assert_cmpint (limber_player_get_state (f->player), ==, LIMBER_PLAYER_STATE_FINISHED);
  assert_log (f, expected);
}

static void
test_repetitions_paused (void)
{
  g_autoptr(Fixture) f = fixture_new ("[Routine]\nId=test\nName=Test\nPrepare=0\n"
                                      "[Step 1]\nExercise=march-in-place\nRepetitions=4\nTempo=3\n");

  limber_player_start (f->player);
  run_until (f, 4000);
  limber_player_pause (f->player);
  run_until (f, 20000);
  g_assert_cmpuint (limber_player_get_repetition (f->player), ==, 2);
  limber_player_resume (f->player);
  run_until (f, 22000);
  g_assert_cmpuint (limber_player_get_repetition (f->player), ==, 3);
  run_to_end (f);
  g_assert_cmpint (now_ms (f), ==, 12000 + 16000);
}

static void
test_sets (void)
{
  g_autoptr(Fixture) f = fixture_new ("[Routine]\nId=test\nName=Test\nPrepare=0\nSwitchSides=1\n"
                                      "[Step 1]\nExercise=knee-to-chest\nHold=1\nSets=3\nSetRest=2\n");
  static const char * const expected[] = {
    "state running @0",
    "phase 0 HOLD step0 LEFT set1 @0",
    "phase 1 SET_REST step0 LEFT set2 @1000",
    "phase 2 HOLD step0 LEFT set2 @3000",
    "phase 3 SET_REST step0 LEFT set3 @4000",
    "phase 4 HOLD step0 LEFT set3 @6000",
    "part step0 LEFT planned 3000 done 3000 @7000",
    "phase 5 SWITCH_SIDES step0 RIGHT set1 @7000",
    "phase 6 HOLD step0 RIGHT set1 @8000",
    "phase 7 SET_REST step0 RIGHT set2 @9000",
    "phase 8 HOLD step0 RIGHT set2 @11000",
    "phase 9 SET_REST step0 RIGHT set3 @12000",
    "phase 10 HOLD step0 RIGHT set3 @14000",
    "part step0 RIGHT planned 3000 done 3000 @15000",
    "state finished @15000",
    "finished completed @15000",
    NULL,
  };

  limber_player_start (f->player);
  run_to_end (f);
  assert_log (f, expected);
}

/* Skipping phase @i one second into it: the phase ends there, everything
 * after comes that much sooner, and a cut-short hold marks its part. */
static void
test_skip_phase (void)
{
  for (guint i = 0; i < SMALL_N_PHASES; i++)
    {
      g_autoptr(Fixture) f = fixture_new (small_routine);
      g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (Event));
      const LimberPhase *phase = &g_array_index (limber_player_get_phases (f->player), LimberPhase, i);
      guint skip_at = small_starts[i] + 1000;
      guint end = small_starts[i + 1];
      guint cut = end - skip_at;
      gboolean part_found = FALSE;

      g_test_message ("skipping phase %u", i);

      for (guint j = 0; j < G_N_ELEMENTS (small_events); j++)
        {
          Event event = small_events[j];

          if (event.at > skip_at && event.at < end)
            continue;
          if (event.at >= end)
            {
              event.at -= cut;
              if (!part_found && (phase->kind == LIMBER_PHASE_HOLD || phase->kind == LIMBER_PHASE_REPETITIONS) &&
                  g_str_has_prefix (event.text, "part "))
                {
                  event.done -= cut;
                  part_found = TRUE;
                }
            }
          g_array_append_val (events, event);
        }

      limber_player_start (f->player);
      run_until (f, skip_at);
      limber_player_skip_phase (f->player);
      check_pending (f);
      run_to_end (f);

      assert_events (f, (const Event *) events->data, events->len);
      g_assert_cmpint (limber_player_get_active_time (f->player), ==, MS (SMALL_LENGTH - cut));
    }
}

typedef struct
{
  guint              phase;
  const char * const expected[6];
} JumpCase;

/* next_exercise one second into each phase: what it emits at once */
static const JumpCase next_cases[] = {
  { 0, { "part step0 NONE planned 10000 done 0 skipped @1000", "phase 5 PREPARE step1 LEFT @1000" } },
  { 1, { "part step0 NONE planned 10000 done 1000 skipped @4000", "phase 5 PREPARE step1 LEFT @4000" } },
  { 2, { "part step0 NONE planned 10000 done 5000 skipped @9000", "phase 5 PREPARE step1 LEFT @9000" } },
  { 3, { "part step0 NONE planned 10000 done 6000 skipped @11000", "phase 5 PREPARE step1 LEFT @11000" } },
  { 4, { "phase 5 PREPARE step1 LEFT @16000" } },
  { 5, { "part step1 LEFT planned 4000 done 0 skipped @20000",
         "part step1 RIGHT planned 4000 done 0 skipped @20000",
         "phase 9 PREPARE step2 LEFT @20000" } },
  { 6, { "part step1 LEFT planned 4000 done 1000 skipped @23000",
         "part step1 RIGHT planned 4000 done 0 skipped @23000",
         "phase 9 PREPARE step2 LEFT @23000" } },
  { 7, { "part step1 RIGHT planned 4000 done 0 skipped @27000", "phase 9 PREPARE step2 LEFT @27000" } },
  { 8, { "part step1 RIGHT planned 4000 done 1000 skipped @29000", "phase 9 PREPARE step2 LEFT @29000" } },
  { 9, { "part step2 LEFT planned 6000 done 0 skipped @33000",
         "part step2 RIGHT planned 6000 done 0 skipped @33000",
         "state finished @33000", "finished completed @33000" } },
  { 10, { "part step2 LEFT planned 6000 done 1000 skipped @36000",
          "part step2 RIGHT planned 6000 done 0 skipped @36000",
          "state finished @36000", "finished completed @36000" } },
  { 11, { "part step2 RIGHT planned 6000 done 0 skipped @42000",
          "state finished @42000", "finished completed @42000" } },
  { 12, { "part step2 RIGHT planned 6000 done 1000 skipped @44000",
          "state finished @44000", "finished completed @44000" } },
};

static void
test_next_exercise (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (next_cases); i++)
    {
      g_autoptr(Fixture) f = fixture_new (small_routine);
      guint at = small_starts[next_cases[i].phase] + 1000;
      guint target;

      g_test_message ("next exercise from phase %u", next_cases[i].phase);
      f->log_countdowns = FALSE;

      limber_player_start (f->player);
      run_until (f, at);
      clear_log (f);
      limber_player_next_exercise (f->player);
      check_pending (f);
      assert_log (f, next_cases[i].expected);

      target = limber_player_get_phase_index (f->player);
      run_to_end (f);
      g_assert_cmpint (limber_player_get_outcome (f->player), ==, LIMBER_OUTCOME_COMPLETED);
      g_assert_cmpint (now_ms (f), ==, at + sum_durations (f->player, target));
    }
}

/* previous_exercise one second into each phase */
static const JumpCase previous_cases[] = {
  { 0, { "part step0 NONE planned 10000 done 0 skipped @1000", "phase 0 PREPARE step0 NONE set1 @1000" } },
  { 1, { "part step0 NONE planned 10000 done 1000 skipped @4000", "phase 0 PREPARE step0 NONE set1 @4000" } },
  { 2, { "part step0 NONE planned 10000 done 5000 skipped @9000", "phase 0 PREPARE step0 NONE set1 @9000" } },
  { 3, { "part step0 NONE planned 10000 done 6000 skipped @11000", "phase 0 PREPARE step0 NONE set1 @11000" } },
  { 4, { "phase 0 PREPARE step0 NONE set1 @16000" } },
  /* getting ready for step 1, or 1 s into it: back to step 0 */
  { 5, { "part step1 LEFT planned 4000 done 0 skipped @20000", "phase 0 PREPARE step0 NONE set1 @20000" } },
  { 6, { "part step1 LEFT planned 4000 done 1000 skipped @23000", "phase 0 PREPARE step0 NONE set1 @23000" } },
  /* 4 s of step 1 done: it starts again */
  { 7, { "part step1 RIGHT planned 4000 done 0 skipped @27000", "phase 5 PREPARE step1 LEFT @27000" } },
  { 8, { "part step1 RIGHT planned 4000 done 1000 skipped @29000", "phase 5 PREPARE step1 LEFT @29000" } },
  { 9, { "part step2 LEFT planned 6000 done 0 skipped @33000", "phase 5 PREPARE step1 LEFT @33000" } },
  { 10, { "part step2 LEFT planned 6000 done 1000 skipped @36000", "phase 5 PREPARE step1 LEFT @36000" } },
  { 11, { "part step2 RIGHT planned 6000 done 0 skipped @42000", "phase 9 PREPARE step2 LEFT @42000" } },
  { 12, { "part step2 RIGHT planned 6000 done 1000 skipped @44000", "phase 9 PREPARE step2 LEFT @44000" } },
};

static void
test_previous_exercise (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (previous_cases); i++)
    {
      g_autoptr(Fixture) f = fixture_new (small_routine);
      guint at = small_starts[previous_cases[i].phase] + 1000;
      guint target;

      g_test_message ("previous exercise from phase %u", previous_cases[i].phase);
      f->log_countdowns = FALSE;

      limber_player_start (f->player);
      run_until (f, at);
      clear_log (f);
      limber_player_previous_exercise (f->player);
      check_pending (f);
      assert_log (f, previous_cases[i].expected);

      /* the parts played again are recorded again, in full */
      target = limber_player_get_phase_index (f->player);
      run_to_end (f);
      g_assert_cmpint (limber_player_get_outcome (f->player), ==, LIMBER_OUTCOME_COMPLETED);
      g_assert_cmpint (now_ms (f), ==, at + sum_durations (f->player, target));
      assert_all_parts_complete (f, 5);
    }
}

static void
test_previous_threshold (void)
{
  /* exactly 3 s into the work of step 1 still goes back to step 0 */
  {
    g_autoptr(Fixture) f = fixture_new (small_routine);

    limber_player_start (f->player);
    run_until (f, 25000);
    limber_player_previous_exercise (f->player);
    g_assert_cmpuint (limber_player_get_phase_index (f->player), ==, 0);
  }

  /* a moment later it starts step 1 again */
  {
    g_autoptr(Fixture) f = fixture_new (small_routine);

    limber_player_start (f->player);
    limber_virtual_clock_advance_to (f->clock, START + MS (25000) + 1);
    limber_player_previous_exercise (f->player);
    g_assert_cmpuint (limber_player_get_phase_index (f->player), ==, 5);
  }

  /* paused time is not work: 2 s of work and 10 s paused go back */
  {
    g_autoptr(Fixture) f = fixture_new (small_routine);

    limber_player_start (f->player);
    run_until (f, 24000);
    limber_player_pause (f->player);
    run_until (f, 34000);
    limber_player_previous_exercise (f->player);
    g_assert_cmpuint (limber_player_get_phase_index (f->player), ==, 0);
    g_assert_cmpint (limber_player_get_state (f->player), ==, LIMBER_PLAYER_STATE_PAUSED);
  }
}

/* Pausing one second into each phase for 7 s: everything after comes 7 s
 * later, nothing else changes. */
static void
test_pause_each_phase (void)
{
  const guint pause = 7000;

  for (guint i = 0; i < SMALL_N_PHASES; i++)
    {
      g_autoptr(Fixture) f = fixture_new (small_routine);
      g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (Event));
      const LimberPhase *phase = &g_array_index (limber_player_get_phases (f->player), LimberPhase, i);
      guint at = small_starts[i] + 1000;
      const Event paused = { at, "state paused" };
      const Event running = { at + pause, "state running" };
      gboolean inserted = FALSE;

      g_test_message ("pausing in phase %u", i);

      for (guint j = 0; j < G_N_ELEMENTS (small_events); j++)
        {
          Event event = small_events[j];

          if (event.at > at)
            {
              if (!inserted)
                {
                  g_array_append_val (events, paused);
                  g_array_append_val (events, running);
                  inserted = TRUE;
                }
              event.at += pause;
            }
          g_array_append_val (events, event);
        }

      limber_player_start (f->player);
      run_until (f, at);
      limber_player_pause (f->player);
      /* a second pause is nothing */
      limber_player_pause (f->player);
      check_pending (f);

      run_until (f, at + pause);
      g_assert_cmpint (limber_player_get_state (f->player), ==, LIMBER_PLAYER_STATE_PAUSED);
      g_assert_cmpint (limber_player_get_remaining (f->player), ==, MS (phase->duration_ms - 1000));
      g_assert_cmpint (limber_player_get_phase_elapsed (f->player), ==, MS (1000));
      g_assert_cmpint (limber_player_get_routine_remaining (f->player), ==, MS (SMALL_LENGTH - at));
      g_assert_cmpint (limber_player_get_paused_time (f->player), ==, MS (pause));
      g_assert_cmpint (limber_player_get_active_time (f->player), ==, MS (at));

      limber_player_resume (f->player);
      limber_player_resume (f->player);
      check_pending (f);
      run_to_end (f);

      assert_events (f, (const Event *) events->data, events->len);
      g_assert_cmpint (now_ms (f), ==, SMALL_LENGTH + pause);
      g_assert_cmpint (limber_player_get_active_time (f->player), ==, MS (SMALL_LENGTH));
      g_assert_cmpint (limber_player_get_paused_time (f->player), ==, MS (pause));
    }
}

static void
test_toggle_pause (void)
{
  g_autoptr(Fixture) f = fixture_new (small_routine);

  limber_player_toggle_pause (f->player);
  g_assert_cmpint (limber_player_get_state (f->player), ==, LIMBER_PLAYER_STATE_READY);

  limber_player_start (f->player);
  for (guint i = 1; i <= 10; i++)
    {
      run_until (f, i * 3000);
      limber_player_toggle_pause (f->player);
      g_assert_cmpint (limber_player_get_state (f->player), ==,
                       i % 2 ? LIMBER_PLAYER_STATE_PAUSED : LIMBER_PLAYER_STATE_RUNNING);
      check_pending (f);
    }
  run_to_end (f);

  /* paused 5 × 3 s */
  g_assert_cmpint (now_ms (f), ==, SMALL_LENGTH + 15000);
  g_assert_cmpint (limber_player_get_paused_time (f->player), ==, MS (15000));
  assert_all_parts_complete (f, 5);
}

/* Controls while paused move the player but keep it paused, with the
 * whole of the new phase ahead. */
static void
test_controls_while_paused (void)
{
  g_autoptr(Fixture) f = fixture_new (small_routine);
  static const char * const expected[] = {
    "state running @0",
    "phase 0 PREPARE step0 NONE set1 @0",
    "phase 1 HOLD step0 NONE set1 @3000",
    "state paused @4000",
    "phase 2 SET_REST step0 NONE set2 (paused) @5000",
    "part step0 NONE planned 10000 done 1000 skipped @6000",
    "phase 5 PREPARE step1 LEFT (paused) @6000",
    "phase 5 PREPARE step1 LEFT (paused) @7000",
    "part step1 LEFT planned 4000 done 0 skipped @8000",
    "phase 0 PREPARE step0 NONE set1 (paused) @8000",
    "state running @10000",
    NULL,
  };

  f->log_countdowns = FALSE;
  f->log_phase_states = TRUE;
  limber_player_start (f->player);

  run_until (f, 4000);
  limber_player_pause (f->player);

  run_until (f, 5000);
  limber_player_skip_phase (f->player);
  g_assert_cmpint (limber_player_get_state (f->player), ==, LIMBER_PLAYER_STATE_PAUSED);
  g_assert_cmpint (limber_player_get_remaining (f->player), ==, MS (2000));
  check_pending (f);

  run_until (f, 6000);
  limber_player_next_exercise (f->player);
  g_assert_cmpint (limber_player_get_remaining (f->player), ==, MS (3000));
  check_pending (f);

  run_until (f, 7000);
  limber_player_restart_phase (f->player);
  g_assert_cmpint (limber_player_get_remaining (f->player), ==, MS (3000));

  run_until (f, 8000);
  limber_player_previous_exercise (f->player);
  g_assert_cmpint (limber_player_get_remaining (f->player), ==, MS (3000));
  g_assert_cmpuint (limber_player_get_phase_index (f->player), ==, 0);

  run_until (f, 10000);
  g_assert_cmpint (limber_player_get_paused_time (f->player), ==, MS (6000));
  g_assert_cmpint (limber_player_get_active_time (f->player), ==, MS (4000));
  limber_player_resume (f->player);
  assert_log (f, expected);

  /* the routine is played from the top, whole */
  run_to_end (f);
  g_assert_cmpint (now_ms (f), ==, 10000 + SMALL_LENGTH);
  g_assert_cmpint (limber_player_get_active_time (f->player), ==, MS (4000 + SMALL_LENGTH));
  assert_all_parts_complete (f, 5);
}

static void
test_restart_phase (void)
{
  g_autoptr(Fixture) f = fixture_new (small_routine);
  static const char * const expected[] = {
    "phase 1 HOLD step0 NONE set1 @5000",
    "countdown 3 @7000",
    "countdown 2 @8000",
    "countdown 1 @9000",
    "phase 2 SET_REST step0 NONE set2 @10000",
    "phase 3 HOLD step0 NONE set2 @12000",
    "countdown 3 @14000",
    "countdown 2 @15000",
    "countdown 1 @16000",
    /* the time before the restart was work too */
    "part step0 NONE planned 10000 done 12000 @17000",
    "phase 4 REST step0 NONE @17000",
    NULL,
  };

  limber_player_start (f->player);
  run_until (f, 5000);
  clear_log (f);
  limber_player_restart_phase (f->player);
  check_pending (f);
  g_assert_cmpint (limber_player_get_remaining (f->player), ==, MS (5000));
  g_assert_cmpint (limber_player_get_routine_remaining (f->player), ==, MS (SMALL_LENGTH - 3000));
  run_until (f, 17000);
  assert_log (f, expected);

  run_to_end (f);
  g_assert_cmpint (now_ms (f), ==, SMALL_LENGTH + 2000);
}

static void
test_stop (void)
{
  {
    g_autoptr(Fixture) f = fixture_new (small_routine);
    static const char * const expected[] = {
      "part step1 LEFT planned 4000 done 1000 skipped @23000",
      "state finished @23000",
      "finished stopped @23000",
      NULL,
    };

    limber_player_start (f->player);
    run_until (f, 23000);
    clear_log (f);
    limber_player_stop (f->player, FALSE);
    assert_log (f, expected);
    check_pending (f);
    g_assert_cmpint (limber_player_get_outcome (f->player), ==, LIMBER_OUTCOME_STOPPED);
    g_assert_cmpuint (limber_player_get_phase_index (f->player), ==, SMALL_N_PHASES);
    g_assert_cmpint (limber_player_get_active_time (f->player), ==, MS (23000));
    g_assert_cmpint (limber_player_get_remaining (f->player), ==, 0);

    /* nothing happens after the end */
    run_until (f, 60000);
    assert_log (f, expected);
  }

  /* between steps there is no part to record */
  {
    g_autoptr(Fixture) f = fixture_new (small_routine);
    static const char * const expected[] = {
      "state finished @16000",
      "finished stopped-for-pain @16000",
      NULL,
    };

    limber_player_start (f->player);
    run_until (f, 16000);
    clear_log (f);
    limber_player_stop (f->player, TRUE);
    assert_log (f, expected);
    g_assert_cmpint (limber_player_get_outcome (f->player), ==, LIMBER_OUTCOME_STOPPED_FOR_PAIN);
  }

  /* stopped while paused: the pause counts as paused, not as work */
  {
    g_autoptr(Fixture) f = fixture_new (small_routine);
    static const char * const expected[] = {
      "state paused @11000",
      "part step0 NONE planned 10000 done 6000 skipped @20000",
      "state finished @20000",
      "finished stopped-for-pain @20000",
      NULL,
    };

    limber_player_start (f->player);
    run_until (f, 11000);
    clear_log (f);
    limber_player_pause (f->player);
    run_until (f, 20000);
    limber_player_stop (f->player, TRUE);
    assert_log (f, expected);
    g_assert_cmpint (limber_player_get_active_time (f->player), ==, MS (11000));
    g_assert_cmpint (limber_player_get_paused_time (f->player), ==, MS (9000));
  }
}

static void
all_controls (LimberPlayer *player)
{
  limber_player_pause (player);
  limber_player_resume (player);
  limber_player_toggle_pause (player);
  limber_player_skip_phase (player);
  limber_player_next_exercise (player);
  limber_player_previous_exercise (player);
  limber_player_restart_phase (player);
  limber_player_stop (player, FALSE);
  limber_player_stop (player, TRUE);
}

static void
test_controls_when_idle (void)
{
  g_autoptr(Fixture) f = fixture_new (small_routine);
  const GArray *phases = limber_player_get_phases (f->player);
  static const char * const expected[] = {
    "part step0 NONE planned 10000 done 0 skipped @5000",
    "phase 5 PREPARE step1 LEFT @5000",
    "part step1 LEFT planned 4000 done 0 skipped @5000",
    "state finished @5000",
    "finished stopped @5000",
    NULL,
  };

  all_controls (f->player);
  run_until (f, 5000);
  g_assert_cmpuint (f->log->len, ==, 0);
  g_assert_cmpint (limber_player_get_state (f->player), ==, LIMBER_PLAYER_STATE_READY);
  g_assert_cmpint (limber_player_get_outcome (f->player), ==, LIMBER_OUTCOME_IN_PROGRESS);
  g_assert_cmpuint (limber_virtual_clock_get_n_pending (f->clock), ==, 0);
  g_assert_cmpuint (limber_player_get_phase_index (f->player), ==, 0);
  g_assert_true (limber_player_get_phase (f->player) == &g_array_index (phases, LimberPhase, 0));
  g_assert_cmpint (limber_player_get_remaining (f->player), ==, MS (3000));
  g_assert_cmpint (limber_player_get_phase_elapsed (f->player), ==, 0);
  g_assert_cmpint (limber_player_get_routine_remaining (f->player), ==, MS (SMALL_LENGTH));
  g_assert_cmpint (limber_player_get_active_time (f->player), ==, 0);
  g_assert_cmpint (limber_player_get_paused_time (f->player), ==, 0);
  g_assert_cmpuint (limber_player_get_repetition (f->player), ==, 0);
  g_assert_true (limber_player_peek_next_work (f->player) == &g_array_index (phases, LimberPhase, 6));

  /* start counts from the moment it is called */
  f->log_countdowns = FALSE;
  limber_player_start (f->player);
  g_ptr_array_set_size (f->log, 0);
  limber_virtual_clock_advance_to (f->clock, START + MS (5000));
  limber_player_next_exercise (f->player);
  limber_player_stop (f->player, FALSE);
  g_assert_cmpint (limber_player_get_active_time (f->player), ==, 0);
  assert_log (f, expected);

  limber_player_start (f->player);
  all_controls (f->player);
  run_until (f, 100000);
  assert_log (f, expected);
  g_assert_cmpint (limber_player_get_outcome (f->player), ==, LIMBER_OUTCOME_STOPPED);
}

/* Handlers may call controls: the player stays consistent. */
static void
skip_on_countdown (LimberPlayer *player,
                   guint         seconds_left,
                   gpointer      user_data)
{
  if (seconds_left == 2)
    limber_player_skip_phase (player);
}

static void
stop_on_part (LimberPlayer           *player,
              const LimberPartRecord *record,
              gpointer                user_data)
{
  if (record->step == 1)
    limber_player_stop (player, TRUE);
}

static void
test_reentrant (void)
{
  g_autoptr(Fixture) f = fixture_new (small_routine);
  static const char * const expected[] = {
    "state running @0",
    "phase 0 PREPARE step0 NONE set1 @0",
    "phase 1 HOLD step0 NONE set1 @1000",
    "phase 2 SET_REST step0 NONE set2 @4000",
    "phase 3 HOLD step0 NONE set2 @6000",
    "part step0 NONE planned 10000 done 6000 skipped @9000",
    "phase 4 REST step0 NONE @9000",
    "phase 5 PREPARE step1 LEFT @13000",
    "phase 6 HOLD step1 LEFT @14000",
    /* the handler stops the player as it enters the switch: the right side
     * is recorded, and the switch is never announced */
    "part step1 LEFT planned 4000 done 2000 skipped @16000",
    "part step1 RIGHT planned 4000 done 0 skipped @16000",
    "state finished @16000",
    "finished stopped-for-pain @16000",
    NULL,
  };

  f->log_countdowns = FALSE;
  g_signal_connect (f->player, "countdown", G_CALLBACK (skip_on_countdown), NULL);
  g_signal_connect (f->player, "part-finished", G_CALLBACK (stop_on_part), NULL);
  limber_player_start (f->player);
  run_to_end (f);
  assert_log (f, expected);
}

static void
unref_on_phase (LimberPlayer *player,
                guint         index,
                gpointer      user_data)
{
  LimberPlayer **pointer = user_data;

  if (index == 1)
    g_clear_object (pointer);
}

static void
test_unref_running (void)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  g_autoptr(LimberVirtualClock) clock = limber_virtual_clock_new (START);
  LimberRoutine *routine;
  LimberPlayer *player;

  g_assert_true (limber_catalog_load_bundled (catalog, NULL));
  routine = routine_from_text (catalog, small_routine);
  player = limber_player_new (routine, LIMBER_CLOCK (clock));
  g_object_add_weak_pointer (G_OBJECT (player), (gpointer *) &player);
  limber_player_start (player);
  g_assert_cmpuint (limber_virtual_clock_get_n_pending (clock), ==, 1);

  /* the last reference dropped from a handler: the timeout goes with it */
  g_signal_connect (player, "phase-changed", G_CALLBACK (unref_on_phase), &player);
  limber_virtual_clock_advance (clock, MS (SMALL_LENGTH));
  g_assert_null (player);
  g_assert_cmpuint (limber_virtual_clock_get_n_pending (clock), ==, 0);
}

/* Every timeout fires 37 ms late: each event comes 37 ms after its time,
 * but the lateness never adds up, and the player's account is exact. */
static void
test_no_drift (void)
{
  const guint latency = 37;
  g_autoptr(Fixture) f = fixture_new_late (small_routine, MS (latency));
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (Event));

  for (guint j = 0; j < G_N_ELEMENTS (small_events); j++)
    {
      Event event = small_events[j];

      if (event.at > 0)
        event.at += latency;
      g_array_append_val (events, event);
    }

  limber_player_start (f->player);
  run_until (f, 20000);
  /* remaining is deadline − now: what is shown is never late */
  g_assert_cmpint (limber_player_get_remaining (f->player), ==, MS (2000));
  run_to_end (f);

  assert_events (f, (const Event *) events->data, events->len);
  g_assert_cmpint (f->finished_at - START, ==, MS (SMALL_LENGTH + latency));
  g_assert_cmpint (limber_player_get_active_time (f->player), ==, MS (SMALL_LENGTH));
  assert_all_parts_complete (f, 5);
}

/* Half an hour of routine, with pauses, advanced in uneven steps, ends at
 * its planned length plus the paused time, to the microsecond. */
static void
test_long_routine (void)
{
  g_autoptr(Fixture) f = fixture_new ("[Routine]\nId=test\nName=Test\nPrepare=5\nSwitchSides=5\n"
                                      "[Step 1]\nExercise=seated-hamstring\nHold=30\nSets=3\nSetRest=10\nRest=20\n"
                                      "[Step 2]\nExercise=standing-calf\nHold=30\nSets=2\nSetRest=10\nRest=20\n"
                                      "[Step 3]\nExercise=knee-to-chest\nHold=20\nSets=3\nSetRest=5\nRest=15\n"
                                      "[Step 4]\nExercise=leg-swings\nRepetitions=10\nTempo=2\nSets=2\nSetRest=10\nRest=15\n"
                                      "[Step 5]\nExercise=figure-four\nHold=30\nSets=2\nSetRest=10\nRest=20\n"
                                      "[Step 6]\nExercise=standing-quadriceps\nHold=30\nSets=2\nSetRest=10\nRest=20\n"
                                      "[Step 7]\nExercise=hip-circles\nRepetitions=10\nTempo=3\nRest=15\n"
                                      "[Step 8]\nExercise=march-in-place\nRepetitions=30\nTempo=1\nRest=0\n"
                                      "[Step 9]\nExercise=chair-hamstring\nHold=30\nSets=2\nSetRest=10\nRest=20\n"
                                      "[Step 10]\nExercise=ankle-circles\nRepetitions=10\nTempo=2\nRest=0\n"
                                      "[Step 11]\nExercise=seated-hamstring\nHold=30\nSets=3\nSetRest=10\nRest=20\n"
                                      "[Step 12]\nExercise=standing-calf\nHold=30\nSets=2\nSetRest=10\nRest=20\n"
                                      "[Step 13]\nExercise=thigh-self-massage\nHold=45\nSets=2\nSetRest=15\n");
  const GArray *phases = limber_player_get_phases (f->player);
  gint64 planned = 0;
  gint64 paused = 0;
  guint n_phase_changes = 0;
  guint n_parts = 0;
  guint32 seed = 1;

  for (guint i = 0; i < phases->len; i++)
    planned += MS (g_array_index (phases, LimberPhase, i).duration_ms);
  g_assert_cmpuint (limber_routine_get_duration (f->routine), ==, 1800);
  g_assert_cmpint (planned, ==, MS (1800 * 1000));

  f->log_countdowns = FALSE;
  limber_player_start (f->player);

  while (limber_player_get_state (f->player) != LIMBER_PLAYER_STATE_FINISHED)
    {
      /* uneven steps of up to a second, from a fixed pseudo-random sequence */
      seed = seed * 1103515245 + 12345;
      limber_virtual_clock_advance (f->clock, 1 + (seed >> 8) % 997000);
      check_pending (f);

      if (limber_player_get_state (f->player) == LIMBER_PLAYER_STATE_RUNNING && (seed >> 4) % 97 == 0)
        {
          gint64 pause = 1 + (seed >> 12) % 60000000;

          limber_player_pause (f->player);
          limber_virtual_clock_advance (f->clock, pause);
          paused += pause;
          limber_player_resume (f->player);
        }
    }

  for (guint i = 0; i < f->log->len; i++)
    {
      const char *line = g_ptr_array_index (f->log, i);

      n_phase_changes += g_str_has_prefix (line, "phase ");
      n_parts += g_str_has_prefix (line, "part ");
    }
  g_test_message ("paused %.3f s in all", paused / 1e6);
  g_assert_cmpint (paused, >, 0);
  g_assert_cmpuint (n_phase_changes, ==, phases->len);
  g_assert_cmpuint (n_parts, ==, g_hash_table_size (f->last_parts));
  assert_all_parts_complete (f, 23);
  g_assert_cmpint (limber_player_get_active_time (f->player), ==, planned);
  g_assert_cmpint (limber_player_get_paused_time (f->player), ==, paused);
  g_assert_cmpint (f->finished_at - START, ==, planned + paused);
}

typedef struct
{
  GMainLoop *loop;
  gint64     finished_at;
} SystemData;

static void
on_system_finished (LimberPlayer  *player,
                    LimberOutcome  outcome,
                    SystemData    *d)
{
  d->finished_at = g_get_monotonic_time ();
  g_main_loop_quit (d->loop);
}

/* The real clock: a 2 s routine runs to the end and never ends early. How
 * close to the planned end it lands is measured by the player-timing
 * benchmark, not asserted here: a loaded machine must not fail a test. */
static void
test_system_clock (void)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(LimberPlayer) player = NULL;
  LimberRoutine *routine;
  SystemData d = { loop, 0 };
  gint64 start;

  g_assert_true (limber_catalog_load_bundled (catalog, NULL));
  routine = routine_from_text (catalog,
                               "[Routine]\nId=test\nName=Test\nPrepare=0\n"
                               "[Step 1]\nExercise=seated-hamstring\nHold=1\nSets=2\nSetRest=0\n");
  player = limber_player_new (routine, limber_system_clock_get_default ());
  g_signal_connect (player, "finished", G_CALLBACK (on_system_finished), &d);

  start = g_get_monotonic_time ();
  limber_player_start (player);
  g_main_loop_run (loop);

  g_test_message ("finished %.3f ms after the planned end", (d.finished_at - start - MS (2000)) / 1000.0);
  g_assert_cmpint (limber_player_get_outcome (player), ==, LIMBER_OUTCOME_COMPLETED);
  g_assert_cmpint (d.finished_at, >=, start + MS (2000));
  /* the player's own account is exact whatever the latency */
  g_assert_cmpint (limber_player_get_active_time (player), ==, MS (2000));
}

/* The session's end is its start plus the time on the player's monotonic
 * clock, never the wall clock read again: a wall clock set back during a
 * routine (here: virtual time passing while the wall clock hardly moves)
 * cannot store an end before the start, and the stored length is exact. */
static void
test_recorder_monotonic_end (void)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  g_autoptr(LimberVirtualClock) clock = limber_virtual_clock_new (START);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "recorder.db", NULL);
  g_autoptr(LimberJournal) journal = NULL;
  g_autoptr(LimberPlayer) player = NULL;
  g_autoptr(LimberSessionRecorder) recorder = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;
  LimberSessionInfo *session;

  g_assert_true (limber_catalog_load_bundled (catalog, NULL));
  journal = limber_journal_open (path, &error);
  g_assert_no_error (error);
  player = limber_player_new (routine_from_text (catalog, small_routine), LIMBER_CLOCK (clock));
  recorder = limber_session_recorder_new (journal, player);

  limber_player_start (player);
  limber_virtual_clock_advance (clock, MS (10000));
  limber_player_pause (player);
  limber_virtual_clock_advance (clock, MS (60000));
  limber_player_resume (player);
  limber_virtual_clock_advance (clock, MS (SMALL_LENGTH));
  g_assert_cmpint (limber_player_get_state (player), ==, LIMBER_PLAYER_STATE_FINISHED);

  sessions = limber_journal_list_sessions (journal, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 1);
  session = g_ptr_array_index (sessions, 0);
  g_assert_nonnull (session->ended_at);
  /* 49 s of routine and a minute's pause, to the millisecond */
  g_assert_cmpint (g_date_time_difference (session->ended_at, session->started_at) / 1000,
                   ==, SMALL_LENGTH + 60000);
  g_assert_cmpuint (session->active_ms, ==, SMALL_LENGTH);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/player/small-routine", test_small_routine);
  g_test_add_func ("/player/recorder/monotonic-end", test_recorder_monotonic_end);
  g_test_add_func ("/player/one-sided-hold", test_one_sided_hold);
  g_test_add_func ("/player/each-side-no-prepare", test_each_side_no_prepare);
  g_test_add_func ("/player/repetitions", test_repetitions);
  g_test_add_func ("/player/repetitions-paused", test_repetitions_paused);
  g_test_add_func ("/player/sets", test_sets);
  g_test_add_func ("/player/skip-phase", test_skip_phase);
  g_test_add_func ("/player/next-exercise", test_next_exercise);
  g_test_add_func ("/player/previous-exercise", test_previous_exercise);
  g_test_add_func ("/player/previous-threshold", test_previous_threshold);
  g_test_add_func ("/player/pause-each-phase", test_pause_each_phase);
  g_test_add_func ("/player/toggle-pause", test_toggle_pause);
  g_test_add_func ("/player/controls-while-paused", test_controls_while_paused);
  g_test_add_func ("/player/restart-phase", test_restart_phase);
  g_test_add_func ("/player/stop", test_stop);
  g_test_add_func ("/player/controls-when-idle", test_controls_when_idle);
  g_test_add_func ("/player/reentrant", test_reentrant);
  g_test_add_func ("/player/unref-running", test_unref_running);
  g_test_add_func ("/player/no-drift", test_no_drift);
  g_test_add_func ("/player/long-routine", test_long_routine);
  g_test_add_func ("/player/system-clock", test_system_clock);

  return g_test_run ();
}
