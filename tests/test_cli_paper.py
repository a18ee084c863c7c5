"""casefile exhibit --paper: the user says whether an exhibit's file is a photo or scan of a paper document
(这是纸质文件的照片或扫描件), recorded in the custody log like any other exhibit edit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

from casefile.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def case(capsys, tmp_path: Path) -> tuple[Path, str]:
    lib = tmp_path / "lib"
    code, out, err = run(
        capsys,
        "--library",
        str(lib),
        "new",
        "--title",
        "发票",
        "--type",
        "quality",
        "--channel",
        "store",
        "--complainant",
        "张三",
    )
    assert code == 0, err
    number = out.strip().splitlines()[-1]
    picture = tmp_path / "发票.jpg"
    Image.new("RGB", (400, 300), (250, 250, 245)).save(picture)
    code, out, err = run(capsys, "--library", str(lib), "add", number, str(picture), "--kind", "receipt")
    assert code == 0, err
    return lib, number


def last_entry(lib: Path, number: str) -> dict:
    return json.loads((lib / "cases" / number / "CUSTODY.jsonl").read_text("utf-8").splitlines()[-1])


def shown(capsys, lib: Path, number: str) -> dict:
    return json.loads(run(capsys, "--library", str(lib), "show", number, "--json")[1])


def test_paper_is_said_and_unsaid(capsys, case):
    lib, number = case
    assert shown(capsys, lib, number)["evidence"][0]["paper"] is None
    code, out, err = run(capsys, "--library", str(lib), "exhibit", number, "1", "--paper", "no")
    assert code == 0, err
    assert out.strip() == "exhibit 1: not a photo or scan of a paper (电子数据)"
    assert last_entry(lib, number)["action"] == "exhibit-update"
    assert last_entry(lib, number)["details"] == {"exhibit": 1, "fields": {"paper": False}}
    assert shown(capsys, lib, number)["evidence"][0]["paper"] is False
    code, out, err = run(capsys, "--library", str(lib), "exhibit", number, "1", "--paper", "是")
    assert code == 0, err
    assert shown(capsys, lib, number)["evidence"][0]["paper"] is True
    code, out, err = run(capsys, "--library", str(lib), "exhibit", number, "1", "--paper", "unknown")
    assert code == 0, err
    assert "not said" in out
    assert last_entry(lib, number)["details"] == {"exhibit": 1, "fields": {"paper": None}}
    assert shown(capsys, lib, number)["evidence"][0]["paper"] is None


def test_a_wrong_answer_is_refused_before_anything_is_written(capsys, case):
    lib, number = case
    before = (lib / "cases" / number / "CUSTODY.jsonl").read_bytes()
    code, out, err = run(capsys, "--library", str(lib), "exhibit", number, "1", "--paper", "maybe")
    assert code == 2 and out == "" and "--paper: 'maybe' is not yes, no or unknown" in err
    assert (lib / "cases" / number / "CUSTODY.jsonl").read_bytes() == before
