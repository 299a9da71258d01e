/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-catalog"

#include <glib/gi18n-lib.h>

#include "limber-catalog-error.h"
#include "limber-catalog-private.h"
#include "limber-check.h"
#include "limber-keyfile-private.h"
#include "limber-program.h"

/* A program file: [Program], then [Level N] and its [Level N Step M]
 * groups, or, for a level of several sessions (a warm-up before a run and
 * a cool-down after), its [Level N Part P] and [Level N Part P Step M]
 * groups (data/README.md). Each session is parsed into a routine by the
 * routine loader's own step parser, so it is held to the same limits, and
 * then to its exercises' advised hold ranges: a plan that grows never
 * grows past what each exercise's caution allows.
 *
 * A level of one session is played as the routine "<program>-level-N"; a
 * level of parts plays each part as "<program>-level-N-part-P". */

#define GROUP "Program"

typedef struct
{
  char          *name;          /* NULL for a level of one session */
  LimberRoutine *routine;
} Part;

typedef struct
{
  char          *name;
  char          *routine_id;    /* "<program>-level-N", as its sessions were named */
  GArray        *parts;         /* of Part, index 0 is part 1 */
} Level;

struct _LimberProgram
{
  GObject   parent_instance;

  char     *id;
  char     *name;
  char     *summary;
  char     *source;
  guint     sessions_to_advance;
  GArray   *levels;             /* of Level, index 0 is level 1 */
};

G_DEFINE_FINAL_TYPE (LimberProgram, limber_program, G_TYPE_OBJECT)

static void
clear_part (gpointer data)
{
  Part *part = data;

  g_clear_pointer (&part->name, g_free);
  g_clear_object (&part->routine);
}

static void
clear_level (gpointer data)
{
  Level *level = data;

  g_clear_pointer (&level->name, g_free);
  g_clear_pointer (&level->routine_id, g_free);
  g_clear_pointer (&level->parts, g_array_unref);
}

static void
limber_program_finalize (GObject *object)
{
  LimberProgram *self = (LimberProgram *) object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->summary);
  g_free (self->source);
  g_array_unref (self->levels);

  G_OBJECT_CLASS (limber_program_parent_class)->finalize (object);
}

static void
limber_program_class_init (LimberProgramClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = limber_program_finalize;
}

static void
limber_program_init (LimberProgram *self)
{
  self->sessions_to_advance = LIMBER_PROGRAM_DEFAULT_SESSIONS_TO_ADVANCE;
  self->levels = g_array_new (FALSE, TRUE, sizeof (Level));
  g_array_set_clear_func (self->levels, clear_level);
}

/* A whole number from 1 without leading zeros at @s, up to @end. */
static gboolean
parse_number (const char *s,
              gsize       length,
              guint       max,
              guint      *value)
{
  g_autofree char *copy = g_strndup (s, length);
  guint64 n;

  if (length == 0 || copy[0] < '1' || copy[0] > '9' ||
      !g_ascii_string_to_unsigned (copy, 10, 1, max, &n, NULL))
    return FALSE;
  *value = n;
  return TRUE;
}

/* "WORD N" at *s, followed by a space or the end; moves *s past it. */
static gboolean
parse_word_number (const char **s,
                   const char  *word,
                   guint       *value)
{
  const char *start;
  const char *end;

  if (!g_str_has_prefix (*s, word) || (*s)[strlen (word)] != ' ')
    return FALSE;
  start = *s + strlen (word) + 1;
  end = strchr (start, ' ');
  if (end == NULL)
    end = start + strlen (start);
  if (!parse_number (start, end - start, G_MAXUINT, value))
    return FALSE;
  *s = *end == ' ' ? end + 1 : end;
  return TRUE;
}

/* "Level N", "Level N Step M", "Level N Part P" or "Level N Part P Step M";
 * what is not there is 0. */
