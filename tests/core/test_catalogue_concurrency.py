"""Many clients on one team catalogue at once, each with its own connection (a real PostgreSQL 15).

Case numbers stay unique and without gaps, a stale write is refused instead of overwriting, and
custody appends to one case are serialised so that two clients leave one intact chain.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from casefile.core import record
from casefile.core.catalogue import Catalogue, migrate
from casefile.core.custody import CustodyLog, entry_hash
from casefile.core.errors import ConflictError
from casefile.core.library import case_from_fields
from casefile.core.model import Case

T = TypeVar("T")


def new_case(complained_at: str = "2026-11-20T10:30:00+08:00") -> Case:
    return case_from_fields(
        {"title": "快递柜丢件", "complained_at": complained_at, "channel": "store", "type": "quality"}
    )


@pytest.fixture
def pg(pg_url: str) -> str:
    migrate(pg_url)
    return pg_url


@pytest.fixture(params=["postgresql", "sqlite"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    url = str(request.getfixturevalue("pg_url")) if request.param == "postgresql" else f"sqlite:///{tmp_path}/c.db"
    migrate(url)
    return url


@pytest.fixture
def clients(pg: str) -> Iterator[Callable[[int], list[Catalogue]]]:
    opened: list[Catalogue] = []

    def make(count: int, url: str = pg) -> list[Catalogue]:
        made = [Catalogue.open(url) for _ in range(count)]
        opened.extend(made)
        return made

    yield make
    for catalogue in opened:
        catalogue.close()


def together(jobs: list[Callable[[], T]]) -> list[T]:
    """Run each job on its own thread, all released at once; their results in order (an error is raised)."""
    start = threading.Barrier(len(jobs))

    def run(job: Callable[[], T]) -> T:
        start.wait(timeout=30)
        return job()

    with ThreadPoolExecutor(len(jobs)) as pool:
        return [f.result(timeout=120) for f in [pool.submit(run, job) for job in jobs]]


def wait_until(condition: Callable[[], bool], what: str, deadline: float = 30) -> None:
    """Poll ``condition`` until it holds (a handshake, not a fixed sleep), failing after ``deadline`` seconds."""
    end = time.monotonic() + deadline
    while not condition():
        if time.monotonic() > end:
            pytest.fail(f"timed out waiting until {what}")
        time.sleep(0.01)


def test_clients_registering_at_once_get_distinct_numbers_without_gaps(
    clients: Callable[[int], list[Catalogue]],
) -> None:
    months = ("2026-11-20T10:30:00+08:00", "2026-12-02T09:00:00+08:00")

    def registrar(client: Catalogue, index: int) -> Callable[[], list[str]]:
        return lambda: [client.register(new_case(months[(index + i) % 2]), f"柜台{index}").number for i in range(12)]

    numbers = [n for batch in together([registrar(c, i) for i, c in enumerate(clients(6))]) for n in batch]
    assert len(numbers) == len(set(numbers)) == 72
    for month in ("202611", "202612"):
        assert sorted(n for n in numbers if n.startswith(month)) == [f"{month}-{i:03d}" for i in range(1, 37)]


def test_a_registration_that_fails_gives_its_number_back(clients: Callable[[int], list[Catalogue]], pg: str) -> None:
    first, second = clients(2)
    assert [first.register(new_case(), "张敏").number for _ in range(2)] == ["202611-001", "202611-002"]

    # A client takes the next number, and its registration then fails before it commits.
    taken, release = threading.Event(), threading.Event()

    def failing() -> int:
        with Session(first.engine) as session, session.begin():
            serial = first.next_serial(session, "202611")
            taken.set()
            release.wait(timeout=30)
            session.rollback()
        return serial

    with ThreadPoolExecutor(2) as pool:
        failed = pool.submit(failing)
        assert taken.wait(timeout=30)
        waiting = pool.submit(lambda: second.register(new_case(), "李律师").number)
        # The other client's registration waits for the counter row (seen by the server), then gets the number back.
        with psycopg.connect(pg.replace("postgresql+psycopg", "postgresql"), autocommit=True) as watcher:
            wait_until(
                lambda: (
                    watcher.execute(
                        "SELECT count(*) FROM pg_stat_activity"
                        " WHERE wait_event_type = 'Lock'"
                        " AND query LIKE 'SELECT serial, counted FROM casefile_next_serial%'"
                    ).fetchone()
                    == (1,)
                ),
                "the second registration waits for the month's counter",
            )
        assert not waiting.done()
        release.set()
        assert failed.result(timeout=30) == 3
        assert waiting.result(timeout=30) == "202611-003"
    assert second.numbers() == ["202611-001", "202611-002", "202611-003"]


def test_two_writers_from_the_same_version_one_saves_the_other_gets_a_conflict(
    clients: Callable[[int], list[Catalogue]],
) -> None:
    setup, lawyer, clerk = clients(3)
    number = setup.register(new_case(), "张敏").number
    seen = {name: client.load(number) for name, client in (("李律师", lawyer), ("张敏", clerk))}

    def save(client: Catalogue, name: str) -> Any:
        try:
            return client.update(seen[name], [(record.UPDATE, {"fields": {"title": f"{name}改的标题"}})], name)
        except ConflictError as exc:
            return exc

    results = together([lambda: save(lawyer, "李律师"), lambda: save(clerk, "张敏")])
    conflicts = [r for r in results if isinstance(r, ConflictError)]
    saved = [r for r in results if not isinstance(r, ConflictError)]
    assert len(conflicts) == len(saved) == 1
    winner = saved[0].case.title.removesuffix("改的标题")
    assert conflicts[0].by == winner
    now = setup.load(number)
    assert (now.version, now.case.title, now.case.custody_head.seq) == (2, f"{winner}改的标题", 2)
    assert setup.check_chain(number).ok


def test_two_clients_appending_150_entries_each_leave_one_chain(url: str, tmp_path: Path) -> None:
    with Catalogue.open(url) as setup, Catalogue.open(url) as lawyer, Catalogue.open(url) as clerk:
        number = setup.register(new_case(), "张敏").number

        def appender(client: Catalogue, name: str) -> Callable[[], None]:
            def run() -> None:
                for i in range(150):
                    client.append(number, [(record.VERIFY, {"by": name, "run": i})], name)

            return run

        together([appender(lawyer, "李律师"), appender(clerk, "张敏")])

        report = setup.check_chain(number)
        assert report.ok, report.problems
        assert report.entries == 301
        lines = setup.custody_lines(number)
        entries = [json.loads(line) for line in lines]
        assert [e["seq"] for e in entries] == list(range(1, 302))
        assert all(e["hash"] == entry_hash(e) for e in entries)
        assert sorted(e["details"]["run"] for e in entries[1:] if e["operator"] == "李律师") == list(range(150))
        assert setup.load(number).case.custody_head.seq == 301
    log = tmp_path / "CUSTODY.jsonl"
    log.write_text("".join(line + "\n" for line in lines), "utf-8")
    assert CustodyLog(log).check().ok


def test_without_the_case_lock_two_appends_collide(clients: Callable[[int], list[Catalogue]]) -> None:
    """What the advisory lock prevents: two clients read the same head and both write the next entry."""
    setup, lawyer, clerk = clients(3)
    number = setup.register(new_case(), "张敏").number
    with Session(setup.engine) as session:
        case_id = setup.case_id_of(session, number)
    both_read = threading.Barrier(2)

    def unlocked(client: Catalogue, name: str) -> Any:
        try:
            with Session(client.engine) as session, session.begin():
                head = client.head(session, case_id)  # no lock_case() first
                both_read.wait(timeout=30)
                client.append_entries(session, case_id, [(record.VERIFY, {"by": name})], name, head=head)
        except IntegrityError as exc:
            return exc
        return head

    results = together([lambda: unlocked(lawyer, "李律师"), lambda: unlocked(clerk, "张敏")])
    errors = [r for r in results if isinstance(r, IntegrityError)]
    assert len(errors) == 1
    assert isinstance(errors[0].orig, psycopg.errors.UniqueViolation)
    assert [r for r in results if not isinstance(r, IntegrityError)] == [(1, setup.load(number).case.custody_head.hash)]
    with setup.engine.connect() as connection:
        assert connection.scalar(text("SELECT count(*) FROM custody_entries")) == 2
