"""How long each case's evidence is kept, and when it is under a legal hold: the team's retention policy.

The evidence store keeps an object until a date (only ever later) and under a legal hold
(:mod:`casefile.core.store.base`). This module decides, from a case's record, which date and which
hold each of the case's objects must have (:func:`plan`), and brings the store up to it (:func:`apply`):

- a **closed** case's objects are kept until its closing plus the team's retention period, counted as
  the civil code counts a period of years: it starts the day after the closing and ends at 24:00, China
  Standard Time, of the corresponding day (民法典 arts. 201–203);
- an **open** case's objects are kept at least that period from now: whenever the case closes, its
  date can still be given, since a retention can only be extended. The provisional date is set
  ``open_case_days`` past that minimum, so that it is renewed once in that many days (by a change
  to the case, or ``casefile team retention --apply`` run periodically), not on every change;
- while an **arbitration or a lawsuit** runs (a proceeding before an arbitral body or a court whose
  end is not recorded) in a case that is not closed, its objects are under a legal hold, kept
  whatever their date says; once none runs, the hold is lifted and the date stays. A reopened case
  whose proceeding still runs, or an appeal recorded as a new proceeding, goes back on hold. An
  object two cases share keeps the hold while either of them needs it.

The default period, three years after closing, covers the general limitation period (民法典 art. 188:
three years from when the harm and who owes were known, which is no later than the closing) and the
time an e-commerce platform must keep its records of the transaction (电子商务法 art. 31: at least three
years from the transaction's completion). It is not longer because personal information is kept no
longer than its purpose needs (个人信息保护法 art. 19), and a COMPLIANCE retention cannot be undone:
until it ends the evidence can only be stored and protected (art. 47 para. 2). A team sets its own
period in the catalogue (:func:`save_policy`), from 1 year to 20, the longest the civil code protects
a right (art. 188).

Where the storage does not enforce retention (a folder or a share: ``enforced_by_storage`` False),
the same plan is recorded by the store's own markers, and :class:`Applied` says it is not enforced.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from casefile.core.errors import InvalidValueError
from casefile.core.model import Case, Stage
from casefile.core.store.base import EvidenceStore, StoredEvidenceMissingError, as_utc, utc_now
from casefile.core.workflow.clocks import CST, add_months
from casefile.core.workflow.records import Venue

if TYPE_CHECKING:
    from casefile.core.catalogue import Catalogue

DEFAULT_YEARS = 3
DEFAULT_OPEN_CASE_DAYS = 30
LONGEST_YEARS = 20  # 民法典 art. 188: no right is protected twenty years after the harm
LONGEST_OPEN_CASE_DAYS = 366
# The articles the default period rests on (casefile.core.law): the limitation period, the e-commerce
# records, and personal information kept no longer than needed.
BASIS = ("civil-code.188", "e-commerce.31", "personal-information.19")
SETTING = "retention"  # the policy's key among the catalogue's team settings
HELD_VENUES = frozenset({Venue.ARBITRATION, Venue.COURT})
_CLOSED_STAGES = frozenset({Stage.CLOSED, Stage.REVIEW})


@dataclass(frozen=True)
class RetentionPolicy:
    """The team's retention: ``years`` after a case's closing; open cases renewed ``open_case_days`` ahead."""

    years: int = DEFAULT_YEARS
    open_case_days: int = DEFAULT_OPEN_CASE_DAYS

    def __post_init__(self) -> None:
        if isinstance(self.years, bool) or not isinstance(self.years, int) or not 1 <= self.years <= LONGEST_YEARS:
            raise InvalidValueError(
                "a retention period is from 1 to {longest} years after the case's closing, not {years}",
                longest=LONGEST_YEARS,
                years=self.years,
            )
        days = self.open_case_days
        if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= LONGEST_OPEN_CASE_DAYS:
            raise InvalidValueError(
                "open cases are renewed from 1 to {longest} days ahead, not {days}",
                longest=LONGEST_OPEN_CASE_DAYS,
                days=days,
            )

    def to_data(self) -> dict[str, Any]:
        return {"years": self.years, "open_case_days": self.open_case_days}

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> RetentionPolicy:
        return cls(int(data.get("years", DEFAULT_YEARS)), int(data.get("open_case_days", DEFAULT_OPEN_CASE_DAYS)))


@dataclass(frozen=True)
class Plan:
    """What a case's objects must have: retained until ``until`` (at least ``at_least``), and the legal hold.

    ``closed_at`` is the case's closing; None when the case is open and ``until`` is provisional.
    """

    until: dt.datetime
    hold: bool
    at_least: dt.datetime
    closed_at: dt.datetime | None = None

    @property
    def provisional(self) -> bool:
        return self.closed_at is None

    def expired(self, now: dt.datetime) -> bool:
        """Whether the retention period has run out already (a case closed longer ago than the period)."""
        return self.until <= now


def period_end(start: dt.datetime, years: int) -> dt.datetime:
    """The end of a period of ``years`` from ``start``: 24:00 CST of the corresponding day (民法典 arts. 201–203)."""
    last = add_months(start.astimezone(CST).date(), 12 * years)
    return dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), CST).astimezone(dt.UTC)


def closed_at(case: Case) -> dt.datetime | None:
    """When the case was closed, if it is closed now (its closing, or its last move to the closed stage)."""
    if case.stage not in _CLOSED_STAGES:
        return None
    at: dt.datetime | None = None
    for change in case.stage_log:  # in the order recorded; a periodic review keeps the case closed
        if change.stage is Stage.CLOSED:
            at = change.at
        elif change.stage is not Stage.REVIEW:
            at = None
    closing = case.workflow.closed
    if closing is not None and (at is None or closing.at > at):
        at = closing.at
    return at


def in_litigation(case: Case) -> bool:
    """Whether an arbitration or a lawsuit of the case runs: its proceeding's end is not recorded."""
    return any(p.venue in HELD_VENUES and p.ended_at is None for p in case.workflow.proceedings)


