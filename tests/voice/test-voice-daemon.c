/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The voice coach against Debian's real speech-dispatcher and its
 * espeak-ng module, with a private configuration in a temporary folder
 * that also holds the test's HOME and XDG folders, so the socket, pid file
 * and logs are its own too: first started by the test, then started by
 * libspeechd itself (autospawn) as for a new user. What the daemon was
 * asked to say is read back from its protocol log (CustomLogFile), and its
 * main log (LogLevel 5) shows espeak-ng turning the last text into sound.
 *
 * Silent: the daemon plays the sound itself ("server audio", the default
 * in 0.11) through ALSA's "null" device, which takes the samples and
 * drops them. No sound card, no sound server, and no noise on a
 * developer's desk or in CI. */
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "limber-catalog.h"
#include "limber-player.h"
#include "limber-voice.h"
#include "voice-script.h"

#define MS(ms) ((gint64) (ms) * 1000)
#define START MS (1000000)
#define WAIT_SECONDS 30

static char *daemon_dir;
static char *socket_path;

typedef struct
{
  GSubprocess *daemon;
  char        *protocol_log;
  char        *main_log;
} Daemon;

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
daemon_start (Daemon *d)
{
  g_autofree char *conf = g_build_filename (daemon_dir, "conf", NULL);
  g_autofree char *modules = g_build_filename (conf, "modules", NULL);
  g_autofree char *logs = g_build_filename (daemon_dir, "log", NULL);
  g_autofree char *socket_dir = g_path_get_dirname (socket_path);
  g_autofree char *pid_file = g_build_filename (daemon_dir, "speechd.pid", NULL);
  g_autofree char *speechd_conf = g_build_filename (conf, "speechd.conf", NULL);
  g_autofree char *module_conf = g_build_filename (modules, "espeak-ng.conf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  gint64 end;

  g_assert_no_errno (g_mkdir_with_parents (modules, 0700));
  g_assert_no_errno (g_mkdir_with_parents (logs, 0700));
  g_assert_no_errno (g_mkdir_with_parents (socket_dir, 0700));
  d->protocol_log = g_build_filename (logs, "protocol.log", NULL);
  d->main_log = g_build_filename (logs, "speech-dispatcher.log", NULL);

  text = g_strdup_printf ("# Written by test-voice-daemon\n"
                          "LogLevel 5\n"
                          "LogDir \"%s\"\n"
                          "CustomLogFile \"protocol\" \"%s\"\n"
                          /* silent: see the top of this file */
                          "AudioOutputMethod \"alsa\"\n"
                          "AudioALSADevice \"null\"\n"
                          "AddModule \"espeak-ng\" \"sd_espeak-ng\" \"espeak-ng.conf\"\n"
                          "DefaultModule espeak-ng\n"
                          "LanguageDefaultModule \"en\" \"espeak-ng\"\n",
                          logs, d->protocol_log);
  write_file (speechd_conf, text);
  /* the module's defaults are fine */
  write_file (module_conf, "");

  /* the folders are the test's own (see main()), the socket's too */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_subprocess_launcher_unsetenv (launcher, "PULSE_SERVER");
  d->daemon = g_subprocess_launcher_spawn (launcher, &error,
                                           "speech-dispatcher",
                                           "--run-single",
                                           "--config-dir", conf,
                                           "--communication-method", "unix_socket",
                                           "--socket-path", socket_path,
                                           "--pid-file", pid_file,
                                           "--log-dir", logs,
                                           "--timeout", "0",
                                           NULL);
  g_assert_no_error (error);

  end = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  while (!g_file_test (socket_path, G_FILE_TEST_EXISTS))
    {
      if (g_subprocess_get_identifier (d->daemon) == NULL)
        g_error ("speech-dispatcher ended at once; its logs are in %s", logs);
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_usleep (10000);
    }
}

static void
daemon_stop (Daemon *d)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (d->daemon, SIGTERM);
  g_subprocess_wait (d->daemon, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&d->daemon);
  g_free (d->protocol_log);
  g_free (d->main_log);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, &error))
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  return text ? text : g_strdup ("");
}

/* What the daemon got, one entry a command and "TEXT <text>" for each
 * message, from lines like `18:DATA:|SET SELF LANGUAGE en\r\n| (22)`. */
