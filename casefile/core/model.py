"""The case record: every field the registration stage captures and later stages add.

The record is plain dataclasses. :func:`to_data` and :func:`from_data` turn them into
JSON-ready dictionaries and back; the case folder's ``case.json`` is that dictionary.
Field names follow ``shared/spec/legal-formats.md`` §5 so bundles can be filled from
them without retyping.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import re
import threading
import types
import typing
from collections.abc import Callable, Collection, Iterable, Iterator, MutableSequence, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from casefile.core import zone
from casefile.core.errors import InvalidValueError, Message
from casefile.core.validate import DISPOSITIONS as DISPOSITIONS
from casefile.core.validate import EVENT_DIRECTIONS as EVENT_DIRECTIONS
from casefile.core.validate import EVENT_PARTIES as EVENT_PARTIES
from casefile.core.validate import HANDED_IN as HANDED_IN
from casefile.core.validate import amount_from_text, check_amount, check_time
from casefile.core.workflow.records import Workflow

RECORD_FORMAT = "casefile-case"
# 2: a shipment's insurance is yes, no or unknown (format 1 wrote "no" for "never asked");
#    parties, agent, receipt and exception times, weights, structured demands (versions.py).
# 3: a stage change takes the time it was entered, complaints lodged in the timeline (versions.py).
RECORD_VERSION = 3


class CaseType(enum.StrEnum):
    QUALITY = "quality"  # 产品质量
    LOGISTICS = "logistics"  # 物流/快递
    SERVICE = "service"  # 服务
    TRANSACTION = "transaction"  # 交易/退款/费用
    INFORMATION = "information"  # 虚假/误导信息


class Channel(enum.StrEnum):
    PHONE = "phone"
    ONLINE = "online"  # online chat
    EMAIL = "email"
    SOCIAL = "social"  # social media
    STORE = "store"  # offline store, walk-in


class Priority(enum.StrEnum):
    URGENT = "urgent"
    IMPORTANT = "important"
    NORMAL = "normal"

    @property
    def response_hours(self) -> int:
        return {"urgent": 2, "important": 24, "normal": 48}[self.value]


class Stage(enum.StrEnum):
    """The after-sales workflow, in order (spec §5)."""

    REGISTRATION = "registration"  # 登记
    VERIFICATION = "verification"  # 核实与分类
    NEGOTIATION = "negotiation"  # 协商与方案
    CONFIRMATION = "confirmation"  # 客户确认
    MEDIATION = "mediation"  # 内部调解
    EXTERNAL = "external"  # 消协/12315/仲裁/诉讼
    EXECUTION = "execution"  # 执行与反馈
    CLOSED = "closed"  # 结案
    REVIEW = "review"  # 定期复盘


class ResponsibleParty(enum.StrEnum):
    UNDETERMINED = "undetermined"
    MERCHANT = "merchant"
    COURIER = "courier"
    MANUFACTURER = "manufacturer"
    CUSTOMER = "customer"
    THIRD_PARTY = "third_party"


class Side(enum.StrEnum):
    """Which party of a case our user's side is (the library's organisation, or whoever keeps the case).

    ``RESPONDENT``: our user is the one complained to (a store, a merchant's customer service): the response
    promise runs. ``COMPLAINANT``: our user complains (a merchant claiming against a courier, a firm acting for a
    consumer): there is no promise of theirs to keep, only what the other side owes. Not said (None), the promise
    runs as it always did."""

    RESPONDENT = "respondent"
    COMPLAINANT = "complainant"


class PartyKind(enum.StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"


class EvidenceKind(enum.StrEnum):
    PHOTO = "photo"
    SCREENSHOT = "screenshot"
    AUDIO = "audio"
    VIDEO = "video"
    DOCUMENT = "document"
    CHAT = "chat"
    EMAIL = "email"
    WAYBILL = "waybill"
    RECEIPT = "receipt"
    CONTRACT = "contract"
    ARBITRATION_AGREEMENT = "arbitration-agreement"
    OTHER = "other"


class AgentAuthority(enum.StrEnum):
    """代理权限 (民诉法 art. 62): general, or special (to admit, waive or change claims, settle,
    counterclaim or appeal on the principal's behalf)."""

    GENERAL = "general"  # 一般授权
    SPECIAL = "special"  # 特别授权


class DemandType(enum.StrEnum):
    REFUND = "refund"
    EXCHANGE = "exchange"
    REPAIR = "repair"
    APOLOGY = "apology"
    COMPENSATION = "compensation"
    OTHER = "other"


class EventKind(enum.StrEnum):
    CALL = "call"
    CHAT = "chat"
    VISIT = "visit"
    EMAIL = "email"
    COMPLAINT = "complaint"  # 投诉/索赔: a complaint or claim lodged with someone (see TimelineEvent.party)
    PROPOSAL = "proposal"
    CONFIRMATION = "confirmation"
    NOTE = "note"
    OTHER = "other"


# The organisation our user works for (Settings: its name and unified social credit code), as the settings last
# loaded or saved give it, the way casefile.core.zone follows them: a case that does not record its side is read
# as this organisation's (see :attr:`Case.side`). Empty: not entered.
_organisation: tuple[str, str] = ("", "")

# What a law firm's (or a legal service office's) name says it is.
LAW_FIRM_WORDS = ("律师事务所", "律所", "法律服务所", "law firm", "law office")


def set_organisation(name: str, code: str = "") -> None:
    """Read the cases as kept by the organisation ``name`` (unified social credit code ``code``): called with the
    settings (casefile.core.settings.load_settings and save_settings)."""
    global _organisation
    _organisation = (name.strip(), code.strip().upper())


def organisation() -> tuple[str, str]:
    """The organisation's name and credit code the cases are read as kept by (see :func:`set_organisation`)."""
    return _organisation


def is_law_firm(name: str) -> bool:
    """Whether an organisation's name is a law firm's (律师事务所) or a legal service office's (法律服务所)."""
    lowered = name.strip().lower()
    return any(word in lowered for word in LAW_FIRM_WORDS)


def side_of(case: Case, org_name: str, org_code: str = "") -> Side | None:
    """Our user's side in ``case`` as the record and the organisation's details (settings) tell it.

    The complainant or the respondent when one of them is the organisation (by its unified social credit code, or
    its name). When neither is: the complainant when the organisation employs the complainant's agent (a law firm
    acting for a consumer), or when the organisation is a law firm (its lawyers keep their clients' cases, whether
    or not one is entered as the agent: a firm is never the business complained to in a case it does not appear
    in); the respondent when no business is named as complained about (a store's own counter or phone line took
    the complaint). None when another business is named and nothing else tells, or both parties are ours, or no
    organisation is entered: the record cannot tell (the new-case dialog asks)."""
    org_name, org_code = org_name.strip(), org_code.strip().upper()

    def ours(party: Party) -> bool:
        code, name = party.id_number.strip().upper(), party.name.strip()
        if org_code and code:
            return code == org_code
        return bool(org_name) and name == org_name

    complainant, respondent = ours(case.complainant), ours(case.respondent)
    if not complainant and not respondent and org_name:
        employer = case.agent.employer.strip() if case.agent is not None else ""
        complainant = employer == org_name or is_law_firm(org_name)
        # No business named as complained about, and a complainant that is not us: the complaint came to the
        # organisation itself, by its counter, phone line or shop (the case's channel).
        respondent = not complainant and not case.respondent.name.strip() and not case.respondent.id_number.strip()
    if complainant == respondent:
        return None
    return Side.COMPLAINANT if complainant else Side.RESPONDENT


def _added(default: Any = None) -> Any:
    """A field added after format 1: written only when set, so records without it stay as they were."""
    return field(default=default, metadata={"sparse": True})


def _added_list() -> Any:
    """A list added after format 1: written only when it holds something."""
    return field(default_factory=list, metadata={"sparse": True})


@dataclass
class Party:
    """A person or an organisation, with the fields the venue documents ask for.

    A person: name, gender, birth date, ethnicity, occupation, employer, ID number, address,
    postcode, phone, email (民诉法 art. 124(一)). An organisation: name, unified social credit
    code, legal representative and title, address, phone, shop name and platform. An empty text
    is "not entered".
    """

    kind: PartyKind = PartyKind.PERSON
    name: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    postcode: str = ""
    # Resident ID number for a person, unified social credit code for an organisation.
    id_number: str = ""
    legal_representative: str = ""
    representative_title: str = ""
    gender: str = ""  # 男 or 女
    birth_date: str = ""  # YYYY-MM-DD
    ethnicity: str = ""
    occupation: str = ""
    employer: str = ""
    store: str = ""  # the shop name the respondent trades under
    platform: str = _added("")  # the platform that shop is on (淘宝, 京东…)

    def is_empty(self) -> bool:
        """Nothing entered but (perhaps) its kind."""
        return all(not getattr(self, f.name) for f in dataclasses.fields(self) if f.name != "kind")


@dataclass
class Agent:
    """委托诉讼代理人 (民诉法 arts. 61–62): who files or appears for the complainant, with what authority."""

    name: str = ""
    id_number: str = ""  # resident ID number
    phone: str = ""
    employer: str = ""  # the law firm, or the agent's employer
    licence_no: str = ""  # a lawyer's practising certificate number (律师执业证号)
    authority: AgentAuthority | None = None  # 代理权限; None: not entered

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) in ("", None) for f in dataclasses.fields(self))

    def is_lawyer(self) -> bool:
        """A lawyer: a practising certificate number, or a law firm as employer."""
        return bool(self.licence_no.strip()) or "律师事务所" in self.employer


