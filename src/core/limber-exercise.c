/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-catalog"

#include <glib/gi18n-lib.h>

#include "limber-catalog-error.h"
#include "limber-catalog-private.h"
#include "limber-check.h"
#include "limber-enums.h"
#include "limber-exercise.h"
#include "limber-keyfile-private.h"

#define GROUP "Exercise"

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
  gboolean            bundled;
  gboolean            hidden;
  char               *source;
  char               *picture;          /* Picture= as written, own exercises */
  LimberPictureSource picture_source;
  char               *picture_path;
  gboolean            mirror_picture;
};

G_DEFINE_FINAL_TYPE (LimberExercise, limber_exercise, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (LimberPictureSource, limber_picture_source,
  G_DEFINE_ENUM_VALUE (LIMBER_PICTURE_NONE, "none"),
  G_DEFINE_ENUM_VALUE (LIMBER_PICTURE_RESOURCE, "resource"),
  G_DEFINE_ENUM_VALUE (LIMBER_PICTURE_FILE, "file"))

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
  g_free (self->source);
  g_free (self->picture);
  g_free (self->picture_path);

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
  const char *tr;

  if (text == NULL)
    return NULL;
  tr = g_dgettext (GETTEXT_PACKAGE, text);

  if (tr != text)
    {
      g_free (text);
      return g_strdup (tr);
    }
  return text;
}

static gboolean
get_boolean (const LimberKeyfileContext *ctx,
             const char                 *key,
             gboolean                   *value,
             GError                    **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean parsed;

  if (!g_key_file_has_key (ctx->key_file, GROUP, key, NULL))
    return TRUE;
  parsed = g_key_file_get_boolean (ctx->key_file, GROUP, key, &local_error);
  if (local_error != NULL)
    {
      _limber_keyfile_set_error (ctx, error, LIMBER_CATALOG_ERROR_INVALID_VALUE, GROUP, key,
                                 _("%s must be true or false"), key);
      return FALSE;
    }
  *value = parsed;
  return TRUE;
}

/* Own exercises name a picture; bundled ones have theirs by id. */
static gboolean
parse_picture (LimberExercise             *self,
               const LimberKeyfileContext *ctx,
               GHashTable                 *exercises,
               const char                 *pictures_dir,
               GError                    **error)
{
  GError *check_error = NULL;

  self->mirror_picture = self->bundled;
  if (self->bundled)
    {
      self->picture_source = LIMBER_PICTURE_RESOURCE;
      self->picture_path = g_strdup (self->illustration_path);
      return TRUE;
    }

  self->picture = _limber_keyfile_get_text (ctx, GROUP, "Picture", FALSE, NULL);
  if (self->picture == NULL)
    self->picture_source = LIMBER_PICTURE_NONE;
  else if (g_str_has_prefix (self->picture, "bundled:"))
    {
      const char *id = self->picture + strlen ("bundled:");
      LimberExercise *other = exercises ? g_hash_table_lookup (exercises, id) : NULL;

      if (other == NULL || !other->bundled)
        {
          _limber_keyfile_set_error (ctx, error, LIMBER_CATALOG_ERROR_UNKNOWN_EXERCISE, GROUP, "Picture",
                                     _("Picture uses the picture of “%s”, which is not a bundled exercise"),
                                     id);
          return FALSE;
        }
      self->picture_source = LIMBER_PICTURE_RESOURCE;
      self->picture_path = g_strdup (other->illustration_path);
      /* a drawing, mirrored for the other side as the bundled ones are */
      self->mirror_picture = TRUE;
    }
  else
    {
      if (!_limber_keyfile_check (ctx, GROUP, "Picture", limber_check_picture_name (self->picture, &check_error),
                        &check_error, error))
        return FALSE;
      self->picture_source = LIMBER_PICTURE_FILE;
      self->picture_path = g_build_filename (pictures_dir ? pictures_dir : ".", self->picture, NULL);
      /* a photo of a person is not turned into the other side unless asked */
      self->mirror_picture = FALSE;
    }

  return get_boolean (ctx, "MirrorPicture", &self->mirror_picture, error);
}

/*
 * _limber_exercise_new_from_key_file:
 * @bundled: whether this is the data set's exercise (translated, strict
 *   about Summary, Muscles and Caution) or an own one
 * @exercises: the exercises loaded so far, for Picture=bundled:<id>
 * @pictures_dir: the folder own pictures are in
 */
