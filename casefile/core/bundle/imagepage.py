"""One-page PDFs showing a photo: JPEG bytes embedded as they are, turned upright by the page.

A JPEG's bytes go into the PDF unchanged (``/DCTDecode``), so the image stream inside the
bundle hashes to the evidence file's SHA-256. EXIF orientation is applied by the page's
transformation matrix, never by re-encoding. Other formats are decoded losslessly, except
HEIC/HEIF, which PDF cannot hold: those pages carry a JPEG made from the decoded photo.
"""

from __future__ import annotations

import io
import shutil
import zlib
from pathlib import Path

from PIL import Image, ImageOps

from casefile.core.bundle.pdfkit import PAGE
from casefile.core.thumbnails import register_heif

# Room left for the stamps at the top and bottom of every exhibit page (points).
TOP_BAND = 40.0
BOTTOM_BAND = 40.0
SIDE = 28.0


def content_box(page: tuple[float, float] = PAGE) -> tuple[float, float, float, float]:
    """(x, y, width, height) of the area exhibit content may use on an A4 page."""
    w, h = page
    return SIDE, BOTTOM_BAND, w - 2 * SIDE, h - TOP_BAND - BOTTOM_BAND


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


def _fit(width: int, height: int, orientation: int) -> tuple[float, float, float, float]:
    if orientation in (5, 6, 7, 8):
        width, height = height, width
    bx, by, bw, bh = content_box()
    scale = min(bw / width, bh / height)
    w, h = width * scale, height * scale
    return bx + (bw - w) / 2, by + (bh - h) / 2, w, h


PLACEHOLDER_KEY = "/CaseFileJPEG"


def placeholder_bytes(token: str) -> bytes:
    return f"CASEFILE-JPEG-{token}".encode("ascii")


def write_image_page(source: Path, target: Path, *, placeholder: str | None = None) -> bool:
    """Write a one-page A4 PDF showing the image ``source``; raises OSError/ValueError if unreadable.

    With ``placeholder``, a JPEG's bytes are not copied: the image stream holds a short
    marker naming the token, and :mod:`casefile.core.bundle.fill` streams the file's bytes
    into the finished bundle in their place. Returns True when a placeholder was written.
    """
    register_heif()
    with Image.open(source) as img:
        orientation = int(img.getexif().get(0x0112, 1) or 1)
        if img.format in ("HEIF", "AVIF"):
            # Phones' HEIC photos: printed from a JPEG made of the decoded, upright pixels (the
            # exhibit file itself stays as it is); PDF readers cannot show HEIC.
            img.load()
            _write_converted_jpeg(ImageOps.exif_transpose(img), target)
            return False
        if img.format == "JPEG" and img.mode in ("L", "RGB", "CMYK"):
            _write_jpeg(source, target, img, orientation, placeholder)
            return placeholder is not None
        img.load()
        upright = ImageOps.exif_transpose(img)
        _write_pixels(upright, target)
        return False


def _write_jpeg(source: Path, target: Path, img: Image.Image, orientation: int, placeholder: str | None) -> None:
    colorspace = {"L": "/DeviceGray", "RGB": "/DeviceRGB", "CMYK": "/DeviceCMYK"}[img.mode]
    decode = " /Decode [1 0 1 0 1 0 1 0]" if img.mode == "CMYK" and "adobe" in img.info else ""
    x, y, w, h = _fit(img.width, img.height, orientation)
    matrix = " ".join(f"{v:.4f}" for v in _matrix(orientation, x, y, w, h))
    marker = placeholder_bytes(placeholder) if placeholder else b""
    length = len(marker) if placeholder else source.stat().st_size
    extra = f" {PLACEHOLDER_KEY} ({placeholder})" if placeholder else ""
    image_dict = (
        f"<< /Type /XObject /Subtype /Image /Width {img.width} /Height {img.height} "
        f"/ColorSpace {colorspace} /BitsPerComponent 8 /Filter /DCTDecode{decode} /Length {length}{extra} >>"
    )
    with open(target, "wb") as out:
        if placeholder:
            _write_pdf(out, image_dict, lambda o: o.write(marker), matrix)
        else:
            with open(source, "rb") as src:
                _write_pdf(out, image_dict, lambda o: shutil.copyfileobj(src, o, 1 << 20), matrix)


def _write_converted_jpeg(img: Image.Image, target: Path) -> None:
    buffer = io.BytesIO()
    img.convert("RGB").save(buffer, "JPEG", quality=92)
    data = buffer.getvalue()
    x, y, w, h = _fit(img.width, img.height, 1)
    matrix = " ".join(f"{v:.4f}" for v in _matrix(1, x, y, w, h))
    image_dict = (
        f"<< /Type /XObject /Subtype /Image /Width {img.width} /Height {img.height} "
        f"/ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length {len(data)} >>"
    )
    with open(target, "wb") as out:
        _write_pdf(out, image_dict, lambda o: o.write(data), matrix)


def _write_pixels(img: Image.Image, target: Path) -> None:
    if img.mode not in ("L", "RGB"):
        background = Image.new("RGB", img.size, (255, 255, 255))
        rgba = img.convert("RGBA")
        background.paste(rgba, mask=rgba.getchannel("A"))
        img = background
    colorspace = "/DeviceGray" if img.mode == "L" else "/DeviceRGB"
    data = zlib.compress(img.tobytes(), 6)
    x, y, w, h = _fit(img.width, img.height, 1)
    matrix = " ".join(f"{v:.4f}" for v in _matrix(1, x, y, w, h))
    image_dict = (
        f"<< /Type /XObject /Subtype /Image /Width {img.width} /Height {img.height} "
        f"/ColorSpace {colorspace} /BitsPerComponent 8 /Filter /FlateDecode /Length {len(data)} >>"
    )
    with open(target, "wb") as out:
        _write_pdf(out, image_dict, lambda o: o.write(data), matrix)


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
