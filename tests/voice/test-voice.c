/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The voice coach against a fake Speech Dispatcher (fake-ssip.c) that
 * records every SSIP command: whole bundled routines played in virtual
 * time, with pause, skip, next, previous and stop, and the exact words
 * said. No display, no sound. */
#include <glib/gstdio.h>
#include <string.h>

#include "fake-ssip.h"
#include "limber-catalog.h"
#include "limber-player.h"
#include "limber-voice-private.h"
#include "voice-script.h"

#define MS(ms) ((gint64) (ms) * 1000)
#define START MS (1000000)

#define CANCEL_ONLY VOICE_CANCEL_ONLY

/* Where every test's fake listens, and where no daemon program is: set
 * in main(), before any thread, for libspeechd to read. */
static char *test_dir;
static char *socket_path;
static char *daemon_path;

typedef struct
{
  FakeSsip           *server;
  GSettings          *settings;
  LimberCatalog      *catalog;
  LimberVirtualClock *clock;
  LimberPlayer       *player;
  LimberVoice        *voice;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (data == NULL)
    f->server = fake_ssip_new (socket_path);

  f->settings = g_settings_new ("io.github.limber.Limber");
  g_settings_set_boolean (f->settings, "voice-coach", TRUE);
  g_settings_set_boolean (f->settings, "voice-count-down", FALSE);

  f->catalog = limber_catalog_new ();
  /* the scripts below are timed with 5 s to get ready and 3 s to switch */
  limber_catalog_set_default_timings (f->catalog, 5, 3);
  g_assert_true (limber_catalog_load_bundled (f->catalog, &error));
  g_assert_no_error (error);
  f->clock = limber_virtual_clock_new (START);
  f->voice = limber_voice_new (f->settings);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->voice);
  g_clear_object (&f->player);
  g_clear_object (&f->clock);
  g_clear_object (&f->catalog);
  g_settings_reset (f->settings, "voice-coach");
  g_settings_reset (f->settings, "voice-count-down");
  g_clear_object (&f->settings);
  g_clear_pointer (&f->server, fake_ssip_free);
  g_unlink (daemon_path);
}

static void
play (Fixture    *f,
      const char *routine_id)
{
  LimberRoutine *routine = limber_catalog_lookup_routine (f->catalog, routine_id);

  g_assert_nonnull (routine);
  f->player = limber_player_new (routine, LIMBER_CLOCK (f->clock));
  limber_voice_follow (f->voice, f->player);
  limber_player_start (f->player);
}

/* Starts @routine_id and waits for the connection, so that nothing is
 * collapsed while connecting and the log is the same on every run. */
static void
play_connected (Fixture    *f,
                const char *routine_id)
{
  play (f, routine_id);
  g_assert_true (fake_ssip_wait_for (f->server, "TEXT ", 1));
  g_assert_true (limber_voice_get_available (f->voice));
  g_assert_null (limber_voice_get_unavailable_reason (f->voice));
}

static void
advance_to (Fixture *f,
            guint    ms)
{
  limber_virtual_clock_advance_to (f->clock, START + MS (ms));
}

/* Ends the voice (commands already queued still go out) and waits until
 * the fake has seen the client leave: the log is then complete. */
static GPtrArray *
finish_log (Fixture *f)
{
  g_clear_object (&f->voice);
  g_assert_true (fake_ssip_wait_for (f->server, "EOF", 1));
  return fake_ssip_dup_log (f->server);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *n)
{
  (*n)++;
}

/* The log between the client's coming and going, which it checks. */
static void
assert_script (GPtrArray         *log,
               const char *const *script,
               gsize              n)
{
  g_assert_cmpuint (log->len, >=, 2);
  g_assert_cmpstr (g_ptr_array_index (log, 0), ==, "CONNECT");
  g_assert_cmpstr (g_ptr_array_index (log, log->len - 1), ==, "EOF");
  g_free (g_ptr_array_steal_index (log, log->len - 1));
  g_ptr_array_remove_index (log, 0);
  voice_script_assert (log, script, n);
}

