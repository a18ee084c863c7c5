"""One-page PDFs showing a photo: JPEG bytes embedded as they are, turned upright by the page.

A clean JPEG's bytes go into the PDF unchanged (``/DCTDecode``), so the image stream inside
the bundle hashes to the evidence file's SHA-256 — or, for destinations that must not see
photo metadata, to that of its copy without it (:mod:`casefile.core.disclosure.photos`),
whose image data is the original's. EXIF orientation, read from the original, is applied
by the page's transformation matrix, never by re-encoding. Other formats are decoded and
printed losslessly, except HEIC/HEIF, which PDF cannot hold, and damaged JPEGs: those pages
carry a JPEG made from the decoded picture, under a note saying so. Decoded pictures carry
none of the file's metadata. A picture far finer than print needs (a 13000 × 13000 scan) is
printed from a reduced decode, also with a note.

Pictures are fitted into the exhibit area of the page (20 mm clear of the binding edge on
the left, room for the caption above and the stamp below), but never printed larger than
twice their natural size: their resolution if the file gives a usable one, else 150 dpi
(screenshots, most phone pictures). A small picture therefore stays small and sharp rather
than blown up to the page width, and its page says so (:data:`SMALL_NOTE`).
"""

from __future__ import annotations

import io
import math
import struct
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from PIL import Image

from casefile.core.bundle.pdfkit import PAGE, picture_box

NATURAL_DPI = 150.0  # the natural size of a picture that gives no usable resolution
MAX_ENLARGEMENT = 2.0  # a picture is never printed larger than twice its natural size
SMALL_NOTE = "原图尺寸较小，按原始像素输出"
NOTE_SIZE, NOTE_LEADING = 8.5, 12.0  # notes on a picture's page
SMALL_NOTE_ROOM = NOTE_SIZE + 8.0  # the small-picture note's line at the top of the exhibit area


def content_box(page: tuple[float, float] = PAGE) -> tuple[float, float, float, float]:
    """(x, y, width, height) of the area exhibit content may use on an A4 page."""
    return picture_box(page)


def usable_dpi(info: Mapping[Any, Any]) -> float | None:
    """The resolution a picture's file states (JFIF, EXIF or PNG pHYs, as Pillow reads it), if usable.

    72 dpi and less is what cameras, phones and screenshots write when they know nothing
    better; a value beyond 1200 dpi is no photograph's or screen's.
    """
    dpi = info.get("dpi")
    try:
        value = float(dpi[0]) if isinstance(dpi, tuple | list) and dpi else 0.0
    except (TypeError, ValueError):
        return None
    return value if 72 < value <= 1200 else None


@dataclass(frozen=True)
class Placement:
    """Where a picture goes on its page (points), and whether it is printed small."""

    x: float
    y: float
    width: float
    height: float
    small: bool  # held to its natural size (at most twice it) rather than filling the area

    def note(self, pixels: tuple[int, int]) -> str:
        """The line saying so, with the picture's size in pixels; "" when it fills the area."""
        if not self.small:
            return ""
        return f"{SMALL_NOTE}（{pixels[0]} × {pixels[1]} 像素）。"


def place(
    width: int, height: int, orientation: int = 1, dpi: float | None = None, box: tuple[float, ...] | None = None
) -> Placement:
    """The placement of a picture of ``width`` × ``height`` pixels (as stored; ``orientation``
    turns it upright) in ``box`` (the exhibit area), centred, proportions kept."""
    if orientation in (5, 6, 7, 8):
        width, height = height, width
    bx, by, bw, bh = box if box is not None else content_box()
    largest = MAX_ENLARGEMENT * 72.0 / (dpi or NATURAL_DPI)  # points per pixel
    small = largest < min(bw / width, bh / height)
    if small:
        bh -= SMALL_NOTE_ROOM  # the note goes at the top of the area
    scale = min(bw / width, bh / height, largest)
    w, h = width * scale, height * scale
    return Placement(bx + (bw - w) / 2, by + (bh - h) / 2, w, h, small)


