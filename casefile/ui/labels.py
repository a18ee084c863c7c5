"""The words the interface shows for the core's coded values: one table per enum or value set.

Each table maps a stored value to its English label, marked for lupdate (context ``CaseFile``);
the label is translated when it is looked up, so a language switch shows at once. A value no
table knows (one a newer CaseFile wrote) is shown as it is. tests/ui/test_labels.py checks that
every member of every enum and value set the core defines has a label here, in Chinese too.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping

from casefile.core import metadata, record, sniff
from casefile.core.disclosure.masking import Kind as MaskKind
from casefile.core.model import (
    AgentAuthority,
    CaseType,
    Channel,
    DemandType,
    EventKind,
    EvidenceKind,
    MediationWish,
    PartyKind,
    Priority,
    ResponsibleParty,
    Side,
    Stage,
)
from casefile.core.review.facts import GroupBy
from casefile.core.venues import Route, Venue
from casefile.core.verify import FileStatus
from casefile.core.workflow import records
from casefile.core.workflow.clocks import Pause, Trigger, Unit
from casefile.core.workflow.due import Status
from casefile.ui.core_messages import QT_TRANSLATE_NOOP

from PySide6.QtCore import QCoreApplication

CONTEXT = "CaseFile"


def _label(table: Mapping[str, str], value: str) -> str:
    text = table.get(value)
    return value if text is None else QCoreApplication.translate(CONTEXT, text)


# ------------------------------------------------------------------ the case record

CASE_TYPES: dict[str, str] = {
    CaseType.QUALITY: QT_TRANSLATE_NOOP("CaseFile", "Product quality"),
    CaseType.LOGISTICS: QT_TRANSLATE_NOOP("CaseFile", "Logistics / courier"),
    CaseType.SERVICE: QT_TRANSLATE_NOOP("CaseFile", "Service"),
    CaseType.TRANSACTION: QT_TRANSLATE_NOOP("CaseFile", "Transaction / refund / fee"),
    CaseType.INFORMATION: QT_TRANSLATE_NOOP("CaseFile", "Misleading information"),
}

STAGES: dict[str, str] = {
    Stage.REGISTRATION: QT_TRANSLATE_NOOP("CaseFile", "Registration"),
    Stage.VERIFICATION: QT_TRANSLATE_NOOP("CaseFile", "Verification"),
    Stage.NEGOTIATION: QT_TRANSLATE_NOOP("CaseFile", "Negotiation"),
    Stage.CONFIRMATION: QT_TRANSLATE_NOOP("CaseFile", "Customer confirmation"),
    Stage.MEDIATION: QT_TRANSLATE_NOOP("CaseFile", "Internal mediation"),
    Stage.EXTERNAL: QT_TRANSLATE_NOOP("CaseFile", "External route"),
    Stage.EXECUTION: QT_TRANSLATE_NOOP("CaseFile", "Execution"),
    Stage.CLOSED: QT_TRANSLATE_NOOP("CaseFile", "Closed"),
    Stage.REVIEW: QT_TRANSLATE_NOOP("CaseFile", "Review"),
}

PRIORITIES: dict[str, str] = {
    Priority.URGENT: QT_TRANSLATE_NOOP("CaseFile", "Urgent"),
    Priority.IMPORTANT: QT_TRANSLATE_NOOP("CaseFile", "Important"),
    Priority.NORMAL: QT_TRANSLATE_NOOP("CaseFile", "Normal"),
}

CHANNELS: dict[str, str] = {
    Channel.PHONE: QT_TRANSLATE_NOOP("CaseFile", "Phone"),
    Channel.ONLINE: QT_TRANSLATE_NOOP("CaseFile", "Online chat"),
    Channel.EMAIL: QT_TRANSLATE_NOOP("CaseFile", "Email"),
    Channel.SOCIAL: QT_TRANSLATE_NOOP("CaseFile", "Social media"),
    Channel.STORE: QT_TRANSLATE_NOOP("CaseFile", "Offline store"),
}

RESPONSIBLE_PARTIES: dict[str, str] = {
    ResponsibleParty.UNDETERMINED: QT_TRANSLATE_NOOP("CaseFile", "Not yet determined"),
    ResponsibleParty.MERCHANT: QT_TRANSLATE_NOOP("CaseFile", "Merchant"),
    ResponsibleParty.COURIER: QT_TRANSLATE_NOOP("CaseFile", "Courier"),
    ResponsibleParty.MANUFACTURER: QT_TRANSLATE_NOOP("CaseFile", "Manufacturer"),
    ResponsibleParty.CUSTOMER: QT_TRANSLATE_NOOP("CaseFile", "Customer"),
    ResponsibleParty.THIRD_PARTY: QT_TRANSLATE_NOOP("CaseFile", "Third party"),
}

PARTY_KINDS: dict[str, str] = {
    PartyKind.PERSON: QT_TRANSLATE_NOOP("CaseFile", "Natural person"),
    PartyKind.ORGANISATION: QT_TRANSLATE_NOOP("CaseFile", "Organisation"),
}

# Which party our user's side is (the response promise runs only when it is the one complained to).
SIDES: dict[str, str] = {
    Side.RESPONDENT: QT_TRANSLATE_NOOP("CaseFile", "We are complained to (the response promise runs)"),
    Side.COMPLAINANT: QT_TRANSLATE_NOOP("CaseFile", "We are the complainant (no response promise)"),
}

AGENT_AUTHORITIES: dict[str, str] = {
    AgentAuthority.GENERAL: QT_TRANSLATE_NOOP("CaseFile", "General authority (一般授权)"),
    AgentAuthority.SPECIAL: QT_TRANSLATE_NOOP("CaseFile", "Special authority (特别授权)"),
}

MEDIATION_WISHES: dict[str, str] = {
    MediationWish.YES: QT_TRANSLATE_NOOP("CaseFile", "Yes, mediation first"),
    MediationWish.NO: QT_TRANSLATE_NOOP("CaseFile", "No"),
    MediationWish.UNSURE: QT_TRANSLATE_NOOP("CaseFile", "Not sure yet, wants to know more"),
}

DEMAND_TYPES: dict[str, str] = {
    DemandType.REFUND: QT_TRANSLATE_NOOP("CaseFile", "Refund"),
    DemandType.EXCHANGE: QT_TRANSLATE_NOOP("CaseFile", "Exchange"),
    DemandType.REPAIR: QT_TRANSLATE_NOOP("CaseFile", "Repair"),
    DemandType.APOLOGY: QT_TRANSLATE_NOOP("CaseFile", "Apology"),
    DemandType.COMPENSATION: QT_TRANSLATE_NOOP("CaseFile", "Compensation"),
    DemandType.OTHER: QT_TRANSLATE_NOOP("CaseFile", "Other"),
}

# ------------------------------------------------------------------ the timeline

EVENT_KINDS: dict[str, str] = {
    EventKind.CALL: QT_TRANSLATE_NOOP("CaseFile", "Call"),
    EventKind.CHAT: QT_TRANSLATE_NOOP("CaseFile", "Chat"),
    EventKind.VISIT: QT_TRANSLATE_NOOP("CaseFile", "Visit"),
    EventKind.EMAIL: QT_TRANSLATE_NOOP("CaseFile", "Email"),
    EventKind.COMPLAINT: QT_TRANSLATE_NOOP("CaseFile", "Complaint or claim lodged"),
    EventKind.PROPOSAL: QT_TRANSLATE_NOOP("CaseFile", "Proposal"),
    EventKind.CONFIRMATION: QT_TRANSLATE_NOOP("CaseFile", "Confirmation"),
    EventKind.NOTE: QT_TRANSLATE_NOOP("CaseFile", "Note"),
    EventKind.OTHER: QT_TRANSLATE_NOOP("CaseFile", "Other"),
}

# Who a timeline event was with (casefile.core.validate.EVENT_PARTIES).
EVENT_PARTIES: dict[str, str] = {
    "respondent": QT_TRANSLATE_NOOP("CaseFile", "The business complained about"),
    "courier": QT_TRANSLATE_NOOP("CaseFile", "The courier company"),
    "complainant": QT_TRANSLATE_NOOP("CaseFile", "The consumer"),
    "consumer-association": QT_TRANSLATE_NOOP("CaseFile", "Consumer association (消协)"),
    "regulator": QT_TRANSLATE_NOOP("CaseFile", "Market regulator (12315)"),
    "postal-regulator": QT_TRANSLATE_NOOP("CaseFile", "Postal regulator (邮政管理部门, 12305)"),
    "court": QT_TRANSLATE_NOOP("CaseFile", "Court"),
    "arbitration": QT_TRANSLATE_NOOP("CaseFile", "Arbitration commission"),
}

# Who spoke to whom, between our side and the party a timeline event was with (casefile.core.validate
# .EVENT_DIRECTIONS): short, as the event list shows them.
EVENT_DIRECTIONS: dict[str, str] = {
    "out": QT_TRANSLATE_NOOP("CaseFile", "We → them"),
    "in": QT_TRANSLATE_NOOP("CaseFile", "They → us"),
}

# Who proposes, pays or is paid in the handling of a dispute (casefile.core.workflow.handling.PARTIES):
# the parties of the timeline, and two outside the case.
HANDLING_PARTIES: dict[str, str] = {
    **EVENT_PARTIES,
    "manufacturer": QT_TRANSLATE_NOOP("CaseFile", "The manufacturer"),
    "third-party": QT_TRANSLATE_NOOP("CaseFile", "Another party"),
}

# The same parties named inside a sentence ("¥800 paid by the business complained about"), not as a label.
HANDLING_PARTIES_IN_TEXT: dict[str, str] = {
    "respondent": QT_TRANSLATE_NOOP("CaseFile", "the business complained about"),
    "courier": QT_TRANSLATE_NOOP("CaseFile", "the courier company"),
    "complainant": QT_TRANSLATE_NOOP("CaseFile", "the consumer"),
    "consumer-association": QT_TRANSLATE_NOOP("CaseFile", "the consumer association"),
    "regulator": QT_TRANSLATE_NOOP("CaseFile", "the market regulator"),
    "postal-regulator": QT_TRANSLATE_NOOP("CaseFile", "the postal regulator"),
    "court": QT_TRANSLATE_NOOP("CaseFile", "the court"),
    "arbitration": QT_TRANSLATE_NOOP("CaseFile", "the arbitration commission"),
    "manufacturer": QT_TRANSLATE_NOOP("CaseFile", "the manufacturer"),
    "third-party": QT_TRANSLATE_NOOP("CaseFile", "another party"),
}

# ------------------------------------------------------------------ the handling of a dispute

PROCEEDING_VENUES: dict[str, str] = {
    records.Venue.INTERNAL: QT_TRANSLATE_NOOP("CaseFile", "Internal mediation"),
    records.Venue.CONSUMER_ASSOCIATION: QT_TRANSLATE_NOOP("CaseFile", "Consumer association (消协)"),
    records.Venue.REGULATOR: QT_TRANSLATE_NOOP("CaseFile", "Market regulator (12315)"),
    records.Venue.POSTAL_REGULATOR: QT_TRANSLATE_NOOP("CaseFile", "Postal regulator (邮政管理部门, 12305)"),
    records.Venue.ARBITRATION: QT_TRANSLATE_NOOP("CaseFile", "Arbitration commission"),
    records.Venue.COURT: QT_TRANSLATE_NOOP("CaseFile", "Court"),
}

PROCEEDING_RESULTS: dict[str, str] = {
    records.ProceedingResult.PENDING: QT_TRANSLATE_NOOP("CaseFile", "Pending"),
    records.ProceedingResult.NOT_ACCEPTED: QT_TRANSLATE_NOOP("CaseFile", "Not accepted"),
    records.ProceedingResult.AGREEMENT: QT_TRANSLATE_NOOP("CaseFile", "Agreement reached"),
    records.ProceedingResult.NO_AGREEMENT: QT_TRANSLATE_NOOP("CaseFile", "No agreement"),
    records.ProceedingResult.WITHDRAWN: QT_TRANSLATE_NOOP("CaseFile", "Withdrawn"),
    records.ProceedingResult.AWARD: QT_TRANSLATE_NOOP("CaseFile", "Arbitral award"),
    records.ProceedingResult.JUDGMENT: QT_TRANSLATE_NOOP("CaseFile", "Judgment"),
    records.ProceedingResult.RULING: QT_TRANSLATE_NOOP("CaseFile", "Ruling"),
    records.ProceedingResult.DISMISSED: QT_TRANSLATE_NOOP("CaseFile", "Dismissed"),
}

ANSWERS: dict[str, str] = {
    records.Answer.PENDING: QT_TRANSLATE_NOOP("CaseFile", "Awaiting an answer"),
    records.Answer.ACCEPTED: QT_TRANSLATE_NOOP("CaseFile", "Accepted"),
    records.Answer.REJECTED: QT_TRANSLATE_NOOP("CaseFile", "Rejected"),
    records.Answer.COUNTERED: QT_TRANSLATE_NOOP("CaseFile", "Countered"),
}

OUTCOME_KINDS: dict[str, str] = {
    records.OutcomeKind.AGREEMENT: QT_TRANSLATE_NOOP("CaseFile", "Agreement"),
    records.OutcomeKind.DECISION: QT_TRANSLATE_NOOP("CaseFile", "Decision (award, judgment)"),
    records.OutcomeKind.WITHDRAWN: QT_TRANSLATE_NOOP("CaseFile", "Complaint withdrawn"),
    records.OutcomeKind.NONE: QT_TRANSLATE_NOOP("CaseFile", "Nothing obtained"),
}

CLOSING_RESULTS: dict[str, str] = {
    records.ClosingResult.RESOLVED: QT_TRANSLATE_NOOP("CaseFile", "Resolved"),
    records.ClosingResult.PARTLY: QT_TRANSLATE_NOOP("CaseFile", "Partly resolved"),
    records.ClosingResult.UNRESOLVED: QT_TRANSLATE_NOOP("CaseFile", "Unresolved"),
    records.ClosingResult.WITHDRAWN: QT_TRANSLATE_NOOP("CaseFile", "Withdrawn by the complainant"),
    records.ClosingResult.REJECTED: QT_TRANSLATE_NOOP("CaseFile", "Complaint not upheld"),
}

# ------------------------------------------------------------------ clocks

# Each clock by its key (casefile.core.workflow.clocks.RULES).
CLOCKS: dict[str, str] = {
    "response.urgent": QT_TRANSLATE_NOOP("CaseFile", "Response promise (urgent, 2 h)"),
    "response.important": QT_TRANSLATE_NOOP("CaseFile", "Response promise (important, 24 h)"),
    "response.normal": QT_TRANSLATE_NOOP("CaseFile", "Response promise (normal, 48 h)"),
    "regulator.acceptance": QT_TRANSLATE_NOOP("CaseFile", "Regulator decides on acceptance"),
    "regulator.mediation": QT_TRANSLATE_NOOP("CaseFile", "Regulator's mediation period"),
    "courier.reply": QT_TRANSLATE_NOOP("CaseFile", "Courier company's reply"),
    "postal.appeal": QT_TRANSLATE_NOOP("CaseFile", "Appeal to the postal administration (12305)"),
    "postal.reply": QT_TRANSLATE_NOOP("CaseFile", "Postal administration answers the appeal"),
    "consumer.no-reason-return": QT_TRANSLATE_NOOP("CaseFile", "Return without reason"),
    "court.filing": QT_TRANSLATE_NOOP("CaseFile", "Court decides on filing"),
    "court.appeal-judgment": QT_TRANSLATE_NOOP("CaseFile", "Appeal against the judgment"),
    "court.appeal-ruling": QT_TRANSLATE_NOOP("CaseFile", "Appeal against the ruling"),
    "court.enforcement": QT_TRANSLATE_NOOP("CaseFile", "Applying for enforcement"),
    "court.performance": QT_TRANSLATE_NOOP("CaseFile", "Paying what the decision orders"),
    "civil.limitation": QT_TRANSLATE_NOOP("CaseFile", "Limitation period"),
    "arbitration.set-aside": QT_TRANSLATE_NOOP("CaseFile", "Applying to set the award aside"),
}

CLOCK_STATUSES: dict[str, str] = {
    Status.RUNNING: QT_TRANSLATE_NOOP("CaseFile", "running"),
    Status.MET: QT_TRANSLATE_NOOP("CaseFile", "met"),
    Status.LATE: QT_TRANSLATE_NOOP("CaseFile", "met late"),
    Status.OVERDUE: QT_TRANSLATE_NOOP("CaseFile", "overdue"),
    Status.OPEN: QT_TRANSLATE_NOOP("CaseFile", "open"),
    Status.USED: QT_TRANSLATE_NOOP("CaseFile", "used"),
    Status.EXPIRED: QT_TRANSLATE_NOOP("CaseFile", "expired"),
    Status.STOPPED: QT_TRANSLATE_NOOP("CaseFile", "stopped (case closed or proceeding ended)"),
}

CLOCK_UNITS: dict[str, str] = {
    Unit.HOURS: QT_TRANSLATE_NOOP("CaseFile", "hours"),
    Unit.DAYS: QT_TRANSLATE_NOOP("CaseFile", "days"),
    Unit.WORKING_DAYS: QT_TRANSLATE_NOOP("CaseFile", "working days"),
    Unit.MONTHS: QT_TRANSLATE_NOOP("CaseFile", "months"),
    Unit.YEARS: QT_TRANSLATE_NOOP("CaseFile", "years"),
}

CLOCK_TRIGGERS: dict[str, str] = {
    Trigger.REGISTERED: QT_TRANSLATE_NOOP("CaseFile", "the complaint was registered"),
    Trigger.REGULATOR_RECEIVED: QT_TRANSLATE_NOOP("CaseFile", "the market regulator received the complaint"),
    Trigger.REGULATOR_ACCEPTED: QT_TRANSLATE_NOOP("CaseFile", "the market regulator accepted the complaint"),
    Trigger.CARRIER_COMPLAINT: QT_TRANSLATE_NOOP("CaseFile", "a complaint was lodged with the courier company"),
    Trigger.POSTAL_APPEAL: QT_TRANSLATE_NOOP("CaseFile", "the postal administration received the appeal (12305)"),
    Trigger.PARCEL_SHIPPED: QT_TRANSLATE_NOOP("CaseFile", "the parcel was shipped"),
    Trigger.GOODS_RECEIVED: QT_TRANSLATE_NOOP("CaseFile", "the consumer received the goods"),
    Trigger.SUIT_FILED: QT_TRANSLATE_NOOP("CaseFile", "the statement of claim reached the court"),
    Trigger.JUDGMENT_SERVED: QT_TRANSLATE_NOOP("CaseFile", "the judgment was served"),
    Trigger.RULING_SERVED: QT_TRANSLATE_NOOP("CaseFile", "the ruling was served"),
    Trigger.PERFORMANCE_DUE: QT_TRANSLATE_NOOP("CaseFile", "the last day for performance"),
    Trigger.HARM_KNOWN: QT_TRANSLATE_NOOP("CaseFile", "the harm and who owes became known"),
    Trigger.AWARD_RECEIVED: QT_TRANSLATE_NOOP("CaseFile", "the arbitral award was received"),
}

CLOCK_PAUSES: dict[str, str] = {
    Pause.TESTING: QT_TRANSLATE_NOOP("CaseFile", "testing, inspection or appraisal"),
}

# ------------------------------------------------------------------ exhibits

EVIDENCE_KINDS: dict[str, str] = {
    EvidenceKind.PHOTO: QT_TRANSLATE_NOOP("CaseFile", "Photo"),
    EvidenceKind.SCREENSHOT: QT_TRANSLATE_NOOP("CaseFile", "Screenshot"),
    EvidenceKind.AUDIO: QT_TRANSLATE_NOOP("CaseFile", "Audio"),
    EvidenceKind.VIDEO: QT_TRANSLATE_NOOP("CaseFile", "Video"),
    EvidenceKind.DOCUMENT: QT_TRANSLATE_NOOP("CaseFile", "Document"),
    EvidenceKind.CHAT: QT_TRANSLATE_NOOP("CaseFile", "Chat record"),
    EvidenceKind.EMAIL: QT_TRANSLATE_NOOP("CaseFile", "Email"),
    EvidenceKind.WAYBILL: QT_TRANSLATE_NOOP("CaseFile", "Waybill"),
    EvidenceKind.RECEIPT: QT_TRANSLATE_NOOP("CaseFile", "Receipt / invoice"),
    EvidenceKind.CONTRACT: QT_TRANSLATE_NOOP("CaseFile", "Contract"),
    EvidenceKind.ARBITRATION_AGREEMENT: QT_TRANSLATE_NOOP("CaseFile", "Arbitration agreement"),
    EvidenceKind.OTHER: QT_TRANSLATE_NOOP("CaseFile", "Other"),
}

# What a customer handed over for an exhibit (casefile.core.validate.HANDED_IN).
HANDED_IN: dict[str, str] = {
    "original": QT_TRANSLATE_NOOP("CaseFile", "Original (原件)"),
    "copy": QT_TRANSLATE_NOOP("CaseFile", "Copy (复印件)"),
    "object": QT_TRANSLATE_NOOP("CaseFile", "The object itself (实物)"),
    "electronic": QT_TRANSLATE_NOOP("CaseFile", "Electronic file (电子)"),
}

# What the store did with what was handed over (casefile.core.validate.DISPOSITIONS).
DISPOSITIONS: dict[str, str] = {
    "kept": QT_TRANSLATE_NOOP("CaseFile", "Kept by the store (留存)"),
    "returned": QT_TRANSLATE_NOOP("CaseFile", "Given back (退回)"),
}

# What the core found about a file (the FLAG_ values of casefile.core.sniff and casefile.core.metadata).
FLAGS: dict[str, str] = {
    sniff.FLAG_EMPTY: QT_TRANSLATE_NOOP("CaseFile", "empty file"),
    sniff.FLAG_UNKNOWN_FORMAT: QT_TRANSLATE_NOOP("CaseFile", "unknown format"),
    sniff.FLAG_EXTENSION_MISMATCH: QT_TRANSLATE_NOOP("CaseFile", "extension does not match the content"),
    sniff.FLAG_BROKEN: QT_TRANSLATE_NOOP("CaseFile", "damaged or unreadable"),
    sniff.FLAG_ENCRYPTED: QT_TRANSLATE_NOOP("CaseFile", "encrypted"),
    sniff.FLAG_TRUNCATED: QT_TRANSLATE_NOOP("CaseFile", "truncated"),
    metadata.FLAG_CAPTURED_AFTER_ADDED: QT_TRANSLATE_NOOP(
        "CaseFile", "capture time later than when it was added (check the device clock)"
    ),
    metadata.FLAG_TIME_DISAGREES: QT_TRANSLATE_NOOP("CaseFile", "file time far from the capture time it states"),
    metadata.FLAG_EDITED: QT_TRANSLATE_NOOP("CaseFile", "saved by editing software after capture"),
    metadata.FLAG_METADATA_UNAVAILABLE: QT_TRANSLATE_NOOP("CaseFile", "metadata unavailable"),
}

# Where an exhibit's capture time came from (the SOURCE_ values of casefile.core.metadata).
CAPTURE_SOURCES: dict[str, str] = {
    metadata.SOURCE_EXIF: QT_TRANSLATE_NOOP("CaseFile", "from the photo's EXIF data"),
    metadata.SOURCE_CONTAINER: QT_TRANSLATE_NOOP("CaseFile", "from the file's own metadata"),
    metadata.SOURCE_FILE_NAME: QT_TRANSLATE_NOOP("CaseFile", "from the file name"),
    metadata.SOURCE_FILE_MTIME: QT_TRANSLATE_NOOP("CaseFile", "the file's modification time"),
    metadata.SOURCE_USER: QT_TRANSLATE_NOOP("CaseFile", "checked and set by hand"),
}

# An exhibit's fields as the custody record names a change to them (casefile.core.record.EXHIBIT_UPDATABLE):
# lower case, as they are listed after the action.
EXHIBIT_FIELDS: dict[str, str] = {
    "title": QT_TRANSLATE_NOOP("CaseFile", "title"),
    "kind": QT_TRANSLATE_NOOP("CaseFile", "kind"),
    "source": QT_TRANSLATE_NOOP("CaseFile", "source"),
    "purpose": QT_TRANSLATE_NOOP("CaseFile", "proof purpose"),
    "captured_at": QT_TRANSLATE_NOOP("CaseFile", "capture time"),
    "captured_at_source": QT_TRANSLATE_NOOP("CaseFile", "where the capture time comes from"),
    "transcript": QT_TRANSLATE_NOOP("CaseFile", "transcript"),
    "agreement_status": QT_TRANSLATE_NOOP("CaseFile", "arbitration agreement status"),
    "agreement_reason": QT_TRANSLATE_NOOP("CaseFile", "why the agreement is not relied on"),
    "handed_in": QT_TRANSLATE_NOOP("CaseFile", "what was handed over"),
    "disposition": QT_TRANSLATE_NOOP("CaseFile", "kept or returned"),
    "group": QT_TRANSLATE_NOOP("CaseFile", "evidence group"),
    "paper": QT_TRANSLATE_NOOP("CaseFile", "whether it is a photo or scan of a paper"),
}

# What a redaction suggestion covers (casefile.core.disclosure.masking.Kind).
MASK_KINDS: dict[str, str] = {
    MaskKind.MOBILE: QT_TRANSLATE_NOOP("CaseFile", "Mobile number"),
    MaskKind.LANDLINE: QT_TRANSLATE_NOOP("CaseFile", "Landline number"),
    MaskKind.ID: QT_TRANSLATE_NOOP("CaseFile", "ID number"),
    MaskKind.BANK_CARD: QT_TRANSLATE_NOOP("CaseFile", "Bank card number"),
    MaskKind.EMAIL: QT_TRANSLATE_NOOP("CaseFile", "E-mail address"),
    MaskKind.ADDRESS: QT_TRANSLATE_NOOP("CaseFile", "Address"),
    MaskKind.NAME: QT_TRANSLATE_NOOP("CaseFile", "Name"),
}

# ------------------------------------------------------------------ custody and verification

# What a custody entry did, as an exhibit's history lists it (casefile.core.record.ACTIONS).
CUSTODY_ACTIONS: dict[str, str] = {
    record.CREATE: QT_TRANSLATE_NOOP("CaseFile", "case created"),
    record.INGEST: QT_TRANSLATE_NOOP("CaseFile", "added"),
    record.WITHDRAW: QT_TRANSLATE_NOOP("CaseFile", "withdrawn"),
    record.REORDER: QT_TRANSLATE_NOOP("CaseFile", "order changed"),
    record.EXHIBIT_UPDATE: QT_TRANSLATE_NOOP("CaseFile", "description changed"),
    record.EXHIBIT_METADATA: QT_TRANSLATE_NOOP("CaseFile", "metadata read again"),
    record.REDACT: QT_TRANSLATE_NOOP("CaseFile", "redacted copy made"),
    record.UPDATE: QT_TRANSLATE_NOOP("CaseFile", "case record changed"),
    record.STAGE: QT_TRANSLATE_NOOP("CaseFile", "stage changed"),
    record.EVENT: QT_TRANSLATE_NOOP("CaseFile", "cited in the timeline"),
    record.EVENT_UPDATE: QT_TRANSLATE_NOOP("CaseFile", "timeline event citing it corrected"),
    record.EVENT_REMOVE: QT_TRANSLATE_NOOP("CaseFile", "timeline event citing it removed"),
    record.BUNDLE: QT_TRANSLATE_NOOP("CaseFile", "included in a bundle"),
    record.VERIFY: QT_TRANSLATE_NOOP("CaseFile", "verified"),
    record.EXPORT: QT_TRANSLATE_NOOP("CaseFile", "exported"),
    record.IMPORT: QT_TRANSLATE_NOOP("CaseFile", "imported"),
    record.RECOVERY: QT_TRANSLATE_NOOP("CaseFile", "recovered after an interruption"),
    record.REPAIR: QT_TRANSLATE_NOOP("CaseFile", "record rebuilt from the custody log"),
    record.BUNDLE_LOST: QT_TRANSLATE_NOOP("CaseFile", "generated bundle file recorded as lost"),
    record.SCREENED: QT_TRANSLATE_NOOP("CaseFile", "copy made safe to print kept for packets"),
    record.FINDING: QT_TRANSLATE_NOOP("CaseFile", "responsibility found"),
    record.PROPOSAL: QT_TRANSLATE_NOOP("CaseFile", "proposal made"),
    record.PROPOSAL_ANSWER: QT_TRANSLATE_NOOP("CaseFile", "proposal answered"),
    record.PROCEEDING: QT_TRANSLATE_NOOP("CaseFile", "proceeding begun"),
    record.PROCEEDING_UPDATE: QT_TRANSLATE_NOOP("CaseFile", "proceeding updated"),
    record.OUTCOME: QT_TRANSLATE_NOOP("CaseFile", "outcome recorded"),
    record.PAYMENT: QT_TRANSLATE_NOOP("CaseFile", "payment recorded"),
    record.CLOSE: QT_TRANSLATE_NOOP("CaseFile", "case closed"),
    record.REOPEN: QT_TRANSLATE_NOOP("CaseFile", "case reopened"),
    record.TIMESTAMP: QT_TRANSLATE_NOOP("CaseFile", "timestamp attached (RFC 3161)"),
}

# A case file's state after verification (casefile.core.verify.FileStatus).
FILE_STATUSES: dict[str, str] = {
    FileStatus.INTACT: QT_TRANSLATE_NOOP("CaseFile", "intact"),
    FileStatus.MODIFIED: QT_TRANSLATE_NOOP("CaseFile", "modified"),
    FileStatus.MISSING: QT_TRANSLATE_NOOP("CaseFile", "missing"),
    FileStatus.UNEXPECTED: QT_TRANSLATE_NOOP("CaseFile", "unexpected"),
    FileStatus.LINK: QT_TRANSLATE_NOOP("CaseFile", "a link, not the file itself"),
}

# ------------------------------------------------------------------ packets

VENUES: dict[str, str] = {
    Venue.CONSUMER_ASSOCIATION: QT_TRANSLATE_NOOP("CaseFile", "Consumer association / 12315 complaint"),
    Venue.COURT: QT_TRANSLATE_NOOP("CaseFile", "Court (civil complaint)"),
    Venue.ARBITRATION: QT_TRANSLATE_NOOP("CaseFile", "Arbitration (application)"),
    Venue.COURIER_CLAIM: QT_TRANSLATE_NOOP("CaseFile", "Courier claim"),
    Venue.RECEIPT: QT_TRANSLATE_NOOP("CaseFile", "Walk-in complaint receipt"),
}

ROUTES: dict[str, str] = {
    Route.CONSUMER_ASSOCIATION: QT_TRANSLATE_NOOP("CaseFile", "Consumer association (消协)"),
    Route.MARKET_REGULATOR: QT_TRANSLATE_NOOP("CaseFile", "Market regulator (12315)"),
    Route.CARRIER: QT_TRANSLATE_NOOP("CaseFile", "The carrier (claim)"),
    Route.POSTAL_REGULATOR: QT_TRANSLATE_NOOP("CaseFile", "Postal administration (12305 appeal)"),
}

# The periodic review: what it groups by, and the escalation funnel's steps (casefile.core.review).
REVIEW_GROUPS: dict[str, str] = {
    GroupBy.TYPE: QT_TRANSLATE_NOOP("CaseFile", "Type"),
    GroupBy.CHANNEL: QT_TRANSLATE_NOOP("CaseFile", "Channel"),
    GroupBy.RESPONSIBILITY: QT_TRANSLATE_NOOP("CaseFile", "Responsibility"),
    GroupBy.RESPONDENT: QT_TRANSLATE_NOOP("CaseFile", "Respondent"),
    GroupBy.OPERATOR: QT_TRANSLATE_NOOP("CaseFile", "Operator"),
}

FUNNEL_STEPS: dict[str, str] = {
    "negotiation": QT_TRANSLATE_NOOP("CaseFile", "Negotiation"),
    "mediation": QT_TRANSLATE_NOOP("CaseFile", "Internal mediation"),
    "agency": QT_TRANSLATE_NOOP("CaseFile", "Consumer association / 12315"),
    "litigation": QT_TRANSLATE_NOOP("CaseFile", "Arbitration / court"),
    "execution": QT_TRANSLATE_NOOP("CaseFile", "Execution"),
}


# Search (casefile.core.search): the kinds of text a hit comes from, and the case details searched.
SEARCH_KINDS: dict[str, str] = {
    "case-field": QT_TRANSLATE_NOOP("CaseFile", "Case details"),
    "chat": QT_TRANSLATE_NOOP("CaseFile", "Chat export"),
    "email": QT_TRANSLATE_NOOP("CaseFile", "E-mail"),
    "pdf-text": QT_TRANSLATE_NOOP("CaseFile", "PDF text"),
    "transcript": QT_TRANSLATE_NOOP("CaseFile", "Transcript"),
    "ocr": QT_TRANSLATE_NOOP("CaseFile", "Text read from a picture"),
    "text": QT_TRANSLATE_NOOP("CaseFile", "Text file"),
}

SEARCH_FIELDS: dict[str, str] = {
    "title": QT_TRANSLATE_NOOP("CaseFile", "Title and reference"),
    "complainant": QT_TRANSLATE_NOOP("CaseFile", "Complainant"),
    "respondent": QT_TRANSLATE_NOOP("CaseFile", "Business complained about"),
    "courier": QT_TRANSLATE_NOOP("CaseFile", "Courier company"),
    "agent": QT_TRANSLATE_NOOP("CaseFile", "Agent"),
    "order": QT_TRANSLATE_NOOP("CaseFile", "Order"),
    "waybill": QT_TRANSLATE_NOOP("CaseFile", "Waybill"),
    "demands": QT_TRANSLATE_NOOP("CaseFile", "Demands"),
    "facts": QT_TRANSLATE_NOOP("CaseFile", "Facts and reasons"),
    "timeline": QT_TRANSLATE_NOOP("CaseFile", "Timeline"),
    "notes": QT_TRANSLATE_NOOP("CaseFile", "Handling notes"),
    "proceedings": QT_TRANSLATE_NOOP("CaseFile", "Proceedings (body, number, summary)"),
    "handling": QT_TRANSLATE_NOOP("CaseFile", "Findings, proposals and payments"),
    "earlier": QT_TRANSLATE_NOOP("CaseFile", "Earlier names and phone numbers (曾用)"),
}


# ------------------------------------------------------------------ lookups


def review_group_name(value: str) -> str:
    return _label(REVIEW_GROUPS, value)


def funnel_step_name(value: str) -> str:
    return _label(FUNNEL_STEPS, value)


def type_name(value: str) -> str:
    return _label(CASE_TYPES, value)


def stage_name(value: str) -> str:
    return _label(STAGES, value)


def priority_name(value: str) -> str:
    return _label(PRIORITIES, value)


def channel_name(value: str) -> str:
    return _label(CHANNELS, value)


def responsible_name(value: str) -> str:
    return _label(RESPONSIBLE_PARTIES, value)


def side_name(value: str) -> str:
    return _label(SIDES, value)


def party_kind_name(value: str) -> str:
    return _label(PARTY_KINDS, value)


def authority_name(value: str) -> str:
    return _label(AGENT_AUTHORITIES, value)


def mediation_name(value: str) -> str:
    return _label(MEDIATION_WISHES, value)


def demand_type_name(value: str) -> str:
    return _label(DEMAND_TYPES, value)


def kind_name(value: str) -> str:
    """An exhibit's kind (casefile.core.model.EvidenceKind)."""
    return _label(EVIDENCE_KINDS, value)


