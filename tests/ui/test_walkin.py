"""The walk-in desk: keyboard-only registration, inline validation, photos, the receipt."""

from __future__ import annotations

import os
import warnings
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from casefile.core.model import CaseType, Channel, DemandType, Priority
from casefile.core.zone import BEIJING as CST
from casefile.ui.walkin import SYNC_FOLDER_KEY, WalkInDialog

from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget


def make_photo(path: Path, colour: tuple[int, int, int]) -> Path:
    Image.new("RGB", (64, 48), colour).save(path, "JPEG")
    return path


@pytest.fixture
def dialog(ctx, qtbot):
    dlg = WalkInDialog(ctx)
    qtbot.addWidget(dlg)
    opened: list[Path] = []

    def fake_open(path: Path) -> bool:  # no PDF viewer starts in the tests
        opened.append(path)
        return True

    dlg.open_pdf = fake_open
    dlg.opened = opened
    dlg.confirm_discard = lambda: True  # closing at teardown must not wait for an answer
    return dlg


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type as a clerk does: ASCII key by key; Chinese as the input method delivers it, committed text.

    (QTest cannot send key clicks for characters outside Latin-1: it aborts.)
    """
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def fill(qtbot, dlg: WalkInDialog, *, phone: str = "138 1234 5678", name: str = "张三") -> None:
    type_text(qtbot, dlg.name, name)
    type_text(qtbot, dlg.phone, phone)
    type_text(qtbot, dlg.product, "智能手机")
    type_text(qtbot, dlg.order_no, "XP20261115-0088")
    type_text(qtbot, dlg.amount, "3299")
    type_text(qtbot, dlg.facts, "11月15日购买，19日发现屏幕右上角有裂纹，今日到店投诉。")
    dlg.demand.setCurrentIndex(dlg.demand.findData(DemandType.REFUND.value))
    type_text(qtbot, dlg.demand_amount, "3299.00")
    dlg.priority.setCurrentIndex(dlg.priority.findData(Priority.IMPORTANT.value))


def test_register_and_save_the_receipt(ctx, dialog, qtbot, tmp_path):
    changed: list[bool] = []
    ctx.events.cases_changed.connect(lambda: changed.append(True))
    fill(qtbot, dialog)
    photos = [make_photo(tmp_path / "IMG_0001.jpg", (200, 0, 0)), make_photo(tmp_path / "IMG_0002.jpg", (0, 0, 200))]
    assert dialog.add_photo_paths(photos) == 2
    assert dialog.add_photo_paths(photos) == 0  # not twice
    before = datetime.now().astimezone().replace(second=0, microsecond=0)

    assert dialog.register(print_receipt=False, save_to=tmp_path / "r.pdf")

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert changed
    assert dialog.opened == []
    case = ctx.library.load_case(dialog.number)
    assert case.channel is Channel.STORE
    assert case.type is CaseType.QUALITY
    assert case.priority is Priority.IMPORTANT
    assert case.complainant.name == "张三"
    assert case.complainant.phone == "13812345678"
    assert case.respondent.name == "某某数码旗舰店"
    assert case.transaction.product == "智能手机"
    assert case.transaction.order_no == "XP20261115-0088"
    assert case.transaction.amount == Decimal("3299")
    assert [(d.type, d.amount) for d in case.demands] == [(DemandType.REFUND, Decimal("3299.00"))]
    assert case.facts.startswith("11月15日购买")
    assert case.complained_at.tzinfo is not None
    assert before <= case.complained_at <= datetime.now().astimezone()
    assert case.response_due_at == case.complained_at + timedelta(hours=24)
    assert [(e.original_name, e.source) for e in case.exhibits] == [
        ("IMG_0001.jpg", "门店拍摄"),
        ("IMG_0002.jpg", "门店拍摄"),
    ]
    bundles = ctx.library.folder(dialog.number).bundles_dir
    assert dialog.receipt is not None and dialog.receipt.parent == bundles
    assert dialog.receipt.name.endswith("-a5.pdf")
    assert (tmp_path / "r.pdf").read_bytes() == dialog.receipt.read_bytes()
    reader = PdfReader(tmp_path / "r.pdf")
    assert len(reader.pages) >= 2  # the customer's copy and the store's copy
    assert dialog.number in "".join(page.extract_text() for page in reader.pages)


def test_print_opens_the_receipt_and_80mm_is_remembered(ctx, dialog, qtbot):
    fill(qtbot, dialog)
    dialog.printer_80mm.setChecked(True)
    assert dialog.register(print_receipt=True)
    assert dialog.opened == [dialog.receipt]
    assert dialog.receipt.name.endswith("-80mm.pdf")
    assert QSettings().value("walkin/receipt_80mm", False, type=bool)
    again = WalkInDialog(ctx)
    qtbot.addWidget(again)
    assert again.printer_80mm.isChecked()


def test_a_bad_phone_blocks_registration_with_a_message(ctx, dialog, qtbot):
    fill(qtbot, dialog, phone="1381234")
    dialog.show()
    assert not dialog.register(print_receipt=False, save_to=None)
    error = dialog.errors[dialog.phone]
    assert error.isVisible() and error.text()
    assert ctx.library.case_numbers() == []
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.name.text() == "张三"  # everything typed is kept

    # The wrong number is selected, so typing replaces it; typing also clears the message.
    qtbot.keyClicks(dialog.phone, "13812345678")
    assert dialog.phone.text() == "13812345678"
    assert not error.isVisible()
    assert dialog.register(print_receipt=True)
    assert ctx.library.case_numbers() == [dialog.number]


def test_an_empty_name_or_a_bad_amount_blocks_registration(ctx, dialog, qtbot):
    fill(qtbot, dialog, name="   ")
    dialog.show()
    assert not dialog.register(print_receipt=True)
    assert dialog.errors[dialog.name].isVisible()
    assert ctx.library.case_numbers() == []

    type_text(qtbot, dialog.name, "李四")
    dialog.amount.setText("12.345")
    assert not dialog.register(print_receipt=True)
    assert dialog.errors[dialog.amount].isVisible()
    assert not dialog.errors[dialog.name].isVisible()
    assert ctx.library.case_numbers() == []
    assert dialog.opened == []


def test_no_account_of_the_complaint_blocks_registration(ctx, dialog, qtbot):
    """The receipt must say what the complaint is: the desk asks for 问题简述 rather than print one made of the
    product's name."""
    fill(qtbot, dialog)
    dialog.facts.setPlainText("  ")
    dialog.show()
    assert not dialog.register(print_receipt=True)
    assert dialog.errors[dialog.facts].isVisible()
    assert dialog.focusWidget() is dialog.facts or not dialog.isActiveWindow()
    assert ctx.library.case_numbers() == []
    type_text(qtbot, dialog.facts, "屏幕有裂纹")
    assert not dialog.errors[dialog.facts].isVisible()


