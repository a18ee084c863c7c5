"""Files arriving on a share from other clients, taken only once they are complete.

A share sends no events a client can rely on, and another client's file may be half
written when it is first listed. :class:`SharePoller` lists a folder each time it is
polled and reports a file once its size, modification time and inode are unchanged across
polls at least ``settle`` seconds apart: the readiness rule of watched folders
(:class:`casefile.core.watch.readiness.Readiness`), with its clock, which tests replace to
move time on instead of waiting. Hidden files (an evidence store's temporary copies) and
partial downloads are left alone.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from casefile.core.store.base import SHA256_HEX
from casefile.core.store.folder import ShareStore
from casefile.core.watch.readiness import SYSTEM_CLOCK, Clock, Readiness, is_ignored

SETTLE = 5.0  # seconds a file on a share must stay unchanged: a few of a share's attribute-cache periods


@dataclass(frozen=True)
class _Polled:
    """A folder on a share, as readiness sees it: no close events, changes seen by listing."""

    path: Path
    close_events: bool = False
    polled: bool = True


class SharePoller:
    """The complete files under ``folder`` not reported before, each reported once."""

    def __init__(self, folder: str | os.PathLike[str], *, settle: float = SETTLE, clock: Clock = SYSTEM_CLOCK) -> None:
        self.folder = _Polled(Path(folder))
        self.readiness: Readiness[_Polled] = Readiness(settle, clock)
        self.reported: set[str] = set()

    def poll(self) -> list[Path]:
        """List the folder; the files found complete since the last poll, in name order."""
        for dirpath, dirnames, filenames in os.walk(self.folder.path):
            dirnames[:] = sorted(d for d in dirnames if not is_ignored(d))
            for name in filenames:
                path = os.path.join(dirpath, name)
                if path not in self.reported:
                    self.readiness.found(self.folder, path)
        complete = []
        for pending in self.readiness.due():
            if self.readiness.is_complete(pending):
                self.readiness.done(pending.path)
                self.reported.add(str(pending.path))
                complete.append(pending.path)
        return sorted(complete)


class StoreArrivals:
    """The objects other clients put in a :class:`ShareStore`, by SHA-256, once each is complete."""

    def __init__(self, store: ShareStore, *, settle: float = SETTLE, clock: Clock = SYSTEM_CLOCK) -> None:
        self.poller = SharePoller(store.root / "sha256", settle=settle, clock=clock)

    def poll(self) -> list[str]:
        return [path.name for path in self.poller.poll() if SHA256_HEX.fullmatch(path.name)]
