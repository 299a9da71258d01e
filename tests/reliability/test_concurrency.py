#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The window, the reminder service and the command line writing to one
# journal at the same moment (issue 10), each through its own real code:
#
#  - the command line: the real `limber --check-in --pain N --stiffness N
#    --note cli-<i>`, run 1,000 times one after the other (about 20 ms a
#    run alone, 40 to 70 ms here). Each run opens the journal, saves one
#    check-in (a BEGIN IMMEDIATE transaction) and looks for advice (another
#    when the pain calls for it), and must exit 0 without "locked" or "busy".
#  - the reminder service: the real `limber-reminders` on this test's
#    session bus, against python3-dbusmock's notification server, asked
#    for 1,000 reminders over its D-Bus interface (Preview: break,
#    check-in and routine in turn). Each is shown and written to the
#    journal before the call returns.
#  - the window: the real `limber` under Xvfb, playing a routine of 50
#    steps, each side its own part, with the Right key (next exercise)
#    pressed by xdotool, as someone at the keyboard does: every press
#    ends a step, and the player view writes its two parts to the
#    journal. Ten routines: 1,000 parts, plus 10 session starts and 10
#    ends. Pressing a key rather than waiting is the only change from a
#    routine played through: the holds would take 10,000 s. Before the
#    three start, the window makes the journal and plays the routine once
#    through, not counted: it is then known to take keys, and past its
#    first start of a long routine, which keeps it busy for a second.
#
# The three go in step (none gets more than 2% ahead of the slowest), so
# that they write at the same time from the first write to the last, and
# the test checks that each wrote in every tenth of the run. Then
# every process is ended normally and the journal is read back read-only:
# every check-in cli-0…cli-999 exactly once, every reminder, every part and
# session, each write a program reported (its debug log) found,
# PRAGMA integrity_check ok, and no "locked", "busy", "could not write" or
# "not saved" in anything a process printed.
#
# Prints TAP. Needs LIMBER_BIN, LIMBER_REMINDERS_BIN and GSETTINGS_SCHEMA_DIR;
# runs under xvfb-run and dbus-run-session (see meson.build). About a
# minute on two cores. LIMBER_CONCURRENCY_WRITES=100 makes a quick run.

import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'common'))
import require  # noqa: E402
import reminders_bus  # noqa: E402
import waiting  # noqa: E402

dbus = require.module('dbus', 'python3-dbus')
require.module('dbusmock', 'python3-dbusmock')
XDOTOOL = require.program('xdotool', 'xdotool')
GSETTINGS = require.program('gsettings', 'libglib2.0-bin')
GAPPLICATION = require.program('gapplication', 'libglib2.0-bin')
SETPRIV = require.program('setpriv', 'util-linux')

LIMBER_BIN = os.environ['LIMBER_BIN']
REMINDERS_BIN = os.environ['LIMBER_REMINDERS_BIN']
APP_ID = 'io.github.limber.Limber'
REMINDERS_NAME = reminders_bus.NAME
REMINDERS_PATH = reminders_bus.PATH
NOTIFICATIONS = 'org.freedesktop.Notifications'

