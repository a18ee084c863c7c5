"""True dates (issue 11, point 4): a stage change and an event are dated when they happened, not when
they were typed in; complaints lodged with someone carry who it was and the number they gave it."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from casefile_testing import make_case

from casefile.core import record
from casefile.core.custody import LOG_NAME, entry_hash
from casefile.core.errors import InvalidValueError
from casefile.core.library import Library
from casefile.core.model import (
    EVENT_PARTIES,
    RECORD_VERSION,
    EventKind,
    Stage,
    TimelineEvent,
    case_from_data,
    parse_datetime,
    to_data,
)
from casefile.core.record.timeline import lodged
from casefile.core.record.versions import ENTRY_VERSION

CST = timezone(timedelta(hours=8))


def entries_of(library: Library, number: str) -> list[dict]:
    return library.folder(number).custody.read()


# ---------------------------------------------------------------------------- stage changes


def test_a_stage_change_is_dated_when_it_happened_and_keeps_when_it_was_recorded(library):
    case = make_case(library)
    said = datetime(2026, 11, 20, 11, 0, tzinfo=CST)  # half an hour after the complaint
    before = datetime.now().astimezone()
    with library.edit(case.number) as writer:
        writer.set_stage(Stage.NEGOTIATION, "电话提出退款方案", at=said)
    stored = library.load_case(case.number)
    change = stored.stage_log[-1]
    assert change.stage is Stage.NEGOTIATION and change.note == "电话提出退款方案"
    assert change.at == said  # the time it happened, which the court complaint's 协商情况 prints
    assert change.recorded_at is not None and change.recorded_at >= before  # the time it was typed in
    entry = entries_of(library, case.number)[-1]
    assert entry["action"] == "stage" and entry["details"]["at"] == said.isoformat()
    assert parse_datetime(entry["at"]) == change.recorded_at
    assert entry["v"] == ENTRY_VERSION == 5
    # case.json is the log folded: the same times come back from the custody log alone.
    assert record.fold(entries_of(library, case.number)) == stored


def test_a_stage_change_without_a_time_is_dated_now_and_writes_nothing_new(library):
    case = make_case(library)
    with library.edit(case.number) as writer:
        writer.set_stage(Stage.VERIFICATION, "已核实订单")
    stored = library.load_case(case.number)
    entry = entries_of(library, case.number)[-1]
    assert "at" not in entry["details"]
    assert stored.stage_log[-1].at == parse_datetime(entry["at"])
    assert stored.stage_log[-1].recorded_at is None
    assert "recorded_at" not in to_data(stored.stage_log[-1])  # sparse: records stay as they were


@pytest.mark.parametrize("ahead", [timedelta(hours=1), timedelta(days=20)])
def test_a_stage_change_in_the_future_is_refused_and_nothing_is_written(library, ahead):
    case = make_case(library)
    log_before = (library.folder(case.number).path / LOG_NAME).read_bytes()
    with pytest.raises(InvalidValueError, match="in the future"), library.edit(case.number) as writer:
        writer.set_stage(Stage.NEGOTIATION, "", at=datetime.now().astimezone() + ahead)
    assert (library.folder(case.number).path / LOG_NAME).read_bytes() == log_before
    assert library.load_case(case.number).stage is Stage.REGISTRATION


def test_a_format_2_log_reads_its_stage_changes_at_the_time_they_were_recorded(library):
    case = make_case(library)
    with library.edit(case.number) as writer:
        writer.set_stage(Stage.VERIFICATION, "核实")
    folder = library.folder(case.number).path
    entries = entries_of(library, case.number)
    prev = "0" * 64
    for entry in entries:  # as CaseFile 2 wrote them
        entry["v"] = 2
        entry.pop("hash")
        entry["prev"] = prev
        entry["hash"] = prev = entry_hash(entry)
    (folder / LOG_NAME).write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries), "utf-8")
    folded = record.fold(entries)
    assert folded.stage_log[-1].at == parse_datetime(entries[-1]["at"]) and folded.stage_log[-1].recorded_at is None
    data = json.loads((folder / "case.json").read_text("utf-8"))
    assert data["version"] == RECORD_VERSION == 3
    assert case_from_data({**data, "version": 2}) == case_from_data(data)  # format 2 means the same in 3


# ---------------------------------------------------------------------------- events


def test_an_event_in_the_future_is_refused(library):
    case = make_case(library)
    with pytest.raises(InvalidValueError, match="in the future"), library.edit(case.number) as writer:
        writer.add_event(TimelineEvent(at=datetime.now().astimezone() + timedelta(hours=2), summary="回访"))
    assert library.load_case(case.number).timeline == []
    with library.edit(case.number) as writer:  # a clock a minute ahead is not a typo
        writer.add_event(TimelineEvent(at=datetime.now().astimezone() + timedelta(minutes=1), summary="回访"))
    assert len(library.load_case(case.number).timeline) == 1


def test_a_complaint_lodged_keeps_who_it_was_with_and_their_reference(library):
    case = make_case(library, type="logistics")
    with library.edit(case.number) as writer:
        writer.add_event(
            TimelineEvent(
                at=datetime(2026, 11, 21, 9, 0, tzinfo=CST),
                kind=EventKind.COMPLAINT,
                summary="向快递公司申请理赔",
                party="courier",
                ref="GD20261121001",
            )
        )
    (event,) = library.load_case(case.number).timeline
    assert (event.kind, event.party, event.ref) == (EventKind.COMPLAINT, "courier", "GD20261121001")
    assert entries_of(library, case.number)[-1]["details"]["event"]["party"] == "courier"
    with pytest.raises(InvalidValueError, match="party"), library.edit(case.number) as writer:
        writer.add_event(TimelineEvent(at=datetime(2026, 11, 21, tzinfo=CST), summary="x", party="快递员"))


def test_an_event_without_party_or_reference_is_written_as_before(library):
    case = make_case(library)
    with library.edit(case.number) as writer:
        writer.add_event(TimelineEvent(at=datetime(2026, 11, 20, 11, 0, tzinfo=CST), summary="致电商家"))
    written = entries_of(library, case.number)[-1]["details"]["event"]
    assert "party" not in written and "ref" not in written


def test_lodged_lists_the_complaints_to_one_party_oldest_first(library):
    case = make_case(library, type="logistics")
    events = [
        (datetime(2026, 11, 24, 9, 0, tzinfo=CST), EventKind.COMPLAINT, "courier", "GD-2", "再次投诉"),
        (datetime(2026, 11, 21, 9, 0, tzinfo=CST), EventKind.COMPLAINT, "courier", "GD-1", "首次索赔"),
        (datetime(2026, 11, 20, 9, 0, tzinfo=CST), EventKind.CALL, "courier", "", "致电快递员"),
        (datetime(2026, 11, 22, 9, 0, tzinfo=CST), EventKind.COMPLAINT, "postal-regulator", "12305-9", "申诉"),
        (datetime(2026, 11, 19, 9, 0, tzinfo=CST), EventKind.COMPLAINT, "", "", "未说明对象的投诉"),
    ]
    with library.edit(case.number) as writer:
        for at, kind, party, ref, summary in events:
            writer.add_event(TimelineEvent(at=at, kind=kind, summary=summary, party=party, ref=ref))
    stored = library.load_case(case.number)
    courier = lodged(stored, "courier")
    assert [(e.ref, e.at.day) for e in courier] == [("GD-1", 21), ("GD-2", 24)]
    # The courier claim's 7-day reply and the 12305 appeal run from the first one.
    assert courier[0].at == datetime(2026, 11, 21, 9, 0, tzinfo=CST) and courier[0].ref == "GD-1"
    assert [e.ref for e in lodged(stored, "postal-regulator")] == ["12305-9"]
    assert lodged(stored, "court") == []
    with pytest.raises(ValueError, match="unknown party"):
        lodged(stored, "agency")


def test_every_party_of_an_event_is_a_place_a_dispute_goes():
    assert set(EVENT_PARTIES) == {
        "respondent",
        "courier",
        "complainant",
        "consumer-association",
        "regulator",
        "postal-regulator",
        "court",
        "arbitration",
    }


def test_a_reference_goes_through_the_destination_s_masker_like_every_text_of_the_record():
    from casefile.core.disclosure import disclosure_for
    from casefile.core.disclosure.masking import Masker
    from casefile.core.model import Case, CaseType, Channel, Party
    from casefile.core.venues import Venue

    case = Case(
        number="202611-001",
        title="快递外箱压坏",
        complained_at=datetime(2026, 11, 20, 10, 0, tzinfo=CST),
        channel=Channel.PHONE,
        type=CaseType.LOGISTICS,
        complainant=Party(name="张三", phone="13812345678"),
        timeline=[
            TimelineEvent(
                datetime(2026, 11, 21, tzinfo=CST), EventKind.COMPLAINT, party="courier", ref="GD20261121001"
            ),
            TimelineEvent(datetime(2026, 11, 22, tzinfo=CST), EventKind.COMPLAINT, party="courier", ref="13912345678"),
        ],
    )
    shown = Masker(case, disclosure_for(Venue.COURIER_CLAIM), None).case(case)
    assert [e.ref for e in shown.timeline] == ["GD20261121001", "139****5678"]  # a ticket number stays
    assert [e.ref for e in case.timeline] == ["GD20261121001", "13912345678"]  # the record is not changed


def test_the_court_complaint_dates_the_dealings_when_they_happened(library):
    """Issue 11, point 4: 协商情况 printed the moment the stage was typed in, a false date in a signed pleading."""
    from casefile_testing import filed_case
    from pypdf import PdfReader

    from casefile.core.bundle import BundleOptions, BundleResult, Venue, build_bundle
    from casefile.core.settings import Settings

    case = filed_case(library)
    with library.edit(case.number) as writer:
        writer.set_stage(Stage.NEGOTIATION, "电话提出退款方案，商家拒绝", at=datetime(2026, 11, 20, 11, 0, tzinfo=CST))
    options = BundleOptions(Venue.COURT, force=True)
    (result,) = [r for r in build_bundle(library, case.number, options, Settings()) if isinstance(r, BundleResult)]
    text = "".join(page.extract_text() or "" for page in PdfReader(result.files[0]).pages)
    lines = [line for line in text.splitlines() if "电话提出退款方案" in line]  # the complaint and its copies
    recorded = library.load_case(case.number).stage_log[-1].recorded_at
    assert lines and recorded is not None
    typed = recorded.astimezone(CST)
    for line in lines:
        assert "2026年11月20日" in line
        if typed.date() != datetime(2026, 11, 20).date():
            assert f"{typed.year}年{typed.month}月{typed.day}日" not in line  # not when it was typed in
