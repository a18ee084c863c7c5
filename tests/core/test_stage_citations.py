"""A step of the handling that states a fact — a stage entered with what happened (the merchant's written
reply), the answer to a negotiation round, the closing — cites the exhibits that show it: the custody log
records them, old logs fold and verify as before, and the narratives cite them as （见证据N） by the packet's
own numbering, as timeline events are cited."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime, timedelta, timezone

import pytest
from casefile_testing import make_case

from casefile.core import record
from casefile.core.bundle.context import BundleContext, ExhibitEntry, Organisation, Venue
from casefile.core.bundle.documents.common import _dealings, _event_line
from casefile.core.custody import LOG_NAME, entry_hash
from casefile.core.errors import InvalidValueError, LibraryVersionError
from casefile.core.evidence import add_files
from casefile.core.library import Library
from casefile.core.model import Case, Stage, TimelineEvent
from casefile.core.verify import CaseReport, verify_case
from casefile.core.workflow import handling
from casefile.core.workflow.records import Answer, Closing, ClosingResult, Proposal

CST = timezone(timedelta(hours=8))


def at(day: int, hour: int = 10) -> datetime:
    return datetime(2026, 11, day, hour, 0, tzinfo=CST)


def verify(library: Library, number: str) -> CaseReport:
    report = list(verify_case(library, number))[-1]
    assert isinstance(report, CaseReport)
    return report


def entries_of(library: Library, number: str) -> list[dict]:
    return library.folder(number).custody.read()


@pytest.fixture
def with_exhibits(library, files) -> str:
    case = make_case(library)
    list(add_files(library, case.number, [files / "破损照片.jpg", files / "chat.txt"]))
    return case.number


def packet(case: Case, numbers: list[int], venue: Venue = Venue.CONSUMER_ASSOCIATION) -> BundleContext:
    """A packet holding ``numbers`` in that order, numbered 证据1, 证据2… as a packet numbers them."""
    entries = [ExhibitEntry(case.exhibit(n), str(i)) for i, n in enumerate(numbers, 1)]
    return BundleContext(
        case=case,
        venue=venue,
        entries=entries,
        org=Organisation(name="某某数码客服中心"),
        operator="测试员",
        generated_at=at(25),
    )


def test_a_stage_change_cites_its_exhibits_in_the_log_and_the_record(library, with_exhibits):
    with library.edit(with_exhibits) as w:
        w.set_stage(Stage.NEGOTIATION, "被投诉人书面答复只同意维修", at=at(22, 15), evidence=[2, 1, 2])
    entry = entries_of(library, with_exhibits)[-1]
    assert entry["action"] == record.STAGE and entry["details"]["evidence"] == [2, 1]
    assert record.ACTIONS[record.STAGE].exhibits(entry["details"]) == [2, 1]  # the exhibits' histories show it
    stored = library.load_case(with_exhibits)
    assert stored.stage_log[-1].evidence == [2, 1]
    assert record.fold(entries_of(library, with_exhibits)) == stored
    assert verify(library, with_exhibits).ok


def test_a_stage_change_without_exhibits_writes_what_it_wrote_before(library, with_exhibits):
    with library.edit(with_exhibits) as w:
        w.set_stage(Stage.NEGOTIATION, "电话协商", at=at(22, 15))
    entry = entries_of(library, with_exhibits)[-1]
    assert set(entry["details"]) == {"stage", "note", "at"}
    data = json.loads((library.folder(with_exhibits).path / "case.json").read_text("utf-8"))
    assert "evidence" not in data["stage_log"][-1]


def test_a_number_that_is_no_exhibit_of_the_case_is_refused_and_nothing_is_written(library, with_exhibits):
    before = entries_of(library, with_exhibits)
    with pytest.raises(InvalidValueError, match="no exhibit 9 in case"), library.edit(with_exhibits) as w:
        w.set_stage(Stage.NEGOTIATION, "书面答复", evidence=[1, 9])
    with library.edit(with_exhibits) as w:
        handling.propose(w, Proposal(at=at(21), by="respondent", summary="只同意维修"))
    with pytest.raises(InvalidValueError, match="no exhibit 7 in case"), library.edit(with_exhibits) as w:
        handling.answer_proposal(w, 1, Answer.REJECTED, at(22), "书面拒绝", evidence=[7])
    with pytest.raises(InvalidValueError, match="no exhibit 8 in case"), library.edit(with_exhibits) as w:
        handling.close_case(w, Closing(at=at(23), result=ClosingResult.RESOLVED, evidence=[8]))
    assert len(entries_of(library, with_exhibits)) == len(before) + 1  # the proposal alone


def test_an_answer_and_a_closing_cite_their_exhibits(library, with_exhibits):
    with library.edit(with_exhibits) as w:
        handling.propose(w, Proposal(at=at(21), by="respondent", summary="只同意维修"))
        handling.answer_proposal(w, 1, Answer.REJECTED, at(22), "书面拒绝", evidence=[2])
        handling.close_case(w, Closing(at=at(23), result=ClosingResult.RESOLVED, evidence=[1]))
    entries = entries_of(library, with_exhibits)
    answer, close = entries[-2], entries[-1]
    assert answer["details"]["evidence"] == [2] and close["details"]["closing"]["evidence"] == [1]
    assert record.ACTIONS[record.PROPOSAL_ANSWER].exhibits(answer["details"]) == [2]
    assert record.ACTIONS[record.CLOSE].exhibits(close["details"]) == [1]
    stored = library.load_case(with_exhibits)
    (proposal,) = stored.workflow.proposals
    assert proposal.answer_evidence == [2] and proposal.evidence == []
    assert stored.workflow.closings[-1].evidence == [1] and stored.stage_log[-1].evidence == [1]
    assert record.fold(entries) == stored
    assert verify(library, with_exhibits).ok


def rewrite_log(library: Library, number: str, entries: list[dict]) -> None:
    prev = "0" * 64
    for entry in entries:
        entry.pop("hash", None)
        entry["prev"] = prev
        entry["hash"] = prev = entry_hash(entry)
    path = library.folder(number).path / LOG_NAME
    path.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries), "utf-8")


def test_a_format_4_log_folds_and_verifies_as_it_did(library, with_exhibits):
    with library.edit(with_exhibits) as w:
        w.set_stage(Stage.NEGOTIATION, "电话协商", at=at(22, 15))
        handling.propose(w, Proposal(at=at(21), by="respondent", summary="只同意维修"))
        handling.answer_proposal(w, 1, Answer.REJECTED, at(22), "拒绝")
        handling.close_case(w, Closing(at=at(23), result=ClosingResult.RESOLVED))
    stored = library.load_case(with_exhibits)
    entries = entries_of(library, with_exhibits)
    for entry in entries:  # as CaseFile 4 wrote them
        entry["v"] = 4
    rewrite_log(library, with_exhibits, entries)
    folder = library.folder(with_exhibits).path
    data = json.loads((folder / "case.json").read_text("utf-8"))
    data["custody_head"]["hash"] = entries[-1]["hash"]
    (folder / "case.json").write_text(json.dumps(data, ensure_ascii=False, indent=2), "utf-8")
    folded = record.fold(entries)
    assert dataclasses.replace(folded, custody_head=stored.custody_head) == stored
    assert all(change.evidence == [] for change in folded.stage_log)
    assert verify(library, with_exhibits).ok


def test_a_log_of_a_newer_format_is_refused(library, with_exhibits):
    entries = entries_of(library, with_exhibits)
    entries[-1]["v"] = 6
    with pytest.raises(LibraryVersionError, match="newer CaseFile"):
        record.fold(entries)


def test_the_narrative_cites_a_dealing_by_the_packets_own_numbers(library, with_exhibits):
    with library.edit(with_exhibits) as w:
        w.set_stage(Stage.NEGOTIATION, "被投诉人书面答复只同意维修", at=at(22, 15), evidence=[2])
    case = library.load_case(with_exhibits)
    # Exhibit 2 is the packet's 证据1 when the packet holds it first.
    assert _dealings(packet(case, [2, 1])) == ["2026年11月22日 15:00，被投诉人书面答复只同意维修（见证据1）"]
    assert _dealings(packet(case, [1, 2])) == ["2026年11月22日 15:00，被投诉人书面答复只同意维修（见证据2）"]
    # Left out of the packet: no number it does not have, as for an event.
    assert _dealings(packet(case, [1])) == ["2026年11月22日 15:00，被投诉人书面答复只同意维修"]


def test_a_withdrawn_exhibit_is_not_cited_as_for_an_event(library, with_exhibits):
    from casefile.core.bundle.options import select_entries

    with library.edit(with_exhibits) as w:
        w.set_stage(Stage.NEGOTIATION, "被投诉人书面答复只同意维修", at=at(22, 15), evidence=[2])
        w.add_event(TimelineEvent(at=at(22, 16), summary="商家书面答复", evidence=[2]))
        w.withdraw(2, "重复提交")
    case = library.load_case(with_exhibits)
    assert case.stage_log[-1].evidence == [2]  # the record still says what was cited then
    ctx = dataclasses.replace(packet(case, [1]), entries=select_entries(case, None))  # the packet a user gets
    assert [e.exhibit.number for e in ctx.entries] == [1]
    assert _event_line(ctx, case.timeline[-1]).endswith("商家书面答复")  # the event cites nothing
    assert _dealings(ctx) == ["2026年11月22日 15:00，被投诉人书面答复只同意维修"]  # nor does the dealing
