"""Trusted timestamps in the app: queued requests sent in the background, and the offline check of a
case's stamps for the details of its exhibits.

The sender asks the TSA chosen in Settings for every queued case, on the writes runner (a stamp is a
custody entry), once a while after a change and every few minutes, so that requests made while the
TSA could not be reached go out once it can.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING

from casefile.core.progress import CancelToken
from casefile.core.timestamps import queue
from casefile.ui.context import AppContext
from casefile.ui.i18n import fill
from casefile.ui.tasks import Task

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

if TYPE_CHECKING:
    from casefile.core.timestamps.roots import RootCert

log = logging.getLogger(__name__)

RETRY_MS = 5 * 60_000  # how often queued requests are sent again
AFTER_CHANGE_MS = 1_500  # how soon after a change (an ingest) the queue is looked at


class StampSender(QObject):
    """``stamped(number)``: a timestamp was attached to case ``number``. ``root_not_pinned(text)``: a stamp
    was attached whose root is not one pinned in Settings (said once while the app runs): ``text`` names the
    root, its fingerprint and how to pin it."""

    stamped = Signal(str)
    root_not_pinned = Signal(str)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: Task | None = None
        self.warned = False  # the user was told that a stamp's root is not pinned
        self.retry = QTimer(self)
        self.retry.timeout.connect(self.send_now)
        self.retry.start(RETRY_MS)
        self.soon = QTimer(self)
        self.soon.setSingleShot(True)
        self.soon.timeout.connect(self.send_now)
        ctx.events.case_changed.connect(self._changed)
        if ctx.settings.tsa_url.strip():  # what waited while the app was closed goes out soon after it starts
            self.soon.start(AFTER_CHANGE_MS)

    def _changed(self, _number: str) -> None:
        if self.ctx.settings.tsa_url.strip() and not self.soon.isActive():
            self.soon.start(AFTER_CHANGE_MS)

    def send_now(self) -> None:
        """Send the queued requests, unless a TSA is not chosen, nothing waits, or a send is under way."""
        from casefile.core.timestamps.roots import RootCert, is_pinned, pins_of, stamp_roots
        from casefile.core.timestamps.stamping import stamp_pending, tsa_from_settings

        tsa = tsa_from_settings(self.ctx.settings)
        library = self.ctx.library
        if tsa is None or self.task is not None or library.read_only or not queue.queued(library.root):
            return

        pins = pins_of(self.ctx.settings)

        def work(token: CancelToken) -> tuple[list[str], list[RootCert]]:
            done, unpinned = [], []
            for outcome in stamp_pending(library, tsa):
                token.check()
                if outcome.stamp is not None:
                    done.append(outcome.number)
                    roots = stamp_roots(library.folder(outcome.number).path, outcome.stamp)
                    if not is_pinned(roots, pins):
                        unpinned += [r for r in roots if r not in unpinned] or [RootCert("?", "")]
                elif outcome.error is not None:
                    log.info("timestamp for case %s: %s", outcome.number, outcome.error)
            return done, unpinned

        task = Task(work, "send queued timestamp requests")
        task.succeeded.connect(self._sent)
        task.failed.connect(lambda exc: log.warning("sending timestamp requests: %s", exc))
        task.finished.connect(self._finished)
        self.task = task
        self.ctx.runner.start(task)

    def _finished(self) -> None:
        self.task = None

    def _sent(self, result: object) -> None:
        numbers, unpinned = result if isinstance(result, tuple) else ([], [])
        for number in numbers:
            self.stamped.emit(str(number))
            self.ctx.events.case_changed.emit(str(number))
        if unpinned and not self.warned:
            self.warned = True
            self.root_not_pinned.emit(self.unpinned_text(unpinned))

    def unpinned_text(self, roots: list[RootCert]) -> str:
        named = roots_text(r for r in roots if r.sha256) or self.tr("(its root certificate cannot be read)")
        return fill(
            self.tr(
                "A timestamp was attached whose root certificate is not one you pinned, so it is shown as "
                "“timestamp (root not checked)”, not as a trusted timestamp:\n\n%1\n\n"
                "Anyone can make a root and a timestamp authority under any name. Compare this fingerprint with the "
                "one the authority publishes; if they are the same, add it under Settings → Pinned TSA roots "
                "(or choose the authority's root certificate file there)."
            ),
            named,
        )


def roots_text(roots: Iterable[RootCert]) -> str:
    """Root certificates as the app names them when it asks the user to check them before pinning: each its
    subject, then its SHA-256 fingerprint on a line of its own ('' for none)."""
    return "\n".join(
        fill(QCoreApplication.translate("StampSender", "%1\nSHA-256 %2"), r.subject, r.fingerprint) for r in roots
    )