def event_kind_name(value: str) -> str:
    return _label(EVENT_KINDS, value)


def event_direction_name(value: str) -> str:
    """Who spoke to whom in a timeline event: 我方→对方, 对方→我方."""
    return _label(EVENT_DIRECTIONS, value)


def event_party_name(value: str) -> str:
    """Who a timeline event was with."""
    return _label(EVENT_PARTIES, value)


def handling_party_name(value: str) -> str:
    """Who proposed, pays or is paid."""
    return _label(HANDLING_PARTIES, value)


def handling_party_in_text(value: str) -> str:
    """Who proposed, pays or is paid, as named inside a sentence ("paid by the consumer")."""
    return _label(HANDLING_PARTIES_IN_TEXT, value)


def proceeding_venue_name(value: str) -> str:
    return _label(PROCEEDING_VENUES, value)


def proceeding_result_name(value: str) -> str:
    return _label(PROCEEDING_RESULTS, value)


def answer_name(value: str) -> str:
    return _label(ANSWERS, value)


def outcome_kind_name(value: str) -> str:
    return _label(OUTCOME_KINDS, value)


def closing_result_name(value: str) -> str:
    return _label(CLOSING_RESULTS, value)


def clock_name(key: str) -> str:
    """A clock by its rule's key: the response promise, the regulator's acceptance…"""
    return _label(CLOCKS, key)