static gboolean
parse_group_name (const char *group,
                  guint      *level,
                  guint      *part,
                  guint      *step)
{
  const char *s = group;

  *level = *part = *step = 0;
  if (!parse_word_number (&s, "Level", level))
    return FALSE;
  if (*s == '\0')
    return TRUE;
  if (g_str_has_prefix (s, "Part ") && !parse_word_number (&s, "Part", part))
    return FALSE;
  if (*s == '\0')
    return TRUE;
  return parse_word_number (&s, "Step", step) && *s == '\0';
}

/* The hold of every step at most the top of its exercise's advised range. */
static gboolean
check_holds (const LimberKeyfileContext  *ctx,
             LimberRoutine               *routine,
             GPtrArray                   *step_groups,
             GError                     **error)
{
  for (guint i = 0; i < limber_routine_get_n_steps (routine); i++)
    {
      const LimberRoutineStep *step = limber_routine_get_step (routine, i);
      guint min = 0, max = 0;

      if (step->hold == 0)
        continue;
      limber_exercise_get_hold_range (step->exercise, &min, &max);
      if (max == 0)
        max = limber_exercise_get_hold (step->exercise);
      if (step->hold > max)
        {
          _limber_keyfile_set_error (ctx, error, LIMBER_CATALOG_ERROR_OUT_OF_RANGE,
                                     g_ptr_array_index (step_groups, i), "Hold",
                                     _("a level may hold “%s” at most %u seconds, as the exercise advises, not %u"),
                                     limber_exercise_get_id (step->exercise), max, step->hold);
          return FALSE;
        }
    }
  return TRUE;
}

static const char *
translate (const char *text,
           gboolean    bundled)
{
  return bundled && *text ? g_dgettext (GETTEXT_PACKAGE, text) : text;
}

/* The groups of one level, as found in the file. */
typedef struct
{
  const char *group;   /* [Level N Part P], or NULL */
  GPtrArray  *steps;   /* its step groups, in file order, or NULL */
} ParsedPart;

typedef struct
{
  const char *group;   /* [Level N], or NULL */
  GPtrArray  *parts;   /* of ParsedPart: 0 is the level's own steps, then part 1, 2… */
} ParsedLevel;

static void
parsed_part_free (gpointer data)
{
  ParsedPart *part = data;

  g_clear_pointer (&part->steps, g_ptr_array_unref);
  g_free (part);
}

static void
parsed_level_free (gpointer data)
{
  ParsedLevel *level = data;

  g_clear_pointer (&level->parts, g_ptr_array_unref);
  g_free (level);
}

/* One session of a level: its steps as a routine, held to the holds. */
static gboolean
add_part (LimberProgram               *self,
          const LimberKeyfileContext  *ctx,
          Level                       *level,
          guint                        level_number,
          const char                  *part_name,
          const char                  *routine_id,
          GPtrArray                   *steps,
          const char                  *group,
          int                          prepare,
          int                          switch_sides,
          GHashTable                  *exercises,
          gboolean                     bundled,
          GError                     **error)
{
  g_autofree char *routine_name = NULL;
  Part part = { 0 };

  if (steps == NULL || steps->len == 0 || steps->len > LIMBER_ROUTINE_MAX_STEPS)
    {
      _limber_keyfile_set_error (ctx, error, LIMBER_CATALOG_ERROR_OUT_OF_RANGE, group, NULL,
                                 _("[%s] must have 1 to %d steps: [%s Step 1], …"),
                                 group, LIMBER_ROUTINE_MAX_STEPS, group);
      return FALSE;
    }

  if (part_name != NULL)
    /* TRANSLATORS: a part of a program's level played as a routine, e.g. "Runner's warm-up and cool-down, level 2: Warm-up, before you run" */
    routine_name = g_strdup_printf (_("%s, level %u: %s"), translate (self->name, bundled), level_number, part_name);
  else
    /* TRANSLATORS: a program's level played as a routine, e.g. "Looser hamstrings in four weeks, level 2" */
    routine_name = g_strdup_printf (_("%s, level %u"), translate (self->name, bundled), level_number);
  part.name = g_strdup (part_name);
  part.routine = _limber_routine_new_level (ctx, routine_id, routine_name, prepare, switch_sides,
                                            steps, exercises, bundled, error);
  if (part.routine == NULL || !check_holds (ctx, part.routine, steps, error))
    {
      clear_part (&part);
      return FALSE;
    }
  g_array_append_val (level->parts, part);
  return TRUE;
}

