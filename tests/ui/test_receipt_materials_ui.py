"""In the app: what the customer handed over and whether it was kept (walk-in desk, evidence tab), and the
clerk's staff number (Settings), all printed on the walk-in receipt."""

from __future__ import annotations

import re
from pathlib import Path

from PIL import Image
from pypdf import PdfReader

from casefile.core.evidence import add_files
from casefile.core.library import case_from_fields
from casefile.core.settings import load_settings
from casefile.ui.evidence import EvidenceTab
from casefile.ui.walkin import WalkInDialog


def photo(path: Path, colour: tuple[int, int, int]) -> Path:
    Image.new("RGB", (64, 48), colour).save(path, "JPEG")
    return path


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_walk_in_desk_records_per_photo_what_was_handed_over(ctx, qtbot, tmp_path):
    ctx.settings.clerk_id = "A017"
    dialog = WalkInDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.open_pdf = lambda _path: True
    dialog.confirm_discard = lambda: True
    dialog.name.setText("张三")
    dialog.phone.setText("13812345678")
    dialog.product.setText("智能手机")
    receipt = photo(tmp_path / "小票.jpg", (200, 0, 0))
    phone = photo(tmp_path / "手机.jpg", (0, 0, 200))
    case = photo(tmp_path / "包装盒.jpg", (0, 200, 0))
    # Chosen first: the photos added next take it.
    dialog.handed_in.setCurrentIndex(dialog.handed_in.findData("original"))
    dialog.handed_in.activated.emit(dialog.handed_in.currentIndex())
    assert dialog.add_photo_paths([receipt]) == 1
    dialog.disposition.setCurrentIndex(dialog.disposition.findData("returned"))
    dialog.disposition.activated.emit(dialog.disposition.currentIndex())  # none selected: all photos
    dialog.handed_in.setCurrentIndex(0)
    dialog.disposition.setCurrentIndex(0)
    assert dialog.add_photo_paths([phone, case]) == 2
    dialog.photos.item(1).setSelected(True)  # chosen for the selected photo only
    dialog.handed_in.setCurrentIndex(dialog.handed_in.findData("object"))
    dialog.handed_in.activated.emit(dialog.handed_in.currentIndex())
    dialog.disposition.setCurrentIndex(dialog.disposition.findData("kept"))
    dialog.disposition.activated.emit(dialog.disposition.currentIndex())
    assert dialog.handed_over() == {receipt: ("original", "returned"), phone: ("object", "kept"), case: ("", "")}
    assert "Original" in dialog.photos.item(0).text() and "Given back" in dialog.photos.item(0).text()
    assert dialog.photos.item(2).text() == "包装盒.jpg"

    assert dialog.register(print_receipt=True)
    stored = ctx.library.load_case(dialog.number)
    marks = {e.original_name: (e.handed_in, e.disposition) for e in stored.exhibits}
    assert marks == {"小票.jpg": ("original", "returned"), "手机.jpg": ("object", "kept"), "包装盒.jpg": ("", "")}
    customer, store = (flat(page.extract_text()) for page in PdfReader(dialog.receipt).pages[:2])
    for text in (customer, store):
        assert "证据1小票票据原件退回SHA-256" in text
        # The phone is a thing handed over and kept, on a line of its own (named by the product bought, as the photo's
        # name does not say); the photo of it is a file the store keeps, with its hash.
        assert "证据2智能手机实物实物留存手机（顾客出示）照片电子留存SHA-256" in text
        assert "证据3包装盒照片□原件□复印件□实物□电子□留存□退回SHA-256" in text  # not recorded: boxes to tick
        assert f"受理人{ctx.operator}（工号A017）" in text
    assert "张三" not in customer and "张三" in store


def test_the_evidence_tab_sets_what_was_handed_over_and_whether_it_was_kept(ctx, qtbot, tmp_path):
    number = ctx.library.create_case(
        case_from_fields(
            {"title": "t", "complained_at": "2026-11-20T10:00+08:00", "channel": "store", "type": "quality"}
        )
    ).number
    list(add_files(ctx.library, number, [photo(tmp_path / "小票.jpg", (10, 10, 10))]))
    tab = EvidenceTab(ctx)
    qtbot.addWidget(tab)
    tab.set_case(number)
    assert not tab.details.handed_combo.isEnabled()
    tab.select_exhibit(1)
    assert tab.details.handed_combo.isEnabled() and tab.details.handed_combo.currentData() == ""
    tab.details.handed_combo.setCurrentIndex(tab.details.handed_combo.findData("copy"))
    tab.details.handed_combo.activated.emit(tab.details.handed_combo.currentIndex())
    tab.details.disposition_combo.setCurrentIndex(tab.details.disposition_combo.findData("kept"))
    tab.details.disposition_combo.activated.emit(tab.details.disposition_combo.currentIndex())
    exhibit = ctx.library.load_case(number).exhibit(1)
    assert (exhibit.handed_in, exhibit.disposition) == ("copy", "kept")
    tab.details.disposition_combo.setCurrentIndex(0)  # not recorded again
    tab.details.disposition_combo.activated.emit(0)
    assert ctx.library.load_case(number).exhibit(1).disposition == ""
    tab.select_exhibit(1)
    assert tab.details.handed_combo.currentData() == "copy"


def test_the_settings_keep_the_clerk_s_staff_number(window, ctx, qtbot):
    from casefile.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(ctx, window)
    qtbot.addWidget(dialog)
    dialog.clerk_id.setText(" A017 ")
    dialog.save()
    assert load_settings().clerk_id == "A017" and ctx.settings.clerk_id == "A017"
    again = SettingsDialog(ctx, window)
    qtbot.addWidget(again)
    assert again.clerk_id.text() == "A017"
