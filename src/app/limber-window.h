/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "limber-application.h"
#include "limber-history-page.h"
#include "limber-player-view.h"
#include "limber-today-page.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_WINDOW (limber_window_get_type ())
G_DECLARE_FINAL_TYPE (LimberWindow, limber_window, LIMBER, WINDOW, AdwApplicationWindow)

LimberWindow *limber_window_new           (LimberApplication *application);
void          limber_window_show_routine  (LimberWindow      *self,
                                           LimberRoutine     *routine);
void          limber_window_start_routine (LimberWindow      *self,
                                           LimberRoutine     *routine);
void          limber_window_show_exercise (LimberWindow      *self,
                                           LimberExercise    *exercise);
void          limber_window_show_routines (LimberWindow      *self);
void          limber_window_check_in      (LimberWindow      *self);
void          limber_window_journal_changed (LimberWindow    *self,
                                             const char      *toast);
void          limber_window_show_error    (LimberWindow      *self,
                                           const char        *heading,
                                           const char        *format,
                                           ...) G_GNUC_PRINTF (3, 4);
void               limber_window_routine_imported (LimberWindow  *self,
                                                   LimberRoutine *routine);
LimberPlayerView  *limber_window_get_player_view  (LimberWindow *self);
LimberHistoryPage *limber_window_get_history_page (LimberWindow *self);
void               limber_window_set_visible_page (LimberWindow *self,
                                                   const char   *name);
LimberTodayPage   *limber_window_get_today_page   (LimberWindow *self);
void               limber_window_set_now_func     (LimberWindow   *self,
                                                   GDateTime    *(*now_func) (gpointer user_data),
                                                   gpointer        user_data);

G_END_DECLS
