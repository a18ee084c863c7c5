"""The handling of a dispute, as the case record holds it: who is responsible and why, the
negotiation rounds, the proceedings before a mediator, an agency, an arbitration commission or
a court, the outcome, the payments made to carry it out, and the closing (and any reopening).

Each record states when it really happened (``at`` and the other times: what the user says),
who acted and what was decided; the time it was entered and by whom (``recorded_at``,
``recorded_by``) are set from the custody entry that recorded it, never typed in. They are
custody-logged changes like every other: casefile.core.record.actions folds them.

Parties are named by the keys of EVENT_PARTIES (respondent, courier, complainant,
consumer-association, regulator, postal-regulator, court, arbitration) plus "manufacturer"
and "third-party" where a party outside the case pays or is found responsible.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal


class Venue(enum.StrEnum):
    """Where a dispute is handled beyond the two parties' own negotiation."""

    INTERNAL = "internal"  # 内部调解 (the business's own mediation)
    CONSUMER_ASSOCIATION = "consumer-association"  # 消费者协会 / 消保委
    REGULATOR = "regulator"  # 市场监督管理部门 (12315)
    POSTAL_REGULATOR = "postal-regulator"  # 邮政管理部门 (12305)
    ARBITRATION = "arbitration"  # 仲裁委员会
    COURT = "court"  # 人民法院


# The escalation order the periodic review's funnel follows.
ESCALATION = (
    Venue.INTERNAL,
    Venue.CONSUMER_ASSOCIATION,
    Venue.REGULATOR,
    Venue.POSTAL_REGULATOR,
    Venue.ARBITRATION,
    Venue.COURT,
)


class ProceedingResult(enum.StrEnum):
    PENDING = "pending"
    NOT_ACCEPTED = "not-accepted"  # 不予受理
    AGREEMENT = "agreement"  # 调解协议 / 和解
    NO_AGREEMENT = "no-agreement"  # 调解不成 / 终止调解
    WITHDRAWN = "withdrawn"  # 撤回
    AWARD = "award"  # 仲裁裁决
    JUDGMENT = "judgment"  # 判决
    RULING = "ruling"  # 裁定
    DISMISSED = "dismissed"  # 驳回


