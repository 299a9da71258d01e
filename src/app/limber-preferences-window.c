/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-preferences"

#include <glib/gi18n.h>

#include "limber-ui-utils.h"
#include "limber-preferences-window-private.h"
#include "limber-schedule.h"

/* Preferences: the reminder service's schedule and the player's sound. Every
 * control writes its GSettings key at once; the service follows the
 * changes live. Every control also follows its key while the window is
 * open, whoever changes it (gsettings, another window): bound ones through
 * g_settings_bind, the hand-written ones (times, routine reminders,
 * working hours in limber-preferences-window-hours.c) through
 * "changed::key", keeping what the person is typing in a focused field. */
G_DEFINE_FINAL_TYPE (LimberPreferencesWindow, limber_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char *weekday_letters[] = {
  /* Translators: one-letter weekday names, Monday first */
  N_("M"), N_("T"), N_("W"), N_("T"), N_("F"), N_("S"), N_("S"),
};
static const char *weekday_names[] = {
  N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
  N_("Friday"), N_("Saturday"), N_("Sunday"),
};

const char *
_limber_preferences_window_weekday_letter (guint day)
{
  g_return_val_if_fail (day < 7, NULL);
  return _(weekday_letters[day]);
}

const char *
_limber_preferences_window_weekday_name (guint day)
{
  g_return_val_if_fail (day < 7, NULL);
  return _(weekday_names[day]);
}

static gboolean
is_being_edited (GtkEditable *entry)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (entry));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  const char *shown = g_object_get_data (G_OBJECT (entry), "limber-shown");

  if (focus == NULL || (focus != GTK_WIDGET (entry) && !gtk_widget_is_ancestor (focus, GTK_WIDGET (entry))))
    return FALSE;

  return g_strcmp0 (gtk_editable_get_text (entry), shown != NULL ? shown : "") != 0;
}

/* Shows a setting's @text in @entry, unless the person is typing there:
 * then their text stays, and applying it writes it over the setting. */
void
_limber_preferences_window_set_text (GtkEditable *entry,
                                     const char  *text)
{
  if (is_being_edited (entry))
    return;

  g_object_set_data_full (G_OBJECT (entry), "limber-shown", g_strdup (text), g_free);
  if (g_strcmp0 (gtk_editable_get_text (entry), text) == 0)
    return;

  gtk_editable_set_text (entry, text);
  /* the setting is good, or the schedule falls back from it */
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
}

static const char *
time_key_for_row (LimberPreferencesWindow *self,
                  AdwEntryRow             *row)
{
  if (row == self->checkin_time_row)
    return "checkin-time";
  if (row == self->quiet_start_row)
    return "quiet-hours-start";
  return "quiet-hours-end";
}

static void
on_time_applied (LimberPreferencesWindow *self,
                 AdwEntryRow             *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  guint seconds;

  if (!limber_schedule_parse_time (text, &seconds))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (_("Write the time as hours and minutes, like 07:30")));
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  {
    g_autofree char *normal = g_strdup_printf ("%02u:%02u", seconds / 3600, seconds / 60 % 60);

    gtk_editable_set_text (GTK_EDITABLE (row), normal);
    g_object_set_data_full (G_OBJECT (row), "limber-shown", g_strdup (normal), g_free);
    g_settings_set_string (self->settings, time_key_for_row (self, row), normal);
  }
}

static void
on_test_clicked (LimberPreferencesWindow *self)
{
  if (self->reminders == NULL || !limber_reminders_client_get_running (self->reminders))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (_("Turn reminders on first")));
      return;
    }
  limber_reminders_client_preview (self->reminders, "break");
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("A test notification was sent")));
}

/* Routine reminders: the whole list is written back on every change. */

static void
save_routines (LimberPreferencesWindow *self)
{
  GVariantBuilder builder;

  if (self->loading)
    return;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(yyys)"));
  for (guint i = 0; i < self->routine_rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->routine_rows, i);

      g_variant_builder_add (&builder, "(yyys)",
                             (guchar) GPOINTER_TO_UINT (g_object_get_data (row, "hour")),
                             (guchar) GPOINTER_TO_UINT (g_object_get_data (row, "minute")),
                             (guchar) GPOINTER_TO_UINT (g_object_get_data (row, "weekdays")),
                             (const char *) g_object_get_data (row, "routine-id"));
    }
  g_settings_set_value (self->settings, "routine-reminders", g_variant_builder_end (&builder));
}

