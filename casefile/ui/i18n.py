"""Translations: Qt Linguist catalogues in i18n/, compiled to .qm at build time (never committed).

Source strings are English; ``zh_CN`` is the default language. The catalogues are found
through casefile.resources. If a checkout's compiled catalogue is missing or older than its
source (run without tools/dev), it is compiled into the user's cache folder with
``pyside6-lrelease`` on first use.
"""

from __future__ import annotations

import errno
import logging
import re
import shutil
import subprocess
import sys
from pathlib import Path

import platformdirs

from casefile.core.errors import CaseFileError, Message
from casefile.core.settings import APP_NAME
from casefile.resources import translation_path, translation_source
from casefile.ui.core_messages import QT_TRANSLATE_NOOP

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"

_installed: list[QTranslator] = []


def catalogue(language: str) -> Path | None:
    """The compiled .qm for ``language``, compiling it when needed; None when there is none."""
    built = translation_path(language)
    source = translation_source(language)  # in a checkout only
    if built is not None and (source is None or built.stat().st_mtime >= source.stat().st_mtime):
        return built
    if source is None:
        return None
    cache = Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "i18n"
    cached = cache / source.with_suffix(".qm").name
    if cached.exists() and cached.stat().st_mtime >= source.stat().st_mtime:
        return cached
    beside_python = str(Path(sys.executable).parent)  # a virtual environment that is not activated
    tool = (
        shutil.which("pyside6-lrelease", path=beside_python)
        or shutil.which("pyside6-lrelease")
        or shutil.which("lrelease")
    )
    if tool is None:
        log.warning("no compiled translations and no lrelease to build them; showing English")
        return None
    cache.mkdir(parents=True, exist_ok=True)
    subprocess.run([tool, "-silent", str(source), "-qm", str(cached)], check=False)
    return cached if cached.exists() else None


def install(app: QCoreApplication, language: str) -> None:
    """Switch the running app's language (widgets retranslate on LanguageChange)."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    if language == "en":
        return
    qt = QTranslator(app)
    if qt.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    path = catalogue(language)
    ours = QTranslator(app)
    if path is not None and ours.load(str(path)):
        app.installTranslator(ours)
        _installed.append(ours)


def translated(value: object) -> str:
    """A core message, error or OSError in the app's language.

    Core messages are translated from their template (context ``core``) and filled with
    their fields, fields that are messages themselves included. A translation that does
    not fit its fields falls back to the English text rather than showing a broken one.
    """
    if isinstance(value, CaseFileError):
        value = value.message
    if isinstance(value, OSError):
        return _os_error(value)
    if not isinstance(value, Message):
        return str(value)
    template = QCoreApplication.translate("core", value.template)
    if not value.params:
        return template
    params = {k: translated(v) if isinstance(v, Message | CaseFileError) else v for k, v in value.params.items()}
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        log.warning("translation of %r does not fit its fields", value.template)
        return str(value)


_OS_ERRORS: dict[int, str] = {
    errno.ENOSPC: QT_TRANSLATE_NOOP("CaseFile", "The disk is full"),
    errno.EACCES: QT_TRANSLATE_NOOP("CaseFile", "Permission denied"),
    errno.EPERM: QT_TRANSLATE_NOOP("CaseFile", "Permission denied"),
    errno.EROFS: QT_TRANSLATE_NOOP("CaseFile", "The disk is read-only"),
    errno.ENOENT: QT_TRANSLATE_NOOP("CaseFile", "No such file or folder"),
    errno.EBUSY: QT_TRANSLATE_NOOP("CaseFile", "The file is in use by another program"),
    errno.EIO: QT_TRANSLATE_NOOP("CaseFile", "The disk could not be read or written (input/output error)"),
}


def _os_error(error: OSError) -> str:
    text = _OS_ERRORS.get(error.errno or 0)
    reason = QCoreApplication.translate("CaseFile", text) if text else (error.strerror or str(error))
    name = error.filename
    if not name:
        return reason
    return labelled(reason, str(name))


def labelled(label: str, text: str) -> str:
    """``label: text`` with the colon of the app's language."""
    return QCoreApplication.translate("CaseFile", "%1: %2").replace("%1", label).replace("%2", text)


def fill(text: str, *values: object) -> str:
    """Put ``values`` into a translated text's %1, %2… in one pass (a value holding "%2" stays as it is)."""
    return re.sub(
        r"%(\d+)",
        lambda m: str(values[int(m.group(1)) - 1]) if 0 < int(m.group(1)) <= len(values) else m.group(0),
        text,
    )
