"""The first start: the ways in on an empty library, case actions only with a case, asked once who we are."""

from __future__ import annotations

import pytest

from casefile.core.archive import export_case
from casefile.core.library import Library, case_from_fields
from casefile.core.settings import load_settings


@pytest.fixture
def empty_window(ctx, qtbot):
    from casefile.ui.main_window import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    return win


def test_an_empty_library_shows_the_ways_in_and_no_case_actions(empty_window):
    win = empty_window
    assert win.right.currentWidget() is win.welcome
    assert win.welcome.empty
    assert not win.act_verify.isEnabled() and not win.act_verify_all.isEnabled()
    buttons = [win.welcome.new_button, win.welcome.walkin_button, win.welcome.import_button]
    assert all(b.text() for b in buttons)


def test_the_workspace_replaces_the_welcome_when_a_case_is_chosen(window):
    window.cases.table.clearSelection()
    assert window.right.currentWidget() is window.welcome and not window.welcome.empty
    assert not window.act_verify.isEnabled() and window.act_verify_all.isEnabled()
    window.cases.select("202611-001")
    assert window.right.currentWidget() is window.workspace
    assert window.act_verify.isEnabled()


def test_importing_an_archive_from_the_welcome_opens_the_case(empty_window, ctx, tmp_path):
    other = Library.open(tmp_path / "other", "同事")
    try:
        number = other.create_case(
            case_from_fields(
                {
                    "title": "空调不制冷",
                    "complained_at": "2026-10-02T09:00+08:00",
                    "channel": "phone",
                    "type": "quality",
                }
            )
        ).number
        list(export_case(other, number, tmp_path / "case.zip"))
    finally:
        other.close()
    empty_window.import_archive(str(tmp_path / "case.zip"))
    assert ctx.library.case_numbers() == [number]
    assert empty_window.workspace.number == number
    assert empty_window.right.currentWidget() is empty_window.workspace


def test_the_first_start_asks_once_for_the_organisation_and_the_operator(empty_window, ctx, qtbot):
    from casefile.ui.first_run import needs_first_run

    from PySide6.QtCore import QTimer

    assert needs_first_run(ctx.settings)

    def answer() -> None:
        dlg = empty_window.first_run_dialog
        dlg.org_name.setText("幸福路数码店")
        dlg.org_address.setText("上海市幸福路1号")
        dlg.org_phone.setText("021-12345678")
        dlg.operator.setText("周敏")
        dlg.accept()

    QTimer.singleShot(0, answer)
    empty_window.first_run()
    stored = load_settings()
    assert (stored.org_name, stored.org_address, stored.org_phone, stored.operator) == (
        "幸福路数码店",
        "上海市幸福路1号",
        "021-12345678",
        "周敏",
    )
    assert stored.setup_asked and not needs_first_run(ctx.settings)
    del empty_window.first_run_dialog
    empty_window.first_run()  # asked once: no dialog the second time
    assert not hasattr(empty_window, "first_run_dialog")


def test_skipping_the_first_start_questions_is_remembered(ctx, qtbot):
    from casefile.ui.first_run import FirstRunDialog

    dlg = FirstRunDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.org_name.setText("半途而废")
    dlg.reject()
    assert load_settings().setup_asked
    assert load_settings().org_name == "某某数码旗舰店"  # what was typed before "Later" is not saved
