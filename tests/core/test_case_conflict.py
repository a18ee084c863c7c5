"""A change made from an older copy of a case never silently undoes someone else's: two writers on one
library folder (two windows, two processes) — different fields are both kept, the same field is a conflict
that names the field, who changed it and when, and writes nothing."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from casefile_testing import make_case

from casefile.core.errors import ConflictError
from casefile.core.library import Library
from casefile.core.model import Case, EvidenceKind


@pytest.fixture
def two(tmp_path: Path):
    """The same library opened twice, as two windows or two processes would, by two people."""
    mine = Library.open(tmp_path / "library", "张三")
    theirs = Library.open(tmp_path / "library", "李四")
    yield mine, theirs
    theirs.close()
    mine.close()


def _edited(case: Case, **changes: object) -> Case:
    return dataclasses.replace(case, **changes)


def _log(library: Library, number: str) -> bytes:
    return (library.folder(number).path / "CUSTODY.jsonl").read_bytes()


def test_fields_changed_by_two_writers_are_both_kept(two):
    mine, theirs = two
    number = make_case(mine).number
    opened = mine.load_case(number)  # the form is filled
    with theirs.edit(number) as writer:  # meanwhile, in another window
        writer.update(_edited(writer.case, facts="对方在此期间补充的事实"))
    form = _edited(opened, title="屏幕碎裂（已核实）")
    with mine.edit(number) as writer:
        assert writer.update(form, base=opened) == ["title"]
    stored = mine.load_case(number)
    assert stored.title == "屏幕碎裂（已核实）"
    assert stored.facts == "对方在此期间补充的事实"  # not put back to what the form was filled with


def test_without_a_base_the_stale_form_puts_the_other_field_back(two):
    """The behaviour the command line relies on (its edits are made on the current record) is unchanged:
    a whole case given without its base is the case as it should be."""
    mine, theirs = two
    number = make_case(mine).number
    opened = mine.load_case(number)
    with theirs.edit(number) as writer:
        writer.update(_edited(writer.case, facts="对方在此期间补充的事实"))
    with mine.edit(number) as writer:
        assert writer.update(_edited(opened, title="新标题")) == ["facts", "title"]
    assert mine.load_case(number).facts == ""


def test_one_field_of_a_party_each_is_merged(two):
    mine, theirs = two
    number = make_case(mine, complainant={"name": "王五", "phone": "13800138000"}).number
    opened = mine.load_case(number)
    with theirs.edit(number) as writer:
        party = dataclasses.replace(writer.case.complainant, address="上海市徐汇区漕溪北路1号")
        writer.update(_edited(writer.case, complainant=party))
    form = _edited(opened, complainant=dataclasses.replace(opened.complainant, phone="13900139000"))
    with mine.edit(number) as writer:
        writer.update(form, base=opened)
    stored = mine.load_case(number).complainant
    assert (stored.name, stored.phone, stored.address) == ("王五", "13900139000", "上海市徐汇区漕溪北路1号")


def test_the_same_field_changed_by_both_is_a_conflict_and_nothing_is_written(two):
    mine, theirs = two
    number = make_case(mine, complainant={"name": "王五", "phone": "13800138000"}).number
    opened = mine.load_case(number)
    with theirs.edit(number) as writer:
        party = dataclasses.replace(writer.case.complainant, phone="13700137000")
        writer.update(_edited(writer.case, complainant=party, facts="对方写的事实"))
    log_before = _log(mine, number)
    record_before = (mine.folder(number).path / "case.json").read_bytes()
    form = _edited(
        opened,
        title="我改的标题",
        complainant=dataclasses.replace(opened.complainant, phone="13900139000"),
    )
    with pytest.raises(ConflictError) as raised, mine.edit(number) as writer:
        writer.update(form, base=opened)
    error = raised.value
    assert error.by == "李四" and re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", error.at)  # Beijing time
    assert error.paths == ["complainant.phone"]
    text = str(error)
    assert "case " + number in text and "李四" in text and "Complainant — Phone" in text
    assert "reload the case" in text
    assert _log(mine, number) == log_before  # nothing written: not the title either
    assert (mine.folder(number).path / "case.json").read_bytes() == record_before
    stored = mine.load_case(number)
    assert stored.complainant.phone == "13700137000" and stored.title == opened.title
    assert not (mine.root / ".pending" / number).exists()


def test_the_same_value_typed_by_both_is_no_conflict(two):
    mine, theirs = two
    number = make_case(mine).number
    opened = mine.load_case(number)
    with theirs.edit(number) as writer:
        writer.update(_edited(writer.case, title="同一个标题"))
    before = len(mine.folder(number).custody.read())
    with mine.edit(number) as writer:
        assert writer.update(_edited(opened, title="同一个标题"), base=opened) == []
    assert len(mine.folder(number).custody.read()) == before


def test_the_conflict_names_who_changed_each_field_last(two, tmp_path):
    mine, theirs = two
    number = make_case(mine).number
    opened = mine.load_case(number)
    with theirs.edit(number) as writer:
        writer.update(_edited(writer.case, title="李四的标题"))
    third = Library.open(tmp_path / "library", "赵六")
    try:
        with third.edit(number) as writer:
            writer.update(_edited(writer.case, facts="赵六的事实"))
    finally:
        third.close()
    form = _edited(opened, title="张三的标题", facts="张三的事实")
    with pytest.raises(ConflictError) as raised, mine.edit(number) as writer:
        writer.update(form, base=opened)
    error = raised.value
    assert sorted(error.paths) == ["facts", "title"]
    assert error.by == "赵六"  # the latest change; the other field says its own author
    assert "李四" in str(error) and "赵六" in str(error)


def test_a_timeline_event_added_meanwhile_is_a_change_to_the_timeline(two):
    from casefile.core.model import TimelineEvent

    mine, theirs = two
    number = make_case(mine).number
    opened = mine.load_case(number)
    with theirs.edit(number) as writer:
        writer.add_event(TimelineEvent(at=opened.complained_at, summary="对方记录的电话"))
    event = TimelineEvent(at=opened.complained_at, summary="我记录的来电")
    with pytest.raises(ConflictError) as raised, mine.edit(number) as writer:
        writer.update(_edited(opened, timeline=[event]), base=opened)
    assert raised.value.paths == ["timeline"] and raised.value.by == "李四"
    assert [e.summary for e in mine.load_case(number).timeline] == ["对方记录的电话"]


def test_an_exhibit_edited_from_a_stale_copy(two, files):
    from casefile.core.evidence import AddOptions, add_files

    mine, theirs = two
    number = make_case(mine).number
    list(add_files(mine, number, [files / "破损照片.jpg"], AddOptions()))
    shown = mine.load_case(number).exhibit(1)
    with theirs.edit(number) as writer:
        writer.update_exhibit(1, title="李四起的名字", source="客户微信")
    with mine.edit(number) as writer:  # another field: kept both; the same value as shown: not set
        writer.update_exhibit(1, base=shown, kind=EvidenceKind.PHOTO, purpose="证明屏幕破损", title=shown.title)
    stored = mine.load_case(number).exhibit(1)
    assert (stored.title, stored.source, stored.purpose) == ("李四起的名字", "客户微信", "证明屏幕破损")
    log_before = _log(mine, number)
    with pytest.raises(ConflictError) as raised, mine.edit(number) as writer:
        writer.update_exhibit(1, base=shown, title="张三起的名字")
    assert raised.value.paths == ["title"] and raised.value.by == "李四"
    assert "exhibit 1: title" in str(raised.value)
    assert _log(mine, number) == log_before
    with mine.edit(number) as writer:  # without a base: set as asked (the command line, a fresh copy)
        writer.update_exhibit(1, title="张三起的名字")
    assert mine.load_case(number).exhibit(1).title == "张三起的名字"


def test_a_timeline_event_corrected_meanwhile_cannot_be_corrected_from_the_old_copy(two):
    """The correction names the event as it was shown; written anyway, its entry could not be replayed and the
    case would read as damaged. It is a conflict, refused before anything is written."""
    from casefile.core.model import TimelineEvent

    mine, theirs = two
    number = make_case(mine).number
    with mine.edit(number) as writer:
        writer.add_event(TimelineEvent(at=writer.case.complained_at, summary="客户来电"))
    shown = mine.load_case(number).timeline[0]
    with theirs.edit(number) as writer:
        was = writer.case.timeline[0]
        writer.update_event(was, dataclasses.replace(was, summary="客户来电，要求退款"))
    log_before = _log(mine, number)
    for change in (
        lambda w: w.update_event(shown, dataclasses.replace(shown, summary="客户来电投诉")),
        lambda w: w.remove_event(shown, "重复记录"),
    ):
        with pytest.raises(ConflictError) as raised, mine.edit(number) as writer:
            change(writer)
        assert raised.value.by == "李四" and "客户来电" in str(raised.value)
        assert _log(mine, number) == log_before
    assert mine.load_verified_case(number).timeline[0].summary == "客户来电，要求退款"
