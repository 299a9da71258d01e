#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The reminder service against a real notification server on a private
# session bus: python3-dbusmock's notification_daemon template, with and
# without the "actions" capability. Each test reads the exact Notify calls,
# clicks buttons by emitting ActionInvoked, and reads what the service
# wrote to the journal. Start activates the real Limber over D-Bus (under
# Xvfb), which must open the player.
#
#   test_reminders.py Actions      # buttons, Start/Snooze/Skip/dismiss, suspend
#   test_reminders.py NoActions    # body text instead of buttons, markup, idle
#   test_reminders.py NoServer     # no notification server, then one appears
#   test_reminders.py Dunst        # one notification on dunst under Xvfb
#   test_reminders.py JournalHelper  # the journal helper missing, failing,
#                                    # killed, talking nonsense
#   test_reminders.py IdleMutter       # Mutter's idle and user-active watches
#   test_reminders.py IdleScreenSaver  # the screen saver's ActiveChanged
#   test_reminders.py Sleep            # login1's PrepareForSleep
#
# The last three run in seconds: LIMBER_REMINDERS_MINUTE=1 makes each
# minute of the break interval and the idle break one second.
#
# Needs LIMBER_REMINDERS_BIN, LIMBER_BIN, LIMBER_JOURNAL_HELPER and
# GSETTINGS_SCHEMA_DIR.

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'common'))
import require  # noqa: E402
import reminders_bus  # noqa: E402
from waiting import wait_until  # noqa: E402

dbus = require.module('dbus', 'python3-dbus')
dbusmock = require.module('dbusmock', 'python3-dbusmock')
DBusTestCase = dbusmock.DBusTestCase
require.program('gsettings', 'libglib2.0-bin')
if 'Dunst' in sys.argv[1:]:
    require.program('dunst', 'dunst')
    require.program('dunstctl', 'dunst')

REMINDERS_BIN = os.environ['LIMBER_REMINDERS_BIN']
REAL_HELPER = os.environ['LIMBER_JOURNAL_HELPER']
LIMBER_BIN = os.environ['LIMBER_BIN']
NAME = reminders_bus.NAME
PATH = reminders_bus.PATH
IFACE = reminders_bus.IFACE
APP_ID = 'io.github.limber.Limber'
NOTIFICATIONS = 'org.freedesktop.Notifications'

BREAK_SUMMARY = 'Time to stand up and stretch'
BREAK_BODY = ('You have been at the computer for 50 minutes. '
              'A short desk break loosens tight hamstrings and a stiff back.')
ACTIONS = ['default', 'Open Limber', 'start', 'Start',
           'snooze', 'Snooze 10 min', 'skip', 'Skip']
CHECKIN_ACTIONS = ['default', 'Open Limber', 'log-now', 'Log Now',
                   'snooze', 'Snooze 10 min', 'skip', 'Skip']
# A user routine whose name needs escaping in a body with markup
ODD_ROUTINE = '[Routine]\nId=odd\nName=Legs & <Hips>\n[Step 1]\nExercise=standing-calf\nHold=30\n'

USEC = 1000000


