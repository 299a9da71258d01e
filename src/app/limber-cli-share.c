/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-cli"

#include <glib/gi18n.h>

#include "limber-bundle.h"
#include "limber-cli.h"
#include "limber-cli-private.h"
#include "limber-cli-share.h"

/* limber --import=FILE [--replace] and --export-routine=ID --output=FILE.
 * Anything wrong with what was asked (a bad or unreadable file, an unknown
 * id, a clash without --replace, an output that cannot be written) exits
 * with EXIT_USAGE and one line on stderr, and writes nothing. Every text
 * from the file or the catalog goes through limber_cli_escape(). */

static int
fail (const GError *error)
{
  g_autofree char *message = limber_cli_escape (error->message);

  g_printerr ("limber: %s\n", message);
  return EXIT_USAGE;
}

/* A file in the way, which --replace refuses to overwrite, and the other
 * routines a replaced exercise changes: before (@before) or after the
 * import. */
static void
print_clash_details (GPtrArray *clashes,
                     gboolean   before)
{
  for (guint i = 0; i < clashes->len; i++)
    {
      LimberBundleClash *clash = g_ptr_array_index (clashes, i);
      g_autofree char *id = limber_cli_escape (clash->id);
      g_autoptr(GString) users = g_string_new (NULL);
      g_autofree char *escaped = NULL;

      if (clash->file != NULL && before)
        {
          g_autofree char *file = limber_cli_escape (clash->file);

          g_printerr (_("limber: %s is already there and is not your %s; --replace does not overwrite it: move it aside first.\n"),
                      file, id);
        }
      if (clash->used_by == NULL || clash->used_by[0] == NULL)
        continue;
      for (guint j = 0; clash->used_by[j] != NULL; j++)
        g_string_append_printf (users, "%s“%s”", j > 0 ? ", " : "", clash->used_by[j]);
      escaped = limber_cli_escape (users->str);
      if (before)
        g_printerr (_("limber: replacing the exercise %s would also change your routines that use it: %s.\n"),
                    id, escaped);
      else
        g_print (_("The exercise %s was replaced; your routines that use it changed too: %s.\n"),
                 id, escaped);
    }
}

static int
import (const char *path,
        gboolean    replace)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberCatalog) catalog = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(LimberBundle) bundle = NULL;
  g_autoptr(GPtrArray) clashes = NULL;
  g_autofree char *name = NULL;
  g_autofree char *id = NULL;
  LimberRoutine *routine;

  catalog = limber_catalog_new_default (&error);
  if (catalog == NULL)
    {
      fail (error);
      return EXIT_FAILURE;
    }

  bundle = limber_bundle_new_from_file (catalog, file, &error);
  if (bundle == NULL)
    return fail (error);

  clashes = limber_bundle_get_clashes (bundle, catalog);
  if (clashes->len > 0 && !replace)
    {
      g_autoptr(GString) ids = g_string_new (NULL);
      g_autofree char *escaped = NULL;

      for (guint i = 0; i < clashes->len; i++)
        {
          LimberBundleClash *clash = g_ptr_array_index (clashes, i);

          if (i > 0)
            g_string_append (ids, ", ");
          g_string_append (ids, clash->id);
        }
      escaped = limber_cli_escape (ids->str);
      g_printerr (_("limber: you already have your own %s; add --replace to replace them with the ones in the file.\n"),
                  escaped);
      print_clash_details (clashes, TRUE);
      return EXIT_USAGE;
    }

  routine = limber_bundle_install (bundle, catalog, replace ? LIMBER_IMPORT_REPLACE : LIMBER_IMPORT_KEEP_BOTH, &error);
  if (routine == NULL)
    return fail (error);

  name = limber_cli_escape (limber_routine_get_name (routine));
  id = limber_cli_escape (limber_routine_get_id (routine));
  g_print (_("Added “%s” (%s).\n"), name, id);
  print_clash_details (clashes, FALSE);
  return EXIT_SUCCESS;
}

static int
export (const char *routine_id,
        const char *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberCatalog) catalog = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

  catalog = limber_catalog_new_default (&error);
  if (catalog == NULL)
    {
      fail (error);
      return EXIT_FAILURE;
    }
  if (!limber_bundle_write (catalog, routine_id, file, &error))
    return fail (error);
  return EXIT_SUCCESS;
}

/**
 * limber_cli_share_run:
 *
 * Returns: the exit status, or -1 when no sharing option was given.
 */
int
limber_cli_share_run (GVariantDict *options)
{
  const char *import_path = NULL;
  const char *routine_id = NULL;
  const char *output = NULL;
  gboolean replace = g_variant_dict_contains (options, "replace");

  g_variant_dict_lookup (options, "import", "^&ay", &import_path);
  g_variant_dict_lookup (options, "export-routine", "&s", &routine_id);
  g_variant_dict_lookup (options, "output", "^&ay", &output);

  if (import_path == NULL && routine_id == NULL)
    {
      if (replace)
        return _limber_cli_usage_error (_("--replace goes with --import=FILE."));
      if (output != NULL)
        return _limber_cli_usage_error (_("--output goes with --export-routine=ROUTINE_ID."));
      return -1;
    }
  if (import_path != NULL && routine_id != NULL)
    return _limber_cli_usage_error (_("Use --import or --export-routine, not both."));

  if (import_path != NULL)
    {
      if (*import_path == '\0')
        return _limber_cli_usage_error (_("--import needs a file name."));
      return import (import_path, replace);
    }

  if (replace)
    return _limber_cli_usage_error (_("--replace goes with --import=FILE."));
  if (output == NULL || *output == '\0')
    return _limber_cli_usage_error (_("--export-routine needs --output=FILE, the file to write."));
  return export (routine_id, output);
}
