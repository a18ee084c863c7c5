"""The case list and evidence models, without any widget."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from casefile.core.listing import AgendaRow, CaseSummary
from casefile.ui.models import SORT_ROLE, CaseListModel, EvidenceModel

from PySide6.QtCore import QModelIndex, Qt

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)  # a Monday, 18:00 in Beijing


def clock(number: str, key: str, due: datetime, *, kind: str = "duty", last_day: str = "", **kw) -> AgendaRow:
    fields = dict(
        ref="", started_at=NOW - timedelta(days=1), rolled_from="", provisional=False, paused=False, act_by_at=None
    )
    fields.update(kw)
    return AgendaRow(
        number,
        "t",
        key,
        kind,
        fields["ref"],
        fields["started_at"],
        due,
        last_day,
        fields["rolled_from"],
        fields["provisional"],
        fields["paused"],
        "",
        fields["act_by_at"],
    )


def summary(n: int, **kw) -> CaseSummary:
    base = dict(
        number=f"202611-{n:03d}",
        title=f"case {n}",
        type="quality",
        channel="store",
        priority="normal",
        stage="registration",
        complained_at=NOW - timedelta(hours=1),
        response_due_at=NOW + timedelta(hours=47),
        complainant=f"顾客{n}",
        respondent="某某旗舰店",
        order_no=f"TB{n:05d}",
        waybill_no=f"SF{n:05d}",
        exhibit_count=n % 4,
    )
    base.update(kw)
    return CaseSummary(**base)


def test_case_list_loads_lazily_and_shows_columns(qapp):
    model = CaseListModel()
    model.set_cases([summary(i) for i in range(1, 1201)], NOW)
    assert model.rowCount() == CaseListModel.BATCH  # the rest is fetched as the view scrolls
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 1200 and not model.canFetchMore(QModelIndex())
    first = model.index(0, CaseListModel.NUMBER)
    assert model.data(first) == "202611-1200"  # newest first
    assert model.data(model.index(0, CaseListModel.EXHIBITS)) == str(1200 % 4)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Number"
    assert model.row_of("202611-001") == 1199


def test_overdue_cases_stand_out_and_filters_work(qapp):
    """The list shows each case's next deadline from its clocks: overdue duties stand out; filters pick
    overdue, due today and due this week (to Sunday, Beijing time)."""
    model = CaseListModel()
    late, today, week, later = summary(1, priority="urgent"), summary(2), summary(3), summary(4)
    closed = summary(5, stage="closed")
    logistics = summary(6, type="logistics", waybill_no="SF-FIND-ME", proceeding_refs="12315-777")
    deadlines = {
        late.number: clock(late.number, "response.urgent", NOW - timedelta(hours=3), kind="promise"),
        today.number: clock(
            today.number, "courier.reply", datetime(2026, 11, 23, 16, 0, tzinfo=UTC), last_day="2026-11-23", ref="GD1"
        ),
        week.number: clock(
            week.number,
            "regulator.acceptance",
            datetime(2026, 11, 29, 16, 0, tzinfo=UTC),
            last_day="2026-11-29",
            provisional=True,
        ),
        later.number: clock(
            later.number,
            "court.appeal-judgment",
            datetime(2026, 12, 5, 16, 0, tzinfo=UTC),
            kind="limit",
            last_day="2026-12-05",
        ),
    }
    model.set_cases([late, today, week, later, closed, logistics], NOW, deadlines)
    rows = {model.summary(r).number: r for r in range(model.rowCount())}
    assert model.data(model.index(rows[late.number], 0), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(rows[closed.number], 0), Qt.ItemDataRole.BackgroundRole) is None
    assert "overdue" in model.data(model.index(rows[late.number], CaseListModel.LEFT))
    assert model.data(model.index(rows[week.number], CaseListModel.DUE)) == (
        "Regulator decides on acceptance  11-29 (provisional)"
    )
    assert "GD1" in model.data(model.index(rows[today.number], CaseListModel.DUE), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(rows[closed.number], CaseListModel.DUE)) == "—"
    assert model.rowCount() == 6

    def shown() -> list[str]:
        return sorted(model.data(model.index(r, 0)) for r in range(model.rowCount()))

    model.set_filters(only_overdue=True)
    assert shown() == [late.number]
    model.set_filters(only_overdue=False, only_due_today=True)
    assert shown() == [today.number]
    model.set_filters(only_due_today=False, only_due_this_week=True)
    assert shown() == [today.number, week.number]
    model.set_filters(only_due_this_week=False, search="sf-find")
    assert model.rowCount() == 1
    model.set_filters(search="12315-777")  # the 工单号 12315 quotes when it calls
    assert shown() == [logistics.number]
    model.set_filters(search="", stage="closed")
    assert model.rowCount() == 1
    model.set_filters(stage="", type="logistics")
    assert model.rowCount() == 1
    model.set_filters(type="", priority="urgent")
    assert model.rowCount() == 1
    model.set_filters(priority="")
    model.sort(CaseListModel.LEFT, Qt.SortOrder.AscendingOrder)
    assert [model.data(model.index(r, 0)) for r in range(4)] == [late.number, today.number, week.number, later.number]


def test_sorting_uses_real_values(qapp):
    model = CaseListModel()
    model.set_cases([summary(1, exhibit_count=10), summary(2, exhibit_count=2)], NOW)
    model.sort(CaseListModel.EXHIBITS, Qt.SortOrder.AscendingOrder)
    assert model.data(model.index(0, CaseListModel.EXHIBITS)) == "2"  # 2 before 10: numbers, not text
    assert model.data(model.index(0, CaseListModel.EXHIBITS), SORT_ROLE) in (2, 10)


def test_evidence_model_edits_go_through_the_callback(qapp, ctx, tmp_path):
    from casefile.core.evidence import add_files
    from casefile.core.library import case_from_fields

    case = ctx.library.create_case(
        case_from_fields(
            {"title": "t", "complained_at": "2026-11-20T10:00+08:00", "channel": "store", "type": "quality"}
        )
    )
    (tmp_path / "a.txt").write_text("聊天记录", "utf-8")
    list(add_files(ctx.library, case.number, [tmp_path / "a.txt"]))
    model = EvidenceModel()
    model.set_case(ctx.library.load_case(case.number))
    calls = []
    model.on_edit = lambda number, field, value: calls.append((number, field, value))
    title = model.index(0, EvidenceModel.TITLE)
    assert model.flags(title) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, EvidenceModel.SHA256)) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(title, "与客服的聊天记录")
    assert calls == [(1, "title", "与客服的聊天记录")]
    assert not model.setData(title, "   ")  # a title cannot be emptied
    assert model.data(model.index(0, EvidenceModel.SHA256)) == ctx.library.load_case(case.number).exhibits[0].sha256


def test_evidence_model_names_flags_and_marks_times_worth_a_look(qapp):
    from datetime import UTC, datetime

    from casefile.core.model import EvidenceKind, Exhibit
    from casefile.ui.models import EvidenceModel

    from PySide6.QtCore import Qt

    model = EvidenceModel()
    now = datetime.now(UTC)
    model.exhibits = [
        Exhibit(
            1,
            "t",
            EvidenceKind.PHOTO,
            "a.jpg",
            "evidence/001-a.jpg",
            1,
            "0" * 64,
            now,
            "x",
            captured_at=now,
            captured_at_source="exif",
            flags=["captured-after-added", "edited"],
        ),
    ]
    captured = model.index(0, EvidenceModel.CAPTURED)
    assert model.data(captured, Qt.ItemDataRole.ForegroundRole) is not None
    assert model.data(captured, Qt.ItemDataRole.ToolTipRole) == "from the photo's EXIF data"
    tip = model.data(model.index(0, EvidenceModel.TITLE), Qt.ItemDataRole.ToolTipRole)
    assert (
        tip
        == "capture time later than when it was added (check the device clock), saved by editing software after capture"
    )


def test_sorting_by_number_puts_the_thousandth_case_after_the_999th(qapp):
    model = CaseListModel()
    model.set_cases([summary(999), summary(1000), summary(7)], NOW)
    model.sort(CaseListModel.NUMBER, Qt.SortOrder.AscendingOrder)
    shown = [model.data(model.index(r, CaseListModel.NUMBER)) for r in range(model.rowCount())]
    assert shown == ["202611-007", "202611-999", "202611-1000"]


def test_a_damaged_case_stands_out_with_its_reason(qapp):
    model = CaseListModel()
    model.set_cases([summary(1, damaged="custody log line 3 is not a valid entry"), summary(2)], NOW)
    rows = {model.summary(r).number: r for r in range(model.rowCount())}
    tip = model.data(model.index(rows["202611-001"], CaseListModel.TITLE), Qt.ItemDataRole.ToolTipRole)
    assert tip and "verifies again" in tip
    assert model.data(model.index(rows["202611-002"], CaseListModel.TITLE), Qt.ItemDataRole.ToolTipRole) is None


def test_capture_times_stay_in_the_files_own_offset():
    """An EXIF 14:12 +03:00 photo shows 14:12 with its offset named, not the machine's 11:12 (UTC)."""
    from datetime import timezone

    from casefile.ui.models import as_recorded

    moscow = datetime(2026, 11, 20, 14, 12, tzinfo=timezone(timedelta(hours=3)))
    shown = as_recorded(moscow)
    assert shown.startswith("2026-11-20 14:12")
    if moscow.astimezone().utcoffset() != timedelta(hours=3):
        assert shown.endswith("(UTC+03:00)")
    assert as_recorded(None) == ""
    naive = datetime(2026, 11, 20, 14, 12, 5)
    assert as_recorded(naive, seconds=True) == "2026-11-20 14:12:05"


