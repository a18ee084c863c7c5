"""An event whose hour is not known is entered in the app as a date alone (只知日期), and corrected back to a time."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from PySide6.QtCore import QDateTime, Qt

CST = timezone(timedelta(hours=8))


def qt_time(value: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp()))


def test_a_date_only_event_is_entered_shown_without_a_time_and_corrected_to_a_time(window, ctx, qtbot):
    window.cases.select("202611-001")
    timeline = window.workspace.timeline
    timeline.at.setDateTime(qt_time(datetime(2026, 11, 20, 15, 45, tzinfo=CST)))
    assert not timeline.date_only.isChecked()
    timeline.date_only.setChecked(True)
    assert timeline.at.text() == "2026-11-20"  # the day alone, no hours to fill in
    timeline.date_only.setChecked(False)
    assert timeline.at.text() == "2026-11-20 15:45"  # unticked: the time comes back
    timeline.date_only.setChecked(True)
    timeline.summary.setText("商家电话答应退货，具体几点记不清")
    qtbot.keyClick(timeline.summary, Qt.Key.Key_Return)

    (event,) = ctx.library.load_case("202611-001").timeline
    assert event.date_only and event.at == datetime(2026, 11, 20, tzinfo=CST)
    line = timeline.list.item(0).text()
    assert line.startswith("2026-11-20  ") and "00:00" not in line
    assert not timeline.date_only.isChecked()  # the next event has a time again
    assert timeline.at.displayFormat().startswith("yyyy-MM-dd HH:mm")

    timeline.list.setCurrentRow(0)
    timeline.edit_selected()
    assert timeline.date_only.isChecked() and timeline.at.text() == "2026-11-20"
    timeline.date_only.setChecked(False)
    timeline.at.setDateTime(qt_time(datetime(2026, 11, 20, 9, 30, tzinfo=CST)))
    timeline.add()
    (event,) = ctx.library.load_case("202611-001").timeline
    assert not event.date_only and event.at == datetime(2026, 11, 20, 9, 30, tzinfo=CST)
    assert timeline.list.item(0).text().startswith("2026-11-20 09:30")


def test_a_date_only_event_keeps_its_day_when_its_summary_is_corrected(window, ctx):
    window.cases.select("202611-001")
    timeline = window.workspace.timeline
    timeline.at.setDateTime(qt_time(datetime(2026, 11, 19, 23, 10, tzinfo=CST)))
    timeline.date_only.setChecked(True)
    timeline.summary.setText("收到快递")
    timeline.add()
    timeline.list.setCurrentRow(0)
    timeline.edit_selected()
    timeline.summary.setText("收到快递（外箱破损）")
    timeline.add()
    (event,) = ctx.library.load_case("202611-001").timeline
    assert event.date_only and event.at == datetime(2026, 11, 19, tzinfo=CST)
    assert event.summary == "收到快递（外箱破损）"


def test_the_date_field_is_left_with_one_tab_to_the_date_only_box(window, qtbot):
    window.show()
    window.cases.select("202611-001")
    timeline = window.workspace.timeline
    window.workspace.setCurrentWidget(timeline)
    timeline.date_only.setChecked(True)
    timeline.set_case("202611-001")  # the case read again (changed elsewhere): the box stays ticked
    assert timeline.date_only.isChecked() and timeline.at.displayFormat() == "yyyy-MM-dd"
    timeline.at.setFocus()
    qtbot.keyClick(timeline.at, Qt.Key.Key_Tab)
    assert window.focusWidget() is timeline.date_only
    qtbot.keyClick(timeline.date_only, Qt.Key.Key_Tab)
    assert window.focusWidget() is timeline.kind
