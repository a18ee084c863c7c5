"""The reference for the PDF row of bench/bundle.py: what anyone would write with pikepdf.

Merge the PDFs in order, lay a stamp (case number, page n of N, the file's page) over every
page, one bookmark per file, save and fsync. No checks, no separators, no documents.

    python bench/bundle_reference.py OUT.pdf IN.pdf…
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pikepdf
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas


def main() -> None:
    out_path, *inputs = map(Path, sys.argv[1:])
    out = pikepdf.new()
    sources = [pikepdf.open(p) for p in inputs]
    marks: list[tuple[str, int]] = []
    in_file: list[tuple[int, int]] = []
    for path, src in zip(inputs, sources, strict=True):
        marks.append((path.stem, len(out.pages)))
        for k, page in enumerate(src.pages):
            out.pages.append(page)
            in_file.append((k + 1, len(src.pages)))
    stamps_path = out_path.with_suffix(".stamps.pdf")
    canvas = Canvas(str(stamps_path), pagesize=A4, invariant=1)
    total = len(in_file)
    for n, (k, of) in enumerate(in_file, start=1):
        canvas.setFont("Helvetica", 8)
        canvas.drawString(30, 20, f"CASE-2026-0001  page {n} / {total}  (file page {k} / {of})")
        canvas.showPage()
    canvas.save()
    with pikepdf.open(stamps_path) as stamps:
        for page, stamp in zip(out.pages, stamps.pages, strict=True):
            page.add_overlay(stamp, pikepdf.Rectangle(0, 0, A4[0], A4[1]))
        with out.open_outline() as outline:
            for title, index in marks:
                outline.root.append(pikepdf.OutlineItem(title, index))
        out.save(out_path)
    with open(out_path, "rb") as fh:
        os.fsync(fh.fileno())
    for src in sources:
        src.close()


if __name__ == "__main__":
    main()
