"""Writing a recording's transcript in the app; the bundle then prints it and preflight stops warning."""

from __future__ import annotations

import wave

from casefile.core.bundle import Venue
from casefile.core.bundle.options import select_entries
from casefile.core.bundle.preflight import preflight
from casefile.core.evidence import AddOptions, add_files
from casefile.core.library import case_from_fields


def test_transcript_saved_from_the_dialog(ctx, qtbot, tmp_path):
    from casefile.ui.transcript_dialog import TranscriptDialog

    case = ctx.library.create_case(
        case_from_fields(
            {"title": "t", "complained_at": "2026-11-20T10:00+08:00", "channel": "phone", "type": "service"}
        )
    )
    recording = tmp_path / "call.wav"
    with wave.open(str(recording), "wb") as w:  # three minutes: the transcript quotes 00:02:10
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(1000)
        w.writeframes(b"\0\0" * 1000 * 180)
    list(add_files(ctx.library, case.number, [recording], AddOptions(purpose="证明客服承认破损")))
    exhibit = ctx.library.load_case(case.number).exhibit(1)
    codes = {
        f.code
        for f in preflight(
            ctx.library.load_case(case.number),
            Venue.COURT,
            select_entries(ctx.library.load_case(case.number), None),
            size_limit_mb=None,
        )
    }
    assert "no-transcript" in codes

    dialog = TranscriptDialog(ctx, case.number, exhibit)
    qtbot.addWidget(dialog)
    dialog.recorded_by.setText("张三")
    dialog.participants.setPlainText("张三（本人）\n客服（工号 A017）")
    dialog.lines.setPlainText("not a line")
    dialog.save()
    assert "time" in dialog.error.text()  # the line has no hh:mm:ss
    dialog.lines.setPlainText("00:00:05 客服：您好\n*00:01:40 客服：确实是碎了")
    dialog.position.setTime(dialog.position.time().fromString("00:02:10", "HH:mm:ss"))
    dialog.lines.moveCursor(dialog.lines.textCursor().MoveOperation.End)
    dialog.insert_position()
    dialog.lines.insertPlainText("张三：那请退款")
    dialog.save()
    stored = ctx.library.load_case(case.number).exhibit(1).transcript
    assert stored is not None
    assert [(line.at, line.speaker, line.key) for line in stored.lines] == [
        ("00:00:05", "客服", False),
        ("00:01:40", "客服", True),
        ("00:02:10", "张三", False),
    ]
    assert stored.participants == ["张三（本人）", "客服（工号 A017）"]
    case_now = ctx.library.load_case(case.number)
    codes = {f.code for f in preflight(case_now, Venue.COURT, select_entries(case_now, None), size_limit_mb=None)}
    assert "no-transcript" not in codes


def test_the_player_sets_the_time_to_insert(ctx, qtbot, tmp_path):
    import pytest

    from casefile.ui.transcript_dialog import TranscriptDialog

    case = ctx.library.create_case(
        case_from_fields(
            {"title": "t", "complained_at": "2026-11-20T10:00+08:00", "channel": "phone", "type": "service"}
        )
    )
    recording = tmp_path / "call.wav"
    with wave.open(str(recording), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"\0\0" * 8000 * 5)
    list(add_files(ctx.library, case.number, [recording]))
    dialog = TranscriptDialog(ctx, case.number, ctx.library.load_case(case.number).exhibit(1))
    qtbot.addWidget(dialog)
    if dialog.player is None:
        pytest.skip("QtMultimedia cannot load here")
    qtbot.waitUntil(lambda: dialog.player.player.duration() > 0, timeout=10_000)
    assert dialog.player.player.duration() == 5000
    dialog.player.player.setPosition(3000)
    qtbot.waitUntil(lambda: dialog.position.time().toString("HH:mm:ss") == "00:00:03", timeout=5_000)
    dialog.insert_position()
    assert dialog.lines.toPlainText().startswith("00:00:03 ")


def test_times_left_as_the_recording_says_follow_a_corrected_capture_time(ctx, qtbot, tmp_path):
    import os
    from datetime import datetime, timedelta, timezone

    from casefile.core.transcripts import recording_times
    from casefile.ui.transcript_dialog import TranscriptDialog

    cst = timezone(timedelta(hours=8))
    copied, recorded = datetime(2026, 11, 29, 7, 22, 46, tzinfo=cst), datetime(2026, 11, 25, 14, 30, tzinfo=cst)
    case = ctx.library.create_case(
        case_from_fields(
            {"title": "t", "complained_at": "2026-11-20T10:00+08:00", "channel": "phone", "type": "service"}
        )
    )
    recording = tmp_path / "call.wav"
    with wave.open(str(recording), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(1000)
        w.writeframes(b"\0\0" * 1000 * 83)
    os.utime(recording, (copied.timestamp(), copied.timestamp()))
    list(add_files(ctx.library, case.number, [recording]))
    exhibit = ctx.library.load_case(case.number).exhibit(1)
    assert exhibit.captured_at == copied

    dialog = TranscriptDialog(ctx, case.number, exhibit)
    qtbot.addWidget(dialog)
    shown = [
        datetime.fromtimestamp(e.dateTime().toSecsSinceEpoch()).astimezone() for e in (dialog.started, dialog.ended)
    ]
    assert shown == [copied, copied + timedelta(seconds=83)]  # the end is the start plus the recording's length
    dialog.lines.setPlainText("00:00:05 客服：您好\n00:01:30 张三：屏幕碎了")
    dialog.save()
    assert "00:01:30 is beyond the end of the recording (00:01:23)" in dialog.error.text()
    assert ctx.library.load_case(case.number).exhibit(1).transcript is None
    dialog.lines.setPlainText("00:00:05 客服：您好\n00:01:20 张三：屏幕碎了")
    dialog.save()
    stored = ctx.library.load_case(case.number).exhibit(1).transcript
    assert stored is not None and (stored.started_at, stored.ended_at) == (None, None)  # nothing of its own

    with ctx.library.edit(case.number) as writer:
        writer.update_exhibit(1, captured_at=recorded, captured_at_source="user")
    corrected = ctx.library.load_case(case.number).exhibit(1)
    times = recording_times(corrected)
    assert (times.start, times.end) == (recorded, recorded + timedelta(seconds=83))
    again = TranscriptDialog(ctx, case.number, corrected)
    qtbot.addWidget(again)
    assert datetime.fromtimestamp(again.started.dateTime().toSecsSinceEpoch()).astimezone() == recorded
