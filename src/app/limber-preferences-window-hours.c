/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-preferences"

#include <glib/gi18n.h>
#ifdef __GLIBC__
#include <langinfo.h>
#endif

#include "limber-preferences-window-private.h"
#include "limber-schedule.h"

/* Working hours in Preferences: a switch, the days as seven toggles in the
 * locale's week order, and the spans, each an expander row with its start
 * and end entries (the quiet hours' pattern), a message under them when
 * one is wrong, and a Remove button. The spans are written back whole, as
 * "a(ss)", on every good change; the rows follow the settings in place. */

/* 0 Monday … 6 Sunday: the locale's first day of the week */
static guint
first_weekday (void)
{
#ifdef __GLIBC__
  union { unsigned int word; char *string; } langinfo;
  guint first;
  guint origin;

  langinfo.string = nl_langinfo (_NL_TIME_FIRST_WEEKDAY);
  first = (guchar) langinfo.string[0];
  langinfo.string = nl_langinfo (_NL_TIME_WEEK_1STDAY);
  origin = langinfo.word;
  /* glibc counts from the week's origin, 1997-11-30 (a Sunday) or
   * 1997-12-01 (a Monday) */
  if (first >= 1 && first <= 7 && (origin == 19971130 || origin == 19971201))
    return ((origin == 19971130 ? 6 : 0) + first - 1) % 7;
#endif
  return 0;
}

/* Days */

static void
on_day_toggled (GtkToggleButton         *toggle,
                LimberPreferencesWindow *self)
{
  guint day = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toggle), "day"));
  guint8 days;

  if (self->loading)
    return;

  g_settings_get (self->settings, "working-days", "y", &days);
  if (gtk_toggle_button_get_active (toggle))
    days |= 1 << day;
  else
    days &= ~(1u << day);
  g_settings_set (self->settings, "working-days", "y", days & 0x7f);
}

static void
load_days (LimberPreferencesWindow *self)
{
  guint8 days;

  g_settings_get (self->settings, "working-days", "y", &days);
  self->loading = TRUE;
  for (GtkWidget *toggle = gtk_widget_get_first_child (GTK_WIDGET (self->days_box));
       toggle != NULL;
       toggle = gtk_widget_get_next_sibling (toggle))
    {
      guint day = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toggle), "day"));

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), (days & (1 << day)) != 0);
    }
  self->loading = FALSE;
}

static void
make_days (LimberPreferencesWindow *self)
{
  guint first = first_weekday ();

  for (guint i = 0; i < 7; i++)
    {
      guint day = (first + i) % 7;
      GtkWidget *toggle = gtk_toggle_button_new_with_label (_limber_preferences_window_weekday_letter (day));

      gtk_widget_set_tooltip_text (toggle, _limber_preferences_window_weekday_name (day));
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _limber_preferences_window_weekday_name (day), -1);
      gtk_widget_set_name (toggle, (const char *[]) { "day0", "day1", "day2", "day3",
                                                       "day4", "day5", "day6" }[day]);
      g_object_set_data (G_OBJECT (toggle), "day", GUINT_TO_POINTER (day));
      g_signal_connect (toggle, "toggled", G_CALLBACK (on_day_toggled), self);
      gtk_box_append (self->days_box, toggle);
    }
}

/* Spans */

typedef struct
{
  GtkWidget *row;
  GtkWidget *start_row;
  GtkWidget *end_row;
  GtkWidget *message_row;
  GtkWidget *message;
  GtkWidget *remove;
  char      *start;  /* as the setting holds them */
  char      *end;
} Span;

static void
span_free (gpointer data)
{
  Span *span = data;

  g_free (span->start);
  g_free (span->end);
  g_free (span);
}

static Span *
span_of_row (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "span");
}

static void
save_spans (LimberPreferencesWindow *self)
{
  GVariantBuilder builder;

  if (self->loading)
    return;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ss)"));
  for (guint i = 0; i < self->span_rows->len; i++)
    {
      Span *span = span_of_row (g_ptr_array_index (self->span_rows, i));

      g_variant_builder_add (&builder, "(ss)", span->start, span->end);
    }
  g_settings_set_value (self->settings, "working-hours-spans", g_variant_builder_end (&builder));
}

/* The row's title, and its message: for a span the setting holds that the
 * schedule leaves out, or for what was typed */
