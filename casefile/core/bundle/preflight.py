"""What is missing, weak or contradictory in a case before its packet is built, per venue.

Errors are kept for packets the filing window would not take, or that contradict themselves:
a court complaint without a defendant, claims or facts (民事诉讼法 art. 122), or while the parties
have an arbitration agreement in force (art. 127 (二)); a 12315/消协 complaint that names no
respondent (投诉举报处理办法 arts. 10, 16); a courier claim without a claimant or a waybill number;
a transcript quoting times the recording does not reach. Everything else is a warning: the build
stops and lists them unless the user accepts them (--force, or the wizard's tick), and the
document then shows a blank to fill by hand.

Each finding names the field to fix (``Finding.field``), and a problem shared by several exhibits
is one finding listing them all. Codes are stable: tests and the ``accepted_warnings`` of custody
entries use them. Laws are cited through :mod:`casefile.core.law`, never by hand.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timedelta
from decimal import Decimal
from functools import partial
from pathlib import PurePath

from casefile.core import law, zone
from casefile.core.bundle import agreements
from casefile.core.bundle.consistency import contradictions, day_message
from casefile.core.bundle.context import ExhibitEntry, Finding, Level, Venue
from casefile.core.bundle.findings import Findings, cite, exhibit_names
from casefile.core.bundle.handling import (
    PROCEEDING_BODIES,
    RESULT_WORDS,
    before_other_bodies,
    carrier_paid,
    complaint_venue,
    deductions,
    paid_to_us,
)
from casefile.core.bundle.phones import phone_day, phone_status
from casefile.core.disclosure import pictures
from casefile.core.disclosure.masking import Kind, Masker
from casefile.core.disclosure.pictures import OcrState, PictureTexts, Shown
from casefile.core.disclosure.policy import disclosure_for
from casefile.core.errors import Message, listed
from casefile.core.metadata import edited_note
from casefile.core.model import Case, CaseType, EvidenceKind, Party, PartyKind
from casefile.core.numbering import groups_in_order, split_groups
from casefile.core.record.roles import claim_parties, issued_by_respondent, not_a_business
from casefile.core.record.timeline import lodged
from casefile.core.venues import Route, route_for
from casefile.core.workflow.records import OutcomeKind, Proceeding
from casefile.core.workflow.records import Venue as ProceedingVenue

_MEDIA = (EvidenceKind.AUDIO, EvidenceKind.VIDEO)
_FLAG_TEXT = {
    "broken": Message("the file is damaged; its content cannot be shown in the packet"),
    "encrypted": Message("the file is encrypted; the packet can only hold a page saying so"),
    "empty": Message("the file is empty (0 bytes)"),
    "truncated": Message("the file is incomplete and may have been cut short"),
    "extension-mismatch": Message("the file's extension does not match its content"),
    "unknown-format": Message("the file's format is not recognised"),
    "captured-after-added": Message(
        "the time the file records it was made is later than the time it was added: the device's clock may be "
        "wrong; check it and correct it in the exhibit's details"
    ),
    "time-disagrees": Message(
        "the file's modification time is far from the time the file records it was made; check when it was made"
    ),
}
_EDITED_TEXT = Message(
    "the file's metadata shows it was processed or saved again by editing software; the other side may question "
    "whether it is the original, so keep the original medium ready"
)
_STATUS_NAMES = {
    agreements.IN_FORCE: Message("in force"),
    agreements.INVALID: Message("void"),
    agreements.WAIVED: Message("waived"),
}
_TIME_FLAGS = {"captured-after-added", "time-disagrees"}


def preflight(
    case: Case,
    venue: Venue,
    entries: list[ExhibitEntry],
    *,
    size_limit_mb: int | None,
    organisation: Party | None = None,
    now: datetime | None = None,
    route: Route | None = None,
    texts: PictureTexts | None = None,
) -> list[Finding]:
    """What to tell the user about the packet for ``venue`` (to ``route``: None for the venue's default).

    ``texts``: the text OCR read in the library's pictures, to find the personal data they show (None: not
    looked at; a picture marked as a parcel's label is still named)."""
    route = route_for(venue, route)
    found = Findings()
    _agreement(case, venue, entries, found)
    _evidence(venue, entries, size_limit_mb, found)
    _mail_correspondents(case, venue, entries, found)
    _pictures(case, venue, entries, texts, organisation, found)
    if venue is not Venue.RECEIPT:
        _inherited_purposes(case, entries, found)
    if venue in (Venue.CONSUMER_ASSOCIATION, Venue.RECEIPT):
        _complaint(case, venue, found)
    if venue is Venue.CONSUMER_ASSOCIATION:
        _before_other_bodies(case, route, found)
    if venue in (Venue.CONSUMER_ASSOCIATION, Venue.ARBITRATION, Venue.COURT):
        _paid_and_agreed(case, found)
    # Who issues it: the organisation in the settings. None named: the receipt has blanks for the store's name,
    # address and phone, filled by hand (the walk-in desk says so before printing).
    if venue is Venue.RECEIPT:
        _receipt_due(case, now or zone.now(), found)
    if venue is Venue.RECEIPT and organisation is not None and organisation.name.strip():
        found.extend(receipt_issuer(case.respondent, organisation))
    elif venue in (Venue.COURT, Venue.ARBITRATION):
        _application(case, venue, found)
        _identity_papers(case, venue, found)
    if venue is Venue.ARBITRATION:
        _arbitration_body(case, found)
    if venue in (Venue.CONSUMER_ASSOCIATION, Venue.ARBITRATION, Venue.COURT):
        _phone_fault_time(case, found)
    elif venue is Venue.COURIER_CLAIM:
        _courier_claim(case, entries, organisation or Party(kind=PartyKind.ORGANISATION), found)
        _carrier_paid(case, found)
        if route is Route.POSTAL_REGULATOR:
            _carrier_complaint(case, found, now)
            _appealed_before(case, found)
    if venue is not Venue.RECEIPT:  # a receipt only lists what the customer handed over
        found.extend(contradictions(case, venue, entries))
    return list(found)


# --------------------------------------------------------------------------- arbitration agreements


def _agreement(case: Case, venue: Venue, entries: list[ExhibitEntry], found: Findings) -> None:
    number = case.number
    if venue is Venue.COURT:
        for e in agreements.agreements(case):
            if agreements.in_force(e):
                found.error(
                    "arbitration-agreement-in-force",
                    Message(
                        "The case's exhibit “{title}” (file no. {exhibit}) is an arbitration agreement: where the "
                        "parties have a written arbitration agreement and may not sue in a people's court, the court "
                        "tells the plaintiff to apply for arbitration ({citation}). If the agreement is void, or both "
                        "sides have waived arbitration, mark it so first and give the reason: casefile exhibit "
                        "{number} {exhibit} --agreement invalid (or waived) --reason REASON",
                        title=e.title,
                        exhibit=e.number,
                        citation=cite("civil-procedure.127", part=True),
                        number=number,
                    ),
                    f"exhibits.{e.number}.agreement_status",
                    [e.number],
                )
        _clause_denied(case, found)
        _purpose_admits_clause(entries, found)
    elif venue is Venue.ARBITRATION:
        if any(agreements.in_force(entry.original or entry.exhibit) for entry in entries):
            return  # the packet carries an agreement in force (a redacted copy stands for its original)
        marked = [
            Message(
                "file no. {exhibit} is marked {status}",
                exhibit=e.number,
                status=_STATUS_NAMES.get(e.agreement_status, e.agreement_status),
            )
            for e in agreements.agreements(case)
            if not agreements.in_force(e)
        ]
        # A warning, not an error: under the 2025 仲裁法 art. 27 an agreement one side asserts and the
        # other does not deny before the first hearing is deemed to exist.
        found.warn(
            "no-arbitration-agreement",
            Message(
                "No arbitration agreement in force{marked}: an arbitration agreement must state the wish to "
                "arbitrate, the matters to arbitrate and the arbitration commission chosen; without a written "
                "agreement, one is deemed to exist only if the respondent does not deny it before the first hearing "
                "({citation}). Add the arbitration agreement, or the contract page with the arbitration clause: "
                "casefile add {number} FILE --kind arbitration-agreement",
                marked=Message(" ({marks})", marks=_semicolons(marked)) if marked else "",
                citation=cite("arbitration.agreement-contents", part=True),
                number=number,
            ),
            "exhibits",
        )


def _clause_denied(case: Case, found: Findings) -> None:
    """The user answered the complaint's 有无仲裁、法院管辖约定 with 无 while the case holds an arbitration
    agreement: the complaint ticks 无 as answered, which the agreement on file contradicts."""
    held = agreements.agreements(case)
    if case.filing is None or case.filing.jurisdiction_clause is not False or not held:
        return
    found.warn(
        "jurisdiction-clause-denied",
        Message(
            "The complaint will say there is no arbitration or jurisdiction clause, as entered, yet the case holds "
            "an arbitration agreement: {agreements}. If the clause exists, answer yes and give its terms (and why "
            "it does not stand in the way); or clear the answer, and the complaint names the agreement: casefile "
            "edit {number} --jurisdiction-clause unknown",
            agreements=listed(
                [
                    Message(
                        "“{title}” (file no. {exhibit}, {status})",
                        title=e.title,
                        exhibit=e.number,
                        status=_STATUS_NAMES.get(e.agreement_status, e.agreement_status),
                    )
                    for e in held
                ]
            ),
            number=case.number,
        ),
        "filing.jurisdiction_clause",  # what to fix is the answer: the finding leads to it, not to an exhibit
    )


#: What a proof purpose says when it proves the arbitration agreement: it names the agreement (约定, 仲裁,
#: 协议) without any word stating the plaintiff's position against it (无效, 格式条款, 未提示...).
_AGREEMENT_WORDS = ("约定", "仲裁", "协议")
_AGAINST_WORDS = (
    "无效",
    "格式条款",
    "未提示",
    "未以显著方式",
    "未尽提示",
    "不成为合同内容",
    "不生效",
    "放弃",
    "撤销",
    "不适用",
)


def purpose_admits_agreement(purpose: str) -> bool:
    """Whether an arbitration agreement's proof purpose reads as proving the agreement, as the defendant would
    read it: it names the agreement (约定, 仲裁, 协议) and says nothing against it (无效, 格式条款, 未提示,
    不成为合同内容, 放弃...). A simple word test: it cannot tell every wording apart, and the user may accept it."""
    text = purpose.replace(" ", "")
    return any(w in text for w in _AGREEMENT_WORDS) and not any(w in text for w in _AGAINST_WORDS)


def _purpose_admits_clause(entries: list[ExhibitEntry], found: Findings) -> None:
    """A court packet: an arbitration agreement the user marked invalid or waived, yet its proof purpose (the
    user's words, printed as typed) says it proves the agreement. In a complaint's evidence list that is the
    plaintiff's own written admission (证据规定 art. 3 para 2), and it hands the defendant an objection to the
    court's jurisdiction (民事诉讼法 art. 127 (二)); the complaint itself says the agreement does not stand."""
    items = [
        (entry, "")
        for entry in entries
        if (entry.original or entry.exhibit).kind is EvidenceKind.ARBITRATION_AGREEMENT
        and (entry.original or entry.exhibit).agreement_status in agreements.NOT_IN_FORCE
        and purpose_admits_agreement(entry.exhibit.purpose)
    ]
    found.group(
        Level.WARNING,
        "agreement-purpose-admits",
        items,
        lambda names: Message(
            "{exhibits}: the arbitration agreement is marked void or waived, yet its proof purpose says it proves "
            "the agreement: in the plaintiff's own evidence list that is an admission ({admission}) the defendant "
            "can use to object that the case belongs to arbitration ({citation}). State the plaintiff's position in "
            "the proof purpose, e.g. “the clause is a standard term the shop set in advance and did not point out "
            "clearly, so it is void”, or leave the exhibit out of the packet",
            exhibits=names,
            admission=cite("evidence-rules.3", part=True),
            citation=cite("civil-procedure.127", part=True),
        ),
        "purpose",
    )


def _semicolons(items: list[Message]) -> Message:
    """Several statements as one: "A; B" (A；B in Chinese)."""
    if len(items) == 1:
        return items[0]
    return Message("{first}; {rest}", first=items[0], rest=_semicolons(items[1:]))


# --------------------------------------------------------------------------- the exhibits


def _evidence(venue: Venue, entries: list[ExhibitEntry], size_limit_mb: int | None, found: Findings) -> None:
    if venue is Venue.RECEIPT:  # a receipt only lists materials
        return
    if not entries:
        found.warn("no-evidence", Message("No evidence at all: the packet will hold the documents only"), "exhibits")
    no_purpose: list[tuple[ExhibitEntry, str]] = []
    no_transcript: list[tuple[ExhibitEntry, str]] = []
    edited: list[tuple[ExhibitEntry, str]] = []
    flagged: dict[str, list[tuple[ExhibitEntry, str]]] = {}
    oversize: list[tuple[ExhibitEntry, str]] = []
    file_titles: list[tuple[ExhibitEntry, str]] = []
    exif_unset: list[tuple[ExhibitEntry, str]] = []
    for entry in entries:
        e = entry.exhibit
        if e.metadata.exif_time_ignored and e.captured_at_source in ("file-mtime", "file-name"):
            exif_unset.append((entry, e.metadata.exif_time_raw or e.metadata.exif_time.replace("T", " ")))
        if not e.purpose.strip():
            no_purpose.append((entry, ""))
        if title_is_file_name(e.title, e.original_name):
            file_titles.append((entry, e.title))
        if e.kind in _MEDIA and (e.transcript is None or not e.transcript.lines):
            no_transcript.append((entry, ""))
        # Judged again from the software the metadata recorded, whatever flag an older rule gave.
        note = edited_note(e.metadata)
        if note:
            edited.append((entry, note.removeprefix("saved by ") if note.startswith("saved by ") else ""))
        for flag in e.flags:
            if flag in _TIME_FLAGS and e.captured_at_source == "user":
                continue  # the time was checked and set by hand
            if flag in _FLAG_TEXT:
                flagged.setdefault(flag, []).append((entry, e.original_name))
        if size_limit_mb and e.size > size_limit_mb * 1024 * 1024 and e.kind not in _MEDIA:
            oversize.append((entry, f"{e.size / 1048576:.1f} MB"))
    found.group(
        Level.WARNING,
        "no-purpose",
        no_purpose,
        lambda names: Message("{exhibits}: no proof purpose filled in", exhibits=names),
        "purpose",
    )
    found.group(
        Level.WARNING,
        "title-is-file-name",
        file_titles,
        lambda names: Message(
            "{exhibits}: the title is still the file's name, as the camera or phone gave it; the evidence list must "
            "state what each item is ({citation}). Give each a title saying what it shows, e.g. “photo of the damaged "
            "package”",
            exhibits=names,
            citation=cite("evidence-rules.19", part=True),
        ),
        "title",
    )
    found.group(
        Level.WARNING,
        "no-transcript",
        no_transcript,
        lambda names: Message(
            "{exhibits}: a recording with no transcript yet (in practice a written transcript is usually asked for)",
            exhibits=names,
        ),
        "transcript",
    )
    for flag, items in flagged.items():
        attribute = "captured_at" if flag in _TIME_FLAGS else ""
        problem = _FLAG_TEXT[flag]
        found.group(Level.WARNING, f"flag-{flag}", items, partial(_problem, problem=problem), attribute)
    found.group(Level.WARNING, "flag-edited", edited, lambda names: _problem(names, _EDITED_TEXT))
    found.group(
        Level.WARNING,
        "exif-time-ignored",
        exif_unset,
        lambda names: Message(
            "{exhibits}: the capture time the photo records is no real time (the camera's clock was not set, or the "
            "value cannot be read), so the packet gives the time in the file's name or the file's modification "
            "time instead and says why; copying a file can change that time: check when the photo was taken, and "
            "correct it in the exhibit's details",
            exhibits=names,
        ),
        "captured_at",
    )
    found.group(
        Level.WARNING,
        "over-size-limit",
        oversize,
        lambda names: Message(
            "{exhibits}: over the volume limit of {limit} MB; it will be a volume of its own",
            exhibits=names,
            limit=size_limit_mb,
        ),
    )
    _groups(entries, found)


def _mail_correspondents(case: Case, venue: Venue, entries: list[ExhibitEntry], found: Findings) -> None:
    """An e-mail exhibit whose sender or recipient the record gives to no one: the packet masks the address as a
    third party's (spec §6.3), though the mail is most often between the parties, whose own addresses the
    destination may see. The record cannot tell; the user says so by entering the address in the party's details.
    Copies among the recipients (Cc) are often others, and are not asked about."""
    if venue is Venue.RECEIPT:
        return
    masker = Masker(case, disclosure_for(venue))
    items: list[tuple[ExhibitEntry, str]] = []
    for entry in entries:
        mail = entry.exhibit.metadata.email
        if mail is None:
            continue
        unknown = masker.unowned_addresses(f"{mail.sender}\n{mail.to}")
        if unknown:
            items.append((entry, "、".join(unknown)))
    if not items:
        return
    party = "shipment.claimant" if venue is Venue.COURIER_CLAIM else "complainant"
    found.warn(
        "mail-address-of-no-party",
        Message(
            "{exhibits}: the e-mail's sender or recipient is recorded as no party's address, so the packet masks it "
            "as a third party's personal data. If it is a party's own (the complainant's mailbox, the business's "
            "service mailbox), enter it as that party's e-mail in the case details (several addresses separated by "
            "；): a party's own address is then printed in full where the destination shows that party. To have "
            "every address at the business's own domain taken as the business's, add the domain to its e-mail as "
            "@domain (a public mail service's domain is never taken as anyone's)",
            exhibits=exhibit_names(items),
        ),
        f"{party}.email",  # what to fill in: the exhibit is named in the words
    )


def _pictures(
    case: Case,
    venue: Venue,
    entries: list[ExhibitEntry],
    texts: PictureTexts | None,
    organisation: Party | None,
    found: Findings,
) -> None:
    """Pictures printed as they are (photos, screenshots, scanned pages: no redacted copy in their place) in a
    packet that masks someone's data (spec §6.3; a court's and an arbitration's mask third parties): the packet
    masks personal data in every text it prints, but not in a picture. What OCR read in a picture and the
    destination must not see (the end customer's name, phone and address on a parcel's label, a stranger's name
    and mobile number) is named, masked, with whose it is and how to redact it; a picture OCR has not read, or
    could not read, is named as not checked; where the destination does not see a party a label shows, a picture
    the user marked as a parcel's label (its kind, or 面单/运单/快递单 in its title or purpose) is named even
    without its text."""
    policy = disclosure_for(venue)
    if not pictures.applies(policy):
        return
    named_labels = pictures.labels_named(policy)
    masker = Masker(case, policy, issuer=organisation)
    shown: list[tuple[ExhibitEntry, str]] = []
    still: list[tuple[ExhibitEntry, str]] = []  # redacted copies in which OCR still reads it
    unread: list[tuple[ExhibitEntry, str]] = []
    failed: list[tuple[ExhibitEntry, str]] = []
    labels: list[tuple[ExhibitEntry, str]] = []
    for entry in entries:
        e = entry.exhibit
        # A redacted copy going in place of the original is checked as what is printed: its boxes may cover
        # nothing (a box in the wrong place), and OCR reads in the copy what it read in the original.
        check = pictures.check_picture(masker, texts, e) if texts is not None else None
        if check is not None and check.shown:
            (still if entry.original is not None else shown).append((entry, _shown_by_whom(check.shown)))
            continue
        if check is not None and check.state is OcrState.UNREAD:
            unread.append((entry, ""))
        elif check is not None and check.state is OcrState.FAILED:
            failed.append((entry, ""))
        if entry.original is None and named_labels and pictures.is_label(e):
            labels.append((entry, ""))
    privacy = law.cite_many(["personal-information.6", "personal-information.23"], short=True)
    number = case.number

    def picture_message(names: Message) -> Message:
        if policy.prefers_redacted:
            return Message(
                "{exhibits}: the picture shows personal data this destination must not see (as OCR read it), and "
                "the packet prints the picture as it is, unmasked: sending it hands that person's data to the "
                "recipient ({citation}). Redact the picture first: select the exhibit and press Ctrl+Shift+R (boxes "
                "over what OCR read are suggested), or casefile redact {number} EXHIBIT --box X,Y,W,H --reason "
                "REASON; the packet then prints the redacted copy. Build it as it is only if the recipient may see "
                "the data",
                exhibits=names,
                citation=privacy,
                number=number,
            )
        # A court's or an arbitration's packet prints originals unless a redacted copy is asked for.
        return Message(
            "{exhibits}: the picture shows a third party's personal data (as OCR read it), and the packet prints "
            "the picture as it is, unmasked: a court's and an arbitration's packets mask third parties, and the "
            "other side receives a copy ({citation}). Redact the picture (select the exhibit and press "
            "Ctrl+Shift+R, or casefile redact {number} EXHIBIT --box X,Y,W,H --reason REASON), then put the "
            "redacted copy in the packet in its place: this packet prints originals unless asked (tick the "
            "redacted copy instead of the original among the exhibits, or casefile bundle {number} --redacted "
            "EXHIBIT). Build it as it is only if the data may be shown",
            exhibits=names,
            citation=privacy,
            number=number,
        )

    found.group(Level.WARNING, "picture-personal-data", shown, picture_message)
    found.group(
        Level.WARNING,
        "redacted-copy-shows",
        still,
        lambda names: Message(
            "{exhibits}: the redacted copy the packet prints still shows personal data this destination must "
            "not see (as OCR read it in the copy): its boxes do not cover it, and sending it hands that person's "
            "data to the recipient ({citation}), and the packet does not say of it that third parties' data is "
            "covered. Redact the original again with boxes over that data (select the original and press "
            "Ctrl+Shift+R, or casefile redact {number} EXHIBIT --box X,Y,W,H --reason REASON), and let OCR read "
            "the new copy",
            exhibits=names,
            citation=privacy,
            number=number,
        ),
    )
    found.group(
        Level.WARNING,
        "label-not-redacted",
        labels,
        lambda names: Message(
            "{exhibits}: marked as a parcel's label (waybill), which shows the recipient's name, phone and address, "
            "and printed as it is, with no redacted copy: the packet masks personal data in texts, not in "
            "pictures ({citation}). Redact the label's personal data (select the exhibit and press Ctrl+Shift+R, "
            "or casefile redact {number} EXHIBIT --box X,Y,W,H --reason REASON), keeping the waybill number the "
            "carrier needs",
            exhibits=names,
            citation=privacy,
            number=number,
        ),
    )
    if unread:
        how = (
            Message(
                "wait until OCR has read them (the app's OCR status in the status bar, or casefile ocr {number} "
                "--wait), then check again",
                number=number,
            )
            if pictures.ocr_installed()
            else Message(
                "OCR is not installed here (pip install 'casefile[ocr]'); look at each picture and redact what "
                "shows anyone's personal data"
            )
        )
        found.add(
            Level.WARNING,
            "pictures-not-read",
            Message(
                "{count} picture(s) not yet read by OCR, so the personal data in them cannot be checked "
                "({exhibits}): {how}",
                count=len(unread),
                exhibits=exhibit_names(unread),
                how=how,
            ),
            f"exhibits.{unread[0][0].exhibit.number}",
            [entry.exhibit.number for entry, _ in unread],
        )
    found.group(
        Level.WARNING,
        "pictures-not-readable",
        failed,
        lambda names: Message(
            "{exhibits}: OCR could not read the picture's text, so the personal data in it cannot be checked: look "
            "at it, and redact what shows anyone's personal data (select the exhibit and press Ctrl+Shift+R)",
            exhibits=names,
        ),
    )


def _shown_by_whom(items: Sequence[Shown]) -> Message:
    """What a picture shows, by whose it is: a third party's name 李*, mobile number 139****5678; the recipient's
    name 陈**."""
    groups: dict[str, list[Shown]] = {}
    for item in items:
        groups.setdefault(item.whose, []).append(item)
    return _semicolons(
        [
            Message("{whose} {data}", whose=_whose(whose), data=listed([_shown(item) for item in group]))
            for whose, group in groups.items()
        ]
    )


def _whose(role: str) -> Message:
    """Whose the data a picture shows is: a party's the destination does not see, by role, or a third party's."""
    if role == "complainant":
        return Message("the complainant's")
    if role == "respondent":
        return Message("the respondent's")
    if role == "courier":
        return Message("the carrier's")
    if role == "agent":
        return Message("the agent's")
    if role == "claimant":
        return Message("the claimant's")
    if role == "sender":
        return Message("the sender's")
    if role == "recipient":
        return Message("the recipient's (the end customer's)")
    return Message("a third party's (no party to the case)")


def _shown(item: Shown) -> Message:
    """A datum a picture shows, named with its masked form: mobile number 139****4321."""
    value = item.masked
    if item.kind is Kind.MOBILE:
        return Message("mobile number {value}", value=value)
    if item.kind is Kind.LANDLINE:
        return Message("phone number {value}", value=value)
    if item.kind is Kind.ID:
        return Message("ID number {value}", value=value)
    if item.kind is Kind.BANK_CARD:
        return Message("bank card number {value}", value=value)
    if item.kind is Kind.EMAIL:
        return Message("e-mail address {value}", value=value)
    if item.kind is Kind.ADDRESS:
        return Message("address {value}", value=value)
    return Message("name {value}", value=value)


# Files added together within this time of each other, by one person, with one purpose: one batch.
_BATCH_GAP = timedelta(minutes=5)
# What says nothing of what an item shows: the kind of file, the words of a purpose, the goods as such; then joining
# words and marks, and characters that only join (在, 已, 时…). Words go first, so that 手机 in 手机包装盒 says nothing
# while 屏 in 手机屏幕 still does.
_GENERIC_WORDS = (
    "照片", "相片", "图片", "截图", "截屏", "视频", "录音", "录像", "记录", "文件", "资料", "证据", "证明", "显示",
    "手机", "商品", "产品", "货物", "物品", "东西", "情况", "问题",
)  # fmt: skip
_GENERIC = set("照片相图截视频录音像记录文件资料证据明的之及和与或第张份页件个在已时于从被把了是为对有也都")
_GENERIC |= set("、，,。；;：:（）()《》“”\"' -_—")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]{2,}")
# How many characters of what it is about a title must share with the purpose to speak of it: one is chance (屏 of
# 屏幕保护膜 and of 闪屏), two are a word or its parts (闪屏 and 屏幕闪烁).
_SHARED_CHARS = 2