def test_every_exhibit_field_a_custody_entry_changes_has_a_name(qapp):
    """The custody record names the fields an entry changed in the user's words, never captured_at."""
    from casefile.core.record.actions import EXHIBIT_UPDATABLE
    from casefile.ui.i18n import install
    from casefile.ui.labels import exhibit_field_name

    install(qapp, "zh_CN")
    try:
        names = {field: exhibit_field_name(field) for field in EXHIBIT_UPDATABLE}
        assert all(name != field and not name.isascii() for field, name in names.items()), names
        assert names["captured_at"] == "形成时间"
    finally:
        install(qapp, "en")


def test_looking_a_case_up_in_a_big_list_fetches_nothing_and_counts_once(qapp, monkeypatch):
    """A search hit names its case's title (asked each time the result is painted): it is looked up by
    number, without fetching the list's rows into the view; the status bar's counts of due and overdue
    cases are counted once a set of cases, not again at each batch the view fetches (10,000 cases: a
    search that froze the window for over a minute)."""
    model = CaseListModel()
    cases = [summary(i) for i in range(1, 1201)]
    clocks = {c.number: clock(c.number, "response", NOW - timedelta(hours=1)) for c in cases[::3]}
    model.set_cases(cases, NOW, clocks)
    asked: list[str] = []
    real = CaseListModel.is_due_today
    monkeypatch.setattr(CaseListModel, "is_due_today", lambda self, c: asked.append(c.number) or real(self, c))
    last = cases[0].number  # sorted newest first: the first case made is the list's last row
    for _ in range(50):
        assert model.summary_of(last) == cases[0]
    assert model.summary_of("209912-001") is None
    assert model.rowCount() == CaseListModel.BATCH  # nothing fetched for it
    assert model.due_counts() == (0, 400)
    model.fetch_until(1199)
    assert model.due_counts() == (0, 400) and len(asked) == 400  # counted once, over the cases with a clock
    model.now = NOW - timedelta(hours=2)  # the clock moves: counted again
    assert model.due_counts() == (400, 0) and len(asked) == 800
    assert model.row_of(last) == 1199


