"""What screening an evidence PDF found, kept beside the library and keyed by the file's SHA-256.

Before an evidence PDF's pages go into a packet they are screened on their sanitised copy
(:func:`casefile.core.disclosure.pdf.sanitise_pdf`): pdfium reads the pages that could hide
text for invisible or covered text (:func:`~casefile.core.disclosure.pdf.find_hidden_text`),
and reads the text of every page it can check, which the destination's masker searches for
personal data (:func:`casefile.core.disclosure.redact.suggest_boxes`). That reading is most of
the cost of a PDF in a packet, and it depends only on the file's bytes and on the code that
reads them: so it is done once per file (when the file is added, or at its first packet) and
kept here, as derived data next to :mod:`casefile.core.search.texts` (the derived-text
store), never as evidence:

- ``LIBRARY/.derived/screening/ab/abcdef…(64 hex).json``, written atomically, not synced;
  it can be deleted at any time, and is not part of a case folder or its manifest;
- a record names the file's SHA-256 and the screening engine (:func:`engine`: this module's
  :data:`SCREENING_VERSION`, CaseFile's version, pdfium's and qpdf's): a record that cannot be
  read, names another file or another engine, or does not fit the sanitised copy it is used
  with (its page count, the pages that can be checked) is treated as absent, and the file is
  screened again;
- what is kept is what the reading found: the pages with invisible text, with covered text,
  the pages pdfium could not check, and the text of each page it checked (up to
  :data:`MAX_TEXT` characters for the whole file; beyond that no text is kept and every
  packet reads the pages again). Which of that text a destination must not see is decided
  at every packet, by its own masker, from the kept text: only pages where it finds
  something are read again, for the boxes to burn out.

The bundle still reads each evidence file with its SHA-256 checked on the way: a record only
applies to the bytes it was made from.
"""

from __future__ import annotations

import functools
import json
import logging
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from casefile.core.disclosure.kept import KeptCopies, KeptFile
from casefile.core.disclosure.pdf import HiddenText, SanitisedPdf, find_hidden_text, sanitise_pdf
from casefile.core.fsutil import make_private_dir, write_derived_json
from casefile.core.progress import NEVER_CANCELLED, CancelToken

log = logging.getLogger(__name__)

#: The folder under a library's root.
SCREENING_DIR = Path(".derived") / "screening"
FORMAT = 1
#: Raise whenever what decides a screening changes: sanitising, the hidden-text check, how a
#: page's text is read. (CaseFile's, pdfium's and qpdf's versions are part of the engine too.)
SCREENING_VERSION = 1
#: Characters of page text kept for one file, at most (a hostile file's text is not held whole).
MAX_TEXT = 4_000_000

_HEX = re.compile(r"[0-9a-f]{64}")


@functools.cache
def engine() -> str:
    """What screened a file: this module's version, CaseFile's, pdfium's and qpdf's."""
    import pikepdf

    from casefile import __version__

    return (
        f"screening {SCREENING_VERSION}; casefile {__version__}; pypdfium2 {_pdfium_version()}; "
        f"pikepdf {pikepdf.__version__}; qpdf {pikepdf.__libqpdf_version__}"
    )


def _pdfium_version() -> str:
    """pypdfium2's version as its package metadata gives it, without importing either.

    A packet of screened files never reads a page with pdfium: neither pdfium nor
    :mod:`importlib.metadata` (with the e-mail parser it reads metadata with) is loaded
    for the version alone. The package's own ``version.json`` gives it: the release's
    numbers (and beta), as its metadata does; anything else it holds (a build of a commit
    after the release) is added, so that such a build names itself apart.
    """
    import importlib.util

    spec = importlib.util.find_spec("pypdfium2")
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    try:
        with open(Path(folders[0]) / "version.json", encoding="utf-8") as handle:
            data = json.load(handle)
        version = ".".join(str(int(data[k])) for k in ("major", "minor", "patch"))
        if data.get("beta") is not None:
            version += f"b{int(data['beta'])}"
        local = [str(data[k]) for k in ("n_commits", "hash") if data.get("n_commits")]
        local += ["dirty"] if data.get("dirty") else []
        return version + ("+" + ".".join(local) if local else "")
    except (IndexError, OSError, ValueError, KeyError, TypeError):  # a frozen app, another layout
        pass
    from importlib import metadata

    try:
        return metadata.version("pypdfium2")
    except metadata.PackageNotFoundError:  # a frozen app without the package's metadata
        import pypdfium2

        return str(pypdfium2.version.PYPDFIUM_INFO)


