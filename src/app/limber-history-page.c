/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-history"

#include <glib/gi18n.h>
#include <math.h>

#include "limber-calendar-grid.h"
#include "limber-chart.h"
#include "limber-checkin.h"
#include "limber-history-page.h"
#include "limber-journal-stats.h"

#define CALENDAR_WEEKS 16
#define ENTRY_DAYS 30

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
  GtkListBox           *entries;
};

G_DEFINE_FINAL_TYPE (LimberHistoryPage, limber_history_page, GTK_TYPE_WIDGET)

enum {
  EDIT_CHECKIN,
  DELETE_CHECKIN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GDateTime *
get_now (LimberHistoryPage *self)
{
  return self->today ? g_date_time_ref (self->today) : g_date_time_new_now_local ();
}

static void
date_from_datetime (GDate     *date,
                    GDateTime *dt)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (dt),
                  g_date_time_get_month (dt), g_date_time_get_year (dt));
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

  if (self->chart_days == NULL || self->chart_days->len == 0)
    return;

  limber_chart_style_init (&style, adw_style_manager_get_dark (adw_style_manager_get_default ())
                                   ? LIMBER_CHART_STYLE_DARK : LIMBER_CHART_STYLE_LIGHT);
  style.background.alpha = 0;
  limber_chart_draw (cr, width, height,
                     (const LimberChartDay *) self->chart_days->data, self->chart_days->len,
                     &style);
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
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
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

static char *
describe_checkin (const LimberCheckin *checkin)
{
  g_autoptr(GString) str = g_string_new (NULL);
  const char *where[] = { N_("both legs"), N_("left leg"), N_("right leg") };

  /* Translators: a check-in in the history list */
  g_string_printf (str, _("Pain %d · stiffness %d · %s"),
                   checkin->pain, checkin->stiffness, _(where[checkin->side]));
  return g_string_free (g_steal_pointer (&str), FALSE);
}

static char *
describe_checkin_details (const LimberCheckin *checkin)
{
  g_autoptr(GString) str = g_string_new (NULL);
  g_autofree char *when = g_date_time_format (checkin->time, _("%a %e %b, %H:%M"));

  g_string_append (str, g_strstrip (when));
  if (checkin->morning_stiffness >= 0)
    g_string_append_printf (str, _(" · stiff for %d min in the morning"), checkin->morning_stiffness);
  if (checkin->symptoms & LIMBER_SYMPTOM_NUMBNESS)
    g_string_append (str, _(" · numbness or tingling"));
  if (checkin->symptoms & LIMBER_SYMPTOM_RADIATING)
    g_string_append (str, _(" · pain down the leg"));
  if (checkin->symptoms & LIMBER_SYMPTOM_WEAKNESS)
    g_string_append (str, _(" · weakness"));
  if (checkin->note != NULL && *checkin->note != '\0')
    {
      g_autofree char *line = g_strdup (checkin->note);

      g_strdelimit (line, "\r\n\t", ' ');
      if (g_utf8_strlen (line, -1) > 80)
        {
          char *end = g_utf8_offset_to_pointer (line, 79);
          *end = '\0';
          g_string_append_printf (str, " · %s…", line);
        }
      else
        g_string_append_printf (str, " · %s", line);
    }
  return g_string_free (g_steal_pointer (&str), FALSE);
}

static void
on_edit_clicked (GtkButton         *button,
                 LimberHistoryPage *self)
{
  LimberCheckin *checkin = g_object_get_data (G_OBJECT (button), "checkin");

  g_signal_emit (self, signals[EDIT_CHECKIN], 0, checkin);
}

static void
on_delete_clicked (GtkButton         *button,
                   LimberHistoryPage *self)
{
  LimberCheckin *checkin = g_object_get_data (G_OBJECT (button), "checkin");

  g_signal_emit (self, signals[DELETE_CHECKIN], 0, checkin);
}

