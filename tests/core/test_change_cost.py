"""A change to a case costs what the change is, not what the case is.

Each test counts operations (custody entries read and hashed, index rows written, exhibits
written out afresh in case.json, exhibits visited when folding) for a change to a case that
already holds many exhibits. On the code before, every change re-read and re-hashed the whole
custody log, re-inserted every exhibit's index row and wrote every exhibit out again.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from casefile_testing import make_case

from casefile.core import custody as custody_module
from casefile.core import index as index_module
from casefile.core import library as library_module
from casefile.core import manifest as manifest_module
from casefile.core import model, record
from casefile.core.custody import CustodyLog
from casefile.core.evidence import add_files
from casefile.core.library import Library
from casefile.core.model import Exhibit, TimelineEvent
from casefile.core.verify import CaseReport, verify_case

EXHIBITS = 40


@pytest.fixture
def big(library: Library, tmp_path: Path) -> str:
    """A case already holding EXHIBITS exhibits, added in one batch."""
    case = make_case(library)
    source = tmp_path / "screenshots"
    source.mkdir()
    for i in range(EXHIBITS):
        (source / f"chat-{i:03d}.txt").write_text(f"客服记录 {i}\n", "utf-8")
    list(add_files(library, case.number, [source]))
    return case.number


class Counter:
    def __init__(self) -> None:
        self.calls: list[Any] = []

    def wrap(self, fn: Any) -> Any:
        def counted(*args: Any, **kwargs: Any) -> Any:
            self.calls.append(args)
            return fn(*args, **kwargs)

        return counted


def add_one(library: Library, number: str, tmp_path: Path, name: str = "receipt.txt") -> None:
    path = tmp_path / name
    path.write_text(f"收据 {name}\n", "utf-8")
    results = [r for r in add_files(library, number, [path]) if hasattr(r, "exhibit")]
    assert results and results[0].exhibit is not None


def test_a_change_reads_and_hashes_only_the_end_of_the_custody_log(library, big, tmp_path, monkeypatch):
    hashed, scanned, read = Counter(), Counter(), Counter()
    monkeypatch.setattr(custody_module, "entry_hash", hashed.wrap(custody_module.entry_hash))
    monkeypatch.setattr(library_module, "entry_hash", hashed.wrap(library_module.entry_hash))
    monkeypatch.setattr(CustodyLog, "scan", scanned.wrap(CustodyLog.scan))
    monkeypatch.setattr(CustodyLog, "read", read.wrap(CustodyLog.read))
    add_one(library, big, tmp_path)
    # The last entry is checked whole, the new one hashed: whatever the length of the log.
    assert len(hashed.calls) <= 3
    assert scanned.calls == [] and read.calls == []


def test_a_change_writes_only_the_index_rows_it_touches(library, big, tmp_path, monkeypatch):
    written = Counter()
    monkeypatch.setattr(index_module, "_exhibit_row", written.wrap(index_module._exhibit_row))
    add_one(library, big, tmp_path)
    assert len(written.calls) == 1
    with library.edit(big) as writer:
        writer.withdraw(3, "拍错了")
    assert len(written.calls) == 2

    rows = sqlite3.connect(library.root / "index.sqlite").execute(
        "SELECT number, withdrawn FROM exhibits WHERE case_number = ? ORDER BY number", (big,)
    )
    listed = list(rows)
    assert [n for n, _w in listed] == list(range(1, EXHIBITS + 2))
    assert [n for n, w in listed if w] == [3]
    assert library.list_cases()[0].exhibit_count == EXHIBITS  # one added, one withdrawn
    # The index is what a rebuild from the case folders gives.
    library.reindex()
    assert (
        list(
            sqlite3.connect(library.root / "index.sqlite").execute(
                "SELECT number, withdrawn FROM exhibits WHERE case_number = ? ORDER BY number", (big,)
            )
        )
        == listed
    )


def test_a_change_writes_out_afresh_only_the_exhibits_it_touches(library, big, tmp_path, monkeypatch):
    exhibits_written = Counter()
    real = library_module.to_data

    def counted(value: Any) -> Any:
        if isinstance(value, Exhibit):
            exhibits_written.calls.append(value.number)
        return real(value)

    monkeypatch.setattr(library_module, "to_data", counted)
    add_one(library, big, tmp_path)
    assert exhibits_written.calls == [EXHIBITS + 1]
    with library.edit(big) as writer:
        writer.update_exhibit(7, title="聊天记录（第七页）")
    assert exhibits_written.calls == [EXHIBITS + 1, 7]

    # case.json is the record: one exhibit a line, and exactly what the custody log folds to.
    folder = library.folder(big)
    text = folder.record_path.read_text("utf-8")
    assert json.loads(text)["exhibits"][6]["title"] == "聊天记录（第七页）"
    assert sum(1 for line in text.splitlines() if line.startswith('    {"number": ')) == EXHIBITS + 1
    problems, truth = library_module.check_record(folder)
    assert problems == [] and truth is not None
    assert model.to_data(truth) == model.to_data(folder.read_record())


def test_folding_a_log_visits_each_exhibit_once(library, big, monkeypatch):
    visited = Counter()
    real = model.ExhibitList._catch_up_numbers

    def catch_up(self: model.ExhibitList) -> None:
        visited.calls.extend(range(self._numbered, len(self)))
        real(self)

    monkeypatch.setattr(model.ExhibitList, "_catch_up_numbers", catch_up)
    case = record.fold(library.folder(big).custody.read())
    assert len(case.exhibits) == EXHIBITS
    assert 0 < len(visited.calls) <= EXHIBITS  # not one pass over the exhibits so far for every entry


def test_verification_reads_the_custody_log_once(library, big, monkeypatch):
    scanned, read = Counter(), Counter()
    monkeypatch.setattr(CustodyLog, "scan", scanned.wrap(CustodyLog.scan))
    monkeypatch.setattr(CustodyLog, "read", read.wrap(CustodyLog.read))
    report = list(verify_case(library, big, record_result=False))[-1]
    assert isinstance(report, CaseReport) and report.ok
    assert len(scanned.calls) == 1 and read.calls == []


def test_a_log_altered_before_its_last_entry_is_still_caught_by_verification(library, big, tmp_path):
    add_one(library, big, tmp_path)
    log = library.folder(big).path / "CUSTODY.jsonl"
    lines = log.read_text("utf-8").splitlines(keepends=True)
    lines[2] = lines[2].replace("chat-001", "chat-999")
    log.write_text("".join(lines), "utf-8")
    report = list(verify_case(library, big))[-1]
    assert isinstance(report, CaseReport) and report.damaged
    assert "altered" in " ".join(map(str, report.problems))


def test_a_last_entry_altered_is_refused_before_the_change(library, big, tmp_path):
    log = library.folder(big).path / "CUSTODY.jsonl"
    lines = log.read_text("utf-8").splitlines(keepends=True)
    lines[-1] = lines[-1].replace("chat-039", "chat-938")
    log.write_text("".join(lines), "utf-8")
    with pytest.raises(library_module.DamagedCaseError):
        add_one(library, big, tmp_path)


def test_a_log_written_to_since_the_last_change_is_checked_link_by_link(library, big, tmp_path):
    """An entry before the last one altered by hand: the next change re-checks every link and refuses."""
    log = library.folder(big).path / "CUSTODY.jsonl"
    lines = log.read_text("utf-8").splitlines(keepends=True)
    first = json.loads(lines[0])
    first["operator"] = "别人"
    lines[0] = json.dumps(first, ensure_ascii=False) + "\n"
    log.write_text("".join(lines), "utf-8")
    with pytest.raises(library_module.DamagedCaseError, match="custody log entry 1 was altered"):
        add_one(library, big, tmp_path)


def count_exhibits_made(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Exhibits made from stored data (a line of case.json, a custody entry): their numbers, as made."""
    made: list[int] = []
    real = model._CONVERTERS.get(Exhibit) or model._make_converter(Exhibit)

    def convert(value: Any, where: str) -> Any:
        exhibit = real(value, where)
        made.append(exhibit.number)
        return exhibit

    monkeypatch.setitem(model._CONVERTERS, Exhibit, convert)
    return made


