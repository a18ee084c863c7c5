"""ReportLab set-up shared by every generated document: fonts, page geometry, styles, line breaking.

Two embedded fonts: a 宋体-style serif (Noto Serif CJK SC as TrueType, ``SERIF``) for running
text, and WenQuanYi Micro Hei, a 黑体-style sans (``SANS``), for titles, headings, table
labels, stamps, captions and verbatim evidence text, as Chinese pleadings are set (GB/T 9704:
titles and first-level headings 黑体, body 宋体/仿宋). Every canvas starts with the sans as its
initial font, so no PDF we write references ReportLab's non-embedded Helvetica; JPEG data is
written without ASCII85 (raw, as it is in the evidence file).

Page geometry is for binding on the left of portrait A4 (:data:`BINDING`): text keeps 25 mm
clear of that edge, exhibit pictures 20 mm (never less than 15 mm), and stamps and captions
stay at least 10 mm inside every edge.
"""

from __future__ import annotations

import functools
import re
import threading
from array import array
from bisect import bisect_right
from collections.abc import Callable, Sequence
from itertools import accumulate, repeat
from pathlib import Path
from typing import Any

import reportlab.rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.paragraph import ParaLines, cjkU, makeCJKParaLine

from casefile.core.bundle.qr import qr_modules
from casefile.core.bundle.ttf import QuickTTFont
from casefile.resources import resource_path

reportlab.rl_config.useA85 = 0  # embed image bytes as they are, not ASCII85-inflated
reportlab.rl_config.invariant = 1  # no timestamps or random IDs: same input, same bytes

SANS = "WenQuanYiMicroHei"  # 黑体 style: titles, headings, labels, stamps, captions, evidence text
SERIF = "NotoSerifSC"  # 宋体 style: running text of documents, lists and tables
MONO = "WenQuanYiMicroHeiMono"  # the sans with fixed-width Latin: commands a reader types (CommandBlock)
FONT = SANS  # the font of everything not set as running text
PAGE = A4
BLANK = "＿＿＿＿＿＿＿＿"  # a clear blank to fill in by hand; never an invented value

# ---------------------------------------------------------------- page geometry (portrait A4)

BINDING = 25 * mm  # the binding edge (left): text pages keep it clear
OUTER = 15 * mm  # the opposite edge
TOP = 25 * mm
BOTTOM = 25 * mm
TEXT_WIDTH = PAGE[0] - BINDING - OUTER  # 170 mm: the width documents' tables are drawn for
MARGINS = (BINDING, OUTER, TOP, BOTTOM)  # left, right, top, bottom of text pages
PICTURE_BINDING = 20 * mm  # exhibit pictures and evidence PDF pages: never within 15 mm of the binding edge
PICTURE_OUTER = 12 * mm
STAMP_EDGE = 10 * mm  # stamps and captions: at least this far inside every edge
STAMP_SIZE = 8.0  # footer stamp (case number, page numbers, exhibit page)
CAPTION_SIZE, CAPTION_LEADING = 7.0, 8.5  # the caption over exhibit content (E2, both hashes)
CAPTION_LINES = 3  # the most a caption takes
# Where exhibit content may go: below the caption, above the footer stamp.
PICTURE_TOP = STAMP_EDGE + CAPTION_LINES * CAPTION_LEADING + 4
PICTURE_BOTTOM = STAMP_EDGE + STAMP_SIZE + 12


def text_box(page: tuple[float, float] = PAGE) -> tuple[float, float, float, float]:
    """(x, y, width, height) of the text frame of a page."""
    return BINDING, BOTTOM, page[0] - BINDING - OUTER, page[1] - TOP - BOTTOM


def picture_box(page: tuple[float, float] = PAGE) -> tuple[float, float, float, float]:
    """(x, y, width, height) of the area exhibit content (photos, evidence PDF pages) may use."""
    w, h = page
    return PICTURE_BINDING, PICTURE_BOTTOM, w - PICTURE_BINDING - PICTURE_OUTER, h - PICTURE_TOP - PICTURE_BOTTOM


# ---------------------------------------------------------------- fonts


class FallbackTTFont(QuickTTFont):
    """A TrueType font that draws the characters it lacks in another one.

    The serif holds every Chinese character of GBK and Big5 but not, say, Hangul or all of
    Latin Extended, which the sans has: such characters in a name or an address print in
    the sans (with their own Unicode map) rather than as empty boxes. Subsets of the other
    font are numbered from ``OTHER`` on.
    """

    OTHER = 1 << 20

    def __init__(self, name: str, filename: str, fallback: TTFont) -> None:
        super().__init__(name, filename)
        self.fallback = fallback
        ranges: list[list[int]] = []
        for code in sorted(self.face.charToGlyph):
            if ranges and code == ranges[-1][1] + 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
        held = "".join(f"{_char_class(a)}-{_char_class(b)}" if a != b else _char_class(a) for a, b in ranges)
        self._lacking = re.compile(f"[^{held}\\s]+")

    def _runs(self, text: str) -> list[tuple[bool, str]]:
        """(drawn in this font?, text) runs."""
        runs: list[tuple[bool, str]] = []
        at = 0
        for match in self._lacking.finditer(text):
            if match.start() > at:
                runs.append((True, text[at : match.start()]))
            runs.append((False, match.group()))
            at = match.end()
        if at < len(text):
            runs.append((True, text[at:]))
        return runs

    def stringWidth(self, text: str, size: float, encoding: str = "utf8") -> float:  # noqa: N802 - ReportLab's name
        own_width = super().stringWidth
        if not self._lacking.search(text):
            return float(own_width(text, size, encoding))
        total = 0.0
        for own, part in self._runs(text):
            total += float((own_width if own else self.fallback.stringWidth)(part, size, encoding))
        return total

    def splitString(self, text: str, doc: Any, encoding: str = "utf-8") -> list[tuple[int, bytes]]:  # noqa: N802
        if not self._lacking.search(text):
            return list(super().splitString(text, doc, encoding))
        out: list[tuple[int, bytes]] = []
        for own, part in self._runs(text):
            if own:
                out += super().splitString(part, doc, encoding)
            else:
                out += [(self.OTHER + n, b) for n, b in self.fallback.splitString(part, doc, encoding)]
        return out

    def getSubsetInternalName(self, subset: int, doc: Any) -> str:  # noqa: N802 - ReportLab's name
        if subset >= self.OTHER:
            return str(self.fallback.getSubsetInternalName(subset - self.OTHER, doc))
        return str(super().getSubsetInternalName(subset, doc))


