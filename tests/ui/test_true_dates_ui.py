"""In the app, a stage change and an event take the time they happened; a complaint keeps who and its number."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from PySide6.QtCore import QDateTime

CST = timezone(timedelta(hours=8))


def qt_time(value: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp()))


def test_the_stage_change_takes_the_time_field_which_starts_at_now(window, ctx):
    window.cases.select("202611-001")
    overview = window.workspace.overview
    shown = datetime.fromtimestamp(overview.stage_at.dateTime().toSecsSinceEpoch()).astimezone()
    assert abs(shown - datetime.now().astimezone()) < timedelta(minutes=1)
    overview.stage_combo.setCurrentIndex(overview.stage_combo.findData("negotiation"))
    overview.stage_note.setText("电话提出退款方案")
    overview.stage_at.setDateTime(qt_time(datetime(2026, 11, 21, 15, 30, tzinfo=CST)))
    overview.change_stage()
    change = ctx.library.load_case("202611-001").stage_log[-1]
    assert change.at == datetime(2026, 11, 21, 15, 30, tzinfo=CST)
    assert change.recorded_at is not None and change.recorded_at > change.at
    first = overview.stage_log.item(0).text()
    assert first.startswith("2026-11-21 15:30")  # in Beijing time, as it was typed
    assert "(recorded " in first


def test_a_stage_change_dated_ahead_is_refused(window, ctx, monkeypatch):
    errors = []
    monkeypatch.setattr("casefile.ui.overview.show_error", lambda _parent, error: errors.append(error))
    window.cases.select("202611-001")
    overview = window.workspace.overview
    overview.stage_combo.setCurrentIndex(overview.stage_combo.findData("negotiation"))
    overview.stage_at.setDateTime(qt_time(datetime.now().astimezone() + timedelta(days=2)))
    overview.change_stage()
    assert errors and "future" in str(errors[0])
    assert ctx.library.load_case("202611-001").stage.value == "registration"


def test_a_complaint_in_the_timeline_with_whom_and_their_number(window, ctx, qtbot):
    from PySide6.QtCore import Qt

    window.cases.select("202611-002")
    timeline = window.workspace.timeline
    timeline.at.setDateTime(qt_time(datetime(2026, 11, 21, 9, 30, tzinfo=CST)))
    timeline.kind.setCurrentIndex(timeline.kind.findData("complaint"))
    timeline.party.setCurrentIndex(timeline.party.findData("courier"))
    timeline.ref.setText("GD20261121001")
    timeline.summary.setText("向快递公司提出索赔")
    qtbot.keyClick(timeline.summary, Qt.Key.Key_Return)
    (event,) = ctx.library.load_case("202611-002").timeline
    assert (event.kind.value, event.party, event.ref) == ("complaint", "courier", "GD20261121001")
    assert event.at == datetime(2026, 11, 21, 9, 30, tzinfo=CST)
    line = timeline.list.item(0).text()
    assert "Complaint or claim lodged" in line and "with The courier company" in line and "GD20261121001" in line
    assert timeline.ref.text() == "" and timeline.summary.text() == ""


def test_every_event_kind_and_party_has_a_name(window):
    from casefile.core.model import EVENT_PARTIES, EventKind

    timeline = window.workspace.timeline
    assert [timeline.kind.itemData(i) for i in range(timeline.kind.count())] == [k.value for k in EventKind]
    assert [timeline.party.itemData(i) for i in range(timeline.party.count())] == ["", *EVENT_PARTIES]
    names = [timeline.party.itemText(i) for i in range(1, timeline.party.count())]
    assert all(name and name not in EVENT_PARTIES for name in names)
