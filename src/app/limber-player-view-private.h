/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "limber-countdown.h"
#include "limber-digits.h"
#include "limber-illustration.h"
#include "limber-player-view.h"
#include "limber-rating.h"
#include "limber-session-recorder.h"

G_BEGIN_DECLS

/* What limber-player-view.c (the controls, the session, the summary) and
 * limber-player-view-display.c (what the coach shows of the phase and the
 * clock) share. */

struct _LimberPlayerView
{
  GtkWidget              parent_instance;

  LimberPlayer          *player;
  LimberSessionRecorder *recorder;
  LimberClock           *clock;
  LimberJournal         *journal;
  LimberCues            *cues;
  LimberVoice           *voice;
  LimberClock           *timer_clock;   /* the one refresh_id belongs to */
  guint                  refresh_id;
  guint                  inhibit_cookie;
  gboolean               held;          /* paused because a dialog is open */
  gboolean               fullscreen;
  guint                  n_steps_done;
  guint                  n_steps_skipped;
  GArray                *step_skipped;

  GtkWidget             *box;
  GtkWidget             *header_bar;
  AdwWindowTitle        *window_title;
  GtkStack              *stack;
  GtkWidget             *coach;
  GtkWidget             *paused_box;
  GtkWidget             *coach_button;
  LimberCountdown       *countdown;
  LimberIllustration    *illustration;
  LimberDigits          *seconds_label;
  GtkLabel              *phase_label;
  GtkLabel              *name_label;
  GtkLabel              *detail_label;
  GtkLabel              *instructions_label;
  GtkLabel              *next_label;
  GtkInscription        *remaining_label;
  GtkButton             *pause_button;
  GtkWidget             *previous_button;
  GtkWidget             *skip_button;
  GtkWidget             *next_button;
  GtkWidget             *stop_button;
  GtkWidget             *hurts_button;
  AdwStatusPage         *summary_page;
  LimberRating          *rating;
  GtkLabel              *rating_saved_label;

  /* the phase in words, for screen readers: see update_descriptions() */
  char                  *announcement;
};

void _limber_player_view_update_clock (LimberPlayerView *self);
void _limber_player_view_update_phase (LimberPlayerView *self);
void _limber_player_view_update_descriptions (LimberPlayerView *self);

G_END_DECLS
