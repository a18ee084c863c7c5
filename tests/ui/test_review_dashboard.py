"""The periodic review's dashboard, reached from the main window's menu, on the library of known figures."""

from __future__ import annotations

import importlib.abc
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from review_library import NOVEMBER, make_review_library

from casefile.core.review.queries import GroupBy


@pytest.fixture
def dashboard(ctx, qtbot, tmp_path):
    from casefile.ui.main_window import MainWindow

    make_review_library(ctx.library, tmp_path)
    win = MainWindow(ctx)
    qtbot.addWidget(win, before_close_func=lambda w: w.workspace.overview.revert())
    assert win.act_review in win.review_menu.actions()
    win.act_review.trigger()
    board = win.review_window
    assert board is not None and board.isVisible()
    with qtbot.waitSignal(board.shown, timeout=10_000):  # the charts come after the window, one a turn
        board.set_period(NOVEMBER)
    return board


MODULE = "casefile.ui.review.dashboard"


class _Watched(importlib.abc.MetaPathFinder):
    """Notes the thread that imports the dashboard's module; on a thread other than the GUI's, holds the import
    until ``release`` is set (on the GUI thread it never waits: that would freeze the test)."""

    def __init__(self) -> None:
        self.threads: list[threading.Thread] = []
        self.release = threading.Event()

    def find_spec(self, name, path, target=None):
        if name == MODULE:
            self.threads.append(threading.current_thread())
            if threading.current_thread() is not threading.main_thread():
                self.release.wait(10)
        return None  # found by the usual finders


@pytest.fixture
def first_import(monkeypatch):
    """The dashboard's module not imported yet, as in an app that has not opened the review (pyqtgraph stays:
    imported again, its classes would be new ones), its import watched. The module imported before is put
    back afterwards, in sys.modules and on its package, for the tests that reach it through either."""
    import casefile.ui.review as package
    from casefile.ui.review import dashboard as module

    monkeypatch.setattr(package, "dashboard", module)
    monkeypatch.delitem(sys.modules, MODULE)
    watched = _Watched()
    monkeypatch.setattr(sys, "meta_path", [watched, *sys.meta_path])
    yield watched
    watched.release.set()


@pytest.fixture
def review_window(ctx, qtbot, reads_apart, tmp_path):
    """The main window over the review's library, reads on threads of their own as in the app."""
    from casefile.ui.main_window import MainWindow

    make_review_library(ctx.library, tmp_path)
    win = MainWindow(ctx)
    qtbot.addWidget(win, before_close_func=lambda w: w.workspace.overview.revert())
    return win


def boards(win) -> list:
    from PySide6.QtWidgets import QWidget

    return [w for w in win.findChildren(QWidget) if w.objectName() == "review-dashboard"]


def test_asked_again_while_it_opens_it_is_one_window(review_window, first_import, qtbot, monkeypatch) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    reads = review_window.ctx.reads
    started: list[str] = []
    start = reads.start
    monkeypatch.setattr(reads, "start", lambda task: started.append(task.name) or start(task))
    review_window.act_review.trigger()
    # The import is held back on its thread: the window answers, and says the review is opening.
    assert review_window.review_window is None
    assert review_window.statusBar().currentMessage() == "Opening the periodic review…"
    cursor = QApplication.overrideCursor()
    assert cursor is not None and cursor.shape() == Qt.CursorShape.BusyCursor
    review_window.act_review.trigger()
    assert started == ["open the review"]  # one import asked for, not two
    first_import.release.set()
    qtbot.waitUntil(lambda: review_window.review_window is not None, timeout=20_000)
    assert boards(review_window) == [review_window.review_window]
    assert len(first_import.threads) == 1
    assert QApplication.overrideCursor() is None
    assert review_window.statusBar().currentMessage() == ""
    qtbot.waitUntil(lambda: review_window.review_window.result is not None, timeout=10_000)


