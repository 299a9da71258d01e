/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-catalog"

#include <glib/gi18n-lib.h>

#include "limber-catalog-error.h"
#include "limber-enums.h"
#include "limber-exercise.h"
#include "limber-keyfile-private.h"

#define GROUP "Exercise"
#define MAX_INSTRUCTIONS 9

struct _LimberExercise
{
  GObject             parent_instance;

  char               *id;
  char               *name;
  char               *summary;
  LimberExerciseKind  kind;
  char              **muscles;
  gboolean            each_side;
  guint               hold;
  guint               hold_min;
  guint               hold_max;
  guint               repetitions;
  guint               tempo;
  guint               sets;
  guint               set_rest;
  char              **instructions;
  char               *caution;
  char               *illustration_path;
};

G_DEFINE_FINAL_TYPE (LimberExercise, limber_exercise, G_TYPE_OBJECT)

/* The data set's Kind= values */
G_DEFINE_FLAGS_TYPE (LimberExerciseKind, limber_exercise_kind,
  G_DEFINE_ENUM_VALUE (LIMBER_EXERCISE_KIND_STRETCH, "stretch"),
  G_DEFINE_ENUM_VALUE (LIMBER_EXERCISE_KIND_WARM_UP, "warm-up"),
  G_DEFINE_ENUM_VALUE (LIMBER_EXERCISE_KIND_SELF_MASSAGE, "self-massage"),
  G_DEFINE_ENUM_VALUE (LIMBER_EXERCISE_KIND_POSTURE, "posture"))

static void
limber_exercise_finalize (GObject *object)
{
  LimberExercise *self = (LimberExercise *) object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->summary);
  g_strfreev (self->muscles);
  g_strfreev (self->instructions);
  g_free (self->caution);
  g_free (self->illustration_path);

  G_OBJECT_CLASS (limber_exercise_parent_class)->finalize (object);
}

static void
limber_exercise_class_init (LimberExerciseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = limber_exercise_finalize;
}

static void
limber_exercise_init (LimberExercise *self)
{
  self->sets = 1;
  self->set_rest = 5;
}

/* Bundled strings are looked up in the translation catalogue; a string that
 * has no translation comes back unchanged. */
static char *
translated (char *text)
{
  const char *tr = g_dgettext (GETTEXT_PACKAGE, text);

  if (tr != text)
    {
      g_free (text);
      return g_strdup (tr);
    }
  return text;
}

