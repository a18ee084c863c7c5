"""The packet's cover: who files it, against whom, where, and what it holds.

One function per venue (and destination) gives the cover's rows; :func:`_cover` lays them out.
The receiving body is the one the user named for the case (``rules.filed_with``), else a blank line
(:func:`receiving_body`, also named on the evidence list: 接收机关, 受理机构 or 提交对象).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, TableStyle

from casefile.core.bundle.context import BundleContext, Route, Venue
from casefile.core.bundle.documents import rules
from casefile.core.bundle.documents.common import DATE_BLANK, _defendants, _role_names, courier_parties, fmt_date
from casefile.core.bundle.documents.consumer import consumer_body
from casefile.core.bundle.documents.layout import _Para, _st
from casefile.core.bundle.documents.rules import ARBITRATION_BODY_BLANK, case_cause, filed_with
from casefile.core.bundle.pdfkit import (
    BOTTOM,
    FONT,
    LONG_VALUE_NOTE,
    PAGE,
    SIHAO,
    TEXT_WIDTH,
    TOP,
    WUHAO,
    XIAOSI,
    FormTable,
    blank,
    esc,
)
from casefile.core.model import Party
from casefile.core.workflow.records import Venue as ProceedingVenue

Rows = list[tuple[str, str]]


def postal_body(ctx: BundleContext) -> str:
    """The postal administration a 12305 appeal goes to: the body of the appeal recorded as a proceeding before
    the postal regulator, else a blank line before 邮政管理局."""
    named = [p.body.strip() for p in ctx.case.workflow.proceedings_at(ProceedingVenue.POSTAL_REGULATOR)]
    named = [n for n in named if n]
    return named[-1] if named else "＿＿＿＿＿＿＿＿邮政管理局"


def receiving_body(ctx: BundleContext) -> str:
    """Who receives the packet, as its cover and its evidence list (接收机关, 受理机构, 提交对象) name them: the
    court, arbitration commission or consumer body the user named, the carrier a claim goes to, the postal
    administration of a 12305 appeal; a blank line (with the kind of body, where the venue says it) for what the
    case does not know."""
    venue = ctx.venue
    if venue is Venue.CONSUMER_ASSOCIATION:
        return consumer_body(ctx)
    if venue is Venue.ARBITRATION:
        return filed_with(ctx.case, "arbitration_body") or ARBITRATION_BODY_BLANK
    if venue is Venue.COURT:
        return filed_with(ctx.case, "court") or "＿＿＿＿＿＿＿＿人民法院"
    if venue is Venue.COURIER_CLAIM:
        if ctx.route is Route.POSTAL_REGULATOR:
            return postal_body(ctx)
        return courier_parties(ctx).carrier.name.strip()
    return ""


def filer(ctx: BundleContext) -> Party:
    """Who files the packet (the evidence list's and the identity page's 提交人): the claimant of a courier
    packet (the merchant: ``courier_parties``), the complainant everywhere else."""
    if ctx.venue is Venue.COURIER_CLAIM:
        return courier_parties(ctx).claimant
    return ctx.party("complainant")


def _consumer_cover_rows(ctx: BundleContext) -> Rows:
    """消协 or 12315: the complainant, the respondent and the body it goes to."""
    return [
        ("投诉人", ctx.party("complainant").name),
        ("被投诉人", ctx.party("respondent").name),
        ("受理机构", receiving_body(ctx)),
    ]


def _arbitration_cover_rows(ctx: BundleContext) -> Rows:
    return [
        ("申请人", ctx.party("complainant").name),
        ("被申请人", ctx.party("respondent").name),
        ("案由", case_cause(ctx.case)),
        ("仲裁机构", receiving_body(ctx)),
    ]


def _court_cover_rows(ctx: BundleContext) -> Rows:
    defendants = _defendants(ctx)
    rows = [("原告", ctx.party("complainant").name)]
    rows += [(role, p.name) for role, p in zip(_role_names("被告", len(defendants)), defendants, strict=True)]
    rows += [
        ("案由", case_cause(ctx.case)),
        ("受诉法院", receiving_body(ctx)),
        ("案号", "＿＿＿＿＿＿＿＿（立案后填写）"),
    ]
    return rows


def _courier_cover_rows(ctx: BundleContext) -> Rows:
    """The claim to the carrier: the merchant claims, the carrier answers."""
    parties = courier_parties(ctx)
    shipment = ctx.case.shipment
    return [
        ("运单号", shipment.waybill_no),
        ("索赔人", parties.claimant.name),
        ("被索赔人", parties.carrier.name),
        ("派送网点", shipment.outlet),
        # The carrier the claim goes to (as 被索赔人 names it); a blank line only when the case does not know it.
        ("提交对象", f"{receiving_body(ctx) or '＿＿＿＿＿＿＿＿'}（快递企业理赔/客服部门）"),
    ]


def _postal_cover_rows(ctx: BundleContext) -> Rows:
    """12305: the appeal to the postal administration, after the complaint to the carrier."""
    parties = courier_parties(ctx)
    shipment = ctx.case.shipment
    complaint = rules.carrier_complaint(ctx)
    return [
        ("快件号码", shipment.waybill_no),
        ("申诉人", parties.claimant.name),
        ("被申诉人", parties.carrier.name),
        ("派送网点", shipment.outlet),
        ("企业投诉日期", fmt_date(complaint.at, ctx.case) if complaint is not None else DATE_BLANK),
        ("企业工单号", complaint.ref if complaint is not None else ""),
        ("受理机构", receiving_body(ctx)),
    ]


def _cover_rows(ctx: BundleContext) -> Rows:
    venue, route = ctx.venue, ctx.route
    if venue is Venue.CONSUMER_ASSOCIATION:
        return _consumer_cover_rows(ctx)
    if venue is Venue.ARBITRATION:
        return _arbitration_cover_rows(ctx)
    if venue is Venue.COURT:
        return _court_cover_rows(ctx)
    if venue is Venue.COURIER_CLAIM:
        return _postal_cover_rows(ctx) if route is Route.POSTAL_REGULATOR else _courier_cover_rows(ctx)
    return []


def _main_document(ctx: BundleContext) -> str:
    """The document after the cover (the complaint, application or claim): where a value the cover cuts short is
    printed whole."""
    if ctx.venue is Venue.CONSUMER_ASSOCIATION:
        return "消费投诉书"
    if ctx.venue is Venue.ARBITRATION:
        return "仲裁申请书"
    if ctx.venue is Venue.COURT:
        return "民事起诉状"
    return "邮政业用户申诉书" if ctx.route is Route.POSTAL_REGULATOR else "快递理赔申请书"


@dataclass(frozen=True)
class _CoverLook:
    """One way of setting the cover: the type size and leading of its table, its cells' top padding, the space
    above the heading and between the heading and the table, and the most characters of one value (None: whole)."""

    size: float
    leading: float
    padding: float
    above: float
    below: float
    chars: int | None = None


# Tried in turn until the cover fits one page: as designed (四号, generous space), less space, smaller type down to
# 五号 (the size of the packet's forms), and only then values cut short, the cut saying where the whole text is.
_LOOKS = (
    _CoverLook(SIHAO, 22, 9, 38 * mm, 26 * mm),
    _CoverLook(SIHAO, 22, 6, 20 * mm, 12 * mm),
    _CoverLook(XIAOSI, 18, 5, 12 * mm, 8 * mm),
    _CoverLook(WUHAO, 15, 4, 8 * mm, 6 * mm),
    *(_CoverLook(WUHAO, 15, 4, 8 * mm, 6 * mm, chars) for chars in (300, 150, 80, 40)),
)
#: The height a cover's flowables have on a text page: the frame between the margins, less its padding.
_PAGE_ROOM = PAGE[1] - TOP - BOTTOM - 12


def _cut(value: str, chars: int | None, whole_in: str | None) -> str:
    """``value`` whole, or its first ``chars`` characters and a note naming where it is printed whole (``whole_in``;
    None: nowhere else in the packet, the organisation's own name)."""
    if chars is None or len(value) <= chars:
        return value
    note = LONG_VALUE_NOTE if whole_in is None else LONG_VALUE_NOTE.removesuffix("）") + f"；全文见{whole_in}）"
    return value[:chars] + note


def _cover(ctx: BundleContext) -> list[Flowable]:
    """The cover: always one page. A crowded one (long names, several respondents) is set tighter and smaller
    (:data:`_LOOKS`); a value still too long for the page is cut, the cut naming the document that prints it
    whole (the complaint, application or claim that follows it)."""
    case = ctx.case
    rows: Rows = [("案件编号", case.number), *_cover_rows(ctx)]
    rows += [("证据材料", f"共 {len(ctx.entries)} 件（详见证据目录）"), ("提交日期", DATE_BLANK)]
    if ctx.org.name.strip():
        rows.append(("编制", ctx.org.name.strip()))
    document = _main_document(ctx)
    chosen = _LOOKS[-1]
    for look in _LOOKS:
        measured = _cover_story(ctx, rows, look, document)
        height = sum(f.wrap(TEXT_WIDTH - 12, _PAGE_ROOM)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in measured)
        if height <= _PAGE_ROOM:
            chosen = look
            break
    # Made again for the page: wrapping a table to measure it turns its cells into ReportLab's own tuples.
    return _cover_story(ctx, rows, chosen, document)


def _cover_story(ctx: BundleContext, rows: Rows, look: _CoverLook, document: str) -> list[Flowable]:
    st = _st()
    label_style = ParagraphStyle("cover_label", parent=st["cover_label"], fontSize=look.size, leading=look.leading)
    value_style = ParagraphStyle("cover_value", parent=st["cover_value"], fontSize=look.size, leading=look.leading)
    cells = []
    for label, value in rows:
        text = _cut(value, look.chars, document if label != "编制" else None)
        cells.append([_Para(esc(label) + "：", label_style), _Para(esc(blank(text)), value_style)])
    table = FormTable(cells, colWidths=[44 * mm, 122 * mm])  # labels such as 企业投诉日期： on one line
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LINEBELOW", (1, 0), (1, -1), 0.5, colors.black),
                ("TOPPADDING", (0, 0), (-1, -1), look.padding),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    heading: list[Flowable] = [_Para(esc(ctx.heading), st["cover"])]
    if ctx.route is not None and ctx.route is not Route.CARRIER:
        heading += [Spacer(1, 4 * mm), _Para(esc(f"提交{ctx.route.body}"), st["center"])]
    return [Spacer(1, look.above), *heading, Spacer(1, look.below), table]