N_CLI = int(os.environ.get('LIMBER_CONCURRENCY_WRITES', '1000'))
N_REMINDERS = N_CLI
N_ROUTINES = max(1, N_CLI // 100)
N_STEPS = 50                      # the most a routine may have
PREVIEW_KINDS = ['break', 'checkin', 'routine:burst']
LEAD = 0.02                       # how far ahead of the slowest a writer may go
DEADLINE = 240                    # s for the three; meson gives the test 300
# What a person must never be shown, nor a log say, about saving.
BAD = re.compile(r'locked|busy|could not write|not saved', re.IGNORECASE)


def spawn(argv, **kwargs):
    '''Starts a program that dies with the thread that started it
    (PR_SET_PDEATHSIG, through setpriv: no preexec_fn in a threaded test),
    so that a failed or killed test leaves nothing running.'''
    return subprocess.Popen([SETPRIV, '--pdeathsig', 'KILL', '--'] + argv, **kwargs)


def run(argv, timeout=60, **kwargs):
    return subprocess.run([SETPRIV, '--pdeathsig', 'KILL', '--'] + argv, timeout=timeout,
                          capture_output=True, text=True, **kwargs)


def wait_until(cond, what, timeout=30.0):
    # closer polling than the other tests: it keeps the writers in step
    return waiting.wait_until(cond, what, timeout, interval=0.02)


class Tap:
    def __init__(self, n):
        self.n = 0
        self.failed = 0
        print(f'1..{n}', flush=True)

    def check(self, ok, name, detail=None):
        self.n += 1
        if not ok:
            self.failed += 1
        print(f'{"ok" if ok else "not ok"} {self.n} - {name}', flush=True)
        if detail and not ok:
            for line in str(detail).splitlines()[:40]:
                print(f'# {line}', flush=True)
        return ok

    def note(self, text):
        print(f'# {text}', flush=True)


class Pace:
    '''Keeps the writers in step: each waits while it is more than LEAD
    ahead of the slowest one still writing.'''

    def __init__(self, names):
        self.progress = {name: 0.0 for name in names}
        self.lock = threading.Lock()
        self.stop = threading.Event()

    def advance(self, name, fraction):
        with self.lock:
            self.progress[name] = fraction
        while not self.stop.is_set():
            with self.lock:
                slowest = min(v for k, v in self.progress.items() if k != name)
            if fraction <= slowest + LEAD:
                return
            time.sleep(0.002)

    def done(self, name):
        with self.lock:
            self.progress[name] = 1.0 + LEAD


class Writer(threading.Thread):
    def __init__(self, name, pace, start_event, body):
        super().__init__(name=name, daemon=True)
        self.pace = pace
        self.start_event = start_event
        self.body = body
        self.error = None
        self.seconds = 0.0

    def run(self):
        self.start_event.wait()
        t0 = time.monotonic()
        try:
            self.body(lambda fraction: self.pace.advance(self.name, fraction))
        except BaseException as e:  # noqa: B902 - reported as a test failure
            self.error = f'{type(e).__name__}: {e}'
            self.pace.stop.set()
        finally:
            self.seconds = time.monotonic() - t0
            self.pace.done(self.name)


def latency_summary(values):
    if not values:
        return 'none'
    ordered = sorted(values)
    return (f'mean {1000 * sum(ordered) / len(ordered):.0f} ms, '
            f'95th {1000 * ordered[int(0.95 * (len(ordered) - 1))]:.0f} ms, '
            f'max {1000 * ordered[-1]:.0f} ms')


def main():
    home = tempfile.mkdtemp(prefix='limber-concurrency-')
    env = dict(os.environ, HOME=home,
               XDG_DATA_HOME=os.path.join(home, 'data'),
               XDG_CONFIG_HOME=os.path.join(home, 'config'),
               XDG_CACHE_HOME=os.path.join(home, 'cache'),
               XDG_STATE_HOME=os.path.join(home, 'state'),
               # shared by gsettings here, the service and the window
               GSETTINGS_BACKEND='keyfile')
    journal = os.path.join(home, 'data', 'limber', 'journal.db')
    routines = os.path.join(home, 'data', 'limber', 'routines')
    os.makedirs(routines)
    with open(os.path.join(routines, 'burst.routine'), 'w') as f:
        f.write('[Routine]\nId=burst\nName=Burst\nPrepare=0\nSwitchSides=0\n')
        for step in range(1, N_STEPS + 1):
            f.write(f'[Step {step}]\nExercise=standing-calf\nHold=30\nRest=0\n')

    children = []
    logs = {}
    tap = Tap(11)

    def log_file(name):
        path = os.path.join(home, name)
        logs[name] = path
        return open(path, 'w')

    def said_bad(text):
        # the home's random name could spell anything
        return BAD.search(text.replace(home, '<home>'))

    def read_log(name):
        with open(logs[name], errors='replace') as f:
            return f.read()

    def query(sql, *args):
        if not os.path.exists(journal):
            return []
        db = sqlite3.connect(f'file:{journal}?mode=ro', uri=True, timeout=10)
        try:
            return db.execute(sql, args).fetchall()
        except sqlite3.OperationalError:
            return []
        finally:
            db.close()

    try:
        # Reminders on, nothing due by itself while the test runs, no sound
        for key, value in [('reminders-enabled', 'true'), ('quiet-hours', 'false'),
                           ('checkin-reminder', 'false'), ('routine-reminders', '[]'),
                           ('sound-cues', 'false')]:
            subprocess.run([GSETTINGS, 'set', APP_ID, key, value], env=env, check=True)

        bus = dbus.bus.BusConnection(os.environ['DBUS_SESSION_BUS_ADDRESS'])

        server = spawn([sys.executable, '-m', 'dbusmock', '--session', '-t', 'notification_daemon',
                        '-p', json.dumps({'capabilities': 'body actions'})],
                       env=env, stdout=subprocess.DEVNULL, stderr=log_file('notifications.log'))
        children.append(server)
        wait_until(lambda: bus.name_has_owner(NOTIFICATIONS), 'the notification server')

        service = spawn([REMINDERS_BIN], env=dict(env, G_MESSAGES_DEBUG='limber-journal'),
                        stdout=log_file('service.out'), stderr=log_file('service.err'))
        children.append(service)
        wait_until(lambda: bus.name_has_owner(REMINDERS_NAME), 'the reminder service')

        window = spawn([LIMBER_BIN, '--start=burst'], env=dict(env, G_MESSAGES_DEBUG='limber-journal'),
                       stdout=log_file('window.out'), stderr=log_file('window.err'))
        children.append(window)

        def window_shown():
            out = subprocess.run([XDOTOOL, 'search', '--onlyvisible', '--pid', str(window.pid), '.'],
                                 capture_output=True, text=True).stdout
            return len(out.split()) == 1

        def in_progress():
            rows = query("SELECT id FROM sessions WHERE outcome = 'in-progress' ORDER BY id DESC")
            return rows[0][0] if rows else None

        def session_done(sid, n_parts):
            return query("SELECT outcome, (SELECT count(*) FROM session_parts WHERE session_id = ?1)"
                         " FROM sessions WHERE id = ?1", sid) == [('completed', n_parts)]

        # The routine once through first, not counted: the window is then
        # known to take keys, and past its first start of a long routine,
        # which keeps it busy for a second
        warm_up = wait_until(in_progress, 'the window to start the routine')
        wait_until(window_shown, 'the window on screen')
        subprocess.run([XDOTOOL, 'key', '--delay', '20'] + ['Right'] * N_STEPS, check=True, timeout=60)
        wait_until(lambda: session_done(warm_up, 2 * N_STEPS), 'the warm-up to be written completed')
        tap.check(window.poll() is None and service.poll() is None,
                  'the window plays a routine, the reminder service and a notification server are up')

        # The writers

        pace = Pace(['cli', 'reminders', 'window'])
        go = threading.Event()
        cli_failures = []
        cli_acks = {}          # note → check-in id the program said it saved
        cli_times = []

        def write_cli(advance):
            saved = re.compile(r'Saved check-in (\d+)')
            for i in range(N_CLI):
                advance(i / N_CLI)
                argv = [LIMBER_BIN, '--check-in', '--pain', str(i % 11), '--stiffness', str((3 * i) % 11),
                        '--note', f'cli-{i}']
                t0 = time.monotonic()
                proc = run(argv, env=dict(env, G_MESSAGES_DEBUG='limber-journal'))
                cli_times.append(time.monotonic() - t0)
                m = saved.search(proc.stdout)
                if m:
                    cli_acks[f'cli-{i}'] = int(m.group(1))
                if proc.returncode != 0 or said_bad(proc.stderr) or said_bad(proc.stdout) or \
                   'Check-in saved' not in proc.stdout:
                    cli_failures.append(f'cli-{i}: exit {proc.returncode}, stderr: {proc.stderr.strip()!r}')

        reminder_times = []
        reminder_errors = []

        def write_reminders(advance):
            conn = dbus.bus.BusConnection(os.environ['DBUS_SESSION_BUS_ADDRESS'])
            reminders = dbus.Interface(conn.get_object(REMINDERS_NAME, REMINDERS_PATH),
                                       reminders_bus.IFACE)
            for i in range(N_REMINDERS):
                advance(i / N_REMINDERS)
                t0 = time.monotonic()
                try:
                    reminders.Preview(PREVIEW_KINDS[i % len(PREVIEW_KINDS)], timeout=60)
                except dbus.exceptions.DBusException as e:
                    reminder_errors.append(f'Preview {i}: {e}')
                reminder_times.append(time.monotonic() - t0)

        routine_times = []
        window_sessions = []

        def write_window(advance):
            for r in range(N_ROUTINES):
                t0 = time.monotonic()
                # as a reminder's Start button or a second `limber --start` does
                proc = run([GAPPLICATION, 'action', APP_ID, 'start-routine', "'burst'"], env=env)
                assert proc.returncode == 0, f'start-routine: {proc.stderr}'
                last = window_sessions[-1] if window_sessions else warm_up
                sid = wait_until(lambda: (in_progress() or 0) > last and in_progress(),
                                 f'routine {r + 1} to start')
                window_sessions.append(sid)
                for step in range(N_STEPS):
                    advance((r * N_STEPS + step) / (N_ROUTINES * N_STEPS))
                    subprocess.run([XDOTOOL, 'key', 'Right'], check=True, timeout=30)
                wait_until(lambda: session_done(sid, 2 * N_STEPS),
                           f'routine {r + 1} to be written completed, with {2 * N_STEPS} parts')
                routine_times.append(time.monotonic() - t0)

        writers = [Writer('cli', pace, go, write_cli),
                   Writer('reminders', pace, go, write_reminders),
                   Writer('window', pace, go, write_window)]
        for w in writers:
            w.start()
        t0 = time.monotonic()
        go_wall = time.time()
        go.set()
        for w in writers:
            w.join(timeout=max(0, DEADLINE - (time.monotonic() - t0)))
        elapsed = time.monotonic() - t0
        tap.note(f'all three writing at once: {elapsed:.1f} s')
        for w in writers:
            if w.is_alive():
                w.error = w.error or f'still writing after {DEADLINE} s'
                pace.stop.set()
        errors = {w.name: w.error for w in writers if w.error}

        cw = writers[0]
        tap.note(f'command line: {len(cli_times)} runs of limber --check-in in {cw.seconds:.1f} s '
                 f'({latency_summary(cli_times)} each)')
        tap.check('cli' not in errors and not cli_failures and len(cli_times) == N_CLI,
                  f'{N_CLI} runs of limber --check-in exit 0 and say nothing of a locked or busy journal',
                  '\n'.join(([errors['cli']] if 'cli' in errors else []) + cli_failures))

        rw = writers[1]
        tap.note(f'reminder service: {len(reminder_times)} Preview calls in {rw.seconds:.1f} s '
                 f'({latency_summary(reminder_times)} each)')
        mock = dbus.Interface(bus.get_object(NOTIFICATIONS, '/org/freedesktop/Notifications'),
                              'org.freedesktop.DBus.Mock')
        n_notify = len(mock.GetMethodCalls('Notify'))
        tap.check('reminders' not in errors and not reminder_errors and n_notify == N_REMINDERS,
                  f'{N_REMINDERS} reminders asked for over D-Bus are answered and shown',
                  '\n'.join(([errors['reminders']] if 'reminders' in errors else []) + reminder_errors +
                            [f'{n_notify} Notify calls']))

        ww = writers[2]
        tap.note(f'window: {len(routine_times)} routines of {N_STEPS} steps in {ww.seconds:.1f} s '
                 f'({latency_summary(routine_times)} a routine)')
        tap.check('window' not in errors, f'the window plays {N_ROUTINES} routines through, key by key',
                  errors.get('window'))

        # Every process ends as it normally does, writing what it still holds
        quit_proc = run([GAPPLICATION, 'action', APP_ID, 'quit'], env=env)
        try:
            window_status = window.wait(30)
        except subprocess.TimeoutExpired:
            window_status = 'still running'
        service.send_signal(signal.SIGTERM)
        try:
            service_status = service.wait(30)
        except subprocess.TimeoutExpired:
            service_status = 'still running'
        tap.check(quit_proc.returncode == 0 and window_status == 0 and service_status == 0,
                  'the window quits and the service stops, both with status 0',
                  f'quit: {quit_proc.returncode} {quit_proc.stderr}; window: {window_status}; '
                  f'service: {service_status}')

        # The journal, read back without touching it

        db = sqlite3.connect(f'file:{journal}?mode=ro', uri=True, timeout=10)
        try:
            integrity = [row[0] for row in db.execute('PRAGMA integrity_check')]
            checkin_notes = {}
            for note, n in db.execute('SELECT note, count(*) FROM checkins GROUP BY note'):
                checkin_notes[note] = n
            checkin_ids = dict(db.execute('SELECT id, note FROM checkins'))
            reminder_rows = db.execute('SELECT id, kind, routine_id FROM reminders ORDER BY id').fetchall()
            sessions = db.execute("SELECT id, outcome FROM sessions WHERE routine_id = 'burst' ORDER BY id").fetchall()
            # when each wrote, in unix µs
            events = ([(t, 'cli') for (t,) in db.execute('SELECT time FROM checkins')] +
                      [(t, 'reminders') for (t,) in db.execute('SELECT shown_at FROM reminders')])
            parts = db.execute('SELECT session_id, step, side FROM session_parts').fetchall()
        finally:
            db.close()
        tap.check(integrity == ['ok'], 'PRAGMA integrity_check: ok', integrity)

        # The three really wrote at the same time: each in every tenth of
        # the run, from the first write to the last. Parts have
        # no time in the journal; the window's log says when it wrote each,
        # in local time of day, to the millisecond.
        midnight = time.mktime(time.localtime(go_wall)[:3] + (0, 0, 0, 0, 0, -1))
        for m in re.finditer(r'DEBUG: (\d\d):(\d\d):(\d\d\.\d+): Recorded part \d+ \w+ of session (\d+)',
                             read_log('window.out')):
            if int(m.group(4)) == warm_up:
                continue
            t = midnight + int(m.group(1)) * 3600 + int(m.group(2)) * 60 + float(m.group(3))
            if t < go_wall - 3600:
                t += 86400   # past midnight
            events.append((int(t * 1e6), 'window'))
        events.sort()
        start, end = (events[0][0], events[-1][0]) if events else (0, 0)
        slices = 10
        seen = [set() for _ in range(slices)]
        for t, who in events:
            seen[min(slices - 1, (t - start) * slices // max(1, end - start))].add(who)
        idle = {who: [i for i in range(slices) if who not in seen[i]] for who in ('cli', 'reminders', 'window')}
        switches = sum(1 for a, b in zip(events, events[1:]) if a[1] != b[1])
        tap.note(f'{len(events)} writes in {(end - start) / 1e6:.1f} s; one writer followed another '
                 f'{switches} times; tenths of the run in which a writer wrote nothing: '
                 + ', '.join(f'{who} {len(v)}' for who, v in idle.items()))
        tap.check(not any(idle.values()), 'the three wrote at the same time, in each tenth of the run',
                  f'tenths without a write: {idle}')

        # Command line: each note once, and each check-in a run reported saved
        expected_notes = {f'cli-{i}' for i in range(N_CLI)}
        cli_missing = sorted(expected_notes - set(checkin_notes), key=lambda s: int(s[4:]))
        cli_twice = sorted(n for n, c in checkin_notes.items() if n in expected_notes and c > 1)
        cli_extra = sorted(n or '(none)' for n in checkin_notes if n not in expected_notes)
        cli_unfound = [n for n, cid in cli_acks.items() if checkin_ids.get(cid) != n]

        # Service: the right kinds, and each reminder it logged
        expected_kinds = {}
        for i in range(N_REMINDERS):
            kind = PREVIEW_KINDS[i % len(PREVIEW_KINDS)]
            key = {'break': ('break', 'desk-break'), 'checkin': ('checkin', None),
                   'routine:burst': ('routine', 'burst')}[kind]
            expected_kinds[key] = expected_kinds.get(key, 0) + 1
        found_kinds = {}
        for _, kind, routine_id in reminder_rows:
            found_kinds[(kind, routine_id)] = found_kinds.get((kind, routine_id), 0) + 1
        reminder_ids = {row[0] for row in reminder_rows}
        # the journal helper the service runs logs to the service's stderr
        logged = [int(m.group(1)) for m in re.finditer(r'Logged \S+ reminder (\d+)',
                                                      read_log('service.out') + read_log('service.err'))]
        reminders_unfound = [i for i in logged if i not in reminder_ids]
        reminders_missing = N_REMINDERS - len(reminder_rows)

        # Window: every session, every part, and each the window reported
        parts_by_session = {}
        for sid, step, side in parts:
            parts_by_session.setdefault(sid, set()).add((step, side))
        all_parts = {(step, side) for step in range(N_STEPS) for side in ('left', 'right')}
        window_out = read_log('window.out')
        recorded = [(int(m.group(3)), int(m.group(1)), m.group(2))
                    for m in re.finditer(r'Recorded part (\d+) (\w+) of session (\d+)', window_out)
                    if int(m.group(3)) != warm_up]
        finished = [int(m.group(1)) for m in re.finditer(r'Finished session (\d+) as completed', window_out)
                    if int(m.group(1)) != warm_up]
        parts_set = set(parts)
        window_unfound = [p for p in recorded if p not in parts_set]
        window_missing = sum(len(all_parts - parts_by_session.get(sid, set())) for sid in window_sessions)
        bad_sessions = [s for s in sessions if s[0] in window_sessions and s[1] != 'completed']

        lost = {'command line': len(cli_missing) + len(cli_unfound),
                'reminder service': max(0, reminders_missing) + len(reminders_unfound),
                'window': window_missing + len(window_unfound) + len(bad_sessions)}
        tap.note(f'writes reported: command line {len(cli_acks)} check-ins; reminder service '
                 f'{len(logged)} reminders; window '
                 f'{len(recorded)} parts and {len(finished)} ends of {len(window_sessions)} sessions')
        tap.note('lost: ' + ', '.join(f'{k} {v}' for k, v in lost.items()))
        tap.check(not cli_missing and not cli_twice and not cli_extra and not cli_unfound
                  and len(cli_acks) == N_CLI,
                  f'every check-in cli-0…cli-{N_CLI - 1} is in the journal exactly once',
                  f'missing: {cli_missing[:20]}\ntwice: {cli_twice[:20]}\nother notes: {cli_extra[:20]}\n'
                  f'reported saved but not found: {cli_unfound[:20]}\nreported saved: {len(cli_acks)}')
        tap.check(found_kinds == expected_kinds and not reminders_unfound and len(logged) == N_REMINDERS,
                  f'every one of the {N_REMINDERS} reminders is in the journal, once',
                  f'expected {expected_kinds}\nfound {found_kinds}\nlogged {len(logged)}, '
                  f'logged but not found: {reminders_unfound[:20]}')
        tap.check(len(window_sessions) == N_ROUTINES and window_missing == 0 and not window_unfound
                  and not bad_sessions and len(recorded) == N_ROUTINES * 2 * N_STEPS
                  and sorted(finished) == sorted(window_sessions)
                  and all(parts_by_session.get(sid) == all_parts for sid in window_sessions),
                  f'every part of the {N_ROUTINES} routines and every session end is in the journal',
                  f'sessions {window_sessions}: {sessions}\nparts missing: {window_missing}\n'
                  f'reported but not found: {window_unfound[:20]}\nreported: {len(recorded)} parts, '
                  f'finished {finished}')

        # Nothing said "locked" or "busy": not the window, not the service
        said = []
        for name in ['window.out', 'window.err', 'service.out', 'service.err']:
            said += [f'{name}: {line}' for line in read_log(name).splitlines() if said_bad(line)]
        said += [f for f in cli_failures if said_bad(f)]
        tap.note(f'"locked" or "busy" said: {len(said)} times')
        tap.check(not said, 'no process said the journal was locked or busy, or that something was not saved',
                  '\n'.join(said[:40]))
    except Exception as e:  # noqa: B902 - reported in TAP
        print(f'Bail out! {type(e).__name__}: {e}', flush=True)
        tap.failed += 1
    finally:
        for proc in reversed(children):
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        if tap.failed:
            for name in logs:
                with open(logs[name], errors='replace') as f:
                    text = f.read()
                tail = '\n'.join(line for line in text.splitlines() if 'DEBUG' not in line)[-4000:]
                sys.stderr.write(f'--- {name} (debug lines left out) ---\n{tail}\n')
        shutil.rmtree(home, ignore_errors=True)
    return 1 if tap.failed else 0


if __name__ == '__main__':
    sys.exit(main())
