"""A packet prints the sanitised copy of an evidence PDF made when the file was added, trusted through
the case's custody log (casefile.core.disclosure.kept), counted in sanitiser runs, never in seconds.

Adding a PDF keeps its sanitised copy under .derived/sanitised/ and records it in one ``screened``
custody entry per screening pass; a packet copies the kept file while hashing it and prints it only
when it is the copy recorded, made by the current engine. Otherwise it sanitises the original again,
and what it prints is the same.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest
from casefile_testing import filed_case
from hostile_pdfs import count_sanitiser_runs, hostile_pdf, statement_pdf
from reportlab.pdfgen.canvas import Canvas

from casefile.core import evidence, record
from casefile.core.archive import export_case, import_case
from casefile.core.bundle import BundleOptions, BundleResult, Venue, build_bundle
from casefile.core.bundle.plan import plan_disclosure
from casefile.core.custody import LOG_NAME
from casefile.core.disclosure import DisclosureReport
from casefile.core.disclosure import pdf as pdfsafe
from casefile.core.disclosure.kept import SANITISED_DIR, KeptCopies, KeptFile, MadeAgain, entry_files, keep_made
from casefile.core.errors import CancelledError
from casefile.core.evidence import AddResult, add_files
from casefile.core.hashing import hash_file
from casefile.core.library import Library
from casefile.core.progress import CancelToken, Progress
from casefile.core.settings import Settings
from casefile.core.verify import CaseReport, verify_case

SETTINGS = Settings(org_name="某某数码科技有限公司")


def _case(library: Library, tmp_path: Path) -> tuple[str, list[int]]:
    """A filed case with a plain 3-page statement and a hostile PDF (active content, forms, layers)."""
    number = filed_case(library).number
    folder = tmp_path / "in"
    folder.mkdir()
    hostile_pdf(folder / "hostile.pdf")
    paths = [statement_pdf(folder / "statement.pdf", 3), folder / "hostile.pdf"]
    added = [r.exhibit.number for r in add_files(library, number, paths) if isinstance(r, AddResult) and r.exhibit]
    return number, added


def _entries(library: Library, number: str) -> list[dict]:
    return [json.loads(line) for line in (library.folder(number).path / LOG_NAME).read_text("utf-8").splitlines()]


def _bundle(library: Library, number: str, monkeypatch: pytest.MonkeyPatch) -> tuple[BundleResult, int]:
    """A court bundle of the case, and how many times the sanitiser ran while it was made."""
    with monkeypatch.context() as patch:
        runs = count_sanitiser_runs(patch)
        result = list(build_bundle(library, number, BundleOptions(Venue.COURT, force=True), SETTINGS))[-1]
    assert isinstance(result, BundleResult)
    return result, runs[0]


def _pages(path: Path) -> list[bytes]:
    """Each page drawn at 60 dpi, as raw pixels; the integrity annex, which counts the custody entries
    (one more bundle each time), is left out."""
    document = pdfium.PdfDocument(str(path))
    try:
        pages = []
        for page in document:
            textpage = page.get_textpage()
            if "CUSTODY.jsonl" not in textpage.get_text_range():
                pages.append(bytes(page.render(scale=60 / 72).to_pil().tobytes()))
            textpage.close()
        return pages
    finally:
        document.close()


def _report(result: BundleResult) -> list[tuple[str, str, str, int]]:
    assert result.disclosure is not None
    return result_items(result.disclosure)


def result_items(report: DisclosureReport) -> list[tuple[str, str, str, int]]:
    return [(i.where, str(i.action), i.what, i.count) for i in report.items]


def test_adding_pdfs_keeps_their_sanitised_copies_in_one_witness_entry(library, tmp_path):
    number, exhibits = _case(library, tmp_path)
    case = library.load_case(number)

    (entry,) = [e for e in _entries(library, number) if e["action"] == record.SCREENED]
    engine, files = entry_files(entry["details"])
    assert engine == pdfsafe.sanitiser_engine()
    assert [f.exhibit for f in files] == exhibits
    copies = KeptCopies(library.root)
    for item in files:
        exhibit = case.exhibit(item.exhibit)
        assert item.sha256 == exhibit.sha256
        kept = copies.path(exhibit.sha256)
        assert kept.is_file() and kept.stat().st_size == item.copy_size
    hostile = files[1]
    assert hostile.pages == 3 and hostile.removed and hostile.flattened and hostile.hidden_layers
    assert not record.ACTIONS[record.SCREENED].changes_record
    assert library.load_case(number) == case  # a witness: the record is as it was
    report = list(verify_case(library, number))[-1]
    assert isinstance(report, CaseReport) and report.ok, report.summary()


def test_a_packet_of_screened_pdfs_runs_no_sanitiser_and_prints_the_same_pages(library, tmp_path, monkeypatch):
    number, _exhibits = _case(library, tmp_path)

    kept, runs = _bundle(library, number, monkeypatch)
    assert runs == 0  # was 2: each PDF sanitised again for every packet

    for item in (library.root / SANITISED_DIR).rglob("*.pdf"):
        item.unlink()
    made, runs = _bundle(library, number, monkeypatch)
    assert runs == 2
    assert _pages(kept.files[0]) == _pages(made.files[0])
    assert _report(kept) == _report(made)  # what was removed and drawn in, line for line


def test_the_disclosure_preview_reads_the_kept_copies_and_says_what_the_packet_does(library, tmp_path, monkeypatch):
    number, _exhibits = _case(library, tmp_path)
    runs = count_sanitiser_runs(monkeypatch)
    preview = plan_disclosure(library, number, Venue.COURT, None, SETTINGS)
    assert runs[0] == 0  # was 2: the preview sanitised each PDF as the packets did
    monkeypatch.undo()
    built, _runs = _bundle(library, number, monkeypatch)
    assert result_items(preview.report) == _report(built)
    assert preview.findings and {f.code for f in preview.findings} <= {f.code for f in built.warnings}


@pytest.mark.parametrize("damage", ["altered", "deleted", "another engine"])
def test_a_kept_copy_that_does_not_apply_is_not_printed(library, tmp_path, monkeypatch, damage):
    number, _exhibits = _case(library, tmp_path)
    expected, _runs = _bundle(library, number, monkeypatch)
    case = library.load_case(number)
    copies = KeptCopies(library.root)
    statement = copies.path(case.exhibits[0].sha256)
    if damage == "altered":  # the same size, one byte other
        data = bytearray(statement.read_bytes())
        data[len(data) // 2] ^= 0x20
        statement.write_bytes(bytes(data))
    elif damage == "deleted":
        statement.unlink()
    else:
        monkeypatch.setattr(pdfsafe, "SANITISER_VERSION", pdfsafe.SANITISER_VERSION + 1)
        pdfsafe.sanitiser_engine.cache_clear()

    try:
        result, runs = _bundle(library, number, monkeypatch)
    finally:
        pdfsafe.sanitiser_engine.cache_clear()

    assert runs == (2 if damage == "another engine" else 1)
    assert _pages(result.files[0]) == _pages(expected.files[0])
    assert _report(result) == _report(expected)


def test_a_kept_copy_replaced_by_another_pdf_of_its_size_is_never_printed(library, tmp_path, monkeypatch):
    number, _exhibits = _case(library, tmp_path)
    case = library.load_case(number)
    statement = KeptCopies(library.root).path(case.exhibits[0].sha256)
    size = statement.stat().st_size
    forged = _forged(tmp_path / "forged.pdf").read_bytes()
    assert len(forged) < size
    statement.write_bytes(forged + b"\n%" + b"x" * (size - len(forged) - 2))  # still a PDF, of the same size

    result, _runs = _bundle(library, number, monkeypatch)

    document = pdfium.PdfDocument(str(result.files[0]))
    try:
        text = "".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()
    assert "FORGED" not in text and "Statement of account, page 3" in text


def _forged(path: Path) -> Path:
    canvas = Canvas(str(path), invariant=1)
    canvas.setFont("Helvetica", 12)
    canvas.drawString(72, 720, "FORGED STATEMENT")
    canvas.showPage()
    canvas.save()
    return path


def test_an_exported_case_imported_elsewhere_is_bundled_without_kept_copies(library, tmp_path, monkeypatch):
    number, _exhibits = _case(library, tmp_path)
    archive = list(export_case(library, number, tmp_path / "case.zip"))[-1].path
    other = Library.open(tmp_path / "other", "测试员")
    try:
        imported = list(import_case(other, archive))[-1]
        assert any(e["action"] == record.SCREENED for e in _entries(other, imported.number))
        assert not (other.root / SANITISED_DIR).exists()

        result, runs = _bundle(other, imported.number, monkeypatch)

        assert runs == 2 and result.pages > 0
        report = list(verify_case(other, imported.number))[-1]
        assert isinstance(report, CaseReport) and report.ok, report.summary()
    finally:
        other.close()


def test_verify_names_a_screened_entry_about_a_file_the_case_does_not_hold(library, tmp_path):
    number, exhibits = _case(library, tmp_path)
    (entry,) = [e for e in _entries(library, number) if e["action"] == record.SCREENED]
    details = entry["details"]
    details["files"][0]["sha256"] = "0" * 64
    library.record_event(number, record.SCREENED, details)  # written by CaseFile, chain whole: not forged
    library.record_event(number, record.SCREENED, {"engine": "x", "files": [{"exhibit": 1}]})

    report = list(verify_case(library, number))[-1]

    assert isinstance(report, CaseReport) and not report.ok and not report.damaged
    assert len(report.problems) == 2
    assert f"exhibit {exhibits[0]}" in str(report.problems[0]) and "not well-formed" in str(report.problems[1])


def test_the_same_pdf_added_to_two_cases_is_printed_from_its_kept_copy_in_both(library, tmp_path, monkeypatch):
    first, _exhibits = _case(library, tmp_path)
    source = tmp_path / "in" / "statement.pdf"
    kept = KeptCopies(library.root).path(library.load_case(first).exhibits[0].sha256)
    before = kept.read_bytes()
    second = filed_case(library).number
    assert [r for r in add_files(library, second, [source]) if isinstance(r, AddResult) and r.exhibit]

    assert kept.read_bytes() == before  # made again by the second case's screening: the same bytes
    for number in (first, second):
        assert _bundle(library, number, monkeypatch)[1] == 0


def test_a_sanitised_copy_is_saved_with_an_identifier_made_from_its_content(tmp_path, monkeypatch):
    """qpdf otherwise makes a new identifier from the time of each save: the same file sanitised a
    second later (added to another case) would give other bytes than the copy another case recorded."""
    saved: list[dict] = []
    real = pikepdf.Pdf.save

    def recorded(self: pikepdf.Pdf, *args: object, **kwargs: object) -> None:
        saved.append(kwargs)
        real(self, *args, **kwargs)

    source = statement_pdf(tmp_path / "statement.pdf", 2)
    monkeypatch.setattr(pikepdf.Pdf, "save", recorded)
    pdfsafe.sanitise_pdf(source, tmp_path / "a.pdf")
    pdfsafe.sanitise_pdf(source, tmp_path / "b.pdf")

    assert [kwargs.get("deterministic_id") for kwargs in saved] == [True, True]
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def _screened(library: Library, number: str) -> list[tuple[str, list]]:
    """The case's ``screened`` entries: (engine, files) each, in order."""
    return [entry_files(e["details"]) for e in _entries(library, number) if e["action"] == record.SCREENED]


