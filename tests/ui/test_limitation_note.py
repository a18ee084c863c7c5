"""The limitation period's note (a possible interruption, a later start…) is said in the app's language in the case
list's tooltip, from the message the index keeps beside its English text."""

from __future__ import annotations

from datetime import UTC, datetime

from casefile.cli import main
from casefile.core.library import Library
from casefile.core.listing import LIMITATION, ref_message
from casefile.ui.models import CaseListModel

from PySide6.QtCore import QCoreApplication, Qt, QTranslator

NOW = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)

# The Chinese of the note's templates, as the catalogue gives them (context "core").
CHINESE = {
    "possible interruption {days} if it was a demand to the obligor or its agreeing to perform: check": (
        "{days}的联系如系向义务人提出履行请求或义务人同意履行，则时效中断：请核实"
    ),
    "{day} ({kind})": "{day}（{kind}）",
    "chat": "在线沟通",
}


class Chinese(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[override]
        if context == "core" and source in CHINESE:
            return CHINESE[source]
        return None  # not ours: the source text stands


def test_the_limitation_note_is_translated_in_the_case_list_tooltip(qapp, tmp_path, capsys):
    lib = tmp_path / "lib"
    argv = ["--library", str(lib), "--operator", "t"]
    assert main([*argv, "new", "--title", "空调", "--type", "quality", "--channel", "phone", "--complainant",
                 "李四", "--phone", "13800138011", "--respondent=某电器公司", "--complained-at", "2026-11-20T10:00",
                 "--our-side", "complainant", "--purchased-at", "2024-06-01T10:00"]) == 0  # fmt: skip
    number = capsys.readouterr().out.strip().splitlines()[-1]
    assert main([*argv, "event", number, "--at", "2026-05-01T10:00", "--kind", "chat", "--with", "respondent",
                 "--summary", "与商家微信沟通"]) == 0  # fmt: skip
    library = Library.open(lib, "t")
    try:
        summary, row = library.index.case_row(number, NOW)
    finally:
        library.close()
    assert summary is not None and row is not None
    assert row.key == LIMITATION
    assert row.ref.startswith("possible interruption 2026-05-01 (chat)")  # the English, as casefile due prints it
    assert str(ref_message(row)) == row.ref

    model = CaseListModel()
    model.set_cases([summary], NOW, {number: row})
    translator = Chinese()
    QCoreApplication.installTranslator(translator)
    try:
        tip = model.data(model.index(0, CaseListModel.DUE), Qt.ItemDataRole.ToolTipRole)
    finally:
        QCoreApplication.removeTranslator(translator)
    assert "2026-05-01（在线沟通）的联系如系向义务人提出履行请求或义务人同意履行，则时效中断：请核实" in tip, tip
    assert "possible interruption" not in tip
