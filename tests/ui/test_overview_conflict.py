"""The 概况 tab saves what was typed against the record it was filled from: what another window, process or
person saved meanwhile stays, and the same field changed both ways is a conflict shown to the user, never
overwritten."""

from __future__ import annotations

import dataclasses

import pytest
from qt_testing import count_reads_by_thread

from casefile.core.library import Library

NUMBER = "202611-001"


@pytest.fixture
def other(ctx):
    """Another writer on the same library folder: another process, or a colleague's CaseFile."""
    library = Library.open(ctx.library.root, "李四")
    yield library
    library.close()


def _meanwhile(other: Library, **changes: object) -> None:
    with other.edit(NUMBER) as writer:
        writer.update(dataclasses.replace(writer.case, **changes))


def _log(ctx) -> bytes:
    return (ctx.library.folder(NUMBER).path / "CUSTODY.jsonl").read_bytes()


def test_a_field_saved_meanwhile_by_another_writer_is_kept(window, ctx, other, qtbot):
    from PySide6.QtCore import Qt

    window.cases.select(NUMBER)
    overview = window.workspace.overview
    overview.title.setText("手机屏幕碎裂（已核实）")
    _meanwhile(other, facts="李四补充：11月18日签收时外箱完好。")
    qtbot.mouseClick(overview.save_button, Qt.MouseButton.LeftButton)
    assert overview.error.text() == "" and overview.conflict_box is None
    stored = ctx.library.load_case(NUMBER)
    assert stored.title == "手机屏幕碎裂（已核实）"
    assert stored.facts == "李四补充：11月18日签收时外箱完好。"  # not put back to the form's empty facts
    assert overview.facts.toPlainText() == stored.facts  # the form shows the record saved


def test_the_same_field_changed_both_ways_is_a_conflict_and_nothing_is_overwritten(window, ctx, other, qtbot):
    from PySide6.QtCore import Qt

    window.cases.select(NUMBER)
    overview = window.workspace.overview
    overview.title.setText("张三改的标题")
    overview.c_phone.setText("13900139000")  # a field only this form changed
    overview.facts.setPlainText("张三写的事实")
    _meanwhile(other, title="李四改的标题", facts="李四写的事实")
    before = _log(ctx)
    failed = []
    overview.save_failed.connect(lambda number, text: failed.append(text))
    qtbot.mouseClick(overview.save_button, Qt.MouseButton.LeftButton)

    box = overview.conflict_box
    assert box is not None and box.isVisible()
    text = box.text()
    assert "李四" in text and "Case — Title" in text and "Case — Facts" in text and "reload the case" in text
    assert failed == [text] and overview.error.text() == text
    assert _log(ctx) == before  # nothing written, not even the phone
    stored = ctx.library.load_case(NUMBER)
    assert (stored.title, stored.facts, stored.complainant.phone) == ("李四改的标题", "李四写的事实", "")
    assert overview.title.text() == "张三改的标题"  # the form still holds what was typed

    reload = next(b for b in box.buttons() if box.buttonRole(b) == box.ButtonRole.AcceptRole)
    qtbot.mouseClick(reload, Qt.MouseButton.LeftButton)
    assert overview.title.text() == "李四改的标题" and overview.facts.toPlainText() == "李四写的事实"
    assert overview.c_phone.text() == "13900139000" and overview.unsaved()  # the other edit stays, unsaved
    titles = [window.cases.model.index(row, 1).data() for row in range(window.cases.model.rowCount())]
    assert "李四改的标题" in titles  # the case list shows the record now
    overview.title.setText("张三与李四商定的标题")
    overview.save()
    stored = ctx.library.load_case(NUMBER)
    assert (stored.title, stored.facts, stored.complainant.phone) == (
        "张三与李四商定的标题",
        "李四写的事实",
        "13900139000",
    )
    assert not overview.unsaved()


def test_a_change_made_in_another_window_of_the_app_is_not_undone_by_a_form_filled_before(window, ctx, qtbot):
    """The same app's other window tells the overview the case changed: the record underneath is new, the
    form keeps what was typed; a field typed over the other window's change is a conflict too."""
    window.cases.select(NUMBER)
    overview = window.workspace.overview
    overview.title.setText("本窗口的标题")
    with ctx.library.edit(NUMBER) as writer:
        writer.update(dataclasses.replace(writer.case, title="另一窗口的标题"))
    ctx.events.case_changed.emit(NUMBER)
    assert overview.title.text() == "本窗口的标题"
    before = _log(ctx)
    overview.save()
    assert overview.conflict_box is not None and "测试员" in overview.conflict_box.text()
    assert _log(ctx) == before and ctx.library.load_case(NUMBER).title == "另一窗口的标题"


