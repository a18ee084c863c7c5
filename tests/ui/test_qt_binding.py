"""The installed Qt binding does not corrupt the interpreter.

PySide6 6.12.0 drops a reference to ``True`` on every ``Signal.emit()`` from Python; on
Python 3.11, where ``True`` is an ordinary object, the count reaches zero after enough
signals and the process aborts ("Fatal Python error: bool_dealloc") — mid-session or at exit.
pyproject.toml excludes that release; this test fails on any binding with the same fault.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class Emitter(QObject):
    bare = Signal()
    one = Signal(object)
    progress = Signal("qint64", "qint64", str)  # type: ignore[arg-type]  # as casefile.ui.tasks.Task declares it


def test_emitting_signals_leaves_the_interpreters_booleans_alone(qapp):
    emitter = Emitter()
    received: list[object] = []
    emitter.one.connect(received.append)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for k in range(500):
        emitter.bare.emit()
        emitter.one.emit(k)
        emitter.progress.emit(k, 500, "hashing")
    assert len(received) == 500
    assert (sys.getrefcount(True), sys.getrefcount(False)) == before
