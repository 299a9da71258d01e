/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-catalog"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "limber-catalog.h"
#include "limber-exercise-draft.h"

struct _LimberExerciseDraft
{
  GObject             parent_instance;

  char               *id;
  char               *name;
  char               *summary;
  char               *caution;
  char               *picture;
  char              **muscles;
  char              **instructions;
  LimberExerciseKind  kind;
  gboolean            counted;
  gboolean            each_side;
  gboolean            mirror_picture;
  guint               values[7];   /* in the order of PROP_HOLD … PROP_SET_REST */
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_SUMMARY,
  PROP_CAUTION,
  PROP_PICTURE,
  PROP_MUSCLES,
  PROP_INSTRUCTIONS,
  PROP_KIND,
  PROP_COUNTED,
  PROP_EACH_SIDE,
  PROP_MIRROR_PICTURE,
  PROP_HOLD,
  PROP_HOLD_MIN,
  PROP_HOLD_MAX,
  PROP_REPETITIONS,
  PROP_TEMPO,
  PROP_SETS,
  PROP_SET_REST,
  N_PROPS
};

#define VALUE(self, prop) ((self)->values[(prop) - PROP_HOLD])

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LimberExerciseDraft, limber_exercise_draft, G_TYPE_OBJECT)

static void
limber_exercise_draft_finalize (GObject *object)
{
  LimberExerciseDraft *self = (LimberExerciseDraft *) object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->summary);
  g_free (self->caution);
  g_free (self->picture);
  g_strfreev (self->muscles);
  g_strfreev (self->instructions);

  G_OBJECT_CLASS (limber_exercise_draft_parent_class)->finalize (object);
}

static char **
string_field (LimberExerciseDraft *self,
              guint                prop_id)
{
  switch (prop_id)
    {
    case PROP_ID: return &self->id;
    case PROP_NAME: return &self->name;
    case PROP_SUMMARY: return &self->summary;
    case PROP_CAUTION: return &self->caution;
    case PROP_PICTURE: return &self->picture;
    default: g_assert_not_reached ();
    }
}

static gboolean *
boolean_field (LimberExerciseDraft *self,
               guint                prop_id)
{
  switch (prop_id)
    {
    case PROP_COUNTED: return &self->counted;
    case PROP_EACH_SIDE: return &self->each_side;
    case PROP_MIRROR_PICTURE: return &self->mirror_picture;
    default: g_assert_not_reached ();
    }
}

