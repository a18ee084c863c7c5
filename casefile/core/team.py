"""Moving a library in and out of team mode: a PostgreSQL catalogue and a write-once evidence store.

A team library is two addresses (:class:`TeamLibrary`): the catalogue's database URL and the
evidence store's (``folder:/path``, ``share:/path`` or ``s3://bucket?endpoint=http://host:port``;
the S3 keys come from the environment or the private team file, and are never shown).

- :func:`team_init` creates or upgrades the catalogue's tables and creates or checks the store
  (an S3 bucket must have Object Lock).
- :func:`team_push` moves a solo library's cases in. Each case is verified by CaseFile's own
  verification first (a case that does not verify stays out, with its reason; the others go on);
  every file the case's record and log account for — exhibits, timestamp files and generated
  bundles, since a case folder verifies only with all three — is put into the store, which hashes
  it as it reads and refuses bytes that are not the SHA-256 the log recorded. The case keeps its
  number (the month's counter is raised past it) and its custody log line by line, so the chain
  is the same one, followed by an ``import`` entry saying who moved it in, when and from where.
  Pushing again skips a case already in (the same head) and refuses one whose log went another way.
- :func:`team_export` brings the case into the team library's working copy (casefile.core.workcopy)
  and writes it with the solo export (casefile.core.archive), so the archive imports into any solo
  library and checks with ``sha256sum -c``; the export is logged in the case's custody log and in
  the catalogue's audit.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from casefile.core.custody import LOG_NAME, check_lines
from casefile.core.errors import (
    AccessDeniedError,
    CaseFileError,
    InvalidValueError,
    Message,
    NotFoundError,
    StorageError,
)
from casefile.core.fsutil import make_private_dir, open_private
from casefile.core.settings import team_file

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from casefile.core.archive import ExportResult
    from casefile.core.catalogue import Catalogue, DamageNote
    from casefile.core.model import Case
    from casefile.core.store import EvidenceStore
    from casefile.core.store.retention import Applied, RetentionPolicy

ENV_S3_ACCESS = "CASEFILE_S3_ACCESS_KEY"
ENV_S3_SECRET = "CASEFILE_S3_SECRET_KEY"
ENV_DB_PASSWORD = "CASEFILE_DB_PASSWORD"  # the signed-in user's database password (else libpq's ~/.pgpass)


@dataclass
class TeamLibrary:
    """Where a team library lives: its catalogue (database URL) and its evidence store (store URL)."""

    db_url: str
    store_url: str
    s3_access_key: str = field(default="", repr=False)
    s3_secret_key: str = field(default="", repr=False)
    # Whether the ordinary commands work on this team library (its working copy) rather than a solo folder.
    active: bool = True
    # The working copy's folder (casefile.core.workcopy); empty: one in the user's data folder per team library.
    workcopy: str = ""
    # Who signs in: on PostgreSQL their database login (the URL's user unless given), on SQLite
    # the OS account unless given. The password is never kept: it comes from the prompt,
    # $CASEFILE_DB_PASSWORD or libpq's own ~/.pgpass.
    login: str = ""
    password: str = field(default="", repr=False, compare=False)

    @property
    def db_shown(self) -> str:
        """The catalogue's URL as the signed-in login reaches it, without a password."""
        if self.login and self.is_postgresql:
            from sqlalchemy.engine import make_url

            try:
                return shown_db_url(make_url(self.db_url).set(username=self.login).render_as_string(False))
            except Exception:  # noqa: BLE001 - a URL that does not parse is shown as shown_db_url shows it
                pass
        return shown_db_url(self.db_url)

    @property
    def is_postgresql(self) -> bool:
        return self.db_url.startswith("postgresql")

    @property
    def signs_in_as(self) -> str:
        """The login this team library signs in with."""
        from sqlalchemy.engine import make_url

        if self.login:
            return self.login
        if self.is_postgresql:
            return make_url(self.db_url).username or ""
        import getpass

        return getpass.getuser()

    def sign_in_url(self) -> str:
        """The catalogue's URL with the login and, when known, the password (never shown, never kept)."""
        from sqlalchemy.engine import make_url

        if not self.is_postgresql:
            return self.db_url
        url = make_url(self.db_url)
        if self.login:
            url = url.set(username=self.login)
        password = self.password or os.environ.get(ENV_DB_PASSWORD, "")
        if password:
            url = url.set(password=password)
        return url.render_as_string(hide_password=False)

    def open_catalogue(self) -> Catalogue:
        from casefile.core.catalogue import Catalogue

        return Catalogue.open(self.sign_in_url(), None if self.is_postgresql else self.signs_in_as)

    def open_store(self, *, timeout: float | None = None) -> EvidenceStore:
        return open_store(self.store_url, self.s3_access_key, self.s3_secret_key, timeout=timeout)


