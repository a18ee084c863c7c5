"""Watch folders: files dropped into a case's inbox, or into a folder attached to a case, become exhibits.

A :class:`Watcher` runs on threads of its own and never blocks its caller. Its parts, one
job each:

- :mod:`~casefile.core.watch.attachments`: which folders are attached to which case, listed
  in the library itself (``attachments.json``), so that every window and command sees the
  same list.
- :mod:`~casefile.core.watch.readiness`: when a file is complete (closed after writing, or
  still for the settle delay), and which names to leave alone; its clock can be replaced.
- :mod:`~casefile.core.watch.observers`: the watchdog observers (one recursive native watch
  over ``cases/``, one per attached folder, polling for network shares).
- :mod:`~casefile.core.watch.worker`: the watcher's thread: events in, batches of complete
  files to :func:`casefile.core.evidence.add_files`, arrivals and problems out.
- :mod:`~casefile.core.watch.disposal`: added files out of the way, into ``.ingested/``
  without overwriting, or deleted.
"""

from __future__ import annotations

from casefile.core.watch.attachments import (
    ATTACHMENTS_FORMAT,
    ATTACHMENTS_NAME,
    ATTACHMENTS_VERSION,
    WatchedFolder,
    WideFolderError,
    attach_folder,
    attached_folders,
    attachments_path,
    detach_folder,
    is_wide,
    library_overlap,
)
from casefile.core.watch.disposal import DELETE, INGESTED_DIR, MOVE, move_aside
from casefile.core.watch.readiness import (
    CLOSE_WAIT_LIMIT,
    PARTIAL_SUFFIXES,
    SYSTEM_CLOCK,
    Clock,
    Readiness,
    SystemClock,
    is_ignored,
)
from casefile.core.watch.worker import (
    BATCH_BYTES,
    BATCH_FILES,
    BATCH_LOG,
    ProblemCallback,
    ResultCallback,
    Watcher,
    WatchOptions,
    options_from_settings,
)

__all__ = [
    "ATTACHMENTS_FORMAT",
    "ATTACHMENTS_NAME",
    "ATTACHMENTS_VERSION",
    "BATCH_BYTES",
    "BATCH_FILES",
    "BATCH_LOG",
    "CLOSE_WAIT_LIMIT",
    "DELETE",
    "INGESTED_DIR",
    "MOVE",
    "PARTIAL_SUFFIXES",
    "SYSTEM_CLOCK",
    "Clock",
    "ProblemCallback",
    "Readiness",
    "ResultCallback",
    "SystemClock",
    "WatchOptions",
    "WatchedFolder",
    "Watcher",
    "WideFolderError",
    "attach_folder",
    "attached_folders",
    "attachments_path",
    "detach_folder",
    "is_ignored",
    "is_wide",
    "library_overlap",
    "move_aside",
    "options_from_settings",
]
