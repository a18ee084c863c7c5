"""README.txt, the instructions for checking a case without CaseFile, is CaseFile's own text.

Before, a README rewritten inside an exported archive (so that its check read
``echo OK  # no check needed``) was imported as it was and verified OK, and so did one
edited in place.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from casefile_testing import make_case

from casefile.core.archive import export_case, import_case
from casefile.core.custody import LOG_NAME
from casefile.core.errors import CaseFileError
from casefile.core.evidence import add_files
from casefile.core.library import CASE_README, Library
from casefile.core.verify import CaseReport, verify_case

FORMAT1 = Path(__file__).parents[1] / "fixtures" / "format1"
FAKE = b"To check this case:\n  echo OK  # no check needed\n"


def verify(library: Library, number: str) -> CaseReport:
    report = list(verify_case(library, number))[-1]
    assert isinstance(report, CaseReport)
    return report


def _case(library: Library, files: Path) -> str:
    case = make_case(library)
    list(add_files(library, case.number, [files / "chat.txt"]))
    return case.number


def test_import_writes_casefiles_readme_not_the_archives(library, files, tmp_path):
    number = _case(library, files)
    archive = tmp_path / "case.zip"
    list(export_case(library, number, archive))
    rewritten = tmp_path / "rewritten.zip"
    with zipfile.ZipFile(archive) as src, zipfile.ZipFile(rewritten, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, FAKE if info.filename.endswith("/README.txt") else src.read(info))
    other = Library.open(tmp_path / "other", "另一人")
    try:
        list(import_case(other, rewritten))
        assert (other.cases_dir / number / "README.txt").read_text("utf-8") == CASE_README
        assert verify(other, number).ok
    finally:
        other.close()


def test_a_readme_edited_in_place_does_not_verify_and_repair_writes_it_again(library, files, tmp_path):
    number = _case(library, files)
    readme = library.cases_dir / number / "README.txt"
    readme.chmod(0o644)
    readme.write_bytes(FAKE)
    report = verify(library, number)
    assert not report.ok and not report.damaged  # the record is fine: nothing is quarantined
    assert any("README.txt" in str(p) and "casefile repair" in str(p) for p in report.problems)
    with pytest.raises(CaseFileError) as refused:  # export refuses it, naming the repair once
        list(export_case(library, number, tmp_path / "refused.zip"))
    assert str(refused.value.message).count("casefile repair") == 1

    result = library.repair(number)
    assert "README.txt" in result.rebuilt and result.kept
    assert readme.read_text("utf-8") == CASE_README
    assert (library.cases_dir / number / result.kept[0]).read_bytes() == FAKE  # kept beside it
    entries = [json.loads(line) for line in (library.cases_dir / number / LOG_NAME).read_text("utf-8").splitlines()]
    assert entries[-1]["action"] == "repair" and entries[-1]["details"]["rebuilt"] == ["README.txt"]
    assert verify(library, number).ok


def test_a_missing_readme_is_written_again(library, files):
    number = _case(library, files)
    (library.cases_dir / number / "README.txt").unlink()
    assert not verify(library, number).ok
    library.repair(number)
    assert verify(library, number).ok


def test_readmes_an_older_casefile_wrote_still_verify(tmp_path):
    root = tmp_path / "library"
    shutil.copytree(FORMAT1 / "library", root)
    old = (root / "cases" / "202611-001" / "README.txt").read_bytes()
    assert old != CASE_README.encode("utf-8")  # the first text, without the timestamps line
    library = Library.open(root, "测试员")
    try:
        for number in library.case_numbers():
            assert not any("README" in str(p) for p in verify(library, number).problems)
        # Line ends turned into CRLF by a copy made on Windows do not change the instructions.
        readme = root / "cases" / "202611-001" / "README.txt"
        readme.chmod(0o644)
        readme.write_bytes(old.replace(b"\n", b"\r\n"))
        assert not any("README" in str(p) for p in verify(library, "202611-001").problems)
    finally:
        library.close()
