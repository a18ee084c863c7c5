"""The walk-in desk: a clerk registers a complaint at the counter and hands over a receipt.

Keyboard first. Focus starts on the customer's name; Tab (or Return, as on a paper form)
moves through the fields in the order the customer tells them; Ctrl+Return registers and
prints, Ctrl+S registers and saves the receipt PDF, Esc cancels. Return alone never
registers a half-typed form, so a stray key cannot create a case (numbers are never reused).
While the receipt is being made the focus waits on the progress bar: a second Return does
nothing, Esc asks before stopping, and only a click on 取消 stops at once.

Registering is one task off the GUI thread, the core's walk-in registration
(:func:`casefile.core.walkin.register_walk_in`): create the case, add the photos (hashed),
build the receipt (spec §7(e)). If a step after the creation fails or is cancelled, the
dialog stays open with everything typed, and registering again completes the same case
instead of creating a second one.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from casefile.core import zone
from casefile.core.bundle import BundleResult
from casefile.core.bundle.preflight import receipt_issuer
from casefile.core.errors import CancelledError, InvalidValueError
from casefile.core.evidence import AddResult
from casefile.core.library import Library, case_from_fields
from casefile.core.model import (
    DISPOSITIONS,
    HANDED_IN,
    Case,
    CaseType,
    Channel,
    Demand,
    DemandType,
    Party,
    PartyKind,
    Priority,
    Transaction,
    parse_amount,
)
from casefile.core.progress import CancelToken, Progress
from casefile.core.record.fields import BY_PATH, field_name
from casefile.core.record.roles import organisation_party
from casefile.core.settings import Settings
from casefile.core.validate import check_past_time, normalise_phone
from casefile.core.walkin import (
    INCOMPLETE,
    PICTURE_SUFFIXES,
    Handed,
    Registered,
    WalkInStep,
    empty_photos,
    register_walk_in,
    unusable_photos,
)
from casefile.ui import times
from casefile.ui.context import AppContext, refused_inside_library, show_error
from casefile.ui.dates_warning import DatesWarning
from casefile.ui.i18n import enumerated, fill, labelled, translated
from casefile.ui.labels import disposition_name, handed_in_name, priority_name, type_name
from casefile.ui.phone_photos import PhonePhotosDialog
from casefile.ui.printing import print_pdf
from casefile.ui.screen import fit_to_screen
from casefile.ui.tasks import Task

from PySide6.QtCore import QEvent, QObject, QSettings, QStandardPaths, Qt, QTimer
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)

SYNC_FOLDER_KEY = "walkin/sync_folder"
SAVE_FOLDER_KEY = "walkin/save_folder"
ROLL_KEY = "walkin/receipt_80mm"
ERROR_STYLE = "color: #b00020"
WARNING_STYLE = "background: #fff4ce; color: #5c4300; border: 1px solid #e0c060; padding: 6px"
DEMANDS = [DemandType.REFUND, DemandType.EXCHANGE, DemandType.REPAIR, DemandType.APOLOGY, DemandType.COMPENSATION]
# The columns of the list of what the customer handed in (the receipt's 收取材料清单).
ITEM_NAME, ITEM_COUNT, ITEM_FORM, ITEM_KEPT, ITEM_PHOTO = range(5)


def _registration(
    library: Library,
    settings: Settings,
    case: Case,
    existing: str | None,
    photos: list[Path],
    layout: str,
    messages: dict[str, str],
    token: CancelToken,
    handed: list[Handed] | None = None,
) -> Iterator[Progress | Registered | AddResult | BundleResult]:
    """The core's registration, its progress told in the app's language (runs on the task thread)."""
    step = messages["case"]
    for item in register_walk_in(
        library, settings, case, photos, existing=existing, layout=layout, handed=handed or (), cancel=token
    ):
        if isinstance(item, WalkInStep):
            step = messages[item.value]
        elif isinstance(item, Progress):
            yield Progress(item.done, item.total, f"{step} {item.message}".strip())
        else:
            yield item


def photo_folder() -> str:
    """Where the photo chooser opens: the user's Pictures folder, or their home folder when there is none
    (a fresh Windows account, a Linux desktop without one): a dialog offering a folder that does not exist
    shows an empty list under a wrong name."""
    pictures = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
    if pictures and os.path.isdir(pictures):
        return pictures
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation)


class WalkInDialog(QDialog):
    """Register a walk-in complaint and hand the customer a receipt.

    After ``exec()`` returns Accepted, ``number`` is the new case's number and ``receipt``
    the receipt PDF in the case's ``bundles/`` folder.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.number: str | None = None
        self.receipt: Path | None = None
        self.task: Task | None = None
        # Replaced in tests so that no external program starts.
        self.open_pdf: Callable[[Path], bool] = self._print_receipt
        self._created: str | None = None  # a case an earlier attempt created before failing
        self._stop_box: QMessageBox | None = None  # asking whether Esc should stop the registration
        self._complained_at: datetime | None = None  # kept once a case exists, so a retry keeps its time
        self._outcome: tuple[bool, Any] = (False, None)
        self._pending: tuple[bool, Path | None] = (True, None)
        self.picker: PhonePhotosDialog | None = None  # the phone photos being chosen from, while open

        self.setWindowTitle(self.tr("Walk-in complaint"))
        self.setAcceptDrops(True)
        # While registering the form is disabled; some styles (Fusion) would then draw the
        # placeholders darker than the typed text.
        palette = self.palette()
        disabled = QPalette.ColorGroup.Disabled
        palette.setColor(disabled, QPalette.ColorRole.PlaceholderText, palette.color(disabled, QPalette.ColorRole.Text))
        self.setPalette(palette)
        self._build_fields()
        self._build_layout()
        self._connect()
        self._update_due()
        self.check_issuer()
        self.name.setFocus()

    # ------------------------------------------------------------------ building

    def _build_fields(self) -> None:
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("Full name"))
        self.phone = QLineEdit(self)
        self.phone.setPlaceholderText(self.tr("Mobile 13812345678 or landline 010-12345678"))
        self.phone.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self.product = QLineEdit(self)
        self.product.setPlaceholderText(self.tr("What was bought, e.g. phone, washing machine, haircut"))
        # The day bought, printed on the receipt (购买日期): a day alone, or with its time.
        self.purchased = QLineEdit(self)
        self.purchased.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.purchased.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 20)
        self.order_no = QLineEdit(self)
        self.order_no.setPlaceholderText(self.tr("Order or receipt number"))
        self.amount = QLineEdit(self)
        self.amount.setPlaceholderText(self.tr("Amount paid, ¥"))
        self.amount.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
        self.facts = QPlainTextEdit(self)
        self.facts.setTabChangesFocus(True)
        self.facts.setPlaceholderText(
            self.tr("When, where, who, what happened, in the customer's words (Tab moves on)")
        )
        self.facts.setMinimumHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        # The day the problem was noticed (what the customer says of it, recorded as the fault's day).
        self.noticed = QLineEdit(self)
        self.noticed.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.noticed.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 20)
        # What the days typed contradict (a problem before the purchase), under them, before the receipt prints.
        self.dates_warning = DatesWarning(self)
        self.case_type = QComboBox(self)
        for case_type in CaseType:
            self.case_type.addItem(type_name(case_type.value), case_type.value)
        self.case_type.setCurrentIndex(self.case_type.findData(CaseType.QUALITY.value))
        self.demand = QComboBox(self)
        names = {
            DemandType.REFUND: self.tr("Refund"),
            DemandType.EXCHANGE: self.tr("Exchange"),
            DemandType.REPAIR: self.tr("Repair"),
            DemandType.APOLOGY: self.tr("Apology"),
            DemandType.COMPENSATION: self.tr("Compensation"),
        }
        for demand in DEMANDS:
            self.demand.addItem(names[demand], demand.value)
        self.demand_amount = QLineEdit(self)
        self.demand_amount.setPlaceholderText(self.tr("Amount asked, ¥ (optional)"))
        self.demand_amount.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
        self.priority = QComboBox(self)
        for priority in Priority:
            self.priority.addItem(priority_name(priority.value), priority.value)
        self.priority.setCurrentIndex(self.priority.findData(Priority.NORMAL.value))
        self.due_label = QLabel(self)

        self.photos = QListWidget(self)
        self.photos.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.photos.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 8)
        self.photos.setToolTip(self.tr("The store's own photos, added as evidence. Delete removes the selected ones."))
        self.add_button = QPushButton(self.tr("&Add photos…"), self)
        self.sync_button = QPushButton(self.tr("From &phone folder…"), self)
        self.choose_sync_button = QToolButton(self)
        self.choose_sync_button.setText("…")
        self.choose_sync_button.setToolTip(self.tr("Choose the folder the phone syncs photos to"))
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.photo_note = QLabel(self)
        self.photo_note.setWordWrap(True)
        # What the customer handed in (a receipt, an invoice, a warranty card, the product itself), whether
        # photographed or not: its name, how many, original or copy or the object, whether the store keeps it
        # or gave it back, and the photo of it when there is one. Not recorded: boxes on the receipt to tick.
        self.items = QTableWidget(0, 5, self)
        self.items.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Count"), self.tr("Form"), self.tr("Kept or returned"), self.tr("Photo")]
        )
        self.items.verticalHeader().hide()
        header = self.items.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ITEM_NAME, QHeaderView.ResizeMode.Stretch)
        self.items.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items.setTabKeyNavigation(False)  # Tab leaves the list, as in every other field
        # Lines as tall as the boxes in them; three lines in sight, a fourth begun so that it shows there are more.
        line = max(QComboBox().sizeHint().height(), QSpinBox().sizeHint().height()) + 2  # measured, never shown
        self.items.verticalHeader().setDefaultSectionSize(line)
        self.items.setFixedHeight(self.items.horizontalHeader().sizeHint().height() + line * 3 + line // 2 + 4)
        self.items.setToolTip(
            self.tr("What the customer handed in, photographed or not: each is listed on the receipt, kept or returned")
        )
        self.add_item_button = QPushButton(self.tr("Add &line"), self)
        self.remove_item_button = QPushButton(self.tr("Remove item"), self)

        self.printer_80mm = QCheckBox(self.tr("80 mm receipt printer"), self)
        self.printer_80mm.setChecked(bool(QSettings().value(ROLL_KEY, False, type=bool)))
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(self.fontMetrics().height() // 2 + 4)
        # While the receipt is made the focus waits on the progress bar, where Return and Space do nothing (on
        # 取消 the clerk's second Return stopped it, leaving the case without its receipt).
        self.progress.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.hide()
        # Before anything is printed: the receipt would go out in the name of an organisation that is not the
        # business complained about (a law firm's, say), or of none.
        self.issuer_warning = QLabel(self)
        self.issuer_warning.setWordWrap(True)
        self.issuer_warning.setStyleSheet(WARNING_STYLE)
        self.issuer_warning.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.issuer_warning.hide()

        self.print_button = QPushButton(self.tr("Register and print receipt"), self)
        self.print_button.setDefault(True)
        self.print_button.setToolTip(self.tr("Ctrl+Return"))
        self.save_button = QPushButton(self.tr("Register and save receipt PDF"), self)
        self.save_button.setToolTip(self.tr("Ctrl+S"))
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setToolTip(self.tr("Esc"))

        self.errors: dict[QWidget, QLabel] = {}
        for widget in (
            self.name,
            self.phone,
            self.purchased,
            self.noticed,
            self.facts,
            self.amount,
            self.demand_amount,
        ):
            label = QLabel(self)
            label.setStyleSheet(ERROR_STYLE)
            label.setWordWrap(True)
            label.hide()
            self.errors[widget] = label

    def _with_error(self, *widgets: QWidget, field: QWidget) -> QWidget:
        """A row of widgets with the field's inline error message under it (no space when hidden)."""
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            row.addWidget(widget, 1 if isinstance(widget, QLineEdit | QComboBox | QPlainTextEdit) else 0)
        column.addLayout(row)
        column.addWidget(self.errors[field])
        return box

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self._label(self.tr("Customer &name"), self.name), self._with_error(self.name, field=self.name))
        form.addRow(self._label(self.tr("P&hone"), self.phone), self._with_error(self.phone, field=self.phone))
        product = self._with_error(
            self.product, self._label(self.tr("&Bought on"), self.purchased), self.purchased, field=self.purchased
        )
        form.addRow(self._label(self.tr("Pro&duct"), self.product), product)
        self.amount.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 18)
        form.addRow(
            self._label(self.tr("&Order / receipt no."), self.order_no),
            self._with_error(
                self.order_no, self._label(self.tr("A&mount"), self.amount), self.amount, field=self.amount
            ),
        )
        facts = self._with_error(self.facts, field=self.facts)
        noticed = self._with_error(self._label(self.tr("Noti&ced on"), self.noticed), self.noticed, field=self.noticed)
        facts_row = facts.layout()
        assert isinstance(facts_row, QVBoxLayout)
        head = facts_row.itemAt(0)
        row = head.layout() if head is not None else None
        assert isinstance(row, QHBoxLayout)
        row.addWidget(noticed, 0, Qt.AlignmentFlag.AlignTop)
        facts_row.addWidget(self.dates_warning)
        form.addRow(self._label(self.tr("What went &wrong"), self.facts), facts)
        form.addRow(self._label(self.tr("Case &type"), self.case_type), self.case_type)
        self.demand_amount.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 24)
        form.addRow(
            self._label(self.tr("Customer wan&ts"), self.demand),
            self._with_error(self.demand, self.demand_amount, field=self.demand_amount),
        )
        priority_row = QHBoxLayout()
        priority_row.addWidget(self.priority)
        priority_row.addWidget(self.due_label, 1)
        form.addRow(self._label(self.tr("Pr&iority"), self.priority), priority_row)

        photo_buttons = QVBoxLayout()
        photo_buttons.addWidget(self.add_button)
        sync_row = QHBoxLayout()
        sync_row.addWidget(self.sync_button, 1)
        sync_row.addWidget(self.choose_sync_button)
        photo_buttons.addLayout(sync_row)
        photo_buttons.addWidget(self.remove_button)
        photo_buttons.addStretch(1)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photos, 1)
        photo_row.addLayout(photo_buttons)
        photo_box = QVBoxLayout()
        photo_box.setSpacing(2)
        photo_box.addLayout(photo_row)
        photo_box.addWidget(self.photo_note)
        form.addRow(self._label(self.tr("Our photos"), self.photos), photo_box)
        item_buttons = QVBoxLayout()
        item_buttons.addWidget(self.add_item_button)
        item_buttons.addWidget(self.remove_item_button)
        item_buttons.addStretch(1)
        item_row = QHBoxLayout()
        item_row.addWidget(self.items, 1)
        item_row.addLayout(item_buttons)
        form.addRow(self._label(self.tr("Hand&ed in"), self.items), item_row)
        form.addRow("", self.printer_80mm)

        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.issuer_warning)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.setMinimumWidth(640)
        # Wide enough, where the screen allows, for every column of what was handed in without scrolling
        # sideways (the English names of the choices are long), a camera's file name in 照片 included.
        fit_to_screen(self, 940, self.sizeHint().height())

        order = [
            self.name,
            self.phone,
            self.product,
            self.purchased,
            self.order_no,
            self.amount,
            self.facts,
            self.noticed,
            self.dates_warning.confirm,
            self.case_type,
            self.demand,
            self.demand_amount,
            self.priority,
            self.photos,
            self.add_button,
            self.sync_button,
            self.choose_sync_button,
            self.remove_button,
            self.items,
            self.add_item_button,
            self.remove_item_button,
            self.printer_80mm,
            self.print_button,
            self.save_button,
            self.cancel_button,
        ]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self._update_photo_note()

    def _connect(self) -> None:
        self.print_button.clicked.connect(lambda: self.register(print_receipt=True))
        self.save_button.clicked.connect(lambda: self.register(print_receipt=False))
        self.cancel_button.clicked.connect(self._cancel_clicked)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, lambda: self.register(print_receipt=True))
        QShortcut(QKeySequence("Ctrl+S"), self, lambda: self.register(print_receipt=False))
        remove = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.photos, self.remove_selected_photos)
        remove.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.add_button.clicked.connect(self.choose_photos)
        self.sync_button.clicked.connect(self.add_from_sync_folder)
        self.choose_sync_button.clicked.connect(self.choose_sync_folder)
        self.remove_button.clicked.connect(self.remove_selected_photos)
        self.add_item_button.clicked.connect(self._add_item_and_edit)
        self.remove_item_button.clicked.connect(self.remove_selected_items)
        remove_item = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.items, self.remove_selected_items)
        remove_item.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.priority.currentIndexChanged.connect(self._update_due)
        self.clock = QTimer(self)
        self.clock.timeout.connect(self._update_due)
        self.clock.start(15_000)
        for field in self.errors:
            if isinstance(field, QLineEdit):
                field.textEdited.connect(lambda _text, f=field: self._show_error(f, ""))
        self.facts.textChanged.connect(self._facts_changed)
        self.phone.editingFinished.connect(self._check_phone)
        self.purchased.editingFinished.connect(self.check_dates)
        self.noticed.editingFinished.connect(self.check_dates)
        for field in (self.amount, self.demand_amount):
            field.editingFinished.connect(lambda f=field: self._check_amount_quietly(f))
        # File drops land on the dialog even over a text field (which would paste the file's name).
        self.facts.installEventFilter(self)
        for widget in [*self.findChildren(QLineEdit), self.facts.viewport(), self.photos.viewport()]:
            widget.installEventFilter(self)

    # ------------------------------------------------------------------ live feedback

    def check_issuer(self) -> list[str]:
        """Show (and return) why the receipt should not go out in the name of the organisation in the settings."""
        organisation = organisation_party(self.ctx.settings)
        # A walk-in complains to the store itself: the respondent is the organisation (see _case_from_form).
        respondent = Party(kind=PartyKind.ORGANISATION, name=organisation.name)
        warnings = [translated(f.message) for f in receipt_issuer(respondent, organisation)]
        self.issuer_warning.setText("\n".join(warnings))
        self.issuer_warning.setVisible(bool(warnings))
        if warnings:  # a wrapped label's height depends on its width: room for all its lines at the dialog's width
            layout = self.layout()
            assert layout is not None  # built in __init__, before this is called
            margins = layout.contentsMargins()
            width = max(self.width(), self.minimumWidth()) - margins.left() - margins.right()
            self.issuer_warning.setMinimumHeight(self.issuer_warning.heightForWidth(width))
        return warnings

    def _update_due(self) -> None:
        hours = Priority(self.priority.currentData()).response_hours
        base = self._complained_at or zone.now().replace(second=0, microsecond=0)
        due = base + timedelta(hours=hours)
        self.due_label.setText(fill(self.tr("Reply by %1 (within %2 h)"), times.text(due), hours))
        if due <= zone.now():  # a registration retried long after the complaint: the promise ran out meanwhile
            self.due_label.setText(times.promise_ran_out(due, hours))

    def _show_error(self, field: QWidget, message: str) -> None:
        label = self.errors[field]
        label.setText(message)
        label.setVisible(bool(message))

    def _facts_changed(self) -> None:
        if self.facts.toPlainText().strip():
            self._show_error(self.facts, "")

    def _check_phone(self) -> str | None:
        text = self.phone.text().strip()
        if not text:
            return None
        try:
            phone = normalise_phone(text)
        except InvalidValueError:
            self._show_error(
                self.phone,
                self.tr(
                    "Not a phone number: a mobile has 11 digits (13812345678), a landline its area code (010-12345678)."
                ),
            )
            return None
        self._show_error(self.phone, "")
        return phone

    def _day(self, field: QLineEdit, path: str) -> datetime | None:
        """A day typed into ``field`` for the record's ``path`` (None when not entered), checked as the record checks
        it (a day to come is refused); raises InvalidValueError, said next to the field."""
        spec = BY_PATH[path]
        try:
            value = spec.parse(field.text(), field_name(spec))
            if isinstance(value, datetime):
                check_past_time(value, translated(field_name(spec)))  # as the record checks it
        except InvalidValueError as exc:
            self._show_error(field, translated(exc))
            raise
        self._show_error(field, "")
        return value if isinstance(value, datetime) else None

    def check_dates(self) -> list[str]:
        """Say, under the day bought, what it contradicts (bought after this complaint: a year mistyped), in the
        words of the case's 概况 tab; the receipt waits until the clerk corrects it or says it is right."""
        try:
            purchased = self._day(self.purchased, "transaction.purchased_at")
            noticed = self._day(self.noticed, "transaction.fault_at")
        except InvalidValueError:
            return self.dates_warning.check(None)
        complained_at = self._complained_at or zone.now().replace(second=0, microsecond=0)
        kind = CaseType(self.case_type.currentData())
        case = Case(number="", title="", complained_at=complained_at, channel=Channel.STORE, type=kind)
        case.transaction.purchased_at = purchased
        case.transaction.fault_at = noticed
        return self.dates_warning.check(case)

    def _check_amount(self, field: QLineEdit) -> Decimal | None:
        text = field.text().strip()
        if not text:
            self._show_error(field, "")
            return None
        try:
            amount = parse_amount(text)
        except InvalidValueError:
            self._show_error(field, self.tr("Not an amount: yuan with at most two decimals, e.g. 1299 or 1299.50."))
            raise
        self._show_error(field, "")
        return amount

    def _check_amount_quietly(self, field: QLineEdit) -> None:
        with contextlib.suppress(InvalidValueError):  # the message is shown next to the field
            self._check_amount(field)

    # ------------------------------------------------------------------ photos

    def photo_paths(self) -> list[Path]:
        return [Path(self.photos.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.photos.count())]

    def add_photo_paths(self, paths: Iterable[str | os.PathLike[str]]) -> int:
        """Add files to the list (not folders, not twice, not empty ones); return how many were added. An empty
        file (0 bytes: a photo the phone is still sending), a picture cut off (sent in part) or a file named as a
        picture that is none is named under the list instead: it is no photo of what the customer takes back."""
        listed = {p.resolve() for p in self.photo_paths()}
        added = 0
        empty: list[str] = []
        incomplete: list[str] = []
        not_pictures: list[str] = []
        for raw in paths:
            path = Path(raw)
            if not path.is_file() or path.resolve() in listed:
                continue
            if empty_photos([path]):
                empty.append(path.name)
                continue
            for _path, why in unusable_photos([path]):
                (incomplete if why == INCOMPLETE else not_pictures).append(path.name)
            if path.name in incomplete or path.name in not_pictures:
                continue
            listed.add(path.resolve())
            item = QListWidgetItem(path.name, self.photos)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            added += 1
        self._update_photo_note()
        if empty:
            note = self.tr(
                "%1: empty (0 bytes), not added; wait for the phone to finish sending it, or take the photo again"
            )
            self.photo_note.setText(self.photo_note.text() + "\n" + fill(note, enumerated(empty)))
        if incomplete:
            note = self.tr(
                "%1: incomplete, it does not open as a picture; not added: wait for the phone to finish sending it, "
                "or take the photo again"
            )
            self.photo_note.setText(self.photo_note.text() + "\n" + fill(note, enumerated(incomplete)))
        if not_pictures:
            note = self.tr("%1: not a picture, whatever its name says; not added")
            self.photo_note.setText(self.photo_note.text() + "\n" + fill(note, enumerated(not_pictures)))
        self._refresh_photo_choices()
        return added

    # ------------------------------------------------------------------ what the customer handed in

    def add_item(
        self, name: str = "", count: int = 1, handed_in: str = "", disposition: str = "", photo: Path | None = None
    ) -> int:
        """Add a line to the list of what the customer handed in; return its row."""
        row = self.items.rowCount()
        self.items.insertRow(row)
        self.items.setItem(row, ITEM_NAME, QTableWidgetItem(name))
        spin = QSpinBox(self.items)
        spin.setRange(1, 999)
        spin.setValue(max(1, count))
        form = self._recorded_choice([(v, handed_in_name(v)) for v in HANDED_IN], handed_in)
        kept = self._recorded_choice([(v, disposition_name(v)) for v in DISPOSITIONS], disposition)
        shown = QComboBox(self.items)
        # As wide as the photo names it offers, photos added later included (a camera's IMG_2026… whole).
        shown.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        shown.setToolTip(self.tr("The store's photo of it, if it was photographed"))
        self.items.setCellWidget(row, ITEM_COUNT, spin)
        self.items.setCellWidget(row, ITEM_FORM, form)
        self.items.setCellWidget(row, ITEM_KEPT, kept)
        self.items.setCellWidget(row, ITEM_PHOTO, shown)
        self._fill_photo_choice(shown, str(photo) if photo is not None else "")
        return row

    def _add_item_and_edit(self) -> None:
        row = self.add_item()
        self.items.setCurrentCell(row, ITEM_NAME)
        self.items.setFocus()
        cell = self.items.item(row, ITEM_NAME)
        if cell is not None:
            self.items.editItem(cell)

    def remove_selected_items(self) -> None:
        rows = sorted({index.row() for index in self.items.selectedIndexes()}, reverse=True)
        for row in rows or ([self.items.currentRow()] if self.items.currentRow() >= 0 else []):
            self.items.removeRow(row)

    def _recorded_choice(self, choices: list[tuple[str, str]], current: str) -> QComboBox:
        """A box of ``choices`` (value, name) after "not recorded", on ``current``."""
        combo = QComboBox(self.items)
        combo.addItem(self.tr("Not recorded"), "")
        for value, name in choices:
            combo.addItem(name, value)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        return combo

    def _cell(self, row: int, column: int, kind: type[Any]) -> Any:
        widget = self.items.cellWidget(row, column)
        assert isinstance(widget, kind)
        return widget

    def _fill_photo_choice(self, combo: QComboBox, chosen: str) -> None:
        combo.clear()
        combo.addItem(self.tr("Not photographed"), "")
        for path in self.photo_paths():
            combo.addItem(path.name, str(path))
        combo.setCurrentIndex(max(0, combo.findData(chosen)))

    def _refresh_photo_choices(self) -> None:
        """The photos each line can be linked to, after photos were added or removed (a removed one unlinks)."""
        for row in range(self.items.rowCount()):
            combo = self._cell(row, ITEM_PHOTO, QComboBox)
            self._fill_photo_choice(combo, str(combo.currentData() or ""))
        self.items.resizeColumnToContents(ITEM_PHOTO)

    def link_photo(self, row: int, photo: Path) -> None:
        combo = self._cell(row, ITEM_PHOTO, QComboBox)
        combo.setCurrentIndex(max(0, combo.findData(str(photo))))

    def handed_items(self) -> list[Handed]:
        """What the customer handed in, as listed (lines without a name left out)."""
        found = []
        for row in range(self.items.rowCount()):
            cell = self.items.item(row, ITEM_NAME)
            name = cell.text().strip() if cell is not None else ""
            if not name:
                continue
            photo = str(self._cell(row, ITEM_PHOTO, QComboBox).currentData() or "")
            found.append(
                Handed(
                    name,
                    self._cell(row, ITEM_COUNT, QSpinBox).value(),
                    str(self._cell(row, ITEM_FORM, QComboBox).currentData() or ""),
                    str(self._cell(row, ITEM_KEPT, QComboBox).currentData() or ""),
                    (Path(photo),) if photo else (),
                )
            )
        return found

    def remove_selected_photos(self) -> None:
        for item in self.photos.selectedItems():
            self.photos.takeItem(self.photos.row(item))
        self._update_photo_note()
        self._refresh_photo_choices()

    def choose_photos(self) -> None:
        pictures = photo_folder()
        patterns = " ".join(f"*{suffix}" for suffix in sorted(PICTURE_SUFFIXES))
        paths, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add photos"),
            pictures,
            fill(self.tr("Images (%1);;All files (*)"), patterns),
        )
        self.add_photo_paths(paths)

    def sync_folder(self) -> Path | None:
        value = str(QSettings().value(SYNC_FOLDER_KEY, "", type=str))
        return Path(value) if value else None

    def choose_sync_folder(self) -> Path | None:
        start = str(self.sync_folder() or "")
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder the phone syncs photos to"), start)
        if not chosen:
            return None
        QSettings().setValue(SYNC_FOLDER_KEY, chosen)
        self._update_photo_note()
        return Path(chosen)

    def add_from_sync_folder(self) -> PhonePhotosDialog | None:
        """Let the clerk tick the customer's photos among those taken today in the phone-sync folder.

        Asks for the folder the first time. The ticked photos are added when the picker is accepted.
        """
        folder = self.sync_folder()
        if folder is None or not folder.is_dir():
            folder = self.choose_sync_folder()
            if folder is None:
                return None
        picker = PhonePhotosDialog(self.ctx, folder, self)
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        picker.accepted.connect(lambda: self.add_photo_paths(picker.checked_paths()))
        picker.finished.connect(self._picker_closed)
        self.picker = picker
        picker.open()
        return picker

    def _picker_closed(self) -> None:
        self.picker = None

    def _update_photo_note(self) -> None:
        count = self.photos.count()
        folder = self.sync_folder()
        text = fill(self.tr("%1 files"), count)
        if folder is not None:
            text += " · " + fill(self.tr("phone folder: %1"), folder)
        else:
            text += " · " + self.tr("drop files here; … chooses the phone-sync folder")
        self.photo_note.setText(text)

    # ------------------------------------------------------------------ drops and keys

    def _local_files(self, event: QDropEvent | QDragEnterEvent) -> list[str]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [url.toLocalFile() for url in mime.urls() if url.isLocalFile() and Path(url.toLocalFile()).is_file()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt API
        if self._local_files(event):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt API
        files = self._local_files(event)
        if files:
            self.add_photo_paths(files)
            event.acceptProposedAction()
        else:
            super().dropEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            assert isinstance(event, QDropEvent)
            if self._local_files(event):
                if kind == QEvent.Type.Drop:
                    self.dropEvent(event)
                else:
                    event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.KeyPress and watched is self.facts:
            assert isinstance(event, QKeyEvent)
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                if event.key() == Qt.Key.Key_Tab:
                    self.focusNextChild()
                    return True
                if event.key() == Qt.Key.Key_Backtab:
                    self.focusPreviousChild()
                    return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        # Return moves to the next field, as Tab does; only Ctrl+Return or a push button with
        # the focus registers (a check box or the "…" button would otherwise pass Return on to
        # the default button).
        plain = not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
        if (
            plain
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not isinstance(self.focusWidget(), QPushButton)
        ):
            self.focusNextChild()
            return
        super().keyPressEvent(event)

    # ------------------------------------------------------------------ registering

    def _case_from_form(self) -> Case | None:
        """The case as typed, or None after showing what is wrong next to the field."""
        problems: list[QWidget] = []
        name = self.name.text().strip()
        if not name:
            self._show_error(self.name, self.tr("Enter the customer's name."))
            problems.append(self.name)
        else:
            self._show_error(self.name, "")
        phone = self._check_phone()
        if phone is None:
            if not self.phone.text().strip():
                self._show_error(self.phone, self.tr("Enter a phone number to reach the customer."))
            problems.append(self.phone)
        if not self.facts.toPlainText().strip():
            # The receipt states what the complaint is (问题简述); a title made of the product or name would not.
            self._show_error(
                self.facts, self.tr("Say what went wrong: the receipt tells the customer what the complaint is.")
            )
            problems.append(self.facts)
        else:
            self._show_error(self.facts, "")
        days: dict[QLineEdit, datetime | None] = {}
        for field, path in ((self.purchased, "transaction.purchased_at"), (self.noticed, "transaction.fault_at")):
            try:
                days[field] = self._day(field, path)
            except InvalidValueError:
                problems.append(field)
        amounts: dict[QLineEdit, Decimal | None] = {}
        for field in (self.amount, self.demand_amount):
            try:
                amounts[field] = self._check_amount(field)
            except InvalidValueError:
                problems.append(field)
        if problems:
            problems[0].setFocus()
            if isinstance(problems[0], QLineEdit):
                problems[0].selectAll()
            return None
        assert phone is not None
        complained_at = self._complained_at or zone.now().replace(second=0, microsecond=0)
        product = self.product.text().strip()
        facts = self.facts.toPlainText().strip()
        case = case_from_fields(
            {
                "title": self._title(name, product, facts),
                "type": self.case_type.currentData(),
                "channel": Channel.STORE.value,
                "priority": self.priority.currentData(),
                "complained_at": complained_at.isoformat(),
            }
        )
        case.complainant = Party(kind=PartyKind.PERSON, name=name, phone=phone)
        if self.ctx.settings.org_name:
            # A walk-in complains to the store itself: the organisation using CaseFile.
            case.respondent = Party(kind=PartyKind.ORGANISATION, name=self.ctx.settings.org_name)
        case.transaction = Transaction(
            product=product,
            order_no=self.order_no.text().strip(),
            amount=amounts[self.amount],
            purchased_at=days[self.purchased],
            fault_at=days[self.noticed],
        )
        case.demands = [Demand(type=DemandType(self.demand.currentData()), amount=amounts[self.demand_amount])]
        case.facts = facts
        return case

    def _title(self, name: str, product: str, facts: str) -> str:
        summary = facts.splitlines()[0].strip() if facts else ""
        if len(summary) > 30:
            summary = summary[:29] + "…"
        if product and summary:
            return fill(self.tr("%1: %2"), product, summary)
        return product or summary or fill(self.tr("Walk-in complaint from %1"), name)

    def _print_receipt(self, path: Path) -> bool:
        """The system print dialog, printing the receipt at its own paper size (A5 or 80 mm)."""
        return print_pdf(path, self)

    def register(self, print_receipt: bool, save_to: str | os.PathLike[str] | None = None) -> bool:
        """Validate, then create the case, add the photos and build the receipt in one task.

        Returns False when nothing was started (a field is wrong, or a registration is running).
        On success the receipt is opened for printing (``print_receipt``) or copied to ``save_to``
        (asked for when None) and the dialog is accepted.
        """
        if self.task is not None:
            return False
        case = self._case_from_form()
        if case is None:
            return False
        self.dates_warning.check(case)
        if self.dates_warning.stop():  # a date the clerk has not seen said right: no receipt prints it yet
            return False
        self._complained_at = case.complained_at
        layout = "80mm" if self.printer_80mm.isChecked() else "a5"
        QSettings().setValue(ROLL_KEY, self.printer_80mm.isChecked())
        self._pending = (print_receipt, Path(save_to) if save_to is not None else None)
        self._outcome = (False, None)
        library, settings, existing, photos = self.ctx.library, self.ctx.settings, self._created, self.photo_paths()
        handed = self.handed_items()
        messages = {
            "case": self.tr("Registering the case…"),
            "photos": self.tr("Adding photos…"),
            "receipt": self.tr("Making the receipt…"),
        }
        task = Task(
            lambda token: _registration(library, settings, case, existing, photos, layout, messages, token, handed),
            "walk-in registration",
        )
        task.progress.connect(self._progress)
        task.succeeded.connect(self._succeeded)
        task.failed.connect(self._failed)
        task.finished.connect(self._finished)
        self.task = task
        self._set_busy(True)
        self.status.setText(messages["case"])
        self.ctx.runner.start(task)
        return True

    def _set_busy(self, busy: bool) -> None:
        for widget in self.findChildren(QWidget):
            if widget in (self.cancel_button, self.progress, self.status) or widget.parentWidget() is not self:
                continue
            widget.setEnabled(not busy)
        self.progress.setVisible(busy)
        # Only a click stops the registration: 取消 takes no Return or Space meanwhile.
        self.cancel_button.setFocusPolicy(Qt.FocusPolicy.NoFocus if busy else Qt.FocusPolicy.StrongFocus)
        self.cancel_button.setAutoDefault(not busy)
        if busy:
            self.progress.setValue(0)
            self.status.setStyleSheet("")
            self.status.show()
            self.progress.setFocus(Qt.FocusReason.OtherFocusReason)

    def _progress(self, done: int, total: int, message: str) -> None:
        self.progress.setValue(done if total else 0)
        self.status.setText(message)

    def _succeeded(self, result: Any) -> None:
        self._outcome = (True, result)

    def _failed(self, error: BaseException) -> None:
        self._outcome = (False, error)

    def _finished(self) -> None:
        task, self.task = self.task, None
        if self._stop_box is not None:  # the registration ended while Esc was being asked about
            self._stop_box.reject()
        self._set_busy(False)
        ok, value = self._outcome
        created = next((r.number for r in (task.results if task else []) if isinstance(r, Registered)), None)
        if created:
            self._created = created
        elif not self._created:
            self._complained_at = None  # nothing was created: the next attempt is a new complaint time
        if ok and isinstance(value, BundleResult):
            self._done(created or "", value, task.results if task else [])
            return
        if self._created:
            self.ctx.events.cases_changed.emit()
            note = self.tr("Case %1 was created but is not complete; registering again completes it.")
            self.status.setText(fill(note, self._created))
        else:
            self.status.setText(self.tr("Nothing was registered."))
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.show()
        self.print_button.setFocus()
        if isinstance(value, CancelledError):
            return
        show_error(self, value if isinstance(value, BaseException) else RuntimeError(repr(value)))

    def _done(self, number: str, result: BundleResult, results: list[Any]) -> None:
        self.number = number
        self.receipt = result.files[0]
        self.ctx.events.cases_changed.emit()
        log.info("walk-in case %s registered, receipt %s", number, self.receipt)
        refused = [r for r in results if isinstance(r, AddResult) and r.refused]
        if refused:
            QMessageBox.warning(
                self,
                self.windowTitle(),
                fill(self.tr("Case %1 is registered, but these files were not added:"), number)
                + "\n"
                + "\n".join(labelled(r.path.name, translated(r.refused)) for r in refused),
            )
        late = [translated(f.message) for f in result.warnings if f.code == "receipt-reply-time-passed"]
        if late:  # a retry keeps the first complaint time: the reply it promises may be due already
            QMessageBox.warning(self, self.windowTitle(), "\n".join(late))
        print_receipt, save_to = self._pending
        if print_receipt:
            if not self.open_pdf(self.receipt):
                QMessageBox.warning(
                    self,
                    self.windowTitle(),
                    fill(self.tr("No program to open PDF files was found. The receipt is saved at:\n%1"), self.receipt),
                )
        else:
            self._save_copy(number, save_to)
        self.accept()

    def _save_copy(self, number: str, save_to: Path | None) -> None:
        """Copy the receipt where the clerk wants it; the case keeps its own copy in any case."""
        assert self.receipt is not None
        while True:
            target = save_to
            if target is None:
                settings = QSettings()
                folder = str(settings.value(SAVE_FOLDER_KEY, "", type=str)) or QStandardPaths.writableLocation(
                    QStandardPaths.StandardLocation.DocumentsLocation
                )
                chosen, _filter = QFileDialog.getSaveFileName(
                    self,
                    self.tr("Save receipt PDF"),
                    str(Path(folder) / f"{number}-回执.pdf"),
                    self.tr("PDF files (*.pdf)"),
                )
                if not chosen:
                    return
                target = Path(chosen)
                settings.setValue(SAVE_FOLDER_KEY, str(target.parent))
            if refused_inside_library(self, self.ctx.library, target):
                if save_to is not None:
                    return
                continue  # asked again, as after a failed copy
            try:
                shutil.copyfile(self.receipt, target)
                return
            except OSError as exc:
                show_error(self, exc)
                if save_to is not None:
                    return

    # ------------------------------------------------------------------ leaving

    def _typed_anything(self) -> bool:
        fields = [self.name, self.phone, self.product, self.purchased, self.noticed, self.order_no, self.amount]
        fields.append(self.demand_amount)
        return (
            any(f.text().strip() for f in fields)
            or bool(self.facts.toPlainText().strip())
            or self.photos.count() > 0
            or bool(self.handed_items())
        )

    def confirm_discard(self) -> bool:
        if self._created:
            text = fill(
                self.tr("Case %1 was created but its photos or receipt are missing. Close anyway?"), self._created
            )
        else:
            text = self.tr("Discard this complaint? Nothing has been registered.")
        box = QMessageBox(QMessageBox.Icon.Question, self.windowTitle(), text, parent=self)
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep typing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)  # a reflexive Enter keeps the complaint; discarding is a choice
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is discard

    def confirm_stop(self) -> bool:
        """Esc (or closing the window) while registering: stop only when the clerk says so; a reflexive Esc (meant
        for the print preview not yet open) keeps the registration going."""
        if self._created:
            text = fill(self.tr("Stop registering? Case %1 would stay without its receipt."), self._created)
        else:
            text = self.tr("Stop registering? The customer would get no receipt.")
        box = QMessageBox(QMessageBox.Icon.Question, self.windowTitle(), text, parent=self)
        stop = box.addButton(self.tr("Stop"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep registering"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        self._stop_box = box
        try:
            box.exec()
        finally:
            self._stop_box = None
        return box.clickedButton() is stop

    def _cancel_clicked(self) -> None:
        if self.task is not None:  # 取消 clicked while registering: stop the task, keep the dialog
            self.task.cancel()
            return
        self.reject()

    def reject(self) -> None:
        if self.task is not None:  # Esc while registering: stop the task if confirmed, keep the dialog
            task = self.task
            if self.confirm_stop() and self.task is task:
                task.cancel()
            return
        if (self._typed_anything() or self._created) and not self.confirm_discard():
            return
        super().reject()
