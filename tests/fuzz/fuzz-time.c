/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A reminder time of day from GSettings: limber_schedule_parse_time(). */
#include "limber-schedule.h"

#include "fuzz-common.h"

/* What the function promises: one or two digits, ':', two digits,
 * nothing else, 00:00 to 23:59. */
static gboolean
reference_parse (const char *text,
                 guint      *seconds)
{
  gsize len = strlen (text);
  gsize colon = len == 4 ? 1 : 2;
  guint hour = 0;

  if ((len != 4 && len != 5) || text[colon] != ':')
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (i != colon && !g_ascii_isdigit (text[i]))
      return FALSE;
  for (gsize i = 0; i < colon; i++)
    hour = hour * 10 + (text[i] - '0');
  if (hour > 23 || text[colon + 1] > '5')
    return FALSE;
  *seconds = hour * 3600 + (text[colon + 1] - '0') * 600 + (text[colon + 2] - '0') * 60;
  return TRUE;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = NULL;
  guint seconds = G_MAXUINT;
  guint expected = G_MAXUINT;
  gboolean ok;

  fuzz_init ();
  if (!(text = fuzz_strndup_checked (data, size)))
    return 0;

  ok = limber_schedule_parse_time (text, &seconds);
  if (ok != reference_parse (text, &expected))
    g_error ("“%s”: parse_time says %d", text, ok);
  if (ok ? seconds != expected : seconds != G_MAXUINT)
    g_error ("“%s”: %u seconds, expected %u", text, seconds, expected);
  /* the out argument is optional */
  if (limber_schedule_parse_time (text, NULL) != ok)
    g_error ("“%s”: a different answer without @seconds", text);
  return 0;
}