def _char_class(code: int) -> str:
    return f"\\U{code:08x}"


@functools.cache
def register_fonts() -> str:
    sans = QuickTTFont(SANS, str(resource_path("fonts", "wqy-microhei.ttc")), subfontIndex=0)
    pdfmetrics.registerFont(sans)
    pdfmetrics.registerFont(QuickTTFont(MONO, str(resource_path("fonts", "wqy-microhei.ttc")), subfontIndex=1))
    pdfmetrics.registerFont(FallbackTTFont(SERIF, str(resource_path("fonts", "noto-serif-sc.ttf")), sans))
    # Anything that falls back to ReportLab's defaults (graphics such as QR codes, a canvas
    # made elsewhere) gets the embedded font too, never the unembedded Helvetica.
    from reportlab.graphics import shapes

    shapes.STATE_DEFAULTS["fontName"] = FONT
    reportlab.rl_config.canvas_basefontname = FONT
    return FONT


def blank(value: object, width: int = 8) -> str:
    """The value as text, or a blank line to fill in by hand when there is none."""
    text = "" if value is None else str(value).strip()
    return text if text else "＿" * width


#: What ends a value cut short where the page cannot hold it whole (the packets' cut note, parts.CUT_NOTE, adds
#: where the full text is printed instead).
LONG_VALUE_NOTE = "……（此项过长，以下从略）"
#: The most characters of one value printed where the layout keeps a block on one page and cannot split it (the
#: closing of a complaint: 此致, the addressee, the signature and the date): some seven lines of text.
UNSPLIT_CHARS = 200


def kept_whole(value: str, limit: int = UNSPLIT_CHARS) -> str:
    """``value`` as a block that is never split across pages prints it: whole, or its first ``limit`` characters
    and :data:`LONG_VALUE_NOTE` (the record keeps it whole). Every value of such a block goes through it: a
    value at the record's length limit (validate.SHORT_TEXT_LIMIT) would be taller than the page."""
    if len(value) <= limit:
        return value
    return value[: limit - len(LONG_VALUE_NOTE)] + LONG_VALUE_NOTE


def sign_here(name: object, width: int = 8) -> str:
    """A line to sign on by hand, the signer's name after it in brackets when known: ＿＿＿＿＿＿＿＿（张三）.
    A signature line never holds the typed name alone: there would be nowhere to sign."""
    text = "" if name is None else str(name).strip()
    return "＿" * width + (f"（{text}）" if text else "")


def esc(text: object) -> str:
    """Escape text for a ReportLab Paragraph."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")


# ---------------------------------------------------------------- styles

# Chinese type sizes in points: 二号 22, 小二 18, 三号 16, 四号 14, 小四 12, 五号 10.5, 小五 9.
ERHAO, XIAOER, SIHAO, XIAOSI, WUHAO, XIAOWU = 22.0, 18.0, 14.0, 12.0, 10.5, 9.0


@functools.cache
def styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles of every generated page, by name.

    Running text in 宋体 (``SERIF``): body (小四 12 pt), indent (two characters in), numbered,
    party, sign, right, center, note (五号), form, cell, cellc (五号), cell_small, cellc_small
    (小五, narrow table columns), cover_value. Titles and labels in 黑体 (``SANS``): doc_title and
    title (二号 22 pt), subtitle (小二 18 pt), cover, h2 (四号 14 pt headings), th and th_small
    (table header rows), form_label, cover_label. Small print and verbatim evidence text in
    ``SANS``: small, caption, mono, hash.
    """
    register_fonts()
    body = ParagraphStyle("body", fontName=SERIF, fontSize=XIAOSI, leading=21, wordWrap="CJK", alignment=TA_LEFT)
    sans = ParagraphStyle("sans", parent=body, fontName=SANS)
    title = ParagraphStyle(
        "title", parent=sans, fontSize=ERHAO, leading=32, alignment=TA_CENTER, spaceBefore=0, spaceAfter=14
    )
    return {
        # running text, 小四 宋体
        "body": body,
        "indent": ParagraphStyle("indent", parent=body, firstLineIndent=2 * XIAOSI),  # two characters
        "numbered": ParagraphStyle("numbered", parent=body, leftIndent=2 * XIAOSI, firstLineIndent=-2 * XIAOSI),
        "party": ParagraphStyle("party", parent=body, firstLineIndent=2 * XIAOSI, spaceAfter=4),
        "sign": ParagraphStyle("sign", parent=body, alignment=TA_RIGHT, leading=26),
        "right": ParagraphStyle("right", parent=body, alignment=TA_RIGHT),
        "center": ParagraphStyle("center", parent=body, alignment=TA_CENTER),
        "note": ParagraphStyle("note", parent=body, fontSize=WUHAO, leading=17, spaceAfter=3),
        # forms and tables: values 五号 宋体, labels and header rows 五号 黑体
        "form": ParagraphStyle("form", parent=body, fontSize=WUHAO, leading=15),
        "form_label": ParagraphStyle("form_label", parent=sans, fontSize=WUHAO, leading=15, alignment=TA_CENTER),
        "cell": ParagraphStyle("cell", parent=body, fontSize=WUHAO, leading=14),
        "cellc": ParagraphStyle("cellc", parent=body, fontSize=WUHAO, leading=14, alignment=TA_CENTER),
        "cell_small": ParagraphStyle("cell_small", parent=body, fontSize=XIAOWU, leading=12),  # 小五: narrow columns
        "cellc_small": ParagraphStyle("cellc_small", parent=body, fontSize=XIAOWU, leading=12, alignment=TA_CENTER),
        "th": ParagraphStyle("th", parent=sans, fontSize=WUHAO, leading=14, alignment=TA_CENTER),
        "th_small": ParagraphStyle("th_small", parent=sans, fontSize=XIAOWU, leading=12, alignment=TA_CENTER),
        # titles and headings, 黑体
        "doc_title": title,  # 二号: 民事起诉状, 证据目录
        "title": title,
        "subtitle": ParagraphStyle("subtitle", parent=title, fontSize=XIAOER, leading=26, spaceAfter=10),  # 小二
        "cover": ParagraphStyle("cover", parent=sans, fontSize=26, leading=40, alignment=TA_CENTER),
        "cover_label": ParagraphStyle("cover_label", parent=sans, fontSize=SIHAO, leading=22, alignment=TA_RIGHT),
        "cover_value": ParagraphStyle("cover_value", parent=body, fontSize=SIHAO, leading=22),
        "h2": ParagraphStyle("h2", parent=sans, fontSize=SIHAO, leading=24, spaceBefore=8, spaceAfter=2),  # 四号
        # the title band of a section of a form (当事人信息, 诉讼请求), 四号 黑体 centred
        "band": ParagraphStyle("band", parent=sans, fontSize=SIHAO, leading=20, alignment=TA_CENTER),
        # small print and verbatim evidence text, sans
        "small": ParagraphStyle("small", parent=sans, fontSize=8.5, leading=12),
        "caption": ParagraphStyle("caption", parent=sans, fontSize=8.5, leading=12, alignment=TA_CENTER),
        "mono": ParagraphStyle("mono", parent=sans, fontSize=XIAOWU, leading=13),
        "hash": ParagraphStyle("hash", parent=sans, fontSize=7.5, leading=10),
    }


