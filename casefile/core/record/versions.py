"""Format versions of what CaseFile writes, and how older versions are read.

Every custody entry carries ``"v"`` (entries written before versions were explicit have
none and are version 1); ``case.json``, ``library.json``, ``settings.json`` and
``attachments.json`` carry ``"version"``. A version newer than this CaseFile knows is
refused with "made by a newer CaseFile" — never read half-way. An older version is
brought up to date in memory by the upcasters below, one step at a time; a file on
disk is rewritten in the new format only by an explicit migration that keeps a backup
of the old file first (:func:`backup_before_migration`).

Within one version, a newer CaseFile may add keys: they are kept as they are when the
file or record is rewritten (see ``model.from_data``), so nothing a newer version wrote
is lost by an older one that does not understand it.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from casefile.core.errors import LibraryVersionError, Message
from casefile.core.fsutil import fsync_dir, storage_error

ENTRY_VERSION = 1  # custody entries
ENTRY_VERSION_KEY = "v"

Upcaster = Callable[[dict[str, Any]], dict[str, Any]]

# (kind, from version) -> a function returning the same data in version + 1.
# Custody entries are hash-chained: an upcaster works on a copy, after the chain was checked.
UPCASTERS: dict[tuple[str, int], Upcaster] = {}


def entry_version(entry: dict[str, Any]) -> int:
    version = entry.get(ENTRY_VERSION_KEY, 1)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise LibraryVersionError(
            "custody entry {seq} has an unreadable format version {version!r}", seq=entry.get("seq"), version=version
        )
    return version


def upcast(kind: str, data: dict[str, Any], version: int, current: int, what: Message) -> dict[str, Any]:
    """Bring ``data`` of format ``version`` up to ``current``, or refuse a newer one."""
    if version > current:
        raise LibraryVersionError(
            "{what} is in format {version}, made by a newer CaseFile (this one reads up to {current}); please upgrade",
            what=what,
            version=version,
            current=current,
        )
    while version < current:
        step = UPCASTERS.get((kind, version))
        if step is None:  # pragma: no cover - a release that bumps a version registers its step
            raise LibraryVersionError(
                "{what} is in format {version}, which this CaseFile cannot read", what=what, version=version
            )
        data = step(dict(data))
        version += 1
    return data


def backup_before_migration(path: Path, version: int) -> Path:
    """Copy ``path`` aside as ``<name>.v<version>-<UTC time>.bak`` before it is rewritten in a newer format."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    backup = path.with_name(f"{path.name}.v{version}-{stamp}.bak")
    try:
        shutil.copy2(path, backup)
        fsync_dir(path.parent)
    except OSError as exc:
        raise storage_error(
            exc, Message("keeping a copy of {name} before updating its format", name=path.name)
        ) from exc
    return backup
