"""The library's SQLite index: fast listing and search over many cases.

The index holds nothing that is not in the case folders: it can be dropped and rebuilt
at any time (``casefile reindex``). An index written by a newer CaseFile is refused;
an older or damaged one is simply rebuilt.
"""

from __future__ import annotations

import dataclasses
import logging
import os
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    Select,
    String,
    Text,
    create_engine,
    delete,
    event,
    func,
    insert,
    literal,
    select,
    update,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column
from sqlalchemy.pool import StaticPool
from sqlalchemy.types import TypeDecorator

from casefile.core.errors import IndexWriteError, LibraryVersionError, Message, StorageError
from casefile.core.fsutil import make_private, open_private, storage_error
from casefile.core.listing import (
    CONTENTS_VERSION,
    LIMITATION,
    SCHEMA_VERSION,
    AgendaRow,
    CaseSummary,
    organisation_key,
    sort_key,
)
from casefile.core.model import Case, Exhibit
from casefile.core.record.contacts import SEPARATOR, merge_earlier
from casefile.core.record.timeline import numbers
from casefile.core.review.facts import case_facts, clock_rows
from casefile.core.textsafe import without_unseen

log = logging.getLogger(__name__)


class UTCDateTime(TypeDecorator[datetime]):
    """Times stored as UTC (SQLite keeps no offset) and read back timezone-aware."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    pass


class Meta(Base):
    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(String)


class CaseRow(Base):
    __tablename__ = "cases"
    number: Mapped[str] = mapped_column(String, primary_key=True)
    # month * 10^6 + serial: 202611-1000 sorts after 202611-999.
    sort_key: Mapped[int] = mapped_column(Integer, index=True)
    damaged: Mapped[str] = mapped_column(Text, default="")  # why the case is quarantined, or ""
    title: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String, index=True)
    channel: Mapped[str] = mapped_column(String)
    priority: Mapped[str] = mapped_column(String, index=True)
    stage: Mapped[str] = mapped_column(String, index=True)
    complained_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    response_due_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    complainant: Mapped[str] = mapped_column(Text)
    complainant_phone: Mapped[str] = mapped_column(String)
    respondent: Mapped[str] = mapped_column(Text)
    order_no: Mapped[str] = mapped_column(String, index=True)
    waybill_no: Mapped[str] = mapped_column(String, index=True)
    proceeding_refs: Mapped[str] = mapped_column(Text, default="")
    earlier_contacts: Mapped[str] = mapped_column(Text, default="")  # 曾用: casefile.core.record.contacts
    exhibit_count: Mapped[int] = mapped_column(Integer)
    revision: Mapped[int] = mapped_column(Integer)
    search_text: Mapped[str] = mapped_column(Text)
    # Whether the record names our side (Case.our_side): when it does not, the case is read as the organisation's
    # the settings name (Case.side), and its rows are worked out again when they name another.
    side_recorded: Mapped[bool] = mapped_column(Boolean, default=False)


class ExhibitRow(Base):
    __tablename__ = "exhibits"
    case_number: Mapped[str] = mapped_column(ForeignKey("cases.number", ondelete="CASCADE"), primary_key=True)
    number: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String)
    original_name: Mapped[str] = mapped_column(Text)
    stored_path: Mapped[str] = mapped_column(Text)
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String, index=True)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime)
    withdrawn: Mapped[bool] = mapped_column(Boolean)


class ReviewCaseColumns:
    """The periodic review's facts about a case (casefile.core.review.facts.case_facts), as columns:
    the solo index's ``review_cases`` and the team catalogue's (casefile.core.catalogue.models) both
    take them from here, so the two never differ and the review's queries serve both."""

    received_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    type: Mapped[str] = mapped_column(String)
    channel: Mapped[str] = mapped_column(String)
    priority: Mapped[str] = mapped_column(String)
    responsibility: Mapped[str] = mapped_column(String)
    respondent: Mapped[str] = mapped_column(Text)
    complainant: Mapped[str] = mapped_column(Text)
    operator: Mapped[str] = mapped_column(Text)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    closing_result: Mapped[str] = mapped_column(String)
    satisfaction: Mapped[int | None] = mapped_column(Integer)
    days_to_close: Mapped[float | None] = mapped_column(Float)
    working_days_to_close: Mapped[int | None] = mapped_column(Integer)
    reached_negotiation: Mapped[bool] = mapped_column(Boolean)
    reached_mediation: Mapped[bool] = mapped_column(Boolean)
    reached_agency: Mapped[bool] = mapped_column(Boolean)
    reached_litigation: Mapped[bool] = mapped_column(Boolean)
    reached_execution: Mapped[bool] = mapped_column(Boolean)
    mediation_decided: Mapped[bool] = mapped_column(Boolean)
    mediation_agreed: Mapped[bool] = mapped_column(Boolean)
    outcome_kind: Mapped[str] = mapped_column(String)
    outcome_fen: Mapped[int] = mapped_column(Integer)  # money in fen: exact integers on every database
    paid_fen: Mapped[int] = mapped_column(Integer)
    recovered_fen: Mapped[int] = mapped_column(Integer)
    courier_claims: Mapped[int] = mapped_column(Integer)
    courier_recovered_fen: Mapped[int] = mapped_column(Integer)
    evidence_expected: Mapped[int] = mapped_column(Integer)
    evidence_present: Mapped[int] = mapped_column(Integer)