class MediationWish(enum.StrEnum):
    """是否考虑先行调解 (the SPC's 2025 element-style complaint, 对纠纷解决方式的意愿)."""

    YES = "yes"  # 是
    NO = "no"  # 否
    UNSURE = "unsure"  # 暂不确定，想要了解更多内容


@dataclass
class Filing:
    """Where the case is filed and what the filing forms ask the person filing to state.

    Every answer is the user's: a box is ticked only when it was given (None: not entered, left to
    tick by hand)."""

    court: str = ""  # 受诉法院: 上海市徐汇区人民法院
    arbitration_body: str = ""  # 仲裁机构 named in the agreement: 上海仲裁委员会
    consumer_body: str = ""  # 受理机构: 上海市徐汇区消费者权益保护委员会, 某某市场监督管理局
    cause: str = ""  # 案由 as the user confirms it; empty: CaseFile's suggestion is printed
    jurisdiction_clause: bool | None = None  # 有无仲裁、法院管辖约定
    jurisdiction_terms: str = ""  # 合同条款及内容
    preservation: bool | None = None  # 是否已经诉前申请保全
    preservation_detail: str = ""  # 保全法院、时间、案号
    mediation: MediationWish | None = None  # 是否考虑先行调解
    mediation_understood: bool | None = None  # 了解调解及先行调解的说明
    # 是否主张诉讼费用 (本案诉讼费用由被告承担): None (not entered) claims them, as a plaintiff nearly always does;
    # False, the user's 否, leaves the claim out.
    claim_costs: bool | None = _added()
    # 身份证明: the case holds no identity papers, so the packet's identity page lists what to attach. True: the
    # user has the scans (and the agent's papers) ready to put in its place, and the preflight stops saying so.
    identity_papers: bool | None = _added()

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) in ("", None) for f in dataclasses.fields(self))


@dataclass
class Transaction:
    order_no: str = ""
    platform: str = ""  # platform or store where it was bought
    product: str = ""
    brand_model: str = ""
    quantity: int | None = None
    amount: Decimal | None = None
    payment_method: str = ""
    purchased_at: datetime | None = None
    # When the goods were received (签收): the 7-day return window (消法 art. 25) runs from it.
    received_at: datetime | None = _added()
    # When the fault first appeared (故障出现时间): a mobile phone's 三包 windows (7 and 15 days) run from the
    # sale to it (移动电话机商品修理更换退货责任规定 arts. 11, 12).
    fault_at: datetime | None = _added()
    # Whether the goods are a mobile phone, as the user said: True, False, or None when not said (the product's
    # name then tells, or the preflight asks: casefile.core.bundle.phones).
    is_phone: bool | None = _added()


@dataclass
class Shipment:
    """A parcel. Every optional value is None (or empty) until entered: unknown is never a fact."""

    waybill_no: str = ""
    carrier: str = ""  # the carrier's name as on the waybill; the carrier as a party is Case.courier
    outlet: str = ""
    freight: Decimal | None = None
    insured: bool | None = None  # 保价: True, False, or None when not entered (format 1 could not tell)
    declared_value: Decimal | None = None  # the value declared on the waybill
    insurance_fee: Decimal | None = None  # 保价费
    shipped_at: datetime | None = None
    signed_at: datetime | None = None
    signer: str = ""
    delivery_mode: str = ""
    exception_type: str = ""
    discovered_at: datetime | None = None
    insured_value: Decimal | None = _added()  # 保价金额
    weight: Decimal | None = _added()  # kilograms, as on the waybill
    exception_at: datetime | None = _added()  # when the exception (damage, loss, delay) happened
    sender: Party | None = _added()
    recipient: Party | None = _added()
    # Who claims from the carrier in a courier claim (the merchant, usually the sender);
    # None: the organisation in the settings (casefile.core.record.roles).
    claimant: Party | None = _added()


@dataclass
class Demand:
    """One claim: its kind, the amount (None: not a money claim, or not entered), what is asked
    in words, and its basis — the legal or contractual ground, in words."""

    type: DemandType = DemandType.OTHER
    amount: Decimal | None = None
    description: str = ""
    basis: str = _added("")


