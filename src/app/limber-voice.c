/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-voice"

#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/time.h>

#include <glib/gi18n-lib.h>
#include <libspeechd.h>

#include "limber-voice-private.h"

/* The voice coach: says what to do as a routine plays, through Speech
 * Dispatcher (SSIP), for people who follow a routine lying on the floor.
 *
 * Nothing here may block the main loop. libspeechd is synchronous (every
 * command waits for its reply), so the connection is opened in a GTask
 * thread the first time something must be said, and every later command
 * goes through a one-thread pool that owns the connection, in order.
 * While connecting, only the latest announcement is kept.
 *
 * Each announcement replaces the one before: CANCEL SELF, then SPEAK with
 * priority "message". The priority alone would not do: in SSIP a message
 * of priority "message" waits for the one being spoken ("it doesn't
 * interrupt itself"), and priority "text" is postponed by other clients'
 * messages, such as a screen reader's.
 *
 * A missing or silent daemon is normal, not a bug: "available" turns FALSE
 * with a reason for people, the player goes on, and nothing is queued. Every
 * read and write on the socket has a time limit, so a daemon that stops
 * answering fails the command instead of hanging the pool; opening the
 * connection has a watchdog on the main loop. The next routine, or turning
 * the voice off and on, tries again. */

/* How long a connected daemon may take to answer one command. */
#define IO_TIMEOUT_SECONDS 5
/* How long opening the connection (maybe starting the daemon) may take. */
#define CONNECT_TIMEOUT_SECONDS 15

G_DEFINE_QUARK (limber-voice-error-quark, limber_voice_error)

typedef enum
{
  CONNECTION_NONE,
  CONNECTION_OPENING,
  CONNECTION_READY,
  CONNECTION_FAILED,
} ConnectionState;

/* The open connection, shared by the main thread and the pool's thread:
 * only the pool's thread talks over it. */
typedef struct
{
  gatomicrefcount  ref_count;
  SPDConnection   *connection;
  int              broken;          /* atomic */
  GMainContext    *context;
  GWeakRef         voice;
} Speaker;

/* One thing for the pool to do: cancel what is being said, then say @text
 * (if any). */
typedef struct
{
  Speaker  *speaker;
  gboolean  cancel;
  char     *text;
} Command;

struct _LimberVoice
{
  GObject          parent_instance;

  GSettings       *settings;
  LimberPlayer    *player;

  ConnectionState  state;
  GCancellable    *opening;
  guint            watchdog_id;
  char            *pending;         /* to say once connected */
  Speaker         *speaker;
  GThreadPool     *pool;

  gboolean         available;
  char            *unavailable_reason;

  guint            connect_timeout;  /* seconds */
  guint            io_timeout;
};

G_DEFINE_FINAL_TYPE (LimberVoice, limber_voice, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_PLAYER,
  PROP_AVAILABLE,
  PROP_UNAVAILABLE_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* libspeechd writes to its socket with write(): a daemon that went away
 * must give EPIPE, not a SIGPIPE that ends the program. The signal is
 * blocked in this thread only, and one raised meanwhile is taken away
 * before the mask is put back. */
static void
block_sigpipe (sigset_t *old)
{
  sigset_t set;

  sigemptyset (&set);
  sigaddset (&set, SIGPIPE);
  pthread_sigmask (SIG_BLOCK, &set, old);
}

static void
unblock_sigpipe (const sigset_t *old)
{
  const struct timespec no_wait = { 0, 0 };
  sigset_t set;

  sigemptyset (&set);
  sigaddset (&set, SIGPIPE);
  while (sigtimedwait (&set, NULL, &no_wait) > 0)
    ;
  pthread_sigmask (SIG_SETMASK, old, NULL);
}

static Speaker *
speaker_new (LimberVoice   *voice,
             SPDConnection *connection)
{
  Speaker *speaker = g_new0 (Speaker, 1);

  g_atomic_ref_count_init (&speaker->ref_count);
  speaker->connection = connection;
  speaker->context = g_main_context_ref_thread_default ();
  g_weak_ref_init (&speaker->voice, voice);
  return speaker;
}

static Speaker *
speaker_ref (Speaker *speaker)
{
  g_atomic_ref_count_inc (&speaker->ref_count);
  return speaker;
}

static void
speaker_unref (Speaker *speaker)
{
  if (!g_atomic_ref_count_dec (&speaker->ref_count))
    return;

  /* closing does not talk to the daemon: it cannot block */
  spd_close (speaker->connection);
  g_weak_ref_clear (&speaker->voice);
  g_main_context_unref (speaker->context);
  g_free (speaker);
}

static void
command_free (Command *command)
{
  speaker_unref (command->speaker);
  g_free (command->text);
  g_free (command);
}

static void
set_available (LimberVoice *self,
               gboolean     available,
               const char  *reason)
{
  if (available)
    reason = NULL;

  if (g_strcmp0 (reason, self->unavailable_reason) != 0)
    {
      g_free (self->unavailable_reason);
      self->unavailable_reason = g_strdup (reason);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNAVAILABLE_REASON]);
    }

  if (self->available != available)
    {
      self->available = available;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABLE]);
    }
}

