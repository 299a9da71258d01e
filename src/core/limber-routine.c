/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-catalog"

#include <glib/gi18n-lib.h>

#include "limber-catalog-error.h"
#include "limber-catalog-private.h"
#include "limber-check.h"
#include "limber-enums.h"
#include "limber-keyfile-private.h"
#include "limber-routine.h"

#define GROUP "Routine"

struct _LimberRoutine
{
  GObject   parent_instance;

  char     *id;
  char     *name;
  char     *summary;
  char     *source;
  gboolean  bundled;
  guint     prepare;          /* as the file says, when own_prepare */
  guint     switch_sides;     /* as the file says, when own_switch_sides */
  gboolean  own_prepare;
  gboolean  own_switch_sides;
  guint     default_prepare;  /* the person's choice, for the others */
  guint     default_switch_sides;
  GArray   *steps;
};

/* The journal stores a part's side by its nick. */
G_DEFINE_ENUM_TYPE (LimberSide, limber_side,
  G_DEFINE_ENUM_VALUE (LIMBER_SIDE_NONE, "none"),
  G_DEFINE_ENUM_VALUE (LIMBER_SIDE_LEFT, "left"),
  G_DEFINE_ENUM_VALUE (LIMBER_SIDE_RIGHT, "right"))

/* Sides= in a step */
G_DEFINE_ENUM_TYPE (LimberSides, limber_sides,
  G_DEFINE_ENUM_VALUE (LIMBER_SIDES_BOTH, "both"),
  G_DEFINE_ENUM_VALUE (LIMBER_SIDES_LEFT, "left"),
  G_DEFINE_ENUM_VALUE (LIMBER_SIDES_RIGHT, "right"))

G_DEFINE_FINAL_TYPE (LimberRoutine, limber_routine, G_TYPE_OBJECT)

static void
clear_step (gpointer data)
{
  LimberRoutineStep *step = data;

  g_clear_object (&step->exercise);
}

static void
limber_routine_finalize (GObject *object)
{
  LimberRoutine *self = (LimberRoutine *) object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->summary);
  g_free (self->source);
  g_array_unref (self->steps);

  G_OBJECT_CLASS (limber_routine_parent_class)->finalize (object);
}

static void
limber_routine_class_init (LimberRoutineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = limber_routine_finalize;
}

static void
limber_routine_init (LimberRoutine *self)
{
  self->default_prepare = LIMBER_ROUTINE_DEFAULT_PREPARE;
  self->default_switch_sides = LIMBER_ROUTINE_DEFAULT_SWITCH_SIDES;
  self->steps = g_array_new (FALSE, TRUE, sizeof (LimberRoutineStep));
  g_array_set_clear_func (self->steps, clear_step);
}

/* [Step N], N a whole number from 1, written without leading zeros. */
gboolean
_limber_routine_is_step_group (const char *group)
{
  guint64 n;

  return g_str_has_prefix (group, "Step ") && group[5] >= '1' && group[5] <= '9' &&
         g_ascii_string_to_unsigned (group + 5, 10, 1, G_MAXUINT, &n, NULL);
}

