/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-export"

#include "limber-export-private.h"

/* Exports for the window: the rows are read from the journal on the
 * caller's thread (its connection is not shared), which takes a few
 * milliseconds even for ten years; laying out the CSV or the PDF and
 * writing the file, which can take longer than a frame, go to a worker
 * thread. */

typedef struct
{
  LimberExportJob  job;
  GFile           *file;
} AsyncExport;

static void
async_export_free (gpointer data)
{
  AsyncExport *export = data;

  _limber_export_job_clear (&export->job);
  g_clear_object (&export->file);
  g_free (export);
}

static void
export_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  AsyncExport *export = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (_limber_export_write (&export->job, export->file, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * limber_export_async:
 * @journal: the journal
 * @kind: a CSV of every row from @from to @to, or the report for the days
 *   limber_report_period() gives for them
 * @file: where to write
 * @from: (nullable): the first moment
 * @to: (nullable): the moment after the last
 * @cancellable: (nullable): to give up before the writing starts
 * @callback: called on the caller's thread when the file is written or
 *   could not be
 * @user_data: for @callback
 *
 * Reads the rows at once and writes the file in a thread. On failure the
 * file is as it was, as with limber_export_csv() and limber_export_report().
 */
void
limber_export_async (LimberJournal       *journal,
                     LimberExportKind     kind,
                     GFile               *file,
                     GDateTime           *from,
                     GDateTime           *to,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AsyncExport *export;
  GError *error = NULL;

  g_return_if_fail (LIMBER_IS_JOURNAL (journal));
  g_return_if_fail (kind == LIMBER_EXPORT_CSV || kind == LIMBER_EXPORT_REPORT);
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, limber_export_async);

  export = g_new0 (AsyncExport, 1);
  export->file = g_object_ref (file);
  if (!_limber_export_read (journal, kind, from, to, &export->job, &error))
    {
      async_export_free (export);
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, export, async_export_free);
  g_task_run_in_thread (task, export_in_thread);
}

/**
 * limber_export_finish:
 * @result: what the callback of limber_export_async() was given
 *
 * Returns: %TRUE when the file was written
 */
gboolean
limber_export_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == limber_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
