"""The team catalogue on both engines: SQLite and a real PostgreSQL 15 (tests/pg_server.py).

Migrations from an empty database, case numbers, versions and conflicts, the custody log in
CaseFile's own format (written out, it checks as a case folder's does, with or without CaseFile),
people and access, and the audit.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from casefile.core import record
from casefile.core.catalogue import Base, Catalogue, connect, migrate
from casefile.core.catalogue.tables import in_models, on_dialect
from casefile.core.custody import GENESIS, CustodyLog
from casefile.core.errors import ConflictError, InvalidValueError, NotFoundError
from casefile.core.library import case_from_fields
from casefile.core.model import Case, Stage, case_to_data
from casefile.core.record import fold
from casefile.core.validate import TITLE_LIMIT

TABLES = {
    "alembic_version",
    "audit",
    "case_access",
    "case_damage",
    "case_numbers",
    "case_retention",
    "cases",
    "custody_entries",
    "organisations",
    "review_cases",
    "review_clocks",
    "search_docs",
    "team_members",
    "team_settings",
    "teams",
    "users",
}


def new_case(**fields: Any) -> Case:
    data = {
        "title": "手机屏幕碎裂",
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
        cat.add_first_administrator("管理员")  # who set the catalogue up (SQLite: this OS account)
        yield cat


def test_migrations_create_the_models_tables_from_an_empty_database(url: str) -> None:
    engine = connect(url)
    try:
        assert not inspect(engine).get_table_names()
        migrate(url)
        migrate(url)  # at the newest schema already: nothing to do
        assert {t for t in inspect(engine).get_table_names() if in_models(t, "table", None)} == TABLES
        with engine.connect() as connection:
            assert connection.scalar(text("SELECT version_num FROM alembic_version")) == "0014"
            # The migrations build exactly what the models describe (columns, types, keys, indexes).
            context = MigrationContext.configure(
                connection, opts={"include_name": in_models, "include_object": on_dialect(engine.dialect.name)}
            )
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()


def test_cases_are_numbered_per_month_from_001(catalogue: Catalogue) -> None:
    numbers = [
        catalogue.register(new_case(complained_at=at), "张敏").number
        for at in ("2026-11-20T10:30:00+08:00", "2026-11-21T09:00:00+08:00", "2026-12-01T09:00:00+08:00")
    ]
    assert numbers == ["202611-001", "202611-002", "202612-001"]
    assert catalogue.numbers() == numbers
    opened = catalogue.load("202611-002")
    assert opened.version == 1
    assert opened.case.created_by == "张敏"
    assert opened.case.custody_head.seq == 1
    with pytest.raises(NotFoundError):
        catalogue.load("202611-009")


def test_a_counter_set_back_is_moved_past_the_numbers_in_use(
    catalogue: Catalogue, caplog: pytest.LogCaptureFixture
) -> None:
    """A month's counter behind the cases registered (set back by hand, a bad restore) does not stop every
    registration with a taken number: the next case is numbered after the highest, and the log says so."""
    assert [catalogue.register(new_case(), "张敏").number for _ in range(2)] == ["202611-001", "202611-002"]
    with catalogue.engine.begin() as connection:
        connection.execute(text("UPDATE case_numbers SET last = 0 WHERE month = '202611'"))
    with caplog.at_level("WARNING", logger="casefile.core.catalogue"):
        assert catalogue.register(new_case(), "张敏").number == "202611-003"
    assert "the case numbers of 202611 were behind the cases registered (counter at 0)" in caplog.text
    assert catalogue.register(new_case(), "张敏").number == "202611-004"
    assert catalogue.numbers() == [f"202611-00{n}" for n in range(1, 5)]


def test_a_number_taken_is_tried_once_more_and_then_refused_plainly(
    catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A registration that meets a number taken meanwhile tries again with the next serial; meeting one
    again, it is refused with a plain message, never the database's error, and nothing is saved."""
    assert catalogue.register(new_case(), "张敏").number == "202611-001"
    taken_once = iter([1])
    own = Catalogue.next_serial
    monkeypatch.setattr(Catalogue, "next_serial", lambda self, s, m: next(taken_once, None) or own(self, s, m))
    assert catalogue.register(new_case(), "张敏").number == "202611-002"
    monkeypatch.setattr(Catalogue, "next_serial", lambda *_: 1)
    with pytest.raises(ConflictError) as refused:
        catalogue.register(new_case(), "张敏")
    assert str(refused.value).startswith("the case could not be registered: the team library's case numbers of 202611")
    assert "INSERT" not in str(refused.value)
    monkeypatch.undo()
    assert catalogue.numbers() == ["202611-001", "202611-002"]
    assert catalogue.register(new_case(), "张敏").number == "202611-003"


def test_a_case_that_fails_its_checks_is_refused_and_takes_no_number(catalogue: Catalogue) -> None:
    with pytest.raises(InvalidValueError, match="title is too long"):
        catalogue.register(new_case(title="碎" * (TITLE_LIMIT + 1)), "张敏")
    assert catalogue.register(new_case(), "张敏").number == "202611-001"


