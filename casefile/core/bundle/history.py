"""The bundles made for a case, file by file, as the app and the command line list them.

Read from the custody log's "bundle" entries (see :func:`casefile.core.record.history.bundle_history`):
each file saved with a packet — the packet itself (or its volumes), the notes for whoever files it,
and the component files for online filing — newest bundle first, with what became of it since:
still in the case folder as recorded, gone, or changed; and whether a later bundle for the same
destination has superseded it.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from casefile.core.bundle.receipt_history import Change, corrections
from casefile.core.custody import CustodyLog
from casefile.core.hashing import hash_file
from casefile.core.library import Library
from casefile.core.record.actions import BUNDLE
from casefile.core.record.history import BundleFile, BundleRecord, LostBundleFile, bundle_history
from casefile.core.record.history import bundle_files as expected_bundle_files

log = logging.getLogger(__name__)


class FileState(enum.StrEnum):
    PRESENT = "present"  # in the case folder, with the hash the custody log recorded
    MISSING = "missing"  # no longer in the case folder
    CHANGED = "changed"  # in the case folder, but not the file that was saved (or unreadable)
    LOST = "lost"  # recorded in the custody log as lost since (missing, or altered and moved aside)


class FileRole(enum.StrEnum):
    PACKET = "packet"  # what goes to the venue (one file, or one per volume)
    GUIDANCE = "guidance"  # the notes for whoever files it, beside the packet
    COMPONENT = "component"  # one file per component, for online filing


@dataclass(frozen=True)
class MadeFile:
    """One file of a bundle made, and what became of it."""

    bundle: BundleRecord  # the custody entry's record of the bundle it belongs to
    file: BundleFile
    role: FileRole
    path: Path  # where it is (or was) in the case folder
    state: FileState
    superseded: bool  # a later bundle went to the same venue and destination (and receipt paper)
    lost: LostBundleFile | None = None  # the custody entry that recorded it lost (state LOST)
    # What changed since the receipt it corrects, or the packet for the same destination it replaces: old and new
    # values (receipt_history.said).
    changes: tuple[Change, ...] = ()

    @property
    def at(self) -> datetime | None:
        return self.bundle.at

    @property
    def venue(self) -> str:
        return self.bundle.venue

    @property
    def route(self) -> str:
        return self.bundle.route

    @property
    def layout(self) -> str:
        return self.bundle.layout

    @property
    def name(self) -> str:
        """The file's name, without its folder."""
        return self.path.name

    @property
    def pages(self) -> int | None:
        return self.file.pages

    @property
    def size(self) -> int | None:
        return self.file.size

    @property
    def sha256(self) -> str:
        return self.file.sha256

    @property
    def component(self) -> str:
        return self.file.component


# The hashes already worked out, by file and what it looked like then: a history listed again after
# each change of the case does not read every packet again.
_HASHES: dict[tuple[str, int, int], str] = {}


def _state(path: Path, sha256: str) -> FileState:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return FileState.MISSING
    except OSError as exc:
        log.warning("cannot look at %s: %s", path, exc)
        return FileState.CHANGED
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    digest = _HASHES.get(key)
    if digest is None:
        try:
            digest = hash_file(path).sha256
        except OSError as exc:
            log.warning("cannot read %s: %s", path, exc)
            return FileState.CHANGED
        _HASHES[key] = digest
    return FileState.PRESENT if digest == sha256 else FileState.CHANGED


def made_files(
    case_folder: Path,
    records: list[BundleRecord],
    lost: dict[str, LostBundleFile] | None = None,
    changes: dict[int, tuple[Change, ...]] | None = None,
) -> list[MadeFile]:
    """The files of ``records`` (oldest first, as the log gives them), newest bundle first; in each
    bundle the packet's files, then the notes, then the component files. ``lost``: the files the log
    records as lost (:func:`casefile.core.record.history.bundle_files`), each of them LOST in the bundle
    it was made by, if the loss was recorded after it. ``changes``: what each receipt that corrected the one
    before, or each packet made again for a destination, changed, by its bundle's custody entry
    (:func:`all_changes`)."""
    lost = lost or {}
    changes = changes or {}
    made: list[MadeFile] = []
    later: set[tuple[str, str, str]] = set()
    for bundle in reversed(records):
        destination = (bundle.venue, bundle.route, bundle.layout)
        superseded = destination in later
        later.add(destination)
        roles = [
            *((f, FileRole.PACKET) for f in bundle.files),
            *((f, FileRole.GUIDANCE) for f in ([bundle.guidance] if bundle.guidance else [])),
            *((f, FileRole.COMPONENT) for f in bundle.components),
        ]
        changed = changes.get(bundle.seq, ()) if bundle.edition is None or bundle.reissue == "correction" else ()
        for file, role in roles:
            path = case_folder / file.name
            loss = lost.get(file.name)
            if loss is not None and loss.seq > bundle.seq and loss.sha256 == file.sha256:
                made.append(MadeFile(bundle, file, role, path, FileState.LOST, superseded, loss, changed))
            else:
                made.append(MadeFile(bundle, file, role, path, _state(path, file.sha256), superseded, changes=changed))
    return made


def bundle_files(library: Library, number: str) -> list[MadeFile]:
    """Every file of every bundle made for case ``number``, newest bundle first (see :func:`made_files`)."""
    folder = library.folder(number)
    # Only the lines naming a bundle, or a bundle file lost, are parsed (the actions "bundle" and "bundle-lost").
    entries = folder.custody.read(containing=f'"{BUNDLE}')
    records = bundle_history(entries)
    # What a receipt's correction or a packet made again changed: the old and new values come from the record as it
    # stood at each (the whole log, folded), read only when the case has such a bundle.
    changes = _changes_of(folder.path, folder.custody) if made_again(records) else None
    return made_files(folder.path, records, expected_bundle_files(entries)[1], changes)


# What the bundles of a case changed, by its folder, with the hash of the last log entry it was worked out from: the
# history listed again after a change that made no bundle does not fold the log again.
_CHANGES: dict[str, tuple[str, dict[int, tuple[Change, ...]]]] = {}


def _changes_of(folder: Path, custody: CustodyLog) -> dict[int, tuple[Change, ...]]:
    last = custody.last()  # the end of the file only: the log is read whole only when it moved on
    head = str(last.get("hash", "")) if last else ""
    known = _CHANGES.get(str(folder))
    if known is not None and head and known[0] == head:
        return known[1]
    changes = all_changes(custody.read())
    _CHANGES[str(folder)] = (head, changes)
    return changes


def made_again(records: list[BundleRecord]) -> bool:
    """Whether any bundle of ``records`` corrects a receipt or was made for a destination a bundle went to before."""
    destinations = [(r.venue, r.route, r.layout) for r in records]
    return any(r.reissue == "correction" for r in records) or len(set(destinations)) < len(destinations)


def all_changes(entries: list[dict[str, Any]]) -> dict[int, tuple[Change, ...]]:
    """What each receipt correction (:func:`receipt_history.corrections`) and each packet made again for a
    destination (:func:`editions.packet_changes`) changed, by its custody entry."""
    from casefile.core.bundle.editions import packet_changes

    return {**corrections(entries), **packet_changes(entries)}
