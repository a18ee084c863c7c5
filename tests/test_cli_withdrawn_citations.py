"""An event citing an exhibit that was later withdrawn: warned when recorded, and no packet cites it as 证据N
(the packet numbers only what it prints: the citation is left out, the exhibits still in it keep theirs)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from casefile.cli import main


def run(capsys: pytest.CaptureFixture[str], lib: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--library", str(lib), "--operator", "t", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_withdrawn_exhibit_is_warned_when_cited_and_left_out_of_the_packet(capsys, tmp_path):
    lib = tmp_path / "lib"
    code, out, _ = run(
        capsys, lib, "new", "--title", "屏幕碎裂", "--type", "quality", "--channel", "store", "--complainant", "张三",
        "--phone", "13812345678", "--respondent", "某某旗舰店", "--product", "手机", "--amount", "1299",
        "--demand", "refund", "--facts", "收货后屏幕碎裂", "--complained-at", "2026-11-20T10:30+08:00",
    )  # fmt: skip
    assert code == 0
    number = out.strip().splitlines()[-1]
    for name, text in (("wrong-customer.txt", "别的顾客的聊天"), ("chat.txt", "商家：同意退款")):
        (tmp_path / name).write_text(text, "utf-8")
        assert run(capsys, lib, "add", number, str(tmp_path / name))[0] == 0
    assert run(capsys, lib, "withdraw", number, "1", "--reason", "别的顾客的记录")[0] == 0

    at = ["--at", "2026-11-20T11:00+08:00", "--kind", "chat", "--with", "respondent"]
    code, _, err = run(capsys, lib, "event", number, *at, "--summary", "商家称已超过七天", "--evidence", "1")
    assert code == 0
    assert "warning: exhibit 1 was withdrawn (别的顾客的记录): no packet prints it" in err
    code, _, err = run(capsys, lib, "event", number, *at, "--summary", "商家同意退款", "--evidence", "2")
    assert code == 0 and "withdrawn" not in err
    # Corrected to cite the withdrawn one: said again.
    code, _, err = run(capsys, lib, "event", number, "--edit", "2", "--evidence", "2,1", "--reason", "补充")
    assert code == 0 and "warning: exhibit 1 was withdrawn" in err

    code, _, err = run(capsys, lib, "bundle", number, "--venue", "consumer-association", "--force")
    assert code == 0, err
    (complaint,) = [p for p in (lib / "cases" / number / "bundles").glob("*.pdf") if "办理指引" not in p.name]
    text = "".join(page.extract_text() for page in PdfReader(complaint).pages).replace("\n", "")
    # The packet holds one exhibit (the chat, 证据1): the withdrawn one is cited nowhere, the chat as 证据1.
    assert "商家称已超过七天" in text and "商家同意退款（见证据1）" in text
    assert "证据2" not in text
    assert "商家称已超过七天（见" not in text
