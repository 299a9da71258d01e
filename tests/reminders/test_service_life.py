#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The reminder service's life, on the private session bus and with the
# notification server of test_reminders.py (whose ServiceTestCase these
# classes extend):
#
#   test_service_life.py Restarts    # a pause and a snooze kept across a
#                                    # killed service; reminders off exits
#                                    # at once
#   test_service_life.py Activation  # Limber turns reminders on by D-Bus
#                                    # activation, or turns the switch back
#                                    # off when it cannot
#   test_service_life.py German      # the notifications in German
#
# Needs what test_reminders.py needs.

import os
import subprocess
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_reminders import (ServiceTestCase, APP_ID, LIMBER_BIN, NAME, REMINDERS_BIN,  # noqa: E402
                            USEC, dbus, wait_until)


class Restarts(ServiceTestCase):
    '''The pause and snoozes are kept in the settings: a service killed and
    started again honours them, on the real clock.'''

    def setUp(self):
        super().setUp()
        self.gsettings('set', 'break-reminders', 'false')
        self.gsettings('set', 'routine-reminders', '[]')

    def get_int(self, key):
        out = subprocess.run(['gsettings', 'get', APP_ID, key], capture_output=True, text=True,
                             check=True).stdout
        return int(out.split()[-1])

    def kill_and_restart(self):
        self.service.kill()
        self.service.wait(10)
        self.log_file.close()
        with open(self.log_path) as f:
            sys.stderr.write(f'--- {self.id()} service log, before the kill ---\n{f.read()}')
        self.log_path = self.log_path.replace('.log', '-restarted.log')
        self.start_service()

    def test_pause_until_tomorrow_survives(self):
        # a check-in reminder at the next minute, which the pause must hold back
        hhmm, at = self.next_minute()
        self.gsettings('set', 'checkin-reminder', 'true')
        self.gsettings('set', 'checkin-time', hhmm)
        self.start_service()
        self.assertEqual(self.reminders.GetNext()[:2], ('checkin', at * USEC))
        self.reminders.Pause(dbus.UInt32(0))
        until = self.reminders.GetPausedUntil()
        self.assertGreater(until, at * USEC)
        self.assertEqual(self.get_int('reminders-paused-until'), until)

        self.kill_and_restart()
        self.assertEqual(self.reminders.GetPausedUntil(), until)
        kind, due, _ = self.reminders.GetNext()
        self.assertGreaterEqual(due, until)
        self.assertIn('Reminders stay paused', self.log())
        # past the check-in's time: nothing was shown
        time.sleep(max(0, at - time.time()) + 5)
        self.assertEqual(self.notify_calls(), [])
        self.assertIsNone(self.service.poll())

        # Turning reminders off forgets the pause, and the service exits
        self.gsettings('set', 'reminders-enabled', 'false')
        self.assertEqual(self.service.wait(10), 0)
        self.assertEqual(self.get_int('reminders-paused-until'), 0)

    def test_snooze_comes_back_after_restart(self):
        # the check-in is on, at a time far from now
        self.gsettings('set', 'checkin-reminder', 'true')
        self.gsettings('set', 'checkin-time', time.strftime('%H:%M', time.localtime(time.time() + 12 * 3600)))
        self.start_service()
        self.reminders.Preview('checkin')
        self.wait_for_notify(1)
        before = time.time()
        self.reminders.Snooze(dbus.UInt32(1))
        kind, due, _ = wait_until(lambda: self.reminders.GetNext()[0] == 'checkin' and self.reminders.GetNext(),
                                  'the snoozed check-in to come next')
        self.assertAlmostEqual(due / USEC, before + 60, delta=5)

        self.kill_and_restart()
        self.assertEqual(self.reminders.GetNext()[:2], ('checkin', due))
        calls = wait_until(lambda: len(self.notify_calls()) >= 2 and self.notify_calls(),
                           'the snoozed check-in', due / USEC - time.time() + 15)
        self.assertGreaterEqual(time.time(), due / USEC - 0.5)
        self.assertEqual(calls[1][3], 'How do your hamstrings feel today?')
        # shown: no snooze is kept any more
        wait_until(lambda: subprocess.run(['gsettings', 'get', APP_ID, 'reminders-snooze'],
                                          capture_output=True, text=True).stdout.startswith("('', "),
                   'the snooze to be forgotten')

    def test_snooze_due_while_down(self):
        self.gsettings('set', 'checkin-reminder', 'true')
        self.gsettings('set', 'checkin-time', time.strftime('%H:%M', time.localtime(time.time() + 12 * 3600)))
        # due two hours ago: too late, dropped
        two_hours_ago = int((time.time() - 2 * 3600) * USEC)
        self.gsettings('set', 'reminders-snooze', f"('checkin', {two_hours_ago}, -1, '')")
        self.start_service()
        wait_until(lambda: 'was due over an hour ago' in self.log(), 'the old snooze to be dropped')
        self.assertNotEqual(self.reminders.GetNext()[1], two_hours_ago)
        time.sleep(1)
        self.assertEqual(self.notify_calls(), [])

        # due five minutes ago: it comes at once
        self.service.kill()
        self.service.wait(10)
        self.log_file.close()
        five_minutes_ago = int((time.time() - 5 * 60) * USEC)
        self.gsettings('set', 'reminders-snooze', f"('checkin', {five_minutes_ago}, -1, '')")
        self.log_path = self.log_path.replace('.log', '-2.log')
        self.start_service()
        calls = self.wait_for_notify(1)
        self.assertEqual(calls[0][3], 'How do your hamstrings feel today?')

    def test_off_exits_at_once(self):
        # what a desktop that ignores AutostartCondition gets at login
        self.gsettings('set', 'reminders-enabled', 'false')
        result = subprocess.run([REMINDERS_BIN], capture_output=True, text=True, timeout=10)
        self.assertEqual(result.returncode, 0)
        self.assertIn('Reminders are turned off', result.stdout + result.stderr)
        self.assertFalse(self.bus.name_has_owner(NAME))


