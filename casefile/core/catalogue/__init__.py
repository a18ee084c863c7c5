"""The team catalogue: a library's cases, custody logs, people and audit in one database.

PostgreSQL serves a team (many clients at once); the same models and migrations run on SQLite.
What keeps many clients honest:

- **Case numbers** (YYYYMM-NNN) come from a counter row per month, moved in the transaction that
  inserts the case (on PostgreSQL by the catalogue's function ``casefile_next_serial``, migration
  0006: staff do not write the counter themselves): the row stays locked until that transaction
  ends, so two clients never get the same number, and a registration that fails gives its number
  back (no gaps). A counter behind the numbers in use is moved past the highest of them.
- **Records carry a version** (SQLAlchemy's ``version_id_col``): a change is written only if the
  record still has the version its writer read; otherwise :class:`ConflictError` names who saved
  the newer one and when, and nothing is overwritten.
- **Custody appends are serialised per case**: on PostgreSQL by ``pg_advisory_xact_lock(case id)``
  taken before the log's head is read (held to the end of the transaction); on SQLite every write
  transaction begins with ``BEGIN IMMEDIATE``, the database's own write lock. The entries are
  CaseFile's own (casefile.core.custody), so the chain checks as a case folder's does.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import ColumnElement, Table, create_engine, delete, event, func, insert, select, text, true, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.exc import StaleDataError

from casefile.core.catalogue import tables
from casefile.core.catalogue.models import (
    AuditRow,
    Base,
    CaseAccess,
    CaseDamage,
    CaseNumberCounter,
    CaseRecord,
    CustodyEntryRow,
    Organisation,
    Team,
    TeamMember,
    User,
)
from casefile.core.custody import GENESIS, ChainReport, check_lines, entry_line, make_entry
from casefile.core.errors import (
    AccessDeniedError,
    ConflictError,
    InvalidValueError,
    NotFoundError,
    message_from_data,
    message_to_data,
)
from casefile.core.listing import AgendaRow
from casefile.core.model import Case, StageChange, case_from_data, case_to_data
from casefile.core.numbering import case_month
from casefile.core.record import CREATE, apply_entry, creation_details
from casefile.core.review.queries import GroupBy, Period, Review, review
from casefile.core.search.query import SearchResult
from casefile.core.validate import check_input

__all__ = [
    "ROLES",
    "Base",
    "Catalogue",
    "OpenCase",
    "Person",
    "connect",
    "migrate",
]

log = logging.getLogger(__name__)

_CASES = cast(Table, CaseRecord.__table__)
MIGRATIONS = Path(__file__).parent / "migrations"
ROLES = ("read", "write", "manage")  # each includes the ones before it
STAFF_ROLE = "casefile_staff"  # PostgreSQL: every user's login is in it (migration 0002)
ADMIN_ROLE = "casefile_admin"  # and administrators' in this one too
WITNESS_ACTIONS = frozenset({"verify", "export"})  # what "read" access may add to a custody log
DAMAGE_CLEARED = "damage-cleared"  # the audit's action when a verification removes a damage note (0006)


def verified_whole(entries: list[dict[str, Any]]) -> bool:
    """Whether the last of ``entries`` is a verification that found the case whole."""
    if not entries:
        return False
    last = entries[-1]
    details = last.get("details")
    return last.get("action") == "verify" and isinstance(details, dict) and details.get("result") == "ok"


def cast_jsonb(value: Any) -> Any:
    """``value`` as a JSONB parameter of a database function."""
    from sqlalchemy import bindparam

    return bindparam(None, value, type_=postgresql.JSONB)


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


@dataclass(frozen=True)
class DamageNote:
    """A case a member's CaseFile found damaged, as the catalogue notes it (migration 0005)."""

    number: str
    reason: str  # why: a Message where the core made it (to translate)
    found_by: str  # the operator whose CaseFile found it
    found_at: datetime  # when it was (last) found, UTC