def test_sorting_and_filtering_take_in_every_case_not_only_the_rows_fetched(qapp):
    """A library of more cases than the view fetches at once: the first row sorted by title is the first
    title of all of them, and a filter counts (and finds) every case it lets through."""
    model = CaseListModel()
    cases = [summary(i, title=f"标题{2000 - i}") for i in range(1, 1201)]
    cases[0] = summary(1, title="AAA 最早的案件", stage="closed")  # the oldest: fetched last by number
    model.set_cases(cases, NOW)
    assert model.rowCount() == CaseListModel.BATCH and model.summary(0).number == "202611-1200"
    model.sort(CaseListModel.TITLE, Qt.SortOrder.AscendingOrder)
    assert model.summary(0).number == "202611-001"
    assert model.rowCount() == CaseListModel.BATCH  # still fetched in batches, in the sorted order
    model.sort(CaseListModel.TITLE, Qt.SortOrder.DescendingOrder)
    assert model.summary(0).title == "标题999" and model.row_of("202611-001") == 1199
    model.set_filters(stage="closed")
    assert model.matching == model.rowCount() == 1 and model.summary(0).number == "202611-001"
    model.set_filters(stage="", search="TB0007")  # the order numbers of cases 70 to 79
    assert model.matching == 10 and model.total == 1200


