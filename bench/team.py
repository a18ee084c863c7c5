"""Team mode under load: 8 clients at once registering 100 cases and adding 1,000 exhibits.

Issue 16 point 7. Each client is its own process (as each clerk's PC is), started together at a
barrier; each registers its share of the cases and adds 10 exhibits to each, one ``add`` at a
time (a clerk adding a photo), timing every operation. The same work runs twice:

- **team**: on a real PostgreSQL 15 (started here from Debian's binaries, as tests/pg_server.py
  does, but with fsync and synchronous commit ON, as an office server runs) and a folder evidence
  store (``--store s3`` uses a real SeaweedFS instead); each client signs in as its own user and
  works in its own working copy, so every change goes through the catalogue's lock and the store;
- **solo**: the same processes on one solo library folder (the file locks a shared folder uses).

It prints throughput (operations a second, all clients together) and p50 / p95 / max latency per
kind of operation for both, and the ratios; then checks what both left: case numbers unique and
without gaps (001–100 in the month), every custody chain intact (the catalogue's re-checked by the
custody log's own check; the solo library by ``verify``), 1,000 exhibits, each stored object
re-hashed.

    tools/dev bench team [--clients 8] [--cases 100] [--exhibits 1000] [--size 64] [--store folder|s3] [--runs 1]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

MONTH_AT = "2026-11-15T10:00+08:00"
PASSWORD = "bench-Pa55word"


@dataclass(frozen=True)
class Setup:
    kind: str  # "team" or "solo"
    folder: str  # the run's scratch folder
    db_url: str = ""  # team: the catalogue (superuser URL; clients sign in as their own login)
    store_url: str = ""
    s3_keys: tuple[str, str] = ("", "")


def make_files(folder: Path, count: int, size_kib: int) -> list[Path]:
    """``count`` distinct files of ``size_kib`` KiB (photo-sized evidence would only measure the disk)."""
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(count):
        path = folder / f"photo-{i:04d}.jpg"
        path.write_bytes(os.urandom(size_kib * 1024))
        files.append(path)
    return files


def _case():  # type: ignore[no-untyped-def]
    from casefile.core.library import case_from_fields

    return case_from_fields(
        {"title": "快递破损：外箱压扁", "complained_at": MONTH_AT, "channel": "phone", "type": "quality"}
    )


def _open(setup: Setup, client: int):  # type: ignore[no-untyped-def]
    from casefile.core.library import Library

    if setup.kind == "solo":
        return Library.open(Path(setup.folder) / "library", f"clerk{client}", hash_sm3=True)
    from casefile.core.team import TeamLibrary
    from casefile.core.workcopy import open_library

    team = TeamLibrary(
        setup.db_url,
        setup.store_url,
        s3_access_key=setup.s3_keys[0],
        s3_secret_key=setup.s3_keys[1],
        workcopy=str(Path(setup.folder) / f"workcopy-{client}"),
        login=f"clerk{client}",
        password=PASSWORD,
    )
    return open_library(team, f"clerk{client}")


def client_main(setup: Setup, client: int, cases: int, files: list[str], barrier, results) -> None:  # type: ignore[no-untyped-def]
    """One clerk: register ``cases`` cases and add ``len(files) // cases`` exhibits to each, one at a time."""
    from casefile.core.evidence import add_files

    timings: list[tuple[str, float]] = []
    library = _open(setup, client)
    try:
        per_case = len(files) // cases
        barrier.wait()
        start = time.perf_counter()
        for c in range(cases):
            t = time.perf_counter()
            number = library.create_case(_case()).number
            timings.append(("register", time.perf_counter() - t))
            for f in files[c * per_case : (c + 1) * per_case]:
                t = time.perf_counter()
                for _ in add_files(library, number, [f]):
                    pass
                timings.append(("add", time.perf_counter() - t))
        results.put((client, time.perf_counter() - start, timings))
    except BaseException as exc:
        results.put((client, -1.0, [("error", 0.0)], repr(exc)))
        raise
    finally:
        library.close()


