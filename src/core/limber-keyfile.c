/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-catalog"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "limber-catalog-error.h"
#include "limber-check.h"
#include "limber-keyfile-private.h"

G_DEFINE_QUARK (limber-catalog-error-quark, limber_catalog_error)

/* Returns the 1-based line of @key inside [@group], of [@group] itself when
 * @key is %NULL, or 0 when it cannot be found. GKeyFile does not report line
 * numbers, and a user fixing a routine file by hand needs them. */
guint
_limber_keyfile_find_line (const char *text,
                           const char *group,
                           const char *key)
{
  const char *p = text;
  gboolean in_group = FALSE;
  guint line = 0;
  gsize key_len = key ? strlen (key) : 0;

  if (text == NULL)
    return 0;

  while (*p != '\0')
    {
      const char *end = strchr (p, '\n');
      const char *s = p;
      gsize len = end ? (gsize) (end - p) : strlen (p);

      line++;
      while (len > 0 && g_ascii_isspace (*s))
        s++, len--;

      if (len > 0 && *s == '[')
        {
          const char *close = memchr (s, ']', len);

          in_group = close != NULL &&
                     (gsize) (close - s - 1) == strlen (group) &&
                     strncmp (s + 1, group, close - s - 1) == 0;
          if (in_group && key == NULL)
            return line;
        }
      else if (in_group && key != NULL && len > key_len &&
               strncmp (s, key, key_len) == 0)
        {
          const char *q = s + key_len;

          while (*q == ' ' || *q == '\t')
            q++;
          if (*q == '=')
            return line;
        }

      if (end == NULL)
        break;
      p = end + 1;
    }

  return 0;
}

void
_limber_keyfile_set_error (const LimberKeyfileContext *ctx,
                           GError                  **error,
                           int                       code,
                           const char               *group,
                           const char               *key,
                           const char               *format,
                           ...)
{
  g_autofree char *message = NULL;
  guint line = 0;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (group != NULL)
    {
      line = _limber_keyfile_find_line (ctx->text, group, key);
      if (line == 0 && key != NULL)
        line = _limber_keyfile_find_line (ctx->text, group, NULL);
    }

  if (line > 0)
    g_set_error (error, LIMBER_CATALOG_ERROR, code, "%s:%u: %s",
                 ctx->display_name, line, message);
  else
    g_set_error (error, LIMBER_CATALOG_ERROR, code, "%s: %s",
                 ctx->display_name, message);
}

/* Checks encoding and line syntax ourselves first, so that the message can
 * carry a line number, then lets GKeyFile do the real parsing. A group or
 * a key given twice is refused: GKeyFile would merge the groups and keep
 * the last value, and a hand-edited or hostile file would then mean
 * something else than it shows. */
