"""Recordings and videos through PyAV: their facts, a poster frame and a contact sheet.

Nothing here raises on a bad file and nothing holds more than a frame or two: a broken
file gives ``metadata_error`` (probe) or None (pictures) and a log line. Pictures are
cached beside the thumbnails, keyed by the file's SHA-256, so they never go stale.
"""

from __future__ import annotations

import logging
import math
import os
import re
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from casefile.core.thumbnails import cache_dir, save_atomically

if TYPE_CHECKING:
    from av.container import InputContainer
    from av.video.frame import VideoFrame
    from av.video.stream import VideoStream
    from PIL import Image

log = logging.getLogger(__name__)

POSTER_LONG_SIDE = 1280
TILE_LONG_SIDE = 320
SHEET_GAP = 4
SHEET_BACKGROUND = (32, 32, 32)
JPEG_QUALITY = 85

# Exact length by decoding: audio-only files up to this size, within this much time.
EXACT_DURATION_MAX_BYTES = 200 * 1024 * 1024
EXACT_DURATION_MAX_SECONDS = 15.0
# Demuxers whose duration is an estimate from the bit rate (AMR is ~3% off, more with DTX).
ESTIMATED_DURATION_FORMATS = {"amr", "amrnb", "amrwb", "aac"}

# After a keyframe seek, decode at most this many frames forward to the wanted time.
MAX_FORWARD_FRAMES = 300
# A contact sheet taking longer than this takes the keyframes for its remaining tiles.
SHEET_BUDGET_SECONDS = 20.0
# Mean brightness (0-255) below which a poster candidate counts as a black frame.
DARK_FRAME = 24


# --- facts -------------------------------------------------------------------------------


def probe(path: Path) -> dict[str, Any]:
    """JSON-serialisable facts about a recording or video; never raises.

    A file that cannot be read (fully) gives ``metadata_error`` plus whatever was read.
    """
    facts: dict[str, Any] = {}
    try:
        with _open(path) as container:
            _read_facts(path, container, facts)
    except Exception as exc:  # noqa: BLE001 - a bad file is a fact about the evidence, never a crash
        facts["metadata_error"] = _reason(exc)
        log.info("cannot fully probe %s: %s", path.name, facts["metadata_error"])
    return facts


SILK_MAGIC = b"#!SILK_V3"
SILK_FRAME_SECONDS = 0.02  # every SILK frame holds 20 ms of speech


def probe_silk(path: Path) -> dict[str, Any]:
    """WeChat and QQ voice notes (SILK v3, which FFmpeg cannot read): the length from the frame count.

    The file is a magic line (after a 0x02 byte in WeChat's files) and then frames, each a
    little-endian 16-bit size and that many bytes; only the sizes are read.
    """
    facts: dict[str, Any] = {"container": "silk", "audio_codec": "silk"}
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(SILK_MAGIC) + 1)
            start = 1 if head.startswith(b"\x02") else 0
            if head[start : start + len(SILK_MAGIC)] != SILK_MAGIC:
                return {**facts, "metadata_error": "not a SILK voice note"}
            fh.seek(start + len(SILK_MAGIC))
            frames = 0
            while True:
                size = fh.read(2)
                if len(size) < 2:
                    break
                length = int.from_bytes(size, "little")
                if length == 0xFFFF or length == 0:  # the end marker some encoders write
                    break
                fh.seek(length, 1)
                frames += 1
            if fh.tell() > os.fstat(fh.fileno()).st_size:
                facts["truncated"] = True  # the last frame is cut short
                frames -= 1
    except OSError as exc:
        return {**facts, "metadata_error": _reason(exc)}
    facts["duration"] = round(max(frames, 0) * SILK_FRAME_SECONDS, 3)
    facts["duration_source"] = "frames"
    return facts


