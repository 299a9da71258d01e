/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  LIMBER_CUE_PHASE_START,
  LIMBER_CUE_COUNTDOWN,
  LIMBER_CUE_SWITCH_SIDES,
  LIMBER_CUE_DONE,
} LimberCue;

#define LIMBER_TYPE_CUES (limber_cues_get_type ())
G_DECLARE_FINAL_TYPE (LimberCues, limber_cues, LIMBER, CUES, GObject)

LimberCues *limber_cues_new                 (GSettings  *settings);
void        limber_cues_play                (LimberCues *self,
                                             LimberCue   cue);
const char *limber_cues_get_last_event_id   (LimberCues *self);
guint       limber_cues_get_n_played        (LimberCues *self);

G_END_DECLS
