"""Building a bundle: preflight, pages, page numbers, assembly, stamps, saving, custody.

Pages are made one part at a time into a temporary folder (a separator sheet, one small
PDF per photo, one per text or media exhibit, the documents) and then assembled with
qpdf (pikepdf) a piece of :data:`PIECE_PAGES` pages at a time, each page getting its stamp
(case number, exhibit page, bundle page) from a stamp sheet laid over it; the file is then
written from the pieces object by object (:mod:`casefile.core.bundle.join`), so neither the
photos nor a model of every page are ever in memory at once.

What a packet is saved as:

- the filing (``<base>.pdf``, or volumes ``<base>-第1册-共2册.pdf`` …): what goes to the venue,
  numbered, listed and bookmarked on its own;
- the guidance (``<base>-办理指引.pdf``): the notes for the person filing (立案提示,
  提交须知, the 12305 route: :func:`is_guidance`), never numbered into the filing;
- with ``BundleOptions.components``, the filing once more as one file per component for
  online filing (``<base>-民事起诉状.pdf``, ``-证据目录``, ``-证据`` in 第n册 volumes under
  the size limit, ``-身份证明``, ``-送达地址确认书``), each numbered on its own;
- the disclosure report (``<base>-信息披露报告.txt``).

The names follow the user's language (:mod:`casefile.core.bundle.naming`); the English ones are
``<base>-vol1of2.pdf``, ``<base>-guidance.pdf`` and ``<base>.disclosure.txt``.

All are recorded with their hashes in one custody entry, and verification checks them all.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import re
import sys
import time
import warnings
import zlib
from collections import Counter
from collections.abc import Generator, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pikepdf
from PIL import Image
from reportlab.platypus import Flowable

from casefile.core import record, scans, zone
from casefile.core.bundle import parts
from casefile.core.bundle.context import BundleContext, ExhibitEntry, Finding, Level, Organisation, Venue, redacted_note
from casefile.core.bundle.fill import PhotosChanged, PhotosNotClean, fill_placeholders
from casefile.core.bundle.imagepage import (
    ImageTooLarge,
    JpegHeader,
    content_box,
    place,
    printable,
    usable_dpi,
    write_jpeg_page,
    write_labelled_page,
    write_pixels_page,
)
from casefile.core.bundle.join import Link, join_pieces
from casefile.core.bundle.jpeg import Inspection, Verdict, inspect_header, inspect_jpeg
from casefile.core.bundle.naming import BundleNames, bundle_names
from casefile.core.bundle.options import BundleOptions, BundleResult, PreflightError, select_entries
from casefile.core.bundle.parts import form_needs_pages
from casefile.core.bundle.pdfkit import PAGE, register_fonts, render_stories, render_story, text_box
from casefile.core.bundle.preflight import preflight
from casefile.core.disclosure import DisclosureAction, disclosure_for, screening
from casefile.core.disclosure.kept import KeptCopies, KeptFile, MadeAgain, entry_details, keep_made, recorded_copies
from casefile.core.disclosure.masking import KIND_NAMES
from casefile.core.disclosure.pdf import (
    HiddenText,
    PdfInspection,
    SanitisedPdf,
    find_hidden_text,
    pages_text,
    report_sanitised,
    sanitise_pdf,
    sanitiser_engine,
)
from casefile.core.disclosure.photos import NotStrippable, StrippedPhoto, strip_jpeg
from casefile.core.disclosure.pictures import PictureTexts
from casefile.core.disclosure.redact import redact_pdf, suggest_boxes
from casefile.core.errors import CaseFileError, InvalidValueError, Message
from casefile.core.fsutil import TEMP_PREFIX, copy_private, fsync_dir, make_readonly, remove_quietly, storage_error
from casefile.core.hashing import hash_file
from casefile.core.library import Library
from casefile.core.model import EvidenceKind, Exhibit
from casefile.core.progress import NEVER_CANCELLED, CancelToken, Progress
from casefile.core.record.roles import organisation_party
from casefile.core.settings import Settings, clerk_id_of
from casefile.core.store import EvidenceMismatchError, EvidenceReader
from casefile.core.store.reader import Reason
from casefile.core.thumbnails import register_heif
from casefile.core.timestamps import roots
from casefile.core.venues import route_for

log = logging.getLogger(__name__)

IMAGE_MIMES = {
    "image/jpeg",
    "image/png",
    "image/gif",
    "image/bmp",
    "image/tiff",
    "image/webp",
    "image/heic",
    "image/heif",
}
TEXT_MIMES = {"text/plain", "text/csv", "text/html", "application/json", "message/rfc822"}
DEFAULT_COMPONENT_MB = 10  # the size limit of component files when none is given (spec §3 E7)
GUIDANCE_TITLES = frozenset({"立案提示", "提交须知", "申诉途径与期限", "办理指引", "注意事项"})
_GUIDANCE = re.compile(r"须知|提示|指引|途径")
GUIDANCE_BANNER = "本文件为办理指引，供提交人参考，不属于提交材料，无需提交。"
ROLES = {
    Venue.CONSUMER_ASSOCIATION: "投诉人",
    Venue.ARBITRATION: "申请人",
    Venue.COURT: "原告",
    Venue.COURIER_CLAIM: "索赔人",
}


def filer_role(ctx: BundleContext) -> str:
    """Who files the packet, as its evidence list names them: 原告, 申请人, 投诉人, 索赔人 or 申诉人 (12305)."""
    return ctx.route.filer if ctx.route is not None else ROLES[ctx.venue]


def is_guidance(title: str) -> bool:
    """Is a closing section (documents.closing_matter) guidance for the person filing rather
    than part of the filing? 立案提示, 提交须知, 申诉途径与期限 (the 12305 route) and any
    other 须知/提示/指引/途径 are; anything else (a statement, an annex) stays in the filing."""
    return title in GUIDANCE_TITLES or bool(_GUIDANCE.search(title))


@dataclass
class _Output:
    """A finished file in the work folder, on its way to the case's bundles/."""

    staging: Path
    name: str
    sha256: str
    pages: int | None = None
    role: str = "packet"  # packet, guidance, component, disclosure
    component: str = ""  # the component it is (民事起诉状, 证据 第1册…)


@dataclass
class _Built:
    packet: list[_Output]
    guidance: _Output | None = None
    components: list[_Output] = field(default_factory=list)


@dataclass(eq=False)  # a part is itself: compared by identity, never field by field
class _Part:
    """A run of pages: from one of our PDFs (A4) or from an evidence PDF (fitted to A4)."""

    path: Path
    pages: int
    section: str = ""  # bookmark and stamp text for pages outside exhibits
    entry: ExhibitEntry | None = None
    first_of_exhibit: bool = False  # the separator page: bookmark target
    foreign: bool = False  # an evidence PDF whose pages are scaled into the content box
    content: bool = False  # exhibit content: gets the E2 caption
    page_indices: list[int] | None = None  # pages of ``path`` to use; None: all
    size: int = 0
    anchors: list[tuple[str, int, float, float]] = field(default_factory=list)
    placeholder: str = ""  # a photo whose bytes are streamed in after assembly (see fill.py)
    masked_sha256: str = ""  # the pages show a copy masked for the destination: its hash, beside the original's
    findings: list[Finding] = field(default_factory=list)  # what the preflight could only see in the file
    stripped: StrippedPhoto | None = None  # that photo's copy without metadata, streamed in instead
    note: str = ""  # said at the top of the exhibit area (a small picture printed at its natural size)
    header: bytes = b""  # a photo laid out from its header alone: that header, inspected whole at the fill


class _Sheets:
    """Exhibit pages we lay out ourselves (text exhibits, notices), many exhibits to one PDF.

    Each exhibit starts on a new page as it would in a file of its own, but a batch shares one
    file and one subset of each font: a bundle of thousands of chat logs is a few files, not
    thousands, and few are open at once when the bundle is assembled. A batch is laid out
    when it reaches :attr:`STORIES` exhibits or :attr:`WEIGHT` bytes of text, so the stories
    waiting for it stay small whatever the case's size.
    """

    STORIES = 400
    WEIGHT = 16 << 20

    def __init__(self, work: Path) -> None:
        self.work = work
        self.files = 0
        self.pending: list[tuple[_Part, list[Flowable]]] = []
        self.weight = 0

    def add(self, part: _Part, flowables: list[Flowable], weight: int = 0) -> list[_Part]:
        """``part``'s pages, laid out (its path, page count and pages set) by the next :meth:`flush`."""
        self.pending.append((part, flowables))
        self.weight += weight
        if len(self.pending) >= self.STORIES or self.weight >= self.WEIGHT:
            self.flush()
        return [part]

    def flush(self) -> None:
        if not self.pending:
            return
        path = self.work / f"sheets-{self.files}.pdf"
        self.files += 1
        counts = render_stories(path, [flowables for _part, flowables in self.pending])
        size = path.stat().st_size // max(sum(counts), 1)  # bytes per page, for cutting volumes
        start = 0
        for (part, _flowables), count in zip(self.pending, counts, strict=True):
            part.path, part.pages, part.size = path, count, size
            part.page_indices = list(range(start, start + count))
            start += count
        self.pending = []
        self.weight = 0


