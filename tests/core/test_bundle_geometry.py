"""Paper a filing window accepts: binding margin, photos clear of it, stamps inside the printable area.

Measured from the finished packets as a printer sees them: pages rendered to pixels
(pdftoppm) for where ink falls, and word boxes (pdftotext -bbox) for where stamps and
captions are. Portrait A4 is bound on the left.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pikepdf
import pytest
from bundle_pages import MM, build, ink_columns, layout, mixed_case, page_texts, render
from PIL import Image

from casefile.core.bundle.context import Venue
from casefile.core.bundle.pdfkit import BOTTOM
from casefile.core.evidence import AddOptions, add_files

DPI = 50
TEXT_BINDING = 25  # mm: text pages keep this clear of the binding edge
PICTURE_BINDING = 15  # mm: photos and evidence pages never come closer
EDGE = 10  # mm: stamps and captions stay this far inside every edge
CAPTIONS = ("本页系电子数据直接输出", "本页图像系电子数据直接输出", "本页系纸质原件的照片", "遮盖件SHA-256")


@pytest.fixture
def packet(library, tmp_path) -> tuple[Path, dict[str, int]]:
    """A court packet of the mixed case, and each exhibit's label in it by file name."""
    number = mixed_case(library, tmp_path / "in")
    labels = {e.original_name: i for i, e in enumerate(library.load_case(number).ordered_exhibits(), start=1)}
    return build(library, number, Venue.COURT, force=True).files[0], labels


def _px(mm: float) -> int:
    return int(mm / 25.4 * DPI)


def test_nothing_within_the_binding_margin(packet, tmp_path):
    """Text pages leave 25 mm of the binding edge blank, exhibit pages (photos, evidence PDFs) 15 mm."""
    path, _labels = packet
    texts = page_texts(path)
    checked_text = checked_pictures = 0
    for n, text in enumerate(texts, start=1):
        img = render(path, n, tmp_path, DPI)
        ink = ink_columns(img)
        assert ink is not None, f"page {n} is blank"
        picture = any(c in text for c in CAPTIONS) and "文本内容" not in text
        limit = PICTURE_BINDING if picture else TEXT_BINDING
        # One pixel of anti-aliasing at the boundary is allowed.
        assert ink[0] >= _px(limit) - 1, f"page {n}: ink {ink[0] * 25.4 / DPI:.1f} mm from the binding edge"
        checked_pictures += picture
        checked_text += not picture
    assert checked_text >= 5 and checked_pictures >= 4


def test_merged_pdf_pages_and_photos_are_clear_of_the_binding_edge(packet, tmp_path):
    """An evidence PDF whose content runs to its edges, and a photo filling the width, stay 15 mm clear."""
    path, labels = packet
    texts = page_texts(path)
    for needle in ("Receipt page 1", f"证据{labels['外包装.jpg']} 第2/"):
        n = next(i for i, t in enumerate(texts, start=1) if needle in t)
        img = render(path, n, tmp_path, DPI)
        # The picture itself, not the caption: look below the caption band.
        body = img.crop((0, _px(25), img.width, img.height - _px(25)))
        ink = ink_columns(body)
        assert ink is not None and ink[0] >= _px(PICTURE_BINDING), f"page {n} content at {ink}"
        assert img.width - ink[1] >= _px(5), "content cut by the outer edge"


def test_stamps_and_captions_inside_the_printable_area(packet):
    """Footer stamp and E2 caption: at least 10 mm inside every edge, and clear of the binding margin."""
    path, _labels = packet
    captions = 0
    for n, page in enumerate(layout(path), start=1):
        words = page.words
        assert words, f"page {n} has no text"
        for w in words:
            assert w.y0 >= EDGE * MM - 0.5, f"page {n}: {w.text!r} {w.y0 / MM:.1f} mm from the top"
            assert page.height - w.y1 >= EDGE * MM - 0.5, f"page {n}: {w.text!r} too near the bottom"
            assert page.width - w.x1 >= EDGE * MM - 0.5, f"page {n}: {w.text!r} too near the outer edge"
        footer = [w for w in words if "案件编号" in w.text]
        assert footer and all(w.x0 >= TEXT_BINDING * MM - 0.5 for w in footer)
        caption = [line for line in page.lines if any(c in "".join(w.text for w in line) for c in CAPTIONS)]
        for line in caption:
            captions += 1
            assert line[0].x0 >= TEXT_BINDING * MM - 0.5
            assert line[0].y0 >= EDGE * MM - 0.5
    assert captions >= 4


