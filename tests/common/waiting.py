# SPDX-License-Identifier: GPL-3.0-or-later
#
# Waiting for what a real program does in its own time (a log line, a
# D-Bus call, a journal row), shared by the Python tests.

import time


def wait_until(cond, what, timeout=30.0, interval=0.05):
    '''Calls cond() until it returns something true, and returns that;
    fails the test, naming what it waited for, after timeout seconds.'''
    end = time.monotonic() + timeout
    while True:
        value = cond()
        if value:
            return value
        if time.monotonic() > end:
            raise AssertionError(f'timed out waiting for {what}')
        time.sleep(interval)