def build_bundle(
    library: Library,
    number: str,
    options: BundleOptions,
    settings: Settings,
    *,
    cancel: CancelToken = NEVER_CANCELLED,
) -> Iterator[Progress | BundleResult]:
    """Build the bundle for one venue; yields progress, then the result. Nothing is saved if cancelled.

    Every exhibit file is read with its SHA-256 checked on the way (:mod:`casefile.core.store`):
    one that changed, went missing or cannot be read stops the build with
    :class:`~casefile.core.store.EvidenceMismatchError` naming them all, whatever ``options.force``.
    """
    check_output(options.output)
    if options.output is not None:
        library.refuse_inside(options.output)  # in a case's folder it would make the case fail to verify
    route = route_for(options.venue, options.route)  # a destination the venue does not go to is an error
    folder = library.folder(number)
    case, custody = library.load_verified_log(number)  # case.json must be what the custody log says
    kept = recorded_copies(case, custody)  # the sanitised copies of PDFs made when they were added
    edition = None
    if options.venue is Venue.RECEIPT:  # a reprint or a correction of the receipts issued before, if any
        from casefile.core.bundle.receipt_history import receipt_edition

        edition = receipt_edition(custody)
    del custody
    entries = select_entries(
        case,
        options.exhibits,
        prefers_redacted=disclosure_for(options.venue).prefers_redacted,
        original=options.original,
        redacted=options.redacted,
    )
    texts = PictureTexts(library.root)  # what OCR read in the pictures: the personal data they show
    findings = preflight(
        case,
        options.venue,
        entries,
        size_limit_mb=_split_mb(options),
        organisation=organisation_party(settings),
        route=route,
        texts=texts,
    )
    blocking = [f for f in findings if f.level is Level.ERROR or not options.force]
    if blocking:
        raise PreflightError(findings if any(f.level is Level.ERROR for f in blocking) else blocking)
    head_seq, head_hash = case.custody_head.seq, case.custody_head.hash
    generated_at = zone.now()
    preflight_findings = findings

    stamp_roots = {stamp.id: roots.stamp_roots(folder.path, stamp) for stamp in case.timestamps}
    authorities = {stamp.id: roots.stamp_authority(folder.path, stamp) for stamp in case.timestamps}

    def context() -> BundleContext:
        nonlocal findings
        findings = list(preflight_findings)  # the build adds what only the files show (and --force accepts)
        return BundleContext(
            case=case,
            venue=options.venue,
            entries=entries,
            org=Organisation.from_settings(settings),
            operator=library.operator,
            generated_at=generated_at,
            custody_head=head_hash,
            warnings=findings,
            clerk_id=clerk_id_of(library.operator, settings),
            route=route,
            screenings=screening.ScreeningStore(library.root),
            copies=KeptCopies(library.root),
            kept=kept,
            refreshed=[],
            stamp_roots=stamp_roots,
            stamp_authorities=authorities,
            pinned_roots=roots.pins_of(settings),
            texts=texts,
            receipt=edition,
        )

    ctx = context()
    # Named in the user's language, never the name of a bundle already in the folder.
    names = bundle_names(
        case.number, options.venue, route, ctx.generated_at, settings.language, _names_in(folder.bundles_dir)
    )
    staged: list[Path] = []
    with library.work_folder("bundle") as work, _cleanup(staged):
        out_dir = work / "out"
        out_dir.mkdir()
        if options.venue is Venue.RECEIPT:
            from casefile.core.bundle.receipt import LAYOUTS, render_receipt

            if options.layout not in LAYOUTS:
                raise InvalidValueError(
                    "unknown receipt layout {layout!r} (use {choices})",
                    layout=options.layout,
                    choices=" or ".join(LAYOUTS),
                )
            yield Progress(0, 1, "receipt")
            name = names.receipt(options.layout)
            target = out_dir / f"{TEMP_PREFIX}{name}"
            staged.append(target)
            pages = render_receipt(ctx, work / "receipt.pdf", options.layout)
            _set_metadata_file(work / "receipt.pdf", target, ctx, f"投诉受理回执 {case.number}")
            built = _Built([_Output(target, name, hash_file(target).sha256, pages)])
        else:
            # A photo laid out from its header and found damaged only as its bytes were streamed in
            # (rare: the header was sound) is laid out again, decoded, with the whole packet.
            known: dict[int, Inspection] = {}
            attempt = work
            while True:
                try:
                    built = yield from _build_packet(
                        ctx, folder.path, attempt, out_dir, names, head_seq, options, cancel, staged, known
                    )
                    break
                except _Reinspect as exc:
                    log.info("bundle %s: photos to print decoded: %s", case.number, sorted(exc.found))
                    known.update(exc.found)
                    for path in staged:
                        remove_quietly(path)
                    staged.clear()
                    attempt = work / f"again-{len(known)}"
                    attempt.mkdir()
                    ctx = context()
        cancel.check()
        # The disclosure report goes beside the packet, never into it: the user checks it before sending.
        report_name = names.disclosure()
        report_path = out_dir / report_name
        report_path.write_text(ctx.report.to_text(f"{ctx.heading} {case.number} 信息披露报告"), "utf-8")
        report = _Output(report_path, report_name, hash_file(report_path).sha256, role="disclosure")
        result = _save(library, folder, ctx, built, options, findings, report)
    yield result


class _Reinspect(Exception):
    """Photos laid out from their header that turned out not to be clean as they were streamed
    in: ``found`` maps each exhibit's number to its inspection (the packet is made again)."""

    def __init__(self, found: dict[int, Inspection]) -> None:
        super().__init__(", ".join(map(str, found)))
        self.found = found


def _names_in(folder: Path) -> set[str]:
    """The names of the files in a case's bundles folder (those being saved included)."""
    try:
        return {p.name.removeprefix(TEMP_PREFIX) for p in folder.iterdir()}
    except OSError:  # none yet; one that cannot be read fails the save, saying why
        return set()


def _split_mb(options: BundleOptions) -> int | None:
    """The size limit of each file: as given, or DEFAULT_COMPONENT_MB for component files."""
    return options.split_mb or (DEFAULT_COMPONENT_MB if options.components else None)


class _Clock:
    """Logs how long each phase took (DEBUG), for finding where bundle time goes."""

    def __init__(self, number: str) -> None:
        self.number = number
        self.last = time.perf_counter()

    def lap(self, phase: str) -> None:
        now = time.perf_counter()
        log.debug("bundle %s: %s took %.3f s", self.number, phase, now - self.last)
        self.last = now


@contextlib.contextmanager
def _cleanup(staged: list[Path]) -> Iterator[None]:
    """Remove half-written outputs when the build fails or is cancelled."""
    try:
        yield
    except BaseException:
        for path in staged:
            remove_quietly(path)
        raise


def _build_packet(
    ctx: BundleContext,
    case_dir: Path,
    work: Path,
    out_dir: Path,
    names: BundleNames,
    custody_entries: int,
    options: BundleOptions,
    cancel: CancelToken,
    staged: list[Path],
    known: dict[int, Inspection] | None = None,
) -> Generator[Progress, None, _Built]:
    """``known``: photos found not clean as a packet before was filled, by exhibit number (printed decoded)."""
    from casefile.core.bundle.documents import closing_matter, front_matter

    total_steps = len(ctx.entries) + 4
    clock = _Clock(ctx.case.number)
    yield Progress(0, total_steps, "documents")

    # 1. Exhibits: their content, then one separator page each (many to a file), which says
    # what the packet did to the exhibit (a photo's copy without metadata: both hashes). Photos
    # are seen to on two more threads meanwhile: where the destination must not see their
    # metadata, checked whole (hash, markers, headers) and copied without it; where it gets them
    # byte for byte, only their header is read here, the rest being checked on the one read that
    # streams their bytes into the bundle (fill.py). That work is mostly reading, hashing,
    # writing and libjpeg, which release the GIL, and this thread mostly waits for it.
    reader = EvidenceReader(case_dir, work / "evidence", ctx.case.number, cancel=cancel)
    copies = photo_copies(ctx, work)
    sheets = _Sheets(work)
    pool = ThreadPoolExecutor(2, thread_name_prefix="bundle-photos")
    try:
        known = known or {}
        checks = {
            i: pool.submit(check_photo, reader, entry.exhibit, copies, known.get(entry.exhibit.number))
            for i, entry in enumerate(ctx.entries)
            if entry.exhibit.mime == "image/jpeg" and entry.exhibit.size
        }
        register_fonts()  # every packet's pages need them: read while the first photos are checked
        contents: list[list[_Part]] = []
        for i, entry in enumerate(ctx.entries):
            cancel.check()
            try:
                contents.append(_content_parts(ctx, entry, reader, work, i, checks.get(i), sheets))
            except EvidenceMismatchError:
                contents.append([])  # noted by the reader; every other exhibit is still checked before stopping
            yield Progress(i + 1, total_steps, entry.exhibit.original_name)
        sheets.flush()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    if reader.problems:
        # Every exhibit that differs is named at once: the photos whose bytes are only checked
        # as they are streamed in (laid out from their header) are checked now.
        for part in (p for content in contents for p in content if p.header):
            with contextlib.suppress(EvidenceMismatchError):
                reader.check(_exhibit_of(part))
    reader.finish()
    _stop_for_findings(ctx, [f for content in contents for part in content for f in part.findings], options)
    exhibit_parts = [
        [separator, *content] for separator, content in zip(_separator_parts(ctx, work), contents, strict=True)
    ]

    # 2. Documents before the evidence list, in one file.
    front = _documents(work / "front.pdf", front_matter(ctx))
    cancel.check()
    clock.lap("exhibit pages and documents")

    # 3. The evidence list: its page ranges depend on its own length, so lay it out until stable.
    # Its flowables are made once: a pass again reads only the 页码 cells, every other cell keeps
    # the lines it was broken into.
    role = filer_role(ctx)
    list_path = work / "evidence-list.pdf"
    front_pages = sum(p.pages for p in front)
    list_pages = 1 + len(ctx.entries) // 18  # a first guess; corrected below
    anchors: list[tuple[str, int, float, float]] = []
    listing = parts.evidence_list_flowables(ctx, role, anchors)
    # A guess of more than a page is rough: the first pass only measures (its text is not
    # drawn), and the next one, with the page numbers it gives, is drawn.
    for attempt in range(6):
        measure = attempt == 0 and list_pages > 1
        page = front_pages + list_pages + 1
        for entry, group in zip(ctx.entries, exhibit_parts, strict=True):
            count = sum(p.pages for p in group)
            entry.first_page, entry.last_page = page, page + count - 1
            page += count
        anchors.clear()
        new_pages = render_story(list_path, list(listing), draw=not measure)
        log.debug("evidence list: guessed %d pages, laid out %d", list_pages, new_pages)
        if new_pages == list_pages and not measure:
            break
        list_pages = new_pages
    del listing  # not held through the assembly
    evidence_list = _Part(list_path, list_pages, section="证据目录", anchors=anchors)
    clock.lap("evidence list")
    yield Progress(len(ctx.entries) + 2, total_steps, "evidence list")

    # 4. The integrity annex, then the closing sections: those that belong to the filing stay
    # in it, the notes for the person filing go into a file of their own.
    annex, *after = _documents(
        work / "closing.pdf",
        [("电子证据完整性校验表", parts.annex_flowables(ctx, custody_entries)), *closing_matter(ctx)],
    )
    closing = [part for part in after if not is_guidance(part.section)]
    guidance = [part for part in after if is_guidance(part.section)]
    cancel.check()

    # 5. Volumes, stamps and assembly of the filing: what the layout freed goes back to the
    # system first, so the assembly's memory comes on top of what the bundle holds, not of
    # everything it laid out.
    give_back_memory()
    for part in [*front, evidence_list, annex, *closing, *guidance, *(p for g in exhibit_parts for p in g)]:
        if not part.size:  # bytes per page, for cutting volumes
            part.size = part.path.stat().st_size // max(part.pages, 1)
    volumes = _plan_volumes(front + [evidence_list], exhibit_parts, [annex, *closing], options.split_mb)
    yield Progress(len(ctx.entries) + 3, total_steps, "assembling")
    volume_names = [names.packet(v, len(volumes)) for v in range(1, 1 + len(volumes))]
    heading = f"{ctx.heading} {ctx.case.number}"
    titles = (
        [heading]
        if len(volumes) == 1
        else [f"{heading} 第{v}册/共{len(volumes)}册" for v in range(1, 1 + len(volumes))]
    )
    packet = _write_volumes(
        ctx, volumes, exhibit_parts, work / "stamps.pdf", out_dir, volume_names, titles, staged, reader, cancel
    )
    built = _Built(packet)
    clock.lap("assembly")

    # 6. The guidance, beside the filing: numbered on its own, saying on every page what it is.
    if guidance:
        name = names.guidance()
        (built.guidance,) = _write_volumes(
            ctx,
            [guidance],
            [],
            work / "stamps-guidance.pdf",
            out_dir,
            [name],
            [f"{heading} 办理指引（非提交材料）"],
            staged,
            reader,
            cancel,
            document="办理指引（非提交材料）",
            banner=GUIDANCE_BANNER,
            role="guidance",
        )

    # 7. One file per component, for online filing.
    if options.components:
        built.components = _write_components(
            ctx, front, exhibit_parts, [annex, *closing], work, out_dir, names, options, staged, reader, cancel
        )
        clock.lap("components")
    yield Progress(total_steps, total_steps, "saved")
    return built


