"""The app shows and takes times in Beijing time on a computer left on US Pacific time (casefile.core.zone);
the settings can choose the computer's zone instead, and then each time carries its offset."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from casefile.core import zone
from casefile.core.settings import load_settings
from casefile.ui.models import CaseListModel

BEIJING = timezone(timedelta(hours=8))


def overview_of(window, number: str):
    window.cases.select("202611-002" if number == "202611-001" else "202611-001")
    window.cases.select(number)
    return window.workspace.overview


def complained_cell(window) -> str:
    model = window.cases.model
    return str(model.index(0, CaseListModel.COMPLAINED).data())


def test_the_complaint_time_is_shown_in_beijing_time_on_a_pacific_time_computer(los_angeles, window):
    # The cases were registered at 10:00 Beijing time on 20 November: 18:00 on the 19th in Los Angeles.
    overview = overview_of(window, "202611-001")
    assert overview.inputs["complained_at"].widget.text() == "2026-11-20 10:00"
    assert complained_cell(window) == "2026-11-20 10:00"


def test_a_time_typed_in_the_overview_is_taken_in_beijing_time(los_angeles, window, ctx):
    overview = overview_of(window, "202611-001")
    edit = overview.inputs["complained_at"].widget
    edit.setDateTime(edit.dateTime().addSecs(-3600))  # as a user steps the hour down: 09:00 as shown
    assert edit.text() == "2026-11-20 09:00"
    overview.save()
    assert overview.error.text() == ""
    saved = ctx.library.load_case("202611-001").complained_at
    assert saved == datetime(2026, 11, 20, 9, 0, tzinfo=BEIJING) and saved.utcoffset() == timedelta(hours=8)


def test_the_stage_log_and_its_time_in_beijing_time(los_angeles, window, ctx):
    overview = overview_of(window, "202611-001")
    overview.stage_at.setDateTime(overview.stage_at.dateTime())  # now, as shown
    shown = overview.stage_at.text()
    assert shown == zone.now().strftime("%Y-%m-%d %H:%M")
    assert (
        overview.stage_log.item(overview.stage_log.count() - 1)
        .text()
        .startswith(zone.show(ctx.library.load_case("202611-001").stage_log[0].at))
    )


def test_the_setting_shows_times_in_the_computers_zone_with_its_offset(los_angeles, window, ctx, qtbot):
    from casefile.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.time_zone.currentData() is False  # Beijing time unless chosen
    dialog.time_zone.setCurrentIndex(dialog.time_zone.findData(True))
    dialog.save()
    assert load_settings().times_in_computer_zone is True and ctx.settings.times_in_computer_zone is True
    assert zone.in_computer_zone()
    overview = overview_of(window, "202611-002")
    edit = overview.inputs["complained_at"].widget
    # the same instant, in the computer's zone, named as everywhere else in the app
    assert edit.text() == "2026-11-19 18:00 (UTC-08:00)"
    assert edit.dateTime().toSecsSinceEpoch() == int(datetime(2026, 11, 20, 10, 0, tzinfo=BEIJING).timestamp())
    window.cases.reload()
    model = window.cases.model
    texts = {str(model.index(row, CaseListModel.COMPLAINED).data()) for row in range(model.rowCount())}
    assert texts == {"2026-11-19 18:00 (UTC-08:00)"}


def test_the_case_open_and_the_list_show_their_times_again_when_the_setting_changes(los_angeles, window, ctx, qtbot):
    from casefile.ui.settings_dialog import SettingsDialog

    overview = overview_of(window, "202611-001")
    edit = overview.inputs["complained_at"].widget
    assert edit.text() == "2026-11-20 10:00"
    dialog = SettingsDialog(ctx, window)
    dialog.time_zone.setCurrentIndex(dialog.time_zone.findData(True))
    dialog.save()
    # Not opened again: the field on screen is shown again in the computer's zone, and so is the list.
    assert window.workspace.overview.inputs["complained_at"].widget.text() == "2026-11-19 18:00 (UTC-08:00)"
    qtbot.waitUntil(lambda: complained_cell(window) == "2026-11-19 18:00 (UTC-08:00)", timeout=5000)


def test_a_field_names_its_zone_as_the_rest_of_the_app_does_and_takes_a_time_stepped(los_angeles, window, ctx):
    from casefile.ui import times

    zone.use_computer_zone(True)
    overview = overview_of(window, "202611-001")
    edit = overview.inputs["complained_at"].widget
    at = ctx.library.load_case("202611-001").complained_at
    assert edit.text() == times.text(at) == zone.show(at) == "2026-11-19 18:00 (UTC-08:00)"
    edit.setDateTime(edit.dateTime().addSecs(3600))  # the hour stepped up, as shown
    assert edit.text() == "2026-11-19 19:00 (UTC-08:00)" and edit.hasAcceptableInput()
    assert times.taken(edit) == datetime(2026, 11, 20, 11, 0, tzinfo=BEIJING)
    zone.use_computer_zone(False)  # Beijing time again: no offset, the format left as it was
    times.put(edit, at)
    assert edit.text() == "2026-11-20 10:00" and edit.displayFormat() == "yyyy-MM-dd HH:mm"


def test_a_field_made_before_the_zone_was_shown_grows_to_show_it(los_angeles, qtbot):
    from casefile.ui import times

    from PySide6.QtWidgets import QDateTimeEdit

    zone.use_computer_zone(True)
    edit = times.zoned(QDateTimeEdit())
    qtbot.addWidget(edit)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    narrow = edit.sizeHint().width()
    times.put(edit, datetime(2026, 11, 20, 10, 0, tzinfo=BEIJING))
    assert edit.text() == "2026-11-19 18:00 (UTC-08:00)"
    assert edit.sizeHint().width() > narrow + edit.fontMetrics().horizontalAdvance(" (UTC-08:00)") // 2
    assert edit.sizeHint().width() >= edit.fontMetrics().horizontalAdvance(edit.text())
