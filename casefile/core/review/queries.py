"""The periodic review's figures: SQL over the index's review rows (casefile.core.index), nothing
looped over case by case, so the same queries serve a shared database later.

What each figure counts, for a period of days (China Standard Time, both ends included):
- **intake**, the escalation funnel, mediation, money and repeat complainants: the cases
  *received* in the period (their complaint time), whatever became of them since;
- **resolution** (closed, resolved, satisfaction, time to resolution, evidence completeness):
  the cases *closed* in the period (the closing in force);
- **clocks met**: the response promises and statutory duties *due* in the period and already
  due at the time of the review. A duty counts as met when what it waits for happened before
  it was due; a duty left open when its case was closed before it was due is not counted.
- the 50th and 90th percentiles of the time to resolution are computed with window functions:
  the median is the middle value (the mean of the two middle ones for an even count), the 90th
  percentile the nearest-rank value (the ⌈0.9·n⌉-th smallest).

The previous period is the one of equal length ending the day before the period starts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.engine import Connection, Engine

from casefile.core.errors import InvalidValueError
from casefile.core.index import ReviewCaseRow, ReviewClockRow
from casefile.core.review.facts import DUTY, FUNNEL, PROMISE
from casefile.core.review.facts import GroupBy as GroupBy  # where it has always been imported from
from casefile.core.validate import EARLIEST_YEAR, LATEST_YEAR
from casefile.core.workflow.clocks import CST
from casefile.core.workflow.records import ClosingResult


@dataclass(frozen=True)
class ReviewTables:
    """Where the review's rows are: a table of case facts and one of clocks (casefile.core.index's
    ReviewCaseColumns and ReviewClockColumns, each with ``case_number``), as mapped classes."""

    cases: Any
    clocks: Any


#: The solo library's index.
SOLO = ReviewTables(ReviewCaseRow, ReviewClockRow)

# The intake breakdowns every review shows, whatever it is grouped by.
INTAKE = (GroupBy.TYPE, GroupBy.CHANNEL, GroupBy.RESPONSIBILITY)


@dataclass(frozen=True)
class Period:
    """Days ``first`` to ``last``, both included, in China Standard Time."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise InvalidValueError(
                "the period ends ({last}) before it starts ({first})", first=self.first, last=self.last
            )
        for day in (self.first, self.last):
            if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
                # also keeps the previous period of equal length (compared against) within the calendar
                raise InvalidValueError(
                    "{day} is not a plausible day for a review (use days between {earliest} and {latest})",
                    day=day,
                    earliest=EARLIEST_YEAR,
                    latest=LATEST_YEAR,
                )

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def bounds(self) -> tuple[datetime, datetime]:
        start = datetime.combine(self.first, time(), CST)
        return start, start + timedelta(days=self.days)

    def previous(self) -> Period:
        """The period of equal length just before (compared against; not checked as one typed)."""
        before = object.__new__(Period)
        object.__setattr__(before, "first", self.first - timedelta(days=self.days))
        object.__setattr__(before, "last", self.first - timedelta(days=1))
        return before


@dataclass
class Figures:
    """The review's figures for one group of cases (or all of them)."""

    received: int = 0
    closed: int = 0
    resolved: int = 0
    partly: int = 0
    satisfaction: float | None = None  # mean of the closings that state it (1-5)
    days_median: float | None = None
    days_p90: float | None = None
    working_median: float | None = None
    working_p90: float | None = None
    promises: int = 0  # response promises due in the period
    promises_met: int = 0
    duties: int = 0  # statutory duties due in the period
    duties_met: int = 0
    funnel: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FUNNEL, 0))
    mediation_decided: int = 0
    mediation_agreed: int = 0
    outcome_fen: int = 0
    paid_fen: int = 0
    recovered_fen: int = 0
    courier_claims: int = 0  # cases claimed against the courier (a complaint lodged, or money recovered)
    courier_recovered: int = 0  # those of them with money recovered from the courier
    courier_recovered_fen: int = 0  # the money recovered from the courier in those cases
    evidence_expected: int = 0
    evidence_present: int = 0

    @property
    def resolved_share(self) -> float | None:
        return _share(self.resolved, self.closed)

    @property
    def promises_share(self) -> float | None:
        return _share(self.promises_met, self.promises)

    @property
    def duties_share(self) -> float | None:
        return _share(self.duties_met, self.duties)

    @property
    def mediation_share(self) -> float | None:
        return _share(self.mediation_agreed, self.mediation_decided)

    @property
    def evidence_share(self) -> float | None:
        return _share(self.evidence_present, self.evidence_expected)


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass
class Review:
    period: Period
    by: GroupBy | None
    as_of: datetime
    total: Figures
    previous: Figures
    groups: list[tuple[str, Figures]]  # by ``by``: most cases received first
    intake: dict[GroupBy, list[tuple[str, int]]]  # received, by type, channel and responsibility
    previous_intake: dict[GroupBy, list[tuple[str, int]]]  # the same in the previous period
    repeat_complainants: int  # complainants with more than one case received in the period
    repeat_complainant_cases: int  # the cases they brought
    repeat_respondents: list[tuple[str, int]]  # respondents of more than one case, most first (ten at most)


