#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# How quickly Limber starts, next to bare-window (an AdwApplication whose
# window of the same default size holds a header bar and a label, nothing
# else) measured in the same run. For each start it measures, at the moment
# the main window has painted its first frame:
#
#   - the wall time since the program was exec'd;
#   - the CPU it used until then (utime + stime of all its threads,
#     /proc/PID/stat);
#   - its resident memory (VmRSS, /proc/PID/status).
#
# Both programs, given LIMBER_BENCH_FIRST_FRAME_FD=N, write "first-frame" to
# descriptor N from their window's first after-paint; the benchmark passes
# them the write end of a pipe. A small exec wrapper writes the program's
# pid, the monotonic clock and the CPU it has itself used just before it
# execs the program, so the wall time starts at exec and the wrapper's CPU is
# not counted.
#
# Limber starts three ways: on its first run, with no journal (so it makes
# one); with an empty journal, which is what the targets compare, since a
# journal is made once in a person's life but opened at every start; and
# with ten years of daily check-ins and sessions. The two journals are made
# once by make-ten-years and copied in. Each start runs alone under its
# own Xvfb and private D-Bus session, with its own HOME and XDG dirs and no
# accessibility bus, once with GSK_RENDERER=cairo and once with GTK's default
# renderer (GL, which under Xvfb is Mesa's llvmpipe). The starts are
# interleaved (bare, first run, empty, ten years, ...) LIMBER_BENCH_RUNS times
# (default 5) after one unmeasured warm-up of each, and the table shows
# medians.
#
# Targets: Limber (empty journal) at most 1.2x bare-window's wall time, CPU
# and memory, and Limber with ten years within 1.05x of the empty journal on
# each. It only reports them: it exits 0 when it measured, met or not, and 1
# only when a measure cannot be trusted (a program died or never painted, or
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
from procs import alive, cpu_ticks, stop  # noqa: E402

LIMBER_BIN = os.environ['LIMBER_BIN']
BARE_BIN = os.environ['LIMBER_BARE_WINDOW_BIN']
MAKE_TEN_YEARS_BIN = os.environ['LIMBER_MAKE_TEN_YEARS_BIN']
RUNS = int(os.environ.get('LIMBER_BENCH_RUNS', '5'))
FIRST_FRAME_TIMEOUT = 60
CLK_TCK = os.sysconf('SC_CLK_TCK')
PAGE_KIB = os.sysconf('SC_PAGE_SIZE') // 1024
TEN_YEARS_SESSIONS = 3650

TARGET_BARE = 1.2
TARGET_TEN_YEARS = 1.05

# program -> the Debian package that has it
TOOLS = {
    'xvfb-run': 'xvfb',
    'Xvfb': 'xvfb',
    'xauth': 'xauth',
    'dbus-run-session': 'dbus-daemon',
}

RENDERERS = [('cairo', 'cairo'), ('default', None)]  # (name, GSK_RENDERER)
PROGRAMS = ['bare', 'first-run', 'empty', 'ten-years']
TITLES = {
    'bare': 'bare-window (header + label)',
    'first-run': 'Limber, first run (no journal)',
    'empty': 'Limber, empty journal',
    'ten-years': 'Limber, ten years of data',
}

# Run by dbus-run-session: says who it is and when, then becomes the program.
WRAPPER = r'''
import os, sys, time
with open('/proc/self/stat') as f:
    fields = f.read().rsplit(')', 1)[1].split()
ticks = int(fields[11]) + int(fields[12])
os.write(int(sys.argv[1]), f'exec {os.getpid()} {ticks} {time.monotonic_ns()}\n'.encode())
os.execv(sys.argv[2], sys.argv[2:])
'''


def check_tools():
    for tool, package in TOOLS.items():
        require.program(tool, package)


def rss_kib(pid):
    with open(f'/proc/{pid}/status') as f:
        for line in f:
            if line.startswith('VmRSS:'):
                return int(line.split()[1])
    raise OSError('no VmRSS')


