"""Listing the cases straight from the index with the standard library's sqlite3, for ``casefile list``
(and, for ``casefile verify`` and ``casefile bundle``, telling that a library is in order and noting
a case's revision).

Opening a :class:`~casefile.core.library.Library` loads SQLAlchemy (most of a short
command's start-up) and finishes whatever a crash interrupted. A listing needs neither
when the library is already in order: no interrupted change, no staging or scratch left
behind, permissions as CaseFile sets them, and an index of the current schema that lists
exactly the case folders on disk. :func:`quick_summaries` checks exactly that, read-only,
and returns None whenever anything is not so; the caller then opens the library as
before, which repairs, reconciles and lists. The schema stays the index's
(:mod:`casefile.core.index`); this module only reads it.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import sqlite3
import stat
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import TypeVar

from casefile.core.errors import IndexWriteError, Message, message_from_data
from casefile.core.fsutil import TEMP_PREFIX
from casefile.core.textsafe import without_unseen

# The library's layout, defined here (casefile.core.library and casefile.core.index take it from
# this module, which loads no SQLAlchemy).
LIBRARY_MARKER = "library.json"
LIBRARY_FORMAT = "casefile-library"
LIBRARY_VERSION = 2  # 2: the library has an id
# The index's schema, rebuilt from the case folders when it changes. 2: cases sort by serial as a number; damaged
# cases are marked; 3: the review's facts; 4: the courier's reply clock is met by the answer the 12305 appeal quotes;
# 5: the response promise is met by the first contact with the complainant, a withdrawn proceeding stops its clocks;
# 6: the case list's search finds a case by its proceedings' numbers (工单号, 受理号, 案号); 7: the review's courier
# claims are cases (a complaint lodged with the courier, or money recovered from it), not complaint events;
# 8: every day-counted deadline ends on the law's (moved) last day, our user's also keep their safe day (act_by_at);
# 9: the parties' earlier names and phone numbers (曾用, from the custody log) are searched too; 10: the limitation
# period starts on the earliest day the record holds, the purchase and receipt included; 11: names are searched
# and grouped without zero-width characters (a name pasted with U+200B is the name it looks like); 12: only our
# side's proposals meet the response promise (not the complainant's own demand, nor a courier's offer); 13: appeals
# from a dismissal or refusal, set-aside of a dismissing award, enforcement of a 调解书 and the 12305 year are clocks;
# 14: the seven-day return runs only for goods bought at a distance, and on the consumer's side carries its safe
# day (act_by_at); 15: the limitation period runs from the latest start on record (a later fault, an
# interruption: 民法典 arts. 188, 195), its safe day from the earliest, a note starts nothing, a store's case runs
# none, its reference says a doubtful start; 16: an interruption counts only while the limitation period runs, and
# only an unambiguous one (ambiguous contacts are named in the reference), a day after the complaint counts from
# it, a withdrawn suit or one dismissed by ruling does not use the period.
# 17: the enforcement period runs only for the payee (the payer sees the day to pay by), the 12305 year runs
# in our side's own parcel case before any complaint to the courier, the complainant's own chasing message (催, 来电,
# 发来…) does not meet the response promise.
# 18: the seven-day return follows where the goods were bought (a shop named: none; not told: the consumer
# side's runs, noted 是否网购未记录), is used only by a request to the respondent, and runs for no organisation buying.
# 19: a case's row says whether its record names our side (cases.side_recorded): the settings naming another
# organisation, only the cases that do not are worked out again, not the whole library.
# 20: a timeline event's direction (我方→对方, 对方→我方) tells the limitation period our demand and the obligor's
# agreeing to perform (which interrupt it) from its refusal (which does not), the seven-day return and the response
# promise read it too; the limitation note is kept as a message the app translates (review_clocks.note).
SCHEMA_VERSION = 20
# The limitation period's clock: listed by the agenda when it has run, as run.
LIMITATION = "civil.limitation"
# In the limitation clock's reference (casefile.core.workflow.due.limitation_note): its safe start cannot be true.
START_DOUBT = "START DOUBTFUL: "
CASE_NUMBER = re.compile(r"^(\d{6})-(\d{3,})$")
INDEX_NAME = "index.sqlite"
# What the rows hold beyond the tables' schema (meta ``contents``): an index whose rows were worked out by other rules
# is filled again from the case folders when the library opens (its file and tables kept), so that searching one
# more of the record's values needs no new SCHEMA_VERSION. 1: the case list's search finds a case by the numbers its
# timeline records (对方编号: a 12315 工单号 kept on an event), not only by its proceedings'.
CONTENTS_VERSION = 1

log = logging.getLogger(__name__)
T = TypeVar("T")
_CST = timezone(timedelta(hours=8))  # China Standard Time, as clocks are counted (this module loads no zone data)


def start_doubt_of(ref: str) -> str | None:
    """What is wrong with the limitation period's safe start, as its clock's reference says it, or None."""
    _, found, doubt = ref.partition(START_DOUBT)
    return doubt or None if found else None


def ref_message(row: AgendaRow) -> Message | str:
    """A clock's reference as the app says it: the message it was written as (the limitation period's note), to be
    translated, else the plain reference (a 工单号, a proceeding's number)."""
    if row.note:
        try:
            return message_from_data(json.loads(row.note))
        except (ValueError, TypeError, KeyError, AttributeError):
            log.warning("case %s: clock %s has an unreadable note; its reference is shown", row.number, row.key)
    return row.ref


def sort_key(number: str) -> int:
    """A case number's place in the index's order: by month, then by serial as a number."""
    month, _, serial = number.partition("-")
    return int(month) * 1_000_000 + int(serial) if month.isdigit() and serial.isdigit() else 0


@dataclass(frozen=True)
class CaseSummary:
    """One row of the case list, as the index holds it (read here by sqlite3, there through SQLAlchemy)."""

    number: str
    title: str
    type: str
    channel: str
    priority: str
    stage: str
    complained_at: datetime
    response_due_at: datetime
    complainant: str
    respondent: str
    order_no: str
    waybill_no: str
    exhibit_count: int
    damaged: str = ""  # why the case is quarantined (no writes until it verifies), or ""
    complainant_phone: str = ""  # clerks find returning customers by phone (whole, or its last four digits)
    proceeding_refs: str = ""  # the proceedings' 工单号/受理号/案号, space-separated: a body calling quotes them
    # The parties' names and phone numbers before a correction (曾用), one a line: the customer's receipt may show one.
    earlier_contacts: str = ""


@dataclass(frozen=True)
class AgendaRow:
    """A running clock of a case as the index holds it (casefile due, the case list's next deadline)."""

    number: str
    title: str
    key: str
    kind: str  # promise, duty or limit
    ref: str
    started_at: datetime
    due_at: datetime
    last_day: str
    rolled_from: str
    provisional: bool
    paused: bool
    damaged: str = ""  # why the case is quarantined (its deadlines are the index's last known), or ""
    act_by_at: datetime | None = None  # our user's deadline: the end of its safe day (the unmoved last day)
    note: str = ""  # ``ref`` as message data (JSON) the app translates (:func:`ref_message`), or ""

    def overdue(self, now: datetime) -> bool:
        return self.kind != "limit" and now >= self.due_at

    def ran_out(self, now: datetime) -> bool:
        """A limit whose last day is over (the agenda lists the limitation period so, never drops it)."""
        return self.kind == "limit" and now >= self.due_at

    @property
    def act_by(self) -> str:
        """Our user's safe day (ISO date, the unmoved last day), or "" (clocks.Deadline.act_by)."""
        if self.act_by_at is None:
            return ""
        return (self.act_by_at.astimezone(_CST) - timedelta(days=1)).date().isoformat()

    @property
    def remind_at(self) -> datetime:
        """When to act by: the end of our user's safe day, or the due time (clocks.Deadline.remind_at)."""
        return self.act_by_at or self.due_at

    def past_safe_day(self, now: datetime) -> bool:
        """Our user's safe day is over but the law's last day is not: urgent, not run out."""
        return self.act_by_at is not None and self.act_by_at <= now < self.due_at


_COLUMNS = ", ".join(CaseSummary.__dataclass_fields__)
_TIMES = (6, 7)  # complained_at, response_due_at: stored as UTC without an offset


def quick_summaries(root: Path, search: str = "") -> list[CaseSummary] | None:
    """The cases as the index lists them, or None when the library must be opened in full first."""

    def read(connection: sqlite3.Connection) -> list[CaseSummary]:
        query = f"SELECT {_COLUMNS} FROM cases"  # noqa: S608 - the column names are this module's own
        parameters: tuple[str, ...] = ()
        if search:
            query += " WHERE search_text LIKE '%' || ? || '%' ESCAPE '/'"
            parameters = (_escape_like(without_unseen(search).lower()),)
        rows = connection.execute(query + " ORDER BY sort_key, number", parameters).fetchall()
        return [_summary(row) for row in rows]

    return _read_in_order(root, read)


def _read_in_order(root: Path, read: Callable[[sqlite3.Connection], T]) -> T | None:
    """What ``read`` reads from the index with sqlite3 when the library at ``root`` is in order; None when
    it must be opened in full first (or the index cannot be read so)."""
    try:
        connection = _in_order(Path(root).expanduser().absolute())
        if connection is None:
            return None
        try:
            return read(connection)
        finally:
            connection.close()
    except (OSError, ValueError, TypeError, sqlite3.Error):
        return None


def _private(path: Path) -> bool:
    """Kept to its owner as CaseFile leaves it (opening the library would tighten it otherwise)."""
    if os.name == "nt":
        return True
    st = os.lstat(path)
    return stat.S_ISLNK(st.st_mode) or st.st_uid != os.geteuid() or not st.st_mode & 0o077


def organisation_key() -> str:
    """The organisation the cases are read as kept by (casefile.core.model.organisation), as the index notes it."""
    from casefile.core.model import organisation

    return "\x1f".join(organisation())


def library_in_order(root: Path) -> bool:
    """Whether the library at ``root`` has nothing to finish, repair or reconcile, and an index of
    the current schema that lists exactly its case folders: it can then be used without opening
    it in full (no recovery to run, no index to load until something is written to it)."""
    try:
        connection = _in_order(Path(root).expanduser().absolute())
    except (OSError, ValueError, TypeError, sqlite3.Error):
        return False
    if connection is None:
        return False
    connection.close()
    return True


class RevisionNotes:
    """Sets cases' revisions in the index, the one column an entry that only bears witness (a
    verification, a bundle, an export) changes.

    Written with the standard library's sqlite3, so that recording a verification or a bundle does
    not load SQLAlchemy. One connection serves every note until :meth:`close` (any thread, one at a
    time): verifying every case of a library notes thousands of revisions, and a connection opened
    and closed for each cost a checkpoint of the index's log each time.
    """

    def __init__(self, root: Path) -> None:
        self.index = Path(root) / INDEX_NAME
        self._connection: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    def note(self, number: str, revision: int) -> bool:
        """Set case ``number``'s revision; False when the index has no row for the case. Raises
        IndexWriteError when the index cannot be written."""
        with self._lock:
            try:
                if self._connection is None:
                    connection = sqlite3.connect(
                        f"{self.index.as_uri()}?mode=rw", uri=True, timeout=30, check_same_thread=False
                    )
                    connection.execute("PRAGMA synchronous=NORMAL")
                    self._connection = connection
                with self._connection:
                    found = self._connection.execute(
                        "UPDATE cases SET revision = ? WHERE number = ?", (revision, number)
                    )
                return found.rowcount > 0
            except sqlite3.Error as exc:
                self._close()  # opened afresh for the next note
                raise IndexWriteError(
                    "writing the library index {path} failed: {reason}", path=self.index, reason=str(exc)
                ) from exc

    def close(self) -> None:
        with self._lock:
            self._close()

    def _close(self) -> None:
        if self._connection is not None:
            connection, self._connection = self._connection, None
            with contextlib.suppress(sqlite3.Error):
                connection.close()


def _in_order(root: Path) -> sqlite3.Connection | None:
    """A connection to the index when the library is in order (see :func:`library_in_order`), else None."""
    info = json.loads((root / LIBRARY_MARKER).read_text(encoding="utf-8"))
    if not isinstance(info, dict) or info.get("format") != LIBRARY_FORMAT or info.get("version") != LIBRARY_VERSION:
        return None
    if not os.access(root, os.W_OK) or not _private(root):
        return None  # a read-only library indexes in memory; one open to others is tightened at opening
    cases_dir, pending, locks = root / "cases", root / ".pending", root / ".locks"
    for folder in (cases_dir, pending, locks):
        if not folder.is_dir() or not _private(folder):
            return None
    if os.listdir(pending):
        return None  # an interrupted change to finish
    with contextlib.suppress(FileNotFoundError):
        if os.listdir(root / ".work"):
            return None  # scratch of an interrupted command to remove
    on_disk: set[str] = set()
    with os.scandir(cases_dir) as entries:
        for entry in entries:
            if entry.name.startswith(TEMP_PREFIX):
                return None  # a case folder being made, or left half-made
            if CASE_NUMBER.match(entry.name) and entry.is_dir():
                on_disk.add(entry.name)
    index = root / INDEX_NAME
    for suffix in ("", "-wal", "-shm"):
        path = Path(f"{index}{suffix}")
        if (suffix == "" or path.exists()) and not _private(path):
            return None
    connection = sqlite3.connect(f"{index.as_uri()}?mode=rw", uri=True, timeout=30)
    try:
        version = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        current = version is not None and int(version[0]) == SCHEMA_VERSION
        # Built for another organisation (the settings changed): the clocks of cases that record no side are redone.
        built_for = connection.execute("SELECT value FROM meta WHERE key = 'organisation'").fetchone()
        current = current and built_for is not None and built_for[0] == organisation_key()
        contents = connection.execute("SELECT value FROM meta WHERE key = 'contents'").fetchone()
        current = current and contents is not None and contents[0] == str(CONTENTS_VERSION)
        # Cases to index or rows to drop: opening the library reconciles.
        in_order = current and {number for (number,) in connection.execute("SELECT number FROM cases")} == on_disk
    except BaseException:
        connection.close()
        raise
    if not in_order:
        connection.close()
        return None
    return connection


def quick_agenda(root: Path, *, until: datetime, now: datetime) -> list[AgendaRow] | None:
    """The running clocks of the open cases that run out by ``until`` (overdue duties included,
    limits that have run out left out but for the limitation period, listed as run), soonest first, read with
    sqlite3 when the library is in
    order; None when it must be opened in full first. The same rows as ``Index.agenda``: a damaged
    case's clocks too, as the index last knew them, marked damaged."""
    return _running_clocks(
        root,
        "FROM review_clocks k JOIN cases c ON c.number = k.case_number "
        "WHERE k.met_at IS NULL AND k.stopped_at IS NULL AND (k.kind != 'limit' OR k.due_at > ? OR k.key = ?) "
        f"AND {_REMIND} <= ? ORDER BY {_REMIND}, k.case_number, k.seq",
        (_stored(now), LIMITATION, _stored(until)),
    )


def quick_next_deadlines(root: Path, now: datetime) -> dict[str, AgendaRow] | None:
    """Each case's running clock that runs out first, read with sqlite3 when the library is in order;
    None when it must be opened in full first. The same rows as ``Index.next_deadlines``."""
    found = _running_clocks(root, _FIRST_RUNNING, (_stored(now),))
    return None if found is None else {item.number: item for item in found}


def quick_case_row(root: Path, number: str, now: datetime) -> tuple[CaseSummary | None, AgendaRow | None] | None:
    """Case ``number``'s row of the case list (None: no such case) and its running clock that runs out
    first, read with sqlite3 when the library is in order; None when it must be opened in full first.
    The same rows as ``Index.summaries`` and ``Index.next_deadlines`` hold for that case."""

    def read(connection: sqlite3.Connection) -> tuple[CaseSummary | None, AgendaRow | None]:
        row = connection.execute(f"SELECT {_COLUMNS} FROM cases WHERE number = ?", (number,)).fetchone()  # noqa: S608 - the module's own
        if row is None:
            return None, None
        clocks = _clocks(
            connection,
            "FROM review_clocks k JOIN cases c ON c.number = k.case_number WHERE k.case_number = ? "
            "AND k.met_at IS NULL AND k.stopped_at IS NULL AND (k.kind != 'limit' OR k.due_at > ?) "
            f"ORDER BY {_REMIND}, k.seq LIMIT 1",
            (number, _stored(now)),
        )
        return _summary(row), clocks[0] if clocks else None

    return _read_in_order(root, read)


# When a clock is to be acted on (the index's remind_at): the end of our user's safe day, or the due time.
_REMIND = "COALESCE(k.act_by_at, k.due_at)"
# The running clocks that run out first, one a case, as the index's next_deadlines_query picks them.
_FIRST_RUNNING = (
    "FROM (SELECT case_number, seq, ROW_NUMBER() OVER (PARTITION BY case_number "
    "ORDER BY COALESCE(act_by_at, due_at), seq) AS n "
    "FROM review_clocks WHERE met_at IS NULL AND stopped_at IS NULL AND (kind != 'limit' OR due_at > ?)) f "
    "JOIN review_clocks k ON k.case_number = f.case_number AND k.seq = f.seq "
    "JOIN cases c ON c.number = k.case_number WHERE f.n = 1"
)


def _stored(moment: datetime) -> str:
    """A time as the index stores it (SQLAlchemy's SQLite DATETIME, UTC): in order as text."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _running_clocks(root: Path, query: str, parameters: tuple[str, ...]) -> list[AgendaRow] | None:
    """The agenda rows of clocks ``query`` (its FROM clause on, over review_clocks ``k`` and cases ``c``)
    finds, read with sqlite3 when the library is in order; None when it must be opened in full first."""
    return _read_in_order(root, lambda connection: _clocks(connection, query, parameters))


def _clocks(connection: sqlite3.Connection, query: str, parameters: tuple[str, ...]) -> list[AgendaRow]:
    rows = connection.execute(
        "SELECT k.case_number, c.title, k.key, k.kind, k.ref, k.started_at, k.due_at, k.last_day, "  # noqa: S608 - the module's own
        "k.rolled_from, k.provisional, k.paused, c.damaged, k.act_by_at, k.note " + query,
        parameters,
    ).fetchall()
    found = []
    for row in rows:
        started, due = (datetime.fromisoformat(str(v)).replace(tzinfo=UTC) for v in (row[5], row[6]))
        number, title, key, kind, ref = (str(v) for v in row[:5])
        found.append(
            AgendaRow(
                number,
                title,
                key,
                kind,
                ref,
                started,
                due,
                str(row[7]),
                str(row[8]),
                bool(row[9]),
                bool(row[10]),
                str(row[11] or ""),
                None if row[12] is None else datetime.fromisoformat(str(row[12])).replace(tzinfo=UTC),
                str(row[13] or ""),
            )
        )
    return found


def _escape_like(text: str) -> str:
    """As SQLAlchemy's ``contains(..., autoescape=True)``: '/' escapes itself, '%' and '_'."""
    return text.replace("/", "//").replace("%", "/%").replace("_", "/_")


def _summary(row: tuple[object, ...]) -> CaseSummary:
    values = list(row)
    for i in _TIMES:
        value = values[i]
        if not isinstance(value, str):
            raise TypeError(f"a time in the index is not text: {value!r}")
        values[i] = datetime.fromisoformat(value).replace(tzinfo=UTC)
    return CaseSummary(*values)  # type: ignore[arg-type]
