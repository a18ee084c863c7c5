"""Recording the handling of a dispute: what people enter is checked here, then written as a
custody entry that casefile.core.record.actions folds into the record.

Each function takes the :class:`casefile.core.library.CaseWriter` of an open change
(``with library.edit(number) as writer``) and returns the record as folded. When a record
happened is what the person says (never later than now); when it was entered and by whom
come from the custody entry. Errors name the field the way the command line and the app do.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from casefile.core import record
from casefile.core.errors import InvalidValueError, Message
from casefile.core.model import ResponsibleParty, Stage, to_data
from casefile.core.record import merge
from casefile.core.validate import (
    CLOCK_SLACK,
    HANDLING_PARTIES,
    check_amount,
    check_past_time,
    check_text,
    check_time,
)
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
    TestingPeriod,
    Venue,
)
from casefile.core.workflow.stages import check_after_complaint

if TYPE_CHECKING:
    from casefile.core.library import CaseWriter

# Who proposes, pays or is paid: the parties of the timeline, and a manufacturer or another party
# outside the case.
PARTIES = HANDLING_PARTIES
SATISFACTION = range(1, 6)  # 1 very dissatisfied … 5 very satisfied


def check_party(value: str, where: str, *, optional: bool = False) -> str:
    if optional and not value:
        return value
    if value not in PARTIES:
        raise InvalidValueError(
            "{where}: {text!r} is not one of {choices}", where=where, text=value, choices=", ".join(PARTIES)
        )
    return value


def check_satisfaction(value: int | None, where: str = "satisfaction") -> int | None:
    if value is not None and (isinstance(value, bool) or value not in SATISFACTION):
        raise InvalidValueError(
            "{where}: {value!r} is not a satisfaction from 1 (very dissatisfied) to 5 (very satisfied)",
            where=where,
            value=value,
        )
    return value


def _happened(writer: CaseWriter, value: datetime, where: str, *, answers: bool = False) -> datetime:
    """A time something in the handling happened: not later than now, nor before the complaint when it answers
    it (``answers``) or when the complaint was made to our user (casefile.core.workflow.stages)."""
    check_past_time(value, where, CLOCK_SLACK)
    check_after_complaint(writer.case, value, where, answers=answers)
    return value


def _amount(value: Decimal | None, where: str) -> Decimal | None:
    return None if value is None else check_amount(value, where)


def _not_before(later: datetime | None, earlier: datetime | None, where: str, what: Message) -> None:
    if later is not None and earlier is not None and later < earlier:
        raise InvalidValueError(
            "{where}: {value} is before {what} ({earlier})",
            where=where,
            value=later.isoformat(sep=" "),
            what=what,
            earlier=earlier.isoformat(sep=" "),
        )


def _details(item: Any) -> dict[str, Any]:
    """The record as the entry holds it: without the time and person of entry, which the fold sets."""
    data: dict[str, Any] = to_data(dataclasses.replace(item, recorded_at=None, recorded_by=""))
    return data


def _open(writer: CaseWriter) -> None:
    if writer.case.workflow.closed is not None:
        raise InvalidValueError("the case is closed: reopen it, with the reason, before recording more of its handling")


# ---------------------------------------------------------------------------- the first response


def record_first_response(writer: CaseWriter, at: datetime | None) -> datetime | None:
    """When the complainant was first answered (a call back, a message): it meets the response promise.
    None clears it (the first contact on the timeline, or the first step of handling, is taken instead)."""
    if at is not None:
        _happened(writer, at, "at", answers=True)
    changed = dataclasses.replace(writer.case, first_response_at=at)
    writer.update(changed)
    return writer.case.first_response_at


# ---------------------------------------------------------------------------- responsibility


def find_responsibility(writer: CaseWriter, finding: Finding) -> Finding:
    """责任认定: the responsible party (a ResponsibleParty value), why, and the exhibits that support it.

    The case's responsible party and rationale become the finding's."""
    _open(writer)
    try:
        ResponsibleParty(finding.party)
    except ValueError:
        raise InvalidValueError(
            "{where}: {text!r} is not one of {choices}",
            where="party",
            text=finding.party,
            choices=", ".join(p.value for p in ResponsibleParty),
        ) from None
    _happened(writer, finding.at, "at")
    check_text(finding.reasons, "reasons", "responsibility_rationale")
    check_text(finding.by, "by")
    writer.check_exhibits(finding.evidence, "evidence")
    finding = dataclasses.replace(finding, reasons=finding.reasons.strip(), by=finding.by.strip() or writer.operator)
    writer.record(record.FINDING, {"finding": _details(finding)})
    return writer.case.workflow.findings[-1]


# ---------------------------------------------------------------------------- negotiation


def propose(writer: CaseWriter, proposal: Proposal) -> Proposal:
    """A negotiation round: who proposed what (an amount, a deadline for the answer)."""
    _open(writer)
    check_party(proposal.by, "by")
    if not proposal.summary.strip():
        raise InvalidValueError("a proposal needs a summary of what is proposed")
    check_text(proposal.summary, "summary")
    _happened(writer, proposal.at, "at")
    _amount(proposal.amount, "amount")
    if proposal.reply_by is not None:
        check_time(proposal.reply_by, "reply-by")
        _not_before(proposal.reply_by, proposal.at, "reply-by", Message("the proposal"))
    writer.check_exhibits(proposal.evidence, "evidence")
    proposal = dataclasses.replace(
        proposal, summary=proposal.summary.strip(), answer=Answer.PENDING, answered_at=None, answer_note=""
    )
    writer.record(record.PROPOSAL, {"proposal": _details(proposal)})
    return writer.case.workflow.proposals[-1]


def answer_proposal(
    writer: CaseWriter, round_no: int, answer: Answer, at: datetime, note: str = "", evidence: Iterable[int] = ()
) -> Proposal:
    """The answer to round ``round_no`` (from 1): accepted, rejected or countered (with a proposal of one's own);
    ``evidence``: the exhibits that show it (the other side's written reply), which the narratives cite."""
    _open(writer)
    proposals = writer.case.workflow.proposals
    if not 1 <= round_no <= len(proposals):
        raise InvalidValueError(
            "case {case} has {count} negotiation round(s); casefile show numbers them",
            case=writer.case.number,
            count=len(proposals),
        )
    proposal = proposals[round_no - 1]
    if answer is Answer.PENDING:
        raise InvalidValueError("an answer is accepted, rejected or countered")
    if proposal.answer is not Answer.PENDING:
        raise InvalidValueError(
            "round {round} was answered already ({answer}); record a new proposal instead",
            round=round_no,
            answer=proposal.answer.value,
        )
    _happened(writer, at, "at")
    _not_before(at, proposal.at, "at", Message("the proposal"))
    check_text(note, "note")
    details: dict[str, Any] = {"round": round_no, "answer": answer.value, "at": to_data(at), "note": note.strip()}
    cited = writer.check_exhibits(evidence, "evidence")
    if cited:  # written only when given: an answer without exhibits is entered as before
        details["evidence"] = cited
    writer.record(record.PROPOSAL_ANSWER, details)
    return writer.case.workflow.proposals[round_no - 1]


# ---------------------------------------------------------------------------- proceedings

_HAPPENED = ("filed_at", "accepted_at", "decided_at", "served_at", "ended_at")
_TEXTS = ("body", "ref", "summary")


def _check_proceeding(writer: CaseWriter, p: Proceeding, was: Proceeding | None = None) -> None:
    for name in _HAPPENED:
        value = getattr(p, name)
        if value is not None:
            _happened(writer, value, name.replace("_", "-"))
    for name in _TEXTS:
        check_text(getattr(p, name), name)
    for i, hearing in enumerate(p.hearings, 1):
        check_time(hearing, f"hearing {i}")
    for i, period in enumerate(p.testing, 1):
        _happened(writer, period.start, f"testing {i} start")
        if period.end is not None:
            _happened(writer, period.end, f"testing {i} end")
            _not_before(period.end, period.start, f"testing {i} end", Message("its start"))
        check_text(period.note, "note")
    _not_before(p.accepted_at, p.filed_at, "accepted-at", Message("the filing"))
    _not_before(p.decided_at, p.accepted_at or p.filed_at, "decided-at", Message("the filing or acceptance"))
    _not_before(p.served_at, p.decided_at, "served-at", Message("the decision"))
    _not_before(p.ended_at, p.filed_at, "ended-at", Message("the filing"))
    writer.check_exhibits(p.evidence, "evidence", cited=was.evidence if was is not None else ())


def open_proceeding(writer: CaseWriter, proceeding: Proceeding) -> Proceeding:
    """A mediation, complaint, arbitration or lawsuit: where, its number, and the dates known so far."""
    _open(writer)
    Venue(proceeding.venue)
    _check_proceeding(writer, proceeding)
    proceeding = dataclasses.replace(proceeding, body=proceeding.body.strip(), ref=proceeding.ref.strip())
    writer.record(record.PROCEEDING, {"proceeding": _details(proceeding)})
    return writer.case.workflow.proceedings[-1]


def update_proceeding(writer: CaseWriter, number: int, *, base: Proceeding | None = None, **changes: Any) -> Proceeding:
    """Set fields of proceeding ``number`` (from 1): its number, times, result, hearings, testing periods.

    ``base``: the proceeding as it was shown when the values were typed (it may be older than the record):
    only the fields changed since are set, and one someone else changed meanwhile raises ConflictError.
    """
    _open(writer)
    proceedings = writer.case.workflow.proceedings
    if not 1 <= number <= len(proceedings):
        raise InvalidValueError(
            "case {case} has {count} proceeding(s); casefile show numbers them",
            case=writer.case.number,
            count=len(proceedings),
        )
    unknown = sorted(set(changes) - record.PROCEEDING_UPDATABLE)
    if unknown:
        raise InvalidValueError("a proceeding has no field {fields}", fields=", ".join(unknown))
    was = proceedings[number - 1]
    if "result" in changes:
        changes["result"] = ProceedingResult(changes["result"])
    if base is not None:
        changes = {k: v for k, v in changes.items() if v != getattr(base, k)}  # a time: the same instant
        stale = [k for k, v in changes.items() if getattr(was, k) not in (getattr(base, k), v)]
        if stale:
            raise merge.proceeding_conflict(writer.case.number, number, writer.log.read(), sorted(stale))
    changed = dataclasses.replace(was, **changes)
    _check_proceeding(writer, changed, was)
    fields = {
        name: to_data(getattr(changed, name))
        for name in sorted(changes)
        if to_data(getattr(changed, name)) != to_data(getattr(was, name))
    }
    if fields:
        writer.record(record.PROCEEDING_UPDATE, {"proceeding": number, "fields": fields})
    return writer.case.workflow.proceedings[number - 1]


def add_hearing(writer: CaseWriter, number: int, when: datetime) -> Proceeding:
    p = proceeding(writer, number)
    return update_proceeding(writer, number, hearings=sorted([*p.hearings, when]))


def start_testing(writer: CaseWriter, number: int, start: datetime, note: str = "") -> Proceeding:
    """检定、检验、鉴定 began: the regulator's mediation period stops counting until it ends."""
    p = proceeding(writer, number)
    if any(t.end is None for t in p.testing):
        raise InvalidValueError("a testing period of this proceeding is still open: end it first")
    return update_proceeding(writer, number, testing=[*p.testing, TestingPeriod(start=start, note=note.strip())])


def end_testing(writer: CaseWriter, number: int, end: datetime) -> Proceeding:
    p = proceeding(writer, number)
    open_periods = [i for i, t in enumerate(p.testing) if t.end is None]
    if not open_periods:
        raise InvalidValueError("no testing period of this proceeding is open")
    testing = list(p.testing)
    testing[open_periods[-1]] = dataclasses.replace(testing[open_periods[-1]], end=end)
    return update_proceeding(writer, number, testing=testing)


def proceeding(writer: CaseWriter, number: int) -> Proceeding:
    """Proceeding ``number`` (from 1) of the case, or refused naming how many it has."""
    proceedings = writer.case.workflow.proceedings
    if not 1 <= number <= len(proceedings):
        raise InvalidValueError(
            "case {case} has {count} proceeding(s); casefile show numbers them",
            case=writer.case.number,
            count=len(proceedings),
        )
    return proceedings[number - 1]


# ---------------------------------------------------------------------------- outcome and execution


def set_outcome(writer: CaseWriter, outcome: Outcome) -> Outcome:
    """How the dispute was settled: what is owed, by whom, to whom, and by when (a later one replaces it)."""
    _open(writer)
    OutcomeKind(outcome.kind)
    _happened(writer, outcome.at, "at")
    check_text(outcome.summary, "summary")
    _amount(outcome.amount, "amount")
    check_party(outcome.payer, "payer", optional=True)
    check_party(outcome.payee, "payee", optional=True)
    if outcome.perform_by is not None:
        check_time(outcome.perform_by, "perform-by")
        _not_before(outcome.perform_by, outcome.at, "perform-by", Message("the outcome"))
    writer.check_exhibits(outcome.evidence, "evidence")
    writer.record(record.OUTCOME, {"outcome": _details(dataclasses.replace(outcome, summary=outcome.summary.strip()))})
    outcome_now = writer.case.workflow.outcome
    assert outcome_now is not None
    return outcome_now


def record_payment(writer: CaseWriter, payment: Payment) -> Payment:
    """An amount paid (or recovered from another party), by whom, with its proof as exhibits."""
    _open(writer)
    check_amount(payment.amount, "amount")
    if payment.amount <= 0:
        raise InvalidValueError("amount: a payment is more than zero")
    check_party(payment.payer, "payer")
    check_party(payment.payee, "payee", optional=True)
    _happened(writer, payment.at, "at")
    check_text(payment.method, "method")
    check_text(payment.note, "note")
    writer.check_exhibits(payment.evidence, "evidence")
    writer.record(record.PAYMENT, {"payment": _details(payment)})
    return writer.case.workflow.payments[-1]


# ---------------------------------------------------------------------------- closing and reopening


def close_case(writer: CaseWriter, closing: Closing) -> Closing:
    """Close the case with its result and the complainant's satisfaction: it enters the closed stage at ``at``."""
    workflow = writer.case.workflow
    if workflow.closed is not None:
        raise InvalidValueError("the case is closed already (casefile reopen, with the reason, opens it again)")
    ClosingResult(closing.result)
    check_satisfaction(closing.satisfaction)
    _happened(writer, closing.at, "at", answers=True)
    if workflow.reopenings:
        _not_before(closing.at, workflow.reopenings[-1].at, "at", Message("the last reopening"))
    log = writer.case.stage_log
    if log and writer.case.stage is not Stage.REGISTRATION:  # registration is dated when the case was entered
        _not_before(closing.at, log[-1].at, "at", Message("the case entered its current stage"))
    check_text(closing.note, "note")
    check_text(closing.by, "by")
    writer.check_exhibits(closing.evidence, "evidence")
    closing = dataclasses.replace(closing, note=closing.note.strip(), by=closing.by.strip() or writer.operator)
    writer.record(record.CLOSE, {"closing": _details(closing)})
    return writer.case.workflow.closings[-1]


def reopen_case(writer: CaseWriter, reopening: Reopening) -> Reopening:
    """Reopen a closed case, with the reason: it goes back to the stage it had before closing."""
    closed = writer.case.workflow.closed
    if closed is None:
        raise InvalidValueError("the case is not closed: only a closed case can be reopened")
    if not reopening.reason.strip():
        raise InvalidValueError("reopening a case needs a reason")
    check_text(reopening.reason, "reason")
    check_text(reopening.by, "by")
    _happened(writer, reopening.at, "at", answers=True)
    _not_before(reopening.at, closed.at, "at", Message("the closing"))
    reopening = dataclasses.replace(
        reopening, reason=reopening.reason.strip(), by=reopening.by.strip() or writer.operator
    )
    writer.record(record.REOPEN, {"reopening": _details(reopening)})
    return writer.case.workflow.reopenings[-1]
