/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Without libFuzzer: runs a fuzz target once on each file named on the
 * command line, or in each folder named, so that CI without clang still
 * runs every seed corpus (and, under -Db_sanitize, with ASan and UBSan). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
run_file (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return FALSE;
    }

  printf ("# %s (%" G_GSIZE_FORMAT " bytes)\n", path, length);
  fflush (stdout);
  /* A copy of exactly the input's size, so that ASan sees a read past it;
   * never NULL, as libFuzzer never passes NULL (malloc (0) is not). */
  {
    guint8 *copy = malloc (length);

    memcpy (copy, contents, length);
    LLVMFuzzerTestOneInput (copy, length);
    free (copy);
  }
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  guint n_inputs = 0;

  if (argc < 2)
    {
      fprintf (stderr, "usage: %s CORPUS_DIR_OR_FILE…\n", argv[0]);
      return EXIT_FAILURE;
    }

  for (int i = 1; i < argc; i++)
    {
      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GDir) dir = g_dir_open (argv[i], 0, &error);
          g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
          const char *name;

          if (dir == NULL)
            {
              fprintf (stderr, "%s\n", error->message);
              return EXIT_FAILURE;
            }
          while ((name = g_dir_read_name (dir)) != NULL)
            g_ptr_array_add (names, g_build_filename (argv[i], name, NULL));
          g_ptr_array_sort (names, compare_names);

          for (guint j = 0; j < names->len; j++)
            {
              if (!run_file (g_ptr_array_index (names, j)))
                return EXIT_FAILURE;
              n_inputs++;
            }
        }
      else
        {
          if (!run_file (argv[i]))
            return EXIT_FAILURE;
          n_inputs++;
        }
    }

  /* an empty or misplaced corpus must not pass as a clean run */
  if (n_inputs == 0)
    {
      fprintf (stderr, "no inputs found\n");
      return EXIT_FAILURE;
    }

  printf ("%u inputs ran cleanly\n", n_inputs);
  return EXIT_SUCCESS;
}