def count_sessions(data_home):
    path = os.path.join(data_home, 'limber', 'journal.db')
    if not os.path.exists(path):
        return 0
    db = sqlite3.connect(f'file:{path}?mode=ro', uri=True, timeout=5)
    try:
        return db.execute('SELECT count(*) FROM sessions').fetchone()[0]
    except sqlite3.OperationalError:  # no tables yet
        return 0
    finally:
        db.close()


def make_journal(root, name, days=None):
    """A journal of DAYS days (ten years when None), made once and copied
    into each run's data dir."""
    path = os.path.join(root, name, 'journal.db')
    start = time.monotonic()
    subprocess.check_call([MAKE_TEN_YEARS_BIN, path] + ([str(days)] if days is not None else []),
                          stdout=subprocess.DEVNULL)
    # one self-contained file, to copy into each run's data dir
    db = sqlite3.connect(path)
    db.execute('PRAGMA wal_checkpoint(TRUNCATE)')
    n = db.execute('SELECT count(*) FROM sessions').fetchone()[0]
    db.close()
    size = os.path.getsize(path)
    print(f'startup: {name} ({n} sessions, {size / 1048576:.1f} MiB) written in '
          f'{time.monotonic() - start:.1f} s', flush=True)
    return path


def base_env():
    env = dict(os.environ)
    # What a user runs: no fatal warnings or gc-friendly freeing. Warnings
    # still show: the run's output is searched for them.
    for name in ('G_DEBUG', 'G_MESSAGES_DEBUG', 'WAYLAND_DISPLAY', 'DISPLAY',
                 'DBUS_SESSION_BUS_ADDRESS', 'GSK_RENDERER', 'GTK_A11Y',
                 'LIMBER_BENCH_FIRST_FRAME_FD'):
        env.pop(name, None)
    env.update(GSETTINGS_BACKEND='memory', GDK_BACKEND='x11', NO_AT_BRIDGE='1',
               # GTK 4 ignores NO_AT_BRIDGE and would start an AT-SPI bus on
               # the private session bus; this keeps it away
               GTK_A11Y='none')
    return env


class Lines:
    """Lines from the read end of the pipe, with a deadline."""

    def __init__(self, fd):
        self.fd, self.buffer = fd, b''

    def next(self, deadline, pid=None):
        while b'\n' not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0 or (pid is not None and not alive(pid)):
                return None
            ready, _, _ = select.select([self.fd], [], [], min(left, 0.5))
            if ready:
                chunk = os.read(self.fd, 256)
                if not chunk:
                    return None
                self.buffer += chunk
        line, self.buffer = self.buffer.split(b'\n', 1)
        return line.decode()


