"""What verifying a case of many exhibits costs, counted (never timed).

A case whose case.json is the custody log's fold (the usual case) is checked with one read
and one fold of the log and one comparison of case.json's data with the fold's: case.json is
not converted into a record nor compared field by field, and only a case that differs is.
``casefile verify`` of a library in order does not load SQLAlchemy: recording the run changes
only the case's revision in the index, written with the standard library's sqlite3.
"""

from __future__ import annotations

import gc
import importlib
import json
import sqlite3
from pathlib import Path

import pytest
from casefile_testing import modules_loaded

from casefile.core import library as library_module
from casefile.core import record
from casefile.core.custody import CustodyLog
from casefile.core.library import Library
from casefile.core.model import Exhibit, ExhibitMetadata
from casefile.core.record import Action
from casefile.core.verify import CaseReport, FileStatus, verify_case

fold_module = importlib.import_module("casefile.core.record.fold")  # the package's name `fold` is the function


@pytest.fixture
def many(library: Library, case, tmp_path: Path) -> str:
    """A case of 40 small exhibits."""
    from casefile.core.evidence import add_files

    folder = tmp_path / "notes"
    folder.mkdir()
    for i in range(40):
        (folder / f"note-{i:02d}.txt").write_text(f"聊天记录 {i}\n", encoding="utf-8")
    list(add_files(library, case.number, [folder]))
    return case.number


@pytest.fixture
def counted(monkeypatch) -> dict[str, int]:
    """How often verification reads the log, folds an entry, converts case.json and compares field by field."""
    counts = {"scans": 0, "entries folded": 0, "case.json converted": 0, "compared field by field": 0}

    def counting(name: str, real):  # type: ignore[no-untyped-def]
        def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
            counts[name] += 1
            return real(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(CustodyLog, "scan", counting("scans", CustodyLog.scan))
    monkeypatch.setattr(fold_module, "apply_entry", counting("entries folded", fold_module.apply_entry))
    monkeypatch.setattr(
        library_module, "case_from_data", counting("case.json converted", library_module.case_from_data)
    )
    monkeypatch.setattr(record, "fold_and_compare", counting("compared field by field", record.fold_and_compare))
    return counts


def run(library: Library, number: str) -> CaseReport:
    report = list(verify_case(library, number, record_result=False))[-1]
    assert isinstance(report, CaseReport)
    return report


def entries_in(library: Library, number: str) -> int:
    return len(library.folder(number).custody.read())


def test_a_case_in_agreement_is_checked_with_one_read_and_one_fold(library, many, counted):
    entries = entries_in(library, many)
    report = run(library, many)
    assert report.ok and report.count(FileStatus.INTACT) == 40
    assert counted == {
        "scans": 1,
        "entries folded": entries,  # each entry once, from the first
        "case.json converted": 0,
        "compared field by field": 0,
    }


def test_a_case_json_that_differs_is_compared_field_by_field(library, many, counted):
    path = library.folder(many).record_path
    data = json.loads(path.read_text("utf-8"))
    data["title"] = "改过的标题"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), "utf-8")
    report = run(library, many)
    assert report.damaged
    assert any("case.json differs from its custody log in: title" in str(p) for p in report.problems)
    assert counted["case.json converted"] == 1
    assert counted["compared field by field"] == 1


def test_a_case_json_differing_only_in_a_derived_value_still_verifies(library, many, counted):
    """response_due_at is written for readers and ignored when read: the comparison field by field says so."""
    path = library.folder(many).record_path
    data = json.loads(path.read_text("utf-8"))
    data["response_due_at"] = "2000-01-01T00:00:00+00:00"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")  # and on one line
    report = run(library, many)
    assert report.ok, report.problems
    assert counted["compared field by field"] == 1


def test_a_case_json_behind_its_log_is_compared_at_the_entry_it_names(library, many, counted):
    folder = library.folder(many)
    before = folder.record_path.read_bytes()
    library.record_event(many, record.VERIFY, {"result": "ok"})  # the log goes on; case.json is put back
    folder.record_path.write_bytes(before)
    report = run(library, many)
    assert not report.damaged, report.problems  # a snapshot may lag behind its log after a crash
    assert counted["compared field by field"] == 1


def index_revision(root: Path, number: str) -> int:
    connection = sqlite3.connect(root / "index.sqlite")
    try:
        (revision,) = connection.execute("SELECT revision FROM cases WHERE number = ?", (number,)).fetchone()
    finally:
        connection.close()
    return int(revision)


def test_cli_verify_of_a_library_in_order_does_not_load_sqlalchemy(library, many):
    library.close()
    argv = ["--library", str(library.root), "--operator", "测试员", "verify", many]
    code, loaded, out, err = modules_loaded(argv, ("sqlalchemy",))
    assert (code, loaded) == (0, []), err
    assert f"{many}: OK — 40 files intact" in out.splitlines()[0]
    # The run is recorded, and the index's revision follows the record as a full update would.
    reopened = Library.open(library.root, "测试员")
    try:
        case = reopened.load_case(many)
        assert reopened.folder(many).custody.last()["action"] == record.VERIFY  # type: ignore[index]
        assert index_revision(library.root, many) == case.revision == case.custody_head.seq
    finally:
        reopened.close()