static void
update_span_row (Span       *span,
                 const char *problem)
{
  guint start;
  guint end;
  gboolean good = limber_schedule_parse_time (span->start, &start)
                  && limber_schedule_parse_time (span->end, &end)
                  && start != end;
  g_autofree char *title = NULL;

  /* Translators: a span of working hours, e.g. “09:00 – 17:00” */
  title = g_strdup_printf (_("%s – %s"), span->start, span->end);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (span->row), title);
  if (good && end < start)
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (span->row), _("Ends the next day"));
  else if (!good)
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (span->row), _("Left out: not two different times"));
  else
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (span->row), "");

  if (problem == NULL && !good)
    problem = _("This span is left out until it has a start and an end, different times as HH:MM.");

  gtk_label_set_text (GTK_LABEL (span->message), problem != NULL ? problem : "");
  gtk_widget_set_visible (span->message_row, problem != NULL);
}

/* Marks @entry wrong or right, for the eye and for screen readers */
static void
mark_entry (Span       *span,
            GtkWidget  *entry,
            const char *problem)
{
  if (problem != NULL)
    {
      gtk_widget_add_css_class (entry, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, problem, -1);
    }
  else
    {
      gtk_widget_remove_css_class (entry, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  update_span_row (span, problem);
}

static void
on_span_time_applied (AdwEntryRow *entry,
                      GtkWidget   *row)
{
  LimberPreferencesWindow *self = LIMBER_PREFERENCES_WINDOW (gtk_widget_get_root (GTK_WIDGET (entry)));
  Span *span = span_of_row (row);
  gboolean is_start = GTK_WIDGET (entry) == span->start_row;
  guint seconds;
  guint other;
  g_autofree char *normal = NULL;

  if (!limber_schedule_parse_time (gtk_editable_get_text (GTK_EDITABLE (entry)), &seconds))
    {
      mark_entry (span, GTK_WIDGET (entry),
                  is_start ? _("Write the start as hours and minutes, like 09:00")
                           : _("Write the end as hours and minutes, like 17:00"));
      return;
    }
  if (limber_schedule_parse_time (is_start ? span->end : span->start, &other) && other == seconds)
    {
      mark_entry (span, GTK_WIDGET (entry), _("A span must end at another time than it starts"));
      return;
    }

  normal = g_strdup_printf ("%02u:%02u", seconds / 3600, seconds / 60 % 60);
  gtk_editable_set_text (GTK_EDITABLE (entry), normal);
  g_object_set_data_full (G_OBJECT (entry), "limber-shown", g_strdup (normal), g_free);
  g_free (is_start ? span->start : span->end);
  if (is_start)
    span->start = g_steal_pointer (&normal);
  else
    span->end = g_steal_pointer (&normal);
  mark_entry (span, GTK_WIDGET (entry), NULL);
  save_spans (self);
}

static void
update_remove_buttons (LimberPreferencesWindow *self)
{
  for (guint i = 0; i < self->span_rows->len; i++)
    {
      Span *span = span_of_row (g_ptr_array_index (self->span_rows, i));

      /* with no span at all the schedule would use the default one */
      gtk_widget_set_sensitive (span->remove, self->span_rows->len > 1);
    }
}

static void
on_remove_span (GtkButton *button,
                GtkWidget *row)
{
  LimberPreferencesWindow *self = LIMBER_PREFERENCES_WINDOW (gtk_widget_get_root (GTK_WIDGET (button)));

  g_ptr_array_remove (self->span_rows, row);
  adw_preferences_group_remove (self->hours_group, row);
  update_remove_buttons (self);
  save_spans (self);
  gtk_widget_grab_focus (self->add_span_button);
}

static GtkWidget *
make_time_entry (const char  *title,
                 GtkWidget   *row)
{
  GtkWidget *entry = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
  g_signal_connect (entry, "apply", G_CALLBACK (on_span_time_applied), row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry);

  return entry;
}

static GtkWidget *
make_span_row (LimberPreferencesWindow *self,
               const char              *start,
               const char              *end)
{
  GtkWidget *row = adw_expander_row_new ();
  Span *span = g_new0 (Span, 1);
  GtkWidget *remove_row = adw_action_row_new ();

  span->row = row;
  span->start = g_strdup (start);
  span->end = g_strdup (end);
  g_object_set_data_full (G_OBJECT (row), "span", span, span_free);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  span->start_row = make_time_entry (_("Start (HH:MM)"), row);
  span->end_row = make_time_entry (_("End (HH:MM)"), row);
  _limber_preferences_window_set_text (GTK_EDITABLE (span->start_row), start);
  _limber_preferences_window_set_text (GTK_EDITABLE (span->end_row), end);

  span->message = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (span->message), TRUE);
  gtk_label_set_xalign (GTK_LABEL (span->message), 0);
  gtk_widget_add_css_class (span->message, "error");
  gtk_widget_set_margin_start (span->message, 12);
  gtk_widget_set_margin_end (span->message, 12);
  gtk_widget_set_margin_top (span->message, 8);
  gtk_widget_set_margin_bottom (span->message, 8);
  span->message_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (span->message_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (span->message_row), FALSE);
  gtk_widget_set_focusable (span->message_row, FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (span->message_row), span->message);
  gtk_widget_set_visible (span->message_row, FALSE);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), span->message_row);
  /* a screen reader reads the message with the entries */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (span->start_row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  span->message, NULL, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (span->end_row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  span->message, NULL, -1);

  span->remove = gtk_button_new_with_mnemonic (_("_Remove"));
  gtk_widget_set_valign (span->remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (span->remove, "destructive-action");
  g_signal_connect (span->remove, "clicked", G_CALLBACK (on_remove_span), row);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (remove_row), _("Remove This Span"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), span->remove);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (remove_row), span->remove);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), remove_row);

  g_object_bind_property (self->hours_switch, "active", row, "sensitive", G_BINDING_SYNC_CREATE);
  update_span_row (span, NULL);

  return row;
}

