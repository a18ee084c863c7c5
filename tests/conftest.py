"""Shared fixtures: a real library in a temporary folder, real files, the shared corpus."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from casefile_testing import make_case

from casefile.core.library import Library
from casefile.core.model import Case

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Keep tests away from the real user's settings and library."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("CASEFILE_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("CASEFILE_LIBRARY", str(home / "default-library"))
    monkeypatch.setenv("CASEFILE_OPERATOR", "测试员")
    monkeypatch.setenv("CASEFILE_CACHE_DIR", str(home / "cache"))
    monkeypatch.setenv("CASEFILE_DATA_DIR", str(home / "data"))  # team libraries' working copies
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    from casefile.core import zone
    from casefile.core.model import set_organisation

    zone.use_computer_zone(False)  # times are shown in Beijing time unless a test chooses otherwise
    set_organisation("")  # no organisation in the settings unless a test enters one
    yield
    zone.use_computer_zone(False)  # nor for module fixtures set up before the next test's
    set_organisation("")


def set_machine_zone(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Set this computer's clock zone (TZ) for one test; the fixture below puts it back."""
    import time

    monkeypatch.setenv("TZ", name)
    time.tzset()


@pytest.fixture
def machine_zone(monkeypatch: pytest.MonkeyPatch):
    """``machine_zone("America/Los_Angeles")``: the computer's clock in that zone until the test ends."""
    import time

    yield lambda name: set_machine_zone(monkeypatch, name)
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def los_angeles(machine_zone) -> None:
    """A computer left on US Pacific time (as a fresh Windows install is)."""
    machine_zone("America/Los_Angeles")


@pytest.fixture
def library(tmp_path: Path) -> Library:
    lib = Library.open(tmp_path / "library", "测试员")
    yield lib
    lib.close()


@pytest.fixture
def case(library: Library) -> Case:
    return make_case(library)


@pytest.fixture
def files(tmp_path: Path) -> Path:
    """A folder of small real files: a JPEG, a PNG, a text chat, an empty file."""
    from PIL import Image

    folder = tmp_path / "incoming"
    folder.mkdir()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(folder / "破损照片.jpg", quality=90)
    Image.new("RGB", (40, 80), (30, 30, 200)).save(folder / "Screenshot_20240510-143012_WeChat.png")
    (folder / "chat.txt").write_text("2024-05-10 14:30:12 客服: 您好\n2024-05-10 14:31:00 我: 屏幕碎了\n", "utf-8")
    (folder / "empty.dat").write_bytes(b"")
    return folder


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    return CORPUS


def now() -> datetime:
    return datetime.now().astimezone()


__all__ = ["CORPUS", "REPO", "make_case", "now", "os"]


# Real services on 127.0.0.1: an RFC 3161 TSA for the tests of trusted timestamps (tests/tsa_server.py),
# PostgreSQL 15 for the tests of the team catalogue (tests/pg_server.py), and SeaweedFS with its S3
# gateway for the evidence store's tests (tests/s3_server.py).
from pg_server import pg_url, postgres_server  # noqa: E402, F401
from s3_server import seaweed_s3  # noqa: E402, F401
from tsa_server import local_ca, tsa  # noqa: E402, F401


@pytest.fixture
def bind() -> Iterator[Callable[[Path, Path], Path]]:
    """``bind(source, target)``: the folder ``source`` reached at ``target`` too, by a second mount
    (as a NAS share mounted twice, or a mapped drive and its network path, reach one folder)."""
    import shutil
    import subprocess

    mounted: list[Path] = []
    if os.name != "posix" or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a second mount of a folder needs root")

    def make(source: Path, target: Path) -> Path:
        target.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(["mount", "--bind", str(source), str(target)], capture_output=True, check=False)
        if done.returncode != 0:
            pytest.skip(f"mount --bind is not allowed here: {done.stderr.decode(errors='replace').strip()}")
        mounted.append(target)
        return target

    yield make
    for target in reversed(mounted):
        subprocess.run(["umount", str(target)], check=False)
