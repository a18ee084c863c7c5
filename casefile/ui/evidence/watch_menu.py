"""The evidence tab's watch-folder menu: the case's inbox, and folders attached to the case (a phone-sync
or scanner folder) whose new files become its evidence. The watching itself is casefile.ui.watching."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from casefile.core.errors import CaseFileError
from casefile.core.watch import WideFolderError, attach_folder, attached_folders, detach_folder
from casefile.core.watch.refused import RefusedLinks
from casefile.ui.context import AppContext, show_error
from casefile.ui.i18n import fill, translated
from casefile.ui.times import text as time_text

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget


class WatchMenu(QMenu):
    """Filled each time it opens, for the case ``number()`` names; ``said(text)`` reports what was done."""

    said = Signal(str)

    def __init__(self, ctx: AppContext, number: Callable[[], str | None], parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.number = number
        self.aboutToShow.connect(self.fill)

    def _window(self) -> QWidget | None:
        return self.parentWidget()

    def fill(self) -> None:
        self.clear()
        number = self.number()
        if number is None:
            self.addAction(self.tr("No case selected")).setEnabled(False)
            return
        self.addAction(self.tr("Open this case's inbox"), self.open_inbox)
        self.addAction(self.tr("Attach a folder…"), self.attach_folder)
        try:
            attached = [f for f in attached_folders(self.ctx.library) if f.case == number]
        except (CaseFileError, OSError) as exc:  # a damaged list, or one from a newer CaseFile
            self.addSeparator()
            self.addAction(translated(exc)).setEnabled(False)
            return
        if attached:
            self.addSeparator()
            for folder in attached:
                label = fill(self.tr("Detach %1"), folder.path)
                if folder.poll:
                    label += " " + self.tr("(checked by polling)")
                action = self.addAction(label)
                action.setData(str(folder.path))
                action.triggered.connect(lambda _checked=False, path=folder.path: self.detach_folder(path))
        self._list_refused_links(number)

    def _list_refused_links(self, number: str) -> None:
        """The links refused in the case's watched folders that are still there, as ``casefile watch --status``
        lists them: each was reported once, when first met, and is not reported again while it stays the same."""
        links = RefusedLinks(self.ctx.library.root).listed({number})
        if not links:
            return
        self.addSeparator()
        self.addSection(self.tr("Refused links still in the watched folders"))
        for link in links:
            reported = time_text(datetime.fromisoformat(link.reported_at))
            text = fill(self.tr("%1 → %2 (reported %3): %4"), link.path, link.target, reported, translated(link.reason))
            action = self.addAction(text)
            action.setEnabled(False)
            action.setToolTip(text)

    def open_inbox(self) -> None:
        number = self.number()
        if number is None:
            return
        inbox = self.ctx.library.folder(number).inbox_dir
        inbox.mkdir(exist_ok=True)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(inbox))):
            self.said.emit(fill(self.tr("The folder %1 could not be opened."), inbox))

    def attach_folder(self, folder: str = "", *, poll: bool | None = None) -> None:
        """Attach a folder (a phone-sync or scanner folder) whose new files become this case's evidence."""
        number = self.number()
        if number is None:
            return
        if not folder:
            folder = QFileDialog.getExistingDirectory(
                self._window(), fill(self.tr("Choose a folder to watch for case %1"), number)
            )
            if not folder:
                return
        if poll is None:
            answer = QMessageBox.question(
                self._window(),
                self.tr("Attach a folder"),
                self.tr(
                    "Is this folder on a network share or another computer?\n\nIf it is, CaseFile looks into it "
                    "every few seconds instead of waiting to be told about new files."
                ),
            )
            poll = answer == QMessageBox.StandardButton.Yes
        try:
            try:
                attach_folder(self.ctx.library, number, folder, poll=poll)
            except WideFolderError:
                answer = QMessageBox.warning(
                    self._window(),
                    self.tr("Attach a folder"),
                    fill(
                        self.tr(
                            "%1 is a whole drive or your home folder.\n\nEvery file at its top would become "
                            "evidence of case %2 and be moved out of it. A folder to attach is the one a phone, "
                            "scanner or screenshot tool saves into.\n\nAttach %1 all the same?"
                        ),
                        folder,
                        number,
                    ),
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                    QMessageBox.StandardButton.No,
                )
                if answer != QMessageBox.StandardButton.Yes:
                    return
                attach_folder(self.ctx.library, number, folder, poll=poll, wide=True)
        except (CaseFileError, OSError) as exc:
            show_error(self._window(), exc)
            return
        if self.ctx.settings.watch_after_ingest == "delete":
            note = self.tr("New files in %1 are now added to case %2, then deleted from the folder.")
        else:
            note = self.tr("New files in %1 are now added to case %2, then moved to its .ingested subfolder.")
        self.said.emit(fill(note, folder, number))
        self.ctx.events.watch_folders_changed.emit()

    def detach_folder(self, folder: Path) -> None:
        number = self.number()
        if number is None:
            return
        try:
            detach_folder(self.ctx.library, number, folder)
        except (CaseFileError, OSError) as exc:
            show_error(self._window(), exc)
            return
        self.said.emit(fill(self.tr("%1 is no longer watched."), folder))
        self.ctx.events.watch_folders_changed.emit()