def clock_status_name(value: str) -> str:
    return _label(CLOCK_STATUSES, value)


def clock_unit_name(value: str) -> str:
    return _label(CLOCK_UNITS, value)


def clock_trigger_name(value: str) -> str:
    return _label(CLOCK_TRIGGERS, value)


def clock_pause_name(value: str) -> str:
    return _label(CLOCK_PAUSES, value)


def handed_in_name(value: str) -> str:
    """What a customer handed over for an exhibit."""
    return _label(HANDED_IN, value)


def disposition_name(value: str) -> str:
    """What the store did with what was handed over."""
    return _label(DISPOSITIONS, value)


def flag_name(flag: str) -> str:
    """What an exhibit's flag means."""
    return _label(FLAGS, flag)


def capture_source_name(source: str) -> str:
    """Where an exhibit's capture time came from."""
    return _label(CAPTURE_SOURCES, source)


def exhibit_field_name(name: str) -> str:
    """An exhibit's field as the custody record names a change to it."""
    return _label(EXHIBIT_FIELDS, name)


def mask_kind_name(kind: str) -> str:
    """What a redaction suggestion covers: a mobile number, an address…"""
    return _label(MASK_KINDS, kind)


def custody_action_name(action: str) -> str:
    """What a custody entry did."""
    return _label(CUSTODY_ACTIONS, action)


