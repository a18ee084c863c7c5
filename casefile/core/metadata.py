"""What an evidence file says about itself: when and how it was made.

Read once at ingest from the stored copy (never written to) and kept with the exhibit:
photos' EXIF (capture time and offset, camera or phone, GPS, orientation, size), times in
screenshot and phone file names, PDF information, the container facts of recordings and
videos (through :mod:`casefile.core.media`), the encoding of text exports and the headers
of e-mails.

The capture time follows one stated rule, the first that gives a time wins:

    EXIF  >  container (video/audio creation time, PDF creation date unless a software default
             such as 2000-01-01 (:func:`default_stamp`), e-mail Date)
          >  file name (Screenshot_20240510-143012, 微信图片_20240510143015, IMG_20240510_143012...)
          >  file modification time

and the source is recorded with it. Disagreements worth a look are flagged: a capture
time later than the moment the file was added, or a file modification time far from
the capture time the file itself states.

Reading is bounded: images are opened for their headers only (Pillow's decompression-bomb
limit stands), text and mail are read from their first bytes, and any parser failure
becomes ``metadata_error`` ("metadata unavailable: reason") and never an exception.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from casefile.core import zone
from casefile.core.model import ExhibitMetadata, from_data
from casefile.core.scans import pdf_image_only
from casefile.core.sniff import FLAG_BROKEN, FLAG_ENCRYPTED
from casefile.core.thumbnails import register_heif

log = logging.getLogger(__name__)

# Where captured_at came from.
SOURCE_EXIF = "exif"
SOURCE_CONTAINER = "container"
SOURCE_FILE_NAME = "file-name"
SOURCE_FILE_MTIME = "file-mtime"
SOURCE_USER = "user"  # set by hand in the app or with the command line

# Flags for times worth a look.
FLAG_CAPTURED_AFTER_ADDED = "captured-after-added"
FLAG_TIME_DISAGREES = "time-disagrees"
FLAG_METADATA_UNAVAILABLE = "metadata-unavailable"
FLAG_EDITED = "edited"  # the photo's own metadata says an editor saved it after capture

# Picture editors: a picture whose EXIF Software names one was opened and saved again by it. Programs that
# only copy pictures off a camera or phone, or show them (Nikon Transfer, Canon ZoomBrowser and EOS Utility,
# Picasa, a phone's gallery app), may rewrite the EXIF time when they rotate or caption a picture, and the
# camera's firmware names itself there too: none of that is editing. See :func:`judge_edited`.
_EDITORS = re.compile(
    r"photoshop|lightroom|gimp|snapseed|picsart|meitu|美图|醒图|paint\.net|affinity|pixelmator|luminar|darktable"
    r"|rawtherapee|capture ?one|photoscape|fotor|polarr|泼辣修图|vsco|facetune|天天p图|photodirector",
    re.IGNORECASE,
)

TEXT_SAMPLE = 1 << 20  # bytes read to detect a text file's encoding
MAIL_HEADER_LIMIT = 256 << 10
MAIL_HEADER_CHARS = 500  # a mail header's value kept, at most (the rest cut, marked)
CLOCK_SLACK = timedelta(minutes=10)  # cameras and phones whose clocks are a little off
UNKNOWN_OFFSET_SLACK = timedelta(hours=14)  # a time without offset may be in any zone
FILE_TIME_FAR = timedelta(days=365)  # a file time this much after the capture is worth a look
EARLIEST = datetime(1995, 1, 1, tzinfo=UTC)  # before this, a stated time is a reset clock


# Times software writes when it knows none: the epochs (Mac 1904, Unix 1970, DOS/ZIP 1980) and 2000-01-01,
# which many PDF and report generators put in as a placeholder; at midnight UTC or in the zone shown.
_DEFAULT_YEARS = (1904, 1970, 1980, 2000)


def default_stamp(at: datetime) -> bool:
    """Whether a time a file states is a software default rather than a moment (see :data:`_DEFAULT_YEARS`), or
    before any plausible time (:data:`EARLIEST`)."""
    if at.tzinfo is None:
        at = zone.entered(at)
    if at < EARLIEST:
        return True
    for t in (at.astimezone(UTC), zone.shown(at)):
        if t.year in _DEFAULT_YEARS and (t.month, t.day, t.hour, t.minute, t.second) == (1, 1, 0, 0, 0):
            return True
    return False


@dataclass
class Extracted:
    flags: list[str] = field(default_factory=list)
    metadata: ExhibitMetadata = field(default_factory=ExhibitMetadata)
    captured_at: datetime | None = None
    captured_at_source: str = SOURCE_FILE_MTIME


def extract(
    path: Path,
    mime: str,
    *,
    original_name: str,
    file_modified_at: datetime | None,
    added_at: datetime,
) -> Extracted:
    """Read ``path`` (a stored evidence file) and choose its capture time by the rule above."""
    meta: dict[str, Any] = {}
    flags: list[str] = []
    stated: tuple[datetime, str] | None = None
    try:
        if mime.startswith("image/"):
            stated = _image(path, meta)
        elif mime == "application/pdf":
            stated = _pdf(path, meta, flags)
        elif mime.startswith(("audio/", "video/")):
            stated = _media(path, mime, meta)
        elif mime == "message/rfc822":
            stated = _mail(path, meta)
        elif mime.startswith("text/") or mime == "application/json":
            _text(path, meta)
    except Exception as exc:  # noqa: BLE001 - a parser's failure is a fact about the file, never a crash
        meta["metadata_error"] = _reason(exc)
    if meta.get("edited"):
        flags.append(FLAG_EDITED)
    if meta.get("metadata_error"):
        flags.append(FLAG_METADATA_UNAVAILABLE)
        unreadable_image = mime.startswith("image/") and "width" not in meta
        if unreadable_image or (mime == "application/pdf" and "pages" not in meta and not meta.get("encrypted")):
            flags.append(FLAG_BROKEN)

    result = Extracted(flags=flags)
    named = time_from_file_name(original_name) or time_from_recording_name(original_name)
    if stated is not None:
        result.captured_at, result.captured_at_source = stated
    elif named is not None:
        result.captured_at, result.captured_at_source = named, SOURCE_FILE_NAME
        meta["time_without_offset"] = True
    elif file_modified_at is not None:
        result.captured_at, result.captured_at_source = file_modified_at, SOURCE_FILE_MTIME
    if named is not None and result.captured_at_source != SOURCE_FILE_NAME:
        meta["file_name_time"] = named.isoformat()
    # The readers above speak the file's own vocabulary; the exhibit keeps it typed.
    result.metadata = from_data(ExhibitMetadata, meta)
    _check_times(result, file_modified_at, added_at)
    return result


def judge_edited(software: str, rewritten_at: str = "") -> str:
    """A picture's ``edited`` note ("saved by <editor>", "changed at <time>"), or "" when it was not edited.

    The EXIF Software tag decides when it names a program: an editor (:data:`_EDITORS`) means edited;
    anything else (a camera's firmware, transfer software, a gallery app) means not, even when that
    program rewrote the EXIF time. Only a time rewritten after capture (``rewritten_at``) by a program
    that did not name itself counts as a sign of editing.
    """
    software = software.strip()
    if _EDITORS.search(software):
        return "saved by " + software
    if rewritten_at and not software:
        return "changed at " + rewritten_at
    return ""


def edited_note(metadata: ExhibitMetadata) -> str:
    """The ``edited`` note judged again, by :func:`judge_edited`, from what the exhibit's metadata recorded.

    Exhibits added under an older rule (one that took transfer software's rewritten time for an edit)
    are judged by today's rule rather than by the flag they were given then.
    """
    recorded = metadata.edited if isinstance(metadata.edited, str) else ""
    software = metadata.software if isinstance(metadata.software, str) else ""
    rewritten = recorded.removeprefix("changed at ") if recorded.startswith("changed at ") else ""
    return judge_edited(software, rewritten)


def _check_times(result: Extracted, file_modified_at: datetime | None, added_at: datetime) -> None:
    """Flag a stated capture time that is later than the ingest, or far from the file's own time."""
    captured = result.captured_at
    if captured is None or result.captured_at_source == SOURCE_FILE_MTIME:
        return
    slack = UNKNOWN_OFFSET_SLACK if result.metadata.time_without_offset else CLOCK_SLACK
    if captured > added_at + slack:
        result.flags.append(FLAG_CAPTURED_AFTER_ADDED)
    if file_modified_at is None:
        return
    if file_modified_at < captured - slack:
        result.metadata.time_disagreement = "file-modified-before-capture"
    elif result.captured_at_source == SOURCE_EXIF and file_modified_at > captured + FILE_TIME_FAR + slack:
        # Copying often renews a file's time (weeks later is normal); a year or more is worth a look.
        result.metadata.time_disagreement = "file-modified-long-after-capture"
    if result.metadata.time_disagreement:
        result.flags.append(FLAG_TIME_DISAGREES)


# ------------------------------------------------------------------ file names

_STAMP = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})[-_.]?(?P<mo>\d{2})[-_.]?(?P<d>\d{2})"
    r"(?:[ _\-T]|\s*at\s*|\s*)(?P<h>\d{2})[-_.:]?(?P<mi>\d{2})[-_.:]?(?P<s>\d{2})(?:\d{3})?(?!\d)"
)
_EPOCH_MS = re.compile(r"(?:mmexport|wx_camera_|IMG_|VID_|Screenshot_)?(?<!\d)(1[3-9]\d{11})(?!\d)")


