"""``MANIFEST.sha256`` in exactly the format GNU ``sha256sum`` writes and checks.

One line per file: 64 lowercase hex digits, two spaces, the path relative to the case
folder with forward slashes. Names with a backslash or newline are escaped the way
coreutils does (a leading backslash on the line). ``sha256sum -c MANIFEST.sha256``
run inside the case folder checks every exhibit without CaseFile.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

from casefile.core.errors import Message, SystemReason
from casefile.core.fsutil import atomic_write_bytes

MANIFEST_NAME = "MANIFEST.sha256"
MANIFEST_MISSING = Message("MANIFEST.sha256 is missing")
# A file every case folder holds whose text never changes, listed in the manifest: ``sha256sum -c`` finds no
# checksum line in an empty manifest and fails, so a case with no evidence files yet would fail the check its
# README.txt gives. With this line it checks one file, honestly: the manifest is whole and so is the file. Folders
# written before it have neither the file nor the line, and still verify; a manifest written whole lists it.
ANCHOR_NAME = "CASEFILE.txt"
ANCHOR_TEXT = (
    "CaseFile 案件卷宗。本文件内容固定不变，列于 MANIFEST.sha256 中，使尚无证据文件的案件也能用 sha256sum -c 核验。\n"
    "A CaseFile case folder. This file never changes; MANIFEST.sha256 lists it, so that sha256sum -c checks a case\n"
    "with no evidence files yet too.\n"
)
ANCHOR_BYTES = ANCHOR_TEXT.encode("utf-8")
ANCHOR_SHA256 = hashlib.sha256(ANCHOR_BYTES).hexdigest()
_LINE = re.compile(r"^(\\?)([0-9a-fA-F]{64}) [ *](.*)$")


def _escape(name: str) -> tuple[str, bool]:
    if "\\" in name or "\n" in name or "\r" in name:
        return name.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r"), True
    return name, False


def _unescape(name: str) -> str:
    out = []
    i = 0
    while i < len(name):
        ch = name[i]
        if ch == "\\" and i + 1 < len(name):
            nxt = name[i + 1]
            out.append({"n": "\n", "r": "\r", "\\": "\\"}.get(nxt, nxt))
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def format_manifest(entries: Iterable[tuple[str, str]]) -> bytes:
    """``entries`` are (relative path, sha256) pairs; output is sorted by path."""
    lines = []
    for rel, digest in sorted(entries):
        name, escaped = _escape(rel)
        prefix = "\\" if escaped else ""
        lines.append(f"{prefix}{digest.lower()}  {name}\n")
    return "".join(lines).encode("utf-8")


def write_manifest(folder: Path, entries: Iterable[tuple[str, str]]) -> None:
    """The manifest of ``entries`` and of the folder's :data:`ANCHOR_NAME`, written first unless it is whole."""
    anchor = folder / ANCHOR_NAME
    try:
        whole = anchor.read_bytes() == ANCHOR_BYTES
    except OSError:
        whole = False
    if not whole:
        atomic_write_bytes(anchor, ANCHOR_BYTES)
    atomic_write_bytes(folder / MANIFEST_NAME, format_manifest([*entries, (ANCHOR_NAME, ANCHOR_SHA256)]))


def anchor_problems(folder: Path, manifest: dict[str, str]) -> list[Message]:
    """What is wrong with the manifest's line for :data:`ANCHOR_NAME` and the file it names (nothing when the
    manifest, written before there was one, has no such line)."""
    listed = manifest.get(ANCHOR_NAME)
    if listed is None:
        return []
    if listed != ANCHOR_SHA256:
        return [Message("MANIFEST.sha256 gives {path} a hash that is not its text's", path=ANCHOR_NAME)]
    try:
        data = (folder / ANCHOR_NAME).read_bytes()
    except FileNotFoundError:
        return [Message("{path}, which MANIFEST.sha256 lists, is missing", path=ANCHOR_NAME)]
    except OSError as exc:
        return [Message("{path} cannot be read: {reason}", path=ANCHOR_NAME, reason=SystemReason(exc))]
    if data != ANCHOR_BYTES:
        return [Message("{path} is not the text CaseFile writes", path=ANCHOR_NAME)]
    return []


def add_to_manifest(folder: Path, entries: Iterable[tuple[str, str]]) -> bool:
    """Set the lines of ``entries`` into the manifest on disk, each where :func:`format_manifest` puts it.

    The other lines stay as they are, read as lines, not worked out again: adding to a case of
    thousands of exhibits costs what it adds. A line altered outside CaseFile stays as it is, as
    when the manifest is not written, for verification to report. False, with nothing written,
    when there is no whole manifest to add to.
    """
    path = folder / MANIFEST_NAME
    try:
        data = path.read_bytes()
    except OSError:
        return False
    if data and not data.endswith(b"\n"):
        return False
    lines = data.split(b"\n")[:-1] if data else []
    for entry in sorted(entries):
        lines.insert(bisect.bisect_right(lines, entry, key=_entry_of), format_manifest([entry])[:-1])
    atomic_write_bytes(path, b"\n".join(lines) + b"\n" if lines else b"")
    return True


def _entry_of(line: bytes) -> tuple[str, str]:
    """The (path, sha256) a manifest line names, as format_manifest sorts them."""
    match = _LINE.match(line.decode("utf-8", errors="replace"))
    if match is None:
        return line.decode("utf-8", errors="replace"), ""
    escaped, digest, name = match.groups()
    return (_unescape(name) if escaped else name), digest.lower()


class ManifestError(ValueError):
    pass


def parse_manifest(data: bytes) -> tuple[dict[str, str], list[str]]:
    """Return ({relative path: sha256}, [problems]) for a manifest's bytes."""
    entries: dict[str, str] = {}
    problems: list[str] = []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return entries, [Message("the manifest is not valid UTF-8 text")]
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = _LINE.match(line)
        if not match:
            problems.append(Message("manifest line {lineno} is not in sha256sum format", lineno=lineno))
            continue
        escaped, digest, name = match.groups()
        if escaped:
            name = _unescape(name)
        if name in entries:
            problems.append(Message("manifest lists {name} twice", name=name))
        entries[name] = digest.lower()
    return entries, problems


def read_manifest(folder: Path) -> tuple[dict[str, str], list[str]]:
    try:
        data = (folder / MANIFEST_NAME).read_bytes()
    except FileNotFoundError:
        return {}, [MANIFEST_MISSING]
    return parse_manifest(data)
