/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-history"

#include <glib/gi18n.h>
#include <math.h>

#include "limber-ui-utils.h"
#include "limber-calendar-grid.h"
#include "limber-chart.h"
#include "limber-checkin.h"
#include "limber-history-list.h"
#include "limber-history-page.h"
#include "limber-journal-stats.h"
#include "limber-time.h"

#define CALENDAR_WEEKS 16

struct _LimberHistoryPage
{
  GtkWidget             parent_instance;

  LimberJournal        *journal;
  GSettings            *settings;
  GDateTime            *today;      /* for tests; NULL means now */
  GPtrArray            *sessions;   /* LimberSessionInfo, the last year */
  GPtrArray            *checkins;   /* LimberCheckin, the last year */
  GArray               *chart_days;
  guint                 range_days;
  gboolean              stale;      /* reloaded while not shown */

  GtkStack             *stack;
  GtkWidget            *scroller;
  AdwActionRow         *streak_row;
  AdwActionRow         *week_row;
  AdwActionRow         *reminders_row;
  GtkLevelBar          *week_bar;
  LimberCalendarGrid   *calendar;
  GtkDrawingArea       *chart;
  GtkLabel             *chart_summary;
  GtkDropDown          *range_dropdown;
  AdwPreferencesGroup  *insights_group;
  GPtrArray            *insight_rows;
  GtkLabel             *chart_day_label;
  int                   chart_focus;  /* the day shown under the chart, or -1 */
  AdwLeaflet           *leaflet;
  AdwActionRow         *journal_row;
  GtkListView          *journal_view;
  GtkWidget            *journal_scroller;
  LimberHistoryList    *list;
  GtkSingleSelection   *selection;
};

G_DEFINE_FINAL_TYPE (LimberHistoryPage, limber_history_page, GTK_TYPE_WIDGET)

enum {
  EDIT_CHECKIN,
  DELETE_CHECKIN,
  DELETE_SESSION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GDateTime *
get_now (LimberHistoryPage *self)
{
  return self->today ? g_date_time_ref (self->today) : limber_time_now_local ();
}

static void
date_from_datetime (GDate     *date,
                    GDateTime *dt)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (dt),
                  g_date_time_get_month (dt), g_date_time_get_year (dt));
}

static void focus_chart_day    (LimberHistoryPage *self,
                                int                index);
static void update_journal_row (LimberHistoryPage *self);

/* The chart's colours, and its text a size smaller than the window's, so it
 * grows with the text size; drawing and pointing use the same geometry. */
static void
chart_style (LimberHistoryPage *self,
             LimberChartStyle  *style,
             char             **font_name)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self->chart));
  g_autoptr(PangoFontDescription) font = pango_font_description_copy (pango_context_get_font_description (context));

  limber_chart_style_init (style, adw_style_manager_get_dark (adw_style_manager_get_default ())
                                  ? LIMBER_CHART_STYLE_DARK : LIMBER_CHART_STYLE_LIGHT);
  style->background.alpha = 0;
  *font_name = NULL;
  if (pango_font_description_get_size (font) > 0)
    {
      pango_font_description_set_size (font, pango_font_description_get_size (font) * 5 / 6);
      *font_name = pango_font_description_to_string (font);
      style->font = *font_name;
    }
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  LimberHistoryPage *self = user_data;
  LimberChartStyle style;
  g_autofree char *font_name = NULL;

  if (self->chart_days == NULL || self->chart_days->len == 0)
    return;

  chart_style (self, &style, &font_name);
  limber_chart_draw (cr, width, height,
                     (const LimberChartDay *) self->chart_days->data, self->chart_days->len,
                     &style);
  if (self->chart_focus >= 0)
    limber_chart_draw_marker (cr, width, height,
                              (const LimberChartDay *) self->chart_days->data, self->chart_days->len,
                              &style, self->chart_focus);
}

static GArray *
days_back (LimberHistoryPage *self,
           guint              n_days)
{
  g_autoptr(GDateTime) now = get_now (self);
  GDate first, last;

  date_from_datetime (&last, now);
  first = last;
  g_date_subtract_days (&first, n_days - 1);
  return limber_chart_days_new (&first, &last, self->sessions, self->checkins);
}

/* Over months, day-to-day ups and downs hide the trend: longer ranges show
 * the mean of the last seven days' check-ins instead. */
