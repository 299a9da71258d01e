/* SPDX-License-Identifier: GPL-3.0-or-later */
/* --pain=N and --stiffness=N from the command line: 0 to 10, then the
 * check-in's own validation. */
#include "limber-checkin.h"
#include "limber-cli-private.h"

#include "fuzz-common.h"

/* Plain decimal digits, leading zeros allowed, nothing else. */
static gboolean
reference_parse (const char *text,
                 int         max,
                 int        *value)
{
  gint64 n = 0;

  if (*text == '\0')
    return FALSE;
  for (const char *p = text; *p; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      n = MIN (n * 10 + (*p - '0'), (gint64) G_MAXINT + 1);
    }
  if (n > max)
    return FALSE;
  *value = (int) n;
  return TRUE;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = NULL;
  g_autoptr(LimberCheckin) checkin = NULL;
  g_autoptr(GError) error = NULL;
  int value = -1, expected = -1;
  gboolean ok;

  fuzz_init ();
  if (!(text = fuzz_strndup_checked (data, size)))
    return 0;

  ok = _limber_cli_parse_whole_number (text, 0, 10, &value);
  if (ok != reference_parse (text, 10, &expected) || (ok && value != expected))
    g_error ("“%s”: accepted %d as %d, expected %d", text, ok, value, expected);
  if (!ok)
    return 0;

  /* a rating the command line accepts is one the check-in accepts */
  checkin = limber_checkin_new ();
  checkin->pain = value;
  checkin->stiffness = value;
  if (!limber_checkin_validate (checkin, &error))
    g_error ("pain and stiffness %d refused: %s", value, error->message);
  return 0;
}
