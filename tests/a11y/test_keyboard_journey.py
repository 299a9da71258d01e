#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A whole visit by keyboard alone: real key presses (xdotool) on the real
# program. Tab to the Routines tab and Space, Tab to a routine and Return,
# Return on Start; Space pauses and resumes, the real first phase runs
# out, → goes on to the end; the arrow keys rate the session; Ctrl+N, Tab
# and digits fill in the check-in and Return saves it; Ctrl+, and Tab and
# Space turn Send Reminders on; Escape closes. Each outcome is read back
# from the journal (sqlite3) and GSettings (the keyfile backend, read with
# gsettings). AT-SPI is only watched, never used to act: after every key,
# the focus must be on something shown (visible, with a size).

import os
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import atspi  # noqa: E402
from atspi import find, spoken, wait  # noqa: E402

XDOTOOL = atspi.require.program('xdotool', 'xdotool')
GSETTINGS = atspi.require.program('gsettings', 'libglib2.0-bin')
LIMBER_BIN = os.environ['LIMBER_BIN']
SCHEMA = 'io.github.limber.Limber'
KEY = 'reminders-enabled'   # Send Reminders, the first switch in Preferences


def describe(obj):
    if obj is None:
        return 'nothing'
    return f'{atspi.role(obj)} "{obj.name}"'


