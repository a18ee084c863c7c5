"""Sanitised copies of evidence PDFs, made when the files are added and printed by their packets.

When an evidence PDF is added it is screened (:mod:`casefile.core.disclosure.screening`), which
makes its sanitised copy (:func:`casefile.core.disclosure.pdf.sanitise_pdf`): the pages a
packet prints. That copy is kept, and recorded in the case's custody log, so that a packet
prints it instead of making it again:

- ``LIBRARY/.derived/sanitised/ab/abcdef…(64 hex).pdf``, named by the ORIGINAL's SHA-256,
  placed atomically, not synced: derived data, outside the case folder and its manifest;
- one ``screened`` custody entry per screening pass, or per packet that made copies again (a
  witness: the record does not change) lists, for each file, the exhibit, the original's SHA-256,
  the kept copy's SHA-256 and size, and what sanitising did (:class:`KeptFile`), under the engine
  that made the copies (:func:`casefile.core.disclosure.pdf.sanitiser_engine`).

The custody log is trusted (its chain is checked before a packet is made); the kept file is
not. A packet copies the kept file into its work folder while hashing it and prints the copy
only when its SHA-256 and size are the ones recorded and the engine is the current one;
otherwise (no entry, another engine, a copy missing or changed) it sanitises the original
again, as for a file added before copies were kept. A changed kept copy is never printed.

A packet that sanitised a file again keeps that copy (:class:`MadeAgain`, :func:`keep_made`) once
its files are written, and records the copies in place in a ``screened`` entry written with its
``bundle`` entry: only the first packet after an upgrade (or of a file added before copies were
kept, or whose copy went missing) pays. A copy the log already records as it is gets no other
entry; one that cannot be kept is left out (its next packet makes it again). The disclosure
preview keeps nothing.
Nothing here imports the PDF libraries: verification checks the entries with it.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casefile.core.errors import Message
from casefile.core.fsutil import TEMP_PREFIX, make_private_dir, remove_quietly
from casefile.core.hashing import copy_and_hash, hash_file
from casefile.core.progress import NEVER_CANCELLED, CancelToken
from casefile.core.record.actions import SCREENED

if TYPE_CHECKING:
    from casefile.core.disclosure.pdf import SanitisedPdf
    from casefile.core.model import Case

log = logging.getLogger(__name__)

#: The folder under a library's root.
SANITISED_DIR = Path(".derived") / "sanitised"
# A hostile file's layer names are not copied into the custody log without bound: a file
# with more, or longer, names is not recorded (its packet sanitises it again).
MAX_LAYER_NAMES = 64
MAX_LAYER_NAME = 200

_HEX = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class KeptFile:
    """One file's sanitised copy as a ``screened`` custody entry records it."""

    exhibit: int
    sha256: str  # the original's
    copy_sha256: str  # the kept copy's
    copy_size: int
    pages: int
    removed: tuple[tuple[str, int], ...] = ()  # in the order sanitising counted them
    flattened: tuple[tuple[str, int], ...] = ()
    hidden_layers: tuple[str, ...] = ()
    unshown_fields: tuple[int, ...] = ()
    look_at: tuple[int, ...] = ()
    too_complex: tuple[int, ...] = ()

    @staticmethod
    def recordable(sanitised: SanitisedPdf) -> bool:
        """Whether the copy ``sanitised`` describes may be kept and recorded."""
        layers = sanitised.hidden_layers
        if sanitised.unsafe or not sanitised.pages or len(layers) > MAX_LAYER_NAMES:
            return False
        return all(len(name) <= MAX_LAYER_NAME and _encodable(name) for name in layers)

    @classmethod
    def of(cls, exhibit: int, sha256: str, copy: tuple[str, int], sanitised: SanitisedPdf) -> KeptFile | None:
        """The record of ``sanitised`` (a copy that was written), or None when it is not to be recorded."""
        if not cls.recordable(sanitised):
            return None
        layers = sanitised.hidden_layers
        return cls(
            exhibit,
            sha256,
            copy[0],
            copy[1],
            sanitised.pages,
            tuple(sanitised.removed.items()),
            tuple(sanitised.flattened.items()),
            tuple(layers),
            tuple(sanitised.unshown_fields),
            tuple(sanitised.look_at),
            tuple(sanitised.too_complex),
        )

    def sanitised(self) -> SanitisedPdf:
        """What sanitising the original did, as when the copy was made."""
        from casefile.core.disclosure.pdf import SanitisedPdf

        return SanitisedPdf(
            pages=self.pages,
            removed=dict(self.removed),
            flattened=dict(self.flattened),
            hidden_layers=self.hidden_layers,
            unshown_fields=self.unshown_fields,
            look_at=self.look_at,
            too_complex=self.too_complex,
        )

    def to_data(self) -> dict[str, Any]:
        return {
            "exhibit": self.exhibit,
            "sha256": self.sha256,
            "copy_sha256": self.copy_sha256,
            "copy_size": self.copy_size,
            "pages": self.pages,
            "removed": [list(pair) for pair in self.removed],
            "flattened": [list(pair) for pair in self.flattened],
            "hidden_layers": list(self.hidden_layers),
            "unshown_fields": list(self.unshown_fields),
            "look_at": list(self.look_at),
            "too_complex": list(self.too_complex),
        }

    @classmethod
    def from_data(cls, data: Any) -> KeptFile:
        """Raises ValueError when ``data`` is not a well-formed record."""
        if not isinstance(data, dict):
            raise ValueError("a file is not an object")
        sha256, copy_sha256 = data.get("sha256"), data.get("copy_sha256")
        if not isinstance(sha256, str) or not _HEX.fullmatch(sha256):
            raise ValueError("no SHA-256 of the original")
        if not isinstance(copy_sha256, str) or not _HEX.fullmatch(copy_sha256):
            raise ValueError("no SHA-256 of the sanitised copy")
        pages = _count(data.get("pages"), "pages")
        if pages < 1:
            raise ValueError("no pages")
        return cls(
            exhibit=_count(data.get("exhibit"), "exhibit"),
            sha256=sha256,
            copy_sha256=copy_sha256,
            copy_size=_count(data.get("copy_size"), "copy_size"),
            pages=pages,
            removed=_counted(data.get("removed"), "removed"),
            flattened=_counted(data.get("flattened"), "flattened"),
            hidden_layers=_texts(data.get("hidden_layers"), "hidden_layers"),
            unshown_fields=_numbers(data.get("unshown_fields"), "unshown_fields"),
            look_at=_numbers(data.get("look_at"), "look_at"),
            too_complex=_numbers(data.get("too_complex"), "too_complex"),
        )


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from a UTF-16 name
        return False
    return True


