"""Bad input through the real command line: one line on stderr, exit 1 or 2, nothing left on disk."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from casefile.cli import main

NEW = ["new", "--title", "屏幕碎裂", "--type", "quality", "--channel", "store"]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(code: int, err: str, *, exit_code: int = 2) -> str:
    assert code == exit_code, err
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err and "unexpected error" not in err, err
    return err.strip()


def new_case(capsys, lib: Path, *extra: str) -> str:
    code, out, err = run(capsys, "--library", str(lib), *NEW, "--complained-at", "2026-11-20T10:30+08:00", *extra)
    assert code == 0, err
    return out.strip().splitlines()[-1]


def case_folders(lib: Path) -> list[str]:
    return sorted(p.name for p in (lib / "cases").iterdir()) if (lib / "cases").is_dir() else []


# ---------------------------------------------------------------------------- times


@pytest.mark.parametrize("when", ["9999-12-31T23:59:59", "0001-01-01T00:00:00+08:00", "1899-12-31T23:00+08:00"])
def test_implausible_complaint_times_are_refused_and_leave_nothing(capsys, tmp_path, when):
    lib = tmp_path / "lib"
    code, _, err = run(capsys, "--library", str(lib), *NEW, "--complained-at", when)
    message = assert_one_line_error(code, err)
    assert "--complained-at" in message and "1900" in message and "2100" in message
    assert not lib.exists()  # refused before the library was even created
    number = new_case(capsys, lib)
    code, _, err = run(capsys, "--library", str(lib), *NEW, "--complained-at", when)
    assert_one_line_error(code, err)
    assert case_folders(lib) == [number]


def test_plausible_times_at_the_edges_are_accepted(capsys, tmp_path):
    lib = tmp_path / "lib"
    assert new_case(capsys, lib) == "202611-001"
    code, out, err = run(capsys, "--library", str(lib), *NEW, "--complained-at", "2100-12-31T20:00+08:00")
    assert code == 0, err
    assert out.strip().splitlines()[-1] == "210012-001"


@pytest.mark.parametrize(("option", "value"), [("--at", "9999-12-31T23:59"), ("--at", "0001-01-01T00:00+08:00")])
def test_implausible_event_times_are_refused(capsys, tmp_path, option, value):
    lib = tmp_path / "lib"
    number = new_case(capsys, lib)
    log_before = (lib / "cases" / number / "CUSTODY.jsonl").read_bytes()
    code, _, err = run(capsys, "--library", str(lib), "event", number, "--summary", "电话", option, value)
    assert option in assert_one_line_error(code, err)
    assert (lib / "cases" / number / "CUSTODY.jsonl").read_bytes() == log_before


def test_implausible_transcript_times_are_refused(capsys, tmp_path):
    lib = tmp_path / "lib"
    number = new_case(capsys, lib)
    text = tmp_path / "t.txt"
    text.write_text("00:00:01 张三：你好\n", encoding="utf-8")
    code, _, err = run(
        capsys, "--library", str(lib), "transcript", number, "1", str(text), "--started-at", "9999-01-01T00:00"
    )
    assert "--started-at" in assert_one_line_error(code, err)


# ---------------------------------------------------------------------------- the library marker


@pytest.mark.parametrize(
    "marker",
    [
        {"format": "casefile-library", "version": "abc"},
        {"format": "casefile-library", "version": 1.5},
        ["casefile-library", 1],
        "casefile-library",
        None,
    ],
)
def test_a_damaged_library_marker_is_named_in_one_line(capsys, tmp_path, marker):
    lib = tmp_path / "lib"
    new_case(capsys, lib)
    (lib / "library.json").write_text(json.dumps(marker), encoding="utf-8")
    code, _, err = run(capsys, "--library", str(lib), "list")
    message = assert_one_line_error(code, err)
    assert str(lib / "library.json") in message or "not a CaseFile library" in message


# ---------------------------------------------------------------------------- money


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--amount", "1e309"], "not an amount"),
        (["--amount", "1" * 29], "more than 10,000,000,000 yuan"),
        (["--amount", "10000000000.01"], "more than"),
        (["--amount", "Infinity"], "not an amount"),
        (["--amount", "NaN"], "not an amount"),
        (["--amount", "-0"], "zero or more"),
        (["--amount", "12.345"], "more than two decimals"),
        (["--demand", "refund 1e309"], "not an amount"),
        (["--demand", "compensation " + "9" * 29], "more than"),
    ],
)
def test_absurd_amounts_are_refused(capsys, tmp_path, argv, words):
    lib = tmp_path / "lib"
    code, out, err = run(capsys, "--library", str(lib), *NEW, *argv)
    assert words in assert_one_line_error(code, err)
    assert out == "" and not lib.exists()


def test_amounts_are_kept_exact_to_the_fen(capsys, tmp_path):
    lib = tmp_path / "lib"
    number = new_case(capsys, lib, "--amount", "¥1,299.50", "--demand", "refund 10000000000")
    data = json.loads(run(capsys, "--library", str(lib), "show", number, "--json")[1])
    assert data["transaction"]["amount"] == "1299.50"
    assert data["demands"][0]["amount"] == "10000000000"


# ---------------------------------------------------------------------------- texts


def test_a_megabyte_title_is_refused_naming_the_field_and_its_limit(capsys, tmp_path):
    lib = tmp_path / "lib"
    code, out, err = run(capsys, "--library", str(lib), "new", "--title", "长" * (1 << 20), "--type", "quality",
                         "--channel", "store")  # fmt: skip
    message = assert_one_line_error(code, err)
    assert "--title" in message and "500" in message and len(message) < 200
    assert out == "" and not lib.exists()
    new_case(capsys, lib, "--title", "长" * 500)  # the limit itself is fine


@pytest.mark.parametrize(
    ("option", "limit"),
    [("--facts", 50_000), ("--complainant", 2_000), ("--respondent", 2_000), ("--product", 2_000)],
)
def test_long_registration_texts_are_refused(capsys, tmp_path, option, limit):
    lib = tmp_path / "lib"
    code, _, err = run(capsys, "--library", str(lib), *NEW, option, "x" * (limit + 1))
    message = assert_one_line_error(code, err)
    assert option in message and f"{limit}" in message
    new_case(capsys, lib, option, "x" * limit)


def test_long_texts_on_an_existing_case_are_refused_and_not_recorded(capsys, tmp_path, files):
    lib = tmp_path / "lib"
    number = new_case(capsys, lib)
    assert run(capsys, "--library", str(lib), "add", number, str(files / "chat.txt"))[0] == 0
    custody = lib / "cases" / number / "CUSTODY.jsonl"
    before = custody.read_bytes()
    huge = "证" * 50_001
    for argv in (
        ["add", number, str(files / "破损照片.jpg"), "--purpose", huge],
        ["add", number, str(files / "破损照片.jpg"), "--title", "t" * 501],
        ["add", number, str(files / "破损照片.jpg"), "--source", "s" * 2001],
        ["event", number, "--summary", huge],
        ["withdraw", number, "1", "--reason", huge],
        ["stage", number, "negotiation", "--note", huge],
    ):
        code, _, err = run(capsys, "--library", str(lib), *argv)
        message = assert_one_line_error(code, err)
        assert "too long" in message and "at most" in message
    assert custody.read_bytes() == before


# ---------------------------------------------------------------------------- watch


@pytest.mark.parametrize("settle", ["nan", "inf", "-inf", "-1", "1e9"])
def test_watch_refuses_a_settle_delay_that_is_not_a_number_of_seconds(capsys, tmp_path, settle):
    lib = tmp_path / "lib"
    new_case(capsys, lib)
    code, out, err = run(capsys, "--library", str(lib), "watch", "--once", f"--settle={settle}")
    assert "--settle" in assert_one_line_error(code, err)
    assert out == ""


# ---------------------------------------------------------------------------- what cannot be evidence


def refusals(out: str) -> dict[str, str]:
    return dict(line.split(": refused: ", 1) for line in out.splitlines() if ": refused: " in line)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc")
def test_system_pseudo_files_are_refused_for_what_they_are(capsys, tmp_path):
    lib = tmp_path / "lib"
    number = new_case(capsys, lib)
    chosen = ["/proc/self/status", "/proc/version", "/proc/self", "/dev/null"]
    if Path("/sys/kernel").is_dir():
        chosen.append("/sys/kernel")
    code, out, err = run(capsys, "--library", str(lib), "add", number, *chosen)
    assert code == 1 and err == ""
    refused = refusals(out)
    assert sorted(refused) == sorted(chosen)
    assert refused["/proc/self/status"] == "a system pseudo-file, not a file that can be evidence"
    assert refused["/proc/version"] == "a system pseudo-file, not a file that can be evidence"
    assert refused["/dev/null"] == "a system pseudo-file, not a file that can be evidence"
    assert "system folder" in refused["/proc/self"]
    assert not any((lib / "cases" / number / "evidence").iterdir())


def test_the_library_cannot_be_added_to_its_own_cases(capsys, tmp_path, files):
    home = tmp_path / "home"
    lib = home / "CaseFile" / "library"
    number = new_case(capsys, lib)
    other = new_case(capsys, lib)
    assert run(capsys, "--library", str(lib), "add", other, str(files / "chat.txt"))[0] == 0
    case_dir = lib / "cases" / number
    chosen = {
        str(lib): "part of the CaseFile library",
        str(lib / "cases"): "part of the CaseFile library",
        str(case_dir): "part of the CaseFile library",
        str(lib / "cases" / other / "evidence"): "part of the CaseFile library",
        str(home): "contains the CaseFile library",
        str(lib.parent): "contains the CaseFile library",
        str(case_dir / "case.json"): "a file of the CaseFile library itself",
        str(lib / "index.sqlite"): "a file of the CaseFile library itself",
    }
    code, out, err = run(capsys, "--library", str(lib), "add", number, *chosen)
    assert code == 1 and err == ""
    refused = refusals(out)
    assert sorted(refused) == sorted(chosen)
    for path, words in chosen.items():
        assert words in refused[path], (path, refused[path])
    assert not any((case_dir / "evidence").iterdir())
    # A file kept as evidence of another case may serve this one too; so may a file in an inbox.
    (case_dir / "inbox" / "later.txt").write_text("dropped in the inbox", encoding="utf-8")
    exhibit = next((lib / "cases" / other / "evidence").iterdir())
    code, out, err = run(
        capsys, "--library", str(lib), "add", number, str(exhibit), str(case_dir / "inbox" / "later.txt")
    )
    assert code == 0, out + err


def test_a_link_to_the_library_is_refused_like_the_library(capsys, tmp_path):
    lib = tmp_path / "lib"
    number = new_case(capsys, lib)
    link = tmp_path / "shortcut"
    link.symlink_to(lib, target_is_directory=True)
    code, out, _ = run(capsys, "--library", str(lib), "add", number, str(link))
    assert code == 1 and "part of the CaseFile library" in refusals(out)[str(link)]


@pytest.mark.skipif(os.name == "nt", reason="POSIX file names")
def test_a_file_name_that_is_not_utf8_is_added_with_its_bytes_written_out(capsys, tmp_path):
    lib = tmp_path / "lib"
    number = new_case(capsys, lib)
    folder = tmp_path / "in"
    folder.mkdir()
    raw = os.path.join(os.fsencode(folder), b"\xff\xfe-photo.txt")
    with open(raw, "wb") as fh:
        fh.write(b"bytes")
    code, out, err = run(capsys, "--library", str(lib), "add", number, str(folder))
    assert code == 0, err
    data = json.loads(run(capsys, "--library", str(lib), "show", number, "--json")[1])
    assert data["evidence"][0]["original_name"] == "\\xff\\xfe-photo.txt"
    assert data["evidence"][0]["stored_path"] == "evidence/001-_xff_xfe-photo.txt"


def test_a_transcript_that_is_not_text_is_refused_in_one_line(capsys, tmp_path):
    lib = tmp_path / "lib"
    number = new_case(capsys, lib)
    binary = tmp_path / "recording.m4a"
    binary.write_bytes(b"\xff\xfe\x00\x81" * 64)
    code, _, err = run(capsys, "--library", str(lib), "transcript", number, "1", str(binary))
    assert "not a text file" in assert_one_line_error(code, err)


# ---------------------------------------------------------------------------- control characters


def test_control_characters_in_a_title_or_purpose_are_refused_and_line_breaks_made_spaces(capsys, tmp_path, files):
    """An escape sequence in a title is refused, naming the field and the character; a line break or tab in a
    one-line field (a paste) is a space; a proof purpose has a limit of its own."""
    lib = tmp_path / "lib"
    number = new_case(capsys, lib)
    assert run(capsys, "--library", str(lib), "add", number, str(files / "chat.txt"))[0] == 0
    custody = lib / "cases" / number / "CUSTODY.jsonl"
    before = custody.read_bytes()
    for option, value in (("--title", "\x1b[31m红\n换行\r\t"), ("--purpose", "证明\x07收货"), ("--title", "a\x9bb")):
        code, _, err = run(capsys, "--library", str(lib), "exhibit", number, "1", option, value)
        message = assert_one_line_error(code, err)
        assert option in message and "control character" in message and "\x1b" not in err
    code, _, err = run(capsys, "--library", str(lib), "exhibit", number, "1", "--purpose", "证" * 301)
    assert "--purpose" in assert_one_line_error(code, err) and "300" in err
    assert custody.read_bytes() == before
    code, _, err = run(capsys, "--library", str(lib), "exhibit", number, "1", "--title", "红\n换行\r\n\t照片")
    assert code == 0, err
    code, _, err = run(capsys, "--library", str(lib), "exhibit", number, "1", "--purpose", "证明\n收货" + "证" * 290)
    assert code == 0, err
    exhibit = json.loads((lib / "cases" / number / "case.json").read_text("utf-8"))["exhibits"][0]
    assert exhibit["title"] == "红 换行 照片"
    assert exhibit["purpose"].startswith("证明 收货")
