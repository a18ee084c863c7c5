"""Settings: library location, operator, organisation details, language, bundle defaults."""

from __future__ import annotations

from pathlib import Path

from casefile.core.errors import CaseFileError
from casefile.core.library import check_library_folder
from casefile.core.search.ocr import unavailable
from casefile.core.settings import save_settings
from casefile.core.validate import check_credit_code, normalise_phone
from casefile.core.workflow import calendar as workcal
from casefile.ui.context import AppContext, show_error
from casefile.ui.i18n import LANGUAGES, fill, translated
from casefile.ui.keys import follow_focus
from casefile.ui.screen import fit_to_screen

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

VENUES = ["consumer-association", "arbitration", "court", "courier-claim", "receipt"]


class SettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        s = ctx.settings
        from casefile.ui.team import solo_library_path, team_of

        # The library folder on this computer (in team mode the window shows the team library's working copy).
        self.solo_root = str(ctx.library.root) if team_of(ctx.library) is None else str(solo_library_path(s))
        self.library = QLineEdit(s.library or self.solo_root, self)
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        self.operator = QLineEdit(s.operator, self)
        self.operator.setPlaceholderText(ctx.operator)
        self.clerk_id = QLineEdit(s.clerk_id, self)
        self.clerk_id.setToolTip(self.tr("Printed beside the operator's name on walk-in receipts (受理人 / 工号)"))
        self.org_name = QLineEdit(s.org_name, self)
        self.org_code = QLineEdit(s.org_credit_code, self)
        self.org_address = QLineEdit(s.org_address, self)
        self.org_phone = QLineEdit(s.org_phone, self)
        self.org_rep = QLineEdit(s.org_legal_representative, self)
        self.org_contact = QLineEdit(s.org_contact, self)
        self.org_contact.setPlaceholderText(self.tr("The operator name above"))
        self.org_contact.setToolTip(
            self.tr("Printed as the contact person on the organisation's claims (courier claims, 12305 appeals)")
        )
        self.retention = QSpinBox(self)
        self.retention.setRange(0, 30)
        self.retention.setSuffix(self.tr(" years", "after a number"))
        self.retention.setSpecialValueText(self.tr("deleted once handled"))
        self.retention.setValue(max(0, min(30, s.data_retention_years)))
        self.retention.setToolTip(
            self.tr(
                "How long after a complaint is handled the customer's personal data is kept, as the walk-in receipt "
                "tells the customer"
            )
        )
        self.time_zone = QComboBox(self)
        self.time_zone.addItem(self.tr("Beijing time (UTC+08:00)"), False)
        self.time_zone.addItem(self.tr("This computer's time zone, with its offset beside each time"), True)
        self.time_zone.setCurrentIndex(1 if s.times_in_computer_zone else 0)
        self.time_zone.setToolTip(
            self.tr(
                "The zone times are shown and typed in, in the app and in packets and receipts. Deadlines are "
                "counted in Beijing time either way; stored times do not change."
            )
        )
        self.language = QComboBox(self)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(s.language)))
        self.venue = QComboBox(self)
        names = {
            "consumer-association": self.tr("Consumer association / 12315"),
            "arbitration": self.tr("Arbitration"),
            "court": self.tr("Court"),
            "courier-claim": self.tr("Courier claim"),
            "receipt": self.tr("Walk-in receipt"),
        }
        for venue in VENUES:
            self.venue.addItem(names[venue], venue)
        self.venue.setCurrentIndex(max(0, self.venue.findData(s.default_venue)))
        self.split = QSpinBox(self)
        self.split.setRange(0, 2048)
        self.split.setSuffix(" MB")
        self.split.setSpecialValueText(self.tr("no split"))
        self.split.setValue(s.split_mb)
        self.after_ingest = QComboBox(self)
        self.after_ingest.addItem(self.tr("Move them to the folder's .ingested subfolder"), "move")
        self.after_ingest.addItem(self.tr("Delete them (the case keeps the bytes)"), "delete")
        self.after_ingest.setCurrentIndex(max(0, self.after_ingest.findData(s.watch_after_ingest)))
        self.settle = QDoubleSpinBox(self)
        self.settle.setRange(0.2, 120.0)
        self.settle.setDecimals(1)
        self.settle.setSuffix(self.tr(" s", "seconds, after a number"))
        self.settle.setValue(s.watch_settle_ms / 1000)
        self.settle.setToolTip(
            self.tr("Where the system does not say when a file is finished, wait until it has not changed this long")
        )
        # Trusted timestamps (RFC 3161): the TSA asked after each ingest; empty: none asked for.
        self.tsa_url = QLineEdit(s.tsa_url, self)
        self.tsa_url.setPlaceholderText(self.tr("none: exhibits are not timestamped"))
        self.tsa_url.setToolTip(
            self.tr(
                "The address of a timestamp authority (TSA, RFC 3161), e.g. http://timestamp.example.com/tsa. "
                "After each ingest the new exhibits and the custody log's last entry are stamped with one request; "
                "while it cannot be reached, the request waits and is sent later."
            )
        )
        self.tsa_ca = QLineEdit(s.tsa_ca_file, self)
        self.tsa_ca.setPlaceholderText(self.tr("only when the TSA's tokens do not carry its root certificate"))
        tsa_browse = QPushButton(self.tr("Choose…"), self)
        tsa_browse.clicked.connect(self._browse_tsa_ca)
        self.tsa_browse = tsa_browse
        # The TSA roots the user confirmed (their SHA-256, compared with what the authority publishes): a stamp
        # relying on any other root is shown as "root not checked", never as trusted.
        self.tsa_pins = QLineEdit(s.tsa_root_sha256, self)
        self.tsa_pins.setPlaceholderText(self.tr("none: every timestamp is shown as “root not checked”"))
        self.tsa_pins.setToolTip(
            self.tr(
                "The SHA-256 fingerprints of the timestamp authorities' root certificates you have compared with "
                "the fingerprints the authorities publish, separated by commas. Only a timestamp whose root is "
                "one of them is shown as a trusted timestamp."
            )
        )
        tsa_pin_file = QPushButton(self.tr("From a certificate…"), self)
        tsa_pin_file.clicked.connect(self._pin_from_file)
        self.tsa_pin_file = tsa_pin_file
        self.ocr = QCheckBox(self.tr("Read new pictures and scans in the background"), self)
        self.ocr.setChecked(s.ocr_in_background)
        missing = unavailable()
        self.ocr.setToolTip(
            translated(missing)
            if missing is not None
            else self.tr(
                "For search and for suggested redactions; the text is kept beside the library, not as evidence"
            )
        )
        self.ocr.setEnabled(missing is None)
        self.attached_note = QLabel(
            self.tr(
                "Folders attached to cases are kept in the library, the same for everyone who uses it: "
                "attach or detach them in a case's Evidence tab (Watch folders)."
            ),
            self,
        )
        self.attached_note.setWordWrap(True)
        self.calendar_years = QLabel(self)
        calendar_import = QPushButton(self.tr("Import a holiday arrangement…"), self)
        calendar_import.setToolTip(
            self.tr(
                "Deadlines in working days follow the State Council's holiday arrangement. Import a newer year "
                "(a CaseFile calendar file) when it is published; deadlines in a year not known are provisional."
            )
        )
        calendar_import.clicked.connect(self._import_calendar)
        self.calendar_import = calendar_import
        self._show_calendar()
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020")

        library_row = QHBoxLayout()
        library_row.addWidget(self.library, 1)
        library_row.addWidget(browse)
        form = QFormLayout()
        # The form follows the width of its page: the choices are as wide as the room beside the labels (the
        # long English ones), the text of the one chosen elided, never wider than the page (at 1024×700 the
        # fields ran under the scroll bar and were cut off on the right).
        for combo in (self.time_zone, self.language, self.venue, self.after_ingest):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, combo.sizePolicy().verticalPolicy())
        self.calendar_years.setWordWrap(True)
        form.addRow(self.tr("Library folder"), library_row)
        form.addRow(self.tr("Operator name"), self.operator)
        form.addRow(self.tr("Staff number (工号)"), self.clerk_id)
        form.addRow(self.tr("Organisation name"), self.org_name)
        form.addRow(self.tr("Unified social credit code"), self.org_code)
        form.addRow(self.tr("Address"), self.org_address)
        form.addRow(self.tr("Phone"), self.org_phone)
        form.addRow(self.tr("Legal representative"), self.org_rep)
        form.addRow(self.tr("Contact person"), self.org_contact)
        form.addRow(self.tr("Personal data kept after handling"), self.retention)
        form.addRow(self.tr("Times shown in"), self.time_zone)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Default venue"), self.venue)
        form.addRow(self.tr("E-filing size limit"), self.split)
        form.addRow(self.tr("Watched files, once added"), self.after_ingest)
        form.addRow(self.tr("Wait for files to settle"), self.settle)
        form.addRow(self.tr("Timestamp authority (TSA)"), self.tsa_url)
        tsa_ca_row = QHBoxLayout()
        tsa_ca_row.addWidget(self.tsa_ca, 1)
        tsa_ca_row.addWidget(tsa_browse)
        form.addRow(self.tr("TSA root certificate"), tsa_ca_row)
        tsa_pins_row = QHBoxLayout()
        tsa_pins_row.addWidget(self.tsa_pins, 1)
        tsa_pins_row.addWidget(tsa_pin_file)
        form.addRow(self.tr("Pinned TSA roots (SHA-256)"), tsa_pins_row)
        form.addRow(self.tr("Text in pictures (OCR)"), self.ocr)
        calendar_row = QHBoxLayout()
        calendar_row.addWidget(self.calendar_years, 1)
        calendar_row.addWidget(calendar_import)
        form.addRow(self.tr("Holiday calendar"), calendar_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        general = QWidget(self)
        general_layout = QVBoxLayout(general)
        general_layout.addLayout(form)
        general_layout.addWidget(self.attached_note)
        from casefile.ui.team import TeamPage

        # 团队库: connecting acts at once (the window switches library); Save and Cancel are for the rest.
        switch = getattr(self.parent(), "switch_library", None)
        self.team = TeamPage(ctx, self, switch=switch if callable(switch) else None)
        self.pages = QTabWidget(self)
        # Each page scrolls, so Save and Cancel stay in sight on a 700-pixel screen (the pages are taller).
        for page, title in ((general, self.tr("General")), (self.team, self.tr("Team library"))):
            scroller = QScrollArea(self.pages)
            scroller.setWidgetResizable(True)
            scroller.setFrameShape(QFrame.Shape.NoFrame)
            scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroller.setWidget(page)
            follow_focus(scroller)
            self.pages.addTab(scroller, title)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setWindowTitle(self.tr("Settings"))
        wanted = general.sizeHint().height() + buttons.sizeHint().height() + self.pages.tabBar().sizeHint().height()
        fit_to_screen(self, 660, max(460, wanted + 80))

    def _show_calendar(self) -> None:
        known = workcal.current().known_years()
        self.calendar_years.setText(fill(self.tr("Years known: %1–%2"), str(known[0]), str(known[-1])))

    def _import_calendar(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a holiday arrangement"), "", self.tr("Calendar files (*.json)")
        )
        if not path:
            return
        try:
            years = workcal.import_file(Path(path))
        except Exception as exc:  # noqa: BLE001 - shown to the user; nothing is kept
            self.error.setText(translated(exc))
            return
        self.error.setText(fill(self.tr("Imported: %1"), "、".join(str(y) for y in years)))
        self._show_calendar()

    def _browse_tsa_ca(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("TSA root certificate"), self.tsa_ca.text(), self.tr("Certificates (*.pem *.crt *.cer)")
        )
        if path:
            self.tsa_ca.setText(path)

    def _pin_from_file(self) -> None:
        """Add the fingerprints of the root certificates in a file the user chose (the authority's root)."""
        from casefile.core.timestamps.roots import parse_pins, pins_from_file
        from casefile.ui.timestamps import roots_text

        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("TSA root certificate"), "", self.tr("Certificates (*.pem *.crt *.cer)")
        )
        if not path:
            return
        try:
            roots = pins_from_file(Path(path))
            pins = parse_pins(self.tsa_pins.text())
        except CaseFileError as exc:
            self.error.setText(translated(exc))
            return
        pins += [r.sha256 for r in roots if r.sha256 not in pins]
        self.tsa_pins.setText(", ".join(pins))
        self.error.setText("")
        QMessageBox.information(
            self,
            self.tr("Pinned TSA roots (SHA-256)"),
            fill(
                self.tr(
                    "Pinned once you save:\n%1\n\nCompare this fingerprint with the one the authority publishes: "
                    "only a root you have checked should be pinned."
                ),
                roots_text(roots),
            ),
        )

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Library folder"), self.library.text())
        if folder:
            self.library.setText(folder)

    def save(self) -> None:
        s = self.ctx.settings
        organisation = (s.org_name, s.org_credit_code)
        folder = self.library.text().strip()
        if folder and folder != self.solo_root:
            problem = check_library_folder(Path(folder))
            if problem is not None:  # a folder that cannot be a library is never remembered
                self.error.setText(translated(problem))
                self.library.setFocus()
                return
        try:
            code = self.org_code.text().strip()
            phone = self.org_phone.text().strip()
            s.org_credit_code = check_credit_code(code) if code else ""
            s.org_phone = normalise_phone(phone) if phone else ""
        except Exception as exc:  # noqa: BLE001 - shown to the user, nothing saved
            self.error.setText(translated(exc))
            return
        tsa_url = self.tsa_url.text().strip()
        if tsa_url and not tsa_url.lower().startswith(("http://", "https://")):
            self.error.setText(self.tr("The TSA address must begin with http:// or https://"))
            self.tsa_url.setFocus()
            return
        from casefile.core.timestamps.roots import parse_pins

        try:
            pins = parse_pins(self.tsa_pins.text())
        except CaseFileError as exc:
            self.error.setText(translated(exc))
            self.tsa_pins.setFocus()
            return
        library_changed = self.library.text().strip() != self.solo_root
        s.library = self.library.text().strip() if library_changed else s.library
        s.operator = self.operator.text().strip()
        s.clerk_id = self.clerk_id.text().strip()
        s.org_name = self.org_name.text().strip()
        s.org_address = self.org_address.text().strip()
        s.org_legal_representative = self.org_rep.text().strip()
        s.org_contact = self.org_contact.text().strip()
        s.data_retention_years = self.retention.value()
        zone_changed = s.times_in_computer_zone != bool(self.time_zone.currentData())
        s.times_in_computer_zone = bool(self.time_zone.currentData())
        s.default_venue = self.venue.currentData()
        s.split_mb = self.split.value()
        s.tsa_url = tsa_url
        s.tsa_ca_file = self.tsa_ca.text().strip()
        s.tsa_root_sha256 = ", ".join(pins)
        s.ocr_in_background = self.ocr.isChecked()
        watch = (s.watch_after_ingest, s.watch_settle_ms)
        s.watch_after_ingest = self.after_ingest.currentData()
        s.watch_settle_ms = round(self.settle.value() * 1000)
        language = self.language.currentData()
        try:
            save_settings(s)
        except OSError as exc:
            show_error(self, exc)
            return
        switch = getattr(self.parent(), "switch_language", None)
        if language != s.language and callable(switch):
            switch(language)
        show_times_again = getattr(self.parent(), "show_times_again", None)
        if zone_changed and callable(show_times_again):
            show_times_again()
        read_sides_again = getattr(self.parent(), "read_sides_again", None)
        if organisation != (s.org_name, s.org_credit_code) and callable(read_sides_again):
            read_sides_again()  # cases that record no side are read as the organisation's now named
        if watch != (s.watch_after_ingest, s.watch_settle_ms):
            self.ctx.events.watch_folders_changed.emit()
        if library_changed:
            self.error.setText(self.tr("The new library is used from the next start."))
        self.accept()
