#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# How much CPU Limber uses while it plays a routine, next to two baselines
# measured in the same run:
#
#   - an idle Limber window (no routine started);
#   - bare-label, a plain GtkWindow of the same size whose GtkLabel shows a
#     seconds counter updated once a second: the floor for "a clock on screen".
#
# Each program runs alone (one after another, so that they do not compete for
# the cores), under its own Xvfb and private D-Bus session, with its own HOME
# and XDG dirs, the build's schema with sound cues off, and no accessibility
# bus. After a settling time it measures the process's utime + stime (all its
# threads, /proc/PID/stat) over a window of LIMBER_BENCH_SECONDS (default 60)
# and reports CPU-seconds per minute. All of it twice: GSK_RENDERER=cairo, and
# GTK's default renderer (GL, which under Xvfb is Mesa's llvmpipe).
#
# Targets for Limber playing: at most 2x the label program, and under 1.2
# CPU-s per minute. It only reports them: it exits 0 when it measured, met or
# not, and 1 only when a measure cannot be trusted (a program died, the
# routine was not playing or ended inside the window).

import glob
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'common'))
import require  # noqa: E402
from procs import alive, cpu_ticks, stat_fields, stop  # noqa: E402

LIMBER_BIN = os.environ['LIMBER_BIN']
LABEL_BIN = os.environ['LIMBER_BARE_LABEL_BIN']
DATA_SRCDIR = os.environ['LIMBER_DATA_SRCDIR']
SECONDS = float(os.environ.get('LIMBER_BENCH_SECONDS', '60'))
SETTLE = float(os.environ.get('LIMBER_BENCH_SETTLE_SECONDS', '5'))
ROUTINE = os.environ.get('LIMBER_BENCH_ROUTINE', 'evening-wind-down')
APP_ID = 'io.github.limber.Limber'
CLK_TCK = os.sysconf('SC_CLK_TCK')

TARGET_RATIO = 2.0
TARGET_CPU = 1.2

# program -> the Debian package that has it
TOOLS = {
    'xvfb-run': 'xvfb',
    'Xvfb': 'xvfb',
    'xauth': 'xauth',
    'dbus-run-session': 'dbus-daemon',
    'glib-compile-schemas': 'libglib2.0-bin',
    'gsettings': 'libglib2.0-bin',
}

RENDERERS = [('cairo', 'cairo'), ('default', None)]  # (name, GSK_RENDERER)
PROGRAMS = ['label', 'adw-label', 'idle', 'playing']
TITLES = {
    'label': 'bare-label (1 Hz GtkLabel)',
    'adw-label': 'bare-label --adwaita (+ header)',
    'idle': 'Limber, idle window',
    'playing': f'Limber, playing {ROUTINE}',
}


def check_tools():
    for tool, package in TOOLS.items():
        require.program(tool, package)


def llvmpipe_ticks(pid):
    """Ticks of Mesa's llvmpipe rasteriser threads: near zero unless GL draws."""
    total = 0
    for task in glob.glob(f'/proc/{pid}/task/*'):
        try:
            with open(os.path.join(task, 'comm')) as f:
                if f.read().startswith('llvmpipe'):
                    total += cpu_ticks(task)
        except OSError:
            pass
    return total