static gboolean
parse_step (LimberKeyfileContext *ctx,
            const char         *group,
            GHashTable         *exercises,
            LimberRoutineStep  *step,
            GError            **error)
{
  g_autofree char *exercise_id = NULL;
  g_autofree char *sides = NULL;
  LimberExercise *exercise;
  gboolean counted;

  if (!(exercise_id = _limber_keyfile_get_text (ctx, group, "Exercise", TRUE, error)))
    return FALSE;

  exercise = g_hash_table_lookup (exercises, exercise_id);
  if (exercise == NULL)
    {
      _limber_keyfile_set_error (ctx, error, LIMBER_CATALOG_ERROR_UNKNOWN_EXERCISE, group, "Exercise",
                                 _("[%s] uses an unknown exercise “%s”"), group, exercise_id);
      return FALSE;
    }

  step->exercise = g_object_ref (exercise);
  step->hold = limber_exercise_get_hold (exercise);
  step->repetitions = limber_exercise_get_repetitions (exercise);
  step->tempo = limber_exercise_get_tempo (exercise);
  step->sets = limber_exercise_get_sets (exercise);
  step->set_rest = limber_exercise_get_set_rest (exercise);
  step->rest = 0;
  counted = step->repetitions > 0;

  if (!counted && (g_key_file_has_key (ctx->key_file, group, "Repetitions", NULL) ||
                   g_key_file_has_key (ctx->key_file, group, "Tempo", NULL)))
    {
      _limber_keyfile_set_error (ctx, error, LIMBER_CATALOG_ERROR_INVALID_VALUE, group, "Repetitions",
                                 _("“%s” is held, not counted: use Hold instead of Repetitions or Tempo"),
                                 exercise_id);
      return FALSE;
    }
  if (counted && g_key_file_has_key (ctx->key_file, group, "Hold", NULL))
    {
      _limber_keyfile_set_error (ctx, error, LIMBER_CATALOG_ERROR_INVALID_VALUE, group, "Hold",
                                 _("“%s” is counted, not held: use Repetitions instead of Hold"),
                                 exercise_id);
      return FALSE;
    }

  /* Only an EachSide exercise has sides to choose; on another one Sides=
   * is ignored, so that making an exercise one-sided later does not
   * break the routines that use it. */
  sides = _limber_keyfile_get_text (ctx, group, "Sides", FALSE, NULL);
  if (sides != NULL)
    {
      int value;

      if (!limber_enum_from_nick (LIMBER_TYPE_SIDES, sides, &value))
        {
          _limber_keyfile_set_error (ctx, error, LIMBER_CATALOG_ERROR_INVALID_VALUE, group, "Sides",
                                     _("Sides must be both, left or right, not “%s”"), sides);
          return FALSE;
        }
      step->sides = value;
    }

  return _limber_keyfile_get_uint (ctx, group, "Hold", 1, LIMBER_HOLD_MAX, &step->hold, error) &&
         _limber_keyfile_get_uint (ctx, group, "Repetitions", 1, LIMBER_REPETITIONS_MAX, &step->repetitions, error) &&
         _limber_keyfile_get_uint (ctx, group, "Tempo", 1, LIMBER_TEMPO_MAX, &step->tempo, error) &&
         _limber_keyfile_get_uint (ctx, group, "Sets", 1, LIMBER_SETS_MAX, &step->sets, error) &&
         _limber_keyfile_get_uint (ctx, group, "SetRest", 0, LIMBER_REST_MAX, &step->set_rest, error) &&
         _limber_keyfile_get_uint (ctx, group, "Rest", 0, LIMBER_REST_MAX, &step->rest, error);
}

