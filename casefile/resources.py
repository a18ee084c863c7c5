"""Where CaseFile's resource files (fonts, icons) are, in a checkout and in the packaged app."""

from __future__ import annotations

from pathlib import Path

import casefile

# resources/ sits next to the casefile package: in a source checkout (editable install)
# and in the PyInstaller folder, whose build.spec copies it there.
RESOURCES = Path(casefile.__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    path = RESOURCES.joinpath(*parts)
    if not path.exists():
        from casefile.core.errors import CaseFileError

        raise CaseFileError("a resource file is missing: {path} (reinstall CaseFile)", path=path)
    return path