def test_a_changed_case_takes_its_place_in_the_sorted_list_and_the_selection_follows_it(qapp, qtbot):
    """A change to one case places that case's row again; the list is not reset and the rows the view
    holds (the selection) follow their cases."""
    from PySide6.QtWidgets import QAbstractItemView, QTableView

    model = CaseListModel()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSortingEnabled(True)
    model.set_cases([summary(i, title=f"标题{i:04d}") for i in range(1, 1201)], NOW)
    view.sortByColumn(CaseListModel.TITLE, Qt.SortOrder.AscendingOrder)
    view.selectRow(model.row_of("202611-010"))
    resets: list[object] = []
    model.modelReset.connect(lambda: resets.append(1))

    def selected() -> str:
        return model.summary(view.selectionModel().selectedRows()[0].row()).number

    assert selected() == "202611-010" and model.row_of("202611-010") == 9
    model.update_case("202611-010", summary(10, title="标题0500.5"), None)  # retitled: after 0500
    assert model.row_of("202611-010") == 499 and selected() == "202611-010"
    assert model.summary(9).number == "202611-011" and model.summary_of("202611-010").title == "标题0500.5"
    overdue = clock("202611-500", "response", NOW - timedelta(hours=1))
    model.update_case("202611-500", summary(500, title="标题0500"), overdue)  # its clock ran out
    assert model.due_counts() == (0, 1) and model.is_overdue(model.summary_of("202611-500"))
    model.update_case("202611-1201", summary(1201, title="标题0000"), None)  # a case new to the list
    assert model.total == 1201 and model.row_of("202611-1201") == 0 and selected() == "202611-010"
    model.update_case("202611-001", None, None)  # a case gone from it
    assert model.total == 1200 and model.summary_of("202611-001") is None and selected() == "202611-010"
    model.set_filters(stage="closed")  # the selected case is filtered out: it leaves the view
    assert model.rowCount() == 0 and not view.selectionModel().selectedRows()
    model.set_filters(stage="")
    assert model.rowCount() == view.verticalHeader().count() == CaseListModel.BATCH  # the view follows
    view.selectRow(model.row_of("202611-010"))
    model.set_cases([summary(i, title=f"标题{i:04d}") for i in range(2, 1301)], NOW)  # the list read again
    assert selected() == "202611-010" and model.total == 1299 and model.summary_of("202611-001") is None
    assert resets == []


def test_a_case_changed_by_the_user_stays_listed_until_the_filters_change(qapp):
    """``keep``: the case the user changed stays among the filtered rows though the filters no longer take
    it; a case changed elsewhere (a watch folder, another window) is filtered as any other."""
    model = CaseListModel()
    model.set_cases([summary(i) for i in range(1, 11)], NOW)
    model.set_filters(stage="registration")
    model.update_case("202611-003", summary(3, stage="negotiation"), None, keep=True)
    assert model.row_of("202611-003") >= 0 and model.matching == 10
    assert model.kept_unmatched(model.summary_of("202611-003"))
    model.update_case("202611-004", summary(4, stage="negotiation"), None)  # not the user's: it leaves
    assert model.row_of("202611-004") == -1 and model.matching == 9
    model.sort(CaseListModel.TITLE, Qt.SortOrder.AscendingOrder)  # a sort keeps it
    model.set_cases([summary(i, stage="negotiation" if i in (3, 4) else "registration") for i in range(1, 11)], NOW)
    assert model.row_of("202611-003") >= 0 and model.matching == 9  # so does the list read again
    model.update_case("202611-005", summary(5, stage="negotiation"), None, keep=True)
    assert model.matching == 9 and model.row_of("202611-005") >= 0  # one case kept does not drop another
    model.set_filters(stage="registration")  # the filters set again: only what they take
    assert model.row_of("202611-003") == model.row_of("202611-005") == -1 and model.matching == 7
    model.update_case("202611-004", summary(4, stage="registration"), None, keep=True)  # unlisted: comes back
    assert model.row_of("202611-004") >= 0 and not model.kept_unmatched(model.summary_of("202611-004"))
    model.update_case("202611-006", summary(6, stage="closed"), None, keep=True)  # filtered out: stays out
    model.set_filters(stage="")
    model.update_case("202611-006", summary(6, stage="closed"), None, keep=True)
    assert not model.kept_unmatched(model.summary_of("202611-006"))  # no filter: nothing to keep it from


def test_a_deadline_of_another_year_shows_its_year(qapp):
    """诉讼时效 three years away read "11-30" in the list, like a deadline today; a short deadline drops only
    this year's year."""
    from casefile.core.workflow.clocks import CST
    from casefile.ui.models import deadline_day

    today = datetime.now(CST)
    later = today.replace(year=today.year + 3, month=11, day=30, hour=0, minute=0)
    assert deadline_day(later, later.date(), True, full=False).startswith(f"{today.year + 3}-11-30")
    this_year = today.replace(month=12, day=31, hour=17, minute=0)
    assert deadline_day(this_year, this_year.date(), False, full=False) == "12-31"
    assert deadline_day(this_year, None, False, full=False) == "12-31 17:00"
    next_hours = this_year.replace(year=today.year + 1, month=1, day=2)
    assert deadline_day(next_hours, None, False, full=False) == f"{today.year + 1}-01-02 17:00"


