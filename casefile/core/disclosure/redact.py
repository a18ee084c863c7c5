"""Burn-in redaction: solid black boxes drawn into the pixels of a picture or a PDF page.

Nothing is hidden behind a layer: the pixels under a box are replaced by black, and a PDF
page with a box is replaced by a picture of itself with the boxes burnt in, so the text
under a box is gone from the file, not only from its look. The original file is never
touched; what is made here becomes a new, derived exhibit (:mod:`.derived`) or a page of a
packet (:func:`redact_pdf` on a verified copy).

**Coordinates.** Pictures: pixels of the upright picture (EXIF orientation applied), from
its top-left corner. PDFs: points (1/72 inch) from the top-left corner of the page as it is
shown (its /Rotate and crop box applied), pages numbered from 1.

**Reproducible.** Burning the recorded boxes into the original again gives the same bytes
(same CaseFile version, hence the same pinned Pillow, zlib-ng and pdfium, on the same kind of
machine):

- pictures are decoded (the first frame), turned upright, reduced to grey, RGB or RGBA
  8 bits, filled, and written as PNG with a fixed compression level and nothing but the
  pixels (no text, time, EXIF, ICC or physical-size chunks). PNG rather than JPEG: lossless,
  so the copy differs from the original only under the boxes (no second generation of JPEG
  loss, a black box stays exactly black, text in screenshots stays sharp), and no JPEG
  encoder settings to keep stable. The SHA-256 of the redacted pixels is recorded too: it
  does not depend on the compressor (zlib-ng's output may differ between CPU families);
- a redacted PDF page is rasterised by pdfium at :data:`PDF_DPI` (lower only for pages too
  big for the pixel budget, as the page size decides), filled, and stored as one image whose
  compressed data are the PNG encoder's own; the file is written by qpdf with a
  deterministic /ID, no document information, no XMP, and every other stream copied as it
  was. Fonts a PDF does not embed are taken from the system, so a PDF relying on them
  reproduces on a machine with the same fonts.

A redacted PDF keeps only what its pages show: its outline, form fields, tagged structure,
attachments, scripts and metadata can all repeat text from a redacted page and are dropped;
pages without boxes keep their content as it was.

:func:`suggest_boxes` finds personal data (phones, ID numbers, addresses…) in the text
layer of a PDF's pages and returns boxes over them, for the redaction editor and for
masking text PDFs in packets. :func:`suggest_ocr_boxes` does the same from the lines OCR read
in a picture or a scanned page (:mod:`casefile.core.search.ocr`): a span found inside a line
is boxed in proportion to the characters before it, widened by half a character on each side,
or the whole line where the line is not level (then where the span lies is not known).
"""

from __future__ import annotations

import ctypes
import hashlib
import io
import logging
import math
import os
import re
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PIL import Image, ImageOps

from casefile.core.disclosure.masking import Kind, Span, find_personal
from casefile.core.errors import CaseFileError, InvalidValueError, Message
from casefile.core.fsutil import open_private
from casefile.core.model import RedactionRegion
from casefile.core.search.texts import TextBox
from casefile.core.thumbnails import HEIF_MIMES, IMAGE_MIMES, PDFIUM_LOCK, register_heif

if TYPE_CHECKING:
    import pikepdf

log = logging.getLogger(__name__)

IMAGE_METHOD = "picture-png-1"  # upright, 8-bit grey/RGB/RGBA, black fill, PNG at PNG_LEVEL, pixels only
PDF_METHOD = "pdf-raster-1"  # redacted pages rasterised at PDF_DPI (pdfium), black fill, qpdf deterministic
PDF_DPI = 300
PNG_LEVEL = 6
MAX_PICTURE_PIXELS = 100_000_000  # about 300 MB of RGB pixels: a picture larger than this is refused
MAX_PAGE_PIXELS = 40_000_000  # a page above this at PDF_DPI (bigger than A2) is rasterised at less
PICTURE_MIMES = IMAGE_MIMES | HEIF_MIMES  # what Pillow decodes (HEIC/HEIF/AVIF through pillow-heif)
PDF_MIME = "application/pdf"