static char *
reason_for_error (const GError *error)
{
  if (g_error_matches (error, LIMBER_VOICE_ERROR, LIMBER_VOICE_ERROR_NOT_INSTALLED))
    return g_strdup (_("Speech Dispatcher is not installed."));

  /* Translators: %s is the technical reason, in English, from Speech Dispatcher */
  return g_strdup_printf (_("Speech Dispatcher does not answer: %s"), error->message);
}

/* Lets go of the connection; commands already queued still run (they
 * are quick to fail on a broken one), then the pool's thread ends. */
static void
drop_speaker (LimberVoice *self)
{
  if (self->pool != NULL)
    {
      g_thread_pool_free (self->pool, FALSE, FALSE);
      self->pool = NULL;
    }
  g_clear_pointer (&self->speaker, speaker_unref);
}

static void
fail (LimberVoice  *self,
      const GError *error)
{
  g_autofree char *reason = reason_for_error (error);

  g_debug ("Voice unavailable: %s", error->message);

  drop_speaker (self);
  g_clear_pointer (&self->pending, g_free);
  self->state = CONNECTION_FAILED;
  set_available (self, FALSE, reason);
}

static gboolean
speaker_failed_cb (gpointer user_data)
{
  Speaker *speaker = user_data;
  g_autoptr(LimberVoice) self = g_weak_ref_get (&speaker->voice);
  g_autoptr(GError) error = NULL;

  if (self == NULL || self->speaker != speaker)
    return G_SOURCE_REMOVE;

  error = g_error_new_literal (LIMBER_VOICE_ERROR, LIMBER_VOICE_ERROR_NO_ANSWER,
                               /* Translators: why the voice coach stopped */
                               _("it stopped replying."));
  fail (self, error);
  return G_SOURCE_REMOVE;
}

/* In the pool's thread. */
static void
run_command (gpointer data,
             gpointer user_data)
{
  Command *command = data;
  Speaker *speaker = command->speaker;
  gboolean ok = TRUE;
  sigset_t old;

  if (!g_atomic_int_get (&speaker->broken))
    {
      block_sigpipe (&old);
      if (command->cancel && spd_cancel (speaker->connection) != 0)
        ok = FALSE;
      if (ok && command->text != NULL &&
          spd_say (speaker->connection, SPD_MESSAGE, command->text) < 0)
        ok = FALSE;
      unblock_sigpipe (&old);

      if (!ok && g_atomic_int_compare_and_exchange (&speaker->broken, FALSE, TRUE))
        {
          /* not g_main_context_invoke(): that may run the callback here,
           * in this thread, when no one is iterating the context */
          g_autoptr(GSource) source = g_idle_source_new ();

          g_source_set_callback (source, speaker_failed_cb, speaker_ref (speaker),
                                 (GDestroyNotify) speaker_unref);
          g_source_set_static_name (source, "[limber-voice] speaker failed");
          g_source_attach (source, speaker->context);
        }
    }

  command_free (command);
}

