"""Finding cases as clerks do: by the customer's phone, whole or its last four digits; the status
bar counts what the list shows."""

from __future__ import annotations

from casefile_testing import make_case

from casefile.core.model import Party, PartyKind, case_from_data, case_to_data
from casefile.ui.main_window import MainWindow
from casefile.ui.models import CaseListModel, phone_matches

from PySide6.QtCore import Qt


def test_phone_queries() -> None:
    assert phone_matches("13812345678", "5678")
    assert phone_matches("138-1234-5678", "13812345678")
    assert phone_matches("+86 138 1234 5678", "138 1234 5678")
    assert phone_matches("13812345678", "１３８１２３４５６７８")  # full-width digits
    assert not phone_matches("13812345678", "567")  # too short to mean a phone
    assert not phone_matches("13812345678", "王5678")  # not a phone query
    assert not phone_matches("", "5678")


def test_search_by_phone_and_the_status_counts_what_is_shown(qtbot, ctx) -> None:
    library = ctx.library
    for i, phone in enumerate(["13812345678", "010-62341234", ""]):
        case = make_case(library)
        with library.edit(case.number) as writer:
            changed = case_from_data(case_to_data(writer.case))
            changed.complainant = Party(PartyKind.PERSON, name=f"顾客{i}", phone=phone)
            writer.update(changed)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.due_label.text().startswith("3 cases ·")
    window.cases.search.setText("5678")
    assert window.cases.model.rowCount() == 1
    assert window.due_label.text().startswith("1 of 3 cases shown ·")
    window.cases.search.setText("01062341234")  # a landline typed without its dash
    assert window.cases.model.rowCount() == 1
    window.cases.search.clear()
    assert window.cases.model.rowCount() == 3 and window.due_label.text().startswith("3 cases ·")


def test_the_case_list_exports_to_excel_as_filtered(qtbot, ctx, tmp_path) -> None:
    import zipfile

    library = ctx.library
    for name in ("王一", "李二"):
        case = make_case(library)
        with library.edit(case.number) as writer:
            changed = case_from_data(case_to_data(writer.case))
            changed.complainant = Party(PartyKind.PERSON, name=name)
            writer.update(changed)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.cases.search.setText("李二")
    path = tmp_path / "list.xlsx"
    assert window.cases.list_export(path)() == 1
    with zipfile.ZipFile(path) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert "李二" in sheet and "王一" not in sheet


def test_the_case_list_exports_every_case_it_lets_through_not_only_those_fetched(qtbot, ctx, tmp_path, monkeypatch):
    """The view fetches a big list in batches as it scrolls; the workbook has every case all the same."""
    import zipfile

    monkeypatch.setattr(CaseListModel, "BATCH", 2)
    numbers = [make_case(ctx.library, title=f"第{i}件").number for i in range(5)]
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.cases.model.rowCount() == 2 and window.due_label.text().startswith("5 cases ·")
    path = tmp_path / "list.xlsx"
    assert window.cases.list_export(path)() == 5
    with zipfile.ZipFile(path) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert all(number in sheet for number in numbers)


def test_the_case_list_is_exported_off_the_window_s_thread(qtbot, ctx, tmp_path, monkeypatch):
    """10,000 cases took half a second to put into words and write: the window goes on answering."""
    import threading

    import casefile.ui.main_window
    from casefile.core.spreadsheet import write_xlsx

    from PySide6.QtWidgets import QFileDialog

    for i in range(3):
        make_case(ctx.library, title=f"第{i}件")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    written_on: list[threading.Thread] = []

    def write(*args, **kwargs):
        written_on.append(threading.current_thread())
        write_xlsx(*args, **kwargs)

    monkeypatch.setattr(casefile.ui.main_window, "write_xlsx", write)
    target = tmp_path / "案件列表.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    ctx.reads.synchronous = False
    window.export_case_list()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == f"3 cases exported to {target}", timeout=30_000)
    assert target.is_file() and written_on and threading.main_thread() not in written_on


