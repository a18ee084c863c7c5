"""Export a case folder as a ZIP archive that verifies on its own, and import one safely.

Export checks every exhibit against the custody log while it writes (a case that no
longer verifies is not exported), writes to a temporary name and renames when complete.

Import refuses, writing nothing, archives with absolute or escaping paths, links,
duplicate or case-colliding entries, encrypted entries, anything beyond one case
folder, or contents that do not verify (hashes, manifest, custody chain). It writes
the case's README.txt itself: CaseFile's text, never the archive's.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import stat
import struct
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, BinaryIO, cast

from casefile.core import record
from casefile.core.custody import LOG_NAME
from casefile.core.errors import ArchiveError, CaseFileError, Message
from casefile.core.fsutil import (
    TEMP_PREFIX,
    atomic_write_bytes,
    fsync_dir,
    make_private_dir,
    make_readonly,
    open_private,
    remove_quietly,
    storage_error,
)
from casefile.core.hashing import Readable, copy_and_hash, hash_file
from casefile.core.library import (
    BUNDLES_DIR,
    CASE_README,
    EVIDENCE_DIR,
    INBOX_DIR,
    README_NAME,
    RECORD_NAME,
    CaseFolder,
    is_case_number,
)
from casefile.core.manifest import ANCHOR_NAME, MANIFEST_NAME
from casefile.core.progress import NEVER_CANCELLED, CancelToken, Progress
from casefile.core.record.history import bundle_history
from casefile.core.timestamps.checking import STAMPS_DIR
from casefile.core.timestamps.roots import RootCert, stamp_roots
from casefile.core.verify import CaseReport, verify_folder

if TYPE_CHECKING:
    from casefile.core.library import Library

# What an archive carries: the record, the log, the manifest, the readme, evidence, bundles and timestamps.
_EXPORTED_DIRS = (EVIDENCE_DIR, BUNDLES_DIR, STAMPS_DIR)
_TOP_LEVEL_FILES = (RECORD_NAME, LOG_NAME, MANIFEST_NAME, README_NAME, ANCHOR_NAME)


@dataclass
class ExportResult:
    path: Path
    sha256: str
    files: int
    size: int
    notes: list[str] = field(default_factory=list)  # what could not be done (recording it…)


@dataclass
class ImportResult:
    number: str
    folder: Path
    exhibits: int
    # The roots the case's timestamps were checked against (each stamp's ca.pem, from the archive): whether
    # they are the authorities' real ones is for the user to confirm (casefile.core.timestamps.roots).
    stamp_roots: list[RootCert] = field(default_factory=list)


def _export_members(folder: CaseFolder) -> list[tuple[Path, str]]:
    members = []
    for name in _TOP_LEVEL_FILES:
        if (folder.path / name).is_file():
            members.append((folder.path / name, name))
    for sub in _EXPORTED_DIRS:
        for dirpath, dirnames, filenames in os.walk(folder.path / sub):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                if name.startswith(TEMP_PREFIX):
                    continue
                full = Path(dirpath) / name
                members.append((full, full.relative_to(folder.path).as_posix()))
    return members


def export_case(
    library: Library, number: str, destination: Path, *, cancel: CancelToken = NEVER_CANCELLED
) -> Iterator[Progress | ExportResult]:
    folder = library.folder(number)
    destination = destination.expanduser().absolute()
    if destination.suffix.lower() != ".zip":
        raise CaseFileError("{name}: the archive name must end in .zip", name=destination.name)
    library.refuse_inside(destination)  # in a case's folder it would make the case fail to verify
    if destination.exists():
        raise CaseFileError("{destination} already exists; choose another name", destination=destination)
    if not destination.parent.is_dir():
        raise CaseFileError("the folder {parent} does not exist", parent=destination.parent)

    # What goes in is read at one moment, under the case's lock: the record, the custody log
    # and the manifest as bytes, with the list of files they account for. A change committed
    # meanwhile is then in none of them or in all; evidence files are never rewritten, so
    # they are copied after. Taken before verifying, so everything archived was verified.
    with library.reading(folder.number):
        members = _export_members(folder)
        records = {rel: full.read_bytes() for full, rel in members if rel in _TOP_LEVEL_FILES}

    # Verify first: an archive of a case that no longer verifies would mislead its reader. A team library's
    # case is checked against its evidence store, the truth, not only this PC's copies (verify_case).
    report: CaseReport | None = None
    remote = library.remote
    with remote.verifying(folder.number) if remote is not None else contextlib.nullcontext(None) as stored:
        for item in verify_folder(folder, cancel=cancel, hold=lambda: library.reading(folder.number), stored=stored):
            if isinstance(item, CaseReport):
                report = item
            else:
                yield Progress(item.done, item.total * 2, "verifying")
    assert report is not None
    summary = report.summary()
    # A problem that already names the repair (README.txt's does) is not followed by the same advice twice.
    if not report.ok and report.repairable and not report.summary_names_repair():
        raise CaseFileError(
            "case {number} does not verify; fix it before exporting: {summary}. 'casefile repair {number}' (or "
            "Repair in the app's verification results) puts this right and records it in the custody log",
            number=number,
            summary=summary,
        )
    if not report.ok:
        raise CaseFileError(
            "case {number} does not verify; fix it before exporting: {summary}", number=number, summary=summary
        )

    total = sum(len(records[rel]) if rel in records else p.stat().st_size for p, rel in members)
    part = destination.with_name(f"{TEMP_PREFIX}{destination.name}.{secrets.token_hex(4)}")
    done = 0
    with library.outside_file(part):
        try:
            with (
                os.fdopen(open_private(part, os.O_RDWR | os.O_CREAT | os.O_EXCL), "w+b") as raw,
                zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_STORED, allowZip64=True) as zf,
            ):
                for full, rel in members:
                    cancel.check()
                    info = zipfile.ZipInfo.from_file(full, f"{folder.number}/{rel}")
                    info.compress_type = zipfile.ZIP_STORED
                    info.external_attr = (stat.S_IFREG | 0o444) << 16
                    if rel in records:
                        info.file_size = len(records[rel])
                        with zf.open(info, "w", force_zip64=True) as dst:
                            dst.write(records[rel])
                        done += len(records[rel])
                    else:
                        with open(full, "rb") as src, zf.open(info, "w", force_zip64=True) as dst:
                            shutil.copyfileobj(src, dst, 1 << 20)
                        done += full.stat().st_size
                    yield Progress(total + done, total * 2, rel)
            with open(part, "rb") as fh:
                os.fsync(fh.fileno())
            digest = hash_file(part).sha256
            os.rename(part, destination)
            fsync_dir(destination.parent)
        except OSError as exc:
            remove_quietly(part)
            raise storage_error(exc, Message("writing {name}", name=destination.name)) from exc
        except BaseException:
            remove_quietly(part)
            raise
    size = destination.stat().st_size
    result = ExportResult(destination, digest, len(members), size)
    details = {"file": destination.name, "sha256": digest, "size": size, "files": len(members)}
    if library.read_only:
        result.notes.append(Message("the export was not recorded in the case: the library is read-only"))
    else:
        library.record_event(number, record.EXPORT, details)
    yield result


_LOCAL_HEADER = struct.Struct("<4s5H3L2H")  # a ZIP entry's local header, before its name and extra field
_LOCAL_SIGNATURE = b"PK\x03\x04"
_DATA_DESCRIPTOR = 0x08  # the CRC and sizes follow the data, the local header holds zeros
_ZIP64_EXTRA = 0x0001


def _check_directory(archive: Path, zf: zipfile.ZipFile) -> None:
    """Refuse an archive whose central directory does not match its entries' local headers (name, sizes,
    CRC), before anything else is read from it: one flipped byte in the directory (a damaged copy) would
    otherwise be taken at its word and refused for what it seems to say. One short read per entry."""
    try:
        with archive.open("rb") as fh:
            for info in zf.infolist():
                problem = _local_mismatch(fh, info)
                if problem is not None:
                    raise ArchiveError(
                        "the archive is damaged: its directory does not match its contents ({name}: {problem}); "
                        "nothing was imported",
                        name=info.filename,
                        problem=problem,
                    )
    except OSError as exc:
        raise storage_error(exc, Message("reading {name}", name=archive.name)) from exc


def _local_mismatch(fh: BinaryIO, info: zipfile.ZipInfo) -> Message | None:
    """How entry ``info`` of the central directory differs from its local header, or None."""
    fh.seek(info.header_offset)
    head = fh.read(_LOCAL_HEADER.size)
    if len(head) != _LOCAL_HEADER.size or head[:4] != _LOCAL_SIGNATURE:
        return Message("no entry where the directory places it")
    _sig, _version, flags, _method, _time, _date, crc, packed, size, name_length, extra_length = _LOCAL_HEADER.unpack(
        head
    )
    raw_name = fh.read(name_length)
    extra = fh.read(extra_length)
    name = raw_name.decode("utf-8" if info.flag_bits & 0x800 else "cp437", errors="replace")
    if name != info.orig_filename:
        return Message("named {local} in its own header", local=name)
    if flags & _DATA_DESCRIPTOR:
        return None  # the CRC and sizes are written after the data; the reading checks them
    if 0xFFFFFFFF in (packed, size):
        size, packed = _zip64_sizes(extra, size, packed)
    if (crc, packed, size) != (info.CRC, info.compress_size, info.file_size):
        return Message("its size or checksum differs from its own header")
    return None


def _zip64_sizes(extra: bytes, size: int, packed: int) -> tuple[int, int]:
    """The sizes a local header's ZIP64 extra field holds (the uncompressed size, then the compressed)."""
    at = 0
    while at + 4 <= len(extra):
        kind, length = struct.unpack_from("<2H", extra, at)
        if kind == _ZIP64_EXTRA and length >= 16:
            size, packed = struct.unpack_from("<2Q", extra, at + 4)
            break
        at += 4 + length
    return size, packed


