"""A step of the handling that states a fact — a stage entered with what happened (the merchant's written
reply), the answer to a negotiation round, the closing — cites the exhibits that show it: the custody log
records them, old logs fold and verify as before, and the narratives cite them as （见证据N） by the packet's
own numbering, as timeline events are cited."""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import datetime, timedelta, timezone

import pytest
from casefile_testing import make_case

from casefile.core import record
from casefile.core.bundle.context import BundleContext, ExhibitEntry, Organisation, Venue
from casefile.core.bundle.documents.common import COURT, _dealings, _event_line
from casefile.core.custody import LOG_NAME, entry_hash
from casefile.core.errors import InvalidValueError, LibraryVersionError
from casefile.core.evidence import add_files
from casefile.core.library import Library
from casefile.core.model import Case, EventKind, Stage, TimelineEvent
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


# --------------------------------------------------------------------------- every handling record the narratives tell


def handled_case() -> Case:
    """The documents' full case with a round of negotiation answered, a 消协 mediation, the outcome and the refund,
    each citing an exhibit: 2, 1, 4, 3 and 4 of the case."""
    from decimal import Decimal

    from test_documents import at as on
    from test_documents import full_case

    from casefile.core.workflow.records import Outcome, OutcomeKind, Payment, Proceeding, ProceedingResult
    from casefile.core.workflow.records import Venue as Body

    case = full_case()
    flow = case.workflow
    flow.proposals.append(
        Proposal(
            at=on(21, 9),
            by="respondent",
            summary="被投诉人只同意维修",
            evidence=[2],
            answer=Answer.REJECTED,
            answered_at=on(22, 11),
            answer_note="投诉人要求退货",
            answer_evidence=[1],
        )
    )
    flow.proceedings.append(
        Proceeding(
            venue=Body.CONSUMER_ASSOCIATION,
            body="上海市徐汇区消保委",
            ref="XH2026-001",
            filed_at=on(23, 9),
            result=ProceedingResult.NO_AGREEMENT,
            decided_at=on(25, 15),
            evidence=[4],
        )
    )
    flow.outcome = Outcome(
        kind=OutcomeKind.AGREEMENT, at=on(26), summary="退货退款", amount=Decimal(1299), evidence=[3]
    )
    flow.payments.append(
        Payment(
            at=on(27),
            amount=Decimal(1299),
            payer="respondent",
            payee="complainant",
            method="原路退款",
            note="经办人王五 13700001111",
            evidence=[4],
        )
    )
    return case


def handled_packet(numbers: list[int], venue: Venue = Venue.CONSUMER_ASSOCIATION) -> BundleContext:
    case = handled_case()
    return packet(case, numbers, venue)


HANDLED = [
    "2026年11月21日 09:00，被投诉人提出处理方案：被投诉人只同意维修{2}",
    "2026年11月22日 09:00，被投诉人提出仅退款800元，投诉人不同意",
    "2026年11月22日 11:00，被投诉人于2026年11月21日提出的处理方案被拒绝：投诉人要求退货{1}",
    "2026年11月23日 09:00，投诉人向上海市徐汇区消保委投诉（编号：XH2026-001），2026年11月25日调解不成{4}",
    "2026年11月26日 10:00，双方达成一致：退货退款（金额 1,299.00 元）{3}",
    "2026年11月27日 10:00，被投诉人向投诉人支付 1,299.00 元（原路退款）：经办人王* 137****1111{4}",
]


def cited(lines: list[str], numbers: dict[int, int]) -> list[str]:
    """HANDLED with each {case exhibit} as the packet cites it: （见证据N） by its own number, nothing when left out."""
    return [
        re.sub(r"\{(\d)\}", lambda m: f"（见证据{numbers[int(m[1])]}）" if int(m[1]) in numbers else "", line)
        for line in lines
    ]


def test_proposals_answers_proceedings_outcomes_and_payments_are_told_in_date_order_with_their_citations():
    # The packet holds the case's exhibits 4, 2, 1 as its 证据1, 2, 3, and not exhibit 3.
    assert _dealings(handled_packet([4, 2, 1])) == cited(HANDLED, {4: 1, 2: 2, 1: 3})
    assert _dealings(handled_packet([1, 2, 3, 4])) == cited(HANDLED, {1: 1, 2: 2, 3: 3, 4: 4})


def test_a_pleading_tells_the_handling_records_with_its_own_names_for_the_sides():
    lines = _dealings(handled_packet([1, 2, 3, 4], Venue.COURT), COURT)
    assert lines[0] == "2026年11月21日 09:00，被告提出处理方案：被告只同意维修（见证据2）"
    assert lines[3].startswith("2026年11月23日 09:00，原告向上海市徐汇区消保委投诉")
    assert lines[5].startswith("2026年11月27日 10:00，被告向原告支付 1,299.00 元")