/* Evening wind-down, all 26 phases, played through (480 s):
 *  0 PREPARE L thigh massage  @0      13 REST                 @211000
 *  1 HOLD L 45 s              @5000   14 PREPARE L figure-four @226000
 *  2 SWITCH                   @50000  15 HOLD L 40 s           @231000
 *  3 HOLD R 45 s              @53000  16 SWITCH                @271000
 *  4 REST 15 s                @98000  17 HOLD R 40 s           @274000
 *  5 PREPARE L knee-to-chest  @113000 18 REST                  @314000
 *  6 HOLD L set 1, 20 s       @118000 19 PREPARE seated hamstring @329000
 *  7 SET_REST                 @138000 20 HOLD set 1, 40 s      @334000
 *  8 HOLD L set 2             @143000 21 SET_REST 10 s         @374000
 *  9 SWITCH                   @163000 22 HOLD set 2            @384000
 * 10 HOLD R set 1             @166000 23 REST                  @424000
 * 11 SET_REST                 @186000 24 PREPARE posture reset @439000
 * 12 HOLD R set 2             @191000 25 MOVE 6 repetitions    @444000
 */

#define COUNT "Three", "Two", "One"

static const char *const evening_with_count_down[] = {
  "Thigh self-massage. Left side.",
  "Hold for 45 seconds.", COUNT,
  "Switch sides. Now the right side.",
  "Hold for 45 seconds.", COUNT,
  "Rest. Next: Knee-to-chest stretch.",
  "Knee-to-chest stretch. Left side.",
  "Set 1 of 2. Hold for 20 seconds.", COUNT,
  "Rest. Next: set 2 of 2.",
  "Set 2 of 2. Hold for 20 seconds.", COUNT,
  "Switch sides. Now the right side.",
  "Set 1 of 2. Hold for 20 seconds.", COUNT,
  "Rest. Next: set 2 of 2.",
  "Set 2 of 2. Hold for 20 seconds.", COUNT,
  "Rest. Next: Figure-four stretch.",
  "Figure-four stretch. Left side.",
  "Hold for 40 seconds.", COUNT,
  "Switch sides. Now the right side.",
  "Hold for 40 seconds.", COUNT,
  "Rest. Next: Seated hamstring stretch.",
  "Seated hamstring stretch.",
  "Set 1 of 2. Hold for 40 seconds.", COUNT,
  "Rest. Next: set 2 of 2.",
  "Set 2 of 2. Hold for 40 seconds.", COUNT,
  "Rest. Next: Posture reset.",
  "Posture reset. Last exercise.",
  /* counted moves are not counted down: they have their own tempo */
  "Move: 6 repetitions.",
  "Well done. Routine complete.",
};

static void
test_whole_routine_count_down (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) log = NULL;

  g_settings_set_boolean (f->settings, "voice-count-down", TRUE);
  play_connected (f, "evening-wind-down");

  /* a second at a time, as the main loop would */
  for (guint t = 1000; t <= limber_routine_get_duration (limber_player_get_routine (f->player)) * 1000; t += 1000)
    advance_to (f, t);
  g_assert_cmpint (limber_player_get_state (f->player), ==, LIMBER_PLAYER_STATE_FINISHED);
  g_assert_cmpint (limber_player_get_outcome (f->player), ==, LIMBER_OUTCOME_COMPLETED);

  log = finish_log (f);
  assert_script (log, evening_with_count_down, G_N_ELEMENTS (evening_with_count_down));
}

