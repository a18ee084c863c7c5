"""The evidence tab: a case's exhibits, adding files to it, withdrawing, details and a preview.

Everything that writes (adding files, editing a title, withdrawing) runs as a :class:`Task`
on the context's runner; previews that need decoding and thumbnails run on its reads runner,
never behind a write. The tab reads the case record and its custody log, which are small
files, on the GUI thread.
"""

from __future__ import annotations

import html
import logging
import sys
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from casefile.core.disclosure.derived import copies_of
from casefile.core.disclosure.redact import can_redact
from casefile.core.errors import CancelledError, CaseFileError
from casefile.core.evidence import AddResult, add_files
from casefile.core.fsutil import human_size
from casefile.core.model import DISPOSITIONS, HANDED_IN, Case, EvidenceKind, Exhibit
from casefile.core.numbering import groups_in_order
from casefile.core.progress import CancelToken, Progress
from casefile.core.record.history import exhibit_history
from casefile.core.sniff import decode_text
from casefile.core.thumbnails import can_thumbnail, make_thumbnail, make_thumbnails, thumbnail_path, thumbnailable
from casefile.core.watch import attach_folder, attached_folders, detach_folder
from casefile.ui.context import AppContext, show_error
from casefile.ui.i18n import fill, labelled, translated
from casefile.ui.models import (
    EvidenceModel,
    as_recorded,
    capture_source_name,
    disposition_name,
    exhibit_field_name,
    flag_name,
    handed_in_name,
    kind_name,
)
from casefile.ui.pdf_viewer import pdf_view
from casefile.ui.tasks import Task

from PySide6.QtCore import (
    QAbstractItemModel,
    QDateTime,
    QEvent,
    QItemSelection,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QUrl,
)
from PySide6.QtGui import (
    QAction,
    QDesktopServices,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFontDatabase,
    QIcon,
    QImageReader,
    QKeySequence,
    QPixmap,
    QTransform,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListView,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTextBrowser,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)
Index = QModelIndex | QPersistentModelIndex

TEXT_PREVIEW_BYTES = 200 * 1024
IMAGE_PREVIEW_SIDE = 2048  # large photos are decoded at most this big: enough for a pane, and fast
TEXT_MIMES = {"message/rfc822", "application/json", "application/xml"}
# Task.progress carries C++ ints; a batch of videos easily passes 2 GiB, so scale down before that.
SIGNAL_INT_MAX = 2**31 - 1


