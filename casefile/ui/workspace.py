"""The selected case's workspace: overview, evidence, timeline, handling and bundles, as tabs."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, time
from typing import Any

from casefile.core import zone
from casefile.core.custody import LogTail
from casefile.core.errors import CaseFileError, InvalidValueError
from casefile.core.library import CaseWriter
from casefile.core.model import EVENT_DIRECTIONS, EVENT_PARTIES, Case, EventKind, TimelineEvent
from casefile.core.progress import CancelToken
from casefile.core.record.timeline import CONTACT_KINDS, entered_later, suggested_party, withdrawn_cited
from casefile.core.search.query import Hit
from casefile.ui import times
from casefile.ui.context import AppContext, case_shown, show_error
from casefile.ui.i18n import enumerated, fill, listed
from casefile.ui.labels import event_direction_name, event_kind_name, event_party_name
from casefile.ui.models import exhibits_changed
from casefile.ui.overview import OverviewTab
from casefile.ui.tasks import Task

from PySide6.QtCore import QSignalBlocker, Qt, QTime, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
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

# How the timeline's "when" field shows a time, and a day alone (an event whose hour is not known).
TIMED_FORMAT = "yyyy-MM-dd HH:mm"
DAY_FORMAT = "yyyy-MM-dd"


def reference_width(edit: QLineEdit) -> int:
    """Room for a whole 工单号 or 受理号 (GD20261121001, a few digits more) in ``edit``, margins included."""
    return edit.fontMetrics().horizontalAdvance("GD2026112100123") + 24


class TimelineTab(QWidget):
    """Events in time order; a new one in a few keystrokes; double-click opens the cited exhibit.

    An event is dated when it happened (now by default, never later), or only by its day when the hour is
    not known (只知日期: saved as a date alone, shown without 00:00); who it was with and the number
    they gave it (工单号, 投诉编号, 受理号) are optional, and shown in the list, a dealing with no one said
    as such (对象未填). Who a new event was with starts from the likely one (``suggested_party``: the
    courier for a call, chat or e-mail in the merchant's claim against it) until the user picks. Who spoke to whom
    (我方→对方, 对方→我方; internal or not said by default) is optional too, shown in the list beside whom it was
    with: the limitation period reads it (casefile.core.workflow.limitation.reading). A mistyped event is
    corrected (修改: it fills the row, 保存修改 records the correction) or taken out with a reason
    (删除); the custody log keeps what it was.
    """

    open_exhibit = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.number: str | None = None
        self.list = QListWidget(self)
        self.at = times.zoned(QDateTimeEdit(self))
        self.at.setDisplayFormat(TIMED_FORMAT)
        self.at.setCalendarPopup(True)
        # Made right after the field, so that Tab goes from the field to it.
        self.date_only = QCheckBox(self)
        self._kept_time: QTime | None = None  # the time the field showed before 只知日期 was ticked
        self.kind = QComboBox(self)
        self.party = QComboBox(self)
        self.ref = QLineEdit(self)
        # Who spoke to whom: made after their number, so that Tab goes from it to the second row's first field.
        self.direction = QComboBox(self)
        self.summary = QLineEdit(self)
        self.decision = QLineEdit(self)
        self.refs = QLineEdit(self)
        self.add_button = QPushButton(self)
        self.edit_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        self.cancel_button = QPushButton(self)
        self.events: list[TimelineEvent] = []
        self.editing: TimelineEvent | None = None  # the event the row is correcting, if any
        self.case: Case | None = None  # the record shown, for who a new event was likely with
        self._party_picked = False  # the user chose who it was with: the kind no longer changes it
        # The entry in two rows (when, kind, with whom, their number / who spoke, what happened, exhibits, add),
        # so the tab fits a 1024-pixel screen beside the case list.
        # The combos take the width their longest item would want ("Postal regulator (邮政管理部门, 12305)"),
        # leaving the reference nothing: they are sized to a few words and elide the rest, and the reference
        # keeps room for a whole 工单号 (GD20261121001), the number a caller quotes.
        for combo, letters in ((self.kind, 12), (self.party, 10), (self.direction, 8)):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(letters)
        when = QHBoxLayout()
        for widget in (self.at, self.date_only, self.kind, self.party):
            when.addWidget(widget)
        when.addWidget(self.ref, 1)
        row = QHBoxLayout()
        row.addWidget(self.direction)
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
        self.date_only.toggled.connect(self._date_only_toggled)
        self.kind.currentIndexChanged.connect(lambda _index: self._suggest_party())
        self.party.activated.connect(self._party_activated)
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
        current = self.direction.currentData()
        self.direction.clear()
        self.direction.addItem(self.tr("Internal / not said"), "")
        for direction in EVENT_DIRECTIONS:
            self.direction.addItem(event_direction_name(direction), direction)
        self.direction.setCurrentIndex(max(0, self.direction.findData(current or "")))
        self.direction.setToolTip(
            self.tr(
                "Who spoke to whom, between our side and the one it was with: our demand to the business, or its "
                "agreeing to perform, interrupts the limitation period; its refusal does not"
            )
        )
        self.ref.setPlaceholderText(self.tr("Their reference (工单号/受理号)"))
        self.ref.setMinimumWidth(reference_width(self.ref))
        self.ref.setToolTip(self.tr("The number the other side gave it: ticket, complaint or acceptance number"))
        self.at.setToolTip(self.tr("When it happened (not when it is entered)"))
        self.date_only.setText(self.tr("Date only"))
        self.date_only.setToolTip(self.tr("Only the day is known, not the hour: the event is kept as a date alone"))
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
        self.case = None
        self.setEnabled(number is not None)
        if self.editing is None:  # a refresh keeps 只知日期 as it was ticked (a new event, _stop_editing, clears it)
            self._put_when(None, date_only=self.date_only.isChecked())
        self._update_buttons()
        if number is None:
            return
        case = case_shown(self, self.ctx, number, case)
        if case is None:
            return
        exhibit = self.tr("exhibit %1")
        # A citation of an exhibit withdrawn since: kept, but no packet prints it (the packets leave it out).
        withdrawn = self.tr("exhibit %1, withdrawn")
        self.case = case
        self._suggest_party()
        self.events = list(case.timeline)
        for event in case.timeline:
            when = times.day(event.at) if event.date_only else times.text(event.at)
            gone = withdrawn_cited(case, event.evidence)
            refs = enumerated(fill(withdrawn if n in gone else exhibit, n) for n in event.evidence)
            kind = event_kind_name(event.kind.value)
            unsaid = not event.party and event.kind in CONTACT_KINDS
            dealt = [
                *([fill(self.tr("with %1"), event_party_name(event.party))] if event.party else []),
                *([self.tr("with: not said")] if unsaid else []),
                *([event_direction_name(event.direction)] if event.direction else []),
                *([fill(self.tr("ref. %1"), event.ref)] if event.ref else []),
            ]
            text = f"{when}  [{kind}]  " + (f"[{listed(dealt)}]  " if dealt else "") + event.summary
            if event.decision:
                text += "  " + fill(self.tr("Decided: %1"), event.decision)
            text += "  " + fill(self.tr("(%1)"), refs) if refs else ""
            if entered_later(event.at, event.recorded_at):  # entered later than it happened: both times are kept
                text += "  " + fill(self.tr("(entered %1)"), times.text(event.recorded_at))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, list(event.evidence))
            if event.evidence:
                item.setToolTip(self.tr("Double-click to open the exhibit"))
            self.list.addItem(item)
        self._update_buttons()

    def _suggest_party(self) -> None:
        """Who a new event was with, as the kind and the case suggest, until the user picks it."""
        if self.editing is not None or self._party_picked or self.case is None:
            return
        kind = self.kind.currentData()
        party = suggested_party(self.case, EventKind(kind)) if kind else ""
        self.party.setCurrentIndex(max(0, self.party.findData(party)))

    def _party_activated(self, _index: int) -> None:
        self._party_picked = self.editing is None

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
        self._put_when(event.at, date_only=event.date_only)
        self.kind.setCurrentIndex(max(0, self.kind.findData(event.kind.value)))
        self.party.setCurrentIndex(max(0, self.party.findData(event.party)))
        self.direction.setCurrentIndex(max(0, self.direction.findData(event.direction)))
        self.ref.setText(event.ref)
        self.summary.setText(event.summary)
        self.decision.setText(event.decision)
        self.refs.setText(",".join(str(n) for n in event.evidence))
        self.add_button.setText(self.tr("Save correction"))
        self.summary.setFocus()
        self._update_buttons()

    def _put_when(self, value: datetime | None, date_only: bool = False) -> None:
        """Show ``value`` (None: now) in the "when" field, as a day alone when ``date_only``."""
        with QSignalBlocker(self.date_only):
            self.date_only.setChecked(date_only)
        self._kept_time = None
        if date_only:
            self.at.setDisplayFormat(DAY_FORMAT)
            self.at.setDateTime(times.qt_time(self._day_start(value)))
        else:
            self.at.setDisplayFormat(TIMED_FORMAT)
            times.put(self.at, value)

    @staticmethod
    def _day_start(value: datetime | None) -> datetime:
        """The start of ``value``'s day (None: today) in the zone shown, as a date typed alone is stored."""
        day = zone.shown(value) if value is not None else zone.now()
        return zone.entered(datetime.combine(day.date(), time()))

    def _day_shown(self) -> datetime:
        """The start of the day the "when" field shows."""
        d = self.at.date()
        return zone.entered(datetime(d.year(), d.month(), d.day()))

    def _date_only_toggled(self, on: bool) -> None:
        """只知日期 ticked: the field shows the day alone; unticked: the time it showed comes back."""
        if on:
            self._kept_time = self.at.time()
            day = self._day_shown()
            self.at.setDisplayFormat(DAY_FORMAT)
            self.at.setDateTime(times.qt_time(day))
            return
        kept = self._kept_time or QTime(0, 0)
        self._kept_time = None
        d = self.at.date()
        self.at.setDisplayFormat(TIMED_FORMAT)
        times.put(self.at, zone.entered(datetime(d.year(), d.month(), d.day(), kept.hour(), kept.minute())))

    def _stop_editing(self) -> None:
        self.editing = None
        self._party_picked = False
        self._suggest_party()
        self._put_when(None)
        self.summary.clear()
        self.decision.clear()
        self.refs.clear()
        self.ref.clear()
        self.direction.setCurrentIndex(0)
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
        was = self.editing
        # A withdrawn exhibit is not offered: no packet prints it. One the corrected event already cites stays.
        gone = (
            [n for n in withdrawn_cited(self.case, refs) if was is None or n not in was.evidence] if self.case else []
        )
        if gone:
            message = self.tr("Exhibit %1 was withdrawn: no packet prints it, so the event cannot cite it")
            show_error(self, InvalidValueError(fill(message, enumerated(map(str, gone)))))
            self.refs.setFocus()
            return
        date_only = self.date_only.isChecked()
        at = self._day_shown() if date_only else times.taken(self.at)
        event = TimelineEvent(
            at=at,
            date_only=date_only,
            kind=EventKind(self.kind.currentData()),
            summary=self.summary.text().strip(),
            evidence=refs,
            party=str(self.party.currentData() or ""),
            direction=str(self.direction.currentData() or ""),
            ref=self.ref.text().strip(),
            decision=self.decision.text().strip(),
        )
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
    "earlier": "complainant.name",  # 曾用: mostly the customer's, whose receipt shows the name or number before
}


