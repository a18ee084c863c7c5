"""Watch folders in the app: the core's watcher on its own threads, its arrivals on the GUI thread.

The watcher calls back on its thread; the signals here cross to the GUI thread (queued
connections), where arrivals are gathered for a moment so that a thousand files dropped
at once refresh each case once, not a thousand times.
"""

from __future__ import annotations

import logging

from casefile.core.evidence import AddResult
from casefile.core.watch import Watcher, attached_folders, options_from_settings
from casefile.ui.context import AppContext

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)

GATHER_MS = 300


class WatchService(QObject):
    """Runs a :class:`Watcher` over the app's library; never blocks the GUI."""

    arrived = Signal(str, object)  # case number, AddResult (emitted on the watcher's thread)
    problem = Signal(str, object)  # case number, core Message (emitted on the watcher's thread)
    batch = Signal(dict)  # on the GUI thread: {case number: [AddResult, ...]} gathered for a moment

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.watcher: Watcher | None = None
        self._gathered: dict[str, list[AddResult]] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(GATHER_MS)
        self._timer.timeout.connect(self._flush)
        self.arrived.connect(self._gather)

    def start(self) -> None:
        """Watch every case's inbox and the folders attached to cases (listed in the library, read at each rescan)."""
        if self.watcher is not None:
            return
        ctx = self.ctx
        self.watcher = Watcher(
            ctx.library,
            attached=lambda: attached_folders(ctx.library),
            options=options_from_settings(ctx.settings),
            on_result=self.arrived.emit,
            on_problem=self.problem.emit,
        )
        self.watcher.start()

    def restart(self) -> None:
        """Pick up a change at once (an attached folder, the settle delay, move or delete)."""
        self.stop()
        self.start()

    def stop(self) -> None:
        watcher, self.watcher = self.watcher, None
        if watcher is not None:
            watcher.stop(timeout=10)
        self._flush()

    @property
    def running(self) -> bool:
        return self.watcher is not None

    def _gather(self, number: str, result: object) -> None:
        if isinstance(result, AddResult):
            self._gathered.setdefault(number, []).append(result)
            if not self._timer.isActive():
                self._timer.start()

    def _flush(self) -> None:
        gathered, self._gathered = self._gathered, {}
        if gathered:
            self.batch.emit(gathered)
            for number in gathered:
                self.ctx.events.case_changed.emit(number)
