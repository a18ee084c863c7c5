"""A PDF is told to be a scan from its pages (casefile.core.scans): each one a picture, no visible text."""

from __future__ import annotations

import base64
import hashlib
import io
import zlib
from pathlib import Path

import pikepdf
import pytest
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from casefile.core.scans import image_only

W, H = A4


def _picture() -> ImageReader:
    data = io.BytesIO()
    Image.new("RGB", (620, 877), (246, 244, 238)).save(data, "JPEG", quality=80)
    data.seek(0)
    return ImageReader(data)


def scanned(path: Path, *, pages: int = 1, ocr: bool = False, text: bool = False, text_first: bool = False) -> Path:
    """A scan as a copier or a scanning app writes it: a picture of the whole page on each page;
    ``ocr``: with an invisible text layer over it; ``text``: with visible text over it;
    ``text_first``: visible text drawn first, then covered by the picture."""
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setProducer("KONICA MINOLTA bizhub C300i")
    for _ in range(pages):
        if text_first:
            canvas.drawString(72, 700, "hidden under the picture")
        canvas.drawImage(_picture(), 0, 0, W, H)
        if ocr:
            layer = canvas.beginText(72, 700)
            layer.setTextRenderMode(3)
            layer.textLine("Invoice No. 25332000000123456789 total 6299.00")
            canvas.drawText(layer)
        if text:
            canvas.drawString(72, 60, "Approved by the shop manager")
        canvas.showPage()
    canvas.save()
    return path


def born_digital(path: Path) -> Path:
    canvas = Canvas(str(path), pagesize=A4)
    canvas.drawString(72, 700, "Electronic invoice 6299.00")
    canvas.drawImage(_picture(), 400, 720, 120, 60)  # a logo or a QR code
    canvas.showPage()
    canvas.save()
    return path


def test_a_picture_on_every_page_is_a_scan(tmp_path: Path) -> None:
    assert image_only(scanned(tmp_path / "copier.pdf", pages=3)) is True


def test_an_ocr_layer_over_the_pictures_leaves_it_a_scan(tmp_path: Path) -> None:
    path = scanned(tmp_path / "ocr.pdf", pages=2, ocr=True)
    with pikepdf.open(path) as pdf:
        assert pdf.pages[0].Resources.get("/Font") is not None  # it has fonts and text
    assert image_only(path) is True


def test_text_covered_by_the_picture_of_the_page_leaves_it_a_scan(tmp_path: Path) -> None:
    assert image_only(scanned(tmp_path / "under.pdf", text_first=True)) is True


def test_visible_text_makes_it_a_document(tmp_path: Path) -> None:
    assert image_only(scanned(tmp_path / "stamped.pdf", text=True)) is False
    assert image_only(born_digital(tmp_path / "invoice.pdf")) is False


def test_one_page_of_text_among_scans_makes_it_no_scan(tmp_path: Path) -> None:
    first = scanned(tmp_path / "scan.pdf", pages=2)
    second = born_digital(tmp_path / "letter.pdf")
    out = pikepdf.new()
    with pikepdf.open(first) as one, pikepdf.open(second) as two:
        out.pages.extend(one.pages)
        out.pages.extend(two.pages)
        out.save(tmp_path / "both.pdf")
    assert image_only(tmp_path / "both.pdf") is False


def test_drawings_without_pictures_are_no_scan(tmp_path: Path) -> None:
    canvas = Canvas(str(tmp_path / "drawing.pdf"), pagesize=A4)
    canvas.rect(50, 50, 400, 600, fill=1)
    canvas.showPage()
    canvas.save()
    assert image_only(tmp_path / "drawing.pdf") is False


def test_a_picture_in_strips_or_inside_a_form_is_a_scan(tmp_path: Path) -> None:
    """Some copiers cut the page into strips; some wrap the picture in a form XObject."""
    pdf = pikepdf.new()
    image = pikepdf.Stream(pdf, bytes(8 * 8 * 3))
    image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    image.Width, image.Height, image.BitsPerComponent = 8, 8, 8
    image.ColorSpace = pikepdf.Name.DeviceRGB
    strips = b"".join(b"q 595 0 0 210.5 0 %d cm /Im0 Do Q\n" % (210.5 * k) for k in range(4))
    page = pdf.add_blank_page(page_size=(595, 842))
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
    page.Contents = pdf.make_stream(strips)
    form = pikepdf.Stream(pdf, b"q 595 0 0 842 0 0 cm /Im0 Do Q")
    form.Type, form.Subtype = pikepdf.Name.XObject, pikepdf.Name.Form
    form.BBox = pikepdf.Array([0, 0, 595, 842])
    form.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
    page = pdf.add_blank_page(page_size=(595, 842))
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Fm0=form))
    page.Contents = pdf.make_stream(b"q /Fm0 Do Q")
    pdf.save(tmp_path / "strips.pdf")
    assert image_only(tmp_path / "strips.pdf") is True


def test_an_unreadable_file_is_not_told(tmp_path: Path) -> None:
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 nothing")
    assert image_only(tmp_path / "broken.pdf") is None


@pytest.mark.parametrize("maker", [scanned, born_digital])
def test_the_file_is_only_read(tmp_path: Path, maker) -> None:
    path = maker(tmp_path / "file.pdf")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    image_only(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_a_content_stream_that_inflates_past_the_budget_is_turned_down_without_inflating_it(tmp_path: Path) -> None:
    from casefile.core import scans

    path = scanned(tmp_path / "bomb.pdf")
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        page = pdf.pages[0].obj
        drawing = page.Contents.read_bytes()
        # The picture, then 64 MB of "q Q" pairs: a few hundred kilobytes as stored.
        bomb = zlib.compress(drawing + b"q Q\n" * (16 << 20), 9)
        page.Contents = pdf.make_stream(bomb, Filter=pikepdf.Name.FlateDecode)
        assert len(bomb) < scans.MAX_CONTENT
        pdf.save(path)
    with pikepdf.open(path) as pdf:
        assert scans._decoded_size(pdf.pages[0].obj.Contents, scans.MAX_CONTENT) == scans.MAX_CONTENT + 1
    assert image_only(path) is False  # too much drawing to be a picture of a paper; never parsed


def test_the_ascii_encodings_before_flate_are_decoded_to_measure_a_stream(tmp_path: Path) -> None:
    from casefile.core import scans

    drawing = b"q 595 0 0 842 0 0 cm /Im0 Do Q\n"
    pdf = pikepdf.new()
    a85 = pdf.make_stream(
        base64.a85encode(zlib.compress(drawing)) + b"~>",
        Filter=pikepdf.Array([pikepdf.Name.ASCII85Decode, pikepdf.Name.FlateDecode]),
    )
    hexed = pdf.make_stream(zlib.compress(drawing).hex().encode() + b">", Filter=pikepdf.Name.ASCIIHexDecode)
    lzw = pdf.make_stream(b"\x80\x0b\x60\x50\x22\x0c\x0c\x85\x01", Filter=pikepdf.Name.LZWDecode)
    assert scans._decoded_size(a85, 1000) == len(drawing)
    assert scans._decoded_size(hexed, 1000) == len(zlib.compress(drawing))
    assert scans._decoded_size(lzw, 1000) == 1001  # not measured without decoding it whole: not a picture