def _matrix(orientation: int, x: float, y: float, w: float, h: float) -> tuple[float, ...]:
    """Map the image's unit square onto the box (x, y, w, h) as EXIF orientation says."""
    return {
        1: (w, 0, 0, h, x, y),
        2: (-w, 0, 0, h, x + w, y),
        3: (-w, 0, 0, -h, x + w, y + h),
        4: (w, 0, 0, -h, x, y + h),
        5: (0, -h, -w, 0, x + w, y + h),
        6: (0, -h, w, 0, x, y + h),
        7: (0, h, w, 0, x, y),
        8: (0, h, -w, 0, x + w, y),
    }.get(orientation, (w, 0, 0, h, x, y))


PLACEHOLDER_KEY = "/CaseFileJPEG"
PRINT_DPI = 300  # plenty for a printed page; images far above it are printed from a reduced decode
# The most decoded pixel memory one image may take (Pillow keeps RGB as 4 bytes a pixel).
# A bigger JPEG is decoded reduced (libjpeg scales as it decodes); any other format gets a notice.
DECODE_BUDGET = 288 << 20
STRIP_BYTES = 8 << 20  # rows converted and reduced at a time


class ImageTooLarge(Exception):
    """Decoding the image whole would take more memory than a bundle may use."""


def placeholder_bytes(token: str) -> bytes:
    return f"CASEFILE-JPEG-{token}".encode("ascii")


def orientation_of(img: Image.Image) -> int:
    if img.format == "PNG" and "exif" not in img.info and _decoded_bytes(img.mode, img.size) > DECODE_BUDGET:
        return 1  # Pillow would decode the whole picture to look for an eXIf chunk after its data
    try:
        return int(img.getexif().get(0x0112, 1) or 1)
    except Exception:  # noqa: BLE001 - a broken EXIF block: show the picture as stored
        return 1


@dataclass(frozen=True)
class JpegHeader:
    """What a page needs to know of a JPEG whose bytes it will carry as they are."""

    width: int
    height: int
    mode: str  # L, RGB or CMYK
    orientation: int
    adobe: bool  # an Adobe APP14 segment: CMYK stored inverted
    dpi: float | None = None  # the resolution the file states, if usable

    @classmethod
    def of(cls, img: Image.Image) -> JpegHeader:
        return cls(img.width, img.height, img.mode, orientation_of(img), "adobe" in img.info, usable_dpi(img.info))

    def placement(self) -> Placement:
        return place(self.width, self.height, self.orientation, self.dpi)


def write_jpeg_page(img: JpegHeader, target: Path, placeholder: str) -> None:
    """A one-page PDF for a clean JPEG whose bytes are streamed in later in place of ``placeholder``.

    The image stream holds a short marker naming the token, and
    :mod:`casefile.core.bundle.fill` streams the evidence file's bytes (or those of its copy
    without metadata) into the finished bundle in its place, checking their hash on the way.
    ``img`` is the original's header: its orientation turns the page's picture upright.
    """
    orientation = img.orientation
    colorspace = {"L": "/DeviceGray", "RGB": "/DeviceRGB", "CMYK": "/DeviceCMYK"}[img.mode]
    decode = " /Decode [1 0 1 0 1 0 1 0]" if img.mode == "CMYK" and img.adobe else ""
    at = img.placement()
    matrix = " ".join(f"{v:.4f}" for v in _matrix(orientation, at.x, at.y, at.width, at.height))
    marker = placeholder_bytes(placeholder)
    image_dict = (
        f"<< /Type /XObject /Subtype /Image /Width {img.width} /Height {img.height} "
        f"/ColorSpace {colorspace} /BitsPerComponent 8 /Filter /DCTDecode{decode} /Length {len(marker)}"
        f" {PLACEHOLDER_KEY} ({placeholder}) >>"
    )
    with open(target, "wb") as out:
        _write_pdf(out, image_dict, lambda o: o.write(marker), matrix)


