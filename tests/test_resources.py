"""Every resource file is reachable through the public loaders, and the wheel carries them all."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from PIL import Image, ImageFont

from casefile.core.errors import CaseFileError
from casefile.resources import resource_path, translation_path

REPO = Path(__file__).resolve().parents[1]
QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")  # the first bytes of every compiled Qt catalogue
LANGUAGES = sorted(p.stem.removeprefix("casefile_") for p in (REPO / "i18n").glob("casefile_*.ts"))


def shipped_resources() -> list[Path]:
    """The files of resources/, relative to it (the package marker aside)."""
    root = REPO / "resources"
    return sorted(p.relative_to(root) for p in root.rglob("*") if p.is_file() and p.suffix not in (".py", ".pyc"))


def test_each_resource_file_loads_through_resource_path():
    shipped = shipped_resources()
    assert {"fonts/wqy-microhei.ttc", "icons/casefile.svg", "icons/casefile.ico"} <= {p.as_posix() for p in shipped}
    for relative in shipped:
        path = resource_path(*relative.parts)
        assert path.read_bytes() == (REPO / "resources" / relative).read_bytes(), relative


def test_the_font_and_icons_open():
    font = ImageFont.truetype(str(resource_path("fonts", "wqy-microhei.ttc")), 14)
    assert font.getbbox("证据材料")[2] > 0
    with Image.open(resource_path("icons", "casefile.ico")) as icon:
        assert icon.size[0] >= 32
    assert b"<svg" in resource_path("icons", "casefile.svg").read_bytes()


def test_each_language_has_a_compiled_catalogue():
    assert LANGUAGES == ["en", "zh_CN"]
    for language in LANGUAGES:
        path = translation_path(language)
        assert path is not None, f"casefile_{language}.qm not built (tools/i18n.py build)"
        assert path.read_bytes().startswith(QM_MAGIC)
    assert translation_path("xx") is None


def test_a_missing_resource_is_a_clear_error():
    with pytest.raises(CaseFileError, match="a resource file is missing: fonts/nothing.ttf"):
        resource_path("fonts", "nothing.ttf")


def source_tree(target: Path) -> Path:
    """A copy of the checkout without build output: the wheel must compile its own catalogues."""
    skip = {".git", ".venv", ".venv-app", "build", "dist", "docs", "bench", "__pycache__", ".pytest_cache"}
    skip |= {".ruff_cache", ".mypy_cache"}

    def ignore(folder: str, names: list[str]) -> list[str]:
        return [n for n in names if n in skip or n.endswith((".qm", ".egg-info", ".pyc"))]

    return Path(shutil.copytree(REPO, target, ignore=ignore))


@pytest.mark.slow
def test_the_wheel_carries_fonts_icons_and_compiled_translations(tmp_path):
    tree = source_tree(tmp_path / "src")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(tree), "--no-deps", "--quiet", "-w", str(tmp_path / "wheel")],
        check=True,
    )
    (wheel,) = (tmp_path / "wheel").glob("casefile-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        members = set(archive.namelist())
        catalogues = {name: archive.read(name) for name in members if name.endswith(".qm")}
    for relative in shipped_resources():
        assert f"casefile/assets/{relative.as_posix()}" in members
    assert sorted(catalogues) == [f"casefile/translations/casefile_{language}.qm" for language in LANGUAGES]
    assert all(data.startswith(QM_MAGIC) for data in catalogues.values())
    assert len(catalogues["casefile/translations/casefile_zh_CN.qm"]) > 10_000  # the Chinese text, not a stub
    packages = sorted(p.parent.relative_to(REPO).as_posix() for p in (REPO / "casefile").rglob("__init__.py"))
    assert [p for p in packages if f"{p}/__init__.py" not in members] == []
    assert not [name for name in members if name.endswith(".ts") or name.startswith(("resources/", "i18n/"))]