LimberRoutine *
limber_routine_new_from_key_file (GKeyFile   *key_file,
                                  const char *text,
                                  const char *display_name,
                                  GHashTable *exercises,
                                  gboolean    bundled,
                                  GError    **error)
{
  LimberKeyfileContext ctx = { display_name, text, key_file };
  g_autoptr(LimberRoutine) self = NULL;
  g_auto(GStrv) groups = NULL;

  g_return_val_if_fail (key_file != NULL, NULL);
  g_return_val_if_fail (exercises != NULL, NULL);

  self = g_object_new (LIMBER_TYPE_ROUTINE, NULL);
  self->bundled = bundled;
  self->source = g_strdup (display_name);

  if (!g_key_file_has_group (key_file, GROUP))
    {
      _limber_keyfile_set_error (&ctx, error, LIMBER_CATALOG_ERROR_MISSING_KEY, NULL, NULL,
                                 _("there is no [%s] group"), GROUP);
      return NULL;
    }

  if (!(self->id = _limber_keyfile_get_text (&ctx, GROUP, "Id", TRUE, error)) ||
      !_limber_keyfile_check_id (&ctx, GROUP, self->id, error) ||
      !(self->name = _limber_keyfile_get_text (&ctx, GROUP, "Name", TRUE, error)) ||
      !_limber_keyfile_get_uint (&ctx, GROUP, "Prepare", 0, LIMBER_PREPARE_MAX, &self->prepare, error) ||
      !_limber_keyfile_get_uint (&ctx, GROUP, "SwitchSides", 0, LIMBER_SWITCH_SIDES_MAX, &self->switch_sides, error))
    return NULL;
  self->own_prepare = g_key_file_has_key (key_file, GROUP, "Prepare", NULL);
  self->own_switch_sides = g_key_file_has_key (key_file, GROUP, "SwitchSides", NULL);

  self->summary = _limber_keyfile_get_text (&ctx, GROUP, "Summary", FALSE, NULL);
  if (self->summary == NULL)
    self->summary = g_strdup ("");

  {
    GError *check_error = NULL;

    if (!_limber_keyfile_check (&ctx, GROUP, "Name", limber_check_name (self->name, &check_error),
                                &check_error, error) ||
        !_limber_keyfile_check (&ctx, GROUP, "Summary", limber_check_summary (self->summary, &check_error),
                                &check_error, error))
      return NULL;
  }

  if (bundled)
    {
      char *name = g_strdup (g_dgettext (GETTEXT_PACKAGE, self->name));
      char *summary = g_strdup (*self->summary ? g_dgettext (GETTEXT_PACKAGE, self->summary) : "");

      g_free (self->name);
      self->name = name;
      g_free (self->summary);
      self->summary = summary;
    }

  groups = g_key_file_get_groups (key_file, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      LimberRoutineStep step = { 0 };

      if (g_str_equal (groups[i], GROUP))
        continue;

      if (!_limber_routine_is_step_group (groups[i]))
        {
          _limber_keyfile_set_error (&ctx, error, LIMBER_CATALOG_ERROR_SYNTAX, groups[i], NULL,
                                     _("unknown group [%s]; steps are groups named [Step 1], [Step 2], …"),
                                     groups[i]);
          return NULL;
        }

      if (self->steps->len >= LIMBER_ROUTINE_MAX_STEPS)
        {
          _limber_keyfile_set_error (&ctx, error, LIMBER_CATALOG_ERROR_OUT_OF_RANGE, groups[i], NULL,
                                     _("a routine can have at most %d steps"), LIMBER_ROUTINE_MAX_STEPS);
          return NULL;
        }

      if (!parse_step (&ctx, groups[i], exercises, &step, error))
        {
          clear_step (&step);
          return NULL;
        }
      g_array_append_val (self->steps, step);
    }

  if (self->steps->len == 0)
    {
      _limber_keyfile_set_error (&ctx, error, LIMBER_CATALOG_ERROR_MISSING_KEY, NULL, NULL,
                                 _("the routine has no steps; add a [Step 1] group with an Exercise"));
      return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
limber_routine_get_id (LimberRoutine *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), NULL);
  return self->id;
}

const char *
limber_routine_get_name (LimberRoutine *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), NULL);
  return self->name;
}

const char *
limber_routine_get_summary (LimberRoutine *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), NULL);
  return self->summary;
}

/**
 * limber_routine_get_source:
 *
 * Returns: where the routine was loaded from: a path for a user routine, the
 * data-set file name for a bundled one.
 */
const char *
limber_routine_get_source (LimberRoutine *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), NULL);
  return self->source;
}

gboolean
limber_routine_is_bundled (LimberRoutine *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), FALSE);
  return self->bundled;
}

guint
limber_routine_get_n_steps (LimberRoutine *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), 0);
  return self->steps->len;
}

const LimberRoutineStep *
limber_routine_get_step (LimberRoutine *self,
                         guint          index)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);
  return &g_array_index (self->steps, LimberRoutineStep, index);
}

/**
 * limber_routine_get_cover:
 *
 * Returns: (transfer none): the exercise whose picture stands for the
 * routine: its first stretch, or its first step when it has none.
 */