def _decoded_bytes(mode: str, size: tuple[int, int]) -> int:
    per_pixel = {"1": 1, "L": 1, "P": 1, "I;16": 2, "I;16B": 2, "I;16L": 2}.get(mode, 4)
    return size[0] * size[1] * per_pixel


def _print_size(width: int, height: int, orientation: int) -> tuple[int, int]:
    """Pixels (as stored, before turning upright) that print the image at PRINT_DPI in the content box."""
    upright_w, upright_h = (height, width) if orientation in (5, 6, 7, 8) else (width, height)
    _bx, _by, bw, bh = content_box()
    scale = min(bw / upright_w, bh / upright_h)  # points per pixel at the largest
    ppi = PRINT_DPI / 72
    tw, th = max(1, math.ceil(upright_w * scale * ppi)), max(1, math.ceil(upright_h * scale * ppi))
    return (th, tw) if orientation in (5, 6, 7, 8) else (tw, th)


def printable(img: Image.Image) -> tuple[Image.Image, str]:
    """The picture of an opened image, upright, in L or RGB, at most about PRINT_DPI when printed.

    Returns the picture and, when it was reduced, a note saying so. Memory stays bounded:
    a JPEG is decoded reduced by libjpeg itself (``draft``); other formats are decoded
    whole within DECODE_BUDGET, then converted and reduced a strip of rows at a time; a
    bigger PNG is decoded a strip of rows at a time (:func:`_png_in_strips`); anything
    else that big raises :class:`ImageTooLarge`.
    """
    orientation = orientation_of(img)
    original = img.size
    target = _print_size(img.width, img.height, orientation)
    factor = math.ceil(max(img.width / target[0], img.height / target[1]))
    if img.format == "JPEG":
        img.draft(img.mode, target)  # libjpeg decodes at 1/2, 1/4 or 1/8 when that still covers target
        factor = math.ceil(max(img.width / target[0], img.height / target[1]))
    if _decoded_bytes(img.mode, img.size) <= DECODE_BUDGET:
        img.load()
        picture = _reduce(img, factor if factor >= 3 else 1)  # up to twice PRINT_DPI is kept as it is
    elif img.format == "PNG" and isinstance(filename := getattr(img, "filename", None), str) and filename:
        picture = _png_in_strips(Path(filename), max(factor, 1))
    else:
        raise ImageTooLarge(f"{img.width} × {img.height}")
    reduced = picture.size != original
    if orientation in _UPRIGHT:
        picture = picture.transpose(_UPRIGHT[orientation])
    note = ""
    if reduced:
        note = (
            f"原图 {original[0]} × {original[1]} 像素，此处按打印分辨率（约 {PRINT_DPI} dpi）缩小为 "
            f"{picture.width} × {picture.height} 像素后重新编码输出；原始文件未作改动。"
        )
    return picture, note


_UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def _flat(img: Image.Image) -> Image.Image:
    """L or RGB; transparency laid on white."""
    if img.mode in ("L", "RGB"):
        return img
    if img.mode == "1":
        return img.convert("L")
    if img.mode in ("I", "I;16", "I;16B", "I;16L", "F"):
        return img.convert("L")
    if img.mode == "CMYK" or img.mode == "YCbCr":
        return img.convert("RGB")
    rgba = img.convert("RGBA")
    background = Image.new("RGB", img.size, (255, 255, 255))
    background.paste(rgba, mask=rgba.getchannel("A"))
    return background


