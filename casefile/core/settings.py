"""User settings that the core needs (the GUI keeps window state in QSettings itself).

Each setting is declared once with its default. They live in ``settings.json`` in the
user's configuration folder; environment variables override them for scripts and tests.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import logging
import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import platformdirs

from casefile.core.fsutil import atomic_write_json, make_private, make_private_dir

log = logging.getLogger(__name__)

APP_NAME = "CaseFile"
ENV_LIBRARY = "CASEFILE_LIBRARY"
ENV_OPERATOR = "CASEFILE_OPERATOR"
ENV_CONFIG = "CASEFILE_CONFIG_DIR"


@dataclass
class Settings:
    library: str = ""  # empty: the default library in the user's data folder
    operator: str = ""  # empty: the OS user name
    hash_sm3: bool = True  # also record SM3 where OpenSSL provides it
    language: str = "zh_CN"
    org_name: str = ""
    org_credit_code: str = ""
    org_address: str = ""
    org_phone: str = ""
    org_legal_representative: str = ""
    default_venue: str = "consumer-association"
    split_mb: int = 10
    # Watch folders (casefile.core.watch). Each case's inbox is always watched; these are the
    # folders attached to cases: {"library": abs path, "case": "202611-001", "folder": abs path, "poll": false}.
    watch_folders: list[dict[str, Any]] = field(default_factory=list)
    watch_after_ingest: str = "move"  # "move" to <folder>/.ingested/, or "delete"
    watch_settle_ms: int = 2000  # how long size and time must stay still where no close events arrive


def config_dir() -> Path:
    override = os.environ.get(ENV_CONFIG)
    return Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def settings_path() -> Path:
    return config_dir() / "settings.json"


def load_settings() -> Settings:
    settings = Settings()
    path = settings_path()
    with contextlib.suppress(OSError):  # a folder an older CaseFile (or Qt) left readable by others
        make_private(path.parent)
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return settings
    except (OSError, ValueError) as exc:
        log.warning("ignoring unreadable settings file %s: %s", path, exc)
        return settings
    if isinstance(data, dict):
        for f in fields(Settings):
            value = data.get(f.name)
            if value is not None and isinstance(value, type(getattr(settings, f.name))):
                setattr(settings, f.name, value)
    return settings


def save_settings(settings: Settings) -> None:
    path = settings_path()
    make_private_dir(path.parent, parents=True)  # attached folders, the organisation's details: 0700, 0600
    atomic_write_json(path, {f.name: getattr(settings, f.name) for f in fields(Settings)})


def default_library_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "library"


def resolve_library_path(explicit: str | os.PathLike[str] | None, settings: Settings | None = None) -> Path:
    """--library, then $CASEFILE_LIBRARY, then the settings, then the user's data folder."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(ENV_LIBRARY)
    if env:
        return Path(env).expanduser()
    settings = settings or load_settings()
    if settings.library:
        return Path(settings.library).expanduser()
    return default_library_path()


def resolve_operator(explicit: str | None = None, settings: Settings | None = None) -> str:
    if explicit:
        return explicit
    env = os.environ.get(ENV_OPERATOR)
    if env:
        return env
    settings = settings or load_settings()
    if settings.operator:
        return settings.operator
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - getuser raises various errors when no name is known
        return "unknown"
