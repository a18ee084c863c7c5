"""The periodic review's dashboard, reached from the main window's menu, on the library of known figures."""

from __future__ import annotations

import subprocess
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
    board.set_period(NOVEMBER)
    return board


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
    assert figures["Recovered from couriers"] == ("¥50.00", "¥0.00", "+¥50.00")
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


def test_grouped_by_type(dashboard) -> None:
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
    assert next(book["总览"].iter_rows(min_row=2, values_only=True))[:3] == ("受理（件）", 4, 1)


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
