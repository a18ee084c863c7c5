"""The exhibit details ask 这是纸质文件的照片或扫描件 (yes / no / not said), written as an exhibit edit."""

from __future__ import annotations

import json
from pathlib import Path

from PIL import Image

from casefile.core.evidence import AddOptions, add_files
from casefile.core.library import case_from_fields
from casefile.core.model import EvidenceKind
from casefile.ui.evidence import EvidenceTab


def test_the_details_say_whether_it_is_a_photo_or_scan_of_a_paper(ctx, qtbot, tmp_path: Path):
    number = ctx.library.create_case(
        case_from_fields(
            {"title": "t", "complained_at": "2026-11-20T10:00+08:00", "channel": "store", "type": "quality"}
        )
    ).number
    Image.new("RGB", (64, 48), (240, 240, 230)).save(tmp_path / "小票.jpg", "JPEG")
    list(add_files(ctx.library, number, [tmp_path / "小票.jpg"], AddOptions(kind=EvidenceKind.RECEIPT)))
    tab = EvidenceTab(ctx)
    qtbot.addWidget(tab)
    tab.set_case(number)
    combo = tab.details.paper_combo
    assert not combo.isEnabled()
    tab.select_exhibit(1)
    assert combo.isEnabled() and combo.currentData() == ""
    assert tab.details.told is True  # a photo of a receipt: the file says paper, as the "not said" item shows
    assert combo.itemText(0) == tab.details.tr("Not said (from the file: yes)")

    combo.setCurrentIndex(combo.findData("no"))
    combo.activated.emit(combo.currentIndex())
    assert ctx.library.load_case(number).exhibit(1).paper is False
    last = json.loads((ctx.library.folder(number).path / "CUSTODY.jsonl").read_text("utf-8").splitlines()[-1])
    assert last["action"] == "exhibit-update" and last["details"]["fields"] == {"paper": False}
    tab.select_exhibit(1)
    assert combo.currentData() == "no"

    combo.setCurrentIndex(0)  # not said again: told from the file
    combo.activated.emit(0)
    assert ctx.library.load_case(number).exhibit(1).paper is None
