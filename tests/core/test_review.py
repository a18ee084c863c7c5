"""The periodic review's figures, queried from the index, on a small library whose answers are worked
out by hand (the dates below: November 2026, China Standard Time; the previous period is 2 to 31 October)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from review_library import AS_OF, NOVEMBER, make_review_library

from casefile.core.library import Library
from casefile.core.model import Channel, Stage
from casefile.core.review.queries import GroupBy, Period, review


@pytest.fixture
def cases(library: Library, tmp_path: Path) -> dict[str, str]:
    return make_review_library(library, tmp_path)


def test_the_figures_of_a_period(library: Library, cases: dict[str, str]) -> None:
    r = review(library.index.engine, NOVEMBER, as_of=AS_OF)
    t = r.total
    assert (t.received, t.closed, t.resolved, t.partly) == (4, 4, 3, 1)  # A B C E in; A B C D closed
    assert t.satisfaction == pytest.approx(4.0)  # 5, 3, 4 (D stated none)
    # days to resolution: A 3, B 10, C 13, D 19; working days: A 3, B 6, C 9, D 13
    assert (t.days_median, t.days_p90) == (pytest.approx(11.5), pytest.approx(19.0))
    assert (t.working_median, t.working_p90) == (7.5, 13)
    # promises due in November: A met, B late, C missed, E met (D's fell due in October)
    assert (t.promises, t.promises_met) == (4, 2)
    # duties: the regulator's acceptance of C (in 2 working days), the courier's reply to B (in 3 days)
    assert (t.duties, t.duties_met) == (2, 2)
    assert t.funnel == {"negotiation": 2, "mediation": 1, "agency": 1, "litigation": 0, "execution": 2}
    assert (t.mediation_decided, t.mediation_agreed) == (1, 1)
    assert (t.outcome_fen, t.paid_fen, t.recovered_fen) == (10000, 10000, 5000)
    assert (t.courier_claims, t.courier_recovered, t.courier_recovered_fen) == (1, 1, 5000)
    # evidence expected of the closed cases: quality 3, logistics 3, quality 3, service 2; A has a photo and a receipt
    assert (t.evidence_expected, t.evidence_present) == (11, 2)
    assert (r.repeat_complainants, r.repeat_complainant_cases) == (1, 2)
    assert r.repeat_respondents == [("甲店", 2)]
    assert r.intake[GroupBy.CHANNEL] == [("phone", 2), ("online", 1), ("store", 1)]
    assert r.intake[GroupBy.RESPONSIBILITY] == [("undetermined", 3), ("courier", 1)]


def test_the_previous_period_of_equal_length(library: Library, cases: dict[str, str]) -> None:
    assert NOVEMBER.previous() == Period(date(2026, 10, 2), date(2026, 10, 31))
    p = review(library.index.engine, NOVEMBER, as_of=AS_OF).previous
    assert (p.received, p.closed, p.promises, p.promises_met) == (1, 0, 1, 1)  # D
    assert p.days_median is None


def test_grouped_by_type(library: Library, cases: dict[str, str]) -> None:
    groups = dict(review(library.index.engine, NOVEMBER, GroupBy.TYPE, as_of=AS_OF).groups)
    assert list(groups) == ["quality", "logistics", "service"]
    quality, service = groups["quality"], groups["service"]
    assert (quality.received, quality.closed, quality.days_median, quality.days_p90) == (2, 2, 8.0, 13.0)
    assert (quality.promises, quality.promises_met) == (2, 1)
    assert (service.received, service.closed, service.working_median) == (1, 1, 13)  # E in, D closed


def test_a_change_to_a_case_updates_its_review_rows(library: Library, cases: dict[str, str]) -> None:
    """The edit path rewrites the changed case's rows, without a rebuild of the index."""
    with library.edit(cases["E"]) as writer:
        changed = writer.case
        changed = type(changed)(**{**changed.__dict__, "channel": Channel.EMAIL})
        writer.update(changed)
    r = review(library.index.engine, NOVEMBER, as_of=AS_OF)
    assert ("email", 1) in r.intake[GroupBy.CHANNEL]
    assert ("store", 1) not in r.intake[GroupBy.CHANNEL]  # D is October's


def test_courier_claims_and_the_money_recovered_are_counted_over_the_same_cases(
    library: Library, cases: dict[str, str]
) -> None:
    """Money recovered from a courier is counted with a claim (it is never recovered without one), and a claim
    lodged that recovered nothing is a claim without money: 2 cases claimed, 1 of them recovered ¥50 (B),
    then 3 claimed, 2 recovered ¥80 (F: paid without a complaint event), never "0 claims, ¥30 recovered"."""
    from casefile_testing import make_case

    make_case(
        library,
        title="G",
        complained_at="2026-11-21T10:00:00+08:00",
        type="logistics",
        timeline=[{"at": "2026-11-22T10:00:00+08:00", "kind": "complaint", "party": "courier", "summary": "索赔"}],
    )
    t = review(library.index.engine, NOVEMBER, as_of=AS_OF).total
    assert (t.courier_claims, t.courier_recovered, t.courier_recovered_fen) == (2, 1, 5000)
    make_case(
        library,
        title="F",
        complained_at="2026-11-23T10:00:00+08:00",
        type="logistics",
        responsible_party="courier",
        workflow={
            "payments": [{"at": "2026-11-24T10:00:00+08:00", "amount": "30.00", "payer": "courier", "recovered": True}]
        },
    )
    t = review(library.index.engine, NOVEMBER, as_of=AS_OF).total
    assert (t.courier_claims, t.courier_recovered, t.courier_recovered_fen) == (3, 2, 8000)