def shown_db_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - a URL that does not parse is shown by its scheme only
        return url.split(":", 1)[0] + ":…"


def save_team(team: TeamLibrary, path: Path | None = None) -> Path:
    """Keep the team library's addresses, the login (and S3 keys, if given) in a file only its owner can read.

    Never the database password: a password in the URL is left out.
    """
    from sqlalchemy.engine import make_url

    path = path or team_file()
    make_private_dir(path.parent, parents=True)
    db = team.db_url
    if team.is_postgresql:
        db = make_url(db).set(password=None).render_as_string(hide_password=False)
    data: dict[str, Any] = {"db": db, "store": team.store_url, "login": team.signs_in_as, "active": team.active}
    if team.workcopy:
        data["workcopy"] = team.workcopy
    if team.s3_access_key:
        data |= {"s3_access_key": team.s3_access_key, "s3_secret_key": team.s3_secret_key}
    fd = open_private(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=2)
    return path


def load_team(path: Path | None = None) -> TeamLibrary:
    path = path or team_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise NotFoundError(
            "no team library is set up here ({path}); run casefile team init first", path=path
        ) from None
    except (OSError, ValueError) as exc:
        raise CaseFileError("the team library file {path} cannot be read ({exc})", path=path, exc=exc) from exc
    return TeamLibrary(
        str(data["db"]),
        str(data["store"]),
        str(data.get("s3_access_key", "")),
        str(data.get("s3_secret_key", "")),
        login=str(data.get("login", "")),
        active=data.get("active") is True,
        workcopy=str(data.get("workcopy", "")),
    )


def open_store(url: str, access_key: str = "", secret_key: str = "", *, timeout: float | None = None) -> EvidenceStore:
    """The evidence store at ``url``: ``folder:/path``, ``share:/path`` or ``s3://bucket?endpoint=…``
    (``timeout``: seconds an S3 server is given to answer, asked once)."""
    from casefile.core.store import FolderStore, S3Store, ShareStore

    scheme, _, rest = url.partition(":")
    if scheme == "folder" and rest:
        return FolderStore(Path(rest).expanduser())
    if scheme == "share" and rest:
        return ShareStore(Path(rest))
    if scheme == "s3":
        parts = urlsplit(url)
        endpoint = parse_qs(parts.query).get("endpoint", [""])[0]
        if not parts.netloc or not endpoint:
            raise InvalidValueError("{url}: an S3 store is given as s3://BUCKET?endpoint=http://HOST:PORT", url=url)
        access = os.environ.get(ENV_S3_ACCESS) or access_key
        secret = os.environ.get(ENV_S3_SECRET) or secret_key
        if not access or not secret:
            raise InvalidValueError(
                "the S3 store needs its keys: set {access} and {secret}, or keep them in the team file",
                access=ENV_S3_ACCESS,
                secret=ENV_S3_SECRET,
            )
        from casefile.core.store.s3 import s3_client

        return S3Store(s3_client(endpoint, access, secret, timeout=timeout), parts.netloc)
    raise InvalidValueError(
        "{url} is not an evidence store address (folder:/PATH, share:/PATH or s3://BUCKET?endpoint=URL)", url=url
    )


