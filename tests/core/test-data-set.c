/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The bundled data set, checked as a whole: if a bundled file is wrong, this
 * test fails and the build is not shipped, so the app never meets a bad
 * bundled file at run time. */
#include "limber-catalog.h"

static LimberCatalog *
load_bundled (void)
{
  g_autoptr(GError) error = NULL;
  LimberCatalog *catalog = limber_catalog_new ();

  limber_catalog_load_bundled (catalog, &error);
  g_assert_no_error (error);
  return catalog;
}

static void
test_loads_strictly (void)
{
  g_autoptr(LimberCatalog) catalog = load_bundled ();

  g_assert_cmpuint (g_list_model_get_n_items (limber_catalog_get_exercises (catalog)), >=, 14);
  g_assert_cmpuint (g_list_model_get_n_items (limber_catalog_get_routines (catalog)), >=, 5);
  g_assert_cmpuint (limber_catalog_get_problems (catalog)->len, ==, 0);
}

/* The exercises the project promises, with their advised hold ranges. */
static void
test_required_exercises (void)
{
  g_autoptr(LimberCatalog) catalog = load_bundled ();
  static const struct {
    const char *id;
    gboolean each_side;
    guint min, max;
  } stretches[] = {
    { "seated-hamstring", FALSE, 20, 30 },
    { "standing-quadriceps", TRUE, 20, 30 },
    { "standing-calf", TRUE, 20, 30 },
    { "knee-to-chest", TRUE, 15, 20 },
  };
  GListModel *exercises = limber_catalog_get_exercises (catalog);
  guint kinds[4] = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (stretches); i++)
    {
      LimberExercise *e = limber_catalog_lookup_exercise (catalog, stretches[i].id);
      guint min, max;

      g_assert_nonnull (e);
      g_assert_cmpint (limber_exercise_get_kind (e), ==, LIMBER_EXERCISE_KIND_STRETCH);
      g_assert_cmpint (limber_exercise_get_each_side (e), ==, stretches[i].each_side);
      limber_exercise_get_hold_range (e, &min, &max);
      g_assert_cmpuint (min, ==, stretches[i].min);
      g_assert_cmpuint (max, ==, stretches[i].max);
      g_assert_cmpuint (limber_exercise_get_hold (e), >=, min);
      g_assert_cmpuint (limber_exercise_get_hold (e), <=, max);
    }

  for (guint i = 0; i < g_list_model_get_n_items (exercises); i++)
    {
      g_autoptr(LimberExercise) e = g_list_model_get_item (exercises, i);

      kinds[g_bit_nth_lsf (limber_exercise_get_kind (e), -1)]++;
    }
  g_assert_cmpuint (kinds[0], >=, 6);  /* stretches */
  g_assert_cmpuint (kinds[1], >=, 5);  /* warm-ups */
  g_assert_cmpuint (kinds[2], >=, 1);  /* self-massage */
  g_assert_cmpuint (kinds[3], >=, 1);  /* posture */
}

static void
test_every_exercise_complete (void)
{
  g_autoptr(LimberCatalog) catalog = load_bundled ();
  GListModel *exercises = limber_catalog_get_exercises (catalog);

  for (guint i = 0; i < g_list_model_get_n_items (exercises); i++)
    {
      g_autoptr(LimberExercise) e = g_list_model_get_item (exercises, i);
      const char * const *steps = limber_exercise_get_instructions (e);
      guint work;

      g_test_message ("exercise %s", limber_exercise_get_id (e));
      g_assert_cmpuint (g_strv_length ((char **) steps), >=, 3);
      g_assert_cmpuint (g_strv_length ((char **) limber_exercise_get_muscles (e)), >=, 1);
      g_assert_cmpuint (strlen (limber_exercise_get_summary (e)), <, 100);
      g_assert_cmpuint (strlen (limber_exercise_get_caution (e)), >, 20);

      /* what a search finds it by: its muscles, other words for them
       * ("calf" for Calves), its kind in the singular and the plural */
      {
        g_autofree char *words = limber_exercise_dup_search_text (e);

        g_assert_true (g_str_match_string (limber_exercise_get_muscles (e)[0], words, TRUE));
        g_assert_true (g_str_match_string (limber_exercise_kind_describe (limber_exercise_get_kind (e)), words, TRUE));
        if (g_strv_contains (limber_exercise_get_muscles (e), "Calves"))
          g_assert_true (g_str_match_string ("calf", words, TRUE));
        else
          g_assert_false (g_str_match_string ("calf", words, TRUE));
      }

      /* sane durations: a hold of 10 s to 2 min, a counted move of 10 s to 3 min */
      if (limber_exercise_get_repetitions (e) > 0)
        {
          work = limber_exercise_get_repetitions (e) * limber_exercise_get_tempo (e);
          g_assert_cmpuint (work, >=, 10);
          g_assert_cmpuint (work, <=, 180);
        }
      else
        {
          work = limber_exercise_get_hold (e);
          g_assert_cmpuint (work, >=, 10);
          g_assert_cmpuint (work, <=, 120);
        }
    }
}

