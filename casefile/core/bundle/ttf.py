"""TrueType fonts read the way ReportLab reads them, at the speed of the bytes.

ReportLab reads a font's character map, metrics and glyph locations two bytes at a time
through Python calls: for the two CJK fonts every bundle embeds (some 72,000 glyphs and
58,000 characters between them) that was most of the time a bundle spent before its first
page. :class:`QuickTTFont` reads the same tables with ``struct`` over whole arrays and sets
the very attributes ReportLab's :meth:`~reportlab.pdfbase.ttfonts.TTFontFile.extractInfo`
sets, to the same values (tests/core/test_bundle_fonts.py compares them on the fonts
shipped); everything after that (widths, subsetting, embedding) is ReportLab's own. A
character map in a format other than 4 or 12 is left to ReportLab.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import struct
from collections.abc import Iterator, Sequence
from fnmatch import fnmatch
from typing import Any, overload
from weakref import WeakKeyDictionary

from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFError, TTFont, TTFontFace

_QUICK_FORMATS = (4, 12)


class QuickTTFontFace(TTFontFace):
    """A :class:`TTFontFace` whose character information is read in bulk."""

    parsed = 0  # fonts parsed in this process (a bundle parses each font once per process)
    _mapped: tuple[list[int], list[int]]

    @functools.cached_property
    def glyphToChar(self) -> dict[int, list[int]]:  # noqa: N802 - ReportLab's name
        """Each glyph's characters, in the order of the character map, as ReportLab sets it: only
        text shaped with HarfBuzz looks it up, so it is made then, not with every font read."""
        glyph_to_char: dict[int, list[int]] = {}
        for code, glyph in zip(*self._mapped, strict=True):
            chars = glyph_to_char.get(glyph)
            if chars is None:
                glyph_to_char[glyph] = [code]
            else:
                chars.append(code)
        return glyph_to_char

    def extractInfo(self, charInfo: int = 1) -> None:  # noqa: N802, N803 - ReportLab's names
        QuickTTFontFace.parsed += 1
        super().extractInfo(0)  # names, header, OS/2, post, hhea, maxp: a few dozen reads
        if not charInfo:
            return
        found = _cmap_table(self._ttf_data, self.get_table_pos("cmap")[0])
        # Some 200,000 small objects, none in a cycle: the garbage collector, run again and
        # again as they are made, would take as long as making them.
        with _no_collection():
            if found[0] in _QUICK_FORMATS:
                _char_info(self, *found)
            else:
                super().extractInfo(charInfo)  # a rare format: ReportLab reads it


@contextlib.contextmanager
def _no_collection() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class QuickTTFont(TTFont):
    """ReportLab's :class:`TTFont` (as its ``__init__`` sets it up), the face read by :class:`QuickTTFontFace`."""

    def __init__(self, name: str, filename: str, subfontIndex: int = 0) -> None:  # noqa: N803 - ReportLab's name
        self.fontName = name
        self.face = QuickTTFontFace(filename, validate=0, subfontIndex=subfontIndex)
        self.encoding = TTEncoding()
        self.state: WeakKeyDictionary[Any, Any] = WeakKeyDictionary()
        self._asciiReadable = rl_config.ttfAsciiReadable
        self.shapable = not any(fnmatch(name, pattern) for pattern in rl_config.unShapedFontGlob)


def _cmap_table(data: bytes, cmap: int) -> tuple[int, int]:
    """(format, offset) of the character map subtable ReportLab picks (the last Unicode one listed)."""
    version, count = struct.unpack_from(">HH", data, cmap)
    if count == 0 and version != 0:
        count = version
    enc, offset = 0, None
    for n in range(count):
        platform, encoding, at = struct.unpack_from(">HHL", data, cmap + 4 + 8 * n)
        if platform == 3:
            enc, offset = 1, at
        elif platform == 1 and encoding == 0 and enc != 1:
            enc, offset = 2, at
        elif platform == 1 and encoding == 1 or platform == 0 and encoding != 5:
            enc, offset = 1, at
    if offset is None:
        raise TTFError("could not find a suitable cmap encoding")
    (fmt,) = struct.unpack_from(">H", data, cmap + offset)
    return fmt, cmap + offset


