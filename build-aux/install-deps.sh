#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs what Limber needs to build, run and test on Debian 12 (bookworm).
# Runs apt-get as root, through sudo when needed. Safe to run again.
set -eu

# libspeechd-dev builds the voice coach; the speech-dispatcher daemon, its
# espeak-ng module and espeak-ng's voices let it speak out of the box (the
# voice tests run that same daemon).
packages="
  meson ninja-build pkg-config gcc
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev libsqlite3-dev
  libnotify-dev libgsound-dev
  libcairo2-dev libpango1.0-dev
  gettext libxml2-utils desktop-file-utils appstream
  librsvg2-common adwaita-icon-theme sound-theme-freedesktop fonts-cantarell
  libspeechd-dev
  speech-dispatcher speech-dispatcher-espeak-ng espeak-ng
"
# What the test suite needs on top: a headless X server and a private D-Bus;
# Python's csv module and poppler's pdftotext and pdfinfo read exports back;
# the reminder tests run a mock notification server (python3-dbusmock) and a
# real one (dunst), and set the service's settings with gsettings.
test_packages="
  xvfb xauth dbus dbus-bin
  python3 poppler-utils
  python3-dbusmock python3-dbus dunst libglib2.0-bin
"

if [ "${1:-}" = "--tests" ]; then
  packages="$packages $test_packages"
fi

if [ "$(id -u)" -eq 0 ]; then
  sudo=""
else
  sudo="sudo"
fi

missing=""
for p in $packages; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

if [ -n "$missing" ]; then
  echo "Installing:$missing"
  $sudo apt-get update -q
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing
fi