@dataclass
class HandedItem:
    """Something the customer handed in at the counter (收取材料, spec §7(e)): a paper (小票, 发票, 保修卡) or an
    object, whether or not the store photographed it.

    ``handed_in``: one of HANDED_IN ("" not recorded); ``disposition``: kept by the store or returned to the
    customer, one of DISPOSITIONS ("" not recorded); ``photos``: the exhibits that are the store's own photos
    of it (none when it was not photographed).
    """

    __sparse__ = True

    name: str = ""
    count: int = 1
    handed_in: str = ""
    disposition: str = ""
    photos: list[int] = field(default_factory=list)


@dataclass
class TimelineEvent:
    """Something that happened, when it happened (not when it was typed in).

    ``party`` says who it was with: one of EVENT_PARTIES — the business complained about
    (respondent), the carrier (courier), the consumer (complainant), the consumer association
    (消协), the market regulator (12315), the postal regulator (邮政管理部门), a court, an
    arbitration commission; "" when not said. ``ref`` is the number they gave it (工单号,
    投诉编号, 受理号). A complaint or claim lodged with someone is of kind COMPLAINT
    (casefile.core.record.timeline.lodged reads them). ``direction`` says who spoke to whom, between our
    side and that party: "out" (我方→对方: we said or sent it to them), "in" (对方→我方: they to us), or ""
    (internal, or not said: every event recorded before it could be said).
    """

    at: datetime
    kind: EventKind = EventKind.NOTE
    summary: str = ""
    place: str = ""
    people: str = ""
    evidence: list[int] = field(default_factory=list)  # exhibit numbers
    recorded_by: str = ""
    ref: str = _added("")
    party: str = _added("")
    decision: str = _added("")  # what was decided or agreed, if anything
    recorded_at: datetime | None = _added()  # when it was entered (from its custody entry)
    # The day is known, not the hour (typed as 2026-11-20): ``at`` is that day's start, shown as the date alone.
    date_only: bool = _added(False)
    direction: str = _added("")  # one of EVENT_DIRECTIONS, or "" (internal or not said)


@dataclass
class StageChange:
    """The case entered ``stage`` at ``at``: the time stated when the change was recorded (format 3),
    else — changes recorded before a time could be stated, and ones that stated none — the time it
    was recorded. ``recorded_at`` is when it was recorded, kept where a time was stated."""

    stage: Stage
    at: datetime
    operator: str
    note: str = ""
    recorded_at: datetime | None = _added()
    # The exhibits that show what happened (the merchant's written reply…), cited by the narratives (entry format 5).
    evidence: list[int] = _added_list()
    skipped: list[Stage] = _added_list()  # stages passed over, the skip confirmed (casefile.core.workflow.stages)


@dataclass
class TranscriptLine:
    at: str  # position in the recording, hh:mm:ss
    speaker: str
    text: str
    key: bool = False  # a key passage, highlighted in the bundle


@dataclass
class Transcript:
    """录音文字整理 (spec §3 E8): who recorded, when, who spoke, what was said, verbatim."""

    recorded_by: str = ""
    device: str = ""
    started_at: datetime | None = None
    ended_at: datetime | None = None
    place_or_method: str = ""  # place, or call method and numbers
    participants: list[str] = field(default_factory=list)  # each with how they were identified
    own_conversation: bool = True  # the recorder took part (spec §3 E9)
    lines: list[TranscriptLine] = field(default_factory=list)
    statement: str = ""  # defaults to the standard statement of completeness when empty
    transcriber: str = ""
    transcribed_at: datetime | None = None


@dataclass
class GpsPosition:
    __sparse__ = True  # written as the file said it: only what it said
    __lenient__ = True

    lat: float
    lon: float
    alt: float | None = None  # metres above sea level


@dataclass
class MediaDevice:
    """The phone or camera a recording or video names in its own tags."""

    __sparse__ = True  # written as the file said it: only what it said
    __lenient__ = True

    make: str = ""
    model: str = ""


@dataclass
class MailHeaders:
    __sparse__ = True  # written as the file said it: only what it said
    __lenient__ = True

    sender: str = field(default="", metadata={"key": "from"})
    to: str = ""
    cc: str = ""
    date: str = ""
    subject: str = ""
    message_id: str = field(default="", metadata={"key": "message-id"})


@dataclass
class ExhibitMetadata:
    """What an evidence file says about itself, read at ingest (never written to the file).

    Written sparsely (only what the file said), read leniently: a value of an unexpected type
    (an older or newer CaseFile's) is kept as it was, like keys this version does not know.
    """

    __sparse__ = True  # to_data leaves out fields at their default
    __lenient__ = True  # from_data keeps a value it cannot convert instead of refusing the record

    # pictures
    width: int | None = None
    height: int | None = None
    image_format: str = ""
    camera_make: str = ""
    camera_model: str = ""
    lens: str = ""
    software: str = ""
    orientation: int | None = None  # EXIF 1..8
    gps: GpsPosition | None = None
    edited: str = ""  # "saved by <editor>" or "changed at <time>"
    # the capture time and what states it
    exif_time: str = ""
    exif_time_tag: str = ""
    exif_offset: str = ""
    exif_offset_from: str = ""  # "gps" when worked out from the GPS clock
    exif_time_ignored: str = ""  # why the EXIF time is not the capture time: "camera clock not set", …
    exif_time_raw: str = ""  # the EXIF time as written, when it is no time at all (2026:13:45 99:99:99)
    time_without_offset: bool = False  # a device time with no zone recorded
    file_name_time: str = ""
    time_disagreement: str = ""
    # PDFs
    pages: int | None = None
    encrypted: bool = False
    producer: str = ""
    creator: str = ""
    title: str = ""
    pdf_created: str = ""
    pdf_modified: str = ""
    # Every page a picture with no text a reader sees (a scan; an OCR layer is invisible): casefile.core.scans.
    # None: not told (an exhibit added before CaseFile looked, or a PDF it could not read).
    image_only: bool | None = None
    # text and mail
    encoding: str = ""
    email: MailHeaders | None = None
    # recordings and videos
    container: str = ""
    duration: float | None = None  # seconds
    duration_source: str = ""  # container, stream, decoded, frames
    media_created: str = ""
    device: MediaDevice | None = None
    audio_codec: str = ""
    video_codec: str = ""
    sample_rate: int | None = None
    channels: int | None = None
    frame_rate: float | None = None
    rotation: int | None = None
    truncated: bool = False
    # The values cut short when they were read ("email.subject", "email.to"…), each ending in "…": printed as cut.
    cut: list[str] = field(default_factory=list)
    # when the file could not be read (fully)
    metadata_error: str = ""

    def device_name(self) -> str:
        """The camera or phone that made the file: EXIF make and model, or a video's device tags."""
        make = self.camera_make or (self.device.make if self.device else "")
        model = self.camera_model or (self.device.model if self.device else "")
        if make and model.lower().startswith(make.lower()):
            make = ""  # "Canon" + "Canon EOS 40D"
        return " ".join(p for p in (make, model) if p)