def _goods_words(case: Case) -> list[str]:
    """The goods' own names (the product, its brand and model, and their words): no sign of what an item shows."""
    names = [case.transaction.product, case.transaction.brand_model]
    words = {w for name in names for w in [name.strip(), *re.split(r"[\s,，、/（）()]+", name)] if len(w.strip()) >= 2}
    return sorted(words, key=len, reverse=True)


def _content(text: str, goods: list[str]) -> set[str]:
    """The characters (and Latin words: IMEI) of a title or a purpose that say what it is about: its generic words
    and the goods' names taken out first."""
    for word in (*goods, *_GENERIC_WORDS):
        text = text.replace(word, " ")
    words = {w.lower() for w in _ASCII_WORD.findall(text)}
    return words | {ch for ch in text if "\u4e00" <= ch <= "\u9fff" and ch not in _GENERIC}


def _speaks_of(shared: set[str]) -> bool:
    """Whether what a title shares with a purpose is enough to say it speaks of it: a Latin word, or two characters."""
    return any(len(w) > 1 for w in shared) or len(shared) >= _SHARED_CHARS


def _inherited_purposes(case: Case, entries: list[ExhibitEntry], found: Findings) -> None:
    """Exhibits added in one go share the purpose typed for the batch (三张照片，证明收货第三天起闪屏、黑屏), and the
    one that shows something else keeps it (the photo of the box and its IMEI code). Within a batch (added one after
    another by one person, with one purpose), when some titles speak of what the purpose says and one has not a word
    of it in common, that one is asked about: its purpose is likely the batch's, not its own.

    Only titles given after adding are asked about: retitling items one by one states what each shows, and a purpose
    left as the batch's is then visibly not the item's own. A file's own name was before the user when the batch's
    purpose was typed, so it only helps show which items the purpose was typed for; a camera's name says nothing (it
    has its own finding). A batch whose titles all touch the purpose (three sides of one crushed box, 证明外包装破损)
    shares it rightly; the goods' own name is no sign either way."""
    goods = _goods_words(case)
    batches: list[list[ExhibitEntry]] = []
    for entry in sorted(entries, key=lambda en: en.exhibit.number):
        e = entry.exhibit
        last = batches[-1][-1].exhibit if batches else None
        if (
            last is not None
            and e.purpose.strip()
            and e.purpose.strip() == last.purpose.strip()
            and e.added_by == last.added_by
            and abs(e.added_at - last.added_at) <= _BATCH_GAP
        ):
            batches[-1].append(entry)
        else:
            batches.append([entry])
    for batch in batches:
        if len(batch) < 2:
            continue
        purpose = _content(batch[0].exhibit.purpose, goods)
        titled = [
            (entry, purpose & _content(entry.exhibit.title, goods))
            for entry in batch
            if not title_is_file_name(entry.exhibit.title, entry.exhibit.original_name)
        ]
        if not purpose or not any(_speaks_of(shared) for _entry, shared in titled):
            continue  # no title speaks of the purpose: nothing tells which item it was typed for
        odd = [
            (entry, entry.exhibit.title.strip())
            for entry, shared in titled
            if not _speaks_of(shared) and _retitled(entry.exhibit.title, entry.exhibit.original_name)
        ]
        found.group(
            Level.WARNING,
            "purpose-from-batch",
            odd,
            partial(_from_batch, purpose=batch[0].exhibit.purpose.strip()),
            "purpose",
        )


