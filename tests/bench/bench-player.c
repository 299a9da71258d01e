/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How close to its planned boundaries the player keeps a routine on the real
 * clock, against a same-run baseline: a plain chain of g_timeout_add_full(),
 * each phase's timeout added when the one before fires, as a naive timer
 * would. Errors are actual monotonic time − planned boundary. It prints
 * results and never fails on timing. */
#include <locale.h>

#include <glib/gstdio.h>

#include "limber-catalog.h"
#include "limber-player.h"

#define TARGET_MS 10.0

/* 13 phases, 20 s: holds, both sides, sets, counted moves. */
static const char routine_20s[] =
  "[Routine]\nId=bench-20\nName=Bench 20 s\nPrepare=1\nSwitchSides=1\n"
  "[Step 1]\nExercise=seated-hamstring\nHold=2\nSets=2\nSetRest=1\nRest=1\n"
  "[Step 2]\nExercise=standing-calf\nHold=2\n"
  "[Step 3]\nExercise=posture-reset\nRepetitions=1\nTempo=3\n"
  "[Step 4]\nExercise=march-in-place\nRepetitions=2\nTempo=1\n";

/* 3 phases, 5 s. */
static const char routine_5s[] =
  "[Routine]\nId=bench-5\nName=Bench 5 s\nPrepare=1\n"
  "[Step 1]\nExercise=seated-hamstring\nHold=2\nSets=2\nSetRest=0\n";

typedef struct
{
  GMainLoop *loop;
  GArray    *phases;     /* of LimberPhase */
  gint64     start;
  gint64    *errors;     /* one per phase boundary, the last at the end */
  guint      n_errors;
  guint      next;       /* baseline: the phase whose end is awaited */
} Run;

static gint64
planned_boundary (Run   *run,
                  guint  index)
{
  gint64 t = run->start;

  for (guint i = 0; i < index; i++)
    t += (gint64) g_array_index (run->phases, LimberPhase, i).duration_ms * 1000;
  return t;
}

static void
record (Run   *run,
        guint  index)
{
  gint64 now = g_get_monotonic_time ();

  g_assert (index < run->n_errors);
  run->errors[index] = now - planned_boundary (run, index);
}

static void
on_phase_changed (LimberPlayer *player,
                  guint         index,
                  Run          *run)
{
  record (run, index);
}

static void
on_finished (LimberPlayer  *player,
             LimberOutcome  outcome,
             Run           *run)
{
  record (run, run->phases->len);
  g_main_loop_quit (run->loop);
}

static void
run_player (Run           *run,
            LimberRoutine *routine)
{
  g_autoptr(LimberPlayer) player = limber_player_new (routine, limber_system_clock_get_default ());

  g_signal_connect (player, "phase-changed", G_CALLBACK (on_phase_changed), run);
  g_signal_connect (player, "finished", G_CALLBACK (on_finished), run);

  run->start = g_get_monotonic_time ();
  limber_player_start (player);
  g_main_loop_run (run->loop);
}

static gboolean baseline_timeout (gpointer data);

static void
baseline_enter (Run *run)
{
  guint ms = g_array_index (run->phases, LimberPhase, run->next).duration_ms;

  g_timeout_add_full (G_PRIORITY_DEFAULT, ms, baseline_timeout, run, NULL);
}

static gboolean
baseline_timeout (gpointer data)
{
  Run *run = data;

  run->next++;
  record (run, run->next);
  if (run->next < run->phases->len)
    baseline_enter (run);
  else
    g_main_loop_quit (run->loop);
  return G_SOURCE_REMOVE;
}

static void
run_baseline (Run *run)
{
  run->next = 0;
  run->start = g_get_monotonic_time ();
  record (run, 0);
  baseline_enter (run);
  g_main_loop_run (run->loop);
}

static Run *
run_new (GMainLoop     *loop,
         LimberRoutine *routine)
{
  Run *run = g_new0 (Run, 1);

  run->loop = loop;
  run->phases = limber_routine_build_phases (routine);
  run->n_errors = run->phases->len + 1;
  run->errors = g_new0 (gint64, run->n_errors);
  return run;
}

static void
run_free (Run *run)
{
  g_array_unref (run->phases);
  g_free (run->errors);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Run, run_free)

static void
summarize (Run    *run,
           double *max_ms,
           double *mean_ms,
           double *end_ms)
{
  double sum = 0;

  *max_ms = 0;
  for (guint i = 0; i < run->n_errors; i++)
    {
      double e = ABS (run->errors[i]) / 1000.0;

      *max_ms = MAX (*max_ms, e);
      sum += e;
    }
  *mean_ms = sum / run->n_errors;
  *end_ms = run->errors[run->n_errors - 1] / 1000.0;
}

static char *
ratio (double baseline,
       double player)
{
  /* below 1 µs the ratio would only measure noise */
  if (player < 0.001)
    return g_strdup ("(player error below 1 µs)");
  return g_strdup_printf ("%.1f×", baseline / player);
}

