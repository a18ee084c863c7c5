"""Case records: numbering, deadlines, stages, timeline, round trips through case.json."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from contextlib import ExitStack
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from casefile_testing import make_case

from casefile.core.errors import InvalidValueError, NotFoundError
from casefile.core.library import Library
from casefile.core.model import (
    Case,
    Demand,
    DemandType,
    EventKind,
    Party,
    PartyKind,
    Priority,
    Stage,
    TimelineEvent,
    case_from_data,
    case_to_data,
    parse_amount,
)
from casefile.core.record import fold

CST = timezone(timedelta(hours=8))


def test_numbers_follow_the_complaint_month_and_restart_each_month(library):
    a = make_case(library, complained_at="2026-11-01T09:00:00+08:00")
    b = make_case(library, complained_at="2026-11-30T23:59:00+08:00")
    c = make_case(library, complained_at="2026-12-01T00:01:00+08:00")
    d = make_case(library, complained_at="2026-10-15T12:00:00+08:00")
    assert [a.number, b.number, c.number, d.number] == ["202611-001", "202611-002", "202612-001", "202610-001"]
    assert (library.cases_dir / "202611-002" / "case.json").is_file()


@pytest.mark.parametrize(("priority", "hours"), [("urgent", 2), ("important", 24), ("normal", 48)])
def test_priority_sets_the_response_deadline(library, priority, hours):
    case = make_case(library, priority=priority, complained_at="2026-11-20T10:30:00+08:00")
    assert case.response_due_at == datetime(2026, 11, 20, 10, 30, tzinfo=CST) + timedelta(hours=hours)
    data = json.loads((library.cases_dir / case.number / "case.json").read_text("utf-8"))
    assert datetime.fromisoformat(data["response_due_at"]) == case.response_due_at


def test_a_full_record_round_trips_through_case_json(library):
    case = make_case(library, priority="important")
    with library.edit(case.number) as writer:
        changed = writer.case
        changed = case_from_data(case_to_data(changed))
        changed.complainant = Party(kind=PartyKind.PERSON, name="张三", phone="13812345678", address="上海市浦东新区")
        changed.respondent = Party(
            kind=PartyKind.ORGANISATION,
            name="某某数码科技有限公司",
            id_number="91310000MA1FL0000N",
            legal_representative="李四",
        )
        changed.courier = Party(kind=PartyKind.ORGANISATION, name="顺丰速运")
        changed.transaction.order_no = "TB20261101001"
        changed.transaction.amount = Decimal("1299.00")
        changed.transaction.quantity = 1
        changed.shipment.waybill_no = "SF1234567890"
        changed.shipment.insured = True
        changed.shipment.declared_value = Decimal("1300")
        changed.demands = [Demand(DemandType.REFUND, Decimal("1299.00")), Demand(DemandType.APOLOGY)]
        changed.facts = "收到时屏幕已碎。"
        assert set(writer.update(changed)) == {
            "complainant",
            "respondent",
            "courier",
            "transaction",
            "shipment",
            "demands",
            "facts",
        }
        writer.set_stage(Stage.VERIFICATION, "已核实订单")
        writer.add_event(
            TimelineEvent(at=datetime(2026, 11, 20, 11, 0, tzinfo=CST), kind=EventKind.CALL, summary="致电商家")
        )
    stored = library.load_case(case.number)
    assert stored.respondent.legal_representative == "李四"
    assert stored.transaction.amount == Decimal("1299.00")
    assert stored.demands[0].type is DemandType.REFUND
    assert [s.stage for s in stored.stage_log] == [Stage.REGISTRATION, Stage.VERIFICATION]
    assert stored.stage_log[1].note == "已核实订单" and stored.stage_log[1].operator == "测试员"
    assert stored.stage is Stage.VERIFICATION
    assert stored.timeline[0].summary == "致电商家"
    # The snapshot is exactly the custody log folded from its first entry.
    folder = library.folder(case.number)
    assert case_to_data(fold(folder.custody.read())) == case_to_data(stored)
    # The index follows.
    (summary,) = library.list_cases()
    assert summary.stage == "verification" and summary.complainant == "张三"
    assert library.list_cases("sf1234567890")[0].number == case.number
    assert library.list_cases("某某数码")[0].number == case.number


def test_the_case_list_finds_a_case_by_its_proceedings_numbers(library):
    """12315, a 消协 or a court calls quoting its 工单号, 受理号 or 案号: typed into the case list's search
    (casefile list --search, read by the index or by sqlite3 alone), it finds the case and no other."""
    from casefile.core.listing import quick_summaries
    from casefile.core.workflow.handling import open_proceeding
    from casefile.core.workflow.records import Proceeding, Venue

    case = make_case(library)
    make_case(library)
    with library.edit(case.number) as writer:
        open_proceeding(writer, Proceeding(Venue.REGULATOR, ref="12315-777"))
        open_proceeding(writer, Proceeding(Venue.COURT, ref="（2026）沪0104民初1234号"))
    for query in ("12315-777", "民初1234"):
        assert [s.number for s in library.list_cases(query)] == [case.number], query
        quick = quick_summaries(library.root, query)
        assert quick is not None and [s.number for s in quick] == [case.number], query
    (summary,) = library.list_cases("12315-777")
    assert summary.proceeding_refs == "12315-777 （2026）沪0104民初1234号"


def test_the_case_list_finds_a_case_by_the_number_its_timeline_records(library):
    """The 12315 工单号 kept where the timeline asks for it (对方编号) finds the case, by the index or sqlite3 alone;
    an index filled before it was searched (contents 0) is filled again when the library opens, its schema kept."""
    import sqlite3

    from casefile.core.listing import quick_summaries

    case = make_case(library)
    make_case(library)
    lodged = TimelineEvent(
        at=datetime(2026, 11, 25, 14, 30, tzinfo=CST),
        kind=EventKind.COMPLAINT,
        summary="通过全国12315平台投诉",
        party="regulator",
        ref="20261125330106000123",
    )
    with library.edit(case.number) as writer:
        writer.add_event(lodged)
    assert [s.number for s in library.list_cases("330106000123")] == [case.number]
    (summary,) = library.list_cases("20261125330106000123")
    assert summary.proceeding_refs == "20261125330106000123"
    root = library.root
    library.close()
    with sqlite3.connect(root / "index.sqlite") as con:  # as an index of this schema made before kept the row
        con.execute("UPDATE cases SET search_text = 'x', proceeding_refs = '' WHERE number = ?", (case.number,))
        con.execute("UPDATE meta SET value = '0' WHERE key = 'contents'")
    con.close()
    assert quick_summaries(root, "20261125330106000123") is None  # not current: opened in full first
    again = Library.open(root, "op")
    try:
        assert [s.number for s in again.list_cases("20261125330106000123")] == [case.number]
        quick = quick_summaries(root, "20261125330106000123")
        assert quick is not None and [s.number for s in quick] == [case.number]
    finally:
        again.close()


def test_timeline_events_must_reference_existing_exhibits(library, case):
    with pytest.raises(InvalidValueError, match="no exhibit 7"), library.edit(case.number) as writer:
        writer.add_event(TimelineEvent(at=datetime.now(CST), summary="x", evidence=[7]))


def test_bad_values_are_refused_with_clear_messages():
    with pytest.raises(InvalidValueError, match="two decimals"):
        parse_amount("12.345")
    with pytest.raises(InvalidValueError, match="zero or more"):
        parse_amount("-1")
    with pytest.raises(InvalidValueError, match="unknown value"):
        case_from_data(
            {
                "format": "casefile-case",
                "version": 1,
                "number": "",
                "title": "t",
                "complained_at": "2026-11-20T10:00",
                "channel": "fax",
                "type": "quality",
            }
        )


def test_naive_times_are_taken_as_local_time(library):
    case = make_case(library, complained_at="2026-11-20T10:30")
    assert case.complained_at.tzinfo is not None
    assert case.complained_at.replace(tzinfo=None) == datetime(2026, 11, 20, 10, 30)


def test_unknown_cases_and_bad_numbers_are_clear_errors(library):
    with pytest.raises(NotFoundError, match="no case 202601-009"):
        library.load_case("202601-009")
    with pytest.raises(InvalidValueError, match="not a case number"):
        library.load_case("../etc")


def test_index_is_rebuilt_from_the_folders(library, case):
    make_case(library, title="快递外箱压坏", type="logistics")
    (library.root / "index.sqlite").unlink()
    for suffix in ("-wal", "-shm"):
        Path(f"{library.root / 'index.sqlite'}{suffix}").unlink(missing_ok=True)
    library.close()
    reopened = Library.open(library.root, "op")
    assert [c.number for c in reopened.list_cases()] == ["202611-001", "202611-002"]
    assert reopened.reindex() == 2
    reopened.close()


def test_priority_enum_hours():
    assert [p.response_hours for p in Priority] == [2, 24, 48]


CREATOR = r"""
import sys
from casefile.core.library import Library, case_from_fields
lib = Library.open(sys.argv[1], sys.argv[2])
print("ready", flush=True)
sys.stdin.readline()  # "go": both processes start creating at once
for i in range(50):
    lib.create_case(case_from_fields({"title": f"{sys.argv[2]} {i}", "complained_at": "2026-11-20T10:00+08:00",
                                       "channel": "phone", "type": "service"}))