@dataclass
class RedactionRegion:
    """One box burnt into a redacted copy.

    Pictures: pixels of the upright picture (EXIF orientation applied), from its top-left
    corner. PDFs: points (1/72 inch) from the top-left corner of the page as it is shown
    (its rotation applied), on page ``page`` (from 1).
    """

    __sparse__ = True

    x: float
    y: float
    w: float
    h: float
    page: int | None = None  # PDFs only


@dataclass
class Redaction:
    """How a redacted copy was made from its original: the same boxes burnt into the
    original again give the copy's bytes (same CaseFile version, same kind of machine)."""

    __sparse__ = True

    source_sha256: str = ""  # the original's SHA-256 when the copy was made
    regions: list[RedactionRegion] = field(default_factory=list)
    reason: str = ""
    method: str = ""  # how the boxes were burnt in and the file written (casefile.core.disclosure.redact)
    dpi: int | None = None  # PDFs: the resolution redacted pages were rasterised at
    pixels_sha256: str = ""  # pictures: SHA-256 of the redacted pixels, whatever the PNG compressor
    tool: str = ""  # "CaseFile 1.2.0"


@dataclass
class Exhibit:
    """One evidence file, stored byte for byte in the case folder."""

    number: int
    title: str
    kind: EvidenceKind
    original_name: str
    stored_path: str  # relative to the case folder, with forward slashes
    size: int
    sha256: str
    added_at: datetime
    added_by: str
    sm3: str = ""
    source: str = ""
    purpose: str = ""  # proof purpose / 证明目的
    original_path: str = ""
    file_modified_at: datetime | None = None
    captured_at: datetime | None = None
    captured_at_source: str = ""  # exif, container, file-name, file-mtime
    mime: str = ""
    flags: list[str] = field(default_factory=list)
    metadata: ExhibitMetadata = field(default_factory=ExhibitMetadata)
    transcript: Transcript | None = None
    withdrawn: bool = False
    withdrawn_at: datetime | None = None
    withdrawn_by: str = ""
    withdraw_reason: str = ""
    # A redacted copy: the exhibit it was made from, and how (written only for such copies).
    derived_from: int | None = field(default=None, metadata={"sparse": True})
    redaction: Redaction | None = field(default=None, metadata={"sparse": True})
    # An arbitration agreement the parties no longer rely on: "invalid" or "waived", and why ("" = in force).
    agreement_status: str = field(default="", metadata={"sparse": True})
    agreement_reason: str = field(default="", metadata={"sparse": True})
    # What the customer handed over for this exhibit (收取材料清单, spec §7(e)): one of HANDED_IN —
    # an original, a copy, the object itself, an electronic file; and whether the store kept it or
    # gave it back: one of DISPOSITIONS. "" = not recorded, left blank on the receipt to fill by hand.
    handed_in: str = _added("")
    disposition: str = _added("")
    # 证据组: the fact this exhibit is offered to prove with others ("第一组：购买事实"); "" in no group.
    group: str = _added("")
    # 这是纸质文件的照片或扫描件: the user's word that the file is (True) or is not (False) a photo or scan of a paper
    # document; None, not said: worked out from the file (casefile.core.bundle.parts.picture_of_paper).
    paper: bool | None = _added()

    @property
    def label(self) -> str:
        return f"{self.number}"