def plan(case: Case, policy: RetentionPolicy, *, now: dt.datetime | None = None) -> Plan:
    """The retention date and the legal hold every object of ``case`` must have (see the module)."""
    closed = closed_at(case)
    if closed is not None:
        until = period_end(closed, policy.years)
        return Plan(until, False, until, as_utc(closed))
    at_least = period_end(now or utc_now(), policy.years)
    return Plan(at_least + dt.timedelta(days=policy.open_case_days), in_litigation(case), at_least)


@dataclass
class Applied:
    """What :func:`apply` did to a case's objects (or, with ``dry_run``, would do)."""

    store: str
    enforced: bool  # whether the storage itself enforces retention and holds (S3 Object Lock)
    plan: Plan
    dry_run: bool = False
    objects: int = 0
    retained: list[str] = field(default_factory=list)  # given the plan's date (it was short of it)
    held: list[str] = field(default_factory=list)  # put under the legal hold
    released: list[str] = field(default_factory=list)  # the legal hold lifted
    kept_held: list[str] = field(default_factory=list)  # hold kept: another case in litigation holds the object
    later: list[str] = field(default_factory=list)  # retained past the plan already (never shortened)
    missing: list[str] = field(default_factory=list)  # not in the store

    @property
    def changes(self) -> int:
        return len(self.retained) + len(self.held) + len(self.released)

    @property
    def up_to_plan(self) -> bool:
        """Whether every object present has the plan (true of a dry run only when nothing needs changing)."""
        return not self.missing and (not self.dry_run or not self.changes)


def apply(
    store: EvidenceStore,
    case: Case,
    digests: Iterable[str],
    policy: RetentionPolicy,
    *,
    now: dt.datetime | None = None,
    still_held: Callable[[], set[str]] | None = None,
) -> Applied:
    """Bring the objects ``digests`` of ``case`` up to its plan (see :func:`apply_plan`)."""
    moment = now or utc_now()
    return apply_plan(store, plan(case, policy, now=moment), digests, now=moment, still_held=still_held)


def apply_plan(
    store: EvidenceStore,
    wanted: Plan,
    digests: Iterable[str],
    *,
    now: dt.datetime | None = None,
    still_held: Callable[[], set[str]] | None = None,
    dry_run: bool = False,
) -> Applied:
    """Give each object the plan's date when its own is short of ``wanted.at_least``, and the plan's hold.

    Each object's state is read first: a date already as late is left alone (a retention is never
    shortened; one later than the plan is reported), and nothing is called when nothing needs to
    change, so applying twice changes nothing the second time. A hold is lifted only from objects
    not in ``still_held()`` (the objects other cases in litigation hold; asked once, when first needed).
    """
    moment = now or utc_now()
    applied = Applied(store.name, store.enforced_by_storage, wanted, dry_run)
    others: set[str] | None = None
    for digest in sorted(set(digests)):
        applied.objects += 1
        try:
            state = store.hold_state(digest)
        except StoredEvidenceMissingError:
            applied.missing.append(digest)
            continue
        if not wanted.expired(moment) and (state.until is None or state.until < wanted.at_least):
            if not dry_run:
                store.retain(digest, wanted.until)
            applied.retained.append(digest)
        elif state.until is not None and state.until > wanted.until:
            applied.later.append(digest)
        if wanted.hold and not state.legal_hold:
            if not dry_run:
                store.legal_hold(digest, True)
            applied.held.append(digest)
        elif not wanted.hold and state.legal_hold:
            if others is None:
                others = still_held() if still_held is not None else set()
            if digest in others:
                applied.kept_held.append(digest)
                continue
            if not dry_run:
                store.legal_hold(digest, False)
            applied.released.append(digest)
    return applied


# -- the team library: the policy in the catalogue, the plan applied to each case --------------------------------


def load_policy(catalogue: Catalogue) -> RetentionPolicy:
    """The team's retention policy (the default when none was set)."""
    from sqlalchemy.orm import Session

    from casefile.core.catalogue.models import TeamSetting

    with Session(catalogue.engine) as session:
        row = session.get(TeamSetting, SETTING)
        return RetentionPolicy() if row is None else RetentionPolicy.from_data(row.value)


