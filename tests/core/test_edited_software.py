"""Transfer software is not editing: Nikon Transfer, ZoomBrowser, EOS Utility, Picasa or a phone's gallery
rewriting a photo's EXIF time leaves it unflagged; GIMP, Photoshop, Snapseed, 美图 or 醒图 saving it flags it,
at ingest and in the preflight, which judges old exhibits again from the software their metadata recorded."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

import pytest
from casefile_testing import chinese
from PIL import Image
from preflight_cases import complete_case, run

from casefile.core.bundle.context import Venue
from casefile.core.evidence import AddResult, add_files
from casefile.core.metadata import FLAG_EDITED, edited_note, extract, judge_edited
from casefile.core.model import ExhibitMetadata

CAPTURED = "2024:05:10 14:30:12"
REWRITTEN = "2024:06:01 09:00:00"  # the EXIF DateTime, rewritten three weeks after capture

NOT_EDITORS = [
    "Nikon Transfer 1.1 W",
    "Nikon Transfer 2.13.1 W",
    "ViewNX 2.10.3 W",
    "Canon ZoomBrowser EX 6.5",
    "EOS Utility 3.16",
    "Picasa 3.9",
    "Microsoft Windows Photo Gallery 6.0.6001.18000",
    "PMB Service Uploader",
    "Samsung Gallery",
    "MIUI Gallery",
    "相册",
    "Ver.1.00",
    "HDR+ 1.0.540104767zd",
]
EDITORS = [
    "GIMP 2.10.36",
    "Adobe Photoshop 25.0 (Windows)",
    "Adobe Photoshop Lightroom Classic 13.0",
    "Snapseed 2.0",
    "美图秀秀",
    "醒图",
    "PicsArt",
    "Meitu",
]


def photo(path: Path, software: str) -> Path:
    exif = Image.Exif()
    exif[0x0131] = software if software.isascii() else software.encode()  # Chinese apps write UTF-8 there
    exif[0x0132] = REWRITTEN
    exif.get_ifd(0x8769)[0x9003] = CAPTURED
    Image.new("RGB", (64, 48), (180, 40, 40)).save(path, "JPEG", exif=exif.tobytes())
    return path


def read(path: Path):
    return extract(path, "image/jpeg", original_name=path.name, file_modified_at=None, added_at=datetime.now(UTC))


@pytest.mark.parametrize("software", NOT_EDITORS)
def test_transfer_and_gallery_software_is_not_editing_at_ingest(tmp_path, software):
    found = read(photo(tmp_path / "p.jpg", software))
    assert found.metadata.software == software.strip()
    assert FLAG_EDITED not in found.flags
    assert found.metadata.edited == ""


@pytest.mark.parametrize("software", EDITORS)
def test_editors_are_flagged_at_ingest(tmp_path, software):
    found = read(photo(tmp_path / "p.jpg", software))
    assert FLAG_EDITED in found.flags
    assert found.metadata.edited == f"saved by {software}"


def test_a_time_rewritten_by_a_program_that_names_nothing_is_still_a_sign():
    assert judge_edited("", "2024-06-01T09:00:00") == "changed at 2024-06-01T09:00:00"
    assert judge_edited("Nikon Transfer 1.1 W", "2024-06-01T09:00:00") == ""
    assert judge_edited("GIMP 2.10.36") == "saved by GIMP 2.10.36"


@pytest.mark.corpus
def test_real_camera_files(corpus):
    images = corpus / "images"
    for transferred in ("gps/DSCN0010.jpg", "tests/28-hex_value.jpg", "tests/45-gps_ifd.jpg"):
        assert FLAG_EDITED not in read(images / transferred).flags, transferred
    for edited in ("Canon_40D.jpg", "xmp/BlueSquare.jpg"):
        assert FLAG_EDITED in read(images / edited).flags, edited


def test_ingest_into_a_case(library, case, tmp_path):
    transferred = photo(tmp_path / "DSCN0010.jpg", "Nikon Transfer 1.1 W")
    retouched = photo(tmp_path / "retouched.jpg", "GIMP 2.10.36")
    added = [r.exhibit for r in add_files(library, case.number, [transferred, retouched]) if isinstance(r, AddResult)]
    flags = {e.original_name: e.flags for e in added}
    assert FLAG_EDITED not in flags["DSCN0010.jpg"]
    assert FLAG_EDITED in flags["retouched.jpg"]
    record = library.load_case(case.number)
    codes = {
        f.code: f
        for f in run(
            dataclasses.replace(complete_case(), exhibits=record.ordered_exhibits()),
            Venue.COURT,
        )
    }
    assert codes["flag-edited"].exhibits == (2,)
    assert chinese(codes["flag-edited"].message).startswith("证据2（案卷编号2，GIMP 2.10.36）：")


# An exhibit flagged by the rule before this one: Nikon Transfer's rewritten time counted as an edit.
OLD_NIKON = ExhibitMetadata(software="Nikon Transfer 1.1 W", edited="changed at 2008-11-01T21:15:07")
OLD_GIMP = ExhibitMetadata(software="GIMP 2.4.5", edited="saved by GIMP 2.4.5")
OLD_UNNAMED = ExhibitMetadata(edited="changed at 2024-06-01T09:00:00")


def test_the_preflight_judges_old_exhibits_again():
    assert edited_note(OLD_NIKON) == ""
    assert edited_note(OLD_GIMP) == "saved by GIMP 2.4.5"
    assert edited_note(OLD_UNNAMED) == "changed at 2024-06-01T09:00:00"
    case = complete_case()
    case.exhibits[0] = dataclasses.replace(case.exhibits[0], flags=["edited"], metadata=OLD_NIKON)
    assert "flag-edited" not in {f.code for f in run(case, Venue.COURT)}
    case.exhibits[0] = dataclasses.replace(case.exhibits[0], flags=["edited"], metadata=OLD_GIMP)
    (finding,) = [f for f in run(case, Venue.COURT) if f.code == "flag-edited"]
    assert finding.exhibits == (1,) and finding.field == "exhibits.1"
    case.exhibits[0] = dataclasses.replace(case.exhibits[0], flags=["edited"], metadata=OLD_UNNAMED)
    assert "flag-edited" in {f.code for f in run(case, Venue.COURT)}
