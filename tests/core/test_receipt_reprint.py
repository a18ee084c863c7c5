"""A walk-in receipt printed again (spec §7(e)): 补打 when nothing it prints changed, 更正 with the next edition when
something did, and what the customer handed in at a later visit listed apart, with when it was received."""

from __future__ import annotations

import dataclasses
import re
from datetime import datetime, timedelta
from pathlib import Path

from pypdf import PdfReader
from test_receipt import CST, MASKED, PHONE, exhibit, make_context

from casefile.core.bundle.context import ExhibitEntry
from casefile.core.bundle.receipt import render_receipt
from casefile.core.bundle.receipt_history import Change, Issued, ReceiptEdition, receipt_edition, receipt_facts
from casefile.core.custody import GENESIS, make_entry
from casefile.core.model import EvidenceKind, HandedItem, to_data
from casefile.core.record.fold import creation_details

FIRST = datetime(2026, 11, 20, 10, 45, tzinfo=CST)  # the walk-in's receipt
NEXT_DAY = datetime(2026, 11, 21, 9, 30, tzinfo=CST)


class Log:
    """A custody log written entry by entry, each at the time given."""

    def __init__(self) -> None:
        self.entries: list[dict] = []

    def add(self, action: str, details: dict, at: datetime) -> None:
        prev = self.entries[-1]["hash"] if self.entries else GENESIS
        self.entries.append(make_entry(len(self.entries) + 1, prev, action, "王店员", details, at=at))

    def receipt(self, at: datetime, edition: int | None = None) -> None:
        details: dict = {"venue": "receipt", "files": [], "layout": "a5"}
        if edition is not None:
            details["receipt"] = {"edition": edition}
        self.add("bundle", details, at)


def walk_in() -> tuple[Log, object]:
    case = make_context().case
    case.exhibits = []
    case.handed_items = [HandedItem("购物小票", handed_in="original", disposition="returned")]
    log = Log()
    log.add("create", creation_details(case), datetime(2026, 11, 20, 10, 40, tzinfo=CST))
    log.receipt(FIRST)  # written before editions were recorded: counted as the first
    return log, case


def test_a_receipt_printed_again_unchanged_is_a_reprint_of_its_edition():
    log, _case = walk_in()
    edition = receipt_edition(log.entries)
    assert edition.reprint and not edition.corrected
    assert (edition.edition, edition.edition_issued_at, edition.issued) == (1, FIRST, (FIRST,))
    assert edition.details() == {"edition": 1, "previous": 2, "reissue": "reprint"}


def test_a_corrected_phone_makes_the_next_edition_naming_the_change_masked_on_the_customers_copy():
    log, case = walk_in()
    corrected = dataclasses.replace(case.complainant, phone="13812345687")
    log.add("update", {"fields": {"complainant": to_data(corrected)}}, NEXT_DAY)
    edition = receipt_edition(log.entries)
    assert edition.corrected and edition.edition == 2
    assert edition.changes == (Change("电话", PHONE, "13812345687"),)
    assert edition.customer_changes == (Change("电话", MASKED, "138****5687"),)
    assert edition.details() == {"edition": 2, "previous": 2, "reissue": "correction", "changed": ["电话"]}

    # The second edition issued, then printed again unchanged: a reprint of it, dated when it was issued.
    log.receipt(NEXT_DAY + timedelta(minutes=1), edition=2)
    again = receipt_edition(log.entries)
    assert again.reprint and again.edition == 2
    assert again.edition_issued_at == NEXT_DAY + timedelta(minutes=1)


def test_things_handed_in_later_are_dated_when_recorded_and_a_list_changed_is_a_correction():
    log, case = walk_in()
    items = [*case.handed_items, HandedItem("发票", handed_in="original", disposition="kept")]
    log.add("update", {"fields": {"handed_items": [to_data(i) for i in items]}}, NEXT_DAY)
    edition = receipt_edition(log.entries)
    assert edition.handed_at == {"购物小票": datetime(2026, 11, 20, 10, 40, tzinfo=CST), "发票": NEXT_DAY}
    assert [c.label for c in edition.changes] == ["收取材料清单"]


def test_the_facts_compared_are_what_the_receipt_prints():
    case = make_context().case
    facts = receipt_facts(case)
    assert facts["电话"] == PHONE and facts["受理时间"] == "2026-11-20 10:30" and facts["金额"] == "3,299.00 元"
    assert "屏幕裂纹照片" in facts["收取材料清单"]