def _count(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{name} is not a count")
    return value


def _numbers(value: Any, name: str) -> tuple[int, ...]:
    if not isinstance(value, list):
        raise ValueError(f"{name} is not a list")
    return tuple(_count(v, name) for v in value)


def _texts(value: Any, name: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{name} is not a list of texts")
    return tuple(value)


def _counted(value: Any, name: str) -> tuple[tuple[str, int], ...]:
    if not isinstance(value, list):
        raise ValueError(f"{name} is not a list")
    pairs = []
    for pair in value:
        if not isinstance(pair, list) or len(pair) != 2 or not isinstance(pair[0], str):
            raise ValueError(f"{name} holds something other than (what, count)")
        pairs.append((pair[0], _count(pair[1], name)))
    return tuple(pairs)


def entry_details(engine: str, files: Iterable[KeptFile]) -> dict[str, Any]:
    """The details of the ``screened`` custody entry recording ``files``, made by ``engine``."""
    return {"engine": engine, "files": [f.to_data() for f in files]}


def entry_files(details: Any) -> tuple[str, list[KeptFile]]:
    """The engine and the files a ``screened`` entry records; ValueError when it is not well-formed."""
    if not isinstance(details, dict):
        raise ValueError("no details")
    engine, files = details.get("engine"), details.get("files")
    if not isinstance(engine, str) or not engine:
        raise ValueError("no engine")
    if not isinstance(files, list):
        raise ValueError("no list of files")
    return engine, [KeptFile.from_data(item) for item in files]


def _screened(entries: Iterable[dict[str, Any]]) -> Iterable[tuple[Any, tuple[str, list[KeptFile]] | ValueError]]:
    for entry in entries:
        if entry.get("action") != SCREENED:
            continue
        try:
            yield entry.get("seq"), entry_files(entry.get("details"))
        except ValueError as exc:
            yield entry.get("seq"), exc


def recorded_copies(case: Case, entries: Iterable[dict[str, Any]]) -> dict[int, tuple[str, KeptFile]]:
    """Each exhibit's latest recorded sanitised copy (engine, record), from a TRUSTED log (its chain checked).

    Records that are not well-formed, or name a file the case does not hold as that exhibit, are left out.
    """
    held = {e.number: e.sha256 for e in case.exhibits}
    found: dict[int, tuple[str, KeptFile]] = {}
    for seq, outcome in _screened(entries):
        if isinstance(outcome, ValueError):
            log.warning("case %s: custody entry %s is not a well-formed screening: %s", case.number, seq, outcome)
            continue
        engine, files = outcome
        for item in files:
            if held.get(item.exhibit) == item.sha256:
                found[item.exhibit] = (engine, item)
    return found


def screened_problems(case: Case, entries: Iterable[dict[str, Any]]) -> list[Message]:
    """What is wrong with the case's ``screened`` custody entries (for verification): each must be
    well-formed and name exhibits of the case with the SHA-256 the case holds them with."""
    held = {e.number: e.sha256 for e in case.exhibits}
    problems: list[Message] = []
    for seq, outcome in _screened(entries):
        if isinstance(outcome, ValueError):
            problems.append(
                Message(
                    "custody entry {seq} records sanitised copies but is not well-formed: {why}", seq=seq, why=outcome
                )
            )
            continue
        for item in outcome[1]:
            if held.get(item.exhibit) != item.sha256:
                problems.append(
                    Message(
                        "custody entry {seq} records a sanitised copy of exhibit {number}, which the case does not "
                        "hold with that SHA-256",
                        seq=seq,
                        number=item.exhibit,
                    )
                )
    return problems


@dataclass(frozen=True)
class MadeAgain:
    """A sanitised copy a packet made itself (no copy kept, or one it could not print), in its work folder."""

    exhibit: int
    sha256: str  # the original's
    path: Path
    sanitised: SanitisedPdf


def keep_made(
    copies: KeptCopies, made: Iterable[MadeAgain], recorded: Mapping[int, tuple[str, KeptFile]], engine: str
) -> list[KeptFile]:
    """Keep the sanitised copies a packet made (moved out of its work folder, which nothing reads any more),
    made by ``engine``; return the records of those kept for one ``screened`` entry, leaving out any the
    custody log already holds as it is (``recorded``: :func:`recorded_copies`; a copy that was only missing
    here, made again the same). A copy that cannot be kept (a full disk) is left out: its packets make it again."""
    placed: dict[str, tuple[str, int] | None] = {}
    files: list[KeptFile] = []
    for item in made:
        if item.sha256 not in placed:
            try:
                placed[item.sha256] = copies.keep(item.sha256, item.path)
            except OSError as exc:
                log.info("exhibit %s: its sanitised copy not kept: %s", item.exhibit, exc)
                placed[item.sha256] = None
        copy = placed[item.sha256]
        kept = KeptFile.of(item.exhibit, item.sha256, copy, item.sanitised) if copy is not None else None
        known = recorded.get(item.exhibit)
        if kept is not None and (known is None or known[0] != engine or _settled(known[1]) != _settled(kept)):
            files.append(kept)
    return files


def _settled(item: KeptFile) -> KeptFile:
    """``item`` with what sanitising counted in one order: the walk of the same file may meet them in
    another order in another run of CaseFile (a PDF dictionary's keys come as a set)."""
    return dataclasses.replace(item, removed=tuple(sorted(item.removed)), flattened=tuple(sorted(item.flattened)))


class KeptCopies:
    """The sanitised copies kept in one library (``KeptCopies(library.root)``)."""

    def __init__(self, library_root: Path) -> None:
        self.root = Path(library_root) / SANITISED_DIR

    def path(self, sha256: str) -> Path:
        """Where the sanitised copy of the file ``sha256`` (the original's) is kept."""
        if not _HEX.fullmatch(sha256):
            raise ValueError(f"not a SHA-256 in lower-case hex: {sha256!r}")
        return self.root / sha256[:2] / f"{sha256}.pdf"

    def keep(self, sha256: str, made: Path, *, cancel: CancelToken = NEVER_CANCELLED) -> tuple[str, int]:
        """Keep ``made``, the sanitised copy of the file ``sha256`` just written in a work folder of the
        library (nothing else writes to it); return its SHA-256 and size. It is moved into place
        atomically (copied first when the work folder is on another file system); raises OSError."""
        digest, size = _hashed(made, None, cancel)
        final = self.path(sha256)
        make_private_dir(self.root, parents=True)
        make_private_dir(final.parent)
        os.chmod(made, 0o600)
        try:
            os.replace(made, final)
        except OSError:  # another file system: copied beside its place first, then renamed
            tmp = final.with_name(f"{TEMP_PREFIX}{final.name}.{os.getpid()}")
            try:
                copied = _hashed(made, tmp, cancel)
                if copied != (digest, size):
                    raise OSError(f"the sanitised copy of {sha256[:12]} changed while it was kept") from None
                os.replace(tmp, final)
            finally:
                remove_quietly(tmp)
        return digest, size

    def take(self, item: KeptFile, target: Path, *, cancel: CancelToken = NEVER_CANCELLED) -> str:
        """Copy the kept copy ``item`` records to ``target`` (a private work folder), hashing it on the
        way; '' when the copy is the one recorded, else why it cannot be printed (``target`` is then removed)."""
        try:
            digest, size = _hashed(self.path(item.sha256), target, cancel)
        except FileNotFoundError:
            remove_quietly(target)
            return "no kept copy"
        except OSError as exc:
            remove_quietly(target)
            return f"the kept copy cannot be read ({exc})"
        if (digest, size) != (item.copy_sha256, item.copy_size):
            remove_quietly(target)
            return f"the kept copy is not the one recorded (SHA-256 now {digest[:16]}…, {size} bytes)"
        return ""


def _hashed(source: Path, target: Path | None, cancel: CancelToken) -> tuple[str, int]:
    """SHA-256 and size of ``source``, copied to ``target`` (when given) in the same read."""
    if target is None:
        digests = hash_file(source, cancel=cancel)
    else:
        with open(source, "rb", buffering=0) as fh, open(target, "wb") as out:
            digests = copy_and_hash(fh, out, with_sm3=False, cancel=cancel)
    return digests.sha256, digests.size
