"""The Bundles tab: the wizard that makes a venue-formatted PDF bundle, above the bundles made so far.

The wizard is :class:`~casefile.ui.bundle_wizard.BundleWizard`; the bundles already made are read
from the custody log by :func:`casefile.core.bundle.history.bundle_files`, newest first, and shown
through :class:`~casefile.ui.bundle_history.BundleHistoryModel`.
"""

from __future__ import annotations

import logging

from casefile.core.bundle.history import bundle_files
from casefile.core.errors import CaseFileError
from casefile.core.model import Case
from casefile.ui.bundle_history import BundleHistoryModel, BundleHistoryView
from casefile.ui.bundle_wizard import BundleWizard
from casefile.ui.context import AppContext
from casefile.ui.pdf_viewer import PdfViewer, show_pdf

from PySide6.QtCore import QModelIndex, Qt, Slot
from PySide6.QtWidgets import QGroupBox, QLabel, QSplitter, QVBoxLayout, QWidget

log = logging.getLogger(__name__)


class BundlesTab(QWidget):
    """Make a bundle for the selected case, step by step, and list the ones already made."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.viewer: PdfViewer | None = None  # a bundle opened from the history
        self.wizard = BundleWizard(ctx, self)
        # What the workspace and the tests hook: the wizard's own signals.
        self.task_started = self.wizard.task_started
        self.field_requested = self.wizard.field_requested

        self.history_box = QGroupBox(self)
        self.history_model = BundleHistoryModel(self)
        self.history = BundleHistoryView(self.history_model, self.history_box)
        self.history_hint = QLabel(self.history_box)
        column = QVBoxLayout(self.history_box)
        column.addWidget(self.history, 1)
        column.addWidget(self.history_hint)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.wizard)
        splitter.addWidget(self.history_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(splitter)
        # The list of bundles made comes after the whole wizard in the Tab order (it fell between the wizard's
        # step and its Back / Generate buttons, so Tab from 接受以上警告 left the wizard before 生成).
        QWidget.setTabOrder(self.wizard.generate_button, self.history)

        # Whether a change to the case shown refreshes this tab; False where its window refreshes every tab
        # of the case open at each change (the main window), so that the record is read once.
        self.follows_changes = True
        self.history.open_requested.connect(self._open_history_item)
        self.wizard.saved.connect(self._saved)
        ctx.events.case_changed.connect(self._case_changed)
        self.retranslate()
        self._load_history()

    @property
    def number(self) -> str | None:
        return self.wizard.number

    def set_case(self, number: str | None, case: Case | None = None) -> None:
        """Show ``number`` (None: no case); ``case``: its record, already read. The same number again
        refreshes and keeps the choices made."""
        self.wizard.set_case(number, case)
        self._load_history()

    def retranslate(self) -> None:
        self.history_box.setTitle(self.tr("Bundles made for this case"))
        self.history_hint.setText(self.tr("Double-click a bundle, or press Enter on it, to open it."))
        self.wizard.retranslate()
        self.history_model.retranslate()

    @Slot(str)
    def _case_changed(self, number: str) -> None:
        if self.follows_changes and number and number == self.wizard.number and self.wizard.task is None:
            self.set_case(number)

    @Slot(str)
    def _saved(self, number: str) -> None:
        if number == self.wizard.number:
            self._load_history()

    def _load_history(self) -> None:
        """One row per saved file of each bundle made, newest first."""
        number = self.wizard.number
        files = []
        if number is not None:
            try:
                files = bundle_files(self.ctx.library, number)
            except (CaseFileError, OSError) as exc:
                log.warning("bundles tab: cannot read the custody log of %s: %s", number, exc)
        self.history_model.set_files(files)

    def _open_history_item(self, index: QModelIndex) -> None:
        path = self.history_model.path(index.row())
        if path is not None and path.exists():
            self.viewer = show_pdf(path, self)
