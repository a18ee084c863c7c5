"""An exhibit's separator (cover) page fits its rows on the page. The rows the evidence list prints whole (title,
source, purpose) are cut to fit, and the lines left over once they are cut given back to them (a crowded cover
cut every row to one line, leaving room unused). Every other row says what only the cover says — the hashes, a
photo's metadata removed for the destination, its position not printed — and is printed whole: what does not fit
goes on to a continuation page, 证据N（续）, counted among the exhibit's pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from casefile_testing import filed_case
from pypdf import PdfReader
from test_disclosure_photos import build, rich_jpeg
from test_documents import context, full_case

from casefile.core.bundle import Venue, parts
from casefile.core.bundle.context import BundleContext
from casefile.core.bundle.parts import CUT_NOTE, LISTED_ROWS, _cover_pages, _fit_lines, cover_rows, render_separators
from casefile.core.bundle.pdfkit import register_fonts
from casefile.core.disclosure import DisclosureAction
from casefile.core.disclosure.photos import STRIPPED_NOTE
from casefile.core.evidence import AddOptions, add_files
from casefile.core.library import Library
from casefile.core.model import GpsPosition

TITLE = "快递网点外景及签收现场照片（含外包装六个面、运单号、破损部位特写与快递员在场确认的情形）" * 2
SOURCE = "投诉人在签收现场用手机拍摄后经微信转发给店铺客服，再由客服下载保存" * 4
PURPOSE = "证明签收时外包装破损、屏幕碎裂，快递员在场确认，且破损并非使用造成" * 8
FILE_NAME = "IMG_20261118_093000_签收现场外包装破损及快递员在场确认情形_补充拍摄版本.jpg"


@pytest.fixture(autouse=True)
def fonts() -> None:
    register_fonts()  # a cut line is measured in the packet's serif font


def flat(text: str) -> str:
    return "".join(text.split())


def test_lines_left_after_cutting_are_given_back_to_the_rows_cut_in_order() -> None:
    long = ["甲一", "甲二", "甲三", "甲四"]
    digest = ["0123456789abcdef0123456789abcdef", "0123456789abcdef0123456789abcdef"]
    other = ["乙一", "乙二", "乙三"]
    fitted = _fit_lines([long, digest, other], 7, 10.0, 400.0, keep=[1])
    assert sum(len(r) for r in fitted) == 7  # every line of the room used
    assert fitted[1] == digest  # the hash whole
    assert len(fitted[0]) == 3 and fitted[0][:2] == long[:2] and fitted[0][2].endswith(CUT_NOTE)
    assert len(fitted[2]) == 2 and fitted[2][1].endswith(CUT_NOTE)


def test_rows_that_fit_are_left_as_they_are() -> None:
    rows = [["一"], ["二", "三"]]
    assert _fit_lines(rows, 3, 10.0, 400.0) == rows


# --------------------------------------------------------------------------- a crowded cover of a stripped photo


def crowded_photo(venue: Venue = Venue.CONSUMER_ASSOCIATION) -> BundleContext:
    """A photo with everything a cover prints: long words, a long file name, camera, GPS, SM3, doubts, and
    (for a destination that must not see its metadata) the copy without it that the packet carries."""
    ctx = context(full_case(), venue)
    e = ctx.entries[0].exhibit
    e.mime, e.title, e.source, e.purpose, e.original_name = "image/jpeg", TITLE, SOURCE, PURPOSE, FILE_NAME
    e.sha256, e.sm3 = "0123456789abcdef" * 4, "fedcba9876543210" * 4
    e.metadata.make, e.metadata.model = "Canon", "Canon EOS 40D"
    e.metadata.width, e.metadata.height = 4000, 3000
    e.metadata.gps = GpsPosition(31.241667, 121.47, 12.0)
    e.flags = ["edited", "time-disagrees"]
    e.group = "第三组：与商家、快递公司交涉经过"
    if not ctx.policy.keeps_photo_metadata:
        what = "EXIF（含拍摄位置、设备信息）、缩略图"
        ctx.report.add(
            ctx.entries[0].name, DisclosureAction.STRIPPED, what, original_sha256=e.sha256, printed_sha256="ab" * 32
        )
    return ctx


def test_a_crowded_cover_prints_every_row_but_the_listed_words_whole(tmp_path: Path) -> None:
    """The photo-metadata row (what was removed from the photo the packet carries) and the GPS row were cut on a
    crowded cover, though only the cover says them: the packet's reader saw '照片所含元数据（拍摄位……'."""
    for venue in (Venue.CONSUMER_ASSOCIATION, Venue.COURIER_CLAIM, Venue.COURT):
        ctx = crowded_photo(venue)
        entry = ctx.entries[0]
        path = tmp_path / f"{venue.value}.pdf"
        counts: list[int] = []
        pages = render_separators(path, ctx, [entry], counts=counts)
        texts = [flat(page.extract_text() or "") for page in PdfReader(path).pages]
        assert pages == len(texts) == sum(counts) and counts == [len(texts)], venue
        text = "".join(texts)
        rows = cover_rows(ctx, entry)
        for label, value in rows:
            if label not in LISTED_ROWS:
                assert flat(value) in text, (venue, label)  # whole, on the cover or its continuation
        assert flat(CUT_NOTE) in text  # the words the evidence list has whole were cut…
        assert flat(CUT_NOTE) not in text.replace(flat(CUT_NOTE), "", 3)  # …and nothing else
        if not ctx.policy.keeps_photo_metadata:
            assert STRIPPED_NOTE in text and "已从本材料所附照片中去除" in text, venue
            assert len(texts) == 2, venue  # more than a page: continued…
            assert "本表下页续" in texts[0] and texts[1].startswith("证据1（续）"), venue  # …and said so
            assert "二维码内容" in texts[0] and "二维码内容" not in texts[1]  # the code stays on the first page