class ReviewClockColumns:
    """A clock a case's record starts (casefile.core.review.facts.clock_rows), as columns: shared by the
    solo index's ``review_clocks`` and the team catalogue's, as :class:`ReviewCaseColumns`."""

    key: Mapped[str] = mapped_column(String)
    kind: Mapped[str] = mapped_column(String)  # promise, duty or limit
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    met_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    stopped_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # the case closed, or its proceeding ended
    # For the agenda (casefile due, the case list's next deadline): as the clock was counted.
    ref: Mapped[str] = mapped_column(Text, default="")  # a proceeding's number, a complaint's 工单号
    last_day: Mapped[str] = mapped_column(String, default="")  # ISO date; "" for a clock in hours
    rolled_from: Mapped[str] = mapped_column(String, default="")  # ISO date the last day moved from, or ""
    provisional: Mapped[bool] = mapped_column(Boolean, default=False)  # counted across an unknown year
    paused: Mapped[bool] = mapped_column(Boolean, default=False)  # stopped now (goods being tested)
    # Our user's deadline: the end of its safe day (the unmoved last day), which the agenda lists and sorts it by;
    # None for the other side's (and in rows written before it was kept: then the due time is taken).
    act_by_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # ``ref`` as a message the app says in its language (casefile.core.errors.message_to_data, as JSON), for a
    # reference written as one (the limitation period's note); "" for a plain reference.
    note: Mapped[str] = mapped_column(Text, default="", server_default="")


class ReviewCaseRow(ReviewCaseColumns, Base):
    """The periodic review's facts about a case (casefile.core.review.facts)."""

    __tablename__ = "review_cases"
    case_number: Mapped[str] = mapped_column(ForeignKey("cases.number", ondelete="CASCADE"), primary_key=True)


