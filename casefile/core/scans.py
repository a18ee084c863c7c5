"""Whether an exhibit is a picture of a paper (书证) or the document itself as data (电子数据), and whether a
PDF is a scan: every page a picture, with no text but an invisible OCR layer.

A scanner or a phone's scanning app makes a PDF whose pages are each one picture of a paper
(or a few strips of one); an office copier or an app that names neither itself nor a scanner in
the PDF's producer leaves that as the only sign. A document made as a file (an e-invoice, a
contract exported from a word processor) shows its text with fonts. So a PDF is taken for a
scan when on every page pictures cover most of the page and no text is drawn that a reader
would see: text in render mode 3 (invisible, the layer OCR software lays over a scan so that it
can be searched and copied) does not count, nor text drawn first and then covered by a picture
of the whole page.

Read from the content streams only (pikepdf; the pictures are never decoded), with a budget: a
page whose content is larger than :data:`MAX_CONTENT` bytes is not a picture of a paper, and at
most :data:`MAX_PAGES` pages are looked at. Nothing is written to the file.
"""

from __future__ import annotations

import base64
import logging
import re
import zlib
from pathlib import Path
from typing import Any

from casefile.core.model import EvidenceKind, Exhibit

log = logging.getLogger(__name__)

#: Pages looked at: a longer PDF is judged by its first pages.
MAX_PAGES = 1000
#: Bytes of content (decoded) a page or a form in it may have and still be a scan; an OCR layer over a
#: dense page is a few hundred kilobytes. A stream is inflated only up to this, so a small stream that
#: would inflate to hundreds of megabytes costs no more than this to turn down.
MAX_CONTENT = 2 << 20
#: Share of the page that pictures must cover.
COVERED = 0.5
#: A picture this big hides what was drawn before it.
WHOLE_PAGE = 0.9
#: Form XObjects followed inside one another.
MAX_DEPTH = 4
#: Text render mode 3: neither filled nor stroked (OCR layers); 7 only adds to the clipping path.
INVISIBLE = (3, 7)

_OPERATORS = "q Q cm Do Tr Tj TJ ' \" BI ID EI"
_SHOW_TEXT = frozenset({"Tj", "TJ", "'", '"'})

Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


# Kinds that name what a document says (an invoice, a waybill, a contract), not what its file is: paper or data.
DOCUMENTARY_KINDS = frozenset(
    {
        EvidenceKind.DOCUMENT,
        EvidenceKind.WAYBILL,
        EvidenceKind.RECEIPT,
        EvidenceKind.CONTRACT,
        EvidenceKind.ARBITRATION_AGREEMENT,
    }
)
# A PDF made by a scanner or a scanning app (its producer or creator says so) is a picture of a paper.
_SCANNER = re.compile(r"scan|扫描|office lens|microsoft lens", re.I)
# A picture of a screen is data shown on a screen, not a picture of a paper (as in :mod:`casefile.core.sniff`).
_SCREENSHOT = re.compile(r"screenshot|screen shot|截图|截屏|屏幕截", re.I)


def picture_of_paper(e: Exhibit, image_only: bool | None = None) -> bool:
    """Whether the file is a photo or a scan of a paper document (the paper is the original), rather than the
    document itself as data (an e-invoice PDF or OFD the platform issued, a contract file, an electronic waybill).

    The user's word decides (:attr:`Exhibit.paper`). Not said, it is told from the file: a picture is a photo or
    scan unless its name or title says it is a screenshot; a PDF is a scan when its producer or creator is a
    scanner or scanning app, or when every page is a picture with no text a reader sees (an OCR layer is
    invisible), as read when it was added (``metadata.image_only``) or, for a PDF added before that, by the
    packet (``image_only``). A redacted PDF copy is not judged by its own pages, which it made pictures of. Any
    other file is the document as data.
    """
    if e.paper is not None:
        return e.paper
    if e.mime.startswith("image/"):
        return not (_SCREENSHOT.search(e.original_name) or _SCREENSHOT.search(e.title))
    if e.mime == "application/pdf":
        if _made_by_scanner(e):
            return True
        pictures = e.metadata.image_only if e.metadata.image_only is not None else image_only
        return bool(pictures) and e.derived_from is None
    return False


