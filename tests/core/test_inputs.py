"""What people type is checked where it enters a record, whichever face (app or command) brought it."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from casefile_testing import make_case

from casefile.core import record
from casefile.core.errors import InvalidValueError
from casefile.core.evidence import AddOptions, add_files
from casefile.core.library import Library, case_from_fields
from casefile.core.model import (
    Demand,
    DemandType,
    Stage,
    TimelineEvent,
    Transcript,
    from_data,
    parse_amount,
    parse_datetime,
)
from casefile.core.verify import verify_case

FIELDS = {"title": "屏幕碎裂", "channel": "store", "type": "quality", "complained_at": "2026-11-20T10:30:00+08:00"}


def test_a_new_case_from_the_app_with_an_implausible_time_is_refused_and_leaves_nothing(library):
    for when in ("9999-12-31T23:59:59", "0001-01-01T00:00:00+08:00"):
        case = case_from_fields({**FIELDS, "complained_at": when})
        with pytest.raises(InvalidValueError, match="complained_at.*1900"):
            library.create_case(case)
    assert library.case_numbers() == []
    assert not any(library.cases_dir.iterdir())


def test_updates_from_the_app_are_checked_before_they_are_recorded(library, case):
    folder = library.folder(case.number)
    before = folder.custody.path.read_bytes()
    edits = [
        {"title": "长" * 501},
        {"facts": "x" * 50_001},
        {"complained_at": datetime(9999, 12, 31, 23, 0, tzinfo=UTC)},
        {"first_response_at": datetime(1, 1, 1, 8, 0, tzinfo=timezone(timedelta(hours=8)))},
        {"demands": [Demand(type=DemandType.REFUND, amount=Decimal("1e309"))]},
        {"demands": [Demand(type=DemandType.OTHER, description="d" * 50_001)]},
    ]
    for fields in edits:
        changed = dataclasses.replace(library.load_case(case.number), **fields)
        with library.edit(case.number) as writer, pytest.raises(InvalidValueError):
            writer.update(changed)
    with library.edit(case.number) as writer, pytest.raises(InvalidValueError, match="summary is too long"):
        writer.add_event(from_data(TimelineEvent, {"at": "2026-11-21T10:00+08:00", "summary": "s" * 50_001}))
    assert folder.custody.path.read_bytes() == before
    ok = dataclasses.replace(library.load_case(case.number), title="长" * 500, facts="x" * 50_000)
    with library.edit(case.number) as writer:
        assert writer.update(ok) == ["facts", "title"]


def test_exhibit_edits_from_the_app_are_checked(library, case, files):
    list(add_files(library, case.number, [files / "chat.txt"]))
    with library.edit(case.number) as writer:
        for fields in (
            {"title": "t" * 501},
            {"source": "s" * 2_001},
            {"purpose": "p" * 50_001},
            {"captured_at": datetime(9999, 1, 1, tzinfo=UTC), "captured_at_source": "user"},
            {"transcript": Transcript(recorded_by="张三", started_at=datetime(1, 1, 2, tzinfo=UTC))},
        ):
            with pytest.raises(InvalidValueError):
                writer.update_exhibit(1, **fields)
        with pytest.raises(InvalidValueError, match="reason is too long"):
            writer.withdraw(1, "r" * 50_001)
        with pytest.raises(InvalidValueError, match="note is too long"):
            writer.set_stage(Stage.NEGOTIATION, "n" * 50_001)
        assert writer.update_exhibit(1, title="t" * 500).title == "t" * 500
    with pytest.raises(InvalidValueError, match="purpose is too long"):
        list(add_files(library, case.number, [files / "破损照片.jpg"], AddOptions(purpose="p" * 50_001)))
    assert [e.number for e in library.load_case(case.number).exhibits] == [1]


def test_records_written_before_the_limits_stay_readable_and_verifiable(tmp_path):
    """A custody log is never refused for what an older version let in."""
    root = tmp_path / "lib"
    library = Library.open(root, "测试员")
    case = make_case(library)
    with library.edit(case.number) as writer:  # as an older CaseFile recorded them, unchecked
        writer.record(
            record.UPDATE,
            {
                "fields": {
                    "title": "长" * 100_000,
                    "facts": "x" * 200_000,
                    "transaction": {"amount": "1E+3"},
                    "shipment": {"freight": "1" * 29},
                    "first_response_at": "2300-01-01T00:00:00+08:00",
                }
            },
        )
        writer.record(record.EVENT, {"event": {"at": "1850-01-01T00:00:00+08:00", "summary": "s" * 100_000}})
    library.close()
    library = Library.open(root, "测试员")
    stored = library.load_case(case.number)
    assert len(stored.title) == 100_000 and stored.transaction.amount == Decimal("1E+3")
    assert stored.first_response_at is not None and stored.first_response_at.year == 2300
    (report,) = [r for r in verify_case(library, case.number) if not hasattr(r, "done")]
    assert report.ok, report.problems
    with library.edit(case.number) as writer:  # and it can still be worked on
        writer.set_stage(Stage.NEGOTIATION, "继续处理")
    assert library.reindex() == 1
    library.close()


def test_parse_amount_and_parse_datetime_check_what_people_type_only():
    assert parse_amount("1e3", "amount", check=False) == Decimal("1e3")
    with pytest.raises(InvalidValueError):
        parse_amount("1e3", "--amount")
    assert parse_amount("１,２９９.５") == Decimal("1299.5")
    assert parse_amount(Decimal("10000000000")) == Decimal("10000000000")
    assert parse_datetime("2300-01-01T00:00+00:00", "stored", check=False).year == 2300
    with pytest.raises(InvalidValueError, match="--at"):
        parse_datetime("2300-01-01T00:00+00:00", "--at")
