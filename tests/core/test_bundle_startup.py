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
