"""Thumbnails of evidence, cached outside the case folder and keyed by the file's SHA-256.

A thumbnail depends only on the bytes, so the SHA-256 names it: the cache never goes stale,
and a case folder is never written to. Photos (HEIC too), videos (from their poster frame)
and PDFs (their first page) get one. Decoding is bounded: JPEGs are decoded at a reduced
scale, Pillow's decompression-bomb limit refuses absurd images, a PDF page is rendered at
about the thumbnail's size, and a bad file gives no thumbnail rather than an error.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs

from casefile.core.model import Exhibit
from casefile.core.progress import NEVER_CANCELLED, CancelToken, Progress
from casefile.core.settings import APP_NAME

if TYPE_CHECKING:
    from PIL import Image

log = logging.getLogger(__name__)

SIZE = 256
IMAGE_MIMES = {"image/jpeg", "image/png", "image/gif", "image/bmp", "image/tiff", "image/webp"}
HEIF_MIMES = {"image/heic", "image/heif", "image/avif"}
PDF_MIME = "application/pdf"
# Flags (casefile.core.sniff) that mean there is nothing to draw: no need to try.
_HOPELESS_FLAGS = {"broken", "empty", "encrypted"}


def cache_dir() -> Path:
    override = os.environ.get("CASEFILE_CACHE_DIR")
    return Path(override) if override else Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "thumbnails"


def thumbnail_path(sha256: str, size: int = SIZE) -> Path:
    return cache_dir() / sha256[:2] / f"{sha256}-{size}.png"


def thumbnailable(mime: str) -> bool:
    """Whether files of this MIME type can have a thumbnail."""
    return mime in IMAGE_MIMES or mime in HEIF_MIMES or mime == PDF_MIME or mime.startswith("video/")


def can_thumbnail(exhibit: Exhibit) -> bool:
    return thumbnailable(exhibit.mime) and exhibit.size > 0 and not _HOPELESS_FLAGS & set(exhibit.flags)


def make_thumbnail(source: Path, sha256: str, size: int = SIZE, mime: str = "") -> Path | None:
    """The cached thumbnail of ``source`` (made if missing); None when it cannot be drawn.

    ``mime`` (the exhibit's) chooses the decoder; without it the file's first bytes do.
    """
    target = thumbnail_path(sha256, size)
    if target.exists():
        return target
    try:
        if not mime:
            from casefile.core.sniff import mime_from_content

            with source.open("rb") as f:
                mime = mime_from_content(f.read(4096))
        if mime.startswith("video/"):
            image = _video_thumbnail(source, sha256, size)
        elif mime == PDF_MIME:
            image = _pdf_thumbnail(source, size)
        else:
            image = _image_thumbnail(source, size, heif=mime in HEIF_MIMES)
        if image is None:
            return None
        save_atomically(image, target, "PNG")
    except Exception as exc:  # noqa: BLE001 - any decoder failure: no thumbnail, never a crash
        log.info("no thumbnail for %s: %s", source.name, exc)
        return None
    return target


def _image_thumbnail(source: Path, size: int, heif: bool = False) -> Image.Image:
    from PIL import Image, ImageOps

    if heif:
        register_heif()
    with Image.open(source) as img:
        if img.format == "JPEG":
            img.draft("RGB", (size * 2, size * 2))  # decode at 1/2, 1/4 or 1/8 scale: fast, small
        upright = ImageOps.exif_transpose(img)
        upright.thumbnail((size, size))
        if upright.mode not in ("RGB", "RGBA", "L"):
            upright = upright.convert("RGBA")
        return upright


def _video_thumbnail(source: Path, sha256: str, size: int) -> Image.Image | None:
    from PIL import Image

    from casefile.core.media import poster_frame

    poster = poster_frame(source, sha256)
    if poster is None:
        return None
    with Image.open(poster) as img:
        img.draft("RGB", (size * 2, size * 2))
        img.thumbnail((size, size))
        return img.convert("RGB")


def _pdf_thumbnail(source: Path, size: int) -> Image.Image | None:
    """The first page, rendered at about twice the thumbnail's size; None when a password is needed."""
    import pypdfium2 as pdfium

    with _pdfium_lock:  # pdfium is not thread-safe
        try:
            pdf = pdfium.PdfDocument(source)
        except pdfium.PdfiumError as exc:
            log.info("no thumbnail for %s: %s", source.name, exc)  # a password, or not a PDF pdfium reads
            return None
        try:
            if len(pdf) == 0:
                return None
            page = pdf[0]
            try:
                width, height = page.get_size()
                if not (width > 0 and height > 0):
                    return None
                bitmap = page.render(scale=min(2 * size / max(width, height), 4.0), may_draw_forms=False)
                image: Image.Image = bitmap.to_pil()
            finally:
                page.close()
        finally:
            pdf.close()
    image.thumbnail((size, size))
    return image if image.mode in ("RGB", "RGBA", "L") else image.convert("RGB")


_pdfium_lock = threading.Lock()
_heif_lock = threading.Lock()
_heif_registered = False


def register_heif() -> None:
    """Teach Pillow to open HEIC/HEIF photos (once, on first need: the plugin is large)."""
    global _heif_registered
    with _heif_lock:
        if not _heif_registered:
            import pillow_heif

            pillow_heif.register_heif_opener()
            _heif_registered = True


def save_atomically(image: Image.Image, target: Path, fmt: str, **params: Any) -> None:
    """Write an image to ``target`` through a temporary file: readers never see half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        image.save(tmp, fmt, **params)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def make_thumbnails(
    folder: Path, exhibits: list[Exhibit], *, cancel: CancelToken = NEVER_CANCELLED
) -> Iterator[Progress]:
    """Make the missing thumbnails; each Progress message is the exhibit number just done."""
    todo = [e for e in exhibits if can_thumbnail(e) and not thumbnail_path(e.sha256).exists()]
    for i, exhibit in enumerate(todo, start=1):
        cancel.check()
        make_thumbnail(folder / exhibit.stored_path, exhibit.sha256, mime=exhibit.mime)
        yield Progress(i, len(todo), str(exhibit.number))