class ExhibitList(MutableSequence[Exhibit]):
    """A case's exhibits, each read from its line of ``case.json`` only when it is used.

    case.json holds one exhibit a line (:mod:`casefile.core.library`). A case read from it keeps
    each line as it is and makes it an :class:`Exhibit` the first time that exhibit is used; an
    exhibit nobody used is written back as the line it was read from. The number and SHA-256 of
    an exhibit, which lookups need for every exhibit, come from the start of its line, where
    CaseFile writes them. Adding one file to a case of thousands of exhibits thus reads one
    exhibit, not thousands. Otherwise this is a list: appended to, indexed, iterated, compared
    with lists. Exhibits are only ever appended (a withdrawal keeps them), so the lookups by
    number and by hash catch up with the list as it grows.
    """

    __hash__ = None  # type: ignore[assignment]  # mutable, like a list

    def __init__(self, exhibits: Iterable[Exhibit] = ()) -> None:
        self._items: list[Exhibit | None] = list(exhibits)  # None: not read from its line yet
        self._lines: list[bytes | None] = [None] * len(self._items)  # as read from or last written to case.json
        self._numbers: list[int] = [0] * len(self._items)  # the number each line starts with
        self._case = ""  # the case whose case.json the lines are from
        self._by_number: dict[int, int] = {}  # number -> position
        self._numbered = 0  # positions in _by_number
        self._highest = 0
        self._by_hash: dict[bytes, int] = {}  # SHA-256 -> position of the first exhibit with it
        self._hashed = 0
        self._line_hashes: list[bytes] | None = None  # the SHA-256 each line of the block gives
        # The lines of the first ``_joined`` exhibits as read, not split yet: one after another,
        # each but the last followed by a comma and a line break.
        self._block = b""
        self._joined = 0

    @classmethod
    def from_block(cls, block: bytes, numbers: list[int], case: str) -> ExhibitList:
        """Exhibits not read yet: their lines of case.json one after another, each but the last
        followed by a comma and a line break, each a JSON object starting with the number given."""
        exhibits = cls()
        exhibits._items = [None] * len(numbers)
        exhibits._lines = [None] * len(numbers)
        exhibits._numbers = numbers
        exhibits._block, exhibits._joined = block, len(numbers)
        exhibits._case = case
        return exhibits

    def _split(self) -> None:
        """The block's lines, each on its own (before an exhibit is read from its line, or the list changes)."""
        with _READING:  # once, whichever thread reads first
            if self._joined:
                self._lines[: self._joined] = self._block.split(b",\n")
                self._block, self._joined = b"", 0

    # ------------------------------------------------------------------ a list

    def __len__(self) -> int:
        return len(self._items)

    @typing.overload
    def __getitem__(self, index: int) -> Exhibit: ...

    @typing.overload
    def __getitem__(self, index: slice) -> list[Exhibit]: ...

    def __getitem__(self, index: int | slice) -> Exhibit | list[Exhibit]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self._items)))]
        item = self._items[index]
        if item is None:
            return self._read(index if index >= 0 else index + len(self._items))
        return item

    def __iter__(self) -> Iterator[Exhibit]:
        items = self._items
        i = 0
        while i < len(items):
            item = items[i]
            yield item if item is not None else self._read(i)
            i += 1

    @typing.overload
    def __setitem__(self, index: int, value: Exhibit) -> None: ...

    @typing.overload
    def __setitem__(self, index: slice, value: Iterable[Exhibit]) -> None: ...

    def __setitem__(self, index: int | slice, value: Exhibit | Iterable[Exhibit]) -> None:
        if isinstance(index, slice):
            exhibits = list(self)
            exhibits[index] = typing.cast(Iterable[Exhibit], value)
            self._replace(exhibits)
            return
        self._split()
        self._items[index] = typing.cast(Exhibit, value)
        self._lines[index] = None
        self._forget_lookups()

    def __delitem__(self, index: int | slice) -> None:
        self._split()
        del self._items[index]
        del self._lines[index]
        del self._numbers[index]
        self._forget_lookups()

    def insert(self, index: int, value: Exhibit) -> None:
        if index >= len(self._items):
            self.append(value)
            return
        self._split()
        self._items.insert(index, value)
        self._lines.insert(index, None)
        self._numbers.insert(index, 0)
        self._forget_lookups()

    def append(self, value: Exhibit) -> None:
        self._items.append(value)
        self._lines.append(None)
        self._numbers.append(0)

    def clear(self) -> None:
        self._replace([])

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ExhibitList | list):
            return len(self) == len(other) and list(self) == list(other)
        return NotImplemented

    def __repr__(self) -> str:
        return repr(list(self))

    def _replace(self, exhibits: list[Exhibit]) -> None:
        self._block, self._joined = b"", 0
        self._items[:] = exhibits
        self._lines[:] = [None] * len(exhibits)
        self._numbers[:] = [0] * len(exhibits)
        self._forget_lookups()

    # ------------------------------------------------------------------ lookups

    def numbers(self) -> list[int]:
        """Every exhibit's number, in order, without reading an exhibit from its line."""
        return [item.number if item is not None else n for item, n in zip(self._items, self._numbers, strict=True)]

    def by_number(self, number: int) -> Exhibit | None:
        position = self._number_index().get(number)
        return None if position is None else self[position]

    def has_number(self, number: int) -> bool:
        return number in self._number_index()

    def highest_number(self) -> int:
        self._number_index()
        return self._highest

    def by_hash(self, sha256: str) -> Exhibit | None:
        position = self._hash_index().get(sha256.encode())
        return None if position is None else self[position]

    def _forget_lookups(self) -> None:
        self._by_number, self._numbered, self._highest = {}, 0, 0
        self._by_hash, self._hashed, self._line_hashes = {}, 0, None

    def _number_index(self) -> dict[int, int]:
        if self._numbered < len(self._items):
            self._catch_up_numbers()
        return self._by_number

    def _catch_up_numbers(self) -> None:
        start, stop = self._numbered, len(self._items)
        numbers = [
            item.number if item is not None else number
            for item, number in zip(self._items[start:stop], self._numbers[start:stop], strict=True)
        ]
        self._by_number.update(zip(numbers, range(start, stop), strict=True))
        self._highest = max(self._highest, max(numbers, default=0))
        self._numbered = stop

    def _hash_index(self) -> dict[bytes, int]:
        if self._hashed < len(self._items):
            items, lines, by_hash = self._items, self._lines, self._by_hash
            if self._hashed == 0 and self._joined:
                # Each line of the block gives its exhibit's size, then its SHA-256 (see _line_sha256).
                found = _SIZE_AND_SHA256.findall(self._block)
                if len(found) == self._joined:
                    self._line_hashes = found
                    # The first exhibit with a hash is the one found.
                    by_hash.update(zip(reversed(found), range(self._joined - 1, -1, -1), strict=True))
                    self._hashed = self._joined
                else:
                    self._split()
            for i in range(self._hashed, len(items)):
                item = items[i]
                digest = b""
                if item is None:  # the line's, without reading the line (see _line_sha256)
                    line = typing.cast(bytes, lines[i])
                    at = line.find(_SHA256_KEY) + len(_SHA256_KEY)
                    digest = line[at : at + 64] if at >= len(_SHA256_KEY) else b""
                    if len(digest) != 64:
                        item = self._read(i)
                if item is not None:
                    digest = item.sha256.encode()
                by_hash.setdefault(digest, i)  # the first exhibit with a hash is the one found
            self._hashed = len(items)
        return self._by_hash

    # ------------------------------------------------------------------ case.json

    def _read(self, i: int) -> Exhibit:
        """Exhibit ``i`` made from its line, checked as reading the whole record would check it."""
        from casefile.core.errors import CaseFileError

        if i < self._joined:
            self._split()
        line = typing.cast(bytes, self._lines[i])
        try:
            data = json.loads(line)
        except ValueError as exc:
            raise CaseFileError("case {number}: case.json cannot be read ({exc})", number=self._case, exc=exc) from exc
        exhibit: Exhibit = _convert(Exhibit, data, f"Case.exhibits[{i}]")
        digest = _line_sha256(line)
        hashes = self._line_hashes
        if (
            exhibit.number != self._numbers[i]
            or (digest and exhibit.sha256 != digest)
            or (hashes is not None and i < len(hashes) and exhibit.sha256.encode() != hashes[i])
        ):
            raise CaseFileError(
                "case {number}: case.json cannot be read ({exc})",
                number=self._case,
                exc=f"exhibit {i + 1} of the list does not begin as CaseFile writes it",
            )
        with _READING:
            item = self._items[i]
            if item is None:  # another thread may have read it meanwhile: one object per exhibit
                self._items[i] = item = exhibit
        return item

    def share(self, i: int, exhibit: Exhibit) -> bool:
        """Whether exhibit ``i`` as read here equals ``exhibit`` (another record's); if so, that object is held
        in its place (its line stays), and the one read here is let go: a case read again after a change holds
        one object for each exhibit that did not change, not two. Neither record may then change it in place
        (the window's records never do: edits are written, then read again)."""
        if self[i] != exhibit:
            return False
        with _READING:
            self._items[i] = exhibit
        return True

    def lines(self, changed: Collection[int] | None, write: Callable[[Exhibit], bytes]) -> list[bytes]:
        """The exhibits' lines of case.json, to be joined by a comma and a line break; kept as the
        lines of the list from now on.

        An exhibit keeps the line it was read from (or last written as) unless it was used and
        is among ``changed`` (None: any exhibit used may have changed); ``write`` gives the others.
        Lines read and kept together come as they were read, in one piece.
        """
        items, lines, joined = self._items, self._lines, self._joined
        if joined:
            read = items[:joined]
            if read.count(None) != joined and any(
                item is not None and (changed is None or item.number in changed) for item in read
            ):
                self._split()
                joined = 0
        for i in range(joined, len(items)):
            item = items[i]
            if item is not None and (lines[i] is None or changed is None or item.number in changed):
                lines[i] = write(item)
        if joined:
            return [self._block, *typing.cast(list[bytes], lines[joined:])]
        return typing.cast(list[bytes], lines)


_READING = threading.Lock()
_SHA256_KEY = b'"sha256": "'
_SIZE_AND_SHA256 = re.compile(rb'"size": \d+, "sha256": "([0-9a-f]{64})"')


def _line_sha256(line: bytes) -> str:
    """The SHA-256 an exhibit's line of case.json gives ("" when it gives none where CaseFile writes it).

    CaseFile writes an exhibit's number, title, kind, names, size and then its SHA-256 first,
    all of them plain values, in which a quotation mark is escaped: the first ``"sha256": "`` of
    the line is the exhibit's own."""
    at = line.find(_SHA256_KEY)
    if at < 0:
        return ""
    digest = line[at + len(_SHA256_KEY) : at + len(_SHA256_KEY) + 64]
    return digest.decode("ascii", errors="replace") if len(digest) == 64 else ""


