"""The 概况 tab: every field of the case record, grouped, editable, saved explicitly.

The fields come from casefile.core.record.fields, the same declarations the command line
uses: what can be typed, how it is checked and what it is called. A value that cannot be
taken is refused with the field named and the input left as typed; a field not touched is
never re-read, so opening and saving a case changes nothing that was not edited.
"""

from __future__ import annotations

import copy
import html
import logging
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from casefile.core.errors import CaseFileError, ConflictError, DamagedCaseError, InvalidValueError, Message
from casefile.core.model import (
    Case,
    Demand,
    DemandType,
    ExhibitList,
    PartyKind,
    ResponsibleParty,
    Stage,
    parse_amount,
)
from casefile.core.record.fields import (
    BY_PATH,
    GROUPS,
    ID_LABELS,
    OPTIONAL_PARTIES,
    PARTY_ROLES,
    Changes,
    FieldError,
    FieldSpec,
    Form,
    apply,
    check_changes,
    demand_name,
    field_name,
)
from casefile.core.record.merge import changed_paths
from casefile.core.record.roles import organisation_party
from casefile.core.record.timeline import entered_later
from casefile.core.workflow.stages import skipped
from casefile.ui import times
from casefile.ui.context import AppContext, case_shown, show_error
from casefile.ui.handling import ClosingDialog
from casefile.ui.i18n import enumerated, fill, translated
from casefile.ui.keys import follow_focus, tab_leaves
from casefile.ui.labels import ENUM_NAMES, demand_type_name, side_name, stage_name
from casefile.ui.tasks import Task
from casefile.ui.wrapping import wrap_rows

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItemModel, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)

CHANNELS = ["phone", "online", "email", "social", "store"]
RESPONSIBLE = [r.value for r in ResponsibleParty]
PERSON_ONLY = {"gender", "birth_date", "ethnicity", "occupation", "employer"}
ORGANISATION_ONLY = {"legal_representative", "representative_title"}