@dataclass(frozen=True)
class Screening:
    """What the screening of one file's sanitised copy found."""

    sha256: str
    engine: str
    pages: int  # the sanitised copy's pages
    hidden: HiddenText
    texts: dict[int, str] | None  # 1-based page -> its text as pdfium reads it; None: not kept

    def fits(self, sanitised: SanitisedPdf) -> bool:
        """Whether this record is about ``sanitised`` as it was just made (else screen again)."""
        if self.engine != engine() or self.pages != sanitised.pages:
            return False
        if self.texts is None:
            return True
        return set(self.texts) == set(checkable(sanitised, self.hidden))


def checkable(sanitised: SanitisedPdf, hidden: HiddenText) -> list[int]:
    """The 1-based pages whose text can be read within the budget (the others are reported)."""
    unchecked = set(sanitised.too_complex) | set(hidden.unchecked)
    return [n for n in range(1, sanitised.pages + 1) if n not in unchecked]


class TextKeeper:
    """A :func:`~casefile.core.disclosure.redact.suggest_boxes` finder that keeps each page's text.

    Wraps the masker's finder; ``texts()`` gives the pages read, in order, or None when they
    ran over :data:`MAX_TEXT` characters (then nothing more is held).
    """

    def __init__(self, finder: Any = None) -> None:
        self.finder = finder
        self.kept: list[str] | None = []
        self.size = 0

    def __call__(self, chars: str) -> Any:
        if self.kept is not None:
            self.size += len(chars)
            if self.size > MAX_TEXT:
                self.kept = None
            else:
                self.kept.append(chars)
        return self.finder(chars) if self.finder is not None else []

    def texts(self, pages: Iterable[int]) -> dict[int, str] | None:
        if self.kept is None:
            return None
        numbers = list(pages)
        if len(numbers) != len(self.kept):
            return None
        return dict(zip(numbers, self.kept, strict=True))


def screen(sha256: str, sanitised: SanitisedPdf, path: Path, *, cancel: CancelToken = NEVER_CANCELLED) -> Screening:
    """Screen ``path``, the sanitised copy ``sanitised`` describes, of the file ``sha256``."""
    from casefile.core.disclosure.redact import suggest_boxes

    hidden = find_hidden_text(path, sanitised.look_at, cancel=cancel)
    pages = checkable(sanitised, hidden)
    keeper = TextKeeper()
    if pages:
        suggest_boxes(path, pages, finder=keeper)
    return Screening(sha256, engine(), sanitised.pages, hidden, keeper.texts(pages))


def screen_file(
    store: ScreeningStore, sha256: str, path: Path, *, cancel: CancelToken = NEVER_CANCELLED
) -> Screening | None:
    """Screen a verified copy of an evidence PDF and keep the result (None: nothing to keep).

    The sanitised copy is made in a temporary folder beside ``path`` and removed. A file the
    packet would not print (encrypted, broken, with a hidden layer that cannot be left out,
    without pages) gives no record: its packet says so without reading any text.
    """
    return screen_and_keep(store, None, 0, sha256, path, cancel=cancel)[0]


