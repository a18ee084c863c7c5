"""The steps of the handling cite the exhibits that show them, picked in the app: the answer to a round, a
proceeding, the closing (ticked in their dialogs, listed by file number) and a stage entered with what happened
(the overview's stage row); the handling tab and the stage log show what each cites."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from casefile.core.evidence import add_files
from casefile.core.workflow import handling
from casefile.core.workflow.records import Proceeding, Proposal, Venue

from PySide6.QtCore import QDateTime

CST = timezone(timedelta(hours=8))
NUMBER = "202611-001"


def set_time(edit, value: datetime) -> None:
    edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(value.timestamp())))


def pick(combo, value: str) -> None:
    combo.setCurrentIndex(combo.findData(value))


def form(dialog) -> dict[str, object]:
    layout = dialog.form
    fields = {}
    for row in range(layout.rowCount()):
        label = layout.itemAt(row, layout.ItemRole.LabelRole)
        field = layout.itemAt(row, layout.ItemRole.FieldRole)
        if field is not None:
            fields[label.widget().text() if label is not None else ""] = field.widget()
    return fields


def tree_texts(tab) -> list[str]:
    texts = []
    root = tab.tree.invisibleRootItem()
    for i in range(root.childCount()):
        section = root.child(i)
        texts += [section.child(j).text(1) for j in range(section.childCount())]
    return texts


@pytest.fixture
def with_exhibits(window, ctx, files):
    list(add_files(ctx.library, NUMBER, [files / "破损照片.jpg", files / "chat.txt"]))
    with ctx.library.edit(NUMBER) as w:
        handling.propose(w, Proposal(at=datetime(2026, 11, 21, 15, tzinfo=CST), by="respondent", summary="只同意维修"))
        handling.open_proceeding(w, Proceeding(venue=Venue.CONSUMER_ASSOCIATION, evidence=[1]))
    window.cases.select(NUMBER)
    return window


def test_the_answer_the_proceeding_and_the_closing_cite_the_exhibits_ticked(with_exhibits, ctx):
    window = with_exhibits
    tab = window.workspace.handling
    window.workspace.setCurrentWidget(tab)

    tab.select("proposal", 0)
    dialog = tab.answer_selected()
    fields = form(dialog)
    pick(fields["Answer"], "rejected")
    set_time(fields["Answered at"], datetime(2026, 11, 22, 15, 0, tzinfo=CST))
    fields["Note"].setText("商家书面答复")
    choice = fields["Exhibits"]
    assert choice.count() == 2 and choice.chosen() == []  # the case's exhibits, none ticked
    choice.set_ticked(2)
    dialog.accept()
    (proposal,) = ctx.library.load_case(NUMBER).workflow.proposals
    assert proposal.answer_evidence == [2] and proposal.evidence == []

    tab.select("proceeding", 0)
    dialog = tab.update_selected()
    choice = form(dialog)["Exhibits"]
    assert choice.chosen() == [1]  # what it cites already, ticked
    choice.set_ticked(2)
    dialog.accept()
    assert ctx.library.load_case(NUMBER).workflow.proceedings[0].evidence == [1, 2]

    dialog = tab.close_case()
    fields = form(dialog)
    pick(fields["Result"], "partly")
    set_time(fields["Closed at"], datetime(2026, 11, 27, 12, 0, tzinfo=CST))
    fields["Exhibits"].set_ticked(1)
    dialog.accept()
    case = ctx.library.load_case(NUMBER)
    assert case.workflow.closings[-1].evidence == [1] and case.stage_log[-1].evidence == [1]

    texts = tree_texts(tab)
    assert any("Rejected" in t and t.endswith("商家书面答复  exhibit 2") for t in texts), texts
    assert any(t.startswith("1. ") and "exhibit 1, exhibit 2" in t for t in texts), texts
    assert any(t.startswith("Closed:") and "exhibit 1" in t for t in texts), texts


def test_a_stage_entered_in_the_overview_cites_its_exhibits(with_exhibits, ctx):
    overview = with_exhibits.workspace.overview
    overview.stage_combo.setCurrentIndex(overview.stage_combo.findData("negotiation"))
    overview.stage_note.setText("被投诉人书面答复只同意维修")
    overview.stage_exhibits.setText("2，1")
    overview.change_stage()
    stored = ctx.library.load_case(NUMBER)
    assert stored.stage_log[-1].note == "被投诉人书面答复只同意维修" and stored.stage_log[-1].evidence == [2, 1]
    assert overview.stage_exhibits.text() == ""  # written: cleared with the note
    assert "被投诉人书面答复只同意维修  (exhibits 2, 1)" in overview.stage_log.item(0).text()