"""


def test_two_processes_creating_cases_at_once_get_distinct_numbers(tmp_path):
    root = tmp_path / "lib"
    Library.open(root, "setup").close()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    with ExitStack() as running:
        procs = [
            running.enter_context(
                subprocess.Popen(
                    [sys.executable, "-c", CREATOR, str(root), name],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    text=True,
                    env=env,
                )
            )
            for name in ("甲", "乙")
        ]
        for proc in procs:  # both have imported everything and opened the library
            assert proc.stdout.readline() == "ready\n"
        for proc in procs:
            proc.stdin.write("go\n")
            proc.stdin.close()
        assert [p.wait(timeout=120) for p in procs] == [0, 0]
    library = Library.open(root, "check")
    numbers = library.case_numbers()
    assert len(numbers) == 100
    assert numbers == [f"202611-{i:03d}" for i in range(1, 101)]
    titles = {library.load_case(n).title for n in numbers}
    assert len(titles) == 100
    assert len(library.list_cases()) == 100
    library.close()


def test_case_folder_has_the_documented_layout(library, case):
    folder = library.cases_dir / case.number
    assert sorted(p.name for p in folder.iterdir()) == [
        "CASEFILE.txt",
        "CUSTODY.jsonl",
        "MANIFEST.sha256",
        "README.txt",
        "bundles",
        "case.json",
        "evidence",
        "inbox",
    ]
    data = json.loads((folder / "case.json").read_text("utf-8"))
    assert data["number"] == case.number and data["format"] == "casefile-case"
    assert isinstance(Case, type)


def test_exhibits_can_be_reordered_and_bundles_follow(library, case, files):
    from casefile.core.bundle.options import select_entries
    from casefile.core.evidence import add_files
    from casefile.core.record import fold

    list(add_files(library, case.number, [files / "chat.txt", files / "破损照片.jpg", files / "empty.dat"]))
    with library.edit(case.number) as writer:
        writer.move_exhibit(3, -2)  # the third to the top
        with pytest.raises(InvalidValueError):
            writer.reorder([1, 2])
    stored = library.load_case(case.number)
    assert [e.number for e in stored.ordered_exhibits()] == [3, 1, 2]
    assert [e.exhibit.number for e in select_entries(stored, None)] == [3, 1, 2]
    assert [e.label for e in select_entries(stored, None)] == ["1", "2", "3"]
    assert fold(library.folder(case.number).custody.read()).exhibit_order == [3, 1, 2]


def test_case_numbers_sort_as_numbers_everywhere(library, capsys):
    from casefile.cli import main

    make_case(library)  # 202611-001
    (library.cases_dir / "202611-998").mkdir()  # the 999th and 1000th case of the month come next
    nine, thousand = make_case(library), make_case(library)
    (library.cases_dir / "202611-998").rmdir()
    assert (nine.number, thousand.number) == ("202611-999", "202611-1000")
    expected = ["202611-001", "202611-999", "202611-1000"]
    assert library.case_numbers() == expected
    (library.cases_dir / "202611-500").write_text("not a case folder", encoding="utf-8")
    (library.cases_dir / "202611-501").symlink_to(library.cases_dir / "202611-500")
    (library.cases_dir / "notes").mkdir()
    assert library.case_numbers() == expected  # a file, a link to one, a folder of another name: no case
    for name in ("202611-501", "202611-500"):
        (library.cases_dir / name).unlink()
    (library.cases_dir / "notes").rmdir()
    assert [s.number for s in library.list_cases()] == expected
    assert library.reindex() == 3 and [s.number for s in library.list_cases()] == expected
    assert main(["--library", str(library.root), "list"]) == 0
    assert [line.split()[0] for line in capsys.readouterr().out.splitlines()] == expected
    assert main(["--library", str(library.root), "verify"]) == 0
    assert [line.split(":")[0] for line in capsys.readouterr().out.splitlines()] == expected