def _retitled(title: str, original_name: str) -> bool:
    """Whether an exhibit's title was given to it after it was added: not the file's own name (the name the user saw
    when typing the batch's purpose), nor a camera's."""
    title = title.strip()
    named = {original_name.strip(), PurePath(original_name).stem.strip()}
    return bool(title) and title not in named and not title_is_file_name(title, original_name)


def _from_batch(names: Message, purpose: str) -> Message:
    return Message(
        "{exhibits}: added with other exhibits under one proof purpose (“{purpose}”), which its title does not speak "
        "of (beyond the goods or the kind of file): the evidence list must state what each item proves "
        "({citation}). Give it a purpose of its own, saying what this item shows",
        exhibits=names,
        purpose=purpose,
        citation=cite("evidence-rules.19", part=True),
    )


# The names cameras, phones and chat apps give files: IMG_20261120_190512, DSC01234, PXL_20261120_190512345,
# VID_…, Screenshot_…, 微信图片_…, mmexport…, wx_camera_…, QQ截图…, 屏幕截图…
_CAMERA_NAME = re.compile(
    r"^(?:IMG|DSC[NF]?|DCIM|PXL|VID|MVIMG|PANO|MOV|Screenshot|Screen ?Shot|Screen_Recording|屏幕截图|截屏|"
    r"微信图片|微信截图|QQ截图|QQ图片|mmexport|wx_camera|video|photo|image)[\s_\-]*\d",
    re.IGNORECASE,
)


