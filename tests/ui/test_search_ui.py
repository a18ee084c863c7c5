"""Search in the app, through the real window over a real library with ingested files: the global
search box (Ctrl+Shift+F), the search of one case in its evidence tab, and a hit opening the case
at the exhibit, the PDF page or the case detail it was found in."""

from __future__ import annotations

from pathlib import Path

import pytest
from casefile_testing import make_case
from PIL import Image

from casefile.core.evidence import add_files
from casefile.core.model import Party, PartyKind, case_from_data, case_to_data
from casefile.core.search.query import refresh_file
from casefile.core.search.texts import DerivedText, PageText, TextBox, TextStore
from casefile.ui.main_window import MainWindow
from casefile.ui.search.panel import SearchPanel
from casefile.ui.search.results import HIT_ROLE, HTML_ROLE

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QInputMethodEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

CHAT = """2026-11-18 14:30:12 张三
你好，手机屏幕碎了，申请退款 <b>加急</b><img src="x">
2026-11-18 14:31:40 客服小美
亲，请提供开箱视频
"""


def pdf(path: Path, pages: list[str]) -> Path:
    from reportlab.pdfgen import canvas

    from casefile.core.bundle.pdfkit import SANS, register_fonts

    register_fonts()
    sheet = canvas.Canvas(str(path))
    for text in pages:
        sheet.setFont(SANS, 14)
        sheet.drawString(72, 720, text)
        sheet.showPage()
    sheet.save()
    return path


def ingest(library, number: str, *paths: Path) -> list[int]:
    results = [r for r in add_files(library, number, list(paths)) if hasattr(r, "exhibit")]
    assert all(r.exhibit is not None for r in results), results
    return [r.exhibit.number for r in results]


@pytest.fixture
def library_with_evidence(ctx, tmp_path):
    """Case A: a chat export, a three-page contract (退款 on page 3 only) and a screenshot whose OCR
    text is stored; case B: a customer's mobile number in its details."""
    library = ctx.library
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    (incoming / "聊天记录.txt").write_text(CHAT, encoding="utf-8")
    pdf(incoming / "购买合同.pdf", ["购买合同 第一页", "质保条款 第二页", "退款条款：七日内全额退款"])
    Image.new("RGB", (64, 48), (255, 255, 255)).save(incoming / "订单截图.png")
    a = make_case(library, title="手机屏幕碎裂")
    chat, contract, shot = ingest(
        library, a.number, incoming / "聊天记录.txt", incoming / "购买合同.pdf", incoming / "订单截图.png"
    )
    sha256 = library.load_case(a.number).exhibit(shot).sha256
    TextStore(library.root).put(
        DerivedText(
            sha256,
            "ocr",
            "rapidocr 3.10",
            (
                PageText(
                    1,
                    "退款类型：仅退款\n订单号 TB99887766",
                    (TextBox(2, 3, 60, 14, "退款类型：仅退款"), TextBox(2, 20, 62, 30, "订单号 TB99887766")),
                ),
            ),
        )
    )
    refresh_file(library, sha256)
    b = make_case(library, title="快递外箱压坏")
    with library.edit(b.number) as writer:
        changed = case_from_data(case_to_data(writer.case))
        changed.complainant = Party(PartyKind.PERSON, name="李四", phone="13812345678")
        writer.update(changed)
    return {"a": a.number, "b": b.number, "chat": chat, "contract": contract, "shot": shot}


@pytest.fixture
def chinese(qapp, tmp_path, monkeypatch):
    """The app in Chinese from this checkout's catalogue (the installed package may map its translations
    to another checkout's)."""
    import subprocess

    from casefile.ui import i18n
    from tools.i18n import tool

    built = tmp_path / "casefile_zh_CN.qm"
    source = Path(__file__).resolve().parents[2] / "i18n" / "casefile_zh_CN.ts"
    subprocess.run([tool("lrelease"), "-silent", str(source), "-qm", str(built)], check=True)
    monkeypatch.setattr(i18n, "catalogue", lambda language: built if language == "zh_CN" else None)
    i18n.install(qapp, "zh_CN")


@pytest.fixture
def win(ctx, qtbot, library_with_evidence):
    window = MainWindow(ctx)
    qtbot.addWidget(window, before_close_func=lambda w: w.workspace.overview.revert())
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def hits_of(panel: SearchPanel) -> list:
    return [panel.model.index(row, 0).data(HIT_ROLE) for row in range(panel.model.rowCount())]