def time_from_file_name(name: str) -> datetime | None:
    """The time a phone or PC wrote into a file name, as a time of the zone times are shown in
    (:func:`casefile.core.zone.entered`: Beijing time unless the user chose the computer's zone).

    Recognises ``Screenshot_20240510-143012_WeChat.png``, ``微信图片_20240510143015.jpg``,
    ``IMG_20240510_143012.jpg``, ``PXL_20240510_143012345.jpg``, ``Screenshot 2024-05-10 at
    14.30.12.png``, ``屏幕截图 2024-05-10 143012.png``, ``QQ截图20240510143012.png`` and the
    millisecond timestamps of WeChat exports (``mmexport1715322612345.jpg``).
    """
    stem = Path(name).stem
    for match in _STAMP.finditer(stem):
        naive = _naive([int(match.group(g)) for g in ("y", "mo", "d", "h", "mi", "s")])
        if naive is not None and _plausible(naive):
            return zone.entered(naive)
    epoch = _EPOCH_MS.search(stem)
    if epoch:
        stamp = datetime.fromtimestamp(int(epoch.group(1)) / 1000, UTC)
        if _plausible(stamp.replace(tzinfo=None)):
            return zone.shown(stamp)
    return None


# Recorders' names that time_from_file_name's full stamps do not cover: a call recorder's date and start minute
# (通话录音_20261121_1005.wav, Recording_20261121_1005.m4a) and Samsung's two-digit year (Call recording
# 张三_201121_100533.m4a).
_RECORDING_MINUTE = re.compile(
    r"(?<!\d)(?P<y>20\d{2})[-_.]?(?P<mo>\d{2})[-_.]?(?P<d>\d{2})[ _\-T](?P<h>\d{2})[-_.]?(?P<mi>\d{2})(?![\d\-_.]?\d)"
)
_RECORDING_SHORT_YEAR = re.compile(
    r"(?<!\d)(?P<y>\d{2})(?P<mo>\d{2})(?P<d>\d{2})[ _\-](?P<h>\d{2})(?P<mi>\d{2})(?P<s>\d{2})(?!\d)"
)
_RECORDING_WORDS = re.compile(r"录音|录制|record|voice|call|通话", re.IGNORECASE)
_AUDIO_SUFFIXES = {".wav", ".m4a", ".mp3", ".amr", ".aac", ".3gp", ".3ga", ".ogg", ".opus", ".flac", ".wma", ".silk"}