@dataclass
class CustodyHead:
    seq: int = 0
    hash: str = ""


@dataclass
class Stamp:
    """An RFC 3161 trusted timestamp (可信时间戳) attached to the case (casefile.core.timestamps).

    A TSA signed ``root``, the root of a Merkle tree over the SHA-256 of ``exhibits`` and the custody
    entry ``custody_seq`` (whose hash was ``custody_hash``), at ``time``. ``files`` are the token, the
    TSA's certificates and the tree with each exhibit's inclusion proof, kept in the case folder and
    listed in its manifest (path -> SHA-256). ``renews``: the stamp whose token this one stamps again.
    """

    id: str = ""
    root: str = ""
    time: datetime | None = None
    tsa: str = ""
    serial: str = ""
    url: str = ""
    exhibits: list[int] = field(default_factory=list)
    custody_seq: int = 0
    custody_hash: str = ""
    files: dict[str, str] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)  # path -> bytes, for an archive's checks before extraction
    renews: str = ""
    expires: datetime | None = None  # when the TSA's certificate stops being valid


@dataclass
class Case:
    number: str
    title: str
    complained_at: datetime
    channel: Channel
    type: CaseType
    priority: Priority = Priority.NORMAL
    stage: Stage = Stage.REGISTRATION
    channel_ref: str = ""
    responsible_party: ResponsibleParty = ResponsibleParty.UNDETERMINED
    responsibility_rationale: str = ""
    first_response_at: datetime | None = None
    # Which party our user's side is, as recorded; None: not said (``side`` presumes it). See ``promise_runs``.
    our_side: Side | None = _added()
    complainant: Party = field(default_factory=Party)
    respondent: Party = field(default_factory=lambda: Party(kind=PartyKind.ORGANISATION))
    courier: Party | None = None  # the carrier
    agent: Agent | None = _added()  # 委托诉讼代理人 of the complainant
    filing: Filing | None = _added()  # where it is filed and what the filing forms ask
    transaction: Transaction = field(default_factory=Transaction)
    shipment: Shipment = field(default_factory=Shipment)
    demands: list[Demand] = field(default_factory=list)
    facts: str = ""
    timeline: list[TimelineEvent] = field(default_factory=list)
    stage_log: list[StageChange] = field(default_factory=list)
    # Read from case.json as an ExhibitList, one exhibit as it is used; any list of exhibits will do.
    exhibits: MutableSequence[Exhibit] = field(default_factory=ExhibitList)
    # The order exhibits are presented in (bundles default to it); numbers never change.
    exhibit_order: list[int] = field(default_factory=list)
    created_at: datetime | None = None
    created_by: str = ""
    custody_head: CustodyHead = field(default_factory=CustodyHead)
    revision: int = 0
    # Responsibility, negotiation, proceedings, outcome, execution, closing (casefile.core.workflow.records).
    workflow: Workflow = field(default_factory=Workflow, metadata={"sparse": True})
    # Trusted timestamps attached to the case, in the order they were attached.
    timestamps: list[Stamp] = _added_list()
    # What the customer handed in at the counter, photographed or not (the receipt's 收取材料).
    handed_items: list[HandedItem] = _added_list()

    @property
    def side(self) -> Side | None:
        """Our user's side: the one recorded (``our_side``), or when none is, the one the organisation in the
        settings and the parties tell (:func:`side_of`, as at registration), presumed without writing it to the
        record (a case registered before the side was recorded, or its agent entered since). Everything that asks
        whose side the user is on (clocks, the list, the review, the packets) reads this."""
        if self.our_side is not None:
            return self.our_side
        return side_of(self, *_organisation)

    @property
    def side_presumed(self) -> bool:
        """Whether :attr:`side` is presumed from the organisation in the settings, not recorded."""
        return self.our_side is None and self.side is not None

    @property
    def promise_runs(self) -> bool:
        """Whether the response promise (2 h / 24 h / 48 h) runs: our user is the one complained to, or not said."""
        return self.side is not Side.COMPLAINANT

    @property
    def response_due_at(self) -> datetime:
        return self.complained_at + timedelta(hours=self.priority.response_hours)

    # Lookups by number and by hash come from an index that catches up with the exhibits as they
    # are appended: a change to a case of thousands of exhibits costs what the change is.
    def _lookup(self) -> ExhibitList | _ExhibitIndex:
        exhibits = self.exhibits
        if isinstance(exhibits, ExhibitList):
            return exhibits
        index: _ExhibitIndex | None = self.__dict__.get("_exhibit_index")
        if index is None or not index.follows(exhibits):
            index = _ExhibitIndex()
            self.__dict__["_exhibit_index"] = index
        index.catch_up(exhibits)
        return index

    def exhibit(self, number: int) -> Exhibit:
        found = self._lookup().by_number(number)
        if found is None:
            raise KeyError(number)
        return found

    def has_exhibit(self, number: int) -> bool:
        return self._lookup().has_number(number)

    def add_exhibit(self, exhibit: Exhibit) -> None:
        self.exhibits.append(exhibit)

    def next_exhibit_number(self) -> int:
        return self._lookup().highest_number() + 1

    def ordered_exhibits(self) -> list[Exhibit]:
        """Exhibits in the order the user arranged; ones added since come last, by number."""
        rank = {number: i for i, number in enumerate(self.exhibit_order)}
        return sorted(self.exhibits, key=lambda e: (rank.get(e.number, len(rank)), e.number))

    def exhibit_numbers(self) -> list[int]:
        """Every exhibit's number, in the order they were added (the exhibits themselves are not read)."""
        exhibits = self.exhibits
        return exhibits.numbers() if isinstance(exhibits, ExhibitList) else [e.number for e in exhibits]

    def ordered_numbers(self) -> list[int]:
        """The numbers of :meth:`ordered_exhibits`, without reading the exhibits."""
        rank = {number: i for i, number in enumerate(self.exhibit_order)}
        return sorted(self.exhibit_numbers(), key=lambda n: (rank.get(n, len(rank)), n))

    def exhibit_by_hash(self, sha256: str) -> Exhibit | None:
        return self._lookup().by_hash(sha256)


