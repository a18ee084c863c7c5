"""What CaseFile writes about a dispute stays with its user: modes, thumbnails, recorded paths."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from casefile_testing import make_case, make_video
from PIL import Image

from casefile.cli import main
from casefile.core.evidence import AddResult, add_files
from casefile.core.library import Library
from casefile.core.media import contact_sheet, poster_frame
from casefile.core.settings import config_dir
from casefile.core.thumbnails import cache_dir, make_thumbnail, make_thumbnails, thumbnail_path

posix_only = pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The most permissive umask there is: CaseFile must set its modes itself."""
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def modes(root: Path) -> dict[str, int]:
    out = {}
    for dirpath, _dirs, names in os.walk(root):
        for path in (Path(dirpath), *(Path(dirpath) / n for n in names)):
            out[str(path.relative_to(root.parent))] = stat.S_IMODE(path.lstat().st_mode)
    return out


def assert_private(root: Path) -> None:
    loose = {p: oct(m) for p, m in modes(root).items() if m & 0o077}
    assert not loose, f"readable by others: {loose}"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def photo(path: Path, colour: tuple[int, int, int] = (200, 30, 30)) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (320, 200), colour).save(path, quality=90)
    return path


# ---------------------------------------------------------------------------- modes


@posix_only
def test_everything_written_is_private_whatever_the_umask(capsys, tmp_path, open_umask):
    lib = tmp_path / "lib"
    code, out, err = run(
        capsys, "--library", str(lib), "new", "--title", "身份证", "--type", "quality", "--channel", "store",
        "--complainant", "张三", "--phone", "13812345678", "--complained-at", "2026-11-20T10:30+08:00",
    )  # fmt: skip
    assert code == 0, err
    number = out.split()[-1]
    pictures = tmp_path / "pictures"
    photo(pictures / "id-card.jpg")
    make_video(pictures / "开箱.mp4")
    assert run(capsys, "--library", str(lib), "add", number, str(pictures))[0] == 0
    assert run(capsys, "--library", str(lib), "attach", number, str(pictures))[0] == 0  # writes the settings
    assert run(capsys, "--library", str(lib), "verify")[0] == 0
    export = tmp_path / "out" / "case.zip"
    export.parent.mkdir()
    assert run(capsys, "--library", str(lib), "export", number, "-o", str(export))[0] == 0
    code, _, err = run(
        capsys, "--library", str(lib), "bundle", number, "--venue", "receipt", "--force",
        "-o", str(tmp_path / "out" / "r.pdf"),
    )  # fmt: skip
    assert code == 0, err
    with Library.open(lib, "测试员") as library:
        case = library.load_case(number)
        folder = library.folder(number).path
        list(make_thumbnails(folder, case.exhibits))
        video = next(e for e in case.exhibits if e.mime.startswith("video/"))
        assert poster_frame(folder / video.stored_path, video.sha256) is not None
        assert contact_sheet(folder / video.stored_path, video.sha256) is not None
        assert list(library.index.summaries())  # the index is in use: its -wal and -shm exist now

    assert_private(lib)
    assert_private(cache_dir())
    assert_private(config_dir())
    found = modes(lib)
    assert found["lib"] == 0o700
    assert found[f"lib/cases/{number}/case.json"] == 0o600
    assert found[f"lib/cases/{number}/CUSTODY.jsonl"] == 0o600
    assert found["lib/index.sqlite"] == 0o600
    for name, mode in found.items():
        if name.startswith(f"lib/cases/{number}/evidence/") or name.startswith(f"lib/cases/{number}/bundles/"):
            assert mode == 0o400, name
    assert stat.S_IMODE(export.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "out" / "r.pdf").stat().st_mode) == 0o600
    assert any(cache_dir().rglob("*-poster.jpg")) and any(cache_dir().rglob("*-256.png"))


@posix_only
def test_a_library_written_before_is_made_private_when_opened(capsys, tmp_path, open_umask):
    lib = tmp_path / "lib"
    library = Library.open(lib, "测试员")
    case = make_case(library)
    list(add_files(library, case.number, [photo(tmp_path / "in" / "a.jpg")]))
    library.close()
    evidence = next((lib / "cases" / case.number / "evidence").iterdir())
    before = (evidence.read_bytes(), evidence.stat().st_mtime_ns)
    for path in [lib, *lib.rglob("*")]:  # as an older CaseFile left it under the usual umask
        if not path.is_symlink():
            os.chmod(path, 0o755 if path.is_dir() else (0o444 if path == evidence else 0o644))
    config_dir().mkdir(parents=True, exist_ok=True)
    (config_dir() / "settings.json").write_text("{}", encoding="utf-8")
    os.chmod(config_dir(), 0o755)
    code, out, err = run(capsys, "--library", str(lib), "verify")
    assert code == 0, err
    assert_private(lib)
    assert stat.S_IMODE(config_dir().stat().st_mode) == 0o700
    assert stat.S_IMODE(evidence.stat().st_mode) == 0o400  # still read-only
    assert (evidence.read_bytes(), evidence.stat().st_mtime_ns) == before


# ---------------------------------------------------------------------------- thumbnails