LimberExercise *
limber_exercise_new_from_key_file (GKeyFile   *key_file,
                                   const char *text,
                                   const char *display_name,
                                   GError    **error)
{
  LimberKeyfileContext ctx = { display_name, text, key_file };
  g_autoptr(LimberExercise) self = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *muscles = NULL;
  g_autoptr(GStrvBuilder) steps = g_strv_builder_new ();
  gsize n_range = 0;
  g_autofree int *range = NULL;
  gboolean has_hold, has_reps;

  g_return_val_if_fail (key_file != NULL, NULL);

  self = g_object_new (LIMBER_TYPE_EXERCISE, NULL);

  if (!g_key_file_has_group (key_file, GROUP))
    {
      _limber_keyfile_set_error (&ctx, error, LIMBER_CATALOG_ERROR_MISSING_KEY, NULL, NULL,
                                 _("there is no [%s] group"), GROUP);
      return NULL;
    }

  if (!(self->id = _limber_keyfile_get_text (&ctx, GROUP, "Id", TRUE, error)) ||
      !_limber_keyfile_check_id (&ctx, GROUP, self->id, error))
    return NULL;

  if (!(self->name = _limber_keyfile_get_text (&ctx, GROUP, "Name", TRUE, error)) ||
      !(self->summary = _limber_keyfile_get_text (&ctx, GROUP, "Summary", TRUE, error)) ||
      !(self->caution = _limber_keyfile_get_text (&ctx, GROUP, "Caution", TRUE, error)) ||
      !(kind = _limber_keyfile_get_text (&ctx, GROUP, "Kind", TRUE, error)) ||
      !(muscles = _limber_keyfile_get_text (&ctx, GROUP, "Muscles", TRUE, error)))
    return NULL;

  if (!limber_exercise_kind_from_string (kind, &self->kind))
    {
      _limber_keyfile_set_error (&ctx, error, LIMBER_CATALOG_ERROR_INVALID_VALUE, GROUP, "Kind",
                                 _("Kind must be stretch, warm-up, self-massage or posture, not “%s”"),
                                 kind);
      return NULL;
    }

  muscles = translated (g_steal_pointer (&muscles));
  self->muscles = g_strsplit (muscles, ";", -1);
  /* drop the empty string after the list's final ';' */
  if (self->muscles[0] != NULL)
    {
      guint n = g_strv_length (self->muscles);

      if (*g_strstrip (self->muscles[n - 1]) == '\0')
        g_clear_pointer (&self->muscles[n - 1], g_free);
    }

  if (g_key_file_has_key (key_file, GROUP, "EachSide", NULL))
    {
      g_autoptr(GError) local_error = NULL;

      self->each_side = g_key_file_get_boolean (key_file, GROUP, "EachSide", &local_error);
      if (local_error != NULL)
        {
          _limber_keyfile_set_error (&ctx, error, LIMBER_CATALOG_ERROR_INVALID_VALUE, GROUP, "EachSide",
                                     _("EachSide must be true or false"));
          return NULL;
        }
    }

  has_hold = g_key_file_has_key (key_file, GROUP, "Hold", NULL);
  has_reps = g_key_file_has_key (key_file, GROUP, "Repetitions", NULL);
  if (has_hold == has_reps)
    {
      _limber_keyfile_set_error (&ctx, error, LIMBER_CATALOG_ERROR_MISSING_KEY, GROUP, NULL,
                                 _("give either Hold (seconds) or Repetitions, and not both"));
      return NULL;
    }

  if (!_limber_keyfile_get_uint (&ctx, GROUP, "Hold", 1, LIMBER_HOLD_MAX, &self->hold, error) ||
      !_limber_keyfile_get_uint (&ctx, GROUP, "Repetitions", 1, LIMBER_REPETITIONS_MAX, &self->repetitions, error) ||
      !_limber_keyfile_get_uint (&ctx, GROUP, "Sets", 1, LIMBER_SETS_MAX, &self->sets, error) ||
      !_limber_keyfile_get_uint (&ctx, GROUP, "SetRest", 0, LIMBER_REST_MAX, &self->set_rest, error))
    return NULL;

  if (has_reps)
    {
      if (!g_key_file_has_key (key_file, GROUP, "Tempo", NULL))
        {
          _limber_keyfile_set_error (&ctx, error, LIMBER_CATALOG_ERROR_MISSING_KEY, GROUP, "Repetitions",
                                     _("Repetitions need a Tempo (seconds per repetition)"));
          return NULL;
        }
      if (!_limber_keyfile_get_uint (&ctx, GROUP, "Tempo", 1, LIMBER_TEMPO_MAX, &self->tempo, error))
        return NULL;
    }

  self->hold_min = self->hold_max = self->hold;
  range = g_key_file_get_integer_list (key_file, GROUP, "HoldRange", &n_range, NULL);
  if (g_key_file_has_key (key_file, GROUP, "HoldRange", NULL))
    {
      if (range == NULL || n_range != 2 || range[0] < 1 || range[0] > range[1] ||
          range[1] > LIMBER_HOLD_MAX || !has_hold)
        {
          _limber_keyfile_set_error (&ctx, error, LIMBER_CATALOG_ERROR_INVALID_VALUE, GROUP, "HoldRange",
                                     _("HoldRange must be two numbers of seconds, shortest first, on a held exercise"));
          return NULL;
        }
      self->hold_min = range[0];
      self->hold_max = range[1];
    }

  for (guint i = 1; i <= MAX_INSTRUCTIONS; i++)
    {
      g_autofree char *key = g_strdup_printf ("Instruction%u", i);
      g_autofree char *step = _limber_keyfile_get_text (&ctx, GROUP, key, FALSE, NULL);

      if (step == NULL)
        break;
      step = translated (g_steal_pointer (&step));
      g_strv_builder_add (steps, step);
    }
  self->instructions = g_strv_builder_end (steps);
  if (self->instructions[0] == NULL)
    {
      _limber_keyfile_set_error (&ctx, error, LIMBER_CATALOG_ERROR_MISSING_KEY, GROUP, NULL,
                                 _("an exercise needs instructions, starting at Instruction1"));
      return NULL;
    }

  self->name = translated (self->name);
  self->summary = translated (self->summary);
  self->caution = translated (self->caution);
  self->illustration_path = g_strdup_printf ("%s/illustrations/%s.svg",
                                             LIMBER_RESOURCE_PREFIX, self->id);

  return g_steal_pointer (&self);
}