static void
smooth_weekly (GArray *days)
{
  g_autoptr(GArray) raw = g_array_copy (days);

  for (guint i = 0; i < days->len; i++)
    {
      double pain = 0, stiffness = 0;
      guint n = 0;

      for (guint j = i >= 6 ? i - 6 : 0; j <= i; j++)
        {
          const LimberChartDay *d = &g_array_index (raw, LimberChartDay, j);

          if (!isnan (d->pain))
            {
              pain += d->pain;
              stiffness += d->stiffness;
              n++;
            }
        }
      g_array_index (days, LimberChartDay, i).pain = n ? pain / n : NAN;
      g_array_index (days, LimberChartDay, i).stiffness = n ? stiffness / n : NAN;
    }
}

static void
update_chart (LimberHistoryPage *self)
{
  g_autofree char *summary = NULL;

  g_clear_pointer (&self->chart_days, g_array_unref);
  self->chart_days = days_back (self, self->range_days);
  summary = limber_chart_describe ((const LimberChartDay *) self->chart_days->data, self->chart_days->len);
  if (self->range_days > 30)
    {
      char *smoothed = g_strdup_printf ("%s %s", summary, _("The lines show seven-day averages."));

      g_free (summary);
      summary = smoothed;
      smooth_weekly (self->chart_days);
    }
  gtk_label_set_label (self->chart_summary, summary);
  focus_chart_day (self, -1);
}

static void
on_range_changed (LimberHistoryPage *self)
{
  static const guint days[] = { 7, 30, 90, 365 };
  guint selected = gtk_drop_down_get_selected (self->range_dropdown);

  self->range_days = days[MIN (selected, G_N_ELEMENTS (days) - 1)];
  if (self->sessions != NULL)
    update_chart (self);
}

static void
update_calendar (LimberHistoryPage *self)
{
  g_autoptr(GDateTime) now = get_now (self);
  g_autoptr(GArray) days = NULL;
  GDate last, first;

  /* whole weeks, starting on a Monday */
  date_from_datetime (&last, now);
  first = last;
  g_date_subtract_days (&first, (CALENDAR_WEEKS - 1) * 7 + (g_date_get_weekday (&last) - G_DATE_MONDAY));
  days = limber_chart_days_new (&first, &last, self->sessions, self->checkins);
  limber_calendar_grid_set_days (self->calendar, (const LimberChartDay *) days->data, days->len);
}

/* The chart's days one at a time: under the pointer, or moved with the
 * arrow keys while the chart has the focus. The label under the chart and
 * the chart's accessible description say the day's values. */
static guint
minutes_on (LimberHistoryPage *self,
            const GDate       *date)
{
  guint64 ms = 0;

  for (guint i = 0; self->sessions != NULL && i < self->sessions->len; i++)
    {
      const LimberSessionInfo *s = g_ptr_array_index (self->sessions, i);
      g_autoptr(GDateTime) local = limber_time_to_local (s->started_at);

      if (g_date_time_get_year (local) == g_date_get_year (date)
          && g_date_time_get_month (local) == (int) g_date_get_month (date)
          && g_date_time_get_day_of_month (local) == g_date_get_day (date))
        ms += s->active_ms;
    }
  return (guint) ((ms + 30000) / 60000);
}

