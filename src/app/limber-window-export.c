/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-app"

#include <glib/gi18n.h>

#include "limber-export.h"
#include "limber-report-range-dialog.h"
#include "limber-ui-utils.h"
#include "limber-window-private.h"

/* The window's exports: the CSV of the whole journal, and the report for
 * a clinician over the days the person chooses, each to a file chosen in a
 * file chooser and written in a thread. */

/* An export runs in a thread (limber_export_async()); one that takes more
 * than half a second says so with a toast until it is done. */
#define EXPORT_PROGRESS_DELAY_MS 500

typedef struct
{
  LimberWindow *self;
  GFile        *file;
  AdwToast     *progress;
  guint         progress_id;
} Export;

static void
export_free (Export *export)
{
  g_clear_handle_id (&export->progress_id, g_source_remove);
  if (export->progress != NULL && gtk_widget_get_mapped (GTK_WIDGET (export->self)))
    adw_toast_dismiss (export->progress);
  g_clear_object (&export->progress);
  g_clear_object (&export->file);
  g_clear_object (&export->self);
  g_free (export);
}

static gboolean
show_export_progress (gpointer data)
{
  Export *export = data;

  export->progress_id = 0;
  /* the window may have been closed; the export goes on without it */
  if (!gtk_widget_get_mapped (GTK_WIDGET (export->self)))
    return G_SOURCE_REMOVE;
  export->progress = adw_toast_new (_("Exporting…"));
  adw_toast_set_timeout (export->progress, 0);
  adw_toast_overlay_add_toast (export->self->toast_overlay, g_object_ref (export->progress));
  return G_SOURCE_REMOVE;
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  Export *export = data;
  LimberWindow *self = export->self;
  g_autoptr(GError) error = NULL;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      /* closed while it wrote: nowhere to say how it went but the log */
      if (!limber_export_finish (result, &error))
        g_message ("Export to %s failed: %s", g_file_peek_path (export->file), error->message);
    }
  else if (limber_export_finish (result, &error))
    {
      g_autofree char *name = g_file_get_basename (export->file);
      g_autofree char *message = g_strdup_printf (_("Exported to %s"), name);
      /* toast titles are markup; a file name may hold any character */
      g_autofree char *escaped = g_markup_escape_text (message, -1);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
    }
  else
    limber_window_show_error (self, _("Export Failed"), "%s", error->message);

  export_free (export);
}

static void
unref_closure_data (gpointer  data,
                    GClosure *closure)
{
  g_object_unref (data);
}

/* The chooser answers in its own time (a portal's may come after the
 * window is closed): it holds the window and the journal until then, and
 * an accepted export is written whether or not the window is still open. */
static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    LimberWindow    *self)
{
  LimberExportKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "export-kind"));
  LimberJournal *journal = g_object_get_data (G_OBJECT (chooser), "export-journal");
  GDateTime *from = g_object_get_data (G_OBJECT (chooser), "export-from");
  GDateTime *to = g_object_get_data (G_OBJECT (chooser), "export-to");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      Export *export = g_new0 (Export, 1);

      export->self = g_object_ref (self);
      export->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      export->progress_id = g_timeout_add (EXPORT_PROGRESS_DELAY_MS, show_export_progress, export);
      limber_export_async (journal, kind, export->file, from, to, NULL, on_export_done, export);
    }

  g_object_unref (chooser);
}

/* @from and @to: (nullable): the report's range, as limber_export_async() takes it */
static void
export (LimberWindow     *self,
        const char       *title,
        const char       *name,
        LimberExportKind  kind,
        GDateTime        *from,
        GDateTime        *to)
{
  GtkFileChooserNative *chooser;

  if (self->journal == NULL)
    {
      limber_window_show_error (self, _("Nothing to Export"), "%s", _("The journal could not be opened."));
      return;
    }

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "export-kind", GINT_TO_POINTER (kind));
  g_object_set_data_full (G_OBJECT (chooser), "export-journal", g_object_ref (self->journal), g_object_unref);
  if (from != NULL)
    g_object_set_data_full (G_OBJECT (chooser), "export-from", g_date_time_ref (from), (GDestroyNotify) g_date_time_unref);
  if (to != NULL)
    g_object_set_data_full (G_OBJECT (chooser), "export-to", g_date_time_ref (to), (GDestroyNotify) g_date_time_unref);
  g_signal_connect_data (chooser, "response", G_CALLBACK (on_export_response),
                         g_object_ref (self), unref_closure_data, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  export (LIMBER_WINDOW (widget), _("Export as CSV"), "limber.csv", LIMBER_EXPORT_CSV, NULL, NULL);
}

static void
on_report_range_chosen (LimberReportRangeDialog *dialog,
                        const char              *response,
                        LimberWindow            *self)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;

  limber_report_range_dialog_get_range (dialog, &from, &to);
  export (self, _("Export a Report"), "limber-report.pdf", LIMBER_EXPORT_REPORT, from, to);
}

static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  GtkWidget *dialog;

  /* first the days, then the file (export() says if there is no journal) */
  dialog = limber_report_range_dialog_new (GTK_WINDOW (self), self->journal);
  g_signal_connect_object (dialog, "response::export", G_CALLBACK (on_report_range_chosen), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_limber_window_export_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, export_report_action);
}
