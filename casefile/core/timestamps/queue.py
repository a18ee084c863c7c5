"""Cases waiting for a trusted timestamp: one small file per case in the library's derived data.

A case is queued whenever exhibits are added to it (by any path: files, a walk-in, a watch folder,
a redacted copy), and leaves the queue once every exhibit it holds is stamped. Which exhibits are
unstamped is read from the case itself (:func:`casefile.core.timestamps.stamping.unstamped`); the
queue only spares looking through every case, and remembers why the last attempt failed.
"""

from __future__ import annotations

import contextlib
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from casefile.core.errors import Message
from casefile.core.fsutil import atomic_write_bytes, make_private_dir

QUEUE_DIR = Path(".derived") / "timestamps" / "queue"
RENEW_WITHIN = timedelta(days=90)  # a stamp whose TSA certificate ends sooner than this is renewed
NO_TSA = Message("no trusted timestamps: no timestamp authority (TSA) is chosen in the settings")


def queue_dir(root: Path) -> Path:
    return root / QUEUE_DIR


def _make_queue(root: Path) -> Path:
    """The queue's folder, each level readable by its owner only (case numbers are about people)."""
    folder = queue_dir(root)
    make_private_dir(folder.parent.parent)
    make_private_dir(folder.parent)
    make_private_dir(folder)
    return folder


def enqueue(root: Path, number: str) -> None:
    """Note that ``number`` has exhibits to stamp (kept as it is when it is queued already)."""
    path = queue_dir(root) / number
    if path.exists():
        return
    with contextlib.suppress(OSError):  # derived data: a failure costs only a later look through the case
        _make_queue(root)
        atomic_write_bytes(path, json.dumps({"since": datetime.now(UTC).isoformat()}).encode("utf-8"))


def queued(root: Path) -> list[str]:
    """The numbers of the cases waiting, in order."""
    try:
        return sorted(p.name for p in queue_dir(root).iterdir() if p.is_file() and not p.name.startswith("."))
    except OSError:
        return []


def queue_state(root: Path, number: str) -> dict[str, Any] | None:
    """Since when ``number`` waits and why its last attempt failed; None when it is not queued."""
    try:
        data = json.loads((queue_dir(root) / number).read_bytes() or b"{}")
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else {}


def note_failure(root: Path, number: str, reason: Message) -> None:
    """Remember why the last attempt failed: its English text, and its template and fields for the app."""
    state = queue_state(root, number) or {"since": datetime.now(UTC).isoformat()}
    state["error"] = str(reason)
    state["template"] = reason.template
    state["params"] = {k: str(v) for k, v in reason.params.items()}
    state["tried_at"] = datetime.now(UTC).isoformat()
    state["attempts"] = int(state.get("attempts", 0)) + 1
    with contextlib.suppress(OSError):
        atomic_write_bytes(_make_queue(root) / number, json.dumps(state, ensure_ascii=False).encode("utf-8"))


def failure(state: dict[str, Any]) -> Message | None:
    """Why the last attempt failed, as a message (None when none failed)."""
    template, params = state.get("template"), state.get("params")
    if isinstance(template, str) and isinstance(params, dict):
        try:
            return Message(template, **{str(k): v for k, v in params.items()})
        except (KeyError, IndexError, ValueError):
            pass
    error = state.get("error")
    return Message("{text}", text=str(error)) if error else None


def dequeue(root: Path, number: str) -> None:
    with contextlib.suppress(OSError):
        (queue_dir(root) / number).unlink(missing_ok=True)
