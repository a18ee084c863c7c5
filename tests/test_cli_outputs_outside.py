"""A file the user names for CaseFile to write (an export, a bundle's copy, a report) is refused inside the
library: written into a case's evidence folder it made the case fail to verify, and export then refused."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from casefile.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def case(capsys, tmp_path: Path) -> tuple[list[str], str, Path]:
    lib = tmp_path / "lib"
    base = ["--library", str(lib)]
    code, out, err = run(capsys, *base, "new", "--title", "Cracked screen", "--type", "quality", "--channel", "online")
    assert code == 0, err
    number = out.strip().splitlines()[-1]
    chat = tmp_path / "chat.txt"
    chat.write_text("我们会退款", encoding="utf-8")
    assert run(capsys, *base, "add", number, str(chat))[0] == 0
    return base, number, lib


def test_export_bundle_and_review_refuse_an_output_inside_the_library(capsys, tmp_path, case) -> None:
    base, number, lib = case
    evidence = lib / "cases" / number / "evidence"
    before = sorted(p.name for p in evidence.iterdir())
    attempts = [
        ["export", number, "-o", str(evidence / "backup.zip")],
        ["bundle", number, "--venue", "consumer-association", "-o", str(evidence / "bundle.pdf")],
        ["bundle", number, "--venue", "consumer-association", "--stamp-files", str(lib / "cases" / number)],
        ["review", "--from", "2026-11-01", "--to", "2026-11-30", "-o", str(lib / "review.pdf")],
        [
            "review",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
            "-o",
            str(tmp_path / "r.pdf"),
            "--xlsx",
            str(lib / "r.xlsx"),
        ],
    ]
    if os.name != "nt":  # through a link to the case's folder: the same place
        (tmp_path / "link").symlink_to(lib / "cases" / number)
        attempts.append(["export", number, "-o", str(tmp_path / "link" / "backup.zip")])
    for argv in attempts:
        code, out, err = run(capsys, *base, *argv)
        assert code == 2 and "is inside the CaseFile library" in err and "outside the library" in err, (argv, err)
    assert sorted(p.name for p in evidence.iterdir()) == before
    assert not (tmp_path / "r.pdf").exists()
    code, out, err = run(capsys, *base, "verify", number)
    assert code == 0, out + err
    code, out, err = run(capsys, *base, "export", number, "-o", str(tmp_path / "backup.zip"))
    assert code == 0 and (tmp_path / "backup.zip").is_file(), err
