#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every C file and template with a translatable string is in POTFILES.in,
# as is every bundled exercise, routine and program,
# and every file POTFILES.in names exists: a string in a file that is not
# listed never reaches a translator, and nothing else would say so.
#
#   check-potfiles.py SOURCE_ROOT

import os
import re
import sys

MARKS = re.compile(r'(?<![A-Za-z0-9_])(?:N?_|C_|NC_|ngettext|g_dngettext|g_dpgettext2?)\s*\(')


def main():
    root = sys.argv[1]
    with open(os.path.join(root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        listed = {line.strip() for line in f if line.strip() and not line.startswith('#')}
    problems = [f'{name} is in POTFILES.in but does not exist'
                for name in sorted(listed) if not os.path.exists(os.path.join(root, name))]
    for folder in ('src', 'ui'):
        for dirpath, _, files in os.walk(os.path.join(root, folder)):
            for name in files:
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, root)
                if name.endswith('.c'):
                    with open(path, encoding='utf-8') as f:
                        marked = MARKS.search(f.read()) is not None
                elif name.endswith('.ui'):
                    with open(path, encoding='utf-8') as f:
                        marked = 'translatable="yes"' in f.read()
                else:
                    continue
                if marked and rel not in listed:
                    problems.append(f'{rel} has translatable strings but is not in po/POTFILES.in')
    # The data set's translatable files (update-pot.sh extracts them).
    for folder, suffix in (('exercises', '.exercise'), ('routines', '.routine'),
                           ('programs', '.program')):
        path = os.path.join(root, 'data', folder)
        for name in sorted(os.listdir(path)) if os.path.isdir(path) else []:
            rel = f'data/{folder}/{name}'
            if name.endswith(suffix) and rel not in listed:
                problems.append(f'{rel} is bundled but is not in po/POTFILES.in')
    for p in problems:
        print(p)
    print(f'{len(listed)} files listed; {len(problems)} problems')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