@pytest.fixture
def chinese(qapp, tmp_path):
    """The app in Chinese, with this checkout's catalogue compiled for the test on top of the installed one
    (which an editable install may take from another checkout)."""
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    from casefile.ui.i18n import install

    from PySide6.QtCore import QTranslator

    install(qapp, "zh_CN")
    tool = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent)) or shutil.which("lrelease")
    assert tool is not None
    source = Path(__file__).resolve().parents[2] / "i18n" / "casefile_zh_CN.ts"
    compiled = tmp_path / "casefile_zh_CN.qm"
    subprocess.run([tool, "-silent", str(source), "-qm", str(compiled)], check=True)
    ours = QTranslator(qapp)
    assert ours.load(str(compiled))
    qapp.installTranslator(ours)
    yield
    qapp.removeTranslator(ours)


def test_the_conflict_is_said_in_chinese(chinese, window, ctx, other, qtbot):
    window.cases.select(NUMBER)
    overview = window.workspace.overview
    overview.c_phone.setText("13900139000")
    complainant = dataclasses.replace(ctx.library.load_case(NUMBER).complainant, phone="13700137000")
    _meanwhile(other, complainant=complainant)
    overview.save()
    box = overview.conflict_box
    assert box is not None
    assert box.text().startswith(f"本案（{NUMBER}）在您打开后已被 李四 于 ")
    assert "修改：投诉人电话；" in box.text() and box.text().endswith("请重新载入后再改")
    assert box.windowTitle() == "已被他人修改"
    assert sorted(b.text() for b in box.buttons()) == sorted(["重新载入本案", "暂不载入"])


def test_an_exhibit_title_typed_over_a_title_saved_meanwhile_is_a_conflict(window, ctx, other, monkeypatch, tmp_path):
    """The evidence table writes one field at a time, from the exhibit it shows: another field saved meanwhile
    stays; the same field saved meanwhile is a conflict, shown, and the table shows the record again."""
    from PIL import Image

    from casefile.core.errors import ConflictError
    from casefile.core.evidence import add_files
    from casefile.ui.evidence import tab as evidence_tab
    from casefile.ui.models import EvidenceModel

    photo = tmp_path / "破损照片.jpg"
    Image.new("RGB", (64, 48), (200, 40, 40)).save(photo, quality=90)
    list(add_files(ctx.library, NUMBER, [photo]))
    window.cases.select(NUMBER)
    tab = window.workspace.evidence
    tab.set_case(NUMBER)
    errors: list[BaseException] = []
    monkeypatch.setattr(evidence_tab, "show_error", lambda parent, error: errors.append(error))
    with other.edit(NUMBER) as writer:
        writer.update_exhibit(1, source="顾客微信", title="李四起的名字")
    before = _log(ctx)
    tab.model.setData(tab.model.index(0, EvidenceModel.PURPOSE), "证明收货时屏幕已碎")
    stored = ctx.library.load_case(NUMBER).exhibit(1)
    assert (stored.purpose, stored.source, stored.title) == ("证明收货时屏幕已碎", "顾客微信", "李四起的名字")
    assert errors == []
    tab.model.exhibits[0].title = "破损照片"  # the table as it was before it read the case again
    tab.model.setData(tab.model.index(0, EvidenceModel.TITLE), "张三起的名字")
    assert len(errors) == 1 and isinstance(errors[0], ConflictError) and "李四" in str(errors[0])
    assert ctx.library.load_case(NUMBER).exhibit(1).title == "李四起的名字"
    assert len(_log(ctx)) > len(before)  # the purpose only
    assert tab.model.index(0, EvidenceModel.TITLE).data() == "李四起的名字"  # the record, shown again


def _fields(dialog) -> dict[str, object]:
    """A handling dialog's fields by their label."""
    layout = dialog.form
    rows = [
        (layout.itemAt(r, layout.ItemRole.LabelRole), layout.itemAt(r, layout.ItemRole.FieldRole))
        for r in range(layout.rowCount())
    ]
    return {label.widget().text(): field.widget() for label, field in rows if label is not None and field is not None}


