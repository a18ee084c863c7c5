"""Table models over core query results: the case list and a case's evidence."""

from __future__ import annotations

import copy
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Set
from datetime import UTC, date, datetime, timedelta
from typing import Any

from casefile.core import law, zone
from casefile.core.fsutil import human_size
from casefile.core.listing import LIMITATION, AgendaRow, CaseSummary, ref_message, start_doubt_of
from casefile.core.listing import sort_key as index_sort_key
from casefile.core.model import Case, EvidenceKind, Exhibit, ExhibitList, Stage
from casefile.core.numbering import packet_label, packet_numbers
from casefile.core.thumbnails import thumbnail_path, thumbnailable
from casefile.core.workflow.clocks import CST, replaced_basis, rule_for
from casefile.ui import times
from casefile.ui.i18n import fill, listed, translated
from casefile.ui.labels import (
    capture_source_name,
    clock_name,
    flag_name,
    kind_name,
    priority_name,
    stage_name,
    type_name,
)

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
CLOSED_STAGES = {Stage.CLOSED.value, Stage.REVIEW.value}
URGENT_COLOUR = "#a04a00"  # our user's safe day passed, the law still gives time: urgent, not overdue


def safe_day_passed(key: str, started: datetime, last_day: date) -> str:
    """Our user's deadline past its safe day (the unmoved calendar day) but not the law's last day ``last_day``
    (moved past rest days): 已过稳妥日期，法定期限顺延至… with the article that moves it."""
    if key == LIMITATION:  # counted from a later start on record (民法典 art. 188) or afresh (art. 195), not moved
        return fill(
            QCoreApplication.translate(
                "CaseFile", "Safe day passed; counted from a later start on record it runs to %1 (%2)"
            ),
            last_day.isoformat(),
            law.cite("civil-code.195", short=True),
        )
    article = rule_for(key, started.astimezone(CST).date()).move_article
    return fill(
        QCoreApplication.translate("CaseFile", "Safe day passed; by law it runs to %1 (%2)"),
        last_day.isoformat(),
        law.cite(article, short=True),
    )


def replaced_basis_text(key: str, started: datetime) -> str:
    """What the app says of a clock resting on a replaced text whose successor could not be read (the 12305 year:
    casefile.core.workflow.clocks.replaced_basis): the article, when it stopped being in force, what replaced it,
    and that the rule shown is not the one in force; "" for any other clock."""
    day = started.astimezone(CST).date()
    old = replaced_basis(key, day)
    if old is None or old.until is None:
        return ""
    successor = law.LAWS[old.replaced_by].short_name if old.replaced_by else old.short_name
    return fill(
        QCoreApplication.translate(
            "CaseFile",
            "Rests on %1 (%2), replaced from %3 by 《%4》, whose text was not available: not the rule in force",
        ),
        law.cite(rule_for(key, day).period, short=True),
        old.effective.year,
        (old.until + timedelta(days=1)).isoformat(),
        successor,
    )


def start_doubted(found: AgendaRow | str) -> str:
    """ " (start date doubtful)" when the clock is the limitation period whose safe start cannot be true (a receipt
    before the purchase: casefile.core.workflow.limitation.start_doubt), else ""."""
    ref = found if isinstance(found, str) else found.ref
    if start_doubt_of(ref) is None:
        return ""
    return QCoreApplication.translate("CaseFile", " (start date doubtful: check the record's dates)")