def test_a_damaged_case_keeps_its_deadline_in_the_list_and_the_due_filters(qapp, library):
    """A case quarantined after a hand edit to case.json keeps its last known deadline in the time-left
    column, the due filters and the counts; its deadline's tooltip says it is damaged."""
    from casefile_testing import make_case

    from casefile.core.verify import verify_case

    damaged, sound = make_case(library, title="Cracked screen"), make_case(library, title="Lost parcel")
    record = library.cases_dir / damaged.number / "case.json"
    record.write_text(record.read_text(encoding="utf-8").replace("Cracked screen", "Cracked screen!"), "utf-8")
    list(verify_case(library, damaged.number))
    assert library.quarantine_reason(damaged.number)
    now = datetime.now(UTC) + timedelta(days=3)  # both response promises overdue
    model = CaseListModel()
    model.set_cases(library.list_cases(), now, library.next_deadlines(now))
    rows = {model.summary(r).number: r for r in range(model.rowCount())}
    left = model.index(rows[damaged.number], CaseListModel.LEFT)
    assert "overdue" in model.data(left)
    tip = model.data(left, Qt.ItemDataRole.ToolTipRole)
    assert "as last recorded" in tip and "verifies again" in tip
    assert "as last recorded" not in (
        model.data(model.index(rows[sound.number], CaseListModel.LEFT), Qt.ItemDataRole.ToolTipRole) or ""
    )
    assert model.due_counts()[1] == 2
    model.set_filters(only_overdue=True)
    assert sorted(model.summary(r).number for r in range(model.rowCount())) == [damaged.number, sound.number]


def test_an_appeal_past_its_safe_day_is_urgent_not_overdue(qapp):
    """15 days to appeal a judgment served 2026-09-16 end on 国庆: listed by the safe day 10-01; from 10-02 it is
    flagged urgent, "safe day passed; by law it runs to 2026-10-08", never overdue before the law's last day."""
    from casefile.core.workflow.clocks import CST
    from casefile.ui.models import URGENT_COLOUR

    appeal, reply = summary(1), summary(2)
    deadlines = {
        appeal.number: clock(
            appeal.number,
            "court.appeal-judgment",
            datetime(2026, 10, 9, tzinfo=CST),
            kind="limit",
            last_day="2026-10-08",
            rolled_from="2026-10-01",
            started_at=datetime(2026, 9, 16, 15, 0, tzinfo=CST),
            act_by_at=datetime(2026, 10, 2, tzinfo=CST),
        ),
        reply.number: clock(
            reply.number, "courier.reply", datetime(2026, 10, 5, tzinfo=CST), last_day="2026-10-04", ref="GD1"
        ),
    }
    model = CaseListModel()
    model.set_cases([appeal, reply], datetime(2026, 9, 30, 10, 0, tzinfo=CST), deadlines)
    rows = {model.summary(r).number: r for r in range(model.rowCount())}
    due = model.index(rows[appeal.number], CaseListModel.DUE)
    assert model.data(due) == "Appeal against the judgment  10-01"  # the safe day
    assert "by law it runs to 2026-10-08" in model.data(due, Qt.ItemDataRole.ToolTipRole)
    model.sort(CaseListModel.DUE, Qt.SortOrder.AscendingOrder)
    assert model.data(model.index(0, 0)) == appeal.number  # by the safe day, before the carrier's 10-04

    model.now = datetime(2026, 10, 2, 10, 0, tzinfo=CST)
    rows = {model.summary(r).number: r for r in range(model.rowCount())}
    row = rows[appeal.number]
    case = model.summary(row)
    assert model.is_urgent(case) and not model.is_overdue(case)
    assert model.data(model.index(row, CaseListModel.DUE)) == (
        "Appeal against the judgment  Safe day passed; by law it runs to 2026-10-08 (《民事诉讼法》第八十五条)"
    )
    assert model.data(model.index(row, CaseListModel.LEFT)) == "6 days left"
    assert model.data(model.index(row, 0), Qt.ItemDataRole.ForegroundRole).color().name() == URGENT_COLOUR
    assert model.due_counts() == (1, 0)  # due today (urgent), none overdue
    model.set_filters(only_overdue=True)
    assert model.rowCount() == 0
    model.set_filters(only_overdue=False, only_due_today=True)
    assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == [appeal.number]