def test_a_registration_with_the_keyboard_only(ctx, dialog, qtbot):
    """A realistic minimal registration, from the first focus, keyboard only.

    Keystrokes (typed Chinese counted as the pinyin a clerk types, then Space to pick):

        张三                 zhangsan + Space          9
        Tab                                            1
        13812345678                                   11
        Tab                                            1
        手机                 shouji + Space            7
        Tab (bought on)  Tab (order no.)               2
        Tab (amount)  Tab (facts)                      2
        Tab (noticed on)                               1
        屏幕有裂纹            pingmuyouliewen + Space  16
        Tab (case type: quality is the default)        1
        Tab (what they want)                           1
        Down (refund -> exchange)                      1
        Ctrl+Return (register and print)               1
                                                    ----
                                                      54

    Of these, 11 are moves and commands (9 Tab, 1 Down, 1 Ctrl+Return); the rest is the text.
    """
    steps: list[tuple[str, object]] = [
        ("text", "张三"),
        ("key", Qt.Key.Key_Tab),
        ("text", "13812345678"),
        ("key", Qt.Key.Key_Tab),
        ("text", "手机"),
        ("key", Qt.Key.Key_Tab),
        ("key", Qt.Key.Key_Tab),
        ("key", Qt.Key.Key_Tab),
        ("key", Qt.Key.Key_Tab),
        ("text", "屏幕有裂纹"),
        ("key", Qt.Key.Key_Tab),
        ("key", Qt.Key.Key_Tab),
        ("key", Qt.Key.Key_Tab),
        ("key", Qt.Key.Key_Down),
        ("ctrl", Qt.Key.Key_Return),
    ]
    with qtbot.waitActive(dialog):
        dialog.show()
    assert QApplication.focusWidget() is dialog.name
    visited = [dialog.name]
    for kind, value in steps:
        widget = QApplication.focusWidget()
        if kind == "text":
            type_text(qtbot, widget, value)
        elif kind == "key":
            qtbot.keyClick(widget, value)
        else:
            qtbot.keyClick(widget, value, Qt.KeyboardModifier.ControlModifier)
        if QApplication.focusWidget() is not widget and QApplication.focusWidget() is not None:
            visited.append(QApplication.focusWidget())
    assert sum(1 for kind, _ in steps if kind != "text") == 11

    assert visited == [
        dialog.name,
        dialog.phone,
        dialog.product,
        dialog.purchased,
        dialog.order_no,
        dialog.amount,
        dialog.facts,
        dialog.noticed,
        dialog.case_type,
        dialog.demand,
    ]
    assert dialog.result() == QDialog.DialogCode.Accepted
    case = ctx.library.load_case(dialog.number)
    assert (case.complainant.name, case.complainant.phone) == ("张三", "13812345678")
    assert case.transaction.product == "手机"
    assert case.facts == "屏幕有裂纹"
    assert case.type is CaseType.QUALITY
    assert case.priority is Priority.NORMAL
    assert [d.type for d in case.demands] == [DemandType.EXCHANGE]
    assert dialog.opened == [dialog.receipt]