static void
focus_chart_day (LimberHistoryPage *self,
                 int                index)
{
  g_autofree char *text = NULL;

  if (self->chart_days == NULL || index >= (int) self->chart_days->len)
    index = -1;
  self->chart_focus = index;

  if (index < 0)
    {
      const char *summary = gtk_label_get_label (self->chart_summary);

      gtk_label_set_label (self->chart_day_label,
                           _("Point at a day, or focus the chart and use the arrow keys, to see its values."));
      /* GTK 4.8 does not pass the described-by relation on to AT-SPI: the
       * summary is the chart's description itself */
      if (summary[0] != '\0')
        gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary, -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (self->chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  else
    {
      const LimberChartDay *day = &g_array_index (self->chart_days, LimberChartDay, index);
      g_autoptr(GString) str = g_string_new (NULL);
      char date[128];
      guint minutes = minutes_on (self, &day->date);

      /* Translators: a day under the chart, as strftime() */
      if (g_date_strftime (date, sizeof date, _("%A %-d %B %Y"), &day->date) == 0)
        date[0] = '\0';
      g_string_append (str, date);
      if (isnan (day->pain))
        g_string_append (str, _(": no check-in"));
      else if (self->range_days > 30)
        /* Translators: the seven-day averages the long charts show */
        g_string_append_printf (str, _(": pain %.1f, stiffness %.1f (seven-day average)"),
                                day->pain, day->stiffness);
      else
        g_string_append_printf (str, _(": pain %.1f, stiffness %.1f"), day->pain, day->stiffness);
      g_string_append_printf (str, g_dngettext (GETTEXT_PACKAGE, ", %u minute stretched", ", %u minutes stretched",
                                                minutes), minutes);
      text = g_string_free (g_steal_pointer (&str), FALSE);
      gtk_label_set_label (self->chart_day_label, text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
}

static int
chart_day_at (LimberHistoryPage *self,
              double             x)
{
  cairo_surface_t *surface;
  LimberChartStyle style;
  g_autofree char *font_name = NULL;
  cairo_t *cr;
  int index;

  if (self->chart_days == NULL || self->chart_days->len == 0)
    return -1;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  chart_style (self, &style, &font_name);
  index = limber_chart_day_at (cr, gtk_widget_get_width (GTK_WIDGET (self->chart)),
                               gtk_widget_get_height (GTK_WIDGET (self->chart)),
                               (const LimberChartDay *) self->chart_days->data, self->chart_days->len,
                               &style, x);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return index;
}

static void
on_chart_motion (GtkEventControllerMotion *motion,
                 double                    x,
                 double                    y,
                 LimberHistoryPage        *self)
{
  int index = chart_day_at (self, x);

  if (index >= 0 && index != self->chart_focus)
    focus_chart_day (self, index);
}

static void
on_chart_leave (GtkEventControllerMotion *motion,
                LimberHistoryPage        *self)
{
  if (!gtk_widget_has_focus (GTK_WIDGET (self->chart)))
    focus_chart_day (self, -1);
}

static gboolean
on_chart_key (GtkEventControllerKey *key,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              LimberHistoryPage     *self)
{
  int n = self->chart_days ? (int) self->chart_days->len : 0;
  int index = self->chart_focus >= 0 ? self->chart_focus : n - 1;

  if (n == 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_KP_Left: index--; break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right: index++; break;
    case GDK_KEY_Page_Up: index -= 7; break;
    case GDK_KEY_Page_Down: index += 7; break;
    case GDK_KEY_Home: index = 0; break;
    case GDK_KEY_End: index = n - 1; break;
    default: return FALSE;
    }
  focus_chart_day (self, CLAMP (index, 0, n - 1));
  return TRUE;
}

static void
on_chart_focus_enter (GtkEventControllerFocus *focus,
                      LimberHistoryPage       *self)
{
  if (self->chart_focus < 0 && self->chart_days != NULL && self->chart_days->len > 0)
    focus_chart_day (self, self->chart_days->len - 1);
}

static void
on_chart_focus_leave (GtkEventControllerFocus *focus,
                      LimberHistoryPage       *self)
{
  focus_chart_day (self, -1);
}

/**
 * limber_history_page_focus_chart_day:
 * @index: a day of the chart, 0 for its first, or -1 for none
 *
 * Shows one day's values under the chart, as pointing at it does.
 */
void
limber_history_page_focus_chart_day (LimberHistoryPage *self,
                                     int                index)
{
  g_return_if_fail (LIMBER_IS_HISTORY_PAGE (self));
  focus_chart_day (self, index);
}

/* The whole journal */

static void
update_journal_row (LimberHistoryPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 n = limber_journal_count_entries (self->journal, &error);

  if (n < 0)
    {
      g_message ("Could not count the journal: %s", error->message);
      n = 0;
    }
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u session or check-in, back to the first day",
                                       "%u sessions and check-ins, back to the first day", (gulong) n),
                          (guint) n);
  adw_action_row_set_subtitle (self->journal_row, text);
}

static void
open_session (LimberHistoryPage       *self,
              const LimberSessionInfo *session);

static void
on_session_response (AdwMessageDialog  *dialog,
                     const char        *response,
                     LimberHistoryPage *self)
{
  LimberSessionInfo *session = g_object_get_data (G_OBJECT (dialog), "session");

  if (g_strcmp0 (response, "delete") == 0)
    g_signal_emit (self, signals[DELETE_SESSION], 0, session);
}

/* A session opened from the list: what it was, with a way to delete it. */
static void
open_session (LimberHistoryPage       *self,
              const LimberSessionInfo *session)
{
  LimberJournalEntry entry = { LIMBER_JOURNAL_ENTRY_SESSION, 0, session->id, (LimberSessionInfo *) session, NULL };
  g_autoptr(GDateTime) local = limber_time_to_local (session->started_at);
  g_autofree char *when = g_date_time_format (local, _("%A %e %B %Y, %H:%M"));
  g_autofree char *subtitle = NULL;
  g_autofree char *title = limber_history_list_describe_entry (limber_history_list_get_catalog (self->list), &entry, &subtitle);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s\n%s\n%u part done, %u skipped",
                                       "%s\n%s\n%u parts done, %u skipped", session->n_parts),
                          g_strstrip (when), subtitle, session->n_parts - MIN (session->n_skipped, session->n_parts),
                          session->n_skipped);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), title, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "delete", _("_Delete"),
                                    "close", _("_Close"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_object_set_data_full (G_OBJECT (dialog), "session", limber_session_info_copy (session),
                          (GDestroyNotify) limber_session_info_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_session_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_item (gpointer           data,
             LimberHistoryItem *item)
{
  LimberHistoryPage *self = data;
  const LimberJournalEntry *entry = limber_history_item_get_entry (item);

  if (entry->kind == LIMBER_JOURNAL_ENTRY_CHECKIN)
    g_signal_emit (self, signals[DELETE_CHECKIN], 0, entry->checkin);
  else
    g_signal_emit (self, signals[DELETE_SESSION], 0, entry->session);
}

static void
on_journal_activate (GtkListView       *view,
                     guint              position,
                     LimberHistoryPage *self)
{
  g_autoptr(LimberHistoryItem) item = g_list_model_get_item (G_LIST_MODEL (self->list), position);
  const LimberJournalEntry *entry;

  if (item == NULL)
    return;
  entry = limber_history_item_get_entry (item);
  if (entry->kind == LIMBER_JOURNAL_ENTRY_CHECKIN)
    g_signal_emit (self, signals[EDIT_CHECKIN], 0, entry->checkin);
  else
    open_session (self, entry->session);
}

/* The Delete key: the entry selected in the list (the one the arrow keys
 * moved to), only while the list is shown. */
static void
delete_selected_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  LimberHistoryPage *self = LIMBER_HISTORY_PAGE (widget);
  LimberHistoryItem *item = gtk_single_selection_get_selected_item (self->selection);

  if (item != NULL && g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "journal") == 0)
    delete_item (self, item);
}

