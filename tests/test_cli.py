"""The casefile command as scripts and people use it: outputs, exit codes, error messages."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from casefile.cli import main


@pytest.fixture
def lib(tmp_path: Path) -> Path:
    return tmp_path / "lib"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def new_case(capsys, lib: Path, *extra: str) -> str:
    code, out, _ = run(
        capsys,
        "--library",
        str(lib),
        "new",
        "--title",
        "屏幕碎裂",
        "--type",
        "quality",
        "--channel",
        "store",
        "--priority",
        "urgent",
        "--complainant",
        "张三",
        "--phone",
        "138 1234 5678",
        "--respondent",
        "某某旗舰店",
        "--order-no",
        "TB001",
        "--amount",
        "1299",
        "--demand",
        "refund 1299",
        "--demand",
        "apology",
        "--complained-at",
        "2026-11-20T10:30+08:00",
        *extra,
    )
    assert code == 0
    return out.strip().splitlines()[-1]


def test_new_add_show_json(capsys, lib, files):
    number = new_case(capsys, lib)
    assert number == "202611-001"
    code, out, _ = run(capsys, "--library", str(lib), "add", number, str(files), "--purpose", "证明屏幕破损")
    assert code == 0
    lines = out.strip().splitlines()
    assert len(lines) == 4
    first = lines[0].split()
    assert first[0] == "1" and len(first[1]) == 64 and first[2].startswith("evidence/001-")
    code, out, _ = run(capsys, "--library", str(lib), "show", number, "--json")
    data = json.loads(out)
    assert data["number"] == number
    assert Path(data["folder"]).is_absolute() and Path(data["folder"], "case.json").is_file()
    assert Path(data["inbox"]).is_dir()
    assert data["complainant"]["phone"] == "13812345678"
    assert data["transaction"]["amount"] == "1299"
    assert [d["type"] for d in data["demands"]] == ["refund", "apology"]
    assert data["response_due_at"].startswith("2026-11-20T12:30")
    ev = data["evidence"][0]
    for key in (
        "exhibit",
        "title",
        "kind",
        "original_name",
        "stored_path",
        "size",
        "sha256",
        "added_at",
        "captured_at",
    ):
        assert key in ev
    assert (Path(data["folder"]) / ev["stored_path"]).is_file()
    code, out, _ = run(capsys, "--library", str(lib), "list", "--json")
    assert json.loads(out)[0]["number"] == number
    code, out, _ = run(capsys, "--library", str(lib), "show", number)
    assert "屏幕碎裂" in out and "张三" in out


def test_add_reports_refusals_with_exit_1(capsys, lib, files):
    number = new_case(capsys, lib)
    code, out, _ = run(capsys, "--library", str(lib), "add", number, str(files / "chat.txt"), "/dev/null", "/no/such")
    assert code == 1
    assert "/dev/null: refused: a system pseudo-file, not a file that can be evidence" in out
    assert "/no/such: refused: no such file" in out
    code, out, _ = run(capsys, "--library", str(lib), "add", number, str(files / "chat.txt"))
    assert code == 0 and "already in the case as exhibit 1" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["show", "202601-999"], "no case 202601-999"),
        (["show", "nonsense"], "not a case number"),
        (["new", "--title", "t", "--type", "quality", "--channel", "store", "--phone", "12ab"], "not a phone number"),
        (["new", "--title", "t", "--type", "quality", "--channel", "store", "--amount", "abc"], "not an amount"),
        (
            ["new", "--title", "t", "--type", "quality", "--channel", "store", "--complained-at", "yesterday"],
            "is not a time",
        ),
        (["withdraw", "202611-001", "3", "--reason", "x"], "no case 202611-001"),
    ],
)
def test_errors_are_one_line_and_exit_2(capsys, lib, argv, message):
    code, out, err = run(capsys, "--library", str(lib), *argv)
    assert code == 2
    assert message in err
    assert "Traceback" not in err and err.count("\n") == 1


def test_bad_choices_exit_2(capsys, lib):
    with pytest.raises(SystemExit) as exc:
        main(["--library", str(lib), "new", "--title", "t", "--type", "bogus", "--channel", "store"])
    assert exc.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_withdraw_stage_event(capsys, lib, files):
    number = new_case(capsys, lib)
    run(capsys, "--library", str(lib), "add", number, str(files / "chat.txt"))
    assert run(capsys, "--library", str(lib), "withdraw", number, "1", "--reason", "重复提交")[0] == 0
    assert run(capsys, "--library", str(lib), "stage", number, "negotiation", "--note", "提出退款方案")[0] == 0
    code, _, _ = run(
        capsys,
        "--library",
        str(lib),
        "event",
        number,
        "--kind",
        "call",
        "--summary",
        "电话沟通",
        "--evidence",
        "1",
        "--at",
        "2026-11-20T11:00+08:00",
    )
    assert code == 0
    data = json.loads(run(capsys, "--library", str(lib), "show", number, "--json")[1])
    assert data["evidence"][0]["withdrawn"] is True
    assert data["stage"] == "negotiation"
    assert data["timeline"][0]["evidence"] == [1]


def test_not_a_library_folder_is_refused(capsys, tmp_path):
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "x.jpg").write_bytes(b"x")
    code, _, err = run(capsys, "--library", str(tmp_path / "photos"), "list")
    assert code == 2 and "not a CaseFile library" in err


def test_installed_command_runs(lib, tmp_path):
    """The console script and python -m both start without a traceback."""
    proc = subprocess.run(
        [sys.executable, "-m", "casefile", "--library", str(lib), "list"], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert "no cases" in proc.stderr


def test_bundle_command(capsys, lib, files, tmp_path):
    number = new_case(capsys, lib, "--facts", "收货时屏幕已碎")
    run(capsys, "--library", str(lib), "add", number, str(files), "--purpose", "证明屏幕破损")
    code, out, err = run(capsys, "--library", str(lib), "bundle", number, "--venue", "court")
    assert code == 2 and "--force" in err and "Traceback" not in err  # warnings stop the build
    target = tmp_path / "起诉材料.pdf"
    code, out, err = run(
        capsys, "--library", str(lib), "bundle", number, "--venue", "court", "--force", "-o", str(target)
    )
    assert code == 0, err
    lines = out.strip().splitlines()
    assert lines[-1].endswith(" pages") and int(lines[-1].split()[0]) > 5
    saved = Path(lines[0].split()[0])
    assert saved.parent.name == "bundles" and saved.is_file()
    assert target.read_bytes() == saved.read_bytes()
    code, out, err = run(capsys, "--library", str(lib), "bundle", number, "--venue", "arbitration")
    assert code == 2 and "No arbitration agreement in force" in err and "--force" in err
    # The case was accepted on 2026-11-20: a receipt printed now is a reprint whose reply time has passed.
    code, out, err = run(capsys, "--library", str(lib), "bundle", number, "--venue", "receipt", "--layout", "80mm")
    assert code == 2 and "The reply time this receipt promises the customer" in err and "--force" in err
    code, out, err = run(
        capsys, "--library", str(lib), "bundle", number, "--venue", "receipt", "--layout", "80mm", "--force"
    )
    assert code == 0, err
    assert "warning (accepted): The reply time this receipt promises the customer" in err
    code, out, err = run(capsys, "--library", str(lib), "bundle", number, "--venue", "court", "--exhibits", "9")
    assert code == 2 and "no exhibit 9" in err


def test_no_screen_gives_a_message_not_a_crash(lib, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    proc = subprocess.run(
        [sys.executable, "-m", "casefile", "--library", str(lib)], capture_output=True, text=True, env=env, timeout=60
    )
    if sys.platform.startswith("linux"):
        assert proc.returncode == 2 and "no screen" in proc.stderr


def test_metadata_command_reads_exhibits_again(capsys, lib, tmp_path, machine_zone):
    from PIL import Image

    machine_zone("Asia/Shanghai")  # a time in a file's name is taken in the computer's zone: here Beijing time
    number = new_case(capsys, lib)
    Image.new("RGB", (40, 80)).save(tmp_path / "Screenshot_20261118-201530_Taobao.png")
    assert (
        run(capsys, "--library", str(lib), "add", number, str(tmp_path / "Screenshot_20261118-201530_Taobao.png"))[0]
        == 0
    )
    code, out, _ = run(capsys, "--library", str(lib), "metadata", number)
    assert code == 0
    assert (
        "Screenshot_20261118-201530_Taobao.png: captured 2026-11-18 20:15 (file-name, zone not recorded)  (unchanged)"
        in out
    )
    code, _, err = run(capsys, "--library", str(lib), "metadata", number, "--exhibits", "9")
    assert code == 2 and "no exhibit 9" in err


def test_an_email_date_without_a_zone_is_shown_as_its_sender_s_clock_read_it(capsys, lib, tmp_path, los_angeles):
    number = new_case(capsys, lib)
    for name, date in (
        ("nozone.eml", "Fri, 20 Nov 2026 10:00:00 -0000"),
        ("utc.eml", "Fri, 20 Nov 2026 10:00:00 +0000"),
    ):
        (tmp_path / name).write_bytes(
            b"From: service@shop.example\r\nTo: li@example.com\r\nDate: " + date.encode() + b"\r\n"
            b"Subject: refund\r\n\r\nAccepted.\r\n"
        )
        assert run(capsys, "--library", str(lib), "add", number, str(tmp_path / name))[0] == 0
    code, out, _ = run(capsys, "--library", str(lib), "show", number)
    assert code == 0
    assert "captured 2026-11-20 10:00 (container, zone not recorded)" in out
    # "+0000" is UTC: a zone stated; shown in Beijing time as packets print it, then as the file states it
    assert "captured 2026-11-20 18:00 (the file states 2026-11-20 10:00 UTC+00:00) (container)" in out
    # --json says it too: which time is a clock's reading with no zone recorded
    evidence = json.loads(run(capsys, "--library", str(lib), "show", number, "--json")[1])["evidence"]
    assert [(e["original_name"], e["captured_at_zoneless"]) for e in evidence] == [
        ("nozone.eml", True),
        ("utc.eml", False),
    ]
    code, out, _ = run(capsys, "--library", str(lib), "metadata", number)
    assert "nozone.eml: captured 2026-11-20 10:00 (container, zone not recorded)  (unchanged)" in out


def test_order_and_groups_from_the_command_line(capsys, lib, files):
    number = new_case(capsys, lib)
    run(capsys, "--library", str(lib), "add", number, str(files))
    code, out, _ = run(capsys, "--library", str(lib), "withdraw", number, "2", "--reason", "重复")
    code, out, _ = run(capsys, "--library", str(lib), "order", number, "3,1")
    assert code == 0
    rows = [line.split()[:2] for line in out.splitlines() if not line.strip().startswith("captured")]
    # The evidence order, each exhibit with the number a packet gives it (withdrawn: none).
    assert rows == [["证据1", "3"], ["证据2", "1"], ["-", "2"], ["证据3", "4"]]
    code, out, _ = run(capsys, "--library", str(lib), "exhibit", number, "3", "--group", "第一组：购买事实")
    assert code == 0 and out.strip() == "exhibit 3: in group 第一组：购买事实"
    code, out, _ = run(capsys, "--library", str(lib), "show", number)
    assert re.search(r"^    证据1 +3  \S+ .*\[第一组：购买事实\]", out, re.M)
    code, _out, err = run(capsys, "--library", str(lib), "exhibit", number, "3")
    assert code == 2 and "--group, --paper or --agreement" in err
    code, out, _ = run(
        capsys, "--library", str(lib), "exhibit", number, "3", "--title", "订单详情截图", "--purpose", "证明购买时间"
    )
    assert code == 0 and out.strip() == "exhibit 3: 订单详情截图; purpose: 证明购买时间"
    code, out, _ = run(capsys, "--library", str(lib), "exhibit", number, "3", "--group", "")
    assert code == 0 and out.strip() == "exhibit 3: in no group"
    code, _out, err = run(capsys, "--library", str(lib), "order", number, "3,3")
    assert code == 2 and "listed twice" in err


def test_show_lists_the_exhibits_by_their_titles_with_the_file_name_beside(capsys, lib, tmp_path):
    from casefile.core.evidence import add_files
    from casefile.core.library import Library

    number = new_case(capsys, lib)
    chat = tmp_path / "IMG_0001.txt"
    chat.write_text("你好", encoding="utf-8")
    library = Library.open(lib, "测试员")
    try:
        list(add_files(library, number, [chat]))
        with library.edit(number) as writer:
            writer.update_exhibit(1, title="与客服的聊天记录")
    finally:
        library.close()
    code, out, _ = run(capsys, "--library", str(lib), "show", number)
    assert code == 0
    line = next(line for line in out.splitlines() if "与客服的聊天记录" in line)
    assert line.rstrip().endswith("与客服的聊天记录  (IMG_0001.txt)")


def test_show_gives_a_pdfs_utc_time_in_beijing_time_as_the_packet_prints_it(capsys, lib, tmp_path):
    from pypdf import PdfWriter

    number = new_case(capsys, lib)
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.add_metadata({"/CreationDate": "D:20261130190156Z", "/Producer": "waybill printer"})
    pdf = tmp_path / "waybill.pdf"
    with pdf.open("wb") as handle:
        writer.write(handle)
    assert run(capsys, "--library", str(lib), "add", number, str(pdf))[0] == 0
    code, out, _ = run(capsys, "--library", str(lib), "show", number)
    assert code == 0
    assert "captured 2026-12-01 03:01 (the file states 2026-11-30 19:01 UTC+00:00) (container)" in out
