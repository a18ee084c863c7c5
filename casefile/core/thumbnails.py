"""Thumbnails of evidence, cached outside the case folder and keyed by the file's SHA-256.

A thumbnail depends only on the bytes, so the SHA-256 names it: the cache never goes stale,
and a case folder is never written to. Decoding is bounded: JPEGs are decoded at a reduced
scale, and Pillow's decompression-bomb limit refuses absurd images.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

import platformdirs

from casefile.core.model import Exhibit
from casefile.core.progress import NEVER_CANCELLED, CancelToken, Progress
from casefile.core.settings import APP_NAME

log = logging.getLogger(__name__)

SIZE = 256
IMAGE_MIMES = {"image/jpeg", "image/png", "image/gif", "image/bmp", "image/tiff", "image/webp"}


def cache_dir() -> Path:
    override = os.environ.get("CASEFILE_CACHE_DIR")
    return Path(override) if override else Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "thumbnails"


def thumbnail_path(sha256: str, size: int = SIZE) -> Path:
    return cache_dir() / sha256[:2] / f"{sha256}-{size}.png"


def can_thumbnail(exhibit: Exhibit) -> bool:
    return exhibit.mime in IMAGE_MIMES and exhibit.size > 0 and "broken" not in exhibit.flags


def make_thumbnail(source: Path, sha256: str, size: int = SIZE) -> Path | None:
    """The cached thumbnail of ``source`` (made if missing); None when the image cannot be read."""
    target = thumbnail_path(sha256, size)
    if target.exists():
        return target
    from PIL import Image, ImageOps

    try:
        with Image.open(source) as img:
            if img.format == "JPEG":
                img.draft("RGB", (size * 2, size * 2))  # decode at 1/2, 1/4 or 1/8 scale: fast, small
            upright = ImageOps.exif_transpose(img)
            upright.thumbnail((size, size))
            if upright.mode not in ("RGB", "RGBA", "L"):
                upright = upright.convert("RGBA")
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{target.name}.{os.getpid()}")
            upright.save(tmp, "PNG")
            os.replace(tmp, target)
    except Exception as exc:  # noqa: BLE001 - any decoder failure: no thumbnail, never a crash
        log.info("no thumbnail for %s: %s", source.name, exc)
        return None
    return target


def make_thumbnails(
    folder: Path, exhibits: list[Exhibit], *, cancel: CancelToken = NEVER_CANCELLED
) -> Iterator[Progress]:
    """Make the missing thumbnails; each Progress message is the exhibit number just done."""
    todo = [e for e in exhibits if can_thumbnail(e) and not thumbnail_path(e.sha256).exists()]
    for i, exhibit in enumerate(todo, start=1):
        cancel.check()
        make_thumbnail(folder / exhibit.stored_path, exhibit.sha256)
        yield Progress(i, len(todo), str(exhibit.number))
