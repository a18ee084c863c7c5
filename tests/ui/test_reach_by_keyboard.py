"""The new parts reached from the keyboard: the stage row walked in its on-screen order; the stage box,
结案 and the receipt from the 案件 menu; the 材料 wizard's controls before its Next; Alt letters on 处理's
buttons."""

from __future__ import annotations

import re

import pytest

from casefile.core.bundle import Venue
from casefile.ui.handling import ClosingDialog

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton


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


def test_the_stage_row_is_walked_in_the_order_it_is_shown(shown, qtbot):
    overview = shown.workspace.overview
    shown.workspace.setCurrentWidget(overview)
    overview.stage_combo.setFocus()
    walked = [overview.stage_combo]
    for _ in range(4):
        qtbot.keyClick(focus(), Qt.Key.Key_Tab)
        walked.append(focus())
    assert walked == [
        overview.stage_combo,
        overview.stage_at,
        overview.stage_note,
        overview.stage_exhibits,
        overview.stage_button,
    ]


def test_the_case_menu_reaches_the_stage_box_the_closing_and_the_receipt(shown, qtbot):
    menu = [a for a in shown.case_menu.actions() if not a.isSeparator()]
    for action in (shown.act_stage, shown.act_conclude, shown.act_receipt):
        assert action in menu and not action.shortcut().isEmpty() and action.text()
    shown.workspace.setCurrentWidget(shown.workspace.evidence)

    QTest.keySequence(shown, shown.act_stage.shortcut())
    assert shown.workspace.currentWidget() is shown.workspace.overview
    assert focus() is shown.workspace.overview.stage_combo

    QTest.keySequence(shown, shown.act_receipt.shortcut())
    wizard = shown.workspace.bundles.wizard
    assert shown.workspace.currentWidget() is shown.workspace.bundles
    assert wizard.venue_combo.currentData() == Venue.RECEIPT.value
    assert focus() is wizard.layout_combo  # 回执纸张: A5 or the 80 mm roll

    QTest.keySequence(shown, shown.act_conclude.shortcut())
    assert shown.workspace.currentWidget() is shown.workspace.handling
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, ClosingDialog) and w.isVisible()]
    assert len(dialogs) == 1
    dialogs[0].reject()


def test_the_bundle_wizard_takes_its_choices_before_next(shown, qtbot):
    shown.workspace.setCurrentWidget(shown.workspace.bundles)
    wizard = shown.workspace.bundles.wizard
    assert wizard.choose_receipt()
    wizard.venue_combo.setFocus()
    walked = [wizard.venue_combo]
    for _ in range(6):
        qtbot.keyClick(focus(), Qt.Key.Key_Tab)
        walked.append(focus())
        if focus() is wizard.next_button:
            break
    assert wizard.next_button in walked
    assert walked.index(wizard.layout_combo) < walked.index(wizard.next_button)
    assert all(wizard.isAncestorOf(w) for w in walked)  # Tab does not leave the wizard before Next


def test_the_handling_buttons_have_alt_letters_of_their_own(shown):
    handling = shown.workspace.handling
    letters = {}
    menu_letters = {
        m.group(1).lower()
        for menu in (shown.file_menu, shown.case_menu, shown.lang_menu, shown.review_menu, shown.view_menu)
        if (m := re.search(r"&(\w)", menu.title()))
    }
    for button in handling.findChildren(QPushButton):
        found = re.search(r"&(\w)", button.text())
        if button.text() and "…" in button.text():
            assert found, button.text()
            letter = found.group(1).lower()
            assert letter not in letters, (button.text(), letters[letter])
            assert letter not in menu_letters, button.text()
            letters[letter] = button.text()
    assert len(letters) >= 10


def test_hints_are_not_cut_at_1024_pixels(shown, qtbot):
    """The stage note's placeholder fits its field; the link under the case search keeps its key in sight
    whatever the query; the search tab's count line wraps rather than cutting the rebuilt-file note."""
    overview = shown.workspace.overview
    shown.workspace.setCurrentWidget(overview)
    qtbot.wait(10)
    note = overview.stage_note
    assert note.fontMetrics().horizontalAdvance(note.placeholderText()) < note.width() - 8
    assert note.toolTip()
    shown.cases.search.setText("1231520261127000888")
    assert shown.cases.search_everywhere.text().startswith("Ctrl+Shift+F")
    assert shown.search.count.wordWrap()
