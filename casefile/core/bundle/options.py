"""What a bundle is asked for and what it gives back, and which exhibits go in: the bundle's
light half, which the app's windows and the command line use without loading what makes PDFs
(ReportLab, pikepdf), which :mod:`casefile.core.bundle.builder` imports."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from casefile.core.bundle.context import ExhibitEntry, Finding, Level, Route, Venue
from casefile.core.disclosure import DisclosureReport
from casefile.core.disclosure.derived import choose_copies
from casefile.core.errors import CaseFileError, InvalidValueError, Message
from casefile.core.model import Case
from casefile.core.numbering import packet_exhibits


class PreflightError(CaseFileError):
    """The bundle cannot be built as things stand; ``findings`` says why."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        blocking = [f for f in findings if f.level is Level.ERROR] or findings
        lines = [
            Message("  [error] {message}", message=f.message)
            if f.level is Level.ERROR
            else Message("  [warning] {message}", message=f.message)
            for f in findings
        ]
        hint = (
            ""
            if any(f.level is Level.ERROR for f in blocking)
            else Message("\n(once they are checked, add --force to accept the warnings and build anyway)")
        )
        super().__init__(Message("the bundle was not built:\n{findings}{hint}", findings=_lines(lines), hint=hint))


def _lines(items: list[Message]) -> Message | str:
    """Messages one per line, as one message, nested as deep as the logarithm of their number (a
    finding for each of thousands of exhibits makes no message deeper than Python can print)."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    middle = len(items) // 2
    return Message("{first}\n{rest}", first=_lines(items[:middle]), rest=_lines(items[middle:]))


@dataclass
class BundleOptions:
    venue: Venue
    exhibits: list[int] | None = None  # numbers, in the order wanted; None: all not withdrawn
    split_mb: int | None = None
    force: bool = False
    output: Path | None = None  # a copy goes here as well
    layout: str = "a5"  # receipts: "a5" or "80mm"
    # Exhibits printed as their original, or as their (latest, or the named) redacted copy,
    # whatever the destination's policy prefers.
    original: list[int] | None = None
    redacted: list[int] | None = None
    # Also one file per component for online filing (main document, evidence list, evidence
    # in volumes under the size limit, identity papers, 送达地址确认书), each under split_mb
    # (DEFAULT_COMPONENT_MB when not given).
    components: bool = False
    # Who receives it, where the venue has more than one destination: 消协 or 12315 for a consumer
    # complaint, the carrier or 12305 for a courier packet (Venue.routes); None: the venue's default.
    route: Route | None = None


@dataclass
class BundleResult:
    files: list[Path]  # saved under the case's bundles/: the filing (one file, or its volumes)
    pages: int  # of the filing
    sha256: list[str]
    copies: list[Path] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)
    disclosure: DisclosureReport | None = None  # what was masked, stripped or replaced for the destination
    disclosure_file: Path | None = None  # the report saved beside the packet (not part of the filing)
    guidance_file: Path | None = None  # the notes for the person filing, beside the packet (not part of it)
    guidance_sha256: str = ""
    components: list[Path] = field(default_factory=list)  # one file per component, for online filing
    component_sha256: list[str] = field(default_factory=list)


def select_entries(
    case: Case,
    wanted: list[int] | None,
    *,
    prefers_redacted: bool = False,
    original: list[int] | None = None,
    redacted: list[int] | None = None,
) -> list[ExhibitEntry]:
    """The exhibits of a packet, in order, each printed as itself or as its redacted copy.

    ``wanted`` None: every exhibit not withdrawn (redacted copies only ever in their original's
    place). A redacted copy goes in where ``prefers_redacted`` (the destination's policy) or
    ``redacted`` asks for it and ``original`` does not (see
    :func:`casefile.core.disclosure.derived.choose_copies`).
    """
    if wanted is None:
        chosen = packet_exhibits(case)
    else:
        chosen = []
        for number in wanted:
            try:
                exhibit = case.exhibit(number)
            except KeyError:
                raise InvalidValueError(
                    "case {case} has no exhibit {number}", case=case.number, number=number
                ) from None
            if exhibit.withdrawn:
                raise InvalidValueError(
                    "exhibit {number} was withdrawn ({withdraw_reason}); it cannot go in",
                    number=number,
                    withdraw_reason=exhibit.withdraw_reason,
                )
            chosen.append(exhibit)
        if len(set(wanted)) != len(wanted):
            raise InvalidValueError("an exhibit is listed twice in --exhibits")
    pairs = choose_copies(
        case, chosen, prefers_redacted=prefers_redacted, original=original or (), redacted=redacted or ()
    )
    return [
        ExhibitEntry(exhibit=copy or head, label=str(i), original=head if copy is not None else None)
        for i, (head, copy) in enumerate(pairs, start=1)
    ]
