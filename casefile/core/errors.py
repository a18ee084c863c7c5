"""Errors a user can act on, kept apart from bugs.

Every exception raised on purpose by the core derives from :class:`CaseFileError`
and carries a message that can be shown to a user as it is. Anything else that
escapes the core is a bug.
"""

from __future__ import annotations


class CaseFileError(Exception):
    """A problem the user can understand and act on."""


class NotFoundError(CaseFileError):
    """A case, exhibit or file that does not exist."""


class InvalidValueError(CaseFileError):
    """A value that does not fit the field it was given for."""


class StorageError(CaseFileError):
    """The disk or the file system refused an operation (full disk, permissions)."""


class RefusedError(CaseFileError):
    """A file that cannot be evidence (a device, a link out of the chosen folder...)."""


class ChangedWhileReadingError(RefusedError):
    """The source file changed while it was being copied."""


class CancelledError(CaseFileError):
    """The user cancelled the operation; nothing was left half-done."""

    def __init__(self, message: str = "cancelled") -> None:
        super().__init__(message)


class ArchiveError(CaseFileError):
    """An archive that cannot be imported."""


class LibraryVersionError(CaseFileError):
    """The library or a case folder was written by a newer CaseFile."""