def test_return_moves_on_and_never_registers_a_half_typed_form(ctx, dialog, qtbot):
    with qtbot.waitActive(dialog):
        dialog.show()
    type_text(qtbot, dialog.name, "张三")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is dialog.phone
    qtbot.keyClicks(dialog.phone, "13812345678")
    qtbot.keyClick(dialog.phone, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert QApplication.focusWidget() is dialog.product
    dialog.printer_80mm.setFocus()  # Return on a check box moves on too
    qtbot.keyClick(dialog.printer_80mm, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is dialog.print_button
    assert ctx.library.case_numbers() == []
    # Ctrl+Tab leaves the facts as Tab does.
    dialog.facts.setFocus()
    qtbot.keyClick(dialog.facts, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is dialog.noticed
    assert dialog.facts.toPlainText() == ""


def test_the_promised_reply_time_follows_the_priority(dialog):
    def shows(hours: int) -> bool:
        text = dialog.due_label.text()
        due = datetime.now(CST) + timedelta(hours=hours)  # shown in Beijing time
        times = {(due - timedelta(minutes=m)).strftime("%Y-%m-%d %H:%M") for m in (0, 1)}
        return any(t in text for t in times) and f" {hours}" in text.replace("（", " ").replace("(", " ")

    assert shows(48)
    dialog.priority.setCurrentIndex(dialog.priority.findData(Priority.URGENT.value))
    assert shows(2)
    dialog.priority.setCurrentIndex(dialog.priority.findData(Priority.IMPORTANT.value))
    assert shows(24)


def exif_photo(path: Path, taken: datetime, copied: datetime | None = None) -> Path:
    """A JPEG the phone took at ``taken`` (EXIF with its offset), its file written then or ``copied`` later."""
    offset = taken.strftime("%z")
    exif = Image.Exif()
    exif.get_ifd(0x8769).update({0x9003: taken.strftime("%Y:%m:%d %H:%M:%S"), 0x9011: f"{offset[:3]}:{offset[3:]}"})
    Image.new("RGB", (64, 48), (200, 30, 30)).save(path, "JPEG", exif=exif.tobytes())
    written = (copied or taken).timestamp()
    os.utime(path, (written, written))
    return path


def test_only_the_photos_the_clerk_ticks_among_todays_are_added(dialog, qtbot, tmp_path):
    folder = tmp_path / "phone"
    folder.mkdir()
    start = datetime.combine(date.today(), datetime.min.time()).astimezone()
    today = [exif_photo(folder / f"IMG_{i:04d}.jpg", start + timedelta(minutes=10 * i)) for i in range(1, 4)]
    exif_photo(folder / "IMG_0000.jpg", start - timedelta(hours=2))  # yesterday evening
    # Another customer's photo from weeks ago, copied into the folder just now: not one of today's.
    exif_photo(folder / "IMG_0900.jpg", start - timedelta(days=20), copied=datetime.now().astimezone())
    (folder / "notes.txt").write_text("not a photo")
    QSettings().setValue(SYNC_FOLDER_KEY, str(folder))

    qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    picker = dialog.picker
    assert picker is not None and picker.isVisible()
    listed = [Path(item.data(Qt.ItemDataRole.UserRole)) for item in picker.items()]
    assert listed == today[::-1]  # newest first, and nothing else
    assert all(item.checkState() == Qt.CheckState.Unchecked for item in picker.items())
    assert picker.count.text() == "0 selected" and not picker.ok_button.isEnabled()

    picker.grid.setFocus()
    for row in (0, 2):
        picker.grid.setCurrentRow(row)
        qtbot.keyClick(picker.grid, Qt.Key.Key_Space)
    assert picker.count.text() == "2 selected"
    qtbot.mouseClick(picker.ok_button, Qt.MouseButton.LeftButton)

    assert dialog.photo_paths() == [today[0], today[2]]  # in the order they were taken
    assert dialog.picker is None
    assert str(folder) in dialog.photo_note.text()


def test_cancelling_the_phone_photos_adds_nothing(dialog, qtbot, tmp_path):
    folder = tmp_path / "phone"
    folder.mkdir()
    exif_photo(folder / "IMG_0001.jpg", datetime.now().astimezone())
    QSettings().setValue(SYNC_FOLDER_KEY, str(folder))
    picker = dialog.add_from_sync_folder()
    assert picker is not None
    picker.items()[0].setCheckState(Qt.CheckState.Checked)
    qtbot.keyClick(picker, Qt.Key.Key_Escape)
    assert dialog.photo_paths() == [] and dialog.picker is None


def drop_on(widget: QWidget, mime: QMimeData) -> None:
    """Drag and drop as the window system delivers it: to the window, which finds the widget under the cursor."""
    window = widget.window()
    at = widget.mapTo(window, QPoint(5, 5))
    with warnings.catch_warnings():  # PySide marks the only QDragEnterEvent constructor deprecated
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(
            at, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        )
    QApplication.sendEvent(window.windowHandle(), enter)
    drop = QDropEvent(
        QPointF(at), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window.windowHandle(), drop)


def test_dropped_files_become_photos_even_over_a_text_field(dialog, qtbot, tmp_path):
    photos = [make_photo(tmp_path / f"drop{i}.jpg", (0, 40 * i, 0)) for i in range(3)]
    with qtbot.waitExposed(dialog):
        dialog.show()
    for photo, target in zip(photos, (dialog.photos.viewport(), dialog.facts.viewport(), dialog.product), strict=True):
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(photo)), QUrl("https://example.com/x.jpg")])
        mime.setText(QUrl.fromLocalFile(str(photo)).toString())  # file managers offer the name as text too
        drop_on(target, mime)
    assert dialog.photo_paths() == photos
    assert dialog.facts.toPlainText() == "" and dialog.product.text() == ""
    dialog.photos.setFocus()
    dialog.photos.setCurrentRow(1)
    qtbot.keyClick(dialog.photos, Qt.Key.Key_Delete)
    assert dialog.photo_paths() == [photos[0], photos[2]]


