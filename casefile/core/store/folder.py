"""Evidence stores in a folder: on this computer, or on a NAS or SMB share that several clients use.

The layout is the same for both::

    ROOT/sha256/ab/abcdef…           the objects, read-only (0400)
    ROOT/.tmp/                       objects being written, under names no other client uses
    ROOT/.retention/ab/abcdef…/DATE  one empty file per retention date given; the latest counts
    ROOT/.holds/ab/abcdef…           present while the object is under a legal hold
    ROOT/.set-aside/abcdef…-DATE-…   other bytes found under a name when the genuine ones were put, kept

An object is written under a unique temporary name, hashed while it is written and
flushed to disk, then linked to its name only if that name is free, and two clients putting
the same bytes at once leave one object (the second finds the name taken, and its bytes were
the same by construction). A name found taken before writing is not trusted: what is there is
hashed, and when it is not the bytes its name says (changed, truncated or planted there by
someone with rights on the folder) it is moved to ``.set-aside/`` (kept, for whoever looks into
it) once the genuine bytes are written and checked, and these take the name.
Retention only grows: a date is a new file, never a rewrite, so nothing depends on
rename-over or on locks a share may not honour, and no database is kept in the folder
(a share must never hold SQLite).

On a share, the temporary copy is read back through the share and hashed again before it
is linked: what the server holds, not what this client sent, is what gets named. Where
the share refuses hard links, the copy is renamed to its name after checking the name is
free; another client doing the same at that instant can only put the same bytes there.

Retention and legal holds are kept by CaseFile here (root on the server can remove any
file); the S3 store (:mod:`casefile.core.store.s3`) has the storage itself enforce them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import shutil
import socket
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import cast

from casefile.core.errors import Message
from casefile.core.fsutil import (
    READ_ONLY_FILE,
    TEMP_PREFIX,
    fsync_dir,
    make_private_dir,
    remove_quietly,
    storage_error,
)
from casefile.core.hashing import Readable, copy_and_hash, hash_file
from casefile.core.store.base import (
    EvidenceStore,
    HoldState,
    Source,
    Stored,
    VerifiedStream,
    as_utc,
    checked_digest,
    digests_match,
    missing,
    object_key,
    opened_source,
    retained,
    shortened,
    utc_now,
)

TMP_DIR = ".tmp"
RETENTION_DIR = ".retention"
HOLDS_DIR = ".holds"
SET_ASIDE_DIR = ".set-aside"
DATE_FORMAT = "%Y%m%dT%H%M%SZ"

# A file system that cannot make a hard link (some SMB servers, FAT): the copy is renamed instead.
_NO_LINK = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.ENOSYS, errno.EXDEV, errno.EMLINK, errno.EACCES}


class FolderStore(EvidenceStore):
    """Evidence in a folder on this computer: files 0400, folders 0700, flushed to disk before they count."""

    def __init__(self, root: str | os.PathLike[str], *, now: Callable[[], dt.datetime] = utc_now) -> None:
        self.root = Path(root)
        self.now = now

    @property
    def name(self) -> str:
        return str(self.root)

    def path(self, sha256: str) -> Path:
        """Where the object is (a test changes its bytes there, as root could)."""
        return self.root / object_key(checked_digest(sha256))

    # ------------------------------------------------------------------ writing

    def put(self, source: Source, sha256: str, *, retain_until: dt.datetime | None = None) -> Stored:
        digest = checked_digest(sha256)
        final = self.path(digest)
        aside = ""
        if final.is_file() and self._found(final) == digest:
            size, sm3, created = final.stat().st_size, "", False
        else:  # free, or holding other bytes: those are set aside once the genuine ones are checked
            size, sm3, created, aside = self._write(source, digest, final)
        if retain_until is not None:
            self._retain(digest, as_utc(retain_until), extend_only=True)
        return Stored(digest, size, created, sm3, aside)

    def _found(self, path: Path) -> str:
        """The SHA-256 of an object's bytes as they are in the folder."""
        try:
            return hash_file(path).sha256
        except OSError as exc:
            raise storage_error(exc, Message("reading evidence from {store}", store=self.name)) from exc

    def _set_aside(self, final: Path, digest: str) -> str:
        """Move what holds the name ``final`` into the set-aside folder (kept); where it went, or ""."""
        stamp = utc_now().strftime(DATE_FORMAT)
        target = self.root / SET_ASIDE_DIR / f"{digest}-{stamp}-{uuid.uuid4().hex[:8]}"
        self._make_dir(target.parent)
        try:
            os.rename(final, target)
        except FileNotFoundError:
            return ""
        self._sync_dir(target.parent)
        return str(target)

    def _write(self, source: Source, digest: str, final: Path) -> tuple[int, str, bool, str]:
        tmp = self.root / TMP_DIR / f"{TEMP_PREFIX}{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex}"
        try:
            self._make_dir(tmp.parent)
            self._make_dir(final.parent)
            fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
            with os.fdopen(fd, "r+b", buffering=0) as out, opened_source(source) as src:
                digests = copy_and_hash(cast(Readable, src), out, with_sm3=True)
                os.fsync(out.fileno())
            digests_match(digests, digest)
            self._check_written(tmp, digest)
            with contextlib.suppress(OSError):
                os.chmod(tmp, READ_ONLY_FILE)
            aside = ""
            if final.is_file() and self._found(final) != digest:
                aside = self._set_aside(final, digest)
            created = self._publish(tmp, final)
        except OSError as exc:
            remove_quietly(tmp)
            raise storage_error(exc, Message("storing evidence in {store}", store=self.name)) from exc
        except BaseException:
            remove_quietly(tmp)
            raise
        try:
            os.remove(tmp)  # not remove_quietly: made writable, the linked object would be too
        except FileNotFoundError:
            pass  # renamed into place
        except OSError:
            if not created:
                remove_quietly(tmp)
        self._sync_dir(final.parent)
        return digests.size, digests.sm3, created, aside

    def _make_dir(self, path: Path) -> None:
        """``path`` and each folder missing above it, made 0700."""
        missing = []
        while not path.is_dir():
            missing.append(path)
            path = path.parent
        for folder in reversed(missing):
            make_private_dir(folder)

    def _sync_dir(self, path: Path) -> None:
        fsync_dir(path)

    def _check_written(self, tmp: Path, digest: str) -> None:
        """The copy was hashed as it was written (from the copy itself where the system copies)."""

    @staticmethod
    def _publish(tmp: Path, final: Path) -> bool:
        """Give the verified copy its name unless the name is taken; whether this call gave it."""
        try:
            os.link(tmp, final)
        except FileExistsError:
            return False
        except OSError as exc:
            if exc.errno not in _NO_LINK:
                raise
            if final.exists():
                return False
            # No hard links here: rename. Another client renaming at this very instant can
            # only put the same bytes under this name (the name is their SHA-256).
            os.rename(tmp, final)
        return True

    # ------------------------------------------------------------------ reading

    def open(self, sha256: str) -> VerifiedStream:
        digest = checked_digest(sha256)
        try:
            fh = open(self.path(digest), "rb")  # noqa: SIM115 (the stream closes it)
        except FileNotFoundError:
            raise missing(self.name, digest) from None
        except OSError as exc:
            raise storage_error(exc, Message("reading evidence from {store}", store=self.name)) from exc
        return VerifiedStream(fh, self.name, digest)

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    # ------------------------------------------------------------------ keeping

    def _retention_dir(self, digest: str) -> Path:
        return self.root / RETENTION_DIR / digest[:2] / digest

    def _hold_path(self, digest: str) -> Path:
        return self.root / HOLDS_DIR / digest[:2] / digest

    def _existing(self, sha256: str) -> str:
        digest = checked_digest(sha256)
        if not self.path(digest).is_file():
            raise missing(self.name, digest)
        return digest

    def hold_state(self, sha256: str) -> HoldState:
        digest = self._existing(sha256)
        return self._state(digest)

    def _state(self, digest: str) -> HoldState:
        dates = []
        with contextlib.suppress(FileNotFoundError):
            for entry in os.listdir(self._retention_dir(digest)):
                with contextlib.suppress(ValueError):
                    dates.append(dt.datetime.strptime(entry, DATE_FORMAT).replace(tzinfo=dt.UTC))
        return HoldState(max(dates, default=None), self._hold_path(digest).exists())

    def retain(self, sha256: str, until: dt.datetime) -> None:
        self._retain(self._existing(sha256), as_utc(until), extend_only=False)

    def _retain(self, digest: str, until: dt.datetime, *, extend_only: bool) -> None:
        current = self._state(digest).until
        if current is not None and until <= current:
            if until < current and not extend_only:
                raise shortened(self.name, digest, current, until)
            return
        folder = self._retention_dir(digest)
        try:
            self._make_dir(folder)
            with contextlib.suppress(FileExistsError):
                os.close(os.open(folder / until.strftime(DATE_FORMAT), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o400))
        except OSError as exc:
            raise storage_error(exc, Message("recording a retention date in {store}", store=self.name)) from exc
        self._sync_dir(folder)

    def legal_hold(self, sha256: str, on: bool) -> None:
        digest = self._existing(sha256)
        path = self._hold_path(digest)
        try:
            if on:
                self._make_dir(path.parent)
                with contextlib.suppress(FileExistsError):
                    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o400))
            else:
                with contextlib.suppress(FileNotFoundError):
                    os.remove(path)
        except OSError as exc:
            raise storage_error(exc, Message("changing a legal hold in {store}", store=self.name)) from exc
        self._sync_dir(path.parent)

    def delete(self, sha256: str) -> None:
        digest = self._existing(sha256)
        state = self._state(digest)
        if state.keeps(self.now()):
            raise retained(self.name, digest, state)
        path = self.path(digest)
        try:
            with contextlib.suppress(OSError):
                os.chmod(path, 0o600)  # Windows refuses to remove a read-only file
            os.remove(path)
        except OSError as exc:
            raise storage_error(exc, Message("deleting evidence from {store}", store=self.name)) from exc
        shutil.rmtree(self._retention_dir(digest), ignore_errors=True)
        self._sync_dir(path.parent)


class ShareStore(FolderStore):
    """Evidence in a folder on a NAS or SMB share that other clients write to as well.

    Nothing here relies on what a share may not honour: no locks, no rename over an
    existing name, no database (never SQLite on a share); folder modes are the server's.
    The copy is read back through the share and checked before it gets its name. Objects
    arriving from other clients are found by polling (:class:`casefile.core.store.share.SharePoller`).
    """

    def _make_dir(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)

    def _sync_dir(self, path: Path) -> None:
        return None  # a share's server decides when its folders reach its disks

    def _check_written(self, tmp: Path, digest: str) -> None:
        digests_match(hash_file(tmp), digest)
