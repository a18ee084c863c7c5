"""The wizard's check box for one file per component (online filing)."""

from __future__ import annotations

import pytest
from test_bundles_tab import choose, complete_case

from casefile.core.bundle import BundleResult, Venue

pytestmark = pytest.mark.gui


@pytest.fixture
def tab(ctx, qtbot):
    from casefile.ui.bundles_tab import BundlesTab

    widget = BundlesTab(ctx)
    qtbot.addWidget(widget)
    return widget


def test_components_check_box_makes_the_files_and_lists_them(ctx, tab, tmp_path):
    number = complete_case(ctx, tmp_path)
    tab.set_case(number)
    choose(tab, Venue.COURT)
    assert tab.wizard.components_check.isEnabled() and not tab.wizard.components_check.isChecked()
    tab.wizard.components_check.setChecked(True)
    tab.wizard.run_preflight()
    tab.wizard.accept_warnings.setChecked(True)
    tab.wizard.generate()
    result = tab.wizard.last_result
    assert isinstance(result, BundleResult)
    names = [p.name.split("-")[-1] for p in result.components]
    assert names == ["民事起诉状.pdf", "证据目录.pdf", "证据.pdf", "身份证明.pdf", "送达地址确认书.pdf"]
    text = tab.wizard.result_label.text()
    assert all(p.name in text for p in result.components)
    rows = [tab.history_model.index(r, 1).data() for r in range(tab.history_model.rowCount())]
    assert rows[:2] == ["Court (civil complaint)", "Court (civil complaint): notes for whoever files it"]
    assert rows[2:] == [f"Court (civil complaint): online filing, {n[:-4]}" for n in names]


def test_no_components_for_a_receipt(ctx, tab, tmp_path):
    number = complete_case(ctx, tmp_path)
    tab.set_case(number)
    choose(tab, Venue.RECEIPT)
    assert not tab.wizard.components_check.isEnabled()
