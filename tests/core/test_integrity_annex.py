"""The integrity annex (电子证据完整性校验表): each file's time as its source allows, and where its original is."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from preflight_cases import exhibit

from casefile.core.bundle.parts import annex_time, original_carrier, short_time
from casefile.core.model import EvidenceKind, ExhibitMetadata, Transcript

CST = timezone(timedelta(hours=8))
PHOTO = EvidenceKind.PHOTO


def test_times_say_what_they_are():
    taken = datetime(2026, 11, 20, 19, 5, 12, tzinfo=CST)
    assert annex_time(exhibit(1, PHOTO, captured_at=taken, captured_at_source="exif")) == short_time(taken)
    # A phone's clock with no zone: printed as the phone showed it, not moved into the office's zone.
    local = datetime(2026, 11, 20, 19, 15, 2)
    no_zone = exhibit(
        1, PHOTO, captured_at=local, captured_at_source="file-name", metadata=ExhibitMetadata(time_without_offset=True)
    )
    assert annex_time(no_zone) == "2026-11-20 19:15:02（设备时间）"
    copied = exhibit(1, PHOTO, captured_at=taken, captured_at_source="file-mtime")
    assert annex_time(copied) == short_time(taken) + "（文件修改时间）"
    assert annex_time(exhibit(1, PHOTO, captured_at=None)) == "—"


def test_the_original_is_where_the_file_and_its_source_say():
    phone = ExhibitMetadata(camera_make="Xiaomi", camera_model="Redmi K70")
    assert (
        original_carrier(exhibit(1, PHOTO, source="投诉人手机拍摄", metadata=phone))
        == "投诉人手机拍摄；Xiaomi Redmi K70"
    )
    call = exhibit(1, EvidenceKind.AUDIO, transcript=Transcript(device="iPhone 15 通话录音"))
    assert original_carrier(call) == "iPhone 15 通话录音"
    assert original_carrier(exhibit(1, PHOTO, source="天猫订单页截图")) == "天猫订单页截图"
    assert original_carrier(exhibit(1, PHOTO)) == "随附存储介质"  # nothing known: the copy handed in with the packet
