"""A long session does not abort: Qt calls that return nothing cannot use up None on Python 3.11."""

from __future__ import annotations

import subprocess
import sys

SESSION = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import casefile.ui  # noqa: F401 - what the app and the tests import first
from PySide6.QtWidgets import QApplication, QLineEdit
app = QApplication([])
edit = QLineEdit()
for _ in range(200_000):  # more than None ever holds on 3.11: without the reserve this aborts
    edit.setText("张三")
print("alive")
"""


def test_two_hundred_thousand_void_qt_calls_leave_the_interpreter_alive():
    done = subprocess.run([sys.executable, "-c", SESSION], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "alive" in done.stdout, done.stderr[-2000:]


def test_none_is_reserved_only_where_it_is_needed():
    from casefile.ui.pyside_none import RESERVE, keep_none_alive

    if sys.version_info >= (3, 12):
        assert keep_none_alive() is False
    else:
        assert keep_none_alive() is True and sys.getrefcount(None) > RESERVE
