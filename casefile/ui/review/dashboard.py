"""The periodic review (定期复盘) in the app: a period and a grouping, the figures against the previous
period, and charts (pyqtgraph) of intake, the escalation funnel, the shares met and the time to
resolution by group. The figures are queried from the index on the reads runner, never on the GUI
thread; the report (PDF) and its tables (.xlsx) are saved from the same figures.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")  # the binding CaseFile uses, whatever else is installed

import pyqtgraph as pg  # noqa: E402

from casefile.core.review.facts import FUNNEL  # noqa: E402
from casefile.core.review.queries import INTAKE, Figures, GroupBy, Period, Review, review  # noqa: E402
from casefile.core.review.report import shown  # noqa: E402
from casefile.core.validate import EARLIEST_YEAR, LATEST_YEAR  # noqa: E402
from casefile.core.workflow.clocks import CST  # noqa: E402
from casefile.ui import labels  # noqa: E402
from casefile.ui.context import AppContext, Task, refused_inside_library, show_error  # noqa: E402
from casefile.ui.i18n import fill  # noqa: E402
from casefile.ui.keys import one_tab, tab_leaves  # noqa: E402
from casefile.ui.screen import fit_to_screen  # noqa: E402

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QSize, Qt, QTimer, Signal  # noqa: E402
from PySide6.QtGui import QColor, QPalette  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

NOW_COLOUR, BEFORE_COLOUR, P90_COLOUR = "#2f6fb0", "#b9c7d6", "#e3a04f"
CHARTS = (*(f"intake-{by}" for by in INTAKE), "funnel", "rates", "time")  # in the grid's order, three a row
PRESETS = ("this-month", "last-month", "last-90-days", "this-quarter", "this-year", "custom")


def preset_period(preset: str, today: date) -> Period:
    """The period a preset names, as of ``today``."""
    if preset == "last-month":
        last = today.replace(day=1) - timedelta(days=1)
        return Period(last.replace(day=1), last)
    if preset == "last-90-days":
        return Period(today - timedelta(days=89), today)
    if preset == "this-quarter":
        return Period(date(today.year, 3 * ((today.month - 1) // 3) + 1, 1), today)
    if preset == "this-year":
        return Period(date(today.year, 1, 1), today)
    return Period(today.replace(day=1), today)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class BarChart(pg.PlotWidget):  # type: ignore[misc]  # pyqtgraph has no type information
    """Horizontal bars of named values, this period's beside the previous one's."""

    MINIMUM = QSize(260, 190)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background="w")
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.setMenuEnabled(False)
        self.getViewBox().invertY(True)
        for side in ("left", "bottom"):
            axis = self.getAxis(side)
            axis.setPen(pg.mkPen("#555555"))
            axis.setTextPen(pg.mkPen("#222222"))
        self.setMinimumSize(self.MINIMUM)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)  # the grid's share, as its blank's
        self.names: list[str] = []
        self.values: list[list[float]] = []
        # The legend in a row of its own below the plot (the title has the row above), its entries side by
        # side: drawn over the plot, it covered the ends of the longest bars, a longer language's names more.
        self.key = pg.LegendItem(colCount=2, labelTextColor="#222222")
        self.plotItem.layout.addItem(self.key, 4, 1, alignment=Qt.AlignmentFlag.AlignHCenter)

    def show_bars(
        self,
        names: list[str],
        series: list[tuple[str, str, list[float]]],
        *,
        limit: float | None = None,
        whole: bool = False,
    ) -> None:
        """``series``: (legend name, colour, values) drawn side by side for each of ``names``; ``whole``: the
        values are counts (of cases), marked in whole steps along their axis, never 0.5."""
        self.clear()
        self.key.clear()
        self.names = names
        self.values = [values for _, _, values in series]
        height = 0.8 / max(1, len(series))
        for k, (name, colour, values) in enumerate(series):
            ys = [i - 0.4 + height * (k + 0.5) for i in range(len(names))]
            bars = pg.BarGraphItem(x0=0, y=ys, height=height * 0.9, width=values, brush=colour, pen=None, name=name)
            self.addItem(bars)
            self.key.addItem(bars, name)
        self.getAxis("left").setTicks([list(enumerate(names)), []])
        top = max([v for values in self.values for v in values] + [limit or 1])
        right = (limit if limit is not None else top) * 1.15  # the longest bar ends clear of the edge
        self.setXRange(0, right, padding=0)
        if whole:
            step = max(1, math.ceil(right / 6))
            self.getAxis("bottom").setTicks([[(v, str(v)) for v in range(0, int(right) + 1, step)], []])
        else:
            self.getAxis("bottom").setTicks(None)
        self.setYRange(-0.6, max(0, len(names) - 1) + 0.6, padding=0)


class ReviewDashboard(QWidget):
    """The review window: period, grouping, the figures and their charts."""

    shown = Signal()  # new figures are on screen, the charts' included

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.result: Review | None = None
        self._asked = 0  # the latest computation asked for: an older one's answer is dropped
        self.setObjectName("review-dashboard")
        self.preset = QComboBox(self)
        self.first = QDateEdit(self)
        self.last = QDateEdit(self)
        for edit in (self.first, self.last):
            one_tab(edit)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDateRange(QDate(EARLIEST_YEAR, 1, 1), QDate(LATEST_YEAR, 12, 31))  # the days a review takes
        self.group = QComboBox(self)
        self.refresh_button = QPushButton(self)
        self.pdf_button = QPushButton(self)
        self.xlsx_button = QPushButton(self)
        self.pdf_button.setEnabled(False)
        self.xlsx_button.setEnabled(False)
        self.status = QLabel(self)
        self.from_label, self.to_label, self.by_label = QLabel(self), QLabel(self), QLabel(self)

        # The period and grouping above, the status and the two saving actions below: in one row, the window
        # asked for more than a 1024-pixel screen and the Excel button was off it.
        bar = QHBoxLayout()
        for widget in (
            self.preset,
            self.from_label,
            self.first,
            self.to_label,
            self.last,
            self.by_label,
            self.group,
            self.refresh_button,
        ):
            bar.addWidget(widget)
        bar.addStretch(1)
        self.status.setWordWrap(True)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        actions = QHBoxLayout()
        actions.addWidget(self.status, 1)
        actions.addWidget(self.pdf_button)
        actions.addWidget(self.xlsx_button)

        self.overview = QTableWidget(0, 4, self)
        self.groups = QTableWidget(0, 0, self)
        for table in (self.overview, self.groups):
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.verticalHeader().setVisible(False)
            table.setAlternatingRowColors(True)
            # Columns fit every row, not only those on screen: on a small window the figures' table is as wide
            # as its longest label and change, never cut.
            table.horizontalHeader().setResizeContentsPrecision(-1)
        tab_leaves(self.overview, self.groups)
        # Sized to its columns (the window gives it that width): a stretched last column would be wider than the
        # width worked out for it, and the table would scroll sideways.
        # The charts are made after the window, one an event-loop turn (_next_step): made and first painted all
        # at once, pyqtgraph's six plots held the window a tenth of a second. A blank of the chart's size holds
        # its place meanwhile.
        self.charts: dict[str, BarChart] = {}
        self._places: dict[str, QWidget] = {}
        self._undrawn: list[str] = []  # charts made whose figures are not the latest result's yet
        self._to_announce = False  # ``shown`` is due once the latest result's charts are all drawn
        self._step_due = False
        # The charts scroll, in as many columns (three to one) as the room beside the figures holds at their
        # least width (a chart is at least as wide as its title): on a small screen they are reached, never cut.
        self._chart_scroll = QScrollArea(self)
        self._chart_scroll.setWidgetResizable(True)
        self._chart_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._chart_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._chart_area = QWidget()
        self._grid = QGridLayout(self._chart_area)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._columns = 0
        blank = QPalette()
        blank.setColor(QPalette.ColorRole.Window, QColor("white"))  # as the charts' background
        for key in CHARTS:
            place = self._places[key] = QWidget(self._chart_area)
            place.setMinimumSize(BarChart.MINIMUM)
            place.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
            place.setAutoFillBackground(True)
            place.setPalette(blank)
        self._chart_scroll.setWidget(self._chart_area)
        self._chart_scroll.viewport().installEventFilter(self)
        self._arrange()
        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.addWidget(self.overview)
        top.addWidget(self._chart_scroll)
        top.setStretchFactor(1, 1)
        top.setCollapsible(0, False)
        top.setCollapsible(1, False)
        body = QSplitter(Qt.Orientation.Vertical, self)
        body.addWidget(top)
        body.addWidget(self.groups)
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(body, 1)
        layout.addLayout(actions)

        self.retranslate()
        self.preset.setCurrentIndex(0)
        self._set_dates(preset_period(self.preset.currentData(), datetime.now(CST).date()))  # computed in _next_step
        self.preset.activated.connect(lambda _index: self._apply_preset())
        self.first.dateChanged.connect(self._edited)
        self.last.dateChanged.connect(self._edited)
        self.group.activated.connect(lambda _index: self.refresh())
        self.refresh_button.clicked.connect(self.refresh)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.xlsx_button.clicked.connect(self.save_xlsx)
        ctx.events.cases_changed.connect(self._library_changed)
        ctx.events.case_changed.connect(self._library_changed)
        fit_to_screen(self, 1360, 900)
        self._schedule()

    # ------------------------------------------------------------------ the charts

    def _chart_widgets(self) -> list[QWidget]:
        """The charts, or the blanks holding their places, in the grid's order."""
        return [self.charts[key] if key in self.charts else self._places[key] for key in CHARTS]

    def _arrange(self, *, force: bool = False) -> None:
        """The charts in as many columns (3, 2 or 1) as the room beside the figures holds at their least width."""
        widgets = self._chart_widgets()
        spacing = max(0, self._grid.horizontalSpacing())
        least = max(w.minimumWidth() for w in widgets)
        room = self._chart_scroll.viewport().width()
        columns = next((n for n in (3, 2) if n * least + (n - 1) * spacing <= room), 1)
        if columns == self._columns and not force:
            return
        self._columns = columns
        for w in widgets:
            self._grid.removeWidget(w)
        for row in range(self._grid.rowCount()):
            self._grid.setRowStretch(row, 0)
        for column in range(self._grid.columnCount()):
            self._grid.setColumnStretch(column, 0)
        for i, w in enumerate(widgets):
            self._grid.addWidget(w, i // columns, i % columns)
            self._grid.setRowStretch(i // columns, 1)
            self._grid.setColumnStretch(i % columns, 1)

    def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802 - Qt API
        if watched is self._chart_scroll.viewport() and event.type() == QEvent.Type.Resize:
            self._arrange()
        return super().eventFilter(watched, event)

    def _fit_title(self, chart: BarChart) -> None:
        """The chart at least as wide as its title (pyqtgraph cuts a title wider than its plot)."""
        title = chart.plotItem.titleLabel.item.boundingRect().width()
        wanted = max(BarChart.MINIMUM.width(), int(title) + 24)
        if chart.minimumWidth() != wanted:
            chart.setMinimumWidth(wanted)
            self._arrange(force=True)

    @property
    def intake_charts(self) -> dict[GroupBy, BarChart]:
        """The intake charts made so far, by grouping."""
        return {by: self.charts[f"intake-{by}"] for by in INTAKE if f"intake-{by}" in self.charts}

    @property
    def funnel_chart(self) -> BarChart:
        return self.charts["funnel"]

    @property
    def rates_chart(self) -> BarChart:
        return self.charts["rates"]

    @property
    def time_chart(self) -> BarChart:
        return self.charts["time"]

    def drawn(self) -> bool:
        """Whether the latest figures are all on screen, charts included."""
        return self.result is not None and len(self.charts) == len(CHARTS) and not self._undrawn

    def _schedule(self) -> None:
        if not self._step_due:
            self._step_due = True
            QTimer.singleShot(1, self, self._next_step)

    def _next_step(self) -> None:
        """One chart made (and drawn, if the figures are in), or one chart drawn again, then back to the event
        loop: the window answers between charts. The next step is a timer's, not a posted call's: Qt delivers
        posted calls before timers, so a chain of them would hold the window's own timers until its end."""
        self._step_due = False
        if not self._asked:
            # Asked for once the window is on screen: computed meanwhile, in Python on the reads runner, the
            # figures shared the interpreter with the window's first paint, which took twice as long.
            self.refresh()
        missing = [key for key in CHARTS if key not in self.charts]
        if missing:
            key = missing[0]
            place = self._places.pop(key)
            chart = self.charts[key] = BarChart(self._chart_area)
            self._grid.replaceWidget(place, chart)
            place.deleteLater()
            chart.show()
            if self.result is not None:
                self._draw(key, self.result)
        elif self._undrawn and self.result is not None:
            self._draw(self._undrawn.pop(0), self.result)
        if len(self.charts) < len(CHARTS) or self._undrawn:
            self._schedule()
        elif self.result is not None and self._to_announce:
            self._to_announce = False
            self.shown.emit()

    # ------------------------------------------------------------------ words

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Periodic review"))
        names = {
            "this-month": self.tr("This month"),
            "last-month": self.tr("Last month"),
            "last-90-days": self.tr("Last 90 days"),
            "this-quarter": self.tr("This quarter"),
            "this-year": self.tr("This year"),
            "custom": self.tr("Custom period"),
        }
        current = self.preset.currentIndex()
        self.preset.clear()
        for key in PRESETS:
            self.preset.addItem(names[key], key)
        self.preset.setCurrentIndex(max(0, current))
        grouping = self.group.currentIndex()
        self.group.clear()
        self.group.addItem(self.tr("No grouping"), None)
        for by in GroupBy:
            self.group.addItem(labels.review_group_name(by), by.value)
        self.group.setCurrentIndex(max(0, grouping))
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("to"))
        self.by_label.setText(self.tr("Group by"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.pdf_button.setText(self.tr("Save the report (PDF)…"))
        self.xlsx_button.setText(self.tr("Save the tables (Excel)…"))
        self.overview.setHorizontalHeaderLabels(
            [self.tr("Figure"), self.tr("This period"), self.tr("Previous period"), self.tr("Change")]
        )
        if self.result is not None:
            self._show(self.result)

    def changeEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ the period

    def period(self) -> Period:
        first, last = _day(self.first.date()), _day(self.last.date())
        return Period(min(first, last), max(first, last))

    def by(self) -> GroupBy | None:
        value = self.group.currentData()
        return GroupBy(value) if value else None

    def set_period(self, period: Period) -> None:
        """Show ``period`` as a custom one and compute it."""
        self.preset.setCurrentIndex(PRESETS.index("custom"))
        self._set_dates(period)
        self.refresh()

    def set_group(self, by: GroupBy | None) -> None:
        self.group.setCurrentIndex(self.group.findData(by.value if by else None))
        self.refresh()

    def _set_dates(self, period: Period) -> None:
        for edit, day in ((self.first, period.first), (self.last, period.last)):
            edit.blockSignals(True)
            edit.setDate(_qdate(day))
            edit.blockSignals(False)

    def _apply_preset(self) -> None:
        key = self.preset.currentData()
        if key != "custom":
            self._set_dates(preset_period(key, datetime.now(CST).date()))
            self.refresh()

    def _edited(self) -> None:
        self.preset.setCurrentIndex(PRESETS.index("custom"))
        self.refresh()

    def _library_changed(self, *_args: object) -> None:
        if self.isVisible():
            self.refresh()

    # ------------------------------------------------------------------ computing

    def refresh(self) -> None:
        """Compute the figures of the period shown, on the reads runner."""
        self._asked += 1
        asked = self._asked
        period, by, library = self.period(), self.by(), self.ctx.library
        self.status.setText(self.tr("Computing…"))
        # the index reached on the runner too: the first time, it is opened (SQLAlchemy's engine made)
        task = Task(lambda _token: review(library.index.engine, period, by), "review")
        task.succeeded.connect(lambda result: self._computed(asked, result))
        task.failed.connect(lambda error: self._failed(asked, error))
        self.ctx.reads.start(task)

    def _computed(self, asked: int, result: object) -> None:
        if asked != self._asked or not isinstance(result, Review):
            return  # a newer period was asked for meanwhile
        self.result = result
        self._to_announce = True
        self._show(result)
        self.pdf_button.setEnabled(True)
        self.xlsx_button.setEnabled(True)

    def _failed(self, asked: int, error: object) -> None:
        if asked != self._asked:
            return
        self.status.setText(self.tr("The review could not be computed."))
        if isinstance(error, BaseException):
            show_error(self, error)

    # ------------------------------------------------------------------ showing

    def _show(self, r: Review) -> None:
        t, p = r.total, r.previous
        self.status.setText(
            fill(
                self.tr("%1 to %2: %3, %4 closed; compared with %5 to %6"),
                r.period.first,
                r.period.last,
                self.tr("1 case received") if t.received == 1 else fill(self.tr("%1 cases received"), t.received),
                t.closed,
                r.period.previous().first,
                r.period.previous().last,
            )
        )
        rows = self._overview_rows()
        self.overview.setRowCount(len(rows))
        for i, (name, kind, get) in enumerate(rows):
            now, before = get(t), get(p)
            change = None if now is None or before is None else shown(kind, now) - shown(kind, before)
            cells = [name, _text(kind, now), _text(kind, before), _text(kind, change, change=True)]
            for k, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if k:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.overview.setItem(i, k, item)
        self.overview.resizeColumnsToContents()
        header = self.overview.horizontalHeader()
        self.overview.setMinimumWidth(header.length() + self.overview.verticalScrollBar().sizeHint().width() + 4)
        self._show_groups(r)
        # the charts made so far drawn again, one a turn (the others are drawn as they are made)
        self._undrawn = list(self.charts)
        self._schedule()

    def _overview_rows(self) -> list[tuple[str, str, Callable[[Figures], Any]]]:
        return [
            (self.tr("Cases received"), "count", lambda f: f.received),
            (self.tr("Cases closed"), "count", lambda f: f.closed),
            (self.tr("Resolved"), "share", lambda f: f.resolved_share),
            (self.tr("Satisfaction (1–5)"), "score", lambda f: f.satisfaction),
            (self.tr("Time to resolution, median (days)"), "days", lambda f: f.days_median),
            (self.tr("Time to resolution, 90th percentile (days)"), "days", lambda f: f.days_p90),
            (self.tr("Time to resolution, median (working days)"), "days", lambda f: f.working_median),
            (self.tr("Time to resolution, 90th percentile (working days)"), "days", lambda f: f.working_p90),
            (self.tr("Response promises met"), "share", lambda f: f.promises_share),
            (self.tr("Statutory time limits met"), "share", lambda f: f.duties_share),
            (self.tr("Mediation success"), "share", lambda f: f.mediation_share),
            (self.tr("Compensation paid"), "money", lambda f: f.paid_fen),
            (self.tr("Recovered from others"), "money", lambda f: f.recovered_fen),
            (self.tr("Cases claimed against a courier"), "count", lambda f: f.courier_claims),
            (self.tr("of which money recovered (cases)"), "count", lambda f: f.courier_recovered),
            (self.tr("Recovered from couriers in those cases"), "money", lambda f: f.courier_recovered_fen),
            (self.tr("Evidence complete at closing"), "share", lambda f: f.evidence_share),
        ]

    def _series(self, now: list[float], before: list[float]) -> list[tuple[str, str, list[float]]]:
        return [(self.tr("This period"), NOW_COLOUR, now), (self.tr("Previous period"), BEFORE_COLOUR, before)]

    def _draw(self, key: str, r: Review) -> None:
        """Chart ``key`` (one of CHARTS) drawn with the figures of ``r``."""
        chart = self.charts[key]
        if key.startswith("intake-"):
            by = GroupBy(key.removeprefix("intake-"))
            now, before = dict(r.intake[by]), dict(r.previous_intake[by])
            keys = [k for k, _ in r.intake[by]] + [k for k, _ in r.previous_intake[by] if k not in now]
            names = [_value_name(by, k) for k in keys]
            chart.show_bars(
                names, self._series([now.get(k, 0) for k in keys], [before.get(k, 0) for k in keys]), whole=True
            )
            chart.setTitle(fill(self.tr("Cases received by %1"), labels.review_group_name(by)), color="#222222")
        elif key == "funnel":
            steps = [labels.funnel_step_name(s) for s in FUNNEL]
            chart.show_bars(
                steps,
                self._series([r.total.funnel[s] for s in FUNNEL], [r.previous.funnel[s] for s in FUNNEL]),
                whole=True,
            )
            chart.setTitle(self.tr("Escalation funnel"), color="#222222")
        elif key == "rates":
            rates: list[tuple[str, Callable[[Figures], float | None]]] = [
                (self.tr("Promises met"), lambda f: f.promises_share),
                (self.tr("Time limits met"), lambda f: f.duties_share),
                (self.tr("Resolved"), lambda f: f.resolved_share),
                (self.tr("Mediation success"), lambda f: f.mediation_share),
                (self.tr("Evidence complete"), lambda f: f.evidence_share),
            ]
            chart.show_bars(
                [name for name, _ in rates],
                self._series(
                    [100 * (g(r.total) or 0) for _, g in rates], [100 * (g(r.previous) or 0) for _, g in rates]
                ),
                limit=100,
            )
            chart.setTitle(self.tr("Shares met (%)"), color="#222222")
        elif r.by is not None:
            shown = [(g, f) for g, f in r.groups if f.working_median is not None][:10]
            chart.show_bars(
                [_value_name(r.by, g) for g, _ in shown],
                [
                    (self.tr("Median"), NOW_COLOUR, [f.working_median or 0 for _, f in shown]),
                    (self.tr("90th percentile"), P90_COLOUR, [f.working_p90 or 0 for _, f in shown]),
                ],
            )
            chart.setTitle(
                fill(self.tr("Working days to resolution by %1"), labels.review_group_name(r.by)), color="#222222"
            )
        else:
            chart.show_bars(
                [self.tr("All cases")],
                [
                    (self.tr("Median"), NOW_COLOUR, [r.total.working_median or 0]),
                    (self.tr("90th percentile"), P90_COLOUR, [r.total.working_p90 or 0]),
                ],
            )
            chart.setTitle(self.tr("Working days to resolution"), color="#222222")
        self._fit_title(chart)

    def _show_groups(self, r: Review) -> None:
        columns: list[tuple[str, str, Callable[[Figures], Any]]] = [
            (self.tr("Received"), "count", lambda f: f.received),
            (self.tr("Closed"), "count", lambda f: f.closed),
            (self.tr("Resolved"), "share", lambda f: f.resolved_share),
            (self.tr("Median days"), "days", lambda f: f.days_median),
            (self.tr("P90 days"), "days", lambda f: f.days_p90),
            (self.tr("Median working days"), "days", lambda f: f.working_median),
            (self.tr("P90 working days"), "days", lambda f: f.working_p90),
            (self.tr("Promises met"), "share", lambda f: f.promises_share),
            (self.tr("Time limits met"), "share", lambda f: f.duties_share),
            (self.tr("Paid"), "money", lambda f: f.paid_fen),
            (self.tr("Recovered"), "money", lambda f: f.recovered_fen),
        ]
        self.groups.setVisible(r.by is not None)
        if r.by is None:
            self.groups.setRowCount(0)
            return
        self.groups.setColumnCount(1 + len(columns))
        self.groups.setHorizontalHeaderLabels([labels.review_group_name(r.by), *(c[0] for c in columns)])
        self.groups.setRowCount(len(r.groups))
        for i, (value, f) in enumerate(r.groups):
            self.groups.setItem(i, 0, QTableWidgetItem(_value_name(r.by, value)))
            for k, (_, kind, get) in enumerate(columns, 1):
                item = QTableWidgetItem(_text(kind, get(f)))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.groups.setItem(i, k, item)
        self.groups.resizeColumnsToContents()

    # ------------------------------------------------------------------ saving

    def save_pdf(self) -> None:
        self._save(self.tr("Save the review report"), "pdf", self.tr("PDF (*.pdf)"), "write_pdf")

    def save_xlsx(self) -> None:
        self._save(self.tr("Save the review tables"), "xlsx", self.tr("Excel (*.xlsx)"), "write_xlsx")

    def _save(self, title: str, suffix: str, kinds: str, writer: str) -> None:
        r = self.result
        if r is None:
            return
        name = fill(self.tr("review-%1-%2.%3"), f"{r.period.first:%Y%m%d}", f"{r.period.last:%Y%m%d}", suffix)
        path, _ = QFileDialog.getSaveFileName(self, title, str(Path.home() / name), kinds)
        if not path:
            return
        target = Path(path if path.lower().endswith("." + suffix) else f"{path}.{suffix}")
        if refused_inside_library(self, self.ctx.library, target):
            return

        def work(_token: object) -> Path:
            from casefile.core.review import report

            getattr(report, writer)(r, target)
            return target

        task = Task(work, "review-report")
        task.succeeded.connect(lambda _: self.status.setText(fill(self.tr("Saved %1"), target)))
        task.failed.connect(lambda error: show_error(self, error) if isinstance(error, BaseException) else None)
        self.ctx.reads.start(task)


def _value_name(by: GroupBy, value: str) -> str:
    names = {GroupBy.TYPE: labels.type_name, GroupBy.CHANNEL: labels.channel_name}
    if by is GroupBy.RESPONSIBILITY:
        return labels.responsible_name(value)
    lookup = names.get(by)
    if lookup is not None:
        return lookup(value)
    return value or "—"


def _text(kind: str, value: Any, *, change: bool = False) -> str:
    """A figure as the tables show it (the same forms as the report)."""
    if value is None:
        return "—"
    sign = ("+" if value > 0 else "") if change else ""
    if kind == "share" and change:
        return fill(QCoreApplication.translate("CaseFile", "%1 pp"), f"{sign}{value * 100:.1f}")  # percentage points
    if kind == "share":
        return f"{value * 100:.1f}%"
    if kind == "money":
        return f"{'-' if value < 0 else sign}¥{abs(Decimal(value)) / 100:,.2f}"
    if kind in ("days", "score"):
        return f"{sign}{value:.1f}"
    return f"{sign}{value:,}"
