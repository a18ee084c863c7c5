"""Redacted copies: exhibits of their own, made from an original and recorded like an ingest.

A redacted copy is made from the original's bytes as they are read and checked against the
recorded SHA-256 (:mod:`casefile.core.store`), burnt in by :mod:`.redact`, then added to the
case the way every exhibit is: the file is complete and flushed in ``.staging/``, an intent
names it, it is renamed into ``evidence/`` and made read-only, and the custody entry
``redact`` makes it exist (a crash in between is completed or undone at the next start,
:func:`casefile.core.evidence.recover_staging`). The entry records the original's number and
SHA-256, the boxes with their pages, the reason, the operator, and the tool and method, so
that the same boxes burnt into the original again give the same bytes. The original stays as
it was: verified, and ready to be produced (在线诉讼规则 art. 12).

A copy of a copy is made from the original, with the earlier copy's boxes and the new ones:
every copy derives from an original directly.

Packets choose per destination (:func:`choose_copies`): where the policy prefers redacted
copies (消协/12315, courier claims, a receipt's customer copy) the latest copy not withdrawn
goes in place of its original; courts and arbitration get the original.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from casefile import __app_name__, __version__
from casefile.core import record
from casefile.core.disclosure.redact import (
    PDF_MIME,
    Redacted,
    can_redact,
    redact_pdf,
    redact_picture,
)
from casefile.core.errors import InvalidValueError, Message
from casefile.core.evidence import place_exhibit, staging_pair, stored_name
from casefile.core.fsutil import remove_quietly, storage_error
from casefile.core.hashing import Digests, hash_file
from casefile.core.library import LOCK_TIMEOUT, Library
from casefile.core.metadata import extract
from casefile.core.model import Case, Exhibit, Redaction, RedactionRegion, to_data
from casefile.core.progress import NEVER_CANCELLED, CancelToken
from casefile.core.sniff import sniff
from casefile.core.store import EvidenceReader
from casefile.core.validate import check_text

log = logging.getLogger(__name__)

COPY_MARK = "（遮盖件）"  # added to a redacted copy's title and file name


@dataclass(frozen=True)
class RedactResult:
    """A redaction's outcome: the new copy, or the exhibit that already holds the very same bytes."""

    original: Exhibit
    exhibit: Exhibit | None = None
    duplicate_of: int | None = None


