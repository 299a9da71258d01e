#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What limber-reminders costs, next to the floor of a bare GLib + libnotify
# program (bare-notify) measured in the same run, both on a private session
# bus with python3-dbusmock's notification daemon:
#
#   - resident memory (VmRSS) after start, and after 100 reminders;
#   - wake-ups over an idle window (default 60 s, LIMBER_BENCH_IDLE_SECONDS
#     to change it): the growth of voluntary + involuntary context switches
#     in /proc/PID/status. A process that sleeps in poll() with no timer
#     due does not get scheduled at all, so every switch is a wake-up.
#
# Targets: within 2x the floor's memory, and no wake-ups while idle.
# It only reports; it exits 0.

import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'common'))
import require  # noqa: E402
import reminders_bus  # noqa: E402

dbus = require.module('dbus', 'python3-dbus')
DBusTestCase = require.module('dbusmock', 'python3-dbusmock').DBusTestCase
require.program('gsettings', 'libglib2.0-bin')

REMINDERS_BIN = os.environ['LIMBER_REMINDERS_BIN']
BARE_BIN = os.environ['LIMBER_BARE_NOTIFY_BIN']
IDLE_SECONDS = float(os.environ.get('LIMBER_BENCH_IDLE_SECONDS', '60'))
N_REMINDERS = 100


def status(pid):
    fields = {}
    with open(f'/proc/{pid}/status') as f:
        for line in f:
            key, _, value = line.partition(':')
            fields[key] = value.strip()
    return fields


def rss_kib(pid):
    return int(status(pid)['VmRSS'].split()[0])


def switches(pid):
    s = status(pid)
    return int(s['voluntary_ctxt_switches']) + int(s['nonvoluntary_ctxt_switches'])


def main():
    home = tempfile.mkdtemp(prefix='limber-bench-reminders-')
    os.environ.update(XDG_DATA_HOME=os.path.join(home, 'data'),
                      XDG_CONFIG_HOME=os.path.join(home, 'config'),
                      GSETTINGS_BACKEND='keyfile')
    os.environ.pop('G_MESSAGES_DEBUG', None)
    subprocess.check_call(['gsettings', 'set', 'io.github.limber.Limber', 'reminders-enabled', 'true'])
    subprocess.check_call(['gsettings', 'set', 'io.github.limber.Limber', 'quiet-hours', 'false'])

    DBusTestCase.start_session_bus()
    server, _ = DBusTestCase.spawn_server_template(
        'notification_daemon', {'capabilities': 'body body-markup actions'}, stdout=subprocess.DEVNULL)
    devnull = subprocess.DEVNULL
    service = subprocess.Popen([REMINDERS_BIN], stdout=devnull, stderr=devnull)
    bare = subprocess.Popen([BARE_BIN], stdout=devnull, stderr=devnull)
    try:
        DBusTestCase.wait_for_bus_object(reminders_bus.NAME, reminders_bus.PATH)
        bus = DBusTestCase.get_dbus()
        reminders = dbus.Interface(bus.get_object(reminders_bus.NAME, reminders_bus.PATH),
                                   reminders_bus.IFACE)
        time.sleep(2)
        bare_rss = rss_kib(bare.pid)
        start_rss = rss_kib(service.pid)
        # where the memory goes, mapping by mapping, for whoever looks
        smaps_dir = os.environ.get('LIMBER_BENCH_SMAPS_DIR')
        if smaps_dir:
            for name, proc in (('service', service), ('bare', bare)):
                with open(f'/proc/{proc.pid}/smaps') as f, \
                     open(os.path.join(smaps_dir, f'{name}.smaps'), 'w') as out:
                    out.write(f.read())

        kinds = ['break', 'routine', 'checkin']
        for i in range(N_REMINDERS):
            reminders.Preview(kinds[i % len(kinds)])
        time.sleep(1)
        after_rss = rss_kib(service.pid)

        # The idle window: nothing is due for the next 50 minutes
        service_before, bare_before = switches(service.pid), switches(bare.pid)
        time.sleep(IDLE_SECONDS)
        service_wakeups = switches(service.pid) - service_before
        bare_wakeups = switches(bare.pid) - bare_before
        alive = service.poll() is None
    finally:
        for proc in (service, bare, server):
            proc.terminate()
            proc.wait()
        DBusTestCase.tearDownClass()

    print('limber-reminders against a bare GLib + libnotify loop (same run)')
    print(f'{"":32}{"service":>12}{"bare":>12}{"ratio":>8}')
    print(f'{"resident memory after start":32}{start_rss:>9} KiB{bare_rss:>9} KiB'
          f'{start_rss / bare_rss:>8.2f}')
    print(f'{f"after {N_REMINDERS} reminders":32}{after_rss:>9} KiB{bare_rss:>9} KiB'
          f'{after_rss / bare_rss:>8.2f}')
    print(f'{f"wake-ups over {IDLE_SECONDS:g} s idle":32}{service_wakeups:>12}{bare_wakeups:>12}')
    ok_memory = after_rss <= 2 * bare_rss
    ok_idle = service_wakeups == 0
    print(f'target: memory within 2x of the floor: {"met" if ok_memory else "NOT MET"}; '
          f'no wake-ups while idle: {"met" if ok_idle else "NOT MET"}; '
          f'service still running: {"yes" if alive else "NO"}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
