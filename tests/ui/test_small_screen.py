"""Everything is reachable on a 1024×700 screen: the window never asks for more, whatever the tab
or the wizard's step."""

from __future__ import annotations

import pytest


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


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_tab_scrolls_sideways_at_1024_pixels(window, qapp, language):
    """In the app's own font, a tab's form fits beside the case list at 1024 pixels in either language, its
    filing questions unfolded: a long label puts its field under it rather than pushing the form wider."""
    from casefile.ui.i18n import install

    from PySide6.QtWidgets import QScrollArea

    install(qapp, language)
    window.resize(1024, 700)
    window.show()
    window.cases.select("202611-001")
    workspace = window.workspace
    for group in workspace.overview.groups:
        if group.toggle is not None:
            group.set_expanded(True)
    for tab in workspace.tabs():
        workspace.setCurrentWidget(tab)
        qapp.processEvents()
        for area in tab.findChildren(QScrollArea):
            if area.isVisible() and area.widget() is not None and area.widgetResizable():
                needs = area.widget().minimumSizeHint().width()
                assert needs <= area.viewport().width(), (type(tab).__name__, needs, area.viewport().width())
