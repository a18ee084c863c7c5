"""The team catalogue's clocks, review facts and search texts, on SQLite and a real PostgreSQL 15.

The rows follow every write to a case (register, update, append, a case pushed in) and equal the
solo index's for the same record; search finds what the solo search finds (CJK bigrams and single
characters, a phone's last four digits, a waybill number) with its filters; the agenda and the
review answer as the solo index does; and an upgrade of a catalogue that holds cases fills them.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import select
from sqlalchemy.orm import Session

from casefile.core import record
from casefile.core.catalogue import MIGRATIONS, Catalogue, connect, migrate, tables
from casefile.core.catalogue.models import CaseClockRow, CaseFactsRow
from casefile.core.errors import InvalidValueError
from casefile.core.evidence import add_files
from casefile.core.index import Index, ReviewCaseRow, ReviewClockRow
from casefile.core.library import Library, case_from_fields
from casefile.core.model import Case, Stage, case_to_data
from casefile.core.review.queries import Period, review
from casefile.core.search.tokenize import pg_tsquery, pg_tsvector
from casefile.core.team import TeamLibrary, team_init, team_push

PHONE = "13812345678"
WAYBILL = "SF1234567890123"


def new_case(**fields: Any) -> Case:
    data = {
        "title": "退款未到账",
        "complained_at": "2026-11-20T10:30:00+08:00",
        "channel": "store",
        "type": "quality",
        **fields,
    }
    return case_from_fields(data)


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'catalogue.sqlite'}"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def catalogue(url: str) -> Any:
    migrate(url)
    with Catalogue.open(url) as cat:
        yield cat


def _rows(session: Session, model: Any, where: Any, order: Any, skip: str) -> list[dict[str, Any]]:
    columns = [c for c in model.__table__.columns if c.name != skip]
    return [dict(row._mapping) for row in session.execute(select(*columns).where(where).order_by(order))]


def solo_rows(case: Case) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The review's facts and clocks the solo index keeps for ``case``."""
    index = Index(None)
    try:
        index.replace([case], remove_others=True)
        with Session(index.engine) as session:
            facts = _rows(
                session, ReviewCaseRow, ReviewCaseRow.case_number == case.number, ReviewCaseRow.case_number, ""
            )
            clocks = _rows(session, ReviewClockRow, ReviewClockRow.case_number == case.number, ReviewClockRow.seq, "")
        return facts, clocks
    finally:
        index.close()


