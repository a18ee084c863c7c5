"""One exhibit numbering from the app to the paper: the evidence order, 证据N beside 案卷编号, evidence groups."""

from __future__ import annotations

import re
import wave
from pathlib import Path

import pytest
from bundle_pages import build, mixed_case, page_texts
from casefile_testing import chinese

from casefile.core.bundle.context import Venue
from casefile.core.bundle.options import select_entries
from casefile.core.bundle.preflight import preflight
from casefile.core.errors import InvalidValueError
from casefile.core.evidence import AddOptions, add_files
from casefile.core.library import Library
from casefile.core.numbering import group_runs, packet_exhibits, packet_numbers, split_groups

# mixed_case adds, in this order: 1 Screenshot_订单.png, 2 chat.txt, 3 发票.pdf, 4 外包装.jpg, 5 小图.jpg


@pytest.fixture
def case_no(library: Library, tmp_path: Path) -> str:
    number = mixed_case(library, tmp_path / "in")
    recording = tmp_path / "通话录音.wav"
    with wave.open(str(recording), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"\0\0" * 8000)
    list(add_files(library, number, [recording], AddOptions(purpose="证明客服承认商品破损")))  # 6
    return number


def separators(texts: list[str]) -> dict[str, str]:
    """Separator pages by the packet number they open with: {"证据1": "（案卷编号4）…"}."""
    found = {}
    for text in texts:
        head = re.match(r"\s*(证据\d+)\s*\n\s*（(案卷编号\d+)）", text)
        if head:
            found[head.group(1)] = head.group(2)
    return found


def evidence_list(texts: list[str]) -> str:
    return next(t for t in texts if re.sub(r"\s+", "", t).startswith("证据目录"))


def test_a_move_to_the_top_makes_it_exhibit_1_of_the_packet_and_its_separator_names_both(library, case_no):
    with library.edit(case_no) as writer:
        writer.move_exhibit(4, -3)  # 外包装 to the top, as Move up three times in the app
    case = library.load_case(case_no)
    assert [e.number for e in packet_exhibits(case)] == [4, 1, 2, 3, 5, 6]
    result = build(library, case_no, Venue.COURT, force=True)
    made = [e for e in library.folder(case_no).custody.read() if e["action"] == "bundle"][-1]
    assert [(x["label"], x["exhibit"]) for x in made["details"]["exhibits"]][:3] == [("1", 4), ("2", 1), ("3", 2)]
    texts = page_texts(result.files[0])
    assert separators(texts) == {
        "证据1": "案卷编号4",
        "证据2": "案卷编号1",
        "证据3": "案卷编号2",
        "证据4": "案卷编号3",
        "证据5": "案卷编号5",
        "证据6": "案卷编号6",
    }
    first = next(t for t in texts if re.match(r"\s*证据1\s*\n", t))
    assert "外包装.jpg" in first


def test_packet_numbers_skip_withdrawn_exhibits_and_give_a_copy_its_originals_number(library, case_no):
    with library.edit(case_no) as writer:
        writer.withdraw(2, "重复提交")
        writer.move_exhibit(5, -4)
    case = library.load_case(case_no)
    assert [e.number for e in case.ordered_exhibits()] == [5, 1, 2, 3, 4, 6]
    assert packet_numbers(case) == {5: 1, 1: 2, 3: 3, 4: 4, 6: 5}
    assert packet_numbers(case, [3, 6]) == {3: 1, 6: 2}
    entries = select_entries(case, None)
    assert [(entry.name, entry.number) for entry in entries] == [
        ("证据1", 5),
        ("证据2", 1),
        ("证据3", 3),
        ("证据4", 4),
        ("证据5", 6),
    ]
    assert entries[0].full_name() == "证据1（案卷编号5）"


def test_arrange_moves_exhibits_among_themselves_and_leaves_the_others_in_place(library, case_no):
    with library.edit(case_no) as writer:
        writer.withdraw(2, "重复提交")
        writer.arrange([3, 1, 4, 5, 6])  # the wizard's list: withdrawn 2 is not in it
    assert [e.number for e in library.load_case(case_no).ordered_exhibits()] == [3, 2, 1, 4, 5, 6]
    with library.edit(case_no) as writer:
        writer.put_first([6, 4])
    assert [e.number for e in library.load_case(case_no).ordered_exhibits()] == [6, 4, 3, 2, 1, 5]
    with pytest.raises(InvalidValueError), library.edit(case_no) as writer:
        writer.arrange([1, 1])


