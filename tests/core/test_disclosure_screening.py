"""An evidence PDF is screened once (when added, or at its first packet), counted in pdfium page reads.

What the screening found is kept as derived data keyed by the file's SHA-256 and the
screening engine (casefile.core.disclosure.screening): a packet of a file already screened
reads none of its pages with pdfium unless its masker finds something in the kept text; a
record that is missing, unreadable, from another engine or about another copy is made again.
"""

from __future__ import annotations

import json
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from casefile_testing import filed_case
from reportlab.pdfgen.canvas import Canvas

from casefile.core.bundle import BundleOptions, Venue, build_bundle
from casefile.core.disclosure import screening
from casefile.core.disclosure.screening import ScreeningStore
from casefile.core.evidence import SCREENING, AddResult, add_files
from casefile.core.library import Library
from casefile.core.progress import Progress
from casefile.core.settings import Settings

SETTINGS = Settings(org_name="某某数码科技有限公司")
THIRD_PARTY = "13700001111"  # a courier's mobile: not the court's to see


def _pdf(path: Path, pages: list[str]) -> Path:
    canvas = Canvas(str(path), invariant=1)
    for text in pages:
        canvas.setFont("Helvetica", 12)
        canvas.drawString(72, 720, text)
        canvas.showPage()
    canvas.save()
    return path


def _case(library: Library, tmp_path: Path, *pdfs: list[str]) -> tuple[str, list[str]]:
    """A case with one PDF of these pages' text each: (its number, the PDFs' SHA-256)."""
    number = filed_case(library).number
    folder = tmp_path / "in"
    folder.mkdir()
    paths = [_pdf(folder / f"statement-{i}.pdf", pages) for i, pages in enumerate(pdfs)]
    added = [r.exhibit for r in add_files(library, number, paths) if isinstance(r, AddResult) and r.exhibit]
    return number, [e.sha256 for e in added]


def _bundle(library: Library, number: str, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, int]:
    """A court bundle of the case: (its file, the pages pdfium read while it was made)."""
    reads = [0]
    real = pdfium.PdfDocument.get_page

    def counted(self: pdfium.PdfDocument, index: int) -> pdfium.PdfPage:
        reads[0] += 1
        return real(self, index)

    with monkeypatch.context() as patch:
        patch.setattr(pdfium.PdfDocument, "get_page", counted)
        result = list(build_bundle(library, number, BundleOptions(Venue.COURT, force=True), SETTINGS))[-1]
    return result.files[0], reads[0]


def _text(path: Path) -> str:
    document = pdfium.PdfDocument(str(path))
    try:
        texts = []
        for page in document:
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return "\n".join(texts)
    finally:
        document.close()


PLAIN = ["Statement of account, page one", "Order TB2026112000001 paid 1299.00", "Thank you"]


def test_a_pdf_is_screened_when_added_and_its_packet_reads_none_of_its_pages(library, tmp_path, monkeypatch):
    number, (sha256,) = _case(library, tmp_path, PLAIN)
    kept = ScreeningStore(library.root).get(sha256)
    assert kept is not None and kept.pages == 3 and kept.texts is not None
    assert kept.texts[2] == PLAIN[1]  # the sanitised copy's text, as pdfium reads it

    _bundle_file, reads = _bundle(library, number, monkeypatch)

    assert reads == 0  # was 3: each page's text read again for every packet


def test_adding_says_which_pdf_is_being_screened_after_the_files_are_in(library, tmp_path):
    number = filed_case(library).number
    paths = [_pdf(tmp_path / "a.pdf", PLAIN), _pdf(tmp_path / "b.pdf", ["another statement"])]
    items = list(add_files(library, number, paths))
    steps = [i for i in items if isinstance(i, Progress) and i.phase == SCREENING]
    assert [s.message for s in steps] == ["a.pdf", "b.pdf"]
    last_file = max(n for n, i in enumerate(items) if isinstance(i, AddResult))
    assert items.index(steps[0]) > last_file  # the case is released before its PDFs are read
    again = [i for i in add_files(library, number, paths) if isinstance(i, Progress) and i.phase == SCREENING]
    assert again == []  # the same bytes: already screened


@pytest.mark.parametrize("damage", ["missing", "unreadable", "nested", "another engine", "another copy"])
def test_a_record_that_does_not_apply_is_made_again(library, tmp_path, monkeypatch, damage):
    number, (sha256,) = _case(library, tmp_path, PLAIN)
    store = ScreeningStore(library.root)
    path = store.path(sha256)
    if damage == "missing":
        path.unlink()
    elif damage == "unreadable":
        path.write_bytes(b'{"format": 1, "sha256": ')
    elif damage == "nested":
        path.write_bytes(b"[" * 100_000 + b"]" * 100_000)
    else:
        data = json.loads(path.read_text("utf-8"))
        if damage == "another engine":
            data["engine"] = data["engine"].replace("screening ", "screening 0")
        else:
            data["pages"] = 2
        path.write_text(json.dumps(data), "utf-8")

    _bundle_file, reads = _bundle(library, number, monkeypatch)

    assert reads == 3
    kept = store.get(sha256)
    assert kept is not None and kept.pages == 3 and kept.engine == screening.engine()
    assert _bundle(library, number, monkeypatch)[1] == 0


def test_what_the_court_must_not_see_is_burnt_out_from_a_screened_pdf(library, tmp_path, monkeypatch):
    pages = ["Delivery note", f"Signed for by the courier, mobile {THIRD_PARTY}", "Thank you"]
    number, (sha256,) = _case(library, tmp_path, pages)
    assert ScreeningStore(library.root).get(sha256) is not None

    screened, reads = _bundle(library, number, monkeypatch)
    ScreeningStore(library.root).path(sha256).unlink()
    unscreened, _reads = _bundle(library, number, monkeypatch)

    for bundle in (screened, unscreened):
        text = _text(bundle)
        assert "Delivery note" in text and "Thank you" in text
        assert THIRD_PARTY not in text and "0000 1111" not in text
    # Only the page holding the number is read again (its boxes, and the check of the burnt page).
    assert 1 <= reads <= 3


def test_a_file_whose_text_is_over_the_budget_keeps_no_text_and_is_read_by_each_packet(library, tmp_path, monkeypatch):
    monkeypatch.setattr(screening, "MAX_TEXT", 40)
    number, (sha256,) = _case(library, tmp_path, PLAIN)
    kept = ScreeningStore(library.root).get(sha256)
    assert kept is not None and kept.texts is None

    _bundle_file, reads = _bundle(library, number, monkeypatch)

    assert reads == 3  # the text is read for the masker; the hidden-text check is kept