def _documents(path: Path, sections: list[tuple[str, list[Flowable]]]) -> list[_Part]:
    """Documents (each a bookmark title and its flowables) laid out into one file, each from the
    top of a new page as it would be alone: one part each, and one subset of each font for all."""
    if not sections:
        return []
    counts = render_stories(path, [flowables for _title, flowables in sections])
    size = path.stat().st_size // max(sum(counts), 1)  # bytes per page, for cutting volumes
    documents: list[_Part] = []
    start = 0
    for (title, _flowables), count in zip(sections, counts, strict=True):
        documents.append(_Part(path, count, section=title, page_indices=list(range(start, start + count)), size=size))
        start += count
    return documents


def give_back_memory() -> None:
    """Hand memory freed by the process back to the system where the C library keeps it
    (glibc's ``malloc_trim``: after laying out 1,000 exhibits, some 20 MB); elsewhere (Windows,
    macOS, other C libraries) nothing is done."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # not glibc
        return
    trim(0)


SEPARATORS_PER_FILE = 500


def _separator_parts(ctx: BundleContext, work: Path) -> list[_Part]:
    """Each exhibit's separator pages (one, or more for a crowded cover), :data:`SEPARATORS_PER_FILE`
    exhibits to a file: one subset of each font for many pages, and no more pages held in memory at
    once than a file's."""
    separators: list[_Part] = []
    for start in range(0, len(ctx.entries), SEPARATORS_PER_FILE):
        batch = ctx.entries[start : start + SEPARATORS_PER_FILE]
        path = work / f"separators-{start // SEPARATORS_PER_FILE}.pdf"
        counts: list[int] = []
        parts.render_separators(path, ctx, batch, counts=counts)
        size = path.stat().st_size // sum(counts)  # bytes per page, for cutting volumes
        first = 0
        for entry, count in zip(batch, counts, strict=True):
            indices = list(range(first, first + count))
            separators.append(_Part(path, count, entry=entry, first_of_exhibit=True, page_indices=indices, size=size))
            first += count
    return separators


def _stamps(
    volumes: list[list[_Part]], groups: list[list[_Part]], *, document: str = "", banner: str = ""
) -> list[parts.PageStamp]:
    """The stamp of every page of a file (or of its volumes, numbered through)."""
    total = sum(p.pages for vol in volumes for p in vol)
    exhibit_pages: dict[int, int] = {}  # id(part): the pages of its exhibit
    pages_before: dict[int, int] = {}  # id(part): its exhibit's pages before it
    for group in groups:
        count = sum(q.pages for q in group)
        before = 0
        for q in group:
            exhibit_pages[id(q)], pages_before[id(q)] = count, before
            before += q.pages
    stamps: list[parts.PageStamp] = []
    n = 0
    for v, vol in enumerate(volumes, start=1):
        for part in vol:
            owner = part.entry
            content = owner is not None and part.content
            for k in range(part.pages):
                n += 1
                stamps.append(
                    parts.PageStamp(
                        number=n,
                        total=total,
                        section=part.section,
                        exhibit_label=owner.label if owner else "",
                        exhibit_page=(_page_in_exhibit(part, k, pages_before) if owner else 0),
                        exhibit_pages=exhibit_pages.get(id(part), 0) if owner else 0,
                        exhibit_sha256=(part.masked_sha256 or owner.exhibit.sha256) if owner and content else "",
                        original_sha256=_original_sha256(part, owner) if owner and content else "",
                        redaction=redacted_note(owner) if owner and content else "",
                        printed_sha256=part.stripped.sha256 if part.stripped and content else "",
                        paper=bool(owner and content and parts.entry_form(owner) == "书证"),
                        volume=v,
                        volumes=len(volumes),
                        document=document,
                        note=part.note,
                        banner=banner,
                    )
                )
    return stamps


def _write_volumes(
    ctx: BundleContext,
    volumes: list[list[_Part]],
    groups: list[list[_Part]],
    stamp_path: Path,
    out_dir: Path,
    names: list[str],
    titles: list[str],
    staged: list[Path],
    reader: EvidenceReader,
    cancel: CancelToken,
    *,
    document: str = "",
    banner: str = "",
    role: str = "packet",
    component: str = "",
) -> list[_Output]:
    """Stamp and assemble a file (or its volumes) into ``out_dir``; one output per volume."""
    stamps = _StampSheets(stamp_path, ctx.case.number, _stamps(volumes, groups, document=document, banner=banner))
    outputs: list[_Output] = []
    offset = 0
    try:
        for vol, name, title in zip(volumes, names, titles, strict=True):
            cancel.check()
            target = out_dir / f"{TEMP_PREFIX}{name}"
            staged.append(target)
            pages, digest = _assemble(ctx, vol, stamps, offset, target, title, reader)
            offset += pages
            which = component if len(volumes) == 1 else f"{component} 第{len(outputs) + 1}册"
            outputs.append(_Output(target, name, digest, pages, role, which if component else ""))
    finally:
        stamps.close()
    return outputs


class _StampSheets:
    """The stamps of a file's pages, laid out :attr:`PAGES` at a time as the assembly reaches
    them (:func:`parts.render_stamps`): each page's stamp is one content stream, drawn over the
    page as a form, and the fonts the stamps use are one resource dictionary a sheet, copied
    into the bundle once a sheet instead of once a page.
    """

    PAGES = 2000

    def __init__(self, path: Path, case_number: str, stamps: list[parts.PageStamp]) -> None:
        self.path = path
        self.case_number = case_number
        self.stamps = stamps
        self.sheets = 0  # sheets laid out so far
        self._open: tuple[int, pikepdf.Pdf, list[bytes], pikepdf.Object] | None = None

    def form(self, n: int) -> pikepdf.Stream:
        """The stamp of page ``n`` (0-based, numbered through the volumes), as a form over an A4 page."""
        sheet, k = divmod(n, self.PAGES)
        if self._open is None or self._open[0] != sheet:
            self.close()
            path = self.path.with_name(f"{self.path.stem}.{sheet}.pdf")
            streams = parts.render_stamps(
                path, self.case_number, self.stamps[sheet * self.PAGES : (sheet + 1) * self.PAGES]
            )
            self.sheets += 1
            fonts = pikepdf.open(path)
            self._open = sheet, fonts, streams, fonts.make_indirect(fonts.pages[0].obj.Resources)
        _sheet, fonts, streams, resources = self._open
        form = pikepdf.Stream(fonts, b"")
        form.write(streams[k], filter=pikepdf.Name.FlateDecode)  # as ReportLab compressed it
        form.Type = pikepdf.Name.XObject
        form.Subtype = pikepdf.Name.Form
        form.BBox = pikepdf.Array([0, 0, *PAGE])
        form.Resources = resources
        return form

    def close(self) -> None:
        if self._open is not None:
            self._open[1].close()
            self._open = None


