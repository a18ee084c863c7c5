"""What ``casefile bundle`` loads, counted in modules (never timed).

A bundle only bears witness (its custody entry does not change the record), like a
verification: of a library in order, the command records the entry and notes the case's
new revision in the index with the standard library's sqlite3, without loading SQLAlchemy.
A library with something to finish is opened in full first, as before.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from casefile_testing import filed_case, modules_loaded

from casefile.core import record
from casefile.core.library import Library

WATCHED = ("sqlalchemy", "PySide6", "watchdog", "av", "segno")  # segno: only for codes the fast path cannot make


def small_case(library: Library, tmp_path: Path) -> str:
    from casefile.core.evidence import add_files

    number = filed_case(library).number
    folder = tmp_path / "notes"
    folder.mkdir()
    for i in range(3):
        (folder / f"聊天记录-{i}.txt").write_text(f"2026-11-20 10:0{i}:00 客服: 您好 {i}\n", encoding="utf-8")
    list(add_files(library, number, [folder]))
    library.close()
    return number


def bundle(library: Library, number: str) -> tuple[int, list[str], str, str]:
    argv = ["--library", str(library.root), "--operator", "测试员", "bundle", number, "--venue", "court", "--force"]
    return modules_loaded(argv, WATCHED)


def index_revision(root: Path, number: str) -> int:
    connection = sqlite3.connect(root / "index.sqlite")
    try:
        (revision,) = connection.execute("SELECT revision FROM cases WHERE number = ?", (number,)).fetchone()
    finally:
        connection.close()
    return int(revision)


def check_recorded(root: Path, number: str, out: str) -> None:
    """The bundle is saved and recorded, and the index's revision is the record's."""
    assert out.splitlines()[-1].endswith(" pages")
    saved = Path(out.splitlines()[0].split("  sha256 ")[0])
    assert saved.parent.name == "bundles" and saved.is_file()
    reopened = Library.open(root, "测试员")
    try:
        case = reopened.load_case(number)
        last = reopened.folder(number).custody.last()
        assert last is not None and last["action"] == record.BUNDLE
        assert index_revision(root, number) == case.revision == case.custody_head.seq == last["seq"]
        assert [s.exhibit_count for s in reopened.list_cases() if s.number == number] == [3]
    finally:
        reopened.close()


def test_bundle_of_a_library_in_order_does_not_load_sqlalchemy(library: Library, tmp_path: Path):
    number = small_case(library, tmp_path)
    before = index_revision(library.root, number)
    code, loaded, out, err = bundle(library, number)
    assert (code, loaded) == (0, []), err
    assert index_revision(library.root, number) > before
    check_recorded(library.root, number, out)


def test_bundle_of_a_library_to_recover_opens_it_first(library: Library, tmp_path: Path):
    number = small_case(library, tmp_path)
    (library.root / ".pending" / number).write_text("", encoding="utf-8")  # a change interrupted
    code, loaded, out, err = bundle(library, number)
    assert (code, loaded) == (0, ["sqlalchemy"]), err
    assert not (library.root / ".pending" / number).exists()
    check_recorded(library.root, number, out)


def test_bundle_of_a_library_whose_index_lacks_a_case_reconciles_it(library: Library, tmp_path: Path):
    number = small_case(library, tmp_path)
    connection = sqlite3.connect(library.root / "index.sqlite")
    try:
        with connection:
            connection.execute("DELETE FROM exhibits WHERE case_number = ?", (number,))
            connection.execute("DELETE FROM cases WHERE number = ?", (number,))
    finally:
        connection.close()
    code, loaded, out, err = bundle(library, number)
    assert (code, loaded) == (0, ["sqlalchemy"]), err  # opened in full: the case is indexed again
    check_recorded(library.root, number, out)


#: What a bundle of screened files never needs: the package metadata and the e-mail parser it
#: reads them with (pdfium's version is read from its own file), zip archives (resources are
#: plain files), pdfium itself (the pages' text was kept when they were added), a new
#: library's uuid, trusted timestamps (a case without stamps), OCR and its models.
NOT_FOR_A_BUNDLE = (
    *WATCHED,
    "importlib.metadata",
    "email",
    "zipfile",
    "pypdfium2",
    "uuid",
    "pyhanko",
    "asn1crypto",
    "rapidocr",
    "onnxruntime",
    "cv2",
    "numpy",
    "matplotlib",
    "casefile.core.search.ocr",
)


def test_bundle_of_screened_pdfs_loads_only_what_it_uses(library: Library, tmp_path: Path):
    from reportlab.pdfgen.canvas import Canvas

    from casefile.core.evidence import add_files

    number = filed_case(library).number
    folder = tmp_path / "statements"
    folder.mkdir()
    for i in range(2):
        canvas = Canvas(str(folder / f"statement-{i}.pdf"), invariant=1)
        canvas.drawString(72, 720, f"Statement {i}")
        canvas.showPage()
        canvas.save()
    list(add_files(library, number, [folder]))  # screened as they are added
    library.close()
    argv = ["--library", str(library.root), "--operator", "测试员", "bundle", number, "--venue", "court", "--force"]
    code, loaded, out, err = modules_loaded(argv, NOT_FOR_A_BUNDLE)
    assert (code, loaded) == (0, []), err
    assert out.splitlines()[-1].endswith(" pages")


def test_reportlab_paragraphs_load_without_compiling_the_address_pattern():
    """ReportLab's pattern for web addresses (30-55 ms to compile) is compiled when first used."""
    import subprocess
    import sys

    code = (
        "import re, casefile.core.bundle\n"
        "from reportlab.platypus import paragraph\n"
        "print(paragraph.uri_pat.compiled, re.compile is re.__dict__['compile'])\n"
        "print(list(paragraph._uri_split_pairs('https://example.com/a/b')))\n"
        "print(paragraph.uri_pat.compiled)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    lazy, pairs, used = proc.stdout.splitlines()
    assert lazy == "False True"
    assert (
        pairs == "[('https://example.com/a/', 'b'), ('https://example.com/', 'a/b'), ('https://', 'example.com/a/b')]"
    )
    assert used == "True"


def test_the_lazy_pattern_matches_what_the_pattern_matches():
    import re

    from reportlab.platypus import paragraph

    from casefile.core.bundle.rlstart import URI_START, LazyPattern

    real = paragraph.uri_pat  # lazy or not, as this test process imported ReportLab
    pattern, flags = real.source if isinstance(real, LazyPattern) else (real.pattern, re.I)
    assert pattern.startswith(URI_START)
    compiled, lazy = re.compile(pattern, flags), LazyPattern(pattern, flags)
    assert not lazy.compiled
    for text in (
        "https://例子.中国/路径",
        "HTTP://Example.COM:8080/x?y",
        "ftp://1.2.3.4/",
        "not a uri",
        "http://-bad-.com",
    ):
        found, lazily = compiled.match(text), lazy.match(text)
        assert (found and found.groups()) == (lazily and lazily.groups())
    assert lazy.compiled
