"""Evidence PDFs as their pages show them, and nothing else.

An evidence PDF's pages go into a packet from a sanitised copy made here (:func:`sanitise_pdf`):

- **Active content is removed** wherever it hides: JavaScript, launch, URI, submit-form and
  other actions (page ``/AA``, annotations, a form XObject's made-up keys), embedded files,
  multimedia and 3D, PostScript XObjects, external stream data, application private data. A
  page keeps only what draws it (boxes, rotation, transparency group, resources, contents);
  its resources keep only the standard categories, in form XObjects, patterns and Type 3
  fonts too.
- **What the page shows is drawn into it**: form field values and annotation appearances
  (sticky notes, stamps, highlights) are flattened into the content the way a viewer shows
  them (Hidden and NoView annotations stay out), with missing text-field appearances made
  where qpdf can.
- **Optional content (layers) is honoured as the file opens**: content in a layer that is off
  by default (``/OC /name BDC … EMC``, XObjects and annotations with ``/OC``) is left out of
  the copy, so it is neither seen nor extractable. Where that cannot be done safely (text in
  a hidden layer that the rest of its line depends on, a stream too large to filter within
  budget) nothing is written and the result names the page: the preflight stops the build.

Text that is there but not seen, a scan's invisible OCR layer or text under a filled box, is
not removed (it keeps the packet searchable; the text masker and the redaction engine decide
about personal data in it): :func:`find_hidden_text` finds the pages with pdfium.

:func:`inspect_pdf` does both on a verified copy for the preflight and the bundle wizard, and
:func:`preflight_pdf` turns the inspection into preflight findings.

Everything here is bounded on hostile files: object graphs are walked iteratively with a
visited set (loops) and cut at a nesting depth that qpdf's recursive page copying survives;
stream data is decoded only up to a budget; pdfium reads only pages whose content fits it.
"""

from __future__ import annotations

import ctypes
import functools
import logging
import re
import tempfile
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pikepdf
from pikepdf import Array, Dictionary, Name, Stream

from casefile.core.disclosure.report import DisclosureAction, DisclosureReport
from casefile.core.errors import CaseFileError, Message
from casefile.core.progress import NEVER_CANCELLED, CancelToken

if TYPE_CHECKING:
    from casefile.core.bundle.context import Finding

log = logging.getLogger(__name__)

# What the disclosure report calls each thing removed or drawn in (the packet's language).
JAVASCRIPT = "JavaScript 动作"
LAUNCH = "启动外部程序的动作"
LINK = "外部链接"
FILE_LINK = "指向其他文件的链接或引用"
FORM_ACTION = "表单提交或导入动作"
MEDIA = "多媒体或三维内容"
OTHER_ACTION = "其他交互动作（隐藏、命名、图层切换等）"
ATTACHMENT = "附件（嵌入文件）"
PRIVATE_DATA = "应用程序私有数据"
POSTSCRIPT = "PostScript 代码"
ODD_RESOURCE = "非标准资源项"
TOO_DEEP = "嵌套过深的对象（已截断）"
UNSHOWN_ANNOTATION = "未显示的批注（隐藏或无外观）"
HIDDEN_LAYER = "默认隐藏图层中的内容"
FORM_VALUES = "表单域及其填写内容"
ANNOTATIONS = "批注外观（便签、图章、标记等）"

_ACTIONS = {
    "/JavaScript": JAVASCRIPT,
    "/Launch": LAUNCH,
    "/URI": LINK,
    "/GoToR": FILE_LINK,
    "/GoToE": FILE_LINK,
    "/SubmitForm": FORM_ACTION,
    "/ImportData": FORM_ACTION,
    "/ResetForm": FORM_ACTION,
    "/Movie": MEDIA,
    "/Sound": MEDIA,
    "/Rendition": MEDIA,
    "/RichMediaExecute": MEDIA,
    "/GoTo3DView": MEDIA,
    "/Named": OTHER_ACTION,
    "/Hide": OTHER_ACTION,
    "/SetOCGState": OTHER_ACTION,
    "/Trans": OTHER_ACTION,
    # Moving within the document: removed with everything else, not worth a line in the report.
    "/GoTo": "",
    "/GoToDp": "",
    "/Thread": "",
}
_MEDIA_TYPES = {
    "/3D",
    "/3DView",
    "/RichMediaContent",
    "/RichMediaSettings",
    "/RichMediaInstance",
    "/Sound",
    "/Rendition",
    "/MediaClip",
    "/MediaPlayParams",
    "/Movie",
}
_MEDIA_SUBTYPES = {"/U3D", "/PRC", "/RichMedia", "/Movie", "/Sound", "/Screen", "/3D"}

RESOURCE_CATEGORIES = frozenset(
    {"/Font", "/XObject", "/ExtGState", "/ColorSpace", "/Pattern", "/Shading", "/ProcSet", "/Properties"}
)
_PAGE_KEYS = frozenset(
    {
        "/Type",
        "/Parent",
        "/MediaBox",
        "/CropBox",
        "/BleedBox",
        "/TrimBox",
        "/ArtBox",
        "/Rotate",
        "/UserUnit",
        "/Group",
        "/Resources",
        "/Contents",
    }
)
_INHERITED = ("/Resources", "/MediaBox", "/CropBox", "/Rotate")
_CONTENT_STREAM_KEYS = frozenset({"/Length", "/Filter", "/DecodeParms"})
# Keys whose value is removed wherever it appears in what a page keeps.
_DROP_KEYS = frozenset(
    {"/AA", "/OpenAction", "/JS", "/JavaScript", "/EmbeddedFiles", "/EF", "/AF", "/URI", "/PieceInfo"}
)
_DROP_KEYS_REFERENCES = frozenset({"/Ref", "/OPI", "/Alternates"})  # other files, other images
_EXTERNAL_STREAM_KEYS = frozenset({"/F", "/FFilter", "/FDecodeParms"})  # a stream's data in another file

_NOT_SHOWN = 1 | 2 | 32  # annotation flags Invisible, Hidden, NoView

MAX_NESTING = 128  # containers deep from a page: far beyond real files, far within qpdf's recursion
MAX_FILTERED_STREAM = 32 << 20  # decoded bytes of one content stream rewritten to leave hidden layers out
# pdfium holds a page's objects in memory: 6 MB of dense content is about 150 MB of them.
MAX_LOOKED_AT_PAGE = 6 << 20  # decoded content a page may draw (forms expanded) for pdfium to read it
MAX_LOOKED_AT_DOCUMENT = 256 << 20  # the same, over all the pages of one document read by pdfium
MAX_FONT_PROGRAM = 32 << 20  # decoded bytes of an embedded font program pdfium would load
MAX_PAGE_OBJECTS = 50_000  # drawn objects on one page for the hidden-text check
MAX_COVER_CHECKS = 2_000_000  # text-box / filled-box comparisons on one page
MAX_CHARS = 200_000  # characters of one page checked for being covered
MAX_FORM_LEVELS = 32