def run_one(root, env, program, renderer, gsk_renderer, journals):
    """Starts one program, reads it at its first frame, stops it."""
    folder = tempfile.mkdtemp(dir=root, prefix=f'{program}-{renderer}-')
    xdg = {name: os.path.join(folder, sub) for name, sub in
           [('HOME', 'home'), ('XDG_DATA_HOME', 'data'), ('XDG_CONFIG_HOME', 'config'),
            ('XDG_CACHE_HOME', 'cache'), ('XDG_STATE_HOME', 'state'),
            ('XDG_RUNTIME_DIR', 'runtime')]}
    for path in xdg.values():
        os.mkdir(path, 0o700)
    # the first run finds no journal and makes one; the others find one
    if program in journals:
        os.mkdir(os.path.join(xdg['XDG_DATA_HOME'], 'limber'), 0o700)
        shutil.copy(journals[program], os.path.join(xdg['XDG_DATA_HOME'], 'limber', 'journal.db'))

    read_fd, write_fd = os.pipe()
    # above the descriptors that xvfb-run's shell may use for itself
    high_fd = fcntl.fcntl(write_fd, fcntl.F_DUPFD, 20)
    os.close(write_fd)
    env = dict(env, **xdg, LIMBER_BENCH_FIRST_FRAME_FD=str(high_fd))
    if gsk_renderer:
        env['GSK_RENDERER'] = gsk_renderer
    binary = BARE_BIN if program == 'bare' else LIMBER_BIN

    result = {'program': program, 'renderer': renderer, 'problems': [], 'notes': []}
    problems = result['problems']
    log_path = os.path.join(folder, 'output.log')
    with open(log_path, 'w') as log:
        wrapper = subprocess.Popen(['xvfb-run', '-a', '-s', '-screen 0 1280x800x24',
                                    'dbus-run-session', '--',
                                    sys.executable, '-c', WRAPPER, str(high_fd), binary],
                                   env=env, stdout=log, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, start_new_session=True,
                                   pass_fds=(high_fd,))
    os.close(high_fd)
    lines = Lines(read_fd)
    pid = None
    try:
        line = lines.next(time.monotonic() + 30)
        if line is None or not line.startswith('exec '):
            problems.append(f'the program did not start ({line!r})')
            return result
        _, pid, wrapper_ticks, exec_ns = line.split()
        pid, wrapper_ticks, exec_ns = int(pid), int(wrapper_ticks), int(exec_ns)

        line = lines.next(time.monotonic() + FIRST_FRAME_TIMEOUT, pid)
        frame_ns = time.monotonic_ns()
        try:
            ticks, rss = cpu_ticks(f'/proc/{pid}'), rss_kib(pid)
        except OSError:
            ticks = None
        if line != 'first-frame' or ticks is None:
            problems.append('the program died before its first frame' if not alive(pid) else
                            f'no first frame within {FIRST_FRAME_TIMEOUT} s ({line!r})')
            return result
        result.update(wall=(frame_ns - exec_ns) / 1e6,
                      cpu=(ticks - wrapper_ticks) * 1000 / CLK_TCK,
                      rss=rss / 1024)

        sessions = count_sessions(xdg['XDG_DATA_HOME'])
        if program == 'ten-years' and sessions < TEN_YEARS_SESSIONS:
            problems.append(f'the journal has {sessions} sessions, not ten years')
        elif program in ('empty', 'first-run') and sessions != 0:
            problems.append(f'the empty journal has {sessions} sessions')
    finally:
        stop(wrapper, pid)
        os.close(read_fd)
        with open(log_path) as f:
            output = f.read()
        for line in output.splitlines():
            if line.startswith('renderer: '):
                result['seen_renderer'] = line.split(': ', 1)[1]
        warnings = [line for line in output.splitlines()
                    if 'WARNING' in line or 'CRITICAL' in line]
        if warnings:
            result['notes'].append(f'{len(warnings)} warning(s), first: {warnings[0].strip()}')
        if problems:
            result['notes'].append('output: ' + ' | '.join(output.splitlines()[-8:]))
        else:
            shutil.rmtree(folder, ignore_errors=True)
    return result


def median(results, key):
    values = [r[key] for r in results if not r['problems'] and key in r]
    return statistics.median(values) if values else None


def spread(results, key, digits):
    values = [r[key] for r in results if not r['problems'] and key in r]
    return f'{min(values):.{digits}f}-{max(values):.{digits}f}' if values else '-'


def number(value, digits=0):
    return '-' if value is None else f'{value:.{digits}f}'


def ratio(a, b):
    return None if a is None or b is None or b <= 0 else a / b


