"""Arbitration agreements a case holds, and whether the parties still rely on them.

While the parties have a written arbitration agreement, a court does not take the complaint: it
tells the plaintiff to apply to the arbitration institution (民事诉讼法 art. 127 (二)). An
agreement found invalid, or one both sides have given up (the business agreed to go to court
instead), no longer stands in the way; the user marks it so, with the reason, and the mark is an
``exhibit-update`` in the custody log like any other change to an exhibit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casefile.core.errors import InvalidValueError
from casefile.core.model import Case, EvidenceKind, Exhibit

if TYPE_CHECKING:
    from casefile.core.library import Library

IN_FORCE = ""  # the default: the agreement stands
INVALID = "invalid"  # void or found invalid (no named institution, signed by someone without authority...)
WAIVED = "waived"  # both sides gave it up
NOT_IN_FORCE = (INVALID, WAIVED)
STATUS_NAMES = {IN_FORCE: "有效", INVALID: "无效", WAIVED: "已放弃"}


def in_force(exhibit: Exhibit) -> bool:
    """Whether ``exhibit`` is an arbitration agreement the parties still rely on."""
    return (
        exhibit.kind is EvidenceKind.ARBITRATION_AGREEMENT
        and not exhibit.withdrawn
        and exhibit.derived_from is None  # a redacted copy stands for its original, which carries the mark
        and exhibit.agreement_status not in NOT_IN_FORCE
    )


def agreements(case: Case) -> list[Exhibit]:
    """The case's arbitration agreements (not withdrawn, originals only), in the case's order."""
    return [
        e
        for e in case.ordered_exhibits()
        if e.kind is EvidenceKind.ARBITRATION_AGREEMENT and not e.withdrawn and e.derived_from is None
    ]


def mark_agreement(library: Library, number: str, exhibit_no: int, status: str, reason: str) -> Exhibit:
    """Record that the arbitration agreement ``exhibit_no`` is ``status`` (invalid, waived, or "" in force).

    Marking it invalid or waived needs the reason; both go to the custody log as an exhibit update.
    """
    status = status.strip()
    reason = reason.strip()
    if status not in (IN_FORCE, *NOT_IN_FORCE):
        raise InvalidValueError("unknown agreement status {status!r} (use invalid, waived or in-force)", status=status)
    if status and not reason:
        raise InvalidValueError("say why the arbitration agreement is {status} (--reason)", status=status)
    with library.edit(number) as writer:
        exhibit = writer.exhibit(exhibit_no)
        if exhibit.kind is not EvidenceKind.ARBITRATION_AGREEMENT:
            raise InvalidValueError(
                "exhibit {number} is a {kind}, not an arbitration agreement", number=exhibit_no, kind=exhibit.kind.value
            )
        if exhibit.withdrawn:
            raise InvalidValueError("exhibit {number} was withdrawn; it cannot be marked", number=exhibit_no)
        return writer.update_exhibit(exhibit_no, agreement_status=status, agreement_reason=reason)


__all__ = ["INVALID", "IN_FORCE", "NOT_IN_FORCE", "STATUS_NAMES", "WAIVED", "agreements", "in_force", "mark_agreement"]
