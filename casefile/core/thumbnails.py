"""Thumbnails of evidence, cached outside the case folder and keyed by the file's SHA-256.

A thumbnail depends only on the bytes, so the SHA-256 names it: the cache never goes stale,
and a case folder is never written to. Photos (HEIC too), videos (from their poster frame)
and PDFs (their first page) get one. Decoding is bounded: JPEGs are decoded at a reduced
scale, Pillow's decompression-bomb limit refuses absurd images, a PDF page is rendered at
about the thumbnail's size, and a bad file gives no thumbnail rather than an error.

The cache shows what the evidence shows (ID cards, faces), so it is private (folders 0700,
files 0600) and it does not outlive the evidence: withdrawing an exhibit forgets its
entries (:func:`forget`), and rebuilding a library's index drops every entry whose hash is
no longer evidence there (:func:`purge`). Every entry is named ``<sha256>-…`` under
``<sha256[:2]>/``, so both are a few file-name checks; an entry dropped too eagerly (the
same bytes are evidence in another library, too) is simply made again when it is next
shown, because a cache entry is derived from the evidence alone.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import threading
import time
from collections.abc import Iterator, Set
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs

from casefile.core.fsutil import make_private_dir, open_private
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
    """Whether a thumbnail of this exhibit can and may be made (never for a withdrawn one)."""
    return (
        not exhibit.withdrawn
        and thumbnailable(exhibit.mime)
        and exhibit.size > 0
        and not _HOPELESS_FLAGS & set(exhibit.flags)
    )


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

    with PDFIUM_LOCK:  # pdfium is not thread-safe
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


PDFIUM_LOCK = threading.Lock()  # every use of pdfium in the process holds it
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
    """Write an image to ``target`` (0600, in 0700 folders) through a temporary file: readers never see half."""
    _make_cache_dirs(target.parent)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        with os.fdopen(open_private(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), "wb") as fh:
            image.save(fh, fmt, **params)
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


def _make_cache_dirs(folder: Path) -> None:
    """The cache folder and the one below it for a hash prefix, each 0700 (parents as the system makes them)."""
    root = cache_dir()
    if not root.is_dir() or (os.name != "nt" and os.stat(root).st_mode & 0o077):
        make_private_dir(root, parents=True)
    if folder != root and (not folder.is_dir() or (os.name != "nt" and os.stat(folder).st_mode & 0o077)):
        make_private_dir(folder, parents=True)


_ENTRY = re.compile(r"^(\.?)([0-9a-f]{64})-")
_STALE_TEMP = 3600.0  # seconds: a temporary file this old was left by a crash, not being written


def forget(sha256: str) -> int:
    """Remove every cached picture of these bytes (thumbnails, poster, contact sheets); return how many."""
    folder = cache_dir() / sha256[:2]
    removed = 0
    with contextlib.suppress(OSError):
        for path in [*folder.glob(f"{sha256}-*"), *folder.glob(f".{sha256}-*")]:
            with contextlib.suppress(OSError):
                path.unlink()
                removed += 1
    return removed


def purge(keep: Set[str]) -> int:
    """Remove every cached picture whose file's SHA-256 is not in ``keep``; return how many."""
    root = cache_dir()
    removed = 0
    now = time.time()
    try:
        prefixes = [p for p in root.iterdir() if len(p.name) == 2 and p.is_dir()]
    except OSError:
        return 0
    for folder in prefixes:
        with contextlib.suppress(OSError):
            for path in folder.iterdir():
                match = _ENTRY.match(path.name)
                if not match or match.group(2) in keep:
                    continue
                with contextlib.suppress(OSError):
                    if match.group(1) and now - path.stat().st_mtime < _STALE_TEMP:
                        continue  # a temporary file that may be being written now
                    path.unlink()
                    removed += 1
    if removed:
        log.info("removed %d cached thumbnails of files that are no longer evidence", removed)
    return removed
