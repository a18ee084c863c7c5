"""The folders attached to cases, listed in the library itself: ``LIBRARY/attachments.json``.

An attachment belongs to the library, not to one user's settings: every window, command
and watcher on the library reads the same list, fresh each time it needs it, and changes
it under the library's ``attachments`` lock with an atomic rewrite, so that two of them
changing it at once both keep their change. The file::

    {"format": "casefile-attachments", "version": 1,
     "folders": [{"case": "202611-001", "folder": "/home/me/Pictures/手机同步", "poll": false}]}

A newer CaseFile may add keys, at the top or to an entry: they are kept when this one
rewrites the file. A file of a newer version is refused, never rewritten.

CaseFile before this file kept the attachments in the user's settings (``watch_folders``,
one entry per library); the first time a library's list is needed, its entries move here
and leave the settings.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from casefile.core.errors import (
    CaseFileError,
    InvalidValueError,
    LibraryVersionError,
    Message,
    NotFoundError,
)
from casefile.core.fsutil import atomic_write_json, storage_error
from casefile.core.library import Library
from casefile.core.settings import read_settings_file, write_settings_file

log = logging.getLogger(__name__)

ATTACHMENTS_NAME = "attachments.json"
ATTACHMENTS_FORMAT = "casefile-attachments"
ATTACHMENTS_VERSION = 1
LOCK_WAIT = 5.0  # seconds: a change to the list takes milliseconds
LEGACY_SETTING = "watch_folders"  # where CaseFile kept the attachments before, in settings.json


@dataclass(frozen=True)
class WatchedFolder:
    """A folder whose complete files go to one case; ``poll`` for shares where events do not arrive."""

    case: str
    path: Path
    poll: bool = False
    inbox: bool = False  # the case's own inbox (always watched), not an attached folder


def attachments_path(library: Library) -> Path:
    return library.root / ATTACHMENTS_NAME


def attached_folders(library: Library) -> list[WatchedFolder]:
    """The folders attached to this library's cases, read now (entries this CaseFile cannot use are skipped)."""
    document = _read(library)
    if document is None:
        if not _legacy_entries(library):
            return []
        with _editing(library) as document:
            pass  # moves the attachments from the settings into the library
    out = []
    for entry in document["folders"]:
        spec = _spec(entry)
        if spec is None:
            log.warning("ignoring an entry of %s that is not understood: %r", attachments_path(library), entry)
        else:
            out.append(spec)
    return out


class WideFolderError(InvalidValueError):
    """The folder is a whole drive, the home folder or above it: attached only when the user confirms."""


def attach_folder(
    library: Library, number: str, folder: str | os.PathLike[str], *, poll: bool = False, wide: bool = False
) -> WatchedFolder:
    """Attach ``folder`` to a case of ``library``; attaching it again updates ``poll``.

    A folder of the library, however it is reached (a link, a second mount of the drive or
    share), is refused. A whole drive, the home folder or a folder above it raises
    :class:`WideFolderError` unless ``wide`` (the user confirmed). (A folder holding the
    library may be attached: only the files at its top are taken, never a folder's content.)
    """
    case_folder = library.folder(number)
    path = Path(folder).expanduser().absolute()
    if not path.is_dir():
        raise NotFoundError("no folder at {folder}", folder=path)
    refusal = library_overlap(library, path)
    if refusal is not None:
        raise InvalidValueError(refusal)
    if not wide and is_wide(path):
        raise WideFolderError(
            "{folder} is a whole drive or the home folder: every file at its top would become evidence of "
            "case {case} and be moved out of it. Attach the folder the phone, scanner or screenshots "
            "save into; to attach this one all the same, confirm it (casefile attach --wide)",
            folder=path,
            case=case_folder.number,
        )
    attached = WatchedFolder(case_folder.number, path, poll)
    with _editing(library) as document:
        for entry in document["folders"]:
            spec = _spec(entry)
            if spec is None or not _same_path(spec.path, path):
                continue
            if spec.case != case_folder.number:
                raise InvalidValueError("{folder} is already attached to case {case}", folder=path, case=spec.case)
            entry["poll"] = poll
            return attached
        document["folders"].append({"case": case_folder.number, "folder": str(path), "poll": poll})
    return attached


