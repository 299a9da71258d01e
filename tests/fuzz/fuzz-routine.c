/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A user's routine file, as the catalog loads it (limber-catalog.c's
 * add_routine(): _limber_keyfile_load(), then
 * limber_routine_new_from_key_file() against the bundled exercises), then
 * flattened into the phases the player would play. */
#include "limber-catalog.h"
#include "limber-keyfile-private.h"

#include "fuzz-common.h"

#define DISPLAY_NAME "/home/user/.local/share/limber/routines/fuzz.routine"

static GHashTable *
bundled_exercises (void)
{
  static GHashTable *exercises;

  if (exercises == NULL)
    {
      g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
      g_autoptr(GError) error = NULL;
      GListModel *list;

      if (!limber_catalog_load_bundled (catalog, &error))
        g_error ("the bundled data set does not load: %s", error->message);

      exercises = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
      list = limber_catalog_get_exercises (catalog);
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          LimberExercise *exercise = g_list_model_get_item (list, i);

          g_hash_table_insert (exercises, (char *) limber_exercise_get_id (exercise), exercise);
        }
    }
  return exercises;
}

static void
check_routine (LimberRoutine *routine)
{
  g_autoptr(GArray) phases = NULL;
  guint n_steps = limber_routine_get_n_steps (routine);
  guint64 total_ms = 0;

  if (n_steps < 1 || n_steps > LIMBER_ROUTINE_MAX_STEPS)
    g_error ("a routine with %u steps was accepted", n_steps);
  if (*limber_routine_get_name (routine) == '\0')
    g_error ("a routine without a name was accepted");
  for (guint i = 0; i < n_steps; i++)
    {
      const LimberRoutineStep *step = limber_routine_get_step (routine, i);

      if (step->exercise == NULL || step->sets < 1 || step->sets > LIMBER_SETS_MAX ||
          step->hold > LIMBER_HOLD_MAX || step->rest > LIMBER_REST_MAX ||
          step->repetitions > LIMBER_REPETITIONS_MAX || step->tempo > LIMBER_TEMPO_MAX ||
          (step->hold == 0) == (step->repetitions == 0))
        g_error ("step %u was accepted with values out of range", i + 1);
    }

  limber_routine_set_default_timings (routine, 60, 60);
  phases = limber_routine_build_phases (routine);
  if (phases->len == 0)
    g_error ("a routine with steps has no phases");
  for (guint i = 0; i < phases->len; i++)
    {
      const LimberPhase *phase = &g_array_index (phases, LimberPhase, i);
      const LimberRoutineStep *step;
      guint64 expected_ms;

      if (phase->step >= n_steps || phase->duration_ms == 0)
        g_error ("phase %u: step %u, %u ms", i, phase->step, phase->duration_ms);
      step = limber_routine_get_step (routine, phase->step);
      /* the same arithmetic in 64 bits: a wrapped guint would differ */
      if (phase->kind == LIMBER_PHASE_HOLD)
        expected_ms = (guint64) step->hold * 1000;
      else if (phase->kind == LIMBER_PHASE_REPETITIONS)
        expected_ms = (guint64) step->repetitions * step->tempo * 1000;
      else
        expected_ms = phase->duration_ms;
      if (expected_ms != phase->duration_ms)
        g_error ("phase %u lasts %u ms, not %" G_GUINT64_FORMAT, i, phase->duration_ms, expected_ms);
      total_ms += phase->duration_ms;
    }
  if (limber_routine_get_duration (routine) != total_ms / 1000)
    g_error ("the routine lasts %u s but its phases %" G_GUINT64_FORMAT " ms",
             limber_routine_get_duration (routine), total_ms);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GKeyFile) key_file = NULL;
  g_autoptr(LimberRoutine) routine = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  LimberKeyfileContext ctx;

  fuzz_init ();
  if (size > LIMBER_ROUTINE_FILE_MAX_SIZE)
    return 0;

  /* as g_file_load_contents() gives it: NUL-terminated, maybe with NULs inside */
  text = g_malloc (size + 1);
  memcpy (text, data, size);
  text[size] = '\0';

  key_file = g_key_file_new ();
  ctx.display_name = DISPLAY_NAME;
  ctx.text = text;
  ctx.key_file = key_file;

  if (_limber_keyfile_load (&ctx, size, &error))
    routine = limber_routine_new_from_key_file (key_file, text, DISPLAY_NAME,
                                                bundled_exercises (), FALSE, &error);

  if (routine == NULL)
    {
      /* every refusal names the file, for the problems list */
      if (error == NULL || error->domain != LIMBER_CATALOG_ERROR ||
          !g_str_has_prefix (error->message, DISPLAY_NAME ":"))
        g_error ("refused without naming the file: %s", error ? error->message : "(no error)");
      return 0;
    }

  if (error != NULL)
    g_error ("a routine and an error: %s", error->message);
  check_routine (routine);
  return 0;
}
