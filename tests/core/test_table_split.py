"""Tables that repeat a header (the evidence list, the integrity annex): the header never ends a page alone."""

from __future__ import annotations

import pytest
from reportlab.lib.units import mm

from casefile.core.bundle.pdfkit import CjkParagraph, grid, styles

WIDTHS = [20 * mm, 60 * mm, 60 * mm]


def _table():
    s = styles()
    row = [
        CjkParagraph("证据12", s["cellc"]),
        CjkParagraph("快递网点外景照片文件名" * 6, s["small"]),
        CjkParagraph("0123456789abcdef" * 4, s["small"]),
    ]
    table = grid([["编号", "文件名", "SHA-256"], row, row], WIDTHS, padding=2)
    table.wrap(sum(WIDTHS), 1000)
    return table


@pytest.mark.parametrize("left", [2, 6, 12, 20])
def test_the_header_does_not_end_a_page_with_an_empty_sliver_of_a_row(left):
    """With room for the header and a few points more, the table moves on whole rather than leave the header
    (and a row's padding) at the foot of the page."""
    table = _table()
    header, first = table._rowHeights[0], table._rowHeights[1]
    assert first > header + left  # the first row does not fit
    assert table.split(sum(WIDTHS), header + left) == []


def test_a_table_still_splits_between_whole_rows():
    table = _table()
    header, first = table._rowHeights[0], table._rowHeights[1]
    parts = table.split(sum(WIDTHS), header + first + 5)
    assert len(parts) == 2
    head, rest = parts
    head.wrap(sum(WIDTHS), 1000)
    rest.wrap(sum(WIDTHS), 1000)
    assert head._rowHeights == [header, first]  # the header with the first row, whole
    assert len(rest._cellvalues) == 2 and rest._cellvalues[0][0] == "编号"  # the header repeated over the rest


@pytest.mark.parametrize("left", [8, 20])
def test_laid_out_the_header_goes_to_the_next_page_with_its_first_row(tmp_path, left):
    """A page with room for the header and a sliver: the first page carries no table, the second the header and
    the first row whole; a row taller than a page is still placed (split as it can be)."""
    from pypdf import PdfReader
    from reportlab.platypus import Spacer

    from casefile.core.bundle.pdfkit import MARGINS, PAGE, render_story

    table = _table()
    frame = PAGE[1] - MARGINS[2] - MARGINS[3] - 12 - 1  # the frame: less its margins and 6 pt padding each side
    path = tmp_path / "t.pdf"
    pages = render_story(path, [Spacer(1, frame - table._rowHeights[0] - left), _table()])
    texts = [page.extract_text() for page in PdfReader(path).pages]
    assert pages == 2 and "编号" not in texts[0], texts
    assert texts[1].count("证据12") == 2
    s = styles()
    tall = grid(
        [["编号", "说明"], [CjkParagraph("证据1", s["cellc"]), CjkParagraph("很长的证明目的。" * 900, s["small"])]],
        [20 * mm, 120 * mm],
    )
    assert render_story(tmp_path / "tall.pdf", [tall]) > 1