def time_from_recording_name(name: str) -> datetime | None:
    """The start a phone's call or voice recorder wrote into a recording's name, as a device-local time in the
    zone times are shown in (like :func:`time_from_file_name`, which reads the names with seconds, e.g.
    ``13812345678_20261121100533.amr``, MIUI's ``张三(13812345678)_20261121100533.mp3``,
    ``录音_2026-11-21_10-05-33.m4a``).

    Reads only recordings (an audio suffix, or 录音/通话/record/call in the name): ``通话录音_20261121_1005.wav``
    (to the minute) and Samsung's ``Call recording 张三_201121_100533.m4a`` (two-digit year)."""
    path = Path(name)
    if path.suffix.lower() not in _AUDIO_SUFFIXES and not _RECORDING_WORDS.search(path.stem):
        return None
    for pattern in (_RECORDING_MINUTE, _RECORDING_SHORT_YEAR):
        for match in pattern.finditer(path.stem):
            groups = match.groupdict()
            y, mo, d, h, mi, s = (int(groups.get(g, 0)) for g in ("y", "mo", "d", "h", "mi", "s"))  # no seconds: 0
            naive = _naive([y if y >= 100 else 2000 + y, mo, d, h, mi, s])  # a two-digit year: 20xx
            if naive is not None and _plausible(naive):
                return zone.entered(naive)
    return None


