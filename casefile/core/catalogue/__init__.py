"""The team catalogue: a library's cases, custody logs, people and audit in one database.

PostgreSQL serves a team (many clients at once); the same models and migrations run on SQLite.
What keeps many clients honest:

- **Case numbers** (YYYYMM-NNN) come from a counter row per month, incremented by
  ``INSERT … ON CONFLICT (month) DO UPDATE … RETURNING`` in the transaction that inserts the case:
  the row stays locked until that transaction ends, so two clients never get the same number, and
  a registration that fails gives its number back (no gaps).
- **Records carry a version** (SQLAlchemy's ``version_id_col``): a change is written only if the
  record still has the version its writer read; otherwise :class:`ConflictError` names who saved
  the newer one and when, and nothing is overwritten.
- **Custody appends are serialised per case**: on PostgreSQL by ``pg_advisory_xact_lock(case id)``
  taken before the log's head is read (held to the end of the transaction); on SQLite every write
  transaction begins with ``BEGIN IMMEDIATE``, the database's own write lock. The entries are
  CaseFile's own (casefile.core.custody), so the chain checks as a case folder's does.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, create_engine, event, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.exc import StaleDataError

from casefile.core.catalogue import tables
from casefile.core.catalogue.models import (
    AuditRow,
    Base,
    CaseAccess,
    CaseNumberCounter,
    CaseRecord,
    CustodyEntryRow,
    Organisation,
    Team,
    TeamMember,
    User,
)
from casefile.core.custody import GENESIS, ChainReport, check_lines, entry_line, make_entry
from casefile.core.errors import ConflictError, InvalidValueError, NotFoundError
from casefile.core.listing import AgendaRow
from casefile.core.model import Case, StageChange, case_from_data, case_to_data
from casefile.core.record import CREATE, apply_entry, creation_details
from casefile.core.review.queries import GroupBy, Period, Review, review
from casefile.core.search.query import SearchResult
from casefile.core.validate import check_input

__all__ = [
    "ROLES",
    "Base",
    "Catalogue",
    "OpenCase",
    "connect",
    "migrate",
]

_CASES = cast(Table, CaseRecord.__table__)
MIGRATIONS = Path(__file__).parent / "migrations"
ROLES = ("read", "write", "manage")  # each includes the ones before it


def connect(url: str) -> Engine:
    """An engine on the catalogue at ``url`` (``postgresql+psycopg://…`` or ``sqlite:///…``)."""
    if make_url(url).get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url, connect_args={"timeout": 60})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # transactions begin below, not in the driver
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")  # the write lock first: no deadlock when upgrading later

    return engine


def migrate(url: str | Engine) -> None:
    """Bring the catalogue's tables up to the newest schema (creating them in an empty database)."""
    from alembic import command
    from alembic.config import Config

    engine = connect(url) if isinstance(url, str) else url
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    finally:
        if isinstance(url, str):
            engine.dispose()


@dataclass
class OpenCase:
    """A case as read from the catalogue: its record, and the version a change to it must be based on."""

    case: Case
    version: int

    @property
    def number(self) -> str:
        return self.case.number


