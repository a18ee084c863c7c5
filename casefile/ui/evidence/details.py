"""The details of the selected exhibit: what it is, what its file says about itself, where it came
from, and its custody record; and the choices made for it here (its kind, what was handed over).

The pane only shows and asks: the choices and a request to correct the capture time are
signalled to the tab, which writes them through the core.
"""

from __future__ import annotations

import html
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from casefile.core.bundle.consistency import zoneless
from casefile.core.disclosure.derived import copies_of
from casefile.core.fsutil import human_size
from casefile.core.model import DISPOSITIONS, HANDED_IN, Case, EvidenceKind, Exhibit
from casefile.core.record.history import exhibit_history
from casefile.core.scans import evidence_form, form_needs_pages
from casefile.core.timestamps.checking import StampResult
from casefile.core.timestamps.queue import RENEW_WITHIN, failure
from casefile.core.timestamps.roots import is_pinned
from casefile.ui import times
from casefile.ui.i18n import bracketed, fill, labelled, listed, translated
from casefile.ui.labels import (
    capture_source_name,
    custody_action_name,
    disposition_name,
    exhibit_field_name,
    flag_name,
    handed_in_name,
    kind_name,
)
from casefile.ui.models import as_recorded

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

CAPTURE_TIME_LINK = "capture-time"
TIMESTAMP_ANCHOR = "timestamp"  # where the trusted timestamp's section begins


def local_time(at: datetime | None) -> str:
    """A time as the app shows it (casefile.core.zone), to the second."""
    return times.text(at, "%Y-%m-%d %H:%M:%S")


