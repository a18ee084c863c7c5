"""What the command prints is safe for a terminal, whatever names the public and file names bring."""

from __future__ import annotations

import copy
import json
import os
import re
from pathlib import Path

import pytest

from casefile.cli import main

pytestmark = pytest.mark.skipif(os.name == "nt", reason="these names cannot exist on Windows")

# Every character a terminal may act on, or that reorders text: none may reach the output raw.
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")

HOSTILE_NAMES = [
    "\x1b]0;you have been hacked\x07title.jpg",  # OSC: sets the window title
    "\x1b]8;;https:evil.example\x1b\\invoice.pdf\x1b]8;;\x1b\\.txt",  # OSC 8: a hidden link
    "\x1b[2J\x1b[Hclear.txt",  # clears the screen
    "csi\x9b31mred.txt",  # C1 control (CSI as one character)
    "fake\n202611-001: OK — 99 files intact.txt",  # a newline making a line of its own
    "del\x7f.txt",
    "rtl\u202egpj.exe",  # reads as rtlexe.jpg
]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_safe(text: str) -> None:
    found = UNSAFE.findall(text)
    assert not found, f"raw control characters {found!r} in output:\n{text!r}"


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    folder = tmp_path / "from a stranger"
    folder.mkdir()
    for i, name in enumerate(HOSTILE_NAMES):
        (folder / name).write_text(f"file {i}", encoding="utf-8")
    return folder


HOSTILE_TEXTS = {
    "title": "\x1b]0;pwned\x07标题\x1b[2J",
    "complainant": "张三\x1b]8;;https://evil.example/\x1b\\点我\x1b]8;;\x1b\\",
    "respondent": "店\u202eexe.gpj",
    "facts": "line one\nline two\x9b",
}


def new_hostile_case(capsys, lib: Path) -> str:
    """A case whose record holds what a terminal would act on: typed today it is refused (one line, shown
    escaped); recorded before control characters were refused (or imported from such a case), it is kept as it
    was and every command shows it escaped."""
    new = ["--library", str(lib), "new", "--type", "quality", "--channel", "store"]
    new += ["--complained-at", "2026-11-20T10:30+08:00"]
    for field in ("title", "complainant", "facts"):
        code, out, err = run(capsys, *new, "--title", "标题", "--" + field, HOSTILE_TEXTS[field])
        assert code == 2 and "control character" in err and err.count("\n") == 1, err
        assert_safe(out + err)
    code, out, err = run(capsys, *new, "--title", "标题", "--complainant", "张三", "--respondent", "店")
    assert code == 0, err
    assert_safe(out + err)
    number = out.strip().splitlines()[-1]
    from casefile.core import record
    from casefile.core.library import Library

    with Library.open(lib, operator="tester").edit(number) as writer:  # as an older CaseFile recorded it
        changed = copy.deepcopy(writer.case)
        changed.title, changed.facts = HOSTILE_TEXTS["title"], HOSTILE_TEXTS["facts"]
        changed.complainant.name = HOSTILE_TEXTS["complainant"]
        changed.respondent.name = HOSTILE_TEXTS["respondent"]
        writer.record(record.UPDATE, {"fields": record.record_changes(writer.case, changed)})
    return number


def test_hostile_names_are_shown_escaped_by_every_command(capsys, tmp_path, hostile):
    lib = tmp_path / "lib"
    number = new_hostile_case(capsys, lib)
    outputs = []
    code, out, err = run(capsys, "--library", str(lib), "add", number, str(hostile), "--purpose", "证明\x1b[31m破损")
    assert code == 2 and "control character" in err, err  # typed: refused, the message escaped
    assert_safe(out + err)
    code, out, err = run(capsys, "--library", str(lib), "add", number, str(hostile), "--purpose", "证明破损")
    assert code == 0, err
    outputs.append(out + err)
    assert len(out.splitlines()) == len(HOSTILE_NAMES)  # one line per file, whatever its name holds
    for argv in (
        ["list"],
        ["list", "--search", "张三"],
        ["show", number],
        ["verify"],
        ["verify", number],
        ["metadata", number],
        ["withdraw", number, "1", "--reason", "错了\x1b]0;x\x07"],  # a multi-line text: controls dropped
        ["event", number, "--summary", "\x1b[2J电话"],
    ):
        code, out, err = run(capsys, "--library", str(lib), *argv)
        assert code == 0, (argv, err)
        outputs.append(out + err)
    show = run(capsys, "--library", str(lib), "show", number)[1]
    outputs.append(show)
    for text in outputs:
        assert_safe(text)
    assert "\\x1b]0;pwned\\x07标题\\x1b[2J" in show  # shown, visibly, not obeyed
    data = json.loads(run(capsys, "--library", str(lib), "show", number, "--json")[1])
    assert data["timeline"][-1]["summary"] == "[2J电话"  # typed today: the control character dropped
    assert "fake\\n202611-001: OK" in show


