"""The case open stays open whatever the case list's filters do, and the list says when they hide it."""

from __future__ import annotations


def test_the_case_open_stays_open_through_saves_after_a_filter_hid_it_and_let_it_back(window, ctx):
    pane = window.cases
    pane.select("202611-001")
    overview = window.workspace.overview
    pane.stage.setCurrentIndex(pane.stage.findData("closed"))  # nothing is closed: the list is empty
    assert pane.model.matching == 0 and window.workspace.number == "202611-001"
    assert pane.hidden_open.isVisibleTo(pane) and "202611-001" in pane.hidden_open.text()
    overview.title.setText("手机屏幕碎裂（筛选中）")
    assert overview.save()  # saved while the filter hides it: still open
    assert window.workspace.number == "202611-001"
    assert window.right.currentWidget() is window.workspace
    pane.stage.setCurrentIndex(0)  # back in the list: selected again, the note gone
    assert pane.current_number() == "202611-001"
    assert not pane.hidden_open.isVisibleTo(pane)
    overview.title.setText("手机屏幕碎裂（已保存）")
    assert overview.save()
    assert window.workspace.number == "202611-001" and pane.current_number() == "202611-001"
    assert ctx.library.load_case("202611-001").title == "手机屏幕碎裂（已保存）"


def test_a_record_made_in_handling_while_a_filter_hides_the_case_keeps_it_open(window, ctx):
    pane = window.cases
    pane.select("202611-002")
    pane.stage.setCurrentIndex(pane.stage.findData("negotiation"))
    assert pane.model.matching == 0
    ctx.events.case_changed.emit("202611-002")  # what every record in 处理 ends with
    assert window.workspace.number == "202611-002"
    assert pane.hidden_open.isVisibleTo(pane)
    pane.hidden_open.linkActivated.emit("show")  # shows it: the filters cleared, the case selected
    assert pane.stage.currentIndex() == 0 and pane.current_number() == "202611-002"
    assert window.workspace.number == "202611-002" and not pane.hidden_open.isVisibleTo(pane)


def test_closing_the_case_still_closes_it(window):
    window.cases.select("202611-001")
    window.close_case()
    assert window.workspace.number is None and window.cases.current_number() == ""
    assert not window.cases.hidden_open.isVisibleTo(window.cases)
