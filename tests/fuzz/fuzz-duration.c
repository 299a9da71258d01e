/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Durations: a routine file's seconds (Hold=, Rest=, … through
 * _limber_keyfile_get_uint()) and --morning-stiffness=MIN (minutes, 0 to
 * 1440, from the command line). */
#include "limber-catalog.h"
#include "limber-checkin.h"
#include "limber-cli-private.h"
#include "limber-keyfile-private.h"

#include "fuzz-common.h"

/* Decimal digits only, within [min, max]; @strip: ASCII white space around
 * them is allowed, as a key file's value may carry it.
 *
 * One known leniency, left to the owners of limber-keyfile.c: g_strstrip()
 * leaves a vertical tab in front, and g_ascii_string_to_unsigned() lets
 * strtoull() skip it and then a '+' (its sign check only looks at the first
 * byte), so "\v+30" is read as 30. Harmless, and modelled here so that the
 * fuzzer looks for anything else. */
static gboolean
reference_parse (const char *text,
                 gboolean    strip,
                 gint64      min,
                 gint64      max,
                 gint64     *value)
{
  const char *end = text + strlen (text);
  gint64 n = 0;

  if (strip)
    {
      while (text < end && g_ascii_isspace (*text))
        text++;
      if (text < end && *text == '\v')
        {
          while (text < end && (g_ascii_isspace (*text) || *text == '\v'))
            text++;
          if (text < end && *text == '+')
            text++;
        }
      while (end > text && g_ascii_isspace (end[-1]))
        end--;
    }
  if (text == end)
    return FALSE;
  for (const char *p = text; p < end; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      n = MIN (n * 10 + (*p - '0'), G_MAXINT64 / 16);
    }
  if (n < min || n > max)
    return FALSE;
  *value = n;
  return TRUE;
}

static void
check_file_seconds (const char *text)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  LimberKeyfileContext ctx = { "fuzz.routine", "[Step 1]\nHold=…\n", key_file };
  guint value = G_MAXUINT;
  gint64 expected = -1;
  gboolean ok;

  /* a value in a file is one line of UTF-8 */
  if (strchr (text, '\n') != NULL || strchr (text, '\r') != NULL ||
      !g_utf8_validate (text, -1, NULL))
    return;

  g_key_file_set_value (key_file, "Step 1", "Hold", text);
  ok = _limber_keyfile_get_uint (&ctx, "Step 1", "Hold", 1, LIMBER_HOLD_MAX, &value, &error);
  if (ok != reference_parse (text, TRUE, 1, LIMBER_HOLD_MAX, &expected) ||
      (ok && value != expected))
    g_error ("Hold=“%s”: accepted %d as %u, expected %" G_GINT64_FORMAT, text, ok, value, expected);
  if (!ok && (error == NULL || error->domain != LIMBER_CATALOG_ERROR))
    g_error ("Hold=“%s” refused without a catalog error", text);
  if (!ok && !g_str_has_prefix (error->message, "fuzz.routine:2: "))
    g_error ("Hold=“%s”: the message does not name the line: %s", text, error->message);
}

static void
check_minutes (const char *text)
{
  int value = -1;
  gint64 expected = -1;
  gboolean ok;

  ok = _limber_cli_parse_whole_number (text, 0, LIMBER_MORNING_STIFFNESS_MAX, &value);
  if (ok != reference_parse (text, FALSE, 0, LIMBER_MORNING_STIFFNESS_MAX, &expected) ||
      (ok && value != expected))
    g_error ("--morning-stiffness=“%s”: accepted %d as %d, expected %" G_GINT64_FORMAT,
             text, ok, value, expected);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = NULL;

  fuzz_init ();
  if (!(text = fuzz_strndup_checked (data, size)))
    return 0;

  check_file_seconds (text);
  check_minutes (text);
  return 0;
}
