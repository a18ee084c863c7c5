"""A walk-in registration at the counter: create the case, add the customer's photos, make the receipt.

The app's walk-in desk runs this on its task thread; a script can run it as it is. It reports
progress by yielding (:class:`Progress`, 0–100 over the three steps), says which step starts
(:class:`WalkInStep`), and yields :class:`Registered` as soon as the case exists, so that a
step that fails or is cancelled afterwards leaves a case that registering again completes
(``existing``) instead of creating a second one.

It also chooses the customer's photos from the folder a phone syncs to
(:func:`photos_taken_on`): by the time each was taken, which the photo states itself, not by
when the file arrived, so that another customer's picture copied today is not taken for one of
today's.
"""

from __future__ import annotations

import dataclasses
import enum
import mimetypes
import os
import stat
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from casefile.core import zone
from casefile.core.bundle import BundleOptions, BundleResult, Venue
from casefile.core.errors import RefusedError, listed
from casefile.core.evidence import AddOptions, AddResult, add_files, link_refusal
from casefile.core.library import Library
from casefile.core.model import Case, HandedItem
from casefile.core.progress import NEVER_CANCELLED, CancelToken, Progress
from casefile.core.settings import Settings
from casefile.core.sniff import mime_from_content
from casefile.core.watch.readiness import hidden_by_attribute, is_ignored

if TYPE_CHECKING:
    from PIL import Image

# The source recorded on each photo's exhibit (stored data): the clerk takes them at the desk, so they are the
# store's own photos (the clerk is the exhibit's operator), whatever the customer handed in. Worded for any
# packet the case goes into; the store's receipt says 本店拍摄.
SOURCE = "门店拍摄"


@dataclass(frozen=True)
class Handed:
    """Something the customer hands in at the desk: a paper (小票, 发票, 保修卡) or an object, photographed or not.

    ``handed_in``: one of HANDED_IN ("" not recorded); ``disposition``: kept by the store or returned, one of
    DISPOSITIONS ("" not recorded); ``photos``: which of the photos added are the store's photos of it.
    """

    name: str
    count: int = 1
    handed_in: str = ""
    disposition: str = ""
    photos: tuple[Path, ...] = ()


class WalkInStep(enum.Enum):
    CASE = "case"
    PHOTOS = "photos"
    RECEIPT = "receipt"


@dataclass(frozen=True)
class Registered:
    """The case exists (kept even if a later step fails)."""

    number: str


def empty_photos(photos: Iterable[Path]) -> list[Path]:
    """The files among ``photos`` that hold nothing (0 bytes): a phone-sync placeholder, a photo still arriving.
    What cannot be read is left to adding the photos, which names why."""
    empty = []
    for path in photos:
        try:
            st = path.stat()
        except OSError:
            continue
        if stat.S_ISREG(st.st_mode) and st.st_size == 0:
            empty.append(path)
    return empty


# Why a photo brought to the desk is no photo the store can keep (unusable_photos).
NOT_A_PICTURE = "not-a-picture"  # named as a picture, holds something else (a text, an unknown format)
INCOMPLETE = "incomplete"  # a picture cut off (a transfer from the phone not finished): it does not decode


def unusable_photos(photos: Iterable[Path]) -> list[tuple[Path, str]]:
    """The files among ``photos`` that are not whole pictures, each with why (NOT_A_PICTURE or INCOMPLETE), from
    what adding a file flags (:func:`casefile.core.sniff.sniff`): a file named as a picture whose content is not
    one (extension-mismatch, unknown-format), and a picture flagged truncated that does not decode (a phone's
    photo with a video after its end, flagged too, decodes and is kept). Empty files are :func:`empty_photos`';
    what cannot be opened is left to adding the photos, which names why."""
    from casefile.core.sniff import FLAG_EXTENSION_MISMATCH, FLAG_TRUNCATED, FLAG_UNKNOWN_FORMAT, sniff

    found = []
    for path in photos:
        try:
            with path.open("rb") as fh:
                size = os.fstat(fh.fileno()).st_size
                if not size:
                    continue
                head = fh.read(HEAD_BYTES)
                fh.seek(max(0, size - HEAD_BYTES))
                tail = fh.read(HEAD_BYTES)
        except OSError:
            continue
        sniffed = sniff(path.name, size, head, tail)
        named_picture = path.suffix.lower() in PICTURE_SUFFIXES
        if named_picture and {FLAG_EXTENSION_MISMATCH, FLAG_UNKNOWN_FORMAT} & set(sniffed.flags):
            found.append((path, NOT_A_PICTURE))
        elif FLAG_TRUNCATED in sniffed.flags and sniffed.mime.startswith("image/") and not _decodes(path):
            found.append((path, INCOMPLETE))
    return found


