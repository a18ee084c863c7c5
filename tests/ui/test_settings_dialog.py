"""The settings dialog: what it saves."""

from __future__ import annotations

from casefile.core.settings import load_settings


def test_settings_set_how_long_personal_data_is_kept(ctx, qtbot):
    """The retention period the walk-in receipt tells the customer is set in the settings."""
    from casefile.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.retention.value() == 3
    dialog.retention.setValue(5)
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert load_settings().data_retention_years == 5 == ctx.settings.data_retention_years


def test_the_settings_fit_a_1024_by_700_screen_with_save_in_sight(ctx, qtbot, qapp):
    """Both languages, both pages: the dialog never needs more than the screen's free room, so Save and
    Cancel are never cut off; what does not fit scrolls."""
    from casefile.ui.i18n import install
    from casefile.ui.settings_dialog import SettingsDialog

    from PySide6.QtWidgets import QDialogButtonBox

    for language in ("zh_CN", "en"):
        install(qapp, language)
        dialog = SettingsDialog(ctx)
        qtbot.addWidget(dialog)
        for page in range(dialog.pages.count()):
            dialog.pages.setCurrentIndex(page)
            hint = dialog.minimumSizeHint()
            assert hint.width() <= 1024 - 16 and hint.height() <= 700 - 48, (language, page, hint)
        dialog.resize(dialog.width(), 640)
        dialog.show()
        qapp.processEvents()
        buttons = dialog.findChild(QDialogButtonBox)
        bottom = buttons.mapTo(dialog, buttons.rect().bottomLeft()).y()
        assert bottom <= dialog.height()
        dialog.close()