def test_the_case_list_is_not_exported_into_the_library(qtbot, ctx, monkeypatch) -> None:
    """A file saved into a case's folder would stop the case from verifying: refused, with why."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    case = make_case(ctx.library, title="第一件")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    target = ctx.library.cases_dir / case.number / "evidence" / "案件列表.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: said.append(text))
    window.export_case_list()
    assert said and "inside the CaseFile library" in said[0]
    assert not target.exists()


def test_the_number_on_the_first_receipt_still_finds_the_case_after_a_correction(qtbot, ctx) -> None:
    library = ctx.library
    case = make_case(library)
    for phone in ("13912345678", "13912345687"):  # typed wrong at the desk, then corrected in 概况
        with library.edit(case.number) as writer:
            changed = case_from_data(case_to_data(writer.case))
            changed.complainant = Party(PartyKind.PERSON, name="张敏", phone=phone)
            writer.update(changed)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    model = window.cases.model
    window.cases.search.setText("5678")  # the last four digits on the receipt the customer holds
    assert model.rowCount() == 1
    tip = model.data(model.index(0, CaseListModel.COMPLAINANT), Qt.ItemDataRole.ToolTipRole)
    assert tip == "Found by an earlier contact (曾用): 13912345678"
    window.cases.search.setText("5687")  # the number as it is now: no note
    assert model.rowCount() == 1
    assert model.data(model.index(0, CaseListModel.COMPLAINANT), Qt.ItemDataRole.ToolTipRole) is None


def _phoned_cases(ctx, phones: list[str]) -> list[str]:
    numbers = []
    for i, phone in enumerate(phones):
        case = make_case(ctx.library)
        with ctx.library.edit(case.number) as writer:
            changed = case_from_data(case_to_data(writer.case))
            changed.complainant = Party(PartyKind.PERSON, name=f"顾客{i}", phone=phone)
            writer.update(changed)
        numbers.append(case.number)
    return numbers


def _searching(qtbot, ctx, text: str) -> MainWindow:
    """Ctrl+F in the window and ``text`` typed, with the last case open (the search hides it)."""
    from PySide6.QtWidgets import QApplication

    window = MainWindow(ctx)
    qtbot.addWidget(window, before_close_func=lambda w: w.workspace.overview.revert())
    window.resize(1024, 700)
    with qtbot.waitActive(window):
        window.show()
    window.open_case(ctx.library.case_numbers()[-1])
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.cases.search
    qtbot.keyClicks(window.cases.search, text)
    return window


def test_down_in_the_search_box_goes_into_the_cases_found_and_enter_opens_one(qtbot, ctx) -> None:
    """A walk-in found by the last four digits of the phone: Down reaches the rows found (7 Tabs did), Down goes on
    to the next, Enter in the box opens the first found; Up from the first row goes back to the box."""
    from PySide6.QtWidgets import QApplication

    first, second, other = _phoned_cases(ctx, ["13812345678", "13912345678", "13900002233"])
    window = _searching(qtbot, ctx, "5678")
    assert window.workspace.number == other and window.cases.model.rowCount() == 2
    found = [window.cases.model.summary(r).number for r in range(2)]
    assert sorted(found) == [first, second]
    qtbot.keyClick(window.cases.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is window.cases.table
    assert window.workspace.number == found[0]
    qtbot.keyClick(window.cases.table, Qt.Key.Key_Down)
    assert window.workspace.number == found[1]
    qtbot.keyClick(window.cases.table, Qt.Key.Key_Up)
    qtbot.keyClick(window.cases.table, Qt.Key.Key_Up)
    assert QApplication.focusWidget() is window.cases.search

    window.open_case(other)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.cases.search, "5678")
    assert window.workspace.number == other
    qtbot.keyClick(window.cases.search, Qt.Key.Key_Return)
    assert window.workspace.number == found[0]
    assert QApplication.focusWidget() is window.cases.table


def test_enter_in_the_search_box_opens_the_case_selected_among_those_found(qtbot, ctx) -> None:
    from PySide6.QtWidgets import QApplication

    first, second, _other = _phoned_cases(ctx, ["13812345678", "13912345678", "13900002233"])
    window = _searching(qtbot, ctx, "5678")
    shown_second = window.cases.model.summary(1).number
    window.cases.select(shown_second)
    assert window.workspace.number == shown_second
    window.cases.search.setFocus()
    qtbot.keyClick(window.cases.search, Qt.Key.Key_Enter)
    assert window.workspace.number == shown_second
    assert QApplication.focusWidget() is window.cases.table
    assert window.cases.table.currentIndex().row() == 1


def test_escape_in_the_search_box_clears_it(qtbot, ctx) -> None:
    _phoned_cases(ctx, ["13812345678", "13900002233"])
    window = _searching(qtbot, ctx, "5678")
    assert window.cases.model.rowCount() == 1
    qtbot.keyClick(window.cases.search, Qt.Key.Key_Escape)
    assert window.cases.search.text() == "" and window.cases.model.rowCount() == 2
