/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-catalog"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "limber-catalog.h"
#include "limber-step-draft.h"

struct _LimberStepDraft
{
  GObject      parent_instance;

  char        *exercise_id;
  guint        values[6];   /* in the order of PROP_HOLD … PROP_REST */
  LimberSides  sides;
};

enum {
  PROP_0,
  PROP_EXERCISE_ID,
  PROP_HOLD,
  PROP_REPETITIONS,
  PROP_TEMPO,
  PROP_SETS,
  PROP_SET_REST,
  PROP_REST,
  PROP_SIDES,
  N_PROPS
};

#define VALUE(self, prop) ((self)->values[(prop) - PROP_HOLD])

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LimberStepDraft, limber_step_draft, G_TYPE_OBJECT)

static void
limber_step_draft_finalize (GObject *object)
{
  LimberStepDraft *self = (LimberStepDraft *) object;

  g_free (self->exercise_id);

  G_OBJECT_CLASS (limber_step_draft_parent_class)->finalize (object);
}

static void
limber_step_draft_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LimberStepDraft *self = LIMBER_STEP_DRAFT (object);

  switch (prop_id)
    {
    case PROP_EXERCISE_ID:
      g_value_set_string (value, self->exercise_id);
      break;
    case PROP_HOLD:
    case PROP_REPETITIONS:
    case PROP_TEMPO:
    case PROP_SETS:
    case PROP_SET_REST:
    case PROP_REST:
      g_value_set_uint (value, VALUE (self, prop_id));
      break;
    case PROP_SIDES:
      g_value_set_enum (value, self->sides);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_value (LimberStepDraft *self,
           guint            prop_id,
           guint            value)
{
  if (VALUE (self, prop_id) != value)
    {
      VALUE (self, prop_id) = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
    }
}

static void
limber_step_draft_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LimberStepDraft *self = LIMBER_STEP_DRAFT (object);

  switch (prop_id)
    {
    case PROP_EXERCISE_ID:
      limber_step_draft_set_exercise_id (self, g_value_get_string (value));
      break;
    case PROP_HOLD:
    case PROP_REPETITIONS:
    case PROP_TEMPO:
    case PROP_SETS:
    case PROP_SET_REST:
    case PROP_REST:
      set_value (self, prop_id, g_value_get_uint (value));
      break;
    case PROP_SIDES:
      limber_step_draft_set_sides (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_step_draft_class_init (LimberStepDraftClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const char *names[] = { "hold", "repetitions", "tempo", "sets", "set-rest", "rest" };
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = limber_step_draft_finalize;
  object_class->get_property = limber_step_draft_get_property;
  object_class->set_property = limber_step_draft_set_property;

  properties[PROP_EXERCISE_ID] = g_param_spec_string ("exercise-id", NULL, NULL, NULL, flags);
  /* no upper bounds here: an out-of-range value is what the check reports */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    properties[PROP_HOLD + i] = g_param_spec_uint (names[i], NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_SIDES] = g_param_spec_enum ("sides", NULL, NULL, LIMBER_TYPE_SIDES,
                                              LIMBER_SIDES_BOTH, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
limber_step_draft_init (LimberStepDraft *self)
{
  VALUE (self, PROP_SETS) = 1;
}

LimberStepDraft *
limber_step_draft_new (void)
{
  return g_object_new (LIMBER_TYPE_STEP_DRAFT, NULL);
}

/**
 * limber_step_draft_new_for_exercise:
 *
 * Returns: (transfer full): a step of @exercise with the exercise's own
 * hold or repetitions, tempo, sets and rest between sets.
 */
LimberStepDraft *
limber_step_draft_new_for_exercise (LimberExercise *exercise)
{
  LimberStepDraft *self = limber_step_draft_new ();

  limber_step_draft_set_exercise (self, exercise);
  return self;
}

LimberStepDraft *
limber_step_draft_new_from_step (const LimberRoutineStep *step)
{
  LimberStepDraft *self;

  g_return_val_if_fail (step != NULL, NULL);

  self = limber_step_draft_new ();
  self->exercise_id = g_strdup (limber_exercise_get_id (step->exercise));
  VALUE (self, PROP_HOLD) = step->hold;
  VALUE (self, PROP_REPETITIONS) = step->repetitions;
  VALUE (self, PROP_TEMPO) = step->tempo;
  VALUE (self, PROP_SETS) = step->sets;
  VALUE (self, PROP_SET_REST) = step->set_rest;
  VALUE (self, PROP_REST) = step->rest;
  self->sides = step->sides;
  return self;
}

LimberStepDraft *
limber_step_draft_copy (LimberStepDraft *self)
{
  LimberStepDraft *copy;

  g_return_val_if_fail (LIMBER_IS_STEP_DRAFT (self), NULL);

  copy = limber_step_draft_new ();
  copy->exercise_id = g_strdup (self->exercise_id);
  memcpy (copy->values, self->values, sizeof self->values);
  copy->sides = self->sides;
  return copy;
}

/**
 * limber_step_draft_set_exercise:
 *
 * Makes the step one of @exercise, with the exercise's own timings (the
 * rest after the step and the sides are kept where they still apply).
 */
void
limber_step_draft_set_exercise (LimberStepDraft *self,
                                LimberExercise  *exercise)
{
  g_return_if_fail (LIMBER_IS_STEP_DRAFT (self));
  g_return_if_fail (LIMBER_IS_EXERCISE (exercise));

  g_object_freeze_notify (G_OBJECT (self));
  limber_step_draft_set_exercise_id (self, limber_exercise_get_id (exercise));
  set_value (self, PROP_HOLD, limber_exercise_get_hold (exercise));
  set_value (self, PROP_REPETITIONS, limber_exercise_get_repetitions (exercise));
  set_value (self, PROP_TEMPO, limber_exercise_get_tempo (exercise));
  set_value (self, PROP_SETS, limber_exercise_get_sets (exercise));
  set_value (self, PROP_SET_REST, limber_exercise_get_set_rest (exercise));
  if (!limber_exercise_get_each_side (exercise))
    limber_step_draft_set_sides (self, LIMBER_SIDES_BOTH);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
limber_step_draft_get_exercise_id (LimberStepDraft *self)
{
  g_return_val_if_fail (LIMBER_IS_STEP_DRAFT (self), NULL);
  return self->exercise_id;
}

void
limber_step_draft_set_exercise_id (LimberStepDraft *self,
                                   const char      *exercise_id)
{
  g_return_if_fail (LIMBER_IS_STEP_DRAFT (self));

  if (g_strcmp0 (self->exercise_id, exercise_id) == 0)
    return;
  g_free (self->exercise_id);
  self->exercise_id = g_strdup (exercise_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXERCISE_ID]);
}

#define DEFINE_VALUE(name, PROP)                                     \
  guint                                                              \
  limber_step_draft_get_##name (LimberStepDraft *self)               \
  {                                                                  \
    g_return_val_if_fail (LIMBER_IS_STEP_DRAFT (self), 0);           \
    return VALUE (self, PROP);                                       \
  }                                                                  \
  void                                                               \
  limber_step_draft_set_##name (LimberStepDraft *self,               \
                                guint            value)              \
  {                                                                  \
    g_return_if_fail (LIMBER_IS_STEP_DRAFT (self));                  \
    set_value (self, PROP, value);                                   \
  }

DEFINE_VALUE (hold, PROP_HOLD)
DEFINE_VALUE (repetitions, PROP_REPETITIONS)
DEFINE_VALUE (tempo, PROP_TEMPO)
DEFINE_VALUE (sets, PROP_SETS)
DEFINE_VALUE (set_rest, PROP_SET_REST)
DEFINE_VALUE (rest, PROP_REST)

LimberSides
limber_step_draft_get_sides (LimberStepDraft *self)
{
  g_return_val_if_fail (LIMBER_IS_STEP_DRAFT (self), LIMBER_SIDES_BOTH);
  return self->sides;
}

void
limber_step_draft_set_sides (LimberStepDraft *self,
                             LimberSides      sides)
{
  g_return_if_fail (LIMBER_IS_STEP_DRAFT (self));

  if (self->sides != sides)
    {
      self->sides = sides;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDES]);
    }
}

static gboolean
fail (LimberDraftField *bad_field,
      LimberDraftField  field)
{
  if (bad_field)
    *bad_field = field;
  return FALSE;
}

/**
 * limber_step_draft_check:
 * @catalog: where the exercise is looked up
 * @bad_field: (out) (optional): the field that is wrong
 *
 * Checks the step as the routine loader would.
 *
 * Returns: %TRUE if the step can be saved, else %FALSE with a translated
 * reason to show beside @bad_field.
 */
gboolean
limber_step_draft_check (LimberStepDraft   *self,
                         LimberCatalog     *catalog,
                         LimberDraftField  *bad_field,
                         GError           **error)
{
  LimberExercise *exercise = NULL;

  g_return_val_if_fail (LIMBER_IS_STEP_DRAFT (self), FALSE);
  g_return_val_if_fail (LIMBER_IS_CATALOG (catalog), FALSE);

  if (bad_field)
    *bad_field = LIMBER_DRAFT_FIELD_NONE;

  if (self->exercise_id != NULL)
    exercise = limber_catalog_lookup_exercise (catalog, self->exercise_id);
  if (exercise == NULL)
    {
      g_set_error_literal (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_UNKNOWN_EXERCISE,
                           _("Choose an exercise"));
      return fail (bad_field, LIMBER_DRAFT_FIELD_EXERCISE);
    }

  if (limber_exercise_get_repetitions (exercise) > 0)
    {
      if (!limber_check_number (VALUE (self, PROP_REPETITIONS), 1, LIMBER_REPETITIONS_MAX, error))
        return fail (bad_field, LIMBER_DRAFT_FIELD_REPETITIONS);
      if (!limber_check_number (VALUE (self, PROP_TEMPO), 1, LIMBER_TEMPO_MAX, error))
        return fail (bad_field, LIMBER_DRAFT_FIELD_TEMPO);
    }
  else if (!limber_check_number (VALUE (self, PROP_HOLD), 1, LIMBER_HOLD_MAX, error))
    return fail (bad_field, LIMBER_DRAFT_FIELD_HOLD);

  if (!limber_check_number (VALUE (self, PROP_SETS), 1, LIMBER_SETS_MAX, error))
    return fail (bad_field, LIMBER_DRAFT_FIELD_SETS);
  if (!limber_check_number (VALUE (self, PROP_SET_REST), 0, LIMBER_REST_MAX, error))
    return fail (bad_field, LIMBER_DRAFT_FIELD_SET_REST);
  if (!limber_check_number (VALUE (self, PROP_REST), 0, LIMBER_REST_MAX, error))
    return fail (bad_field, LIMBER_DRAFT_FIELD_REST);
  if (self->sides > LIMBER_SIDES_RIGHT)
    {
      g_set_error_literal (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_INVALID_VALUE,
                           _("Choose both sides, the left or the right"));
      return fail (bad_field, LIMBER_DRAFT_FIELD_SIDES);
    }

  return TRUE;
}
