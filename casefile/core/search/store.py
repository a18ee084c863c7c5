"""The search tables: a SQLite file of their own beside the library's derived texts.

``LIBRARY/.derived/search.sqlite`` holds, for every text that can be searched (a case's fields,
a chat export, an e-mail body, a PDF page's text layer, a transcript, the OCR text of a picture),
its original text and where it is from (table ``docs``), and its tokens
(:mod:`casefile.core.search.tokenize`) in an FTS5 table without content of its own (``fts``,
one row per doc, same rowid). ``files`` lists every exhibit indexed, with its SHA-256, so that
a text read later (OCR) finds the exhibits it belongs to.

Why a file of its own and not tables in ``index.sqlite``: the texts are many times larger than
the case list and written at every ingest; in a file of their own they never weigh on the case
list's reads (``casefile list`` reads the index with sqlite3), a change to the case list's schema
does not throw away texts that took long to read, and the search is written and read with the
standard library's sqlite3 alone, so ``casefile search`` starts without SQLAlchemy.

Derived data, like the index: it can be deleted at any time and is rebuilt (``casefile reindex``,
or the first search after it is found missing, damaged or of another tokenizer).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

from casefile.core.fsutil import make_private, make_private_dir, open_private
from casefile.core.search import tokenize

log = logging.getLogger(__name__)

#: Where the search tables are, under a library's root.
SEARCH_PATH = Path(".derived") / "search.sqlite"
# 2: what a text is (case, kind, day) is in the FTS table too; 3: a case's proceedings and handling records
# are searched (tables of version 2 are rebuilt, so that cases recorded before are found by them too); 4: the
# parties' names and phone numbers before a correction (曾用) are searched (tables of version 3 are rebuilt); 5: each
# timeline event is a text of its own, dated when it happened, its kind and party named as the packets name them
# (tables of version 4 are rebuilt)
SCHEMA = 5
#: The schema and the tokenizer together: tables made by another are rebuilt.
VERSION = f"{SCHEMA}.{tokenize.VERSION}"

#: The tables that hold the texts (with ``meta``, which says whether they are complete).
_DATA_TABLES = frozenset({"docs", "files", "fts"})

_TABLES = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS docs (id INTEGER PRIMARY KEY, case_number TEXT NOT NULL, exhibit INTEGER, "
    "kind TEXT NOT NULL, field TEXT NOT NULL, page INTEGER, at TEXT, text TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS docs_case ON docs (case_number, exhibit)",
    "CREATE TABLE IF NOT EXISTS files (case_number TEXT NOT NULL, exhibit INTEGER NOT NULL, "
    "sha256 TEXT NOT NULL, PRIMARY KEY (case_number, exhibit))",
    "CREATE INDEX IF NOT EXISTS files_sha256 ON files (sha256)",
    # Contentless: the tokens are not stored twice; bm25 needs only the index. A row is deleted
    # by giving its tokens again, made from docs.text by the same tokenizer (its version is VERSION).
    # prefix='1': a one-character query (a prefix query over the bigrams) reads one prefix index.
    # meta: the text's case, kind and day as tokens (see meta_tokens), so that a filter is one more
    # term of the full-text query, not a lookup of every text found.
    "CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(body, tail, meta, content='', "
    "tokenize='unicode61 remove_diacritics 0', prefix='1')",
)


@dataclass(frozen=True)
class Doc:
    """One text to search and where it is from."""

    kind: str  # case-field, chat, email, pdf-text, transcript, ocr, text
    field: str  # a case field's name, or the exhibit's file name
    text: str
    page: int | None = None  # 1-based, for PDF pages
    at: datetime | None = None  # the evidence's time (case fields: the complaint's; a timeline event: its own)


#: Days are China Standard Time days (as casefile.core.workflow.clocks.CST), wherever the computer is.
CST = timezone(timedelta(hours=8), "CST")


def _stamp(at: datetime | None) -> str | None:
    return None if at is None else at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")


def case_token(case_number: str) -> str:
    return "c" + case_number.replace("-", "x")


def kind_token(kind: str) -> str:
    return "k" + kind.replace("-", "")


def meta_tokens(case_number: str, kind: str, at: datetime | None) -> str:
    """A text's case, kind and (China) day, year and month as tokens: c202611x001 kpdftext d20261118 m202611 y2026."""
    tokens = [case_token(case_number), kind_token(kind)]
    if at is not None:
        day = at.astimezone(CST).date()
        tokens += [f"d{day:%Y%m%d}", f"m{day:%Y%m}", f"y{day:%Y}"]
    return " ".join(tokens)


