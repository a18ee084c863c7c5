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


def test_the_walk_in_desk_lists_what_was_handed_in_photographed_or_not(ctx, qtbot, tmp_path):
    """The clerk lists what the customer handed in (name, count, kept or returned), links the store's photo of it
    when there is one; the receipt lists the materials received apart from the store's own photos."""
    ctx.settings.clerk_id = "A017"
    dialog = WalkInDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.open_pdf = lambda _path: True
    dialog.confirm_discard = lambda: True
    dialog.name.setText("张三")
    dialog.phone.setText("13812345678")
    dialog.product.setText("智能手机")
    dialog.facts.setPlainText("手机屏幕有裂纹")
    receipt = photo(tmp_path / "小票.jpg", (200, 0, 0))
    box = photo(tmp_path / "包装盒.jpg", (0, 200, 0))
    assert dialog.add_photo_paths([receipt, box]) == 2
    # A paper photographed, given back; an object not photographed, kept, two of them.
    row = dialog.add_item("购物小票", 1, "original", "returned")
    dialog.link_photo(row, receipt)
    dialog.add_item("充电器", 2, "object", "kept")
    dialog.add_item("   ")  # a line left empty is no item
    with qtbot.waitSignal(dialog.add_item_button.clicked):
        dialog.add_item_button.click()  # a new line, its name being typed
    assert dialog.items.rowCount() == 4 and dialog.items.state() == dialog.items.State.EditingState
    dialog.items.removeRow(3)
    assert [(h.name, h.count, h.handed_in, h.disposition, h.photos) for h in dialog.handed_items()] == [
        ("购物小票", 1, "original", "returned", (receipt,)),
        ("充电器", 2, "object", "kept", ()),
    ]
    # A photo taken out of the list is no longer the photo of anything.
    dialog.photos.item(0).setSelected(True)
    dialog.remove_selected_photos()
    assert dialog.handed_items()[0].photos == ()
    assert dialog.add_photo_paths([receipt]) == 1
    dialog.link_photo(0, receipt)

    assert dialog.register(print_receipt=True)
    qtbot.waitUntil(lambda: dialog.number is not None, timeout=10_000)
    stored = ctx.library.load_case(dialog.number)
    numbers = {e.original_name: e.number for e in stored.exhibits}
    assert {e.source for e in stored.exhibits} == {"门店拍摄"}  # the store's own photos, not the customer's
    assert [(i.name, i.count, i.handed_in, i.disposition, i.photos) for i in stored.handed_items] == [
        ("购物小票", 1, "original", "returned", [numbers["小票.jpg"]]),
        ("充电器", 2, "object", "kept", []),
    ]
    customer, store = (flat(page.extract_text()) for page in PdfReader(dialog.receipt).pages[:2])
    label = {name: f"证据{n}" for name, n in numbers.items()}
    for text in (customer, store):
        assert "收取材料清单（共2项）" in text
        assert "材料1购物小票纸质原件退回材料2充电器×2—实物留存" in text
        assert "本店拍摄照片（共2张，本店留存）" in text
        assert f"{label['小票.jpg']}小票票据本店拍摄材料1" in text
        assert f"{label['包装盒.jpg']}包装盒照片本店拍摄—" in text
        assert "顾客出示" not in text
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