static char *
describe_days (guint weekdays)
{
  g_autoptr(GString) str = g_string_new (NULL);

  if ((weekdays & 0x7f) == 0x7f)
    return g_strdup (_("every day"));
  if ((weekdays & 0x7f) == 0x1f)
    return g_strdup (_("weekdays"));
  if ((weekdays & 0x7f) == 0x60)
    return g_strdup (_("weekends"));
  if ((weekdays & 0x7f) == 0)
    return g_strdup (_("no days chosen"));

  for (guint d = 0; d < 7; d++)
    if (weekdays & (1 << d))
      {
        g_autofree char *abbr = g_utf8_substring (_(weekday_names[d]), 0, 3);

        if (str->len)
          g_string_append (str, ", ");
        g_string_append (str, abbr);
      }
  return g_string_free (g_steal_pointer (&str), FALSE);
}

static void
update_routine_row_title (LimberPreferencesWindow *self,
                          GtkWidget               *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "routine-id");
  LimberRoutine *routine = self->catalog ? limber_catalog_lookup_routine (self->catalog, id) : NULL;
  g_autofree char *days = describe_days (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "weekdays")));
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), routine ? limber_routine_get_name (routine) : id);
  /* Translators: a routine reminder's time and days, e.g. “18:30, weekdays” */
  subtitle = g_strdup_printf (_("%02u:%02u, %s"),
                              GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "hour")),
                              GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "minute")),
                              days);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
}

static void
on_routine_time_applied (AdwEntryRow *entry,
                         GtkWidget   *row)
{
  LimberPreferencesWindow *self = LIMBER_PREFERENCES_WINDOW (gtk_widget_get_root (GTK_WIDGET (entry)));
  guint seconds;

  if (!limber_schedule_parse_time (gtk_editable_get_text (GTK_EDITABLE (entry)), &seconds))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (_("Write the time as hours and minutes, like 18:30")));
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  {
    g_autofree char *normal = g_strdup_printf ("%02u:%02u", seconds / 3600, seconds / 60 % 60);

    gtk_editable_set_text (GTK_EDITABLE (entry), normal);
    g_object_set_data_full (G_OBJECT (entry), "limber-shown", g_strdup (normal), g_free);
  }
  g_object_set_data (G_OBJECT (row), "hour", GUINT_TO_POINTER (seconds / 3600));
  g_object_set_data (G_OBJECT (row), "minute", GUINT_TO_POINTER (seconds / 60 % 60));
  update_routine_row_title (self, row);
  save_routines (self);
}

static void
on_weekday_toggled (GtkToggleButton *button,
                    GtkWidget       *row)
{
  LimberPreferencesWindow *self = LIMBER_PREFERENCES_WINDOW (gtk_widget_get_root (GTK_WIDGET (button)));
  guint day = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "day"));
  guint weekdays = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "weekdays"));

  if (gtk_toggle_button_get_active (button))
    weekdays |= 1 << day;
  else
    weekdays &= ~(1u << day);
  g_object_set_data (G_OBJECT (row), "weekdays", GUINT_TO_POINTER (weekdays));
  update_routine_row_title (self, row);
  save_routines (self);
}

static void
on_routine_selected (AdwComboRow *combo,
                     GParamSpec  *pspec,
                     GtkWidget   *row)
{
  LimberPreferencesWindow *self = LIMBER_PREFERENCES_WINDOW (gtk_widget_get_root (GTK_WIDGET (combo)));
  g_autoptr(LimberRoutine) routine = NULL;
  guint index = adw_combo_row_get_selected (combo);

  if (self->catalog == NULL || index == GTK_INVALID_LIST_POSITION)
    return;
  routine = g_list_model_get_item (limber_catalog_get_routines (self->catalog), index);
  g_object_set_data_full (G_OBJECT (row), "routine-id", g_strdup (limber_routine_get_id (routine)), g_free);
  update_routine_row_title (self, row);
  save_routines (self);
}

static void rebuild_routines (LimberPreferencesWindow *self);

