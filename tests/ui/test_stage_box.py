"""概况's stage box and 处理's first response: 结案 opens the closing (one way to close), 定期复盘 is offered
only for a closed case, a move over stages is asked about and noted, a date before a complaint made to our
user is refused (a complainant's dealings before it are kept); the first answer to the complainant is
entered and shown, and meets the response promise."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta, timezone

from casefile.core.model import EventKind, Side, Stage, TimelineEvent
from casefile.core.workflow.records import ClosingResult

from PySide6.QtCore import QDateTime
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QDialog, QMessageBox

CST = timezone(timedelta(hours=8))
NUMBER = "202611-001"  # complained 2026-11-20 10:00


def set_time(edit, value: datetime) -> None:
    edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(value.timestamp())))


def choose(overview, stage: str) -> None:
    overview.stage_combo.setCurrentIndex(overview.stage_combo.findData(stage))


def offered(overview, stage: str) -> bool:
    model = overview.stage_combo.model()
    assert isinstance(model, QStandardItemModel)
    return model.item(overview.stage_combo.findData(stage)).isEnabled()


def test_closing_in_the_stage_box_opens_the_closing_dialog(window, ctx, qtbot):
    window.cases.select(NUMBER)
    overview = window.workspace.overview
    assert not offered(overview, "review") and offered(overview, "closed")
    choose(overview, "closed")
    overview.stage_note.setText("已处理完毕")
    set_time(overview.stage_at, datetime(2026, 11, 25, 10, 0, tzinfo=CST))
    overview.change_stage()
    dialog = overview.closing
    assert dialog is not None and dialog.isVisible()
    assert ctx.library.load_case(NUMBER).workflow.closed is None  # nothing closed until the dialog is answered
    assert dialog.note.text() == "已处理完毕"
    dialog.result_box.setCurrentIndex(dialog.result_box.findData("resolved"))
    dialog.satisfaction.setCurrentIndex(dialog.satisfaction.findData("5"))
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    case = ctx.library.load_case(NUMBER)
    closed = case.workflow.closed
    assert case.stage is Stage.CLOSED and closed is not None
    assert (closed.result, closed.satisfaction, closed.note) == (ClosingResult.RESOLVED, 5, "已处理完毕")
    assert closed.at == datetime(2026, 11, 25, 10, 0, tzinfo=CST)
    # closed: the periodic review is offered now, the closing no more
    assert offered(overview, "review") and not offered(overview, "negotiation")
    assert not window.workspace.handling.close_button.isVisibleTo(window.workspace.handling)


def test_the_exhibits_carried_into_the_closing_leave_the_stage_row_with_its_note(window, ctx, tmp_path):
    """The note and 证据编号 typed in the stage row go into the closing and are recorded with it: the row is
    emptied, so the next move (定期复盘) does not cite them again unasked."""
    from casefile.core.evidence import AddOptions, add_files

    shot = tmp_path / "交付单.txt"
    shot.write_text("已交付\n", "utf-8")
    list(add_files(ctx.library, NUMBER, [shot], AddOptions()))
    ctx.events.case_changed.emit(NUMBER)
    window.cases.select(NUMBER)
    overview = window.workspace.overview
    choose(overview, "closed")
    overview.stage_note.setText("顾客同意换新，已交付")
    overview.stage_exhibits.setText("1")
    overview.change_stage()
    dialog = overview.closing
    assert dialog.evidence.chosen() == [1]
    dialog.result_box.setCurrentIndex(dialog.result_box.findData("resolved"))
    dialog.accept()
    assert ctx.library.load_case(NUMBER).workflow.closed.evidence == [1]
    assert overview.stage_note.text() == "" and overview.stage_exhibits.text() == ""


def test_a_closing_before_the_complaint_is_refused_in_the_dialog(window, ctx):
    window.cases.select(NUMBER)
    overview = window.workspace.overview
    choose(overview, "closed")
    overview.change_stage()
    dialog = overview.closing
    dialog.result_box.setCurrentIndex(dialog.result_box.findData("resolved"))
    set_time(dialog.at, datetime(2026, 11, 1, 10, 0, tzinfo=CST))
    dialog.accept()
    assert dialog.isVisible() and "before the complaint time" in dialog.error.text()
    assert ctx.library.load_case(NUMBER).workflow.closed is None
    dialog.reject()


def test_a_skip_is_asked_about_and_needs_a_note(window, ctx, monkeypatch):
    window.cases.select(NUMBER)
    overview = window.workspace.overview
    asked: list[str] = []

    def answer(reply):
        def question(_parent, _title, text, *args, **kwargs):
            asked.append(text)
            return reply

        return question

    errors: list[str] = []
    monkeypatch.setattr("casefile.ui.overview.show_error", lambda _parent, error: errors.append(str(error)))
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    choose(overview, "execution")
    overview.change_stage()
    assert asked and "Negotiation" in asked[0] and ctx.library.load_case(NUMBER).stage is Stage.REGISTRATION
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    overview.change_stage()
    assert errors and ctx.library.load_case(NUMBER).stage is Stage.REGISTRATION  # no note: not moved
    overview.stage_note.setText("商家已主动退款")
    overview.change_stage()
    case = ctx.library.load_case(NUMBER)
    assert case.stage is Stage.EXECUTION and case.stage_log[-1].skipped == [Stage.NEGOTIATION]


def set_side(ctx, side: Side) -> None:
    with ctx.library.edit(NUMBER) as writer:
        writer.update(dataclasses.replace(writer.case, our_side=side))


def test_a_stage_before_a_complaint_to_us_is_refused(window, ctx, monkeypatch):
    set_side(ctx, Side.RESPONDENT)  # the complaint was made to our user: its handling begins with it
    window.cases.select(NUMBER)
    overview = window.workspace.overview
    errors: list[str] = []
    monkeypatch.setattr("casefile.ui.overview.show_error", lambda _parent, error: errors.append(str(error)))
    choose(overview, "negotiation")
    set_time(overview.stage_at, datetime(2026, 11, 19, 10, 0, tzinfo=CST))
    overview.change_stage()
    assert errors and "before the complaint time" in errors[0]
    assert ctx.library.load_case(NUMBER).stage is Stage.REGISTRATION


def test_a_complainants_negotiation_before_the_complaint_keeps_its_date(window, ctx, monkeypatch):
    set_side(ctx, Side.COMPLAINANT)  # a consumer dealt with the merchant before complaining (消法 art. 39)
    window.cases.select(NUMBER)
    overview = window.workspace.overview
    errors: list[str] = []
    monkeypatch.setattr("casefile.ui.overview.show_error", lambda _parent, error: errors.append(str(error)))
    choose(overview, "negotiation")
    set_time(overview.stage_at, datetime(2026, 11, 19, 10, 0, tzinfo=CST))
    overview.change_stage()
    case = ctx.library.load_case(NUMBER)
    assert not errors and case.stage is Stage.NEGOTIATION
    assert case.stage_log[-1].at == datetime(2026, 11, 19, 10, 0, tzinfo=CST)


def test_the_first_response_is_entered_and_shown(window, ctx):
    window.cases.select(NUMBER)
    tab = window.workspace.handling
    window.workspace.setCurrentWidget(tab)

    def response_text() -> str:
        section = tab.tree.topLevelItem(0)
        assert section is not None and "Response promise" in section.text(0)
        return section.child(0).text(1)

    assert "not answered yet" in response_text()
    with ctx.library.edit(NUMBER) as writer:
        writer.add_event(
            TimelineEvent(datetime(2026, 11, 20, 11, 0, tzinfo=CST), EventKind.CALL, "回电客户", party="complainant")
        )
    tab.set_case(NUMBER)
    assert "回电客户" in response_text() and "met" in response_text()
    dialog = tab.record_first_response()
    dialog.form.itemAt(0, dialog.form.ItemRole.FieldRole).widget().set(datetime(2026, 11, 20, 10, 30, tzinfo=CST))
    dialog.accept()
    assert ctx.library.load_case(NUMBER).first_response_at == datetime(2026, 11, 20, 10, 30, tzinfo=CST)
    assert "First response: met" in response_text() and "(first response entered)" in response_text()


def test_the_first_response_says_how_the_complainant_was_answered(window, ctx):
    window.cases.select(NUMBER)
    tab = window.workspace.handling
    window.workspace.setCurrentWidget(tab)
    dialog = tab.record_first_response()
    fields = {}
    for row in range(dialog.form.rowCount()):
        label = dialog.form.itemAt(row, dialog.form.ItemRole.LabelRole)
        field = dialog.form.itemAt(row, dialog.form.ItemRole.FieldRole)
        fields[label.widget().text()] = field.widget()
    fields["Answered at"].set(datetime(2026, 11, 20, 10, 30, tzinfo=CST))
    how = fields["How"]
    how.setCurrentIndex(how.findData(EventKind.CALL.value))
    fields["Note"].setText("回电，答应周五前给方案")
    dialog.accept()
    case = ctx.library.load_case(NUMBER)
    assert case.first_response_at == datetime(2026, 11, 20, 10, 30, tzinfo=CST)
    (event,) = [e for e in case.timeline if e.summary == "回电，答应周五前给方案"]
    assert event.kind is EventKind.CALL and event.party == "complainant"
    assert event.at == case.first_response_at


def test_the_promise_ran_out_warning_is_not_cut_off(ctx, qtbot):
    from casefile.ui.new_case import NewCaseDialog

    dialog = NewCaseDialog(ctx)
    # The time changed here is not asked about when the dialog is closed after the test.
    qtbot.addWidget(dialog, before_close_func=lambda d: setattr(d, "_blank", d._typed()))
    dialog.show()
    qtbot.waitExposed(dialog)
    set_time(dialog.widget("complained_at"), datetime(2026, 11, 18, 22, 0, tzinfo=CST))
    label = dialog.due_label
    assert "ran out" in label.text()
    qtbot.wait(10)
    assert label.isVisible() and label.height() >= label.heightForWidth(label.width())
    # As wide as the dialog, not wrapped into the case's column (which cut its first and last lines at 1024×700
    # with the app's own font).
    assert label.width() > dialog.case_box.width() * 1.5


def test_the_new_case_dialog_says_when_the_promise_has_run_out(ctx, qtbot):
    from casefile.ui.new_case import NewCaseDialog

    dialog = NewCaseDialog(ctx)
    qtbot.addWidget(dialog)
    assert "Reply by" in dialog.due_label.text()
    set_time(dialog.widget("complained_at"), datetime(2026, 11, 18, 22, 0, tzinfo=CST))
    assert "ran out at 2026-11-20 22:00" in dialog.due_label.text()  # normal: 48 h from the complaint


def test_the_walk_in_desk_says_when_the_promise_has_run_out(ctx, qtbot):
    """A registration retried long after the customer came in keeps the complaint time: the promise may be past."""
    from casefile.ui.walkin import WalkInDialog

    dialog = WalkInDialog(ctx)
    qtbot.addWidget(dialog)
    assert "ran out" not in dialog.due_label.text()
    dialog._complained_at = datetime(2026, 11, 18, 22, 0, tzinfo=CST)
    dialog._update_due()
    assert "ran out at 2026-11-20 22:00" in dialog.due_label.text()