typedef struct
{
  gboolean root_seen;
  gboolean has_viewbox;
  guint    n_shapes;
} SvgCheck;

static void
svg_start (GMarkupParseContext  *context,
           const char           *element,
           const char          **names,
           const char          **values,
           gpointer              user_data,
           GError              **error)
{
  SvgCheck *check = user_data;

  if (!check->root_seen)
    {
      g_assert_cmpstr (element, ==, "svg");
      check->root_seen = TRUE;
      for (guint i = 0; names[i]; i++)
        if (g_str_equal (names[i], "viewBox"))
          check->has_viewbox = TRUE;
        else if (g_str_equal (names[i], "xmlns"))
          g_assert_cmpstr (values[i], ==, "http://www.w3.org/2000/svg");
    }

  if (g_str_equal (element, "path") || g_str_equal (element, "circle") ||
      g_str_equal (element, "line") || g_str_equal (element, "rect") ||
      g_str_equal (element, "ellipse") || g_str_equal (element, "polyline"))
    check->n_shapes++;

  /* drawn for this project, self-contained */
  g_assert_cmpstr (element, !=, "script");
  g_assert_cmpstr (element, !=, "image");
}

static void
test_illustrations (void)
{
  g_autoptr(LimberCatalog) catalog = load_bundled ();
  GListModel *exercises = limber_catalog_get_exercises (catalog);
  static const GMarkupParser parser = { svg_start, NULL, NULL, NULL, NULL };

  for (guint i = 0; i < g_list_model_get_n_items (exercises); i++)
    {
      g_autoptr(LimberExercise) e = g_list_model_get_item (exercises, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GMarkupParseContext) context = NULL;
      SvgCheck check = { 0 };
      gsize length;
      const char *text;

      g_test_message ("illustration %s", limber_exercise_get_illustration_path (e));
      bytes = g_resources_lookup_data (limber_exercise_get_illustration_path (e), 0, &error);
      g_assert_no_error (error);

      text = g_bytes_get_data (bytes, &length);
      context = g_markup_parse_context_new (&parser, 0, &check, NULL);
      g_markup_parse_context_parse (context, text, length, &error);
      g_assert_no_error (error);
      g_markup_parse_context_end_parse (context, &error);
      g_assert_no_error (error);
      g_assert_true (check.root_seen);
      g_assert_true (check.has_viewbox);
      g_assert_cmpuint (check.n_shapes, >=, 5);
    }
}

/* The routines the project promises, with their target lengths. */
static void
test_required_routines (void)
{
  g_autoptr(LimberCatalog) catalog = load_bundled ();
  static const struct {
    const char *id;
    guint target;
    guint tolerance;
  } routines[] = {
    { "morning-hamstrings", 6 * 60, 45 },
    { "pre-run-warm-up", 6 * 60, 45 },
    { "desk-break", 2 * 60, 20 },
    { "evening-wind-down", 8 * 60, 60 },
    { "post-run-cool-down", 6 * 60 + 30, 90 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (routines); i++)
    {
      LimberRoutine *r = limber_catalog_lookup_routine (catalog, routines[i].id);
      guint duration;

      g_assert_nonnull (r);
      g_assert_true (limber_routine_is_bundled (r));
      duration = limber_routine_get_duration (r);
      g_test_message ("%s: %u s", routines[i].id, duration);
      g_assert_cmpuint (duration, >=, routines[i].target - routines[i].tolerance);
      g_assert_cmpuint (duration, <=, routines[i].target + routines[i].tolerance);
      g_assert_cmpstr (limber_routine_get_summary (r), !=, "");
    }

  /* the pre-run warm-up moves; it does not hold long static stretches */
  {
    LimberRoutine *r = limber_catalog_lookup_routine (catalog, "pre-run-warm-up");

    for (guint i = 0; i < limber_routine_get_n_steps (r); i++)
      g_assert_cmpint (limber_exercise_get_kind (limber_routine_get_step (r, i)->exercise),
                       ==, LIMBER_EXERCISE_KIND_WARM_UP);
  }
}

static void
collect_names (const char *folder,
               const char *suffix,
               GPtrArray  *names)
{
  g_autofree char *path = g_build_filename (g_getenv ("LIMBER_DATA_SRCDIR"), folder, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)))
    if (g_str_has_suffix (name, suffix))
      g_ptr_array_add (names, g_strdup (name));
}

