"""The bundles made for a case, one row per saved file, newest first (see casefile.core.bundle.history)."""

from __future__ import annotations

from pathlib import Path

from casefile.core.bundle.context import Venue
from casefile.core.bundle.history import FileRole, FileState, MadeFile
from casefile.core.bundle.receipt_history import said
from casefile.core.venues import Route
from casefile.ui import times
from casefile.ui.i18n import bracketed, enumerated, fill, listed
from casefile.ui.keys import tab_leaves
from casefile.ui.labels import route_name, venue_name

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QTableView, QWidget

PATH_ROLE = Qt.ItemDataRole.UserRole + 1  # the file's full path, as text
COLUMNS = 5
PAGES_COLUMN = 3
VENUE_COLUMN = 1
ROUTE_VALUES = frozenset(route.value for route in Route)

_Index = QModelIndex | QPersistentModelIndex


def default_route(venue: str) -> str:
    """The destination a packet for ``venue`` goes to unless another is chosen ("" for one-destination venues)."""
    try:
        default = Venue(venue).default_route
    except ValueError:
        return ""
    return default.value if default is not None else ""


class BundleHistoryModel(QAbstractTableModel):
    """Made at, venue (and destination, paper), file, pages, SHA-256 of each file of each bundle made.

    A file no longer in the case folder, or no longer the one saved, is greyed and says so in its tooltip.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.files: list[MadeFile] = []

    def set_files(self, files: list[MadeFile]) -> None:
        self.beginResetModel()
        self.files = list(files)
        self.endResetModel()

    def retranslate(self) -> None:
        """The app's language changed: the venue names and tooltips read again."""
        if self.files:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.files) - 1, COLUMNS - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.files)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation is not Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = [self.tr("Made at"), self.tr("Venue"), self.tr("File"), self.tr("Pages"), self.tr("SHA-256")]
        return titles[section] if 0 <= section < COLUMNS else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.files):
            return None
        made = self.files[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(made, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(made)
        if role == Qt.ItemDataRole.ForegroundRole and made.state is not FileState.PRESENT:
            return QApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == PAGES_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == PATH_ROLE:
            return str(made.path)
        return None

    def path(self, row: int) -> Path | None:
        return self.files[row].path if 0 <= row < len(self.files) else None

    # ------------------------------------------------------------------ the cells

    def _venue_text(self, made: MadeFile) -> str:
        text = venue_name(made.venue)
        if made.route and made.route != default_route(made.venue):
            text += f" → {route_name(made.route)}"
        if made.layout:
            text = bracketed(text, made.layout)
        return self._edition_text(made, text)

    def _edition_text(self, made: MadeFile, text: str) -> str:
        """A walk-in receipt's ``text`` after its edition (first, so a narrow column still shows it): the first of it,
        a 补打, or a correction and what changed."""
        record = made.bundle
        if record.edition is None:  # not a receipt, or one issued before editions were recorded
            return text
        if record.reissue == "reprint":
            return fill(self.tr("Reprint (补打) of edition %2 — %1"), text, record.edition)
        if record.reissue == "correction":
            return fill(
                self.tr("Edition %2, corrected (更正): %3 — %1"),
                text,
                record.edition,
                enumerated(record.changed) or "—",
            )
        return fill(self.tr("Edition %2 — %1"), text, record.edition)

    def _previous_at(self, made: MadeFile) -> str:
        """When the receipt that ``made``'s receipt reprints or corrects was issued ("" when not listed)."""
        seq = made.bundle.previous
        found = next((m.at for m in self.files if seq is not None and m.bundle.seq == seq), None)
        return times.text(found) if found is not None else ""

    def _edition_tip(self, made: MadeFile) -> str:
        record = made.bundle
        if record.edition is None or record.reissue not in ("reprint", "correction"):
            return ""
        before = self._previous_at(made) or "—"
        if record.reissue == "reprint":
            return fill(
                self.tr("Printed again by %1 at %2 with nothing it prints changed: a 补打 of the receipt issued %3."),
                record.operator,
                times.text(made.at),
                before,
            )
        return fill(
            self.tr(
                "Edition %1, printed by %2 at %3 after the record changed: the receipt issued %4 is void.\nChanged: %5"
            ),
            record.edition,
            record.operator,
            times.text(made.at),
            before,
            # Each change from its old value to its new one (电话：… → …), else what the log names.
            "\n".join(said(c) for c in made.changes) or enumerated(record.changed) or "—",
        )

    def _cell(self, made: MadeFile, column: int) -> str:
        if column == 0:
            return times.text(made.at)
        if column == 1:
            venue = self._venue_text(made)
            if made.role is FileRole.GUIDANCE:
                return fill(self.tr("%1: notes for whoever files it"), venue)
            if made.role is FileRole.COMPONENT:
                return fill(self.tr("%1: online filing, %2"), venue, made.component)
            return venue
        if column == 2:
            return made.name
        if column == 3:
            return "" if made.pages is None else str(made.pages)
        digest = made.sha256
        return digest[:16] + "…" if len(digest) > 16 else digest

    def _tooltip(self, made: MadeFile) -> str:
        exhibits = listed(label for label, _number in made.bundle.exhibits)
        tip = fill(
            self.tr("%1\nMade by %2; exhibits in order: %3\nSHA-256: %4"),
            made.path,
            made.bundle.operator,
            exhibits or "—",
            made.sha256,
        )
        if made.state is FileState.MISSING:
            tip += "\n" + self.tr("The file is no longer in the case folder.")
        elif made.state is FileState.CHANGED:
            tip += "\n" + self.tr("The file in the case folder is not the one saved: its SHA-256 differs.")
        elif made.state is FileState.LOST and made.lost is not None:
            tip += "\n" + fill(
                self.tr("Recorded as lost in the custody log by %1 (entry %2); a new bundle can be made instead."),
                made.lost.operator,
                made.lost.seq,
            )
            if made.lost.set_aside:
                tip += "\n" + fill(self.tr("The altered file was moved to %1."), made.lost.set_aside)
        edition = self._edition_tip(made)
        if edition:
            tip += "\n" + edition
        if made.changes and made.bundle.edition is None:  # a packet made again (a receipt's are said above)
            tip += "\n" + fill(
                self.tr("Changed since the bundle made before for the same venue and destination:\n%1"),
                "\n".join(said(c) for c in made.changes),
            )
        if made.superseded:
            tip += "\n" + self.tr("A later bundle was made for the same venue and destination.")
        return tip


class BundleHistoryView(QTableView):
    """The history's table: whole rows selected, the file name column taking the room left. A bundle is
    opened by double-clicking it, or by Enter on the row selected (``open_requested``, both ways)."""

    open_requested = Signal(QModelIndex)

    def __init__(self, model: BundleHistoryModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        tab_leaves(self)  # Tab leaves the list; the arrow keys move in it
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setVisible(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # The venue (with a receipt's edition and what a correction changed) is as wide as it needs, at most
        # half the table: the file's name keeps room beside it; the tooltip says it all.
        header.setSectionResizeMode(VENUE_COLUMN, QHeaderView.ResizeMode.Interactive)
        model.modelReset.connect(self.fit_venue)
        model.dataChanged.connect(self.fit_venue)
        self.doubleClicked.connect(self.open_requested)

    def fit_venue(self) -> None:
        self.resizeColumnToContents(VENUE_COLUMN)
        widest = max(120, self.viewport().width() // 2)
        if self.columnWidth(VENUE_COLUMN) > widest:
            self.setColumnWidth(VENUE_COLUMN, widest)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.fit_venue()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit(self.currentIndex())
            return
        super().keyPressEvent(event)
