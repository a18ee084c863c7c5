"""The venue documents of a bundle (spec §7 (a)–(d)): the cover, the complaint, application
or statement of claim, the courier claim, and the notes that close each packet.

Everything is filled from the case record. What the record does not hold is never guessed:
it prints as a line of ＿ to be filled in by hand. Parties are always read through
``ctx.party(role)`` and people who are not parties through ``ctx.third_party_name``, so the
venue's masking rules (spec §6.3) apply to every line written here.
"""

from __future__ import annotations

from casefile.core.bundle.context import BundleContext, Route, Venue
from casefile.core.bundle.documents.arbitration import (
    _arbitration_application,
    _arbitration_notes,
    application_copies,
)
from casefile.core.bundle.documents.attorney import _power_of_attorney
from casefile.core.bundle.documents.common import Section, fmt_amount, fmt_date, fmt_time
from casefile.core.bundle.documents.consumer import _consumer_complaint, _consumer_notes
from casefile.core.bundle.documents.courier import _courier_claim, _courier_notes
from casefile.core.bundle.documents.court import _court_notes, _service_address_form, civil_complaint, complaint_copies
from casefile.core.bundle.documents.cover import _cover, filer, receiving_body
from casefile.core.bundle.documents.postal import _postal_appeal
from casefile.core.bundle.documents.rules import (
    LossTable,
    ReturnWindow,
    carrier_answer,
    carrier_complaint,
    case_cause,
    list_cause,
    loss_table,
    reply_deadline,
    return_window,
)
from casefile.core.bundle.parts import IDENTITY_SECTION, identity_flowables

__all__ = [
    "LossTable",
    "ReturnWindow",
    "carrier_answer",
    "carrier_complaint",
    "case_cause",
    "closing_matter",
    "filer",
    "fmt_amount",
    "fmt_date",
    "fmt_time",
    "front_matter",
    "list_cause",
    "loss_table",
    "receiving_body",
    "reply_deadline",
    "return_window",
]


def front_matter(ctx: BundleContext) -> list[Section]:
    """The sections before the evidence list, in order, for ``ctx.venue``.

    Each item is (bookmark title, flowables); the caller starts each section on a new page.
    """
    venue = ctx.venue
    if venue is Venue.CONSUMER_ASSOCIATION:
        return [("封面", _cover(ctx)), ("消费投诉书", _consumer_complaint(ctx)), *_power_of_attorney(ctx)]
    if venue is Venue.ARBITRATION:
        return [
            ("封面", _cover(ctx)),
            ("仲裁申请书", _arbitration_application(ctx)),
            *_power_of_attorney(ctx),
            (IDENTITY_SECTION, identity_flowables(ctx, "申请人")),
            *application_copies(ctx),
        ]
    if venue is Venue.COURT:
        return [
            ("封面", _cover(ctx)),
            ("民事起诉状", civil_complaint(ctx)),
            *_power_of_attorney(ctx),
            (IDENTITY_SECTION, identity_flowables(ctx, "原告")),
            ("送达地址确认书", _service_address_form(ctx)),
            *complaint_copies(ctx),
        ]
    if venue is Venue.COURIER_CLAIM and ctx.route is Route.POSTAL_REGULATOR:
        return [("封面", _cover(ctx)), ("邮政业用户申诉书", _postal_appeal(ctx))]
    if venue is Venue.COURIER_CLAIM:
        return [("封面", _cover(ctx)), ("快递理赔申请书", _courier_claim(ctx))]
    return []  # the receipt is a document of its own


def closing_matter(ctx: BundleContext) -> list[Section]:
    """The sections after the integrity annex: notes for the person filing the packet."""
    venue = ctx.venue
    if venue is Venue.CONSUMER_ASSOCIATION:
        return [("提交须知", _consumer_notes(ctx))]
    if venue is Venue.ARBITRATION:
        return [("提交须知", _arbitration_notes(ctx))]
    if venue is Venue.COURT:
        return [("立案提示", _court_notes(ctx))]
    if venue is Venue.COURIER_CLAIM:
        return [("申诉途径与期限", _courier_notes(ctx))]
    return []
