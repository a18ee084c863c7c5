"""Searching a library: ``search(library, "退款")`` → ranked hits with snippets.

One search covers the cases' fields, chat exports, e-mail bodies, PDF text layers, transcripts
and OCR text (:mod:`casefile.core.search.sources`). Hits are ranked by bm25 (FTS5); each names
the case, the exhibit (None for a case's own fields), the kind of source, the field or file name,
the PDF page, and a snippet of the original text with where the query was found in it
(:attr:`Hit.spans`, or :meth:`Hit.marked` with marker characters).

The search reads only ``LIBRARY/.derived/search.sqlite`` with the standard library's sqlite3:
given the library's root (a :class:`~pathlib.Path`) instead of an open
:class:`~casefile.core.library.Library`, it loads no SQLAlchemy.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casefile.core.errors import StorageError
from casefile.core.search import KINDS, tokenize
from casefile.core.search.store import SEARCH_PATH, SearchIndex, case_token, date_terms, is_damage, kind_token

if TYPE_CHECKING:
    from casefile.core.library import Library

#: Marker characters :meth:`Hit.marked` puts around each hit by default (the CLI's 【】).
MARK_START = "【"
MARK_END = "】"
SNIPPET_CHARS = 80  # about how much text a snippet shows
_BEFORE = 20  # characters shown before the first hit
#: A query found in more texts than this ranks the most recently indexed this many of them.
RANKED = 10_000
EARLIEST = date(1970, 1, 1)  # an open --from
_CASE = re.compile(r"[0-9]{6}-[0-9]{3,}")
_SPACES = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\f": " ", "\v": " "})


@dataclass(frozen=True)
class Hit:
    """One place a query was found."""

    case_number: str
    exhibit: int | None  # None: the case's own fields
    kind: str  # case-field, chat, email, pdf-text, transcript, ocr, text
    field: str  # the case field's name (title, complainant, order, waybill, timeline…) or the exhibit's file name
    page: int | None  # 1-based PDF page, or None
    snippet: str  # a line of the original text around the hit
    spans: tuple[tuple[int, int], ...]  # where in ``snippet`` the query was found: (start, end) offsets
    score: float  # bm25 as SQLite's FTS5 gives it: lower (more negative) is better
    evidence_time: datetime | None  # the exhibit's time if known (case fields: the complaint's; an event: its own)

    def marked(self, start: str = MARK_START, end: str = MARK_END) -> str:
        """The snippet with ``start`` and ``end`` around each hit."""
        out: list[str] = []
        at = 0
        for s, e in self.spans:
            out += [self.snippet[at:s], start, self.snippet[s:e], end]
            at = e
        out.append(self.snippet[at:])
        return "".join(out)


@dataclass(frozen=True)
class SearchResult:
    hits: tuple[Hit, ...]
    total: int  # every hit, of which ``hits`` is the page asked for (limit, offset)


def snippet(text: str, query: str, width: int = SNIPPET_CHARS) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A window of ``text`` around the query's first occurrence, on one line, and the hits in it."""
    spans = tokenize.find_spans(text, query)
    first = spans[0][0] if spans else 0
    start = max(0, min(first - _BEFORE, len(text) - width))
    end = min(len(text), start + width)
    if spans and spans[0][1] > end:  # a hit longer than the window: show it whole
        end = spans[0][1]
    window = text[start:end].translate(_SPACES)
    if end == len(text):
        window = window.rstrip()  # a hit is never in the spaces stripped
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - start
    inside = tuple((max(s, start) + shift, min(e, end) + shift) for s, e in spans if s < end and e > start)
    return prefix + window + suffix, inside


def _open(library: Library | Path) -> tuple[SearchIndex, bool]:
    """(the search tables, whether the caller closes them)."""
    if isinstance(library, Path):
        from casefile.core.search.indexing import open_index

        return open_index(library, read_only=True), True
    store = library.search_index
    if not store.complete and (not library.read_only or store.path is None):
        library.rebuild_search()
    return store, False


