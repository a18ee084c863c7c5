"""The periodic review's figures, queried from the index, on a small library whose answers are worked
out by hand (the dates below: November 2026, China Standard Time; the previous period is 2 to 31 October)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from casefile_testing import make_case

from casefile.core.evidence import AddOptions, add_files
from casefile.core.library import Library
from casefile.core.model import Channel, EvidenceKind
from casefile.core.review.queries import GroupBy, Period, review

NOVEMBER = Period(date(2026, 11, 1), date(2026, 11, 30))
AS_OF = datetime(2026, 12, 15, tzinfo=UTC)


def stages(*entries: tuple[str, str]) -> list[dict[str, str]]:
    return [{"stage": s, "at": at, "operator": "测试员"} for s, at in entries]


@pytest.fixture
def cases(library: Library, tmp_path: Path) -> dict[str, str]:
    a = make_case(
        library,
        title="A",
        complained_at="2026-11-02T09:00:00+08:00",
        channel="phone",
        type="quality",
        first_response_at="2026-11-02T10:00:00+08:00",  # the 48 h promise met
        respondent={"kind": "organisation", "name": "甲店"},
        complainant={"name": "张三", "phone": "13800000001"},
        stage_log=stages(("registration", "2026-11-02T09:00:00+08:00"), ("negotiation", "2026-11-03T09:00:00+08:00")),
        workflow={
            "outcome": {"kind": "agreement", "at": "2026-11-04T09:00:00+08:00", "amount": "100.00"},
            "payments": [{"at": "2026-11-04T15:00:00+08:00", "amount": "100.00", "payer": "respondent"}],
            "closings": [{"at": "2026-11-05T09:00:00+08:00", "result": "resolved", "satisfaction": 5}],
        },
    )
    b = make_case(
        library,
        title="B",
        complained_at="2026-11-06T10:00:00+08:00",
        channel="online",
        type="logistics",
        priority="urgent",
        first_response_at="2026-11-06T13:00:00+08:00",  # the 2 h promise missed by an hour
        respondent={"kind": "organisation", "name": "甲店"},
        complainant={"name": "张三", "phone": "13800000001"},  # a repeat complainant
        stage_log=stages(
            ("registration", "2026-11-06T10:00:00+08:00"),
            ("negotiation", "2026-11-06T15:00:00+08:00"),
            ("mediation", "2026-11-09T10:00:00+08:00"),
        ),
        timeline=[
            {"at": "2026-11-07T10:00:00+08:00", "kind": "complaint", "party": "courier", "summary": "向快递公司索赔"},
            {"at": "2026-11-10T10:00:00+08:00", "kind": "call", "party": "courier", "summary": "快递公司答复"},
        ],
        workflow={
            "findings": [{"party": "courier", "at": "2026-11-08T10:00:00+08:00", "reasons": "运输途中破损"}],
            "payments": [{"at": "2026-11-12T10:00:00+08:00", "amount": "50.00", "payer": "courier", "recovered": True}],
            "closings": [{"at": "2026-11-16T10:00:00+08:00", "result": "partly", "satisfaction": 3}],
        },
    )
    c = make_case(
        library,
        title="C",
        complained_at="2026-11-10T10:00:00+08:00",
        channel="phone",
        type="quality",  # no first response on record: the promise (due 12 November) was missed
        respondent={"kind": "organisation", "name": "乙店"},
        complainant={"name": "李四", "phone": "13900000002"},
        workflow={
            "proceedings": [
                {
                    "venue": "regulator",
                    "ref": "1231520261111001",
                    "filed_at": "2026-11-11T10:00:00+08:00",
                    "accepted_at": "2026-11-13T10:00:00+08:00",  # within 7 working days
                    "result": "agreement",
                    "decided_at": "2026-11-20T10:00:00+08:00",
                }
            ],
            "closings": [{"at": "2026-11-23T10:00:00+08:00", "result": "resolved", "satisfaction": 4}],
        },
    )
    d = make_case(
        library,
        title="D",
        complained_at="2026-10-15T10:00:00+08:00",  # received in the previous period, closed in this one
        channel="store",
        type="service",
        first_response_at="2026-10-15T11:00:00+08:00",
        respondent={"kind": "organisation", "name": "乙店"},
        complainant={"name": "王五", "phone": "13700000003"},
        workflow={"closings": [{"at": "2026-11-03T10:00:00+08:00", "result": "resolved"}]},
    )
    e = make_case(
        library,
        title="E",
        complained_at="2026-11-20T10:00:00+08:00",
        channel="store",
        type="service",
        priority="important",
        first_response_at="2026-11-20T12:00:00+08:00",
        respondent={"kind": "organisation", "name": "丙店"},
        complainant={"name": "赵六", "phone": "13600000004"},
    )
    photo, receipt = tmp_path / "photo.jpg", tmp_path / "receipt.txt"
    photo.write_bytes(b"\xff\xd8\xff\xe0 not much of a photo")
    receipt.write_text("发票 100.00", "utf-8")
    list(add_files(library, a.number, [photo], AddOptions(kind=EvidenceKind.PHOTO)))
    list(add_files(library, a.number, [receipt], AddOptions(kind=EvidenceKind.RECEIPT)))
    return {"A": a.number, "B": b.number, "C": c.number, "D": d.number, "E": e.number}


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
    assert (t.courier_claims, t.courier_recovered_fen) == (1, 5000)
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


def test_a_period_that_ends_before_it_starts_is_refused() -> None:
    from casefile.core.errors import InvalidValueError

    with pytest.raises(InvalidValueError):
        Period(date(2026, 11, 30), date(2026, 11, 1))