def _naive(parts: list[int]) -> datetime | None:
    """A datetime from (year, month, day, hour, minute, second); None when out of range."""
    try:
        return datetime(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5])
    except ValueError:
        return None


def _plausible(naive: datetime) -> bool:
    return datetime(1995, 1, 1) <= naive <= datetime.now() + timedelta(days=2)


# ------------------------------------------------------------------ images

_EXIF_IFD = 0x8769
_GPS_IFD = 0x8825
_TAG_MAKE, _TAG_MODEL, _TAG_SOFTWARE, _TAG_DATETIME, _TAG_ORIENTATION = 0x010F, 0x0110, 0x0131, 0x0132, 0x0112
_TAG_ORIGINAL, _TAG_DIGITIZED = 0x9003, 0x9004
_TAG_OFFSET, _TAG_OFFSET_ORIGINAL, _TAG_OFFSET_DIGITIZED = 0x9010, 0x9011, 0x9012
_TAG_SUBSEC_ORIGINAL = 0x9291
_TAG_LENS_MODEL = 0xA434


def _image(path: Path, meta: dict[str, Any]) -> tuple[datetime, str] | None:
    from PIL import Image

    register_heif()
    with Image.open(path) as img:
        meta["width"], meta["height"] = img.size
        meta["image_format"] = img.format or ""
        if img.format == "PNG":
            # Pillow's getexif() decodes a whole PNG to find an eXIf chunk after the pixels.
            exif = Image.Exif()
            raw = img.info.get("exif") or _png_exif_chunk(path)
            if raw:
                exif.load(raw)
        else:
            exif = img.getexif()
    if not exif:
        return None
    base = dict(exif)
    detail = _ifd(exif, _EXIF_IFD)
    gps = _ifd(exif, _GPS_IFD)
    for key, value in (
        ("camera_make", base.get(_TAG_MAKE)),
        ("camera_model", base.get(_TAG_MODEL)),
        ("software", base.get(_TAG_SOFTWARE)),
        ("lens", detail.get(_TAG_LENS_MODEL)),
    ):
        text = _exif_text(value)
        if len(text) > EXIF_TEXT_CHARS:  # cut, and said to be: a cover must not print part of it as the whole
            text = text[: EXIF_TEXT_CHARS - 1].rstrip() + "…"
            meta.setdefault("cut", []).append(key)
        if text:
            meta[key] = text
    orientation = base.get(_TAG_ORIENTATION)
    if isinstance(orientation, int) and 1 <= orientation <= 8:
        meta["orientation"] = orientation
    position = _gps_position(gps)
    if position:
        meta["gps"] = position
    original, changed = _exif_time(detail.get(_TAG_ORIGINAL)), _exif_time(base.get(_TAG_DATETIME))
    rewritten = changed.isoformat() if original and changed and changed - original > timedelta(minutes=1) else ""
    edited = judge_edited(meta.get("software", ""), rewritten)
    if edited:
        meta["edited"] = edited

    for tag, offset_tag, name in (
        (_TAG_ORIGINAL, _TAG_OFFSET_ORIGINAL, "DateTimeOriginal"),
        (_TAG_DIGITIZED, _TAG_OFFSET_DIGITIZED, "DateTimeDigitized"),
        (_TAG_DATETIME, _TAG_OFFSET, "DateTime"),
    ):
        source = detail if tag != _TAG_DATETIME else base
        naive = _exif_time(source.get(tag))
        if naive is None:
            raw = _text_tag(source.get(tag))
            if raw and "exif_time_ignored" not in meta:  # stated but no time: kept as stated, said why unused
                unset = not re.sub(r"[0:\s.-]", "", raw)  # 0000:00:00 00:00:00, or blanks: the clock never set
                meta["exif_time_ignored"] = "camera clock not set" if unset else "not a valid time"
                meta["exif_time_raw"] = raw
            continue
        subsec = _text_tag(detail.get(_TAG_SUBSEC_ORIGINAL)) if tag == _TAG_ORIGINAL else ""
        if subsec.isdigit():
            naive = naive.replace(microsecond=int(subsec[:6].ljust(6, "0")))
        offset = _exif_offset(detail.get(offset_tag)) or _exif_offset(detail.get(_TAG_OFFSET))
        if offset is None:
            offset = _offset_from_gps(naive, gps)
            if offset is not None:
                meta["exif_offset_from"] = "gps"
        meta["exif_time_tag"] = name
        meta["exif_time"] = naive.isoformat()
        if offset is None:
            meta["time_without_offset"] = True
            stated = zone.entered(naive)  # the camera's own clock, taken in the zone times are shown in
        else:
            meta["exif_offset"] = _format_offset(offset)
            stated = naive.replace(tzinfo=timezone(offset))
        if stated < EARLIEST:
            meta["exif_time_ignored"] = "camera clock not set"
            return None
        return stated, SOURCE_EXIF
    return None


