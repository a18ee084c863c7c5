"""Translations: Qt Linguist catalogues in i18n/, compiled to .qm at build time (never committed).

Source strings are English; ``zh_CN`` is the default language. The catalogues are found
through casefile.resources. If a checkout's compiled catalogue is missing or older than its
source (run without tools/dev), it is compiled into the user's cache folder with
``pyside6-lrelease`` on first use.
"""

from __future__ import annotations

import errno
import functools
import logging
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import platformdirs

from casefile.core.errors import CaseFileError, Message, SystemReason
from casefile.core.settings import APP_NAME, normalise_language
from casefile.resources import translation_path, translation_source
from casefile.ui.core_messages import QT_TRANSLATE_NOOP

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QComboBox

log = logging.getLogger(__name__)

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}

_installed: list[QTranslator] = []
_language = "en"  # the source strings' language until a catalogue is installed


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
    global _language
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = normalise_language(language)  # as the command line reads it: "en_US" is English in both
    _language = language
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
    their fields, fields that are messages themselves included. A field holding a system
    error (an OSError, or a :class:`SystemReason`) is said in the app's language too, never
    in the system's English. A translation that does not fit its fields falls back to the
    English text rather than showing a broken one.
    """
    if isinstance(value, CaseFileError):
        value = value.message
    if isinstance(value, OSError):
        return _os_error(value)
    if isinstance(value, SystemReason):
        return _os_reason(value.error)
    if not isinstance(value, Message):
        return str(value)
    template = QCoreApplication.translate("core", value.template)
    if not value.params:
        return template
    named = {str(v) for v in value.params.values() if not isinstance(v, OSError)}
    params = {
        k: _os_error(v, named=named)
        if isinstance(v, OSError)
        else translated(v)
        if isinstance(v, Message | CaseFileError | SystemReason)
        else v
        for k, v in value.params.items()
    }
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        log.warning("translation of %r does not fit its fields", value.template)
        return str(value)


_IN_USE = QT_TRANSLATE_NOOP("CaseFile", "The file is in use by another program")
_TOO_MANY_OPEN = QT_TRANSLATE_NOOP("CaseFile", "Too many files are open; close some programs and try again")
_OS_ERRORS: dict[int, str] = {
    errno.ENOSPC: QT_TRANSLATE_NOOP("CaseFile", "The disk is full"),
    errno.EACCES: QT_TRANSLATE_NOOP("CaseFile", "Permission denied"),
    errno.EPERM: QT_TRANSLATE_NOOP("CaseFile", "Permission denied"),
    errno.EROFS: QT_TRANSLATE_NOOP("CaseFile", "The disk is read-only"),
    errno.ENOENT: QT_TRANSLATE_NOOP("CaseFile", "No such file or folder"),
    errno.EBUSY: _IN_USE,
    errno.ETXTBSY: _IN_USE,
    errno.EIO: QT_TRANSLATE_NOOP("CaseFile", "The disk could not be read or written (input/output error)"),
    errno.EEXIST: QT_TRANSLATE_NOOP("CaseFile", "A file or folder of that name is already there"),
    errno.ENOTDIR: QT_TRANSLATE_NOOP("CaseFile", "A part of the path is a file, not a folder"),
    errno.EISDIR: QT_TRANSLATE_NOOP("CaseFile", "This is a folder, not a file"),
    errno.ENAMETOOLONG: QT_TRANSLATE_NOOP("CaseFile", "The file name or the path is too long"),
    errno.EMFILE: _TOO_MANY_OPEN,
    errno.ENFILE: _TOO_MANY_OPEN,
    errno.EXDEV: QT_TRANSLATE_NOOP("CaseFile", "The file cannot be moved to another disk directly"),
    errno.ENOTEMPTY: QT_TRANSLATE_NOOP("CaseFile", "The folder is not empty"),
    errno.EDQUOT: QT_TRANSLATE_NOOP("CaseFile", "The disk space allowed to this user is used up"),
    errno.ELOOP: QT_TRANSLATE_NOOP("CaseFile", "Too many links in the path (a link may point to itself)"),
    errno.EINVAL: QT_TRANSLATE_NOOP("CaseFile", "The disk does not accept this name or operation"),
    errno.EFBIG: QT_TRANSLATE_NOOP("CaseFile", "The file is too large for this disk"),
    errno.ENODEV: QT_TRANSLATE_NOOP("CaseFile", "The disk or device is not available"),
    errno.ENXIO: QT_TRANSLATE_NOOP("CaseFile", "The disk or device is not available"),
    errno.ETIMEDOUT: QT_TRANSLATE_NOOP("CaseFile", "The disk or network folder did not answer in time"),
    errno.ENOMEM: QT_TRANSLATE_NOOP("CaseFile", "Not enough memory; close some programs and try again"),
}
_OS_ERROR_CODE = QT_TRANSLATE_NOOP("CaseFile", "The system could not complete the operation (error %1)")
_OS_ERROR_ELSE = QT_TRANSLATE_NOOP("CaseFile", "The system could not complete the operation")


def _os_reason(error: OSError) -> str:
    """Why the system refused, in the app's language, without the file's name.

    An error the table does not know: Windows' own text (Windows says it in the user's
    language), the system's text in the English app; otherwise a phrase of the app's language with
    the error's number, the system's English text going to the log only.
    """
    text = _OS_ERRORS.get(error.errno or 0)
    if text:
        return QCoreApplication.translate("CaseFile", text)
    system = error.strerror or str(error)
    if system and (getattr(error, "winerror", None) or _language == "en"):
        return system
    log.info("system error shown in words of the app: %s", error)
    if error.errno:
        return fill(QCoreApplication.translate("CaseFile", _OS_ERROR_CODE), error.errno)
    return QCoreApplication.translate("CaseFile", _OS_ERROR_ELSE)


def _os_error(error: OSError, *, named: set[str] | None = None) -> str:
    """Why the system refused, and the file's name unless the message ``named`` it already."""
    reason = _os_reason(error)
    name = error.filename
    if not name:
        return reason
    name = os.fsdecode(name) if isinstance(name, bytes) else str(name)
    return reason if named and name in named else labelled(reason, name)


