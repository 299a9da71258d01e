#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sets up a fresh Debian 12 machine, builds Limber and runs the whole test
# suite: core tests headless, app tests under Xvfb on a private D-Bus session
# (each app test starts its own, see tests/app/meson.build), and the reminder
# service against mock and real notification servers.
set -eu
cd "$(dirname "$0")/.."

build-aux/install-deps.sh --tests
[ -f _build/build.ninja ] || meson setup _build
meson compile -C _build

status=0
meson test -C _build --print-errorlogs "$@" || status=$?

# One plain closing line, whatever the runner printed above.
python3 - <<'PY'
import json
passed = failed = skipped = 0
with open("_build/meson-logs/testlog.json") as log:
    for line in log:
        result = json.loads(line)["result"]
        if result == "OK" or result == "EXPECTEDFAIL":
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:
            failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
