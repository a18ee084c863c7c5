"""Helpers shared by the window tests (import as: from qt_testing import when_start_dialog_shown)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def when_start_dialog_shown(act: Callable[[Any], None]) -> QTimer:
    """Run ``act`` on the start dialog once its modal loop runs (a timer owned by the test, stopped after)."""
    from casefile.ui.library_choice import LibraryChoiceDialog

    timer = QTimer()
    timer.setInterval(20)

    def step() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, LibraryChoiceDialog):
            timer.stop()
            act(dialog)

    timer.timeout.connect(step)
    timer.start()
    return timer


def tasks_kept(monkeypatch: Any) -> Callable[[], list[str]]:
    """A function naming the tasks made from now on that are still kept once nothing holds them (after a full
    garbage collection): a slot that holds the task whose signal it is connected to is a cycle through Qt the
    collector cannot see, and keeps the task, its slots and all they hold for good."""
    import gc
    import weakref

    from casefile.ui.tasks import Task

    made: list[weakref.ref[Task]] = []
    init = Task.__init__

    def recorded(self: Task, *args: Any, **kwargs: Any) -> None:
        init(self, *args, **kwargs)
        made.append(weakref.ref(self))

    monkeypatch.setattr(Task, "__init__", recorded)

    def kept() -> list[str]:
        gc.collect()
        return [task.name for task in (ref() for ref in made) if task is not None]

    return kept


def shown_read(lazy: bool) -> bool:
    """Whether a read of case.json (``CaseFolder.read_record``, called from the counting wrapper that asks)
    is one for showing the case: read whole, or read again for the tabs (each exhibit from its line); not
    the lazy read of a change being written, whose exhibits are parsed only as the change uses them."""
    import sys

    return not lazy or sys._getframe(2).f_globals.get("__name__") != "casefile.core.library"


def count_reads_by_thread(monkeypatch: Any, before: Callable[[], object] | None = None) -> tuple[list[str], list[str]]:
    """(case numbers whose case.json is read for showing the case on the GUI thread, those read on another
    thread); ``before``: called first on the other threads (a handshake holding a read back)."""
    import threading

    from casefile.core.library import CaseFolder

    on_gui: list[str] = []
    apart: list[str] = []
    read_record = CaseFolder.read_record

    def counted(self: CaseFolder, *, lazy: bool = False) -> Any:
        if shown_read(lazy):
            if threading.current_thread() is threading.main_thread():
                on_gui.append(self.number)
            else:
                apart.append(self.number)
                if before is not None:
                    before()
        return read_record(self, lazy=lazy)

    monkeypatch.setattr(CaseFolder, "read_record", counted)
    return on_gui, apart