def _decodes(path: Path) -> bool:
    """Whether the picture decodes to its end (at a reduced size, which still reads all of its data)."""
    from PIL import Image

    try:
        with Image.open(path) as image:
            image.draft("RGB", (64, 64))
            image.load()
    except Exception:  # noqa: BLE001 - whatever the decoder says, the picture is not whole
        return False
    return True


def unusable_refusal(photos: Iterable[Path]) -> RefusedError | None:
    """The refusal naming :func:`empty_photos`, else :func:`unusable_photos` (None when every photo is whole):
    before the case exists, while the customer is at the counter."""
    photos = list(photos)
    empty = empty_photos(photos)
    if empty:
        return RefusedError(
            "{names}: empty (0 bytes), not a photo the store can keep; wait for the phone to finish sending it, "
            "or take the photo again (nothing was registered)",
            names=listed([p.name for p in empty]),
        )
    bad = unusable_photos(photos)
    incomplete = [p.name for p, why in bad if why == INCOMPLETE]
    if incomplete:
        return RefusedError(
            "{names}: incomplete, it does not open as a picture; not a photo the store can keep: wait for the phone "
            "to finish sending it, or take the photo again (nothing was registered)",
            names=listed(incomplete),
        )
    other = [p.name for p, why in bad if why == NOT_A_PICTURE]
    if other:
        return RefusedError(
            "{names}: not a picture, whatever its name says; not a photo the store can keep: choose the photo "
            "itself, or take it again (nothing was registered)",
            names=listed(other),
        )
    return None


def _scaled(progress: Progress, start: int, span: int) -> Progress:
    fraction = progress.done / progress.total if progress.total else 0.0
    return Progress(start + int(span * min(fraction, 1.0)), 100, progress.message)


def register_walk_in(
    library: Library,
    settings: Settings,
    case: Case,
    photos: Sequence[Path] = (),
    *,
    existing: str | None = None,
    layout: str = "a5",
    handed_over: Mapping[Path, tuple[str, str]] | None = None,
    handed: Sequence[Handed] = (),
    cancel: CancelToken = NEVER_CANCELLED,
) -> Iterator[Progress | WalkInStep | Registered | AddResult | BundleResult]:
    """Create the case (or update ``existing``, a case an earlier attempt created), add ``photos``,
    build the receipt (``layout`` "a5" or "80mm").

    ``handed_over``: per photo, what the customer handed over for it and whether the store kept it
    (recorded on the photo's exhibit, printed on the receipt).
    ``handed``: what the customer handed in, photographed or not, each linked to the photos of it (recorded
    as the case's ``handed_items``; the receipt lists them apart from the store's photos).
    """
    refusal = unusable_refusal(photos)
    if refusal is not None:
        # Before the case exists, while the customer is at the counter: the store would hand back an original
        # with nothing usable kept of it, and its receipt would name as the store's photo a file that is none
        # (an empty one with the SHA-256 of nothing, a half-sent one, a text named .jpg).
        raise refusal
    yield WalkInStep.CASE
    yield Progress(0, 100, "")
    if existing is None:
        number = library.create_case(case).number
    else:
        number = existing
        with library.edit(number) as writer:
            writer.update(case)
    yield Registered(number)
    yield WalkInStep.PHOTOS
    yield Progress(5, 100, "")
    numbers: dict[Path, int] = {}
    if photos:
        options = AddOptions(source=SOURCE, purpose="")
        marks: dict[int, tuple[str, str]] = {}
        for item in add_files(library, number, list(photos), options, cancel=cancel):
            if isinstance(item, Progress):
                yield _scaled(item, 5, 75)
                continue
            exhibit = item.exhibit.number if item.exhibit is not None else item.duplicate_of
            if exhibit is not None:
                numbers[item.path] = exhibit
            mark = (handed_over or {}).get(item.path, ("", ""))
            if exhibit is not None and any(mark):
                marks[exhibit] = mark
            yield item
        if marks:
            with library.edit(number) as writer:
                for exhibit, (handed_in, disposition) in marks.items():
                    writer.update_exhibit(exhibit, handed_in=handed_in, disposition=disposition)
    if handed:
        items = [
            HandedItem(
                name=h.name.strip(),
                count=max(1, h.count),
                handed_in=h.handed_in,
                disposition=h.disposition,
                photos=sorted({numbers[p] for p in h.photos if p in numbers}),
            )
            for h in handed
            if h.name.strip()
        ]
        with library.edit(number) as writer:
            writer.update(dataclasses.replace(writer.case, handed_items=items))
    cancel.check()
    yield WalkInStep.RECEIPT
    yield Progress(80, 100, "")
    from casefile.core.bundle import build_bundle  # what makes PDFs, loaded when one is made

    receipt = BundleOptions(Venue.RECEIPT, layout=layout, force=True)
    for built in build_bundle(library, number, receipt, settings, cancel=cancel):
        if isinstance(built, Progress):
            yield _scaled(Progress(built.done, built.total, ""), 80, 20)
        else:
            yield built
    yield Progress(100, 100, "")


