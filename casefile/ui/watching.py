"""Watch folders in the app: the core's watcher on its own threads, its arrivals on the GUI thread.

The watcher calls back on its thread; the signals here cross to the GUI thread (queued
connections), where arrivals are gathered for a moment so that a thousand files dropped
at once refresh each case once, not a thousand times.

Stopping asks the watcher to stop and returns at once: its thread is joined on a thread of
its own (a file being copied when asked is discarded first); the GUI thread sees it end and
emits ``stopped``.
A link refused for leading out of its folder is reported once, across app starts and runs of
``casefile watch`` alike, and again only when the link changes: the app shares the memory of
:mod:`casefile.core.watch.refused` (the library's ``.derived/watch/refused-links.json``), read afresh
at each refusal so that what a scheduled ``casefile watch --once`` reported meanwhile counts too.
A restart starts the new watcher once the old one has stopped, so that two never add the
same file.
"""

from __future__ import annotations

import logging
import threading

from casefile.core.evidence import AddResult
from casefile.core.fsutil import is_link
from casefile.core.watch import Watcher, attached_folders, options_from_settings
from casefile.core.watch.refused import RefusedLinks
from casefile.ui.context import AppContext

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)

GATHER_MS = 300
STOP_TIMEOUT = 10.0  # seconds a stopping watcher is given to finish the file it is adding
REAP_MS = 50  # how often a stopping watcher is looked at


class WatchService(QObject):
    """Runs a :class:`Watcher` over the app's library; never blocks the GUI."""

    arrived = Signal(str, object)  # case number, AddResult (emitted on the watcher's thread)
    problem = Signal(str, object)  # case number, core Message (emitted on the watcher's thread)
    batch = Signal(dict)  # on the GUI thread: {case number: [AddResult, ...]} gathered for a moment
    stopped = Signal()  # on the GUI thread: a watcher that was asked to stop has stopped

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.watcher: Watcher | None = None
        self.stopping: dict[Watcher, threading.Thread] = {}  # asked to stop, not yet seen to have stopped
        self._start_when_stopped = False
        self._refused_lock = threading.Lock()  # one watcher thread at a time reads and writes the refused links
        # The GUI thread looks for the end of a stopping watcher now and then: no signal from the joining thread.
        self._reaper = QTimer(self)
        self._reaper.setInterval(REAP_MS)
        self._reaper.timeout.connect(self._watcher_stopped)
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
            on_result=self._result,
            on_problem=self.problem.emit,
        )
        self.watcher.start()

    def restart(self) -> None:
        """Pick up a change (an attached folder, the settle delay, move or delete) as soon as the
        running watcher has stopped; returns at once."""
        self.stop()
        if self.stopping:
            self._start_when_stopped = True
        else:
            self.start()

    def stop(self) -> None:
        """Ask the watcher to stop and return at once; ``stopped`` follows when its thread has ended."""
        self._start_when_stopped = False
        watcher, self.watcher = self.watcher, None
        if watcher is not None:
            watcher.stop(timeout=0)  # asked at once; its thread is joined off the GUI thread
            joiner = threading.Thread(target=self._join, args=(watcher,), name="casefile-watch-stop", daemon=True)
            self.stopping[watcher] = joiner
            joiner.start()
            self._reaper.start()
        self._flush()

    def wait_stopped(self, timeout: float = STOP_TIMEOUT) -> bool:
        """Wait for the watchers asked to stop (when the app closes); False if one is still running."""
        for joiner in list(self.stopping.values()):
            joiner.join(timeout)
        self._watcher_stopped()
        return not self.stopping

    @property
    def running(self) -> bool:
        """Watching, or about to watch again once the previous watcher has stopped."""
        return self.watcher is not None or self._start_when_stopped

    def _result(self, number: str, result: AddResult) -> None:
        """On the watcher's thread: an arrival, passed on unless it is a refused link reported before."""
        if result.refused and is_link(result.path):
            with self._refused_lock:
                links = RefusedLinks(self.ctx.library.root)  # as written by every watcher of the library
                first = links.first_report(number, result.path, result.refused)
                links.save()
            if not first:
                log.info("case %s: %s refused (reported before): %s", number, result.path, result.refused)
                return  # listed in the watch menu of its case, as `casefile watch --status` lists it
        self.arrived.emit(number, result)

    def _join(self, watcher: Watcher) -> None:
        """On a thread of its own: the watcher stops and its thread is joined."""
        watcher.stop(timeout=STOP_TIMEOUT)

    def _watcher_stopped(self) -> None:
        ended = [watcher for watcher, joiner in self.stopping.items() if not joiner.is_alive()]
        if not ended:
            return
        for watcher in ended:
            del self.stopping[watcher]
        if not self.stopping:
            self._reaper.stop()
            if self._start_when_stopped:
                self._start_when_stopped = False
                self.start()
            self.stopped.emit()

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