def title_is_file_name(title: str, original_name: str) -> bool:
    """Whether an exhibit's title is still a file name a camera, phone or chat app gave it (IMG_…, DSC…, PXL_…,
    VID_…, Screenshot_…, 微信图片_…, mmexport…), or the file's own name without its extension: no statement of
    what the item is (证据规定 art. 19)."""
    title = title.strip()
    if not title:
        return False
    stem = PurePath(original_name).stem.strip()
    bare = PurePath(title).stem if PurePath(title).suffix.lower() == PurePath(original_name).suffix.lower() else title
    # The file's own name kept as the title, where that name is a machine's (digits, no Chinese): 20261120_1905.
    machine_stem = bool(re.search(r"\d{6}", stem)) and not re.search(r"[\u4e00-\u9fff]", stem)
    return bool(_CAMERA_NAME.match(bare)) or (bare == stem and machine_stem)


def _problem(names: Message, problem: Message) -> Message:
    return Message("{exhibits}: {problem}", exhibits=names, problem=problem)


def _apart(names: Message, group: str) -> Message:
    return Message(
        "{exhibits}: in the evidence group “{group}” but not next to each other in the packet, so the evidence list "
        "will list the group in several places. Move the group's exhibits together in the evidence list",
        exhibits=names,
        group=group,
    )


