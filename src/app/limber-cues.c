/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-cues"

#include <glib/gi18n.h>
#include <gsound.h>

#include "limber-cues.h"

/* Sound cues from the freedesktop sound theme, through GSound (libcanberra).
 * No sound server, no theme, or a muted setting are all normal: the cue is
 * silently left out and the player goes on. */
struct _LimberCues
{
  GObject        parent_instance;

  GSettings     *settings;
  GSoundContext *context;
  gboolean       unavailable;
  const char    *last_event_id;
  guint          n_played;
};

G_DEFINE_FINAL_TYPE (LimberCues, limber_cues, G_TYPE_OBJECT)

static const struct {
  const char *event_id;
  const char *description;
} cues[] = {
  [LIMBER_CUE_PHASE_START] = { "bell", N_("Phase started") },
  [LIMBER_CUE_COUNTDOWN] = { "audio-volume-change", N_("Countdown") },
  [LIMBER_CUE_SWITCH_SIDES] = { "message-new-instant", N_("Switch sides") },
  [LIMBER_CUE_DONE] = { "complete", N_("Routine complete") },
};

static void
limber_cues_dispose (GObject *object)
{
  LimberCues *self = LIMBER_CUES (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (limber_cues_parent_class)->dispose (object);
}

static void
limber_cues_class_init (LimberCuesClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = limber_cues_dispose;
}

static void
limber_cues_init (LimberCues *self)
{
}

/**
 * limber_cues_new:
 * @settings: (nullable): the app settings, for the `sound-cues` key
 */
LimberCues *
limber_cues_new (GSettings *settings)
{
  LimberCues *self = g_object_new (LIMBER_TYPE_CUES, NULL);

  g_set_object (&self->settings, settings);
  return self;
}

static void
played_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!gsound_context_play_full_finish (GSOUND_CONTEXT (source), result, &error))
    g_debug ("Could not play a cue: %s", error->message);
}

void
limber_cues_play (LimberCues *self,
                  LimberCue   cue)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LIMBER_IS_CUES (self));
  g_return_if_fail (cue < G_N_ELEMENTS (cues));

  if (self->settings != NULL && !g_settings_get_boolean (self->settings, "sound-cues"))
    return;

  self->last_event_id = cues[cue].event_id;
  self->n_played++;

  if (self->unavailable)
    return;

  if (self->context == NULL)
    {
      self->context = gsound_context_new (NULL, &error);
      if (self->context == NULL)
        {
          /* said once, not on every cue */
          g_message ("Sound cues are off: %s", error->message);
          self->unavailable = TRUE;
          return;
        }
    }

  gsound_context_play_full (self->context, NULL, played_cb, NULL,
                            GSOUND_ATTR_EVENT_ID, cues[cue].event_id,
                            GSOUND_ATTR_EVENT_DESCRIPTION, _(cues[cue].description),
                            GSOUND_ATTR_MEDIA_ROLE, "event",
                            NULL);
}

/**
 * limber_cues_get_last_event_id:
 *
 * Returns: (nullable): the sound-theme name of the last cue asked for while
 * cues were on, whether or not a sound server could play it.
 */
const char *
limber_cues_get_last_event_id (LimberCues *self)
{
  g_return_val_if_fail (LIMBER_IS_CUES (self), NULL);
  return self->last_event_id;
}

guint
limber_cues_get_n_played (LimberCues *self)
{
  g_return_val_if_fail (LIMBER_IS_CUES (self), 0);
  return self->n_played;
}