def test_a_newline_in_a_file_name_cannot_fake_a_verification_line(capsys, tmp_path, files):
    lib = tmp_path / "lib"
    number = new_hostile_case(capsys, lib)
    assert run(capsys, "--library", str(lib), "add", number, str(files / "chat.txt"))[0] == 0
    evidence = lib / "cases" / number / "evidence"
    os.chmod(evidence, 0o700)
    (evidence / f"planted\n{number}: OK — 1 files intact, custody log intact").write_bytes(b"planted")
    code, out, err = run(capsys, "--library", str(lib), "verify")
    assert code == 1
    assert_safe(out + err)
    lines = out.splitlines()
    assert lines[0] == f"{number}: PROBLEMS"
    assert not any(line.startswith(f"{number}: OK") for line in lines)
    assert any("UNEXPECTED" in line and f"planted\\n{number}: OK" in line for line in lines)


def test_json_output_escapes_what_json_leaves_raw_and_reads_back_the_same(capsys, tmp_path, hostile):
    lib = tmp_path / "lib"
    number = new_hostile_case(capsys, lib)
    assert run(capsys, "--library", str(lib), "add", number, str(hostile))[0] == 0
    for argv in (["show", number, "--json"], ["list", "--json"]):
        code, out, err = run(capsys, "--library", str(lib), *argv)
        assert code == 0, err
        assert_safe(out)
        json.loads(out)  # still JSON
    data = json.loads(run(capsys, "--library", str(lib), "show", number, "--json")[1])
    assert data["title"] == "\x1b]0;pwned\x07标题\x1b[2J"  # kept as typed: escaped only on the way out
    assert data["facts"] == "line one\nline two\x9b"
    names = [e["original_name"] for e in data["evidence"]]
    # Control characters in a name are evidence of the name; direction controls are dropped.
    assert sorted(names) == sorted(n.replace("\u202e", "") for n in HOSTILE_NAMES)


def test_stored_names_and_titles_drop_direction_controls(capsys, tmp_path, hostile):
    lib = tmp_path / "lib"
    number = new_hostile_case(capsys, lib)
    assert run(capsys, "--library", str(lib), "add", number, str(hostile / "rtl\u202egpj.exe"))[0] == 0
    data = json.loads(run(capsys, "--library", str(lib), "show", number, "--json")[1])
    (exhibit,) = data["evidence"]
    assert exhibit["original_name"] == "rtlgpj.exe"
    assert exhibit["title"] == "rtlgpj"
    assert exhibit["stored_path"] == "evidence/001-rtlgpj.exe"
    record = json.loads((lib / "cases" / number / "case.json").read_text(encoding="utf-8"))
    assert "\u202e" not in json.dumps(record["exhibits"], ensure_ascii=False)
    # The copy's own name carries no control character that ls or sha256sum -c would print raw.
    assert run(capsys, "--library", str(lib), "add", number, str(hostile / "csi\x9b31mred.txt"))[0] == 0
    data = json.loads(run(capsys, "--library", str(lib), "show", number, "--json")[1])
    assert data["evidence"][1]["stored_path"] == "evidence/002-csi_31mred.txt"
    assert data["evidence"][1]["original_name"] == "csi\x9b31mred.txt"


def test_watch_prints_the_names_of_arriving_files_escaped(capsys, tmp_path):
    lib = tmp_path / "lib"
    number = new_hostile_case(capsys, lib)
    inbox = lib / "cases" / number / "inbox"
    for name in HOSTILE_NAMES:
        (inbox / name).write_text(name, encoding="utf-8")
    code, out, err = run(capsys, "--library", str(lib), "watch", number, "--once", "--settle", "0")
    assert code == 0, err
    assert_safe(out + err)
    assert len(out.splitlines()) == len(HOSTILE_NAMES)
    assert all(line.startswith(f"{number}: added exhibit ") for line in out.splitlines())


def test_error_messages_and_argument_errors_are_escaped(capsys, tmp_path):
    lib = tmp_path / "lib\x1b]0;title\x07"
    code, out, err = run(capsys, "--library", str(lib), "show", "202611-001")
    assert code == 2 and "no case 202611-001 in the library at" in err
    assert_safe(out + err)
    assert err.count("\n") == 1
    with pytest.raises(SystemExit):
        main(["--library", str(lib), "new", "--title", "t", "--type", "\x1b]0;x\x07", "--channel", "store"])
    out, err = capsys.readouterr()
    assert_safe(out + err)


def test_printable_and_json_text():
    from casefile.core.textsafe import json_text, printable, without_bidi

    assert printable("a\x1b[31mb\nc\td\x7f\x9b\u202e\u2066e") == "a\\x1b[31mb\\nc\\td\\x7f\\x9b\\u202e\\u2066e"
    assert printable("普通的名字 photo.jpg") == "普通的名字 photo.jpg"
    text = json_text({"k\u202e": ["\x1b\x9b\x7f\u200f", 1]}, indent=2)
    assert_safe(text)
    assert json.loads(text) == {"k\u202e": ["\x1b\x9b\x7f\u200f", 1]}
    assert without_bidi("rtl\u202egpj.exe") == "rtlgpj.exe"
