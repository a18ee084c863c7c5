"""The redaction editor through its widgets: draw, move and delete boxes, take a suggestion, save."""

from __future__ import annotations

from pathlib import Path

import pytest
from casefile_testing import make_case
from PIL import Image

from casefile.core.bundle.pdfkit import FONT, new_canvas
from casefile.core.disclosure.masking import Kind
from casefile.core.evidence import AddResult, add_files
from casefile.core.verify import verify_folder
from casefile.ui.evidence import EvidenceTab
from casefile.ui.redaction_dialog import BoxItem, RedactionDialog, SuggestionItem

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsView

PHONE = "13812345678"


@pytest.fixture
def number(ctx) -> str:
    return make_case(ctx.library, type="logistics").number


@pytest.fixture
def exhibits(ctx, number, tmp_path) -> dict[str, int]:
    folder = tmp_path / "in"
    folder.mkdir()
    Image.new("RGB", (400, 300), (230, 230, 230)).save(folder / "Screenshot_20261120-101500_WeChat.png")
    canvas = new_canvas(folder / "面单.pdf")
    for line in (f"收件人电话：{PHONE}", "备注：易碎"):
        canvas.setFont(FONT, 14)
        canvas.drawString(72, 700, line)
        canvas.showPage()
    canvas.save()
    added = [r for r in add_files(ctx.library, number, sorted(folder.iterdir())) if isinstance(r, AddResult)]
    return {r.path.name: r.exhibit.number for r in added if r.exhibit is not None}


@pytest.fixture
def tab(ctx, qtbot, number, exhibits) -> EvidenceTab:
    widget = EvidenceTab(ctx)
    qtbot.addWidget(widget)
    widget.set_case(number)
    return widget


def open_editor(tab: EvidenceTab, qtbot, exhibit_no: int) -> RedactionDialog:
    tab.select_exhibit(exhibit_no)
    assert tab.act_redact.isEnabled()
    tab.act_redact.trigger()
    dialog = tab.redaction_dialog
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.loaded is not None  # the runner is synchronous in tests
    dialog.view.fit()
    return dialog


def at(view: QGraphicsView, x: float, y: float) -> QPoint:
    """Where a scene point (box units) is in the view's viewport."""
    return view.mapFromScene(QPointF(x, y))


def drag(qtbot, view: QGraphicsView, start: QPoint, end: QPoint) -> None:
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view.viewport(), end)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=end)


def test_draw_a_box_take_a_suggestion_and_save_a_redacted_pdf(ctx, qtbot, tab, number, exhibits):
    pdf = exhibits["面单.pdf"]
    dialog = open_editor(tab, qtbot, pdf)
    assert dialog.width() <= 1024 and dialog.height() <= 700
    assert not dialog.save_button.isEnabled()
    suggestions = dialog.suggestion_items()
    assert [s.suggestion.kind for s in suggestions] == [Kind.MOBILE]
    assert "13812345678" in suggestions[0].toolTip()
    # Take the suggestion with a click on it.
    centre = suggestions[0].sceneBoundingRect().center()
    qtbot.mouseClick(dialog.view.viewport(), Qt.MouseButton.LeftButton, pos=at(dialog.view, centre.x(), centre.y()))
    assert dialog.suggestion_items() == [] and len(dialog.box_items()) == 1
    # Draw a box of one's own lower on the page.
    drag(qtbot, dialog.view, at(dialog.view, 100, 400), at(dialog.view, 300, 450))
    assert len(dialog.box_items()) == 2
    # Page 2 has no suggestion; a box there too.
    dialog.page_box.setValue(2)
    assert dialog.page == 2 and dialog.box_items() == [] and dialog.suggestion_items() == []
    drag(qtbot, dialog.view, at(dialog.view, 60, 120), at(dialog.view, 200, 160))
    dialog.page_box.setValue(1)
    assert len(dialog.box_items()) == 2  # page 1's boxes are back
    assert not dialog.save_button.isEnabled()  # a reason is required
    qtbot.keyClicks(dialog.reason, "receiver phone")
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    copy_no = saved.args[0]
    case = ctx.library.load_case(number)
    copy = case.exhibit(copy_no)
    assert copy.derived_from == pdf and copy.redaction is not None
    assert copy.redaction.reason == "receiver phone"
    regions = copy.redaction.regions
    assert [r.page for r in regions] == [1, 1, 2]
    phone = suggestions[0].suggestion.region
    assert any((r.x, r.y, r.w, r.h) == (phone.x, phone.y, phone.w, phone.h) for r in regions)
    drawn = next(r for r in regions if r.page == 1 and r.y > 300)
    assert abs(drawn.x - 100) < 3 and abs(drawn.y - 400) < 3 and abs(drawn.w - 200) < 4 and abs(drawn.h - 50) < 4
    assert tab.selected_exhibit() is not None and tab.selected_exhibit().number == copy_no
    assert list(verify_folder(ctx.library.folder(number)))[-1].ok
    assert "Redacted copy" in tab.details.browser.toPlainText()


