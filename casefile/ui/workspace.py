"""The selected case's workspace: overview, evidence, timeline and bundles, as tabs."""

from __future__ import annotations

import dataclasses
import html
from datetime import datetime
from decimal import Decimal
from typing import Any

from casefile.core.errors import CaseFileError, InvalidValueError
from casefile.core.model import (
    Case,
    CaseType,
    Channel,
    EventKind,
    Party,
    Priority,
    ResponsibleParty,
    Stage,
    TimelineEvent,
    case_from_data,
    case_to_data,
    parse_amount,
)
from casefile.core.validate import normalise_phone
from casefile.ui.context import AppContext, show_error
from casefile.ui.i18n import translated
from casefile.ui.models import priority_name, stage_name, type_name
from casefile.ui.tasks import Task

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

CHANNELS = ["phone", "online", "email", "social", "store"]
# The dynamic property naming the record field an overview editor edits ("respondent.address"): how
# focus_field finds it. An editor opts in with widget.setProperty(FIELD_PROPERTY, "transaction.purchased_at").
FIELD_PROPERTY = "caseField"
RESPONSIBLE = [r.value for r in ResponsibleParty]


def _channel_name(value: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return {
        "phone": QCoreApplication.translate("CaseFile", "Phone"),
        "online": QCoreApplication.translate("CaseFile", "Online chat"),
        "email": QCoreApplication.translate("CaseFile", "Email"),
        "social": QCoreApplication.translate("CaseFile", "Social media"),
        "store": QCoreApplication.translate("CaseFile", "Offline store"),
    }.get(value, value)


def _responsible_name(value: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return {
        "undetermined": QCoreApplication.translate("CaseFile", "Not yet determined"),
        "merchant": QCoreApplication.translate("CaseFile", "Merchant"),
        "courier": QCoreApplication.translate("CaseFile", "Courier"),
        "customer": QCoreApplication.translate("CaseFile", "Customer"),
        "third_party": QCoreApplication.translate("CaseFile", "Third party"),
    }.get(value, value)


class OverviewTab(QWidget):
    """Every registration field, editable; saved explicitly; unsaved edits can be undone."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.number: str | None = None
        self.case: Case | None = None
        self.header = QLabel(self)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title = QLineEdit(self)
        self.case_type = QComboBox(self)
        self.channel = QComboBox(self)
        self.priority = QComboBox(self)
        self.complained_at = QDateTimeEdit(self)
        self.complained_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.complained_at.setCalendarPopup(True)
        self.responsible = QComboBox(self)
        self.rationale = QLineEdit(self)
        self.c_name, self.c_phone, self.c_address, self.c_id = (QLineEdit(self) for _ in range(4))
        self.r_name, self.r_phone, self.r_address, self.r_code, self.r_rep = (QLineEdit(self) for _ in range(5))
        self.order_no, self.platform, self.product, self.amount = (QLineEdit(self) for _ in range(4))
        self.waybill, self.carrier, self.declared = (QLineEdit(self) for _ in range(3))
        self.facts = QPlainTextEdit(self)
        self.facts.setTabChangesFocus(True)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020")
        self.save_button = QPushButton(self)
        self.revert_button = QPushButton(self)
        self.stage_combo = QComboBox(self)
        self.stage_note = QLineEdit(self)
        self.stage_button = QPushButton(self)
        self.stage_log = QListWidget(self)

        self.groups: dict[str, QGroupBox] = {}
        self.labels: dict[str, list[QLabel]] = {}
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.addWidget(self.header)
        for key, rows in (
            (
                "case",
                [
                    self.title,
                    self.case_type,
                    self.channel,
                    self.priority,
                    self.complained_at,
                    self.responsible,
                    self.rationale,
                ],
            ),
            ("complainant", [self.c_name, self.c_phone, self.c_address, self.c_id]),
            ("respondent", [self.r_name, self.r_phone, self.r_address, self.r_code, self.r_rep]),
            (
                "purchase",
                [self.order_no, self.platform, self.product, self.amount, self.waybill, self.carrier, self.declared],
            ),
        ):
            box = QGroupBox(body)
            form = QFormLayout(box)
            labels = []
            for widget in rows:
                label = QLabel(box)
                label.setBuddy(widget)
                form.addRow(label, widget)
                labels.append(label)
            self.groups[key] = box
            self.labels[key] = labels
            column.addWidget(box)
        self.facts_box = QGroupBox(body)
        QVBoxLayout(self.facts_box).addWidget(self.facts)
        column.addWidget(self.facts_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        column.addLayout(buttons)
        self.stage_box = QGroupBox(body)
        stage_layout = QVBoxLayout(self.stage_box)
        stage_row = QHBoxLayout()
        stage_row.addWidget(self.stage_combo)
        stage_row.addWidget(self.stage_note, 1)
        stage_row.addWidget(self.stage_button)
        stage_layout.addLayout(stage_row)
        stage_layout.addWidget(self.stage_log)
        column.addWidget(self.stage_box)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)
        for widget, path in (
            (self.title, "title"),
            (self.case_type, "type"),
            (self.channel, "channel"),
            (self.priority, "priority"),
            (self.complained_at, "complained_at"),
            (self.responsible, "responsible_party"),
            (self.rationale, "responsibility_rationale"),
            (self.c_name, "complainant.name"),
            (self.c_phone, "complainant.phone"),
            (self.c_address, "complainant.address"),
            (self.c_id, "complainant.id_number"),
            (self.r_name, "respondent.name"),
            (self.r_phone, "respondent.phone"),
            (self.r_address, "respondent.address"),
            (self.r_code, "respondent.id_number"),
            (self.r_rep, "respondent.legal_representative"),
            (self.order_no, "transaction.order_no"),
            (self.platform, "transaction.platform"),
            (self.product, "transaction.product"),
            (self.amount, "transaction.amount"),
            (self.waybill, "shipment.waybill_no"),
            (self.carrier, "shipment.carrier"),
            (self.declared, "shipment.declared_value"),
            (self.facts, "facts"),
        ):
            widget.setProperty(FIELD_PROPERTY, path)

        self.save_button.clicked.connect(self.save)
        self.save_button.setShortcut("Ctrl+S")
        self.revert_button.clicked.connect(self.revert)
        self.stage_button.clicked.connect(self.change_stage)
        self.retranslate()
        self.setEnabled(False)

    def retranslate(self) -> None:
        labels = {
            "case": (
                self.tr("Case"),
                [
                    self.tr("Title"),
                    self.tr("Type"),
                    self.tr("Channel"),
                    self.tr("Priority"),
                    self.tr("Complaint time"),
                    self.tr("Responsible party"),
                    self.tr("Rationale"),
                ],
            ),
            "complainant": (
                self.tr("Complainant"),
                [self.tr("Name"), self.tr("Phone"), self.tr("Address"), self.tr("ID number")],
            ),
            "respondent": (
                self.tr("Respondent"),
                [
                    self.tr("Name"),
                    self.tr("Phone"),
                    self.tr("Address"),
                    self.tr("Unified social credit code"),
                    self.tr("Legal representative"),
                ],
            ),
            "purchase": (
                self.tr("Purchase and shipment"),
                [
                    self.tr("Order number"),
                    self.tr("Platform / store"),
                    self.tr("Product"),
                    self.tr("Amount (yuan)"),
                    self.tr("Waybill number"),
                    self.tr("Carrier"),
                    self.tr("Declared value (yuan)"),
                ],
            ),
        }
        for key, (title, rows) in labels.items():
            self.groups[key].setTitle(title)
            for label, text in zip(self.labels[key], rows, strict=True):
                label.setText(text)
        self.facts_box.setTitle(self.tr("Facts"))
        self.save_button.setText(self.tr("Save (Ctrl+S)"))
        self.revert_button.setText(self.tr("Undo unsaved edits"))
        self.stage_box.setTitle(self.tr("Stage"))
        self.stage_note.setPlaceholderText(self.tr("Note for the stage log"))
        self.stage_button.setText(self.tr("Move to this stage"))
        for combo, values, name in (
            (self.case_type, [t.value for t in CaseType], type_name),
            (self.channel, CHANNELS, _channel_name),
            (self.priority, [p.value for p in Priority], priority_name),
            (self.responsible, RESPONSIBLE, _responsible_name),
            (self.stage_combo, [s.value for s in Stage], stage_name),
        ):
            current = combo.currentData()
            combo.clear()
            for value in values:
                combo.addItem(name(value), value)
            if current is not None:
                combo.setCurrentIndex(max(0, combo.findData(current)))
        if self.case is not None:
            self._fill(self.case)

    def editor_for(self, path: str) -> QWidget | None:
        """The editor of the record field ``path`` ("respondent.address"), or of the nearest field holding it
        ("demands.0.amount" → "demands"); None when the overview has none."""
        editors = {w.property(FIELD_PROPERTY): w for w in self.findChildren(QWidget) if w.property(FIELD_PROPERTY)}
        while path:
            if path in editors:
                return editors[path]
            path = path.rpartition(".")[0]
        return None

    def focus_field(self, path: str) -> bool:
        """Scroll to the editor of ``path`` and give it the focus; False when the overview has no editor for it."""
        editor = self.editor_for(path)
        if editor is None:
            return False
        self.scroll_area.ensureWidgetVisible(editor)
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def set_case(self, number: str | None) -> None:
        self.number = number
        self.case = None
        self.error.clear()
        if number is None:
            self.setEnabled(False)
            self.header.clear()
            return
        try:
            self.case = self.ctx.library.load_case(number)
        except CaseFileError as exc:
            show_error(self, exc)
            self.setEnabled(False)
            return
        self.setEnabled(True)
        self._fill(self.case)

    def _fill(self, case: Case) -> None:
        due = case.response_due_at.astimezone().strftime("%Y-%m-%d %H:%M")
        header = f"<b>{case.number}</b>　{stage_name(case.stage.value)}　" + self.tr("reply due %1").replace("%1", due)
        damaged = self.ctx.library.quarantine_message(case.number)
        if damaged is not None:
            warning = self.tr("Damaged: %1 — nothing can be changed until the case verifies again.")
            text = warning.replace("%1", translated(damaged))
            header += "<br><span style='color:#b00020'>" + html.escape(text) + "</span>"
        self.header.setText(header)
        self.title.setText(case.title)
        for combo, value in (
            (self.case_type, case.type.value),
            (self.channel, case.channel.value),
            (self.priority, case.priority.value),
            (self.responsible, case.responsible_party.value),
            (self.stage_combo, case.stage.value),
        ):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.complained_at.setDateTime(QDateTime.fromSecsSinceEpoch(int(case.complained_at.timestamp())))
        self.rationale.setText(case.responsibility_rationale)
        c, r = case.complainant, case.respondent
        for widget, value in (
            (self.c_name, c.name),
            (self.c_phone, c.phone),
            (self.c_address, c.address),
            (self.c_id, c.id_number),
            (self.r_name, r.name),
            (self.r_phone, r.phone),
            (self.r_address, r.address),
            (self.r_code, r.id_number),
            (self.r_rep, r.legal_representative),
            (self.order_no, case.transaction.order_no),
            (self.platform, case.transaction.platform),
            (self.product, case.transaction.product),
            (self.amount, "" if case.transaction.amount is None else str(case.transaction.amount)),
            (self.waybill, case.shipment.waybill_no),
            (self.carrier, case.shipment.carrier),
            (self.declared, "" if case.shipment.declared_value is None else str(case.shipment.declared_value)),
        ):
            widget.setText(value)
        self.facts.setPlainText(case.facts)
        self.stage_log.clear()
        for change in reversed(case.stage_log):
            when = change.at.astimezone().strftime("%Y-%m-%d %H:%M")
            self.stage_log.addItem(f"{when}  {stage_name(change.stage.value)}  {change.operator}  {change.note}")

    def edited(self) -> Case:
        """The case as the form now shows it; raises InvalidValueError naming a bad field."""
        assert self.case is not None
        case = case_from_data(case_to_data(self.case))
        title = self.title.text().strip()
        if not title:
            raise InvalidValueError(self.tr("The title cannot be empty"))
        case.title = title
        case.type = CaseType(self.case_type.currentData())
        case.channel = Channel(self.channel.currentData())
        case.priority = Priority(self.priority.currentData())
        case.responsible_party = ResponsibleParty(self.responsible.currentData())
        case.responsibility_rationale = self.rationale.text().strip()
        case.complained_at = datetime.fromtimestamp(self.complained_at.dateTime().toSecsSinceEpoch()).astimezone()
        case.complainant = _with(
            case.complainant,
            name=self.c_name.text().strip(),
            phone=self._phone(self.c_phone, self.tr("Complainant phone")),
            address=self.c_address.text().strip(),
            id_number=self.c_id.text().strip(),
        )
        case.respondent = _with(
            case.respondent,
            name=self.r_name.text().strip(),
            phone=self._phone(self.r_phone, self.tr("Respondent phone")),
            address=self.r_address.text().strip(),
            id_number=self.r_code.text().strip(),
            legal_representative=self.r_rep.text().strip(),
        )
        case.transaction.order_no = self.order_no.text().strip()
        case.transaction.platform = self.platform.text().strip()
        case.transaction.product = self.product.text().strip()
        case.transaction.amount = self._amount(self.amount, self.tr("Amount"))
        case.shipment.waybill_no = self.waybill.text().strip()
        case.shipment.carrier = self.carrier.text().strip()
        case.shipment.declared_value = self._amount(self.declared, self.tr("Declared value"))
        case.facts = self.facts.toPlainText().strip()
        return case

    def _phone(self, widget: QLineEdit, label: str) -> str:
        text = widget.text().strip()
        if not text:
            return ""
        try:
            return normalise_phone(text)
        except InvalidValueError:
            widget.setFocus()
            raise InvalidValueError(self.tr("%1: not a phone number").replace("%1", label)) from None

    def _amount(self, widget: QLineEdit, label: str) -> Decimal | None:
        text = widget.text().strip()
        if not text:
            return None
        try:
            return parse_amount(text)
        except InvalidValueError:
            widget.setFocus()
            raise InvalidValueError(self.tr("%1: not an amount (e.g. 1299.00)").replace("%1", label)) from None

    def save(self) -> None:
        if self.case is None or self.number is None:
            return
        try:
            changed = self.edited()
        except InvalidValueError as exc:
            self.error.setText(translated(exc))
            return
        self.error.clear()
        number = self.number
        library = self.ctx.library

        def work(_token):  # type: ignore[no-untyped-def]
            with library.edit(number) as writer:
                return writer.update(changed)

        self._run(Task(work, "save case"), number)

    def revert(self) -> None:
        if self.case is not None:
            self.error.clear()
            self._fill(self.case)

    def change_stage(self) -> None:
        if self.number is None:
            return
        stage = Stage(self.stage_combo.currentData())
        note = self.stage_note.text().strip()
        number = self.number
        library = self.ctx.library

        def work(_token):  # type: ignore[no-untyped-def]
            with library.edit(number) as writer:
                writer.set_stage(stage, note)

        self.stage_note.clear()
        self._run(Task(work, "stage"), number)

    def _run(self, task: Task, number: str) -> None:
        task.failed.connect(lambda error: show_error(self, error))
        task.succeeded.connect(lambda _r: self.ctx.events.case_changed.emit(number))
        self.ctx.runner.start(task)


def _with(party: Party, **fields: Any) -> Party:
    return dataclasses.replace(party, **fields)


class TimelineTab(QWidget):
    """Events in time order; a new one in a few keystrokes; double-click opens the cited exhibit."""

    open_exhibit = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.number: str | None = None
        self.list = QListWidget(self)
        self.at = QDateTimeEdit(self)
        self.at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.kind = QComboBox(self)
        self.summary = QLineEdit(self)
        self.refs = QLineEdit(self)
        self.add_button = QPushButton(self)
        row = QHBoxLayout()
        for widget in (self.at, self.kind):
            row.addWidget(widget)
        row.addWidget(self.summary, 3)
        row.addWidget(self.refs, 1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(row)
        self.list.itemActivated.connect(self._activated)
        self.summary.returnPressed.connect(self.add)
        self.refs.returnPressed.connect(self.add)
        self.add_button.clicked.connect(self.add)
        self.retranslate()
        self.setEnabled(False)

    def retranslate(self) -> None:
        from PySide6.QtCore import QCoreApplication

        names = {
            "call": QCoreApplication.translate("CaseFile", "Call"),
            "chat": QCoreApplication.translate("CaseFile", "Chat"),
            "visit": QCoreApplication.translate("CaseFile", "Visit"),
            "email": QCoreApplication.translate("CaseFile", "Email"),
            "proposal": QCoreApplication.translate("CaseFile", "Proposal"),
            "confirmation": QCoreApplication.translate("CaseFile", "Confirmation"),
            "note": QCoreApplication.translate("CaseFile", "Note"),
            "other": QCoreApplication.translate("CaseFile", "Other"),
        }
        self.kind_names = names
        current = self.kind.currentData()
        self.kind.clear()
        for kind in EventKind:
            self.kind.addItem(names[kind.value], kind.value)
        self.kind.setCurrentIndex(max(0, self.kind.findData(current or "call")))
        self.summary.setPlaceholderText(self.tr("What happened (Enter adds it)"))
        self.refs.setPlaceholderText(self.tr("Exhibits, e.g. 1,3"))
        self.add_button.setText(self.tr("Add event"))
        if self.number:
            self.set_case(self.number)

    def set_case(self, number: str | None) -> None:
        self.number = number
        self.list.clear()
        self.setEnabled(number is not None)
        self.at.setDateTime(QDateTime.currentDateTime())
        if number is None:
            return
        try:
            case = self.ctx.library.load_case(number)
        except CaseFileError as exc:
            show_error(self, exc)
            return
        exhibit = self.tr("exhibit %1")
        for event in case.timeline:
            when = event.at.astimezone().strftime("%Y-%m-%d %H:%M")
            refs = "、".join(exhibit.replace("%1", str(n)) for n in event.evidence)
            kind = self.kind_names.get(event.kind.value, event.kind.value)
            item = QListWidgetItem(f"{when}  [{kind}]  {event.summary}" + (f"  ({refs})" if refs else ""))
            item.setData(Qt.ItemDataRole.UserRole, list(event.evidence))
            if event.evidence:
                item.setToolTip(self.tr("Double-click to open the exhibit"))
            self.list.addItem(item)

    def _activated(self, item: QListWidgetItem) -> None:
        cited = item.data(Qt.ItemDataRole.UserRole) or []
        if cited:
            self.open_exhibit.emit(int(cited[0]))

    def add(self) -> None:
        if self.number is None or not self.summary.text().strip():
            return
        try:
            refs = [int(n) for n in self.refs.text().replace("，", ",").split(",") if n.strip()]
        except ValueError:
            show_error(self, InvalidValueError(self.tr("Exhibits: write numbers separated by commas")))
            return
        at = datetime.fromtimestamp(self.at.dateTime().toSecsSinceEpoch()).astimezone()
        event = TimelineEvent(
            at=at, kind=EventKind(self.kind.currentData()), summary=self.summary.text().strip(), evidence=refs
        )
        number = self.number
        library = self.ctx.library

        def work(_token):  # type: ignore[no-untyped-def]
            with library.edit(number) as writer:
                writer.add_event(event)

        task = Task(work, "event")
        task.failed.connect(lambda error: show_error(self, error))

        def done(_result: object) -> None:
            self.summary.clear()
            self.refs.clear()
            self.ctx.events.case_changed.emit(number)

        task.succeeded.connect(done)
        self.ctx.runner.start(task)


class Workspace(QTabWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from casefile.ui.bundles_tab import BundlesTab
        from casefile.ui.evidence_tab import EvidenceTab

        self.ctx = ctx
        self.number: str | None = None
        self.overview = OverviewTab(ctx, self)
        self.evidence = EvidenceTab(ctx, self)
        self.timeline = TimelineTab(ctx, self)
        self.bundles = BundlesTab(ctx, self)
        for tab in (self.overview, self.evidence, self.timeline, self.bundles):
            self.addTab(tab, "")
        self.timeline.open_exhibit.connect(self.show_exhibit)
        self.bundles.field_requested.connect(self.show_field)
        self.retranslate()

    def tabs(self) -> list[QWidget]:
        return [self.overview, self.evidence, self.timeline, self.bundles]

    def retranslate(self) -> None:
        for index, text in enumerate(
            (self.tr("Overview"), self.tr("Evidence"), self.tr("Timeline"), self.tr("Bundles"))
        ):
            self.setTabText(index, text)
        for tab in self.tabs():
            tab.retranslate()  # type: ignore[attr-defined]

    def show_exhibit(self, exhibit_no: int) -> None:
        self.setCurrentWidget(self.evidence)
        self.evidence.select_exhibit(exhibit_no)

    def show_field(self, path: str) -> None:
        """Show where the record field ``path`` is edited: exhibits in the evidence tab, the rest in the overview."""
        head, _dot, rest = path.partition(".")
        number = rest.partition(".")[0]
        if head == "exhibits" and number.isdigit():
            self.show_exhibit(int(number))
        elif self.overview.editor_for(path) is not None:
            self.setCurrentWidget(self.overview)
            self.overview.focus_field(path)

    def set_case(self, number: str | None) -> None:
        self.number = number
        for tab in self.tabs():
            tab.set_case(number)  # type: ignore[attr-defined]
