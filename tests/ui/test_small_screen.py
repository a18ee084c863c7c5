"""Everything is reachable on a 1024×700 screen: the window never asks for more, whatever the tab
or the wizard's step."""

from __future__ import annotations


def test_the_window_fits_1024_by_700_on_every_tab_and_wizard_step(window, qapp):
    window.resize(1024, 700)
    window.show()
    window.cases.select("202611-001")
    workspace = window.workspace
    for tab in workspace.tabs():
        workspace.setCurrentWidget(tab)
        qapp.processEvents()
        hint = window.minimumSizeHint()
        assert hint.width() <= 1024 and hint.height() <= 700, (type(tab).__name__, hint)
    for step in range(4):
        workspace.bundles.wizard._go(step)
        qapp.processEvents()
        hint = window.minimumSizeHint()
        assert hint.width() <= 1024 and hint.height() <= 700, (step, hint)


def test_a_wide_screen_gives_the_room_to_the_case_list(window, qapp):
    """At 3200 pixels the list's title column takes the room left; the other columns keep their widths."""
    from casefile.ui.models import CaseListModel

    window.resize(3200, 1800)
    window.show()
    qapp.processEvents()
    table = window.cases.table
    narrow = table.columnWidth(CaseListModel.TITLE)
    window.splitter.setSizes([2000, 1200])
    qapp.processEvents()
    assert table.columnWidth(CaseListModel.TITLE) > narrow
    due = table.columnWidth(CaseListModel.DUE)
    assert due >= table.sizeHintForColumn(CaseListModel.DUE)  # 答复期限 shown whole