def _mappings(data: bytes, fmt: int, at: int) -> tuple[list[int], list[int]]:
    """The character map as (characters, their glyphs), in the order ReportLab reads them."""
    codes: list[int] = []
    glyphs: list[int] = []
    if fmt == 4:
        length, _language, seg_x2 = struct.unpack_from(">HHH", data, at + 2)
        segs = seg_x2 // 2
        ends = struct.unpack_from(f">{segs}H", data, at + 14)
        starts = struct.unpack_from(f">{segs}H", data, at + 16 + 2 * segs)
        deltas = struct.unpack_from(f">{segs}h", data, at + 16 + 4 * segs)
        range_at = at + 16 + 6 * segs
        offsets = struct.unpack_from(f">{segs}H", data, range_at)
        limit = at + length
        for n in range(segs):
            start, end, delta, offset = starts[n], ends[n] + 1, deltas[n], offsets[n]
            codes += range(start, end)
            if offset == 0:
                glyphs += [(c + delta) & 0xFFFF for c in range(start, end)]
                continue
            first = range_at + 2 * n + offset  # the glyph of ``start`` is read here, the next ones after it
            inside = max(0, min(end - start, (limit - first + 1) // 2))  # ReportLab reads none at or past the end
            found = struct.unpack_from(f">{inside}H", data, first)
            glyphs += [(g + delta) & 0xFFFF if g else 0 for g in found]
            glyphs += [0] * (end - start - inside)
    else:  # 12
        (groups,) = struct.unpack_from(">L", data, at + 12)
        for n in range(groups):
            start, end, first = struct.unpack_from(">LLL", data, at + 16 + 12 * n)
            codes += range(start, end + 1)
            glyphs += range(first, first + end + 1 - start)
    return codes, glyphs


def _char_info(face: Any, fmt: int, at: int) -> None:
    """charToGlyph, glyphToChar, defaultWidth, charWidths, hmetrics and glyphPos, as ReportLab sets them."""
    data = face._ttf_data
    index_to_loc_format, glyph_data_format = struct.unpack_from(">hh", data, face.get_table_pos("head")[0] + 50)
    if glyph_data_format != 0:
        raise TTFError(f"Unknown glyph data format ({glyph_data_format})")
    (metrics_count,) = struct.unpack_from(">H", data, face.get_table_pos("hhea")[0] + 34)
    glyphs = face.numGlyphs
    scale = face._pdfScale

    codes, glyph_list = _mappings(data, fmt, at)
    char_to_glyph = dict(zip(codes, glyph_list, strict=True))  # the last mapping of a character wins
    face.charToGlyph = char_to_glyph
    face._mapped = codes, glyph_list  # glyphToChar, made from them when it is first used

    at = face.get_table_pos("hmtx")[0]
    pairs = struct.unpack_from(f">{2 * metrics_count}H", data, at)
    rest = struct.unpack_from(f">{max(glyphs - metrics_count, 0)}H", data, at + 4 * metrics_count)
    advances = pairs[0::2]
    last = scale(advances[-1])  # ReportLab gives the glyphs past the full metrics the scaled advance
    face.hmetrics = _Metrics(advances, pairs[1::2], last, rest)
    face.defaultWidth = scale(advances[0])
    widths = [*map(scale, advances), *([last] * len(rest))]
    # ReportLab sets each character's width glyph by glyph, and a glyph's characters in the
    # order of the map: the characters sorted by their glyph (a stable sort) are that order.
    in_glyph_order = sorted(range(len(codes)), key=glyph_list.__getitem__)
    count = len(widths)
    face.charWidths = {codes[k]: widths[glyph_list[k]] for k in in_glyph_order if glyph_list[k] < count}

    at = face.get_table_pos("loca")[0]
    if index_to_loc_format == 0:
        face.glyphPos = _Doubled(struct.unpack_from(f">{glyphs + 1}H", data, at))
    elif index_to_loc_format == 1:
        face.glyphPos = struct.unpack_from(f">{glyphs + 1}L", data, at)
    else:
        raise TTFError(f"Unknown location table format ({index_to_loc_format})")
    if 0x20 in char_to_glyph:
        char_to_glyph[0xA0] = char_to_glyph[0x20]
        face.charWidths[0xA0] = face.charWidths[0x20]
    elif 0xA0 in char_to_glyph:
        char_to_glyph[0x20] = char_to_glyph[0xA0]
        face.charWidths[0x20] = face.charWidths[0xA0]


class _Metrics(Sequence[tuple[float, int]]):
    """ReportLab's ``hmetrics`` (advance, left side bearing) of each glyph, made when a glyph is
    looked up (subsetting looks up the few it embeds) instead of some 50,000 pairs a font."""

    def __init__(
        self, advances: tuple[int, ...], bearings: tuple[int, ...], last: float, rest: tuple[int, ...]
    ) -> None:
        self._advances, self._bearings, self._last, self._rest = advances, bearings, last, rest

    def __len__(self) -> int:
        return len(self._advances) + len(self._rest)

    @overload
    def __getitem__(self, glyph: int) -> tuple[float, int]: ...
    @overload
    def __getitem__(self, glyph: slice) -> list[tuple[float, int]]: ...
    def __getitem__(self, glyph: int | slice) -> tuple[float, int] | list[tuple[float, int]]:
        if isinstance(glyph, slice):
            return [self[g] for g in range(*glyph.indices(len(self)))]
        if glyph < 0:
            glyph += len(self)
        full = len(self._advances)
        if 0 <= glyph < full:
            return self._advances[glyph], self._bearings[glyph]
        return self._last, self._rest[glyph - full]  # IndexError past the end, as a list's


class _Doubled(Sequence[int]):
    """A short ``loca`` table's glyph offsets as ReportLab keeps them (each stored value times two)."""

    def __init__(self, halves: tuple[int, ...]) -> None:
        self._halves = halves

    def __len__(self) -> int:
        return len(self._halves)

    @overload
    def __getitem__(self, n: int) -> int: ...
    @overload
    def __getitem__(self, n: slice) -> list[int]: ...
    def __getitem__(self, n: int | slice) -> int | list[int]:
        if isinstance(n, slice):
            return [h << 1 for h in self._halves[n]]
        return self._halves[n] << 1