def _raw(value: Any) -> str:
    """A stored value as the form shows it (the empty text for "not entered")."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return times.text(value)
    if hasattr(value, "value") and isinstance(value.value, str):  # an enum
        return str(value.value)
    return str(value)


class FieldInput:
    """One field of the form: its widget, its label, and the text it showed when the case was filled in."""

    def __init__(self, spec: FieldSpec, widget: QWidget, label: QLabel) -> None:
        self.spec = spec
        self.widget = widget
        self.label = label
        self.filled = ""
        self.name: Message = field_name(spec)

    def raw(self) -> str:
        w = self.widget
        if isinstance(w, QComboBox):
            return str(w.currentData() if w.currentData() is not None else w.currentText())
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText()
        if isinstance(w, QDateTimeEdit):
            return str(w.dateTime().toSecsSinceEpoch())
        assert isinstance(w, QLineEdit)
        return w.text()

    def show(self, value: Any) -> None:
        w = self.widget
        if isinstance(w, QDateTimeEdit):
            assert isinstance(value, datetime)
            times.put(w, value)
        else:
            raw = _raw(value)
            if isinstance(w, QComboBox):
                index = w.findData(raw)
                if index < 0:  # a value this version has no name for (or typed elsewhere): shown as it is
                    w.addItem(raw, raw)
                    index = w.count() - 1
                w.setCurrentIndex(index)
            elif isinstance(w, QPlainTextEdit):
                w.setPlainText(raw)
            else:
                assert isinstance(w, QLineEdit)
                w.setText(raw)
                w.setCursorPosition(0)
        self.filled = self.raw()

    def type_again(self, raw: str) -> None:
        """Put back what was typed (``raw`` as :meth:`raw` gave it), leaving the value it was filled with."""
        w = self.widget
        if isinstance(w, QComboBox):
            index = w.findData(raw)
            if index < 0:
                w.addItem(raw, raw)
                index = w.count() - 1
            w.setCurrentIndex(index)
        elif isinstance(w, QPlainTextEdit):
            w.setPlainText(raw)
        elif isinstance(w, QDateTimeEdit):
            w.setDateTime(QDateTime.fromSecsSinceEpoch(int(raw), times.qt_zone()))
        else:
            assert isinstance(w, QLineEdit)
            w.setText(raw)
            w.setCursorPosition(0)

    def caret(self) -> tuple[int, int, int]:
        """Where the cursor is in a text field (its anchor and position) and how far it is scrolled, to put it
        back with :meth:`put_caret` once the text is typed again; nothing for the other widgets."""
        w = self.widget
        if isinstance(w, QLineEdit):
            start = w.selectionStart()
            position = w.cursorPosition()
            if start < 0:
                return position, position, 0
            end = start + len(w.selectedText())
            return (end if position == start else start), position, 0
        if isinstance(w, QPlainTextEdit):
            cursor = w.textCursor()
            return cursor.anchor(), cursor.position(), w.verticalScrollBar().value()
        return -1, -1, 0

    def put_caret(self, caret: tuple[int, int, int]) -> None:
        anchor, position, scrolled = caret
        w = self.widget
        if position < 0:
            return
        if isinstance(w, QLineEdit):
            if anchor == position:
                w.setCursorPosition(position)
            else:
                w.setSelection(anchor, position - anchor)
        elif isinstance(w, QPlainTextEdit):
            cursor = w.textCursor()
            end = len(w.toPlainText())
            cursor.setPosition(min(anchor, end))
            cursor.setPosition(min(position, end), QTextCursor.MoveMode.KeepAnchor)
            w.setTextCursor(cursor)
            w.verticalScrollBar().setValue(scrolled)

    def changed(self) -> bool:
        return self.raw() != self.filled

    def value(self) -> Any:
        """The value typed, checked; raises InvalidValueError naming the field."""
        if isinstance(self.widget, QDateTimeEdit):
            return times.taken(self.widget)
        return self.spec.parse(self.raw(), self.name)


def _choice_combo(spec: FieldSpec, parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    # Sized to a few words, not to its longest choice ("Presumed from the organisation in Settings: …"): the form
    # fits a 1024-pixel screen beside the case list; the list that opens shows each choice whole.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(16)
    assert spec.choices is not None
    name = ENUM_NAMES.get(spec.choices, str)
    if spec.optional_choice:
        combo.addItem(QCoreApplication.translate("CaseFile", "Not entered"), "")
    for value in spec.choice_values:
        combo.addItem(name(value), value)
    return combo


def _widget_for(spec: FieldSpec, parent: QWidget) -> QWidget:
    if spec.form is Form.CHOICE:
        return _choice_combo(spec, parent)
    if spec.form is Form.YES_NO:
        combo = QComboBox(parent)
        for text, data in (
            (QCoreApplication.translate("CaseFile", "Not entered"), ""),
            (QCoreApplication.translate("CaseFile", "Yes"), "yes"),
            (QCoreApplication.translate("CaseFile", "No"), "no"),
        ):
            combo.addItem(text, data)
        return combo
    if spec.form is Form.GENDER:
        combo = QComboBox(parent)
        for text, data in (
            (QCoreApplication.translate("CaseFile", "Not entered"), ""),
            (QCoreApplication.translate("CaseFile", "Male (男)"), "男"),
            (QCoreApplication.translate("CaseFile", "Female (女)"), "女"),
        ):
            combo.addItem(text, data)
        return combo
    if spec.path == "complained_at":
        edit = times.zoned(QDateTimeEdit(parent))
        edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        edit.setCalendarPopup(True)
        return edit
    if spec.path == "facts":
        box = QPlainTextEdit(parent)
        box.setTabChangesFocus(True)
        box.setMinimumHeight(90)
        return box
    line = QLineEdit(parent)
    hints = {Form.TIME: "YYYY-MM-DD HH:MM", Form.BIRTH_DATE: "YYYY-MM-DD"}  # an empty field is "not entered"
    if spec.form in hints:
        line.setPlaceholderText(hints[spec.form])
    return line


class FieldGroup(QGroupBox):
    """A titled group of fields in a form layout; a collapsible one opens by itself when it holds something."""

    def __init__(self, key: str, specs: list[FieldSpec], parent: QWidget, *, collapsible: bool = False) -> None:
        super().__init__(parent)
        self.key = key
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # A question of the filing group is a sentence ("Claim the costs of the proceedings … (not entered: yes)"):
        # where label and field do not fit side by side, the field goes under its label, so the form fits a
        # 1024-pixel screen rather than scrolling sideways.
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.toggle: QToolButton | None = None
        self.expanded = True
        if collapsible:
            self.toggle = QToolButton(self)
            self.toggle.setCheckable(True)
            self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            self.toggle.setAutoRaise(True)
            self.toggle.toggled.connect(self.set_expanded)
            self.form.addRow(self.toggle)
            self.expanded = False
        self.inputs: list[FieldInput] = []
        for spec in specs:
            widget = _widget_for(spec, self)
            label = QLabel(self)
            label.setBuddy(widget)
            self.form.addRow(label, widget)
            self.inputs.append(FieldInput(spec, widget, label))
        self.update_rows()

    def retranslate(self) -> None:
        self.setTitle(translated(GROUPS[self.key]))
        for item in self.inputs:
            item.label.setText(translated(item.spec.label))
        self._toggle_text()

    def _toggle_text(self) -> None:
        if self.toggle is not None:
            self.toggle.setText(self.tr("Hide these fields") if self.expanded else self.tr("Show these fields"))
            self.toggle.setArrowType(Qt.ArrowType.DownArrow if self.expanded else Qt.ArrowType.RightArrow)

    def set_expanded(self, on: bool) -> None:
        self.expanded = on
        if self.toggle is not None and self.toggle.isChecked() != on:
            self.toggle.setChecked(on)  # toggled comes back here once, with nothing left to do
        self._toggle_text()
        self.update_rows()

    def shows(self, item: FieldInput) -> bool:
        """Whether the row belongs in the form at all (a party shows the rows of its kind)."""
        return True

    def update_rows(self) -> None:
        for item in self.inputs:
            self.form.setRowVisible(item.widget, self.expanded and self.shows(item))

    def holds_something(self) -> bool:
        return any(item.filled and not item.spec.path.endswith(".kind") for item in self.inputs)

    def input(self, name: str) -> FieldInput | None:
        for item in self.inputs:
            if item.spec.path.rsplit(".", 1)[-1] == name:
                return item
        return None


class PartyGroup(FieldGroup):
    """A party: the rows a person or an organisation has, following the kind chosen."""

    def __init__(self, key: str, path: str, parent: QWidget, *, collapsible: bool = False) -> None:
        specs = [s for p, s in BY_PATH.items() if p.startswith(f"{path}.") and p.count(".") == path.count(".") + 1]
        super().__init__(key, specs, parent, collapsible=collapsible)
        self.path = path
        kind = self.input("kind")
        assert kind is not None and isinstance(kind.widget, QComboBox)
        self.kind_combo = kind.widget
        self.kind_combo.currentIndexChanged.connect(self.follow_kind)

    def kind(self) -> PartyKind:
        combo: QComboBox | None = getattr(self, "kind_combo", None)  # None while the rows are being made
        data = combo.currentData() if combo is not None else None
        return PartyKind(data) if data in ("person", "organisation") else PartyKind.PERSON

    def shows(self, item: FieldInput) -> bool:
        name = item.spec.path.rsplit(".", 1)[-1]
        person = self.kind() is PartyKind.PERSON
        return not ((name in PERSON_ONLY and not person) or (name in ORGANISATION_ONLY and person))

    def follow_kind(self) -> None:
        self.update_rows()
        identity = self.input("id_number")
        if identity is not None:
            identity.name = field_name(identity.spec, ID_LABELS[self.kind()])
            identity.label.setText(translated(ID_LABELS[self.kind()]))
        self._email_hint()

    def _email_hint(self) -> None:
        """What the e-mail field takes (see casefile.core.validate): several addresses; for a business, its own
        mail domain as @domain too."""
        email = self.input("email")
        if email is None or not isinstance(email.widget, QLineEdit):
            return
        email.widget.setPlaceholderText(self.tr("Several addresses separated by “；”"))
        tip = self.tr("Each of this party's e-mail addresses, separated by “；”, e.g. a@example.cn；b@example.cn.")
        if self.kind() is PartyKind.ORGANISATION:
            tip += "\n" + self.tr(
                "A business's own mail domain can be entered as @domain (e.g. @shop.example.cn): every address "
                "at it is then taken as the business's. A public mail service's domain never is."
            )
        email.widget.setToolTip(tip)

    def retranslate(self) -> None:
        super().retranslate()
        self.follow_kind()


class DemandsEditor(QGroupBox):
    """The demands as structured claims: kind, amount, basis (the ground in words) and what is asked."""

    KIND, AMOUNT, BASIS, DESCRIPTION = range(4)
    changed_signal = Signal()  # a row added, removed or typed in, or a kind chosen

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 4, self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        tab_leaves(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.KIND, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.AMOUNT, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.BASIS, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(130)
        self.add_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.add_button.clicked.connect(lambda: self.add_row(Demand()))
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.filled: list[Demand] = []
        model = self.table.model()
        for signal in (model.dataChanged, model.rowsInserted, model.rowsRemoved, model.modelReset):
            signal.connect(self.changed_signal)

    def retranslate(self) -> None:
        self.setTitle(translated(GROUPS["demands"]))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Kind"),
                self.tr("Amount (yuan)"),
                self.tr("Basis (legal or contractual ground)"),
                self.tr("What is asked"),
            ]
        )
        self.add_button.setText(self.tr("Add a demand"))
        self.remove_button.setText(self.tr("Remove the selected demand"))
        for row in range(self.table.rowCount()):
            combo = self.kind_combo(row)
            for i in range(combo.count()):
                combo.setItemText(i, demand_type_name(str(combo.itemData(i))))

    def kind_combo(self, row: int) -> QComboBox:
        combo = self.table.cellWidget(row, self.KIND)
        assert isinstance(combo, QComboBox)
        return combo

    def add_row(self, demand: Demand) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        combo = QComboBox(self.table)
        for kind in DemandType:
            combo.addItem(demand_type_name(kind.value), kind.value)
        combo.setCurrentIndex(max(0, combo.findData(demand.type.value)))
        self.table.setCellWidget(row, self.KIND, combo)
        combo.currentIndexChanged.connect(self.changed_signal)
        self._order_tabs()
        amount = "" if demand.amount is None else str(demand.amount)
        for column, text in ((self.AMOUNT, amount), (self.BASIS, demand.basis), (self.DESCRIPTION, demand.description)):
            self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.setCurrentCell(row, self.AMOUNT)
        return row

    def _order_tabs(self) -> None:
        """Tab goes from the table through each row's kind, then on to the buttons (a kind made later would
        otherwise come last in the window, and Tab from it would jump back to the case list)."""
        previous: QWidget = self.table
        for row in range(self.table.rowCount()):
            combo = self.kind_combo(row)
            QWidget.setTabOrder(previous, combo)
            previous = combo
        QWidget.setTabOrder(previous, self.add_button)
        QWidget.setTabOrder(self.add_button, self.remove_button)

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def set_demands(self, demands: list[Demand]) -> None:
        self.table.setRowCount(0)
        for demand in demands:
            self.add_row(demand)
        self.filled = list(demands)

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def rows(self) -> list[tuple[str, str, str, str]]:
        """The table as typed: kind, amount, basis and what is asked, row by row."""
        return [
            (
                str(self.kind_combo(row).currentData()),
                self._text(row, self.AMOUNT),
                self._text(row, self.BASIS),
                self._text(row, self.DESCRIPTION),
            )
            for row in range(self.table.rowCount())
        ]

    def type_again(self, rows: list[tuple[str, str, str, str]]) -> None:
        """Put back the rows :meth:`rows` gave, leaving the demands the table was filled with."""
        self.table.setRowCount(0)
        for kind, amount, basis, description in rows:
            row = self.add_row(Demand(type=DemandType(kind), basis=basis, description=description))
            self.table.setItem(row, self.AMOUNT, QTableWidgetItem(amount))

    def changed(self) -> bool:
        """Whether the table differs from the demands it was filled with (checks nothing, moves no focus)."""
        if self.table.rowCount() != len(self.filled):
            return True
        for shown, demand in zip(self.rows(), self.filled, strict=True):
            amount = "" if demand.amount is None else str(demand.amount)
            if shown != (demand.type.value, amount.strip(), demand.basis.strip(), demand.description.strip()):
                return True
        return False

    def demands(self) -> list[Demand]:
        """The demands as the table now shows them; raises InvalidValueError naming a bad amount."""
        out = []
        for row in range(self.table.rowCount()):
            amount_text = self._text(row, self.AMOUNT)
            try:
                amount = parse_amount(amount_text, demand_name(row + 1)) if amount_text else None
            except InvalidValueError:
                self.table.setCurrentCell(row, self.AMOUNT)
                self.table.setFocus()
                raise
            demand = Demand(
                type=DemandType(self.kind_combo(row).currentData()),
                amount=amount,
                basis=self._text(row, self.BASIS),
                description=self._text(row, self.DESCRIPTION),
            )
            # A demand whose kind and texts are as filled keeps its stored amount's written form (1299 vs 1299.00).
            if row < len(self.filled) and self.filled[row].amount == amount:
                demand.amount = self.filled[row].amount
            out.append(demand)
        return out


class OverviewTab(QWidget):
    """Every field of the record, editable, grouped; saved explicitly; unsaved edits can be undone.

    Ctrl+S saves wherever the focus is while the tab shows; ``saved`` and ``save_failed`` tell the
    window, which acknowledges it in the status bar.
    """

    saved = Signal(str)  # the case number, after its record was written
    save_failed = Signal(str, str)  # the case number and what went wrong, in the user's words
    stage_moved = Signal(str, str)  # the case number and the stage it entered, once it is written
    typed = Signal()  # a field, or the demands, changed (typed, or filled in): unsaved() may have changed

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.number: str | None = None
        self.case: Case | None = None  # the record as it is now
        # The record the form was filled from: what was typed is a change from it, saved against it, so that
        # what someone else saved meanwhile stays (or is a conflict), never put back silently.
        self.base: Case | None = None
        self.conflict_box: QMessageBox | None = None
        self.closing: ClosingDialog | None = None  # the closing dialog 结案 in the stage box opened, while open
        # The reload asked for last ("Reload the case" after a conflict: the case and the fields changed
        # meanwhile), while its record is read: dropped when another case is shown or the form is filled again.
        self.reloading = 0  # the reads under way
        self._reload: tuple[str, list[str]] | None = None
        self.header = QLabel(self)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.header.setWordWrap(True)

        body = QWidget(self)
        column = QVBoxLayout(body)
        case_paths = ("title", "type", "channel", "priority", "complained_at", "responsible_party")
        case_specs = [BY_PATH[p] for p in (*case_paths, "responsibility_rationale", "channel_ref", "our_side")]
        self.case_group = FieldGroup("case", case_specs, body)
        self.parties = {
            key: PartyGroup(key, path, body, collapsible=path in OPTIONAL_PARTIES) for path, _prefix, key in PARTY_ROLES
        }
        self.agent_group = FieldGroup("agent", _under("agent"), body, collapsible=True)
        self.purchase_group = FieldGroup("purchase", _under("transaction"), body)
        shipment = [s for s in _under("shipment") if s.path != "shipment.carrier"]  # the carrier's name: below
        self.shipment_group = FieldGroup("shipment", shipment, body)
        self.demands = DemandsEditor(body)
        self.facts_group = FieldGroup("case", [BY_PATH["facts"]], body)
        self.filing_group = FieldGroup("filing", _under("filing"), body, collapsible=True)
        self.groups: list[FieldGroup] = [
            self.case_group,
            self.parties["complainant"],
            self.parties["respondent"],
            self.agent_group,
            self.purchase_group,
            self.shipment_group,
            self.parties["carrier"],
            self.parties["claimant"],
            self.parties["sender"],
            self.parties["recipient"],
        ]
        for group in self.groups:
            column.addWidget(group)
        column.addWidget(self.demands)
        column.addWidget(self.facts_group)
        column.addWidget(self.filing_group)
        self.groups.append(self.filing_group)
        self.stage_box = QGroupBox(body)
        self.stage_combo = QComboBox(self)
        # A stage's name is short; sized to it, not to the longest, so the note keeps room at 1024 pixels.
        self.stage_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.stage_combo.setMinimumContentsLength(8)
        self.stage_note = QLineEdit(self)
        # The exhibits that show what happened (the merchant's written reply): the packets cite them.
        self.stage_exhibits = QLineEdit(self)
        self.stage_exhibits.setMaximumWidth(120)
        # When the case really entered the stage (a call last Friday is entered today): now by default.
        self.stage_at = times.zoned(QDateTimeEdit(self))
        self.stage_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.stage_at.setCalendarPopup(True)
        self.stage_at.setDateTime(times.qt_time())
        self.stage_button = QPushButton(self)
        self.stage_log = QListWidget(self)
        self.stage_log.setMinimumHeight(80)
        wrap_rows(self.stage_log)  # a move's note and exhibits are read whole, not cut off at 1024 pixels
        stage_layout = QVBoxLayout(self.stage_box)
        stage_row = QHBoxLayout()
        stage_row.addWidget(self.stage_combo)
        stage_row.addWidget(self.stage_at)
        stage_row.addWidget(self.stage_note, 1)
        stage_row.addWidget(self.stage_exhibits)
        stage_row.addWidget(self.stage_button)
        stage_layout.addLayout(stage_row)
        # Tab walks the row as it is shown: stage, time, note, exhibits, the button.
        for first, then in zip(
            (self.stage_combo, self.stage_at, self.stage_note, self.stage_exhibits),
            (self.stage_at, self.stage_note, self.stage_exhibits, self.stage_button),
            strict=True,
        ):
            QWidget.setTabOrder(first, then)
        stage_layout.addWidget(self.stage_log)
        column.addWidget(self.stage_box)
        column.addStretch(1)
        self.scroller = QScrollArea(self)
        self.scroller.setWidgetResizable(True)
        self.scroller.setWidget(body)
        follow_focus(self.scroller)  # a field reached by Tab is scrolled into sight

        # Save and undo stay in sight below the scrolling form, with the reason a value was refused.
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        self.save_button = QPushButton(self)
        self.revert_button = QPushButton(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.header)
        outer.addWidget(self.scroller, 1)
        # Dates the record holds that cannot all be true (received before bought…): kept, but said, as saved.
        self.dates = QLabel(self)
        self.dates.setObjectName("impossible-dates")
        self.dates.setStyleSheet("color: #8a5a00")
        self.dates.setWordWrap(True)
        self.dates.hide()
        outer.addWidget(self.dates)
        outer.addLayout(buttons)

        self.inputs: dict[str, FieldInput] = {}
        for group in [*self.groups, self.facts_group]:
            for item in group.inputs:
                self.inputs[item.spec.path] = item
        # Shorter names for the fields people use most (and the tests).
        self.title = self._line("title")
        self.case_type = self._combo("type")
        self.channel = self._combo("channel")
        self.priority = self._combo("priority")
        complained = self.inputs["complained_at"].widget
        assert isinstance(complained, QDateTimeEdit)
        self.complained_at = complained
        self.responsible = self._combo("responsible_party")
        self.rationale = self._line("responsibility_rationale")
        self.c_name = self._line("complainant.name")
        self.c_phone = self._line("complainant.phone")
        self.c_address = self._line("complainant.address")
        self.c_id = self._line("complainant.id_number")
        self.r_name = self._line("respondent.name")
        self.r_phone = self._line("respondent.phone")
        self.r_address = self._line("respondent.address")
        self.r_code = self._line("respondent.id_number")
        self.r_rep = self._line("respondent.legal_representative")
        self.amount = self._line("transaction.amount")
        self.insured = self._combo("shipment.insured")
        facts = self.inputs["facts"].widget
        assert isinstance(facts, QPlainTextEdit)
        self.facts = facts

        for item in self.inputs.values():
            widget = item.widget
            if isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self.typed)
            elif isinstance(widget, QDateTimeEdit):
                widget.dateTimeChanged.connect(self.typed)
            elif isinstance(widget, QPlainTextEdit | QLineEdit):
                widget.textChanged.connect(self.typed)
        self.demands.changed_signal.connect(self.typed)
        self.save_button.clicked.connect(lambda: self.save())
        # Not the button's own shortcut: setting the button's text clears it. The tab's, for its whole window.
        self.save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        self.save_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.save_shortcut.activated.connect(lambda: self.save())
        self.revert_button.clicked.connect(self.revert)
        self.stage_button.clicked.connect(self.change_stage)
        self.retranslate()
        self.setEnabled(False)

    def _line(self, path: str) -> QLineEdit:
        widget = self.inputs[path].widget
        assert isinstance(widget, QLineEdit)
        return widget

    def _combo(self, path: str) -> QComboBox:
        widget = self.inputs[path].widget
        assert isinstance(widget, QComboBox)
        return widget

    def retranslate(self) -> None:
        for group in self.groups:
            group.retranslate()
        self.facts_group.retranslate()
        self.facts_group.setTitle(translated(BY_PATH["facts"].label))
        self.facts_group.inputs[0].label.setVisible(False)
        self.demands.retranslate()
        self.save_button.setText(self.tr("Save (Ctrl+S)"))
        self.revert_button.setText(self.tr("Undo unsaved edits"))
        self.stage_box.setTitle(self.tr("Stage"))
        self.stage_note.setPlaceholderText(self.tr("Note"))  # short: the field is narrow at 1024 pixels
        self.stage_note.setToolTip(self.tr("Note for the stage log"))
        self.stage_exhibits.setPlaceholderText(self.tr("Exhibits, e.g. 1,3"))
        self.stage_exhibits.setToolTip(
            self.tr("The exhibits that show what happened (a written reply…): packets cite them as （见证据N）")
        )
        self.stage_at.setToolTip(self.tr("When the case entered this stage (now, or when it really happened)"))
        self.stage_button.setText(self.tr("Move to this stage"))
        self._retranslate_combos()
        self._claimant_hint()
        current = self.stage_combo.currentData()
        self.stage_combo.clear()
        for stage in Stage:
            self.stage_combo.addItem(stage_name(stage.value), stage.value)
        if current is not None:
            self.stage_combo.setCurrentIndex(max(0, self.stage_combo.findData(current)))
        if self.case is not None:
            self._offer_stages(self.case)
        if self.case is not None and not self.unsaved():  # a language switch never drops typed edits
            self._fill(self.case)

    def _retranslate_combos(self) -> None:
        for item in self.inputs.values():
            combo = item.widget
            if not isinstance(combo, QComboBox):
                continue
            spec = item.spec
            for i in range(combo.count()):
                data = str(combo.itemData(i))
                if not data:
                    text = QCoreApplication.translate("CaseFile", "Not entered")
                elif spec.form is Form.YES_NO:
                    text = (
                        QCoreApplication.translate("CaseFile", "Yes")
                        if data == "yes"
                        else QCoreApplication.translate("CaseFile", "No")
                    )
                elif spec.form is Form.GENDER:
                    text = {
                        "男": QCoreApplication.translate("CaseFile", "Male (男)"),
                        "女": QCoreApplication.translate("CaseFile", "Female (女)"),
                    }.get(data, data)
                elif spec.choices is not None:
                    text = ENUM_NAMES.get(spec.choices, str)(data)
                else:
                    continue
                combo.setItemText(i, text)

    def _claimant_hint(self) -> None:
        org = organisation_party(self.ctx.settings)
        name = self.parties["claimant"].input("name")
        assert name is not None and isinstance(name.widget, QLineEdit)
        hint = (
            fill(self.tr("Empty: the organisation in Settings (%1)"), org.name)
            if org.name
            else self.tr("Empty: the organisation in Settings (none entered yet)")
        )
        name.widget.setPlaceholderText(hint)

    def set_case(self, number: str | None, *, refill: bool = False, case: Case | None = None) -> None:
        """Show ``number``; ``case``: its record, already read (None: read it here). The same case shown
        again (a file arrived, the stage moved) keeps edits not yet saved: the form shows the record as it is
        now (the header, the stage log, the fields not typed in) and what was typed is typed again, still
        unsaved (see :meth:`_refill_keeping_edits`)."""
        if number is not None and number == self.number and self.unsaved() and not refill:
            if case is None:
                try:
                    case = self.ctx.library.load_case(number)
                except CaseFileError as exc:
                    show_error(self, exc)
                    return
            said = self.error.text()  # a value refused, a conflict: still so
            if self._refill_keeping_edits(number, case, []):
                self.error.setText(said)
            return
        another = number != self.number
        self._reload = None  # another case, or the form filled again: a reload under way is not shown over it
        self.number = number
        self.case = None
        self.error.clear()
        if number is None:
            self.setEnabled(False)
            self.header.clear()
            return
        self.case = case_shown(self, self.ctx, number, case)
        if self.case is None:
            self.setEnabled(False)
            return
        self.setEnabled(True)
        self._fill(self.case)
        self._show_dates(self.case)
        for group in self.groups:
            if group.toggle is not None and (another or group.holds_something()):
                group.set_expanded(group.holds_something())

    def _show_dates(self, case: Case) -> None:
        """Say which recorded dates contradict each other (casefile.core.workflow.limitation): a packet would print
        both, and the limitation period would count from the earlier."""
        from casefile.core.workflow.limitation import date_contradictions, describe

        found = [translated(describe(c)) for c in date_contradictions(case)]
        self.dates.setText(
            fill(self.tr("Check these dates, one of each pair is likely mistyped: %1"), "；".join(found))
            if found
            else ""
        )
        self.dates.setVisible(bool(found))

    def _fill(self, case: Case) -> None:
        from casefile.ui.handling import header_html

        self.base = case
        header = header_html(case)
        damaged = self.ctx.library.quarantine_message(case.number)
        if damaged is not None:
            text = fill(
                self.tr("Damaged: %1 — nothing can be changed until the case verifies again."), translated(damaged)
            )
            header += "<br><span style='color:#b00020'>" + html.escape(text) + "</span>"
        self.header.setText(header)
        for path, item in self.inputs.items():
            value = item.spec.value_of(case)
            if path == "courier.name" and not value:
                value = case.shipment.carrier  # the carrier known only by the name on the waybill
            if path.endswith(".kind") and value is None:
                value = OPTIONAL_PARTIES.get(path.rsplit(".", 1)[0], PartyKind.PERSON)
            item.show(value)
        self._show_side(case)
        for party in self.parties.values():
            party.follow_kind()
        self.demands.set_demands(case.demands)
        self.stage_combo.setCurrentIndex(max(0, self.stage_combo.findData(case.stage.value)))
        self._offer_stages(case)
        times.put(self.stage_at)
        self.stage_log.clear()
        for change in reversed(case.stage_log):
            when = times.text(change.at)
            line = f"{when}  {stage_name(change.stage.value)}  {change.operator}  {change.note}".rstrip()
            if change.evidence:
                line += "  " + fill(self.tr("(exhibits %1)"), enumerated(map(str, change.evidence)))
            if entered_later(change.at, change.recorded_at):
                line += "  " + fill(self.tr("(recorded %1)"), times.text(change.recorded_at))
            self.stage_log.addItem(line)
        self.typed.emit()  # filled again: what was unsaved may be saved now, even where no field changed

    def _show_side(self, case: Case) -> None:
        """Our side not recorded: its empty choice says the side presumed from the organisation in Settings (按机构
        设置推定), which the clocks follow, until one is chosen and saved."""
        item = self.inputs.get("our_side")
        if item is None or not isinstance(item.widget, QComboBox):
            return
        combo = item.widget
        index = combo.findData("")
        if index < 0:
            return
        side = case.side
        if case.side_presumed and side is not None:
            combo.setItemText(index, fill(self.tr("Presumed from the organisation in Settings: %1"), side_name(side)))
            combo.setToolTip(
                self.tr(
                    "The case does not record whose side we are on: it is presumed from the organisation in "
                    "Settings and the parties. Choose one and save to record it."
                )
            )
        else:
            combo.setItemText(index, QCoreApplication.translate("CaseFile", "Not entered"))
            combo.setToolTip("")

    def _offer_stages(self, case: Case) -> None:
        """The stages a move may go to: 定期复盘 only once the case is closed (spec §5: the periodic review follows
        the closing); 结案 (which opens the closing) only while it is open; a closed case's other stages wait
        for its reopening."""
        closed = case.workflow.closed is not None
        model = self.stage_combo.model()
        for i in range(self.stage_combo.count()):
            stage = Stage(self.stage_combo.itemData(i))
            offered = stage is Stage.REVIEW if closed else stage is not Stage.REVIEW
            item = model.item(i) if isinstance(model, QStandardItemModel) else None
            if item is not None:
                item.setEnabled(offered or stage is case.stage)
        self.stage_button.setEnabled(not closed or case.stage is not Stage.REVIEW)

    def _refuse(self, item: FieldInput | None) -> None:
        if item is not None:
            for group in self.groups:
                if item in group.inputs and not group.expanded:
                    group.set_expanded(True)
            self.scroller.ensureWidgetVisible(item.widget)
            item.widget.setFocus()

    def editor_for(self, path: str) -> QWidget | None:
        """The editor of the record field ``path`` ("respondent.address"), or of the nearest field holding it
        ("demands.0.amount" → the demands table); None when the overview has none."""
        aliases = {other: item for item in self.inputs.values() for other in item.spec.also}
        while path:
            if path in self.inputs:
                return self.inputs[path].widget
            if path in aliases:  # the carrier's name on the waybill is the carrier party's name
                return aliases[path].widget
            if path == "demands":
                return self.demands
            path = path.rpartition(".")[0]
        return None

    def focus_field(self, path: str) -> bool:
        """Unfold, scroll to and focus the editor of ``path``; False when the overview has no editor for it."""
        editor = self.editor_for(path)
        if editor is None:
            return False
        for group in self.groups:
            if any(item.widget is editor for item in group.inputs) and not group.expanded:
                group.set_expanded(True)
        self.scroller.ensureWidgetVisible(editor)
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def edited(self) -> Case:
        """The case the form was filled from, with what was typed since; raises InvalidValueError naming a
        bad field (the input stays)."""
        base = self.base
        assert base is not None
        changes = Changes()
        for item in self.inputs.values():
            if not item.changed():
                continue
            try:
                changes.set(item.spec, item.value(), item.name)
            except InvalidValueError:
                self._refuse(item)
                raise
        try:
            demands = self.demands.demands()
        except InvalidValueError:
            self.scroller.ensureWidgetVisible(self.demands)
            raise
        if self.demands.changed() and demands != base.demands:
            changes.demands = demands
        # The form never changes the exhibits: they are not copied with the rest (thousands of them, deeply).
        shell = copy.copy(base)
        shell.exhibits = ExhibitList()
        changed = apply(shell, changes)
        changed.exhibits = base.exhibits
        try:
            check_changes(base, changed, {path: item.name for path, item in self.inputs.items()})
        except FieldError as exc:
            self._refuse(self.inputs.get(exc.path))
            raise
        return changed

    def unsaved(self) -> bool:
        """Whether the form holds edits not yet saved."""
        if self.case is None:
            return False
        return any(item.changed() for item in self.inputs.values()) or self.demands.changed()

    def save(self, after: Callable[[], None] | None = None) -> bool:
        """Save the edits; ``after`` runs once they are written. False when a value is refused (nothing is
        written, the field is named) or there is no case."""
        if self.case is None or self.number is None:
            return False
        try:
            changed = self.edited()
        except InvalidValueError as exc:
            self.error.setText(translated(exc))
            self.save_failed.emit(self.number, translated(exc))
            return False
        self.error.clear()
        number = self.number
        library = self.ctx.library
        base = self.base

        def work(_token):  # type: ignore[no-untyped-def]
            with library.edit(number) as writer:
                writer.update(changed, base=base)
            try:  # the record saved, read here: a case of thousands of exhibits takes a while to read
                return library.load_case(number)
            except CaseFileError:
                return None  # saved; the form reads it again, and says why it cannot

        task = Task(work, "save case")

        def failed(error: object) -> None:
            self.save_failed.emit(number, translated(error))
            if isinstance(error, ConflictError) and self.number == number:
                self.error.setText(translated(error))
                self.show_conflict(error)
            elif isinstance(error, BaseException):
                show_error(self, error)
                if isinstance(error, DamagedCaseError):
                    # Found damaged meanwhile (on a team library, by another member's CaseFile): the case is
                    # shown again, so its header and the case list say so at once; the edits stay typed in.
                    self.ctx.events.case_changed.emit(number)

        def succeeded(_result: object) -> None:
            self.saved.emit(number)
            if after is not None:
                after()

        task.failed.connect(failed)

        def refill(saved: object) -> None:
            if self.number == number:
                self.set_case(number, refill=True, case=saved if isinstance(saved, Case) else None)

        task.succeeded.connect(refill)
        task.succeeded.connect(lambda _r: self.ctx.events.case_changed.emit(number))
        task.succeeded.connect(succeeded)
        self.ctx.runner.start(task)
        return True

    def show_conflict(self, error: ConflictError) -> None:
        """Say who saved the case meanwhile and which fields both changed; offer to reload it, keeping the
        edits to the other fields in the form. Nothing was written."""
        if self.conflict_box is not None:
            self.conflict_box.deleteLater()
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Changed by someone else"), translated(error), parent=self)
        box.setInformativeText(
            self.tr(
                "Reload the case to see what was saved meanwhile: your edits to the other fields stay in the form, "
                "then make your change again and save."
            )
        )
        reload = box.addButton(self.tr("Reload the case"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Not now"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(reload)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        paths = list(error.paths)
        box.buttonClicked.connect(lambda button: self.reload_keeping_edits(paths) if button is reload else None)
        self.conflict_box = box
        box.open()

    def reload_keeping_edits(self, paths: list[str]) -> None:
        """Show the record as it is now; what was typed in fields other than ``paths`` (the fields someone
        else changed meanwhile) is typed again, to be saved against the record now. The record is read off the
        GUI thread (a case of thousands of exhibits takes a while to read); what is typed meanwhile is kept
        too. The newest reload is shown; none over another case opened, or the form filled again, meanwhile."""
        if self.number is None:
            return
        number = self.number
        library = self.ctx.library
        wanted = (number, list(paths))
        self._reload = wanted

        def read(case: object) -> None:
            if self._reload is wanted and self.number == number and self.ctx.library is library:
                assert isinstance(case, Case)
                if not self._refill_keeping_edits(number, case, wanted[1]):
                    return
                self.error.setText(
                    self.tr(
                        "Reloaded: the fields changed meanwhile show what was saved; your other edits are kept, "
                        "not saved yet."
                    )
                )
                self.ctx.events.case_changed.emit(number)  # the case list and the other tabs show the record now
                for path in wanted[1]:
                    if self.focus_field(path):
                        break

        def failed(error: object) -> None:
            log.info("case %s cannot be read again: %s", number, error)
            if self._reload is wanted and self.number == number and self.ctx.library is library:
                self.set_case(number, refill=True)  # the form reads it and says why it cannot show it

        def finished() -> None:
            self.reloading -= 1

        task = Task(lambda _token: library.load_case(number), f"read case {number} again")
        task.succeeded.connect(read)
        task.failed.connect(failed)
        task.finished.connect(finished)
        self.reloading += 1
        self.ctx.reads.start(task)

    def _refill_keeping_edits(self, number: str, case: Case, paths: list[str]) -> bool:
        """Fill the form from ``case`` (case ``number``'s record as it is now: read again after a conflict over
        ``paths``, or after a change made meanwhile, with ``paths`` empty), typing the edits to the fields
        other than ``paths`` again, the cursor where it was. False when the case cannot be shown.

        What was typed is then saved against the record now, so that nothing saved meanwhile is reported as a
        conflict or undone; but a field typed in that was changed meanwhile too (to something else) keeps the
        edits saved against the record they were typed over, so that saving them is the conflict it is."""

        def touches(item: FieldInput, changed: list[str]) -> bool:
            mine = (item.spec.path, *item.spec.also)
            return any(p == c or p.startswith(c + ".") or c.startswith(p + ".") for p in mine for c in changed)

        base = self.base
        kept = {
            path: (item.raw(), item.caret())
            for path, item in self.inputs.items()
            if item.changed() and not touches(item, paths)
        }
        demands = self.demands.rows() if self.demands.changed() and not any(p == "demands" for p in paths) else None
        self.set_case(number, refill=True, case=case)
        if self.number != number or self.case is None:
            return False
        for path, (raw, caret) in kept.items():
            self.inputs[path].type_again(raw)
            self.inputs[path].put_caret(caret)
        for party in self.parties.values():
            party.follow_kind()
        if demands is not None:
            self.demands.type_again(demands)
        if base is not None and base is not case:
            tops = {p.split(".", 1)[0] for item in self.inputs.values() for p in (item.spec.path, *item.spec.also)}
            meanwhile = changed_paths(base, case, sorted(tops | {"demands"}))
            typed_over = [item for item in self.inputs.values() if item.changed() and touches(item, meanwhile)]
            if typed_over or (self.demands.changed() and "demands" in meanwhile):
                self.base = base
        return True

    def focus_stage(self) -> None:
        """The stage box in sight, its stage ready for the keyboard (案件 → 阶段变更)."""
        self.scroller.ensureWidgetVisible(self.stage_box)
        self.stage_combo.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def revert(self) -> None:
        if self.case is not None:
            self.error.clear()
            self._fill(self.case)

    def change_stage(self) -> None:
        """Move the case to the stage chosen. 结案 opens the closing (result, satisfaction) instead: a case is
        closed one way only. A move over stages the case never went through is asked about, and needs a note."""
        if self.number is None:
            return
        stage = Stage(self.stage_combo.currentData())
        note = self.stage_note.text().strip()
        at = times.taken(self.stage_at)
        try:
            cited = exhibit_numbers(self.stage_exhibits.text())
        except InvalidValueError as exc:
            show_error(self, exc)
            return
        number = self.number
        library = self.ctx.library
        if stage is Stage.CLOSED:
            self.close_case(at, note, cited)
            return
        passed = skipped(self.case, stage) if self.case is not None else []
        if passed:
            if not self._confirm_skip(stage, passed):
                return
            if not note:
                self.stage_note.setFocus()
                show_error(self, InvalidValueError(self.tr("Say in the note why stages are skipped")))
                return

        def work(_token):  # type: ignore[no-untyped-def]
            with library.edit(number) as writer:
                writer.set_stage(stage, note, at=at, evidence=cited, skip=bool(passed))

        task = Task(work, "stage")

        def moved(_result: object) -> None:
            if self.number == number and self.stage_note.text().strip() == note:
                self.stage_note.clear()  # kept while it is written: a move refused keeps its note
                self.stage_exhibits.clear()
            self.stage_moved.emit(number, stage.value)

        task.succeeded.connect(moved)
        self._run(task, number)

    def _confirm_skip(self, stage: Stage, passed: list[Stage]) -> bool:
        """Ask whether the case really goes to ``stage`` without the stages ``passed`` (the stage log notes it)."""
        answer = QMessageBox.question(
            self,
            self.tr("Skip stages"),
            fill(
                self.tr(
                    "The case has not been through %1. Move it to %2 all the same?\n\n"
                    "The stage log will say the stages were skipped; write why in the note."
                ),
                enumerated(stage_name(s.value) for s in passed),
                stage_name(stage.value),
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def close_case(
        self, at: datetime | None = None, note: str = "", evidence: Sequence[int] = ()
    ) -> ClosingDialog | None:
        """结案 chosen in the stage box: the closing dialog (result, satisfaction), as 处理 → 结案 opens it."""
        if self.number is None:
            return None
        number = self.number
        library = self.ctx.library
        dialog = ClosingDialog(self, at=at, note=note, case=self.case, evidence=evidence)

        def accepted() -> None:
            change = dialog.read()

            def work(_token):  # type: ignore[no-untyped-def]
                with library.edit(number) as writer:
                    change(writer)

            task = Task(work, "stage")

            def done(_result: object) -> None:
                dialog.recorded()
                if self.number == number:  # carried into the closing and recorded with it: not cited again
                    self.stage_note.clear()
                    self.stage_exhibits.clear()
                self.stage_moved.emit(number, Stage.CLOSED.value)
                self.ctx.events.case_changed.emit(number)

            task.succeeded.connect(done)
            task.failed.connect(dialog.refused)
            dialog.buttons.setEnabled(False)
            self.ctx.runner.start(task)

        dialog.on_accept = accepted
        dialog.finished.connect(lambda _code: setattr(self, "closing", None))
        self.closing = dialog
        dialog.open()
        return dialog

    def _run(self, task: Task, number: str) -> None:
        task.failed.connect(lambda error: show_error(self, error))
        task.succeeded.connect(lambda _r: self.ctx.events.case_changed.emit(number))
        self.ctx.runner.start(task)


def exhibit_numbers(text: str) -> list[int]:
    """Exhibit numbers typed as 1,3 (or 1，3)."""
    try:
        return [int(n) for n in text.replace("，", ",").split(",") if n.strip()]
    except ValueError:
        raise InvalidValueError(
            QCoreApplication.translate("CaseFile", "Exhibits: write numbers separated by commas")
        ) from None


def _under(container: str) -> list[FieldSpec]:
    return [s for p, s in BY_PATH.items() if p.startswith(f"{container}.") and p.count(".") == 1]
