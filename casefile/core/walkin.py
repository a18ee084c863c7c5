"""A walk-in registration at the counter: create the case, add the customer's photos, make the receipt.

The app's walk-in desk runs this on its task thread; a script can run it as it is. It reports
progress by yielding (:class:`Progress`, 0–100 over the three steps), says which step starts
(:class:`WalkInStep`), and yields :class:`Registered` as soon as the case exists, so that a
step that fails or is cancelled afterwards leaves a case that registering again completes
(``existing``) instead of creating a second one.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from casefile.core.bundle import BundleOptions, BundleResult, Venue, build_bundle
from casefile.core.evidence import AddOptions, AddResult, add_files
from casefile.core.library import Library
from casefile.core.model import Case
from casefile.core.progress import NEVER_CANCELLED, CancelToken, Progress
from casefile.core.settings import Settings

SOURCE = "顾客出示"  # the source recorded on each photo's exhibit (stored data)


class WalkInStep(enum.Enum):
    CASE = "case"
    PHOTOS = "photos"
    RECEIPT = "receipt"


@dataclass(frozen=True)
class Registered:
    """The case exists (kept even if a later step fails)."""

    number: str


def _scaled(progress: Progress, start: int, span: int) -> Progress:
    fraction = progress.done / progress.total if progress.total else 0.0
    return Progress(start + int(span * min(fraction, 1.0)), 100, progress.message)


def register_walk_in(
    library: Library,
    settings: Settings,
    case: Case,
    photos: Sequence[Path] = (),
    *,
    existing: str | None = None,
    layout: str = "a5",
    handed_over: Mapping[Path, tuple[str, str]] | None = None,
    cancel: CancelToken = NEVER_CANCELLED,
) -> Iterator[Progress | WalkInStep | Registered | AddResult | BundleResult]:
    """Create the case (or update ``existing``, a case an earlier attempt created), add ``photos``,
    build the receipt (``layout`` "a5" or "80mm").

    ``handed_over``: per photo, what the customer handed over for it and whether the store kept it
    (recorded on the photo's exhibit, printed on the receipt).
    """
    yield WalkInStep.CASE
    yield Progress(0, 100, "")
    if existing is None:
        number = library.create_case(case).number
    else:
        number = existing
        with library.edit(number) as writer:
            writer.update(case)
    yield Registered(number)
    yield WalkInStep.PHOTOS
    yield Progress(5, 100, "")
    if photos:
        options = AddOptions(source=SOURCE, purpose="")
        marks: dict[int, tuple[str, str]] = {}
        for item in add_files(library, number, list(photos), options, cancel=cancel):
            if isinstance(item, Progress):
                yield _scaled(item, 5, 75)
                continue
            exhibit = item.exhibit.number if item.exhibit is not None else item.duplicate_of
            mark = (handed_over or {}).get(item.path, ("", ""))
            if exhibit is not None and any(mark):
                marks[exhibit] = mark
            yield item
        if marks:
            with library.edit(number) as writer:
                for exhibit, (handed_in, disposition) in marks.items():
                    writer.update_exhibit(exhibit, handed_in=handed_in, disposition=disposition)
    cancel.check()
    yield WalkInStep.RECEIPT
    yield Progress(80, 100, "")
    receipt = BundleOptions(Venue.RECEIPT, layout=layout, force=True)
    for built in build_bundle(library, number, receipt, settings, cancel=cancel):
        if isinstance(built, Progress):
            yield _scaled(Progress(built.done, built.total, ""), 80, 20)
        else:
            yield built
    yield Progress(100, 100, "")
