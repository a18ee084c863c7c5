"""Times as the packet states them: a day without its hour, an event no consumer dispute has (1970, tomorrow), a
clock's time with no zone near midnight, an EXIF time that is no time at all, an e-mail's Date without a zone."""

from __future__ import annotations

import dataclasses
import os
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from casefile_testing import chinese
from PIL import Image
from preflight_cases import CST, complete_case, exhibit, run

from casefile.core import metadata, zone
from casefile.core.bundle.consistency import zoneless as zoneless_time
from casefile.core.bundle.context import Venue
from casefile.core.bundle.documents.common import fmt_event_time
from casefile.core.bundle.parts import annex_time, capture_text, shown_capture
from casefile.core.model import (
    EventKind,
    EvidenceKind,
    ExhibitMetadata,
    MailHeaders,
    TimelineEvent,
    from_data,
    is_date_only,
    to_data,
)

MODIFIED = datetime(2026, 11, 25, 9, 0, tzinfo=CST)


def _photo(path: Path, taken: str) -> Path:
    exif = Image.Exif()
    exif.get_ifd(0x8769)[0x9003] = taken
    Image.new("RGB", (64, 48), (180, 40, 40)).save(path, "JPEG", exif=exif.tobytes())
    os.utime(path, (MODIFIED.timestamp(), MODIFIED.timestamp()))
    return path


def _read(path: Path) -> metadata.Extracted:
    return metadata.extract(
        path, "image/jpeg", original_name=path.name, file_modified_at=MODIFIED, added_at=MODIFIED + timedelta(hours=1)
    )


# --------------------------------------------------------------------------- a day without its hour


def test_a_date_typed_alone_is_kept_as_a_day_and_printed_without_midnight():
    assert is_date_only("2026-11-20") and not is_date_only("2026-11-20 00:00") and not is_date_only(None)
    case = complete_case()
    event = TimelineEvent(datetime(2026, 11, 20, tzinfo=CST), EventKind.CHAT, "与客服沟通", date_only=True)
    assert fmt_event_time(event, case) == "2026年11月20日"
    assert fmt_event_time(dataclasses.replace(event, date_only=False), case) == "2026年11月20日 00:00"
    # an event recorded before the day could be kept alone reads as it was: at its time
    old = to_data(dataclasses.replace(event, date_only=False))
    assert "date_only" not in old and from_data(TimelineEvent, old).date_only is False


def test_the_command_line_records_a_date_alone_as_a_day(capsys, tmp_path: Path):
    from casefile.cli import main

    lib = str(tmp_path / "lib")
    assert main(["--library", lib, "new", "--title", "屏幕闪烁", "--type", "quality", "--channel", "online"]) == 0
    number = capsys.readouterr().out.strip().splitlines()[-1].split()[-1]
    assert main(["--library", lib, "event", number, "--at", "2026-11-20", "--summary", "与客服沟通"]) == 0
    assert "event at 2026-11-20 recorded" in capsys.readouterr().out
    assert main(["--library", lib, "show", number]) == 0
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if "与客服沟通" in line)
    assert "2026-11-20" in line and "00:00" not in line
    assert main(["--library", lib, "event", number, "--edit", "1", "--at", "2026-11-20 15:30", "--reason", "x"]) == 0
    capsys.readouterr()
    main(["--library", lib, "show", number])
    assert "2026-11-20 15:30" in capsys.readouterr().out  # given its hour, it is a time again


# --------------------------------------------------------------------------- events no dispute has


@pytest.mark.parametrize(
    ("at", "words"),
    [(datetime(1970, 1, 1, 8, tzinfo=CST), "早于2000年"), (zone.now() + timedelta(days=3), "晚于今天")],
)
def test_an_event_before_2000_or_after_today_is_asked_about(at, words):
    case = complete_case()
    case.timeline.append(TimelineEvent(at, EventKind.CALL, "致电客服"))
    (finding,) = [f for f in run(case, Venue.CONSUMER_ASSOCIATION) if f.code == "event-time-implausible"]
    text = chinese(finding.message)
    assert words in text and "--edit" in text and finding.field.startswith("timeline.")
    assert finding.field.endswith(".at")


def test_events_of_the_dispute_are_not_asked_about():
    case = complete_case()
    assert "event-time-implausible" not in {f.code for f in run(case, Venue.CONSUMER_ASSOCIATION)}


# --------------------------------------------------------------------------- a time with no zone near midnight


