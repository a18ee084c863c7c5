"""Burn-in redaction: reproducible bytes, nothing left under a box, recorded like an ingest."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest
from casefile_testing import make_case, run_tool
from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from casefile.core import record
from casefile.core.bundle.pdfkit import FONT, new_canvas
from casefile.core.disclosure.derived import RedactResult, copies_of, latest_copies, redact_exhibit, reproduce
from casefile.core.disclosure.masking import Kind
from casefile.core.disclosure.redact import (
    RedactionError,
    page_sizes,
    parse_box,
    picture_size,
    redact_pdf,
    redact_picture,
    suggest_boxes,
)
from casefile.core.errors import IntegrityError, InvalidValueError
from casefile.core.evidence import AddResult, add_files
from casefile.core.library import Library
from casefile.core.model import RedactionRegion
from casefile.core.verify import verify_folder

PHONE = "13812345678"
ID_NUMBER = "110105199001010123"


def box(x: float, y: float, w: float, h: float, page: int | None = None) -> RedactionRegion:
    return RedactionRegion(x=x, y=y, w=w, h=h, page=page)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rotated_photo(path: Path) -> None:
    """A 60 × 40 JPEG stored sideways: EXIF orientation 6 makes it 40 × 60 upright."""
    img = Image.new("RGB", (60, 40), (40, 160, 90))
    img.paste((250, 250, 250), (0, 0, 20, 10))
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x010F] = "Canon"
    img.save(path, quality=90, exif=exif)


def screenshot(path: Path) -> None:
    img = Image.new("RGB", (120, 200), (245, 245, 245))
    img.paste((20, 120, 220), (10, 10, 110, 40))
    img.save(path, pnginfo=None)


def text_pdf(path: Path) -> None:
    """Two pages: a phone and an address on the first, an ID number on the second (turned a quarter)."""
    canvas = new_canvas(path)
    canvas.setFont(FONT, 14)
    canvas.drawString(72, 700, f"收件人电话：{PHONE}　地址：北京市朝阳区建国路88号院3号楼501")
    canvas.drawString(72, 650, "订单号：TB2026112001")
    canvas.showPage()
    canvas.setFont(FONT, 14)
    canvas.drawString(72, 700, f"身份证：{ID_NUMBER}")
    canvas.showPage()
    canvas.save()
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        pdf.pages[1].Rotate = 90
        pdf.save(path)


def png_chunks(path: Path) -> list[bytes]:
    data = path.read_bytes()
    chunks, pos = [], 8
    while pos < len(data):
        length = int.from_bytes(data[pos : pos + 4], "big")
        chunks.append(data[pos + 4 : pos + 8])
        pos += 12 + length
    return chunks


def pdftotext(path: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return run_tool("pdftotext", *pages, str(path), "-").stdout


def render(path: Path, page: int, dpi: int = 72) -> Image.Image:
    doc = pdfium.PdfDocument(path)
    try:
        pg = doc[page - 1]
        bitmap = pg.render(scale=dpi / 72)
        image = bitmap.to_pil().convert("RGB")
        bitmap.close()
        pg.close()
    finally:
        doc.close()
    return image


# --------------------------------------------------------------------------- pictures


def test_a_photo_is_redacted_upright_and_reproducibly(tmp_path):
    source = tmp_path / "photo.jpg"
    rotated_photo(source)
    assert picture_size(source) == (40, 60)  # upright
    regions = [box(5, 30, 10, 20)]  # below 40 pixels down: only inside the upright picture
    first, second = tmp_path / "a.png", tmp_path / "b.png"
    made = redact_picture(source, first, regions)
    redact_picture(source, second, regions)
    assert sha(first) == sha(second)
    assert made.method == "picture-png-1" and len(made.pixels_sha256) == 64
    with Image.open(first) as out:
        assert out.size == (40, 60) and out.format == "PNG"
        assert out.getpixel((5, 30)) == out.getpixel((14, 49)) == (0, 0, 0)
        assert out.getpixel((15, 30)) != (0, 0, 0) and out.getpixel((5, 50)) != (0, 0, 0)
        assert not out.getexif() and not out.info.get("icc_profile")
    assert png_chunks(first) == [b"IHDR", b"IDAT", b"IEND"]  # pixels only: no EXIF, text, time or ICC
    assert sha(source) == sha(source)  # never written to


def test_a_screenshot_is_redacted_reproducibly_and_exactly_inside_the_box(tmp_path):
    source = tmp_path / "Screenshot_20261120-101500_WeChat.png"
    screenshot(source)
    before = sha(source)
    target = tmp_path / "out.png"
    made = redact_picture(source, target, [box(10, 10, 100, 30)])
    again = tmp_path / "again.png"
    assert redact_picture(source, again, [box(10, 10, 100, 30)]) == made
    assert sha(target) == sha(again) and sha(source) == before
    with Image.open(source) as old, Image.open(target) as new:
        changed = [
            (x, y) for x in range(old.width) for y in range(old.height) if old.getpixel((x, y)) != new.getpixel((x, y))
        ]
    assert set(changed) == {(x, y) for x in range(10, 110) for y in range(10, 40)}


def test_transparent_and_grey_pictures_keep_their_kind(tmp_path):
    grey, clear = tmp_path / "grey.png", tmp_path / "clear.png"
    Image.new("L", (30, 30), 200).save(grey)
    Image.new("RGBA", (30, 30), (10, 20, 30, 0)).save(clear)
    redact_picture(grey, tmp_path / "g.png", [box(0, 0, 5, 5)])
    redact_picture(clear, tmp_path / "c.png", [box(0, 0, 5, 5)])
    with Image.open(tmp_path / "g.png") as g, Image.open(tmp_path / "c.png") as c:
        assert g.mode == "L" and g.getpixel((0, 0)) == 0 and g.getpixel((6, 6)) == 200
        assert c.mode == "RGBA" and c.getpixel((0, 0)) == (0, 0, 0, 255) and c.getpixel((6, 6))[3] == 0


@pytest.mark.parametrize(
    ("regions", "message"),
    [
        ([], "at least one box"),
        ([box(30, 50, 20, 20)], r"not inside the picture \(40 × 60 pixels\)"),
        ([box(-1, 0, 5, 5)], "not inside the picture"),
        ([box(0, 0, 0, 5)], "has no area"),
        ([box(0.5, 0, 5, 5)], "whole pixels"),
        ([box(0, 0, 5, 5, page=1)], "a picture has no pages"),
    ],
)
def test_boxes_outside_a_picture_are_refused_clearly(tmp_path, regions, message):
    source = tmp_path / "photo.jpg"
    rotated_photo(source)
    with pytest.raises(InvalidValueError, match=message):
        redact_picture(source, tmp_path / "out.png", regions)
    assert not (tmp_path / "out.png").exists()


def test_a_broken_picture_is_a_clear_error(tmp_path):
    source = tmp_path / "broken.jpg"
    source.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    with pytest.raises(RedactionError, match="cannot be decoded"):
        redact_picture(source, tmp_path / "out.png", [box(0, 0, 1, 1)])


def test_boxes_are_parsed_as_people_type_them():
    assert parse_box("10,20,30,40") == box(10, 20, 30, 40)
    assert parse_box("10，20，30.5，40", page=2) == box(10, 20, 30.5, 40, page=2)
    with pytest.raises(InvalidValueError, match="is not a box"):
        parse_box("10,20,30")
    with pytest.raises(InvalidValueError, match="is not a box"):
        parse_box("a,b,c,d")


# --------------------------------------------------------------------------- PDFs


def test_suggestions_cover_phones_ids_and_addresses_on_the_page_as_shown(tmp_path):
    source = tmp_path / "waybill.pdf"
    text_pdf(source)
    assert [tuple(round(v) for v in size) for size in page_sizes(source)] == [(595, 842), (842, 595)]
    found = suggest_boxes(source)
    kinds = [(s.region.page, s.kind, s.text) for s in found]
    assert (1, Kind.MOBILE, PHONE) in kinds
    assert (2, Kind.ID, ID_NUMBER) in kinds
    assert any(k is Kind.ADDRESS and p == 1 for p, k, _t in kinds)
    phone = next(s.region for s in found if s.kind is Kind.MOBILE)
    assert 120 < phone.y < 150 and phone.h < 25  # 700 pt up from the bottom of an 842 pt page: near the top
    on_turned_page = next(s.region for s in found if s.kind is Kind.ID)
    assert on_turned_page.h > on_turned_page.w  # the text runs down the page as shown
    # A destination's own finder decides what is suggested (a packet passes its masker's spans).
    assert suggest_boxes(source, [1], finder=lambda text: []) == []


def test_a_redacted_pdf_page_loses_the_text_under_its_boxes_and_is_black_there(tmp_path):
    source = tmp_path / "waybill.pdf"
    text_pdf(source)
    boxes = [s.region for s in suggest_boxes(source) if s.kind in (Kind.MOBILE, Kind.ID)]
    target = tmp_path / "out.pdf"
    made = redact_pdf(source, target, boxes)
    assert made.method == "pdf-raster-1" and made.dpi == 300
    page_one = pdftotext(target, 1)
    assert PHONE not in page_one and ID_NUMBER not in pdftotext(target, 2)
    assert "TB2026112001" not in page_one  # the whole redacted page is a picture now: no text layer at all
    assert PHONE in pdftotext(source, 1)  # the original is untouched
    run_tool("qpdf", "--check", str(target))
    phone = next(b for b in boxes if b.page == 1)
    picture = render(target, 1, dpi=144)
    centre = (round((phone.x + phone.w / 2) * 2), round((phone.y + phone.h / 2) * 2))
    assert picture.getpixel(centre) == (0, 0, 0)
    assert picture.getpixel((10, 10)) == (255, 255, 255)
    with pikepdf.open(target) as pdf:
        assert "/Info" not in pdf.trailer and "/Metadata" not in pdf.Root
        assert len(pdf.pages) == 2 and "/Annots" not in pdf.pages[0].obj


def test_pages_without_boxes_stay_as_they_were(tmp_path):
    source = tmp_path / "waybill.pdf"
    text_pdf(source)
    target = tmp_path / "out.pdf"
    phone = next(s.region for s in suggest_boxes(source, [1]) if s.kind is Kind.MOBILE)
    redact_pdf(source, target, [phone])
    assert ID_NUMBER in pdftotext(target, 2)  # page 2 had no box: its text is still there
    with pikepdf.open(source) as old, pikepdf.open(target) as new:
        assert old.pages[1].Contents.read_bytes() == new.pages[1].Contents.read_bytes()
        assert new.pages[1].Rotate == 90


def test_redacting_a_pdf_is_reproducible_in_another_process(tmp_path):
    source = tmp_path / "waybill.pdf"
    text_pdf(source)
    boxes = [s.region for s in suggest_boxes(source)]
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    redact_pdf(source, first, boxes)
    script = (
        "import sys, json; from pathlib import Path; from casefile.core.model import RedactionRegion as R; "
        "from casefile.core.disclosure.redact import redact_pdf; "
        "redact_pdf(Path(sys.argv[1]), Path(sys.argv[2]), [R(**b) for b in json.loads(sys.argv[3])])"
    )
    data = json.dumps([{"x": b.x, "y": b.y, "w": b.w, "h": b.h, "page": b.page} for b in boxes])
    subprocess.run([sys.executable, "-c", script, str(source), str(second), data], check=True)
    assert sha(first) == sha(second)


def test_nothing_of_a_redacted_page_survives_in_annotations_outlines_or_forms(tmp_path):
    """Text under a box can also sit in an annotation, a bookmark title or a kept page's reply to it."""
    source = tmp_path / "annotated.pdf"
    canvas = Canvas(str(source), pagesize=(300, 400))
    canvas.drawString(40, 300, f"Tel {PHONE}")
    canvas.showPage()
    canvas.drawString(40, 300, "page two")
    canvas.showPage()
    canvas.save()
    with pikepdf.open(source, allow_overwriting_input=True) as pdf:
        note = pdf.make_indirect(
            pikepdf.Dictionary(
                Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Text, Rect=[10, 10, 30, 30], Contents=f"call {PHONE}"
            )
        )
        pdf.pages[0].Annots = pdf.make_indirect(pikepdf.Array([note]))
        reply = pikepdf.Dictionary(
            Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Text, Rect=[10, 10, 30, 30], Contents="ok", IRT=note
        )
        pdf.pages[1].Annots = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(reply)]))
        with pdf.open_outline() as outline:
            outline.root.append(pikepdf.OutlineItem(f"phone {PHONE}", 0))
        pdf.docinfo["/Title"] = f"from {PHONE}"
        pdf.save(source)
    target = tmp_path / "out.pdf"
    redact_pdf(source, target, [box(30, 85, 150, 30, page=1)])
    plain = tmp_path / "plain.pdf"
    run_tool("qpdf", "--qdf", "--object-streams=disable", str(target), str(plain))
    assert PHONE.encode() not in plain.read_bytes()
    assert "page two" in pdftotext(target, 2)
    with pikepdf.open(target) as pdf:
        assert "/IRT" not in pdf.pages[1].Annots[0]  # the kept reply lost only its link to the gone note