def _reduce(img: Image.Image, factor: int) -> Image.Image:
    """``img`` in L or RGB, reduced ``factor`` times (box filter), a strip of rows at a time."""
    if factor <= 1 and img.mode in ("L", "RGB"):
        return img
    if factor <= 1 and _decoded_bytes(img.mode, img.size) <= STRIP_BYTES:
        return _flat(img)
    mode = "L" if img.mode in ("1", "L", "I", "I;16", "I;16B", "I;16L", "F") else "RGB"
    factor = max(factor, 1)
    out = Image.new(mode, (math.ceil(img.width / factor), math.ceil(img.height / factor)), "white")
    rows = factor * max(1, STRIP_BYTES // (img.width * 4 * factor))
    for top in range(0, img.height, rows):
        strip = _flat(img.crop((0, top, img.width, min(img.height, top + rows))))
        if strip.mode != mode:
            strip = strip.convert(mode)
        out.paste(strip.reduce(factor) if factor > 1 else strip, (0, top // factor))
    return out


def _png_in_strips(path: Path, factor: int) -> Image.Image:
    """A PNG too big to decode whole, decoded and reduced ``factor`` times a strip of rows at a time.

    The image data is inflated as a stream; each strip's rows become a small PNG of their
    own (headed by the previous strip's last row, unfiltered, so the rows' filters still
    find the row above them) that Pillow decodes. Interlaced PNGs and 16-bit colour, which
    cannot be cut so, raise :class:`ImageTooLarge`. Data that ends early leaves the rest white.
    """
    from PIL import PngImagePlugin

    with open(path, "rb") as fh:
        if fh.read(8) != b"\x89PNG\r\n\x1a\n":
            raise ImageTooLarge("not a PNG")
        kept: list[bytes] = []
        header = b""
        while True:
            head = fh.read(8)
            if len(head) < 8:
                raise ImageTooLarge("no image data")
            length, kind = struct.unpack(">I4s", head)
            if kind == b"IDAT":
                break
            data = fh.read(length)
            fh.read(4)  # CRC
            if kind == b"IHDR":
                header = data
            elif kind in (b"PLTE", b"tRNS"):
                kept.append(_png_chunk(kind, data))
            elif kind == b"IEND" or len(data) < length:
                raise ImageTooLarge("no image data")
        width, height, depth, colour, _c, _f, interlace = struct.unpack(">IIBBBBB", header[:13])
        modes = getattr(PngImagePlugin, "_MODES", {})
        if interlace or (depth, colour) not in modes or (depth == 16 and colour != 0):
            raise ImageTooLarge(f"{width} × {height}")
        mode, rawmode = modes[(depth, colour)]
        channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[colour]
        row = 1 + math.ceil(width * channels * depth / 8)
        out_mode = "L" if mode in ("1", "L", "I;16") else "RGB"
        out = Image.new(out_mode, (math.ceil(width / factor), math.ceil(height / factor)), "white")
        rows = factor * max(1, STRIP_BYTES // (width * 4 * factor))
        pieces = _inflate_idat(fh, length)
        pending = bytearray()
        above = b""  # the previous strip's last row as raw bytes, unfiltered
        top = 0
        while top < height:
            for piece in pieces:
                pending += piece
                if len(pending) >= rows * row:
                    break
            count = min(rows, height - top, len(pending) // row)
            if count <= 0:
                break
            data = (b"\0" + above if above else b"") + bytes(pending[: count * row])
            del pending[: count * row]
            size = struct.pack(">IIBBBBB", width, count + (1 if above else 0), depth, colour, 0, 0, 0)
            mini = b"".join(
                [
                    b"\x89PNG\r\n\x1a\n",
                    _png_chunk(b"IHDR", size),
                    *kept,
                    _png_chunk(b"IDAT", zlib.compress(data, 1)),
                    _png_chunk(b"IEND", b""),
                ]
            )
            with Image.open(io.BytesIO(mini)) as decoded:
                decoded.load()
                strip = decoded.crop((0, 1, width, decoded.height)) if above else decoded.copy()
            above = strip.crop((0, strip.height - 1, width, strip.height)).tobytes("raw", rawmode)
            flat = _flat(strip)
            if flat.mode != out_mode:
                flat = flat.convert(out_mode)
            out.paste(flat.reduce(factor) if factor > 1 else flat, (0, top // factor))
            top += count
        return out


def _inflate_idat(fh: BinaryIO, length: int) -> Iterator[bytes]:
    """The inflated image data of a PNG whose first IDAT chunk (``length`` bytes) starts at ``fh``."""
    inflate = zlib.decompressobj()
    while True:
        left = length
        while left:
            data = fh.read(min(left, 1 << 20))
            if not data:
                return
            left -= len(data)
            while data:
                yield inflate.decompress(data, 1 << 20)
                data = inflate.unconsumed_tail
        fh.read(4)  # CRC
        head = fh.read(8)
        if len(head) < 8:
            return
        length, kind = struct.unpack(">I4s", head)
        if kind != b"IDAT":
            return


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def write_pixels_page(img: Image.Image, target: Path, dpi: float | None = None) -> Placement:
    """A one-page PDF of a decoded picture (L or RGB), losslessly compressed, nothing else on it.

    ``dpi``: the original's usable resolution (its natural size). Returns where it went.
    """
    colorspace = "/DeviceGray" if img.mode == "L" else "/DeviceRGB"
    data = zlib.compress(img.tobytes(), 6)
    at = place(img.width, img.height, 1, dpi)
    matrix = " ".join(f"{v:.4f}" for v in _matrix(1, at.x, at.y, at.width, at.height))
    image_dict = (
        f"<< /Type /XObject /Subtype /Image /Width {img.width} /Height {img.height} "
        f"/ColorSpace {colorspace} /BitsPerComponent 8 /Filter /FlateDecode /Length {len(data)} >>"
    )
    with open(target, "wb") as out:
        _write_pdf(out, image_dict, lambda o: o.write(data), matrix)
    return at


def write_labelled_page(
    img: Image.Image, target: Path, notes: list[str], *, as_jpeg: bool, dpi: float | None = None
) -> None:
    """A picture under notes saying what it is (re-encoded, reduced, damaged, small), on one A4 page.

    ``as_jpeg`` keeps photos small (JPEG, quality 92); screenshots and drawings stay lossless.
    ``dpi``: the original's usable resolution (its natural size).
    """
    from reportlab.lib.utils import ImageReader

    from casefile.core.bundle.pdfkit import BINDING, FONT, new_canvas, wrap_text

    bx, by, bw, bh = content_box()
    left = max(bx, BINDING)  # the notes are text: as far from the binding edge as any text
    width = bx + bw - left
    lines = [line for note in notes for line in wrap_text(note, NOTE_SIZE, width)]
    canvas = new_canvas(target)
    canvas.setFont(FONT, NOTE_SIZE)
    top = by + bh
    for k, line in enumerate(lines):
        canvas.drawString(left, top - NOTE_SIZE - k * NOTE_LEADING, line)
    used = len(lines) * NOTE_LEADING + 6 if lines else 0
    at = place(img.width, img.height, 1, dpi, (bx, by, bw, bh - used))
    x, y, w, h = at.x, at.y, at.width, at.height
    if as_jpeg:
        buffer = io.BytesIO()
        # Nothing of the original's metadata: Pillow would copy a JPEG's comment (COM) over.
        img.save(buffer, "JPEG", quality=92, comment=b"", exif=b"")
        buffer.seek(0)
        canvas.drawImage(ImageReader(buffer), x, y, w, h)
    else:
        canvas.drawImage(ImageReader(img), x, y, w, h)
    canvas.showPage()
    canvas.save()


def _write_pdf(out, image_dict: str, write_image, matrix: str) -> None:  # type: ignore[no-untyped-def]
    pw, ph = PAGE
    content = f"q {matrix} cm /Im0 Do Q".encode()
    offsets: list[int] = []

    def obj(body: bytes) -> None:
        offsets.append(out.tell())
        out.write(f"{len(offsets)} 0 obj\n".encode() + body + b"\nendobj\n")

    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    obj(b"<< /Type /Catalog /Pages 2 0 R >>")
    obj(b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
    obj(
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {pw:.2f} {ph:.2f}] "
        f"/Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>".encode()
    )
    obj(f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream")
    offsets.append(out.tell())
    out.write(f"5 0 obj\n{image_dict}\nstream\n".encode())
    write_image(out)
    out.write(b"\nendstream\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(offsets) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(offsets) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
