"""A generated bundle lost or altered is recorded as such; it never locks the case out of export.

A bundle is CaseFile's output, not evidence: the packet can be made again from the evidence.
Before, deleting or editing one made the case fail verification for good — export refused it
and repair found "nothing to repair".
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from casefile_testing import make_case

from casefile.cli import main
from casefile.core.archive import export_case, import_case
from casefile.core.bundle import BundleOptions, Venue, build_bundle
from casefile.core.custody import LOG_NAME
from casefile.core.errors import CaseFileError
from casefile.core.evidence import add_files
from casefile.core.library import Library
from casefile.core.settings import Settings
from casefile.core.verify import CaseReport, FileStatus, verify_case

SET_ASIDE_DIR = "set-aside"  # casefile.core.library.SET_ASIDE_DIR
BUNDLE_LOST = "bundle-lost"  # casefile.core.record.BUNDLE_LOST


def verify(library: Library, number: str) -> CaseReport:
    report = list(verify_case(library, number))[-1]
    assert isinstance(report, CaseReport)
    return report


@pytest.fixture
def bundled(library: Library, files: Path) -> tuple[str, Path]:
    """A case with a photo and one consumer-association bundle; its packet PDF."""
    case = make_case(
        library, facts="收货时外包装破损", respondent={"kind": "organisation", "name": "某店", "address": "某路1号"}
    )
    list(add_files(library, case.number, [files / "破损照片.jpg"]))
    list(build_bundle(library, case.number, BundleOptions(venue=Venue.CONSUMER_ASSOCIATION, force=True), Settings()))
    folder = library.cases_dir / case.number
    entries = [json.loads(line) for line in (folder / LOG_NAME).read_text("utf-8").splitlines()]
    packet = next(
        folder / name
        for entry in entries
        if entry["action"] == "bundle"
        for name in (f["name"] for f in entry["details"]["files"])
    )
    assert verify(library, case.number).ok
    return case.number, packet


def _entries(library: Library, number: str) -> list[dict]:
    return [json.loads(line) for line in (library.cases_dir / number / LOG_NAME).read_text("utf-8").splitlines()]


def test_a_deleted_bundle_is_recorded_as_lost_and_the_case_exports_again(library, bundled, tmp_path, capsys):
    number, packet = bundled
    packet.unlink()
    report = verify(library, number)
    assert not report.ok and not report.damaged
    assert any("casefile repair" in str(n) for n in report.notes)  # it says what to do
    with pytest.raises(CaseFileError, match="casefile repair"):  # and so does export, refusing it
        list(export_case(library, number, tmp_path / "refused.zip"))

    result = library.repair(number)
    assert result.rebuilt == [] and [(b.name, b.found) for b in result.lost_bundles] == [
        (f"bundles/{packet.name}", "missing")
    ]
    lost = [e for e in _entries(library, number) if e["action"] == BUNDLE_LOST]
    assert len(lost) == 1 and lost[0]["operator"] == library.operator and lost[0]["at"]
    assert lost[0]["details"]["files"][0]["name"] == f"bundles/{packet.name}"

    report = verify(library, number)
    assert report.ok, report.summary()
    assert any(packet.name in str(n) and "lost" in str(n) for n in report.notes)
    archive = tmp_path / "p2.zip"
    list(export_case(library, number, archive))
    other = Library.open(tmp_path / "other", "另一人")
    try:
        list(import_case(other, archive))
        assert verify(other, number).ok
    finally:
        other.close()
    # Nothing more to repair, and a new bundle is simply made.
    assert library.repair(number).lost_bundles == []
    list(build_bundle(library, number, BundleOptions(venue=Venue.CONSUMER_ASSOCIATION, force=True), Settings()))
    assert verify(library, number).ok


def test_an_altered_bundle_is_moved_aside_with_its_hash_recorded(library, bundled, capsys):
    number, packet = bundled
    os.chmod(packet, 0o644)
    data = bytearray(packet.read_bytes())
    data[100] ^= 0xFF
    packet.write_bytes(bytes(data))
    assert verify(library, number).count(FileStatus.MODIFIED) == 1

    assert main(["--library", str(library.root), "repair", number]) == 0
    out = capsys.readouterr().out
    assert "ALTERED" in out and SET_ASIDE_DIR in out
    assert not packet.exists()  # nothing altered stays in bundles/ looking like the real one
    aside = list((library.cases_dir / number / SET_ASIDE_DIR).iterdir())
    assert len(aside) == 1 and aside[0].read_bytes() == bytes(data)  # kept, not deleted
    item = [e for e in _entries(library, number) if e["action"] == BUNDLE_LOST][0]["details"]["files"][0]
    assert item["found"] == "modified" and item["set_aside"] == f"{SET_ASIDE_DIR}/{aside[0].name}"
    assert item["actual_sha256"] == hashlib.sha256(bytes(data)).hexdigest()
    assert verify(library, number).ok
    assert main(["--library", str(library.root), "verify", number]) == 0
    assert "recorded as altered" in capsys.readouterr().out


def test_the_bundles_listed_say_which_file_was_recorded_lost(library, bundled, capsys):
    from casefile.core.bundle.history import FileState, bundle_files

    number, packet = bundled
    os.chmod(packet, 0o644)
    packet.write_bytes(b"not the packet")
    library.repair(number)
    (made,) = [m for m in bundle_files(library, number) if m.name == packet.name]
    assert made.state is FileState.LOST and made.lost is not None
    assert made.lost.set_aside.startswith(SET_ASIDE_DIR) and made.lost.operator == library.operator
    capsys.readouterr()
    assert main(["--library", str(library.root), "show", number]) == 0
    line = next(line for line in capsys.readouterr().out.splitlines() if packet.name in line)
    assert line.endswith("(recorded as lost in the custody log)")


def test_a_lost_bundle_put_back_intact_verifies_and_a_new_one_of_the_same_name_is_expected_again():
    from casefile.core.record.history import bundle_files

    made = {"name": "bundles/a.pdf", "sha256": "1" * 64}
    entries = [
        {"seq": 1, "action": "bundle", "details": {"files": [made]}},
        {"seq": 2, "action": BUNDLE_LOST, "details": {"files": [{**made, "found": "missing"}]}},
    ]
    expected, lost = bundle_files(entries)
    assert expected == {} and lost["bundles/a.pdf"].seq == 2
    # A loss naming another hash excuses nothing.
    other = {"seq": 3, "action": BUNDLE_LOST, "details": {"files": [{"name": "bundles/b.pdf", "sha256": "2" * 64}]}}
    assert bundle_files([entries[0], other]) == ({"bundles/a.pdf": "1" * 64}, {})
    again = {"seq": 3, "action": "bundle", "details": {"files": [{**made, "sha256": "3" * 64}]}}
    assert bundle_files([*entries, again]) == ({"bundles/a.pdf": "3" * 64}, {})
