#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sets up a fresh Debian 12 machine, builds Limber and starts it from the
# build tree (the journal lives in the usual place, $XDG_DATA_HOME/limber).
# Extra arguments go to limber, e.g. build-aux/run.sh --list-routines
set -eu
cd "$(dirname "$0")/.."

build-aux/install-deps.sh
[ -f _build/build.ninja ] || meson setup _build
meson compile -C _build
exec meson devenv -C _build -w "$PWD" _build/src/limber "$@"
