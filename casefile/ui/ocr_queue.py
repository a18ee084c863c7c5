"""Reading the text of new pictures in the background: a queue of cases, one OCR worker process.

Whenever a case changes (files added from the evidence tab, a watched folder, the walk-in
desk), the case is queued; a task on a thread of its own asks the core which of its pictures
and scanned PDFs have no text yet (:func:`casefile.core.search.ocr.pending`) and has the OCR
worker process read them, one by one. The GUI thread only sees signals: the status bar's
label says how far it is ("识别文字 3/10"), and ``text_stored(sha256)`` is emitted for each
file whose text was stored (for the search index). The worker runs at a low priority on few
threads, so the window stays responsive; closing the window stops it.

Without the OCR part installed the label says so, once a case with pictures changes.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator

from casefile.core.errors import CancelledError, Message
from casefile.core.model import Case
from casefile.core.progress import CancelToken, Progress
from casefile.core.search.ocr import OcrResult, OcrWorker, pending, run_ocr, unavailable, wants_ocr
from casefile.ui.context import AppContext
from casefile.ui.i18n import fill, translated
from casefile.ui.tasks import Task, TaskRunner

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QWidget

log = logging.getLogger(__name__)


class OcrQueue(QObject):
    """Queues cases for OCR and reads their new pictures on a thread of its own (never the GUI thread)."""

    text_stored = Signal(str)  # the SHA-256 of a file whose OCR text was just stored
    idle = Signal()  # the queue ran dry (emitted on the GUI thread)

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.label = QLabel(parent)
        self.label.setVisible(False)
        self.runner = TaskRunner(self, threads=1)  # always in the background, even when tests run writes inline
        self.task: Task | None = None
        self.worker: OcrWorker | None = None
        self._lock = threading.Lock()
        self._queued: list[str] = []  # case numbers, in order, each once
        self._records: dict[str, Case] = {}  # the record of a queued case, where it was handed over as read
        self._done = 0
        self._total = 0
        self._failed = 0
        self._missing: Message | None = None
        self._error = False
        self.results: list[OcrResult] = []  # what this session read, newest last

    # ------------------------------------------------------------------ queueing

    def queue(self, number: str, case: Case | None = None) -> None:
        """Read the new pictures of case ``number`` in the background (after any already queued); ``case``:
        its record as just read (the case open, read for its tabs), not read again for this."""
        if self.ctx.library.read_only or not self.ctx.settings.ocr_in_background:
            return
        reason = unavailable()
        if reason is not None:
            self._say_missing(number, reason, case)
            return
        with self._lock:
            if number not in self._queued:
                self._queued.append(number)
            if case is not None:
                self._records[number] = case
            else:
                self._records.pop(number, None)  # changed since: read it as it is now
        if self.task is None:
            self._start(fresh=True)

    def _say_missing(self, number: str, reason: Message, case: Case | None) -> None:
        if self._missing is not None:
            return
        try:
            case = case if case is not None else self.ctx.library.load_case(number)
        except Exception:  # noqa: BLE001 - a case that cannot be read now has nothing to read either
            return
        if any(wants_ocr(e) for e in case.exhibits):
            self._missing = reason
            self.retranslate()
            self.label.setVisible(True)

    def _next(self) -> tuple[str, Case | None] | None:
        with self._lock:
            if not self._queued:
                return None
            number = self._queued.pop(0)
            return number, self._records.pop(number, None)

    def _start(self, *, fresh: bool) -> None:
        library = self.ctx.library
        if self.worker is None:
            self.worker = OcrWorker()
        worker = self.worker
        if fresh:
            self._done = self._total = self._failed = 0
            self._error = False

        def work(token: CancelToken) -> Iterator[Progress | OcrResult]:
            while (next_case := self._next()) is not None:
                number, case = next_case
                try:
                    jobs = pending(library, [number], records={number: case} if case is not None else None)
                except Exception as exc:  # noqa: BLE001 - a case being repaired or gone: the others still
                    log.warning("case %s: no OCR: %s", number, exc)
                    continue
                if not jobs:
                    continue
                self._total += len(jobs)
                for item in run_ocr(library, jobs, worker, on_text=self.text_stored.emit, cancel=token):
                    if isinstance(item, OcrResult):
                        self._done += 1
                        self._failed += item.failure is not None
                        yield Progress(self._done, self._total, item.job.case)
                        yield item
                    else:
                        yield Progress(self._done, self._total, "")

        task = Task(work, "ocr")
        task.progress.connect(self._progress)
        task.failed.connect(self._failed_task)
        task.finished.connect(self._finished)
        self.task = task
        self.runner.start(task)

    # ------------------------------------------------------------------ what the window shows

    def _progress(self, done: int, total: int, _message: str) -> None:
        if total:
            self.label.setText(fill(self.tr("Reading text %1/%2"), min(done + 1, total), total))
            self.label.setToolTip(self.tr("Text is being read from pictures and scanned pages, for search"))
            self.label.setVisible(True)

    def _failed_task(self, error: BaseException) -> None:
        if isinstance(error, CancelledError):
            return
        log.warning("OCR stopped: %r", error)
        self._error = True
        self.label.setText(fill(self.tr("Reading text stopped: %1"), translated(error)))
        self.label.setToolTip("")
        self.label.setVisible(True)

    def _finished(self) -> None:
        task, self.task = self.task, None
        cancelled = task is not None and task.token.cancelled
        if task is not None:
            self.results.extend(r for r in task.results if isinstance(r, OcrResult))
        with self._lock:
            more = bool(self._queued)
        if more and not cancelled and not self._error:
            self._start(fresh=False)
            return
        if self._error:
            pass  # the label says why
        elif self._failed:
            self.label.setText(fill(self.tr("Text not read from %1 files"), self._failed))
            failures = [r for r in self.results if r.failure is not None]
            self.label.setToolTip("\n".join(f"{r.job.case}/{r.job.exhibit}: {translated(r.failure)}" for r in failures))
            self.label.setVisible(True)
        elif self._missing is None:
            self.label.setVisible(False)
        self.idle.emit()

    def retranslate(self) -> None:
        if self._missing is not None:
            self.label.setText(self.tr("Text in pictures is not read: OCR is not installed"))
            self.label.setToolTip(translated(self._missing))

    @property
    def busy(self) -> bool:
        return self.task is not None

    def stop(self, wait_ms: int = 10_000) -> None:
        """Stop reading (the file being read is read again next time) and end the worker process."""
        with self._lock:
            self._queued.clear()
            self._records.clear()
        if self.task is not None:
            self.task.cancel()  # the reading thread stops the worker process within a tenth of a second
        if self.runner.wait(wait_ms):
            self.task = None
            if self.worker is not None:
                self.worker.close()
                self.worker = None