COMPONENT_EVIDENCE = "证据"
COMPONENT_LIST = "证据目录"
COMPONENT_IDENTITY = parts.IDENTITY_SECTION
SERVICE_ADDRESS = "送达地址确认书"


def _write_components(
    ctx: BundleContext,
    front: list[_Part],
    groups: list[list[_Part]],
    tail: list[_Part],
    work: Path,
    out_dir: Path,
    names: BundleNames,
    options: BundleOptions,
    staged: list[Path],
    reader: EvidenceReader,
    cancel: CancelToken,
) -> list[_Output]:
    """The filing once more, one file per component, each numbered on its own and under the
    size limit: the venue's main document, the evidence list (its page column pointing into
    the evidence file), the evidence with the integrity annex (in 第n册 volumes when over the
    limit), the identity papers (a page listing what to attach), the 送达地址确认书 (court).
    The cover is left out: online filing has none."""
    limit = _split_mb(options)
    outputs: list[_Output] = []

    def single(name: str, file_parts: list[_Part], role_text: str) -> None:
        outputs.extend(
            _write_volumes(
                ctx,
                [file_parts],
                [],
                work / f"stamps-{len(outputs)}.pdf",
                out_dir,
                [names.component(name)],
                [f"{ctx.heading} {ctx.case.number} {role_text}"],
                staged,
                reader,
                cancel,
                document=role_text,
                role="component",
                component=name,
            )
        )

    # The main document, then each other paper (授权委托书) as a file of its own; no cover and no
    # paper copies for the defendants (本状副本): the court serves an online filing itself.
    # The identity page, where the filing holds one, is its own component below.
    documents = [
        p for p in front if p.section not in ("封面", SERVICE_ADDRESS, COMPONENT_IDENTITY) and "副本" not in p.section
    ]
    for document in documents:
        single(document.section, [document], document.section)

    # The evidence file first, for its page numbers; the list pointing into it is written next.
    volumes = _plan_volumes([], groups, tail, limit)
    page = 1
    volume_of: dict[str, int] = {}
    for v, vol in enumerate(volumes, start=1):
        held = {id(p) for p in vol}
        for group in (g for g in groups if g and id(g[0]) in held):
            entry = group[0].entry
            assert entry is not None
            count = sum(p.pages for p in group)
            entry.first_page, entry.last_page = page, page + count - 1
            volume_of[entry.label] = v
            page += count
        page += sum(p.pages for p in vol if p.entry is None)
    count = len(volumes)
    evidence_names = [
        names.component(COMPONENT_EVIDENCE if count == 1 else f"{COMPONENT_EVIDENCE}-第{v}册")
        for v in range(1, count + 1)
    ]
    evidence_file = evidence_names[0] if count == 1 else names.component(f"{COMPONENT_EVIDENCE}-第n册")
    refs = parts.PageRefs(
        header="证据文件页码",
        note=f"页码指证据文件（{evidence_file}）每页页脚所标的页码"
        + ("，证据文件分册的，并注明册号。" if count > 1 else "。"),
        volume_of=(lambda e: volume_of[e.label]) if count > 1 else None,
    )
    list_path = work / "evidence-list-component.pdf"
    listing = _Part(
        list_path,
        render_story(list_path, parts.evidence_list_flowables(ctx, filer_role(ctx), [], refs)),
        section=COMPONENT_LIST,
    )
    single(COMPONENT_LIST, [listing], COMPONENT_LIST)
    outputs.extend(
        _write_volumes(
            ctx,
            volumes,
            groups,
            work / "stamps-evidence.pdf",
            out_dir,
            evidence_names,
            [
                f"{ctx.heading} {ctx.case.number} 证据" + (f" 第{v}册/共{count}册" if count > 1 else "")
                for v in range(1, count + 1)
            ],
            staged,
            reader,
            cancel,
            document="证据文件",
            role="component",
            component=COMPONENT_EVIDENCE,
        )
    )
    # The identity page: the filing's own (court, arbitration), else one made for this file.
    identity = next((p for p in front if p.section == COMPONENT_IDENTITY), None)
    if identity is None:
        identity_path = work / "identity.pdf"
        identity = _Part(
            identity_path,
            render_story(identity_path, parts.identity_flowables(ctx, filer_role(ctx))),
            section=COMPONENT_IDENTITY,
        )
    single(COMPONENT_IDENTITY, [identity], COMPONENT_IDENTITY)
    service = [p for p in front if p.section == SERVICE_ADDRESS]
    if service:
        single(SERVICE_ADDRESS, service, SERVICE_ADDRESS)
    return outputs


def _original_sha256(part: _Part, owner: ExhibitEntry) -> str:
    """The original's hash, printed beside the page's own when the page shows a masked or redacted copy."""
    if part.masked_sha256:
        return (owner.original or owner.exhibit).sha256
    return owner.original.sha256 if owner.original else ""


def _stop_for_findings(ctx: BundleContext, found: list[Finding], options: BundleOptions) -> None:
    """The preflight's second half: what only the exhibit files show (hidden layers, hidden text).

    Errors stop the build; warnings stop it unless accepted with ``--force``, as the first half's
    do, and are then recorded with them.
    """
    if not found:
        return
    blocking = [f for f in found if f.level is Level.ERROR or not options.force]
    if blocking:
        raise PreflightError(found if any(f.level is Level.ERROR for f in blocking) else blocking)
    ctx.warnings.extend(found)


def _page_in_exhibit(part: _Part, k: int, pages_before: dict[int, int]) -> int:
    """Page ``k`` (from 0) of ``part`` as its exhibit's page (from 1); 0 outside the exhibits.

    ``pages_before``: id(part) -> its exhibit's pages before it, worked out once for all pages.
    """
    before = pages_before.get(id(part))
    return 0 if before is None else before + k + 1


def _content_parts(
    ctx: BundleContext,
    entry: ExhibitEntry,
    reader: EvidenceReader,
    work: Path,
    index: int,
    check: Future[_PhotoCheck] | None = None,
    sheets: _Sheets | None = None,
) -> list[_Part]:
    """The pages showing one exhibit's content, made from its bytes as they are checked.

    ``check``: the photo's check, started ahead (see :func:`check_photo`); ``sheets``: where
    text and notice pages are laid out, with other exhibits' (their parts get their pages when
    it is flushed); None: in a file of the exhibit's own. Raises :class:`EvidenceMismatchError`
    when the file is not the one the case recorded.
    """
    e = entry.exhibit
    target = work / f"exhibit-{index}.pdf"

    def laid_out(flowables: list[Flowable], *, content: bool, weight: int = 0) -> list[_Part]:
        if sheets is None:
            return [_Part(target, render_story(target, flowables), entry=entry, content=content)]
        return sheets.add(_Part(target, 0, entry=entry, content=content), flowables, weight)

    def ours(flowables: list[Flowable], weight: int = 0) -> list[_Part]:
        return laid_out(flowables, content=True, weight=weight)

    def notice(reason: str) -> list[_Part]:
        entry.on_medium = True  # its page says the original goes on a storage medium (or stays with the filer)
        return laid_out(
            parts.notice_flowables(entry, reason, kept=parts.originals_kept(ctx), copies=parts.medium_sets(ctx)),
            content=False,
        )

    try:
        if e.size == 0:
            reader.check(e)
            return notice("文件为空（0 字节）")
        if e.mime in IMAGE_MIMES:
            return _image_parts(ctx, entry, reader, target, index, notice, check)
        if e.mime == "application/pdf":
            return evidence_pdf_parts(ctx, entry, reader, target, notice)
        if e.kind in (EvidenceKind.AUDIO, EvidenceKind.VIDEO) or e.mime.startswith(("audio/", "video/")):
            # Recordings can be gigabytes: hashed through the open file, whose frames are then drawn.
            with reader.open(e) as fh:
                pages = render_story(
                    target,
                    parts.media_flowables(entry, fh, ctx=ctx),
                )
            entry.on_medium = True  # its page says the recording goes on a storage medium
            return [_Part(target, pages, entry=entry)]
        if e.mime in TEXT_MIMES or e.mime.startswith("text/"):
            data, cut = reader.read_head(e, parts.MAX_TEXT_BYTES)
            text = parts.disclosed_text(ctx, entry, data, cut=cut)
            if not text.printed_sha256:
                return ours(text.flowables, len(data))
            # A masked copy is not the data's direct output (E2): its page says so and gives both hashes.
            return laid_out(text.flowables, content=False, weight=len(data))
        reader.check(e)
        return notice(f"此类文件（{parts.file_format(e)}）无法直接打印输出")
    except OSError as exc:  # our own work folder: a full disk, say
        raise storage_error(exc, Message("making the pages of exhibit {number}", number=e.number)) from exc


@dataclass(frozen=True)
class _PhotoCheck:
    inspection: Inspection
    header: JpegHeader | None = None  # a clean JPEG's facts for its page; None: print it decoded
    stripped: StrippedPhoto | None = None  # its copy without metadata, to embed instead of the original
    unchecked: bytes = b""  # laid out from this header alone: checked whole (and hashed) as it is streamed in


def photo_copies(ctx: BundleContext, work: Path) -> Path | None:
    """Where photos' copies without metadata go; None when the destination gets photos byte for byte."""
    if ctx.policy.keeps_photo_metadata:
        return None
    folder = work / "photos"
    folder.mkdir(exist_ok=True)
    return folder