/* The first screen of the list's rows is read before it is first drawn:
 * rows are at least 48 px high, below a 50 px header; the list reads on
 * itself as it scrolls (limber_history_list_follow_view()). */
static guint
first_rows (LimberHistoryPage *self)
{
  return MAX (12, (gtk_widget_get_height (GTK_WIDGET (self)) - 50) / 48 + 2);
}

/* The list view has its model only while the list is shown: GTK 4.8's
 * GtkListView makes up to 200 row widgets around the row it shows, mapped
 * or not, and the History overview would pay for them at every reload. */
static void
attach_list (LimberHistoryPage *self,
             gboolean           attach)
{
  GtkSelectionModel *model = attach ? GTK_SELECTION_MODEL (self->selection) : NULL;

  if (gtk_list_view_get_model (self->journal_view) != model)
    gtk_list_view_set_model (self->journal_view, model);
}

static void
on_leaflet_transition (LimberHistoryPage *self)
{
  if (!adw_leaflet_get_child_transition_running (self->leaflet) &&
      g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "overview") == 0)
    attach_list (self, FALSE);
}

static gboolean
leaflet_child_idle (gpointer data)
{
  g_autoptr(LimberHistoryPage) self = data;

  on_leaflet_transition (self);
  return G_SOURCE_REMOVE;
}

/* back to the overview: the list keeps its rows while it slides away (the
 * transition has started by the idle), and without animations loses them
 * at the idle */
static void
on_leaflet_child (LimberHistoryPage *self)
{
  if (g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "overview") == 0)
    g_idle_add (leaflet_child_idle, g_object_ref (self));
}

