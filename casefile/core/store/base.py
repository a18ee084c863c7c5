"""The evidence store's contract: content-addressed by SHA-256, write-once, verified on every read.

An object is named by the SHA-256 of its bytes (``sha256/ab/abcdef…``), so a name can never
hold other bytes than the ones it was made for: putting the same content again changes
nothing, and different content gets a different name. Each back end keeps that promise its
own way (a local folder, a folder on a NAS or SMB share, S3 object storage with Object Lock):

- :meth:`EvidenceStore.put` hashes the bytes while writing them and refuses them when they
  are not what the caller said (nothing is left behind);
- :meth:`EvidenceStore.open` hands out a stream that hashes what it reads: the read that
  reaches the end raises :class:`StoredEvidenceChangedError` instead of ending when the bytes
  differ from their name (changed, truncated, swapped), so whoever reads a whole object has
  read exactly what was stored;
- :meth:`EvidenceStore.retain` keeps an object until a date (only ever later), and
  :meth:`EvidenceStore.legal_hold` keeps it while litigation runs, whatever the date;
  :meth:`EvidenceStore.delete` is refused while either holds. On S3 with Object Lock the
  server itself refuses, to the administrator too; the folder stores refuse in CaseFile.
"""

from __future__ import annotations

import abc
import contextlib
import datetime as dt
import hashlib
import io
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from casefile.core.errors import IntegrityError, InvalidValueError, Message, NotFoundError, RefusedError
from casefile.core.hashing import CHUNK, Digests

SHA256_HEX = re.compile(r"[0-9a-f]{64}")


def object_key(sha256: str) -> str:
    """Where an object lives in every store: ``sha256/ab/abcdef…`` (the first two digits fan it out)."""
    return f"sha256/{sha256[:2]}/{sha256}"


def checked_digest(sha256: str) -> str:
    """``sha256`` as 64 lower-case hex digits, or :class:`InvalidValueError`."""
    digest = sha256.strip().lower()
    if not SHA256_HEX.fullmatch(digest):
        raise InvalidValueError("{value} is not a SHA-256 digest (64 hexadecimal digits)", value=sha256[:80])
    return digest


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def as_utc(when: dt.datetime) -> dt.datetime:
    """``when`` in UTC, to the second (what S3 keeps); a naive time is refused."""
    if when.tzinfo is None:
        raise InvalidValueError("a retention date needs a time zone: {when}", when=when.isoformat())
    return when.astimezone(dt.UTC).replace(microsecond=0)


class StoredEvidenceMissingError(NotFoundError):
    """No object under that SHA-256 in the store."""


class StoredEvidenceChangedError(IntegrityError):
    """An object's bytes differ from its name: changed, truncated or swapped in the store.

    ``found``: the SHA-256 of the bytes read (all of them, or up to where they ran past the size).
    """

    found: str = ""


class StoredEvidenceTakenError(IntegrityError):
    """:meth:`EvidenceStore.put` found other bytes under the name and could not replace them (write-once
    storage): the genuine bytes are not stored, and whatever names that SHA-256 is damaged."""


class EvidenceDigestMismatchError(IntegrityError):
    """Bytes given to :meth:`EvidenceStore.put` are not the ones their SHA-256 names; nothing was stored."""


class EvidenceRetainedError(RefusedError):
    """A delete or a shortened retention refused: the object is retained or under legal hold."""


def missing(store: str, sha256: str) -> StoredEvidenceMissingError:
    return StoredEvidenceMissingError(
        "the evidence store {store} has no object with SHA-256 {digest}", store=store, digest=sha256
    )


def changed(store: str, sha256: str, found: str, size: int) -> StoredEvidenceChangedError:
    error = StoredEvidenceChangedError(
        "the evidence store {store} holds other bytes than SHA-256 {digest} names "
        "(read {size} bytes with SHA-256 {found}…): the stored object was changed or truncated",
        store=store,
        digest=sha256,
        size=size,
        found=found[:16],
    )
    error.found = found
    return error


