/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "limber-clock.h"
#include "limber-cues.h"
#include "limber-voice.h"
#include "limber-journal.h"
#include "limber-player.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_PLAYER_VIEW (limber_player_view_get_type ())
G_DECLARE_FINAL_TYPE (LimberPlayerView, limber_player_view, LIMBER, PLAYER_VIEW, GtkWidget)

void          limber_player_view_play        (LimberPlayerView *self,
                                              LimberRoutine    *routine);
LimberPlayer *limber_player_view_get_player  (LimberPlayerView *self);
void          limber_player_view_set_clock   (LimberPlayerView *self,
                                              LimberClock      *clock);
void          limber_player_view_set_journal (LimberPlayerView *self,
                                              LimberJournal    *journal);
void          limber_player_view_set_voice   (LimberPlayerView *self,
                                              LimberVoice      *voice);
void          limber_player_view_set_cues    (LimberPlayerView *self,
                                              LimberCues       *cues);
gint64        limber_player_view_get_session_id (LimberPlayerView *self);
int           limber_player_view_get_rating  (LimberPlayerView *self);
void          limber_player_view_refresh     (LimberPlayerView *self);

char         *limber_format_clock            (gint64 microseconds);

G_END_DECLS