def check_photo(
    reader: EvidenceReader, exhibit: Exhibit, copies: Path | None = None, known: Inspection | None = None
) -> _PhotoCheck:
    """Check a JPEG exhibit through one read: its hash, its markers, its headers.

    With ``copies`` (a folder), a clean JPEG is also copied there without its metadata
    (:func:`~casefile.core.disclosure.photos.strip_jpeg`), from the same hashed open file.
    Its header (orientation included) is the original's. Raises
    :class:`EvidenceMismatchError` when it is not the file the case recorded.

    Without ``copies`` (the photo goes in byte for byte, its metadata with it), only its header
    is read here, for its page: the rest of the check is done on the one read that streams
    its bytes into the bundle (:mod:`casefile.core.bundle.fill`); a header that already says
    it cannot go in as it is gets the whole check here. ``known``: the photo was found not
    clean as a packet before was filled: printed decoded.
    """
    if known is not None:
        return _PhotoCheck(known)
    if copies is None:
        laid_out = _photo_header(reader, exhibit)
        if laid_out is not None:
            return laid_out
    # One read of the file for its hash and its marker walk (the walk goes through it in order);
    # the header is read from the segments the walk kept, not from the file again.
    with reader.open(exhibit, hash_first=False) as fh:
        inspection = inspect_jpeg(fh)
        if inspection.verdict is not Verdict.CLEAN:
            return _PhotoCheck(inspection)
        header = None
        try:
            with Image.open(io.BytesIO(inspection.skeleton)) as img:
                if img.format in ("JPEG", "MPO") and img.mode in ("L", "RGB", "CMYK"):
                    header = JpegHeader.of(img)
        except Exception as exc:  # noqa: BLE001 - Pillow refused what libjpeg takes: print it decoded
            log.info("exhibit %s: JPEG header not usable as it is: %s", exhibit.number, exc)
        if header is None or copies is None:
            return _PhotoCheck(inspection, header)
        target = copies / f"exhibit-{exhibit.number:04d}.jpg"
        try:
            stripped = strip_jpeg(fh, target, has_gps=exhibit.metadata.gps is not None)
        except NotStrippable as exc:  # printed decoded instead, which carries no metadata
            log.warning("exhibit %s: JPEG not copied without its metadata: %s", exhibit.number, exc)
            return _PhotoCheck(inspection)
        return _PhotoCheck(inspection, header, stripped)


def _photo_header(reader: EvidenceReader, exhibit: Exhibit) -> _PhotoCheck | None:
    """A photo's page made from its header alone (None: its header says it needs the whole check)."""
    with reader.peek(exhibit) as fh:
        problem, header = inspect_header(fh)
    if problem is not None:
        return None
    try:
        with Image.open(io.BytesIO(header + b"\xff\xd9")) as img:
            if img.format in ("JPEG", "MPO") and img.mode in ("L", "RGB", "CMYK"):
                return _PhotoCheck(Inspection(Verdict.CLEAN), JpegHeader.of(img), unchecked=header)
    except Exception as exc:  # noqa: BLE001 - Pillow refused what libjpeg takes: the whole check decides
        log.info("exhibit %s: JPEG header not usable as it is: %s", exhibit.number, exc)
    return None


def _image_parts(
    ctx: BundleContext,
    entry: ExhibitEntry,
    reader: EvidenceReader,
    target: Path,
    index: int,
    notice: Any,
    check: Future[_PhotoCheck] | None,
) -> list[_Part]:
    """A photo or picture on one page.

    A clean JPEG is checked (hash, markers, headers) through its open file and its bytes are
    streamed into the bundle later, checked again (fill.py): the evidence file's bytes, or,
    for a destination that must not see photo metadata, those of its copy without it (whose
    own hash is checked then). Anything decoded for printing (other formats, a damaged JPEG)
    is decoded from a verified copy in the work folder, and carries no metadata.
    """
    e = entry.exhibit
    damage = ""
    if e.mime == "image/jpeg":
        checked = check.result() if check is not None else check_photo(reader, e, photo_copies(ctx, target.parent))
        if checked.header is not None:
            token = f"{index:05d}"
            write_jpeg_page(checked.header, target, token)
            stripped = checked.stripped
            if stripped is not None:
                ctx.report.add(
                    entry.name,
                    DisclosureAction.STRIPPED,
                    stripped.what,
                    original_sha256=e.sha256,
                    printed_sha256=stripped.sha256,
                )
            size = stripped.size if stripped is not None else e.size
            header = checked.header
            upright = (
                (header.height, header.width) if header.orientation in (5, 6, 7, 8) else (header.width, header.height)
            )
            note = header.placement().note(upright)
            part = _Part(target, 1, entry=entry, content=True, placeholder=token, size=size, stripped=stripped)
            part.note, part.header = note, checked.unchecked
            return [part]
        if checked.inspection.verdict is Verdict.DAMAGED:
            damage = checked.inspection.reason
            log.info("exhibit %s: damaged JPEG: %s", e.number, damage)
    register_heif()  # decoded: it may be a HEIC photo (the plugin is loaded only then)
    path = reader.copy(e)
    if damage:
        with open(path, "ab") as fh:
            fh.write(b"\xff\xd9")  # our copy only: libjpeg decodes up to where the data stops
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # bounded below instead
            with Image.open(path) as img:
                fmt = img.format or ""
                dpi = usable_dpi(img.info)
                picture, reduced = printable(img)
    except ImageTooLarge as exc:
        return notice(f"图像尺寸过大（{exc} 像素），无法在本材料中输出，请查看原始文件")  # type: ignore[no-any-return]
    except Exception as exc:  # noqa: BLE001 - any decoder failure: the file is broken
        log.warning("exhibit %s: image not shown: %s", e.number, exc)
        return notice("图像文件已损坏或格式不受支持")  # type: ignore[no-any-return]
    photo = fmt in ("JPEG", "HEIF", "AVIF", "MPO")
    notes: list[str] = []
    if damage:
        notes = [
            "图像文件已损坏，以下为可解码部分的重新编码图像，原件未作改动。",
            f"损坏情况：{damage}",
            f"原始文件SHA-256：{e.sha256}",
        ]
    elif fmt in ("HEIF", "AVIF"):
        notes = ["HEIC/HEIF 照片以解码后重新编码的JPEG图像输出（PDF不支持该格式）；原始文件未作改动。"]
    elif fmt == "JPEG":
        notes = ["此JPEG文件以解码后重新编码的图像输出（其编码方式PDF阅读器不一定支持）；原始文件未作改动。"]
    if reduced:
        notes.append(reduced)
    small = "" if reduced else place(picture.width, picture.height, 1, dpi).note(picture.size)
    if notes:
        write_labelled_page(picture, target, [*notes, *([small] if small else [])], as_jpeg=photo, dpi=dpi)
        small = ""
    else:
        write_pixels_page(picture, target, dpi)
    # A damaged file's page is not "direct output" of the data (E2): its own note gives the hash.
    return [_Part(target, 1, entry=entry, content=not damage, note=small)]


def evidence_pdf_parts(
    ctx: BundleContext, entry: ExhibitEntry, reader: EvidenceReader, target: Path, notice: Any
) -> list[_Part]:
    """An evidence PDF's pages (:func:`pdf_parts`), from the sanitised copy kept when it was added
    when there is one to print, else from a verified copy of the original, sanitised again."""
    e = entry.exhibit
    if ctx.kept.get(e.number) is not None:
        # Its sanitised copy, kept when it was added, is printed: the original is only hashed
        # (the packet states it was checked), where it is, unless that copy cannot be used.
        reader.check(e)
        made = _kept_sanitised(ctx, e, target, reader.cancel)
        if made is not None:
            return pdf_parts(ctx, entry, None, target, notice, reader.cancel, made=made)
    return pdf_parts(ctx, entry, reader.copy(e), target, notice, reader.cancel)


def _kept_sanitised(ctx: BundleContext, exhibit: Exhibit, target: Path, cancel: CancelToken) -> SanitisedPdf | None:
    """The sanitised copy of ``exhibit`` (a PDF) kept when it was added, copied to ``target`` as it is
    hashed, and what sanitising did, as the case's custody log records them; None when there is none
    to print (another engine made it, it is missing or not the copy recorded): the PDF is sanitised again."""
    recorded = ctx.kept.get(exhibit.number)
    if recorded is None or ctx.copies is None:
        return None
    engine, item = recorded
    if engine != sanitiser_engine():
        log.info("exhibit %s: its sanitised copy was made by another engine (%s): made again", exhibit.number, engine)
        return None
    why = ctx.copies.take(item, target, cancel=cancel)
    if why:
        log.info("exhibit %s: %s: its sanitised copy is made again", exhibit.number, why)
        return None
    return item.sanitised()