def _utc_text(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


class Catalogue:
    """The cases of a team library in a database; each method is one transaction."""

    def __init__(self, engine: Engine, login: str | None = None) -> None:
        """``login``: on SQLite, who is signed in (default: the OS account); PostgreSQL knows from the connection."""
        self.engine = engine
        self.dialect = engine.dialect.name
        self._login = login
        self._session_login: str | None = None
        self._owner: bool | None = None

    @classmethod
    def open(cls, url: str, login: str | None = None) -> Catalogue:
        return cls(connect(url), login)

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
        """Give ``case`` the next number of its month and store it with its first custody entry.

        The case belongs to the signed-in user's organisation, and they get "manage" on it in the
        same transaction.
        """
        check_input(case)
        case.created_at = datetime.now(UTC)
        case.created_by = operator
        if not case.stage_log:
            case.stage_log = [StageChange(stage=case.stage, at=case.created_at, operator=operator, note="")]
        month = case_month(case.complained_at)
        login = self.signed_in_login()
        for attempt in range(2):
            try:
                return self._register(case, operator, month, login)
            except IntegrityError as exc:
                # A number taken meanwhile (a case moved in with its own number): the next attempt's
                # serial is past it. Twice, it is said plainly; any other refusal is not this.
                if not _number_taken(exc):
                    raise
                log.warning("registering a case of %s: %s", month, str(exc.orig).splitlines()[0])
                if attempt:
                    raise ConflictError(
                        "the case could not be registered: the team library's case numbers of {month} are not "
                        "in order ({reason}); nothing was saved, try again or ask an administrator",
                        month=month,
                        reason=str(exc.orig).splitlines()[0],
                    ) from None
        raise AssertionError("unreachable")

    def _register(self, case: Case, operator: str, month: str, login: str) -> OpenCase:
        with self._transaction() as session:
            person = self._me(session)
            serial = self.next_serial(session, month)
            case.number = f"{month}-{serial:03d}"
            entry = make_entry(1, GENESIS, CREATE, operator, creation_details(case), case.created_at)
            case = apply_entry(None, entry)
            row = CaseRecord(
                number=case.number,
                month=month,
                serial=serial,
                organisation_id=person.organisation_id if person else None,
                created_at=case.created_at,
                created_by=operator,
                created_login=login,
            )
            if self.dialect == "postgresql":
                # The id taken first, so the INSERT needs no RETURNING: row-level security would let
                # the creator read the row back only once their access is in.
                row.id = int(
                    session.execute(select(func.nextval(func.pg_get_serial_sequence("cases", "id")))).scalar_one()
                )
            self._fill(row, case, operator)
            session.add(row)
            session.flush()
            if person is not None:
                _add_grant(session, row.id, "manage", person.user_id, None, None)
            session.add(self._entry_row(row.id, entry))
            tables.write_case_tables(session, row.id, case)
        return OpenCase(case, row.version)

    def next_serial(self, session: Session, month: str) -> int:
        """Take the month's next serial: the counter row stays locked until the transaction ends.

        A counter behind the serials in use (set back by hand) is moved past the highest of them, and
        that is logged (on PostgreSQL the database's function does it, and notes it in the audit: staff
        may not write the counter themselves).
        """
        if self.dialect == "postgresql":
            serial, counted = session.execute(
                text("SELECT serial, counted FROM casefile_next_serial(:month)"), {"month": month}
            ).one()
        else:
            session.execute(sqlite.insert(CaseNumberCounter).values(month=month, last=0).on_conflict_do_nothing())
            counted = session.scalar(select(CaseNumberCounter.last).where(CaseNumberCounter.month == month))
            highest = session.scalar(select(func.max(CaseRecord.serial)).where(CaseRecord.month == month)) or 0
            serial = max(int(counted or 0), int(highest)) + 1
            session.execute(update(CaseNumberCounter).where(CaseNumberCounter.month == month).values(last=serial))
        if int(serial) != int(counted or 0) + 1:
            log.warning(
                "the case numbers of %s were behind the cases registered (counter at %s): the new case is "
                "numbered after the highest one, %s-%03d",
                month,
                counted,
                month,
                int(serial) - 1,
            )
        return int(serial)

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
            row = self._require(session, number, "read")
            return OpenCase(case_from_data(row.record), row.version)

    def numbers(self) -> list[str]:
        """The cases the signed-in user may read (see :meth:`readable_numbers`)."""
        return self.readable_numbers()

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
                case_id = self._require(session, number, "write").id
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
        needed = "read" if all(action in WITNESS_ACTIONS for action, _ in changes) else "write"
        with self._transaction() as session:
            case_id = self._require(session, number, needed).id
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
            if needed == "write":  # witness entries change nothing the derived rows hold (nor may readers)
                tables.write_case_tables(session, case_id, case)
            if verified_whole(entries) and self.may_clear_damage(session, case_id):
                self.clear_damage(session, case_id)  # a reader's clean verification leaves the note
        return entries

    def set_damaged(self, number: str, reason: str, operator: str = "") -> bool:
        """Note that case ``number`` was found damaged (``reason``: why, a Message where the core made
        it, ``operator``: who found it); False when the catalogue said so already.

        What a single-user library's index notes of a quarantined case, for every member: their agenda
        and case list mark it damaged. Reading the case is enough (a reader's verification finds damage
        too); the case's row and its version are not touched, so nobody's edit is refused for it. On
        PostgreSQL the database's function notes it (the finder is the signed-in user, the time the
        server's): nobody writes the table directly. The note goes only with a verification that finds
        the case whole, by a member who may change the case (:meth:`clear_damage`).
        """
        said = str(reason)
        if not said:
            raise InvalidValueError("a damage note says why the case is damaged")
        with self._transaction() as session:
            case_id = self._require(session, number, "read").id
            if self.dialect == "postgresql":
                return bool(
                    session.scalar(
                        select(func.casefile_note_damage(case_id, said, cast_jsonb(message_to_data(reason)), operator))
                    )
                )
            noted = session.scalar(select(CaseDamage.reason).where(CaseDamage.case_id == case_id))
            if noted == said:
                return False
            found = {"reason": said, "message": message_to_data(reason), "found_by": operator}
            statement = sqlite.insert(CaseDamage).values(case_id=case_id, found_at=datetime.now(UTC), **found)
            session.execute(  # two members finding it at once: the last one's words
                statement.on_conflict_do_update(
                    index_elements=["case_id"], set_={**found, "found_at": statement.excluded.found_at}
                )
            )
            return True

    def may_clear_damage(self, session: Session, case_id: int) -> bool:
        """Whether the signed-in user's clean verification clears a damage note of the case: they may
        change it ("write", an administrator of it, the owner). A reader's verification notes damage and
        is recorded, but leaves the note (migration 0009)."""
        row = session.get(CaseRecord, case_id)
        return row is not None and self._held(session, row, self._me(session)) >= ROLES.index("write") + 1

    def clear_damage(self, session: Session, case_id: int) -> bool:
        """In the transaction that appended a verification finding the case whole (its custody head, with
        the result "ok"), remove the note that a member found the case damaged; False when there was none.

        Only a member who may change the case clears a note (:meth:`may_clear_damage`); anyone else is
        refused. The removal is noted in the audit with what the note said. On PostgreSQL the database's
        function checks both: the signed-in user's access, and that the head is such a verification,
        appended in this transaction by them.
        """
        if self.dialect == "postgresql":
            return bool(session.scalar(select(func.casefile_clear_damage(case_id))))
        if not self.may_clear_damage(session, case_id):
            raise AccessDeniedError(
                "the damage noted on case {number} is cleared only by a member who may change it",
                number=session.scalar(select(CaseRecord.number).where(CaseRecord.id == case_id)),
            )
        note = session.get(CaseDamage, case_id)
        if note is None:
            return False
        line = session.scalar(
            select(CustodyEntryRow.line).where(CustodyEntryRow.case_id == case_id).order_by(CustodyEntryRow.seq.desc())
        )
        head = json.loads(line) if line else {}
        if not verified_whole([head]):
            raise AccessDeniedError(
                "the damage noted on case {number} is cleared only with a verification that finds the case whole",
                number=session.scalar(select(CaseRecord.number).where(CaseRecord.id == case_id)),
            )
        details = {
            "reason": note.reason,
            "found_by": note.found_by,
            "found_at": note.found_at.isoformat(),
            "verified_by": head.get("operator"),
            "entry": head.get("seq"),
            "hash": head.get("hash"),
        }
        session.delete(note)
        session.execute(
            insert(AuditRow).values(
                at=datetime.now(UTC),
                user=self.signed_in_login(),
                action=DAMAGE_CLEARED,
                case_number=session.scalar(select(CaseRecord.number).where(CaseRecord.id == case_id)),
                details=details,
            )
        )
        return True

    def damaged(self) -> list[DamageNote]:
        """The cases the signed-in user may read that a member found damaged (and that do not verify
        again since), in case order: why, who found it and since when."""
        readable = set(self.readable_numbers())  # row-level security on PostgreSQL says the same
        with Session(self.engine) as session:
            rows = session.execute(
                select(CaseRecord.number, CaseDamage.reason, CaseDamage.message)
                .add_columns(CaseDamage.found_by, CaseDamage.found_at)
                .join(CaseDamage, CaseDamage.case_id == CaseRecord.id)
                .order_by(CaseRecord.month, CaseRecord.serial)
            ).all()
        return [
            DamageNote(number, message_from_data(message if message is not None else reason), found_by, found_at)
            for number, reason, message, found_by, found_at in rows
            if number in readable
        ]

    def custody_lines(self, number: str) -> list[str]:
        """The case's custody log as the lines of a CUSTODY.jsonl (without line breaks), in order."""
        with Session(self.engine) as session:
            case_id = self._require(session, number, "read").id
            return list(
                session.scalars(
                    select(CustodyEntryRow.line).where(CustodyEntryRow.case_id == case_id).order_by(CustodyEntryRow.seq)
                )
            )

    def check_chain(self, number: str) -> ChainReport:
        """Every link of the case's chain re-checked by the custody log's own check (as a case folder's)."""
        return check_lines([line.encode("utf-8") for line in self.custody_lines(number)])[1]

    # -- people and access ---------------------------------------------------------------------
    #
    # Who is signed in: on PostgreSQL the database login of the connection (``session_user``: each
    # user signs in with their own password, and row-level security shows them only the cases they
    # may see); on SQLite, one machine, the login given to the catalogue (the OS account), checked
    # against the users table here. The catalogue's owner (PostgreSQL: the role owning the tables,
    # or a superuser; SQLite: anyone while no user has been added) needs no users row.

    def signed_in_login(self) -> str:
        """The login of whoever this catalogue acts for."""
        if self._session_login is None:
            if self.dialect == "postgresql":
                with self.engine.connect() as connection:
                    self._session_login = str(connection.scalar(select(func.session_user())))
            else:
                self._session_login = self._login or _os_account()
        return self._session_login

    def is_owner(self, session: Session | None = None) -> bool:
        """The catalogue's owner: every right, with or without a users row (``session``: the transaction to ask in)."""
        if session is None:
            with Session(self.engine) as session:
                return self.is_owner(session)
        if self.dialect == "postgresql":
            if self._owner is None:
                self._owner = bool(session.scalar(select(func.casefile_is_owner())))
            return self._owner
        return session.scalar(select(func.count()).select_from(User)) == 0

    def whoami(self) -> Person:
        """The signed-in user (their display name is the operator in the custody log); refused if not an active user."""
        login = self.signed_in_login()
        with Session(self.engine) as session:
            person = self._person(session, login)
        if person is None:
            raise _not_a_user(login)
        return person

    @staticmethod
    def _person(session: Session, login: str) -> Person | None:
        row = session.scalars(select(User).where(User.login == login, User.active.is_(True))).one_or_none()
        if row is None:
            return None
        teams = tuple(
            session.scalars(select(TeamMember.team_id).where(TeamMember.user_id == row.id).order_by(TeamMember.team_id))
        )
        return Person(row.id, row.login, row.display_name, row.organisation_id, teams, bool(row.admin))

    def _me(self, session: Session) -> Person | None:
        """The signed-in user, None for the owner without a users row; refused for anyone else."""
        login = self.signed_in_login()
        person = self._person(session, login)
        if person is None and not self.is_owner(session):
            raise _not_a_user(login)
        return person

    def _held(self, session: Session, case: CaseRecord, person: Person | None) -> int:
        """The signed-in user's access to ``case`` as a rank: 0 none, 1 read, 2 write, 3 manage."""
        if person is None:
            return len(ROLES)  # the owner
        if person.admin and (person.organisation_id is None or case.organisation_id in (None, person.organisation_id)):
            return len(ROLES)
        roles = set(session.scalars(select(CaseAccess.role).where(CaseAccess.case_id == case.id, _grantee(person))))
        return max((ROLES.index(r) + 1 for r in roles if r in ROLES), default=0)

    def _require(self, session: Session, number: str, role: str) -> CaseRecord:
        """The case row, when the signed-in user has ``role`` (or more) on it; AccessDeniedError otherwise."""
        person = self._me(session)
        row = self._row(session, number)
        if self._held(session, row, person) < ROLES.index(role) + 1:
            assert person is not None
            raise AccessDeniedError(
                "{name} ({login}) has no {role} access to case {number}",
                name=person.display_name,
                login=person.login,
                role=role,
                number=number,
            )
        return row

    def require(self, number: str, role: str) -> None:
        """Refuse (:class:`AccessDeniedError`) unless the signed-in user has ``role`` (or more) on the case."""
        _check_role(role)
        with Session(self.engine) as session:
            self._require(session, number, role)

    def sees_every_case(self) -> bool:
        """Whether the signed-in user may read every case of the library (the owner, or an administrator
        of no one organisation): what a decision about all cases, such as lifting a hold, needs."""
        with Session(self.engine) as session:
            person = self._me(session)
        return person is None or (person.admin and person.organisation_id is None)

    def readable_numbers(self) -> list[str]:
        """The numbers of the cases the signed-in user may read, in order."""
        with Session(self.engine) as session:
            person = self._me(session)
            query = select(CaseRecord.number).order_by(CaseRecord.month, CaseRecord.serial)
            if person is not None:
                visible: ColumnElement[bool] = CaseRecord.id.in_(select(CaseAccess.case_id).where(_grantee(person)))
                if person.admin:
                    visible = (
                        true()
                        if person.organisation_id is None
                        else visible
                        | CaseRecord.organisation_id.is_(None)
                        | (CaseRecord.organisation_id == person.organisation_id)
                    )
                query = query.where(visible)
            return list(session.scalars(query))

    def add_first_administrator(self, display_name: str) -> bool:
        """In a catalogue without users, make the signed-in login its first administrator; False if it has users."""
        with self._transaction() as session:
            if session.scalar(select(func.count()).select_from(User)):
                return False
            session.add(
                User(
                    login=self.signed_in_login(),
                    display_name=display_name,
                    active=True,
                    admin=True,
                    created_at=datetime.now(UTC),
                )
            )
        return True

    def require_admin(self, session: Session) -> None:
        """Refuse, in the caller's transaction, unless the signed-in user administers the whole library
        (the owner, or an administrator of no one organisation): for team-wide settings."""
        self._require_admin(session, None)

    def _require_admin(self, session: Session, organisation_id: int | None) -> None:
        """Refuse unless the signed-in user administers the people of ``organisation_id`` (None: of none, and
        organisations themselves): the owner, an administrator of no organisation, or of that one."""
        person = self._me(session)
        if person is None:
            return
        if not person.admin:
            raise AccessDeniedError(
                "{name} ({login}) is not an administrator of this team library",
                name=person.display_name,
                login=person.login,
            )
        if person.organisation_id is not None and organisation_id != person.organisation_id:
            raise AccessDeniedError(
                "{name} ({login}) administers the people of their own organisation only",
                name=person.display_name,
                login=person.login,
            )

    def add_organisation(self, name: str) -> int:
        with self._transaction() as session:
            self._require_admin(session, None)
            row = Organisation(name=name)
            session.add(row)
            session.flush()
            return row.id

    def add_team(self, organisation_id: int, name: str) -> int:
        with self._transaction() as session:
            self._require_admin(session, organisation_id)
            row = Team(organisation_id=organisation_id, name=name)
            session.add(row)
            session.flush()
            return row.id

    def organisation_id(self, name: str) -> int:
        with Session(self.engine) as session:
            found = session.scalar(select(Organisation.id).where(Organisation.name == name))
        if found is None:
            raise NotFoundError("there is no organisation {name} in the team library", name=name)
        return int(found)

    def team_id(self, organisation: str, name: str) -> int:
        with Session(self.engine) as session:
            found = session.scalar(
                select(Team.id).join(Organisation).where(Organisation.name == organisation, Team.name == name)
            )
        if found is None:
            raise NotFoundError("there is no team {name} in {organisation}", name=name, organisation=organisation)
        return int(found)

    def user_id(self, login: str) -> int:
        with Session(self.engine) as session:
            found = session.scalar(select(User.id).where(User.login == login))
        if found is None:
            raise NotFoundError("there is no user {login} in the team library", login=login)
        return int(found)

    def add_user(
        self,
        login: str,
        display_name: str,
        *,
        organisation_id: int | None = None,
        teams: tuple[int, ...] = (),
        admin: bool = False,
        password: str | None = None,
    ) -> int:
        """Add a user; on PostgreSQL also their database login (made with ``password`` when it does not exist yet).

        The password reaches the server only as a SCRAM-SHA-256 verifier, never as text.
        """
        check_login(login)
        with self._transaction() as session:
            self._require_admin(session, organisation_id)
            for team_organisation in session.scalars(select(Team.organisation_id).where(Team.id.in_(teams))):
                self._require_admin(session, team_organisation)
            if self.dialect == "postgresql":
                _create_login(session, login, password, admin=admin, owner=self.is_owner(session))
            row = User(
                login=login,
                display_name=display_name,
                organisation_id=organisation_id,
                active=True,
                admin=admin,
                created_at=datetime.now(UTC),
            )
            session.add(row)
            session.flush()
            session.add_all(TeamMember(team_id=team, user_id=row.id) for team in teams)
            return row.id

    def users(self) -> list[tuple[Person, bool]]:
        """Every user (disabled ones too: the custody log names them), with whether they are active."""
        with Session(self.engine) as session:
            rows = list(session.scalars(select(User).order_by(User.login)))
            members: dict[int, list[int]] = {}
            for team, user in session.execute(select(TeamMember.team_id, TeamMember.user_id)):
                members.setdefault(user, []).append(team)
            return [
                (
                    Person(
                        r.id, r.login, r.display_name, r.organisation_id, tuple(sorted(members.get(r.id, []))), r.admin
                    ),
                    r.active,
                )
                for r in rows
            ]

    def disable_user(self, login: str) -> None:
        """Take the user's sign-in away; their row stays (the custody log and the audit name them)."""
        with self._transaction() as session:
            row = session.scalars(select(User).where(User.login == login)).one_or_none()
            if row is None:
                raise NotFoundError("there is no user {login} in the team library", login=login)
            self._require_admin(session, row.organisation_id)
            if self.dialect == "postgresql":  # the owner's function: administrators have no CREATEROLE
                session.execute(select(func.casefile_disable_login(login)))
            else:
                row.active = False

    def grant(
        self,
        number: str,
        role: str,
        *,
        user_id: int | None = None,
        team_id: int | None = None,
        organisation_id: int | None = None,
    ) -> None:
        """Give a user, a team or an organisation (exactly one) ``role`` on the case (replacing what it had)."""
        _check_role(role)
        if sum(g is not None for g in (user_id, team_id, organisation_id)) != 1:
            raise InvalidValueError("access is given to one user, one team or one organisation")
        with self._transaction() as session:
            case_id = self._require(session, number, "manage").id
            self._revoke(session, case_id, user_id, team_id, organisation_id)
            _add_grant(session, case_id, role, user_id, team_id, organisation_id)

    def revoke(
        self, number: str, *, user_id: int | None = None, team_id: int | None = None, organisation_id: int | None = None
    ) -> None:
        """Take away the access given to this user, team or organisation on the case."""
        with self._transaction() as session:
            case_id = self._require(session, number, "manage").id
            self._revoke(session, case_id, user_id, team_id, organisation_id)

    @staticmethod
    def _revoke(
        session: Session, case_id: int, user_id: int | None, team_id: int | None, organisation_id: int | None
    ) -> None:
        grantee = [
            column == value if value is not None else column.is_(None)
            for column, value in (
                (CaseAccess.user_id, user_id),
                (CaseAccess.team_id, team_id),
                (CaseAccess.organisation_id, organisation_id),
            )
        ]
        session.execute(delete(CaseAccess).where(CaseAccess.case_id == case_id, *grantee))

    def role(self, user_id: int, number: str) -> str | None:
        """The highest role the user has on the case, given to them, one of their teams or their organisation."""
        with Session(self.engine) as session:
            case_id = self.case_id_of(session, number)
            row = session.get(User, user_id)
            if row is None:
                return None
            teams = tuple(session.scalars(select(TeamMember.team_id).where(TeamMember.user_id == user_id)))
            person = Person(row.id, row.login, row.display_name, row.organisation_id, teams, False)
            roles = set(session.scalars(select(CaseAccess.role).where(CaseAccess.case_id == case_id, _grantee(person))))
        held = [r for r in ROLES if r in roles]
        return held[-1] if held else None

    # -- the audit -----------------------------------------------------------------------------

    def audit(self, action: str, number: str | None, details: dict[str, Any] | None = None) -> None:
        """Log that the signed-in user read or exported (``action``) something of case ``number``.

        The user is not a parameter: it is the signed-in login (on PostgreSQL the database sets it
        from ``session_user``, whatever a client sends, and the time from its own clock).
        """
        login = self.signed_in_login()
        with self._transaction() as session:
            session.execute(
                insert(AuditRow).values(
                    at=datetime.now(UTC), user=login, action=action, case_number=number, details=details or {}
                )
            )

    def audit_log(self, number: str | None = None) -> list[AuditRow]:
        """The audit, oldest first (of one case when ``number`` is given), as far as the signed-in user may see it:
        their own rows, the rows of cases they manage, all of it for an administrator."""
        with Session(self.engine, expire_on_commit=False) as session:
            person = self._me(session)
            query = select(AuditRow).order_by(AuditRow.at, AuditRow.id)
            if number is not None:
                query = query.where(AuditRow.case_number == number)
            rows = list(session.scalars(query))
            if person is None or person.admin:
                return rows
            managed = {
                row.number: self._held(session, row, person) >= len(ROLES)
                for row in session.scalars(
                    select(CaseRecord).where(CaseRecord.number.in_({r.case_number for r in rows if r.case_number}))
                )
            }
            return [r for r in rows if r.user == person.login or managed.get(r.case_number or "", False)]

    # -- clocks, the review and search (casefile.core.catalogue.tables) ------------------------

    def index_exhibit_texts(
        self, number: str, exhibit: int, sha256: str, kind: str, pages: list[tuple[int | None, str]]
    ) -> int:
        """Make the texts of ``kind`` a client read from an exhibit's file (a PDF's pages, OCR, a chat
        export: (page or None, text) each) searchable in place of those indexed before; return how
        many are kept. Refused when ``sha256`` is not the exhibit's file."""
        with self._transaction() as session:
            case_id = self._require(session, number, "write").id  # texts derived from a case are its writers'
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


@dataclass(frozen=True)
class Person:
    """A user of a team library, as signed in."""

    user_id: int
    login: str
    display_name: str  # the operator in the custody log
    organisation_id: int | None
    teams: tuple[int, ...]
    admin: bool


def _grantee(person: Person) -> ColumnElement[bool]:
    """Grants that reach ``person``: to them, one of their teams, or their organisation."""
    reach = CaseAccess.user_id == person.user_id
    if person.teams:
        reach = reach | CaseAccess.team_id.in_(person.teams)
    if person.organisation_id is not None:
        reach = reach | (CaseAccess.organisation_id == person.organisation_id)
    return reach


def _add_grant(
    session: Session, case_id: int, role: str, user_id: int | None, team_id: int | None, organisation_id: int | None
) -> None:
    """A grant, written without RETURNING (SQLAlchemy adds it for the id): under row-level security a
    creator claiming their new case may not read the grant back until it is in."""
    session.execute(
        text(
            "INSERT INTO case_access (case_id, user_id, team_id, organisation_id, role) "
            "VALUES (:case_id, :user_id, :team_id, :organisation_id, :role)"
        ),
        {"case_id": case_id, "user_id": user_id, "team_id": team_id, "organisation_id": organisation_id, "role": role},
    )


def _number_taken(exc: IntegrityError) -> bool:
    """Whether the database refused a case because its number (month and serial) is another case's."""
    constraint = getattr(getattr(exc.orig, "diag", None), "constraint_name", None)
    if constraint is not None:
        return constraint in ("cases_month_serial_key", "cases_number_key")
    reason = str(exc.orig)
    return "UNIQUE constraint failed: cases.month, cases.serial" in reason or "cases.number" in reason


def _not_a_user(login: str) -> AccessDeniedError:
    return AccessDeniedError(
        "{login} is not a user of this team library, or has been disabled; an administrator adds users "
        "with 'casefile team user add'",
        login=login,
    )


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise InvalidValueError("{role} is not a role (read, write or manage)", role=role)


_LOGIN = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.@-]{0,62}")


