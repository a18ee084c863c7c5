"""People on a real PostgreSQL 15: each user signs in with their own login, sees only what they were given.

The rules are the database's (roles, grants, row-level security, triggers), so they are checked
here through plain SQL with each user's own connection, not only through CaseFile's methods. The
SQLite catalogue (one machine) applies the same rules in its methods.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy.engine import make_url

from casefile.core import record
from casefile.core.catalogue import Catalogue, migrate
from casefile.core.custody import GENESIS, entry_line, make_entry
from casefile.core.errors import AccessDeniedError, InvalidValueError, NotFoundError
from casefile.core.library import case_from_fields
from casefile.core.model import Case
from casefile.core.team import TeamLibrary, reaching


def new_case(title: str = "快递柜丢件", complained_at: str = "2026-11-20T10:30:00+08:00") -> Case:
    return case_from_fields({"title": title, "complained_at": complained_at, "channel": "store", "type": "quality"})


def unique(name: str) -> str:
    """Database logins are the whole server's: each test makes its own."""
    return f"{name}_{uuid.uuid4().hex[:8]}"


class Office:
    """A catalogue set up by its owner, with a firm, a team, and users who sign in with their own passwords."""

    def __init__(self, url: str) -> None:
        self.url = url
        migrate(url)
        self.owner = Catalogue.open(url)
        self.owner.add_first_administrator("管理员")
        self.firm = self.owner.add_organisation("某某律师事务所")
        self.other_firm = self.owner.add_organisation("另一家事务所")
        self.litigation = self.owner.add_team(self.firm, "诉讼组")
        self.opened: list[Catalogue] = []
        self.passwords: dict[str, str] = {}

    def user(self, name: str, display: str, **kwargs: Any) -> str:
        login = unique(name)
        self.passwords[login] = f"pw-{uuid.uuid4().hex}"
        self.owner.add_user(login, display, password=self.passwords[login], **kwargs)
        return login

    def url_of(self, login: str, password: str | None = None) -> str:
        url = make_url(self.url).set(username=login, password=password or self.passwords[login])
        return url.render_as_string(hide_password=False)

    def sign_in(self, login: str) -> Catalogue:
        catalogue = Catalogue.open(self.url_of(login))
        self.opened.append(catalogue)
        return catalogue

    def sql(self, login: str) -> psycopg.Connection[Any]:
        """A plain SQL client signed in as ``login``: what a user could do without CaseFile."""
        return psycopg.connect(self.url_of(login).replace("postgresql+psycopg", "postgresql"), autocommit=True)

    def close(self) -> None:
        for catalogue in [*self.opened, self.owner]:
            catalogue.close()


@pytest.fixture
def office(pg_url: str) -> Iterator[Office]:
    made = Office(pg_url)
    yield made
    made.close()


def test_sign_in_with_the_right_password_and_not_with_a_wrong_one(office: Office) -> None:
    login = office.user("li", "李律师", organisation_id=office.firm, teams=(office.litigation,))
    me = office.sign_in(login).whoami()
    assert (me.login, me.display_name, me.organisation_id, me.teams, me.admin) == (
        login,
        "李律师",
        office.firm,
        (office.litigation,),
        False,
    )

    team = TeamLibrary(office.url, "folder:/nowhere", login=login, password="not-the-password")
    with pytest.raises(AccessDeniedError) as refused, reaching(team), team.open_catalogue() as catalogue:
        catalogue.whoami()
    assert str(refused.value).endswith(f"as {login} was refused: wrong password, or no such login")
    assert "not-the-password" not in str(refused.value)

    # A database login that is not a user of the library (or the owner) is refused with a plain message.
    with office.sql(login) as admin_sql:
        assert admin_sql.execute("SELECT current_user").fetchone() == (login,)
    stranger = unique("stranger")
    with psycopg.connect(make_url(office.url).set(drivername="postgresql").render_as_string(), autocommit=True) as c:
        c.execute(f"CREATE ROLE \"{stranger}\" LOGIN PASSWORD 'pw' IN ROLE casefile_staff")
    with Catalogue.open(office.url_of(stranger, "pw")) as catalogue:
        with pytest.raises(AccessDeniedError, match=f"{stranger} is not a user of this team library"):
            catalogue.whoami()
        with pytest.raises(AccessDeniedError):
            catalogue.readable_numbers()


