"""Texts of Qt's own dialogs that Qt's Chinese catalogue (qtbase_zh_CN) misses, listed for the translation tools.

Qt's widgets ask for "&Look in:" and "Files of &type:" with their shortcut letters, while qtbase_zh_CN
translates only "Look in:" and "Files of type:"; the print dialog's "Page &Set:" has no translation at
all, nor does the file list's type "Drive". Listed here under Qt's own contexts, they are translated
in CaseFile's catalogue, which the app installs after Qt's, so the file and print dialogs speak Chinese.
(The file list's "Folder" is asked for with a disambiguation this list cannot carry; it stays English.)
"""

from casefile.ui.core_messages import QT_TRANSLATE_NOOP

MESSAGES = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Page &Set:"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Page &order:"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Pages &per sheet:"),
)
