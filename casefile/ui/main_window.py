"""The main window: the case list on the left, the selected case's workspace on the right."""

from __future__ import annotations

import hashlib
import html
import importlib
import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from casefile.core.errors import CancelledError, CaseFileError, Message
from casefile.core.evidence import AddResult
from casefile.core.fsutil import storage_error
from casefile.core.library import Library
from casefile.core.model import CaseType, Priority, Stage
from casefile.core.progress import CancelToken, Progress
from casefile.core.search.query import Hit
from casefile.core.spreadsheet import write_xlsx
from casefile.core.verify import CaseReport, verify_case
from casefile.ui.context import AppContext, refused_inside_library, show_error
from casefile.ui.damaged_case import DamagedCasePane
from casefile.ui.i18n import fill, labelled, refill_choices, translated
from casefile.ui.keys import tab_leaves
from casefile.ui.labels import priority_name, stage_name, type_name
from casefile.ui.models import CaseListModel, time_left
from casefile.ui.screen import fit_to_screen
from casefile.ui.search import SearchPanel
from casefile.ui.tasks import Task
from casefile.ui.team import team_of
from casefile.ui.welcome import WelcomePane
from casefile.ui.workspace import Workspace

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyleOptionComboBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)

REVIEW_MODULE = "casefile.ui.review.dashboard"  # with pyqtgraph and numpy: imported when the review is first asked for


