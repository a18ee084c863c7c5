"""The walk-in registration runs without the app: case, photos, receipt; a stopped one is completed, not repeated."""

from __future__ import annotations

import pytest
from PIL import Image
from pypdf import PdfReader

from casefile.core.bundle import BundleResult
from casefile.core.errors import CancelledError
from casefile.core.library import case_from_fields
from casefile.core.model import Party, PartyKind
from casefile.core.progress import CancelToken, Progress
from casefile.core.settings import Settings
from casefile.core.validate import DISPOSITIONS, HANDED_IN
from casefile.core.walkin import SOURCE, Registered, WalkInStep, register_walk_in


def walk_in_case():
    case = case_from_fields(
        {"title": "电动牙刷无法开机", "complained_at": "2026-11-20T10:00+08:00", "channel": "store", "type": "quality"}
    )
    case.complainant = Party(kind=PartyKind.PERSON, name="王芳", phone="13912345678")
    return case


def test_a_walk_in_is_registered_with_its_photos_and_a_receipt(library, tmp_path):
    photo = tmp_path / "牙刷.jpg"
    Image.new("RGB", (64, 48), (200, 30, 30)).save(photo, "JPEG")
    settings = Settings(org_name="幸福路数码店", operator="测试员")
    mark = (HANDED_IN[0], DISPOSITIONS[0])
    items = list(register_walk_in(library, settings, walk_in_case(), [photo], handed_over={photo: mark}))
    (registered,) = [i for i in items if isinstance(i, Registered)]
    steps = [i for i in items if isinstance(i, WalkInStep)]
    assert steps == [WalkInStep.CASE, WalkInStep.PHOTOS, WalkInStep.RECEIPT]
    done = [i.done for i in items if isinstance(i, Progress)]
    assert done == sorted(done) and done[-1] == 100
    case = library.load_case(registered.number)
    (exhibit,) = case.exhibits
    assert exhibit.source == SOURCE and (exhibit.handed_in, exhibit.disposition) == mark
    (built,) = [i for i in items if isinstance(i, BundleResult)]
    assert "王芳" in "".join(page.extract_text() for page in PdfReader(built.files[0]).pages)


def test_a_stopped_registration_is_completed_not_repeated(library, tmp_path):
    token = CancelToken()
    registered = None
    with pytest.raises(CancelledError):
        for item in register_walk_in(library, Settings(), walk_in_case(), cancel=token):
            if isinstance(item, Registered):
                registered = item.number
                token.cancel()  # the clerk pressed Esc once the case existed
    assert registered is not None and library.case_numbers() == [registered]
    items = list(register_walk_in(library, Settings(), walk_in_case(), existing=registered))
    assert [i.number for i in items if isinstance(i, Registered)] == [registered]
    assert library.case_numbers() == [registered]
    assert any(isinstance(i, BundleResult) for i in items)