@contextmanager
def reaching(team: TeamLibrary) -> Iterator[None]:
    """Turn a catalogue server that cannot be reached into one plain line: which server, what failed."""
    from sqlalchemy.exc import InterfaceError, OperationalError

    try:
        yield
    except (OperationalError, InterfaceError) as exc:
        problem, refused = _not_reached(team, exc)
        raise (AccessDeniedError(problem) if refused else StorageError(problem)) from None


def _not_reached(team: TeamLibrary, exc: Exception) -> tuple[Message, bool]:
    """What a connection to the catalogue that failed says, plainly; True when the sign-in was refused."""
    reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
    refusal = _sign_in_refused(reason)
    if refusal:
        return Message(
            "signing in to the team catalogue {server} as {login} was refused: {why}",
            server=team.db_shown,
            login=team.signs_in_as,
            why=refusal,
        ), True
    return Message(
        "the team catalogue {server} cannot be reached: {reason}", server=team.db_shown, reason=reason
    ), False


CHECK_TIMEOUT = 4.0  # seconds each server is given to answer a check


def check_team(team: TeamLibrary, timeout: float = CHECK_TIMEOUT) -> Message | None:
    """Whether both servers of the team library answer, within ``timeout`` seconds each, and are
    CaseFile's (the catalogue has its tables; the store is there); else a plain message naming the
    server that does not. Nothing is changed on either."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError, ProgrammingError
    from sqlalchemy.pool import NullPool

    from casefile.core.store import FolderStore

    try:
        url = make_url(team.db_url)
    except Exception:  # noqa: BLE001 - any URL SQLAlchemy cannot parse
        return Message("{url} is not a catalogue address (postgresql+psycopg://USER@HOST:PORT/DB)", url=team.db_shown)
    waits = {"connect_timeout": max(1, round(timeout))} if url.get_backend_name() == "postgresql" else {}
    try:
        engine = create_engine(team.sign_in_url(), connect_args=waits, poolclass=NullPool)
    except Exception as exc:  # noqa: BLE001 - a driver that is not installed, a URL it refuses
        return Message("the team catalogue {server} cannot be opened: {reason}", server=team.db_shown, reason=exc)
    try:
        with engine.connect() as connection:
            # What every user of the catalogue may read (its users do not read Alembic's table).
            connection.execute(text("SELECT 1 FROM cases LIMIT 1")).all()
            connection.execute(text("SELECT 1 FROM custody_entries LIMIT 1")).all()
    except (OperationalError, InterfaceError) as exc:
        return _not_reached(team, exc)[0]
    except (ProgrammingError, DBAPIError) as exc:
        if getattr(exc.orig, "sqlstate", None) == "42501":  # insufficient_privilege: the tables are there
            return Message(
                "{login} may not use the team catalogue {server}; an administrator adds them as a user",
                login=team.signs_in_as,
                server=team.db_shown,
            )
        return Message(
            "{server} answers but holds no CaseFile catalogue; set it up with casefile team init",
            server=team.db_shown,
        )
    finally:
        engine.dispose()
    try:
        store = team.open_store(timeout=timeout)
        if isinstance(store, FolderStore) and not store.root.is_dir():
            return Message(
                "the evidence store {store} is not there; set it up with casefile team init", store=store.name
            )
        store.exists("0" * 64)
    except CaseFileError as exc:
        return exc.message
    return None


def team_connect(team: TeamLibrary, path: Path | None = None) -> Path:
    """Work on the team library from now on (the ordinary commands, the app): checked first, then saved."""
    problem = check_team(team)
    if problem is not None:
        raise StorageError(problem)
    team.active = True
    return save_team(team, path)


def set_active(active: bool, path: Path | None = None) -> TeamLibrary:
    """Switch between the team library (its working copy) and the solo library, keeping the addresses."""
    team = load_team(path)
    team.active = active
    save_team(team, path)
    return team


def _sign_in_refused(reason: str) -> Message | None:
    """What the server's refusal of a sign-in means, or None when the server was not reached at all."""
    if "password authentication failed" in reason or "no password supplied" in reason:
        return Message("wrong password, or no such login")
    if "is not permitted to log in" in reason:
        return Message("this login has been disabled")
    return None