def screen_and_keep(
    store: ScreeningStore,
    copies: KeptCopies | None,
    exhibit: int,
    sha256: str,
    path: Path,
    *,
    screen_it: bool = True,
    cancel: CancelToken = NEVER_CANCELLED,
) -> tuple[Screening | None, KeptFile | None]:
    """Sanitise a verified copy of exhibit ``exhibit``'s PDF; screen it (``screen_it``) and keep the
    screening in ``store``; keep the sanitised copy in ``copies`` (None: it is removed).

    Returns the screening (None when not screened) and the record of the kept copy for the case's
    custody log (None when not kept). A file the packet would not print (encrypted, broken, with a
    hidden layer that cannot be left out, without pages) gives neither: its packet says so. Failing
    to keep the copy (a full disk) only costs its packet the time to make it again.
    """
    kept: KeptFile | None = None
    result: Screening | None = None
    with tempfile.TemporaryDirectory(prefix=".cf-screen-", dir=path.parent) as folder:
        target = Path(folder) / "sanitised.pdf"
        sanitised = sanitise_pdf(path, target, cancel=cancel)
        if sanitised.unsafe or not sanitised.pages:
            return None, None
        if screen_it:
            result = screen(sha256, sanitised, target, cancel=cancel)
        if copies is not None and KeptFile.recordable(sanitised):
            try:
                kept = KeptFile.of(exhibit, sha256, copies.keep(sha256, target, cancel=cancel), sanitised)
            except OSError as exc:
                log.info("sanitised copy of %s not kept: %s", sha256[:12], exc)
    if result is not None:
        store.put(result)
    return result, kept


def _to_json(item: Screening) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "sha256": item.sha256,
        "engine": item.engine,
        "pages": item.pages,
        "invisible": list(item.hidden.invisible),
        "covered": list(item.hidden.covered),
        "unchecked": list(item.hidden.unchecked),
        "texts": None if item.texts is None else {str(n): t for n, t in item.texts.items()},
    }


def _pages(value: Any) -> tuple[int, ...]:
    if not isinstance(value, list) or not all(isinstance(n, int) and not isinstance(n, bool) for n in value):
        raise ValueError("not a list of pages")
    return tuple(value)


def _from_json(data: Any) -> Screening:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError("not a screening record of a known format")
    texts = data["texts"]
    if texts is not None:
        if not isinstance(texts, dict) or not all(isinstance(t, str) for t in texts.values()):
            raise ValueError("not page texts")
        texts = {int(n): t for n, t in texts.items()}
    pages = data["pages"]
    if not isinstance(pages, int) or isinstance(pages, bool):
        raise ValueError("not a page count")
    hidden = HiddenText(_pages(data["invisible"]), _pages(data["covered"]), _pages(data["unchecked"]))
    return Screening(str(data["sha256"]), str(data["engine"]), pages, hidden, texts)


class ScreeningStore:
    """The screening records of one library (``ScreeningStore(library.root)``)."""

    def __init__(self, library_root: Path) -> None:
        self.root = Path(library_root) / SCREENING_DIR

    def path(self, sha256: str) -> Path:
        if not _HEX.fullmatch(sha256):
            raise ValueError(f"not a SHA-256 in lower-case hex: {sha256!r}")
        return self.root / sha256[:2] / f"{sha256}.json"

    def get(self, sha256: str) -> Screening | None:
        """The record of the file made by this engine, or None (none, unreadable, another file or engine)."""
        path = self.path(sha256)
        try:
            with open(path, encoding="utf-8") as handle:
                item = _from_json(json.load(handle))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, RecursionError) as exc:
            log.warning("screening record %s is unreadable and is ignored: %s", path, exc)
            return None
        if item.sha256 != sha256:
            log.warning("screening record %s names another file and is ignored", path)
            return None
        if item.engine != engine():
            return None  # made by another version: screened again
        return item

    def put(self, item: Screening) -> Path:
        """Store (or replace) the record of a file; atomic, private to the user."""
        path = self.path(item.sha256)
        make_private_dir(self.root.parent, parents=True)
        make_private_dir(self.root)
        make_private_dir(path.parent)
        write_derived_json(path, _to_json(item))
        return path
