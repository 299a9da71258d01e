/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command line's dates, --from and --to: YYYY-MM-DD, a real day. */
#include <stdio.h>

#include "limber-cli-private.h"

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = NULL;
  char formatted[16];
  GDate date;

  fuzz_init ();
  if (!(text = fuzz_strndup_checked (data, size)))
    return 0;

  if (!_limber_cli_export_parse_date (text, &date))
    return 0;

  /* An accepted date is valid and is exactly what was written. */
  if (!g_date_valid (&date))
    g_error ("“%s” gave an invalid GDate", text);
  g_snprintf (formatted, sizeof formatted, "%04u-%02u-%02u",
              g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
  if (strcmp (formatted, text) != 0)
    g_error ("“%s” was read as %s", text, formatted);

  /* what the export does with it next */
  g_date_add_days (&date, 1);
  {
    g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_get_year (&date),
                                                           g_date_get_month (&date),
                                                           g_date_get_day (&date), 0, 0, 0);
    (void) midnight;
  }
  return 0;
}
