"""The layout kit of the venue documents: paragraph styles, titles, forms with blanks to fill by
hand, ruled tables, numbered lists."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from casefile.core.bundle.pdfkit import (
    FONT,
    TEXT_WIDTH,
    CjkParagraph,
    FormTable,
    blank,
    esc,
    fullwidth_punctuation,
    heading,
    styles,
)

WIDTH = TEXT_WIDTH  # the text block between the binding margin and the outer one
_Para = CjkParagraph  # Chinese line breaking (pdfkit): no closing mark starts a line, no opening one ends it


def _st() -> dict[str, ParagraphStyle]:
    return styles()


def _p(text: str, style: str = "body") -> Paragraph:
    """A paragraph of plain text (escaped here), its Chinese in full-width punctuation."""
    return CjkParagraph(esc(fullwidth_punctuation(text)), styles()[style])


def _title(text: str) -> Paragraph:
    return _Para(esc(text), _st()["doc_title"])


def _blank_lines(count: int = 3) -> list[Flowable]:
    return [_p("＿" * 42) for _ in range(count)]


@dataclass(frozen=True)
class _F:
    """One field of a form table."""

    label: str
    value: str  # plain text; an empty value prints as a blank
    wide: bool = False  # takes the whole row


def ruled_style(padding: tuple[float, float] = (3, 4)) -> list[Any]:
    """The style of a ruled form: a black grid, cells centred vertically, tight padding."""
    return [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), padding[0]),
        ("BOTTOMPADDING", (0, 0), (-1, -1), padding[1]),
    ]


def _form(fields: Sequence[_F], label_width: float = 34 * mm, right_label_width: float | None = None) -> Table:
    """Label/value pairs, two pairs a row, ruled like a paper form; the second pair's label column is
    ``right_label_width`` wide (default: as wide as the first), the two value columns share the rest."""
    st = _st()
    right = label_width if right_label_width is None else right_label_width
    value_width = (WIDTH - label_width - right) / 2
    rows: list[list[Any]] = []
    spans: list[int] = []
    row: list[Any] = []

    def cells(f: _F) -> list[Any]:
        return [_Para(esc(f.label), st["form_label"]), _Para(esc(blank(f.value)), st["form"])]

    def close_half_row() -> None:
        nonlocal row
        if row:
            rows.append([*row, "", ""])
            spans.append(len(rows) - 1)
            row = []

    for f in fields:
        if f.wide:
            close_half_row()
            rows.append([*cells(f), "", ""])
            spans.append(len(rows) - 1)
        else:
            row += cells(f)
            if len(row) == 4:
                rows.append(row)
                row = []
    close_half_row()
    commands = [*ruled_style(), ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f0f0f0"))]
    for r, values in enumerate(rows):
        if len(values) == 4 and r not in spans:
            commands.append(("BACKGROUND", (2, r), (2, r), colors.HexColor("#f0f0f0")))
    for r in spans:
        commands.append(("SPAN", (1, r), (3, r)))
    table = FormTable(rows, colWidths=[label_width, value_width, right, value_width])
    table.setStyle(TableStyle(commands))
    return table


def _ruled(rows: Sequence[Sequence[str]], widths: Sequence[float], *, header: bool = True) -> Table:
    """A ruled table of plain-text cells; the first row is a shaded header."""
    st = _st()
    body = [
        [_Para(esc(c), st["form_label"] if header and i == 0 else st["form"]) for c in row]
        for i, row in enumerate(rows)
    ]
    table = FormTable(body, colWidths=list(widths), repeatRows=1 if header else 0)
    commands = ruled_style()
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")))
    table.setStyle(TableStyle(commands))
    return table


def _numbered(items: Sequence[str], *, ending: str | None = "；", last: str | None = "。") -> list[Flowable]:
    """1. … 2. … with the given punctuation at the end of each item (None: as written)."""
    out: list[Flowable] = []
    for i, text in enumerate(items, 1):
        end = last if i == len(items) else ending
        if end is not None:
            text = text.rstrip("。；;.") + end
        out.append(_p(f"{i}. {text}", "numbered"))
    return out


def _h(text: str) -> Flowable:
    return heading(text)