static GPtrArray *
read_protocol (Daemon *d)
{
  g_autofree char *text = read_text (d->protocol_log);
  g_autoptr(GRegex) data = g_regex_new ("\\d+:DATA:\\|(.*?)\\r?\\n\\| \\(\\d+\\)",
                                        G_REGEX_DOTALL, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GPtrArray *log = g_ptr_array_new_with_free_func (g_free);
  gboolean in_message = FALSE;

  g_regex_match (data, text, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *entry = g_match_info_fetch (match, 1);

      if (in_message)
        {
          /* the message, then a line with a single dot */
          if (strcmp (entry, ".") != 0)
            g_ptr_array_add (log, g_strdup_printf ("TEXT %s", entry));
          else
            in_message = FALSE;
        }
      else
        {
          in_message = g_ascii_strcasecmp (entry, "SPEAK") == 0;
          g_ptr_array_add (log, g_steal_pointer (&entry));
        }
    }
  return log;
}

/* Whether @needle is in the file at @path, after @after if not %NULL. */
static gboolean
log_has (const char *path,
         const char *after,
         const char *needle)
{
  g_autofree char *text = read_text (path);
  const char *from = text;

  if (after != NULL && (from = strstr (text, after)) == NULL)
    return FALSE;
  return strstr (from, needle) != NULL;
}

static gboolean
wait_for (const char *path,
          const char *after,
          const char *needle)
{
  gint64 end = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (!log_has (path, after, needle))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (10000);
    }
  return TRUE;
}

/* Desk break (121 s) with the count-down on and a pause in the first
 * hold. */
static const char *const desk_break[] = {
  "Posture reset.",
  "Move: 5 repetitions.",
  "Chair hamstring stretch. Left side.",
  "Hold for 25 seconds.",
  VOICE_CANCEL_ONLY,
  "Three", "Two", "One",
  "Switch sides. Now the right side.",
  "Hold for 25 seconds.",
  "Three", "Two", "One",
  "Ankle circles. Left side. Last exercise.",
  "Move: 10 repetitions.",
  "Switch sides. Now the right side.",
  "Move: 10 repetitions.",
  "Well done. Routine complete.",
};

static void
test_desk_break (void)
{
  Daemon d = { 0 };
  g_autoptr(GSettings) settings = g_settings_new ("io.github.limber.Limber");
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  g_autoptr(LimberVirtualClock) clock = limber_virtual_clock_new (START);
  g_autoptr(LimberPlayer) player = NULL;
  g_autoptr(LimberVoice) voice = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  gint64 end;

  daemon_start (&d);

  g_settings_set_boolean (settings, "voice-coach", TRUE);
  g_settings_set_boolean (settings, "voice-count-down", TRUE);
  /* the script is timed with 5 s to get ready and 3 s to switch */
  limber_catalog_set_default_timings (catalog, 5, 3);
  g_assert_true (limber_catalog_load_bundled (catalog, &error));
  g_assert_no_error (error);

  voice = limber_voice_new (settings);
  player = limber_player_new (limber_catalog_lookup_routine (catalog, "desk-break"),
                              LIMBER_CLOCK (clock));
  limber_voice_follow (voice, player);
  limber_player_start (player);

  /* connected, and the first words on their way */
  end = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  while (!log_has (d.protocol_log, NULL, "DATA:|Posture reset."))
    {
      g_assert_true (limber_voice_get_available (voice));
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (10000);
    }
  g_assert_true (limber_voice_get_available (voice));

  limber_virtual_clock_advance_to (clock, START + MS (50000));
  limber_player_pause (player);
  limber_player_resume (player);
  for (guint t = 51000; t <= 121000; t += 1000)
    limber_virtual_clock_advance_to (clock, START + MS (t));
  g_assert_cmpint (limber_player_get_outcome (player), ==, LIMBER_OUTCOME_COMPLETED);

  /* the last words reach the daemon, go to espeak-ng, and come back as
   * sound (the module's line holds them as SSML with index marks) */
  g_assert_true (wait_for (d.protocol_log, NULL, "DATA:|Well done. Routine complete."));
  g_assert_true (wait_for (d.main_log, NULL, "Routine complete.</speak>"));
  if (!wait_for (d.main_log, "Routine complete.</speak>", "Got audio"))
    g_error ("espeak-ng made no sound: are its voices installed? (apt-get install espeak-ng)");
  g_assert_true (limber_voice_get_available (voice));

  g_clear_object (&voice);
  log = read_protocol (&d);
  voice_script_assert (log, desk_break, G_N_ELEMENTS (desk_break));

  daemon_stop (&d);
}

/* The voice blocks SIGPIPE while it talks to the daemon, but a daemon it
 * starts must not inherit that. */