def review(
    engine: Engine,
    period: Period,
    by: GroupBy | None = None,
    *,
    as_of: datetime | None = None,
    tables: ReviewTables = SOLO,
) -> Review:
    """The review of ``period`` from the rows at ``engine`` (the solo index's unless ``tables`` says
    otherwise; grouped by ``by``), with the previous period's totals."""
    moment = as_of or datetime.now(UTC)
    t = tables
    with engine.connect() as conn:
        total = _figures(conn, t, period, None, moment)[""]
        previous = _figures(conn, t, period.previous(), None, moment).get("", Figures())
        groups = (
            sorted(_figures(conn, t, period, by, moment).items(), key=lambda g: (-g[1].received, g[0])) if by else []
        )
        intake = {g: _intake(conn, t, period, g) for g in INTAKE}
        previous_intake = {g: _intake(conn, t, period.previous(), g) for g in INTAKE}
        complainants, their_cases = _repeat_complainants(conn, t, period)
        respondents = _repeat_respondents(conn, t, period)
    return Review(
        period, by, moment, total, previous, groups, intake, previous_intake, complainants, their_cases, respondents
    )


# --------------------------------------------------------------------------- the queries


def _within(column: Any, period: Period) -> ColumnElement[bool]:
    start, end = period.bounds()
    return and_(column >= start, column < end)


def _count(condition: Any) -> Any:
    """How many rows meet ``condition`` (a sum of 1s: booleans do not sum on every database)."""
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _rows(
    conn: Connection, t: ReviewTables, key: Any | None, columns: Sequence[Any], where: Any, *, clocks: bool = False
) -> list[Any]:
    """(group, *columns) rows where ``where`` holds, grouped by ``key`` ("" for all: no GROUP BY)."""
    R, K = t.cases, t.clocks
    stmt = select(*([key] if key is not None else []), *columns)
    if clocks:
        stmt = stmt.select_from(K.__table__.join(R.__table__, K.case_number == R.case_number))
    stmt = stmt.where(where)
    groups = [key] if key is not None else []
    if clocks:
        groups.append(K.kind)
    if groups:
        stmt = stmt.group_by(*groups)
    return [tuple(row) if key is not None else ("", *row) for row in conn.execute(stmt)]


