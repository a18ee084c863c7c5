"""The bundle wizard: four steps that make a venue-formatted PDF bundle for a case.

1. Venue (and, for a walk-in receipt, the paper size); 2. the exhibits, in order, and the volume
size; 3. the preflight findings (errors block, warnings must be accepted); 4. the build, as a
:class:`Task` with progress and Cancel, then the saved files and their SHA-256.
"""

from __future__ import annotations

import html
import logging
import sys
from pathlib import Path
from typing import Any

from casefile.core.bundle import BundleOptions, BundleResult, Finding, Level, PreflightError, Venue
from casefile.core.bundle.options import select_entries
from casefile.core.bundle.preflight import preflight
from casefile.core.disclosure import DisclosureReport, disclosure_for
from casefile.core.disclosure.pictures import PictureTexts
from casefile.core.errors import CancelledError, CaseFileError
from casefile.core.model import Case
from casefile.core.record.roles import organisation_party
from casefile.core.venues import Route, default_venue
from casefile.ui.context import AppContext, case_shown, show_error
from casefile.ui.exhibit_picker import ExhibitPicker
from casefile.ui.i18n import fill, translated
from casefile.ui.labels import route_name, venue_name
from casefile.ui.pdf_viewer import PdfViewer, show_pdf
from casefile.ui.tasks import Task

from PySide6.QtCore import QProcess, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QColor, QDesktopServices, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)

NUMBER_ROLE = Qt.ItemDataRole.UserRole
FIELD_ROLE = Qt.ItemDataRole.UserRole + 2  # a finding's field to fix: "respondent.address"
ERROR_COLOUR = QColor("#b00020")
WARNING_COLOUR = QColor("#c05600")
OK_COLOUR = QColor("#2e7d32")
VENUES = [
    Venue.CONSUMER_ASSOCIATION,
    Venue.COURT,
    Venue.ARBITRATION,
    Venue.COURIER_CLAIM,
    Venue.RECEIPT,
]
LAYOUTS = ["a5", "80mm"]
STEP_VENUE, STEP_EXHIBITS, STEP_CHECK, STEP_GENERATE = range(4)