def time_left(due: datetime, now: datetime) -> str:
    delta = due - now
    minutes = int(delta.total_seconds() // 60)
    if minutes < 0:
        hours = -minutes // 60
        return (
            fill(QCoreApplication.translate("CaseFile", "overdue %1 h"), hours)
            if hours
            else QCoreApplication.translate("CaseFile", "overdue")
        )
    if minutes < 60:
        return fill(QCoreApplication.translate("CaseFile", "%1 min left"), minutes)
    if minutes < 48 * 60:
        return fill(QCoreApplication.translate("CaseFile", "%1 h left"), minutes // 60)
    return fill(QCoreApplication.translate("CaseFile", "%1 days left"), minutes // (24 * 60))


class CaseListModel(QAbstractTableModel):
    """All cases of the library, filtered and sorted here over every case (not only the rows the view has
    fetched), then handed to the view in batches as it scrolls: on a library of 10,000 cases the first
    row sorted by title is the first of all 10,000, and the counts are of all of them.

    Filters: stage, type and priority, overdue / due today / due this week, and a search of the number,
    names, order and waybill numbers, the proceedings' numbers (工单号, 受理号, 案号) and a phone number
    (by its last digits). A change to one case moves
    that case's row (:meth:`update_case`); the rows the view holds follow their cases, selection and all.
    A case the user changed so that the filters no longer take it (moved on to the next stage, say) stays
    listed, in italics, until the filters change: it does not vanish from under the user.
    """

    NUMBER, TITLE, TYPE, STAGE, PRIORITY, COMPLAINANT, RESPONDENT, COMPLAINED, DUE, LEFT, EXHIBITS = range(11)
    BATCH = 500
    FILTERS = ("stage", "type", "priority", "only_overdue", "only_due_today", "only_due_this_week", "search")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[CaseSummary] = []  # every case, in the index's order (newest number first)
        self._at: dict[str, int] = {}  # each case's place in _all
        self._order: list[int] = []  # the places in _all the filters let through, in the sort's order
        self._row: dict[int, int] | None = None  # place in _all -> row of _order (made when first asked)
        self._keys: dict[int, list[Any]] = {}  # each column's sort keys of _all, made when sorted by it
        self._sort = (self.NUMBER, Qt.SortOrder.DescendingOrder)
        self._next: dict[str, AgendaRow] = {}
        self._counts: tuple[int, int] | None = None  # (due today, overdue), counted once a set of cases and time
        self._shown = 0
        self._kept: set[str] = set()  # cases listed until the filters change, whether they take them or not
        self._now = datetime.now(UTC)
        self.stage = ""
        self.type = ""
        self.priority = ""
        self.only_overdue = False
        self.only_due_today = False
        self.only_due_this_week = False
        self.search = ""

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("CaseFile", "Number"),
            QCoreApplication.translate("CaseFile", "Title"),
            QCoreApplication.translate("CaseFile", "Type"),
            QCoreApplication.translate("CaseFile", "Stage"),
            QCoreApplication.translate("CaseFile", "Priority"),
            QCoreApplication.translate("CaseFile", "Complainant"),
            QCoreApplication.translate("CaseFile", "Respondent"),
            QCoreApplication.translate("CaseFile", "Complained at"),
            QCoreApplication.translate("CaseFile", "Next deadline"),
            QCoreApplication.translate("CaseFile", "Time left"),
            QCoreApplication.translate("CaseFile", "Exhibits"),
        ]

    # ------------------------------------------------------------------ the cases

    def set_cases(
        self,
        cases: list[CaseSummary],
        now: datetime | None = None,
        deadlines: Mapping[str, AgendaRow] | None = None,
    ) -> None:
        """The cases, and each one's running clock that runs out first (``Library.next_deadlines``); the
        rows the view holds follow their cases (a list read again keeps the selection on its case)."""

        def change() -> None:
            self._all = sorted(cases, key=lambda c: index_sort_key(c.number), reverse=True)
            self._at = {case.number: place for place, case in enumerate(self._all)}
            self._next = dict(deadlines or {})
            self._keys = {}
            self._now = now or datetime.now(UTC)
            self._counts = None

        self._reorder(change)

    def update_case(
        self, number: str, summary: CaseSummary | None, deadline: AgendaRow | None, *, keep: bool = False
    ) -> None:
        """Case ``number`` as it is now (``Library.case_row``; None: gone from the library): its row is
        filtered and placed again among the others, which stay as they are. ``keep``: the user changed it
        (the case open); listed now, it stays listed until the filters change, taken by them or not."""
        place = self._at.get(number)
        if summary is None and place is None:
            return
        if keep and summary is not None and self._listed_row(number) >= 0:
            self._kept.add(number)

        def change() -> None:
            if deadline is None:
                self._next.pop(number, None)
            else:
                self._next[number] = deadline
            self._counts = None
            if summary is not None and place is not None:
                self._all[place] = summary
                for column, keys in self._keys.items():
                    keys[place] = self._sort_key(summary, column)
                return
            # A case new to the list, or gone from it: the others' places move.
            cases = [c for c in self._all if c.number != number] + ([summary] if summary is not None else [])
            self._all = sorted(cases, key=lambda c: index_sort_key(c.number), reverse=True)
            self._at = {case.number: place for place, case in enumerate(self._all)}
            self._keys = {}

        self._reorder(change)

    @property
    def now(self) -> datetime:
        """The time the list's deadlines are shown against (moved on by the window's clock)."""
        return self._now

    @now.setter
    def now(self, value: datetime) -> None:
        """Show the deadlines against ``value``: what is overdue or due, the time left; the due filters
        let through what is due then."""
        self._now = value
        self._counts = None
        if self.only_overdue or self.only_due_today or self.only_due_this_week:
            self._reorder()
        elif self._shown:
            self.dataChanged.emit(self.index(0, 0), self.index(self._shown - 1, self.columnCount() - 1))

    def next_deadline(self, case: CaseSummary) -> AgendaRow | None:
        return self._next.get(case.number)

    def summary(self, row: int) -> CaseSummary:
        """The case on the list's ``row`` (filtered and sorted)."""
        return self._all[self._order[row]]

    def row_of(self, number: str) -> int:
        """The row case ``number`` is on, fetched into the view (-1: not in the list, or filtered out)."""
        row = self._listed_row(number)
        if row >= self._shown:
            self.fetch_until(row)
        return row

    def _listed_row(self, number: str) -> int:
        """The row case ``number`` is on, fetched or not (-1: not in the list, or filtered out)."""
        place = self._at.get(number)
        if place is None:
            return -1
        if self._row is None:
            self._row = {place: row for row, place in enumerate(self._order)}
        return self._row.get(place, -1)

    def summary_of(self, number: str) -> CaseSummary | None:
        """Case ``number``'s row of the index, shown or filtered out (None: not in the library)."""
        place = self._at.get(number)
        return None if place is None else self._all[place]

    @property
    def total(self) -> int:
        """Every case of the library, filtered out or not."""
        return len(self._all)

    @property
    def matching(self) -> int:
        """The cases the filters let through, fetched into the view or not."""
        return len(self._order)

    def due_counts(self) -> tuple[int, int]:
        """How many of all the cases are due today, and how many overdue (counted once a set of cases)."""
        if self._counts is None:
            cases = [self._all[place] for place in (self._at.get(n) for n in self._next) if place is not None]
            self._counts = (
                sum(1 for c in cases if self.is_due_today(c)),
                sum(1 for c in cases if self.is_overdue(c)),
            )
        return self._counts

    def shown_rows(self, columns: list[int]) -> Callable[[], list[list[str]]]:
        """The words of ``columns`` of every case the list shows, filtered and sorted, fetched or not, as
        the list is now: put into words by the function returned, on any thread (10,000 cases take a
        third of a second)."""
        cases = [self._all[place] for place in self._order]
        deadlines = dict(self._next)
        now = self._now
        return lambda: [
            [case_cell(case, column, deadlines.get(case.number), now) for column in columns] for case in cases
        ]

    # ------------------------------------------------------------------ filters and sort

    def set_filters(self, **filters: Any) -> None:
        """Any of :attr:`FILTERS`; the rows held follow their cases (a case filtered out leaves the view, a
        case kept listed after a change among them)."""
        for key, value in filters.items():
            if key not in self.FILTERS:
                raise TypeError(f"no such filter: {key}")
            setattr(self, key, value)
        self._kept.clear()
        self._reorder()

    def kept_unmatched(self, case: CaseSummary) -> bool:
        """Listed only because the user changed it since the filters were set: they no longer take it."""
        return case.number in self._kept and not self._accepts(case)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Every case in the order of ``column`` (the view's header asks)."""
        if not 0 <= column < self.columnCount():
            return
        self._sort = (column, order)
        self._reorder()

    def _accepts(self, case: CaseSummary) -> bool:
        if self.stage and case.stage != self.stage:
            return False
        if self.type and case.type != self.type:
            return False
        if self.priority and case.priority != self.priority:
            return False
        if self.only_overdue and not self.is_overdue(case):
            return False
        if self.only_due_today and not self.is_due_today(case):
            return False
        if self.only_due_this_week and not self.is_due_this_week(case):
            return False
        if self.search:
            needle = self.search.lower()
            haystack = " ".join(
                [
                    case.number,
                    case.title,
                    case.complainant,
                    case.respondent,
                    case.order_no,
                    case.waybill_no,
                    case.proceeding_refs,
                ]
            ).lower()
            if (
                needle not in haystack
                and not phone_matches(case.complainant_phone, self.search)
                and not earlier_matches(case, self.search)
            ):
                return False
        return True

    def _filtered_and_sorted(self) -> list[int]:
        if any(getattr(self, name) for name in self.FILTERS):
            kept = self._kept
            places = [place for place, case in enumerate(self._all) if case.number in kept or self._accepts(case)]
        else:
            places = list(range(len(self._all)))
        column, order = self._sort
        keys = self._keys.get(column)
        if keys is None:
            keys = self._keys[column] = [self._sort_key(case, column) for case in self._all]
        # Stable: cases of one key stay in the index's order (newest first), in either direction.
        places.sort(key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)
        return places

    def _reorder(self, change: Callable[[], None] | None = None) -> None:
        """Make ``change`` to the cases, if any, then filter and sort again. The rows the view holds
        follow their cases (selection, current row), fetched wherever they move; a case the filters no
        longer let through leaves the view."""
        self.layoutAboutToBeChanged.emit()
        held = self.persistentIndexList()
        numbers = [self._all[self._order[index.row()]].number for index in held]
        if change is not None:
            change()
        self._order = self._filtered_and_sorted()
        self._row = None
        shown = min(max(self._shown, self.BATCH), len(self._order))
        if held:
            rows = self._row = {place: row for row, place in enumerate(self._order)}
            found = [rows.get(self._at.get(number, -1)) for number in numbers]
            # A case the view holds (the one selected) stays fetched wherever it moves.
            self._shown = max([shown, *(row + 1 for row in found if row is not None)])
            moved = [
                QModelIndex() if row is None else self.index(row, index.column())
                for index, row in zip(held, found, strict=True)
            ]
            self.changePersistentIndexList(held, moved)
        else:
            self._shown = shown
        self.layoutChanged.emit()

    def fetch_until(self, row: int) -> None:
        while self._shown <= row:
            self.fetchMore(QModelIndex())

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 11

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802
        return not parent.isValid() and self._shown < len(self._order)

    def fetchMore(self, parent: Index) -> None:  # noqa: N802
        more = min(self.BATCH, len(self._order) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def is_overdue(self, case: CaseSummary) -> bool:
        """A duty (the response promise, an agency's or a carrier's answer…) past its deadline."""
        found = self._next.get(case.number)
        return found is not None and found.overdue(self.now)

    def is_urgent(self, case: CaseSummary) -> bool:
        """Our user's deadline past its safe day, the law's last day still ahead: urgent, not overdue."""
        found = self._next.get(case.number)
        return found is not None and found.past_safe_day(self.now)

    def is_due_today(self, case: CaseSummary) -> bool:
        return self._due_by(case, days=0)

    def is_due_this_week(self, case: CaseSummary) -> bool:
        """Runs out by the end of this week (Sunday, China Standard Time), not yet overdue."""
        return self._due_by(case, days=6 - self.now.astimezone(CST).weekday())

    def _due_by(self, case: CaseSummary, *, days: int) -> bool:
        found = self._next.get(case.number)
        if found is None or found.overdue(self.now):
            return False
        end = datetime.combine(self.now.astimezone(CST).date() + timedelta(days=days + 1), datetime.min.time(), CST)
        return found.remind_at <= end

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        case = self._all[self._order[index.row()]]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(case, column)
        if role == SORT_ROLE:
            return self._sort_key(case, column)
        if role == Qt.ItemDataRole.ForegroundRole and self.is_overdue(case):
            return QBrush(QColor("#b00020"))
        if role == Qt.ItemDataRole.BackgroundRole and self.is_overdue(case):
            return QBrush(QColor("#fdecee"))
        if role == Qt.ItemDataRole.ForegroundRole and self.is_urgent(case):
            return QBrush(QColor(URGENT_COLOUR))
        if role == Qt.ItemDataRole.BackgroundRole and self.is_urgent(case):
            return QBrush(QColor("#fff3e0"))
        if case.damaged and role == Qt.ItemDataRole.DecorationRole and column == self.NUMBER:
            # Beside the number, which is always in sight: the stage column is off-screen at 1024 with a case open.
            from PySide6.QtWidgets import QApplication, QStyle

            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if case.damaged and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#8a4b00"))
        if case.damaged and role == Qt.ItemDataRole.ToolTipRole:
            damaged = self.tr("Damaged: left untouched until it verifies again (the case's overview says why)")
            deadline = self._deadline_tip(case) if column in (self.DUE, self.LEFT) else None
            if deadline is None:
                return damaged
            recorded = self.tr("The case is damaged: this is its deadline as last recorded, and it still runs")
            return f"{deadline}\n{recorded}\n{damaged}"
        if role in (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ToolTipRole) and self.kept_unmatched(case):
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Changed since the filters were set, which no longer take it: listed until they change")
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.DUE, self.LEFT):
            return self._deadline_tip(case)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COMPLAINANT and self.search:
            earlier = earlier_matches(case, self.search)
            if earlier:  # found by a name or number the case held before a correction
                return fill(self.tr("Found by an earlier contact (曾用): %1"), ", ".join(earlier))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.EXHIBITS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, case: CaseSummary, column: int) -> str:
        return case_cell(case, column, self._next.get(case.number), self.now)

    def _deadline_tip(self, case: CaseSummary) -> str | None:
        found = self._next.get(case.number)
        if found is None:
            return None
        lines = [clock_name(found.key), deadline_text(found, full=True)]
        if found.act_by and found.act_by != found.last_day and not found.past_safe_day(self.now):
            lines.append(
                fill(
                    QCoreApplication.translate(
                        "CaseFile", "Safe day (counted unmoved); by law it runs to %1, moved past rest days"
                    ),
                    found.last_day,
                )
            )
        if found.ref:
            lines.append(translated(ref_message(found)))
        if basis := replaced_basis_text(found.key, found.started_at):
            lines.append(basis)
        if found.provisional:
            lines.append(
                QCoreApplication.translate(
                    "CaseFile", "Provisional: the holiday arrangement of a year it runs into is not published yet"
                )
            )
        if found.paused:
            lines.append(
                QCoreApplication.translate("CaseFile", "Paused: the clock stands still while goods are tested")
            )
        return "\n".join(lines)

    def _sort_key(self, case: CaseSummary, column: int) -> Any:
        if column == self.NUMBER:
            return index_sort_key(case.number)  # 202611-1000 after 202611-999
        if column == self.COMPLAINED:
            return case.complained_at.timestamp()
        if column in (self.DUE, self.LEFT):
            found = self._next.get(case.number)
            return found.remind_at.timestamp() if found is not None else float("inf")
        if column == self.EXHIBITS:
            return case.exhibit_count
        if column == self.PRIORITY:
            return (
                ["urgent", "important", "normal"].index(case.priority)
                if case.priority in ("urgent", "important", "normal")
                else 9
            )
        return self._display(case, column)


def case_cell(case: CaseSummary, column: int, found: AgendaRow | None, now: datetime) -> str:
    """What the case list shows in ``column`` of ``case``, whose running clock that runs out first is
    ``found``, at ``now`` (any thread: the words only)."""
    if column == CaseListModel.NUMBER:
        return case.number
    if column == CaseListModel.TITLE:
        if case.damaged:  # said where it is seen: the title is in sight however narrow the list
            return fill(QCoreApplication.translate("CaseFile", "[DAMAGED] %1"), case.title)
        return case.title
    if column == CaseListModel.TYPE:
        return type_name(case.type)
    if column == CaseListModel.STAGE:
        if case.damaged:  # quarantined: said in words too, not by its colour alone
            return fill(QCoreApplication.translate("CaseFile", "DAMAGED · %1"), stage_name(case.stage))
        return stage_name(case.stage)
    if column == CaseListModel.PRIORITY:
        return priority_name(case.priority)
    if column == CaseListModel.COMPLAINANT:
        return case.complainant
    if column == CaseListModel.RESPONDENT:
        return case.respondent
    if column == CaseListModel.COMPLAINED:
        return times.text(case.complained_at)
    if column in (CaseListModel.DUE, CaseListModel.LEFT):
        if found is None:
            return "—"
        if found.past_safe_day(now):
            if column == CaseListModel.LEFT:
                return time_left(found.due_at, now)
            passed = safe_day_passed(found.key, found.started_at, date.fromisoformat(found.last_day))
            return f"{clock_name(found.key)}  {passed}{start_doubted(found)}"
        if column == CaseListModel.LEFT:
            return time_left(found.remind_at, now)
        return f"{clock_name(found.key)}  {deadline_text(found)}{start_doubted(found)}"
    return str(case.exhibit_count)


def earlier_matches(case: CaseSummary, query: str) -> list[str]:
    """The names and phone numbers the case's parties had before a correction (曾用) that ``query`` finds: the
    number on the customer's first receipt still finds the case."""
    needle = query.strip().lower()
    values = [v for v in case.earlier_contacts.split("\n") if v]
    return [v for v in values if needle and (needle in v.lower() or phone_matches(v, query))]


def phone_matches(phone: str, query: str) -> bool:
    """A phone number typed any way (138-1234-5678, +86 138 1234 5678, full-width digits) found by the
    whole number or a part of it of at least four digits — the last four, as clerks ask for them."""
    plain = unicodedata.normalize("NFKC", query)
    wanted = re.sub(r"\D", "", plain)
    if len(wanted) < 4 or re.sub(r"[\d\s\-+()（）]", "", plain):
        return False  # not a phone query: letters or other signs in it
    digits = re.sub(r"\D", "", unicodedata.normalize("NFKC", phone))
    return wanted in digits


def as_recorded(at: datetime | None, *, seconds: bool = False) -> str:
    """A time the file itself states (a photo's capture time) as the file states it: in its own UTC
    offset, named when it is not this machine's — an EXIF 14:12 +03:00 stays 14:12 (UTC+03:00), as
    the documents print it (named when it is not that of the zone times are shown in, casefile.core.zone);
    a time without an offset as it is."""
    if at is None:
        return ""
    text = at.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")
    offset = at.utcoffset()
    if offset is not None and offset != zone.shown(at).utcoffset():
        z = at.strftime("%z")
        text += f" (UTC{z[:3]}:{z[3:]})"
    return text


TIME_FLAGS = {"captured-after-added", "time-disagrees"}


def exhibits_changed(before: Case, after: Case) -> frozenset[int] | None:
    """The numbers of the exhibits whose record differs between two reads of a case (an exhibit's title typed
    over: that one); None when they are not the same exhibits (one was added). Off the GUI thread: it reads and
    compares every exhibit. ``after`` then holds ``before``'s object for each exhibit that did not change, and
    the one read again is let go as soon as it is compared (:meth:`ExhibitList.share`): at each edit of a case
    of thousands of exhibits, thousands of objects fewer live on into the garbage collector's oldest generation,
    whose full collections froze the window."""
    exhibits = after.exhibits
    was = {e.number: e for e in before.exhibits}
    share = exhibits.share if isinstance(exhibits, ExhibitList) else None
    same = len(was) == len(exhibits)
    changed = set()
    for i, e in enumerate(exhibits):
        old = was.get(e.number)
        if old is None:
            same = False
        elif old is e:
            continue
        elif not (share(i, old) if share is not None else old == e):
            changed.add(e.number)
    return frozenset(changed) if same else None


def _runs(rows: list[int]) -> Iterator[tuple[int, int]]:
    """Ascending row numbers as runs of consecutive rows: (first, last) each."""
    start = end = -2
    for row in rows:
        if row != end + 1:
            if start >= 0:
                yield start, end
            start = row
        end = row
    if start >= 0:
        yield start, end


class EvidenceModel(QAbstractTableModel):
    """A case's exhibits in its evidence order; group, title, kind, source and proof purpose editable in place.

    序号 is the number a packet gives the exhibit (证据N, counting the exhibits not withdrawn in this
    order, as ``casefile bundle`` makes it), so it follows a move; 案卷编号 is the exhibit's own
    number, which never changes. The kind's edit value is its code (``arbitration-agreement``); the
    view shows its name.
    """

    PACKET, NUMBER, GROUP, TITLE, KIND, SOURCE, PURPOSE, NAME, SIZE, CAPTURED, ADDED, SHA256 = range(12)
    EDITABLE = {GROUP: "group", TITLE: "title", KIND: "kind", SOURCE: "source", PURPOSE: "purpose"}

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.exhibits: list[Exhibit] = []
        self.packet: dict[int, int] = {}  # exhibit number -> 证据N in a packet of the default selection
        self.on_edit: Any = None  # callable(number, field, value) set by the view's owner
        self._icons: dict[str, QIcon] = {}
        # Files whose thumbnail was looked for and not found (until it is made, or the case is shown again):
        # a grid of thousands of exhibits asks for each icon many times as it is laid out and painted.
        self._no_thumbnail: set[str] = set()

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("CaseFile", "In packet"),
            QCoreApplication.translate("CaseFile", "File no."),
            QCoreApplication.translate("CaseFile", "Evidence group"),
            QCoreApplication.translate("CaseFile", "Title"),
            QCoreApplication.translate("CaseFile", "Kind"),
            QCoreApplication.translate("CaseFile", "Source"),
            QCoreApplication.translate("CaseFile", "Proof purpose"),
            QCoreApplication.translate("CaseFile", "Original name"),
            QCoreApplication.translate("CaseFile", "Size"),
            QCoreApplication.translate("CaseFile", "Captured"),
            QCoreApplication.translate("CaseFile", "Added"),
            QCoreApplication.translate("CaseFile", "SHA-256"),
        ]

    def header_tips(self) -> dict[int, str]:
        return {
            self.PACKET: QCoreApplication.translate(
                "CaseFile",
                "The number the exhibit gets in a packet (证据N): the exhibits not withdrawn, in this order. "
                "A packet of other exhibits numbers them as the bundle wizard shows.",
            ),
            self.NUMBER: QCoreApplication.translate(
                "CaseFile",
                "The exhibit's own number in the case file (案卷编号): it never changes. Every separator page "
                "names it under 证据N, and the command line uses it.",
            ),
            self.GROUP: QCoreApplication.translate(
                "CaseFile",
                "证据组: the exhibits that prove one fact together (e.g. 第一组：购买事实). "
                "The evidence list prints them under the group's heading.",
            ),
        }

    def set_case(self, case: Case | None) -> None:
        self.beginResetModel()
        self._no_thumbnail.clear()
        self.exhibits = case.ordered_exhibits() if case else []
        self.packet = packet_numbers(case) if case else {}
        self.endResetModel()

    def refresh(self, case: Case, changed: Set[int] | None = None) -> None:
        """The same exhibits, their contents (or packet numbers) changed, perhaps in another order (one moved):
        views keep their place, their selection and current exhibit, and editors stay open. A row that moves is
        moved (one exhibit moved: ``rowsMoved``; more: ``layoutChanged``), never reset.
        ``changed``: the numbers of the exhibits whose record changed, when known (:func:`exhibits_changed`):
        only their rows, and those whose packet number moved, are said to have changed; else every row."""
        before = self.packet
        exhibits = case.ordered_exhibits()
        was = [e.number for e in self.exhibits]
        now = [e.number for e in exhibits]
        if was != now:
            self._reorder(exhibits, was, now)
        else:
            self.exhibits = exhibits
        self.packet = packet_numbers(case)
        self._no_thumbnail.clear()
        if not self.exhibits:
            return
        last = self.columnCount() - 1
        if changed is None:
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, last))
            return
        packet = self.packet
        rows = [
            row
            for row, e in enumerate(self.exhibits)
            if e.number in changed or before.get(e.number) != packet.get(e.number)
        ]
        for first, end in _runs(rows):
            self.dataChanged.emit(self.index(first, 0), self.index(end, last))

    def _reorder(self, exhibits: list[Exhibit], was: list[int], now: list[int]) -> None:
        """Show ``exhibits`` (numbered ``now``), the exhibits shown (numbered ``was``) in another order."""
        if sorted(was) != sorted(now):
            raise ValueError("not the same exhibits: set_case shows other exhibits")
        first = next(i for i, (a, b) in enumerate(zip(was, now, strict=True)) if a != b)
        last = next(i for i in range(len(was) - 1, -1, -1) if was[i] != now[i])
        root = QModelIndex()
        if was[first] == now[last] and was[first + 1 : last + 1] == now[first:last]:
            moved = self.beginMoveRows(root, first, first, root, last + 1)  # one exhibit moved later
        elif was[last] == now[first] and was[first:last] == now[first + 1 : last + 1]:
            moved = self.beginMoveRows(root, last, last, root, first)  # one exhibit moved earlier
        else:
            moved = False
        if moved:
            self.exhibits = exhibits
            self.endMoveRows()
            return
        hint = QAbstractItemModel.LayoutChangeHint.VerticalSortHint  # rows only: the views keep their columns
        signature = ("QList<QPersistentModelIndex>", QAbstractItemModel.LayoutChangeHint)
        about: Any = self.layoutAboutToBeChanged  # the overload with the hint (stubs know only the plain one)
        changed: Any = self.layoutChanged
        about[signature].emit([], hint)
        row_of = {number: row for row, number in enumerate(now)}
        kept = self.persistentIndexList()
        self.changePersistentIndexList(kept, [self.index(row_of[was[index.row()]], index.column()) for index in kept])
        self.exhibits = exhibits
        changed[signature].emit([], hint)

    def exhibit(self, row: int) -> Exhibit:
        return self.exhibits[row]

    def packet_label(self, e: Exhibit) -> str:
        """证据N as a packet of the default selection prints it; (证据N) for a redacted copy, which goes in its
        original's place where the destination takes redacted copies; "" when it goes in no packet."""
        position = self.packet.get(e.number)
        if position is None:
            return ""
        label = packet_label(position)
        return label if e.derived_from is None else fill(QCoreApplication.translate("CaseFile", "(%1)"), label)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.exhibits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 12

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return self.header_tips().get(section)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() in self.EDITABLE and not self.exhibits[index.row()].withdrawn:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        e = self.exhibits[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.EditRole and column == self.KIND:
            return e.kind.value
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._display(e, column)
        if role == Qt.ItemDataRole.DecorationRole and column == self.TITLE:
            return self._icon(e)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.PACKET, self.NUMBER):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and e.withdrawn:
            return QBrush(QColor("#888888"))
        if role == Qt.ItemDataRole.ForegroundRole and column == self.PACKET and e.derived_from is not None:
            return QBrush(QColor("#666666"))
        if role == Qt.ItemDataRole.ForegroundRole and column == self.CAPTURED and TIME_FLAGS & set(e.flags):
            return QBrush(QColor("#b35c00"))  # a time worth a look
        if role == Qt.ItemDataRole.ToolTipRole:
            if e.withdrawn:
                return fill(QCoreApplication.translate("CaseFile", "Withdrawn: %1"), e.withdraw_reason)
            if column == self.PACKET and e.derived_from is not None and e.number in self.packet:
                return fill(
                    QCoreApplication.translate(
                        "CaseFile",
                        "The redacted copy of no. %1: where the destination takes redacted copies it goes in as "
                        "%2, in its original's place.",
                    ),
                    e.derived_from,
                    packet_label(self.packet[e.number]),
                )
            if column == self.CAPTURED and e.captured_at is not None:
                return capture_source_name(e.captured_at_source)
            if column == self.GROUP and e.group:
                return e.group  # a long group name is cut in its cell
            if e.flags:
                return listed(flag_name(f) for f in e.flags)
        return None

    def _display(self, e: Exhibit, column: int) -> str:
        if column == self.PACKET:
            return self.packet_label(e)
        if column == self.NUMBER:
            return str(e.number)
        if column == self.GROUP:
            return e.group
        if column == self.TITLE:
            if e.withdrawn:
                return fill(QCoreApplication.translate("CaseFile", "%1 (withdrawn)"), e.title)
            return e.title
        if column == self.KIND:
            return kind_name(e.kind.value)
        if column == self.SOURCE:
            return e.source
        if column == self.PURPOSE:
            return e.purpose
        if column == self.NAME:
            return e.original_name
        if column == self.SIZE:
            return human_size(e.size)
        if column == self.CAPTURED:
            return as_recorded(e.captured_at)
        if column == self.ADDED:
            return times.text(e.added_at)
        return e.sha256

    def _icon(self, e: Exhibit) -> QIcon | None:
        icon = self._icons.get(e.sha256)
        if icon is None:
            if e.sha256 in self._no_thumbnail or not thumbnailable(e.mime):
                return _kind_icon(e)
            path = thumbnail_path(e.sha256)
            if not path.exists():
                self._no_thumbnail.add(e.sha256)
                return _kind_icon(e)
            icon = self._icons[e.sha256] = QIcon(str(path))
        return icon

    def thumbnail_ready(self, number: int) -> None:
        """A thumbnail was made in the background: repaint that exhibit."""
        for row, e in enumerate(self.exhibits):
            if e.number == number:
                self._no_thumbnail.discard(e.sha256)
                index = self.index(row, self.TITLE)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or index.column() not in self.EDITABLE or self.on_edit is None:
            return False
        e = self.exhibits[index.row()]
        field = self.EDITABLE[index.column()]
        text = str(value).strip()
        if field == "title" and not text:
            return False
        if field == "kind":
            if text not in {k.value for k in EvidenceKind} or text == e.kind.value:
                return False
            typed: Any = EvidenceKind(text)
        elif getattr(e, field) == text:
            return False
        else:
            typed = text
        row = index.row()
        self.on_edit(e.number, field, text)
        # The row shows the new value at once, on a copy: the case record it came from is shared with the
        # other tabs, and stays as read until the change is written and read again. A write refused at
        # once has shown the record again: that stays.
        if row < len(self.exhibits) and self.exhibits[row] is e:
            shown = copy.copy(e)
            setattr(shown, field, typed)
            self.exhibits[row] = shown
        self.dataChanged.emit(index, index)
        return True


