/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A shared routine (`*.limber-routine`) as an import reads it
 * (limber_bundle_new_from_bytes(): the key file, the routine, its own
 * exercises and their base64 pictures, checked against the bundled data
 * set), and the preview the window shows of it. Every half of a picture
 * is also given to the picture sniffer on its own, since a picture file
 * chosen in the exercise form reaches it without a bundle around it. */
#include "limber-bundle.h"
#include "limber-catalog-private.h"

#include "fuzz-common.h"

static LimberCatalog *
bundled_catalog (void)
{
  static LimberCatalog *catalog;

  if (catalog == NULL)
    {
      g_autoptr(GError) error = NULL;

      catalog = limber_catalog_new ();
      if (!limber_catalog_load_bundled (catalog, &error))
        g_error ("the bundled data set does not load: %s", error->message);
    }
  return catalog;
}

static void
check_bundle (LimberBundle *bundle)
{
  LimberRoutine *routine = limber_bundle_get_routine (bundle);
  GListModel *exercises = limber_bundle_get_exercises (bundle);
  guint n_steps = limber_bundle_get_n_steps (bundle);
  g_autoptr(GPtrArray) clashes = NULL;

  if (routine == NULL || n_steps < 1 || n_steps > LIMBER_ROUTINE_MAX_STEPS)
    g_error ("a bundle with %u steps was accepted", n_steps);
  if (limber_bundle_get_name (bundle) == NULL || *limber_bundle_get_name (bundle) == '\0' ||
      !g_utf8_validate (limber_bundle_get_name (bundle), -1, NULL))
    g_error ("a bundle without a valid name was accepted");
  if (!g_utf8_validate (limber_bundle_get_summary (bundle), -1, NULL))
    g_error ("a summary that is not UTF-8 was accepted");
  (void) limber_bundle_get_duration (bundle);

  for (guint i = 0; i < g_list_model_get_n_items (exercises); i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (exercises, i);
      const char *mime_type = NULL;
      GBytes *picture = limber_bundle_get_picture_data (bundle, limber_exercise_get_id (exercise), &mime_type);

      if (limber_exercise_is_bundled (exercise))
        g_error ("a bundle brought a bundled exercise");
      if (g_str_has_prefix (limber_exercise_get_id (exercise), "my-") == FALSE &&
          limber_catalog_lookup_exercise (bundled_catalog (), limber_exercise_get_id (exercise)) != NULL)
        g_error ("a bundle's exercise took a bundled id");
      if (picture != NULL)
        {
          gsize size;
          const guint8 *data = g_bytes_get_data (picture, &size);
          const char *sniffed = _limber_picture_sniff (data, size, NULL);

          if (g_strcmp0 (sniffed, mime_type) != 0)
            g_error ("a picture of type %s was accepted as %s", sniffed ? sniffed : "(none)", mime_type);
        }
    }

  clashes = limber_bundle_get_clashes (bundle, bundled_catalog ());
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LimberBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;

  fuzz_init ();
  if (size > LIMBER_BUNDLE_MAX_SIZE)
    return 0;

  /* the sniffer on its own: it must never read past the end */
  (void) _limber_picture_sniff (data, size, NULL);

  bytes = g_bytes_new (data, size);
  bundle = limber_bundle_new_from_bytes (bundled_catalog (), bytes, "fuzz.limber-routine", &error);
  if (bundle == NULL)
    {
      if (error == NULL || error->message == NULL || !g_utf8_validate (error->message, -1, NULL))
        g_error ("a bundle was refused without a readable message");
      return 0;
    }
  g_assert_no_error (error);
  check_bundle (bundle);
  return 0;
}
