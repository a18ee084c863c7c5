"""The folders attached to cases, kept in the user's settings (``watch_folders``)."""

from __future__ import annotations

import contextlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from casefile.core.errors import InvalidValueError, NotFoundError
from casefile.core.library import Library
from casefile.core.settings import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WatchedFolder:
    """A folder whose complete files go to one case; ``poll`` for shares where events do not arrive."""

    case: str
    path: Path
    poll: bool = False
    inbox: bool = False  # the case's own inbox (always watched), not an attached folder


def _same_path(a: str | Path, b: str | Path) -> bool:
    return os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b))


def attached_folders(settings: Settings, library: Library) -> list[WatchedFolder]:
    """The folders attached to this library's cases, from the settings (malformed entries are skipped)."""
    out = []
    for entry in settings.watch_folders:
        try:
            if not _same_path(entry["library"], library.root):
                continue
            out.append(WatchedFolder(str(entry["case"]), Path(entry["folder"]), bool(entry.get("poll", False))))
        except (KeyError, TypeError, ValueError):
            log.warning("ignoring a malformed watch_folders entry in the settings: %r", entry)
    return out


def attach_folder(
    settings: Settings, library: Library, number: str, folder: str | os.PathLike[str], *, poll: bool = False
) -> WatchedFolder:
    """Attach ``folder`` to a case in ``settings`` (the caller saves them); attaching again updates ``poll``."""
    case_folder = library.folder(number)
    path = Path(folder).expanduser().absolute()
    if not path.is_dir():
        raise NotFoundError("no folder at {folder}", folder=path)
    real = Path(os.path.realpath(path))
    if real.is_relative_to(os.path.realpath(library.root)):
        raise InvalidValueError(
            "{folder} is inside the library; attach a folder outside it (each case's inbox is watched already)",
            folder=path,
        )
    for entry in settings.watch_folders:
        with contextlib.suppress(KeyError, TypeError, ValueError):
            if _same_path(entry["library"], library.root) and _same_path(entry["folder"], path):
                if entry["case"] != case_folder.number:
                    raise InvalidValueError(
                        "{folder} is already attached to case {case}", folder=path, case=entry["case"]
                    )
                entry["poll"] = poll
                return WatchedFolder(case_folder.number, path, poll)
    settings.watch_folders.append(
        {"library": str(library.root), "case": case_folder.number, "folder": str(path), "poll": poll}
    )
    return WatchedFolder(case_folder.number, path, poll)


def detach_folder(settings: Settings, library: Library, number: str, folder: str | os.PathLike[str]) -> None:
    """Remove an attachment from ``settings`` (the caller saves them)."""
    path = Path(folder).expanduser().absolute()
    number = number.strip()
    kept = []
    found = False
    for entry in settings.watch_folders:
        try:
            match = (
                _same_path(entry["library"], library.root)
                and entry["case"] == number
                and (_same_path(entry["folder"], path) or entry["folder"] == str(folder))
            )
        except (KeyError, TypeError, ValueError):
            match = False
        found = found or match
        if not match:
            kept.append(entry)
    if not found:
        raise NotFoundError("{folder} is not attached to case {case}", folder=path, case=number)
    settings.watch_folders[:] = kept
