"""What verifying one case or the whole library found: the counts, then the problems alone.

A library of 2,000 intact cases gives one line ("2000 个案件完好"), not 2,000; a case with a
modified or missing file is listed with what is wrong, and double-clicking it opens it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from casefile.core.verify import CaseReport, FileStatus
from casefile.ui.i18n import fill, labelled, translated
from casefile.ui.labels import file_status_name

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QResizeEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

NUMBER_ROLE = Qt.ItemDataRole.UserRole
ROW_GAP = 4  # pixels added to each row


class _WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their text wrapped to the width the view gives them, so that a long problem
    is read whole in the list (not cut at the dialog's edge); the text is drawn wrapped the same way
    (the view's word wrap: at word boundaries, or anywhere in a long path or a run of Chinese)."""

    def __init__(self, view: QTreeWidget) -> None:
        super().__init__(view)
        self.view = view

    def text_width(self, index: QModelIndex | QPersistentModelIndex) -> int:
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        style = self.view.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.view) + 1
        # The first column starts at one indentation (the expand arrow) and one for each level down.
        return max(80, self.view.viewport().width() - self.view.indentation() * (depth + 1) - 2 * margin - 2)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        width = self.text_width(index)
        layout = QTextLayout(opt.text, opt.font)
        text_option = QTextOption()
        text_option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(text_option)
        height = 0.0
        layout.beginLayout()
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            height += line.height()
        layout.endLayout()
        extra = max(0, hint.height() - opt.fontMetrics.height())  # the style's padding above and below
        # A little space between problems, so that where one wrapped problem ends is seen.
        return QSize(width, max(hint.height(), int(height + 0.999) + extra) + ROW_GAP)


class _ProblemList(QTreeWidget):
    """The list of problems, each line wrapped to the list's width and laid out again when it is resized."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.header().setStretchLastSection(True)
        self.setItemDelegate(_WrappingDelegate(self))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()  # the rows' heights follow the new width


class VerifyResultsDialog(QDialog):
    """The result of a verification run; ``case_chosen`` carries the number of a case double-clicked,
    ``repair_requested`` the cases to repair when the user asks for it (offered when repair can help)."""

    case_chosen = Signal(str)
    repair_requested = Signal(list)  # the numbers of the cases that repair can put right

    def __init__(
        self, reports: Sequence[CaseReport], total: int, *, cancelled: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.reports = list(reports)
        self.total = total
        self.cancelled = cancelled
        self.intact = sum(1 for r in self.reports if r.ok)
        self.with_problems = len(self.reports) - self.intact
        self.setWindowTitle(self.tr("Verification results"))

        self.headline = QLabel(self)
        self.headline.setWordWrap(True)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        self.counts = QLabel(self)
        self.counts.setWordWrap(True)
        self.problems = _ProblemList(self)
        self.problems.itemDoubleClicked.connect(self._double_clicked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy = QPushButton(self.tr("Copy the list"), self)
        buttons.addButton(self.copy, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.text()))
        buttons.rejected.connect(self.reject)
        self.repair = QPushButton(self.tr("Repair…"), self)
        self.repair.setToolTip(
            self.tr(
                "Rebuild a damaged record from its custody log, write README.txt again, and record generated "
                "bundles that are missing or altered as lost (an altered one is moved to set-aside/ in the case "
                "folder). Evidence files are never changed. Everything done is recorded in the custody log."
            )
        )
        buttons.addButton(self.repair, QDialogButtonBox.ButtonRole.ActionRole)
        self.repair.setVisible(bool(self.repairable_numbers()))
        self.repair.clicked.connect(self._repair_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.counts)
        layout.addWidget(self.problems, 1)
        layout.addWidget(buttons)
        self._fill()
        self.resize(620, 420 if self._items else 160)

    def _fill(self) -> None:
        done = len(self.reports)
        if self.cancelled:
            self.headline.setText(fill(self.tr("Cancelled after %1 of %2 cases."), done, self.total))
        elif done == 1:
            report = self.reports[0]
            self.headline.setText(
                fill(self.tr("Case %1 is intact."), report.number)
                if report.ok
                else fill(self.tr("Case %1 has problems."), report.number)
            )
        elif self.with_problems == 0:
            self.headline.setText(fill(self.tr("All %1 cases are intact."), done))
        else:
            self.headline.setText(fill(self.tr("%1 of %2 cases have problems."), self.with_problems, done))
        self.counts.setText(fill(self.tr("%1 cases intact, %2 with problems"), self.intact, self.with_problems))

        self._items: list[QTreeWidgetItem] = []
        for report in self.reports:
            if report.ok:
                continue
            item = QTreeWidgetItem([report.number])
            item.setData(0, NUMBER_ROLE, report.number)
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            lines = [
                labelled(file_status_name(f.status), f.path) for f in report.files if f.status is not FileStatus.INTACT
            ]
            lines += [translated(p) for p in report.problems]
            lines += [translated(n) for n in report.notes]
            for line in lines:
                child = QTreeWidgetItem([line])
                child.setData(0, NUMBER_ROLE, report.number)
                child.setToolTip(0, line)
                item.addChild(child)
            self._items.append(item)
        # What could not be done for intact cases (their run not recorded…), once each, with how many.
        notes = Counter(translated(n) for r in self.reports if r.ok for n in r.notes)
        if notes:
            item = QTreeWidgetItem([self.tr("Notes")])
            for note, count in notes.items():
                item.addChild(QTreeWidgetItem([fill(self.tr("%1 (%2 cases)"), note, count) if count > 1 else note]))
            self._items.append(item)
        self.problems.addTopLevelItems(self._items)
        self.problems.expandAll()
        self.problems.setVisible(bool(self._items))

    def problem_numbers(self) -> list[str]:
        return [r.number for r in self.reports if not r.ok]

    def repairable_numbers(self) -> list[str]:
        return [r.number for r in self.reports if r.repairable]

    def _repair_clicked(self) -> None:
        numbers = self.repairable_numbers()
        if numbers:
            self.accept()
            self.repair_requested.emit(numbers)

    def text(self) -> str:
        """The summary and the list as plain text, to paste into a note or a message."""
        lines = [self.headline.text(), self.counts.text()]
        for item in self._items:
            lines.append(item.text(0))
            lines.extend(f"    {child.text(0)}" for j in range(item.childCount()) if (child := item.child(j)))
        return "\n".join(lines)

    def _double_clicked(self, item: QTreeWidgetItem) -> None:
        number = item.data(0, NUMBER_ROLE)
        if number:
            self.case_chosen.emit(str(number))
