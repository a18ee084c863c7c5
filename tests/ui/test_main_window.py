"""The main window on a real library: list, select, edit, verify, switch language."""

from __future__ import annotations

import dataclasses
import os

from casefile.core.evidence import add_files
from casefile.core.verify import FileStatus


def test_lists_cases_and_opens_the_selected_one(window):
    assert window.cases.model.rowCount() == 2
    window.cases.select("202611-001")
    assert window.workspace.number == "202611-001"
    assert window.workspace.overview.title.text() == "手机屏幕碎裂"


def test_overview_edits_are_saved_explicitly_and_validated(window, ctx):
    window.cases.select("202611-002")
    overview = window.workspace.overview
    overview.c_name.setText("李四")
    overview.c_phone.setText("12ab")
    overview.save()
    assert "phone" in overview.error.text().lower() or "电话" in overview.error.text()
    assert ctx.library.load_case("202611-002").complainant.name == ""  # nothing saved
    overview.c_phone.setText("139 0000 1111")
    overview.amount.setText("88.5")
    overview.save()
    stored = ctx.library.load_case("202611-002")
    assert stored.complainant.name == "李四" and stored.complainant.phone == "13900001111"
    assert str(stored.transaction.amount) == "88.5"
    overview.c_name.setText("王五")
    overview.revert()
    assert overview.c_name.text() == "李四"


def test_stage_change_writes_the_stage_log(window, ctx):
    window.cases.select("202611-001")
    overview = window.workspace.overview
    overview.stage_combo.setCurrentIndex(overview.stage_combo.findData("negotiation"))
    overview.stage_note.setText("提出退款方案")
    overview.change_stage()
    stored = ctx.library.load_case("202611-001")
    assert stored.stage.value == "negotiation" and stored.stage_log[-1].note == "提出退款方案"
    assert window.statusBar().currentMessage() == "202611-001 moved to Negotiation"
    assert "Negotiation" in overview.header.text() and "Negotiation" in overview.stage_log.item(0).text()


def _stage_log(overview) -> list[str]:
    return [overview.stage_log.item(row).text() for row in range(overview.stage_log.count())]


def test_a_stage_moved_while_the_overview_has_unsaved_edits_shows_and_keeps_them(window, ctx, qtbot):
    """The stage moved from the overview while a field is typed in: the header, the deadlines and the stage
    log show the new stage at once, and the status bar says so; the field keeps what was typed, unsaved,
    with the cursor where it was; Ctrl+S then saves it without a conflict, the stage staying moved."""
    window.cases.select("202611-001")
    overview = window.workspace.overview
    header = overview.header.text()
    assert "Registration" in header and len(_stage_log(overview)) == 1
    overview.c_name.setFocus()
    overview.c_name.setText("陈静")
    overview.c_name.setCursorPosition(1)
    overview.stage_combo.setCurrentIndex(overview.stage_combo.findData("verification"))
    overview.stage_note.setText("已联系快递公司")
    overview.change_stage()
    assert ctx.library.load_case("202611-001").stage.value == "verification"
    assert "Verification" in overview.header.text() and overview.header.text() != header
    log = _stage_log(overview)
    assert len(log) == 2 and "Verification" in log[0] and "已联系快递公司" in log[0]
    assert overview.stage_combo.currentData() == "verification"
    assert window.statusBar().currentMessage() == "202611-001 moved to Verification"
    assert overview.c_name.text() == "陈静" and overview.unsaved()
    assert overview.c_name.cursorPosition() == 1
    failed: list[str] = []
    overview.save_failed.connect(lambda _number, text: failed.append(text))
    assert overview.save()
    assert failed == [] and overview.conflict_box is None and overview.error.text() == ""
    stored = ctx.library.load_case("202611-001")
    assert stored.complainant.name == "陈静" and stored.stage.value == "verification"
    assert [change.stage.value for change in stored.stage_log] == ["registration", "verification"]
    assert not overview.unsaved() and "Verification" in overview.header.text() and len(_stage_log(overview)) == 2


def test_a_change_from_elsewhere_while_the_overview_has_unsaved_edits_is_shown_and_keeps_them(window, ctx):
    """Another tab, window or a watched folder changes the case while a field is typed in: the overview shows
    the record as it is now (header, stage log, the fields not typed in) and keeps what was typed, unsaved;
    saving it then neither reports a conflict nor undoes the change made meanwhile."""
    import dataclasses

    from casefile.core.model import Demand, Stage

    window.cases.select("202611-001")
    overview = window.workspace.overview
    overview.c_name.setText("陈静")
    overview.demands.add_row(Demand(description="退款"))
    with ctx.library.edit("202611-001") as writer:
        writer.set_stage(Stage.NEGOTIATION, "对方来电")
        writer.update(dataclasses.replace(writer.case, facts="另一窗口补充的事实"))
    ctx.events.case_changed.emit("202611-001")
    assert "Negotiation" in overview.header.text()
    log = _stage_log(overview)
    assert len(log) == 2 and "Negotiation" in log[0] and "对方来电" in log[0]
    assert overview.facts.toPlainText() == "另一窗口补充的事实"  # not typed in: shown as it is now
    assert overview.c_name.text() == "陈静" and overview.unsaved()
    assert overview.demands.rows()[-1][3] == "退款"
    overview.facts.setPlainText("另一窗口补充的事实；陈静补充")  # typed over what the form shows now: no conflict
    assert overview.save()
    assert overview.conflict_box is None and overview.error.text() == ""
    stored = ctx.library.load_case("202611-001")
    assert stored.complainant.name == "陈静" and stored.facts == "另一窗口补充的事实；陈静补充"
    assert stored.stage.value == "negotiation" and [d.description for d in stored.demands] == ["退款"]
    assert not overview.unsaved()