@pytest.mark.parametrize(
    ("regions", "message"),
    [
        ([box(10, 10, 20, 20)], "say which page"),
        ([box(10, 10, 20, 20, page=3)], r"no page 3 \(it has 2\)"),
        ([box(500, 10, 200, 20, page=1)], r"not inside page 1 \(595.28 × 841.89 points\)"),
        ([box(10, 10, 20, -1, page=1)], "has no area"),
    ],
)
def test_boxes_outside_a_page_are_refused_clearly(tmp_path, regions, message):
    source = tmp_path / "waybill.pdf"
    text_pdf(source)
    with pytest.raises(InvalidValueError, match=message):
        redact_pdf(source, tmp_path / "out.pdf", regions)


def test_an_encrypted_pdf_cannot_be_redacted(tmp_path):
    source = tmp_path / "plain.pdf"
    text_pdf(source)
    locked = tmp_path / "locked.pdf"
    with pikepdf.open(source) as pdf:
        pdf.save(locked, encryption=pikepdf.Encryption(owner="o", user="secret"))
    with pytest.raises(RedactionError, match="encrypted"):
        redact_pdf(locked, tmp_path / "out.pdf", [box(1, 1, 1, 1, page=1)])


def test_a_truncated_pdf_is_said_to_be_damaged_not_encrypted(tmp_path):
    source = tmp_path / "plain.pdf"
    text_pdf(source)
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(source.read_bytes()[: len(source.read_bytes()) // 2])
    for attempt in (
        lambda: redact_pdf(truncated, tmp_path / "out.pdf", [box(1, 1, 1, 1, page=1)]),
        lambda: page_sizes(truncated),  # what the redaction editor opens it with
    ):
        with pytest.raises(RedactionError) as raised:
            attempt()
        assert "damaged or truncated" in str(raised.value) and "encrypted" not in str(raised.value)


# --------------------------------------------------------------------------- recorded as derived exhibits


@pytest.fixture
def originals(library: Library, tmp_path: Path):
    case = make_case(library)
    folder = tmp_path / "in"
    folder.mkdir()
    rotated_photo(folder / "waybill-photo.jpg")
    screenshot(folder / "Screenshot_20261120-101500_WeChat.png")
    text_pdf(folder / "快递面单.pdf")
    (folder / "chat.txt").write_text("hello\n", "utf-8")
    added = [r for r in add_files(library, case.number, sorted(folder.iterdir())) if isinstance(r, AddResult)]
    numbers = {r.path.name: r.exhibit.number for r in added if r.exhibit is not None}
    return case.number, numbers


def test_a_redacted_copy_is_a_new_exhibit_recorded_with_its_derivation(library, originals):
    number, ids = originals
    photo = ids["waybill-photo.jpg"]
    folder = library.folder(number)
    before = library.load_case(number).exhibit(photo)
    result = redact_exhibit(library, number, photo, [box(5, 30, 10, 20)], "  遮盖第三方收件人手机号  ")
    copy = result.exhibit
    assert copy is not None and result.original.number == photo and result.duplicate_of is None
    assert copy.number == max(ids.values()) + 1
    assert copy.title == before.title + "（遮盖件）" and copy.kind is before.kind
    assert copy.derived_from == photo and copy.mime == "image/png"
    assert copy.original_name == "waybill-photo（遮盖件）.png" and copy.stored_path.startswith(
        f"evidence/{copy.number:03d}-"
    )
    assert copy.captured_at == before.captured_at
    red = copy.redaction
    assert red is not None and red.source_sha256 == before.sha256 and red.reason == "遮盖第三方收件人手机号"
    assert red.regions == [box(5, 30, 10, 20)] and red.tool.startswith("CaseFile ") and red.method == "picture-png-1"
    stored = folder.path / copy.stored_path
    assert sha(stored) == copy.sha256 and not stored.stat().st_mode & 0o222  # read-only like every exhibit
    assert sha(folder.path / before.stored_path) == before.sha256  # the original untouched
    entry = folder.custody.read()[-1]
    assert entry["action"] == "redact" and entry["operator"] == "测试员"
    assert entry["details"]["derived_from"] == {"exhibit": photo, "sha256": before.sha256}
    assert entry["details"]["reason"] == "遮盖第三方收件人手机号"
    assert entry["details"]["exhibit"]["redaction"]["regions"] == [{"x": 5, "y": 30, "w": 10, "h": 20}]
    # The record is the log folded; case.json says so; verify checks the copy like any exhibit.
    folded = record.fold(folder.custody.read())
    assert folded.exhibit(copy.number).derived_from == photo
    report = list(verify_folder(folder))[-1]
    assert report.ok, report.problems
    assert f"{copy.sha256}  {copy.stored_path}" in (folder.path / "MANIFEST.sha256").read_text("utf-8")
    # Old exhibits are written as before: no derivation keys.
    data = json.loads(folder.record_path.read_text("utf-8"))
    assert "derived_from" not in data["exhibits"][0] and data["exhibits"][-1]["derived_from"] == photo


def test_burning_the_recorded_boxes_into_the_original_again_gives_the_copy(library, originals, tmp_path):
    number, ids = originals
    folder = library.folder(number).path
    case = library.load_case(number)
    for name, regions in (
        ("waybill-photo.jpg", [box(0, 0, 40, 12)]),
        ("Screenshot_20261120-101500_WeChat.png", [box(10, 10, 100, 30), box(0, 150, 120, 20)]),
        ("快递面单.pdf", [box(100, 120, 150, 30, page=1), box(150, 50, 30, 200, page=2)]),
    ):
        copy = redact_exhibit(library, number, ids[name], regions, "第三方信息").exhibit
        assert copy is not None and copy.redaction is not None
        original = case.exhibit(ids[name])
        again = tmp_path / f"again-{copy.number}"
        made = reproduce(folder / original.stored_path, copy.redaction, again, original.mime)
        assert sha(again) == copy.sha256
        assert made.pixels_sha256 == copy.redaction.pixels_sha256


def test_the_same_boxes_twice_add_nothing(library, originals):
    number, ids = originals
    shot = ids["Screenshot_20261120-101500_WeChat.png"]
    first = redact_exhibit(library, number, shot, [box(10, 10, 10, 10)], "第三方头像")
    again = redact_exhibit(library, number, shot, [box(10, 10, 10, 10)], "再次遮盖")
    assert first.exhibit is not None and again == RedactResult(again.original, duplicate_of=first.exhibit.number)
    assert len(library.load_case(number).exhibits) == len(ids) + 1


def test_a_copy_of_a_copy_is_made_from_the_original_with_both_sets_of_boxes(library, originals):
    number, ids = originals
    shot = ids["Screenshot_20261120-101500_WeChat.png"]
    first = redact_exhibit(library, number, shot, [box(10, 10, 10, 10)], "第三方头像").exhibit
    assert first is not None
    second = redact_exhibit(library, number, first.number, [box(50, 50, 10, 10)], "第三方手机号").exhibit
    assert second is not None and second.derived_from == shot
    assert second.redaction is not None and second.redaction.regions == [box(10, 10, 10, 10), box(50, 50, 10, 10)]
    assert second.title.count("（遮盖件）") == 1
    case = library.load_case(number)
    assert [e.number for e in copies_of(case, shot)] == [first.number, second.number]
    assert latest_copies(case)[shot].number == second.number


def test_what_cannot_be_redacted_is_refused_before_anything_is_written(library, originals):
    number, ids = originals
    folder = library.folder(number)
    log_before = (folder.path / "CUSTODY.jsonl").read_bytes()
    with pytest.raises(InvalidValueError, match="needs a reason"):
        redact_exhibit(library, number, ids["waybill-photo.jpg"], [box(0, 0, 1, 1)], "  ")
    with pytest.raises(InvalidValueError, match="only photos, screenshots and PDFs"):
        redact_exhibit(library, number, ids["chat.txt"], [box(0, 0, 1, 1)], "x")
    with pytest.raises(InvalidValueError, match="not inside the picture"):
        redact_exhibit(library, number, ids["waybill-photo.jpg"], [box(0, 0, 100, 100)], "x")
    assert (folder.path / "CUSTODY.jsonl").read_bytes() == log_before
    assert not (folder.path / ".staging").exists() or not list((folder.path / ".staging").iterdir())
    with library.edit(number) as writer:
        writer.withdraw(ids["waybill-photo.jpg"], "拍错了")
    with pytest.raises(InvalidValueError, match="was withdrawn"):
        redact_exhibit(library, number, ids["waybill-photo.jpg"], [box(0, 0, 1, 1)], "x")


def test_an_original_changed_on_disk_is_never_redacted(library, originals):
    number, ids = originals
    folder = library.folder(number)
    original = library.load_case(number).exhibit(ids["Screenshot_20261120-101500_WeChat.png"])
    stored = folder.path / original.stored_path
    stored.chmod(0o644)
    Image.new("RGB", (120, 200), (1, 2, 3)).save(stored, format="PNG")
    with pytest.raises(IntegrityError, match="differ from what the case recorded"):
        redact_exhibit(library, number, original.number, [box(0, 0, 5, 5)], "x")
    assert len(library.load_case(number).exhibits) == len(ids)


# --------------------------------------------------------------------------- crash windows (see test_recovery.py)


@pytest.fixture
def crashed_redaction(library, originals, tmp_path):
    """Redact for real, keeping copies of the folder's files from before."""
    number, ids = originals
    folder = library.folder(number)
    before = tmp_path / "before"
    before.mkdir()
    for name in ("case.json", "CUSTODY.jsonl", "MANIFEST.sha256"):
        shutil.copy2(folder.path / name, before / name)
    copy = redact_exhibit(
        library, number, ids["快递面单.pdf"], [box(100, 120, 150, 30, page=1)], "第三方手机号"
    ).exhibit
    entry = folder.custody.read()[-1]
    library.close()
    for name in ("case.json", "CUSTODY.jsonl", "MANIFEST.sha256"):  # as it was before the entry
        shutil.copy2(before / name, folder.path / name)
    staging = folder.path / ".staging"
    staging.mkdir(exist_ok=True)
    intent = {
        "exhibit": entry["details"]["exhibit"],
        "part": "abcd.part",
        "action": "redact",
        "details": entry["details"],
    }
    (staging / "abcd.json").write_text(json.dumps(intent), "utf-8")
    (library.root / ".pending" / folder.number).write_bytes(b"")
    return library.root, folder, copy


def test_a_kill_between_rename_and_entry_completes_the_redacted_copy(crashed_redaction):
    root, folder, copy = crashed_redaction
    library = Library.open(root, "recovery")
    case = library.load_case(folder.number)
    assert case.exhibit(copy.number).derived_from == copy.derived_from
    last = library.folder(folder.number).custody.read()[-1]
    assert last["action"] == "redact" and last["details"]["completed_after_interruption"] is True
    assert last["details"]["derived_from"]["exhibit"] == copy.derived_from
    assert list(verify_folder(library.folder(folder.number)))[-1].ok
    assert not (folder.path / ".staging").exists()
    library.close()


def test_a_kill_before_the_rename_leaves_no_copy(crashed_redaction):
    root, folder, copy = crashed_redaction
    stored = folder.path / copy.stored_path
    stored.chmod(0o644)
    stored.rename(folder.path / ".staging" / "abcd.part")  # the copy never reached evidence/
    library = Library.open(root, "recovery")
    case = library.load_case(folder.number)
    assert not case.has_exhibit(copy.number) and not stored.exists()
    assert list(verify_folder(library.folder(folder.number)))[-1].ok
    library.close()


def test_a_redact_entry_naming_a_wrong_original_is_refused_when_folded(library, originals):
    number, ids = originals
    redact_exhibit(library, number, ids["waybill-photo.jpg"], [box(0, 0, 5, 5)], "x")
    entries = library.folder(number).custody.read()
    entries[-1]["details"]["derived_from"]["sha256"] = "0" * 64
    with pytest.raises(InvalidValueError, match="does not match its original"):
        record.fold(entries)


def test_a_case_with_a_redacted_copy_exports_and_imports_whole(library, originals, tmp_path):
    from casefile.core.archive import ExportResult, ImportResult, export_case, import_case

    number, ids = originals
    copy = redact_exhibit(
        library, number, ids["快递面单.pdf"], [box(100, 120, 150, 30, page=1)], "第三方手机号"
    ).exhibit
    assert copy is not None
    archive = tmp_path / "case.zip"
    assert [r for r in export_case(library, number, archive) if isinstance(r, ExportResult)]
    other = Library.open(tmp_path / "other", "接收方")
    (imported,) = [r for r in import_case(other, archive) if isinstance(r, ImportResult)]
    case = other.load_case(imported.number)
    assert case.exhibit(copy.number).derived_from == ids["快递面单.pdf"]
    assert case.exhibit(copy.number).redaction == copy.redaction
    assert list(verify_folder(other.folder(imported.number)))[-1].ok
    other.close()