def _cited(captured: datetime, event_at: datetime, *, zoneless: bool):
    case = complete_case()
    case.exhibits[0] = dataclasses.replace(
        case.exhibits[0],
        kind=EvidenceKind.AUDIO,
        captured_at=captured,
        captured_at_source="exif",
        metadata=ExhibitMetadata(time_without_offset=zoneless),
    )
    case.timeline = [TimelineEvent(event_at, EventKind.CALL, "客服承认破损", evidence=[1])]
    return {f.code: f for f in run(case, Venue.COURT)}


def test_a_zoneless_time_minutes_from_midnight_is_asked_not_asserted():
    found = _cited(datetime(2026, 11, 20, 23, 59, tzinfo=CST), datetime(2026, 11, 21, 0, 5, tzinfo=CST), zoneless=True)
    assert "event-exhibit-other-day" not in found
    text = chinese(found["event-exhibit-day-unsure"].message)
    assert "？" in text and "时区" in text


def test_a_zoned_time_or_one_far_from_midnight_is_still_another_day():
    found = _cited(datetime(2026, 11, 20, 23, 59, tzinfo=CST), datetime(2026, 11, 21, 0, 5, tzinfo=CST), zoneless=False)
    assert "event-exhibit-other-day" in found and "event-exhibit-day-unsure" not in found
    found = _cited(datetime(2026, 11, 20, 12, 0, tzinfo=CST), datetime(2026, 11, 21, 12, 0, tzinfo=CST), zoneless=True)
    assert "event-exhibit-other-day" in found and "event-exhibit-day-unsure" not in found


# --------------------------------------------------------------------------- EXIF times that are no times


def test_an_unreadable_exif_time_is_recorded_as_set_aside_with_what_it_said(tmp_path: Path):
    found = _read(_photo(tmp_path / "weird.jpg", "2026:13:45 99:99:99"))
    assert found.captured_at_source == metadata.SOURCE_FILE_MTIME
    assert found.metadata.exif_time_ignored == "not a valid time"
    assert found.metadata.exif_time_raw == "2026:13:45 99:99:99"
    found = _read(_photo(tmp_path / "zero.jpg", "0000:00:00 00:00:00"))
    assert found.metadata.exif_time_ignored == "camera clock not set"


def test_the_cover_and_the_preflight_say_why_the_file_time_stands_in_for_a_clock_never_set(tmp_path: Path):
    found = _read(_photo(tmp_path / "epoch.jpg", "1970:01:01 00:00:00"))
    assert found.metadata.exif_time_ignored == "camera clock not set"
    e = exhibit(
        5,
        EvidenceKind.PHOTO,
        captured_at=found.captured_at,
        captured_at_source=found.captured_at_source,
        metadata=found.metadata,
        file_modified_at=MODIFIED,
    )
    doubt = shown_capture(e).doubt
    assert "相机时钟未设置" in doubt and "已改用文件修改时间" in doubt and "1970-01-01 00:00:00" in doubt
    case = complete_case()
    case.exhibits.append(e)
    (finding,) = [f for f in run(case, Venue.CONSUMER_ASSOCIATION) if f.code == "exif-time-ignored"]
    assert finding.exhibits == (5,) and finding.field.endswith("captured_at")


# --------------------------------------------------------------------------- an e-mail's Date without a zone


@pytest.mark.parametrize(
    ("date", "zoneless"), [("Fri, 20 Nov 2026 10:00:00", True), ("Fri, 20 Nov 2026 10:00:00 +0800", False)]
)
def test_an_email_date_without_a_zone_is_labelled_so(date, zoneless):
    e = exhibit(
        5,
        EvidenceKind.EMAIL,
        mime="message/rfc822",
        captured_at=datetime(2026, 11, 20, 10, 0, tzinfo=CST),
        captured_at_source="container",
        metadata=ExhibitMetadata(email=MailHeaders(sender="a@b.com", date=date)),
    )
    text, annex = capture_text(e), annex_time(e)
    assert ("未记录时区" in text) is zoneless and ("北京时间" in text) is not zoneless
    assert ("未记录时区" in annex) is zoneless


def _mail(path: Path, date: str) -> metadata.Extracted:
    path.write_bytes(
        b"From: service@shop.example\r\nTo: li@example.com\r\nDate: " + date.encode() + b"\r\n"
        b"Subject: refund\r\n\r\nAccepted.\r\n"
    )
    return metadata.extract(
        path, "message/rfc822", original_name=path.name, file_modified_at=MODIFIED, added_at=MODIFIED
    )