def team_init(team: TeamLibrary, operator: str | None = None) -> None:
    """Create or upgrade the catalogue's tables, and create or check the evidence store.

    In a catalogue without users, whoever sets it up becomes its first administrator (named
    ``operator`` in the custody log), so the team's people can be added from here.
    """
    from casefile.core.catalogue import migrate
    from casefile.core.store import FolderStore, S3Store

    store = team.open_store()
    if isinstance(store, S3Store):
        store.ensure_bucket()
    elif isinstance(store, FolderStore):
        try:
            make_private_dir(store.root, parents=True)
        except OSError as exc:
            raise StorageError("the evidence store {store} cannot be made: {exc}", store=store.name, exc=exc) from exc
    with reaching(team):
        migrate(team.sign_in_url())
        with team.open_catalogue() as catalogue:
            catalogue.add_first_administrator(operator or team.signs_in_as)


# -- moving in ---------------------------------------------------------------------------------


@dataclass
class PushResult:
    pushed: list[str] = field(default_factory=list)
    already_in: list[str] = field(default_factory=list)
    refused: dict[str, str] = field(default_factory=dict)  # number -> why
    files: int = 0  # files put into the store (already there or not)
    retention: dict[str, Applied] = field(default_factory=dict)  # number -> its retention and hold, as applied


def team_push(team: TeamLibrary, library_root: Path, operator: str) -> PushResult:
    """Move every case of the solo library at ``library_root`` into the team library (see the module)."""
    from casefile.core.library import Library
    from casefile.core.store.retention import load_policy

    result = PushResult()
    store = team.open_store()
    store.exists("0" * 64)  # a store that cannot be reached stops the push before any case
    with (
        reaching(team),
        team.open_catalogue() as catalogue,
        Library.open(library_root, operator, create=False) as library,
    ):
        policy = load_policy(catalogue)
        for number in library.case_numbers():
            try:
                if _push_case(catalogue, store, library, number, operator, policy, result):
                    result.pushed.append(number)
                else:
                    result.already_in.append(number)
            except (CaseFileError, OSError) as exc:
                result.refused[number] = str(exc)
    return result


def store_case_file(
    store: EvidenceStore,
    source: Path,
    digest: str,
    *,
    case: Case,
    number: str,
    rel: str,
    retain_until: Any = None,
) -> None:
    """Put one of case ``number``'s files (``rel``, named as the exhibit of ``case`` stored there if it is one)
    into the store.

    Other bytes found under its name are never taken for it: a folder store (or an S3 store, where no
    lock keeps them) sets them aside and stores these (said here, naming the file, for whoever keeps the
    store to look into); a write-once store that keeps them refuses, and the error names the file.
    """
    import logging

    from casefile.core.store.base import StoredEvidenceTakenError

    exhibit = next((e.number for e in case.exhibits if e.stored_path == rel), None)
    what = Message("exhibit {n} ({path})", n=exhibit, path=rel) if exhibit else Message("file {path}", path=rel)
    try:
        stored = store.put(source, digest, retain_until=retain_until)
    except StoredEvidenceTakenError as exc:
        raise StoredEvidenceTakenError(
            "case {number}, {what}: {reason}", number=number, what=what, reason=exc.message
        ) from exc
    if stored.set_aside:
        logging.getLogger(__name__).warning(
            "case %s, %s: the evidence store %s held other bytes under this file's name (SHA-256 %s); they were "
            "set aside as %s and the file stored under its name. Tell whoever keeps the store: someone changed or "
            "put bytes there, and other cases naming this SHA-256 verify again now",
            number,
            what,
            store.name,
            digest,
            stored.set_aside,
        )


