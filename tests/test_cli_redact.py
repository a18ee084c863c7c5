"""casefile redact, and the redacted copies in show and bundle."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from casefile_testing import run_tool
from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from casefile.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def case_with_files(capsys, tmp_path: Path) -> tuple[Path, str]:
    lib = tmp_path / "lib"
    code, out, _ = run(
        capsys, "--library", str(lib), "new", "--title", "快递破损", "--type", "logistics", "--channel", "store"
    )
    assert code == 0
    number = out.strip().splitlines()[-1]
    Image.new("RGB", (200, 100), (200, 200, 200)).save(tmp_path / "Screenshot_20261120-101500_WeChat.png")
    canvas = Canvas(str(tmp_path / "面单.pdf"), pagesize=(300, 400))
    for n in (1, 2):
        canvas.drawString(40, 300, f"Receiver 1391234567{n}")
        canvas.showPage()
    canvas.save()
    code, _out, _ = run(
        capsys,
        "--library",
        str(lib),
        "add",
        number,
        str(tmp_path / "Screenshot_20261120-101500_WeChat.png"),
        str(tmp_path / "面单.pdf"),
    )
    assert code == 0
    return lib, number


def test_redact_a_screenshot_prints_the_new_exhibit_and_both_hashes(capsys, case_with_files):
    lib, number = case_with_files
    code, out, err = run(
        capsys, "--library", str(lib), "redact", number, "1", "--box", "0,0,50,20", "--box", "60,0,20,20",
        "--reason", "第三方头像",
    )  # fmt: skip
    assert code == 0, err
    lines = out.strip().splitlines()
    assert lines[0].startswith("exhibit 3: redacted copy of exhibit 1 (evidence/003-")
    assert lines[1].split()[:2] == ["original", "1"] and len(lines[1].split()[-1]) == 64
    assert lines[2].split()[:2] == ["redacted", "3"] and len(lines[2].split()[-1]) == 64
    assert lines[-1] == "3"
    code, out, _ = run(capsys, "--library", str(lib), "show", number)
    assert "(遮盖件 of 1)" in out
    code, out, _ = run(capsys, "--library", str(lib), "show", number, "--json")
    assert [e["derived_from"] for e in json.loads(out)["evidence"]] == [None, None, 1]
    code, out, _ = run(capsys, "--library", str(lib), "verify", number)
    assert code == 0 and "OK" in out
    # The same boxes again: nothing new.
    code, out, _ = run(
        capsys, "--library", str(lib), "redact", number, "1", "--box", "0,0,50,20", "--box", "60,0,20,20",
        "--reason", "again",
    )  # fmt: skip
    assert code == 0 and "same bytes as exhibit 3; nothing was added" in out


def test_redact_pdf_pages_in_page_groups(capsys, case_with_files):
    lib, number = case_with_files
    code, out, err = run(
        capsys, "--library", str(lib), "redact", number, "2",
        "--page", "1", "--box", "35,85,200,25", "--page", "2", "--box", "35,85,200,25", "--reason", "收件人手机号",
    )  # fmt: skip
    assert code == 0, err
    stored = out.splitlines()[0].split("(")[-1].rstrip(")")
    text = run_tool("pdftotext", str(lib / "cases" / number / stored), "-").stdout
    assert "1391234567" not in text
    entry = json.loads((lib / "cases" / number / "CUSTODY.jsonl").read_text("utf-8").splitlines()[-1])
    assert [r["page"] for r in entry["details"]["exhibit"]["redaction"]["regions"]] == [1, 2]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["1", "--box", "0,0,500,20"], "is not inside the picture (200 × 100 pixels)"),
        (["1", "--box", "0,0,5"], "is not a box: give X,Y,W,H"),
        (["1", "--page", "1", "--box", "0,0,5,5"], "a picture has no pages"),
        (["2", "--box", "0,0,5,5"], "say which page of the PDF it is on"),
        (["2", "--page", "3", "--box", "0,0,5,5"], "the PDF has no page 3 (it has 2)"),
        (["9", "--box", "0,0,5,5"], "has no exhibit 9"),
    ],
)
def test_redact_refuses_bad_boxes_with_one_line(capsys, case_with_files, argv, message):
    lib, number = case_with_files
    code, out, err = run(capsys, "--library", str(lib), "redact", number, *argv, "--reason", "x")
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1
    assert out == ""


def test_bundle_original_and_redacted_options(capsys, case_with_files):
    lib, number = case_with_files
    assert run(capsys, "--library", str(lib), "redact", number, "1", "--box", "0,0,50,20", "--reason", "头像")[0] == 0
    code, out, _ = run(
        capsys, "--library", str(lib), "bundle", number, "--venue", "consumer-association", "--disclosure"
    )
    assert code == 0 and "证据1：以遮盖件替代" in out
    code, out, _ = run(
        capsys, "--library", str(lib), "bundle", number, "--venue", "consumer-association", "--disclosure",
        "--original", "1",
    )  # fmt: skip
    assert code == 0 and "以遮盖件替代" not in out
    code, out, _ = run(
        capsys, "--library", str(lib), "bundle", number, "--venue", "court", "--disclosure", "--redacted", "3",
    )  # fmt: skip
    assert code == 0 and "证据1：以遮盖件替代" in out
    code, _out, err = run(
        capsys, "--library", str(lib), "bundle", number, "--venue", "court", "--redacted", "2",
    )  # fmt: skip
    assert code == 2 and "exhibit 2 has no redacted copy" in err