def type_into(qtbot, edit, text: str) -> None:
    """Type ``text`` as a user does: Latin letters and digits key by key, Chinese as an input method
    commits it (one character at a time)."""
    for char in text:
        if char.isascii():
            qtbot.keyClick(edit, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(edit, event)


def type_query(qtbot, panel: SearchPanel, text: str) -> None:
    """Type ``text`` into the box as a user would and wait for its answer (after the pause in typing)."""
    panel.box.clear()
    panel.box.setFocus()
    with qtbot.waitSignal(panel.searched, timeout=5000):
        type_into(qtbot, panel.box, text)
    qtbot.waitUntil(lambda: not panel.busy)
    assert panel.shown is not None and panel.shown.text == text


def click_hit(qtbot, panel: SearchPanel, row: int) -> None:
    index = panel.model.index(row, 0)
    panel.list.scrollTo(index)
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=panel.list.visualRect(index).center())


def test_two_chinese_characters_find_the_chat_the_pdf_page_and_the_screenshot(qtbot, win, library_with_evidence):
    f = library_with_evidence
    QTest.keySequence(win, QKeySequence("Ctrl+Shift+F"))
    assert win.left.currentWidget() is win.search and win.search.box.hasFocus()
    type_query(qtbot, win.search, "退款")
    found = {(h.case_number, h.exhibit, h.kind, h.page) for h in hits_of(win.search)}
    assert found == {
        (f["a"], f["chat"], "chat", None),
        (f["a"], f["contract"], "pdf-text", 3),
        (f["a"], f["shot"], "ocr", None),
    }
    assert win.search.list.isVisible() and not win.search.message.isVisible()
    assert win.search.count.text() == "3 hits, best first"
    first = win.search.model.index(0, 0)
    shown = str(first.data(Qt.ItemDataRole.DisplayRole))
    assert f["a"] in shown and "手机屏幕碎裂" in shown  # the case is named beside its number
    scores = [h.score for h in hits_of(win.search)]
    assert scores == sorted(scores)  # best first (bm25: lower is better)


def test_evidence_text_is_escaped_and_only_the_hit_is_highlighted(qtbot, win, library_with_evidence):
    type_query(qtbot, win.search, "退款")
    (row,) = [r for r, h in enumerate(hits_of(win.search)) if h.kind == "chat"]
    markup = str(win.search.model.index(row, 0).data(HTML_ROLE))
    assert "&lt;img src=&quot;x&quot;&gt;" in markup and "<img" not in markup
    assert "&lt;b&gt;加急&lt;/b&gt;" in markup
    assert markup.count("background-color") == 1 and ">退款</span>" in markup
    grabbed = win.search.list.viewport().grab()  # the delegate draws it without complaint
    assert not grabbed.isNull()


def test_a_phones_last_four_digits_find_the_case_and_open_its_complainant(qtbot, win, library_with_evidence):
    f = library_with_evidence
    win.focus_search_all()
    answers = []
    win.search.searched.connect(lambda: answers.append(win.search.shown.text))
    type_query(qtbot, win.search, "5678")
    assert answers == ["5678"]  # typed key by key, searched once, after the pause in typing
    (hit,) = hits_of(win.search)
    assert (hit.case_number, hit.exhibit, hit.kind, hit.field) == (f["b"], None, "case-field", "complainant")
    assert "Case details: Complainant" in str(win.search.model.index(0, 0).data())
    click_hit(qtbot, win.search, 0)
    assert win.workspace.number == f["b"]
    assert win.cases.current_number() == f["b"]
    assert win.workspace.currentWidget() is win.workspace.overview
    assert win.workspace.overview.editor_for("complainant.name").hasFocus()


def test_clicking_a_pdf_hit_opens_the_exhibit_at_its_page(qtbot, win, library_with_evidence):
    f = library_with_evidence
    win.cases.select(f["b"])  # another case is open
    win.focus_search_all()
    type_query(qtbot, win.search, "退款条款")
    (hit,) = hits_of(win.search)
    assert (hit.exhibit, hit.page) == (f["contract"], 3)
    click_hit(qtbot, win.search, 0)
    evidence = win.workspace.evidence
    assert win.workspace.number == f["a"] and win.workspace.currentWidget() is evidence
    assert evidence.selected_exhibit().number == f["contract"]
    qtbot.waitUntil(lambda: evidence.preview.current_page() == 3)
    assert win.left.currentWidget() is win.search  # the hits stay beside the case for the next one