def _read_facts(path: Path, container: InputContainer, facts: dict[str, Any]) -> None:
    facts["container"] = container.format.name
    if container.duration is not None and container.duration > 0:
        facts["duration"] = round(container.duration / 1_000_000, 3)
        facts["duration_source"] = "container"
    tags = _tags(container)
    created = parse_creation_time(tags.get("creation_time") or tags.get("com.apple.quicktime.creationdate", ""))
    if created:
        facts["media_created"] = created
    device = {
        key: value
        for key, value in (
            ("make", tags.get("com.apple.quicktime.make") or tags.get("com.android.manufacturer") or tags.get("make")),
            ("model", tags.get("com.apple.quicktime.model") or tags.get("com.android.model") or tags.get("model")),
        )
        if value
    }
    if device:
        facts["device"] = device
    for key, value in tags.items():
        if key == "location" or key.startswith("location-") or key == "com.apple.quicktime.location.iso6709":
            gps = parse_iso6709(value)
            if gps:
                facts["gps"] = gps
                break

    video = _video_stream(container)
    audio = container.streams.audio[0] if container.streams.audio else None
    if audio is not None:
        ctx = audio.codec_context
        facts["audio_codec"] = ctx.name if ctx is not None else audio.codec.name
        if ctx is not None:
            facts["sample_rate"] = int(ctx.sample_rate or 0)
            facts["channels"] = int(ctx.channels or 0)
    if video is not None:
        vctx = video.codec_context
        facts["video_codec"] = vctx.name if vctx is not None else video.codec.name
        facts["width"] = int(vctx.width) if vctx is not None else 0
        facts["height"] = int(vctx.height) if vctx is not None else 0
        rate = video.average_rate or video.guessed_rate
        if rate:
            facts["frame_rate"] = round(float(rate), 3)
        if "duration" not in facts and video.duration and video.time_base:
            facts["duration"] = round(float(video.duration * video.time_base), 3)
            facts["duration_source"] = "stream"
        facts["rotation"] = 0  # until the display matrix says otherwise
        facts["rotation"] = _stream_rotation(container, video)
    elif audio is not None:
        unreliable = "duration" not in facts or bool(_format_names(container) & ESTIMATED_DURATION_FORMATS)
        if unreliable and path.stat().st_size <= EXACT_DURATION_MAX_BYTES:
            exact = _decoded_duration(container, audio)
            if exact is not None:
                facts["duration"] = exact
                facts["duration_source"] = "decoded"
        if "duration" not in facts and audio.duration and audio.time_base:
            facts["duration"] = round(float(audio.duration * audio.time_base), 3)
            facts["duration_source"] = "stream"


def _format_names(container: InputContainer) -> set[str]:
    return set(container.format.name.split(","))


def _tags(container: InputContainer) -> dict[str, str]:
    """Container tags, then the streams' for what the container lacks; keys in lower case."""
    tags: dict[str, str] = {}
    sources: list[Mapping[str, str]] = [container.metadata, *(s.metadata for s in container.streams)]
    for source in sources:
        for key, value in source.items():
            tags.setdefault(str(key).lower(), str(value).strip())
    return tags


def _video_stream(container: InputContainer) -> VideoStream | None:
    """The first real video stream: cover art in a recording (an attached picture) is not one."""
    from av.stream import Disposition

    for stream in container.streams.video:
        if not stream.disposition & Disposition.attached_pic:
            return stream
    return None


def _stream_rotation(container: InputContainer, stream: VideoStream) -> int:
    """Degrees clockwise to turn the stored picture upright: the rotate tag or the display matrix."""
    tag = stream.metadata.get("rotate")
    if tag:
        try:
            return normalise_rotation(float(tag))
        except ValueError:
            pass
    # The display matrix is not exposed on the stream; decoders attach it to every frame.
    import av

    for count, packet in enumerate(container.demux(stream), start=1):
        try:
            for frame in packet.decode():
                return frame_rotation(frame)
        except av.FFmpegError:
            pass  # e.g. a cut stream that starts before its first keyframe
        if count >= MAX_FORWARD_FRAMES:
            break
    return 0


def frame_rotation(frame: VideoFrame) -> int:
    """Degrees clockwise to turn this frame upright (its display matrix rotates counter-clockwise)."""
    return normalise_rotation(-float(frame.rotation or 0))


def normalise_rotation(degrees: float) -> int:
    """0, 90, 180 or 270: the nearest right angle, clockwise."""
    if not math.isfinite(degrees):
        return 0
    return int(round(degrees / 90.0)) % 4 * 90


def _decoded_duration(container: InputContainer, stream: Any) -> float | None:
    """The exact length of an audio stream, by decoding it (within a time budget)."""
    import av

    deadline = time.monotonic() + EXACT_DURATION_MAX_SECONDS
    rate = stream.codec_context.sample_rate if stream.codec_context is not None else 0
    if not rate:
        return None
    samples = 0
    for packet in container.demux(stream):
        if time.monotonic() > deadline:
            log.info("exact duration: gave up decoding after %.0f s", EXACT_DURATION_MAX_SECONDS)
            return None
        try:
            samples += sum(frame.samples for frame in packet.decode())
        except av.FFmpegError:
            # A frame the decoder does not support (e.g. AMR comfort noise): count its duration.
            if packet.duration and packet.time_base:
                samples += round(packet.duration * packet.time_base * rate)
    return round(samples / rate, 3)


