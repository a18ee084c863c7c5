"""The evidence tab: a case's exhibits in a table (or a grid of thumbnails), its tool bar, and the
parts beside it: the preview (casefile.ui.evidence.preview), the details (.details), adding files
(.ingest), the watch-folder menu (.watch_menu) and correcting a capture time (.capture_time).

Everything that writes (adding files, editing a title, withdrawing) runs as a :class:`Task`
on the context's runner; previews that need decoding and thumbnails run on its reads runner,
never behind a write. The tab reads the case record and its custody log, which are small
files, on the GUI thread.
"""

from __future__ import annotations

import copy
import logging
import sys
from collections.abc import Set
from pathlib import Path
from typing import Any

from casefile.core.disclosure.redact import can_redact
from casefile.core.errors import CaseFileError
from casefile.core.model import Case, EvidenceKind, Exhibit
from casefile.core.numbering import groups_in_order, packet_label
from casefile.core.progress import CancelToken
from casefile.core.search.query import Hit
from casefile.core.search.sources import OCR
from casefile.core.search.texts import TextStore
from casefile.core.thumbnails import can_thumbnail, make_thumbnails, thumbnail_path
from casefile.core.timestamps.checking import StampResult
from casefile.ui.context import AppContext, show_error
from casefile.ui.evidence.capture_time import ask_capture_time
from casefile.ui.evidence.delegates import GroupDelegate, KindDelegate
from casefile.ui.evidence.details import DetailsPane
from casefile.ui.evidence.ingest import FileAdder
from casefile.ui.evidence.preview import PreviewPane
from casefile.ui.evidence.watch_menu import WatchMenu
from casefile.ui.i18n import fill, translated
from casefile.ui.keys import tab_leaves
from casefile.ui.models import EvidenceModel
from casefile.ui.search import SearchPanel
from casefile.ui.tasks import Task

from PySide6.QtCore import QCoreApplication, QItemSelection, QRectF, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListView,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)
# The details pane's answer to 这是纸质文件的照片或扫描件 (Exhibit.paper): yes, no, not said.
PAPER_ANSWERS: dict[str, bool | None] = {"yes": True, "no": False, "": None}