def pdf_parts(
    ctx: BundleContext,
    entry: ExhibitEntry,
    path: Path | None,
    target: Path,
    notice: Any,
    cancel: CancelToken = NEVER_CANCELLED,
    *,
    made: SanitisedPdf | None = None,
) -> list[_Part]:
    """An evidence PDF's pages, from a sanitised copy (``target``) of ``path``, its verified copy.

    ``made``: ``target`` is already the sanitised copy kept when the file was added (checked against
    its custody record, :mod:`casefile.core.disclosure.kept`), and this is what sanitising did then;
    ``path`` is not read.

    The sanitised copy holds what the pages show and nothing active (forms and annotations
    drawn in, hidden layers left out, actions and attachments removed: see
    :mod:`casefile.core.disclosure.pdf`); what it removed goes into the report. What the
    preflight must hear about (hidden text, a hidden layer that cannot be left out) goes into
    the part's findings. Personal data the destination must not see in the text (visible or
    not: an OCR layer, text under a box) is then burnt out of the pages that hold it; those
    pages show both hashes, the original's and the printed copy's. What pdfium found reading
    the pages is kept by the file's hash (:mod:`casefile.core.disclosure.screening`, usually
    when the file was added): a packet of a file screened before reads again only the pages
    whose kept text holds what its destination must not see.
    """
    e = entry.exhibit
    report = ctx.report
    try:
        if made is not None:
            sanitised = made
            report_sanitised(sanitised, report, entry.name)
        else:
            assert path is not None
            sanitised = sanitise_pdf(path, target, report, entry.name, cancel=cancel)
    except pikepdf.PasswordError:
        return notice("PDF 文件已加密，需要密码才能打开")  # type: ignore[no-any-return]
    except pikepdf.PdfError as exc:  # qpdf could not repair it: broken
        log.warning("exhibit %s: PDF not readable: %s", e.number, exc)
        return notice("PDF 文件已损坏，无法读取")  # type: ignore[no-any-return]
    except (CaseFileError, OSError):
        raise  # cancelled; our own work folder (a full disk): not the exhibit's fault
    except Exception as exc:  # noqa: BLE001 - no exhibit may break a bundle: a page says so instead
        log.warning("exhibit %s: PDF not made safe to print: %s", e.number, exc, exc_info=True)
        return notice("PDF 文件结构异常，无法安全输出")  # type: ignore[no-any-return]
    if sanitised.unsafe:
        parts: list[_Part] = notice("PDF 文件含无法安全去除的隐藏图层内容，未输出")
        parts[0].findings = PdfInspection.of(sanitised, HiddenText()).findings(entry.label, e.original_name, e.number)
        return parts
    if sanitised.pages == 0:
        return notice("PDF 文件没有任何页面")  # type: ignore[no-any-return]
    if entry.original is None and form_needs_pages(e):
        # Added before CaseFile told scans from their pages: whether it is a picture of a paper (书证) is read
        # here, from the verified copy (or the sanitised one, the same pages), for its list row, separator,
        # captions and annex row.
        entry.image_only = scans.image_only(path if path is not None else target)
    if made is None and ctx.refreshed is not None and ctx.copies is not None and KeptFile.recordable(sanitised):
        # Made here (none kept, or one not to print): kept when the packet is saved, for the next one.
        ctx.refreshed.append(MadeAgain(e.number, e.sha256, target, sanitised))
    kept = ctx.screenings.get(e.sha256) if ctx.screenings is not None else None
    if kept is not None and not kept.fits(sanitised):
        kept = None
    hidden = kept.hidden if kept is not None else find_hidden_text(target, sanitised.look_at, cancel=cancel)
    inspection = PdfInspection.of(sanitised, hidden)
    if inspection.invisible_text:
        what = f"不可见文字层（原文件{pages_text(inspection.invisible_text)}）"
        report.add(entry.name, DisclosureAction.HIDDEN, what)
    if inspection.covered_text:
        what = f"被色块覆盖、仍可复制的文字（原文件{pages_text(inspection.covered_text)}）"
        report.add(entry.name, DisclosureAction.HIDDEN, what)
    checkable = screening.checkable(sanitised, hidden)
    if kept is not None and kept.texts is not None:
        # Screened before: only the pages whose kept text holds what this destination must not
        # see are read again, for the boxes to burn out.
        printed, masked_sha256 = _masked_pdf(
            ctx, entry, target, [n for n in checkable if ctx.masker.spans(kept.texts[n])]
        )
    else:
        keeper = screening.TextKeeper(ctx.masker.spans)
        printed, masked_sha256 = _masked_pdf(ctx, entry, target, checkable, keeper)
        if ctx.screenings is not None and kept is None:
            _keep_screening(
                ctx.screenings,
                screening.Screening(e.sha256, screening.engine(), sanitised.pages, hidden, keeper.texts(checkable)),
            )
    size = printed.stat().st_size // sanitised.pages
    part = _Part(printed, sanitised.pages, entry=entry, foreign=True, content=True, size=size)
    part.masked_sha256 = masked_sha256
    part.findings = inspection.findings(entry.label, e.original_name, e.number)
    return [part]


def _keep_screening(store: screening.ScreeningStore, item: screening.Screening) -> None:
    """Keep what a PDF's screening found for the next packet; derived data: a failure only costs time."""
    try:
        store.put(item)
    except OSError as exc:
        log.info("screening of %s not kept: %s", item.sha256[:12], exc)


def _masked_pdf(
    ctx: BundleContext, entry: ExhibitEntry, path: Path, pages: list[int], finder: Any = None
) -> tuple[Path, str]:
    """``path`` with what the destination must not see in its text burnt out: (the file, its hash or "").

    Only ``pages`` are read (pages too big or complex to read within the budget are reported
    by the preflight as not checked); ``finder``: the masker's, or one wrapping it.
    """
    found = suggest_boxes(path, pages, finder=finder or ctx.masker.spans) if pages else []
    if not found:
        return path, ""
    masked = path.with_name(f"{path.stem}-masked.pdf")
    redact_pdf(path, masked, [s.region for s in found])
    digest = hash_file(masked).sha256
    for kind, number in Counter(s.kind for s in found).items():
        ctx.report.add(entry.name, DisclosureAction.MASKED, f"PDF文字中的{KIND_NAMES[kind]}", number)
    burnt = len({s.region.page for s in found})
    ctx.report.add(
        entry.name,
        DisclosureAction.MASKED,
        f"含个人信息的 {burnt} 页以遮盖后的图像输出（其文字层已去除）",
        original_sha256=entry.exhibit.sha256,
        printed_sha256=digest,
    )
    return masked, digest


def _plan_volumes(
    head: list[_Part], exhibits: list[list[_Part]], tail: list[_Part], split_mb: int | None
) -> list[list[_Part]]:
    """Cut the bundle into volumes under the size limit, only between exhibits."""
    if not split_mb:
        return [head + [p for g in exhibits for p in g] + tail]
    limit = split_mb * 1024 * 1024 * 0.97 - 256 * 1024  # room for fonts, outlines and stamps
    volumes: list[list[_Part]] = [list(head)]
    used = sum(p.size * p.pages for p in head)
    for group in exhibits:
        size = sum(p.size * p.pages for p in group)
        if used + size > limit and used > 0 and any(p.entry for p in volumes[-1]):
            volumes.append([])
            used = 0
        volumes[-1].extend(group)
        used += size
    tail_size = sum(p.size * p.pages for p in tail)
    if used + tail_size > limit and any(p.entry for p in volumes[-1]):
        volumes.append([])
    volumes[-1].extend(tail)
    return volumes


PIECE_PAGES = 2000  # the most pages one qpdf model holds while a bundle is assembled


def _assemble(
    ctx: BundleContext,
    parts_list: list[_Part],
    stamps: _StampSheets,
    offset: int,
    target: Path,
    title: str,
    reader: EvidenceReader,
) -> tuple[int, str]:
    """Write one file (or volume) to ``target``, titled ``title``; return its page count and SHA-256.

    Its pages are copied and stamped by qpdf :data:`PIECE_PAGES` at a time into files of their
    own, each closed once saved, and the file is then written from those pieces object by object
    (:mod:`casefile.core.bundle.join`), with its page tree, bookmarks, the evidence list's links
    and its document information: no model of every page of a bundle is held at once.
    """
    bookmarks, links = _marks(parts_list)
    photos = {p.placeholder: p for p in parts_list if p.placeholder}
    pieces: list[Path] = []
    try:
        written = 0
        for runs in _pieces(parts_list):
            reader.cancel.check()
            piece = target.with_name(f"{target.name}.{len(pieces)}.piece")
            pieces.append(piece)
            written += _write_piece(runs, stamps, offset + written, piece)
        info = _docinfo(ctx, title)
        if not photos:
            return join_pieces(pieces, target, bookmarks=bookmarks, links=links, info=info)
        skeleton = target.with_name(f"{target.name}.skeleton")
        try:
            pages, _digest = join_pieces(
                pieces, skeleton, bookmarks=bookmarks, links=links, info=info, object_streams=False
            )
            for piece in pieces:
                remove_quietly(piece)
            digest, _size = fill_placeholders(
                skeleton, target, photos_to_fill(photos, reader), {t: p.header for t, p in photos.items() if p.header}
            )
        except PhotosNotClean as exc:
            raise _Reinspect({_exhibit_of(photos[t]).number: found for t, found in exc.found.items()}) from None
        except PhotosChanged as exc:
            for token, why in exc.tokens.items():
                exhibit = _exhibit_of(photos[token])
                copy = "its copy without metadata in the work folder" if photos[token].stripped else ""
                reason = {"missing": Reason.MISSING, "changed while read": Reason.CHANGED_WHILE_READ}.get(why)
                reader.record(exhibit, reason or Reason.CHANGED, copy)
            reader.finish()
            raise
        finally:
            remove_quietly(skeleton)
        return pages, digest
    finally:
        for piece in pieces:
            remove_quietly(piece)


def _marks(parts_list: list[_Part]) -> tuple[list[tuple[str, int]], list[Link]]:
    """The bookmarks (title, page index) of a file's pages, and the links of its evidence list's
    rows to the separator pages of the exhibits in the same file."""
    bookmarks: list[tuple[str, int]] = []
    separators: dict[str, int] = {}
    list_part: tuple[_Part, int] | None = None
    page = 0
    for part in parts_list:
        if part.section:
            bookmarks.append((part.section, page))
        if part.first_of_exhibit and part.entry is not None:
            bookmarks.append((f"证据{part.entry.label}　{part.entry.exhibit.title}", page))
            separators[part.entry.label] = page
        if part.anchors:
            list_part = (part, page)
        page += len(part.page_indices) if part.page_indices is not None else part.pages
    links: list[Link] = []
    if list_part is not None:
        part, start = list_part
        left, _y, width, _h = text_box()
        for label, page_number, y0, y1 in part.anchors:
            target = separators.get(label)
            if target is not None:  # else the exhibit is in another volume
                links.append(Link(start + page_number - 1, (left, y0 - 2, left + width, y1 + 2), target))
    return bookmarks, links


def _pieces(parts_list: list[_Part]) -> Iterator[list[tuple[_Part, list[int]]]]:
    """The pages of a file in runs of :data:`PIECE_PAGES` at most: (part, its pages in the run)."""
    runs: list[tuple[_Part, list[int]]] = []
    count = 0
    for part in parts_list:
        indices = part.page_indices if part.page_indices is not None else list(range(part.pages))
        while indices:
            take = indices[: PIECE_PAGES - count]
            runs.append((part, take))
            count += len(take)
            indices = indices[len(take) :]
            if count == PIECE_PAGES:
                yield runs
                runs, count = [], 0
    if runs or not parts_list:
        yield runs