def test_a_tiny_photo_is_printed_at_most_twice_its_natural_size_with_a_note(library, tmp_path):
    """A 100 × 68 picture with no usable resolution: natural size at 150 dpi, enlarged 2× at most, and said so."""
    folder = tmp_path / "tiny"
    folder.mkdir()
    Image.new("RGB", (100, 68), (200, 20, 20)).save(folder / "小图.jpg", quality=90)
    number = mixed_case(library, tmp_path / "other")
    list(add_files(library, number, [folder / "小图.jpg"], AddOptions(purpose="证明破损")))
    case = library.load_case(number)
    tiny = next(e for e in case.exhibits if e.original_name == "小图.jpg" and e.number > 3)
    path = build(library, number, Venue.COURT, force=True, exhibits=[tiny.number]).files[0]
    texts = page_texts(path)
    n = next(i for i, t in enumerate(texts, start=1) if "证据1 第2/2页" in t)
    assert "原图尺寸较小，按原始像素输出" in texts[n - 1].replace("\n", "")
    img = render(path, n, tmp_path, 100, colour=True)
    saturation = img.convert("HSV").split()[1]
    red = saturation.point(lambda v: 255 if v > 150 else 0).getbbox()  # only the photo has colour
    assert red is not None
    width_mm = (red[2] - red[0]) * 25.4 / 100
    natural_mm = 100 / 150 * 25.4
    assert natural_mm * 0.9 <= width_mm <= 2 * natural_mm * 1.05, width_mm
    # Still the evidence file's own bytes, not a re-encoded copy.
    with pikepdf.open(path) as pdf:
        streams = [o for o in pdf.objects if isinstance(o, pikepdf.Stream) and o.get("/Subtype") == "/Image"]
        assert any(hashlib.sha256(s.read_raw_bytes()).hexdigest() == tiny.sha256 for s in streams)


def test_a_large_photo_still_fills_the_exhibit_area(packet, tmp_path):
    """A 1600 × 1200 photo is not held small: it fills the width between the margins."""
    path, labels = packet
    texts = page_texts(path)
    n = next(i for i, t in enumerate(texts, start=1) if f"证据{labels['外包装.jpg']} 第2/2页" in t)
    assert "原图尺寸较小" not in texts[n - 1]
    img = render(path, n, tmp_path, DPI)
    body = img.crop((0, _px(25), img.width, img.height - _px(25)))
    ink = ink_columns(body)
    assert ink is not None and (ink[1] - ink[0]) >= _px(170)


# --------------------------------------------------------------------------- the packet's cover

LONG_COMPANY = "甲乙" * 25 + "丙丁戊己庚辛壬癸股份"  # a company's 60 characters


def _crowded_covers(tmp_path: Path, **names: str) -> dict[str, Path]:
    """Every venue's cover (and the 12305 appeal's) of a case whose parties have the given names (long ones), the
    courier a second respondent, rendered on its own."""
    import dataclasses

    from test_documents import context, full_case
    from test_packet_fill import AFTER_DEADLINE, appeal

    from casefile.core.bundle.context import Organisation
    from casefile.core.bundle.documents import front_matter
    from casefile.core.bundle.pdfkit import render_story
    from casefile.core.model import ResponsibleParty

    case = full_case(responsible=ResponsibleParty.COURIER)
    for role, name in names.items():
        setattr(case, role, dataclasses.replace(getattr(case, role), name=name))
    case.respondent = dataclasses.replace(case.respondent, address="浙江省杭州市余杭区" + "某某" * 40 + "1号")
    case.shipment = dataclasses.replace(case.shipment, outlet="上海徐汇" + "漕河泾" * 15 + "营业点")
    org = Organisation(name="上海某某" + "律师" * 25 + "事务所")
    contexts = {v.value: context(case, v, org) for v in Venue if v is not Venue.RECEIPT}
    contexts["postal"] = appeal(case, AFTER_DEADLINE)
    out = {}
    for name, ctx in contexts.items():
        path = tmp_path / f"cover-{name}.pdf"
        render_story(path, dict(front_matter(ctx))["封面"])
        out[name] = path
    return out


def test_a_cover_with_long_names_stays_one_page_with_the_names_whole(tmp_path):
    """60-character company names for the respondents (the merchant and the courier), a long claimant, a long
    outlet and a long firm: every cover is still one page, inside the margins, every name printed whole."""
    covers = _crowded_covers(tmp_path, complainant="张" * 40, respondent=LONG_COMPANY, courier="速" * 60)
    assert {"consumer-association", "arbitration", "court", "courier-claim", "postal"} <= covers.keys()
    for name, path in covers.items():
        pages = layout(path)
        assert len(pages) == 1, f"{name}: the cover takes {len(pages)} pages"
        page = pages[0]
        for w in page.words:
            assert page.height - w.y1 >= BOTTOM - 1, f"{name}: {w.text!r} in the bottom margin"
        text = "".join(page.text.split())  # a wrapped name's lines are read around its label: count its characters
        # A courier claim is the firm's (the claimant) against the carrier.
        wanted = {"速": 60} if name in ("courier-claim", "postal") else {"张": 40, "甲": 25, "癸": 1}
        if name == "court":
            wanted["速"] = 60  # 被告二
        for char, count in wanted.items():
            assert text.count(char) >= count, f"{name}: {char} {text.count(char)} times, not {count}"
        assert "从略" not in text


def test_a_name_too_long_for_any_page_is_cut_on_the_cover_saying_where_it_is_whole(tmp_path):
    """A name at the record's length limit cannot fit one page at any size: the cover stays one page, the name
    cut with a note naming the document that prints it whole."""
    covers = _crowded_covers(tmp_path, respondent="某" * 2000, courier="速" * 1500)
    whole_in = {
        "consumer-association": "消费投诉书",
        "arbitration": "仲裁申请书",
        "court": "民事起诉状",
        "courier-claim": "快递理赔申请书",
        "postal": "邮政业用户申诉书",
    }
    for name, path in covers.items():
        texts = page_texts(path)
        assert len(texts) == 1, f"{name}: the cover takes {len(texts)} pages"
        assert f"全文见{whole_in[name]}" in "".join(texts[0].split()), name