static void
on_remove_routine (GtkButton *button,
                   GtkWidget *row)
{
  LimberPreferencesWindow *self = LIMBER_PREFERENCES_WINDOW (gtk_widget_get_root (GTK_WIDGET (button)));

  g_ptr_array_remove (self->routine_rows, row);
  adw_preferences_group_remove (self->routines_group, row);
  save_routines (self);
}

static char *
routine_name_for_item (LimberRoutine *routine)
{
  return g_strdup (limber_routine_get_name (routine));
}

static GtkWidget *
make_routine_row (LimberPreferencesWindow *self,
                  guint                    hour,
                  guint                    minute,
                  guint                    weekdays,
                  const char              *routine_id)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *time_row = adw_entry_row_new ();
  GtkWidget *days_row = adw_action_row_new ();
  GtkWidget *days_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *combo = adw_combo_row_new ();
  GtkWidget *remove_row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove"));
  g_autofree char *time = g_strdup_printf ("%02u:%02u", hour, minute);

  /* user routines name themselves: plain text */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_set_data (G_OBJECT (row), "hour", GUINT_TO_POINTER (hour));
  g_object_set_data (G_OBJECT (row), "minute", GUINT_TO_POINTER (minute));
  g_object_set_data (G_OBJECT (row), "weekdays", GUINT_TO_POINTER (weekdays & 0x7f));
  g_object_set_data_full (G_OBJECT (row), "routine-id", g_strdup (routine_id), g_free);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (time_row), _("Time (HH:MM)"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (time_row), TRUE);
  _limber_preferences_window_set_text (GTK_EDITABLE (time_row), time);
  g_signal_connect (time_row, "apply", G_CALLBACK (on_routine_time_applied), row);
  g_object_set_data (G_OBJECT (row), "time-row", time_row);
  g_object_set_data (G_OBJECT (row), "combo", combo);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), time_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (days_row), _("Days"));
  gtk_widget_add_css_class (days_box, "linked");
  gtk_widget_add_css_class (days_box, "limber-weekdays");
  gtk_widget_set_valign (days_box, GTK_ALIGN_CENTER);
  for (guint d = 0; d < 7; d++)
    {
      GtkWidget *toggle = gtk_toggle_button_new_with_label (_(weekday_letters[d]));

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), (weekdays & (1 << d)) != 0);
      gtk_widget_set_tooltip_text (toggle, _(weekday_names[d]));
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(weekday_names[d]), -1);
      g_object_set_data (G_OBJECT (toggle), "day", GUINT_TO_POINTER (d));
      g_object_set_data (G_OBJECT (row), (const char *[]) { "toggle0", "toggle1", "toggle2", "toggle3",
                                                            "toggle4", "toggle5", "toggle6" }[d], toggle);
      g_signal_connect (toggle, "toggled", G_CALLBACK (on_weekday_toggled), row);
      gtk_box_append (GTK_BOX (days_box), toggle);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (days_row), days_box);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), days_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), _("Routine"));
  if (self->catalog != NULL)
    {
      GListModel *routines = limber_catalog_get_routines (self->catalog);

      adw_combo_row_set_expression (ADW_COMBO_ROW (combo),
                                    gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                                 G_CALLBACK (routine_name_for_item), NULL, NULL));
      adw_combo_row_set_model (ADW_COMBO_ROW (combo), routines);
      for (guint i = 0; i < g_list_model_get_n_items (routines); i++)
        {
          g_autoptr(LimberRoutine) routine = g_list_model_get_item (routines, i);

          if (g_strcmp0 (limber_routine_get_id (routine), routine_id) == 0)
            adw_combo_row_set_selected (ADW_COMBO_ROW (combo), i);
        }
    }
  g_signal_connect (combo, "notify::selected", G_CALLBACK (on_routine_selected), row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), combo);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "destructive-action");
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_routine), row);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (remove_row), _("Remove This Reminder"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), remove);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (remove_row), remove);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), remove_row);

  update_routine_row_title (self, row);
  return row;
}

