"""A case whose record cannot be read, chosen in the list: said once, on a page of its own saying what to
do (not over the case open before), marked damaged in the list at once where it is seen, and shown
again once it is repaired."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

DAMAGED, SOUND = "202611-001", "202611-002"


def test_a_damaged_case_is_said_once_on_its_own_page_and_marked_in_the_list(window, ctx, monkeypatch):
    boxes: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a, **k: boxes.append(text))
    pane = window.cases
    pane.select(SOUND)
    assert window.workspace.overview.title.text() == "快递外箱压坏"
    record = ctx.library.cases_dir / DAMAGED / "case.json"
    record.write_bytes(record.read_bytes()[:40])  # cut short outside CaseFile
    pane.select(DAMAGED)
    assert boxes == []  # said once, on the page, not in a box for each tab
    assert window.workspace.number == DAMAGED
    assert window.right.currentWidget() is window.damaged  # not the tabs, which held the case open before
    assert DAMAGED in window.damaged.heading.text() and "case.json" in window.damaged.reason.text()
    assert window.damaged.repair_button.isVisibleTo(window.damaged)
    for tab in (window.workspace.overview, window.workspace.handling, window.workspace.timeline):
        assert tab.number is None
    assert not window.act_add_evidence.isEnabled() and window.act_verify.isEnabled()
    # marked damaged at once, beside its number and in its title (the stage column is off-screen at 1024)
    assert ctx.library.quarantine_reason(DAMAGED)
    model = pane.model
    row = model.row_of(DAMAGED)
    assert model.summary(row).damaged
    assert model.data(model.index(row, model.NUMBER), Qt.ItemDataRole.DecorationRole) is not None
    assert "DAMAGED" in model.data(model.index(row, model.TITLE))
    assert model.data(model.index(row, model.NUMBER), Qt.ItemDataRole.ToolTipRole)
    assert pane.current_number() == DAMAGED
    # another case: its own data
    pane.select(SOUND)
    assert window.right.currentWidget() is window.workspace
    assert window.workspace.overview.title.text() == "快递外箱压坏"


def test_a_damaged_case_repaired_from_its_page_is_shown_again(window, ctx, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    record = ctx.library.cases_dir / DAMAGED / "case.json"
    record.write_bytes(record.read_bytes()[:40])
    window.cases.select(DAMAGED)
    assert window.right.currentWidget() is window.damaged
    window.damaged.repair_button.click()
    assert not ctx.library.quarantine_reason(DAMAGED)
    assert window.right.currentWidget() is window.workspace
    assert window.workspace.overview.title.text() == "手机屏幕碎裂"
    model = window.cases.model
    assert not model.summary(model.row_of(DAMAGED)).damaged
    window.verify_results.close()


def test_edits_typed_in_the_overview_are_kept_when_the_record_cannot_be_read_for_a_while(window, ctx):
    window.cases.select(DAMAGED)
    overview = window.workspace.overview
    overview.title.setText("手机屏幕碎裂（未保存）")
    record = ctx.library.cases_dir / DAMAGED / "case.json"
    kept = record.read_bytes()
    record.unlink()  # gone for a while (a share that went away), while the overview holds edits
    window.workspace.set_case(DAMAGED)
    assert window.workspace.problem is not None and overview.unsaved()
    record.write_bytes(kept)
    window.workspace.set_case(DAMAGED)
    assert overview.title.text() == "手机屏幕碎裂（未保存）" and overview.unsaved()
    overview.revert()
