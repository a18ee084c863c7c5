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
