"""Make resources/fonts/noto-serif-sc.ttf, the 宋体-style serif of the bundles' body text.

    python tools/make_serif_font.py [NotoSerifCJK-Regular.ttc] [-o resources/fonts/noto-serif-sc.ttf]

Noto Serif CJK SC (SIL Open Font License 1.1) ships with CFF outlines, which ReportLab cannot
embed; this converts its Simplified Chinese face to TrueType outlines (quadratic curves within
one font unit of the originals) and keeps the characters documents use: ASCII and Latin-1,
general punctuation, symbols used in forms (①, □, ℃, →), CJK punctuation, kana, every
ideograph of the Unified block (U+4E00–U+9FFF, a superset of GB2312, GBK and Big5's), the
compatibility ideographs and the full-width forms. Layout tables and hinting are dropped:
ReportLab uses neither. The output is the same bytes for the same input (no timestamps).

Needs fontTools (``pip install fonttools``); the app itself does not: it ships the result.
The input is Debian's ``fonts-noto-cjk`` (/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc,
version 2.001) or Google's NotoSerifCJK-Regular.ttc release.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
DEFAULT_TARGET = REPO / "resources" / "fonts" / "noto-serif-sc.ttf"
FACE = "NotoSerifCJKsc-Regular"

RANGES = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1
    (0x2000, 0x206F),  # general punctuation: — … ‘ ’ “ ” ‰ ※
    (0x2100, 0x218F),  # letterlike and number forms: ℃ № Ⅰ Ⅻ
    (0x2190, 0x21FF),  # arrows
    (0x2460, 0x24FF),  # enclosed numbers: ① ⑳ ⒈
    (0x2500, 0x257F),  # box drawing
    (0x25A0, 0x25FF),  # geometric shapes: □ ■ ○ ● △
    (0x2600, 0x26FF),  # ★ ☆ ☑
    (0x3000, 0x303F),  # CJK punctuation: 、。〈〉《》「」『』【】〔〕
    (0x3040, 0x30FF),  # kana (in GB2312)
    (0x3200, 0x32FF),  # enclosed CJK: ㈠ ㊣
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # full-width forms: ，：；（）＿
]
MAX_ERROR = 1.0  # font units (of 1000 to the em) a converted curve may stray from the original


def wanted(cmap: dict[int, str]) -> set[int]:
    codes = {c for low, high in RANGES for c in range(low, high + 1)}
    for lead in range(0x81, 0xFF):  # and every GBK character the face has, wherever it sits
        for trail in range(0x40, 0xFF):
            try:
                codes.add(ord(bytes([lead, trail]).decode("gbk")))
            except UnicodeDecodeError:
                continue
    return codes & set(cmap)


def to_truetype(font: TTFont) -> None:
    """Replace the CFF outlines by TrueType ones (the fontTools otf2ttf recipe)."""
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    quadratic = {}
    for name in order:
        pen = TTGlyphPen(None)
        glyphs[name].draw(Cu2QuPen(pen, MAX_ERROR, reverse_direction=True))
        quadratic[name] = pen.glyph()
    glyf = font["glyf"] = newTable("glyf")
    font["loca"] = newTable("loca")
    glyf.glyphOrder = order
    glyf.glyphs = quadratic
    del font["CFF "]
    glyf.compile(font)
    metrics = font["hmtx"].metrics
    for name in order:
        quadratic[name].recalcBounds(glyf)
        metrics[name] = (metrics[name][0], getattr(quadratic[name], "xMin", 0))
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for field in (
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, field, 0)
    font["post"].formatType = 3.0  # no glyph names: CID fonts have none worth keeping
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\0\1\0\0"


def mark_modified(font: TTFont) -> None:
    """Say in the name table what this file is (the licence asks modified versions to be told apart)."""
    name = font["name"]
    version = name.getDebugName(5) or "Version 2.001"
    note = "TrueType outlines and a character subset made from Noto Serif CJK SC for CaseFile"
    name.setName(f"{version}; {note}", 5, 3, 1, 0x409)
    name.setName(f"{FACE};CaseFile-TrueType-subset", 3, 3, 1, 0x409)
    name.setName(note, 10, 3, 1, 0x409)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, nargs="?", default=DEFAULT_SOURCE)
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_TARGET)
    args = parser.parse_args()
    faces = TTCollection(str(args.source)).fonts if args.source.suffix.lower() == ".ttc" else [TTFont(args.source)]
    font = next((f for f in faces if f["name"].getDebugName(6) == FACE), None)
    if font is None:
        sys.exit(f"{args.source}: no face named {FACE}")
    font.recalcTimestamp = False
    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    options.drop_tables += ["VORG", "vhea", "vmtx", "GSUB", "GPOS", "GDEF", "BASE"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted(font.getBestCmap()))
    subsetter.subset(font)
    to_truetype(font)
    mark_modified(font)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(args.output))
    print(f"{args.output}: {font['maxp'].numGlyphs} glyphs, {args.output.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
