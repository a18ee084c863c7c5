"""``casefile team retention``: each case's retention plan and what the store holds; --apply brings the store up to it;
--years sets the team's period (audited). On a folder store, which says it does not enforce retention."""

from __future__ import annotations

import getpass
from datetime import datetime
from pathlib import Path

import pytest
from casefile_testing import make_case

from casefile.cli import main
from casefile.core.catalogue import Catalogue
from casefile.core.evidence import add_files
from casefile.core.library import Library
from casefile.core.workflow import handling
from casefile.core.workflow.records import Closing, ClosingResult


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_team_retention_shows_and_applies_the_plans(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, files: Path
) -> None:
    solo = tmp_path / "solo"
    with Library.open(solo, "张三") as library:
        closed = make_case(library).number
        list(add_files(library, closed, [files]))
        with library.edit(closed) as writer:
            closing = Closing(at=datetime.fromisoformat("2026-11-25T15:00:00+08:00"), result=ClosingResult.RESOLVED)
            handling.close_case(writer, closing)
        still_open = make_case(library, title="退款未到账").number
        list(add_files(library, still_open, [files / "chat.txt"]))
    db = f"sqlite:///{tmp_path / 'catalogue.sqlite'}"
    assert run(capsys, "team", "init", "--db", db, "--store", f"folder:{tmp_path / 'store'}")[0] == 0
    assert run(capsys, "--operator", "李四", "team", "push", str(solo))[0] == 0

    code, out, err = run(capsys, "team", "retention")
    assert code == 0, out + err
    assert (
        f"{closed}  closed 2026-11-25 15:00 CST: kept until 2029-11-26 00:00 CST"
        "; no legal hold; 4 objects: 0 to retain, 0 to hold, 0 to release"
    ) in out
    assert f"{still_open}  open: kept at least until " in out and "(provisional)" in out
    assert (
        "policy: 3 years after closing (《民法典》第一百八十八条，《电子商务法》第三十一条，《个人信息保护法》第十九条)"
        in out
    )
    assert "NOT enforced by the storage" in out

    # A longer period: the plans grow, and the store is short of them until --apply.
    code, out, _ = run(capsys, "--operator", "管理员", "team", "retention", "--years", "5")
    assert code == 1
    assert f"{closed}  closed 2026-11-25 15:00 CST: kept until 2031-11-26 00:00 CST" in out
    assert "4 objects: 4 to retain" in out and "2 case(s) not up to plan" in out
    code, out, _ = run(capsys, "team", "retention", closed, "--apply")
    assert code == 0 and "4 objects: 4 retain, 0 hold, 0 release" in out and still_open not in out
    code, out, _ = run(capsys, "team", "retention", "--apply")
    assert code == 0 and "4 objects: 0 retain" in out and "1 object: 1 retain" in out
    code, out, _ = run(capsys, "team", "retention")
    assert code == 0 and "not up to plan" not in out
    with Catalogue.open(db) as catalogue:
        audit = catalogue.audit_log()
        # The signed-in login (on SQLite the OS account), not the name given with --operator.
        assert [(row.user, row.action, row.details["years"]) for row in audit] == [
            (getpass.getuser(), "retention-policy", 5)
        ]

    code, _, err = run(capsys, "team", "retention", "--years", "50")
    assert code == 2 and "from 1 to 20 years" in err and err.count("\n") == 1
