"""A case with no evidence files passes ``sha256sum -c MANIFEST.sha256``, the check its README.txt gives: the
manifest lists CASEFILE.txt, a file every case folder holds whose text never changes. Folders written before it
still verify; repair gives an empty manifest of one the line."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from casefile_testing import make_case

from casefile.core.library import Library
from casefile.core.manifest import ANCHOR_BYTES, ANCHOR_NAME, ANCHOR_SHA256, MANIFEST_NAME, read_manifest
from casefile.core.verify import CaseReport, verify_case

needs_sha256sum = pytest.mark.skipif(shutil.which("sha256sum") is None, reason="sha256sum is not on PATH")


def verify(library: Library, number: str) -> CaseReport:
    (report,) = [r for r in verify_case(library, number) if isinstance(r, CaseReport)]
    return report


def sha256sum(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["sha256sum", "-c", MANIFEST_NAME], cwd=folder, capture_output=True, text=True, check=False, timeout=60
    )


def test_a_new_case_lists_the_folders_fixed_file(library):
    folder = library.folder(make_case(library).number).path
    assert (folder / ANCHOR_NAME).read_bytes() == ANCHOR_BYTES
    assert read_manifest(folder) == ({ANCHOR_NAME: ANCHOR_SHA256}, [])


@needs_sha256sum
def test_a_case_without_evidence_passes_sha256sum_and_verify(library):
    number = make_case(library).number
    result = sha256sum(library.folder(number).path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == f"{ANCHOR_NAME}: OK\n"
    report = verify(library, number)
    assert report.ok and report.problems == []


def test_a_changed_fixed_file_is_reported(library):
    number = make_case(library).number
    (library.folder(number).path / ANCHOR_NAME).write_text("changed\n", "utf-8")
    report = verify(library, number)
    assert not report.ok
    assert any(ANCHOR_NAME in str(p) for p in report.problems)


def test_a_folder_written_before_the_fixed_file_still_verifies_and_repair_completes_an_empty_manifest(library):
    number = make_case(library).number
    folder = library.folder(number).path
    (folder / ANCHOR_NAME).unlink()  # as an older CaseFile left it
    (folder / MANIFEST_NAME).write_bytes(b"")
    report = verify(library, number)
    assert report.ok and report.problems == []
    library.repair(number)
    assert read_manifest(folder) == ({ANCHOR_NAME: ANCHOR_SHA256}, [])
    assert (folder / ANCHOR_NAME).read_bytes() == ANCHOR_BYTES
    assert verify(library, number).ok


@needs_sha256sum
def test_verify_says_why_sha256sum_fails_on_an_old_empty_case_and_what_to_run(library):
    """The old empty case verifies, but the check README.txt gives fails on its empty manifest: verify says so,
    with the command that mends it; once repaired, sha256sum passes and the note is gone."""
    number = make_case(library).number
    folder = library.folder(number).path
    (folder / ANCHOR_NAME).unlink()  # as an older CaseFile left it
    (folder / MANIFEST_NAME).write_bytes(b"")
    assert sha256sum(folder).returncode != 0
    report = verify(library, number)
    assert report.ok
    notes = [str(n) for n in report.notes]
    said = [n for n in notes if "sha256sum -c MANIFEST.sha256" in n]
    assert len(said) == 1, notes
    assert ANCHOR_NAME in said[0] and "no properly formatted checksum lines found" in said[0]
    assert f"casefile repair {number}" in said[0]
    library.repair(number)
    assert sha256sum(folder).returncode == 0
    assert not [n for n in verify(library, number).notes if "sha256sum" in str(n)]


def test_a_case_with_the_fixed_file_gets_no_such_note(library):
    number = make_case(library).number
    assert not [n for n in verify(library, number).notes if "sha256sum" in str(n)]


def test_the_readme_explains_the_fixed_file_in_both_languages_and_old_readmes_still_verify(library):
    from casefile.core.library import CASE_README, CASE_READMES, README_NAME

    number = make_case(library).number
    folder = library.folder(number).path
    text = (folder / README_NAME).read_text("utf-8")
    assert text == CASE_README
    line = next(i for i, x in enumerate(text.splitlines()) if x.strip().startswith(ANCHOR_NAME))
    explained = " ".join(text.splitlines()[line : line + 2])
    assert "列于清单中" in explained and "listed in the manifest" in explained
    assert "casefile repair" in text
    # A README an earlier release wrote, without the line, is still CaseFile's text.
    for old in CASE_READMES[1:]:
        assert ANCHOR_NAME not in old
        (folder / README_NAME).write_text(old, "utf-8")
        assert verify(library, number).ok