class CaseListPane(QWidget):
    """Filters, search box and the case table."""

    reloaded = Signal()  # the whole list read again has been shown

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = CaseListModel(self)  # filters and sorts every case itself, fetched into the view or not
        self._reading: Task | None = None  # the whole list being read again, while it is
        self._read_again = False
        self._changed_meanwhile: set[str] = set()  # cases read again by number while the whole list was read
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.stage = QComboBox(self)
        self.type = QComboBox(self)
        self.priority = QComboBox(self)
        self.overdue = QCheckBox(self)
        self.due_today = QCheckBox(self)
        self.due_this_week = QCheckBox(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(CaseListModel.NUMBER, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        tab_leaves(self.table)  # Tab goes on to the case; it never walks the rows (and opens another case)
        # The list's filter finds cases by their number, names, order or waybill; what is typed can also
        # be looked for in the text of every exhibit, one click (or Ctrl+Shift+F) away.
        self.search_everywhere = QPushButton(self)
        self.search_everywhere.setFlat(True)
        self.search_everywhere.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogContentsView))
        self.search_everywhere.setCursor(Qt.CursorShape.PointingHandCursor)
        self.search_everywhere.setStyleSheet(
            "QPushButton { text-align: left; color: palette(link); border: none; padding: 2px; }"
            "QPushButton:hover { text-decoration: underline; }"
            # Reached with Tab from the search box: the focus shows.
            "QPushButton:focus { text-decoration: underline; border: 1px solid palette(highlight); }"
        )
        # A long query does not widen the list: the words are cut, the whole is in the tooltip.
        self.search_everywhere.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.search_everywhere.setVisible(False)
        # The case open, when the filters hide it: said above the list (which may be empty), with a way back.
        self.hidden_open = QLabel(self)
        self.hidden_open.setWordWrap(True)
        self.hidden_open.setVisible(False)
        self._hidden_number = ""

        # Two short rows rather than one wide one: the list fits beside the case on a 1024-pixel screen.
        self.filters = filters = QHBoxLayout()
        for widget in (self.stage, self.type, self.priority):
            widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            widget.setMinimumContentsLength(4)
            filters.addWidget(widget, 1)  # the room shared as each needs it (_share_filters)
        checks = QHBoxLayout()
        checks.addWidget(self.overdue)
        checks.addWidget(self.due_today)
        checks.addWidget(self.due_this_week)
        checks.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.search_everywhere)
        layout.addLayout(filters)
        layout.addLayout(checks)
        layout.addWidget(self.hidden_open)
        layout.addWidget(self.table)
        # Tab from the search box reaches the link below it (Space follows it), then the filters.
        QWidget.setTabOrder(self.search, self.search_everywhere)
        QWidget.setTabOrder(self.search_everywhere, self.stage)

        self.table.horizontalHeader().sortIndicatorChanged.connect(lambda *_: self._show_selected())
        # The search box works as search boxes do: Down goes into the cases it found, Return opens the one
        # selected among them (else the first), Esc clears it; Up from the first row goes back to it.
        self.search.installEventFilter(self)
        self.table.installEventFilter(self)
        self.search.textChanged.connect(lambda text: self.model.set_filters(search=text.strip()))
        self.search.textChanged.connect(lambda _text: self._offer_search_everywhere())
        self.stage.currentIndexChanged.connect(lambda: self.model.set_filters(stage=self.stage.currentData() or ""))
        self.type.currentIndexChanged.connect(lambda: self.model.set_filters(type=self.type.currentData() or ""))
        self.priority.currentIndexChanged.connect(
            lambda: self.model.set_filters(priority=self.priority.currentData() or "")
        )
        self.overdue.toggled.connect(lambda on: self.model.set_filters(only_overdue=on))
        self.due_today.toggled.connect(lambda on: self.model.set_filters(only_due_today=on))
        self.due_this_week.toggled.connect(lambda on: self.model.set_filters(only_due_this_week=on))
        self.retranslate()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search number, names, order, waybill or proceeding number (Ctrl+F)"))
        self.overdue.setText(self.tr("Overdue"))
        self.due_today.setText(self.tr("Due today"))
        self.due_this_week.setText(self.tr("Due this week"))
        for combo, everything, items in (
            (self.stage, self.tr("All stages"), [(s.value, stage_name(s.value)) for s in Stage]),
            (self.type, self.tr("All types"), [(t.value, type_name(t.value)) for t in CaseType]),
            (self.priority, self.tr("All priorities"), [(p.value, priority_name(p.value)) for p in Priority]),
        ):
            refill_choices(combo, everything, items)
        self._share_filters()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
        self._offer_search_everywhere()
        self.show_hidden_open(self._hidden_number)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        key = event.key()
        if watched is self.search:
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                return self._into_found()
            if key == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
        elif watched is self.table and key == Qt.Key.Key_Up:
            current = self.table.currentIndex()
            if current.isValid() and current.row() == 0:
                self.search.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False

    def _into_found(self) -> bool:
        """From the search box to the cases it lets through: the one selected among them, else the first, is
        selected (which opens it) and the focus is on it. False: the list is empty."""
        if self.model.rowCount() == 0:
            return False
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].row() if rows else 0
        index = self.model.index(row, 0)
        if not rows:
            self.table.selectRow(row)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _share_filters(self) -> None:
        """The filters' row shared in proportion to the width each filter's "All …" choice needs in this language:
        "All priorities" is longer than "All stages", and a third of the row cut it at 1024 pixels wide."""
        for combo in (self.stage, self.type, self.priority):
            metrics = combo.fontMetrics()
            widest = metrics.horizontalAdvance(combo.itemText(0))  # "All …", what a filter shows most
            option = QStyleOptionComboBox()
            combo.initStyleOption(option)
            needed = combo.style().sizeFromContents(
                QStyle.ContentsType.CT_ComboBox, option, QSize(widest, metrics.height()), combo
            )
            self.filters.setStretchFactor(combo, max(1, needed.width()))

    def show_hidden_open(self, number: str) -> None:
        """Say that the filters hide case ``number``, the one open ("": none hidden, nothing said)."""
        self._hidden_number = number
        self.hidden_open.setVisible(bool(number))
        if number:
            said = fill(self.tr("The case open, %1, is not among the filtered cases"), number)
            show = self.tr("Show it (clears the filters)")
            self.hidden_open.setText(f'{html.escape(said)} · <a href="show">{html.escape(show)}</a>')

    def _offer_search_everywhere(self) -> None:
        text = self.search.text().strip()
        self.search_everywhere.setVisible(bool(text))
        if text:
            self.search_everywhere.setText(
                # The key first: a long query is cut at the end, never the key (the query is in the box above).
                fill(self.tr("Ctrl+Shift+F: search “%1” in the text of all evidence"), text)
            )
            self.search_everywhere.setToolTip(self.search_everywhere.text())

    def title_of(self, number: str) -> str:
        """The title of case ``number`` as the list has it ("" when the list has no such case)."""
        summary = self.model.summary_of(number)
        return summary.title if summary is not None else ""

    def load(self) -> None:
        """Every case read from the library at once (the window's first list, before it is shown)."""
        now = datetime.now(UTC)
        self.model.set_cases(self.ctx.library.list_cases(), now, self.ctx.library.next_deadlines(now))

    def reload(self) -> None:
        """Every case read again, off the GUI thread (10,000 cases take a third of a second to read), then
        shown; the rows held, the selection among them, follow their cases. One read at a time: a reload
        asked meanwhile reads once more after it."""
        if self._reading is not None:
            self._read_again = True
            return
        library = self.ctx.library
        now = datetime.now(UTC)
        self._changed_meanwhile = set()
        task = Task(lambda _token: (library.list_cases(), library.next_deadlines(now)), "read the case list")

        def read(result: object) -> None:
            if self.ctx.library is not library:  # switched away from meanwhile: its own reload follows
                return
            assert isinstance(result, tuple)
            self.model.set_cases(result[0], now, result[1])
            for number in sorted(self._changed_meanwhile):  # newer than the list just read
                self.update_case(number)
            self.reloaded.emit()

        def finished() -> None:
            self._reading = None
            if self._read_again:
                self._read_again = False
                self.reload()

        task.succeeded.connect(read)
        task.failed.connect(lambda error: show_error(self, error))
        task.finished.connect(finished)
        self._reading = task
        self.ctx.reads.start(task)

    def update_case(self, number: str, *, keep: bool = False) -> None:
        """Case ``number``'s row read again from the library (it changed, came or went); the rest stay.
        ``keep``: the case open, listed until the filters change even if they no longer take it."""
        if self._reading is not None:
            self._changed_meanwhile.add(number)
        summary, deadline = self.ctx.library.case_row(number, self.model.now)
        self.model.update_case(number, summary, deadline, keep=keep)

    def current_number(self) -> str:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return ""
        return self.model.summary(rows[0].row()).number

    def select(self, number: str) -> None:
        row = self.model.row_of(number)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _show_selected(self) -> None:
        """After a sort, the selected case is in sight where it moved to (the top, when none is)."""
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.table.scrollTo(rows[0])
        else:
            self.table.scrollToTop()

    def list_export(self, path: Path) -> Callable[[], int]:
        """Writing the cases the list shows — filtered and sorted as they are now, with its columns and
        words — to an Excel workbook at ``path``: the function returned writes it (on any thread) and
        says how many."""
        header = self.model.headers()
        columns = [c for c in range(self.model.columnCount()) if not self.table.isColumnHidden(c)]
        names = [header[c] for c in columns]
        words = self.model.shown_rows(columns)  # every case let through, fetched or not
        sheet = self.tr("Cases")

        def write() -> int:
            rows = words()
            widths = [
                min(60, max(8, *(len(str(v or "")) * 2 for v in [n, *(row[i] for row in rows)])))
                for i, n in enumerate(names)
            ]
            write_xlsx(path, names, rows, sheet=sheet, widths=widths)
            return len(rows)

        return write


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.cases = CaseListPane(ctx, self)
        self.search = SearchPanel(ctx, self)
        self.search.set_case_title(self.cases.title_of)
        self.search.hit_chosen.connect(self.open_hit)
        self.cases.search_everywhere.clicked.connect(lambda: self.search_everywhere(self.cases.search.text()))
        self._pending_hit: Hit | None = None  # a hit to show once its case is open (after unsaved edits)
        self._case_note = ""  # a status-bar note about the case open, cleared when another case is shown
        # The left side: the case list, or the search through the text of every case, as two tabs.
        self.left = QTabWidget(self)
        self.left.setDocumentMode(True)
        self.left.addTab(self.cases, "")
        self.left.addTab(self.search, "")
        self.workspace = Workspace(ctx, self)
        for tab in (self.workspace.evidence, self.workspace.bundles):
            tab.follows_changes = False  # _case_changed refreshes every tab of the case open: one read of it
        self.welcome = WelcomePane(self)
        # Where a case would be: its workspace, or the ways in when none is open.
        self.right = QStackedWidget(self)
        self.right.addWidget(self.workspace)
        self.right.addWidget(self.welcome)
        # Where the case would be when the one chosen cannot be read: why, and what to do.
        self.damaged = DamagedCasePane(self)
        self.right.addWidget(self.damaged)
        self._page_policies = {page: page.sizePolicy() for page in (self.workspace, self.welcome, self.damaged)}
        splitter = QSplitter(self)
        splitter.addWidget(self.left)
        splitter.addWidget(self.right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([640, 720])
        self.splitter = splitter
        self.setCentralWidget(splitter)
        self.due_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.due_label)
        self.team_label = QLabel(self)  # 团队库 and who is signed in, while the window shows a team library
        self.statusBar().addPermanentWidget(self.team_label)
        self.fetching = ""  # the case being fetched from the team library, while it is
        self.pull_task: Task | None = None  # the case list being fetched from the team library, while it is
        self._make_actions()
        self._holding = False  # True while the list is put back on the case being edited
        # The case asked for while the open one has unsaved edits: asked about once, however many times the
        # list's selection moved to it meanwhile (a key press in the list moves it twice).
        self._leaving: str | None = None
        self.cases.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.cases.hidden_open.linkActivated.connect(
            lambda _link: self.open_case(self.workspace.number) if self.workspace.number else None
        )
        self.welcome.new_case.connect(self.open_new_case)
        self.welcome.walk_in.connect(self.open_walkin)
        self.welcome.import_case.connect(self.import_archive)
        self.damaged.verify.connect(lambda number: self.verify(numbers=[number]))
        self.damaged.repair.connect(lambda number: self.repair_cases([number]))
        self.workspace.overview.saved.connect(self._saved)
        self.workspace.overview.save_failed.connect(self._not_saved)
        self.workspace.overview.stage_moved.connect(self._stage_moved)
        ctx.events.cases_changed.connect(self.cases.reload)
        ctx.events.cases_changed.connect(self._update_status)
        ctx.events.cases_changed.connect(self._cases_reloaded)
        self.cases.reloaded.connect(self._cases_reloaded)
        ctx.events.case_changed.connect(self._case_changed)
        model = self.cases.model
        for signal in (model.modelReset, model.layoutChanged):
            signal.connect(lambda *_: self._update_status())  # a search or a filter changes what the list shows
            signal.connect(lambda *_: self._follow_open_case())
        from casefile.ui.watching import WatchService

        self.watch = WatchService(ctx, self)
        self.watch.batch.connect(self._arrivals)
        self.watch.problem.connect(self._watch_problem)
        ctx.events.watch_folders_changed.connect(lambda: self.watch.restart() if self.watch.running else None)
        from casefile.ui.timestamps import StampSender

        # Timestamp requests queued while the TSA could not be reached are sent again in the background.
        self.stamps = StampSender(ctx, self)
        self.stamps.root_not_pinned.connect(self._root_not_pinned)
        from casefile.ui.ocr_queue import OcrQueue

        # New pictures and scanned pages are read (OCR) in the background after every change to a case.
        self.ocr = OcrQueue(ctx, self)
        self.statusBar().addPermanentWidget(self.ocr.label)
        # The case open is queued once it is read again for its tabs (_case_changed), with that record.
        self.workspace.case_read.connect(self.ocr.queue)
        # A picture read while its packet is being checked is checked again for the personal data it shows.
        self.ocr.text_stored.connect(self.workspace.bundles.wizard.pictures_read)
        # Read again after a change (a repair, a verify): the workspace or the damaged case's page, as it is now.
        self.workspace.case_read.connect(lambda number, _case: self._case_read(number))
        self.retranslate()
        self.cases.load()
        self._update_status()
        self._restore_layout()
        self._show_case_or_welcome()
        self.workspace.currentChanged.connect(lambda index: QSettings().setValue(self._remembered("tab"), index))
        # Deadlines move with the clock: refresh "time left" and overdue marks every minute.
        self.clock = QTimer(self)
        self.clock.timeout.connect(self._tick)
        self.clock.start(60_000)

    # ------------------------------------------------------------------ the team library

    @property
    def on_team(self) -> bool:
        return self.ctx.library.remote is not None

    def reload_cases(self) -> None:
        """The case list again; on a team library, its cases pulled from the catalogue first (off the GUI thread)."""
        if not self.on_team:
            self.ctx.events.cases_changed.emit()
            return
        library = self.ctx.library
        current = self.workspace.number

        def shown_state() -> tuple[str, int, int] | None:
            """What tells that the open case changed here: why it is damaged, its custody log's size and time."""
            if current is None:
                return None
            try:
                log = library.folder(current).custody.path.stat()
            except (CaseFileError, OSError):
                return library.quarantine_reason(current), -1, -1
            return library.quarantine_reason(current), log.st_size, log.st_mtime_ns

        def work(_token: CancelToken) -> str | None:
            before = shown_state()
            library.pull()
            return current if current is not None and shown_state() != before else None

        task = Task(work, "team pull")
        self.statusBar().showMessage(self.tr("Fetching the case list from the team library…"))

        def done(changed: object) -> None:
            self.statusBar().clearMessage()
            if self.ctx.library is library:
                self.ctx.events.cases_changed.emit()
                # Another member changed the open case, or found it damaged: shown again (edits under way kept).
                if isinstance(changed, str) and changed == self.workspace.number:
                    self.ctx.events.case_changed.emit(changed)

        def failed(error: object) -> None:
            from casefile.ui.team import plain_problem

            self.statusBar().showMessage(
                fill(self.tr("The case list is as last fetched: %1"), plain_problem(error, team_of(library))), 60_000
            )

        task.succeeded.connect(done)
        task.failed.connect(failed)
        task.finished.connect(lambda: setattr(self, "pull_task", None))
        self.pull_task = task
        self.ctx.runner.start(task)

    def switch_library(self, library: Library) -> bool:
        """Show ``library`` (a team library's working copy, or a solo library) in this window instead of
        the one shown; the one shown is closed. False (nothing changed) while the open case has edits
        not saved."""
        if self.workspace.number and self.workspace.overview.unsaved():
            return False
        watching = self.watch.running
        self.watch.stop()
        self.ocr.stop()
        self.ctx.reads.cancel_all()
        self.ctx.runner.wait(30_000)
        self.ctx.reads.wait(30_000)
        self.watch.wait_stopped(10)
        old, self.ctx.library = self.ctx.library, library
        self.workspace.set_case(None)
        self.cases.table.clearSelection()
        old.close()
        self.ctx.events.cases_changed.emit()
        self.retranslate()
        if watching:
            self.watch.start()
        return True

    def _show_team(self) -> None:
        team = team_of(self.ctx.library)
        if team is None:
            self.team_label.hide()
            return
        from casefile.ui.team import who

        self.team_label.setText(fill(self.tr("Team library · %1"), who(team)))
        self.team_label.setToolTip(fill(self.tr("Catalogue %1; evidence store %2"), team.db_shown, team.store_url))
        self.team_label.show()

    # ------------------------------------------------------------------ actions

    def _make_actions(self) -> None:
        self.act_new = QAction(self)
        self.act_new.setShortcut(QKeySequence("Ctrl+N"))
        self.act_new.triggered.connect(self.open_new_case)
        self.act_walkin = QAction(self)
        self.act_walkin.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.act_walkin.triggered.connect(self.open_walkin)
        self.act_import = QAction(self)
        self.act_import.triggered.connect(self.import_archive)
        self.act_verify = QAction(self)
        self.act_verify.setShortcut(QKeySequence("Ctrl+Shift+V"))
        self.act_verify.triggered.connect(lambda: self.verify(all_cases=False))
        self.act_verify_all = QAction(self)
        self.act_verify_all.triggered.connect(lambda: self.verify(all_cases=True))
        self.act_search = QAction(self)
        self.act_search.setShortcut(QKeySequence.StandardKey.Find)
        self.act_search.triggered.connect(self._focus_search)
        self.act_search_all = QAction(self)
        self.act_search_all.setShortcut(QKeySequence("Ctrl+Shift+F"))
        self.act_search_all.triggered.connect(self.focus_search_all)
        self.act_reload = QAction(self)
        self.act_reload.setShortcut(QKeySequence.StandardKey.Refresh)
        self.act_reload.triggered.connect(self.reload_cases)
        self.act_settings = QAction(self)
        self.act_settings.triggered.connect(self.open_settings)
        self.act_export_list = QAction(self)
        self.act_export_list.triggered.connect(self.export_case_list)
        self.act_review = QAction(self)
        self.act_review.triggered.connect(self.open_review)
        self.review_window: QWidget | None = None
        self.review_task: Task | None = None  # the review's module being imported, the first time it is asked for
        self.act_quit = QAction(self)
        self.act_quit.setShortcut(QKeySequence.StandardKey.Quit)
        self.act_quit.triggered.connect(self.close)
        # The case's tabs by keyboard, wherever the focus is (the case list too): Ctrl+Tab and Ctrl+PgDn to the
        # next, Ctrl+Shift+Tab and Ctrl+PgUp to the one before, Alt+1… to each; and each in the View menu.
        self.act_tab_next = QAction(self)
        self.act_tab_next.setShortcuts([QKeySequence("Ctrl+Tab"), QKeySequence("Ctrl+PgDown")])
        self.act_tab_next.triggered.connect(lambda: self.step_tab(1))
        self.act_tab_previous = QAction(self)
        self.act_tab_previous.setShortcuts(
            [QKeySequence("Ctrl+Shift+Tab"), QKeySequence("Ctrl+Shift+Backtab"), QKeySequence("Ctrl+PgUp")]
        )
        self.act_tab_previous.triggered.connect(lambda: self.step_tab(-1))
        self.tab_group = QActionGroup(self)
        self.act_tabs: list[QAction] = []
        for index in range(self.workspace.count()):
            action = QAction(self.tab_group)
            action.setCheckable(True)
            action.setShortcut(QKeySequence(f"Alt+{index + 1}"))
            action.triggered.connect(lambda _=False, i=index: self.show_tab(i))
            self.act_tabs.append(action)
        self.workspace.currentChanged.connect(self._tab_shown)
        self._tab_shown(self.workspace.currentIndex())
        # Adding evidence from the menu (Ctrl+O anywhere): the evidence tab, then its file chooser. The tab's own
        # button keeps the words "(Ctrl+O)"; the key is the window's, so that it is not claimed twice.
        self.act_close_case = QAction(self)
        self.act_close_case.setShortcut(QKeySequence("Ctrl+W"))
        self.act_close_case.triggered.connect(self.close_case)
        # The stage box, 结案 and the receipt, from the menu: each is far from the top of its tab by Tab.
        self.act_stage = QAction(self)
        self.act_stage.setShortcut(QKeySequence("Ctrl+J"))  # 阶段 (jiēduàn)
        self.act_stage.triggered.connect(self.go_to_stage)
        self.act_conclude = QAction(self)
        self.act_conclude.setShortcut(QKeySequence("Ctrl+Shift+E"))  # the End of the case
        self.act_conclude.triggered.connect(self.conclude_case)
        self.act_receipt = QAction(self)
        self.act_receipt.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.act_receipt.triggered.connect(self.print_receipt_again)
        self.act_add_evidence = QAction(self)
        self.act_add_evidence.setShortcut(QKeySequence.StandardKey.Open)
        self.act_add_evidence.triggered.connect(self.add_evidence)
        self.workspace.evidence.act_add_files.setShortcut(QKeySequence())
        # Ctrl+S on the tabs that save as they are typed in (the overview saves its own form): an edit still
        # open is finished, edits left in the overview are saved, and the status bar says so.
        self.save_keys: list[QShortcut] = []
        for tab in self.workspace.tabs():
            if tab is not self.workspace.overview:
                key = QShortcut(QKeySequence.StandardKey.Save, tab)
                key.setContext(Qt.ShortcutContext.WindowShortcut)
                key.activated.connect(self.confirm_saved)
                self.save_keys.append(key)
        self.act_lang = {}
        from casefile.ui.i18n import LANGUAGES

        for code, name in LANGUAGES.items():
            action = QAction(name, self)
            action.setCheckable(True)
            action.setChecked(code == self.ctx.settings.language)
            action.triggered.connect(lambda _=False, c=code: self.switch_language(c))
            self.act_lang[code] = action
        self.file_menu = self.menuBar().addMenu("")
        self.file_menu.addActions([self.act_import, self.act_reload, self.act_export_list])
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.act_settings, self.act_quit])
        self.case_menu = self.menuBar().addMenu("")
        self.case_menu.addActions([self.act_new, self.act_walkin, self.act_add_evidence, self.act_close_case])
        self.case_menu.addSeparator()
        self.case_menu.addActions([self.act_stage, self.act_conclude, self.act_receipt])
        self.case_menu.addSeparator()
        self.case_menu.addActions([self.act_search, self.act_search_all, self.act_verify, self.act_verify_all])
        self.view_menu = self.menuBar().addMenu("")
        self.view_menu.addActions(self.act_tabs)
        self.view_menu.addSeparator()
        self.view_menu.addActions([self.act_tab_next, self.act_tab_previous])
        self.review_menu = self.menuBar().addMenu("")
        self.review_menu.addAction(self.act_review)
        self.lang_menu = self.menuBar().addMenu("")
        self.lang_menu.addActions(list(self.act_lang.values()))
        toolbar = self.addToolBar("main")
        toolbar.setObjectName("main-toolbar")
        toolbar.addActions([self.act_new, self.act_walkin, self.act_verify])
        self.toolbar = toolbar

    def go_to_stage(self) -> None:
        """The open case's stage box (概况), its stage chosen next."""
        if self.workspace.number is None:
            return
        self.workspace.setCurrentWidget(self.workspace.overview)
        self.workspace.overview.focus_stage()

    def conclude_case(self) -> None:
        """结案 for the open case, as 处理's button opens it."""
        if self.workspace.number is None:
            return
        handling = self.workspace.handling
        self.workspace.setCurrentWidget(handling)
        if handling.close_button.isHidden() or not handling.close_button.isEnabled():
            self._case_note = self.tr("This case is closed already; Reopen… in the Handling tab reopens it")
            self.statusBar().showMessage(self._case_note, 10_000)
            return
        handling.close_case()

    def print_receipt_again(self) -> None:
        """材料 with the receipt chosen, to print it again (A5 or an 80 mm roll)."""
        if self.workspace.number is None:
            return
        self.workspace.setCurrentWidget(self.workspace.bundles)
        if not self.workspace.bundles.wizard.choose_receipt():
            self.statusBar().showMessage(self.tr("No receipt can be printed for this case"), 10_000)

    def show_tab(self, index: int) -> None:
        """Show the case's tab ``index`` (0: overview), its first control ready for the keyboard."""
        if self.workspace.number is None:
            return
        self.workspace.setCurrentIndex(index)
        page, focus = self.workspace.currentWidget(), QApplication.focusWidget()
        if page is not None and (focus is None or not page.isAncestorOf(focus)):
            self.workspace.tabBar().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def step_tab(self, step: int) -> None:
        """The case's next tab (``step`` 1) or the one before (-1), round from the last to the first."""
        count = self.workspace.count()
        if count:
            self.show_tab((self.workspace.currentIndex() + step) % count)

    def _tab_shown(self, index: int) -> None:
        if 0 <= index < len(self.act_tabs):
            self.act_tabs[index].setChecked(True)

    def confirm_saved(self) -> None:
        """Ctrl+S away from the overview: what is typed there is saved as it is typed, so this says so, once an
        edit still open (an exhibit's title) is finished; edits left in the overview are saved."""
        number = self.workspace.number
        if number is None:
            return
        focus = QApplication.focusWidget()
        if isinstance(focus, QWidget):
            view = focus.parentWidget()
            while view is not None and not isinstance(view, QAbstractItemView):
                view = view.parentWidget()
            if view is not None and focus is not view:
                view.setFocus()  # the cell's editor loses the focus: what it holds is written
        if self.workspace.overview.unsaved():
            self.workspace.overview.save()  # says "Saved", or what was refused
            return
        self.statusBar().showMessage(fill(self.tr("Saved %1: everything here is saved as it is typed"), number), 10_000)

    def close_case(self) -> None:
        """No case open any more (its edits saved or dropped, as the user answers); the list stays as it is."""
        current = self.workspace.number
        if not current:
            return
        if self.workspace.overview.unsaved():
            answer = self.ask_unsaved(current)
            if answer is QMessageBox.ButtonRole.RejectRole:
                return
            if answer is QMessageBox.ButtonRole.AcceptRole:
                self.workspace.overview.save(after=lambda: self._closed(current))
                return
        self._closed(current)

    def _closed(self, number: str) -> None:
        if self.workspace.number != number:
            return  # another case was opened meanwhile
        self._holding = True
        try:
            self.cases.table.clearSelection()
        finally:
            self._holding = False
        self._show_opened("")
        self.cases.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def add_evidence(self) -> None:
        """Add files to the case open: its evidence tab shown, then the files chosen."""
        if self.workspace.number is None:
            return
        evidence = self.workspace.evidence
        self.workspace.setCurrentWidget(evidence)
        if evidence.act_add_files.isEnabled():
            evidence.add_files()

    def export_case_list(self) -> None:
        default = str(Path.home() / fill(self.tr("cases-%1.xlsx"), datetime.now().strftime("%Y%m%d")))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the case list"), default, self.tr("Excel (*.xlsx)"))
        if not path:
            return
        target = Path(path if path.lower().endswith(".xlsx") else path + ".xlsx")
        if refused_inside_library(self, self.ctx.library, target):
            return
        write = self.cases.list_export(target)  # the list as it is now, written off the GUI thread

        def work(_token: CancelToken) -> int:
            try:
                return write()
            except OSError as exc:
                raise storage_error(exc, Message("writing {name}", name=target)) from exc

        task = Task(work, "export the case list")
        task.succeeded.connect(
            lambda count: self.statusBar().showMessage(fill(self.tr("%1 cases exported to %2"), count, target), 8000)
        )
        task.failed.connect(lambda error: show_error(self, error))
        self.statusBar().showMessage(fill(self.tr("Exporting the case list to %1…"), target))
        self.ctx.reads.start(task)

    def open_review(self) -> None:
        """The periodic review's dashboard, in a window of its own (one per main window).

        The first time, its module is imported on the reads runner, with pyqtgraph and numpy (half a second,
        and their memory, which a user who never opens the review does not pay: never at start); the window
        is made on the GUI thread once it is. Asked for again meanwhile, it is still the one window."""
        if self.review_window is not None:
            self.review_window.show()
            self.review_window.activateWindow()
            return
        self.statusBar().showMessage(self.tr("Opening the periodic review…"))
        if self.review_task is not None:
            return  # being opened
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        # Nothing pyqtgraph imports makes a pixmap, a font, a widget or any QObject: only classes, and values
        # (colours, paths) that any thread may make. The widgets are made in _review_loaded.
        task = Task(lambda _token: importlib.import_module(REVIEW_MODULE), "open the review")
        task.succeeded.connect(self._review_loaded)
        task.failed.connect(self._review_failed)
        task.finished.connect(self._review_import_over)
        self.review_task = task
        self.ctx.reads.start(task)

    def _review_loaded(self, _module: object) -> None:
        from casefile.ui.review.dashboard import ReviewDashboard  # imported by now: nothing left to load

        if self.review_window is None:
            self.review_window = ReviewDashboard(self.ctx, self)
        self.review_window.show()
        self.review_window.activateWindow()
        self.statusBar().clearMessage()
        self._review_import_over()

    def _review_failed(self, error: object) -> None:
        self._review_import_over()
        self.statusBar().showMessage(self.tr("The periodic review could not be opened."), 30_000)
        if isinstance(error, BaseException):
            show_error(self, error)

    def _review_import_over(self) -> None:
        """The wait is over, whichever way the import went (once, whichever of its signals comes first)."""
        if self.review_task is not None:
            self.review_task = None
            QApplication.restoreOverrideCursor()

    def _focus_search(self) -> None:
        self.left.setCurrentWidget(self.cases)
        self.cases.search.setFocus()
        self.cases.search.selectAll()

    def focus_search_all(self) -> None:
        """Show the search through every case's text, its box ready for typing; what the case list's filter
        holds, when it is showing, is searched for there (its link offers that, naming Ctrl+Shift+F)."""
        typed = self.cases.search.text().strip()
        if typed and self.left.currentWidget() is self.cases:
            self.search_everywhere(typed)
            return
        self.left.setCurrentWidget(self.search)
        self.search.focus_box()

    def search_everywhere(self, text: str) -> None:
        """Look for ``text`` (typed in the case list's filter) in the text of every case and exhibit."""
        self.left.setCurrentWidget(self.search)
        self.search.search_for(text.strip())
        self.search.focus_box()

    def open_hit(self, hit: Hit) -> None:
        """Open the hit's case, and there its exhibit (at the page) or the field it was found in."""
        self._pending_hit = None
        if self.workspace.number != hit.case_number:
            self.open_case(hit.case_number)
        if self.workspace.number == hit.case_number:
            self.workspace.show_hit(hit)
        else:  # the open case has edits not saved: the hit is shown once the user has answered, if it opens
            self._pending_hit = hit

    def retranslate(self) -> None:
        team = team_of(self.ctx.library)
        if team is None:
            self.setWindowTitle(fill(self.tr("CaseFile — %1"), self.ctx.library.root))
        else:
            from casefile.ui.team import server_of, who

            self.setWindowTitle(
                fill(self.tr("CaseFile — team library %1, signed in as %2"), server_of(team.db_url), who(team))
            )
        self._show_team()
        self.ocr.retranslate()
        self.file_menu.setTitle(self.tr("&File"))
        self.case_menu.setTitle(self.tr("&Case"))
        self.lang_menu.setTitle(self.tr("&Language"))
        self.review_menu.setTitle(self.tr("&Review"))
        self.view_menu.setTitle(self.tr("&View"))
        self.act_tab_next.setText(self.tr("Next tab"))
        self.act_tab_previous.setText(self.tr("Previous tab"))
        self.act_add_evidence.setText(self.tr("Add evidence…"))
        self.act_stage.setText(self.tr("Change stage…"))
        self.act_stage.setToolTip(self.tr("The stage box of the case open, in Overview (Ctrl+J)"))
        self.act_conclude.setText(self.tr("Conclude the case (结案)…"))
        self.act_conclude.setToolTip(self.tr("Record the result and close the case as concluded (Ctrl+Shift+E)"))
        self.act_receipt.setText(self.tr("Print the receipt again…"))
        self.act_receipt.setToolTip(self.tr("The complaint receipt, on A5 or an 80 mm roll, in Bundles (Ctrl+Shift+P)"))
        self.act_close_case.setText(self.tr("Put the case away"))
        self.act_close_case.setToolTip(
            self.tr("No case open; the case itself is unchanged, not closed as concluded (Ctrl+W)")
        )
        self.act_add_evidence.setToolTip(self.tr("Add files to the case open (Ctrl+O); you can also drop them on it"))
        self.act_review.setText(self.tr("Periodic review…"))
        self.act_review.setToolTip(
            self.tr("Intake, deadlines met, time to resolution and escalation over a period, against the one before")
        )
        self.act_new.setText(self.tr("New case…"))
        self.act_new.setToolTip(self.tr("A new case by any channel, its fields following its type (Ctrl+N)"))
        self.act_walkin.setText(self.tr("Walk-in complaint…"))
        self.act_walkin.setToolTip(self.tr("A customer at the counter, with photos and a receipt (Ctrl+Shift+N)"))
        self.act_import.setText(self.tr("Import a case archive…"))
        self.act_verify.setText(self.tr("Verify this case"))
        self.act_verify_all.setText(self.tr("Verify the whole library"))
        self.act_search.setText(self.tr("Search cases"))
        self.act_search_all.setText(self.tr("Search all evidence…"))
        self.act_search_all.setToolTip(
            self.tr("Find words and numbers in every case's details, chats, e-mails, PDFs and pictures (Ctrl+Shift+F)")
        )
        self.left.setTabText(self.left.indexOf(self.cases), self.tr("Cases"))
        self.left.setTabToolTip(self.left.indexOf(self.cases), self.tr("The case list and its filters (Ctrl+F)"))
        self.left.setTabText(self.left.indexOf(self.search), self.tr("Search all evidence"))
        self.left.setTabToolTip(
            self.left.indexOf(self.search),
            self.tr("Find words and numbers in every case's details, chats, e-mails, PDFs and pictures (Ctrl+Shift+F)"),
        )
        self.search.retranslate()
        self.act_reload.setText(self.tr("Reload"))
        self.act_settings.setText(self.tr("Settings…"))
        self.act_export_list.setText(self.tr("Export the case list to Excel…"))
        self.act_export_list.setToolTip(
            self.tr("The cases the list shows, as filtered and sorted, in an .xlsx workbook")
        )
        self.act_quit.setText(self.tr("Quit"))
        self.cases.retranslate()
        self.workspace.retranslate()
        for action, name in zip(self.act_tabs, self.workspace.tab_names(), strict=True):
            action.setText(name)
        self.welcome.retranslate()
        self.damaged.retranslate()
        self._update_status()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def switch_language(self, code: str) -> None:
        from casefile.core.settings import save_settings
        from casefile.ui.i18n import install

        self.ctx.settings.language = code
        save_settings(self.ctx.settings)
        for other, action in self.act_lang.items():
            action.setChecked(other == code)
        app = QApplication.instance()
        if app is not None:
            install(app, code)

    # ------------------------------------------------------------------ cases

    def _selection_changed(self) -> None:
        if self._holding:
            return
        number = self.cases.current_number()
        current = self.workspace.number
        if current and self.workspace.overview.unsaved():
            if number and number != current:
                # The list goes back to the edited case until the user says what becomes of the edits.
                self._show_in_list(current)
                if self._leaving is None:
                    QTimer.singleShot(0, self._leave_pending)
                self._leaving = number
            return  # a search that hides the edited case leaves it open
        self._open(number)

    def _follow_open_case(self) -> None:
        """The list filtered, sorted or read again: the case open is selected again wherever the list shows
        it, and when its filters hide it the list says so."""
        number = self.workspace.number or ""
        model = self.cases.model
        hidden = bool(number) and model.summary_of(number) is not None and model.row_of(number) < 0
        self.cases.show_hidden_open(number if hidden else "")
        if number and not hidden and not self.cases.current_number():
            self._show_in_list(number)

    def _open(self, number: str) -> None:
        if number and self.on_team:
            self._fetch(number)
            return
        self._show_opened(number)

    def _fetch(self, number: str) -> None:
        """A team library's case is pulled with its files (off the GUI thread), then opened; when the
        server does not answer, it opens as last fetched, and the status bar says why."""
        library = self.ctx.library
        self.fetching = number
        self.workspace.setEnabled(False)
        self.statusBar().showMessage(fill(self.tr("Fetching case %1 from the team library…"), number))
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        task = Task(lambda _token: library.pull(number, files=True), "team fetch")

        def finished() -> None:
            QApplication.restoreOverrideCursor()
            if self.fetching == number:
                self.fetching = ""
                self.workspace.setEnabled(True)

        def fetched(_result: object) -> None:
            self.statusBar().clearMessage()
            if self.ctx.library is library and self.cases.current_number() == number:
                self._show_opened(number)

        def failed(error: object) -> None:
            from casefile.ui.team import plain_problem

            self.statusBar().showMessage(
                fill(self.tr("Case %1 is shown as last fetched: %2"), number, plain_problem(error, team_of(library))),
                60_000,
            )
            if self.ctx.library is library and self.cases.current_number() == number:
                self._show_opened(number)

        task.finished.connect(finished)
        task.succeeded.connect(fetched)
        task.failed.connect(failed)
        self.fetch_task = task
        self.ctx.runner.start(task)

    def _show_opened(self, number: str) -> None:
        if self._case_note and self.statusBar().currentMessage() == self._case_note:
            self.statusBar().clearMessage()  # it was about the case shown before
        self._case_note = ""
        self.workspace.set_case(number or None)
        if number:
            QSettings().setValue(self._remembered("last_case"), number)
            # Pictures added by the command line or another window are read now.
            self.ocr.queue(number, self.workspace.case)
        self._show_case_or_welcome()
        self._follow_open_case()
        self._note_damaged()
        hit = self._pending_hit
        if hit is not None and number:
            self._pending_hit = None
            if number == hit.case_number:
                self.workspace.show_hit(hit)

    def _case_read(self, number: str) -> None:
        if number == self.workspace.number:
            self._show_case_or_welcome()
            self._note_damaged()

    def _note_damaged(self) -> None:
        """The case open found damaged on opening it (its record missing or unreadable) is quarantined as
        verification would, off the GUI thread (a team library is told too), and marked in the list at once."""
        number = self.workspace.number
        problem = self.workspace.problem
        if not number or problem is None or not self.workspace.damaged:
            return
        library = self.ctx.library
        if library.read_only:
            return

        def work(_token: CancelToken) -> bool:
            if library.quarantine_reason(number):  # quarantined already: nothing to do (a file read, off the GUI)
                return False
            library.quarantine(number, problem.message)
            return True

        task = Task(work, "quarantine")

        def done(quarantined: object) -> None:
            if quarantined is True and self.ctx.library is library:
                self._show_in_list_updated(number)
                self._update_status()

        task.succeeded.connect(done)
        task.failed.connect(lambda error: log.warning("case %s could not be quarantined: %s", number, error))
        self.quarantine_task = task
        self.ctx.runner.start(task)

    def _show_case_or_welcome(self) -> None:
        """The case's workspace when one is open, else the ways in; case actions only with a case."""
        has_case = self.workspace.number is not None
        unreadable = has_case and self.workspace.case is None and self.workspace.problem is not None
        self.welcome.set_empty(not self.cases.model.total)
        current: QWidget = self.welcome
        if unreadable:
            assert self.workspace.number is not None
            self.damaged.set_case(self.workspace.number, self.workspace.problem, damaged=self.workspace.damaged)
            current = self.damaged
        elif has_case:
            current = self.workspace
        self.right.setCurrentWidget(current)
        for page, policy in self._page_policies.items():  # the hidden page does not widen the window
            ignored = QSizePolicy.Policy.Ignored
            page.setSizePolicy(policy if page is current else QSizePolicy(ignored, ignored))
        self.act_verify.setEnabled(has_case)
        self.act_close_case.setEnabled(has_case)
        for action in (*self.act_tabs, self.act_tab_next, self.act_tab_previous, self.act_add_evidence):
            action.setEnabled(has_case and not unreadable)
        self.act_verify_all.setEnabled(self.cases.model.total > 0)

    def open_case(self, number: str) -> None:
        """Show ``number`` in the list and open it, clearing a search or filter that hides it."""
        model = self.cases.model
        self._show_in_list_updated(number)  # its row as it is now (one made or brought in meanwhile: added)
        if model.summary_of(number) is None:
            return
        if model.row_of(number) < 0:
            self.cases.search.clear()
            for combo in (self.cases.stage, self.cases.type, self.cases.priority):
                combo.setCurrentIndex(0)
            for check in (self.cases.overdue, self.cases.due_today, self.cases.due_this_week):
                check.setChecked(False)
        if number == self.workspace.number and not self.workspace.overview.unsaved():
            self._open(number)  # read again: what was added elsewhere shows, and its new pictures are read
        self.cases.select(number)
        self._show_case_or_welcome()

    def _show_in_list_updated(self, number: str) -> None:
        """Read case ``number``'s row again, not the whole list. The case open stays open and listed, even
        when the change takes it out of the filters (it leaves the list when they change)."""
        self._holding = True
        try:
            self.cases.update_case(number, keep=number == self.workspace.number)
        finally:
            self._holding = False
        selected = self.cases.current_number()
        # Another case selected meanwhile is opened; none selected (a filter hides the case open) leaves the
        # case open: a filter never closes it.
        if selected and selected != (self.workspace.number or ""):
            self._selection_changed()

    def _show_in_list(self, number: str) -> None:
        holding, self._holding = self._holding, True
        try:
            self.cases.select(number)
        finally:
            self._holding = holding

    def _leave_pending(self) -> None:
        number, self._leaving = self._leaving, None
        if number:
            self._leave_for(number)

    def _leave_for(self, number: str) -> None:
        """Open ``number`` once the edits of the open case are saved or dropped, as the user answers."""
        current = self.workspace.number
        if not current or not self.workspace.overview.unsaved():
            self._show_in_list(number)
            self._open(number)
            return
        answer = self.ask_unsaved(current)
        if answer is QMessageBox.ButtonRole.RejectRole:
            return

        def go() -> None:
            if self.workspace.number == current:  # not if the user went elsewhere meanwhile
                self._show_in_list(number)
                self._open(number)

        if answer is QMessageBox.ButtonRole.AcceptRole:
            self.workspace.overview.save(after=go)
        else:
            go()

    def ask_unsaved(self, number: str) -> QMessageBox.ButtonRole:
        """Save, don't save or cancel: AcceptRole, DestructiveRole or RejectRole."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Unsaved edits"))
        box.setText(fill(self.tr("Case %1 has edits in its overview that are not saved."), number))
        box.setInformativeText(self.tr("Save them before leaving the case?"))
        save = box.addButton(self.tr("Save"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Don't save"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.setEscapeButton(cancel)
        self.unsaved_box = box
        box.exec()
        clicked = box.clickedButton()
        return box.buttonRole(clicked) if clicked is not None else QMessageBox.ButtonRole.RejectRole

    def _saved(self, number: str) -> None:
        self.statusBar().showMessage(fill(self.tr("Saved %1"), number), 10_000)

    def _stage_moved(self, number: str, stage: str) -> None:
        self.statusBar().showMessage(fill(self.tr("%1 moved to %2"), number, stage_name(stage)), 10_000)

    def _not_saved(self, number: str, reason: str) -> None:
        self.statusBar().showMessage(fill(self.tr("%1 not saved: %2"), number, reason), 30_000)

    def _remembered(self, name: str) -> str:
        """The QSettings key of what is remembered for this library (the last case, the tab), not for all."""
        root = str(Path(self.ctx.library.root).resolve())
        return f"libraries/{hashlib.sha256(root.encode()).hexdigest()[:16]}/{name}"

    def _case_changed(self, number: str) -> None:
        self._show_in_list_updated(number)  # the case open is not opened again on the way: it is refreshed below
        if number == self.workspace.number:
            self.workspace.refresh(number)  # read again off the GUI thread; then its new pictures are read
        else:
            self.ocr.queue(number)  # pictures that arrived in a case not open are read now
        self._update_status()

    def _cases_reloaded(self) -> None:
        self._show_case_or_welcome()

    def _update_status(self) -> None:
        """The counts of the status bar: the cases the list shows (of all, when filtered), due today, overdue."""
        model = self.cases.model
        total = model.total
        count, overdue = model.due_counts()  # over every case: counted once, not at each batch fetched
        shown = model.matching
        if shown == total:
            text = self.tr("%1 cases · %2 due today · %3 overdue")
        else:
            text = self.tr("%4 of %1 cases shown · %2 due today · %3 overdue")
        self.due_label.setText(fill(text, total, count, overdue, shown))

    # ------------------------------------------------------------------ watch folders

    def start_watching(self) -> None:
        """Add files that land in a case's inbox or an attached folder, in the background."""
        self.watch.start()

    def _arrivals(self, gathered: dict[str, list[AddResult]]) -> None:
        lines = []
        for number, results in gathered.items():
            added = [r for r in results if r.exhibit is not None]
            duplicates = sum(1 for r in results if r.duplicate_of is not None)
            refused = [r for r in results if r.refused]
            for r in refused:
                log.warning("case %s: %s refused: %s", number, r.path, r.refused)
            if len(added) == 1 and not duplicates and not refused:
                exhibit = added[0].exhibit
                assert exhibit is not None
                lines.append(
                    fill(self.tr("Case %1: %2 arrived, now exhibit %3"), number, exhibit.original_name, exhibit.number)
                )
                continue
            if len(refused) == 1 and not added and not duplicates:
                # Why, where the clerk looks: a link to a file elsewhere, a file that cannot be read.
                lines.append(
                    fill(
                        self.tr("Case %1: %2 in a watched folder was refused: %3"),
                        number,
                        refused[0].path.name,
                        translated(refused[0].refused),
                    )
                )
                continue
            text = fill(self.tr("Case %1: %2 new files added from a watched folder"), number, len(added))
            if duplicates:
                text += self.tr(", ") + fill(self.tr("%1 already in the case"), duplicates)
            if refused:
                text += self.tr(", ") + fill(
                    self.tr("%1 refused (%2: %3)"), len(refused), refused[0].path.name, translated(refused[0].refused)
                )
            lines.append(text)
        self.statusBar().showMessage(self.tr("; ").join(lines), 20_000)

    def _watch_problem(self, number: str, message: object) -> None:
        log.warning("watching case %s: %s", number, message)
        self.statusBar().showMessage(labelled(fill(self.tr("Case %1"), number), translated(message)), 30_000)

    def _tick(self) -> None:
        self.cases.model.now = datetime.now(UTC)  # what is due and overdue, and the due filters, move on
        self._update_status()
        if self.on_team and self.pull_task is None:  # what the team's other clients did meanwhile
            self.reload_cases()

    def open_new_case(self) -> None:
        from casefile.ui.new_case import NewCaseDialog

        dialog = NewCaseDialog(self.ctx, self)
        self.new_case_dialog = dialog
        if dialog.exec() and dialog.number:
            self.open_case(dialog.number)
            self.statusBar().showMessage(fill(self.tr("Case %1 created"), dialog.number), 20_000)

    def receipt_gaps(self) -> list[str]:
        """What a receipt would print blank (or as this computer's user name): "store" (the store's name),
        "clerk" (the clerk's name), "clerk_id" (the clerk's staff number, 工号). Empty when all are set; each is
        put in words for the user by :meth:`_receipt_field_name`."""
        import os

        from casefile.core.settings import ENV_OPERATOR

        settings = self.ctx.settings
        gaps = []
        if not settings.org_name.strip():
            gaps.append("store")
        if self.ctx.library.remote is None and not settings.operator.strip() and not os.environ.get(ENV_OPERATOR):
            gaps.append("clerk")
        if not settings.clerk_id.strip():
            gaps.append("clerk_id")
        return gaps

    def _receipt_field_name(self, field: str) -> str:
        """One of :meth:`receipt_gaps`, as the user is told it."""
        names = {
            "store": self.tr("the store's name"),
            "clerk": self.tr("your name (受理人)"),
            "clerk_id": self.tr("your staff number (工号)"),
        }
        return names[field]

    def walkin_ready(self) -> bool:
        """Before the walk-in desk makes a receipt: when its store or clerk is not set, say so and offer to set
        them. A receipt never names this computer's user account as 受理人: without a name, no desk."""
        gaps = self.receipt_gaps()
        named = "clerk" not in gaps
        if not gaps or (named and QSettings().value("walkin/blanks_accepted", False, type=bool)):
            return True
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Walk-in complaint"), "", parent=self)
        missing = self.tr(", ").join(self._receipt_field_name(gap) for gap in gaps)
        box.setText(
            fill(self.tr("The receipt prints the store and who received the complaint; not set yet: %1."), missing)
        )
        box.setInformativeText(
            self.tr("Set them now? They are kept for every receipt, and File → Settings… changes them later.")
            if named
            else self.tr("Your name is needed before the desk opens: a receipt names who received the complaint.")
        )
        setup = box.addButton(self.tr("Set them now…"), QMessageBox.ButtonRole.AcceptRole)
        blanks = box.addButton(self.tr("Leave blanks to fill in by hand"), QMessageBox.ButtonRole.DestructiveRole)
        blanks.setVisible(named)
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(setup)
        box.setEscapeButton(cancel)
        self.setup_box = box
        box.exec()
        if box.clickedButton() is blanks:
            QSettings().setValue("walkin/blanks_accepted", True)
            return True
        if box.clickedButton() is not setup:
            return False
        from casefile.ui.first_run import FirstRunDialog

        self.first_run_dialog = FirstRunDialog(self.ctx, self)
        self.first_run_dialog.exec()
        return "clerk" not in self.receipt_gaps()

    def open_walkin(self) -> None:
        from casefile.ui.walkin import WalkInDialog

        if not self.walkin_ready():
            return

        dialog = WalkInDialog(self.ctx, self)
        self.walkin_dialog = dialog
        if dialog.exec() and dialog.number:
            self.open_case(dialog.number)
            self.confirm_registered(dialog.number, dialog.receipt)

    def confirm_registered(self, number: str, receipt: Path | None) -> None:
        """Say plainly that the walk-in is registered, under which number (the case is open behind it)."""
        text = fill(self.tr("Registered %1"), number)
        self.statusBar().showMessage(text, 60_000)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Walk-in complaint"), text, parent=self)
        if receipt is not None:
            box.setInformativeText(fill(self.tr("The receipt is kept with the case: %1"), receipt.name))
        box.setWindowModality(Qt.WindowModality.WindowModal)
        self.registered_box = box
        box.open()

    def _root_not_pinned(self, text: str) -> None:
        """Said once: a timestamp was attached (or imported) whose root the user has not pinned."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Timestamp root not checked"), text, parent=self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.root_box = box
        box.open()

    def import_archive(self, path: str = "") -> None:
        """Import a case archive (ZIP) after verifying it, then open the case."""
        from casefile.core.archive import ImportResult, import_case
        from casefile.core.timestamps.roots import pins_of
        from casefile.ui.timestamps import roots_text

        if not path:
            path, _filter = QFileDialog.getOpenFileName(
                self, self.tr("Import a case archive"), "", self.tr("Case archives (*.zip)")
            )
            if not path:
                return
        library = self.ctx.library
        task = Task(lambda token: import_case(library, Path(path), cancel=token), "import")

        def done(result: object) -> None:
            if isinstance(result, ImportResult):
                self.ctx.events.cases_changed.emit()
                self.open_case(result.number)
                self.statusBar().showMessage(
                    fill(self.tr("Case %1 imported with %2 exhibits"), result.number, result.exhibits), 20_000
                )
                pins = pins_of(self.ctx.settings)
                unpinned = [r for r in result.stamp_roots if r.sha256 not in pins]
                if unpinned:
                    named = roots_text(unpinned)
                    self._root_not_pinned(
                        fill(
                            self.tr(
                                "The timestamps of case %1 rely on a root certificate you have not pinned, so they "
                                "are shown as “timestamp (root not checked)”:\n\n%2\n\nThe archive checks "
                                "only against the root it carries itself. Compare this fingerprint with the one the "
                                "authority publishes; if they are the same, add it under Settings → Pinned TSA roots."
                            ),
                            result.number,
                            named,
                        )
                    )

        task.succeeded.connect(done)
        task.failed.connect(lambda error: show_error(self, error))
        self.import_task = task
        self.ctx.runner.start(task)

    def first_run(self) -> None:
        """Ask once for the organisation's details and the operator's name."""
        from casefile.ui.first_run import FirstRunDialog, needs_first_run

        if needs_first_run(self.ctx.settings):
            self.first_run_dialog = FirstRunDialog(self.ctx, self)
            self.first_run_dialog.exec()

    def open_settings(self) -> None:
        from casefile.ui.settings_dialog import SettingsDialog

        SettingsDialog(self.ctx, self).exec()

    def read_sides_again(self) -> None:
        """The organisation in Settings changed: the cases that record no side of their own are read as its (their
        response promise, in the list and the case open), the index's clocks worked out again off the GUI thread."""
        library = self.ctx.library
        read_again = getattr(library, "read_sides_again", None)
        if not callable(read_again):
            return
        task = Task(lambda _token: read_again(), "read the sides again")
        task.failed.connect(lambda error: show_error(self, error))
        task.succeeded.connect(lambda _count: self.show_times_again())
        self.ctx.runner.start(task)

    def show_times_again(self) -> None:
        """Every time on screen shown again in the zone the settings now choose: the case list, and the case open
        (unless it has edits not saved yet, whose fields are re-zoned when they are next filled)."""
        self.ctx.events.cases_changed.emit()
        number = self.workspace.number
        if number and not self.workspace.overview.unsaved():
            self.workspace.set_case(number)

    # ------------------------------------------------------------------ verification

    def verify(self, *, all_cases: bool = False, numbers: list[str] | None = None) -> None:
        if numbers is None:
            numbers = self.ctx.library.case_numbers() if all_cases else [n for n in [self.workspace.number] if n]
        if not numbers:
            return
        library = self.ctx.library

        def work(token):  # type: ignore[no-untyped-def]
            # One progress report per case: a flood of per-file reports would keep the window busy.
            for i, number in enumerate(numbers):
                token.check()  # a case without files never looks at the token itself
                yield Progress(i, len(numbers), number)
                # A team library's case is brought here by the verification, its store's objects checked.
                for item in verify_case(library, number, cancel=token):
                    if isinstance(item, CaseReport):
                        yield item

        dialog = QProgressDialog(self.tr("Verifying…"), self.tr("Cancel"), 0, len(numbers), self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        task = Task(work, "verify")

        def show_progress(done: int, total: int, message: str) -> None:
            dialog.setValue(done)
            dialog.setLabelText(fill(self.tr("Verifying case %1 (%2 of %3)…"), message, done + 1, total))

        reports: list[CaseReport] = task.results  # held by the slots, not the task: the task is freed once done

        def failed(error: object) -> None:
            if isinstance(error, CancelledError):
                self._show_reports(reports, len(numbers), cancelled=True)
            elif isinstance(error, BaseException):
                show_error(self, error)

        task.progress.connect(show_progress)
        dialog.canceled.connect(task.cancel)
        task.succeeded.connect(lambda _r: self._show_reports(reports, len(numbers)))
        task.failed.connect(failed)
        task.finished.connect(dialog.reset)
        self.verify_task = task
        self.ctx.reads.start(task)  # a read: it never waits behind a bundle being built

    def _show_reports(self, reports: list[CaseReport], total: int, *, cancelled: bool = False) -> None:
        from casefile.ui.verify_results import VerifyResultsDialog

        self.last_reports = reports
        previous = getattr(self, "verify_results", None)
        if previous is not None:  # one result at a time; an earlier one is not kept for the window's lifetime
            previous.deleteLater()
        results = VerifyResultsDialog(reports, total, cancelled=cancelled, parent=self)
        results.case_chosen.connect(self.cases.select)
        results.repair_requested.connect(self.repair_cases)
        self.verify_results = results
        results.open()
        # A case found damaged (or released by verifying again) is marked in the list: reload it once,
        # and the open case if it was verified, never once per case.
        current = self.workspace.number
        if current and any(r.number == current for r in reports):
            self.ctx.events.case_changed.emit(current)
        else:
            self.ctx.events.cases_changed.emit()

    def repair_cases(self, numbers: list[str]) -> None:
        """Repair the cases verification found repairable, once the user agrees; then verify them again.

        One case that cannot be repaired (its custody log itself damaged) is said, and the others go on.
        """
        answer = QMessageBox.question(
            self,
            self.tr("Repair"),
            fill(
                self.tr(
                    "Repair %1 case(s)? A damaged record is rebuilt from its custody log, README.txt is written "
                    "again, and generated bundles that are missing or altered are recorded as lost (an altered one "
                    "is moved to set-aside/ in the case folder; make a new bundle afterwards). Evidence files are "
                    "never changed, and everything done is recorded in the custody log."
                ),
                len(numbers),
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        library = self.ctx.library

        def work(token):  # type: ignore[no-untyped-def]
            for number in numbers:
                token.check()
                try:
                    library.repair(number)
                except CaseFileError as exc:  # this case cannot be repaired; the others still are
                    yield (number, exc)

        task = Task(work, "repair")
        problems: list[tuple[str, CaseFileError]] = task.results

        def done(_result: object) -> None:
            if problems:
                QMessageBox.warning(
                    self,
                    self.tr("Repair"),
                    "\n".join(labelled(number, translated(exc.message)) for number, exc in problems),
                )
            self.verify(numbers=numbers)

        task.succeeded.connect(done)
        task.failed.connect(lambda error: show_error(self, error))
        self.repair_task = task
        self.ctx.runner.start(task)

    # ------------------------------------------------------------------ layout

    def _restore_layout(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            fit_to_screen(self, 1280, 780)
        state = settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        splitter = settings.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        header = settings.value("window/case_columns")
        if isinstance(header, QByteArray):
            self.cases.table.horizontalHeader().restoreState(header)
        else:
            for column, width in enumerate((100, 200, 90, 90, 60, 80, 150, 120, 220, 80, 50)):
                self.cases.table.setColumnWidth(column, width)
            # The deadline and its clock shown whole, whatever the first rows hold (none, on a new library): the
            # time left to a limitation period three years off ("剩余 1096 天") too.
            now = datetime.now(UTC)
            longest_left = self.cases.table.fontMetrics().horizontalAdvance(time_left(now + timedelta(days=9999), now))
            for column in (CaseListModel.DUE, CaseListModel.LEFT):
                widest = self.cases.table.sizeHintForColumn(column)
                if column == CaseListModel.LEFT:
                    widest = max(widest, longest_left + 16)  # the cell's margins
                self.cases.table.setColumnWidth(column, max(self.cases.table.columnWidth(column), widest))
        # The title takes what room is left (a wide screen shows whole titles); the others keep their widths.
        self.cases.table.horizontalHeader().setSectionResizeMode(CaseListModel.TITLE, QHeaderView.ResizeMode.Stretch)
        last = settings.value(self._remembered("last_case"))
        if isinstance(last, str) and last and self.cases.model.row_of(last) >= 0:
            self.cases.select(last)
        elif self.cases.model.rowCount():
            self.cases.table.selectRow(0)
        tab = settings.value(self._remembered("tab"))
        if isinstance(tab, int | str) and str(tab).isdigit() and int(tab) < self.workspace.count():
            self.workspace.setCurrentIndex(int(tab))

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        overview = self.workspace.overview
        if self.workspace.number and overview.unsaved():
            answer = self.ask_unsaved(self.workspace.number)
            if answer is not QMessageBox.ButtonRole.DestructiveRole:
                if answer is QMessageBox.ButtonRole.AcceptRole:
                    # Closed once written; a refused value or a failed write keeps the window, and says why.
                    overview.save(after=lambda: QTimer.singleShot(0, self.close))
                event.ignore()
                return
        settings = QSettings()
        settings.setValue(self._remembered("path"), str(self.ctx.library.root))
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("window/splitter", self.splitter.saveState())
        settings.setValue("window/case_columns", self.cases.table.horizontalHeader().saveState())
        self.watch.stop()
        self.ocr.stop()  # at once: the file being read is read again next time
        self.ctx.reads.cancel_all()  # a verification or a preview is not worth waiting for
        self.ctx.runner.wait(10_000)
        self.ctx.reads.wait(10_000)
        self.watch.wait_stopped(10)
        super().closeEvent(event)