def test_a_review_that_cannot_be_imported_says_so_and_can_be_asked_again(
    review_window, first_import, qtbot, monkeypatch
) -> None:
    from casefile.ui import main_window

    from PySide6.QtWidgets import QApplication

    first_import.release.set()
    errors = []
    monkeypatch.setattr(main_window, "show_error", lambda parent, error: errors.append(error))
    with monkeypatch.context() as missing:
        missing.setitem(sys.modules, "pyqtgraph", None)  # as if it were not installed
        review_window.act_review.trigger()
        qtbot.waitUntil(lambda: bool(errors), timeout=20_000)
    assert isinstance(errors[0], ImportError) and "pyqtgraph" in str(errors[0])
    assert review_window.review_window is None and QApplication.overrideCursor() is None
    assert review_window.statusBar().currentMessage() == "The periodic review could not be opened."
    review_window.act_review.trigger()  # installed after all: asked again, it opens
    qtbot.waitUntil(lambda: review_window.review_window is not None, timeout=20_000)
    assert len(errors) == 1 and len(first_import.threads) == 2
    qtbot.waitUntil(lambda: review_window.review_window.result is not None, timeout=10_000)


# The review asked for the first time in a fresh app, as the menu asks (its module, pyqtgraph and numpy not
# imported yet): the thread that imports the module; what was made off the GUI thread that belongs to the thread
# that makes it (pixmaps, fonts, cursors, widgets, QObjects of any kind); the Qt messages said off it; and how
# many such things the GUI thread made meanwhile (the dashboard's widgets: the watch works).
FIRST_OPEN = """
import importlib.abc, json, sys, threading, time
from pathlib import Path
from PySide6 import QtCore, QtGui, QtWidgets

def gui():
    return threading.current_thread() is threading.main_thread()

messages = []
QtCore.qInstallMessageHandler(lambda mode, context, text: messages.append(text) if not gui() else None)
made = {"gui": 0, "apart": []}

def watch(cls):
    init = cls.__init__

    def watched(self, *args, **kwargs):
        if gui():
            made["gui"] += 1
        else:
            made["apart"].append(cls.__name__)
        init(self, *args, **kwargs)

    cls.__init__ = watched

for name in ("QPixmap", "QImage", "QIcon", "QFont", "QFontMetrics", "QFontMetricsF", "QCursor", "QPalette"):
    watch(getattr(QtGui, name))
for cls in (QtWidgets.QWidget, QtWidgets.QGraphicsScene, QtCore.QObject, QtCore.QTimer, QtCore.QThread):
    watch(cls)
importers = []

class Watched(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name == "casefile.ui.review.dashboard":
            importers.append("gui" if gui() else "apart")

sys.meta_path.insert(0, Watched())
from casefile.core.library import Library
from casefile.core.settings import Settings
from casefile.ui.app import make_application
from casefile.ui.context import AppContext
from casefile.ui.main_window import MainWindow
from casefile.ui.tasks import TaskRunner

app = make_application()
library = Library.open(Path(sys.argv[1]), "测试员")
window = MainWindow(AppContext(library=library, settings=Settings(ocr_in_background=False), runner=TaskRunner()))
window.show()
before = "pyqtgraph" in sys.modules
window.open_review()
deadline = time.monotonic() + 60
while getattr(window.review_window, "result", None) is None and time.monotonic() < deadline:
    app.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 50)
shown = window.review_window is not None and window.review_window.result is not None
window.ctx.reads.wait()
print(json.dumps({"before": before, "importers": importers, "shown": shown, "made": made, "messages": messages}))
library.close()
"""