static const char *const evening_controls[] = {
  "Thigh self-massage. Left side.",
  "Hold for 45 seconds.",
  /* paused at 20 s: silence at once; resumed later: nothing repeated */
  CANCEL_ONLY,
  /* the rest of the hold skipped while paused: the next phase is said */
  "Switch sides. Now the right side.",
  "Hold for 45 seconds.",
  "Rest. Next: Knee-to-chest stretch.",
  /* the rest skipped */
  "Knee-to-chest stretch. Left side.",
  "Set 1 of 2. Hold for 20 seconds.",
  /* next exercise */
  "Figure-four stretch. Left side.",
  /* previous at once: back to the step before */
  "Knee-to-chest stretch. Left side.",
  "Set 1 of 2. Hold for 20 seconds.",
  /* previous after 10 s of work: that step again from its start */
  "Knee-to-chest stretch. Left side.",
  "Set 1 of 2. Hold for 20 seconds.",
  "Routine stopped.",
};

static void
test_controls (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) log = NULL;
  guint t;

  play_connected (f, "evening-wind-down");

  advance_to (f, 20000);
  limber_player_pause (f->player);
  g_assert_true (fake_ssip_wait_for (f->server, "CANCEL SELF", 3));
  advance_to (f, 50000);
  /* the hold goes on, frozen: nothing said meanwhile */
  g_assert_cmpuint (fake_ssip_count (f->server, "TEXT "), ==, 2);
  limber_player_skip_phase (f->player);
  limber_player_resume (f->player);
  t = 50000 + 3000 + 45000;               /* switch and right hold */
  advance_to (f, t);
  g_assert_cmpuint (limber_player_get_phase_index (f->player), ==, 4);
  limber_player_skip_phase (f->player);   /* the rest */
  t += 5000;                              /* getting ready */
  advance_to (f, t + 1000);
  g_assert_cmpuint (limber_player_get_phase_index (f->player), ==, 6);
  limber_player_next_exercise (f->player);
  g_assert_cmpuint (limber_player_get_phase_index (f->player), ==, 14);
  limber_player_previous_exercise (f->player);
  g_assert_cmpuint (limber_player_get_phase_index (f->player), ==, 5);
  t += 1000 + 5000 + 10000;
  advance_to (f, t);
  g_assert_cmpuint (limber_player_get_phase_index (f->player), ==, 6);
  limber_player_previous_exercise (f->player);
  g_assert_cmpuint (limber_player_get_phase_index (f->player), ==, 5);
  advance_to (f, t + 7000);
  limber_player_stop (f->player, FALSE);

  log = finish_log (f);
  assert_script (log, evening_controls, G_N_ELEMENTS (evening_controls));
}

static const char *const desk_break_for_pain[] = {
  "Posture reset.",
  "Move: 5 repetitions.",
  "Routine stopped. Rest, and go more gently next time.",
};

static void
test_stop_for_pain (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) log = NULL;

  play_connected (f, "desk-break");
  advance_to (f, 12000);
  limber_player_stop (f->player, TRUE);

  log = finish_log (f);
  assert_script (log, desk_break_for_pain, G_N_ELEMENTS (desk_break_for_pain));
}

/* Desk break (121 s, no rests), played through without count-down. */
static const char *const desk_break[] = {
  "Posture reset.",
  "Move: 5 repetitions.",
  "Chair hamstring stretch. Left side.",
  "Hold for 25 seconds.",
  "Switch sides. Now the right side.",
  "Hold for 25 seconds.",
  "Ankle circles. Left side. Last exercise.",
  "Move: 10 repetitions.",
  "Switch sides. Now the right side.",
  "Move: 10 repetitions.",
  "Well done. Routine complete.",
};

static void
test_desk_break_in_one_go (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) log = NULL;

  play_connected (f, "desk-break");
  /* all at once: every announcement is queued, in order, none lost */
  advance_to (f, 121000);
  g_assert_cmpint (limber_player_get_outcome (f->player), ==, LIMBER_OUTCOME_COMPLETED);

  log = finish_log (f);
  assert_script (log, desk_break, G_N_ELEMENTS (desk_break));
}

