"""Links refused in watched folders, remembered between runs of ``casefile watch``.

A link in a watched folder that leads out of it is refused and left where it is. A watcher reports it
once while it runs; a scheduled ``casefile watch --once`` is a new run each time, so without a memory it
would report the same link at every run. The links reported are kept in the library's derived data
(``.derived/watch/refused-links.json``) with what identifies the link itself (where it points, its inode
and modification time): one that is still there unchanged is not reported again, one that changes is,
and one that is gone is forgotten. ``casefile watch --status`` lists what is remembered.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from casefile.core.fsutil import lstat_is_link, make_private_dir, write_derived_json

REFUSED_PATH = Path(".derived") / "watch" / "refused-links.json"
REFUSED_FORMAT = "casefile-watch-refused-links"
REFUSED_VERSION = 1


@dataclass(frozen=True)
class RefusedLink:
    """A link refused in a watched folder of ``case``: ``path`` the link, ``target`` where it points."""

    case: str
    path: str
    target: str
    reason: str
    reported_at: str  # ISO time (UTC) when it was reported
    identity: tuple[int, int, int]  # the link's own (size, mtime_ns, inode)


def _identity(path: str) -> tuple[str, tuple[int, int, int]] | None:
    """Where the link at ``path`` points and its own identity; None when no link is there now."""
    try:
        st = os.lstat(path)
        if not lstat_is_link(st):
            return None
        return os.readlink(path), (st.st_size, st.st_mtime_ns, st.st_ino)
    except OSError:
        return None


class RefusedLinks:
    """The refused links of a library, read from its derived data; :meth:`save` writes them back when changed."""

    def __init__(self, root: Path) -> None:
        self.path = root / REFUSED_PATH
        self.links: dict[str, RefusedLink] = {}
        self.changed = False
        with contextlib.suppress(OSError, ValueError, TypeError, KeyError):  # derived data: unreadable is empty
            data = json.loads(self.path.read_text("utf-8"))
            if data.get("format") == REFUSED_FORMAT and data.get("version") == REFUSED_VERSION:
                for item in data["links"]:
                    link = RefusedLink(
                        str(item["case"]),
                        str(item["path"]),
                        str(item["target"]),
                        str(item["reason"]),
                        str(item["reported_at"]),
                        (int(item["identity"][0]), int(item["identity"][1]), int(item["identity"][2])),
                    )
                    self.links[link.path] = link
        self.forget_gone()

    def forget_gone(self) -> None:
        """Forget the links no longer there as they were (removed, replaced or pointed elsewhere)."""
        for path, link in list(self.links.items()):
            if _identity(path) != (link.target, link.identity):
                del self.links[path]
                self.changed = True

    def first_report(self, case: str, path: str | os.PathLike[str], reason: str) -> bool:
        """Whether the refusal of the link at ``path`` is to be reported: not when the same link was reported
        for the same case before. Remembers it either way."""
        key = os.fspath(path)
        now = _identity(key)
        if now is None:
            return True  # not a link (any more): nothing to remember
        target, identity = now
        earlier = self.links.get(key)
        if earlier is not None and (earlier.case, earlier.target, earlier.identity) == (case, target, identity):
            return False
        reported = datetime.now(UTC).isoformat(timespec="seconds")
        self.links[key] = RefusedLink(case, key, target, reason, reported, identity)
        self.changed = True
        return True

    def listed(self, cases: set[str] | None = None) -> list[RefusedLink]:
        """The links remembered (of ``cases`` only, when given), by case and path."""
        found = [link for link in self.links.values() if cases is None or link.case in cases]
        return sorted(found, key=lambda link: (link.case, link.path))

    def save(self) -> None:
        """Write the list when it changed; a failure costs only a second report of the same links."""
        if not self.changed:
            return
        data: dict[str, Any] = {
            "format": REFUSED_FORMAT,
            "version": REFUSED_VERSION,
            "links": [
                {
                    "case": link.case,
                    "path": link.path,
                    "target": link.target,
                    "reason": link.reason,
                    "reported_at": link.reported_at,
                    "identity": list(link.identity),
                }
                for link in self.listed()
            ],
        }
        with contextlib.suppress(OSError):
            make_private_dir(self.path.parent.parent)
            make_private_dir(self.path.parent)
            write_derived_json(self.path, data)
            self.changed = False
