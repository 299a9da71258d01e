/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>
#include <locale.h>

#include "limber-i18n.h"

/**
 * limber_i18n_init:
 *
 * Sets the locale from the environment and binds Limber's text domain, in
 * UTF-8, as every Limber program does first. The translations are read
 * from LOCALEDIR, or from $LIMBER_LOCALEDIR when it is set: the build
 * tree's po/ folder, so that the tests run Limber in German before it is
 * installed (a directory name, never read as text for the user).
 */
void
limber_i18n_init (void)
{
  const char *dir = g_getenv ("LIMBER_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, dir != NULL && *dir != '\0' ? dir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
