"""The walk-in desk asks for the store and the clerk before its first receipt: a receipt never reads 受理人 root
(工号 ____) beside a blank store name because the first-run questions were skipped."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from shiboken6 import isValid


def click_in_box(button: str, then=None) -> list[str]:
    """Click ``button`` in the next message box; the list gets the box's text; ``then`` runs after, once a
    dialog (not a message box) is the modal one."""
    seen: list[str] = []
    tries = iter(range(500))

    def click() -> None:
        if next(tries, None) is None:
            return
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            seen.append(box.defaultButton().text())
            for candidate in box.buttons():
                if candidate.text() == button:
                    candidate.click()
                    if then is not None:
                        QTimer.singleShot(10, then)
                    return
        QTimer.singleShot(10, click)

    QTimer.singleShot(0, click)
    return seen


def close_desk(window, tries: int = 300) -> None:
    """Close the walk-in desk once it shows (it would wait for a customer)."""
    desk = getattr(window, "walkin_dialog", None)
    if desk is None or not isValid(desk) or not desk.isVisible():
        if tries:
            QTimer.singleShot(10, lambda: close_desk(window, tries - 1))
        return
    desk.reject()


def test_the_desk_asks_for_the_store_and_clerk_when_they_are_not_set(window, ctx, qtbot, monkeypatch):
    monkeypatch.delenv("CASEFILE_OPERATOR", raising=False)
    ctx.settings.org_name = ctx.settings.operator = ctx.settings.clerk_id = ""
    seen = click_in_box("Cancel")
    QTimer.singleShot(0, lambda: close_desk(window))
    window.open_walkin()
    assert "store" in seen[0] and "your name" in seen[0] and "工号" in seen[0]
    assert seen[1] == "Set them now…"
    assert getattr(window, "walkin_dialog", None) is None  # no desk without a clerk's name

    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not hasattr(dialog, "org_name"):
            QTimer.singleShot(10, fill_in)
            return
        dialog.org_name.setText("某某数码旗舰店")
        dialog.operator.setText("王店员")
        dialog.clerk_id.setText("A017")
        dialog.accept()

    monkeypatch.setattr("casefile.ui.first_run.save_settings", lambda settings: None)
    seen = click_in_box("Set them now…", then=fill_in)
    QTimer.singleShot(0, lambda: close_desk(window))
    window.open_walkin()
    assert window.walkin_dialog is not None
    assert ctx.settings.operator == "王店员" and ctx.settings.clerk_id == "A017"
    assert ctx.library.operator == "王店员"
    assert window.receipt_gaps() == []


def test_without_a_staff_number_the_blanks_can_be_accepted_once(window, ctx, qtbot):
    ctx.settings.clerk_id = ""
    seen = click_in_box("Leave blanks to fill in by hand")

    QTimer.singleShot(0, lambda: close_desk(window))
    window.open_walkin()
    assert seen and "工号" in seen[0]
    first = window.walkin_dialog
    window.walkin_dialog = None
    QTimer.singleShot(0, lambda: close_desk(window))
    window.open_walkin()  # not asked again
    assert window.walkin_dialog is not first
