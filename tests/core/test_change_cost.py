"""A change to a case costs what the change is, not what the case is.

Each test counts operations (custody entries read and hashed, index rows written, exhibits
written out afresh in case.json, exhibits visited when folding) for a change to a case that
already holds many exhibits. On the code before, every change re-read and re-hashed the whole
custody log, re-inserted every exhibit's index row and wrote every exhibit out again.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from casefile_testing import make_case

from casefile.core import custody as custody_module
from casefile.core import index as index_module
from casefile.core import library as library_module
from casefile.core import model, record
from casefile.core.custody import CustodyLog
from casefile.core.evidence import add_files
from casefile.core.library import Library
from casefile.core.model import Exhibit
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
    real = model._ExhibitIndex.catch_up

    def catch_up(self: Any, exhibits: list[Exhibit]) -> None:
        visited.calls.extend(exhibits[self.count :])
        real(self, exhibits)

    monkeypatch.setattr(model._ExhibitIndex, "catch_up", catch_up)
    case = record.fold(library.folder(big).custody.read())
    assert len(case.exhibits) == EXHIBITS
    assert len(visited.calls) <= EXHIBITS  # not one pass over the exhibits so far for every entry


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
