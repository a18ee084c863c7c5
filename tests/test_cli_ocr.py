"""casefile ocr: reading the text of pictures from the command line, here or in the background."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from ocr_images import chat_png
from test_cli import new_case, run

from casefile import cli
from casefile.core.library import Library
from casefile.core.search.ocr import unavailable
from casefile.core.search.texts import TextStore

needs_ocr = pytest.mark.skipif(unavailable() is not None, reason="OCR is not installed (pip install 'casefile[ocr]')")


def stored_texts(lib: Path) -> list[str]:
    with Library.open(lib, "测试员") as library:
        return [t.text for t in TextStore(library.root).all() if t.producer == "ocr"]


@needs_ocr
@pytest.mark.slow
def test_add_does_not_read_and_ocr_reads_in_the_background(capsys, tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    number = new_case(capsys, lib)
    chat_png(tmp_path / "聊天截图.png")
    code, out, err = run(capsys, "--library", str(lib), "add", number, str(tmp_path / "聊天截图.png"))
    assert code == 0
    assert f"read by 'casefile ocr {number}'" in err
    assert stored_texts(lib) == []  # adding never waits for OCR
    code, out, err = run(capsys, "--library", str(lib), "ocr", number)
    assert code == 0, err
    assert "reading the text of 1 files in the background (process " in out
    pid = int(out.split("(process ")[1].split(")")[0])
    (process,) = [p for p in cli.BACKGROUND if p.pid == pid]
    assert process.wait() == 0  # its end, not a guess at how long it takes
    cli.BACKGROUND.remove(process)
    log = (lib / ".derived" / "ocr.log").read_text("utf-8")
    assert f"{number}  1  3 lines" in log and "read 1 of 1 files" in log
    (text,) = stored_texts(lib)
    assert "13812345678" in text
    code, out, _ = run(capsys, "--library", str(lib), "ocr", "--all", "--wait")
    assert (code, out.strip()) == (0, "nothing to read: every picture and scanned page has been read")


@needs_ocr
@pytest.mark.slow
def test_ocr_wait_lists_each_file_and_the_ones_it_could_not_read(capsys, tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    number = new_case(capsys, lib)
    chat_png(tmp_path / "chat.png")
    whole = (tmp_path / "chat.png").read_bytes()
    (tmp_path / "cut.png").write_bytes(whole[: len(whole) // 2])
    run(capsys, "--library", str(lib), "add", number, str(tmp_path / "chat.png"), str(tmp_path / "cut.png"))
    code, out, err = run(capsys, "--library", str(lib), "ocr", number, "--wait")
    assert code == 1, err
    lines = out.splitlines()
    assert lines[0].startswith(f"{number}  1  3 lines, ")
    assert lines[1].startswith(f"{number}  2  not read: the picture cannot be decoded (") and "truncated" in lines[1]
    assert lines[2] == "read 1 of 2 files"
    # A file that could not be read is not tried again unless asked.
    code, out, _ = run(capsys, "--library", str(lib), "ocr", number, "--wait")
    assert (code, out.strip()) == (0, "nothing to read: every picture and scanned page has been read")
    code, out, _ = run(capsys, "--library", str(lib), "ocr", number, "--wait", "--retry")
    assert code == 1 and "read 0 of 1 files" in out


def test_without_the_ocr_part_the_command_says_so_plainly(capsys, tmp_path: Path, monkeypatch) -> None:
    # As if installed without casefile[ocr]: importing rapidocr fails.
    monkeypatch.setitem(sys.modules, "rapidocr", None)
    with pytest.raises(ImportError):
        import rapidocr  # noqa: F401
    lib = tmp_path / "lib"
    number = new_case(capsys, lib)
    chat_png(tmp_path / "chat.png")
    code, _, err = run(capsys, "--library", str(lib), "add", number, str(tmp_path / "chat.png"))
    assert code == 0 and "casefile ocr" not in err  # no promise of a reading that cannot happen
    code, out, err = run(capsys, "--library", str(lib), "ocr", number, "--wait")
    assert code == 2 and out == ""
    assert err.strip() == (
        "casefile: reading text from pictures (OCR) is not installed; install CaseFile with its OCR part: "
        "pip install 'casefile[ocr]'"
    )


def test_ocr_needs_cases_or_all(capsys, tmp_path: Path) -> None:
    if unavailable() is not None:
        pytest.skip("OCR is not installed")
    code, _, err = run(capsys, "--library", str(tmp_path / "lib"), "ocr")
    assert code == 2 and "name the cases to read, or give --all" in err