def test_a_change_reads_only_the_exhibits_it_touches(library, big, tmp_path, monkeypatch):
    made = count_exhibits_made(monkeypatch)
    add_one(library, big, tmp_path)
    # The new exhibit is made once, from its custody entry; none of the others is read.
    assert made == [EXHIBITS + 1]
    with library.edit(big) as writer:
        writer.withdraw(3, "拍错了")
        writer.update_exhibit(7, title="聊天记录（第七页）")
        writer.move_exhibit(5, -1)
        writer.add_event(TimelineEvent(at=datetime(2026, 11, 21, 9, 0, tzinfo=UTC), summary="客服来电", evidence=[2]))
    assert made == [EXHIBITS + 1, 3, 7, 5, 2]  # each exhibit a change names, once

    # What was kept is what converting every exhibit afresh writes: case.json is the whole record.
    folder = library.folder(big)
    written = folder.record_path.read_bytes()
    whole = folder.read_record()  # read whole, not line by line
    assert library_module.record_text(whole) == written
    assert [e.withdrawn for e in whole.exhibits].count(True) == 1 and whole.exhibit(7).title == "聊天记录（第七页）"
    assert whole.ordered_numbers()[3:5] == [5, 4]
    problems, truth = library_module.check_record(folder)
    assert problems == [] and truth is not None


