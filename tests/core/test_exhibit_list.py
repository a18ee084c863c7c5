"""The exhibits of a case read from case.json one by one: a list like any other, whose lines are
read only when used, and whose lookups by number and hash come without reading them."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from typing import Any

import pytest

from casefile.core import library as library_module
from casefile.core import model
from casefile.core.errors import CaseFileError
from casefile.core.model import EvidenceKind, Exhibit, ExhibitList


def exhibit(number: int, sha: str | None = None) -> Exhibit:
    return Exhibit(
        number=number,
        title=f"截图 {number}",
        kind=EvidenceKind.SCREENSHOT,
        original_name=f"shot-{number}.png",
        stored_path=f"evidence/{number:03d}-shot-{number}.png",
        size=100 + number,
        sha256=sha or f"{number:064x}",
        added_at=datetime(2026, 11, 20, 10, number % 60, tzinfo=UTC),
        added_by="测试员",
    )


def read_back(exhibits: list[Exhibit]) -> ExhibitList:
    """The exhibits as a change reads them from case.json."""
    lines = [library_module._exhibit_line(e) for e in exhibits]
    return ExhibitList.from_block(b",\n".join(lines), [e.number for e in exhibits], "202611-001")


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Numbers of the exhibits made from stored data."""
    numbers: list[int] = []
    real = model._CONVERTERS.get(Exhibit) or model._make_converter(Exhibit)

    def convert(value: Any, where: str) -> Any:
        numbers.append(value["number"])
        return real(value, where)

    monkeypatch.setitem(model._CONVERTERS, Exhibit, convert)
    return numbers


def test_lookups_read_no_line(made):
    original = [exhibit(1), exhibit(2, "ab" * 32), exhibit(4), exhibit(3, "ab" * 32)]
    exhibits = read_back(original)
    case = model.Case(number="202611-001", title="t", complained_at=datetime.now(UTC), channel="phone", type="quality")
    case.exhibits = exhibits
    assert case.next_exhibit_number() == 5 and case.has_exhibit(4) and not case.has_exhibit(5)
    assert case.exhibit_numbers() == [1, 2, 4, 3] and made == []
    assert case.exhibit_by_hash("ab" * 32) == original[1]  # the first with that hash
    assert made == [2]
    assert case.exhibit_by_hash("cd" * 32) is None and case.exhibit(4) == original[2] and made == [2, 4]
    case.add_exhibit(exhibit(9, "cd" * 32))
    assert case.next_exhibit_number() == 10 and case.exhibit_by_hash("cd" * 32).number == 9
    with pytest.raises(KeyError):
        case.exhibit(5)


def test_it_is_a_list(made):
    original = [exhibit(n) for n in range(1, 6)]
    exhibits = read_back(original)
    assert exhibits == original and original == exhibits and list(exhibits) == original
    assert exhibits[-1] == original[-1] and exhibits[1:3] == original[1:3] and len(exhibits) == 5
    copied = copy.deepcopy(exhibits)
    assert copied == original and copied[0] is not exhibits[0]
    del exhibits[0]
    exhibits.insert(1, exhibit(7))
    exhibits[0] = exhibit(8)
    exhibits += [exhibit(9)]
    assert [e.number for e in exhibits] == [8, 7, 3, 4, 5, 9]
    assert exhibits.by_number(3) == original[2] and exhibits.by_number(2) is None and exhibits.highest_number() == 9
    exhibits.clear()
    assert exhibits == [] and exhibits.highest_number() == 0


def test_lines_kept_are_written_as_read_and_changed_ones_anew(made):
    original = [exhibit(n) for n in range(1, 5)]
    exhibits = read_back(original)

    def write(e: Exhibit) -> bytes:
        return library_module._exhibit_line(e)

    exhibits.append(exhibit(5))
    assert b",\n".join(exhibits.lines(set(), write)) == b",\n".join(write(e) for e in [*original, exhibit(5)])
    exhibits[2].title = "改过的标题"  # read from its line, then changed (as the log changes it)
    assert made == [3]
    joined = b",\n".join(exhibits.lines({3}, write))
    assert [json.loads(line)["title"] for line in joined.split(b",\n")][2] == "改过的标题"
    exhibits[1].title = "没有记录的改动"
    unrecorded = "没有记录的改动".encode()
    assert unrecorded not in b",\n".join(exhibits.lines({3}, write))  # only what the log changed
    assert unrecorded in b",\n".join(exhibits.lines(None, write))  # any exhibit used


def test_a_line_that_is_not_what_it_begins_with_is_refused_when_read():
    line = library_module._exhibit_line(exhibit(1))
    exhibits = ExhibitList.from_block(line + b",\n" + line, [1, 2], "202611-001")  # the second is not 2
    assert exhibits[0].number == 1
    with pytest.raises(CaseFileError, match="case.json cannot be read"):
        exhibits[1]
    broken = ExhibitList.from_block(line[:-5], [1], "202611-001")
    with pytest.raises(CaseFileError, match="case.json cannot be read"):
        list(broken)


def test_an_equal_exhibit_read_before_is_shared_and_its_line_kept(made):
    before = read_back([exhibit(n) for n in range(1, 4)])
    again = read_back([exhibit(n) for n in range(1, 4)])
    assert again.share(1, before[1])
    assert again[1] is before[1] and [e.number for e in again] == [1, 2, 3]
    assert again.by_number(2) is before[1]

    def write(e: Exhibit) -> bytes:
        raise AssertionError("a line kept is not written anew")

    kept = b",\n".join(library_module._exhibit_line(exhibit(n)) for n in (1, 2, 3))
    assert b",\n".join(again.lines(set(), write)) == kept
    other = copy.copy(before[2])
    other.title = "另一个标题"
    assert not again.share(2, other)  # not the same: the one read stays
    assert again[2] == exhibit(3) and again[2] is not other
