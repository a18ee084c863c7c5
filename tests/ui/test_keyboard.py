"""The app by keyboard alone: Tab moves on to the next control and never changes the case open; the case's
tabs are reached by keys and from the View menu; a date-time field is left with one Tab; a field reached
inside the scrolling overview is scrolled into sight."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDateTimeEdit, QFileDialog

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def shown(window, qtbot):
    window.resize(1024, 700)
    window.show()
    with qtbot.waitActive(window):  # shortcuts only fire in the active window
        window.activateWindow()
    window.cases.select("202611-002")
    return window


def focus() -> object:
    return QApplication.focusWidget()


def test_no_table_of_the_window_walks_its_cells_with_tab(shown):
    views = shown.findChildren(QAbstractItemView)
    assert shown.cases.table in views and shown.workspace.evidence.table in views
    assert shown.workspace.overview.demands.table in views
    assert [v for v in views if v.tabKeyNavigation()] == []


def test_tab_leaves_the_case_list_and_never_opens_another_case(shown, qtbot):
    table = shown.cases.table
    table.setFocus()
    assert shown.workspace.number == "202611-002"
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert focus() is not table
    for _ in range(12):  # on through the case's controls
        qtbot.keyClick(focus(), Qt.Key.Key_Tab)
    assert shown.workspace.number == "202611-002"
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Backtab, SHIFT)
    assert focus() is not table
    assert shown.workspace.number == "202611-002"


def test_the_demands_table_is_left_by_tab_through_its_kinds_to_its_buttons(shown, qtbot):
    overview = shown.workspace.overview
    demands = overview.demands
    demands.add_button.click()
    demands.table.setFocus()
    qtbot.keyClick(demands.table, Qt.Key.Key_Tab)
    assert focus() is demands.kind_combo(0)
    qtbot.keyClick(focus(), Qt.Key.Key_Tab)
    assert focus() is demands.add_button


def test_the_case_tabs_by_keys_from_the_case_list(shown, qtbot):
    workspace = shown.workspace
    table = shown.cases.table
    table.setFocus()
    workspace.setCurrentWidget(workspace.overview)
    qtbot.keyClick(table, Qt.Key.Key_Tab, CTRL)
    assert workspace.currentWidget() is workspace.evidence
    qtbot.keyClick(focus(), Qt.Key.Key_PageDown, CTRL)
    assert workspace.currentWidget() is workspace.timeline
    qtbot.keyClick(focus(), Qt.Key.Key_PageUp, CTRL)
    assert workspace.currentWidget() is workspace.evidence
    qtbot.keyClick(focus(), Qt.Key.Key_Backtab, CTRL | SHIFT)
    assert workspace.currentWidget() is workspace.overview
    qtbot.keyClick(focus(), Qt.Key.Key_Backtab, CTRL | SHIFT)  # round to the last
    assert workspace.currentWidget() is workspace.bundles
    qtbot.keyClick(focus(), Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    assert workspace.currentWidget() is workspace.handling
    assert shown.workspace.number == "202611-002"


def test_the_view_menu_has_each_tab_and_the_case_menu_adds_evidence(shown, qtbot, monkeypatch):
    names = [a.text() for a in shown.view_menu.actions() if a.text()]
    for index in range(shown.workspace.count()):
        assert shown.workspace.tabText(index) in names
    shown.act_tabs[2].trigger()
    assert shown.workspace.currentWidget() is shown.workspace.timeline
    assert shown.act_tabs[2].isChecked()
    assert shown.act_add_evidence in shown.case_menu.actions()
    assert shown.act_add_evidence.shortcut().toString() == "Ctrl+O"
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args: (asked.append("asked") or [], ""))
    shown.cases.table.setFocus()
    qtbot.keyClick(shown.cases.table, Qt.Key.Key_O, CTRL)
    assert asked == ["asked"]
    assert shown.workspace.currentWidget() is shown.workspace.evidence


def test_a_date_time_field_is_left_with_one_tab(shown, qtbot):
    overview = shown.workspace.overview
    shown.workspace.setCurrentWidget(overview)
    edits = [e for e in shown.findChildren(QDateTimeEdit) if e.isVisible()]
    assert overview.complained_at in edits
    edit = overview.complained_at
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert focus() is not edit and not edit.isAncestorOf(focus())
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Backtab, SHIFT)
    assert focus() is not edit and not edit.isAncestorOf(focus())
    timeline = shown.workspace.timeline
    shown.workspace.setCurrentWidget(timeline)
    timeline.at.setFocus()
    qtbot.keyClick(timeline.at, Qt.Key.Key_Tab)
    assert focus() is timeline.date_only  # 只知日期, beside the field


def test_a_field_reached_by_keyboard_in_the_overview_is_scrolled_into_sight(shown, qtbot):
    overview = shown.workspace.overview
    shown.workspace.setCurrentWidget(overview)
    scroller = overview.scroller
    scroller.verticalScrollBar().setValue(0)
    far = overview.stage_note  # at the foot of the form
    far.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.wait(10)
    viewport = scroller.viewport()
    top = far.mapTo(viewport, far.rect().topLeft()).y()
    assert top >= 0 and top + far.height() <= viewport.height()


def test_ctrl_s_on_the_evidence_tab_finishes_a_title_and_says_it_is_saved(shown, ctx, qtbot, tmp_path):
    from casefile.core.evidence import add_files
    from casefile.ui.models import EvidenceModel

    note = tmp_path / "chat.txt"
    note.write_text("你好", encoding="utf-8")
    list(add_files(ctx.library, "202611-002", [note]))
    ctx.events.case_changed.emit("202611-002")
    evidence = shown.workspace.evidence
    shown.workspace.setCurrentWidget(evidence)
    qtbot.waitUntil(lambda: evidence.model.rowCount() == 1)
    table = evidence.table
    table.setFocus()
    table.setCurrentIndex(evidence.model.index(0, EvidenceModel.TITLE))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not table and table.isAncestorOf(editor)
    editor.selectAll()
    qtbot.keyClicks(editor, "chat log")
    qtbot.keyClick(editor, Qt.Key.Key_S, CTRL)
    assert ctx.library.load_case("202611-002").exhibits[0].title == "chat log"
    assert shown.statusBar().currentMessage().startswith("Saved 202611-002")


def test_the_drop_hint_follows_a_language_switch(shown, qapp):
    from casefile.ui.i18n import install

    evidence = shown.workspace.evidence
    shown.workspace.setCurrentWidget(evidence)
    assert evidence.status.text() == "Drop files or folders here to add them to the case."
    install(qapp, "zh_CN")
    qapp.processEvents()
    assert evidence.status.text() == "将文件或文件夹拖放到这里，即可添加到本案。"
    install(qapp, "en")
    qapp.processEvents()
    assert evidence.status.text() == "Drop files or folders here to add them to the case."


def test_the_evidence_titles_are_in_sight_at_1024_wide(shown, qapp):
    from casefile.ui.models import EvidenceModel

    evidence = shown.workspace.evidence
    shown.workspace.setCurrentWidget(evidence)
    qapp.processEvents()
    header = evidence.table.horizontalHeader()
    start = header.sectionViewportPosition(EvidenceModel.TITLE)
    assert start >= 0 and start + 80 <= evidence.table.viewport().width()  # a title's first words


def test_what_was_handed_in_and_kept_is_read_whole_at_1024_wide(shown, ctx, qapp, tmp_path):
    from casefile.core.evidence import add_files

    photo = tmp_path / "chat.txt"
    photo.write_text("你好", encoding="utf-8")
    list(add_files(ctx.library, "202611-002", [photo]))
    ctx.events.case_changed.emit("202611-002")
    evidence = shown.workspace.evidence
    shown.workspace.setCurrentWidget(evidence)
    evidence.select_exhibit(1)
    qapp.processEvents()
    details = evidence.details
    for combo in (details.handed_combo, details.disposition_combo):
        need = combo.fontMetrics().horizontalAdvance(combo.currentText()) + 28  # and the arrow
        assert combo.currentText() and need <= combo.width(), (combo.currentText(), combo.width())


def test_ctrl_w_closes_the_case_and_asks_about_unsaved_edits_first(shown, ctx, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    assert shown.act_close_case in shown.case_menu.actions()
    shown.workspace.overview.title.setText("屏幕碎裂，要求退货")
    answers = iter([QMessageBox.ButtonRole.RejectRole, QMessageBox.ButtonRole.AcceptRole])
    asked: list[str] = []
    monkeypatch.setattr(shown, "ask_unsaved", lambda number: asked.append(number) or next(answers))
    shown.cases.table.setFocus()
    qtbot.keyClick(shown.cases.table, Qt.Key.Key_W, CTRL)
    assert asked == ["202611-002"] and shown.workspace.number == "202611-002"  # cancelled: still open
    qtbot.keyClick(shown.cases.table, Qt.Key.Key_W, CTRL)
    assert asked == ["202611-002", "202611-002"]
    assert ctx.library.load_case("202611-002").title == "屏幕碎裂，要求退货"  # saved, then closed
    assert shown.workspace.number is None and shown.cases.current_number() == ""
    assert shown.right.currentWidget() is shown.welcome
    assert not shown.act_close_case.isEnabled()
    qtbot.keyClick(shown.cases.table, Qt.Key.Key_Down)  # the list opens a case again
    assert shown.workspace.number is not None


def test_the_menu_key_on_the_evidence_list_offers_every_tool_bar_action(shown):
    evidence = shown.workspace.evidence
    for view in (evidence.table, evidence.grid):
        assert view.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
        texts = [a.text() for a in view.actions()]
        for action in (evidence.act_transcript, evidence.act_redact, evidence.act_up, evidence.act_down):
            assert action.text() in texts
        assert "Watch folders" in texts


def test_the_status_line_follows_a_language_switch(shown, qapp, tmp_path, monkeypatch):
    """The summary of the files just added is said again in the new language; another message (a withdrawal)
    gives way to the drop hint rather than staying in the language left behind."""
    from casefile.ui.i18n import install

    from PySide6.QtWidgets import QInputDialog

    evidence = shown.workspace.evidence
    shown.workspace.setCurrentWidget(evidence)
    note = tmp_path / "记录.txt"
    note.write_text("顾客：屏幕碎了", encoding="utf-8")
    try:
        assert evidence.ingest([str(note)]) is not None
        assert evidence.status.text() == "1 added"
        install(qapp, "zh_CN")
        qapp.processEvents()
        assert evidence.status.text() == "已添加 1 个"
        install(qapp, "en")
        qapp.processEvents()
        assert evidence.status.text() == "1 added"

        monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kw: ("照片与订单无关", True))
        evidence.table.selectRow(evidence.model.rowCount() - 1)
        evidence.act_withdraw.trigger()
        assert "withdrawn" in evidence.status.text()
        install(qapp, "zh_CN")
        qapp.processEvents()
        assert evidence.status.text() == "将文件或文件夹拖放到这里，即可添加到本案。"
    finally:
        install(qapp, "en")
        qapp.processEvents()