def test_cancelling_midway_keeps_the_form_and_completes_the_same_case(ctx, dialog, qtbot, tmp_path):
    fill(qtbot, dialog)
    dialog.add_photo_paths([make_photo(tmp_path / "a.jpg", (9, 9, 9)), make_photo(tmp_path / "b.jpg", (8, 8, 8))])
    dialog.show()

    def cancel_when_adding_photos(value: int) -> None:
        if value >= 5:  # the case exists; the photos are next
            dialog.cancel_button.click()

    dialog.progress.valueChanged.connect(cancel_when_adding_photos)
    assert dialog.register(print_receipt=True)
    dialog.progress.valueChanged.disconnect(cancel_when_adding_photos)

    assert dialog.isVisible() and dialog.number is None
    (number,) = ctx.library.case_numbers()
    first = ctx.library.load_case(number)
    assert first.exhibits == []
    assert number in dialog.status.text()
    assert dialog.name.text() == "张三" and len(dialog.photo_paths()) == 2

    assert dialog.register(print_receipt=True)
    assert dialog.number == number
    assert ctx.library.case_numbers() == [number]
    completed = ctx.library.load_case(number)
    assert len(completed.exhibits) == 2
    assert completed.complained_at == first.complained_at
    assert dialog.opened == [dialog.receipt]