def test_withdrawing_an_exhibit_forgets_its_thumbnails(capsys, tmp_path):
    lib = tmp_path / "lib"
    library = Library.open(lib, "测试员")
    case = make_case(library)
    sources = [photo(tmp_path / "in" / "wrong-id.jpg"), photo(tmp_path / "in" / "ok.jpg", (0, 0, 200))]
    added = [r for r in add_files(library, case.number, sources) if isinstance(r, AddResult)]
    folder = library.folder(case.number).path
    list(make_thumbnails(folder, library.load_case(case.number).exhibits))
    wrong, ok = (r.exhibit for r in added)
    assert wrong is not None and ok is not None
    assert thumbnail_path(wrong.sha256).exists() and thumbnail_path(ok.sha256).exists()
    library.close()
    code, _, err = run(
        capsys, "--library", str(lib), "withdraw", case.number, str(wrong.number), "--reason", "别人的身份证"
    )
    assert code == 0, err
    assert not list(cache_dir().rglob(f"{wrong.sha256}*"))
    assert thumbnail_path(ok.sha256).exists()
    with Library.open(lib, "测试员") as library:
        assert list(make_thumbnails(folder, library.load_case(case.number).exhibits)) == []  # not made again
    assert not thumbnail_path(wrong.sha256).exists()


def test_reindex_drops_cached_pictures_of_files_no_longer_in_the_library(capsys, tmp_path):
    lib = tmp_path / "lib"
    library = Library.open(lib, "测试员")
    kept_case, gone_case = make_case(library), make_case(library)
    list(add_files(library, kept_case.number, [photo(tmp_path / "in" / "kept.jpg")]))
    list(add_files(library, gone_case.number, [photo(tmp_path / "in" / "gone.jpg", (0, 200, 0))]))
    for number in (kept_case.number, gone_case.number):
        list(make_thumbnails(library.folder(number).path, library.load_case(number).exhibits))
    kept = library.load_case(kept_case.number).exhibits[0].sha256
    gone = library.load_case(gone_case.number).exhibits[0].sha256
    library.close()
    stale_temp = thumbnail_path(gone).with_name(f".{gone}-256.png.1.2.tmp")
    stale_temp.write_bytes(b"left by a crash")
    os.utime(stale_temp, (1, 1))
    # The case is removed by hand; its ID-card picture must not stay behind in the cache.
    for path in sorted((lib / "cases" / gone_case.number).rglob("*"), reverse=True):
        os.chmod(path, 0o700)
        path.rmdir() if path.is_dir() else path.unlink()
    (lib / "cases" / gone_case.number).rmdir()
    code, out, err = run(capsys, "--library", str(lib), "reindex")
    assert code == 0, err
    assert not list(cache_dir().rglob(f"*{gone}*"))
    assert thumbnail_path(kept).exists()


def test_purge_keeps_what_it_is_told_to_and_leaves_other_files_alone(tmp_path):
    from casefile.core.thumbnails import purge

    source = photo(tmp_path / "p.jpg")
    sha = hashlib.sha256(source.read_bytes()).hexdigest()
    assert make_thumbnail(source, sha) is not None
    other = "ab" * 32
    (cache_dir() / other[:2]).mkdir(parents=True, exist_ok=True)
    (cache_dir() / other[:2] / f"{other}-256.png").write_bytes(b"x")
    (cache_dir() / "README").write_text("not ours to judge")
    assert purge(keep={sha}) == 1
    assert thumbnail_path(sha).exists() and (cache_dir() / "README").exists()
    assert purge(keep=set()) == 1 and not thumbnail_path(sha).exists()


# ---------------------------------------------------------------------------- recorded paths


def test_no_absolute_source_path_or_login_name_is_recorded_or_exported(capsys, tmp_path, monkeypatch):
    home = tmp_path / "home" / "zhangwei"
    monkeypatch.setenv("HOME", str(home))
    chosen = home / "Pictures" / "unboxing"
    photo(chosen / "IMG_20261120_101500.jpg")
    photo(chosen / "more" / "box.jpg", (0, 0, 200))
    single = photo(home / "Desktop" / "receipt.jpg", (0, 200, 0))
    lib = tmp_path / "lib"
    code, out, err = run(
        capsys, "--library", str(lib), "new", "--title", "屏幕碎裂", "--type", "quality", "--channel", "store",
        "--complained-at", "2026-11-20T10:30+08:00",
    )  # fmt: skip
    assert code == 0, err
    number = out.split()[-1]
    assert run(capsys, "--library", str(lib), "add", number, str(chosen), str(single))[0] == 0
    export = tmp_path / "case.zip"
    assert run(capsys, "--library", str(lib), "export", number, "-o", str(export))[0] == 0

    folder = lib / "cases" / number
    record = json.loads((folder / "case.json").read_text(encoding="utf-8"))
    assert sorted(e["original_path"] for e in record["exhibits"]) == [
        "IMG_20261120_101500.jpg",
        "more/box.jpg",
        "receipt.jpg",
    ]
    for data in ((folder / "case.json").read_bytes(), (folder / "CUSTODY.jsonl").read_bytes(), export.read_bytes()):
        assert str(tmp_path).encode() not in data
        assert b"zhangwei" not in data and b"/home/" not in data
    with zipfile.ZipFile(export) as zf:
        for info in zf.infolist():
            assert b"zhangwei" not in zf.read(info)
