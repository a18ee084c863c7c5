"""A bundle's files are named in the user's language, safely for Windows, never twice the same."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from casefile_testing import filed_case

from casefile.core.archive import export_case, import_case
from casefile.core.bundle import BundleOptions, BundleResult, Venue, build_bundle
from casefile.core.bundle.history import FileState, bundle_files
from casefile.core.bundle.naming import bundle_names
from casefile.core.library import Library
from casefile.core.settings import Settings
from casefile.core.venues import Route
from casefile.core.verify import FileStatus, verify_case

AT = datetime(2026, 11, 29, 15, 30, 12)
CHINESE = Settings(org_name="某某数码科技有限公司")
ENGLISH = replace(CHINESE, language="en")
WINDOWS_REFUSES = re.compile(r'[<>:"/\\|?*\x00-\x1f]|[. ]$')


@pytest.mark.parametrize(
    ("venue", "route", "chinese", "english"),
    [
        (Venue.CONSUMER_ASSOCIATION, None, "消费投诉-202611-001", "202611-001-consumer-association"),
        (
            Venue.CONSUMER_ASSOCIATION,
            Route.MARKET_REGULATOR,
            "12315投诉-202611-001",
            "202611-001-consumer-association-12315",
        ),
        (Venue.COURT, None, "民事起诉状及证据-202611-001", "202611-001-court"),
        (Venue.ARBITRATION, None, "仲裁申请-202611-001", "202611-001-arbitration"),
        (Venue.COURIER_CLAIM, Route.CARRIER, "快递理赔申请-202611-001", "202611-001-courier-claim"),
        (Venue.COURIER_CLAIM, Route.POSTAL_REGULATOR, "邮政业用户申诉-202611-001", "202611-001-courier-claim-12305"),
        (Venue.RECEIPT, None, "投诉受理回执-202611-001", "202611-001-receipt"),
    ],
)
def test_each_venue_is_named_for_what_its_packet_holds(venue, route, chinese, english) -> None:
    zh = bundle_names("202611-001", venue, route, AT, "zh_CN")
    en = bundle_names("202611-001", venue, route, AT, "en")
    assert zh.packet() == f"{chinese}-20261129-153012.pdf"
    assert en.packet() == f"{english}-20261129-153012.pdf"
    names = [
        *(n.packet(v, 3) for n in (zh, en) for v in (1, 3)),
        *(n.guidance() for n in (zh, en)),
        *(n.disclosure() for n in (zh, en)),
        *(n.receipt(layout) for n in (zh, en) for layout in ("a5", "80mm")),
        zh.component("证据-第2册"),
    ]
    assert not [name for name in names if WINDOWS_REFUSES.search(name)]
    assert zh.packet(2, 3) == f"{chinese}-20261129-153012-第2册-共3册.pdf"
    assert en.packet(2, 3) == f"{english}-20261129-153012-vol2of3.pdf"
    assert (zh.guidance(), en.guidance()) == (
        f"{chinese}-20261129-153012-办理指引.pdf",
        f"{english}-20261129-153012-guidance.pdf",
    )
    assert (zh.disclosure(), en.disclosure()) == (
        f"{chinese}-20261129-153012-信息披露报告.txt",
        f"{english}-20261129-153012.disclosure.txt",
    )
    assert (zh.receipt("80mm"), en.receipt("80mm")) == (
        f"{chinese}-20261129-153012-80mm.pdf",
        f"{english}-20261129-153012-80mm.pdf",
    )


def test_a_bundle_made_in_the_same_second_gets_a_name_of_its_own() -> None:
    first = bundle_names("202611-001", Venue.COURT, None, AT, "zh_CN")
    taken = {first.packet(1, 2), first.packet(2, 2), first.guidance(), first.disclosure()}
    second = bundle_names("202611-001", Venue.COURT, None, AT, "zh_CN", taken)
    assert second.base == first.base + "-2"
    taken |= {second.packet(), second.disclosure()}
    assert bundle_names("202611-001", Venue.COURT, None, AT, "zh_CN", taken).base == first.base + "-3"
    # Another venue, or the same one a second later, is free.
    assert bundle_names("202611-001", Venue.ARBITRATION, None, AT, "zh_CN", taken).base.startswith("仲裁申请-")
    later = AT.replace(second=13)
    assert bundle_names("202611-001", Venue.COURT, None, later, "zh_CN", taken).base.endswith("-153013")


def build(library: Library, number: str, options: BundleOptions, settings: Settings) -> BundleResult:
    return [r for r in build_bundle(library, number, options, settings) if isinstance(r, BundleResult)][0]


def test_the_files_are_named_in_the_language_set_and_verify_export_and_import(library, tmp_path) -> None:
    number = filed_case(library, complainant={"name": "张三", "phone": "13812345678"}).number
    zh = build(library, number, BundleOptions(Venue.CONSUMER_ASSOCIATION, force=True), CHINESE)
    en = build(library, number, BundleOptions(Venue.CONSUMER_ASSOCIATION, force=True), ENGLISH)
    receipts = [build(library, number, BundleOptions(Venue.RECEIPT, force=True), CHINESE) for _ in range(3)]

    assert zh.files[0].name.startswith(f"消费投诉-{number}-") and zh.files[0].name.endswith(".pdf")
    assert zh.guidance_file is not None and zh.guidance_file.name.endswith("-办理指引.pdf")
    assert zh.disclosure_file is not None and zh.disclosure_file.name.endswith("-信息披露报告.txt")
    assert en.files[0].name.startswith(f"{number}-consumer-association-")
    assert en.guidance_file is not None and en.guidance_file.name.endswith("-guidance.pdf")
    assert en.disclosure_file is not None and en.disclosure_file.name.endswith(".disclosure.txt")
    # Receipts made one after the other, in the same second or not, never share a name.
    names = [r.files[0].name for r in receipts]
    assert len(set(names)) == 3 and all(n.startswith(f"投诉受理回执-{number}-") for n in names)
    assert all(p.exists() for r in receipts for p in r.files)

    report = list(verify_case(library, number))[-1]
    assert report.ok, report.summary()
    bundles = [f for f in report.files if f.path.startswith("bundles/")]
    assert len(bundles) == 3 + 3 + 3 * 2 and all(f.status is FileStatus.INTACT for f in bundles)
    assert all(f.state is FileState.PRESENT for f in bundle_files(library, number))

    archive = tmp_path / "case.zip"
    list(export_case(library, number, archive))
    other = Library.open(tmp_path / "other", "测试员")
    try:
        list(import_case(other, archive))
        imported = bundle_files(other, number)
        assert {f.name for f in imported} == {
            p.name for r in (zh, en, *receipts) for p in (*r.files, *([r.guidance_file] if r.guidance_file else []))
        }
        assert all(f.state is FileState.PRESENT for f in imported)
        assert list(verify_case(other, number))[-1].ok
    finally:
        other.close()


def test_the_names_hold_no_character_windows_refuses(library: Library) -> None:
    number = filed_case(library, complainant={"name": "张三", "phone": "13812345678"}).number
    result = build(library, number, BundleOptions(Venue.RECEIPT, layout="80mm", force=True), CHINESE)
    saved = [p.name for p in Path(result.files[0]).parent.iterdir()]
    assert saved and not [n for n in saved if WINDOWS_REFUSES.search(n)]