class Answer(enum.StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    COUNTERED = "countered"  # answered with a proposal of one's own


class OutcomeKind(enum.StrEnum):
    AGREEMENT = "agreement"  # the parties agreed (协商一致, 调解协议)
    DECISION = "decision"  # an award, judgment or administrative decision settled it
    WITHDRAWN = "withdrawn"  # the complainant withdrew
    NONE = "none"  # nothing was obtained


class ClosingResult(enum.StrEnum):
    RESOLVED = "resolved"  # 已解决
    PARTLY = "partly"  # 部分解决
    UNRESOLVED = "unresolved"  # 未解决
    WITHDRAWN = "withdrawn"  # 投诉人撤回
    REJECTED = "rejected"  # 投诉不成立


@dataclass
class Finding:
    """责任认定: who is responsible, why, and the exhibits that support it."""

    __sparse__ = True  # fields at their default are not written

    party: str  # casefile.core.model.ResponsibleParty value
    at: datetime
    reasons: str = ""
    evidence: list[int] = field(default_factory=list)
    by: str = ""  # who decided (the operator when not said)
    recorded_at: datetime | None = None
    recorded_by: str = ""


@dataclass
class Proposal:
    """One round of negotiation: a proposal, who made it, and the answer."""

    __sparse__ = True  # fields at their default are not written

    at: datetime
    by: str  # the party that proposed
    summary: str
    amount: Decimal | None = None
    reply_by: datetime | None = None  # the deadline given for an answer
    answer: Answer = Answer.PENDING
    answered_at: datetime | None = None
    answer_note: str = ""
    evidence: list[int] = field(default_factory=list)
    answer_evidence: list[int] = field(default_factory=list)  # the exhibits that show the answer (a written reply)
    recorded_at: datetime | None = None
    recorded_by: str = ""


@dataclass
class TestingPeriod:
    """检定、检验、检测、鉴定: time not counted in a regulator's mediation period."""

    __sparse__ = True  # fields at their default are not written

    start: datetime
    end: datetime | None = None  # None: still being tested
    note: str = ""


@dataclass
class Proceeding:
    """A mediation, complaint, arbitration or lawsuit: the body, its number, and its dates."""

    __sparse__ = True  # fields at their default are not written

    venue: Venue
    body: str = ""  # 上海市徐汇区消保委, 徐汇区市场监管局, 上海仲裁委员会, 徐汇区人民法院
    ref: str = ""  # 消协 file number, 12315 工单号, arbitration or court case number
    filed_at: datetime | None = None  # when the complaint, application or claim reached the body
    accepted_at: datetime | None = None  # 受理 / 立案
    hearings: list[datetime] = field(default_factory=list)
    testing: list[TestingPeriod] = field(default_factory=list)
    result: ProceedingResult = ProceedingResult.PENDING
    decided_at: datetime | None = None  # the agreement, award, judgment or ruling's date
    served_at: datetime | None = None  # when the decision was served on / received by the complainant
    ended_at: datetime | None = None
    summary: str = ""
    evidence: list[int] = field(default_factory=list)
    recorded_at: datetime | None = None
    recorded_by: str = ""


@dataclass
class Outcome:
    """How the dispute was settled: what is owed, by whom, and by when."""

    __sparse__ = True  # fields at their default are not written

    kind: OutcomeKind
    at: datetime
    summary: str = ""
    amount: Decimal | None = None  # to pay or refund
    payer: str = ""
    payee: str = ""
    perform_by: datetime | None = None  # the last day for performance (starts the enforcement clock)
    evidence: list[int] = field(default_factory=list)
    recorded_at: datetime | None = None
    recorded_by: str = ""


@dataclass
class Payment:
    """Execution: an amount paid, by whom, with its proof as an exhibit."""

    __sparse__ = True  # fields at their default are not written

    at: datetime
    amount: Decimal
    payer: str
    payee: str = ""
    method: str = ""  # 原路退款, 转账, 现金…
    recovered: bool = False  # money recovered from another party (a courier's compensation, a manufacturer)
    evidence: list[int] = field(default_factory=list)
    note: str = ""
    recorded_at: datetime | None = None
    recorded_by: str = ""


@dataclass
class Closing:
    __sparse__ = True  # fields at their default are not written

    at: datetime
    result: ClosingResult
    satisfaction: int | None = None  # the complainant's satisfaction, 1 (very dissatisfied) to 5 (very satisfied)
    note: str = ""
    by: str = ""
    evidence: list[int] = field(default_factory=list)  # what shows it was settled or ended (a receipt, a ruling)
    recorded_at: datetime | None = None
    recorded_by: str = ""


@dataclass
class Reopening:
    __sparse__ = True  # fields at their default are not written

    at: datetime
    reason: str
    by: str = ""
    recorded_at: datetime | None = None
    recorded_by: str = ""


@dataclass
class Workflow:
    """Everything above for one case; every list in the order it was recorded."""

    __sparse__ = True  # only what was recorded is written

    findings: list[Finding] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)
    proceedings: list[Proceeding] = field(default_factory=list)
    outcome: Outcome | None = None
    payments: list[Payment] = field(default_factory=list)
    closings: list[Closing] = field(default_factory=list)
    reopenings: list[Reopening] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (
            self.findings
            or self.proposals
            or self.proceedings
            or self.outcome
            or self.payments
            or self.closings
            or self.reopenings
        )

    @property
    def closed(self) -> Closing | None:
        """The closing in force: the last one, unless a reopening came after it."""
        if not self.closings:
            return None
        last = self.closings[-1]
        if self.reopenings and self.reopenings[-1].at >= last.at:
            return None
        return last

    def paid(self, *, recovered: bool = False) -> Decimal:
        return sum((p.amount for p in self.payments if p.recovered is recovered), Decimal(0))

    def overpaid(self) -> Decimal | None:
        """How much the payments (not those recovered) exceed what the outcome says is owed; None when they do
        not, or the outcome states no amount. A payment entered twice shows here, and inflates the review."""
        owed = self.outcome.amount if self.outcome is not None else None
        paid = self.paid()
        return paid - owed if owed is not None and paid > owed else None

    def proceedings_at(self, venue: Venue) -> list[Proceeding]:
        return [p for p in self.proceedings if p.venue is venue]
