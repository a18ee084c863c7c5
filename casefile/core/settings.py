"""User settings that the core needs (the GUI keeps window state in QSettings itself).

Each setting is declared once with its default. They live in ``settings.json`` in the
user's configuration folder; environment variables override them for scripts and tests.
Keys of that file that are not declared here (written by a newer CaseFile, or the
``watch_folders`` of older ones, moved into each library by ``casefile.core.watch``) are
kept when the settings are saved.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import logging
import os
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import platformdirs

from casefile.core import zone
from casefile.core.fsutil import atomic_write_json, make_private, make_private_dir

log = logging.getLogger(__name__)

APP_NAME = "CaseFile"
ENV_LIBRARY = "CASEFILE_LIBRARY"
ENV_OPERATOR = "CASEFILE_OPERATOR"
ENV_CONFIG = "CASEFILE_CONFIG_DIR"
ENV_DATA = "CASEFILE_DATA_DIR"
# Team mode (casefile.core.team): where the team library's addresses are kept. Named here so that
# choosing between the solo library and the team library's working copy loads no team code.
TEAM_FILE = "team.json"
ENV_TEAM_FILE = "CASEFILE_TEAM_FILE"


@dataclass
class Settings:
    library: str = ""  # empty: the default library in the user's data folder
    operator: str = ""  # empty: the OS user name
    clerk_id: str = ""  # the operator's staff number (工号), printed beside the name on receipts
    hash_sm3: bool = True  # also record SM3 where OpenSSL provides it
    language: str = "zh_CN"
    setup_asked: bool = False  # the first start asked for the organisation and the operator (asked once)
    org_name: str = ""
    org_credit_code: str = ""
    org_address: str = ""
    org_phone: str = ""
    org_legal_representative: str = ""
    org_contact: str = ""  # 联系人 printed on the organisation's claims; empty: the operator name above
    # How many years after a complaint is handled the organisation keeps the customer's personal data,
    # as the walk-in receipt tells the customer (个人信息告知, PIPL arts. 17 and 19). Three years: the
    # limitation period within which the dispute may come back (民法典 art. 188).
    data_retention_years: int = 3
    # Times are shown (app, command line, packets) in Beijing time, where the users' disputes, deadlines and
    # courts are; True: in this computer's own zone instead, with the offset beside each time (casefile.core.zone).
    times_in_computer_zone: bool = False
    default_venue: str = "consumer-association"
    split_mb: int = 10
    # Watch folders (casefile.core.watch): what happens to a file once added, and how long a file
    # must stay still. The folders attached to cases are listed in each library, not here.
    watch_after_ingest: str = "move"  # "move" to <folder>/.ingested/, or "delete"
    watch_settle_ms: int = 2000  # how long size and time must stay still where no close events arrive
    # Trusted timestamps (RFC 3161, casefile.core.timestamps): the TSA's address (empty: none asked for),
    # its root certificate (PEM) when its tokens do not carry it, and how long to wait for it.
    tsa_url: str = ""
    tsa_ca_file: str = ""
    # The SHA-256 fingerprints of the TSA roots the user confirmed (against what the authority publishes),
    # separated by commas; a stamp relying on any other root is shown as "root not checked", never as trusted
    # (casefile.core.timestamps.roots). None unless the user sets them: no list of roots is shipped.
    tsa_root_sha256: str = ""
    tsa_timeout: int = 20
    # Read the text of new pictures and scanned pages (OCR, casefile[ocr]) in the background in the app.
    ocr_in_background: bool = True


DEFAULT_LANGUAGE = "zh_CN"


def normalise_language(value: str) -> str:
    """The language a setting names, as CaseFile speaks it, for the app and the command line alike: "en", "en_US",
    "en-GB" → "en"; "zh", "zh_CN", "zh-Hans-CN" → "zh_CN"; anything else the default, Simplified Chinese."""
    primary = value.strip().replace("-", "_").split("_")[0].lower()
    return "en" if primary == "en" else DEFAULT_LANGUAGE


def config_dir() -> Path:
    override = os.environ.get(ENV_CONFIG)
    return Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def settings_path() -> Path:
    return config_dir() / "settings.json"


SETTINGS_VERSION = 1


def read_settings_file() -> dict[str, Any]:
    """``settings.json`` as it is stored, every key included; empty when missing or unreadable."""
    path = settings_path()
    with contextlib.suppress(OSError):  # a folder an older CaseFile (or Qt) left readable by others
        make_private(path.parent)
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("ignoring unreadable settings file %s: %s", path, exc)
        return {}
    if not isinstance(data, dict):
        log.warning("ignoring settings file %s: not a JSON object", path)
        return {}
    return data


def write_settings_file(data: dict[str, Any]) -> None:
    path = settings_path()
    make_private_dir(path.parent, parents=True)  # attached folders, the organisation's details: 0700, 0600
    atomic_write_json(path, data)


def load_settings() -> Settings:
    settings = Settings()
    data = read_settings_file()
    version = data.get("version", 1)
    if isinstance(version, int) and version > SETTINGS_VERSION:
        log.warning(
            "settings file %s was written by a newer CaseFile (format %s); reading what this one knows",
            settings_path(),
            version,
        )
    for f in fields(Settings):
        value = data.get(f.name)
        if value is not None and isinstance(value, type(getattr(settings, f.name))):
            setattr(settings, f.name, value)
    settings.language = normalise_language(settings.language)  # typed by hand: "en_US", "zh-CN"
    zone.use_computer_zone(settings.times_in_computer_zone)  # the zone times are shown in follows the settings
    _use_organisation(settings)
    return settings


def _use_organisation(settings: Settings) -> None:
    """Read cases that record no side of their own as the organisation's in ``settings`` (casefile.core.model)."""
    from casefile.core.model import set_organisation

    set_organisation(settings.org_name, settings.org_credit_code)