def _utc_text(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


class Catalogue:
    """The cases of a team library in a database; each method is one transaction."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name

    @classmethod
    def open(cls, url: str) -> Catalogue:
        return cls(connect(url))

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Catalogue:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    # -- cases ---------------------------------------------------------------------------------

    def register(self, case: Case, operator: str) -> OpenCase:
        """Give ``case`` the next number of its month and store it with its first custody entry."""
        check_input(case)
        case.created_at = datetime.now(UTC)
        case.created_by = operator
        if not case.stage_log:
            case.stage_log = [StageChange(stage=case.stage, at=case.created_at, operator=operator, note="")]
        month = case.complained_at.strftime("%Y%m")
        with self._transaction() as session:
            serial = self.next_serial(session, month)
            case.number = f"{month}-{serial:03d}"
            entry = make_entry(1, GENESIS, CREATE, operator, creation_details(case), case.created_at)
            case = apply_entry(None, entry)
            row = CaseRecord(
                number=case.number,
                month=month,
                serial=serial,
                created_at=case.created_at,
                created_by=operator,
            )
            self._fill(row, case, operator)
            session.add(row)
            session.flush()
            session.add(self._entry_row(row.id, entry))
            tables.write_case_tables(session, row.id, case)
        return OpenCase(case, row.version)

    def next_serial(self, session: Session, month: str) -> int:
        """Take the month's next serial: the counter row stays locked until the transaction ends."""
        insert = postgresql.insert if self.dialect == "postgresql" else sqlite.insert
        statement = (
            insert(CaseNumberCounter)
            .values(month=month, last=1)
            .on_conflict_do_update(index_elements=["month"], set_={"last": CaseNumberCounter.last + 1})
            .returning(CaseNumberCounter.last)
        )
        return int(session.execute(statement).scalar_one())

    @staticmethod
    def _fill(row: CaseRecord, case: Case, operator: str) -> None:
        data = case_to_data(case)
        row.record = data
        row.title = case.title
        row.stage = str(data["stage"])
        row.updated_at = datetime.now(UTC)
        row.updated_by = operator

    def load(self, number: str) -> OpenCase:
        with Session(self.engine) as session:
            row = self._row(session, number)
            return OpenCase(case_from_data(row.record), row.version)

    def numbers(self) -> list[str]:
        with Session(self.engine) as session:
            return list(session.scalars(select(CaseRecord.number).order_by(CaseRecord.month, CaseRecord.serial)))

    @staticmethod
    def _row(session: Session, number: str) -> CaseRecord:
        row = session.scalars(select(CaseRecord).where(CaseRecord.number == number)).one_or_none()
        if row is None:
            raise NotFoundError("there is no case {number} in the team library", number=number)
        return row

    def case_id_of(self, session: Session, number: str) -> int:
        """The database id of case ``number`` (what the custody rows and the case lock are keyed by)."""
        case_id = session.scalar(select(CaseRecord.id).where(CaseRecord.number == number))
        if case_id is None:
            raise NotFoundError("there is no case {number} in the team library", number=number)
        return int(case_id)

    def update(self, opened: OpenCase, changes: list[tuple[str, dict[str, Any]]], operator: str) -> OpenCase:
        """Record ``changes`` (action, details) to the case as it was when ``opened`` was read.

        Raises :class:`ConflictError` when someone saved the case since: nothing is written.
        """
        number = opened.number
        try:
            with self._transaction() as session:
                case_id = self.case_id_of(session, number)
                self.lock_case(session, case_id)
                row = self._row(session, number)
                # The version the writer read, not the one just loaded: the UPDATE is made
                # "… WHERE version = <that version>", and matching no row raises StaleDataError.
                set_committed_value(row, "version", opened.version)
                case = case_from_data(row.record)
                for entry in self.append_entries(session, case_id, changes, operator):
                    case = apply_entry(case, entry)
                self._fill(row, case, operator)
                session.flush()
                tables.write_case_tables(session, case_id, case)
        except StaleDataError:
            with Session(self.engine) as session:
                latest = self._row(session, number)
                raise ConflictError(
                    "case {number} was changed by {by} at {at} after you opened it, so your change was not "
                    "saved; reload the case and apply your change again",
                    number=number,
                    by=latest.updated_by,
                    at=_utc_text(latest.updated_at),
                ) from None
        return OpenCase(case, row.version)

    # -- the custody log -----------------------------------------------------------------------

    def lock_case(self, session: Session, case_id: int) -> None:
        """Hold the case's custody log until the transaction ends (SQLite: BEGIN IMMEDIATE holds it already)."""
        if self.dialect == "postgresql":
            session.execute(select(func.pg_advisory_xact_lock(case_id)))

    @staticmethod
    def head(session: Session, case_id: int) -> tuple[int, str]:
        """(seq, hash) of the case's last custody entry."""
        last = session.execute(
            select(CustodyEntryRow.seq, CustodyEntryRow.hash)
            .where(CustodyEntryRow.case_id == case_id)
            .order_by(CustodyEntryRow.seq.desc())
            .limit(1)
        ).one_or_none()
        return (0, GENESIS) if last is None else (int(last.seq), str(last.hash))

    def append_entries(
        self,
        session: Session,
        case_id: int,
        changes: list[tuple[str, dict[str, Any]]],
        operator: str,
        *,
        head: tuple[int, str] | None = None,
    ) -> list[dict[str, Any]]:
        """Chain ``changes`` after the log's head (read now unless given) and add them; the caller holds the lock."""
        seq, prev = head if head is not None else self.head(session, case_id)
        entries = []
        at = datetime.now(UTC)
        for action, details in changes:
            seq += 1
            entry = make_entry(seq, prev, action, operator, details, at)
            prev = entry["hash"]
            entries.append(entry)
            session.add(self._entry_row(case_id, entry))
        session.flush()
        return entries

    @staticmethod
    def _entry_row(case_id: int, entry: dict[str, Any]) -> CustodyEntryRow:
        return CustodyEntryRow(
            case_id=case_id,
            seq=entry["seq"],
            line=entry_line(entry),
            hash=entry["hash"],
            prev=entry["prev"],
            action=entry["action"],
            operator=entry["operator"],
            at=datetime.fromisoformat(entry["at"]),
        )

    def append(self, number: str, changes: list[tuple[str, dict[str, Any]]], operator: str) -> list[dict[str, Any]]:
        """Append entries that bear witness or add to the case (verify, export, ingest) to its custody log.

        They are applied to the record as it is now, under the case's lock, without a version check
        and without changing the version (an edit of what a user saw goes through :meth:`update`).
        """
        with self._transaction() as session:
            case_id = self.case_id_of(session, number)
            self.lock_case(session, case_id)
            record = session.scalar(select(CaseRecord.record).where(CaseRecord.id == case_id))
            case = case_from_data(record)
            entries = self.append_entries(session, case_id, changes, operator)
            for entry in entries:
                case = apply_entry(case, entry)
            data = case_to_data(case)
            session.execute(  # the table, not the mapper: no version check, no new version
                update(_CASES)
                .where(_CASES.c.id == case_id)
                .values(record=data, title=case.title, stage=str(data["stage"]))
            )
            tables.write_case_tables(session, case_id, case)
        return entries

    def custody_lines(self, number: str) -> list[str]:
        """The case's custody log as the lines of a CUSTODY.jsonl (without line breaks), in order."""
        with Session(self.engine) as session:
            case_id = self.case_id_of(session, number)
            return list(
                session.scalars(
                    select(CustodyEntryRow.line).where(CustodyEntryRow.case_id == case_id).order_by(CustodyEntryRow.seq)
                )
            )

    def check_chain(self, number: str) -> ChainReport:
        """Every link of the case's chain re-checked by the custody log's own check (as a case folder's)."""
        return check_lines([line.encode("utf-8") for line in self.custody_lines(number)])[1]

    # -- people and access ---------------------------------------------------------------------

    def add_organisation(self, name: str) -> int:
        with self._transaction() as session:
            row = Organisation(name=name)
            session.add(row)
            session.flush()
            return row.id

    def add_team(self, organisation_id: int, name: str) -> int:
        with self._transaction() as session:
            row = Team(organisation_id=organisation_id, name=name)
            session.add(row)
            session.flush()
            return row.id

    def add_user(
        self, login: str, display_name: str, *, organisation_id: int | None = None, teams: tuple[int, ...] = ()
    ) -> int:
        with self._transaction() as session:
            row = User(
                login=login,
                display_name=display_name,
                organisation_id=organisation_id,
                active=True,
                created_at=datetime.now(UTC),
            )
            session.add(row)
            session.flush()
            session.add_all(TeamMember(team_id=team, user_id=row.id) for team in teams)
            return row.id

    def grant(self, number: str, role: str, *, user_id: int | None = None, team_id: int | None = None) -> None:
        """Give a user or a team (exactly one) ``role`` on the case."""
        if role not in ROLES:
            raise InvalidValueError("{role} is not a role (read, write or manage)", role=role)
        if (user_id is None) == (team_id is None):
            raise InvalidValueError("access is given to one user or one team")
        with self._transaction() as session:
            case_id = self.case_id_of(session, number)
            session.add(CaseAccess(case_id=case_id, user_id=user_id, team_id=team_id, role=role))

    def role(self, user_id: int, number: str) -> str | None:
        """The highest role the user has on the case, given to them or to one of their teams; None: no access."""
        with Session(self.engine) as session:
            case_id = self.case_id_of(session, number)
            teams = select(TeamMember.team_id).where(TeamMember.user_id == user_id)
            roles = set(
                session.scalars(
                    select(CaseAccess.role).where(
                        CaseAccess.case_id == case_id,
                        (CaseAccess.user_id == user_id) | CaseAccess.team_id.in_(teams),
                    )
                )
            )
        held = [r for r in ROLES if r in roles]
        return held[-1] if held else None

    # -- the audit -----------------------------------------------------------------------------

    def audit(self, user: str, action: str, number: str | None, details: dict[str, Any] | None = None) -> None:
        """Log that ``user`` read or exported (``action``) something of case ``number``."""
        with self._transaction() as session:
            session.add(
                AuditRow(at=datetime.now(UTC), user=user, action=action, case_number=number, details=details or {})
            )

    def audit_log(self, number: str | None = None) -> list[AuditRow]:
        """The audit, oldest first (of one case when ``number`` is given)."""
        with Session(self.engine, expire_on_commit=False) as session:
            query = select(AuditRow).order_by(AuditRow.at, AuditRow.id)
            if number is not None:
                query = query.where(AuditRow.case_number == number)
            return list(session.scalars(query))

    # -- clocks, the review and search (casefile.core.catalogue.tables) ------------------------

    def index_exhibit_texts(
        self, number: str, exhibit: int, sha256: str, kind: str, pages: list[tuple[int | None, str]]
    ) -> int:
        """Make the texts of ``kind`` a client read from an exhibit's file (a PDF's pages, OCR, a chat
        export: (page or None, text) each) searchable in place of those indexed before; return how
        many are kept. Refused when ``sha256`` is not the exhibit's file."""
        with self._transaction() as session:
            case_id = self.case_id_of(session, number)
            self.lock_case(session, case_id)  # not interleaved with a write withdrawing the exhibit
            record = session.scalar(select(CaseRecord.record).where(CaseRecord.id == case_id))
            case = case_from_data(record)
            return tables.index_exhibit_texts(session, case_id, case, exhibit, sha256, kind, pages)

    def search(
        self,
        query: str,
        *,
        case: str | None = None,
        kind: str | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int = 50,
        offset: int = 0,
        numbers: Iterable[str] | None = None,
    ) -> SearchResult:
        """The hits of ``query`` in the cases' fields and their exhibits' texts, as the solo search's
        (see :func:`casefile.core.catalogue.tables.search`); ``numbers``: only those cases."""
        with Session(self.engine) as session:
            return tables.search(
                session,
                query,
                case=case,
                kind=kind,
                since=since,
                until=until,
                limit=limit,
                offset=offset,
                numbers=numbers,
            )

    def agenda(self, *, until: datetime, now: datetime, numbers: Iterable[str] | None = None) -> list[AgendaRow]:
        """The clocks still running that run out by ``until``, soonest first (``casefile due``), as the
        solo index's agenda; ``numbers``: only those cases."""
        with Session(self.engine) as session:
            return tables.agenda(session, until=until, now=now, numbers=numbers)

    def next_deadlines(self, now: datetime) -> dict[str, AgendaRow]:
        """Each case's running clock that runs out first (the case list's next deadline)."""
        with Session(self.engine) as session:
            return tables.next_deadlines(session, now)

    def review(self, period: Period, by: GroupBy | None = None, *, as_of: datetime | None = None) -> Review:
        """The periodic review of ``period``: the solo review's queries over the catalogue's rows."""
        return review(self.engine, period, by, as_of=as_of, tables=tables.REVIEW_TABLES)