/* What the Preferences and the window may call. */
static const char *const desk_break_api[] = {
  "Posture reset.",
  /* limber_voice_speak(), say when the voice is turned on */
  "Voice coach on.",
  /* limber_voice_cancel() */
  CANCEL_ONLY,
  /* no longer following a player that plays */
  CANCEL_ONLY,
  /* following it again in the middle: where it is, at once */
  "Hold for 25 seconds.",
  "Switch sides. Now the right side.",
  "Hold for 25 seconds.",
  "Ankle circles. Left side. Last exercise.",
  "Move: 10 repetitions.",
  "Switch sides. Now the right side.",
  "Move: 10 repetitions.",
  /* and let finish: leaving the summary does not cut it short */
  "Well done. Routine complete.",
};

static void
test_speak_and_follow (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) log = NULL;
  guint n_player = 0;

  g_signal_connect (f->voice, "notify::player", G_CALLBACK (count_notify), &n_player);
  play_connected (f, "desk-break");
  g_assert_true (limber_voice_get_player (f->voice) == f->player);
  g_assert_cmpuint (n_player, ==, 1);

  limber_voice_speak (f->voice, "Voice coach on.");
  limber_voice_cancel (f->voice);
  limber_voice_follow (f->voice, NULL);
  g_assert_null (limber_voice_get_player (f->voice));
  g_assert_cmpuint (n_player, ==, 2);
  advance_to (f, 40000);

  limber_voice_follow (f->voice, f->player);
  limber_voice_follow (f->voice, f->player);
  g_assert_cmpuint (n_player, ==, 3);
  advance_to (f, 121000);
  limber_voice_follow (f->voice, NULL);

  log = finish_log (f);
  assert_script (log, desk_break_api, G_N_ELEMENTS (desk_break_api));
}

static void
test_off (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GPtrArray) log = NULL;

  g_settings_set_boolean (f->settings, "voice-coach", FALSE);
  play (f, "desk-break");
  advance_to (f, 40000);
  limber_voice_speak (f->voice, "Hello");
  /* let a connection, if any were wrongly made, show up */
  for (guint i = 0; i < 100; i++)
    g_main_context_iteration (NULL, FALSE);
  g_usleep (G_USEC_PER_SEC / 10);
  g_assert_cmpuint (fake_ssip_count (f->server, "CONNECT"), ==, 0);

  /* turned on during the left hold (40–65 s): the switch at 65 s starts
   * connecting, and the right hold at 68 s replaces it while waiting */
  g_settings_set_boolean (f->settings, "voice-coach", TRUE);
  advance_to (f, 68000);
  g_assert_true (fake_ssip_wait_for (f->server, "TEXT ", 1));
  /* turned off: silence at once */
  g_settings_set_boolean (f->settings, "voice-coach", FALSE);
  advance_to (f, 121000);

  log = finish_log (f);
  {
    static const char *const script[] = { "Hold for 25 seconds.", CANCEL_ONLY };

    assert_script (log, script, G_N_ELEMENTS (script));
  }
}

/* Without settings (no schema installed) the voice is off for good. */
static void
test_no_settings (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->voice);
  f->voice = limber_voice_new (NULL);
  play (f, "desk-break");
  limber_voice_speak (f->voice, "Hello");
  advance_to (f, 121000);
  g_assert_cmpint (limber_player_get_outcome (f->player), ==, LIMBER_OUTCOME_COMPLETED);
  for (guint i = 0; i < 100; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (limber_voice_get_available (f->voice));
  g_assert_cmpuint (fake_ssip_count (f->server, "CONNECT"), ==, 0);
}

/* While connecting, a newer announcement replaces the one waiting. */
static void
test_replaced_while_connecting (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GPtrArray) log = NULL;

  play (f, "desk-break");
  /* the connection's result comes through the main context, which has
   * not run yet: each of these replaces the one waiting */
  limber_player_next_exercise (f->player);
  limber_player_skip_phase (f->player);
  g_assert_true (fake_ssip_wait_for (f->server, "TEXT ", 1));
  limber_player_pause (f->player);
  limber_player_stop (f->player, FALSE);
  g_assert_true (fake_ssip_wait_for (f->server, "TEXT ", 2));

  log = finish_log (f);
  {
    static const char *const script[] = { "Hold for 25 seconds.", CANCEL_ONLY, "Routine stopped." };

    assert_script (log, script, G_N_ELEMENTS (script));
  }
}