def redact_exhibit(
    library: Library,
    number: str,
    exhibit_no: int,
    regions: Sequence[RedactionRegion],
    reason: str,
    *,
    cancel: CancelToken = NEVER_CANCELLED,
    wait: float = LOCK_TIMEOUT,
) -> RedactResult:
    """Add a redacted copy of exhibit ``exhibit_no`` with ``regions`` burnt in; the original is untouched.

    ``regions``: pixels of the upright picture, or PDF points from a page's top-left corner with
    their page (see :mod:`.redact`). ``exhibit_no`` may be a redacted copy: the new copy is made
    from its original with both copies' boxes. Raises InvalidValueError for a missing reason,
    an exhibit that cannot be redacted and boxes outside the picture or page;
    :class:`~casefile.core.store.EvidenceMismatchError` when the original's file is not the one
    the case recorded.
    """
    reason = reason.strip()
    if not reason:
        raise InvalidValueError("a redaction needs a reason: what is covered, and why")
    check_text(reason, "reason")
    with library.edit(number, wait=wait) as writer:
        chosen = writer.exhibit(exhibit_no)
        original, earlier = chosen, []
        if chosen.derived_from is not None:
            original = writer.exhibit(chosen.derived_from)
            earlier = list(chosen.redaction.regions) if chosen.redaction is not None else []
        if original.withdrawn:
            raise InvalidValueError(
                "exhibit {number} was withdrawn ({reason}); a withdrawn exhibit is not redacted",
                number=original.number,
                reason=original.withdraw_reason,
            )
        if not can_redact(original.mime):
            raise InvalidValueError(
                "exhibit {number} ({name}) is neither a picture nor a PDF; only photos, screenshots and PDFs "
                "can be redacted",
                number=original.number,
                name=original.original_name,
            )
        boxes = [*earlier, *regions]
        folder = writer.folder
        with library.work_folder("redact") as work:
            reader = EvidenceReader(folder.path, work, writer.case.number, cancel=cancel)
            source = reader.copy(original)  # checked against its SHA-256 as it is copied
            cancel.check()
            part, intent = staging_pair(folder)
            try:
                if original.mime == PDF_MIME:
                    made = redact_pdf(source, part, boxes)
                else:
                    made = redact_picture(source, part, boxes)
                cancel.check()
                digests = hash_file(part, with_sm3=library.hash_sm3)
                existing = writer.case.exhibit_by_hash(digests.sha256)
                if existing is not None:
                    remove_quietly(part)
                    return RedactResult(original, duplicate_of=existing.number)
                copy = _copy_exhibit(writer.case, part, original, boxes, reason, made, digests)
                copy.added_by = writer.operator
                copy.stored_path = stored_name(folder, copy.number, copy.original_name)
                details = {
                    "exhibit": to_data(copy),
                    "derived_from": {"exhibit": original.number, "sha256": original.sha256},
                    "reason": reason,
                }
                place_exhibit(writer, part, intent, copy, record.REDACT, details)
            except BaseException as exc:
                if part.exists():  # not yet in evidence/: nothing happened
                    remove_quietly(part)
                    remove_quietly(intent)
                # else the intent stays: the next change to the case completes or undoes the copy
                if isinstance(exc, OSError):
                    raise storage_error(
                        exc, Message("making a redacted copy of exhibit {number}", number=original.number)
                    ) from exc
                raise
        log.info(
            "case %s: exhibit %d is a redacted copy of exhibit %d (%d boxes) sha256=%s",
            writer.case.number,
            copy.number,
            original.number,
            len(boxes),
            copy.sha256,
        )
        return RedactResult(original, exhibit=writer.case.exhibit(copy.number))


def _copy_exhibit(
    case: Case,
    part: Path,
    original: Exhibit,
    boxes: list[RedactionRegion],
    reason: str,
    made: Redacted,
    digests: Digests,
) -> Exhibit:
    pdf = original.mime == PDF_MIME
    name = f"{Path(original.original_name).stem or original.number}{COPY_MARK}{'.pdf' if pdf else '.png'}"
    sniffed = sniff(name, digests.size, digests.head, digests.tail)
    added_at = datetime.now(UTC)
    found = extract(part, sniffed.mime, original_name=name, file_modified_at=None, added_at=added_at)
    return Exhibit(
        number=case.next_exhibit_number(),
        title=original.title + COPY_MARK,
        kind=original.kind,
        original_name=name,
        stored_path="",
        size=digests.size,
        sha256=digests.sha256,
        sm3=digests.sm3,
        added_at=added_at,
        added_by="",
        source=original.source,
        purpose=original.purpose,
        # The copy shows the moment the original was made.
        captured_at=original.captured_at,
        captured_at_source=original.captured_at_source,
        mime=sniffed.mime,
        flags=sniffed.flags,
        metadata=found.metadata,
        derived_from=original.number,
        redaction=Redaction(
            source_sha256=original.sha256,
            regions=list(boxes),
            reason=reason,
            method=made.method,
            dpi=made.dpi,
            pixels_sha256=made.pixels_sha256,
            tool=f"{__app_name__} {__version__}",
        ),
    )


def reproduce(original: Path, redaction: Redaction, target: Path, mime: str) -> Redacted:
    """Burn a recorded redaction into the original again, writing ``target`` (to compare with the copy)."""
    if mime == PDF_MIME:
        return redact_pdf(original, target, redaction.regions, dpi=redaction.dpi or 300)
    return redact_picture(original, target, redaction.regions)