/* Follows the setting in place, so that a span being edited keeps its
 * focus and its text */
static void
load_spans (LimberPreferencesWindow *self)
{
  g_autoptr(GVariant) value = g_settings_get_value (self->settings, "working-hours-spans");
  GVariantIter iter;
  const char *start;
  const char *end;
  guint n = 0;

  self->loading = TRUE;
  g_variant_iter_init (&iter, value);
  while (g_variant_iter_next (&iter, "(&s&s)", &start, &end))
    {
      if (n < self->span_rows->len)
        {
          Span *span = span_of_row (g_ptr_array_index (self->span_rows, n));

          g_free (span->start);
          g_free (span->end);
          span->start = g_strdup (start);
          span->end = g_strdup (end);
          _limber_preferences_window_set_text (GTK_EDITABLE (span->start_row), start);
          _limber_preferences_window_set_text (GTK_EDITABLE (span->end_row), end);
          update_span_row (span, NULL);
        }
      else
        {
          GtkWidget *row = make_span_row (self, start, end);

          g_ptr_array_add (self->span_rows, row);
          adw_preferences_group_add (self->hours_group, row);
        }
      n++;
    }
  while (self->span_rows->len > n)
    {
      GtkWidget *row = g_ptr_array_steal_index (self->span_rows, self->span_rows->len - 1);

      adw_preferences_group_remove (self->hours_group, row);
    }
  update_remove_buttons (self);
  self->loading = FALSE;
}

/* A new span starts an hour after the last one ends, for four hours */
void
_limber_preferences_window_add_span (LimberPreferencesWindow *self)
{
  guint start = 13 * 60 * 60;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  GtkWidget *row;

  if (self->span_rows->len > 0)
    {
      Span *last = span_of_row (g_ptr_array_index (self->span_rows, self->span_rows->len - 1));
      guint end;

      if (limber_schedule_parse_time (last->end, &end))
        start = (end + 60 * 60) % (24 * 60 * 60);
    }
  start_text = g_strdup_printf ("%02u:%02u", start / 3600, start / 60 % 60);
  end_text = g_strdup_printf ("%02u:%02u", (start / 3600 + 4) % 24, start / 60 % 60);

  row = make_span_row (self, start_text, end_text);
  g_ptr_array_add (self->span_rows, row);
  adw_preferences_group_add (self->hours_group, row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  update_remove_buttons (self);
  save_spans (self);
  gtk_widget_grab_focus (span_of_row (row)->start_row);
}

void
_limber_preferences_window_setup_hours (LimberPreferencesWindow *self)
{
  g_settings_bind (self->settings, "working-hours", self->hours_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_object_bind_property (self->hours_switch, "active", self->days_row, "sensitive", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->hours_switch, "active", self->add_span_button, "sensitive", G_BINDING_SYNC_CREATE);

  make_days (self);
  load_days (self);
  load_spans (self);
  g_signal_connect_object (self->settings, "changed::working-days", G_CALLBACK (load_days), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::working-hours-spans", G_CALLBACK (load_spans), self,
                           G_CONNECT_SWAPPED);
}