def _write_piece(runs: list[tuple[_Part, list[int]]], stamps: _StampSheets, offset: int, path: Path) -> int:
    """Copy and stamp a run of pages into a file of their own (what :func:`join_pieces` reads);
    return its page count. Each file of pages is closed once its last pages here are in."""
    out = pikepdf.new()
    pages = _PageTree(out)
    sources: dict[Path, tuple[pikepdf.Pdf, list[pikepdf.Page]]] = {}
    last_use = {part.path: k for k, (part, _indices) in enumerate(runs)}
    shared: dict[Path, dict[bytes, pikepdf.Object]] = {}  # see _PageTree.add
    x, y, w, h = content_box()
    try:
        for k, (part, indices) in enumerate(runs):
            if part.path not in sources:
                opened = pikepdf.open(part.path)
                sources[part.path] = opened, list(opened.pages)
            src, src_pages = sources[part.path]
            for i in indices:
                if part.foreign:
                    page = pages.add_blank(PAGE)
                    pages.overlay(page, src_pages[i], pikepdf.Rectangle(x, y, x + w, y + h))
                else:
                    page = pages.add(src_pages[i], (src, shared.setdefault(part.path, {})))
                pages.stamp(page, stamps.form(offset + len(pages) - 1))
            if last_use[part.path] == k:  # its pages are copied: its file's model goes now
                shared.pop(part.path, None)
                _close_source(sources.pop(part.path))
        pages.finish()
        # Every stream copied in is as its file has it (ReportLab's pages, the sanitised copies,
        # the photos: all compressed) and an evidence page's form keeps its page's compressed
        # data (``overlay``): what is left uncompressed is the few dozen bytes of each page's
        # placements, where zlib's set-up for each of some 1,100 streams cost 55 ms of the
        # 340-page bench bundle's save and saved nothing. A piece with a form qpdf decoded
        # (a page of several streams, say) is compressed as before.
        out.save(
            path,
            compress_streams=pages.decoded > 0,
            stream_decode_level=pikepdf.StreamDecodeLevel.none,
            object_stream_mode=pikepdf.ObjectStreamMode.disable,
        )
        return len(pages)
    finally:
        for source in sources.values():
            _close_source(source)
        out.close()


def _close_source(source: tuple[pikepdf.Pdf, list[pikepdf.Page]]) -> None:
    """Close a file whose pages are in the file being assembled: qpdf copied what they draw
    when they were copied, so its model of the file (some kilobytes a page) is freed now, not
    held until the save."""
    pdf, pages = source
    pages.clear()
    pdf.close()


_INHERITED = ("/MediaBox", "/CropBox", "/Resources", "/Rotate")  # page attributes a page may take from its parents


class _PageTree:
    """The pages of a file being assembled, appended in constant time each.

    pikepdf's page list looks through the pages already there on every append (a bundle of
    12,000 pages spent most of its assembly there); these pages go straight into the root
    /Pages node, with what they inherited from their parents in their own file made their
    own, and the page list is only read once they are all in (:meth:`finish`).
    """

    def __init__(self, pdf: pikepdf.Pdf) -> None:
        self.pdf = pdf
        self.root = pdf.Root.Pages
        self.pages: list[pikepdf.Page] = []
        self._streams: dict[bytes, pikepdf.Stream] = {}
        self.decoded = 0  # forms of pages whose content qpdf decodes (and the save compresses)

    def __len__(self) -> int:
        return len(self.pages)

    def __getitem__(self, index: int) -> pikepdf.Page:
        return self.pages[index]

    def __iter__(self) -> Iterator[pikepdf.Page]:
        return iter(self.pages)

    def add(
        self, page: pikepdf.Page, shared: tuple[pikepdf.Pdf, dict[bytes, pikepdf.Object]] | None = None
    ) -> pikepdf.Page:
        """A copy of a page of another file.

        The fonts and procedure sets a page names in a dictionary of its own (as ReportLab
        writes every page) become one object for the pages of its file that name the same
        (``shared``: the page's file and its objects so far, by their text), copied into the
        bundle once, not once a page.
        """
        source = page.obj
        for key in _INHERITED:
            if key not in source:
                node = source.get("/Parent")
                while node is not None and key not in node:
                    node = node.get("/Parent")
                if node is not None:
                    source[key] = node[key]
        resources = source.get("/Resources")
        if shared is not None and isinstance(resources, pikepdf.Dictionary) and not resources.is_indirect:
            owner, objects = shared
            for key in ("/Font", "/ProcSet"):
                value = resources.get(key)
                if value is not None and not value.is_indirect:
                    text = value.unparse()
                    one = objects.get(text)
                    if one is None:
                        one = objects[text] = owner.make_indirect(value)
                    resources[key] = one
        return self._append(self.pdf.copy_foreign(source))

    def add_blank(self, size: tuple[float, float]) -> pikepdf.Page:
        blank = pikepdf.Dictionary(
            Type=pikepdf.Name.Page,
            MediaBox=pikepdf.Array([0, 0, size[0], size[1]]),
            Contents=self._stream(b""),
            Resources=pikepdf.Dictionary(),
        )
        return self._append(self.pdf.make_indirect(blank))

    def _append(self, obj: pikepdf.Object) -> pikepdf.Page:
        obj.Parent = self.root
        self.root.Kids.append(obj)
        page = pikepdf.Page(obj)
        self.pages.append(page)
        return page

    def finish(self) -> None:
        self.root.Count = len(self.pages)

    def overlay(self, page: pikepdf.Page, other: pikepdf.Page, rect: pikepdf.Rectangle) -> None:
        """``other`` drawn over ``page``, fitted into ``rect``, as ``Page.add_overlay`` draws it.

        ``add_overlay`` then joins the page's content streams into one, decoded and held in
        memory until the save (a bundle of 12,000 pages held some 300 MB of them); here they stay
        as they are, between a "q" and a "Q" shared by every page, and the placement, the same
        on most pages, is one stream too.
        """
        form = other.as_form_xobject()
        if not _keep_encoded(form, other):
            self.decoded += 1  # the save compresses it (see _write_piece)
        name = _add_form(page, form)
        placement = bytes(page.calc_form_xobject_placement(form, name, rect, allow_shrink=True, allow_expand=True))
        page.contents_add(self._stream(b"q\n"), prepend=True)
        page.contents_add(self._stream(b"Q\n"))
        page.contents_add(self._stream(placement))

    def stamp(self, page: pikepdf.Page, form: pikepdf.Stream) -> None:
        """A page's stamp (a form of the stamp sheet: its own drawing, one stream, A4) drawn over ``page``.

        Nothing is decoded or joined: the copy reads the stamp's bytes, compressed, when the file is saved.
        """
        name = _add_form(page, form)
        rect = pikepdf.Rectangle(0, 0, PAGE[0], PAGE[1])
        placement = bytes(page.calc_form_xobject_placement(form, name, rect, allow_shrink=True, allow_expand=True))
        page.contents_add(self._stream(b"q\n"), prepend=True)
        page.contents_add(self._stream(b"Q\n"))
        page.contents_add(self._stream(placement))

    def _stream(self, data: bytes) -> pikepdf.Stream:
        stream = self._streams.get(data)
        if stream is None:
            stream = self._streams[data] = self.pdf.make_indirect(self.pdf.make_stream(data))
        return stream


_FORM_NAMES = [pikepdf.Name(f"/CfX{n}") for n in range(4)]


def _add_form(page: pikepdf.Page, form: pikepdf.Object) -> pikepdf.Name:
    """``form`` named in the page's resources, as ``Page.add_resource`` names it, in fewer steps.

    The pages a bundle draws over (a blank page, one of our own) have resources of their own
    (a direct dictionary) with few XObjects: a name of ours not yet there is taken. A page whose
    resources are shared with others (indirect) is left to ``add_resource``.
    """
    resources = page.obj.get("/Resources")
    if isinstance(resources, pikepdf.Dictionary) and not resources.is_indirect:
        xobjects = resources.get("/XObject")
        if xobjects is None:
            resources.XObject = pikepdf.Dictionary()
            xobjects = resources.XObject
        if isinstance(xobjects, pikepdf.Dictionary) and not xobjects.is_indirect:
            for name in _FORM_NAMES:
                if name not in xobjects:
                    xobjects[name] = form.with_same_owner_as(page.obj)
                    return name
    return page.add_resource(form, pikepdf.Name.XObject)


def _keep_encoded(form: pikepdf.Object, page: pikepdf.Page) -> bool:
    """The form qpdf made of ``page`` given the page's content stream as it is encoded.

    qpdf's form of a page (its dictionary: resources, group, box, matrix) gets the page's
    content decoded, which the save then compresses again: some 60 ms for the 340 pages of
    50 statements, each bundle. The content of a page of one stream is the same bytes once
    decoded (qpdf joins several streams with line breaks; one is taken as it is), so a page
    of one stream compressed with Flate (in ASCII85 or not, without parameters) whose data
    decodes whole, to its end, gives the form that stream's data and filters as they are
    (checked a MiB at a time, nothing held: a stream may inflate to hundreds of MB).
    Anything else keeps qpdf's decoded copy (False) -- whatever qpdf makes of it.
    """
    contents = page.obj.get("/Contents")
    if isinstance(contents, pikepdf.Array) and len(contents) == 1:
        contents = contents[0]
    if not isinstance(contents, pikepdf.Stream) or contents.get("/DecodeParms") is not None:
        return False
    filters = contents.get("/Filter")
    names = [str(f) for f in filters] if isinstance(filters, pikepdf.Array) else [str(filters)]
    if names not in (["/FlateDecode"], ["/ASCII85Decode", "/FlateDecode"]):
        return False
    raw = contents.read_raw_bytes()
    if not _inflates_whole(_ascii85(raw) if len(names) == 2 else raw):
        return False
    form.write(
        raw, filter=pikepdf.Name(names[0]) if len(names) == 1 else [pikepdf.Name(n) for n in names], type_check=False
    )
    return True


