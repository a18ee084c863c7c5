"""What the periodic review needs to know about one case, read from its record once, when the
case is indexed: the index keeps these facts as rows (casefile.core.index) and the review's
figures are queries over them (casefile.core.review.queries), never a pass over the cases.

Facts that depend on the time they are read — a clock's status, running or overdue — are not
kept: a clock is kept as its start, due time and the time it was met (or not), and the query
decides against the time of the review. Times to resolution are worked out here, in calendar
days and in working days on China's official calendar, so the query only ranks numbers.

Evidence completeness: each case type expects some kinds of evidence (EXPECTED below: proof of
purchase, the goods' condition, the communication with the business, the waybill, the
advertising); a case's completeness is the share of its type's expected groups covered by at
least one exhibit that is not withdrawn. The review reports it for cases closed in the period
(a closed case rarely gains evidence, so the record as it stands is the record at closing); it
is worked out only for a closed case, so that a change to an open case of thousands of exhibits
does not read them all.
"""

from __future__ import annotations

import enum
import json
from datetime import datetime
from decimal import Decimal
from typing import Any

from casefile.core.errors import Message, message_to_data
from casefile.core.model import Case, CaseType, EventKind, EvidenceKind, Stage
from casefile.core.textsafe import without_unseen
from casefile.core.workflow.calendar import WorkCalendar, current
from casefile.core.workflow.clocks import CST, RESPONSE_RULES, Unit
from casefile.core.workflow.due import LIMITS, case_clocks
from casefile.core.workflow.records import ProceedingResult, Venue


class GroupBy(enum.StrEnum):
    """What the review's tables group cases by (their labels are the app's: casefile.ui.labels)."""

    TYPE = "type"
    CHANNEL = "channel"
    RESPONSIBILITY = "responsibility"
    RESPONDENT = "respondent"
    OPERATOR = "operator"


# Groups of evidence kinds: a group is covered by any one of its kinds.
EVIDENCE_GROUPS: dict[str, frozenset[EvidenceKind]] = {
    "purchase": frozenset({EvidenceKind.RECEIPT, EvidenceKind.CONTRACT}),
    "condition": frozenset({EvidenceKind.PHOTO, EvidenceKind.VIDEO}),
    "communication": frozenset({EvidenceKind.CHAT, EvidenceKind.EMAIL, EvidenceKind.AUDIO, EvidenceKind.SCREENSHOT}),
    "shipment": frozenset({EvidenceKind.WAYBILL}),
    "advertising": frozenset({EvidenceKind.SCREENSHOT, EvidenceKind.PHOTO, EvidenceKind.VIDEO}),
}
EXPECTED: dict[CaseType, tuple[str, ...]] = {
    CaseType.QUALITY: ("purchase", "condition", "communication"),
    CaseType.LOGISTICS: ("purchase", "shipment", "condition"),
    CaseType.SERVICE: ("purchase", "communication"),
    CaseType.TRANSACTION: ("purchase", "communication"),
    CaseType.INFORMATION: ("purchase", "advertising"),
}

# The escalation funnel's steps, in order.
FUNNEL = ("negotiation", "mediation", "agency", "litigation", "execution")
_MEDIATION_VENUES = frozenset({Venue.INTERNAL, Venue.CONSUMER_ASSOCIATION, Venue.REGULATOR, Venue.POSTAL_REGULATOR})
_AGENCY_VENUES = frozenset({Venue.CONSUMER_ASSOCIATION, Venue.REGULATOR, Venue.POSTAL_REGULATOR})
_AGENCY_PARTIES = frozenset(v.value for v in _AGENCY_VENUES)
_LITIGATION_VENUES = frozenset({Venue.ARBITRATION, Venue.COURT})

PROMISE = "promise"  # the response promise by priority
DUTY = "duty"  # a statutory duty: a regulator's, a courier's or a court's
LIMIT = "limit"  # a right's time limit
_PROMISES = frozenset(RESPONSE_RULES.values())


def fen(amount: Decimal | None) -> int:
    """An amount in yuan as whole fen (the index keeps money as integers: exact on every database)."""
    return 0 if amount is None else int((amount * 100).to_integral_value())


# A finding may name a party as the timeline does (the business complained about, the consumer).
_AS_RESPONSIBLE = {"respondent": "merchant", "complainant": "customer", "third-party": "third_party"}


def responsibility(case: Case) -> str:
    """The latest finding's party, else the case's own field (a ResponsibleParty value)."""
    findings = case.workflow.findings
    party = findings[-1].party if findings else case.responsible_party.value
    return _AS_RESPONSIBLE.get(party, party)