def test_a_write_based_on_an_older_version_is_refused_and_names_who_saved(catalogue: Catalogue) -> None:
    number = catalogue.register(new_case(), "张敏").number
    mine, theirs = catalogue.load(number), catalogue.load(number)

    saved = catalogue.update(theirs, [(record.UPDATE, {"fields": {"title": "屏幕碎裂（已拍照）"}})], "李律师")
    assert saved.version == 2
    with pytest.raises(ConflictError) as caught:
        catalogue.update(mine, [(record.UPDATE, {"fields": {"title": "屏幕有划痕"}})], "张敏")
    assert caught.value.by == "李律师"
    assert "was changed by 李律师 at" in str(caught.value) and "reload the case" in str(caught.value)
    assert caught.value.message.template.startswith("case {number} was changed by {by} at {at}")

    # Nothing of the refused change was written: not the record, not its custody entry.
    now = catalogue.load(number)
    assert (now.version, now.case.title) == (2, "屏幕碎裂（已拍照）")
    assert len(catalogue.custody_lines(number)) == 2
    # Reloaded, the change applies.
    again = catalogue.update(now, [(record.UPDATE, {"fields": {"title": "屏幕有划痕"}})], "张敏")
    assert (again.version, again.case.title, again.case.custody_head.seq) == (3, "屏幕有划痕", 3)
    assert catalogue.load(number).case.title == "屏幕有划痕"


def test_witness_entries_are_chained_without_a_new_version(catalogue: Catalogue) -> None:
    number = catalogue.register(new_case(), "张敏").number
    opened = catalogue.load(number)
    catalogue.append(number, [(record.VERIFY, {"ok": True}), (record.EXPORT, {"to": "court"})], "李律师")
    now = catalogue.load(number)
    assert now.version == opened.version  # an edit begun before the verification still saves
    assert now.case.custody_head.seq == 3
    saved = catalogue.update(opened, [(record.STAGE, {"stage": Stage.NEGOTIATION.value})], "张敏")
    assert saved.case.stage == Stage.NEGOTIATION
    assert saved.case.custody_head.seq == 4
    assert catalogue.check_chain(number).ok


def test_the_custody_log_written_out_checks_as_a_case_folders_does(catalogue: Catalogue, tmp_path: Path) -> None:
    number = catalogue.register(new_case(), "张敏").number
    opened = catalogue.update(catalogue.load(number), [(record.UPDATE, {"fields": {"title": "退款纠纷"}})], "张敏")
    catalogue.append(number, [(record.VERIFY, {"ok": True})], "李律师")

    lines = catalogue.custody_lines(number)
    log = tmp_path / "CUSTODY.jsonl"
    log.write_bytes("".join(line + "\n" for line in lines).encode("utf-8"))
    report = CustodyLog(log).check()
    assert report.ok and report.entries == 3
    assert catalogue.check_chain(number).head_hash == report.head_hash

    # The recipe every case folder's README gives, without CaseFile's code.
    prev = GENESIS
    for line in log.read_text("utf-8").splitlines():
        entry = json.loads(line)
        body = {k: v for k, v in entry.items() if k != "hash"}
        canonical = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
        assert hashlib.sha256(canonical).hexdigest() == entry["hash"]
        assert entry["prev"] == prev
        prev = entry["hash"]

    # The log folds into the record the catalogue holds.
    folded = fold(json.loads(line) for line in lines)
    assert case_to_data(folded) == case_to_data(catalogue.load(number).case)
    assert folded.title == opened.case.title == "退款纠纷"


def test_an_entry_altered_in_the_database_breaks_the_chain(catalogue: Catalogue) -> None:
    number = catalogue.register(new_case(), "张敏").number
    catalogue.append(number, [(record.VERIFY, {"ok": True}), (record.VERIFY, {"ok": True})], "李律师")
    with catalogue.engine.begin() as connection:
        connection.execute(
            text("UPDATE custody_entries SET line = replace(line, '李律师', '王五') WHERE seq = 2"),
        )
    report = catalogue.check_chain(number)
    assert [p.template for p in report.problems] == [
        "custody log entry {seq} was altered (its hash does not match its content)"
    ]


def test_access_comes_from_the_user_or_their_team(catalogue: Catalogue) -> None:
    number = catalogue.register(new_case(), "张敏").number
    other = catalogue.register(new_case(), "张敏").number
    firm = catalogue.add_organisation("某某律师事务所")
    litigation = catalogue.add_team(firm, "诉讼组")
    lawyer = catalogue.add_user("li", "李律师", organisation_id=firm, teams=(litigation,), password="pw-li")
    clerk = catalogue.add_user("zhang", "张敏", organisation_id=firm, password="pw-zhang")

    catalogue.grant(number, "read", team_id=litigation)
    catalogue.grant(number, "manage", user_id=lawyer)
    catalogue.grant(other, "write", user_id=clerk)
    assert catalogue.role(lawyer, number) == "manage"
    assert catalogue.role(lawyer, other) is None
    assert catalogue.role(clerk, number) is None
    assert catalogue.role(clerk, other) == "write"
    with pytest.raises(InvalidValueError):
        catalogue.grant(number, "owner", user_id=clerk)
    with pytest.raises(InvalidValueError):
        catalogue.grant(number, "read", user_id=clerk, team_id=litigation)
    catalogue.grant(other, "read", organisation_id=firm)  # the whole organisation reads it
    assert catalogue.role(lawyer, other) == "read"
    catalogue.revoke(other, organisation_id=firm)
    assert catalogue.role(lawyer, other) is None


def test_the_audit_keeps_who_read_or_exported_what(catalogue: Catalogue) -> None:
    number = catalogue.register(new_case(), "张敏").number
    catalogue.audit("read", number)
    catalogue.audit("export", number, {"exhibits": [1, 2], "to": "court"})
    catalogue.audit("read", None, {"list": "cases"})
    rows = catalogue.audit_log(number)
    me = catalogue.signed_in_login()  # the audit's user is whoever is signed in, never a name a caller gives
    assert [(r.user, r.action, r.details) for r in rows] == [
        (me, "read", {}),
        (me, "export", {"exhibits": [1, 2], "to": "court"}),
    ]
    assert len(catalogue.audit_log()) == 3
