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


def test_who_a_new_event_was_with_starts_from_the_likely_one(window, ctx, qtbot):
    """In the merchant's claim against the courier (logistics, responsible party the courier) a call, chat or
    e-mail starts as with the courier company, until the user picks someone; elsewhere, and for other kinds,
    nobody is assumed, and a dealing recorded with nobody says so in its row (a note does not)."""
    from casefile.core.model import CaseType, ResponsibleParty, case_from_data, case_to_data

    from PySide6.QtCore import Qt

    with ctx.library.edit("202611-002") as writer:
        changed = case_from_data(case_to_data(writer.case))
        changed.type, changed.responsible_party = CaseType.LOGISTICS, ResponsibleParty.COURIER
        writer.update(changed)
    ctx.events.case_changed.emit("202611-002")
    window.cases.select("202611-002")
    timeline = window.workspace.timeline
    timeline.kind.setCurrentIndex(timeline.kind.findData("call"))
    assert timeline.party.currentData() == "courier"
    timeline.kind.setCurrentIndex(timeline.kind.findData("note"))
    assert timeline.party.currentData() == ""
    timeline.kind.setCurrentIndex(timeline.kind.findData("chat"))
    assert timeline.party.currentData() == "courier"
    picked = timeline.party.findData("complainant")
    timeline.party.setCurrentIndex(picked)
    timeline.party.activated.emit(picked)  # as a click on the list does
    timeline.kind.setCurrentIndex(timeline.kind.findData("email"))
    assert timeline.party.currentData() == "complainant"  # the user's choice stays
    timeline.at.setDateTime(qt_time(datetime(2026, 11, 21, 9, 30, tzinfo=CST)))
    timeline.summary.setText("客户来信询问进度")
    qtbot.keyClick(timeline.summary, Qt.Key.Key_Return)
    assert ctx.library.load_case("202611-002").timeline[0].party == "complainant"
    assert timeline.party.currentData() == "courier"  # the next event starts from the likely one again

    window.cases.select("202611-001")  # a quality complaint: nobody is assumed
    timeline.kind.setCurrentIndex(timeline.kind.findData("call"))
    assert timeline.party.currentData() == ""
    for kind, summary in (("chat", "快递客服答复不予理赔"), ("note", "内部记录")):
        timeline.kind.setCurrentIndex(timeline.kind.findData(kind))
        timeline.at.setDateTime(qt_time(datetime(2026, 11, 21, 9, 30, tzinfo=CST)))
        timeline.summary.setText(summary)
        qtbot.keyClick(timeline.summary, Qt.Key.Key_Return)
    rows = {timeline.list.item(i).text() for i in range(timeline.list.count())}
    chat = next(r for r in rows if "快递客服" in r)
    note = next(r for r in rows if "内部记录" in r)
    assert "with: not said" in chat and "with: not said" not in note