def test_opened_first_in_a_fresh_app_the_review_is_imported_apart_making_nothing_of_the_gui(tmp_path) -> None:
    """What lets the import run on the reads runner: pyqtgraph makes classes and plain values (colours, paths)
    as it is imported, never a pixmap, a font or a QObject, which belong to the thread that makes them."""
    import json

    from casefile_testing import run_python

    env = {"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    proc = run_python(FIRST_OPEN, str(tmp_path / "library"), env=env)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert not result["before"]  # not at start: a user who never opens the review does not carry it
    assert result["importers"] == ["apart"] and result["shown"], proc.stderr
    assert result["made"]["apart"] == [] and result["made"]["gui"] > 0
    assert result["messages"] == []


def cell(table, row: int, column: int) -> str:
    return table.item(row, column).text()


def overview(board) -> dict[str, tuple[str, str, str]]:
    t = board.overview
    return {cell(t, r, 0): (cell(t, r, 1), cell(t, r, 2), cell(t, r, 3)) for r in range(t.rowCount())}


def test_the_figures_of_the_period_against_the_previous_one(dashboard) -> None:
    figures = overview(dashboard)
    assert figures["Cases received"] == ("4", "1", "+3")
    assert figures["Time to resolution, median (days)"] == ("11.5", "—", "—")
    assert figures["Time to resolution, 90th percentile (working days)"] == ("13.0", "—", "—")
    assert figures["Response promises met"] == ("50.0%", "100.0%", "-50.0 pp")
    assert figures["Cases claimed against a courier"] == ("1", "0", "+1")
    assert figures["of which money recovered (cases)"] == ("1", "0", "+1")
    assert figures["Recovered from couriers in those cases"] == ("¥50.00", "¥0.00", "+¥50.00")
    assert not dashboard.groups.isVisible()  # no grouping asked for
    funnel = dashboard.funnel_chart
    assert funnel.names == [
        "Negotiation",
        "Internal mediation",
        "Consumer association / 12315",
        "Arbitration / court",
        "Execution",
    ]
    assert funnel.values == [[2, 1, 1, 0, 2], [0, 0, 0, 0, 0]]
    channels = dashboard.intake_charts[GroupBy.CHANNEL]
    assert channels.names == ["Phone", "Online chat", "Offline store"]
    assert channels.values == [[2, 1, 1], [0, 0, 1]]


def test_the_window_comes_first_then_its_charts_one_at_a_time(ctx, qtbot, tmp_path, monkeypatch) -> None:
    """Made and first painted together, the six charts held the window a tenth of a second: the window is made
    with blanks in their places, and each chart is made (and drawn) in an event-loop turn of its own."""
    from casefile.ui.review import dashboard as module

    make_review_library(ctx.library, tmp_path)
    made = []
    init = module.BarChart.__init__

    def counted(self, *args, **kwargs):
        init(self, *args, **kwargs)
        made.append(self)

    monkeypatch.setattr(module.BarChart, "__init__", counted)
    board = module.ReviewDashboard(ctx)
    qtbot.addWidget(board)
    assert made == [] and board.result is None  # nothing slow in the constructor: no chart, no figures yet
    board.show()
    with qtbot.waitSignal(board.shown, timeout=10_000):
        board.set_period(NOVEMBER)
    assert len(made) == 6 and sorted(map(id, made)) == sorted(map(id, board.charts.values()))
    assert board.drawn() and board.result.period == NOVEMBER
    for chart in made:  # each drawn with the figures, in the window
        assert chart.isVisible() and chart.parentWidget() is not None and chart.names and chart.values
    assert board.funnel_chart.values == [[2, 1, 1, 0, 2], [0, 0, 0, 0, 0]]
    assert board.intake_charts[GroupBy.CHANNEL].values == [[2, 1, 1], [0, 0, 1]]
    assert board.rates_chart.values[0][0] == 50.0  # promises met, this period (%)
    assert board.time_chart.names == ["All cases"]


def test_grouped_by_type(dashboard, qtbot) -> None:
    with qtbot.waitSignal(dashboard.shown, timeout=10_000):
        dashboard.set_group(GroupBy.TYPE)
    table = dashboard.groups
    assert table.isVisible()
    rows = [[cell(table, r, c) for c in range(5)] for r in range(table.rowCount())]
    assert rows[0] == ["Product quality", "2", "2", "100.0%", "8.0"]
    assert [r[0] for r in rows] == ["Product quality", "Logistics / courier", "Service"]
    assert dashboard.time_chart.names == ["Product quality", "Logistics / courier", "Service"]
    assert dashboard.time_chart.values == [[6, 6, 13], [9, 6, 13]]  # working days: median, 90th percentile


def test_the_figures_are_computed_off_the_gui_thread(dashboard, qtbot, monkeypatch) -> None:
    from casefile.ui.review import dashboard as module

    threads = []

    def recorded(*args, **kwargs):
        threads.append(threading.current_thread())
        return module.review.__wrapped__(*args, **kwargs)

    recorded.__wrapped__ = module.review
    monkeypatch.setattr(module, "review", recorded)
    dashboard.ctx.reads.synchronous = False
    with qtbot.waitSignal(dashboard.shown, timeout=10_000):
        dashboard.set_group(GroupBy.CHANNEL)
    assert threads and threads[0] is not threading.main_thread()
    assert dashboard.result.by is GroupBy.CHANNEL


def test_the_report_and_its_tables_are_saved(dashboard, monkeypatch, tmp_path: Path) -> None:
    from casefile.ui.review import dashboard as module

    answers = iter([str(tmp_path / "复盘"), str(tmp_path / "复盘.xlsx")])
    monkeypatch.setattr(module.QFileDialog, "getSaveFileName", lambda *a, **k: (next(answers), ""))
    dashboard.pdf_button.click()
    dashboard.xlsx_button.click()
    assert (tmp_path / "复盘.pdf").read_bytes().startswith(b"%PDF")
    import openpyxl

    book = openpyxl.load_workbook(tmp_path / "复盘.xlsx")
    rows = {row[0]: row[1:3] for row in book["总览"].iter_rows(min_row=2, values_only=True)}
    assert rows["受理（件）"] == (4, 1)
    assert rows["统计期间"][0].endswith("（30 天）")  # the period first, as the PDF says it


def test_the_dashboard_speaks_chinese(dashboard, qapp, qtbot, monkeypatch, tmp_path: Path) -> None:
    """In this checkout's catalogue (the installed package may map its translations elsewhere)."""
    from casefile.ui import i18n
    from tools.i18n import tool

    built = tmp_path / "casefile_zh_CN.qm"
    source = Path(__file__).resolve().parents[2] / "i18n" / "casefile_zh_CN.ts"
    subprocess.run([tool("lrelease"), "-silent", str(source), "-qm", str(built)], check=True)
    monkeypatch.setattr(i18n, "catalogue", lambda language: built if language == "zh_CN" else None)
    i18n.install(qapp, "zh_CN")
    qtbot.waitUntil(lambda: dashboard.windowTitle() == "定期复盘")  # the language change is posted to each window
    figures = overview(dashboard)
    assert figures["受理案件"] == ("4", "1", "+3")
    assert figures["响应承诺达成率"][2] == "-50.0个百分点"
    qtbot.waitUntil(lambda: dashboard.drawn())  # the charts drawn again, one a turn
    assert dashboard.funnel_chart.names[2] == "消协 / 12315"


def test_the_period_presets() -> None:
    from datetime import date

    from casefile.core.review.queries import Period
    from casefile.ui.review.dashboard import preset_period

    today = date(2026, 11, 29)
    assert preset_period("this-month", today) == Period(date(2026, 11, 1), today)
    assert preset_period("last-month", today) == Period(date(2026, 10, 1), date(2026, 10, 31))
    assert preset_period("last-90-days", today) == Period(date(2026, 9, 1), today)
    assert preset_period("this-quarter", today) == Period(date(2026, 10, 1), today)
    assert preset_period("this-year", today) == Period(date(2026, 1, 1), today)
    assert preset_period("last-month", date(2026, 1, 15)) == Period(date(2025, 12, 1), date(2025, 12, 31))


def test_picking_a_preset_computes_its_period(dashboard) -> None:
    from casefile.ui.review.dashboard import PRESETS

    dashboard.preset.setCurrentIndex(PRESETS.index("last-month"))
    dashboard.preset.activated.emit(PRESETS.index("last-month"))
    period = dashboard.result.period
    assert period.days >= 28 and period.first.day == 1
    assert dashboard.result.period == dashboard.period()
    dashboard.first.setDate(dashboard.first.date().addDays(-1))  # an edited date makes the period custom
    assert dashboard.preset.currentData() == "custom"
    assert dashboard.result.period.days == period.days + 1


def test_the_report_is_not_saved_into_the_library(dashboard, monkeypatch) -> None:
    from casefile.ui.review import dashboard as module

    target = dashboard.ctx.library.root / "复盘.pdf"
    monkeypatch.setattr(module.QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    said: list[str] = []
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: said.append(text))
    dashboard.pdf_button.click()
    assert said and "inside the CaseFile library" in said[0]
    assert not target.exists()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("by", [None, GroupBy.RESPONSIBILITY])
def test_the_review_fits_a_1024_by_700_screen(dashboard, qapp, qtbot, monkeypatch, tmp_path, language, by) -> None:
    """On the office's small screen the window asks for no more than 1024×700, every action is on screen, and no
    chart's title is cut (the longest: working days to resolution by responsibility)."""
    from casefile.ui import i18n
    from tools.i18n import tool

    from PySide6.QtCore import QPoint, QRect

    if language != "en":
        built = tmp_path / "casefile_zh_CN.qm"
        source = Path(__file__).resolve().parents[2] / "i18n" / "casefile_zh_CN.ts"
        subprocess.run([tool("lrelease"), "-silent", str(source), "-qm", str(built)], check=True)
        monkeypatch.setattr(i18n, "catalogue", lambda language: built if language == "zh_CN" else None)
        i18n.install(qapp, "zh_CN")
        qtbot.waitUntil(lambda: dashboard.windowTitle() == "定期复盘")
    with qtbot.waitSignal(dashboard.shown, timeout=10_000):
        dashboard.set_group(by)
    dashboard.resize(1024, 700)
    qtbot.waitUntil(lambda: dashboard.drawn())
    qapp.processEvents()
    hint, least = dashboard.minimumSizeHint(), dashboard.minimumSize()
    assert hint.width() <= 1024 and hint.height() <= 700, hint
    assert least.width() <= 1024 and least.height() <= 700, least
    assert dashboard.size().width() <= 1024 and dashboard.size().height() <= 700
    window = QRect(QPoint(0, 0), dashboard.size())
    for button in (dashboard.refresh_button, dashboard.pdf_button, dashboard.xlsx_button, dashboard.group):
        place = QRect(button.mapTo(dashboard, QPoint(0, 0)), button.size())
        assert button.isVisible() and window.contains(place), (button.text(), place)
    for key, chart in dashboard.charts.items():
        title = chart.plotItem.titleLabel.item
        assert title.boundingRect().width() <= chart.width(), (key, title.toPlainText(), chart.width())


def test_counts_are_marked_in_whole_steps_and_one_case_is_one_case(dashboard, qtbot) -> None:
    """Charts of cases have no 0.5 on their axis; the summary says "1 case received", not "1 cases"."""
    from datetime import date

    from casefile.core.review.queries import Period

    assert "4 cases received" in dashboard.status.text()
    for chart in (dashboard.funnel_chart, dashboard.intake_charts[GroupBy.CHANNEL]):
        ticks = chart.getAxis("bottom")._tickLevels
        assert ticks, "count charts mark their axis themselves"
        values = [v for v, _ in ticks[0]]
        assert values and all(float(v).is_integer() for v in values), values
    with qtbot.waitSignal(dashboard.shown, timeout=10_000):
        dashboard.set_period(Period(date(2026, 10, 1), date(2026, 10, 31)))  # one case received
    assert "1 case received" in dashboard.status.text()
    assert "1 cases" not in dashboard.status.text()