LimberExercise *
_limber_exercise_new_from_key_file (GKeyFile   *key_file,
                                    const char *text,
                                    const char *display_name,
                                    gboolean    bundled,
                                    GHashTable *exercises,
                                    const char *pictures_dir,
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
  GError *check_error = NULL;
  guint bad = 0;

  g_return_val_if_fail (key_file != NULL, NULL);

  self = g_object_new (LIMBER_TYPE_EXERCISE, NULL);
  self->bundled = bundled;
  self->source = g_strdup (display_name);

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
      !(kind = _limber_keyfile_get_text (&ctx, GROUP, "Kind", TRUE, error)))
    return NULL;
  self->summary = _limber_keyfile_get_text (&ctx, GROUP, "Summary", bundled, error);
  if (self->summary == NULL && bundled)
    return NULL;
  self->caution = _limber_keyfile_get_text (&ctx, GROUP, "Caution", bundled, error);
  if (self->caution == NULL && bundled)
    return NULL;
  muscles = _limber_keyfile_get_text (&ctx, GROUP, "Muscles", bundled, error);
  if (muscles == NULL && bundled)
    return NULL;
  if (self->summary == NULL)
    self->summary = g_strdup ("");
  if (self->caution == NULL)
    self->caution = g_strdup ("");
  if (muscles == NULL)
    muscles = g_strdup ("");

  if (!limber_exercise_kind_from_string (kind, &self->kind))
    {
      _limber_keyfile_set_error (&ctx, error, LIMBER_CATALOG_ERROR_INVALID_VALUE, GROUP, "Kind",
                                 _("Kind must be stretch, warm-up, self-massage or posture, not “%s”"),
                                 kind);
      return NULL;
    }

  self->muscles = g_strsplit (muscles, ";", -1);
  /* drop the empty string after the list's final ';' */
  if (self->muscles[0] != NULL)
    {
      guint n = g_strv_length (self->muscles);

      if (*g_strstrip (self->muscles[n - 1]) == '\0')
        g_clear_pointer (&self->muscles[n - 1], g_free);
    }
  for (guint i = 0; self->muscles[i] != NULL; i++)
    g_strstrip (self->muscles[i]);

  if (!_limber_keyfile_check (&ctx, GROUP, "Name", limber_check_name (self->name, &check_error), &check_error, error) ||
      !_limber_keyfile_check (&ctx, GROUP, "Summary", limber_check_summary (self->summary, &check_error), &check_error, error) ||
      !_limber_keyfile_check (&ctx, GROUP, "Caution", limber_check_caution (self->caution, &check_error), &check_error, error) ||
      !_limber_keyfile_check (&ctx, GROUP, "Muscles", limber_check_muscles ((const char * const *) self->muscles, &bad, &check_error),
                    &check_error, error))
    return NULL;

  if (bundled)
    {
      /* translators have the list as one string, as the file has it */
      g_autofree char *tr = translated (g_strdup (muscles));

      if (g_strcmp0 (tr, muscles) != 0)
        {
          g_strfreev (self->muscles);
          self->muscles = g_strsplit (tr, ";", -1);
          if (self->muscles[0] != NULL)
            {
              guint n = g_strv_length (self->muscles);

              if (*g_strstrip (self->muscles[n - 1]) == '\0')
                g_clear_pointer (&self->muscles[n - 1], g_free);
            }
        }
    }

  if (!get_boolean (&ctx, "EachSide", &self->each_side, error))
    return NULL;

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

  for (guint i = 1; i <= LIMBER_INSTRUCTIONS_MAX + 1; i++)
    {
      g_autofree char *key = g_strdup_printf ("Instruction%u", i);
      g_autofree char *step = _limber_keyfile_get_text (&ctx, GROUP, key, FALSE, NULL);

      if (step == NULL)
        break;
      if (i > LIMBER_INSTRUCTIONS_MAX)
        {
          _limber_keyfile_set_error (&ctx, error, LIMBER_CATALOG_ERROR_OUT_OF_RANGE, GROUP, key,
                                     _("an exercise can have at most %d instructions"),
                                     LIMBER_INSTRUCTIONS_MAX);
          return NULL;
        }
      if (!_limber_keyfile_check (&ctx, GROUP, key, limber_check_instruction (step, &check_error), &check_error, error))
        return NULL;
      if (bundled)
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

  if (bundled)
    {
      self->name = translated (self->name);
      self->summary = translated (self->summary);
      self->caution = translated (self->caution);
      self->illustration_path = g_strdup_printf ("%s/illustrations/%s.svg",
                                                 LIMBER_RESOURCE_PREFIX, self->id);
    }

  if (!parse_picture (self, &ctx, exercises, pictures_dir, error))
    return NULL;
  if (!bundled)
    {
      self->illustration_path = g_strdup (self->picture_source == LIMBER_PICTURE_RESOURCE ? self->picture_path : NULL);
      if (!get_boolean (&ctx, "Hidden", &self->hidden, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * limber_exercise_new_from_key_file:
 *
 * Parses a bundled exercise. Own exercises are loaded by the catalog.
 */
LimberExercise *
limber_exercise_new_from_key_file (GKeyFile   *key_file,
                                   const char *text,
                                   const char *display_name,
                                   GError    **error)
{
  return _limber_exercise_new_from_key_file (key_file, text, display_name, TRUE, NULL, NULL, error);
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
 * Returns: (nullable): the GResource path of the exercise's SVG
 * illustration, or %NULL for an own exercise whose picture is not a bundled
 * one (see limber_exercise_get_picture_source()).
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

/* Other words a person may search by for a muscle of the data set, where
 * the start of its name does not catch them: "calf" is not the start of
 * "Calves". Translators give the words of their language, separated by
 * spaces; the start of each word is enough. */
static const struct
{
  const char *muscle;
  const char *context;
  const char *words;
} muscle_search_words[] = {
  { N_("Calves"), "search words for the muscle Calves",
    /* Translators: other words a person may search by, separated by spaces */
    NC_("search words for the muscle Calves", "calf") },
  { N_("Glutes"), "search words for the muscle Glutes",
    /* Translators: other words a person may search by, separated by spaces */
    NC_("search words for the muscle Glutes", "buttocks bottom") },
  { N_("Quadriceps"), "search words for the muscle Quadriceps",
    /* Translators: other words a person may search by, separated by spaces */
    NC_("search words for the muscle Quadriceps", "quads thigh") },
  { N_("Hamstrings"), "search words for the muscle Hamstrings",
    /* Translators: other words a person may search by, separated by spaces */
    NC_("search words for the muscle Hamstrings", "thigh") },
};

/**
 * limber_exercise_dup_search_text:
 * @self: an exercise
 *
 * What a search can find an exercise by besides its name: its muscles
 * (and other words for them), and its kind in the singular, the plural and
 * as stored ("stretch", "Stretches").
 *
 * Returns: (transfer full): words, separated by spaces
 */
char *
limber_exercise_dup_search_text (LimberExercise *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *kinds = NULL;

  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);

  for (guint i = 0; self->muscles != NULL && self->muscles[i] != NULL; i++)
    {
      g_string_append_printf (text, "%s ", self->muscles[i]);
      for (guint j = 0; j < G_N_ELEMENTS (muscle_search_words); j++)
        if (g_strcmp0 (self->muscles[i], _(muscle_search_words[j].muscle)) == 0 ||
            g_strcmp0 (self->muscles[i], muscle_search_words[j].muscle) == 0)
          g_string_append_printf (text, "%s ", g_dpgettext2 (GETTEXT_PACKAGE, muscle_search_words[j].context,
                                                             muscle_search_words[j].words));
    }
  kinds = limber_exercise_kinds_describe (self->kind);
  g_string_append_printf (text, "%s %s %s", kinds, limber_exercise_kind_describe (self->kind),
                          limber_exercise_kind_to_string (self->kind));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * limber_exercise_kind_describe:
 * @kind: one #LimberExerciseKind (a set of several gives its lowest)
 *
 * Returns: the translated name of one exercise's kind, such as “Stretch”
 * (limber_exercise_kinds_describe() names a routine's kinds in the plural).
 */
const char *
limber_exercise_kind_describe (LimberExerciseKind kind)
{
  if (kind & LIMBER_EXERCISE_KIND_STRETCH)
    return _("Stretch");
  if (kind & LIMBER_EXERCISE_KIND_WARM_UP)
    return _("Warm-up");
  if (kind & LIMBER_EXERCISE_KIND_SELF_MASSAGE)
    return _("Self-massage");
  if (kind & LIMBER_EXERCISE_KIND_POSTURE)
    return _("Posture");
  return "";
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

gboolean
limber_exercise_is_bundled (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), FALSE);
  return self->bundled;
}

/**
 * limber_exercise_is_hidden:
 *
 * Returns: whether this own exercise was deleted while a routine still used
 * it: it plays in those routines but is not listed in the library.
 */
gboolean
limber_exercise_is_hidden (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), FALSE);
  return self->hidden;
}

/**
 * limber_exercise_get_source:
 *
 * Returns: the file the exercise was loaded from: a path for an own one,
 * the data-set file name for a bundled one.
 */
const char *
limber_exercise_get_source (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);
  return self->source;
}

LimberPictureSource
limber_exercise_get_picture_source (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), LIMBER_PICTURE_NONE);
  return self->picture_source;
}

/**
 * limber_exercise_get_picture:
 *
 * Returns: (nullable): an own exercise's Picture= value: “bundled:<id>” or a
 * file name in the pictures folder; %NULL for none and for bundled exercises.
 */
const char *
limber_exercise_get_picture (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);
  return self->picture;
}

/**
 * limber_exercise_get_picture_path:
 *
 * Returns: (nullable): a GResource path for %LIMBER_PICTURE_RESOURCE, a
 * file path for %LIMBER_PICTURE_FILE (the file may have gone: show the
 * placeholder then), %NULL for %LIMBER_PICTURE_NONE.
 */
const char *
limber_exercise_get_picture_path (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);
  return self->picture_path;
}

/**
 * limber_exercise_get_mirror_picture:
 *
 * Returns: whether the picture is drawn mirrored for the right side: true
 * for the bundled drawings (as the player always did), false by default for
 * an own picture file (a photo is not mirrored unless MirrorPicture=true).
 */
gboolean
limber_exercise_get_mirror_picture (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), FALSE);
  return self->mirror_picture;
}
