"""Case shortcuts work wherever the focus is; the last case and the tab are remembered for each library."""

from __future__ import annotations

from casefile.core.library import Library, case_from_fields
from casefile.core.settings import Settings

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog


def test_ctrl_g_and_ctrl_o_right_after_choosing_a_case_and_the_evidence_tab(window, qtbot, monkeypatch):
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    window.cases.table.setFocus()
    window.cases.select("202611-001")  # chosen in the list: the focus stays there
    window.workspace.setCurrentWidget(window.workspace.evidence)
    evidence = window.workspace.evidence
    qtbot.keyClick(window.cases.table, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert evidence.act_grid.isChecked()
    window.workspace.tabBar().setFocus()  # the 证据 tab just clicked
    qtbot.keyClick(window.workspace.tabBar(), Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert not evidence.act_grid.isChecked()
    chosen: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args: (chosen.append("asked") or [], ""))
    qtbot.keyClick(window.workspace.tabBar(), Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert chosen == ["asked"]
    window.workspace.setCurrentWidget(window.workspace.overview)  # not the evidence tab's keys elsewhere
    qtbot.keyClick(window.workspace.tabBar(), Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert not evidence.act_grid.isChecked()


def test_the_last_case_and_tab_are_remembered_for_each_library(window, ctx, qtbot, tmp_path):
    from casefile.ui.context import AppContext
    from casefile.ui.main_window import MainWindow
    from casefile.ui.tasks import TaskRunner

    window.cases.select("202611-001")  # not the first row (the newest case comes first)
    window.workspace.setCurrentWidget(window.workspace.timeline)
    window.close()

    again = MainWindow(ctx)
    qtbot.addWidget(again)
    assert again.workspace.number == "202611-001"
    assert again.workspace.currentWidget() is again.workspace.timeline
    again.close()

    other = Library.open(tmp_path / "other", "测试员")
    for title in ("耳机无声", "洗衣机漏水"):
        other.create_case(
            case_from_fields(
                {"title": title, "complained_at": "2026-11-21T10:00+08:00", "channel": "store", "type": "quality"}
            )
        )
    runner = TaskRunner()
    runner.synchronous = True
    elsewhere = MainWindow(AppContext(library=other, settings=Settings(operator="测试员"), runner=runner))
    qtbot.addWidget(elsewhere)
    try:
        assert elsewhere.workspace.number == "202611-002"  # this library's first row, not the other's last case
        assert elsewhere.workspace.currentWidget() is elsewhere.workspace.overview
    finally:
        elsewhere.close()
        other.close()