def main():
    check_tools()
    if RUNS < 1:
        sys.exit(f'startup: LIMBER_BENCH_RUNS must be at least 1, not {RUNS}')
    root = tempfile.mkdtemp(prefix='limber-bench-startup-')
    env = base_env()
    journals = {'ten-years': make_journal(root, 'ten-years'),
                'empty': make_journal(root, 'empty', 0)}

    n = len(RENDERERS) * len(PROGRAMS) * (RUNS + 1)
    print(f'startup: {n} starts ({len(PROGRAMS)} programs x {len(RENDERERS)} renderers x '
          f'({RUNS} runs + 1 warm-up)), interleaved; {os.cpu_count()} cores; '
          f'files in {root}', flush=True)
    started = time.monotonic()

    results = {(renderer, program): [] for renderer, _ in RENDERERS for program in PROGRAMS}
    warmups = []
    for run in range(-1, RUNS):
        label = 'warm-up' if run < 0 else f'run {run + 1}/{RUNS}'
        for renderer, gsk_renderer in RENDERERS:
            print(f'  {label}, {renderer}:', end='', flush=True)
            # the order turns from one run to the next, so that no program
            # is always the one that follows another
            order = PROGRAMS[run % len(PROGRAMS):] + PROGRAMS[:run % len(PROGRAMS)]
            for program in order:
                r = run_one(root, env, program, renderer, gsk_renderer, journals)
                (warmups if run < 0 else results[renderer, program]).append(r)
                print(f' {program} ' + (f'{r["wall"]:.0f} ms' if not r['problems'] else 'FAILED'),
                      end='', flush=True)
            print(flush=True)
    took = time.monotonic() - started

    seen = {renderer: {r.get('seen_renderer', 'unknown') for r in results[renderer, 'bare']}
            for renderer, _ in RENDERERS}
    gl_available = seen['default'] == {'GskGLRenderer'}
    names = {'cairo': 'cairo',
             'default': 'gl (llvmpipe)' if gl_available
             else 'default=' + ','.join(sorted(seen['default']))}

    print()
    print(f'Start-up to the first frame: medians of {RUNS} runs (min-max), {took / 60:.1f} min '
          f'in all; CPU is utime+stime of all threads (±{1000 / CLK_TCK:.0f} ms), memory VmRSS')
    header = (f'{"program":32}{"renderer":15}{"wall ms":>8}{"(min-max)":>12}{"CPU ms":>8}'
              f'{"(min-max)":>12}{"RSS MiB":>9}{"/bare wall":>11}{"CPU":>6}{"RSS":>6}')
    print(header)
    print('-' * len(header))
    medians = {}
    for renderer, _ in RENDERERS:
        for program in PROGRAMS:
            rs = results[renderer, program]
            m = {key: median(rs, key) for key in ('wall', 'cpu', 'rss')}
            medians[renderer, program] = m
            bare = medians[renderer, 'bare']
            failed = sum(1 for r in rs if r['problems'])
            print(f'{TITLES[program]:32}{names[renderer]:15}{number(m["wall"]):>8}'
                  f'{spread(rs, "wall", 0):>12}{number(m["cpu"]):>8}{spread(rs, "cpu", 0):>12}'
                  f'{number(m["rss"], 1):>9}'
                  + ''.join(f'{number(ratio(m[key], bare[key]), 2) + "x":>{w}}'
                            for key, w in (('wall', 11), ('cpu', 6), ('rss', 6)))
                  + (f'  {failed} FAILED' if failed else ''))

    print()
    print(f'Targets: Limber (empty journal) <= {TARGET_BARE:g}x bare-window; '
          f'ten years <= {TARGET_TEN_YEARS:g}x the empty journal')
    invalid = any(r['problems'] for rs in results.values() for r in rs)
    for renderer, _ in RENDERERS:
        bare = medians[renderer, 'bare']
        empty = medians[renderer, 'empty']
        ten = medians[renderer, 'ten-years']
        for what, a, b, limit in (('empty / bare', empty, bare, TARGET_BARE),
                                  ('ten years / empty', ten, empty, TARGET_TEN_YEARS)):
            for key, title in (('wall', 'wall time'), ('cpu', 'CPU'), ('rss', 'memory')):
                value = ratio(a[key], b[key])
                verdict = ('NOT MEASURED' if value is None
                           else 'met' if value <= limit else 'NOT MET')
                print(f'  {names[renderer]:15}{what:19}{title:11}<= {limit:<5g}'
                      f'{number(value, 2) + "x":>7}  {verdict}')

    print()
    if not gl_available:
        print(f'NOTE: with no GSK_RENDERER, bare-window got {seen["default"]}, '
              f'so the default rows do not measure GL.')
    if seen['cairo'] != {'GskCairoRenderer'}:
        print(f'NOTE: with GSK_RENDERER=cairo bare-window got {seen["cairo"]}.')
    for r in warmups:
        for line in r['problems']:
            print(f'note: warm-up {TITLES[r["program"]]}, {names[r["renderer"]]}: {line}')
    for (renderer, program), rs in results.items():
        for line in sorted({line for r in rs for line in r['problems'] + r['notes']}):
            print(f'note: {TITLES[program]}, {names[renderer]}: {line}')
    if invalid:
        print('Some starts could not be measured: the figures above are not to be trusted.')
        return 1
    shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
