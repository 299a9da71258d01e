#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sets up a fresh Debian 12 machine, builds Limber and runs the whole test
# suite: core tests headless, app tests under Xvfb on a private D-Bus session
# (each app test starts its own, see tests/app/meson.build).
set -eu
cd "$(dirname "$0")/.."

build-aux/install-deps.sh --tests
[ -f _build/build.ninja ] || meson setup _build
meson compile -C _build
meson test -C _build --print-errorlogs "$@"
