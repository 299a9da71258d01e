#!/bin/sh
# Developer helper, not part of the build: refresh po/de.po from the
# template, keeping every translation, with extra translations first.
# Usage: build-aux/update-de.sh BUILDDIR [EXTRA.po]
set -eu
build=$1
ninja -C "$build" limber-pot >/dev/null
if [ -n "${2:-}" ]; then
  msgcat --use-first po/de.po "$2" -o po/de.po.new
else
  cp po/de.po po/de.po.new
fi
msgmerge --no-fuzzy-matching -q po/de.po.new po/limber.pot -o po/de.po.new
msgattrib --no-obsolete po/de.po.new -o po/de.po
rm -f po/de.po.new
msgfmt --check --statistics -o /dev/null po/de.po
