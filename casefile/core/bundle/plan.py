"""What a packet would disclose, before it is made: its disclosure report, without the pages.

The bundle wizard shows it before generating, and ``casefile bundle --disclosure`` prints it,
so the user can check what will be masked, stripped or replaced before anything is sent. It
does what the build does to the record and to each exhibit's content (with the files' hashes
checked as they are read), but draws nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from casefile.core import zone
from casefile.core.bundle import parts
from casefile.core.bundle.builder import (
    IMAGE_MIMES,
    TEXT_MIMES,
    check_photo,
    evidence_pdf_parts,
    photo_copies,
)
from casefile.core.bundle.context import BundleContext, Finding, Organisation
from casefile.core.bundle.options import select_entries
from casefile.core.disclosure import DisclosureAction, DisclosureReport, disclosure_for
from casefile.core.disclosure.kept import KeptCopies, recorded_copies
from casefile.core.disclosure.pictures import PictureTexts
from casefile.core.library import Library
from casefile.core.progress import NEVER_CANCELLED, CancelToken
from casefile.core.settings import Settings
from casefile.core.store import EvidenceMismatchError, EvidenceReader
from casefile.core.venues import Venue


@dataclass(frozen=True)
class DisclosurePlan:
    report: DisclosureReport  # what will be masked, stripped, removed or replaced
    findings: list[Finding]  # what only the files show, for the preflight (hidden text, layers)


def plan_disclosure(
    library: Library,
    number: str,
    venue: Venue,
    exhibits: list[int] | None,
    settings: Settings,
    *,
    original: list[int] | None = None,
    redacted: list[int] | None = None,
    cancel: CancelToken = NEVER_CANCELLED,
) -> DisclosurePlan:
    """The disclosure report of the packet for ``venue`` with ``exhibits`` (None: all), as it would be built.

    ``original`` and ``redacted``: as :class:`~casefile.core.bundle.builder.BundleOptions` has them.
    """
    folder = library.folder(number)
    case, custody = library.load_verified_log(number)
    ctx = BundleContext(
        case=case,
        venue=venue,
        entries=select_entries(
            case,
            exhibits,
            prefers_redacted=disclosure_for(venue).prefers_redacted,
            original=original,
            redacted=redacted,
        ),
        org=Organisation.from_settings(settings),
        operator=library.operator,
        generated_at=zone.now(),
        copies=KeptCopies(library.root),
        kept=recorded_copies(case, custody),  # the copies made safe when the files were added, as a packet prints them
        texts=PictureTexts(library.root),  # what OCR read in the pictures, for what they show unmasked
    )
    del custody
    if venue is Venue.RECEIPT:
        ctx.seen_by(disclosure_for(Venue.RECEIPT, copy="customer"), "顾客联")
        return DisclosurePlan(ctx.report, [])
    findings: list[Finding] = []
    with library.work_folder("disclosure") as work:
        reader = EvidenceReader(folder.path, work, case.number, cancel=cancel)
        for entry in ctx.entries:
            cancel.check()
            e = entry.exhibit
            try:
                if not e.size:
                    continue
                if e.mime == "image/jpeg" and not ctx.policy.keeps_photo_metadata:
                    # Copied without its metadata as the build does, to say exactly what goes.
                    checked = check_photo(reader, e, photo_copies(ctx, work))
                    if checked.stripped is not None:
                        ctx.report.add(
                            entry.name,
                            DisclosureAction.STRIPPED,
                            checked.stripped.what,
                            original_sha256=e.sha256,
                            printed_sha256=checked.stripped.sha256,
                        )
                elif e.mime == "application/pdf":
                    # Made safe and masked as the build does: what is removed, hidden or burnt out.
                    target = work / f"pdf-{entry.label}.pdf"
                    made = evidence_pdf_parts(ctx, entry, reader, target, lambda reason: [])
                    findings.extend(f for part in made for f in part.findings)
                elif (e.mime in TEXT_MIMES or e.mime.startswith("text/")) and e.mime not in IMAGE_MIMES:
                    data, cut = reader.read_head(e, parts.MAX_TEXT_BYTES)
                    parts.disclosed_text(ctx, entry, data, cut=cut)
            except EvidenceMismatchError:
                continue  # noted by the reader; finish() names them all
        reader.finish()
    return DisclosurePlan(ctx.report, findings)