static void
assert_sigpipe_not_blocked (pid_t pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", (int) pid);
  g_autofree char *status = read_text (path);
  const char *line = strstr (status, "\nSigBlk:");
  guint64 blocked;

  g_assert_nonnull (line);
  blocked = g_ascii_strtoull (line + strlen ("\nSigBlk:"), NULL, 16);
  g_assert_cmphex (blocked & (G_GUINT64_CONSTANT (1) << (SIGPIPE - 1)), ==, 0);
}

/* Whether @pid still runs. The daemon detaches itself, so when it exits
 * it waits as a zombie until whatever adopted it (PID 1 or a subreaper)
 * reaps it, which in a container may be much later: a zombie has exited. */
static gboolean
process_running (pid_t pid)
{
  g_autofree char *stat_path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *stat = NULL;
  const char *after_name;

  if (kill (pid, 0) != 0)
    return FALSE;
  if (!g_file_get_contents (stat_path, &stat, NULL, NULL))
    return FALSE;
  /* "PID (NAME) STATE ...": the name may hold spaces and brackets */
  after_name = strrchr (stat, ')');
  return after_name == NULL || after_name[1] == '\0' || after_name[2] != 'Z';
}

/* Stops the daemon the test started, and its speech module. Once (of
 * many runs) CI found speech-dispatcher still there 30 s after SIGTERM,
 * its espeak-ng module left behind: how quickly a third-party daemon shuts
 * down is not what this test is about, so after 10 s it is killed, with a
 * message saying so, and so is any module started with @conf. */
static void
stop_daemon (pid_t       pid,
             const char *conf)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  g_autoptr(GDir) proc = NULL;
  const char *name;

  while (process_running (pid) && g_get_monotonic_time () < end)
    g_usleep (10000);
  if (process_running (pid))
    {
      g_autofree char *stat_path = g_strdup_printf ("/proc/%d/stat", (int) pid);
      g_autofree char *stat = NULL;

      g_file_get_contents (stat_path, &stat, NULL, NULL);
      g_test_message ("speech-dispatcher (%d) still ran 10 s after SIGTERM (%s); killing it",
                      (int) pid, stat ? g_strchomp (stat) : "no /proc entry");
      kill (pid, SIGKILL);
    }

  proc = g_dir_open ("/proc", 0, NULL);
  while (proc != NULL && (name = g_dir_read_name (proc)) != NULL)
    {
      g_autofree char *cmdline_path = g_build_filename ("/proc", name, "cmdline", NULL);
      g_autofree char *cmdline = NULL;
      gsize length = 0;
      pid_t module;

      if (!g_ascii_isdigit (name[0]) ||
          !g_file_get_contents (cmdline_path, &cmdline, &length, NULL))
        continue;
      /* arguments are separated by NULs: look at each */
      for (gsize at = 0; at < length; at += strlen (cmdline + at) + 1)
        if (strstr (cmdline + at, conf) != NULL && strstr (cmdline, "sd_") != NULL)
          {
            module = (pid_t) g_ascii_strtoll (name, NULL, 10);
            g_test_message ("a speech module (%d) outlived the daemon; killing it", (int) module);
            kill (module, SIGKILL);
            break;
          }
    }
}

/* As for a new user: no daemon running, so libspeechd starts one
 * (autospawn) from the voice's connecting thread, with the user's
 * configuration and folders: here the test's own (see main()). */
