"""Contradictions a packet would carry to the other side: times and amounts in the case that cannot all be true.

- A photo or video of the goods taken before they were bought (or, for the customer's own packets, before
  they were received): a "收货后第3天" photo dated 2022 in a 2026 purchase is either another item or a
  wrong clock, and the business will say so.
- A recording whose transcript says it was made on another day than the file says.
- A timeline event citing an exhibit that cannot record it: a call on 26 November "见证据11" where 证据11 is a
  recording of 19 November. A recording or an e-mail is the dealing itself, so its day is the event's; a photo or
  screenshot may be made later than what it shows, never before.
- The return request the packet's seven-day argument rests on, with no exhibit cited for it.
- A transcript quoting times the recording does not reach: the transcript is wrong, and it is an error.
- A courier claim whose demand is not what its own loss table comes to; a refund asked above the price
  paid with no basis stated.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import partial

from casefile.core import zone
from casefile.core.bundle.context import (
    BundleContext,
    ExhibitEntry,
    Finding,
    Level,
    Organisation,
    Venue,
    cited_entry,
)
from casefile.core.bundle.findings import Findings, cite, exhibit_name
from casefile.core.errors import Message, listed
from casefile.core.model import Case, Demand, DemandType, EvidenceKind, Exhibit, TimelineEvent
from casefile.core.validate import clock, mark_seconds
from casefile.core.workflow.limitation import Source, date_contradictions, describe

# A photo taken in the shop before paying, a clock a few hours off, a time recorded without its zone.
SLACK = timedelta(days=1)
_PICTURES = (EvidenceKind.PHOTO, EvidenceKind.VIDEO)  # the goods as the customer had them
_MEDIA = (EvidenceKind.AUDIO, EvidenceKind.VIDEO)


def contradictions(case: Case, venue: Venue, entries: Sequence[ExhibitEntry]) -> list[Finding]:
    found = Findings()
    _pictures_before_the_goods(case, venue, entries, found)
    _recordings(case, entries, found)
    _events_and_their_exhibits(case, entries, found)
    _event_times(case, found)
    _impossible_dates(case, found)
    if venue is Venue.CONSUMER_ASSOCIATION:
        _return_request_unproven(case, venue, entries, found)
    if venue is Venue.COURIER_CLAIM:
        _claim_against_losses(case, venue, list(entries), found)
    elif venue is not Venue.RECEIPT:
        _refund_above_price(case, found)
    return list(found)


# --------------------------------------------------------------------------- times


def _pictures_before_the_goods(case: Case, venue: Venue, entries: Sequence[ExhibitEntry], found: Findings) -> None:
    purchased = case.transaction.purchased_at
    # Being added to the record; read it when it is there.
    received = case.transaction.received_at
    if not isinstance(received, datetime) or venue is Venue.COURIER_CLAIM:
        received = None  # a sender's own photos of the goods before shipping are what a courier claim wants
    before_purchase: list[tuple[ExhibitEntry, str]] = []
    before_receipt: list[tuple[ExhibitEntry, str]] = []
    for entry in entries:
        e = entry.exhibit
        if e.kind not in _PICTURES or e.captured_at is None:
            continue
        if purchased is not None and e.captured_at < purchased - SLACK:
            before_purchase.append((entry, _date(e.captured_at, case)))
        elif received is not None and e.captured_at < received - SLACK:
            before_receipt.append((entry, _date(e.captured_at, case)))
    if purchased is not None:
        found.group(
            Level.WARNING,
            "captured-before-purchase",
            before_purchase,
            partial(_before_purchase, date=_date(purchased, case)),
            "captured_at",
        )
    if received is not None:
        found.group(
            Level.WARNING,
            "captured-before-receipt",
            before_receipt,
            partial(_before_receipt, date=_date(received, case)),
            "captured_at",
        )


def _before_purchase(names: Message, date: Message) -> Message:
    return Message(
        "{exhibits}: made before the purchase ({date}): a photo or video cannot show goods not yet bought. Check "
        "that it shows the goods bought this time, and correct the exhibit's time or the time of purchase",
        exhibits=names,
        date=date,
    )


def _before_receipt(names: Message, date: Message) -> Message:
    return Message(
        "{exhibits}: made before the goods were received ({date}): check that it was taken after they were "
        "received, and correct the exhibit's time or the time of receipt",
        exhibits=names,
        date=date,
    )


def _recordings(case: Case, entries: Sequence[ExhibitEntry], found: Findings) -> None:
    other_day: list[tuple[ExhibitEntry, str]] = []
    too_late: list[tuple[ExhibitEntry, str]] = []
    for entry in entries:
        e = entry.exhibit
        transcript = e.transcript
        if e.kind not in _MEDIA or transcript is None:
            continue
        started = transcript.started_at
        # A file's modification time is often the day it was copied, not the day it was recorded.
        stated = e.captured_at if e.captured_at_source != "file-mtime" else None
        if started is not None and stated is not None and abs(started - stated) > SLACK:
            other_day.append(
                (
                    entry,
                    Message(
                        "the transcript says {transcript}, the file {file}",
                        transcript=_date(started, case),
                        file=_date(stated, case),
                    ),
                )
            )
        duration = e.metadata.duration
        if isinstance(duration, int | float) and not isinstance(duration, bool) and duration > 0:
            marks = [(line.at, seconds) for line in transcript.lines if (seconds := mark_seconds(line.at)) is not None]
            beyond = [mark for mark, seconds in marks if seconds > math.ceil(duration)]
            if beyond:
                too_late.append(
                    (
                        entry,
                        Message("time mark {mark}, recording {length} long", mark=beyond[-1], length=clock(duration)),
                    )
                )
    found.group(
        Level.WARNING,
        "transcript-date-disagrees",
        other_day,
        lambda names: Message(
            "{exhibits}: the time of recording the transcript gives and the time the recording file records are more "
            "than a day apart; check them and correct one",
            exhibits=names,
        ),
        "transcript.started_at",
    )
    found.group(
        Level.ERROR,
        "transcript-beyond-recording",
        too_late,
        lambda names: Message(
            "{exhibits}: the transcript's time marks go beyond the recording's length, so the transcript does not "
            "match the recording; correct it against the recording",
            exhibits=names,
        ),
        "transcript",
    )


def exhibit_moment(e: Exhibit) -> tuple[datetime, bool] | None:
    """When an exhibit was made, as far as the record says, and whether that moment is the dealing itself.

    A recording's start (its transcript's, else the time the file records) and an e-mail's Date are the
    conversation or the message itself (True). A photo's or screenshot's capture time (from the file's metadata,
    its name or the user, never the file's modification time, often the day it was copied) only says it was made
    then, perhaps days after what it shows (False). None when the record holds no such time (a chat export's own
    times are inside the file)."""
    stated = e.captured_at if e.captured_at_source != "file-mtime" else None
    if e.kind in _MEDIA:
        started = e.transcript.started_at if e.transcript is not None else None
        at = started or stated
        return (at, True) if at is not None else None
    mail = e.metadata.email
    if mail is not None and mail.date.strip():
        from email.utils import parsedate_to_datetime  # only for a case with e-mail (a bundle loads no mail parser)

        try:
            sent = parsedate_to_datetime(mail.date.strip())
        except (TypeError, ValueError, IndexError):
            sent = None
        if sent is not None and sent.tzinfo is not None:
            return sent, True
        if sent is not None and stated is not None and e.captured_at_source in ("container", "user"):
            # A Date without a zone: the message all the same, at the sender's clock's reading as it was kept (or
            # as the user corrected it), compared as a camera's time without a zone is (:func:`zoneless`).
            return stated, True
    return (stated, False) if stated is not None else None


def mail_without_zone(e: Exhibit) -> bool:
    """Whether an e-mail's Date header states no zone (Fri, 20 Nov 2026 10:00:00, or -0000): the time it was sent is
    then read as the office's, which it may not be. Marked so when the mail was added (``time_without_offset``, as a
    camera's time without an offset is); a mail added before CaseFile marked it is told by its Date header."""
    mail = e.metadata.email
    if mail is None:
        return False
    if e.metadata.time_without_offset and e.captured_at_source == "container":
        return True
    if not mail.date.strip():
        return False
    from email.utils import parsedate_to_datetime  # only for a case with e-mail

    try:
        return parsedate_to_datetime(mail.date.strip()).tzinfo is None
    except (TypeError, ValueError, IndexError):
        return False


def zoneless(e: Exhibit) -> bool:
    """Whether the exhibit's time is a clock's reading with no zone recorded (a camera's, a file name's, an e-mail's
    Date without offset): taken as Beijing time, it may be hours off."""
    if e.captured_at_source in ("exif", "file-name"):
        return e.captured_at_source == "file-name" or e.metadata.time_without_offset
    return e.captured_at_source == "container" and mail_without_zone(e)


# A zone-less time this close to midnight may be of the day before or after (a phone abroad, a camera on UTC).
_NEAR_MIDNIGHT = timedelta(hours=3)


def _near_midnight(value: datetime) -> bool:
    local = _day(value)
    since = timedelta(hours=local.hour, minutes=local.minute, seconds=local.second)
    return since < _NEAR_MIDNIGHT or timedelta(days=1) - since <= _NEAR_MIDNIGHT


def _day(value: datetime) -> datetime:
    return zone.shown(value) if value.tzinfo is not None else value


def _events_and_their_exhibits(case: Case, entries: Sequence[ExhibitEntry], found: Findings) -> None:
    """An event citing (见证据N) an exhibit made on another day: a recording or e-mail of another day is another
    dealing; a photo or screenshot made before the event's day cannot show it. The user fixes the link (or a
    time), so the finding points at the event. A citation is checked against the version the packet prints for it,
    as its （见证据N） names it: the redacted copy printed in place of the original cited, or the original of a
    copy cited (:func:`~casefile.core.bundle.context.cited_entry`)."""
    for index, event in enumerate(case.timeline):
        versions = (cited_entry(case, entries, n) for n in dict.fromkeys(event.evidence))
        cited = list({id(entry): entry for entry in versions if entry is not None}.values())
        other: list[tuple[ExhibitEntry, Message]] = []
        unsure: list[tuple[ExhibitEntry, Message]] = []
        for entry in cited:
            moment = exhibit_moment(entry.exhibit)
            if moment is None:
                continue
            at, itself = moment
            day, made = _day(event.at).date(), _day(at).date()
            if made == day or (not itself and made > day):
                continue
            # A clock's time with no zone, near midnight, a day off: perhaps the same day in another zone.
            maybe = abs((made - day).days) == 1 and zoneless(entry.exhibit) and _near_midnight(at)
            (unsure if maybe else other).append((entry, _date(at, case)))
        if unsure:
            found.warn(
                "event-exhibit-day-unsure",
                Message(
                    "The timeline event of {date} “{summary}” cites {exhibits}: was it made on the event's day? Its "
                    "time records no time zone and is close to midnight, so it may be the same day where the device "
                    "was. If it is not, link the event to the exhibit that records it, or correct the event's time or "
                    "the exhibit's",
                    date=_date(event.at, case),
                    summary=_summary(event),
                    exhibits=_made_on(unsure),
                ),
                f"timeline.{index}.evidence",
            )
        if not other:
            continue
        names = _made_on(other)
        found.warn(
            "event-exhibit-other-day",
            Message(
                "The timeline event of {date} “{summary}” cites {exhibits}: not the same day, so the exhibit does "
                "not record this event and the packet's “see exhibit” points the reader to something else. In the "
                "timeline, link the event to the exhibit that records it (or to none), or correct the event's time "
                "or the exhibit's",
                date=_date(event.at, case),
                summary=_summary(event),
                exhibits=names,
            ),
            f"timeline.{index}.evidence",
        )


def _made_on(items: list[tuple[ExhibitEntry, Message]]) -> Message:
    return listed(
        [exhibit_name(entry.label, entry.exhibit.number, Message("made on {date}", date=d)) for entry, d in items]
    )


# Before this, an event's time is a slip (1970-01-01 is a clock never set), not a consumer dispute's fact.
_EVENTS_FROM = 2000


def _event_times(case: Case, found: Findings) -> None:
    """A timeline event dated before 2000 or after today: a typing slip or a clock's default, printed as a fact."""
    today = zone.now().date()
    for index, event in enumerate(case.timeline):
        day = _day(event.at).date()
        if day.year >= _EVENTS_FROM and day <= today:
            continue
        said = {"summary": _summary(event), "date": _date(event.at, case), "number": case.number, "n": index + 1}
        found.warn(
            "event-time-implausible",
            Message(
                "The timeline event “{summary}” is dated {date}, before 2000: check its time (casefile event {number} "
                "--edit {n} --at TIME)",
                **said,
            )
            if day.year < _EVENTS_FROM
            else Message(
                "The timeline event “{summary}” is dated {date}, after today: check its time (casefile event "
                "{number} --edit {n} --at TIME)",
                **said,
            ),
            f"timeline.{index}.at",
        )


_FIELDS = {
    Source.COMPLAINT: "complained_at",
    Source.RECEIPT: "transaction.received_at",
    Source.FAULT: "transaction.fault_at",
    Source.SHIPPED: "shipment.shipped_at",
    Source.SIGNED: "shipment.signed_at",
    Source.EXCEPTION: "shipment.exception_at",
    Source.DISCOVERED: "shipment.discovered_at",
}


def _impossible_dates(case: Case, found: Findings) -> None:
    """Days that cannot all be true (casefile.core.workflow.limitation): goods received or failing before they
    were bought, a parcel signed for before it was shipped, a note years before everything else. The packet would
    print both dates side by side, and its limitation note counts from the earlier."""
    for item in date_contradictions(case):
        if item.event is not None:
            index = case.timeline.index(item.event)
            found.warn(
                "dates-contradict",
                Message(
                    "The record's dates contradict: {contradiction}: is its year mistyped? The limitation period would "
                    "count from it; check its time "
                    "(casefile event {number} --edit {n} --at TIME)",
                    contradiction=describe(item),
                    number=case.number,
                    n=index + 1,
                ),
                f"timeline.{index}.at",
            )
        else:
            found.warn(
                "dates-contradict",
                Message(
                    "The record's dates contradict: {contradiction}: one of these dates is wrong, and the packet would "
                    "print both; correct it "
                    "(casefile edit {number})",
                    contradiction=describe(item),
                    number=case.number,
                ),
                _FIELDS.get(item.source, ""),
            )


def _return_request_unproven(case: Case, venue: Venue, entries: Sequence[ExhibitEntry], found: Findings) -> None:
    """The complaint answers the business's "已超过七天" with the day the return was asked for (消法 art. 25); when
    that request cites no exhibit, the packet's answer rests on the complainant's word alone. Only this event: the
    other events without an exhibit are the complainant's account, as a complaint may give it."""
    from casefile.core.bundle.documents.rules import return_window_of  # as printed
    from casefile.core.workflow.due import seven_day_return_applies  # as the clock runs

    if not seven_day_return_applies(case):
        return
    window = return_window_of(case)
    first = window.first_request
    if not window.claim_false or first is None or first is window.claim:
        return  # the refusal dates the request itself, and cites its own exhibit
    in_packet = {entry.exhibit.number for entry in entries}
    if any(n in in_packet for n in first.evidence):
        return
    index = next(i for i, e in enumerate(case.timeline) if e is first)
    found.warn(
        "return-request-without-exhibit",
        Message(
            "The complaint answers the business's “more than seven days” with the return asked for on {date} "
            "(“{summary}”), but that event cites no exhibit, so the answer rests on the complainant's word alone. If "
            "there is a record of the request (the platform's refund or return request page, a chat), add it and link "
            "it to the event in the timeline",
            date=_date(first.at, case),
            summary=_summary(first),
        ),
        f"timeline.{index}.evidence",
    )


def _summary(event: TimelineEvent) -> str:
    text = " ".join(event.summary.split())
    return text if len(text) <= 30 else text[:29] + "…"


def _date(value: datetime, case: Case) -> Message:
    """2026年1月5日 (5 January 2026), in the zone times are shown in (casefile.core.zone)."""
    return day_message(zone.shown(value) if value.tzinfo is not None else value)


def day_message(day: date) -> Message:
    """A day as findings name it: 2026年1月5日 (5 January 2026)."""
    return Message("{year}-{month:02d}-{day:02d}", year=day.year, month=day.month, day=day.day)


# --------------------------------------------------------------------------- amounts


def _money(amount: Decimal) -> Message:
    return Message("{amount} yuan", amount=f"{amount:,.2f}")


def _money_claimed(demands: Sequence[Demand]) -> Decimal | None:
    """What the demands ask in money, when every money demand has its amount (as the packets add it up)."""
    money = [d for d in demands if d.type in (DemandType.REFUND, DemandType.COMPENSATION) or d.amount is not None]
    if not money or any(d.amount is None for d in money):
        return None
    return sum((d.amount for d in money if d.amount is not None), Decimal(0))


def _claim_against_losses(case: Case, venue: Venue, entries: list[ExhibitEntry], found: Findings) -> None:
    """The claim letter asks what its loss table comes to; demands recorded otherwise contradict it."""
    from casefile.core.bundle.documents import loss_table  # the packet's own calculation, as printed

    claimed = _money_claimed(case.demands)
    if claimed is None:
        return
    ctx = BundleContext(
        case=case,
        venue=venue,
        entries=entries,
        org=Organisation(),
        operator="",
        generated_at=case.complained_at,
    )
    table = loss_table(ctx)
    if table.claim is None or table.claim == claimed:
        return
    why: Message | str = ""
    if table.capped and table.recovered:
        why = Message(
            " (insured: compensation is limited to the insured value, {citation}, and the {paid} the courier "
            "company already paid comes off it)",
            citation=cite("express-regulation.compensation"),
            paid=_money(table.recovered),
        )
    elif table.capped:
        why = Message(
            " (insured: compensation is limited to the insured value, {citation})",
            citation=cite("express-regulation.compensation"),
        )
    elif table.recovered:
        why = Message(" (the {paid} the courier company already paid comes off it)", paid=_money(table.recovered))
    found.warn(
        "demand-differs-from-loss-table",
        Message(
            "The demands add up to {claimed}, not the {table} the loss table claims{why}: the claim letter states "
            "{table} from the loss table; check the amounts demanded, the goods' value, the shipping fee and the "
            "insured value",
            claimed=_money(claimed),
            table=_money(table.claim),
            why=why,
        ),
        "demands",
    )


def _refund_above_price(case: Case, found: Findings) -> None:
    paid = case.transaction.amount
    refunds = [(i, d) for i, d in enumerate(case.demands) if d.type is DemandType.REFUND and d.amount is not None]
    if paid is None or not refunds:
        return
    total = sum((d.amount for _i, d in refunds if d.amount is not None), Decimal(0))
    # A refund above the price with its basis stated is the user's call.
    if total <= paid or any(_stated(d.basis) for _i, d in refunds):
        return
    found.warn(
        "refund-above-price",
        Message(
            "The refunds asked add up to {total}, more than the {paid} paid, with no basis stated: a refund is "
            "limited to the price actually paid; if the rest is compensation (such as the additional compensation "
            "of {citation}), list it as a compensation demand and state its basis",
            total=_money(total),
            paid=_money(paid),
            citation=cite("consumer-protection.55"),
        ),
        f"demands.{refunds[0][0]}.amount",
    )


def _stated(value: str) -> bool:
    """Whether a demand's basis says anything."""
    return bool(value.strip())
