"""QR codes for separator pages, encoded in a fraction of a millisecond each.

A bundle prints one QR code per exhibit: thousands for a large case. Their text is upper-case
ASCII (:func:`casefile.core.bundle.parts.qr_payload`), which QR's alphanumeric mode carries in
a code of version 9 or less; for that case this module builds the same modules segno builds
for ``segno.make_qr(data, error="m", boost_error=False, mask=0)`` — the same version, bits,
error correction and mask — from a layout worked out once per version. Anything else (other
characters, longer text) is left to segno. Layout as in ISO/IEC 18004 (and Project Nayuki's
reference encoder, whose structure this follows).
"""

from __future__ import annotations

import functools

ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
_VALUE = {ch: i for i, ch in enumerate(ALPHANUMERIC)}

# Error correction level M, versions 1-9: (EC codewords per block, blocks, data codewords in all).
_BLOCKS_M = {
    1: (10, 1, 16),
    2: (16, 1, 28),
    3: (26, 1, 44),
    4: (18, 2, 64),
    5: (24, 2, 86),
    6: (16, 4, 108),
    7: (18, 4, 124),
    8: (22, 4, 154),
    9: (22, 5, 182),
}
_ALIGNMENT = {1: (), 2: (6, 18), 3: (6, 22), 4: (6, 26), 5: (6, 30), 6: (6, 34), 7: (6, 22, 38), 8: (6, 24, 42)}
_ALIGNMENT[9] = (6, 26, 46)
_FORMAT_M_MASK0 = 0x5412  # level M (bits 00), mask 0, with its BCH bits and the format mask

# GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1.
_EXP = [0] * 512
_LOG = [0] * 256
_x = 1
for _i in range(255):
    _EXP[_i] = _x
    _LOG[_x] = _i
    _x <<= 1
    if _x & 0x100:
        _x ^= 0x11D
for _i in range(255, 512):
    _EXP[_i] = _EXP[_i - 255]

Modules = list[list[bool]]


def qr_modules(data: str) -> Modules:
    """The dark (True) and light modules of ``data``'s QR code, row by row, without the quiet zone."""
    fast = _alphanumeric_modules(data)
    if fast is not None:
        return fast
    import segno  # only for what the fast path does not encode: a bundle's own codes never need it

    code = segno.make_qr(data, error="m", boost_error=False, mask=0)
    return [[bool(v) for v in row] for row in code.matrix]