def _kind_icon(e: Exhibit) -> QIcon | None:
    """A generic icon for files without a thumbnail (recordings, documents...)."""
    from PySide6.QtWidgets import QApplication, QStyle

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return None
    pixmap = {
        "audio": QStyle.StandardPixmap.SP_MediaVolume,
        "video": QStyle.StandardPixmap.SP_MediaPlay,
    }.get(e.kind.value, QStyle.StandardPixmap.SP_FileIcon)
    style = app.style()
    key = (id(style), pixmap)  # made once per style: a grid asks for thousands
    icon = _KIND_ICONS.get(key)
    if icon is None:
        icon = _KIND_ICONS[key] = style.standardIcon(pixmap)
    return icon


_KIND_ICONS: dict[tuple[int, object], QIcon] = {}


def deadline_text(found: AgendaRow, *, full: bool = False) -> str:
    """The last day (or, for a clock in hours, the time) it runs out, with 暂定 when provisional; for our user's
    deadline, its safe day (the unmoved calendar day)."""
    shown = found.act_by or found.last_day
    last_day = date.fromisoformat(shown) if shown else None
    return deadline_day(found.due_at, last_day, found.provisional and not found.act_by, full=full)


def deadline_day(due: datetime, last_day: date | None, provisional: bool, *, full: bool = True) -> str:
    """A deadline as the list and the case header show it: its last day, or the time for a clock in hours
    (in the zone times are shown in: Beijing time, as clocks are counted, unless chosen otherwise), with 暂定
    when it counted across a year the calendar does not know. Short (``full=False``): without the year when it
    is this year's."""
    this_year = datetime.now(CST).year
    if last_day is not None:
        text = last_day.strftime("%m-%d") if not full and last_day.year == this_year else last_day.isoformat()
    else:
        local = zone.shown(due)
        text = times.text(due, "%m-%d %H:%M" if not full and local.year == this_year else "%Y-%m-%d %H:%M")
    if provisional:
        text += QCoreApplication.translate("CaseFile", " (provisional)")
    return text