def labelled(label: str, text: str) -> str:
    """``label: text`` with the colon of the app's language."""
    return fill(QCoreApplication.translate("CaseFile", "%1: %2"), label, text)


def listed(items: Iterable[str]) -> str:
    """Items one after another with the app language's comma ("a, b" / "a，b")."""
    return QCoreApplication.translate("CaseFile", ", ").join(items)


def enumerated(items: Iterable[str]) -> str:
    """Items of one list in a sentence with the app language's enumeration comma ("a, b" / "a、b")."""
    return QCoreApplication.translate("CaseFile", ", ", "enumeration comma").join(items)


def spaced(parts: Iterable[str]) -> str:
    """Parts of a header one after another, set apart as the app's language does ("a · b" / "a　b")."""
    template = QCoreApplication.translate("CaseFile", "%1 · %2", "between a header's parts")
    return functools.reduce(lambda shown, part: fill(template, shown, part), parts)


def bracketed(text: str, note: str) -> str:
    """``text (note)`` with the app language's brackets ("a (b)" / "a（b）")."""
    return fill(QCoreApplication.translate("CaseFile", "%1 (%2)"), text, note)


def fill(text: str, *values: object) -> str:
    """Put ``values`` into a translated text's %1, %2… in one pass (a value holding "%2" stays as it is)."""
    return re.sub(
        r"%(\d+)",
        lambda m: str(values[int(m.group(1)) - 1]) if 0 < int(m.group(1)) <= len(values) else m.group(0),
        text,
    )


def refill_choices(combo: QComboBox, everything: str, items: list[tuple[str, str]]) -> None:
    """Fill a filter's choices again in the language now shown, keeping the one chosen.

    ``everything`` is the first choice (data ""); ``items`` are (data, label). No change signal
    is sent: the choice stays what it was.
    """
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(everything, "")
    for value, label in items:
        combo.addItem(label, value)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.blockSignals(False)
