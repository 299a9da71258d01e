# SPDX-License-Identifier: GPL-3.0-or-later
#
# The reminder service's names on the bus, read from the one definition of
# its interface, src/reminders/io.github.limber.Limber.Reminders.xml: the
# interface name from <interface name>, the bus name and the object path
# from the interface's annotations io.github.limber.Limber.BusName and
# io.github.limber.Limber.ObjectPath (the convention build-aux/dbus-names.py
# also follows for the C header).

import os
import xml.etree.ElementTree as ET

XML = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'src', 'reminders',
                   'io.github.limber.Limber.Reminders.xml')
_ANNOTATION_PREFIX = 'io.github.limber.Limber.'

_iface = ET.parse(XML).getroot().find('interface')
_notes = {a.get('name'): a.get('value') for a in _iface.findall('annotation')}

IFACE = _iface.get('name')
NAME = _notes[_ANNOTATION_PREFIX + 'BusName']
PATH = _notes[_ANNOTATION_PREFIX + 'ObjectPath']
