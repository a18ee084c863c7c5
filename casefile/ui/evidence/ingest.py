"""Adding files and folders to a case from the evidence tab: chosen in a dialog or dropped, copied by the
core on the writes runner with progress, then summed up (added, duplicates, refused) and the refusals listed."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator

from casefile.core.errors import CancelledError
from casefile.core.evidence import SCREENING, AddResult, add_files
from casefile.core.progress import CancelToken, Progress
from casefile.ui.context import AppContext, show_error
from casefile.ui.i18n import fill, labelled, listed, translated
from casefile.ui.tasks import Task

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QProgressBar, QPushButton, QWidget

log = logging.getLogger(__name__)

# Task.progress carries C++ ints; a batch of videos easily passes 2 GiB, so scale down before that.
SIGNAL_INT_MAX = 2**31 - 1


class FileAdder(QObject):
    """Adds files to the case ``shown()`` names, one batch at a time, saying how it goes on ``status``.

    Its progress bar and cancel button are for the tab to lay out; ``busy_changed`` is emitted
    when a batch starts and when it is over.
    """

    busy_changed = Signal()

    def __init__(self, ctx: AppContext, shown: Callable[[], str | None], status: QLabel, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.shown = shown
        self.status = status
        self.task: Task | None = None
        self.refusals_box: QMessageBox | None = None
        self._number = ""
        # How the batch went, said again in the language of the moment (after a language switch too).
        self._summary: Callable[[], str] = str
        self._said = ""  # the summary last put on the status line
        self.progress = QProgressBar(parent)
        self.progress.setFixedWidth(240)
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(parent)
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel)

    def _window(self) -> QWidget:
        parent = self.parent()
        assert isinstance(parent, QWidget)
        return parent

    def retranslate(self) -> None:
        self.cancel_button.setText(self.tr("Cancel"))

    def say_again(self) -> bool:
        """Put the last batch's summary in the language now chosen, when the status line still shows it;
        False when it shows something else."""
        if self.task is not None or not self._said or self.status.text() != self._said:
            return False
        self._said = self._summary()
        self.status.setText(self._said)
        return True

    def choose_files(self) -> None:
        number = self.shown()
        if number is None or self.task is not None:
            return
        paths, _filter = QFileDialog.getOpenFileNames(self._window(), fill(self.tr("Add files to case %1"), number))
        if paths:
            self.start(paths)

    def choose_folder(self) -> None:
        number = self.shown()
        if number is None or self.task is not None:
            return
        folder = QFileDialog.getExistingDirectory(self._window(), fill(self.tr("Add a folder to case %1"), number))
        if folder:
            self.start([folder])

    def start(self, paths: list[str]) -> Task | None:
        """Add files and folders to the shown case on the runner; returns the task (None if not started)."""
        number = self.shown()
        if number is None or not paths:
            return None
        if self.task is not None:
            self.status.setText(self.tr("Files are still being added; wait for them or cancel first."))
            return None
        library = self.ctx.library
        chosen = [str(p) for p in paths]

        def work(token: CancelToken) -> Iterator[Progress | AddResult]:
            scale = 1
            for item in add_files(library, number, chosen, cancel=token):
                if isinstance(item, Progress) and item.phase == SCREENING:
                    # The files are in the case; their PDFs are read once for the packets to come.
                    yield Progress(0, 0, fill(self.tr("checking %1 for packets"), item.message))
                elif isinstance(item, Progress):
                    if item.total > SIGNAL_INT_MAX:
                        scale = item.total // SIGNAL_INT_MAX + 1
                    yield Progress(item.done // scale, item.total // scale, item.message)
                else:
                    yield item

        task = Task(work, f"add files to {number}")
        task.progress.connect(self._progress)
        task.succeeded.connect(self._succeeded)
        task.failed.connect(self._failed)
        task.finished.connect(self._finished)
        self.task = task
        self._number = number
        self._summary = str
        self._said = ""
        self.progress.setRange(0, 0)  # busy until the core has counted the bytes
        self.progress.reset()
        self.progress.setVisible(True)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setVisible(True)
        self.status.setText(self.tr("Adding files…"))
        self.busy_changed.emit()
        log.info("case %s: adding %d chosen paths", number, len(chosen))
        self.ctx.runner.start(task)
        return task

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))

    def _progress(self, done: int, total: int, message: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        else:  # a step whose length is not known: busy
            self.progress.setRange(0, 0)
        if message and self.task is not None and not self.task.token.cancelled:
            if self._number == self.shown():
                self.status.setText(fill(self.tr("Adding files… (%1)"), message))
            else:
                self.status.setText(fill(self.tr("Adding files to case %1… (%2)"), self._number, message))

    def summary(self, results: list[AddResult]) -> str:
        added = sum(1 for r in results if r.exhibit is not None)
        duplicates = [r for r in results if r.duplicate_of is not None]
        refused = sum(1 for r in results if r.refused)
        skipped = sum(1 for r in results if r.skipped)
        parts = [fill(self.tr("%1 added"), added)]
        if duplicates:
            parts.append(fill(self.tr("%1 duplicate"), len(duplicates)))
        if refused:
            parts.append(fill(self.tr("%1 refused"), refused))
        if skipped:
            parts.append(fill(self.tr("%1 skipped (hidden or system files)"), skipped))
        tips = [fill(self.tr("%1 is already exhibit %2"), r.path.name, r.duplicate_of) for r in duplicates]
        self.status.setToolTip("\n".join(tips))
        return listed(parts)

    def _succeeded(self, _last: object) -> None:
        task = self.task
        results = task.results if task else []
        self._summary = lambda: self.summary(results)

    def _failed(self, error: BaseException) -> None:
        task = self.task
        results = task.results if task else []
        if isinstance(error, CancelledError):
            added = sum(1 for r in results if r.exhibit is not None)
            self._summary = lambda: (
                fill(self.tr("Cancelled; %1 added before cancelling, the file being copied was discarded."), added)
                if added
                else self.tr("Cancelled; nothing was added.")
            )
            return
        log.warning("case %s: adding files failed: %s", self._number, error)
        self._summary = lambda: fill(self.tr("Adding files stopped: %1 (%2)"), translated(error), self.summary(results))
        show_error(self._window(), error)

    def _finished(self) -> None:
        task = self.task
        number = self._number
        self.task = None
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        summary = self._summary
        if number != self.shown():
            self._summary = lambda: fill(self.tr("Case %1: %2"), number, summary())
        self._said = self._summary()
        self.status.setText(self._said)
        self.busy_changed.emit()
        if number:
            self.ctx.events.case_changed.emit(number)
        refusals = [r for r in (task.results if task else []) if r.refused]
        if refusals:
            self._show_refusals(refusals)

    def _show_refusals(self, refusals: list[AddResult]) -> None:
        box = QMessageBox(self._window())
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Files not added"))
        box.setText(
            fill(self.tr("%1 files could not be added as evidence:"), len(refusals))
            if len(refusals) > 1
            else self.tr("One file could not be added as evidence:")
        )
        listed = [labelled(str(r.path), translated(r.refused)) for r in refusals]
        box.setInformativeText("\n".join(listed[:10]) + ("\n…" if len(listed) > 10 else ""))
        box.setDetailedText("\n".join(listed))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.refusals_box = box
        box.open()
