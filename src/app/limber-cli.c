/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-cli"

#include <glib/gi18n.h>
#include <stdio.h>

#include "limber-cli.h"

/* The command line: options that print or write something and exit without
 * opening a window. limber-application.c hands them here first. */

static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
  { "list-routines", 0, 0, G_OPTION_ARG_NONE, NULL, N_("List the routines with their length and exit"), NULL },
  { "start", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Open the window and start the routine ROUTINE_ID"), N_("ROUTINE_ID") },
  { G_OPTION_REMAINING, 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING_ARRAY, NULL, NULL, NULL },
  { NULL }
};

void
limber_cli_print_problems (LimberCatalog *catalog)
{
  GPtrArray *problems = limber_catalog_get_problems (catalog);

  for (guint i = 0; i < problems->len; i++)
    {
      const GError *error = g_ptr_array_index (problems, i);

      g_printerr (_("limber: skipped %s\n"), error->message);
    }
}

static int
list_routines (void)
{
  g_autoptr(LimberCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *routines;
  guint n, id_width = 2, name_width = 4;

  catalog = limber_catalog_new_default (&error);
  if (catalog == NULL)
    {
      g_printerr (_("limber: the bundled data set is damaged: %s\n"), error->message);
      return EXIT_FAILURE;
    }
  limber_cli_print_problems (catalog);

  routines = limber_catalog_get_routines (catalog);
  n = g_list_model_get_n_items (routines);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LimberRoutine) routine = g_list_model_get_item (routines, i);

      id_width = MAX (id_width, strlen (limber_routine_get_id (routine)));
      name_width = MAX (name_width, (guint) g_utf8_strlen (limber_routine_get_name (routine), -1));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LimberRoutine) routine = g_list_model_get_item (routines, i);
      const char *name = limber_routine_get_name (routine);
      g_autofree char *duration = limber_format_duration (limber_routine_get_duration (routine));
      guint pad = name_width - g_utf8_strlen (name, -1);

      g_print ("%-*s  %s%*s  %s\n", (int) id_width, limber_routine_get_id (routine),
               name, (int) pad, "", duration);
    }

  return EXIT_SUCCESS;
}

/**
 * limber_cli_get_option_entries:
 *
 * Returns: (transfer none): every option Limber understands.
 */
const GOptionEntry *
limber_cli_get_option_entries (void)
{
  return option_entries;
}

/**
 * limber_cli_run:
 * @options: the parsed options
 *
 * Runs a command-line-only request.
 *
 * Returns: the exit status, or -1 when the options are for the window.
 */
int
limber_cli_run (GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("limber %s\n", LIMBER_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_contains (options, "list-routines"))
    return list_routines ();

  return -1;
}