/* Shows a reminder from the setting in an existing row */
static void
update_routine_row (LimberPreferencesWindow *self,
                    GtkWidget               *row,
                    guint                    hour,
                    guint                    minute,
                    guint                    weekdays,
                    const char              *routine_id)
{
  g_autofree char *time = g_strdup_printf ("%02u:%02u", hour, minute);
  GtkWidget *combo = g_object_get_data (G_OBJECT (row), "combo");

  g_object_set_data (G_OBJECT (row), "hour", GUINT_TO_POINTER (hour));
  g_object_set_data (G_OBJECT (row), "minute", GUINT_TO_POINTER (minute));
  g_object_set_data (G_OBJECT (row), "weekdays", GUINT_TO_POINTER (weekdays & 0x7f));
  g_object_set_data_full (G_OBJECT (row), "routine-id", g_strdup (routine_id), g_free);
  _limber_preferences_window_set_text (g_object_get_data (G_OBJECT (row), "time-row"), time);
  for (guint d = 0; d < 7; d++)
    {
      g_autofree char *key = g_strdup_printf ("toggle%u", d);

      gtk_toggle_button_set_active (g_object_get_data (G_OBJECT (row), key), (weekdays & (1 << d)) != 0);
    }
  if (self->catalog != NULL)
    {
      GListModel *routines = limber_catalog_get_routines (self->catalog);

      for (guint i = 0; i < g_list_model_get_n_items (routines); i++)
        {
          g_autoptr(LimberRoutine) routine = g_list_model_get_item (routines, i);

          if (g_strcmp0 (limber_routine_get_id (routine), routine_id) == 0)
            adw_combo_row_set_selected (ADW_COMBO_ROW (combo), i);
        }
    }
  update_routine_row_title (self, row);
}

/* Follows the setting: rows are updated in place, so that one being
 * edited keeps its focus and its text */
static void
rebuild_routines (LimberPreferencesWindow *self)
{
  g_autoptr(GVariant) value = g_settings_get_value (self->settings, "routine-reminders");
  GVariantIter iter;
  guchar hour, minute, weekdays;
  const char *id;
  guint n = 0;

  self->loading = TRUE;
  g_variant_iter_init (&iter, value);
  while (g_variant_iter_next (&iter, "(yyy&s)", &hour, &minute, &weekdays, &id))
    {
      if (n < self->routine_rows->len)
        update_routine_row (self, g_ptr_array_index (self->routine_rows, n),
                            MIN (hour, 23), MIN (minute, 59), weekdays, id);
      else
        {
          GtkWidget *row = make_routine_row (self, MIN (hour, 23), MIN (minute, 59), weekdays, id);

          g_ptr_array_add (self->routine_rows, row);
          adw_preferences_group_add (self->routines_group, row);
        }
      n++;
    }
  while (self->routine_rows->len > n)
    {
      GtkWidget *row = g_ptr_array_steal_index (self->routine_rows, self->routine_rows->len - 1);

      adw_preferences_group_remove (self->routines_group, row);
    }
  self->loading = FALSE;
}