class _ExhibitIndex:
    """Exhibits by number and by SHA-256 (the first with that hash), for an append-only list
    that is not an :class:`ExhibitList` (one a caller assigned)."""

    def __init__(self) -> None:
        self.count = 0
        self.last: Exhibit | None = None
        self.highest = 0
        self.numbered: dict[int, Exhibit] = {}
        self.hashed: dict[str, Exhibit] = {}

    def follows(self, exhibits: Sequence[Exhibit]) -> bool:
        """Whether ``exhibits`` is the list this index was built from, perhaps grown since."""
        return len(exhibits) >= self.count and (self.count == 0 or exhibits[self.count - 1] is self.last)

    def catch_up(self, exhibits: Sequence[Exhibit]) -> None:
        for exhibit in exhibits[self.count :]:
            self.numbered[exhibit.number] = exhibit
            self.hashed.setdefault(exhibit.sha256, exhibit)
            self.highest = max(self.highest, exhibit.number)
        self.count = len(exhibits)
        self.last = exhibits[-1] if exhibits else None

    def by_number(self, number: int) -> Exhibit | None:
        return self.numbered.get(number)

    def has_number(self, number: int) -> bool:
        return number in self.numbered

    def highest_number(self) -> int:
        return self.highest

    def by_hash(self, sha256: str) -> Exhibit | None:
        return self.hashed.get(sha256)


# --------------------------------------------------------------------------- serialisation

T = TypeVar("T")


_UNKNOWN = "_unknown_keys"


def unknown_of(value: Any) -> dict[str, Any]:
    """Keys a newer CaseFile wrote into this part of a record, which this one does not know."""
    unknown: dict[str, Any] = getattr(value, "__dict__", {}).get(_UNKNOWN, {})
    return unknown


def set_unknown(value: Any, keys: dict[str, Any]) -> None:
    if keys:
        value.__dict__[_UNKNOWN] = dict(keys)
    else:
        value.__dict__.pop(_UNKNOWN, None)


def to_data(value: Any) -> Any:
    """Turn a record (or any part of one) into JSON-ready data.

    Keys a newer CaseFile wrote and this one does not know are written back as they were.
    Fields at their default are left out in a ``__sparse__`` class, and where a field's
    metadata says ``"sparse"`` (fields added later, so that older records stay as they were).
    """
    kind = type(value)
    if kind is str or kind is int or kind is bool or kind is float or value is None:
        return value
    fields = _DATA_FIELDS.get(kind)
    if fields is None and kind not in _NOT_RECORDS:
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            fields = _data_fields(kind)
        else:
            _NOT_RECORDS.add(kind)
    if fields is not None:
        data = {}
        for key, name, default in fields:
            item = getattr(value, name)
            if default is not _KEEP and item == default:
                continue
            plain = type(item)  # text, a whole number, yes/no or nothing: as it is, without a call
            data[key] = item if plain is str or plain is int or plain is bool or item is None else to_data(item)
        unknown = value.__dict__.get(_UNKNOWN) if hasattr(value, "__dict__") else None
        if unknown:
            for key, item in unknown.items():
                data.setdefault(key, item)
        return data
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list | tuple | ExhibitList):
        return [to_data(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_data(v) for k, v in value.items()}
    return value


# A record is written many thousand times a field (a case of 5,000 exhibits): what each record
# class writes is worked out once — its keys, and the default a field is left out at.
_KEEP: Any = object()  # a field that is always written
_DATA_FIELDS: dict[type, list[tuple[str, str, Any]]] = {}
_NOT_RECORDS: set[type] = set()  # types seen that are not record classes (enums, times, lists…)


def _data_fields(cls: type) -> list[tuple[str, str, Any]]:
    sparse = getattr(cls, "__sparse__", False)
    fields = [
        (
            f.metadata.get("key", f.name),
            f.name,
            _default(f) if sparse or f.metadata.get("sparse") else _KEEP,
        )
        for f in dataclasses.fields(cls)
    ]
    _DATA_FIELDS[cls] = fields
    return fields


# Keys of case.json that are not record fields: the format marker, and values derived
# for people reading the file (ignored when read back).
_ENVELOPE = ("format", "version", "response_due_at")


def case_to_data(case: Case) -> dict[str, Any]:
    data = to_data(case)
    data["response_due_at"] = case.response_due_at.isoformat()
    return {"format": RECORD_FORMAT, "version": RECORD_VERSION, **data}


def case_from_data(data: Any) -> Case:
    if not isinstance(data, dict) or data.get("format") != RECORD_FORMAT:
        raise InvalidValueError("not a CaseFile case record")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise InvalidValueError("the case record has no readable format version ({version!r})", version=version)
    from casefile.core.record.versions import upcast

    data = upcast("case", data, version, RECORD_VERSION, Message("the case record"))
    return from_data(Case, {k: v for k, v in data.items() if k not in _ENVELOPE})


def field_from_data(cls: type, name: str, value: Any) -> Any:
    """One field of a record class, converted and checked as :func:`from_data` would."""
    return _convert(_hints(cls)[name], value, f"{cls.__name__}.{name}")


def from_data(cls: type[T], data: Any) -> T:
    """Rebuild a dataclass from :func:`to_data` output, checking types as it goes."""
    return typing.cast(T, _convert(cls, data, cls.__name__))


_HINTS: dict[type, dict[str, Any]] = {}
_FIELDS: dict[type, dict[str, str]] = {}


def _field_keys(cls: type) -> dict[str, str]:
    """key in the stored data -> field name (a field may be stored under another key, e.g. "from")."""
    if cls not in _FIELDS:
        _FIELDS[cls] = {f.metadata.get("key", f.name): f.name for f in dataclasses.fields(cls)}
    return _FIELDS[cls]


def _default(f: dataclasses.Field[Any]) -> Any:
    if f.default is not dataclasses.MISSING:
        return f.default
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory()
    return dataclasses.MISSING


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _convert(tp: Any, value: Any, where: str) -> Any:
    try:
        converter = _CONVERTERS.get(tp)
    except TypeError:  # an unhashable type hint: worked out each time
        return _make_converter(tp)(value, where)
    if converter is None:
        converter = _CONVERTERS[tp] = _make_converter(tp)
    return converter(value, where)


# How to read each type a record holds is worked out once per type: reading a case of thousands
# of exhibits then costs a dictionary look-up per field, not an inspection of its type hints.
_CONVERTERS: dict[Any, Callable[[Any, str], Any]] = {}


def _make_converter(tp: Any) -> Callable[[Any, str], Any]:  # noqa: C901 - one branch per kind of type
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)][0]

        def optional(value: Any, where: str) -> Any:
            return None if value is None else _convert(inner, value, where)

        return optional
    if tp is Any:
        return lambda value, where: value
    if origin is MutableSequence and typing.get_args(tp) == (Exhibit,):

        def exhibits(value: Any, where: str) -> Any:
            if not isinstance(value, list):
                raise InvalidValueError("{where}: expected a list", where=where)
            return ExhibitList(_convert(Exhibit, v, f"{where}[{i}]") for i, v in enumerate(value))

        return exhibits
    if origin is list:
        (item,) = typing.get_args(tp)

        def a_list(value: Any, where: str) -> Any:
            if not isinstance(value, list):
                raise InvalidValueError("{where}: expected a list", where=where)
            return [_convert(item, v, f"{where}[{i}]") for i, v in enumerate(value)]

        return a_list
    if origin is dict:

        def a_dict(value: Any, where: str) -> Any:
            if not isinstance(value, dict):
                raise InvalidValueError("{where}: expected an object", where=where)
            return dict(value)

        return a_dict
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _record_converter(tp)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        members = {m.value: m for m in tp}

        def an_enum(value: Any, where: str) -> Any:
            try:
                return members[value] if type(value) is str and value in members else tp(value)
            except ValueError:
                raise InvalidValueError("{where}: unknown value {value!r}", where=where, value=value) from None

        return an_enum
    if tp is datetime:
        return lambda value, where: parse_datetime(value, where, check=False)
    if tp is Decimal:
        return lambda value, where: parse_amount(value, where, check=False)
    if tp is bool:

        def a_bool(value: Any, where: str) -> Any:
            if not isinstance(value, bool):
                raise InvalidValueError("{where}: expected true or false", where=where)
            return value

        return a_bool
    if tp is int:

        def an_int(value: Any, where: str) -> Any:
            if not isinstance(value, int) or isinstance(value, bool):
                raise InvalidValueError("{where}: expected a whole number", where=where)
            return value

        return an_int
    if tp is float:

        def a_float(value: Any, where: str) -> Any:
            if not isinstance(value, int | float) or isinstance(value, bool):
                raise InvalidValueError("{where}: expected a number", where=where)
            return value

        return a_float
    if tp is str:

        def a_str(value: Any, where: str) -> Any:
            if not isinstance(value, str):
                raise InvalidValueError("{where}: expected text", where=where)
            return value

        return a_str

    def unsupported(value: Any, where: str) -> Any:
        raise TypeError(f"unsupported field type {tp!r} at {where}")

    return unsupported


