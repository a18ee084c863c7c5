"""The walk-in registration runs without the app: case, photos, receipt; a stopped one is completed, not repeated."""

from __future__ import annotations

import re

import pytest
from PIL import Image
from pypdf import PdfReader

from casefile.core.bundle import BundleResult
from casefile.core.errors import CancelledError, RefusedError
from casefile.core.library import case_from_fields
from casefile.core.model import Party, PartyKind
from casefile.core.progress import CancelToken, Progress
from casefile.core.settings import Settings
from casefile.core.validate import DISPOSITIONS, HANDED_IN
from casefile.core.walkin import (
    INCOMPLETE,
    NOT_A_PICTURE,
    SOURCE,
    Registered,
    WalkInStep,
    register_walk_in,
    unusable_photos,
)


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


def test_what_was_handed_in_is_recorded_photographed_or_not_and_the_photos_are_the_store_s(library, tmp_path):
    """The clerk lists what the customer handed in (a paper photographed, an object not), with the count and
    whether the store kept it; the desk's photos are the store's own (门店拍摄, by the clerk), not the customer's."""
    import json

    from casefile.core.model import HandedItem
    from casefile.core.record import fold
    from casefile.core.verify import verify_case
    from casefile.core.walkin import Handed

    photo = tmp_path / "发票.jpg"
    Image.new("RGB", (64, 48), (30, 30, 200)).save(photo, "JPEG")
    handed = [
        Handed("购物发票", 1, "original", "returned", (photo,)),
        Handed("充电器", 2, "object", "kept"),
        Handed("  ", 1, "copy", "kept"),  # nothing named: not an item
    ]
    settings = Settings(org_name="幸福路数码店", operator="测试员")
    items = list(register_walk_in(library, settings, walk_in_case(), [photo], handed=handed))
    (number,) = [i.number for i in items if isinstance(i, Registered)]
    case = library.load_case(number)
    (exhibit,) = case.exhibits
    assert SOURCE == "门店拍摄" and exhibit.source == "门店拍摄" and exhibit.added_by == "测试员"
    assert case.handed_items == [
        HandedItem("购物发票", 1, "original", "returned", [exhibit.number]),
        HandedItem("充电器", 2, "object", "kept"),
    ]
    log = [json.loads(line) for line in (library.folder(number).path / "CUSTODY.jsonl").read_text("utf-8").splitlines()]
    assert fold(log).handed_items == case.handed_items  # recorded in the custody log, folded back
    assert list(verify_case(library, number))[-1].ok
    (built,) = [i for i in items if isinstance(i, BundleResult)]
    text = re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(built.files[0]).pages))
    assert "材料1购物发票纸质原件退回材料2充电器×2—实物留存" in text
    assert "证据1发票票据本店拍摄材料1" in text and "顾客出示" not in text


def test_a_case_with_nothing_handed_in_writes_no_list(library, tmp_path):
    """Old records and cases without the list are written as they were: no handed_items key."""
    items = list(register_walk_in(library, Settings(), walk_in_case()))
    (number,) = [i.number for i in items if isinstance(i, Registered)]
    assert library.load_case(number).handed_items == []
    assert "handed_items" not in (library.folder(number).path / "CUSTODY.jsonl").read_text("utf-8")
    assert "handed_items" not in (library.folder(number).path / "case.json").read_text("utf-8")


def test_a_half_sent_photo_or_a_file_named_as_one_is_refused_before_anything_is_registered(library, tmp_path):
    """A photo cut off mid-transfer, or a text named .jpg, is no photo of what the customer takes back: the desk
    says so, naming it, before the customer signs a receipt; a phone's photo with data after its end is kept."""
    whole = tmp_path / "IMG_0699.jpg"
    Image.new("RGB", (640, 480), (200, 30, 30)).save(whole, "JPEG", quality=95)
    cut = tmp_path / "IMG_0701.jpg"
    cut.write_bytes(whole.read_bytes()[:3000])
    text = tmp_path / "IMG_0700.jpg"
    text.write_text("not a photo\n")
    motion = tmp_path / "MVIMG_0702.jpg"  # a motion photo: the video after the picture's end
    motion.write_bytes(whole.read_bytes() + b"\x00\x00\x00\x18ftypmp42" + bytes(5000))
    settings = Settings(org_name="幸福路数码店", operator="测试员")
    for bad, said in ((cut, "incomplete"), (text, "not a picture")):
        with pytest.raises(RefusedError) as refused:
            list(register_walk_in(library, settings, walk_in_case(), [whole, bad]))
        assert bad.name in str(refused.value) and said in str(refused.value)
        assert whole.name not in str(refused.value)
        assert library.case_numbers() == []
    assert [(p.name, why) for p, why in unusable_photos([whole, cut, text, motion])] == [
        (cut.name, INCOMPLETE),
        (text.name, NOT_A_PICTURE),
    ]
    items = list(register_walk_in(library, settings, walk_in_case(), [whole, motion]))
    (registered,) = [i for i in items if isinstance(i, Registered)]
    assert len(library.load_case(registered.number).exhibits) == 2