def _push_case(
    catalogue: Catalogue,
    store: EvidenceStore,
    library: Any,
    number: str,
    operator: str,
    policy: RetentionPolicy,
    result: PushResult,
) -> bool:
    """Put one case in; False when it is in already (the same chain).

    Its objects are stored retained until the date the team's policy gives the case, and put under
    a legal hold while its arbitration or lawsuit runs (casefile.core.store.retention).
    """
    from casefile.core.library import manifest_entries
    from casefile.core.record.history import recorded_bundle_files
    from casefile.core.store import retention
    from casefile.core.store.base import utc_now
    from casefile.core.verify import CaseReport, verify_folder

    folder = library.folder(number)
    report: CaseReport | None = None
    for item in verify_folder(folder, hold=lambda: library.reading(number)):
        if isinstance(item, CaseReport):
            report = item
    if report is None or not report.ok:
        raise _not_verified(number, report.summary() if report else "")
    with library.reading(number):
        raw = (folder.path / LOG_NAME).read_bytes()
        case = folder.read_record()
    lines = raw.splitlines()
    entries, chain = check_lines(lines)
    if not chain.ok or not entries:
        raise CaseFileError("case {number}: its custody log does not check", number=number)
    head = str(entries[-1]["hash"])
    existing = _lines_in(catalogue, number)
    if existing is not None:
        texts = [line.decode("utf-8") for line in lines]
        if existing[: len(texts)] == texts and len(existing) > len(texts):
            return False
        raise CaseFileError(
            "case {number} is in the team library already with another custody log (its head there is not "
            "{head}); the two have gone separate ways and neither is overwritten",
            number=number,
            head=head[:16],
        )
    files = dict(manifest_entries(case))
    files.update(recorded_bundle_files(entries))
    now = utc_now()
    wanted = retention.plan(case, policy, now=now)
    keep = None if wanted.expired(now) else wanted.until
    for rel, digest in sorted(files.items()):
        # Hashed as read; refused unless it is the recorded SHA-256; retained from the moment it is stored.
        store_case_file(store, folder.path / rel, digest, case=case, number=number, rel=rel, retain_until=keep)
        result.files += 1
    _register(catalogue, case, lines, entries, operator, {"from": str(library.root), "into": store.name})
    result.retention[number] = retention.apply_plan(
        store, wanted, files.values(), now=now, still_held=lambda: retention.held_elsewhere(catalogue, number)
    )
    retention.record_plan(catalogue, number, wanted)
    return True


def _not_verified(number: str, summary: str) -> CaseFileError:
    from casefile.core.errors import IntegrityError

    return IntegrityError("case {number} does not verify, so it stays out: {summary}", number=number, summary=summary)


def _lines_in(catalogue: Catalogue, number: str) -> list[str] | None:
    try:
        return catalogue.custody_lines(number)
    except NotFoundError:
        return None