def text_of(path: Path) -> list[str]:
    return [re.sub(r"\s+", "", page.extract_text()) for page in PdfReader(path).pages]


def test_a_correction_prints_the_edition_what_changed_and_that_the_earlier_receipt_is_void(tmp_path: Path):
    ctx = make_context()
    ctx.generated_at = NEXT_DAY
    previous = Issued(2, FIRST, 1, {}, {})
    ctx.receipt = ReceiptEdition(
        edition=2,
        previous=previous,
        changes=(Change("电话", PHONE, "13812345687"), Change("收取材料清单")),
        customer_changes=(Change("电话", MASKED, "138****5687"), Change("收取材料清单")),
        issued=(FIRST,),
    )
    for layout in ("a5", "80mm"):
        pages = render_receipt(ctx, tmp_path / f"{layout}.pdf", layout)
        customer, store = text_of(tmp_path / f"{layout}.pdf")
        assert pages == 2  # one page a copy, as the first receipt
        for page in (customer, store):
            assert "回执编号202611-001（第2版）" in page
            assert "本回执于2026-11-2109:30更正，原于2026-11-2010:45出具的回执作废" in page
        assert f"电话{MASKED}改为138****5687；收取材料清单" in customer and PHONE not in customer
        assert f"电话{PHONE}改为13812345687；收取材料清单" in store


def test_a_reprint_says_so_and_keeps_the_number(tmp_path: Path):
    ctx = make_context()
    ctx.generated_at = NEXT_DAY
    ctx.receipt = ReceiptEdition(edition=1, previous=Issued(2, FIRST, 1, {}, {}), edition_issued_at=FIRST)
    render_receipt(ctx, tmp_path / "r.pdf", "a5")
    customer, store = text_of(tmp_path / "r.pdf")
    for page in (customer, store):
        assert "补打本回执为2026-11-2010:45出具的回执的补打，内容未变。" in page
        assert "回执编号202611-001受理时间" in page and "第1版" not in page


def test_materials_handed_in_at_a_later_visit_are_listed_apart_with_when_they_were_received(tmp_path: Path):
    ctx = make_context(exhibits=2)  # 证据1 屏幕裂纹照片 and 证据2 购物小票, added at the first visit
    later = dataclasses.replace(exhibit(3, "发票照片", EvidenceKind.RECEIPT), added_at=NEXT_DAY, source="本店拍摄")
    later.handed_in, later.disposition = "copy", "kept"
    ctx.case.exhibits.append(later)
    ctx.entries.append(ExhibitEntry(later, later.label))
    ctx.case.handed_items = [
        HandedItem("手机", handed_in="object", disposition="returned", photos=[1]),
        HandedItem("保修卡", handed_in="original", disposition="returned"),
    ]
    ctx.generated_at = NEXT_DAY + timedelta(minutes=5)
    ctx.receipt = ReceiptEdition(
        edition=2,
        previous=Issued(5, FIRST, 1, {}, {}),
        changes=(Change("收取材料清单"),),
        customer_changes=(Change("收取材料清单"),),
        issued=(FIRST,),
        handed_at={"手机": FIRST - timedelta(minutes=5), "保修卡": NEXT_DAY + timedelta(minutes=2)},
    )
    for layout in ("a5", "80mm"):
        pages = render_receipt(ctx, tmp_path / f"{layout}.pdf", layout)
        assert pages == 2
        for page in text_of(tmp_path / f"{layout}.pdf"):
            first = page.split("收取材料清单（受理时收取，共2项）")[1].split("补交材料")[0]
            assert "手机" in first and "保修卡" not in first and "发票" not in first
            later_items = page.split("补交材料（2026-11-2109:30收取，共2项）")[1].split("本店拍摄照片")[0]
            assert "保修卡" in later_items and "发票" in later_items
            assert "补拍照片（2026-11-2109:30拍摄，共1张）" in page


