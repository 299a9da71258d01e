/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "limber-voice.h"

G_BEGIN_DECLS

void        _limber_voice_set_timeouts   (LimberVoice   *self,
                                          guint          connect_seconds,
                                          guint          io_seconds);

/* limber-voice-script.c: the words */
char       *_limber_voice_script_phase   (LimberPlayer  *player,
                                          guint          index);
const char *_limber_voice_script_count   (LimberPlayer  *player,
                                          guint          seconds_left);
const char *_limber_voice_script_outcome (LimberOutcome  outcome);

G_END_DECLS
