"""The notes for the person filing (立案提示, 提交须知, the 12305 route) go in a PDF of their own
beside the packet: recorded and verified with it, never numbered, listed or bookmarked into it."""

from __future__ import annotations

import re

import pikepdf
import pytest
from bundle_pages import build, mixed_case, page_texts, statuses_after_tampering
from test_bundle import outline_titles as outline

from casefile.core.bundle.builder import GUIDANCE_BANNER, is_guidance
from casefile.core.bundle.context import Venue
from casefile.core.record.history import bundle_history
from casefile.core.verify import FileStatus, verify_case

GUIDANCE = {
    Venue.COURT: "立案提示",
    Venue.CONSUMER_ASSOCIATION: "提交须知",
    Venue.ARBITRATION: "提交须知",
    Venue.COURIER_CLAIM: "申诉途径与期限",
}
PDF_DATE = re.compile(r"D:\d{14}[+-]\d\d'\d\d'")


@pytest.fixture
def number(library, tmp_path) -> str:
    return mixed_case(library, tmp_path / "in")


@pytest.mark.parametrize("venue", [Venue.COURT, Venue.CONSUMER_ASSOCIATION, Venue.COURIER_CLAIM])
def test_guidance_is_a_file_of_its_own_beside_the_packet(library, number, venue):
    result = build(library, number, venue, force=True)
    (packet,) = result.files
    guidance = result.guidance_file
    assert guidance is not None and guidance.parent == packet.parent
    assert guidance.name == packet.name.replace(".pdf", "-办理指引.pdf")
    title = GUIDANCE[venue]

    # The filing: no guidance page, numbered, listed and bookmarked on its own.
    pages = page_texts(packet)
    assert len(pages) == result.pages
    assert not any(title in p.split("\n")[:3] for p in pages)  # no page headed with it
    assert title not in outline(packet)
    last = pages[-1]
    assert "核验方法" in last or "电子证据完整性校验表" in last  # the integrity annex ends the filing
    assert all(f"共{result.pages}页" in p.replace(" ", "") for p in pages)

    # The guidance: says what it is on every page, numbered on its own, bookmarked.
    notes = page_texts(guidance)
    assert notes and all(GUIDANCE_BANNER in p.replace("\n", "") for p in notes)
    assert all(f"共{len(notes)}页" in p.replace(" ", "") and "办理指引" in p for p in notes)
    assert title in notes[0] and outline(guidance) == [title]
    with pikepdf.open(guidance) as pdf:
        assert "办理指引" in str(pdf.docinfo["/Title"]) and number in str(pdf.docinfo["/Title"])
        assert PDF_DATE.fullmatch(str(pdf.docinfo["/CreationDate"]))


def test_guidance_recorded_and_verified_with_the_packet(library, number):
    result = build(library, number, Venue.COURT, force=True)
    guidance = result.guidance_file
    assert guidance is not None
    rel = f"bundles/{guidance.name}"
    made = bundle_history(library.folder(number).custody.read())[-1]
    assert made.guidance is not None and made.guidance.name == rel
    assert made.guidance.sha256 == result.guidance_sha256 and made.guidance.pages == len(page_texts(guidance))
    assert [f.name for f in made.files] == [f"bundles/{result.files[0].name}"]  # the filing alone

    report = list(verify_case(library, number))[-1]
    assert report.ok, report
    assert any(f.path == rel and f.status is FileStatus.INTACT for f in report.files)

    assert statuses_after_tampering(library, number, guidance) == [FileStatus.MODIFIED]


def test_a_receipt_has_no_guidance(library, number):
    result = build(library, number, Venue.RECEIPT, force=True)
    assert result.guidance_file is None
    with pikepdf.open(result.files[0]) as pdf:
        assert PDF_DATE.fullmatch(str(pdf.docinfo["/CreationDate"]))  # with its offset from UTC


def test_which_closing_sections_are_guidance():
    for title in ("立案提示", "提交须知", "申诉途径与期限", "办理指引", "注意事项", "12305申诉途径"):
        assert is_guidance(title), title
    for title in ("电子证据完整性校验表", "取证说明", "录音文字整理", "授权委托书"):
        assert not is_guidance(title), title
