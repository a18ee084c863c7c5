"""Settings import a newer year of the holiday arrangement; a bad file is refused with its reason."""

from __future__ import annotations

import json
from datetime import date

from casefile.core.workflow import calendar as workcal


def test_a_newer_year_is_imported_from_settings_and_a_bad_file_is_refused(ctx, qtbot, tmp_path, monkeypatch):
    from casefile.ui.settings_dialog import SettingsDialog

    from PySide6.QtWidgets import QFileDialog

    good = tmp_path / "2027.json"
    rest = {d.isoformat(): n for d, n in workcal.statutory_days(2027).items()}
    good.write_text(
        json.dumps(
            {"format": "casefile-calendar/1", "years": {"2027": {"rest": rest, "work": {}}}}, ensure_ascii=False
        ),
        encoding="utf-8",
    )
    partial = tmp_path / "draft.json"  # a draft: 元旦 only
    partial.write_text(
        json.dumps(
            {"format": "casefile-calendar/1", "years": {"2027": {"rest": {"2027-01-01": "元旦"}, "work": {}}}},
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    bad = tmp_path / "notes.json"
    bad.write_text("not a calendar", encoding="utf-8")
    chosen = [str(bad)]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (chosen[0], ""))

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.calendar_years.text().endswith("2004–2026")
    dialog.calendar_import.click()
    assert "not a CaseFile calendar file" in dialog.error.text()
    assert not workcal.imported_path().exists()

    chosen[0] = str(partial)
    dialog.calendar_import.click()
    assert "2027-10-01" in dialog.error.text() and "2027-02-06" in dialog.error.text()
    assert not workcal.imported_path().exists()

    chosen[0] = str(good)
    dialog.calendar_import.click()
    assert "2027" in dialog.error.text()
    assert dialog.calendar_years.text().endswith("2004–2027")
    assert workcal.current().rest_name(date(2027, 1, 1)) == "元旦"