def _keys_while_registering(dialog, qtbot, *keys) -> list[QWidget | None]:
    """Press ``keys`` where the focus is once the registration is under way (the case made, photos next); the
    widgets that had the focus then."""
    focused: list[QWidget | None] = []

    def press(value: int) -> None:
        if value >= 5 and not focused:
            for key in keys:
                focused.append(QApplication.focusWidget())
                qtbot.keyClick(focused[-1] or dialog, key)

    dialog.progress.valueChanged.connect(press)
    assert qtbot.keyClick(dialog.name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier) is None
    dialog.progress.valueChanged.disconnect(press)
    return focused


def test_a_second_return_or_an_early_escape_does_not_stop_the_receipt(ctx, dialog, qtbot, tmp_path):
    """The clerk's double Return after Ctrl+Return landed on 取消 and stopped the receipt; so did an Esc meant for the
    print preview. The focus waits on the progress bar, and Esc asks first (answered: keep registering)."""
    asked: list[bool] = []
    dialog.confirm_stop = lambda: asked.append(True) or False
    fill(qtbot, dialog)
    dialog.add_photo_paths([make_photo(tmp_path / "a.jpg", (9, 9, 9))])
    with qtbot.waitActive(dialog):
        dialog.show()
    focused = _keys_while_registering(dialog, qtbot, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape)
    assert focused and all(w is dialog.progress for w in focused)
    assert asked == [True]
    (number,) = ctx.library.case_numbers()
    assert dialog.number == number and dialog.opened == [dialog.receipt]
    assert len(ctx.library.load_case(number).exhibits) == 1


