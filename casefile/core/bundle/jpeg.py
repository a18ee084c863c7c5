"""Is a JPEG complete and clean enough to go into a PDF byte for byte?

A photo's bytes go into a bundle unchanged (``/DCTDecode``), so a damaged one would make
the whole packet invalid (``qpdf --check`` fails on a JPEG stream that ends before its
image does). :func:`inspect_jpeg` decides, cheaply enough for a bundle of hundreds of
photos:

1. a walk over the markers: the header segments with sane lengths, one frame of a kind
   every PDF reader decodes (Huffman-coded, 8-bit: SOF0, SOF1, SOF2), scan data that runs
   to a marker, restart markers in sequence and, for a single sequential scan, as many as
   the frame needs, and the end-of-image marker before the file ends;
2. a strict decode of the file's skeleton: every segment as it is, each scan's entropy-coded
   data left out, and the frame header saying the image is one block wide and high. libjpeg
   then checks every table, frame and scan header it would use (what it refuses there, a
   PDF reader refuses too), none of which depends on the image's size, in some 0.1 ms for a
   12-megapixel photo; decoding the skeleton at its own size (even at one eighth of it)
   only fills pixels with nothing (2.4 ms), and decoding the scan data as well takes 35 ms
   and adds nothing: libjpeg only warns about bad entropy-coded data, and repairs it. The
   size itself is checked as the full-size decode would check it (Pillow's limits, when the
   skeleton is opened; libjpeg's largest dimension, by decoding such a file at its size).

So damage that libjpeg only warns about and repairs as it decodes (a few flipped bits in
the middle of a scan without restart markers) passes; such a file still makes a valid PDF
and is shown as any viewer shows it.
"""

from __future__ import annotations

import enum
import io
import math
import re
import struct
from dataclasses import dataclass, field
from typing import BinaryIO

from PIL import Image

CHUNK = 1 << 20
MAX_SKELETON = 16 << 20  # more header than this is not a photo
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
_EMBEDDABLE_SOF = {0xC0, 0xC1, 0xC2}  # Huffman baseline, extended and progressive
_SOS, _EOI, _SOI, _DRI = 0xDA, 0xD9, 0xD8, 0xDD
_MARKER = re.compile(rb"\xff\xff*([^\x00\xff])")  # a literal first byte: a fast search


class Verdict(enum.Enum):
    CLEAN = "clean"  # embed the bytes as they are
    DAMAGED = "damaged"  # print what decodes, re-encoded, and say so
    UNSUPPORTED = "unsupported"  # a valid JPEG a PDF cannot carry as it is: print it re-encoded


@dataclass(frozen=True)
class Inspection:
    verdict: Verdict
    reason: str = ""  # for the page and the log (Chinese: it is printed)
    # A clean JPEG's skeleton (every segment, the scans' entropy-coded data left out): its
    # header can be read from it without reading the file again.
    skeleton: bytes = field(default=b"", repr=False, compare=False)


@dataclass
class _Frame:
    marker: int
    precision: int
    height: int
    width: int
    components: list[tuple[int, int, int]]  # (id, horizontal, vertical sampling)
    at: int = 0  # where its payload starts in the skeleton (0: not kept there)


class _Truncated(Exception):
    pass


class _Damaged(Exception):
    pass