def taken(store: str, sha256: str, found: str, until: dt.datetime | None) -> StoredEvidenceTakenError:
    """Other bytes under the name, kept by write-once storage (S3: its first version, perhaps locked)."""
    advice = Message(
        "the genuine file cannot be stored under its name, so nothing was stored. Keep the file, and tell whoever "
        "runs the evidence store (the team library's administrator): the object must be put right there, and until "
        "then every case naming this SHA-256 is damaged"
    )
    if until is not None:
        return StoredEvidenceTakenError(
            "the evidence store {store} already holds other bytes under the name of this file (SHA-256 {digest}; "
            "the bytes there have SHA-256 {found}…), locked by the store until {until}: {advice}",
            store=store,
            digest=sha256,
            found=found[:16],
            until=until.isoformat(),
            advice=advice,
        )
    return StoredEvidenceTakenError(
        "the evidence store {store} already holds other bytes under the name of this file (SHA-256 {digest}; "
        "the bytes there have SHA-256 {found}…), which a write-once store keeps: {advice}",
        store=store,
        digest=sha256,
        found=found[:16],
        advice=advice,
    )


def not_as_named(sha256: str, found: str) -> EvidenceDigestMismatchError:
    return EvidenceDigestMismatchError(
        "the file's SHA-256 is {found}, not {digest} as expected; nothing was stored", found=found, digest=sha256
    )


def retained(store: str, sha256: str, hold: HoldState) -> EvidenceRetainedError:
    if hold.legal_hold:
        return EvidenceRetainedError(
            "the evidence store {store} keeps SHA-256 {digest} under a legal hold; it cannot be deleted",
            store=store,
            digest=sha256,
        )
    return EvidenceRetainedError(
        "the evidence store {store} retains SHA-256 {digest} until {until}; it cannot be deleted before",
        store=store,
        digest=sha256,
        until=hold.until.isoformat() if hold.until else "",
    )


def shortened(store: str, sha256: str, current: dt.datetime, asked: dt.datetime) -> EvidenceRetainedError:
    return EvidenceRetainedError(
        "the evidence store {store} retains SHA-256 {digest} until {until}; retention cannot be shortened to {asked}",
        store=store,
        digest=sha256,
        until=current.isoformat(),
        asked=asked.isoformat(),
    )


@dataclass(frozen=True)
class Stored:
    """What :meth:`EvidenceStore.put` did: ``created`` is False when the object was there already.

    ``set_aside``: other bytes found under the name were moved there (a folder store, which then stored
    the genuine bytes under the name): the caller says so, naming the file.
    """

    sha256: str
    size: int
    created: bool
    sm3: str = ""  # where the hashing computed it (a new object whose bytes were read)
    set_aside: str = ""


@dataclass(frozen=True)
class HoldState:
    """How long an object is kept: retained until ``until`` (None: no date) and/or under a legal hold."""

    until: dt.datetime | None = None
    legal_hold: bool = False

    def keeps(self, now: dt.datetime) -> bool:
        return self.legal_hold or (self.until is not None and self.until > now)


