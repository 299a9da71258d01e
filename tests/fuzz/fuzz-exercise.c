/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An exercise file of the data set, as limber_catalog_load_bundled() reads
 * each one: _limber_keyfile_load(), then limber_exercise_new_from_key_file(). */
#include "limber-catalog.h"
#include "limber-keyfile-private.h"

#include "fuzz-common.h"

#define DISPLAY_NAME "exercises/fuzz.exercise"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GKeyFile) key_file = NULL;
  g_autoptr(LimberExercise) exercise = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *kinds = NULL;
  LimberKeyfileContext ctx;
  guint shortest = 0, longest = 0;

  fuzz_init ();
  if (size > LIMBER_ROUTINE_FILE_MAX_SIZE)
    return 0;

  text = g_malloc (size + 1);
  memcpy (text, data, size);
  text[size] = '\0';

  key_file = g_key_file_new ();
  ctx.display_name = DISPLAY_NAME;
  ctx.text = text;
  ctx.key_file = key_file;

  if (_limber_keyfile_load (&ctx, size, &error))
    exercise = limber_exercise_new_from_key_file (key_file, text, DISPLAY_NAME, &error);

  if (exercise == NULL)
    {
      if (error == NULL || error->domain != LIMBER_CATALOG_ERROR ||
          !g_str_has_prefix (error->message, DISPLAY_NAME ":"))
        g_error ("refused without naming the file: %s", error ? error->message : "(no error)");
      return 0;
    }

  /* what the window and the voice read from an accepted exercise */
  if (*limber_exercise_get_name (exercise) == '\0' ||
      *limber_exercise_get_caution (exercise) == '\0' ||
      limber_exercise_get_muscles (exercise) == NULL ||
      limber_exercise_get_instructions (exercise) == NULL)
    g_error ("an exercise was accepted without its name, caution, muscles or instructions");
  if ((limber_exercise_get_hold (exercise) == 0) == (limber_exercise_get_repetitions (exercise) == 0))
    g_error ("an exercise was accepted that is neither held nor counted, or both");
  if (limber_exercise_get_sets (exercise) < 1 || limber_exercise_get_sets (exercise) > LIMBER_SETS_MAX)
    g_error ("an exercise was accepted with %u sets", limber_exercise_get_sets (exercise));
  limber_exercise_get_hold_range (exercise, &shortest, &longest);
  if (shortest > longest)
    g_error ("HoldRange %u–%u was accepted", shortest, longest);
  kinds = limber_exercise_kinds_describe (limber_exercise_get_kind (exercise));
  for (const char * const *m = limber_exercise_get_muscles (exercise); *m; m++)
    if (!g_utf8_validate (*m, -1, NULL))
      g_error ("a muscle name is not UTF-8");
  return 0;
}