def parse_creation_time(value: str) -> str | None:
    """An ISO 8601 timestamp (UTC when the tag says so), or None for a missing or bogus one."""
    value = value.strip()
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value.replace(" ", "T", 1))
    except ValueError:
        return None
    if when.year <= 1970:  # 1904 (QuickTime epoch) and 1970 (Unix epoch): unset clocks
        return None
    return when.isoformat(timespec="milliseconds" if when.microsecond else "seconds")


_ISO6709 = re.compile(r"^\s*([+-]\d+(?:\.\d*)?)([+-]\d+(?:\.\d*)?)([+-]\d+(?:\.\d*)?)?\s*(?:CRS[^/]*)?/?\s*$")


def parse_iso6709(value: str) -> dict[str, float] | None:
    """{"lat", "lon"} from an ISO 6709 point such as ``+31.2304+121.4737+012.000/``."""
    match = _ISO6709.match(value)
    if not match:
        return None
    lat = _iso6709_degrees(match.group(1), 2)
    lon = _iso6709_degrees(match.group(2), 3)
    if lat is None or lon is None or abs(lat) > 90 or abs(lon) > 180 or (lat == 0 and lon == 0):
        return None
    return {"lat": round(lat, 6), "lon": round(lon, 6)}


def _iso6709_degrees(text: str, degree_digits: int) -> float | None:
    """Degrees from ±D.D, ±DM.M or ±DMS.S, told apart by the count of integer digits."""
    sign = -1.0 if text[0] == "-" else 1.0
    whole, _, fraction = text[1:].partition(".")
    frac = float(f"0.{fraction}") if fraction else 0.0
    if len(whole) <= degree_digits:
        return sign * (int(whole) + frac)
    if len(whole) == degree_digits + 2:
        return sign * (int(whole[:degree_digits]) + (int(whole[degree_digits:]) + frac) / 60)
    if len(whole) == degree_digits + 4:
        d, m, s = whole[:degree_digits], whole[degree_digits : degree_digits + 2], whole[degree_digits + 2 :]
        return sign * (int(d) + int(m) / 60 + (int(s) + frac) / 3600)
    return None


# --- pictures ----------------------------------------------------------------------------


def poster_path(sha256: str) -> Path:
    return cache_dir() / sha256[:2] / f"{sha256}-poster.jpg"


def sheet_path(sha256: str, columns: int, rows: int) -> Path:
    return cache_dir() / sha256[:2] / f"{sha256}-sheet-{columns}x{rows}.jpg"


# A recording to read pictures from: a path, or a file already open (a bundle passes the
# evidence file it opened and hashed, so the frames come from the bytes it checked).
Source = Path | BinaryIO


def _name(source: Source) -> str:
    return source.name if isinstance(source, Path) else Path(str(getattr(source, "name", "<file>"))).name


def poster_frame(path: Source, sha256: str) -> Path | None:
    """A cached JPEG of a representative, upright frame (long side at most 1280 px); None if none."""
    target = poster_path(sha256)
    if target.exists():
        return target
    try:
        with _open(path) as container:
            stream = _decodable_video(container)
            duration = _video_duration(container, stream)
            first = duration * 0.1 if duration >= 10 else min(1.0, duration / 2)
            # A black first choice (a fade-in, a lens cap) gives way to a later one.
            candidates = [first] + [duration * f for f in (0.25, 0.5, 0.75) if duration * f > first]
            reader = _FrameReader(container, stream)
            best: Image.Image | None = None
            best_light = -1.0
            for when in candidates:
                grabbed = reader.grab(when, MAX_FORWARD_FRAMES)
                if grabbed is None:
                    continue
                image = _upright_image(grabbed[0], POSTER_LONG_SIDE, stream.sample_aspect_ratio)
                light = _brightness(image)
                if light > best_light:
                    best, best_light = image, light
                if light >= DARK_FRAME:
                    break
        if best is None:  # some demuxers (e.g. a still image) decode nothing after a seek
            best = _first_image(path)
        save_atomically(best, target, "JPEG", quality=JPEG_QUALITY)
    except Exception as exc:  # noqa: BLE001 - any decoder failure: no picture, never a crash
        log.info("no poster frame for %s: %s", _name(path), _reason(exc))
        return None
    return target


def contact_sheet_times(duration: float, columns: int = 4, rows: int = 3) -> list[float]:
    """The times (s) a contact sheet shows: the middles of equal slices of the video."""
    count = max(columns, 0) * max(rows, 0)
    if duration <= 0 or count == 0:
        return []
    return [round(duration * (i + 0.5) / count, 3) for i in range(count)]


