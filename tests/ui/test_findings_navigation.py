"""Findings lead to what to fix: double-clicking one about the record focuses its field in the overview;
one about an exhibit selects the exhibit; errors block the bundle however the warnings are accepted."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

import pytest
from test_bundles_tab import make_case

from casefile.core.bundle import Level, Venue

from PySide6.QtCore import Qt

pytestmark = pytest.mark.gui


def ready_for_court(ctx, tmp_path: Path) -> str:
    """Filed-ready but for the defendant's address and the plaintiff."""
    return make_case(
        ctx,
        tmp_path,
        respondent={"kind": "organisation", "name": "某某数码旗舰店"},
        demands=[{"type": "refund", "amount": "1999.00"}],
        facts="签收时屏幕已碎。",
    )


@pytest.fixture
def workspace(ctx, qtbot):
    from casefile.ui.workspace import Workspace

    widget = Workspace(ctx)
    qtbot.addWidget(widget)
    with qtbot.waitActive(widget):  # focus only moves in the active window
        widget.show()
        widget.activateWindow()
    return widget


def checked(workspace, venue: Venue):
    from casefile.ui.bundle_wizard import STEP_CHECK

    tab = workspace.bundles
    workspace.setCurrentWidget(tab)
    tab.wizard.venue_combo.setCurrentIndex(tab.wizard.venue_combo.findData(venue.value))
    tab.wizard._go(STEP_CHECK)
    return tab


def item_for(tab, code: str):
    from casefile.ui.bundle_wizard import FIELD_ROLE

    codes = [f.code for f in tab.wizard._findings if f.level is Level.ERROR] + [
        f.code for f in tab.wizard._findings if f.level is Level.WARNING
    ]
    item = tab.wizard.findings.item(codes.index(code))
    return item, item.data(FIELD_ROLE)


def double_click(qtbot, tab, item) -> None:
    tab.wizard.findings.scrollToItem(item)
    where = tab.wizard.findings.visualItemRect(item).center()
    qtbot.mouseClick(tab.wizard.findings.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(tab.wizard.findings.viewport(), Qt.MouseButton.LeftButton, pos=where)


def test_double_clicking_a_field_finding_focuses_the_field(ctx, workspace, qtbot, tmp_path):
    number = ready_for_court(ctx, tmp_path)
    workspace.set_case(number)
    tab = checked(workspace, Venue.COURT)
    item, field = item_for(tab, "no-respondent-address")
    assert field == "respondent.address"
    assert "go to the field" in item.toolTip()
    with qtbot.waitSignal(tab.field_requested, timeout=1000) as requested:
        double_click(qtbot, tab, item)
    assert requested.args == ["respondent.address"]
    assert workspace.currentWidget() is workspace.overview
    assert workspace.overview.editor_for("respondent.address").hasFocus()

    tab = checked(workspace, Venue.COURT)
    item, field = item_for(tab, "no-complainant-name")
    double_click(qtbot, tab, item)
    assert (
        workspace.currentWidget() is workspace.overview and workspace.overview.editor_for("complainant.name").hasFocus()
    )


def test_an_exhibit_finding_selects_the_exhibit_in_the_wizard(ctx, workspace, qtbot, tmp_path):
    from casefile.ui.bundle_wizard import STEP_EXHIBITS

    number = ready_for_court(ctx, tmp_path)
    with ctx.library.edit(number) as writer:
        writer.update_exhibit(1, purpose="")
    workspace.set_case(number)
    tab = checked(workspace, Venue.COURT)
    item, field = item_for(tab, "no-purpose")
    assert field == "exhibits.1.purpose"
    with qtbot.assertNotEmitted(tab.field_requested):
        double_click(qtbot, tab, item)
    assert workspace.currentWidget() is tab and tab.wizard.pages.currentIndex() == STEP_EXHIBITS
    assert tab.wizard.exhibit_list.current_number() == 1


def test_where_each_field_is_shown(ctx, workspace, tmp_path):
    number = ready_for_court(ctx, tmp_path)
    workspace.set_case(number)
    overview = workspace.overview
    assert overview.editor_for("facts") is overview.inputs["facts"].widget
    assert overview.editor_for("shipment.waybill_no") is overview.inputs["shipment.waybill_no"].widget
    assert overview.editor_for("demands.0.amount") is overview.demands  # the claims table
    assert overview.editor_for("transaction.received_at.date") is overview.inputs["transaction.received_at"].widget
    assert overview.editor_for("nothing.here") is None
    # where a mail address found in the evidence is entered as a party's (the mail-address-of-no-party finding)
    assert overview.editor_for("complainant.email") is overview.inputs["complainant.email"].widget
    assert overview.editor_for("shipment.claimant.email") is not None
    workspace.setCurrentWidget(workspace.bundles)
    workspace.show_field("nothing.here")
    assert workspace.currentWidget() is workspace.bundles  # nowhere to go: stays
    workspace.show_field("exhibits.1.captured_at")  # an exhibit's field: the evidence tab, the exhibit selected
    assert workspace.currentWidget() is workspace.evidence
    assert workspace.evidence.selected_exhibit().number == 1
    workspace.show_field("timeline.0.evidence")  # an event's exhibits: the timeline tab
    assert workspace.currentWidget() is workspace.timeline


def test_a_field_in_a_folded_group_is_unfolded_and_focused(ctx, workspace, qtbot, tmp_path):
    number = ready_for_court(ctx, tmp_path)
    workspace.set_case(number)
    overview = workspace.overview
    workspace.show_field("agent.name")  # the agent group starts folded when empty
    editor = overview.editor_for("agent.name")
    assert workspace.currentWidget() is overview
    qtbot.waitUntil(editor.isVisible)
    assert editor.hasFocus()


def test_every_field_a_finding_names_has_an_editor(ctx, workspace, tmp_path):
    """Each record field the preflight names about an empty case, for every venue, leads somewhere."""
    from datetime import datetime

    from casefile.core.bundle.preflight import preflight
    from casefile.core.model import Case, CaseType, Channel

    workspace.set_case(ready_for_court(ctx, tmp_path))
    empty = Case(
        number="202611-001",
        title="空白",
        complained_at=datetime(2026, 11, 20, tzinfo=UTC),
        channel=Channel.ONLINE,
        type=CaseType.QUALITY,
    )
    fields = {f.field for venue in Venue for f in preflight(empty, venue, [], size_limit_mb=None) if f.field}
    assert "respondent.name" in fields
    for path in fields - {"exhibits"}:
        assert workspace.overview.editor_for(path) is not None, path


def test_court_packet_errors_are_blocked_even_when_warnings_are_accepted(ctx, workspace, tmp_path):
    number = make_case(ctx, tmp_path)  # no defendant, no claims, no facts
    workspace.set_case(number)
    tab = checked(workspace, Venue.COURT)
    assert {f.code for f in tab.wizard._findings if f.level is Level.ERROR} == {
        "no-respondent",
        "no-demands",
        "no-facts",
    }
    assert tab.wizard.findings.item(0).foreground().color().name() == "#b00020"  # errors first, in red
    tab.wizard.accept_warnings.setChecked(True)
    assert not tab.wizard.generate_button.isEnabled()
    tab.wizard.generate()
    assert tab.wizard.last_result is None
