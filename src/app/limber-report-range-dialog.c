/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-report-range"

#include <glib/gi18n.h>

#include "limber-report.h"
#include "limber-report-range-dialog.h"
#include "limber-time.h"

/* Which days a report for a clinician covers, asked before the file: From
 * and To, each a day on a calendar, or a preset (the last 30 or 90 days,
 * the whole journal) in a combo row, which fits a phone at large text. To starts at today and From 90 days back, as on the
 * command line (--from, --to). From after To is said beside the fields and
 * the dialog will not go on. The "export" response means the range is
 * chosen; limber-window.c then asks for the file. */
struct _LimberReportRangeDialog
{
  AdwMessageDialog  parent_instance;

  LimberJournal    *journal;
  GDate             first;
  GDate             last;
  gboolean          syncing;

  AdwComboRow      *preset_row;
  GtkMenuButton    *from_button;
  GtkMenuButton    *to_button;
  GtkCalendar      *from_calendar;
  GtkCalendar      *to_calendar;
  GtkLabel         *problem_label;
};

G_DEFINE_FINAL_TYPE (LimberReportRangeDialog, limber_report_range_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
today (GDate *date)
{
  g_autoptr(GDateTime) now = limber_time_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

static GDateTime *
midnight (const GDate *date)
{
  g_autoptr(GTimeZone) zone = limber_time_zone_local ();

  return g_date_time_new (zone, g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date), 0, 0, 0);
}

static void
show_day (GtkMenuButton *button,
          GtkCalendar   *calendar,
          const GDate   *date)
{
  g_autoptr(GDateTime) time = midnight (date);
  char text[64];

  /* Translators: a day in the report's range, short to fit a phone, see strftime */
  g_date_strftime (text, sizeof text, _("%-d %b %Y"), date);
  gtk_menu_button_set_label (button, text);
  gtk_calendar_select_day (calendar, time);
}

static void
update (LimberReportRangeDialog *self)
{
  gboolean wrong = g_date_compare (&self->first, &self->last) > 0;

  self->syncing = TRUE;
  show_day (self->from_button, self->from_calendar, &self->first);
  show_day (self->to_button, self->to_calendar, &self->last);
  self->syncing = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), wrong);
  if (wrong)
    gtk_widget_add_css_class (GTK_WIDGET (self->from_button), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->from_button), "error");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "export", !wrong);
}

/* The presets' combo shows "Chosen days" for any other range. */
#define CHOSEN_DAYS 3

static void
show_preset (LimberReportRangeDialog *self,
             guint                    preset)
{
  self->syncing = TRUE;
  adw_combo_row_set_selected (self->preset_row, preset);
  self->syncing = FALSE;
}

static void
calendar_changed (LimberReportRangeDialog *self)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;

  if (self->syncing)
    return;
  from = gtk_calendar_get_date (self->from_calendar);
  to = gtk_calendar_get_date (self->to_calendar);
  g_date_set_dmy (&self->first, g_date_time_get_day_of_month (from), g_date_time_get_month (from),
                  g_date_time_get_year (from));
  g_date_set_dmy (&self->last, g_date_time_get_day_of_month (to), g_date_time_get_month (to),
                  g_date_time_get_year (to));
  show_preset (self, CHOSEN_DAYS);
  update (self);
}

void
limber_report_range_dialog_use_preset (LimberReportRangeDialog *self,
                                       LimberReportRangePreset  preset)
{
  g_return_if_fail (LIMBER_IS_REPORT_RANGE_DIALOG (self));

  today (&self->last);
  self->first = self->last;
  switch (preset)
    {
    case LIMBER_REPORT_RANGE_30_DAYS:
      g_date_subtract_days (&self->first, 29);
      break;
    case LIMBER_REPORT_RANGE_90_DAYS:
      g_date_subtract_days (&self->first, LIMBER_REPORT_DEFAULT_DAYS - 1);
      break;
    case LIMBER_REPORT_RANGE_WHOLE_JOURNAL:
    default:
      {
        g_autoptr(GDateTime) first_time = NULL;
        g_autoptr(GError) error = NULL;

        if (self->journal != NULL
            && limber_journal_get_first_time (self->journal, &first_time, &error))
          {
            g_autoptr(GDateTime) local = limber_time_to_local (first_time);

            g_date_set_dmy (&self->first, g_date_time_get_day_of_month (local),
                            g_date_time_get_month (local), g_date_time_get_year (local));
            if (g_date_compare (&self->first, &self->last) > 0)
              self->first = self->last;
          }
        else if (error != NULL)
          g_message ("Could not read the journal's first day: %s", error->message);
      }
      break;
    }
  show_preset (self, preset);
  update (self);
}

static void
preset_chosen (LimberReportRangeDialog *self)
{
  guint preset = adw_combo_row_get_selected (self->preset_row);

  if (self->syncing || preset >= CHOSEN_DAYS)
    return;
  limber_report_range_dialog_use_preset (self, preset);
}