def test_enter_on_a_hit_opens_the_screenshot_in_the_preview(qtbot, win, library_with_evidence):
    f = library_with_evidence
    win.focus_search_all()
    type_query(qtbot, win.search, "仅退款")
    (hit,) = hits_of(win.search)
    assert hit.kind == "ocr"
    qtbot.keyClick(win.search.box, Qt.Key.Key_Down)  # from the box down into the hits
    assert win.search.list.hasFocus() and win.search.list.currentIndex().row() == 0
    qtbot.keyClick(win.search.list, Qt.Key.Key_Return)
    evidence = win.workspace.evidence
    assert win.workspace.currentWidget() is evidence
    assert evidence.selected_exhibit().number == f["shot"]
    assert evidence.preview.currentWidget() is evidence.preview.image_page
    assert evidence.preview.marks == [QRectF(2, 3, 58, 11)]  # where OCR read the words, outlined


def test_a_chat_hit_shows_the_text_at_the_hit(qtbot, win, library_with_evidence):
    f = library_with_evidence
    win.focus_search_all()
    win.search.kind.setCurrentIndex(win.search.kind.findData("chat"))
    type_query(qtbot, win.search, "退款")
    (hit,) = hits_of(win.search)
    click_hit(qtbot, win.search, 0)
    preview = win.workspace.evidence.preview
    assert win.workspace.evidence.selected_exhibit().number == f["chat"] == hit.exhibit
    assert preview.currentWidget() is preview.preview_text
    assert preview.preview_text.textCursor().selectedText() == "退款"


def test_nothing_found_says_so_and_a_filter_can_be_why(qtbot, win, library_with_evidence):
    win.focus_search_all()
    type_query(qtbot, win.search, "发票")
    assert not win.search.list.isVisible() and win.search.message.isVisible()
    assert win.search.message.text() == "Nothing found for “发票”."
    win.search.kind.setCurrentIndex(win.search.kind.findData("email"))
    qtbot.waitUntil(lambda: not win.search.busy)
    type_query(qtbot, win.search, "退款")
    assert win.search.message.text() == "Nothing found for “退款” with these filters."
    win.search.kind.setCurrentIndex(0)  # all kinds again: searched at once
    qtbot.waitUntil(lambda: win.search.model.rowCount() == 3)
    win.search.box.clear()
    qtbot.waitUntil(lambda: not win.search.busy)
    assert win.search.model.rowCount() == 0 and "Type a word" in win.search.message.text()


def test_the_dates_keep_to_evidence_of_those_days(qtbot, win, library_with_evidence):
    from PySide6.QtCore import QDate

    win.focus_search_all()
    panel = win.search
    panel.dates.setCurrentIndex(panel.dates.findData("between"))
    assert panel.date_from.isVisible() and panel.date_to.isVisible()
    panel.date_from.setDate(QDate(2020, 1, 1))
    panel.date_to.setDate(QDate(2020, 12, 31))
    type_query(qtbot, panel, "5678")
    assert panel.model.rowCount() == 0 and "with these filters" in panel.message.text()
    panel.date_to.setDate(QDate(2030, 12, 31))  # the complaint was made in 2026
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)


def test_a_damaged_search_table_gives_a_clear_message(qtbot, win, ctx, library_with_evidence):
    with ctx.library.search_index.writing() as connection:
        connection.execute("DROP TABLE docs")
    win.focus_search_all()
    type_query(qtbot, win.search, "退款")
    assert win.search.message.isVisible() and not win.search.list.isVisible()
    said = win.search.message.text()
    assert said.startswith("The search could not be done: ") and "search.sqlite" in said  # the core's words
    assert win.search.model.rowCount() == 0
    ctx.library.close()  # derived data: the tables thrown away are built afresh by the next search
    for path in (ctx.library.root / ".derived").glob("search.sqlite*"):
        path.unlink()
    type_query(qtbot, win.search, "退款")
    assert win.search.model.rowCount() == 3 and not win.search.message.isVisible()


def test_a_newer_query_replaces_one_still_running_off_the_gui_thread(qtbot, win, ctx, library_with_evidence):
    """Searches run on the reads pool's threads; what the list shows is always the box's query."""
    ctx.reads.synchronous = False
    panel = win.search
    win.focus_search_all()
    type_into(qtbot, panel.box, "退款")
    panel.run()  # as a pause in the typing would
    panel.box.setText("5678")  # typed on before the answer came
    panel.run()
    qtbot.waitUntil(lambda: not panel.busy, timeout=10_000)
    assert panel.shown is not None and panel.shown.text == "5678"
    assert [h.field for h in hits_of(panel)] == ["complainant"]


