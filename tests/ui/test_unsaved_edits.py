"""Nothing typed in the overview is lost: Ctrl+S saves, leaving an edited case or quitting asks, saving is said."""

from __future__ import annotations

import pytest

from casefile.core.model import Stage

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


def answer(button: str) -> list[str]:
    """Click ``button`` in the next question box once it shows; the list gets the question's text."""
    asked: list[str] = []
    tries = iter(range(500))  # five seconds, then it stops looking

    def click() -> None:
        if next(tries, None) is None:
            return
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            for candidate in box.buttons():
                if candidate.text() == button:
                    asked.append(box.text())
                    candidate.click()
                    return
        QTimer.singleShot(10, click)

    QTimer.singleShot(0, click)
    return asked


@pytest.fixture
def shown(window, qtbot):
    window.show()
    with qtbot.waitActive(window):  # shortcuts only fire in the active window
        window.activateWindow()
    window.cases.select("202611-001")
    window.workspace.setCurrentWidget(window.workspace.overview)
    return window


def test_ctrl_s_saves_wherever_the_focus_is_in_the_overview_and_says_so(shown, ctx, qtbot):
    overview = shown.workspace.overview
    overview.c_name.setText("李四")
    overview.c_phone.setFocus()
    qtbot.keyClicks(overview.c_phone, "13900001111")
    qtbot.keyClick(overview.c_phone, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    stored = ctx.library.load_case("202611-001")
    assert stored.complainant.name == "李四" and stored.complainant.phone == "13900001111"
    assert shown.statusBar().currentMessage() == "Saved 202611-001"
    assert not overview.unsaved()

    overview.title.setText("屏幕碎裂，要求退货")
    overview.stage_note.setFocus()  # the stage row, outside the fields
    qtbot.keyClick(overview.stage_note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert ctx.library.load_case("202611-001").title == "屏幕碎裂，要求退货"


def test_a_refused_save_says_what_failed(shown, ctx, qtbot):
    overview = shown.workspace.overview
    overview.c_phone.setText("12ab")
    qtbot.keyClick(overview.c_phone, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    message = shown.statusBar().currentMessage()
    assert message.startswith("202611-001 not saved: ") and "phone" in message.lower()
    assert ctx.library.load_case("202611-001").complainant.phone == ""
    assert overview.unsaved()


def test_a_freshly_opened_case_has_nothing_unsaved(window):
    for number in ("202611-001", "202611-002"):
        window.cases.select(number)
        assert not window.workspace.overview.unsaved()
    window.workspace.overview.demands.add_button.click()
    assert window.workspace.overview.unsaved()  # a demand added counts as an edit


def test_choosing_another_case_asks_and_cancel_stays(window, ctx, qtbot):
    window.cases.select("202611-001")
    overview = window.workspace.overview
    overview.c_name.setText("李四")
    asked = answer("Cancel")
    window.cases.select("202611-002")
    qtbot.waitUntil(lambda: bool(asked))
    assert "202611-001" in asked[0]
    assert window.workspace.number == "202611-001" and window.cases.current_number() == "202611-001"
    assert overview.c_name.text() == "李四" and overview.unsaved()


def test_choosing_another_case_dont_save_drops_the_edits(window, ctx, qtbot):
    window.cases.select("202611-001")
    window.workspace.overview.c_name.setText("李四")
    asked = answer("Don't save")
    window.cases.select("202611-002")
    qtbot.waitUntil(lambda: window.workspace.number == "202611-002")
    assert asked and window.cases.current_number() == "202611-002"
    assert ctx.library.load_case("202611-001").complainant.name == ""


def test_choosing_another_case_save_writes_then_opens_it(window, ctx, qtbot):
    window.cases.select("202611-001")
    window.workspace.overview.c_name.setText("李四")
    asked = answer("Save")
    window.cases.select("202611-002")
    qtbot.waitUntil(lambda: window.workspace.number == "202611-002")
    assert asked and ctx.library.load_case("202611-001").complainant.name == "李四"
    assert window.cases.current_number() == "202611-002"
    assert window.statusBar().currentMessage() == "Saved 202611-001"


def test_choosing_another_case_save_with_a_refused_value_stays(window, ctx, qtbot):
    window.cases.select("202611-001")
    overview = window.workspace.overview
    overview.c_phone.setText("12ab")
    asked = answer("Save")
    window.cases.select("202611-002")
    qtbot.waitUntil(lambda: bool(asked))
    assert window.workspace.number == "202611-001" and window.cases.current_number() == "202611-001"
    assert "phone" in overview.error.text().lower() and overview.c_phone.text() == "12ab"


def test_a_search_hiding_the_edited_case_keeps_it_open(window):
    window.cases.select("202611-001")
    window.workspace.overview.c_name.setText("李四")
    window.cases.search.setText("快递外箱")
    assert window.workspace.number == "202611-001" and window.workspace.overview.c_name.text() == "李四"


def test_quitting_with_unsaved_edits_asks(shown, ctx, qtbot):
    shown.workspace.overview.c_name.setText("李四")
    asked = answer("Cancel")
    shown.close()
    assert asked and shown.isVisible()
    asked = answer("Save")
    shown.close()
    qtbot.waitUntil(lambda: not shown.isVisible())
    assert asked and ctx.library.load_case("202611-001").complainant.name == "李四"


def test_quitting_without_saving(shown, ctx, qtbot):
    shown.workspace.overview.c_name.setText("李四")
    asked = answer("Don't save")
    shown.close()
    assert asked and not shown.isVisible()
    assert ctx.library.load_case("202611-001").complainant.name == ""


def test_the_save_question_is_in_chinese(window, qapp, qtbot):
    from casefile.ui.i18n import install

    install(qapp, "zh_CN")
    qapp.processEvents()  # the window takes the language change
    window.cases.select("202611-001")
    window.workspace.overview.c_name.setText("李四")
    asked = answer("取消")
    window.cases.select("202611-002")
    qtbot.waitUntil(lambda: bool(asked))
    labels = sorted(b.text() for b in window.unsaved_box.buttons())
    assert labels == sorted(["保存", "不保存", "取消"])
    assert "未保存" in asked[0] or "尚未保存" in asked[0]


def test_a_change_elsewhere_in_the_case_keeps_typed_edits(window, ctx):
    window.cases.select("202611-001")
    overview = window.workspace.overview
    overview.c_name.setText("李四")
    with ctx.library.edit("202611-001") as writer:  # a stage moved, a file arrived from a watched folder…
        writer.set_stage(Stage.NEGOTIATION, "")
    ctx.events.case_changed.emit("202611-001")
    assert overview.c_name.text() == "李四" and overview.unsaved()
    overview.save()
    stored = ctx.library.load_case("202611-001")
    assert stored.complainant.name == "李四" and stored.stage.value == "negotiation"
    assert not overview.unsaved()


def test_leaving_by_a_key_in_the_case_list_asks_once(window, qtbot, monkeypatch):
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    window.cases.select("202611-002")
    window.workspace.overview.title.setText("屏幕碎裂，要求退货")
    asked: list[str] = []
    monkeypatch.setattr(window, "ask_unsaved", lambda number: asked.append(number) or QMessageBox.ButtonRole.RejectRole)
    window.cases.table.setFocus()
    qtbot.keyClick(window.cases.table, Qt.Key.Key_Down)
    qtbot.wait(50)
    assert asked == ["202611-002"]
    assert window.workspace.number == "202611-002" and window.cases.current_number() == "202611-002"
    monkeypatch.setattr(
        window, "ask_unsaved", lambda number: asked.append(number) or QMessageBox.ButtonRole.DestructiveRole
    )
    qtbot.keyClick(window.cases.table, Qt.Key.Key_Down)
    qtbot.wait(50)
    assert asked == ["202611-002", "202611-002"]
    assert window.workspace.number == "202611-001" == window.cases.current_number()


def test_the_overview_tab_shows_that_edits_are_not_saved(shown, qtbot):
    workspace = shown.workspace
    index = workspace.indexOf(workspace.overview)
    assert workspace.tabText(index) == "Overview"
    qtbot.keyClicks(workspace.overview.c_phone, "13900001111")
    qtbot.waitUntil(lambda: workspace.tabText(index) == "Overview *")
    assert "Ctrl+S" in workspace.tabToolTip(index)
    qtbot.keyClick(workspace.overview.c_phone, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: workspace.tabText(index) == "Overview")
    workspace.overview.demands.add_button.click()
    qtbot.waitUntil(lambda: workspace.tabText(index) == "Overview *")
    workspace.overview.revert()
    qtbot.waitUntil(lambda: workspace.tabText(index) == "Overview")
