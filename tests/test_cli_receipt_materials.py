"""The walk-in receipt from the command line: what was handed over (casefile exhibit --handed-in
--disposition), the clerk's staff number from the settings, the full SHA-256 on the 80 mm roll."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from casefile.cli import main
from casefile.core.settings import Settings, clerk_id_of, load_settings, save_settings


@pytest.fixture
def lib(tmp_path: Path) -> Path:
    return tmp_path / "lib"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def walk_in(capsys, lib: Path, tmp_path: Path) -> tuple[str, list[str]]:
    code, out, err = run(
        capsys,
        "--library",
        str(lib),
        "new",
        "--title",
        "手机屏幕碎裂",
        "--type",
        "quality",
        "--channel",
        "store",
        "--complainant",
        "张三",
        "--phone",
        "13812345678",
        "--complained-at",
        "2026-11-20T10:30+08:00",
    )
    assert code == 0, err
    number = out.strip().splitlines()[-1]
    receipt, phone = tmp_path / "购物小票.txt", tmp_path / "手机照片.txt"
    receipt.write_text("小票 XP20261115-0088", "utf-8")
    phone.write_text("手机右上角裂纹", "utf-8")
    code, out, err = run(capsys, "--library", str(lib), "add", number, str(receipt), str(phone))
    assert code == 0, err
    digests = [line.split()[1] for line in out.strip().splitlines()]
    return number, digests


def shown(capsys, lib: Path, number: str) -> dict:
    return json.loads(run(capsys, "--library", str(lib), "show", number, "--json")[1])


def test_exhibit_records_what_was_handed_over_and_whether_it_was_kept(capsys, lib, walk_in):
    number, _ = walk_in
    code, out, err = run(
        capsys, "--library", str(lib), "exhibit", number, "1", "--handed-in", "original", "--disposition", "returned"
    )
    assert code == 0, err
    assert out.strip() == "exhibit 1: handed in: original; kept or returned: returned"
    first = shown(capsys, lib, number)["evidence"][0]
    assert (first["handed_in"], first["disposition"]) == ("original", "returned")
    entry = json.loads((lib / "cases" / number / "CUSTODY.jsonl").read_text("utf-8").splitlines()[-1])
    assert entry["details"] == {"exhibit": 1, "fields": {"handed_in": "original", "disposition": "returned"}}
    assert run(capsys, "--library", str(lib), "exhibit", number, "1", "--disposition", "")[0] == 0  # cleared
    first = shown(capsys, lib, number)["evidence"][0]
    assert (first["handed_in"], first["disposition"]) == ("original", "")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "say what to change"),
        (["--handed-in", "原件"], "--handed-in: '原件' is not one of original, copy, object, electronic"),
        (["--disposition", "lost"], "--disposition: 'lost' is not one of kept, returned"),
        (["--disposition", "kept", "--reason", "x"], "give --agreement with it"),
    ],
)
def test_a_wrong_choice_is_refused_before_anything_is_written(capsys, lib, walk_in, argv, message):
    number, _ = walk_in
    before = (lib / "cases" / number / "CUSTODY.jsonl").read_bytes()
    code, out, err = run(capsys, "--library", str(lib), "exhibit", number, "2", *argv)
    assert code == 2 and out == "" and message in err and len(err.splitlines()) == 1
    assert (lib / "cases" / number / "CUSTODY.jsonl").read_bytes() == before


def roll_text(capsys, lib: Path, number: str, *operator: str) -> tuple[str, str]:
    code, out, err = run(
        capsys, "--library", str(lib), *operator, "bundle", number, "--venue", "receipt", "--layout", "80mm", "--force"
    )
    assert code == 0, err
    pdf = Path(out.split()[0])
    customer, store = (page.extract_text() for page in PdfReader(pdf).pages)
    return customer, store


def test_the_80mm_receipt_prints_the_marks_the_staff_number_and_whole_hashes(capsys, lib, walk_in):
    number, digests = walk_in
    run(capsys, "--library", str(lib), "exhibit", number, "1", "--handed-in", "original", "--disposition", "returned")
    run(capsys, "--library", str(lib), "exhibit", number, "2", "--handed-in", "object", "--disposition", "kept")
    settings = load_settings()
    settings.operator, settings.clerk_id = "测试员", "A017"
    save_settings(settings)
    customer, store = roll_text(capsys, lib, number)
    for text in (customer, store):
        flat = re.sub(r"\s+", "", text)
        assert "受理人测试员（工号A017）" in flat
        # What the customer handed in, papers as objects, kept or returned; then the store's photos of them.
        assert "材料1购物小票（纸质）形式：原件留存/退回：退回材料2手机形式：实物留存/退回：留存" in flat
        assert "【本店拍摄照片（共2张，本店留存）】证据1购物小票（票据）来源：本店拍摄所拍材料：材料1SHA-256" in flat
        assert "证据2手机照片（文件）来源：本店拍摄所拍材料：材料2SHA-256" in flat
        for digest in digests:
            assert f"SHA-256：{digest}" in flat  # whole, over two lines of the roll
    assert "张三" in store and "13812345678" in store
    assert "张三" not in customer and "138****5678" in customer  # the customer's copy stays masked

    # Another operator's staff number is not known: a blank to fill by hand, not the settings' number.
    customer, _ = roll_text(capsys, lib, number, "--operator", "李四")
    assert "受理人李四（工号＿＿＿＿）" in re.sub(r"\s+", "", customer) and "A017" not in customer


def test_the_staff_number_belongs_to_the_operator_the_settings_name():
    assert clerk_id_of("王店员", Settings(operator="王店员", clerk_id=" A017 ")) == "A017"
    assert clerk_id_of("李四", Settings(operator="王店员", clerk_id="A017")) == ""
    assert clerk_id_of("王店员", Settings(clerk_id="A017")) == "A017"  # no operator set: this computer's user
    assert clerk_id_of("王店员", Settings(operator="王店员")) == ""
