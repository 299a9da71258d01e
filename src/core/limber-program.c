/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-catalog"

#include <glib/gi18n-lib.h>

#include "limber-catalog-error.h"
#include "limber-catalog-private.h"
#include "limber-check.h"
#include "limber-keyfile-private.h"
#include "limber-program.h"

/* A program file: [Program], then [Level N] and its [Level N Step M]
 * groups (data/README.md). Each level is parsed into a routine by the
 * routine loader's own step parser, so a level is held to the same limits,
 * and then to its exercises' advised hold ranges: a plan that grows never
 * grows past what each exercise's caution allows. */

#define GROUP "Program"

typedef struct
{
  char          *name;
  LimberRoutine *routine;
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
clear_level (gpointer data)
{
  Level *level = data;

  g_clear_pointer (&level->name, g_free);
  g_clear_object (&level->routine);
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

/* "Level N" (*step = 0) or "Level N Step M". */
static gboolean
parse_group_name (const char *group,
                  guint      *level,
                  guint      *step)
{
  const char *rest;
  const char *space;

  if (!g_str_has_prefix (group, "Level "))
    return FALSE;
  rest = group + strlen ("Level ");
  space = strchr (rest, ' ');
  *step = 0;
  if (space == NULL)
    return parse_number (rest, strlen (rest), G_MAXUINT, level);
  return parse_number (rest, space - rest, G_MAXUINT, level) &&
         g_str_has_prefix (space, " Step ") &&
         parse_number (space + strlen (" Step "), strlen (space + strlen (" Step ")), G_MAXUINT, step);
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
  g_autoptr(GPtrArray) level_steps = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) level_groups = g_ptr_array_new ();
  g_auto(GStrv) groups = NULL;
  guint prepare = 0, switch_sides = 0;
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
      !_limber_keyfile_get_uint (&ctx, GROUP, "Prepare", 0, LIMBER_PREPARE_MAX, &prepare, error) ||
      !_limber_keyfile_get_uint (&ctx, GROUP, "SwitchSides", 0, LIMBER_SWITCH_SIDES_MAX, &switch_sides, error))
    return NULL;

  self->summary = _limber_keyfile_get_text (&ctx, GROUP, "Summary", FALSE, NULL);
  if (self->summary == NULL)
    self->summary = g_strdup ("");
  if (!_limber_keyfile_check (&ctx, GROUP, "Name", limber_check_name (self->name, &check_error),
                              &check_error, error) ||
      !_limber_keyfile_check (&ctx, GROUP, "Summary", limber_check_summary (self->summary, &check_error),
                              &check_error, error))
    return NULL;

  /* Sort the groups into levels, keeping the steps in file order. */
  groups = g_key_file_get_groups (key_file, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      guint level, step;

      if (g_str_equal (groups[i], GROUP))
        continue;
      if (!parse_group_name (groups[i], &level, &step) || level > LIMBER_PROGRAM_MAX_LEVELS)
        {
          _limber_keyfile_set_error (&ctx, error, LIMBER_CATALOG_ERROR_SYNTAX, groups[i], NULL,
                                     _("unknown group [%s]; a program has [Level 1], [Level 1 Step 1], … up to level %d"),
                                     groups[i], LIMBER_PROGRAM_MAX_LEVELS);
          return NULL;
        }
      while (level_steps->len < level)
        {
          g_ptr_array_add (level_steps, g_ptr_array_new ());
          g_ptr_array_add (level_groups, NULL);
        }
      if (step == 0)
        level_groups->pdata[level - 1] = groups[i];
      else
        g_ptr_array_add (g_ptr_array_index (level_steps, level - 1), groups[i]);
    }

  if (level_steps->len == 0)
    {
      _limber_keyfile_set_error (&ctx, error, LIMBER_CATALOG_ERROR_MISSING_KEY, NULL, NULL,
                                 _("the program has no levels; add a [Level 1] group and its [Level 1 Step 1]"));
      return NULL;
    }

  for (guint i = 0; i < level_steps->len; i++)
    {
      GPtrArray *steps = g_ptr_array_index (level_steps, i);
      const char *group = g_ptr_array_index (level_groups, i);
      g_autofree char *level_name = NULL;
      g_autofree char *routine_id = NULL;
      g_autofree char *routine_name = NULL;
      Level level = { 0 };

      if (group == NULL)
        {
          _limber_keyfile_set_error (&ctx, error, LIMBER_CATALOG_ERROR_MISSING_KEY, NULL, NULL,
                                     _("there is no [Level %u] group; levels are numbered 1, 2, 3… without gaps"),
                                     i + 1);
          return NULL;
        }
      if (!(level_name = _limber_keyfile_get_text (&ctx, group, "Name", TRUE, error)) ||
          !_limber_keyfile_check (&ctx, group, "Name", limber_check_name (level_name, &check_error),
                                  &check_error, error))
        return NULL;
      if (steps->len == 0 || steps->len > LIMBER_ROUTINE_MAX_STEPS)
        {
          _limber_keyfile_set_error (&ctx, error, LIMBER_CATALOG_ERROR_OUT_OF_RANGE, group, NULL,
                                     _("[%s] must have 1 to %d steps: [%s Step 1], …"),
                                     group, LIMBER_ROUTINE_MAX_STEPS, group);
          return NULL;
        }

      level.name = g_strdup (translate (level_name, bundled));
      routine_id = limber_program_make_level_routine_id (self->id, i + 1);
      /* TRANSLATORS: a program's level played as a routine, e.g. "Looser hamstrings in four weeks, level 2" */
      routine_name = g_strdup_printf (_("%s, level %u"), translate (self->name, bundled), i + 1);
      level.routine = _limber_routine_new_level (&ctx, routine_id, routine_name,
                                                 g_key_file_has_key (key_file, GROUP, "Prepare", NULL) ? (int) prepare : -1,
                                                 g_key_file_has_key (key_file, GROUP, "SwitchSides", NULL) ? (int) switch_sides : -1,
                                                 steps, exercises, bundled, error);
      if (level.routine == NULL || !check_holds (&ctx, level.routine, steps, error))
        {
          clear_level (&level);
          return NULL;
        }
      g_array_append_val (self->levels, level);
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
 *   program @program_id, as the journal's sessions name it.
 */
char *
limber_program_make_level_routine_id (const char *program_id,
                                      guint       level)
{
  g_return_val_if_fail (program_id != NULL, NULL);
  return g_strdup_printf ("%s-level-%u", program_id, level);
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

/**
 * limber_program_get_level_routine:
 * @level: from 1 to limber_program_get_n_levels()
 *
 * Returns: (transfer none): the routine to play at @level.
 */
LimberRoutine *
limber_program_get_level_routine (LimberProgram *self,
                                  guint          level)
{
  g_return_val_if_fail (LIMBER_IS_PROGRAM (self), NULL);
  g_return_val_if_fail (level >= 1 && level <= self->levels->len, NULL);
  return g_array_index (self->levels, Level, level - 1).routine;
}

/**
 * limber_program_find_level:
 *
 * Returns: the level whose routine has the Id @routine_id, or 0 when
 *   it is not one of this program's.
 */
guint
limber_program_find_level (LimberProgram *self,
                           const char    *routine_id)
{
  g_return_val_if_fail (LIMBER_IS_PROGRAM (self), 0);

  for (guint i = 0; routine_id != NULL && i < self->levels->len; i++)
    if (g_str_equal (routine_id, limber_routine_get_id (g_array_index (self->levels, Level, i).routine)))
      return i + 1;
  return 0;
}