class BundleWizard(QGroupBox):
    """Make a bundle for the selected case, step by step."""

    task_started = Signal(object)  # the Task, just before it runs (tests hook its progress here)
    # A finding about the case record was double-clicked: the field to show ("respondent.address",
    # "transaction.purchased_at", "exhibits.3.captured_at"); the workspace shows it.
    field_requested = Signal(str)
    saved = Signal(str)  # a bundle of this case number was saved

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.number: str | None = None
        self.case: Case | None = None
        self.last_result: BundleResult | None = None
        self.viewer: PdfViewer | None = None  # the packet shown in the app
        self.task: Task | None = None
        self._task_number = ""
        self._findings: list[Finding] | None = None  # None: not checked since the last change
        self._accepted: tuple[tuple[str, str], ...] = ()  # the warnings the tick applies to
        self._preflight_pending = False  # the case changed at the check step while the wizard was hidden
        self._texts: PictureTexts | None = None  # the text OCR read in the library's pictures, as the preflight asks

        # -- the steps
        self.step_labels = [QLabel(self) for _ in range(4)]
        self.pages = QStackedWidget(self)
        self.back_button = QPushButton(self)
        self.next_button = QPushButton(self)

        # 1. venue
        venue_page = QWidget(self)
        self.venue_combo = QComboBox(venue_page)
        for venue in VENUES:
            self.venue_combo.addItem("", venue.value)
        self.layout_combo = QComboBox(venue_page)
        for layout in LAYOUTS:
            self.layout_combo.addItem("", layout)
        # Who receives it, for venues with more than one destination (消协 or 12315; the carrier or 12305).
        self.route_combo = QComboBox(venue_page)
        self.venue_help = QLabel(venue_page)
        self.venue_help.setWordWrap(True)
        self.venue_help.setTextFormat(Qt.TextFormat.RichText)
        self.venue_help.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.venue_form = QFormLayout()
        self.venue_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.venue_label = QLabel(venue_page)
        self.layout_label = QLabel(venue_page)
        self.route_label = QLabel(venue_page)
        self.venue_form.addRow(self.venue_label, self.venue_combo)
        self.venue_form.addRow(self.route_label, self.route_combo)
        self.venue_form.addRow(self.layout_label, self.layout_combo)
        self.venue_label.setBuddy(self.venue_combo)
        self.route_label.setBuddy(self.route_combo)
        self.layout_label.setBuddy(self.layout_combo)
        column = QVBoxLayout(venue_page)
        column.addLayout(self.venue_form)
        column.addWidget(self.venue_help)
        column.addStretch(1)

        # 2. exhibits
        exhibits_page = QWidget(self)
        self.exhibit_list = ExhibitPicker(exhibits_page)
        self.up_button = QPushButton(exhibits_page)
        self.down_button = QPushButton(exhibits_page)
        self.all_button = QPushButton(exhibits_page)
        self.none_button = QPushButton(exhibits_page)
        style = self.style()
        self.up_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowUp))
        self.down_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowDown))
        self.chosen_label = QLabel(exhibits_page)
        self.split_spin = QSpinBox(exhibits_page)
        self.split_spin.setRange(0, 2000)
        self.split_spin.setValue(max(0, ctx.settings.split_mb))
        self.split_label = QLabel(exhibits_page)
        self.split_label.setBuddy(self.split_spin)
        self.split_help = QLabel(exhibits_page)
        self.split_help.setWordWrap(True)
        self.components_check = QCheckBox(exhibits_page)
        buttons = QVBoxLayout()
        for button in (self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addSpacing(12)
        for button in (self.all_button, self.none_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.exhibit_list, 1)
        row.addLayout(buttons)
        split_row = QHBoxLayout()
        split_row.addWidget(self.split_label)
        split_row.addWidget(self.split_spin)
        split_row.addWidget(self.split_help, 1)
        column = QVBoxLayout(exhibits_page)
        column.addWidget(self.chosen_label)
        column.addLayout(row, 1)
        column.addLayout(split_row)
        column.addWidget(self.components_check)

        # 3. preflight
        check_page = QWidget(self)
        self.summary_label = QLabel(check_page)
        self.summary_label.setWordWrap(True)
        self.findings = QListWidget(check_page)
        self.findings.setWordWrap(True)
        self.findings.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.accept_warnings = QCheckBox(check_page)
        self.generate_button = QPushButton(self)  # in the step buttons' row, where Next was
        # What the packet will mask, strip or replace for this destination: checked before sending.
        self.disclosure_label = QLabel(check_page)
        self.disclosure_label.setWordWrap(True)
        self.disclosure_view = QPlainTextEdit(check_page)
        self.disclosure_view.setReadOnly(True)
        self.disclosure_view.setMinimumHeight(60)
        self._disclosure_task: Task | None = None
        self._disclosure_key: tuple[object, ...] | None = None
        self._disclosure_report: DisclosureReport | None = None
        column = QVBoxLayout(check_page)
        column.addWidget(self.summary_label)
        column.addWidget(self.findings, 1)
        column.addWidget(self.accept_warnings)
        column.addWidget(self.disclosure_label)
        column.addWidget(self.disclosure_view, 1)

        # 4. generate
        generate_page = QWidget(self)
        self.status_label = QLabel(generate_page)
        self.status_label.setWordWrap(True)
        self.progress = QProgressBar(generate_page)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        # While the packet is made the focus waits here, where Return and Space stop nothing.
        self.progress.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.cancel_button = QPushButton(generate_page)
        self.cancel_button.setEnabled(False)
        self.result_label = QLabel(generate_page)
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.RichText)
        self.result_label.setOpenExternalLinks(True)
        self.result_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.result_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.open_button = QPushButton(generate_page)
        self.folder_button = QPushButton(generate_page)
        self.again_button = QPushButton(generate_page)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        result_row = QHBoxLayout()
        result_row.addWidget(self.open_button)
        result_row.addWidget(self.folder_button)
        result_row.addStretch(1)
        result_row.addWidget(self.again_button)
        column = QVBoxLayout(generate_page)
        column.addWidget(self.status_label)
        column.addLayout(progress_row)
        column.addWidget(self.result_label, 1)
        column.addLayout(result_row)

        for page in (venue_page, exhibits_page, check_page, generate_page):
            self.pages.addWidget(page)
        # Tab reaches a step's own controls first (the venue, the paper), then Back, Next or Generate below them.
        QWidget.setTabOrder(self.again_button, self.back_button)
        QWidget.setTabOrder(self.back_button, self.next_button)
        QWidget.setTabOrder(self.next_button, self.generate_button)

        steps = QHBoxLayout()
        for i, label in enumerate(self.step_labels):
            if i:
                arrow = QLabel("›", self)
                arrow.setEnabled(False)
                steps.addWidget(arrow)
            steps.addWidget(label)
        steps.addStretch(1)
        nav = QHBoxLayout()
        nav.addStretch(1)
        nav.addWidget(self.back_button)
        nav.addWidget(self.next_button)
        nav.addWidget(self.generate_button)
        wizard_layout = QVBoxLayout(self)
        wizard_layout.addLayout(steps)
        wizard_layout.addWidget(self.pages, 1)
        wizard_layout.addLayout(nav)

        # -- behaviour
        self.back_button.clicked.connect(lambda: self._go(self.pages.currentIndex() - 1))
        self.next_button.clicked.connect(lambda: self._go(self.pages.currentIndex() + 1))
        self.venue_combo.currentIndexChanged.connect(self._venue_changed)
        self.route_combo.currentIndexChanged.connect(self._route_changed)
        self.layout_combo.currentIndexChanged.connect(self._inputs_changed)
        self.split_spin.valueChanged.connect(self._inputs_changed)
        self.exhibit_list.ticked.connect(self._inputs_changed)
        self.exhibit_list.reordered.connect(self._order_changed)
        self.exhibit_list.filled.connect(self._exhibits_listed)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.all_button.clicked.connect(lambda: self._check_all(True))
        self.none_button.clicked.connect(lambda: self._check_all(False))
        for keys, delta in (("Alt+Up", -1), ("Alt+Down", 1)):
            shortcut = QShortcut(QKeySequence(keys), self.exhibit_list)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda d=delta: self.move_selected(d))
        self.findings.itemDoubleClicked.connect(self._show_finding)
        self.accept_warnings.toggled.connect(self._update_buttons)
        self.generate_button.clicked.connect(self.generate)
        self.cancel_button.clicked.connect(self.cancel)
        self.open_button.clicked.connect(self.open_pdf)
        self.folder_button.clicked.connect(self.show_in_folder)
        self.again_button.clicked.connect(lambda: self._go(STEP_VENUE))

        default = self.venue_combo.findData(ctx.settings.default_venue)
        self.venue_combo.setCurrentIndex(max(default, 0))
        self.retranslate()
        self.set_case(None)

    # ------------------------------------------------------------------ public API

    def choose_receipt(self) -> bool:
        """The first step with the walk-in receipt chosen, its paper ready for the keyboard: a receipt printed
        again (案件 → 重新打印回执). False when this case has no receipt to print."""
        index = self.venue_combo.findData(Venue.RECEIPT.value)
        if self.case is None or index < 0:
            return False
        self._go(STEP_VENUE)
        self.venue_combo.setCurrentIndex(index)
        self.layout_combo.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True

    def set_case(self, number: str | None, case: Case | None = None) -> None:
        """Show ``number`` (None: no case); ``case``: its record, already read. The same number again
        refreshes and keeps the choices made."""
        same = bool(number) and number == self.number
        self.number = number or None
        self.case = case_shown(self, self.ctx, self.number, case) if self.number else None
        if self.number and self.case is None:
            log.warning("bundles tab: cannot load case %s", self.number)
            self.number = None
        if not same:
            if self.case is not None:  # each case starts from its own venue, never the last case's
                venue = default_venue(self.case.type.value, self.ctx.settings.default_venue)
                self.venue_combo.setCurrentIndex(max(self.venue_combo.findData(venue.value), 0))
            self.last_result = None
            self.result_label.clear()
            self.status_label.clear()
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
            self.accept_warnings.setChecked(False)
            self._go(STEP_VENUE)
        self._fill_exhibits(keep=same)
        self._findings = None
        if self.pages.currentIndex() == STEP_CHECK:
            if self.isVisible():
                self.run_preflight()
            else:  # checked when shown: thousands of exhibits to check, and the list to fill first
                self._preflight_pending = True
                self.findings.clear()
        self.setEnabled(self.case is not None)
        self._update_buttons()

    @Slot(str)
    def pictures_read(self, sha256: str) -> None:
        """OCR stored the text of a file (``sha256``): at the check step, a picture of this case it was waiting
        for is checked again, so that "not read yet" gives way to what the picture shows."""
        if self.case is None or self.pages.currentIndex() != STEP_CHECK:
            return
        if not any(e.sha256 == sha256 for e in self.case.exhibits):
            return
        self._disclosure_key = None  # the preview lists the picture too
        if self.isVisible():
            self.run_preflight()
        else:
            self._preflight_pending = True

    def retranslate(self) -> None:
        self.setTitle(self.tr("Make a bundle"))
        if self._disclosure_report is not None and self._disclosure_task is None:
            self.disclosure_view.setPlainText(self._disclosure_text(self._disclosure_report))
        for label, text in zip(
            self.step_labels,
            (self.tr("1. Venue"), self.tr("2. Exhibits"), self.tr("3. Check"), self.tr("4. Generate")),
            strict=True,
        ):
            label.setText(text)
        self.back_button.setText(self.tr("< Back"))
        self.next_button.setText(self.tr("Next >"))
        self.venue_label.setText(self.tr("&Venue:"))
        self.layout_label.setText(self.tr("Receipt &paper:"))
        self.route_label.setText(self.tr("Sen&d to:"))
        for i, venue in enumerate(VENUES):
            self.venue_combo.setItemText(i, venue_name(venue.value))
        self.layout_combo.setItemText(0, self.tr("A5 sheet"))
        self.layout_combo.setItemText(1, self.tr("80 mm receipt roll"))
        self.up_button.setText(self.tr("Move &up"))
        self.up_button.setToolTip(self.tr("Move the selected exhibit up (Alt+Up)"))
        self.down_button.setText(self.tr("Move &down"))
        self.down_button.setToolTip(self.tr("Move the selected exhibit down (Alt+Down)"))
        self.all_button.setText(self.tr("Check all"))
        self.none_button.setText(self.tr("Check none"))
        self.exhibit_list.setToolTip(
            self.tr(
                "Ticked exhibits go into the bundle in this order, numbered 证据1, 证据2… Drag, or use Alt+Up and "
                "Alt+Down, to reorder: that moves the exhibit in the case's evidence order, which the evidence "
                "tab, the command line and every packet follow."
            )
        )
        self.exhibit_list.retranslate()
        self.split_label.setText(self.tr("&Split into volumes of at most:"))
        self.split_spin.setSuffix(self.tr(" MB"))
        self.split_spin.setSpecialValueText(self.tr("no split"))
        self.split_help.setText(
            self.tr("Volumes are cut between exhibits, for upload limits of online filing systems. 0: one file.")
        )
        self.components_check.setText(
            self.tr("Also save one file per component for online filing (each under the size limit, 10 MB if none)")
        )
        self.components_check.setToolTip(
            self.tr(
                "The main document, the evidence list, the evidence (in volumes), the identity papers and, "
                "for a court, the service address form, each as a PDF of its own, named in Chinese."
            )
        )
        self.accept_warnings.setText(self.tr("Accept the warnings and leave blanks to fill by hand"))
        self.disclosure_label.setText(
            self.tr("What leaves the machine: masked, stripped or replaced for this destination (check before sending)")
        )
        self.generate_button.setText(self.tr("&Generate"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.open_button.setText(self.tr("Open PDF"))
        self.folder_button.setText(self.tr("Show in folder"))
        self.again_button.setText(self.tr("Make another bundle"))
        self._venue_changed()
        self._update_steps()
        if self._findings is not None:
            self._show_findings(self._findings)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        if self._preflight_pending and self.pages.currentIndex() == STEP_CHECK:
            self.run_preflight()
        super().showEvent(event)

    def run_preflight(self) -> list[Finding]:
        """Check the chosen venue and exhibits; list the findings and enable Generate if nothing blocks."""
        self._preflight_pending = False
        if self.case is None:
            self._findings = None
            self.findings.clear()
            self._update_buttons()
            return []
        try:
            # As the build chooses them: a redacted copy in its original's place where the destination prefers it.
            entries = select_entries(
                self.case, self.chosen_numbers(), prefers_redacted=disclosure_for(self.venue()).prefers_redacted
            )
            found = preflight(
                self.case,
                self.venue(),
                entries,
                size_limit_mb=self._split_mb(),
                organisation=organisation_party(self.ctx.settings),
                route=self.route(),
                texts=self._picture_texts(),
            )
        except CaseFileError as exc:
            found = [Finding(Level.ERROR, "invalid", translated(exc))]
        warnings = tuple((f.code, f.message) for f in found if f.level is Level.WARNING)
        if warnings != self._accepted:  # new or different warnings: they must be accepted again
            self.accept_warnings.setChecked(False)
            self._accepted = warnings
        self._findings = found
        self._show_findings(found)
        self._update_buttons()
        if not any(f.level is Level.ERROR for f in found):
            self._plan_disclosure()
        return found

    def _plan_disclosure(self) -> None:
        """Work out, in the background, what the packet will disclose, and show it before generating."""
        if self.number is None:
            return
        venue, exhibits = self.venue(), self.chosen_numbers()
        key = (self.number, venue, tuple(exhibits), self.case.custody_head.seq if self.case else 0)
        if key == self._disclosure_key:
            return
        self._disclosure_key = key
        if self._disclosure_task is not None:
            self._disclosure_task.cancel()
        self.disclosure_view.setPlainText(self.tr("Working out what will be masked or removed…"))
        library, settings, number = self.ctx.library, self.ctx.settings, self.number

        def work(token: Any) -> Any:
            # Loaded here, on the task's thread: what makes PDFs is not imported until a PDF is made.
            from casefile.core.bundle.plan import plan_disclosure

            return plan_disclosure(library, number, venue, exhibits, settings, cancel=token)

        task = Task(work, f"disclosure {number} {venue.value}")

        def done(plan: object) -> None:
            from casefile.core.bundle.plan import DisclosurePlan  # loaded by the task already

            if self._disclosure_key != key or not isinstance(plan, DisclosurePlan):
                return
            self._disclosure_report = plan.report
            self.disclosure_view.setPlainText(self._disclosure_text(plan.report))
            if plan.findings and self._findings is not None:
                # What only the files show (hidden text, a hidden layer) joins the preflight's findings.
                self._findings = [*self._findings, *(f for f in plan.findings if f not in self._findings)]
                warnings = tuple((f.code, f.message) for f in self._findings if f.level is Level.WARNING)
                if warnings != self._accepted:
                    self.accept_warnings.setChecked(False)
                    self._accepted = warnings
                self._show_findings(self._findings)
                self._update_buttons()

        def failed(error: object) -> None:
            if self._disclosure_key == key and not isinstance(error, CancelledError):
                self.disclosure_view.setPlainText(translated(error))
                self._disclosure_key = None  # try again next time

        task.succeeded.connect(done)
        task.failed.connect(failed)

        task.finished.connect(self._disclosure_finished)  # not a closure over the task: a cycle through Qt
        self._disclosure_task = task
        self.ctx.runner.start(task)

    def _disclosure_finished(self) -> None:
        if self.sender() is self._disclosure_task:
            self._disclosure_task = None

    def _disclosure_text(self, report: DisclosureReport) -> str:
        if not report.items:
            return self.tr(
                "Nothing is masked or removed: this destination sees the evidence and the record as they are."
            )
        # One line per item, quoted from the report saved beside the packet (in Chinese, like the
        # packet it describes); the hashes are in that report.
        lines = [line for line in report.to_text("").splitlines()[3:] if line.strip() and not line.startswith("    ")]
        return "\n".join(
            [self.tr("The disclosure report saved beside the packet (in Chinese, as the packet) lists:"), *lines]
        )

    def generate(self) -> None:
        """Start building the bundle on the task runner (if the preflight allows it)."""
        if self.case is None or self.number is None or self.task is not None:
            return
        if self._findings is None:
            self.run_preflight()
        if not self._can_generate():
            self._go(STEP_CHECK)
            return
        number = self.number
        options = BundleOptions(
            venue=self.venue(),
            exhibits=self.chosen_numbers(),
            split_mb=self._split_mb(),
            force=bool(self._accepted),
            layout=self.layout_combo.currentData() or "a5",
            components=self.components_check.isChecked() and self.venue() is not Venue.RECEIPT,
            route=self.route(),
        )
        library, settings = self.ctx.library, self.ctx.settings

        def work(token: Any) -> Any:
            # Loaded here, on the task's thread: what makes PDFs is not imported until a PDF is made.
            from casefile.core.bundle import build_bundle

            return build_bundle(library, number, options, settings, cancel=token)

        task = Task(work, f"bundle {number} {options.venue.value}")
        task.progress.connect(self._task_progress)
        task.succeeded.connect(self._task_succeeded)
        task.failed.connect(self._task_failed)
        task.finished.connect(self._task_finished)
        self.task = task
        self._task_number = number
        self.last_result = None
        self.result_label.clear()
        self.status_label.setText(self.tr("Making the bundle…"))
        self.progress.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self._go(STEP_GENERATE)
        self._update_buttons()
        log.info("bundle %s: %s, exhibits %s", number, options.venue.value, options.exhibits)
        self.task_started.emit(task)
        self.ctx.runner.start(task)

    @Slot()
    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.status_label.setText(self.tr("Cancelling…"))

    def move_selected(self, delta: int) -> None:
        """Move the selected exhibit ``delta`` rows (negative: up), keeping it selected: a move in the case's
        evidence order, recorded at once."""
        if self.exhibit_list.move_current(delta):
            self._order_changed()

    @Slot()
    def _order_changed(self) -> None:
        """The list was reordered: record it as the case's evidence order (the one order of every packet)."""
        self._inputs_changed()
        if self.number is None:
            return
        number, numbers, library = self.number, self.exhibit_list.numbers(), self.ctx.library

        def work(_token: Any) -> str:
            with library.edit(number) as writer:
                writer.arrange(numbers)
            return number

        task = Task(work, f"arrange exhibits of {number}")
        task.succeeded.connect(lambda done: self.ctx.events.case_changed.emit(str(done)))
        task.failed.connect(self._order_failed)
        self.ctx.runner.start(task)

    def _order_failed(self, error: BaseException) -> None:
        show_error(self, error)
        if self.number is not None:
            self.set_case(self.number)  # show the order the case really has

    # ------------------------------------------------------------------ what is chosen

    def venue(self) -> Venue:
        return Venue(self.venue_combo.currentData() or Venue.CONSUMER_ASSOCIATION.value)

    def route(self) -> Route | None:
        """The destination chosen, for a venue that has more than one; None otherwise."""
        value = self.route_combo.currentData()
        route = Route(value) if value else None
        return route if route in self.venue().routes else self.venue().default_route

    def chosen_numbers(self) -> list[int]:
        """The ticked exhibits' numbers, in list order (证据1, 证据2… of the packet)."""
        return self.exhibit_list.chosen()

    def _picture_texts(self) -> PictureTexts:
        """The library's OCR texts (kept: a picture's text is read from its file once, a small JSON file)."""
        root = self.ctx.library.root
        if self._texts is None or self._texts.root != root:
            self._texts = PictureTexts(root)
        return self._texts

    def _split_mb(self) -> int | None:
        if self.venue() is Venue.RECEIPT:
            return None
        return self.split_spin.value() or None

    # ------------------------------------------------------------------ steps

    def _go(self, step: int) -> None:
        step = max(STEP_VENUE, min(step, STEP_GENERATE))
        if step == STEP_GENERATE and self.task is None and self.last_result is None and not self.status_label.text():
            step = STEP_CHECK  # nothing to show there yet
        driving = self._driving()
        self.pages.setCurrentIndex(step)
        if step == STEP_CHECK:
            self.run_preflight()
        self._update_steps()
        self._update_buttons()
        if driving:
            self._focus_next_thing()

    def _driving(self) -> bool:
        """Whether the user is working in the wizard (its focus inside it, or nowhere)."""
        focused = QApplication.focusWidget()
        return focused is None or self.isAncestorOf(focused)

    def _focus_next_thing(self) -> None:
        """The focus on what comes next in the step shown. Next and Generate hide as the step changes, and the
        focus fell out of the wizard onto the list of bundles under it: at 检查, 接受以上警告 while the warnings
        are not accepted, else 生成 (the findings when an error stops it); while the packet is made, the
        progress bar; once made, 打开 PDF. In the first two steps the focus stays where it is (Next, for
        the next step) unless it was lost."""
        step = self.pages.currentIndex()
        focused = QApplication.focusWidget()
        if step == STEP_CHECK:
            if self.accept_warnings.isVisibleTo(self) and not self.accept_warnings.isChecked():
                target: QWidget = self.accept_warnings
            elif self.generate_button.isEnabled():
                target = self.generate_button
            elif self.findings.count():
                target = self.findings
            else:
                target = self.back_button
        elif step == STEP_GENERATE:
            if self.task is not None:
                target = self.progress
            elif self.last_result is not None:
                target = self.open_button
            else:
                target = self.again_button
        elif focused is not None and self.isAncestorOf(focused) and focused.isVisible() and focused.isEnabled():
            return
        else:
            target = self.venue_combo if step == STEP_VENUE else self.exhibit_list
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_steps(self) -> None:
        current = self.pages.currentIndex()
        for i, label in enumerate(self.step_labels):
            font = label.font()
            font.setBold(i == current)
            label.setFont(font)
            label.setEnabled(i == current)

    def _update_buttons(self) -> None:
        step = self.pages.currentIndex()
        running = self.task is not None
        self.back_button.setVisible(step > STEP_VENUE)
        self.back_button.setEnabled(not running)
        self.next_button.setVisible(step < STEP_CHECK)
        self.next_button.setEnabled(self.case is not None)
        self.generate_button.setVisible(step == STEP_CHECK)
        for i in (STEP_VENUE, STEP_EXHIBITS, STEP_CHECK):
            page = self.pages.widget(i)
            if page is not None:
                page.setEnabled(not running)
        self.generate_button.setEnabled(self._can_generate())
        has_warnings = bool(self._findings) and any(f.level is Level.WARNING for f in self._findings or [])
        self.accept_warnings.setVisible(has_warnings)
        done = self.last_result is not None and not running
        self.open_button.setEnabled(done)
        self.folder_button.setEnabled(done)
        self.again_button.setEnabled(not running)
        self.cancel_button.setVisible(running)
        self.progress.setVisible(running or self.last_result is not None)
        if not self.exhibit_list.pending:  # else when it is listed (shown)
            self.up_button.setEnabled(self.exhibit_list.count() > 1)
            self.down_button.setEnabled(self.exhibit_list.count() > 1)

    def _can_generate(self) -> bool:
        if self.case is None or self.task is not None or self._findings is None:
            return False
        if any(f.level is Level.ERROR for f in self._findings):
            return False
        return not self._accepted or self.accept_warnings.isChecked()

    @Slot()
    def _inputs_changed(self) -> None:
        """The venue or the exhibits changed: the last check no longer holds."""
        self._findings = None
        self._update_chosen_label()
        if self.pages.currentIndex() == STEP_CHECK:
            self.run_preflight()
        else:
            self._update_buttons()

    @Slot()
    def _venue_changed(self) -> None:
        venue = self.venue()
        self.venue_form.setRowVisible(self.layout_combo, venue is Venue.RECEIPT)
        self.split_spin.setEnabled(venue is not Venue.RECEIPT)
        self.components_check.setEnabled(venue is not Venue.RECEIPT)
        # The destinations of this venue, the one chosen kept when it is still offered.
        chosen = self.route_combo.currentData()
        self.route_combo.blockSignals(True)
        self.route_combo.clear()
        for route in venue.routes:
            self.route_combo.addItem(route_name(route), route.value)
        self.route_combo.setCurrentIndex(max(self.route_combo.findData(chosen), 0))
        self.route_combo.blockSignals(False)
        self.venue_form.setRowVisible(self.route_combo, bool(venue.routes))
        self._route_changed()

    @Slot()
    def _route_changed(self) -> None:
        venue, route = self.venue(), self.route()
        heading = route.heading if route is not None else venue.heading
        title = fill(self.tr("Title on the documents: %1"), heading)
        text = html.escape(self._venue_help(venue))
        if route is not None:
            text += "<br><br>" + html.escape(self._route_help(route))
        self.venue_help.setText(text + "<br><br>" + html.escape(title))
        self._inputs_changed()

    # ------------------------------------------------------------------ exhibits

    def _fill_exhibits(self, *, keep: bool) -> None:
        """List the case's exhibits that are not withdrawn, in its evidence order; ``keep``: keep the ticks made.
        The list is filled when its page is shown (or it is read): a hidden one of thousands of rows is not."""
        self.exhibit_list.fill(self.case, keep=keep)
        self._update_chosen_label()

    @Slot()
    def _exhibits_listed(self) -> None:
        """The list, filled only once shown, has its rows: count them."""
        self._update_chosen_label()
        self._update_buttons()

    def _update_chosen_label(self) -> None:
        if self.exhibit_list.pending:
            return  # counted when the list is filled (shown): the label is on its page
        self.chosen_label.setText(
            fill(
                self.tr(
                    "%1 of %2 exhibits go into the bundle, in the case's evidence order (withdrawn exhibits are not "
                    "listed)."
                ),
                len(self.chosen_numbers()),
                self.exhibit_list.count(),
            )
        )

    def _check_all(self, on: bool) -> None:
        self.exhibit_list.tick_all(on)
        self._inputs_changed()

    # ------------------------------------------------------------------ findings

    def _show_findings(self, found: list[Finding]) -> None:
        self.findings.clear()
        style = self.style()
        errors = [f for f in found if f.level is Level.ERROR]
        warnings = [f for f in found if f.level is Level.WARNING]
        for finding in errors + warnings:
            item = QListWidgetItem(translated(finding.message), self.findings)
            error = finding.level is Level.ERROR
            item.setForeground(ERROR_COLOUR if error else WARNING_COLOUR)
            item.setIcon(
                style.standardIcon(
                    QStyle.StandardPixmap.SP_MessageBoxCritical if error else QStyle.StandardPixmap.SP_MessageBoxWarning
                )
            )
            item.setData(NUMBER_ROLE, finding.exhibit)
            item.setData(FIELD_ROLE, finding.field)
            if finding.exhibit is not None:
                hint = "\n" + self.tr("Double-click to show the exhibit.")
            elif finding.field:
                hint = "\n" + self.tr("Double-click to go to the field to fill in.")
            else:
                hint = ""
            item.setToolTip(
                (self.tr("Error: the bundle cannot be made until this is fixed.") if error else self.tr("Warning"))
                + hint
            )
        if errors:
            colour = ERROR_COLOUR
            text = fill(self.tr("%1 error(s) block this bundle; fix them in the case first."), len(errors))
        elif warnings:
            colour = WARNING_COLOUR
            text = fill(
                self.tr("%1 warning(s): the bundle can be made, with blanks on the documents to fill in by hand."),
                len(warnings),
            )
        else:
            colour = OK_COLOUR
            text = self.tr("No problems found: ready to generate.")
        self.findings.setCurrentRow(-1)
        self.summary_label.setText(text)
        self.summary_label.setStyleSheet(f"color: {colour.name()}; font-weight: bold")

    def _show_finding(self, item: QListWidgetItem) -> None:
        """An exhibit's finding selects the exhibit in step 2; one about the record asks for its field."""
        number = item.data(NUMBER_ROLE)
        field = item.data(FIELD_ROLE) or ""
        if number is not None and number in self.exhibit_list.numbers():
            self._go(STEP_EXHIBITS)
            self.exhibit_list.select_number(int(number))
            self.exhibit_list.setFocus()
            return
        if field:
            self.field_requested.emit(str(field))

    # ------------------------------------------------------------------ the task

    @Slot(int, int, str)
    def _task_progress(self, done: int, total: int, message: str) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        if self.task is not None and self.task.token.cancelled:
            return
        self.status_label.setText(self._progress_text(message))

    @Slot(object)
    def _task_succeeded(self, result: object) -> None:
        number = self._task_number
        if not isinstance(result, BundleResult):
            return
        log.info("bundle %s saved: %s", number, ", ".join(p.name for p in result.files))
        if number == self.number:
            self.last_result = result
            self.status_label.setText(self.tr("Saved."))
            self.progress.setRange(0, 1)
            self.progress.setValue(1)
            self.result_label.setText(self._result_html(result))
            self.saved.emit(number)
        self.ctx.events.case_changed.emit(number)

    @Slot(object)
    def _task_failed(self, error: object) -> None:
        here = self._task_number == self.number  # the user may have moved on to another case
        if here:
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
        if isinstance(error, CancelledError):
            if here:
                self.status_label.setText(self.tr("Cancelled, nothing saved."))
            return
        log.info("bundle %s not made: %s", self._task_number, error)
        if here:
            self.status_label.setText(self.tr("The bundle was not made."))
            if isinstance(error, PreflightError):
                self._findings = list(error.findings)
                self._show_findings(self._findings)
        if isinstance(error, BaseException):
            show_error(self, error)

    @Slot()
    def _task_finished(self) -> None:
        driving = self._driving()
        self.task = None
        self._update_buttons()
        if driving and self.pages.currentIndex() == STEP_GENERATE:
            self._focus_next_thing()

    def _progress_text(self, message: str) -> str:
        known = {
            "documents": self.tr("Laying out the documents…"),
            "evidence list": self.tr("Laying out the evidence list…"),
            "assembling": self.tr("Assembling and stamping the pages…"),
            "saved": self.tr("Saving…"),
            "receipt": self.tr("Laying out the receipt…"),
        }
        if message in known:
            return known[message]
        return fill(self.tr("Exhibit pages: %1"), message) if message else self.tr("Making the bundle…")

    def _result_html(self, result: BundleResult) -> str:
        lines = [
            "<b>"
            + html.escape(
                fill(
                    self.tr("%1 file(s), %2 pages, saved in the case's bundles folder:"),
                    len(result.files),
                    result.pages,
                )
            )
            + "</b>"
        ]
        for path, digest in zip(result.files, result.sha256, strict=True):
            url = QUrl.fromLocalFile(str(path)).toString()
            lines.append(f'<a href="{html.escape(url)}">{html.escape(str(path))}</a>')
            lines.append("SHA-256: <code>" + html.escape(digest) + "</code>")
        if result.components:
            lines.append(html.escape(self.tr("One file per component, for online filing:")))
            for path in result.components:
                url = QUrl.fromLocalFile(str(path)).toString()
                lines.append(f'<a href="{html.escape(url)}">{html.escape(path.name)}</a>')
        if result.guidance_file is not None:
            url = QUrl.fromLocalFile(str(result.guidance_file)).toString()
            lines.append(
                html.escape(self.tr("Notes for whoever files it (not part of the packet):"))
                + f' <a href="{html.escape(url)}">{html.escape(result.guidance_file.name)}</a>'
            )
        if result.disclosure_file is not None:
            url = QUrl.fromLocalFile(str(result.disclosure_file)).toString()
            lines.append(
                html.escape(self.tr("What was masked or removed (check before sending; not part of the packet):"))
                + f' <a href="{html.escape(url)}">{html.escape(result.disclosure_file.name)}</a>'
            )
        if result.warnings:
            lines.append(
                f'<span style="color: {WARNING_COLOUR.name()}">'
                + html.escape(
                    fill(
                        self.tr("%1 warning(s) accepted: fill in the blanks by hand before submitting."),
                        len(result.warnings),
                    )
                )
                + "</span>"
            )
        return "<br>".join(lines)

    # ------------------------------------------------------------------ files

    def open_pdf(self) -> None:
        """The packet just made, in the app's viewer (the system's is a button away there)."""
        if self.last_result is not None and self.last_result.files:
            self.viewer = show_pdf(self.last_result.files[0], self)

    def show_in_folder(self) -> None:
        if self.last_result is not None and self.last_result.files:
            _reveal(self.last_result.files[0])

    # ------------------------------------------------------------------ labels

    def _route_help(self, route: Route) -> str:
        return {
            Route.CONSUMER_ASSOCIATION: self.tr(
                "Addressed to a consumer association; its notes cite the association's task in the consumer "
                "protection law and mark its own acceptance rules as practice."
            ),
            Route.MARKET_REGULATOR: self.tr(
                "Addressed to the market regulator (12315); its notes cite the complaint handling measures. "
                "A dispute taken to the consumer association as well may be refused by either."
            ),
            Route.CARRIER: self.tr("A claim letter to the carrier, made by the merchant (the claimant)."),
            Route.POSTAL_REGULATOR: self.tr(
                "An appeal to the postal administration (12305), for when the carrier did not answer within "
                "7 days or its answer does not satisfy: cover and appeal instead of the claim letter."
            ),
        }[route]

    def _venue_help(self, venue: Venue) -> str:
        return {
            Venue.CONSUMER_ASSOCIATION: self.tr(
                "For a complaint to the consumer association or 12315: cover, complaint letter, evidence list, "
                "the exhibits, the integrity annex and filing notes. The complainant's full contact details are "
                "shown, as a complaint requires."
            ),
            Venue.COURT: self.tr(
                "For filing at a people's court: cover, civil complaint, address-for-service form, evidence list, "
                "the exhibits, the integrity annex and filing hints."
            ),
            Venue.ARBITRATION: self.tr(
                "For an arbitration commission: cover, arbitration application, evidence list, the exhibits, the "
                "integrity annex and filing notes. An arbitration agreement must be among the exhibits."
            ),
            Venue.COURIER_CLAIM: self.tr(
                "For a claim against a courier: cover, claim letter, evidence list, the exhibits, the integrity "
                "annex, and where to appeal and by when. The customer's details are masked."
            ),
            Venue.RECEIPT: self.tr(
                "A receipt for a complaint made in person, listing the materials handed in, to print and sign. "
                "Choose an A5 sheet or an 80 mm receipt roll."
            ),
        }[venue]


def _reveal(path: Path) -> None:
    """Show ``path`` selected in the system's file manager (its folder, where selecting is not possible)."""
    if sys.platform == "win32":
        QProcess.startDetached("explorer.exe", ["/select,", str(path)])
    elif sys.platform == "darwin":
        QProcess.startDetached("open", ["-R", str(path)])
    else:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