static void
set_string (LimberExerciseDraft *self,
            guint                prop_id,
            const char          *value)
{
  char **field = string_field (self, prop_id);

  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_boolean (LimberExerciseDraft *self,
             guint                prop_id,
             gboolean             value)
{
  gboolean *field = boolean_field (self, prop_id);

  value = !!value;
  if (*field != value)
    {
      *field = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
    }
}

static void
set_value (LimberExerciseDraft *self,
           guint                prop_id,
           guint                value)
{
  if (VALUE (self, prop_id) != value)
    {
      VALUE (self, prop_id) = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
    }
}

static void
set_strv (LimberExerciseDraft *self,
          guint                prop_id,
          const char * const  *value)
{
  char ***field = prop_id == PROP_MUSCLES ? &self->muscles : &self->instructions;
  const char * const empty[] = { NULL };

  if (value == NULL)
    value = empty;
  if (g_strv_equal ((const char * const *) *field, value))
    return;
  g_strfreev (*field);
  *field = g_strdupv ((char **) value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
limber_exercise_draft_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LimberExerciseDraft *self = LIMBER_EXERCISE_DRAFT (object);

  switch (prop_id)
    {
    case PROP_ID: case PROP_NAME: case PROP_SUMMARY: case PROP_CAUTION: case PROP_PICTURE:
      g_value_set_string (value, *string_field (self, prop_id));
      break;
    case PROP_MUSCLES:
      g_value_set_boxed (value, self->muscles);
      break;
    case PROP_INSTRUCTIONS:
      g_value_set_boxed (value, self->instructions);
      break;
    case PROP_KIND:
      g_value_set_flags (value, self->kind);
      break;
    case PROP_COUNTED: case PROP_EACH_SIDE: case PROP_MIRROR_PICTURE:
      g_value_set_boolean (value, *boolean_field (self, prop_id));
      break;
    case PROP_HOLD: case PROP_HOLD_MIN: case PROP_HOLD_MAX: case PROP_REPETITIONS:
    case PROP_TEMPO: case PROP_SETS: case PROP_SET_REST:
      g_value_set_uint (value, VALUE (self, prop_id));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_exercise_draft_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  LimberExerciseDraft *self = LIMBER_EXERCISE_DRAFT (object);

  switch (prop_id)
    {
    case PROP_ID: case PROP_NAME: case PROP_SUMMARY: case PROP_CAUTION: case PROP_PICTURE:
      set_string (self, prop_id, g_value_get_string (value));
      break;
    case PROP_MUSCLES: case PROP_INSTRUCTIONS:
      set_strv (self, prop_id, g_value_get_boxed (value));
      break;
    case PROP_KIND:
      limber_exercise_draft_set_kind (self, g_value_get_flags (value));
      break;
    case PROP_COUNTED: case PROP_EACH_SIDE: case PROP_MIRROR_PICTURE:
      set_boolean (self, prop_id, g_value_get_boolean (value));
      break;
    case PROP_HOLD: case PROP_HOLD_MIN: case PROP_HOLD_MAX: case PROP_REPETITIONS:
    case PROP_TEMPO: case PROP_SETS: case PROP_SET_REST:
      set_value (self, prop_id, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_exercise_draft_class_init (LimberExerciseDraftClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const char *strings[] = { "id", "name", "summary", "caution", "picture" };
  const char *booleans[] = { "counted", "each-side", "mirror-picture" };
  const char *numbers[] = { "hold", "hold-min", "hold-max", "repetitions", "tempo", "sets", "set-rest" };

  object_class->finalize = limber_exercise_draft_finalize;
  object_class->get_property = limber_exercise_draft_get_property;
  object_class->set_property = limber_exercise_draft_set_property;

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    properties[PROP_ID + i] = g_param_spec_string (strings[i], NULL, NULL, NULL, flags);
  properties[PROP_MUSCLES] = g_param_spec_boxed ("muscles", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_INSTRUCTIONS] = g_param_spec_boxed ("instructions", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_KIND] = g_param_spec_flags ("kind", NULL, NULL, LIMBER_TYPE_EXERCISE_KIND,
                                              LIMBER_EXERCISE_KIND_STRETCH, flags);
  for (guint i = 0; i < G_N_ELEMENTS (booleans); i++)
    properties[PROP_COUNTED + i] = g_param_spec_boolean (booleans[i], NULL, NULL, FALSE, flags);
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    properties[PROP_HOLD + i] = g_param_spec_uint (numbers[i], NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
limber_exercise_draft_init (LimberExerciseDraft *self)
{
  self->name = g_strdup ("");
  self->summary = g_strdup ("");
  self->caution = g_strdup ("");
  self->muscles = g_new0 (char *, 1);
  self->instructions = g_new0 (char *, 1);
  self->kind = LIMBER_EXERCISE_KIND_STRETCH;
  /* a plain hold of half a minute, the usual advice for a static stretch */
  VALUE (self, PROP_HOLD) = 30;
  VALUE (self, PROP_REPETITIONS) = 10;
  VALUE (self, PROP_TEMPO) = 2;
  VALUE (self, PROP_SETS) = 1;
  VALUE (self, PROP_SET_REST) = 5;
}

LimberExerciseDraft *
limber_exercise_draft_new (void)
{
  return g_object_new (LIMBER_TYPE_EXERCISE_DRAFT, NULL);
}

/**
 * limber_exercise_draft_new_from_exercise:
 *
 * Returns: (transfer full): a draft of @exercise. A bundled exercise's
 * draft has no id and its picture is “bundled:<id>”, so that saving it
 * makes an own copy.
 */
LimberExerciseDraft *
limber_exercise_draft_new_from_exercise (LimberExercise *exercise)
{
  LimberExerciseDraft *self;
  guint min, max;

  g_return_val_if_fail (LIMBER_IS_EXERCISE (exercise), NULL);

  self = limber_exercise_draft_new ();
  if (!limber_exercise_is_bundled (exercise))
    self->id = g_strdup (limber_exercise_get_id (exercise));
  g_free (self->name);
  self->name = g_strdup (limber_exercise_get_name (exercise));
  g_free (self->summary);
  self->summary = g_strdup (limber_exercise_get_summary (exercise));
  g_free (self->caution);
  self->caution = g_strdup (limber_exercise_get_caution (exercise));
  g_strfreev (self->muscles);
  self->muscles = g_strdupv ((char **) limber_exercise_get_muscles (exercise));
  g_strfreev (self->instructions);
  self->instructions = g_strdupv ((char **) limber_exercise_get_instructions (exercise));
  self->kind = limber_exercise_get_kind (exercise);
  self->each_side = limber_exercise_get_each_side (exercise);
  self->counted = limber_exercise_get_repetitions (exercise) > 0;
  if (self->counted)
    {
      VALUE (self, PROP_REPETITIONS) = limber_exercise_get_repetitions (exercise);
      VALUE (self, PROP_TEMPO) = limber_exercise_get_tempo (exercise);
    }
  else
    {
      VALUE (self, PROP_HOLD) = limber_exercise_get_hold (exercise);
      limber_exercise_get_hold_range (exercise, &min, &max);
      /* no HoldRange reads as hold–hold; a range of one other value is a range */
      if (min != max || min != VALUE (self, PROP_HOLD))
        {
          VALUE (self, PROP_HOLD_MIN) = min;
          VALUE (self, PROP_HOLD_MAX) = max;
        }
    }
  VALUE (self, PROP_SETS) = limber_exercise_get_sets (exercise);
  VALUE (self, PROP_SET_REST) = limber_exercise_get_set_rest (exercise);
  if (limber_exercise_is_bundled (exercise))
    self->picture = g_strconcat ("bundled:", limber_exercise_get_id (exercise), NULL);
  else
    self->picture = g_strdup (limber_exercise_get_picture (exercise));
  self->mirror_picture = limber_exercise_get_mirror_picture (exercise);
  return self;
}

#define DEFINE_STRING(name, PROP)                                              \
  const char *                                                                 \
  limber_exercise_draft_get_##name (LimberExerciseDraft *self)                 \
  {                                                                            \
    g_return_val_if_fail (LIMBER_IS_EXERCISE_DRAFT (self), NULL);              \
    return *string_field (self, PROP);                                         \
  }                                                                            \
  void                                                                         \
  limber_exercise_draft_set_##name (LimberExerciseDraft *self,                 \
                                    const char          *value)                \
  {                                                                            \
    g_return_if_fail (LIMBER_IS_EXERCISE_DRAFT (self));                        \
    set_string (self, PROP, PROP == PROP_ID || PROP == PROP_PICTURE ? value    \
                                                   : (value ? value : ""));    \
  }

#define DEFINE_BOOLEAN(name, PROP)                                             \
  gboolean                                                                     \
  limber_exercise_draft_get_##name (LimberExerciseDraft *self)                 \
  {                                                                            \
    g_return_val_if_fail (LIMBER_IS_EXERCISE_DRAFT (self), FALSE);             \
    return *boolean_field (self, PROP);                                        \
  }                                                                            \
  void                                                                         \
  limber_exercise_draft_set_##name (LimberExerciseDraft *self,                 \
                                    gboolean             value)                \
  {                                                                            \
    g_return_if_fail (LIMBER_IS_EXERCISE_DRAFT (self));                        \
    set_boolean (self, PROP, value);                                           \
  }

#define DEFINE_VALUE(name, PROP)                                               \
  guint                                                                        \
  limber_exercise_draft_get_##name (LimberExerciseDraft *self)                 \
  {                                                                            \
    g_return_val_if_fail (LIMBER_IS_EXERCISE_DRAFT (self), 0);                 \
    return VALUE (self, PROP);                                                 \
  }                                                                            \
  void                                                                         \
  limber_exercise_draft_set_##name (LimberExerciseDraft *self,                 \
                                    guint                value)                \
  {                                                                            \
    g_return_if_fail (LIMBER_IS_EXERCISE_DRAFT (self));                        \
    set_value (self, PROP, value);                                             \
  }

DEFINE_STRING (id, PROP_ID)
DEFINE_STRING (name, PROP_NAME)
DEFINE_STRING (summary, PROP_SUMMARY)
DEFINE_STRING (caution, PROP_CAUTION)
DEFINE_STRING (picture, PROP_PICTURE)
DEFINE_BOOLEAN (counted, PROP_COUNTED)
DEFINE_BOOLEAN (each_side, PROP_EACH_SIDE)
DEFINE_BOOLEAN (mirror_picture, PROP_MIRROR_PICTURE)
DEFINE_VALUE (hold, PROP_HOLD)
DEFINE_VALUE (repetitions, PROP_REPETITIONS)
DEFINE_VALUE (tempo, PROP_TEMPO)
DEFINE_VALUE (sets, PROP_SETS)
DEFINE_VALUE (set_rest, PROP_SET_REST)

LimberExerciseKind
limber_exercise_draft_get_kind (LimberExerciseDraft *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE_DRAFT (self), LIMBER_EXERCISE_KIND_STRETCH);
  return self->kind;
}

void
limber_exercise_draft_set_kind (LimberExerciseDraft *self,
                                LimberExerciseKind   kind)
{
  g_return_if_fail (LIMBER_IS_EXERCISE_DRAFT (self));

  if (self->kind != kind)
    {
      self->kind = kind;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
    }
}

const char * const *
limber_exercise_draft_get_muscles (LimberExerciseDraft *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE_DRAFT (self), NULL);
  return (const char * const *) self->muscles;
}

void
limber_exercise_draft_set_muscles (LimberExerciseDraft *self,
                                   const char * const  *muscles)
{
  g_return_if_fail (LIMBER_IS_EXERCISE_DRAFT (self));
  set_strv (self, PROP_MUSCLES, muscles);
}

const char * const *
limber_exercise_draft_get_instructions (LimberExerciseDraft *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE_DRAFT (self), NULL);
  return (const char * const *) self->instructions;
}

void
limber_exercise_draft_set_instructions (LimberExerciseDraft *self,
                                        const char * const  *instructions)
{
  g_return_if_fail (LIMBER_IS_EXERCISE_DRAFT (self));
  set_strv (self, PROP_INSTRUCTIONS, instructions);
}

/**
 * limber_exercise_draft_get_hold_range:
 *
 * The advised range shown as “hold 20–30 s”; 0 and 0 for none.
 */
void
limber_exercise_draft_get_hold_range (LimberExerciseDraft *self,
                                      guint               *min,
                                      guint               *max)
{
  g_return_if_fail (LIMBER_IS_EXERCISE_DRAFT (self));
  if (min)
    *min = VALUE (self, PROP_HOLD_MIN);
  if (max)
    *max = VALUE (self, PROP_HOLD_MAX);
}

void
limber_exercise_draft_set_hold_range (LimberExerciseDraft *self,
                                      guint                min,
                                      guint                max)
{
  g_return_if_fail (LIMBER_IS_EXERCISE_DRAFT (self));
  set_value (self, PROP_HOLD_MIN, min);
  set_value (self, PROP_HOLD_MAX, max);
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
 * limber_exercise_draft_check:
 * @catalog: for a picture taken from a bundled exercise
 * @bad_field: (out) (optional): the first field that is wrong
 *
 * Returns: %TRUE if the draft can be saved, else %FALSE with a translated
 * reason to show beside @bad_field.
 */
gboolean
limber_exercise_draft_check (LimberExerciseDraft  *self,
                             LimberCatalog        *catalog,
                             LimberDraftField     *bad_field,
                             GError              **error)
{
  guint min = VALUE (self, PROP_HOLD_MIN), max = VALUE (self, PROP_HOLD_MAX);
  const char *kind;

  g_return_val_if_fail (LIMBER_IS_EXERCISE_DRAFT (self), FALSE);
  g_return_val_if_fail (LIMBER_IS_CATALOG (catalog), FALSE);

  if (bad_field)
    *bad_field = LIMBER_DRAFT_FIELD_NONE;

  if (!limber_check_name (self->name, error))
    return fail (bad_field, LIMBER_DRAFT_FIELD_NAME);
  if (!limber_check_summary (self->summary, error))
    return fail (bad_field, LIMBER_DRAFT_FIELD_SUMMARY);
  kind = limber_exercise_kind_to_string (self->kind);
  if (kind == NULL)
    {
      g_set_error_literal (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_INVALID_VALUE,
                           _("Choose one kind"));
      return fail (bad_field, LIMBER_DRAFT_FIELD_KIND);
    }
  if (!limber_check_muscles ((const char * const *) self->muscles, NULL, error))
    return fail (bad_field, LIMBER_DRAFT_FIELD_MUSCLES);

  if (self->counted)
    {
      if (!limber_check_number (VALUE (self, PROP_REPETITIONS), 1, LIMBER_REPETITIONS_MAX, error))
        return fail (bad_field, LIMBER_DRAFT_FIELD_REPETITIONS);
      if (!limber_check_number (VALUE (self, PROP_TEMPO), 1, LIMBER_TEMPO_MAX, error))
        return fail (bad_field, LIMBER_DRAFT_FIELD_TEMPO);
    }
  else
    {
      if (!limber_check_number (VALUE (self, PROP_HOLD), 1, LIMBER_HOLD_MAX, error))
        return fail (bad_field, LIMBER_DRAFT_FIELD_HOLD);
      if ((min != 0 || max != 0) && (min < 1 || min > max || max > LIMBER_HOLD_MAX))
        {
          g_set_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_OUT_OF_RANGE,
                       _("Give the shortest hold first, between 1 and %u seconds"), LIMBER_HOLD_MAX);
          return fail (bad_field, LIMBER_DRAFT_FIELD_HOLD_RANGE);
        }
    }
  if (!limber_check_number (VALUE (self, PROP_SETS), 1, LIMBER_SETS_MAX, error))
    return fail (bad_field, LIMBER_DRAFT_FIELD_SETS);
  if (!limber_check_number (VALUE (self, PROP_SET_REST), 0, LIMBER_REST_MAX, error))
    return fail (bad_field, LIMBER_DRAFT_FIELD_SET_REST);
  if (!limber_check_instructions ((const char * const *) self->instructions, NULL, error))
    return fail (bad_field, LIMBER_DRAFT_FIELD_INSTRUCTIONS);
  if (!limber_check_caution (self->caution, error))
    return fail (bad_field, LIMBER_DRAFT_FIELD_CAUTION);

  if (self->picture != NULL && g_str_has_prefix (self->picture, "bundled:"))
    {
      LimberExercise *other = limber_catalog_lookup_exercise (catalog, self->picture + strlen ("bundled:"));

      if (other == NULL || !limber_exercise_is_bundled (other))
        {
          g_set_error_literal (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_UNKNOWN_EXERCISE,
                               _("Choose a picture"));
          return fail (bad_field, LIMBER_DRAFT_FIELD_PICTURE);
        }
    }
  else if (self->picture != NULL && !limber_check_picture_name (self->picture, error))
    return fail (bad_field, LIMBER_DRAFT_FIELD_PICTURE);

  return TRUE;
}

static void
set_text (GKeyFile   *key_file,
          const char *key,
          const char *value)
{
  g_autofree char *stripped = g_strstrip (g_strdup (value ? value : ""));

  if (*stripped != '\0')
    g_key_file_set_string (key_file, "Exercise", key, stripped);
}

/**
 * limber_exercise_draft_to_text:
 *
 * Returns: (transfer full): the draft as the text of an `.exercise` file.
 */
char *
limber_exercise_draft_to_text (LimberExerciseDraft *self)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GString) muscles = g_string_new (NULL);
  guint min = VALUE (self, PROP_HOLD_MIN), max = VALUE (self, PROP_HOLD_MAX);
  const char *kind;

  g_return_val_if_fail (LIMBER_IS_EXERCISE_DRAFT (self), NULL);

  g_key_file_set_string (key_file, "Exercise", "Id", self->id ? self->id : "");
  set_text (key_file, "Name", self->name);
  set_text (key_file, "Summary", self->summary);
  kind = limber_exercise_kind_to_string (self->kind);
  g_key_file_set_string (key_file, "Exercise", "Kind", kind ? kind : "");
  for (guint i = 0; self->muscles[i] != NULL; i++)
    {
      g_autofree char *muscle = g_strstrip (g_strdup (self->muscles[i]));

      g_string_append_printf (muscles, "%s;", muscle);
    }
  set_text (key_file, "Muscles", muscles->str);
  g_key_file_set_boolean (key_file, "Exercise", "EachSide", self->each_side);
  if (self->counted)
    {
      g_key_file_set_uint64 (key_file, "Exercise", "Repetitions", VALUE (self, PROP_REPETITIONS));
      g_key_file_set_uint64 (key_file, "Exercise", "Tempo", VALUE (self, PROP_TEMPO));
    }
  else
    {
      g_key_file_set_uint64 (key_file, "Exercise", "Hold", VALUE (self, PROP_HOLD));
      if (min != 0 || max != 0)
        {
          int range[2] = { min, max };

          g_key_file_set_integer_list (key_file, "Exercise", "HoldRange", range, 2);
        }
    }
  g_key_file_set_uint64 (key_file, "Exercise", "Sets", VALUE (self, PROP_SETS));
  g_key_file_set_uint64 (key_file, "Exercise", "SetRest", VALUE (self, PROP_SET_REST));
  for (guint i = 0; self->instructions[i] != NULL; i++)
    {
      g_autofree char *key = g_strdup_printf ("Instruction%u", i + 1);

      /* an empty one is still written, so the loader reports it */
      g_key_file_set_string (key_file, "Exercise", key, self->instructions[i]);
    }
  set_text (key_file, "Caution", self->caution);
  if (self->picture != NULL)
    {
      g_key_file_set_string (key_file, "Exercise", "Picture", self->picture);
      g_key_file_set_boolean (key_file, "Exercise", "MirrorPicture", self->mirror_picture);
    }

  return g_key_file_to_data (key_file, NULL, NULL);
}