def file_status_name(status: str) -> str:
    """What verification found of a case file."""
    return _label(FILE_STATUSES, status)


def venue_name(value: str) -> str:
    """The kind of packet made for a venue."""
    return _label(VENUES, value)


def route_name(route: str) -> str:
    """Who receives a consumer complaint or a courier packet."""
    return _label(ROUTES, route)


def search_kind_name(kind: str) -> str:
    """The kind of text a search hit was found in (casefile.core.search.KINDS)."""
    return _label(SEARCH_KINDS, kind)


def search_field_name(field: str) -> str:
    """The case detail a search hit was found in (casefile.core.search.CASE_FIELDS)."""
    return _label(SEARCH_FIELDS, field)


# How each core enum's members are named, by enum: a form offering an enum's members as choices
# names them with it.
ENUM_NAMES: dict[type[enum.Enum], Callable[[str], str]] = {
    CaseType: type_name,
    Stage: stage_name,
    Priority: priority_name,
    Channel: channel_name,
    ResponsibleParty: responsible_name,
    Side: side_name,
    PartyKind: party_kind_name,
    AgentAuthority: authority_name,
    MediationWish: mediation_name,
    DemandType: demand_type_name,
    EvidenceKind: kind_name,
    EventKind: event_kind_name,
    MaskKind: mask_kind_name,
    FileStatus: file_status_name,
    Venue: venue_name,
    Route: route_name,
    GroupBy: review_group_name,
    records.Venue: proceeding_venue_name,
    records.ProceedingResult: proceeding_result_name,
    records.Answer: answer_name,
    records.OutcomeKind: outcome_kind_name,
    records.ClosingResult: closing_result_name,
    Status: clock_status_name,
    Unit: clock_unit_name,
    Trigger: clock_trigger_name,
    Pause: clock_pause_name,
}