class DetailsPane(QWidget):
    """``chosen(field, value)``: a kind, what was handed over or whether it was kept, or whether it is a photo or
    scan of a paper ("yes", "no", "" not said), chosen for the exhibit shown; ``capture_time_requested``: the
    user asked to correct its capture time."""

    chosen = Signal(str, str)
    capture_time_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._link)
        self.browser.setAcceptDrops(False)
        # The selected exhibit's kind, changed here as in the table (an arbitration agreement, a waybill...).
        self.kind_label = QLabel(self)
        self.kind_combo = QComboBox(self)
        for kind in EvidenceKind:
            self.kind_combo.addItem(kind_name(kind.value), kind.value)
        self.kind_label.setBuddy(self.kind_combo)
        self.kind_combo.activated.connect(lambda _i: self.chosen.emit("kind", str(self.kind_combo.currentData())))
        kind_row = QHBoxLayout()
        kind_row.setContentsMargins(0, 0, 0, 0)
        kind_row.addWidget(self.kind_label)
        kind_row.addWidget(self.kind_combo, 1)
        # What the customer handed over for it and whether the store kept it (the receipt's 收取材料清单).
        self.handed_label = QLabel(self)
        self.handed_combo = QComboBox(self)
        self.handed_combo.addItem("", "")
        for value in HANDED_IN:
            self.handed_combo.addItem(handed_in_name(value), value)
        self.handed_label.setBuddy(self.handed_combo)
        self.disposition_combo = QComboBox(self)
        self.disposition_combo.addItem("", "")
        for value in DISPOSITIONS:
            self.disposition_combo.addItem(disposition_name(value), value)
        self.handed_combo.activated.connect(lambda _i: self._choice_made(self.handed_combo, "handed_in"))
        self.disposition_combo.activated.connect(lambda _i: self._choice_made(self.disposition_combo, "disposition"))
        # Kept or returned on a line of its own: side by side, in a pane this narrow, both answers were cut.
        handed_row = QVBoxLayout()
        handed_row.setContentsMargins(0, 0, 0, 0)
        handed_row.setSpacing(2)
        handed_line = QHBoxLayout()
        handed_line.addWidget(self.handed_label)
        handed_line.addWidget(self.handed_combo, 1)
        handed_row.addLayout(handed_line)
        handed_row.addWidget(self.disposition_combo)
        # Whether the file is a photo or scan of a paper (书证, 复印件) or the document itself as data (电子数据):
        # yes, no, or not said (told from the file, as the packet does).
        self.paper_label = QLabel(self)
        self.paper_combo = QComboBox(self)
        for value in ("", "yes", "no"):
            self.paper_combo.addItem("", value)
        self.paper_label.setBuddy(self.paper_combo)
        self.paper_combo.activated.connect(lambda _i: self._choice_made(self.paper_combo, "paper"))
        # The question on a line of its own: the pane is narrow, and the answers should be read whole.
        paper_row = QVBoxLayout()
        paper_row.setContentsMargins(0, 0, 0, 0)
        paper_row.setSpacing(2)
        paper_row.addWidget(self.paper_label)
        paper_row.addWidget(self.paper_combo)
        self.told: bool | None = None  # what the file says when the user has not: shown in the "not said" item
        # Every answer read whole, in either language, whichever item is shown: each list asks for the width of
        # its longest item as its least, whenever its texts change (a language, what the file tells), and the
        # pane (and the splitter beside it) gives it that room rather than cutting the text.
        self.combos = (self.kind_combo, self.handed_combo, self.disposition_combo, self.paper_combo)
        for combo in self.combos:
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(kind_row)
        layout.addLayout(handed_row)
        layout.addLayout(paper_row)
        layout.addWidget(self.browser, 1)
        self.case: Case | None = None
        self.custody: list[dict[str, Any]] = []
        self.packet = ""
        # The offline check of the case's timestamps, by id (None: not checked yet), whether a TSA is
        # chosen in Settings, and the case's place in the queue of requests (None: not queued).
        self.stamp_results: dict[str, StampResult] | None = None
        self.tsa_chosen = False
        self.queue_state: dict[str, Any] | None = None
        self.pinned_roots: frozenset[str] = frozenset()  # the TSA roots pinned in Settings (their SHA-256)

    def retranslate(self) -> None:
        self.kind_label.setText(self.tr("Kind"))
        self.kind_combo.setToolTip(
            self.tr("What kind of evidence this is; an arbitration packet needs one of kind Arbitration agreement")
        )
        for i in range(self.kind_combo.count()):
            self.kind_combo.setItemText(i, kind_name(str(self.kind_combo.itemData(i))))
        self.handed_label.setText(self.tr("Handed over"))
        self.handed_combo.setItemText(0, self.tr("Not recorded"))
        for i in range(1, self.handed_combo.count()):
            self.handed_combo.setItemText(i, handed_in_name(str(self.handed_combo.itemData(i))))
        self.disposition_combo.setItemText(0, self.tr("Kept or returned: not recorded"))
        for i in range(1, self.disposition_combo.count()):
            self.disposition_combo.setItemText(i, disposition_name(str(self.disposition_combo.itemData(i))))
        for combo in (self.handed_combo, self.disposition_combo):
            combo.setToolTip(
                self.tr(
                    "What the customer handed over for this exhibit (original, copy, the object, an electronic "
                    "file) and whether the store kept it or gave it back, as the walk-in receipt lists them"
                )
            )

        self.paper_label.setText(self.tr("A photo or scan of a paper document"))
        self.paper_combo.setItemText(1, self.tr("Yes (书证, 复印件)"))
        self.paper_combo.setItemText(2, self.tr("No: the file is the document (电子数据)"))
        self._name_not_said()
        self.paper_combo.setToolTip(
            self.tr(
                "这是纸质文件的照片或扫描件: whether the paper is the original and this file a copy of it, or the file "
                "is the document itself (an e-invoice, a contract file). The evidence list, the separator page, the "
                "captions over its pages and the integrity annex follow it. Not said, CaseFile tells it from the file: "
                "a photo, or a PDF whose pages are pictures, is a paper's"
            )
        )

    def _name_not_said(self) -> None:
        """The "not said" item names what the file tells: yes, no, or (a PDF not yet read) when a packet is made."""
        told = {
            True: self.tr("Not said (from the file: yes)"),
            False: self.tr("Not said (from the file: no)"),
            None: self.tr("Not said (told from the file in a packet)"),
        }
        self.paper_combo.setItemText(0, told[self.told])
        self._fit_answers()

    def _fit_answers(self) -> None:
        """Each list at least as wide as its longest answer, so none is cut mid-word."""
        for combo in self.combos:
            combo.setMinimumWidth(combo.sizeHint().width())

    def _choice_made(self, combo: QComboBox, field: str) -> None:
        self.chosen.emit(field, str(combo.currentData() or ""))

    def _link(self, url: QUrl) -> None:
        if url.toString() == CAPTURE_TIME_LINK:
            self.capture_time_requested.emit()

    def show_nothing(self, *, prompt: bool) -> None:
        """No exhibit selected; ``prompt``: say how to see one (the case has exhibits)."""
        self.browser.setHtml(
            "<p>" + html.escape(self.tr("Select an exhibit to see its details and its custody record.")) + "</p>"
            if prompt
            else ""
        )

    def show_exhibit(self, exhibit: Exhibit, *, case: Case | None, custody: list[dict[str, Any]], packet: str) -> None:
        """``exhibit`` of ``case`` with its ``custody`` log; ``packet``: the packet it is in, if any."""
        self.case, self.custody, self.packet = case, custody, packet
        self.browser.setHtml(self.details_html(exhibit))

    def show_choices(self, exhibit: Exhibit | None) -> None:
        """The kind and the handed-over choices of ``exhibit``, offered when they can be changed."""
        self.kind_combo.setEnabled(exhibit is not None and not exhibit.withdrawn)
        self.handed_combo.setEnabled(exhibit is not None)
        self.disposition_combo.setEnabled(exhibit is not None)
        self.paper_combo.setEnabled(exhibit is not None and not exhibit.withdrawn)
        self.told = None
        if exhibit is not None:
            unsaid = replace(exhibit, paper=None)
            self.told = None if form_needs_pages(unsaid) else evidence_form(unsaid) == "书证"
            answer = "" if exhibit.paper is None else "yes" if exhibit.paper else "no"
            self.paper_combo.setCurrentIndex(max(0, self.paper_combo.findData(answer)))
        self._name_not_said()
        if exhibit is not None:
            self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(exhibit.kind.value)))
            self.handed_combo.setCurrentIndex(max(0, self.handed_combo.findData(exhibit.handed_in)))
            self.disposition_combo.setCurrentIndex(max(0, self.disposition_combo.findData(exhibit.disposition)))

    def details_html(self, e: Exhibit) -> str:
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()

        correct = self.tr("Correct…")

        def row(label: str, value: str, *, code: bool = False, warn: bool = False, link: str = "") -> str:
            text = html.escape(value)
            if code:
                text = f"<span style=\"font-family:'{html.escape(mono)}'\">{text}</span>"
            if warn:
                text = f'<span style="color:#b35c00">{text}</span>'
            if link:
                text += f' <a href="{link}">{html.escape(correct)}</a>'
            return f'<tr><td style="color:#666;padding-right:10px">{html.escape(label)}</td><td>{text}</td></tr>'

        title = fill(self.tr("Exhibit %1: %2"), e.number, e.title)
        parts = [f"<h3>{html.escape(title)}</h3>"]
        in_packet = self.packet
        if in_packet:
            parts.append(
                "<p>"
                + html.escape(
                    fill(
                        self.tr("In a packet of the exhibits not withdrawn, in this order: %1 (file no. %2)"),
                        in_packet,
                        e.number,
                    )
                )
                + "</p>"
            )
        if e.withdrawn:
            withdrawn = fill(
                self.tr("Withdrawn on %1 by %2: %3"), local_time(e.withdrawn_at), e.withdrawn_by, e.withdraw_reason
            )
            parts.append(f'<p style="color:#b00020">{html.escape(withdrawn)}</p>')
        captured = as_recorded(e.captured_at, seconds=True)
        if e.captured_at is not None and zoneless(e):
            # A clock's reading with no zone recorded: as the device (or the mail's sender) showed it, so marked.
            mark = self.tr("(sent, zone not recorded)") if e.captured_at_source == "container" else ""
            mark = mark or self.tr("(device time, zone not recorded)")
            captured = e.captured_at.strftime("%Y-%m-%d %H:%M:%S") + " " + mark
        if captured and e.captured_at_source:
            captured = bracketed(captured, capture_source_name(e.captured_at_source))
        rows = [
            row(self.tr("Original name"), e.original_name),
            row(self.tr("Kind"), kind_name(e.kind.value)),
            *([row(self.tr("Evidence group"), e.group)] if e.group else []),
            row(self.tr("Size"), bracketed(human_size(e.size), f"{e.size:,} B")),
            row("SHA-256", e.sha256, code=True),
            row("SM3", e.sm3 or self.tr("not computed"), code=bool(e.sm3)),
            row(self.tr("Captured"), captured, link=CAPTURE_TIME_LINK),
            *(row(label, value) for label, value in self.metadata_rows(e)),
            row(self.tr("Added"), fill(self.tr("%1 by %2"), local_time(e.added_at), e.added_by)),
        ]
        flags = listed(flag_name(f) for f in e.flags) or self.tr("none")
        rows.append(row(self.tr("Flags"), flags, warn=bool(e.flags)))
        if e.original_path:
            rows.append(row(self.tr("Added from"), e.original_path))
        if e.derived_from is not None:
            made = fill(self.tr("of exhibit %1"), e.derived_from)
            if e.redaction is not None:
                made += " — " + e.redaction.reason
                rows.append(row(self.tr("Original's SHA-256"), e.redaction.source_sha256, code=True))
            rows.insert(0, row(self.tr("Redacted copy"), made))
        elif self.case is not None:
            copies = [str(c.number) for c in copies_of(self.case, e.number)]
            if copies:
                rows.append(row(self.tr("Redacted copies"), listed(copies)))
        parts.append("<table cellspacing=0 cellpadding=2>" + "".join(rows) + "</table>")
        parts.append(f'<h4><a name="{TIMESTAMP_ANCHOR}"></a>' + html.escape(self.stamp_heading(e)) + "</h4>")
        parts.append("<table cellspacing=0 cellpadding=2>" + "".join(self.stamp_rows(e, row)) + "</table>")
        history = exhibit_history(self.custody, e.number)
        parts.append("<h4>" + html.escape(self.tr("Custody record")) + "</h4>")
        if history:
            items = []
            for item in history:
                what = custody_action_name(item.action)
                line = fill(self.tr("%1 — %2, by %3"), local_time(item.at), what, item.operator)
                if item.reason:
                    line = labelled(line, item.reason)
                elif item.fields:
                    line = labelled(line, listed(exhibit_field_name(f) for f in item.fields))
                items.append(f"<li>#{item.seq} {html.escape(line)}</li>")
            parts.append("<ul style='margin-left:-20px'>" + "".join(items) + "</ul>")
        else:
            parts.append("<p>" + html.escape(self.tr("No custody entries mention this exhibit.")) + "</p>")
        return "".join(parts)

    def stamp_pinned(self, stamp_id: str) -> bool | None:
        """Whether every root the stamp was checked against is one the user pinned; None: not known yet."""
        result = (self.stamp_results or {}).get(stamp_id)
        if result is None:
            return None
        return is_pinned(result.roots, self.pinned_roots)

    def stamp_heading(self, e: Exhibit) -> str:
        """A timestamp is called trusted only when its root is one the user pinned (confirmed as the authority's)."""
        stamps = [s for s in self.case.timestamps if e.number in s.exhibits] if self.case is not None else []
        known = [self.stamp_pinned(s.id) for s in stamps]
        if not stamps or all(known):
            return self.tr("Trusted timestamp")
        if any(k is False for k in known):
            return self.tr("Timestamp (root not checked)")
        return self.tr("Timestamp")

    def stamp_rows(self, e: Exhibit, row: Any) -> list[str]:
        """The RFC 3161 timestamps covering ``e``: when, by which TSA, its serial, and whether it checks."""
        stamps = [s for s in self.case.timestamps if e.number in s.exhibits] if self.case is not None else []
        if not stamps:
            if not self.tsa_chosen:
                status = self.tr("Not stamped: no timestamp authority (TSA) is chosen in Settings")
            elif self.queue_state is not None:
                status = self.tr("Not yet stamped: queued, sent when the TSA can be reached")
                reason = failure(self.queue_state)
                if reason is not None:
                    status = labelled(status, translated(reason))
            else:
                status = self.tr("Not yet stamped")
            return [row(self.tr("Status"), status, warn=True)]
        rows = []
        for stamp in stamps:
            renewal = fill(self.tr(" (renews timestamp %1)"), stamp.renews) if stamp.renews else ""
            result = (self.stamp_results or {}).get(stamp.id)
            if self.stamp_results is None:
                status, warn = self.tr("Being checked…"), False
            elif result is None:
                status, warn = self.tr("Not checked"), True
            elif result.ok:
                status, warn = self.tr("Verified offline: signature, certificate chain and proof"), False
            else:
                status, warn = labelled(self.tr("Does not verify"), translated(result.problems[0])), True
            renewed = self.case is not None and any(s.renews == stamp.id for s in self.case.timestamps)
            due = stamp.expires is not None and not renewed and stamp.expires - RENEW_WITHIN < datetime.now(UTC)
            valid_until = local_time(stamp.expires)
            if due:
                valid_until = labelled(valid_until, self.tr("renew it before then (casefile timestamp --renew)"))
            rows += [
                row(self.tr("Timestamp"), f"{stamp.id}{renewal}"),
                row(self.tr("Time"), local_time(stamp.time)),
                row(self.tr("TSA"), stamp.tsa),
                row(self.tr("Serial number"), stamp.serial, code=True),
                row(self.tr("TSA certificate valid until"), valid_until, warn=due),
                row(self.tr("Merkle root"), stamp.root, code=True),
                row(self.tr("Status"), status, warn=warn),
            ]
            if result is not None:
                for root in result.roots:
                    rows += [
                        row(self.tr("Root certificate"), root.subject),
                        row(self.tr("Root's SHA-256 fingerprint"), root.fingerprint, code=True),
                    ]
                if self.stamp_pinned(stamp.id):
                    rows.append(row(self.tr("Root"), self.tr("Checked against the fingerprint pinned in Settings")))
                else:
                    rows.append(
                        row(
                            self.tr("Root"),
                            self.tr(
                                "Root not checked: anyone can make a root and a timestamp authority under any name. "
                                "Compare the fingerprint with the one the authority publishes, then pin the root in "
                                "Settings (Pinned TSA roots)"
                            ),
                            warn=True,
                        )
                    )
        return rows

    def metadata_rows(self, e: Exhibit) -> list[tuple[str, str]]:
        """What the file says about itself, read when it was added."""
        meta = e.metadata
        rows: list[tuple[str, str]] = []
        device = meta.device_name()
        if device:
            rows.append((self.tr("Device"), device))
        if meta.software:
            rows.append((self.tr("Software"), meta.software))
        if meta.width and meta.height:
            rows.append((self.tr("Picture"), fill(self.tr("%1 × %2 pixels"), meta.width, meta.height)))
        if meta.duration:
            seconds = int(round(meta.duration))
            length = f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
            codecs = listed(c for c in (meta.video_codec, meta.audio_codec) if c)
            rows.append((self.tr("Length"), bracketed(length, codecs) if codecs else length))
        if meta.gps is not None:
            rows.append((self.tr("Place (GPS)"), f"{meta.gps.lat:.6f}, {meta.gps.lon:.6f}"))
        if meta.pages:
            pages = fill(self.tr("%1 pages"), meta.pages)
            if meta.producer:
                pages = bracketed(pages, meta.producer)
            rows.append((self.tr("Pages"), pages))
        if meta.email is not None:
            for value, label in (
                (meta.email.sender, self.tr("From")),
                (meta.email.to, self.tr("To")),
                (meta.email.subject, self.tr("Subject")),
            ):
                if value:
                    rows.append((label, value))
        if meta.encoding:
            rows.append((self.tr("Text encoding"), meta.encoding.upper()))
        if meta.metadata_error:
            # The reader's own words (an exception's name and text) are technical: after the user's language.
            unread = fill(
                self.tr("CaseFile could not read the details the file holds (technical note: %1)"), meta.metadata_error
            )
            rows.append((self.tr("File details"), unread))
        return rows
