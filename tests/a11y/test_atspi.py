#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The real program read back over AT-SPI, as a screen reader sees it: every
# main control found by role and name, and used through its named action
# ("click", "activate", "press"), never a coordinate. The routine list, a
# routine's page, the player in each phase (and how a phase change reaches
# a screen reader), the summary, the check-in form, History and
# Preferences. A failure lists everything that was not found.

import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import atspi  # noqa: E402
from atspi import act, find, find_all, require_controls, spoken, wait  # noqa: E402

LIMBER_BIN = os.environ['LIMBER_BIN']
BUTTON = 'push button'
# every phase the player can show, and those a test routine must pass through
PHASES = ('Get Ready', 'Hold', 'Move', 'Switch Sides', 'Rest Between Sets', 'Rest — Next Up')
REQUIRED_PHASES = ('Get Ready', 'Hold', 'Switch Sides', 'Rest — Next Up')
# a routine with all of those: rests between exercises, stretches held on each side
ROUTINE = 'Evening wind-down'


def routine_names(env):
    out = subprocess.run([LIMBER_BIN, '--list-routines'], env=env, capture_output=True, text=True,
                         check=True).stdout
    return [re.split(r'\s{2,}', line.strip())[1] for line in out.splitlines() if line.strip()]


def by_type(root, type_name):
    '''A widget's subtree, found by the name GTK 4.8 gives an unnamed
    container (its type): only to narrow a search, never as a control.'''
    return find(root, ('filler', 'panel'), match=lambda o: o.name == type_name)


def check_routine_list(frame, names):
    act(find(frame, 'page tab', 'Routines'))
    routines = wait(lambda: find(frame, 'list', 'Routines'), 'the routine list')
    items = {spoken(i.name): i for i in find_all(routines, 'list item')}
    missing = [n for n in names if n not in items]
    assert not missing, f'routines not in the list as named list items: {missing}; there are {list(items)}'
    return items


def check_player(frame, events):
    player = wait(lambda: by_type(frame, 'LimberPlayerView'), 'the player')
    wanted = [(BUTTON, 'Pause'), (BUTTON, 'Next exercise'), (BUTTON, 'Previous exercise'),
              (BUTTON, 'Stop — This Hurts'), (BUTTON, 'Stop routine'), (BUTTON, 'Skip this phase'),
              ('progress bar', 'Time in this phase')]
    controls = require_controls(player, wanted, 'the player')

    def phase_now():
        label = find(player, 'label', match=lambda o: o.name in PHASES)
        return label.name if label is not None else None

    def timer():
        t = find(player, 'timer')
        return spoken(t.name) if t is not None else ''

    def playing():
        return controls['Skip this phase'].getState().contains(atspi.pyatspi.STATE_SENSITIVE)

    seen_phases = {}
    skip = controls['Skip this phase']
    for _ in range(40):
        if not playing():
            break
        try:
            phase = wait(phase_now, 'a phase name in the player', timeout=8)
        except AssertionError as e:
            raise AssertionError(f'{e}\n{atspi.describe_tree(player)}')
        if phase not in seen_phases:
            # the controls are there in every phase
            require_controls(player, wanted, f'the player, {phase}')
            # the countdown's value, by the timer's name: it counts down
            first = wait(lambda: re.match(r'\d+ seconds? left$', timer()) and timer(),
                         f'the countdown ({phase}) to say the seconds left in its name')
            wait(lambda: timer() != first, f'the countdown ({phase}) to change from "{first}"', timeout=3)
            # a screen reader is told: the description of the controls (the
            # focused one among them) changes to the new phase, as an event
            wait(lambda: events.matching(lambda e: e[0].endswith('accessible-description')
                                         and e[1] == BUTTON and str(e[3]).startswith(phase + ':')),
                 f'an accessible-description event on the player controls saying "{phase}: …"')
            # the focused control describes the phase shown now (a short
            # phase such as Switch Sides may have ended since it was read)
            def focused_control():
                return find(player, BUTTON, match=lambda o: o.getState().contains(atspi.pyatspi.STATE_FOCUSED))

            def describes_phase_shown():
                f = focused_control()
                return f is not None and f.description.startswith((phase_now() or '?') + ':') and f
            try:
                focused = wait(describes_phase_shown, 'the focused control to describe the phase shown', timeout=5)
            except AssertionError:
                f = focused_control()
                assert f is not None, 'no control of the player has the focus'
                raise AssertionError(f'the focused control "{f.name}" does not describe the phase shown '
                                     f'({phase_now()!r}): {f.description!r}')
            seen_phases[phase] = True
            print(f'# {phase}: "{focused.description}", countdown "{first}"', flush=True)
        if all(p in seen_phases for p in REQUIRED_PHASES):
            break
        act(skip)
        time.sleep(0.5)
    missing = [p for p in REQUIRED_PHASES if p not in seen_phases]
    assert not missing, f'phases never seen: {missing}'

    # Pause and resume: the name says which
    act(controls['Pause'])
    resume = wait(lambda: find(player, BUTTON, 'Resume'), 'the Pause button to be named Resume')
    wait(lambda: events.matching(lambda e: e[0].endswith('accessible-name') and e[3] == 'Resume'),
         'a name-change event saying Resume')
    act(resume)
    wait(lambda: find(player, BUTTON, 'Pause'), 'Resume to be named Pause again')

    # to the end, Next by Next
    for _ in range(20):
        if not playing():
            break
        act(controls['Next exercise'])
        time.sleep(0.4)
    require_controls(player, [('slider', 'How do your hamstrings feel now?'), (BUTTON, 'Check In Now'),
                              (BUTTON, 'Done')], 'the summary')
    act(find(player, BUTTON, 'Done'))


