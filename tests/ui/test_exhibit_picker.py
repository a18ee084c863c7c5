"""The bundle wizard's list of exhibits to tick."""

from __future__ import annotations

from datetime import UTC, datetime

from casefile.core.library import case_from_fields
from casefile.core.model import EvidenceKind, Exhibit
from casefile.ui.exhibit_picker import ExhibitPicker


def test_a_file_name_holding_a_placeholder_is_shown_as_it_is(qtbot):
    """A customer's file named "折扣%3.jpg" keeps its name in the tooltip: the proof purpose goes only where
    the text asks for it (replacing %1, %2 and %3 one after another put it into the name as well)."""
    case = case_from_fields(
        {"title": "t", "complained_at": "2026-11-20T10:00+08:00", "channel": "store", "type": "quality"}
    )
    case.add_exhibit(
        Exhibit(
            1,
            "折扣截图",
            EvidenceKind.SCREENSHOT,
            "折扣%3.jpg",
            "evidence/001.jpg",
            2048,
            "0" * 64,
            datetime.now(UTC),
            "x",
        )
    )
    case.exhibits[0].purpose = "证明宣传的折扣"
    picker = ExhibitPicker()
    qtbot.addWidget(picker)
    picker.fill(case, keep=False)
    assert picker.row_item(0).toolTip(ExhibitPicker.TITLE) == "折扣%3.jpg, 2 KB\nProof purpose: 证明宣传的折扣"
