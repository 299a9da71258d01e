/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"

static const char *
field (const GLogField *fields,
       gsize            n_fields,
       const char      *key)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, key) && fields[i].length < 0)
      return fields[i].value;
  return "";
}

/* GLib 2.74's g_key_file_parse_value_as_string() sets its GError twice for
 * a value with a bad escape followed by a backslash at the end ("\z\"),
 * and warns about itself; later GLib fixed it (it clears the first error).
 * It happens inside GLib whatever Limber passes, so it is not ours to find. */
static gboolean
is_known_glib_bug (const char *domain,
                   const char *message)
{
  return g_strcmp0 (domain, "GLib") == 0 &&
         g_str_has_prefix (message, "GError set over the top of a previous GError") &&
         strstr (message, "Key file contains escape character at end of line") != NULL;
}

static GLogWriterOutput
fuzz_writer (GLogLevelFlags   log_level,
             const GLogField *fields,
             gsize            n_fields,
             gpointer         user_data)
{
  const char *domain = field (fields, n_fields, "GLIB_DOMAIN");
  const char *message = field (fields, n_fields, "MESSAGE");

  /* Messages about a rejected input are expected, thousands of times a
   * second: dropped. Warnings and criticals are bugs, as under
   * G_DEBUG=fatal-warnings in the test suite: abort, which libFuzzer
   * reports as a crash and keeps the input of. */
  if (!(log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING)))
    return G_LOG_WRITER_HANDLED;
  if (is_known_glib_bug (domain, message))
    return G_LOG_WRITER_HANDLED;

  fprintf (stderr, "%s: %s\n", *domain ? domain : "(no domain)", message);
  abort ();
}

/**
 * fuzz_init:
 *
 * Makes warnings and criticals abort and silences messages. Safe to call
 * for every input.
 */
void
fuzz_init (void)
{
  static gboolean done;

  if (done)
    return;
  done = TRUE;

  g_log_set_writer_func (fuzz_writer, NULL, NULL);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
}

/**
 * fuzz_strndup_checked:
 *
 * Returns: (transfer full) (nullable): @data as a string, or %NULL when it
 *   holds a NUL byte, which a command-line argument or a setting cannot
 */
char *
fuzz_strndup_checked (const guint8 *data,
                      size_t        size)
{
  if (memchr (data, '\0', size) != NULL)
    return NULL;
  return g_strndup ((const char *) data, size);
}
