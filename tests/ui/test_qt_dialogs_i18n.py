"""Qt's own dialogs (choosing a file, printing) speak the app's language."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QGroupBox, QLabel, QWidget

HAN = re.compile("[\u4e00-\u9fff]")


def english_texts(dialog: QWidget) -> list[str]:
    """Labels, buttons and group titles with no Chinese in them (paths and file patterns aside)."""
    found = []
    for child in dialog.findChildren(QWidget):
        if isinstance(child, QLabel | QAbstractButton):
            text = child.text()
        elif isinstance(child, QGroupBox):
            text = child.title()
        else:
            continue
        if child.isVisibleTo(dialog) and re.search("[A-Za-z]{2}", text) and not HAN.search(text):
            found.append(text)
    return found


def test_qt_ships_its_chinese_catalogue():
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert (folder / "qtbase_zh_CN.qm").is_file()


def test_file_dialog_speaks_chinese(qapp, qtbot, tmp_path):
    from casefile.ui.i18n import install

    install(qapp, "zh_CN")
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："  # Qt's own catalogue is loaded
    dialog = QFileDialog(None, "", str(tmp_path), "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    assert english_texts(dialog) == []
    assert dialog.findChild(QLabel, "fileTypeLabel").text() == "文件类型(&T)："
    assert QCoreApplication.translate("QAbstractFileIconProvider", "Drive") == "驱动器"  # the type of "/"


def test_print_dialog_speaks_chinese(qapp, qtbot):
    from casefile.ui.i18n import install

    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    install(qapp, "zh_CN")
    printer = QPrinter()
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    dialog.show()
    assert english_texts(dialog) == []
