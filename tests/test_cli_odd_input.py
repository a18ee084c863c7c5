"""Odd input: zero-width characters in names, direction marks for a name, a broken JSON string, days no review can
have. Each is cleaned or refused with one line, never a crash."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from casefile.cli import main
from casefile.core.index import _case_row
from casefile.core.model import Case, CaseType, Channel
from casefile.core.review.facts import case_facts
from casefile.core.workflow.clocks import CST


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def from_json(capsys: pytest.CaptureFixture[str], lib: Path, tmp_path: Path, complainant: str, respondent: str) -> str:
    data = {
        "title": "zw",
        "type": "quality",
        "channel": "store",
        "complained_at": "2026-11-20T10:00:00+08:00",
        "complainant": {"name": complainant, "phone": "138\u200b00138099"},
        "respondent": {"name": respondent},
    }
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data), encoding="utf-8")  # \u escapes, as a spreadsheet export writes them
    code, out, err = run(capsys, "--library", str(lib), "--operator", "t", "new", "--from", str(path))
    assert code == 0, err
    return out.strip().splitlines()[-1]


def test_zero_width_characters_are_stripped_from_names_and_phones(capsys, tmp_path):
    lib = tmp_path / "lib"
    numbers = [
        from_json(capsys, lib, tmp_path, "张\u200b三", name)
        for name in ("某某电器公司", "某某\u200b电器公司", "\ufeff某某电器公司\u2060")
    ]
    for number in numbers:
        record = json.loads((lib / "cases" / number / "case.json").read_text(encoding="utf-8"))
        assert record["complainant"]["name"] == "张三"
        assert record["complainant"]["phone"] == "13800138099"
        assert record["respondent"]["name"] == "某某电器公司"
    code, out, _ = run(capsys, "--library", str(lib), "list", "--search", "张三")
    assert code == 0 and all(n in out for n in numbers)
    code, out, _ = run(capsys, "--library", str(lib), "list", "--search", "某某电器\u200c公司")
    assert code == 0 and all(n in out for n in numbers)


def test_a_name_of_direction_marks_only_is_no_name(capsys, tmp_path):
    lib = tmp_path / "lib"
    number = from_json(capsys, lib, tmp_path, "\u202e\u202e\u202e", "某某")
    record = json.loads((lib / "cases" / number / "case.json").read_text(encoding="utf-8"))
    assert record["complainant"]["name"] == ""
    code, _, err = run(capsys, "--library", str(lib), "new", "--title", "\u200b\u202e", "--type", "quality")
    assert code == 2 and "cannot be empty" in err


def test_an_older_record_with_zero_width_characters_is_found_and_grouped_as_its_name():
    case = Case(
        number="202611-001",
        title="zw",
        complained_at=datetime(2026, 11, 20, 10, tzinfo=CST),
        channel=Channel.STORE,
        type=CaseType.QUALITY,
    )
    case.complainant.name = "张\u200b三"
    case.respondent.name = "某某电器公司\ufeff"
    assert "张三" in str(_case_row(case, counted=False)["search_text"])
    facts = case_facts(case)
    assert facts["respondent"] == "某某电器公司" and facts["complainant"] == "张三"


def test_a_lone_surrogate_in_a_json_file_is_refused_with_a_message(capsys, tmp_path):
    path = tmp_path / "case.json"
    path.write_text(
        '{"title": "a", "type": "quality", "channel": "store", "complainant": {"name": "\\ud800x"}}', encoding="utf-8"
    )
    lib = tmp_path / "lib"
    code, _, err = run(capsys, "--library", str(lib), "new", "--from", str(path))
    assert code == 2, err
    assert "U+D800" in err and "unexpected" not in err and err.count("\n") == 1
    assert not (lib / "cases").exists() or not any((lib / "cases").iterdir())


@pytest.mark.parametrize(("first", "last"), [("0001-01-01", "9999-12-31"), ("1900-01-01", "9999-12-31")])
def test_a_review_of_days_no_record_can_hold_is_refused(capsys, tmp_path, first, last):
    lib = tmp_path / "lib"
    from_json(capsys, lib, tmp_path, "甲", "乙")
    out = tmp_path / "r.pdf"
    code, _, err = run(capsys, "--library", str(lib), "review", "--from", first, "--to", last, "-o", str(out))
    assert code == 2, err
    assert "not a plausible day" in err and "unexpected" not in err
    code, _, err = run(
        capsys, "--library", str(lib), "review", "--from", "1900-01-01", "--to", "2100-12-31", "-o", str(out)
    )
    assert code == 0, err