static void
push_command (LimberVoice *self,
              gboolean     cancel,
              const char  *text)
{
  Command *command;
  g_autoptr(GError) error = NULL;

  g_assert (self->state == CONNECTION_READY);

  command = g_new0 (Command, 1);
  command->speaker = speaker_ref (self->speaker);
  command->cancel = cancel;
  command->text = g_strdup (text);

  if (!g_thread_pool_push (self->pool, command, &error))
    {
      g_debug ("Could not queue speech: %s", error->message);
      command_free (command);
    }
}

static gboolean
daemon_installed (void)
{
  const char *command = g_getenv ("SPEECHD_CMD");
  g_autofree char *path = NULL;

  /* where libspeechd's autospawn looks for it */
  if (command == NULL || *command == '\0')
    command = "speech-dispatcher";
  path = g_find_program_in_path (command);
  return path != NULL;
}

static char *
ssip_language (void)
{
  /* Translators: the code of this translation's language, such as “de” or “pt-BR”, for the voice */
  return g_strdup (C_("speech language", "en"));
}

typedef struct
{
  char  *language;
  guint  io_timeout;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_free (data->language);
  g_free (data);
}

/* In a GTask thread: may start the daemon (autospawn) and wait for it. */
static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *data = task_data;
  const char *language = data->language;
  const struct timeval limit = { data->io_timeout, 0 };
  SPDConnection *connection;
  char *spd_error = NULL;
  sigset_t old;

  block_sigpipe (&old);
  connection = spd_open2 ("limber", "main", NULL, SPD_MODE_SINGLE, NULL, FALSE, &spd_error);
  unblock_sigpipe (&old);

  if (connection == NULL)
    {
      g_debug ("No Speech Dispatcher running: %s", spd_error);
      /* allocated with malloc() by libspeechd */
      g_clear_pointer (&spd_error, free);

      /* Start it (autospawn) with SIGPIPE unblocked: the daemon and its
       * modules inherit the signal mask. */
      connection = spd_open2 ("limber", "main", NULL, SPD_MODE_SINGLE, NULL, TRUE, &spd_error);
    }

  if (connection == NULL)
    {
      g_autofree char *message = g_strstrip (g_strdup (spd_error ? spd_error : "no connection"));

      free (spd_error);
      g_task_return_new_error (task, LIMBER_VOICE_ERROR,
                               daemon_installed () ? LIMBER_VOICE_ERROR_NO_ANSWER
                                                   : LIMBER_VOICE_ERROR_NOT_INSTALLED,
                               "%s", message);
      return;
    }

  setsockopt (connection->socket, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
  setsockopt (connection->socket, SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof limit);

  /* also the first round trip: spd_open2() does not check its reply */
  block_sigpipe (&old);
  if (spd_set_language (connection, language) != 0)
    {
      spd_close (connection);
      unblock_sigpipe (&old);
      g_task_return_new_error (task, LIMBER_VOICE_ERROR, LIMBER_VOICE_ERROR_NO_ANSWER,
                               "%s", _("it did not reply."));
      return;
    }

  unblock_sigpipe (&old);
  g_task_return_pointer (task, connection, (GDestroyNotify) spd_close);
}

static void
open_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  LimberVoice *self = LIMBER_VOICE (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *pending = NULL;
  SPDConnection *connection;

  /* given up on (watchdog, dispose, voice turned off): the result, if
   * any, is closed with the task */
  if (g_task_get_cancellable (G_TASK (result)) != self->opening)
    return;

  g_clear_object (&self->opening);
  g_clear_handle_id (&self->watchdog_id, g_source_remove);

  connection = g_task_propagate_pointer (G_TASK (result), &error);
  if (connection == NULL)
    {
      fail (self, error);
      return;
    }

  g_debug ("Connected to Speech Dispatcher");

  self->speaker = speaker_new (self, connection);
  self->pool = g_thread_pool_new_full (run_command, NULL, (GDestroyNotify) command_free,
                                       1, FALSE, NULL);
  self->state = CONNECTION_READY;
  set_available (self, TRUE, NULL);

  pending = g_steal_pointer (&self->pending);
  if (pending != NULL)
    push_command (self, TRUE, pending);
}