def save_policy(catalogue: Catalogue, policy: RetentionPolicy, operator: str) -> None:
    """Set the team's retention policy; the change is in the catalogue's audit, with who made it.

    A shorter period applies to dates given from now on: a retention given already is never shortened.
    """
    from sqlalchemy.orm import Session

    from casefile.core.catalogue.models import AuditRow, TeamSetting

    now = utc_now()
    with Session(catalogue.engine) as session, session.begin():
        catalogue.require_admin(session)  # a team-wide setting (on PostgreSQL only casefile_admin may write it)
        row = session.get(TeamSetting, SETTING)
        was = None if row is None else row.value
        if row is None:
            row = TeamSetting(key=SETTING)
            session.add(row)
        row.value, row.updated_at, row.updated_by = policy.to_data(), now, operator
        session.add(
            AuditRow(
                at=now,
                user=catalogue.signed_in_login(),  # as Catalogue.audit: the login, not a name a caller gives
                action="retention-policy",
                case_number=None,
                details={"was": was, **row.value},
            )
        )


def case_digests(catalogue: Catalogue, case: Case) -> dict[str, str]:
    """Every object of a team case (path in the case folder -> SHA-256): exhibits, timestamps, generated bundles."""
    from casefile.core.custody import check_lines
    from casefile.core.library import manifest_entries
    from casefile.core.record.history import recorded_bundle_files

    files = dict(manifest_entries(case))
    entries, _chain = check_lines([line.encode("utf-8") for line in catalogue.custody_lines(case.number)])
    files.update(recorded_bundle_files(entries))
    return files


def held_elsewhere(catalogue: Catalogue, number: str) -> set[str]:
    """The objects that cases other than ``number`` keep under a legal hold (their arbitration or lawsuit runs).

    Every case record is read: this is asked only when a hold is about to be lifted. A signed-in user who
    may not read every case cannot know whether a case hidden from them holds the same file: for them,
    every object of the case stays held, and the hold is lifted by ``casefile team retention --apply`` run
    by the owner or an administrator of the whole library.
    """
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from casefile.core.catalogue.models import CaseRecord
    from casefile.core.model import case_from_data

    if not catalogue.sees_every_case():
        return set(case_digests(catalogue, catalogue.load(number).case).values())
    held: set[str] = set()
    with Session(catalogue.engine) as session:
        rows = session.execute(select(CaseRecord.number, CaseRecord.record).where(CaseRecord.number != number))
        cases = [case_from_data(record) for _number, record in rows]
    for other in cases:
        if closed_at(other) is None and in_litigation(other):
            held.update(case_digests(catalogue, other).values())
    return held


def recorded_plan(catalogue: Catalogue, number: str) -> Plan | None:
    """The plan last applied to all of the case's objects; None when none was."""
    from sqlalchemy.orm import Session

    from casefile.core.catalogue.models import CaseRetention

    with Session(catalogue.engine) as session:
        row = session.get(CaseRetention, catalogue.case_id_of(session, number))
        if row is None:
            return None
        return Plan(row.until, row.legal_hold, row.until, row.closed_at)


def record_plan(catalogue: Catalogue, number: str, applied: Plan) -> None:
    """Note that all of the case's objects have the plan ``applied`` now."""
    from sqlalchemy.orm import Session

    from casefile.core.catalogue.models import CaseRetention

    with Session(catalogue.engine) as session, session.begin():
        case_id = catalogue.case_id_of(session, number)
        row = session.get(CaseRetention, case_id)
        if row is None:
            row = CaseRetention(case_id=case_id)
            session.add(row)
        row.until, row.legal_hold, row.closed_at = applied.until, applied.hold, applied.closed_at
        row.applied_at = utc_now()


def apply_for_case(
    catalogue: Catalogue,
    store: EvidenceStore,
    case: Case,
    digests: Iterable[str] = (),
    *,
    now: dt.datetime | None = None,
    policy: RetentionPolicy | None = None,
) -> Applied:
    """After a change to a team case is saved: its objects brought up to the team's plan for it
    (``policy``: the team's, when the caller has read it already).

    ``digests`` are the objects the change put in the store (if any). When the case's plan is the one
    last applied to all its objects (the same closing, the same hold, a date still far enough ahead),
    only those objects are brought up to it, with the same date; otherwise every object of the case
    is, and the new plan is recorded in the catalogue.
    """
    moment = now or utc_now()
    wanted = plan(case, policy or load_policy(catalogue), now=moment)
    last = recorded_plan(catalogue, case.number)

    def still_held() -> set[str]:  # asked only when a hold is about to be lifted
        return held_elsewhere(catalogue, case.number)

    if (
        last is not None
        and last.hold == wanted.hold
        and last.closed_at == wanted.closed_at
        and last.until >= wanted.at_least
    ):
        return apply_plan(store, last, digests, now=moment, still_held=still_held)
    everything = set(case_digests(catalogue, case).values()) | set(digests)
    applied = apply_plan(store, wanted, everything, now=moment, still_held=still_held)
    if not applied.missing:
        record_plan(catalogue, case.number, wanted)
    return applied
