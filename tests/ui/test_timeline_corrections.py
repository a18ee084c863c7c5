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


def test_a_withdrawn_exhibit_is_marked_in_the_list_and_not_offered(window, ctx, monkeypatch, tmp_path):
    from casefile.core.evidence import add_files

    paths = []
    for name in ("wrong.txt", "chat.txt"):
        (tmp_path / name).write_text(name, "utf-8")
        paths.append(tmp_path / name)
    list(add_files(ctx.library, "202611-001", paths))
    window.cases.select("202611-001")
    timeline = window.workspace.timeline
    timeline.refs.setText("1")
    add(timeline, "商家称已超过七天")
    with ctx.library.edit("202611-001") as writer:
        writer.withdraw(1, "别的顾客的记录")
    ctx.events.case_changed.emit("202611-001")
    timeline.set_case("202611-001")
    (row,) = [timeline.list.item(i).text() for i in range(timeline.list.count())]
    assert "exhibit 1, withdrawn" in row
    # A new event cannot cite it: said, and nothing recorded; the exhibit still in the case can be cited.
    errors = []
    monkeypatch.setattr("casefile.ui.workspace.show_error", lambda parent, exc: errors.append(str(exc)))
    timeline.refs.setText("2,1")
    add(timeline, "商家同意退款")
    assert errors and "Exhibit 1 was withdrawn" in errors[0]
    assert len(ctx.library.load_case("202611-001").timeline) == 1
    timeline.refs.setText("2")
    add(timeline, "商家同意退款")
    assert [e.evidence for e in ctx.library.load_case("202611-001").timeline] == [[1], [2]]
    # Correcting the old event keeps its citation (nothing typed is lost), marked as withdrawn.
    timeline.list.setCurrentRow([e.summary for e in timeline.events].index("商家称已超过七天"))
    timeline.edit_selected()
    timeline.summary.setText("商家称已超过七天，拒绝退货")
    timeline.add()
    assert len(errors) == 1
    assert ctx.library.load_case("202611-001").timeline[0].evidence == [1]
