"""Which copy goes into a packet: the redacted one for 消协 and couriers, the original for courts."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pikepdf
import pytest
from casefile_testing import filed_case, run_tool
from PIL import Image

from casefile.core.bundle import BundleOptions, BundleResult, Venue, build_bundle
from casefile.core.bundle.options import select_entries
from casefile.core.bundle.plan import plan_disclosure
from casefile.core.disclosure import DisclosureAction
from casefile.core.disclosure.derived import redact_exhibit
from casefile.core.errors import InvalidValueError
from casefile.core.evidence import AddOptions, AddResult, add_files
from casefile.core.library import Library
from casefile.core.model import EvidenceKind, RedactionRegion
from casefile.core.settings import Settings

NOTE = "第三方信息已遮盖，原件可供核对"


def box(x: float, y: float, w: float, h: float, page: int | None = None) -> RedactionRegion:
    return RedactionRegion(x=x, y=y, w=w, h=h, page=page)


@pytest.fixture
def redacted_case(library: Library, tmp_path: Path):
    """A waybill photo (JPEG) and a screenshot, each with a redacted copy, and a chat without one."""
    case = filed_case(
        library, complainant={"name": "张三", "phone": "13812345678"}, respondent={"name": "某某数码旗舰店"}
    )
    folder = tmp_path / "in"
    folder.mkdir()
    Image.new("RGB", (320, 200), (30, 90, 160)).save(folder / "waybill.jpg", quality=85)
    Image.new("RGB", (180, 360), (240, 240, 240)).save(folder / "Screenshot_20261120-101500_Taobao.png")
    (folder / "chat.txt").write_text("2026-11-20 10:01:02 客服: 您好\n", "utf-8")
    options = AddOptions(purpose="证明快递面单上的收件信息")
    added = [r for r in add_files(library, case.number, sorted(folder.iterdir()), options) if isinstance(r, AddResult)]
    ids = {r.path.name: r.exhibit.number for r in added if r.exhibit is not None}
    photo, shot = ids["waybill.jpg"], ids["Screenshot_20261120-101500_Taobao.png"]
    with library.edit(case.number) as writer:
        writer.update_exhibit(photo, kind=EvidenceKind.WAYBILL)
    copies = {
        photo: redact_exhibit(library, case.number, photo, [box(10, 10, 100, 40)], "收件人手机号").exhibit,
        shot: redact_exhibit(library, case.number, shot, [box(0, 0, 180, 60)], "第三方头像与昵称").exhibit,
    }
    return case.number, ids, {k: v.number for k, v in copies.items() if v is not None}


def build(library: Library, number: str, venue: Venue, **options) -> BundleResult:
    results = build_bundle(library, number, BundleOptions(venue=venue, force=True, **options), Settings())
    return next(r for r in results if isinstance(r, BundleResult))


def text_of(path: Path) -> str:
    return run_tool("pdftotext", str(path), "-").stdout


def recorded_exhibits(library: Library, number: str) -> list[dict]:
    return library.folder(number).custody.read()[-1]["details"]["exhibits"]


def test_the_consumer_association_gets_the_redacted_copies_with_both_hashes(library, redacted_case):
    number, ids, copies = redacted_case
    case = library.load_case(number)
    result = build(library, number, Venue.CONSUMER_ASSOCIATION)
    text = text_of(result.files[0])
    photo, shot = ids["waybill.jpg"], ids["Screenshot_20261120-101500_Taobao.png"]
    for original_no, copy_no in copies.items():
        original, copy = case.exhibit(original_no), case.exhibit(copy_no)
        assert original.sha256 in text and copy.sha256 in text  # the page captions: both in full
    assert text.count(NOTE) >= 4  # separator pages and page captions
    assert "本页系电子数据直接输出" in text  # the chat, printed as itself
    # Same positions and labels as the originals would have had; each exhibit once.
    assert [(e["label"], e["exhibit"], e.get("original")) for e in recorded_exhibits(library, number)] == [
        ("1", copies[shot], shot),
        ("2", ids["chat.txt"], None),
        ("3", copies[photo], photo),
    ]
    redacted = [i for i in result.disclosure.items if i.action is DisclosureAction.REDACTED]
    assert {(i.where, i.original_sha256, i.printed_sha256) for i in redacted} == {
        ("证据1", case.exhibit(shot).sha256, case.exhibit(copies[shot]).sha256),
        ("证据3", case.exhibit(photo).sha256, case.exhibit(copies[photo]).sha256),
    }
    assert "以遮盖件替代" in result.disclosure_file.read_text("utf-8")


def test_the_court_gets_the_originals_byte_for_byte(library, redacted_case):
    number, ids, copies = redacted_case
    case = library.load_case(number)
    result = build(library, number, Venue.COURT)
    text = text_of(result.files[0])
    assert NOTE not in text and "遮盖件" not in text
    assert all(case.exhibit(c).sha256 not in text for c in copies.values())
    assert [e["exhibit"] for e in recorded_exhibits(library, number)] == sorted(ids.values())
    photo = case.exhibit(ids["waybill.jpg"])
    with pikepdf.open(result.files[0]) as pdf:
        jpegs = [
            hashlib.sha256(obj.read_raw_bytes()).hexdigest()
            for obj in pdf.objects
            if isinstance(obj, pikepdf.Stream) and obj.get("/Filter") == pikepdf.Name.DCTDecode
        ]
    assert photo.sha256 in jpegs  # the photo's own bytes, not the copy
    assert not any(i.action is DisclosureAction.REDACTED for i in result.disclosure.items)


def test_overrides_per_exhibit(library, redacted_case):
    number, ids, copies = redacted_case
    photo, shot = ids["waybill.jpg"], ids["Screenshot_20261120-101500_Taobao.png"]
    case = library.load_case(number)

    def printed(**kw) -> list[int]:
        return [e.exhibit.number for e in select_entries(case, kw.pop("wanted", None), **kw)]

    chat = ids["chat.txt"]
    assert printed(prefers_redacted=True) == [copies[shot], chat, copies[photo]]
    assert printed(prefers_redacted=True, original=[photo]) == [copies[shot], chat, photo]
    assert printed(prefers_redacted=False, redacted=[shot]) == [copies[shot], chat, photo]
    assert printed(prefers_redacted=False, original=[copies[photo]]) == [shot, chat, photo]  # a copy names its original
    # Naming a copy in the list puts it in its original's place, under that label.
    entries = select_entries(case, [copies[photo], chat], prefers_redacted=False)
    assert [(e.label, e.exhibit.number, e.original.number if e.original else None) for e in entries] == [
        ("1", copies[photo], photo),
        ("2", chat, None),
    ]
    with pytest.raises(InvalidValueError, match="would go in twice"):
        select_entries(case, [photo, copies[photo]])
    with pytest.raises(InvalidValueError, match="has no redacted copy"):
        select_entries(case, None, redacted=[chat])
    with pytest.raises(InvalidValueError, match="both as the original and as its redacted copy"):
        select_entries(case, None, original=[photo], redacted=[photo])
    with pytest.raises(InvalidValueError, match="is not in this packet"):
        select_entries(case, [chat], redacted=[photo])
    # Court with --redacted: the copy goes in after all.
    result = build(library, number, Venue.COURT, redacted=[photo])
    assert [e.get("original") for e in recorded_exhibits(library, number)] == [None, None, photo]
    assert NOTE in text_of(result.files[0])
    with library.edit(number) as writer:
        writer.withdraw(photo, "照片拍错")
    case = library.load_case(number)
    assert printed(prefers_redacted=True) == [copies[shot], chat]  # its copy goes too
    with pytest.raises(InvalidValueError, match="its redacted copy .* cannot go in either"):
        select_entries(case, [copies[photo]])


def test_the_latest_copy_not_withdrawn_goes_in(library, redacted_case):
    number, ids, copies = redacted_case
    shot = ids["Screenshot_20261120-101500_Taobao.png"]
    newer = redact_exhibit(library, number, shot, [box(0, 300, 180, 60)], "第三方订单号").exhibit
    assert newer is not None and newer.redaction is not None and len(newer.redaction.regions) == 1
    case = library.load_case(number)
    assert select_entries(case, None, prefers_redacted=True)[0].exhibit.number == newer.number
    with library.edit(number) as writer:
        writer.withdraw(newer.number, "遮盖过多")
    case = library.load_case(number)
    assert select_entries(case, None, prefers_redacted=True)[0].exhibit.number == copies[shot]


def test_the_disclosure_preview_names_the_redacted_copies(library, redacted_case):
    number, ids, copies = redacted_case
    report = plan_disclosure(library, number, Venue.COURIER_CLAIM, None, Settings()).report
    assert sorted(i.where for i in report.items if i.action is DisclosureAction.REDACTED) == ["证据1", "证据3"]
    report = plan_disclosure(
        library, number, Venue.COURIER_CLAIM, None, Settings(), original=[ids["waybill.jpg"]]
    ).report
    assert [i.where for i in report.items if i.action is DisclosureAction.REDACTED] == ["证据1"]


def test_redacted_pdf_pages_print_as_pictures_without_the_text(library, tmp_path):
    from reportlab.pdfgen.canvas import Canvas

    case = filed_case(library)
    source = tmp_path / "invoice.pdf"
    canvas = Canvas(str(source), pagesize=(300, 400))
    canvas.drawString(40, 300, "Buyer phone 13912345678")
    canvas.drawString(40, 200, "Total 1299.00")
    canvas.showPage()
    canvas.save()
    (added,) = [r for r in add_files(library, case.number, [source]) if isinstance(r, AddResult)]
    redact_exhibit(library, case.number, added.exhibit.number, [box(35, 85, 200, 25, page=1)], "买家手机号")
    result = build(library, case.number, Venue.CONSUMER_ASSOCIATION)
    text = text_of(result.files[0])
    assert "13912345678" not in text and NOTE in text
    court = text_of(build(library, case.number, Venue.COURT).files[0])
    # Court takes the original exhibit; a third party's number in its text is still masked there
    # (the page holding it is printed as a picture with the number blacked out).
    assert "13912345678" not in court and NOTE in court