def para(text: str, style: str = "body") -> Paragraph:
    """A paragraph of markup (escape plain text with :func:`esc`) with Chinese line breaking."""
    return CjkParagraph(text, styles()[style])


#: The least room, in points, a heading needs under it on its page for what follows it: two lines of body text.
#: With less, the heading moves on to the next page (never the last line of a page, its text all overleaf).
HEADING_FOLLOWED_BY = 2 * 21.0


def heading(text: str) -> Paragraph:
    """A heading of plain text (一、诉讼请求), 四号 黑体, kept with what follows it (:class:`Heading`)."""
    return Heading(esc(text), styles()["h2"])


#: The least height, in points, of a row's top part under the header when the row is split across pages: about
#: two lines of table text (small or cell text, with the padding).
ROW_PART_KEPT = 24.0


class KeptTable(Table):
    """A table whose header never ends a page alone: a split must leave, under the header rows, the first row
    whole or at least :data:`ROW_PART_KEPT` points of it (ReportLab splits a row that does not fit into a top part
    of whatever height is left, an empty sliver of padding when no line of its text fits). Otherwise the table
    moves on to the next page. The parts ReportLab makes are of this class too, so every page keeps the rule."""

    _moved_on = False

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts: list[Flowable] = list(super().split(availWidth, availHeight))
        if len(parts) < 2:
            return parts
        head = parts[0]
        head.wrap(availWidth, availHeight)
        repeat = self.repeatRows if isinstance(self.repeatRows, int) else max(self.repeatRows) + 1
        if len(self._rowHeights) <= repeat:
            return parts
        under = sum(head._rowHeights[repeat:])
        if under < min(ROW_PART_KEPT, self._rowHeights[repeat]) and not self._moved_on:
            # Once only: on the next page ReportLab asks again, and a row it cannot split better (one taller
            # than a page, with a cell that does not break) is then split as it can rather than never placed.
            self._moved_on = True
            return []
        return parts


#: A row at least this tall (points; about half an A5 receipt's page) that does not fit in the space left is split
#: where it falls; a shorter one goes whole to the next page, as a form's row should.
TALL_ROW = 280.0


