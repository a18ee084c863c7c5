"""Verification against real case folders: exhibits, manifest, custody chain and record."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from casefile.cli import main
from casefile.core.custody import LOG_NAME, entry_hash
from casefile.core.evidence import add_files
from casefile.core.library import CaseFolder, Library
from casefile.core.manifest import MANIFEST_NAME
from casefile.core.model import Exhibit
from casefile.core.verify import CaseReport, FileStatus, verify_case, verify_folder

needs_sha256sum = pytest.mark.skipif(shutil.which("sha256sum") is None, reason="sha256sum is not on PATH")


# ---------------------------------------------------------------------------- helpers


def report_of(items) -> CaseReport:
    items = list(items)
    report = items[-1]
    assert isinstance(report, CaseReport)
    return report


def verify(library: Library, number: str, **kwargs) -> CaseReport:
    return report_of(verify_case(library, number, **kwargs))


def statuses(report: CaseReport) -> dict[str, FileStatus]:
    return {f.path: f.status for f in report.files}


def exhibit(library: Library, number: str, original_name: str) -> Exhibit:
    return next(e for e in library.load_case(number).exhibits if e.original_name == original_name)


def writable(path: Path) -> Path:
    os.chmod(path, 0o644)
    return path


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256sum_check(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["sha256sum", "-c", MANIFEST_NAME], cwd=folder, capture_output=True, text=True, check=False, timeout=60
    )


def custody_lines(folder: Path) -> list[dict]:
    return [json.loads(line) for line in (folder / LOG_NAME).read_text("utf-8").splitlines()]


def write_custody(folder: Path, entries: list[dict]) -> None:
    text = "".join(json.dumps(e, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n" for e in entries)
    (folder / LOG_NAME).write_text(text, "utf-8")


def tree_state(root: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file under ``root`` with its bytes, mode and modification time."""
    state = {}
    for dirpath, _dirs, names in os.walk(root):
        for name in names:
            path = Path(dirpath) / name
            st = path.stat()
            state[path.relative_to(root).as_posix()] = (path.read_bytes(), st.st_mode, st.st_mtime_ns)
    return state


@pytest.fixture
def filled(library: Library, case, files: Path) -> tuple[str, Path]:
    """The case with the four sample files ingested; returns (number, case folder)."""
    list(add_files(library, case.number, [files]))
    assert len(library.load_case(case.number).exhibits) == 4
    return case.number, library.folder(case.number).path


# ---------------------------------------------------------------------------- clean cases


def test_clean_case_verifies_ok(library, filled):
    number, folder = filled
    report = verify(library, number)
    stored = library.load_case(number)
    assert report.ok
    assert report.problems == []
    assert statuses(report) == {e.stored_path: FileStatus.INTACT for e in stored.exhibits}
    for result in report.files:
        assert result.expected_sha256 == result.actual_sha256
    assert {f.exhibit for f in report.files} == {1, 2, 3, 4}
    assert report.count(FileStatus.INTACT) == 4
    assert report.custody_entries == 5  # create + four ingests, before the verify entry itself
    assert report.folder == folder


@needs_sha256sum
def test_clean_case_passes_sha256sum(library, filled):
    number, folder = filled
    assert verify(library, number).ok
    result = sha256sum_check(folder)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count(": OK") == 5  # the four exhibits and CASEFILE.txt


def test_verify_folder_never_writes(library, filled):
    number, folder = filled
    target = folder / exhibit(library, number, "chat.txt").stored_path
    writable(target).write_bytes(b"changed")
    (folder / "evidence" / "extra.txt").write_bytes(b"extra")
    before = tree_state(folder)
    report = report_of(verify_folder(CaseFolder(folder)))
    assert not report.ok
    assert tree_state(folder) == before


# ---------------------------------------------------------------------------- exhibit files