static GtkWidget *
make_checkin_row (LimberHistoryPage   *self,
                  const LimberCheckin *checkin)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = describe_checkin (checkin);
  g_autofree char *subtitle = describe_checkin_details (checkin);
  GtkWidget *edit, *delete;

  /* notes are the person's own words, never markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "document-edit-symbolic");

  edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (edit, "flat");
  gtk_widget_set_tooltip_text (edit, _("Edit Check-In"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Edit check-in"), -1);
  g_object_set_data_full (G_OBJECT (edit), "checkin", limber_checkin_copy (checkin),
                          (GDestroyNotify) limber_checkin_free);
  g_signal_connect (edit, "clicked", G_CALLBACK (on_edit_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);

  delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete, "flat");
  gtk_widget_set_tooltip_text (delete, _("Delete Check-In"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete check-in"), -1);
  g_object_set_data_full (G_OBJECT (delete), "checkin", limber_checkin_copy (checkin),
                          (GDestroyNotify) limber_checkin_free);
  g_signal_connect (delete, "clicked", G_CALLBACK (on_delete_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);

  g_object_set_data (G_OBJECT (row), "time", GINT_TO_POINTER (1));
  return row;
}

static const char *
outcome_label (LimberOutcome outcome)
{
  switch (outcome)
    {
    case LIMBER_OUTCOME_COMPLETED: return _("completed");
    case LIMBER_OUTCOME_STOPPED: return _("stopped");
    case LIMBER_OUTCOME_STOPPED_FOR_PAIN: return _("stopped because it hurt");
    case LIMBER_OUTCOME_INTERRUPTED: return _("interrupted");
    case LIMBER_OUTCOME_IN_PROGRESS: return _("in progress");
    default: return "";
    }
}

static GtkWidget *
make_session_row (const LimberSessionInfo *session)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *when = g_date_time_format (session->started_at, _("%a %e %b, %H:%M"));
  g_autofree char *minutes = limber_format_duration (session->active_ms / 1000);
  g_autofree char *subtitle = NULL;

  if (session->rating >= 0)
    /* Translators: when, how long, how it ended, and the rating afterwards */
    subtitle = g_strdup_printf (_("%s · %s · %s · felt %d/10 afterwards"),
                                g_strstrip (when), minutes, outcome_label (session->outcome), session->rating);
  else
    subtitle = g_strdup_printf (_("%s · %s · %s"), g_strstrip (when), minutes, outcome_label (session->outcome));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), session->routine_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "media-playback-start-symbolic");
  return row;
}

static void
update_entries (LimberHistoryPage *self)
{
  g_autoptr(GDateTime) now = get_now (self);
  g_autoptr(GDateTime) since = g_date_time_add_days (now, -ENTRY_DAYS);
  GtkWidget *child;
  gint si, ci;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->entries))))
    gtk_list_box_remove (self->entries, child);

  /* both lists are oldest first: walk them backwards, newest first */
  si = (gint) self->sessions->len - 1;
  ci = (gint) self->checkins->len - 1;
  while (si >= 0 || ci >= 0)
    {
      LimberSessionInfo *s = si >= 0 ? g_ptr_array_index (self->sessions, si) : NULL;
      LimberCheckin *c = ci >= 0 ? g_ptr_array_index (self->checkins, ci) : NULL;

      if (c != NULL && (s == NULL || g_date_time_compare (c->time, s->started_at) >= 0))
        {
          if (g_date_time_compare (c->time, since) < 0)
            ci = -1;
          else
            gtk_list_box_append (self->entries, make_checkin_row (self, c));
          ci--;
        }
      else
        {
          if (g_date_time_compare (s->started_at, since) < 0)
            si = -1;
          else
            gtk_list_box_append (self->entries, make_session_row (s));
          si--;
        }
    }
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

    week_start = g_date_time_new_local (g_date_time_get_year (monday), g_date_time_get_month (monday),
                                        g_date_time_get_day_of_month (monday), 0, 0, 0);
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
  update_entries (self);
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
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_HISTORY_PAGE);

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
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryPage, entries);
  gtk_widget_class_bind_template_callback (widget_class, on_range_changed);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "limber-history-page");
}

static void
limber_history_page_init (LimberHistoryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->range_days = 30;
  self->stale = TRUE;
  self->insight_rows = g_ptr_array_new ();
  gtk_drawing_area_set_draw_func (self->chart, draw_chart, self, NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);
}

void
limber_history_page_set_journal (LimberHistoryPage *self,
                                 LimberJournal     *journal)
{
  g_return_if_fail (LIMBER_IS_HISTORY_PAGE (self));
  if (g_set_object (&self->journal, journal))
    limber_history_page_reload (self);
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
