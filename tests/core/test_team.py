"""Moving a solo library into team mode and a case back out, on a real PostgreSQL and SeaweedFS S3.

The solo library holds cases with photos, a text file, a PDF and a court packet (a generated
bundle): every file goes into the store re-hashed, the chain arrives the same, a tampered case
stays out while the others go in, pushing twice changes nothing, new numbers follow the pushed
ones, and an export rebuilt from the team library imports into a fresh solo library and verifies,
with CaseFile and with ``sha256sum -c``.
"""

from __future__ import annotations

import shutil
import subprocess
import uuid
import zipfile
from pathlib import Path

import pytest
from casefile_testing import make_case
from reportlab.pdfgen.canvas import Canvas
from s3_server import CREDENTIALS

from casefile.core.archive import ImportResult, import_case
from casefile.core.catalogue import Catalogue
from casefile.core.custody import LOG_NAME
from casefile.core.errors import StorageError
from casefile.core.evidence import add_files
from casefile.core.library import Library, case_from_fields
from casefile.core.model import Case
from casefile.core.team import TeamLibrary, team_export, team_init, team_push, team_status
from casefile.core.verify import CaseReport, verify_case, verify_folder

pytestmark = pytest.mark.slow


def s3_team(server: object, db_url: str, monkeypatch: pytest.MonkeyPatch) -> TeamLibrary:
    """A team library on the real services; the bucket made with the administrator's keys, used with a clerk's."""
    bucket = f"team-{uuid.uuid4().hex[:12]}"
    team = TeamLibrary(db_url, f"s3://{bucket}?endpoint={server.endpoint}")  # type: ignore[attr-defined]
    monkeypatch.setenv("CASEFILE_S3_ACCESS_KEY", CREDENTIALS["admin"][0])
    monkeypatch.setenv("CASEFILE_S3_SECRET_KEY", CREDENTIALS["admin"][1])
    team_init(team)
    monkeypatch.setenv("CASEFILE_S3_ACCESS_KEY", CREDENTIALS["clerk"][0])
    monkeypatch.setenv("CASEFILE_S3_SECRET_KEY", CREDENTIALS["clerk"][1])
    return team


@pytest.fixture
def solo(tmp_path: Path, files: Path) -> tuple[Path, list[str]]:
    """A solo library of three cases (photos and a chat; a PDF; a court packet), the second tampered later."""
    root = tmp_path / "solo"
    with Library.open(root, "张三") as library:
        first = make_case(library)
        list(add_files(library, first.number, [files]))
        second = make_case(library, title="退款未到账")
        pdf = tmp_path / "发票.pdf"
        canvas = Canvas(str(pdf))
        canvas.drawString(72, 720, "Invoice 2026-11-18")
        canvas.save()
        list(add_files(library, second.number, [pdf, files / "chat.txt"]))
        third = make_case(library, title="快递丢失", complained_at="2026-10-05T09:00:00+08:00")
        list(add_files(library, third.number, [files / "破损照片.jpg"]))
        numbers = [first.number, second.number, third.number]
    return root, numbers


def fields(title: str, when: str) -> Case:
    return case_from_fields({"title": title, "complained_at": when, "channel": "store", "type": "quality"})


def verified(folder: Path) -> CaseReport:
    from casefile.core.library import CaseFolder

    report = [r for r in verify_folder(CaseFolder(folder)) if isinstance(r, CaseReport)][0]
    return report


