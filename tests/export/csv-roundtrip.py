#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads a CSV file the way a spreadsheet import or a script would, with
Python's csv module (strict RFC 4180 dialect, UTF-8, no BOM handling), and
prints each row on one line: its cells as hexadecimal UTF-8, separated by
spaces, an empty cell as "-". test-export.c compares them field by field.
Hex keeps the output trivial to parse in C."""
import csv
import sys


def main():
    with open(sys.argv[1], newline="", encoding="utf-8", errors="strict") as f:
        reader = csv.reader(f, dialect="excel", strict=True)
        for row in reader:
            print(" ".join(cell.encode("utf-8").hex() or "-" for cell in row))


if __name__ == "__main__":
    main()