Identity = tuple[int, int]  # (st_dev, st_ino): a folder however its path is spelt


def _identity(path: str | os.PathLike[str]) -> Identity | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def library_folders(library: Library) -> dict[Identity, str]:
    """The library's own folders by identity: its root, the folders in it, each case's folder
    and the folders in that (evidence, inbox, bundles, timestamps).

    What a folder reached by another path (a bind mount, the share mounted twice) is compared
    with: a listing of each case folder (about 0.15 s for 10,000 cases), made when a folder on
    the library's drive is attached or begins to be watched, not for every file.
    """
    found: dict[Identity, str] = {}

    def below(path: str, device: int, depth: int) -> None:
        # The folders' inodes come with the listing (no look at each): the same device as their
        # parent's, unless a drive is mounted there, which a case's folders are not.
        try:
            with os.scandir(path) as entries:
                folders = [(e.path, e.inode()) for e in entries if e.is_dir(follow_symlinks=False)]
        except OSError:
            return
        for sub, inode in folders:
            if (device, inode) not in found:
                found[(device, inode)] = sub
                if depth > 1:
                    below(sub, device, depth - 1)

    for top in (library.root, library.cases_dir):
        ident = _identity(top)
        if ident is not None:
            found[ident] = os.fspath(top)
    root = _identity(library.root)
    if root is not None:
        below(os.fspath(library.root), root[0], 1)
    cases = _identity(library.cases_dir)
    if cases is not None:
        below(os.fspath(library.cases_dir), cases[0], 2)
    return found


def library_overlap(
    library: Library, folder: str | os.PathLike[str], known: Callable[[], dict[Identity, str]] | None = None
) -> Message | None:
    """Why ``folder`` cannot be attached to a case (or watched as attached): it is the library's.

    Compared by identity (device and inode of the folder and of each folder above it), not by
    spelling: the same folder on a NAS is often reached through two paths. ``known`` gives
    :func:`library_folders` when the caller keeps it (asked only for a folder on the library's drive).
    """
    path = Path(folder).absolute()
    real = Path(os.path.realpath(path))
    library_real = Path(os.path.realpath(library.root))
    if real.is_relative_to(library_real):
        return Message(
            "{folder} is inside the library; attach a folder outside it (each case's inbox is watched already)",
            folder=path,
        )
    own = _identity(path)
    if own is None:
        return None
    library_id = _identity(library_real)
    devices = {i[0] for i in (library_id, _identity(library.cases_dir)) if i is not None}
    if own[0] not in devices:
        return None  # another drive or share than the library's (a second mount keeps the device)
    ids = known() if known is not None else library_folders(library)
    for ident in (own, *(_identity(p) for p in real.parents)):
        if ident is not None and (ident in ids or ident == library_id):
            return Message(
                "{folder} is the library's own folder {inside}, reached by another path (a second mount "
                "of the drive or share, or a link); attach a folder outside the library",
                folder=path,
                inside=ids.get(ident, library_real),
            )
    return None


def is_wide(folder: str | os.PathLike[str]) -> bool:
    """A whole drive (the root of a file system, a mounted drive or share), the home folder or above it."""
    real = Path(os.path.realpath(folder))
    if real.parent == real or os.path.ismount(real):
        return True
    home = Path(os.path.realpath(Path.home()))
    return home.is_relative_to(real)


def detach_folder(library: Library, number: str, folder: str | os.PathLike[str]) -> None:
    """Remove the attachment of ``folder`` to a case of ``library`` (the folder and its files stay)."""
    path = Path(folder).expanduser().absolute()
    number = number.strip()
    with _editing(library) as document:
        kept = [entry for entry in document["folders"] if not _attaches(entry, number, path, str(folder))]
        if len(kept) == len(document["folders"]):
            raise NotFoundError("{folder} is not attached to case {case}", folder=path, case=number)
        document["folders"] = kept


# ---------------------------------------------------------------------------- the file


def _spec(entry: Any) -> WatchedFolder | None:
    if not isinstance(entry, dict):
        return None
    case, folder, poll = entry.get("case"), entry.get("folder"), entry.get("poll", False)
    if not isinstance(case, str) or not isinstance(folder, str) or not folder or not isinstance(poll, bool):
        return None
    return WatchedFolder(case, Path(folder), poll)