def test_a_proceeding_updated_from_the_dialog_keeps_what_was_saved_meanwhile(window, ctx, other):
    """The proceeding dialog shows every field and used to send them all back: a number saved meanwhile by
    someone else was put back. Now only what was typed is saved; the same field both ways is refused."""
    from datetime import datetime, timedelta, timezone

    from casefile.core.workflow import handling
    from casefile.core.workflow.records import Proceeding, Venue

    from PySide6.QtWidgets import QDialog

    filed = datetime(2026, 11, 23, 10, 0, tzinfo=timezone(timedelta(hours=8)))
    with ctx.library.edit(NUMBER) as writer:
        handling.open_proceeding(writer, Proceeding(venue=Venue.REGULATOR, body="徐汇区市场监督管理局", filed_at=filed))
    window.cases.select(NUMBER)
    tab = window.workspace.handling
    tab.select("proceeding", 0)
    dialog = tab.update_selected()
    with other.edit(NUMBER) as writer:
        handling.update_proceeding(writer, 1, ref="12315-0001")
    _fields(dialog)["Body"].setText("上海市徐汇区市场监督管理局")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    (stored,) = ctx.library.load_case(NUMBER).workflow.proceedings
    assert (stored.body, stored.ref) == ("上海市徐汇区市场监督管理局", "12315-0001")

    tab.select("proceeding", 0)
    dialog = tab.update_selected()
    with other.edit(NUMBER) as writer:
        handling.update_proceeding(writer, 1, body="徐汇区市场监管局（李四）")
    before = _log(ctx)
    _fields(dialog)["Body"].setText("徐汇区市场监管局（张三）")
    dialog.accept()
    assert dialog.isVisible() and "李四" in dialog.error.text() and "proceeding 1: the body" in dialog.error.text()
    assert _log(ctx) == before
    assert ctx.library.load_case(NUMBER).workflow.proceedings[0].body == "徐汇区市场监管局（李四）"
    dialog.reject()


def _conflict(window, other, qtbot):
    """The title and the phone typed in the form, the title saved meanwhile by 李四: a conflict; its reload
    button."""
    from PySide6.QtCore import Qt

    window.cases.select(NUMBER)
    overview = window.workspace.overview
    overview.title.setText("张三改的标题")
    overview.c_phone.setText("13900139000")
    _meanwhile(other, title="李四改的标题")
    qtbot.mouseClick(overview.save_button, Qt.MouseButton.LeftButton)
    box = overview.conflict_box
    assert box is not None
    return next(b for b in box.buttons() if box.buttonRole(b) == box.ButtonRole.AcceptRole)


def test_the_case_reloaded_after_a_conflict_is_read_off_the_gui_thread(
    window, ctx, other, qtbot, monkeypatch, reads_apart
):
    from PySide6.QtCore import Qt

    reload = _conflict(window, other, qtbot)
    overview = window.workspace.overview
    on_gui, apart = count_reads_by_thread(monkeypatch)
    qtbot.mouseClick(reload, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: overview.title.text() == "李四改的标题" and window.workspace._reading is None)
    assert on_gui == []  # was [NUMBER]: the window frozen while a case of thousands of exhibits was read
    assert apart == [NUMBER, NUMBER]  # for the form; then for every tab and the case list
    assert overview.c_phone.text() == "13900139000" and overview.unsaved()
    assert "Reloaded" in overview.error.text()
    assert overview.base is not None and overview.base.title == "李四改的标题"  # saved against the record now
    overview.save()
    stored = ctx.library.load_case(NUMBER)
    assert (stored.title, stored.complainant.phone) == ("李四改的标题", "13900139000")


def test_what_is_typed_while_the_case_is_reloaded_is_kept(window, ctx, other, qtbot, monkeypatch, reads_apart):
    import threading

    from PySide6.QtCore import Qt

    reload = _conflict(window, other, qtbot)
    overview = window.workspace.overview
    go_on = threading.Event()
    _on_gui, apart = count_reads_by_thread(monkeypatch, before=lambda: go_on.wait(30))
    qtbot.mouseClick(reload, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: apart == [NUMBER])  # being read, held back
    overview.c_address.setText("北京市朝阳区建国路88号")  # typed meanwhile
    go_on.set()
    qtbot.waitUntil(lambda: overview.reloading == 0 and overview.title.text() == "李四改的标题")
    assert overview.c_phone.text() == "13900139000" and overview.c_address.text() == "北京市朝阳区建国路88号"


def test_a_case_opened_while_one_is_reloaded_is_not_shown_over(window, ctx, other, qtbot, monkeypatch, reads_apart):
    import threading

    from PySide6.QtCore import Qt

    reload = _conflict(window, other, qtbot)
    overview = window.workspace.overview
    overview.revert()  # the edits given up: the other case opens without asking to save them
    go_on = threading.Event()
    _on_gui, apart = count_reads_by_thread(monkeypatch, before=lambda: go_on.wait(30))
    qtbot.mouseClick(reload, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: apart == [NUMBER])  # being read, held back
    window.open_case("202611-002")
    go_on.set()
    qtbot.waitUntil(lambda: overview.reloading == 0)
    assert overview.number == "202611-002" and overview.case is not None and overview.case.number == "202611-002"
    assert overview.title.text() == "快递外箱压坏" and not overview.unsaved()
    assert "Reloaded" not in overview.error.text()