static void
stop_opening (LimberVoice *self)
{
  if (self->opening != NULL)
    g_cancellable_cancel (self->opening);
  g_clear_object (&self->opening);
  g_clear_handle_id (&self->watchdog_id, g_source_remove);
}

static gboolean
watchdog_cb (gpointer user_data)
{
  LimberVoice *self = user_data;
  g_autoptr(GError) error = NULL;
  guint seconds = self->connect_timeout;

  self->watchdog_id = 0;
  stop_opening (self);

  error = g_error_new (LIMBER_VOICE_ERROR, LIMBER_VOICE_ERROR_NO_ANSWER,
                       /* Translators: why the voice coach is unavailable */
                       g_dngettext (GETTEXT_PACKAGE,
                                    "no reply within %u second.",
                                    "no reply within %u seconds.",
                                    seconds),
                       seconds);
  fail (self, error);
  return G_SOURCE_REMOVE;
}

static void
start_opening (LimberVoice *self)
{
  g_autoptr(GTask) task = NULL;
  OpenData *data;

  g_assert (self->opening == NULL);

  g_debug ("Connecting to Speech Dispatcher");

  self->state = CONNECTION_OPENING;
  self->opening = g_cancellable_new ();
  /* the result comes back even if cancelled, to be closed */
  task = g_task_new (self, self->opening, open_done, NULL);
  g_task_set_source_tag (task, start_opening);
  g_task_set_check_cancellable (task, FALSE);
  data = g_new0 (OpenData, 1);
  data->language = ssip_language ();
  data->io_timeout = self->io_timeout;
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, open_thread);

  self->watchdog_id = g_timeout_add_seconds (self->connect_timeout, watchdog_cb, self);
}

/* Forgets a failure so that the next announcement tries again. */
static void
allow_retry (LimberVoice *self)
{
  if (self->state == CONNECTION_FAILED)
    self->state = CONNECTION_NONE;
}

static gboolean
enabled (LimberVoice *self)
{
  return self->settings != NULL && g_settings_get_boolean (self->settings, "voice-coach");
}

/* Replaces whatever is being said with @text; with %NULL, just stops. */
static void
announce (LimberVoice *self,
          const char  *text)
{
  if (!enabled (self))
    return;

  switch (self->state)
    {
    case CONNECTION_NONE:
      if (text == NULL)
        break;
      start_opening (self);
      G_GNUC_FALLTHROUGH;

    case CONNECTION_OPENING:
      g_free (self->pending);
      self->pending = g_strdup (text);
      break;

    case CONNECTION_READY:
      if (text != NULL)
        g_debug ("Saying “%s”", text);
      push_command (self, TRUE, text);
      break;

    case CONNECTION_FAILED:
    default:
      if (text != NULL)
        g_debug ("Not said, no voice: “%s”", text);
      break;
    }
}

static void
on_phase_changed (LimberVoice  *self,
                  guint         index,
                  LimberPlayer *player)
{
  g_autofree char *text = _limber_voice_script_phase (player, index);

  announce (self, text);
}

static void
on_countdown (LimberVoice  *self,
              guint         seconds_left,
              LimberPlayer *player)
{
  const char *text = _limber_voice_script_count (player, seconds_left);

  if (text != NULL && enabled (self) &&
      g_settings_get_boolean (self->settings, "voice-count-down"))
    announce (self, text);
}

static void
on_finished (LimberVoice   *self,
             LimberOutcome  outcome,
             LimberPlayer  *player)
{
  announce (self, _limber_voice_script_outcome (outcome));
}

static void
on_state_changed (LimberVoice  *self,
                  GParamSpec   *pspec,
                  LimberPlayer *player)
{
  if (limber_player_get_state (player) == LIMBER_PLAYER_STATE_PAUSED)
    announce (self, NULL);
}