def test_a_cover_that_fits_is_one_page_and_cut_nowhere(tmp_path: Path) -> None:
    ctx = context(full_case(), Venue.CONSUMER_ASSOCIATION)
    counts: list[int] = []
    assert render_separators(tmp_path / "covers.pdf", ctx, counts=counts) == len(ctx.entries)
    assert counts == [1] * len(ctx.entries)
    texts = [flat(page.extract_text() or "") for page in PdfReader(tmp_path / "covers.pdf").pages]
    assert not any("此项过长" in t or "（续）" in t for t in texts)


def test_a_row_taller_than_a_page_goes_on_under_its_label_marked_continued() -> None:
    rows = [("证据种类", ["照片"]), ("主题", [f"第{i}行" for i in range(30)]), ("备注", ["无"])]
    pages = _cover_pages(rows, 10 * 13 + 8, 20 * 13 + 8, 13, 4)  # 10 lines' room, then 20 a page
    assert [[(label, len(lines)) for label, lines in page] for page in pages] == [
        [("证据种类", 1), ("主题", 8)],
        [("主题（续）", 20)],
        [("主题（续）", 2), ("备注", 1)],
    ]


def test_a_packet_counts_the_continuation_among_the_exhibits_pages(library: Library, tmp_path: Path) -> None:
    """Built whole: the continuation is stamped as the exhibit's second page, and the evidence list's 页码 cell
    runs from the cover to the photo."""
    case = filed_case(library, respondent={"kind": "organisation", "name": "某某数码旗舰店"})
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / FILE_NAME).write_bytes(rich_jpeg())
    list(add_files(library, case.number, [folder], AddOptions(title=TITLE, source=SOURCE, purpose=PURPOSE)))
    path = build(library, case.number, Venue.CONSUMER_ASSOCIATION)
    texts = [flat(page.extract_text() or "") for page in PdfReader(path).pages]
    cover = next(i for i, t in enumerate(texts) if "证据1第1/3页" in t)
    assert "证据1（续）" in texts[cover + 1] and "证据1第2/3页" in texts[cover + 1]
    assert "证据1第3/3页" in texts[cover + 2] and "本页图像系电子数据直接输出" in texts[cover + 2]
    both = texts[cover] + texts[cover + 1]
    assert STRIPPED_NOTE in both and FILE_NAME in both and "已从本材料所附照片中去除" in both
    listing = next(t for t in texts if "证据目录" in t and "证明目的" in t)
    assert re.search(rf"{cover + 1}-{cover + 3}", listing), listing
    assert parts.CONTINUED_BELOW in texts[cover]


def test_a_cover_one_short_row_too_long_keeps_to_one_page_with_the_qr_code_at_its_foot(tmp_path: Path) -> None:
    """The rows would leave only the last short row (照片元数据) for a 证据1（续） page, the QR code between the
    （本表下页续） note and it: with the code at the foot of the page, the whole table fits on the cover."""
    ctx = crowded_photo(Venue.CONSUMER_ASSOCIATION)
    entry = ctx.entries[0]
    e = entry.exhibit
    e.original_name, e.flags, e.metadata.gps = "IMG_" + "长" * 40 + ".jpg", [], None
    path = tmp_path / "cover.pdf"
    counts: list[int] = []
    assert render_separators(path, ctx, [entry], counts=counts) == 1 and counts == [1]
    text = flat(PdfReader(path).pages[0].extract_text() or "")
    assert "（续）" not in text and parts.CONTINUED_BELOW not in text
    assert "二维码内容" in text
    for label, value in cover_rows(ctx, entry):
        if label not in LISTED_ROWS:
            assert flat(value) in text, label
