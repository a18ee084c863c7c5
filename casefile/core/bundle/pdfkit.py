"""ReportLab set-up shared by every generated document: the embedded CJK font, styles, pages.

Every canvas starts with the embedded WenQuanYi font as its initial font, so no PDF we
write references ReportLab's non-embedded Helvetica; JPEG data is written without
ASCII85 (raw, as it is in the evidence file).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
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
    table = Table(body, colWidths=list(widths), repeatRows=repeat if header else 0)
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
    characters, other text between words where it can."""
    lines: list[str] = []
    for paragraph in str(text).split("\n"):
        line = ""
        for token in _tokens(paragraph):
            candidate = line + token
            if line and pdfmetrics.stringWidth(candidate, FONT, size) > width:
                lines.append(line.rstrip())
                line = token.lstrip()
                while pdfmetrics.stringWidth(line, FONT, size) > width and len(line) > 1:
                    cut = len(line)
                    while cut > 1 and pdfmetrics.stringWidth(line[:cut], FONT, size) > width:
                        cut -= 1
                    lines.append(line[:cut])
                    line = line[cut:]
            else:
                line = candidate
        lines.append(line)
    # Chinese typesetting never starts a line with closing punctuation: pull it back up.
    for i in range(1, len(lines)):
        while lines[i] and lines[i][0] in _NO_LINE_START and lines[i - 1]:
            lines[i - 1] += lines[i][0]
            lines[i] = lines[i][1:]
    return [line for line in lines if line] or [""]


_NO_LINE_START = set("，。；：、）》」』！？,.;:!?)")


def _tokens(text: str) -> list[str]:
    tokens: list[str] = []
    word = ""
    for ch in text:
        if ord(ch) < 0x2E80 and not ch.isspace():
            word += ch
            continue
        if word:
            tokens.append(word)
            word = ""
        tokens.append(ch)
    if word:
        tokens.append(word)
    return tokens
