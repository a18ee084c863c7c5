"""``casefile team``: init, push, status and export on a real PostgreSQL; a server that is not there in one line."""

from __future__ import annotations

import socket
import stat
import zipfile
from pathlib import Path

import pytest
from casefile_testing import make_case

from casefile.cli import main
from casefile.core.evidence import add_files
from casefile.core.library import Library


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.slow
def test_team_commands(capsys: pytest.CaptureFixture[str], pg_url: str, tmp_path: Path, files: Path) -> None:
    solo = tmp_path / "solo"
    with Library.open(solo, "张三") as library:
        numbers = [make_case(library).number, make_case(library, title="第二件").number]
        list(add_files(library, numbers[0], [files]))
    store = tmp_path / "store"
    code, out, err = run(capsys, "team", "init", "--db", pg_url, "--store", f"folder:{store}")
    assert code == 0, err
    assert "team library ready" in out
    team_file = Path(out.split("kept in ")[1].strip())
    assert stat.S_IMODE(team_file.stat().st_mode) == 0o600

    code, out, err = run(capsys, "--operator", "李四", "team", "push", str(solo))
    assert code == 0, err
    assert f"{numbers[0]}  moved in" in out and "2 moved in, 0 already in, 0 refused; 4 files" in out
    code, out, _ = run(capsys, "team", "push", str(solo))
    assert code == 0 and "0 moved in, 2 already in, 0 refused" in out

    code, out, _ = run(capsys, "team", "status")
    assert code == 0
    assert "2 cases" in out and "all intact" in out and "reachable" in out
    # Grants keep cases apart in the catalogue, not in the store: said plainly.
    assert "can read every case's evidence there, and such reads are not in the audit" in out

    archive = tmp_path / "out.zip"
    code, out, err = run(capsys, "team", "export", numbers[0], "-o", str(archive))
    assert code == 0, err
    assert archive.is_file() and "SHA-256" in out
    with zipfile.ZipFile(archive) as zf:  # the members a solo export of the same case holds
        assert sorted(n.split("/", 1)[1] for n in zf.namelist() if "/evidence/" not in n) == [
            "CASEFILE.txt",
            "CUSTODY.jsonl",
            "MANIFEST.sha256",
            "README.txt",
            "case.json",
        ]
    fresh = tmp_path / "fresh"
    code, _, err = run(capsys, "--library", str(fresh), "import", str(archive))
    assert code == 0, err
    code, out, err = run(capsys, "--library", str(fresh), "verify", numbers[0])
    assert code == 0, out + err


def test_unreachable_catalogue_is_one_plain_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    port = free_port()
    url = f"postgresql+psycopg://clerk:pw-not-shown@127.0.0.1:{port}/casefile"
    code, out, err = run(capsys, "team", "init", "--db", url, "--store", f"folder:{tmp_path / 'store'}")
    assert code == 2
    assert err.count("\n") == 1 and "Traceback" not in err and "pw-not-shown" not in err
    assert err.startswith(f"casefile: error: the team catalogue postgresql+psycopg://clerk:***@127.0.0.1:{port}/")
    assert "cannot be reached" in err


def test_unreachable_store_is_one_plain_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CASEFILE_S3_ACCESS_KEY", "clerk")
    monkeypatch.setenv("CASEFILE_S3_SECRET_KEY", "secret-not-shown")
    port = free_port()
    store = f"s3://evidence?endpoint=http://127.0.0.1:{port}"
    code, _, err = run(capsys, "team", "init", "--db", f"sqlite:///{tmp_path / 'c.db'}", "--store", store)
    assert code == 2
    assert err.count("\n") == 1 and "Traceback" not in err and "secret-not-shown" not in err
    assert f"http://127.0.0.1:{port}/evidence cannot be reached" in err
