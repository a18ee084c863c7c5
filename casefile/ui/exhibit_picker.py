"""The bundle wizard's list of exhibits: ticked ones go into the packet, in the case's evidence order.

Each row shows the 证据N the exhibit will have in this packet (counting the ticked rows, and
updated as boxes are ticked), its own number (案卷编号), its evidence group, title and kind.
The rows are the case's exhibits not withdrawn, in the case's one evidence order; a move here
(drag, Alt+Up/Down) is a move in that order, which the owner records (:attr:`reordered`).

A case of thousands of exhibits is thousands of rows: a list not on screen is filled when it is
shown, or when it is read (any method below reads it filled), never on every case opened.
"""

from __future__ import annotations

from casefile.core.model import Case, Exhibit
from casefile.core.numbering import packet_label
from casefile.ui.i18n import bracketed, fill
from casefile.ui.labels import kind_name

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QDropEvent, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

NUMBER_ROLE = Qt.ItemDataRole.UserRole


class ExhibitPicker(QTreeWidget):
    """Exhibits to tick, one row each, in the case's evidence order."""

    PACKET, NUMBER, GROUP, TITLE, KIND = range(5)
    reordered = Signal()  # the rows were dragged into another order
    ticked = Signal()  # a box was ticked or cleared
    filled = Signal()  # the rows were listed, later than asked (the list was hidden): owners count them again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case: Case | None = None
        self._pending: tuple[Case | None, bool] | None = None  # a fill asked for while hidden
        self.setColumnCount(5)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)
        for column, width in ((self.PACKET, 86), (self.NUMBER, 70), (self.GROUP, 150), (self.TITLE, 220)):
            self.setColumnWidth(column, width)
        self.itemChanged.connect(self._item_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setHeaderLabels(
            [
                QCoreApplication.translate("CaseFile", "In packet"),
                QCoreApplication.translate("CaseFile", "File no."),
                QCoreApplication.translate("CaseFile", "Evidence group"),
                QCoreApplication.translate("CaseFile", "Title"),
                QCoreApplication.translate("CaseFile", "Kind"),
            ]
        )
        self.relabel()

    # ------------------------------------------------------------------ contents

    def fill(self, case: Case | None, *, keep: bool) -> None:
        """List ``case``'s exhibits not withdrawn, in its evidence order; ``keep``: keep the ticks already made.

        Ticked at first: what a packet carries by default (redacted copies go in their original's place by
        the destination's policy, so they start unticked; ticking one prints it instead of its original).
        A hidden list is filled when it is shown or read (:meth:`ensure_filled`), then says so (:attr:`filled`).
        """
        if not self.isVisible() and case is not None:
            # Two fills asked for while hidden: the ticks are kept only if both keep them.
            keep = keep and (self._pending is None or self._pending[1])
            self._pending = (case, keep)
            return
        self._pending = None
        self._fill(case, keep=keep)

    @property
    def pending(self) -> bool:
        """Whether a fill waits for the list to be shown (what it shows now is not the case asked for)."""
        return self._pending is not None

    def ensure_filled(self) -> None:
        """Fill the list now if a fill waits for it to be shown."""
        if self._pending is None:
            return
        case, keep = self._pending
        self._pending = None
        self._fill(case, keep=keep)
        self.filled.emit()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        self.ensure_filled()
        super().showEvent(event)

    def _fill(self, case: Case | None, *, keep: bool) -> None:
        rows = [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        previous = {
            int(item.data(self.PACKET, NUMBER_ROLE)): item.checkState(self.PACKET) for item in rows if item is not None
        }
        current = self.current_number()
        self.case = case
        exhibits = [e for e in case.ordered_exhibits() if not e.withdrawn] if case else []
        # Not ItemIsDropEnabled: a row dropped on another goes beside it, never inside it.
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemIsDragEnabled
        )
        items = []
        chosen = None
        for exhibit in exhibits:
            item = QTreeWidgetItem()
            item.setFlags(flags)
            item.setData(self.PACKET, NUMBER_ROLE, exhibit.number)
            default = Qt.CheckState.Checked if exhibit.derived_from is None else Qt.CheckState.Unchecked
            item.setCheckState(self.PACKET, previous.get(exhibit.number, default) if keep else default)
            item.setTextAlignment(self.NUMBER, Qt.AlignmentFlag.AlignCenter)
            items.append(item)
            if exhibit.number == current:
                chosen = item
        self.blockSignals(True)
        self.clear()
        self.addTopLevelItems(items)  # at once: thousands of rows inserted one by one cost as much again
        if chosen is not None:
            self.setCurrentItem(chosen)
        self.blockSignals(False)
        self.relabel()

    def relabel(self) -> None:
        """Every row's texts: 证据N counts the ticked rows from the top."""
        if self.case is None or self._pending is not None:
            return  # the fill waiting labels the rows
        self.blockSignals(True)
        position = 0
        for i in range(self.count()):
            item = self.row_item(i)
            try:
                exhibit = self.case.exhibit(self.number(i))
            except KeyError:
                continue
            ticked = item.checkState(self.PACKET) == Qt.CheckState.Checked
            if ticked:
                position += 1
            item.setText(self.PACKET, packet_label(position) if ticked else "—")
            item.setText(self.NUMBER, str(exhibit.number))
            item.setText(self.GROUP, exhibit.group)
            item.setText(self.TITLE, self._title(exhibit))
            item.setText(self.KIND, kind_name(exhibit.kind.value))
            purpose = exhibit.purpose.strip() or QCoreApplication.translate("CaseFile", "(no proof purpose yet)")
            tip = fill(
                QCoreApplication.translate("CaseFile", "%1, %2 KB\nProof purpose: %3"),
                exhibit.original_name,
                f"{(exhibit.size + 1023) // 1024:,}",
                purpose,
            )
            for column in range(self.columnCount()):
                item.setToolTip(column, tip)
        self.blockSignals(False)

    @staticmethod
    def _title(exhibit: Exhibit) -> str:
        if exhibit.derived_from is None:
            return exhibit.title
        copy = fill(QCoreApplication.translate("CaseFile", "redacted copy of no. %1"), exhibit.derived_from)
        return bracketed(exhibit.title, copy)

    # ------------------------------------------------------------------ reading it

    def count(self) -> int:
        self.ensure_filled()
        return self.topLevelItemCount()

    def row_item(self, row: int) -> QTreeWidgetItem:
        self.ensure_filled()
        item = self.topLevelItem(row)
        if item is None:
            raise IndexError(row)
        return item

    def number(self, row: int) -> int:
        return int(self.row_item(row).data(self.PACKET, NUMBER_ROLE))

    def numbers(self) -> list[int]:
        """Every listed exhibit's number, in list order."""
        return [self.number(i) for i in range(self.count())]

    def chosen(self) -> list[int]:
        """The ticked exhibits' numbers, in list order: 证据1, 证据2…"""
        return [self.number(i) for i in range(self.count()) if self.is_ticked(i)]

    def is_ticked(self, row: int) -> bool:
        return self.row_item(row).checkState(self.PACKET) == Qt.CheckState.Checked

    def set_ticked(self, row: int, on: bool) -> None:
        self.row_item(row).setCheckState(self.PACKET, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def packet_text(self, row: int) -> str:
        return self.row_item(row).text(self.PACKET)

    def current_row(self) -> int:
        self.ensure_filled()
        item = self.currentItem()
        return self.indexOfTopLevelItem(item) if item is not None else -1

    def current_number(self) -> int | None:
        row = self.current_row()
        return self.number(row) if row >= 0 else None

    # ------------------------------------------------------------------ changing it

    def set_current_row(self, row: int) -> None:
        self.ensure_filled()
        item = self.topLevelItem(row)
        if item is not None:
            self.setCurrentItem(item)

    def select_number(self, number: int) -> bool:
        for i in range(self.count()):
            if self.number(i) == number:
                self.set_current_row(i)
                return True
        return False

    def tick_all(self, on: bool) -> None:
        self.blockSignals(True)
        for i in range(self.count()):
            self.set_ticked(i, on)
        self.blockSignals(False)
        self.relabel()

    def move_current(self, delta: int) -> bool:
        """Move the selected row ``delta`` rows (negative: up), keeping it selected; False if it cannot move."""
        row = self.current_row()
        target = row + delta
        if row < 0 or not 0 <= target < self.count():
            return False
        self.blockSignals(True)
        item = self.row_item(row)
        self.takeTopLevelItem(row)
        self.insertTopLevelItem(target, item)
        self.blockSignals(False)
        self.setCurrentItem(item)
        self.relabel()
        return True

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt API
        self.ensure_filled()
        before = self.numbers()
        super().dropEvent(event)
        if self.numbers() != before:
            self.relabel()
            self.reordered.emit()

    def _item_changed(self, _item: QTreeWidgetItem, column: int) -> None:
        if column == self.PACKET:
            self.relabel()
            self.ticked.emit()
