"""Asked once, at the first start: who uses CaseFile here.

Receipts and claims print the organisation's name, address and phone and the operator's name;
without them a receipt reads 受理人 root and 门店名称 ____. The answers go to the settings
(casefile.core.settings); skipping is remembered too, and everything can be changed in 设置.
"""

from __future__ import annotations

from casefile.core.errors import InvalidValueError
from casefile.core.settings import Settings, resolve_operator, save_settings
from casefile.core.validate import normalise_phone
from casefile.ui.context import AppContext, show_error
from casefile.ui.i18n import translated

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


def needs_first_run(settings: Settings) -> bool:
    return not settings.setup_asked


class FirstRunDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        settings = self.settings = ctx.settings
        self.setWindowTitle(self.tr("Welcome to CaseFile"))
        intro = QLabel(
            self.tr(
                "Receipts and complaint letters print who received the complaint. "
                "Enter your organisation and your name once; File → Settings… changes them later."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.org_name = QLineEdit(settings.org_name, self)
        self.org_name.setPlaceholderText(self.tr("Store, company or office name"))
        self.org_address = QLineEdit(settings.org_address, self)
        self.org_phone = QLineEdit(settings.org_phone, self)
        self.operator = QLineEdit(settings.operator or "", self)
        self.operator.setPlaceholderText(ctx.operator)
        self.clerk_id = QLineEdit(settings.clerk_id, self)
        form = QFormLayout()
        form.addRow(self.tr("Organisation name"), self.org_name)
        form.addRow(self.tr("Address"), self.org_address)
        form.addRow(self.tr("Phone"), self.org_phone)
        form.addRow(self.tr("Your name (受理人)"), self.operator)
        form.addRow(self.tr("Staff number (工号)"), self.clerk_id)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole).setDefault(True)
        buttons.addButton(self.tr("Later"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def done(self, result: int) -> None:
        """Saved or not, the question is asked once."""
        s = self.settings
        if result == QDialog.DialogCode.Accepted:
            phone = self.org_phone.text().strip()
            try:
                s.org_phone = normalise_phone(phone) if phone else ""
            except InvalidValueError as exc:
                self.error.setText(translated(exc))
                self.error.show()
                self.org_phone.setFocus()
                return
            s.org_name = self.org_name.text().strip()
            s.org_address = self.org_address.text().strip()
            s.operator = self.operator.text().strip()
            s.clerk_id = self.clerk_id.text().strip()
            if self.ctx.library.remote is None:  # on a team library the custody log names the signed-in user
                self.ctx.library.operator = resolve_operator(None, s)  # the custody log names who did what
        s.setup_asked = True
        try:
            save_settings(s)
        except OSError as exc:
            show_error(self, exc)
        super().done(result)