static void
on_settings_changed (LimberVoice *self,
                     const char  *key,
                     GSettings   *settings)
{
  if (g_strcmp0 (key, "voice-coach") != 0)
    return;

  if (enabled (self))
    {
      allow_retry (self);
      return;
    }

  /* turned off: silence now, and do not start the daemon later */
  g_clear_pointer (&self->pending, g_free);
  if (self->state == CONNECTION_READY)
    push_command (self, TRUE, NULL);
  else if (self->state == CONNECTION_OPENING)
    {
      stop_opening (self);
      self->state = CONNECTION_NONE;
    }
}

static void
limber_voice_constructed (GObject *object)
{
  LimberVoice *self = LIMBER_VOICE (object);

  G_OBJECT_CLASS (limber_voice_parent_class)->constructed (object);

  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed",
                             G_CALLBACK (on_settings_changed), self, G_CONNECT_SWAPPED);
}

static void
limber_voice_dispose (GObject *object)
{
  LimberVoice *self = LIMBER_VOICE (object);

  if (self->player != NULL)
    g_signal_handlers_disconnect_by_data (self->player, self);
  g_clear_object (&self->player);
  stop_opening (self);
  drop_speaker (self);
  g_clear_pointer (&self->pending, g_free);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (limber_voice_parent_class)->dispose (object);
}

static void
limber_voice_finalize (GObject *object)
{
  LimberVoice *self = LIMBER_VOICE (object);

  g_free (self->unavailable_reason);

  G_OBJECT_CLASS (limber_voice_parent_class)->finalize (object);
}