LimberExercise *
limber_routine_get_cover (LimberRoutine *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), NULL);

  for (guint i = 0; i < self->steps->len; i++)
    {
      LimberExercise *exercise = g_array_index (self->steps, LimberRoutineStep, i).exercise;

      if (limber_exercise_get_kind (exercise) == LIMBER_EXERCISE_KIND_STRETCH)
        return exercise;
    }
  return g_array_index (self->steps, LimberRoutineStep, 0).exercise;
}

/**
 * limber_routine_get_prepare:
 *
 * Returns: the seconds to get ready before each exercise: the routine
 * file's own Prepare=, or else the default set with
 * limber_routine_set_default_timings().
 */
guint
limber_routine_get_prepare (LimberRoutine *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), 0);
  return self->own_prepare ? self->prepare : self->default_prepare;
}

/**
 * limber_routine_get_switch_sides:
 *
 * Returns: the seconds to switch sides: the routine file's own
 * SwitchSides=, or else the default.
 */
guint
limber_routine_get_switch_sides (LimberRoutine *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), 0);
  return self->own_switch_sides ? self->switch_sides : self->default_switch_sides;
}

/**
 * limber_routine_set_default_timings:
 * @prepare: seconds to get ready, at most 60
 * @switch_sides: seconds to switch sides, at most 60
 *
 * Sets the person's choice of transition times, which apply where the
 * routine file does not set its own.
 */
void
limber_routine_set_default_timings (LimberRoutine *self,
                                    guint          prepare,
                                    guint          switch_sides)
{
  g_return_if_fail (LIMBER_IS_ROUTINE (self));
  self->default_prepare = MIN (prepare, 60);
  self->default_switch_sides = MIN (switch_sides, 60);
}

LimberExerciseKind
limber_routine_get_kinds (LimberRoutine *self)
{
  LimberExerciseKind kinds = 0;

  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), 0);

  for (guint i = 0; i < self->steps->len; i++)
    kinds |= limber_exercise_get_kind (g_array_index (self->steps, LimberRoutineStep, i).exercise);
  return kinds;
}

static void
add_phase (GArray          *phases,
           LimberPhaseKind  kind,
           guint            step,
           LimberSide       side,
           guint            set,
           guint            n_sets,
           guint            seconds)
{
  LimberPhase phase = { kind, step, side, set, n_sets, 0, 0, seconds * 1000 };

  if (seconds > 0)
    g_array_append_val (phases, phase);
}

/**
 * limber_routine_build_phases:
 *
 * Flattens the routine into the timed phases the player steps through: get
 * ready, then each set on each side (with rests between sets and a pause to
 * switch sides), then the step's rest. Phases of zero length are left out.
 *
 * Returns: (transfer full) (element-type LimberPhase): the phases.
 */
GArray *
limber_routine_build_phases (LimberRoutine *self)
{
  GArray *phases;

  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), NULL);

  phases = g_array_new (FALSE, TRUE, sizeof (LimberPhase));

  for (guint i = 0; i < self->steps->len; i++)
    {
      const LimberRoutineStep *step = &g_array_index (self->steps, LimberRoutineStep, i);
      gboolean each_side = limber_exercise_get_each_side (step->exercise);
      LimberSide first = each_side ? LIMBER_SIDE_LEFT : LIMBER_SIDE_NONE;
      LimberSide last = each_side ? LIMBER_SIDE_RIGHT : LIMBER_SIDE_NONE;

      if (each_side && step->sides == LIMBER_SIDES_LEFT)
        last = LIMBER_SIDE_LEFT;
      else if (each_side && step->sides == LIMBER_SIDES_RIGHT)
        first = LIMBER_SIDE_RIGHT;

      add_phase (phases, LIMBER_PHASE_PREPARE, i, first, 1, step->sets, limber_routine_get_prepare (self));

      for (LimberSide side = first; side <= last; side++)
        {
          if (side == LIMBER_SIDE_RIGHT && first == LIMBER_SIDE_LEFT)
            add_phase (phases, LIMBER_PHASE_SWITCH_SIDES, i, side, 1, step->sets,
                       limber_routine_get_switch_sides (self));

          for (guint set = 1; set <= step->sets; set++)
            {
              if (set > 1)
                add_phase (phases, LIMBER_PHASE_SET_REST, i, side, set, step->sets, step->set_rest);

              if (step->repetitions > 0)
                {
                  LimberPhase phase = {
                    LIMBER_PHASE_REPETITIONS, i, side, set, step->sets,
                    step->repetitions, step->tempo * 1000,
                    step->repetitions * step->tempo * 1000,
                  };
                  g_array_append_val (phases, phase);
                }
              else
                add_phase (phases, LIMBER_PHASE_HOLD, i, side, set, step->sets, step->hold);
            }
        }

      if (i + 1 < self->steps->len)
        add_phase (phases, LIMBER_PHASE_REST, i, LIMBER_SIDE_NONE, 1, 1, step->rest);
    }

  return phases;
}

