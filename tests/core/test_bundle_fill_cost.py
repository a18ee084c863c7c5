"""Streaming the photos into a bundle costs the same for each photo, however many there are."""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
from bundle_pages import photo_skeleton

from casefile.core.bundle import fill
from casefile.core.bundle.fill import fill_placeholders


def _edit_lengths_read(tmp_path: Path, count: int, monkeypatch) -> tuple[int, int]:
    """(how often an edit's new length was asked for, how many edits) filling ``count`` photos."""
    reads = [0]
    made: list[object] = []
    real_length = fill._Edit.new_length
    real_init = fill._Edit.__init__

    def counted(self: fill._Edit) -> int:
        reads[0] += 1
        return real_length.fget(self)  # type: ignore[attr-defined,no-any-return]

    def init(self: fill._Edit, *args: object, **kwargs: object) -> None:
        made.append(self)
        real_init(self, *args, **kwargs)  # type: ignore[arg-type]

    folder = tmp_path / str(count)
    folder.mkdir()
    skeleton, sources = photo_skeleton(folder, [(16 + n, 12) for n in range(count)])  # each its own length
    monkeypatch.setattr(fill._Edit, "new_length", property(counted))
    monkeypatch.setattr(fill._Edit, "__init__", init)
    out = folder / "out.pdf"
    fill_placeholders(skeleton, out, sources)
    monkeypatch.undo()
    data = out.read_bytes()
    # Every object the cross-reference table names is where it says: the offsets moved right.
    table = re.search(rb"xref\n0 (\d+)\n", data)
    assert table is not None
    rows = data[table.end() :].split(b"\n")[: int(table.group(1))]
    for number, row in enumerate(rows):
        if row.endswith(b"n "):
            assert data.startswith(b"%d 0 obj" % number, int(row[:10]))
    with pikepdf.open(out) as pdf:
        assert len(pdf.pages) == count
        for page, token in zip(pdf.pages, sources, strict=True):
            (image,) = (page.Resources.XObject[k] for k in page.Resources.XObject)
            assert image.read_raw_bytes() == sources[token][0].read_bytes()
    return reads[0], len(made)


def test_the_offsets_are_moved_in_one_lookup_each(tmp_path, monkeypatch):
    """Each object's new offset used to sum the shift of every edit before it: photos x objects."""
    small, edits_small = _edit_lengths_read(tmp_path, 10, monkeypatch)
    large, edits_large = _edit_lengths_read(tmp_path, 80, monkeypatch)
    assert small <= 3 * edits_small and large <= 3 * edits_large  # was some 5 x photos x edits
    assert large / small < 80 / 10 * 1.2  # linear in the photos
