"""A small library whose periodic review is known: five cases received or closed in November 2026
(imported by the core, command-line and dashboard tests of the review)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from casefile_testing import make_case

from casefile.core.evidence import AddOptions, add_files
from casefile.core.library import Library
from casefile.core.model import EvidenceKind
from casefile.core.review.queries import Period

NOVEMBER = Period(date(2026, 11, 1), date(2026, 11, 30))
AS_OF = datetime(2026, 12, 15, tzinfo=UTC)


def stages(*entries: tuple[str, str]) -> list[dict[str, str]]:
    return [{"stage": s, "at": at, "operator": "测试员"} for s, at in entries]


def make_review_library(library: Library, tmp_path: Path) -> dict[str, str]:
    """Five cases whose review figures tests/core/test_review.py works out by hand; their numbers by letter."""
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
