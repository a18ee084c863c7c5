"""The search box and its hits: over the whole library (the main window) or one case (its evidence tab).

Typing searches as the user goes: the query waits for a pause in the typing (``DEBOUNCE_MS``),
then runs on the context's reads runner, never on the GUI thread. One search runs at a time;
a query typed while one runs waits for it and replaces whatever was waiting, and the answer of a
query that is no longer the one in the box is dropped, so the list always shows the box's query.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from casefile.core.errors import CaseFileError
from casefile.core.progress import CancelToken
from casefile.core.search import KINDS
from casefile.core.search.query import Hit, SearchResult, search
from casefile.ui.context import AppContext
from casefile.ui.i18n import fill, refill_choices, translated
from casefile.ui.keys import one_tab
from casefile.ui.labels import search_kind_name
from casefile.ui.search.results import HIT_ROLE, HitDelegate, HitModel
from casefile.ui.tasks import Task

from PySide6.QtCore import QDate, QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)

DEBOUNCE_MS = 300  # the pause in typing after which the box's query is searched
PAGE = 50  # hits a page; "more" fetches the next

# The date choices: code → days back from today (None: any day; -1: the dates chosen below).
DATE_RANGES: dict[str, int | None] = {"any": None, "7": 7, "30": 30, "365": 365, "between": -1}


@dataclass(frozen=True)
class Query:
    """What one search asks for (compared to tell whether an answer is still wanted)."""

    text: str
    case: str | None
    kind: str | None
    date_from: date | None
    date_to: date | None
    offset: int = 0


def _day(edit: QDateEdit) -> date:
    chosen = edit.date()
    return date(chosen.year(), chosen.month(), chosen.day())


class SearchPanel(QWidget):
    """A search box, its filters (kind of text, dates) and the hits, best first.

    ``hit_chosen(Hit)`` is emitted when a hit is clicked or Enter is pressed on it. In case mode
    (``set_case``) the search keeps to one case and the hits do not repeat its number.
    """

    hit_chosen = Signal(object)
    searched = Signal()  # an answer (hits, none, or an error) is shown
    close_requested = Signal()  # Escape in an empty box, or the close button (case mode)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, case_mode: bool = False) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_mode = case_mode
        self.case: str | None = None
        self.task: Task | None = None  # the search running, if any
        self.waiting: Query | None = None  # the search to run once it is done
        self.shown: Query | None = None  # the search whose hits the list shows
        self.total = 0
        self.error: BaseException | None = None
        self.notice = ""  # the search tables were damaged and rebuilt for this answer: said beside the count

        self.box = QLineEdit(self)
        self.box.setClearButtonEnabled(True)
        self.kind = QComboBox(self)
        self.dates = QComboBox(self)
        self.date_from = QDateEdit(self)
        self.date_to = QDateEdit(self)
        for edit in (self.date_from, self.date_to):
            one_tab(edit)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate.currentDate())
            edit.setVisible(False)
        self.date_from.setDate(QDate.currentDate().addMonths(-1))
        self.to_label = QLabel(self)
        self.to_label.setVisible(False)
        self.close_button = QToolButton(self)
        self.close_button.setVisible(case_mode)
        self.close_button.clicked.connect(self.close_requested.emit)

        self.model = HitModel(self, with_case=not case_mode)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setItemDelegate(HitDelegate(self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)  # the snippets wrap again as the list widens
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # it may quote the query: never markup
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.count = QLabel(self)
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.more = QPushButton(self)
        self.more.setVisible(False)
        # Narrow enough to sit beside a case on a 1024-pixel screen: the choices shorten, the count wraps.
        for combo in (self.kind, self.dates):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
        self.count.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.count.setWordWrap(True)  # the note that the search file was rebuilt is read whole, never cut

        top = QHBoxLayout()
        top.addWidget(self.box, 1)
        top.addWidget(self.close_button)
        filters = QHBoxLayout()
        filters.addWidget(self.kind, 1)
        filters.addWidget(self.dates, 1)
        dates = QHBoxLayout()
        dates.addWidget(self.date_from, 1)
        dates.addWidget(self.to_label)
        dates.addWidget(self.date_to, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.more)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addLayout(dates)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.message, 1)
        layout.addLayout(bottom)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run)
        self.box.textChanged.connect(lambda _text: self.timer.start())
        self.box.returnPressed.connect(self.run)
        self.box.installEventFilter(self)
        self.list.installEventFilter(self)
        self.kind.currentIndexChanged.connect(lambda _i: self.run())
        self.dates.currentIndexChanged.connect(self._dates_chosen)
        self.date_from.dateChanged.connect(lambda _d: self.run())
        self.date_to.dateChanged.connect(lambda _d: self.run())
        self.list.clicked.connect(self._chosen)
        self.list.activated.connect(self._chosen)
        self.more.clicked.connect(self.fetch_more)
        self.retranslate()
        self._show_state()

    # ------------------------------------------------------------------ words

    def retranslate(self) -> None:
        if self.case_mode:
            self.box.setPlaceholderText(self.tr("Search this case's details and the text of its evidence"))
        else:
            self.box.setPlaceholderText(self.tr("Search every case and its evidence (Ctrl+Shift+F)"))
        self.box.setToolTip(
            self.tr(
                "Words in Chinese or English, order, waybill or phone numbers (the last four digits are enough). "
                "Chats, e-mails, PDFs, transcripts and the text read from pictures are searched."
            )
        )
        self.close_button.setText(self.tr("Back to the exhibits"))
        self.close_button.setToolTip(self.tr("Close the search and show the case's exhibits (Esc)"))
        refill_choices(self.kind, self.tr("All kinds of text"), [(k, search_kind_name(k)) for k in KINDS])
        self.kind.setToolTip(self.tr("Search only one kind of text"))
        refill_choices(
            self.dates,
            self.tr("Any date"),
            [
                ("7", self.tr("Last 7 days")),
                ("30", self.tr("Last 30 days")),
                ("365", self.tr("Last 12 months")),
                ("between", self.tr("Between dates…")),
            ],
        )
        self.dates.setToolTip(
            self.tr("When the evidence was made or captured (for a case's own details: when the complaint was made)")
        )
        self.to_label.setText(self.tr("to"))
        self.more.setText(self.tr("Show more"))
        self._show_state()

    # ------------------------------------------------------------------ what is asked

    def set_case(self, number: str | None) -> None:
        """Keep the search to case ``number`` (case mode); the hits shown go, and the box's query runs again."""
        if number == self.case:
            return
        self.case = number
        self.shown = None
        self.model.set_hits([])
        if self.box.text().strip():
            self.run()
        else:
            self._show_state()

    def set_case_title(self, lookup: Callable[[str], str]) -> None:
        """How to name a case beside its number in the hits (the main window knows every case's title)."""
        self.model.case_title = lookup

    def search_for(self, text: str) -> None:
        """Put ``text`` in the box and search it now."""
        self.box.setText(text)
        self.run()

    def query(self, offset: int = 0) -> Query:
        choice = str(self.dates.currentData() or "any")
        days = DATE_RANGES.get(choice)
        date_from = date_to = None
        if days == -1:
            date_from, date_to = _day(self.date_from), _day(self.date_to)
            if date_from > date_to:
                date_from, date_to = date_to, date_from
        elif days is not None:
            date_to = date.today()
            date_from = date_to - timedelta(days=days)
        return Query(
            text=self.box.text().strip(),
            case=self.case if self.case_mode else None,
            kind=str(self.kind.currentData() or "") or None,
            date_from=date_from,
            date_to=date_to,
            offset=offset,
        )

    def filtered(self) -> bool:
        return bool(self.kind.currentData()) or bool(self.dates.currentData())

    def _dates_chosen(self) -> None:
        between = self.dates.currentData() == "between"
        for widget in (self.date_from, self.to_label, self.date_to):
            widget.setVisible(between)
        self.run()

    # ------------------------------------------------------------------ searching

    def run(self) -> None:
        """Search the box's query now (the pause in typing is over, Enter, or a filter changed)."""
        self.timer.stop()
        query = self.query()
        if not query.text or (self.case_mode and not self.case):
            self.waiting = None
            self.shown = None
            self.error = None
            self.total = 0
            self.model.set_hits([])
            if self.task is not None:
                self.task.cancel()
            self._show_state()
            return
        self._start(query)

    def fetch_more(self) -> None:
        """The next page of the hits shown."""
        if self.shown is not None and self.model.rowCount() < self.total:
            self._start(self.query(offset=self.model.rowCount()))

    def _start(self, query: Query) -> None:
        self.notice = ""
        if self.error is not None:  # the failure said is not this query's: searching, until it answers
            self.error = None
            self.shown = None
        if self.task is not None:  # one at a time: this one runs when that one is done
            self.waiting = query
            self.task.cancel()
            self._show_state()
            return
        library = self.ctx.library

        def work(_token: CancelToken) -> SearchResult:
            return search(
                library,
                query.text,
                case=query.case,
                kind=query.kind,
                date_from=query.date_from,
                date_to=query.date_to,
                limit=PAGE,
                offset=query.offset,
            )

        task = Task(work, "search")
        task.succeeded.connect(lambda result: self._answered(query, result, None))
        task.failed.connect(lambda error: self._answered(query, None, error))
        task.finished.connect(self._finished)  # not a closure over the task: a cycle through Qt, never collected
        self.task = task
        self._show_state()
        self.ctx.reads.start(task)

    def _finished(self) -> None:
        if self.sender() is self.task:
            self.task = None
        if self.waiting is not None:
            waiting, self.waiting = self.waiting, None
            self._start(waiting)
        else:
            self._show_state()

    def _answered(self, query: Query, result: object, error: object) -> None:
        if self.waiting is not None or query.text != self.box.text().strip() or query != self.query(query.offset):
            return  # a newer query is in the box: this answer is not wanted any more
        if isinstance(error, BaseException):
            log.warning("search for %r failed: %s", query.text, error)
            self.error = error
            self.shown = query
            self.total = 0
            self.model.set_hits([])
        elif isinstance(result, SearchResult):
            self.error = None
            notice, self.ctx.library.search_notice = self.ctx.library.search_notice, None
            if notice is not None:
                self.notice = translated(notice)
            self.total = result.total
            if query.offset and self.shown is not None:
                self.model.append_hits(result.hits)
            else:
                self.model.set_hits(result.hits)
                if result.hits:
                    self.list.scrollToTop()
            self.shown = query
        self._show_state()
        self.searched.emit()

    # ------------------------------------------------------------------ what is shown

    @property
    def busy(self) -> bool:
        return self.task is not None or self.waiting is not None or self.timer.isActive()

    def _show_state(self) -> None:
        """The list when there are hits, else a sentence: what to type, searching, nothing found, or the error."""
        hits = self.model.rowCount()
        text = self.box.text().strip()
        if self.error is not None and self.shown is not None:
            reason = (
                translated(self.error)
                if isinstance(self.error, CaseFileError | OSError)
                else self.tr("an unexpected error (the details are in the log)")
            )
            message = fill(self.tr("The search could not be done: %1"), reason)
        elif not text:
            message = (
                self.tr("Type a word, a name or a number to find it in this case's details and evidence.")
                if self.case_mode
                else self.tr(
                    "Type a word, a name or a number to find it in every case: its details, chats, e-mails, "
                    "PDFs, transcripts and the text read from photos and screenshots."
                )
            )
        elif self.shown is None:
            message = self.tr("Searching…")
        elif not hits:
            message = fill(
                self.tr("Nothing found for “%1” with these filters.")
                if self.filtered()
                else self.tr("Nothing found for “%1”."),
                self.shown.text,
            )
        else:
            message = ""
        self.message.setText(message)
        self.message.setVisible(bool(message))
        self.list.setVisible(not message)
        if message or self.shown is None:
            self.count.setText(self.tr("Searching…") if self.task is not None and text else "")
        elif hits < self.total:
            self.count.setText(fill(self.tr("%1 of %2 hits, best first"), hits, self.total))
        else:
            self.count.setText(fill(self.tr("%1 hits, best first"), hits))
        if self.notice and not message:
            said = self.count.text()
            self.count.setText(said + self.tr(" · ") + self.notice if said else self.notice)
        self.count.setToolTip(self.count.text())
        self.more.setVisible(bool(hits) and hits < self.total and not message)
        self.more.setEnabled(self.task is None)

    # ------------------------------------------------------------------ choosing a hit

    def _chosen(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if isinstance(hit, Hit):
            self.hit_chosen.emit(hit)

    def focus_box(self) -> None:
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.box and key == Qt.Key.Key_Down and self.model.rowCount():
                self.list.setFocus(Qt.FocusReason.TabFocusReason)
                if not self.list.currentIndex().isValid():
                    self.list.setCurrentIndex(self.model.index(0, 0))
                return True
            if watched is self.box and key == Qt.Key.Key_Escape and not self.box.text() and self.case_mode:
                self.close_requested.emit()
                return True
            if watched is self.list and key == Qt.Key.Key_Escape:
                self.focus_box()
                return True
            if watched is self.list and key == Qt.Key.Key_Up and self.list.currentIndex().row() == 0:
                self.focus_box()
                return True
        return super().eventFilter(watched, event)