def test_timeline_entry_in_a_few_keystrokes(window, ctx, qtbot):
    from PySide6.QtCore import Qt

    window.cases.select("202611-001")
    timeline = window.workspace.timeline
    # QTest types Latin keys only; Chinese comes from an input method, so it is set here.
    timeline.summary.setText("致电商家客服，")
    qtbot.keyClicks(timeline.summary, "400 call")
    qtbot.keyClick(timeline.summary, Qt.Key.Key_Return)
    assert ctx.library.load_case("202611-001").timeline[0].summary == "致电商家客服，400 call"
    assert timeline.list.count() == 1


def test_verify_reports_a_modified_file(window, ctx, tmp_path, monkeypatch):
    note = tmp_path / "聊天.txt"
    note.write_text("原始聊天记录", "utf-8")
    list(add_files(ctx.library, "202611-001", [note]))
    stored = ctx.library.folder("202611-001").path / ctx.library.load_case("202611-001").exhibits[0].stored_path
    os.chmod(stored, 0o644)
    stored.write_text("被修改过的记录", "utf-8")
    window.cases.select("202611-001")
    window.verify(all_cases=False)
    (report,) = window.last_reports
    assert [(f.path, f.status) for f in report.files if f.status is not FileStatus.INTACT] == [
        (f"evidence/{stored.name}", FileStatus.MODIFIED)
    ]
    assert window.verify_results.windowTitle() == "Verification results"
    assert stored.name in window.verify_results.text()


def test_switching_language(window, qapp):
    from casefile.ui.i18n import install

    install(qapp, "zh_CN")
    qapp.processEvents()
    assert window.file_menu.title() == "文件(&F)"
    window.switch_language("en")
    qapp.processEvents()
    assert window.file_menu.title() == "&File"
    assert window.workspace.tabText(0) == "Overview"
    window.switch_language("zh_CN")
    qapp.processEvents()
    assert window.workspace.tabText(0) == "概况"


def test_a_timeline_entry_opens_the_exhibit_it_cites(window, ctx, tmp_path):
    from datetime import datetime

    from casefile.core.model import EventKind, TimelineEvent

    note = tmp_path / "chat.txt"
    note.write_text("聊天记录", "utf-8")
    other = tmp_path / "other.txt"
    other.write_text("另一份", "utf-8")
    list(add_files(ctx.library, "202611-001", [note, other]))
    with ctx.library.edit("202611-001") as writer:
        writer.add_event(
            TimelineEvent(at=datetime.now().astimezone(), kind=EventKind.CHAT, summary="联系客服", evidence=[2])
        )
    window.cases.select("202611-001")
    window.workspace.set_case("202611-001")
    timeline = window.workspace.timeline
    timeline.list.itemActivated.emit(timeline.list.item(0))
    assert window.workspace.currentWidget() is window.workspace.evidence
    assert window.workspace.evidence.selected_exhibit().number == 2


def test_the_app_has_its_own_icon_sharp_at_high_dpi(qapp):
    from casefile.ui.app import make_application

    app = make_application()
    for size in (16, 32, 256):  # drawn from the SVG at every size, not scaled from a bitmap
        pixmap = app.windowIcon().pixmap(size)
        assert (pixmap.width(), pixmap.height()) == (size, size)
    image = app.windowIcon().pixmap(256).toImage()
    assert image.pixelColor(128, 200).blue() > 150  # the blue folder, not an empty icon


def test_the_shipped_cjk_font_is_the_app_font(qapp):
    from casefile.ui.app import make_application

    from PySide6.QtGui import QFontDatabase

    app = make_application()
    assert "WenQuanYi Micro Hei" in QFontDatabase.families()
    assert app.font().family() == "WenQuanYi Micro Hei"


def test_a_change_to_one_case_reads_that_case_s_row_not_the_whole_list(window, ctx, monkeypatch):
    """A save, a file added, a stage moved: the list reads the one case again (on a library of 10,000
    cases, reading and placing the whole list took a second on the window's thread)."""
    from casefile.core.library import Library

    read: list[str] = []
    for name in ("list_cases", "next_deadlines", "case_row"):
        real = getattr(Library, name, None)
        if real is None:
            continue
        monkeypatch.setattr(Library, name, lambda self, *a, _r=real, _n=name, **k: read.append(_n) or _r(self, *a, **k))
    window.cases.select("202611-001")
    overview = window.workspace.overview
    overview.title.setText("手机屏幕碎裂（已检测）")
    assert overview.save()
    assert read == ["case_row"]
    assert window.cases.title_of("202611-001") == "手机屏幕碎裂（已检测）"
    assert window.cases.current_number() == "202611-001" and window.workspace.number == "202611-001"