def test_one_flipped_byte_is_modified_and_the_rest_intact(library, filled):
    number, folder = filled
    chat = exhibit(library, number, "chat.txt")
    target = folder / chat.stored_path
    data = bytearray(target.read_bytes())
    data[3] ^= 0x01
    writable(target).write_bytes(bytes(data))

    report = verify(library, number)
    assert not report.ok
    assert report.problems == []  # manifest, log and record still agree with each other
    got = statuses(report)
    assert got.pop(chat.stored_path) is FileStatus.MODIFIED
    assert set(got.values()) == {FileStatus.INTACT}
    assert len(got) == 3
    bad = next(f for f in report.files if f.path == chat.stored_path)
    assert bad.exhibit == chat.number
    assert bad.expected_sha256 == chat.sha256
    assert bad.actual_sha256 == sha256(bytes(data))


@needs_sha256sum
def test_flipped_byte_fails_sha256sum(library, filled):
    number, folder = filled
    chat = exhibit(library, number, "chat.txt")
    target = folder / chat.stored_path
    data = bytearray(target.read_bytes())
    data[0] ^= 0x80
    writable(target).write_bytes(bytes(data))
    result = sha256sum_check(folder)
    assert result.returncode != 0
    assert f"{chat.stored_path}: FAILED" in result.stdout