static const char *
kind_name (LimberPhaseKind kind)
{
  static const char * const names[] = {
    "prepare", "hold", "repetitions", "set rest", "switch sides", "rest",
  };
  return names[kind];
}

static void
print_table (Run *player,
             Run *baseline)
{
  g_print ("%-5s %-13s %8s %10s %16s %18s\n",
           "phase", "kind", "length", "boundary", "player error", "g_timeout error");
  for (guint i = 0; i < player->n_errors; i++)
    {
      gboolean end = i == player->phases->len;
      const LimberPhase *phase = end ? NULL : &g_array_index (player->phases, LimberPhase, i);
      g_autofree char *index = end ? g_strdup ("end") : g_strdup_printf ("%u", i);

      g_print ("%-5s %-13s %6.1f s %8.1f s %13.3f ms %15.3f ms\n",
               index, end ? "" : kind_name (phase->kind),
               end ? 0.0 : phase->duration_ms / 1000.0,
               (planned_boundary (player, i) - player->start) / 1e6,
               player->errors[i] / 1000.0, baseline->errors[i] / 1000.0);
    }
}

static void
load_routines (LimberCatalog *catalog)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) dir_file = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path_5 = NULL;
  g_autofree char *path_20 = NULL;
  guint n_loaded;

  if (!limber_catalog_load_bundled (catalog, &error))
    g_error ("%s", error->message);

  if ((dir = g_dir_make_tmp ("limber-bench-XXXXXX", &error)) == NULL)
    g_error ("%s", error->message);
  path_5 = g_build_filename (dir, "bench-5.routine", NULL);
  path_20 = g_build_filename (dir, "bench-20.routine", NULL);
  if (!g_file_set_contents (path_5, routine_5s, -1, &error) ||
      !g_file_set_contents (path_20, routine_20s, -1, &error))
    g_error ("%s", error->message);

  dir_file = g_file_new_for_path (dir);
  n_loaded = limber_catalog_load_user_routines (catalog, dir_file);
  g_remove (path_5);
  g_remove (path_20);
  g_rmdir (dir);
  if (n_loaded != 2)
    g_error ("the benchmark routines did not load");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  static const char * const ids[] = { "bench-5", "bench-20" };
  double max[2][2], mean[2][2], end[2][2];   /* [routine][player, baseline] */
  g_autofree char *end_ratio = NULL;
  g_autofree char *max_ratio = NULL;
  g_autofree char *mean_ratio = NULL;
  guint n_boundaries = 0;

  setlocale (LC_ALL, "");
  load_routines (catalog);

  g_print ("Player timing on the system clock (error = actual − planned boundary)\n");

  for (guint r = 0; r < G_N_ELEMENTS (ids); r++)
    {
      LimberRoutine *routine = limber_catalog_lookup_routine (catalog, ids[r]);
      g_autoptr(Run) player = run_new (loop, routine);
      g_autoptr(Run) baseline = run_new (loop, routine);

      run_player (player, routine);
      run_baseline (baseline);

      summarize (player, &max[r][0], &mean[r][0], &end[r][0]);
      summarize (baseline, &max[r][1], &mean[r][1], &end[r][1]);

      g_print ("\n%s, %u s, %u phases\n", ids[r], limber_routine_get_duration (routine), player->phases->len);
      print_table (player, baseline);
      n_boundaries = player->n_errors;
    }

  end_ratio = ratio (ABS (end[1][1]), ABS (end[1][0]));
  max_ratio = ratio (max[1][1], max[1][0]);
  mean_ratio = ratio (mean[1][1], mean[1][0]);

  g_print ("\nSummary, 20 s routine (%u boundaries)\n", n_boundaries);
  g_print ("  %-16s %12s %12s %12s\n", "", "max |error|", "mean |error|", "at the end");
  g_print ("  %-16s %9.3f ms %9.3f ms %9.3f ms\n", "player", max[1][0], mean[1][0], end[1][0]);
  g_print ("  %-16s %9.3f ms %9.3f ms %9.3f ms\n", "g_timeout chain", max[1][1], mean[1][1], end[1][1]);
  g_print ("  g_timeout chain / player: %s at the end, %s worst, %s mean\n", end_ratio, max_ratio, mean_ratio);

  g_print ("\nGrowth with length (error at the end)\n");
  for (guint r = 0; r < G_N_ELEMENTS (ids); r++)
    g_print ("  %-8s player %8.3f ms, g_timeout chain %8.3f ms\n", ids[r], end[r][0], end[r][1]);

  g_print ("\nTarget: every boundary within %.0f ms: %s\n", TARGET_MS,
           MAX (max[0][0], max[1][0]) < TARGET_MS ? "met" : "NOT met (reported, not enforced)");

  return EXIT_SUCCESS;
}
