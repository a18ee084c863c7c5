"""A mistyped timeline event is corrected or taken out in the app; the custody log keeps what it was."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog


def add(timeline, summary: str) -> None:
    timeline.summary.setText(summary)
    timeline.add()


def test_correct_and_remove_an_event(window, ctx, monkeypatch):
    window.cases.select("202611-001")
    timeline = window.workspace.timeline
    add(timeline, "商家同意退款500元")
    add(timeline, "重复录入的记录")
    assert timeline.list.count() == 2
    assert not timeline.edit_button.isEnabled()  # nothing selected yet

    timeline.list.setCurrentRow(0)
    timeline.edit_selected()
    assert timeline.summary.text() == "商家同意退款500元" and timeline.cancel_button.isVisibleTo(timeline)
    timeline.summary.setText("商家同意退款800元")
    timeline.add()  # the button now saves the correction
    summaries = [e.summary for e in ctx.library.load_case("202611-001").timeline]
    assert summaries.count("商家同意退款800元") == 1 and "商家同意退款500元" not in summaries
    assert timeline.editing is None and timeline.summary.text() == ""

    row = [e.summary for e in timeline.events].index("重复录入的记录")
    timeline.list.setCurrentRow(row)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("重复录入", True)))
    timeline.delete_selected()
    assert [e.summary for e in ctx.library.load_case("202611-001").timeline] == ["商家同意退款800元"]
    folder = ctx.library.folder("202611-001").path
    log = (folder / "CUSTODY.jsonl").read_text("utf-8")
    assert "商家同意退款500元" in log and "重复录入的记录" in log and "重复录入" in log


def test_removing_needs_a_reason(window, ctx, monkeypatch):
    window.cases.select("202611-001")
    timeline = window.workspace.timeline
    add(timeline, "一条记录")
    timeline.list.setCurrentRow(0)
    errors = []
    monkeypatch.setattr("casefile.ui.workspace.show_error", lambda parent, exc: errors.append(exc))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("  ", True)))
    timeline.delete_selected()
    assert errors and len(ctx.library.load_case("202611-001").timeline) == 1