def test_truncated_exhibit_is_modified(library, filled):
    number, folder = filled
    photo = exhibit(library, number, "破损照片.jpg")
    target = folder / photo.stored_path
    with open(writable(target), "r+b") as fh:
        fh.truncate(photo.size // 2)

    report = verify(library, number)
    assert not report.ok
    got = statuses(report)
    assert got[photo.stored_path] is FileStatus.MODIFIED
    assert [p for p, s in got.items() if s is not FileStatus.INTACT] == [photo.stored_path]


def test_deleted_exhibit_is_missing(library, filled):
    number, folder = filled
    png = exhibit(library, number, "Screenshot_20240510-143012_WeChat.png")
    (folder / png.stored_path).unlink()

    report = verify(library, number)
    assert not report.ok
    got = statuses(report)
    assert got[png.stored_path] is FileStatus.MISSING
    assert [p for p, s in got.items() if s is not FileStatus.INTACT] == [png.stored_path]
    missing = next(f for f in report.files if f.path == png.stored_path)
    assert missing.exhibit == png.number
    assert missing.expected_sha256 == png.sha256


def test_extra_files_in_evidence_are_unexpected(library, filled):
    number, folder = filled
    (folder / "evidence" / "slipped-in.txt").write_bytes(b"not an exhibit")
    (folder / "evidence" / "sub").mkdir()
    (folder / "evidence" / "sub" / "deeper.bin").write_bytes(b"\x00\x01")

    report = verify(library, number)
    assert not report.ok
    got = statuses(report)
    assert got["evidence/slipped-in.txt"] is FileStatus.UNEXPECTED
    assert got["evidence/sub/deeper.bin"] is FileStatus.UNEXPECTED
    assert report.count(FileStatus.INTACT) == 4
    assert report.count(FileStatus.UNEXPECTED) == 2
    unexpected = next(f for f in report.files if f.path == "evidence/slipped-in.txt")
    assert unexpected.exhibit is None


# ---------------------------------------------------------------------------- custody log


def test_forged_custody_entry_is_reported(library, filled):
    number, folder = filled
    entries = custody_lines(folder)
    assert entries[1]["action"] == "ingest"
    forged_path = entries[1]["details"]["exhibit"]["stored_path"]
    entries[1]["details"]["exhibit"]["sha256"] = sha256(b"something else")
    write_custody(folder, entries)

    report = verify(library, number)
    assert not report.ok
    assert any("custody log entry 2 was altered" in p for p in report.problems), report.problems
    # The forged hash does not fit the file either.
    assert statuses(report)[forged_path] is FileStatus.MODIFIED


def test_forged_entry_with_recomputed_hash_breaks_the_next_link(library, filled):
    number, folder = filled
    entries = custody_lines(folder)
    # Swap the exhibit's bytes and forge the log to match them, hash included.
    target_rel = entries[1]["details"]["exhibit"]["stored_path"]
    new_bytes = b"a substituted file"
    writable(folder / target_rel).write_bytes(new_bytes)
    entries[1]["details"]["exhibit"]["sha256"] = sha256(new_bytes)
    entries[1]["details"]["exhibit"]["size"] = len(new_bytes)
    entries[1]["hash"] = entry_hash(entries[1])
    write_custody(folder, entries)

    report = verify(library, number)
    assert not report.ok
    assert not any("entry 2 was altered" in p for p in report.problems)
    assert statuses(report)[target_rel] is FileStatus.INTACT  # the forged log matches the new bytes
    assert any("custody log entry 3 does not follow the entry before it" in p for p in report.problems), report.problems


def test_forged_last_entry_with_recomputed_hash_is_not_the_recorded_head(library, filled):
    number, folder = filled
    entries = custody_lines(folder)
    assert entries[-1]["action"] == "ingest"
    entries[-1]["details"]["exhibit"]["title"] = "renamed behind CaseFile's back"
    entries[-1]["hash"] = entry_hash(entries[-1])
    write_custody(folder, entries)

    report = verify(library, number)
    assert not report.ok
    assert any("the custody entry case.json recorded last is not in the log as it was" in p for p in report.problems), (
        report.problems
    )


def test_deleted_middle_line_is_caught(library, filled):
    number, folder = filled
    entries = custody_lines(folder)
    removed = entries.pop(2)  # the second ingest
    write_custody(folder, entries)

    report = verify(library, number)
    assert not report.ok
    assert any("custody log line 3 has sequence number 4" in p for p in report.problems), report.problems
    assert any("custody log entry 4 does not follow the entry before it" in p for p in report.problems)
    # The file whose ingest disappeared is no longer accounted for by the log.
    assert statuses(report)[removed["details"]["exhibit"]["stored_path"]] is FileStatus.UNEXPECTED


def test_lines_cut_off_the_end_are_caught(library, filled):
    number, folder = filled
    entries = custody_lines(folder)
    assert len(entries) == 5
    write_custody(folder, entries[:3])

    report = verify(library, number)
    assert not report.ok
    assert any(
        "the custody log ends at entry 3 but case.json has seen entry 5: entries were cut off the end" in p
        for p in report.problems
    ), report.problems


def test_cut_off_end_is_still_reported_on_the_next_verification(library, filled):
    number, folder = filled
    assert verify(library, number).ok
    assert verify(library, number).ok
    entries = custody_lines(folder)
    assert [e["action"] for e in entries[-2:]] == ["verify", "verify"]
    write_custody(folder, entries[:-2])  # remove the record of the two verifications

    first = verify(library, number)
    assert any("cut off the end" in p for p in first.problems), first.problems
    second = verify(library, number)
    assert not second.ok
    assert any("cut off the end" in p for p in second.problems), second.problems


# ---------------------------------------------------------------------------- manifest and record


def test_manifest_edited_to_match_a_modified_file_is_still_reported(library, filled):
    number, folder = filled
    chat = exhibit(library, number, "chat.txt")
    new_bytes = b"a different conversation\n"
    writable(folder / chat.stored_path).write_bytes(new_bytes)
    manifest = folder / MANIFEST_NAME
    text = manifest.read_text("utf-8")
    assert f"{chat.sha256}  {chat.stored_path}\n" in text
    manifest.write_text(text.replace(chat.sha256, sha256(new_bytes)), "utf-8")

    report = verify(library, number)
    assert not report.ok
    assert statuses(report)[chat.stored_path] is FileStatus.MODIFIED
    assert f"{MANIFEST_NAME} gives {chat.stored_path} a hash the custody log never recorded" in report.problems


def test_manifest_missing_a_line_or_listing_an_extra_file_is_reported(library, filled):
    number, folder = filled
    chat = exhibit(library, number, "chat.txt")
    manifest = folder / MANIFEST_NAME
    lines = manifest.read_text("utf-8").splitlines(keepends=True)
    lines = [line for line in lines if not line.endswith(f"  {chat.stored_path}\n")]
    lines.append(f"{sha256(b'x')}  evidence/999-ghost.txt\n")
    manifest.write_text("".join(lines), "utf-8")

    report = verify(library, number)
    assert not report.ok
    assert f"{MANIFEST_NAME} does not list {chat.stored_path}" in report.problems
    assert f"{MANIFEST_NAME} lists evidence/999-ghost.txt, which the custody log never recorded" in report.problems
    assert report.count(FileStatus.INTACT) == 4  # the files themselves are fine


def test_missing_manifest_is_reported(library, filled):
    number, folder = filled
    (folder / MANIFEST_NAME).unlink()
    report = verify(library, number)
    assert not report.ok
    assert f"{MANIFEST_NAME}: {MANIFEST_NAME} is missing" in report.problems
    assert report.count(FileStatus.INTACT) == 4


@pytest.mark.parametrize("field", ["title", "exhibit sha256"])
def test_case_json_edited_by_hand_is_reported(library, filled, field):
    number, folder = filled
    record_path = folder / "case.json"
    data = json.loads(record_path.read_text("utf-8"))
    if field == "title":
        data["title"] = "改过的标题"
        expected = "title"
    else:
        data["exhibits"][0]["sha256"] = sha256(b"forged")
        expected = "exhibits"
    record_path.write_text(json.dumps(data, ensure_ascii=False, indent=2), "utf-8")

    report = verify(library, number)
    assert not report.ok
    assert any(p.startswith("case.json differs from its custody log in:") and expected in p for p in report.problems), (
        report.problems
    )
    # The exhibits are judged against the log, not the edited record.
    assert report.count(FileStatus.INTACT) == 4


# ---------------------------------------------------------------------------- the verify entry


def test_verify_is_recorded_in_the_custody_log_and_the_chain_stays_valid(library, filled):
    number, folder = filled
    custody = CaseFolder(folder).custody
    report = verify(library, number)
    assert report.ok
    entries = custody_lines(folder)
    assert len(entries) == 6
    last = entries[-1]
    assert last["action"] == "verify"
    assert last["operator"] == "测试员"
    assert last["details"]["result"] == "ok"
    assert last["details"]["intact"] == 4
    assert last["details"]["modified"] == 0
    assert last["details"]["chain_entries"] == 5
    assert last["details"]["chain_head"] == entries[-2]["hash"]
    chain = custody.check()
    assert chain.ok, chain.problems
    assert chain.entries == 6
    assert library.load_case(number).custody_head.hash == last["hash"]

    again = verify(library, number)
    assert again.ok
    assert again.custody_entries == 6
    assert custody.check().ok
    assert len(custody_lines(folder)) == 7


def test_failed_verification_is_recorded_as_problems(library, filled):
    number, folder = filled
    chat = exhibit(library, number, "chat.txt")
    writable(folder / chat.stored_path).write_bytes(b"tampered")
    assert not verify(library, number).ok
    last = custody_lines(folder)[-1]
    assert last["action"] == "verify"
    assert last["details"]["result"] == "problems"
    assert last["details"]["modified"] == 1
    assert last["details"]["intact"] == 3
    assert CaseFolder(folder).custody.check().ok


def test_verify_without_recording_leaves_the_log_alone(library, filled):
    number, folder = filled
    before = (folder / LOG_NAME).read_bytes()
    assert verify(library, number, record_result=False).ok
    assert (folder / LOG_NAME).read_bytes() == before


# ---------------------------------------------------------------------------- command line


def test_cli_verify_reports_the_modified_file(library, filled, capsys):
    number, folder = filled
    chat = exhibit(library, number, "chat.txt")
    writable(folder / chat.stored_path).write_bytes(b"tampered")
    library.close()

    assert main(["--library", str(library.root), "verify"]) == 1
    out, err = capsys.readouterr()
    assert f"{number}: PROBLEMS" in out
    assert chat.stored_path in out
    line = next(line for line in out.splitlines() if chat.stored_path in line)
    assert "MODIFIED" in line
    assert f"(exhibit {chat.number})" in line
    assert "Traceback" not in out + err


def test_cli_verify_clean_library(library, filled, capsys):
    number, _folder = filled
    library.close()
    assert main(["--library", str(library.root), "verify"]) == 0
    out, err = capsys.readouterr()
    assert f"{number}: OK — 4 files intact, custody log intact" in out
    assert main(["--library", str(library.root), "verify", number]) == 0
    assert "Traceback" not in err