class RedactionError(CaseFileError):
    """A file that cannot be redacted (encrypted, damaged, too large)."""


@dataclass(frozen=True)
class Redacted:
    """What a redaction wrote: how, and (pictures) the SHA-256 of its pixels."""

    method: str
    dpi: int | None = None
    pixels_sha256: str = ""
    width: int = 0  # pictures: pixels of the written picture
    height: int = 0


@dataclass(frozen=True)
class Suggestion:
    """A box over personal data found in a PDF page's text layer (spec §6.2 kinds)."""

    region: RedactionRegion
    kind: Kind
    text: str  # what was found, as the page writes it


def can_redact(mime: str) -> bool:
    return mime in PICTURE_MIMES or mime == PDF_MIME


# --------------------------------------------------------------------------- boxes


def box_text(region: RedactionRegion) -> str:
    """A box as people type it: ``X,Y,W,H``."""
    return ",".join(f"{v:g}" for v in (region.x, region.y, region.w, region.h))


def parse_box(text: str, page: int | None = None) -> RedactionRegion:
    """``X,Y,W,H`` (commas, full-width commas or spaces) as a region on ``page``."""
    parts = [p for p in text.replace("，", ",").replace(" ", ",").split(",") if p.strip()]
    try:
        values = [float(p) for p in parts]
    except ValueError:
        values = []
    if len(values) != 4 or not all(math.isfinite(v) for v in values):
        raise InvalidValueError("{text!r} is not a box: give X,Y,W,H, e.g. 120,40,300,60", text=text)
    x, y, w, h = (int(v) if v.is_integer() else v for v in values)
    return RedactionRegion(x=x, y=y, w=w, h=h, page=page)


def check_picture_boxes(regions: Sequence[RedactionRegion], width: int, height: int) -> None:
    """Refuse boxes that are not whole pixels inside a ``width`` × ``height`` picture."""
    if not regions:
        raise InvalidValueError("a redaction needs at least one box")
    for r in regions:
        if r.page is not None:
            raise InvalidValueError("box {box}: a picture has no pages; give the box without a page", box=box_text(r))
        if not all(float(v).is_integer() for v in (r.x, r.y, r.w, r.h)):
            raise InvalidValueError("box {box}: boxes on a picture are in whole pixels", box=box_text(r))
        _check_inside(r, width, height, Message("the picture ({width} × {height} pixels)", width=width, height=height))


def check_page_boxes(regions: Sequence[RedactionRegion], sizes: Sequence[tuple[float, float]]) -> None:
    """Refuse boxes without a page of the PDF, or not inside their page (sizes in points, as shown)."""
    if not regions:
        raise InvalidValueError("a redaction needs at least one box")
    for r in regions:
        if r.page is None:
            raise InvalidValueError("box {box}: say which page of the PDF it is on", box=box_text(r))
        if not 1 <= r.page <= len(sizes):
            raise InvalidValueError(
                "box {box}: the PDF has no page {page} (it has {pages})", box=box_text(r), page=r.page, pages=len(sizes)
            )
        width, height = (round(v, 2) for v in sizes[r.page - 1])
        shown = Message(
            "page {page} ({width} × {height} points)", page=r.page, width=f"{width:g}", height=f"{height:g}"
        )
        _check_inside(r, width, height, shown)


def _check_inside(r: RedactionRegion, width: float, height: float, what: Message) -> None:
    values = (r.x, r.y, r.w, r.h)
    if not all(isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) for v in values):
        raise InvalidValueError("box {box} is not four numbers", box=box_text(r))
    if r.w <= 0 or r.h <= 0:
        raise InvalidValueError("box {box} has no area: its width and height must be more than 0", box=box_text(r))
    if r.x < 0 or r.y < 0 or r.x + r.w > width + 0.01 or r.y + r.h > height + 0.01:
        raise InvalidValueError("box {box} is not inside {what}", box=box_text(r), what=what)


