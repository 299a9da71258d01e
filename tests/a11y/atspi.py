# SPDX-License-Identifier: GPL-3.0-or-later
#
# What the accessibility tests share: the accessibility bus in this test's
# private D-Bus session, the real program with the AT-SPI bridge on, and
# finding its controls the way a screen reader does, by role and name.

import os
import re
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'common'))
import require  # noqa: E402
from waiting import wait_until  # noqa: E402

# meson passes the launcher it found, or a stand-in that names the package
BUS_LAUNCHER = os.environ.get('AT_SPI_BUS_LAUNCHER', '/usr/libexec/at-spi-bus-launcher')
ACTIONS = ('click', 'activate', 'press')
# GTK 4.8 names an object that has no name after its type
TYPE_NAME = re.compile(r'^(Gtk|Adw|Limber)[A-Z]\w*$')

G_DEBUG = {}
pyatspi = None
GLib = None
Atspi = None


def start_bus():
    '''Starts the accessibility bus in this D-Bus session (the test runs
    under dbus-run-session) and returns the launcher, to stop at the end.'''
    global pyatspi, GLib, Atspi
    if not os.access(BUS_LAUNCHER, os.X_OK):
        require.missing('at-spi-bus-launcher', 'at-spi2-core')
    # the stand-in for a launcher meson did not find says which package, and fails
    if os.path.basename(BUS_LAUNCHER).startswith('missing-'):
        sys.exit(subprocess.run([BUS_LAUNCHER]).returncode)
    gdbus = require.program('gdbus', 'libglib2.0-bin')
    # in a process group of its own, with the bus's dbus-daemon: stop()
    # ends them both, so that no daemon outlives the test holding its output
    launcher = subprocess.Popen([BUS_LAUNCHER, '--launch-immediately'], start_new_session=True)

    def bus_up():
        out = subprocess.run([gdbus, 'call', '--session', '--dest', 'org.freedesktop.DBus',
                              '--object-path', '/org/freedesktop/DBus',
                              '--method', 'org.freedesktop.DBus.NameHasOwner', 'org.a11y.Bus'],
                             capture_output=True, text=True).stdout
        return 'true' in out
    wait_until(bus_up, 'the accessibility bus (org.a11y.Bus)', timeout=15)
    # fatal warnings are for Limber, not for the AT-SPI client library, which
    # warns that GTK 4 has no cache to offer
    G_DEBUG.update(G_DEBUG=os.environ.pop('G_DEBUG', ''))
    pyatspi = require.module('pyatspi', 'python3-pyatspi (with at-spi2-core)')
    GLib = require.module('gi.repository.GLib', 'python3-gi')
    Atspi = require.module('gi.repository.Atspi', 'gir1.2-atspi-2.0')
    return launcher


def environment(name):
    '''A home of its own, a new journal, the AT-SPI bridge on.'''
    home = tempfile.mkdtemp(prefix=f'limber-{name}-')
    env = dict(os.environ, HOME=home, XDG_DATA_HOME=os.path.join(home, 'data'),
               XDG_CONFIG_HOME=os.path.join(home, 'config'), XDG_CACHE_HOME=os.path.join(home, 'cache'),
               GTK_A11Y='atspi', GSETTINGS_BACKEND='memory')
    env.pop('NO_AT_BRIDGE', None)
    if G_DEBUG.get('G_DEBUG'):
        env['G_DEBUG'] = G_DEBUG['G_DEBUG']
    return home, env


def pump():
    '''Lets pyatspi deliver the events that have arrived.'''
    ctx = GLib.MainContext.default()
    while ctx.iteration(False):
        pass


def wait(cond, what, timeout=20.0):
    def pumped():
        pump()
        return cond()
    return wait_until(pumped, what, timeout=timeout)


def find_app(proc):
    pid = proc.pid

    def app():
        if proc.poll() is not None:
            raise AssertionError(f'Limber exited with {proc.returncode} before it was on the accessibility bus')
        desktop = pyatspi.Registry.getDesktop(0)
        for a in desktop:
            if a is not None and a.name.lower() in ('limber', 'io.github.limber.limber') \
               and a.get_process_id() == pid:
                # no caching: GTK 4.8 does not tell when a label's text, and
                # so its name, changes
                a.set_cache_mask(Atspi.Cache.NONE)
                return a
        return None
    return wait(app, 'Limber on the accessibility bus', timeout=30)


