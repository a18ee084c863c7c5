"""A library opened by installs set up for two organisations (Settings' organisation), one after the other: each
switch works out again only the cases whose record names no side of their own, whose clocks follow the
organisation (casefile.core.model.Case.side); before, the whole index was rebuilt at every switch. Counted."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from casefile_testing import make_case

from casefile.core import index as index_module
from casefile.core.library import Library
from casefile.core.model import Side, set_organisation

NOW = datetime(2026, 12, 1, tzinfo=UTC)
LAW_FIRM = "上海某某律师事务所"


def response_clocks(library: Library) -> dict[str, str]:
    """The response promise each case's next deadline is, as the index lists it."""
    return {n: row.key for n, row in library.next_deadlines(NOW).items() if row.key.startswith("response.")}


def test_switching_organisation_reads_again_only_the_cases_that_name_no_side(tmp_path: Path, monkeypatch) -> None:
    root = tmp_path / "library"
    with Library.open(root, "测试员") as library:
        presumed = [make_case(library).number for _ in range(2)]
        recorded = [make_case(library, our_side=Side.RESPONDENT.value).number for _ in range(5)]
        assert set(response_clocks(library)) == {*presumed, *recorded}

    rows: list[str] = []
    case_row = index_module._case_row
    monkeypatch.setattr(
        index_module, "_case_row", lambda case, *a, **k: rows.append(case.number) or case_row(case, *a, **k)
    )

    def opened_as(name: str) -> dict[str, str]:
        set_organisation(name)
        rows.clear()
        with Library.open(root, "测试员") as library:
            assert library.load_case(presumed[0]).our_side is None  # the records are as they were
            return response_clocks(library)

    # A law firm keeps the consumer's side: no promise to answer runs in the cases that name no side.
    assert set(opened_as(LAW_FIRM)) == set(recorded)
    assert rows == presumed  # was every case: the index rebuilt
    # Back to no organisation (a store's counter): the promise runs again in them, at the same cost.
    assert set(opened_as("")) == {*presumed, *recorded}
    assert rows == presumed
    assert set(opened_as(LAW_FIRM)) == set(recorded) and rows == presumed
    # Opened again by the same install: nothing to work out.
    assert set(opened_as(LAW_FIRM)) == set(recorded) and rows == []