def check_login(login: str) -> None:
    """A login is a database role's name: letters, digits and ``_ . @ -``, at most 63 characters."""
    if not _LOGIN.fullmatch(login):
        raise InvalidValueError(
            "{login} cannot be a login: use letters, digits and _ . @ - (at most 63 characters)", login=login
        )


def _os_account() -> str:
    import getpass

    return getpass.getuser()


def scram_verifier(password: str, iterations: int = 4096) -> str:
    """The SCRAM-SHA-256 verifier PostgreSQL keeps for ``password`` (RFC 5802/7677), so the text never leaves here."""
    import base64
    import hashlib
    import hmac
    import os
    import unicodedata

    def b64(data: bytes) -> str:
        return base64.b64encode(data).decode("ascii")

    salt = os.urandom(16)
    salted = hashlib.pbkdf2_hmac("sha256", unicodedata.normalize("NFKC", password).encode("utf-8"), salt, iterations)
    client_key = hmac.new(salted, b"Client Key", "sha256").digest()
    server_key = hmac.new(salted, b"Server Key", "sha256").digest()
    stored_key = hashlib.sha256(client_key).digest()
    return f"SCRAM-SHA-256${iterations}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


def _create_login(session: Session, login: str, password: str | None, *, admin: bool, owner: bool) -> None:
    """The user's database login in ``casefile_staff`` (and ``casefile_admin``), made by the owner's function
    (migration 0002) for an administrator: new logins only, unless the owner adopts an existing one."""
    exists = session.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :login"), {"login": login})
    if exists and not owner:
        raise InvalidValueError(
            "the login {login} exists already on the database server; only the catalogue's owner can make it a user",
            login=login,
        )
    if not exists and not password:
        raise InvalidValueError("a new user's database login {login} needs a password", login=login)
    verifier = scram_verifier(password) if password else None
    session.execute(select(func.casefile_create_login(login, verifier, admin)))