class ReviewClockRow(ReviewClockColumns, Base):
    """A clock a case's record starts: when it is due and when what it waits for happened."""

    __tablename__ = "review_clocks"
    case_number: Mapped[str] = mapped_column(ForeignKey("cases.number", ondelete="CASCADE"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)


def _delete_rows(session: Session, numbers: list[str] | None) -> None:
    """Delete the rows of the cases ``numbers`` (None: of every case), dependent rows first."""
    for table in (ReviewClockRow, ReviewCaseRow, ExhibitRow):
        if numbers is None:
            session.execute(delete(table))
        else:
            session.execute(delete(table).where(table.case_number.in_(numbers)))


def review_rows(cases: list[Case]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The review's rows of ``cases``: their facts and their clocks, as of now (the solo index and the
    team catalogue write these same rows)."""
    now = datetime.now(UTC)
    return [case_facts(c) for c in cases], [row for c in cases for row in clock_rows(c, now)]


def _insert_review(session: Session, cases: list[Case]) -> None:
    """The review's rows of ``cases``: a change to a case rewrites that case's rows only."""
    facts, clocks = review_rows(cases)
    if facts:
        session.execute(insert(ReviewCaseRow), facts)
    if clocks:
        session.execute(insert(ReviewClockRow), clocks)


def _write_error(exc: Exception, path: Path | None) -> IndexWriteError:
    orig = getattr(exc, "orig", None) or exc
    return IndexWriteError("writing the library index {path} failed: {reason}", path=path or "(memory)", reason=orig)


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _make_private_database(path: Path) -> None:
    """The index lists names and phone numbers: 0600, and SQLite gives its -wal and -shm the same mode."""
    try:
        if path.exists():
            for suffix in ("", "-wal", "-shm"):
                if Path(f"{path}{suffix}").exists():
                    make_private(Path(f"{path}{suffix}"))
        else:
            os.close(open_private(path, os.O_RDWR | os.O_CREAT))  # an empty file is an empty database
    except OSError as exc:
        raise storage_error(exc, Message("opening the library index {path}", path=path)) from exc


class Index:
    """The index in ``path``, or in memory when ``path`` is None (a read-only library)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.engine: Engine = self._connect()
        self.needs_rebuild = False
        # Built for another organisation than the one the cases are read as kept by now (the settings changed): the
        # rows of the cases that record no side of their own are to be worked out again (Library.read_sides_again).
        self.organisation_changed = False
        try:
            self._prepare()
        except DatabaseError as exc:
            log.warning("index %s is damaged (%s); rebuilding it", path, exc)
            self.engine.dispose()
            self._discard_files()
            self.engine = self._connect()
            self._prepare()

    def _connect(self) -> Engine:
        if self.path is None:
            engine = create_engine("sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool)
        else:
            _make_private_database(self.path)
            engine = create_engine(f"sqlite:///{self.path}", connect_args={"timeout": 30})
            event.listen(engine, "connect", _on_connect)
        return engine

    def _discard_files(self) -> None:
        if self.path is None:
            return
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)

    def _prepare(self) -> None:
        try:
            with Session(self.engine) as session:
                Base.metadata.create_all(self.engine)
                row = session.get(Meta, "schema_version")
                if row is None:
                    session.add(Meta(key="schema_version", value=str(SCHEMA_VERSION)))
                    session.add(Meta(key="organisation", value=organisation_key()))
                    session.add(Meta(key="contents", value=str(CONTENTS_VERSION)))
                    session.commit()
                    self.needs_rebuild = True
                    return
                version = int(row.value)
                noted = session.get(Meta, "organisation")
                built_for = None if noted is None else noted.value
                contents = session.get(Meta, "contents")
        except OperationalError as exc:
            raise StorageError("cannot open the library index {path}: {orig}", path=self.path, orig=exc.orig) from exc
        if version > SCHEMA_VERSION:
            raise LibraryVersionError(
                "the library index was written by a newer CaseFile (schema {version}); please upgrade", version=version
            )
        if version < SCHEMA_VERSION:
            # The index is derived data: rebuild rather than migrate.
            self.engine.dispose()
            self._discard_files()
            self.engine = self._connect()
            self._prepare()
            self.needs_rebuild = True
            return
        self.organisation_changed = built_for != organisation_key()
        if contents is None or contents.value != str(CONTENTS_VERSION):
            # Rows worked out by other rules (listing.CONTENTS_VERSION): filled again, and noted so, by a rebuild.
            self.needs_rebuild = True

    def note_organisation(self) -> bool:
        """Note that the rows are worked out for the organisation the cases are read as kept by now
        (casefile.core.model.organisation): once every case that records no side of its own has been read again
        as its (or the whole index rebuilt). True when the index was noted for another one."""
        key = organisation_key()
        try:
            with Session(self.engine) as session:
                row = session.get(Meta, "organisation")
                noted = row is not None and row.value == key
                if not noted:
                    session.merge(Meta(key="organisation", value=key))
                    session.commit()
        except OperationalError as exc:
            raise StorageError("cannot open the library index {path}: {orig}", path=self.path, orig=exc.orig) from exc
        self.organisation_changed = False
        return not noted

    def close(self) -> None:
        self.engine.dispose()

    # ------------------------------------------------------------------ writes

    def upsert(self, case: Case, *, exhibits: Iterable[int] | None = None) -> None:
        """Write a case's row and its exhibits' rows; with ``exhibits``, only those exhibits' rows
        (the others are as the index has them), so that a change costs what it touches."""
        if exhibits is None:
            self.replace([case], remove_others=False)
            return
        numbers = sorted(set(exhibits))
        try:
            with Session(self.engine) as session, session.begin():
                row = _case_row(case, counted=False, earlier=self._earlier(session, [case]).get(case.number, ""))
                del row["damaged"]  # kept as it is: quarantine notes it
                found = session.execute(update(CaseRow).where(CaseRow.number == case.number).values(**row))
                listed = bool(getattr(found, "rowcount", 0))
                if listed:
                    session.execute(delete(ReviewClockRow).where(ReviewClockRow.case_number == case.number))
                    session.execute(delete(ReviewCaseRow).where(ReviewCaseRow.case_number == case.number))
                    _insert_review(session, [case])
                if listed and numbers:
                    session.execute(
                        delete(ExhibitRow).where(ExhibitRow.case_number == case.number, ExhibitRow.number.in_(numbers))
                    )
                    wanted = set(numbers)
                    rows = [_exhibit_row(case, e) for e in _with_numbers(case, wanted)]
                    if rows:
                        session.execute(insert(ExhibitRow), rows)
                if listed:  # the exhibits in use, counted from their rows: the others are not read
                    in_use = (
                        select(func.count())
                        .select_from(ExhibitRow)
                        .where(ExhibitRow.case_number == case.number, ExhibitRow.withdrawn.is_(False))
                        .scalar_subquery()
                    )
                    session.execute(update(CaseRow).where(CaseRow.number == case.number).values(exhibit_count=in_use))
        except (OperationalError, DatabaseError) as exc:
            raise _write_error(exc, self.path) from exc
        if not listed:  # not in the index yet (it was rebuilt without it): all its rows
            self.replace([case], remove_others=False)

    def replace(
        self,
        cases: Iterable[Case],
        *,
        remove_others: bool,
        damaged: dict[str, str] | None = None,
        earlier: dict[str, str] | None = None,
    ) -> None:
        """Write the rows of ``cases`` (and, with ``remove_others``, only theirs); IndexWriteError on failure.
        ``earlier``: the parties' earlier contacts of each case, as its custody log has them (else those the index
        held, and the values its row had that the case no longer has)."""
        cases = list(cases)
        numbers = [c.number for c in cases]
        damaged = damaged or {}
        try:
            with Session(self.engine) as session, session.begin():
                kept = {} if remove_others else self._damaged(session, numbers)
                kept.update(damaged)
                earlier = {**({} if remove_others else self._earlier(session, cases)), **(earlier or {})}
                if remove_others:
                    _delete_rows(session, None)
                    session.execute(delete(CaseRow))
                    # Every row is worked out again here: by the rules of this version (listing.CONTENTS_VERSION).
                    session.merge(Meta(key="contents", value=str(CONTENTS_VERSION)))
                else:
                    for chunk in _chunks(numbers, 500):
                        _delete_rows(session, chunk)
                        session.execute(delete(CaseRow).where(CaseRow.number.in_(chunk)))
                if cases:
                    rows = [_case_row(c, kept.get(c.number, ""), earlier=earlier.get(c.number, "")) for c in cases]
                    session.execute(insert(CaseRow), rows)
                    exhibit_rows = [_exhibit_row(c, e) for c in cases for e in c.exhibits]
                    if exhibit_rows:
                        session.execute(insert(ExhibitRow), exhibit_rows)
                    _insert_review(session, cases)
        except (OperationalError, DatabaseError) as exc:
            raise _write_error(exc, self.path) from exc

    @staticmethod
    def _earlier(session: Session, cases: list[Case]) -> dict[str, str]:
        """The earlier contacts of ``cases`` once written: those their rows hold, and the names and phone numbers
        their rows had that the cases no longer have (a correction)."""
        by_number = {c.number: c for c in cases}
        found: dict[str, str] = {}
        columns = (CaseRow.number, CaseRow.complainant, CaseRow.complainant_phone, CaseRow.respondent)
        for chunk in _chunks(list(by_number), 500):
            stmt = select(*columns, CaseRow.earlier_contacts).where(CaseRow.number.in_(chunk))
            for number, name, phone, respondent, known in session.execute(stmt):
                case = by_number[number]
                now = [case.complainant.name, case.complainant.phone, case.respondent.name]
                if case.agent is not None:
                    now += [case.agent.name, case.agent.phone]
                found[number] = merge_earlier(known or "", [name, phone, respondent], now)
        return found

    @staticmethod
    def _damaged(session: Session, numbers: list[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for chunk in _chunks(numbers, 500):
            stmt = select(CaseRow.number, CaseRow.damaged).where(CaseRow.number.in_(chunk), CaseRow.damaged != "")
            found.update({n: d for n, d in session.execute(stmt)})
        return found

    def set_damaged(self, number: str, reason: str) -> None:
        try:
            with Session(self.engine) as session, session.begin():
                session.execute(update(CaseRow).where(CaseRow.number == number).values(damaged=reason))
        except (OperationalError, DatabaseError) as exc:
            raise _write_error(exc, self.path) from exc

    def set_revision(self, number: str, revision: int) -> bool:
        """Set a case's revision, the one column an entry that only bears witness changes; False when
        the index has no row for the case."""
        try:
            with Session(self.engine) as session, session.begin():
                found = session.execute(update(CaseRow).where(CaseRow.number == number).values(revision=revision))
        except (OperationalError, DatabaseError) as exc:
            raise _write_error(exc, self.path) from exc
        return bool(getattr(found, "rowcount", 0))

    def sides_not_recorded(self) -> list[str]:
        """The cases whose record names no side of their own, in case order: those whose rows follow the
        organisation the cases are read as kept by."""
        stmt = select(CaseRow.number).where(CaseRow.side_recorded.is_(False)).order_by(CaseRow.sort_key, CaseRow.number)
        try:
            with Session(self.engine) as session:
                return list(session.scalars(stmt))
        except (OperationalError, DatabaseError) as exc:
            raise _write_error(exc, self.path) from exc

    def numbers(self) -> set[str]:
        try:
            with Session(self.engine) as session:
                return set(session.scalars(select(CaseRow.number)))
        except (OperationalError, DatabaseError) as exc:
            raise _write_error(exc, self.path) from exc

    def remove(self, numbers: Iterable[str]) -> None:
        try:
            with Session(self.engine) as session, session.begin():
                for chunk in _chunks(sorted(numbers), 500):
                    _delete_rows(session, chunk)
                    session.execute(delete(CaseRow).where(CaseRow.number.in_(chunk)))
        except (OperationalError, DatabaseError) as exc:
            raise _write_error(exc, self.path) from exc

    def earlier_contacts(self, numbers: Iterable[str]) -> dict[str, str]:
        """The parties' earlier names and phone numbers (曾用) the index holds for each of ``numbers``, one a line
        (cases without any left out)."""
        found: dict[str, str] = {}
        with Session(self.engine) as session:
            for chunk in _chunks(sorted(set(numbers)), 500):
                stmt = select(CaseRow.number, CaseRow.earlier_contacts).where(CaseRow.number.in_(chunk))
                found.update({number: earlier for number, earlier in session.execute(stmt) if earlier})
        return found

    def summaries(self, search: str = "") -> list[CaseSummary]:
        # Plain rows, not ORM objects: a 10,000-case list loads several times faster.
        columns = [getattr(CaseRow, f.name) for f in dataclasses.fields(CaseSummary)]
        stmt = select(*columns).order_by(CaseRow.sort_key, CaseRow.number)
        if search:
            stmt = stmt.where(CaseRow.search_text.contains(without_unseen(search).lower(), autoescape=True))
        with Session(self.engine) as session:
            return [CaseSummary(*row) for row in session.execute(stmt)]

    def case_row(self, number: str, now: datetime) -> tuple[CaseSummary | None, AgendaRow | None]:
        """Case ``number``'s row of the case list (None: not indexed) and its running clock that runs out
        first: the rows ``summaries`` and ``next_deadlines`` hold for that one case."""
        columns = [getattr(CaseRow, f.name) for f in dataclasses.fields(CaseSummary)]
        clock = (
            select(*_agenda_columns(ReviewClockRow, CaseRow.title, CaseRow.damaged))
            .join(CaseRow, CaseRow.number == ReviewClockRow.case_number)
            .where(ReviewClockRow.case_number == number, *_running(ReviewClockRow, now))
            .order_by(remind_at(ReviewClockRow), ReviewClockRow.seq)
            .limit(1)
        )
        with Session(self.engine) as session:
            row = session.execute(select(*columns).where(CaseRow.number == number)).first()
            if row is None:
                return None, None
            found = session.execute(clock).first()
        return CaseSummary(*row), None if found is None else AgendaRow(*found)

    def agenda(self, *, until: datetime, now: datetime) -> list[AgendaRow]:
        """The clocks still running on open cases that run out by ``until`` (overdue duties included;
        a limit that has run out is over, not overdue, but for the limitation period, listed as run), soonest
        first. A damaged case's clocks are
        listed too, as the index last knew them, marked with why it is damaged: a deadline never
        drops out of sight because its case is quarantined."""
        stmt = agenda_query(
            ReviewClockRow, CaseRow.title, CaseRow.number == ReviewClockRow.case_number, until, now, CaseRow.damaged
        )
        with Session(self.engine) as session:
            return [AgendaRow(*row) for row in session.execute(stmt)]

    def next_deadlines(self, now: datetime) -> dict[str, AgendaRow]:
        """Each case's running clock that runs out first (cases with none are left out)."""
        stmt = next_deadlines_query(
            ReviewClockRow, CaseRow.title, CaseRow.number == ReviewClockRow.case_number, now, CaseRow.damaged
        )
        with Session(self.engine) as session:
            return {row[0]: AgendaRow(*row) for row in session.execute(stmt)}


# The agenda's queries over a table of clock rows (ReviewClockColumns, with case_number and seq) joined
# to its cases' table (for the title): the solo index's and the team catalogue's.


def agenda_query(clocks: Any, title: Any, on: Any, until: datetime, now: datetime, damaged: Any = None) -> Select[Any]:
    """The running clocks that run out by ``until``, soonest first, as AgendaRow's columns (``damaged``:
    the cases' column saying why one is quarantined, where there is one)."""
    return (
        select(*_agenda_columns(clocks, title, damaged))
        .join(title.table, on)
        .where(*_running(clocks, now, ran_out=True), remind_at(clocks) <= until)
        .order_by(remind_at(clocks), clocks.case_number, clocks.seq)
    )


def next_deadlines_query(clocks: Any, title: Any, on: Any, now: datetime, damaged: Any = None) -> Select[Any]:
    """Each case's running clock that runs out first, as AgendaRow's columns (``damaged`` as for agenda_query)."""
    first = (
        select(
            clocks.case_number,
            func.row_number()
            .over(partition_by=clocks.case_number, order_by=(remind_at(clocks), clocks.seq))
            .label("n"),
            clocks.seq,
        )
        .where(*_running(clocks, now))
        .subquery()
    )
    return (
        select(*_agenda_columns(clocks, title, damaged))
        .join(title.table, on)
        .join(first, (first.c.case_number == clocks.case_number) & (first.c.seq == clocks.seq))
        .where(first.c.n == 1)
    )


def _agenda_columns(clocks: Any, title: Any, damaged: Any = None) -> tuple[Any, ...]:
    """An agenda row's columns, in AgendaRow's order (its ``damaged`` when given, else "")."""
    return (
        clocks.case_number,
        title,
        clocks.key,
        clocks.kind,
        clocks.ref,
        clocks.started_at,
        clocks.due_at,
        clocks.last_day,
        clocks.rolled_from,
        clocks.provisional,
        clocks.paused,
        literal("") if damaged is None else damaged,
        clocks.act_by_at,
        clocks.note,
    )


def remind_at(clocks: Any) -> Any:
    """When a clock is to be acted on, as the agenda lists and sorts it: the end of our user's safe day, or the
    due time (clocks.Deadline.remind_at)."""
    return func.coalesce(clocks.act_by_at, clocks.due_at)


def _running(clocks: Any, now: datetime, *, ran_out: bool = False) -> tuple[Any, ...]:
    """A clock still running: not met, the case not closed, and a limit not yet run out (with ``ran_out``, the
    limitation period of an open case is kept when it has run: it shows as run, never drops out of sight)."""
    limit = (clocks.kind != "limit") | (clocks.due_at > now)
    return (
        clocks.met_at.is_(None),
        clocks.stopped_at.is_(None),
        (limit | (clocks.key == LIMITATION)) if ran_out else limit,
    )


def _with_numbers(case: Case, numbers: set[int]) -> list[Exhibit]:
    found = []
    for number in numbers:
        if case.has_exhibit(number):
            found.append(case.exhibit(number))
    return found


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _case_row(case: Case, damaged: str = "", *, counted: bool = True, earlier: str = "") -> dict[str, object]:
    """The case's row; without ``counted``, without its count of exhibits in use (which reads every exhibit);
    ``earlier``: the parties' earlier names and phone numbers (曾用), one a line, searched too."""
    respondent = case.respondent.name
    # The numbers a 消协, 12315 or a court quotes when it calls (工单号, 受理号, 案号), on a proceeding or an event.
    refs = " ".join(numbers(case))
    search = " ".join(
        [
            case.number,
            case.title,
            case.complainant.name,
            case.complainant.phone,
            respondent,
            case.transaction.order_no,
            case.shipment.waybill_no,
            case.shipment.carrier,
            case.transaction.product,
            refs,
            *(["曾用", *earlier.split(SEPARATOR)] if earlier else []),
        ]
    )
    search = without_unseen(search).lower()  # 张\u200b三, kept by an older record, is found by 张三
    row: dict[str, object] = {
        "number": case.number,
        "sort_key": sort_key(case.number),
        "damaged": damaged,
        "title": case.title,
        "type": case.type.value,
        "channel": case.channel.value,
        "priority": case.priority.value,
        "stage": case.stage.value,
        "complained_at": case.complained_at,
        "response_due_at": case.response_due_at,
        "complainant": case.complainant.name,
        "complainant_phone": case.complainant.phone,
        "respondent": respondent,
        "order_no": case.transaction.order_no,
        "waybill_no": case.shipment.waybill_no,
        "proceeding_refs": refs,
        "earlier_contacts": earlier,
        "revision": case.revision,
        "search_text": search,
        "side_recorded": case.our_side is not None,
    }
    if counted:
        row["exhibit_count"] = sum(1 for e in case.exhibits if not e.withdrawn)
    return row


def _exhibit_row(case: Case, exhibit: Exhibit) -> dict[str, object]:
    return {
        "case_number": case.number,
        "number": exhibit.number,
        "title": exhibit.title,
        "kind": exhibit.kind.value,
        "original_name": exhibit.original_name,
        "stored_path": exhibit.stored_path,
        "size": exhibit.size,
        "sha256": exhibit.sha256,
        "added_at": exhibit.added_at,
        "withdrawn": exhibit.withdrawn,
    }