def test_the_case_list_filter_still_filters_and_offers_a_search_of_all_evidence(qtbot, win, library_with_evidence):
    f = library_with_evidence
    QTest.keySequence(win, QKeySequence("Ctrl+F"))
    assert win.left.currentWidget() is win.cases and win.cases.search.hasFocus()
    type_into(qtbot, win.cases.search, "快递")
    assert win.cases.model.rowCount() == 1 and win.cases.current_number() in ("", f["b"])
    assert win.cases.search_everywhere.isVisible()
    assert "快递" in win.cases.search_everywhere.text()
    win.cases.search.setText("退款")
    assert win.cases.model.rowCount() == 0  # no case has it in its number, names or order
    with qtbot.waitSignal(win.search.searched):
        qtbot.mouseClick(win.cases.search_everywhere, Qt.MouseButton.LeftButton)
    assert win.left.currentWidget() is win.search and win.search.box.text() == "退款"
    assert win.search.model.rowCount() == 3


def test_the_search_of_one_case_in_its_evidence_tab(qtbot, win, library_with_evidence):
    f = library_with_evidence
    win.cases.select(f["a"])
    win.workspace.setCurrentWidget(win.workspace.evidence)
    evidence = win.workspace.evidence
    evidence.act_search.trigger()
    panel = evidence.search
    assert evidence.views.currentWidget() is panel and panel.box.hasFocus()
    type_query(qtbot, panel, "退款")
    assert {h.case_number for h in hits_of(panel)} == {f["a"]}
    assert f["a"] not in str(panel.model.index(0, 0).data())  # the case is not repeated in its own search
    (row,) = [r for r, h in enumerate(hits_of(panel)) if h.page == 3]
    click_hit(qtbot, panel, row)
    assert evidence.selected_exhibit().number == f["contract"]
    qtbot.waitUntil(lambda: evidence.preview.current_page() == 3)
    assert evidence.views.currentWidget() is panel  # the hits stay, the preview beside them
    win.cases.select(f["b"])  # another case: its own search
    qtbot.waitUntil(lambda: not panel.busy)
    assert panel.case == f["b"] and panel.model.rowCount() == 0
    type_query(qtbot, panel, "5678")
    click_hit(qtbot, panel, 0)  # a hit in the case's details: the overview at the field
    assert win.workspace.currentWidget() is win.workspace.overview
    win.workspace.setCurrentWidget(evidence)
    qtbot.keyClick(panel.box, Qt.Key.Key_Escape)  # Esc in the box: the search first loses its text
    panel.box.clear()
    qtbot.keyClick(panel.box, Qt.Key.Key_Escape)  # then closes
    assert evidence.views.currentWidget() is evidence.table and not evidence.act_search.isChecked()


def test_the_search_speaks_chinese(qtbot, win, chinese, library_with_evidence):
    qtbot.waitUntil(lambda: win.left.tabText(win.left.indexOf(win.search)) == "搜索全部证据")
    win.focus_search_all()
    type_query(qtbot, win.search, "退款条款")
    shown = str(win.search.model.index(0, 0).data())
    assert "第 3 页" in shown and "PDF 文字" in shown and "案卷编号" in shown
    assert win.search.count.text() == "共 1 条，按相关度排列"


def test_a_hit_in_another_case_waits_for_the_answer_about_unsaved_edits(qtbot, win, library_with_evidence):
    from test_unsaved_edits import answer

    f = library_with_evidence
    win.cases.select(f["b"])
    win.workspace.overview.title.setText("外箱压坏，要求赔偿")  # typed, not saved
    win.focus_search_all()
    type_query(qtbot, win.search, "退款条款")
    asked = answer("Don't save")
    click_hit(qtbot, win.search, 0)
    qtbot.waitUntil(lambda: win.workspace.number == f["a"])
    assert asked and f["b"] in asked[0]
    evidence = win.workspace.evidence
    assert win.workspace.currentWidget() is evidence and evidence.selected_exhibit().number == f["contract"]
    qtbot.waitUntil(lambda: evidence.preview.current_page() == 3)


def test_every_kind_of_text_and_every_case_detail_has_a_chinese_name(chinese):
    import re

    from casefile.core.search import CASE_FIELDS, KINDS
    from casefile.ui.labels import search_field_name, search_kind_name

    for values, name_of in ((KINDS, search_kind_name), (CASE_FIELDS, search_field_name)):
        names = {value: name_of(value) for value in values}
        assert all(re.search(r"[\u4e00-\u9fff]", name) for name in names.values()), names
        assert len(set(names.values())) == len(values)


