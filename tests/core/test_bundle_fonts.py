"""The fonts a bundle embeds: read once a process, in bulk, to the very values ReportLab reads.

Counted, never timed: building two bundles in one process parses each font at most once,
and the first bundle of a process no more than the two fonts it embeds.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import reportlab
from casefile_testing import filed_case
from PIL import Image
from reportlab.pdfbase.ttfonts import TTFont

from casefile.core.bundle import BundleOptions, BundleResult, Venue, build_bundle, pdfkit
from casefile.core.bundle.ttf import QuickTTFont, QuickTTFontFace
from casefile.core.evidence import AddOptions, add_files
from casefile.core.library import Library
from casefile.core.settings import Settings
from casefile.resources import resource_path

FONTS = [
    resource_path("fonts", "wqy-microhei.ttc"),  # a character map in format 12
    resource_path("fonts", "noto-serif-sc.ttf"),  # format 4, glyphs looked up through idRangeOffset
    *sorted((Path(reportlab.__file__).parent / "fonts").glob("*.ttf")),
]


@pytest.mark.parametrize("path", FONTS, ids=lambda p: Path(p).name)
def test_fonts_are_read_to_what_reportlab_reads(path):
    ours, theirs = QuickTTFont("F", str(path)), TTFont("F", str(path))
    expected = {k: v for k, v in vars(theirs.face).items() if k not in ("_pos", "_pdfScale")}
    face = {k: getattr(ours.face, k) for k in expected}  # glyphToChar is made when first asked for
    assert {k for k in vars(ours.face) if k not in ("_pos", "_pdfScale", "_mapped")} <= expected.keys()
    for key, value in expected.items():
        if isinstance(value, list) and not isinstance(face[key], list):  # looked up, not made whole
            assert len(face[key]) == len(value), key
            assert list(face[key]) == value, key
            assert face[key][-1] == value[-1] and list(face[key][3:9]) == value[3:9], key
            with pytest.raises(IndexError):
                face[key][len(value)]
            continue
        assert face[key] == value, key
        if isinstance(value, dict):
            assert list(face[key]) == list(value), key  # in the same order too
    assert {k: v for k, v in vars(ours).items() if k not in ("face", "state", "encoding")} == {
        k: v for k, v in vars(theirs).items() if k not in ("face", "state", "encoding")
    }
    assert ours.face.makeSubset(list(range(32, 127))) == theirs.face.makeSubset(list(range(32, 127)))


def _bundle(library: Library, number: str) -> BundleResult:
    results = list(build_bundle(library, number, BundleOptions(Venue.COURT, force=True), Settings(org_name="某公司")))
    result = results[-1]
    assert isinstance(result, BundleResult)
    return result


def test_a_bundle_parses_each_font_once_a_process(library, tmp_path):
    folder = tmp_path / "files"
    folder.mkdir()
    Image.effect_noise((320, 200), 40).convert("RGB").save(folder / "photo.jpg", quality=85)
    (folder / "chat.txt").write_text("2026-11-20 10:00 客服：您好。\n", "utf-8")
    number = filed_case(library).number
    list(add_files(library, number, sorted(folder.iterdir()), AddOptions(purpose="证明交涉经过")))
    pdfkit.register_fonts.cache_clear()  # as in a fresh process: nothing registered yet
    pdfkit._char_widths.cache_clear()
    pdfkit.styles.cache_clear()
    before = QuickTTFontFace.parsed
    _bundle(library, number)
    # The sans, its fixed-width face (the annex's commands) and the serif, nothing else.
    assert QuickTTFontFace.parsed - before == 3
    _bundle(library, number)
    assert QuickTTFontFace.parsed - before == 3
