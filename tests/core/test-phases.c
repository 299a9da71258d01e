/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How a routine is flattened into timed phases, and so how long it lasts;
 * how a step and a length are said. */
#include "limber-catalog.h"

static LimberRoutine *
routine_from_text (LimberCatalog *catalog,
                   const char    *text)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "phases", NULL);
  g_autofree char *path = g_build_filename (dir, "test.routine", NULL);
  g_autoptr(GFile) dir_file = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0700);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (limber_catalog_load_user_routines (catalog, dir_file), ==, 1);
  return limber_catalog_lookup_routine (catalog, "test");
}

#define P(kind, step, side, set, ms) { LIMBER_PHASE_##kind, step, LIMBER_SIDE_##side, set, ms }

typedef struct
{
  LimberPhaseKind kind;
  guint           step;
  LimberSide      side;
  guint           set;
  guint           duration_ms;
} Expected;

static void
test_sequence (void)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) phases = NULL;
  LimberRoutine *routine;
  /* one-sided hold with two sets, a two-sided hold, a counted move */
  static const Expected expected[] = {
    P (PREPARE, 0, NONE, 1, 4000),
    P (HOLD, 0, NONE, 1, 30000),
    P (SET_REST, 0, NONE, 2, 5000),
    P (HOLD, 0, NONE, 2, 30000),
    P (REST, 0, NONE, 1, 10000),
    P (PREPARE, 1, LEFT, 1, 4000),
    P (HOLD, 1, LEFT, 1, 20000),
    P (SWITCH_SIDES, 1, RIGHT, 1, 2000),
    P (HOLD, 1, RIGHT, 1, 20000),
    P (PREPARE, 2, LEFT, 1, 4000),
    P (REPETITIONS, 2, LEFT, 1, 12000),
    P (SWITCH_SIDES, 2, RIGHT, 1, 2000),
    P (REPETITIONS, 2, RIGHT, 1, 12000),
  };
  guint total = 0;

  g_assert_true (limber_catalog_load_bundled (catalog, &error));
  routine = routine_from_text (catalog,
                               "[Routine]\nId=test\nName=Test\nPrepare=4\nSwitchSides=2\n"
                               "[Step 1]\nExercise=seated-hamstring\nHold=30\nSets=2\nSetRest=5\nRest=10\n"
                               "[Step 2]\nExercise=knee-to-chest\nHold=20\n"
                               "[Step 3]\nExercise=leg-swings\nRepetitions=6\nTempo=2\nRest=30\n");
  phases = limber_routine_build_phases (routine);

  g_assert_cmpuint (phases->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < phases->len; i++)
    {
      const LimberPhase *p = &g_array_index (phases, LimberPhase, i);

      g_assert_cmpint (p->kind, ==, expected[i].kind);
      g_assert_cmpuint (p->step, ==, expected[i].step);
      g_assert_cmpint (p->side, ==, expected[i].side);
      g_assert_cmpuint (p->set, ==, expected[i].set);
      g_assert_cmpuint (p->duration_ms, ==, expected[i].duration_ms);
      total += expected[i].duration_ms;
    }

  /* the counted move knows its count and tempo */
  g_assert_cmpuint (g_array_index (phases, LimberPhase, 10).repetitions, ==, 6);
  g_assert_cmpuint (g_array_index (phases, LimberPhase, 10).tempo_ms, ==, 2000);
  /* no rest after the last step: the routine is over */
  g_assert_cmpuint (limber_routine_get_duration (routine), ==, total / 1000);
}

static void
test_no_prepare (void)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  g_autoptr(GArray) phases = NULL;
  LimberRoutine *routine;

  g_assert_true (limber_catalog_load_bundled (catalog, NULL));
  routine = routine_from_text (catalog,
                               "[Routine]\nId=test\nName=Test\nPrepare=0\nSwitchSides=0\n"
                               "[Step 1]\nExercise=standing-calf\nHold=15\n");
  phases = limber_routine_build_phases (routine);
  g_assert_cmpuint (phases->len, ==, 2);
  g_assert_cmpint (g_array_index (phases, LimberPhase, 0).side, ==, LIMBER_SIDE_LEFT);
  g_assert_cmpint (g_array_index (phases, LimberPhase, 1).side, ==, LIMBER_SIDE_RIGHT);
  g_assert_cmpuint (limber_routine_get_duration (routine), ==, 30);
}

/* The person's get-ready and switch-sides times apply to routines whose
 * file does not set them; a file's own times win; the list re-sorts. */