class Workspace(QTabWidget):
    # A record read again by :meth:`refresh`: the case number and its record (None when it was not shown:
    # the case cannot be read, or another case was opened meanwhile; nothing for a library switched from).
    case_read = Signal(str, object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from casefile.ui.bundles_tab import BundlesTab
        from casefile.ui.evidence import EvidenceTab
        from casefile.ui.handling import HandlingTab

        self.ctx = ctx
        self.number: str | None = None
        self.case: Case | None = None  # the record every tab was handed last (None: it cannot be read)
        # Why the case open cannot be read (None: it can, or none is open), and whether that is damage to its
        # folder (a record missing or unreadable) rather than a drive that could not be read just now.
        self.problem: CaseFileError | None = None
        self.damaged = False
        self._reads = 0  # counts the records read for the tabs: only the newest one read is shown
        self._reading: Task | None = None  # the case shown being read again after a change, while it is
        self._read_again = False  # it changed again meanwhile: read it once more after
        self._log: LogTail | None = None  # the custody log of the case shown, as read last
        self.overview = OverviewTab(ctx, self)
        self.evidence = EvidenceTab(ctx, self)
        self.timeline = TimelineTab(ctx, self)
        self.handling = HandlingTab(ctx, self)
        self.bundles = BundlesTab(ctx, self)
        for tab in self.tabs():
            self.addTab(tab, "")
        self.timeline.open_exhibit.connect(self.show_exhibit)
        # Edits are marked once the form settles (a case filled in changes every field, one by one).
        self._unsaved_check = QTimer(self)
        self._unsaved_check.setSingleShot(True)
        self._unsaved_check.setInterval(0)
        self._unsaved_check.timeout.connect(self.show_unsaved)
        self.overview.typed.connect(self._unsaved_check.start)
        self.bundles.field_requested.connect(self.show_field)
        self.evidence.hit_chosen.connect(self.show_hit)
        self.retranslate()

    def tabs(self) -> list[QWidget]:
        return [self.overview, self.evidence, self.timeline, self.handling, self.bundles]

    def tab_names(self) -> list[str]:
        return [self.tr("Overview"), self.tr("Evidence"), self.tr("Timeline"), self.tr("Handling"), self.tr("Bundles")]

    def retranslate(self) -> None:
        for index, text in enumerate(self.tab_names()):
            self.setTabText(index, text)
        for tab in self.tabs():
            tab.retranslate()  # type: ignore[attr-defined]
        self.show_unsaved()

    def show_unsaved(self) -> None:
        """The overview's tab says whether it holds edits not saved yet: "Overview *", and why in its tooltip."""
        unsaved = self.number is not None and self.overview.unsaved()
        index = self.indexOf(self.overview)
        name = self.tab_names()[0]
        self.setTabText(index, fill(self.tr("%1 *"), name) if unsaved else name)
        self.setTabToolTip(index, self.tr("Edits not saved yet: Ctrl+S saves them") if unsaved else "")

    def show_exhibit(self, exhibit_no: int) -> None:
        self.setCurrentWidget(self.evidence)
        self.evidence.select_exhibit(exhibit_no)

    def show_field(self, path: str) -> None:
        """Show where the record field ``path`` is edited: exhibits in the evidence tab, timeline events in the
        timeline tab, the rest in the overview."""
        head, _dot, rest = path.partition(".")
        number = rest.partition(".")[0]
        if head == "exhibits" and number.isdigit():
            self.show_exhibit(int(number))
        elif head == "timeline":  # an event's exhibits or time: edited in the timeline tab
            self.setCurrentWidget(self.timeline)
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
        elif hit.field in ("notes", "proceedings", "handling"):
            self.setCurrentWidget(self.handling)
        else:
            self.show_field(SEARCHED_FIELDS.get(hit.field, hit.field))

    def set_case(self, number: str | None) -> None:
        """Show case ``number`` (None: no case) in every tab. Its record is read once, here, and each tab is
        handed the same :class:`Case` (none of them changes it: edits are written through the library and
        read again). A record that cannot be read is left to each tab, which says why where it always has."""
        self.number = number
        self._reads += 1  # a record still being read for the case shown before is not shown over this one
        self._log = None
        self.problem = None
        self.damaged = False
        case = None
        custody = None
        if number is not None:
            folder = None
            try:
                folder = self.ctx.library.folder(number)
                case = folder.read_record()
                self._log = LogTail(folder.custody.path)
                custody = self._log.read()
            except CaseFileError as exc:
                log.info("case %s cannot be read: %s", number, exc)
                case = None
                self.problem = exc
                cause = exc.__cause__
                self.damaged = folder is not None and not (
                    isinstance(cause, OSError) and not isinstance(cause, FileNotFoundError)
                )
        self.case = case
        if number is not None and case is None:
            # Said once, by the window's page for a case that cannot be read: each tab is emptied, not left
            # showing the case open before, and none of them reads the record again to say why.
            for tab in self.tabs():
                if tab is self.overview and self.overview.number == number and self.overview.unsaved():
                    continue  # what was typed is kept (hidden) for when the case reads again: a drive back
                tab.set_case(None)  # type: ignore[attr-defined]
            self.show_unsaved()
            return
        for tab in self.tabs():
            if tab is self.evidence:
                self.evidence.set_case(number, case=case, custody=custody if case is not None else None)
            else:
                tab.set_case(number, case=case)  # type: ignore[attr-defined]
        self.show_unsaved()

    def refresh(self, number: str) -> None:
        """Show case ``number`` again in every tab after it changed (an edit written, a file arrived, another
        window or the team saved it), if it is the case shown. Its record and custody log are read off the GUI
        thread, and the tabs are handed them when they arrive: a case of thousands of exhibits takes a
        noticeable time to read. One read at a time; a change meanwhile is read once more after it, so the
        last record shown is the newest. A record that cannot be read is shown as :meth:`set_case` shows it."""
        if number != self.number:
            return
        if self._reading is not None:
            self._read_again = True
            return
        self._reads += 1
        generation = self._reads
        library = self.ctx.library
        tail = self._log
        shown = self.case

        def work(_token: CancelToken) -> tuple[Case, list[dict[str, Any]], frozenset[int] | None]:
            folder = library.folder(number)
            # Each exhibit read from its line, here, one at a time, and the record shown before kept for each
            # one that did not change (exhibits_changed): read whole, the 5,000 exhibits of a big case were
            # made at once, lived on into the oldest generation and brought a full garbage collection at
            # nearly every edit.
            case = folder.read_record(lazy=True)
            custody = (tail if tail is not None else LogTail(folder.custody.path)).read()
            changed = exhibits_changed(shown, case) if shown is not None else None
            if shown is None:
                list(case.exhibits)  # every exhibit read and checked here, never on the GUI thread
            return case, custody, changed

        task = Task(work, f"read case {number} again")

        def current() -> bool:  # still the case shown, not opened again (or another) meanwhile
            return generation == self._reads and self.number == number and self.ctx.library is library

        def read(result: object) -> None:
            if not current():
                if self.ctx.library is library:  # not for a library switched away from
                    self.case_read.emit(number, None)
                return
            assert isinstance(result, tuple)
            case: Case = result[0]
            custody: list[dict[str, Any]] = result[1]
            changed: frozenset[int] | None = result[2]
            self.case = case
            self.problem = None
            self.damaged = False
            for tab in self.tabs():
                if tab is self.evidence:
                    changes = (shown, changed) if shown is not None and changed is not None else None
                    self.evidence.set_case(number, case=case, custody=custody, changes=changes)
                else:
                    tab.set_case(number, case=case)  # type: ignore[attr-defined]
            self.case_read.emit(number, case)

        def failed(error: object) -> None:
            log.info("case %s cannot be read again: %s", number, error)
            if current():
                self.set_case(number)  # each tab reads it and says why it cannot show it, as on opening it
            if self.ctx.library is library:
                self.case_read.emit(number, None)

        def finished() -> None:
            self._reading = None
            if self._read_again:
                self._read_again = False
                if self.number is not None:
                    self.refresh(self.number)

        task.succeeded.connect(read)
        task.failed.connect(failed)
        task.finished.connect(finished)
        self._reading = task
        self.ctx.reads.start(task)
