"""Searching the texts of ingested evidence: chat exports, e-mail bodies, PDF text layers (read once,
kept in the TextStore), transcripts and OCR text; a damaged or encrypted PDF is added all the same."""

from __future__ import annotations

import base64
import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from casefile_testing import make_case

from casefile.core.disclosure import screening
from casefile.core.disclosure.screening import ScreeningStore
from casefile.core.evidence import add_files
from casefile.core.library import Library
from casefile.core.model import Case, Exhibit, Stage, Transcript, TranscriptLine
from casefile.core.search import indexing
from casefile.core.search.query import MARK_END, MARK_START, refresh_file, search
from casefile.core.search.store import Doc
from casefile.core.search.texts import DerivedText, PageText, TextStore

CHAT = """2026-11-18 14:30:12 张三
你好，手机屏幕碎了，申请退款
2026-11-18 14:31:40 客服小美
亲，请提供开箱视频，运单号SF1234567890123
"""


def add(library: Library, number: str, *paths: Path) -> list[int]:
    results = [r for r in add_files(library, number, list(paths)) if hasattr(r, "exhibit")]
    assert all(r.exhibit is not None for r in results), results
    return [r.exhibit.number for r in results]


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


def eml(path: Path) -> Path:
    body = base64.b64encode("您好：\n关于订单 TB20261118001 的退货，商家拒绝七天无理由。\n".encode("gb2312")).decode()
    path.write_bytes(
        (
            "From: =?UTF-8?B?" + base64.b64encode("张三".encode()).decode() + "?= <zhang@example.com>\r\n"
            "To: service@example.com\r\n"
            "Subject: =?GB2312?B?" + base64.b64encode("退货申请".encode("gb2312")).decode() + "?=\r\n"
            "Date: Wed, 18 Nov 2026 15:00:00 +0800\r\n"
            "MIME-Version: 1.0\r\n"
            'Content-Type: text/plain; charset="gb2312"\r\n'
            "Content-Transfer-Encoding: base64\r\n\r\n" + body + "\r\n"
        ).encode("ascii")
    )
    return path


@pytest.fixture
def case(library: Library) -> Case:
    return make_case(library, title="质量问题")


def test_a_chat_export_is_searched_and_its_hit_marked(library: Library, case: Case, tmp_path: Path) -> None:
    chat = tmp_path / "微信聊天记录.txt"
    chat.write_text(CHAT, "utf-8")
    (number,) = add(library, case.number, chat)
    result = search(library, "退款")
    (hit,) = result.hits
    assert (hit.case_number, hit.exhibit, hit.kind, hit.field, hit.page) == (
        case.number,
        number,
        "chat",
        "微信聊天记录.txt",
        None,
    )
    assert f"申请{MARK_START}退款{MARK_END}" in hit.marked()
    assert "\n" not in hit.snippet
    assert [h.exhibit for h in search(library, "5678901").hits] == []  # inside a number: not a word
    assert [h.exhibit for h in search(library, "0123").hits] == [number]  # the waybill's last four digits
    assert [h.exhibit for h in search(library, "sf123456").hits] == [number]
    assert search(library, "退款", kind="chat").total == 1
    assert search(library, "退款", kind="email").total == 0


def test_an_email_body_and_headers_are_searched_in_their_charset(library: Library, case: Case, tmp_path: Path) -> None:
    (number,) = add(library, case.number, eml(tmp_path / "退货.eml"))
    (hit,) = search(library, "无理由").hits
    assert (hit.exhibit, hit.kind) == (number, "email")
    assert hit.evidence_time == datetime(2026, 11, 18, 7, 0, tzinfo=UTC)
    assert [h.exhibit for h in search(library, "退货申请").hits] == [number]  # the subject
    assert [h.exhibit for h in search(library, "tb20261118001").hits] == [number]


