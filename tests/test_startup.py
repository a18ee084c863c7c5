"""Start-up: short commands load only what they use, and list reads the index without SQLAlchemy.

Counted in modules a fresh interpreter loaded, never in seconds: `casefile --version` and
`casefile list` on a library in order must not load SQLAlchemy, Pillow, ReportLab, PyAV,
pikepdf, Qt or watchdog; a listing that needs the library opened (an interrupted change,
a case folder the index does not know) still opens it, and lists the same.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
from pathlib import Path

import pytest
from casefile_testing import make_case, modules_loaded

from casefile.core import index as index_module
from casefile.core import library as library_module
from casefile.core import listing
from casefile.core.fsutil import TEMP_PREFIX
from casefile.core.library import Library

HEAVY = ("sqlalchemy", "PIL", "reportlab", "av", "pikepdf", "PySide6", "watchdog", "fitz")


def run_counted(*argv: str) -> tuple[dict[str, object], str, str]:
    code, loaded, out, err = modules_loaded(argv, HEAVY)
    return {"code": code, "heavy": loaded}, out, err


def test_version_loads_nothing_heavy():
    result, out, err = run_counted("--version")
    assert result == {"code": 0, "heavy": []}, err
    assert out.startswith("CaseFile ")


def test_help_loads_nothing_heavy():
    result, out, _ = run_counted("--help")
    assert result == {"code": 0, "heavy": []}
    assert "casefile" in out


def test_list_of_a_library_in_order_reads_the_index_alone(library: Library):
    numbers = [make_case(library, title=f"投诉{i}").number for i in range(3)]
    library.close()
    result, out, err = run_counted("--library", str(library.root), "list")
    assert result == {"code": 0, "heavy": []}, err
    assert [line.split()[0] for line in out.splitlines()] == numbers


def copied_in_by_hand(library: Library) -> str:
    """A case folder moved into the (closed) library by hand: not in the index until the library is
    opened and reconciles it. Its number."""
    other = Library.open(library.root.parent / "other", "测试员")
    stranger = make_case(other, title="外来案件", complained_at="2026-10-20T10:30:00+08:00").number
    other.close()
    os.rename(other.cases_dir / stranger, library.cases_dir / stranger)
    return stranger


def test_list_that_needs_the_library_opened_opens_it(library: Library):
    make_case(library, title="已登记")
    library.close()
    stranger = copied_in_by_hand(library)
    assert listing.quick_summaries(library.root) is None
    result, out, err = run_counted("--library", str(library.root), "list")
    assert result["code"] == 0, err
    assert "sqlalchemy" in result["heavy"]  # opened, reconciled
    assert stranger in out
    # Now in order again: the next listing needs no opening.
    result, out, err = run_counted("--library", str(library.root), "list")
    assert result == {"code": 0, "heavy": []}, err
    assert stranger in out


@pytest.mark.parametrize(
    "disorder",
    ["pending", "staging", "work", "gone", "schema", "no-index", "open-to-others"],
)
def test_anything_to_repair_or_reconcile_falls_back_to_opening(library: Library, disorder: str):
    case = make_case(library)
    library.close()
    assert listing.quick_summaries(library.root) is not None
    root = library.root
    if disorder == "pending":
        (root / ".pending" / case.number).write_text("", encoding="utf-8")
    elif disorder == "staging":
        (root / "cases" / f"{TEMP_PREFIX}x").mkdir()
    elif disorder == "work":
        (root / ".work").mkdir(exist_ok=True)
        (root / ".work" / "x").mkdir()
    elif disorder == "gone":
        os.rename(root / "cases" / case.number, root / case.number)
    elif disorder == "schema":
        import sqlite3

        with sqlite3.connect(root / "index.sqlite") as con:
            con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
        con.close()
    elif disorder == "no-index":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{root / 'index.sqlite'}{suffix}").unlink(missing_ok=True)
    elif disorder == "open-to-others":
        os.chmod(root, 0o755)
    assert listing.quick_summaries(root) is None


def test_quick_listing_equals_the_index(library: Library):
    make_case(library, title="屏幕碎裂 50%_off/", complainant={"name": "张三", "phone": "13800001234"})
    make_case(library, title="物流延误", complainant={"name": "李四", "phone": "13900005678"})
    number = make_case(library, title="第三件").number
    library.index.set_damaged(number, "测试")
    for search in ("", "50%", "_off/", "5678", "张三", "不存在", "%", "_"):
        want = [dataclasses.astuple(s) for s in library.list_cases(search)]
        got = listing.quick_summaries(library.root, search)
        assert got is not None
        assert [dataclasses.astuple(s) for s in got] == want, search
    library.close()


def test_listing_keeps_to_the_index_and_library_layout():
    assert [f.name for f in dataclasses.fields(listing.CaseSummary)] == [
        f.name for f in dataclasses.fields(index_module.CaseSummary)
    ]
    assert listing.SCHEMA_VERSION == index_module.SCHEMA_VERSION
    assert listing.LIBRARY_MARKER == library_module.LIBRARY_MARKER
    assert listing.LIBRARY_FORMAT == library_module.LIBRARY_FORMAT
    assert listing.LIBRARY_VERSION == library_module.LIBRARY_VERSION
    assert listing.TEMP_PREFIX == TEMP_PREFIX
    assert listing.CASE_NUMBER.pattern == library_module.CASE_NUMBER.pattern


def test_due_of_a_library_in_order_reads_the_index_alone_and_agrees_with_the_index(library: Library):
    """casefile due reads the clocks' rows with sqlite3, as list does: the same rows as the index's query."""
    import json
    from datetime import UTC, datetime, timedelta

    numbers = [make_case(library, title=f"投诉{i}", priority="urgent").number for i in range(3)]
    now = datetime.now(UTC)
    until = now + timedelta(days=3650)
    expected = library.index.agenda(until=until, now=now)
    library.close()
    assert listing.quick_agenda(library.root, until=until, now=now) == expected
    assert {row.number for row in expected} == set(numbers)
    result, out, err = run_counted("--library", str(library.root), "due", "--days", "3650", "--json")
    assert result == {"code": 0, "heavy": []}, err
    shown = json.loads(out)
    assert [(i["case"], i["clock"]) for i in shown] == [(row.number, row.key) for row in expected]


def test_show_of_a_library_in_order_reads_the_case_folder_alone(library: Library):
    number = make_case(library, title="屏幕碎裂").number
    library.close()
    result, out, err = run_counted("--library", str(library.root), "show", number)
    assert result["code"] == 0, err
    assert "sqlalchemy" not in result["heavy"], err
    assert out.splitlines()[0] == f"{number}  屏幕碎裂"


def test_a_library_opened_on_demand_lists_its_cases_and_clocks_without_opening_the_index(
    library: Library, monkeypatch: pytest.MonkeyPatch
):
    """The app opens its library with the index on demand: the case list and each case's next deadline
    are read with sqlite3 (the same rows as the index's), SQLAlchemy loads with the first change."""
    from datetime import UTC, datetime, timedelta

    numbers = [make_case(library, title=f"投诉{i}", priority=p).number for i, p in enumerate(["urgent", "normal"])]
    damaged = make_case(library, title="损坏的案件", priority="important").number
    library.index.set_damaged(damaged, "测试")
    # Answered within the hour: its one clock left running is the limitation period.
    complained, replied = "2026-11-20T10:00:00+08:00", "2026-11-20T11:00:00+08:00"
    answered = make_case(library, title="已答复", complained_at=complained, first_response_at=replied).number
    now = datetime.now(UTC)
    summaries, deadlines = library.list_cases(), library.index.next_deadlines(now)
    assert set(deadlines) == {*numbers, damaged, answered} and deadlines[answered].kind == "limit"
    # Years on, each case's limitation period (a limit) has run out and its reply (a promise) is overdue.
    later = [now + timedelta(days=days) for days in (1, 400, 365 * 5)]
    expected = {at: library.index.next_deadlines(at) for at in later}
    agendas = {at: library.index.agenda(until=at + timedelta(days=3650), now=at) for at in later}
    assert answered in expected[later[0]] and answered not in expected[later[-1]]  # its limit ran out
    # One case's row, read again after it changed: the same as the whole list's row and next deadline.
    by_number = {s.number: s for s in summaries}
    rows = {at: {n: (by_number[n], expected[at].get(n)) for n in by_number} for at in later}
    rows[now] = {n: (by_number[n], deadlines.get(n)) for n in by_number}
    for at, expected_rows in rows.items():
        assert {n: library.index.case_row(n, at) for n in by_number} == expected_rows
    assert library.index.case_row("209912-001", now) == (None, None)
    library.close()
    assert listing.quick_next_deadlines(library.root, now) == deadlines
    for at in later:
        assert listing.quick_next_deadlines(library.root, at) == expected[at]
        assert listing.quick_agenda(library.root, until=at + timedelta(days=3650), now=at) == agendas[at]
    for at, expected_rows in rows.items():
        assert {n: listing.quick_case_row(library.root, n, at) for n in by_number} == expected_rows
    assert listing.quick_case_row(library.root, "209912-001", now) == (None, None)

    opened: list[Path] = []
    real = Library._open_index
    monkeypatch.setattr(Library, "_open_index", lambda self: opened.append(self.root) or real(self))
    on_demand = Library.open(library.root, "测试员", index_on_demand=True)
    try:
        assert on_demand.list_cases() == summaries
        assert on_demand.list_cases("投诉1") == [s for s in summaries if s.title == "投诉1"]
        assert on_demand.next_deadlines(now) == deadlines
        assert on_demand.case_row(answered, now) == rows[now][answered]
        assert opened == []
        with on_demand.edit(numbers[0]) as writer:  # the first change opens the index, once
            writer.update(dataclasses.replace(writer.case, title="投诉0（已改）"))
        assert len(opened) == 1
        assert [s.title for s in on_demand.list_cases() if s.number == numbers[0]] == ["投诉0（已改）"]
    finally:
        on_demand.close()


def test_a_library_not_in_order_opened_on_demand_is_opened_in_full(library: Library):
    make_case(library, title="已登记")
    library.close()
    stranger = copied_in_by_hand(library)
    reopened = Library.open(library.root, "测试员", index_on_demand=True)
    try:
        assert stranger in [s.number for s in reopened.list_cases()]
    finally:
        reopened.close()


def test_export_of_a_library_in_order_records_it_without_sqlalchemy(library: Library, tmp_path: Path):
    """An export only bears witness: its custody entry is written and the case's revision noted in the
    index with sqlite3, as for verify and bundle."""
    import sqlite3

    number = make_case(library, title="屏幕碎裂").number
    library.close()
    archive = tmp_path / "out.zip"
    result, out, err = run_counted("--library", str(library.root), "export", number, "--output", str(archive))
    assert result["code"] == 0, err
    assert "sqlalchemy" not in result["heavy"], err
    assert archive.is_file()
    reopened = Library.open(library.root, "测试员")
    try:
        case = reopened.load_case(number)
        assert reopened.folder(number).custody.last()["action"] == "export"
        with contextlib.closing(sqlite3.connect(library.root / "index.sqlite")) as connection:
            (revision,) = connection.execute("SELECT revision FROM cases WHERE number = ?", (number,)).fetchone()
        assert revision == case.revision == case.custody_head.seq
    finally:
        reopened.close()
