"""CaseFile's resource files: fonts and icons, and the compiled translations.

In the repository they sit at the top, in ``resources/`` and ``i18n/``; they are installed
as the data packages ``casefile.assets`` and ``casefile.translations`` (``package-dir`` in
pyproject.toml; the wheel build compiles ``i18n/*.ts`` to ``.qm``, see setup.py). They are
found through :mod:`importlib.resources` only, so the same code works in a checkout (its
editable install maps the two packages onto those folders), from an installed wheel and in
the PyInstaller app (build.spec collects the same packages).
"""

from __future__ import annotations

import atexit
from contextlib import ExitStack
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path

from casefile.core.errors import CaseFileError

ASSETS = "casefile.assets"  # resources/: fonts, icons
TRANSLATIONS = "casefile.translations"  # i18n/: casefile_<language>.qm (and .ts in a checkout)
DATA_PACKAGES = (ASSETS, TRANSLATIONS)

# Files extracted from a zipped install (none in a wheel installed by pip or in the app)
# stay on disk until the process exits: ReportLab and Qt read them by path, repeatedly.
_extracted = ExitStack()
atexit.register(_extracted.close)
_found: dict[tuple[str, ...], Path] = {}
_folders: dict[str, Path | None] = {}


def resource_path(*parts: str) -> Path:
    """A file of ``resources/`` as a path on disk, e.g. ``resource_path("fonts", "wqy-microhei.ttc")``."""
    path = _on_disk(ASSETS, *parts)
    if path is None:
        raise CaseFileError("a resource file is missing: {path} (reinstall CaseFile)", path="/".join(parts))
    return path


def translation_path(language: str) -> Path | None:
    """The compiled catalogue ``casefile_<language>.qm``; None when it was not built."""
    return _on_disk(TRANSLATIONS, f"casefile_{language}.qm")


def translation_source(language: str) -> Path | None:
    """The catalogue's source ``casefile_<language>.ts``: in a checkout only, not in a wheel or the app."""
    return _on_disk(TRANSLATIONS, f"casefile_{language}.ts")


def _on_disk(package: str, *parts: str) -> Path | None:
    key = (package, *parts)
    if key not in _found:  # only files found are remembered: a catalogue may be compiled later
        folder = _folder(package)
        path = folder.joinpath(*parts) if folder is not None else None
        if path is not None and path.is_file():  # a package of plain files (pip's wheel, the checkout, the app)
            _found[key] = path
            return path
        resource: Traversable = files(package)  # zipped, or a loader that serves it from elsewhere
        for part in parts:
            resource = resource.joinpath(part)
        if not resource.is_file():
            return None
        _found[key] = _extracted.enter_context(as_file(resource))
    return _found[key]


def _folder(package: str) -> Path | None:
    """The folder of a data package installed as plain files, or None (zipped, or not found).

    Read from the package's import spec, as :func:`importlib.resources.files` would, but
    without loading its readers (and :mod:`zipfile` with them) for a folder on disk.
    """
    if package not in _folders:
        import importlib.util

        spec = importlib.util.find_spec(package)
        folders = list(spec.submodule_search_locations or []) if spec is not None else []
        _folders[package] = Path(folders[0]) if len(folders) == 1 and Path(folders[0]).is_dir() else None
    return _folders[package]