def _figures(
    conn: Connection, t: ReviewTables, period: Period, by: GroupBy | None, as_of: datetime
) -> dict[str, Figures]:
    R, K = t.cases, t.clocks
    key = getattr(R, by.value) if by else None
    out: dict[str, Figures] = {}

    def at(name: str) -> Figures:
        return out.setdefault(name, Figures())

    received = [
        func.count(),
        *(_count(getattr(R, f"reached_{step}")) for step in FUNNEL),
        _count(R.mediation_decided),
        _count(R.mediation_agreed),
        *(func.coalesce(func.sum(c), 0) for c in (R.outcome_fen, R.paid_fen, R.recovered_fen)),
        *(func.coalesce(func.sum(c), 0) for c in (R.courier_claims, R.courier_recovered_fen)),
        _count(R.courier_recovered_fen > 0),
    ]
    for g, count, *rest in _rows(conn, t, key, received, _within(R.received_at, period)):
        f = at(g)
        f.received = count
        f.funnel = dict(zip(FUNNEL, rest[: len(FUNNEL)], strict=True))
        (
            f.mediation_decided,
            f.mediation_agreed,
            f.outcome_fen,
            f.paid_fen,
            f.recovered_fen,
            f.courier_claims,
            f.courier_recovered_fen,
            f.courier_recovered,
        ) = (int(v) for v in rest[len(FUNNEL) :])

    closed = [
        func.count(),
        _count(R.closing_result == ClosingResult.RESOLVED.value),
        _count(R.closing_result == ClosingResult.PARTLY.value),
        func.avg(R.satisfaction),
        func.coalesce(func.sum(R.evidence_expected), 0),
        func.coalesce(func.sum(R.evidence_present), 0),
    ]
    for g, count, resolved, partly, satisfaction, expected, present in _rows(
        conn, t, key, closed, _within(R.closed_at, period)
    ):
        f = at(g)
        f.closed, f.resolved, f.partly = count, int(resolved), int(partly)
        f.satisfaction = None if satisfaction is None else float(satisfaction)
        f.evidence_expected, f.evidence_present = int(expected), int(present)

    for column, names in (
        (R.days_to_close, ("days_median", "days_p90")),
        (R.working_days_to_close, ("working_median", "working_p90")),
    ):
        for g, median, p90 in _percentiles(conn, t, key, column, period):
            f = at(g)
            setattr(f, names[0], None if median is None else float(median))
            setattr(f, names[1], None if p90 is None else float(p90))

    ended = or_(K.met_at.is_not(None), K.stopped_at.is_(None), K.stopped_at >= K.due_at)
    where = and_(_within(K.due_at, period), K.due_at <= as_of, K.kind.in_((PROMISE, DUTY)), ended)
    met = and_(K.met_at.is_not(None), K.met_at < K.due_at)
    for g, kind, count, met_count in _rows(conn, t, key, [K.kind, func.count(), _count(met)], where, clocks=True):
        f = at(g)
        if kind == PROMISE:
            f.promises, f.promises_met = count, int(met_count)
        else:
            f.duties, f.duties_met = count, int(met_count)
    return out


def _percentiles(
    conn: Connection, t: ReviewTables, key: Any | None, value: Any, period: Period
) -> list[tuple[str, Any, Any]]:
    """(group, median, 90th percentile) of ``value`` over the cases closed in ``period``."""
    R = t.cases
    partition = {"partition_by": key} if key is not None else {}
    ranked = (
        select(
            *([key.label("g")] if key is not None else []),
            value.label("v"),
            func.row_number().over(order_by=value, **partition).label("rn"),
            func.count().over(**partition).label("n"),
        )
        .where(_within(R.closed_at, period), value.is_not(None))
        .subquery()
    )
    rn, n, v = ranked.c.rn, ranked.c.n, ranked.c.v
    middle = or_(rn == (n + 1) // 2, rn == (n + 2) // 2)
    stmt = select(
        *([ranked.c.g] if key is not None else []),
        func.avg(case((middle, v))),
        func.max(case((rn == (9 * n + 9) // 10, v))),
    )
    stmt = stmt.group_by(ranked.c.g) if key is not None else stmt
    found = conn.execute(stmt).all()
    rows = [tuple(r) if key is not None else ("", *r) for r in found]
    return [r for r in rows if r[1] is not None]


def _intake(conn: Connection, t: ReviewTables, period: Period, by: GroupBy) -> list[tuple[str, int]]:
    R = t.cases
    column = getattr(R, by.value)
    stmt = (
        select(column, func.count())
        .where(_within(R.received_at, period))
        .group_by(column)
        .order_by(func.count().desc(), column)
    )
    return [(str(name), int(count)) for name, count in conn.execute(stmt)]


def _repeat_complainants(conn: Connection, t: ReviewTables, period: Period) -> tuple[int, int]:
    R = t.cases
    repeat = (
        select(R.complainant, func.count().label("n"))
        .where(_within(R.received_at, period), R.complainant != "")
        .group_by(R.complainant)
        .having(func.count() > 1)
        .subquery()
    )
    people, cases = conn.execute(select(func.count(), func.coalesce(func.sum(repeat.c.n), 0))).one()
    return int(people), int(cases)


def _repeat_respondents(conn: Connection, t: ReviewTables, period: Period) -> list[tuple[str, int]]:
    R = t.cases
    stmt = (
        select(R.respondent, func.count())
        .where(_within(R.received_at, period), R.respondent != "")
        .group_by(R.respondent)
        .having(func.count() > 1)
        .order_by(func.count().desc(), R.respondent)
        .limit(10)
    )
    return [(str(name), int(count)) for name, count in conn.execute(stmt)]