def check_checkin(frame, app):
    act(find(frame, BUTTON, 'Check in'))
    try:
        dialog = wait(lambda: find(app, 'dialog', 'Check In'), 'the check-in window', timeout=10)
    except AssertionError as e:
        raise AssertionError(f'{e}; the windows are: {[(atspi.role(w), w.name) for w in app]}')
    require_controls(dialog, [('slider', 'Pain'), ('slider', 'Stiffness'), (BUTTON, 'Save'),
                              (BUTTON, 'Cancel')], 'the check-in form')
    # the leg choice: a drop-down named for its question
    require_controls(dialog, [('combo box', 'Where')], 'the check-in form')
    act(find(dialog, BUTTON, 'Cancel'))
    wait(lambda: find(app, 'dialog', 'Check In') is None, 'the check-in window to close')


def check_history(frame):
    act(find(frame, 'page tab', 'History'))
    history = wait(lambda: by_type(frame, 'LimberHistoryPage'), 'History')
    chart = wait(lambda: find(history, ('drawing area', 'image', 'chart', 'panel', 'filler', 'unknown', 'canvas'),
                              match=lambda o: o.getState().contains(atspi.pyatspi.STATE_FOCUSABLE)
                              and 'pain' in spoken(o.name).lower()),
                 'the chart, named')
    try:
        wait(lambda: spoken(atspi.fresh(chart).description), 'the chart\'s text equivalent', timeout=10)
    except AssertionError:
        raise AssertionError(f'the chart "{chart.name}" ({atspi.role(chart)}) has no text equivalent (description)'
                             + '\n' + atspi.describe_tree(history, 80))
    print(f'# the chart: "{chart.name}": "{chart.description}"', flush=True)
    require_controls(history, [('list item', 'Your Whole Journal'),
                               # the drop-down's button, where Tab stops: its name and its choice
                               (('toggle button', BUTTON), 'Chart range: Last 30 days')], 'History')


def check_preferences(frame, app):
    act(find(frame, BUTTON, 'Main menu', ) or
        find(frame, BUTTON, match=lambda o: o.description == 'Main Menu' and 'click' in atspi.action_names(o)))
    item = wait(lambda: find(app, ('menu item', BUTTON, 'check menu item'), 'Preferences'), 'Preferences in the menu')
    act(item)
    prefs = wait(lambda: find(app, ('dialog', 'frame'), 'Preferences'), 'the Preferences window')
    switches = wait(lambda: find_all(prefs, ('switch', 'toggle button', 'check box')), 'switches in Preferences')
    unnamed = [f'{atspi.role(s)} ({s.description!r})' for s in switches if not spoken(s.name)]
    assert not unnamed, f'switches in Preferences without a name: {unnamed}\n' + atspi.describe_tree(prefs)
    print(f'# Preferences: {len(switches)} switches, all named: {[spoken(s.name) for s in switches]}', flush=True)
    return prefs


def main():
    launcher = atspi.start_bus()
    home, env = atspi.environment('atspi')
    names = routine_names(env)
    # a check-in yesterday, so that History has a chart to show
    yesterday = time.strftime('%Y-%m-%dT09:00', time.localtime(time.time() - 86400))
    subprocess.run([LIMBER_BIN, '--check-in', '--pain=3', '--stiffness=4', f'--at={yesterday}'],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    app_proc = subprocess.Popen([LIMBER_BIN], env=env)
    events = None
    try:
        app = atspi.find_app(app_proc)
        frame = wait(lambda: find(app, 'frame', 'Limber'), 'the main window')
        events = atspi.Events('object:property-change:accessible-description',
                              'object:property-change:accessible-name')
        failures = []

        def step(name, fn, *args):
            try:
                return fn(*args)
            except AssertionError as e:
                failures.append(f'{name}: {e}')
                print(f'not ok - {name}: {e}', flush=True)
                return None

        items = check_routine_list(frame, names)
        act(items[ROUTINE])
        page = wait(lambda: by_type(frame, 'LimberRoutinePage'), 'the routine page')
        controls = require_controls(page, [('heading', ROUTINE), (BUTTON, 'Start Routine'),
                                           (BUTTON, 'Back')], 'the routine page')
        print('ok - the routine list and a routine page', flush=True)
        act(controls['Start Routine'])
        check_player(frame, events)
        print('ok - the player in each phase and the summary', flush=True)
        act(controls['Back'])   # from the routine's page to the main view
        step('the check-in form', check_checkin, frame, app) and None
        if not failures:
            print('ok - the check-in form', flush=True)
        n = len(failures)
        step('History', check_history, frame)
        if len(failures) == n:
            print('ok - History', flush=True)
        n = len(failures)
        step('Preferences', check_preferences, frame, app)
        if len(failures) == n:
            print('ok - Preferences', flush=True)
        assert not failures, '\n'.join(failures)
        print('all passed')
    finally:
        if events is not None:
            events.close()
        atspi.stop(app_proc, launcher)


if __name__ == '__main__':
    main()