def test_cli_verify_of_a_library_to_recover_opens_it_first(library, many):
    library.close()
    (library.root / ".pending" / many).write_text("", encoding="utf-8")  # a change interrupted
    argv = ["--library", str(library.root), "--operator", "测试员", "verify", many]
    code, loaded, out, err = modules_loaded(argv, ("sqlalchemy",))
    assert (code, loaded) == (0, ["sqlalchemy"]), err
    assert f"{many}: OK — 40 files intact" in out.splitlines()[0]
    assert not (library.root / ".pending" / many).exists()


def test_cli_verify_of_a_damaged_case_quarantines_it_in_the_index(library, many):
    library.close()
    path = library.root / "cases" / many / "case.json"
    data = json.loads(path.read_text("utf-8"))
    data["title"] = "改过的标题"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), "utf-8")
    argv = ["--library", str(library.root), "--operator", "测试员", "verify", many]
    code, _loaded, out, err = modules_loaded(argv, ("sqlalchemy",))
    assert code == 1, err
    assert "DAMAGED" in out
    reopened = Library.open(library.root, "测试员")
    try:
        assert [s.damaged for s in reopened.list_cases() if s.number == many] != [""]
    finally:
        reopened.close()


@pytest.fixture
def written_out(monkeypatch) -> list[int]:
    """The numbers of the exhibits verification writes out again to compare case.json with the log."""
    numbers: list[int] = []
    real = library_module.to_data

    def counting(value):  # type: ignore[no-untyped-def]
        if isinstance(value, Exhibit):
            numbers.append(value.number)
        return real(value)

    monkeypatch.setattr(library_module, "to_data", counting)
    return numbers


def test_exhibits_as_their_ingest_entries_made_them_are_not_written_out_again(library, many, written_out):
    report = run(library, many)
    assert report.ok, report.problems
    assert written_out == []  # each compared with its ingest entry's data
    with library.edit(many) as writer:
        writer.withdraw(3, "拍错了")
    written_out.clear()
    report = run(library, many)
    assert report.ok, report.problems
    assert written_out == [3]  # only the exhibit a later entry changed


def _ingested_as(library: Library, number: str, exhibit: int) -> dict[str, object]:
    for entry in library.folder(number).custody.read():
        if entry["action"] == record.INGEST and entry["details"]["exhibit"]["number"] == exhibit:
            return entry["details"]["exhibit"]  # type: ignore[no-any-return]
    raise AssertionError(exhibit)


@pytest.mark.parametrize("change", ["withdraw", "update", "metadata"])
def test_case_json_showing_a_changed_exhibit_as_it_was_ingested_is_caught(library, many, change):
    """An exhibit a later entry changed is compared as the log leaves it, not as its ingest entry made it."""
    with library.edit(many) as writer:
        if change == "withdraw":
            writer.withdraw(3, "拍错了")
        elif change == "update":
            writer.update_exhibit(3, title="改过的名称")
        else:
            writer.set_exhibit_metadata(3, ExhibitMetadata(encoding="gb18030"), ["edited"], None)
    path = library.folder(many).record_path
    data = json.loads(path.read_text("utf-8"))
    data["exhibits"] = [_ingested_as(library, many, 3) if e["number"] == 3 else e for e in data["exhibits"]]
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    report = run(library, many)
    assert report.damaged
    assert any("case.json differs from its custody log in: exhibits" in str(p) for p in report.problems)


def test_an_exhibit_changed_in_case_json_only_is_caught(library, many, written_out):
    path = library.folder(many).record_path
    data = json.loads(path.read_text("utf-8"))
    data["exhibits"][5]["purpose"] = "证明已付款"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    report = run(library, many)
    assert report.damaged
    assert any("case.json differs from its custody log in: exhibits" in str(p) for p in report.problems)
    assert written_out == [6]  # differs from its ingest entry's data: written out and compared


def test_an_action_not_known_to_leave_exhibits_alone_is_taken_to_change_them_all(library, many, monkeypatch):
    entries = library.folder(many).custody.read()
    _case, sources = record.fold_with_sources(entries)
    assert len(sources) == 40

    def retitle(case, details, at, operator):  # type: ignore[no-untyped-def]
        case.exhibit(1).title = "改过"

    monkeypatch.setitem(record.ACTIONS, "retitle", Action("retitle", retitle, lambda details: []))
    last = entries[-1]
    later = {**last, "seq": last["seq"] + 1, "action": "retitle", "details": {}, "prev": last["hash"]}
    _case, sources = record.fold_with_sources([*entries, later])
    assert sources == {}
    witness = {**later, "action": record.VERIFY, "details": {"result": "ok"}}
    _case, sources = record.fold_with_sources([*entries, witness])
    assert len(sources) == 40  # a witness leaves the record as it was


@pytest.mark.parametrize("own_process", [True, False])
def test_cli_verify_pauses_the_collector_only_in_its_own_process(library, many, monkeypatch, own_process):
    """A case's many objects make no cycles: the command's own process verifies it without the
    collector walking them; called from another program (own_process False), it leaves the collector be."""
    from casefile import cli
    from casefile.core import verify

    library.close()
    collecting: list[bool] = []
    real = verify.verify_case

    def watched(*args, **kwargs):  # type: ignore[no-untyped-def]
        collecting.append(gc.isenabled())
        yield from real(*args, **kwargs)

    monkeypatch.setattr(verify, "verify_case", watched)
    monkeypatch.setitem(cli._OWN_PROCESS, "on", own_process)
    assert gc.isenabled()
    code = cli.main(["--library", str(library.root), "--operator", "测试员", "verify", many])
    assert code == 0
    assert collecting == [not own_process]
    assert gc.isenabled()  # as it was, once the cases are checked
