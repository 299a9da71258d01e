#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The player with real key presses (xdotool, under this test's own Xvfb):
# what someone on the mat with only a keyboard does. Ctrl+Q mid-routine asks,
# and Escape keeps going; H stops because it hurts; the arrow keys give the
# rating on the summary; Escape leaves it; Ctrl+Q then quits. Each step is
# read back from the journal, or from the program's exit.

import os
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'common'))
import require  # noqa: E402
from waiting import wait_until  # noqa: E402

XDOTOOL = require.program('xdotool', 'xdotool')
LIMBER_BIN = os.environ['LIMBER_BIN']


def key(*names):
    subprocess.check_call([XDOTOOL, 'key', '--delay', '150'] + list(names))


def windows(pid):
    """Limber's visible windows: the main one, and a dialog when one is open."""
    out = subprocess.run([XDOTOOL, 'search', '--onlyvisible', '--pid', str(pid), '.'],
                         capture_output=True, text=True).stdout
    return out.split()


def main():
    home = tempfile.mkdtemp(prefix='limber-keyboard-')
    env = dict(os.environ, HOME=home, XDG_DATA_HOME=os.path.join(home, 'data'),
               XDG_CONFIG_HOME=os.path.join(home, 'config'), XDG_CACHE_HOME=os.path.join(home, 'cache'))
    journal = os.path.join(home, 'data', 'limber', 'journal.db')

    def session():
        if not os.path.exists(journal):
            return None
        db = sqlite3.connect(f'file:{journal}?mode=ro', uri=True)
        try:
            return db.execute('SELECT outcome, rating FROM sessions ORDER BY id DESC LIMIT 1').fetchone()
        except sqlite3.OperationalError:
            return None
        finally:
            db.close()

    app = subprocess.Popen([LIMBER_BIN, '--start=desk-break'], env=env)
    try:
        wait_until(lambda: session() == ('in-progress', None), 'the routine to start')
        wait_until(lambda: len(windows(app.pid)) == 1, 'the window')
        time.sleep(6)   # past the first seconds, after which stopping asks

        key('ctrl+q')
        wait_until(lambda: len(windows(app.pid)) == 2, 'the question before closing')
        key('Escape')
        wait_until(lambda: len(windows(app.pid)) == 1, 'the question to go')
        assert app.poll() is None, 'Limber quit although the person chose to keep going'
        assert session() == ('in-progress', None), session()

        key('h')
        wait_until(lambda: session() == ('stopped-for-pain', None), 'Stop — This Hurts')

        # from "not chosen", Right chooses 0, then 1, 2, 3
        key('Right', 'Right', 'Right', 'Right')
        wait_until(lambda: session() == ('stopped-for-pain', 3), 'the rating 3')

        key('Escape')     # leaves the summary
        time.sleep(1)
        key('ctrl+q')     # nothing playing: quits without asking
        status = app.wait(timeout=15)
        assert status == 0, f'Limber exited with {status}'
        print('1 passed, 0 failed')
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()


if __name__ == '__main__':
    main()
