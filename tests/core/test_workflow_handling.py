"""The handling of a dispute as custody-logged changes (issue 14, points 1–4): responsibility, negotiation
rounds, proceedings, the outcome, payments, closing and reopening — each dated when it happened, each
entered at the time (and by the person) its custody entry says, all re-derived from the log by verify."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from casefile_testing import make_case

from casefile.core import record
from casefile.core.custody import LOG_NAME, entry_hash
from casefile.core.errors import InvalidValueError, LibraryVersionError
from casefile.core.evidence import add_files
from casefile.core.library import Library
from casefile.core.model import ResponsibleParty, Stage, TimelineEvent, parse_datetime
from casefile.core.verify import CaseReport, verify_case
from casefile.core.workflow import handling
from casefile.core.workflow.records import (
    Answer,
    Closing,
    ClosingResult,
    Finding,
    Outcome,
    OutcomeKind,
    Payment,
    Proceeding,
    ProceedingResult,
    Proposal,
    Reopening,
    Venue,
)

CST = timezone(timedelta(hours=8))


def at(day: int, hour: int = 10) -> datetime:
    return datetime(2026, 11, day, hour, 0, tzinfo=CST)


def entries_of(library: Library, number: str) -> list[dict]:
    return library.folder(number).custody.read()


def verify(library: Library, number: str) -> CaseReport:
    report = list(verify_case(library, number))[-1]
    assert isinstance(report, CaseReport)
    return report


def rewrite_log(library: Library, number: str, entries: list[dict]) -> None:
    prev = "0" * 64
    for entry in entries:
        entry.pop("hash", None)
        entry["prev"] = prev
        entry["hash"] = prev = entry_hash(entry)
    path = library.folder(number).path / LOG_NAME
    path.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries), "utf-8")


@pytest.fixture
def handled(library, files):
    """A case taken through every step of its handling: two exhibits, a finding, two rounds (the first
    answered), a regulator's complaint accepted, tested and mediated, an outcome, two payments (one
    recovered from the courier), closed, reopened, closed again."""
    case = make_case(library, type="logistics")
    list(add_files(library, case.number, [files / "破损照片.jpg", files / "chat.txt"]))
    with library.edit(case.number) as w:
        w.set_stage(Stage.NEGOTIATION, "开始协商", at=at(20, 12))
        handling.find_responsibility(
            w, Finding(party="courier", at=at(21), reasons="外包装破损，签收时已拍照", evidence=[1])
        )
        handling.propose(w, Proposal(at=at(21, 15), by="respondent", summary="退款 800 元", amount=Decimal("800")))
        handling.answer_proposal(w, 1, Answer.REJECTED, at(22), note="要求全额退款")
        handling.propose(
            w,
            Proposal(at=at(22, 11), by="complainant", summary="全额退款", amount=Decimal("1299"), reply_by=at(25)),
        )
        handling.open_proceeding(
            w, Proceeding(venue=Venue.REGULATOR, body="徐汇区市场监管局", ref="12315-20261123-0001", filed_at=at(23))
        )
        handling.update_proceeding(w, 1, accepted_at=at(24))
        handling.start_testing(w, 1, at(24, 14), "送检")
        handling.end_testing(w, 1, at(25, 9))
        handling.add_hearing(w, 1, at(26))
        handling.update_proceeding(w, 1, result=ProceedingResult.AGREEMENT, decided_at=at(26, 15), ended_at=at(26, 16))
        handling.set_outcome(
            w,
            Outcome(
                kind=OutcomeKind.AGREEMENT,
                at=at(26, 15),
                summary="商家全额退款",
                amount=Decimal("1299"),
                payer="respondent",
                payee="complainant",
                perform_by=at(28),
            ),
        )
        handling.record_payment(w, Payment(at=at(27), amount=Decimal("1299"), payer="respondent", evidence=[2]))
        handling.record_payment(w, Payment(at=at(27, 16), amount=Decimal("500"), payer="courier", recovered=True))
        handling.close_case(w, Closing(at=at(27, 17), result=ClosingResult.RESOLVED, satisfaction=4))
        handling.reopen_case(w, Reopening(at=at(28), reason="顾客反映退款未到账"))
        handling.close_case(w, Closing(at=at(28, 15), result=ClosingResult.RESOLVED, satisfaction=5, note="已到账"))
    return case.number


def test_every_step_of_the_handling_is_recorded_and_folds_from_the_log(library, handled):
    case = library.load_case(handled)
    wf = case.workflow
    assert case.responsible_party is ResponsibleParty.COURIER
    assert case.responsibility_rationale == "外包装破损，签收时已拍照"
    assert [p.answer for p in wf.proposals] == [Answer.REJECTED, Answer.PENDING]
    assert wf.proposals[0].answered_at == at(22) and wf.proposals[0].answer_note == "要求全额退款"
    (p,) = wf.proceedings
    assert (p.ref, p.accepted_at, p.result, p.decided_at, p.hearings) == (
        "12315-20261123-0001",
        at(24),
        ProceedingResult.AGREEMENT,
        at(26, 15),
        [at(26)],
    )
    assert [(t.start, t.end, t.note) for t in p.testing] == [(at(24, 14), at(25, 9), "送检")]
    assert wf.outcome is not None and wf.outcome.amount == Decimal("1299")
    assert wf.paid() == Decimal("1299") and wf.paid(recovered=True) == Decimal("500")
    assert wf.closed is wf.closings[-1] and wf.closed.satisfaction == 5
    assert [c.by for c in wf.closings] == ["测试员", "测试员"] and wf.findings[0].by == "测试员"
    # The case closed at the stated time, went back to negotiation when reopened, and closed again.
    assert case.stage is Stage.CLOSED
    assert [(s.stage, s.at) for s in case.stage_log[-3:]] == [
        (Stage.CLOSED, at(27, 17)),
        (Stage.NEGOTIATION, at(28)),
        (Stage.CLOSED, at(28, 15)),
    ]
    assert case.stage_log[-2].note == "顾客反映退款未到账"
    entries = entries_of(library, handled)
    assert {
        record.FINDING,
        record.PROPOSAL,
        record.PROPOSAL_ANSWER,
        record.PROCEEDING,
        record.PROCEEDING_UPDATE,
        record.OUTCOME,
        record.PAYMENT,
        record.CLOSE,
        record.REOPEN,
    } <= {e["action"] for e in entries}
    assert record.fold(entries) == case  # case.json is the log folded
    assert verify(library, handled).ok


def test_the_time_and_person_of_entry_come_from_the_custody_entry_not_from_what_was_typed(library):
    case = make_case(library)
    typed = Finding(party="merchant", at=at(21), reasons="质量问题", recorded_at=at(1), recorded_by="someone else")
    with library.edit(case.number) as w:
        handling.find_responsibility(w, typed)
    entry = entries_of(library, case.number)[-1]
    assert entry["action"] == record.FINDING
    assert "recorded_at" not in entry["details"]["finding"] and "recorded_by" not in entry["details"]["finding"]
    (finding,) = library.load_case(case.number).workflow.findings
    assert finding.recorded_at == parse_datetime(entry["at"]) and finding.recorded_by == "测试员"
    assert finding.at == at(21)  # when it was decided: what the person said


def test_an_event_is_dated_with_its_entry_and_a_correction_keeps_that_date(library):
    case = make_case(library)
    with library.edit(case.number) as w:
        w.add_event(TimelineEvent(at=at(21), summary="致电商家", recorded_at=at(1)))
    entry = entries_of(library, case.number)[-1]
    assert entry["v"] == 5 and "recorded_at" not in entry["details"]["event"]
    (event,) = library.load_case(case.number).timeline
    assert event.recorded_at == parse_datetime(entry["at"])
    with library.edit(case.number) as w:
        w.update_event(event, TimelineEvent(at=at(21, 11), summary="致电商家，约定回电"))
    (corrected,) = library.load_case(case.number).timeline
    assert corrected.summary == "致电商家，约定回电" and corrected.recorded_at == event.recorded_at
    assert verify(library, case.number).ok


def test_an_event_of_a_format_3_log_keeps_no_entry_time_and_still_verifies(library):
    case = make_case(library)
    with library.edit(case.number) as w:
        w.add_event(TimelineEvent(at=at(21), summary="致电商家"))
    entries = entries_of(library, case.number)
    for entry in entries:  # as CaseFile 3 wrote them
        entry["v"] = 3
    rewrite_log(library, case.number, entries)
    folded = record.fold(entries)
    assert folded.timeline[0].recorded_at is None
    folder = library.folder(case.number).path
    data = json.loads((folder / "case.json").read_text("utf-8"))
    del data["timeline"][0]["recorded_at"]  # as CaseFile 3 wrote case.json
    data["custody_head"]["hash"] = entries[-1]["hash"]
    (folder / "case.json").write_text(json.dumps(data, ensure_ascii=False, indent=2), "utf-8")
    assert verify(library, case.number).ok


def test_a_workflow_field_changed_in_case_json_is_found_by_verify(library, handled):
    path = library.folder(handled).path / "case.json"
    data = json.loads(path.read_text("utf-8"))
    data["workflow"]["payments"][0]["amount"] = "12990.00"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), "utf-8")
    report = verify(library, handled)
    assert not report.ok
    assert any(p.startswith("case.json differs from its custody log in:") and "workflow" in p for p in report.problems)


def test_a_log_with_an_action_this_casefile_does_not_know_is_refused_as_before(library, handled):
    entries = entries_of(library, handled)
    entries.append({**entries[-1], "seq": len(entries) + 1, "action": "appeal", "details": {"proceeding": 1}})
    rewrite_log(library, handled, entries)
    with pytest.raises(LibraryVersionError, match="action 'appeal', made by a newer CaseFile"):
        record.fold(entries)
    assert any("made by a newer CaseFile" in p for p in verify(library, handled).problems)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda w: handling.find_responsibility(w, Finding(party="快递员", at=at(21))), "not one of"),
        (lambda w: handling.find_responsibility(w, Finding(party="courier", at=at(21), evidence=[9])), "no exhibit 9"),
        (
            lambda w: handling.propose(w, Proposal(at=at(21), by="shop", summary="退款")),
            "'shop' is not one of respondent",
        ),
        (lambda w: handling.propose(w, Proposal(at=at(21), by="respondent", summary=" ")), "needs a summary"),
        (
            lambda w: handling.propose(
                w, Proposal(at=at(21), by="respondent", summary="退款", amount=Decimal("1.234"))
            ),
            "more than two decimals",
        ),
        (
            lambda w: handling.propose(
                w, Proposal(at=datetime.now(CST) + timedelta(days=2), by="respondent", summary="退款")
            ),
            "in the future",
        ),
        (lambda w: handling.answer_proposal(w, 3, Answer.ACCEPTED, at(22)), "has 0 negotiation round"),
        (
            lambda w: handling.open_proceeding(w, Proceeding(venue=Venue.COURT, filed_at=at(23), accepted_at=at(22))),
            "before the filing",
        ),
        (lambda w: handling.update_proceeding(w, 1, result="pending"), "has 0 proceeding"),
        (
            lambda w: handling.record_payment(w, Payment(at=at(27), amount=Decimal("0"), payer="respondent")),
            "more than zero",
        ),
        (
            lambda w: handling.close_case(w, Closing(at=at(27), result=ClosingResult.RESOLVED, satisfaction=6)),
            "satisfaction from 1",
        ),
        (lambda w: handling.reopen_case(w, Reopening(at=at(28), reason="x")), "not closed"),
    ],
)
def test_what_is_entered_is_checked_and_nothing_is_written_when_it_is_refused(library, change, message):
    case = make_case(library)
    log_before = (library.folder(case.number).path / LOG_NAME).read_bytes()
    with pytest.raises(InvalidValueError, match=message), library.edit(case.number) as w:
        change(w)
    assert (library.folder(case.number).path / LOG_NAME).read_bytes() == log_before


def test_a_round_is_answered_once_and_a_closed_case_takes_no_more_until_reopened(library, handled):
    with pytest.raises(InvalidValueError, match="closed already"), library.edit(handled) as w:
        handling.close_case(w, Closing(at=at(28, 16), result=ClosingResult.RESOLVED))
    with pytest.raises(InvalidValueError, match="the case is closed"), library.edit(handled) as w:
        handling.record_payment(w, Payment(at=at(28, 16), amount=Decimal("1"), payer="respondent"))
    with pytest.raises(InvalidValueError, match="the case is closed"), library.edit(handled) as w:
        w.set_stage(Stage.NEGOTIATION, "")
    with library.edit(handled) as w:
        w.set_stage(Stage.REVIEW, "月度复盘")  # a closed case is reviewed
    with pytest.raises(InvalidValueError, match="before the closing"), library.edit(handled) as w:
        handling.reopen_case(w, Reopening(at=at(28, 14), reason="x"))
    with pytest.raises(InvalidValueError, match="needs a reason"), library.edit(handled) as w:
        handling.reopen_case(w, Reopening(at=at(29), reason="  "))
    with library.edit(handled) as w:
        handling.reopen_case(w, Reopening(at=at(29), reason="发票未开"))
        assert w.case.stage is Stage.NEGOTIATION  # back to the stage before closing, not the review
        with pytest.raises(InvalidValueError, match="answered already"):
            handling.answer_proposal(w, 1, Answer.ACCEPTED, at(29))
    assert verify(library, handled).ok


def test_the_fold_refuses_closing_a_closed_case_and_reopening_an_open_one(library, handled):
    entries = entries_of(library, handled)
    close = next(e for e in entries if e["action"] == record.CLOSE)
    twice = [*entries, {**close, "seq": len(entries) + 1}]
    with pytest.raises(InvalidValueError, match="closed already"):
        record.fold(twice)
    reopen = next(e for e in entries if e["action"] == record.REOPEN)
    first = [e for e in entries if e["seq"] < close["seq"]]
    with pytest.raises(InvalidValueError, match="only a closed case"):
        record.fold([*first, {**reopen, "seq": len(first) + 1}])