def test_escape_confirmed_while_registering_stops_it(ctx, dialog, qtbot, tmp_path):
    dialog.confirm_stop = lambda: True
    fill(qtbot, dialog)
    dialog.add_photo_paths([make_photo(tmp_path / "a.jpg", (9, 9, 9))])
    with qtbot.waitActive(dialog):
        dialog.show()
    _keys_while_registering(dialog, qtbot, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.number is None and dialog.opened == []
    (number,) = ctx.library.case_numbers()
    assert number in dialog.status.text()
    # Afterwards 取消 takes Return and Space again, as any button.
    assert dialog.cancel_button.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_escape_asks_before_discarding_what_was_typed(ctx, dialog, qtbot):
    asked: list[bool] = []
    dialog.confirm_discard = lambda: asked.append(True) or False  # "keep typing"
    with qtbot.waitActive(dialog):
        dialog.show()
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and asked == []  # nothing typed: closes without asking
    with qtbot.waitActive(dialog):
        dialog.show()
    type_text(qtbot, dialog.name, "张三")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    assert asked == [True] and dialog.isVisible()
    dialog.confirm_discard = lambda: True
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
    assert ctx.library.case_numbers() == []


def test_a_registration_is_confirmed_and_opened_even_when_the_list_is_filtered(window, ctx, qtbot):
    from PySide6.QtCore import QTimer

    window.cases.search.setText("快递外箱")  # the list shows another case only
    opened: list[Path] = []

    def register() -> None:
        dlg = window.walkin_dialog
        dlg.open_pdf = lambda path: opened.append(path) or True
        fill(qtbot, dlg)
        dlg.register(print_receipt=True)

    QTimer.singleShot(0, register)
    window.open_walkin()
    number = window.walkin_dialog.number
    assert number and number in ctx.library.case_numbers()
    assert window.workspace.number == number and window.cases.current_number() == number
    assert number in window.registered_box.text() and window.registered_box.isVisible()
    assert number in window.statusBar().currentMessage()
    assert opened == [window.walkin_dialog.receipt]
    window.registered_box.close()


def test_the_receipt_is_previewed_before_the_print_dialog(ctx, dialog, qtbot):
    from casefile.ui.printing import preview_dialog

    from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget

    fill(qtbot, dialog)
    assert dialog.register(print_receipt=True)
    preview = preview_dialog(dialog.receipt)
    if preview is None:
        pytest.skip("QtPdf not installed")
    qtbot.addWidget(preview)
    assert isinstance(preview, QPrintPreviewDialog)
    widget = preview.findChild(QPrintPreviewWidget)
    widget.updatePreview()
    assert widget.pageCount() == len(PdfReader(dialog.receipt).pages)


def test_the_desk_warns_before_printing_when_the_receipt_would_be_a_law_firm_s(ctx, qtbot):
    """The organisation in the settings issues the receipt: a law firm's name is said before anything is printed;
    the store's own name says nothing."""
    ctx.settings.org_name = "上海某某律师事务所"
    dlg = WalkInDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    warnings = dlg.check_issuer()
    assert len(warnings) == 1 and "上海某某律师事务所" in warnings[0] and "律师事务所" in warnings[0]
    assert dlg.issuer_warning.isVisible() and "上海某某律师事务所" in dlg.issuer_warning.text()
    ctx.settings.org_name = ""
    assert dlg.check_issuer() and dlg.issuer_warning.isVisible()  # no name at all: the receipt has blanks
    ctx.settings.org_name = "某某数码旗舰店"
    store = WalkInDialog(ctx)
    qtbot.addWidget(store)
    store.show()
    assert store.check_issuer() == [] and not store.issuer_warning.isVisible()


def test_the_photo_chooser_opens_on_pictures_or_home_when_there_is_no_pictures_folder(monkeypatch, tmp_path):
    """A fresh account has no Pictures folder: the chooser must not offer a folder that does not exist."""
    from casefile.ui import walkin

    from PySide6.QtCore import QStandardPaths

    places = {
        QStandardPaths.StandardLocation.PicturesLocation: str(tmp_path / "Pictures"),
        QStandardPaths.StandardLocation.HomeLocation: str(tmp_path),
    }
    monkeypatch.setattr(walkin.QStandardPaths, "writableLocation", lambda where: places[where])
    assert walkin.photo_folder() == str(tmp_path)
    (tmp_path / "Pictures").mkdir()
    assert walkin.photo_folder() == str(tmp_path / "Pictures")


def test_a_retry_keeping_an_old_complaint_time_warns_that_the_reply_time_has_passed(ctx, dialog, qtbot, monkeypatch):
    """Registering again keeps the first complaint time; when the reply it promises is due already, the clerk is
    told, and the receipt is made all the same."""
    from casefile.ui import walkin

    said: list[str] = []
    monkeypatch.setattr(walkin.QMessageBox, "warning", lambda parent, title, text: said.append(text))
    fill(qtbot, dialog)
    dialog._complained_at = datetime.now(CST).replace(second=0, microsecond=0) - timedelta(days=10)
    assert dialog.register(print_receipt=True)
    assert dialog.number is not None and dialog.opened == [dialog.receipt]
    assert len(said) == 1 and "has passed" in said[0]


def test_a_receipt_in_time_says_nothing_of_the_reply_time(ctx, dialog, qtbot, monkeypatch):
    from casefile.ui import walkin

    said: list[str] = []
    monkeypatch.setattr(walkin.QMessageBox, "warning", lambda parent, title, text: said.append(text))
    fill(qtbot, dialog)
    assert dialog.register(print_receipt=True)
    assert dialog.number is not None and said == []


def test_the_handed_in_list_is_wide_enough_for_its_columns(dialog, qtbot):
    """At 1024 pixels the dialog takes the width its list of what was handed in needs (it opened 640 wide, and
    "Kept or returned" and "Photo" were off to the side in English)."""
    from PySide6.QtGui import QGuiApplication

    room = QGuiApplication.primaryScreen().availableGeometry().width()
    assert dialog.width() >= min(900, room - 40)
    if room >= 1024:
        dialog.add_item("华为手机", 1, "object", "kept")
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.items.horizontalScrollBar().maximum() == 0


def test_the_photo_column_shows_a_camera_file_name_whole(dialog, qtbot, tmp_path):
    dialog.add_item("华为手机", 1, "object", "kept")
    dialog.show()
    qtbot.waitExposed(dialog)
    photo = tmp_path / "IMG_20261127_103045.jpg"
    Image.new("RGB", (64, 48), (10, 10, 10)).save(photo, "JPEG")
    assert dialog.add_photo_paths([photo]) == 1  # added after the line: its choice grows with it
    dialog.link_photo(0, photo)
    qtbot.wait(10)
    combo = dialog.items.cellWidget(0, 4)
    needed = combo.fontMetrics().horizontalAdvance(photo.name)
    assert dialog.items.columnWidth(4) > needed


def test_an_empty_photo_is_not_added_and_the_desk_says_why(dialog, tmp_path):
    """A 0-byte file (a photo the phone is still sending) is no photo of what the customer takes back."""
    empty = tmp_path / "IMG_0413.jpg"
    empty.write_bytes(b"")
    photo = make_photo(tmp_path / "IMG_0414.jpg", (200, 0, 0))
    assert dialog.add_photo_paths([empty, photo]) == 1
    assert dialog.photo_paths() == [photo]
    assert "IMG_0413.jpg" in dialog.photo_note.text()


def test_a_half_sent_photo_or_a_text_named_as_one_is_not_added_and_the_desk_says_why(dialog, tmp_path):
    """A photo cut off mid-transfer, or a file named .jpg that holds no picture, is named under the list and not
    added, as an empty one is: the receipt would call it the store's photo of what the customer takes back."""
    photo = make_photo(tmp_path / "IMG_0414.jpg", (200, 0, 0))
    big = tmp_path / "IMG_0699.jpg"
    Image.new("RGB", (640, 480), (0, 90, 200)).save(big, "JPEG", quality=95)
    cut = tmp_path / "IMG_0701.jpg"
    cut.write_bytes(big.read_bytes()[:3000])
    text = tmp_path / "IMG_0700.jpg"
    text.write_text("not a photo")
    assert dialog.add_photo_paths([cut, text, photo]) == 1
    assert dialog.photo_paths() == [photo]
    note = dialog.photo_note.text()
    assert "IMG_0701.jpg" in note and "IMG_0700.jpg" in note


def receipt_text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def test_a_problem_before_the_purchase_is_warned_and_the_receipt_waits_for_the_clerk(ctx, dialog, qtbot):
    """A year slipped: noticed a year before it was bought. Said under the days, in the 概况 tab's words; Ctrl+Return
    brings the clerk to the warning instead of printing; corrected, the receipt prints the day bought."""
    with qtbot.waitActive(dialog):
        dialog.show()
    fill(qtbot, dialog)
    today = datetime.now(CST).date()
    bought = today - timedelta(days=10)
    slipped = today.replace(year=today.year - 1, day=min(today.day, 28))
    dialog.product.setFocus()
    qtbot.keyClick(dialog.product, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.purchased
    qtbot.keyClicks(dialog.purchased, bought.isoformat())
    dialog.facts.setFocus()
    qtbot.keyClick(dialog.facts, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.noticed
    qtbot.keyClicks(dialog.noticed, slipped.isoformat())
    qtbot.keyClick(dialog.noticed, Qt.Key.Key_Return)  # moves on, as Tab: to the box that keeps the dates
    warning = dialog.dates_warning
    assert warning.isVisible()
    said = f"the fault ({slipped.isoformat()}) is before the purchase ({bought.isoformat()})"
    assert said in warning.label.text()
    assert QApplication.focusWidget() is warning.confirm
    qtbot.keyClick(warning.confirm, Qt.Key.Key_Return)  # Return moves on, it does not tick
    assert not warning.confirm.isChecked() and QApplication.focusWidget() is dialog.case_type
    qtbot.keyClick(dialog.case_type, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert ctx.library.case_numbers() == [] and dialog.opened == []
    assert QApplication.focusWidget() is warning.confirm
    # Corrected: the warning goes, the receipt prints the day bought.
    noticed = today - timedelta(days=2)
    dialog.noticed.setFocus()
    dialog.noticed.selectAll()
    qtbot.keyClicks(dialog.noticed, noticed.isoformat())
    qtbot.keyClick(dialog.noticed, Qt.Key.Key_Tab)
    assert not warning.isVisible()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.opened == [dialog.receipt]
    case = ctx.library.load_case(dialog.number)
    assert case.transaction.purchased_at is not None and case.transaction.purchased_at.date() == bought
    assert case.transaction.fault_at is not None and case.transaction.fault_at.date() == noticed
    assert bought.isoformat() in receipt_text(dialog.receipt)


def test_dates_the_clerk_says_are_right_are_kept_and_printed(ctx, dialog, qtbot):
    fill(qtbot, dialog)
    today = datetime.now(CST).date()
    bought, noticed = today - timedelta(days=3), today - timedelta(days=30)  # a second-hand fault, as told
    type_text(qtbot, dialog.purchased, bought.isoformat())
    type_text(qtbot, dialog.noticed, noticed.isoformat())
    assert not dialog.register(print_receipt=True)
    assert ctx.library.case_numbers() == [] and dialog.dates_warning.isVisibleTo(dialog)
    dialog.dates_warning.confirm.setChecked(True)
    assert dialog.register(print_receipt=True)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert bought.isoformat() in receipt_text(dialog.receipt)


def test_a_day_bought_to_come_or_no_date_is_said_next_to_it(ctx, dialog, qtbot):
    fill(qtbot, dialog)
    type_text(qtbot, dialog.purchased, "2026-13-01")
    assert not dialog.register(print_receipt=True)
    assert dialog.errors[dialog.purchased].isVisibleTo(dialog) and dialog.errors[dialog.purchased].text()
    ahead = datetime.now(CST).date() + timedelta(days=40)
    dialog.purchased.setText(ahead.isoformat())
    assert not dialog.register(print_receipt=True)
    assert ahead.isoformat() in dialog.errors[dialog.purchased].text()
    assert ctx.library.case_numbers() == []