/**
 * limber_routine_get_duration:
 *
 * Returns: the planned length of the routine in seconds, the sum of its phases.
 */
guint
limber_routine_get_duration (LimberRoutine *self)
{
  g_autoptr(GArray) phases = NULL;
  guint64 total_ms = 0;

  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), 0);

  phases = limber_routine_build_phases (self);
  for (guint i = 0; i < phases->len; i++)
    total_ms += g_array_index (phases, LimberPhase, i).duration_ms;
  return (guint) (total_ms / 1000);
}

/**
 * limber_format_duration_rounded:
 * @seconds: a length of time
 *
 * Returns: (transfer full): the length to the nearest minute, “6 min”, for
 * lists where seconds would be noise; under 90 s it stays exact.
 */
char *
limber_format_duration_rounded (guint seconds)
{
  if (seconds < 90)
    return limber_format_duration (seconds);
  return limber_format_duration ((seconds + 30) / 60 * 60);
}

/**
 * limber_format_duration:
 * @seconds: a length of time
 *
 * Returns: (transfer full): a short label such as “6 min”, “1 min 30 s” or “45 s”.
 */
char *
limber_format_duration (guint seconds)
{
  guint minutes = seconds / 60;
  guint rest = seconds % 60;

  if (minutes == 0)
    return g_strdup_printf (_("%u s"), rest);
  if (rest == 0)
    return g_strdup_printf (_("%u min"), minutes);
  return g_strdup_printf (_("%u min %u s"), minutes, rest);
}

/**
 * limber_routine_step_describe:
 * @step: a step; its exercise may be %NULL (an editor's step whose
 *   exercise is not chosen yet)
 *
 * What a step asks, for people, as the routine page and the routine
 * editor show it: “Hold 30 s · 2 sets · each side”, “10 times, 2 s each ·
 * left side only”. The sides are said only for an exercise done on each
 * side.
 *
 * Returns: (transfer full): the description
 */
char *
limber_routine_step_describe (const LimberRoutineStep *step)
{
  GString *text;

  g_return_val_if_fail (step != NULL, NULL);

  text = g_string_new (NULL);
  if (step->repetitions > 0 && step->tempo > 0)
    /* Translators: a counted move: the repetitions and the seconds each one takes */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u time, %u s each", "%u times, %u s each",
                                               step->repetitions),
                            step->repetitions, step->tempo);
  else if (step->repetitions > 0)
    /* Translators: a counted move's repetitions */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u time", "%u times", step->repetitions),
                            step->repetitions);
  else
    /* Translators: how long a stretch is held */
    g_string_append_printf (text, _("Hold %u s"), step->hold);

  if (step->sets > 1)
    /* Translators: the number of sets of a step, after its timing */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, " · %u set", " · %u sets", step->sets),
                            step->sets);

  if (step->exercise != NULL && limber_exercise_get_each_side (step->exercise))
    switch (step->sides)
      {
      case LIMBER_SIDES_LEFT:
        g_string_append (text, _(" · left side only"));
        break;
      case LIMBER_SIDES_RIGHT:
        g_string_append (text, _(" · right side only"));
        break;
      case LIMBER_SIDES_BOTH:
      default:
        g_string_append (text, _(" · each side"));
        break;
      }
  return g_string_free (text, FALSE);
}

