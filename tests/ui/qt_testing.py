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