/* A file added to data/ but not to the resource list would silently be
 * missing from the app. */
static void
test_resource_lists_every_file (void)
{
  static const struct {
    const char *folder, *suffix, *resource;
  } sets[] = {
    { "exercises", ".exercise", LIMBER_RESOURCE_PREFIX "/data/exercises/" },
    { "routines", ".routine", LIMBER_RESOURCE_PREFIX "/data/routines/" },
    { "programs", ".program", LIMBER_RESOURCE_PREFIX "/data/programs/" },
    { "illustrations", ".svg", LIMBER_RESOURCE_PREFIX "/illustrations/" },
  };

  if (g_getenv ("LIMBER_DATA_SRCDIR") == NULL)
    {
      g_test_skip ("LIMBER_DATA_SRCDIR is not set");
      return;
    }

  for (guint s = 0; s < G_N_ELEMENTS (sets); s++)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

      collect_names (sets[s].folder, sets[s].suffix, names);
      g_assert_cmpuint (names->len, >, 0);
      for (guint i = 0; i < names->len; i++)
        {
          g_autofree char *path = g_strconcat (sets[s].resource, g_ptr_array_index (names, i), NULL);

          g_test_message ("%s", path);
          g_assert_true (g_resources_get_info (path, 0, NULL, NULL, NULL));
        }
    }
}

/* The programs the project promises. Every session of every level, each
 * part of a level of several, uses exercises of the data set and holds
 * each stretch within the range its exercise advises; each level grows
 * from the one before, part by part. */