def date_terms(first: date, last: date) -> list[str]:
    """The fewest meta tokens that cover the days from ``first`` to ``last`` (both included): whole
    years, then whole months, then days."""
    terms: list[str] = []
    day = first
    while day <= last:
        if day.month == 1 and day.day == 1 and date(day.year, 12, 31) <= last:
            terms.append(f"y{day:%Y}")
            day = date(day.year + 1, 1, 1)
            continue
        if day.day == 1:
            following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
            if following - timedelta(days=1) <= last:
                terms.append(f"m{day:%Y%m}")
                day = following
                continue
        terms.append(f"d{day:%Y%m%d}")
        day += timedelta(days=1)
    return terms


def is_damage(exc: BaseException) -> bool:
    """Whether a SQLite error says the file is damaged or not a database (not a full disk, a lock, I/O)."""
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    name = getattr(exc, "sqlite_errorname", "")
    if name.startswith("SQLITE_CORRUPT") or name == "SQLITE_NOTADB":
        return True
    text = str(exc)
    return "malformed" in text or "not a database" in text


class SearchIndex:
    """The search tables in ``path`` (None: in memory); ``read_only`` opens an existing file for reading
    (``immutable``: a file nothing can change, on a read-only disc or share)."""

    def __init__(self, path: Path | None, *, read_only: bool = False, immutable: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self.immutable = immutable
        # One connection, used by whoever holds the lock: a search from one thread never sees,
        # nor commits, another thread's transaction half-written.
        self.lock = threading.RLock()
        self.connection = self._open()

    def _open(self) -> sqlite3.Connection:
        if self.path is None:
            connection = sqlite3.connect(":memory:", check_same_thread=False)
            self._prepare(connection)
            return connection
        if self.read_only:
            # immutable: a library on a disc or a read-only share, where no -shm file can be made.
            options = "mode=ro&immutable=1" if self.immutable else "mode=ro"
            return sqlite3.connect(f"{self.path.absolute().as_uri()}?{options}", uri=True, check_same_thread=False)
        try:
            return self._open_file()
        except sqlite3.DatabaseError as exc:
            # Only a file that is not a database, or a damaged one, is set aside: a full disk or
            # an I/O error is the disk's.
            if not is_damage(exc):
                raise
            self.set_aside_as = self._move_aside(exc)
            return self._open_file()

    #: Where damaged tables were last set aside (None: they were not), for the user to be told.
    set_aside_as: Path | None = None

    def _move_aside(self, exc: BaseException) -> Path:
        """Rename the damaged file (and its journal) to ``search.damaged-<UTC time>.sqlite`` beside it."""
        assert self.path is not None
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        aside = self.path.with_name(f"{self.path.stem}.damaged-{stamp}{self.path.suffix}")
        log.warning("search tables %s are damaged (%s); set aside as %s and rebuilt", self.path, exc, aside.name)
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                os.replace(f"{self.path}{suffix}", f"{aside}{suffix}")
        return aside

    def set_aside(self, exc: BaseException) -> Path:
        """The tables were found damaged in use (``exc``): set the file aside and start empty tables,
        not complete, which the next search (or the rebuild under way) builds from the case folders.
        Returns where the damaged file went."""
        if self.path is None or self.read_only:
            raise exc
        with self.lock:
            with contextlib.suppress(sqlite3.Error):
                self.connection.close()
            self.set_aside_as = self._move_aside(exc)
            self.connection = self._open_file()
            return self.set_aside_as

    def _open_file(self) -> sqlite3.Connection:
        assert self.path is not None
        make_private_dir(self.path.parent.parent, exist_ok=True)
        make_private_dir(self.path.parent, exist_ok=True)
        if not self.path.exists():
            os.close(open_private(self.path, os.O_RDWR | os.O_CREAT))  # the texts name people: 0600
        for suffix in ("", "-wal", "-shm"):
            if Path(f"{self.path}{suffix}").exists():
                make_private(Path(f"{self.path}{suffix}"))
        connection = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            self._prepare(connection)
        except BaseException:
            connection.close()
            raise
        return connection

    @staticmethod
    def _prepare(connection: sqlite3.Connection) -> None:
        with connection:
            existing = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if "meta" in existing and not existing >= _DATA_TABLES:
                # A table lost (dropped by hand, a restore gone wrong): made again empty below, so the
                # tables are no longer complete and the next search or reindex builds them whole.
                log.warning("search tables lack %s; they are rebuilt", ", ".join(sorted(_DATA_TABLES - existing)))
                connection.execute("DELETE FROM meta WHERE key = 'complete'")
            for statement in _TABLES:
                connection.execute(statement)
            found = connection.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
            if found is not None and found[0] != VERSION:
                log.info("search tables of version %s are rebuilt for version %s", found[0], VERSION)
                for table in ("docs", "files", "fts"):
                    connection.execute(f"DROP TABLE {table}")  # noqa: S608 - the module's own names
                connection.execute("DELETE FROM meta")
                for statement in _TABLES:
                    connection.execute(statement)
            connection.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('version', ?)", (VERSION,))

    def close(self) -> None:
        self.connection.close()

    @property
    def complete(self) -> bool:
        """Whether the tables were built for every case (a rebuild finished since they were made)."""
        try:
            with self.lock:
                found = self.connection.execute("SELECT value FROM meta WHERE key = 'complete'").fetchone()
                version = self.connection.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
                tables = {r[0] for r in self.connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.Error:
            return False
        return found is not None and version is not None and version[0] == VERSION and tables >= _DATA_TABLES

    @contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """A transaction: everything in it is written, or nothing."""
        with self.lock, self.connection:
            yield self.connection

    # ------------------------------------------------------------------ writes (inside ``writing``)

    @staticmethod
    def add_docs(connection: sqlite3.Connection, case_number: str, exhibit: int | None, docs: Iterable[Doc]) -> None:
        for doc in docs:
            if not doc.text.strip():
                continue
            body, tail = tokenize.index_tokens(doc.text)
            if not body and not tail:
                continue
            cursor = connection.execute(
                "INSERT INTO docs (case_number, exhibit, kind, field, page, at, text) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (case_number, exhibit, doc.kind, doc.field, doc.page, _stamp(doc.at), doc.text),
            )
            connection.execute(
                "INSERT INTO fts (rowid, body, tail, meta) VALUES (?, ?, ?, ?)",
                (cursor.lastrowid, body, tail, meta_tokens(case_number, doc.kind, doc.at)),
            )

    @staticmethod
    def _delete_docs(connection: sqlite3.Connection, where: str, parameters: tuple[object, ...]) -> None:
        rows = connection.execute(
            f"SELECT id, case_number, kind, at, text FROM docs WHERE {where}",  # noqa: S608
            parameters,
        ).fetchall()
        for doc_id, number, kind, at, text in rows:
            body, tail = tokenize.index_tokens(text)
            when = None if at is None else datetime.fromisoformat(at).replace(tzinfo=UTC)
            connection.execute(
                "INSERT INTO fts (fts, rowid, body, tail, meta) VALUES ('delete', ?, ?, ?, ?)",
                (doc_id, body, tail, meta_tokens(number, kind, when)),
            )
        connection.execute(f"DELETE FROM docs WHERE {where}", parameters)  # noqa: S608

    def replace_case_fields(self, connection: sqlite3.Connection, case_number: str, docs: Iterable[Doc]) -> None:
        self._delete_docs(connection, "case_number = ? AND exhibit IS NULL", (case_number,))
        self.add_docs(connection, case_number, None, docs)

    def replace_exhibit(
        self, connection: sqlite3.Connection, case_number: str, exhibit: int, sha256: str, docs: Iterable[Doc]
    ) -> None:
        self._delete_docs(connection, "case_number = ? AND exhibit = ?", (case_number, exhibit))
        connection.execute(
            "INSERT OR REPLACE INTO files (case_number, exhibit, sha256) VALUES (?, ?, ?)",
            (case_number, exhibit, sha256),
        )
        self.add_docs(connection, case_number, exhibit, docs)

    def remove_exhibit(self, connection: sqlite3.Connection, case_number: str, exhibit: int) -> None:
        self._delete_docs(connection, "case_number = ? AND exhibit = ?", (case_number, exhibit))
        connection.execute("DELETE FROM files WHERE case_number = ? AND exhibit = ?", (case_number, exhibit))

    def remove_case(self, connection: sqlite3.Connection, case_number: str) -> None:
        self._delete_docs(connection, "case_number = ?", (case_number,))
        connection.execute("DELETE FROM files WHERE case_number = ?", (case_number,))

    def clear(self, connection: sqlite3.Connection) -> None:
        connection.execute("DELETE FROM docs")
        connection.execute("DELETE FROM files")
        connection.execute("INSERT INTO fts (fts) VALUES ('delete-all')")
        connection.execute("DELETE FROM meta WHERE key = 'complete'")

    @staticmethod
    def mark_incomplete(connection: sqlite3.Connection) -> None:
        connection.execute("DELETE FROM meta WHERE key = 'complete'")

    @staticmethod
    def mark_complete(connection: sqlite3.Connection) -> None:
        connection.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('complete', '1')")

    # ------------------------------------------------------------------ reads

    def indexed_files(self, case_number: str) -> dict[int, str]:
        """The exhibits of a case indexed, with their SHA-256."""
        with self.lock:
            rows = self.connection.execute("SELECT exhibit, sha256 FROM files WHERE case_number = ?", (case_number,))
            return {int(n): str(s) for n, s in rows}

    def files_with(self, sha256: str) -> list[tuple[str, int]]:
        """(case, exhibit) of every exhibit indexed with this SHA-256."""
        with self.lock:
            rows = self.connection.execute(
                "SELECT case_number, exhibit FROM files WHERE sha256 = ? ORDER BY case_number, exhibit", (sha256,)
            )
            return [(str(c), int(n)) for c, n in rows]
