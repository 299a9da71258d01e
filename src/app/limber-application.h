/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "limber-catalog.h"
#include "limber-cues.h"
#include "limber-voice.h"
#include "limber-journal.h"
#include "limber-reminders-client.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_APPLICATION (limber_application_get_type ())
G_DECLARE_FINAL_TYPE (LimberApplication, limber_application, LIMBER, APPLICATION, AdwApplication)

LimberApplication *limber_application_new         (void);
LimberCatalog     *limber_application_get_catalog (LimberApplication *self);
GSettings         *limber_application_get_settings (LimberApplication *self);
LimberJournal     *limber_application_get_journal  (LimberApplication *self);
LimberCues        *limber_application_get_cues     (LimberApplication *self);
LimberVoice       *limber_application_get_voice    (LimberApplication *self);
LimberRemindersClient *limber_application_get_reminders (LimberApplication *self);

G_END_DECLS