/* A level's session: its own steps, or its parts 1, 2… (not both). */
static gboolean
parse_level (LimberProgram               *self,
             const LimberKeyfileContext  *ctx,
             ParsedLevel                 *parsed,
             guint                        level_number,
             int                          prepare,
             int                          switch_sides,
             GHashTable                  *exercises,
             gboolean                     bundled,
             GError                     **error)
{
  Level *level = &g_array_index (self->levels, Level, level_number - 1);
  ParsedPart *own = g_ptr_array_index (parsed->parts, 0);
  GError *check_error = NULL;

  if (parsed->parts->len == 1)
    return add_part (self, ctx, level, level_number, NULL, level->routine_id, own->steps,
                     parsed->group, prepare, switch_sides, exercises, bundled, error);

  if (own->steps != NULL)
    {
      _limber_keyfile_set_error (ctx, error, LIMBER_CATALOG_ERROR_SYNTAX, g_ptr_array_index (own->steps, 0), NULL,
                                 _("[%s] has parts, so its steps go in its parts: [%s Part 1 Step 1], …"),
                                 parsed->group, parsed->group);
      return FALSE;
    }
  for (guint p = 1; p < parsed->parts->len; p++)
    {
      ParsedPart *part = g_ptr_array_index (parsed->parts, p);
      g_autofree char *part_group = g_strdup_printf ("%s Part %u", parsed->group, p);
      g_autofree char *name = NULL;
      g_autofree char *routine_id = NULL;

      if (part->group == NULL)
        {
          _limber_keyfile_set_error (ctx, error, LIMBER_CATALOG_ERROR_MISSING_KEY, NULL, NULL,
                                     _("there is no [%s] group; parts are numbered 1, 2, 3… without gaps"),
                                     part_group);
          return FALSE;
        }
      if (!(name = _limber_keyfile_get_text ((LimberKeyfileContext *) ctx, part->group, "Name", TRUE, error)) ||
          !_limber_keyfile_check ((LimberKeyfileContext *) ctx, part->group, "Name",
                                  limber_check_name (name, &check_error), &check_error, error))
        return FALSE;
      routine_id = limber_program_make_part_routine_id (self->id, level_number, p);
      if (!add_part (self, ctx, level, level_number, translate (name, bundled), routine_id, part->steps,
                     part->group, prepare, switch_sides, exercises, bundled, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * limber_program_new_from_key_file:
 *
 * Parses a program file whose exercises are in @exercises (id → exercise).
 *
 * Returns: (transfer full): the program, or %NULL with @error naming the
 *   file, the line and what is wrong.
 */
LimberProgram *
limber_program_new_from_key_file (GKeyFile    *key_file,
                                  const char  *text,
                                  const char  *display_name,
                                  GHashTable  *exercises,
                                  gboolean     bundled,
                                  GError     **error)
{
  LimberKeyfileContext ctx = { display_name, text, key_file };
  g_autoptr(LimberProgram) self = NULL;
  g_autoptr(GPtrArray) parsed_levels = g_ptr_array_new_with_free_func (parsed_level_free);
  g_auto(GStrv) groups = NULL;
  guint prepare_value = 0, switch_sides_value = 0;
  int prepare, switch_sides;
  GError *check_error = NULL;

  g_return_val_if_fail (key_file != NULL, NULL);
  g_return_val_if_fail (exercises != NULL, NULL);

  self = g_object_new (LIMBER_TYPE_PROGRAM, NULL);
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
      !_limber_keyfile_get_uint (&ctx, GROUP, "SessionsToAdvance", 1, LIMBER_PROGRAM_SESSIONS_TO_ADVANCE_MAX,
                                 &self->sessions_to_advance, error) ||
      !_limber_keyfile_get_uint (&ctx, GROUP, "Prepare", 0, LIMBER_PREPARE_MAX, &prepare_value, error) ||
      !_limber_keyfile_get_uint (&ctx, GROUP, "SwitchSides", 0, LIMBER_SWITCH_SIDES_MAX, &switch_sides_value, error))
    return NULL;
  /* -1: the person's own transition times */
  prepare = g_key_file_has_key (key_file, GROUP, "Prepare", NULL) ? (int) prepare_value : -1;
  switch_sides = g_key_file_has_key (key_file, GROUP, "SwitchSides", NULL) ? (int) switch_sides_value : -1;

  self->summary = _limber_keyfile_get_text (&ctx, GROUP, "Summary", FALSE, NULL);
  if (self->summary == NULL)
    self->summary = g_strdup ("");
  if (!_limber_keyfile_check (&ctx, GROUP, "Name", limber_check_name (self->name, &check_error),
                              &check_error, error) ||
      !_limber_keyfile_check (&ctx, GROUP, "Summary", limber_check_summary (self->summary, &check_error),
                              &check_error, error))
    return NULL;

  /* Sort the groups into levels and parts, keeping the steps in file
   * order. */
  groups = g_key_file_get_groups (key_file, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      guint level, part, step;
      ParsedLevel *parsed;

      if (g_str_equal (groups[i], GROUP))
        continue;
      if (!parse_group_name (groups[i], &level, &part, &step) ||
          level > LIMBER_PROGRAM_MAX_LEVELS || part > LIMBER_PROGRAM_MAX_PARTS)
        {
          _limber_keyfile_set_error (&ctx, error, LIMBER_CATALOG_ERROR_SYNTAX, groups[i], NULL,
                                     _("unknown group [%s]; a program has [Level 1], [Level 1 Step 1], … up to level %d, "
                                       "or [Level 1 Part 1], [Level 1 Part 1 Step 1], … up to part %d"),
                                     groups[i], LIMBER_PROGRAM_MAX_LEVELS, LIMBER_PROGRAM_MAX_PARTS);
          return NULL;
        }
      while (parsed_levels->len < level)
        g_ptr_array_add (parsed_levels, g_new0 (ParsedLevel, 1));
      parsed = g_ptr_array_index (parsed_levels, level - 1);
      if (parsed->parts == NULL)
        parsed->parts = g_ptr_array_new_with_free_func (parsed_part_free);
      /* part 0 holds the steps of a level of one session */
      while (parsed->parts->len <= part)
        g_ptr_array_add (parsed->parts, g_new0 (ParsedPart, 1));
      {
        ParsedPart *p = g_ptr_array_index (parsed->parts, part);

        if (step == 0 && part == 0)
          parsed->group = groups[i];
        else if (step == 0)
          p->group = groups[i];
        else
          {
            if (p->steps == NULL)
              p->steps = g_ptr_array_new ();
            g_ptr_array_add (p->steps, groups[i]);
          }
      }
    }

  if (parsed_levels->len == 0)
    {
      _limber_keyfile_set_error (&ctx, error, LIMBER_CATALOG_ERROR_MISSING_KEY, NULL, NULL,
                                 _("the program has no levels; add a [Level 1] group and its [Level 1 Step 1]"));
      return NULL;
    }

  for (guint i = 0; i < parsed_levels->len; i++)
    {
      ParsedLevel *parsed = g_ptr_array_index (parsed_levels, i);
      g_autofree char *level_name = NULL;
      Level level = { 0 };

      if (parsed->group == NULL)
        {
          _limber_keyfile_set_error (&ctx, error, LIMBER_CATALOG_ERROR_MISSING_KEY, NULL, NULL,
                                     _("there is no [Level %u] group; levels are numbered 1, 2, 3… without gaps"),
                                     i + 1);
          return NULL;
        }
      if (!(level_name = _limber_keyfile_get_text (&ctx, parsed->group, "Name", TRUE, error)) ||
          !_limber_keyfile_check (&ctx, parsed->group, "Name", limber_check_name (level_name, &check_error),
                                  &check_error, error))
        return NULL;

      level.name = g_strdup (translate (level_name, bundled));
      level.routine_id = limber_program_make_level_routine_id (self->id, i + 1);
      level.parts = g_array_new (FALSE, TRUE, sizeof (Part));
      g_array_set_clear_func (level.parts, clear_part);
      g_array_append_val (self->levels, level);
      if (!parse_level (self, &ctx, parsed, i + 1, prepare, switch_sides, exercises, bundled, error))
        return NULL;
    }

  if (bundled)
    {
      char *name = g_strdup (translate (self->name, TRUE));
      char *summary = g_strdup (translate (self->summary, TRUE));

      g_free (self->name);
      self->name = name;
      g_free (self->summary);
      self->summary = summary;
    }

  return g_steal_pointer (&self);
}

/**
 * limber_program_make_level_routine_id:
 * @level: from 1
 *
 * Returns: (transfer full): the Id of the routine that plays @level of the
 *   program @program_id when the level is one session, as the journal's
 *   sessions name it.
 */
char *
limber_program_make_level_routine_id (const char *program_id,
                                      guint       level)
{
  g_return_val_if_fail (program_id != NULL, NULL);
  return g_strdup_printf ("%s-level-%u", program_id, level);
}

/**
 * limber_program_make_part_routine_id:
 * @level: from 1
 * @part: from 1
 *
 * Returns: (transfer full): the Id of the routine that plays @part of
 *   @level of the program @program_id, for a level of several parts.
 */
char *
limber_program_make_part_routine_id (const char *program_id,
                                     guint       level,
                                     guint       part)
{
  g_return_val_if_fail (program_id != NULL, NULL);
  return g_strdup_printf ("%s-level-%u-part-%u", program_id, level, part);
}
const char *
limber_program_get_id (LimberProgram *self)
{
  g_return_val_if_fail (LIMBER_IS_PROGRAM (self), NULL);
  return self->id;
}

const char *
limber_program_get_name (LimberProgram *self)
{
  g_return_val_if_fail (LIMBER_IS_PROGRAM (self), NULL);
  return self->name;
}

const char *
limber_program_get_summary (LimberProgram *self)
{
  g_return_val_if_fail (LIMBER_IS_PROGRAM (self), NULL);
  return self->summary;
}

const char *
limber_program_get_source (LimberProgram *self)
{
  g_return_val_if_fail (LIMBER_IS_PROGRAM (self), NULL);
  return self->source;
}

/**
 * limber_program_get_sessions_to_advance:
 *
 * Returns: how many completed sessions at a level come before the next.
 */
guint
limber_program_get_sessions_to_advance (LimberProgram *self)
{
  g_return_val_if_fail (LIMBER_IS_PROGRAM (self), 0);
  return self->sessions_to_advance;
}

guint
limber_program_get_n_levels (LimberProgram *self)
{
  g_return_val_if_fail (LIMBER_IS_PROGRAM (self), 0);
  return self->levels->len;
}

/**
 * limber_program_get_level_name:
 * @level: from 1 to limber_program_get_n_levels()
 *
 * Returns: what the level is in a few words, such as "35-second holds".
 */
const char *
limber_program_get_level_name (LimberProgram *self,
                               guint          level)
{
  g_return_val_if_fail (LIMBER_IS_PROGRAM (self), NULL);
  g_return_val_if_fail (level >= 1 && level <= self->levels->len, NULL);
  return g_array_index (self->levels, Level, level - 1).name;
}

static const Level *
get_level (LimberProgram *self,
           guint          level)
{
  return &g_array_index (self->levels, Level, level - 1);
}

/**
 * limber_program_get_level_routine:
 * @level: from 1 to limber_program_get_n_levels()
 *
 * Returns: (transfer none): the routine to play at @level: its first part
 *   when it has several.
 */
LimberRoutine *
limber_program_get_level_routine (LimberProgram *self,
                                  guint          level)
{
  g_return_val_if_fail (LIMBER_IS_PROGRAM (self), NULL);
  g_return_val_if_fail (level >= 1 && level <= self->levels->len, NULL);
  return g_array_index (get_level (self, level)->parts, Part, 0).routine;
}

/**
 * limber_program_get_n_parts:
 * @level: from 1 to limber_program_get_n_levels()
 *
 * Returns: how many sessions make @level: 1, or its parts (a warm-up to do
 *   before a run and a cool-down after, say), played in order.
 */
guint
limber_program_get_n_parts (LimberProgram *self,
                            guint          level)
{
  g_return_val_if_fail (LIMBER_IS_PROGRAM (self), 0);
  g_return_val_if_fail (level >= 1 && level <= self->levels->len, 0);
  return get_level (self, level)->parts->len;
}

/**
 * limber_program_get_part_name:
 * @level: from 1 to limber_program_get_n_levels()
 * @part: from 1 to limber_program_get_n_parts()
 *
 * Returns: (nullable): what the part is, such as "Warm-up, before you
 *   run"; %NULL for a level of one session.
 */
const char *
limber_program_get_part_name (LimberProgram *self,
                              guint          level,
                              guint          part)
{
  g_return_val_if_fail (LIMBER_IS_PROGRAM (self), NULL);
  g_return_val_if_fail (level >= 1 && level <= self->levels->len, NULL);
  g_return_val_if_fail (part >= 1 && part <= get_level (self, level)->parts->len, NULL);
  return g_array_index (get_level (self, level)->parts, Part, part - 1).name;
}

/**
 * limber_program_get_part_routine:
 * @level: from 1 to limber_program_get_n_levels()
 * @part: from 1 to limber_program_get_n_parts()
 *
 * Returns: (transfer none): the routine that plays @part of @level.
 */
LimberRoutine *
limber_program_get_part_routine (LimberProgram *self,
                                 guint          level,
                                 guint          part)
{
  g_return_val_if_fail (LIMBER_IS_PROGRAM (self), NULL);
  g_return_val_if_fail (level >= 1 && level <= self->levels->len, NULL);
  g_return_val_if_fail (part >= 1 && part <= get_level (self, level)->parts->len, NULL);
  return g_array_index (get_level (self, level)->parts, Part, part - 1).routine;
}

/**
 * limber_program_find_part:
 * @part: (out) (optional): the part, from 1; 0 for the level's own Id
 *   when the level has several parts (a session from before it had them)
 *
 * Returns: the level one of whose sessions has the Id @routine_id, or 0
 *   when it is not one of this program's.
 */
guint
limber_program_find_part (LimberProgram *self,
                          const char    *routine_id,
                          guint         *part)
{
  g_return_val_if_fail (LIMBER_IS_PROGRAM (self), 0);

  if (part != NULL)
    *part = 0;
  for (guint i = 0; routine_id != NULL && i < self->levels->len; i++)
    {
      const Level *level = get_level (self, i + 1);

      for (guint p = 0; p < level->parts->len; p++)
        if (g_str_equal (routine_id, limber_routine_get_id (g_array_index (level->parts, Part, p).routine)))
          {
            if (part != NULL)
              *part = p + 1;
            return i + 1;
          }
      if (g_str_equal (routine_id, level->routine_id))
        return i + 1;
    }
  return 0;
}

/**
 * limber_program_find_level:
 *
 * Returns: the level one of whose sessions has the Id @routine_id, or 0
 *   when it is not one of this program's.
 */
guint
limber_program_find_level (LimberProgram *self,
                           const char    *routine_id)
{
  return limber_program_find_part (self, routine_id, NULL);
}
