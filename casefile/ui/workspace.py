"""The selected case's workspace: overview, evidence, timeline, handling and bundles, as tabs."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from casefile.core.errors import CaseFileError, InvalidValueError
from casefile.core.library import CaseWriter
from casefile.core.model import EVENT_PARTIES, Case, EventKind, TimelineEvent
from casefile.core.search.query import Hit
from casefile.ui.context import AppContext, case_shown, show_error
from casefile.ui.i18n import fill
from casefile.ui.labels import event_kind_name, event_party_name
from casefile.ui.overview import OverviewTab
from casefile.ui.tasks import Task

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)


class TimelineTab(QWidget):
    """Events in time order; a new one in a few keystrokes; double-click opens the cited exhibit.

    An event is dated when it happened (now by default, never later); who it was with and the number
    they gave it (工单号, 投诉编号, 受理号) are optional, and shown in the list. A mistyped event is
    corrected (修改: it fills the row, 保存修改 records the correction) or taken out with a reason
    (删除); the custody log keeps what it was.
    """

    open_exhibit = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.number: str | None = None
        self.list = QListWidget(self)
        self.at = QDateTimeEdit(self)
        self.at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.at.setCalendarPopup(True)
        self.kind = QComboBox(self)
        self.party = QComboBox(self)
        self.ref = QLineEdit(self)
        self.summary = QLineEdit(self)
        self.decision = QLineEdit(self)
        self.refs = QLineEdit(self)
        self.add_button = QPushButton(self)
        self.edit_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        self.cancel_button = QPushButton(self)
        self.events: list[TimelineEvent] = []
        self.editing: TimelineEvent | None = None  # the event the row is correcting, if any
        # The entry in two rows (when, kind, with whom, their number / what happened, exhibits, add),
        # so the tab fits a 1024-pixel screen beside the case list.
        when = QHBoxLayout()
        for widget in (self.at, self.kind, self.party):
            when.addWidget(widget)
        when.addWidget(self.ref, 1)
        row = QHBoxLayout()
        row.addWidget(self.summary, 3)
        row.addWidget(self.decision, 2)
        row.addWidget(self.refs, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.cancel_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addLayout(when)
        layout.addLayout(row)
        self.list.itemActivated.connect(self._activated)
        for edit in (self.summary, self.decision, self.refs, self.ref):
            edit.returnPressed.connect(self.add)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.cancel_button.clicked.connect(self._stop_editing)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.retranslate()
        self.setEnabled(False)

    def retranslate(self) -> None:
        current = self.kind.currentData()
        self.kind.clear()
        for kind in EventKind:
            self.kind.addItem(event_kind_name(kind.value), kind.value)
        self.kind.setCurrentIndex(max(0, self.kind.findData(current or "call")))
        current = self.party.currentData()
        self.party.clear()
        self.party.addItem(self.tr("With… (not said)"), "")
        for party in EVENT_PARTIES:
            self.party.addItem(event_party_name(party), party)
        self.party.setCurrentIndex(max(0, self.party.findData(current or "")))
        self.party.setToolTip(self.tr("Who it was with: the business, the courier company, an agency…"))
        self.ref.setPlaceholderText(self.tr("Their reference (工单号/受理号)"))
        self.ref.setToolTip(self.tr("The number the other side gave it: ticket, complaint or acceptance number"))
        self.at.setToolTip(self.tr("When it happened (not when it is entered)"))
        self.summary.setPlaceholderText(self.tr("What happened (Enter adds it)"))
        self.decision.setPlaceholderText(self.tr("What was decided or agreed (if anything)"))
        self.refs.setPlaceholderText(self.tr("Exhibits, e.g. 1,3"))
        self.add_button.setText(self.tr("Save correction") if self.editing else self.tr("Add event"))
        self.edit_button.setText(self.tr("Correct…"))
        self.edit_button.setToolTip(self.tr("Put the selected event in the row below to correct it"))
        self.delete_button.setText(self.tr("Remove…"))
        self.delete_button.setToolTip(self.tr("Take the selected event out of the timeline (the custody log keeps it)"))
        self.cancel_button.setText(self.tr("Cancel"))
        if self.number:
            self.set_case(self.number)

    def set_case(self, number: str | None, case: Case | None = None) -> None:
        """Show case ``number``'s events; ``case``: its record, already read (None: read it here)."""
        if number != self.number:
            self._stop_editing()
        self.number = number
        self.list.clear()
        self.events = []
        self.setEnabled(number is not None)
        if self.editing is None:
            self.at.setDateTime(QDateTime.currentDateTime())
        self._update_buttons()
        if number is None:
            return
        case = case_shown(self, self.ctx, number, case)
        if case is None:
            return
        exhibit = self.tr("exhibit %1")
        self.events = list(case.timeline)
        for event in case.timeline:
            when = event.at.astimezone().strftime("%Y-%m-%d %H:%M")
            refs = "、".join(fill(exhibit, n) for n in event.evidence)
            kind = event_kind_name(event.kind.value)
            dealt = [
                *([fill(self.tr("with %1"), event_party_name(event.party))] if event.party else []),
                *([fill(self.tr("ref. %1"), event.ref)] if event.ref else []),
            ]
            text = f"{when}  [{kind}]  " + (f"[{'，'.join(dealt)}]  " if dealt else "") + event.summary
            if event.decision:
                text += "  " + fill(self.tr("Decided: %1"), event.decision)
            text += "  " + fill(self.tr("(%1)"), refs) if refs else ""
            entered = event.recorded_at.astimezone().strftime("%Y-%m-%d %H:%M") if event.recorded_at else when
            if entered != when:  # entered later than it happened: both times are kept
                text += "  " + fill(self.tr("(entered %1)"), entered)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, list(event.evidence))
            if event.evidence:
                item.setToolTip(self.tr("Double-click to open the exhibit"))
            self.list.addItem(item)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = 0 <= self.list.currentRow() < len(self.events)
        self.edit_button.setEnabled(chosen and self.editing is None)
        self.delete_button.setEnabled(chosen and self.editing is None)
        self.cancel_button.setVisible(self.editing is not None)

    def edit_selected(self) -> None:
        """Fill the row with the selected event; the add button then saves the correction."""
        row = self.list.currentRow()
        if not 0 <= row < len(self.events):
            return
        event = self.events[row]
        self.editing = event
        self.at.setDateTime(QDateTime.fromSecsSinceEpoch(int(event.at.timestamp())))
        self.kind.setCurrentIndex(max(0, self.kind.findData(event.kind.value)))
        self.party.setCurrentIndex(max(0, self.party.findData(event.party)))
        self.ref.setText(event.ref)
        self.summary.setText(event.summary)
        self.decision.setText(event.decision)
        self.refs.setText(",".join(str(n) for n in event.evidence))
        self.add_button.setText(self.tr("Save correction"))
        self.summary.setFocus()
        self._update_buttons()

    def _stop_editing(self) -> None:
        self.editing = None
        self.summary.clear()
        self.decision.clear()
        self.refs.clear()
        self.ref.clear()
        self.add_button.setText(self.tr("Add event"))
        self._update_buttons()

    def delete_selected(self) -> None:
        row = self.list.currentRow()
        if self.number is None or not 0 <= row < len(self.events):
            return
        was = self.events[row]
        reason, ok = QInputDialog.getText(
            self, self.tr("Remove event"), self.tr("Why is this event taken out? (the custody log keeps it)")
        )
        if not ok:
            return
        if not reason.strip():
            show_error(self, InvalidValueError(self.tr("Removing an event needs a reason")))
            return
        self._write(lambda writer: writer.remove_event(was, reason.strip()))

    def _write(self, change: Callable[[CaseWriter], None], after: Callable[[], None] | None = None) -> None:
        """Make ``change`` to the case in the background, then refresh."""
        number = self.number
        if number is None:
            return
        library = self.ctx.library

        def work(_token):  # type: ignore[no-untyped-def]
            with library.edit(number) as writer:
                change(writer)

        task = Task(work, "event")
        task.failed.connect(lambda error: show_error(self, error))

        def done(_result: object) -> None:
            if after is not None:
                after()
            self.ctx.events.case_changed.emit(number)

        task.succeeded.connect(done)
        self.ctx.runner.start(task)

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
            at=at,
            kind=EventKind(self.kind.currentData()),
            summary=self.summary.text().strip(),
            evidence=refs,
            party=str(self.party.currentData() or ""),
            ref=self.ref.text().strip(),
            decision=self.decision.text().strip(),
        )
        was = self.editing
        if was is not None:
            self._write(lambda writer: writer.update_event(was, event), self._stop_editing)
        else:
            self._write(lambda writer: writer.add_event(event), self._stop_editing)


