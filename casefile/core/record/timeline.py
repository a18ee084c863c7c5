"""Reading the timeline for what documents must state: complaints and claims lodged, and with whom.

A complaint or claim made to someone (投诉/索赔) is a timeline event of kind ``complaint``; its
``party`` says who it was made to (the carrier, the business, an agency…) and ``ref`` the number
they gave it (工单号, 投诉编号, 受理号). A courier claim's 7-day reply runs from the claim made to the
carrier; a 12305 appeal names the date and 工单号 of the complaint to the carrier. The carrier's answer
(``carrier_reply``) is read by one rule for the clock and the appeal alike.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from casefile.core.model import EVENT_PARTIES, Case, CaseType, EventKind, ResponsibleParty, TimelineEvent
from casefile.core.workflow.records import Proposal

# How each kind of event is named where the record is printed or searched; notes and other events carry no label
# (a "（其他）" before a fact tells the reader nothing).
EVENT_NAMES = {
    EventKind.CALL: "电话",
    EventKind.CHAT: "在线沟通",
    EventKind.VISIT: "当面",
    EventKind.EMAIL: "电子邮件",
    EventKind.PROPOSAL: "处理方案",
    EventKind.CONFIRMATION: "确认",
    EventKind.COMPLAINT: "投诉/索赔",
}
# Who an event was with (TimelineEvent.party), as a document names them and search shows them.
PARTY_NAMES = {
    "respondent": "经营者",
    "courier": "快递企业",
    "complainant": "消费者",
    "consumer-association": "消费者协会",
    "regulator": "市场监督管理部门",
    "postal-regulator": "邮政管理部门",
    "court": "人民法院",
    "arbitration": "仲裁机构",
}


def lodged(case: Case, party: str) -> list[TimelineEvent]:
    """The complaints and claims made to ``party`` (one of EVENT_PARTIES), oldest first."""
    if party not in EVENT_PARTIES:
        raise ValueError(f"unknown party {party!r}; use one of {', '.join(EVENT_PARTIES)}")
    events = [e for e in case.timeline if e.kind is EventKind.COMPLAINT and e.party == party]
    return sorted(events, key=lambda e: e.at)


def numbers(case: Case) -> list[str]:
    """Every number the record holds that a body or a business gave the dispute (工单号, 投诉编号, 受理号, 案号):
    the proceedings' and the timeline events' (对方编号), each once, in the record's order. Someone calling quotes
    one of them: the case list finds a case by any."""
    found = [p.ref.strip() for p in case.workflow.proceedings] + [e.ref.strip() for e in case.timeline]
    return [n for n in dict.fromkeys(found) if n]


_COMPANY_SUFFIX = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|集团公司|集团|公司)$")


def carrier_names(case: Case) -> list[str]:
    """How the record names the carrier: the waybill's carrier, the courier party and its name without the
    company form (某某速运有限公司 → 某某速运); names of fewer than two characters are not used."""
    names = [case.shipment.carrier.strip()]
    if case.courier is not None:
        full = case.courier.name.strip()
        names += [full, _COMPANY_SUFFIX.sub("", full)]
    return [n for n in dict.fromkeys(names) if len(n) >= 2]


def with_carrier(case: Case, event: TimelineEvent) -> bool:
    """Was ``event`` with the carrier? Said so (party courier), or, with no one said, its people name the carrier
    (某某速运理赔专员)."""
    if event.party == "courier":
        return True
    if event.party:
        return False
    return any(name in event.people for name in carrier_names(case))


def case_time(value: datetime, case: Case) -> datetime:
    """A time comparable with the others: one recorded without a zone is in the case's (its complaint time's)."""
    return value if value.tzinfo is not None else value.replace(tzinfo=case.complained_at.tzinfo)


def carrier_reply(case: Case, complaint: TimelineEvent) -> TimelineEvent | Proposal | None:
    """The carrier's first answer to ``complaint`` (a complaint lodged with it): the first dealing with the carrier
    after it that is not another complaint (``with_carrier``: said to be with the courier, or with no one said and
    people naming the carrier), or a proposal the carrier made in negotiation, whichever came first. None while
    none is recorded: nothing is assumed.

    The one rule both the ``courier.reply`` clock (casefile.core.workflow.due) and the 12305 appeal's 企业答复
    read, so that reminders never call overdue an answer the appeal prints."""
    start = case_time(complaint.at, case)
    events = [
        e
        for e in case.timeline
        if e is not complaint
        and e.kind is not EventKind.COMPLAINT
        and case_time(e.at, case) > start
        and with_carrier(case, e)
    ]
    proposals = [p for p in case.workflow.proposals if p.by == "courier" and case_time(p.at, case) > start]
    found: list[TimelineEvent | Proposal] = [*events, *proposals]
    return min(found, key=lambda r: case_time(r.at, case)) if found else None


# Kinds of event that are dealings with someone: who it was with matters (the 12305 appeal reads the carrier's
# answer from the events said to be with it). A note or "other" may be the user's own record.
CONTACT_KINDS = (
    EventKind.CALL,
    EventKind.CHAT,
    EventKind.VISIT,
    EventKind.EMAIL,
    EventKind.COMPLAINT,
    EventKind.PROPOSAL,
    EventKind.CONFIRMATION,
)

# Kinds of event in which the two sides deal with each other directly: talks, messages, visits, letters, a complaint
# or claim made to the business, a proposal, a confirmation — the contacts, when they were with the other side.
DEALING_KINDS = CONTACT_KINDS
# The business, as a summary or the people of an event name it when nobody said who the event was with.
_BUSINESS_WORDS = ("商家", "卖家", "店家", "经营者", "店铺")


def with_respondent(case: Case, event: TimelineEvent) -> bool:
    """Was ``event`` a dealing with the business complained about (a call, a chat, a visit, a letter, a complaint or
    a claim made to it, a proposal, a confirmation)? Said so (party respondent), or, with no one said, its words or
    people name the business (its name, its shop, 商家, 卖家…). A note or "other" is the user's own record."""
    if event.kind not in DEALING_KINDS:
        return False
    if event.party:
        return event.party == "respondent"
    names = [n for n in (case.respondent.name.strip(), case.respondent.store.strip()) if len(n) >= 2]
    names += [short for short in (_COMPANY_SUFFIX.sub("", n) for n in names) if len(short) >= 2]
    words = f"{event.summary} {event.people}"
    return any(word in words for word in (*names, *_BUSINESS_WORDS))