def save_settings(settings: Settings) -> None:
    """Write the declared settings; keys of the file that are not declared here (a newer CaseFile's,
    or ones written since it was read) stay as they are."""
    data = read_settings_file()
    data.setdefault("version", SETTINGS_VERSION)
    data.update({f.name: getattr(settings, f.name) for f in fields(Settings)})
    write_settings_file(data)
    zone.use_computer_zone(settings.times_in_computer_zone)
    _use_organisation(settings)


def data_dir() -> Path:
    """The user's data folder (the default library, team working copies); ``$CASEFILE_DATA_DIR`` overrides it."""
    override = os.environ.get(ENV_DATA)
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_library_path() -> Path:
    return data_dir() / "library"


def team_file() -> Path:
    """The private file holding the team library's addresses (``$CASEFILE_TEAM_FILE`` overrides it)."""
    override = os.environ.get(ENV_TEAM_FILE)
    return Path(override) if override else config_dir() / TEAM_FILE


def team_mode_active(explicit_library: str | os.PathLike[str] | None = None) -> bool:
    """Whether the ordinary commands work on the team library's working copy: a team library is
    connected (``"active"`` in the team file), and no solo folder is named (--library, $CASEFILE_LIBRARY)."""
    if explicit_library or os.environ.get(ENV_LIBRARY):
        return False
    try:
        data = json.loads(team_file().read_text(encoding="utf-8"))
    except FileNotFoundError:
        return False
    except (OSError, ValueError) as exc:
        log.warning("ignoring unreadable team file %s: %s", team_file(), exc)
        return False
    return isinstance(data, dict) and data.get("active") is True


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


def clerk_id_of(operator: str, settings: Settings) -> str:
    """The staff number (工号) of ``operator``: the settings' clerk_id, which belongs to the operator the
    settings name (or, when they name none, to this computer's user); another operator's is not known."""
    if settings.operator.strip() and settings.operator.strip() != operator.strip():
        return ""
    return settings.clerk_id.strip()


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
