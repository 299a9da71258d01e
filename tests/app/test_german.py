#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Limber in German on the command line, as a German user runs it: under
# LC_ALL=de_DE.UTF-8 (the set-up generates the locale) with the build's
# translations (LIMBER_LOCALEDIR). --help, a refused value, a check-in,
# --history with its dates in German order, the CSV's header row and the
# PDF report, read back with pdftotext, are all in German.
import csv
import os
import subprocess
import sys
import tempfile

LIMBER = os.environ['LIMBER_BIN']
PDFTOTEXT = os.environ['PDFTOTEXT']
failures = []


def check(ok, what):
    print(('ok   ' if ok else 'FAIL ') + what)
    if not ok:
        failures.append(what)


locales = subprocess.run(['locale', '-a'], capture_output=True, text=True).stdout.lower().split()
if 'de_de.utf8' not in locales:
    print('The de_DE.UTF-8 locale is missing: run build-aux/install-deps.sh --tests (package locales)')
    sys.exit(1)

with tempfile.TemporaryDirectory() as home:
    env = dict(os.environ, HOME=home, XDG_DATA_HOME=os.path.join(home, 'data'),
               XDG_CONFIG_HOME=os.path.join(home, 'config'), XDG_CACHE_HOME=os.path.join(home, 'cache'),
               LC_ALL='de_DE.UTF-8', LANGUAGE='de')

    def limber(*args):
        return subprocess.run([LIMBER] + list(args), env=env, capture_output=True, text=True, timeout=60)

    out = limber('--help')
    check(out.returncode == 0 and 'Aufruf:' in out.stdout and 'Einen Check-in mit --pain' in out.stdout,
          '--help is German')

    out = limber('--check-in', '--pain=11', '--stiffness=3')
    check(out.returncode == 2 and '--pain muss eine ganze Zahl von 0' in out.stderr,
          'a refused value says why in German: ' + out.stderr.strip()[:120])

    out = limber('--check-in', '--pain=3', '--stiffness=4', '--at=2026-03-01T08:30', '--note=Treppe war schwer')
    check(out.returncode == 0 and 'Check-in gespeichert: Schmerz 3, Steifheit 4' in out.stdout,
          'a check-in is confirmed in German: ' + out.stdout.strip())

    out = limber('--history=5000')
    check(out.returncode == 0 and 'Datum und Uhrzeit' in out.stdout and '01.03.2026 08:30' in out.stdout,
          '--history is German, its dates in German order')

    csv_path = os.path.join(home, 'tagebuch.csv')
    out = limber('--export-csv=' + csv_path)
    check(out.returncode == 0, 'the CSV is written')
    with open(csv_path, newline='', encoding='utf-8') as f:
        rows = list(csv.reader(f))
    check(rows[0][:4] == ['Art', 'Datum', 'Uhrzeit', 'Routinen-ID'] and rows[0][-1] == 'Notiz',
          'the CSV header row is German: ' + ','.join(rows[0][:5]))
    # the values stay as programs read them
    check(rows[1][1] == '2026-03-01' and rows[1][9] == '3', 'the CSV values stay ISO dates and numbers')

    pdf_path = os.path.join(home, 'bericht.pdf')
    out = limber('--export-report=' + pdf_path, '--from=2026-02-01', '--to=2026-03-31')
    check(out.returncode == 0, 'the report is written')
    text = subprocess.run([PDFTOTEXT, '-layout', pdf_path, '-'], capture_output=True, text=True).stdout
    check('Dehn- und Symptombericht' in text and '1. Februar 2026 bis 31. März 2026' in text,
          'the PDF report is German, its dates in German')
    check('Schmerz und Steifheit' in text and 'Treppe war schwer' in text,
          'the report has its German headings and the note')

if failures:
    print(f'{len(failures)} failed')
    sys.exit(1)