# ------------------------------------------------------------------ photos from the phone's folder

PICTURE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".heic", ".heif", ".webp", ".gif", ".bmp", ".tif", ".tiff"})
VIDEO_SUFFIXES = frozenset({".mp4", ".mov", ".m4v", ".3gp", ".avi", ".mkv", ".webm"})
# Sync tools' names for files they are still writing, besides the usual partial downloads.
SYNC_PARTIAL_SUFFIXES = (".!sync", ".syncthing", ".pending")
# A photo is written after it is taken, so a file last modified before the day (less this much
# for camera clocks and time zones) cannot hold a photo of that day: its capture time is not read.
MODIFIED_BEFORE_SLACK = timedelta(days=2)
HEAD_BYTES = 4096


@dataclass(frozen=True)
class PhonePhoto:
    """A picture or video in the phone's folder and when it was taken, in the zone asked for.

    ``source`` is where the time comes from (:mod:`casefile.core.metadata`'s ``SOURCE_*``:
    the photo's EXIF, a video's container, the file name, or only the file's modification
    time). ``problem`` says why the file's own time could not be read ("" when it could).
    """

    path: Path
    captured_at: datetime
    source: str
    video: bool = False
    problem: str = ""


def _candidates(folder: Path, since: float) -> Iterator[tuple[Path, os.stat_result]]:
    """Pictures and videos of ``folder`` (not its subfolders) modified at or after ``since``, complete and shown.

    A link leading out of the folder is not one of the phone's photos: it is left out, by the
    rule that refuses it when a folder is added (:func:`casefile.core.evidence.link_refusal`).
    """
    try:
        entries = list(os.scandir(folder))
        root = folder.resolve()
    except (OSError, RuntimeError):
        return
    for entry in entries:
        name = entry.name
        suffix = Path(name).suffix.lower()
        if suffix not in PICTURE_SUFFIXES | VIDEO_SUFFIXES:
            continue
        if is_ignored(name) or name.lower().endswith(SYNC_PARTIAL_SUFFIXES):
            continue
        try:
            if not entry.is_file():
                continue
            if entry.is_symlink() and link_refusal(Path(entry.path), root) is not None:
                continue
            st = entry.stat()
        except (OSError, RuntimeError):
            continue
        if st.st_size == 0 or hidden_by_attribute(st) or st.st_mtime < since:
            continue
        yield Path(entry.path), st


def _start_of(day: date, tz: tzinfo | None) -> datetime:
    start = datetime.combine(day, time())
    return start.replace(tzinfo=tz) if tz is not None else zone.entered(start)


def _in(value: datetime, tz: tzinfo | None) -> datetime:
    return value.astimezone(tz) if tz is not None else zone.shown(value)