class EvidenceTab(QWidget):
    """The exhibits of one case; files and folders are added by button, menu key or drop.

    搜索本案 puts a search of this case in the exhibits' place: a hit in an exhibit shows it in the
    preview beside the hits (a PDF at the page); a hit in the case's details is ``hit_chosen``
    for the workspace to show.
    """

    hit_chosen = Signal(object)  # a search hit in the case's own details (Hit)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.number: str | None = None
        self.case: Case | None = None
        self.custody: list[dict[str, Any]] = []
        self._stamps_key: tuple[str, str] | None = None  # the case and log state its timestamps were checked for

        self.model = EvidenceModel(self)
        self.model.on_edit = self._write_field
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.verticalHeader().setVisible(False)
        tab_leaves(self.table)
        self.kind_delegate = KindDelegate(self.table)
        self.table.setItemDelegateForColumn(EvidenceModel.KIND, self.kind_delegate)
        self.group_delegate = GroupDelegate(self._groups, self.table)
        self.table.setItemDelegateForColumn(EvidenceModel.GROUP, self.group_delegate)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        widths = {
            EvidenceModel.PACKET: 56,
            EvidenceModel.NUMBER: 64,
            EvidenceModel.GROUP: 140,
            EvidenceModel.TITLE: 180,
            EvidenceModel.KIND: 110,
            EvidenceModel.SOURCE: 110,
            EvidenceModel.PURPOSE: 170,
            EvidenceModel.NAME: 150,
            EvidenceModel.SIZE: 70,
            EvidenceModel.CAPTURED: 120,
            EvidenceModel.ADDED: 120,
            EvidenceModel.SHA256: 140,
        }
        for column, width in widths.items():
            self.table.setColumnWidth(column, width)
        # The title right after the numbers: on a 1024-pixel screen the table shows four columns or so, and the
        # title is what tells the exhibits apart (the group, often empty, comes after it).
        header.moveSection(header.visualIndex(EvidenceModel.TITLE), header.visualIndex(EvidenceModel.GROUP))

        style = self.style()
        self.act_add_files = self._action(style.standardIcon(QStyle.StandardPixmap.SP_FileIcon), self.add_files)
        self.act_add_files.setShortcut(QKeySequence.StandardKey.Open)
        self.act_add_folder = self._action(style.standardIcon(QStyle.StandardPixmap.SP_DirIcon), self.add_folder)
        self.act_withdraw = self._action(style.standardIcon(QStyle.StandardPixmap.SP_TrashIcon), self.withdraw)
        keys = [QKeySequence(Qt.Key.Key_Delete)]
        if sys.platform == "darwin":
            keys.append(QKeySequence(Qt.Key.Key_Backspace))
        self.act_withdraw.setShortcuts(keys)
        self.act_show = self._action(style.standardIcon(QStyle.StandardPixmap.SP_DirOpenIcon), self.show_in_folder)
        self.act_up = self._action(style.standardIcon(QStyle.StandardPixmap.SP_ArrowUp), lambda: self.move_selected(-1))
        self.act_up.setShortcut(QKeySequence("Alt+Up"))
        self.act_grid = self._action(
            style.standardIcon(QStyle.StandardPixmap.SP_FileDialogContentsView), self._toggle_grid
        )
        self.act_grid.setCheckable(True)
        self.act_grid.setShortcut(QKeySequence("Ctrl+G"))
        self.act_search = self._action(
            style.standardIcon(QStyle.StandardPixmap.SP_FileDialogContentsView), self._toggle_search
        )
        self.act_search.setCheckable(True)
        for action in (self.act_add_files, self.act_grid):  # also right after a case or this tab is chosen
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.act_transcript = self._action(
            style.standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView), self.edit_transcript
        )
        self.act_down = self._action(
            style.standardIcon(QStyle.StandardPixmap.SP_ArrowDown), lambda: self.move_selected(1)
        )
        self.act_down.setShortcut(QKeySequence("Alt+Down"))
        self.act_redact = self._action(
            style.standardIcon(QStyle.StandardPixmap.SP_DialogNoButton), self.redact_selected
        )
        self.act_redact.setShortcut(QKeySequence("Ctrl+Shift+R"))

        self.watch_menu = WatchMenu(ctx, lambda: self.number, self)
        self.watch_menu.said.connect(self.status_text)
        self.watch_button = QToolButton(self)
        self.watch_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_DriveNetIcon))
        self.watch_button.setMenu(self.watch_menu)
        self.watch_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.watch_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

        # Tool bars, not rows of buttons: on a narrow screen what does not fit goes into their » menu. Two of
        # them, one above the other: in one row, Move down, Redact and the thumbnails were behind the » at
        # 1024×700 (in both languages), and a newcomer never saw them. Adding and finding above, the order
        # and the work on the exhibit selected below.
        self.toolbar = QToolBar(self)
        self.exhibit_bar = QToolBar(self)
        adding = [self.act_add_files, self.act_add_folder, self.act_search, self.act_withdraw, self.act_show]
        on_exhibit = [self.act_up, self.act_down, self.act_transcript, self.act_redact, self.act_grid]
        for bar, actions in ((self.toolbar, adding), (self.exhibit_bar, on_exhibit)):
            bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            bar.setIconSize(QSize(16, 16))
            bar.addActions(actions)
        self.exhibit_bar.addWidget(self.watch_button)

        self.preview = PreviewPane(ctx, self)
        self.addActions(self.preview.view_actions)  # zoom and turn wherever the focus is in the tab
        self.details = DetailsPane(self)
        self.details.chosen.connect(self._field_chosen)
        self.details.capture_time_requested.connect(self.correct_capture_time)

        side = QSplitter(Qt.Orientation.Vertical, self)
        side.addWidget(self.preview)
        side.addWidget(self.details)
        side.setStretchFactor(0, 1)
        side.setStretchFactor(1, 1)
        side.setChildrenCollapsible(False)
        side.setSizes([300, 300])
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.grid = QListView(self)
        self.grid.setViewMode(QListView.ViewMode.IconMode)
        self.grid.setIconSize(QSize(160, 160))
        self.grid.setGridSize(QSize(190, 210))
        self.grid.setResizeMode(QListView.ResizeMode.Adjust)
        self.grid.setMovement(QListView.Movement.Static)
        # Every cell the size of the grid: thousands of exhibits are laid out without asking each its size,
        # a batch at a time between events.
        self.grid.setUniformItemSizes(True)
        self.grid.setLayoutMode(QListView.LayoutMode.Batched)
        self.grid.setBatchSize(200)
        self.grid.setSpacing(8)
        self.grid.setModel(self.model)
        # Every action of the tool bar from the keyboard too: the menu key on the list (or the grid) opens them
        # all, those a narrow screen puts behind the tool bar's » among them.
        for view in (self.table, self.grid):
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            view.addActions([*adding, *on_exhibit])
            view.addAction(self.watch_menu.menuAction())
        self.grid.setModelColumn(EvidenceModel.TITLE)
        self.grid.setSelectionModel(self.table.selectionModel())
        self.grid.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.views = QStackedWidget(self)
        self.views.addWidget(self.table)
        self.views.addWidget(self.grid)
        self.search = SearchPanel(ctx, self, case_mode=True)
        self.search.hit_chosen.connect(self.show_hit)
        self.search.close_requested.connect(self.close_search)
        self.views.addWidget(self.search)
        self.thumb_task: Task | None = None
        self.splitter.addWidget(self.views)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([640, 420])

        self.status = QLabel(self)
        self._idle_text = ""  # the hint shown while nothing else is said
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.adder = FileAdder(ctx, lambda: self.number, self.status, self)
        self.adder.busy_changed.connect(self._update_actions)
        self.progress = self.adder.progress
        self.cancel_button = self.adder.cancel_button
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(2)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.exhibit_bar)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(bottom)

        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        # Whether a change to the case shown reloads this tab; False where its window refreshes every tab
        # of the case open at each change (the main window), so that the record is read once.
        self.follows_changes = True
        self.ctx.events.case_changed.connect(self._case_changed)
        self.setAcceptDrops(True)
        self.retranslate()
        self._update_actions()

    def _action(self, icon: Any, slot: Any) -> QAction:
        action = QAction(icon, "", self)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def status_text(self, text: str) -> None:
        self.status.setText(text)

    @property
    def ingest_task(self) -> Task | None:
        """The files being added, if any (one batch at a time)."""
        return self.adder.task

    # ------------------------------------------------------------------ texts

    def retranslate(self) -> None:
        self.preview.retranslate()
        self.details.retranslate()
        self.adder.retranslate()
        self.search.retranslate()
        self.act_search.setText(self.tr("Search this case"))
        self.act_search.setToolTip(
            self.tr("Find words and numbers in this case's details and in the text of its evidence")
        )
        self.act_grid.setText(self.tr("Thumbnails"))
        self.act_grid.setToolTip(self.tr("Show the exhibits as a grid of thumbnails (Ctrl+G)"))
        self.act_transcript.setText(self.tr("Transcript…"))
        self.act_transcript.setIconText(self.act_transcript.text())
        self.act_transcript.setToolTip(self.tr("Write or edit the transcript of the selected recording"))
        self.act_up.setText(self.tr("Move up"))
        self.act_up.setToolTip(self.tr("Present the selected exhibit earlier (Alt+Up); bundles follow this order"))
        self.act_down.setText(self.tr("Move down"))
        self.act_down.setToolTip(self.tr("Present the selected exhibit later (Alt+Down); bundles follow this order"))
        self.act_redact.setText(self.tr("Redact…"))
        self.act_redact.setIconText(self.act_redact.text())  # keep the "…": an editor follows
        self.act_redact.setToolTip(
            self.tr(
                "Cover third parties' details on the selected photo, screenshot or PDF with black boxes "
                "(Ctrl+Shift+R); the copy becomes a new exhibit and the original is kept"
            )
        )
        self.act_add_files.setText(self.tr("Add files…"))
        self.act_add_files.setIconText(self.act_add_files.text())  # keep the "…": a dialog follows
        self.act_add_files.setToolTip(self.tr("Add files to this case (Ctrl+O); you can also drop them here"))
        self.act_add_folder.setText(self.tr("Add folder…"))
        self.act_add_folder.setIconText(self.act_add_folder.text())  # keep the "…": a dialog follows
        self.act_add_folder.setToolTip(self.tr("Add every file of a folder and its subfolders"))
        self.act_withdraw.setText(self.tr("Withdraw…"))
        self.act_withdraw.setIconText(self.act_withdraw.text())  # keep the "…": a dialog follows
        self.act_withdraw.setToolTip(
            self.tr("Mark the selected exhibit withdrawn (Delete); the file stays in the case folder")
        )
        self.watch_button.setText(self.tr("Watch folders"))
        self.watch_menu.setTitle(self.watch_button.text())  # as the list's menu (the menu key) names it
        self.watch_button.setToolTip(
            self.tr("Files put in this case's inbox or in a folder attached to it are added as evidence by themselves")
        )
        self.act_show.setText(self.tr("Show in folder"))
        self.act_show.setToolTip(self.tr("Open the folder that holds the selected exhibit's file"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
        if self.ingest_task is None and self.status.text() in ("", self._idle_text):
            self._idle_status()  # the hint in the new language
        elif self.ingest_task is None and not self.adder.say_again():
            # Something else said in the language left behind (a withdrawal, a folder not opened): gone, not
            # left in the old language until replaced.
            self.status.setToolTip("")
            self._idle_status()
        self._show_selected(force_preview=False)

    def _idle_status(self) -> None:
        self._idle_text = self.tr("Drop files or folders here to add them to the case.") if self.number else ""
        self.status.setText(self._idle_text)

    # ------------------------------------------------------------------ the case

    def set_case(
        self,
        number: str | None,
        case: Case | None = None,
        custody: list[dict[str, Any]] | None = None,
        changes: tuple[Case, Set[int]] | None = None,
    ) -> None:
        """Show the exhibits of case ``number`` (None: no case); ``case``: its record, already read, and
        ``custody`` its custody log (each read here when not given); ``changes``: the record read before it
        and the numbers of the exhibits that differ from it (only their rows are shown again, when that record
        is the one shown)."""
        if number != self.number:
            self.number = number
            if self.ingest_task is None:
                self.status.clear()
                self.status.setToolTip("")
            self.preview.key = None
            self.model.set_case(None)
        self.search.set_case(number)
        self.reload(case, custody, changes)

    def _fit_number_columns(self) -> None:
        """The packet and own-number columns widened to the longest label the case has (证据1234, a redacted
        copy's (证据1234)), so no label is cut; never narrowed below what they are."""
        last = max(self.model.packet.values(), default=0)
        highest = max((e.number for e in self.model.exhibits), default=0)
        redacted = QCoreApplication.translate("CaseFile", "(%1)")  # as the model labels a redacted copy
        labels = {
            EvidenceModel.PACKET: [packet_label(last), fill(redacted, packet_label(last))],
            EvidenceModel.NUMBER: [str(highest)],
        }
        metrics = self.table.fontMetrics()
        margin = 2 * self.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 12
        for column, texts in labels.items():
            need = max(metrics.horizontalAdvance(text) for text in texts) + margin
            if self.table.columnWidth(column) < need:
                self.table.setColumnWidth(column, need)

    def reload(
        self,
        case: Case | None = None,
        custody: list[dict[str, Any]] | None = None,
        changes: tuple[Case, Set[int]] | None = None,
    ) -> None:
        """Read the case record and custody log again (unless they are given, just read), keeping the
        selected exhibit."""
        if self.number is None:
            self.case = None
            self.custody = []
            self.model.set_case(None)
            self._idle_status()
            self._show_selected()
            self._update_actions()
            return
        try:
            folder = self.ctx.library.folder(self.number)
            case = case if case is not None else folder.read_record()
            custody = custody if custody is not None else folder.custody.read()
        except CaseFileError as exc:
            log.warning("case %s cannot be shown: %s", self.number, exc)
            self.case = None
            self.custody = []
            self.model.set_case(None)
            self.status.setText(translated(exc))
            self._show_selected()
            self._update_actions()
            return
        selected = self.selected_exhibit()
        changed = changes[1] if changes is not None and changes[0] is self.case else None
        self.case = case
        self.custody = custody
        self._check_stamps(case)
        self._make_thumbnails(case)
        shown = [e.number for e in self.model.exhibits]
        same_exhibits = len(shown) == len(case.exhibits) and set(shown) == set(case.exhibit_numbers())
        if same_exhibits and case.exhibits:
            # Editors stay open and the views keep their place when only the contents or the order changed
            # (an exhibit moved: its row moves, the selection with it).
            view = self.views.currentWidget()
            shown_view = view if isinstance(view, QAbstractItemView) else None
            follow = shown_view is not None and self._selected_in_sight(shown_view)
            self.model.refresh(case, changed)
            if shown_view is not None and follow and not self._selected_in_sight(shown_view):
                shown_view.scrollTo(shown_view.selectionModel().currentIndex())  # a selected exhibit in sight stays so
        else:
            self.model.set_case(case)
            if selected is not None:
                self.select_exhibit(selected.number)
        self._fit_number_columns()
        if self.ingest_task is None and not self.status.text():
            self._idle_status()
        self._show_selected()
        self._update_actions()

    def _selected_in_sight(self, view: QAbstractItemView) -> bool:
        """Whether the current exhibit is selected and shown in ``view``'s visible part."""
        current = view.selectionModel().currentIndex()
        if not current.isValid() or not view.selectionModel().isSelected(current):
            return False
        return view.visualRect(current).intersects(view.viewport().rect())

    def _check_stamps(self, case: Case) -> None:
        """Check the case's timestamps offline in the background (pyHanko), once for each state of its log."""
        from casefile.core.timestamps import queue

        details = self.details
        from casefile.core.timestamps.roots import pins_of

        details.tsa_chosen = bool(self.ctx.settings.tsa_url.strip())
        details.pinned_roots = pins_of(self.ctx.settings)
        details.queue_state = queue.queue_state(self.ctx.library.root, case.number)
        key = (case.number, case.custody_head.hash)
        if not case.timestamps:
            details.stamp_results, self._stamps_key = {}, key
            return
        if key == self._stamps_key:
            return
        self._stamps_key = key
        details.stamp_results = None
        folder = self.ctx.library.folder(case.number).path

        def work(_token: CancelToken) -> dict[str, StampResult]:
            from casefile.core.timestamps.checking import check_case_stamps

            return check_case_stamps(folder)

        def done(results: object) -> None:
            if self._stamps_key == key and isinstance(results, dict):
                details.stamp_results = results
                self._show_selected(force_preview=False)

        def failed(exc: object) -> None:
            log.warning("checking the timestamps of case %s: %s", case.number, exc)
            if self._stamps_key == key:
                details.stamp_results = {}
                self._show_selected(force_preview=False)

        task = Task(work, f"check the timestamps of case {case.number}")
        task.succeeded.connect(done)
        task.failed.connect(failed)
        self.ctx.reads.start(task)

    def _case_changed(self, number: str) -> None:
        if self.follows_changes and number == self.number:
            self.reload()

    def _groups(self) -> list[str]:
        """The evidence groups the case has, in the evidence order (offered when a group is edited)."""
        return groups_in_order(self.case.ordered_exhibits(), lambda e: e.group) if self.case is not None else []

    def selected_exhibit(self) -> Exhibit | None:
        # The grid selects one cell, the table whole rows: any selected cell names the exhibit.
        rows = sorted({index.row() for index in self.table.selectionModel().selectedIndexes()})
        if not rows or rows[0] >= len(self.model.exhibits):
            return None
        return self.model.exhibit(rows[0])

    def select_exhibit(self, exhibit_no: int) -> None:
        for row, exhibit in enumerate(self.model.exhibits):
            if exhibit.number == exhibit_no:
                self.table.selectRow(row)
                return

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_selected()
        self._update_actions()

    def _update_actions(self) -> None:
        has_case = self.case is not None
        idle = self.ingest_task is None
        exhibit = self.selected_exhibit()
        self.act_add_files.setEnabled(has_case and idle)
        self.act_add_folder.setEnabled(has_case and idle)
        self.act_withdraw.setEnabled(exhibit is not None and not exhibit.withdrawn)
        self.act_redact.setEnabled(exhibit is not None and not exhibit.withdrawn and can_redact(exhibit.mime))
        self.act_show.setEnabled(exhibit is not None)
        self.details.show_choices(exhibit)

    def _file_of(self, exhibit: Exhibit) -> Path | None:
        if self.number is None:
            return None
        return self.ctx.library.cases_dir / self.number / exhibit.stored_path

    # ------------------------------------------------------------------ details and preview

    def _show_selected(self, *, force_preview: bool = False) -> None:
        exhibit = self.selected_exhibit()
        if exhibit is None:
            self.details.show_nothing(prompt=bool(self.model.rowCount()))
            empty_case = self.case is not None and not self.model.rowCount()
            self.preview.show_nothing(
                self.tr("No evidence yet.\n\nDrop files or folders here, or use Add files… (Ctrl+O).")
                if empty_case
                else ""
            )
            return
        self.details.show_exhibit(
            exhibit, case=self.case, custody=self.custody, packet=self.model.packet_label(exhibit)
        )
        self.preview.show_exhibit(
            exhibit, self._file_of(exhibit), (self.number or "", exhibit.number), force=force_preview
        )

    def correct_capture_time(self) -> None:
        """Set the capture time by hand after checking it (recorded in the custody log as a change)."""
        exhibit = self.selected_exhibit()
        if exhibit is None or self.number is None:
            return
        when = ask_capture_time(exhibit, self)
        if when is None:
            return
        number, library, exhibit_no = self.number, self.ctx.library, exhibit.number
        shown = copy.copy(exhibit)  # what the time is a correction of: changed since by someone else, a conflict

        def work(_token: CancelToken) -> str:
            with library.edit(number) as writer:
                writer.update_exhibit(exhibit_no, base=shown, captured_at=when, captured_at_source="user")
            return number

        task = Task(work, f"set the capture time of exhibit {exhibit_no} of {number}")
        task.succeeded.connect(self._written)
        task.failed.connect(self._write_failed)
        self.ctx.runner.start(task)

    # ------------------------------------------------------------------ adding files

    def add_files(self) -> None:
        if self.case is not None:
            self.adder.choose_files()

    def add_folder(self) -> None:
        if self.case is not None:
            self.adder.choose_folder()

    def ingest(self, paths: list[str]) -> Task | None:
        """Add files and folders to the shown case on the runner; returns the task (None if not started)."""
        return self.adder.start(paths)

    def cancel_ingest(self) -> None:
        self.adder.cancel()

    # ------------------------------------------------------------------ drag and drop

    def _dropped_paths(self, event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> list[str]:
        mime = event.mimeData()
        if self.case is None or self.ingest_task is not None or not mime.hasUrls():
            return []
        return [url.toLocalFile() for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt API
        if self._dropped_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt API
        if self._dropped_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt API
        paths = self._dropped_paths(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.ingest(paths)

    # ------------------------------------------------------------------ editing and withdrawing

    def _write_field(self, exhibit_no: int, field: str, value: str) -> None:
        """EvidenceModel.on_edit: write an edited group, title, kind, source or proof purpose through the core
        (an ``exhibit-update`` custody entry)."""
        if self.number is None:
            return
        number = self.number
        library = self.ctx.library
        typed: Any = EvidenceKind(value) if field == "kind" else PAPER_ANSWERS[value] if field == "paper" else value
        # The exhibit as shown when the value was typed over it (copied: the model shows the new value next):
        # a field someone else changed since is a conflict, never overwritten.
        shown = next((copy.copy(e) for e in self.model.exhibits if e.number == exhibit_no), None)

        def work(_token: CancelToken) -> str:
            with library.edit(number) as writer:
                writer.update_exhibit(exhibit_no, base=shown, **{field: typed})
            return number

        task = Task(work, f"edit exhibit {exhibit_no} of {number}")
        task.succeeded.connect(self._written)
        task.failed.connect(self._write_failed)
        self.ctx.runner.start(task)

    def _field_chosen(self, field: str, value: str) -> None:
        """A kind, what was handed over, or whether it was kept, chosen in the details for the selected exhibit."""
        exhibit = self.selected_exhibit()
        if exhibit is None:
            return
        if field == "kind":
            if not exhibit.withdrawn and value != exhibit.kind.value:
                self._write_field(exhibit.number, field, value)
        elif field == "paper":
            if PAPER_ANSWERS[value] is not exhibit.paper:
                self._write_field(exhibit.number, field, value)
        elif value != getattr(exhibit, field):
            self._write_field(exhibit.number, field, value)

    def _written(self, number: object) -> None:
        self.ctx.events.case_changed.emit(str(number))

    def _withdrawn(self, result: object) -> None:
        assert isinstance(result, tuple)
        number, exhibit_no = str(result[0]), int(result[1])
        if number == self.number:
            self.status.setText(fill(self.tr("Exhibit %1 withdrawn; its file stays in the case folder."), exhibit_no))
            self.status.setToolTip("")
        self.ctx.events.case_changed.emit(number)

    def _write_failed(self, error: BaseException) -> None:
        show_error(self, error)
        self.reload()  # show what the case really holds

    def withdraw(self) -> None:
        exhibit = self.selected_exhibit()
        if exhibit is None or exhibit.withdrawn or self.number is None:
            return
        prompt = fill(
            self.tr(
                "Withdraw exhibit %1 “%2”?\n\nIt stays in the case folder and in the custody record, marked "
                "withdrawn, and is left out of new bundles.\n\nReason:"
            ),
            exhibit.number,
            exhibit.title,
        )
        reason, ok = QInputDialog.getText(self, self.tr("Withdraw exhibit"), prompt)
        if not ok:
            return
        reason = reason.strip()
        if not reason:
            QMessageBox.warning(self, self.tr("Withdraw exhibit"), self.tr("A withdrawal needs a reason."))
            return
        number = self.number
        library = self.ctx.library
        exhibit_no = exhibit.number

        def work(_token: CancelToken) -> tuple[str, int]:
            with library.edit(number) as writer:
                writer.withdraw(exhibit_no, reason)
            return number, exhibit_no

        task = Task(work, f"withdraw exhibit {exhibit_no} of {number}")
        task.succeeded.connect(self._withdrawn)
        task.failed.connect(self._write_failed)
        self.ctx.runner.start(task)

    def move_selected(self, delta: int) -> None:
        """Move the selected exhibit in the case's presentation order (its number never changes)."""
        exhibit = self.selected_exhibit()
        if exhibit is None or self.number is None:
            return
        number = self.number
        library = self.ctx.library
        exhibit_no = exhibit.number

        def work(_token: CancelToken) -> str:
            with library.edit(number) as writer:
                writer.move_exhibit(exhibit_no, delta)
            return number

        def done(_result: object) -> None:
            self.ctx.events.case_changed.emit(number)  # its row moves when the case is read again

        task = Task(work, f"move exhibit {exhibit_no} of {number}")
        task.succeeded.connect(done)
        task.failed.connect(self._write_failed)
        self.ctx.runner.start(task)

    def _toggle_grid(self, _on: bool) -> None:
        if self.act_search.isChecked():
            self.act_search.setChecked(False)
        self._show_view()

    def _toggle_search(self, on: bool) -> None:
        self._show_view()
        if on:
            self.search.focus_box()

    def _show_view(self) -> None:
        """The search of this case when it is on, else the thumbnails or the table."""
        if self.act_search.isChecked():
            self.views.setCurrentWidget(self.search)
        else:
            self.views.setCurrentWidget(self.grid if self.act_grid.isChecked() else self.table)

    def open_search(self, text: str = "") -> None:
        """Show the search of this case (with ``text`` searched, when given)."""
        self.act_search.setChecked(True)
        self._show_view()
        if text:
            self.search.search_for(text)
        self.search.focus_box()

    def close_search(self) -> None:
        """Show the exhibits again in the search's place."""
        self.act_search.setChecked(False)
        self._show_view()

    def show_hit(self, hit: Hit) -> None:
        """Select the hit's exhibit and show it in the preview, a PDF at the hit's page, the text at the hit;
        a hit in the case's own details goes to the workspace (``hit_chosen``)."""
        if hit.exhibit is None:
            self.hit_chosen.emit(hit)
            return
        if hit.case_number != self.number:
            return
        self.select_exhibit(hit.exhibit)
        exhibit = self.selected_exhibit()
        if exhibit is None or exhibit.number != hit.exhibit:
            return
        if hit.page is not None:
            self.preview.go_to_page(hit.page)
        found = [hit.snippet[start:end] for start, end in hit.spans]
        if found:
            self.preview.reveal(found[0])
        if hit.kind == OCR and found:
            self.preview.mark(self._ocr_boxes(exhibit, hit.page or 1, found))

    def _ocr_boxes(self, exhibit: Exhibit, page: int, found: list[str]) -> list[QRectF]:
        """Where OCR read the found words on the picture: the lines that hold them."""
        text = TextStore(self.ctx.library.root).get(exhibit.sha256, OCR)
        lines = [p for p in text.pages if p.page == page] if text is not None else []
        words = [w.casefold() for w in found if w.strip()]
        return [
            QRectF(box.left, box.top, box.right - box.left, box.bottom - box.top)
            for line in lines
            for box in line.boxes
            if any(word in box.text.casefold() for word in words)
        ]

    def _make_thumbnails(self, case: Case) -> None:
        """Make the missing thumbnails in the background; each appears as soon as it is ready."""
        if self.thumb_task is not None or self.number is None:
            return
        folder = self.ctx.library.folder(self.number).path
        exhibits = list(case.exhibits)
        if not any(can_thumbnail(e) and not thumbnail_path(e.sha256).exists() for e in exhibits):
            return
        task = Task(lambda token: make_thumbnails(folder, exhibits, cancel=token), "thumbnails")
        task.progress.connect(lambda _done, _total, number: self.model.thumbnail_ready(int(number)))

        def finished() -> None:
            self.thumb_task = None

        task.finished.connect(finished)
        self.thumb_task = task
        self.ctx.reads.start(task)

    def redact_selected(self) -> None:
        """Open the redaction editor on the selected photo, screenshot or PDF."""
        from casefile.ui.redaction_dialog import RedactionDialog

        exhibit = self.selected_exhibit()
        if exhibit is None or self.number is None or exhibit.withdrawn:
            return
        if not can_redact(exhibit.mime):
            QMessageBox.information(
                self, self.tr("Redact"), self.tr("Only photos, screenshots and PDFs can be redacted.")
            )
            return
        previous = getattr(self, "redaction_dialog", None)
        if previous is not None and previous.save_task is None:
            previous.deleteLater()  # one editor at a time; a copy being saved finishes first
        self.redaction_dialog = RedactionDialog(self.ctx, self.number, exhibit, self)
        self.redaction_dialog.saved.connect(self._redacted)
        self.redaction_dialog.open()

    def _redacted(self, exhibit_no: int) -> None:
        self.select_exhibit(exhibit_no)
        self.status.setText(
            fill(self.tr("Exhibit %1 is the redacted copy; the original is kept as it was."), exhibit_no)
        )

    def edit_transcript(self) -> None:
        from casefile.ui.transcript_dialog import TranscriptDialog

        exhibit = self.selected_exhibit()
        if exhibit is None or self.number is None:
            return
        if exhibit.kind not in (EvidenceKind.AUDIO, EvidenceKind.VIDEO):
            QMessageBox.information(
                self, self.tr("Transcript"), self.tr("Only recordings and videos have a transcript.")
            )
            return
        self.transcript_dialog = TranscriptDialog(self.ctx, self.number, exhibit, self)
        self.transcript_dialog.open()

    def show_in_folder(self) -> None:
        exhibit = self.selected_exhibit()
        path = self._file_of(exhibit) if exhibit else None
        if path is None:
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent))):
            self.status.setText(fill(self.tr("The folder %1 could not be opened."), path.parent))