def test_a_staff_login_sees_only_the_cases_given_to_it_even_through_plain_sql(office: Office) -> None:
    li = office.user("li", "李律师", organisation_id=office.firm, teams=(office.litigation,))
    wang = office.user("wang", "王律师", organisation_id=office.firm)
    zhao = office.user("zhao", "赵女士", organisation_id=office.other_firm)
    owner = office.owner
    to_li, to_team, to_firm, to_nobody = (owner.register(new_case(title=t), "管理员").number for t in "甲乙丙丁")
    owner.grant(to_li, "read", user_id=owner.user_id(li))
    owner.grant(to_team, "write", team_id=office.litigation)
    owner.grant(to_firm, "read", organisation_id=office.firm)

    expected = {li: [to_li, to_team, to_firm], wang: [to_firm], zhao: []}
    for login, numbers in expected.items():
        assert office.sign_in(login).readable_numbers() == numbers
        with office.sql(login) as sql:
            seen = [row[0] for row in sql.execute("SELECT number FROM cases ORDER BY number")]
            assert seen == numbers
            logged = {
                row[0] for row in sql.execute("SELECT c.number FROM custody_entries e JOIN cases c ON c.id = e.case_id")
            }
            assert logged == set(numbers)
            # The grants of the others' cases are hidden too.
            assert sql.execute(
                "SELECT count(*) FROM case_access WHERE case_id NOT IN (SELECT id FROM cases)"
            ).fetchone() == (0,)
    assert owner.readable_numbers() == [to_li, to_team, to_firm, to_nobody]

    wang_catalogue = office.sign_in(wang)
    with pytest.raises(NotFoundError):  # hidden by the database: as if it did not exist
        wang_catalogue.load(to_nobody)
    with pytest.raises(AccessDeniedError, match=rf"王律师 \({wang}\) has no write access to case {to_firm}"):
        wang_catalogue.require(to_firm, "write")
    wang_catalogue.require(to_firm, "read")


def test_read_access_bears_witness_but_changes_nothing(office: Office) -> None:
    li = office.user("li", "李律师", organisation_id=office.firm)
    number = office.owner.register(new_case(), "管理员").number
    office.owner.grant(number, "read", user_id=office.owner.user_id(li))
    mine = office.sign_in(li)

    mine.append(number, [(record.EXPORT, {"to": "court"})], "李律师")  # an export is a reader's
    assert mine.check_chain(number).ok
    with pytest.raises(AccessDeniedError, match="has no write access"):
        mine.update(mine.load(number), [(record.UPDATE, {"fields": {"title": "改了"}})], "李律师")
    with office.sql(li) as sql:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            sql.execute("UPDATE cases SET title = '改了', version = version + 1")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            sql.execute("UPDATE cases SET record = jsonb_set(record, '{title}', '\"改了\"')")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # a column no staff may change
            sql.execute("UPDATE cases SET created_by = 'someone'")
    assert office.owner.load(number).case.title == "快递柜丢件"


