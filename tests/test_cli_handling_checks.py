"""Handling records that cannot be right: a withdrawn exhibit cited, payments beyond what the outcome owes."""

from __future__ import annotations

from pathlib import Path

import pytest

from casefile.cli import main


def run(capsys: pytest.CaptureFixture[str], lib: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--library", str(lib), "--operator", "t", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def case(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> tuple[Path, str]:
    lib = tmp_path / "lib"
    code, out, err = run(
        capsys, lib, "new", "--title", "a", "--type", "quality", "--channel", "store", "--complainant", "甲",
        "--phone", "13800138000", "--respondent=乙", "--complained-at", "2026-11-29T09:00",
    )  # fmt: skip
    assert code == 0, err
    number = out.strip().splitlines()[-1]
    files = [tmp_path / "a.txt", tmp_path / "b.txt"]
    for i, f in enumerate(files):
        f.write_text(f"file {i}", encoding="utf-8")
    assert run(capsys, lib, "add", number, *map(str, files))[0] == 0
    return lib, number


def test_a_withdrawn_exhibit_cannot_be_cited_by_a_step_of_the_handling(capsys, case):
    lib, number = case
    assert run(capsys, lib, "withdraw", number, "2", "--reason", "拍错了")[0] == 0
    code, _, err = run(capsys, lib, "stage", number, "negotiation", "--exhibit", "2")
    assert code == 2 and "exhibit 2 of case" in err and "withdrawn" in err
    code, _, err = run(capsys, lib, "stage", number, "negotiation", "--exhibit", "1")
    assert code == 0, err


def test_paying_more_than_the_outcome_owes_is_warned(capsys, case):
    lib, number = case
    argv = ["outcome", number, "--kind", "agreement", "--amount", "100", "--payer", "respondent"]
    assert run(capsys, lib, *argv, "--payee", "complainant")[0] == 0
    code, _, err = run(capsys, lib, "pay", number, "--amount", "100", "--payer", "respondent")
    assert code == 0 and "more than the outcome" not in err
    code, out, err = run(capsys, lib, "pay", number, "--amount", "100", "--payer", "respondent")
    assert code == 0 and "paid in all 200.00" in out
    assert "200.00 is 100.00 more than the outcome says is owed (100.00)" in err