def _record_converter(tp: type) -> Callable[[Any, str], Any]:
    hints = _hints(tp)
    keys = _field_keys(tp)
    # A text, whole-number or yes/no field holding just that is taken as it is, without a call.
    fields = [
        (key, name, hints[name], hints[name] if hints[name] in (str, int, bool) else None) for key, name in keys.items()
    ]
    lenient = getattr(tp, "__lenient__", False)
    by_key = {key: (name, hint, plain) for key, name, hint, plain in fields}
    # Each field's converter, worked out at the first record read (a field may be of this very class).
    converters: dict[str, Callable[[Any, str], Any]] = {}

    def converter(key: str, hint: Any) -> Callable[[Any, str], Any]:
        try:
            found = _CONVERTERS.get(hint)
        except TypeError:  # an unhashable type hint: worked out each time
            return lambda value, where: _convert(hint, value, where)
        if found is None:
            found = _CONVERTERS[hint] = _make_converter(hint)
        converters[key] = found
        return found

    def in_field_order(value: dict[str, Any], where: str, kept: dict[str, Any]) -> dict[str, Any]:
        kwargs = {}
        for key, name, hint, plain in fields:
            if key in value:
                item = value[key]
                if type(item) is plain:
                    kwargs[name] = item
                    continue
                try:
                    kwargs[name] = (converters.get(key) or converter(key, hint))(item, f"{where}.{key}")
                except InvalidValueError:
                    if not lenient:
                        raise
                    kept[key] = value[key]
        return kwargs

    def a_record(value: Any, where: str) -> Any:
        if not isinstance(value, dict):
            raise InvalidValueError("{where}: expected an object", where=where)
        kwargs = {}
        kept: dict[str, Any] = {}
        # The keys given are read in their order (a record of 5,000 exhibits reads each one's keys, not
        # every field's); a value refused, or any error, sends the record through its fields in their
        # order, as the conversions are the same: the same first value is refused, the same are kept.
        try:
            for key, item in value.items():
                spec = by_key.get(key)
                if spec is not None:
                    name, hint, plain = spec
                    kwargs[name] = (
                        item
                        if type(item) is plain
                        else (converters.get(key) or converter(key, hint))(item, f"{where}.{key}")
                    )
        except Exception:  # noqa: BLE001 - raised again, or kept, in the order of the fields
            kwargs = in_field_order(value, where, kept)
        try:
            obj = tp(**kwargs)
        except TypeError as exc:
            raise InvalidValueError("{where}: {exc}", where=where, exc=exc) from None
        if len(value) > len(kwargs):
            set_unknown(obj, {k: v for k, v in value.items() if k not in keys or k in kept})
        return obj

    return a_record


_DATE_ONLY = re.compile(r"\s*\d{4}-\d{2}-\d{2}\s*")


def is_date_only(value: Any) -> bool:
    """Whether a typed time is a date alone (2026-11-20): a day without its hour, not that day's midnight."""
    return isinstance(value, str) and _DATE_ONLY.fullmatch(value) is not None


def parse_datetime(value: Any, where: str = "time", *, check: bool = True) -> datetime:
    """Parse an ISO 8601 time; a time without offset is taken as local time.

    ``check`` (for times people type) also refuses implausible years
    (:func:`casefile.core.validate.check_time`); reading a stored record passes False,
    so that what was once recorded stays readable.
    """
    if isinstance(value, datetime):
        result = value
    else:
        if not isinstance(value, str):
            raise InvalidValueError("{where}: expected an ISO 8601 time", where=where)
        try:
            result = datetime.fromisoformat(value.strip())
        except ValueError:
            raise InvalidValueError(
                "{where}: {value!r} is not a time (use e.g. 2026-11-23T14:30 or 2026-11-23 14:30+08:00)",
                where=where,
                value=value,
            ) from None
    if check:
        check_time(result, where)
    if result.tzinfo is None:
        try:
            result = zone.entered(result)  # typed as shown: Beijing time, or the computer's zone if so chosen
        except (OverflowError, ValueError, OSError):
            raise InvalidValueError(
                "{where}: {value!r} is not a time (use e.g. 2026-11-23T14:30 or 2026-11-23 14:30+08:00)",
                where=where,
                value=str(value),
            ) from None
    return result


def parse_amount(value: Any, where: str = "amount", *, check: bool = True) -> Decimal:
    """Parse a money amount in yuan, exact to the fen: 1299, 1,299.00, ¥1299.5.

    ``check`` (for amounts people type, and any amount about to be recorded) accepts only
    plain decimal numbers up to :data:`casefile.core.validate.MAX_AMOUNT`; reading a stored
    record passes False and accepts what earlier versions recorded.
    """
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
        raise InvalidValueError("{where}: expected an amount such as 1299.00", where=where)
    if check:
        return check_amount(value, where) if isinstance(value, Decimal) else amount_from_text(str(value), where)
    try:
        amount = Decimal(str(value).strip().replace(",", "").lstrip("¥￥"))
    except InvalidOperation:
        raise InvalidValueError(
            "{where}: {value!r} is not an amount (e.g. 1299.00)", where=where, value=value
        ) from None
    if not amount.is_finite() or amount < 0:
        raise InvalidValueError("{where}: {value!r} must be zero or more", where=where, value=value)
    if amount.as_tuple().exponent < -2:  # type: ignore[operator]
        raise InvalidValueError("{where}: {value!r} has more than two decimals", where=where, value=value)
    return amount
