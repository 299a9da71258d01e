/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "limber-player.h"

G_BEGIN_DECLS

#define LIMBER_VOICE_ERROR (limber_voice_error_quark ())

typedef enum
{
  LIMBER_VOICE_ERROR_NOT_INSTALLED,  /* no speech-dispatcher program to start */
  LIMBER_VOICE_ERROR_NO_ANSWER,      /* it could not be reached, or stopped replying */
} LimberVoiceError;

GQuark limber_voice_error_quark (void);

#define LIMBER_TYPE_VOICE (limber_voice_get_type ())
G_DECLARE_FINAL_TYPE (LimberVoice, limber_voice, LIMBER, VOICE, GObject)

LimberVoice  *limber_voice_new                    (GSettings    *settings);
void          limber_voice_follow                 (LimberVoice  *self,
                                                   LimberPlayer *player);
LimberPlayer *limber_voice_get_player             (LimberVoice  *self);
void          limber_voice_speak                  (LimberVoice  *self,
                                                   const char   *text);
void          limber_voice_cancel                 (LimberVoice  *self);
gboolean      limber_voice_get_available          (LimberVoice  *self);
const char   *limber_voice_get_unavailable_reason (LimberVoice  *self);

G_END_DECLS
