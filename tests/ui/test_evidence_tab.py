"""The evidence tab over a real temporary library: adding, dropping, cancelling, editing, withdrawing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

from casefile.core.evidence import add_files
from casefile.core.library import case_from_fields
from casefile.core.sniff import decode_text
from casefile.core.verify import verify_folder
from casefile.ui.evidence import EvidenceTab
from casefile.ui.evidence import tab as evidence_tab
from casefile.ui.i18n import fill
from casefile.ui.models import EvidenceModel

from PySide6.QtCore import QDateTime, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDateTimeEdit, QDialog, QFileDialog, QInputDialog, QMessageBox


@pytest.fixture
def number(ctx) -> str:
    case = ctx.library.create_case(
        case_from_fields(
            {"title": "t", "complained_at": "2026-11-20T10:00+08:00", "channel": "store", "type": "quality"}
        )
    )
    return case.number


@pytest.fixture
def tab(ctx, qtbot, number) -> EvidenceTab:
    widget = EvidenceTab(ctx)
    qtbot.addWidget(widget)
    widget.set_case(number)
    return widget


@pytest.fixture
def files(tmp_path) -> Path:
    folder = tmp_path / "incoming"
    (folder / "sub").mkdir(parents=True)
    Image.new("RGB", (64, 48), (200, 40, 40)).save(folder / "破损照片.jpg", quality=90)
    Image.new("RGB", (32, 32), (20, 120, 200)).save(folder / "sub" / "截图.png")
    (folder / "chat.txt").write_text("顾客：屏幕碎了\n客服：请提供照片\n", encoding="utf-8")
    (folder / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    return folder


def folder_of(ctx, number: str) -> Path:
    return ctx.library.folder(number).path


def leftovers(ctx, number: str) -> list[str]:
    staging = folder_of(ctx, number) / ".staging"
    return sorted(p.name for p in staging.iterdir()) if staging.exists() else []


def intact(ctx, number: str) -> bool:
    report = list(verify_folder(ctx.library.folder(number)))[-1]
    return report.ok


def test_set_case_shows_the_exhibits(ctx, qtbot, number, files):
    list(add_files(ctx.library, number, [files / "chat.txt", files / "破损照片.jpg"]))
    widget = EvidenceTab(ctx)
    qtbot.addWidget(widget)
    assert widget.model.rowCount() == 0
    assert not widget.act_add_files.isEnabled()
    widget.set_case(number)
    assert widget.preview.preview_none.text() == ""  # exhibits but none selected
    assert widget.model.rowCount() == 2
    assert widget.model.index(0, EvidenceModel.TITLE).data() == "chat"
    assert widget.model.index(1, EvidenceModel.NAME).data() == "破损照片.jpg"
    assert widget.act_add_files.isEnabled()
    widget.set_case(None)
    assert widget.model.rowCount() == 0
    assert not widget.act_add_files.isEnabled()


def test_the_packet_and_number_columns_fit_the_longest_label(ctx, qtbot, number, tmp_path):
    """A case of thousands of exhibits labels them 证据1234: the columns are widened so none is cut."""
    notes = []
    for i in range(12):
        notes.append(tmp_path / f"记录{i}.txt")
        notes[-1].write_text(f"第{i}条", encoding="utf-8")
    list(add_files(ctx.library, number, notes))
    widget = EvidenceTab(ctx)
    qtbot.addWidget(widget)
    for column in (EvidenceModel.PACKET, EvidenceModel.NUMBER):
        widget.table.setColumnWidth(column, 8)
    widget.set_case(number)
    metrics = widget.table.fontMetrics()
    for column, label in ((EvidenceModel.PACKET, "证据12"), (EvidenceModel.NUMBER, "12")):
        assert widget.model.index(11, column).data() == label
        assert widget.table.columnWidth(column) > metrics.horizontalAdvance(label)
    assert widget.table.columnWidth(EvidenceModel.PACKET) > metrics.horizontalAdvance("(证据12)")  # a redacted copy


def test_ingest_two_files(ctx, tab, number, files):
    changed: list[str] = []
    ctx.events.case_changed.connect(changed.append)
    task = tab.ingest([str(files / "破损照片.jpg"), str(files / "chat.txt")])
    assert task is not None
    assert tab.model.rowCount() == 2
    stored = sorted(p.name for p in (folder_of(ctx, number) / "evidence").iterdir())
    assert stored == ["001-破损照片.jpg", "002-chat.txt"]
    assert (folder_of(ctx, number) / "evidence" / "001-破损照片.jpg").read_bytes() == (
        files / "破损照片.jpg"
    ).read_bytes()
    assert tab.status.text() == "2 added"
    assert changed == [number]
    assert not tab.progress.isVisible() and not tab.cancel_button.isVisible()
    assert tab.ingest_task is None
    assert tab.act_add_files.isEnabled()
    assert intact(ctx, number)


def test_summary_counts_duplicates_and_lists_refusals(ctx, tab, number, files, tmp_path):
    tab.ingest([str(files / "chat.txt")])
    copy = tmp_path / "again.txt"
    copy.write_bytes((files / "chat.txt").read_bytes())
    missing = tmp_path / "gone.jpg"
    tab.ingest([str(copy), str(files / "破损照片.jpg"), str(missing)])
    assert tab.status.text() == "1 added, 1 duplicate, 1 refused"
    assert "again.txt is already exhibit 1" in tab.status.toolTip()
    box = tab.adder.refusals_box
    assert box is not None and box.isVisible()
    assert f"{missing}: no such file or folder" in box.informativeText()
    box.close()
    assert tab.model.rowCount() == 2


def test_dropping_a_folder_ingests_it(ctx, tab, number, files):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(files))])
    enter = QDragEnterEvent(
        QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(tab, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(tab, drop)
    assert drop.isAccepted()
    names = sorted(e.original_name for e in tab.model.exhibits)
    assert names == ["chat.txt", "截图.png", "破损照片.jpg"]
    assert tab.status.text() == "3 added, 1 skipped (hidden or system files)"
    assert tab.adder.refusals_box is None
    assert ctx.library.load_case(number).exhibits[-1].original_name == "破损照片.jpg"


def test_drops_are_refused_without_a_case_or_without_local_files(ctx, qtbot, tab, files):
    web = QMimeData()
    web.setUrls([QUrl("https://example.com/a.jpg")])
    enter = QDragEnterEvent(
        QPoint(1, 1), Qt.DropAction.CopyAction, web, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(tab, enter)
    assert not enter.isAccepted()
    tab.set_case(None)
    local = QMimeData()
    local.setUrls([QUrl.fromLocalFile(str(files))])
    drop = QDropEvent(
        QPointF(1, 1), Qt.DropAction.CopyAction, local, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(tab, drop)
    assert not drop.isAccepted()


def big_file(path: Path, megabytes: int = 8) -> Path:
    with open(path, "wb") as fh:
        for i in range(megabytes):
            fh.write(bytes([i % 251]) * (1 << 20))
    return path


def test_cancel_before_the_first_file_leaves_nothing(ctx, tab, number, tmp_path):
    big = big_file(tmp_path / "video.mp4")
    changed: list[str] = []
    ctx.events.case_changed.connect(changed.append)
    seen: list[int] = []

    def cancel_on_first_progress(value: int) -> None:
        seen.append(value)
        assert tab.cancel_button.isEnabled()
        tab.cancel_button.click()

    tab.progress.valueChanged.connect(cancel_on_first_progress)
    tab.ingest([str(big)])
    assert seen == [0]
    assert tab.status.text() == "Cancelled; nothing was added."
    assert tab.model.rowCount() == 0
    assert list((folder_of(ctx, number) / "evidence").iterdir()) == []
    assert leftovers(ctx, number) == []
    assert ctx.library.load_case(number).exhibits == []
    assert changed == [number]
    assert tab.ingest_task is None and not tab.progress.isVisible()
    assert intact(ctx, number)


def test_cancel_between_files_keeps_what_was_added(ctx, tab, number, files, tmp_path):
    big = big_file(tmp_path / "video.mp4")

    def cancel_after_first_file(value: int) -> None:
        if value > 0:
            tab.cancel_ingest()

    tab.progress.valueChanged.connect(cancel_after_first_file)
    tab.ingest([str(files / "chat.txt"), str(big)])
    assert tab.status.text().startswith("Cancelled; 1 added before cancelling")
    assert [e.original_name for e in tab.model.exhibits] == ["chat.txt"]
    assert sorted(p.name for p in (folder_of(ctx, number) / "evidence").iterdir()) == ["001-chat.txt"]
    assert leftovers(ctx, number) == []
    assert intact(ctx, number)


def test_inline_edit_writes_through_the_core(ctx, tab, number, files):
    tab.ingest([str(files / "破损照片.jpg")])
    changed: list[str] = []
    ctx.events.case_changed.connect(changed.append)
    index = tab.model.index(0, EvidenceModel.TITLE)
    assert tab.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert tab.model.setData(index, "屏幕裂痕照片")
    assert tab.model.setData(tab.model.index(0, EvidenceModel.PURPOSE), "证明收货时屏幕已碎")
    stored = ctx.library.load_case(number).exhibit(1)
    assert (stored.title, stored.purpose) == ("屏幕裂痕照片", "证明收货时屏幕已碎")
    assert changed == [number, number]
    assert tab.model.index(0, EvidenceModel.TITLE).data() == "屏幕裂痕照片"
    actions = [e["action"] for e in ctx.library.folder(number).custody.read()]
    assert actions.count("exhibit-update") == 2
    assert intact(ctx, number)


def test_the_kind_is_chosen_in_the_table_and_recorded_as_an_exhibit_update(ctx, qtbot, tab, number, files):
    """An arbitration packet needs an exhibit of kind arbitration-agreement: the kind is set from the window."""
    from PySide6.QtWidgets import QComboBox

    tab.ingest([str(files / "chat.txt")])
    index = tab.model.index(0, EvidenceModel.KIND)
    assert tab.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert index.data(Qt.ItemDataRole.EditRole) == "chat" and index.data() == "Chat record"
    tab.table.setCurrentIndex(index)
    tab.table.edit(index)
    editors = tab.table.viewport().findChildren(QComboBox)
    assert len(editors) == 1
    (combo,) = editors
    combo.setCurrentIndex(combo.findData("arbitration-agreement"))
    combo.activated.emit(combo.currentIndex())  # the user picks it: taken at once
    stored = ctx.library.load_case(number).exhibit(1)
    assert stored.kind.value == "arbitration-agreement"
    assert tab.model.index(0, EvidenceModel.KIND).data() == "Arbitration agreement"
    last = ctx.library.folder(number).custody.read()[-1]
    assert last["action"] == "exhibit-update" and last["details"] == {
        "exhibit": 1,
        "fields": {"kind": "arbitration-agreement"},
    }
    assert intact(ctx, number)


def test_the_kind_is_chosen_in_the_exhibit_details_too(ctx, tab, number, files):
    tab.ingest([str(files / "破损照片.jpg")])
    tab.select_exhibit(1)
    assert tab.details.kind_combo.isEnabled() and tab.details.kind_combo.currentData() == "photo"
    tab.details.kind_combo.setCurrentIndex(tab.details.kind_combo.findData("waybill"))
    tab.details.kind_combo.activated.emit(tab.details.kind_combo.currentIndex())
    assert ctx.library.load_case(number).exhibit(1).kind.value == "waybill"
    assert tab.details.kind_combo.currentData() == "waybill"  # the record, read again after the change
    assert [e["action"] for e in ctx.library.folder(number).custody.read()].count("exhibit-update") == 1
    tab.details.kind_combo.activated.emit(
        tab.details.kind_combo.currentIndex()
    )  # the same kind again: nothing to record
    assert [e["action"] for e in ctx.library.folder(number).custody.read()].count("exhibit-update") == 1


def test_a_failed_edit_is_shown_and_the_view_shows_the_record(ctx, tab, number, files, monkeypatch):
    tab.ingest([str(files / "chat.txt")])
    log = ctx.library.folder(number).custody.path
    lines = log.read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    first["operator"] = "someone else"  # breaks the chain: the core refuses to write to this case
    log.write_text("\n".join([json.dumps(first, ensure_ascii=False), *lines[1:]]) + "\n", encoding="utf-8")
    errors: list[BaseException] = []
    monkeypatch.setattr(evidence_tab, "show_error", lambda parent, error: errors.append(error))
    tab.model.setData(tab.model.index(0, EvidenceModel.TITLE), "new title")
    assert len(errors) == 1 and "custody log" in str(errors[0])
    assert tab.model.index(0, EvidenceModel.TITLE).data() == "chat"
    assert ctx.library.load_case(number).exhibit(1).title == "chat"


def test_withdraw_asks_for_a_reason_and_keeps_the_file(ctx, tab, number, files, monkeypatch):
    tab.ingest([str(files / "破损照片.jpg"), str(files / "chat.txt")])
    tab.table.selectRow(0)
    assert tab.act_withdraw.isEnabled()
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kw: ("   ", True))
    tab.withdraw()
    assert warnings == ["A withdrawal needs a reason."]
    assert not ctx.library.load_case(number).exhibit(1).withdrawn

    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kw: ("照片与订单无关", True))
    tab.act_withdraw.trigger()
    exhibit = ctx.library.load_case(number).exhibit(1)
    assert exhibit.withdrawn and exhibit.withdraw_reason == "照片与订单无关"
    assert (folder_of(ctx, number) / exhibit.stored_path).exists()
    assert tab.model.exhibit(0).withdrawn
    assert tab.status.text().startswith("Exhibit 1 withdrawn")
    assert tab.selected_exhibit() is not None and tab.selected_exhibit().number == 1
    assert not tab.act_withdraw.isEnabled()
    assert "照片与订单无关" in tab.details.browser.toPlainText()
    assert intact(ctx, number)


def test_details_show_hashes_and_the_custody_record(ctx, tab, number, files):
    tab.ingest([str(files / "chat.txt"), str(files / "破损照片.jpg")])
    tab.model.setData(tab.model.index(1, EvidenceModel.SOURCE), "顾客微信")
    tab.table.selectRow(1)
    text = tab.details.browser.toPlainText()
    exhibit = ctx.library.load_case(number).exhibit(2)
    assert exhibit.sha256 in text
    assert "破损照片.jpg" in text
    assert "测试员" in text
    assert "added" in text and "description changed" in text
    assert text.count("测试员") >= 3  # added by, and two custody entries
    tab.table.selectRow(0)
    assert "description changed" not in tab.details.browser.toPlainText()


def test_details_say_an_email_date_without_a_zone_records_none(ctx, tab, number, tmp_path):
    """As a photo's time without an offset: the sender's clock as it read, marked, not a time in some zone."""
    for name, date in (
        ("nozone.eml", "Fri, 20 Nov 2026 10:00:00 -0000"),
        ("zoned.eml", "Fri, 20 Nov 2026 10:00:00 +0100"),
    ):
        (tmp_path / name).write_bytes(
            b"From: service@shop.example\r\nTo: li@example.com\r\nDate: " + date.encode() + b"\r\n"
            b"Subject: refund\r\n\r\nAccepted.\r\n"
        )
    tab.ingest([str(tmp_path / "nozone.eml"), str(tmp_path / "zoned.eml")])
    tab.table.selectRow(0)
    text = tab.details.browser.toPlainText()
    assert "2026-11-20 10:00:00 (sent, zone not recorded)" in text
    tab.table.selectRow(1)
    text = tab.details.browser.toPlainText()
    assert "zone not recorded" not in text and "2026-11-20 10:00:00 (UTC+01:00)" in text


def test_preview_images_upright_text_and_nothing_else(ctx, tab, number, tmp_path):
    photo = tmp_path / "rotated.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6  # stored landscape, shown rotated 90° clockwise
    Image.new("RGB", (80, 40), (10, 200, 10)).save(photo, exif=exif)
    note = tmp_path / "note.txt"
    note.write_bytes("收货时外包装完好".encode("gb18030"))
    other = tmp_path / "data.bin"
    other.write_bytes(bytes(range(256)) * 4)
    tab.ingest([str(photo), str(note), str(other)])
    tab.resize(1100, 650)
    tab.show()

    tab.table.selectRow(0)
    assert tab.preview.currentWidget() is tab.preview.image_page
    assert tab.preview.pixmap is not None
    assert (tab.preview.pixmap.width(), tab.preview.pixmap.height()) == (40, 80)

    tab.table.selectRow(1)
    assert tab.preview.currentWidget() is tab.preview.preview_text
    assert tab.preview.preview_text.toPlainText() == "收货时外包装完好"

    tab.table.selectRow(2)
    assert tab.preview.currentWidget() is tab.preview.preview_none
    assert tab.preview.preview_none.text() == "No preview for this kind of file"


def test_an_empty_case_invites_a_drop(tab):
    assert tab.model.rowCount() == 0
    assert "Drop files or folders here" in tab.preview.preview_none.text()
    assert "Drop files or folders here" in tab.status.text()


def test_keyboard_shortcuts(ctx, qtbot, tab, number, files, monkeypatch):
    assert tab.act_add_files.shortcut().toString() == "Ctrl+O"
    assert "Del" in [k.toString() for k in tab.act_withdraw.shortcuts()]
    tab.ingest([str(files / "chat.txt")])
    tab.show()
    with qtbot.waitActive(tab):
        tab.activateWindow()
    tab.table.setFocus()
    tab.table.selectRow(0)
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kw: ("重复提交", True))
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert ctx.library.load_case(number).exhibit(1).withdrawn
    chosen: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args: (chosen.append("asked") or [], ""))
    qtbot.keyClick(tab.table, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert chosen == ["asked"]


def test_decode_text():
    assert decode_text("中文".encode()) == "中文"
    assert decode_text("中文".encode("gb18030")) == "中文"
    assert decode_text("\ufeff中文".encode()) == "中文"
    assert decode_text("中文".encode("utf-16")) == "中文"
    assert decode_text("中文".encode()[:-1]) == "中"


def test_ingest_on_a_worker_thread(ctx, qtbot, tab, number, files, tmp_path):
    ctx.runner.synchronous = False
    try:
        tab.ingest([str(files)])
        assert tab.progress.isVisibleTo(tab) and tab.cancel_button.isVisibleTo(tab)
        assert not tab.act_add_files.isEnabled()
        qtbot.waitUntil(lambda: tab.ingest_task is None, timeout=10_000)
        assert tab.model.rowCount() == 3
        assert tab.status.text().startswith("3 added")

        big = big_file(tmp_path / "video.mp4", 64)
        tab.ingest([str(big)])
        tab.cancel_button.click()
        qtbot.waitUntil(lambda: tab.ingest_task is None, timeout=10_000)
        assert tab.status.text() == "Cancelled; nothing was added."
        assert tab.model.rowCount() == 3
        assert leftovers(ctx, number) == []
        assert intact(ctx, number)
    finally:
        ctx.runner.wait()
        ctx.runner.synchronous = True


def test_fill_puts_values_in_one_pass():
    assert fill("Exhibit %1: %2", 3, "a %2 title") == "Exhibit 3: a %2 title"
    assert fill("%2 — %1", "x", "y") == "y — x"
    assert fill("100%", 1) == "100%"


def test_move_changes_the_presentation_order(ctx, qtbot, tmp_path):
    from casefile.core.evidence import add_files
    from casefile.core.library import case_from_fields
    from casefile.ui.evidence import EvidenceTab

    case = ctx.library.create_case(
        case_from_fields(
            {"title": "t", "complained_at": "2026-11-20T10:00+08:00", "channel": "store", "type": "quality"}
        )
    )
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(name, "utf-8")
    list(add_files(ctx.library, case.number, [tmp_path / "a.txt", tmp_path / "b.txt"]))
    tab = EvidenceTab(ctx)
    qtbot.addWidget(tab)
    tab.set_case(case.number)
    tab.select_exhibit(2)
    tab.move_selected(-1)
    tab.set_case(case.number)
    assert [e.number for e in tab.model.exhibits] == [2, 1]
    assert [e.number for e in ctx.library.load_case(case.number).ordered_exhibits()] == [2, 1]


def test_after_a_move_to_the_top_the_row_is_exhibit_1_of_a_packet_beside_its_own_number(ctx, qtbot, tmp_path):
    from casefile.core.evidence import add_files
    from casefile.core.library import case_from_fields
    from casefile.ui.evidence import EvidenceTab

    case = ctx.library.create_case(
        case_from_fields(
            {"title": "t", "complained_at": "2026-11-20T10:00+08:00", "channel": "store", "type": "quality"}
        )
    )
    names = ("a.txt", "b.txt", "c.txt", "d.txt")
    for name in names:
        (tmp_path / name).write_text(name, "utf-8")
    list(add_files(ctx.library, case.number, [tmp_path / name for name in names]))
    tab = EvidenceTab(ctx)
    qtbot.addWidget(tab)
    tab.set_case(case.number)
    model = tab.model

    def column(c: int) -> list[str]:
        return [model.index(row, c).data() for row in range(model.rowCount())]

    assert model.headerData(EvidenceModel.PACKET, Qt.Orientation.Horizontal) == "In packet"
    assert model.headerData(EvidenceModel.NUMBER, Qt.Orientation.Horizontal) == "File no."
    assert column(EvidenceModel.PACKET) == ["证据1", "证据2", "证据3", "证据4"]
    tab.select_exhibit(4)
    for _ in range(3):
        tab.move_selected(-1)
    assert column(EvidenceModel.PACKET) == ["证据1", "证据2", "证据3", "证据4"]  # the position follows the move
    assert column(EvidenceModel.NUMBER) == ["4", "1", "2", "3"]  # the own number goes with the exhibit
    assert tab.selected_exhibit() is not None and tab.selected_exhibit().number == 4
    assert "in this order: 证据1 (file no. 4)" in tab.details.browser.toPlainText()
    # A withdrawn exhibit goes in no packet: the ones after it move up a number, in place.
    with ctx.library.edit(case.number) as writer:
        writer.withdraw(1, "重复")
    ctx.events.case_changed.emit(case.number)
    assert column(EvidenceModel.PACKET) == ["证据1", "", "证据2", "证据3"]
    assert column(EvidenceModel.NUMBER) == ["4", "1", "2", "3"]


def test_the_evidence_group_is_edited_in_the_table(ctx, qtbot, tmp_path):
    from casefile.core.evidence import add_files
    from casefile.core.library import case_from_fields
    from casefile.ui.evidence import EvidenceTab

    case = ctx.library.create_case(
        case_from_fields(
            {"title": "t", "complained_at": "2026-11-20T10:00+08:00", "channel": "store", "type": "quality"}
        )
    )
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(name, "utf-8")
    list(add_files(ctx.library, case.number, [tmp_path / "a.txt", tmp_path / "b.txt"]))
    tab = EvidenceTab(ctx)
    qtbot.addWidget(tab)
    tab.set_case(case.number)
    group = tab.model.index(1, EvidenceModel.GROUP)
    assert tab.model.flags(group) & Qt.ItemFlag.ItemIsEditable
    assert tab.model.setData(group, " 第一组：购买事实 ")
    assert ctx.library.load_case(case.number).exhibit(2).group == "第一组：购买事实"
    assert tab.model.index(1, EvidenceModel.GROUP).data() == "第一组：购买事实"
    assert tab._groups() == ["第一组：购买事实"]  # offered when the next group is edited
    editor = tab.group_delegate.createEditor(tab.table.viewport(), None, tab.model.index(0, EvidenceModel.GROUP))
    assert [editor.itemText(i) for i in range(editor.count())] == ["第一组：购买事实"]


def test_thumbnail_grid_shows_the_photos(ctx, qtbot, tmp_path):
    from PIL import Image

    from casefile.core.evidence import add_files
    from casefile.core.library import case_from_fields
    from casefile.core.thumbnails import thumbnail_path
    from casefile.ui.evidence import EvidenceTab
    from casefile.ui.models import EvidenceModel

    from PySide6.QtCore import Qt

    case = ctx.library.create_case(
        case_from_fields(
            {"title": "t", "complained_at": "2026-11-20T10:00+08:00", "channel": "store", "type": "quality"}
        )
    )
    Image.new("RGB", (640, 480), (0, 120, 200)).save(tmp_path / "box.jpg")
    list(add_files(ctx.library, case.number, [tmp_path / "box.jpg"]))
    tab = EvidenceTab(ctx)
    qtbot.addWidget(tab)
    tab.set_case(case.number)  # thumbnails are made (inline in tests) as the case is shown
    exhibit = ctx.library.load_case(case.number).exhibit(1)
    assert thumbnail_path(exhibit.sha256).exists()
    tab.act_grid.trigger()
    assert tab.views.currentWidget() is tab.grid
    icon = tab.model.data(tab.model.index(0, EvidenceModel.TITLE), Qt.ItemDataRole.DecorationRole)
    assert icon is not None and not icon.isNull()
    tab.grid.setCurrentIndex(tab.model.index(0, EvidenceModel.TITLE))
    assert tab.selected_exhibit().number == 1  # the grid and the table share one selection


def test_pdf_preview_page_by_page(ctx, qtbot, tmp_path):
    import pytest
    from reportlab.pdfgen.canvas import Canvas

    from casefile.core.evidence import add_files
    from casefile.core.library import case_from_fields
    from casefile.ui.evidence import EvidenceTab

    case = ctx.library.create_case(
        case_from_fields(
            {"title": "t", "complained_at": "2026-11-20T10:00+08:00", "channel": "store", "type": "quality"}
        )
    )
    canvas = Canvas(str(tmp_path / "invoice.pdf"))
    for n in range(3):
        canvas.drawString(72, 720, f"page {n + 1}")
        canvas.showPage()
    canvas.save()
    list(add_files(ctx.library, case.number, [tmp_path / "invoice.pdf"]))
    tab = EvidenceTab(ctx)
    qtbot.addWidget(tab)
    if tab.preview.preview_pdf is None:
        pytest.skip("QtPdf is not installed")
    tab.set_case(case.number)
    tab.select_exhibit(1)
    assert tab.preview.currentWidget() is tab.preview.preview_pdf
    assert tab.preview.pdf_document.pageCount() == 3


def test_recordings_play_in_the_preview(ctx, qtbot, tmp_path):
    import wave

    import pytest

    from casefile.core.evidence import add_files
    from casefile.core.library import case_from_fields
    from casefile.ui.evidence import EvidenceTab

    case = ctx.library.create_case(
        case_from_fields(
            {"title": "t", "complained_at": "2026-11-20T10:00+08:00", "channel": "phone", "type": "service"}
        )
    )
    with wave.open(str(tmp_path / "call.wav"), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"\0\0" * 8000 * 2)
    list(add_files(ctx.library, case.number, [tmp_path / "call.wav"]))
    tab = EvidenceTab(ctx)
    qtbot.addWidget(tab)
    if tab.preview.preview_media is None:
        pytest.skip("QtMultimedia cannot load here")
    tab.set_case(case.number)
    tab.select_exhibit(1)
    assert tab.preview.currentWidget() is tab.preview.preview_media
    qtbot.waitUntil(lambda: tab.preview.preview_media.player.duration() == 2000, timeout=10_000)


def test_image_preview_zooms_and_turns_for_viewing_only(ctx, qtbot, tmp_path):
    import hashlib

    from PIL import Image

    from casefile.core.evidence import add_files
    from casefile.core.library import case_from_fields
    from casefile.ui.evidence import EvidenceTab

    case = ctx.library.create_case(
        case_from_fields(
            {"title": "t", "complained_at": "2026-11-20T10:00+08:00", "channel": "store", "type": "quality"}
        )
    )
    Image.new("RGB", (400, 200), (10, 200, 10)).save(tmp_path / "wide.png")
    list(add_files(ctx.library, case.number, [tmp_path / "wide.png"]))
    tab = EvidenceTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1000, 700)
    tab.show()
    tab.set_case(case.number)
    tab.select_exhibit(1)
    assert tab.preview.currentWidget() is tab.preview.image_page
    shown = tab.preview.preview_image.pixmap()
    assert shown.width() > shown.height()
    tab.preview.rotate(90)
    turned = tab.preview.preview_image.pixmap()
    assert turned.height() > turned.width()
    tab.preview.zoom(2.0)
    assert tab.preview.preview_image.pixmap().height() > turned.height()
    tab.preview.zoom(0)
    stored = ctx.library.folder(case.number).path / ctx.library.load_case(case.number).exhibit(1).stored_path
    assert hashlib.sha256(stored.read_bytes()).hexdigest() == ctx.library.load_case(case.number).exhibit(1).sha256


def test_details_show_what_the_file_says_and_the_capture_time_can_be_corrected(
    ctx, qtbot, tab, number, tmp_path, monkeypatch
):
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "Xiaomi", "14 Pro"
    exif.get_ifd(0x8769).update({0x9003: "2030:01:01 10:00:00", 0x9011: "+08:00"})  # a clock set wrong
    Image.new("RGB", (64, 48)).save(tmp_path / "IMG_1.jpg", exif=exif)
    tab.ingest([str(tmp_path / "IMG_1.jpg")])
    tab.table.selectRow(0)
    text = tab.details.browser.toPlainText()
    assert "Xiaomi 14 Pro" in text
    assert "64 × 48 pixels" in text
    assert "from the photo's EXIF data" in text
    assert "capture time later than when it was added" in text

    def accept(dialog):  # the clerk checks the receipt and types the real time
        edit = dialog.findChild(QDateTimeEdit)
        edit.setDateTime(QDateTime.fromString("2026-11-18 20:04:00", "yyyy-MM-dd HH:mm:ss"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QDialog, "exec", accept)
    tab.details.browser.anchorClicked.emit(QUrl("capture-time"))
    exhibit = ctx.library.load_case(number).exhibit(1)
    assert exhibit.captured_at_source == "user"
    assert exhibit.captured_at.astimezone().strftime("%Y-%m-%d %H:%M") == "2026-11-18 20:04"
    assert "2030" not in tab.details.browser.toPlainText().split("Captured")[1].split("\n")[0]
    assert "checked and set by hand" in tab.details.browser.toPlainText()


def test_heic_photos_are_previewed(ctx, tab, number, tmp_path):
    pillow_heif = pytest.importorskip("pillow_heif")
    pillow_heif.register_heif_opener()
    Image.new("RGB", (120, 80), (20, 160, 60)).save(tmp_path / "IMG_0001.HEIC", "HEIF")
    tab.ingest([str(tmp_path / "IMG_0001.HEIC")])
    tab.table.selectRow(0)
    assert tab.preview.currentWidget() is tab.preview.image_page
    assert (tab.preview.pixmap.width(), tab.preview.pixmap.height()) == (120, 80)
    assert tab.preview.pixmap.toImage().pixelColor(60, 40).green() > 120