def evidence_form(e: Exhibit, image_only: bool | None = None) -> str:
    """证据形式 (spec §1 col. 4, §3 E1): 书证 for papers, 电子数据 for everything made or kept as data.

    Recordings, videos, photos, screenshots, chats and mail are electronic data: audio and video
    files are electronic files (民事证据规定 art. 14 (四)), and recordings and images stored on an
    electronic medium follow the rules for electronic data (民诉法解释 art. 116) — not 视听资料,
    which would ask for the original carrier (art. 15) instead of the original data.

    A document (invoice, waybill, contract, agreement) is 书证 when its file is a photo or scan of the paper
    (the paper is the original, the page a copy of it), and 电子数据 when the file is the document itself: an
    electronic invoice or contract is an electronic file (art. 14 (五)), its printout its original (art. 15).
    The user's answer (:attr:`Exhibit.paper`) decides for any kind: yes 书证, no 电子数据.
    ``image_only``: see :func:`picture_of_paper`.
    """
    if e.paper is not None:
        return "书证" if e.paper else "电子数据"
    if e.kind in DOCUMENTARY_KINDS and picture_of_paper(e, image_only):
        return "书证"
    return "电子数据"


def form_needs_pages(e: Exhibit) -> bool:
    """Whether the form of ``e`` depends on whether its PDF's pages are all pictures, which its metadata does not
    say (a PDF added before CaseFile looked): the packet reads them (:attr:`ExhibitEntry.image_only`)."""
    return (
        e.mime == "application/pdf"
        and e.paper is None
        and e.metadata.image_only is None
        and e.derived_from is None
        and e.kind in DOCUMENTARY_KINDS
        and not _made_by_scanner(e)
    )


def _made_by_scanner(e: Exhibit) -> bool:
    """Whether a PDF's producer or creator names a scanner or a scanning app."""
    return bool(_SCANNER.search(f"{e.metadata.producer} {e.metadata.creator}"))


def image_only(path: Path) -> bool | None:
    """Whether the PDF at ``path`` is a scan (see the module); None when it cannot be told (no PDF
    pikepdf opens, a password, no pages)."""
    import pikepdf

    try:
        with pikepdf.open(path) as pdf:
            return pdf_image_only(pdf)
    except Exception as exc:  # noqa: BLE001 - a file that cannot be read is not known to be a scan
        log.info("%s: not told whether it is a scan: %s", path.name, exc)
        return None


def pdf_image_only(pdf: Any) -> bool | None:
    """:func:`image_only` for a PDF already open with pikepdf."""
    pages = pdf.pages
    if len(pages) == 0:
        return None
    try:
        for k in range(min(len(pages), MAX_PAGES)):
            if not _page_is_picture(pages[k]):
                return False
    except Exception as exc:  # noqa: BLE001 - a page pikepdf cannot parse: not known to be a scan
        log.info("a PDF page could not be read for pictures and text: %s", exc)
        return None
    return True


def _page_is_picture(page: Any) -> bool:
    import pikepdf

    obj = page.obj
    box = obj.get("/CropBox") or _inherited(obj, "/MediaBox")
    if box is None:
        return False
    x0, y0, x1, y1 = (float(v) for v in box)
    area = abs((x1 - x0) * (y1 - y0))
    if area <= 0:
        return False
    contents = obj.get("/Contents")
    streams = list(contents) if isinstance(contents, pikepdf.Array) else [contents] if contents is not None else []
    budget = MAX_CONTENT
    for stream in streams:
        if isinstance(stream, pikepdf.Stream):
            budget -= _decoded_size(stream, budget)
            if budget < 0:
                return False
    walk = _Walk(area)
    walk.run(pikepdf.parse_content_stream(page, _OPERATORS), _inherited(obj, "/Resources"), _IDENTITY, 0, 0)
    return walk.covered >= COVERED and not walk.visible_text