def _attaches(entry: Any, number: str, path: Path, given: str) -> bool:
    """Whether ``entry`` attaches the folder ``path`` (or named as ``given``) to case ``number``."""
    spec = _spec(entry)
    return spec is not None and spec.case == number and (_same_path(spec.path, path) or entry["folder"] == given)


def _same_path(a: str | Path, b: str | Path) -> bool:
    return os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b))


def _read(library: Library) -> dict[str, Any] | None:
    """The library's attachments file, checked; None when there is none yet."""
    path = attachments_path(library)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise storage_error(exc, Message("reading {name}", name=path.name)) from exc
    try:
        document = json.loads(text)
    except ValueError as exc:
        raise CaseFileError("{path} cannot be read: {reason}", path=path, reason=exc) from exc
    if not isinstance(document, dict) or document.get("format") != ATTACHMENTS_FORMAT:
        raise CaseFileError("{path} is not a CaseFile list of attached folders", path=path)
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise CaseFileError("{path} has no valid version number", path=path)
    if version > ATTACHMENTS_VERSION:
        raise LibraryVersionError(
            "{path} was written by a newer CaseFile (version {version}); please upgrade to use the attached folders",
            path=path,
            version=version,
        )
    folders = document.setdefault("folders", [])
    if not isinstance(folders, list):
        raise CaseFileError("{path} is not a CaseFile list of attached folders", path=path)
    return document


@contextlib.contextmanager
def _editing(library: Library) -> Iterator[dict[str, Any]]:
    """The attachments file to change in place, under the library's lock; rewritten when the block ends well.

    Unknown keys stay as they were read. Without a file yet, the library's attachments
    kept in the user's settings by earlier versions move into it.
    """
    with library.lock("attachments", Message("the list of attached folders"), wait=LOCK_WAIT):
        document = _read(library)
        migrating = document is None
        if document is None:
            document = {"format": ATTACHMENTS_FORMAT, "version": ATTACHMENTS_VERSION, "folders": []}
            for entry in _legacy_entries(library):
                document["folders"].append({k: v for k, v in entry.items() if k != "library"})
        yield document
        atomic_write_json(attachments_path(library), document)
        if migrating:
            _forget_legacy_entries(library)


# ---------------------------------------------------------------------------- moving out of the settings


def _is_legacy_entry_of(library: Library, entry: Any) -> bool:
    if not isinstance(entry, dict) or not isinstance(entry.get("library"), str):
        return False
    try:
        return _same_path(entry["library"], library.root)
    except (OSError, ValueError):
        return False


def _legacy_entries(library: Library) -> list[dict[str, Any]]:
    """This library's attachments in the user's settings, where CaseFile kept them before."""
    entries = read_settings_file().get(LEGACY_SETTING)
    if not isinstance(entries, list):
        return []
    return [entry for entry in entries if _is_legacy_entry_of(library, entry)]


def _forget_legacy_entries(library: Library) -> None:
    """Remove this library's entries from the settings, now that the library lists them."""
    data = read_settings_file()
    entries = data.get(LEGACY_SETTING)
    if not isinstance(entries, list):
        return
    kept = [entry for entry in entries if not _is_legacy_entry_of(library, entry)]
    if len(kept) == len(entries):
        return
    if kept:
        data[LEGACY_SETTING] = kept
    else:
        del data[LEGACY_SETTING]
    try:
        write_settings_file(data)
    except (CaseFileError, OSError) as exc:  # the library has them now; the old entries are only left over
        log.warning("the attached folders moved into %s, but the settings kept a copy: %s", library.root, exc)
    log.info("moved %d attached folder(s) from the settings into %s", len(entries) - len(kept), library.root)


__all__ = [
    "ATTACHMENTS_FORMAT",
    "ATTACHMENTS_NAME",
    "ATTACHMENTS_VERSION",
    "WatchedFolder",
    "WideFolderError",
    "attach_folder",
    "attached_folders",
    "attachments_path",
    "detach_folder",
    "is_wide",
    "library_folders",
    "library_overlap",
]
