"""Small, careful file-system helpers: atomic writes, fsync, private and read-only files, safe names.

Everything CaseFile writes about a dispute (case records with ID and phone numbers,
evidence, the index, settings, thumbnails, exports) is for the user alone: folders are
made 0700 and files 0600 (evidence 0400) whatever the umask, by setting the mode
explicitly. On Windows the modes are no-ops; the user's profile folders are private there.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import stat
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from casefile.core.errors import Message, StorageError, SystemReason
from casefile.core.textsafe import without_bidi

TEMP_PREFIX = ".cf-tmp-"
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
READ_ONLY_FILE = 0o400

# Characters that Windows refuses in file names, the ones that would need escaping in a
# sha256sum manifest (backslash, newline), and C1 controls, which a terminal listing the
# case folder (ls, sha256sum -c) could obey.
_BAD_NAME_CHARS = set('<>:"/\\|?*') | {chr(c) for c in range(32)} | {chr(c) for c in range(0x7F, 0xA0)}
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"COM{i}" for i in range(1, 10)} | {f"LPT{i}" for i in range(1, 10)}


def fsync_dir(path: Path) -> None:
    """Make a rename or a new entry in ``path`` durable (no-op where unsupported)."""
    if os.name == "nt":
        return
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def storage_problem(exc: OSError, what: Message) -> Message:
    """What went wrong, in words a user can act on (without saying what it left behind)."""
    if exc.errno == errno.ENOSPC:
        return Message("the disk is full while {what}", what=what)
    if exc.errno in (errno.EACCES, errno.EPERM):
        return Message("permission denied while {what}: {filename}", what=what, filename=exc.filename or "")
    if exc.errno == errno.EROFS:
        return Message("the disk is read-only while {what}", what=what)
    return Message("{what} failed: {reason}", what=what, reason=SystemReason(exc))


def storage_error(exc: OSError, what: Message) -> StorageError:
    """Turn an OSError into an error a user can act on; ``problem`` keeps the bare description.

    The message says "nothing was changed" for a full disk: callers use this where a failed
    step leaves nothing behind. Where earlier steps did change something, the caller says so
    with ``problem`` in its own message.
    """
    problem = storage_problem(exc, what)
    if exc.errno == errno.ENOSPC:
        error = StorageError("the disk is full while {what}; nothing was changed", what=what)
    else:
        error = StorageError(problem)
    error.problem = problem
    return error


def make_private_dir(path: Path, *, parents: bool = False, exist_ok: bool = True) -> None:
    """Create ``path`` (if needed) and make it readable by its owner only (0700)."""
    path.mkdir(mode=PRIVATE_DIR, parents=parents, exist_ok=exist_ok)
    make_private(path)


def make_private(path: str | os.PathLike[str]) -> bool:
    """Take group and other permissions away from ``path`` (a folder becomes 0700); True if it changed.

    What belongs to another user (a library shared on purpose) is left as its owner set it.
    """
    if os.name == "nt":
        return False
    st = os.lstat(path)
    if stat.S_ISLNK(st.st_mode):
        return False
    mode = stat.S_IMODE(st.st_mode)
    wanted = PRIVATE_DIR if stat.S_ISDIR(st.st_mode) else mode & PRIVATE_DIR
    if mode == wanted:
        return False
    try:
        os.chmod(path, wanted)
    except PermissionError:
        return False
    return True


def open_private(path: Path, flags: int) -> int:
    """``os.open`` for a file only its owner may read: new files are 0600 whatever the umask.

    An existing file that others may read is tightened too, if it is this user's (a file
    of another user, in a library shared on purpose, is left as its owner set it).
    """
    fd = os.open(path, flags | getattr(os, "O_BINARY", 0), PRIVATE_FILE)
    if hasattr(os, "fchmod") and flags & os.O_CREAT:
        try:
            if stat.S_IMODE(os.fstat(fd).st_mode) & 0o077:
                os.fchmod(fd, PRIVATE_FILE)
        except PermissionError:
            pass
        except OSError:
            os.close(fd)
            raise
    return fd


def tighten_tree(root: Path) -> int:
    """Make every folder under ``root`` 0700 and take group and other bits off every file.

    For a library written before CaseFile set modes itself. Only permissions change: file
    contents and times are not touched (evidence stays read-only). Returns how many entries
    changed.
    """
    if os.name == "nt":
        return 0
    changed = 0
    for dirpath, _dirnames, filenames in os.walk(root):
        for path in (dirpath, *(os.path.join(dirpath, name) for name in filenames)):
            with contextlib.suppress(OSError):
                changed += make_private(path)
    return changed


def copy_private(source: Path, target: Path) -> None:
    """Copy a file CaseFile made (a bundle) to where the user asked; the copy is 0600 like the original."""
    with open(source, "rb") as src, os.fdopen(open_private(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), "wb") as dst:
        shutil.copyfileobj(src, dst, 1 << 20)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` (0600) so that readers see the old or the new file, never half."""
    tmp = path.with_name(f"{TEMP_PREFIX}{path.name}.{os.getpid()}")
    try:
        fd = open_private(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        remove_quietly(tmp)
        raise storage_error(exc, Message("writing {name}", name=path.name)) from exc
    fsync_dir(path.parent)


def atomic_write_json(path: Path, data: Any) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    atomic_write_bytes(path, text.encode("utf-8"))


def write_derived_json(path: Path, data: Any) -> None:
    """Write derived data (a record that can be made again) as compact JSON, private to the user.

    Replaced atomically but not synced: after a crash the record is whole, absent or unreadable,
    and whoever reads it then treats it as absent and makes it again. ``path``'s folder exists.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    tmp = path.with_name(f"{TEMP_PREFIX}{path.name}.{os.getpid()}")
    try:
        with os.fdopen(open_private(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), "wb") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except OSError:
        remove_quietly(tmp)
        raise


def make_readonly(path: Path) -> None:
    """Evidence and bundles: readable by their owner only, and by nobody writable (0400)."""
    os.chmod(path, READ_ONLY_FILE)


def remove_quietly(path: Path) -> None:
    """Remove a file CaseFile made itself (a temp file, a read-only copy), ignoring failures."""
    with contextlib.suppress(OSError):
        os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    with contextlib.suppress(OSError):
        os.remove(path)


def safe_file_name(name: str, max_bytes: int = 150) -> str:
    """A file name that is valid on Windows, macOS and Linux and needs no manifest escaping.

    Keeps Chinese and other letters as they are (NFC-normalised); drops direction controls
    (``rtl\u202egpj.exe`` must not read as a photo); replaces characters that some system
    refuses; trims to ``max_bytes`` of UTF-8 while keeping the extension.
    """
    name = without_bidi(unicodedata.normalize("NFC", name))
    cleaned = "".join("_" if ch in _BAD_NAME_CHARS else ch for ch in name).strip(" .")
    if not cleaned:
        cleaned = "file"
    stem, dot, ext = cleaned.rpartition(".")
    if not dot or not stem or len(ext.encode()) > 16:
        stem, ext = cleaned, ""
    if stem.split(".")[0].upper() in _WINDOWS_RESERVED:
        stem = f"_{stem}"
    suffix = f".{ext}" if ext else ""
    budget = max_bytes - len(suffix.encode())
    while len(stem.encode()) > budget:
        stem = stem[:-1]
    return stem + suffix


def remove_tree(path: Path) -> None:
    """Remove a temporary tree CaseFile made, read-only files included (Windows needs this)."""
    if not path.exists():
        return
    for dirpath, _dirs, names in os.walk(path):
        with contextlib.suppress(OSError):
            os.chmod(dirpath, stat.S_IRWXU)
        for name in names:
            remove_quietly(Path(dirpath) / name)
    shutil.rmtree(path, ignore_errors=True)


def _writeback_starter() -> Callable[[int, int, int], None]:
    """Start writing a file range to disk without waiting (Linux ``sync_file_range``).

    Used while copying large evidence so the disk works while the CPU hashes, instead of
    all at the final fsync. Where the call is unavailable it does nothing: durability
    always comes from the fsync that follows.
    """
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            func = libc.sync_file_range
            func.argtypes = [ctypes.c_int, ctypes.c_int64, ctypes.c_int64, ctypes.c_uint]
            func.restype = ctypes.c_int
        except (OSError, AttributeError):
            pass
        else:

            def start(fd: int, offset: int, length: int) -> None:
                func(fd, offset, length, 2)  # SYNC_FILE_RANGE_WRITE: initiate, do not wait

            return start

    def nothing(fd: int, offset: int, length: int) -> None:
        return None

    return nothing


start_writeback = _writeback_starter()


def human_size(size: int) -> str:
    """1.5 MB, 320 KB... for people; exact byte counts are shown beside it where they matter."""
    if size < 1024:
        return f"{size} B"
    if size < 1 << 20:
        return f"{size / 1024:.1f} KB"
    if size < 1 << 30:
        return f"{size / (1 << 20):.1f} MB"
    return f"{size / (1 << 30):.2f} GB"


def real_path(path: str | os.PathLike[str]) -> str:
    """A path with its links resolved and its case folded as the system compares names."""
    return os.path.normcase(os.path.realpath(path))


def is_inside(path: str, folder: str) -> bool:
    """Whether ``path`` is ``folder`` or lies under it (both as :func:`real_path` gives them)."""
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


# Reparse tags of a Windows link: a symbolic link, and a junction (mount point). Other reparse
# points (a OneDrive file kept online only, a deduplicated file) hold their bytes where they are.
_LINK_TAGS = (0xA000000C, 0xA0000003)


def lstat_is_link(st: os.stat_result) -> bool:
    """Whether an ``lstat`` result is of a link: a symbolic link, or a Windows junction."""
    if stat.S_ISLNK(st.st_mode):
        return True
    return getattr(st, "st_reparse_tag", 0) in _LINK_TAGS


def is_link(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is a link to somewhere else (not followed): its bytes are not in the folder."""
    try:
        return lstat_is_link(os.lstat(path))
    except OSError:
        return False
