"""A team library's working copy: the ordinary library code on the catalogue (real PostgreSQL) and the store.

Two clients (two working copies on one catalogue) register cases and add exhibits to the same case,
one after the other and at the same time: one intact chain in the catalogue, each working copy
verifying and holding the catalogue's log byte for byte. A change cut off by the server (its
connection killed mid-change) leaves the catalogue as it was and the working copy put back; a
working copy damaged here is rebuilt from the team library, never sent to it.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import threading
import uuid
import zipfile
from pathlib import Path

import pytest
from casefile_testing import make_case

from casefile.core import record
from casefile.core.archive import ExportResult, ImportResult, export_case, import_case
from casefile.core.catalogue import Catalogue
from casefile.core.custody import LOG_NAME
from casefile.core.errors import DamagedCaseError, StorageError
from casefile.core.evidence import AddResult, add_files
from casefile.core.library import Library
from casefile.core.team import TeamLibrary, team_init
from casefile.core.verify import CaseReport, verify_case
from casefile.core.workcopy import open_library

pytestmark = pytest.mark.slow


@pytest.fixture
def team(pg_url: str, tmp_path: Path) -> TeamLibrary:
    """A team library set up by its owner (the test server's superuser), its first administrator 管理员."""
    library = TeamLibrary(pg_url, f"folder:{tmp_path / 'store'}")
    team_init(library, "管理员")
    return library


_USERS: dict[tuple[str, str], tuple[str, str]] = {}  # (catalogue, name) -> (login, password)


def user(team: TeamLibrary, name: str) -> tuple[str, str]:
    """A staff user of the team library (not an administrator) named ``name``, signing in with a password."""
    key = (team.db_url, name)
    if key not in _USERS:
        login, password = f"u_{uuid.uuid4().hex[:10]}", f"pw-{uuid.uuid4().hex}"
        with Catalogue.open(team.db_url) as owner:
            owner.add_user(login, name, password=password)
        _USERS[key] = (login, password)
    return _USERS[key]


def client(team: TeamLibrary, folder: Path, name: str, *, operator: str = "设置里的名字") -> Library:
    """A client of the team library with its own working copy, signed in as the user ``name``
    (the operator given from the settings is not what the custody log names)."""
    login, password = user(team, name)
    signed_in = TeamLibrary(team.db_url, team.store_url, login=login, password=password, workcopy=str(folder))
    return open_library(signed_in, operator)


def grant(team: TeamLibrary, number: str, name: str, role: str) -> None:
    with Catalogue.open(team.db_url) as owner:
        owner.grant(number, role, user_id=owner.user_id(user(team, name)[0]))


def log_bytes(library: Library, number: str) -> bytes:
    return (library.cases_dir / number / LOG_NAME).read_bytes()


def catalogue_log(team: TeamLibrary, number: str) -> bytes:
    with Catalogue.open(team.db_url) as catalogue:
        return b"".join(line.encode("utf-8") + b"\n" for line in catalogue.custody_lines(number))


def verifies(library: Library, number: str) -> CaseReport:
    report = [r for r in verify_case(library, number) if isinstance(r, CaseReport)][-1]
    assert report.ok, report.summary()
    return report


def added(library: Library, number: str, paths: list[Path]) -> list[int]:
    return [r.exhibit.number for r in add_files(library, number, paths) if isinstance(r, AddResult) and r.exhibit]


def one_file(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_two_clients_share_numbers_and_one_chain(team: TeamLibrary, tmp_path: Path, files: Path) -> None:
    with client(team, tmp_path / "a", "张三") as a, client(team, tmp_path / "b", "李四") as b:
        numbers = [make_case(a).number, make_case(b).number, make_case(a).number, make_case(b, title="二").number]
        assert len(set(numbers)) == 4
        number = numbers[0]
        grant(team, number, "李四", "write")
        b.pull(number, files=True)  # B has the case A registered
        sources = tmp_path / "sources"
        sources.mkdir()
        # Alternating: each change made on the newest state (the other's exhibit pulled first).
        for i in range(3):
            assert added(a, number, [one_file(sources, f"a{i}.txt", f"甲 {i}")])
            assert added(b, number, [one_file(sources, f"b{i}.txt", f"乙 {i}")])
        assert added(a, number, [files])  # photos and a chat too
        for library in (a, b):
            library.pull(number, files=True)
            assert log_bytes(library, number) == catalogue_log(team, number)
            verifies(library, number)  # a verification entry, sent to the catalogue as any change
        with Catalogue.open(team.db_url) as catalogue:
            assert catalogue.check_chain(number).ok
            case = catalogue.load(number).case
        assert len(case.exhibits) == 6 + 4
        assert {e.added_by for e in case.exhibits} == {"张三", "李四"}


def test_concurrent_appends_keep_one_chain(team: TeamLibrary, tmp_path: Path) -> None:
    with client(team, tmp_path / "a", "张三") as a, client(team, tmp_path / "b", "李四") as b:
        number = make_case(a).number
        grant(team, number, "李四", "write")
        b.pull(number)
        sources = tmp_path / "sources"
        sources.mkdir()
        start = threading.Barrier(2)  # the handshake: both begin together
        errors: list[BaseException] = []

        def work(library: Library, who: str) -> None:
            try:
                start.wait()
                for i in range(6):
                    assert added(library, number, [one_file(sources, f"{who}{i}.txt", f"{who} {i}")])
            except BaseException as exc:  # noqa: BLE001 - reported below
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(lib, who)) for lib, who in ((a, "a"), (b, "b"))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors, errors
        with Catalogue.open(team.db_url) as catalogue:
            assert catalogue.check_chain(number).ok
            assert len(catalogue.load(number).case.exhibits) == 12
        for library in (a, b):
            library.pull(number, files=True)
            assert log_bytes(library, number) == catalogue_log(team, number)
            verifies(library, number)


def test_a_change_cut_off_by_the_server_is_put_back(team: TeamLibrary, tmp_path: Path, pg_url: str) -> None:
    import psycopg

    with client(team, tmp_path / "a", "张三") as a:
        number = make_case(a).number
        assert added(a, number, [one_file(tmp_path, "first.txt", "第一份")])
        before = catalogue_log(team, number)
        folder = a.cases_dir / number
        files_before = sorted(p.relative_to(folder) for p in folder.rglob("*") if p.is_file())
        conninfo = pg_url.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(conninfo, autocommit=True) as admin:
            # The server ends the connection of whoever writes a custody line: the server gone mid-change.
            admin.execute(
                "CREATE FUNCTION cut_off() RETURNS trigger AS $$ BEGIN "
                "PERFORM pg_terminate_backend(pg_backend_pid()); RETURN NEW; END $$ LANGUAGE plpgsql"
            )
            admin.execute("CREATE TRIGGER cut BEFORE INSERT ON custody_entries FOR EACH ROW EXECUTE FUNCTION cut_off()")
            with pytest.raises(StorageError) as caught:
                added(a, number, [one_file(tmp_path, "second.txt", "第二份")])
            admin.execute("DROP TRIGGER cut ON custody_entries")
        message = str(caught.value)
        assert "\n" not in message and "cannot be reached" in message
        assert catalogue_log(team, number) == before
        assert log_bytes(a, number) == before
        assert sorted(p.relative_to(folder) for p in folder.rglob("*") if p.is_file()) == files_before
        assert a.load_case(number).custody_head.seq == before.count(b"\n")
        verifies(a, number)
        # And the next change goes through on the catalogue's state.
        assert added(a, number, [one_file(tmp_path, "third.txt", "第三份")])
        assert log_bytes(a, number) == catalogue_log(team, number)


def test_damaged_working_copy_is_rebuilt_not_sent(team: TeamLibrary, tmp_path: Path, files: Path) -> None:
    with client(team, tmp_path / "a", "张三") as a:
        number = make_case(a).number
        assert added(a, number, [files])
        folder = a.cases_dir / number
        exhibit = folder / a.load_case(number).exhibits[0].stored_path
        good = exhibit.read_bytes()
        os.chmod(exhibit, stat.S_IWUSR | stat.S_IRUSR)
        exhibit.write_bytes(bytes([good[0] ^ 1]) + good[1:])  # a byte changed
        a.pull(number, files=True)
        assert exhibit.read_bytes() == good
        verifies(a, number)

        lines = log_bytes(a, number).splitlines(keepends=True)
        (folder / LOG_NAME).write_bytes(b"".join(lines[:1] + lines[2:]))  # a line removed
        assert added(a, number, [one_file(tmp_path, "more.txt", "又一份")])  # pulled (rebuilt) first
        with Catalogue.open(team.db_url) as catalogue:
            assert catalogue.check_chain(number).ok
        assert log_bytes(a, number) == catalogue_log(team, number)
        verifies(a, number)


def test_export_from_a_working_copy_imports_and_checks(team: TeamLibrary, tmp_path: Path, files: Path) -> None:
    with client(team, tmp_path / "a", "张三") as a:
        number = make_case(a).number
        assert added(a, number, [files])
    grant(team, number, "李四", "read")  # reading is enough to export: the export only bears witness
    with client(team, tmp_path / "b", "李四") as b:  # another client, with nothing of the case yet
        b.pull(number, files=True)
        archive = tmp_path / "out.zip"
        result = [r for r in export_case(b, number, archive) if isinstance(r, ExportResult)][0]
        assert result.path == archive
        assert record.EXPORT in catalogue_log(team, number).decode().splitlines()[-1]
        assert log_bytes(b, number) == catalogue_log(team, number)
    with Library.open(tmp_path / "fresh", "王五") as fresh:
        imported = [r for r in import_case(fresh, archive) if isinstance(r, ImportResult)][0]
        assert imported.number == number
        verifies(fresh, number)
    out = tmp_path / "unzipped"
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(out)
    check = subprocess.run(
        ["sha256sum", "-c", "MANIFEST.sha256"], cwd=out / number, capture_output=True, text=True, check=False
    )
    assert check.returncode == 0, check.stdout + check.stderr


def test_creation_entries_are_the_same_in_both_modes(team: TeamLibrary, tmp_path: Path) -> None:
    """A case made in a working copy starts with the entry a solo library writes: same keys, same details."""
    import json

    with client(team, tmp_path / "a", "张三", operator="张三") as a, Library.open(tmp_path / "solo", "张三") as solo:
        shared = make_case(a, title="同一案件")
        alone = make_case(solo, title="同一案件")
        first_team = json.loads(log_bytes(a, shared.number).splitlines()[0])
        first_solo = json.loads(log_bytes(solo, alone.number).splitlines()[0])
    assert sorted(first_team) == sorted(first_solo)
    assert first_team["action"] == first_solo["action"] == record.CREATE
    assert first_team["v"] == first_solo["v"] and first_team["prev"] == first_solo["prev"]
    team_case, solo_case = first_team["details"]["case"], first_solo["details"]["case"]
    assert sorted(team_case) == sorted(solo_case)
    differing = {k for k in team_case if team_case[k] != solo_case[k]}
    assert differing <= {"created_at", "stage_log", "id"}, differing


def test_check_team_names_the_server_that_does_not_answer(team: TeamLibrary, tmp_path: Path) -> None:
    import socket

    from casefile.core.team import check_team

    assert check_team(team) is None
    login, password = user(team, "张三")  # a user signing in with their own password
    assert check_team(TeamLibrary(team.db_url, team.store_url, login=login, password=password)) is None
    refused = check_team(TeamLibrary(team.db_url, team.store_url, login=login, password="wrong"))
    assert refused is not None and "refused" in refused and "wrong" not in refused.replace("wrong password", "")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    gone = TeamLibrary(f"postgresql+psycopg://clerk:pw-not-shown@127.0.0.1:{port}/casefile", team.store_url)
    message = check_team(gone, timeout=2)
    assert message is not None and "cannot be reached" in message and f"127.0.0.1:{port}" in message
    assert "pw-not-shown" not in message
    empty = TeamLibrary(team.db_url, f"folder:{tmp_path / 'no-store'}")
    assert "is not there" in str(check_team(empty))
    s3 = TeamLibrary(team.db_url, f"s3://evidence?endpoint=http://127.0.0.1:{port}", "clerk", "secret-not-shown")
    message = check_team(s3, timeout=2)
    assert message is not None and f"127.0.0.1:{port}" in message and "secret-not-shown" not in message


def test_the_app_opens_the_saved_team_library(team: TeamLibrary, tmp_path: Path) -> None:
    from casefile.core.team import save_team
    from casefile.core.workcopy import open_team_library

    saved = TeamLibrary(team.db_url, team.store_url, workcopy=str(tmp_path / "copy"))
    path = save_team(saved, tmp_path / "team.json")
    with open_team_library("张三", team_path=path) as library:
        assert library.remote is not None and library.root == tmp_path / "copy"
        number = make_case(library).number
        library.pull()
        assert [c.number for c in library.list_cases()] == [number]


def test_a_case_held_by_another_client_is_busy(team: TeamLibrary, tmp_path: Path, pg_url: str) -> None:
    import psycopg

    from casefile.core.errors import BusyError
    from casefile.core.workcopy import WorkCopy

    with client(team, tmp_path / "a", "张三") as a:
        number = make_case(a).number
        assert isinstance(a.remote, WorkCopy)
        a.remote.lock_wait = 0.2
        before = log_bytes(a, number)
        with psycopg.connect(pg_url.replace("postgresql+psycopg://", "postgresql://")) as other:
            case_id = other.execute("SELECT id FROM cases WHERE number = %s", (number,)).fetchone()[0]
            other.execute("SELECT pg_advisory_xact_lock(%s)", (case_id,))  # another client's change under way
            with pytest.raises(BusyError, match="another client"):
                added(a, number, [one_file(tmp_path, "x.txt", "x")])
        assert log_bytes(a, number) == before == catalogue_log(team, number)
        assert added(a, number, [one_file(tmp_path, "x.txt", "x")])  # once it is done, the change goes through


def test_sign_in_names_the_operator_and_access_is_kept(team: TeamLibrary, tmp_path: Path, files: Path) -> None:
    """The custody log names the signed-in user; a reader sees only their cases, bears witness, changes nothing."""
    from casefile.core.errors import AccessDeniedError, NotFoundError

    with client(team, tmp_path / "a", "张三") as a:
        assert a.operator == "张三"
        shared, private = make_case(a).number, make_case(a, title="别人的案件").number
        assert added(a, shared, [files / "chat.txt"])
    grant(team, shared, "李四", "read")
    with client(team, tmp_path / "b", "李四", operator="冒名") as b:
        b.pull()
        assert b.case_numbers() == [shared]  # the other case is not theirs to see
        with pytest.raises(NotFoundError):  # row-level security: to this user, there is no such case
            b.pull(private)
        b.pull(shared, files=True)
        before = log_bytes(b, shared)
        with pytest.raises(AccessDeniedError, match="write"):
            added(b, shared, [one_file(tmp_path, "x.txt", "不该加入")])
        assert log_bytes(b, shared) == before == catalogue_log(team, shared)
        assert not list((b.cases_dir / shared / "evidence").glob("*x.txt"))
        verifies(b, shared)  # bearing witness is reading
        with Catalogue.open(team.db_url) as owner:
            lines = owner.custody_lines(shared)
            assert '"operator":"李四"' in lines[-1] and '"action":"verify"' in lines[-1]
            assert all('"operator":"冒名"' not in line for line in lines)
            assert [(r.user, r.action) for r in owner.audit_log(shared) if r.action == "read"] == [
                (user(team, "李四")[0], "read")
            ]
            assert owner.load(shared).version == 2  # the verification moved the head, not the version


def test_a_change_keeps_the_catalogues_tables_texts_and_retention_current(team: TeamLibrary, tmp_path: Path) -> None:
    """What a change sends besides its lines: the clocks, the texts to search (the case's and its new
    exhibits'), and its evidence retained as the team's policy says, then held when a lawsuit is filed."""
    import datetime as dt

    from casefile.core.model import to_data
    from casefile.core.workflow.records import Proceeding, Venue

    with client(team, tmp_path / "a", "张三") as a:
        number = make_case(a, title="咖啡机漏水").number
        sources = tmp_path / "sources"
        sources.mkdir()
        assert added(a, number, [one_file(sources, "chat.txt", "客服：同意退款五百元")])
        with Catalogue.open(team.db_url) as owner:
            assert [(h.case_number, h.kind) for h in owner.search("咖啡机").hits] == [(number, "case-field")]
            assert [(h.case_number, h.exhibit, h.kind) for h in owner.search("退款").hits] == [(number, 1, "chat")]
            assert number in owner.next_deadlines(dt.datetime.now(dt.UTC))  # the response promise's clock
            digest = owner.load(number).case.exhibits[0].sha256
        # The library's own search (the app's, the command's) asks the catalogue on a team library.
        from casefile.core.search.query import search

        assert [(h.case_number, h.exhibit, h.kind) for h in search(a, "退款").hits] == [(number, 1, "chat")]
        store = team.open_store()
        kept = store.hold_state(digest)
        assert kept.until is not None and kept.until > dt.datetime.now(dt.UTC) + dt.timedelta(days=3 * 365 - 1)
        assert not kept.legal_hold

        suit = Proceeding(venue=Venue.COURT, body="徐汇区人民法院", filed_at=dt.datetime.now(dt.UTC))
        with a.edit(number) as writer:
            writer.record(record.PROCEEDING, {"proceeding": to_data(suit)})
        assert store.hold_state(digest).legal_hold  # the lawsuit runs: nobody deletes its evidence


def test_a_sanitised_copy_kept_on_one_pc_is_recorded_for_the_team_and_made_again_on_another(
    team: TeamLibrary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from casefile_testing import filed_case
    from hostile_pdfs import count_sanitiser_runs, statement_pdf

    from casefile.core.bundle import BundleOptions, BundleResult, Venue, build_bundle
    from casefile.core.disclosure.kept import SANITISED_DIR
    from casefile.core.settings import Settings

    statement = statement_pdf(tmp_path / "statement.pdf")
    runs = count_sanitiser_runs(monkeypatch)
    settings = Settings(org_name="某某数码科技有限公司")
    with client(team, tmp_path / "a", "张三") as a:
        number = filed_case(a).number
        assert added(a, number, [statement])
        assert runs == [1]  # made once, when added, and kept on this PC
        assert record.SCREENED in catalogue_log(team, number).decode().splitlines()[-1]
        runs[0] = 0
        made = list(build_bundle(a, number, BundleOptions(Venue.COURT, force=True), settings))[-1]
        assert isinstance(made, BundleResult) and runs == [0]
    grant(team, number, "李四", "write")
    with client(team, tmp_path / "b", "李四") as b:  # another PC: the entry, not the copy
        b.pull(number, files=True)
        assert not (b.root / SANITISED_DIR).exists()
        made = list(build_bundle(b, number, BundleOptions(Venue.COURT, force=True), settings))[-1]
        assert isinstance(made, BundleResult) and made.pages > 0 and runs == [1]
        # Kept on this PC too, the same copy as the team's entry records: no other entry says so.
        assert (b.root / SANITISED_DIR).exists()
        lines = catalogue_log(team, number).decode().splitlines()
        assert sum(f'"{record.SCREENED}"' in line for line in lines) == 1 and record.BUNDLE in lines[-1]
        made = list(build_bundle(b, number, BundleOptions(Venue.COURT, force=True), settings))[-1]
        assert isinstance(made, BundleResult) and runs == [1]
        verifies(b, number)


def test_the_copy_a_packet_made_again_is_recorded_in_the_team_library(
    team: TeamLibrary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from casefile_testing import filed_case
    from hostile_pdfs import count_sanitiser_runs, statement_pdf

    from casefile.core import evidence
    from casefile.core.bundle import BundleOptions, BundleResult, Venue, build_bundle
    from casefile.core.disclosure.kept import entry_files
    from casefile.core.settings import Settings

    statement = statement_pdf(tmp_path / "statement.pdf")
    real_screen = evidence.screen_pdfs
    settings = Settings(org_name="某某数码科技有限公司")
    with client(team, tmp_path / "a", "张三") as a:
        number = filed_case(a).number
        with monkeypatch.context() as patch:  # added before copies were kept
            patch.setattr(evidence, "screen_pdfs", lambda *args, **kw: real_screen(*args, **{**kw, "keep": False}))
            (exhibit,) = added(a, number, [statement])
        runs = count_sanitiser_runs(monkeypatch)
        for expected in (1, 1):  # made by the first packet, printed from its copy by the next
            made = list(build_bundle(a, number, BundleOptions(Venue.COURT, force=True), settings))[-1]
            assert isinstance(made, BundleResult) and runs == [expected]
        lines = catalogue_log(team, number).decode().splitlines()
        screened = [line for line in lines if f'"{record.SCREENED}"' in line]
        assert len(screened) == 1 and lines.index(screened[0]) == len(lines) - 2  # after the first bundle
        assert catalogue_log(team, number) == log_bytes(a, number)
        assert [f.exhibit for f in entry_files(json.loads(screened[0])["details"])[1]] == [exhibit]
        verifies(a, number)


def _alter_line(team: TeamLibrary, number: str, old: str, new: str) -> None:
    """Change a custody line of the case in the catalogue behind CaseFile's back (its owner, with SQL)."""
    import psycopg

    with psycopg.connect(team.db_url.replace("postgresql+psycopg://", "postgresql://")) as sql:
        changed = sql.execute(
            "UPDATE custody_entries SET line = replace(line, %s, %s) "
            "WHERE seq = 1 AND case_id = (SELECT id FROM cases WHERE number = %s)",
            (old, new, number),
        )
        assert changed.rowcount == 1


def test_a_case_found_damaged_is_damaged_on_every_members_agenda(team: TeamLibrary, tmp_path: Path) -> None:
    """A member's verification finds a team case damaged: the catalogue notes it, and every member's agenda
    (``casefile due``), deadline and case list mark it DAMAGED with its deadlines as last recorded, as a
    single-user library's do; it is cleared for everyone when the case verifies again by a member who may
    change it (a reader's run is recorded, and leaves the mark)."""
    from datetime import datetime, timedelta

    from casefile.core.workflow.clocks import CST
    from casefile.core.workflow.due import library_due

    now = datetime.now(CST)
    until = now + timedelta(days=4000)

    def marks(library: Library) -> set[str]:
        return {i.damaged for i in library_due(library, until=until, now=now) if i.number == number}

    with client(team, tmp_path / "a", "张三") as a:
        number = make_case(a).number
    grant(team, number, "李四", "read")
    with client(team, tmp_path / "b", "李四") as b:
        b.pull()
        assert marks(b) == {""}
    with Catalogue.open(team.db_url) as owner:
        version = owner.load(number).version

    _alter_line(team, number, "手机屏幕碎裂", "手机屏幕完好")
    with client(team, tmp_path / "a", "张三") as a:
        a.pull(number, files=True)
        report = [r for r in verify_case(a, number) if isinstance(r, CaseReport)][-1]
        assert report.damaged
        reason = report.problems[0]
        assert marks(a) == {str(reason)}
    with Catalogue.open(team.db_url) as owner:
        assert {i.damaged for i in owner.agenda(until=until, now=now)} == {str(reason)}
        assert owner.next_deadlines(now)[number].damaged == str(reason)
        assert owner.load(number).version == version  # nobody's edit is refused for it

    with client(team, tmp_path / "b", "李四") as b:  # another member, who may only read the case
        b.pull()
        assert marks(b) == {str(reason)}
        assert b.next_deadlines(now)[number].damaged == str(reason)
        assert [c.damaged for c in b.list_cases()] == [str(reason)]
        message = b.quarantine_message(number)
        assert message is not None and message.template == getattr(reason, "template", None)  # translated

    with client(team, tmp_path / "a", "张三") as a:  # a repair cannot put right what the team library holds
        with pytest.raises(DamagedCaseError):
            a.repair(number)
        assert marks(a) == {str(reason)}

    _alter_line(team, number, "手机屏幕完好", "手机屏幕碎裂")  # put right in the team library
    with client(team, tmp_path / "b", "李四") as b:
        b.pull(number, files=True)
        assert marks(b) == {str(reason)}
        report = verifies(b, number)  # a reader's verification is recorded, and leaves the note
        assert any("only a verification by a member who may change the case" in str(n) for n in report.notes)
        assert marks(b) == {str(reason)}
        assert b.quarantine_reason(number) == str(reason)
    with Catalogue.open(team.db_url) as owner:
        head = json.loads(owner.custody_lines(number)[-1])
        assert (head["action"], head["operator"], head["details"]["result"]) == ("verify", "李四", "ok")
        assert {i.damaged for i in owner.agenda(until=until, now=now)} == {str(reason)}
    with client(team, tmp_path / "a", "张三") as a:
        verifies(a, number)  # a member who may change the case: cleared for everyone
        assert marks(a) == {""}
    with client(team, tmp_path / "b", "李四") as b:
        b.pull()
        assert marks(b) == {""}
    with Catalogue.open(team.db_url) as owner:
        assert {i.damaged for i in owner.agenda(until=until, now=now)} == {""}
        owner.set_damaged(number, "case.json is missing", "张三")  # found damaged again (on a PC of its own)
    with client(team, tmp_path / "a", "张三") as a:
        a.pull()
        assert marks(a) == {"case.json is missing"}
        with pytest.raises(DamagedCaseError):  # changes wait until it verifies again, as in a folder
            added(a, number, [one_file(tmp_path, "after.txt", "修复后")])
        a.repair(number)  # the team library's case is whole: its folder here is rebuilt from it
        a.pull()
        assert marks(a) == {"case.json is missing"}  # the note goes only with a verification finding it whole
        verifies(a, number)
        assert marks(a) == {""}
        assert added(a, number, [one_file(tmp_path, "after.txt", "修复后")])
    with Catalogue.open(team.db_url) as owner:
        assert {i.damaged for i in owner.agenda(until=until, now=now)} == {""}
        assert owner.check_chain(number).ok


def test_a_working_copy_up_to_date_is_not_verified_against_an_altered_team_log(
    team: TeamLibrary, tmp_path: Path
) -> None:
    """Someone with the database owner's rights edits an older custody line of a case, or cuts entries off
    its end: a member whose working copy was up to date verifies and is told the case is DAMAGED (the
    team library's log is what the case is), the damage is noted for everyone, and no "verify ok" entry
    is written to a log that does not check."""
    import psycopg

    with client(team, tmp_path / "a", "张三") as a:
        number = make_case(a).number
        assert added(a, number, [one_file(tmp_path, "chat.txt", "微信聊天 退款")]) == [1]
        verifies(a, number)
        here = log_bytes(a, number)
    assert catalogue_log(team, number) == here

    _alter_line(team, number, "手机屏幕碎裂", "手机屏幕完好")
    with client(team, tmp_path / "a", "张三") as a:
        assert log_bytes(a, number) == here  # nothing pulled: the working copy is the one verified before
        report = [r for r in verify_case(a, number) if isinstance(r, CaseReport)][-1]
        assert report.damaged and not report.ok
        # the verification reads the team library's case (its store and log), so the altered entry is found
        # in the folder verified as well as in the comparison of the two logs
        assert any("team library's custody log of case" in str(p) for p in report.problems), report.problems
        assert a.quarantine_reason(number) == str(report.problems[0])
    with Catalogue.open(team.db_url) as owner:
        (note,) = owner.damaged()
        assert (note.number, note.reason, note.found_by) == (number, str(report.problems[0]), "张三")
        assert [json.loads(line)["action"] for line in owner.custody_lines(number)][-1] == "verify"
        assert len(owner.custody_lines(number)) == here.count(b"\n")  # no entry for this run

    # The line put back, and the log's last entry removed: the working copy verified more than it holds.
    _alter_line(team, number, "手机屏幕完好", "手机屏幕碎裂")
    with psycopg.connect(team.db_url.replace("postgresql+psycopg://", "postgresql://")) as sql:
        sql.execute(
            "DELETE FROM case_damage WHERE case_id = (SELECT id FROM cases WHERE number = %s)", (number,)
        )  # the owner may; nobody else
        sql.execute(
            "DELETE FROM custody_entries WHERE case_id = (SELECT id FROM cases WHERE number = %s) AND seq = "
            "(SELECT max(seq) FROM custody_entries WHERE case_id = (SELECT id FROM cases WHERE number = %s))",
            (number, number),
        )
    with client(team, tmp_path / "a", "张三") as a:
        report = [r for r in verify_case(a, number) if isinstance(r, CaseReport)][-1]
        assert report.damaged
        assert "ends at entry" in str(report.problems[0]), report.problems


def test_a_bundle_changed_in_the_store_is_found_by_a_verification_on_every_pc(
    team: TeamLibrary, tmp_path: Path
) -> None:
    """A bundle kept in the working copy is checked against the store as evidence is: its object changed in
    the store (by someone with rights on its folder) makes the verification name the bundle, on the PC that
    made it (whose copy is still the bundle recorded) as on another."""
    import hashlib

    from casefile_testing import filed_case

    from casefile.core.bundle import BundleOptions, BundleResult, Venue, build_bundle
    from casefile.core.record.history import recorded_bundle_files
    from casefile.core.settings import Settings

    settings = Settings(org_name="某某数码科技有限公司")
    with client(team, tmp_path / "a", "张三") as a:
        number = filed_case(a).number
        assert added(a, number, [one_file(tmp_path, "chat.txt", "商家同意七天内退款")])
        made = list(build_bundle(a, number, BundleOptions(Venue.COURT, force=True), settings))[-1]
        assert isinstance(made, BundleResult)
        verifies(a, number)
    lines = catalogue_log(team, number).decode().splitlines()
    bundles = recorded_bundle_files([json.loads(line) for line in lines])
    assert bundles
    rel, digest = sorted(bundles.items())[0]
    stored = tmp_path / "store" / "sha256" / digest[:2] / digest
    stored.chmod(0o600)
    stored.write_bytes(stored.read_bytes()[:-100] + b"%%EOF\n")  # cut short: another PDF under its name
    forged = hashlib.sha256(stored.read_bytes()).hexdigest()

    grant(team, number, "李四", "write")
    for folder, name in ((tmp_path / "a", "张三"), (tmp_path / "b", "李四")):
        with client(team, folder, name) as library:
            report = [r for r in verify_case(library, number) if isinstance(r, CaseReport)][-1]
            assert not report.ok, name
            assert [(f.path, f.status.value) for f in report.files if f.path == rel] == [(rel, "modified")], name
            assert any(rel in str(p) and forged[:16] in str(p) for p in report.store_problems), report.problems


def _rewrite_history(team: TeamLibrary, number: str, old: str, new: str) -> None:
    """Rewrite the case's history in the catalogue behind CaseFile's back, as only its owner can, and
    consistently: the first entry and the record changed, every entry's hash and link made again, so the
    team library's log checks on its own and its record folds from it."""
    import psycopg

    from casefile.core.custody import entry_hash, entry_line

    with psycopg.connect(team.db_url.replace("postgresql+psycopg://", "postgresql://")) as sql:
        case_id = sql.execute("SELECT id FROM cases WHERE number = %s", (number,)).fetchone()[0]
        rows = sql.execute(
            "SELECT seq, line FROM custody_entries WHERE case_id = %s ORDER BY seq", (case_id,)
        ).fetchall()
        prev = None
        renamed = {}  # each entry's hash before -> after
        for seq, line in rows:
            entry = json.loads(line)
            before = entry["hash"]
            assert entry_line(entry) == line  # the line is the entry as CaseFile writes it
            if seq == 1:
                assert old in line
                entry = json.loads(line.replace(old, new))
            if prev is not None:
                entry["prev"] = prev
            entry["hash"] = entry_hash(entry)
            prev = renamed[before] = entry["hash"]
            sql.execute(
                "UPDATE custody_entries SET line = %s, hash = %s, prev = %s WHERE case_id = %s AND seq = %s",
                (entry_line(entry), entry["hash"], entry["prev"], case_id, seq),
            )
        record_text = sql.execute("SELECT record::text FROM cases WHERE id = %s", (case_id,)).fetchone()[0]
        for before, after in [(old, new), *renamed.items()]:  # its text, and the custody head it records
            record_text = record_text.replace(before, after)
        sql.execute("UPDATE cases SET record = %s::jsonb WHERE id = %s", (record_text, case_id))


def test_a_history_rewritten_whole_in_the_team_library_is_found_by_every_pc_that_had_the_case(
    team: TeamLibrary, tmp_path: Path
) -> None:
    """The catalogue's owner rewrites a case's history consistently (an old entry changed, every later hash
    made again, the record to match): the team library's log checks on its own and a PC that never had the
    case cannot tell. A PC that had it remembers the newest entry it had: on its next pull the case is
    DAMAGED there and noted for everyone, the case as it held it is kept, its verifications keep finding it
    (so nobody's clean verification elsewhere makes it forgotten), and changes to it are refused."""
    from casefile.core.custody import check_lines
    from casefile.core.workcopy import HISTORY_DIR, STATE_DIR

    with client(team, tmp_path / "a", "张三") as a:
        number = make_case(a).number
        assert added(a, number, [one_file(tmp_path, "chat.txt", "微信聊天 退款")]) == [1]
        verifies(a, number)
        held = log_bytes(a, number)
    grant(team, number, "李四", "write")

    _rewrite_history(team, number, "手机屏幕碎裂", "手机屏幕完好")
    rewritten = catalogue_log(team, number)
    assert rewritten != held and rewritten.count(b"\n") == held.count(b"\n")
    assert check_lines(rewritten.splitlines())[1].ok  # the team library's log checks on its own

    with client(team, tmp_path / "a", "张三") as a:
        a.pull()
        reason = a.quarantine_reason(number)
        assert "history of the case was rewritten" in reason, reason
        assert log_bytes(a, number) == rewritten  # the working copy is the team library's again...
        (kept,) = (tmp_path / "a" / STATE_DIR / HISTORY_DIR).iterdir()  # ...and the case as this PC held it is kept
        assert kept.name.startswith(number) and (kept / LOG_NAME).read_bytes() == held
        report = [r for r in verify_case(a, number) if isinstance(r, CaseReport)][-1]
        assert report.damaged and "rewritten" in str(report.problems[0]), report.problems
        with pytest.raises(DamagedCaseError):
            added(a, number, [one_file(tmp_path, "more.txt", "补充")])
    with Catalogue.open(team.db_url) as owner:
        (note,) = owner.damaged()
        assert note.number == number and "rewritten" in note.reason and note.found_by == "张三"
        cleared_by_owner = len(owner.custody_lines(number))
    assert cleared_by_owner == held.count(b"\n")  # no verification entry went onto the rewritten history

    # A writer whose PC never had the case finds it whole (it is, as far as the team library's log goes)
    # and clears the note; the PC that had it notes it again when it next looks.
    with client(team, tmp_path / "b", "李四") as b:
        b.pull()
        b.pull(number, files=True)
        assert b.quarantine_reason(number)  # the team library's note
        verifies(b, number)
    with Catalogue.open(team.db_url) as owner:
        assert owner.damaged() == []
    with client(team, tmp_path / "a", "张三") as a:
        a.pull()
        assert "rewritten" in a.quarantine_reason(number)
        assert len(list((tmp_path / "a" / STATE_DIR / HISTORY_DIR).iterdir())) == 1  # kept once
    with Catalogue.open(team.db_url) as owner:
        (note,) = owner.damaged()
        assert note.number == number and "rewritten" in note.reason


def test_entries_removed_from_the_team_library_are_found_by_a_pc_that_had_them(
    team: TeamLibrary, tmp_path: Path
) -> None:
    """The owner deletes a case's last entries: the log still checks (it is a prefix), but a PC that had them
    says entries were removed."""
    import psycopg

    with client(team, tmp_path / "a", "张三") as a:
        number = make_case(a).number
        assert added(a, number, [one_file(tmp_path, "chat.txt", "微信聊天 退款")]) == [1]
        held = log_bytes(a, number).count(b"\n")
    with psycopg.connect(team.db_url.replace("postgresql+psycopg://", "postgresql://")) as sql:
        sql.execute(
            "DELETE FROM custody_entries WHERE case_id = (SELECT id FROM cases WHERE number = %s) AND seq > 1",
            (number,),
        )
    with client(team, tmp_path / "a", "张三") as a:
        a.pull()
        assert f"ends at entry 1, but this PC already had entry {held}" in a.quarantine_reason(number)