void
limber_report_range_dialog_set_dates (LimberReportRangeDialog *self,
                                      const GDate             *first,
                                      const GDate             *last)
{
  g_return_if_fail (LIMBER_IS_REPORT_RANGE_DIALOG (self));
  g_return_if_fail (g_date_valid (first) && g_date_valid (last));

  self->first = *first;
  self->last = *last;
  show_preset (self, CHOSEN_DAYS);
  update (self);
}

void
limber_report_range_dialog_get_dates (LimberReportRangeDialog *self,
                                      GDate                   *first,
                                      GDate                   *last)
{
  g_return_if_fail (LIMBER_IS_REPORT_RANGE_DIALOG (self));

  *first = self->first;
  *last = self->last;
}

/**
 * limber_report_range_dialog_get_problem:
 *
 * Returns: (nullable): why the range cannot be used, as shown, or %NULL
 */
const char *
limber_report_range_dialog_get_problem (LimberReportRangeDialog *self)
{
  g_return_val_if_fail (LIMBER_IS_REPORT_RANGE_DIALOG (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->problem_label))
         ? gtk_label_get_label (self->problem_label) : NULL;
}

/**
 * limber_report_range_dialog_get_range:
 * @from: (out): the first day's local midnight
 * @to: (out): the midnight after the last day, as limber_export_async() takes it
 */
void
limber_report_range_dialog_get_range (LimberReportRangeDialog  *self,
                                      GDateTime               **from,
                                      GDateTime               **to)
{
  GDate after;

  g_return_if_fail (LIMBER_IS_REPORT_RANGE_DIALOG (self));

  after = self->last;
  g_date_add_days (&after, 1);
  *from = midnight (&self->first);
  *to = midnight (&after);
}

static GtkWidget *
date_row (const char     *title,
          GtkMenuButton **button,
          GtkCalendar   **calendar,
          const char     *calendar_name)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *popover = gtk_popover_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  *calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (*calendar), GTK_ACCESSIBLE_PROPERTY_LABEL, calendar_name, -1);
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (*calendar));
  *button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_widget_set_valign (GTK_WIDGET (*button), GTK_ALIGN_CENTER);
  gtk_menu_button_set_popover (*button, popover);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (*button), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (*button));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (*button));
  return row;
}

static void
limber_report_range_dialog_dispose (GObject *object)
{
  LimberReportRangeDialog *self = LIMBER_REPORT_RANGE_DIALOG (object);

  g_clear_object (&self->journal);
  G_OBJECT_CLASS (limber_report_range_dialog_parent_class)->dispose (object);
}

static void
limber_report_range_dialog_class_init (LimberReportRangeDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = limber_report_range_dialog_dispose;
}

static void
limber_report_range_dialog_init (LimberReportRangeDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  GtkStringList *presets = gtk_string_list_new (NULL);

  g_date_clear (&self->first, 1);
  g_date_clear (&self->last, 1);

  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Report for a Clinician"));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), _("Choose the days the report covers."));

  /* in LimberReportRangePreset's order, then CHOSEN_DAYS */
  gtk_string_list_append (presets, _("Last 30 days"));
  gtk_string_list_append (presets, _("Last 90 days"));
  gtk_string_list_append (presets, _("Whole journal"));
  gtk_string_list_append (presets, _("Chosen days"));
  self->preset_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->preset_row), _("_Days"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->preset_row), TRUE);
  adw_combo_row_set_model (self->preset_row, G_LIST_MODEL (presets));
  g_object_unref (presets);
  g_signal_connect_swapped (self->preset_row, "notify::selected", G_CALLBACK (preset_chosen), self);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->preset_row));
  gtk_list_box_append (GTK_LIST_BOX (list),
                       date_row (_("_From"), &self->from_button, &self->from_calendar, _("First day of the report")));
  gtk_list_box_append (GTK_LIST_BOX (list),
                       date_row (_("_To"), &self->to_button, &self->to_calendar, _("Last day of the report")));
  gtk_box_append (GTK_BOX (box), list);
  g_signal_connect_swapped (self->from_calendar, "day-selected", G_CALLBACK (calendar_changed), self);
  g_signal_connect_swapped (self->to_calendar, "day-selected", G_CALLBACK (calendar_changed), self);

  self->problem_label = GTK_LABEL (gtk_label_new (_("From is after To: choose a first day on or before the last.")));
  gtk_label_set_wrap (self->problem_label, TRUE);
  gtk_label_set_xalign (self->problem_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->problem_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->problem_label));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->from_button), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  self->problem_label, NULL, -1);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    "export", _("_Choose File…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "export", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "export");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
}

GtkWidget *
limber_report_range_dialog_new (GtkWindow     *parent,
                                LimberJournal *journal)
{
  LimberReportRangeDialog *self = g_object_new (LIMBER_TYPE_REPORT_RANGE_DIALOG,
                                                "transient-for", parent,
                                                "modal", TRUE,
                                                NULL);

  g_set_object (&self->journal, journal);
  limber_report_range_dialog_use_preset (self, LIMBER_REPORT_RANGE_90_DAYS);
  return GTK_WIDGET (self);
}
