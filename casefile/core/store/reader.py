"""Reading exhibit files with their SHA-256 checked on the way.

Whatever reproduces evidence (a bundle page) reads it through an :class:`EvidenceReader`,
so what is printed is what was hashed when the file was added. Each read hashes the bytes
as it reads them; there is no separate verification pass before the real read:

- :meth:`EvidenceReader.read_head` reads and hashes the whole file once and keeps its
  first bytes (text, chats, emails: rendered from exactly those bytes);
- :meth:`EvidenceReader.copy` copies the file into the reader's private work folder while
  hashing it; the caller renders from the copy, which nothing else writes to (PDFs, images);
- :meth:`EvidenceReader.open` is for files too big to copy (a 4 GB video): it hashes through
  an open descriptor and hands that descriptor, rewound, to the caller; when the caller is
  done, ``fstat`` must still show the same size, modification and change times, or the
  file was changed in place while it was being used;
- :meth:`EvidenceReader.check` only hashes, for files a bundle describes but cannot print;
- :meth:`EvidenceReader.peek` gives the file unchecked, for a glance at its header: what is
  then printed is read and hashed elsewhere (a photo streamed into a bundle), and the header
  compared with the one glanced at.

A file that differs from its recorded hash, is missing or cannot be read becomes a
:class:`Problem`; the read raises :class:`EvidenceMismatchError` for that exhibit, and
:meth:`EvidenceReader.finish` raises one naming every exhibit that failed, so a user sees
the whole damage at once.
"""

from __future__ import annotations

import contextlib
import enum
import hashlib
import io
import logging
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, NoReturn

from casefile.core.errors import IntegrityError, Message, SystemReason, joined
from casefile.core.fsutil import is_link
from casefile.core.hashing import CHUNK, copy_and_hash, hash_stream
from casefile.core.model import Exhibit
from casefile.core.progress import NEVER_CANCELLED, CancelToken

log = logging.getLogger(__name__)

PIPELINE_FROM = 64 << 20  # files this big are hashed by the threaded pipeline (casefile.core.hashing)


class Reason(enum.StrEnum):
    CHANGED = "changed since it was added"
    MISSING = "missing"
    CHANGED_WHILE_READ = "changed while it was being read"
    UNREADABLE = "cannot be read"
    LINK = "a link to a file elsewhere"


@dataclass(frozen=True)
class Problem:
    """One exhibit file that is not as the case recorded it."""

    number: int
    stored_path: str  # relative to the case folder
    reason: Reason
    detail: str = ""  # the hash found, or the system's words for a read error (a SystemReason)

    def message(self) -> Message:
        """The problem in words the app translates."""
        reason = _REASONS[self.reason]
        if self.detail:
            return Message(
                "exhibit {number} ({path}): {reason} ({detail})",
                number=self.number,
                path=self.stored_path,
                reason=reason,
                detail=self.detail,
            )
        return Message("exhibit {number} ({path}): {reason}", number=self.number, path=self.stored_path, reason=reason)

    def __str__(self) -> str:
        return str(self.message())


_REASONS = {
    Reason.CHANGED: Message("changed since it was added"),
    Reason.MISSING: Message("missing"),
    Reason.CHANGED_WHILE_READ: Message("changed while it was being read"),
    Reason.UNREADABLE: Message("cannot be read"),
    Reason.LINK: Message("a link to a file elsewhere, not a file kept in the case folder"),
}


class EvidenceMismatchError(IntegrityError):
    """Exhibit files differ from their recorded hashes, are missing or unreadable; ``problems`` lists them."""

    def __init__(self, case: str, problems: list[Problem]) -> None:
        self.case = case
        self.problems = list(problems)
        super().__init__(
            Message(
                "case {case}: {count} exhibit file(s) differ from what the case recorded: {exhibits}. "
                "Nothing was made from them; run 'casefile verify {case}' to check the whole case",
                case=case,
                count=len(self.problems),
                exhibits=joined([p.message() for p in self.problems]),
            )
        )