static void
limber_voice_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LimberVoice *self = LIMBER_VOICE (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_PLAYER:
      g_value_set_object (value, self->player);
      break;

    case PROP_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;

    case PROP_UNAVAILABLE_REASON:
      g_value_set_string (value, self->unavailable_reason);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_voice_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LimberVoice *self = LIMBER_VOICE (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_voice_class_init (LimberVoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = limber_voice_constructed;
  object_class->dispose = limber_voice_dispose;
  object_class->finalize = limber_voice_finalize;
  object_class->get_property = limber_voice_get_property;
  object_class->set_property = limber_voice_set_property;

  /**
   * LimberVoice:settings:
   *
   * The app settings: `voice-coach` turns the voice on, `voice-count-down`
   * counts the last seconds of each hold.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * LimberVoice:player:
   *
   * The player being followed, set with limber_voice_follow().
   */
  properties[PROP_PLAYER] =
    g_param_spec_object ("player", NULL, NULL,
                         LIMBER_TYPE_PLAYER,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * LimberVoice:available:
   *
   * FALSE once Speech Dispatcher could not be reached; TRUE before the
   * first try and while it answers.
   */
  properties[PROP_AVAILABLE] =
    g_param_spec_boolean ("available", NULL, NULL,
                          TRUE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * LimberVoice:unavailable-reason:
   *
   * Why the voice is unavailable, a sentence for people; %NULL while
   * available.
   */
  properties[PROP_UNAVAILABLE_REASON] =
    g_param_spec_string ("unavailable-reason", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
limber_voice_init (LimberVoice *self)
{
  self->available = TRUE;
  self->state = CONNECTION_NONE;
  self->connect_timeout = CONNECT_TIMEOUT_SECONDS;
  self->io_timeout = IO_TIMEOUT_SECONDS;
}

/**
 * limber_voice_new:
 * @settings: (nullable): the app settings (schema `io.github.limber.Limber`);
 *   without them (no schema installed) the voice stays off
 *
 * Nothing is connected until the voice is on and there is something to say.
 *
 * Returns: (transfer full): a voice coach following no player
 */
LimberVoice *
limber_voice_new (GSettings *settings)
{
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (LIMBER_TYPE_VOICE, "settings", settings, NULL);
}

/**
 * limber_voice_follow:
 * @self: a voice coach
 * @player: (nullable): the player to follow, %NULL to stop following
 *
 * Speaks as @player moves from phase to phase. A player already playing
 * has its current phase announced at once, so this may be called right
 * after limber_player_start(). Following a new player also tries Speech
 * Dispatcher again if it failed before.
 */
void
limber_voice_follow (LimberVoice  *self,
                     LimberPlayer *player)
{
  LimberPlayerState state;

  g_return_if_fail (LIMBER_IS_VOICE (self));
  g_return_if_fail (player == NULL || LIMBER_IS_PLAYER (player));

  if (player == self->player)
    return;

  if (self->player != NULL)
    {
      LimberPlayerState old_state = limber_player_get_state (self->player);

      g_signal_handlers_disconnect_by_data (self->player, self);
      g_clear_object (&self->player);
      /* what is said at the end, such as “Well done”, is let finish */
      if (old_state == LIMBER_PLAYER_STATE_RUNNING || old_state == LIMBER_PLAYER_STATE_PAUSED)
        announce (self, NULL);
    }

  if (player == NULL)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYER]);
      return;
    }

  self->player = g_object_ref (player);
  allow_retry (self);

  g_signal_connect_object (player, "phase-changed", G_CALLBACK (on_phase_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (player, "countdown", G_CALLBACK (on_countdown), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (player, "finished", G_CALLBACK (on_finished), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (player, "notify::state", G_CALLBACK (on_state_changed), self, G_CONNECT_SWAPPED);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYER]);

  state = limber_player_get_state (player);
  if (state == LIMBER_PLAYER_STATE_RUNNING || state == LIMBER_PLAYER_STATE_PAUSED)
    on_phase_changed (self, limber_player_get_phase_index (player), player);
}

/**
 * limber_voice_get_player:
 *
 * Returns: (nullable) (transfer none): the player followed
 */
LimberPlayer *
limber_voice_get_player (LimberVoice *self)
{
  g_return_val_if_fail (LIMBER_IS_VOICE (self), NULL);
  return self->player;
}

/**
 * limber_voice_speak:
 * @self: a voice coach
 * @text: a sentence, already translated
 *
 * Says @text in place of whatever is being said, if the voice coach is on;
 * for example to let people hear the voice when they turn it on.
 */
void
limber_voice_speak (LimberVoice *self,
                    const char  *text)
{
  g_return_if_fail (LIMBER_IS_VOICE (self));
  g_return_if_fail (text != NULL);

  allow_retry (self);
  announce (self, text);
}

/**
 * limber_voice_cancel:
 * @self: a voice coach
 *
 * Stops what is being said.
 */
void
limber_voice_cancel (LimberVoice *self)
{
  g_return_if_fail (LIMBER_IS_VOICE (self));

  g_clear_pointer (&self->pending, g_free);
  announce (self, NULL);
}

/**
 * limber_voice_get_available:
 * @self: a voice coach
 *
 * Returns: %FALSE once Speech Dispatcher could not be reached (see
 *   #LimberVoice:unavailable-reason); %TRUE before the first try, which
 *   happens when the voice is on and something is to be said
 */
gboolean
limber_voice_get_available (LimberVoice *self)
{
  g_return_val_if_fail (LIMBER_IS_VOICE (self), FALSE);
  return self->available;
}

/**
 * limber_voice_get_unavailable_reason:
 *
 * Returns: (nullable): why the voice is unavailable, a sentence for
 *   people, or %NULL
 */
const char *
limber_voice_get_unavailable_reason (LimberVoice *self)
{
  g_return_val_if_fail (LIMBER_IS_VOICE (self), NULL);
  return self->unavailable_reason;
}

/* For tests: shorter waits for a daemon that does not answer. */
void
_limber_voice_set_timeouts (LimberVoice *self,
                            guint        connect_seconds,
                            guint        io_seconds)
{
  g_return_if_fail (LIMBER_IS_VOICE (self));
  g_return_if_fail (connect_seconds > 0 && io_seconds > 0);

  self->connect_timeout = connect_seconds;
  self->io_timeout = io_seconds;
}