def _register(
    catalogue: Catalogue,
    case: Any,
    lines: list[bytes],
    entries: list[dict[str, Any]],
    operator: str,
    moved: dict[str, str],
) -> None:
    """The case with its own number and log, and an ``import`` entry after it, in one transaction."""
    from datetime import UTC, datetime

    from sqlalchemy.orm import Session

    from casefile.core import record
    from casefile.core.catalogue.models import CaseRecord, CustodyEntryRow
    from casefile.core.catalogue.tables import write_case_tables
    from casefile.core.model import case_to_data
    from casefile.core.record import apply_entry

    month, serial = case.number.split("-")
    with Session(catalogue.engine, expire_on_commit=False) as session, session.begin():
        now = datetime.now(UTC)
        row = CaseRecord(
            number=case.number,
            month=month,
            serial=int(serial),
            created_at=case.created_at or now,
            created_by=case.created_by or operator,
            title=case.title,
            stage=str(case_to_data(case)["stage"]),
            record=case_to_data(case),
            updated_at=now,
            updated_by=operator,
        )
        session.add(row)
        session.flush()
        _raise_counter(catalogue, session, month, int(serial))
        catalogue.lock_case(session, row.id)
        for line, entry in zip(lines, entries, strict=True):
            session.add(
                CustodyEntryRow(
                    case_id=row.id,
                    seq=entry["seq"],
                    line=line.decode("utf-8"),
                    hash=entry["hash"],
                    prev=entry["prev"],
                    action=entry["action"],
                    operator=entry["operator"],
                    at=datetime.fromisoformat(entry["at"]),
                )
            )
        session.flush()
        head = (int(entries[-1]["seq"]), str(entries[-1]["hash"]))
        added = catalogue.append_entries(
            session, row.id, [(record.IMPORT, {"team": "moved in", **moved})], operator, head=head
        )
        moved_in = apply_entry(case, added[0])
        row.record = case_to_data(moved_in)
        write_case_tables(session, row.id, moved_in)


def _raise_counter(catalogue: Catalogue, session: Session, month: str, serial: int) -> None:
    """The month's counter at least ``serial`` (the pushed case's, inserted already): new cases of that month
    are numbered after the pushed ones. On PostgreSQL by the catalogue's function (migration 0006: staff
    do not write the counter), which brings it up to the highest serial in use and no further."""
    from sqlalchemy import func, select
    from sqlalchemy.dialects import sqlite

    from casefile.core.catalogue.models import CaseNumberCounter

    if catalogue.dialect == "postgresql":
        session.execute(select(func.casefile_counter_caught_up(month)))
        return
    statement = sqlite.insert(CaseNumberCounter).values(month=month, last=serial)
    session.execute(
        statement.on_conflict_do_update(
            index_elements=["month"], set_={"last": func.max(CaseNumberCounter.last, statement.excluded.last)}
        )
    )


# -- moving out --------------------------------------------------------------------------------


def team_export(team: TeamLibrary, number: str, target: Path, operator: str) -> ExportResult:
    """Write case ``number`` as the solo export's ZIP archive: ``casefile export`` in team mode.

    The case is brought into the working copy with its files (casefile.core.workcopy), and the solo
    export writes the archive; its custody entry goes to the catalogue as any change does, and the
    export is noted in the catalogue's audit.
    """
    from casefile.core.archive import ExportResult, export_case
    from casefile.core.workcopy import open_library

    with open_library(team, operator) as library:
        library.pull(number, files=True)
        result: ExportResult | None = None
        for item in export_case(library, number, target):
            if isinstance(item, ExportResult):
                result = item
    assert result is not None
    return result


# -- status ------------------------------------------------------------------------------------


@dataclass
class TeamStatus:
    cases: int
    broken_chains: dict[str, str]  # number -> what the chain check found
    store: str
    store_problem: str = ""
    damaged: list[DamageNote] = field(default_factory=list)  # cases a member found damaged, in order


def team_status(team: TeamLibrary) -> TeamStatus:
    """The number of cases, every case's chain re-checked, the cases a member found damaged, and whether
    the store answers."""
    store = team.open_store()
    problem = ""
    try:
        store.exists("0" * 64)
    except CaseFileError as exc:
        problem = str(exc)
    with reaching(team), team.open_catalogue() as catalogue:
        numbers = catalogue.numbers()
        broken = {}
        for number in numbers:
            chain = catalogue.check_chain(number)
            if not chain.ok:
                broken[number] = "; ".join(chain.problems)
        damaged = catalogue.damaged()
    return TeamStatus(len(numbers), broken, store.name, problem, damaged)