def _ascii85(data: bytes) -> bytes:
    """ASCII85 as PDF writes it (white space anywhere, ``~>`` at the end); b"" if it is not."""
    import base64

    end = data.rfind(b"~>")
    if end < 0 or data[end + 2 :].strip():
        return b""
    try:
        return base64.a85decode(data[:end], ignorechars=b" \t\n\r\x0b\x0c\x00")
    except ValueError:
        return b""


def _inflates_whole(data: bytes) -> bool:
    """Whether ``data`` is one zlib stream that decodes to its end, with nothing after it."""
    inflater = zlib.decompressobj()
    pending = data
    try:
        while not inflater.eof:
            out = inflater.decompress(pending, 1 << 20)  # the output is dropped as it comes
            if not out and len(inflater.unconsumed_tail) == len(pending):
                return False  # no way on: cut short
            pending = inflater.unconsumed_tail
    except zlib.error:
        return False
    return not inflater.unused_data.strip()


def _exhibit_of(part: _Part) -> Exhibit:
    assert part.entry is not None
    return part.entry.exhibit


def photos_to_fill(photos: dict[str, _Part], reader: EvidenceReader) -> dict[str, tuple[Path, str]]:
    """token -> (the file to embed, the SHA-256 its bytes must have).

    The evidence file itself, or, where the destination must not see photo metadata, its
    copy without it in the work folder, checked against the copy's own hash (the one printed
    beside the original's on the photo's page).
    """
    return {token: _fill_source(p, reader) for token, p in photos.items()}


def _fill_source(part: _Part, reader: EvidenceReader) -> tuple[Path, str]:
    if part.stripped is not None:
        return part.stripped.path, part.stripped.sha256
    return reader.path(_exhibit_of(part)), _exhibit_of(part).sha256


def _docinfo(ctx: BundleContext, title: str) -> pikepdf.Dictionary:
    """The document information of a file of the bundle: only the case number and the venue.

    The case's title, a person's name or the computer's login never travel in the document
    information (it is not masked like the pages are)."""
    from casefile import __app_name__, __version__

    return pikepdf.Dictionary(
        Title=pikepdf.String(title),
        Author=pikepdf.String(ctx.org.name.strip()),
        Subject=pikepdf.String(f"{ctx.heading}（案件编号 {ctx.case.number}）"),
        Creator=pikepdf.String(f"{__app_name__} {__version__}"),
        Producer=pikepdf.String(f"{__app_name__} {__version__} (ReportLab, qpdf)"),
        CreationDate=pikepdf.String(_pdf_date(ctx.generated_at)),
    )


def _pdf_date(when: datetime) -> str:
    """A PDF date with its offset from UTC (D:20261129143000+08'00')."""
    offset = when.strftime("%z") or "+0000"
    return when.strftime("D:%Y%m%d%H%M%S") + f"{offset[:3]}'{offset[3:]}'"


def _set_metadata_file(source: Path, target: Path, ctx: BundleContext, title: str) -> None:
    with pikepdf.open(source) as pdf:
        for key in list(pdf.docinfo.keys()):
            del pdf.docinfo[key]
        for key, value in _docinfo(ctx, title).items():
            pdf.docinfo[key] = value
        if "/Metadata" in pdf.Root:  # an XMP packet would repeat (or contradict) the above
            del pdf.Root["/Metadata"]
        pdf.save(target)


def _save(
    library: Library,
    folder: Any,
    ctx: BundleContext,
    built: _Built,
    options: BundleOptions,
    findings: list[Finding],
    report: _Output,
) -> BundleResult:
    """Move the finished files into the case's bundles/ and record them, crash-safely.

    Under the case's lock each file is first placed as ``bundles/.cf-tmp-<name>``, then the
    custody entry naming the files and their hashes is written, then the files get their
    names. A crash leaves temporary files that the next start renames (their entry exists)
    or removes (it does not): never a bundle that the custody log does not know. The sanitised
    copies of PDFs the packet had to make are kept and recorded in a ``screened`` entry written with
    the bundle's (:func:`casefile.core.disclosure.kept.keep_made`).
    """
    bundles = folder.bundles_dir
    outputs = [*built.packet, *([built.guidance] if built.guidance else []), *built.components, report]
    # The sanitised copies this packet had to make are kept first (hashed and moved out of the work
    # folder, the case not held meanwhile): its entry names only copies in place. Derived data: one
    # that cannot be kept costs the next packet the time to make it, never this packet.
    engine = sanitiser_engine()
    kept = keep_made(ctx.copies, ctx.refreshed, ctx.kept, engine) if ctx.copies is not None and ctx.refreshed else []
    with library.edit(ctx.case.number) as writer:
        placed: list[tuple[Path, Path]] = []
        try:
            bundles.mkdir(exist_ok=True)
            for output in outputs:
                with open(output.staging, "rb") as fh:
                    os.fsync(fh.fileno())
                temporary = bundles / f"{TEMP_PREFIX}{output.name}"
                os.replace(output.staging, temporary)
                placed.append((temporary, bundles / output.name))
            fsync_dir(bundles)
        except OSError as exc:
            for temporary, _final in placed:
                remove_quietly(temporary)
            raise storage_error(exc, Message("saving the bundle")) from exc
        recorded = {
            id(output): {
                "name": f"bundles/{output.name}",
                "sha256": output.sha256,
                **({"pages": output.pages} if output.pages is not None else {}),
                "size": temporary.stat().st_size,
                **({"component": output.component} if output.component else {}),
            }
            for output, (temporary, _final) in zip(outputs, placed, strict=True)
        }
        details: dict[str, Any] = {
            "venue": ctx.venue.value,
            **({"route": ctx.route.value} if ctx.route is not None else {}),
            "files": [recorded[id(o)] for o in built.packet],
            "disclosure": {**recorded[id(report)], "report": ctx.report.to_data()},
            "exhibits": [_recorded_entry(e) for e in ctx.entries],
            "accepted_warnings": sorted({f.code for f in findings if f.level is Level.WARNING}),
            "layout": options.layout if ctx.venue is Venue.RECEIPT else "",
        }
        if ctx.receipt is not None:  # which edition of the case's receipt this is
            details["receipt"] = ctx.receipt.details()
        if built.guidance is not None:  # the notes for the person filing, beside the filing
            details["guidance"] = recorded[id(built.guidance)]
        if built.components:  # the filing again, one file per component, for online filing
            details["components"] = [recorded[id(o)] for o in built.components]
        changes = [(record.BUNDLE, details)]
        if kept:  # a witness, as when the files were added: recorded with the packet, in one write
            changes.append((record.SCREENED, entry_details(engine, kept)))
        try:
            writer.record_many(changes)
        except BaseException:
            for temporary, _final in placed:
                remove_quietly(temporary)
            raise
        saved: dict[int, Path] = {}
        try:
            for output, (temporary, final) in zip(outputs, placed, strict=True):
                os.rename(temporary, final)
                make_readonly(final)
                saved[id(output)] = final
            fsync_dir(bundles)
        except OSError as exc:  # the entry exists: the next start finishes the renames
            raise storage_error(exc, Message("saving the bundle")) from exc
    files = [saved[id(o)] for o in built.packet]
    copies: list[Path] = []
    if options.output is not None:
        copies = _copy_out(files, options.output)
    return BundleResult(
        files=files,
        pages=sum(o.pages or 0 for o in built.packet),
        sha256=[o.sha256 for o in built.packet],
        copies=copies,
        warnings=[f for f in findings if f.level is Level.WARNING],
        disclosure=ctx.report,
        disclosure_file=saved[id(report)],
        guidance_file=saved[id(built.guidance)] if built.guidance is not None else None,
        guidance_sha256=built.guidance.sha256 if built.guidance is not None else "",
        components=[saved[id(o)] for o in built.components],
        component_sha256=[o.sha256 for o in built.components],
    )


def _recorded_entry(entry: ExhibitEntry) -> dict[str, Any]:
    """An exhibit as the bundle's custody entry records it; a redacted copy names its original too."""
    recorded: dict[str, Any] = {"label": entry.label, "exhibit": entry.exhibit.number, "sha256": entry.exhibit.sha256}
    if entry.original is not None:
        recorded["original"] = entry.original.number
        recorded["original_sha256"] = entry.original.sha256
    return recorded


def check_output(output: Path | None) -> None:
    """Refuse an output copy that could not be written, before anything is built."""
    if output is None:
        return
    output = output.expanduser()
    if output.suffix.lower() != ".pdf":
        raise InvalidValueError("{output}: the output name must end in .pdf", output=output)
    folder = output.parent
    if not folder.is_dir():
        raise InvalidValueError(
            "{output}: there is no folder {folder} to put the copy in", output=output, folder=folder
        )
    if output.is_dir():
        raise InvalidValueError("{output}: a folder has that name; give a file name ending in .pdf", output=output)
    if not os.access(folder, os.W_OK | os.X_OK):
        raise InvalidValueError("{output}: the folder {folder} cannot be written to", output=output, folder=folder)


def _copy_out(saved: list[Path], output: Path) -> list[Path]:
    output = output.expanduser()
    copies = []
    for i, path in enumerate(saved, start=1):
        target = output if len(saved) == 1 else output.with_name(f"{output.stem}-vol{i}of{len(saved)}.pdf")
        try:
            copy_private(path, target)
        except OSError as exc:
            raise storage_error(exc, Message("writing {target}", target=target)) from exc
        copies.append(target)
    return copies