def contact_sheet(path: Source, sha256: str, columns: int = 4, rows: int = 3) -> Path | None:
    """A cached JPEG grid of upright frames at even intervals, each labelled hh:mm:ss; None if none.

    Tiles run left to right, then top to bottom, at ``contact_sheet_times``; each label is the
    time of the frame actually shown. A tile's long side is 320 px, with 4 px between tiles.
    """
    if not (1 <= columns <= 12 and 1 <= rows <= 12):
        log.info("no contact sheet for %s: %d x %d tiles", _name(path), columns, rows)
        return None
    target = sheet_path(sha256, columns, rows)
    if target.exists():
        return target
    try:
        with _open(path) as container:
            stream = _decodable_video(container)
            times = contact_sheet_times(_video_duration(container, stream), columns, rows)
            if not times:
                raise ValueError("unknown duration")
            reader = _FrameReader(container, stream)
            deadline = time.monotonic() + SHEET_BUDGET_SECONDS
            tiles: list[tuple[Image.Image, float] | None] = []
            for when in times:
                forward = MAX_FORWARD_FRAMES if time.monotonic() < deadline else 1
                grabbed = reader.grab(when, forward)
                tiles.append(
                    None
                    if grabbed is None
                    else (_upright_image(grabbed[0], TILE_LONG_SIDE, stream.sample_aspect_ratio), grabbed[1])
                )
            sheet = _compose_sheet(tiles, columns, rows)
            save_atomically(sheet, target, "JPEG", quality=JPEG_QUALITY)
    except Exception as exc:  # noqa: BLE001 - any decoder failure: no picture, never a crash
        log.info("no contact sheet for %s: %s", _name(path), _reason(exc))
        return None
    return target