def _pixel_box(r: RedactionRegion, sx: float, sy: float, size: tuple[int, int]) -> tuple[int, int, int, int]:
    """The pixels a box covers at ``sx``, ``sy`` pixels per unit: every pixel it touches."""
    left = max(0, math.floor(r.x * sx))
    top = max(0, math.floor(r.y * sy))
    right = min(size[0], math.ceil((r.x + r.w) * sx))
    bottom = min(size[1], math.ceil((r.y + r.h) * sy))
    return left, top, max(left, right), max(top, bottom)


# --------------------------------------------------------------------------- pictures


def open_upright(source: Path) -> Image.Image:
    """The picture's first frame, decoded and turned upright as its EXIF orientation says."""
    register_heif()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # bounded below instead
            with Image.open(source) as img:
                if img.width * img.height > MAX_PICTURE_PIXELS:
                    raise RedactionError(
                        "the picture is too large to redact ({width} × {height} pixels; at most {limit} million)",
                        width=img.width,
                        height=img.height,
                        limit=MAX_PICTURE_PIXELS // 1_000_000,
                    )
                upright = ImageOps.exif_transpose(img)  # a copy, decoded
    except RedactionError:
        raise
    except Image.DecompressionBombError as exc:
        raise RedactionError("the picture is too large to redact ({reason})", reason=str(exc)) from None
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        raise _undecodable(exc) from None
    return upright


def _undecodable(exc: BaseException) -> RedactionError:
    return RedactionError("the picture cannot be decoded ({reason})", reason=str(exc) or type(exc).__name__)


def picture_size(source: Path) -> tuple[int, int]:
    """Width and height of the upright picture, in pixels."""
    register_heif()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(source) as img:
                width, height = img.size
                orientation = img.getexif().get(0x0112, 1)
    except (OSError, ValueError, SyntaxError, EOFError, Image.DecompressionBombError) as exc:
        raise _undecodable(exc) from None
    return (height, width) if orientation in (5, 6, 7, 8) else (width, height)


def _normalised(img: Image.Image) -> Image.Image:
    """8-bit grey, RGB or (where the picture is transparent) RGBA, with nothing but pixels."""
    if img.mode in ("RGBA", "LA", "PA") or "transparency" in img.info:
        out = img.convert("RGBA")
    elif img.mode in ("1", "L"):
        out = img.convert("L")
    else:
        out = img.convert("RGB")
    out.info = {}
    return out


BLACK: dict[str, Any] = {"L": 0, "RGB": (0, 0, 0), "RGBA": (0, 0, 0, 255)}


def _burn(img: Image.Image, regions: Iterable[RedactionRegion], sx: float = 1.0, sy: float = 1.0) -> None:
    for r in regions:
        left, top, right, bottom = _pixel_box(r, sx, sy, img.size)
        if right > left and bottom > top:
            img.paste(BLACK[img.mode], (left, top, right, bottom))


def pixels_sha256(img: Image.Image) -> str:
    """The SHA-256 of a picture's pixels with its mode and size (the compressor does not matter)."""
    digest = hashlib.sha256(f"{img.mode} {img.width}x{img.height}\n".encode("ascii"))
    digest.update(img.tobytes())
    return digest.hexdigest()


def _png(img: Image.Image) -> bytes:
    buffer = io.BytesIO()
    img.save(buffer, "PNG", compress_level=PNG_LEVEL, optimize=False)
    return buffer.getvalue()


def redact_picture(source: Path, target: Path, regions: Sequence[RedactionRegion]) -> Redacted:
    """Write ``source`` upright with ``regions`` filled black to ``target`` (a PNG, created 0600)."""
    img = _normalised(open_upright(source))
    check_picture_boxes(regions, img.width, img.height)
    _burn(img, regions)
    data = _png(img)
    _write(target, data)
    return Redacted(IMAGE_METHOD, pixels_sha256=pixels_sha256(img), width=img.width, height=img.height)