def test_every_case_detail_searched_has_a_place_to_open(win):
    """A hit in a case detail opens the overview at the field's editor, or the tab that holds it."""
    from casefile.core.search import CASE_FIELDS
    from casefile.ui.workspace import SEARCHED_FIELDS

    overview = win.workspace.overview
    in_tabs = {"timeline", "notes", "proceedings", "handling"}
    assert set(SEARCHED_FIELDS) | in_tabs == set(CASE_FIELDS)
    assert all(overview.editor_for(path) is not None for path in SEARCHED_FIELDS.values())


def test_more_hits_are_fetched_on_request(qtbot, win, library_with_evidence, monkeypatch):
    from casefile.ui.search import panel as panel_module

    monkeypatch.setattr(panel_module, "PAGE", 2)
    win.focus_search_all()
    type_query(qtbot, win.search, "退款")
    assert win.search.model.rowCount() == 2 and win.search.more.isVisible()
    assert win.search.count.text() == "2 of 3 hits, best first"
    first = hits_of(win.search)
    with qtbot.waitSignal(win.search.searched):
        qtbot.mouseClick(win.search.more, Qt.MouseButton.LeftButton)
    assert hits_of(win.search)[:2] == first and win.search.model.rowCount() == 3
    assert not win.search.more.isVisible() and win.search.count.text() == "3 hits, best first"


def test_a_search_answered_lets_go_of_its_task(qtbot, win, library_with_evidence, monkeypatch):
    """The panel's slot held the task it was connected to: every search kept its task and all it held."""
    from qt_testing import tasks_kept

    kept = tasks_kept(monkeypatch)
    type_query(qtbot, win.search, "退款")
    assert hits_of(win.search) and win.search.task is None
    assert kept() == []


def test_search_tables_damaged_inside_are_rebuilt_and_the_user_told(qtbot, win, ctx, library_with_evidence):
    from core.test_search import damage_texts, set_aside

    from casefile.core.search.store import SEARCH_PATH

    ctx.library.close()
    damage_texts(ctx.library.root / SEARCH_PATH)
    win.focus_search_all()
    type_query(qtbot, win.search, "退款")
    assert win.search.model.rowCount() == 3 and not win.search.message.isVisible()
    said = win.search.count.text()
    assert "3 hits" in said and "the search tables were damaged" in said and set_aside(ctx.library.root)[0] in said
    assert ctx.library.search_notice is None  # said once


def test_ctrl_shift_f_from_the_case_list_filter_searches_what_was_typed_and_the_link_is_reached_by_tab(
    qtbot, win, library_with_evidence
):
    QTest.keySequence(win, QKeySequence("Ctrl+F"))
    type_into(qtbot, win.cases.search, "退款")
    assert "Ctrl+Shift+F" in win.cases.search_everywhere.text()
    # The link names Ctrl+Shift+F: it carries the text typed, as clicking the link does.
    with qtbot.waitSignal(win.search.searched):
        QTest.keySequence(win, QKeySequence("Ctrl+Shift+F"))
    assert win.left.currentWidget() is win.search and win.search.box.text() == "退款"
    assert win.search.box.hasFocus()
    assert win.search.model.rowCount() == 3
    # The link itself is the next stop after the search box, and Space follows it.
    win.left.setCurrentWidget(win.cases)
    win.cases.search.setFocus()
    win.cases.search.setText("快递")
    qtbot.keyClick(win.cases.search, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is win.cases.search_everywhere
    with qtbot.waitSignal(win.search.searched):
        qtbot.keyClick(win.cases.search_everywhere, Qt.Key.Key_Space)
    assert win.left.currentWidget() is win.search and win.search.box.text() == "快递"


def test_a_phone_number_held_before_a_correction_finds_the_case(qtbot, win, ctx, library_with_evidence):
    """The number on the receipt the customer holds (曾用) finds the case in the global search as in the case list."""
    f = library_with_evidence
    with ctx.library.edit(f["b"]) as writer:
        changed = case_from_data(case_to_data(writer.case))
        changed.complainant = Party(PartyKind.PERSON, name="李四", phone="13812340000")
        writer.update(changed)
    win.focus_search_all()
    type_query(qtbot, win.search, "13812345678")
    (hit,) = hits_of(win.search)
    assert (hit.case_number, hit.exhibit, hit.kind, hit.field) == (f["b"], None, "case-field", "earlier")
    assert "Case details: Earlier names and phone numbers (曾用)" in str(win.search.model.index(0, 0).data())
    click_hit(qtbot, win.search, 0)
    assert win.workspace.number == f["b"] and win.workspace.currentWidget() is win.workspace.overview
