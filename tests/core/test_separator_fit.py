"""An exhibit's separator page fits its rows on the page: hashes whole, the other rows cut to fit, and the lines
left over once they are cut given back to them (a crowded cover cut every row to one line, leaving room unused)."""

from __future__ import annotations

import pytest

from casefile.core.bundle.parts import CUT_NOTE, _fit_lines
from casefile.core.bundle.pdfkit import register_fonts


@pytest.fixture(autouse=True)
def fonts() -> None:
    register_fonts()  # a cut line is measured in the packet's serif font


def test_lines_left_after_cutting_are_given_back_to_the_rows_cut_in_order() -> None:
    long = ["甲一", "甲二", "甲三", "甲四"]
    digest = ["0123456789abcdef0123456789abcdef", "0123456789abcdef0123456789abcdef"]
    other = ["乙一", "乙二", "乙三"]
    fitted = _fit_lines([long, digest, other], 7, 10.0, 400.0, keep=[1])
    assert sum(len(r) for r in fitted) == 7  # every line of the room used
    assert fitted[1] == digest  # the hash whole
    assert len(fitted[0]) == 3 and fitted[0][:2] == long[:2] and fitted[0][2].endswith(CUT_NOTE)
    assert len(fitted[2]) == 2 and fitted[2][1].endswith(CUT_NOTE)


def test_rows_that_fit_are_left_as_they_are() -> None:
    rows = [["一"], ["二", "三"]]
    assert _fit_lines(rows, 3, 10.0, 400.0) == rows