def _write(target: Path, data: bytes) -> None:
    with os.fdopen(open_private(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


# --------------------------------------------------------------------------- PDFs


def _open_pdfium(source: Path) -> Any:
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(source)
    except pdfium.PdfiumError as exc:
        raise _open_error(exc.err_code, str(exc)) from None


def _open_error(code: int | None, reason: str) -> RedactionError:
    """Why PDFium could not open a PDF, by its error code: a password or a security scheme it does not
    know (encrypted), a file that is not a whole PDF (damaged or truncated), or what it said."""
    import pypdfium2.raw as pdfium_c

    if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
        return RedactionError("the PDF is encrypted; an encrypted PDF cannot be redacted")
    if code == pdfium_c.FPDF_ERR_FORMAT:
        return RedactionError("the PDF is damaged or truncated and cannot be redacted ({reason})", reason=reason)
    return RedactionError("the PDF cannot be opened ({reason})", reason=reason)


def page_sizes(source: Path) -> list[tuple[float, float]]:
    """Each page's width and height in points, as shown (rotation and crop box applied)."""
    with PDFIUM_LOCK:
        doc = _open_pdfium(source)
        try:
            return [_shown_size(doc, i) for i in range(len(doc))]
        finally:
            doc.close()


def _shown_size(doc: Any, index: int) -> tuple[float, float]:
    width, height = doc.get_page_size(index)
    return float(width), float(height)


def _page_scale(width: float, height: float, dpi: int) -> float:
    """Pixels per point: ``dpi`` / 72, less for a page too big for the pixel budget (decided by its size)."""
    scale = dpi / 72
    if width * height * scale * scale > MAX_PAGE_PIXELS:
        scale = math.sqrt(MAX_PAGE_PIXELS / (width * height))
    return scale


def _render(doc: Any, index: int, scale: float) -> Image.Image:
    """Page ``index`` as shown, forms and annotations included, on white."""
    page = doc[index]
    try:
        bitmap = page.render(scale=scale, may_draw_forms=True, draw_annots=True, fill_color=(255, 255, 255, 255))
        try:
            image: Image.Image = bitmap.to_pil()
        finally:
            bitmap.close()
    finally:
        page.close()
    return image if image.mode == "RGB" else image.convert("RGB")


def render_page(source: Path, page: int, *, max_side: int) -> Image.Image:
    """Page ``page`` (from 1) as shown, at most ``max_side`` pixels on its longer side: for previews."""
    with PDFIUM_LOCK:
        doc = _open_pdfium(source)
        try:
            if not 1 <= page <= len(doc):
                raise InvalidValueError("the PDF has no page {page} (it has {pages})", page=page, pages=len(doc))
            doc.init_forms()
            width, height = _shown_size(doc, page - 1)
            scale = min(max_side / max(width, height, 1.0), _page_scale(width, height, PDF_DPI))
            return _render(doc, page - 1, scale)
        finally:
            doc.close()


@dataclass(frozen=True)
class _Raster:
    """A redacted page, compressed: the image's Flate data (PNG filters, as PNG's IDAT holds them)."""

    width: float  # points, as shown
    height: float
    pixels: tuple[int, int]
    grey: bool
    data: bytes


def _idat(png: bytes) -> bytes:
    """The zlib stream of a PNG (its IDAT chunks joined)."""
    out = []
    pos = 8
    while pos + 8 <= len(png):
        length = int.from_bytes(png[pos : pos + 4], "big")
        if png[pos + 4 : pos + 8] == b"IDAT":
            out.append(png[pos + 8 : pos + 8 + length])
        pos += 12 + length
    return b"".join(out)


def _raster(doc: Any, index: int, regions: Sequence[RedactionRegion], dpi: int) -> _Raster:
    width, height = _shown_size(doc, index)
    img = _render(doc, index, _page_scale(width, height, dpi))
    _burn(img, regions, img.width / width, img.height / height)
    red, green, blue = img.split()
    grey = red.tobytes() == green.tobytes() == blue.tobytes()  # a black-and-white page: a third of the data
    return _Raster(width, height, img.size, grey, _idat(_png(red if grey else img)))


def redact_pdf(source: Path, target: Path, regions: Sequence[RedactionRegion], *, dpi: int = PDF_DPI) -> Redacted:
    """Write ``source`` to ``target`` (created 0600) with each page that has a box burnt in.

    For the bundle too: call it on the verified copy of an evidence PDF in the build's work
    folder. Pages without boxes stay as they are; a page with boxes becomes one picture of
    itself (at ``dpi``) with the boxes black, and no text layer. Raises InvalidValueError for
    boxes outside their page, RedactionError for a PDF that cannot be read.
    """
    import pikepdf  # loaded when a PDF is redacted, not with the app

    by_page: dict[int, list[RedactionRegion]] = {}
    with PDFIUM_LOCK:
        doc = _open_pdfium(source)
        try:
            sizes = [_shown_size(doc, i) for i in range(len(doc))]
            check_page_boxes(regions, sizes)
            for r in regions:
                assert r.page is not None
                by_page.setdefault(r.page, []).append(r)
            doc.init_forms()
            rasters = {p: _raster(doc, p - 1, boxes, dpi) for p, boxes in sorted(by_page.items())}
        finally:
            doc.close()
    try:
        pdf = pikepdf.open(source)
    except pikepdf.PasswordError:
        raise RedactionError("the PDF is encrypted; an encrypted PDF cannot be redacted") from None
    except pikepdf.PdfError as exc:  # PDFium read it, this reader cannot: its structure is broken
        raise RedactionError(
            "the PDF is damaged or truncated and cannot be redacted ({reason})", reason=str(exc)
        ) from None
    with pdf:
        if len(pdf.pages) != len(sizes):
            raise RedactionError(
                "the PDF's page tree is damaged (readers disagree on its pages: {a} or {b}); it cannot be redacted",
                a=len(pdf.pages),
                b=len(sizes),
            )
        gone = _replace_pages(pdf, rasters)
        _drop_document_extras(pdf)
        _cut_references(pdf, gone)
        buffer = io.BytesIO()
        pdf.save(
            buffer,
            deterministic_id=True,
            compress_streams=False,  # nothing recompressed: other streams as they were, ours as PNG made them
            stream_decode_level=pikepdf.StreamDecodeLevel.none,
            object_stream_mode=pikepdf.ObjectStreamMode.disable,
            normalize_content=False,
            linearize=False,
            fix_metadata_version=False,
            preserve_pdfa=False,
            encryption=False,
        )
    data = buffer.getvalue()
    _check_no_text(data, sorted(rasters))
    _write(target, data)
    return Redacted(PDF_METHOD, dpi=dpi)


def _objgens(value: Any) -> set[tuple[int, int]]:
    """The indirect objects ``value`` is or directly holds (a stream, or an array of them)."""
    import pikepdf  # loaded when a PDF is redacted, not with the app

    found = set()
    items = list(value) if isinstance(value, pikepdf.Array) else [value]
    for item in items:
        if isinstance(item, pikepdf.Object) and item.is_indirect:
            found.add(item.objgen)
    return found


def _replace_pages(pdf: pikepdf.Pdf, rasters: dict[int, _Raster]) -> set[tuple[int, int]]:
    """Make each redacted page one picture of itself; return its old content and annotations (now gone)."""
    import pikepdf  # loaded when a PDF is redacted, not with the app

    gone: set[tuple[int, int]] = set()
    kept: set[tuple[int, int]] = set()
    for index, page in enumerate(pdf.pages):
        held = set()
        for key in ("/Contents", "/Annots", "/Thumb"):
            if key in page.obj:
                held |= _objgens(page.obj[key])
        (kept if index + 1 not in rasters else gone).update(held)
    for number, raster in rasters.items():
        obj = pdf.pages[number - 1].obj
        image = pikepdf.Stream(pdf, b"")
        image.write(
            raster.data,
            filter=pikepdf.Name.FlateDecode,
            decode_parms=pikepdf.Dictionary(
                Predictor=15, Colors=1 if raster.grey else 3, BitsPerComponent=8, Columns=raster.pixels[0]
            ),
        )
        image.Type = pikepdf.Name.XObject
        image.Subtype = pikepdf.Name.Image
        image.Width, image.Height = raster.pixels
        image.ColorSpace = pikepdf.Name.DeviceGray if raster.grey else pikepdf.Name.DeviceRGB
        image.BitsPerComponent = 8
        width, height = _number(raster.width), _number(raster.height)
        content = pikepdf.Stream(pdf, f"q\n{width} 0 0 {height} 0 0 cm\n/Im0 Do\nQ\n".encode("ascii"))
        for key in list(obj.keys()):
            if key not in ("/Type", "/Parent"):
                del obj[key]
        box = pikepdf.Array([0, 0, Decimal(width), Decimal(height)])
        obj.MediaBox = box
        obj.CropBox = box  # set here: a crop box or rotation inherited from the page tree would apply otherwise
        obj.Rotate = 0
        obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
        obj.Contents = content
    return gone - kept


def _number(value: float) -> str:
    """A PDF number with at most 4 decimals, written the same way every time."""
    return f"{value:.4f}".rstrip("0").rstrip(".")


# What a redacted copy leaves out at document level: each can repeat text of a redacted page
# (bookmark titles, form values, tagged text, attached files, scripts, metadata).
_DOCUMENT_EXTRAS = (
    "/AcroForm",
    "/StructTreeRoot",
    "/MarkInfo",
    "/Metadata",
    "/Outlines",
    "/OpenAction",
    "/AA",
    "/PieceInfo",
    "/SpiderInfo",
    "/Threads",
    "/Perms",
    "/Legal",
    "/Collection",
    "/AF",
    "/DSS",
    "/Names",
)


def _drop_document_extras(pdf: pikepdf.Pdf) -> None:
    import pikepdf  # loaded when a PDF is redacted, not with the app

    root = pdf.Root
    dests = root.get("/Names", pikepdf.Dictionary()).get("/Dests") if "/Names" in root else None
    for key in _DOCUMENT_EXTRAS:
        if key in root:
            del root[key]
    if dests is not None:  # named destinations (links within the document) stay
        root.Names = pikepdf.Dictionary(Dests=dests)
    if "/Info" in pdf.trailer:
        del pdf.trailer["/Info"]


def _cut_references(pdf: pikepdf.Pdf, gone: set[tuple[int, int]]) -> None:
    """Remove every remaining reference to a redacted page's old content or annotations.

    A kept annotation can point at one on a redacted page (a reply, a popup, a form field's
    kids), and would carry it, and its text, into the copy.
    """
    import pikepdf  # loaded when a PDF is redacted, not with the app

    if not gone:
        return
    seen: set[tuple[int, int]] = set()
    stack: list[Any] = [pdf.trailer]

    def follow(item: Any) -> bool:
        """Whether to look inside ``item`` (a container not met before)."""
        if not isinstance(item, pikepdf.Dictionary | pikepdf.Array | pikepdf.Stream):
            return False
        if item.is_indirect:
            if item.objgen in seen:
                return False
            seen.add(item.objgen)
        return True

    while stack:
        obj = stack.pop()
        if isinstance(obj, pikepdf.Array):
            for i in range(len(obj)):
                item = obj[i]
                if isinstance(item, pikepdf.Object) and item.is_indirect and item.objgen in gone:
                    obj[i] = None
                elif follow(item):
                    stack.append(item)
            continue
        for key in list(obj.keys()):
            item = obj[key]
            if isinstance(item, pikepdf.Object) and item.is_indirect and item.objgen in gone:
                del obj[key]
            elif follow(item):
                stack.append(item)


def _check_no_text(data: bytes, pages: Sequence[int]) -> None:
    """The pages redacted hold no text any more (a last check on what is about to be written)."""
    import pypdfium2 as pdfium

    with PDFIUM_LOCK:
        doc = pdfium.PdfDocument(data)
        try:
            for number in pages:
                page = doc[number - 1]
                try:
                    text = page.get_textpage()
                    try:
                        chars = text.count_chars()
                    finally:
                        text.close()
                finally:
                    page.close()
                if chars:  # pragma: no cover - a bug, never a user's problem
                    raise RuntimeError(f"redacted page {number} still has {chars} characters of text")
        finally:
            doc.close()


# --------------------------------------------------------------------------- suggestions


Finder = Callable[[str], list[Span]]


def suggest_boxes(
    source: Path, pages: Iterable[int] | None = None, *, finder: Finder = find_personal, pad: float = 1.0
) -> list[Suggestion]:
    """Boxes over the personal data in the text layer of ``pages`` (from 1; None: all) of a PDF.

    Each character's box comes from pdfium; ``finder`` (default :func:`.masking.find_personal`;
    a packet passes its masker's ``spans``, so only what its destination must not see) picks
    spans of the page's text, and each span becomes one box per line it runs over, ``pad``
    points larger on every side, in the coordinates :func:`redact_pdf` takes. A scanned page
    (no text layer) gives none.
    """
    found: list[Suggestion] = []
    with PDFIUM_LOCK:
        doc = _open_pdfium(source)
        try:
            numbers = list(range(1, len(doc) + 1)) if pages is None else list(pages)
            for number in numbers:
                if not 1 <= number <= len(doc):
                    raise InvalidValueError("the PDF has no page {page} (it has {pages})", page=number, pages=len(doc))
                found.extend(_page_suggestions(doc, number, finder, pad))
        finally:
            doc.close()
    return found


def _page_suggestions(doc: Any, number: int, finder: Finder, pad: float) -> list[Suggestion]:
    import pypdfium2.raw as raw

    width, height = _shown_size(doc, number - 1)
    page = doc[number - 1]
    text = page.get_textpage()
    try:
        count = text.count_chars()
        chars = _page_chars(raw, text, count)
        spans = finder(chars)
        out = []
        for span in spans:
            boxes = [
                _shown_box(raw, page, text, i, width, height)
                for i in range(span.start, min(span.end, count))
                if not raw.FPDFText_IsGenerated(text.raw, i) and not chars[i].isspace()
            ]
            for left, top, right, bottom in _lines([b for b in boxes if b is not None]):
                x, y = max(0.0, left - pad), max(0.0, top - pad)
                w, h = min(width, right + pad) - x, min(height, bottom + pad) - y
                if w > 0 and h > 0:
                    region = RedactionRegion(x=round(x, 2), y=round(y, 2), w=round(w, 2), h=round(h, 2), page=number)
                    out.append(Suggestion(region, span.kind, chars[span.start : span.end]))
        return out
    finally:
        text.close()
        page.close()


def _page_chars(raw: Any, text: Any, count: int) -> str:
    """The page's characters, one per pdfium character index, as :func:`_char` reads each.

    The whole page in one call (FPDFText_GetText) where it gives one UTF-16 unit per
    character; the few it writes otherwise (controls, a soft hyphen's marker, surrogates)
    are read one by one; a page where the counts differ (characters beyond the BMP) is read
    one character at a time.
    """
    if count <= 0:
        return ""
    buffer = (ctypes.c_ushort * (count + 1))()
    written = raw.FPDFText_GetText(text.raw, 0, count, buffer)
    if written == count + 1:
        whole = bytes(buffer)[: 2 * count].decode("utf-16-le", "surrogatepass")
        if len(whole) == count:
            odd = [m.start() for m in _ODD_UNITS.finditer(whole)]
            if not odd:
                return whole
            chars = list(whole)
            for i in odd:
                chars[i] = _char(raw.FPDFText_GetUnicode(text.raw, i))
            return "".join(chars)
    return "".join(_char(raw.FPDFText_GetUnicode(text.raw, i)) for i in range(count))


_ODD_UNITS = re.compile("[\\x00-\\x1f\\x7f-\\x9f\\ud800-\\udfff\\ufff0-\\uffff]")


def _char(code: int) -> str:
    return chr(code) if 0 < code < 0x110000 else "\ufffd"


_Box = tuple[float, float, float, float]  # left, top, right, bottom: points from the shown page's top-left


def _shown_box(raw: Any, page: Any, text: Any, index: int, width: float, height: float) -> _Box | None:
    """Character ``index``'s loose box (font ascent to descent) on the page as shown."""
    left, bottom, right, top = text.get_charbox(index, loose=True)
    if right <= left or top <= bottom:
        return None
    # pdfium's own page-to-screen mapping (rotation and crop box), at 1/100 point.
    k = 100
    xs, ys = [], []
    for px, py in ((left, bottom), (left, top), (right, bottom), (right, top)):
        dx, dy = ctypes.c_int(), ctypes.c_int()
        raw.FPDF_PageToDevice(page.raw, 0, 0, round(width * k), round(height * k), 0, px, py, dx, dy)
        xs.append(dx.value / k)
        ys.append(dy.value / k)
    return min(xs), min(ys), max(xs), max(ys)


def _lines(boxes: list[_Box]) -> list[_Box]:
    """Character boxes joined into one box per line (a span may wrap onto the next line).

    A line runs across (overlapping heights) or, on a page turned by a quarter, down
    (overlapping widths); the next character joins it when it is no more than two
    characters away along it.
    """
    lines: list[list[float]] = []
    for left, top, right, bottom in boxes:
        if lines:
            line = lines[-1]
            width, height = right - left, bottom - top
            across = min(bottom, line[3]) - max(top, line[1]) > 0.5 * min(height, line[3] - line[1])
            down = min(right, line[2]) - max(left, line[0]) > 0.5 * min(width, line[2] - line[0])
            gap_x = max(left - line[2], line[0] - right)
            gap_y = max(top - line[3], line[1] - bottom)
            if (across and gap_x < 2 * height) or (down and gap_y < 2 * width):
                line[:] = [min(left, line[0]), min(top, line[1]), max(right, line[2]), max(bottom, line[3])]
                continue
        lines.append([left, top, right, bottom])
    return [(a, b, c, d) for a, b, c, d in lines]


# --------------------------------------------------------------------------- suggestions from OCR


def suggest_ocr_boxes(
    lines: Iterable[TextBox],
    width: float,
    height: float,
    page: int | None = None,
    *,
    finder: Finder = find_personal,
) -> list[Suggestion]:
    """Boxes over the personal data in lines of text OCR found, in the lines' own coordinates (the upright
    picture's pixels, or a page's points as shown), within ``width`` × ``height``; ``page`` for a PDF page.

    A line holds no positions of its characters, so a span is placed in proportion: a full-width
    character (Chinese) counts one, a half-width one (digits, Latin) a little over half. The box
    is then widened by half a character each way; a line taller than wide (turned text), or a
    span of most of the line, gives the whole line.
    """
    out: list[Suggestion] = []
    for line in lines:
        text = line.text
        line_w, line_h = line.right - line.left, line.bottom - line.top
        if not text or line_w <= 0 or line_h <= 0:
            continue
        for span in finder(text):
            weights = [_char_weight(c) for c in text]
            total = sum(weights)
            before, inside = sum(weights[: span.start]), sum(weights[span.start : span.end])
            if line_h > line_w or inside > 0.8 * total:
                left, right = line.left, line.right
            else:
                per = line_w / total
                slack = min(0.5 * line_h, per)  # about half a character of a Chinese line
                left = max(line.left, line.left + before * per - slack)
                right = min(line.right, line.left + (before + inside) * per + slack)
            x, y = max(0.0, left), max(0.0, line.top)
            w, h = min(width, right) - x, min(height, line.bottom) - y
            if w > 0 and h > 0:
                region = RedactionRegion(x=round(x, 2), y=round(y, 2), w=round(w, 2), h=round(h, 2), page=page)
                out.append(Suggestion(region, span.kind, text[span.start : span.end]))
    return out


def _char_weight(char: str) -> float:
    return 1.0 if unicodedata.east_asian_width(char) in ("W", "F") else 0.55
