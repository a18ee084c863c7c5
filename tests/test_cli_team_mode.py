"""The ordinary commands on a connected team library (real PostgreSQL; a folder store, and S3 once).

``casefile team init`` / ``team connect`` make the ordinary commands work on the team library's working
copy: ``new``, ``add``, ``list``, ``show``, ``verify`` and ``export`` as from a folder, and the exported
archive imports into a solo library and checks with ``sha256sum -c``. ``team disconnect`` (or a named
library) goes back to the solo folder; a server that does not answer is one line, and nothing changes.
"""

from __future__ import annotations

import json
import socket
import subprocess
import uuid
import zipfile
from pathlib import Path

import pytest
from s3_server import CREDENTIALS

from casefile.cli import main
from casefile.core.catalogue import Catalogue
from casefile.core.custody import LOG_NAME

pytestmark = pytest.mark.slow


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def ok(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code, out, err = run(capsys, *argv)
    assert code == 0, out + err
    return out


def as_client(monkeypatch: pytest.MonkeyPatch, home: Path, operator: str) -> None:
    """This process as one client machine: its own team file, working copy and operator; no solo folder named."""
    monkeypatch.delenv("CASEFILE_LIBRARY", raising=False)
    monkeypatch.setenv("CASEFILE_TEAM_FILE", str(home / "config" / "team.json"))
    monkeypatch.setenv("CASEFILE_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("CASEFILE_OPERATOR", operator)


def catalogue_log(db: str, number: str) -> bytes:
    with Catalogue.open(db) as catalogue:
        return b"".join(line.encode("utf-8") + b"\n" for line in catalogue.custody_lines(number))


def working_copy(home: Path) -> Path:
    return next((home / "data" / "team").iterdir())


def checks_on_its_own(archive: Path, number: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The archive imports into a fresh solo library and verifies there, and sha256sum -c passes on it."""
    fresh = tmp_path / f"fresh-{uuid.uuid4().hex[:6]}"
    ok(capsys, "--library", str(fresh), "import", str(archive))
    assert f"{number}: OK" in ok(capsys, "--library", str(fresh), "verify", number)
    out = tmp_path / f"unzipped-{uuid.uuid4().hex[:6]}"
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(out)
    check = subprocess.run(
        ["sha256sum", "-c", "MANIFEST.sha256"], cwd=out / number, capture_output=True, text=True, check=False
    )
    assert check.returncode == 0, check.stdout + check.stderr


def test_ordinary_commands_on_a_team_library(
    capsys: pytest.CaptureFixture[str], pg_url: str, tmp_path: Path, files: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = f"folder:{tmp_path / 'store'}"
    first, second = tmp_path / "pc1", tmp_path / "pc2"
    as_client(monkeypatch, first, "张三")
    assert "the ordinary commands now work on it" in ok(capsys, "team", "init", "--db", pg_url, "--store", store)
    assert "mode: team" in ok(capsys, "team", "status")
    number = ok(capsys, "new", "--title", "手机屏幕碎裂", "--type", "quality", "--channel", "store").split()[-1]
    added = ok(capsys, "add", number, str(files))
    assert added.count("evidence/") == 4
    assert number in ok(capsys, "list")

    # Another machine connects to the same team library and works on the same case.
    as_client(monkeypatch, second, "李四")
    assert "connected to the team library" in ok(capsys, "team", "connect", "--db", pg_url, "--store", store)
    listed = ok(capsys, "list")
    assert number in listed and "4 exhibits" in listed
    (tmp_path / "回执.txt").write_text("快递回执", encoding="utf-8")
    ok(capsys, "add", number, str(tmp_path / "回执.txt"))
    other = ok(capsys, "new", "--title", "退款未到账", "--type", "service", "--channel", "phone").split()[-1]
    assert other != number
    assert "手机屏幕碎裂" in ok(capsys, "show", number)

    # Back on the first machine: its copy catches up, verifies, and exports a verifiable archive.
    as_client(monkeypatch, first, "张三")
    listed = ok(capsys, "list")
    assert number in listed and other in listed and "5 exhibits" in listed
    assert f"{number}: OK — 5 files intact" in ok(capsys, "verify", number)
    archive = tmp_path / "out.zip"
    assert "sha256" in ok(capsys, "export", number, "-o", str(archive))
    assert '"action":"export"' in catalogue_log(pg_url, number).decode().splitlines()[-1]
    assert (working_copy(first) / "cases" / number / LOG_NAME).read_bytes() == catalogue_log(pg_url, number)
    checks_on_its_own(archive, number, tmp_path, capsys)
    with Catalogue.open(pg_url) as catalogue:
        assert catalogue.check_chain(number).ok
        assert "export" in [row.action for row in catalogue.audit_log(number)]
    # team export is the same export, kept under its old name.
    again = tmp_path / "again.zip"
    ok(capsys, "team", "export", number, "-o", str(again))
    checks_on_its_own(again, number, tmp_path, capsys)

    # The second machine's copy verifies too, its log the catalogue's byte for byte.
    as_client(monkeypatch, second, "李四")
    assert f"{number}: OK" in ok(capsys, "verify")
    assert (working_copy(second) / "cases" / number / LOG_NAME).read_bytes() == catalogue_log(pg_url, number)

    # Disconnected, or with a folder named, the commands work on the solo library again.
    assert "solo library again" in ok(capsys, "team", "disconnect")
    assert "mode: solo" in ok(capsys, "team", "status")
    code, out, err = run(capsys, "list")
    assert code == 0 and number not in out and "no cases" in err
    ok(capsys, "team", "connect", "--db", pg_url, "--store", store)
    code, out, err = run(capsys, "--library", str(tmp_path / "solo"), "list")
    assert code == 0 and number not in out


def test_unreachable_catalogue_changes_nothing(
    capsys: pytest.CaptureFixture[str], pg_url: str, tmp_path: Path, files: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "pc"
    as_client(monkeypatch, home, "张三")
    ok(capsys, "team", "init", "--db", pg_url, "--store", f"folder:{tmp_path / 'store'}")
    number = ok(capsys, "new", "--title", "手机屏幕碎裂", "--type", "quality", "--channel", "store").split()[-1]
    ok(capsys, "add", number, str(files / "chat.txt"))
    copy = working_copy(home)
    before = {p: p.read_bytes() for p in (copy / "cases").rglob("*") if p.is_file()}

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    team_file = home / "config" / "team.json"
    data = json.loads(team_file.read_text("utf-8"))
    data["db"] = f"postgresql+psycopg://clerk:pw-not-shown@127.0.0.1:{port}/casefile"
    data["workcopy"] = str(copy)  # the same working copy, its catalogue gone
    team_file.write_text(json.dumps(data), "utf-8")
    for argv in (
        ("list",),
        ("show", number),
        ("add", number, str(files / "破损照片.jpg")),
        ("export", number, "-o", str(tmp_path / "x.zip")),
    ):
        code, out, err = run(capsys, *argv)
        assert code == 2, (argv, out, err)
        assert err.count("\n") == 1 and "Traceback" not in err and "pw-not-shown" not in err, err
        assert "cannot be reached" in err
    assert {p: p.read_bytes() for p in (copy / "cases").rglob("*") if p.is_file()} == before
    assert not (tmp_path / "x.zip").exists()
    code, _, err = run(capsys, "team", "connect", "--db", data["db"], "--store", f"folder:{tmp_path / 'store'}")
    assert code == 2 and err.count("\n") == 1 and "cannot be reached" in err


def test_team_mode_on_an_s3_store(
    capsys: pytest.CaptureFixture[str],
    pg_url: str,
    seaweed_s3: object,
    tmp_path: Path,
    files: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = f"s3://team-{uuid.uuid4().hex[:12]}?endpoint={seaweed_s3.endpoint}"  # type: ignore[attr-defined]
    home = tmp_path / "pc"
    as_client(monkeypatch, home, "张三")
    monkeypatch.setenv("CASEFILE_S3_ACCESS_KEY", CREDENTIALS["admin"][0])
    monkeypatch.setenv("CASEFILE_S3_SECRET_KEY", CREDENTIALS["admin"][1])
    ok(capsys, "team", "init", "--db", pg_url, "--store", store)
    monkeypatch.setenv("CASEFILE_S3_ACCESS_KEY", CREDENTIALS["clerk"][0])
    monkeypatch.setenv("CASEFILE_S3_SECRET_KEY", CREDENTIALS["clerk"][1])
    number = ok(capsys, "new", "--title", "手机屏幕碎裂", "--type", "quality", "--channel", "store").split()[-1]
    ok(capsys, "add", number, str(files))
    # A second machine: the evidence comes from the S3 store, verified as it is read.
    as_client(monkeypatch, tmp_path / "pc2", "李四")
    ok(capsys, "team", "connect", "--db", pg_url, "--store", store)
    assert f"{number}: OK — 4 files intact" in ok(capsys, "verify", number)
    archive = tmp_path / "s3.zip"
    ok(capsys, "export", number, "-o", str(archive))
    checks_on_its_own(archive, number, tmp_path, capsys)


def test_users_sign_in_and_keep_to_their_access(
    capsys: pytest.CaptureFixture[str], pg_url: str, tmp_path: Path, files: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each clerk signs in with their own login: the log names them, and a reader exports but changes nothing."""
    from sqlalchemy.engine import make_url

    store = f"folder:{tmp_path / 'store'}"
    as_client(monkeypatch, tmp_path / "admin", "管理员")
    ok(capsys, "team", "init", "--db", pg_url, "--store", store)
    logins = {name: f"u_{uuid.uuid4().hex[:10]}" for name in ("张三", "李四")}
    with Catalogue.open(pg_url) as owner:
        for name, login in logins.items():
            owner.add_user(login, name, password=f"pw-{login}")

    def sign_in(name: str) -> None:
        as_client(monkeypatch, tmp_path / name, "设置里的名字")  # the settings' operator is not what is logged
        monkeypatch.setenv("CASEFILE_DB_PASSWORD", f"pw-{logins[name]}")
        url = make_url(pg_url).set(username=logins[name]).render_as_string(hide_password=False)
        ok(capsys, "team", "connect", "--db", url, "--store", store)

    sign_in("张三")
    number = ok(capsys, "new", "--title", "手机屏幕碎裂", "--type", "quality", "--channel", "store").split()[-1]
    private = ok(capsys, "new", "--title", "另一件", "--type", "quality", "--channel", "store").split()[-1]
    ok(capsys, "add", number, str(files / "chat.txt"))
    with Catalogue.open(pg_url) as owner:
        owner.grant(number, "read", user_id=owner.user_id(logins["李四"]))

    sign_in("李四")
    listed = ok(capsys, "list")
    assert number in listed and private not in listed
    # Search runs on the catalogue: the chat's text is found though its file never came to this PC,
    # and a case the user was not given is not searched.
    assert not any(p.name.endswith("chat.txt") for p in (working_copy(tmp_path / "李四") / "cases").rglob("*"))
    found = ok(capsys, "search", "碎了", "--json")
    assert [(h["case"], h["kind"]) for h in json.loads(found)["hits"]] == [(number, "chat")]
    assert json.loads(ok(capsys, "search", "另一件", "--json"))["hits"] == []
    code, out, err = run(capsys, "add", number, str(files / "破损照片.jpg"))
    assert code == 2 and not out and err.count("\n") == 1 and "no write access" in err
    archive = tmp_path / "out.zip"
    ok(capsys, "export", number, "-o", str(archive))
    checks_on_its_own(archive, number, tmp_path, capsys)
    operators = [json.loads(line)["operator"] for line in catalogue_log(pg_url, number).decode().splitlines()]
    assert operators == ["张三", "张三", "李四"]  # created, the chat added, exported
    code, _, err = run(
        capsys, "team", "connect", "--db", pg_url.replace("casefile@", "nobody:wrong@"), "--store", store
    )
    assert code == 2 and "refused" in err and "wrong" not in err.replace("wrong password", "")


def test_a_damaged_team_case_is_due_and_marked_damaged_on_every_machine(
    capsys: pytest.CaptureFixture[str], pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``casefile due`` on a team library lists a case one machine's verify found damaged, marked DAMAGED
    with its deadlines as last recorded (``damaged`` in --json), on every machine, until it verifies again."""
    import psycopg

    store = f"folder:{tmp_path / 'store'}"
    first, second = tmp_path / "pc1", tmp_path / "pc2"
    as_client(monkeypatch, first, "张三")
    ok(capsys, "team", "init", "--db", pg_url, "--store", store)
    number = ok(capsys, "new", "--title", "手机屏幕碎裂", "--type", "quality", "--channel", "store").split()[-1]
    as_client(monkeypatch, second, "李四")
    ok(capsys, "team", "connect", "--db", pg_url, "--store", store)
    assert {row["damaged"] for row in json.loads(ok(capsys, "due", "--days", "4000", "--json"))} == {""}

    def alter(old: str, new: str) -> None:  # the catalogue's log changed behind CaseFile's back
        with psycopg.connect(pg_url.replace("postgresql+psycopg://", "postgresql://")) as sql:
            sql.execute(
                "UPDATE custody_entries SET line = replace(line, %s, %s) WHERE seq = 1 "
                "AND case_id = (SELECT id FROM cases WHERE number = %s)",
                (old, new, number),
            )

    alter("手机屏幕碎裂", "手机屏幕完好")
    as_client(monkeypatch, first, "张三")
    code, out, _ = run(capsys, "verify", number)
    assert code != 0 and "DAMAGED" in out

    as_client(monkeypatch, second, "李四")  # the other machine learns it from the team library
    rows = json.loads(ok(capsys, "due", "--days", "4000", "--json"))
    assert rows and {row["case"] for row in rows} == {number}
    assert all("custody log entry 1 was altered" in row["damaged"] for row in rows)
    listed = ok(capsys, "due", "--days", "4000")
    assert all("DAMAGED: custody log entry 1 was altered" in line for line in listed.splitlines())
    assert "DAMAGED" in ok(capsys, "list")

    alter("手机屏幕完好", "手机屏幕碎裂")  # put right; this machine's verification clears it for both
    assert f"{number}: OK" in ok(capsys, "verify", number)
    as_client(monkeypatch, first, "张三")
    assert {row["damaged"] for row in json.loads(ok(capsys, "due", "--days", "4000", "--json"))} == {""}
    assert "DAMAGED" not in ok(capsys, "due", "--days", "4000")


def test_team_status_lists_the_cases_a_member_found_damaged(
    capsys: pytest.CaptureFixture[str], pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``casefile team status`` on another machine names a case one machine's verify found damaged (its
    chain intact): since when, why and who found it, and exits 1 saying so."""
    store = f"folder:{tmp_path / 'store'}"
    first, second = tmp_path / "pc1", tmp_path / "pc2"
    as_client(monkeypatch, first, "张三")
    ok(capsys, "team", "init", "--db", pg_url, "--store", store)
    number = ok(capsys, "new", "--title", "手机屏幕碎裂", "--type", "quality", "--channel", "store").split()[-1]
    other = ok(capsys, "new", "--title", "退款未到账", "--type", "service", "--channel", "phone").split()[-1]
    as_client(monkeypatch, second, "李四")
    ok(capsys, "team", "connect", "--db", pg_url, "--store", store)
    out = ok(capsys, "team", "status")
    assert "damaged cases: none" in out and "DAMAGED" not in out

    with Catalogue.open(pg_url) as catalogue:  # as 张三's CaseFile notes what its verification found
        assert catalogue.set_damaged(number, "case.json does not match the custody log", "张三")
    as_client(monkeypatch, second, "李四")
    code, out, err = run(capsys, "team", "status")
    assert code == 1, out + err
    assert "custody chains: all intact" in out  # the log is whole: only the damage note tells
    (line,) = [line for line in out.splitlines() if "DAMAGED" in line]
    assert line.startswith(f"{number}  DAMAGED since ") and " CST: " in line
    assert "case.json does not match the custody log" in line and "found by 张三" in line
    assert other not in line
    assert f"damaged cases: 1 ({number})" in out


def test_verify_checks_the_store_not_the_copy_and_a_changed_object_damages_the_case_for_everyone(
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    pg_url: str,
    tmp_path: Path,
    files: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An object changed in the store (by someone with rights on its folder) is the exhibit MODIFIED on
    every PC, the one whose copy is intact included: a result (exit 1), recorded in the custody log, the case
    DAMAGED for every member. Putting the genuine file again sets the bad object aside and stores it."""
    import hashlib

    import psycopg

    store = tmp_path / "store"
    first, second = tmp_path / "pc1", tmp_path / "pc2"
    as_client(monkeypatch, first, "张三")
    ok(capsys, "team", "init", "--db", pg_url, "--store", f"folder:{store}")
    number = ok(capsys, "new", "--title", "手机屏幕碎裂", "--type", "quality", "--channel", "store").split()[-1]
    ok(capsys, "add", number, str(files / "chat.txt"))
    as_client(monkeypatch, second, "李四")
    ok(capsys, "team", "connect", "--db", pg_url, "--store", f"folder:{store}")

    genuine = (files / "chat.txt").read_bytes()
    digest = hashlib.sha256(genuine).hexdigest()
    path = store / "sha256" / digest[:2] / digest
    path.chmod(0o600)
    path.write_bytes("微信聊天 已同意退款 13812345678\n".encode())  # "the merchant agreed to refund"
    forged = hashlib.sha256(path.read_bytes()).hexdigest()

    # The PC whose working copy holds the genuine file does not say OK: the store is what is checked.
    as_client(monkeypatch, first, "张三")
    code, out, err = run(capsys, "export", number, "-o", str(tmp_path / "from-cache.zip"))
    assert code != 0 and "does not verify" in err and "001-chat.txt" in err, out + err
    assert not (tmp_path / "from-cache.zip").exists()
    code, out, err = run(capsys, "verify", number)
    assert code == 1 and not err, out + err
    assert f"{number}: DAMAGED" in out and "MODIFIED   evidence/001-chat.txt (exhibit 1)" in out
    assert forged[:16] in out and "evidence store" in out and "OK" not in out
    assert "this PC's working copy still holds the file the case recorded" in out  # the genuine bytes, named
    last = json.loads(catalogue_log(pg_url, number).decode().splitlines()[-1])
    assert last["action"] == "verify" and last["details"]["result"] == "problems" and last["details"]["modified"] == 1
    with psycopg.connect(pg_url.replace("postgresql+psycopg://", "postgresql://")) as sql:
        noted = sql.execute("SELECT reason, found_by FROM case_damage").fetchall()
    assert len(noted) == 1 and "001-chat.txt" in noted[0][0] and noted[0][1] == "张三"

    # A PC that never had the file: the same result, not an error; its list marks the case, changes refused.
    as_client(monkeypatch, second, "李四")
    assert "DAMAGED" in ok(capsys, "list")
    code, out, err = run(capsys, "verify", number)
    assert code == 1 and "error" not in err, out + err
    assert f"{number}: DAMAGED" in out and "MODIFIED   evidence/001-chat.txt (exhibit 1)" in out
    assert "not recorded: the case is damaged" in out  # recorded once, by the run that found it
    assert "still holds the file" not in out  # this PC never had it
    code, out, err = run(capsys, "event", number, "--summary", "商家来电")
    assert code != 0 and "damaged" in err

    # The genuine file put again (another case, the same bytes): the bad object is set aside, kept, and named.
    other = ok(capsys, "new", "--title", "同一段聊天", "--type", "quality", "--channel", "store").split()[-1]
    with caplog.at_level("WARNING"):
        ok(capsys, "add", other, str(files / "chat.txt"))
    warned = [r.getMessage() for r in caplog.records if "held other bytes" in r.getMessage()]
    assert warned and f"case {other}, exhibit 1 (evidence/001-chat.txt)" in warned[0], caplog.text
    assert path.read_bytes() == genuine
    assert [p.read_bytes() for p in (store / ".set-aside").iterdir()] == ["微信聊天 已同意退款 13812345678\n".encode()]
    # Now the case verifies, for everyone: the mark goes.
    assert f"{number}: OK" in ok(capsys, "verify", number)
    as_client(monkeypatch, first, "张三")
    assert "DAMAGED" not in ok(capsys, "list")


def test_a_name_taken_in_a_write_once_store_fails_the_add_and_says_whom_to_tell(
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    pg_url: str,
    seaweed_s3: object,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Other bytes planted under a file's name with the clients' own key (S3 reads the first version): locked
    there (retained), the add fails, naming the file, and nothing is added; never "stored" while the store
    holds a forgery. Unlocked, they are set aside in the bucket as a folder store does, and the file stored."""
    import datetime as dt
    import hashlib

    bucket = f"team-{uuid.uuid4().hex[:12]}"
    store = f"s3://{bucket}?endpoint={seaweed_s3.endpoint}"  # type: ignore[attr-defined]
    as_client(monkeypatch, tmp_path / "pc", "张三")
    monkeypatch.setenv("CASEFILE_S3_ACCESS_KEY", CREDENTIALS["admin"][0])
    monkeypatch.setenv("CASEFILE_S3_SECRET_KEY", CREDENTIALS["admin"][1])
    ok(capsys, "team", "init", "--db", pg_url, "--store", store)
    monkeypatch.setenv("CASEFILE_S3_ACCESS_KEY", CREDENTIALS["clerk"][0])
    monkeypatch.setenv("CASEFILE_S3_SECRET_KEY", CREDENTIALS["clerk"][1])
    clerk = seaweed_s3.client("clerk")  # type: ignore[attr-defined]
    number = ok(capsys, "new", "--title", "手机屏幕碎裂", "--type", "quality", "--channel", "store").split()[-1]
    squat = tmp_path / "future.txt"
    squat.write_text("新证据：商家承诺全额退款\n", encoding="utf-8")
    digest = hashlib.sha256(squat.read_bytes()).hexdigest()
    clerk.put_object(
        Bucket=bucket,
        Key=f"sha256/{digest[:2]}/{digest}",
        Body="伪造内容".encode(),
        ObjectLockMode="COMPLIANCE",
        ObjectLockRetainUntilDate=dt.datetime.now(dt.UTC) + dt.timedelta(days=1),
    )

    code, out, err = run(capsys, "add", number, str(squat))
    assert code == 1 and err.count("\n") == 1, out + err
    assert f"case {number}, exhibit 1 (evidence/001-future.txt)" in err and "already holds other bytes" in err
    assert "administrator" in err and "nothing was stored" in err
    assert "001-future.txt" not in ok(capsys, "show", number)
    assert '"action":"ingest"' not in catalogue_log(pg_url, number).decode()

    unlocked = tmp_path / "receipt.txt"
    unlocked.write_text("收据：已付款 2999 元\n", encoding="utf-8")
    digest = hashlib.sha256(unlocked.read_bytes()).hexdigest()
    key = f"sha256/{digest[:2]}/{digest}"
    clerk.put_object(Bucket=bucket, Key=key, Body="伪造收据".encode())
    with caplog.at_level("WARNING"):
        ok(capsys, "add", number, str(unlocked))
    warned = [r.getMessage() for r in caplog.records if "held other bytes" in r.getMessage()]
    assert warned and f"case {number}, exhibit 1 (evidence/001-receipt.txt)" in warned[0], caplog.text
    (aside,) = [o["Key"] for o in clerk.list_objects_v2(Bucket=bucket, Prefix="set-aside/")["Contents"]]
    assert aside.startswith(f"set-aside/damaged-{digest}-") and aside in warned[0]
    assert clerk.get_object(Bucket=bucket, Key=aside)["Body"].read() == "伪造收据".encode()
    assert clerk.get_object(Bucket=bucket, Key=key)["Body"].read() == unlocked.read_bytes()
    assert f"{number}: OK" in ok(capsys, "verify", number)