static void
on_add_routine_clicked (LimberPreferencesWindow *self)
{
  GtkWidget *row = make_routine_row (self, 18, 30, 0x1f, "desk-break");

  g_ptr_array_add (self->routine_rows, row);
  adw_preferences_group_add (self->routines_group, row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  save_routines (self);
}

static void
load_times (LimberPreferencesWindow *self)
{
  g_autofree char *checkin = g_settings_get_string (self->settings, "checkin-time");
  g_autofree char *start = g_settings_get_string (self->settings, "quiet-hours-start");
  g_autofree char *end = g_settings_get_string (self->settings, "quiet-hours-end");

  _limber_preferences_window_set_text (GTK_EDITABLE (self->checkin_time_row), checkin);
  _limber_preferences_window_set_text (GTK_EDITABLE (self->quiet_start_row), start);
  _limber_preferences_window_set_text (GTK_EDITABLE (self->quiet_end_row), end);
}

static void
limber_preferences_window_dispose (GObject *object)
{
  LimberPreferencesWindow *self = LIMBER_PREFERENCES_WINDOW (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->catalog);
  g_clear_object (&self->reminders);
  g_clear_object (&self->voice);
  g_clear_pointer (&self->routine_rows, g_ptr_array_unref);
  g_clear_pointer (&self->span_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (limber_preferences_window_parent_class)->dispose (object);
}

static void
limber_preferences_window_class_init (LimberPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, LIMBER_RESOURCE_PREFIX "/ui/limber-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, enabled_switch);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, test_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, breaks_group);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, breaks_switch);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, interval_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, interval_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, idle_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, idle_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, hours_group);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, hours_switch);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, days_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, days_box);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, add_span_button);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, routines_group);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, add_routine_button);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, checkin_switch);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, checkin_time_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, quiet_switch);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, quiet_start_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, quiet_end_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, sound_switch);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, goal_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, prepare_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, switch_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, voice_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, voice_warning);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, voice_switch);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, count_down_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, count_down_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_time_applied);
  gtk_widget_class_bind_template_callback (widget_class, on_test_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_add_routine_clicked);
  gtk_widget_class_bind_template_callback (widget_class, _limber_preferences_window_add_span);
}

static void
limber_preferences_window_init (LimberPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  limber_ui_name_mnemonic_buttons (GTK_WIDGET (self));
  self->routine_rows = g_ptr_array_new ();
  self->span_rows = g_ptr_array_new ();
}

/* The voice row says why the voice is unavailable, when it is: the
 * sound cues go on either way, and no dialog interrupts anything. */
static void
update_voice_row (LimberPreferencesWindow *self)
{
  gboolean available = self->voice != NULL && limber_voice_get_available (self->voice);

  gtk_widget_set_visible (self->voice_warning, !available);
  if (available)
    adw_action_row_set_subtitle (self->voice_row,
                                 _("Says each exercise, side and change aloud, so you need not look up"));
  else if (self->voice != NULL && limber_voice_get_unavailable_reason (self->voice) != NULL)
    {
      /* Translators: %s says why, e.g. “Speech Dispatcher is not installed.” */
      g_autofree char *subtitle = g_strdup_printf (_("Unavailable: %s Sound cues still play."),
                                                   limber_voice_get_unavailable_reason (self->voice));
      adw_action_row_set_subtitle (self->voice_row, subtitle);
    }
  else
    adw_action_row_set_subtitle (self->voice_row, _("Unavailable. Sound cues still play."));
}

/* Turning the voice on says so at once, which also tries the connection:
 * the row can then tell straight away if the voice cannot be had. */
static void
on_voice_switched (LimberPreferencesWindow *self)
{
  if (gtk_switch_get_active (self->voice_switch))
    limber_voice_speak (self->voice, _("Voice coach on."));
}

GtkWidget *
limber_preferences_window_new (GtkWindow             *parent,
                               GSettings             *settings,
                               LimberCatalog         *catalog,
                               LimberRemindersClient *reminders,
                               LimberVoice           *voice)
{
  LimberPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (LIMBER_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->settings = g_object_ref (settings);
  g_set_object (&self->catalog, catalog);
  g_set_object (&self->reminders, reminders);
  g_set_object (&self->voice, voice);

  g_settings_bind (settings, "reminders-enabled", self->enabled_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "break-reminders", self->breaks_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "break-interval-minutes", self->interval_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "idle-break-minutes", self->idle_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "checkin-reminder", self->checkin_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "quiet-hours", self->quiet_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "sound-cues", self->sound_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "weekly-goal-minutes", self->goal_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "get-ready-seconds", self->prepare_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "switch-sides-seconds", self->switch_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "voice-coach", self->voice_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "voice-count-down", self->count_down_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "voice-coach", self->count_down_row, "sensitive", G_SETTINGS_BIND_GET);
  if (voice != NULL)
    {
      g_signal_connect_object (voice, "notify::available", G_CALLBACK (update_voice_row), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->voice_switch, "notify::active", G_CALLBACK (on_voice_switched), self,
                               G_CONNECT_SWAPPED);
    }
  update_voice_row (self);

  g_object_bind_property (self->breaks_switch, "active", self->interval_row, "sensitive", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->breaks_switch, "active", self->idle_row, "sensitive", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->checkin_switch, "active", self->checkin_time_row, "sensitive", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->quiet_switch, "active", self->quiet_start_row, "sensitive", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->quiet_switch, "active", self->quiet_end_row, "sensitive", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->enabled_switch, "active", self->test_row, "sensitive", G_BINDING_SYNC_CREATE);

  load_times (self);
  rebuild_routines (self);
  g_signal_connect_object (settings, "changed::checkin-time", G_CALLBACK (load_times), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::quiet-hours-start", G_CALLBACK (load_times), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::quiet-hours-end", G_CALLBACK (load_times), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::routine-reminders", G_CALLBACK (rebuild_routines), self,
                           G_CONNECT_SWAPPED);
  _limber_preferences_window_setup_hours (self);

  return GTK_WIDGET (self);
}
