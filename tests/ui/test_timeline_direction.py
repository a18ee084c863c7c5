"""Who spoke to whom in a timeline event: chosen in the entry row by keyboard, shown in the list, corrected."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from PySide6.QtCore import QDateTime, Qt

CST = timezone(timedelta(hours=8))


def qt_time(value: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp()))


def test_a_direction_is_chosen_by_keyboard_shown_and_corrected(window, ctx, qtbot):
    window.cases.select("202611-001")
    timeline = window.workspace.timeline
    assert timeline.direction.currentData() == ""  # internal or not said, unless chosen
    timeline.at.setDateTime(qt_time(datetime(2026, 11, 20, 15, 45, tzinfo=CST)))
    timeline.party.setCurrentIndex(timeline.party.findData("respondent"))
    # Tab goes from their number to who spoke, then to what was said, and the keyboard picks it
    assert timeline.ref.nextInFocusChain() is timeline.direction
    assert timeline.direction.nextInFocusChain() is timeline.summary
    timeline.direction.setFocus()
    qtbot.keyClick(timeline.direction, Qt.Key.Key_Down)
    assert timeline.direction.currentData() == "out"
    timeline.summary.setText("微信要求商家退款")
    qtbot.keyClick(timeline.summary, Qt.Key.Key_Return)

    (event,) = ctx.library.load_case("202611-001").timeline
    assert event.direction == "out" and event.party == "respondent"
    line = timeline.list.item(0).text()
    assert "We → them" in line or "我方→对方" in line, line
    assert timeline.direction.currentData() == ""  # the next event starts from not said

    timeline.list.setCurrentRow(0)
    timeline.edit_selected()
    assert timeline.direction.currentData() == "out"
    timeline.direction.setCurrentIndex(timeline.direction.findData("in"))
    timeline.summary.setText("商家回复同意退款")
    timeline.add()
    (event,) = ctx.library.load_case("202611-001").timeline
    assert event.direction == "in" and event.summary == "商家回复同意退款"
    line = timeline.list.item(0).text()
    assert "They → us" in line or "对方→我方" in line, line