_NAME_CHARS = rb"[^\s/\[\]()<>{}%]+"
_DO = re.compile(rb"/(" + _NAME_CHARS + rb")\s*Do\b")
_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_TR = re.compile(rb"[0-9.]\s+Tr\b")  # a text render mode set (3: invisible)
_SHOW_TEXT = re.compile(rb"[)\]>]\s*(?:T[jJ]|['\"])")
_FILLS = frozenset({b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"})
_SPACE = re.compile(rb"\s")

#: Raise whenever what :func:`sanitise_pdf` writes or reports for the same file could change
#: (CaseFile's, pikepdf's and qpdf's versions are part of :func:`sanitiser_engine` too): a
#: sanitised copy kept when its file was added is printed only if the same engine made it.
SANITISER_VERSION = 1


@functools.cache
def sanitiser_engine() -> str:
    """What made a sanitised copy: this module's version, CaseFile's, pikepdf's and qpdf's."""
    from casefile import __version__

    return (
        f"sanitiser {SANITISER_VERSION}; casefile {__version__}; "
        f"pikepdf {pikepdf.__version__}; qpdf {pikepdf.__libqpdf_version__}"
    )


class _Unsafe(Exception):
    """Hidden content that cannot be left out safely: the copy is not made."""


def _reason(exc: _Unsafe) -> str:
    """Why, as the message it was raised with."""
    reason = exc.args[0] if exc.args else ""
    return reason if isinstance(reason, str) else str(reason)


@dataclass(frozen=True)
class UnsafeContent:
    page: int  # 1-based page of the original file
    reason: str  # a core Message


@dataclass
class SanitisedPdf:
    """What :func:`sanitise_pdf` did. ``unsafe`` not empty: nothing was written."""

    pages: int
    removed: dict[str, int] = field(default_factory=dict)  # what (Chinese) -> count
    flattened: dict[str, int] = field(default_factory=dict)
    hidden_layers: tuple[str, ...] = ()  # names of the layers off by default, left out
    unsafe: tuple[UnsafeContent, ...] = ()
    unshown_fields: tuple[int, ...] = ()  # pages with a filled form field that has no appearance
    look_at: tuple[int, ...] = ()  # 0-based pages that may hold hidden text (for find_hidden_text)
    too_complex: tuple[int, ...] = ()  # 1-based pages too big or deep to check for hidden text


@dataclass(frozen=True)
class HiddenText:
    invisible: tuple[int, ...] = ()  # 1-based pages with text drawn invisibly (render mode 3 or 7)
    covered: tuple[int, ...] = ()  # 1-based pages with text under a filled box drawn after it
    unchecked: tuple[int, ...] = ()  # 1-based pages that could not be checked


@dataclass(frozen=True)
class PdfInspection:
    """What an evidence PDF holds beyond what its pages show, and what its packet pages will be."""

    pages: int
    removed: dict[str, int]  # active content and hidden data that the packet leaves out
    flattened: dict[str, int]  # form values and annotations drawn into the pages
    hidden_layers: tuple[str, ...]  # layers off by default, left out of the packet
    unsafe: tuple[UnsafeContent, ...]  # hidden layers that cannot be left out safely: an error
    invisible_text: tuple[int, ...]  # 1-based pages
    covered_text: tuple[int, ...]
    unshown_fields: tuple[int, ...]
    unchecked: tuple[int, ...]

    @classmethod
    def of(cls, sanitised: SanitisedPdf, hidden: HiddenText) -> PdfInspection:
        unchecked = sorted(set(sanitised.too_complex) | set(hidden.unchecked))
        return cls(
            pages=sanitised.pages,
            removed=dict(sanitised.removed),
            flattened=dict(sanitised.flattened),
            hidden_layers=sanitised.hidden_layers,
            unsafe=sanitised.unsafe,
            invisible_text=hidden.invisible,
            covered_text=hidden.covered,
            unshown_fields=sanitised.unshown_fields,
            unchecked=tuple(unchecked),
        )

    def findings(self, label: str, title: str = "", exhibit: int | None = None) -> list[Finding]:
        """Preflight findings: hidden layers that cannot be left out are errors; hidden text,
        form values that cannot be shown and pages that could not be checked are warnings.

        ``label``: the exhibit's label in the bundle ("3" for 证据3); ``title``: its name; ``exhibit``: its own
        number, named beside the label (证据3（案卷编号5，title）).
        """
        from casefile.core.bundle.context import Finding, Level  # the bundle builds on disclosure
        from casefile.core.bundle.findings import exhibit_name

        if exhibit is not None:
            name = exhibit_name(label, exhibit, title)
        elif title:
            name = Message("Exhibit {label} ({title})", label=label, title=title)
        else:
            name = Message("Exhibit {label}", label=label)
        found: list[Finding] = []
        by_reason: dict[str, list[int]] = {}
        for item in self.unsafe:
            by_reason.setdefault(item.reason, []).append(item.page)
        for reason, pages in by_reason.items():
            found.append(
                Finding(
                    Level.ERROR,
                    "pdf-hidden-layer",
                    Message(
                        "{exhibit}: {pages} of the original file hold a layer hidden by default that cannot be removed "
                        "safely ({reason}); the packet was not made, so that the hidden content does not appear in it. "
                        "In a PDF reader keep the layer hidden, save or print it as a new PDF, check it, add it as a "
                        "new exhibit and withdraw the original",
                        exhibit=name,
                        pages=pages_message(pages),
                        reason=reason,
                    ),
                    exhibit,
                )
            )
        if self.invisible_text:
            found.append(
                Finding(
                    Level.WARNING,
                    "pdf-invisible-text",
                    Message(
                        "{exhibit}: {pages} of the original file hold an invisible text layer (common in scans, from "
                        "text recognition): it is not seen in the packet but can be copied and searched; check it for "
                        "personal data that should not be submitted",
                        exhibit=name,
                        pages=pages_message(self.invisible_text),
                    ),
                    exhibit,
                )
            )
        if self.covered_text:
            found.append(
                Finding(
                    Level.WARNING,
                    "pdf-covered-text",
                    Message(
                        "{exhibit}: {pages} of the original file have text covered by blocks of colour that can still "
                        "be copied and searched: a block of colour does not mask; mask what must not be seen with the "
                        "masking tool",
                        exhibit=name,
                        pages=pages_message(self.covered_text),
                    ),
                    exhibit,
                )
            )
        if self.unshown_fields:
            found.append(
                Finding(
                    Level.WARNING,
                    "pdf-form-unshown",
                    Message(
                        "{exhibit}: {pages} of the original file have form entries with no appearance, which the "
                        "packet cannot show; check the original",
                        exhibit=name,
                        pages=pages_message(self.unshown_fields),
                    ),
                    exhibit,
                )
            )
        if self.unchecked:
            found.append(
                Finding(
                    Level.WARNING,
                    "pdf-not-checked",
                    Message(
                        "{exhibit}: {pages} of the original file are too large or too complex to check for invisible "
                        "or covered text",
                        exhibit=name,
                        pages=pages_message(self.unchecked),
                    ),
                    exhibit,
                )
            )
        return found


def pages_message(pages: Iterable[int]) -> Message:
    """Page 2, pages 2, 5, pages 1–300 (第2页, 第2、5页, 第1–300页), at most 8 runs, then "and more"."""
    from casefile.core.errors import listed

    runs: list[list[int]] = []
    for page in sorted(set(pages)):
        if runs and page == runs[-1][1] + 1:
            runs[-1][1] = page
        else:
            runs.append([page, page])
    parts = listed([f"{a}" if a == b else f"{a}–{b}" for a, b in runs[:8]])
    if len(runs) > 8:
        parts = Message("{pages} and more", pages=parts)
    if len(runs) == 1 and runs[0][0] == runs[0][1]:
        return Message("page {pages}", pages=parts)
    return Message("pages {pages}", pages=parts)


def pages_text(pages: Iterable[int]) -> str:
    """第2页, 第2、5页, 第1–300页, 第1–3、7页 (at most 8 runs, then 等)."""
    runs: list[list[int]] = []
    for page in sorted(set(pages)):
        if runs and page == runs[-1][1] + 1:
            runs[-1][1] = page
        else:
            runs.append([page, page])
    parts = [f"{a}" if a == b else f"{a}–{b}" for a, b in runs[:8]]
    return "第" + "、".join(parts) + ("等" if len(runs) > 8 else "") + "页"


# ---------------------------------------------------------------------------------------------
# The public functions


def sanitise_pdf(
    source: Path,
    target: Path,
    report: DisclosureReport | None = None,
    where: str = "",
    *,
    cancel: CancelToken = NEVER_CANCELLED,
) -> SanitisedPdf:
    """Write ``target``: ``source``'s pages as they show, without active content or hidden layers.

    ``source`` is only read (a verified copy of the evidence; the evidence itself is never
    written). What was removed and drawn in is added to ``report`` under ``where`` ("证据3").
    When hidden content cannot be left out safely, ``unsafe`` names the pages and ``target``
    is not written. Raises what :func:`pikepdf.open` raises for files qpdf cannot read
    (:class:`pikepdf.PasswordError` for encrypted ones).
    """
    with pikepdf.open(source) as pdf:
        result = _Sanitiser(pdf, cancel).run()
        if not result.unsafe:
            pdf.save(
                target,
                compress_streams=True,
                stream_decode_level=pikepdf.StreamDecodeLevel.none,
                object_stream_mode=pikepdf.ObjectStreamMode.preserve,
                fix_metadata_version=False,
                # The same file gives the same copy (qpdf would give it a new identifier each time):
                # a copy kept when the file is added to one case is the one another case recorded.
                deterministic_id=True,
            )
    if report is not None and not result.unsafe:
        report_sanitised(result, report, where)
    return result


def report_sanitised(result: SanitisedPdf, report: DisclosureReport, where: str) -> None:
    """Say in ``report``, under ``where``, what making the sanitised copy ``result`` removed and drew in."""
    for what, count in result.removed.items():
        report.add(where, DisclosureAction.REMOVED, what, count)
    for what, count in result.flattened.items():
        report.add(where, DisclosureAction.FLATTENED, what, count)


def find_hidden_text(
    path: Path, pages: Iterable[int] | None = None, *, cancel: CancelToken = NEVER_CANCELLED
) -> HiddenText:
    """Pages of ``path`` with invisible text or text under a filled box drawn after it, by pdfium.

    ``pages``: the 0-based pages worth reading (:attr:`SanitisedPdf.look_at`); None: each page
    is first looked at with qpdf (content within budget, anything that could hide text).
    """
    unchecked: list[int] = []
    if pages is None:
        with pikepdf.open(path) as pdf:
            looker = _Looker()
            chosen = []
            for index, page in enumerate(pdf.pages):
                verdict = looker.verdict(page.obj)
                if verdict is None:
                    unchecked.append(index + 1)
                elif verdict:
                    chosen.append(index)
            pages = chosen
    pages = list(pages)
    invisible: list[int] = []
    covered: list[int] = []
    import pypdfium2 as pdfium

    from casefile.core.thumbnails import PDFIUM_LOCK  # pdfium is not thread-safe: one lock for all its users

    with PDFIUM_LOCK:
        try:
            document = pdfium.PdfDocument(path)
        except pdfium.PdfiumError as exc:  # qpdf wrote it, pdfium refuses it: nothing could be checked
            log.info("%s: not checked for hidden text: %s", path.name, exc)
            return HiddenText(unchecked=tuple(sorted({*unchecked, *(i + 1 for i in pages)})))
    try:
        for index in pages:
            cancel.check()
            with PDFIUM_LOCK:
                try:
                    found = _read_page(document, index)
                except Exception as exc:  # noqa: BLE001 - pdfium refused the page: say it was not checked
                    log.info("%s: page %d not checked for hidden text: %s", path.name, index + 1, exc)
                    found = None
            if found is None:
                unchecked.append(index + 1)
                continue
            if found.invisible:
                invisible.append(index + 1)
            if found.covered:
                covered.append(index + 1)
    finally:
        with PDFIUM_LOCK:
            document.close()
    return HiddenText(tuple(invisible), tuple(covered), tuple(sorted(unchecked)))


def inspect_pdf(path: Path, *, cancel: CancelToken = NEVER_CANCELLED) -> PdfInspection:
    """Everything the preflight needs to know about an evidence PDF, from a verified copy.

    Makes the sanitised copy in a temporary folder beside ``path`` and reads it back, so the
    findings are about the pages as the packet will hold them. Raises what :func:`pikepdf.open`
    raises for files qpdf cannot read.
    """
    with tempfile.TemporaryDirectory(prefix=".cf-inspect-", dir=path.parent) as folder:
        target = Path(folder) / "sanitised.pdf"
        sanitised = sanitise_pdf(path, target, cancel=cancel)
        if sanitised.unsafe:
            return PdfInspection.of(sanitised, HiddenText())
        return PdfInspection.of(sanitised, find_hidden_text(target, sanitised.look_at, cancel=cancel))


def preflight_pdf(
    path: Path, label: str, title: str = "", exhibit: int | None = None, *, cancel: CancelToken = NEVER_CANCELLED
) -> list[Finding]:
    """The preflight findings for one evidence PDF, from a verified copy (see :func:`inspect_pdf`).

    A file qpdf cannot open gives no finding: the packet prints a page saying so.
    """
    try:
        inspection = inspect_pdf(path, cancel=cancel)
    except CaseFileError:
        raise  # cancelled
    except Exception as exc:  # noqa: BLE001 - the packet prints a page saying the file cannot be shown
        log.info("%s: not inspected: %s", path.name, exc)
        return []
    return inspection.findings(label, title, exhibit)


# ---------------------------------------------------------------------------------------------
# What things are


def _is_dict(obj: Any) -> bool:
    return isinstance(obj, Dictionary | Stream)


def _name(obj: Any) -> str:
    return str(obj) if isinstance(obj, Name) else ""


def _classify(obj: Any, keys: Any = None) -> str | None:
    """What a dictionary or stream is when it never goes into a packet ("" for internal
    navigation, removed without a line in the report); None for anything else.

    ``keys``: the object's keys, when the caller has them already.
    """
    if keys is None:
        if not _is_dict(obj):
            return None
        keys = obj.keys()
    kind = _name(obj.get("/Type")) if "/Type" in keys else ""
    if "/S" in keys and kind in ("", "/Action"):
        action = _name(obj.get("/S"))
        if action in _ACTIONS:
            return _ACTIONS[action]
    if "/JS" in keys:
        return JAVASCRIPT
    if not kind and "/Subtype" not in keys and "/EF" not in keys:
        return None
    if kind == "/EmbeddedFile":
        return ATTACHMENT
    if kind == "/Filespec" or "/EF" in keys:
        return ""  # the file specification; an embedded file in it is counted as such
    if kind in _MEDIA_TYPES or ("/Subtype" in keys and _name(obj.get("/Subtype")) in _MEDIA_SUBTYPES):
        return MEDIA
    if kind in ("/Page", "/Pages", "/Catalog"):
        return ""  # a page or the document reached from a page's resources: not copied
    return None


def _children(obj: Any) -> list[tuple[Any, Any]]:
    """(key or index, value) of a dictionary, stream or array, in qpdf's order (sorted keys)."""
    if isinstance(obj, Array):
        return list(enumerate(obj))
    if _is_dict(obj):
        return [(key, obj.get(key)) for key in sorted(obj.keys(), key=_sort_key)]
    return []


def _sort_key(key: str) -> bytes:
    return key.encode("utf-8", "surrogateescape")


def _is_container(obj: Any) -> bool:
    return isinstance(obj, Dictionary | Array | Stream)


def _identity(obj: Any) -> tuple[int, int] | None:
    return obj.objgen if obj.is_indirect else None


def _count_removable(pdf: pikepdf.Pdf, cancel: CancelToken) -> Counter[str]:
    """Everything in the document that no packet page keeps, counted once each.

    A walk of the whole object graph from the catalog (iterative, each object once): the
    document's JavaScript and attachments, outlines' and annotations' actions, and whatever
    hides in page resources. Nothing found here survives sanitising, so these are removals.
    """
    counts: Counter[str] = Counter()
    seen: set[tuple[int, int]] = set()
    attachments: set[tuple[int, int]] = set()
    stack: list[tuple[Any, str]] = [(pdf.Root, "")]
    steps = 0
    while stack:
        obj, parent_key = stack.pop()
        if obj.is_indirect:
            ident = obj.objgen
            if ident in seen:
                continue
            seen.add(ident)
        steps += 1
        if steps % 20_000 == 0:
            cancel.check()
        if isinstance(obj, Array):
            stack.extend((value, parent_key) for value in obj if _is_container(value))
            continue
        keys = obj.keys()
        what = _classify(obj, keys)
        stream = isinstance(obj, Stream)
        if what:
            counts[what] += 1
        elif stream and obj.is_indirect and obj.objgen in attachments:
            counts[ATTACHMENT] += 1
        if "/PieceInfo" in keys:
            counts[PRIVATE_DATA] += 1
        if (stream and what is None and not _EXTERNAL_STREAM_KEYS.isdisjoint(keys)) or not (
            _DROP_KEYS_REFERENCES.isdisjoint(keys)
        ):
            counts[FILE_LINK] += 1
        if parent_key == "/Resources" and not stream:
            counts[ODD_RESOURCE] += sum(1 for k in keys if k not in RESOURCE_CATEGORIES)
        for key in sorted(keys):  # the keys come as a set: walked in one order in every run, so that what
            value = obj.get(key)  # is met first through which key (and the report's order) never varies
            if not _is_container(value):
                continue
            if parent_key == "/XObject" and isinstance(value, Stream) and _name(value.get("/Subtype")) == "/PS":
                counts[POSTSCRIPT] += 1
            if parent_key == "/EF" and isinstance(value, Stream) and value.is_indirect:
                attachments.add(value.objgen)
            stack.append((value, key))
    return counts


# ---------------------------------------------------------------------------------------------
# Layers


class _Layers:
    """Which optional content groups are on when the document opens (/OCProperties /D)."""

    def __init__(self, pdf: pikepdf.Pdf) -> None:
        self.on: set[tuple[int, int]] = set()
        self.off: set[tuple[int, int]] = set()
        self.base_off = False
        self.intents: set[str] = {"/View"}
        self.names: list[str] = []
        self.active = False
        props = pdf.Root.get("/OCProperties")
        if not isinstance(props, Dictionary):
            return  # no optional content: readers show everything, and so does the packet
        config = props.get("/D")
        if not isinstance(config, Dictionary):
            config = Dictionary()
        groups = [g for g in _as_list(props.get("/OCGs")) if isinstance(g, Dictionary) and g.is_indirect]
        self.active = bool(groups) or "/OFF" in config or _name(config.get("/BaseState")) == "/OFF"
        self.base_off = _name(config.get("/BaseState")) == "/OFF"
        intent = config.get("/Intent")
        if intent is not None:
            self.intents = {_name(i) for i in _as_list(intent)}
        for g in _as_list(config.get("/ON")):
            if isinstance(g, Dictionary) and g.is_indirect:
                self.on.add(g.objgen)
                self.off.discard(g.objgen)
        for g in _as_list(config.get("/OFF")):
            if isinstance(g, Dictionary) and g.is_indirect:
                self.off.add(g.objgen)
                self.on.discard(g.objgen)
        # Auto-state for viewing (/AS with /Event /View): a group's /Usage /View /ViewState applies.
        for usage in _as_list(config.get("/AS")):
            if not isinstance(usage, Dictionary) or _name(usage.get("/Event")) != "/View":
                continue
            if "/View" not in {_name(c) for c in _as_list(usage.get("/Category"))}:
                continue
            for g in _as_list(usage.get("/OCGs")):
                if not isinstance(g, Dictionary) or not g.is_indirect:
                    continue
                usage_of = g.get("/Usage")
                view = usage_of.get("/View") if isinstance(usage_of, Dictionary) else None
                state = _name(view.get("/ViewState")) if isinstance(view, Dictionary) else ""
                if state == "/OFF":
                    self.off.add(g.objgen)
                    self.on.discard(g.objgen)
                elif state == "/ON":
                    self.on.add(g.objgen)
                    self.off.discard(g.objgen)
        for g in groups:
            if not self._group_visible(g):
                name = g.get("/Name")
                self.names.append(str(name) if isinstance(name, pikepdf.String) else "")

    def _group_visible(self, group: Any) -> bool:
        if not isinstance(group, Dictionary) or not group.is_indirect:
            return True
        if _name(group.get("/Type")) not in ("", "/OCG"):
            return True  # not a group (a marked-content property list): no effect
        if "/All" not in self.intents:
            intents = {_name(i) for i in _as_list(group.get("/Intent", Name.View))}
            if not intents & self.intents:
                return True  # not used in this configuration: no effect on visibility
        ident = group.objgen
        if ident in self.off:
            return False
        if ident in self.on:
            return True
        return not self.base_off

    def visible(self, oc: Any, depth: int = 0) -> bool:
        """Whether content marked with ``oc`` (a group or a membership dictionary) is shown."""
        if not self.active or not isinstance(oc, Dictionary):
            return True
        if _name(oc.get("/Type")) != "/OCMD":
            return self._group_visible(oc)
        expression = oc.get("/VE")
        if isinstance(expression, Array):
            return self._expression(expression, depth)
        groups = [g for g in _as_list(oc.get("/OCGs")) if isinstance(g, Dictionary)]
        if not groups:
            return True
        states = [self._group_visible(g) for g in groups]
        policy = _name(oc.get("/P")) or "/AnyOn"
        if policy == "/AllOn":
            return all(states)
        if policy == "/AnyOff":
            return not all(states)
        if policy == "/AllOff":
            return not any(states)
        return any(states)

    def _expression(self, expression: Any, depth: int) -> bool:
        if depth > 32:
            raise _Unsafe(Message("a layer's visibility expression is nested too deep"))
        if not isinstance(expression, Array) or len(expression) < 2:
            return self._group_visible(expression)
        operator = _name(expression[0])
        values = [
            self._expression(item, depth + 1) if isinstance(item, Array) else self._group_visible(item)
            for item in list(expression)[1:]
        ]
        if operator == "/Not":
            return not values[0]
        if operator == "/And":
            return all(values)
        if operator == "/Or":
            return any(values)
        raise _Unsafe(Message("a layer's visibility expression is not recognised"))

    def hides_any(self, resources: Any) -> bool:
        """Whether ``resources`` name anything hidden: marked-content properties or XObjects."""
        if not self.active or not isinstance(resources, Dictionary):
            return False
        props = resources.get("/Properties")
        if isinstance(props, Dictionary) and any(not self.visible(v) for v in props.values()):
            return True
        xobjects = resources.get("/XObject")
        return isinstance(xobjects, Dictionary) and any(_hidden(self, x) for x in xobjects.values())


def _hidden(layers: _Layers, xobject: Any) -> bool:
    """Whether an XObject is in a hidden layer."""
    return _is_dict(xobject) and "/OC" in xobject and not layers.visible(xobject.get("/OC"))


def _as_list(obj: Any) -> list[Any]:
    if obj is None:
        return []
    if isinstance(obj, Array):
        return list(obj)
    return [obj]


_PAINT_PATH = frozenset({b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"})
_PAINT_OTHER = frozenset({b"sh", b"Do", b"MP", b"DP", b"BMC", b"BDC", b"EMC"})
_MOVE_LINE = frozenset({b"Td", b"TD", b"Tm", b"T*", b"BT", b"ET"})


_EOF = pikepdf.Token(pikepdf.TokenType.eof, b"")


class _HideLayers(pikepdf.TokenFilter):
    """Leaves out of a content stream what hidden optional content draws.

    As the PDF specification has viewers do: hidden painting is not done, but graphics state
    changes (colours, matrices, clipping, text state) still apply, and so do text positions.
    A line whose visible text continues where hidden text ended cannot keep its layout without
    the hidden text's widths: that is refused (:class:`_Unsafe`).
    """

    def __init__(self, layers: _Layers, resources: Any) -> None:
        super().__init__()
        self.layers = layers
        self.resources = resources if isinstance(resources, Dictionary) else None
        self.pending: list[pikepdf.Token] = []  # operands (and spaces) since the last operator
        self.marks: list[bool] = []  # open marked-content sequences: hidden?
        self.hidden = 0
        self.image: list[pikepdf.Token] | None = None  # an inline image being read (BI … EI)
        self.lost_advance = False  # hidden text moved the text position; visible text continues from there
        self.left_out = 0  # hidden sections, XObjects and images left out
        self.unsafe = ""

    def handle_token(self, token: pikepdf.Token = _EOF) -> Any:
        if self.unsafe:
            return None
        kind = token.type_
        if self.image is not None:
            self.image.append(token)
            if kind is pikepdf.TokenType.word and token.raw_value == b"EI":
                image, self.image = self.image, None
                return None if self.hidden else image  # (counted with its hidden section)
            return None
        if kind is pikepdf.TokenType.eof:
            pending, self.pending = self.pending, []
            return [*pending, token] if not self.hidden else [token]
        if kind is not pikepdf.TokenType.word:
            self.pending.append(token)
            return None
        try:
            return self._operator(token)
        except _Unsafe as exc:
            self.unsafe = _reason(exc)
            return None

    def _operator(self, token: pikepdf.Token) -> list[pikepdf.Token]:
        op = token.raw_value
        operands = [t for t in self.pending if t.type_ not in (pikepdf.TokenType.space, pikepdf.TokenType.comment)]
        pending, self.pending = self.pending, []
        keep = [*pending, token]
        if op == b"BI":
            self.image = keep
            return []
        if op in (b"BDC", b"BMC"):
            hide = op == b"BDC" and self._hides(operands)
            self.marks.append(hide)
            was_hidden = self.hidden
            self.hidden += hide
            if was_hidden or hide:
                self.left_out += not was_hidden
                return []
            return keep
        if op == b"EMC":
            if not self.marks:
                return keep if not self.hidden else []
            was_hidden = self.hidden
            self.hidden -= self.marks.pop()
            return [] if was_hidden else keep
        if op in _MOVE_LINE or op in (b"'", b'"'):
            self.lost_advance = False
        if self.hidden:
            if op in _PAINT_PATH:
                return _spaced(b"n")  # the path ends unpainted; a clip set with it still applies
            if op in (b"Tj", b"TJ"):
                self.lost_advance = True
                return []
            if op == b"'":
                return _spaced(b"T*")
            if op == b'"':
                if len(operands) >= 3:
                    return [_space(), operands[0], *_spaced(b"Tw"), operands[1], *_spaced(b"Tc"), *_spaced(b"T*")]
                return _spaced(b"T*")
            if op in _PAINT_OTHER:
                return []
            return keep  # graphics and text state, path construction, clipping: still applied
        if op in (b"Tj", b"TJ") and self.lost_advance:
            raise _Unsafe(Message("text in a hidden layer runs on from visible text on the same line"))
        if op == b"Do" and operands and self._hidden_xobject(operands[-1]):
            self.left_out += 1
            return []
        return keep

    def _hides(self, operands: list[pikepdf.Token]) -> bool:
        if len(operands) < 2 or operands[0].type_ is not pikepdf.TokenType.name_ or operands[0].value != "/OC":
            return False
        if operands[1].type_ is not pikepdf.TokenType.name_:
            return False  # an inline dictionary cannot name a group: no effect
        if self.resources is None:
            raise _Unsafe(Message("the form holding a layer's content has no resources of its own"))
        props = self.resources.get("/Properties")
        oc = props.get(operands[1].value) if isinstance(props, Dictionary) else None
        return not self.layers.visible(oc)

    def _hidden_xobject(self, operand: pikepdf.Token) -> bool:
        if operand.type_ is not pikepdf.TokenType.name_ or self.resources is None:
            return False
        xobjects = self.resources.get("/XObject")
        xobject = xobjects.get(operand.value) if isinstance(xobjects, Dictionary) else None
        return _hidden(self.layers, xobject)


def _spaced(operator: bytes) -> list[pikepdf.Token]:
    return [_space(), pikepdf.Token(pikepdf.TokenType.word, operator), _space()]


def _space() -> pikepdf.Token:
    return pikepdf.Token(pikepdf.TokenType.space, b" ")


# ---------------------------------------------------------------------------------------------
# Bounded decoding


_FLATE = ("/FlateDecode", "/Fl")
# How many bytes a filter can make of one: qpdf decodes these when the result must stay within budget.
_EXPANSION = {"/ASCII85Decode": 4, "/A85": 4, "/ASCIIHexDecode": 1, "/AHx": 1, "/RunLengthDecode": 64, "/RL": 64}
_ANY_EXPANSION = 4096  # LZW and the rest: more than any of them can expand


def _decoded(stream: Any, limit: int) -> bytes | None:
    """A stream's data decoded, or None when it would exceed ``limit`` bytes (or cannot be decoded).

    A small flate stream can decode to gigabytes: flate is inflated here with the output
    bounded; other filters are left to qpdf only when their input is small enough that they
    cannot exceed ``limit``.
    """
    if not isinstance(stream, Stream):
        return None
    try:
        length = int(stream.get("/Length", 0))
    except (TypeError, ValueError):
        length = 0
    if length > limit * _EXPANSION["/A85"]:
        return None
    filters = _as_list(stream.get("/Filter"))
    parms = _as_list(stream.get("/DecodeParms"))
    try:
        data = stream.read_raw_bytes()
    except pikepdf.PdfError:
        return None
    for i, name in enumerate(_name(f) for f in filters):
        parm = parms[i] if i < len(parms) and isinstance(parms[i], Dictionary) else None
        predicted = parm is not None and _number(parm.get("/Predictor")) > 1
        decoded: bytes | None
        if name in _FLATE and not predicted:
            decoded = _inflate(data, limit)
        elif len(data) * (1032 if name in _FLATE else _EXPANSION.get(name, _ANY_EXPANSION)) > limit:
            decoded = None
        else:
            decoded = _qpdf_decode(data, name, parm)
        if decoded is None or len(decoded) > limit:
            return None
        data = decoded
    return data


def _qpdf_decode(data: bytes, name: str, parm: Any) -> bytes | None:
    with pikepdf.new() as scratch:
        stream = pikepdf.Stream(scratch, data)
        stream.Filter = Name(name)
        if parm is not None:
            stream.DecodeParms = Dictionary({k: int(v) for k, v in parm.items() if isinstance(v, int)})
        try:
            return bytes(stream.read_bytes())
        except pikepdf.PdfError:
            return None


def _number(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def _inflate(data: bytes, limit: int) -> bytes | None:
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error:  # damaged: readers take what decodes, so does the check
        inflater = zlib.decompressobj()
        out = b""
        try:
            for start in range(0, len(data), 4096):
                out += inflater.decompress(data[start : start + 4096], limit + 1 - len(out))
                if len(out) > limit:
                    break
        except zlib.error:
            pass
    return out if len(out) <= limit else None


# ---------------------------------------------------------------------------------------------
# Sanitising


class _Sanitiser:
    def __init__(self, pdf: pikepdf.Pdf, cancel: CancelToken) -> None:
        self.pdf = pdf
        self.cancel = cancel
        self.layers = _Layers(pdf)
        self.removed: Counter[str] = Counter()
        self.flattened: Counter[str] = Counter()
        self.unsafe: list[UnsafeContent] = []
        self.unshown_fields: set[int] = set()
        self.seen: set[tuple[int, int]] = set()  # objects kept, in qpdf's copying order
        self.filtered: set[tuple[int, int]] = set()  # content streams already rid of hidden layers

    def run(self) -> SanitisedPdf:
        pdf = self.pdf
        pages = list(pdf.pages)
        self.removed.update(_count_removable(pdf, self.cancel))
        self._flatten(pages)
        new_pages = pdf.make_indirect(Dictionary(Type=Name.Pages, Kids=Array(), Count=0))
        looker = _Looker()
        look_at: list[int] = []
        too_complex: list[int] = []
        for index, page in enumerate(pages):
            if index % 50 == 0:
                self.cancel.check()
            obj = page.obj
            self._keep_page_keys(obj)
            try:
                self._filter_layers(obj, obj.get("/Resources"), page=True)
                self._clean_graph(obj)
            except _Unsafe as exc:
                self.unsafe.append(UnsafeContent(index + 1, _reason(exc)))
                continue
            obj.Parent = new_pages
            new_pages.Kids.append(obj)
            verdict = looker.verdict(obj)
            if verdict is None:
                too_complex.append(index + 1)
                if looker.too_big(obj.get("/Contents")):
                    _wrap_contents(pdf, obj, index)
            elif verdict:
                look_at.append(index)
        new_pages.Count = len(new_pages.Kids)
        catalog = pdf.make_indirect(Dictionary(Type=Name.Catalog, Pages=new_pages))
        pdf.trailer.Root = catalog
        for key in list(pdf.trailer.keys()):
            if key not in ("/Root", "/Size", "/ID"):
                del pdf.trailer[key]
        return SanitisedPdf(
            pages=len(pages),
            removed={k: v for k, v in self.removed.items() if k and v},
            flattened={k: v for k, v in self.flattened.items() if v},
            hidden_layers=tuple(self.layers.names),
            unsafe=tuple(self.unsafe),
            unshown_fields=tuple(sorted(self.unshown_fields)),
            look_at=tuple(look_at),
            too_complex=tuple(too_complex),
        )

    # -- annotations and forms -------------------------------------------------------------------

    def _flatten(self, pages: list[pikepdf.Page]) -> None:
        """Draw visible annotations and form fields into their pages (as a viewer shows them)."""
        before: list[list[Any]] = []
        missing: set[tuple[int, int]] = set()
        for number, page in enumerate(pages, start=1):
            annots = [a for a in _as_list(page.obj.get("/Annots")) if isinstance(a, Dictionary)]
            before.append(annots)
            for annot in annots:
                if "/OC" in annot and not self._visible_safely(annot.get("/OC"), number):
                    annot.F = int(annot.get("/F", 0)) | 2  # in a hidden layer: hidden
                if _name(annot.get("/Subtype")) == "/Widget" and not _has_appearance(annot):
                    value = _field_value(annot)
                    if value and not int(annot.get("/F", 0)) & 2:
                        if _latin(value) and annot.is_indirect:
                            missing.add(annot.objgen)
                        else:
                            self.unshown_fields.add(number)
        acroform = self.pdf.Root.get("/AcroForm")
        need = isinstance(acroform, Dictionary) and bool(acroform.get("/NeedAppearances"))
        if isinstance(acroform, Dictionary) and (missing or need):
            # qpdf draws text and choice fields from their values (in the field's font, Latin
            # text only). Other fields keep the appearance their author's software drew, unless
            # the file asks viewers to redraw them (NeedAppearances): then a value qpdf cannot
            # draw is kept as drawn and reported, since a viewer would show it redrawn.
            kept: dict[tuple[int, int], Any] = {}
            for number, annots in enumerate(before, start=1):
                for a in annots:
                    if not a.is_indirect or _name(a.get("/Subtype")) != "/Widget" or not _has_appearance(a):
                        continue
                    value = _field_value(a)
                    if need and value and _name(_field_attribute(a, "/FT")) in ("/Tx", "/Ch"):
                        if _latin(value):
                            del a["/AP"]  # redrawn from its value, as a viewer would (not on top of the old)
                            continue
                        self.unshown_fields.add(number)
                    kept[a.objgen] = a.get("/AP")
            acroform.NeedAppearances = True
            try:
                self.pdf.generate_appearance_streams()
            except pikepdf.PdfError as exc:
                log.info("form appearances not generated: %s", exc)
            for annots in before:
                for a in annots:
                    if a.is_indirect and a.objgen in kept:
                        a.AP = kept[a.objgen]
            acroform.NeedAppearances = False
            for number, annots in enumerate(before, start=1):
                for a in annots:
                    if a.is_indirect and a.objgen in missing and not _has_appearance(a):
                        self.unshown_fields.add(number)
        try:
            self.pdf.flatten_annotations("screen")
        except pikepdf.PdfError as exc:
            log.info("annotations not flattened: %s", exc)
        for page, annots in zip(pages, before, strict=True):
            left = {a.objgen for a in _as_list(page.obj.get("/Annots")) if _is_dict(a) and a.is_indirect}
            for annot in annots:
                subtype = _name(annot.get("/Subtype"))
                flattened = annot.is_indirect and annot.objgen not in left  # qpdf also drops hidden ones
                drawn = flattened and _has_appearance(annot) and not int(annot.get("/F", 0)) & _NOT_SHOWN
                if drawn:
                    self.flattened[FORM_VALUES if subtype == "/Widget" else ANNOTATIONS] += 1
                elif subtype not in ("/Link", "/Popup", "/Widget"):  # links: their actions are counted
                    self.removed[UNSHOWN_ANNOTATION] += 1

    def _visible_safely(self, oc: Any, page: int) -> bool:
        try:
            return self.layers.visible(oc)
        except _Unsafe:
            return False  # an annotation whose layer cannot be worked out is not drawn

    # -- pages -----------------------------------------------------------------------------------

    def _keep_page_keys(self, page: Any) -> None:
        for key in _INHERITED:  # bring down what the page inherits: the page tree is replaced
            if key not in page:
                value = _inherited(page, key)
                if value is not None:
                    page[key] = value
        for key in list(page.keys()):
            if key not in _PAGE_KEYS:
                del page[key]  # /Annots (what they showed is drawn in now), /AA, /PieceInfo, /Thumb…
        if not isinstance(page.get("/Resources"), Dictionary):
            page.Resources = Dictionary()
        for stream in _as_list(page.get("/Contents")):
            if isinstance(stream, Stream) and "/Subtype" not in stream:  # (not a form used elsewhere too)
                for key in list(stream.keys()):
                    if key not in _CONTENT_STREAM_KEYS:
                        del stream[key]
            elif isinstance(stream, Stream):
                for key in _EXTERNAL_STREAM_KEYS | _DROP_KEYS:
                    if key in stream:
                        del stream[key]

    def _filter_layers(self, owner: Any, resources: Any, *, page: bool = False) -> None:
        """Leave hidden optional content out of a page's or a form's content stream."""
        if not self.layers.active:
            return
        if not page:
            ident = _identity(owner)
            if ident in self.filtered:
                return
            if ident is not None:
                self.filtered.add(ident)
        streams = [s for s in _as_list(owner.get("/Contents"))] if page else [owner]
        size = 0
        marked = inline = calls = False
        for stream in streams:
            data = _decoded(stream, MAX_FILTERED_STREAM)
            if data is None:
                if self.layers.hides_any(resources) or resources is None:
                    raise _Unsafe(Message("a content stream with layers is too large or cannot be decoded"))
                return
            size += len(data)
            if size > MAX_FILTERED_STREAM:
                raise _Unsafe(Message("a content stream with layers is too large"))
            marked = marked or b"BDC" in data
            inline = inline or (b"BDC" in data and b"<<" in data)
            calls = calls or b"Do" in data
            del data
        if not (marked or calls):
            return
        if not (self.layers.hides_any(resources) or inline or (resources is None and marked)):
            return
        hide = _HideLayers(self.layers, resources)
        try:
            filtered = pikepdf.Page(owner).get_filtered_contents(hide)
        except pikepdf.PdfError as exc:
            raise _Unsafe(Message("content with layers cannot be parsed")) from exc
        if hide.unsafe:
            raise _Unsafe(hide.unsafe)
        if not hide.left_out:
            return
        self.removed[HIDDEN_LAYER] += hide.left_out
        if page:
            owner.Contents = self.pdf.make_stream(filtered)
        else:
            owner.write(filtered)

    # -- the object graph ------------------------------------------------------------------------

    def _clean_graph(self, page: Any) -> None:
        """Clean what a page keeps, walking it as qpdf copies it (depth first, keys sorted).

        The walk cuts what lies deeper than :data:`MAX_NESTING`: the packet's assembly copies
        each page's resources with qpdf, whose copying recurses and would crash on a chain of
        100,000 objects hidden in a font dictionary. Walking in qpdf's own order, with what
        earlier pages kept already known, guarantees the cut graph copies within that depth.
        """
        # (value, parent, key, depth, context): context says what the value is to its parent.
        stack: list[tuple[Any, Any, Any, int, str]] = []
        for key in ("/Resources", "/Group"):  # pushed in reverse: qpdf copies /Group first
            value = page.get(key)
            if _is_container(value):
                stack.append((value, page, key, 1, "resources" if key == "/Resources" else ""))
        while stack:
            obj, parent, key, depth, context = stack.pop()
            ident = _identity(obj)
            if ident is not None and ident in self.seen:
                continue
            if depth > MAX_NESTING:
                _remove(parent, key)
                self.removed[TOO_DEEP] += 1
                continue
            if ident is not None:
                self.seen.add(ident)
            children = self._clean(obj, context)
            for child_key, child, child_context in reversed(children):
                stack.append((child, obj, child_key, depth + 1, child_context))

    def _clean(self, obj: Any, context: str) -> list[tuple[Any, Any, str]]:
        """Remove from ``obj`` what no packet keeps; return its containers to walk next."""
        if isinstance(obj, Stream):
            subtype = _name(obj.get("/Subtype"))
            if subtype == "/Form" or context == "charproc" or obj.get("/PatternType") == 1:
                self._filter_layers(obj, obj.get("/Resources"))
        walk: list[tuple[Any, Any, str]] = []
        for key, value in list(_children(obj)):
            if isinstance(key, str):
                if key in _DROP_KEYS or key in _DROP_KEYS_REFERENCES or (key == "/A" and _is_dict(value)):
                    del obj[key]
                    continue
                if isinstance(obj, Stream) and key in _EXTERNAL_STREAM_KEYS:
                    del obj[key]
                    continue
                if context == "resources" and key not in RESOURCE_CATEGORIES:
                    del obj[key]
                    continue
                if context == "xobjects" and not self._keeps_xobject(value):
                    del obj[key]
                    continue
            if _classify(value) is not None:
                _remove(obj, key)
                continue
            if _is_container(value):
                walk.append((key, value, _context_of(key, context, value)))
        return walk

    def _keeps_xobject(self, xobject: Any) -> bool:
        if not isinstance(xobject, Stream) or _name(xobject.get("/Subtype")) not in ("/Image", "/Form"):
            return False  # PostScript and anything else that is not a picture or a form (counted before)
        if "/OC" in xobject and self.layers.active:
            if not self.layers.visible(xobject.get("/OC")):
                return False  # in a hidden layer: never drawn, not kept
            del xobject["/OC"]  # shown: the packet has no layers
        return True


def _wrap_contents(pdf: pikepdf.Pdf, page: Any, index: int) -> None:
    """Make a page's huge content stream a form XObject the page draws.

    The packet's assembly takes each page's content through qpdf, which decodes it whole in
    memory (a 300 KB stream can inflate to 300 MB); a form XObject is copied as it is stored.
    """
    stream = page.get("/Contents")
    resources = page.get("/Resources")
    if not isinstance(stream, Stream) or not isinstance(resources, Dictionary) or "/Subtype" in stream:
        return  # several streams (state may run across them) or shared with a page already done
    stream.Type = Name.XObject
    stream.Subtype = Name.Form
    stream.BBox = Array([_number(v) for v in page.get("/MediaBox", Array([0, 0, 612, 792]))])
    stream.Resources = resources
    name = f"/CasefilePage{index}"
    own = Dictionary({key: value for key, value in resources.items()})
    xobjects = resources.get("/XObject")
    own.XObject = (
        Dictionary({key: value for key, value in xobjects.items()})
        if isinstance(xobjects, Dictionary)
        else Dictionary()
    )
    own.XObject[name] = stream
    page.Resources = own
    page.Contents = pdf.make_stream(f"q {name} Do Q".encode())


def _context_of(key: Any, context: str, value: Any) -> str:
    if key == "/Resources":
        return "resources"
    if context == "resources" and key == "/XObject":
        return "xobjects"
    if key == "/CharProcs":
        return "charprocs"
    if context == "charprocs":
        return "charproc"
    return ""


def _remove(parent: Any, key: Any) -> None:
    if isinstance(parent, Array):
        parent[key] = None
    elif key in parent:
        del parent[key]


def _inherited(page: Any, key: str) -> Any:
    node = page.get("/Parent")
    seen: set[tuple[int, int]] = set()
    while isinstance(node, Dictionary) and len(seen) < 64:
        ident = _identity(node)
        if ident is not None:
            if ident in seen:
                break
            seen.add(ident)
        if key in node:
            return node.get(key)
        node = node.get("/Parent")
    return None


def _has_appearance(annot: Any) -> bool:
    ap = annot.get("/AP")
    if not isinstance(ap, Dictionary):
        return False
    normal = ap.get("/N")
    if isinstance(normal, Stream):
        return True
    if isinstance(normal, Dictionary):
        state = annot.get("/AS")
        return isinstance(normal.get(str(state)), Stream) if isinstance(state, Name) else False
    return False


def _field_attribute(annot: Any, key: str) -> Any:
    """A form field's attribute, inherited from its parent fields."""
    node = annot
    for _ in range(32):
        if not isinstance(node, Dictionary):
            return None
        if key in node:
            return node.get(key)
        node = node.get("/Parent")
    return None


def _field_value(annot: Any) -> str:
    value = _field_attribute(annot, "/V")
    return str(value) if isinstance(value, pikepdf.String) else ""


def _latin(text: str) -> bool:
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


# ---------------------------------------------------------------------------------------------
# Hidden text


class _Looker:
    """Whether a page could hide text (decided from its content streams), and fits pdfium's budget."""

    def __init__(self) -> None:
        self.streams: dict[tuple[int, int], tuple[int, bool, dict[str, int]] | None] = {}
        self.fonts: dict[tuple[int, int], bool] = {}
        self.budget = MAX_LOOKED_AT_DOCUMENT

    def verdict(self, page: Any) -> bool | None:
        """True: worth reading with pdfium; False: nothing could hide text; None: too big to read."""
        resources = page.get("/Resources")
        total = 0
        worth = False
        for stream in _as_list(page.get("/Contents")):
            found = self._stream(stream)
            if found is None:
                return None
            size, hides, calls = found
            worth = worth or hides or bool(calls)
            expanded = self._expanded(resources, calls, 0, {})
            if expanded is None:
                return None
            total += size + expanded
            if total > MAX_LOOKED_AT_PAGE:
                return None
        if not self._fonts_fit(resources, 0):
            return None
        worth = worth or _clear_states(resources)
        if worth:
            if total > self.budget:
                return None  # the document has had its share of pdfium's time
            self.budget -= total
        return worth

    def too_big(self, contents: Any) -> bool:
        """Whether a page's own content stream decodes beyond the budget (looked at before)."""
        ident = _identity(contents) if isinstance(contents, Stream) else None
        return ident is not None and ident in self.streams and self.streams[ident] is None

    def _stream(self, stream: Any) -> tuple[int, bool, dict[str, int]] | None:
        if not isinstance(stream, Stream):
            return 0, False, {}
        ident = _identity(stream)
        if ident is not None and ident in self.streams:
            return self.streams[ident]
        data = _decoded(stream, MAX_LOOKED_AT_PAGE)
        found: tuple[int, bool, dict[str, int]] | None = None
        if data is not None:
            calls = Counter(_unescape(m.group(1)) for m in _DO.finditer(data))
            # Text drawn in some render mode (3: invisible), or a fill after text that may cover it.
            first_text = _SHOW_TEXT.search(data)
            hides = (b"Tr" in data and _TR.search(data) is not None) or (  # found first: the search tries every byte
                first_text is not None and _has_token(data, _FILLS, first_text.end())
            )
            found = (len(data), hides, dict(calls))
        if ident is not None:
            self.streams[ident] = found
        return found

    def _expanded(self, resources: Any, calls: dict[str, int], level: int, memo: dict[Any, int]) -> int | None:
        """Decoded bytes that the forms called by a content stream add, counting each call."""
        if not calls:
            return 0
        if level > MAX_FORM_LEVELS:
            return None
        xobjects = resources.get("/XObject") if isinstance(resources, Dictionary) else None
        total = 0
        for name, count in calls.items():
            form = xobjects.get("/" + name) if isinstance(xobjects, Dictionary) else None
            if not isinstance(form, Stream) or _name(form.get("/Subtype")) != "/Form":
                continue
            ident = _identity(form)
            size = memo.get(ident)
            if size is None:
                found = self._stream(form)
                if found is None:
                    return None
                inner = self._expanded(form.get("/Resources"), found[2], level + 1, memo)
                if inner is None or not self._fonts_fit(form.get("/Resources"), level + 1):
                    return None
                size = found[0] + inner
                memo[ident] = size
            total += count * size
            if total > MAX_LOOKED_AT_PAGE:
                return None
        return total

    def _fonts_fit(self, resources: Any, level: int) -> bool:
        fonts = resources.get("/Font") if isinstance(resources, Dictionary) else None
        if not isinstance(fonts, Dictionary):
            return True
        for font in fonts.values():
            for program in _font_programs(font):
                ident = _identity(program)
                if ident is None:
                    continue
                if ident not in self.fonts:
                    self.fonts[ident] = _decoded(program, MAX_FONT_PROGRAM) is not None
                if not self.fonts[ident]:
                    return False
        return True


def _unescape(name: bytes) -> str:
    """A name as written in a content stream (``X#41``) as a resource key (``XA``)."""
    return _ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), name).decode("utf-8", "surrogateescape")


def _has_token(data: bytes, tokens: frozenset[bytes], start: int) -> bool:
    """Whether one of ``tokens`` occurs in ``data`` after ``start`` (a megabyte at a time)."""
    while start < len(data):
        found = _SPACE.search(data, min(len(data), start + (1 << 20)))
        end = found.start() if found else len(data)
        if not tokens.isdisjoint(data[start:end].split()):
            return True
        start = end
    return False


def _clear_states(resources: Any) -> bool:
    """Whether a graphics state sets a fill opacity of 0 (text drawn with it cannot be seen)."""
    states = resources.get("/ExtGState") if isinstance(resources, Dictionary) else None
    if not isinstance(states, Dictionary):
        return False
    for state in states.values():
        opacity = state.get("/ca") if isinstance(state, Dictionary) else None
        if isinstance(opacity, int | float | pikepdf.Object) and not isinstance(opacity, bool):
            try:
                if float(opacity) < 0.01:
                    return True
            except (TypeError, ValueError):
                continue
    return False


def _font_programs(font: Any) -> Iterator[Any]:
    if not isinstance(font, Dictionary):
        return
    fonts = [font, *[f for f in _as_list(font.get("/DescendantFonts")) if isinstance(f, Dictionary)]]
    for f in fonts[:4]:
        descriptor = f.get("/FontDescriptor")
        if isinstance(descriptor, Dictionary):
            for key in ("/FontFile", "/FontFile2", "/FontFile3"):
                program = descriptor.get(key)
                if isinstance(program, Stream):
                    yield program


@dataclass
class _PageText:
    invisible: bool = False
    covered: bool = False


def _read_page(document: Any, index: int) -> _PageText | None:
    """Invisible and covered text on one page, with pdfium (the caller holds the pdfium lock)."""
    import pypdfium2.raw as raw

    page = document[index]
    try:
        return _PageReader(raw, page.raw).read(lambda: page.get_textpage())
    finally:
        page.close()


class _PageReader:
    """One page's drawn objects as pdfium parsed them: invisible text, and text under opaque boxes.

    Covered means: a character's box lies inside an upright rectangle filled opaquely (no
    transparency, no blend mode, in no transparent form) drawn after the character's text.
    """

    def __init__(self, raw: Any, page: Any) -> None:
        self.raw = raw
        self.page = page
        self.objects = 0
        self.invisible: list[Any] = []
        self.texts: list[tuple[int, int, tuple[float, float, float, float]]] = []  # z, object, box
        self.boxes: list[tuple[int, tuple[float, float, float, float]]] = []  # z, filled opaque box

    def read(self, textpage: Any) -> _PageText | None:
        raw = self.raw
        if not self._walk(raw.FPDFPage_CountObjects(self.page), lambda i: raw.FPDFPage_GetObject(self.page, i)):
            return None
        result = _PageText()
        covering = self._candidates()
        if covering is None:
            return None
        if not self.invisible and not covering:
            return result
        text = textpage()
        try:
            if self.invisible:
                result.invisible = any(self._has_text(obj, text.raw) for obj in self.invisible)
            if covering:
                found = self._covered(text.raw, covering)
                if found is None:
                    return None
                result.covered = found
        finally:
            text.close()
        return result

    def _walk(self, count: int, get: Any) -> bool:
        """Every drawn object, in painting order, forms entered (their matrices applied)."""
        raw = self.raw
        # (getter, count, next index, matrix to page, transparent ancestor, level)
        frames: list[tuple[Any, int, int, tuple[float, ...], bool, int]] = [
            (get, count, 0, (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), False, 0)
        ]
        z = 0
        while frames:
            getter, n, i, matrix, transparent, level = frames.pop()
            if i >= n:
                continue
            frames.append((getter, n, i + 1, matrix, transparent, level))
            obj = getter(i)
            if not obj:
                continue
            z += 1
            self.objects += 1
            if self.objects > MAX_PAGE_OBJECTS:
                return False
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_FORM:
                if level >= MAX_FORM_LEVELS:
                    return False
                m = raw.FS_MATRIX()
                raw.FPDFPageObj_GetMatrix(obj, m)
                inner = _multiply((m.a, m.b, m.c, m.d, m.e, m.f), matrix)
                see_through = transparent or bool(raw.FPDFPageObj_HasTransparency(obj))
                frames.append(
                    (
                        lambda j, form=obj: raw.FPDFFormObj_GetObject(form, j),
                        raw.FPDFFormObj_CountObjects(obj),
                        0,
                        inner,
                        see_through,
                        level + 1,
                    )
                )
            elif kind == raw.FPDF_PAGEOBJ_TEXT:
                mode = raw.FPDFTextObj_GetTextRenderMode(obj)
                unseen = (raw.FPDF_TEXTRENDERMODE_INVISIBLE, raw.FPDF_TEXTRENDERMODE_CLIP)
                filled = (raw.FPDF_TEXTRENDERMODE_FILL, raw.FPDF_TEXTRENDERMODE_FILL_CLIP)
                if mode in unseen or (mode in filled and _fill_alpha(raw, obj) == 0):
                    self.invisible.append(obj)
                else:
                    box = _bounds(raw, obj, matrix)
                    if box is not None:
                        self.texts.append((z, _address(obj), box))
            elif kind == raw.FPDF_PAGEOBJ_PATH and not transparent:
                box = self._opaque_box(obj, matrix)
                if box is not None:
                    self.boxes.append((z, box))
        return True

    def _opaque_box(self, obj: Any, matrix: tuple[float, ...]) -> tuple[float, float, float, float] | None:
        raw = self.raw
        fill = ctypes.c_int()
        stroke = ctypes.c_int()
        if not raw.FPDFPath_GetDrawMode(obj, fill, stroke) or not fill.value:
            return None
        if _fill_alpha(raw, obj) != 255 or raw.FPDFPageObj_HasTransparency(obj):
            return None
        segments = raw.FPDFPath_CountSegments(obj)
        if not 4 <= segments <= 6:
            return None
        m = raw.FS_MATRIX()
        raw.FPDFPageObj_GetMatrix(obj, m)
        to_page = _multiply((m.a, m.b, m.c, m.d, m.e, m.f), matrix)
        points = []
        for i in range(segments):
            segment = raw.FPDFPath_GetPathSegment(obj, i)
            x, y = ctypes.c_float(), ctypes.c_float()
            if not raw.FPDFPathSegment_GetPoint(segment, x, y):
                return None
            points.append(_apply(to_page, x.value, y.value))
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        box = (min(xs), min(ys), max(xs), max(ys))
        if box[2] - box[0] < 2 or box[3] - box[1] < 2:
            return None
        corners = {(round(x, 1), round(y, 1)) for x in (box[0], box[2]) for y in (box[1], box[3])}
        if not all((round(x, 1), round(y, 1)) in corners for x, y in points):
            return None  # not an upright rectangle
        return box

    def _candidates(self) -> dict[int, list[tuple[float, float, float, float]]] | None:
        """Text objects drawn before a filled box that overlaps them: object -> the boxes."""
        if not self.boxes or not self.texts:
            return {}
        cell = 64.0
        grid: dict[tuple[int, int], list[int]] = {}
        for n, (_z, _obj, box) in enumerate(self.texts):
            for key in _cells(box, cell):
                grid.setdefault(key, []).append(n)
        found: dict[int, list[tuple[float, float, float, float]]] = {}
        checks = 0
        for z, box in self.boxes:
            tried: set[int] = set()
            for key in _cells(box, cell):
                for n in grid.get(key, ()):
                    if n in tried:
                        continue
                    tried.add(n)
                    checks += 1
                    if checks > MAX_COVER_CHECKS:
                        return None
                    text_z, obj, text_box = self.texts[n]
                    if text_z < z and _overlap(box, text_box):
                        found.setdefault(obj, []).append(box)
        return found

    def _covered(self, text: Any, covering: dict[int, list[tuple[float, float, float, float]]]) -> bool | None:
        raw = self.raw
        count = raw.FPDFText_CountChars(text)
        if count > MAX_CHARS:
            return None
        left, right, bottom, top = (ctypes.c_double() for _ in range(4))
        for i in range(count):
            boxes = covering.get(_address(raw.FPDFText_GetTextObject(text, i)))
            if not boxes:
                continue
            if chr(raw.FPDFText_GetUnicode(text, i)).isspace():
                continue
            if not raw.FPDFText_GetCharBox(text, i, left, right, bottom, top):
                continue
            char = (left.value, bottom.value, right.value, top.value)
            if any(_inside(char, box) for box in boxes):
                return True
        return False

    def _has_text(self, obj: Any, text: Any) -> bool:
        raw = self.raw
        size = raw.FPDFTextObj_GetText(obj, text, None, 0)
        if size <= 2:
            return False
        buffer = ctypes.create_string_buffer(size)
        raw.FPDFTextObj_GetText(obj, text, ctypes.cast(buffer, ctypes.POINTER(raw.FPDF_WCHAR)), size)
        return bool(buffer.raw[: size - 2].decode("utf-16-le", "replace").strip())


def _address(obj: Any) -> int:
    return ctypes.cast(obj, ctypes.c_void_p).value or 0


def _fill_alpha(raw: Any, obj: Any) -> int:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not raw.FPDFPageObj_GetFillColor(obj, r, g, b, a):
        return 255
    return a.value


def _bounds(raw: Any, obj: Any, matrix: tuple[float, ...]) -> tuple[float, float, float, float] | None:
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
        return None
    corners = [_apply(matrix, x, y) for x in (left.value, right.value) for y in (bottom.value, top.value)]
    xs = [c[0] for c in corners]
    ys = [c[1] for c in corners]
    return (min(xs), min(ys), max(xs), max(ys))


def _multiply(m: tuple[float, ...], n: tuple[float, ...]) -> tuple[float, ...]:
    """m then n (PDF matrices as a b c d e f)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _apply(m: tuple[float, ...], x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return (a * x + c * y + e, b * x + d * y + f)


def _cells(box: tuple[float, float, float, float], cell: float) -> Iterator[tuple[int, int]]:
    x0, y0, x1, y1 = (max(-1e6, min(1e6, v)) for v in box)
    cx0, cx1 = int(x0 // cell), int(x1 // cell)
    cy0, cy1 = int(y0 // cell), int(y1 // cell)
    if (cx1 - cx0 + 1) * (cy1 - cy0 + 1) > 4096:  # a box far larger than any page: clamp to a page
        cx0, cx1, cy0, cy1 = max(cx0, -1), min(cx1, 64), max(cy0, -1), min(cy1, 64)
    for cx in range(cx0, cx1 + 1):
        for cy in range(cy0, cy1 + 1):
            yield cx, cy


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _inside(char: tuple[float, ...], box: tuple[float, ...], slack: float = 0.5) -> bool:
    x0, y0, x1, y1 = box
    return char[0] >= x0 - slack and char[2] <= x1 + slack and char[1] >= y0 - slack and char[3] <= y1 + slack