def test_custody_entries_and_the_audit_cannot_be_changed_or_deleted_by_staff(office: Office) -> None:
    li = office.user("li", "李律师", organisation_id=office.firm)
    mine = office.sign_in(li)
    number = mine.register(new_case(), "李律师").number  # the creator manages their case
    assert office.owner.role(office.owner.user_id(li), number) == "manage"
    mine.update(mine.load(number), [(record.UPDATE, {"fields": {"title": "屏幕碎裂"}})], "李律师")
    mine.audit("read", number)
    with office.sql(li) as sql:
        assert sql.execute("SELECT count(*) FROM custody_entries").fetchone() == (2,)
        for statement in (
            "UPDATE custody_entries SET operator = '王五'",
            "DELETE FROM custody_entries",
            "UPDATE audit SET \"user\" = 'someone'",
            "DELETE FROM audit",
            "TRUNCATE custody_entries",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                sql.execute(statement)
        # An entry in someone else's name is refused, even a well-formed one that follows the head.
        case_id, seq, head = sql.execute(
            "SELECT case_id, seq, hash FROM custody_entries ORDER BY seq DESC LIMIT 1"
        ).fetchone()  # type: ignore[misc]
        at = office.owner.load(number).case.created_at
        forged = make_entry(seq + 1, head, record.VERIFY, "王律师", {"ok": True}, at)
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="operator of a custody entry"):
            sql.execute(
                "INSERT INTO custody_entries (case_id, seq, line, hash, prev, action, operator, at) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, now())",
                (case_id, forged["seq"], entry_line(forged), forged["hash"], head, "verify", "王律师"),
            )
        # One that does not follow the head is refused too.
        stray = make_entry(9, GENESIS, record.VERIFY, "李律师", {"ok": True}, at)
        with pytest.raises(psycopg.errors.CheckViolation):
            sql.execute(
                "INSERT INTO custody_entries (case_id, seq, line, hash, prev, action, operator, at) "
                "VALUES (%s, 9, %s, %s, %s, 'verify', '李律师', now())",
                (case_id, entry_line(stray), stray["hash"], GENESIS),
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="in the name of the signed-in user"):
            sql.execute(
                "INSERT INTO cases (number, month, serial, title, stage, record, created_at, created_by, updated_at,"
                " updated_by, version) VALUES ('202611-099', '202611', 99, 'x', 'intake', '{}', now(), '王律师', now(),"
                " '王律师', 1)"
            )
    assert office.owner.check_chain(number).ok
    assert len(office.owner.custody_lines(number)) == 2


def test_the_audit_names_the_signed_in_login_whatever_a_client_sends(office: Office) -> None:
    li = office.user("li", "李律师", organisation_id=office.firm)
    mine = office.sign_in(li)
    number = mine.register(new_case(), "李律师").number
    mine.audit("export", number, {"to": "court"})
    with office.sql(li) as sql:
        sql.execute(
            'INSERT INTO audit (at, "user", action, case_number, details) '
            "VALUES ('2001-01-01', 'the-boss', 'read', %s, '{}')",
            (number,),
        )
    rows = office.owner.audit_log(number)
    assert [(r.user, r.action) for r in rows] == [(li, "export"), (li, "read")]
    assert all(r.at.year >= 2026 for r in rows)  # the server's clock, not the client's
    # A user sees their own rows; another staff member without "manage" on the case sees none.
    wang = office.user("wang", "王律师", organisation_id=office.firm)
    office.owner.grant(number, "read", user_id=office.owner.user_id(wang))
    assert office.sign_in(wang).audit_log(number) == []
    assert len(mine.audit_log(number)) == 2


def test_case_numbers_stay_unique_with_many_staff_logins(office: Office) -> None:
    logins = [office.user(f"clerk{i}", f"店员{i}", organisation_id=office.firm) for i in range(4)]
    clients = [office.sign_in(login) for login in logins]
    start = threading.Barrier(len(clients))

    def register_five(catalogue: Catalogue) -> Callable[[], list[str]]:
        def run() -> list[str]:
            start.wait(timeout=30)
            name = catalogue.whoami().display_name
            return [catalogue.register(new_case(), name).number for _ in range(5)]

        return run

    with ThreadPoolExecutor(len(clients)) as pool:
        results = [f.result(timeout=120) for f in [pool.submit(register_five(c)) for c in clients]]
    numbers = sorted(n for got in results for n in got)
    assert numbers == [f"202611-{i:03d}" for i in range(1, 21)]
    for catalogue, got in zip(clients, results, strict=True):
        assert catalogue.readable_numbers() == got  # each sees the cases they registered, not the others'