def _case_without_kept_copies(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[str, list[int]]:
    """:func:`_case` added as before copies were kept: screened, nothing kept, no ``screened`` entry."""
    real = evidence.screen_pdfs
    with monkeypatch.context() as patch:
        patch.setattr(evidence, "screen_pdfs", lambda *args, **kwargs: real(*args, **{**kwargs, "keep": False}))
        number, exhibits = _case(library, tmp_path)
    assert not _screened(library, number) and not (library.root / SANITISED_DIR).exists()
    return number, exhibits


def _verified(library: Library, number: str) -> None:
    report = list(verify_case(library, number))[-1]
    assert isinstance(report, CaseReport) and report.ok, report.summary()


@pytest.mark.parametrize("before", ["no entry", "another engine"])
def test_a_packet_that_sanitised_pdfs_again_keeps_and_records_the_copies(library, tmp_path, monkeypatch, before):
    if before == "no entry":  # added before copies were kept
        number, exhibits = _case_without_kept_copies(library, tmp_path, monkeypatch)
    else:  # kept by the CaseFile before an upgrade
        number, exhibits = _case(library, tmp_path)
        monkeypatch.setattr(pdfsafe, "SANITISER_VERSION", pdfsafe.SANITISER_VERSION + 1)
        pdfsafe.sanitiser_engine.cache_clear()
    try:
        recorded = len(_screened(library, number))
        first, runs = _bundle(library, number, monkeypatch)
        assert runs == 2
        screened = _screened(library, number)
        assert len(screened) == recorded + 1  # one entry for the packet's copies
        engine, files = screened[-1]
        assert engine == pdfsafe.sanitiser_engine() and [f.exhibit for f in files] == exhibits
        bundle = [e for e in _entries(library, number) if e["action"] == record.BUNDLE]
        assert len(bundle) == 1 and bundle[0]["seq"] == _entries(library, number)[-1]["seq"] - 1
        case = library.load_case(number)
        copies = KeptCopies(library.root)
        for item in files:
            original = library.folder(number).path / case.exhibit(item.exhibit).stored_path
            made = pdfsafe.sanitise_pdf(original, tmp_path / f"again-{item.exhibit}.pdf")
            kept = copies.path(item.sha256)
            assert kept.read_bytes() == (tmp_path / f"again-{item.exhibit}.pdf").read_bytes()
            assert item.copy_size == kept.stat().st_size and item.sanitised() == made

        second, runs = _bundle(library, number, monkeypatch)
        assert runs == 0  # was 2: sanitised again by every packet, until the files were added again
        assert len(_screened(library, number)) == recorded + 1
        assert _pages(second.files[0]) == _pages(first.files[0])
        assert _report(second) == _report(first)
        _verified(library, number)
    finally:
        pdfsafe.sanitiser_engine.cache_clear()


def test_a_kept_copy_that_went_missing_is_kept_again_by_the_packet_that_made_it(library, tmp_path, monkeypatch):
    number, _exhibits = _case(library, tmp_path)
    expected, _runs = _bundle(library, number, monkeypatch)
    statement = KeptCopies(library.root).path(library.load_case(number).exhibits[0].sha256)
    recorded = statement.read_bytes()
    statement.unlink()

    made, runs = _bundle(library, number, monkeypatch)
    assert runs == 1 and statement.read_bytes() == recorded
    # Made again as the entry recorded it: no other entry says the same.
    assert len(_screened(library, number)) == 1

    again, runs = _bundle(library, number, monkeypatch)
    assert runs == 0
    assert _pages(made.files[0]) == _pages(expected.files[0]) == _pages(again.files[0])
    _verified(library, number)


def test_a_copy_that_cannot_be_kept_costs_only_the_next_packet_its_time(library, tmp_path, monkeypatch):
    number, exhibits = _case_without_kept_copies(library, tmp_path, monkeypatch)
    statement = library.load_case(number).exhibits[0].sha256
    real = KeptCopies.keep

    def full(self: KeptCopies, sha256: str, made: Path, **kwargs: object) -> tuple[str, int]:
        if sha256 == statement:
            raise OSError(28, "No space left on device")
        return real(self, sha256, made, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(KeptCopies, "keep", full)
        result, runs = _bundle(library, number, monkeypatch)

    assert runs == 2 and all(path.is_file() for path in result.files)
    assert [e["action"] for e in _entries(library, number)][-2:] == [record.BUNDLE, record.SCREENED]
    ((_engine, files),) = _screened(library, number)
    assert [f.exhibit for f in files] == exhibits[1:]  # the statement's copy is not named: not kept
    assert not KeptCopies(library.root).path(statement).exists()
    assert _bundle(library, number, monkeypatch)[1] == 1
    _verified(library, number)


def test_a_cancelled_packet_keeps_and_records_nothing(library, tmp_path, monkeypatch):
    number, _exhibits = _case_without_kept_copies(library, tmp_path, monkeypatch)
    before = _entries(library, number)
    cancel = CancelToken()
    with pytest.raises(CancelledError):
        for item in build_bundle(library, number, BundleOptions(Venue.COURT, force=True), SETTINGS, cancel=cancel):
            if isinstance(item, Progress) and item.message == "assembling":  # every exhibit's pages made
                cancel.cancel()

    assert _entries(library, number) == before
    assert not (library.root / SANITISED_DIR).exists()


def test_a_copy_made_again_the_same_is_not_recorded_again_whatever_order_sanitising_counted_in(library, tmp_path):
    """The walk of a PDF's objects meets them in an order that can change from one run of CaseFile to the
    next: the same copy, its removals counted in another order, is the copy the log records already."""
    hostile = tmp_path / "hostile.pdf"
    hostile_pdf(hostile)
    sha256 = hash_file(hostile).sha256
    target = tmp_path / "work" / "sanitised.pdf"
    target.parent.mkdir()
    sanitised = pdfsafe.sanitise_pdf(hostile, target)
    assert len(sanitised.removed) > 1 and len(sanitised.flattened) > 1
    digests = hash_file(target)
    copy = (digests.sha256, digests.size)
    recorded = KeptFile.of(3, sha256, copy, sanitised)
    assert recorded is not None
    counted_otherwise = dataclasses.replace(
        recorded, removed=recorded.removed[::-1], flattened=recorded.flattened[::-1]
    )
    engine = pdfsafe.sanitiser_engine()
    made = [MadeAgain(3, sha256, target, sanitised)]

    copies = KeptCopies(library.root)

    assert keep_made(copies, made, {3: (engine, counted_otherwise)}, engine) == []
    assert hash_file(copies.path(sha256)).sha256 == digests.sha256 and not target.exists()  # kept all the same

    pdfsafe.sanitise_pdf(hostile, target)
    assert keep_made(copies, made, {3: ("an older engine", recorded)}, engine) == [recorded]