@pytest.mark.parametrize(
    ("date", "zoneless", "sent"),
    [
        ("Fri, 20 Nov 2026 10:00:00", True, datetime(2026, 11, 20, 10, 0, tzinfo=CST)),
        ("Fri, 20 Nov 2026 10:00:00 -0000", True, datetime(2026, 11, 20, 10, 0, tzinfo=CST)),  # RFC 5322: no zone
        ("Fri, 20 Nov 2026 10:00:00 +0000", False, datetime(2026, 11, 20, 18, 0, tzinfo=CST)),  # UTC
        ("Fri, 20 Nov 2026 10:00:00 +0800", False, datetime(2026, 11, 20, 10, 0, tzinfo=CST)),
    ],
)
def test_an_email_date_without_a_zone_is_kept_as_a_clock_s_reading_like_a_camera_s(tmp_path, date, zoneless, sent):
    """A Date with no zone is the sender's clock as it read: recorded as recording no zone (as a photo's EXIF time
    without an offset is), not as a Beijing time; every reader then says so, from what was recorded."""
    found = _mail(tmp_path / "reply.eml", date)
    assert (found.captured_at, found.captured_at_source) == (sent, "container")
    assert found.metadata.time_without_offset is zoneless
    e = exhibit(
        5,
        EvidenceKind.EMAIL,
        mime="message/rfc822",
        captured_at=found.captured_at,
        captured_at_source=found.captured_at_source,
        metadata=found.metadata,
    )
    assert zoneless_time(e) is zoneless
    if zoneless:
        assert capture_text(e) == "2026-11-20 10:00:00（邮件发送时间，未记录时区）（依据：文件内部记录的形成时间）"
        assert annex_time(e) == "2026-11-20 10:00:00（未记录时区）"
    else:
        assert "北京时间" in capture_text(e) and "未记录时区" not in annex_time(e)


def test_a_zoneless_email_date_is_taken_in_the_zone_shown_as_a_camera_s_is(tmp_path, los_angeles):
    zone.use_computer_zone(True)
    found = _mail(tmp_path / "reply.eml", "Fri, 20 Nov 2026 10:00:00")
    assert found.captured_at == datetime(2026, 11, 20, 10, 0).astimezone()
    assert found.metadata.time_without_offset is True


def test_a_mail_recorded_before_its_zone_was_marked_reads_as_it_did():
    """A case folder is never rewritten: a zone-less mail recorded as a Beijing time with no mark still says 未记录时区
    (from its Date header), and its record folds back to the same data."""
    e = exhibit(
        5,
        EvidenceKind.EMAIL,
        mime="message/rfc822",
        captured_at=datetime(2026, 11, 20, 10, 0, tzinfo=CST),
        captured_at_source="container",
        metadata=ExhibitMetadata(email=MailHeaders(sender="a@b.com", date="Fri, 20 Nov 2026 10:00:00 -0000")),
    )
    assert zoneless_time(e) and annex_time(e) == "2026-11-20 10:00:00（未记录时区）"
    data = to_data(e.metadata)
    assert "time_without_offset" not in data and to_data(from_data(ExhibitMetadata, data)) == data


def _mail_cited(date: str, sent: datetime, event_at: datetime, *, marked: bool = True):
    case = complete_case()
    case.exhibits[0] = dataclasses.replace(
        case.exhibits[0],
        kind=EvidenceKind.EMAIL,
        mime="message/rfc822",
        captured_at=sent,
        captured_at_source="container",
        metadata=ExhibitMetadata(email=MailHeaders(sender="a@b.com", date=date), time_without_offset=marked),
    )
    case.timeline = [TimelineEvent(event_at, EventKind.EMAIL, "商家邮件答复", evidence=[1])]
    return {f.code: f for f in run(case, Venue.COURT)}


@pytest.mark.parametrize("marked", [True, False])
def test_a_zoneless_email_of_another_day_is_checked_as_a_zoneless_photo_time_is(marked):
    """The mail is the message itself whatever its Date says of zones: sent the day after its event, it is another
    dealing, asked about (not asserted) when its time, recording no zone, is near midnight."""
    sent, event = datetime(2026, 11, 21, 0, 30, tzinfo=CST), datetime(2026, 11, 20, 23, 0, tzinfo=CST)
    found = _mail_cited("Sat, 21 Nov 2026 00:30:00", sent, event, marked=marked)
    assert "event-exhibit-day-unsure" in found and "event-exhibit-other-day" not in found
    sent, event = datetime(2026, 11, 22, 12, 0, tzinfo=CST), datetime(2026, 11, 21, 12, 0, tzinfo=CST)
    found = _mail_cited("Sun, 22 Nov 2026 12:00:00 -0000", sent, event, marked=marked)
    assert "event-exhibit-other-day" in found and "event-exhibit-day-unsure" not in found
