"""Nothing typed in a form is thrown away by a reflexive key: Esc in 新建案件 asks, as the walk-in desk does, and
in both the question's default answer (Enter) keeps the form; Ctrl+S in 新建案件 creates the case."""

from __future__ import annotations

import pytest

from casefile.ui.new_case import NewCaseDialog

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox


@pytest.fixture
def new_case(ctx, qtbot):
    dlg = NewCaseDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.open_pdf = lambda path: True
    with qtbot.waitActive(dlg):
        dlg.show()
    return dlg


def press_in_question(key: Qt.Key) -> list[str]:
    """Press ``key`` in the next question box once it shows; the list gets its default button's text."""
    seen: list[str] = []
    tries = iter(range(500))

    def press() -> None:
        if next(tries, None) is None:
            return
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            default = box.defaultButton()
            seen.append(default.text() if default is not None else "")
            from PySide6.QtTest import QTest

            QTest.keyClick(box, key)
            return
        QTimer.singleShot(10, press)

    QTimer.singleShot(0, press)
    return seen


def test_escape_in_a_new_case_with_nothing_typed_closes_without_asking(new_case, qtbot):
    qtbot.keyClick(new_case.title_edit, Qt.Key.Key_Escape)
    assert not new_case.isVisible() and new_case.result() == QDialog.DialogCode.Rejected


def test_escape_in_a_new_case_asks_and_enter_keeps_what_was_typed(new_case, ctx, qtbot):
    title = new_case.title_edit
    assert isinstance(title, QLineEdit)
    qtbot.keyClicks(title, "screen broken")
    seen = press_in_question(Qt.Key.Key_Return)
    qtbot.keyClick(title, Qt.Key.Key_Escape)
    assert seen == ["Keep typing"]
    assert new_case.isVisible() and title.text() == "screen broken"
    seen = press_in_question(Qt.Key.Key_Escape)
    qtbot.keyClick(title, Qt.Key.Key_Escape)
    assert seen == ["Keep typing"] and new_case.isVisible()
    new_case.confirm_discard = lambda: True
    qtbot.keyClick(title, Qt.Key.Key_Escape)
    assert not new_case.isVisible() and ctx.library.case_numbers() == []


def test_ctrl_s_in_a_new_case_creates_it(new_case, ctx, qtbot):
    title = new_case.title_edit
    qtbot.keyClicks(title, "screen broken")
    name = new_case.widget("complainant.name")
    name.setFocus()
    qtbot.keyClicks(name, "Wang")
    qtbot.keyClick(name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert new_case.number is not None and ctx.library.case_numbers() == [new_case.number]
    assert new_case.result() == QDialog.DialogCode.Accepted


def test_the_walk_in_discard_question_keeps_the_complaint_on_enter(ctx, qtbot):
    from casefile.ui.walkin import WalkInDialog

    dialog = WalkInDialog(ctx)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
    dialog.phone.setFocus()
    qtbot.keyClicks(dialog.phone, "13900001111")
    seen = press_in_question(Qt.Key.Key_Return)
    qtbot.keyClick(dialog.phone, Qt.Key.Key_Escape)
    assert seen == ["Keep typing"]
    assert dialog.isVisible() and dialog.phone.text() == "13900001111"
    assert ctx.library.case_numbers() == []
    dialog.confirm_discard = lambda: True  # closed at the end of the test