class Activation(ServiceTestCase):
    '''An installed Limber (no LIMBER_REMINDERS_BIN) starts the service by
    D-Bus activation of its name when reminders are turned on, and turns
    them back off when the bus cannot start it.'''

    with_server = True

    def start_limber(self):
        env = {k: v for k, v in os.environ.items() if k != 'LIMBER_REMINDERS_BIN'}
        env['G_MESSAGES_DEBUG'] = 'limber-reminders-client'
        self.limber_log = open(os.path.join(self.home, 'limber-activation.log'), 'w')
        self.limber = subprocess.Popen([LIMBER_BIN, '--gapplication-service'], env=env,
                                       stdout=self.limber_log, stderr=subprocess.STDOUT)
        self.addCleanup(self.stop_limber)
        wait_until(lambda: self.bus.name_has_owner(APP_ID), 'Limber on the bus', 30)
        # Its name is owned before its start-up ends; an answer comes after.
        dbus.Interface(self.bus.get_object(APP_ID, '/io/github/limber/Limber'), 'org.gtk.Actions').List()

    def stop_limber(self):
        self.limber.terminate()
        self.limber.wait(10)
        self.limber_log.close()
        with open(self.limber_log.name) as f:
            sys.stderr.write(f'--- Limber log ---\n{f.read()}')

    def get_enabled(self):
        return subprocess.run(['gsettings', 'get', APP_ID, 'reminders-enabled'],
                              capture_output=True, text=True, check=True).stdout.strip()

    def test_activation(self):
        self.gsettings('set', 'reminders-enabled', 'false')
        service_file = os.path.join(self.get_services_dir(), NAME + '.service')
        if os.path.exists(service_file):
            os.unlink(service_file)
        self.start_limber()

        # No service file for the name: the switch goes back off
        self.gsettings('set', 'reminders-enabled', 'true')
        wait_until(lambda: self.get_enabled() == 'false', 'reminders to be turned back off', 20)
        self.assertFalse(self.bus.name_has_owner(NAME))

        # With one, turning reminders on starts the service, off stops it
        with open(service_file, 'w') as f:
            f.write(f'[D-BUS Service]\nName={NAME}\n'
                    f'Exec=/bin/sh -c "exec {REMINDERS_BIN} >>{self.home}/activated.log 2>&1"\n')
        dbus.Interface(self.bus.get_object('org.freedesktop.DBus', '/org/freedesktop/DBus'),
                       'org.freedesktop.DBus').ReloadConfig()
        self.gsettings('set', 'reminders-enabled', 'true')
        wait_until(lambda: self.bus.name_has_owner(NAME), 'the service to be activated', 20)
        self.assertEqual(self.get_enabled(), 'true')
        self.gsettings('set', 'reminders-enabled', 'false')
        wait_until(lambda: not self.bus.name_has_owner(NAME), 'the service to stop', 20)


class German(ServiceTestCase):
    '''The notifications a German user sees: the service under
    LC_ALL=de_DE.UTF-8 with the build's translations, sending to the mock
    server. A routine's name keeps its capital inside the German title.'''

    system_bus = True

    def setUp(self):
        super().setUp()
        self.start_service(LC_ALL='de_DE.UTF-8', LANGUAGE='de',
                           LIMBER_LOCALEDIR=os.environ['LIMBER_BUILD_LOCALEDIR'])

    def test_notifications_are_german(self):
        self.reminders.Preview('break')
        self.reminders.Preview('routine')
        self.reminders.Preview('checkin')
        calls = self.wait_for_notify(3)
        summaries = [call[3] for call in calls]
        self.assertEqual(summaries[0], 'Zeit zum Aufstehen und Dehnen')
        self.assertEqual(summaries[1], 'Zeit für „Entspannung am Abend“')
        self.assertTrue(summaries[2].startswith('Wie fühlt sich'), summaries[2])
        self.assertIn('50 Minuten', calls[0][4])
        # the buttons' labels: (id, label) pairs
        labels = list(calls[1][5])[1::2]
        self.assertIn('Starten', labels)
        self.assertIn('In 10 min erinnern', labels)


if __name__ == '__main__':
    unittest.main(verbosity=2)