def test_boxes_on_a_picture_move_and_delete_and_stay_inside(ctx, qtbot, tab, number, exhibits):
    shot = exhibits["Screenshot_20261120-101500_WeChat.png"]
    dialog = open_editor(tab, qtbot, shot)
    assert not dialog.page_box.isVisible() and dialog.suggestion_items() == []
    drag(qtbot, dialog.view, at(dialog.view, 20, 20), at(dialog.view, 120, 60))
    drag(qtbot, dialog.view, at(dialog.view, 200, 200), at(dialog.view, 260, 240))
    assert len(dialog.box_items()) == 2
    # A click on a box selects it; Delete removes it.
    qtbot.mouseClick(dialog.view.viewport(), Qt.MouseButton.LeftButton, pos=at(dialog.view, 230, 220))
    assert dialog.delete_button.isEnabled()
    qtbot.keyClick(dialog.view.viewport(), Qt.Key.Key_Delete)
    assert len(dialog.box_items()) == 1
    # Moving a box keeps it inside the picture.
    (item,) = dialog.box_items()
    item.setPos(QPointF(390, -50))
    assert item.pos().x() + item.rect().width() <= 400 and item.pos().y() == 0
    item.setPos(QPointF(20, 20))
    dialog.reason.insert("第三方头像")
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.save_button.click()
    copy = ctx.library.load_case(number).exhibit(saved.args[0])
    (region,) = copy.redaction.regions
    assert region.page is None and all(float(v).is_integer() for v in (region.x, region.y, region.w, region.h))
    assert abs(region.x - 20) <= 2 and abs(region.w - 100) <= 3
    with Image.open(ctx.library.folder(number).path / copy.stored_path) as out:
        assert out.getpixel((int(region.x) + 1, int(region.y) + 1)) == (0, 0, 0)


def test_a_redacted_copy_opens_on_its_original_with_its_boxes_kept(ctx, qtbot, tab, number, exhibits):
    shot = exhibits["Screenshot_20261120-101500_WeChat.png"]
    dialog = open_editor(tab, qtbot, shot)
    drag(qtbot, dialog.view, at(dialog.view, 20, 20), at(dialog.view, 120, 60))
    dialog.reason.insert("第三方头像")
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.save_button.click()
    again = open_editor(tab, qtbot, saved.args[0])
    assert again.original.number == shot
    fixed = [i for i in again.scene.items() if isinstance(i, BoxItem) and i.fixed]
    assert len(fixed) == 1 and again.box_items() == []
    drag(qtbot, again.view, at(again.view, 200, 200), at(again.view, 260, 240))
    again.reason.insert("第三方昵称")
    with qtbot.waitSignal(again.saved) as second:
        again.save_button.click()
    copy = ctx.library.load_case(number).exhibit(second.args[0])
    assert copy.derived_from == shot and len(copy.redaction.regions) == 2


