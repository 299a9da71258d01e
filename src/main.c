/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>
#include <locale.h>

#include "limber-i18n.h"
#include "limber-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LimberApplication) app = NULL;

  limber_i18n_init ();

  app = limber_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
