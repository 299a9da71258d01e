# SPDX-License-Identifier: GPL-3.0-or-later
#
# What the benchmarks read of a running program in /proc, and how they stop
# one started under xvfb-run and dbus-run-session.

import os
import signal
import subprocess


def stat_fields(path):
    '''The fields of a /proc stat file after the command name, from field 3;
    path is /proc/PID or /proc/PID/task/TID.'''
    with open(os.path.join(path, 'stat')) as f:
        text = f.read()
    return text[text.rindex(')') + 2:].split()


def cpu_ticks(path):
    '''utime + stime (fields 14 and 15) of the process or thread at path.'''
    fields = stat_fields(path)
    return int(fields[11]) + int(fields[12])


def alive(pid):
    try:
        return stat_fields(f'/proc/{pid}')[0] not in ('Z', 'X')
    except OSError:
        return False


def stop(wrapper, pid):
    '''Ends the program pid, which ends dbus-run-session, after which
    xvfb-run ends Xvfb; kills the wrapper's whole group if it lingers.'''
    if pid is not None and alive(pid):
        os.kill(pid, signal.SIGTERM)
    try:
        wrapper.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(wrapper.pid, signal.SIGKILL)
        wrapper.wait()
