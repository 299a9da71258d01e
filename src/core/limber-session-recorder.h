/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "limber-journal.h"
#include "limber-player.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_SESSION_RECORDER (limber_session_recorder_get_type ())
G_DECLARE_FINAL_TYPE (LimberSessionRecorder, limber_session_recorder, LIMBER, SESSION_RECORDER, GObject)

LimberSessionRecorder *limber_session_recorder_new            (LimberJournal         *journal,
                                                               LimberPlayer          *player);
gint64                 limber_session_recorder_get_session_id (LimberSessionRecorder *self);
gboolean               limber_session_recorder_set_rating     (LimberSessionRecorder *self,
                                                               int                    rating,
                                                               GError               **error);
gboolean               limber_session_recorder_retry          (LimberSessionRecorder *self,
                                                               GError               **error);
guint                  limber_session_recorder_get_n_unsaved  (LimberSessionRecorder *self);
const GError          *limber_session_recorder_get_unsaved_error (LimberSessionRecorder *self);

G_END_DECLS
