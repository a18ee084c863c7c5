"""Progress reporting and cancellation shared by long-running core services.

Services are generators that yield :class:`Progress` and check a :class:`CancelToken`
between units of work. The command line drains them; the GUI runs them on a worker
thread and forwards each ``Progress`` to the window.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from casefile.core.errors import CancelledError


class CancelToken:
    """Set from any thread; checked by the core between chunks of work."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise CancelledError()


NEVER_CANCELLED = CancelToken()


@dataclass(frozen=True)
class Progress:
    """``done`` of ``total`` units (bytes or items); ``total`` 0 when unknown.

    ``phase`` names a step after the main work (e.g. :data:`casefile.core.evidence.SCREENING`),
    empty for the main work itself; ``message`` then names what that step is working on.
    """

    done: int
    total: int
    message: str = ""
    phase: str = ""