def inspect_jpeg(fh: BinaryIO, *, decode: bool = True) -> Inspection:
    """Walk the markers of the JPEG in ``fh`` (from its start), then decode it small and strictly."""
    fh.seek(0)
    skeleton = bytearray()
    try:
        frame = _walk(fh, skeleton)
    except _Truncated as exc:
        return Inspection(Verdict.DAMAGED, str(exc) or "文件不完整（图像数据被截断，缺少结束标记）")
    except _Damaged as exc:
        return Inspection(Verdict.DAMAGED, str(exc))
    except struct.error:
        return Inspection(Verdict.DAMAGED, "文件结构错误")
    if frame.marker not in _EMBEDDABLE_SOF or frame.precision != 8:
        return Inspection(Verdict.UNSUPPORTED, "此JPEG编码方式无法原样嵌入PDF")
    if len(skeleton) > MAX_SKELETON:
        return Inspection(Verdict.UNSUPPORTED, "文件头部数据异常庞大")
    if decode:
        try:
            with Image.open(io.BytesIO(skeleton)) as img:  # the header and its size, as Pillow checks them
                if not _small_probe(frame):
                    img.draft(img.mode, (max(1, img.width // 8), max(1, img.height // 8)))
                    img.load()
            if _small_probe(frame):
                with Image.open(io.BytesIO(_one_block(skeleton, frame))) as probe:
                    probe.load()
        except Exception:  # noqa: BLE001 - whatever the decoder refuses is damage (a packet words it in Chinese)
            return Inspection(Verdict.DAMAGED, "图像数据无法完整解码")
    return Inspection(Verdict.CLEAN, skeleton=bytes(skeleton))


MAX_DIMENSION = 65500  # libjpeg's JPEG_MAX_DIMENSION: a larger frame is refused when decoded


def _small_probe(frame: _Frame) -> bool:
    """Whether the frame's tables can be checked on an image of one block (its size is checked apart).

    Not for a frame whose height comes later (a DNL marker: libjpeg refuses it whatever the
    size) or that is larger than libjpeg decodes: those are decoded as they are.
    """
    return frame.at > 0 and 0 < frame.height <= MAX_DIMENSION and frame.width <= MAX_DIMENSION


def _one_block(skeleton: bytes | bytearray, frame: _Frame) -> bytes:
    """``skeleton`` with its frame header saying the image is one block (MCU) wide and high."""
    hmax = max(h for _, h, _ in frame.components)
    vmax = max(v for _, _, v in frame.components)
    probe = bytearray(skeleton)
    probe[frame.at + 1 : frame.at + 5] = struct.pack(">HH", 8 * vmax, 8 * hmax)
    return bytes(probe)


def inspect_header(fh: BinaryIO) -> tuple[Inspection | None, bytes]:
    """Walk the segments of the JPEG in ``fh`` up to its first scan's header only.

    (None, the skeleton so far) when nothing there stops the photo from going in byte for
    byte; the rest (its scans, the end marker, the decode of the tables) is for
    :func:`inspect_jpeg`, whose skeleton then starts with the same bytes if the file is the
    same. (An inspection, b"") when the header already says the photo is damaged or cannot
    go in as it is.
    """
    fh.seek(0)
    skeleton = bytearray()
    try:
        frame = _walk(fh, skeleton, until_scan=True)
    except _Truncated as exc:
        return Inspection(Verdict.DAMAGED, str(exc) or "文件不完整（图像数据被截断，缺少结束标记）"), b""
    except _Damaged as exc:
        return Inspection(Verdict.DAMAGED, str(exc)), b""
    except struct.error:
        return Inspection(Verdict.DAMAGED, "文件结构错误"), b""
    if frame.marker not in _EMBEDDABLE_SOF or frame.precision != 8:
        return Inspection(Verdict.UNSUPPORTED, "此JPEG编码方式无法原样嵌入PDF"), b""
    if len(skeleton) > MAX_SKELETON:
        return Inspection(Verdict.UNSUPPORTED, "文件头部数据异常庞大"), b""
    return None, bytes(skeleton)


def _read(fh: BinaryIO, n: int) -> bytes:
    """``n`` bytes (a raw file, or one read once as it is streamed, may give fewer at a time)."""
    data = fh.read(n)
    while len(data) < n:
        more = fh.read(n - len(data))
        if not more:
            raise _Truncated()
        data += more
    return data


def _walk(fh: BinaryIO, skeleton: bytearray, *, until_scan: bool = False) -> _Frame:
    """Check the file's structure; ``skeleton`` receives every byte but the scans' entropy-coded data.

    ``until_scan``: stop after the first scan's header (the frame, the tables and the metadata are read).
    """
    if fh.read(2) != b"\xff\xd8":
        raise _Damaged("不是完整的JPEG文件（缺少文件头）")
    skeleton += b"\xff\xd8"
    frame: _Frame | None = None
    restart = 0
    scans = 0
    while True:
        byte = fh.read(1)
        if not byte:
            raise _Truncated()
        if byte != b"\xff":
            raise _Damaged("文件结构错误（标记之间有多余数据）")
        code = 0xFF
        while code == 0xFF:  # fill bytes before a marker
            code = _read(fh, 1)[0]
        if code == _EOI:
            if frame is None or not scans:
                raise _Damaged("文件中没有图像数据")
            skeleton += b"\xff\xd9"
            return frame
        if code == _SOI or 0xD0 <= code <= 0xD7 or code == 0x00:
            raise _Damaged(f"文件结构错误（意外的标记 FF{code:02X}）")
        if code == 0x01:  # TEM: no length
            continue
        (length,) = struct.unpack(">H", _read(fh, 2))
        if length < 2:
            raise _Damaged("文件结构错误（段长度无效）")
        payload = _read(fh, length - 2)
        kept = len(skeleton) <= MAX_SKELETON
        if kept:
            skeleton += bytes((0xFF, code)) + struct.pack(">H", length) + payload
        if code in _SOF:
            if frame is not None:
                raise _Damaged("文件结构错误（含有多个图像帧）")
            frame = _parse_frame(code, payload)
            frame.at = len(skeleton) - len(payload) if kept else 0
        elif code == _DRI:
            if len(payload) < 2:
                raise _Damaged("文件结构错误（重启间隔段无效）")
            (restart,) = struct.unpack(">H", payload[:2])
        elif code == _SOS:
            if frame is None:
                raise _Damaged("文件结构错误（图像数据前缺少帧头）")
            scans += 1
            count = payload[0] if payload else 0
            ids = [payload[1 + 2 * i] for i in range(count)] if len(payload) >= 1 + 2 * count else []
            if not ids:
                raise _Damaged("文件结构错误（扫描段无效）")
            if until_scan:
                return frame
            restarts = _scan(fh)
            sequential = frame.marker != 0xC2
            if restart and sequential and frame.height:
                expected = math.ceil(_mcus(frame, ids) / restart) - 1
                if restarts != expected:
                    raise _Damaged(f"图像数据不完整或有多余数据（重启标记 {restarts} 个，应为 {expected} 个）")


def _parse_frame(code: int, payload: bytes) -> _Frame:
    if len(payload) < 6:
        raise _Damaged("文件结构错误（帧头无效）")
    precision, height, width, count = struct.unpack(">BHHB", payload[:6])
    if width == 0 or count == 0 or len(payload) < 6 + 3 * count:
        raise _Damaged("文件结构错误（帧头无效）")
    components = []
    for i in range(count):
        cid, sampling = payload[6 + 3 * i], payload[7 + 3 * i]
        h, v = sampling >> 4, sampling & 0x0F
        if not (1 <= h <= 4 and 1 <= v <= 4):
            raise _Damaged("文件结构错误（采样因子无效）")
        components.append((cid, h, v))
    return _Frame(code, precision, height, width, components)


def _mcus(frame: _Frame, ids: list[int]) -> int:
    hmax = max(h for _, h, _ in frame.components)
    vmax = max(v for _, _, v in frame.components)
    if len(ids) == 1:  # a non-interleaved scan: one block per MCU
        _, h, v = next((c for c in frame.components if c[0] == ids[0]), (0, hmax, vmax))
        width = math.ceil(frame.width * h / hmax)
        height = math.ceil(frame.height * v / vmax)
        return math.ceil(width / 8) * math.ceil(height / 8)
    return math.ceil(frame.width / (8 * hmax)) * math.ceil(frame.height / (8 * vmax))


def _scan(fh: BinaryIO) -> int:
    """Skip one scan's entropy-coded data, checking restart markers; leave ``fh`` at the next marker."""
    restarts = 0
    carry = b""
    position = fh.tell()
    while True:
        chunk = fh.read(CHUNK)
        if not chunk:
            raise _Truncated()
        data = carry + chunk
        base = position - len(carry)
        position += len(chunk)
        keep = len(data) - len(data.rstrip(b"\xff"))  # a marker may straddle the chunks
        for match in _MARKER.finditer(data, 0, len(data) - keep):
            code = match.group(1)[0]
            if 0xD0 <= code <= 0xD7:
                if code != 0xD0 + restarts % 8:
                    raise _Damaged("图像数据有损坏（重启标记顺序错乱）")
                restarts += 1
                continue
            fh.seek(base + match.end() - 2)
            return restarts
        carry = data[len(data) - keep :] if keep else b""
