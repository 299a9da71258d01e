/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "limber-preferences-window.h"

G_BEGIN_DECLS

struct _LimberPreferencesWindow
{
  AdwPreferencesWindow   parent_instance;

  GSettings             *settings;
  LimberCatalog         *catalog;
  LimberRemindersClient *reminders;
  LimberVoice           *voice;
  GPtrArray             *routine_rows;
  GPtrArray             *span_rows;
  gboolean               loading;

  GtkSwitch             *enabled_switch;
  GtkWidget             *test_row;
  AdwPreferencesGroup   *breaks_group;
  GtkSwitch             *breaks_switch;
  GtkWidget             *interval_row;
  GtkSpinButton         *interval_spin;
  GtkWidget             *idle_row;
  GtkSpinButton         *idle_spin;
  AdwPreferencesGroup   *hours_group;
  GtkSwitch             *hours_switch;
  GtkWidget             *days_row;
  GtkBox                *days_box;
  GtkWidget             *add_span_button;
  AdwPreferencesGroup   *routines_group;
  GtkWidget             *add_routine_button;
  GtkSwitch             *checkin_switch;
  AdwEntryRow           *checkin_time_row;
  GtkSwitch             *quiet_switch;
  AdwEntryRow           *quiet_start_row;
  AdwEntryRow           *quiet_end_row;
  GtkSwitch             *sound_switch;
  GtkSpinButton         *goal_spin;
  GtkSpinButton         *prepare_spin;
  GtkSpinButton         *switch_spin;
  AdwActionRow          *voice_row;
  GtkWidget             *voice_warning;
  GtkSwitch             *voice_switch;
  GtkWidget             *count_down_row;
  GtkSwitch             *count_down_switch;
};

const char *_limber_preferences_window_weekday_letter (guint                    day);
const char *_limber_preferences_window_weekday_name   (guint                    day);
void        _limber_preferences_window_set_text       (GtkEditable             *entry,
                                                       const char              *text);
void        _limber_preferences_window_setup_hours    (LimberPreferencesWindow *self);
void        _limber_preferences_window_add_span       (LimberPreferencesWindow *self);

G_END_DECLS
