"""Recovery from the exact states a crash can leave, built on disk step by step.

The SIGKILL test in test_ingest.py hits random moments; these pin down each window of an
ingest (before the rename, between the rename and the custody entry, after the entry) and
a custody line cut in half.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from casefile.core.errors import CaseFileError
from casefile.core.evidence import AddResult, add_files
from casefile.core.library import Library
from casefile.core.model import to_data
from casefile.core.verify import verify_folder


@pytest.fixture
def crashed(library, case, tmp_path):
    """Ingest one file for real, keeping copies of the folder's files from before it."""
    folder = library.folder(case.number)
    before = tmp_path / "before"
    before.mkdir()
    for name in ("case.json", "CUSTODY.jsonl", "MANIFEST.sha256"):
        shutil.copy2(folder.path / name, before / name)
    source = tmp_path / "photo.jpg"
    source.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 100 + b"\xff\xd9")
    (result,) = [r for r in add_files(library, case.number, [source]) if isinstance(r, AddResult)]
    library.close()
    return library.root, folder, before, result.exhibit


def rewind(folder, before: Path) -> None:
    for name in ("case.json", "CUSTODY.jsonl", "MANIFEST.sha256"):
        shutil.copy2(before / name, folder.path / name)


def leave_intent(root: Path, folder, exhibit, token: str = "abcd") -> Path:
    staging = folder.path / ".staging"
    staging.mkdir(exist_ok=True)
    intent = staging / f"{token}.json"
    intent.write_text(json.dumps({"exhibit": to_data(exhibit), "part": f"{token}.part"}), "utf-8")
    (root / ".pending" / folder.number).write_bytes(b"")
    return intent


def reopen_and_check(root: Path, number: str) -> tuple[Library, list]:
    library = Library.open(root, "recovery")
    report = list(verify_folder(library.folder(number)))[-1]
    assert report.ok, report.problems
    assert not (library.folder(number).path / ".staging").exists()
    assert list((root / ".pending").iterdir()) == []
    return library, library.load_case(number).exhibits


def test_crash_before_rename_leaves_nothing(crashed):
    root, folder, before, exhibit = crashed
    rewind(folder, before)
    stored = folder.path / exhibit.stored_path
    stored.chmod(0o644)
    part = folder.path / ".staging" / "abcd.part"
    leave_intent(root, folder, exhibit)
    stored.rename(part)  # the copy never reached evidence/
    library, exhibits = reopen_and_check(root, folder.number)
    assert exhibits == []
    assert list(folder.evidence_dir.iterdir()) == []
    library.close()


def test_crash_between_rename_and_custody_entry_completes_the_exhibit(crashed):
    root, folder, before, exhibit = crashed
    rewind(folder, before)
    leave_intent(root, folder, exhibit)
    library, exhibits = reopen_and_check(root, folder.number)
    assert [e.sha256 for e in exhibits] == [exhibit.sha256]
    last = library.folder(folder.number).custody.read()[-1]
    assert last["action"] == "ingest" and last["details"]["completed_after_interruption"] is True
    assert f"{exhibit.sha256}  {exhibit.stored_path}" in (folder.path / "MANIFEST.sha256").read_text("utf-8")
    library.close()


def test_crash_with_a_damaged_copy_in_place_removes_it(crashed):
    root, folder, before, exhibit = crashed
    rewind(folder, before)
    stored = folder.path / exhibit.stored_path
    stored.chmod(0o644)
    stored.write_bytes(stored.read_bytes()[:100])  # not the bytes that were hashed
    leave_intent(root, folder, exhibit)
    library, exhibits = reopen_and_check(root, folder.number)
    assert exhibits == [] and not stored.exists()
    library.close()


def test_crash_after_custody_entry_before_snapshot_replays_the_log(crashed):
    root, folder, before, exhibit = crashed
    shutil.copy2(before / "case.json", folder.path / "case.json")  # snapshot and manifest lag the log
    shutil.copy2(before / "MANIFEST.sha256", folder.path / "MANIFEST.sha256")
    leave_intent(root, folder, exhibit)
    library, exhibits = reopen_and_check(root, folder.number)
    assert [e.number for e in exhibits] == [1]
    actions = [e["action"] for e in library.folder(folder.number).custody.read()]
    assert actions == ["create", "ingest"]  # nothing recorded twice
    library.close()


def test_half_written_custody_line_is_cut_and_noted(crashed):
    root, folder, before, exhibit = crashed
    with open(folder.path / "CUSTODY.jsonl", "ab") as fh:
        fh.write(b'{"action":"withdraw","at":"2026-11-2')  # the process died mid-line
    (root / ".pending" / folder.number).write_bytes(b"")
    library, exhibits = reopen_and_check(root, folder.number)
    entries = library.folder(folder.number).custody.read()
    assert [e["action"] for e in entries] == ["create", "ingest", "recovery"]
    assert exhibits[0].withdrawn is False
    library.close()


def test_unfinished_new_case_folder_is_removed(library):
    stray = library.cases_dir / ".cf-tmp-202611-001-dead"
    (stray / "evidence").mkdir(parents=True)
    (stray / "case.json").write_text("{}")
    library.close()
    reopened = Library.open(library.root, "x")
    assert not stray.exists() and reopened.case_numbers() == []
    reopened.close()


def test_a_case_with_a_cut_custody_log_refuses_further_changes(library, case, files):
    list(add_files(library, case.number, [files / "chat.txt"]))
    log = library.folder(case.number).path / "CUSTODY.jsonl"
    lines = log.read_bytes().splitlines(keepends=True)
    log.write_bytes(b"".join(lines[:-1]))
    with pytest.raises(CaseFileError, match="is damaged .*left untouched"):
        list(add_files(library, case.number, [files / "empty.dat"]))
    assert log.read_bytes() == b"".join(lines[:-1])  # left exactly as found