def _check_members(zf: zipfile.ZipFile) -> tuple[str, list[zipfile.ZipInfo]]:
    """Refuse anything but one plain case folder; return (case number, file entries)."""
    seen: set[str] = set()
    files = []
    top: set[str] = set()
    for info in zf.infolist():
        name = info.filename
        if info.flag_bits & 0x1:
            raise ArchiveError("{name}: encrypted entries are not accepted", name=name)
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise ArchiveError("{name}: the archive contains a link; refused", name=name)
        if "\\" in name or name.startswith("/") or (len(name) > 1 and name[1] == ":"):
            raise ArchiveError("{name}: absolute or Windows-style path; refused", name=name)
        parts = PurePosixPath(name).parts
        if not parts or any(p in ("..", ".", "") for p in parts):
            raise ArchiveError("{name}: path escapes the case folder; refused", name=name)
        if any(ord(ch) < 32 for ch in name):
            raise ArchiveError("{name!r}: control characters in a name; refused", name=name)
        key = unicodedata.normalize("NFC", name.rstrip("/")).casefold()
        if key in seen:
            raise ArchiveError("{name}: the archive holds this entry twice; refused", name=name)
        seen.add(key)
        top.add(parts[0])
        if info.is_dir():
            continue
        if stat.S_IFMT(mode) not in (0, stat.S_IFREG):
            raise ArchiveError("{name}: not a regular file; refused", name=name)
        if len(parts) < 2:
            raise ArchiveError("{name}: file outside the case folder; refused", name=name)
        inside = parts[1:]
        allowed = (len(inside) == 1 and inside[0] in _TOP_LEVEL_FILES) or (
            len(inside) > 1 and inside[0] in _EXPORTED_DIRS
        )
        if not allowed or any(p.startswith(".") for p in inside):
            raise ArchiveError("{name}: not part of a case folder (unexpected or hidden entry); refused", name=name)
        files.append(info)
    if len(top) != 1:
        raise ArchiveError("the archive must hold exactly one case folder")
    number = top.pop()
    if not is_case_number(number):
        raise ArchiveError("{number!r} is not a case folder (expected a case number such as 202611-001)", number=number)
    if not any(PurePosixPath(i.filename).parts[1:] == (RECORD_NAME,) for i in files):
        raise ArchiveError("the archive has no case.json; it is not a CaseFile case")
    return number, files


