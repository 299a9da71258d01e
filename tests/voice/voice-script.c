/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "voice-script.h"

/* Turns an SSIP log (each command line as sent, "TEXT <text>" for each
 * message) into "cancel" and "say: …" lines, checking the handshake and
 * that every message goes out as SSIP wants it: priority, SPEAK, text. */
static GPtrArray *
compact (GPtrArray *log)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  guint i = 0;

  g_assert_cmpuint (log->len, >=, 2);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (log, i), "SET SELF CLIENT_NAME \""));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (log, i++), ":limber:main\""));
  /* LC_ALL=C: the untranslated texts, and the language they are in */
  g_assert_cmpstr (g_ptr_array_index (log, i++), ==, "SET SELF LANGUAGE en");

  while (i < log->len)
    {
      const char *entry = g_ptr_array_index (log, i);

      if (g_strcmp0 (entry, "CANCEL SELF") == 0)
        {
          g_ptr_array_add (lines, g_strdup ("cancel"));
          i++;
        }
      else if (g_strcmp0 (entry, "SET SELF PRIORITY MESSAGE") == 0)
        {
          g_assert_cmpuint (i + 2, <, log->len);
          g_assert_cmpstr (g_ptr_array_index (log, i + 1), ==, "speak");
          g_assert_true (g_str_has_prefix (g_ptr_array_index (log, i + 2), "TEXT "));
          g_ptr_array_add (lines, g_strdup_printf ("say: %s", (char *) g_ptr_array_index (log, i + 2) + 5));
          i += 3;
        }
      else
        {
          /* anything else shows up in the comparison */
          g_ptr_array_add (lines, g_strdup_printf ("unexpected: %s", entry));
          i++;
        }
    }

  return lines;
}

/* @script: what is said, in order: each a cancel then the text, or
 * VOICE_CANCEL_ONLY. */
void
voice_script_assert (GPtrArray         *log,
                     const char *const *script,
                     gsize              n)
{
  g_autoptr(GPtrArray) lines = compact (log);
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *got = NULL;
  g_autofree char *want = NULL;

  for (gsize i = 0; i < n; i++)
    {
      g_ptr_array_add (expected, g_strdup ("cancel"));
      if (g_strcmp0 (script[i], VOICE_CANCEL_ONLY) != 0)
        g_ptr_array_add (expected, g_strdup_printf ("say: %s", script[i]));
    }

  g_ptr_array_add (lines, NULL);
  g_ptr_array_add (expected, NULL);
  got = g_strjoinv ("\n", (char **) lines->pdata);
  want = g_strjoinv ("\n", (char **) expected->pdata);
  g_assert_cmpstr (got, ==, want);
}
