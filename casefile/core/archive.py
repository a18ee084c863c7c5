"""Export a case folder as a ZIP archive that verifies on its own, and import one safely.

Export checks every exhibit against the custody log while it writes (a case that no
longer verifies is not exported), writes to a temporary name and renames when complete.

Import refuses, writing nothing, archives with absolute or escaping paths, links,
duplicate or case-colliding entries, encrypted entries, anything beyond one case
folder, or contents that do not verify (hashes, manifest, custody chain).
"""

from __future__ import annotations

import os
import secrets
import shutil
import stat
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, cast

from casefile.core.custody import LOG_NAME
from casefile.core.errors import ArchiveError, CaseFileError, Message
from casefile.core.fsutil import (
    TEMP_PREFIX,
    fsync_dir,
    make_private_dir,
    make_readonly,
    open_private,
    remove_quietly,
    remove_tree,
    storage_error,
)
from casefile.core.hashing import Readable, copy_and_hash, hash_file
from casefile.core.library import (
    BUNDLES_DIR,
    EVIDENCE_DIR,
    INBOX_DIR,
    README_NAME,
    RECORD_NAME,
    CaseFolder,
    is_case_number,
)
from casefile.core.manifest import MANIFEST_NAME
from casefile.core.progress import NEVER_CANCELLED, CancelToken, Progress
from casefile.core.verify import CaseReport, verify_folder

if TYPE_CHECKING:
    from casefile.core.library import Library

# What an archive carries: the record, the log, the manifest, the readme, evidence and bundles.
_EXPORTED_DIRS = (EVIDENCE_DIR, BUNDLES_DIR)
_TOP_LEVEL_FILES = (RECORD_NAME, LOG_NAME, MANIFEST_NAME, README_NAME)


@dataclass
class ExportResult:
    path: Path
    sha256: str
    files: int
    size: int


@dataclass
class ImportResult:
    number: str
    folder: Path
    exhibits: int


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
    if destination.exists():
        raise CaseFileError("{destination} already exists; choose another name", destination=destination)
    if not destination.parent.is_dir():
        raise CaseFileError("the folder {parent} does not exist", parent=destination.parent)

    # Verify first: an archive of a case that no longer verifies would mislead its reader.
    report: CaseReport | None = None
    for item in verify_folder(folder, cancel=cancel):
        if isinstance(item, CaseReport):
            report = item
        else:
            yield Progress(item.done, item.total * 2, "verifying")
    assert report is not None
    if not report.ok:
        raise CaseFileError(
            "case {number} does not verify; fix it before exporting: {summary}", number=number, summary=report.summary()
        )

    members = _export_members(folder)
    total = sum(p.stat().st_size for p, _ in members)
    part = destination.with_name(f"{TEMP_PREFIX}{destination.name}.{secrets.token_hex(4)}")
    done = 0
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
    library.record_event(
        number, "export", {"file": destination.name, "sha256": digest, "size": size, "files": len(members)}
    )
    yield ExportResult(destination, digest, len(members), size)


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
        number, files = _check_members(zf)
        if (library.cases_dir / number).exists():
            raise ArchiveError("case {number} is already in this library; nothing was imported", number=number)
        total = sum(i.file_size for i in files)
        free = shutil.disk_usage(library.cases_dir).free
        if total > free:
            raise ArchiveError(
                "the archive needs {total} bytes but only {free} are free; nothing was imported", total=total, free=free
            )
        staging = library.cases_dir / f"{TEMP_PREFIX}import-{secrets.token_hex(4)}"
        target = staging / number
        done = 0
        try:
            make_private_dir(staging, exist_ok=False)
            make_private_dir(target, exist_ok=False)
            for sub in (EVIDENCE_DIR, INBOX_DIR, BUNDLES_DIR):
                make_private_dir(target / sub, exist_ok=False)
            for info in files:
                cancel.check()
                rel = PurePosixPath(info.filename).relative_to(number)
                out = target.joinpath(*rel.parts)
                for parent in reversed(out.relative_to(target).parents[:-1]):
                    make_private_dir(target / parent)
                with (
                    zf.open(info) as src,
                    os.fdopen(open_private(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL), "wb") as dst,
                ):
                    digests = copy_and_hash(cast(Readable, src), dst, with_sm3=False, cancel=cancel)
                    os.fsync(dst.fileno())
                if digests.size != info.file_size:
                    raise ArchiveError("{filename}: size does not match the archive directory", filename=info.filename)
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
            for dirpath, _dirs, names in os.walk(target / EVIDENCE_DIR):
                for name in names:
                    make_readonly(Path(dirpath) / name)
            with library.lock("numbering", Message("the library")):
                if (library.cases_dir / number).exists():
                    raise ArchiveError("case {number} is already in this library; nothing was imported", number=number)
                os.rename(target, library.cases_dir / number)
                fsync_dir(library.cases_dir)
        except OSError as exc:
            raise storage_error(exc, Message("importing {name}", name=archive.name)) from exc
        finally:
            remove_tree(staging)
    digest = hash_file(archive).sha256
    library.record_event(number, "import", {"file": archive.name, "sha256": digest})
    case = library.load_case(number)
    yield ImportResult(number, library.cases_dir / number, len(case.exhibits))