class _Head:
    """A write-only sink keeping the first ``limit`` bytes written to it."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.data = bytearray()

    def write(self, chunk: memoryview) -> None:
        room = self.limit - len(self.data)
        if room > 0:
            self.data += chunk[:room]


class _HashingFile(io.RawIOBase):
    """A seekable view of a file that hashes each byte the first time it is read.

    Readers may seek back (to re-read what they have seen) but not skip ahead: bytes
    skipped over are read and hashed first, so the digest always covers the file in order.
    """

    def __init__(self, fh: io.BufferedReader) -> None:
        super().__init__()
        self.fh = fh
        self.digest = hashlib.sha256()
        self.hashed = 0  # bytes [0, hashed) are in the digest
        self.position = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.position

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        if whence == os.SEEK_CUR:
            offset += self.position
        elif whence == os.SEEK_END:
            offset += os.fstat(self.fh.fileno()).st_size
        self.position = max(0, offset)
        return self.position

    def readinto(self, buffer: Any) -> int:
        if self.position > self.hashed:
            self._hash_up_to(self.position)
        self.fh.seek(self.position)
        n = self.fh.readinto(buffer) or 0
        end = self.position + n
        if end > self.hashed:
            self.digest.update(memoryview(buffer)[self.hashed - self.position : n])
            self.hashed = end
        self.position = end
        return n

    def _hash_up_to(self, position: int) -> None:
        self.fh.seek(self.hashed)
        while self.hashed < position:
            chunk = self.fh.read(min(CHUNK, position - self.hashed))
            if not chunk:
                break
            self.digest.update(chunk)
            self.hashed += len(chunk)

    def finish(self, cancel: CancelToken) -> str:
        """Hash what was never read; the file's SHA-256."""
        self.fh.seek(self.hashed)
        while True:
            cancel.check()
            chunk = self.fh.read(CHUNK)
            if not chunk:
                return self.digest.hexdigest()
            self.digest.update(chunk)
            self.hashed += len(chunk)


def _stamp(fd: int) -> tuple[int, int, int, int]:
    st = os.fstat(fd)
    return st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino


class EvidenceReader:
    """Verified reads of one case's exhibit files; copies go under ``work`` (a private temporary folder)."""

    def __init__(self, case_dir: Path, work: Path, case_number: str, *, cancel: CancelToken = NEVER_CANCELLED) -> None:
        self.case_dir = case_dir
        self.work = work
        self.case_number = case_number
        self.cancel = cancel
        self.problems: list[Problem] = []

    # ----------------------------------------------------------------------------- reads

    def read_head(self, exhibit: Exhibit, limit: int) -> tuple[bytes, bool]:
        """The file's first ``limit`` bytes, and whether there was more; the whole file is hashed."""
        head = _Head(limit)
        with self._open(exhibit) as fh:
            sha256, size = self._digest(fh, head.write)
        self._compare(exhibit, sha256)
        return bytes(head.data), size > limit

    def copy(self, exhibit: Exhibit) -> Path:
        """A copy of the file in the work folder, made while hashing it; render from the copy."""
        self.work.mkdir(parents=True, exist_ok=True)
        target = self.work / f"exhibit-{exhibit.number:04d}{Path(exhibit.stored_path).suffix.lower()}"
        with self._open(exhibit) as fh, open(target, "wb") as out:
            if exhibit.size >= PIPELINE_FROM:
                sha256 = copy_and_hash(fh, out, with_sm3=False, cancel=self.cancel).sha256
            else:
                sha256, _size = self._digest(fh, out.write)
        self._compare(exhibit, sha256)
        return target

    @contextlib.contextmanager
    def open(self, exhibit: Exhibit, *, hash_first: bool = True) -> Iterator[BinaryIO]:
        """The file, hashed through its descriptor, for reading; checked unchanged afterwards.

        With ``hash_first`` the whole file is hashed before the caller gets it, rewound (for
        readers that jump about, such as a video demuxer). Without, the caller reads through
        a file object that hashes each byte the first time it is read, so a caller that goes
        through the file from its start (a JPEG's marker walk) reads it once for both; what
        it never reached is hashed when the block ends, and a mismatch raises then.

        Use the file object only inside the ``with`` block. Leaving the block normally
        raises :class:`EvidenceMismatchError` if the file differs or was written to meanwhile.
        """
        with self._open(exhibit) as fh:
            before = _stamp(fh.fileno())
            if hash_first:
                self._compare(exhibit, self._hash(exhibit, fh))
                fh.seek(0)
                yield fh
            else:
                hashing = _HashingFile(fh)
                yield io.BufferedReader(hashing, CHUNK)
                self._compare(exhibit, hashing.finish(self.cancel))
            if _stamp(fh.fileno()) != before:
                self._fail(exhibit, Reason.CHANGED_WHILE_READ)

    @contextlib.contextmanager
    def peek(self, exhibit: Exhibit) -> Iterator[BinaryIO]:
        """The file, NOT checked, for a glance at its first bytes (a photo's header, to lay out its page).

        Whatever is printed from the file must still be read through a checked read; what
        the glance saw must then be compared with what that read gives (see
        :mod:`casefile.core.bundle.fill`). A missing or unreadable file raises
        :class:`EvidenceMismatchError` as any read does.
        """
        with self._open(exhibit) as fh:
            yield fh

    def check(self, exhibit: Exhibit) -> None:
        """Hash the file (for exhibits a bundle describes without reproducing them)."""
        with self._open(exhibit) as fh:
            sha256 = self._hash(exhibit, fh)
        self._compare(exhibit, sha256)

    def path(self, exhibit: Exhibit) -> Path:
        """Where the file is, for a reader that checks the hash itself as it copies (bundle photos)."""
        return self.case_dir / exhibit.stored_path

    # ----------------------------------------------------------------------------- outcome

    def record(self, exhibit: Exhibit, reason: Reason, detail: str = "") -> Problem:
        """Note a problem found by a caller that checked a hash itself."""
        problem = Problem(exhibit.number, exhibit.stored_path, reason, detail)
        if problem not in self.problems:
            self.problems.append(problem)
            log.info("case %s: %s", self.case_number, problem)
        return problem

    def finish(self) -> None:
        """Raise :class:`EvidenceMismatchError` naming every exhibit that failed, if any did."""
        if self.problems:
            raise EvidenceMismatchError(self.case_number, self.problems)

    # ----------------------------------------------------------------------------- helpers

    def _open(self, exhibit: Exhibit) -> io.BufferedReader:
        path = self.path(exhibit)
        if is_link(path):  # what it leads to may be anything, and a copy of the case folder would lack it
            self._fail(exhibit, Reason.LINK)
        try:
            return open(path, "rb")
        except FileNotFoundError:
            self._fail(exhibit, Reason.MISSING)
        except OSError as exc:
            self._fail(exhibit, Reason.UNREADABLE, SystemReason(exc))

    def _hash(self, exhibit: Exhibit, fh: io.BufferedReader) -> str:
        if exhibit.size >= PIPELINE_FROM:  # big: reads and hashing overlap on two threads
            return hash_stream(fh, cancel=self.cancel).sha256
        return self._digest(fh)[0]

    def _digest(self, fh: io.BufferedReader, sink: Callable[[memoryview], object] | None = None) -> tuple[str, int]:
        """SHA-256 and size of what is left in ``fh``, each chunk handed to ``sink`` as it is hashed.

        One thread: for the small files most exhibits are, starting the hashing pipeline's
        threads costs more than the hashing (a 4 MB photo: 14 ms against 4 ms).
        """
        digest = hashlib.sha256()
        buffer = memoryview(bytearray(CHUNK))
        size = 0
        while True:
            self.cancel.check()
            n = fh.readinto(buffer)
            if not n:
                return digest.hexdigest(), size
            chunk = buffer[:n]
            digest.update(chunk)
            if sink is not None:
                sink(chunk)
            size += n

    def _compare(self, exhibit: Exhibit, sha256: str) -> None:
        if sha256 != exhibit.sha256:
            self._fail(exhibit, Reason.CHANGED, Message("SHA-256 now {digest}…", digest=sha256[:16]))

    def _fail(self, exhibit: Exhibit, reason: Reason, detail: str = "") -> NoReturn:
        raise EvidenceMismatchError(self.case_number, [self.record(exhibit, reason, detail)])
