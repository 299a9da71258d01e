/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The main window's state, shared by limber-window.c (the window, its
 * pages, check-ins and exports), limber-window-routines.c (making,
 * editing, sharing and deleting routines), limber-window-programs.c (the
 * program's actions and rules) and limber-window-learn.c (the Learn
 * page). */

#include "limber-cues.h"
#include "limber-reminders-client.h"
#include "limber-routine-page.h"
#include "limber-today-page.h"
#include "limber-window.h"

G_BEGIN_DECLS

struct _LimberWindow
{
  AdwApplicationWindow  parent_instance;

  LimberCatalog        *catalog;
  GSettings            *settings;
  LimberJournal        *journal;
  LimberCues           *cues;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkListBox           *routine_list;
  GtkWidget            *routines_heading;
  LimberRoutinePage    *routine_page;
  gboolean              close_confirmed;
  AdwViewSwitcherBar   *switcher_bar;
  LimberVoice          *voice;
  /* Built when first needed (start-up shows the routine list first):
   * see ensure_player_view() and ensure_history_page(). */
  LimberPlayerView     *player_view;
  AdwBin               *history_bin;
  AdwBin               *today_bin;
  LimberTodayPage      *today_page;
  LimberHistoryPage    *history_page;
  AdwViewStack         *view_stack;
  LimberCheckin        *deleted;     /* for Undo */
  LimberSessionInfo    *deleted_session;       /* for Undo, with its parts */
  GPtrArray            *deleted_session_parts;
  LimberRoutineDraft   *deleted_routine;  /* for Undo */
  LimberRemindersClient *reminders;
  guint                 reminder_tick;
  GtkWidget            *reminder_bar;
  GtkLabel             *reminder_label;
  GtkRevealer          *reminders_error_revealer;
  GtkLabel             *reminders_error_label;
  /* Learn: built when first opened (limber-window-learn.c) */
  GtkWidget            *learn_page;
  /* for tests: see limber_window_set_now_func() */
  GDateTime          *(*now_func) (gpointer user_data);
  gpointer              now_data;
};

void _limber_window_show_error_toast     (LimberWindow    *self,
                                          const char      *message);
void _limber_window_routines_class_init  (GtkWidgetClass  *widget_class);
void _limber_window_export_class_init    (GtkWidgetClass  *widget_class);
void _limber_window_programs_class_init  (GtkWidgetClass  *widget_class);
void _limber_window_routines_init        (LimberWindow    *self);
void _limber_window_routines_dispose     (LimberWindow    *self);
void _limber_window_learn_class_init     (GtkWidgetClass  *widget_class);
void _limber_window_programs_update      (LimberWindow    *self);
GDateTime *_limber_window_get_now        (LimberWindow    *self);

G_END_DECLS