def test_findings_name_the_packet_number_and_the_own_number(library, case_no):
    with library.edit(case_no) as writer:
        writer.move_exhibit(4, -3)
        writer.update_exhibit(4, purpose="")
        writer.update_exhibit(2, purpose="")
    case = library.load_case(case_no)
    found = preflight(case, Venue.COURT, select_entries(case, None), size_limit_mb=None)
    (finding,) = [f for f in found if f.code == "no-purpose"]
    assert chinese(finding.message) == "证据1（案卷编号4）、证据3（案卷编号2）没有填写证明目的"
    assert finding.exhibits == (4, 2) and finding.field == "exhibits.4.purpose"


# --------------------------------------------------------------------------- groups


def test_without_groups_the_list_counts_exhibits_and_no_groups(library, case_no):
    texts = page_texts(build(library, case_no, Venue.COURT, force=True).files[0])
    listing = evidence_list(texts)
    assert "共 6 件证据。" in listing
    assert "组" not in listing.split("共 6 件证据")[1].split("提交人")[0]
    assert not any("证据组" in t for t in texts)  # no separator names a group


def test_groups_the_user_set_head_the_list_and_are_counted(library, case_no):
    with library.edit(case_no) as writer:
        for n in (1, 3):
            writer.update_exhibit(n, group="第一组：购买事实")
        for n in (4, 5, 2, 6):
            writer.update_exhibit(n, group="第二组：收货时商品已损坏")
        writer.put_first([1, 3, 4, 5, 2, 6])
    case = library.load_case(case_no)
    found = preflight(case, Venue.COURT, select_entries(case, None), size_limit_mb=None)
    assert not [f for f in found if f.code in ("group-apart", "ungrouped")]
    texts = page_texts(build(library, case_no, Venue.COURT, force=True).files[0])
    listing = re.sub(r"\s+", "", evidence_list(texts))
    assert "第一组：购买事实（证据1—证据2）" in listing
    assert "第二组：收货时商品已损坏（证据3—证据6）" in listing
    assert listing.index("第一组") < listing.index("证据1") < listing.index("第二组") < listing.index("证据3")
    assert "共6件证据，分为2组。" in listing
    separator = next(t for t in texts if re.match(r"\s*证据2\s*\n", t))
    assert "第一组：购买事实" in separator


def test_groups_apart_and_exhibits_left_out_of_groups_are_warned_about(library, case_no):
    with library.edit(case_no) as writer:
        writer.update_exhibit(1, group="第一组")
        writer.update_exhibit(2, group="第二组")
        writer.update_exhibit(3, group="第一组")
    case = library.load_case(case_no)
    found = {f.code: f for f in preflight(case, Venue.COURT, select_entries(case, None), size_limit_mb=None)}
    apart = found["group-apart"]
    assert chinese(apart.message).startswith("证据1（案卷编号1）、证据3（案卷编号3）同属证据组“第一组”")
    assert apart.field == "exhibits.1.group" and apart.exhibits == (1, 3)
    assert found["ungrouped"].exhibits == (4, 5, 6)
    listing = re.sub(r"\s+", "", evidence_list(page_texts(build(library, case_no, Venue.COURT, force=True).files[0])))
    assert "共6件证据，其中3件分为2组，其余3件未分组。" in listing


def test_group_runs_and_split_groups():
    items = [("a", "G1"), ("b", "G1"), ("c", ""), ("d", "G2"), ("e", "G1")]
    runs = group_runs(items, lambda item: item[1])
    assert [(run.group, [i[0] for i in run.items]) for run in runs] == [
        ("G1", ["a", "b"]),
        ("", ["c"]),
        ("G2", ["d"]),
        ("G1", ["e"]),
    ]
    assert {g: [i[0] for i in v] for g, v in split_groups(items, lambda item: item[1]).items()} == {
        "G1": ["a", "b", "e"]
    }
