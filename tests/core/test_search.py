"""Searching a library's cases: Chinese of one and two characters, numbers whole and by their last
four digits, filters, snippets, and the tables kept up to date as cases change."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from casefile_testing import filed_case, make_case
from core.test_bad_storage import _fill as fill
from core.test_bad_storage import small_disk  # noqa: F401 - the fixture

from casefile.core.errors import StorageError
from casefile.core.library import Library
from casefile.core.model import Stage, TimelineEvent, case_from_data, case_to_data
from casefile.core.search import CASE_FIELDS
from casefile.core.search import query as query_module
from casefile.core.search.query import MARK_END, MARK_START, SNIPPET_CHARS, Hit, search, snippet
from casefile.core.search.store import SEARCH_PATH, case_token, date_terms
from casefile.core.workflow.handling import (
    answer_proposal,
    close_case,
    find_responsibility,
    open_proceeding,
    propose,
    record_payment,
    reopen_case,
    set_outcome,
    update_proceeding,
)
from casefile.core.workflow.records import (
    Answer,
    Closing,
    ClosingResult,
    Finding,
    Outcome,
    OutcomeKind,
    Payment,
    Proceeding,
    Proposal,
    Reopening,
    Venue,
)


def where(hits: tuple[Hit, ...]) -> set[tuple[str, int | None, str]]:
    return {(h.case_number, h.exhibit, h.field) for h in hits}


def test_case_fields_are_found_by_two_chinese_characters(library: Library) -> None:
    case = filed_case(library, title="申请退款被拒", complainant={"name": "张三", "phone": "13812345678"})
    other = make_case(library, title="快递丢件")
    result = search(library, "退款")
    assert result.total == 1
    (hit,) = result.hits
    assert (hit.case_number, hit.exhibit, hit.kind, hit.field) == (case.number, None, "case-field", "title")
    assert hit.marked() == f"{case.number} 申请{MARK_START}退款{MARK_END}被拒"
    assert hit.snippet[hit.spans[0][0] : hit.spans[0][1]] == "退款"
    assert hit.evidence_time == case.complained_at
    assert {h.case_number for h in search(library, "快递").hits} == {other.number}


def test_one_character_finds_it_anywhere_in_a_run(library: Library) -> None:
    case = make_case(library, title="申请退款", facts="他说了一句话：退")
    found = where(search(library, "款").hits)  # the last character of a run
    assert found == {(case.number, None, "title")}
    assert where(search(library, "退").hits) == {(case.number, None, "title"), (case.number, None, "facts")}
    assert search(library, "货").total == 0


def test_numbers_whole_by_prefix_and_by_their_last_four_digits(library: Library) -> None:
    case = filed_case(library, complainant={"name": "李四", "phone": "13812345678"})
    make_case(library, complainant={"name": "王五", "phone": "13900001111"})
    assert where(search(library, "13812345678").hits) == {(case.number, None, "complainant")}
    assert where(search(library, "5678").hits) == {(case.number, None, "complainant")}
    assert where(search(library, "sf1234567890123").hits) == {(case.number, None, "waybill")}
    assert where(search(library, "SF1234").hits) == {(case.number, None, "waybill")}
    # Full-width digits and letters as a Chinese keyboard types them.
    assert where(search(library, "ＳＦ１２３４５６７８９０１２３").hits) == {(case.number, None, "waybill")}
    assert search(library, "1234").total == 0  # not the last four digits of anything
    hit = search(library, "5678").hits[0]
    assert hit.marked() == f"李四 1381234{MARK_START}5678{MARK_END}"


def test_a_mixed_query_needs_every_part(library: Library) -> None:
    case = filed_case(library, title="屏幕碎裂", complainant={"name": "张三", "phone": "13812345678"})
    other = filed_case(library, title="屏幕碎裂", complainant={"name": "李四", "phone": "13900001111"})
    assert {h.case_number for h in search(library, "碎裂 张三").hits} == set()  # different fields
    assert {h.case_number for h in search(library, "张三5678").hits} == {case.number}
    assert {h.case_number for h in search(library, "屏幕").hits} == {case.number, other.number}
    assert search(library, "，。！").total == 0  # nothing searchable
    assert search(library, "").total == 0


def test_filters_and_pages(library: Library) -> None:
    first = make_case(library, title="退款一", complained_at="2026-10-01T10:00:00+08:00")
    second = make_case(library, title="退款二", complained_at="2026-11-20T10:00:00+08:00")
    assert {h.case_number for h in search(library, "退款", case=first.number).hits} == {first.number}
    assert search(library, "退款", kind="chat").total == 0
    assert search(library, "退款", kind="case-field").total == 2
    assert {h.case_number for h in search(library, "退款", date_from=date(2026, 11, 1)).hits} == {second.number}
    assert {h.case_number for h in search(library, "退款", date_to=date(2026, 10, 1)).hits} == {first.number}
    page = search(library, "退款", limit=1, offset=1)
    assert page.total == 2 and len(page.hits) == 1


def test_a_change_to_a_case_is_searchable_at_once(library: Library) -> None:
    case = make_case(library, title="手机屏幕碎裂")
    with library.edit(case.number) as writer:
        changed = case_from_data(case_to_data(writer.case))
        changed.title = "耳机无声"
        writer.update(changed)
    assert search(library, "碎裂").total == 0
    assert search(library, "耳机").total == 1
    with library.edit(case.number) as writer:
        writer.add_event(TimelineEvent(at=case.complained_at, summary="商家同意七日内退货", decision="退货退款"))
    assert where(search(library, "退货").hits) == {(case.number, None, "timeline")}


def test_tables_deleted_are_rebuilt_by_the_next_search_and_by_reindex(library: Library) -> None:
    case = make_case(library, title="申请退款")
    root = library.root
    library.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{root / SEARCH_PATH}{suffix}").unlink(missing_ok=True)
    reopened = Library.open(root, "测试员")
    try:
        assert where(search(reopened, "退款").hits) == {(case.number, None, "title")}
        assert reopened.reindex() == 1
        assert search(reopened, "退款").total == 1
        assert search(root, "退款").total == 1  # read with sqlite3 alone
    finally:
        reopened.close()


def test_filters_are_terms_of_their_own_that_no_query_finds(library: Library) -> None:
    case = make_case(library, title="退款", complained_at="2026-11-18T23:30:00+08:00")
    for query in ("kcasefield", case_token(case.number), "d20261118", "m202611", "y2026", "y"):
        assert search(library, query).total == 0, query
    # Days are China's: 23:30 in Beijing is still the 18th there.
    assert search(library, "退款", date_from=date(2026, 11, 18), date_to=date(2026, 11, 18)).total == 1
    assert search(library, "退款", date_from=date(2026, 11, 19)).total == 0
    assert search(library, "退款", case="202611-999").total == 0
    assert search(library, "退款", case='x" OR "y').total == 0
    assert search(library, "退款", kind="nothing").total == 0


def test_date_ranges_are_covered_by_the_fewest_years_months_and_days() -> None:
    assert date_terms(date(2026, 11, 18), date(2026, 11, 18)) == ["d20261118"]
    assert date_terms(date(2025, 12, 30), date(2027, 2, 2)) == [
        "d20251230",
        "d20251231",
        "y2026",
        "m202701",
        "d20270201",
        "d20270202",
    ]
    assert date_terms(date(2026, 2, 1), date(2026, 2, 28)) == ["m202602"]
    assert date_terms(date(2026, 3, 2), date(2026, 3, 1)) == []


def test_a_query_found_in_very_many_texts_ranks_the_most_recent(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    best = make_case(library, title="退款退款")  # the best match by bm25, but indexed first
    newer = [make_case(library, title=f"申请退款，第{i}次联系商家未果") for i in range(3)]
    assert search(library, "退款", limit=1).hits[0].case_number == best.number
    monkeypatch.setattr(query_module, "RANKED", 2)
    result = search(library, "退款", limit=1)
    assert result.total == 4  # still counted
    assert result.hits[0].case_number in {c.number for c in newer[1:]}


def test_damaged_tables_are_rebuilt(library: Library) -> None:
    case = make_case(library, title="申请退款")
    root = library.root
    library.close()
    (root / SEARCH_PATH).write_bytes(b"this is not a database" * 100)
    for suffix in ("-wal", "-shm"):
        Path(f"{root / SEARCH_PATH}{suffix}").unlink(missing_ok=True)
    assert search(root, "退款").total == 0  # read as it is: nothing usable, nothing found
    reopened = Library.open(root, "测试员")
    try:
        assert where(search(reopened, "退款").hits) == {(case.number, None, "title")}
    finally:
        reopened.close()


@pytest.mark.parametrize("tables", ["kept", "missing"])
def test_a_read_only_library_is_searched(library: Library, tables: str) -> None:
    case = make_case(library, title="申请退款")
    root = library.root
    library.close()
    if tables == "missing":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{root / SEARCH_PATH}{suffix}").unlink(missing_ok=True)
    before = sorted(p.name for p in (root / SEARCH_PATH).parent.iterdir())
    reader = Library.open(root, "测试员", read_only=True)
    try:
        assert where(search(reader, "退款").hits) == {(case.number, None, "title")}
    finally:
        reader.close()
    assert sorted(p.name for p in (root / SEARCH_PATH).parent.iterdir()) == before  # nothing written


def test_every_field_of_a_case_is_searched_under_its_name(library: Library) -> None:
    case = filed_case(
        library,
        channel_ref="GD20261120001",
        complainant={"name": "张三", "phone": "13812345678", "address": "北京市朝阳区建国路88号"},
        courier={"kind": "organisation", "name": "顺丰速运有限公司"},
        agent={"name": "王律师", "employer": "上海某某律师事务所"},
        transaction={"order_no": "TB2026112001", "product": "智能手机"},
        shipment={"waybill_no": "SF1234567890123", "recipient": {"name": "李四", "phone": "13900002222"}},
    )
    with library.edit(case.number) as writer:
        writer.add_event(TimelineEvent(at=case.complained_at, summary="致电商家", decision="同意换货"))
        writer.set_stage(Stage.NEGOTIATION, note="与商家协商")
        open_proceeding(writer, Proceeding(Venue.REGULATOR, body="徐汇区市场监管局", ref="12315-777"))
        record_payment(writer, Payment(at=case.complained_at, amount=Decimal(399), payer="respondent", note="原路退款"))
    with library.edit(case.number) as writer:  # the complainant's phone corrected: the one before is 曾用
        changed = case_from_data(case_to_data(writer.case))
        changed.complainant.phone = "13812349999"
        writer.update(changed)
    expected = {
        "title": "GD20261120001",
        "complainant": "建国路",
        "respondent": "旗舰店",
        "courier": "顺丰速运",
        "agent": "律师事务所",
        "order": "智能手机",
        "waybill": "2222",
        "demands": "退还货款",
        "facts": "开箱",
        "timeline": "换货",
        "notes": "协商",
        "proceedings": "12315-777",
        "handling": "原路退款",
        "earlier": "13812345678",
    }
    assert tuple(expected) == CASE_FIELDS
    for field, query in expected.items():
        assert {h.field for h in search(library, query).hits} == {field}, query


def test_a_cases_handling_records_are_searched_and_never_another_cases(library: Library) -> None:
    """A 12315 工单号, a 消协 受理号 or a court's 案号 quoted on the phone finds the case, as does what was
    written in its findings, proposals, outcome and payments."""
    case = filed_case(library)
    other = filed_case(library, title="另一宗投诉")
    at = case.complained_at + timedelta(hours=1)
    with library.edit(case.number) as writer:
        open_proceeding(writer, Proceeding(Venue.REGULATOR, body="某某区市场监管局", ref="12315-777", filed_at=at))
        update_proceeding(writer, 1, summary="客户撤回12315投诉，改为双方协商")
        open_proceeding(writer, Proceeding(Venue.COURT, body="某某区人民法院", ref="（2026）沪0104民初1234号"))
        find_responsibility(writer, Finding(party="merchant", at=at, reasons="商品质量问题，鉴定报告为证"))
        propose(writer, Proposal(at=at, by="respondent", summary="退款399元", amount=Decimal(399)))
        answer_proposal(writer, 1, Answer.COUNTERED, at, note="要求另付运费")
        set_outcome(writer, Outcome(OutcomeKind.AGREEMENT, at, summary="和解协议已签"))
        record_payment(writer, Payment(at=at, amount=Decimal(399), payer="respondent", method="支付宝转账"))
        close_case(writer, Closing(at, ClosingResult.RESOLVED, note="客户确认收款"))
        reopen_case(writer, Reopening(at + timedelta(hours=1), reason="客户反映退款未到账"))
    expected = {
        "12315-777": "proceedings",
        "市场监管局": "proceedings",
        "双方协商": "proceedings",
        "民初1234": "proceedings",
        "商品质量问题": "handling",
        "退款399": "handling",
        "另付运费": "handling",
        "和解协议": "handling",
        "支付宝": "handling",
        "确认收款": "notes",  # a closing's note and a reopening's reason are stage notes
        "未到账": "notes",
    }
    for query, field in expected.items():
        assert where(search(library, query).hits) == {(case.number, None, field)}, query
    assert search(library, "12315-777", case=other.number).total == 0


def test_search_tables_of_an_earlier_version_are_rebuilt_with_the_handling_records(library: Library) -> None:
    """Tables written before the proceedings were searched are rebuilt when the library opens, so that a
    case recorded then is found by its 工单号 without anyone running reindex."""
    import sqlite3

    from casefile.core.search.store import VERSION

    case = filed_case(library)
    with library.edit(case.number) as writer:
        open_proceeding(writer, Proceeding(Venue.REGULATOR, ref="12315-777"))
    root = library.root
    library.close()
    with sqlite3.connect(root / SEARCH_PATH) as connection:  # as an earlier CaseFile left them
        connection.execute("DELETE FROM docs WHERE field IN ('proceedings', 'handling')")
        connection.execute("UPDATE meta SET value = ? WHERE key = 'version'", ("2." + VERSION.split(".", 1)[1],))
    connection.close()
    reopened = Library.open(root, "测试员")
    try:
        assert where(search(reopened, "12315-777").hits) == {(case.number, None, "proceedings")}
    finally:
        reopened.close()
    assert where(search(root, "12315-777").hits) == {(case.number, None, "proceedings")}  # with sqlite3 alone


def test_each_timeline_event_is_a_hit_of_its_own_on_its_day_named_as_the_packets_name_it(library: Library) -> None:
    """搜索全部证据 of a 12315 工单号 kept on the timeline: the hit is the event that holds it, dated when it
    happened (not the complaint's day, nor today), and its party and kind read as the packets print them
    (市场监督管理部门, 投诉/索赔), never the record's stored values (regulator, respondent)."""
    from datetime import datetime, timezone

    from casefile.core.model import EventKind

    cst = timezone(timedelta(hours=8))
    case = filed_case(library)
    call = TimelineEvent(
        at=datetime(2026, 11, 21, 10, 0, tzinfo=cst),
        kind=EventKind.CALL,
        summary="商家拒绝退货，只同意付费维修（报价980元）",
        party="respondent",
    )
    lodged = TimelineEvent(
        at=datetime(2026, 11, 25, 14, 30, tzinfo=cst),
        kind=EventKind.COMPLAINT,
        summary="通过全国12315平台投诉",
        party="regulator",
        ref="20261125330106000123",
    )
    with library.edit(case.number) as writer:
        writer.add_event(call)
        writer.add_event(lodged)
    (hit,) = search(library, "20261125330106000123").hits
    assert (hit.case_number, hit.exhibit, hit.field) == (case.number, None, "timeline")
    assert hit.evidence_time is not None and hit.evidence_time.astimezone(cst).date() == date(2026, 11, 25)
    assert "市场监督管理部门" in hit.snippet and "投诉/索赔" in hit.snippet
    assert "regulator" not in hit.snippet and "respondent" not in hit.snippet and "980" not in hit.snippet
    (found,) = search(library, "经营者").hits  # the call, by who it was with as the packets name them
    assert found.evidence_time is not None and found.evidence_time.astimezone(cst).date() == date(2026, 11, 21)
    assert "电话" in found.snippet and "980" in found.snippet
    assert search(library, "regulator").total == 0
    on_the_day = search(library, "12315", date_from=date(2026, 11, 25), date_to=date(2026, 11, 25))
    assert [h.field for h in on_the_day.hits] == ["timeline"]


def test_a_snippet_is_one_line_around_the_hit() -> None:
    text = "第一行\n" + "很长的聊天记录" * 10 + "，商家同意退款。\n"
    shown, spans = snippet(text, "退款")
    assert shown.startswith("…") and not shown.endswith((" ", "\n")) and "\n" not in shown
    assert [shown[s:e] for s, e in spans] == ["退款"]
    assert snippet("退款\n\n", "退款") == ("退款", ((0, 2),))
    long = "前" * 200 + "退款" + "后" * 200
    shown, spans = snippet(long, "退款")
    assert shown.startswith("…") and shown.endswith("…") and len(shown) == SNIPPET_CHARS + 2
    assert [shown[s:e] for s, e in spans] == ["退款"]


def test_a_full_disk_never_throws_the_search_tables_away(small_disk: Path) -> None:  # noqa: F811 - the fixture
    root = small_disk / "lib"
    library = Library.open(root, "测试员")
    make_case(library, title="申请退款")
    library.close()
    kept = (root / SEARCH_PATH).stat().st_ino
    fill(small_disk, 0)
    reopened = Library.open(root, "测试员")
    try:
        try:
            assert search(reopened, "退款").total == 1
        except StorageError as exc:
            assert "cannot read the search tables" in str(exc)
    finally:
        reopened.close()
    assert (root / SEARCH_PATH).stat().st_ino == kept


def test_a_library_named_by_a_relative_path_is_searched(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    make_case(library, title="申请退款")
    monkeypatch.chdir(library.root.parent)
    assert search(Path(library.root.name), "退款").total == 1


@pytest.mark.parametrize("how", ["add", "reindex"])
def test_texts_are_held_a_batch_at_a_time_however_many_files_are_indexed(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    from casefile.core.evidence import add_files
    from casefile.core.search import indexing
    from casefile.core.search.store import SearchIndex

    case = filed_case(library)
    folder = tmp_path / "chats"
    folder.mkdir()
    for i in range(8):
        (folder / f"chat-{i}.txt").write_text(f"顾客第{i}次催问退款进度\n" * 100, encoding="utf-8")
    held = [0]
    most = [0]
    read, write = indexing.exhibit_docs, SearchIndex.replace_exhibit

    def reading(*args, **kwargs):  # type: ignore[no-untyped-def]
        docs = read(*args, **kwargs)
        held[0] += 1
        most[0] = max(most[0], held[0])
        return docs

    def writing(*args, **kwargs):  # type: ignore[no-untyped-def]
        held[0] -= 1
        return write(*args, **kwargs)

    monkeypatch.setattr(indexing, "exhibit_docs", reading)
    monkeypatch.setattr(SearchIndex, "replace_exhibit", writing)
    monkeypatch.setattr(indexing, "BATCH_CHARS", 2400, raising=False)  # two files' texts (1,200 characters each)
    list(add_files(library, case.number, [folder]))
    if how == "reindex":
        most[0] = 0
        assert library.reindex() == 1
    assert held[0] == 0
    assert most[0] == 2  # was 8: every text read before any was written
    for i in range(8):
        assert search(library, f"第{i}次催问").total == 1


def damage_texts(path: Path) -> None:
    """0xFF over the pages of the texts (a bad sector, a power cut on a disk that lies about flushing),
    the file's header and its list of tables left whole: it opens, and breaks when searched."""
    import sqlite3

    connection = sqlite3.connect(path)
    try:
        page = connection.execute("PRAGMA page_size").fetchone()[0]
        roots = [
            r
            for (r,) in connection.execute(
                "SELECT rootpage FROM sqlite_master WHERE name IN ('docs', 'files', 'fts_data', 'fts_idx')"
            )
        ]
    finally:
        connection.close()
    assert len(roots) == 4 and Path(f"{path}-wal").exists() is False
    with open(path, "r+b") as handle:
        for root in roots:
            handle.seek((root - 1) * page)
            handle.write(b"\xff" * page)


def set_aside(root: Path) -> list[str]:
    return sorted(p.name for p in (root / SEARCH_PATH).parent.glob("search.damaged-*.sqlite"))


@pytest.mark.parametrize("first", ["search", "reindex", "a change"])
def test_tables_damaged_inside_are_set_aside_and_rebuilt(library: Library, first: str) -> None:
    case = make_case(library, title="申请退款")
    root = library.root
    library.close()
    damage_texts(root / SEARCH_PATH)
    reopened = Library.open(root, "测试员")
    try:
        assert getattr(reopened, "search_notice", None) is None
        if first == "reindex":
            assert reopened.reindex() == 1
        elif first == "a change":
            make_case(reopened, title="退款被拒")
        expected = 2 if first == "a change" else 1
        assert search(reopened, "退款").total == expected
        assert len(set_aside(root)) == 1
        notice = reopened.search_notice
        assert notice is not None and "set aside" in notice and set_aside(root)[0] in notice
        assert case.number in {h.case_number for h in search(reopened, "退款").hits}
        assert search(root, "退款").total == expected  # read with sqlite3 alone: whole again
        assert len(set_aside(root)) == 1
    finally:
        reopened.close()


def test_a_name_or_phone_held_before_a_correction_is_found_also_after_reindex(library: Library) -> None:
    case = make_case(library, complainant={"name": "张敏", "phone": "13912345678"})
    with library.edit(case.number) as writer:  # typed wrong at the desk, then corrected
        changed = case_from_data(case_to_data(writer.case))
        changed.complainant.name = "张旻"
        changed.complainant.phone = "13912345687"
        writer.update(changed)
    for _ in range(2):
        assert where(search(library, "5678").hits) == {(case.number, None, "earlier")}
        assert where(search(library, "张敏").hits) == {(case.number, None, "earlier")}
        assert where(search(library, "5687").hits) == {(case.number, None, "complainant")}
        library.reindex()
