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