def test_pdf_pages_are_searched_by_page_and_read_once(
    library: Library, case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = pdf(tmp_path / "检测报告.pdf", ["第一页 概述", "检测结论：屏幕存在质量缺陷", "第三页 附件"])
    (number,) = add(library, case.number, source)
    (hit,) = search(library, "缺陷").hits
    assert (hit.exhibit, hit.kind, hit.page) == (number, "pdf-text", 2)
    exhibit = library.load_case(case.number).exhibit(number)
    kept = ScreeningStore(library.root).get(exhibit.sha256)  # the screening for packets read it, once
    assert kept is not None and kept.texts is not None and sorted(kept.texts) == [1, 2, 3]
    screened: list[object] = []
    real = screening.screen_file

    def counted(*args: Any, **kwargs: Any) -> Any:
        screened.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(screening, "screen_file", counted)
    assert library.reindex() == 1
    assert [(h.exhibit, h.page) for h in search(library, "附件").hits] == [(number, 3)]
    assert screened == []  # not read again
    # A PDF added before screening was kept (no record) is screened once by the rebuild, and found.
    ScreeningStore(library.root).path(exhibit.sha256).unlink()
    assert library.reindex() == 1
    assert [(h.exhibit, h.page) for h in search(library, "附件").hits] == [(number, 3)]
    assert len(screened) == 1
    # The same when the tables are gone too: the first search rebuilds them, screening the PDF on the way.
    ScreeningStore(library.root).path(exhibit.sha256).unlink()
    with library.search_index.writing() as connection:
        library.search_index.mark_incomplete(connection)
    assert [(h.exhibit, h.page) for h in search(library, "附件").hits] == [(number, 3)]
    assert len(screened) == 2


def test_damaged_and_encrypted_pdfs_are_added_and_searched_without_text(
    library: Library, case: Case, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    plain = pdf(tmp_path / "plain.pdf", ["保密协议 正文"])
    locked = tmp_path / "加密.pdf"
    with pikepdf.open(plain) as document:
        document.save(locked, encryption=pikepdf.Encryption(user="secret", owner="owner"))
    broken = tmp_path / "损坏.pdf"
    broken.write_bytes(b"%PDF-1.7\n1 0 obj<<>>endobj\ngarbage that is not a PDF\n")
    with caplog.at_level(logging.INFO, logger="casefile.core.search.sources"):
        numbers = add(library, case.number, locked, broken)
    assert len(numbers) == 2
    assert search(library, "保密").total == 0
    logged = [r.getMessage() for r in caplog.records]
    assert any("加密.pdf is searched without its text" in m for m in logged), logged
    assert any("损坏.pdf is searched without its text" in m for m in logged), logged


def test_a_transcript_is_searched_and_a_withdrawn_exhibit_is_not(library: Library, case: Case, tmp_path: Path) -> None:
    recording = tmp_path / "通话录音.txt"
    recording.write_text("（录音文件的占位）", "utf-8")
    (number,) = add(library, case.number, recording)
    lines = [TranscriptLine("00:00:05", "商家", "我们同意三倍赔偿"), TranscriptLine("00:00:09", "张三", "好的")]
    with library.edit(case.number) as writer:
        writer.update_exhibit(number, transcript=Transcript(lines=lines))
    (hit,) = search(library, "三倍赔偿").hits
    assert (hit.exhibit, hit.kind) == (number, "transcript")
    assert hit.marked() == f"商家：我们同意{MARK_START}三倍赔偿{MARK_END} 张三：好的"
    with library.edit(case.number) as writer:
        writer.withdraw(number, "提交错误")
    assert search(library, "三倍").total == 0
    assert search(library, "占位").total == 0


def test_ocr_text_stored_later_is_searched_after_refresh_file(library: Library, tmp_path: Path) -> None:
    from PIL import Image

    shot = tmp_path / "淘宝订单截图.png"
    Image.new("RGB", (64, 48), (255, 255, 255)).save(shot)
    first = make_case(library, title="订单一")
    second = make_case(library, title="订单二")
    (a,) = add(library, first.number, shot)
    (b,) = add(library, second.number, shot)  # the same file in another case
    sha256 = library.load_case(first.number).exhibit(a).sha256
    assert search(library, "仅退款").total == 0
    TextStore(library.root).put(
        DerivedText(sha256, "ocr", "rapidocr 3.10", (PageText(1, "退款类型：仅退款\n订单号 TB99887766"),))
    )
    assert refresh_file(library, sha256) == 2
    found = {(h.case_number, h.exhibit, h.kind, h.page) for h in search(library, "仅退款").hits}
    assert found == {(first.number, a, "ocr", None), (second.number, b, "ocr", None)}
    assert refresh_file(library, "0" * 64) == 0


def test_a_change_reads_only_the_texts_it_touched(
    library: Library, case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "chats"
    folder.mkdir()
    for i in range(5):
        (folder / f"聊天{i}.txt").write_text(f"第{i}段聊天：商家拒绝退款\n", "utf-8")
    add(library, case.number, folder)
    read: list[int] = []
    real = indexing.exhibit_docs

    def counted(root: Path, case_folder: Path, exhibit: Exhibit) -> list[Doc]:
        read.append(exhibit.number)
        return real(root, case_folder, exhibit)

    monkeypatch.setattr(indexing, "exhibit_docs", counted)
    extra = tmp_path / "补充.txt"
    extra.write_text("补充说明：快递柜签收\n", "utf-8")
    (number,) = add(library, case.number, extra)
    assert read == [number]
    read.clear()
    with library.edit(case.number) as writer:
        writer.update_exhibit(2, title="第二段聊天")
    assert read == [2]
    read.clear()
    with library.edit(case.number) as writer:
        writer.set_stage(Stage.NEGOTIATION, note="与商家协商")
    assert read == []
    assert search(library, "协商").total == 1 and search(library, "快递柜").total == 1
    assert search(library, "拒绝退款").total == 5


def test_an_imported_case_is_searchable(library: Library, case: Case, tmp_path: Path) -> None:
    from casefile.core.archive import export_case, import_case

    chat = tmp_path / "微信聊天记录.txt"
    chat.write_text(CHAT, "utf-8")
    add(library, case.number, chat)
    archive = tmp_path / f"{case.number}.zip"
    list(export_case(library, case.number, archive))
    other = Library.open(tmp_path / "other", "测试员")
    try:
        list(import_case(other, archive))
        assert {(h.case_number, h.kind) for h in search(other, "退款").hits} == {(case.number, "chat")}
    finally:
        other.close()
