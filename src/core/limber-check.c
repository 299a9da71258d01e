/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-catalog"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "limber-catalog-error.h"
#include "limber-check.h"

G_DEFINE_ENUM_TYPE (LimberDraftField, limber_draft_field,
  G_DEFINE_ENUM_VALUE (LIMBER_DRAFT_FIELD_NONE, "none"),
  G_DEFINE_ENUM_VALUE (LIMBER_DRAFT_FIELD_NAME, "name"),
  G_DEFINE_ENUM_VALUE (LIMBER_DRAFT_FIELD_SUMMARY, "summary"),
  G_DEFINE_ENUM_VALUE (LIMBER_DRAFT_FIELD_PREPARE, "prepare"),
  G_DEFINE_ENUM_VALUE (LIMBER_DRAFT_FIELD_SWITCH_SIDES, "switch-sides"),
  G_DEFINE_ENUM_VALUE (LIMBER_DRAFT_FIELD_STEPS, "steps"),
  G_DEFINE_ENUM_VALUE (LIMBER_DRAFT_FIELD_EXERCISE, "exercise"),
  G_DEFINE_ENUM_VALUE (LIMBER_DRAFT_FIELD_HOLD, "hold"),
  G_DEFINE_ENUM_VALUE (LIMBER_DRAFT_FIELD_REPETITIONS, "repetitions"),
  G_DEFINE_ENUM_VALUE (LIMBER_DRAFT_FIELD_TEMPO, "tempo"),
  G_DEFINE_ENUM_VALUE (LIMBER_DRAFT_FIELD_SETS, "sets"),
  G_DEFINE_ENUM_VALUE (LIMBER_DRAFT_FIELD_SET_REST, "set-rest"),
  G_DEFINE_ENUM_VALUE (LIMBER_DRAFT_FIELD_REST, "rest"),
  G_DEFINE_ENUM_VALUE (LIMBER_DRAFT_FIELD_SIDES, "sides"),
  G_DEFINE_ENUM_VALUE (LIMBER_DRAFT_FIELD_KIND, "kind"),
  G_DEFINE_ENUM_VALUE (LIMBER_DRAFT_FIELD_MUSCLES, "muscles"),
  G_DEFINE_ENUM_VALUE (LIMBER_DRAFT_FIELD_INSTRUCTIONS, "instructions"),
  G_DEFINE_ENUM_VALUE (LIMBER_DRAFT_FIELD_CAUTION, "caution"),
  G_DEFINE_ENUM_VALUE (LIMBER_DRAFT_FIELD_HOLD_RANGE, "hold-range"),
  G_DEFINE_ENUM_VALUE (LIMBER_DRAFT_FIELD_PICTURE, "picture"))

/* Control characters (a tab or a line break among them) would not survive
 * a key file's one-line values as typed, and a terminal escape in a shared
 * file must never reach the command line's output. */
static gboolean
has_control (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        return TRUE;
    }
  return FALSE;
}

static gboolean
check_text (const char  *text,
            gboolean     required,
            guint        max_chars,
            const char  *empty_message,
            const char  *long_message,
            GError     **error)
{
  g_autofree char *stripped = NULL;

  if (text == NULL)
    text = "";
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_NOT_UTF8,
                           _("The text is not valid UTF-8"));
      return FALSE;
    }

  stripped = g_strstrip (g_strdup (text));
  if (required && *stripped == '\0')
    {
      g_set_error_literal (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_MISSING_KEY,
                           empty_message);
      return FALSE;
    }
  if (g_utf8_strlen (stripped, -1) > max_chars)
    {
      g_set_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_OUT_OF_RANGE,
                   long_message, max_chars);
      return FALSE;
    }
  if (has_control (stripped))
    {
      g_set_error_literal (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_INVALID_VALUE,
                           _("Use plain text, without tabs, line breaks or control characters"));
      return FALSE;
    }
  return TRUE;
}

/**
 * limber_check_name:
 * @text: a routine's or exercise's name
 *
 * Returns: whether @text is a usable name: 1 to 80 characters after trimming.
 */
gboolean
limber_check_name (const char  *text,
                   GError     **error)
{
  return check_text (text, TRUE, LIMBER_NAME_MAX_CHARS, _("Give it a name"),
                     _("Keep the name to %u characters"), error);
}

gboolean
limber_check_summary (const char  *text,
                      GError     **error)
{
  return check_text (text, FALSE, LIMBER_SUMMARY_MAX_CHARS, NULL,
                     _("Keep the summary to %u characters"), error);
}

gboolean
limber_check_instruction (const char  *text,
                          GError     **error)
{
  return check_text (text, TRUE, LIMBER_INSTRUCTION_MAX_CHARS, _("Write the step, or remove it"),
                     _("Keep each step to %u characters"), error);
}