def _png_exif_chunk(path: Path, max_chunks: int = 10_000) -> bytes:
    """The eXIf chunk of a PNG found by walking chunk headers (the pixel data is skipped, not read)."""
    with open(path, "rb") as fh:
        if fh.read(8) != b"\x89PNG\r\n\x1a\n":
            return b""
        for _ in range(max_chunks):
            header = fh.read(8)
            if len(header) < 8:
                return b""
            length, kind = int.from_bytes(header[:4], "big"), header[4:]
            if kind == b"eXIf":
                return fh.read(min(length, 1 << 20))
            if kind == b"IEND":
                return b""
            fh.seek(length + 4, 1)  # the data and its CRC
    return b""


def _ifd(exif: Any, tag: int) -> dict[int, Any]:
    try:
        return dict(exif.get_ifd(tag))
    except Exception:  # noqa: BLE001 - a damaged sub-directory: treat as absent
        return {}


def _text_tag(value: Any) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    if not isinstance(value, str):
        return ""
    return value.replace("\x00", "").strip()[:120]


# An EXIF text tag is kept to this many characters (a camera's name is some 30), the cut marked and recorded
# in the metadata's "cut"; more than this is read only to know that it was cut.
EXIF_TEXT_CHARS = 120
EXIF_TEXT_READ = 4 * EXIF_TEXT_CHARS