def search(
    library: Library | Path,
    query: str,
    *,
    case: str | None = None,
    kind: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    limit: int = 50,
    offset: int = 0,
) -> SearchResult:
    """The hits of ``query``, best first (``limit`` of them from ``offset``), and how many there are.

    ``case`` keeps to one case, ``kind`` to one kind of source (see :data:`~casefile.core.search.KINDS`),
    ``date_from``/``date_to`` (days in China Standard Time, both included) to evidence of those
    days (for case fields: cases complained about then; for a timeline event: events of those days). A query of
    nothing searchable (only punctuation) has no hits.

    Hits are ranked by bm25; a query found in more than :data:`RANKED` texts ranks the
    :data:`RANKED` most recently indexed of them (``total`` counts them all).
    """
    remote = None if isinstance(library, Path) else library.remote
    if remote is not None:  # a team library's working copy: the catalogue's tables hold every case's texts
        return remote.search(
            query, case=case, kind=kind, date_from=date_from, date_to=date_to, limit=limit, offset=offset
        )
    expression = tokenize.fts_query(query)
    if not expression:
        return SearchResult((), 0)
    terms = [f"({expression})"]
    if case:
        if not _CASE.fullmatch(case):
            return SearchResult((), 0)
        terms.append(f'meta : "{case_token(case)}"')
    if kind:
        if kind not in KINDS:
            return SearchResult((), 0)
        terms.append(f'meta : "{kind_token(kind)}"')
    if date_from is not None or date_to is not None:
        first = date_from or EARLIEST
        last = date_to or date.today() + timedelta(days=366)
        days = date_terms(first, last)
        if not days:
            return SearchResult((), 0)
        terms.append(f"meta : ({' OR '.join(days)})")
    match = " AND ".join(terms)
    try:
        total, rows = _search_tables(library, match, limit, offset)
    except sqlite3.Error as exc:
        damaged = is_damage(exc)
        if isinstance(library, Path) or library.read_only or not damaged:
            root = library if isinstance(library, Path) else library.root
            raise SearchTablesError(
                "cannot read the search tables {path}: {orig}",
                path=root / SEARCH_PATH,
                orig=exc,
                damaged=damaged,
            ) from exc
        # Derived data: set aside, built again from the case folders, and searched (the user is told).
        library.search_damaged(exc)
        try:
            total, rows = _search_tables(library, match, limit, offset)
        except sqlite3.Error as again:
            raise StorageError(
                "cannot read the search tables {path}: {orig}", path=library.root / SEARCH_PATH, orig=again
            ) from again
    hits = []
    for number, exhibit, source, field, page, at, text, score in rows:
        shown, spans = snippet(str(text), query)
        hits.append(
            Hit(
                case_number=str(number),
                exhibit=None if exhibit is None else int(exhibit),
                kind=str(source),
                field=str(field),
                page=None if page is None else int(page),
                snippet=shown,
                spans=spans,
                score=float(score),
                evidence_time=None if at is None else datetime.fromisoformat(str(at)).replace(tzinfo=UTC),
            )
        )
    return SearchResult(tuple(hits), total)


class SearchTablesError(StorageError):
    """The search tables could not be read; ``damaged`` when they are damaged (and would be rebuilt
    by a search of the library opened for writing)."""

    def __init__(self, template: str, /, *, damaged: bool = False, **params: Any) -> None:
        super().__init__(template, **params)
        self.damaged = damaged


def _search_tables(library: Library | Path, match: str, limit: int, offset: int) -> tuple[int, list[tuple[Any, ...]]]:
    store, own = _open(library)
    try:
        with store.lock:
            return _query(store.connection, match, limit, offset)
    finally:
        if own:
            store.close()


def _query(connection: sqlite3.Connection, match: str, limit: int, offset: int) -> tuple[int, list[tuple[Any, ...]]]:
    """(how many texts match, the page of them asked for, best first)."""
    total = int(connection.execute("SELECT count(*) FROM fts WHERE fts MATCH ?", (match,)).fetchone()[0])
    # bm25 over the texts found, the most recently indexed RANKED of them when there are more
    # (bm25 costs about two microseconds a text: a word in most of 200,000 texts took 0.4-0.6 s).
    rows = connection.execute(
        "SELECT d.case_number, d.exhibit, d.kind, d.field, d.page, d.at, d.text, c.score "
        "FROM (SELECT rowid AS id, bm25(fts, 1.0, 1.0, 0.0) AS score FROM fts WHERE fts MATCH ? "
        "ORDER BY rowid DESC LIMIT ?) AS c JOIN docs d ON d.id = c.id "
        "ORDER BY c.score, c.id DESC LIMIT ? OFFSET ?",
        (match, max(RANKED, offset + limit), max(0, limit), max(0, offset)),
    ).fetchall()
    return total, rows


def refresh_file(library: Library, sha256: str) -> int:
    """Index again the texts of every exhibit with this SHA-256 (after OCR stored its text, say);
    return how many exhibits were indexed again."""
    from casefile.core.search.indexing import refresh_file as refresh

    return refresh(library, sha256)
