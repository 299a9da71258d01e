/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "limber-journal-path.h"

/**
 * limber_journal_get_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/limber/journal.db`
 */
char *
limber_journal_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "limber", "journal.db", NULL);
}