class ServiceTestCase(DBusTestCase):
    '''A private home, session bus and settings for each class; the
    service and the notification server are started by each test.'''

    capabilities = 'body body-markup actions'
    with_server = True
    system_bus = False

    @classmethod
    def setUpClass(cls):
        cls.home = tempfile.mkdtemp(prefix='limber-reminders-test-')
        os.environ['XDG_DATA_HOME'] = os.path.join(cls.home, 'data')
        os.environ['XDG_CONFIG_HOME'] = os.path.join(cls.home, 'config')
        os.environ['XDG_CACHE_HOME'] = os.path.join(cls.home, 'cache')
        os.environ['XDG_STATE_HOME'] = os.path.join(cls.home, 'state')
        # The keyfile backend is shared by this script's `gsettings` and the
        # service, which follows changes to the file as they happen.
        os.environ['GSETTINGS_BACKEND'] = 'keyfile'
        os.environ['LIMBER_REMINDERS_BIN'] = REMINDERS_BIN
        cls.routines = os.path.join(cls.home, 'data', 'limber', 'routines')
        os.makedirs(cls.routines)
        cls.journal_path = os.path.join(cls.home, 'data', 'limber', 'journal.db')

        # Start activates the real Limber through this bus's service file.
        with open(os.path.join(cls.get_services_dir(), APP_ID + '.service'), 'w') as f:
            # its output goes to a log, printed at the end
            f.write(f'[D-BUS Service]\nName={APP_ID}\n'
                    f'Exec=/bin/sh -c "exec {LIMBER_BIN} --gapplication-service >>{cls.home}/limber.log 2>&1"\n')
        cls.start_session_bus()
        if cls.system_bus:
            cls.start_system_bus()
        cls.bus = cls.get_dbus()

    @classmethod
    def tearDownClass(cls):
        # Limber stays up after activation; end it before the bus goes.
        try:
            dbus_iface = dbus.Interface(cls.bus.get_object('org.freedesktop.DBus', '/org/freedesktop/DBus'),
                                        'org.freedesktop.DBus')
            if dbus_iface.NameHasOwner(APP_ID):
                os.kill(int(dbus_iface.GetConnectionUnixProcessID(APP_ID)), signal.SIGTERM)
        except dbus.exceptions.DBusException:
            pass
        super().tearDownClass()
        if os.path.exists(os.path.join(cls.home, 'limber.log')):
            with open(os.path.join(cls.home, 'limber.log')) as f:
                sys.stderr.write(f'--- Limber log ---\n{f.read()}')
        shutil.rmtree(cls.home, ignore_errors=True)

    def setUp(self):
        # each test starts with a new journal
        for suffix in ['', '-wal', '-shm']:
            if os.path.exists(self.journal_path + suffix):
                os.unlink(self.journal_path + suffix)
        if os.path.exists(os.path.join(self.routines, 'odd.routine')):
            os.unlink(os.path.join(self.routines, 'odd.routine'))
        self.gsettings('reset-recursively')
        self.gsettings('set', 'reminders-enabled', 'true')
        self.gsettings('set', 'quiet-hours', 'false')
        self.gsettings('set', 'checkin-reminder', 'false')
        self.gsettings('set', 'routine-reminders', "[(18, 30, 127, 'evening-wind-down')]")
        self.server = None
        self.mock = None
        if self.with_server:
            self.start_server(self.capabilities)
        self.log_path = os.path.join(self.home, f'service-{self.id()}.log')
        self.log_file = None
        self.service = None

    def tearDown(self):
        if self.service and self.service.poll() is None:
            self.service.terminate()
            self.service.wait(10)
        if self.server:
            self.server.terminate()
            self.server.wait()
        if self.log_file:
            self.log_file.close()
            with open(self.log_path) as f:
                sys.stderr.write(f'--- {self.id()} service log ---\n{f.read()}')

    # Helpers

    def gsettings(self, *args):
        subprocess.check_call(['gsettings', args[0], APP_ID] + list(args[1:]))

    def add_odd_routine(self):
        # Not while the real Limber runs: it warns about the name's markup
        with open(os.path.join(self.routines, 'odd.routine'), 'w') as f:
            f.write(ODD_ROUTINE)

    def start_server(self, capabilities):
        self.server, obj = self.spawn_server_template(
            'notification_daemon', {'capabilities': capabilities}, stdout=subprocess.DEVNULL)
        self.mock = dbus.Interface(obj, dbusmock.MOCK_IFACE)

    def start_service(self, **extra_env):
        self.log_file = open(self.log_path, 'w')
        env = dict(os.environ, G_MESSAGES_DEBUG='limber-reminders limber-idle', **extra_env)
        self.service = subprocess.Popen([REMINDERS_BIN], stdout=self.log_file,
                                        stderr=subprocess.STDOUT, env=env)
        self.wait_for_bus_object(NAME, PATH)
        self.reminders = dbus.Interface(self.bus.get_object(NAME, PATH), IFACE)

    def log(self):
        self.log_file.flush()
        with open(self.log_path) as f:
            return f.read()

    def notify_calls(self):
        return [call[1] for call in self.mock.GetMethodCalls('Notify')]

    def wait_for_notify(self, n):
        return wait_until(lambda: len(self.notify_calls()) >= n and self.notify_calls(),
                          f'{n} Notify calls')

    def click(self, notification_id, action):
        self.mock.EmitSignal(NOTIFICATIONS, 'ActionInvoked', 'us',
                             [dbus.UInt32(notification_id), action])

    def close(self, notification_id, reason):
        self.mock.EmitSignal(NOTIFICATIONS, 'NotificationClosed', 'uu',
                             [dbus.UInt32(notification_id), dbus.UInt32(reason)])

    def query(self, sql, *args):
        if not os.path.exists(self.journal_path):
            return []
        db = sqlite3.connect(f'file:{self.journal_path}?mode=ro', uri=True, timeout=5)
        try:
            return db.execute(sql, args).fetchall()
        except sqlite3.OperationalError:
            return []
        finally:
            db.close()

    def reminders_rows(self):
        return self.query('SELECT id, kind, routine_id, outcome, catch_up, shown_at IS NOT NULL'
                          ' FROM reminders ORDER BY id')

    def wait_for_outcome(self, reminder_id, outcome, timeout=30.0):
        def check():
            rows = self.query('SELECT outcome FROM reminders WHERE id = ?', reminder_id)
            return rows and rows[0][0] == outcome
        wait_until(check, f'reminder {reminder_id} to be {outcome}', timeout)

    def assert_notify(self, args, summary, body, actions, replaces_id=0):
        app_name, replaces, icon, got_summary, got_body, got_actions, hints, timeout = args
        self.assertEqual(app_name, 'Limber')
        self.assertEqual(replaces, replaces_id)
        self.assertEqual(icon, APP_ID)
        self.assertEqual(got_summary, summary)
        self.assertEqual(got_body, body)
        self.assertEqual(list(got_actions), actions)
        self.assertEqual(dict(hints), {
            'desktop-entry': APP_ID,
            'category': 'x-limber.reminder',
            'urgency': dbus.Byte(1),
            'sender-pid': self.service.pid,
        })
        self.assertEqual(timeout, -1)

    def assert_quiet_cpu(self, seconds=3.0):
        '''The service is alive and uses (almost) no CPU.'''
        def cpu_ticks():
            with open(f'/proc/{self.service.pid}/stat') as f:
                fields = f.read().rsplit(')', 1)[1].split()
            return int(fields[11]) + int(fields[12])  # utime + stime
        before = cpu_ticks()
        time.sleep(seconds)
        self.assertIsNone(self.service.poll(), 'the service died')
        used = (cpu_ticks() - before) / os.sysconf('SC_CLK_TCK')
        self.assertLess(used, 0.1, f'the service used {used:.2f} s of CPU in {seconds} s')

    def next_minute(self):
        '''The next whole local minute, at least 5 s away, as (HH:MM, unix seconds).'''
        now = time.time()
        at = (int(now) // 60 + 1) * 60
        if at - now < 5:
            at += 60
        return time.strftime('%H:%M', time.localtime(at)), at


class Actions(ServiceTestCase):
    '''A server with buttons: the exact notifications, and every button.'''

    system_bus = True

    def setUp(self):
        super().setUp()
        self.start_service()

    def test_break_preview_exact(self):
        self.reminders.Preview('break')
        calls = self.wait_for_notify(1)
        self.assertEqual(len(calls), 1)
        self.assert_notify(calls[0], BREAK_SUMMARY, BREAK_BODY, ACTIONS)
        wait_until(lambda: self.reminders_rows() == [(1, 'break', 'desk-break', 'shown', 0, 1)],
                   'the reminder in the journal')
        # a test notification: in the journal as a test, counted nowhere
        self.assertEqual(self.query('SELECT test FROM reminders'), [(1,)])

        # Another break reminder replaces it on screen instead of piling up
        self.reminders.Preview('break')
        calls = self.wait_for_notify(2)
        self.assert_notify(calls[1], BREAK_SUMMARY, BREAK_BODY, ACTIONS, replaces_id=1)

    def test_routine_and_checkin_exact(self):
        self.add_odd_routine()
        self.reminders.Preview('routine')
        self.reminders.Preview('routine:odd')
        self.reminders.Preview('checkin')
        calls = self.wait_for_notify(3)
        self.assert_notify(calls[0], 'Your evening wind-down is ready',
                           '“Evening wind-down” takes about 8 minutes.', ACTIONS)
        # the routine's name is markup-escaped in the body, not in the summary
        self.assert_notify(calls[1], 'Your legs & <Hips> is ready',
                           '“Legs &amp; &lt;Hips&gt;” takes about 1 minute.', ACTIONS, replaces_id=1)
        self.assert_notify(calls[2], 'How do your hamstrings feel today?',
                           'Note today’s pain and stiffness; it takes half a minute.',
                           CHECKIN_ACTIONS)
        wait_until(lambda: len(self.reminders_rows()) == 3, 'three reminders in the journal')
        self.assertEqual(self.reminders_rows(), [
            (1, 'routine', 'evening-wind-down', 'shown', 0, 1),
            (2, 'routine', 'odd', 'shown', 0, 1),
            (3, 'checkin', None, 'shown', 0, 1),
        ])

        with self.assertRaises(dbus.exceptions.DBusException) as ctx:
            self.reminders.Preview('lunch')
        self.assertIn('InvalidArgs', ctx.exception.get_dbus_name())

    def test_snooze_moves_next_by_ten_minutes(self):
        kind, due, routine = self.reminders.GetNext()
        self.assertEqual((kind, routine), ('break', 'desk-break'))
        # fifty minutes of activity from the start
        self.assertAlmostEqual(due / USEC, time.time() + 50 * 60, delta=10)

        self.reminders.Preview('break')
        self.wait_for_notify(1)
        before = time.time()
        self.click(1, 'snooze')
        self.wait_for_outcome(1, 'snoozed')
        after = time.time()
        kind, due, routine = self.reminders.GetNext()
        self.assertEqual(kind, 'break')
        self.assertGreaterEqual(due / USEC, before + 600 - 0.01)
        self.assertLessEqual(due / USEC, after + 600)

        # The D-Bus Snooze moves the next reminder the same way
        self.reminders.Snooze(dbus.UInt32(5))
        kind, due2, routine = self.reminders.GetNext()
        self.assertEqual(due2, due + 5 * 60 * USEC)

    def test_skip_and_dismiss(self):
        self.reminders.Preview('routine')
        self.reminders.Preview('checkin')
        self.wait_for_notify(2)
        self.click(1, 'skip')
        self.wait_for_outcome(1, 'skipped')
        self.close(2, 2)
        self.wait_for_outcome(2, 'dismissed')
        # an expired notification is not a dismissal
        self.reminders.Preview('break')
        self.wait_for_notify(3)
        self.close(3, 1)
        time.sleep(0.5)
        self.assertEqual(self.query('SELECT outcome FROM reminders WHERE id = 3'), [('shown',)])
        # a click after the reminder was dealt with changes nothing
        self.close(1, 2)
        time.sleep(0.3)
        self.assertEqual(self.query('SELECT outcome FROM reminders WHERE id = 1'), [('skipped',)])

    def test_start_opens_player(self):
        self.reminders.Preview('break')
        self.wait_for_notify(1)
        self.click(1, 'start')

        def desk_break_in_progress():
            return self.query("SELECT count(*) FROM sessions WHERE routine_id = 'desk-break'"
                              " AND outcome = 'in-progress'") == [(1,)]
        wait_until(desk_break_in_progress, 'Limber to play the desk break', 60)
        self.wait_for_outcome(1, 'started')

        # Log now opens the check-in in the running Limber
        self.reminders.Preview('checkin')
        self.wait_for_notify(2)
        self.click(2, 'log-now')
        self.wait_for_outcome(2, 'started')

    def test_pause_and_resume(self):
        self.reminders.Pause(dbus.UInt32(30))
        until = self.reminders.GetPausedUntil()
        self.assertAlmostEqual(until / USEC, time.time() + 30 * 60, delta=5)
        kind, due, routine = self.reminders.GetNext()
        self.assertGreaterEqual(due, until)

        # 0 means until tomorrow, local midnight
        self.reminders.Pause(dbus.UInt32(0))
        until = self.reminders.GetPausedUntil()
        t = time.localtime(until / USEC)
        self.assertEqual((t.tm_hour, t.tm_min, t.tm_sec), (0, 0, 0))
        self.assertGreater(until / USEC, time.time())
        self.assertLessEqual(until / USEC, time.time() + 25 * 3600)

        self.reminders.Resume()
        self.assertEqual(self.reminders.GetPausedUntil(), 0)
        kind, due, routine = self.reminders.GetNext()
        self.assertEqual(kind, 'break')

    def test_follows_settings_and_suspend(self):
        kind, due, routine = self.reminders.GetNext()
        self.assertEqual(kind, 'break')

        # A change in the settings is followed at once, without a restart
        self.gsettings('set', 'break-interval-minutes', '20')
        wait_until(lambda: abs(self.reminders.GetNext()[1] / USEC - (time.time() + 20 * 60)) < 10,
                   'the break interval to become 20 minutes')
        self.gsettings('set', 'break-reminders', 'false')
        self.gsettings('set', 'checkin-reminder', 'true')
        hhmm, at = self.next_minute()
        self.gsettings('set', 'checkin-time', hhmm)
        wait_until(lambda: self.reminders.GetNext()[0] == 'checkin', 'the check-in to come next')
        self.assertEqual(self.reminders.GetNext()[1], at * USEC)

        # Time asleep counts as a break: the break counter starts again
        self.gsettings('set', 'checkin-reminder', 'false')
        self.gsettings('set', 'break-reminders', 'true')
        wait_until(lambda: self.reminders.GetNext()[0] == 'break', 'the break to come back')
        _, due_before, _ = self.reminders.GetNext()
        logind, obj = self.spawn_server_template('logind', {}, stdout=subprocess.DEVNULL)
        try:
            login1 = dbus.Interface(obj, dbusmock.MOCK_IFACE)
            time.sleep(1.5)
            login1.EmitSignal('org.freedesktop.login1.Manager', 'PrepareForSleep', 'b', [True])
            login1.EmitSignal('org.freedesktop.login1.Manager', 'PrepareForSleep', 'b', [False])
            woke = time.time()
            wait_until(lambda: self.reminders.GetNext()[1] > due_before, 'the break to move')
            _, due_after, _ = self.reminders.GetNext()
            self.assertAlmostEqual(due_after / USEC, woke + 20 * 60, delta=1)
        finally:
            logind.terminate()
            logind.wait()

        # Turning reminders off stops the service
        self.gsettings('set', 'reminders-enabled', 'false')
        self.assertEqual(self.service.wait(10), 0)
        self.assertIn('Reminders were turned off', self.log())


class NoActions(ServiceTestCase):
    '''A server without buttons (nor markup): the body says what to do.'''

    capabilities = 'body'

    def test_body_says_what_to_do(self):
        self.add_odd_routine()
        self.start_service()
        self.reminders.Preview('break')
        self.reminders.Preview('routine:odd')
        self.reminders.Preview('checkin')
        calls = self.wait_for_notify(3)
        self.assert_notify(calls[0], BREAK_SUMMARY,
                           BREAK_BODY + '\nOpen Limber to start the desk break.',
                           ['default', 'Open Limber'])
        # no markup: the text goes as it is
        self.assert_notify(calls[1], 'Your legs & <Hips> is ready',
                           '“Legs & <Hips>” takes about 1 minute.\nOpen Limber to start it.',
                           ['default', 'Open Limber'])
        self.assert_notify(calls[2], 'How do your hamstrings feel today?',
                           'Note today’s pain and stiffness; it takes half a minute.\n'
                           'Open Limber and choose Check In.',
                           ['default', 'Open Limber'])

    def test_idle_time_is_a_break(self):
        # A fake Mutter idle monitor, present before the service starts
        mutter = self.spawn_server('org.gnome.Mutter.IdleMonitor', '/org/gnome/Mutter/IdleMonitor/Core',
                                   'org.gnome.Mutter.IdleMonitor', stdout=subprocess.DEVNULL)
        try:
            obj = self.bus.get_object('org.gnome.Mutter.IdleMonitor', '/org/gnome/Mutter/IdleMonitor/Core')
            monitor = dbus.Interface(obj, dbusmock.MOCK_IFACE)
            monitor.AddMethods('org.gnome.Mutter.IdleMonitor', [
                ('AddIdleWatch', 't', 'u', 'ret = 7'),
                ('AddUserActiveWatch', '', 'u', 'ret = 8'),
                ('RemoveWatch', 'u', '', ''),
                ('GetIdletime', '', 't', 'ret = 0'),
            ])
            self.start_service()
            calls = wait_until(lambda: monitor.GetMethodCalls('AddIdleWatch'), 'an idle watch')
            self.assertEqual(calls[0][1], [dbus.UInt64(5 * 60 * 1000)])
            self.assertEqual(self.reminders.GetNext()[0], 'break')

            # Away: no break reminder while nobody is there
            monitor.EmitSignal('org.gnome.Mutter.IdleMonitor', 'WatchFired', 'u', [dbus.UInt32(7)])
            wait_until(lambda: self.reminders.GetNext()[0] == 'routine', 'breaks to stop while away')
            wait_until(lambda: monitor.GetMethodCalls('AddUserActiveWatch'), 'a user-active watch')

            # Back: the break counter starts again from now
            time.sleep(1)
            monitor.EmitSignal('org.gnome.Mutter.IdleMonitor', 'WatchFired', 'u', [dbus.UInt32(8)])
            back = time.time()
            wait_until(lambda: self.reminders.GetNext()[0] == 'break', 'breaks to come back')
            self.assertAlmostEqual(self.reminders.GetNext()[1] / USEC, back + 50 * 60, delta=1)

            # The idle setting is followed live
            self.gsettings('set', 'idle-break-minutes', '2')
            calls = wait_until(lambda: len(monitor.GetMethodCalls('AddIdleWatch')) >= 2 and
                               monitor.GetMethodCalls('AddIdleWatch'), 'a new idle watch')
            self.assertEqual(calls[-1][1], [dbus.UInt64(2 * 60 * 1000)])
            self.assertNotIn('No idle monitor', self.log())
        finally:
            mutter.terminate()
            mutter.wait()


class NoServer(ServiceTestCase):
    '''No notification server at first: a clear message, no busy loop,
    and the reminder is shown once a server appears.'''

    with_server = False

    def test_no_server_then_server(self):
        self.start_service()
        # the idle monitor is looked for asynchronously, after the name is owned
        wait_until(lambda: 'No idle monitor on this desktop; counting plain elapsed time' in self.log(),
                   'the message that there is no idle monitor')

        with self.assertRaises(dbus.exceptions.DBusException):
            self.reminders.Preview('break')

        # a check-in reminder at the next minute, set while it runs
        self.gsettings('set', 'checkin-reminder', 'true')
        self.gsettings('set', 'break-reminders', 'false')
        hhmm, at = self.next_minute()
        self.gsettings('set', 'checkin-time', hhmm)
        wait_until(lambda: self.reminders.GetNext()[1] == at * USEC, 'the check-in to be next')
        wait_until(lambda: 'Could not show a reminder' in self.log(), 'the failure to be logged',
                   at - time.time() + 10)
        wait_until(lambda: 'Trying again in 30 s' in self.log(), 'the retry to be logged', 5)
        self.assert_quiet_cpu(3)

        # the server comes; the retry shows the reminder
        self.start_server('body actions')
        calls = wait_until(lambda: self.notify_calls(), 'the retried reminder', 45)
        self.assertEqual(calls[0][3], 'How do your hamstrings feel today?')
        wait_until(lambda: self.reminders_rows() == [(1, 'checkin', None, 'shown', 0, 1)],
                   'the reminder in the journal')
        wait_until(lambda: 'Reminders are shown again' in self.log(), 'the recovery to be logged', 5)

    def test_journal_locked(self):
        self.start_server('body actions')
        self.start_service()
        self.reminders.Preview('checkin')
        wait_until(lambda: len(self.reminders_rows()) == 1, 'the first reminder')

        # the window holds the journal: the note waits and comes later
        db = sqlite3.connect(self.journal_path, timeout=5)
        db.execute('BEGIN EXCLUSIVE')
        self.reminders.Preview('break', timeout=60)
        self.wait_for_notify(2)
        wait_until(lambda: 'trying again in 5 s' in self.log(), 'the busy journal to be logged', 20)
        self.assertIsNone(self.service.poll())
        db.rollback()
        db.close()
        wait_until(lambda: len(self.reminders_rows()) == 2, 'the reminder noted after all', 30)
        self.assertEqual(self.reminders_rows()[1], (2, 'break', 'desk-break', 'shown', 0, 1))


class JournalHelper(ServiceTestCase):
    '''The service keeps each note until limber-journal-helper says it is
    written: a helper that is missing, fails, is killed after writing or
    answers nonsense is run again later, and every reminder is in the
    journal once.'''

    def write_helper(self, body):
        tmp = self.helper + '.new'
        with open(tmp, 'w') as f:
            f.write('#!/bin/sh\n' + body)
        os.chmod(tmp, 0o755)
        os.rename(tmp, self.helper)

    def setUp(self):
        super().setUp()
        self.helper = os.path.join(self.home, 'helper')
        self.runs = os.path.join(self.home, 'helper-runs')
        for path in (self.helper, self.runs):
            if os.path.exists(path):
                os.unlink(path)

    def keys(self):
        return self.query('SELECT key FROM reminders ORDER BY id')

    def test_missing_then_failing(self):
        self.start_service(LIMBER_JOURNAL_HELPER=self.helper)
        self.reminders.Preview('break')
        self.wait_for_notify(1)
        wait_until(lambda: 'could not run the journal helper' in self.log() and
                   'trying again in 5 s' in self.log(), 'the missing helper to be logged', 20)
        self.assertIsNone(self.service.poll())
        self.assertEqual(self.reminders_rows(), [])

        # It fails without reading a line; the back-off doubles.
        self.write_helper('exit 3\n')
        wait_until(lambda: 'the journal helper exited with status 3' in self.log() and
                   'trying again in 10 s' in self.log(), 'the failing helper to be logged', 20)
        self.assertEqual(self.reminders_rows(), [])

        self.write_helper(f'exec {REAL_HELPER} "$@"\n')
        wait_until(lambda: self.reminders_rows() == [(1, 'break', 'desk-break', 'shown', 0, 1)],
                   'the reminder noted after all', 30)
        self.reminders.Preview('checkin')
        wait_until(lambda: len(self.reminders_rows()) == 2, 'the second reminder', 20)
        self.assertEqual(len(set(self.keys())), 2)
        self.assertIsNone(self.service.poll())

    def test_killed_after_writing_and_nonsense(self):
        # Run 1 writes, then answers nonsense (not UTF-8, then a flood);
        # run 2 writes and is killed before it can answer; later runs are
        # the real helper. Each time every note is sent again.
        self.write_helper(f'''echo x >> {self.runs}
n=$(wc -l < {self.runs})
if [ "$n" -eq 1 ]; then
  {REAL_HELPER} "$@" > /dev/null
  printf 'done\\n\\377\\376\\n'
  head -c 2000000 /dev/zero | tr '\\0' 'd'
  exit 0
elif [ "$n" -eq 2 ]; then
  {REAL_HELPER} "$@" > /dev/null
  kill -9 $$
fi
exec {REAL_HELPER} "$@"
''')
        self.start_service(LIMBER_JOURNAL_HELPER=self.helper)
        self.reminders.Preview('break')
        calls = self.wait_for_notify(1)
        wait_until(lambda: 'reply is not understood' in self.log(), 'the nonsense to be logged', 20)
        # the user skips it while the note waits
        self.click(1, 'skip')
        wait_until(lambda: 'stopped by signal 9' in self.log(), 'the killed helper to be logged', 30)
        wait_until(lambda: self.reminders_rows() == [(1, 'break', 'desk-break', 'skipped', 0, 1)],
                   'one reminder, skipped', 30)
        self.reminders.Preview('checkin')
        wait_until(lambda: len(self.reminders_rows()) == 2, 'the next reminder', 20)
        time.sleep(1)
        self.assertEqual([r[:4] for r in self.reminders_rows()],
                         [(1, 'break', 'desk-break', 'skipped'), (2, 'checkin', None, 'shown')])
        self.assertEqual(len(set(self.keys())), 2)
        self.assertIsNone(self.service.poll())

    def test_replaced_journal(self):
        # Another program's database where the journal goes: the helper
        # says it is gone, and nothing is written to it.
        os.makedirs(os.path.dirname(self.journal_path), exist_ok=True)
        db = sqlite3.connect(self.journal_path)
        db.execute('PRAGMA application_id = 12345')
        db.execute('CREATE TABLE notes (text TEXT)')
        db.commit()
        db.close()
        self.start_service()
        self.reminders.Preview('break')
        self.wait_for_notify(1)
        wait_until(lambda: 'Reminders will not be written to the journal' in self.log(), 'the foreign file')
        self.assertEqual(self.reminders_rows(), [])

        # Moved aside, as the window does: the service notices that the file
        # is not the one it gave up on, and the helper starts a new journal.
        os.rename(self.journal_path, self.journal_path + '.foreign')
        self.reminders.Preview('checkin')
        wait_until(lambda: 'was replaced; reminders are written to it again' in self.log(),
                   'the new journal to be noticed')
        wait_until(lambda: [r[1:4] for r in self.reminders_rows()] == [('checkin', None, 'shown')],
                   'the reminder in the new journal', 20)
        self.assertEqual(self.log().count('Reminders will not be written to the journal'), 1)


class Dunst(ServiceTestCase):
    '''A second, independent server: dunst under Xvfb.'''

    with_server = False

    def test_dunst_shows_reminder(self):
        config = os.path.join(self.home, 'dunstrc')
        with open(config, 'w') as f:
            f.write('[global]\n    font = Sans 10\n')
        dunst_log = open(os.path.join(self.home, 'dunst.log'), 'w')
        # dunst logs a missing icon as a GLib warning: not fatal for it
        env = {k: v for k, v in os.environ.items() if k != 'G_DEBUG'}
        dunst = subprocess.Popen(['dunst', '-config', config], stdout=dunst_log,
                                 stderr=subprocess.STDOUT, env=env)
        try:
            wait_until(lambda: self.bus.name_has_owner(NOTIFICATIONS), 'dunst on the bus')
            self.start_service()
            self.reminders.Preview('break')

            def in_dunst():
                out = subprocess.run(['dunstctl', 'history'], capture_output=True, text=True).stdout
                shown = subprocess.run(['dunstctl', 'count', 'displayed'],
                                       capture_output=True, text=True).stdout.strip()
                return (BREAK_SUMMARY in out) or shown == '1'
            wait_until(in_dunst, 'the reminder on dunst', 20)
            # pop it into the history to read it back whole
            subprocess.run(['dunstctl', 'close-all'], check=True)
            history = wait_until(lambda: BREAK_SUMMARY in subprocess.run(
                ['dunstctl', 'history'], capture_output=True, text=True).stdout and subprocess.run(
                ['dunstctl', 'history'], capture_output=True, text=True).stdout, 'the history', 10)
            self.assertIn(BREAK_SUMMARY, history)
            self.assertIn('Limber', history)
            wait_until(lambda: len(self.reminders_rows()) == 1, 'the reminder in the journal')
        finally:
            dunst.terminate()
            dunst.wait()
            dunst_log.close()
            with open(dunst_log.name) as f:
                sys.stderr.write(f'--- dunst log ---\n{f.read()}')


# Idle sources and suspend, in seconds: LIMBER_REMINDERS_MINUTE=1 makes each
# minute of the break interval and the idle break one second.
BREAK_S = 6
IDLE_S = 3
MUTTER = 'org.gnome.Mutter.IdleMonitor'
MUTTER_PATH = '/org/gnome/Mutter/IdleMonitor/Core'
SCREENSAVER = 'org.freedesktop.ScreenSaver'
SCREENSAVER_PATH = '/org/freedesktop/ScreenSaver'
# Not Mutter's: the mock's own list of live watches, for the test to read
WATCHES_IFACE = 'io.github.limber.Test.Watches'
# The mock's methods: each watch gets the next id, kept until removed; an
# idle watch can be made to take its time (SetDelay)
ADD_WATCH = ('self.watches = getattr(self, "watches", {}); '
             'self.next_id = getattr(self, "next_id", 0) + 1; '
             'self.watches[self.next_id] = %s; ret = dbus.UInt32(self.next_id)')
SLOW = '__import__("time").sleep(getattr(self, "delay", 0)); '


class FastBreaks(ServiceTestCase):
    '''A break every BREAK_S seconds and IDLE_S seconds away as a break;
    only breaks, so that "nothing next" means "no break while away".'''

    def setUp(self):
        super().setUp()
        self.gsettings('set', 'routine-reminders', '@a(yyys) []')
        self.gsettings('set', 'break-interval-minutes', str(BREAK_S))
        self.gsettings('set', 'idle-break-minutes', str(IDLE_S))

    def start_fast_service(self):
        self.start_service(LIMBER_REMINDERS_MINUTE='1')
        kind, due, _ = self.reminders.GetNext()
        self.assertEqual(kind, 'break')
        self.assertAlmostEqual(due / USEC, time.time() + BREAK_S, delta=1)
        return due / USEC

    def assert_no_reminder_until(self, until):
        '''No Notify call before the wall-clock moment until.'''
        while time.time() < until:
            self.assertEqual(self.notify_calls(), [], 'a reminder was shown')
            time.sleep(0.1)

    def assert_away(self):
        wait_until(lambda: self.reminders.GetNext()[0] == '', 'no break to be due while away', 5)

    def assert_break_from(self, back, wait=True):
        '''The next break counts from back, and comes then, once.'''
        kind, due, _ = wait_until(lambda: self.reminders.GetNext()[0] == 'break' and self.reminders.GetNext(),
                                  'the break to be due again', 5)
        self.assertAlmostEqual(due / USEC, back + BREAK_S, delta=0.5)
        if not wait:
            return
        self.assert_no_reminder_until(due / USEC - 0.3)
        wait_until(self.notify_calls, 'the break reminder', BREAK_S + 5)
        time.sleep(0.5)
        self.assertEqual([c[3] for c in self.notify_calls()], [BREAK_SUMMARY])


class IdleMutter(FastBreaks):
    '''Mutter's IdleMonitor: an idle watch at the threshold, then a one-shot
    user-active watch; the mock hands out ids and keeps the live ones.'''

    def setUp(self):
        super().setUp()
        self.mutter_log = open(os.path.join(self.home, f'mutter-{self.id()}.log'), 'w')
        self.mutter = self.spawn_server(MUTTER, MUTTER_PATH, MUTTER, stdout=self.mutter_log)
        obj = self.bus.get_object(MUTTER, MUTTER_PATH)
        self.monitor = dbus.Interface(obj, dbusmock.MOCK_IFACE)
        self.monitor.AddMethods(MUTTER, [
            ('GetIdletime', '', 't', 'ret = dbus.UInt64(0)'),
            ('AddIdleWatch', 't', 'u', SLOW + ADD_WATCH % '"idle %d" % args[0]'),
            ('AddUserActiveWatch', '', 'u', ADD_WATCH % '"active"'),
            ('RemoveWatch', 'u', '', 'getattr(self, "watches", {}).pop(int(args[0]), None)'),
        ])
        self.monitor.AddMethod(WATCHES_IFACE, 'Watches', '', 'a{us}',
                               'ret = dbus.Dictionary(getattr(self, "watches", {}), signature="us")')
        self.monitor.AddMethod(WATCHES_IFACE, 'SetDelay', 'd', '', 'self.delay = args[0]')
        self.watches = dbus.Interface(obj, WATCHES_IFACE)

    def tearDown(self):
        super().tearDown()  # the service goes first
        self.mutter.terminate()
        self.mutter.wait()
        self.mutter_log.close()

    def watch(self, kind):
        '''The id of the one live watch of kind ("idle 3000", "active").'''
        ids = wait_until(lambda: [int(i) for i, k in self.watches.Watches().items() if k == kind],
                         f'a live {kind} watch', 5)
        self.assertEqual(len(ids), 1, dict(self.watches.Watches()))
        return ids[0]

    def fire(self, watch_id):
        self.monitor.EmitSignal(MUTTER, 'WatchFired', 'u', [dbus.UInt32(watch_id)])

    def test_idle_watch_is_a_break(self):
        due = self.start_fast_service()
        idle = self.watch(f'idle {IDLE_S * 1000}')
        wait_until(lambda: 'Watching idle time through org.gnome.Mutter.IdleMonitor' in self.log(),
                   'the service to use Mutter', 5)

        # Mutter says the user has been idle IDLE_S s: away, no break due
        self.fire(idle)
        self.assert_away()
        active = self.watch('active')
        # away past the moment the break was due, and then some
        self.assert_no_reminder_until(due + 2)

        # back: the user-active watch fires once; the break counts from now
        self.fire(active)
        back = time.time()
        self.assert_break_from(back)
        # the idle watch stays for the next spell; no second active watch
        self.assertEqual(len(self.monitor.GetMethodCalls('AddUserActiveWatch')), 1)
        self.assertEqual(self.watches.Watches().get(dbus.UInt32(idle)), f'idle {IDLE_S * 1000}')

    def mutter_called(self, call):
        with open(self.mutter_log.name) as f:
            return call in f.read()

    def test_threshold_changes_keep_one_watch(self):
        self.start_fast_service()
        first = self.watch('idle 3000')

        # The idle break changes twice while Mutter takes its time to answer
        self.watches.SetDelay(2.0)
        self.gsettings('set', 'idle-break-minutes', '2')
        wait_until(lambda: self.mutter_called('AddIdleWatch 2000'), 'a watch for 2 s', 5)
        self.gsettings('set', 'idle-break-minutes', '4')
        wait_until(lambda: self.mutter_called('AddIdleWatch 4000'), 'a watch for 4 s', 5)
        self.watches.SetDelay(0.0)

        # one idle watch is left in Mutter, the newest, and it is the one heard
        last = wait_until(lambda: len(self.watches.Watches()) == 1 and self.watch('idle 4000'),
                          'one idle watch, for 4 s', 5)
        self.assertNotIn(first, [int(i) for i in self.watches.Watches()])
        self.fire(last)
        self.assert_away()

        # Mutter leaves while the user is away: breaks come back
        self.mutter.terminate()
        self.mutter.wait()
        gone = time.time()
        self.assert_break_from(gone, wait=False)
        self.assertIn("Mutter's idle monitor went away", self.log())


class IdleScreenSaver(FastBreaks):
    '''No Mutter: org.freedesktop.ScreenSaver's ActiveChanged.'''

    def setUp(self):
        super().setUp()
        self.saver = self.spawn_server(SCREENSAVER, SCREENSAVER_PATH, SCREENSAVER,
                                       stdout=subprocess.DEVNULL)
        self.screensaver = dbus.Interface(self.bus.get_object(SCREENSAVER, SCREENSAVER_PATH),
                                          dbusmock.MOCK_IFACE)
        self.screensaver.AddMethod(SCREENSAVER, 'GetActive', '', 'b', 'ret = False')

    def tearDown(self):
        super().tearDown()  # the service goes first
        self.saver.terminate()
        self.saver.wait()

    def set_active(self, active):
        self.screensaver.EmitSignal(SCREENSAVER, 'ActiveChanged', 'b', [active])

    def test_screen_saver_is_a_break(self):
        due = self.start_fast_service()
        wait_until(lambda: 'Watching idle time through org.freedesktop.ScreenSaver' in self.log(),
                   'the service to use the screen saver', 5)
        self.assertFalse(self.bus.name_has_owner(MUTTER))
        self.assertEqual(len(self.screensaver.GetMethodCalls('GetActive')), 1)

        # On and off in a second (a lock and an unlock): no break
        self.set_active(True)
        time.sleep(1)
        self.set_active(False)
        time.sleep(0.3)
        kind, still_due, _ = self.reminders.GetNext()
        self.assertEqual((kind, still_due / USEC), ('break', due))
        self.assertNotIn('The user stepped away', self.log())

        # On for the idle break: away from when it came on, no break due
        self.set_active(True)
        on = time.time()
        self.assert_away()
        self.assertGreater(time.time(), on + IDLE_S - 0.3)
        self.assertLess(time.time(), due, 'too slow to test a spell before the break')
        self.assert_no_reminder_until(due + 2)

        self.set_active(False)
        back = time.time()
        self.assert_break_from(back)

    def test_screen_saver_quits_while_on(self):
        self.start_fast_service()
        wait_until(lambda: 'Watching idle time through org.freedesktop.ScreenSaver' in self.log(),
                   'the service to use the screen saver', 5)
        self.set_active(True)
        self.assert_away()

        # it never says it went off: the user is not left away for good
        self.saver.terminate()
        self.saver.wait()
        gone = time.time()
        self.assert_break_from(gone, wait=False)
        self.assertIn('The screen saver went away', self.log())


class Sleep(FastBreaks):
    '''login1's PrepareForSleep on a private system bus (dbusmock's logind
    template); no idle monitor on the session bus.'''

    system_bus = True

    def setUp(self):
        super().setUp()
        self.logind, obj = self.spawn_server_template('logind', {}, stdout=subprocess.DEVNULL)
        self.login1 = dbus.Interface(obj, dbusmock.MOCK_IFACE)

    def tearDown(self):
        super().tearDown()  # the service goes first
        self.logind.terminate()
        self.logind.wait()

    def prepare_for_sleep(self, going):
        self.login1.EmitSignal('org.freedesktop.login1.Manager', 'PrepareForSleep', 'b', [going])

    def test_sleep_is_a_break(self):
        due = self.start_fast_service()
        start = time.time()
        self.going_to_sleep_heard(start)

        # asleep for longer than the idle break, waking before the break is due
        time.sleep(start + IDLE_S + 1 - time.time())
        self.assertEqual(self.notify_calls(), [])
        self.prepare_for_sleep(False)
        woke = time.time()
        self.assertLess(woke, due - 0.5)
        # no burst after waking, nor at the old due moment: the break
        # counts from the wake-up
        self.assert_break_from(woke)
        self.assertIn('The computer woke up; time asleep counts as a break', self.log())

    def going_to_sleep_heard(self, start):
        '''The service subscribes once it has the system bus: say "going to
        sleep" until it has heard; it is then going to sleep.'''
        def heard():
            self.prepare_for_sleep(True)
            time.sleep(0.1)
            return 'The computer is going to sleep' in self.log()
        wait_until(heard, 'the service to hear PrepareForSleep', 5)
        self.assertLess(time.time() - start, 1, 'too slow to test a sleep before the break')

    def test_nothing_shown_while_going_to_sleep(self):
        '''A break due in the moments before a suspend is not shown on
        waking: the sleep was the break.'''
        due = self.start_fast_service()
        self.going_to_sleep_heard(time.time())
        self.prepare_for_sleep(False)

        # going to sleep a second before the break is due; the process is
        # not frozen here, so the timer fires as it would on a slow suspend
        time.sleep(due - 1 - time.time())
        self.prepare_for_sleep(True)
        self.assert_no_reminder_until(due + 1)
        # a pause asked meanwhile is kept and told, though nothing is shown
        self.reminders.Pause(dbus.UInt32(30))
        until = self.reminders.GetPausedUntil()
        self.assertAlmostEqual(until / USEC, time.time() + 30 * 60, delta=5)
        self.reminders.Resume()
        self.assertEqual(self.reminders.GetPausedUntil(), 0)
        self.assert_no_reminder_until(due + 2)
        self.prepare_for_sleep(False)
        woke = time.time()
        self.assert_break_from(woke)

    def test_no_word_of_waking(self):
        '''login1 says "going to sleep" and then nothing: reminders go on
        after the hold (five minutes, five seconds here).'''
        due = self.start_fast_service()
        self.going_to_sleep_heard(time.time())
        self.prepare_for_sleep(False)
        time.sleep(due - 1 - time.time())
        self.prepare_for_sleep(True)
        held_until = time.time() + 5
        self.assert_no_reminder_until(held_until - 0.3)
        wait_until(self.notify_calls, 'the break reminder once the hold is over', 3)
        self.assertEqual([c[3] for c in self.notify_calls()], [BREAK_SUMMARY])
        self.assertIn('never woke', self.log())


if __name__ == '__main__':
    unittest.main(verbosity=2)
