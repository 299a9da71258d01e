#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every translation in po/LINGUAS is complete: the template is made afresh
# from the sources (the build's limber-pot target), and each LL.po must
# translate every message in it, with none fuzzy (msgcmp), and pass
# msgfmt --check. A string added to the code without its translation fails
# here, naming it.
import os
import subprocess
import sys

build, source = sys.argv[1], sys.argv[2]
po = os.path.join(source, 'po')
subprocess.run(['ninja', '-C', build, 'limber-pot'], check=True, stdout=subprocess.DEVNULL)
pot = os.path.join(po, 'limber.pot')
langs = []
with open(os.path.join(po, 'LINGUAS'), encoding='utf-8') as f:
    for line in f:
        line = line.split('#', 1)[0].strip()
        langs += line.split()
if not langs:
    print('no translations in po/LINGUAS')
    sys.exit(1)
status = 0
for lang in langs:
    path = os.path.join(po, lang + '.po')
    stats = subprocess.run(['msgfmt', '--check', '--statistics', '-o', os.devnull, path],
                           capture_output=True, text=True)
    print(f'{lang}: {stats.stderr.strip()}')
    if stats.returncode != 0 or 'untranslated' in stats.stderr or 'fuzzy' in stats.stderr:
        status = 1
    cmp = subprocess.run(['msgcmp', path, pot], capture_output=True, text=True)
    if cmp.returncode != 0:
        print(cmp.stderr.strip())
        status = 1
sys.exit(status)