def test_a_change_writes_only_the_manifest_lines_it_adds(library, big, tmp_path, monkeypatch):
    formatted: list[tuple[str, str]] = []
    real = manifest_module.format_manifest

    def counted(entries: Any) -> bytes:
        entries = list(entries)
        formatted.extend(entries)
        return real(entries)

    monkeypatch.setattr(manifest_module, "format_manifest", counted)
    add_one(library, big, tmp_path)
    assert len(formatted) == 1
    folder = library.folder(big)
    case = folder.read_record()
    anchor = (manifest_module.ANCHOR_NAME, manifest_module.ANCHOR_SHA256)  # the line of the folder's fixed file
    assert (folder.path / "MANIFEST.sha256").read_bytes() == real([*library_module.manifest_entries(case), anchor])
    with library.edit(big) as writer:
        writer.withdraw(3, "拍错了")
    assert len(formatted) == 1  # no exhibit added: the manifest is not written


def test_lines_set_into_a_manifest_go_where_a_whole_manifest_puts_them(tmp_path):
    # Exhibit 1000 sorts between 100 and 101; a name with a backslash is written escaped.
    entries = [(f"evidence/{n:03d}-page.txt", f"{n:064x}") for n in (*range(95, 105), 999)]
    entries.append(("evidence/050-a\\b.txt", "f" * 64))
    manifest_module.write_manifest(tmp_path, entries)
    added = [
        ("evidence/1000-page.txt", "a" * 64),
        ("evidence/001-first.txt", "b" * 64),
        ("evidence/050-a.txt", "c" * 64),
    ]
    assert manifest_module.add_to_manifest(tmp_path, added)
    anchor = (manifest_module.ANCHOR_NAME, manifest_module.ANCHOR_SHA256)  # written with every whole manifest
    assert (tmp_path / "MANIFEST.sha256").read_bytes() == manifest_module.format_manifest([*entries, *added, anchor])
    assert not manifest_module.add_to_manifest(tmp_path / "nowhere", added)


def test_a_case_json_not_one_exhibit_a_line_is_read_whole_and_written_one_a_line(library, big, tmp_path):
    folder = library.folder(big)
    data = json.loads(folder.record_path.read_text("utf-8"))
    folder.record_path.write_text(json.dumps(data, ensure_ascii=False, indent=4), "utf-8")  # reformatted by hand
    add_one(library, big, tmp_path)
    text = folder.record_path.read_text("utf-8")
    assert sum(1 for line in text.splitlines() if line.startswith('    {"number": ')) == EXHIBITS + 1
    problems, _truth = library_module.check_record(folder)
    assert problems == []


def test_an_exhibit_line_damaged_outside_casefile_is_reported_by_verification(library, big, tmp_path):
    """A change reads only the exhibits it concerns; verification reads every line and says which is wrong."""
    folder = library.folder(big)
    text = folder.record_path.read_text("utf-8")
    folder.record_path.write_text(text.replace('"title": "chat-004"', '"title": chat-004"'), "utf-8")
    add_one(library, big, tmp_path)
    assert '"title": chat-004"' in folder.record_path.read_text("utf-8")  # kept as it was, for verification
    report = list(verify_case(library, big, record_result=False))[-1]
    assert isinstance(report, CaseReport) and report.damaged
    assert "case.json cannot be read" in " ".join(map(str, report.problems))
    with pytest.raises(library_module.CaseFileError, match="case.json cannot be read"):
        library.load_case(big)
