#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs Limber into a temporary DESTDIR and checks that the shared
# routine file type arrives: update-mime-database builds
# mime/application/x-limber-routine.xml and a glob for *.limber-routine
# from the installed package file, and the installed desktop file, which
# opens that type, passes desktop-file-validate. Then that GNOME Shell finds
# the search provider: its .ini names the desktop file, the bus name that
# D-Bus activates, and the object path the application exports. Then the
# reminder service's files (check_reminders): its autostart entry under
# SYSCONFDIR/xdg/autostart with its AutostartCondition, and the D-Bus
# service files that activate it and the application.

import configparser
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'common'))
import require  # noqa: E402

UPDATE_MIME = require.program('update-mime-database', 'shared-mime-info')
VALIDATE = require.program('desktop-file-validate', 'desktop-file-utils')
MESON = require.program('meson', 'meson')



def check_search_provider(share):
    """The .ini in gnome-shell/search-providers, with the keys the shell reads."""
    ini = os.path.join(share, 'gnome-shell', 'search-providers',
                       'io.github.limber.Limber.search-provider.ini')
    assert os.path.exists(ini), ini
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    with open(ini, encoding='utf-8') as f:
        parser.read_file(f)
    assert parser.sections() == ['Shell Search Provider'], parser.sections()
    provider = dict(parser['Shell Search Provider'])
    assert provider == {
        'DesktopId': 'io.github.limber.Limber.desktop',
        'BusName': 'io.github.limber.Limber',
        'ObjectPath': '/io/github/limber/Limber/SearchProvider',
        'Version': '2',
    }, provider
    # the shell starts Limber by that name when it is not running
    assert os.path.exists(os.path.join(share, 'applications', provider['DesktopId']))
    service = os.path.join(share, 'dbus-1', 'services', provider['BusName'] + '.service')
    with open(service, encoding='utf-8') as f:
        assert 'Name=' + provider['BusName'] + '\n' in f.read()
    with open(os.path.join(share, 'applications', provider['DesktopId']), encoding='utf-8') as f:
        assert 'DBusActivatable=true\n' in f.read()



build_root, datadir, sysconfdir, bindir = sys.argv[1:5]
print('1..7', flush=True)


def desktop_keys(path):
    keys = {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            if '=' in line and not line.startswith('#'):
                key, value = line.rstrip('\n').split('=', 1)
                keys[key] = value
    return keys


def check_reminders(destdir):
    autostart = os.path.join(destdir + sysconfdir, 'xdg', 'autostart',
                             'io.github.limber.Limber.Reminders.desktop')
    assert os.path.exists(autostart), autostart
    subprocess.run([VALIDATE, autostart], check=True)
    keys = desktop_keys(autostart)
    assert keys['AutostartCondition'] == 'GSettings io.github.limber.Limber reminders-enabled', keys
    assert keys['Exec'] == 'limber-reminders', keys
    assert keys['NoDisplay'] == 'true', keys
    # not also under the data folder, where older Limbers kept a template
    assert not os.path.exists(os.path.join(destdir + datadir, 'limber',
                                           'io.github.limber.Limber.Reminders.desktop'))
    print('ok 5 the reminders\' autostart entry is the system\'s, with its condition, and validates',
          flush=True)

    services = os.path.join(destdir + datadir, 'dbus-1', 'services')
    for name, program in [('io.github.limber.Limber.Reminders', 'limber-reminders'),
                          ('io.github.limber.Limber', 'limber')]:
        keys = desktop_keys(os.path.join(services, name + '.service'))
        assert keys['Name'] == name, keys
        assert keys['Exec'].split()[0] == os.path.join(bindir, program), keys
        assert os.path.exists(destdir + os.path.join(bindir, program))
    print('ok 6 the D-Bus service files name the installed programs', flush=True)

    desktop = os.path.join(destdir + datadir, 'applications', 'io.github.limber.Limber.desktop')
    subprocess.run([VALIDATE, desktop, autostart], check=True)
    print('ok 7 every installed desktop file validates', flush=True)


with tempfile.TemporaryDirectory() as destdir:
    subprocess.run([MESON, 'install', '-C', build_root, '--no-rebuild', '--quiet',
                    '--destdir', destdir],
                   check=True, stdout=subprocess.DEVNULL)
    share = destdir + datadir
    package = os.path.join(share, 'mime', 'packages', 'io.github.limber.Limber.mime.xml')
    assert os.path.exists(package), package

    subprocess.run([UPDATE_MIME, os.path.join(share, 'mime')], check=True)
    generated = os.path.join(share, 'mime', 'application', 'x-limber-routine.xml')
    assert os.path.exists(generated), generated
    with open(generated, encoding='utf-8') as f:
        assert 'Limber routine' in f.read()
    print('ok 1 the MIME type is generated', flush=True)

    with open(os.path.join(share, 'mime', 'globs2'), encoding='utf-8') as f:
        globs = f.read()
    assert 'application/x-limber-routine:*.limber-routine' in globs, globs
    print('ok 2 *.limber-routine is its glob', flush=True)

    desktop = os.path.join(share, 'applications', 'io.github.limber.Limber.desktop')
    subprocess.run([VALIDATE, desktop], check=True)
    with open(desktop, encoding='utf-8') as f:
        assert 'MimeType=application/x-limber-routine;' in f.read()
    print('ok 3 the desktop file opens it and validates', flush=True)

    check_search_provider(share)
    print('ok 4 the search provider is installed where GNOME Shell looks', flush=True)
    check_reminders(destdir)