static void
show_journal_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  LimberHistoryPage *self = LIMBER_HISTORY_PAGE (widget);
  guint want = first_rows (self);
  guint n = limber_history_list_get_n_loaded (self->list);

  if (n < want)
    limber_history_list_load_more (self->list, want - n);
  attach_list (self, TRUE);
  adw_leaflet_set_visible_child_name (self->leaflet, "journal");
  gtk_widget_grab_focus (GTK_WIDGET (self->journal_view));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LimberHistoryPage *self = LIMBER_HISTORY_PAGE (widget);

  if (g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "journal") != 0)
    return;
  adw_leaflet_set_visible_child_name (self->leaflet, "overview");
  gtk_widget_grab_focus (GTK_WIDGET (self->journal_row));
}

/**
 * limber_history_page_get_journal_view:
 *
 * Returns: (transfer none): the GtkListView of the whole journal
 */
GtkWidget *
limber_history_page_get_journal_view (LimberHistoryPage *self)
{
  g_return_val_if_fail (LIMBER_IS_HISTORY_PAGE (self), NULL);
  return GTK_WIDGET (self->journal_view);
}

/**
 * limber_history_page_get_list:
 *
 * Returns: (transfer none): the model of the whole journal's list
 */
GListModel *
limber_history_page_get_list (LimberHistoryPage *self)
{
  g_return_val_if_fail (LIMBER_IS_HISTORY_PAGE (self), NULL);
  return G_LIST_MODEL (self->list);
}

/* What became of this week's reminders: the service logs each one. */
static void
update_reminders (LimberHistoryPage *self,
                  GDateTime         *now)
{
  g_autoptr(GDateTime) week_start = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint shown = 0, acted = 0, snoozed = 0;

  {
    /* Monday, 00:00 local */
    g_autoptr(GDateTime) monday = g_date_time_add_days (now, 1 - g_date_time_get_day_of_week (now));

    week_start = limber_time_start_of_today (monday);
  }
  reminders = limber_journal_list_reminders (self->journal, week_start, &error);
  if (reminders == NULL)
    {
      g_message ("Could not read the reminders: %s", error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->reminders_row), FALSE);
      return;
    }

  for (guint i = 0; i < reminders->len; i++)
    {
      const LimberReminderInfo *info = g_ptr_array_index (reminders, i);

      if (info->shown_at == NULL)
        continue;
      shown++;
      if (info->outcome == LIMBER_REMINDER_OUTCOME_STARTED)
        acted++;
      else if (info->outcome == LIMBER_REMINDER_OUTCOME_SNOOZED)
        snoozed++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->reminders_row), shown > 0);
  /* Translators: reminders shown this week, how many were acted on, how many snoozed */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u shown · %u acted on · %u snoozed",
                                       "%u shown · %u acted on · %u snoozed", shown),
                          shown, acted, snoozed);
  adw_action_row_set_subtitle (self->reminders_row, text);
}

static void
update_stats (LimberHistoryPage *self)
{
  g_autoptr(GDateTime) now = get_now (self);
  g_autoptr(GArray) weeks = NULL;
  g_autoptr(GPtrArray) insights = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *streak = NULL;
  g_autofree char *week = NULL;
  guint current = 0, best = 0, goal, minutes = 0;

  /* the best streak may be older than the year the page has loaded */
  if (!limber_journal_compute_streaks (self->journal, now, &current, &best, &error))
    g_message ("Could not count streaks: %s", error->message);
  streak = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u day in a row now · best %u",
                                         "%u days in a row now · best %u", current),
                            current, best);
  adw_action_row_set_subtitle (self->streak_row, streak);

  goal = self->settings ? g_settings_get_uint (self->settings, "weekly-goal-minutes") : 60;
  weeks = limber_stats_weekly_minutes (self->sessions, now, 1);
  if (weeks->len > 0)
    minutes = g_array_index (weeks, LimberWeekMinutes, weeks->len - 1).minutes;
  /* Translators: minutes stretched this week against the weekly goal */
  week = g_strdup_printf (_("%u of %u min stretched"), minutes, goal);
  adw_action_row_set_subtitle (self->week_row, week);
  gtk_level_bar_set_value (self->week_bar, goal > 0 ? MIN (1.0, (double) minutes / goal) : 1.0);

  for (guint i = 0; i < self->insight_rows->len; i++)
    adw_preferences_group_remove (self->insights_group, g_ptr_array_index (self->insight_rows, i));
  g_ptr_array_set_size (self->insight_rows, 0);

  update_reminders (self, now);

  insights = limber_stats_insights (self->sessions, self->checkins, now);
  for (guint i = 0; i < insights->len; i++)
    {
      LimberInsight *insight = g_ptr_array_index (insights, i);
      GtkWidget *row = adw_action_row_new ();

      /* a summary may quote a user routine's name */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), insight->summary);
      if (insight->caveat != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), insight->caveat);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_icon_name (ADW_ACTION_ROW (row),
                                    insight->ready ? "emblem-ok-symbolic" : "document-open-recent-symbolic");
      adw_preferences_group_add (self->insights_group, row);
      g_ptr_array_add (self->insight_rows, row);
    }
}