def run_clients(setup: Setup, clients: int, cases: int, files: list[Path]) -> tuple[float, list[tuple[str, float]]]:
    """Every client at once; the wall time from the barrier to the last client's end, and every timing."""
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(clients + 1)
    results = ctx.Queue()
    shares = [cases // clients + (1 if i < cases % clients else 0) for i in range(clients)]
    per_case = len(files) // cases
    procs, offset = [], 0
    for i, share in enumerate(shares):
        mine = [str(f) for f in files[offset * per_case : (offset + share) * per_case]]
        offset += share
        p = ctx.Process(target=client_main, args=(setup, i, share, mine, barrier, results))
        p.start()
        procs.append(p)
    barrier.wait()  # every client has opened its library: start the clock together
    start = time.perf_counter()
    timings: list[tuple[str, float]] = []
    for _ in procs:
        item = results.get()
        if item[1] < 0:
            raise RuntimeError(f"client {item[0]} failed: {item[3]}")
        timings.extend(item[2])
    wall = time.perf_counter() - start
    for p in procs:
        p.join()
    return wall, timings


# -- the servers ---------------------------------------------------------------------------------


def start_postgres():  # type: ignore[no-untyped-def]
    """A PostgreSQL 15 as tests/pg_server.py starts it, but durable: fsync and synchronous commit on."""
    from tests.pg_server import PG_BIN, require_binaries, start_server

    require_binaries(PG_BIN)
    server = start_server()
    with open(server.data / "postgresql.conf", "a", encoding="utf-8") as conf:
        conf.write("fsync = on\nsynchronous_commit = on\nfull_page_writes = on\n")
    server.stop()
    server.start()
    return server


def team_setup(folder: Path, server, clients: int, store: str) -> tuple[Setup, Callable[[], None]]:  # type: ignore[no-untyped-def]
    from casefile.core.catalogue import Catalogue
    from casefile.core.team import TeamLibrary, team_init

    stop: Callable[[], None] = lambda: None  # noqa: E731
    keys = ("", "")
    if store == "s3":
        from tests import s3_server

        (folder / "s3").mkdir()
        s3 = s3_server.start(folder / "s3")
        store_url = f"s3://bench?endpoint={s3.endpoint}"
        keys = s3_server.CREDENTIALS["admin"]
        stop = lambda: s3_server.stop(s3)  # noqa: E731
    else:
        store_url = f"folder:{folder / 'store'}"
    db_url = server.create_database()
    team = TeamLibrary(db_url, store_url, s3_access_key=keys[0], s3_secret_key=keys[1])  # the administrator's keys
    team_init(team, "管理员")
    with Catalogue.open(db_url) as catalogue:
        for i in range(clients):
            catalogue.add_user(f"clerk{i}", f"店员{i}", password=PASSWORD)
    if store == "s3":
        keys = s3_server.CREDENTIALS["clerk"]  # the clients put and read with a clerk's keys
    return Setup("team", str(folder), db_url, store_url, keys), stop


# -- what was left ---------------------------------------------------------------------------------


def check_team(setup: Setup, cases: int, exhibits: int) -> list[str]:
    from casefile.core.catalogue import Catalogue
    from casefile.core.team import open_store

    problems = []
    store = open_store(setup.store_url, *setup.s3_keys)
    with Catalogue.open(setup.db_url) as catalogue:
        numbers = catalogue.numbers()
        expected = [f"202611-{i:03d}" for i in range(1, cases + 1)]
        if numbers != expected:
            problems.append(f"case numbers are not 001–{cases:03d} without gaps: {numbers[:3]}… ({len(numbers)})")
        count = 0
        for number in numbers:
            chain = catalogue.check_chain(number)
            if not chain.ok:
                problems.append(f"{number}: chain broken: {chain.problems}")
            case = catalogue.load(number).case
            for exhibit in case.exhibits:
                count += 1
                store.verify(exhibit.sha256)  # re-hashed: raises if missing or changed
        if count != exhibits:
            problems.append(f"{count} exhibits in the catalogue, not {exhibits}")
    return problems


def check_solo(setup: Setup, cases: int, exhibits: int) -> list[str]:
    from casefile.core.library import Library
    from casefile.core.verify import CaseReport, verify_case

    problems = []
    with Library.open(Path(setup.folder) / "library", "bench") as library:
        numbers = library.case_numbers()
        if numbers != [f"202611-{i:03d}" for i in range(1, cases + 1)]:
            problems.append(f"case numbers are not 001–{cases:03d} without gaps ({len(numbers)})")
        count = sum(len(library.load_case(n).exhibits) for n in numbers)
        if count != exhibits:
            problems.append(f"{count} exhibits, not {exhibits}")
        for number in numbers:
            for item in verify_case(library, number, record_result=False):
                if isinstance(item, CaseReport) and not item.ok:
                    problems.append(f"{number}: {item.summary()}")
    return problems


# -- the report ---------------------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


@dataclass
class Result:
    wall: float
    timings: list[tuple[str, float]]

    def of(self, kind: str) -> list[float]:
        return [t for k, t in self.timings if k == kind]

    @property
    def throughput(self) -> float:
        return len(self.timings) / self.wall


def report(team: Result, solo: Result) -> None:
    print(f"{'':24}{'team':>12}{'solo':>12}{'team / solo':>14}")
    print(f"{'wall (s)':24}{team.wall:12.1f}{solo.wall:12.1f}{team.wall / solo.wall:14.2f}")
    print(
        f"{'operations / s':24}{team.throughput:12.1f}{solo.throughput:12.1f}{team.throughput / solo.throughput:14.2f}"
    )
    for kind in ("register", "add"):
        for label, q in (("p50", 0.5), ("p95", 0.95), ("max", 1.0)):
            a, b = percentile(team.of(kind), q) * 1000, percentile(solo.of(kind), q) * 1000
            print(f"{kind + ' ' + label + ' (ms)':24}{a:12.0f}{b:12.0f}{a / b:14.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--cases", type=int, default=100)
    parser.add_argument("--exhibits", type=int, default=1000)
    parser.add_argument("--size", type=int, default=64, help="KiB per exhibit")
    parser.add_argument("--store", choices=["folder", "s3"], default="folder")
    parser.add_argument("--runs", type=int, default=1, help="alternated team/solo runs (medians reported)")
    args = parser.parse_args()
    if args.exhibits % args.cases:
        parser.error("--exhibits must be a multiple of --cases")
    print(
        f"{args.clients} clients, {args.cases} cases, {args.exhibits} exhibits of {args.size} KiB, "
        f"store {args.store}; load {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    scratch = Path(tempfile.mkdtemp(prefix="casefile-bench-team-"))
    server = start_postgres()
    try:
        files = make_files(scratch / "files", args.exhibits, args.size)
        teams, solos = [], []
        for run in range(args.runs):
            for kind in ("team", "solo"):
                folder = scratch / f"{kind}-{run}"
                folder.mkdir()
                if kind == "team":
                    setup, stop = team_setup(folder, server, args.clients, args.store)
                else:
                    setup, stop = Setup("solo", str(folder)), (lambda: None)
                try:
                    wall, timings = run_clients(setup, args.clients, args.cases, files)
                    problems = (check_team if kind == "team" else check_solo)(setup, args.cases, args.exhibits)
                finally:
                    stop()
                print(
                    f"run {run + 1} {kind}: {wall:.1f} s; "
                    + (
                        "; ".join(problems)
                        if problems
                        else f"numbers 001–{args.cases:03d} without gaps, every chain intact, "
                        f"{args.exhibits} exhibits re-hashed"
                    ),
                    flush=True,
                )
                if problems:
                    return 1
                (teams if kind == "team" else solos).append(Result(wall, timings))
        mid = lambda rs: sorted(rs, key=lambda r: r.wall)[len(rs) // 2]  # noqa: E731
        report(mid(teams), mid(solos))
    finally:
        server.stop()
        shutil.rmtree(server.folder, ignore_errors=True)
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