static void
wait_unavailable (Fixture *f)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (limber_voice_get_available (f->voice))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

/* No daemon at the address, and none to start: the routine plays on. */
static void
test_not_installed (Fixture       *f,
                    gconstpointer  data)
{
  guint n_available = 0, n_reason = 0;

  g_signal_connect (f->voice, "notify::available", G_CALLBACK (count_notify), &n_available);
  g_signal_connect (f->voice, "notify::unavailable-reason", G_CALLBACK (count_notify), &n_reason);

  play (f, "desk-break");
  wait_unavailable (f);
  g_assert_cmpstr (limber_voice_get_unavailable_reason (f->voice), ==,
                   "Speech Dispatcher is not installed.");
  g_assert_cmpuint (n_available, ==, 1);
  g_assert_cmpuint (n_reason, ==, 1);

  advance_to (f, 121000);
  g_assert_cmpint (limber_player_get_outcome (f->player), ==, LIMBER_OUTCOME_COMPLETED);
  /* nothing queued, no second try within the same routine */
  for (guint i = 0; i < 100; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (limber_voice_get_available (f->voice));
  g_assert_cmpuint (n_available, ==, 1);
}

/* A daemon is installed but will not start: it does not answer. */
static void
test_no_answer (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *reason;

  g_file_set_contents (daemon_path, "#!/bin/sh\necho 'not today' >&2\nexit 1\n", -1, &error);
  g_assert_no_error (error);
  g_assert_no_errno (g_chmod (daemon_path, 0700));

  play (f, "desk-break");
  wait_unavailable (f);
  reason = limber_voice_get_unavailable_reason (f->voice);
  g_assert_true (g_str_has_prefix (reason, "Speech Dispatcher does not answer: "));
  /* libspeechd's own words, which name the socket and what the daemon said */
  g_assert_nonnull (strstr (reason, socket_path));
  g_assert_nonnull (strstr (reason, "not today"));

  advance_to (f, 121000);
  g_assert_cmpint (limber_player_get_outcome (f->player), ==, LIMBER_OUTCOME_COMPLETED);
}

/* A daemon that accepts the connection and never answers: the watchdog
 * gives up on it, and the routine plays on. */
static void
test_silent_daemon (Fixture       *f,
                    gconstpointer  data)
{
  fake_ssip_mute_after (f->server, 0);
  _limber_voice_set_timeouts (f->voice, 1, 1);

  play (f, "desk-break");
  advance_to (f, 5000);
  wait_unavailable (f);
  g_assert_cmpstr (limber_voice_get_unavailable_reason (f->voice), ==,
                   "Speech Dispatcher does not answer: no reply within 1 second.");
  advance_to (f, 121000);
  g_assert_cmpint (limber_player_get_outcome (f->player), ==, LIMBER_OUTCOME_COMPLETED);
  /* it got the client's name, and was never asked anything else */
  g_assert_cmpuint (fake_ssip_count (f->server, "SET SELF CLIENT_NAME"), ==, 1);
  g_assert_cmpuint (fake_ssip_count (f->server, "TEXT "), ==, 0);
}

/* A daemon that stops answering mid-routine: a command times out, and
 * the rest are not sent. */
static void
test_daemon_hangs (Fixture       *f,
                   gconstpointer  data)
{
  fake_ssip_mute_after (f->server, 1);
  _limber_voice_set_timeouts (f->voice, 5, 1);

  play_connected (f, "desk-break");
  advance_to (f, 40000);
  wait_unavailable (f);
  g_assert_cmpstr (limber_voice_get_unavailable_reason (f->voice), ==,
                   "Speech Dispatcher does not answer: it stopped replying.");
  advance_to (f, 121000);
  g_assert_cmpint (limber_player_get_outcome (f->player), ==, LIMBER_OUTCOME_COMPLETED);
  /* the CANCEL before “Move: 5 repetitions.” was the last thing sent */
  g_assert_cmpuint (fake_ssip_count (f->server, "TEXT "), ==, 1);
  g_assert_cmpuint (fake_ssip_count (f->server, "CANCEL SELF"), ==, 2);
}

/* The daemon goes away mid-routine (no SIGPIPE may end the program); the
 * next routine connects again. */
static void
test_daemon_goes_away (Fixture       *f,
                       gconstpointer  data)
{
  LimberRoutine *routine;
  g_autoptr(GPtrArray) log = NULL;

  fake_ssip_hang_up_after (f->server, 2);
  play_connected (f, "desk-break");
  advance_to (f, 5000);
  g_assert_true (fake_ssip_wait_for (f->server, "EOF", 1));
  /* the next announcements fail: once, quietly */
  advance_to (f, 40000);
  wait_unavailable (f);
  g_assert_cmpstr (limber_voice_get_unavailable_reason (f->voice), ==,
                   "Speech Dispatcher does not answer: it stopped replying.");
  advance_to (f, 121000);
  g_assert_cmpint (limber_player_get_outcome (f->player), ==, LIMBER_OUTCOME_COMPLETED);

  routine = limber_catalog_lookup_routine (f->catalog, "desk-break");
  g_clear_object (&f->player);
  f->player = limber_player_new (routine, LIMBER_CLOCK (f->clock));
  limber_voice_follow (f->voice, f->player);
  limber_player_start (f->player);
  g_assert_true (fake_ssip_wait_for (f->server, "TEXT ", 3));
  g_assert_true (limber_voice_get_available (f->voice));
  g_assert_null (limber_voice_get_unavailable_reason (f->voice));

  g_clear_object (&f->voice);
  g_assert_true (fake_ssip_wait_for (f->server, "EOF", 2));
  log = fake_ssip_dup_log (f->server);
  g_assert_cmpstr (g_ptr_array_index (log, log->len - 2), ==, "TEXT Posture reset.");
}

static void
add (const char *path,
     void      (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down);
}

static void
add_without_server (const char *path,
                    void      (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, "no server", fixture_set_up, test, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bin = NULL;
  g_autofree char *address = NULL;
  int status;

  test_dir = g_dir_make_tmp ("limber-voice-XXXXXX", &error);
  g_assert_no_error (error);
  socket_path = g_build_filename (test_dir, "speechd.sock", NULL);
  bin = g_build_filename (test_dir, "bin", NULL);
  g_assert_no_errno (g_mkdir (bin, 0700));
  daemon_path = g_build_filename (bin, "speech-dispatcher", NULL);

  /* the fake and nothing else: autospawn, if tried, finds no program
   * (unless a test puts one there) */
  address = g_strdup_printf ("unix_socket:%s", socket_path);
  g_setenv ("SPEECHD_ADDRESS", address, TRUE);
  g_setenv ("SPEECHD_CMD", daemon_path, TRUE);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  add ("/voice/routine/count-down", test_whole_routine_count_down);
  add ("/voice/routine/controls", test_controls);
  add ("/voice/routine/stop-for-pain", test_stop_for_pain);
  add ("/voice/routine/in-one-go", test_desk_break_in_one_go);
  add ("/voice/api/speak-and-follow", test_speak_and_follow);
  add ("/voice/settings/off", test_off);
  add ("/voice/settings/none", test_no_settings);
  add ("/voice/connecting/replaced", test_replaced_while_connecting);
  add_without_server ("/voice/unavailable/not-installed", test_not_installed);
  add_without_server ("/voice/unavailable/no-answer", test_no_answer);
  add ("/voice/unavailable/goes-away", test_daemon_goes_away);
  add ("/voice/unavailable/silent", test_silent_daemon);
  add ("/voice/unavailable/hangs", test_daemon_hangs);

  status = g_test_run ();

  g_rmdir (bin);
  g_rmdir (test_dir);
  g_free (daemon_path);
  g_free (socket_path);
  g_free (test_dir);
  return status;
}