const char *
limber_exercise_get_id (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);
  return self->id;
}

const char *
limber_exercise_get_name (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);
  return self->name;
}

const char *
limber_exercise_get_summary (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);
  return self->summary;
}

LimberExerciseKind
limber_exercise_get_kind (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), 0);
  return self->kind;
}

const char * const *
limber_exercise_get_muscles (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);
  return (const char * const *) self->muscles;
}

gboolean
limber_exercise_get_each_side (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), FALSE);
  return self->each_side;
}

guint
limber_exercise_get_hold (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), 0);
  return self->hold;
}

void
limber_exercise_get_hold_range (LimberExercise *self,
                                guint          *min,
                                guint          *max)
{
  g_return_if_fail (LIMBER_IS_EXERCISE (self));
  if (min)
    *min = self->hold_min;
  if (max)
    *max = self->hold_max;
}

guint
limber_exercise_get_repetitions (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), 0);
  return self->repetitions;
}

guint
limber_exercise_get_tempo (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), 0);
  return self->tempo;
}

guint
limber_exercise_get_sets (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), 1);
  return self->sets;
}

guint
limber_exercise_get_set_rest (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), 0);
  return self->set_rest;
}

const char * const *
limber_exercise_get_instructions (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);
  return (const char * const *) self->instructions;
}

const char *
limber_exercise_get_caution (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);
  return self->caution;
}

/**
 * limber_exercise_get_illustration_path:
 *
 * Returns: the GResource path of the exercise's SVG illustration.
 */
const char *
limber_exercise_get_illustration_path (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);
  return self->illustration_path;
}

const char *
limber_exercise_kind_to_string (LimberExerciseKind kind)
{
  return limber_flag_to_nick (LIMBER_TYPE_EXERCISE_KIND, kind);
}

gboolean
limber_exercise_kind_from_string (const char         *str,
                                  LimberExerciseKind *kind)
{
  guint flag;

  if (!limber_flag_from_nick (LIMBER_TYPE_EXERCISE_KIND, str, &flag))
    return FALSE;
  *kind = (LimberExerciseKind) flag;
  return TRUE;
}

/**
 * limber_exercise_kinds_describe:
 * @kinds: a set of #LimberExerciseKind flags
 *
 * Returns: (transfer full): a short human list such as “Stretches, warm-ups”.
 */
char *
limber_exercise_kinds_describe (LimberExerciseKind kinds)
{
  g_autoptr(GString) str = g_string_new (NULL);
  const char *labels[] = {
    N_("stretches"), N_("warm-ups"), N_("self-massage"), N_("posture"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (kinds & (1 << i))
      {
        if (str->len > 0)
          g_string_append (str, ", ");
        g_string_append (str, _(labels[i]));
      }

  if (str->len > 0)
    {
      g_autofree char *first = g_utf8_strup (str->str, g_utf8_next_char (str->str) - str->str);

      g_string_erase (str, 0, g_utf8_next_char (str->str) - str->str);
      g_string_prepend (str, first);
    }

  return g_string_free (g_steal_pointer (&str), FALSE);
}