static void
test_autospawn (void)
{
  g_autofree char *conf = g_build_filename (g_get_user_config_dir (), "speech-dispatcher", NULL);
  g_autofree char *modules = g_build_filename (conf, "modules", NULL);
  g_autofree char *speechd_conf = g_build_filename (conf, "speechd.conf", NULL);
  g_autofree char *module_conf = g_build_filename (modules, "espeak-ng.conf", NULL);
  g_autofree char *logs = g_build_filename (g_get_user_runtime_dir (), "log", NULL);
  g_autofree char *protocol_log = g_build_filename (logs, "protocol.log", NULL);
  g_autofree char *pid_file = g_build_filename (g_get_user_runtime_dir (), "speech-dispatcher",
                                               "pid", "speech-dispatcher.pid", NULL);
  g_autofree char *text = NULL;
  g_autofree char *pid_text = NULL;
  g_autoptr(GSettings) settings = g_settings_new ("io.github.limber.Limber");
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  g_autoptr(LimberVirtualClock) clock = limber_virtual_clock_new (START);
  g_autoptr(LimberPlayer) player = NULL;
  g_autoptr(LimberVoice) voice = NULL;
  g_autoptr(GError) error = NULL;
  gint64 end;
  pid_t pid;

  g_assert_no_errno (g_mkdir_with_parents (modules, 0700));
  g_assert_no_errno (g_mkdir_with_parents (logs, 0700));
  text = g_strdup_printf ("LogDir \"%s\"\n"
                          "CustomLogFile \"protocol\" \"%s\"\n"
                          /* silent: see the top of this file */
                          "AudioOutputMethod \"alsa\"\n"
                          "AudioALSADevice \"null\"\n"
                          "AddModule \"espeak-ng\" \"sd_espeak-ng\" \"espeak-ng.conf\"\n"
                          "DefaultModule espeak-ng\n"
                          /* and gone soon after its last client */
                          "Timeout 2\n",
                          logs, protocol_log);
  write_file (speechd_conf, text);
  write_file (module_conf, "");
  /* whatever the test before left */
  g_unlink (socket_path);

  g_settings_set_boolean (settings, "voice-coach", TRUE);
  g_assert_true (limber_catalog_load_bundled (catalog, &error));
  g_assert_no_error (error);
  voice = limber_voice_new (settings);
  player = limber_player_new (limber_catalog_lookup_routine (catalog, "desk-break"),
                              LIMBER_CLOCK (clock));
  limber_voice_follow (voice, player);
  limber_player_start (player);

  end = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  while (!log_has (protocol_log, NULL, "DATA:|Posture reset."))
    {
      g_assert_true (limber_voice_get_available (voice));
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (10000);
    }
  limber_virtual_clock_advance_to (clock, START + MS (6000));
  limber_player_stop (player, FALSE);
  g_assert_true (wait_for (protocol_log, NULL, "DATA:|Routine stopped."));
  g_assert_true (limber_voice_get_available (voice));
  g_clear_object (&voice);

  /* it is not our child: stop it by its pid file */
  g_file_get_contents (pid_file, &pid_text, NULL, &error);
  g_assert_no_error (error);
  pid = (pid_t) g_ascii_strtoll (pid_text, NULL, 10);
  g_assert_cmpint (pid, >, 1);
  assert_sigpipe_not_blocked (pid);
  g_assert_no_errno (kill (pid, SIGTERM));
  stop_daemon (pid, conf);
}

/* A test needs what it tests: missing programs fail it, naming the
 * Debian package, rather than skip. */
static gboolean
check_installed (void)
{
  g_autofree char *daemon = g_find_program_in_path ("speech-dispatcher");
  g_autofree char *module = g_build_filename (SPEECHD_MODULE_DIR, "sd_espeak-ng", NULL);

  if (daemon == NULL)
    {
      g_print ("Bail out! speech-dispatcher is missing: apt-get install speech-dispatcher\n");
      return FALSE;
    }
  if (!g_file_test (module, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_print ("Bail out! %s is missing: apt-get install speech-dispatcher-espeak-ng\n", module);
      return FALSE;
    }
  return TRUE;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_unlink (path);
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  static const struct {
    const char *variable;
    const char *name;
  } folders[] = {
    { "HOME", "home" },
    { "XDG_CONFIG_HOME", "config" },
    { "XDG_DATA_HOME", "data" },
    { "XDG_CACHE_HOME", "cache" },
    { "XDG_STATE_HOME", "state" },
    { "XDG_RUNTIME_DIR", "runtime" },
  };
  g_autoptr(GError) error = NULL;
  int status;

  if (!check_installed ())
    return 1;

  daemon_dir = g_dir_make_tmp ("limber-speechd-XXXXXX", &error);
  g_assert_no_error (error);
  /* where libspeechd looks by default, and where a daemon it starts
   * listens: no SPEECHD_ADDRESS, as for a new user */
  socket_path = g_build_filename (daemon_dir, "runtime", "speech-dispatcher", "speechd.sock", NULL);

  /* Before any thread, for libspeechd and for a daemon it starts: private
   * folders (GLib's G_TEST_OPTION_ISOLATE_DIRS would leave /dev/null in
   * the environment, for a child to choke on). */
  g_unsetenv ("SPEECHD_ADDRESS");
  g_unsetenv ("SPEECHD_CMD");
  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *path = g_build_filename (daemon_dir, folders[i].name, NULL);

      g_assert_no_errno (g_mkdir (path, 0700));
      g_setenv (folders[i].variable, path, TRUE);
    }

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/voice-daemon/desk-break", test_desk_break);
  g_test_add_func ("/voice-daemon/autospawn", test_autospawn);
  status = g_test_run ();

  /* kept for a look when something failed */
  if (status == 0)
    remove_tree (daemon_dir);
  else
    g_printerr ("The daemon's configuration and logs are in %s\n", daemon_dir);
  g_free (socket_path);
  g_free (daemon_dir);
  return status;
}