def main():
    launcher = atspi.start_bus()
    home, env = atspi.environment('keyboard')
    env['GSETTINGS_BACKEND'] = 'keyfile'   # read back by gsettings below
    journal = os.path.join(home, 'data', 'limber', 'journal.db')

    def query(sql):
        if not os.path.exists(journal):
            return None
        db = sqlite3.connect(f'file:{journal}?mode=ro', uri=True)
        try:
            return db.execute(sql).fetchone()
        except sqlite3.OperationalError:
            return None
        finally:
            db.close()

    def setting(key):
        return subprocess.run([GSETTINGS, 'get', SCHEMA, key], env=env, capture_output=True,
                              text=True, check=True).stdout.strip()

    app_proc = subprocess.Popen([LIMBER_BIN], env=env)
    focus_events = []
    try:
        app = atspi.find_app(app_proc)
        frame = wait(lambda: find(app, 'frame', 'Limber'), 'the main window')
        atspi.pyatspi.Registry.registerEventListener(focus_events.append, 'object:state-changed:focused')

        def focused():
            atspi.pump()
            gained = [e.source for e in focus_events if e.detail1 == 1]
            # the newest that still exists: when a window closes, the focus
            # goes back to what had it in the window below, with no new event
            for obj in reversed(gained):
                try:
                    obj.getRoleName()
                    return obj
                except Exception:
                    continue   # gone with its window
            # a window that closed gives the focus back without an event:
            # ask the windows, as a screen reader does (under Xvfb, with no
            # window manager, none of them is "active")
            for window in reversed(list(app)):
                obj = find(window, atspi.ALL_ROLES,
                           match=lambda o: o.getState().contains(atspi.pyatspi.STATE_FOCUSED))
                if obj is not None:
                    return obj
            return None

        def check_focus(after):
            # a new window takes a moment to be shown and take the focus
            end = time.monotonic() + 3
            obj = focused()
            while obj is None and time.monotonic() < end:
                time.sleep(0.2)
                obj = focused()
            assert obj is not None, f'after {after}: nothing has the focus; the windows: ' + \
                str([(atspi.role(w), w.name, w.getState().contains(atspi.pyatspi.STATE_ACTIVE)) for w in app])
            state = obj.getState()
            assert state.contains(atspi.pyatspi.STATE_VISIBLE), \
                f'after {after}: the focus is on {describe(obj)}, which is not visible'
            ext = obj.queryComponent().getExtents(atspi.pyatspi.WINDOW_COORDS)
            assert ext.width > 0 and ext.height > 0, \
                f'after {after}: the focus is on {describe(obj)}, which has no size ({ext})'
            return obj

        def key(*names):
            subprocess.check_call([XDOTOOL, 'key', '--delay', '120'] + list(names))
            time.sleep(0.3)
            return check_focus(' '.join(names))

        def tab_to(pred, what, keyname='Tab', limit=40):
            for _ in range(limit):
                obj = key(keyname)
                if pred(obj):
                    return obj
            raise AssertionError(f'{keyname} never reached {what}; the focus is on {describe(focused())}')

        def named(roles, name):
            return lambda o: atspi.role(o) in roles and spoken(o.name) == name

        wait(lambda: len(subprocess.run([XDOTOOL, 'search', '--onlyvisible', '--pid', str(app_proc.pid), '.'],
                                        capture_output=True, text=True).stdout.split()) >= 1, 'the window')
        time.sleep(1)
        before = setting(KEY)

        # the routine list, by keyboard
        tab_to(named(('page tab',), 'Routines'), 'the Routines tab')
        key('space')
        tab_to(named(('list item',), 'Two-minute desk break'), 'the desk break in the list')
        key('Return')
        tab_to(named(('push button',), 'Start Routine'), 'Start Routine')
        key('Return')
        wait(lambda: query('SELECT outcome FROM sessions ORDER BY id DESC LIMIT 1') == ('in-progress',),
             'the routine to start')
        print('ok - a routine opened from the list and started', flush=True)

        # Space pauses and resumes
        obj = key('space')
        wait(lambda: find(frame, 'push button', 'Resume'), 'Space to pause (the button named Resume)')
        key('space')
        wait(lambda: find(frame, 'push button', 'Pause'), 'Space to resume')
        # the first, short phase runs out by itself
        wait(lambda: find(frame, 'label', match=lambda o: o.name in ('Hold', 'Move')),
             'Get Ready to end by itself', timeout=15)
        # → to the end
        for _ in range(10):
            if query('SELECT outcome FROM sessions ORDER BY id DESC LIMIT 1') != ('in-progress',):
                break
            key('Right')
            time.sleep(0.5)
        wait(lambda: query('SELECT outcome FROM sessions ORDER BY id DESC LIMIT 1') == ('completed',),
             'the routine to be completed')
        print('ok - Space paused and resumed, → went to the end', flush=True)

        # the rating on the summary: from "not chosen", Right gives 0, 1, 2
        tab_to(named(('slider',), 'How do your hamstrings feel now?'), 'the rating') \
            if not named(('slider',), 'How do your hamstrings feel now?')(focused()) else None
        key('Right', 'Right', 'Right')
        wait(lambda: query('SELECT rating FROM sessions ORDER BY id DESC LIMIT 1') == (2,), 'the rating 2')
        print('ok - the session rated 2', flush=True)

        # the check-in form
        key('ctrl+n')
        wait(lambda: find(app, 'dialog', 'Check In'), 'the check-in form')
        if not named(('slider',), 'Pain')(focused()):
            tab_to(named(('slider',), 'Pain'), 'the pain rating')
        key('5')
        tab_to(named(('slider',), 'Stiffness'), 'the stiffness rating')
        key('4')
        tab_to(named(('push button',), 'Save'), 'Save')
        key('Return')
        wait(lambda: query('SELECT pain, stiffness FROM checkins ORDER BY id DESC LIMIT 1') == (5, 4),
             'the check-in pain 5, stiffness 4 in the journal')
        wait(lambda: find(app, 'dialog', 'Check In') is None, 'the check-in form to close')
        check_focus('saving the check-in')
        print('ok - a check-in saved: pain 5, stiffness 4', flush=True)

        # a preference
        key('Escape')   # leaves the summary
        key('ctrl+comma')
        wait(lambda: find(app, ('dialog', 'frame'), 'Preferences'), 'Preferences')
        # Tab into the rows: a row with a switch toggles it with Space
        row = tab_to(lambda o: atspi.role(o) == 'list item', 'the first row')
        row_name = describe(row)
        assert spoken(row.name) == 'Send Reminders', f'the first row is {row_name}'
        key('space')
        wait(lambda: setting(KEY) != before, f'{KEY} to change from {before}')
        key('Escape')
        wait(lambda: find(app, ('dialog', 'frame'), 'Preferences') is None, 'Preferences to close')
        check_focus('closing Preferences')
        print(f'ok - {KEY} turned from {before} to {setting(KEY)} by Space on {row_name}', flush=True)
        print('all passed')
    finally:
        atspi.stop(app_proc, launcher)


if __name__ == '__main__':
    main()