def _groups(entries: list[ExhibitEntry], found: Findings) -> None:
    """证据组 (spec §1): a group's exhibits are listed together under its heading, and a list that groups
    some exhibits groups them all."""
    if not groups_in_order(entries, lambda entry: entry.group):
        return
    for group, items in split_groups(entries, lambda entry: entry.group).items():
        found.group(
            Level.WARNING,
            "group-apart",
            [(entry, "") for entry in items],
            partial(_apart, group=group),
            "group",
        )
    ungrouped = [(entry, "") for entry in entries if not entry.group]
    found.group(
        Level.WARNING,
        "ungrouped",
        ungrouped,
        lambda names: Message(
            "{exhibits}: in no evidence group while the other exhibits are grouped, so the evidence list will list "
            "them apart from the groups. Give them an evidence group",
            exhibits=names,
        ),
        "group",
    )


# --------------------------------------------------------------------------- who issues a walk-in receipt


def receipt_issuer(respondent: Party, organisation: Party) -> list[Finding]:
    """Warnings when the organisation in the settings, in whose name a walk-in receipt is issued (spec §7(e) 1),
    is not the business the customer complains about: a law firm's or a consumer association's name, or another
    business than the respondent; or none is named. The walk-in desk shows them before it prints; the build lists
    them (but for the missing name: a receipt may leave the store's details to fill by hand)."""
    found = Findings()
    name = organisation.name.strip()
    if not name:
        found.warn(
            "receipt-no-issuer",
            Message(
                "No organisation is named in the settings: the receipt leaves the store's name, address and phone "
                "blank, to fill by hand. Enter the store's details in Settings → General (Organisation name)"
            ),
            "settings.org_name",
        )
        return list(found)
    word = not_a_business(name)
    if word:
        found.warn(
            "receipt-issuer-not-a-business",
            Message(
                "The receipt is issued in the name of “{name}” (the organisation in the settings), a name with "
                "“{word}” in it: a law firm, consumer association, regulator or tribunal, not a business. A walk-in "
                "receipt is the store's acknowledgement that it received the customer's complaint, and tells the "
                "customer to ask the store. Issue it from the store's own CaseFile, or enter the store under "
                "Settings → General (Organisation name)",
                name=name,
                word=word,
            ),
            "settings.org_name",
        )
    if issued_by_respondent(organisation, respondent) is False:
        found.warn(
            "receipt-issuer-not-respondent",
            Message(
                "The receipt is issued in the name of “{name}” (the organisation in the settings), but the complaint "
                "is against “{respondent}”: the customer would take the receipt for the respondent's, and ask the "
                "wrong party. Issue it from the respondent's own CaseFile, or correct the respondent or the "
                "organisation in the settings",
                name=name,
                respondent=respondent.name.strip(),
            ),
            "respondent.name",
        )
    return list(found)


def _receipt_due(case: Case, now: datetime, found: Findings) -> None:
    """A receipt printed (reprinted) after the reply time it promises (承诺答复时间) has passed."""
    due = case.response_due_at
    if now <= due:
        return
    found.warn(
        "receipt-reply-time-passed",
        Message(
            "The reply time this receipt promises the customer, {due}, has passed: a receipt printed now promises "
            "a reply by a time already gone. Make sure the customer has had the store's reply, or tell them when "
            "they will",
            due=zone.show(due, offset=False),
        ),
        "priority",
    )


# --------------------------------------------------------------------------- the parties, claims and facts


def _complaint(case: Case, venue: Venue, found: Findings) -> None:
    """消协/12315 (投诉举报处理办法 art. 10, refused under art. 16 without it) and the walk-in receipt."""
    complainant, respondent = case.complainant, case.respondent
    if venue is Venue.RECEIPT:  # the store's own receipt: no rule of the 办法 applies to it
        if not complainant.name.strip():
            found.warn("no-complainant-name", Message("The customer's name is missing"), "complainant.name")
        if not complainant.phone.strip():
            found.warn("no-complainant-phone", Message("The customer's phone number is missing"), "complainant.phone")
        return
    art9 = cite("complaint-measures.materials")
    if not complainant.name.strip():
        found.warn(
            "no-complainant-name",
            Message("The complainant's name is missing ({citation})", citation=art9),
            "complainant.name",
        )
    if not complainant.phone.strip():
        found.warn(
            "no-complainant-phone",
            Message("The complainant's phone number is missing ({citation})", citation=art9),
            "complainant.phone",
        )
    if not complainant.address.strip():
        found.warn(
            "no-complainant-address",
            Message("The complainant's postal address is missing ({citation})", citation=art9),
            "complainant.address",
        )
    if not respondent.name.strip():
        found.error(
            "no-respondent",
            Message(
                "The respondent's name is missing: a complaint must give the respondent's name and address, and one "
                "without them is not accepted ({citation})",
                citation=law.cite_many(["complaint-measures.materials", "complaint-measures.not-accepted"], short=True),
            ),
            "respondent.name",
        )
    if not respondent.address.strip():
        found.warn(
            "no-respondent-address",
            Message("The respondent's address is missing ({citation})", citation=art9),
            "respondent.address",
        )
    if not case.demands:
        found.warn(
            "no-demands",
            Message("No demands filled in: a complaint must make specific demands ({citation})", citation=art9),
            "demands",
        )


