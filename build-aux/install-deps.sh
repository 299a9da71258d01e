#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs what Limber needs to build, run and test on Debian 12 (bookworm).
# Runs apt-get as root, through sudo when needed. Safe to run again.
set -eu

# To build: the compiler, meson, the libraries and the tools the build runs
# (glib-compile-resources and -schemas, msgfmt, xmllint for the resources'
# xml-stripblanks, desktop-file-validate and appstreamcli, which also run as
# the data tests; gdbus-codegen, in libglib2.0-dev-bin, makes the reminders'
# D-Bus code, and python3 runs build-aux/dbus-names.py). libspeechd-dev
# builds the voice coach. itstool translates the manual (help/) through the
# po files, as meson's gnome.yelp() does it.
packages="
  meson ninja-build pkg-config gcc python3
  libglib2.0-dev libglib2.0-dev-bin libglib2.0-bin libgtk-4-dev libadwaita-1-dev
  libsqlite3-dev libnotify-dev libgsound-dev
  libcairo2-dev libpango1.0-dev
  gettext libxml2-utils desktop-file-utils appstream
  libspeechd-dev itstool
"
# To run: the SVG loader for the pictures, the icon and sound themes, the
# GNOME interface font, and the fonts the PDF report draws notes with:
# DejaVu (Latin, Greek, Cyrillic, Arabic, Hebrew) and WenQuanYi Micro Hei,
# a small font for Chinese, Japanese and Korean. A character that no
# installed font covers is written in the report as its Unicode number
# (see src/export/limber-report.c), never as a hex box. The speech-dispatcher
# daemon, its espeak-ng module and espeak-ng's voices let the voice coach
# speak out of the box (the voice tests run that same daemon).
packages="$packages
  librsvg2-common adwaita-icon-theme hicolor-icon-theme sound-theme-freedesktop
  fonts-cantarell fonts-dejavu-core fonts-wqy-microhei
  speech-dispatcher speech-dispatcher-espeak-ng espeak-ng
"
# What the test suite needs on top (tests/meson.build lists the programs and
# each test fails naming its package when one is missing): a headless X
# server and a private D-Bus (xvfb-run, xauth, dbus-run-session); the system
# Python, whose csv and sqlite3 modules read exports and journals back;
# poppler's pdftotext and pdfinfo for the PDF report (and pdftoppm, in the
# same package, to render a page for data/screenshots/); a mock notification
# server (python3-dbusmock, python3-dbus) and a real one (dunst, dunstctl);
# gsettings to set the service's settings; the time zones the schedule's
# daylight-saving tests run in; Mesa's llvmpipe (libgl1-mesa-dri), with
# which the player-cpu benchmark draws with GL under Xvfb; xdotool, which
# presses real keys for the keyboard test; update-mime-database
# (shared-mime-info) for the test that installs the MIME type (it also runs
# desktop-file-validate on the installed desktop files: desktop-file-utils
# is in the build packages above, which --tests installs too); yelp-check
# (yelp-tools) validates the manual; the German locale (locales, made with
# locale-gen below) for the tests that run Limber in German; the
# accessibility bus (at-spi2-core) and pyatspi (python3-pyatspi) for the
# test that reads the window as a screen reader does. For .ci/run's
# fuzzing stage: clang (/usr/bin/clang), libclang-rt-14-dev (libFuzzer and
# clang's ASan/UBSan runtimes, libclang_rt.fuzzer-x86_64.a) and llvm-14
# (llvm-symbolizer, for readable sanitizer stack traces); gcc's own
# sanitizer runtimes (libasan8, libubsan1) come with gcc.
test_packages="
  xvfb xauth dbus dbus-daemon dbus-bin
  python3 poppler-utils
  python3-dbusmock python3-dbus dunst libglib2.0-bin tzdata
  libgl1-mesa-dri xdotool shared-mime-info
  yelp-tools locales at-spi2-core python3-pyatspi
  clang libclang-rt-14-dev llvm-14
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

# The German tests run under LANG=de_DE.UTF-8: generate that locale once.
if [ "${1:-}" = "--tests" ] && ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
  echo "Generating the de_DE.UTF-8 locale"
  $sudo sed -i 's/^# *\(de_DE\.UTF-8 UTF-8\)/\1/' /etc/locale.gen
  grep -q '^de_DE\.UTF-8 UTF-8' /etc/locale.gen || echo 'de_DE.UTF-8 UTF-8' | $sudo tee -a /etc/locale.gen >/dev/null
  $sudo locale-gen
fi
