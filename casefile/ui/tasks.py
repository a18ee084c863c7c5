"""One way to run core work off the GUI thread.

Core services are generators that yield :class:`Progress` and check a :class:`CancelToken`.
A :class:`Task` drains one on a pool thread and reports back through Qt signals, which
arrive on the GUI thread: ``progress(done, total, message)``, then either ``succeeded(result)``
(the last non-progress item the generator yielded, or its return value) or ``failed(error)``
(the exception), then ``finished()``. ``cancel()`` sets the token; the core stops cleanly.

Two runners serve the window (see :class:`casefile.ui.context.AppContext`): ``runner`` for
writes, one at a time, and ``reads`` for previews, thumbnails and verification on threads of
their own, so that a preview never waits behind a bundle being built or files being added.

Tests set ``synchronous = True`` on a runner so that its tasks run inline, in order.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import Any

from casefile.core.progress import CancelToken, Progress

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class Task(QObject):
    progress = Signal("qint64", "qint64", str)  # type: ignore[arg-type]  # byte counts pass 2 GiB
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self, work: Callable[[CancelToken], Iterator[Any] | Any], name: str = "") -> None:
        super().__init__()
        self.work = work
        self.name = name
        self.token = CancelToken()
        self.results: list[Any] = []

    def cancel(self) -> None:
        self.token.cancel()

    def run(self) -> None:
        try:
            outcome = self.work(self.token)
            last: Any = None
            if isinstance(outcome, Iterator):
                for item in outcome:
                    if isinstance(item, Progress):
                        self.progress.emit(item.done, item.total, item.message)
                    else:
                        self.results.append(item)
                        last = item
            else:
                last = outcome
            self.succeeded.emit(last)
        except Exception as exc:  # noqa: BLE001 - every failure goes to the window, never lost
            log.debug("task %s failed: %r", self.name, exc)
            self.failed.emit(exc)
        finally:
            self.finished.emit()


class _Runnable(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self.task: Task | None = task
        self.setAutoDelete(True)

    def run(self) -> None:
        # The task is let go of before run returns: the pool deletes the runnable after that, on its thread, at
        # a moment of its own (after waitForDone has returned, at times), and its Python side, held until then,
        # would keep the task and all its slots hold (a case record of thousands of exhibits) alive meanwhile.
        task, self.task = self.task, None
        if task is not None:
            task.run()


READ_THREADS = 4  # a whole library being verified and a case's thumbnails leave room for a preview


class TaskRunner(QObject):
    """Starts tasks on a pool of its own; with one thread (writes) two tasks never race on a case."""

    synchronous = False

    def __init__(self, parent: QObject | None = None, *, threads: int = 1) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self.active: set[Task] = set()

    def start(self, task: Task) -> Task:
        self.active.add(task)
        # Not a closure over the task: a slot connected to a task's own signal that holds the task is a cycle
        # through Qt that the garbage collector cannot see, and the task, every slot connected to it and all
        # they hold (a case record of thousands of exhibits read again) would be kept for good.
        task.finished.connect(self._finished)
        if self.synchronous:
            task.run()
        else:
            self.pool.start(_Runnable(task))
        return task

    def _finished(self) -> None:
        task = self.sender()
        if isinstance(task, Task):
            self.active.discard(task)

    def cancel_all(self) -> None:
        """Ask every task started here and not finished to stop (each stops at its next check)."""
        for task in list(self.active):
            task.cancel()

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)


def reads_runner() -> TaskRunner:
    """A runner for work that only reads (previews, thumbnails, verification), apart from the writes."""
    return TaskRunner(threads=READ_THREADS)
