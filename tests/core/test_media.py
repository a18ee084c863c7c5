"""Recordings and videos: facts, exact AMR length, poster frames, contact sheets, never a crash.

Every file is made here with PyAV (tiny and short), so the tests are real and fast.
"""

from __future__ import annotations

import colorsys
import json
import math
import struct
import time
from pathlib import Path

import av
import pytest
from PIL import Image, ImageDraw

from casefile.core import media
from casefile.core.media import (
    contact_sheet,
    contact_sheet_times,
    hms,
    normalise_rotation,
    parse_creation_time,
    parse_iso6709,
    poster_frame,
    probe,
)
from casefile.core.sniff import mime_from_content
from casefile.core.thumbnails import make_thumbnail

W, H, FPS, SECONDS = 160, 120, 10, 3


def need_encoder(name: str) -> None:
    try:
        av.codec.Codec(name, "w")
    except Exception:
        pytest.skip(f"this PyAV build has no {name} encoder")


def colour(i: int, frames: int) -> tuple[int, int, int]:
    """A bright colour of its own for frame ``i``: every moment of the test video looks different."""
    r, g, b = colorsys.hsv_to_rgb(i / frames, 1.0, 1.0)
    return round(r * 255), round(g * 255), round(b * 255)


def make_video(
    path: Path,
    *,
    seconds: int = SECONDS,
    rotation: float | None = None,
    black_seconds: float = 0,
    tags: dict[str, str] | None = None,
    with_audio: bool = False,
) -> Path:
    """A ``W`` x ``H`` MPEG-4 video at ``FPS``, a keyframe each second, frame i in ``colour(i)``.

    A white square marks the stored picture's top-left corner.
    """
    need_encoder("mpeg4")
    frames = seconds * FPS
    with av.open(str(path), "w", options={"movflags": "use_metadata_tags"}) as out:
        out.metadata.update(tags or {})
        video = out.add_stream("mpeg4", rate=FPS)
        video.width, video.height, video.pix_fmt = W, H, "yuv420p"
        video.gop_size = FPS
        video.bit_rate = 400_000
        if rotation is not None:
            video.set_display_rotation(rotation)
        audio = None
        if with_audio:
            need_encoder("aac")
            audio = out.add_stream("aac", rate=16000)
            audio.layout = "mono"
        for i in range(frames):
            fill = (0, 0, 0) if i < black_seconds * FPS else colour(i, frames)
            image = Image.new("RGB", (W, H), fill)
            ImageDraw.Draw(image).rectangle((0, 0, 29, 29), fill=(255, 255, 255))
            for packet in video.encode(av.VideoFrame.from_image(image)):
                out.mux(packet)
            if audio is not None:
                for packet in audio.encode(pcm_frame(tone(16000 // FPS, 16000), 16000, pts=i * 16000 // FPS)):
                    out.mux(packet)
        for packet in video.encode():
            out.mux(packet)
        if audio is not None:
            for packet in audio.encode():
                out.mux(packet)
    return path


def tone(samples: int, rate: int, amplitude: int = 8000) -> bytes:
    return b"".join(struct.pack("<h", int(amplitude * math.sin(2 * math.pi * 440 * i / rate))) for i in range(samples))


def pcm_frame(pcm: bytes, rate: int, pts: int) -> av.AudioFrame:
    frame = av.AudioFrame(format="s16", layout="mono", samples=len(pcm) // 2)
    frame.planes[0].update(pcm)
    frame.sample_rate = rate
    frame.pts = pts
    return frame


def distance(a: tuple[int, ...], b: tuple[int, ...]) -> int:
    return sum(abs(x - y) for x, y in zip(a, b, strict=False))


# --- probe ---------------------------------------------------------------------------------


def test_probe_reports_the_facts_of_a_video(tmp_path):
    path = make_video(
        tmp_path / "clip.mp4",
        with_audio=True,
        tags={
            "creation_time": "2024-05-10T06:30:12.000000Z",
            "com.apple.quicktime.make": "Apple",
            "com.apple.quicktime.model": "iPhone 12",
            "com.apple.quicktime.location.ISO6709": "+31.2304+121.4737+010.000/",
        },
    )
    facts = probe(path)
    assert "metadata_error" not in facts
    assert facts["duration"] == pytest.approx(SECONDS, abs=0.1)
    assert "mp4" in facts["container"]
    assert (facts["video_codec"], facts["width"], facts["height"]) == ("mpeg4", W, H)
    assert facts["frame_rate"] == FPS
    assert facts["rotation"] == 0
    assert (facts["audio_codec"], facts["sample_rate"], facts["channels"]) == ("aac", 16000, 1)
    assert facts["media_created"] == "2024-05-10T06:30:12+00:00"
    assert facts["device"] == {"make": "Apple", "model": "iPhone 12"}
    assert facts["gps"] == {"lat": 31.2304, "lon": 121.4737}
    assert json.loads(json.dumps(facts)) == facts


def test_a_rotated_video_is_reported_and_drawn_upright(tmp_path):
    # PyAV's angle is counter-clockwise: -90 is a phone held upright (turn 90 degrees clockwise).
    path = make_video(tmp_path / "portrait.mp4", rotation=-90)
    facts = probe(path)
    assert (facts["width"], facts["height"], facts["rotation"]) == (W, H, 90)
    poster = poster_frame(path, "ab" * 32)
    assert poster is not None
    with Image.open(poster) as img:
        assert img.size == (H, W)
        # The stored top-left corner, turned clockwise, is now the top-right corner.
        assert min(img.getpixel((H - 8, 8))) > 220
        assert min(img.getpixel((8, 8))) < 220
    assert probe(make_video(tmp_path / "upside-down.mp4", rotation=180))["rotation"] == 180


def test_rotation_and_tag_parsing():
    assert [normalise_rotation(d) for d in (0, 90, -90, 180, -180, 270, 450, 89.6, float("nan"))] == [
        0,
        90,
        270,
        180,
        180,
        270,
        90,
        90,
        0,
    ]
    assert parse_creation_time("2024-05-10T06:30:12.000000Z") == "2024-05-10T06:30:12+00:00"
    assert parse_creation_time("2024-05-10T14:30:12+0800") == "2024-05-10T14:30:12+08:00"
    assert parse_creation_time("2024-05-10 14:30:12") == "2024-05-10T14:30:12"  # no zone: none invented
    assert parse_creation_time("1904-01-01T00:00:00.000000Z") is None
    assert parse_creation_time("1970-01-01T00:00:00Z") is None
    assert parse_creation_time("0000-00-00") is None
    assert parse_iso6709("+31.2304+121.4737/") == {"lat": 31.2304, "lon": 121.4737}
    assert parse_iso6709("-33.8688+151.2093+012.5CRSWGS_84/") == {"lat": -33.8688, "lon": 151.2093}
    assert parse_iso6709("+3112.00-00030.00/") == {"lat": 31.2, "lon": -0.5}  # degrees and minutes
    assert parse_iso6709("+000.0000+000.0000/") is None
    assert parse_iso6709("somewhere") is None
    assert hms(3725.9) == "01:02:05"


def test_amr_length_is_decoded_not_estimated(tmp_path):
    need_encoder("libopencore_amrnb")
    path = tmp_path / "call.amr"
    # Two seconds of tone, then three of silence: with DTX the silence shrinks to small
    # comfort-noise frames, and a length estimated from the bit rate goes badly wrong.
    pcm = tone(2 * 8000, 8000) + bytes(2 * 3 * 8000)
    with av.open(str(path), "w", format="amr") as out:
        stream = out.add_stream("libopencore_amrnb", rate=8000, options={"dtx": "1"})
        stream.layout = "mono"
        stream.bit_rate = 12200
        for offset in range(0, len(pcm), 320):
            for packet in stream.encode(pcm_frame(pcm[offset : offset + 320], 8000, pts=offset // 2)):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    facts = probe(path)
    assert facts["container"] == "amr"
    assert (facts["audio_codec"], facts["sample_rate"], facts["channels"]) == ("amrnb", 8000, 1)
    assert facts["duration_source"] == "decoded"
    assert facts["duration"] == pytest.approx(len(pcm) / 2 / 8000, abs=0.041)  # within two 20 ms frames
    assert "video_codec" not in facts and "rotation" not in facts
    assert poster_frame(path, "cd" * 32) is None  # a recording has no picture


def test_broken_files_give_an_error_never_an_exception(tmp_path):
    good = make_video(tmp_path / "good.mp4").read_bytes()
    cases = {
        "truncated.mp4": good[: len(good) // 2],
        "garbage.mp4": bytes(range(256)) * 40,
        "empty.mp4": b"",
    }
    for i, (name, data) in enumerate(cases.items()):
        path = tmp_path / name
        path.write_bytes(data)
        facts = probe(path)
        assert facts.get("metadata_error"), name
        sha = f"{i:02d}" * 32
        assert poster_frame(path, sha) is None
        assert contact_sheet(path, sha) is None
        assert make_thumbnail(path, sha, mime="video/mp4") is None
    assert "metadata_error" in probe(tmp_path / "missing.mp4")
    (tmp_path / "header-only.amr").write_bytes(b"#!AMR\n")  # valid, and silent for no time at all
    assert probe(tmp_path / "header-only.amr")["duration"] == 0


# --- pictures ------------------------------------------------------------------------------


def test_poster_frame_is_cached_small_and_not_black(tmp_path):
    path = make_video(tmp_path / "fade-in.mp4", black_seconds=1.5)
    sha = "ef" * 32
    poster = poster_frame(path, sha)
    assert poster is not None and poster.name == f"{sha}-poster.jpg"
    with Image.open(poster) as img:
        assert img.format == "JPEG" and img.size == (W, H)
        assert max(img.getpixel((W // 2, H // 2))) > 200  # a coloured frame, not the black opening
    stamp = poster.stat().st_mtime_ns
    assert poster_frame(path, sha) == poster and poster.stat().st_mtime_ns == stamp  # cached
    assert not list(poster.parent.glob(".*"))  # no temporary file left behind


def test_contact_sheet_shows_frames_from_different_times(tmp_path):
    path = make_video(tmp_path / "clip.mp4")
    sha = "12" * 32
    times = contact_sheet_times(SECONDS, 4, 3)
    assert times[0] == pytest.approx(SECONDS / 24) and times == sorted(times) and len(times) == 12
    sheet = contact_sheet(path, sha)
    assert sheet is not None and sheet.name == f"{sha}-sheet-4x3.jpg"
    gap = media.SHEET_GAP
    with Image.open(sheet) as img:
        img = img.convert("RGB")
        assert img.size == (4 * W + 5 * gap, 3 * H + 4 * gap)
        centres = [
            img.getpixel((gap + c * (W + gap) + W // 2, gap + r * (H + gap) + H // 2))
            for r in range(3)
            for c in range(4)
        ]
    frames = SECONDS * FPS
    for when, seen in zip(times, centres, strict=True):
        expected = colour(min(round(when * FPS), frames - 1), frames)
        assert distance(seen, expected) < 90, (when, seen, expected)
    assert all(distance(a, b) > 40 for i, a in enumerate(centres) for b in centres[i + 1 :])
    assert contact_sheet(path, sha, columns=2, rows=2) is not None  # another layout, another file
    assert contact_sheet(path, sha, columns=0, rows=3) is None


def test_contact_sheet_of_a_long_video_seeks_instead_of_decoding_everything(tmp_path):
    path = make_video(tmp_path / "long.mp4", seconds=60)
    started = time.monotonic()
    sheet = contact_sheet(path, "34" * 32, columns=3, rows=2)
    assert sheet is not None
    assert time.monotonic() - started < 5
    gap = media.SHEET_GAP
    with Image.open(sheet) as img:
        assert img.size == (3 * W + 4 * gap, 2 * H + 3 * gap)
        for i, when in enumerate(contact_sheet_times(60, 3, 2)):
            seen = img.getpixel((gap + i % 3 * (W + gap) + W // 2, gap + i // 3 * (H + gap) + H // 2))
            assert distance(seen, colour(round(when * FPS), 60 * FPS)) < 90, when


def test_video_thumbnail_comes_from_the_poster_frame(tmp_path):
    path = make_video(tmp_path / "clip.mp4", rotation=-90)
    sha = "56" * 32
    head = path.read_bytes()[:64]
    assert mime_from_content(head) == "video/mp4"
    thumb = make_thumbnail(path, sha)  # no mime given: judged from the bytes
    assert thumb is not None
    with Image.open(thumb) as img:
        assert img.size == (H, W)  # upright, already under 256 px
    assert (thumb.parent / f"{sha}-poster.jpg").exists()


def silk_note(path: Path, frames: int, *, wechat: bool = True, cut: bool = False) -> Path:
    """A SILK v3 voice note as WeChat stores it: 0x02, the magic, then size-prefixed 20 ms frames."""
    body = b"".join(struct.pack("<H", 20 + i % 30) + bytes(20 + i % 30) for i in range(frames))
    data = (b"\x02" if wechat else b"") + b"#!SILK_V3" + body
    path.write_bytes(data[:-5] if cut else data)
    return path


def test_wechat_silk_voice_notes_get_their_length_from_the_frames(tmp_path):
    from casefile.core.media import probe_silk

    facts = probe_silk(silk_note(tmp_path / "msg_1.amr", 1500))
    assert (facts["audio_codec"], facts["duration"]) == ("silk", 30.0)
    assert probe_silk(silk_note(tmp_path / "qq.silk", 50, wechat=False))["duration"] == 1.0
    cut = probe_silk(silk_note(tmp_path / "cut.silk", 50, cut=True))
    assert cut["truncated"] is True and cut["duration"] == 0.98
    (tmp_path / "fake.silk").write_bytes(b"#!AMR\n" + bytes(100))
    assert probe_silk(tmp_path / "fake.silk")["metadata_error"] == "not a SILK voice note"


def test_a_silk_note_is_ingested_with_its_length(library, case, tmp_path):
    from casefile.core.evidence import AddResult, add_files

    note = silk_note(tmp_path / "语音_20261118201500.amr", 250)  # WeChat names them .amr; the bytes say SILK
    (result,) = [r for r in add_files(library, case.number, [note]) if isinstance(r, AddResult)]
    exhibit = result.exhibit
    assert exhibit.mime == "audio/silk"
    assert exhibit.metadata.duration == 5.0
    assert exhibit.captured_at_source == "file-name"