def test_the_court_forms_course_of_dealings_lists_every_dealing_in_date_order_with_its_citation(tmp_path):
    from test_documents import at as on
    from test_documents import render

    case = handled_case()
    case.timeline.append(TimelineEvent(on(21, 16), EventKind.PROPOSAL, "被告提出换货", evidence=[3]))
    ctx = packet(case, [4, 2, 1], Venue.COURT)
    doc = render(ctx, tmp_path)["民事起诉状"]
    item = doc[doc.index("13.是否曾就标的物质量问题进行协商") : doc.index("14.是否通知解除合同")]
    expected = [
        "2026年11月21日09:00，被告提出处理方案：被告只同意维修（见证据2）",
        "2026年11月21日16:00，被告提出换货",  # its exhibit 3 is not in the packet: no number
        "2026年11月22日09:00，被告提出仅退款800元，原告不同意",
        "2026年11月22日11:00，被告于2026年11月21日提出的处理方案被拒绝：原告要求退货（见证据3）",
        "2026年11月23日09:00，原告向上海市徐汇区消保委投诉（编号：XH2026-001），2026年11月25日调解不成（见证据1）",
        "2026年11月26日10:00，双方达成一致：退货退款（金额1,299.00元）",
        "2026年11月27日10:00，被告向原告支付1,299.00元（原路退款）：经办人王*137****1111（见证据1）",
    ]
    assert item == "13.是否曾就标的物质量问题进行协商是■具体情况：" + "；".join(expected) + "否□"


def test_the_court_forms_negotiation_counts_the_calls_chats_and_visits_with_the_defendant(tmp_path):
    """Item 13 (是否曾就标的物质量问题进行协商) is 是 when the timeline holds a dealing with the defendant, said to be
    with it or naming it, and tells each briefly (when, how, what was said); a call with 12315 or a note is none,
    and with none recorded neither box is ticked (the record does not show that there was none)."""
    from test_documents import at as on
    from test_documents import full_case, render

    case = full_case()
    case.stage_log = case.stage_log[:1]  # registered only: no stage note of a negotiation
    case.timeline = [
        TimelineEvent(on(20, 9), EventKind.CALL, "12315来电核实情况", party="regulator"),
        TimelineEvent(on(20, 11), EventKind.NOTE, "我整理了商家的答复", party="respondent"),
        TimelineEvent(
            on(21, 10),
            EventKind.CALL,
            "我要求退货，商家拒绝，只同意付费维修（报价980元）",
            party="respondent",
            evidence=[2],
        ),
        TimelineEvent(on(19, 19, 10), EventKind.CHAT, "在天猫某某数码旗舰店旺旺反映屏幕碎裂", evidence=[1]),
    ]

    def item() -> str:
        doc = render(packet(case, [1, 2], Venue.COURT), tmp_path)["民事起诉状"]
        item = doc[doc.index("13.是否曾就标的物质量问题进行协商") : doc.index("14.是否通知解除合同")]
        return item[: item.index("否□") + 2]  # not the band a page break repeats before item 14

    expected = [
        "2026年11月19日19:10，原告与被告在线沟通：在天猫某某数码旗舰店旺旺反映屏幕碎裂（见证据1）",
        "2026年11月21日10:00，原告与被告电话沟通：原告要求退货，商家拒绝，只同意付费维修（报价980元）（见证据2）",
    ]
    assert item() == "13.是否曾就标的物质量问题进行协商是■具体情况：" + "；".join(expected) + "否□"
    case.timeline = case.timeline[:2]
    assert item() == "13.是否曾就标的物质量问题进行协商是□具体情况：否□"


def test_the_carrier_claims_course_lists_the_carriers_proposals_answers_and_payments_with_their_exhibits(tmp_path):
    from decimal import Decimal

    from test_documents import at as on
    from test_documents import render

    from casefile.core.workflow.records import Payment

    case = handled_case()
    case.workflow.proposals.append(
        Proposal(
            at=on(24, 9),
            by="courier",
            summary="按保价金额赔付",
            amount=Decimal(1000),
            evidence=[1],
            answer=Answer.ACCEPTED,
            answered_at=on(24, 15),
            answer_evidence=[2],
        )
    )
    case.workflow.payments.append(Payment(at=on(28), amount=Decimal(1000), payer="courier", evidence=[3]))
    ctx = packet(case, [2, 1], Venue.COURIER_CLAIM)
    doc = render(ctx, tmp_path)["快递理赔申请书"]
    course = doc[doc.index("七、交涉记录") : doc.index("八、证据")]
    assert "2026年11月24日09:00处理方案快递企业提出处理方案：按保价金额赔付（金额1,000.00元）证据2" in course
    assert "2026年11月24日15:00答复索赔人接受快递企业于2026年11月24日提出的处理方案证据1" in course
    assert "2026年11月28日10:00赔付快递企业支付1,000.00元—" in course  # exhibit 3 is not in the packet
    assert course.index("24日09:00处理方案") < course.index("24日15:00答复") < course.index("28日10:00赔付")
    assert "被投诉人只同意维修" not in course  # the merchant's own proposal is no dealing with the carrier