gboolean
_limber_keyfile_load (LimberKeyfileContext *ctx,
                      gsize               length,
                      GError            **error)
{
  const char *invalid = NULL;
  const char *p;
  guint line = 0;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) groups = NULL;
  g_autoptr(GHashTable) keys = NULL;     /* the current group's, key → line */
  g_autofree char *group = NULL;

  /* A byte order mark, as some editors write, carries nothing in UTF-8. */
  if (length >= 3 && memcmp (ctx->text, "\xef\xbb\xbf", 3) == 0)
    {
      ctx->text += 3;
      length -= 3;
    }

  if (!g_utf8_validate_len (ctx->text, length, &invalid))
    {
      guint bad_line = 1;

      for (p = ctx->text; p < invalid; p++)
        if (*p == '\n')
          bad_line++;

      if (invalid < ctx->text + length && *invalid == '\0')
        g_set_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_NOT_UTF8,
                     _("%s:%u: the file contains a NUL byte; is it a text file?"),
                     ctx->display_name, bad_line);
      else
        g_set_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_NOT_UTF8,
                     _("%s:%u: the text is not valid UTF-8; save the file as UTF-8"),
                     ctx->display_name, bad_line);
      return FALSE;
    }

  groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  p = ctx->text;
  while (*p != '\0')
    {
      const char *end = strchr (p, '\n');
      gsize len = end ? (gsize) (end - p) : strlen (p);
      const char *s = p;

      line++;
      while (len > 0 && g_ascii_isspace (*s))
        s++, len--;
      while (len > 0 && g_ascii_isspace (s[len - 1]))
        len--;

      if (len > 0 && *s != '#')
        {
          if (*s == '[')
            {
              if (s[len - 1] != ']' || len < 3)
                {
                  g_set_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_SYNTAX,
                               _("%s:%u: a group header must look like “[Name]”"),
                               ctx->display_name, line);
                  return FALSE;
                }
              g_free (group);
              group = g_strndup (s + 1, len - 2);
              if (g_hash_table_contains (groups, group))
                {
                  g_set_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_SYNTAX,
                               _("%s:%u: the group [%s] is already at line %u; each group appears once"),
                               ctx->display_name, line, group,
                               GPOINTER_TO_UINT (g_hash_table_lookup (groups, group)));
                  return FALSE;
                }
              g_hash_table_insert (groups, g_strdup (group), GUINT_TO_POINTER (line));
              g_hash_table_remove_all (keys);
            }
          else if (memchr (s, '=', len) == NULL || *s == '=')
            {
              g_set_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_SYNTAX,
                           _("%s:%u: expected “Key=value”, a “[Group]” header or a “#” comment"),
                           ctx->display_name, line);
              return FALSE;
            }
          else if (group != NULL)
            {
              const char *equals = memchr (s, '=', len);
              gsize key_len = equals - s;
              g_autofree char *key = NULL;

              /* "Hold = 30" is the key "Hold", as GKeyFile reads it; a
               * localized "Name[de]" is a key of its own */
              while (key_len > 0 && g_ascii_isspace (s[key_len - 1]))
                key_len--;
              key = g_strndup (s, key_len);
              if (g_hash_table_contains (keys, key))
                {
                  g_set_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_SYNTAX,
                               _("%s:%u: the key %s is already in the group [%s], at line %u; each key appears once in a group"),
                               ctx->display_name, line, key, group,
                               GPOINTER_TO_UINT (g_hash_table_lookup (keys, key)));
                  return FALSE;
                }
              g_hash_table_insert (keys, g_steal_pointer (&key), GUINT_TO_POINTER (line));
            }
        }

      if (end == NULL)
        break;
      p = end + 1;
    }

  if (!g_key_file_load_from_data (ctx->key_file, ctx->text, length,
                                  G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_SYNTAX,
                   "%s: %s", ctx->display_name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

char *
_limber_keyfile_get_text (const LimberKeyfileContext *ctx,
                          const char               *group,
                          const char               *key,
                          gboolean                  required,
                          GError                  **error)
{
  g_autofree char *value = NULL;

  value = g_key_file_get_string (ctx->key_file, group, key, NULL);
  if (value != NULL)
    g_strstrip (value);

  if (value == NULL || *value == '\0')
    {
      if (required)
        _limber_keyfile_set_error (ctx, error, LIMBER_CATALOG_ERROR_MISSING_KEY,
                                   group, value ? key : NULL,
                                   _("[%s] needs a “%s” value"), group, key);
      return NULL;
    }

  return g_steal_pointer (&value);
}

gboolean
_limber_keyfile_get_uint (const LimberKeyfileContext *ctx,
                          const char               *group,
                          const char               *key,
                          guint                     min,
                          guint                     max,
                          guint                    *value,
                          GError                  **error)
{
  g_autofree char *raw = NULL;
  guint64 parsed;

  raw = g_key_file_get_value (ctx->key_file, group, key, NULL);
  if (raw == NULL)
    return TRUE;
  g_strstrip (raw);

  if (!g_ascii_string_to_unsigned (raw, 10, 0, G_MAXUINT, &parsed, NULL))
    {
      _limber_keyfile_set_error (ctx, error, LIMBER_CATALOG_ERROR_INVALID_VALUE, group, key,
                                 _("%s must be a whole number, not “%s”"), key, raw);
      return FALSE;
    }

  if (parsed < min || parsed > max)
    {
      _limber_keyfile_set_error (ctx, error, LIMBER_CATALOG_ERROR_OUT_OF_RANGE, group, key,
                                 _("%s must be between %u and %u, not %s"),
                                 key, min, max, raw);
      return FALSE;
    }

  *value = (guint) parsed;
  return TRUE;
}

gboolean
_limber_keyfile_check_id (const LimberKeyfileContext *ctx,
                          const char               *group,
                          const char               *id,
                          GError                  **error)
{
  if (*id != '\0' && !limber_check_is_id (id))
    {
      _limber_keyfile_set_error (ctx, error, LIMBER_CATALOG_ERROR_INVALID_VALUE, group, "Id",
                                 _("the Id “%s” may only use lowercase letters, digits and “-”"),
                                 id);
      return FALSE;
    }

  return TRUE;
}

/* A field check from limber-check.c, its message placed at the key's line;
 * @check_error is consumed. */
gboolean
_limber_keyfile_check (const LimberKeyfileContext  *ctx,
                       const char                  *group,
                       const char                  *key,
                       gboolean                     ok,
                       GError                     **check_error,
                       GError                     **error)
{
  if (ok)
    return TRUE;
  if (key != NULL)
    _limber_keyfile_set_error (ctx, error, (*check_error)->code, group, key, "%s: %s",
                               key, (*check_error)->message);
  else
    _limber_keyfile_set_error (ctx, error, (*check_error)->code, group, NULL, "%s",
                               (*check_error)->message);
  g_clear_error (check_error);
  return FALSE;
}