static void
reload_now (LimberHistoryPage *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) year_ago = NULL;
  g_autoptr(GError) error = NULL;

  self->stale = FALSE;
  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  g_clear_pointer (&self->checkins, g_ptr_array_unref);

  if (self->journal == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  now = get_now (self);
  year_ago = g_date_time_add_days (now, -366);
  self->sessions = limber_journal_list_sessions_between (self->journal, year_ago, NULL, &error);
  if (self->sessions != NULL)
    self->checkins = limber_journal_list_checkins (self->journal, year_ago, NULL, &error);
  if (self->sessions == NULL || self->checkins == NULL)
    {
      g_message ("Could not read the history: %s", error->message);
      g_clear_pointer (&self->sessions, g_ptr_array_unref);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  if (self->sessions->len == 0 && self->checkins->len == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "history");
  update_stats (self);
  update_calendar (self);
  update_chart (self);
  update_journal_row (self);
  limber_history_list_set_today (self->list, self->today);
  /* as many as the list shows, when shown: a change far back keeps it there */
  limber_history_list_reload (self->list,
                              gtk_list_view_get_model (self->journal_view) != NULL
                              ? MAX (first_rows (self), limber_history_list_get_n_loaded (self->list))
                              : first_rows (self));
}

/**
 * limber_history_page_reload:
 *
 * Reads the journal again and redraws everything. While the page is not
 * shown this only marks it out of date, and it reads the journal when it is
 * next shown: a year of rows is not read, nor the charts laid out, for a
 * page nobody looks at (the window starts on the routines).
 */
void
limber_history_page_reload (LimberHistoryPage *self)
{
  g_return_if_fail (LIMBER_IS_HISTORY_PAGE (self));

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload_now (self);
  else
    self->stale = TRUE;
}

static void
limber_history_page_map (GtkWidget *widget)
{
  LimberHistoryPage *self = LIMBER_HISTORY_PAGE (widget);

  GTK_WIDGET_CLASS (limber_history_page_parent_class)->map (widget);

  if (self->stale)
    reload_now (self);
}

static void
on_dark_changed (LimberHistoryPage *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
}

static void
limber_history_page_dispose (GObject *object)
{
  LimberHistoryPage *self = LIMBER_HISTORY_PAGE (object);

  g_clear_object (&self->journal);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->today, g_date_time_unref);
  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  g_clear_pointer (&self->checkins, g_ptr_array_unref);
  g_clear_pointer (&self->chart_days, g_array_unref);
  g_clear_pointer (&self->insight_rows, g_ptr_array_unref);
  limber_history_list_follow_view (self->list, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_HISTORY_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);

  G_OBJECT_CLASS (limber_history_page_parent_class)->dispose (object);
}

