"""E-mails recognised by their header block wherever their software put From, Date, To and Subject; headers
mixing raw 8-bit text and RFC 2047 encoded words decoded; header values cut at import marked as cut."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from casefile_testing import make_case

from casefile.core.evidence import AddOptions, add_files
from casefile.core.model import EvidenceKind
from casefile.core.sniff import decode_header, sniff

MAIL = Path(__file__).parents[1] / "fixtures" / "mail"


def test_a_webmail_export_with_long_trace_headers_is_an_email():
    """Gmail's export starts with Delivered-To, Received, ARC and DKIM fields for 2.5 KB before From."""
    data = (MAIL / "gmail.eml").read_bytes()
    assert sniff("export.txt", len(data), data[:8192], data[-4096:]).mime == "message/rfc822"


def _long_header_block(from_at: int) -> bytes:
    trace = "".join(
        f"Received: from relay{i}.example.net by mx.example.com; Fri, 20 Nov 2026 10:00:0{i % 10} +0800\n"
        for i in range(from_at // 80 + 1)
    )
    return (
        trace + "From: 商家客服 <kf@shop.example.cn>\nTo: li@example.com\nSubject: 退款\n"
        "Date: Fri, 20 Nov 2026 18:00:00 +0800\nContent-Type: text/plain; charset=utf-8\n\n您好\n"
    ).encode()


@pytest.mark.parametrize(("name", "kind"), [("reply.eml", None), ("回复.txt", EvidenceKind.EMAIL), ("x.txt", None)])
def test_an_email_whose_from_comes_after_the_first_bytes_is_read_as_one(library, tmp_path, name, kind):
    data = _long_header_block(from_at=20_000)
    assert data.index(b"From:") > 8192
    path = tmp_path / name
    path.write_bytes(data)
    case = make_case(library)
    list(add_files(library, case.number, [path], AddOptions(kind=kind)))
    (exhibit,) = library.load_case(case.number).exhibits
    assert exhibit.mime == "message/rfc822" and exhibit.kind is EvidenceKind.EMAIL
    assert exhibit.metadata.email is not None and exhibit.metadata.email.subject == "退款"
    assert exhibit.captured_at_source == "container" and exhibit.captured_at.isoformat() == "2026-11-20T18:00:00+08:00"


def test_a_text_that_is_no_header_block_is_not_an_email(library, tmp_path):
    from casefile.core.sniff import is_mail

    assert not is_mail("聊天记录\nFrom: 张三\nTo: 李四\n".encode())
    assert not is_mail(b"Subject: notes\nDate: today\n\nFrom: me\n")  # From only after the blank line
    path = tmp_path / "notes.eml"
    path.write_bytes("这不是邮件，只是一段说明。\nFrom: 张三\n".encode())
    case = make_case(library)
    list(add_files(library, case.number, [path], AddOptions(kind=EvidenceKind.EMAIL)))
    (exhibit,) = library.load_case(case.number).exhibits
    assert exhibit.mime == "text/plain" and exhibit.kind is EvidenceKind.EMAIL  # the user's kind stands


def test_a_subject_mixing_raw_utf8_and_encoded_words_is_decoded():
    raw = "=?utf-8?b?5Lqn5ZOB6YCA5qy+?= =?utf-8?q?=E2=80=8B?= Refund"
    mixed = "转发：".encode().decode("ascii", "surrogateescape") + " " + raw
    assert decode_header(mixed) == "转发： 产品退款\u200b Refund"
    gb = "转发：".encode("gb18030").decode("ascii", "surrogateescape") + "=?gb2312?b?zcu/7g==?="
    assert decode_header(gb) == "转发：退款"


def test_a_forwarded_subject_with_bidi_controls_is_decoded():
    from casefile.core.metadata import extract

    found = extract(
        MAIL / "m1.eml", "message/rfc822", original_name="m1.eml", file_modified_at=None, added_at=datetime.now(UTC)
    )
    assert found.metadata.email is not None
    assert found.metadata.email.subject.startswith("产品退款") and "=?" not in found.metadata.email.subject


def test_header_values_cut_at_import_are_marked_and_the_cover_says_so(library, tmp_path):
    from casefile.core.bundle.parts import metadata_rows

    subject = "很长的主题" * 200
    to = ", ".join(f"用户{i} <user{i}@example.org>" for i in range(80))
    path = tmp_path / "long.eml"
    path.write_bytes(
        f"From: kf@shop.example.cn\nTo: {to}\nSubject: {subject}\nDate: Fri, 20 Nov 2026 10:00:00 +0800\n\nx\n".encode()
    )
    case = make_case(library)
    list(add_files(library, case.number, [path], AddOptions()))
    (exhibit,) = library.load_case(case.number).exhibits
    mail = exhibit.metadata.email
    assert mail is not None and sorted(exhibit.metadata.cut) == ["email.subject", "email.to"]
    assert mail.subject.endswith("…") and len(mail.subject) == 500
    assert mail.to.endswith(">…")  # cut after a whole address: half of one would escape the masking
    rows = dict(metadata_rows(exhibit))
    assert rows["主题"].endswith("…（已截断）") and rows["收件人"].endswith("…（已截断）")
    assert not rows["发件人"].endswith("（已截断）")