def import_case(
    library: Library, archive: Path, *, cancel: CancelToken = NEVER_CANCELLED
) -> Iterator[Progress | ImportResult]:
    archive = archive.expanduser().absolute()
    try:
        zf = zipfile.ZipFile(archive)
    except FileNotFoundError:
        raise CaseFileError("{archive} does not exist", archive=archive) from None
    except (zipfile.BadZipFile, OSError) as exc:
        raise ArchiveError("{name} is not a readable ZIP archive ({exc})", name=archive.name, exc=exc) from None
    with zf:
        _check_directory(archive, zf)
        number, files = _check_members(zf)
        if (library.cases_dir / number).exists():
            raise ArchiveError("case {number} is already in this library; nothing was imported", number=number)
        _check_declared_sizes(zf, number, files)
        files = [i for i in files if PurePosixPath(i.filename).parts[1:] != (README_NAME,)]
        total = sum(i.file_size for i in files)
        free = shutil.disk_usage(library.cases_dir).free
        if total > free:
            raise ArchiveError(
                "the archive needs {total} bytes but only {free} are free; nothing was imported", total=total, free=free
            )
        done = 0
        with library.staging_folder("import") as staging:
            target = staging / number
            try:
                make_private_dir(target, exist_ok=False)
                for sub in (EVIDENCE_DIR, INBOX_DIR, BUNDLES_DIR):
                    make_private_dir(target / sub, exist_ok=False)
                # The instructions for checking the case are CaseFile's own, never the archive's: a
                # README rewritten in the archive could tell its reader to check nothing.
                atomic_write_bytes(target / README_NAME, CASE_README.encode("utf-8"))
                for info in files:
                    cancel.check()
                    rel = PurePosixPath(info.filename).relative_to(number)
                    out = target.joinpath(*rel.parts)
                    for parent in reversed(out.relative_to(target).parents[:-1]):
                        make_private_dir(target / parent)
                    with (
                        _open_member(zf, info) as src,
                        os.fdopen(open_private(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL), "wb") as dst,
                    ):
                        bounded = _Bounded(src, info)
                        digests = copy_and_hash(bounded, dst, with_sm3=False, cancel=cancel)
                        os.fsync(dst.fileno())
                    if digests.size != info.file_size:
                        raise ArchiveError(
                            "{filename}: size does not match the archive directory; nothing was imported",
                            filename=info.filename,
                        )
                    done += info.file_size
                    yield Progress(done, total * 2, str(rel))
                report: CaseReport | None = None
                for item in verify_folder(CaseFolder(target), cancel=cancel):
                    if isinstance(item, CaseReport):
                        report = item
                    else:
                        yield Progress(total + item.done, total * 2, "verifying")
                assert report is not None
                if not report.ok:
                    raise ArchiveError(
                        "the archive does not verify; nothing was imported: {summary}", summary=report.summary()
                    )
                for sub in (EVIDENCE_DIR, STAMPS_DIR):
                    for dirpath, _dirs, names in os.walk(target / sub):
                        for name in names:
                            make_readonly(Path(dirpath) / name)
                with library.lock("numbering", Message("the library")):
                    if (library.cases_dir / number).exists():
                        raise ArchiveError(
                            "case {number} is already in this library; nothing was imported", number=number
                        )
                    os.rename(target, library.cases_dir / number)
                    fsync_dir(library.cases_dir)
            except OSError as exc:
                raise storage_error(exc, Message("importing {name}", name=archive.name)) from exc
    digest = hash_file(archive).sha256
    library.record_event(number, record.IMPORT, {"file": archive.name, "sha256": digest})
    case = library.load_case(number)
    roots: dict[str, RootCert] = {}
    for stamp in case.timestamps:
        roots.update((r.sha256, r) for r in stamp_roots(library.cases_dir / number, stamp))
    yield ImportResult(number, library.cases_dir / number, len(case.exhibits), list(roots.values()))


