"""Text derived from evidence files, kept beside the library and keyed by the file's SHA-256.

Reading the text of a file is often slow (OCR takes seconds an image; a PDF's text layer
tens of milliseconds a page), and several parts of CaseFile want it: search, the
redaction editor's suggested boxes, the personal-data screening of a packet. Whatever
reads a file's text once stores it here, with the producer (what kind of reading) and the
engine that did it (name and version), so a newer engine can be told from an older one.

This is derived data, never evidence: it lives in ``LIBRARY/.derived/text/``, can be
deleted at any time, and is not part of a case folder or its manifest. A record that
cannot be read, or that names another file, is treated as absent.

Layout::

    .derived/text/ab/abcdef…(64 hex).PRODUCER.json
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from casefile.core.fsutil import make_private_dir, write_derived_json

log = logging.getLogger(__name__)

#: The folder under a library's root.
DERIVED_DIR = Path(".derived") / "text"
FORMAT = 1

_HEX = re.compile(r"[0-9a-f]{64}")
_PRODUCER = re.compile(r"[a-z][a-z0-9-]{0,31}")


@dataclass(frozen=True)
class TextBox:
    """A line or word of text found on a page, where it is.

    Coordinates are in the page's own units with the origin at the top left: pixels of the
    image as stored (before any EXIF rotation) for pictures, PDF points for PDF pages.
    """

    left: float
    top: float
    right: float
    bottom: float
    text: str
    score: float = 1.0


@dataclass(frozen=True)
class PageText:
    """The text of one page (1-based; a picture or a plain text file is page 1)."""

    page: int
    text: str
    boxes: tuple[TextBox, ...] = ()
    width: float = 0.0
    height: float = 0.0


@dataclass(frozen=True)
class DerivedText:
    """What one producer read from one file."""

    sha256: str
    producer: str
    engine: str
    pages: tuple[PageText, ...]
    made_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))

    @property
    def text(self) -> str:
        """All pages' text, pages separated by a form feed."""
        return "\f".join(p.text for p in self.pages)


def _check(sha256: str, producer: str) -> None:
    if not _HEX.fullmatch(sha256):
        raise ValueError(f"not a SHA-256 in lower-case hex: {sha256!r}")
    if not _PRODUCER.fullmatch(producer):
        raise ValueError(f"not a producer name: {producer!r}")


def _to_json(item: DerivedText) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "sha256": item.sha256,
        "producer": item.producer,
        "engine": item.engine,
        "made_at": item.made_at,
        "pages": [
            {
                "page": p.page,
                "text": p.text,
                "width": p.width,
                "height": p.height,
                "boxes": [[b.left, b.top, b.right, b.bottom, b.text, b.score] for b in p.boxes],
            }
            for p in item.pages
        ],
    }


def _from_json(data: Any) -> DerivedText:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError("not a derived-text record of a known format")
    pages = tuple(
        PageText(
            page=int(p["page"]),
            text=str(p["text"]),
            width=float(p.get("width", 0.0)),
            height=float(p.get("height", 0.0)),
            boxes=tuple(
                TextBox(float(b[0]), float(b[1]), float(b[2]), float(b[3]), str(b[4]), float(b[5]))
                for b in p.get("boxes", ())
            ),
        )
        for p in data["pages"]
    )
    return DerivedText(
        sha256=str(data["sha256"]),
        producer=str(data["producer"]),
        engine=str(data["engine"]),
        pages=pages,
        made_at=str(data.get("made_at", "")),
    )


class TextStore:
    """The derived texts of one library (``TextStore(library.root)``)."""

    def __init__(self, library_root: Path) -> None:
        self.root = Path(library_root) / DERIVED_DIR

    def path(self, sha256: str, producer: str) -> Path:
        _check(sha256, producer)
        return self.root / sha256[:2] / f"{sha256}.{producer}.json"

    def get(self, sha256: str, producer: str) -> DerivedText | None:
        """The stored text, or None when there is none (or it cannot be read)."""
        path = self.path(sha256, producer)
        try:
            with open(path, encoding="utf-8") as handle:
                item = _from_json(json.load(handle))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, IndexError, RecursionError) as exc:
            log.warning("derived text %s is unreadable and is ignored: %s", path, exc)
            return None
        if item.sha256 != sha256 or item.producer != producer:
            log.warning("derived text %s names another file and is ignored", path)
            return None
        return item

    def put(self, item: DerivedText) -> Path:
        """Store (or replace) what a producer read from a file; atomic, private to the user."""
        path = self.path(item.sha256, item.producer)
        make_private_dir(self.root.parent, parents=True)
        make_private_dir(self.root)
        make_private_dir(path.parent)
        write_derived_json(path, _to_json(item))
        return path

    def producers(self, sha256: str) -> list[str]:
        """The producers that have stored a text for this file, sorted."""
        _check(sha256, "x")
        folder = self.root / sha256[:2]
        try:
            names = os.listdir(folder)
        except FileNotFoundError:
            return []
        prefix = sha256 + "."
        return sorted(n[len(prefix) : -len(".json")] for n in names if n.startswith(prefix) and n.endswith(".json"))

    def all(self) -> Iterator[DerivedText]:
        """Every readable record (for rebuilding the search tables)."""
        try:
            folders = sorted(os.listdir(self.root))
        except FileNotFoundError:
            return
        for folder in folders:
            try:
                names = sorted(os.listdir(self.root / folder))
            except (NotADirectoryError, FileNotFoundError):
                continue
            for name in names:
                parts = name.split(".")
                if len(parts) != 3 or parts[2] != "json" or not _HEX.fullmatch(parts[0]):
                    continue
                if not _PRODUCER.fullmatch(parts[1]):
                    continue
                item = self.get(parts[0], parts[1])
                if item is not None:
                    yield item