static void
test_default_timings (void)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  g_autoptr(GArray) phases = NULL;
  LimberRoutine *plain, *own;
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "timings", NULL);
  g_autofree char *plain_path = g_build_filename (dir, "plain.routine", NULL);
  g_autofree char *own_path = g_build_filename (dir, "own.routine", NULL);
  g_autoptr(GFile) dir_file = g_file_new_for_path (dir);

  g_assert_true (limber_catalog_load_bundled (catalog, NULL));
  g_mkdir_with_parents (dir, 0700);
  g_assert_true (g_file_set_contents (plain_path, "[Routine]\nId=plain\nName=Plain\n"
                                      "[Step 1]\nExercise=standing-calf\nHold=15\n", -1, NULL));
  g_assert_true (g_file_set_contents (own_path, "[Routine]\nId=own\nName=Own\nPrepare=2\nSwitchSides=4\n"
                                      "[Step 1]\nExercise=standing-calf\nHold=15\n", -1, NULL));
  g_assert_cmpuint (limber_catalog_load_user_routines (catalog, dir_file), ==, 2);
  plain = limber_catalog_lookup_routine (catalog, "plain");
  own = limber_catalog_lookup_routine (catalog, "own");

  /* the built-in defaults: 5 s to get ready, 10 s to switch sides */
  g_assert_cmpuint (limber_routine_get_prepare (plain), ==, 5);
  g_assert_cmpuint (limber_routine_get_switch_sides (plain), ==, 10);
  g_assert_cmpuint (limber_routine_get_duration (plain), ==, 5 + 15 + 10 + 15);

  limber_catalog_set_default_timings (catalog, 8, 20);
  g_assert_cmpuint (limber_routine_get_duration (plain), ==, 8 + 15 + 20 + 15);
  phases = limber_routine_build_phases (plain);
  g_assert_cmpint (g_array_index (phases, LimberPhase, 2).kind, ==, LIMBER_PHASE_SWITCH_SIDES);
  g_assert_cmpuint (g_array_index (phases, LimberPhase, 2).duration_ms, ==, 20000);

  /* the file's own times are kept */
  g_assert_cmpuint (limber_routine_get_prepare (own), ==, 2);
  g_assert_cmpuint (limber_routine_get_switch_sides (own), ==, 4);
  g_assert_cmpuint (limber_routine_get_duration (own), ==, 2 + 15 + 4 + 15);

  /* shortest first: Own (36 s) now comes before Plain (58 s) and both
   * before every bundled routine */
  {
    g_autoptr(LimberRoutine) first = g_list_model_get_item (limber_catalog_get_routines (catalog), 0);
    g_autoptr(LimberRoutine) second = g_list_model_get_item (limber_catalog_get_routines (catalog), 1);

    g_assert_true (first == own);
    g_assert_true (second == plain);
  }
}

static void
test_format_duration (void)
{
  static const struct { guint s; const char *text; } cases[] = {
    { 0, "0 s" }, { 45, "45 s" }, { 60, "1 min" }, { 121, "2 min 1 s" }, { 3600, "60 min" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = limber_format_duration (cases[i].s);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_format_duration_rounded (void)
{
  static const struct { guint s; const char *text; } cases[] = {
    { 45, "45 s" }, { 89, "1 min 29 s" }, { 90, "2 min" }, { 121, "2 min" }, { 358, "6 min" }, { 397, "7 min" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = limber_format_duration_rounded (cases[i].s);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* One description for the routine page and the editor's step rows. */
static void
test_step_describe (void)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  g_autoptr(GError) error = NULL;
  LimberExercise *calf, *swings, *posture;
  struct {
    LimberRoutineStep step;
    const char *text;
  } cases[] = {
    { { NULL, 20, 0, 0, 1, 0, 0, LIMBER_SIDES_BOTH }, "Hold 20 s" },
    { { NULL, 0, 3, 0, 1, 0, 0, LIMBER_SIDES_BOTH }, "3 times" },
    { { NULL, 0, 1, 2, 1, 0, 0, LIMBER_SIDES_BOTH }, "1 time, 2 s each" },
    { { NULL, 30, 0, 0, 2, 10, 0, LIMBER_SIDES_BOTH }, "Hold 30 s · 2 sets · each side" },
    { { NULL, 30, 0, 0, 2, 10, 0, LIMBER_SIDES_LEFT }, "Hold 30 s · 2 sets · left side only" },
    { { NULL, 30, 0, 0, 1, 0, 0, LIMBER_SIDES_RIGHT }, "Hold 30 s · right side only" },
    { { NULL, 0, 1, 2, 1, 0, 0, LIMBER_SIDES_BOTH }, "1 time, 2 s each · each side" },
    { { NULL, 0, 10, 2, 3, 0, 0, LIMBER_SIDES_BOTH }, "10 times, 2 s each · 3 sets · each side" },
    /* an exercise done once, not on each side: no side is said */
    { { NULL, 0, 5, 0, 2, 0, 0, LIMBER_SIDES_LEFT }, "5 times · 2 sets" },
  };

  g_assert_true (limber_catalog_load_bundled (catalog, &error));
  g_assert_no_error (error);
  calf = limber_catalog_lookup_exercise (catalog, "standing-calf");
  swings = limber_catalog_lookup_exercise (catalog, "leg-swings");
  posture = limber_catalog_lookup_exercise (catalog, "posture-reset");
  g_assert_true (limber_exercise_get_each_side (calf));
  g_assert_true (limber_exercise_get_each_side (swings));
  g_assert_false (limber_exercise_get_each_side (posture));
  cases[3].step.exercise = cases[4].step.exercise = cases[5].step.exercise = calf;
  cases[6].step.exercise = cases[7].step.exercise = swings;
  cases[8].step.exercise = posture;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = limber_routine_step_describe (&cases[i].step);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/phases/sequence", test_sequence);
  g_test_add_func ("/phases/no-prepare", test_no_prepare);
  g_test_add_func ("/phases/default-timings", test_default_timings);
  g_test_add_func ("/format/duration", test_format_duration);
  g_test_add_func ("/format/duration-rounded", test_format_duration_rounded);
  g_test_add_func ("/format/step", test_step_describe);

  return g_test_run ();
}
