"""Evidence text printed as it was written: e-mails and text files in GBK, GB 18030, UTF-8 or
Big5, with or without a charset, read back from the packet (pdftotext)."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from bundle_pages import build, page_texts
from casefile_testing import make_case

from casefile.core.bundle.context import Venue
from casefile.core.evidence import AddOptions, add_files
from casefile.core.model import EvidenceKind
from casefile.core.sniff import decode_header, decode_text, detect_encoding

SIMPLIFIED = {
    "from": "张三",
    "subject": "关于退款的申请",
    "body": "您好，我于11月18日收到手机，屏幕碎裂，请尽快退款。运单号SF1234567890123。",
}
TRADITIONAL = {
    "from": "陳大文",
    "subject": "關於退款的申請",
    "body": "您好，我於11月18日收到手機，螢幕碎裂，請盡快退款。發票已開具。",
}


def mail(words: dict[str, str], encoding: str, *, content_type: str = "text/plain") -> bytes:
    """A message as older Chinese mail clients write it: 8-bit headers and body, no charset anywhere."""
    head = (
        f"From: {words['from']} <sender@example.com>\r\n"
        "To: kefu@shop.example\r\n"
        f"Subject: {words['subject']}\r\n"
        "Date: Fri, 20 Nov 2026 10:00:00 +0800\r\n"
        "MIME-Version: 1.0\r\n"
        f"Content-Type: {content_type}\r\n"
        "Content-Transfer-Encoding: 8bit\r\n\r\n"
    )
    return (head + words["body"] + "\r\n").encode(encoding)


@pytest.mark.parametrize(
    ("words", "encoding"),
    [(SIMPLIFIED, "gbk"), (SIMPLIFIED, "gb18030"), (SIMPLIFIED, "utf-8"), (TRADITIONAL, "big5")],
)
def test_mail_without_charset_prints_as_written(library, tmp_path, words, encoding):
    path = tmp_path / "投诉邮件.eml"
    path.write_bytes(mail(words, encoding))
    case = make_case(library)
    list(add_files(library, case.number, [path], AddOptions(kind=EvidenceKind.EMAIL, purpose="证明已书面要求退款")))
    packet = build(library, case.number, Venue.ARBITRATION, force=True).files[0]
    text = "".join(page_texts(packet)).replace("\n", "")
    for value in words.values():
        assert value in text, (encoding, value)
    assert "\ufffd" not in text


def test_declared_gb2312_holding_gbk_characters(library, tmp_path):
    """Mail labelled GB2312 carries GBK characters (喆, 堃 in names): read as GB 18030, the superset."""
    subject = "=?gb2312?B?" + base64.b64encode("王喆、李堃的退款申请".encode("gbk")).decode() + "?="
    body = "退款人：王喆，李堃。".encode("gbk")
    raw = (
        b"From: shop@example.com\r\nTo: kefu@shop.example\r\nSubject: " + subject.encode() + b"\r\n"
        b"Date: Fri, 20 Nov 2026 10:00:00 +0800\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: text/plain; charset="gb2312"\r\nContent-Transfer-Encoding: base64\r\n\r\n'
        + base64.encodebytes(body)
    )
    path = tmp_path / "mail.eml"
    path.write_bytes(raw)
    case = make_case(library)
    list(add_files(library, case.number, [path], AddOptions(kind=EvidenceKind.EMAIL, purpose="证明")))
    text = "".join(page_texts(build(library, case.number, Venue.ARBITRATION, force=True).files[0])).replace("\n", "")
    assert "王喆、李堃的退款申请" in text and "退款人：王喆，李堃。" in text


def test_plain_text_exhibits_in_big5(library, tmp_path):
    path = tmp_path / "聊天記錄.txt"
    path.write_bytes(("2026-11-20 10:01:02 客服：" + TRADITIONAL["body"] + "\n").encode("big5"))
    case = make_case(library)
    list(add_files(library, case.number, [path], AddOptions(purpose="證明")))
    text = "".join(page_texts(build(library, case.number, Venue.ARBITRATION, force=True).files[0])).replace("\n", "")
    assert TRADITIONAL["body"] in text


SAMPLES_SIMPLIFIED = ["关于退款的申请", "张三", "李四王五", "屏幕", "发票已开具", "北京市朝阳区建国路88号", "黄"]
SAMPLES_TRADITIONAL = ["關於退款的申請", "張三", "陳大文", "發票已開具", "台北市信義區忠孝東路五段", "劉德華"]


@pytest.mark.parametrize("text", SAMPLES_SIMPLIFIED)
def test_detect_gbk(text):
    assert detect_encoding(text.encode("gbk")) == "gb18030"
    assert decode_text(text.encode("gbk")) == text


@pytest.mark.parametrize("text", SAMPLES_TRADITIONAL)
def test_detect_big5(text):
    assert detect_encoding(text.encode("big5")) == "cp950"
    assert decode_text(text.encode("big5")) == text


def test_detect_utf8_utf16_ascii_and_cut_samples():
    assert detect_encoding("中文".encode()) == "utf-8"
    assert detect_encoding(b"plain") == "ascii"
    assert detect_encoding("\ufeff中文".encode()) == "utf-8-sig"
    assert detect_encoding("中文".encode("utf-16")) == "utf-16"
    assert decode_text("中文".encode()[:-1]) == "中"  # a character cut by a preview limit
    assert decode_text("中文".encode("gbk")[:-1]) == "中"


def test_a_short_big5_text_is_read_with_the_rest_of_its_mail():
    """Two characters alone are ambiguous; the encoding found on the whole mail decides."""
    assert decode_text("螢幕".encode("big5"), guess="cp950") == "螢幕"
    raw = "螢幕".encode("big5").decode("ascii", "surrogateescape")
    assert decode_header(raw, "cp950") == "螢幕"


def test_mislabelled_latin1_mail_is_read_by_its_bytes():
    assert decode_text("退款申请".encode("gbk"), "iso-8859-1") == "退款申请"
    assert decode_text("Grüße".encode("latin-1"), "iso-8859-1") == "Grüße"


def test_an_unknown_charset_label_falls_back_to_detection():
    assert decode_text("退款".encode("gbk"), "x-unknown-charset") == "退款"


def test_html_mail_without_charset(library, tmp_path: Path):
    words = {**SIMPLIFIED, "body": "<p>" + SIMPLIFIED["body"] + "</p>"}
    path = tmp_path / "html.eml"
    path.write_bytes(mail(words, "gbk", content_type="text/html"))
    case = make_case(library)
    list(add_files(library, case.number, [path], AddOptions(kind=EvidenceKind.EMAIL, purpose="证明")))
    text = "".join(page_texts(build(library, case.number, Venue.ARBITRATION, force=True).files[0])).replace("\n", "")
    assert SIMPLIFIED["body"] in text and "<p>" not in text