def _alphanumeric_modules(data: str) -> Modules | None:
    if not data or data.isdigit() or any(ch not in _VALUE for ch in data):
        return None  # digits alone are numeric mode, other characters byte mode: segno's
    bits = 4 + 9 + 11 * (len(data) // 2) + 6 * (len(data) % 2)
    version = next((v for v, (_ec, _n, total) in _BLOCKS_M.items() if bits <= total * 8), 0)
    if not version:
        return None
    return _place(version, _codewords(data, version))


def _codewords(data: str, version: int) -> list[int]:
    """The data and error correction codewords of ``data``, interleaved as they are placed."""
    ec_len, blocks, total = _BLOCKS_M[version]
    acc, n = 0b0010, 4  # alphanumeric mode
    acc, n = (acc << 9) | len(data), n + 9
    for i in range(0, len(data) - 1, 2):
        acc, n = (acc << 11) | (_VALUE[data[i]] * 45 + _VALUE[data[i + 1]]), n + 11
    if len(data) % 2:
        acc, n = (acc << 6) | _VALUE[data[-1]], n + 6
    capacity = total * 8
    pad = min(4, capacity - n)  # the terminator
    acc, n = acc << pad, n + pad
    # To a whole byte; a stream ending on a byte boundary gets a zero byte, as segno writes it
    # (a valid code: readers stop at the terminator).
    pad = 8 - n % 8 if n < capacity else 0
    acc, n = acc << pad, n + pad
    words = list(acc.to_bytes(n // 8, "big"))
    words += [0xEC, 0x11] * ((total - len(words)) // 2 + 1)
    del words[total:]
    short = total // blocks  # the first blocks have this many data codewords, the others one more
    longer = total % blocks
    generator = _generator(ec_len)
    data_blocks, ec_blocks = [], []
    start = 0
    for b in range(blocks):
        size = short + (b >= blocks - longer)
        block = words[start : start + size]
        start += size
        data_blocks.append(block)
        ec_blocks.append(_remainder(block, generator))
    out = [block[i] for i in range(short + 1) for block in data_blocks if i < len(block)]
    out += [block[i] for i in range(ec_len) for block in ec_blocks]
    return out


@functools.cache
def _generator(degree: int) -> tuple[int, ...]:
    """The generator polynomial's coefficients (as logs), highest degree first, leading 1 left out."""
    poly = [1]  # (x - a^0)(x - a^1)...(x - a^(degree-1)), highest degree first
    for i in range(degree):
        times = [_EXP[_LOG[c] + i] if c else 0 for c in poly]  # poly * a^i
        poly = [a ^ b for a, b in zip([*poly, 0], [0, *times], strict=True)]
    if 0 in poly:  # never for QR's generators; a zero has no log
        raise ValueError(f"generator of degree {degree} has a zero coefficient")
    return tuple(_LOG[c] for c in poly[1:])


def _remainder(block: list[int], generator: tuple[int, ...]) -> list[int]:
    """The Reed-Solomon remainder of ``block``: its error correction codewords."""
    products = _products(generator)
    result = [0] * len(generator)
    for word in block:
        row = products[word ^ result[0]]
        result = [a ^ b for a, b in zip(result[1:], row, strict=False)]
        result.append(row[-1])
    return result


@functools.cache
def _products(generator: tuple[int, ...]) -> list[tuple[int, ...]]:
    """The generator's coefficients times each value of GF(256)."""
    return [tuple(0 for _ in generator)] + [tuple(_EXP[g + _LOG[f]] for g in generator) for f in range(1, 256)]


def _place(version: int, codewords: list[int]) -> Modules:
    template, positions = _layout(version)
    flat = list(template)
    bits = [bit for word in codewords for bit in _BITS[word]]
    bits += [False] * (len(positions) - len(bits))  # the remainder bits
    for (index, flip), bit in zip(positions, bits, strict=True):
        flat[index] = bit is not flip
    size = 17 + 4 * version
    return [flat[r * size : (r + 1) * size] for r in range(size)]


_BITS = [tuple(bool(word >> (7 - i) & 1) for i in range(8)) for word in range(256)]


@functools.cache
def _layout(version: int) -> tuple[tuple[bool, ...], tuple[tuple[int, bool], ...]]:
    """The function patterns of a version (finders, timing, alignment, format and version
    information), and each data module in placement order with whether mask 0 flips it."""
    size = 17 + 4 * version
    dark = [[False] * size for _ in range(size)]
    function = [[False] * size for _ in range(size)]

    def put(x: int, y: int, value: bool) -> None:
        dark[y][x] = value
        function[y][x] = True

    for i in range(size):  # timing patterns
        put(6, i, i % 2 == 0)
        put(i, 6, i % 2 == 0)
    for cx, cy in ((3, 3), (size - 4, 3), (3, size - 4)):  # finder patterns with their separators
        for dy in range(-4, 5):
            for dx in range(-4, 5):
                x, y = cx + dx, cy + dy
                if 0 <= x < size and 0 <= y < size:
                    distance = max(abs(dx), abs(dy))
                    put(x, y, distance not in (2, 4))
    centres = _ALIGNMENT[version]
    last = len(centres) - 1
    for i, cx in enumerate(centres):
        for j, cy in enumerate(centres):
            if (i, j) in ((0, 0), (0, last), (last, 0)):
                continue  # under a finder pattern
            for dy in range(-2, 3):
                for dx in range(-2, 3):
                    put(cx + dx, cy + dy, max(abs(dx), abs(dy)) != 1)
    bits = _FORMAT_M_MASK0
    for i in range(6):
        put(8, i, bool(bits >> i & 1))
    put(8, 7, bool(bits >> 6 & 1))
    put(8, 8, bool(bits >> 7 & 1))
    put(7, 8, bool(bits >> 8 & 1))
    for i in range(9, 15):
        put(14 - i, 8, bool(bits >> i & 1))
    for i in range(8):
        put(size - 1 - i, 8, bool(bits >> i & 1))
    for i in range(8, 15):
        put(8, size - 15 + i, bool(bits >> i & 1))
    put(8, size - 8, True)  # the dark module
    if version >= 7:
        rem = version
        for _ in range(12):
            rem = (rem << 1) ^ ((rem >> 11) * 0x1F25)
        info = version << 12 | rem
        for i in range(18):
            a, b = size - 11 + i % 3, i // 3
            put(a, b, bool(info >> i & 1))
            put(b, a, bool(info >> i & 1))
    positions: list[tuple[int, bool]] = []
    right = size - 1
    while right >= 1:
        if right == 6:
            right = 5
        for vert in range(size):
            for j in range(2):
                x = right - j
                upward = (right + 1) & 2 == 0
                y = size - 1 - vert if upward else vert
                if not function[y][x]:
                    positions.append((y * size + x, (x + y) % 2 == 0))
        right -= 2
    return tuple(v for row in dark for v in row), tuple(positions)