def spoken(name):
    '''The name as a screen reader says it. GTK 4.8 names a button with a
    mnemonic "_Save Save" (its label, then its child's); Limber names such
    buttons itself (limber_ui_name_mnemonic_buttons()), so a name is read as
    it is: a mark or a doubled word fails to match.'''
    if name is None or TYPE_NAME.match(name):
        return ''
    return name


def role(obj):
    return obj.getRoleName()


def walk(obj, limit=6000):
    '''Every object under obj, depth first.'''
    stack = [obj]
    seen = 0
    while stack and seen < limit:
        o = stack.pop()
        seen += 1
        yield o
        try:
            children = [c for c in o if c is not None]
        except Exception:
            children = []
        stack.extend(reversed(children))


def fresh(obj):
    obj.clear_cache()
    return obj


ALL_ROLES = None


def find(root, roles, name=None, match=None):
    '''The first object under root with one of roles and that name (as
    spoken), or for which match(obj) is true.'''
    if isinstance(roles, str):
        roles = (roles,)
    for o in walk(fresh(root)):
        try:
            if roles is not None and role(o) not in roles:
                continue
            if name is not None and spoken(o.name) != name:
                continue
            if match is not None and not match(o):
                continue
            return o
        except Exception:
            continue
    return None


def find_all(root, roles):
    if isinstance(roles, str):
        roles = (roles,)
    return [o for o in walk(fresh(root)) if role(o) in roles]


def require_controls(root, wanted, where):
    '''wanted: (roles, name) pairs. Fails listing every one not found.'''
    found, missing = {}, []
    for roles, name in wanted:
        o = find(root, roles, name)
        if o is None:
            missing.append(f'{roles if isinstance(roles, str) else "/".join(roles)} "{name}"')
        found[name] = o
    if missing:
        raise AssertionError(f'{where}: not found by role and name: ' + ', '.join(missing)
                             + '\n' + describe_tree(root))
    return found


def action_names(obj):
    try:
        action = obj.queryAction()
    except NotImplementedError:
        return []
    return [action.getName(i) for i in range(action.nActions)]


def act(obj, *names):
    '''Invokes obj's named action: "click", "activate" or "press" (or a
    widget action such as "row.activate"). Never a coordinate.'''
    names = names or ACTIONS
    action = obj.queryAction()
    for i in range(action.nActions):
        n = action.getName(i)
        if n in names or n.rsplit('.', 1)[-1] in names:
            if not action.doAction(i):
                raise AssertionError(f'the action {n} of {role(obj)} "{obj.name}" failed')
            return
    raise AssertionError(f'{role(obj)} "{obj.name}" has no action among {names}: '
                         f'it has {action_names(obj)}')


def describe_tree(root, limit=400):
    lines = []
    for o in walk(root, limit):
        try:
            if role(o) in ('filler', 'panel') and spoken(o.name) == '':
                continue
            lines.append(f'  {role(o)} "{o.name}" ({o.description!r}) {action_names(o)}')
        except Exception:
            pass
    return 'what there is:\n' + '\n'.join(lines)


class Events:
    '''Collects AT-SPI events: (type, role, name, any_data).'''

    def __init__(self, *types):
        self.types = types
        self.seen = []
        pyatspi.Registry.registerEventListener(self._on_event, *types)

    def _on_event(self, event):
        try:
            self.seen.append((event.type, role(event.source), event.source.name, event.any_data))
        except Exception:
            pass

    def close(self):
        pyatspi.Registry.deregisterEventListener(self._on_event, *self.types)

    def matching(self, cond):
        pump()
        return [e for e in self.seen if cond(e)]


def stop(app, launcher):
    if app.poll() is None:
        app.kill()
        app.wait()
    try:
        os.killpg(launcher.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    launcher.wait()
