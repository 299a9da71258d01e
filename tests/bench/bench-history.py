#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# How quickly the History page and its whole-journal list ("Your Whole
# Journal") show with ten years of data, next to a journal of one day,
# measured in the same run.
#
# Each run starts the real program alone under its own Xvfb and private
# D-Bus session (cairo renderer, no accessibility bus), with its own HOME and
# XDG dirs and a copy of a journal made once by make-ten-years. Given
# LIMBER_BENCH_FIRST_FRAME_FD=N and LIMBER_BENCH_HISTORY=1, Limber, half a
# second after its first frame, shows History and writes the time from there
# to the first frame that painted it; half a second later it opens Your Whole
# Journal and writes the time from there to the first frame that drew the
# list's rows, and how many entries of the journal it had read by then.
# The journals take turns, the order turning from one run to the next,
# LIMBER_BENCH_RUNS times (default 7) after one unmeasured warm-up of each;
# the table shows medians.
#
# Target: ten years at most 1.2x a short journal to draw the list's first
# rows. Both short journals are shown: one day (two rows), and 120 days (240
# entries), more than a screen of rows, so that the journal's size is told
# apart from the number of rows on the screen (the list loads as it
# scrolls: it makes row widgets for about a screen, whatever the journal's
# size; an empty journal has no list to open). The History overview's times
# are reported next to it. It only reports: it exits 0 when it measured, met or not, and 1
# only when a measure cannot be trusted (a program died, never painted, or
# a journal was not the one meant).

import fcntl
import os
import select
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'common'))
import require  # noqa: E402
from procs import alive, stop  # noqa: E402

LIMBER_BIN = os.environ['LIMBER_BIN']
MAKE_TEN_YEARS_BIN = os.environ['LIMBER_MAKE_TEN_YEARS_BIN']
RUNS = int(os.environ.get('LIMBER_BENCH_RUNS', '7'))
TIMEOUT = 60
TARGET = 1.2
JOURNALS = ['one-day', 'four-months', 'ten-years']
TITLES = {'one-day': 'one day', 'four-months': '120 days', 'ten-years': 'ten years'}
ENTRIES = {'one-day': (1, 10), 'four-months': (200, 300), 'ten-years': (7000, 10 ** 9)}  # entries expected

TOOLS = {'xvfb-run': 'xvfb', 'Xvfb': 'xvfb', 'xauth': 'xauth', 'dbus-run-session': 'dbus-daemon'}


def make_journal(root, name, days=None):
    path = os.path.join(root, name, 'journal.db')
    subprocess.check_call([MAKE_TEN_YEARS_BIN, path] + ([str(days)] if days is not None else []),
                          stdout=subprocess.DEVNULL)
    db = sqlite3.connect(path)
    db.execute('PRAGMA wal_checkpoint(TRUNCATE)')
    n = (db.execute('SELECT count(*) FROM sessions').fetchone()[0]
         + db.execute('SELECT count(*) FROM checkins').fetchone()[0])
    db.close()
    print(f'history: {name}: {n} entries, {os.path.getsize(path) / 1048576:.1f} MiB', flush=True)
    return path, n


def base_env():
    env = dict(os.environ)
    for name in ('G_DEBUG', 'G_MESSAGES_DEBUG', 'WAYLAND_DISPLAY', 'DISPLAY',
                 'DBUS_SESSION_BUS_ADDRESS', 'GSK_RENDERER', 'GTK_A11Y',
                 'LIMBER_BENCH_FIRST_FRAME_FD', 'LIMBER_BENCH_HISTORY'):
        env.pop(name, None)
    env.update(GSETTINGS_BACKEND='memory', GDK_BACKEND='x11', NO_AT_BRIDGE='1',
               GTK_A11Y='none', GSK_RENDERER='cairo', LIMBER_BENCH_HISTORY='1')
    return env


class Lines:
    def __init__(self, fd):
        self.fd, self.buffer = fd, b''

    def next(self, deadline):
        while b'\n' not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([self.fd], [], [], min(left, 0.5))
            if ready:
                chunk = os.read(self.fd, 256)
                if not chunk:
                    return None
                self.buffer += chunk
        line, self.buffer = self.buffer.split(b'\n', 1)
        return line.decode()


