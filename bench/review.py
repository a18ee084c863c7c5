"""The periodic review of a big library: 10,000 cases holding 100,000 timeline events.

Makes (once, cached under bench/.cache/) a library of N cases through the public API — the
realistic disputes of tools/sample_workflow.py (stages, findings, negotiation, proceedings,
outcomes, payments, closings), each with a timeline padded to ten events — then measures:

- the review's queries in one process, as the dashboard runs them (period of three months,
  previous period, each grouping), min / median / max: the figures are SQL over the index;
- ``casefile review … -o report.pdf --xlsx report.xlsx``, the whole command, against
  ``casefile list`` on the same library (opening the library and reading the index), in
  alternated pairs of whole processes (bench/harness.py);
- the clocks ``casefile due`` needs: computed from every case's record (load the records,
  casefile.core.workflow.due.case_clocks on each) against a query of the index's clock rows
  for the clocks still running;
- ``casefile due --days 7 --json``, the whole command, against ``casefile list``, alternated.

    tools/dev bench review [--cases 10000] [--pairs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.harness import CASEFILE, compare, print_rows, run, spread  # noqa: E402
from casefile.core.library import Library, case_from_fields  # noqa: E402
from casefile.core.model import to_data  # noqa: E402
from casefile.core.review.queries import GroupBy, Period, review  # noqa: E402
from casefile.core.workflow.clocks import CST  # noqa: E402
from tools.sample_workflow import Maker  # noqa: E402

CACHE = Path(__file__).resolve().parent / ".cache"
EVENTS = 10  # timeline events per case
PERIOD = Period(date(2026, 9, 1), date(2026, 11, 30))


def make_library(root: Path, count: int) -> None:
    library = Library.open(root, "bench")
    have = len(library.case_numbers())
    maker = Maker(seed=10)
    start = time.perf_counter()
    for i in range(count):
        plan = maker.plan()
        if i < have:
            continue
        fields = dict(plan.fields)
        fields["stage_log"] = fields["stage_log"] + [
            {"stage": stage.value, "at": at.isoformat(), "operator": plan.operator, "note": note}
            for stage, at, note in plan.stages
        ]
        events = [to_data(e) for e in plan.events]
        t0 = datetime.fromisoformat(fields["complained_at"])
        for k in range(len(events), EVENTS):
            events.append({"at": (t0 + timedelta(hours=5 * k + 1)).isoformat(), "kind": "call", "summary": f"回访 {k}"})
        fields["timeline"] = sorted(events, key=lambda e: str(e["at"]))
        library.create_case(case_from_fields(fields))
        if i % 1000 == 999:
            print(f"  {i + 1} cases ({time.perf_counter() - start:.0f} s)", file=sys.stderr)
    library.close()


def timed(work: object, repeat: int) -> list[float]:
    seconds = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()  # type: ignore[operator]
        seconds.append(time.perf_counter() - start)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--pairs", type=int, default=5)
    args = parser.parse_args()
    root = CACHE / f"review-{args.cases}"
    CACHE.mkdir(exist_ok=True)
    make_library(root, args.cases)
    library = Library.open(root, "bench")
    engine = library.index.engine
    numbers = library.case_numbers()
    start = time.perf_counter()
    cases = [library.load_case(n) for n in numbers]
    loaded = time.perf_counter() - start
    events = sum(len(c.timeline) for c in cases)
    print(f"library: {len(cases)} cases, {events} timeline events ({root})")

    print("review queries, one process (min / median / max)")
    for by in (None, *GroupBy):
        seconds = timed(lambda by=by: review(engine, PERIOD, by), args.pairs)
        print(f"  by {by.value if by else '(none)':15} {spread(seconds)} s")

    print("clocks for `due`, in one process")
    now = datetime.now(UTC)
    from casefile.core.workflow.due import running

    start = time.perf_counter()
    found = sum(len(running(c, now)) for c in cases)
    computed = time.perf_counter() - start
    print(f"  from the records: load {loaded:.3f} s + case_clocks {computed:.3f} s ({found} running)")
    from sqlalchemy import func, select

    from casefile.core.index import ReviewClockRow as K

    def due_query() -> int:
        week = now + timedelta(days=7)
        stmt = select(func.count()).where(K.met_at.is_(None), K.stopped_at.is_(None), K.due_at < week)
        with engine.connect() as conn:
            return int(conn.execute(stmt).scalar_one())

    seconds = timed(due_query, args.pairs)
    print(f"  from the index's clock rows (due within 7 days or overdue): {spread(seconds)} s ({due_query()} clocks)")
    library.close()

    out = CACHE / "review-report"
    out.mkdir(exist_ok=True)
    command = [
        *CASEFILE,
        "--library",
        str(root),
        "review",
        "--from",
        str(PERIOD.first),
        "--to",
        str(PERIOD.last),
        "--by",
        "type",
        "-o",
        str(out / "report.pdf"),
        "--xlsx",
        str(out / "report.xlsx"),
    ]
    listing = [*CASEFILE, "--library", str(root), "list"]
    due = [*CASEFILE, "--library", str(root), "due", "--days", "7", "--json"]
    rows = [
        compare(
            f"casefile review (PDF + xlsx) vs casefile list, {args.cases} cases",
            lambda _i: run(command),
            lambda _i: run(listing),
            pairs=args.pairs,
        ),
        compare(
            f"casefile due --days 7 vs casefile list, {args.cases} cases",
            lambda _i: run(due),
            lambda _i: run(listing),
            pairs=args.pairs,
        ),
    ]
    print_rows(rows, goal="the review under 2 s; due under 0.5 s")
    for row, name, limit in ((rows[0], "casefile review", 2.0), (rows[1], "casefile due", 0.5)):
        walls = [r.wall for r in row.ours]
        verdict = "under" if max(walls) < limit else "OVER"
        print(f"{name}: median {statistics.median(walls):.3f} s ({verdict} {limit:g} s)")
    print(f"(as of {datetime.now(CST):%Y-%m-%d %H:%M})")


if __name__ == "__main__":
    main()
