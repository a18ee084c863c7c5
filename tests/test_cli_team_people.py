"""``casefile team`` with people on a real PostgreSQL: each user signs in with their own password, sees what is theirs.

The administrator who set the library up adds an organisation, a team and two lawyers, moves a
solo library in and gives each lawyer one case; each lawyer then signs in, sees and exports only
their case (the export names them in the custody log and the audit); a wrong password, a disabled
login and a case not given are each one plain line.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from casefile_testing import make_case

from casefile.cli import main
from casefile.core.library import Library


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.slow
def test_two_lawyers_sign_in_and_see_only_their_cases(
    capsys: pytest.CaptureFixture[str], pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    li, wang = f"li_{uuid.uuid4().hex[:6]}", f"wang_{uuid.uuid4().hex[:6]}"  # logins are the server's, not the test's
    solo = tmp_path / "solo"
    with Library.open(solo, "张三") as library:
        first, second = make_case(library).number, make_case(library, title="第二件").number

    def ok(*argv: str) -> str:
        code, out, err = run(capsys, *argv)
        assert code == 0, err
        return out

    # The administrator (the catalogue's owner here) sets up the library and its people.
    assert "team library ready" in ok("team", "init", "--db", pg_url, "--store", f"folder:{tmp_path / 'store'}")
    assert "测试员" in ok("team", "whoami") and "administrator" in ok("team", "whoami")
    ok("team", "org", "add", "某某律师事务所")
    ok("team", "team", "add", "某某律师事务所", "诉讼组")
    monkeypatch.setenv("CASEFILE_NEW_PASSWORD", "li-secret")
    ok("team", "user", "add", li, "--name", "李律师", "--org", "某某律师事务所", "--team", "诉讼组")
    monkeypatch.setenv("CASEFILE_NEW_PASSWORD", "wang-secret")
    ok("team", "user", "add", wang, "--name", "王律师", "--org", "某某律师事务所")
    ok("team", "push", str(solo))
    assert f"team 诉讼组 may now read case {first}" in ok("team", "grant", first, "--team", "诉讼组", "read")
    ok("team", "grant", second, "--user", wang, "write")

    # 李律师 signs in: one case, which he can export; the other does not exist for him.
    monkeypatch.setenv("CASEFILE_DB_PASSWORD", "li-secret")
    out = ok("team", "login", li)
    assert f"signed in as {li}" in out
    assert f"李律师 ({li}), organisation 某某律师事务所, teams 某某律师事务所/诉讼组" in out
    assert "1 cases" in ok("team", "status")
    ok("team", "export", first, "-o", str(tmp_path / "first.zip"))
    code, _, err = run(capsys, "team", "export", second, "-o", str(tmp_path / "second.zip"))
    assert code == 2 and err.count("\n") == 1 and f"there is no case {second}" in err
    code, _, err = run(capsys, "team", "grant", first, "--user", li, "manage")  # read access grants nothing
    assert code == 2 and f"李律师 ({li}) has no manage access to case {first}" in err
    code, _, err = run(capsys, "team", "user", "add", "someone", "--name", "某人")
    assert code == 2 and "is not an administrator" in err

    # A wrong password is one plain line, without the password.
    monkeypatch.setenv("CASEFILE_DB_PASSWORD", "not-it")
    code, out, err = run(capsys, "team", "whoami")
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err and "not-it" not in err
    assert f"as {li} was refused: wrong password, or no such login" in err

    # 王律师 signs in: his case only.
    monkeypatch.setenv("CASEFILE_DB_PASSWORD", "wang-secret")
    assert "王律师" in ok("team", "login", wang)
    assert "1 cases" in ok("team", "status")
    assert ok("team", "audit") == ""  # 李律师's export is not his to see

    # Back as the administrator: the audit names 李律师's login, the custody log his name.
    monkeypatch.delenv("CASEFILE_DB_PASSWORD")
    ok("team", "login", "casefile")
    audit = ok("team", "audit", first)
    assert f"  {li}  export  {first}  " in audit
    assert "2 cases" in ok("team", "status")
    ok("team", "user", "disable", li)
    assert f"{li}  李律师  某某律师事务所  某某律师事务所/诉讼组  DISABLED" in ok("team", "user", "list")
    monkeypatch.setenv("CASEFILE_DB_PASSWORD", "li-secret")
    code, _, err = run(capsys, "team", "login", li)
    assert code == 2 and "this login has been disabled" in err
