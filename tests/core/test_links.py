"""A case file replaced by a link to a file elsewhere is not a file of the case.

Before, an exhibit replaced by a symbolic link to an identical file outside the case folder
verified OK, though a copy of the folder would no longer hold its bytes.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from casefile_testing import make_case

from casefile.core.bundle import BundleOptions, Venue, build_bundle
from casefile.core.custody import LOG_NAME
from casefile.core.errors import IntegrityError
from casefile.core.evidence import add_files
from casefile.core.library import Library
from casefile.core.settings import Settings
from casefile.core.verify import CaseReport, verify_case

pytestmark = pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="symbolic links")

OPTIONS = BundleOptions(venue=Venue.CONSUMER_ASSOCIATION, force=True)


def verify(library: Library, number: str) -> CaseReport:
    report = list(verify_case(library, number))[-1]
    assert isinstance(report, CaseReport)
    return report


def _replace_with_link(path: Path, outside: Path) -> None:
    shutil.copyfile(path, outside)  # the same bytes, elsewhere
    os.chmod(path.parent, 0o700)
    path.unlink()
    path.symlink_to(outside)


@pytest.fixture
def case_number(library: Library, files: Path) -> str:
    case = make_case(
        library, facts="收货时外包装破损", respondent={"kind": "organisation", "name": "某店", "address": "某路1号"}
    )
    list(add_files(library, case.number, [files / "破损照片.jpg"]))
    return case.number


def test_an_exhibit_replaced_by_a_link_does_not_verify_and_is_not_bundled(library, case_number, tmp_path):
    exhibit = library.load_case(case_number).exhibits[0]
    _replace_with_link(library.cases_dir / case_number / exhibit.stored_path, tmp_path / "outside.jpg")

    report = verify(library, case_number)
    assert not report.ok
    assert [(f.path, f.status.value) for f in report.files] == [(exhibit.stored_path, "link")]
    assert any("is a link" in str(p) and str(tmp_path / "outside.jpg") in str(p) for p in report.problems)

    with pytest.raises(IntegrityError, match="a link to a file elsewhere"):
        list(build_bundle(library, case_number, OPTIONS, Settings()))


def test_a_bundle_replaced_by_a_link_does_not_verify_and_repair_moves_it_aside(library, case_number, tmp_path):
    list(build_bundle(library, case_number, OPTIONS, Settings()))
    folder = library.cases_dir / case_number
    entries = [json.loads(line) for line in (folder / LOG_NAME).read_text("utf-8").splitlines()]
    name = next(e for e in entries if e["action"] == "bundle")["details"]["files"][0]["name"]
    _replace_with_link(folder / name, tmp_path / "outside.pdf")

    report = verify(library, case_number)
    assert not report.ok and (name, "link") in [(f.path, f.status.value) for f in report.files]

    result = library.repair(case_number)
    assert [(b.name, b.found) for b in result.lost_bundles] == [(name, "modified")]
    assert not os.path.lexists(folder / name)
    assert verify(library, case_number).ok
