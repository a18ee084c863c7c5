"""Every custody action CaseFile writes, in one registry.

An action either changes the case record (``apply`` folds it into the record) or only
bears witness (a verification, an export, a bundle…: the record is unchanged, the entry
proves what happened). Folding a log refuses an action it does not know — it was written
by a newer CaseFile, and skipping it would silently give a wrong record.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from casefile.core.errors import InvalidValueError, Message
from casefile.core.model import (
    Case,
    Exhibit,
    ExhibitMetadata,
    ResponsibleParty,
    Stage,
    StageChange,
    Stamp,
    TimelineEvent,
    field_from_data,
    from_data,
    parse_datetime,
    set_unknown,
    to_data,
    unknown_of,
)
from casefile.core.workflow.records import (
    Answer,
    Closing,
    Finding,
    Outcome,
    Payment,
    Proceeding,
    Proposal,
    Reopening,
)

# Actions that change the record.
CREATE = "create"
INGEST = "ingest"
WITHDRAW = "withdraw"
UPDATE = "update"
STAGE = "stage"
EVENT = "event"
EVENT_UPDATE = "event-update"  # a timeline event corrected: the event as it was, and as it is now
EVENT_REMOVE = "event-remove"  # a timeline event taken out of the record (it stays in the log), with why
EXHIBIT_UPDATE = "exhibit-update"
REORDER = "reorder"
EXHIBIT_METADATA = "exhibit-metadata"  # what the file says about itself, read again
REDACT = "redact"  # a redacted copy of an exhibit added as an exhibit of its own
# The handling of the dispute (casefile.core.workflow.records; recorded by casefile.core.workflow.handling).
FINDING = "finding"  # 责任认定: who is responsible, why, on which exhibits
PROPOSAL = "proposal"  # a negotiation round: a proposal
PROPOSAL_ANSWER = "proposal-answer"  # the answer to a round, by its number (from 1)
PROCEEDING = "proceeding"  # a mediation, complaint, arbitration or lawsuit begun
PROCEEDING_UPDATE = "proceeding-update"  # a proceeding's fields set, by its number (from 1)
OUTCOME = "outcome"  # how the dispute was settled (a later one replaces it; the log keeps both)
PAYMENT = "payment"  # an amount paid in execution
CLOSE = "close"  # the case closed, with its result: it enters the closed stage
REOPEN = "reopen"  # a closed case reopened, with why: it goes back to its stage before closing
TIMESTAMP = "timestamp"  # a trusted timestamp (RFC 3161) attached: its files join the manifest
# Actions that only bear witness.
VERIFY = "verify"
EXPORT = "export"
IMPORT = "import"
BUNDLE = "bundle"
RECOVERY = "recovery"  # a crash was cleaned up (a torn last line removed)
REPAIR = "repair"  # case.json / MANIFEST.sha256 rebuilt from the log
# Generated bundle files (CaseFile's output, never evidence) found missing or altered, recorded as
# lost: who found it and when (the entry), which file, its recorded hash, what was found ("missing",
# "modified" with the hash found) and where an altered file was moved. A new witness action needs no
# new entry version: a CaseFile that does not know it refuses the log as made by a newer CaseFile.
BUNDLE_LOST = "bundle-lost"
SCREENED = "screened"  # evidence PDFs made safe to print (when added, or by a packet): their kept copies

# Fields a "proceeding-update" entry may set (a newer CaseFile's others are kept as they are).
PROCEEDING_UPDATABLE = {
    "body",
    "ref",
    "filed_at",
    "accepted_at",
    "hearings",
    "testing",
    "result",
    "decided_at",
    "served_at",
    "ended_at",
    "summary",
    "evidence",
}

# Top-level fields an "update" entry may set.
UPDATABLE_FIELDS = {
    "title",
    "complained_at",
    "channel",
    "channel_ref",
    "type",
    "priority",
    "responsible_party",
    "responsibility_rationale",
    "first_response_at",
    "our_side",
    "complainant",
    "respondent",
    "courier",
    "agent",
    "filing",
    "transaction",
    "shipment",
    "demands",
    "facts",
    "timeline",
    "handed_items",
}
EXHIBIT_UPDATABLE = {
    "title",
    "kind",
    "source",
    "purpose",
    "captured_at",
    "captured_at_source",
    "transcript",
    "agreement_status",
    "agreement_reason",
    "handed_in",
    "disposition",
    "group",
    "paper",
}

Apply = Callable[[Case, dict[str, Any], datetime, str], None]


@dataclass(frozen=True)
class Action:
    name: str
    apply: Apply | None  # None: a witness action, the record stays as it is
    exhibits: Callable[[dict[str, Any]], list[int]]  # the exhibits an entry of this action concerns

    @property
    def changes_record(self) -> bool:
        return self.apply is not None


def _number(value: Any) -> list[int]:
    return [value] if isinstance(value, int) and not isinstance(value, bool) else []


def _exhibit_field(details: dict[str, Any]) -> list[int]:
    exhibit = details.get("exhibit")
    if isinstance(exhibit, dict):
        return _number(exhibit.get("number"))
    return _number(exhibit)


def _numbers(values: Any) -> list[int]:
    return [n for v in values for n in _number(v)] if isinstance(values, list) else []


def _none(details: dict[str, Any]) -> list[int]:
    return []


def _cited(details: dict[str, Any]) -> list[int]:
    """The exhibits an entry cites as its own evidence (format 5: a stage change, a proposal's answer)."""
    return _numbers(details.get("evidence"))


def _ingest(case: Case, details: dict[str, Any], at: datetime, operator: str) -> None:
    exhibit = from_data(Exhibit, details["exhibit"])
    if case.has_exhibit(exhibit.number):
        raise InvalidValueError("exhibit {number} is ingested twice in the custody log", number=exhibit.number)
    case.add_exhibit(exhibit)


def _redact(case: Case, details: dict[str, Any], at: datetime, operator: str) -> None:
    source = details["derived_from"]
    number = source.get("exhibit") if isinstance(source, dict) else None
    if not isinstance(number, int) or not case.has_exhibit(number):
        raise InvalidValueError(
            "a redacted copy names no exhibit of the case as its original ({number!r})", number=number
        )
    original = case.exhibit(number)
    copy = from_data(Exhibit, details["exhibit"])
    if copy.derived_from != number or source.get("sha256") != original.sha256:
        raise InvalidValueError(
            "the redacted copy {copy} does not match its original, exhibit {number}", copy=copy.number, number=number
        )
    _ingest(case, details, at, operator)


def _redact_exhibits(details: dict[str, Any]) -> list[int]:
    source = details.get("derived_from")
    return _exhibit_field(details) + (_number(source.get("exhibit")) if isinstance(source, dict) else [])


def _withdraw(case: Case, details: dict[str, Any], at: datetime, operator: str) -> None:
    exhibit = case.exhibit(int(details["exhibit"]))
    exhibit.withdrawn = True
    exhibit.withdrawn_at = at
    exhibit.withdrawn_by = operator
    exhibit.withdraw_reason = str(details.get("reason", ""))


def _exhibit_update(case: Case, details: dict[str, Any], at: datetime, operator: str) -> None:
    exhibit = case.exhibit(int(details["exhibit"]))
    fields: dict[str, Any] = details["fields"]
    for name, value in fields.items():
        if name in EXHIBIT_UPDATABLE:
            setattr(exhibit, name, field_from_data(Exhibit, name, value))
    newer = {k: v for k, v in fields.items() if k not in EXHIBIT_UPDATABLE}
    if newer:  # fields a newer CaseFile lets people change: kept as they are
        set_unknown(exhibit, {**unknown_of(exhibit), **newer})


def _exhibit_metadata(case: Case, details: dict[str, Any], at: datetime, operator: str) -> None:
    exhibit = case.exhibit(int(details["exhibit"]))
    exhibit.metadata = from_data(ExhibitMetadata, details["metadata"])
    exhibit.flags = [str(f) for f in details["flags"]]
    if "captured_at" in details:
        exhibit.captured_at = parse_datetime(details["captured_at"], "captured_at", check=False)
        exhibit.captured_at_source = str(details["captured_at_source"])


def _update(case: Case, details: dict[str, Any], at: datetime, operator: str) -> None:
    changes: dict[str, Any] = details["fields"]
    for name, value in changes.items():
        if name in UPDATABLE_FIELDS:
            setattr(case, name, field_from_data(Case, name, value))
    newer = {k: v for k, v in changes.items() if k not in UPDATABLE_FIELDS}
    if newer:
        set_unknown(case, {**unknown_of(case), **newer})


def _stage(case: Case, details: dict[str, Any], at: datetime, operator: str) -> None:
    """The case enters ``stage`` at the time the entry states ("at", format 3), else when it was recorded."""
    stage = Stage(details["stage"])
    change = StageChange(stage=stage, at=at, operator=operator, note=str(details.get("note", "")))
    skipped = details.get("skipped")
    if isinstance(skipped, list):  # stages passed over, the move confirmed
        change.skipped = [Stage(s) for s in skipped if s in Stage.__members__.values()]
    if "at" in details:
        change.at, change.recorded_at = parse_datetime(details["at"], "stage.at", check=False), at
    change.evidence = _cited(details)  # format 5: the exhibits that show it
    case.stage = stage
    case.stage_log.append(change)


def _reorder(case: Case, details: dict[str, Any], at: datetime, operator: str) -> None:
    order = [int(n) for n in details["order"]]
    if sorted(order) != sorted(case.exhibit_numbers()):
        raise InvalidValueError("a new order must list every exhibit exactly once")
    case.exhibit_order = order


def _event(case: Case, details: dict[str, Any], at: datetime, operator: str) -> None:
    """The event as it happened; entered when its entry was recorded (format 4: an older entry was
    folded without that time, and its record holds none — it keeps none, see versions.py)."""
    data = details["event"]
    event = from_data(TimelineEvent, data)
    if "recorded_at" not in data:
        event.recorded_at = at
    case.timeline.append(event)
    case.timeline.sort(key=lambda e: e.at)


def _find_event(case: Case, was: dict[str, Any]) -> int:
    """The position of the timeline event recorded as ``was`` (an entry names an event by its content:
    events have no number, and two identical events are the same fact). Only the fields the entry
    recorded are compared, so a later CaseFile that adds fields to events still finds it."""
    for i, event in enumerate(case.timeline):
        data = to_data(event)
        if all(data.get(key) == value for key, value in was.items()):
            return i
    raise InvalidValueError("the timeline holds no such event (it was changed or removed since)")


def _event_update(case: Case, details: dict[str, Any], at: datetime, operator: str) -> None:
    i = _find_event(case, details["was"])
    event = from_data(TimelineEvent, details["event"])
    event.recorded_at = case.timeline[i].recorded_at  # a correction keeps when the event was first entered
    case.timeline[i] = event
    case.timeline.sort(key=lambda e: e.at)


def _event_remove(case: Case, details: dict[str, Any], at: datetime, operator: str) -> None:
    del case.timeline[_find_event(case, details["was"])]


def _event_exhibits(details: dict[str, Any]) -> list[int]:
    return [n for key in ("was", "event") for n in _numbers((details.get(key) or {}).get("evidence"))]


# ---------------------------------------------------------------------------- the handling of the dispute
#
# Each record states when it really happened; when it was entered and by whom come from the
# entry that records it (its time and operator), never from the entry's details.


def _stamp(
    item: Finding | Proposal | Proceeding | Outcome | Payment | Closing | Reopening, at: datetime, by: str
) -> None:
    item.recorded_at = at
    item.recorded_by = by


def _finding(case: Case, details: dict[str, Any], at: datetime, operator: str) -> None:
    finding = from_data(Finding, details["finding"])
    try:
        party = ResponsibleParty(finding.party)
    except ValueError:
        raise InvalidValueError(
            "a finding names {party!r}, not a party of ResponsibleParty", party=finding.party
        ) from None
    _stamp(finding, at, operator)
    case.workflow.findings.append(finding)
    case.responsible_party = party
    case.responsibility_rationale = finding.reasons


def _proposal(case: Case, details: dict[str, Any], at: datetime, operator: str) -> None:
    proposal = from_data(Proposal, details["proposal"])
    _stamp(proposal, at, operator)
    case.workflow.proposals.append(proposal)


def _nth(items: list[Any], details: dict[str, Any], key: str, what: Message) -> Any:
    n = details.get(key)
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= len(items):
        raise InvalidValueError("the case has no {what} {n!r}", what=what, n=n)
    return items[n - 1]


def _proposal_answer(case: Case, details: dict[str, Any], at: datetime, operator: str) -> None:
    proposal: Proposal = _nth(case.workflow.proposals, details, "round", Message("negotiation round"))
    proposal.answer = Answer(details["answer"])
    proposal.answered_at = parse_datetime(details["at"], "answer.at", check=False)
    proposal.answer_note = str(details.get("note", ""))
    proposal.answer_evidence = _cited(details)  # format 5: the answer's exhibits (a written reply)


def _proceeding(case: Case, details: dict[str, Any], at: datetime, operator: str) -> None:
    proceeding = from_data(Proceeding, details["proceeding"])
    _stamp(proceeding, at, operator)
    case.workflow.proceedings.append(proceeding)


def _proceeding_update(case: Case, details: dict[str, Any], at: datetime, operator: str) -> None:
    proceeding: Proceeding = _nth(case.workflow.proceedings, details, "proceeding", Message("proceeding"))
    fields: dict[str, Any] = details["fields"]
    for name, value in fields.items():
        if name in PROCEEDING_UPDATABLE:
            setattr(proceeding, name, field_from_data(Proceeding, name, value))
    newer = {k: v for k, v in fields.items() if k not in PROCEEDING_UPDATABLE}
    if newer:
        set_unknown(proceeding, {**unknown_of(proceeding), **newer})


def _outcome(case: Case, details: dict[str, Any], at: datetime, operator: str) -> None:
    outcome = from_data(Outcome, details["outcome"])
    _stamp(outcome, at, operator)
    case.workflow.outcome = outcome


def _payment(case: Case, details: dict[str, Any], at: datetime, operator: str) -> None:
    payment = from_data(Payment, details["payment"])
    _stamp(payment, at, operator)
    case.workflow.payments.append(payment)


def _close(case: Case, details: dict[str, Any], at: datetime, operator: str) -> None:
    if case.workflow.closed is not None:
        raise InvalidValueError("the case is closed already: reopen it before closing it again")
    closing = from_data(Closing, details["closing"])
    reopenings = case.workflow.reopenings
    if reopenings and closing.at < reopenings[-1].at:
        raise InvalidValueError("a closing cannot be dated before the reopening it follows")
    _stamp(closing, at, operator)
    case.workflow.closings.append(closing)
    case.stage = Stage.CLOSED
    case.stage_log.append(
        StageChange(
            stage=Stage.CLOSED,
            at=closing.at,
            operator=operator,
            note=closing.note,
            recorded_at=at,
            evidence=list(closing.evidence),
        )
    )


def _reopen(case: Case, details: dict[str, Any], at: datetime, operator: str) -> None:
    closed = case.workflow.closed
    if closed is None:
        raise InvalidValueError("only a closed case can be reopened")
    reopening = from_data(Reopening, details["reopening"])
    if reopening.at < closed.at:
        raise InvalidValueError("a reopening cannot be dated before the closing it undoes")
    _stamp(reopening, at, operator)
    case.workflow.reopenings.append(reopening)
    stage = stage_before_closing(case)
    case.stage = stage
    case.stage_log.append(
        StageChange(stage=stage, at=reopening.at, operator=operator, note=reopening.reason, recorded_at=at)
    )


def stage_before_closing(case: Case) -> Stage:
    """The stage the case was in before it was last closed (registration when the log shows none)."""
    log = case.stage_log
    last = max((i for i, change in enumerate(log) if change.stage is Stage.CLOSED), default=len(log))
    before = [change.stage for change in log[:last] if change.stage not in (Stage.CLOSED, Stage.REVIEW)]
    return before[-1] if before else Stage.REGISTRATION


def _item_exhibits(key: str) -> Callable[[dict[str, Any]], list[int]]:
    return lambda details: _numbers((details.get(key) or {}).get("evidence"))


def _timestamp(case: Case, details: dict[str, Any], at: datetime, operator: str) -> None:
    stamp = from_data(Stamp, details["stamp"])
    if any(s.id == stamp.id for s in case.timestamps):
        raise InvalidValueError("timestamp {id} is attached twice in the custody log", id=stamp.id)
    for path in stamp.files:
        if not path.startswith("timestamps/") or ".." in path.split("/"):
            raise InvalidValueError("timestamp {id} names a file outside timestamps/: {path}", id=stamp.id, path=path)
    case.timestamps.append(stamp)


def _timestamp_exhibits(details: dict[str, Any]) -> list[int]:
    return _numbers((details.get("stamp") or {}).get("exhibits"))


def _screened_exhibits(details: dict[str, Any]) -> list[int]:
    files = details.get("files")
    return (
        [n for item in files if isinstance(item, dict) for n in _number(item.get("exhibit"))]
        if isinstance(files, list)
        else []
    )


def _bundle_exhibits(details: dict[str, Any]) -> list[int]:
    items = details.get("exhibits")
    if not items:
        return []
    # A redacted copy printed in place of its original concerns both.
    return [
        n for item in items if isinstance(item, dict) for key in ("exhibit", "original") for n in _number(item.get(key))
    ]


ACTIONS: dict[str, Action] = {
    a.name: a
    for a in (
        Action(CREATE, None, _none),  # folded specially: it starts the record
        Action(INGEST, _ingest, _exhibit_field),
        Action(WITHDRAW, _withdraw, _exhibit_field),
        Action(EXHIBIT_UPDATE, _exhibit_update, _exhibit_field),
        Action(EXHIBIT_METADATA, _exhibit_metadata, _exhibit_field),
        Action(REDACT, _redact, _redact_exhibits),
        Action(UPDATE, _update, _none),
        Action(STAGE, _stage, _cited),
        Action(REORDER, _reorder, _none),
        Action(EVENT, _event, _item_exhibits("event")),
        Action(EVENT_UPDATE, _event_update, _event_exhibits),
        Action(EVENT_REMOVE, _event_remove, _event_exhibits),
        Action(FINDING, _finding, _item_exhibits("finding")),
        Action(PROPOSAL, _proposal, _item_exhibits("proposal")),
        Action(PROPOSAL_ANSWER, _proposal_answer, _cited),
        Action(PROCEEDING, _proceeding, _item_exhibits("proceeding")),
        Action(PROCEEDING_UPDATE, _proceeding_update, _item_exhibits("fields")),
        Action(OUTCOME, _outcome, _item_exhibits("outcome")),
        Action(PAYMENT, _payment, _item_exhibits("payment")),
        Action(CLOSE, _close, _item_exhibits("closing")),
        Action(REOPEN, _reopen, _none),
        Action(TIMESTAMP, _timestamp, _timestamp_exhibits),
        Action(VERIFY, None, _none),
        Action(EXPORT, None, _none),
        Action(IMPORT, None, _none),
        Action(BUNDLE, None, _bundle_exhibits),
        Action(RECOVERY, None, _none),
        Action(REPAIR, None, _none),
        Action(BUNDLE_LOST, None, _none),
        Action(SCREENED, None, _screened_exhibits),
    )
}
