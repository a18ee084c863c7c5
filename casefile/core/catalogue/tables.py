"""The team catalogue's clocks, review facts and search texts: written with each case, queried by a client.

Every write of a case's record (register, update, append, a case pushed in) calls
:func:`write_case_tables` in the transaction that writes it, so the rows never lag the record: the clocks
(``casefile due``, the agenda), the review's facts (``casefile review``) and the case's fields as
texts to search. They are made by the solo index's own code (casefile.core.index.review_rows,
casefile.core.search.sources.case_docs), so a team library and a folder give the same answers.

The texts of an exhibit (a PDF's text layer, OCR, a chat export) are read by the client that has
the file and sent with :func:`index_exhibit_texts`. Search uses CaseFile's own tokenizer
(casefile.core.search.tokenize) on both engines: on PostgreSQL the tokens are a ``tsvector``
(GIN-indexed) matched by a ``tsquery`` and ranked by ``ts_rank_cd``; on SQLite an FTS5 table
matched as the solo search tables are, ranked by bm25. pg_trgm is not used: the tokens already
hold what a trigram index would add (every CJK character starts a token, numbers keep their last
four digits), and a tsvector keeps positions for a phrase of bigrams.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Select, cast, column, delete, func, insert, literal, literal_column, select, table, update
from sqlalchemy.dialects.postgresql import TSQUERY
from sqlalchemy.orm import Session

from casefile.core.catalogue.models import CaseClockRow, CaseDamage, CaseFactsRow, CaseRecord, Id, Json, SearchDocRow
from casefile.core.errors import InvalidValueError, NotFoundError
from casefile.core.index import agenda_query, next_deadlines_query, review_rows
from casefile.core.listing import AgendaRow
from casefile.core.model import Case, Exhibit, case_from_data
from casefile.core.review.queries import ReviewTables
from casefile.core.search import KINDS, tokenize
from casefile.core.search.query import RANKED, Hit, SearchResult, snippet
from casefile.core.search.sources import CASE_FIELD, case_docs
from casefile.core.search.store import CST, Doc

#: The review's queries (casefile.core.review.queries.review) over the catalogue's rows.
REVIEW_TABLES = ReviewTables(CaseFactsRow, CaseClockRow)
#: SQLite's full-text table over search_docs.tokens (made by migration 0003, with its triggers).
FTS_TABLE = "search_fts"
#: PostgreSQL's index of the tokens.
GIN_INDEX = "ix_search_docs_tokens"
#: A text longer than this is stored in parts (cut at a line, else a space): a tsvector counts
#: positions up to 16,383, and a part has fewer tokens (each character starts one at most, and a
#: number of five or more digits adds one for its last four: at most 9,600).
PART_CHARS = 8000

_DOCS = SearchDocRow.__table__
#: Why a member found the case damaged (case_damage, joined outer), or "": the agenda's ``damaged``.
_DAMAGED = func.coalesce(CaseDamage.reason, literal(""))


def in_models(name: str | None, type_: str, _parents: Any) -> bool:
    """Whether a database object is one the models describe (Alembic's ``include_name``): SQLite's
    full-text table and the tables FTS5 keeps for it are made by the migration, not the models."""
    return not (type_ == "table" and name is not None and name.startswith(FTS_TABLE))


def on_dialect(dialect: str) -> Callable[[Any, str | None, str, bool, Any], bool]:
    """Alembic's ``include_object`` comparing the models with a database of ``dialect``: the GIN index
    of the tokens is PostgreSQL's only."""

    def include(_object: Any, name: str | None, type_: str, _reflected: bool, _compare_to: Any) -> bool:
        return dialect == "postgresql" or not (type_ == "index" and name == GIN_INDEX)

    return include


# --------------------------------------------------------------------------- writing


def write_every_case_tables(connection: sa.Connection) -> None:
    """Every stored case's derived rows written again from its record by the current rule, as a change to the case
    writes them: what a migration does when the rule they follow changed."""
    cases = sa.table("cases", sa.column("id", Id), sa.column("record", Json))
    with Session(bind=connection) as session:
        for case_id, record in connection.execute(sa.select(cases.c.id, cases.c.record).order_by(cases.c.id)):
            write_case_tables(session, int(case_id), case_from_data(record))
        session.flush()


def write_case_tables(session: Session, case_id: int, case: Case) -> None:
    """Replace the case's clocks, review facts and field texts by those of ``case`` (its record now),
    and drop the texts of exhibits withdrawn or no longer in it; within the caller's transaction."""
    facts, clocks = review_rows([case])
    session.execute(delete(CaseClockRow).where(CaseClockRow.case_id == case_id))
    session.execute(delete(CaseFactsRow).where(CaseFactsRow.case_id == case_id))
    session.execute(insert(CaseFactsRow), [{**row, "case_id": case_id} for row in facts])
    if clocks:
        session.execute(insert(CaseClockRow), [{**row, "case_id": case_id} for row in clocks])
    session.execute(delete(SearchDocRow).where(SearchDocRow.case_id == case_id, SearchDocRow.exhibit.is_(None)))
    _insert_docs(session, case_id, None, None, case_docs(case))
    # The exhibits' texts as they were indexed: those of exhibits withdrawn go, and those of an
    # exhibit renamed or given another time follow it (the texts themselves are the file's).
    present = {e.number: e for e in case.exhibits if not e.withdrawn}
    indexed = [
        (n, name, at)
        for n, name, at in session.execute(
            select(SearchDocRow.exhibit, SearchDocRow.field, SearchDocRow.at)
            .where(SearchDocRow.case_id == case_id, SearchDocRow.exhibit.is_not(None))
            .distinct()
        )
        if n is not None
    ]
    gone = sorted({n for n, _, _ in indexed if n not in present})
    if gone:
        session.execute(delete(SearchDocRow).where(SearchDocRow.case_id == case_id, SearchDocRow.exhibit.in_(gone)))
    moved = {n for n, name, at in indexed if n in present and (name, at) != _as_indexed(present[n])}
    for number in sorted(moved):
        name, at = _as_indexed(present[number])
        session.execute(
            update(SearchDocRow)
            .where(SearchDocRow.case_id == case_id, SearchDocRow.exhibit == number)
            .values(field=name, at=at)
        )


def _as_indexed(exhibit: Exhibit) -> tuple[str, datetime | None]:
    """What an exhibit's texts say of it: its file's name and its time."""
    return exhibit.original_name, exhibit.captured_at


def index_exhibit_texts(
    session: Session,
    case_id: int,
    case: Case,
    exhibit: int,
    sha256: str,
    kind: str,
    pages: list[tuple[int | None, str]],
) -> int:
    """Replace the texts of ``kind`` of an exhibit of ``case`` by ``pages`` ((page or None, text));
    return how many texts are kept (none for a withdrawn exhibit)."""
    if kind not in KINDS or kind == CASE_FIELD:
        raise InvalidValueError("{kind} is not a kind of text an exhibit has", kind=kind)
    if not case.has_exhibit(exhibit):
        raise NotFoundError("case {case} has no exhibit {number}", case=case.number, number=exhibit)
    item = case.exhibit(exhibit)
    if item.sha256 != sha256:
        raise InvalidValueError(
            "exhibit {exhibit} of case {number} is another file ({sha256}): its texts were not indexed",
            exhibit=exhibit,
            number=case.number,
            sha256=sha256[:16],
        )
    session.execute(
        delete(SearchDocRow).where(
            SearchDocRow.case_id == case_id, SearchDocRow.exhibit == exhibit, SearchDocRow.kind == kind
        )
    )
    if item.withdrawn:
        return 0
    name, at = _as_indexed(item)
    docs = [Doc(kind, name, text, page=page, at=at) for page, text in pages]
    return _insert_docs(session, case_id, exhibit, sha256, docs)


def _insert_docs(session: Session, case_id: int, exhibit: int | None, sha256: str | None, docs: Iterable[Doc]) -> int:
    rows = []
    kept = 0
    for seq, doc in enumerate(docs):
        found = False
        for part, text in enumerate(parts(doc.text)):
            body, tail = tokenize.index_tokens(text)
            tokens = f"{body} {tail}".strip()
            if not tokens:
                continue
            found = True
            rows.append(
                {
                    "case_id": case_id,
                    "exhibit": exhibit,
                    "sha256": sha256,
                    "kind": doc.kind,
                    "field": doc.field,
                    "seq": seq,
                    "part": part,
                    "page": doc.page,
                    "at": doc.at,
                    "text": text,
                    "tokens": tokens,
                }
            )
        kept += found
    if rows:
        session.execute(insert(SearchDocRow), rows)
    return kept


def parts(text: str, size: int = PART_CHARS) -> list[str]:
    """``text`` in pieces of at most ``size`` characters, cut after a line break where there is one in
    the second half of a piece, else after a space, else anywhere; none for a blank text."""
    if not text.strip():
        return []
    pieces = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = window.rfind("\n", size // 2)
        if cut < 0:
            cut = window.rfind(" ", size // 2)
        end = start + (cut + 1 if cut >= 0 else size)
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return [p for p in pieces if p.strip()]


# --------------------------------------------------------------------------- search


def search(
    session: Session,
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
    """The hits of ``query`` as the solo search gives them (casefile.core.search.query.search): one per
    text, best first, ``limit`` of them from ``offset``, with how many there are.

    ``case`` keeps to one case, ``kind`` to one kind of text, ``since``/``until`` (days in China
    Standard Time, both included) to evidence of those days (case fields: the complaint's day),
    ``numbers`` to those cases (the ones the user may read). Ranked by ts_rank_cd on PostgreSQL,
    bm25 on SQLite (:attr:`Hit.score`: lower is better on both); a query found in more than
    RANKED texts ranks the most recently indexed RANKED of them.
    """
    postgresql = session.get_bind().dialect.name == "postgresql"
    expression = tokenize.pg_tsquery(query) if postgresql else tokenize.fts_query(query, body="tokens", either="tokens")
    if not expression or (kind is not None and kind not in KINDS):
        return SearchResult((), 0)
    docs = SearchDocRow
    if postgresql:
        wanted = cast(literal(expression), TSQUERY)
        score: Any = -func.ts_rank_cd(docs.tokens, wanted)
        found: Select[Any] = select(docs.id, docs.case_id, docs.exhibit, docs.kind, docs.seq, score.label("score"))
        found = found.where(docs.tokens.op("@@")(wanted))
    else:
        fts = table(FTS_TABLE, column("rowid"))
        score = func.bm25(literal_column(FTS_TABLE))
        found = select(docs.id, docs.case_id, docs.exhibit, docs.kind, docs.seq, score.label("score"))
        found = found.select_from(fts.join(_DOCS, docs.id == fts.c.rowid))
        found = found.where(literal_column(FTS_TABLE).op("MATCH")(expression))
    found = found.where(*_filters(case, kind, since, until, numbers))
    matches = found.subquery()
    total = session.scalar(
        select(func.count()).select_from(
            select(matches.c.case_id, matches.c.exhibit, matches.c.kind, matches.c.seq).distinct().subquery()
        )
    )
    recent = found.order_by(docs.id.desc()).limit(max(RANKED, offset + limit)).subquery()
    best = select(
        recent,
        func.row_number()
        .over(
            partition_by=(recent.c.case_id, recent.c.exhibit, recent.c.kind, recent.c.seq),
            order_by=(recent.c.score, recent.c.id),
        )
        .label("n"),
    ).subquery()
    rows = session.execute(
        select(CaseRecord.number, docs.exhibit, docs.kind, docs.field, docs.page, docs.at, docs.text, best.c.score)
        .select_from(best.join(_DOCS, docs.id == best.c.id).join(CaseRecord, CaseRecord.id == docs.case_id))
        .where(best.c.n == 1)
        .order_by(best.c.score, best.c.id.desc())
        .limit(max(0, limit))
        .offset(max(0, offset))
    ).all()
    hits = []
    for number, exhibit, source, field, page, at, text, rank in rows:
        shown, spans = snippet(str(text), query)
        hits.append(
            Hit(
                case_number=str(number),
                exhibit=exhibit,
                kind=str(source),
                field=str(field),
                page=page,
                snippet=shown,
                spans=spans,
                score=float(rank),
                evidence_time=at,
            )
        )
    return SearchResult(tuple(hits), int(total or 0))


def _filters(
    case: str | None, kind: str | None, since: date | None, until: date | None, numbers: Iterable[str] | None
) -> list[Any]:
    docs = SearchDocRow
    where: list[Any] = []
    if case is not None:
        where.append(docs.case_id == select(CaseRecord.id).where(CaseRecord.number == case).scalar_subquery())
    if numbers is not None:
        where.append(docs.case_id.in_(select(CaseRecord.id).where(CaseRecord.number.in_(sorted(set(numbers))))))
    if kind is not None:
        where.append(docs.kind == kind)
    if since is not None:
        where.append(docs.at >= datetime.combine(since, time(), CST))
    if until is not None:
        where.append(docs.at < datetime.combine(until + timedelta(days=1), time(), CST))
    return where


# --------------------------------------------------------------------------- the agenda


def agenda(
    session: Session, *, until: datetime, now: datetime, numbers: Iterable[str] | None = None
) -> list[AgendaRow]:
    """The clocks still running that run out by ``until`` (as casefile.core.index.Index.agenda), soonest first;
    a case a member found damaged is listed too, marked with why (its clocks as last recorded)."""
    stmt = agenda_query(
        CaseClockRow, CaseRecord.title, CaseRecord.id == CaseClockRow.case_id, until, now, _DAMAGED
    ).outerjoin(CaseDamage, CaseDamage.case_id == CaseClockRow.case_id)
    if numbers is not None:
        stmt = stmt.where(CaseClockRow.case_number.in_(sorted(set(numbers))))
    return [AgendaRow(*row) for row in session.execute(stmt)]


def next_deadlines(session: Session, now: datetime) -> dict[str, AgendaRow]:
    """Each case's running clock that runs out first (as casefile.core.index.Index.next_deadlines)."""
    stmt = next_deadlines_query(
        CaseClockRow, CaseRecord.title, CaseRecord.id == CaseClockRow.case_id, now, _DAMAGED
    ).outerjoin(CaseDamage, CaseDamage.case_id == CaseClockRow.case_id)
    return {row[0]: AgendaRow(*row) for row in session.execute(stmt)}