def _decoded_size(stream: Any, limit: int) -> int:
    """The decoded size of a content stream, or more than ``limit`` when it is bigger, or when it cannot be told
    without decoding it whole (a filter other than Flate and the ASCII encodings, which content streams seldom
    use). Inflates at most ``limit`` + 1 bytes of it at each Flate step."""
    import pikepdf

    filters = stream.get("/Filter")
    if filters is None:
        return int(stream.get("/Length", 0))
    names = (
        [filters] if isinstance(filters, pikepdf.Name) else list(filters) if isinstance(filters, pikepdf.Array) else []
    )
    if not names or len(names) > 4:
        return limit + 1
    data = stream.read_raw_bytes()
    try:
        for name in names:
            if name == pikepdf.Name.FlateDecode:
                data = zlib.decompressobj().decompress(data, limit + 1)
            elif name == pikepdf.Name.ASCII85Decode:  # these two only ever shrink what they decode
                body = bytes(data).strip()
                data = base64.a85decode(body[:-2] if body.endswith(b"~>") else body)
            elif name == pikepdf.Name.ASCIIHexDecode:
                hexits = re.sub(rb"\s+", b"", bytes(data)).split(b">", 1)[0]
                data = bytes.fromhex((hexits + b"0" * (len(hexits) % 2)).decode("ascii"))
            else:
                return limit + 1
    except (ValueError, zlib.error):
        return limit + 1
    return len(data)


def _inherited(obj: Any, key: str) -> Any:
    """A page attribute, from the page or the page tree above it."""
    seen = 0
    while obj is not None and seen < 64:
        if key in obj:
            return obj[key]
        obj, seen = obj.get("/Parent"), seen + 1
    return None


def _times(m: Matrix, n: Matrix) -> Matrix:
    """``m`` then ``n`` (PDF's row-vector convention: cm's matrix times the current one)."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


def _matrix(values: Any) -> Matrix:
    a, b, c, d, e, f = (float(v) for v in values)
    return (a, b, c, d, e, f)


class _Walk:
    """Follows one page's drawing: the share of it covered by pictures, and whether visible text is left."""

    def __init__(self, page_area: float) -> None:
        self.page_area = page_area
        self.covered = 0.0
        self.visible_text = False

    def picture(self, ctm: Matrix) -> None:
        a, b, c, d, _, _ = ctm
        share = abs(a * d - b * c) / self.page_area  # the unit square a picture fills, as the page shows it
        if share >= WHOLE_PAGE:
            self.visible_text = False  # whatever was drawn before is under it
        self.covered = min(1.0, self.covered + share)

    def run(self, instructions: Any, resources: Any, ctm: Matrix, mode: int, depth: int) -> None:
        """Follow ``instructions`` drawn with ``resources`` under ``ctm``, text in render ``mode``."""
        import pikepdf

        stack: list[tuple[Matrix, int]] = []
        xobjects = resources.get("/XObject") if isinstance(resources, pikepdf.Dictionary) else None
        for instruction in instructions:
            op = str(instruction.operator)
            if op == "q":
                stack.append((ctm, mode))
            elif op == "Q":
                if stack:
                    ctm, mode = stack.pop()
            elif op == "cm":
                operands = instruction.operands
                if len(operands) == 6:
                    ctm = _times(_matrix(operands), ctm)
            elif op == "Tr":
                if instruction.operands:
                    mode = int(instruction.operands[0])
            elif op in _SHOW_TEXT:
                if mode not in INVISIBLE:
                    self.visible_text = True
            elif op == "INLINE IMAGE":
                self.picture(ctm)
            elif op == "Do" and xobjects is not None and instruction.operands:
                xobject = xobjects.get(instruction.operands[0])
                if not isinstance(xobject, pikepdf.Stream):
                    continue
                subtype = xobject.get("/Subtype")
                if subtype == pikepdf.Name.Image:
                    self.picture(ctm)
                elif subtype == pikepdf.Name.Form and depth < MAX_DEPTH:
                    if _decoded_size(xobject, MAX_CONTENT) > MAX_CONTENT:
                        self.visible_text = True  # too much to read: not taken for a picture
                        continue
                    matrix = xobject.get("/Matrix")
                    inner = ctm if matrix is None else _times(_matrix(matrix), ctm)
                    self.run(
                        pikepdf.parse_content_stream(xobject, _OPERATORS),
                        xobject.get("/Resources", resources),
                        inner,
                        mode,
                        depth + 1,
                    )
