"""Errors a user can act on, kept apart from bugs, and the messages they carry.

Every exception raised on purpose by the core derives from :class:`CaseFileError`
and carries a :class:`Message`: an English template with named fields, such as
``Message("case {number} has no exhibit {exhibit}", number=..., exhibit=...)``.
``str()`` gives the English text (the command line and the logs use it); the app
looks the template up in its translation catalogue and fills in the same fields, so
the user reads the message in their own language. The templates are collected for
the translators by ``tools/i18n.py update``; that is why a template must be a
literal string, never an f-string. Anything else that escapes the core is a bug.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


class Message(str):
    """A user-facing message: reads as its English text, and keeps its template and fields."""

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, /, **params: Any) -> Message:
        self = super().__new__(cls, template.format(**params) if params else template)
        self.template = template
        self.params = params
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.template, self.params))


def _rebuild(template: str, params: dict[str, Any]) -> Message:
    return Message(template, **params)


def joined(items: Sequence[Message]) -> Message:
    """Messages one after another ("a; b; c"), the separator translated with them; nested as
    :func:`listed` nests, as deep as the logarithm of the messages (5,000 files missing make one)."""
    if not items:
        raise ValueError("nothing to join")
    if len(items) == 1:
        return items[0]
    middle = len(items) // 2
    return Message("{first}; {rest}", first=joined(items[:middle]), rest=joined(items[middle:]))


def listed(items: Sequence[Message | str]) -> Message:
    """Several names as one message: "A, B, C" (A、B、C in Chinese). The halves are listed apart, so that
    the message nests as deep as the logarithm of the names, never one level a name."""
    if len(items) == 1:
        first = items[0]
        return first if isinstance(first, Message) else Message("{name}", name=first)
    middle = len(items) // 2
    return Message("{first}, {rest}", first=listed(items[:middle]), rest=listed(items[middle:]))


class SystemReason(str):
    """Why the system refused a file operation, as a message field.

    It reads as the system's own text ("No such file or directory": the command line and
    the logs keep it) and keeps the OSError, so the app can say it in the user's language.
    """

    error: OSError

    def __new__(cls, error: OSError) -> SystemReason:
        self = super().__new__(cls, error.strerror or str(error) or type(error).__name__)
        self.error = error
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (SystemReason, (self.error,))


def _error_to_data(error: OSError, *, reason: bool) -> dict[str, Any]:
    filename = str(error.filename) if error.filename is not None else None
    return {"os_error": {"errno": error.errno, "strerror": error.strerror, "filename": filename}, "reason": reason}


def _error_from_data(data: dict[str, Any]) -> OSError | SystemReason:
    fields = data["os_error"] if isinstance(data["os_error"], dict) else {}
    code, text, filename = fields.get("errno"), fields.get("strerror"), fields.get("filename")
    if isinstance(code, int) and isinstance(text, str):
        error = OSError(code, text, filename) if isinstance(filename, str) else OSError(code, text)
    else:
        error = OSError(str(text or ""))
    return SystemReason(error) if data.get("reason") else error


def message_to_data(message: str) -> Any:
    """A message as JSON (its template and fields, nested messages and system errors too), to store and translate."""
    if isinstance(message, SystemReason):
        return _error_to_data(message.error, reason=True)
    if not isinstance(message, Message):
        return str(message)
    params = {
        k: message_to_data(v)
        if isinstance(v, str)
        else _error_to_data(v, reason=False)
        if isinstance(v, OSError)
        else v
        if isinstance(v, int | float | bool) or v is None
        else str(v)
        for k, v in message.params.items()
    }
    return {"template": message.template, "params": params}


def message_from_data(data: Any) -> Message:
    """The message :func:`message_to_data` stored (plain text becomes a message without fields)."""
    if not isinstance(data, dict) or not isinstance(data.get("template"), str):
        return Message(str(data).replace("{", "{{").replace("}", "}}"))
    stored = data.get("params")
    params: dict[str, Any] = stored if isinstance(stored, dict) else {}
    rebuilt = {
        k: _error_from_data(v)
        if isinstance(v, dict) and "os_error" in v
        else message_from_data(v)
        if isinstance(v, dict | str)
        else v
        for k, v in params.items()
    }
    try:
        return Message(data["template"], **rebuilt)
    except (KeyError, IndexError, ValueError):
        return Message(str(data["template"]).replace("{", "{{").replace("}", "}}"))


class CaseFileError(Exception):
    """A problem the user can understand and act on."""

    def __init__(self, template: str, /, **params: Any) -> None:
        self.message = template if isinstance(template, Message) and not params else Message(template, **params)
        super().__init__(self.message)

    def __str__(self) -> str:
        return str.__str__(self.message)


class NotFoundError(CaseFileError):
    """A case, exhibit or file that does not exist."""


class InvalidValueError(CaseFileError):
    """A value that does not fit the field it was given for."""


class StorageError(CaseFileError):
    """The disk or the file system refused an operation (full disk, permissions)."""

    def __init__(self, template: str, /, **params: Any) -> None:
        super().__init__(template, **params)
        self.problem: Message = self.message  # what went wrong, without what it left behind


class IndexWriteError(StorageError):
    """The library index could not be written (a full disk, an I/O error); the case folders are unaffected."""


class BusyError(StorageError):
    """Another window, command or watcher holds what this operation needs; trying later works."""


class RefusedError(CaseFileError):
    """A file that cannot be evidence (a device, a link out of the chosen folder...)."""


class ChangedWhileReadingError(RefusedError):
    """The source file changed while it was being copied."""


class CancelledError(CaseFileError):
    """The user cancelled the operation; nothing was left half-done."""

    def __init__(self, template: str = "cancelled", /, **params: Any) -> None:
        super().__init__(template, **params)


class IntegrityError(CaseFileError):
    """Evidence or a record that differs from what the custody log recorded: never printed, never trusted."""


class DamagedCaseError(IntegrityError):
    """A case folder that cannot be trusted (its custody log or case.json damaged or altered).

    It is quarantined: reported by verify, left untouched, every write refused, while the
    rest of the library works as usual. ``reason`` says what is wrong.
    """

    def __init__(self, template: str, /, **params: Any) -> None:
        super().__init__(template, **params)
        self.reason: str = params.get("reason", self.message)  # a Message where the core made it

    @classmethod
    def of(cls, number: str, reason: str) -> DamagedCaseError:
        return DamagedCaseError(
            "case {number} is damaged ({reason}); it was left untouched — run 'casefile verify {number}' and keep "
            "the folder as it is ('casefile repair {number}' rebuilds its record when the custody log is whole)",
            number=number,
            reason=reason,
        )


class ConflictError(CaseFileError):
    """Someone else saved a newer version of a record after this writer read it: nothing was overwritten.

    ``by`` and ``at`` say who saved the newer version and when (UTC); the writer reloads and applies its change again.
    ``paths`` names the fields changed both ways, where it is known ("complainant.phone", "title").
    """

    def __init__(self, template: str, /, **params: Any) -> None:
        super().__init__(template, **params)
        self.by: str = str(params.get("by", ""))
        self.at: str = str(params.get("at", ""))
        self.paths: list[str] = []


class ArchiveError(CaseFileError):
    """An archive that cannot be imported."""


class LibraryVersionError(CaseFileError):
    """The library or a case folder was written by a newer CaseFile."""


class AccessDeniedError(RefusedError):
    """The signed-in user lacks the access an operation needs (a role on a case, an administrator's rights),
    or is not a user of the team library at all."""
