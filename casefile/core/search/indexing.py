"""Keeping the search tables up to date: at every change to a case, at ``reindex``, and when a
text of a file is read later (OCR).

A change costs what it touches: the case's fields (a handful of rows) and the exhibits the change
touched; the texts of the others are not read again. Texts are read before the tables are
written, so a slow PDF does not hold the search tables' lock, a batch at a time: some
:data:`BATCH_CHARS` characters of text are held at once, whether 10 chat logs are added or
10,000 (each batch is written in a transaction of its own, with its files' rows, so that an
exhibit is indexed whole or not at all).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from casefile.core.errors import CaseFileError
from casefile.core.model import Case, Exhibit
from casefile.core.search.sources import case_docs, exhibit_docs
from casefile.core.search.store import Doc, SearchIndex

if TYPE_CHECKING:
    from casefile.core.library import Library

log = logging.getLogger(__name__)


#: The characters of exhibits' texts read ahead of writing them to the tables, at most (and one exhibit's more).
BATCH_CHARS = 8_000_000


def _texts(library: Library, case: Case, exhibits: Iterable[Exhibit]) -> Iterator[list[tuple[Exhibit, list[Doc]]]]:
    """The texts of ``exhibits``, in batches of some :data:`BATCH_CHARS` characters (at least one exhibit)."""
    folder = library.cases_dir / case.number
    batch: list[tuple[Exhibit, list[Doc]]] = []
    held = 0
    for exhibit in exhibits:
        docs = exhibit_docs(library.root, folder, exhibit)
        batch.append((exhibit, docs))
        held += sum(len(doc.text) for doc in docs)
        if held >= BATCH_CHARS:
            yield batch
            batch, held = [], 0
    if batch:
        yield batch


def _earlier(library: Library, numbers: Iterable[str]) -> dict[str, str]:
    """The parties' earlier names and phone numbers (曾用) of the cases ``numbers``, as the library index keeps
    them (none when it cannot be read: the cases' other fields are indexed all the same)."""
    try:
        return library.index.earlier_contacts(numbers)
    except Exception as exc:  # noqa: BLE001 - the index is another database; search goes on without them
        log.warning("earlier contacts not indexed for search: %s", exc)
        return {}


def _write(store: SearchIndex, case: Case, batch: list[tuple[Exhibit, list[Doc]]]) -> None:
    with store.writing() as connection:
        for exhibit, docs in batch:
            store.replace_exhibit(connection, case.number, exhibit.number, exhibit.sha256, docs)


def update_case(library: Library, case: Case, exhibits: Iterable[int] | None = None) -> None:
    """Index a case's fields and the exhibits ``exhibits`` (None: any exhibit not indexed as it is now)."""
    store = library.search_index
    if exhibits is None:
        indexed = store.indexed_files(case.number)
        present = [e for e in case.exhibits if not e.withdrawn]
        gone = set(indexed) - {e.number for e in present}
        wanted = [e for e in present if indexed.get(e.number) != e.sha256]
    else:
        touched = [case.exhibit(n) for n in sorted(set(exhibits)) if case.has_exhibit(n)]
        gone = {e.number for e in touched if e.withdrawn}
        wanted = [e for e in touched if not e.withdrawn]
    fields = case_docs(case, _earlier(library, [case.number]).get(case.number, ""))
    with store.writing() as connection:
        store.replace_case_fields(connection, case.number, fields)
        for number in sorted(gone):
            store.remove_exhibit(connection, case.number, number)
    for batch in _texts(library, case, wanted):
        _write(store, case, batch)


def remove_cases(library: Library, numbers: Iterable[str]) -> None:
    store = library.search_index
    with store.writing() as connection:
        for number in numbers:
            store.remove_case(connection, number)


def rebuild(library: Library, cases: Iterable[Case]) -> None:
    """Index every case afresh (texts already read are taken from the TextStore).

    Search reads a PDF's text only as its screening for packets read it, within that screening's
    budget: PDFs without a screening record (added before records were kept when adding, or
    whose record was lost) are screened first, once.
    """
    cases = list(cases)
    if not library.read_only:
        from casefile.core.evidence import screen_pdfs

        for case in cases:
            for _ in screen_pdfs(library, case.number, [e for e in case.exhibits if not e.withdrawn], index=False):
                pass
    store = library.search_index
    with store.writing() as connection:
        store.clear(connection)
    earlier = _earlier(library, [case.number for case in cases])
    for case in cases:
        with store.writing() as connection:
            store.replace_case_fields(connection, case.number, case_docs(case, earlier.get(case.number, "")))
        for batch in _texts(library, case, [e for e in case.exhibits if not e.withdrawn]):
            _write(store, case, batch)
    with store.writing() as connection:
        store.mark_complete(connection)


def refresh_file(library: Library, sha256: str) -> int:
    """Index again the texts of every exhibit with this SHA-256 (an OCR text was just stored for
    it, say); return how many exhibits were indexed. Tables not built yet are built whole instead."""
    store = library.search_index
    if not store.complete:
        library.rebuild_search()
        return len(store.files_with(sha256))
    done = 0
    for number, exhibit_no in store.files_with(sha256):
        try:
            case = library.load_case(number)
        except CaseFileError as exc:  # a case that cannot be read keeps its old texts
            log.warning("case %s: texts of exhibit %d not indexed again: %s", number, exhibit_no, exc)
            continue
        if not case.has_exhibit(exhibit_no):
            continue
        exhibit = case.exhibit(exhibit_no)
        if exhibit.sha256 != sha256:
            continue
        docs = exhibit_docs(library.root, library.cases_dir / number, exhibit)
        with store.writing() as connection:
            if exhibit.withdrawn:
                store.remove_exhibit(connection, number, exhibit_no)
            else:
                store.replace_exhibit(connection, number, exhibit_no, sha256, docs)
        done += 1
    return done


def search_path(root: Path) -> Path:
    from casefile.core.search.store import SEARCH_PATH

    return Path(root) / SEARCH_PATH


def open_index(root: Path, *, read_only: bool, immutable: bool = False) -> SearchIndex:
    """The library's search tables (read-only: the file as it is, or empty tables in memory when there is none)."""
    path = search_path(root)
    if not read_only:
        return SearchIndex(path)
    if path.exists():
        try:
            found = SearchIndex(path, read_only=True, immutable=immutable)
        except sqlite3.Error as exc:
            log.warning("search tables %s cannot be read (%s); searching from tables in memory", path, exc)
        else:
            if found.complete:
                return found
            found.close()
    return SearchIndex(None)  # built at the first search