class KindDelegate(QStyledItemDelegate):
    """The evidence kind chosen from a list (its name shown, its code stored); the choice is taken at once."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802
        combo = QComboBox(parent)
        for kind in EvidenceKind:
            combo.addItem(kind_name(kind.value), kind.value)
        combo.activated.connect(lambda _i: self._commit(combo))
        return combo

    def _commit(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo)

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class GroupDelegate(QStyledItemDelegate):
    """An evidence group (证据组) typed, or chosen from the groups the case already has."""

    def __init__(self, groups: Callable[[], list[str]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.groups = groups

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802
        combo = QComboBox(parent)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItems(self.groups())
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            editor.setEditText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)


def _local(at: datetime | None) -> str:
    return at.astimezone().strftime("%Y-%m-%d %H:%M:%S") if at else ""


class EvidenceTab(QWidget):
    """The exhibits of one case; files and folders are added by button, menu key or drop."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.number: str | None = None
        self.case: Case | None = None
        self.custody: list[dict[str, Any]] = []
        self.ingest_task: Task | None = None
        self.refusals_box: QMessageBox | None = None
        self._ingest_number = ""
        self._ingest_summary = ""
        self._pixmap: QPixmap | None = None
        self._preview_key: tuple[str, int] | None = None

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

        self.watch_menu = QMenu(self)
        self.watch_menu.aboutToShow.connect(self._fill_watch_menu)
        self.watch_button = QToolButton(self)
        self.watch_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_DriveNetIcon))
        self.watch_button.setMenu(self.watch_menu)
        self.watch_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.watch_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

        # A tool bar, not a row of buttons: on a narrow screen what does not fit goes into its » menu.
        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.setIconSize(QSize(16, 16))
        for action in (
            self.act_add_files,
            self.act_add_folder,
            self.act_withdraw,
            self.act_show,
            self.act_up,
            self.act_down,
            self.act_transcript,
            self.act_redact,
            self.act_grid,
        ):
            self.toolbar.addAction(action)
        self.toolbar.addWidget(self.watch_button)

        self.preview_image = QLabel(self)
        self.preview_image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_image.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.preview_image.setMinimumSize(QSize(120, 90))
        # Zoom and rotation are for viewing only: the evidence file is never touched.
        self._zoom = 1.0
        self._rotation = 0
        self.image_scroll = QScrollArea(self)
        self.image_scroll.setWidget(self.preview_image)
        self.image_scroll.setWidgetResizable(True)
        self.image_scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_scroll.viewport().installEventFilter(self)
        self.act_rotate_left = self._view_action(QStyle.StandardPixmap.SP_ArrowBack, "Ctrl+L", lambda: self.rotate(-90))
        self.act_rotate_right = self._view_action(
            QStyle.StandardPixmap.SP_ArrowForward, "Ctrl+R", lambda: self.rotate(90)
        )
        self.act_zoom_in = self._view_action(None, "Ctrl++", lambda: self.zoom(1.25))
        self.act_zoom_out = self._view_action(None, "Ctrl+-", lambda: self.zoom(0.8))
        self.act_zoom_fit = self._view_action(None, "Ctrl+0", lambda: self.zoom(0))
        image_tools = QHBoxLayout()
        for action in (
            self.act_zoom_out,
            self.act_zoom_fit,
            self.act_zoom_in,
            self.act_rotate_left,
            self.act_rotate_right,
        ):
            tool = QToolButton(self)
            tool.setDefaultAction(action)
            image_tools.addWidget(tool)
        image_tools.addStretch(1)
        self.image_page = QWidget(self)
        image_layout = QVBoxLayout(self.image_page)
        image_layout.setContentsMargins(0, 0, 0, 0)
        image_layout.addLayout(image_tools)
        image_layout.addWidget(self.image_scroll, 1)
        self.preview_text = QPlainTextEdit(self)
        self.preview_text.setReadOnly(True)
        self.preview_text.setAcceptDrops(False)
        self.preview_text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.preview_none = QLabel(self)
        self.preview_none.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_none.setWordWrap(True)
        self.preview_none.setEnabled(False)
        self.pdf_document, self.preview_pdf = pdf_view(self)
        self.preview_media = _player(self)
        self.preview = QStackedWidget(self)
        pages = [self.preview_none, self.image_page, self.preview_text]
        if self.preview_pdf is not None:
            pages.append(self.preview_pdf)
        if self.preview_media is not None:
            pages.append(self.preview_media)
        for page in pages:
            self.preview.addWidget(page)

        self.details = QTextBrowser(self)
        self.details.setOpenLinks(False)
        self.details.anchorClicked.connect(self._details_link)
        self.details.setAcceptDrops(False)
        # The selected exhibit's kind, changed here as in the table (an arbitration agreement, a waybill...).
        self.kind_label = QLabel(self)
        self.kind_combo = QComboBox(self)
        for kind in EvidenceKind:
            self.kind_combo.addItem(kind_name(kind.value), kind.value)
        self.kind_label.setBuddy(self.kind_combo)
        self.kind_combo.activated.connect(self._kind_chosen)
        kind_row = QHBoxLayout()
        kind_row.setContentsMargins(0, 0, 0, 0)
        kind_row.addWidget(self.kind_label)
        kind_row.addWidget(self.kind_combo, 1)
        # What the customer handed over for it and whether the store kept it (the receipt's 收取材料清单).
        self.handed_label = QLabel(self)
        self.handed_combo = QComboBox(self)
        self.handed_combo.addItem("", "")
        for value in HANDED_IN:
            self.handed_combo.addItem(handed_in_name(value), value)
        self.handed_label.setBuddy(self.handed_combo)
        self.disposition_combo = QComboBox(self)
        self.disposition_combo.addItem("", "")
        for value in DISPOSITIONS:
            self.disposition_combo.addItem(disposition_name(value), value)
        self.handed_combo.activated.connect(lambda _i: self._choice_made(self.handed_combo, "handed_in"))
        self.disposition_combo.activated.connect(lambda _i: self._choice_made(self.disposition_combo, "disposition"))
        handed_row = QHBoxLayout()
        handed_row.setContentsMargins(0, 0, 0, 0)
        handed_row.addWidget(self.handed_label)
        handed_row.addWidget(self.handed_combo, 1)
        handed_row.addWidget(self.disposition_combo, 1)
        details_page = QWidget(self)
        details_layout = QVBoxLayout(details_page)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addLayout(kind_row)
        details_layout.addLayout(handed_row)
        details_layout.addWidget(self.details, 1)

        side = QSplitter(Qt.Orientation.Vertical, self)
        side.addWidget(self.preview)
        side.addWidget(details_page)
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
        self.grid.setSpacing(8)
        self.grid.setModel(self.model)
        self.grid.setModelColumn(EvidenceModel.TITLE)
        self.grid.setSelectionModel(self.table.selectionModel())
        self.grid.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.views = QStackedWidget(self)
        self.views.addWidget(self.table)
        self.views.addWidget(self.grid)
        self.thumb_task: Task | None = None
        self.splitter.addWidget(self.views)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([640, 420])

        self.status = QLabel(self)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar(self)
        self.progress.setFixedWidth(240)
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_ingest)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(bottom)

        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
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

    # ------------------------------------------------------------------ texts

    def retranslate(self) -> None:
        self.act_zoom_in.setText(self.tr("Zoom in"))
        self.act_zoom_in.setToolTip(self.tr("Zoom in (Ctrl++)"))
        self.act_zoom_out.setText(self.tr("Zoom out"))
        self.act_zoom_out.setToolTip(self.tr("Zoom out (Ctrl+-)"))
        self.act_zoom_fit.setText(self.tr("Fit"))
        self.act_zoom_fit.setToolTip(self.tr("Fit the picture to the pane (Ctrl+0)"))
        self.act_rotate_left.setToolTip(self.tr("Turn left for viewing (Ctrl+L); the file is not changed"))
        self.act_rotate_right.setToolTip(self.tr("Turn right for viewing (Ctrl+R); the file is not changed"))
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
        self.watch_button.setToolTip(
            self.tr("Files put in this case's inbox or in a folder attached to it are added as evidence by themselves")
        )
        self.act_show.setText(self.tr("Show in folder"))
        self.act_show.setToolTip(self.tr("Open the folder that holds the selected exhibit's file"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.kind_label.setText(self.tr("Kind"))
        self.kind_combo.setToolTip(
            self.tr("What kind of evidence this is; an arbitration packet needs one of kind Arbitration agreement")
        )
        for i in range(self.kind_combo.count()):
            self.kind_combo.setItemText(i, kind_name(str(self.kind_combo.itemData(i))))
        self.handed_label.setText(self.tr("Handed over"))
        self.handed_combo.setItemText(0, self.tr("Not recorded"))
        for i in range(1, self.handed_combo.count()):
            self.handed_combo.setItemText(i, handed_in_name(str(self.handed_combo.itemData(i))))
        self.disposition_combo.setItemText(0, self.tr("Kept or returned: not recorded"))
        for i in range(1, self.disposition_combo.count()):
            self.disposition_combo.setItemText(i, disposition_name(str(self.disposition_combo.itemData(i))))
        for combo in (self.handed_combo, self.disposition_combo):
            combo.setToolTip(
                self.tr(
                    "What the customer handed over for this exhibit (original, copy, the object, an electronic "
                    "file) and whether the store kept it or gave it back, as the walk-in receipt lists them"
                )
            )
        self.preview_none.setText(self.tr("No preview for this kind of file"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
        if self.ingest_task is None and not self.status.text():
            self._idle_status()
        self._show_selected(force_preview=False)

    def _idle_status(self) -> None:
        self.status.setText(self.tr("Drop files or folders here to add them to the case.") if self.number else "")

    def _action_name(self, action: str) -> str:
        return {
            "create": self.tr("case created"),
            "ingest": self.tr("added"),
            "withdraw": self.tr("withdrawn"),
            "reorder": self.tr("order changed"),
            "exhibit-update": self.tr("description changed"),
            "exhibit-metadata": self.tr("metadata read again"),
            "redact": self.tr("redacted copy made"),
            "update": self.tr("case record changed"),
            "stage": self.tr("stage changed"),
            "event": self.tr("cited in the timeline"),
            "event-update": self.tr("timeline event citing it corrected"),
            "event-remove": self.tr("timeline event citing it removed"),
            "bundle": self.tr("included in a bundle"),
            "verify": self.tr("verified"),
            "export": self.tr("exported"),
            "import": self.tr("imported"),
            "recovery": self.tr("recovered after an interruption"),
            "repair": self.tr("record rebuilt from the custody log"),
        }.get(action, action)

    # ------------------------------------------------------------------ the case

    def set_case(self, number: str | None) -> None:
        """Show the exhibits of case ``number`` (None: no case)."""
        if number != self.number:
            self.number = number
            if self.ingest_task is None:
                self.status.clear()
                self.status.setToolTip("")
            self._preview_key = None
            self.model.set_case(None)
        self.reload()

    def reload(self) -> None:
        """Read the case record and custody log again, keeping the selected exhibit."""
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
            case = folder.read_record()
            custody = folder.custody.read()
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
        self.case = case
        self.custody = custody
        self._make_thumbnails(case)
        same_rows = [e.number for e in self.model.exhibits] == [e.number for e in case.ordered_exhibits()]
        if same_rows and case.exhibits:
            # Editors stay open and the view keeps its place when only the contents changed.
            self.model.refresh(case)
        else:
            self.model.set_case(case)
            if selected is not None:
                self.select_exhibit(selected.number)
        if self.ingest_task is None and not self.status.text():
            self._idle_status()
        self._show_selected()
        self._update_actions()

    def _case_changed(self, number: str) -> None:
        if number == self.number:
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
        self.kind_combo.setEnabled(exhibit is not None and not exhibit.withdrawn)
        self.handed_combo.setEnabled(exhibit is not None)
        self.disposition_combo.setEnabled(exhibit is not None)
        if exhibit is not None:
            self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(exhibit.kind.value)))
            self.handed_combo.setCurrentIndex(max(0, self.handed_combo.findData(exhibit.handed_in)))
            self.disposition_combo.setCurrentIndex(max(0, self.disposition_combo.findData(exhibit.disposition)))

    def _file_of(self, exhibit: Exhibit) -> Path | None:
        if self.number is None:
            return None
        return self.ctx.library.cases_dir / self.number / exhibit.stored_path

    # ------------------------------------------------------------------ details and preview

    def _show_selected(self, *, force_preview: bool = False) -> None:
        exhibit = self.selected_exhibit()
        if exhibit is None:
            self.details.setHtml(
                "<p>" + html.escape(self.tr("Select an exhibit to see its details and its custody record.")) + "</p>"
                if self.model.rowCount()
                else ""
            )
            self._preview_key = None
            self._pixmap = None
            self.preview_image.clear()
            self.preview.setCurrentWidget(self.preview_none)
            empty_case = self.case is not None and not self.model.rowCount()
            self.preview_none.setText(
                self.tr("No evidence yet.\n\nDrop files or folders here, or use Add files… (Ctrl+O).")
                if empty_case
                else ""
            )
            return
        self.details.setHtml(self._details_html(exhibit))
        key = (self.number or "", exhibit.number)
        if force_preview or key != self._preview_key:
            self._preview_key = key
            self._load_preview(exhibit)

    def _details_html(self, e: Exhibit) -> str:
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()

        correct = self.tr("Correct…")

        def row(label: str, value: str, *, code: bool = False, warn: bool = False, link: str = "") -> str:
            text = html.escape(value)
            if code:
                text = f"<span style=\"font-family:'{html.escape(mono)}'\">{text}</span>"
            if warn:
                text = f'<span style="color:#b35c00">{text}</span>'
            if link:
                text += f' <a href="{link}">{html.escape(correct)}</a>'
            return f'<tr><td style="color:#666;padding-right:10px">{html.escape(label)}</td><td>{text}</td></tr>'

        title = fill(self.tr("Exhibit %1: %2"), e.number, e.title)
        parts = [f"<h3>{html.escape(title)}</h3>"]
        in_packet = self.model.packet_label(e)
        if in_packet:
            parts.append(
                "<p>"
                + html.escape(
                    fill(
                        self.tr("In a packet of the exhibits not withdrawn, in this order: %1 (file no. %2)"),
                        in_packet,
                        e.number,
                    )
                )
                + "</p>"
            )
        if e.withdrawn:
            withdrawn = fill(
                self.tr("Withdrawn on %1 by %2: %3"), _local(e.withdrawn_at), e.withdrawn_by, e.withdraw_reason
            )
            parts.append(f'<p style="color:#b00020">{html.escape(withdrawn)}</p>')
        captured = as_recorded(e.captured_at, seconds=True)
        device_time = e.metadata.time_without_offset and e.captured_at_source in ("exif", "file-name")
        if e.captured_at is not None and device_time:
            captured = e.captured_at.strftime("%Y-%m-%d %H:%M:%S") + " " + self.tr("(device time, zone not recorded)")
        if captured and e.captured_at_source:
            captured += f" ({capture_source_name(e.captured_at_source)})"
        rows = [
            row(self.tr("Original name"), e.original_name),
            row(self.tr("Kind"), kind_name(e.kind.value)),
            *([row(self.tr("Evidence group"), e.group)] if e.group else []),
            row(self.tr("Size"), f"{human_size(e.size)} ({e.size:,} B)"),
            row("SHA-256", e.sha256, code=True),
            row("SM3", e.sm3 or self.tr("not computed"), code=bool(e.sm3)),
            row(self.tr("Captured"), captured, link="capture-time"),
            *(row(label, value) for label, value in self._metadata_rows(e)),
            row(self.tr("Added"), fill(self.tr("%1 by %2"), _local(e.added_at), e.added_by)),
        ]
        flags = ", ".join(flag_name(f) for f in e.flags) or self.tr("none")
        rows.append(row(self.tr("Flags"), flags, warn=bool(e.flags)))
        if e.original_path:
            rows.append(row(self.tr("Added from"), e.original_path))
        if e.derived_from is not None:
            made = fill(self.tr("of exhibit %1"), e.derived_from)
            if e.redaction is not None:
                made += " — " + e.redaction.reason
                rows.append(row(self.tr("Original's SHA-256"), e.redaction.source_sha256, code=True))
            rows.insert(0, row(self.tr("Redacted copy"), made))
        elif self.case is not None:
            copies = [str(c.number) for c in copies_of(self.case, e.number)]
            if copies:
                rows.append(row(self.tr("Redacted copies"), ", ".join(copies)))
        parts.append("<table cellspacing=0 cellpadding=2>" + "".join(rows) + "</table>")
        history = exhibit_history(self.custody, e.number)
        parts.append("<h4>" + html.escape(self.tr("Custody record")) + "</h4>")
        if history:
            items = []
            for item in history:
                what = self._action_name(item.action)
                line = fill(self.tr("%1 — %2, by %3"), _local(item.at), what, item.operator)
                if item.reason:
                    line += f": {item.reason}"
                elif item.fields:
                    line += "：" + "、".join(exhibit_field_name(f) for f in item.fields)
                items.append(f"<li>#{item.seq} {html.escape(line)}</li>")
            parts.append("<ul style='margin-left:-20px'>" + "".join(items) + "</ul>")
        else:
            parts.append("<p>" + html.escape(self.tr("No custody entries mention this exhibit.")) + "</p>")
        return "".join(parts)

    def _show_picture(self, pixmap: QPixmap) -> None:
        self._pixmap = pixmap
        self._zoom, self._rotation = 1.0, 0
        self.preview.setCurrentWidget(self.image_page)
        self._fit_preview()

    def _decode_in_background(self, exhibit: Exhibit, path: Path) -> None:
        """Photos Qt cannot decode (HEIC) are decoded by the core on the reads runner, at preview size."""
        self.preview_none.setText(self.tr("Preparing the preview…"))
        self.preview.setCurrentWidget(self.preview_none)
        key = self._preview_key
        sha256, mime = exhibit.sha256, exhibit.mime

        def work(_token: CancelToken) -> Path | None:
            return make_thumbnail(path, sha256, IMAGE_PREVIEW_SIDE, mime=mime)

        def done(made: object) -> None:
            if key != self._preview_key:
                return  # another exhibit is shown by now
            pixmap = QPixmap(str(made)) if isinstance(made, Path) else QPixmap()
            if pixmap.isNull():
                self.preview_none.setText(self.tr("No preview for this kind of file"))
                return
            self._show_picture(pixmap)

        task = Task(work, f"preview of exhibit {exhibit.number}")
        task.succeeded.connect(done)
        self.ctx.reads.start(task)

    def _metadata_rows(self, e: Exhibit) -> list[tuple[str, str]]:
        """What the file says about itself, read when it was added."""
        meta = e.metadata
        rows: list[tuple[str, str]] = []
        device = meta.device_name()
        if device:
            rows.append((self.tr("Device"), device))
        if meta.software:
            rows.append((self.tr("Software"), meta.software))
        if meta.width and meta.height:
            rows.append((self.tr("Picture"), fill(self.tr("%1 × %2 pixels"), meta.width, meta.height)))
        if meta.duration:
            seconds = int(round(meta.duration))
            length = f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
            codecs = ", ".join(c for c in (meta.video_codec, meta.audio_codec) if c)
            rows.append((self.tr("Length"), f"{length} ({codecs})" if codecs else length))
        if meta.gps is not None:
            rows.append((self.tr("Place (GPS)"), f"{meta.gps.lat:.6f}, {meta.gps.lon:.6f}"))
        if meta.pages:
            pages = fill(self.tr("%1 pages"), meta.pages)
            if meta.producer:
                pages += f" ({meta.producer})"
            rows.append((self.tr("Pages"), pages))
        if meta.email is not None:
            for value, label in (
                (meta.email.sender, self.tr("From")),
                (meta.email.to, self.tr("To")),
                (meta.email.subject, self.tr("Subject")),
            ):
                if value:
                    rows.append((label, value))
        if meta.encoding:
            rows.append((self.tr("Text encoding"), meta.encoding.upper()))
        if meta.metadata_error:
            rows.append((self.tr("Metadata unavailable"), meta.metadata_error))
        return rows

    def _details_link(self, url: QUrl) -> None:
        if url.toString() == "capture-time":
            self.correct_capture_time()

    def correct_capture_time(self) -> None:
        """Set the capture time by hand after checking it (recorded in the custody log as a change)."""
        exhibit = self.selected_exhibit()
        if exhibit is None or self.number is None:
            return
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Correct the capture time"))
        form = QFormLayout(dialog)
        edit = QDateTimeEdit(dialog)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
        start = (exhibit.captured_at or exhibit.added_at).astimezone()
        edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(start.timestamp())))
        form.addRow(
            QLabel(
                fill(
                    self.tr("Exhibit %1: when was this file really made? The time the file states stays recorded."),
                    exhibit.number,
                ),
                dialog,
            )
        )
        form.addRow(self.tr("Capture time"), edit)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
        box.accepted.connect(dialog.accept)
        box.rejected.connect(dialog.reject)
        form.addRow(box)
        self.capture_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        when = datetime.fromtimestamp(edit.dateTime().toSecsSinceEpoch()).astimezone()
        number, library, exhibit_no = self.number, self.ctx.library, exhibit.number

        def work(_token: CancelToken) -> str:
            with library.edit(number) as writer:
                writer.update_exhibit(exhibit_no, captured_at=when, captured_at_source="user")
            return number

        task = Task(work, f"set the capture time of exhibit {exhibit_no} of {number}")
        task.succeeded.connect(self._written)
        task.failed.connect(self._write_failed)
        self.ctx.runner.start(task)

    def _load_preview(self, exhibit: Exhibit) -> None:
        if self.preview_media is not None:
            self.preview_media.stop()
        self._pixmap = None
        self.preview_image.clear()
        self.preview_none.setText(self.tr("No preview for this kind of file"))
        path = self._file_of(exhibit)
        mime = exhibit.mime or ""
        if path is None:
            self.preview.setCurrentWidget(self.preview_none)
            return
        if mime.startswith("image/"):
            reader = QImageReader(str(path))
            reader.setAutoTransform(True)  # EXIF orientation
            size = reader.size()
            longest = max(size.width(), size.height())
            if size.isValid() and longest > IMAGE_PREVIEW_SIDE:
                # The same factor on both sides, so a rotation applied afterwards keeps the proportions.
                factor = IMAGE_PREVIEW_SIDE / longest
                reader.setScaledSize(QSize(max(1, round(size.width() * factor)), max(1, round(size.height() * factor))))
            image = reader.read()
            if not image.isNull():
                self._show_picture(QPixmap.fromImage(image))
                return
            if thumbnailable(mime) and "broken" not in exhibit.flags:
                self._decode_in_background(exhibit, path)  # HEIC: Qt cannot read it, Pillow can
                return
            log.info("no preview for exhibit %d (%s): %s", exhibit.number, path.name, reader.errorString())
        elif mime.startswith("text/") or mime in TEXT_MIMES:
            try:
                with open(path, "rb") as fh:
                    data = fh.read(TEXT_PREVIEW_BYTES)
            except OSError as exc:
                self.preview_none.setText(self.tr("The file cannot be read: %1").replace("%1", exc.strerror or ""))
                self.preview.setCurrentWidget(self.preview_none)
                return
            text = decode_text(data)
            if exhibit.size > TEXT_PREVIEW_BYTES:
                text += "\n\n" + self.tr("… (only the first 200 KB are shown)")
            self.preview_text.setPlainText(text)
            self.preview.setCurrentWidget(self.preview_text)
            return
        elif mime.startswith(("audio/", "video/")) and self.preview_media is not None:
            self.preview_media.set_source(path, video=mime.startswith("video/"))
            self.preview.setCurrentWidget(self.preview_media)
            return
        elif mime == "application/pdf" and self.pdf_document is not None and self.preview_pdf is not None:
            # QtPdf renders pages lazily as they scroll into view; an encrypted or broken PDF
            # simply fails to load and shows the notice below.
            self.pdf_document.close()
            self.pdf_document.load(str(path))
            if self.pdf_document.pageCount() > 0:
                self.preview.setCurrentWidget(self.preview_pdf)
                return
            self.preview_none.setText(self.tr("This PDF cannot be shown (encrypted or damaged)."))
        self.preview.setCurrentWidget(self.preview_none)

    def _fit_preview(self) -> None:
        if self._pixmap is None:
            return
        view = self.image_scroll.viewport().size()
        if view.width() < 2 or view.height() < 2:
            return
        pixmap = self._pixmap.transformed(QTransform().rotate(self._rotation)) if self._rotation else self._pixmap
        fit = min(view.width() / pixmap.width(), view.height() / pixmap.height(), 1.0)
        scale = fit * self._zoom
        size = QSize(max(1, int(pixmap.width() * scale)), max(1, int(pixmap.height() * scale)))
        shown = pixmap.scaled(size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        self.preview_image.setPixmap(shown)
        zoomed = self._zoom > 1.0
        self.image_scroll.setWidgetResizable(not zoomed)
        if zoomed:
            self.preview_image.resize(shown.size())

    def zoom(self, factor: float) -> None:
        """Zoom the image preview by ``factor`` (0: fit the pane again)."""
        self._zoom = 1.0 if factor == 0 else min(8.0, max(1.0, self._zoom * factor))
        self._fit_preview()

    def rotate(self, degrees: int) -> None:
        """Turn the image preview for viewing; the evidence file stays as it is."""
        self._rotation = (self._rotation + degrees) % 360
        self._fit_preview()

    def _view_action(self, icon: Any, keys: str, slot: Any) -> QAction:
        action = QAction(self.style().standardIcon(icon) if icon is not None else QIcon(), "", self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.image_scroll.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_preview()
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ adding files

    def add_files(self) -> None:
        if self.number is None or self.case is None or self.ingest_task is not None:
            return
        paths, _filter = QFileDialog.getOpenFileNames(self, self.tr("Add files to case %1").replace("%1", self.number))
        if paths:
            self.ingest(paths)

    def add_folder(self) -> None:
        if self.number is None or self.case is None or self.ingest_task is not None:
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Add a folder to case %1").replace("%1", self.number))
        if folder:
            self.ingest([folder])

    def ingest(self, paths: list[str]) -> Task | None:
        """Add files and folders to the shown case on the runner; returns the task (None if not started)."""
        if self.number is None or not paths:
            return None
        if self.ingest_task is not None:
            self.status.setText(self.tr("Files are still being added; wait for them or cancel first."))
            return None
        number = self.number
        library = self.ctx.library
        chosen = [str(p) for p in paths]

        def work(token: CancelToken) -> Iterator[Progress | AddResult]:
            scale = 1
            for item in add_files(library, number, chosen, cancel=token):
                if isinstance(item, Progress):
                    if item.total > SIGNAL_INT_MAX:
                        scale = item.total // SIGNAL_INT_MAX + 1
                    yield Progress(item.done // scale, item.total // scale, item.message)
                else:
                    yield item

        task = Task(work, f"add files to {number}")
        task.progress.connect(self._ingest_progress)
        task.succeeded.connect(self._ingest_succeeded)
        task.failed.connect(self._ingest_failed)
        task.finished.connect(self._ingest_finished)
        self.ingest_task = task
        self._ingest_number = number
        self._ingest_summary = ""
        self.progress.setRange(0, 0)  # busy until the core has counted the bytes
        self.progress.reset()
        self.progress.setVisible(True)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setVisible(True)
        self.status.setText(self.tr("Adding files…"))
        self._update_actions()
        log.info("case %s: adding %d chosen paths", number, len(chosen))
        self.ctx.runner.start(task)
        return task

    def cancel_ingest(self) -> None:
        if self.ingest_task is not None:
            self.ingest_task.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))

    def _ingest_progress(self, done: int, total: int, message: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        if message and self.ingest_task is not None and not self.ingest_task.token.cancelled:
            if self._ingest_number == self.number:
                self.status.setText(self.tr("Adding files… (%1)").replace("%1", message))
            else:
                self.status.setText(fill(self.tr("Adding files to case %1… (%2)"), self._ingest_number, message))

    def _summary(self, results: list[AddResult]) -> str:
        added = sum(1 for r in results if r.exhibit is not None)
        duplicates = [r for r in results if r.duplicate_of is not None]
        refused = sum(1 for r in results if r.refused)
        skipped = sum(1 for r in results if r.skipped)
        parts = [self.tr("%1 added").replace("%1", str(added))]
        if duplicates:
            parts.append(self.tr("%1 duplicate").replace("%1", str(len(duplicates))))
        if refused:
            parts.append(self.tr("%1 refused").replace("%1", str(refused)))
        if skipped:
            parts.append(self.tr("%1 skipped (hidden or system files)").replace("%1", str(skipped)))
        tips = [fill(self.tr("%1 is already exhibit %2"), r.path.name, r.duplicate_of) for r in duplicates]
        self.status.setToolTip("\n".join(tips))
        return self.tr(", ").join(parts)

    def _ingest_succeeded(self, _last: object) -> None:
        task = self.ingest_task
        self._ingest_summary = self._summary(task.results if task else [])

    def _ingest_failed(self, error: BaseException) -> None:
        task = self.ingest_task
        results = task.results if task else []
        if isinstance(error, CancelledError):
            added = sum(1 for r in results if r.exhibit is not None)
            self._ingest_summary = (
                self.tr("Cancelled; %1 added before cancelling, the file being copied was discarded.").replace(
                    "%1", str(added)
                )
                if added
                else self.tr("Cancelled; nothing was added.")
            )
            return
        log.warning("case %s: adding files failed: %s", self._ingest_number, error)
        summary = self._summary(results)
        self._ingest_summary = fill(self.tr("Adding files stopped: %1 (%2)"), translated(error), summary)
        show_error(self, error)

    def _ingest_finished(self) -> None:
        task = self.ingest_task
        number = self._ingest_number
        self.ingest_task = None
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        summary = self._ingest_summary
        if number != self.number:
            summary = fill(self.tr("Case %1: %2"), number, summary)
        self.status.setText(summary)
        self._update_actions()
        if number:
            self.ctx.events.case_changed.emit(number)
        refusals = [r for r in (task.results if task else []) if r.refused]
        if refusals:
            self._show_refusals(refusals)

    def _show_refusals(self, refusals: list[AddResult]) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Files not added"))
        box.setText(
            self.tr("%1 files could not be added as evidence:").replace("%1", str(len(refusals)))
            if len(refusals) > 1
            else self.tr("One file could not be added as evidence:")
        )
        listed = [labelled(str(r.path), translated(r.refused)) for r in refusals]
        box.setInformativeText("\n".join(listed[:10]) + ("\n…" if len(listed) > 10 else ""))
        box.setDetailedText("\n".join(listed))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.refusals_box = box
        box.open()

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
        typed: Any = EvidenceKind(value) if field == "kind" else value

        def work(_token: CancelToken) -> str:
            with library.edit(number) as writer:
                writer.update_exhibit(exhibit_no, **{field: typed})
            return number

        task = Task(work, f"edit exhibit {exhibit_no} of {number}")
        task.succeeded.connect(self._written)
        task.failed.connect(self._write_failed)
        self.ctx.runner.start(task)

    def _kind_chosen(self, _index: int) -> None:
        exhibit = self.selected_exhibit()
        kind = str(self.kind_combo.currentData())
        if exhibit is not None and not exhibit.withdrawn and kind != exhibit.kind.value:
            self._write_field(exhibit.number, "kind", kind)

    def _choice_made(self, combo: QComboBox, field: str) -> None:
        """What was handed over, or whether it was kept, chosen for the selected exhibit."""
        exhibit = self.selected_exhibit()
        value = str(combo.currentData() or "")
        if exhibit is not None and value != getattr(exhibit, field):
            self._write_field(exhibit.number, field, value)

    def _written(self, number: object) -> None:
        self.ctx.events.case_changed.emit(str(number))

    def _withdrawn(self, result: object) -> None:
        assert isinstance(result, tuple)
        number, exhibit_no = str(result[0]), int(result[1])
        if number == self.number:
            self.status.setText(
                self.tr("Exhibit %1 withdrawn; its file stays in the case folder.").replace("%1", str(exhibit_no))
            )
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
            self.ctx.events.case_changed.emit(number)
            self.select_exhibit(exhibit_no)

        task = Task(work, f"move exhibit {exhibit_no} of {number}")
        task.succeeded.connect(done)
        task.failed.connect(self._write_failed)
        self.ctx.runner.start(task)

    def _toggle_grid(self, on: bool) -> None:
        self.views.setCurrentWidget(self.grid if on else self.table)

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
        from casefile.core.model import EvidenceKind
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

    # ------------------------------------------------------------------ watch folders

    def _fill_watch_menu(self) -> None:
        menu = self.watch_menu
        menu.clear()
        if self.number is None:
            menu.addAction(self.tr("No case selected")).setEnabled(False)
            return
        menu.addAction(self.tr("Open this case's inbox"), self.open_inbox)
        menu.addAction(self.tr("Attach a folder…"), self.attach_folder)
        try:
            attached = [f for f in attached_folders(self.ctx.library) if f.case == self.number]
        except (CaseFileError, OSError) as exc:  # a damaged list, or one from a newer CaseFile
            menu.addSeparator()
            menu.addAction(translated(exc)).setEnabled(False)
            return
        if attached:
            menu.addSeparator()
            for folder in attached:
                label = fill(self.tr("Detach %1"), folder.path)
                if folder.poll:
                    label += " " + self.tr("(checked by polling)")
                action = menu.addAction(label)
                action.setData(str(folder.path))
                action.triggered.connect(lambda _checked=False, path=folder.path: self.detach_folder(path))

    def open_inbox(self) -> None:
        if self.number is None:
            return
        inbox = self.ctx.library.folder(self.number).inbox_dir
        inbox.mkdir(exist_ok=True)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(inbox))):
            self.status.setText(self.tr("The folder %1 could not be opened.").replace("%1", str(inbox)))

    def attach_folder(self, folder: str = "", *, poll: bool | None = None) -> None:
        """Attach a folder (a phone-sync or scanner folder) whose new files become this case's evidence."""
        if self.number is None:
            return
        if not folder:
            folder = QFileDialog.getExistingDirectory(
                self, self.tr("Choose a folder to watch for case %1").replace("%1", self.number)
            )
            if not folder:
                return
        if poll is None:
            answer = QMessageBox.question(
                self,
                self.tr("Attach a folder"),
                self.tr(
                    "Is this folder on a network share or another computer?\n\nIf it is, CaseFile looks into it "
                    "every few seconds instead of waiting to be told about new files."
                ),
            )
            poll = answer == QMessageBox.StandardButton.Yes
        try:
            attach_folder(self.ctx.library, self.number, folder, poll=poll)
        except (CaseFileError, OSError) as exc:
            show_error(self, exc)
            return
        if self.ctx.settings.watch_after_ingest == "delete":
            note = self.tr("New files in %1 are now added to case %2, then deleted from the folder.")
        else:
            note = self.tr("New files in %1 are now added to case %2, then moved to its .ingested subfolder.")
        self.status.setText(fill(note, folder, self.number))
        self.ctx.events.watch_folders_changed.emit()

    def detach_folder(self, folder: Path) -> None:
        if self.number is None:
            return
        try:
            detach_folder(self.ctx.library, self.number, folder)
        except (CaseFileError, OSError) as exc:
            show_error(self, exc)
            return
        self.status.setText(fill(self.tr("%1 is no longer watched."), folder))
        self.ctx.events.watch_folders_changed.emit()

    def show_in_folder(self) -> None:
        exhibit = self.selected_exhibit()
        path = self._file_of(exhibit) if exhibit else None
        if path is None:
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent))):
            self.status.setText(self.tr("The folder %1 could not be opened.").replace("%1", str(path.parent)))


def _player(parent: QWidget) -> Any:
    """An audio/video player (QtMultimedia) when it can load here, else None."""
    try:
        from casefile.ui.media import media_player
    except ImportError:
        return None
    return media_player(parent)