def test_an_organisation_administrator_sees_and_grants_their_organisations_cases(office: Office) -> None:
    boss = office.user("boss", "主任", organisation_id=office.firm, admin=True)
    li = office.user("li", "李律师", organisation_id=office.firm)
    zhao = office.user("zhao", "赵女士", organisation_id=office.other_firm)
    ours = office.sign_in(li).register(new_case(), "李律师").number
    theirs = office.sign_in(zhao).register(new_case(), "赵女士").number
    admin = office.sign_in(boss)
    assert admin.readable_numbers() == [ours]
    with office.sql(boss) as sql:
        assert [r[0] for r in sql.execute("SELECT number FROM cases")] == [ours]
    new_login = unique("chen")
    admin.add_user(new_login, "陈助理", organisation_id=office.firm, password="pw-chen")  # an admin adds people
    admin.grant(ours, "write", user_id=admin.user_id(new_login))
    with Catalogue.open(office.url_of(new_login, "pw-chen")) as chen:
        assert chen.readable_numbers() == [ours]
    with pytest.raises(NotFoundError):
        admin.grant(theirs, "read", user_id=admin.user_id(new_login))
    with pytest.raises(AccessDeniedError, match="is not an administrator"):
        office.sign_in(li).add_organisation("自己的事务所")