def _application(case: Case, venue: Venue, found: Findings) -> None:
    """The court complaint (民事诉讼法 arts. 122, 124) and the arbitration application (仲裁法).

    A court does not take a complaint without a clear defendant, specific claims and the facts (art. 122):
    errors. The 仲裁法's conditions for applying (2025 art. 32: an agreement, specific claims, facts and reasons)
    do not name the respondent, so for arbitration the same gaps are warnings citing the application's contents
    (art. 34).
    """
    complainant, respondent = case.complainant, case.respondent
    court = venue is Venue.COURT
    if court:
        contents, required, basis = cite("civil-procedure.124"), Level.ERROR, cite("civil-procedure.122")
    else:
        contents = cite("arbitration.application-contents")
        required, basis = Level.WARNING, contents
    if not complainant.name.strip():
        message = (
            Message("The plaintiff's name is missing ({citation})", citation=contents)
            if court
            else Message("The applicant's name is missing ({citation})", citation=contents)
        )
        found.warn("no-complainant-name", message, "complainant.name")
    if not complainant.address.strip():
        message = (
            Message("The plaintiff's domicile is missing ({citation})", citation=contents)
            if court
            else Message("The applicant's domicile is missing ({citation})", citation=contents)
        )
        found.warn("no-complainant-address", message, "complainant.address")
    if not respondent.name.strip():
        message = (
            Message("The defendant's name is missing: a suit must have a clear defendant ({citation})", citation=basis)
            if court
            else Message("The respondent's name is missing ({citation})", citation=basis)
        )
        found.add(required, "no-respondent", message, "respondent.name")
    if not respondent.address.strip():
        message = (
            Message("The defendant's domicile is missing ({citation})", citation=contents)
            if court
            else Message("The respondent's domicile is missing ({citation})", citation=contents)
        )
        found.warn("no-respondent-address", message, "respondent.address")
    if not case.demands:
        message = (
            Message("No claims filled in: a suit must have specific claims ({citation})", citation=basis)
            if court
            else Message(
                "No claims filled in: an arbitration application must state its claims ({citation})", citation=basis
            )
        )
        found.add(required, "no-demands", message, "demands")
    if not case.facts.strip() and not case.timeline:
        message = (
            Message(
                "No facts and reasons, and no timeline: a suit must have facts and reasons ({citation})",
                citation=basis,
            )
            if court
            else Message("No facts and reasons, and no timeline ({citation})", citation=basis)
        )
        found.add(required, "no-facts", message, "facts")


def _arbitration_body(case: Case, found: Findings) -> None:
    """The institution the agreement chose (仲裁法 2025 art. 27 (三)): the cover, the application's 此致 and
    the power of attorney name it; without it they print a blank."""
    if case.filing is not None and case.filing.arbitration_body.strip():
        return
    found.warn(
        "no-arbitration-body",
        Message(
            "The arbitration institution is not filled in: the cover and the application's addressee will be a blank "
            "to fill by hand. Enter the institution the arbitration agreement chose ({citation}), by its full name as "
            "the agreement gives it, whether an arbitration commission or an arbitration court ({names}): casefile "
            "edit {number} --arbitration-body NAME",
            citation=cite("arbitration.agreement-contents"),
            names=cite("arbitration.institutions"),
            number=case.number,
        ),
        "filing.arbitration_body",
    )


def _phone_fault_time(case: Case, found: Findings) -> None:
    """A mobile phone with a quality problem: its 三包 rule (国家规定, which 消法 art. 24 puts first) counts from
    the sale to the fault, so the packets apply it only when both days are entered and the fault is not before
    the sale. Goods the product's name does not tell (a maker's name alone) are asked about."""
    if case.type is not CaseType.QUALITY:
        return
    txn = case.transaction
    status = phone_status(case)
    citations = law.cite_many(["phone-3bao.11", "phone-3bao.12"], short=True)
    if status is None:
        found.warn(
            "phone-unknown",
            Message(
                "Are the goods (“{goods}”) a mobile phone? The product's name does not say: a phone's fault within "
                "15 days of the sale falls under the mobile phone repair, exchange and return rule ({citations}). "
                "Say so: casefile edit {number} --is-phone yes (or no)",
                goods=" ".join(t for t in (txn.product.strip(), txn.brand_model.strip()) if t),
                citations=citations,
                number=case.number,
            ),
            "transaction.is_phone",
        )
        return
    if status is False:
        return
    if txn.fault_at is None:
        found.warn(
            "no-phone-fault-time",
            Message(
                "The goods are a mobile phone, but the time the fault first appeared is not filled in: under the "
                "mobile phone repair, exchange and return rule a performance fault within 7 days of the sale allows a "
                "return, exchange or repair, and from day 8 to day 15 an exchange or repair ({citations}); the packet "
                "cites the rule only when it can count the days: casefile edit {number} --fault-at TIME",
                citations=citations,
                number=case.number,
            ),
            "transaction.fault_at",
        )
    elif txn.purchased_at is None:
        found.warn(
            "phone-fault-no-sale-time",
            Message(
                "The goods are a mobile phone and the fault's time is filled in, but the purchase time is not: the "
                "mobile phone repair, exchange and return rule counts its 7 and 15 days from the day of sale "
                "({citations}), so the packet does not cite it: casefile edit {number} --purchased-at TIME",
                citations=citations,
                number=case.number,
            ),
            "transaction.purchased_at",
        )
    elif phone_day(txn.fault_at) < phone_day(txn.purchased_at):
        found.warn(
            "phone-fault-before-sale",
            Message(
                "The fault's time ({fault}) is before the purchase ({sold}): the mobile phone repair, exchange and "
                "return rule counts from the day of sale ({citations}), so the packet does not cite it. Correct one "
                "of them: casefile edit {number} --fault-at TIME (or --purchased-at TIME)",
                fault=day_message(phone_day(txn.fault_at)),
                sold=day_message(phone_day(txn.purchased_at)),
                citations=citations,
                number=case.number,
            ),
            "transaction.fault_at",
        )


def _identity_papers(case: Case, venue: Venue, found: Findings) -> None:
    """身份证明 (spec §7(b) 4, §7(c) 3): the case holds no identity papers, so the packet's identity page only
    lists what to attach. Said before the build, so the page is not filed as it is, until the user says the
    papers are ready (Filing.identity_papers)."""
    if case.filing is not None and case.filing.identity_papers:
        return
    court = venue is Venue.COURT
    papers: list[Message] = (
        [
            Message("the plaintiff's identity document"),
            Message("the defendant's business registration record (for a person, the identity details)"),
        ]
        if court
        else [
            Message("the applicant's identity document"),
            Message("the respondent's proof of legal status (its business registration record)"),
        ]
    )
    agent = case.agent
    if agent is not None and not agent.is_empty():
        papers.append(
            Message(
                "the original power of attorney ({citation})",
                citation=cite("civil-procedure.62" if court else "arbitration.agent"),
            )
        )
        papers.append(Message("the agent's identity document"))
        if agent.is_lawyer():
            papers.append(Message("the law firm's letter"))
            papers.append(Message("a copy of the lawyer's practising certificate"))
    found.warn(
        "identity-page-placeholder",
        Message(
            "The case holds no identity papers: the packet's identity page only lists what to attach: "
            "{papers}. Scan or photograph them and put them in place of that page, or after it, before filing; "
            "once they are ready: casefile edit {number} --identity-papers yes",
            papers=listed(papers),
            number=case.number,
        ),
        "filing.identity_papers",
    )