def test_push_export_and_numbering(
    solo: tuple[Path, list[str]], pg_url: str, seaweed_s3: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, numbers = solo
    first, second, third = numbers
    team = s3_team(seaweed_s3, pg_url, monkeypatch)
    # Tamper with the second case's first exhibit: it stays out, with its reason; the others go in.
    evidence = sorted((root / "cases" / second / "evidence").rglob("*.*"))[0]
    saved = evidence.read_bytes()
    evidence.chmod(0o600)
    evidence.write_bytes(saved + b"x")

    result = team_push(team, root, "李四")
    assert result.pushed == [third, first]  # 202610 before 202611
    assert list(result.refused) == [second]
    assert "does not verify" in result.refused[second] and "modified" in result.refused[second]

    with Catalogue.open(pg_url) as catalogue:
        solo_lines = (root / "cases" / first / LOG_NAME).read_text("utf-8").splitlines()
        team_lines = catalogue.custody_lines(first)
        assert team_lines[: len(solo_lines)] == solo_lines  # the same chain, line for line
        assert len(team_lines) == len(solo_lines) + 1 and '"action":"import"' in team_lines[-1]
        assert "李四" in team_lines[-1] and str(root) in team_lines[-1]
        assert catalogue.check_chain(first).ok
        assert len(catalogue.load(first).case.exhibits) == 4

    # Mended, the second goes in; the first and third are in already: nothing changes for them.
    evidence.write_bytes(saved)
    again = team_push(team, root, "李四")
    assert again.pushed == [second] and again.already_in == [third, first] and not again.refused
    third_again = team_push(team, root, "李四")
    assert third_again.pushed == [] and len(third_again.already_in) == 3

    # New cases of a pushed month are numbered after the pushed ones.
    with Catalogue.open(pg_url) as catalogue:
        new = catalogue.register(fields("新案", "2026-11-21T10:00:00+08:00"), "王五")
        assert new.number == "202611-003"
        assert catalogue.register(fields("十月", "2026-10-21T10:00:00+08:00"), "王五").number == "202610-002"

    status = team_status(team)
    assert status.cases == 5 and not status.broken_chains and not status.store_problem

    # Out again: the archive imports into a fresh solo library and verifies, with CaseFile and sha256sum.
    archive = tmp_path / "out" / f"{first}.zip"
    archive.parent.mkdir()
    exported = team_export(team, first, archive, "李四")
    assert exported.path == archive and archive.is_file()
    with Library.open(tmp_path / "fresh", "赵六") as fresh:
        imported = [r for r in import_case(fresh, archive) if isinstance(r, ImportResult)][0]
        assert imported.number == first and imported.exhibits == 4
        assert verified(fresh.cases_dir / first).ok
    unpacked = tmp_path / "unpacked"
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(unpacked)
    if shutil.which("sha256sum"):
        check = subprocess.run(
            ["sha256sum", "-c", "MANIFEST.sha256"], cwd=unpacked / first, capture_output=True, text=True, check=False
        )
        assert check.returncode == 0, check.stdout + check.stderr
    with Catalogue.open(pg_url) as catalogue:
        assert '"action":"export"' in catalogue.custody_lines(first)[-1]
        # The export's files were read from the store into the working copy, then exported.
        assert [row.action for row in catalogue.audit_log(first)] == ["read", "export"]
        assert catalogue.check_chain(first).ok


def test_diverged_log_is_refused(solo: tuple[Path, list[str]], pg_url: str, tmp_path: Path) -> None:
    root, numbers = solo
    team = TeamLibrary(pg_url, f"folder:{tmp_path / 'store'}")
    team_init(team)
    assert len(team_push(team, root, "李四").pushed) == 3
    with Library.open(root, "张三") as library:
        list(verify_case(library, numbers[0]))  # the solo log goes on after the push
    result = team_push(team, root, "李四")
    assert list(result.refused) == [numbers[0]] and "separate ways" in result.refused[numbers[0]]


def test_unreachable_servers_say_so_plainly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    team = TeamLibrary(f"postgresql+psycopg://casefile:secret@127.0.0.1:{port}/casefile", f"folder:{tmp_path}")
    with pytest.raises(StorageError) as caught:
        team_init(team)
    text = str(caught.value)
    assert text.startswith(f"the team catalogue postgresql+psycopg://casefile:***@127.0.0.1:{port}/casefile")
    assert "cannot be reached" in text and "\n" not in text and "secret" not in text

    monkeypatch.setenv("CASEFILE_S3_ACCESS_KEY", "k")
    monkeypatch.setenv("CASEFILE_S3_SECRET_KEY", "s3-secret-key")
    s3 = TeamLibrary("sqlite:///" + str(tmp_path / "c.db"), f"s3://evidence?endpoint=http://127.0.0.1:{port}")
    with pytest.raises(StorageError) as caught:
        team_init(s3)
    text = str(caught.value)
    assert f"http://127.0.0.1:{port}/evidence" in text and "cannot be reached" in text
    assert "\n" not in text and "s3-secret-key" not in text


def test_bundled_case_moves_in_and_out_with_its_packet(pg_url: str, tmp_path: Path, files: Path) -> None:
    """A case with a generated packet: the packet's files go into the store, and the export verifies."""
    from casefile_testing import filed_case

    from casefile.core.bundle import BundleOptions, Venue, build_bundle
    from casefile.core.settings import Settings

    root = tmp_path / "solo"
    with Library.open(root, "张三") as library:
        number = filed_case(library).number
        list(add_files(library, number, [files / "破损照片.jpg"]))
        list(build_bundle(library, number, BundleOptions(Venue.CONSUMER_ASSOCIATION, force=True), Settings()))
    bundles = sorted(p for p in (root / "cases" / number / "bundles").rglob("*") if p.is_file())
    assert bundles
    team = TeamLibrary(pg_url, f"folder:{tmp_path / 'store'}")
    team_init(team)
    assert team_push(team, root, "李四").pushed == [number]
    archive = tmp_path / f"{number}.zip"
    team_export(team, number, archive, "李四")
    with zipfile.ZipFile(archive) as zf:
        names = zf.namelist()
    assert all(f"{number}/{p.relative_to(root / 'cases' / number).as_posix()}" in names for p in bundles)
    with Library.open(tmp_path / "fresh", "赵六") as fresh:
        list(import_case(fresh, archive))
        assert verified(fresh.cases_dir / number).ok
