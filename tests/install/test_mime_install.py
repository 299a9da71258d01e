#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs Limber into a temporary DESTDIR and checks that the shared
# routine file type arrives: update-mime-database builds
# mime/application/x-limber-routine.xml and a glob for *.limber-routine
# from the installed package file, and the installed desktop file, which
# opens that type, passes desktop-file-validate.

import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'common'))
import require  # noqa: E402

UPDATE_MIME = require.program('update-mime-database', 'shared-mime-info')
VALIDATE = require.program('desktop-file-validate', 'desktop-file-utils')
MESON = require.program('meson', 'meson')

build_root, datadir = sys.argv[1], sys.argv[2]
print('1..3', flush=True)

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