class RawStream(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...

    def close(self) -> None: ...


class VerifiedStream(io.RawIOBase):
    """An object being read: hashed as it is read; the read that reaches its end checks the digest.

    A mismatch (or more or fewer bytes than expected) raises :class:`StoredEvidenceChangedError`
    from that read, so a caller never sees the end of bytes that are not the named ones.
    """

    def __init__(self, raw: RawStream, store: str, sha256: str, size: int | None = None) -> None:
        super().__init__()
        self._raw = raw
        self._store = store
        self._sha256 = sha256
        self._size = size
        self._digest = hashlib.sha256()
        self._read = 0
        self._checked = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        data = self._raw.read(len(view))
        if not data:
            self._check()
            return 0
        n = len(data)
        view[:n] = data
        self._digest.update(data)
        self._read += n
        if self._size is not None and self._read > self._size:
            self._check()
        return n

    def _check(self) -> None:
        if self._checked:
            return
        found = self._digest.hexdigest()
        if found != self._sha256 or (self._size is not None and self._read != self._size):
            raise changed(self._store, self._sha256, found, self._read)
        self._checked = True

    def close(self) -> None:
        if not self.closed:
            with contextlib.suppress(Exception):
                self._raw.close()
        super().close()


Source = str | os.PathLike[str] | BinaryIO


@contextlib.contextmanager
def opened_source(source: Source) -> Iterator[BinaryIO]:
    """A path opened for reading (closed afterwards), or a stream as it is."""
    if isinstance(source, str | os.PathLike):
        with open(source, "rb", buffering=0) as fh:
            yield fh
    else:
        yield source


class EvidenceStore(abc.ABC):
    """Evidence by SHA-256: written once, verified on every read, kept while retained or held."""

    #: Whether retention and legal holds are enforced by the storage itself (S3 Object Lock), so that
    #: an administrator cannot get round them; a folder store refuses in CaseFile only.
    enforced_by_storage: bool = False

    @property
    @abc.abstractmethod
    def name(self) -> str:
        """The store in words for messages: a folder's path, an endpoint and bucket."""

    @abc.abstractmethod
    def put(self, source: Source, sha256: str, *, retain_until: dt.datetime | None = None) -> Stored:
        """Store the bytes of ``source`` (a path or a binary stream) under ``sha256``.

        The bytes are hashed while they are written; when they are not what ``sha256`` names,
        :class:`EvidenceDigestMismatchError` is raised and nothing is stored. When the object
        is there already, its bytes are read and compared: the same, nothing is written (``created``
        False); other bytes are set aside and the genuine ones stored (``set_aside`` says where) or,
        where the storage cannot replace them, :class:`StoredEvidenceTakenError` is raised. ``retain_until``
        retains the object until then at least (a retention already later stays as it is).
        """

    @abc.abstractmethod
    def open(self, sha256: str) -> VerifiedStream:
        """The object for reading, verified as it is read (see :class:`VerifiedStream`); close it after use.

        Raises :class:`StoredEvidenceMissingError` when there is no such object.
        """

    @abc.abstractmethod
    def exists(self, sha256: str) -> bool:
        """Whether the store holds an object under ``sha256`` (its bytes are not read)."""

    @abc.abstractmethod
    def hold_state(self, sha256: str) -> HoldState:
        """How long the object is kept."""

    @abc.abstractmethod
    def retain(self, sha256: str, until: dt.datetime) -> None:
        """Keep the object until ``until`` at least; an earlier date than the current one is refused."""

    @abc.abstractmethod
    def legal_hold(self, sha256: str, on: bool) -> None:
        """Put the object under a legal hold (kept whatever its retention says), or lift the hold."""

    @abc.abstractmethod
    def delete(self, sha256: str) -> None:
        """Remove the object; refused (:class:`EvidenceRetainedError`) while it is retained or held."""

    # ------------------------------------------------------------------ built on the above

    def read_bytes(self, sha256: str) -> bytes:
        """The whole object, verified (for small objects; stream big ones with :meth:`open`)."""
        with self.open(sha256) as stream:
            return stream.read()

    def verify(self, sha256: str) -> int:
        """Read the whole object to check it; its size. Raises like :meth:`open` and its reads."""
        size = 0
        buffer = bytearray(CHUNK)
        with self.open(sha256) as stream:
            while n := stream.readinto(buffer):
                size += n
        return size

    def digest_of(self, sha256: str) -> str:
        """The SHA-256 of the bytes the store holds under ``sha256``'s name, read once: ``sha256`` when
        the object is intact. Raises :class:`StoredEvidenceMissingError` when there is none."""
        try:
            self.verify(sha256)
        except StoredEvidenceChangedError as exc:
            return exc.found or "?"
        return checked_digest(sha256)

    def copy_to(self, sha256: str, target: Path) -> int:
        """Copy the object to ``target`` while verifying it; the copy is removed when the object is not intact."""
        size = 0
        try:
            with self.open(sha256) as stream, open(target, "wb") as out:
                buffer = memoryview(bytearray(CHUNK))
                while n := stream.readinto(buffer):
                    out.write(buffer[:n])
                    size += n
        except BaseException:
            with contextlib.suppress(OSError):
                os.remove(target)
            raise
        return size


def digests_match(digests: Digests, sha256: str) -> None:
    """Raise :class:`EvidenceDigestMismatchError` when what was hashed is not what ``sha256`` names."""
    if digests.sha256 != sha256:
        raise not_as_named(sha256, digests.sha256)