def test_a_citation_of_either_version_of_an_exhibit_is_printed_by_the_version_the_packet_holds():
    """An original and its redacted copy are one exhibit in a packet: a record citing the original is cited by
    the copy printed in its place, and a record citing the copy (ticked by a clerk) by the original printed."""
    case = handled_case()
    copy = dataclasses.replace(case.exhibit(2), number=9, derived_from=2, mime="image/png", sha256="9" * 64)
    case.exhibits.append(copy)
    case.workflow.outcome = dataclasses.replace(case.workflow.outcome, evidence=[9])
    case.timeline.append(TimelineEvent(at(21, 16), EventKind.CHAT, "看到面单", evidence=[2]))
    # The packet prints the redacted copy (9) as 证据1 in place of exhibit 2.
    in_place = BundleContext(
        case=case,
        venue=Venue.CONSUMER_ASSOCIATION,
        entries=[ExhibitEntry(copy, "1", original=case.exhibit(2)), ExhibitEntry(case.exhibit(1), "2")],
        org=Organisation(name="某某数码客服中心"),
        operator="测试员",
        generated_at=at(25),
    )
    lines = _dealings(in_place)
    assert lines[0].endswith("被投诉人只同意维修（见证据1）")  # cites exhibit 2, printed as its copy
    assert lines[4].endswith("（金额 1,299.00 元）（见证据1）")  # cites the copy itself
    assert _event_line(in_place, case.timeline[-1]).endswith("看到面单（见证据1）")
    # The packet prints the original (2) as 证据1: the outcome citing its copy is cited by it.
    original = packet(case, [2, 1])
    assert _dealings(original)[4].endswith("（金额 1,299.00 元）（见证据1）")
    assert _event_line(original, case.timeline[-1]).endswith("看到面单（见证据1）")
    # Neither version in the packet: nothing cited.
    assert "（见" not in _dealings(packet(case, [1]))[4]


def test_words_in_the_first_person_are_the_words_of_whoever_they_are_from():
    """A pleading puts free text in the third person: 我司 in the merchant's proposal is the defendant's, in the
    consumer's answer to it the plaintiff's, in a carrier's proposal the carrier's; the notes of the record are
    our user's side's (a store keeping the case: the respondent's)."""
    from casefile.core.model import Side
    from casefile.core.workflow.records import Outcome, OutcomeKind

    case = handled_case()
    flow = case.workflow
    flow.proposals[0] = dataclasses.replace(
        flow.proposals[0], summary="我司只同意维修", answer_note="我方要求退货", evidence=[], answer_evidence=[]
    )
    flow.proposals.append(Proposal(at=at(24, 9), by="courier", summary="我司愿赔付200元"))
    flow.outcome = Outcome(kind=OutcomeKind.AGREEMENT, at=at(26), summary="我司同意退货退款")
    case.stage_log.append(dataclasses.replace(case.stage_log[-1], note="我司书面答复只同意维修", evidence=[]))
    lines = _dealings(packet(case, [], Venue.COURT), COURT)
    assert "被告提出处理方案：被告只同意维修" in lines[0] and "原告" not in lines[0]
    assert any(line.endswith("提出的处理方案被拒绝：原告要求退货") for line in lines)
    assert any(line.endswith("快递企业提出处理方案：快递企业愿赔付200元") for line in lines)
    # The record kept by the complainant's side (a firm acting for the consumer), or not said: its words.
    assert any(line.endswith("双方达成一致：原告同意退货退款") for line in lines)
    # Kept by the store complained to: the store's words are the defendant's.
    case.our_side = Side.RESPONDENT
    lines = _dealings(packet(case, [], Venue.COURT), COURT)
    assert any(line.endswith("双方达成一致：被告同意退货退款") for line in lines)
    assert any(line.endswith("，被告书面答复只同意维修") for line in lines)
    assert "被告提出处理方案：被告只同意维修" in lines[0]  # the proposal's words stay the proposer's


def test_an_exhibits_source_in_the_first_person_is_our_sides():
    """An exhibit's source typed by a store keeping the case (我司仓库拍摄) is the defendant's in a pleading."""
    from casefile.core.bundle.parts import as_filed
    from casefile.core.model import Side

    case = handled_case()
    assert as_filed(packet(case, [], Venue.COURT), "我司仓库拍摄") == "原告仓库拍摄"
    case.our_side = Side.RESPONDENT
    assert as_filed(packet(case, [], Venue.COURT), "我司仓库拍摄") == "被告仓库拍摄"
    assert as_filed(packet(case, [], Venue.ARBITRATION), "投诉人提供") == "申请人提供"


def test_first_person_words_follow_a_side_presumed_from_the_settings():
    """A case registered before its side was recorded, kept by the store named as the respondent in the
    settings: its notes are the store's words, as for a side recorded."""
    from casefile.core.bundle.parts import as_filed
    from casefile.core.model import organisation, set_organisation

    case = handled_case()
    assert case.our_side is None and case.respondent.name
    before = organisation()
    set_organisation(case.respondent.name)
    try:
        assert as_filed(packet(case, [], Venue.COURT), "我司仓库拍摄") == "被告仓库拍摄"
    finally:
        set_organisation(*before)