def test_an_organisation_administrator_administers_their_own_organisation_only(office: Office) -> None:
    boss = office.user("boss", "主任", organisation_id=office.firm, admin=True)
    zhao = office.user("zhao", "赵女士", organisation_id=office.other_firm)
    admin = office.sign_in(boss)
    admin.add_team(office.firm, "非诉组")
    refused = "administers the people of their own organisation only"
    with pytest.raises(AccessDeniedError, match=refused):
        admin.add_organisation("新事务所")
    with pytest.raises(AccessDeniedError, match=refused):
        admin.add_user(unique("x"), "某人", organisation_id=office.other_firm, password="pw")
    with pytest.raises(AccessDeniedError, match=refused):
        admin.disable_user(zhao)
    with pytest.raises(InvalidValueError, match="exists already on the database server"):
        admin.add_user(zhao, "冒名", organisation_id=office.firm, password="taken-over")  # no one else's login
    # The database holds the same line against a SQL client.
    with office.sql(boss) as sql:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            sql.execute(f'CREATE ROLE "{unique("mine")}" LOGIN')  # administrators have no CREATEROLE
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            sql.execute("SELECT casefile_create_login(%s, 'SCRAM-SHA-256$4096:x$y:z', true)", (zhao,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            sql.execute("SELECT casefile_disable_login(%s)", (zhao,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # no way out of the organisation
            sql.execute("UPDATE users SET organisation_id = NULL WHERE login = %s", (boss,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            sql.execute("UPDATE users SET login = 'someone' WHERE login = %s", (boss,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            sql.execute("INSERT INTO organisations (name) VALUES ('新事务所')")
    with office.sql(zhao) as sql, pytest.raises(psycopg.errors.InsufficientPrivilege):
        sql.execute("UPDATE users SET admin = true WHERE login = %s", (zhao,))
    assert [active for p, active in office.owner.users() if p.login == zhao] == [True]


def test_a_disabled_user_cannot_sign_in_and_the_log_still_names_them(office: Office) -> None:
    li = office.user("li", "李律师", organisation_id=office.firm)
    number = office.sign_in(li).register(new_case(), "李律师").number
    office.owner.disable_user(li)
    team = TeamLibrary(office.url, "folder:/nowhere", login=li, password=office.passwords[li])
    with (
        pytest.raises(AccessDeniedError, match="this login has been disabled"),
        reaching(team),
        team.open_catalogue() as catalogue,
    ):
        catalogue.whoami()
    assert '"operator":"李律师"' in office.owner.custody_lines(number)[0]
    assert [(p.login, p.display_name, active) for p, active in office.owner.users() if p.login == li] == [
        (li, "李律师", False)
    ]


def test_sqlite_applies_the_same_rules_in_its_methods(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'catalogue.sqlite'}"
    migrate(url)
    with Catalogue.open(url, login="admin") as owner:
        assert owner.is_owner()  # nobody added yet: whoever uses the file
        owner.add_first_administrator("管理员")
        firm = owner.add_organisation("某某律师事务所")
        team = owner.add_team(firm, "诉讼组")
        owner.add_user("li", "李律师", organisation_id=firm, teams=(team,))
        owner.add_user("wang", "王律师", organisation_id=firm)
        a, b, c = (owner.register(new_case(), "管理员").number for _ in range(3))
        owner.grant(a, "write", team_id=team)
        owner.grant(b, "read", organisation_id=firm)
    with Catalogue.open(url, login="li") as li, Catalogue.open(url, login="wang") as wang:
        assert li.readable_numbers() == [a, b] and li.numbers() == [a, b]
        assert wang.readable_numbers() == [b]
        li.require(a, "write")
        with pytest.raises(AccessDeniedError, match=rf"王律师 \(wang\) has no read access to case {a}"):
            wang.load(a)
        with pytest.raises(AccessDeniedError, match="has no write access"):
            wang.update(wang.load(b), [(record.UPDATE, {"fields": {"title": "改了"}})], "王律师")
        with pytest.raises(AccessDeniedError):
            li.custody_lines(c)
        li.audit("read", a)
        assert [r.user for r in li.audit_log(a)] == ["li"]
    with Catalogue.open(url, login="someone-else") as stranger, pytest.raises(AccessDeniedError):
        stranger.readable_numbers()


def test_the_clocks_review_and_search_rows_follow_case_access(office: Office) -> None:
    """A staff login writes the rows its changes keep current, and reads them only for its cases."""
    li = office.user("li", "李律师", organisation_id=office.firm)
    wang = office.user("wang", "王律师", organisation_id=office.firm)
    mine = office.sign_in(li).register(new_case(title="咖啡机漏水退款"), "李律师").number
    theirs = office.sign_in(wang).register(new_case(title="咖啡机漏水换货"), "王律师").number

    li_catalogue = office.sign_in(li)
    opened = li_catalogue.load(mine)
    opened.case.title = "咖啡机漏水退款（已核实）"
    li_catalogue.update(opened, [("update", {"fields": {"title": opened.case.title}})], "李律师")

    assert [hit.case_number for hit in li_catalogue.search("咖啡机").hits] == [mine]
    assert [hit.case_number for hit in office.sign_in(wang).search("咖啡机").hits] == [theirs]
    assert {hit.case_number for hit in office.owner.search("咖啡机").hits} == {mine, theirs}
    with office.sql(li) as sql:
        for table in ("search_docs", "review_cases", "review_clocks"):
            seen = {row[0] for row in sql.execute(f"SELECT c.number FROM {table} t JOIN cases c ON c.id = t.case_id")}
            assert seen <= {mine}, table
        assert sql.execute("SELECT count(*) FROM search_docs").fetchone()[0] > 0
    with psycopg.connect(make_url(office.url).set(drivername="postgresql").render_as_string()) as owner_sql:
        their_id = owner_sql.execute("SELECT id FROM cases WHERE number = %s", (theirs,)).fetchone()[0]
    with office.sql(li) as sql, pytest.raises(psycopg.errors.InsufficientPrivilege):  # no row for another's case
        sql.execute(
            "INSERT INTO search_docs (case_id, kind, field, seq, part, text, tokens) "
            "VALUES (%s, 'field', 'title', 99, 0, '假', to_tsvector('simple', '假'))",
            (their_id,),
        )


def test_damage_is_noted_by_those_who_may_read_the_case_and_seen_by_them_only(office: Office) -> None:
    """A reader's verification may note that a case is damaged; a verification that finds it whole clears
    the note when its member may change the case (a reader's is recorded and leaves it); a user the case is
    hidden from can neither note it nor see the note, through CaseFile or plain SQL."""
    from datetime import UTC, datetime, timedelta

    li = office.user("li", "李律师", organisation_id=office.firm)
    zhang = office.user("zhang", "张律师", organisation_id=office.firm)
    zhao = office.user("zhao", "赵女士", organisation_id=office.other_firm)
    number = office.owner.register(new_case(), "管理员").number
    office.owner.grant(number, "read", user_id=office.owner.user_id(li))
    office.owner.grant(number, "write", user_id=office.owner.user_id(zhang))
    reader, writer, stranger = office.sign_in(li), office.sign_in(zhang), office.sign_in(zhao)

    assert reader.set_damaged(number, "custody log entry 1 was altered", "张三")  # the finder is who signed in
    assert not reader.set_damaged(number, "custody log entry 1 was altered", "李律师")  # said already
    with pytest.raises(NotFoundError):
        stranger.set_damaged(number, "custody log entry 1 was altered", "赵女士")
    with office.sql(zhao) as sql:
        assert sql.execute("SELECT count(*) FROM case_damage").fetchone() == (0,)
    (note,) = reader.damaged()  # what ``casefile team status`` lists
    assert (note.number, note.reason, note.found_by) == (number, "custody log entry 1 was altered", "李律师")
    assert stranger.damaged() == []
    now = datetime.now(UTC)
    assert {a.damaged for a in reader.agenda(until=now + timedelta(days=4000), now=now)} == {
        "custody log entry 1 was altered"
    }
    (entry,) = reader.append(number, [(record.VERIFY, {"result": "ok"})], "李律师")  # recorded, not clearing
    assert entry["operator"] == "李律师"
    assert [n.number for n in reader.damaged()] == [number]
    assert not [a for a in office.owner.audit_log(number) if a.action == "damage-cleared"]
    writer.append(number, [(record.VERIFY, {"result": "ok"})], "张律师")  # a member who may change the case
    assert reader.damaged() == []
    assert {a.damaged for a in office.owner.agenda(until=now + timedelta(days=4000), now=now)} == {""}
    (cleared,) = [a for a in office.owner.audit_log(number) if a.action == "damage-cleared"]
    assert cleared.user == zhang
    assert (cleared.details["reason"], cleared.details["found_by"], cleared.details["verified_by"]) == (
        "custody log entry 1 was altered",
        "李律师",
        "张律师",
    )


def test_readers_read_the_rows_derived_from_a_case_and_writers_write_them(office: Office) -> None:
    """Read access to a case lets a user see its search texts, review facts, clocks, retention plan and
    damage note, never change them, even with plain SQL; a damage note goes only with a verification
    that finds the case whole by a member who may change the case, never by a DELETE nor by a "verify ok"
    row a reader inserts, and its going is audited."""
    li = office.user("li", "李律师", organisation_id=office.firm)  # read
    zhang = office.user("zhang", "张律师", organisation_id=office.firm)  # write
    owner = office.owner
    number = owner.register(new_case(title="手机屏幕碎裂"), "管理员").number
    owner.grant(number, "read", user_id=owner.user_id(li))
    owner.grant(number, "write", user_id=owner.user_id(zhang))
    reader, writer = office.sign_in(li), office.sign_in(zhang)
    with psycopg.connect(make_url(office.url).set(drivername="postgresql").render_as_string()) as owner_sql:
        case_id = owner_sql.execute("SELECT id FROM cases WHERE number = %s", (number,)).fetchone()[0]
        owner_sql.execute(
            "INSERT INTO case_retention (case_id, until, legal_hold, applied_at) VALUES (%s, now(), true, now())",
            (case_id,),
        )

    def counts() -> dict[str, int]:
        with office.sql(li) as sql:
            return {
                table: sql.execute(f"SELECT count(*) FROM {table} WHERE case_id = %s", (case_id,)).fetchone()[0]
                for table in ("search_docs", "review_cases", "review_clocks", "case_retention")
            }

    before = counts()
    assert all(before.values()), before
    with office.sql(li) as sql:
        for table in ("search_docs", "review_cases", "review_clocks"):
            assert sql.execute(f"DELETE FROM {table} WHERE case_id = %s", (case_id,)).rowcount == 0, table
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # nobody but the owner deletes a plan
            sql.execute("DELETE FROM case_retention WHERE case_id = %s", (case_id,))
        assert sql.execute("UPDATE review_cases SET outcome_fen = 1 WHERE case_id = %s", (case_id,)).rowcount == 0
        assert sql.execute("UPDATE review_clocks SET met_at = now() WHERE case_id = %s", (case_id,)).rowcount == 0
        assert sql.execute("UPDATE search_docs SET text = '假' WHERE case_id = %s", (case_id,)).rowcount == 0
        assert sql.execute("UPDATE case_retention SET legal_hold = false WHERE case_id = %s", (case_id,)).rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            sql.execute(
                "INSERT INTO search_docs (case_id, kind, field, seq, part, text, tokens) "
                "VALUES (%s, 'field', 'title', 99, 0, '假', to_tsvector('simple', '假'))",
                (case_id,),
            )
    assert counts() == before
    assert [h.case_number for h in writer.search("屏幕").hits] == [number]  # still found, for everyone
    with pytest.raises(AccessDeniedError):  # an exhibit's texts are sent by those who may change the case
        reader.index_exhibit_texts(number, 1, "0" * 64, "ocr", [(None, "假")])

    # A reader's verification and export go into the custody log; the derived rows stay the writers'.
    reader.append(number, [(record.VERIFY, {"result": "problems"}), (record.EXPORT, {"to": "court"})], "李律师")
    assert counts() == before
    writer.append(number, [(record.STAGE, {"stage": "verification"})], "张律师")

    # The damage note: noted by the reader's verification, removed by nobody's DELETE.
    assert reader.set_damaged(number, "evidence/001-chat.txt: modified", "李律师")
    for login in (li, zhang):
        with office.sql(login) as sql:
            for statement in (
                "DELETE FROM case_damage",
                "UPDATE case_damage SET reason = 'ok'",
                "INSERT INTO case_damage (case_id, reason, message, found_by, found_at) "
                f"VALUES ({case_id}, 'x', '{{}}', 'x', now())",
            ):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    sql.execute(statement)
            refused = "cleared only with a verification" if login == zhang else "cleared only by a member"
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match=refused):
                sql.execute("SELECT casefile_clear_damage(%s)", (case_id,))
    # A verification with problems, appended in the same transaction, does not clear it.
    with (
        office.sql(li) as sql,
        pytest.raises(psycopg.errors.InsufficientPrivilege, match="cleared only"),
        sql.transaction(),
    ):
        head = sql.execute(
            "SELECT seq, hash FROM custody_entries WHERE case_id = %s ORDER BY seq DESC LIMIT 1", (case_id,)
        ).fetchone()
        entry = make_entry(head[0] + 1, head[1], record.VERIFY, "李律师", {"result": "problems"})
        sql.execute(
            "INSERT INTO custody_entries (case_id, seq, line, hash, prev, action, operator, at) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s, now())",
            (case_id, entry["seq"], entry_line(entry), entry["hash"], entry["prev"], "verify", "李律师"),
        )
        sql.execute("SELECT casefile_clear_damage(%s)", (case_id,))
    assert [n.number for n in writer.damaged()] == [number]
    # A reader's "verify ok" row inserted by hand, in the transaction that asks for the note to go: the
    # server cannot tell it from a verification that was never run, so a reader's never clears a note.
    with (
        office.sql(li) as sql,
        pytest.raises(psycopg.errors.InsufficientPrivilege, match="only by a member who may change it"),
        sql.transaction(),
    ):
        head = sql.execute(
            "SELECT seq, hash FROM custody_entries WHERE case_id = %s ORDER BY seq DESC LIMIT 1", (case_id,)
        ).fetchone()
        entry = make_entry(head[0] + 1, head[1], record.VERIFY, "李律师", {"result": "ok"})
        sql.execute(
            "INSERT INTO custody_entries (case_id, seq, line, hash, prev, action, operator, at) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s, now())",
            (case_id, entry["seq"], entry_line(entry), entry["hash"], entry["prev"], "verify", "李律师"),
        )
        sql.execute("SELECT casefile_clear_damage(%s)", (case_id,))
    assert [n.number for n in writer.damaged()] == [number]
    reader.append(number, [(record.VERIFY, {"result": "ok"})], "李律师")  # recorded; the note stays
    assert [n.number for n in writer.damaged()] == [number]
    assert not [a for a in owner.audit_log(number) if a.action == "damage-cleared"]
    writer.append(number, [(record.VERIFY, {"result": "ok"})], "张律师")
    assert writer.damaged() == []
    assert [a.user for a in owner.audit_log(number) if a.action == "damage-cleared"] == [zhang]


def test_the_case_number_counter_moves_only_as_cases_are_registered(office: Office) -> None:
    """Staff cannot set the month's counter (nor take numbers for nothing); a counter set back by the
    owner is moved past the numbers in use, noted in the audit, instead of stopping every registration."""
    zhang = office.user("zhang", "张律师", organisation_id=office.firm)
    wang = office.user("wang", "王律师", organisation_id=office.firm)  # no case at all
    clerk = office.sign_in(zhang)
    assert [clerk.register(new_case(), "张律师").number for _ in range(2)] == ["202611-001", "202611-002"]
    with office.sql(wang) as sql:
        for statement in (
            "UPDATE case_numbers SET last = 0",
            "INSERT INTO case_numbers VALUES ('202701', 5)",
            "DELETE FROM case_numbers",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                sql.execute(statement)
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="move only as a case is registered"):
            sql.execute("SELECT * FROM casefile_next_serial('202611')")  # a number taken for nothing: a gap
    assert clerk.register(new_case(), "张律师").number == "202611-003"

    with psycopg.connect(make_url(office.url).set(drivername="postgresql").render_as_string()) as owner_sql:
        owner_sql.execute("UPDATE case_numbers SET last = 0 WHERE month = '202611'")  # by hand, or a bad restore
    assert clerk.register(new_case(), "张律师").number == "202611-004"
    assert clerk.register(new_case(), "张律师").number == "202611-005"
    (moved,) = [a for a in office.owner.audit_log() if a.action == "case-numbers-moved"]
    assert (moved.user, moved.details) == (zhang, {"month": "202611", "counter": 0, "highest": 3, "taken": 4})


def test_an_existing_catalogue_is_upgraded_in_place_to_readers_reading_only(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A catalogue made before migration 0006, with cases, users and a damage note, is upgraded in place:
    its reader can no longer remove the note or the case's texts, and its counter is no longer staff's.
    Downgraded again, the old rules are back (and the upgrade runs again)."""
    from alembic import command
    from alembic.config import Config

    from casefile.core.catalogue import MIGRATIONS, connect

    engine = connect(pg_url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))

    def to(revision: str, *, down: bool = False) -> None:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            (command.downgrade if down else command.upgrade)(config, revision)

    to("0005")
    owner = Catalogue(engine)
    owner.add_first_administrator("管理员")
    login, password = unique("li"), f"pw-{uuid.uuid4().hex}"
    owner.add_user(login, "李律师", password=password)
    with monkeypatch.context() as patch:
        patch.setattr(Catalogue, "next_serial", lambda *_: 1)  # 0006's function is not there yet
        number = owner.register(new_case(), "管理员").number
    owner.grant(number, "read", user_id=owner.user_id(login))
    with engine.begin() as connection:  # as 0005's set_damaged wrote it
        connection.exec_driver_sql(
            "INSERT INTO case_damage (case_id, reason, message, found_by, found_at) "
            "SELECT id, 'custody log entry 1 was altered', '\"x\"', '李律师', now() FROM cases"
        )
    reader_url = make_url(pg_url).set(drivername="postgresql", username=login, password=password)

    def reader_removes() -> tuple[int | None, int | None]:
        with psycopg.connect(reader_url.render_as_string(hide_password=False), autocommit=True) as sql:
            try:
                damage = sql.execute("DELETE FROM case_damage").rowcount
            except psycopg.errors.InsufficientPrivilege:
                damage = None
            try:
                counter = sql.execute("UPDATE case_numbers SET last = 0").rowcount
            except psycopg.errors.InsufficientPrivilege:
                counter = None
            return damage, counter

    migrate(pg_url)
    assert reader_removes() == (None, None)
    assert [n.number for n in owner.damaged()] == [number]
    to("0005", down=True)
    with psycopg.connect(reader_url.render_as_string(hide_password=False)) as sql:
        assert sql.execute("DELETE FROM case_damage").rowcount == 1  # what 0005 allowed
        sql.rollback()
    migrate(pg_url)
    assert reader_removes() == (None, None)
    owner.close()
