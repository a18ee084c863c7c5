"""Case shortcuts work wherever the focus is."""

from __future__ import annotations

from casefile.ui import evidence_tab

from PySide6.QtCore import Qt


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
    monkeypatch.setattr(evidence_tab.QFileDialog, "getOpenFileNames", lambda *args: (chosen.append("asked") or [], ""))
    qtbot.keyClick(window.workspace.tabBar(), Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert chosen == ["asked"]
    window.workspace.setCurrentWidget(window.workspace.overview)  # not the evidence tab's keys elsewhere
    qtbot.keyClick(window.workspace.tabBar(), Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert not evidence.act_grid.isChecked()