class FormTable(KeptTable):
    """The table of every form and receipt that prints a value the record holds (a name, an address, a product,
    an old value a correction repeats): its rows are kept whole and the table splits between them, but a row too
    tall for what is left of the page — a value near the record's length limit, taller than any page — is split
    across pages instead of stopping the layout (ReportLab's LayoutError). Tables nested in a cell are of this
    class too: a row splits its cells' tables in turn."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("splitInRow", 1)
        super().__init__(*args, **kwargs)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self._calc(availWidth, availHeight)
        parts: list[Flowable] = list(self._splitRows(availHeight, doInRowSplit=0))
        if parts:
            return parts
        repeat = self.repeatRows if isinstance(self.repeatRows, int) else max(self.repeatRows) + 1
        if len(self._rowHeights) <= repeat or self._rowHeights[repeat] < TALL_ROW:
            return []  # on to the next page, where it fits whole
        # The row's cells are set from the top: ReportLab pads a cell centred in a row it splits by half the row's
        # height, on every page again, until nothing of its text is left on the page.
        for style in self._cellStyles[repeat]:
            style.valign = "TOP"
        return super().split(availWidth, availHeight)


def grid(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    header: bool = True,
    repeat: int = 1,
    cell_style: str = "cell",
    padding: float = 3,
    labels: bool = False,
) -> Table:
    """A ruled table with the header row repeated on every page; text cells wrap as needed.

    Text cells are set in ``cell_style`` (宋体 by default); header rows in 黑体 on grey, and
    with ``labels`` the first column too (a table of label and value rows).
    """
    cell = styles()[cell_style]
    th = styles()["th"]

    def make(value: Any, width: float, style: ParagraphStyle) -> Any:
        if isinstance(value, Flowable):
            return value
        text = str(value)
        # Text that fits on one line is drawn as it is: wrapping Chinese text through a
        # Paragraph is the slowest part of laying out a table.
        if "\n" not in text and pdfmetrics.stringWidth(text, style.fontName, style.fontSize) <= width - 2 * padding - 1:
            return text
        return CjkParagraph(esc(text), style)

    label = ParagraphStyle("label", parent=th, alignment=TA_LEFT, fontSize=cell.fontSize, leading=cell.leading)
    body = [
        [
            make(c, w, th if header and r < repeat else label if labels and k == 0 else cell)
            for k, (c, w) in enumerate(zip(row, widths, strict=False))
        ]
        for r, row in enumerate(rows)
    ]
    table = KeptTable(body, colWidths=list(widths), repeatRows=repeat if header else 0, splitInRow=1)
    commands: list[Any] = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("FONTNAME", (0, 0), (-1, -1), cell.fontName),
        ("FONTSIZE", (0, 0), (-1, -1), cell.fontSize),
        ("LEADING", (0, 0), (-1, -1), cell.leading),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), padding),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding),
    ]
    if labels:
        commands.append(("FONTNAME", (0, 0), (0, -1), label.fontName))
    if header:
        commands += [
            ("BACKGROUND", (0, 0), (-1, repeat - 1), colors.HexColor("#e8e8e8")),
            ("FONTNAME", (0, 0), (-1, repeat - 1), th.fontName),
            ("ALIGN", (0, 0), (-1, repeat - 1), "CENTER"),
        ]
    table.setStyle(TableStyle(commands))
    return table


class QrCode(Flowable):
    """A QR code drawn as one filled path: encoded once, no graphics objects per module.

    (ReportLab's QR widget encodes twice and builds a shape per dark module: ~100 ms a code;
    :func:`casefile.core.bundle.qr.qr_modules` encodes a separator page's code in a fraction of
    a millisecond.) The path is drawn in module units, one rectangle per run of dark modules.
    """

    def __init__(self, data: str, size: float) -> None:
        super().__init__()
        self.modules = qr_modules(data)
        self.width = self.height = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.draw_at(self.canv, 0, 0)

    def draw_at(self, canvas: Canvas, x: float, y: float) -> None:
        count = len(self.modules)
        quiet = 2  # modules of white border on each side (the page around it is white too)
        cell = self.width / (count + 2 * quiet)
        canvas.saveState()
        canvas.transform(cell, 0, 0, cell, x + quiet * cell, y + self.height - (quiet + count) * cell)
        canvas.setFillColor(colors.black)
        canvas.addLiteral(self.path(count))
        canvas.addLiteral("f")  # as canvas.drawPath(path, stroke=0, fill=1) writes it
        canvas.restoreState()

    def path(self, count: int) -> str:
        """The path of the dark modules: "x y width 1 re" a run, in module units, row 0 at the top."""
        return " ".join(
            f"{run.start()} {count - 1 - r} {run.end() - run.start()} 1 re"
            for r, row in enumerate(self.modules)
            for run in _DARK_RUNS.finditer(bytes(row))
        )


_DARK_RUNS = re.compile(b"\x01+")


def qr_drawing(data: str, size: float) -> QrCode:
    return QrCode(data, size)


def new_canvas(path: Path, pagesize: tuple[float, float] = PAGE, *, title: str = "") -> Canvas:
    register_fonts()
    canvas = Canvas(str(path), pagesize=pagesize, initialFontName=FONT, initialFontSize=10, invariant=1)
    if title:
        canvas.setTitle(title)
    return canvas


def render_story(
    path: Path,
    story: list[Flowable],
    *,
    pagesize: tuple[float, float] = PAGE,
    margins: tuple[float, float, float, float] = MARGINS,
    on_page: Callable[[Canvas, Any], None] | None = None,
    draw: bool = True,
) -> int:
    """Lay out ``story`` into a PDF at ``path`` on text pages (binding margin on the left); return its page count.

    The same flowables may be laid out again (the evidence list is, until its page numbers settle).
    ``draw=False`` only measures: the pages are laid out as they would be, but the text of
    paragraphs is not drawn (the file is not to be used).
    """
    register_fonts()
    _forget_postponed(story)
    left, right, top, bottom = margins

    doc = SimpleDocTemplate(
        str(path),
        pagesize=pagesize,
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        initialFontName=FONT,
        initialFontSize=10,
        invariant=1,
    )
    pages = [0]

    def count(canvas: Canvas, d: Any) -> None:
        pages[0] = canvas.getPageNumber()
        canvas.setFont(FONT, 10)
        if on_page is not None:
            on_page(canvas, d)

    _measuring.on = not draw
    try:
        doc.build(story or [Spacer(1, 1)], onFirstPage=count, onLaterPages=count)
    finally:
        _measuring.on = False
    return pages[0]


_measuring = threading.local()  # on: render_story(draw=False) is laying out on this thread


def _forget_postponed(flowables: Sequence[Flowable]) -> None:
    """Clear ReportLab's mark on a flowable it moved on to the next page.

    The mark stays on the flowable after the layout; laid out again, a flowable that does not
    fit the rest of a page is then taken for one too large for any page (a LayoutError).
    """
    for flowable in flowables:
        if hasattr(flowable, "_postponed"):
            del flowable._postponed
        inner = getattr(flowable, "_content", None)  # KeepTogether and its kin
        if isinstance(inner, list):
            _forget_postponed(inner)


class _StoryStart(Flowable):
    """Takes no room (the frame stays "at the top" for what follows) and notes the page it falls on."""

    _ZEROSIZE = True

    def __init__(self, sink: list[int]) -> None:
        super().__init__()
        self.sink = sink

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.sink.append(self.canv.getPageNumber())


def render_stories(path: Path, stories: Sequence[list[Flowable]]) -> list[int]:
    """Lay out several stories into one PDF at ``path``, each from the top of a new page, laid
    out as :func:`render_story` lays it out alone; return the page count of each.

    Many small documents (a bundle's text exhibits) then share one file and one subset of each
    font, instead of a file and a font subset each.
    """
    starts: list[int] = []
    story: list[Flowable] = []
    for i, flowables in enumerate(stories):
        if i:
            story.append(PageBreak())
        story += [_StoryStart(starts), *(flowables or [Spacer(1, 1)])]
    total = render_story(path, story)
    if len(starts) != len(stories):  # every start is drawn; anything else is a layout fault of ours
        raise RuntimeError(f"{len(stories)} stories laid out, {len(starts)} starts seen")
    ends = [*starts[1:], total + 1]
    return [end - start for start, end in zip(starts, ends, strict=True)]


# ---------------------------------------------------------------- Chinese line breaking
#
# One set of rules for every line we break, in plain text (wrap_text, TextLines) and in
# paragraphs (CjkParagraph): Chinese breaks between any two characters, except that a line
# never starts with closing or pausing punctuation (，。、：；？！）》」』】”’…) and never ends
# with an opening bracket or quote (（《「『【“‘) or a currency sign; a run of Latin letters and
# digits (an ID or phone number, a waybill number, a hash, a URL, a word) is kept whole
# unless it is longer than a line, when it breaks after / ? & = - _ . , ; : # @ if it can.
# The offending mark is pushed to the next line with the character before it (推出); only a
# line of nothing but such marks lets up to two closing marks hang past the margin.

NO_LINE_START = frozenset(
    "，。、：；？！）》〉」』】〕〗〙〛”’…‥·・ー～％‰℃°′″々〃"  # full-width and CJK
    "﹐﹑﹒﹔﹕﹖﹗﹚﹜﹞"
    ",.;:!?)]}%"  # their ASCII twins
)
NO_LINE_END = frozenset("（《〈「『【〔〖〘〚“‘﹙﹛﹝([{￥$£€＄＃#＠@§")
SOFT_BREAK_AFTER = "/?&=-_.,;:#@"
_LOOKBACK = 6  # characters a break moves back to avoid a mark (a cluster like 。”）is 3)
_WORD = "(?:[^\\s\u2000-\U0010ffff]|[０-９Ａ-Ｚａ-ｚ])"
_WORDS = re.compile(f"{_WORD}+")


def _is_word(ch: str) -> bool:
    """Part of a run kept whole: Latin (Greek, Cyrillic) letters, digits, ASCII marks and
    full-width digits and letters; not spaces, Chinese, or the quotes, dashes and ellipses
    Chinese text uses (U+2000 on)."""
    code = ord(ch)
    return (
        (code < 0x2000 and not ch.isspace())
        or 0xFF10 <= code <= 0xFF19
        or 0xFF21 <= code <= 0xFF3A
        or (0xFF41 <= code <= 0xFF5A)
    )


def _can_break(text: str, at: int) -> bool:
    """May a line end between text[at - 1] and text[at]?"""
    before, after = text[at - 1], text[at]
    if after in NO_LINE_START or before in NO_LINE_END:
        return False
    return not (_is_word(before) and _is_word(after))


class _Runs:
    """Finds the run of :func:`_is_word` characters around a position of a text.

    Lines are broken front to back, so the last run found answers the next lines inside it
    (a run longer than a line); a run is only ever followed as far as one line beyond.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.first = self.last = 0
        self.open = False  # the run was followed only up to a horizon: it may go on

    def around(self, at: int, start: int, horizon: int) -> tuple[int, int]:
        """(first, last) of the run holding text[at], ``last`` found up to ``horizon`` at most."""
        text = self.text
        if self.first <= at < self.last:
            return self.first, self.last
        if self.open and self.last <= at:  # the next lines of a run longer than a line
            match = _WORDS.match(text, self.last, max(horizon, at + 1))
            if match is not None and match.end() > at:
                self.last = match.end()
                self.open = self.last >= horizon
                return self.first, self.last
        first = at
        while first > start and _is_word(text[first - 1]):
            first -= 1
        match = _WORDS.match(text, at, max(horizon, at + 1))
        self.first, self.last = first, match.end() if match is not None else at + 1
        self.open = self.last >= horizon
        return self.first, self.last


def line_spans(
    text: str, widths: Callable[[str], float] | Sequence[float], line_width: float | Sequence[float]
) -> list[tuple[int, int]]:
    """Where the lines of one paragraph (no newlines) start and end: (start, end) index pairs,
    trailing spaces left out. ``widths``: each character's width, or a function measuring one;
    ``line_width``: one width, or one per line (the last repeats).

    Cumulative widths (computed in C by ``accumulate``) and a binary search find how much fits
    on each line; the break then moves back at most a few characters (or over one run of
    Latin letters and digits), so the cost stays linear in the text, never in the square of
    a line's length.
    """
    n = len(text)
    if n == 0:
        return [(0, 0)]
    each = map(widths, text) if callable(widths) else widths
    cumulative = array("d", accumulate(each, initial=0.0))
    room = [line_width] if isinstance(line_width, int | float) else list(line_width)
    runs: _Runs | None = None
    spans: list[tuple[int, int]] = []
    start = 0
    while start < n:
        width = room[min(len(spans), len(room) - 1)]
        end = bisect_right(cumulative, cumulative[start] + width + 1e-6, start + 1) - 1
        end = max(end, start + 1)  # a character wider than the line still goes somewhere
        if end < n and not _can_break(text, end):
            if runs is None:
                runs = _Runs(text)
            end = _line_end(text, cumulative, start, end, width, runs)
        stop = end
        while stop > start and text[stop - 1] == " ":
            stop -= 1
        spans.append((start, stop))
        start = end
        while start < n and text[start] == " ":
            start += 1
    return spans


def _line_end(text: str, cumulative: array[float], start: int, end: int, width: float, runs: _Runs) -> int:
    """Where to end a line that may hold ``text[start:end]`` but may not break at ``end``."""
    at = end
    for _ in range(_LOOKBACK):
        if at <= start:
            break
        if _can_break(text, at):
            return at
        if _is_word(text[at - 1]) and _is_word(text[at]):
            horizon = bisect_right(cumulative, cumulative[at] + width + 1e-6, at) + 1
            first, last = runs.around(at - 1, start, min(horizon, len(text)))
            if cumulative[last] - cumulative[first] > width:
                # Longer than a whole line: split it, after a / or = if it can.
                low = max(first, start)
                soft = max(map(text.rfind, SOFT_BREAK_AFTER, repeat(low), repeat(end - 1))) + 1
                return _hang(text, soft if soft > start else end)
            if first <= start:
                break  # the line holds nothing else
            at = first  # the whole run goes to the next line
            continue
        at -= 1
    # Nothing to move down (a run of marks that may not be split, 。”）」…, or one word).
    return _hang(text, end)


def _hang(text: str, at: int) -> int:
    """``at``, or just after the (at most two) closing marks there: they hang past the margin."""
    pulled = 0
    while at < len(text) and pulled < 2 and text[at] in NO_LINE_START:
        at += 1
        pulled += 1
    return at


def wrap_text(text: str, size: float, width: float, font: str = FONT) -> list[str]:
    """Break text into lines no wider than ``width`` by the Chinese line-breaking rules above.
    Empty lines are dropped. Linear in the length of the text, however long its lines."""
    widths = _char_widths(font, size)
    lines = [line for paragraph in str(text).split("\n") for line in wrap_paragraph(paragraph, widths, width)]
    return [line for line in lines if line] or [""]


class _Widths(dict[str, float]):
    """Character widths in one font at one size, measured on first use."""

    def __init__(self, font: str, size: float) -> None:
        super().__init__()
        self.font = font
        self.size = size

    def __missing__(self, ch: str) -> float:
        width = float(pdfmetrics.stringWidth(ch, self.font, self.size))
        self[ch] = width
        return width


@functools.cache
def _char_widths(font: str, size: float) -> _Widths:
    register_fonts()
    return _Widths(font, size)


def wrap_paragraph(text: str, widths: dict[str, float], width: float | Sequence[float]) -> list[str]:
    """One paragraph (no newlines) as lines no wider than ``width``; [""] for an empty one."""
    return [text[a:b] for a, b in line_spans(text, widths.__getitem__, width)]


class CjkParagraph(Paragraph):
    """A Paragraph broken into lines by the Chinese rules above (wordWrap "CJK").

    ReportLab's own CJK wrapping cuts anywhere, lets a line end with an opening bracket,
    splits numbers and hashes, and keeps only ASCII and a few full-width marks from starting
    a line. Paragraphs with images or end dots are left to ReportLab.
    """

    def draw(self) -> None:
        if not getattr(_measuring, "on", False):  # a pass only measuring pages draws no text
            super().draw()

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - ReportLab's names
        """ReportLab's wrap, remembered for the last width: a table wraps every cell again for
        each piece it is split into at a page break, which made a long table quadratic."""
        known = self.__dict__.get("_wrapped_at")
        if known is not None and known[0] == availWidth and known[1] is self.style:
            _width, _style, self.blPara, self._wrapWidths, self.width, self.height = known
            return self.width, self.height
        result: tuple[float, float] = super().wrap(availWidth, availHeight)
        blpara = self.__dict__.get("blPara")
        if blpara is not None and blpara.kind == 0 and not getattr(self, "_splitpara", False):
            # Only one-font lines (kind 0): plain data, read and never changed when drawn.
            self._wrapped_at = (availWidth, self.style, blpara, self._wrapWidths, self.width, self.height)
        return result

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 - ReportLab's names
        self.__dict__.pop("_wrapped_at", None)
        parts: list[Flowable] = super().split(availWidth, availHeight)
        return parts

    def breakLinesCJK(self, maxWidths: Any) -> Any:  # noqa: N802 - ReportLab's name
        if not isinstance(maxWidths, list | tuple):
            maxWidths = [maxWidths]
        frags = self.frags
        if (
            not frags
            or (hasattr(self, "blPara") and getattr(self, "_splitpara", False))
            or self.style.endDots
            or any(hasattr(f, "cbDefn") for f in frags)
            or self.bulletText
        ):
            return super().breakLinesCJK(maxWidths)
        self.height = 0
        if len(frags) == 1:
            f = frags[0]
            # The rest of a paragraph split at a page break is given its lines as words: joined again with
            # what was left out at their ends (the spaces a line broke at), "openssl x509 -in" stays as written.
            text = f.text if hasattr(f, "text") else "".join(map(_rejoined, getattr(f, "words", [])))
            widths = _char_widths(f.fontName, f.fontSize)
            lines = []
            for k, (a, b, end) in enumerate(_spans_with_ends(text, widths.__getitem__, maxWidths)):
                room = maxWidths[min(k, len(maxWidths) - 1)]
                line = _Line(text[a:b], text[b:end])
                lines.append((room - sum(map(widths.__getitem__, line)), [line]))
            return f.clone(kind=0, lines=lines, ascent=f.fontSize, descent=-0.2 * f.fontSize)
        plain = _plain_lines(frags, maxWidths, self.style)
        if plain is not None:
            return plain
        return self._break_frags(frags, maxWidths)

    def _break_frags(self, frags: list[Any], maxWidths: Sequence[float]) -> Any:
        """Several fragments (fonts, sizes, <br/>): the same rules over their characters."""
        units: list[Any] = []
        for f in frags:
            text = f.text or ""
            units.extend(cjkU(t, f, "utf8") for t in text) if text else units.append(cjkU("", f, "utf8"))
        auto = getattr(self, "autoLeading", getattr(self.style, "autoLeading", ""))
        bounds = auto not in ("", "off")
        lines: list[Any] = []
        segment_start = 0
        for k, unit in enumerate([*units, None]):
            forced = unit is not None and hasattr(unit.frag, "lineBreak")
            if unit is not None and not forced:
                continue
            segment = units[segment_start:k]  # a <br/> ends the last line of the segment before it
            text = "".join(u if len(u) == 1 else "\ue000" for u in segment)
            rooms = [maxWidths[min(len(lines) + i, len(maxWidths) - 1)] for i in range(len(segment) + 1)]
            spans = line_spans(text, [u.width for u in segment], rooms) if text else [(0, 0)]
            for i, (a, b) in enumerate(spans):
                last = i == len(spans) - 1
                part = segment[a:b] + ([unit] if last and forced else [])
                if not part:
                    continue  # the end of the text
                used = sum(u.width for u in part)
                room = rooms[min(i, len(rooms) - 1)]
                lines.append(makeCJKParaLine(part, room, used, room - used, forced and last, bounds))
            segment_start = k + 1
        return ParaLines(kind=1, lines=lines)


_PLAIN_FRAG = frozenset({"rise", "greek", "link", "fontName", "bold", "italic", "fontSize", "textColor", "us_lines"})
_PLAIN_FRAG_MARKS = frozenset({"__tag__", "text", "lineBreak"})


def _plain_lines(frags: list[Any], maxWidths: Sequence[float], style: ParagraphStyle) -> Any:  # noqa: N803
    """Text in one font, size and colour broken only by ``<br/>`` (a hash in two halves, a table
    cell of two lines) as one-font lines, as a single fragment is: the same lines, without
    measuring and comparing every character as a fragment of its own. None: not such text."""
    if style.alignment == TA_JUSTIFY or getattr(style, "autoLeading", "") not in ("", "off"):
        return None
    texts = [f for f in frags if not hasattr(f, "lineBreak")]
    if not texts:
        return None
    first = texts[0]
    look = (first.fontName, first.fontSize, first.textColor)
    for f in frags:
        names = set(vars(f))
        if not names - _PLAIN_FRAG_MARKS <= _PLAIN_FRAG or f.link or f.us_lines or f.rise:
            return None
        if (f.fontName, f.fontSize, f.textColor) != look or (hasattr(f, "lineBreak") and f.text):
            return None
    widths = _char_widths(first.fontName, first.fontSize)
    lines: list[tuple[float, list[str]]] = []
    segment: list[str] = []
    for f in [*frags, None]:
        if f is not None and not hasattr(f, "lineBreak"):
            segment.append(f.text or "")
            continue
        text = "".join(segment)
        segment = []
        rooms = [maxWidths[min(len(lines) + i, len(maxWidths) - 1)] for i in range(len(maxWidths) + 1)]
        if not text:
            if f is not None:  # an empty line, ended by its <br/>
                lines.append((rooms[0], [""]))
            continue
        for k, (a, b, end) in enumerate(_spans_with_ends(text, widths.__getitem__, rooms)):
            line = _Line(text[a:b], text[b:end])
            lines.append((rooms[min(k, len(rooms) - 1)] - sum(map(widths.__getitem__, line)), [line]))
    return first.clone(kind=0, lines=lines, ascent=first.fontSize, descent=-0.2 * first.fontSize)


class _Line(str):
    """A line of a paragraph as drawn, with what its break left out after it (the spaces it broke at)."""

    tail: str

    def __new__(cls, text: str, tail: str = "") -> _Line:
        line = super().__new__(cls, text)
        line.tail = tail
        return line


def _rejoined(word: object) -> str:
    """A line given back as a word by ReportLab's split of a paragraph, with the spaces its break left out."""
    return f"{word}{getattr(word, 'tail', '')}"


def _spans_with_ends(
    text: str, widths: Callable[[str], float], rooms: float | Sequence[float]
) -> list[tuple[int, int, int]]:
    """:func:`line_spans` with, for each line, where the next one starts: what lies between is left out."""
    spans = line_spans(text, widths, rooms)
    starts = [a for a, _b in spans[1:]] + [len(text)]
    return [(a, b, max(b, nxt)) for (a, b), nxt in zip(spans, starts, strict=True)]


class CommandBlock(Flowable):
    """A command for the reader to type (sha256sum FILE, openssl ts -verify …), in the fixed-width sans, broken
    into lines only at its spaces: never inside a word (a path, an option, a digest), and a line's end always
    stands for one space. A line after the first is indented, to read as the same command. A word wider than the
    room makes the whole command smaller (down to ``least`` points), so it is never cut.

    ``text`` is the command as typed, one space between its words."""

    def __init__(self, command: str, size: float = XIAOWU, *, least: float = 6.0, indent: float = 0.0) -> None:
        super().__init__()
        self.words = command.split()
        self.text = " ".join(self.words)
        self.size = size
        self.least = least
        self.indent = indent
        self.lines: list[str] = []
        self.font_size = size

    def _leading(self) -> float:
        return self.font_size * 1.45

    def _hang(self) -> float:
        return 2 * float(pdfmetrics.stringWidth("0", MONO, self.font_size))

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - ReportLab's names
        register_fonts()
        room = max(availWidth - self.indent, 1.0)
        size = self.size
        widest = max((pdfmetrics.stringWidth(w, MONO, size) for w in self.words), default=0.0)
        hang = 2 * pdfmetrics.stringWidth("0", MONO, size)
        if widest > room - hang:  # the widest word is set alone on a line after the first, indented
            size = max(self.least, int(size * (room - hang) / (widest + hang) * 10) / 10)
        self.font_size = size
        hang = self._hang()
        lines: list[str] = []
        for word in self.words:
            width = room - (hang if lines else 0.0)
            if lines and pdfmetrics.stringWidth(f"{lines[-1]} {word}", MONO, size) <= width:
                lines[-1] = f"{lines[-1]} {word}"
            else:
                lines.append(word)
        self.lines = lines or [""]
        self.width = availWidth
        self.height = len(self.lines) * self._leading()
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 - ReportLab's names
        return []  # a command is a few lines: it moves to the next page whole

    def draw(self) -> None:
        if getattr(_measuring, "on", False):
            return
        canvas = self.canv
        canvas.setFont(MONO, self.font_size)
        leading = self._leading()
        y = self.height - leading + (leading - self.font_size) / 2 + 0.2 * self.font_size
        for k, line in enumerate(self.lines):
            canvas.drawString(self.indent + (self._hang() if k else 0.0), y, line)
            y -= leading


class TextLines(Flowable):
    """Lines of plain text drawn as they are: wrapped once, in linear time, and split across
    pages by slicing the list of lines (a long Paragraph is re-laid out at every page break)."""

    def __init__(
        self,
        paragraphs: list[str],
        font_size: float = 9,
        leading: float = 13,
        *,
        font: str = FONT,
        _lines: list[str] | None = None,
        _width: float = 0.0,
        _start: int = 0,
        _end: int | None = None,
    ) -> None:
        super().__init__()
        self.paragraphs = paragraphs
        self.font_size = font_size
        self.leading = leading
        self.font = font
        self._lines = _lines
        self._width = _width
        self._start = _start
        self._end = _end

    def _wrapped(self, width: float) -> list[str]:
        if self._lines is None or abs(width - self._width) > 0.01:
            widths = _char_widths(self.font, self.font_size)
            self._lines = [line for p in self.paragraphs for line in wrap_paragraph(p, widths, width)]
            self._width = width
            self._start, self._end = 0, len(self._lines)
        return self._lines

    def _count(self, width: float) -> int:
        lines = self._wrapped(width)
        end = len(lines) if self._end is None else self._end
        return end - self._start

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self._count(avail_width) * self.leading
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        count = self._count(avail_width)
        fits = int((avail_height + 1e-6) // self.leading)
        if fits <= 0 or count <= fits:
            return [] if fits <= 0 else [self]
        middle = self._start + fits
        end = self._start + count
        return [self._part(self._start, middle), self._part(middle, end)]

    def _part(self, start: int, end: int) -> TextLines:
        return TextLines(
            self.paragraphs,
            self.font_size,
            self.leading,
            font=self.font,
            _lines=self._lines,
            _width=self._width,
            _start=start,
            _end=end,
        )

    def draw(self) -> None:
        lines = self._wrapped(self.width)
        end = len(lines) if self._end is None else self._end
        text = self.canv.beginText(0, self.height - self.font_size)
        text.setFont(self.font, self.font_size, self.leading)
        for line in lines[self._start : end]:
            text.textLine(line)
        self.canv.drawText(text)


# ---------------------------------------------------------------- full-width punctuation

_HAN = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff"
_AFTER_HAN = re.compile(f"(?<=[{_HAN}])[ \t]*([,;:!?])[ \t]*")
_PAIR = re.compile(r"\(([^()\n]*)\)")
_HAS_HAN = re.compile(f"[{_HAN}]")
_FULL = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"}


def fullwidth_punctuation(text: str) -> str:
    """Chinese text with its ASCII , ; : ! ? ( ) in their full-width forms (，；：！？（）).

    Free text typed on an English keyboard often has them; Chinese typesetting wants the
    full-width marks. Only marks in Chinese context change: , ; : ! ? right after a Chinese
    character or mark (spaces around them dropped), and a pair of ( ) holding Chinese or
    right after a Chinese character. Numbers (1,299.00), times (10:30), URLs and English
    (Hello, world (v2)) stay as they are.
    """
    if not _HAS_HAN.search(text):
        return text

    def pair(m: re.Match[str]) -> str:
        inside = m.group(1)
        if _HAS_HAN.search(inside) or (m.start() > 0 and _HAS_HAN.match(text, m.start() - 1)):
            return f"（{inside}）"
        return m.group(0)

    text = _PAIR.sub(pair, text)
    return _AFTER_HAN.sub(lambda m: _FULL[m.group(1)], text)


class Heading(CjkParagraph):
    """A heading that never ends a page: where less than :data:`HEADING_FOLLOWED_BY` points would be left under
    it, it reports itself too tall for the room and cannot be split, so the page ends before it and it starts the
    next one with what it heads. At the top of a frame the room is a whole page, so it always fits there."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - ReportLab's names
        width, height = super().wrap(availWidth, availHeight)
        if height <= availHeight < height + HEADING_FOLLOWED_BY:
            return width, availHeight + 1  # too tall for what is left: the frame moves it on
        return width, height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 - ReportLab's names
        return []