def _courier_claim(case: Case, entries: list[ExhibitEntry], organisation: Party, found: Findings) -> None:
    """The claim to the carrier: the merchant claims (shipment.claimant, else the organisation in Settings)."""
    shipment = case.shipment
    kinds = {entry.exhibit.kind for entry in entries}
    claimant, carrier, _customer = claim_parties(case, organisation)
    if not claimant.name.strip():
        found.error(
            "no-claimant",
            Message(
                "The claimant is missing: a courier claim is made by the merchant (usually the sender). Fill in the "
                "case's claimant, or your organisation's name in the settings"
            ),
            "shipment.claimant.name",
        )
    if not shipment.waybill_no.strip():
        found.error(
            "no-waybill",
            Message("The waybill number is missing: the carrier finds the parcel and takes the claim by it"),
            "shipment.waybill_no",
        )
    if not carrier.name.strip():
        found.warn(
            "no-carrier",
            Message(
                "The courier company (the party claimed against) is missing: the claim can go to the company the "
                "waybill belongs to or the one that actually delivered ({citation})",
                citation=cite("express-regulation.claim-against-brand", part=True),
            ),
            "shipment.carrier",
        )
    compensation = cite("express-regulation.compensation")
    if EvidenceKind.RECEIPT not in kinds and case.transaction.amount is None:
        found.warn(
            "no-value-proof",
            Message(
                "No proof of the goods' value (invoice, order or payment record): an insured parcel is compensated "
                "under the insurance rules agreed with the courier, usually the actual loss up to the insured value, "
                "which the goods' value proves ({citation})",
                citation=compensation,
            )
            if shipment.insured
            else Message(
                "No proof of the goods' value (invoice, order or payment record): an uninsured parcel is compensated "
                "under civil law, which needs the actual loss proved ({citation})",
                citation=compensation,
            ),
            "transaction.amount",
        )
    elif EvidenceKind.RECEIPT not in kinds:
        found.warn(
            "no-value-proof",
            Message("No receipt among the evidence (invoice, order or payment record) proves the goods' value"),
            "exhibits",
        )
    if shipment.insured is None:
        found.warn(
            "insurance-unknown",
            Message(
                "Whether the parcel was insured is not filled in: insured and uninsured parcels are compensated under "
                "different rules ({citation}); the claim letter leaves the insurance and the amount claimed blank",
                citation=compensation,
            ),
            "shipment.insured",
        )
    elif shipment.insured and shipment.insured_value is None:
        found.warn(
            "no-insured-value",
            Message(
                "Insured, but the insured value is not filled in: an insured parcel is compensated by the insurance "
                "rules ({citation})",
                citation=compensation,
            ),
            "shipment.insured_value",
        )
    if EvidenceKind.VIDEO not in kinds:
        found.warn(
            "no-unboxing-video",
            Message(
                "No unboxing video (from the waybill and the six sides of the package to the opening, the contents "
                "and the damage, in one uncut take)"
            ),
            "exhibits",
        )
    if EvidenceKind.PHOTO not in kinds:
        found.warn(
            "no-package-photos",
            Message("No photos of the package (every side, with the waybill number visible)"),
            "exhibits",
        )
    if shipment.signed_at and shipment.discovered_at:
        hours = (shipment.discovered_at - shipment.signed_at).total_seconds() / 3600
        if hours > 48:
            found.warn(
                "late-discovery",
                Message(
                    "The problem was found {hours} hours after signing for the parcel: carriers often ask for it "
                    "within 24–48 hours (not a time limit set by law); no objection within a reasonable time is prima "
                    "facie evidence of delivery as the waybill records ({citation})",
                    hours=f"{hours:.0f}",
                    citation=cite("civil-code.831"),
                ),
                "shipment.discovered_at",
            )


def _carrier_complaint(case: Case, found: Findings, now: datetime | None = None) -> None:
    """An appeal to the postal administration (12305) is taken once the carrier was complained to and did not
    answer in 7 days or answered unsatisfactorily (spec §4.2; 快递暂行条例 art. 29, 邮政法 art. 65, 快递市场管理
    办法 art. 30): without a complaint to the carrier recorded, the appeal says so instead of claiming one.

    With a complaint recorded and no answer of the carrier's (``carrier_reply``, the one rule the reply clock and
    the appeal read), the appeal is not admissible before the ``courier.reply`` clock has run out: an error saying
    the day it can be made. An event after the complaint that says with no one but names the carrier, 快递 or 客服
    (``maybe_carrier_reply``) is named as perhaps the answer, to be said to be with the courier; once the clock
    has run out the appeal declares no answer came, so such an event is still pointed out (a warning)."""
    from casefile.core.record.timeline import carrier_reply
    from casefile.core.workflow.clocks import compute

    complaints = lodged(case, "courier")
    if not complaints:
        found.warn(
            "no-carrier-complaint",
            Message(
                "No complaint to the courier company is recorded: an appeal to the postal administration (12305) is "
                "taken after complaining to the company, when it did not answer within 7 days or its answer did not "
                "satisfy ({citation}); the appeal will say that no complaint is recorded. Record the complaint with "
                "its date and ticket number: casefile event {number} --kind complaint --with courier --at TIME "
                "--ref TICKET",
                citation=_appeal_articles(),
                number=case.number,
            ),
            "timeline",
        )
        return
    complaint = complaints[0]
    if carrier_reply(case, complaint) is not None:
        return
    lodged_at = (
        complaint.at if complaint.at.tzinfo is not None else complaint.at.replace(tzinfo=case.complained_at.tzinfo)
    )
    deadline = compute("courier.reply", lodged_at)
    perhaps = _perhaps_replies(case, lodged_at)
    if deadline.overdue(now or zone.now()):
        if perhaps:
            found.warn(
                "carrier-reply-unsaid",
                Message(
                    "No answer of the courier company's to the complaint of {complained} is recorded: the appeal "
                    "will say the company did not answer within 7 days. {perhaps}",
                    complained=day_message(lodged_at.astimezone(zone.BEIJING).date()),
                    perhaps=perhaps,
                ),
                "timeline",
            )
        return
    found.error(
        "appeal-too-early",
        Message(
            "The courier company has until {last_day} to answer the complaint of {complained}, and no answer of its "
            "is recorded: an appeal to the postal administration (12305) is taken when the company did not answer "
            "within 7 days or its answer did not satisfy ({citation}), so it can be made from {first_day}. If the "
            "company has answered, record its answer in the timeline, with the courier company as who it was "
            "with: the appeal quotes it{perhaps}",
            last_day=day_message(deadline.last_day),
            complained=day_message(lodged_at.astimezone(zone.BEIJING).date()),
            citation=_appeal_articles(),
            first_day=day_message(deadline.due.astimezone(zone.BEIJING).date()),
            perhaps=Message(". {events}", events=perhaps) if perhaps else "",
        ),
        "timeline",
    )


def _appeal_articles() -> str:
    """The articles an appeal to 12305 follows the carrier's answer (or its silence) under."""
    return "；".join(
        (cite("express-regulation.complaint-7-days"), cite("postal-law.65"), cite("express-market-measures.30"))
    )


