"""casefile walk-in: the counter's registration from the command line — case, photos, receipt."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from pypdf import PdfReader

from casefile.cli import main
from casefile.core.library import Library
from casefile.core.model import Channel
from casefile.core.settings import Settings, save_settings


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_walk_in_from_the_command_line(capsys, tmp_path: Path):
    save_settings(Settings(org_name="幸福路数码店"))
    photo = tmp_path / "牙刷.jpg"
    Image.new("RGB", (64, 48), (10, 120, 30)).save(photo, "JPEG")
    lib = tmp_path / "lib"
    code, out, err = run(
        capsys,
        "--library",
        str(lib),
        "walk-in",
        str(photo),
        "--title",
        "电动牙刷无法开机",
        "--type",
        "quality",
        "--complainant",
        "王芳",
        "--phone",
        "139 1234 5678",
        "--handed-in",
        "original",
        "--disposition",
        "returned",
        "--layout",
        "80mm",
    )
    assert code == 0, err
    number = out.strip().splitlines()[-1]
    receipt = Path(out.strip().splitlines()[-2].removeprefix("receipt: "))
    assert receipt.is_file()
    text = "".join(page.extract_text() for page in PdfReader(receipt).pages)
    assert "王芳" in text and number in text
    # Given no --facts, the title is the clerk's words for the complaint: 问题简述 on each copy.
    for page in PdfReader(receipt).pages:
        assert "问题简述" in page.extract_text() and "电动牙刷无法开机" in page.extract_text()
    with Library.open(lib, "测试员") as library:
        case = library.load_case(number)
    assert case.channel is Channel.STORE and case.respondent.name == "幸福路数码店"
    assert case.complainant.phone == "13912345678"
    (exhibit,) = case.exhibits
    # The older per-photo marks are an item of the list of what was handed in, the photo the store's photo of it.
    assert [(i.name, i.handed_in, i.disposition, i.photos) for i in case.handed_items] == [
        ("牙刷", "original", "returned", [exhibit.number])
    ]


def test_a_walk_in_needs_the_customer_and_creates_nothing_without(capsys, tmp_path: Path):
    lib = tmp_path / "lib"
    code, _out, err = run(capsys, "--library", str(lib), "walk-in", "--title", "耳机没声音", "--type", "quality")
    assert code != 0 and "--complainant" in err and "--phone" in err
    with Library.open(lib, "测试员") as library:
        assert library.case_numbers() == []


def test_a_receipt_in_a_law_firm_s_name_is_warned_of(capsys, tmp_path: Path):
    """The walk-in command makes the receipt and says whose name is on it; 'bundle' stops on it until accepted."""
    save_settings(Settings(org_name="上海某某律师事务所"))
    lib = tmp_path / "lib"
    argv = ["--library", str(lib), "walk-in", "--title", "耳机无声", "--type", "quality"]
    code, out, err = run(capsys, *argv, "--complainant", "王芳", "--phone", "13912345678")
    assert code == 0, err
    number = out.strip().splitlines()[-1]
    assert "warning: " in err and "上海某某律师事务所" in err and "law firm" in err
    code, out, err = run(capsys, "--library", str(lib), "bundle", number, "--venue", "receipt")
    assert code != 0 and "law firm" in err and "--force" in err
    code, out, err = run(capsys, "--library", str(lib), "edit", number, "--respondent", "某某数码科技有限公司")
    assert code == 0, err
    code, out, err = run(capsys, "--library", str(lib), "bundle", number, "--venue", "receipt", "--force")
    assert code == 0, err
    assert "warning (accepted)" in err and "某某数码科技有限公司" in err  # not the business complained about


def test_an_empty_photo_of_an_original_handed_back_is_refused_before_anything_is_registered(capsys, tmp_path: Path):
    """The store must not hand back an original with nothing kept of it: a 0-byte photo (a phone-sync placeholder)
    stops the walk-in while the customer is at the counter, naming the file."""
    empty = tmp_path / "IMG_0413.jpg"
    empty.write_bytes(b"")
    lib = tmp_path / "lib"
    code, out, err = run(
        capsys,
        "--library",
        str(lib),
        "walk-in",
        str(empty),
        "--title",
        "空照片",
        "--type",
        "quality",
        "--complainant",
        "甲",
        "--phone",
        "13800138084",
        "--handed",
        f"购物小票,纸质,原件,退回,photo={empty}",
    )
    assert code != 0
    assert "IMG_0413.jpg" in err and "0 bytes" in err
    with Library.open(lib, "测试员") as library:
        assert library.list_cases() == []
