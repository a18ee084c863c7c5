"""Helpers shared by test modules (import as: from casefile_testing import make_case)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from casefile.core.library import Library, case_from_fields
from casefile.core.model import Case

REPO = Path(__file__).resolve().parents[1]
FORMAT1 = REPO / "tests" / "fixtures" / "format1"  # a library, an archive and settings in format 1, kept for good


def now() -> datetime:
    return datetime.now().astimezone()


def make_case(library: Library, **fields: object) -> Case:
    data = {
        "title": "手机屏幕碎裂",
        "complained_at": "2026-11-20T10:30:00+08:00",
        "channel": "store",
        "type": "quality",
        **fields,
    }
    return library.create_case(case_from_fields(data))


# What the filing windows need before any packet is built, and nothing more: a named respondent (the
# defendant, or a courier claim's claimant), a claim and the facts, a waybill number. Tests that build
# court or courier packets from an otherwise bare case start from it.
FILED: dict[str, object] = {
    "respondent": {"kind": "organisation", "name": "某某数码旗舰店"},
    "demands": [{"type": "refund", "amount": "1299.00", "description": "退还货款"}],
    "facts": "2026年11月18日收到手机，开箱发现屏幕碎裂。",
    "shipment": {"waybill_no": "SF1234567890123"},
}


def filed_case(library: Library, **fields: object) -> Case:
    """:func:`make_case` with what every packet needs (:data:`FILED`); ``fields`` replace parts of it."""
    return make_case(library, **{**FILED, **fields})


def waive_arbitration(library: Library, number: str) -> None:
    """Mark the case's arbitration agreements waived, so that the same case can go to court as well (its
    arbitration packet then warns that no agreement is in force, and is built with --force)."""
    from casefile.core.bundle.agreements import WAIVED, agreements, mark_agreement

    for agreement in agreements(library.load_case(number)):
        mark_agreement(library, number, agreement.number, WAIVED, "双方同意由人民法院管辖")


def make_video(path, seconds: int = 4, fps: int = 5, size: tuple[int, int] = (160, 90)) -> None:
    """A small MPEG-4 video whose colour changes every second (so frames from different times differ)."""
    import av
    from PIL import Image

    with av.open(str(path), "w") as out:
        stream = out.add_stream("mpeg4", rate=fps)
        stream.width, stream.height, stream.pix_fmt = size[0], size[1], "yuv420p"
        for i in range(seconds * fps):
            second = i // fps
            frame = Image.new("RGB", size, (40 + 50 * second % 200, 120, 220 - 40 * second % 200))
            for packet in stream.encode(av.VideoFrame.from_image(frame)):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