RECORD_LIMIT = 256 << 20  # case.json or a custody log larger than this is not a case CaseFile wrote


def _read_small(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    if info.file_size > RECORD_LIMIT:
        raise ArchiveError("{filename} is too large for a case record; nothing was imported", filename=info.filename)
    with _open_member(zf, info) as src:
        bounded = _Bounded(src, info)
        chunks = []
        buf = bytearray(1 << 20)
        while n := bounded.readinto(memoryview(buf)):
            chunks.append(bytes(buf[:n]))
    return b"".join(chunks)


def _check_declared_sizes(zf: zipfile.ZipFile, number: str, files: list[zipfile.ZipInfo]) -> None:
    """Every evidence and bundle file must have the size the archive's own custody log records.

    Checked before anything is extracted: an entry claiming gigabytes for a file the log says
    is small (a decompression bomb) is refused at once.
    """
    log_info = next((i for i in files if i.filename == f"{number}/{LOG_NAME}"), None)
    if log_info is None:
        raise ArchiveError("the archive has no custody log {name}; nothing was imported", name=LOG_NAME)
    entries = []
    for line in _read_small(zf, log_info).splitlines():
        with contextlib.suppress(ValueError):
            item = json.loads(line)
            if isinstance(item, dict):
                entries.append(item)
    try:
        truth = record.fold(entries)
    except (CaseFileError, KeyError, ValueError, TypeError) as exc:
        raise ArchiveError(
            "the archive's custody log cannot be replayed ({exc}); nothing was imported", exc=exc
        ) from exc
    sizes: dict[str, int | None] = {e.stored_path: e.size for e in truth.exhibits}
    for bundle in bundle_history(entries):
        extra = [f for f in (bundle.disclosure, bundle.guidance) if f is not None]
        made = [*bundle.files, *bundle.components, *extra]
        sizes.update({f.name: f.size for f in made})  # None: an old entry without its size
    for stamp in truth.timestamps:
        sizes.update({path: stamp.sizes.get(path) for path in stamp.files})
    for info in files:
        rel = PurePosixPath(info.filename).relative_to(number).as_posix()
        if rel in _TOP_LEVEL_FILES:
            continue
        if rel not in sizes:
            raise ArchiveError(
                "{filename} is not a file the case's custody log records; nothing was imported",
                filename=info.filename,
            )
        expected = sizes[rel]
        if expected is not None and info.file_size != expected:
            raise ArchiveError(
                "{filename} declares {declared} bytes but the custody log records {expected}; nothing was imported",
                filename=info.filename,
                declared=info.file_size,
                expected=expected,
            )


class _Bounded:
    """An archive member read no further than the size its directory entry declares.

    A member that would write more (a decompression bomb declaring a few bytes) is refused
    as soon as it passes its declared size, not after filling the disk.
    """

    def __init__(self, src: Readable, info: zipfile.ZipInfo) -> None:
        self.src = src
        self.info = info
        self.left = info.file_size

    def readinto(self, buffer: memoryview, /) -> int:
        if self.left <= 0:
            extra = self.src.readinto(memoryview(bytearray(1)))
            if extra:
                raise ArchiveError(
                    "{filename} holds more than the {size} bytes the archive declares for it; nothing was imported",
                    filename=self.info.filename,
                    size=self.info.file_size,
                )
            return 0
        view = buffer[: min(len(buffer), self.left + 1)]
        try:
            got = self.src.readinto(view) or 0
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
            raise ArchiveError(
                "{filename} is damaged in the archive ({exc}); nothing was imported",
                filename=self.info.filename,
                exc=exc,
            ) from exc
        if got > self.left:
            raise ArchiveError(
                "{filename} holds more than the {size} bytes the archive declares for it; nothing was imported",
                filename=self.info.filename,
                size=self.info.file_size,
            )
        self.left -= got
        return got


@contextlib.contextmanager
def _open_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[Readable]:
    try:
        with zf.open(info) as src:
            yield cast(Readable, src)
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise ArchiveError(
            "{filename} is damaged in the archive ({exc}); nothing was imported", filename=info.filename, exc=exc
        ) from exc
    except NotImplementedError as exc:
        raise ArchiveError(
            "{filename} is compressed with a method CaseFile cannot read ({exc}); nothing was imported",
            filename=info.filename,
            exc=exc,
        ) from exc