# --------------------------------------------------------------------------- packets


def latest_copies(case: Case) -> dict[int, Exhibit]:
    """Each original's latest redacted copy that is not withdrawn, by the original's number."""
    latest: dict[int, Exhibit] = {}
    for e in case.exhibits:
        source = e.derived_from
        if source is not None and not e.withdrawn and (source not in latest or e.number > latest[source].number):
            latest[source] = e
    return latest


def copies_of(case: Case, number: int) -> list[Exhibit]:
    """The redacted copies made of exhibit ``number`` (withdrawn ones included), oldest first."""
    return [e for e in case.exhibits if e.derived_from == number]


def choose_copies(
    case: Case,
    chosen: Sequence[Exhibit],
    *,
    prefers_redacted: bool,
    original: Iterable[int] = (),
    redacted: Iterable[int] = (),
) -> list[tuple[Exhibit, Exhibit | None]]:
    """For each exhibit chosen for a packet: (the original, the redacted copy printed in its place or None).

    ``chosen`` may name a redacted copy: it goes in, in its original's place. By default the
    latest copy replaces its original where ``prefers_redacted``; ``original`` and ``redacted``
    (exhibit numbers; ``redacted`` may name a particular copy) override that per exhibit. An
    exhibit never goes in twice, as itself and as its copy.
    """
    latest = latest_copies(case)

    def exhibit(n: int) -> Exhibit:
        try:
            return case.exhibit(n)
        except KeyError:
            raise InvalidValueError("case {case} has no exhibit {number}", case=case.number, number=n) from None

    def root(e: Exhibit) -> Exhibit:
        return exhibit(e.derived_from) if e.derived_from is not None else e

    pairs: list[tuple[Exhibit, Exhibit | None]] = []
    in_packet: set[int] = set()  # the originals' numbers
    listed: dict[int, Exhibit] = {}  # original number -> the copy named in ``chosen`` or ``redacted``
    for e in chosen:
        head = root(e)
        if head.withdrawn:
            raise InvalidValueError(
                "exhibit {number} was withdrawn; its redacted copy {copy} cannot go in either",
                number=head.number,
                copy=e.number,
            )
        if head.number in in_packet:
            raise InvalidValueError(
                "exhibit {number} would go in twice (as itself and as its redacted copy); list one of them",
                number=head.number,
            )
        if e is not head:
            listed[head.number] = e
        pairs.append((head, None))
        in_packet.add(head.number)
    forced_original = set()
    for n in original:
        head = root(exhibit(n))
        if head.number not in in_packet:
            raise InvalidValueError("exhibit {number} is not in this packet", number=n)
        forced_original.add(head.number)
    wanted_copy = set()
    for n in redacted:
        e = exhibit(n)
        head = root(e)
        if head.number not in in_packet:
            raise InvalidValueError("exhibit {number} is not in this packet", number=n)
        if e is not head:
            if e.withdrawn:
                raise InvalidValueError("exhibit {number} was withdrawn; it cannot go in", number=n)
            listed[head.number] = e
        elif head.number not in latest and head.number not in listed:
            raise InvalidValueError(
                "exhibit {number} has no redacted copy; make one first ('casefile redact')", number=n
            )
        wanted_copy.add(head.number)
    both = forced_original & (wanted_copy | set(listed))
    if both:
        raise InvalidValueError(
            "exhibit {number} is asked for both as the original and as its redacted copy", number=min(both)
        )
    out = []
    for head, _none in pairs:
        copy: Exhibit | None = None
        if head.number in listed:
            copy = listed[head.number]
        elif head.number not in forced_original and (prefers_redacted or head.number in wanted_copy):
            copy = latest.get(head.number)
        out.append((head, copy))
    return out


__all__ = [
    "COPY_MARK",
    "RedactResult",
    "choose_copies",
    "copies_of",
    "latest_copies",
    "redact_exhibit",
    "reproduce",
]