def _compose_sheet(tiles: list[tuple[Image.Image, float] | None], columns: int, rows: int) -> Image.Image:
    from PIL import Image, ImageDraw

    shown = [t for t in tiles if t is not None]
    if not shown:
        raise ValueError("no frame could be decoded")
    tile_w = max(t[0].width for t in shown)
    tile_h = max(t[0].height for t in shown)
    sheet = Image.new(
        "RGB",
        (columns * tile_w + (columns + 1) * SHEET_GAP, rows * tile_h + (rows + 1) * SHEET_GAP),
        SHEET_BACKGROUND,
    )
    draw = ImageDraw.Draw(sheet)
    font = _label_font()
    for i, tile in enumerate(tiles):
        if tile is None:
            continue
        image, when = tile
        x = SHEET_GAP + (i % columns) * (tile_w + SHEET_GAP)
        y = SHEET_GAP + (i // columns) * (tile_h + SHEET_GAP)
        sheet.paste(image, (x + (tile_w - image.width) // 2, y + (tile_h - image.height) // 2))
        label = hms(when)
        left, top, right, bottom = draw.textbbox((0, 0), label, font=font)
        box = (x, y + tile_h - (bottom - top) - 6, x + (right - left) + 6, y + tile_h)
        draw.rectangle(box, fill=(0, 0, 0))
        draw.text((box[0] + 3 - left, box[1] + 3 - top), label, fill=(255, 255, 255), font=font)
    return sheet


def hms(seconds: float) -> str:
    """hh:mm:ss of a time in seconds (rounded down)."""
    whole = max(int(seconds), 0)
    return f"{whole // 3600:02d}:{whole // 60 % 60:02d}:{whole % 60:02d}"


def _label_font() -> Any:
    from PIL import ImageFont

    try:
        from casefile.resources import resource_path

        return ImageFont.truetype(str(resource_path("fonts", "wqy-microhei.ttc")), 14)
    except Exception:  # noqa: BLE001 - a missing font costs only the look of the labels
        return ImageFont.load_default()


# --- decoding ----------------------------------------------------------------------------


@contextmanager
def _open(path: Source) -> Iterator[InputContainer]:
    import av

    if isinstance(path, Path):
        container = av.open(str(path), "r", metadata_errors="replace")
    else:
        path.seek(0)  # each opening reads the file from its start
        container = av.open(path, "r", metadata_errors="replace")
    try:
        yield container
    finally:
        container.close()


def _first_image(path: Source) -> Image.Image:
    """The first frame of the video, upright, without seeking."""
    with _open(path) as container:
        stream = _decodable_video(container)
        grabbed = _FrameReader(container, stream).first(MAX_FORWARD_FRAMES)
        if grabbed is None:
            raise ValueError("no frame could be decoded")
        return _upright_image(grabbed[0], POSTER_LONG_SIDE, stream.sample_aspect_ratio)


def _decodable_video(container: InputContainer) -> VideoStream:
    stream = _video_stream(container)
    if stream is None:
        raise ValueError("no video stream")
    if stream.codec_context is None:
        raise ValueError(f"no decoder for {stream.codec.name}")
    stream.codec_context.thread_type = "AUTO"
    return stream


def _video_duration(container: InputContainer, stream: VideoStream) -> float:
    if stream.duration and stream.time_base:
        return float(stream.duration * stream.time_base)
    if container.duration:
        return container.duration / 1_000_000
    return 0.0


class _FrameReader:
    """Frames of one video stream at wanted times: a keyframe seek, then decoding forward.

    Wanted times in order that fall in the group of pictures being decoded continue the
    decoding instead of seeking back to its keyframe; a file that cannot seek is read forward.
    """

    def __init__(self, container: InputContainer, stream: VideoStream) -> None:
        self.container = container
        self.stream = stream
        self.time_base = stream.time_base or Fraction(1, 1_000_000)
        self.start = stream.start_time or 0
        rate = stream.average_rate or stream.guessed_rate
        self.slack = int(1 / (2 * rate) / self.time_base) if rate else 0  # half a frame
        self._frames: Iterator[VideoFrame] | None = None
        self._last_pts: int | None = None

    def grab(self, when: float, forward: int) -> tuple[VideoFrame, float] | None:
        """The first frame at or after ``when`` (s) and its time, decoding at most ``forward`` frames.

        When that is not enough, the last frame decoded.
        """
        wanted = self.start + int(when / self.time_base)
        if self._can_continue(wanted):
            found = self._decode_to(wanted, forward)
            if found is not None:
                return found
        self._seek(wanted)
        return self._decode_to(wanted, forward)

    def first(self, forward: int) -> tuple[VideoFrame, float] | None:
        """The first frame decoded from where the container is, with no seek."""
        self._frames = iter(self.container.decode(self.stream))
        return self._decode_to(self.start, forward)

    def _can_continue(self, wanted: int) -> bool:
        if self._frames is None or self._last_pts is None or self._last_pts >= wanted - self.slack:
            return False
        entries = self.stream.index_entries
        try:
            i = entries.search_timestamp(wanted, backward=True)
            return i >= 0 and entries[i].timestamp <= self._last_pts
        except Exception:  # noqa: BLE001 - no usable index: seek
            return False

    def _seek(self, wanted: int) -> None:
        import av

        try:
            self.container.seek(wanted, stream=self.stream, backward=True, any_frame=False)
        except av.FFmpegError as exc:
            log.debug("cannot seek (%s): reading forward", exc)
            if self._frames is not None:
                return
        self._frames = iter(self.container.decode(self.stream))
        self._last_pts = None

    def _decode_to(self, wanted: int, forward: int) -> tuple[VideoFrame, float] | None:
        import av

        if self._frames is None:
            return None
        last: VideoFrame | None = None
        try:
            for count, frame in enumerate(self._frames, start=1):
                last = frame
                self._last_pts = frame.pts
                if frame.pts is None or frame.pts >= wanted - self.slack or count >= forward:
                    break
        except av.FFmpegError as exc:
            log.debug("decoding stopped: %s", exc)
            self._frames = None
        if last is None:
            return None
        shown = float((last.pts - self.start) * self.time_base) if last.pts is not None else 0.0
        return last, max(shown, 0.0)


def _upright_image(frame: VideoFrame, long_side: int, aspect: Fraction | None = None) -> Image.Image:
    """The frame as an upright RGB image, long side at most ``long_side``, pixels made square."""
    from PIL import Image

    width, height = frame.width, frame.height
    display_w = width * float(aspect) if aspect else float(width)
    scale = min(1.0, long_side / max(display_w, height, 1))
    size = {"width": max(1, round(display_w * scale)), "height": max(1, round(height * scale))}
    image: Image.Image = frame.to_image(**size)  # type: ignore[no-untyped-call]
    turn = {90: Image.Transpose.ROTATE_270, 180: Image.Transpose.ROTATE_180, 270: Image.Transpose.ROTATE_90}
    rotation = frame_rotation(frame)
    return image.transpose(turn[rotation]) if rotation in turn else image


def _brightness(image: Image.Image) -> float:
    from PIL import ImageStat

    return float(ImageStat.Stat(image.convert("L").resize((32, 32))).mean[0])


def _reason(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:300]


__all__ = [
    "contact_sheet",
    "contact_sheet_times",
    "frame_rotation",
    "hms",
    "normalise_rotation",
    "parse_creation_time",
    "parse_iso6709",
    "poster_frame",
    "poster_path",
    "probe",
    "sheet_path",
]