def test_only_pictures_and_pdfs_can_be_redacted(ctx, qtbot, number, tmp_path):
    (tmp_path / "chat.txt").write_text("hello\n", "utf-8")
    list(add_files(ctx.library, number, [tmp_path / "chat.txt"]))
    widget = EvidenceTab(ctx)
    qtbot.addWidget(widget)
    widget.set_case(number)
    widget.select_exhibit(1)
    assert not widget.act_redact.isEnabled()


def test_suggestion_items_are_drawn_apart_from_boxes(ctx, qtbot, tab, exhibits):
    dialog = open_editor(tab, qtbot, exhibits["面单.pdf"])
    (suggestion,) = dialog.suggestion_items()
    assert isinstance(suggestion, SuggestionItem)
    assert suggestion.pen().style() == Qt.PenStyle.DashLine and suggestion.brush().color().alpha() < 255
    dialog.accept_all.click()
    assert dialog.suggestion_items() == [] and len(dialog.box_items()) == 1
    (box,) = dialog.box_items()
    assert box.isSelected() and box.brush().color().alpha() < 255  # see-through while being placed
    dialog.scene.clearSelection()
    assert box.brush().color() == QColor(0, 0, 0)  # then black, as it will be burnt in
    dialog.reject()


def test_a_damaged_file_is_said_plainly_and_nothing_can_be_saved(ctx, qtbot, number, tmp_path):
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 40)
    list(add_files(ctx.library, number, [broken]))
    widget = EvidenceTab(ctx)
    qtbot.addWidget(widget)
    widget.set_case(number)
    exhibit = ctx.library.load_case(number).exhibit(1)
    dialog = RedactionDialog(ctx, number, exhibit, widget)
    qtbot.addWidget(dialog)
    assert dialog.loaded is None and "cannot be decoded" in dialog.status.text()
    assert not dialog.save_button.isEnabled()


def folder_of(ctx, number: str) -> Path:
    return ctx.library.folder(number).path


def test_a_screenshot_read_by_ocr_offers_its_phone_number_as_a_suggestion(ctx, qtbot, tab, number, exhibits):
    from casefile.core.search.texts import DerivedText, PageText, TextBox, TextStore

    shot = exhibits["Screenshot_20261120-101500_WeChat.png"]
    exhibit = ctx.library.load_case(number).exhibit(shot)
    # What OCR stored for it (pixels of the picture as stored; this one has no EXIF orientation).
    line = TextBox(20, 40, 380, 70, f"客服：请拨打{PHONE}联系", 0.99)
    page = PageText(page=1, text=line.text, boxes=(line,), width=400, height=300)
    TextStore(ctx.library.root).put(DerivedText(exhibit.sha256, "ocr", "rapidocr test", (page,)))
    dialog = open_editor(tab, qtbot, shot)
    (suggestion,) = dialog.suggestion_items()
    assert suggestion.suggestion.kind == Kind.MOBILE and PHONE in suggestion.toolTip()
    r = suggestion.suggestion.region
    assert r.page is None and r.y == 40 and r.h == 30
    assert 100 < r.x < 200 and r.x + r.w > 330  # the digits, not the words before them
    dialog.accept_all.click()
    assert dialog.suggestion_items() == [] and len(dialog.box_items()) == 1
    dialog.reject()


def test_a_truncated_pdf_is_said_to_be_damaged_not_encrypted(ctx, qtbot, number, tmp_path):
    whole = tmp_path / "whole.pdf"
    canvas = new_canvas(whole)
    for line in (f"收件人电话：{PHONE}", "备注：易碎"):
        canvas.setFont(FONT, 14)
        canvas.drawString(72, 700, line)
        canvas.showPage()
    canvas.save()
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    list(add_files(ctx.library, number, [truncated]))
    widget = EvidenceTab(ctx)
    qtbot.addWidget(widget)
    widget.set_case(number)
    exhibit = ctx.library.load_case(number).exhibit(1)
    dialog = RedactionDialog(ctx, number, exhibit, widget)
    qtbot.addWidget(dialog)
    said = dialog.status.text()
    assert dialog.loaded is None and "damaged or truncated" in said and "encrypted" not in said
    assert not dialog.save_button.isEnabled()
