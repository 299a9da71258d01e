#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# limber-journal-helper on its own: what limber-reminders asks it, on its
# standard input, and what it answers (see
# src/reminders/limber-journal-protocol.h). A request with anything out of
# place exits with status 2 and writes nothing, not even its valid lines;
# a reminder or an outcome sent twice is one row.
#
# Needs LIMBER_JOURNAL_HELPER.

import os
import shutil
import sqlite3
import subprocess
import tempfile
import unittest

HELPER = os.environ['LIMBER_JOURNAL_HELPER']
HEADER = b'limber-journal 1\n'
KEY = b'0c9e7a52-61d4-4b8f-a3e2-5f7d9b1c4e60'
KEY2 = b'3f2d4c1e-8a6b-4f0e-9c3d-2b1a0e9f8d7c'
DUE = b'1709969400000000'
LOG = b'log\t' + KEY + b'\tbreak\t' + DUE + b'\t0\tdesk-break\n'


class Helper(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix='limber-journal-helper-test-')
        self.journal = os.path.join(self.dir, 'journal.db')

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def run_helper(self, request, *args):
        # its debug messages must not mix with its answers
        argv = [HELPER] + (list(args) if args else [self.journal])
        return subprocess.run(argv, input=request, capture_output=True, timeout=30,
                              env=dict(os.environ, G_MESSAGES_DEBUG='all'))

    def rows(self):
        db = sqlite3.connect(self.journal)
        try:
            return db.execute('SELECT kind, routine_id, due_at, outcome, catch_up, key'
                              ' FROM reminders ORDER BY id').fetchall()
        finally:
            db.close()

    def test_requests_and_answers(self):
        request = (HEADER + LOG +
                   b'log\t' + KEY2 + b'\tcheckin\t' + DUE + b'\t1\t\n' +
                   b'outcome\t' + KEY + b'\tskipped\n' +
                   b'checkin\t0\n')
        done = self.run_helper(request)
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertEqual(done.stdout, b'done\ndone\ndone\ncheckin\t0\n')
        expected = [('break', 'desk-break', 1709969400000000, 'skipped', 0, KEY.decode()),
                    ('checkin', None, 1709969400000000, 'shown', 1, KEY2.decode())]
        self.assertEqual(self.rows(), expected)

        # all of it again (its answer was lost): nothing new
        again = self.run_helper(request)
        self.assertEqual(again.stdout, b'done\ndone\ndone\ncheckin\t0\n')
        self.assertEqual(self.rows(), expected)

        # an outcome for a reminder the journal never had is refused for good
        refused = self.run_helper(HEADER + b'outcome\t9b8f6d42-0000-4000-8000-000000000000\tstarted\n')
        self.assertEqual(refused.returncode, 0)
        self.assertTrue(refused.stdout.startswith(b'refused\t'), refused.stdout)
        self.assertEqual(refused.stdout.count(b'\n'), 1)

        # today's check-in
        db = sqlite3.connect(self.journal)
        db.execute("INSERT INTO checkins (time, pain, stiffness, side) VALUES (1709970000000000, 3, 4, 'both')")
        db.commit()
        db.close()
        self.assertEqual(self.run_helper(HEADER + b'checkin\t' + DUE + b'\n').stdout,
                         b'checkin\t1709970000000000\n')
        self.assertEqual(self.run_helper(HEADER + b'checkin\t1709970000000001\n').stdout, b'checkin\t0\n')

        # a test notification is written as a test, and its outcome set
        key3 = b'5d1c8e2a-3b4f-4a6e-9d7c-1e2f3a4b5c6d'
        test = self.run_helper(HEADER + b'test\t' + key3 + b'\tbreak\t' + DUE + b'\tdesk-break\n' +
                               b'outcome\t' + key3 + b'\tskipped\n')
        self.assertEqual(test.stdout, b'done\ndone\n', test.stderr)
        db = sqlite3.connect(self.journal)
        self.assertEqual(db.execute('SELECT key, outcome, test FROM reminders ORDER BY id').fetchall(),
                         [(KEY.decode(), 'skipped', 0), (KEY2.decode(), 'shown', 0),
                          (key3.decode(), 'skipped', 1)])
        db.close()

        # an empty request does not even open the journal
        empty = self.run_helper(HEADER, os.path.join(self.dir, 'none', 'journal.db'))
        self.assertEqual((empty.returncode, empty.stdout), (0, b''))
        self.assertFalse(os.path.exists(os.path.join(self.dir, 'none')))

    def test_bad_requests_write_nothing(self):
        bad = {
            'no header': LOG,
            'another version': b'limber-journal 2\n' + LOG,
            'no final newline': HEADER + LOG[:-1],
            'empty input': b'',
            'unknown operation': HEADER + LOG + b'drop\ttable\n',
            'a key that is no UUID': HEADER + LOG.replace(KEY, b'0c9e7a52-61d4-4b8f-a3e2-5f7d9b1c4e6'),
            'an unknown kind': HEADER + LOG.replace(b'\tbreak\t', b'\tnap\t'),
            'a negative time': HEADER + LOG.replace(DUE, b'-1'),
            'a time with a sign': HEADER + LOG.replace(DUE, b'+' + DUE),
            'a leading zero': HEADER + LOG.replace(DUE, b'0' + DUE),
            'a time past year 9999': HEADER + LOG.replace(DUE, b'253402300800000000'),
            'a time too long for 64 bits': HEADER + LOG.replace(DUE, b'99999999999999999999'),
            'catch-up neither 0 nor 1': HEADER + LOG.replace(b'\t0\tdesk', b'\t2\tdesk'),
            'a field too many': HEADER + LOG[:-1] + b'\textra\n',
            'a field too few': HEADER + b'log\t' + KEY + b'\tbreak\t' + DUE + b'\t0\n',
            'a test with a catch-up': HEADER + b'test\t' + KEY + b'\tbreak\t' + DUE + b'\t0\tdesk-break\n',
            'invalid UTF-8': HEADER + LOG.replace(b'desk-break', b'desk-\xff\xfe'),
            'a control character': HEADER + LOG.replace(b'desk-break', b'desk\x1bbreak'),
            'a carriage return': HEADER + LOG.replace(b'\n', b'\r\n'),
            'a NUL byte': HEADER + LOG.replace(b'desk-break', b'desk\x00break'),
            'a routine id of 201 bytes': HEADER + LOG.replace(b'desk-break', b'r' * 201),
            'a line of 2000 bytes': HEADER + LOG + b'outcome\t' + KEY + b'\t' + b's' * 2000 + b'\n',
            '"shown" as an outcome': HEADER + b'outcome\t' + KEY + b'\tshown\n',
            'an unknown outcome': HEADER + b'outcome\t' + KEY + b'\tignored\n',
            'checkin without a time': HEADER + b'checkin\n',
            'an empty line': HEADER + LOG + b'\n',
            '1025 operations': HEADER + LOG * 1025,
            'a huge request': HEADER + LOG + b'x' * (4 * 1024 * 1024),
        }
        for name, request in bad.items():
            with self.subTest(name):
                result = self.run_helper(request)
                self.assertEqual(result.returncode, 2, result.stderr)
                self.assertEqual(result.stdout, b'')
                self.assertIn(b'nothing was written', result.stderr)
                self.assertFalse(os.path.exists(self.journal), 'the journal was made')

        # and with a journal there, it is left as it was
        self.assertEqual(self.run_helper(HEADER + LOG).returncode, 0)
        with open(self.journal, 'rb') as f:
            before = f.read()
        for name, request in bad.items():
            with self.subTest(name, journal='existing'):
                result = self.run_helper(request.replace(KEY, KEY2))
                self.assertEqual(result.returncode, 2)
        self.assertEqual(len(self.rows()), 1)
        with open(self.journal, 'rb') as f:
            self.assertEqual(f.read(), before)

    def test_usage(self):
        for args in ([], ['a', 'b'], ['']):
            with self.subTest(args=args):
                result = subprocess.run([HELPER] + args, input=HEADER + LOG, capture_output=True, timeout=30)
                self.assertEqual(result.returncode, 2)
                self.assertEqual(result.stdout, b'')

    def test_journal_of_another_program(self):
        db = sqlite3.connect(os.path.join(self.dir, 'other.db'))
        db.execute('CREATE TABLE t (x)')
        db.commit()
        db.close()
        result = self.run_helper(HEADER + LOG, os.path.join(self.dir, 'other.db'))
        self.assertEqual(result.returncode, 0)
        self.assertTrue(result.stdout.startswith(b'gone\t'), result.stdout)


if __name__ == '__main__':
    unittest.main(verbosity=2)
