"""The handling of the selected case (处理): the case header's stage, responsibility and next deadline,
and a tab listing the findings, negotiation rounds, proceedings, outcome, payments, closings and
reopenings, with a dialog to record each (casefile.core.workflow.handling does the checking and the
writing; every write goes through the window's write runner)."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from casefile.core import law, zone
from casefile.core.errors import CaseFileError, InvalidValueError
from casefile.core.library import CaseWriter
from casefile.core.listing import LIMITATION
from casefile.core.model import Case, EventKind, ResponsibleParty, TimelineEvent, parse_amount
from casefile.core.validate import HANDLING_PARTIES
from casefile.core.workflow import handling
from casefile.core.workflow.clocks import CST, Unit, replaced_basis
from casefile.core.workflow.due import (
    ClockState,
    PerformanceDay,
    Status,
    case_clocks,
    first_contact,
    next_due,
    open_rights,
    performance_day,
    unwatched_award,
)
from casefile.core.workflow.records import (
    Answer,
    Closing,
    ClosingResult,
    Finding,
    Outcome,
    OutcomeKind,
    Payment,
    Proceeding,
    ProceedingResult,
    Proposal,
    Reopening,
    Venue,
)
from casefile.ui import times
from casefile.ui.context import AppContext, case_shown, show_error
from casefile.ui.i18n import bracketed, enumerated, fill, labelled, spaced, translated
from casefile.ui.labels import (
    answer_name,
    clock_name,
    clock_status_name,
    closing_result_name,
    event_kind_name,
    handling_party_in_text,
    handling_party_name,
    outcome_kind_name,
    proceeding_result_name,
    proceeding_venue_name,
    responsible_name,
    stage_name,
)
from casefile.ui.models import URGENT_COLOUR, deadline_day, safe_day_passed, start_doubted
from casefile.ui.tasks import Task
from casefile.ui.wrapping import wrap_rows

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

OVERDUE_COLOUR = "#b00020"


def _when(value: datetime | None) -> str:
    return times.text(value)


def _money(amount: Decimal | None) -> str:
    return f"¥{amount:,.2f}" if amount is not None else ""


def deadline_text(state: ClockState) -> str:
    """A clock's deadline as the header shows it: the clock, its last day (the hour for a wall-clock
    promise), 暂定 when the calendar did not know a year it counted across, and a mark when it rests on a replaced
    text whose successor could not be read (the 12305 year: the list's tooltip says which)."""
    deadline = state.deadline
    doubt = start_doubted(state.ref) if state.key == LIMITATION else ""
    if replaced_basis(state.key, deadline.started.astimezone(CST).date()) is not None:
        doubt += QCoreApplication.translate("CaseFile", " (rests on a replaced rule, the rule in force not read)")
    if state.past_safe_day:
        return f"{clock_name(state.key)} {safe_day_passed(state.key, deadline.started, deadline.last_day)}{doubt}"
    if deadline.act_by is not None:  # our user's: the safe day, the unmoved calendar day
        return f"{clock_name(state.key)} {deadline_day(deadline.due, deadline.act_by, False)}{doubt}"
    last_day = None if deadline.rule.unit is Unit.HOURS else deadline.last_day
    return f"{clock_name(state.key)} {deadline_day(deadline.due, last_day, deadline.provisional)}{doubt}"


def performance_day_text(found: PerformanceDay) -> str:
    """How the app says a day for performance was worked out from a decision's term and the record's dates
    (casefile.core.workflow.due.performance_day)."""
    if found.counted_from == "served":
        base = fill(QCoreApplication.translate("CaseFile", "its service on our side on %1"), found.served.isoformat())
    elif found.decided is not None:
        base = fill(
            QCoreApplication.translate("CaseFile", "the award made on %1, in effect that day"),
            found.decided.isoformat(),
        )
    elif found.appeal_ran_out is not None:
        base = fill(
            QCoreApplication.translate(
                "CaseFile", "%1, the judgment served on %2 taking effect once its time to appeal ran out on %3"
            ),
            found.base.isoformat(),
            found.served.isoformat(),
            found.appeal_ran_out.isoformat(),
        )
    else:
        base = fill(
            QCoreApplication.translate("CaseFile", "%1, the second-instance judgment served, final"),
            found.base.isoformat(),
        )
    return fill(
        QCoreApplication.translate(
            "CaseFile",
            "Perform by %1, worked out from 「%2」 counted from %3 (%4): the enforcement period is watched from it",
        ),
        found.day.isoformat(),
        found.term,
        base,
        law.cite_many(found.articles, short=True),
    )


def _whole(text: str) -> str:
    """``text`` escaped for the header, its spaces unbreakable: a line breaks between the header's parts, never
    inside one ("(normal, 48 h)" is not split across two lines)."""
    return html.escape(text).replace(" ", "\u00a0")


def header_html(case: Case, now: datetime | None = None) -> str:
    """The case header: number, stage, responsibility and the next deadline (overdue in red)."""
    parts = [f"<b>{html.escape(case.number)}</b>", _whole(stage_name(case.stage.value))]
    parts.append(
        _whole(
            labelled(
                QCoreApplication.translate("CaseFile", "Responsibility"), responsible_name(case.responsible_party.value)
            )
        )
    )
    state = next_due(case, now)
    if state is None:
        parts.append(
            _whole(
                labelled(
                    QCoreApplication.translate("CaseFile", "Next deadline"),
                    QCoreApplication.translate("CaseFile", "none running"),
                )
            )
        )
    else:
        text = _whole(labelled(QCoreApplication.translate("CaseFile", "Next deadline"), deadline_text(state)))
        if state.status is Status.OVERDUE:
            overdue = _whole(clock_status_name(Status.OVERDUE))
            text = f"<span style='color:{OVERDUE_COLOUR}'><b>{text}\u00a0{overdue}</b></span>"
        elif state.past_safe_day:
            text = f"<span style='color:{URGENT_COLOUR}'><b>{text}</b></span>"
        parts.append(text)
    return spaced(parts)


class ExhibitChoice(QListWidget):
    """The exhibits a record cites, ticked in a list of the case's exhibits (its file numbers, in its evidence
    order: a packet cites them by its own numbers). Withdrawn ones are listed only when already cited."""

    def __init__(self, case: Case | None, chosen: Sequence[int] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUniformItemSizes(True)
        self.setMaximumHeight(120)
        exhibits = [e for e in case.ordered_exhibits() if not e.withdrawn or e.number in chosen] if case else []
        for exhibit in exhibits:
            text = fill(QCoreApplication.translate("CaseFile", "No. %1  %2"), exhibit.number, exhibit.title)
            if exhibit.withdrawn:
                text += "  " + QCoreApplication.translate("CaseFile", "(withdrawn)")
            item = QListWidgetItem(text, self)
            item.setToolTip(text)
            item.setData(Qt.ItemDataRole.UserRole, exhibit.number)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
            ticked = exhibit.number in chosen
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        if not exhibits:
            self.setEnabled(False)
            self.setMaximumHeight(30)
            QListWidgetItem(QCoreApplication.translate("CaseFile", "The case has no exhibits yet"), self)

    def set_ticked(self, number: int, on: bool = True) -> None:
        for i in range(self.count()):
            item = self.item(i)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == number:
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def chosen(self) -> list[int]:
        """The ticked exhibits' numbers, in the list's order."""
        items = [self.item(i) for i in range(self.count())]
        return [
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item is not None and item.checkState() == Qt.CheckState.Checked
        ]


# ---------------------------------------------------------------------------- the dialog


class OptionalTime(QWidget):
    """A time that may be left unsaid: a check box, then the time."""

    def __init__(self, value: datetime | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(self)
        self.edit = _time_edit(self, value)
        self.check.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        self.check.toggled.connect(self.edit.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(self.edit, 1)

    def set(self, value: datetime) -> None:
        self.check.setChecked(True)
        times.put(self.edit, value)

    def value(self) -> datetime | None:
        return _time_of(self.edit) if self.check.isChecked() else None


def _time_edit(parent: QWidget, value: datetime | None = None) -> QDateTimeEdit:
    edit = times.zoned(QDateTimeEdit(parent))
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    edit.setCalendarPopup(True)
    times.put(edit, value)
    return edit


def _time_of(edit: QDateTimeEdit) -> datetime:
    return times.taken(edit)


class RecordDialog(QDialog):
    """A form for one record of the handling; ``on_accept`` records it (it raises to keep the dialog open)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = QLabel(self)
        self.error.setStyleSheet(f"color: {OVERDUE_COLOUR}")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.on_accept: Callable[[], None] | None = None
        # The choices no answer is preset for (a choice, or a time whose box starts unticked), with their labels.
        self.required: dict[QComboBox | OptionalTime, str] = {}
        # Of those, the ones needed only while a condition holds (the payer, while money is to be paid).
        self.required_when: dict[QComboBox | OptionalTime, Callable[[], bool]] = {}
        self.setMinimumWidth(460)

    def row(self, label: str, widget: QWidget) -> QWidget:
        self.form.addRow(label, widget)
        return widget

    def line(self, label: str, text: str = "", placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(text, self)
        edit.setPlaceholderText(placeholder)
        self.row(label, edit)
        return edit

    def combo(
        self,
        label: str,
        items: Sequence[tuple[str, str]],
        current: str = "",
        *,
        choose: bool = False,
        required_when: Callable[[], bool] | None = None,
    ) -> QComboBox:
        """A choice among ``items``, on ``current`` (else the first); ``choose``: on none unless ``current`` is
        one of them, and the dialog cannot be recorded until one is chosen (a reflexive Enter records nothing
        nobody chose). With ``required_when``, the choice is needed only while it returns True, and then an
        item whose value is "" ("(not said)") is no answer either; call :meth:`update_ok` when it may change."""
        box = QComboBox(self)
        for value, text in items:
            box.addItem(text, value)
        found = box.findData(current) if current else -1
        if choose:
            box.setPlaceholderText(QCoreApplication.translate("CaseFile", "Choose…"))
            box.setCurrentIndex(found)
            self.required[box] = label
            if required_when is not None:
                self.required_when[box] = required_when
            box.currentIndexChanged.connect(lambda _index: self.update_ok())
            self.update_ok()
        else:
            box.setCurrentIndex(max(0, found))
        self.row(label, box)
        return box

    def _unchosen(self) -> list[str]:
        unchosen = []
        for box, label in self.required.items():
            when = self.required_when.get(box)
            if when is not None and not when():
                continue
            if isinstance(box, OptionalTime):
                missing = box.value() is None
            else:
                missing = box.currentIndex() < 0 or (when is not None and box.currentData() == "")
            if missing:
                unchosen.append(label)
        return unchosen

    def update_ok(self) -> None:
        """OK enabled while every choice needed is made (call it when a condition of :attr:`required_when`
        may have changed)."""
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        unchosen = self._unchosen()
        ok.setEnabled(not unchosen)
        ok.setToolTip(
            fill(QCoreApplication.translate("CaseFile", "Choose %1 first"), enumerated(unchosen)) if unchosen else ""
        )

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        """The dialog opens on its first field, never on OK: Enter pressed by reflex records nothing."""
        super().showEvent(event)
        for row in range(self.form.rowCount()):
            item = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            widget = item.widget() if item is not None else None
            if widget is None or not widget.isEnabled():
                continue
            for candidate in (widget, *widget.findChildren(QWidget)):
                if (
                    candidate.isEnabled()
                    and candidate.isVisibleTo(self)
                    and candidate.focusPolicy() & Qt.FocusPolicy.TabFocus
                ):
                    candidate.setFocus(Qt.FocusReason.OtherFocusReason)
                    return

    def time(self, label: str, value: datetime | None = None) -> QDateTimeEdit:
        edit = _time_edit(self, value)
        edit.setToolTip(QCoreApplication.translate("CaseFile", "When it happened (not when it is entered)"))
        self.row(label, edit)
        return edit

    def exhibits(self, label: str, case: Case | None, chosen: Sequence[int] = ()) -> ExhibitChoice:
        choice = ExhibitChoice(case, chosen, self)
        choice.setToolTip(
            QCoreApplication.translate("CaseFile", "Tick the exhibits that show it: packets cite them as （见证据N）")
        )
        self.row(label, choice)
        return choice

    def optional_time(self, label: str, value: datetime | None = None, *, choose: bool = False) -> OptionalTime:
        """A time that may be left unsaid, ticked when ``value`` is given; ``choose``: the dialog cannot be
        recorded while it is unticked (a time nobody gave is not recorded by a reflexive Enter)."""
        widget = OptionalTime(value, self)
        if choose:
            widget.check.setText(QCoreApplication.translate("CaseFile", "Give the time"))
            self.required[widget] = label
            widget.check.toggled.connect(lambda _on: self.update_ok())
            self.update_ok()
        self.row(label, widget)
        return widget

    def accept(self) -> None:
        """Read the form and start recording it; the dialog closes once it is recorded, and shows why not
        when a value is refused (it stays open to correct it)."""
        unchosen = self._unchosen()
        if unchosen:
            self.error.setText(fill(QCoreApplication.translate("CaseFile", "Choose %1 first"), enumerated(unchosen)))
            first = next(box for box, label in self.required.items() if label == unchosen[0])
            (first.check if isinstance(first, OptionalTime) else first).setFocus()
            return
        if self.on_accept is None:
            super().accept()
            return
        try:
            self.on_accept()
        except CaseFileError as exc:
            self.refused(exc)

    def refused(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, CaseFileError):
            self.error.setText(translated(error))
        else:
            show_error(self, error)

    def recorded(self) -> None:
        self.done(QDialog.DialogCode.Accepted)


class ClosingDialog(RecordDialog):
    """结案: the result, the complainant's satisfaction, when and a note (处理 → 结案, and 结案 in 概况's stage box)."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        at: datetime | None = None,
        note: str = "",
        case: Case | None = None,
        evidence: Sequence[int] = (),
    ) -> None:
        super().__init__(QCoreApplication.translate("HandlingTab", "Close case"), parent)
        self.result_box = self.combo(
            QCoreApplication.translate("HandlingTab", "Result"),
            [(r.value, closing_result_name(r.value)) for r in ClosingResult],
            choose=True,
        )
        of_five = QCoreApplication.translate("HandlingTab", "%1 of 5")
        self.satisfaction = self.combo(
            QCoreApplication.translate("HandlingTab", "Complainant's satisfaction"),
            [
                ("", QCoreApplication.translate("HandlingTab", "Not asked")),
                *((str(n), fill(of_five, n)) for n in range(5, 0, -1)),
            ],
        )
        self.at = self.time(QCoreApplication.translate("HandlingTab", "Closed at"), at)
        self.note = self.line(QCoreApplication.translate("HandlingTab", "Note"), note)
        self.evidence = self.exhibits(QCoreApplication.translate("HandlingTab", "Exhibits"), case, evidence)
        # An appeal, a set-aside or an enforcement period still open: closing stops its reminders, so ask first.
        self.rights = open_rights(case) if case is not None else []
        # a decision for our side, unpaid, with no day for performance: no enforcement period watches it
        self.unwatched = case is not None and unwatched_award(case)
        still = [deadline_text(state) for state in self.rights]
        if self.unwatched:
            still.append(
                QCoreApplication.translate(
                    "HandlingTab", "a decision for our side, unpaid and with no day for performance entered"
                )
            )
        self.still_open: QLabel | None = None
        self.stop_anyway: QCheckBox | None = None
        if still:
            self.still_open = QLabel(
                fill(
                    QCoreApplication.translate(
                        "HandlingTab",
                        "Still open: %1. Once the case is closed, CaseFile no longer reminds you of them.",
                    ),
                    enumerated(still),
                ),
                self,
            )
            self.still_open.setWordWrap(True)
            self.still_open.setStyleSheet(f"color: {URGENT_COLOUR}")
            self.form.addRow(self.still_open)
            self.stop_anyway = QCheckBox(
                QCoreApplication.translate("HandlingTab", "Close anyway and stop reminding of these periods?"), self
            )
            self.form.addRow(self.stop_anyway)

    def read(self) -> Callable[[CaseWriter], Any]:
        if self.stop_anyway is not None and not self.stop_anyway.isChecked():
            raise InvalidValueError(
                QCoreApplication.translate(
                    "HandlingTab", "A period is still open: tick 'Close anyway' to close the case all the same"
                )
            )
        score = str(self.satisfaction.currentData())
        closing = Closing(
            at=_time_of(self.at),
            result=ClosingResult(self.result_box.currentData()),
            satisfaction=int(score) if score else None,
            note=self.note.text().strip(),
            evidence=self.evidence.chosen(),
        )
        return lambda w: handling.close_case(w, closing)


# ---------------------------------------------------------------------------- the tab


def _parties(optional: bool = False) -> list[tuple[str, str]]:
    items = [(p, handling_party_name(p)) for p in HANDLING_PARTIES]
    return [("", QCoreApplication.translate("CaseFile", "(not said)")), *items] if optional else items


class HandlingTab(QWidget):
    """处理: what was found, proposed, answered, brought before a body, decided, paid, closed and reopened.

    Each list item keeps (kind, position) so the buttons act on what is selected: answering the selected
    round, updating the selected proceeding. Writes go through the window's write runner, then the case is
    shown again from its record.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.number: str | None = None
        self.case: Case | None = None
        self.dialog: RecordDialog | None = None  # the dialog open, if any (tests fill it in)
        self.last_dialog: RecordDialog | None = None
        self.header = QLabel(self)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(True)
        # A proceeding's line holds its 工单号 or case number, which a clerk reads out when 12315 calls: the
        # lines wrap, never cut off at 1024 pixels.
        self.wrapping = wrap_rows(self.tree)
        self.response_button = QPushButton(self)
        self.finding_button = QPushButton(self)
        self.propose_button = QPushButton(self)
        self.answer_button = QPushButton(self)
        self.proceeding_button = QPushButton(self)
        self.update_button = QPushButton(self)
        self.outcome_button = QPushButton(self)
        self.payment_button = QPushButton(self)
        self.close_button = QPushButton(self)
        self.reopen_button = QPushButton(self)
        first = QHBoxLayout()
        for button in (
            self.response_button,
            self.finding_button,
            self.propose_button,
            self.answer_button,
            self.proceeding_button,
        ):
            first.addWidget(button)
        first.addWidget(self.update_button)
        first.addStretch(1)
        second = QHBoxLayout()
        for button in (self.outcome_button, self.payment_button, self.close_button, self.reopen_button):
            second.addWidget(button)
        second.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.tree, 1)
        layout.addLayout(first)
        layout.addLayout(second)
        self.response_button.clicked.connect(self.record_first_response)
        self.finding_button.clicked.connect(self.record_finding)
        self.propose_button.clicked.connect(self.record_proposal)
        self.answer_button.clicked.connect(self.answer_selected)
        self.proceeding_button.clicked.connect(self.record_proceeding)
        self.update_button.clicked.connect(self.update_selected)
        self.outcome_button.clicked.connect(self.record_outcome)
        self.payment_button.clicked.connect(self.record_payment)
        self.close_button.clicked.connect(self.close_case)
        self.reopen_button.clicked.connect(self.reopen_case)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.retranslate()
        self.setEnabled(False)

    def retranslate(self) -> None:
        self.tree.setHeaderLabels([self.tr("When"), self.tr("What")])
        # Alt letters for the buttons: none of the menu bar's (F, C, L, R, V), none twice.
        self.response_button.setText(self.tr("F&irst response…"))
        self.response_button.setToolTip(
            self.tr(
                "When the complainant was first answered (a call back, a message): it meets the response promise. "
                "Not entered, the first call, chat, e-mail or visit with the complainant on the timeline counts"
            )
        )
        self.finding_button.setText(self.tr("Responsi&bility…"))
        self.finding_button.setToolTip(self.tr("Record who is responsible, why, and the exhibits that show it"))
        self.propose_button.setText(self.tr("Pr&oposal…"))
        self.answer_button.setText(self.tr("&Answer…"))
        self.answer_button.setToolTip(self.tr("Record the answer to the selected round"))
        self.proceeding_button.setText(self.tr("Procee&ding…"))
        self.proceeding_button.setToolTip(self.tr("A mediation, 消协 or 12315 complaint, arbitration or lawsuit begun"))
        self.update_button.setText(self.tr("&Update proceeding…"))
        self.update_button.setToolTip(
            self.tr("Acceptance, hearings, testing periods, result and decision of the selected proceeding")
        )
        self.outcome_button.setText(self.tr("Ou&tcome…"))
        self.payment_button.setText(self.tr("&Payment…"))
        self.close_button.setText(self.tr("Clo&se case…"))
        self.reopen_button.setText(self.tr("Reop&en…"))
        if self.number:
            self.set_case(self.number)

    # ------------------------------------------------------------------ showing

    def set_case(self, number: str | None, case: Case | None = None) -> None:
        """Show case ``number``'s handling; ``case``: its record, already read (None: read it here)."""
        self.number = number
        self.case = None
        self.tree.clear()
        self.header.clear()
        self.setEnabled(number is not None)
        if number is None:
            self._update_buttons()
            return
        self.case = case_shown(self, self.ctx, number, case)
        if self.case is None:
            self.setEnabled(False)
            return
        self.header.setText(header_html(self.case))
        self._fill(self.case)
        self._update_buttons()

    def _section(self, title: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self.tree, [title, ""])
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        item.setFirstColumnSpanned(True)
        item.setExpanded(True)
        return item

    def _item(self, parent: QTreeWidgetItem, when: str, text: str, key: tuple[str, int]) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [when, text])
        item.setData(0, Qt.ItemDataRole.UserRole, key)
        item.setToolTip(1, text)
        return item

    def _entered(self, recorded_at: datetime | None, by: str) -> str:
        if recorded_at is None:
            return ""
        return "  " + fill(self.tr("(entered %1 by %2)"), _when(recorded_at), by)

    def _response(self, case: Case) -> None:
        """The response promise: when it is due, and when and how the complainant was first answered."""
        state = next((s for s in case_clocks(case) if s.key.startswith("response.")), None)
        if state is None:
            return
        section = self._section(clock_name(state.key))
        due = fill(self.tr("due %1"), _when(state.deadline.due))
        answered = state.met_at
        if answered is None:
            unanswered = self.tr("not answered yet")
            text = f"{due}  {unanswered}"
            if state.status is Status.STOPPED:
                text += f"  {clock_status_name(state.status)}"
            item = self._item(section, "", text, ("response", 0))
            if state.status is Status.OVERDUE:
                item.setForeground(1, QColor(OVERDUE_COLOUR))
                item.setText(1, f"{text}  {clock_status_name(Status.OVERDUE)}")
            return
        if answered == case.first_response_at:
            how = self.tr("first response entered")
        elif answered == first_contact(case):
            contact = next(e for e in case.timeline if e.party == "complainant" and e.at == answered)
            how = fill(self.tr("contact with the complainant: %1"), contact.summary)
        else:
            how = self.tr("handling began")
        first = self.tr("First response")
        text = bracketed(labelled(first, f"{clock_status_name(state.status)}  {due}"), how)
        self._item(section, _when(answered), text, ("response", 0))

    def _fill(self, case: Case) -> None:  # noqa: C901 - one block per kind of record
        wf = case.workflow
        exhibit = self.tr("exhibit %1")
        self._response(case)

        def cites(numbers: list[int]) -> str:
            return ("  " + enumerated(fill(exhibit, n) for n in numbers)) if numbers else ""

        if wf.findings:
            section = self._section(self.tr("Responsibility"))
            for i, f in enumerate(wf.findings):
                party = responsible_name(f.party)
                text = (labelled(party, f.reasons) if f.reasons else party) + cites(f.evidence)
                self._item(section, _when(f.at), text + self._entered(f.recorded_at, f.by), ("finding", i))
        if wf.proposals:
            section = self._section(self.tr("Negotiation"))
            for i, p in enumerate(wf.proposals):
                text = fill(self.tr("Round %1: %2 proposes %3"), i + 1, handling_party_in_text(p.by), p.summary)
                if p.amount is not None:
                    text = bracketed(text, _money(p.amount))
                if p.reply_by is not None:
                    text += "  " + fill(self.tr("reply by %1"), _when(p.reply_by))
                answer = answer_name(p.answer.value)
                if p.answered_at is not None:
                    answer += f" {_when(p.answered_at)}"
                if p.answer_note:
                    answer = labelled(answer, p.answer_note)
                text += cites(p.evidence)
                self._item(section, _when(p.at), f"{text} → {answer}{cites(p.answer_evidence)}", ("proposal", i))
        if wf.proceedings:
            section = self._section(self.tr("Proceedings"))
            for i, pr in enumerate(wf.proceedings):
                head = "  ".join(
                    x
                    for x in (
                        f"{i + 1}. {proceeding_venue_name(pr.venue.value)}",
                        pr.body,
                        fill(self.tr("No. %1"), pr.ref) if pr.ref else "",
                        proceeding_result_name(pr.result.value),
                    )
                    if x
                )
                item = self._item(
                    section, _when(pr.filed_at or pr.recorded_at), head + cites(pr.evidence), ("proceeding", i)
                )
                dated: list[tuple[datetime, str]] = [
                    (value, label)
                    for label, value in (
                        (self.tr("Filed"), pr.filed_at),
                        (self.tr("Accepted"), pr.accepted_at),
                        (self.tr("Decided"), pr.decided_at),
                        (self.tr("Served"), pr.served_at),
                        (self.tr("Ended"), pr.ended_at),
                    )
                    if value is not None
                ]
                dated += [(hearing, self.tr("Hearing")) for hearing in pr.hearings]
                for t in pr.testing:
                    end = _when(t.end) if t.end else self.tr("ongoing")
                    text = fill(self.tr("Testing until %1 (not counted)"), end)
                    text = labelled(text, t.note) if t.note else text
                    dated.append((t.start, text))
                for when, text in sorted(dated, key=lambda row: row[0]):  # in the order they happened
                    self._item(item, _when(when), text, ("proceeding", i))
                if pr.summary:
                    self._item(item, "", pr.summary, ("proceeding", i))
                item.setExpanded(True)
        if wf.outcome is not None:
            o = wf.outcome
            section = self._section(self.tr("Outcome"))
            text = outcome_kind_name(o.kind.value)
            if o.amount is not None:
                text += f"  {_money(o.amount)}"
            if o.payer or o.payee:
                text += "  " + fill(
                    self.tr("%1 to %2"),
                    handling_party_in_text(o.payer) if o.payer else "—",
                    handling_party_in_text(o.payee) if o.payee else "—",
                )
            if o.perform_by is not None:
                text += "  " + fill(self.tr("perform by %1"), times.day(o.perform_by))
            if o.summary:
                text = labelled(text, o.summary)
            self._item(section, _when(o.at), text + cites(o.evidence), ("outcome", 0))
        if wf.payments:
            section = self._section(
                fill(self.tr("Payments (paid %1, recovered %2)"), _money(wf.paid()), _money(wf.paid(recovered=True)))
            )
            for i, pay in enumerate(wf.payments):
                template = self.tr("%1 recovered from %2") if pay.recovered else self.tr("%1 paid by %2")
                text = fill(template, _money(pay.amount), handling_party_in_text(pay.payer))
                extra = "  ".join(x for x in (pay.method, pay.note) if x)
                self._item(
                    section, _when(pay.at), text + (f"  {extra}" if extra else "") + cites(pay.evidence), ("payment", i)
                )
        if wf.closings or wf.reopenings:
            section = self._section(self.tr("Closing"))
            rows: list[tuple[datetime, str, tuple[str, int]]] = []
            for i, c in enumerate(wf.closings):
                text = fill(self.tr("Closed: %1"), closing_result_name(c.result.value))
                if c.satisfaction is not None:
                    text += "  " + fill(self.tr("satisfaction %1/5"), c.satisfaction)
                if c.note:
                    text = labelled(text, c.note)
                rows.append((c.at, text + cites(c.evidence) + self._entered(c.recorded_at, c.by), ("closing", i)))
            for i, r in enumerate(wf.reopenings):
                rows.append((r.at, fill(self.tr("Reopened: %1"), r.reason), ("reopening", i)))
            for when, text, key in sorted(rows, key=lambda row: row[0]):
                self._item(section, _when(when), text, key)
        if wf.is_empty():
            # one text across both columns: a spanned item shows its first column's
            item = QTreeWidgetItem(self.tree, [self.tr("Nothing recorded yet: use the buttons below."), ""])
            item.setFirstColumnSpanned(True)
        self.tree.resizeColumnToContents(0)

    def selected(self) -> tuple[str, int] | None:
        item = self.tree.currentItem()
        key = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        return (str(key[0]), int(key[1])) if isinstance(key, list | tuple) and len(key) == 2 else None

    def select(self, kind: str, index: int) -> None:
        """Select the list item of a record (a round, a proceeding)."""
        for i in range(self.tree.topLevelItemCount()):
            section = self.tree.topLevelItem(i)
            for j in range(section.childCount() if section is not None else 0):
                child = section.child(j) if section is not None else None
                if child is not None and child.data(0, Qt.ItemDataRole.UserRole) in ((kind, index), [kind, index]):
                    self.tree.setCurrentItem(child)
                    return

    def _update_buttons(self) -> None:
        case = self.case
        closed = case is not None and case.workflow.closed is not None
        chosen = self.selected()
        pending = (
            case is not None
            and chosen is not None
            and chosen[0] == "proposal"
            and case.workflow.proposals[chosen[1]].answer is Answer.PENDING
        )
        for button in (
            self.response_button,
            self.finding_button,
            self.propose_button,
            self.proceeding_button,
            self.outcome_button,
            self.payment_button,
        ):
            button.setEnabled(case is not None and not closed)
        self.answer_button.setEnabled(pending and not closed)
        self.update_button.setEnabled(chosen is not None and chosen[0] == "proceeding" and not closed)
        self.close_button.setVisible(not closed)
        self.reopen_button.setVisible(closed)

    # ------------------------------------------------------------------ writing

    def _write(self, change: Callable[[CaseWriter], Any], dialog: RecordDialog) -> None:
        """Make ``change`` to the case through the write runner; the dialog closes when it is recorded, or
        says why it was refused; the case is shown again."""
        number = self.number
        if number is None:
            return
        library = self.ctx.library

        def work(_token):  # type: ignore[no-untyped-def]
            with library.edit(number) as writer:
                change(writer)

        def done(_result: object) -> None:
            dialog.recorded()
            self.ctx.events.case_changed.emit(number)

        task = Task(work, "handling")
        task.failed.connect(dialog.refused)
        task.succeeded.connect(done)
        task.finished.connect(lambda: self.set_case(number) if self.number == number else None)
        dialog.buttons.setEnabled(False)
        self.ctx.runner.start(task)

    def _open(self, dialog: RecordDialog, record: Callable[[], Callable[[CaseWriter], Any]]) -> RecordDialog:
        """Show ``dialog``; on OK, ``record`` reads it (raising on a value it refuses) and the change is written."""

        def accepted() -> None:
            self._write(record(), dialog)

        dialog.on_accept = accepted
        dialog.finished.connect(lambda _code: setattr(self, "dialog", None))
        if self.last_dialog is not None and not self.last_dialog.isVisible():
            self.last_dialog.deleteLater()  # one finished dialog is kept at most
        self.dialog = self.last_dialog = dialog
        dialog.open()
        return dialog

    def record_first_response(self) -> RecordDialog:
        d = RecordDialog(self.tr("First response"), self)
        case = self.case
        current = case.first_response_at if case is not None else None
        if current is None:
            # No time is preset: it is ticked and given (or corrected from now) before OK records it.
            at = d.optional_time(self.tr("Answered at"), choose=True)
            at.setToolTip(self.tr("Tick, then give when the complainant was answered"))
        else:
            at = d.optional_time(self.tr("Answered at"), current)
            at.setToolTip(self.tr("Untick to clear: the first contact on the timeline, or the first step, then counts"))
        # How the complainant was answered, and what was said: put on the timeline as that contact.
        ways = [EventKind.CALL, EventKind.VISIT, EventKind.CHAT, EventKind.EMAIL, EventKind.OTHER]
        how = d.combo(self.tr("How"), [("", self.tr("Not said")), *((k.value, event_kind_name(k.value)) for k in ways)])
        note = d.line(self.tr("Note"), placeholder=self.tr("e.g. called back, promised an answer by Friday"))

        def read() -> Callable[[CaseWriter], Any]:
            when = at.value()
            kind, said = str(how.currentData() or ""), note.text().strip()
            if when is None or not (kind or said):
                return lambda w: handling.record_first_response(w, when)
            event = TimelineEvent(
                at=when,
                kind=EventKind(kind or EventKind.NOTE.value),
                summary=said or self.tr("First response"),
                party="complainant",
            )

            def write(w: CaseWriter) -> Any:
                recorded = handling.record_first_response(w, when)
                w.add_event(event)
                return recorded

            return write

        return self._open(d, read)

    def record_finding(self) -> RecordDialog:
        d = RecordDialog(self.tr("Responsibility"), self)
        case = self.case
        current = case.responsible_party.value if case is not None else ""
        party = d.combo(
            self.tr("Responsible party"),
            [(r.value, responsible_name(r.value)) for r in ResponsibleParty],
            "" if current == ResponsibleParty.UNDETERMINED.value else current,
            choose=True,
        )
        at = d.time(self.tr("Decided at"))
        reasons = d.line(self.tr("Reasons"))
        evidence = d.exhibits(self.tr("Exhibits"), self.case)

        def read() -> Callable[[CaseWriter], Any]:
            finding = Finding(
                party=str(party.currentData()),
                at=_time_of(at),
                reasons=reasons.text().strip(),
                evidence=evidence.chosen(),
            )
            return lambda w: handling.find_responsibility(w, finding)

        return self._open(d, read)

    def record_proposal(self) -> RecordDialog:
        d = RecordDialog(self.tr("Proposal"), self)
        by = d.combo(self.tr("Proposed by"), _parties(), choose=True)
        at = d.time(self.tr("Proposed at"))
        summary = d.line(self.tr("What is proposed"))
        amount = d.line(self.tr("Amount (yuan)"))
        reply_by = d.optional_time(self.tr("Answer by"))
        evidence = d.exhibits(self.tr("Exhibits"), self.case)

        def read() -> Callable[[CaseWriter], Any]:
            proposal = Proposal(
                at=_time_of(at),
                by=str(by.currentData()),
                summary=summary.text().strip(),
                amount=parse_amount(amount.text(), self.tr("Amount (yuan)")) if amount.text().strip() else None,
                reply_by=reply_by.value(),
                evidence=evidence.chosen(),
            )
            return lambda w: handling.propose(w, proposal)

        return self._open(d, read)

    def answer_selected(self) -> RecordDialog | None:
        chosen = self.selected()
        if chosen is None or chosen[0] != "proposal":
            return None
        round_no = chosen[1] + 1
        d = RecordDialog(fill(self.tr("Answer to round %1"), round_no), self)
        answer = d.combo(
            self.tr("Answer"),
            [(a.value, answer_name(a.value)) for a in Answer if a is not Answer.PENDING],
            choose=True,
        )
        at = d.time(self.tr("Answered at"))
        note = d.line(self.tr("Note"))
        evidence = d.exhibits(self.tr("Exhibits"), self.case)

        def read() -> Callable[[CaseWriter], Any]:
            chosen_answer, when, text, cited = (
                Answer(answer.currentData()),
                _time_of(at),
                note.text(),
                evidence.chosen(),
            )
            return lambda w: handling.answer_proposal(w, round_no, chosen_answer, when, text, evidence=cited)

        return self._open(d, read)

    def record_proceeding(self) -> RecordDialog:
        d = RecordDialog(self.tr("Proceeding"), self)
        venue = d.combo(self.tr("Venue"), [(v.value, proceeding_venue_name(v.value)) for v in Venue], choose=True)
        body = d.line(self.tr("Body"), placeholder=self.tr("e.g. 徐汇区市场监督管理局"))
        ref = d.line(self.tr("Their number"), placeholder=self.tr("消协 file number, 12315 工单号, case number"))
        filed = d.optional_time(self.tr("Filed at"), zone.now())
        accepted = d.optional_time(self.tr("Accepted at"))
        summary = d.line(self.tr("Note"))
        evidence = d.exhibits(self.tr("Exhibits"), self.case)

        def read() -> Callable[[CaseWriter], Any]:
            proceeding = Proceeding(
                venue=Venue(venue.currentData()),
                body=body.text().strip(),
                ref=ref.text().strip(),
                filed_at=filed.value(),
                accepted_at=accepted.value(),
                summary=summary.text().strip(),
                evidence=evidence.chosen(),
            )
            return lambda w: handling.open_proceeding(w, proceeding)

        return self._open(d, read)

    def update_selected(self) -> RecordDialog | None:
        chosen = self.selected()
        if self.case is None or chosen is None or chosen[0] != "proceeding":
            return None
        k = chosen[1] + 1
        p = self.case.workflow.proceedings[chosen[1]]
        d = RecordDialog(fill(self.tr("Proceeding %1: %2"), k, proceeding_venue_name(p.venue.value)), self)
        body = d.line(self.tr("Body"), p.body)
        ref = d.line(self.tr("Their number"), p.ref)
        times = {
            "filed_at": d.optional_time(self.tr("Filed at"), p.filed_at),
            "accepted_at": d.optional_time(self.tr("Accepted at"), p.accepted_at),
            "decided_at": d.optional_time(self.tr("Decided at"), p.decided_at),
            "served_at": d.optional_time(self.tr("Served at"), p.served_at),
            "ended_at": d.optional_time(self.tr("Ended at"), p.ended_at),
        }
        result = d.combo(
            self.tr("Result"), [(r.value, proceeding_result_name(r.value)) for r in ProceedingResult], p.result.value
        )
        hearing = d.optional_time(self.tr("Add a hearing"))
        testing_open = any(t.end is None for t in p.testing)
        testing = d.optional_time(self.tr("Testing ended") if testing_open else self.tr("Testing began"))
        testing.setToolTip(self.tr("检定、检验、鉴定: the time is not counted in the regulator's mediation period"))
        testing_note = d.line(self.tr("What is tested"))
        testing_note.setEnabled(not testing_open)
        evidence = d.exhibits(self.tr("Exhibits"), self.case, p.evidence)

        def read() -> Callable[[CaseWriter], Any]:
            changes: dict[str, Any] = {"body": body.text().strip(), "ref": ref.text().strip()}
            changes.update({name: widget.value() for name, widget in times.items()})
            changes["result"] = ProceedingResult(result.currentData())
            # Those it cited, ticked or not, in the order they were cited; newly ticked ones after them.
            ticked = evidence.chosen()
            changes["evidence"] = [n for n in p.evidence if n in ticked] + [n for n in ticked if n not in p.evidence]
            new_hearing, test_time, note = hearing.value(), testing.value(), testing_note.text()

            def change(w: CaseWriter) -> None:
                # Against the proceeding shown: what someone else saved meanwhile stays, or is a conflict.
                handling.update_proceeding(w, k, base=p, **changes)
                if new_hearing is not None:
                    handling.add_hearing(w, k, new_hearing)
                if test_time is not None:
                    if testing_open:
                        handling.end_testing(w, k, test_time)
                    else:
                        handling.start_testing(w, k, test_time, note)

            return change

        return self._open(d, read)

    def record_outcome(self) -> RecordDialog:
        d = RecordDialog(self.tr("Outcome"), self)
        kind = d.combo(self.tr("Outcome"), [(k.value, outcome_kind_name(k.value)) for k in OutcomeKind], choose=True)
        at = d.time(self.tr("Agreed or decided at"))
        amount = d.line(self.tr("Amount to pay or refund (yuan)"))

        def money_to_pay() -> bool:
            """An amount is given that is not zero (one that is no amount counts: it is refused when recorded)."""
            text = amount.text().strip()
            if not text:
                return False
            try:
                return parse_amount(text, check=False) != 0
            except CaseFileError:
                return True

        # No payer nor payee is preset: chosen when money is to be paid, and left unsaid, or said, when nothing is
        # (the complainant is not always the one paid: a merchant is, when the courier compensates it).
        payer = d.combo(self.tr("Paid by"), _parties(optional=True), choose=True, required_when=money_to_pay)
        amount.textChanged.connect(lambda _text: d.update_ok())
        payee = d.combo(self.tr("Paid to"), _parties(optional=True), choose=True, required_when=money_to_pay)
        perform_by = d.optional_time(self.tr("Perform by"))
        summary = d.line(self.tr("What was agreed or decided"))
        summary.setToolTip(
            self.tr(
                "A term such as 判决生效之日起十日内 lets the day for performance be worked out from the proceeding"
            )
        )
        # A decision for our side with an amount and no day for performance: the day its 「判决生效之日起十日内」
        # gives is worked out from the record when it can be (said, with how), else no enforcement period can be
        # watched; said while the dialog is filled in.
        unwatched = QLabel(d)
        unwatched.setObjectName("unwatched")
        unwatched.setWordWrap(True)
        d.form.addRow(unwatched)
        case = self.case
        side = case.side if case is not None else None

        def show_unwatched() -> None:
            decision = kind.currentData() == OutcomeKind.DECISION.value and perform_by.value() is None
            derived = None
            if decision and case is not None:
                draft = Outcome(kind=OutcomeKind.DECISION, at=_time_of(at), summary=summary.text().strip())
                derived = performance_day(case, draft)
            if derived is not None:
                unwatched.setText(performance_day_text(derived))
                unwatched.setStyleSheet("")
                unwatched.show()
                return
            unwatched.setText(self.tr("No enforcement period is watched until a day for performance is entered."))
            unwatched.setStyleSheet(f"color: {URGENT_COLOUR}")
            unwatched.setVisible(decision and money_to_pay() and side is not None and payee.currentData() == side.value)

        for changed in (kind.currentIndexChanged, payee.currentIndexChanged):
            changed.connect(lambda _i: show_unwatched())
        for edited in (amount.textChanged, summary.textChanged):
            edited.connect(lambda _text: show_unwatched())
        perform_by.check.toggled.connect(lambda _on: show_unwatched())
        show_unwatched()
        evidence = d.exhibits(self.tr("Exhibits"), self.case)

        def read() -> Callable[[CaseWriter], Any]:
            outcome = Outcome(
                kind=OutcomeKind(kind.currentData()),
                at=_time_of(at),
                summary=summary.text().strip(),
                amount=parse_amount(amount.text(), self.tr("Amount to pay or refund (yuan)"))
                if amount.text().strip()
                else None,
                payer=str(payer.currentData() or ""),
                payee=str(payee.currentData() or ""),
                perform_by=perform_by.value(),
                evidence=evidence.chosen(),
            )
            return lambda w: handling.set_outcome(w, outcome)

        return self._open(d, read)

    def record_payment(self) -> RecordDialog:
        d = RecordDialog(self.tr("Payment"), self)
        amount = d.line(self.tr("Amount (yuan)"))
        at = d.time(self.tr("Paid at"))
        # Neither side of a payment is preset: who paid whom is chosen, every time (money is always paid here).
        payer = d.combo(self.tr("Paid by"), _parties(), choose=True)
        payee = d.combo(self.tr("Paid to"), _parties(), choose=True)
        method = d.line(self.tr("How"), placeholder=self.tr("原路退款, 转账, 现金…"))
        recovered = QCheckBox(self.tr("Recovered from another party (courier, manufacturer)"), d)
        d.row("", recovered)
        evidence = d.exhibits(self.tr("Proof (exhibits)"), self.case)
        note = d.line(self.tr("Note"))
        # Paid in all past what the outcome says is owed (a payment entered twice?), said while it is typed, as
        # `casefile pay` warns: the review's money would count it.
        overpaid = QLabel(d)
        overpaid.setObjectName("overpaid")
        overpaid.setWordWrap(True)
        overpaid.setStyleSheet(f"color: {URGENT_COLOUR}")
        d.form.addRow(overpaid)
        flow = self.case.workflow if self.case is not None else None

        def show_overpaid() -> None:
            owed = flow.outcome.amount if flow is not None and flow.outcome is not None else None
            try:
                this = parse_amount(amount.text(), check=False) if amount.text().strip() else None
            except InvalidValueError:
                this = None
            if flow is None or owed is None or this is None or recovered.isChecked() or flow.paid() + this <= owed:
                overpaid.hide()
                return
            total = flow.paid() + this
            overpaid.setText(
                fill(
                    self.tr(
                        "Paid in all %1 would be %2 more than the outcome says is owed (%3): "
                        "was this payment entered already?"
                    ),
                    _money(total),
                    _money(total - owed),
                    _money(owed),
                )
            )
            overpaid.show()

        amount.textChanged.connect(lambda _text: show_overpaid())
        recovered.toggled.connect(lambda _on: show_overpaid())
        show_overpaid()

        def read() -> Callable[[CaseWriter], Any]:
            if not amount.text().strip():
                raise InvalidValueError(self.tr("A payment needs its amount"))
            payment = Payment(
                at=_time_of(at),
                amount=parse_amount(amount.text(), self.tr("Amount (yuan)")),
                payer=str(payer.currentData()),
                payee=str(payee.currentData()),
                method=method.text().strip(),
                recovered=recovered.isChecked(),
                evidence=evidence.chosen(),
                note=note.text().strip(),
            )
            return lambda w: handling.record_payment(w, payment)

        return self._open(d, read)

    def close_case(self) -> RecordDialog:
        d = ClosingDialog(self, case=self.case)
        return self._open(d, d.read)

    def reopen_case(self) -> RecordDialog:
        d = RecordDialog(self.tr("Reopen case"), self)
        reason = d.line(self.tr("Why it is reopened"))
        at = d.time(self.tr("Reopened at"))

        def read() -> Callable[[CaseWriter], Any]:
            reopening = Reopening(at=_time_of(at), reason=reason.text())
            return lambda w: handling.reopen_case(w, reopening)

        return self._open(d, read)
