"""What pyproject.toml cannot declare: the packages, and the translations compiled into the wheel.

resources/ and i18n/ stay at the top of the repository and become the data packages
``casefile.assets`` and ``casefile.translations`` (read through casefile.resources). An
editable install maps them onto the two folders; a wheel gets their files, and i18n/*.ts
compiled to .qm with the lrelease PySide6 ships (a build requirement in pyproject.toml).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

DATA_FOLDERS = {"casefile.assets": "resources", "casefile.translations": "i18n"}


def data_packages() -> tuple[dict[str, str], dict[str, list[str]]]:
    """Each data folder and its sub-folders as packages (their directories, their files)."""
    package_dir: dict[str, str] = {}
    package_data: dict[str, list[str]] = {}
    for package, folder in DATA_FOLDERS.items():
        package_dir[package] = folder
        for sub in sorted(p for p in Path(folder).rglob("*") if p.is_dir() and p.name != "__pycache__"):
            package_dir[".".join([package, *sub.relative_to(folder).parts])] = sub.as_posix()
    for package, folder in package_dir.items():
        if package.startswith("casefile.assets"):  # every file; translations get only their .qm (below)
            package_data[package] = [p.name for p in Path(folder).iterdir() if p.is_file() and p.suffix != ".py"]
    return package_dir, package_data


class BuildWithTranslations(build_py):
    """Also compile i18n/*.ts into .qm files inside the built casefile.translations package.

    An editable install reads i18n/ in place instead, where tools/i18n.py build puts them.
    """

    def run(self) -> None:
        super().run()
        if not self.editable_mode:
            self.compile_translations()

    def translations(self) -> list[tuple[Path, Path]]:
        target = Path(self.build_lib, "casefile", "translations")
        return [(ts, target / ts.with_suffix(".qm").name) for ts in sorted(Path("i18n").glob("*.ts"))]

    def compile_translations(self) -> None:
        pairs = self.translations()
        if not pairs:
            raise SystemExit("no translation sources in i18n/: the package would have no catalogues")
        beside_python = str(Path(sys.executable).parent)
        lrelease = shutil.which("pyside6-lrelease", path=beside_python) or shutil.which("pyside6-lrelease")
        if lrelease is None:
            raise SystemExit("pyside6-lrelease not found: building CaseFile needs PySide6-Essentials")
        for ts, qm in pairs:
            qm.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)], check=True)

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = super().get_outputs(include_bytecode)
        if not self.editable_mode:
            outputs += [str(qm) for _, qm in self.translations()]
        return outputs


PACKAGE_DIR, PACKAGE_DATA = data_packages()

setup(
    packages=[*find_packages(include=["casefile", "casefile.*"]), *PACKAGE_DIR],
    package_dir=PACKAGE_DIR,
    package_data=PACKAGE_DATA,
    exclude_package_data={"casefile.translations": ["*.ts"]},  # in the sdist (MANIFEST.in), not the wheel
    cmdclass={"build_py": BuildWithTranslations},
)