def test_a_period_that_ends_before_it_starts_is_refused() -> None:
    from casefile.core.errors import InvalidValueError

    with pytest.raises(InvalidValueError):
        Period(date(2026, 11, 30), date(2026, 11, 1))


def test_the_report_writes_changes_with_their_sign() -> None:
    from casefile.core.review.report import V

    assert V("money", -6151295, change=True).text() == "-¥61,512.95"
    assert V("money", 5000, change=True).text() == "+¥50.00"
    assert V("share", -0.018, change=True).text() == "-1.8个百分点"
    assert V("share", None).text() == "—"


def test_a_change_is_the_difference_of_the_figures_as_printed() -> None:
    from casefile.core.review.queries import Figures, Review
    from casefile.core.review.report import tables

    now, before = (
        Figures(days_median=11.55, promises_met=2, promises=3),
        Figures(days_median=11.44, promises_met=1, promises=3),
    )
    r = Review(NOVEMBER, None, AS_OF, now, before, [], {g: [] for g in GroupBy}, {g: [] for g in GroupBy}, 0, 0, [])
    overview = {row[0]: [c.text() if hasattr(c, "text") else c for c in row[1:]] for row in tables(r)[0].rows}
    assert overview["处理时长中位数（自然日）"] == ["11.6", "11.4", "+0.2"]
    assert overview["响应承诺达成率"] == ["66.7%", "33.3%", "+33.4个百分点"]


def test_a_change_rewrites_the_review_rows_of_that_case_only(library: Library, cases: dict[str, str]) -> None:
    from sqlalchemy import select, update

    from casefile.core.index import ReviewCaseRow

    engine = library.index.engine
    with engine.begin() as conn:  # mark another case's row: a rewrite of it would put the record's value back
        conn.execute(update(ReviewCaseRow).where(ReviewCaseRow.case_number == cases["A"]).values(operator="标记"))
    with library.edit(cases["E"]) as writer:
        writer.set_stage(Stage.VERIFICATION, "核实")
    with engine.connect() as conn:
        operators = dict(conn.execute(select(ReviewCaseRow.case_number, ReviewCaseRow.operator)).all())
    assert operators[cases["A"]] == "标记"
    assert operators[cases["E"]] == "测试员"
    library.reindex()
    with engine.connect() as conn:
        rows = conn.execute(select(ReviewCaseRow.operator).where(ReviewCaseRow.case_number == cases["A"])).scalar_one()
    assert rows == "测试员"  # the index is derived data: a rebuild brings the record's value back


def test_a_proceeding_withdrawn_before_the_body_acted_is_not_a_missed_limit(
    library: Library, cases: dict[str, str]
) -> None:
    """A 12315 complaint withdrawn before acceptance no longer owes the regulator's acceptance: neither met nor
    missed, and off the due list."""
    from datetime import datetime

    from casefile.core.workflow import handling
    from casefile.core.workflow.clocks import CST
    from casefile.core.workflow.records import Proceeding, ProceedingResult, Venue

    with library.edit(cases["E"]) as writer:
        handling.open_proceeding(
            writer, Proceeding(Venue.REGULATOR, ref="12315-999", filed_at=datetime(2026, 11, 21, 10, tzinfo=CST))
        )
    autumn = Period(date(2026, 11, 1), date(2026, 12, 14))
    before = review(library.index.engine, autumn, as_of=AS_OF).total
    assert (before.duties, before.duties_met) == (3, 2)  # due 2026-12-01 24:00: missed
    with library.edit(cases["E"]) as writer:
        handling.update_proceeding(
            writer, 1, result=ProceedingResult.WITHDRAWN, ended_at=datetime(2026, 11, 23, 10, tzinfo=CST)
        )
    after = review(library.index.engine, autumn, as_of=AS_OF).total
    assert (after.duties, after.duties_met) == (2, 2)
    assert not [r for r in library.index.agenda(until=AS_OF, now=AS_OF) if r.key == "regulator.acceptance"]


def test_a_claim_our_side_makes_is_not_counted_in_the_response_promise(library: Library, cases: dict[str, str]) -> None:
    """A merchant's own claim against its courier (our side the complainant) carries no promise of the merchant's:
    never answered, it is not a missed promise in 响应承诺达成率; its courier's reply is a duty as ever."""
    from casefile_testing import make_case

    make_case(
        library,
        title="F",
        complained_at="2026-11-10T10:00:00+08:00",
        channel="online",
        type="logistics",
        our_side="complainant",
        complainant={"kind": "organisation", "name": "甲店"},
        respondent={"kind": "organisation", "name": "某某快运"},
    )
    t = review(library.index.engine, NOVEMBER, as_of=AS_OF).total
    assert (t.received, t.promises, t.promises_met) == (5, 4, 2)
