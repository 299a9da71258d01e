# SPDX-License-Identifier: GPL-3.0-or-later
#
# The Python side of test-require.c: a test asks for what it needs from
# outside the project before it starts, and fails with one line naming the
# Debian package when it is missing. Skipping is not passing.

import importlib
import shutil
import sys


def missing(what, package):
    print(f'Bail out! {what} is missing: install the Debian package {package} '
          '(build-aux/install-deps.sh --tests installs it)', flush=True)
    print(f'{what} is missing: install the Debian package {package}', file=sys.stderr, flush=True)
    sys.exit(1)


def program(name, package):
    path = shutil.which(name)
    if path is None:
        missing(name, package)
    return path


def module(name, package):
    try:
        return importlib.import_module(name)
    except ImportError:
        missing(f'the Python module {name}', package)