def test_the_whole_list_is_read_again_off_the_window_s_thread_and_a_change_meanwhile_is_not_undone(
    window, ctx, qtbot, monkeypatch
):
    """A case registered, an archive imported, the library switched: the list is read on a thread of its
    own (10,000 cases took a third of a second on the window's thread). A case changed while the list is
    read shows as changed, not as the list read before the change had it."""
    import threading

    from casefile.core.library import Library

    window.cases.select("202611-001")
    ctx.reads.synchronous = False
    read_on: list[threading.Thread] = []
    snapshot_taken, go_on = threading.Event(), threading.Event()
    real = Library.list_cases

    def list_cases(self, search=""):
        cases = real(self, search)  # the list as it is before the change below
        read_on.append(threading.current_thread())
        snapshot_taken.set()
        assert go_on.wait(30)
        return cases

    monkeypatch.setattr(Library, "list_cases", list_cases)
    with qtbot.waitSignal(window.cases.reloaded, timeout=30_000):
        ctx.events.cases_changed.emit()
        assert snapshot_taken.wait(30)
        with ctx.library.edit("202611-002") as writer:
            writer.update(dataclasses.replace(writer.case, title="快递外箱压坏（已理赔）"))
        window.cases.update_case("202611-002")  # as a change reported meanwhile updates its row
        go_on.set()
    assert read_on and threading.main_thread() not in read_on
    assert window.cases.title_of("202611-002") == "快递外箱压坏（已理赔）"
    assert window.cases.current_number() == "202611-001" == window.workspace.number


def test_the_case_open_stays_listed_and_open_when_a_change_takes_it_out_of_the_filters(window, ctx):
    """Working down the cases of one stage, a case moved on to the next stage stays in the list (in
    italics, saying why) and open; it leaves the list when the filters change (the case stays open, as for
    any filter that hides it)."""
    from PySide6.QtCore import Qt

    pane = window.cases
    pane.stage.setCurrentIndex(pane.stage.findData("registration"))
    assert pane.model.matching == 2
    pane.select("202611-001")
    overview = window.workspace.overview
    overview.stage_combo.setCurrentIndex(overview.stage_combo.findData("negotiation"))
    overview.stage_note.setText("提出退款方案")
    overview.change_stage()
    assert ctx.library.load_case("202611-001").stage.value == "negotiation"
    assert window.workspace.number == "202611-001" and pane.current_number() == "202611-001"
    row = pane.model.row_of("202611-001")
    assert row >= 0 and pane.model.matching == 2
    index = pane.model.index(row, 0)
    assert pane.model.data(index, Qt.ItemDataRole.FontRole).italic()
    assert pane.model.data(index, Qt.ItemDataRole.ToolTipRole)
    other = pane.model.index(pane.model.row_of("202611-002"), 0)
    assert pane.model.data(other, Qt.ItemDataRole.FontRole) is None  # a case the filters take: as it was
    overview.title.setText("手机屏幕碎裂（已协商）")
    assert overview.save()  # a second change: still there
    assert pane.model.row_of("202611-001") >= 0 and window.workspace.number == "202611-001"
    pane.priority.setCurrentIndex(pane.priority.findData("normal"))  # the filters change: it leaves
    assert pane.model.row_of("202611-001") == -1 and pane.model.matching == 1
    assert window.workspace.number == "202611-001"


def test_windows_open_within_the_screen(window, tmp_path):
    """On a screen smaller than the size a window is made for (a 1024 × 700 office screen), it opens at the
    size the screen holds: its buttons (保存, 下一步, 关闭) stay within reach."""
    from casefile.ui.pdf_viewer import PdfViewer
    from casefile.ui.screen import FRAME

    room = window.screen().availableGeometry()
    assert room.width() < 1280 or room.height() < 780  # the offscreen screen: smaller than the window's size
    assert window.width() <= room.width() - FRAME[0] and window.height() <= room.height() - FRAME[1]
    pdf = tmp_path / "packet.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    viewer = PdfViewer(pdf, window)
    try:
        assert viewer.height() <= room.height() - FRAME[1]
    finally:
        viewer.deleteLater()


def test_the_time_left_column_holds_a_limitation_period_years_off(ctx, qtbot):
    """On a new library (no rows to size it by) the time-left column still shows "1096 days left" whole: a
    limitation period three years off read "剩余 1096…"."""
    from datetime import UTC, datetime, timedelta

    from casefile.ui.main_window import MainWindow
    from casefile.ui.models import CaseListModel, time_left

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    table = window.cases.table
    now = datetime.now(UTC)
    text = time_left(now + timedelta(days=1096), now)
    assert table.columnWidth(CaseListModel.LEFT) >= table.fontMetrics().horizontalAdvance(text) + 8