def _exif_text(value: Any) -> str:
    """An EXIF text tag (Make, Model, Software, LensModel...) as the characters its writer meant.

    EXIF says ASCII, but Chinese phones and apps (华为, 美图秀秀, 醒图) write UTF-8, and older software GBK;
    Pillow reads the tag one character a byte. The bytes are read as UTF-8 (strictly), else as GB18030,
    else kept losslessly with every byte that is not ASCII written as a visible ``\\xNN`` escape (never
    guessed into Latin-1 mojibake). Direction and control characters are kept as written: what shows them
    escapes them (casefile.core.textsafe).
    """
    if isinstance(value, str):
        try:
            raw = value.encode("latin-1")  # Pillow's one character a byte, back to the bytes
        except UnicodeEncodeError:
            return value.replace("\x00", "").strip()[:EXIF_TEXT_READ]  # not bytes read as characters: already text
    elif isinstance(value, bytes):
        raw = value
    else:
        return ""
    raw = raw.replace(b"\x00", b"").strip()
    for encoding in ("utf-8", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        text = "".join(chr(b) if b < 0x80 else f"\\x{b:02x}" for b in raw)
    return text.strip()[:EXIF_TEXT_READ]


def _exif_time(value: Any) -> datetime | None:
    text = _text_tag(value)
    match = re.fullmatch(r"(\d{4})[:\-](\d{2})[:\-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?", text)
    if not match:
        return None
    return _naive([int(g) for g in match.groups()])


def _exif_offset(value: Any) -> timedelta | None:
    match = re.fullmatch(r"([+-])(\d{2}):(\d{2})", _text_tag(value))
    if not match:
        return None
    sign = -1 if match.group(1) == "-" else 1
    offset = sign * timedelta(hours=int(match.group(2)), minutes=int(match.group(3)))
    return offset if abs(offset) <= timedelta(hours=14) else None


def _format_offset(offset: timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _rational(value: Any) -> float:
    if isinstance(value, tuple) and len(value) == 2:
        return float(value[0]) / float(value[1]) if value[1] else 0.0
    return float(value)


def _gps_position(gps: dict[int, Any]) -> dict[str, float] | None:
    try:
        lat_ref, lat, lon_ref, lon = gps.get(1), gps.get(2), gps.get(3), gps.get(4)
        if not (lat and lon):
            return None
        latitude = sum(_rational(v) / 60**i for i, v in enumerate(lat))
        longitude = sum(_rational(v) / 60**i for i, v in enumerate(lon))
        if _text_tag(lat_ref).upper() == "S":
            latitude = -latitude
        if _text_tag(lon_ref).upper() == "W":
            longitude = -longitude
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180) or (latitude == 0 and longitude == 0):
            return None
        position = {"lat": round(latitude, 6), "lon": round(longitude, 6)}
        if gps.get(6) is not None:
            altitude = _rational(gps[6])
            position["alt"] = round(-altitude if gps.get(5) in (1, b"\x01") else altitude, 1)
        return position
    except (TypeError, ValueError, ZeroDivisionError):
        return None


def _offset_from_gps(local: datetime, gps: dict[int, Any]) -> timedelta | None:
    """The camera's UTC offset from its GPS time (UTC), rounded to a quarter hour."""
    try:
        date = _text_tag(gps.get(29))
        stamp = gps.get(7)
        if not date or not stamp:
            return None
        y, m, d = (int(p) for p in date.replace("-", ":").split(":"))
        h, mi, s = (_rational(v) for v in stamp)
        utc = datetime(y, m, d, int(h), int(mi), int(s))
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    minutes = round((local - utc).total_seconds() / 900) * 15
    offset = timedelta(minutes=minutes)
    return offset if abs(offset) <= timedelta(hours=14) else None


# ------------------------------------------------------------------ PDF

_PDF_DATE = re.compile(r"D?:?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*(Z|[+-]\d{2}'?\d{2}'?)?")


def _pdf(path: Path, meta: dict[str, Any], flags: list[str]) -> tuple[datetime, str] | None:
    import pikepdf

    try:
        pdf = pikepdf.open(path)
    except pikepdf.PasswordError:
        meta["encrypted"] = True
        meta["metadata_error"] = "the PDF needs a password to open"
        flags.append(FLAG_ENCRYPTED)
        return None
    with pdf:
        meta["encrypted"] = bool(pdf.is_encrypted)  # e.g. printing restricted; still readable
        meta["pages"] = len(pdf.pages)
        info = pdf.docinfo
        for key, name in (("/Producer", "producer"), ("/Creator", "creator"), ("/Title", "title")):
            if key in info:
                text = _text_tag(str(info[key]))
                if text:
                    meta[name] = text
        created = _pdf_date(str(info["/CreationDate"])) if "/CreationDate" in info else None
        modified = _pdf_date(str(info["/ModDate"])) if "/ModDate" in info else None
        scan = pdf_image_only(pdf)  # a scan: a picture of a paper (casefile.core.bundle.parts.picture_of_paper)
        if scan is not None:
            meta["image_only"] = scan
    if modified is not None:
        meta["pdf_modified"] = modified.isoformat()
    if created is None:
        return None
    meta["pdf_created"] = created.isoformat()
    if default_stamp(created):
        return None  # kept as read (pdf_created), but not a time the file was made: the next rule decides
    return created, SOURCE_CONTAINER


def _pdf_date(text: str) -> datetime | None:
    match = _PDF_DATE.match(text.strip())
    if not match:
        return None
    parts = [int(g) if g else d for g, d in zip(match.groups()[:6], (0, 1, 1, 0, 0, 0), strict=True)]
    naive = _naive(parts)
    if naive is None:
        return None
    designator = match.group(7)
    if designator == "Z":
        stamp = naive.replace(tzinfo=UTC)
    elif designator:
        digits = designator.replace("'", "")
        offset = _exif_offset(f"{digits[0]}{digits[1:3]}:{digits[3:5] or '00'}")
        stamp = naive.replace(tzinfo=timezone(offset)) if offset is not None else zone.entered(naive)
    else:
        stamp = zone.entered(naive)
    return stamp if stamp >= EARLIEST else None


# ------------------------------------------------------------------ audio and video


def _media(path: Path, mime: str, meta: dict[str, Any]) -> tuple[datetime, str] | None:
    from casefile.core import media

    facts = media.probe_silk(path) if mime == "audio/silk" else media.probe(path)
    meta.update(facts)
    created = facts.get("media_created")
    if not created:
        return None
    try:
        stamp = datetime.fromisoformat(str(created))
    except ValueError:
        return None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)  # QuickTime and MP4 creation times are UTC
    return (stamp, SOURCE_CONTAINER) if stamp >= EARLIEST else None