def _perhaps_replies(case: Case, after: datetime) -> Message | None:
    """Timeline events after the complaint that may be the carrier's answer (``maybe_carrier_reply``), named by
    their number, time and words, and how to say they were with the courier; None when there are none."""
    from casefile.core.record.timeline import maybe_carrier_reply

    events = maybe_carrier_reply(case, after)
    if not events:
        return None
    names = listed(
        [
            Message(
                "event {n} ({at}: {summary})",
                n=n,
                at=day_message(zone.shown(e.at).date()) if e.date_only else zone.show(e.at, offset=False),
                summary=e.summary.strip(),
            )
            for n, e in events
        ]
    )
    if len(events) == 1:
        return Message(
            "Timeline {events} says nobody as who it was with and is perhaps the courier's reply: set who it was "
            "with to the courier company (in the timeline, Correct…; or casefile event {number} --edit {n} --with "
            "courier)",
            events=names,
            number=case.number,
            n=events[0][0],
        )
    return Message(
        "Timeline {events} say nobody as who they were with and are perhaps the courier's reply: set who each was "
        "with to the courier company (in the timeline, Correct…; or casefile event {number} --edit N --with courier, "
        "N being {numbers})",
        events=names,
        number=case.number,
        numbers=", ".join(str(n) for n, _e in events),
    )


# --------------------------------------------------------------------------- proceedings and money the record holds


def _proceedings_named(held: Sequence[Proceeding]) -> Message:
    """The proceedings as a finding names them: the body, its number and where it stands, in the record's words
    (杭州市余杭区消费者权益保护委员会 (YH-2026-1123): 调解不成)."""
    named: list[Message] = []
    for q in held:
        body = q.body.strip() or PROCEEDING_BODIES[q.venue]
        if q.ref.strip():
            body = f"{body}（{q.ref.strip()}）"
        state = RESULT_WORDS.get(q.result, "受理，尚在处理中" if q.accepted_at else "尚在处理中")
        named.append(Message("{body}: {state}", body=body, state=state))
    return listed(named)


def _before_other_bodies(case: Case, route: Route | None, found: Findings) -> None:
    """A dispute the record shows before another body (a court, an arbitration institution, an agency, a 消协): the
    letter's declaration states it (consumer.py), and the destination may refuse it — 12315 by law (投诉举报处理办法
    art. 16 (二)), a 消协 by its practice. The destination's own proceeding still pending is this complaint."""
    regulator = route is Route.MARKET_REGULATOR
    held = before_other_bodies(case, complaint_venue(route))
    if not held:
        return
    if regulator:
        message = Message(
            "The record shows the dispute taken to {proceedings}: the complaint's declaration says so instead of "
            "denying it. A market regulator does not accept a complaint about a dispute that a court, an arbitration "
            "institution, a market regulator or other administrative agency, or a consumer association has already "
            "accepted or handled ({citation}): check that this complaint can still be made before filing it",
            proceedings=_proceedings_named(held),
            citation=cite("complaint-measures.not-accepted"),
        )
    else:
        message = Message(
            "The record shows the dispute taken to {proceedings}: the complaint's declaration says so instead of "
            "denying it. Consumer associations usually do not accept a dispute that a court, an administrative "
            "agency or an arbitration institution has accepted or handled (their practice, not a rule of law): check "
            "with the association that this complaint can still be made",
            proceedings=_proceedings_named(held),
        )
    found.warn("before-other-body", message, "workflow.proceedings")


def _appealed_before(case: Case, found: Findings) -> None:
    """An appeal to 12305 whose matter the record shows already appealed to a postal administration (ended, or
    with a result: one still pending is this appeal) or before a court or an arbitration institution: the appeal's
    declaration states it, and the conditions of an appeal exclude it unless it has new content."""
    held = [
        q
        for q in before_other_bodies(case, ProceedingVenue.POSTAL_REGULATOR)
        if q.venue in (ProceedingVenue.POSTAL_REGULATOR, ProceedingVenue.COURT, ProceedingVenue.ARBITRATION)
    ]
    if not held:
        return
    found.warn(
        "appealed-before",
        Message(
            "The record shows the matter taken to {proceedings}: the appeal's declaration says so instead of denying "
            "it. An appeal is taken when the same matter was not appealed to a postal administration before (or has "
            "new content) and no court or arbitration institution has accepted or handled it ({citation}): check "
            "that this appeal can still be made, and say what is new",
            proceedings=_proceedings_named(held),
            citation=cite("postal-complaint-measures.9"),
        ),
        "workflow.proceedings",
    )


def _yuan(amount: Decimal) -> Message:
    return Message("{amount} yuan", amount=f"{amount:,.2f}")


def _paid_and_agreed(case: Case, found: Findings) -> None:
    """Money the record shows the respondent already paid, and an agreement or decision on what it owes: the
    claims ask what is left of the demands once the payments are taken off (claims.py), which is said with the
    figures; an agreement recorded is not what the claims ask, which is said too, with what is left of it."""
    paid = paid_to_us(case)
    cuts = deductions(case)
    taken = sum(cuts.values(), Decimal(0))
    if paid:
        found.warn(
            "paid-deducted",
            Message(
                "The record shows {paid} already paid to the complainant by the respondent: the claims ask only "
                "what is left, {taken} taken off the refund or compensation demanded{left}; check the sums before "
                "filing",
                paid=_yuan(paid),
                taken=_yuan(taken),
                left=Message(
                    " ({left} could not be taken off any refund or compensation demanded and is not deducted)",
                    left=_yuan(paid - taken),
                )
                if paid > taken
                else "",
            ),
            "demands",
        )
    outcome = case.workflow.outcome
    if outcome is None or outcome.kind not in (OutcomeKind.AGREEMENT, OutcomeKind.DECISION) or outcome.amount is None:
        return
    day = outcome.at.date()
    owed = Message(
        "{amount} ({summary}), of which {paid} is paid and {rest} is left",
        amount=_yuan(outcome.amount),
        summary=outcome.summary.strip() or "—",
        paid=_yuan(paid),
        rest=_yuan(max(outcome.amount - paid, Decimal(0))),
    )
    if outcome.kind is OutcomeKind.AGREEMENT:
        message = Message(
            "An agreement is recorded on {day}: {owed}. The claims ask for the demands less what was paid, not for "
            "the agreement: to hold the respondent to the agreement, change the demands to what is left of it "
            "(casefile edit {number} --demand …); otherwise be ready to say why the agreement does not settle the "
            "dispute (a consumer association usually ends a mediation the parties settled)",
            day=day_message(day),
            owed=owed,
            number=case.number,
        )
    else:
        message = Message(
            "A decision is recorded on {day}: {owed}. The claims ask for the demands less what was paid: a dispute "
            "already decided is not heard again; enforce the decision instead, or check the demands",
            day=day_message(day),
            owed=owed,
        )
    found.warn("outcome-not-claimed", message, "workflow.outcome")


def _carrier_paid(case: Case, found: Findings) -> None:
    """What the record shows the carrier already paid (a refunded freight): the loss table takes it off what the
    carrier owes in all, the loss or, insured, the insured value when that is lower (rules.loss_table), which is
    said with the figure."""
    paid = carrier_paid(case)
    if not paid:
        return
    found.warn(
        "carrier-paid-deducted",
        Message(
            "The record shows {paid} already paid by the courier company: the loss table takes it off what the "
            "carrier owes in all (the goods' value plus shipping fee, or the insured value when that is lower) and "
            "the claim asks for what is left; check the sums before filing",
            paid=_yuan(paid),
        ),
        "workflow.payments",
    )
