"""What a customer handed in, from the command line: ``--handed`` on new, walk-in and edit, shown by show, printed on
the receipt and its reprint — the same list the walk-in desk records."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from casefile.cli import main
from casefile.cli_handed import HandedText, parse_handed
from casefile.core.errors import InvalidValueError
from casefile.core.library import Library
from casefile.core.model import HandedItem
from casefile.core.settings import Settings, save_settings


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("购物小票,纸质,原件,退回", HandedText("购物小票", 1, "original", "returned")),
        ("购物小票，复印件，留存", HandedText("购物小票", 1, "copy", "kept")),  # full-width commas, 纸质 understood
        ("充电器×2,实物,留存", HandedText("充电器", 2, "object", "kept")),
        ("充电器*3,object,kept", HandedText("充电器", 3, "object", "kept")),
        ("数据线 x2,实物", HandedText("数据线", 2, "object")),
        ("数据线x2", HandedText("数据线", 2)),
        ("RTX4090 显卡,实物,原件", HandedText("RTX4090 显卡", 1, "object")),  # the object itself is its original
        ("RTX4090", HandedText("RTX4090")),  # an x after a letter or digit is the name's
        ("保修卡,2张,退回", HandedText("保修卡", 2, "", "returned")),
        ("聊天记录,电子,留存,photo=IMG 1.jpg", HandedText("聊天记录", 1, "electronic", "kept", (Path("IMG 1.jpg"),))),
        ("发票,原件,exhibit=3,exhibit 4", HandedText("发票", 1, "original", "", (), (3, 4))),
        ("  手机  ", HandedText("手机")),
    ],
)
def test_an_item_is_typed_as_one_text(text, parsed):
    assert parse_handed(text) == parsed


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("发票,原建", "'原建' is not one of 纸质, 实物, 电子, 原件, 复印件, 留存, 退回"),
        ("发票,纸质", "'纸质': say whether it is the 原件 or a 复印件"),
        ("手机,实物,复印件", "'实物' and '复印件' cannot both be said of it"),
        ("手机,实物,电子", "'实物' and '电子' cannot both be said of it"),
        ("发票,留存,退回", "'留存' and '退回' cannot both be said of it"),
        ("发票×0", "how many is from 1 to 999, not 0"),
        ("发票×2,3件", "'3件' says how many a second time"),
        (",原件", "the name of what was handed in comes first"),
        ("发票,exhibit=0", "'exhibit=0': exhibits are numbered from 1"),
    ],
)
def test_a_wrong_part_is_named(text, message):
    with pytest.raises(InvalidValueError) as caught:
        parse_handed(text)
    assert str(caught.value).startswith(f"--handed {text!r}: ") and message in str(caught.value)


def photo(path: Path, colour: tuple[int, int, int]) -> Path:
    Image.new("RGB", (64, 48), colour).save(path, "JPEG")
    return path


WALK_IN = ["--title", "电动牙刷无法开机", "--type", "quality", "--complainant", "王芳", "--phone", "13912345678"]


def receipt_text(pdf: Path) -> str:
    return re.sub(r"\s+", "", PdfReader(pdf).pages[0].extract_text())


def test_a_walk_in_records_what_was_handed_in_photographed_or_not(capsys, tmp_path: Path):
    save_settings(Settings(org_name="幸福路数码店"))
    lib = tmp_path / "lib"
    brush, paper = photo(tmp_path / "IMG_0413.jpg", (10, 120, 30)), photo(tmp_path / "IMG_0412.jpg", (200, 20, 30))
    code, out, err = run(
        capsys,
        "--library",
        str(lib),
        "walk-in",
        str(brush),
        *WALK_IN,
        "--handed",
        f"购物小票,纸质,原件,退回,photo={paper}",  # a photo not among PHOTO is added with them
        "--handed",
        f"电动牙刷,实物,留存,photo={brush}",
        "--handed",
        "充电器 x2，实物，留存",
        "--layout",
        "a5",
    )
    assert code == 0, err
    lines = out.strip().splitlines()
    number, receipt = lines[-1], Path(lines[-2].removeprefix("receipt: "))
    with Library.open(lib, "测试员") as library:
        case = library.load_case(number)
    by_file = {e.original_name: e.number for e in case.exhibits}
    assert case.handed_items == [
        HandedItem("购物小票", 1, "original", "returned", [by_file["IMG_0412.jpg"]]),
        HandedItem("电动牙刷", 1, "object", "kept", [by_file["IMG_0413.jpg"]]),
        HandedItem("充电器", 2, "object", "kept", []),
    ]
    assert all(e.handed_in == "" for e in case.exhibits)  # the list, not marks on the photos
    text = receipt_text(receipt)
    assert "材料1购物小票纸质原件退回材料2电动牙刷—实物留存材料3充电器×2—实物留存" in text
    assert "收取材料清单（共3项）" in text and "本店拍摄照片（共2张，本店留存）" in text

    code, out, err = run(capsys, "--library", str(lib), "show", number)
    assert code == 0, err
    assert (
        f"  handed in (3), as the receipt lists them and --handed takes them:\n"
        f"    材料1   购物小票,纸质,原件,退回,exhibit={by_file['IMG_0412.jpg']}\n"
        f"    材料2   电动牙刷,实物,留存,exhibit={by_file['IMG_0413.jpg']}\n"
        "    材料3   充电器×2,实物,留存\n"
    ) in out
    shown = json.loads(run(capsys, "--library", str(lib), "show", number, "--json")[1])
    assert shown["handed_items"][2] == {"name": "充电器", "count": 2, "handed_in": "object", "disposition": "kept"}


def test_the_older_per_photo_marks_become_items_of_the_list(capsys, tmp_path: Path):
    """Scripts written for --handed-in/--disposition keep working: each photo is an item, named as the receipt
    named what it shows, linked to it."""
    lib = tmp_path / "lib"
    paper = photo(tmp_path / "购物小票照片.jpg", (200, 20, 30))
    argv = ["--library", str(lib), "walk-in", str(paper), *WALK_IN, "--handed-in", "original"]
    code, out, err = run(capsys, *argv, "--disposition", "returned")
    assert code == 0, err
    number = out.strip().splitlines()[-1]
    with Library.open(lib, "测试员") as library:
        case = library.load_case(number)
    assert case.handed_items == [HandedItem("购物小票", 1, "original", "returned", [1])]
    code, out, err = run(capsys, *argv, "--handed", "购物小票,原件")
    assert code == 2 and "with --handed, say what was handed over and whether it is kept in each item" in err


@pytest.mark.parametrize(
    ("handed", "message"),
    [
        ("小票,exhibit=1", "exhibit=1 names an exhibit of a registered case; at the walk-in, name the photo"),
        ("小票,photo=nowhere.jpg", "photo=nowhere.jpg: no such file"),
        ("小票,原建", "'原建' is not one of"),
    ],
)
def test_a_walk_in_with_a_wrong_item_registers_nothing(capsys, tmp_path: Path, handed, message):
    lib = tmp_path / "lib"
    code, out, err = run(capsys, "--library", str(lib), "walk-in", *WALK_IN, "--handed", handed)
    assert code == 2 and out == "" and message in err
    with Library.open(lib, "测试员") as library:
        assert library.case_numbers() == []


def test_edit_replaces_the_list_empties_it_and_the_reprint_follows(capsys, tmp_path: Path):
    lib = tmp_path / "lib"
    paper, phone = photo(tmp_path / "发票.jpg", (200, 20, 30)), photo(tmp_path / "手机.jpg", (40, 40, 48))
    code, out, err = run(capsys, "--library", str(lib), "walk-in", str(paper), str(phone), *WALK_IN)
    assert code == 0, err
    number = out.strip().splitlines()[-1]
    custody = lib / "cases" / number / "CUSTODY.jsonl"

    code, out, err = run(
        capsys,
        "--library",
        str(lib),
        "edit",
        number,
        "--handed",
        "发票,复印件,退回,exhibit=1",
        "--handed",
        f"手机,实物,留存,photo={phone}",  # found by its SHA-256: exhibit 2
        "--handed",
        "保修卡,纸质,原件",
    )
    assert code == 0, err
    assert out.splitlines()[1] == (
        "  handed_items: 发票,纸质,复印件,退回,exhibit=1; 手机,实物,留存,exhibit=2; 保修卡,纸质,原件"
    )
    with Library.open(lib, "测试员") as library:
        assert [(i.name, i.photos) for i in library.load_case(number).handed_items] == [
            ("发票", [1]),
            ("手机", [2]),
            ("保修卡", []),
        ]
    entry = json.loads(custody.read_text("utf-8").splitlines()[-1])
    assert [i["name"] for i in entry["details"]["fields"]["handed_items"]] == ["发票", "手机", "保修卡"]

    code, out, err = run(capsys, "--library", str(lib), "bundle", number, "--venue", "receipt", "--force")
    assert code == 0, err
    text = receipt_text(Path(out.split()[0]))
    assert "材料1发票纸质复印件退回材料2手机—实物留存材料3保修卡纸质原件" in text
    assert "收取材料清单（共3项）" in text and "本店拍摄照片（共2张，本店留存）" in text
    assert "本店拍摄材料1" in text and "本店拍摄材料2" in text

    before = custody.read_bytes()
    for handed, message in (
        ("发票,exhibit=7", f"exhibit=7: case {number} has no exhibit 7"),
        (f"发票,photo={tmp_path / 'IMG_9.jpg'}", "cannot be read"),
    ):
        code, out, err = run(capsys, "--library", str(lib), "edit", number, "--handed", handed)
        assert code == 2 and message in err
    other = photo(tmp_path / "其他.jpg", (1, 2, 3))
    code, out, err = run(capsys, "--library", str(lib), "edit", number, "--handed", f"发票,photo={other}")
    assert code == 2 and f"is not an exhibit of case {number} (casefile add {number} FILE adds it)" in err
    assert custody.read_bytes() == before

    code, out, err = run(capsys, "--library", str(lib), "edit", number, "--handed", "")
    assert code == 0, err
    with Library.open(lib, "测试员") as library:
        assert library.load_case(number).handed_items == []
    assert "handed in (" not in run(capsys, "--library", str(lib), "show", number)[1]


def test_the_help_shows_how_to_type_an_item(capsys):
    for command in ("new", "walk-in", "edit"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        out = re.sub(r"\s+", " ", capsys.readouterr().out)
        assert "--handed ITEM" in out and "'NAME[×N][,纸质|实物|电子][,原件|复印件][,留存|退回]" in out


def test_edit_from_a_json_file_takes_the_list_as_case_json_holds_it(capsys, tmp_path: Path):
    lib = tmp_path / "lib"
    code, out, err = run(
        capsys, "--library", str(lib), "walk-in", str(photo(tmp_path / "手机.jpg", (9, 9, 9))), *WALK_IN
    )
    assert code == 0, err
    number = out.strip().splitlines()[-1]
    intake = tmp_path / "intake.json"
    items = [
        {"name": "手机", "handed_in": "object", "disposition": "kept", "photos": [1]},
        {"name": "耳机", "count": 2},
    ]
    intake.write_text(json.dumps({"facts": "屏幕碎裂", "handed_items": items}, ensure_ascii=False), "utf-8")
    code, out, err = run(capsys, "--library", str(lib), "edit", number, "--from", str(intake))
    assert code == 0, err
    with Library.open(lib, "测试员") as library:
        case = library.load_case(number)
    assert case.facts == "屏幕碎裂"
    assert case.handed_items == [HandedItem("手机", 1, "object", "kept", [1]), HandedItem("耳机", 2, "", "", [])]
    # --handed given as well takes precedence, as every option does over --from.
    code, out, err = run(capsys, "--library", str(lib), "edit", number, "--from", str(intake), "--handed", "发票,原件")
    assert code == 0, err
    with Library.open(lib, "测试员") as library:
        assert [i.name for i in library.load_case(number).handed_items] == ["发票"]

    intake.write_text(json.dumps({"handed_items": [{"name": "手机", "handed_in": "原件"}]}), "utf-8")
    code, out, err = run(capsys, "--library", str(lib), "edit", number, "--from", str(intake))
    assert code == 2 and "handed_items[1].handed_in: '原件' is not one of original, copy, object, electronic" in err


NEW = ["new", "--title", "手机屏幕碎裂", "--type", "quality", "--channel", "phone"]


def test_new_takes_what_was_handed_in_as_walk_in_and_edit_do(capsys, tmp_path: Path):
    lib = tmp_path / "lib"
    argv = ["--library", str(lib), *NEW, "--handed", "购物小票,纸质,原件,退回", "--handed", "充电器×2，实物，留存"]
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    lines = out.strip().splitlines()
    number = lines[-1]
    assert lines[-3:-1] == ["材料1   购物小票,纸质,原件,退回", "材料2   充电器×2,实物,留存"]
    with Library.open(lib, "测试员") as library:
        case = library.load_case(number)
    assert case.handed_items == [
        HandedItem("购物小票", 1, "original", "returned", []),
        HandedItem("充电器", 2, "object", "kept", []),
    ]
    code, out, err = run(capsys, "--library", str(lib), "show", number)
    assert "    材料1   购物小票,纸质,原件,退回\n    材料2   充电器×2,实物,留存\n" in out

    intake = tmp_path / "intake.json"
    intake.write_text(json.dumps({"handed_items": [{"name": "耳机", "count": 2}]}, ensure_ascii=False), "utf-8")
    code, out, err = run(capsys, "--library", str(lib), *NEW, "--from", str(intake))
    assert code == 0, err
    with Library.open(lib, "测试员") as library:
        assert library.load_case(out.strip().splitlines()[-1]).handed_items == [HandedItem("耳机", 2, "", "", [])]


def test_new_refuses_a_link_before_anything_is_written(capsys, tmp_path: Path):
    """A case being registered has no exhibits: photo=FILE and exhibit=N are refused, saying how to link them."""
    lib = tmp_path / "lib"
    picture = photo(tmp_path / "小票.jpg", (1, 2, 3))
    for item in (f"购物小票,原件,photo={picture}", "购物小票,原件,exhibit=1"):
        code, out, err = run(capsys, "--library", str(lib), *NEW, "--handed", item)
        assert code == 2 and out == ""
        assert "a new case has no exhibits to link" in err and "casefile walk-in" in err
    code, _out, err = run(capsys, "--library", str(lib), *NEW, "--handed", "发票,纸质")
    assert code == 2 and "'纸质': say whether it is the 原件 or a 复印件" in err
    intake = tmp_path / "intake.json"
    intake.write_text(json.dumps({"handed_items": [{"name": "手机", "photos": [1]}]}, ensure_ascii=False), "utf-8")
    code, _out, err = run(capsys, "--library", str(lib), *NEW, "--from", str(intake))
    assert code == 2 and "--from '手机': exhibit=1: a new case has no exhibits to link" in err
    assert not (lib / "cases").exists() or not any((lib / "cases").iterdir())