def reached(case: Case) -> dict[str, bool]:
    """Which escalation steps the case reached: a stage entered, or a record that shows the step."""
    stages = {c.stage for c in case.stage_log} | {case.stage}
    wf = case.workflow
    venues = {p.venue for p in wf.proceedings}
    lodged = {e.party for e in case.timeline if e.kind is EventKind.COMPLAINT}
    litigation = bool(venues & _LITIGATION_VENUES)
    return {
        "negotiation": bool(stages & {Stage.NEGOTIATION, Stage.CONFIRMATION}) or bool(wf.proposals),
        "mediation": Stage.MEDIATION in stages or Venue.INTERNAL in venues,
        "agency": bool(venues & _AGENCY_VENUES)
        or bool(lodged & _AGENCY_PARTIES)
        or (Stage.EXTERNAL in stages and not litigation),
        "litigation": litigation,
        "execution": Stage.EXECUTION in stages or bool(wf.payments),
    }


def evidence_coverage(case: Case) -> tuple[int, int]:
    """(expected groups, groups covered by an exhibit not withdrawn) for the case's type."""
    expected = EXPECTED.get(case.type, ())
    kinds = {e.kind for e in case.exhibits if not e.withdrawn}
    return len(expected), sum(1 for g in expected if kinds & EVIDENCE_GROUPS[g])


def case_facts(case: Case, calendar: WorkCalendar | None = None) -> dict[str, Any]:
    """The index row of the review's facts about ``case`` (see the module)."""
    cal = calendar or current()
    wf = case.workflow
    closed = wf.closed
    days: float | None = None
    working: int | None = None
    if closed is not None:
        days = max(0.0, (closed.at - case.complained_at).total_seconds() / 86400)
        working, _ = cal.working_days_between(
            case.complained_at.astimezone(CST).date(), closed.at.astimezone(CST).date()
        )
    mediations = [p for p in wf.proceedings if p.venue in _MEDIATION_VENUES]
    decided = [p for p in mediations if p.result is not ProceedingResult.PENDING]
    steps = reached(case)
    expected, present = evidence_coverage(case) if closed is not None else (0, 0)
    outcome = wf.outcome
    courier_claimed = any(e.kind is EventKind.COMPLAINT and e.party == "courier" for e in case.timeline)
    courier_recovered = sum((p.amount for p in wf.payments if p.recovered and p.payer == "courier"), Decimal(0))
    return {
        "case_number": case.number,
        "received_at": case.complained_at,
        "type": case.type.value,
        "channel": case.channel.value,
        "priority": case.priority.value,
        "responsibility": responsibility(case),
        "respondent": without_unseen(case.respondent.name).strip(),
        "complainant": without_unseen(case.complainant.phone or case.complainant.name).strip(),
        "operator": case.created_by,
        "closed_at": closed.at if closed else None,
        "closing_result": closed.result.value if closed else "",
        "satisfaction": closed.satisfaction if closed else None,
        "days_to_close": days,
        "working_days_to_close": working,
        **{f"reached_{step}": value for step, value in steps.items()},
        "mediation_decided": bool(decided),
        "mediation_agreed": any(p.result is ProceedingResult.AGREEMENT for p in decided),
        "outcome_kind": outcome.kind.value if outcome else "",
        "outcome_fen": fen(outcome.amount) if outcome else 0,
        "paid_fen": fen(wf.paid()),
        "recovered_fen": fen(wf.paid(recovered=True)),
        # The case claimed against the courier (a complaint lodged with it, or money recovered from it: money is
        # never recovered without a claim), so that the money recovered is counted over the cases counted here.
        "courier_claims": int(bool(courier_claimed or courier_recovered)),
        "courier_recovered_fen": fen(courier_recovered),
        "evidence_expected": expected,
        "evidence_present": present,
    }


def clock_kind(key: str) -> str:
    return PROMISE if key in _PROMISES else LIMIT if key in LIMITS else DUTY


def _note(ref: str) -> str:
    """A clock's reference written as a message (the limitation note), as data the app translates; else ""."""
    return json.dumps(message_to_data(ref), ensure_ascii=False) if isinstance(ref, Message) else ""


def clock_rows(case: Case, now: datetime | None = None, calendar: WorkCalendar | None = None) -> list[dict[str, Any]]:
    """One index row per clock the record starts: its key, kind, start, due time, when it was met, and when it
    stopped unmet (the case closed, or the proceeding it belongs to ended before the body acted)."""
    return [
        {
            "case_number": case.number,
            "seq": seq,
            "key": state.key,
            "kind": clock_kind(state.key),
            "started_at": state.deadline.started,
            "due_at": state.deadline.due,
            "met_at": state.met_at,
            "stopped_at": state.stopped_at,
            "ref": state.ref,
            "note": _note(state.ref),
            "last_day": "" if state.deadline.rule.unit is Unit.HOURS else state.deadline.last_day.isoformat(),
            "rolled_from": state.deadline.rolled_from.isoformat() if state.deadline.rolled_from else "",
            "provisional": state.deadline.provisional,
            "paused": state.deadline.paused,
            "act_by_at": state.deadline.act_by_at,
        }
        for seq, state in enumerate(case_clocks(case, now, calendar))
    ]