/* The draft's steps (exercises referenced) become the routine's; values
 * out of the loader's range are clamped, so that the editor can show a
 * length while a field is still being typed. */
LimberRoutine *
_limber_routine_new_unchecked (const char *name,
                               int         prepare,
                               int         switch_sides,
                               GArray     *steps)
{
  LimberRoutine *self = g_object_new (LIMBER_TYPE_ROUTINE, NULL);

  self->id = g_strdup ("");
  self->name = g_strdup (name ? name : "");
  self->summary = g_strdup ("");
  self->source = g_strdup ("");
  self->own_prepare = prepare >= 0;
  self->prepare = CLAMP (prepare, 0, LIMBER_PREPARE_MAX);
  self->own_switch_sides = switch_sides >= 0;
  self->switch_sides = CLAMP (switch_sides, 0, LIMBER_SWITCH_SIDES_MAX);

  for (guint i = 0; i < steps->len && i < LIMBER_ROUTINE_MAX_STEPS; i++)
    {
      LimberRoutineStep step = g_array_index (steps, LimberRoutineStep, i);

      step.exercise = g_object_ref (step.exercise);
      if (limber_exercise_get_repetitions (step.exercise) > 0)
        {
          step.hold = 0;
          step.repetitions = CLAMP (step.repetitions, 1, LIMBER_REPETITIONS_MAX);
          step.tempo = CLAMP (step.tempo, 1, LIMBER_TEMPO_MAX);
        }
      else
        {
          step.hold = CLAMP (step.hold, 1, LIMBER_HOLD_MAX);
          step.repetitions = step.tempo = 0;
        }
      step.sets = CLAMP (step.sets, 1, LIMBER_SETS_MAX);
      step.set_rest = MIN (step.set_rest, LIMBER_REST_MAX);
      step.rest = MIN (step.rest, LIMBER_REST_MAX);
      g_array_append_val (self->steps, step);
    }
  return self;
}

/* A program's level (limber-program.c): its steps are the groups
 * @step_groups of the program's file, parsed exactly as a routine's steps,
 * so a level accepts and refuses what a routine does. @prepare and
 * @switch_sides are -1 when the program does not set them. */
LimberRoutine *
_limber_routine_new_level (const LimberKeyfileContext  *ctx,
                           const char                  *id,
                           const char                  *name,
                           int                          prepare,
                           int                          switch_sides,
                           GPtrArray                   *step_groups,
                           GHashTable                  *exercises,
                           gboolean                     bundled,
                           GError                     **error)
{
  g_autoptr(LimberRoutine) self = g_object_new (LIMBER_TYPE_ROUTINE, NULL);

  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->summary = g_strdup ("");
  self->source = g_strdup (ctx->display_name);
  self->bundled = bundled;
  self->own_prepare = prepare >= 0;
  self->prepare = MAX (prepare, 0);
  self->own_switch_sides = switch_sides >= 0;
  self->switch_sides = MAX (switch_sides, 0);

  for (guint i = 0; i < step_groups->len; i++)
    {
      LimberRoutineStep step = { 0 };

      if (!parse_step ((LimberKeyfileContext *) ctx, g_ptr_array_index (step_groups, i),
                       exercises, &step, error))
        {
          clear_step (&step);
          return NULL;
        }
      g_array_append_val (self->steps, step);
    }
  return g_steal_pointer (&self);
}

/* Prepare= and SwitchSides= as the file has them, -1 when absent */
void
_limber_routine_get_own_timings (LimberRoutine *self,
                                 int           *prepare,
                                 int           *switch_sides)
{
  *prepare = self->own_prepare ? (int) self->prepare : -1;
  *switch_sides = self->own_switch_sides ? (int) self->switch_sides : -1;
}
