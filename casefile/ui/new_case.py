"""新建案件: a short form for a new case, its fields following the case type.

A courier case asks for the waybill, the carrier, sender and recipient and the insurance; the
other types for the product and the purchase. The channel is chosen (a walk-in at the counter
has its own desk, which always prints a receipt); here a receipt is made only when asked for.

The fields are the record's own declarations (casefile.core.record.fields), the ones the
command line's ``casefile new`` takes, and the case is built and checked by the same core
function (:func:`casefile.core.record.fields.new_case`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from casefile.core import zone
from casefile.core.bundle import BundleOptions, BundleResult, Venue
from casefile.core.errors import InvalidValueError
from casefile.core.library import Library
from casefile.core.model import Case, CaseType, Channel, Priority, Side, side_of
from casefile.core.progress import CancelToken, Progress
from casefile.core.record.fields import BY_PATH, GROUPS, Changes, FieldError, Form, new_case
from casefile.core.settings import Settings
from casefile.ui import times
from casefile.ui.context import AppContext, show_error
from casefile.ui.dates_warning import DatesWarning
from casefile.ui.i18n import fill, translated
from casefile.ui.overview import FieldInput, _widget_for
from casefile.ui.printing import print_pdf
from casefile.ui.tasks import Task

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)

ERROR_STYLE = "color: #b00020"

# The record's paths each part of the form asks for.
CASE_FIELDS = ("title", "type", "channel", "channel_ref", "complained_at", "priority")
# 我方身份 last: left empty, it is presumed from the organisation in Settings and the parties, or asked for.
PARTY_FIELDS = ("complainant.name", "complainant.phone", "respondent.name", "our_side")
COURIER_FIELDS = (
    "shipment.waybill_no",
    "courier.name",
    "shipment.sender.name",
    "shipment.recipient.name",
    "shipment.insured",
    "shipment.insured_value",
    "shipment.declared_value",
)
PURCHASE_FIELDS = (
    "transaction.product",
    "transaction.platform",
    "transaction.order_no",
    "transaction.amount",
    "transaction.purchased_at",
)
FACT_FIELDS = ("facts",)


def fields_for(case_type: CaseType) -> tuple[str, ...]:
    """The paths the form asks for a case of ``case_type`` (beyond the case and its parties)."""
    return COURIER_FIELDS if case_type is CaseType.LOGISTICS else PURCHASE_FIELDS


def _creation(
    library: Library, settings: Settings, changes: Changes, receipt: bool, token: CancelToken
) -> Iterator[Progress | str | BundleResult]:
    """Create the case (and its receipt when asked); runs on the task thread."""
    complained = next((v for s, v in changes.values if s.path == "complained_at"), None)
    at = complained if isinstance(complained, datetime) else zone.now()
    case = new_case(changes, at)
    if case.our_side is None:  # not said: the record and the organisation's details may tell (a merchant's claim)
        case.our_side = side_of(case, settings.org_name, settings.org_credit_code)
    number = library.create_case(case).number
    yield number
    if receipt:
        from casefile.core.bundle import build_bundle  # what makes PDFs, loaded when one is made

        options = BundleOptions(Venue.RECEIPT, layout="a5", force=True)
        yield from build_bundle(library, number, options, settings, cancel=token)


class NewCaseDialog(QDialog):
    """Create a case from a short form. After ``exec()`` returns Accepted, ``number`` is the new case's."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.number: str | None = None
        self.receipt: Path | None = None
        self.task: Task | None = None
        # Replaced in tests so that no print dialog opens.
        self.open_pdf: Callable[[Path], bool] = lambda path: print_pdf(path, self)
        self.inputs: dict[str, FieldInput] = {}
        self.setWindowTitle(self.tr("New case"))

        self.case_box = self._group(GROUPS["case"], CASE_FIELDS)
        self.party_box = self._group(GROUPS["complainant"], PARTY_FIELDS)
        self.courier_box = self._group(GROUPS["shipment"], COURIER_FIELDS)
        self.purchase_box = self._group(GROUPS["purchase"], PURCHASE_FIELDS)
        # Under the purchase time: what it contradicts (a complaint before it), said as it is typed.
        self.dates_warning = DatesWarning(self.purchase_box)
        purchase_form = self.purchase_box.layout()
        assert isinstance(purchase_form, QFormLayout)
        purchase_form.addRow(self.dates_warning)
        self.facts_box = self._group(GROUPS["case"], FACT_FIELDS)
        self.party_box.setTitle(self.tr("Parties"))
        self.facts_box.setTitle(self.tr("What happened"))
        # Labels that say whose name it is, where the declaration's own label says only "Name".
        for path, text in (
            ("complainant.name", self.tr("Complainant")),
            ("complainant.phone", self.tr("Complainant's phone")),
            ("respondent.name", self.tr("Respondent (business)")),
            ("courier.name", self.tr("Carrier (express company)")),
            ("shipment.sender.name", self.tr("Sender")),
            ("shipment.recipient.name", self.tr("Recipient")),
        ):
            self.inputs[path].label.setText(text)
        type_combo, channel_combo = self.widget("type"), self.widget("channel")
        assert isinstance(type_combo, QComboBox) and isinstance(channel_combo, QComboBox)
        self.type_combo: QComboBox = type_combo
        self.channel_combo: QComboBox = channel_combo
        self.title_edit = self.widget("title")
        self.channel_combo.setCurrentIndex(max(0, self.channel_combo.findData(Channel.PHONE.value)))
        choose_priority = self.widget("priority")
        assert isinstance(choose_priority, QComboBox)
        choose_priority.setCurrentIndex(max(0, choose_priority.findData(Priority.NORMAL.value)))
        when = self.widget("complained_at")
        assert isinstance(when, QDateTimeEdit)
        times.put(when)
        when.setMaximumDateTime(times.qt_time().addSecs(600))
        # The response promise runs from the complaint time: a complaint entered late may be past it already.
        # Said under both columns, as wide as the dialog: in the case's column it was wrapped into more lines
        # than the column made room for, and its first and last lines were cut off.
        self.due_label = QLabel(self)
        self.due_label.setWordWrap(True)
        side_combo = self.widget("our_side")
        assert isinstance(side_combo, QComboBox)
        self.side_combo: QComboBox = side_combo
        self.side_combo.setItemText(
            max(0, self.side_combo.findData("")), self.tr("Presumed from the organisation in Settings")
        )
        # Its choices are long sentences: the column keeps its width, the list opens as wide as they are.
        self.side_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.side_combo.setMinimumContentsLength(12)
        self.side_combo.view().setMinimumWidth(self.side_combo.view().sizeHintForColumn(0) + 24)
        self.side_combo.setToolTip(
            self.tr(
                "Whose side we are on: complained to (a store, customer service: the response promise runs), or the "
                "complainant (a merchant's own claim, a law firm acting for its client: no response promise). Left "
                "as presumed, it follows the organisation in Settings and the parties; when they do not tell, you "
                "are asked."
            )
        )
        when.dateTimeChanged.connect(self.update_due)
        when.dateTimeChanged.connect(self.check_dates)
        purchased = self.widget("transaction.purchased_at")
        assert isinstance(purchased, QLineEdit)
        purchased.editingFinished.connect(self.check_dates)
        # Tab (and Return) go from the purchase time to the box that keeps it, then on through the purchase.
        QWidget.setTabOrder(purchased, self.dates_warning.confirm)
        choose_priority.currentIndexChanged.connect(self.update_due)
        self.side_combo.currentIndexChanged.connect(self.update_due)
        for path in ("complainant.name", "respondent.name"):  # who the parties are tells a presumed side
            name = self.widget(path)
            if isinstance(name, QLineEdit):
                name.textChanged.connect(self.update_due)
        self.update_due()

        self.receipt_check = QCheckBox(self.tr("Make a receipt for the complainant and print it"), self)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(self)
        self.create_button = self.buttons.addButton(self.tr("Create case"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setDefault(True)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.create_case)
        self.buttons.rejected.connect(self.reject)

        # Two columns, so the form fits a 1024×700 screen: the case and its parties; what the type asks.
        left, right = QVBoxLayout(), QVBoxLayout()
        for box in (self.case_box, self.party_box):
            left.addWidget(box)
        for box in (self.courier_box, self.purchase_box, self.facts_box):
            right.addWidget(box)
        left.addStretch(1)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.due_label)
        layout.addWidget(self.receipt_check)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.type_combo.currentIndexChanged.connect(self.follow_type)
        self.follow_type()
        self.title_edit.setFocus()
        self.setMinimumWidth(760)
        # Ctrl+S creates the case, as it saves elsewhere (Ctrl+Return too).
        self.save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        self.save_shortcut.activated.connect(self.create_case)
        self._blank = self._typed()  # the form as it opened: what differs from it was typed

    def update_due(self) -> None:
        """When the complainant must be answered by: the promise runs from the complaint, not from this entry."""
        when, priority = self.widget("complained_at"), self.widget("priority")
        assert isinstance(when, QDateTimeEdit) and isinstance(priority, QComboBox)
        hours = Priority(priority.currentData()).response_hours
        due = times.taken(when) + timedelta(hours=hours)
        if self.our_side() is Side.COMPLAINANT:
            self.due_label.setText(self.tr("We are the complainant: no response promise of ours runs"))
            self.due_label.setStyleSheet("")
        elif due <= zone.now():
            self.due_label.setText(times.promise_ran_out(due, hours))
            self.due_label.setStyleSheet(ERROR_STYLE)
        else:
            self.due_label.setText(fill(self.tr("Reply by %1 (within %2 h of the complaint)"), times.text(due), hours))
            self.due_label.setStyleSheet("")

    def dates_typed(self) -> Case | None:
        """A case holding the dates typed so far (None while one cannot be read: said when creating)."""
        when = self.widget("complained_at")
        assert isinstance(when, QDateTimeEdit)
        case = Case(number="", title="", complained_at=times.taken(when), channel=Channel.PHONE, type=self.case_type())
        if self.case_type() is not CaseType.LOGISTICS:
            item = self.inputs["transaction.purchased_at"]
            try:
                case.transaction.purchased_at = item.value() if item.raw().strip() else None
            except InvalidValueError:
                return None
        return case

    def check_dates(self) -> list[str]:
        """Say, next to the dates, which of them cannot all be true (the 概况 tab's check and words)."""
        return self.dates_warning.check(self.dates_typed())

    def our_side(self) -> Side | None:
        """Our side in the case the form would create: the one chosen, or, left to be presumed, the one creating it
        presumes (side_of over its parties and the organisation in Settings: a law firm is the complainant's side)."""
        chosen = self.side_combo.currentData()
        if chosen:
            return Side(chosen)
        try:
            case = new_case(self.changes(), zone.now())
        except (FieldError, InvalidValueError):  # half typed: the parties as typed so far tell
            case = Case(number="", title="", complained_at=zone.now(), channel=Channel.PHONE, type=self.case_type())
            case.complainant.name = self.inputs["complainant.name"].raw().strip()
            case.respondent.name = self.inputs["respondent.name"].raw().strip()
        settings = self.ctx.settings
        return side_of(case, settings.org_name, settings.org_credit_code)

    def _typed(self) -> dict[str, str]:
        return {path: item.raw() for path, item in self.inputs.items()} | {
            "receipt": str(self.receipt_check.isChecked())
        }

    def typed_anything(self) -> bool:
        """Whether anything was typed or chosen since the form opened."""
        return self._typed() != self._blank

    def confirm_discard(self) -> bool:
        """Ask before throwing away what was typed; keeping on typing is the default (Enter, Esc)."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.windowTitle(),
            self.tr("Discard this case? Nothing has been created."),
            parent=self,
        )
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep typing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        self.discard_box = box
        box.exec()
        return box.clickedButton() is discard

    def reject(self) -> None:
        if self.task is not None:  # being created: the dialog closes once it is
            return
        if self.number is None and self.typed_anything() and not self.confirm_discard():
            return
        super().reject()

    def _group(self, title: object, paths: tuple[str, ...]) -> QGroupBox:
        box = QGroupBox(translated(title), self)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for path in paths:
            spec = BY_PATH[path]
            widget = _widget_for(spec, box)
            if path == "facts":
                assert isinstance(widget, QPlainTextEdit)
                widget.setPlaceholderText(self.tr("When, where, who, what happened"))
                widget.setMinimumHeight(self.fontMetrics().lineSpacing() * 3 + 12)
            label = QLabel(translated(spec.label), box)
            label.setBuddy(widget)
            form.addRow(label, widget)
            self.inputs[path] = FieldInput(spec, widget, label)
        return box

    def widget(self, path: str) -> QWidget:
        return self.inputs[path].widget

    def case_type(self) -> CaseType:
        return CaseType(self.type_combo.currentData())

    def follow_type(self) -> None:
        """Show the part of the form the case type asks for."""
        courier = self.case_type() is CaseType.LOGISTICS
        self.courier_box.setVisible(courier)
        self.purchase_box.setVisible(not courier)
        self.check_dates()
        self.adjustSize()

    def asked(self) -> list[str]:
        """The paths the form asks for now, in order."""
        return [*CASE_FIELDS, *PARTY_FIELDS, *fields_for(self.case_type()), *FACT_FIELDS]

    def changes(self) -> Changes:
        """The fields typed, checked one by one; raises FieldError naming the field."""
        changes = Changes()
        for path in self.asked():
            item = self.inputs[path]
            if not item.raw().strip() and item.spec.form is not Form.CHOICE and not item.spec.required:
                continue
            try:
                value = item.value()
            except InvalidValueError as exc:
                raise FieldError(exc.message, path) from None
            changes.set(item.spec, value, item.name)
        return changes

    def show_error(self, path: str, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
        item = self.inputs.get(path)
        if item is not None:
            item.widget.setFocus()
            if isinstance(item.widget, QLineEdit):
                item.widget.selectAll()

    def create_case(self) -> bool:
        """Check the form and create the case (and its receipt when asked); False when nothing started."""
        if self.task is not None:
            return False
        library, settings, receipt = self.ctx.library, self.ctx.settings, self.receipt_check.isChecked()
        try:
            changes = self.changes()
            at = next((v for s, v in changes.values if s.path == "complained_at"), None)
            case = new_case(changes, at if isinstance(at, datetime) else zone.now())
        except FieldError as exc:
            self.show_error(exc.path, translated(exc))
            return False
        except InvalidValueError as exc:
            self.show_error("", translated(exc))
            return False
        self.check_dates()
        if self.dates_warning.stop():  # a date the user has not said is right: not created with it unseen
            self.show_error("", "")
            return False
        if (
            case.our_side is None
            and settings.org_name.strip()
            and side_of(case, settings.org_name, settings.org_credit_code) is None
        ):
            # The organisation is neither party, nor does it employ the complainant's agent: asked, not guessed.
            self.show_error(
                "our_side",
                fill(
                    self.tr(
                        "Whose side are we on? %1 (the organisation in Settings) is neither the complainant nor the "
                        "respondent here: choose our side"
                    ),
                    settings.org_name.strip(),
                ),
            )
            return False
        self.show_error("", "")
        task = Task(lambda token: _creation(library, settings, changes, receipt, token), "new case")
        task.failed.connect(self._failed)
        task.finished.connect(self._finished)  # not a closure over the task: a cycle through Qt, never collected
        self.task = task
        self.setEnabled(False)
        self.ctx.runner.start(task)
        return True

    def _failed(self, error: BaseException) -> None:
        show_error(self, error)

    def _finished(self) -> None:
        task = self.sender()
        self.task = None
        self.setEnabled(True)
        results: list[Any] = task.results if isinstance(task, Task) else []
        number = next((r for r in results if isinstance(r, str)), None)
        if number is None:
            return  # nothing was created; the form stays as typed
        self.number = number
        log.info("case %s created from the new-case form", number)
        self.ctx.events.cases_changed.emit()
        built = next((r for r in results if isinstance(r, BundleResult)), None)
        if built is not None and built.files:
            self.receipt = built.files[0]
            late = [translated(f.message) for f in built.warnings if f.code == "receipt-reply-time-passed"]
            if late:  # made with force: the warning is said here, the receipt still made
                QMessageBox.warning(self, self.windowTitle(), "\n".join(late))
            self.open_pdf(self.receipt)
        elif self.receipt_check.isChecked():
            self.error.setText(fill(self.tr("Case %1 was created, but its receipt was not made."), number))
            self.error.show()
        self.accept()

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        # Return in a one-line field moves on as on a paper form; Ctrl+Return creates the case.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.create_case()
                return
            if not isinstance(self.focusWidget(), QPlainTextEdit | QPushButton):
                self.focusNextChild()
                return
        super().keyPressEvent(event)