static void
limber_history_page_class_init (LimberHistoryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_history_page_dispose;
  widget_class->map = limber_history_page_map;

  signals[EDIT_CHECKIN] = g_signal_new ("edit-checkin", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                        LIMBER_TYPE_CHECKIN | G_SIGNAL_TYPE_STATIC_SCOPE);
  signals[DELETE_CHECKIN] = g_signal_new ("delete-checkin", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                          LIMBER_TYPE_CHECKIN | G_SIGNAL_TYPE_STATIC_SCOPE);
  signals[DELETE_SESSION] = g_signal_new ("delete-session", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                          LIMBER_TYPE_SESSION_INFO | G_SIGNAL_TYPE_STATIC_SCOPE);

  g_type_ensure (LIMBER_TYPE_CALENDAR_GRID);

  gtk_widget_class_set_template_from_resource (widget_class, LIMBER_RESOURCE_PREFIX "/ui/limber-history-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryPage, streak_row);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryPage, week_row);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryPage, reminders_row);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryPage, week_bar);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryPage, calendar);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryPage, chart);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryPage, chart_summary);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryPage, range_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryPage, insights_group);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryPage, chart_day_label);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryPage, journal_row);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryPage, journal_view);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryPage, journal_scroller);
  gtk_widget_class_bind_template_callback (widget_class, on_journal_activate);

  gtk_widget_class_install_action (widget_class, "history.show-journal", NULL, show_journal_action);
  gtk_widget_class_install_action (widget_class, "history.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "history.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "history.back", NULL);
  gtk_widget_class_install_action (widget_class, "history.delete-selected", NULL, delete_selected_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "history.delete-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "history.delete-selected", NULL);
  gtk_widget_class_bind_template_callback (widget_class, on_range_changed);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "limber-history-page");
}

static void
limber_history_page_init (LimberHistoryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  limber_ui_name_mnemonic_buttons (GTK_WIDGET (self));
  limber_ui_name_drop_down (self->range_dropdown, _("Chart range"));

  self->range_days = 30;
  self->stale = TRUE;
  self->insight_rows = g_ptr_array_new ();
  gtk_drawing_area_set_draw_func (self->chart, draw_chart, self, NULL);
  self->chart_focus = -1;
  {
    GtkEventController *motion = gtk_event_controller_motion_new ();
    GtkEventController *key = gtk_event_controller_key_new ();
    GtkEventController *focus = gtk_event_controller_focus_new ();

    g_signal_connect (motion, "motion", G_CALLBACK (on_chart_motion), self);
    g_signal_connect (motion, "leave", G_CALLBACK (on_chart_leave), self);
    gtk_widget_add_controller (GTK_WIDGET (self->chart), motion);
    g_signal_connect (key, "key-pressed", G_CALLBACK (on_chart_key), self);
    gtk_widget_add_controller (GTK_WIDGET (self->chart), key);
    g_signal_connect (focus, "enter", G_CALLBACK (on_chart_focus_enter), self);
    g_signal_connect (focus, "leave", G_CALLBACK (on_chart_focus_leave), self);
    gtk_widget_add_controller (GTK_WIDGET (self->chart), focus);
  }

  self->list = limber_history_list_new ();
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->leaflet, "notify::child-transition-running",
                           G_CALLBACK (on_leaflet_transition), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::visible-child-name",
                           G_CALLBACK (on_leaflet_child), self, G_CONNECT_SWAPPED);
  {
    g_autoptr(GtkListItemFactory) factory = limber_history_list_new_factory (self->list, delete_item, self);

    gtk_list_view_set_factory (self->journal_view, factory);
  }
  limber_history_list_follow_view (self->list, self->journal_view, GTK_SCROLLED_WINDOW (self->journal_scroller));
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);
}

void
limber_history_page_set_journal (LimberHistoryPage *self,
                                 LimberJournal     *journal)
{
  g_return_if_fail (LIMBER_IS_HISTORY_PAGE (self));
  if (g_set_object (&self->journal, journal))
    {
      limber_history_list_set_journal (self->list, journal);
      limber_history_page_reload (self);
    }
}

/* names Limber's own routines in the list in today's language */
void
limber_history_page_set_catalog (LimberHistoryPage *self,
                                 LimberCatalog     *catalog)
{
  g_return_if_fail (LIMBER_IS_HISTORY_PAGE (self));
  limber_history_list_set_catalog (self->list, catalog);
}

void
limber_history_page_set_settings (LimberHistoryPage *self,
                                  GSettings         *settings)
{
  g_return_if_fail (LIMBER_IS_HISTORY_PAGE (self));
  if (g_set_object (&self->settings, settings) && settings != NULL)
    g_signal_connect_object (settings, "changed::weekly-goal-minutes",
                             G_CALLBACK (limber_history_page_reload), self, G_CONNECT_SWAPPED);
}

/**
 * limber_history_page_set_today:
 * @today: (nullable): the moment the page treats as now; %NULL for the clock
 */
void
limber_history_page_set_today (LimberHistoryPage *self,
                               GDateTime         *today)
{
  g_return_if_fail (LIMBER_IS_HISTORY_PAGE (self));
  g_clear_pointer (&self->today, g_date_time_unref);
  if (today != NULL)
    self->today = g_date_time_ref (today);
  limber_history_page_reload (self);
}