#: Where the overview edits each case detail search looks in (casefile.core.search.CASE_FIELDS).
SEARCHED_FIELDS = {
    "title": "title",
    "complainant": "complainant.name",
    "respondent": "respondent.name",
    "courier": "courier.name",
    "agent": "agent.name",
    "order": "transaction.order_no",
    "waybill": "shipment.waybill_no",
    "demands": "demands",
    "facts": "facts",
}


class Workspace(QTabWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from casefile.ui.bundles_tab import BundlesTab
        from casefile.ui.evidence import EvidenceTab
        from casefile.ui.handling import HandlingTab

        self.ctx = ctx
        self.number: str | None = None
        self.overview = OverviewTab(ctx, self)
        self.evidence = EvidenceTab(ctx, self)
        self.timeline = TimelineTab(ctx, self)
        self.handling = HandlingTab(ctx, self)
        self.bundles = BundlesTab(ctx, self)
        for tab in self.tabs():
            self.addTab(tab, "")
        self.timeline.open_exhibit.connect(self.show_exhibit)
        self.bundles.field_requested.connect(self.show_field)
        self.evidence.hit_chosen.connect(self.show_hit)
        self.retranslate()

    def tabs(self) -> list[QWidget]:
        return [self.overview, self.evidence, self.timeline, self.handling, self.bundles]

    def retranslate(self) -> None:
        for index, text in enumerate(
            (self.tr("Overview"), self.tr("Evidence"), self.tr("Timeline"), self.tr("Handling"), self.tr("Bundles"))
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

    def show_hit(self, hit: Hit) -> None:
        """Show where a search hit of this case was found: its exhibit (at its page), or the case detail."""
        if hit.exhibit is not None:
            self.setCurrentWidget(self.evidence)
            self.evidence.show_hit(hit)
        elif hit.field == "timeline":
            self.setCurrentWidget(self.timeline)
        elif hit.field == "notes":
            self.setCurrentWidget(self.handling)
        else:
            self.show_field(SEARCHED_FIELDS.get(hit.field, hit.field))

    def set_case(self, number: str | None) -> None:
        """Show case ``number`` (None: no case) in every tab. Its record is read once, here, and each tab is
        handed the same :class:`Case` (none of them changes it: edits are written through the library and
        read again). A record that cannot be read is left to each tab, which says why where it always has."""
        self.number = number
        case = None
        if number is not None:
            try:
                case = self.ctx.library.load_case(number)
            except CaseFileError as exc:
                log.info("case %s cannot be read: %s", number, exc)
        for tab in self.tabs():
            tab.set_case(number, case=case)  # type: ignore[attr-defined]