static void
test_programs (void)
{
  g_autoptr(LimberCatalog) catalog = load_bundled ();
  GListModel *programs = limber_catalog_get_programs (catalog);
  LimberProgram *hamstrings = limber_catalog_lookup_program (catalog, "looser-hamstrings");
  LimberProgram *runners = limber_catalog_lookup_program (catalog, "runners-warm-up-cool-down");

  g_assert_cmpuint (g_list_model_get_n_items (programs), >=, 2);
  g_assert_nonnull (runners);
  g_assert_nonnull (hamstrings);

  for (guint p = 0; p < g_list_model_get_n_items (programs); p++)
    {
      g_autoptr(LimberProgram) program = g_list_model_get_item (programs, p);
      const char *program_id = limber_program_get_id (program);
      guint n_parts = limber_program_get_n_parts (program, 1);
      g_autoptr(GArray) previous = g_array_new (FALSE, TRUE, sizeof (guint));

      g_array_set_size (previous, n_parts);
      g_assert_cmpstr (limber_program_get_summary (program), !=, "");
      g_assert_cmpuint (limber_program_get_n_levels (program), >=, 2);
      /* three times the whole level: each part played counts */
      g_assert_cmpuint (limber_program_get_sessions_to_advance (program), ==, 3 * n_parts);
      for (guint level = 1; level <= limber_program_get_n_levels (program); level++)
        {
          g_autofree char *level_id = limber_program_make_level_routine_id (program_id, level);

          g_assert_cmpstr (limber_program_get_level_name (program, level), !=, "");
          g_assert_null (limber_catalog_lookup_routine (catalog, level_id));
          g_assert_cmpuint (limber_program_find_level (program, level_id), ==, level);
          /* the same parts at every level */
          g_assert_cmpuint (limber_program_get_n_parts (program, level), ==, n_parts);
          g_assert_true (limber_program_get_level_routine (program, level) ==
                         limber_program_get_part_routine (program, level, 1));

          for (guint part = 1; part <= n_parts; part++)
            {
              LimberRoutine *routine = limber_program_get_part_routine (program, level, part);
              const char *name = limber_program_get_part_name (program, level, part);
              g_autofree char *id = n_parts == 1 ? g_strdup (level_id)
                                                 : limber_program_make_part_routine_id (program_id, level, part);
              guint duration = limber_routine_get_duration (routine);
              guint found_part = 99;

              g_assert_cmpstr (limber_routine_get_id (routine), ==, id);
              g_assert_null (limber_catalog_lookup_routine (catalog, id));
              g_assert_cmpuint (limber_program_find_part (program, id, &found_part), ==, level);
              g_assert_cmpuint (found_part, ==, part);
              if (n_parts == 1)
                g_assert_null (name);
              else
                {
                  g_assert_nonnull (name);
                  g_assert_cmpstr (name, !=, "");
                  g_assert_nonnull (strstr (limber_routine_get_name (routine), name));
                }
              g_test_message ("%s level %u part %u: %u s", program_id, level, part, duration);
              g_assert_cmpuint (duration, >, g_array_index (previous, guint, part - 1));
              g_array_index (previous, guint, part - 1) = duration;
              g_assert_cmpuint (limber_routine_get_n_steps (routine), >=, 1);
              for (guint i = 0; i < limber_routine_get_n_steps (routine); i++)
                {
                  const LimberRoutineStep *step = limber_routine_get_step (routine, i);
                  const char *exercise_id = limber_exercise_get_id (step->exercise);
                  guint min = 0, max = 0;

                  g_assert_true (limber_catalog_lookup_exercise (catalog, exercise_id) == step->exercise);
                  limber_exercise_get_hold_range (step->exercise, &min, &max);
                  if (step->hold > 0 && max > 0)
                    {
                      g_assert_cmpuint (step->hold, >=, min);
                      g_assert_cmpuint (step->hold, <=, max);
                    }
                  else if (step->hold > 0)
                    g_assert_cmpuint (step->hold, <=, limber_exercise_get_hold (step->exercise));
                }
            }
        }
    }

  /* runners: a warm-up before the run, then a cool-down after it */
  g_assert_cmpuint (limber_program_get_n_parts (runners, 1), ==, 2);
  for (guint level = 1; level <= limber_program_get_n_levels (runners); level++)
    {
      LimberRoutine *warm_up = limber_program_get_part_routine (runners, level, 1);
      LimberRoutine *cool_down = limber_program_get_part_routine (runners, level, 2);

      for (guint i = 0; i < limber_routine_get_n_steps (warm_up); i++)
        g_assert_cmpint (limber_exercise_get_kind (limber_routine_get_step (warm_up, i)->exercise), ==,
                         LIMBER_EXERCISE_KIND_WARM_UP);
      for (guint i = 0; i < limber_routine_get_n_steps (cool_down); i++)
        g_assert_cmpint (limber_exercise_get_kind (limber_routine_get_step (cool_down, i)->exercise), ==,
                         LIMBER_EXERCISE_KIND_STRETCH);
    }

  /* desk workers: 20-second holds, once, up to two holds of 30 seconds */
  {
    guint n = limber_program_get_n_levels (hamstrings);
    const LimberRoutineStep *first = NULL, *last = NULL;

    for (guint i = 0; i < limber_routine_get_n_steps (limber_program_get_level_routine (hamstrings, 1)); i++)
      if (g_str_equal (limber_exercise_get_id (limber_routine_get_step (limber_program_get_level_routine (hamstrings, 1), i)->exercise),
                       "seated-hamstring"))
        {
          first = limber_routine_get_step (limber_program_get_level_routine (hamstrings, 1), i);
          last = limber_routine_get_step (limber_program_get_level_routine (hamstrings, n), i);
        }
    g_assert_nonnull (first);
    g_assert_cmpuint (first->hold, ==, 20);
    g_assert_cmpuint (first->sets, ==, 1);
    g_assert_cmpuint (last->hold, ==, 30);
    g_assert_cmpuint (last->sets, ==, 2);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/data-set/loads-strictly", test_loads_strictly);
  g_test_add_func ("/data-set/required-exercises", test_required_exercises);
  g_test_add_func ("/data-set/every-exercise-complete", test_every_exercise_complete);
  g_test_add_func ("/data-set/illustrations", test_illustrations);
  g_test_add_func ("/data-set/required-routines", test_required_routines);
  g_test_add_func ("/data-set/programs", test_programs);
  g_test_add_func ("/data-set/resource-lists-every-file", test_resource_lists_every_file);

  return g_test_run ();
}