# ------------------------------------------------------------------ text and mail


def detect_encoding(data: bytes) -> str:
    """The encoding of a text sample: utf-8 (with or without BOM), utf-16, gb18030, or binary."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    try:
        data.decode("utf-8")
        return "utf-8" if any(b > 0x7F for b in data) else "ascii"
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and len(data) >= TEXT_SAMPLE:  # a character cut by the sample
            return "utf-8"
    cut = 1 if len(data) >= TEXT_SAMPLE else 0  # the sample may end inside a two-byte character
    for end in range(len(data), len(data) - cut - 1, -1):
        try:
            data[:end].decode("gb18030")
            return "gb18030"
        except UnicodeDecodeError:
            continue
    return "unknown"


def _text(path: Path, meta: dict[str, Any]) -> None:
    with open(path, "rb") as fh:
        sample = fh.read(TEXT_SAMPLE)
    meta["encoding"] = detect_encoding(sample)


def _mail(path: Path, meta: dict[str, Any]) -> tuple[datetime, str] | None:
    from email import policy
    from email.parser import BytesHeaderParser
    from email.utils import parsedate_to_datetime

    from casefile.core.sniff import decode_header
    from casefile.core.sniff import detect_encoding as detect_text_encoding

    with open(path, "rb") as fh:
        head = fh.read(MAIL_HEADER_LIMIT)
    end = head.find(b"\r\n\r\n")
    end = head.find(b"\n\n") if end < 0 else end
    message = BytesHeaderParser(policy=policy.default).parsebytes(head[: end if end > 0 else len(head)])
    # Raw 8-bit headers without a charset (older Chinese mail clients) are read in the
    # encoding detected on all of them together; encoded words in their declared charset.
    raw = {name.lower(): value for name, value in reversed(list(message.raw_items()))}
    eight_bit = b"\n".join(v.encode("ascii", "surrogateescape") for v in raw.values() if not v.isascii())
    guess = detect_text_encoding(eight_bit) if eight_bit else ""
    headers: dict[str, str] = {}
    cut: list[str] = []
    for name in ("From", "To", "Cc", "Date", "Subject", "Message-ID"):
        value = raw.get(name.lower())
        if value is not None:
            text = decode_header(value, guess)
            if len(text) > MAIL_HEADER_CHARS:
                text = _cut_header(text, name.lower() in ("from", "to", "cc"))
                cut.append(f"email.{name.lower()}")
            headers[name.lower()] = text
    meta["email"] = headers
    if cut:
        meta["cut"] = cut
    meta["encoding"] = str(message.get_content_charset() or "") or detect_encoding(head)
    if "date" not in headers:
        return None
    try:
        stamp = parsedate_to_datetime(headers["date"])
    except (TypeError, ValueError):
        return None
    # No zone (RFC 5322 "-0000" says so too, "+0000" is UTC): the sender's clock as it read, kept as a camera's
    # time without an offset is, taken in the zone times are shown in and marked as recording no zone.
    naive = stamp.tzinfo is None
    stamp = zone.entered(stamp)
    if stamp < EARLIEST:
        return None
    if naive:
        meta["time_without_offset"] = True
    return stamp, SOURCE_CONTAINER


def _cut_header(text: str, addresses: bool) -> str:
    """A header value longer than :data:`MAIL_HEADER_CHARS` cut short, marked with a closing "…". A list of
    addresses is cut after its last whole address that fits: half an address would be printed unmasked, as the
    masking no longer recognises it."""
    room = MAIL_HEADER_CHARS - 1
    kept = text[:room]
    if addresses:
        comma = kept.rfind(",")
        kept = kept[:comma] if comma > 0 else ""
    return kept.rstrip() + "…"


def _reason(exc: BaseException) -> str:
    name = type(exc).__name__
    if name == "DecompressionBombError":
        return "the image is too large to open safely (decompression bomb)"
    if name == "UnidentifiedImageError":
        return "not a readable image"
    return f"{name}: {exc}"[:300]