def descendants(root):
    children = {}
    for entry in os.listdir('/proc'):
        if entry.isdigit():
            try:
                ppid = int(stat_fields(f'/proc/{entry}')[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def find_process(root, binary, timeout=30):
    """The process under root (xvfb-run) that runs binary."""
    target = os.path.realpath(binary)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for pid in descendants(root):
            try:
                if os.path.realpath(f'/proc/{pid}/exe') == target:
                    return pid
            except OSError:
                pass
        time.sleep(0.1)
    return None


def last_session(data_home):
    """(outcome, planned_ms, parts written) of the journal's last session, or None."""
    path = os.path.join(data_home, 'limber', 'journal.db')
    if not os.path.exists(path):
        return None
    db = sqlite3.connect(f'file:{path}?mode=ro', uri=True, timeout=5)
    try:
        return db.execute('SELECT outcome, planned_ms,'
                          ' (SELECT count(*) FROM session_parts WHERE session_id = s.id)'
                          ' FROM sessions s ORDER BY id DESC LIMIT 1').fetchone()
    except sqlite3.OperationalError:  # no tables yet
        return None
    finally:
        db.close()


def make_schemas(root):
    """The schema the build compiles, with sound cues off by default: the
    memory backend keeps no values between processes, so an override is the
    way to set a key for a program started from outside."""
    schemas = os.path.join(root, 'schemas')
    os.mkdir(schemas)
    for xml in glob.glob(os.path.join(DATA_SRCDIR, '*.gschema.xml')):
        shutil.copy(xml, schemas)
    with open(os.path.join(schemas, 'zz-player-cpu.gschema.override'), 'w') as f:
        f.write(f'[{APP_ID}]\nsound-cues=false\n')
    subprocess.check_call(['glib-compile-schemas', '--strict', schemas])
    return schemas


def base_env(schemas):
    env = dict(os.environ)
    # What a user runs: no fatal warnings or gc-friendly freeing. Warnings
    # still show: the run's output is searched for them.
    for name in ('G_DEBUG', 'G_MESSAGES_DEBUG', 'WAYLAND_DISPLAY', 'DISPLAY',
                 'DBUS_SESSION_BUS_ADDRESS', 'GSK_RENDERER', 'GTK_A11Y'):
        env.pop(name, None)
    env.update(GSETTINGS_SCHEMA_DIR=schemas, GSETTINGS_BACKEND='memory',
               GDK_BACKEND='x11', NO_AT_BRIDGE='1',
               # GTK 4 ignores NO_AT_BRIDGE and would start an AT-SPI bus on
               # the private session bus; this keeps it away
               GTK_A11Y='none')
    return env


def run_one(root, env, program, renderer, gsk_renderer):
    """Starts one program, lets it settle, measures it, stops it."""
    folder = tempfile.mkdtemp(dir=root, prefix=f'{program}-{renderer}-')
    xdg = {name: os.path.join(folder, sub) for name, sub in
           [('HOME', 'home'), ('XDG_DATA_HOME', 'data'), ('XDG_CONFIG_HOME', 'config'),
            ('XDG_CACHE_HOME', 'cache'), ('XDG_STATE_HOME', 'state'),
            ('XDG_RUNTIME_DIR', 'runtime')]}
    for path in xdg.values():
        os.mkdir(path, 0o700)
    env = dict(env, **xdg)
    if gsk_renderer:
        env['GSK_RENDERER'] = gsk_renderer

    if program == 'label':
        binary, argv = LABEL_BIN, [LABEL_BIN]
    elif program == 'adw-label':
        binary, argv = LABEL_BIN, [LABEL_BIN, '--adwaita']
    else:
        binary, argv = LIMBER_BIN, [LIMBER_BIN]
        if program == 'playing':
            argv.append(f'--start={ROUTINE}')

    result = {'program': program, 'renderer': renderer, 'problems': [], 'notes': []}
    problems = result['problems']
    log_path = os.path.join(folder, 'output.log')
    with open(log_path, 'w') as log:
        wrapper = subprocess.Popen(['xvfb-run', '-a', '-s', '-screen 0 1280x800x24',
                                    'dbus-run-session', '--'] + argv,
                                   env=env, stdout=log, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, start_new_session=True)
    pid = None
    try:
        pid = find_process(wrapper.pid, binary)
        xvfb = find_process(wrapper.pid, shutil.which('Xvfb'), timeout=1)
        if pid is None:
            problems.append('the program did not start')
            return result

        session = None
        if program == 'playing':
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and alive(pid):
                session = last_session(xdg['XDG_DATA_HOME'])
                if session is not None:
                    break
                time.sleep(0.2)
        time.sleep(SETTLE)

        if program == 'playing':
            session = last_session(xdg['XDG_DATA_HOME'])
            if session is None or session[0] != 'in-progress':
                problems.append(f'no session in progress in the journal before the window ({session})')
            elif session[1] / 1000 < SETTLE + SECONDS + 5:
                problems.append(f'{ROUTINE} lasts {session[1] / 1000:.0f} s, shorter than '
                                f'the settle time and window: pick a longer one')

        start = time.monotonic()
        try:
            cpu0, gl0 = cpu_ticks(f'/proc/{pid}'), llvmpipe_ticks(pid)
            x0 = cpu_ticks(f'/proc/{xvfb}') if xvfb else 0
        except OSError:
            problems.append('the program died before the window')
            return result
        # 10-s slices show how steady the rate is within the window
        slices, mark = [], (start, cpu0)
        while time.monotonic() - start < SECONDS and alive(pid):
            time.sleep(min(1.0, max(0.0, SECONDS - (time.monotonic() - start))))
            now = time.monotonic()
            if now - mark[0] >= 10:
                try:
                    ticks = cpu_ticks(f'/proc/{pid}')
                except OSError:
                    break
                slices.append((ticks - mark[1]) * 60 / (now - mark[0]) / CLK_TCK)
                mark = (now, ticks)
        try:
            cpu1, gl1 = cpu_ticks(f'/proc/{pid}'), llvmpipe_ticks(pid)
            x1 = cpu_ticks(f'/proc/{xvfb}') if xvfb else 0
        except OSError:
            cpu1 = None
        wall = time.monotonic() - start

        if cpu1 is None or not alive(pid) or wrapper.poll() is not None:
            problems.append('the program died during the window')
            return result

        per_minute = 60 / wall / CLK_TCK
        result.update(cpu=(cpu1 - cpu0) * per_minute, llvmpipe=(gl1 - gl0) * per_minute,
                      xvfb=(x1 - x0) * per_minute if xvfb else None,
                      core=(cpu1 - cpu0) / CLK_TCK / wall * 100, wall=wall,
                      spread=(min(slices), max(slices)) if len(slices) >= 2 else None)

        after = last_session(xdg['XDG_DATA_HOME'])
        if program == 'playing':
            if after is None or after[0] != 'in-progress':
                problems.append(f'the session was no longer in progress after the window ({after})')
            elif session is not None:
                result['notes'].append(f'{after[2] - session[2]} step(s) ended in the window')
        elif program == 'idle' and after is not None:
            problems.append(f'the idle window has a session in its journal ({after})')
    finally:
        stop(wrapper, pid)
        with open(log_path) as f:
            output = f.read()
        result['log'] = log_path
        for line in output.splitlines():
            if line.startswith('renderer: '):
                result['seen_renderer'] = line.split(': ', 1)[1]
        warnings = [line for line in output.splitlines()
                    if 'WARNING' in line or 'CRITICAL' in line]
        if warnings:
            result['notes'].append(f'{len(warnings)} warning(s), first: {warnings[0].strip()}')
        if problems:
            result['notes'].append('output: ' + ' | '.join(output.splitlines()[-8:]))
    return result


def ratio(r, base):
    """r's CPU over base's; when base did not use one clock tick, a bound."""
    a, b = r.get('cpu'), base.get('cpu')
    if a is None or b is None:
        return '-'
    if b <= 0:
        one_tick = 60 / base['wall'] / CLK_TCK
        return f'>{a / one_tick:.0f}x' if a > 0 else '-'
    return f'{a / b:.1f}x'


def spread(r):
    if r.get('spread') is None:
        return '-'
    return f'{r["spread"][0]:.2f}-{r["spread"][1]:.2f}'


def number(value, digits=2):
    return '-' if value is None else f'{value:.{digits}f}'


def main():
    check_tools()
    root = tempfile.mkdtemp(prefix='limber-bench-player-cpu-')
    schemas = make_schemas(root)
    env = base_env(schemas)
    sound = subprocess.run(['gsettings', 'get', APP_ID, 'sound-cues'], env=env,
                           capture_output=True, text=True).stdout.strip()
    if sound != 'false':
        sys.exit(f'player-cpu: sound-cues is {sound!r} in the benchmark schema, not false')

    total = len(RENDERERS) * len(PROGRAMS) * (SETTLE + SECONDS + 3)
    print(f'player-cpu: {len(RENDERERS) * len(PROGRAMS)} runs of {SETTLE:g} s settling + '
          f'{SECONDS:g} s measured, one after another (about {total / 60:.0f} min); '
          f'{os.cpu_count()} cores; files in {root}', flush=True)

    results = {}
    for renderer, gsk_renderer in RENDERERS:
        for program in PROGRAMS:
            print(f'  measuring {TITLES[program]}, renderer {renderer} ...', end=' ', flush=True)
            r = run_one(root, env, program, renderer, gsk_renderer)
            results[renderer, program] = r
            print(f'{number(r.get("cpu"))} CPU-s/min' if not r['problems']
                  else 'FAILED: ' + '; '.join(r['problems']), flush=True)

    # What GTK really drew with, as the label program saw it: all three share
    # one GTK and one kind of display, so they get the same renderer.
    seen = {renderer: results[renderer, 'label'].get('seen_renderer', 'unknown')
            for renderer, _ in RENDERERS}
    gl_available = seen['default'] == 'GskGLRenderer'
    names = {'cairo': 'cairo',
             'default': 'gl (llvmpipe)' if gl_available else f'default={seen["default"]}'}

    print()
    print(f'CPU while playing a routine, in CPU-seconds per minute of wall time '
          f'(utime+stime of all threads, {SECONDS:g} s window, ±{60 / SECONDS / CLK_TCK:.3f} '
          f'per reading)')
    header = (f'{"program":34}{"renderer":15}{"CPU-s/min":>10}{"% core":>8}'
              f'{"/ label":>9}{"/ idle":>8}{"10-s min-max":>15}{"llvmpipe":>10}{"Xvfb":>8}')
    print(header)
    print('-' * len(header))
    for renderer, _ in RENDERERS:
        label = results[renderer, 'label']
        idle = results[renderer, 'idle']
        for program in PROGRAMS:
            r = results[renderer, program]
            cpu = r.get('cpu')
            print(f'{TITLES[program]:34}{names[renderer]:15}{number(cpu):>10}'
                  f'{number(r.get("core"), 1):>8}'
                  f'{ratio(r, label) if program != "label" else "1.0x":>9}'
                  f'{ratio(r, idle) if program != "idle" else "1.0x":>8}'
                  f'{spread(r):>15}{number(r.get("llvmpipe")):>10}{number(r.get("xvfb")):>8}'
                  + ('  INVALID' if r['problems'] else ''))
    print('(10-s min-max: the lowest and highest CPU-s/min over 10-s slices of the window;\n'
          ' llvmpipe: the part of CPU-s/min spent in Mesa\'s GL rasteriser threads;\n'
          ' Xvfb: the X server\'s own CPU-s/min, not counted in the program\'s)')

    print()
    print(f'Targets for Limber playing: <= {TARGET_RATIO:g}x the label program, '
          f'< {TARGET_CPU:g} CPU-s per minute')
    invalid = False
    for renderer, _ in RENDERERS:
        label = results[renderer, 'label']
        playing = results[renderer, 'playing']
        if label['problems'] or playing['problems']:
            invalid = True
            print(f'  {names[renderer]:15} NOT MEASURED (see the notes)')
            continue
        ratio_ok = playing['cpu'] <= TARGET_RATIO * label['cpu']
        cpu_ok = playing['cpu'] < TARGET_CPU
        adw = results[renderer, 'adw-label']
        print(f'  {names[renderer]:15} <= {TARGET_RATIO:g}x label: '
              f'{"met" if ratio_ok else "*** MISSED ***"} ({ratio(playing, label)}); '
              f'< {TARGET_CPU:g} CPU-s/min: '
              f'{"met" if cpu_ok else "*** MISSED ***"} ({playing["cpu"]:.2f}); '
              f'against the libadwaita label: {ratio(playing, adw)}')
    invalid = invalid or any(r['problems'] for r in results.values())

    print()
    if not gl_available:
        print(f'NOTE: GL is not available under Xvfb here: with no GSK_RENDERER, GTK drew '
              f'with {seen["default"]}, so the default rows do not measure GL.')
    if seen['cairo'] != 'GskCairoRenderer':
        print(f'NOTE: with GSK_RENDERER=cairo the label program got {seen["cairo"]}.')
    for (renderer, program), r in results.items():
        for line in r['problems'] + r['notes']:
            print(f'note: {TITLES[program]}, {names[renderer]}: {line}')
    if invalid:
        print('Some runs could not be measured: the figures above are not to be trusted.')
        return 1
    shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
