"""Clearing an added file out of its watched folder: moved to ``.ingested/`` without overwriting, or deleted.

The exhibit keeps the bytes either way; what the user chose is the ``watch_after_ingest``
setting.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

INGESTED_DIR = ".ingested"
MOVE = "move"
DELETE = "delete"


def dispose(path: Path, after_ingest: str) -> None:
    """Take an added file out of its folder: into ``.ingested/`` beside it, or deleted (``DELETE``).

    FileNotFoundError when it is gone already (another watcher took it); other OSErrors as they come.
    """
    if after_ingest == DELETE:
        os.remove(path)
    else:
        move_aside(path, path.parent / INGESTED_DIR)


def move_aside(path: Path, folder: Path) -> Path:
    """Move ``path`` into ``folder`` under its own name, or with ``~2``, ``~3``... when taken; never overwrite."""
    folder.mkdir(exist_ok=True)
    stem, dot, ext = path.name.rpartition(".")
    if not stem:
        stem, dot, ext = path.name, "", ""
    n = 1
    while True:
        target = folder / (path.name if n == 1 else f"{stem}~{n}{dot}{ext}")
        n += 1
        if os.name == "nt":
            try:
                os.rename(path, target)  # refuses to replace an existing file on Windows
                return target
            except FileExistsError:
                continue
        try:
            if path.is_symlink():
                raise OSError(errno.ENOTSUP, "a link is moved, not linked")
            os.link(path, target)  # fails if the name is taken; no rename event to wait for
        except FileExistsError:
            continue
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.EXDEV, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.ENOSYS):
                raise
            if os.path.lexists(target):  # a file system without hard links (FAT, some shares)
                continue
            os.rename(path, target)
            return target
        os.remove(path)
        return target