def run_one(root, env, name, journal, n_entries):
    folder = tempfile.mkdtemp(dir=root, prefix=f'{name}-')
    xdg = {var: os.path.join(folder, sub) for var, sub in
           [('HOME', 'home'), ('XDG_DATA_HOME', 'data'), ('XDG_CONFIG_HOME', 'config'),
            ('XDG_CACHE_HOME', 'cache'), ('XDG_STATE_HOME', 'state'),
            ('XDG_RUNTIME_DIR', 'runtime')]}
    for path in xdg.values():
        os.mkdir(path, 0o700)
    os.mkdir(os.path.join(xdg['XDG_DATA_HOME'], 'limber'), 0o700)
    shutil.copy(journal, os.path.join(xdg['XDG_DATA_HOME'], 'limber', 'journal.db'))

    read_fd, write_fd = os.pipe()
    high_fd = fcntl.fcntl(write_fd, fcntl.F_DUPFD, 20)
    os.close(write_fd)
    env = dict(env, **xdg, LIMBER_BENCH_FIRST_FRAME_FD=str(high_fd))
    result = {'journal': name, 'problems': []}
    log_path = os.path.join(folder, 'output.log')
    with open(log_path, 'w') as log:
        wrapper = subprocess.Popen(['xvfb-run', '-a', '-s', '-screen 0 1280x800x24',
                                    'dbus-run-session', '--', LIMBER_BIN],
                                   env=env, stdout=log, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, start_new_session=True,
                                   pass_fds=(high_fd,))
    os.close(high_fd)
    lines = Lines(read_fd)
    pid = None
    try:
        deadline = time.monotonic() + TIMEOUT
        got = [lines.next(deadline) for _ in range(3)]
        if got[0] != 'first-frame':
            result['problems'].append(f'no first frame ({got[0]!r})')
            return result
        if got[1] is None or not got[1].startswith('history-frame '):
            result['problems'].append(f'History never painted ({got[1]!r})')
            return result
        _, pid, usec = got[1].split()
        pid = int(pid)
        result['history'] = int(usec) / 1000
        if got[2] is None or not got[2].startswith('journal-frame '):
            result['problems'].append(f'the whole-journal list never drew its rows ({got[2]!r})')
            return result
        _, usec, read = got[2].split()
        result.update(journal_ms=int(usec) / 1000, read=int(read), entries=n_entries)
        low, high = ENTRIES[name]
        if not low <= n_entries <= high:
            result['problems'].append(f'the journal has {n_entries} entries')
    finally:
        if pid is None:
            os.killpg(wrapper.pid, 15)
            wrapper.wait()
        else:
            stop(wrapper, pid)
        os.close(read_fd)
        with open(log_path) as f:
            output = f.read()
        warnings = [line for line in output.splitlines() if 'WARNING' in line or 'CRITICAL' in line]
        if warnings:
            result['problems'].append(f'{len(warnings)} warning(s), first: {warnings[0].strip()}')
        if result['problems']:
            result['problems'].append('output: ' + ' | '.join(output.splitlines()[-6:]))
        else:
            shutil.rmtree(folder, ignore_errors=True)
    return result


def median(results, key):
    values = [r[key] for r in results if not r['problems'] and key in r]
    return statistics.median(values) if values else None


def spread(results, key):
    values = [r[key] for r in results if not r['problems'] and key in r]
    return f'{min(values):.0f}-{max(values):.0f}' if values else '-'


def number(value, digits=0):
    return '-' if value is None else f'{value:.{digits}f}'


def main():
    for tool, package in TOOLS.items():
        require.program(tool, package)
    if RUNS < 1:
        sys.exit(f'history: LIMBER_BENCH_RUNS must be at least 1, not {RUNS}')
    root = tempfile.mkdtemp(prefix='limber-bench-history-')
    env = base_env()
    journals = {'ten-years': make_journal(root, 'ten-years'),
                'four-months': make_journal(root, 'four-months', 120),
                'one-day': make_journal(root, 'one-day', 1)}
    started = time.monotonic()
    results = {name: [] for name in JOURNALS}
    warmups = []
    for run in range(-1, RUNS):
        label = 'warm-up' if run < 0 else f'run {run + 1}/{RUNS}'
        print(f'  {label}:', end='', flush=True)
        # the order turns from one run to the next
        order = JOURNALS[run % len(JOURNALS):] + JOURNALS[:run % len(JOURNALS)]
        for name in order:
            r = run_one(root, env, name, *journals[name])
            (warmups if run < 0 else results[name]).append(r)
            print(f' {name} ' + (f'{r["journal_ms"]:.0f} ms ({r["read"]} read)'
                                 if not r['problems'] else 'FAILED'), end='', flush=True)
        print(flush=True)

    print()
    print(f'History with ten years, 120 days and one day: medians of {RUNS} runs (min-max), '
          f'cairo, {(time.monotonic() - started) / 60:.1f} min in all')
    header = (f'{"journal":12}{"entries":>9}{"History ms":>12}{"(min-max)":>11}'
              f'{"list ms":>9}{"(min-max)":>11}{"read":>7}')
    print(header)
    print('-' * len(header))
    medians = {}
    for name in JOURNALS:
        rs = results[name]
        medians[name] = {key: median(rs, key) for key in ('history', 'journal_ms', 'read')}
        m = medians[name]
        print(f'{TITLES[name]:12}{journals[name][1]:>9}{number(m["history"]):>12}{spread(rs, "history"):>11}'
              f'{number(m["journal_ms"]):>9}{spread(rs, "journal_ms"):>11}{number(m["read"]):>7}')
    print()
    print(f'Target: ten years <= {TARGET:g}x a short journal for the list\'s first rows')
    for key, what in (('journal_ms', 'whole-journal list, first rows'),
                      ('history', 'History overview, first frame')):
        for base in ('one-day', 'four-months'):
            a, b = medians['ten-years'][key], medians[base][key]
            value = None if a is None or not b else a / b
            verdict = ('NOT MEASURED' if value is None else 'met' if value <= TARGET else 'NOT MET')
            print(f'  {what:32} ten years / {TITLES[base]:9} {number(value, 2):>6}x  {verdict}')
    invalid = any(r['problems'] for rs in results.values() for r in rs)
    for r in warmups:
        for line in r['problems']:
            print(f'note: warm-up, {TITLES[r["journal"]]}: {line}')
    for name, rs in results.items():
        for line in sorted({line for r in rs for line in r['problems']}):
            print(f'note: {TITLES[name]}: {line}')
    if invalid:
        print('Some runs could not be measured: the figures above are not to be trusted.')
        return 1
    shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