/**
 * limber_check_instructions:
 * @bad_index: (out) (optional): the index of the first bad instruction
 *
 * Returns: whether there are 1 to 20 instructions, each usable.
 */
gboolean
limber_check_instructions (const char * const  *instructions,
                           guint               *bad_index,
                           GError             **error)
{
  guint n = instructions ? g_strv_length ((char **) instructions) : 0;

  if (bad_index)
    *bad_index = 0;
  if (n == 0)
    {
      g_set_error_literal (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_MISSING_KEY,
                           _("Write at least one step"));
      return FALSE;
    }
  if (n > LIMBER_INSTRUCTIONS_MAX)
    {
      if (bad_index)
        *bad_index = LIMBER_INSTRUCTIONS_MAX;
      g_set_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_OUT_OF_RANGE,
                   _("Keep it to %u steps"), LIMBER_INSTRUCTIONS_MAX);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    if (!limber_check_instruction (instructions[i], error))
      {
        if (bad_index)
          *bad_index = i;
        return FALSE;
      }
  return TRUE;
}

gboolean
limber_check_caution (const char  *text,
                      GError     **error)
{
  return check_text (text, FALSE, LIMBER_CAUTION_MAX_CHARS, NULL,
                     _("Keep the caution to %u characters"), error);
}

/**
 * limber_check_muscles:
 * @bad_index: (out) (optional): the index of the first bad name
 *
 * Returns: whether there are at most 10 muscle names, each 1 to 40
 * characters and without “;”, which separates them in the file.
 */
gboolean
limber_check_muscles (const char * const  *muscles,
                      guint               *bad_index,
                      GError             **error)
{
  guint n = muscles ? g_strv_length ((char **) muscles) : 0;

  if (bad_index)
    *bad_index = 0;
  if (n > LIMBER_MUSCLES_MAX)
    {
      if (bad_index)
        *bad_index = LIMBER_MUSCLES_MAX;
      g_set_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_OUT_OF_RANGE,
                   _("Name at most %u muscles"), LIMBER_MUSCLES_MAX);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      if (!check_text (muscles[i], TRUE, LIMBER_MUSCLE_MAX_CHARS, _("Name the muscle, or remove it"),
                       _("Keep each muscle to %u characters"), error))
        {
          if (bad_index)
            *bad_index = i;
          return FALSE;
        }
      if (strchr (muscles[i], ';') != NULL)
        {
          if (bad_index)
            *bad_index = i;
          g_set_error_literal (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_INVALID_VALUE,
                               _("A muscle's name cannot contain “;”"));
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * limber_check_picture_name:
 * @name: a file name inside the pictures folder
 *
 * A picture is named by a plain file name, never a path, so that a shared or
 * hand-edited file cannot point Limber at a file outside the pictures folder.
 *
 * Returns: whether @name is a plain file name.
 */
gboolean
limber_check_picture_name (const char  *name,
                           GError     **error)
{
  if (name == NULL || *name == '\0' || strlen (name) > 128 ||
      strchr (name, '/') != NULL || strchr (name, '\\') != NULL ||
      strstr (name, "..") != NULL || *name == '.' ||
      !g_utf8_validate (name, -1, NULL) || has_control (name))
    {
      g_set_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_INVALID_VALUE,
                   _("“%s” is not a picture file name; a picture is a file name in the pictures folder, without “/” or “..”"),
                   name ? name : "");
      return FALSE;
    }
  return TRUE;
}

gboolean
limber_check_number (guint    value,
                     guint    min,
                     guint    max,
                     GError **error)
{
  if (value < min || value > max)
    {
      g_set_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_OUT_OF_RANGE,
                   _("Choose between %u and %u"), min, max);
      return FALSE;
    }
  return TRUE;
}

/**
 * limber_make_slug:
 * @name: a name as the person typed it
 *
 * Returns: (transfer full): @name in lowercase ASCII letters, digits and
 * “-”, at most 48 characters, or "" when nothing of it is left.
 */
char *
limber_make_slug (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name ? name : "", "C");
  GString *slug = g_string_new (NULL);

  for (const char *p = ascii; *p && slug->len < 48; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);

  return g_string_free (slug, FALSE);
}

/**
 * limber_check_is_id:
 *
 * Whether @id can name a routine or exercise: 1 to 64 lowercase ASCII
 * letters, digits and “-”, not starting with “-”. Ids are written into file
 * names and the reminder service's journal requests, so nothing else may
 * pass.
 */
gboolean
limber_check_is_id (const char *id)
{
  const char *p;

  if (id == NULL || *id == '\0' || *id == '-')
    return FALSE;
  for (p = id; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-'))
      return FALSE;
  return p - id <= 64;
}
