"""ReportLab set-up shared by every generated document: the embedded CJK font, styles, pages.

Every canvas starts with the embedded WenQuanYi font as its initial font, so no PDF we
write references ReportLab's non-embedded Helvetica; JPEG data is written without
ASCII85 (raw, as it is in the evidence file).
"""

from __future__ import annotations

import functools
import re
from array import array
from bisect import bisect_right
from collections.abc import Callable, Sequence
from itertools import accumulate
from pathlib import Path
from typing import Any

import reportlab.rl_config
import segno
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from casefile.resources import resource_path

reportlab.rl_config.useA85 = 0  # embed image bytes as they are, not ASCII85-inflated
reportlab.rl_config.invariant = 1  # no timestamps or random IDs: same input, same bytes

FONT = "WenQuanYiMicroHei"
PAGE = A4
MARGIN = 20 * mm
BLANK = "＿＿＿＿＿＿＿＿"  # a clear blank to fill in by hand; never an invented value


@functools.cache
def register_fonts() -> str:
    pdfmetrics.registerFont(TTFont(FONT, str(resource_path("fonts", "wqy-microhei.ttc")), subfontIndex=0))
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


def esc(text: object) -> str:
    """Escape text for a ReportLab Paragraph."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")


@functools.cache
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("body", fontName=FONT, fontSize=11, leading=18, wordWrap="CJK", alignment=TA_LEFT)
    return {
        "body": base,
        "indent": ParagraphStyle("indent", parent=base, firstLineIndent=22),
        "title": ParagraphStyle("title", parent=base, fontSize=20, leading=30, alignment=TA_CENTER, spaceAfter=12),
        "cover": ParagraphStyle("cover", parent=base, fontSize=26, leading=40, alignment=TA_CENTER),
        "h2": ParagraphStyle("h2", parent=base, fontSize=13, leading=22, spaceBefore=8, spaceAfter=2),
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=12),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=12),
        "cellc": ParagraphStyle("cellc", parent=base, fontSize=9, leading=12, alignment=TA_CENTER),
        "mono": ParagraphStyle("mono", parent=base, fontSize=9, leading=13),
        "hash": ParagraphStyle("hash", parent=base, fontSize=7.5, leading=10),
        "right": ParagraphStyle("right", parent=base, alignment=TA_RIGHT),
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
        "caption": ParagraphStyle("caption", parent=base, fontSize=8.5, leading=12, alignment=TA_CENTER),
    }


def para(text: str, style: str = "body") -> Paragraph:
    return Paragraph(text, styles()[style])


def heading(text: str) -> Paragraph:
    # No bold face in the font: headings are drawn with fill and a hairline stroke.
    return Paragraph(f'<font name="{FONT}">{esc(text)}</font>', styles()["h2"])


def grid(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    header: bool = True,
    repeat: int = 1,
    cell_style: str = "cell",
    padding: float = 3,
) -> Table:
    """A ruled table with the header row repeated on every page; text cells wrap as needed."""
    cell = styles()[cell_style]

    def make(value: Any, width: float) -> Any:
        if isinstance(value, Flowable):
            return value
        text = str(value)
        # Text that fits on one line is drawn as it is: wrapping Chinese text through a
        # Paragraph is the slowest part of laying out a table.
        if "\n" not in text and pdfmetrics.stringWidth(text, FONT, cell.fontSize) <= width - 2 * padding - 1:
            return text
        return Paragraph(esc(text), cell)

    body = [[make(c, w) for c, w in zip(row, widths, strict=False)] for row in rows]
    table = Table(body, colWidths=list(widths), repeatRows=repeat if header else 0, splitInRow=1)
    commands: list[Any] = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), cell.fontSize),
        ("LEADING", (0, 0), (-1, -1), cell.leading),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), padding),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, repeat - 1), colors.HexColor("#e8e8e8")))
    table.setStyle(TableStyle(commands))
    return table


class QrCode(Flowable):
    """A QR code drawn as one filled path: encoded once, no graphics objects per module.

    (ReportLab's QR widget encodes twice and builds a shape per dark module: ~100 ms a code;
    segno encodes in a few milliseconds.)
    """

    def __init__(self, data: str, size: float) -> None:
        super().__init__()
        # A fixed mask pattern (valid for every reader) skips the search for the "best" one,
        # which is most of the encoding time.
        code = segno.make_qr(data, error="m", boost_error=False, mask=0)
        self.modules = [[bool(v) for v in row] for row in code.matrix]
        self.width = self.height = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.draw_at(self.canv, 0, 0)

    def draw_at(self, canvas: Canvas, x: float, y: float) -> None:
        count = len(self.modules)
        quiet = 2  # modules of white border on each side (the page around it is white too)
        cell = self.width / (count + 2 * quiet)
        path = canvas.beginPath()
        for r, row in enumerate(self.modules):
            c = 0
            while c < count:
                if row[c]:
                    start = c
                    while c < count and row[c]:
                        c += 1
                    path.rect(
                        x + (quiet + start) * cell, y + self.height - (quiet + r + 1) * cell, (c - start) * cell, cell
                    )
                else:
                    c += 1
        canvas.setFillColor(colors.black)
        canvas.drawPath(path, stroke=0, fill=1)


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
    margins: tuple[float, float, float, float] = (MARGIN, MARGIN, MARGIN, 26 * mm),
    on_page: Callable[[Canvas, Any], None] | None = None,
) -> int:
    """Lay out ``story`` into a PDF at ``path``; return its page count."""
    register_fonts()
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

    doc.build(story or [Spacer(1, 1)], onFirstPage=count, onLaterPages=count)
    return pages[0]


def wrap_text(text: str, size: float, width: float) -> list[str]:
    """Break text into lines no wider than ``width``: Chinese may break between any two
    characters, other text between words where it can (a word wider than a line is cut).
    Empty lines are dropped. Linear in the length of the text, however long its lines."""
    widths = _char_widths(size)
    lines = [line for paragraph in str(text).split("\n") for line in wrap_paragraph(paragraph, widths, width)]
    return [line for line in lines if line] or [""]


class _Widths(dict[str, float]):
    """Character widths at one font size, measured on first use."""

    def __init__(self, size: float) -> None:
        super().__init__()
        self.size = size

    def __missing__(self, ch: str) -> float:
        width = float(pdfmetrics.stringWidth(ch, FONT, self.size))
        self[ch] = width
        return width


@functools.cache
def _char_widths(size: float) -> _Widths:
    register_fonts()
    return _Widths(size)


def wrap_paragraph(text: str, widths: dict[str, float], width: float) -> list[str]:
    """One paragraph (no newlines) as lines no wider than ``width``; [""] for an empty one.

    Cumulative widths (computed in C by ``accumulate``) and a binary search find each line's
    end, so the cost is linear in the text, never in the square of a line's length.
    """
    n = len(text)
    if n == 0:
        return [""]
    cumulative = array("d", accumulate(map(widths.__getitem__, text), initial=0.0))
    lines: list[str] = []
    start = 0
    while start < n:
        end = bisect_right(cumulative, cumulative[start] + width + 1e-6, start + 1) - 1
        end = max(end, start + 1)  # a character wider than the line still goes somewhere
        if end < n:
            end = _break_at(text, start, end)
            pulled = 0
            # Chinese typesetting never starts a line with closing punctuation: keep it on this one.
            while end < n and pulled < 2 and text[end] in _NO_LINE_START:
                end += 1
                pulled += 1
        lines.append(text[start:end].rstrip(" "))
        start = end
        while start < n and text[start] == " ":
            start += 1
    return lines or [""]


_BREAKABLE = "\\s\u2e80-\U0010ffff"
_LAST_BREAKABLE = re.compile(f"(?s).*[{_BREAKABLE}]")
_IS_BREAKABLE = re.compile(f"[{_BREAKABLE}]")


def _break_at(text: str, start: int, end: int) -> int:
    """Where to end a line that may hold ``text[start:end]``: at ``end`` if a break is allowed
    there, else after the last space or Chinese character before it, else (one long word) at ``end``."""
    if _IS_BREAKABLE.match(text, end - 1) or _IS_BREAKABLE.match(text, end):
        return end
    last = _LAST_BREAKABLE.match(text, start, end)
    return last.end() if last is not None and last.end() > start else end


_NO_LINE_START = set("，。；：、）》」』！？,.;:!?)")


class TextLines(Flowable):
    """Lines of plain text drawn as they are: wrapped once, in linear time, and split across
    pages by slicing the list of lines (a long Paragraph is re-laid out at every page break)."""

    def __init__(
        self,
        paragraphs: list[str],
        font_size: float = 9,
        leading: float = 13,
        *,
        _lines: list[str] | None = None,
        _width: float = 0.0,
        _start: int = 0,
        _end: int | None = None,
    ) -> None:
        super().__init__()
        self.paragraphs = paragraphs
        self.font_size = font_size
        self.leading = leading
        self._lines = _lines
        self._width = _width
        self._start = _start
        self._end = _end

    def _wrapped(self, width: float) -> list[str]:
        if self._lines is None or abs(width - self._width) > 0.01:
            widths = _char_widths(self.font_size)
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
            _lines=self._lines,
            _width=self._width,
            _start=start,
            _end=end,
        )

    def draw(self) -> None:
        lines = self._wrapped(self.width)
        end = len(lines) if self._end is None else self._end
        text = self.canv.beginText(0, self.height - self.font_size)
        text.setFont(FONT, self.font_size, self.leading)
        for line in lines[self._start : end]:
            text.textLine(line)
        self.canv.drawText(text)