# Talking with the carrier, as a summary or an exhibit's title names it (快递客服答复…, 与快递客服聊天记录).
_CARRIER_WORDS = ("快递", "快运", "速运", "速递", "客服")


def suggested_party(case: Case, kind: EventKind) -> str:
    """Who a new event of ``kind`` was most likely with, for the entry to start from: the carrier, for a call, chat
    or e-mail in a logistics case whose responsible party is the courier (the merchant's own claim); otherwise ""
    (not said: nothing is guessed)."""
    if (
        case.type is CaseType.LOGISTICS
        and case.responsible_party is ResponsibleParty.COURIER
        and kind in (EventKind.CALL, EventKind.CHAT, EventKind.EMAIL)
    ):
        return "courier"
    return ""


def _names_carrier(case: Case, text: str) -> bool:
    return any(word in text for word in (*carrier_names(case), *_CARRIER_WORDS))


def maybe_carrier_reply(case: Case, after: datetime) -> list[tuple[int, TimelineEvent]]:
    """Events after ``after`` (the complaint lodged with the carrier) that may be the carrier's answer though
    nobody said so: no one is said to have taken part (``party`` empty, and not already read as the carrier's by
    ``with_carrier``), and their words name the carrier, 快递 or 客服, or they cite an exhibit whose title or
    source does (与快递客服聊天记录). Each with its number in the timeline (as ``casefile show`` numbers it, for
    ``casefile event --edit N``), in time order."""
    start = case_time(after, case)
    found: list[tuple[int, TimelineEvent]] = []
    for n, e in enumerate(case.timeline, 1):
        if e.party or e.kind is EventKind.COMPLAINT or case_time(e.at, case) <= start:
            continue
        if with_carrier(case, e):
            continue
        words = " ".join((e.summary, e.people, e.place, e.decision))
        cited = [case.exhibit(number) for number in e.evidence if case.has_exhibit(number)]
        if _names_carrier(case, words) or any(_names_carrier(case, f"{x.title} {x.source}") for x in cited):
            found.append((n, e))
    return sorted(found, key=lambda item: case_time(item[1].at, case))


def withdrawn_cited(case: Case, numbers: list[int]) -> list[int]:
    """The exhibits among ``numbers`` (an event's citations) that were withdrawn: no packet prints them, so a
    citation of one points at nothing (the packets leave it out; the app marks it)."""
    return [n for n in dict.fromkeys(numbers) if case.has_exhibit(n) and case.exhibit(n).withdrawn]


#: How much later than the time it names an entry must be made to count as entered later (both times shown): an
#: event or stage entered as it happened takes "now" a moment before its entry is written, and a minute may turn
#: in between.
ENTERED_LATER = timedelta(minutes=5)


def entered_later(happened: datetime | None, recorded: datetime | None) -> bool:
    """Whether what happened at ``happened`` was entered (``recorded``) later than as it happened, so that the
    lists show both times; not for times that cannot be compared (one without an offset)."""
    if happened is None or recorded is None or (happened.tzinfo is None) != (recorded.tzinfo is None):
        return False
    return recorded - happened >= ENTERED_LATER