def test_a_material_recorded_while_the_customer_is_still_at_the_desk_is_of_the_first_visit(tmp_path: Path):
    ctx = make_context()
    ctx.case.handed_items = [HandedItem("保修卡", handed_in="original", disposition="returned")]
    ctx.receipt = ReceiptEdition(
        edition=2,
        previous=Issued(5, FIRST, 1, {}, {}),
        changes=(Change("收取材料清单"),),
        customer_changes=(Change("收取材料清单"),),
        issued=(FIRST,),
        handed_at={"保修卡": FIRST + timedelta(minutes=3)},
    )
    render_receipt(ctx, tmp_path / "r.pdf", "a5")
    page = text_of(tmp_path / "r.pdf")[0]
    assert "收取材料清单（共" in page and "补交材料" not in page and "补拍照片" not in page


def test_a_photo_withdrawn_after_the_receipt_names_the_photos_list_not_the_materials(library, tmp_path: Path):
    """The store's photos are printed under 本店拍摄照片: withdrawing one changes that list, and the 更正 says so
    (the materials the customer handed in are the same)."""
    from PIL import Image

    from casefile.core.bundle import BundleOptions, Venue, build_bundle
    from casefile.core.evidence import AddOptions, add_files
    from casefile.core.settings import Settings
    from casefile.core.walkin import SOURCE

    photos = []
    for i, colour in enumerate([(200, 0, 0), (0, 0, 200)]):
        path = tmp_path / f"IMG_{i}.jpg"
        Image.new("RGB", (64, 48), colour).save(path, "JPEG")
        photos.append(path)
    case = make_context().case
    number = library.create_case(dataclasses.replace(case, number="", exhibits=[], handed_items=[])).number
    list(add_files(library, number, photos, AddOptions(source=SOURCE, purpose="")))
    with library.edit(number) as writer:
        items = [HandedItem("购物小票", handed_in="original", disposition="returned", photos=[1])]
        writer.update(dataclasses.replace(writer.case, handed_items=items))
    list(build_bundle(library, number, BundleOptions(Venue.RECEIPT, force=True), Settings(org_name="某某数码店")))
    with library.edit(number) as writer:
        writer.withdraw(2, "拍错了")
    edition = receipt_edition(library.load_verified_log(number)[1])
    assert [c.label for c in edition.changes] == ["本店拍摄照片"]


def test_a_photo_withdrawn_and_one_added_keep_their_numbers_and_the_correction_names_each(library, tmp_path: Path):
    """After the store withdraws a photo and takes another, each photo keeps the number the earlier receipt gave
    it (the case's own), on A5 and the roll, and 更正内容 says which was withdrawn and which added, by number and
    file, on both copies."""
    from PIL import Image

    from casefile.core.bundle import BundleOptions, BundleResult, Venue, build_bundle
    from casefile.core.evidence import AddOptions, add_files
    from casefile.core.settings import Settings
    from casefile.core.walkin import SOURCE

    photos = []
    for i, colour in enumerate([(200, 0, 0), (0, 0, 200), (0, 200, 0), (90, 90, 0), (0, 90, 90)]):
        path = tmp_path / f"IMG_041{i}.jpg"
        Image.new("RGB", (64, 48), colour).save(path, "JPEG")
        photos.append(path)
    case = make_context().case
    number = library.create_case(dataclasses.replace(case, number="", exhibits=[], handed_items=[])).number
    list(add_files(library, number, photos[:4], AddOptions(source=SOURCE, purpose="")))
    settings = Settings(org_name="某某数码店")
    list(build_bundle(library, number, BundleOptions(Venue.RECEIPT, force=True), settings))
    with library.edit(number) as writer:
        writer.withdraw(2, "照片损坏，重拍")
    list(add_files(library, number, photos[4:], AddOptions(source=SOURCE, purpose="")))
    for layout in ("a5", "80mm"):
        built = build_bundle(library, number, BundleOptions(Venue.RECEIPT, layout=layout, force=True), settings)
        (result,) = [b for b in built if isinstance(b, BundleResult)]
        copies = [re.sub(r"\s+", "", t) for t in text_of(result.files[0])]
        for text in (c for c in copies if "投诉受理回执" in c):
            if layout == "a5":  # the roll printed next is a reprint of this edition
                assert "更正内容：本店拍摄照片中证据2（IMG_0411）已撤回，新增证据5（IMG_0414）" in text
            photos_listed = text.split("本店拍摄照片（共")[1]
            assert "证据3IMG_0412" in photos_listed and "证据4IMG_0413" in photos_listed
            assert "证据5IMG_0414" in photos_listed and "IMG_0411" not in photos_listed