def team_rows(catalogue: Catalogue, number: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    with Session(catalogue.engine) as session:
        facts = _rows(session, CaseFactsRow, CaseFactsRow.case_number == number, CaseFactsRow.case_id, "case_id")
        clocks = _rows(session, CaseClockRow, CaseClockRow.case_number == number, CaseClockRow.seq, "case_id")
    return facts, clocks


def assert_as_solo(catalogue: Catalogue, number: str) -> list[dict[str, Any]]:
    case = catalogue.load(number).case
    facts, clocks = team_rows(catalogue, number)
    assert (facts, clocks) == solo_rows(case)
    return clocks


def test_register_update_and_append_keep_the_clocks_as_the_solo_index_has_them(catalogue: Catalogue) -> None:
    number = catalogue.register(new_case(channel="online"), "张敏").number
    clocks = assert_as_solo(catalogue, number)
    assert [c["key"] for c in clocks][-1] == "civil.limitation" and len(clocks) == 2

    opened = catalogue.load(number)
    transaction = {**case_to_data(opened.case)["transaction"], "received_at": "2026-11-18T15:00:00+08:00"}
    catalogue.update(opened, [(record.UPDATE, {"fields": {"transaction": transaction}})], "张敏")
    clocks = assert_as_solo(catalogue, number)
    assert "consumer.no-reason-return" in [c["key"] for c in clocks]
    assert all(c["met_at"] is None for c in clocks)

    catalogue.append(number, [(record.STAGE, {"stage": Stage.VERIFICATION.value})], "李律师")
    clocks = assert_as_solo(catalogue, number)
    assert [c["met_at"] is not None for c in clocks if c["kind"] == "promise"] == [True]  # answered


@pytest.fixture
def searched(catalogue: Catalogue) -> tuple[Catalogue, list[str]]:
    """Three cases: a refund with a phone and a waybill, a return, and one of December."""
    first = catalogue.register(
        new_case(
            complainant={"kind": "person", "name": "王芳", "phone": PHONE},
            shipment={"waybill_no": WAYBILL, "carrier": "顺丰"},
            facts="顾客申请退款后七天仍未到账。",
        ),
        "张敏",
    ).number
    second = catalogue.register(new_case(title="要求退", facts="商家同意退款。"), "张敏").number
    third = catalogue.register(
        new_case(title="屏幕碎裂", facts="收货时屏幕碎裂，要求退款。", complained_at="2026-12-03T09:00:00+08:00"),
        "张敏",
    ).number
    return catalogue, [first, second, third]


def found(catalogue: Catalogue, query: str, **filters: Any) -> list[tuple[str, str]]:
    return sorted((h.case_number, h.field) for h in catalogue.search(query, **filters).hits)


def test_search_finds_bigrams_single_characters_phones_and_waybills(searched: tuple[Catalogue, list[str]]) -> None:
    catalogue, (first, second, third) = searched
    assert found(catalogue, "退款") == [(first, "facts"), (first, "title"), (second, "facts"), (third, "facts")]
    # One character: 退款 and a 退 at the end of a run (要求退).
    assert found(catalogue, "退", case=second) == [(second, "facts"), (second, "title")]
    assert found(catalogue, "申请退款") == [(first, "facts")]  # the bigrams one after another
    assert found(catalogue, "退款申请") == []
    assert found(catalogue, "5678") == [(first, "complainant")]  # a phone's last four digits
    assert found(catalogue, PHONE) == [(first, "complainant")]
    assert found(catalogue, WAYBILL.lower()) == [(first, "waybill")]
    assert found(catalogue, "SF12345") == [(first, "waybill")]  # a number's beginning
    assert found(catalogue, "顺丰 5678") == []  # every part must be found in one text
    assert found(catalogue, "，。") == []

    result = catalogue.search("退款", case=first, kind="case-field")
    assert result.total == 2
    title = next(h for h in result.hits if h.field == "title")
    assert (title.marked(), title.exhibit, title.page) == (f"{first} 【退款】未到账", None, None)
    assert title.evidence_time == datetime(2026, 11, 20, 2, 30, tzinfo=UTC)
    assert [h.score for h in result.hits] == sorted(h.score for h in result.hits)  # best (lowest) first

    assert found(catalogue, "退款", kind="chat") == []
    assert found(catalogue, "退款", since=date(2026, 12, 1)) == [(third, "facts")]
    assert found(catalogue, "退款", until=date(2026, 11, 30), numbers=[second, third]) == [(second, "facts")]
    assert found(catalogue, "退款", since=date(2026, 11, 20), until=date(2026, 11, 20), case=third) == []
    assert catalogue.search("退款", numbers=[]).total == 0
    page = catalogue.search("退款", limit=2, offset=3)
    assert (page.total, len(page.hits)) == (4, 1)


def test_a_changed_field_is_found_by_its_new_text_only(searched: tuple[Catalogue, list[str]]) -> None:
    catalogue, (first, _second, _third) = searched
    opened = catalogue.load(first)
    shipment = {**case_to_data(opened.case)["shipment"], "waybill_no": "YT9876543210"}
    catalogue.update(opened, [(record.UPDATE, {"fields": {"title": "换货纠纷", "shipment": shipment}})], "张敏")
    assert found(catalogue, "换货") == [(first, "title")]
    assert found(catalogue, "未到账") == [(first, "facts")]  # the title no longer says it
    assert found(catalogue, WAYBILL) == []
    assert found(catalogue, "3210") == [(first, "waybill")]
    catalogue.append(first, [(record.STAGE, {"stage": Stage.NEGOTIATION.value, "note": "约定周五前退货"})], "李律师")
    assert found(catalogue, "退货") == [(first, "notes")]


def test_a_pushed_case_is_searchable_and_its_exhibits_texts_are_found_once(
    url: str, tmp_path: Path, files: Path
) -> None:
    root = tmp_path / "solo"
    with Library.open(root, "张三") as library:
        number = library.create_case(new_case(title="屏幕碎裂")).number
        list(add_files(library, number, [files / "chat.txt", files / "破损照片.jpg"]))
        exhibits = {e.original_name: e for e in library.load_case(number).exhibits}
    team = TeamLibrary(url, f"folder:{tmp_path / 'store'}")
    team_init(team)
    assert team_push(team, root, "李四").pushed == [number]
    with Catalogue.open(url) as catalogue:
        assert found(catalogue, "屏幕") == [(number, "title")]  # written with the pushed case
        assert_as_solo(catalogue, number)

        chat = exhibits["chat.txt"]
        text = (files / "chat.txt").read_text("utf-8")
        assert catalogue.index_exhibit_texts(number, chat.number, chat.sha256, "chat", [(None, text)]) == 1
        hits = catalogue.search("屏幕碎了", kind="chat").hits
        assert [(h.exhibit, h.field, h.marked()) for h in hits] == [
            (chat.number, "chat.txt", "2024-05-10 14:30:12 客服: 您好 2024-05-10 14:31:00 我: 【屏幕碎了】")
        ]
        # A long text (OCR of a picture, here) is kept in parts, and found once, in the part that has it.
        photo = exhibits["破损照片.jpg"]
        long = "包装完好" * 3000 + "申请退款" + "外箱无损" * 3000
        assert catalogue.index_exhibit_texts(number, photo.number, photo.sha256, "ocr", [(None, long)]) == 1
        result = catalogue.search("申请退款")
        assert result.total == 1
        assert [(h.exhibit, h.kind, "包装完好【申请退款】外箱无损" in h.marked()) for h in result.hits] == [
            (photo.number, "ocr", True)
        ]
        # Indexed again, a text replaces the one before; another file's texts are refused.
        catalogue.index_exhibit_texts(number, photo.number, photo.sha256, "ocr", [(None, "没有文字")])
        assert catalogue.search("申请退款").total == 0
        with pytest.raises(InvalidValueError, match="another file"):
            catalogue.index_exhibit_texts(number, chat.number, photo.sha256, "chat", [(None, text)])
        # An exhibit given another time: its texts are found on that day.
        moved = {"captured_at": "2025-03-01T10:00:00+08:00", "captured_at_source": "user"}
        catalogue.append(number, [(record.EXHIBIT_UPDATE, {"exhibit": chat.number, "fields": moved})], "李四")
        assert found(catalogue, "屏幕碎了", since=date(2025, 3, 1), until=date(2025, 3, 1)) == [(number, "chat.txt")]
        assert catalogue.search("屏幕碎了").hits[0].evidence_time == datetime(2025, 3, 1, 2, tzinfo=UTC)
        # A withdrawn exhibit's texts are no longer found.
        catalogue.append(
            number, [(record.WITHDRAW, {"exhibit": chat.number, "reason": "重复", "sha256": chat.sha256})], "李四"
        )
        assert catalogue.search("屏幕碎了").total == 0


def test_the_agenda_and_the_review_answer_as_the_solo_index(catalogue: Catalogue) -> None:
    numbers = [
        catalogue.register(new_case(priority=priority, complained_at=at), "张敏").number
        for priority, at in (
            ("urgent", "2026-11-20T10:30:00+08:00"),
            ("normal", "2026-11-21T09:00:00+08:00"),
            ("important", "2026-11-23T16:00:00+08:00"),
        )
    ]
    opened = catalogue.load(numbers[1])
    transaction = {**case_to_data(opened.case)["transaction"], "received_at": "2026-11-19T15:00:00+08:00"}
    catalogue.update(opened, [(record.UPDATE, {"fields": {"transaction": transaction}})], "张敏")
    catalogue.append(numbers[0], [(record.STAGE, {"stage": Stage.VERIFICATION.value})], "张敏")
    catalogue.append(
        numbers[2],
        [(record.CLOSE, {"closing": {"at": "2026-11-25T10:00:00+08:00", "result": "resolved", "satisfaction": 5}})],
        "张敏",
    )
    cases = [catalogue.load(n).case for n in numbers]
    index = Index(None)
    try:
        index.replace(cases, remove_others=True)
        now = datetime(2026, 11, 22, 12, tzinfo=UTC)
        for until in (now, now + timedelta(days=7), now + timedelta(days=4000)):
            agenda = catalogue.agenda(until=until, now=now)
            assert agenda == index.agenda(until=until, now=now)
        assert {a.number for a in agenda} == set(numbers[:2])  # the closed case's clocks stopped
        assert catalogue.agenda(until=until, now=now, numbers=[numbers[1]]) == [
            a for a in agenda if a.number == numbers[1]
        ]
        assert catalogue.next_deadlines(now) == index.next_deadlines(now)
        # A case a member found damaged stays on the agenda, marked with why, as in a solo index.
        assert catalogue.set_damaged(numbers[1], "custody log entry 2 was altered", "张敏")
        assert not catalogue.set_damaged(numbers[1], "custody log entry 2 was altered", "张敏")  # said already
        index.set_damaged(numbers[1], "custody log entry 2 was altered")
        assert catalogue.agenda(until=until, now=now) == index.agenda(until=until, now=now)
        assert {a.damaged for a in catalogue.agenda(until=until, now=now) if a.number == numbers[1]} == {
            "custody log entry 2 was altered"
        }
        assert catalogue.next_deadlines(now) == index.next_deadlines(now)
        assert catalogue.load(numbers[1]).version == opened.version + 1  # the record's version is not touched
        # A verification that finds it whole takes the note away (and says so in the audit).
        catalogue.append(numbers[1], [(record.VERIFY, {"result": "ok"})], "张敏")
        assert catalogue.damaged() == []
        assert [a.action for a in catalogue.audit_log(numbers[1])] == ["damage-cleared"]
        index.set_damaged(numbers[1], "")
        assert catalogue.agenda(until=until, now=now) == index.agenda(until=until, now=now)
        period = Period(date(2026, 11, 1), date(2026, 12, 31))
        as_of = datetime(2027, 1, 5, tzinfo=UTC)
        team = catalogue.review(period, as_of=as_of)
        assert team == review(index.engine, period, as_of=as_of)
        assert (team.total.received, team.total.closed) == (3, 1)
    finally:
        index.close()


def test_an_upgrade_fills_the_tables_from_the_cases_stored(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = connect(url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0002")  # the revision before the tables
    with monkeypatch.context() as patch:  # the cases of a catalogue made before its tables
        patch.setattr(tables, "write_case_tables", lambda *_: None)
        patch.setattr(Catalogue, "next_serial", lambda *_: 1)  # 0006's function is not there yet
        with Catalogue(engine) as catalogue:
            number = catalogue.register(
                new_case(complainant={"kind": "person", "name": "王芳", "phone": PHONE}), "张敏"
            ).number
            catalogue.append(number, [(record.STAGE, {"stage": Stage.VERIFICATION.value})], "张敏")
    migrate(url)
    with Catalogue.open(url) as catalogue:
        assert len(assert_as_solo(catalogue, number)) == 2
        assert found(catalogue, "5678") == [(number, "complainant")]
        assert found(catalogue, "退款") == [(number, "title")]


def test_the_upgrade_to_0008_counts_the_limitation_period_from_the_purchase(url: str) -> None:
    """A catalogue whose rows counted the three years from the complaint (before 0008) has them written again
    from the earliest day the record holds — here the purchase, as the packets print it."""
    migrate(url)
    with Catalogue.open(url) as catalogue:
        number = catalogue.register(new_case(transaction={"purchased_at": "2024-02-07T10:00:00+08:00"}), "张敏").number
        with Session(catalogue.engine) as session:  # as the old rule wrote it: from the complaint
            row = session.scalars(
                select(CaseClockRow).where(CaseClockRow.case_number == number, CaseClockRow.key == "civil.limitation")
            ).one()
            row.started_at = datetime(2026, 11, 20, 2, 30, tzinfo=UTC)
            row.last_day = "2029-11-20"
            session.commit()
    engine = connect(url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.stamp(config, "0007")
    engine.dispose()
    migrate(url)
    with Catalogue.open(url) as catalogue:
        clocks = assert_as_solo(catalogue, number)
        limitation = next(c for c in clocks if c["key"] == "civil.limitation")
        assert limitation["last_day"] == "2027-02-11" and limitation["act_by_at"] == datetime(
            2027, 2, 7, 16, 0, tzinfo=UTC
        )


def test_tokens_reach_postgresql_as_they_are() -> None:
    assert pg_tsvector("申请 请退 退款 款 sf1234 1234") == "'申请':1 '请退':2 '退款':3 '款':4 'sf1234':5 '1234':6"
    assert pg_tsvector("退款 退款 x") == "'退款':1,2 'x':3"
    assert pg_tsquery("申请退款") == "('申请' <-> '请退' <-> '退款')"
    assert pg_tsquery("退 ＳＦ12 张三") == "'退':* & 'sf12':* & ('张三')"
    assert pg_tsquery("，。") == ""
    assert tables.parts("") == [] and tables.parts("短") == ["短"]
    pieces = tables.parts(("一行字\n" * 5000), size=8000)
    assert "".join(pieces) == "一行字\n" * 5000 and all(len(p) <= 8000 and p.endswith("\n") for p in pieces)
    assert tables.parts("x" * 20000, size=8000) == ["x" * 8000, "x" * 8000, "x" * 4000]