def capture_time(path: Path, modified: datetime, tz: tzinfo | None = None) -> PhonePhoto:
    """When the picture or video at ``path`` was taken, by the rule evidence is dated by.

    EXIF (with its offset), then a video's container, then a time in the file name, then the
    file's modification time ``modified``. A time that states no offset is the phone's clock:
    it is read as a time in ``tz`` (when None, the zone times are shown in: :func:`casefile.core.zone.entered`).
    """
    from casefile.core.metadata import SOURCE_FILE_MTIME, SOURCE_FILE_NAME, extract

    video = path.suffix.lower() in VIDEO_SUFFIXES
    try:
        with path.open("rb") as fh:
            head = fh.read(HEAD_BYTES)
    except OSError as exc:
        return PhonePhoto(path, _in(modified, tz), SOURCE_FILE_MTIME, video, f"{type(exc).__name__}: {exc}")
    mime = mime_from_content(head) or mimetypes.guess_type(path.name)[0] or ""
    found = extract(path, mime, original_name=path.name, file_modified_at=modified, added_at=datetime.now(UTC))
    captured = found.captured_at or modified
    meta = found.metadata
    if found.captured_at_source == SOURCE_FILE_NAME or (meta.time_without_offset and found.captured_at is not None):
        captured = zone.shown(captured).replace(tzinfo=None)  # back to the phone's clock, as it stated it
        captured = captured.replace(tzinfo=tz) if tz is not None else zone.entered(captured)
    problem = meta.metadata_error if isinstance(meta.metadata_error, str) else ""
    source = found.captured_at_source if found.captured_at is not None else SOURCE_FILE_MTIME
    return PhonePhoto(path, _in(captured, tz), source, video, problem)


def photos_taken_on(
    folder: Path, day: date, tz: tzinfo | None = None, *, cancel: CancelToken = NEVER_CANCELLED
) -> list[PhonePhoto]:
    """The pictures and videos in ``folder`` taken on ``day`` in ``tz`` (when None, the zone times are shown in),
    newest first.

    Only the folder itself is read, not its subfolders. Hidden files, files a sync tool or a
    browser is still writing and empty files are left out, and so is anything that is not a
    picture or a video. A photo whose own time (EXIF) is another day is left out whatever
    its file's modification time says: a picture copied in today may be another customer's.
    """
    start = _start_of(day, tz)
    since = (start - MODIFIED_BEFORE_SLACK).timestamp()
    found: list[PhonePhoto] = []
    for path, st in _candidates(folder, since):
        cancel.check()
        photo = capture_time(path, datetime.fromtimestamp(st.st_mtime, UTC), tz)
        if photo.captured_at.date() == day:
            found.append(photo)
    found.sort(key=lambda p: (p.captured_at, p.path.name), reverse=True)
    return found


def phone_preview(path: Path, size: int, *, video: bool = False) -> Image.Image:
    """A small upright picture of a photo or of a video's first frame, at most ``size`` pixels a side.

    JPEGs are decoded at a reduced scale and Pillow's decompression-bomb limit stands; a file
    that cannot be drawn raises (the caller shows why).
    """
    from PIL import Image, ImageOps

    from casefile.core.thumbnails import register_heif

    if video:
        return _video_preview(path, size)
    register_heif()
    with Image.open(path) as img:
        if img.format == "JPEG":
            img.draft("RGB", (size * 2, size * 2))
        upright = ImageOps.exif_transpose(img)
        upright.thumbnail((size, size))
        return upright.convert("RGBA") if upright.mode not in ("RGB", "RGBA") else upright.copy()


def _video_preview(path: Path, size: int) -> Image.Image:
    import av
    from PIL import Image

    from casefile.core.media import frame_rotation

    with av.open(str(path), "r", metadata_errors="replace") as container:
        if not container.streams.video:
            raise ValueError("no video stream")
        frame = next(iter(container.decode(container.streams.video[0])), None)
        if frame is None:
            raise ValueError("no frame could be decoded")
        scale = min(1.0, size / max(frame.width, frame.height, 1))
        image: Image.Image = frame.to_image(  # type: ignore[no-untyped-call]
            width=max(1, round(frame.width * scale)), height=max(1, round(frame.height * scale))
        )
        rotation = frame_rotation(frame)
    turn = {90: Image.Transpose.ROTATE_270, 180: Image.Transpose.ROTATE_180, 270: Image.Transpose.ROTATE_90}
    return image.transpose(turn[rotation]) if rotation in turn else image
